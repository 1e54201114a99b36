//! Finding the value in a `Cookie:` request header, and building the
//! `Set-Cookie:` response header.

use crate::quote::Quoted;
use core::ops::Range;

use crate::{Category, Date, Error, Policy, Preferences, State, DEFAULT_COOKIE_NAME};

/// Finds the first cookie named `name` in a `Cookie:` header and returns the
/// byte range of its value within `header` (quotes stripped).
///
/// Follows RFC 6265 §5.4 / §4.2.1 and is robust to what *other* cookies hold:
/// pairs are split on `;`, names and values are trimmed of spaces and tabs, a
/// pair without `=` is skipped, names are compared exactly (case-sensitive),
/// and one pair of surrounding double quotes is removed from the value. Other
/// cookies may contain raw JSON, quotes, commas or non-UTF-8 bytes. A header
/// may hold several cookies of the same name (other paths or domains):
/// [`find_cookies`] gives them all, and [`Policy::evaluate_header`] applies
/// the rule of `docs/FORMAT.md` §8 to them.
///
/// ```
/// let header = br#"other={"a":1;"b":[2]}; cookies_preferences=BAADCdcJ1w5Q; x=y"#;
/// let r = cookieprefs::find_cookie(header, "cookies_preferences").unwrap();
/// assert_eq!(&header[r], b"BAADCdcJ1w5Q");
/// ```
pub fn find_cookie(header: &[u8], name: &str) -> Option<Range<usize>> {
    find_cookies(header, name).next()
}

/// Every cookie named `name` in a `Cookie:` header, in header order: the
/// byte range of each value (as [`find_cookie`] finds the first).
///
/// ```
/// let header = b"cookies_preferences=BAABCdcJ1w6g; a=1; cookies_preferences=BAABCdcJ1w1Q";
/// let values: Vec<&[u8]> = cookieprefs::find_cookies(header, "cookies_preferences")
///     .map(|r| &header[r])
///     .collect();
/// assert_eq!(values, [&b"BAABCdcJ1w6g"[..], &b"BAABCdcJ1w1Q"[..]]);
/// ```
pub fn find_cookies<'h>(header: &'h [u8], name: &'h str) -> CookieValues<'h> {
    let name = name.as_bytes();
    CookieValues {
        header,
        name,
        start: 0,
        // No trimmed piece name can equal a name that is empty, holds `=` or
        // ends in a space except through the piece-by-piece scan.
        general: name.is_empty() || name.contains(&b'=') || name.last().is_some_and(|&b| is_space(b)),
    }
}

/// The values of every cookie of one name in a `Cookie:` header: see
/// [`find_cookies`].
#[derive(Debug, Clone)]
pub struct CookieValues<'h> {
    header: &'h [u8],
    name: &'h [u8],
    /// Where the next piece starts (past the header's end: done).
    start: usize,
    general: bool,
}

impl Iterator for CookieValues<'_> {
    type Item = Range<usize>;

    #[inline]
    fn next(&mut self) -> Option<Range<usize>> {
        let found = if self.general {
            find_general(self.header, self.name, self.start)
        } else {
            find_token(self.header, self.name, self.start)
        };
        match found {
            Some((value, end)) => {
                self.start = end + 1;
                Some(value)
            }
            None => {
                self.start = usize::MAX;
                None
            }
        }
    }
}

/// The next match from `start` for a name that is not empty, holds no `=`
/// and does not end in a space (every real cookie name): a piece matches
/// exactly when, after its leading spaces, it starts with `name` followed by
/// optional spaces and `=`. Pieces are found with a vectorised search for
/// `;` (memchr natively), so the bytes of other cookies are not looked at one by one.
/// Gives the value and the end of its piece.
#[inline]
fn find_token(header: &[u8], name: &[u8], mut start: usize) -> Option<(Range<usize>, usize)> {
    loop {
        let rest = header.get(start..)?;
        let end = crate::bytes::find_byte(b';', rest).map_or(header.len(), |p| start + p);
        let piece = trim(header, start..end);
        // The first byte rules out most pieces without a call to memcmp.
        if header.get(piece.start) == name.first() && header[piece.clone()].starts_with(name) {
            let after = trim(header, piece.start + name.len()..piece.end);
            if !after.is_empty() && header[after.start] == b'=' {
                return Some((unquote(header, trim(header, after.start + 1..end)), end));
            }
        }
        start = end + 1;
    }
}

