//! The `json` check: hostile policy files and preference JSON.

use cookieprefs::{decode, Date, Error, Policy, Preferences};

/// `json`: `Policy::from_json`, `Policy::from_compact` and
/// `Preferences::from_json` never panic on any text, the crate's JSON reader
/// agrees with serde_json on what is JSON ([`syntax_agrees`]), and what they
/// accept survives a round trip through `to_json` (a policy also through
/// its compact form, `docs/FORMAT.md` §14, which must evaluate alike).
pub fn check(data: &[u8]) {
    let Ok(text) = core::str::from_utf8(data) else {
        return;
    };
    syntax_agrees(text);
    if let Ok(policy) = Policy::from_json(text) {
        let again = policy.to_json();
        assert_eq!(Policy::from_json(&again).as_ref(), Ok(&policy), "{again}");
        let ev = policy.evaluate(None, Date::EPOCH, true);
        let compact = policy.to_compact();
        let back = Policy::from_compact(&compact).unwrap_or_else(|e| panic!("{compact}: {e}"));
        assert_eq!(back.to_compact(), compact);
        let ev_back = back.evaluate(None, Date::EPOCH, true);
        assert_eq!(ev_back.consent_mode(), ev.consent_mode(), "{compact}");
        assert_eq!(ev_back.asked(), ev.asked(), "{compact}");
    }
    if let Ok(policy) = Policy::from_compact(text) {
        assert_eq!(policy.to_compact(), text);
    }
    if let Ok(p) = Preferences::from_json(text) {
        assert_eq!(decode(p.encode()), Ok(p));
        assert_eq!(Preferences::from_json(&p.to_json()), Ok(p));
    }
}

/// The crate's own JSON reader against serde_json's: a text is JSON for
/// both or for neither. Seen through the public API: a syntax error is the
/// only `invalid_json` placed at `line L column C`. Two differences are
/// deliberate (`docs/FORMAT.md` §7): serde_json refuses numbers beyond
/// `f64`'s range (RFC 8259 leaves the range to implementations; the crate
/// reads them as numbers, which no field takes) and nesting of 128 levels
/// (the crate's cap is 128 levels): when serde_json gives one of those
/// errors, nothing is compared.
pub fn syntax_agrees(text: &str) {
    let ours = match Policy::from_json(text) {
        Err(Error::InvalidJson { path, reason }) if path.starts_with("line ") => {
            Err(format!("{path}: {reason}"))
        }
        _ => Ok(()),
    };
    match serde_json::from_str::<serde_json::Value>(text) {
        Ok(_) => assert!(
            ours.is_ok(),
            "serde_json reads {text:?}, the crate refuses it: {ours:?}"
        ),
        Err(e) => {
            let why = e.to_string();
            if !why.starts_with("number out of range") && !why.starts_with("recursion limit exceeded") {
                assert!(
                    ours.is_err(),
                    "serde_json refuses {text:?} ({why}), the crate reads it"
                );
            }
        }
    }
}
