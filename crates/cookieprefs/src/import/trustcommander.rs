//! Commanders Act TrustCommander, cookie `TC_PRIVACY`: URL-encoded fields
//! separated by `@`: `status@versions@categories@blocked@updated,created,expires[@...]`.
//! Status `0`: the visitor consented to the listed categories (ids, comma
//! separated) and refused the others; `1`: the visitor opted out. `ALL`
//! lists every category. The categories mean nothing without the site's
//! own table (`import.trustcommander`): a category of that table the
//! cookie does not list is refused. Times are in milliseconds.

use crate::import::text;
use crate::import::{Answer, ImportSkip, Reading};

pub(crate) fn read(value: &[u8]) -> Result<Reading, ImportSkip> {
    let decoded = text::percent_decode(value, false);
    let s = core::str::from_utf8(&decoded).map_err(|_| ImportSkip::malformed("not UTF-8"))?;
    let fields: Vec<&str> = s.splitn(7, '@').collect();
    let (listed, others) = match fields.first() {
        Some(&"0") => (Answer::Granted, Answer::Denied),
        Some(&"1") => (Answer::Denied, Answer::Denied),
        _ => return Err(ImportSkip::malformed("the status is not 0 or 1")),
    };
    let Some(categories) = fields.get(2) else {
        return Err(ImportSkip::malformed("no category field"));
    };
    let mut r = Reading::default();
    if *categories == "ALL" {
        r.unlisted = Some(listed);
    } else {
        for id in categories.split(',').filter(|c| !c.is_empty()) {
            if id.len() > 9 || !id.bytes().all(|b| b.is_ascii_digit()) {
                return Err(ImportSkip::malformed("a category is not a number"));
            }
            r.items.push((id.to_owned(), listed));
        }
        r.unlisted = Some(others);
    }
    let mut times: Vec<&str> = fields
        .get(4)
        .map(|t| t.split(',').take(2).collect())
        .unwrap_or_default();
    if times.len() == 1 {
        // Older cookies: `...@updated@created`.
        times.extend(fields.get(5).filter(|t| text::integer(t).is_some()));
    }
    for t in times.into_iter().filter(|t| !t.is_empty()) {
        let ms = text::integer(t).ok_or(ImportSkip::malformed("a time is not a number"))?;
        r.days.push(text::day_of_millis(ms));
    }
    Ok(r)
}
