//! django-cookie-consent, cookie `cookie_consent`:
//! `group=VERSION|group=-1`, where `-1` is a refusal and any other value
//! the version (an ISO date of the group's newest cookie) the visitor
//! accepted; Django quotes the value. A pair without exactly one `=` is
//! discarded, as the tool does. No decision date.

use crate::import::text;
use crate::import::{Answer, ImportSkip, Reading};

pub(crate) fn read(value: &[u8]) -> Result<Reading, ImportSkip> {
    let decoded = text::percent_decode(value, false);
    let s = core::str::from_utf8(&decoded).map_err(|_| ImportSkip::malformed("not UTF-8"))?;
    let mut r = Reading::default();
    for pair in s.split('|') {
        let mut parts = pair.split('=');
        let (Some(group), Some(v), None) = (parts.next(), parts.next(), parts.next()) else {
            continue;
        };
        let answer = match v {
            "-1" => Answer::Denied,
            "" => Answer::Undecided,
            _ => Answer::Granted,
        };
        if !group.is_empty() {
            r.items.push((group.to_owned(), answer));
        }
    }
    if r.items.is_empty() {
        // The tool reads such a cookie as no answer at all.
        return Err(ImportSkip::NotAnswered);
    }
    Ok(r)
}
