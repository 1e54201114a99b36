//! tarteaucitron.js, cookie `tarteaucitron`: `!service=state` repeated,
//! each state `true`, `false` or `wait` (not decided). No date.

use crate::import::text;
use crate::import::{Answer, ImportSkip, Reading};

pub(crate) fn read(value: &[u8]) -> Result<Reading, ImportSkip> {
    let decoded = text::percent_decode(value, false);
    let s = core::str::from_utf8(&decoded).map_err(|_| ImportSkip::malformed("not UTF-8"))?;
    let mut r = Reading::default();
    for part in s.split('!').filter(|p| !p.is_empty()) {
        let Some((service, state)) = part.split_once('=') else {
            return Err(ImportSkip::malformed("an entry has no ="));
        };
        let answer = match state {
            "true" => Answer::Granted,
            "false" => Answer::Denied,
            "wait" => Answer::Undecided,
            _ => return Err(ImportSkip::malformed("a state is not true, false or wait")),
        };
        if service.is_empty() {
            return Err(ImportSkip::malformed("an entry has no service"));
        }
        r.items.push((service.to_owned(), answer));
    }
    if r.items.iter().all(|(_, a)| *a == Answer::Undecided) {
        return Err(ImportSkip::NotAnswered);
    }
    Ok(r)
}
