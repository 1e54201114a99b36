//! The core's error as a value: thrown by every fallible export, turned into
//! a `CookieprefsError` (with the same `kind` and message) by the ES module.

use cookieprefs as core;
use wasm_bindgen::prelude::*;

/// A core error: its stable kind (`docs/FORMAT.md` §5) and its message.
#[wasm_bindgen]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    kind: &'static str,
    message: String,
}

#[wasm_bindgen]
impl Failure {
    /// The error kind, e.g. `invalid_character`.
    #[wasm_bindgen(getter)]
    pub fn kind(&self) -> String {
        self.kind.to_owned()
    }

    /// The core's message.
    #[wasm_bindgen(getter)]
    pub fn message(&self) -> String {
        self.message.clone()
    }
}

impl From<core::Error> for Failure {
    fn from(e: core::Error) -> Failure {
        Failure {
            kind: e.kind(),
            message: e.to_string(),
        }
    }
}

impl From<&core::Error> for Failure {
    fn from(e: &core::Error) -> Failure {
        Failure {
            kind: e.kind(),
            message: e.to_string(),
        }
    }
}
