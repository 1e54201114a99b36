//! The optional 128-bit consent id.

use core::fmt;
use core::str::FromStr;

use crate::Error;

/// A 128-bit id linking the cookie to a server-side consent record (proof of
/// consent, GDPR art. 7(1)), written and read as a UUID.
///
/// cookieprefs does not generate ids (that needs a random source); use a
/// random (version 4) UUID from your platform.
///
/// ```
/// use cookieprefs::ConsentId;
/// let id: ConsentId = "67e55044-10b1-426f-9247-bb680e5fe0c8".parse()?;
/// assert_eq!(id.to_string(), "67e55044-10b1-426f-9247-bb680e5fe0c8");
/// assert_eq!(id.as_u128(), 0x67e5504410b1426f9247bb680e5fe0c8);
/// # Ok::<(), cookieprefs::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ConsentId(u128);

impl ConsentId {
    /// The id of a 128-bit number (big-endian: the first hex digit is the top nibble).
    pub const fn from_u128(v: u128) -> ConsentId {
        ConsentId(v)
    }
    /// The id as a 128-bit number.
    pub const fn as_u128(self) -> u128 {
        self.0
    }
    /// The id of 16 bytes in UUID byte order.
    pub const fn from_bytes(b: [u8; 16]) -> ConsentId {
        ConsentId(u128::from_be_bytes(b))
    }
    /// The 16 bytes in UUID byte order.
    pub const fn to_bytes(self) -> [u8; 16] {
        self.0.to_be_bytes()
    }
}

impl fmt::Display for ConsentId {
    /// Lowercase hyphenated UUID form.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let v = self.0;
        write!(
            f,
            "{:08x}-{:04x}-{:04x}-{:04x}-{:012x}",
            (v >> 96) as u32,
            (v >> 80) as u16,
            (v >> 64) as u16,
            (v >> 48) as u16,
            v & 0xffff_ffff_ffff
        )
    }
}

impl FromStr for ConsentId {
    type Err = Error;

    /// Hyphenated UUID form, any case.
    fn from_str(s: &str) -> Result<ConsentId, Error> {
        let b = s.as_bytes();
        let mut v: u128 = 0;
        let mut digits = 0;
        for (i, &c) in b.iter().enumerate() {
            if matches!(i, 8 | 13 | 18 | 23) {
                if c != b'-' {
                    digits = usize::MAX;
                    break;
                }
                continue;
            }
            match (c as char).to_digit(16) {
                Some(d) => {
                    v = (v << 4) | u128::from(d);
                    digits += 1;
                }
                None => {
                    digits = usize::MAX;
                    break;
                }
            }
        }
        if b.len() == 36 && digits == 32 {
            Ok(ConsentId(v))
        } else {
            Err(Error::InvalidConsentId {
                text: s.chars().take(64).collect(),
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_rejects_malformed() {
        for s in [
            "",
            "67e55044-10b1-426f-9247-bb680e5fe0c",
            "67e55044-10b1-426f-9247-bb680e5fe0c8a",
            "67e5504410b1426f9247bb680e5fe0c8",
            "67e55044-10b1-426f-9247_bb680e5fe0c8",
            "g7e55044-10b1-426f-9247-bb680e5fe0c8",
        ] {
            assert!(s.parse::<ConsentId>().is_err(), "{s}");
        }
        let upper: ConsentId = "67E55044-10B1-426F-9247-BB680E5FE0C8".parse().unwrap();
        assert_eq!(upper.to_string(), "67e55044-10b1-426f-9247-bb680e5fe0c8");
        assert_eq!(ConsentId::from_bytes(upper.to_bytes()), upper);
    }
}
