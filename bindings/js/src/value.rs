//! One cookie value: decode, encode, a category's stored state, and the
//! lookup of a cookie in a `Cookie:` header (`document.cookie`).

#[cfg(not(feature = "page"))]
use crate::args;
use crate::failure::Failure;
use cookieprefs as core;
use wasm_bindgen::prelude::*;

/// Decodes a value into its JSON form (`docs/FORMAT.md` §7, "Preferences").
#[wasm_bindgen(js_name = decodeJson)]
pub fn decode_json(value: &str) -> Result<String, Failure> {
    Ok(core::decode(value)?.to_json())
}

/// Encodes the JSON form of a value; every rule is checked (not in the
/// `page` build).
#[cfg(not(feature = "page"))]
#[wasm_bindgen(js_name = encodeJson)]
pub fn encode_json(json: &str) -> Result<String, Failure> {
    Ok(core::Preferences::from_json(json)?.encode())
}

/// The stored state (`granted`, `denied`, `not_asked`) of a category (a
/// standard name or a decimal id) in a value.
#[cfg(not(feature = "page"))] // Preferences.state: the full build
#[wasm_bindgen(js_name = preferencesState)]
pub fn preferences_state(value: &str, category: &str) -> Result<String, Failure> {
    let prefs = core::decode(value)?;
    let c = args::category(None, category)?;
    Ok(prefs.state(c).as_str().to_owned())
}

/// The value of the first cookie named `name` in a `Cookie:` header (one pair
/// of surrounding quotes removed), or `undefined`.
#[wasm_bindgen(js_name = cookieValue)]
pub fn cookie_value(header: &str, name: &str) -> Option<String> {
    core::cookie_value(header, name).map(str::to_owned)
}

// The unit tests build the full API (the `page` build is tested from
// JavaScript: bindings/js/tests/page-build.test.mjs).
#[cfg(all(test, not(feature = "page")))]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let json = decode_json("BAADCdcJ1w5Q").unwrap();
        assert_eq!(encode_json(&json).unwrap(), "BAADCdcJ1w5Q");
        assert_eq!(preferences_state("BAADCdcJ1w5Q", "1").unwrap(), "granted");
        assert_eq!(preferences_state("BAADCdcJ1w5Q", "16").unwrap(), "not_asked");
        assert_eq!(
            decode_json("BAADCdcJ1w5Q=").unwrap_err().kind(),
            "invalid_character"
        );
        assert_eq!(
            cookie_value("a=1; cookies_preferences=\"B\"", "cookies_preferences").as_deref(),
            Some("B")
        );
    }
}
