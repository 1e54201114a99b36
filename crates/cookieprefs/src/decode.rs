//! Strict, canonical decoding of a value.

use crate::bits::{BitRead, BitWrite, Wide, INVALID, NARROW_MAX_LEN, SEXTET};
use crate::layout::{self, encoded_len_for};
use crate::{ConsentId, Date, Error, Method, Preferences, FORMAT_VERSION, MAX_ENCODED_LEN};

/// Decodes a `cookies_preferences` value.
///
/// Strict and canonical: exactly one string is accepted for each value, and
/// the checks run in the order `docs/FORMAT.md` fixes (so every implementation
/// reports the same error for the same input). Never panics, never allocates,
/// and looks at no more than [`MAX_ENCODED_LEN`] bytes.
///
/// ```
/// use cookieprefs::{decode, Category, State, Error};
/// let prefs = decode("BAADCdcJ1w5Q")?;
/// assert_eq!(prefs.revision(), 3);
/// assert_eq!(prefs.state(Category::STATISTICS), State::Granted);
/// assert_eq!(prefs.created().to_string(), "2026-11-24");
///
/// assert_eq!(decode("BAADCdcJ1w5Q=").unwrap_err(),
///            Error::InvalidCharacter { offset: 12, byte: b'=' });
/// assert_eq!(decode("CAADCdcJ1w5Q").unwrap_err(), Error::UnsupportedVersion { version: 2 });
/// # Ok::<(), cookieprefs::Error>(())
/// ```
///
/// # Errors
/// One of the value errors of [`Error`] (see [`Error::is_value_error`]).
pub fn decode(input: impl AsRef<[u8]>) -> Result<Preferences, Error> {
    decode_bytes(input.as_ref())
}

fn decode_bytes(input: &[u8]) -> Result<Preferences, Error> {
    let len = input.len();
    if len == 0 {
        return Err(Error::Empty);
    }
    if len > MAX_ENCODED_LEN {
        return Err(Error::TooLong {
            len,
            max: MAX_ENCODED_LEN,
        });
    }
    if len <= NARROW_MAX_LEN {
        // Fast path: every character into one register, validity checked once
        // (INVALID has its high bit set). Four characters per step keep the
        // dependency chain short.
        let mut acc: u128 = 0;
        let mut seen: u8 = 0;
        let mut quads = input.chunks_exact(4);
        for q in &mut quads {
            let (a, b, c, d) = (
                SEXTET[q[0] as usize],
                SEXTET[q[1] as usize],
                SEXTET[q[2] as usize],
                SEXTET[q[3] as usize],
            );
            seen |= a | b | c | d;
            // An invalid byte (0xFF) spills into its neighbours' bits, but then
            // `seen` fails the whole call, so no masking is needed.
            let w = (u32::from(a) << 18) | (u32::from(b) << 12) | (u32::from(c) << 6) | u32::from(d);
            acc = (acc << 24) | u128::from(w);
        }
        for &byte in quads.remainder() {
            let v = SEXTET[byte as usize];
            seen |= v;
            acc = (acc << 6) | u128::from(v);
        }
        if seen & 0x80 != 0 {
            return Err(first_invalid(input));
        }
        narrow_fields(acc << (128 - 6 * len), len)
    } else {
        let mut buf = Wide::default();
        for (offset, &byte) in input.iter().enumerate() {
            let v = SEXTET[byte as usize];
            if v == INVALID {
                return Err(Error::InvalidCharacter { offset, byte });
            }
            buf.put(offset * 6, 6, u64::from(v));
        }
        fields(&buf, len)
    }
}

/// The error for the first byte outside the alphabet (there is one).
#[cold]
fn first_invalid(input: &[u8]) -> Error {
    let offset = input
        .iter()
        .position(|&b| SEXTET[b as usize] == INVALID)
        .unwrap_or(0);
    Error::InvalidCharacter {
        offset,
        byte: input.get(offset).copied().unwrap_or(0),
    }
}

/// The checks both paths share, in spec order (`docs/FORMAT.md` §5, checks
/// 4 to 8): version, minimum length, reserved bits, exact length. Returns the
/// bit length of the value. The fields may be read before the length is known
/// to cover them: bits past the input are zero.
#[inline(always)]
fn check_frame(len: usize, version: u8, reserved: u8, slots: usize, has_id: bool) -> Result<usize, Error> {
    if version != FORMAT_VERSION {
        return Err(Error::UnsupportedVersion { version });
    }
    if len < layout::MIN_LEN {
        return Err(Error::Truncated {
            len,
            expected: layout::MIN_LEN,
        });
    }
    if reserved != 0 {
        return Err(Error::ReservedBits { bits: reserved });
    }
    let bits = layout::bit_len(slots, has_id);
    let expected = encoded_len_for(bits);
    if len < expected {
        return Err(Error::Truncated { len, expected });
    }
    if len > expected {
        return Err(Error::TrailingData { len, expected });
    }
    Ok(bits)
}

