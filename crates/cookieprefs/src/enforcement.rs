//! Enforcement (`docs/FORMAT.md` §12, "Enforcing a choice"): which cookies
//! an evaluation allows, which `Set-Cookie` headers of a response to drop,
//! and which cookies of a request to clear, with the headers that delete
//! them. Nothing here allocates but [`CookieToClear::deletion_header`] and
//! [`Evaluation::deletion_headers`].

use core::fmt::{self, Write};

use crate::cookie_inventory::{is_token_byte, DeclaredCookie, Undeclared};
use crate::{Date, Evaluation};

impl Evaluation {
    /// Whether a cookie of this name may be set: the consent cookie and
    /// `necessary` cookies always; a declared cookie when its category is
    /// granted; an undeclared one when the policy's `undeclared` setting is
    /// `allow` (the default).
    ///
    /// ```
    /// # #[cfg(feature = "json-text")] {
    /// # use cookieprefs::{Date, Policy};
    /// let policy = Policy::from_json(r#"{"cookies": [{"name": "_pk_id.*", "category": "statistics"}], "undeclared": "block"}"#)?;
    /// let ev = policy.evaluate(None, Date::from_ymd(2026, 11, 24)?, false);
    /// assert!(!ev.cookie_allowed("_pk_id.1.abcd"));
    /// assert!(ev.cookie_allowed("cookies_preferences"));
    /// assert!(!ev.cookie_allowed("tracker"));
    /// # }
    /// # Ok::<(), cookieprefs::Error>(())
    /// ```
    pub fn cookie_allowed(&self, name: impl AsRef<[u8]>) -> bool {
        let policy = self.policy();
        match policy.classify(name) {
            Some(declared) => self.allowed(declared.category()),
            None => policy.undeclared() == Undeclared::Allow,
        }
    }

    /// Whether a response may keep a `Set-Cookie` header (its value, with
    /// or without the `Set-Cookie:` name): a header that deletes a cookie
    /// (`Max-Age` of 0 or less, or no `Max-Age` and an `Expires` date before
    /// today) is always kept; any other is kept when
    /// [`Evaluation::cookie_allowed`] allows its cookie's name.
    ///
    /// ```
    /// # #[cfg(feature = "json-text")] {
    /// # use cookieprefs::{Date, Policy};
    /// let policy = Policy::from_json(r#"{"cookies": [{"name": "_ga*", "category": "statistics"}]}"#)?;
    /// let ev = policy.evaluate(None, Date::from_ymd(2026, 11, 24)?, false);
    /// assert!(!ev.set_cookie_allowed("_ga=GA1.1.1; Max-Age=63072000; Path=/"));
    /// assert!(ev.set_cookie_allowed("Set-Cookie: _ga=; Max-Age=0; Path=/"));
    /// assert!(ev.set_cookie_allowed("sessionid=abc; HttpOnly"));
    /// # }
    /// # Ok::<(), cookieprefs::Error>(())
    /// ```
    pub fn set_cookie_allowed(&self, set_cookie: impl AsRef<[u8]>) -> bool {
        let line = SetCookie::parse(set_cookie.as_ref());
        line.deletes(self.today()) || self.cookie_allowed(line.name)
    }

    /// The cookies of a `Cookie:` request header that this evaluation does
    /// not allow — what a withdrawal must clear — once per name, in header
    /// order. Pairs without `=` and names that are not RFC 6265 tokens are
    /// skipped (no header could delete them). Never allocates.
    ///
    /// ```
    /// # #[cfg(feature = "json-text")] {
    /// # use cookieprefs::{Date, Policy};
    /// let policy = Policy::from_json(r#"{"cookies": [{"name": "_pk_id.*", "category": "statistics", "domain": ".example.org"}]}"#)?;
    /// let ev = policy.evaluate(Some("BAAACdcJ1wI"), Date::from_ymd(2026, 11, 24)?, false); // statistics denied
    /// let header = b"sessionid=x; _pk_id.1.ab=1; _pk_id.1.ab=2";
    /// let names: Vec<String> = ev.cookies_to_clear(header).map(|c| c.deletion_header()).collect();
    /// assert_eq!(names, ["_pk_id.1.ab=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/; Domain=.example.org"]);
    /// # }
    /// # Ok::<(), cookieprefs::Error>(())
    /// ```
    pub fn cookies_to_clear<'e, 'h>(&'e self, header: &'h [u8]) -> CookiesToClear<'e, 'h> {
        CookiesToClear {
            evaluation: self,
            header,
            start: 0,
        }
    }