/// The next match from `start` for any name, piece by piece.
fn find_general(header: &[u8], name: &[u8], mut start: usize) -> Option<(Range<usize>, usize)> {
    while start <= header.len() {
        let end = crate::bytes::find_byte(b';', &header[start..]).map_or(header.len(), |p| start + p);
        if let Some(eq) = crate::bytes::find_byte(b'=', &header[start..end]) {
            let eq = start + eq;
            let n = trim(header, start..eq);
            if &header[n] == name {
                return Some((unquote(header, trim(header, eq + 1..end)), end));
            }
        }
        start = end + 1;
    }
    None
}

/// The state a `Cookie:` header *stores* for `category` in the cookie named
/// `name`, with no policy rule applied (no expiry, revision or GPC: for
/// "may I?" use [`Policy::evaluate_header`]). Of several copies, as
/// `docs/FORMAT.md` §8 says: invalid copies are ignored while a valid one
/// exists; a refusal in any valid copy is `denied`, a grant counts only if
/// every valid copy grants it. `None` when the header holds no such cookie;
/// the first copy's error when no copy is valid.
///
/// ```
/// use cookieprefs::{header_stored_state, Category, State};
/// let h = b"cookies_preferences=BAABCdcJ1w6g; cookies_preferences=BAABCdcJ1w1Q";
/// let st = header_stored_state(h, "cookies_preferences", Category::STATISTICS);
/// assert_eq!(st, Some(Ok(State::Denied)));
/// assert_eq!(header_stored_state(b"a=1", "cookies_preferences", Category::STATISTICS), None);
/// ```
pub fn header_stored_state(header: &[u8], name: &str, category: Category) -> Option<Result<State, Error>> {
    let mut merged: Option<State> = None;
    let mut first_error = None;
    for r in find_cookies(header, name) {
        match crate::decode(&header[r]) {
            Ok(p) => {
                let st = p.state(category);
                merged = Some(match (merged, st) {
                    (None, st) => st,
                    (Some(State::Denied), _) | (_, State::Denied) => State::Denied,
                    (Some(State::Granted), State::Granted) => State::Granted,
                    _ => State::NotAsked,
                });
            }
            Err(e) => {
                first_error.get_or_insert(e);
            }
        }
    }
    match (merged, first_error) {
        (Some(st), _) => Some(Ok(st)),
        (None, Some(e)) => Some(Err(e)),
        (None, None) => None,
    }
}

/// `v` without one pair of surrounding double quotes.
fn unquote(header: &[u8], v: Range<usize>) -> Range<usize> {
    if v.len() >= 2 && header[v.start] == b'"' && header[v.end - 1] == b'"' {
        v.start + 1..v.end - 1
    } else {
        v
    }
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t')
}

/// Like [`find_cookie`], returning the value as a `&str`.
///
/// ```
/// assert_eq!(cookieprefs::cookie_value("a=1; cookies_preferences=\"BAAAAAAAAAA\"", "cookies_preferences"),
///            Some("BAAAAAAAAAA"));
/// assert_eq!(cookieprefs::cookie_value("a=1", "cookies_preferences"), None);
/// ```
pub fn cookie_value<'h>(header: &'h str, name: &str) -> Option<&'h str> {
    find_cookie(header.as_bytes(), name).and_then(|r| header.get(r))
}

fn trim(h: &[u8], mut r: Range<usize>) -> Range<usize> {
    while r.start < r.end && is_space(h[r.start]) {
        r.start += 1;
    }
    while r.end > r.start && is_space(h[r.end - 1]) {
        r.end -= 1;
    }
    r
}

/// `SameSite` attribute of the cookie.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum SameSite {
    /// `SameSite=Lax` (default).
    #[default]
    Lax,
    /// `SameSite=Strict`.
    Strict,
    /// `SameSite=None` (requires `Secure`).
    None,
}

impl SameSite {
    /// `"Lax"`, `"Strict"` or `"None"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            SameSite::Lax => "Lax",
            SameSite::Strict => "Strict",
            SameSite::None => "None",
        }
    }
}

