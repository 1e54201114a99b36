//! The `decode` check: any bytes decode to a value or an error, never a panic.

use cookieprefs::{decode, Category, Error, Preferences, State, MAX_REVISION};

/// `decode`: any bytes give a value or a value error, and what each says is
/// consistent with the input.
pub fn check(data: &[u8]) {
    match decode(data) {
        Ok(p) => {
            assert!((11..=53).contains(&data.len()), "accepted length {}", data.len());
            assert_eq!(p.encoded_len(), data.len());
            assert!(p.updated() >= p.created());
            assert!(p.revision() <= MAX_REVISION);
            assert_eq!(p.granted_mask() & p.denied_mask(), 0);
            assert_eq!(p.granted_mask() & 1, 0, "necessary stored");
            assert_eq!(p.state(Category::NECESSARY), State::Granted);
        }
        Err(e) => {
            assert!(e.is_value_error(), "{e:?} is not a value error");
            assert!(
                !matches!(e, Error::DateInFuture { .. }),
                "decode looked at the clock"
            );
            match e {
                Error::Empty => assert!(data.is_empty()),
                Error::TooLong { len, max } => {
                    assert_eq!(len, data.len());
                    assert!(len > max);
                }
                Error::InvalidCharacter { offset, byte, .. } => {
                    assert_eq!(data[offset], byte);
                    assert!(data[..offset]
                        .iter()
                        .all(|b| b.is_ascii_alphanumeric() || *b == b'-' || *b == b'_'));
                }
                Error::Truncated { len, expected } => assert!(len == data.len() && len < expected),
                Error::TrailingData { len, expected } => assert!(len == data.len() && len > expected),
                Error::NonZeroPadding { offset } => assert_eq!(offset + 1, data.len()),
                Error::InvalidState { category } | Error::NonMinimalSlots { count: category } => {
                    assert!((1..=63).contains(&category))
                }
                _ => {}
            }
            // Messages are built without panicking.
            let _ = e.to_string();
        }
    }
    if let Ok(s) = core::str::from_utf8(data) {
        assert_eq!(s.parse::<Preferences>(), decode(data));
    }
}