    /// [`Evaluation::cookies_to_clear`] resumed at a byte position of the
    /// header that [`CookiesToClear::position`] gave for the same header
    /// (0: from the start). A cookie cleared before that position is not
    /// given again. For callers that cannot keep the iterator (the C ABI).
    pub fn cookies_to_clear_from<'e, 'h>(
        &'e self,
        header: &'h [u8],
        position: usize,
    ) -> CookiesToClear<'e, 'h> {
        CookiesToClear {
            evaluation: self,
            header,
            start: position,
        }
    }

    /// The `Set-Cookie` header values that delete every cookie of
    /// [`Evaluation::cookies_to_clear`].
    pub fn deletion_headers(&self, header: &[u8]) -> Vec<String> {
        self.cookies_to_clear(header)
            .map(|c| c.deletion_header())
            .collect()
    }
}

/// The name of the cookie a `Set-Cookie` header value sets, as the
/// response filter reads it (`docs/FORMAT.md` §12): a leading `Set-Cookie:`
/// is ignored, the name is what precedes the first `=` of the first
/// `;`-separated part, trimmed of spaces and tabs; empty for a nameless
/// cookie.
///
/// ```
/// assert_eq!(cookieprefs::set_cookie_name(b"Set-Cookie: _ga = GA1; Path=/"), b"_ga");
/// assert_eq!(cookieprefs::set_cookie_name(b"nameless; Path=/"), b"");
/// ```
pub fn set_cookie_name(set_cookie: &[u8]) -> &[u8] {
    SetCookie::parse(set_cookie).name
}

/// The cookies of a request that an evaluation does not allow; from
/// [`Evaluation::cookies_to_clear`].
#[derive(Debug, Clone)]
pub struct CookiesToClear<'e, 'h> {
    evaluation: &'e Evaluation,
    header: &'h [u8],
    start: usize,
}

impl CookiesToClear<'_, '_> {
    /// Where the rest of the header starts: what
    /// [`Evaluation::cookies_to_clear_from`] takes to resume after the
    /// cookies given so far (at most the header's length).
    pub fn position(&self) -> usize {
        self.start.min(self.header.len())
    }
}

impl<'e, 'h> Iterator for CookiesToClear<'e, 'h> {
    type Item = CookieToClear<'e, 'h>;

    fn next(&mut self) -> Option<CookieToClear<'e, 'h>> {
        while self.start <= self.header.len() {
            let start = self.start;
            let (name, end) = pair_name(self.header, start);
            self.start = end + 1;
            let Some(name) = name else { continue };
            if name.is_empty() || !name.iter().all(|&b| is_token_byte(b)) {
                continue;
            }
            if self.evaluation.cookie_allowed(name) || seen_before(self.header, start, name) {
                continue;
            }
            return Some(CookieToClear {
                name,
                declared: self.evaluation.policy().classify(name),
            });
        }
        None
    }
}

/// The name of the `Cookie:` header pair starting at `start` (`None`
/// without `=`), and where the pair ends.
fn pair_name(header: &[u8], start: usize) -> (Option<&[u8]>, usize) {
    let rest = &header[start..];
    let end = crate::bytes::find_byte(b';', rest).map_or(header.len(), |p| start + p);
    let pair = &header[start..end];
    (
        crate::bytes::find_byte(b'=', pair).map(|eq| trim(&pair[..eq])),
        end,
    )
}

/// Whether a pair before `until` has this name. A vectorised search for the
/// name's bytes rules out most names before any pair is looked at (natively).
fn seen_before(header: &[u8], until: usize, name: &[u8]) -> bool {
    if !crate::bytes::may_contain(&header[..until], name) {
        return false;
    }
    let mut start = 0;
    while start < until {
        let (n, end) = pair_name(header, start);
        if n == Some(name) {
            return true;
        }
        start = end + 1;
    }
    false
}

fn trim(s: &[u8]) -> &[u8] {
    let is_space = |b: &u8| *b == b' ' || *b == b'\t';
    let start = s.iter().position(|b| !is_space(b)).unwrap_or(s.len());
    let end = s.iter().rposition(|b| !is_space(b)).map_or(start, |e| e + 1);
    &s[start..end]
}

