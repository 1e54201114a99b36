//! Cookiebot, cookie `CookieConsent`: a URL-encoded JavaScript object
//! literal, `{stamp:'...',necessary:true,preferences:bool,statistics:bool,
//! marketing:bool,method:'explicit',ver:1,utc:MILLIS,region:'fr'}`. Implied
//! consent (`stamp:'-1'`, `method:'implied'`, or the bare value `-1`) is no
//! answer. The boolean members are the categories (a `gpc` member is a
//! browser signal, never imported); `utc` is the decision time.

use crate::import::text::{self, JsValue};
use crate::import::{Answer, ImportSkip, Reading};

pub(crate) fn read(value: &[u8]) -> Result<Reading, ImportSkip> {
    let decoded = text::percent_decode(value, false);
    let s = core::str::from_utf8(&decoded).map_err(|_| ImportSkip::malformed("not UTF-8"))?;
    if s.trim() == "-1" {
        return Err(ImportSkip::ImpliedConsent);
    }
    let members = text::js_object(s).ok_or(ImportSkip::malformed("not a JavaScript object literal"))?;
    let mut r = Reading::default();
    for (k, v) in members {
        match (k.as_str(), v) {
            ("stamp", JsValue::Str(s)) if s == "-1" => return Err(ImportSkip::ImpliedConsent),
            ("method", JsValue::Str(m)) if m == "implied" => return Err(ImportSkip::ImpliedConsent),
            ("utc", JsValue::Number(n)) => {
                let ms = text::integer(&n).ok_or(ImportSkip::malformed("utc is not a whole number"))?;
                r.days.push(text::day_of_millis(ms));
            }
            ("gpc", _) => {}
            (_, JsValue::Bool(b)) => r
                .items
                .push((k, if b { Answer::Granted } else { Answer::Denied })),
            _ => {}
        }
    }
    Ok(r)
}