/// Attributes of the `Set-Cookie` header the library builds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CookieAttributes {
    /// Cookie name, default `cookies_preferences`.
    pub name: String,
    /// `Domain` attribute, none by default (host-only cookie).
    pub domain: Option<String>,
    /// `Path`, default `/`.
    pub path: String,
    /// `Secure`, default true.
    pub secure: bool,
    /// `HttpOnly`, default false: the banner script reads the cookie.
    pub http_only: bool,
    /// `SameSite`, default `Lax`.
    pub same_site: SameSite,
}

impl Default for CookieAttributes {
    fn default() -> CookieAttributes {
        CookieAttributes {
            name: DEFAULT_COOKIE_NAME.to_owned(),
            domain: None,
            path: "/".to_owned(),
            secure: true,
            http_only: false,
            same_site: SameSite::Lax,
        }
    }
}

impl Policy {
    /// The `Set-Cookie` header value that stores `prefs` (the part after
    /// `Set-Cookie: `): `Max-Age` is the remaining validity of the longest-lived
    /// answer kind it holds, counted from `prefs.updated()`.
    ///
    /// ```
    /// # use cookieprefs::{Policy, Preferences, Date, Category};
    /// let today = Date::from_ymd(2026, 11, 24)?;
    /// let prefs = Preferences::builder(today).grant(Category::STATISTICS).build()?;
    /// assert_eq!(Policy::default().set_cookie_header(&prefs, today),
    ///     "cookies_preferences=BAAACdcJ1wY; Max-Age=15811200; Path=/; SameSite=Lax; Secure");
    /// # Ok::<(), cookieprefs::Error>(())
    /// ```
    pub fn set_cookie_header(&self, prefs: &Preferences, today: Date) -> String {
        let p = &*self.inner;
        let days = match (prefs.granted != 0, prefs.denied != 0) {
            (true, false) => p.max_age_granted,
            (false, true) => p.max_age_denied,
            _ => p.max_age_granted.max(p.max_age_denied),
        };
        let age = today.days_since(prefs.updated).max(0);
        let remaining = (i64::from(days) - i64::from(age)).max(0) * 86_400;
        let mut buf = [0u8; crate::MAX_ENCODED_LEN];
        let n = prefs.encode_into(&mut buf).unwrap_or(0);
        let value = core::str::from_utf8(&buf[..n]).unwrap_or("");
        self.cookie_header(value, remaining)
    }

    /// The `Set-Cookie` header value that deletes the cookie (`Max-Age=0`).
    ///
    /// ```
    /// assert_eq!(cookieprefs::Policy::default().delete_cookie_header(),
    ///     "cookies_preferences=; Max-Age=0; Path=/; SameSite=Lax; Secure");
    /// ```
    pub fn delete_cookie_header(&self) -> String {
        self.cookie_header("", 0)
    }

    fn cookie_header(&self, value: &str, max_age: i64) -> String {
        use core::fmt::Write;
        let c = &self.inner.cookie;
        let mut s = String::with_capacity(128);
        let _ = write!(s, "{}={}; Max-Age={}", c.name, value, max_age);
        if let Some(d) = &c.domain {
            let _ = write!(s, "; Domain={d}");
        }
        let _ = write!(s, "; Path={}; SameSite={}", c.path, c.same_site.as_str());
        if c.secure {
            s.push_str("; Secure");
        }
        if c.http_only {
            s.push_str("; HttpOnly");
        }
        s
    }
}

