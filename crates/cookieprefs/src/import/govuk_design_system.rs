//! The GOV.UK Design System site, cookie `design_system_cookies_policy`:
//! JSON `{"analytics": bool|null, "version": N}`. The site counts a cookie
//! whose `version` is below its current one as no answer. No date.

use crate::import::text;
use crate::import::{ImportSkip, Reading};
use crate::json_tree::Node;

/// The Design System's current consent cookie version.
pub(crate) const CURRENT_VERSION: i128 = 1;

pub(crate) fn read(value: &[u8]) -> Result<Reading, ImportSkip> {
    let node = text::json(&text::percent_decode(value, false))?;
    let Node::Object(pairs) = node else {
        return Err(ImportSkip::malformed("not a JSON object"));
    };
    let mut r = Reading::default();
    let mut current = false;
    for (k, v) in pairs {
        if k == "version" {
            current = matches!(v, Node::Int(n) if n >= CURRENT_VERSION);
        } else {
            r.items.push((k, super::json_answer(&v)));
        }
    }
    if !current {
        return Err(ImportSkip::OutdatedVersion);
    }
    Ok(r)
}
