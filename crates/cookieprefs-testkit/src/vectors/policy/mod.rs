//! `policy.json`: policies in their JSON form. Valid ones with the
//! normalised form the code writes (`docs/FORMAT.md` §7); invalid ones with
//! the error kind and the FORMAT.md rule that decides it (`json.N`: §7
//! "Reading a JSON form"; `policy.N`: §6 "Checking a policy"). Every
//! expected kind is written here by hand; [`document`] asserts the code
//! agrees and that the normalised form loads back to the same policy.

use cookieprefs::Policy;
use serde_json::{json, Value};

/// A policy that loads.
pub struct Valid {
    /// The case name.
    pub name: &'static str,
    /// The policy's JSON text.
    pub json: &'static str,
}

/// A policy that is refused.
pub struct Invalid {
    /// The case name.
    pub name: &'static str,
    /// The policy's JSON text.
    pub json: &'static str,
    /// The FORMAT.md rule that decides the error: `json.N` or `policy.N`.
    pub rule: &'static str,
    /// The error kind.
    pub kind: &'static str,
}

mod invalid;
mod valid;

pub use invalid::INVALID;
pub use valid::VALID;

/// The file's document: `{"valid": [{name, json, normalized}], "invalid":
/// [{name, json, rule, error}]}`.
pub fn document() -> Value {
    let valid: Vec<Value> = VALID
        .iter()
        .map(|c| {
            let policy = Policy::from_json(c.json).unwrap_or_else(|e| panic!("{}: {e}", c.name));
            let normalized = serde_json::to_value(&policy).expect("a policy serializes");
            let again =
                Policy::from_json(&normalized.to_string()).unwrap_or_else(|e| panic!("{}: {e}", c.name));
            assert_eq!(again, policy, "{}: the normalised form loads back", c.name);
            json!({"name": c.name, "json": c.json, "normalized": normalized})
        })
        .collect();
    let invalid: Vec<Value> = INVALID
        .iter()
        .map(|c| {
            let err = Policy::from_json(c.json).expect_err(c.name);
            assert_eq!(err.kind(), c.kind, "{}: {err}", c.name);
            json!({"name": c.name, "json": c.json, "rule": c.rule, "error": c.kind})
        })
        .collect();
    json!({"valid": valid, "invalid": invalid})
}
