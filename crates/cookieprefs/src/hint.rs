//! What a rejected value looks like: [`InputHint`], carried by the two
//! decode errors whose message can tell a person what to pass instead.
//! Computed only on the error path, from the input; never allocates.

use core::fmt;

/// What a value rejected by [`decode`](crate::decode) looks like, so that
/// the error message can say what to pass instead. It only adds advice to
/// the message: the error's [`kind`](crate::Error::kind) does not depend on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum InputHint {
    /// Nothing recognisable (and every error not made by `decode`).
    None,
    /// Wrapped in double (or single) quotes.
    Quoted,
    /// Leading or trailing whitespace.
    Whitespace,
    /// A whole `name=value` cookie, or several, instead of the value.
    CookiePair,
    /// JSON (an object or an array) instead of the value.
    Json,
    /// Base64 `=` padding at the end.
    Padding,
    /// Not a cookieprefs value: the first character is not `B`.
    NotAValue,
    /// Not a cookieprefs value, and it looks lowercased (a `b` first and no
    /// capital letters).
    Lowercased,
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r' | b'\n')
}

impl InputHint {
    /// For [`Error::InvalidCharacter`](crate::Error::InvalidCharacter): the
    /// input has a byte outside the alphabet, the first one at `offset`.
    pub(crate) fn of_invalid(input: &[u8], offset: usize) -> InputHint {
        let lead = input.iter().take_while(|&&b| is_space(b)).count();
        let trail = input[lead..].iter().rev().take_while(|&&b| is_space(b)).count();
        let trimmed = &input[lead..input.len() - trail];
        if matches!(trimmed.first(), Some(b'{' | b'[')) {
            return InputHint::Json;
        }
        if offset < lead || offset >= input.len() - trail {
            return InputHint::Whitespace;
        }
        if matches!(trimmed.first(), Some(b'"' | b'\'')) {
            return InputHint::Quoted;
        }
        match trimmed.iter().position(|&b| b == b'=') {
            Some(0) | None => InputHint::None,
            Some(eq) if trimmed[eq..].iter().all(|&b| b == b'=') => InputHint::Padding,
            Some(_) => InputHint::CookiePair,
        }
    }

    /// For [`Error::UnsupportedVersion`](crate::Error::UnsupportedVersion):
    /// the input is all alphabet characters but does not start with `B`.
    pub(crate) fn of_unsupported_version(input: &[u8]) -> InputHint {
        if input.first() == Some(&b'b') && !input.iter().any(u8::is_ascii_uppercase) {
            InputHint::Lowercased
        } else {
            InputHint::NotAValue
        }
    }
}

/// A byte in a message: `'"' (0x22)` when printable ASCII, `0xff` otherwise.
pub(crate) struct ShowByte(pub(crate) u8);

impl fmt::Display for ShowByte {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            b'\'' | b'\\' => write!(f, "'\\{}' ({:#04x})", self.0 as char, self.0),
            0x20..=0x7e => write!(f, "'{}' ({:#04x})", self.0 as char, self.0),
            _ => write!(f, "{:#04x}", self.0),
        }
    }
}

/// The advice ending an invalid character message.
pub(crate) struct CharacterAdvice(pub(crate) InputHint);

impl fmt::Display for CharacterAdvice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self.0 {
            InputHint::Quoted => "; the value looks quoted: pass it without the quotes",
            InputHint::Whitespace => "; the value has leading or trailing whitespace: pass it trimmed",
            InputHint::CookiePair => "; this looks like a whole name=value cookie: pass only the value",
            InputHint::Json => "; this looks like JSON: pass the base64url value itself",
            InputHint::Padding => "; values have no = padding: remove it",
            _ => "",
        })
    }
}

/// The advice ending an unsupported version message.
pub(crate) struct VersionAdvice(pub(crate) InputHint);

impl fmt::Display for VersionAdvice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self.0 {
            InputHint::None => " (this library reads version 1)",
            InputHint::Lowercased => {
                ": not a cookieprefs value (v1 values start with \"B\"); it looks lowercased: values are case-sensitive"
            }
            _ => ": not a cookieprefs value (v1 values start with \"B\")",
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::{decode, Error, InputHint};

    const ONLY: &str = "only A-Z a-z 0-9 - _ are allowed";

    fn message(input: &[u8]) -> String {
        decode(input).unwrap_err().to_string()
    }