/// [`fields`] for a value of at most [`NARROW_MAX_LEN`] characters held
/// left-aligned in one register (bits past `6 * len` are zero): the same
/// checks in the same order, with constant shifts.
#[inline(always)]
fn narrow_fields(x: u128, len: usize) -> Result<Preferences, Error> {
    let head = (x >> 64) as u64; // bits 0..64
    let slots = ((head >> 2) & 63) as usize;
    let bits = check_frame(
        len,
        (head >> 58) as u8,
        ((head >> 52) & 7) as u8,
        slots,
        (head >> 57) & 1 == 1,
    )?;
    // Here bits <= 6 * len <= 126, so there is no consent id and 2 * slots <= 64.
    if (x << bits) != 0 {
        return Err(Error::NonZeroPadding { offset: len - 1 });
    }
    // The slots, right-aligned: category `slots` in the lowest pair.
    let states = if slots == 0 {
        0
    } else {
        ((x << 62) >> (128 - 2 * slots)) as u64
    };
    let invalid = states & (states >> 1) & 0x5555_5555_5555_5555;
    if invalid != 0 {
        // The highest invalid pair is the lowest category id.
        let pair = (63 - invalid.leading_zeros()) / 2;
        return Err(Error::InvalidState {
            category: (slots as u32 - pair) as u8,
        });
    }
    if slots != 0 && states & 3 == 0 {
        return Err(Error::NonMinimalSlots { count: slots as u8 });
    }
    let mut granted = 0u64;
    let mut denied = 0u64;
    let mut rest = states;
    let mut id = slots;
    while id > 0 {
        granted |= ((rest >> 1) & 1) << id;
        denied |= (rest & 1) << id;
        rest >>= 2;
        id -= 1;
    }
    let created = Date::from_days_since_epoch((head >> 24) as u16);
    let updated = Date::from_days_since_epoch((head >> 8) as u16);
    if updated < created {
        return Err(Error::DatesOutOfOrder { created, updated });
    }
    Ok(Preferences {
        revision: ((head >> 40) & 0xfff) as u16,
        created,
        updated,
        method: Method::from_code(((head >> 55) & 3) as u8),
        consent_id: None,
        granted,
        denied,
    })
}

/// Checks and reads the fields of `len` valid characters held in `buf`.
#[inline(always)]
fn fields<B: BitRead>(buf: &B, len: usize) -> Result<Preferences, Error> {
    let has_id = buf.get(layout::HAS_CONSENT_ID.0, layout::HAS_CONSENT_ID.1) == 1;
    let slots = buf.get(layout::SLOT_COUNT.0, layout::SLOT_COUNT.1) as usize;
    let bits = check_frame(
        len,
        buf.get(layout::VERSION.0, layout::VERSION.1) as u8,
        buf.get(layout::RESERVED.0, layout::RESERVED.1) as u8,
        slots,
        has_id,
    )?;
    let pad = (len * 6 - bits) as u32;
    if pad != 0 && buf.get(bits, pad) != 0 {
        return Err(Error::NonZeroPadding { offset: len - 1 });
    }

    let mut granted = 0u64;
    let mut denied = 0u64;
    let mut last = 0;
    let mut first = 0;
    while first < slots {
        // Up to 32 slots (64 bits) per read, slot `first + 1` in the top pair.
        let take = (slots - first).min(32);
        let chunk = buf.get(layout::STATES + 2 * first, 2 * take as u32);
        for j in 0..take {
            let id = first + j + 1;
            last = (chunk >> (2 * (take - 1 - j))) & 3;
            match last {
                0 => {}
                1 => denied |= 1 << id,
                2 => granted |= 1 << id,
                _ => return Err(Error::InvalidState { category: id as u8 }),
            }
        }
        first += take;
    }
    if slots != 0 && last == 0 {
        return Err(Error::NonMinimalSlots { count: slots as u8 });
    }

    let created = Date::from_days_since_epoch(buf.get(layout::CREATED.0, layout::CREATED.1) as u16);
    let updated = Date::from_days_since_epoch(buf.get(layout::UPDATED.0, layout::UPDATED.1) as u16);
    if updated < created {
        return Err(Error::DatesOutOfOrder { created, updated });
    }
    let consent_id = has_id.then(|| {
        let off = layout::STATES + 2 * slots;
        ConsentId::from_u128((u128::from(buf.get(off, 64)) << 64) | u128::from(buf.get(off + 64, 64)))
    });

    Ok(Preferences {
        revision: buf.get(layout::REVISION.0, layout::REVISION.1) as u16,
        created,
        updated,
        method: Method::from_code(buf.get(layout::METHOD.0, layout::METHOD.1) as u8),
        consent_id,
        granted,
        denied,
    })
}
