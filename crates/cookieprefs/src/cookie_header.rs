//! Finding the value in a `Cookie:` request header, and building the
//! `Set-Cookie:` response header.

use core::ops::Range;

/// Finds the first cookie named `name` in a `Cookie:` header and returns the
/// byte range of its value within `header` (quotes stripped).
///
/// Follows RFC 6265 §5.4 / §4.2.1 and is robust to what *other* cookies hold:
/// pairs are split on `;`, names and values are trimmed of spaces and tabs, a
/// pair without `=` is skipped, names are compared exactly (case-sensitive),
/// and one pair of surrounding double quotes is removed from the value. Other
/// cookies may contain raw JSON, quotes, commas or non-UTF-8 bytes. The first
/// match wins: browsers send the most specific path first.
///
/// ```
/// let header = br#"other={"a":1;"b":[2]}; cookies_preferences=BAADCdcJ1w5Q; x=y"#;
/// let r = cookieprefs::find_cookie(header, "cookies_preferences").unwrap();
/// assert_eq!(&header[r], b"BAADCdcJ1w5Q");
/// ```
pub fn find_cookie(header: &[u8], name: &str) -> Option<Range<usize>> {
    let name = name.as_bytes();
    let mut start = 0;
    while start <= header.len() {
        let end = header[start..]
            .iter()
            .position(|&b| b == b';')
            .map_or(header.len(), |p| start + p);
        if let Some(eq) = header[start..end].iter().position(|&b| b == b'=') {
            let eq = start + eq;
            let n = trim(header, start..eq);
            if &header[n] == name {
                let mut v = trim(header, eq + 1..end);
                if v.len() >= 2 && header[v.start] == b'"' && header[v.end - 1] == b'"' {
                    v = v.start + 1..v.end - 1;
                }
                return Some(v);
            }
        }
        start = end + 1;
    }
    None
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
    while r.start < r.end && matches!(h[r.start], b' ' | b'\t') {
        r.start += 1;
    }
    while r.end > r.start && matches!(h[r.end - 1], b' ' | b'\t') {
        r.end -= 1;
    }
    r
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
        ];
        for (h, want) in cases {
            let got = find_cookie(h, n).map(|r| &h[r]);
            assert_eq!(got, *want, "{:?}", String::from_utf8_lossy(h));
        }
    }
}
