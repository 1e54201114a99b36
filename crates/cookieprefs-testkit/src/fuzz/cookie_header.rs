//! The `cookie_header` check: `find_cookie` against the reference parser
//! ([`crate::reference::find_cookie`]).

use cookieprefs::{find_cookie, Date, Policy, State};

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
/// [`reference::find_cookie`] on the exact range; `find_cookies` gives every
/// copy the reference finds, in order; `cookie_value` agrees on UTF-8
/// headers; a policy reads every copy as FORMAT.md §8 says (a category is
/// granted only if every valid copy grants it, a refusal in any valid copy
/// wins, invalid copies are ignored beside a valid one).
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
    // Every copy: the reference lookup again after each match.
    let mut want_all = Vec::new();
    let mut from = 0;
    while let Some((s, e)) = reference::find_cookie(&header[from..], name.as_bytes()) {
        want_all.push(from + s..from + e);
        from += e;
    }
    let all: Vec<_> = cookieprefs::find_cookies(header, &name).collect();
    assert_eq!(all, want_all, "every copy of {name:?}");
    // The stored state across copies: valid copies merged (a refusal wins,
    // a grant needs every copy), else the first copy's error, else none.
    let decoded: Vec<_> = all
        .iter()
        .map(|r| cookieprefs::decode(&header[r.clone()]))
        .collect();
    for c in [1, 2, 3, 16].map(|id| cookieprefs::Category::new(id).unwrap()) {
        let valid: Vec<State> = decoded
            .iter()
            .filter_map(|d| d.as_ref().ok())
            .map(|p| p.state(c))
            .collect();
        let want = if decoded.is_empty() {
            None
        } else if valid.is_empty() {
            decoded.iter().find_map(|d| d.clone().err()).map(Err)
        } else if valid.contains(&State::Denied) {
            Some(Ok(State::Denied))
        } else if valid.iter().all(|s| *s == State::Granted) {
            Some(Ok(State::Granted))
        } else {
            Some(Ok(State::NotAsked))
        };
        assert_eq!(
            cookieprefs::header_stored_state(header, &name, c),
            want,
            "stored state of {}",
            c.id()
        );
    }
    enforcement(header);
    if name == cookieprefs::DEFAULT_COOKIE_NAME {
        let policy = Policy::builder()
            .revision(1)
            .standard_categories()
            .build()
            .unwrap();
        let today = Date::from_days_since_epoch(2519);
        let ev = policy.evaluate_header(Some(header), today, false);
        assert_eq!(ev.copies() as usize, all.len());
        if all.len() <= 1 {
            assert_eq!(ev, policy.evaluate_bytes(got.map(|r| &header[r]), today, false));
            return;
        }
        let singles: Vec<_> = all
            .iter()
            .map(|r| policy.evaluate_bytes(Some(&header[r.clone()]), today, false))
            .collect();
        let valid: Vec<_> = singles.iter().filter(|s| s.error().is_none()).collect();
        let first_error = singles.iter().find_map(|s| s.error());
        if valid.is_empty() {
            assert_eq!(ev.error(), first_error);
            assert!(ev.stored().is_none());
            assert_eq!(ev.ignored_error(), None);
        } else {
            assert_eq!(ev.error(), None);
            assert_eq!(ev.stored(), valid[0].stored());
            assert_eq!(ev.ignored_error(), first_error);
        }
        for c in policy.categories().iter().map(|c| c.category) {
            let want = if valid.iter().any(|s| s.state(c) == State::Denied) {
                State::Denied
            } else if !valid.is_empty() && valid.iter().all(|s| s.state(c) == State::Granted) {
                State::Granted
            } else {
                State::NotAsked
            };
            assert_eq!(ev.state(c), want, "category {}", c.id());
        }
    }
}

/// The policy of the enforcement check: patterns, an exact name under a
/// pattern, a `__Host-` name, undeclared cookies blocked.
const DECLARATION: &str = r#"{"revision": 1, "cookies": [
    {"name": "a*", "category": "statistics", "domain": "example.org"},
    {"name": "ab*", "category": "third_party", "path": "/p"},
    {"name": "a", "category": "first_party"},
    {"name": "__Host-s", "category": "necessary"}], "undeclared": "block"}"#;

/// Enforcement on any header (FORMAT.md §12): the cookies to clear are
/// exactly the distinct token names of the header's pairs that may not be
/// set, in header order, each with a deletion header of its own name; the
/// response filter keeps a header exactly when it deletes or its name may
/// be set.
fn enforcement(header: &[u8]) {
    let policy = Policy::from_json(DECLARATION).unwrap();
    let today = Date::from_days_since_epoch(2519);
    let ev = policy.evaluate_header(Some(header), today, false);
    let token = |n: &[u8]| {
        !n.is_empty()
            && n.iter()
                .all(|&b| b.is_ascii_graphic() && !b"()<>@,;:\\\"/[]?={}".contains(&b))
    };
    let trim = |s: &[u8]| -> Vec<u8> {
        let t: &[u8] = s;
        let start = t
            .iter()
            .position(|b| *b != b' ' && *b != b'\t')
            .unwrap_or(t.len());
        let end = t
            .iter()
            .rposition(|b| *b != b' ' && *b != b'\t')
            .map_or(start, |e| e + 1);
        t[start..end].to_vec()
    };
    let mut want: Vec<Vec<u8>> = Vec::new();
    for pair in header.split(|b| *b == b';') {
        let Some(eq) = pair.iter().position(|b| *b == b'=') else {
            continue;
        };
        let name = trim(&pair[..eq]);
        if token(&name) && !ev.cookie_allowed(&name) && !want.contains(&name) {
            want.push(name);
        }
    }
    let got: Vec<_> = ev.cookies_to_clear(header).collect();
    assert_eq!(
        got.iter()
            .map(|c| c.name().as_bytes().to_vec())
            .collect::<Vec<_>>(),
        want
    );
    for c in &got {
        let h = c.deletion_header();
        assert!(
            h.starts_with(&format!(
                "{}=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/",
                c.name()
            )),
            "{h}"
        );
        assert!(!h.contains(['\r', '\n']));
    }
    let keep = ev.set_cookie_allowed(header);
    let name = cookieprefs::set_cookie_name(header);
    if !ev.cookie_allowed(name) && keep {
        // Only a deletion may be kept when its cookie may not be set.
        let lower = String::from_utf8_lossy(header).to_ascii_lowercase();
        assert!(lower.contains("max-age") || lower.contains("expires"), "{lower}");
    }
    if ev.cookie_allowed(name) {
        assert!(keep);
    }
}