    #[test]
    fn invalid_character_messages() {
        let cases: &[(&[u8], String)] = &[
            (
                b"\"BAADCdcJ1w5Q\"",
                format!("invalid character '\"' (0x22) at offset 0: {ONLY}; the value looks quoted: pass it without the quotes"),
            ),
            (
                b"'BAADCdcJ1w5Q'",
                format!("invalid character '\\'' (0x27) at offset 0: {ONLY}; the value looks quoted: pass it without the quotes"),
            ),
            (
                b" BAADCdcJ1w5Q",
                format!("invalid character ' ' (0x20) at offset 0: {ONLY}; the value has leading or trailing whitespace: pass it trimmed"),
            ),
            (
                b"BAADCdcJ1w5Q\r\n",
                format!("invalid character 0x0d at offset 12: {ONLY}; the value has leading or trailing whitespace: pass it trimmed"),
            ),
            (
                b"cookies_preferences=BAADCdcJ1w5Q",
                format!("invalid character '=' (0x3d) at offset 19: {ONLY}; this looks like a whole name=value cookie: pass only the value"),
            ),
            (
                b"a=1; cookies_preferences=BAADCdcJ1w5Q",
                format!("invalid character '=' (0x3d) at offset 1: {ONLY}; this looks like a whole name=value cookie: pass only the value"),
            ),
            (
                br#"{"version": 1, "revision": 3}"#,
                format!("invalid character '{{' (0x7b) at offset 0: {ONLY}; this looks like JSON: pass the base64url value itself"),
            ),
            (
                br#" ["necessary"]"#,
                format!("invalid character ' ' (0x20) at offset 0: {ONLY}; this looks like JSON: pass the base64url value itself"),
            ),
            (
                b"BAADCdcJ1w5Q=",
                format!("invalid character '=' (0x3d) at offset 12: {ONLY}; values have no = padding: remove it"),
            ),
            (
                b"\"BoAHCbkJ10KQAAAJn5VBEELFCb5JHu2gOX-DI\"",
                format!("invalid character '\"' (0x22) at offset 0: {ONLY}; the value looks quoted: pass it without the quotes"),
            ),
            (b"B@", format!("invalid character '@' (0x40) at offset 1: {ONLY}")),
            (b"BAAD CdcJ1w5Q", format!("invalid character ' ' (0x20) at offset 4: {ONLY}")),
            (b"\xffBAADCdcJ1w5Q", format!("invalid character 0xff at offset 0: {ONLY}")),
            (b"BAADCdcJ1w5\\", format!("invalid character '\\\\' (0x5c) at offset 11: {ONLY}")),
        ];
        for (input, want) in cases {
            let err = decode(input).unwrap_err();
            assert_eq!(err.kind(), "invalid_character", "{want}");
            assert_eq!(&err.to_string(), want);
        }
    }

    #[test]
    fn unsupported_version_messages() {
        assert_eq!(
            message(b"baadcdcj1w5q"),
            "unsupported format version 27: not a cookieprefs value (v1 values start with \"B\"); \
             it looks lowercased: values are case-sensitive"
        );
        assert_eq!(
            message(b"CAADCdcJ1w5Q"),
            "unsupported format version 2: not a cookieprefs value (v1 values start with \"B\")"
        );
        assert_eq!(
            message(b"bAADCdcJ1w5Q"),
            "unsupported format version 27: not a cookieprefs value (v1 values start with \"B\")"
        );
        assert_eq!(decode(b"baadcdcj1w5q").unwrap_err().kind(), "unsupported_version");
        // From the JSON form: the version is a number there, not a character.
        assert_eq!(
            Error::UnsupportedVersion {
                version: 2,
                hint: InputHint::None
            }
            .to_string(),
            "unsupported format version 2 (this library reads version 1)"
        );
    }

    #[test]
    fn hints_are_in_the_error_value() {
        assert_eq!(
            decode("BAADCdcJ1w5Q=").unwrap_err(),
            Error::InvalidCharacter {
                offset: 12,
                byte: b'=',
                hint: InputHint::Padding
            }
        );
        assert_eq!(
            decode("baadcdcj1w5q").unwrap_err(),
            Error::UnsupportedVersion {
                version: 27,
                hint: InputHint::Lowercased
            }
        );
    }
}
