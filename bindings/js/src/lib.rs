//! `cookieprefs-wasm`: the cookieprefs core for the browser, compiled to
//! `wasm32-unknown-unknown` with wasm-bindgen.
//!
//! A thin layer, like the Python binding: every rule, name and message is the
//! core's. What crosses the boundary is strings, numbers and booleans; any
//! structured answer crosses as JSON text, which the hand-written ES module
//! (`js/cookieprefs.js`) parses and wraps in its classes: the core's forms as
//! the core writes them (`to_json`), anything else through this crate's
//! small writer (`json`), so that the module carries no serializer. One
//! file per concept: `failure` (the
//! core's error as a value JavaScript turns into a `CookieprefsError`),
//! `args` (dates, category references, methods), `value` (decode, encode,
//! the `Cookie:` lookup), `policy`, `evaluation`, `declaration` (texts and
//! classification). This file holds the constants.
//!
//! The module never asks the system for the time (`Date::today` would panic
//! on this target): the JavaScript side passes the day.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod args;
#[cfg(not(feature = "page"))]
mod declaration;
mod evaluation;
mod failure;
mod json;
mod policy;
mod value;

pub use evaluation::Evaluation;
pub use failure::Failure;
pub use policy::Policy;
pub use value::{cookie_value, decode_json};
#[cfg(not(feature = "page"))]
pub use value::{encode_json, preferences_state};

use cookieprefs as core;
use wasm_bindgen::prelude::*;

/// The library's version, format version, limits and error kinds, as JSON:
/// `{"version", "format_version", "max_encoded_len", "max_revision",
/// "max_category_id", "default_cookie_name", "error_kinds",
/// "value_error_kinds"}`.
#[wasm_bindgen]
pub fn constants() -> String {
    let kinds = |k: &[&str]| json::array(k.iter().map(|k| json::string(k)));
    json::Object::new()
        .string("version", env!("CARGO_PKG_VERSION"))
        .number("format_version", core::FORMAT_VERSION.into())
        .number("max_encoded_len", core::MAX_ENCODED_LEN as u64)
        .number("max_revision", core::MAX_REVISION.into())
        .number("max_category_id", core::Category::MAX_ID.into())
        .string("default_cookie_name", core::DEFAULT_COOKIE_NAME)
        .raw("error_kinds", &kinds(core::Error::KINDS))
        .raw("value_error_kinds", &kinds(core::Error::VALUE_KINDS))
        .finish()
}

#[cfg(test)]
mod tests {
    #[test]
    fn constants_are_the_cores() {
        let c: serde_json::Value = serde_json::from_str(&super::constants()).unwrap();
        assert_eq!(c["format_version"], 1);
        assert_eq!(
            c["error_kinds"].as_array().unwrap().len(),
            cookieprefs::Error::KINDS.len()
        );
        assert_eq!(c["default_cookie_name"], "cookies_preferences");
    }
}
