//! OneTrust, cookie `OptanonConsent`: a form-encoded query string
//! (`isGpcEnabled=0&datestamp=...&version=...&consentId=UUID&interactionCount=1
//! &groups=C0001%3A1%2CC0002%3A0&AwaitingReconsent=false&...`), with
//! `OptanonAlertBoxClosed` (an ISO date-time) once the banner was closed.
//! `groups` lists `GROUP:1` (consent) or `GROUP:0` (refused). No
//! interaction (`interactionCount` 0 or absent, and no
//! `OptanonAlertBoxClosed`) is no answer; `AwaitingReconsent=true` is no
//! answer either. The decision day is `OptanonAlertBoxClosed`'s, else the
//! `datestamp`'s. GPC flags (`isGpcEnabled`, `browserGpcFlag`) are ignored.

use crate::import::text;
use crate::import::{Answer, ImportSkip, Reading};
use crate::ConsentId;

pub(crate) fn read(value: &[u8], companion: Option<&[u8]>) -> Result<Reading, ImportSkip> {
    let mut fields: Vec<(String, String)> = Vec::new();
    for pair in value.split(|&b| b == b'&').filter(|p| !p.is_empty()) {
        let (k, v) = match pair.iter().position(|&b| b == b'=') {
            Some(i) => (&pair[..i], &pair[i + 1..]),
            None => (pair, &b""[..]),
        };
        let k = String::from_utf8(text::percent_decode(k, true))
            .map_err(|_| ImportSkip::malformed("not UTF-8"))?;
        let v = String::from_utf8(text::percent_decode(v, true))
            .map_err(|_| ImportSkip::malformed("not UTF-8"))?;
        if !fields.iter().any(|(f, _)| *f == k) {
            fields.push((k, v));
        }
    }
    let get = |k: &str| fields.iter().find(|(f, _)| f == k).map(|(_, v)| v.as_str());
    let closed = companion.filter(|c| !c.is_empty());
    let interactions = match get("interactionCount") {
        None | Some("") => 0,
        Some(n) => text::integer(n).ok_or(ImportSkip::malformed("interactionCount is not a number"))?,
    };
    if interactions <= 0 && closed.is_none() {
        return Err(ImportSkip::NotAnswered);
    }
    if get("AwaitingReconsent") == Some("true") {
        return Err(ImportSkip::AwaitingReconsent);
    }
    let mut r = Reading::default();
    for group in get("groups").unwrap_or("").split(',').filter(|g| !g.is_empty()) {
        let answer = match group.rsplit_once(':') {
            Some((id, "1")) if !id.is_empty() => (id, Answer::Granted),
            Some((id, "0")) if !id.is_empty() => (id, Answer::Denied),
            _ => return Err(ImportSkip::malformed("a group is not GROUP:0 or GROUP:1")),
        };
        r.items.push((answer.0.to_owned(), answer.1));
    }
    if let Some(c) = closed {
        let decoded = text::percent_decode(c, false);
        let day = core::str::from_utf8(&decoded).ok().and_then(text::iso_day);
        r.days
            .push(day.ok_or(ImportSkip::malformed("OptanonAlertBoxClosed is not an ISO date"))?);
    } else if let Some(stamp) = get("datestamp").filter(|s| !s.is_empty()) {
        r.days.push(
            text::js_date_day(stamp).ok_or(ImportSkip::malformed("datestamp is not a JavaScript date"))?,
        );
    }
    r.consent_id = get("consentId").and_then(|id| id.parse::<ConsentId>().ok());
    Ok(r)
}
