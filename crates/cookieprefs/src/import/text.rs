//! Reading foreign cookie values (`docs/FORMAT.md` §13, "Reading the
//! value"): quotes, percent and form decoding, JSON and JavaScript object
//! literals, base64url bit fields, and the dates the tools write. Every
//! function is linear in its input and never panics.

use crate::import::ImportSkip;
use crate::json_tree::{self as tree, Node, Path};

/// `v` without one pair of surrounding double quotes.
pub(crate) fn strip_quotes(v: &[u8]) -> &[u8] {
    match v {
        [b'"', inner @ .., b'"'] => inner,
        _ => v,
    }
}

fn hex(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// Percent-decoding: each `%HH` becomes its byte; a `%` not followed by two
/// hex digits is kept as it is. With `form`, `+` is a space first
/// (`application/x-www-form-urlencoded`).
pub(crate) fn percent_decode(v: &[u8], form: bool) -> Vec<u8> {
    let mut out = Vec::with_capacity(v.len());
    let mut i = 0;
    while i < v.len() {
        let b = v[i];
        if b == b'%' {
            if let (Some(h), Some(l)) = (
                v.get(i + 1).copied().and_then(hex),
                v.get(i + 2).copied().and_then(hex),
            ) {
                out.push(h << 4 | l);
                i += 3;
                continue;
            }
        }
        out.push(if form && b == b'+' { b' ' } else { b });
        i += 1;
    }
    out
}

/// A JSON document (RFC 8259, UTF-8, no repeated key anywhere).
pub(crate) fn json(v: &[u8]) -> Result<Node, ImportSkip> {
    let text = core::str::from_utf8(v).map_err(|_| ImportSkip::malformed("not UTF-8"))?;
    let node = crate::json_text::parse(text).map_err(|_| ImportSkip::malformed("not JSON"))?;
    tree::check_no_duplicate_keys(&node, &Path::Root)
        .map_err(|_| ImportSkip::malformed("a JSON key is repeated"))?;
    Ok(node)
}

/// A value of a JavaScript object literal.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum JsValue {
    Bool(bool),
    Null,
    /// A number as written (digits, sign, `.`, exponent).
    Number(String),
    Str(String),
}

/// A flat JavaScript object literal as Cookiebot writes it:
/// `{key:value,...}` with unquoted or quoted keys and values that are
/// `true`, `false`, `null`, numbers or strings in `'` or `"` (no escapes).
/// `None` for anything else.
pub(crate) fn js_object(text: &str) -> Option<Vec<(String, JsValue)>> {
    let body = text.trim().strip_prefix('{')?.strip_suffix('}')?;
    let mut out: Vec<(String, JsValue)> = Vec::new();
    let mut rest = body.trim_start();
    while !rest.is_empty() {
        let (key, after) = js_key(rest)?;
        rest = after.trim_start().strip_prefix(':')?.trim_start();
        let (value, after) = js_value(rest)?;
        if out.iter().any(|(k, _)| *k == key) {
            return None; // a repeated key: no guessing which counts
        }
        out.push((key, value));
        rest = after.trim_start();
        match rest.strip_prefix(',') {
            Some(r) => rest = r.trim_start(),
            None if rest.is_empty() => {}
            None => return None,
        }
    }
    Some(out)
}

fn quoted(s: &str) -> Option<(String, &str)> {
    let q = s.chars().next().filter(|c| *c == '\'' || *c == '"')?;
    let body = &s[1..];
    let end = body.find(q)?;
    Some((body[..end].to_owned(), &body[end + 1..]))
}

fn js_key(s: &str) -> Option<(String, &str)> {
    if let Some(k) = quoted(s) {
        return Some(k);
    }
    let end = s
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '$'))
        .unwrap_or(s.len());
    (end > 0).then(|| (s[..end].to_owned(), &s[end..]))
}

fn js_value(s: &str) -> Option<(JsValue, &str)> {
    if let Some((v, rest)) = quoted(s) {
        return Some((JsValue::Str(v), rest));
    }
    let end = s.find([',', '}', ' ', '\t']).unwrap_or(s.len());
    let (word, rest) = s.split_at(end);
    let value = match word {
        "true" => JsValue::Bool(true),
        "false" => JsValue::Bool(false),
        "null" => JsValue::Null,
        _ if !word.is_empty()
            && word
                .bytes()
                .all(|b| b.is_ascii_digit() || matches!(b, b'-' | b'+' | b'.' | b'e' | b'E'))
            && word.bytes().any(|b| b.is_ascii_digit()) =>
        {
            JsValue::Number(word.to_owned())
        }
        _ => return None,
    };
    Some((value, rest))
}

