//! The `json` check: hostile policy files and preference JSON.

use cookieprefs::{decode, Date, Policy, Preferences};

/// `json`: `Policy::from_json` and `Preferences::from_json` never panic on
/// any text, and what they accept survives a round trip through `to_json`.
pub fn check(data: &[u8]) {
    let Ok(text) = core::str::from_utf8(data) else {
        return;
    };
    if let Ok(policy) = Policy::from_json(text) {
        let again = policy.to_json();
        assert_eq!(Policy::from_json(&again).as_ref(), Ok(&policy), "{again}");
        let _ = policy.evaluate(None, Date::EPOCH, true);
    }
    if let Ok(p) = Preferences::from_json(text) {
        assert_eq!(decode(p.encode()), Ok(p));
        assert_eq!(Preferences::from_json(&p.to_json()), Ok(p));
    }
}
