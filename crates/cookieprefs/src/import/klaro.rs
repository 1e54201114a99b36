//! klaro, cookie `klaro`: URL-encoded JSON object from service name to
//! `true` / `false`, written when the visitor confirms. No date.

use crate::import::text;
use crate::import::{ImportSkip, Reading};
use crate::json_tree::Node;

pub(crate) fn read(value: &[u8]) -> Result<Reading, ImportSkip> {
    let node = text::json(&text::percent_decode(value, false))?;
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
    Ok(r)
}
