//! GOV.UK (govuk_publishing_components), cookie `cookies_policy`: JSON
//! `{"essential": true, "settings": bool, "usage": bool, "campaigns": bool}`,
//! raw or URL-encoded, sometimes JSON inside a JSON string; with
//! `cookies_preferences_set=true` once the visitor answered. The site
//! writes the all-false default before any answer, so that default without
//! `cookies_preferences_set=true` is no answer. No date.

use crate::import::text;
use crate::import::{Answer, ImportSkip, Reading};
use crate::json_tree::Node;

pub(crate) fn read(value: &[u8], companion: Option<&[u8]>) -> Result<Reading, ImportSkip> {
    let mut node = text::json(&text::percent_decode(value, false))?;
    if let Node::Str(inner) = &node {
        node = text::json(inner.as_bytes())?;
    }
    let Node::Object(pairs) = node else {
        return Err(ImportSkip::malformed("not a JSON object"));
    };
    let r = Reading {
        items: pairs
            .into_iter()
            .map(|(k, v)| (k, super::json_answer(&v)))
            .collect(),
        ..Reading::default()
    };
    let answered = companion.is_some_and(|c| text::percent_decode(c, false) == b"true");
    let default = !r
        .items
        .iter()
        .any(|(k, a)| k != "essential" && *a == Answer::Granted);
    if default && !answered {
        return Err(ImportSkip::NotAnswered);
    }
    Ok(r)
}