/// One cookie a withdrawal must clear: its name as the request sent it and
/// the declaration it falls under (none for an undeclared cookie the policy
/// blocks).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CookieToClear<'e, 'h> {
    name: &'h [u8],
    declared: Option<&'e DeclaredCookie>,
}

impl<'e, 'h> CookieToClear<'e, 'h> {
    /// The cookie's name (an RFC 6265 token, so ASCII).
    pub fn name(&self) -> &'h str {
        core::str::from_utf8(self.name).unwrap_or("")
    }

    /// The declaration the cookie falls under, if any.
    pub fn declaration(&self) -> Option<&'e DeclaredCookie> {
        self.declared
    }

    /// The `Set-Cookie` header value that deletes the cookie: empty value,
    /// `Max-Age=0`, an `Expires` in 1970 for old browsers, the declared
    /// `Path` (`/` when undeclared) and `Domain` (none when undeclared), and
    /// `Secure` for a `__Secure-` or `__Host-` name (a `__Host-` name gets
    /// `Path=/` and no `Domain`, as browsers require).
    pub fn deletion_header(&self) -> String {
        let mut s = String::with_capacity(96);
        let _ = self.write_deletion_header(&mut s);
        s
    }

    /// Writes [`CookieToClear::deletion_header`] without allocating.
    ///
    /// # Errors
    /// Only those of the writer.
    pub fn write_deletion_header(&self, out: &mut dyn Write) -> fmt::Result {
        let name = self.name();
        let prefixed = |p: &str| name.len() >= p.len() && name[..p.len()].eq_ignore_ascii_case(p);
        let host = prefixed("__Host-");
        let (path, domain) = match self.declared {
            Some(d) if !host => (d.path_attribute(), d.domain_attribute()),
            _ => ("/", None),
        };
        write!(
            out,
            "{name}=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path={path}"
        )?;
        if let Some(domain) = domain {
            write!(out, "; Domain={domain}")?;
        }
        if host || prefixed("__Secure-") {
            out.write_str("; Secure")?;
        }
        Ok(())
    }
}

/// What the filter reads of a `Set-Cookie` header (RFC 6265 §5.2).
struct SetCookie<'a> {
    name: &'a [u8],
    /// `Some(n)`: the last `Max-Age` attribute with a valid value.
    max_age: Option<i64>,
    /// The last `Expires` attribute's date, when it parses.
    expires: Option<(i64, u32, u32)>,
}

