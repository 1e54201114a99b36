//! The `cookie_header` check: `find_cookie` against the reference parser
//! ([`crate::reference::find_cookie`]).

use cookieprefs::{find_cookie, Date, Policy};

use super::Input;
use crate::reference;

/// The cookie name a `cookie_header` input asks for, then the header.
///
/// First byte `b`: `b % 4` = 0 → `cookies_preferences`, 1 → `a`, 2 → the
/// empty name, 3 → the next `b >> 2` bytes (lossy UTF-8).
pub fn split_cookie_input(data: &[u8]) -> (String, &[u8]) {
    let mut input = Input::new(data);
    let b = input.u8();
    let name = match b % 4 {
        0 => "cookies_preferences".to_owned(),
        1 => "a".to_owned(),
        2 => String::new(),
        _ => String::from_utf8_lossy(input.bytes(usize::from(b >> 2))).into_owned(),
    };
    (name, input.rest())
}

/// `cookie_header`: `find_cookie` never panics and agrees with
/// [`reference::find_cookie`] on the exact range; `cookie_value` agrees on
/// UTF-8 headers; a policy reads the cookie the same way.
pub fn check(data: &[u8]) {
    let (name, header) = split_cookie_input(data);
    let got = find_cookie(header, &name);
    let want = reference::find_cookie(header, name.as_bytes());
    assert_eq!(got.clone().map(|r| (r.start, r.end)), want, "name {name:?}");
    if let Some(r) = &got {
        assert!(r.start <= r.end && r.end <= header.len());
    }
    if let Ok(h) = core::str::from_utf8(header) {
        let v = cookieprefs::cookie_value(h, &name);
        assert_eq!(v.map(str::as_bytes), got.clone().map(|r| &header[r]));
    }
    if name == cookieprefs::DEFAULT_COOKIE_NAME {
        let policy = Policy::default();
        let today = Date::from_days_since_epoch(2519);
        assert_eq!(
            policy.evaluate_header(Some(header), today, false),
            policy.evaluate_bytes(got.map(|r| &header[r]), today, false)
        );
    }
}