/// Cookie name: an RFC 6265 token. Domain and path: printable ASCII without `;`.
pub(crate) fn check_cookie(c: &CookieAttributes) -> Result<(), String> {
    let token = |b: u8| b.is_ascii_graphic() && !b"()<>@,;:\\\"/[]?={}".contains(&b);
    if c.name.is_empty() || c.name.len() > 64 || !c.name.bytes().all(token) {
        return Err(format!(
            "cookie name {} is not an RFC 6265 token",
            Quoted(&c.name)
        ));
    }
    let attr_ok =
        |s: &str| !s.is_empty() && s.len() <= 255 && s.bytes().all(|b| b.is_ascii_graphic() && b != b';');
    if let Some(d) = &c.domain {
        if !attr_ok(d) || d.contains(',') {
            return Err(format!("cookie domain {} is not a host name", Quoted(d)));
        }
    }
    if !attr_ok(&c.path) || !c.path.starts_with('/') {
        return Err(format!(
            "cookie path {} must start with / and hold no ; or spaces",
            Quoted(&c.path)
        ));
    }
    if c.same_site == SameSite::None && !c.secure {
        return Err("SameSite=None requires Secure".into());
    }
    // Cookie name prefixes (RFC 6265bis §4.1.3; browsers match them in any case).
    let has_prefix = |p: &str| c.name.get(..p.len()).is_some_and(|n| n.eq_ignore_ascii_case(p));
    if has_prefix("__Host-") && (!c.secure || c.domain.is_some() || c.path != "/") {
        return Err(format!(
            "cookie name {} has the __Host- prefix, which requires secure: true, no domain and path \"/\"",
            Quoted(&c.name)
        ));
    }
    if has_prefix("__Secure-") && !c.secure {
        return Err(format!(
            "cookie name {} has the __Secure- prefix, which requires secure: true",
            Quoted(&c.name)
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookup_cases() {
        let n = "cookies_preferences";
        let cases: &[(&[u8], Option<&[u8]>)] = &[
            (b"", None),
            (b";;;", None),
            (b"cookies_preferences=A", Some(b"A")),
            (b"  cookies_preferences = A ; b=2", Some(b"A")),
            (b"Cookies_preferences=A", None),
            (b"xcookies_preferences=A; cookies_preferences=B", Some(b"B")),
            (b"cookies_preferences=A; cookies_preferences=B", Some(b"A")),
            (b"cookies_preferences=\"A\"", Some(b"A")),
            (b"cookies_preferences=\"", Some(b"\"")),
            (b"cookies_preferences=", Some(b"")),
            (b"junk; cookies_preferences", None),
            (b"a=\xff\xfe; cookies_preferences=Z", Some(b"Z")),
            (
                b"j={\"k\":\"cookies_preferences=X\"}; cookies_preferences=Y",
                Some(b"Y"),
            ),
            (
                b"cookies_preferences ; cookies_preferences\t=\t\"Z\" ;",
                Some(b"Z"),
            ),
            (b"cookies_preferencesX=A; cookies_preferences=B", Some(b"B")),
            (b"cookies_preferences", None),
            (b"cookies_preferences   ", None),
            (b"a=b cookies_preferences=A", None),
            (b"cookies_preferences=A;", Some(b"A")),
            (b";cookies_preferences=", Some(b"")),
        ];
        for (h, want) in cases {
            let got = find_cookie(h, n).map(|r| &h[r]);
            assert_eq!(got, *want, "{:?}", String::from_utf8_lossy(h));
        }
    }

    /// Every match, by the piece-by-piece scan alone.
    fn all_general(header: &[u8], name: &[u8]) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        let mut start = 0;
        while let Some((v, end)) = find_general(header, name, start) {
            out.push(v);
            start = end + 1;
        }
        out
    }

    /// The lookup (token fast path for ordinary names) finds exactly the
    /// matches of the piece-by-piece scan, in order, on every header built
    /// from a small alphabet, for a few names.
    #[test]
    fn token_path_matches_general_path() {
        let alphabet: &[u8] = b"ab; =\t\"";
        let names: &[&[u8]] = &[b"a", b"ab", b"b a", b"aa", b"a ", b" a", b"a=", b"a;", b"=", b";"];
        let mut header = Vec::new();
        // Every header of 6 bytes (117,649); under Miri, which runs this
        // thousands of times slower, a stride through them.
        let step = if cfg!(miri) { 4_999 } else { 1 };
        for n in (0..alphabet.len().pow(6)).step_by(step) {
            header.clear();
            let mut k = n;
            for _ in 0..6 {
                header.push(alphabet[k % alphabet.len()]);
                k /= alphabet.len();
            }
            for &name in names {
                let text = core::str::from_utf8(name).unwrap();
                assert_eq!(
                    find_cookies(&header, text).collect::<Vec<_>>(),
                    all_general(&header, name),
                    "{:?} in {:?}",
                    String::from_utf8_lossy(name),
                    String::from_utf8_lossy(&header)
                );
            }
        }
    }
}