/// Reads big-endian bit fields from base64url text (RFC 4648 §5, no
/// padding), as the IAB TC and GPP strings are written.
pub(crate) struct Bits<'a> {
    text: &'a [u8],
    /// The next bit to read.
    pos: usize,
}

impl<'a> Bits<'a> {
    /// `None` when a character is not base64url.
    pub(crate) fn new(text: &'a [u8]) -> Option<Bits<'a>> {
        text.iter()
            .all(|&b| sextet(b).is_some())
            .then_some(Bits { text, pos: 0 })
    }

    /// Skips `n` bits; `None` when fewer are left.
    pub(crate) fn skip(&mut self, n: usize) -> Option<()> {
        let end = self.pos.checked_add(n)?;
        (end <= self.text.len() * 6).then(|| self.pos = end)
    }

    /// The next `n` (at most 64) bits; `None` past the end.
    pub(crate) fn read(&mut self, n: usize) -> Option<u64> {
        debug_assert!(n <= 64);
        let mut v = 0u64;
        for _ in 0..n.min(64) {
            let s = sextet(*self.text.get(self.pos / 6)?)?;
            let bit = (s >> (5 - self.pos % 6)) & 1;
            v = v << 1 | u64::from(bit);
            self.pos += 1;
        }
        Some(v)
    }

    /// One bit.
    pub(crate) fn bit(&mut self) -> Option<bool> {
        self.read(1).map(|b| b == 1)
    }

    /// A Fibonacci-coded integer (Zeckendorf bits from 1, 2, 3, 5, ...,
    /// ended by `11`), as GPP writes section ids. At most 40 bits are
    /// read: `None` past the end or beyond that.
    pub(crate) fn fibonacci(&mut self) -> Option<u64> {
        let (mut a, mut b) = (1u64, 2u64);
        let mut value = 0u64;
        let mut last = false;
        for _ in 0..40 {
            let bit = self.bit()?;
            if bit && last {
                return Some(value);
            }
            if bit {
                value += a;
            }
            last = bit;
            (a, b) = (b, a + b);
        }
        None
    }
}

fn sextet(b: u8) -> Option<u8> {
    match b {
        b'A'..=b'Z' => Some(b - b'A'),
        b'a'..=b'z' => Some(b - b'a' + 26),
        b'0'..=b'9' => Some(b - b'0' + 52),
        b'-' => Some(62),
        b'_' => Some(63),
        _ => None,
    }
}

/// The Unix day of a Unix time in milliseconds.
pub(crate) fn day_of_millis(ms: i128) -> i64 {
    i64::try_from(ms.div_euclid(86_400_000)).unwrap_or(if ms < 0 { i64::MIN } else { i64::MAX })
}

/// An integer written in decimal (optional `-`), at most 20 digits.
pub(crate) fn integer(s: &str) -> Option<i128> {
    let digits = s.strip_prefix('-').unwrap_or(s);
    if digits.is_empty() || digits.len() > 20 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

fn digits(s: &str, n: usize) -> Option<(i64, &str)> {
    let d = s.get(..n)?;
    d.bytes()
        .all(|b| b.is_ascii_digit())
        .then(|| (d.parse().unwrap_or(0), &s[n..]))
}

/// Days since 1970-01-01 of a proleptic Gregorian date, when it is one.
fn civil_day(year: i64, month: i64, day: i64) -> Option<i64> {
    let month = u32::try_from(month).ok().filter(|m| (1..=12).contains(m))?;
    let day = u32::try_from(day).ok()?;
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let len = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    if !(1..=len).contains(&day) {
        return None;
    }
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let mp = i64::from((month + 9) % 12);
    let doy = (153 * mp + 2) / 5 + i64::from(day) - 1;
    Some(era * 146_097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719_468)
}

/// The UTC day of an ISO 8601 date-time as JavaScript's `toISOString`
/// and Python's `isoformat` write it: `YYYY-MM-DD`, optionally followed by
/// `THH:MM[:SS[.fraction]]` and `Z` or `±HH:MM` (none: UTC).
pub(crate) fn iso_day(s: &str) -> Option<i64> {
    let (y, r) = digits(s, 4)?;
    let r = r.strip_prefix('-')?;
    let (m, r) = digits(r, 2)?;
    let r = r.strip_prefix('-')?;
    let (d, r) = digits(r, 2)?;
    let day = civil_day(y, m, d)?;
    if r.is_empty() {
        return Some(day);
    }
    let r = r.strip_prefix(['T', 't', ' '])?;
    let (hh, r) = digits(r, 2)?;
    let r = r.strip_prefix(':')?;
    let (mm, mut r) = digits(r, 2)?;
    if let Some(after) = r.strip_prefix(':') {
        let (_ss, after) = digits(after, 2)?;
        r = after;
        if let Some(frac) = r.strip_prefix('.') {
            let n = frac.bytes().take_while(u8::is_ascii_digit).count();
            if n == 0 {
                return None;
            }
            r = &frac[n..];
        }
    }
    if hh > 23 || mm > 59 {
        return None;
    }
    let offset = match r {
        "" | "Z" | "z" => 0,
        _ => {
            let sign = match r.as_bytes()[0] {
                b'+' => 1,
                b'-' => -1,
                _ => return None,
            };
            let (oh, o) = digits(&r[1..], 2)?;
            let o = o.strip_prefix(':').unwrap_or(o);
            let (om, o) = digits(o, 2)?;
            if !o.is_empty() || oh > 23 || om > 59 {
                return None;
            }
            sign * (oh * 60 + om)
        }
    };
    Some(day + (hh * 60 + mm - offset).div_euclid(1440))
}

/// The UTC day of JavaScript's `Date.prototype.toString()`, as OneTrust's
/// `datestamp` holds it: `Tue Jul 11 2023 10:00:00 GMT+0200 (any name)`.
pub(crate) fn js_date_day(s: &str) -> Option<i64> {
    let mut parts = s.split(' ');
    let _weekday = parts.next()?;
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let name = parts.next()?;
    let month = MONTHS.iter().position(|m| *m == name)? as i64 + 1;
    let day = integer(parts.next()?)?;
    let year = integer(parts.next()?)?;
    if !(1..=9999).contains(&year) {
        return None;
    }
    let time = parts.next()?;
    let (hh, r) = digits(time, 2)?;
    let r = r.strip_prefix(':')?;
    let (mm, _) = digits(r, 2)?;
    let zone = parts.next()?.strip_prefix("GMT")?;
    let sign = match zone.as_bytes().first()? {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let (oh, o) = digits(&zone[1..], 2)?;
    let (om, o) = digits(o, 2)?;
    if !o.is_empty() || hh > 23 || mm > 59 || oh > 23 || om > 59 {
        return None;
    }
    let d = civil_day(year as i64, month, i64::try_from(day).ok()?)?;
    Some(d + (hh * 60 + mm - sign * (oh * 60 + om)).div_euclid(1440))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decoding() {
        assert_eq!(percent_decode(b"a%2Cb%zz%4", false), b"a,b%zz%4");
        assert_eq!(percent_decode(b"a+b%2B", true), b"a b+");
        assert_eq!(strip_quotes(b"\"x\""), b"x");
        assert_eq!(strip_quotes(b"\""), b"\"");
    }

    #[test]
    fn js_objects() {
        let o = js_object("{stamp:'a==',necessary:true,utc:1689072000000,region:\"fr\"}").unwrap();
        assert_eq!(o[0], ("stamp".into(), JsValue::Str("a==".into())));
        assert_eq!(o[1].1, JsValue::Bool(true));
        assert_eq!(o[2].1, JsValue::Number("1689072000000".into()));
        assert!(js_object("{a:true,a:false}").is_none());
        assert!(js_object("{a:tru}").is_none());
        assert!(js_object("{a:'x}").is_none());
        assert_eq!(js_object("{}"), Some(vec![]));
    }

    #[test]
    fn dates() {
        let day = |y, m, d| civil_day(y, m, d).unwrap();
        assert_eq!(iso_day("2023-07-11T08:00:00.000Z"), Some(day(2023, 7, 11)));
        assert_eq!(iso_day("2023-07-11T23:30:00-01:00"), Some(day(2023, 7, 12)));
        assert_eq!(iso_day("2023-07-11T00:30:00+01:00"), Some(day(2023, 7, 10)));
        assert_eq!(
            iso_day("2023-07-11T12:34:56.789012+00:00"),
            Some(day(2023, 7, 11))
        );
        assert_eq!(iso_day("2023-02-30"), None);
        assert_eq!(iso_day("2023-07-11T25:00:00Z"), None);
        assert_eq!(
            js_date_day("Tue Jul 11 2023 01:00:00 GMT+0200 (Central European Summer Time)"),
            Some(day(2023, 7, 10))
        );
        assert_eq!(js_date_day("Tue Jul 11 2023 10:00:00 GMT"), None);
        assert_eq!(day_of_millis(86_400_000), 1);
    }

    #[test]
    fn bits() {
        // "DBABMA": type 3, version 1, one section id, 2.
        let mut b = Bits::new(b"DBABMA").unwrap();
        assert_eq!(b.read(6), Some(3));
        assert_eq!(b.read(6), Some(1));
        assert_eq!(b.read(12), Some(1));
        assert_eq!(b.bit(), Some(false));
        assert_eq!(b.fibonacci(), Some(2));
        assert!(Bits::new(b"a=").is_none());
        assert_eq!(Bits::new(b"").unwrap().read(1), None);
    }
}