impl<'a> SetCookie<'a> {
    fn parse(line: &'a [u8]) -> SetCookie<'a> {
        let mut line = trim(line);
        const NAME: &[u8] = b"set-cookie:";
        if line.len() >= NAME.len() && line[..NAME.len()].eq_ignore_ascii_case(NAME) {
            line = trim(&line[NAME.len()..]);
        }
        let mut parts = line.split(|&b| b == b';');
        let pair = parts.next().unwrap_or(b"");
        // A pair without `=` is a nameless cookie (RFC 6265bis §5.6).
        let name = crate::bytes::find_byte(b'=', pair).map_or(&b""[..], |eq| trim(&pair[..eq]));
        let mut out = SetCookie {
            name,
            max_age: None,
            expires: None,
        };
        for attr in parts {
            let (key, value) = match crate::bytes::find_byte(b'=', attr) {
                Some(eq) => (trim(&attr[..eq]), trim(&attr[eq + 1..])),
                None => (trim(attr), &b""[..]),
            };
            if key.eq_ignore_ascii_case(b"max-age") {
                if let Some(n) = parse_max_age(value) {
                    out.max_age = Some(n);
                }
            } else if key.eq_ignore_ascii_case(b"expires") {
                if let Some(d) = parse_cookie_date(value) {
                    out.expires = Some(d);
                }
            }
        }
        out
    }

    /// Whether the header deletes its cookie: `Max-Age` wins over `Expires`.
    fn deletes(&self, today: Date) -> bool {
        match (self.max_age, self.expires) {
            (Some(n), _) => n <= 0,
            (None, Some(date)) => date < today.ymd(),
            (None, None) => false,
        }
    }
}

/// RFC 6265 §5.2.2: an optional `-` then digits; saturated.
fn parse_max_age(v: &[u8]) -> Option<i64> {
    let (neg, digits) = match v.split_first() {
        Some((b'-', rest)) => (true, rest),
        _ => (false, v),
    };
    if digits.is_empty() || !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let n = digits.iter().fold(0i64, |n, d| {
        n.saturating_mul(10).saturating_add(i64::from(d - b'0'))
    });
    Some(if neg { -n } else { n })
}

/// The date of an `Expires` attribute, by the cookie-date algorithm of
/// RFC 6265 §5.1.1 (time, day of month, month, year, in token order); the
/// time of day is not needed at day precision.
fn parse_cookie_date(v: &[u8]) -> Option<(i64, u32, u32)> {
    const MONTHS: [&[u8]; 12] = [
        b"jan", b"feb", b"mar", b"apr", b"may", b"jun", b"jul", b"aug", b"sep", b"oct", b"nov", b"dec",
    ];
    let delimiter = |b: &u8| matches!(*b, 0x09 | 0x20..=0x2F | 0x3B..=0x40 | 0x5B..=0x60 | 0x7B..=0x7E);
    let leading_digits = |t: &[u8]| t.iter().take_while(|b| b.is_ascii_digit()).count();
    let (mut time, mut day, mut month, mut year) = (false, None, None, None);
    for token in v.split(delimiter).filter(|t| !t.is_empty()) {
        let digits = leading_digits(token);
        let number = || {
            token[..digits]
                .iter()
                .fold(0i64, |n, d| n * 10 + i64::from(d - b'0'))
        };
        if !time && (1..=2).contains(&digits) && token.get(digits) == Some(&b':') {
            time = true;
        } else if day.is_none() && (1..=2).contains(&digits) {
            day = Some(number());
        } else if month.is_none() && token.len() >= 3 {
            if let Some(m) = MONTHS.iter().position(|m| token[..3].eq_ignore_ascii_case(m)) {
                month = Some(m as u32 + 1);
            } else if year.is_none() && (2..=4).contains(&digits) {
                year = Some(number());
            }
        } else if year.is_none() && (2..=4).contains(&digits) {
            year = Some(number());
        }
    }
    let year = match year? {
        y @ 70..=99 => y + 1900,
        y @ 0..=69 => y + 2000,
        y => y,
    };
    let day = u32::try_from(day?).ok().filter(|d| (1..=31).contains(d))?;
    (year >= 1601).then_some((year, month?, day))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cookie_dates() {
        assert_eq!(
            parse_cookie_date(b"Thu, 01 Jan 1970 00:00:00 GMT"),
            Some((1970, 1, 1))
        );
        assert_eq!(
            parse_cookie_date(b"Wed, 24-Nov-27 10:00:00 GMT"),
            Some((2027, 11, 24))
        );
        assert_eq!(
            parse_cookie_date(b"Sunday, 06-Nov-94 08:49:37 GMT"),
            Some((1994, 11, 6))
        );
        assert_eq!(parse_cookie_date(b"garbage"), None);
        assert_eq!(parse_cookie_date(b""), None);
    }

    #[test]
    fn max_age() {
        assert_eq!(parse_max_age(b"0"), Some(0));
        assert_eq!(parse_max_age(b"-1"), Some(-1));
        assert_eq!(parse_max_age(b"99999999999999999999999"), Some(i64::MAX));
        assert_eq!(parse_max_age(b"1x"), None);
        assert_eq!(parse_max_age(b"-"), None);
    }

    #[test]
    fn set_cookie_names() {
        assert_eq!(SetCookie::parse(b" _ga = 1; Path=/").name, b"_ga");
        assert_eq!(SetCookie::parse(b"SET-COOKIE: a=b").name, b"a");
        assert_eq!(SetCookie::parse(b"nameless").name, b"");
        let today = Date::from_ymd(2026, 11, 24).unwrap();
        assert!(SetCookie::parse(b"a=; Max-Age=0; Expires=Wed, 24 Nov 2027 00:00:00 GMT").deletes(today));
        assert!(!SetCookie::parse(b"a=b; Max-Age=10; Expires=Thu, 01 Jan 1970 00:00:00 GMT").deletes(today));
        assert!(SetCookie::parse(b"a=b; Expires=Thu, 01 Jan 1970 00:00:00 GMT").deletes(today));
        assert!(!SetCookie::parse(b"a=b; Expires=Tue, 24 Nov 2026 23:00:00 GMT").deletes(today));
        assert!(!SetCookie::parse(b"a=b; Max-Age=x").deletes(today));
    }
}
