//! vanilla-cookieconsent (orestbida/cookieconsent), cookie `cc_cookie`:
//! URL-encoded JSON (v3; v2 only with `use_rfc_cookie`, raw JSON otherwise).
//!
//! - v3: `{"categories": [accepted...], "services": {every category: [...]},
//!   "consentId": UUID, "consentTimestamp": ISO, "lastConsentTimestamp": ISO, ...}`.
//!   A category that is a key of `services` but not accepted was refused.
//! - v2 (2.8+): `{"categories"|"level": [accepted...], "consent_uuid": UUID,
//!   "consent_date": ISO, "last_consent_update": ISO, ...}`; older v2 has
//!   `level` only. v2 lists accepted categories only: the others are not
//!   known to have been offered, so they stay undecided.

use crate::import::text;
use crate::import::{Answer, ImportSkip, Reading};
use crate::json_tree::{self as tree, Node};
use crate::ConsentId;

pub(crate) fn read(value: &[u8]) -> Result<Reading, ImportSkip> {
    let node = text::json(&text::percent_decode(value, false))?;
    let Node::Object(pairs) = &node else {
        return Err(ImportSkip::malformed("not a JSON object"));
    };
    let get = |k: &str| tree::member(pairs, k);
    let v3 = get("consentTimestamp").is_some() || get("services").is_some() || get("consentId").is_some();
    let Some(Node::Array(accepted)) = get("categories").or_else(|| get("level")) else {
        return Err(ImportSkip::malformed("no list of accepted categories"));
    };
    let mut r = Reading::default();
    for c in accepted {
        let Node::Str(name) = c else {
            return Err(ImportSkip::malformed("a category is not a string"));
        };
        r.items.push((name.clone(), Answer::Granted));
    }
    if v3 {
        if let Some(Node::Object(services)) = get("services") {
            for (name, _) in services {
                if !accepted.iter().any(|c| matches!(c, Node::Str(s) if s == name)) {
                    r.items.push((name.clone(), Answer::Denied));
                }
            }
        }
    }
    let (first, last, id) = if v3 {
        ("consentTimestamp", "lastConsentTimestamp", "consentId")
    } else {
        ("consent_date", "last_consent_update", "consent_uuid")
    };
    for key in [first, last] {
        match get(key) {
            None | Some(Node::Null) => {}
            Some(Node::Str(s)) => r
                .days
                .push(text::iso_day(s).ok_or(ImportSkip::malformed("a date is not ISO 8601"))?),
            Some(_) => return Err(ImportSkip::malformed("a date is not a string")),
        }
    }
    if let Some(Node::Str(s)) = get(id) {
        r.consent_id = s.parse::<ConsentId>().ok();
    }
    Ok(r)
}
