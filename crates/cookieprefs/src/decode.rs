//! Strict, canonical decoding of a value.

use crate::bits::{BitRead, BitWrite, Wide, INVALID, MARK, NARROW_MAX_LEN, SEXTET, SEXTET_AT, UNZIP};
use crate::layout::{self, encoded_len_for};
use crate::{ConsentId, Date, Error, InputHint, Method, Preferences, FORMAT_VERSION, MAX_ENCODED_LEN};

/// Decodes a `cookies_preferences` value.
///
/// Strict and canonical: exactly one string is accepted for each value, and
/// the checks run in the order `docs/FORMAT.md` fixes (so every implementation
/// reports the same error for the same input). Never panics, never allocates,
/// and looks at no more than [`MAX_ENCODED_LEN`] bytes.
///
/// ```
/// use cookieprefs::{decode, Category, State, Error, InputHint};
/// let prefs = decode("BAADCdcJ1w5Q")?;
/// assert_eq!(prefs.revision(), 3);
/// assert_eq!(prefs.state(Category::STATISTICS), State::Granted);
/// assert_eq!(prefs.created().to_string(), "2026-11-24");
///
/// assert_eq!(decode("BAADCdcJ1w5Q=").unwrap_err(),
///            Error::InvalidCharacter { offset: 12, byte: b'=', hint: InputHint::Padding });
/// assert_eq!(decode("CAADCdcJ1w5Q").unwrap_err(),
///            Error::UnsupportedVersion { version: 2, hint: InputHint::NotAValue });
/// # Ok::<(), cookieprefs::Error>(())
/// ```
///
/// # Errors
/// One of the value errors of [`Error`] (see [`Error::is_value_error`]).
pub fn decode(input: impl AsRef<[u8]>) -> Result<Preferences, Error> {
    decode_bytes(input.as_ref())
}

/// Characters the fast path reads first: the fixed fields, the first slot
/// pair and 8 more bits (72 bits in three groups of four characters).
const HEAD: usize = 12;

#[inline(always)]
fn decode_bytes(input: &[u8]) -> Result<Preferences, Error> {
    if (HEAD..=NARROW_MAX_LEN).contains(&input.len()) {
        if let Some(head) = input.get(..HEAD).and_then(|h| <&[u8; HEAD]>::try_from(h).ok()) {
            return decode_narrow(input, head, input.len());
        }
    } else if input.len() == layout::MIN_LEN {
        return decode_min(input);
    }
    decode_wide(input)
}

/// 11 characters (no slot or at most two): the fast path on the value with
/// an `A` (six zero bits) appended, which it reads as part of the padding.
#[inline(never)]
fn decode_min(input: &[u8]) -> Result<Preferences, Error> {
    let mut head = [b'A'; HEAD];
    if let (Some(dst), Some(src)) = (head.get_mut(..layout::MIN_LEN), input.get(..layout::MIN_LEN)) {
        dst.copy_from_slice(src);
    }
    decode_narrow(input, &head, HEAD)
}

/// Every input the fast path does not take: empty, too long, shorter than
/// 11 characters (always an error, reported in spec order) or longer than
/// [`NARROW_MAX_LEN`] (a consent id or more than 32 slots).
#[inline(never)]
fn decode_wide(input: &[u8]) -> Result<Preferences, Error> {
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
    let mut buf = Wide::default();
    for (offset, &byte) in input.iter().enumerate() {
        let v = SEXTET[byte as usize];
        if v == INVALID {
            return Err(invalid_character(input, offset));
        }
        buf.put(offset * 6, 6, u64::from(v));
    }
    fields(&buf, input)
}

/// The fast path: 12 to 21 characters (every value without a consent id
/// and with 3 to 32 slots) and, through [`decode_min`], 11. The fixed fields
/// are in one `u64` read with constant shifts derived from `layout.rs`, the
/// states in a second, and the checks are those of [`fields`] in the same
/// order. `end_len` is `len`, or 12 for an 11-character value whose `head`
/// has an `A` appended.
#[inline(always)]
fn decode_narrow(input: &[u8], head: &[u8; HEAD], end_len: usize) -> Result<Preferences, Error> {
    let len = input.len();
    // Validity is checked once for all characters: an invalid byte sets
    // MARK, which shows in the OR of every group. It also spills into
    // other bits, but then the call fails anyway.
    let (q0, q1, q2) = (group(head, 0), group(head, 4), group(head, 8));
    let mut seen = q0 | q1 | q2;
    // Bits 0..64 of the value.
    let word = (u64::from(q0) << 40) | (u64::from(q1) << 16) | u64::from(q2 >> 8);
    // The last 64 bits of the last 12 characters, right-aligned: they reach
    // back to bit STATES (6 * len - 64 <= 62 for len <= 21), and together
    // with the first 12 they cover every character.
    let mut end = (u64::from(q0) << 48) | (u64::from(q1) << 24) | u64::from(q2);
    if len > HEAD {
        let Some(c) = last_chunk::<HEAD>(input) else {
            return decode_wide(input);
        };
        let (a, b, d) = (group(c, 0), group(c, 4), group(c, 8));
        seen |= a | b | d;
        end = (u64::from(a) << 48) | (u64::from(b) << 24) | u64::from(d);
    }
    if seen & MARK != 0 {
        return Err(first_invalid(input));
    }

    // Checks 4 to 8 at once: version 1, no consent id (it would not fit in
    // 21 characters), reserved bits zero, and 6 * len - 6 < bits <= 6 * len.
    // When any fails, `frame_error` runs them in spec order for the error.
    let slots = layout::get64(word, layout::SLOT_COUNT) as usize;
    let bits = layout::bit_len(slots, false);
    let frame = layout::mask64(layout::VERSION)
        | layout::mask64(layout::HAS_CONSENT_ID)
        | layout::mask64(layout::RESERVED);
    if word & frame != layout::put64(u64::from(FORMAT_VERSION), layout::VERSION)
        || (6 * len).wrapping_sub(bits) >= 6
    {
        return frame_error(input, word);
    }
    // Here bits = STATES + 2 * slots <= 6 * len <= 126: no consent id (its
    // 128 bits would not fit) and at most 32 slots. `states` holds bits
    // STATES..6 * len left-aligned: the slots, category 1 in the top pair,
    // then the padding, then zeros.
    let states = end << (2 * layout::STATES + 2 - 6 * end_len);
    debug_assert!(bits <= 6 * NARROW_MAX_LEN && slots <= 32);
    if (states << slots) << slots != 0 {
        return Err(Error::NonZeroPadding { offset: len - 1 });
    }
    // A pair `11`: its high bit and its low bit (shifted up) both set. Only
    // slots can match: the padding and the bits after it are zero.
    let invalid = states & (states << 1) & 0xAAAA_AAAA_AAAA_AAAA;
    if invalid != 0 {
        return Err(Error::InvalidState {
            category: (invalid.leading_zeros() / 2 + 1) as u8,
        });
    }
    if slots != 0 && (states << (2 * slots - 2)) >> 62 == 0 {
        return Err(Error::NonMinimalSlots { count: slots as u8 });
    }
    // Four slots per table look-up; the unused pairs are zero.
    let mut masks = UNZIP[(states >> 56) as usize];
    let mut rest = states << 8;
    let mut first = 4;
    while first < slots {
        masks |= UNZIP[(rest >> 56) as usize] << first;
        rest <<= 8;
        first += 4;
    }
    let created = Date::from_days_since_epoch(layout::get64(word, layout::CREATED) as u16);
    let updated = Date::from_days_since_epoch(layout::get64(word, layout::UPDATED) as u16);
    if updated < created {
        return Err(Error::DatesOutOfOrder { created, updated });
    }
    Ok(Preferences {
        revision: layout::get64(word, layout::REVISION) as u16,
        created,
        updated,
        method: Method::from_code(layout::get64(word, layout::METHOD) as u8),
        consent_id: None,
        // Category `id` in bit `id` (bit 0 is `necessary`, never stored).
        granted: u64::from(masks as u32) << 1,
        denied: (masks >> 32) << 1,
    })
}

/// The 24 bits of the four characters at `i`, or [`MARK`] set.
#[inline(always)]
fn group<const N: usize>(c: &[u8; N], i: usize) -> u32 {
    SEXTET_AT[0][c[i] as usize]
        | SEXTET_AT[1][c[i + 1] as usize]
        | SEXTET_AT[2][c[i + 2] as usize]
        | SEXTET_AT[3][c[i + 3] as usize]
}

/// The last `N` bytes of `input`.
#[inline(always)]
fn last_chunk<const N: usize>(input: &[u8]) -> Option<&[u8; N]> {
    input.get(input.len().checked_sub(N)?..)?.try_into().ok()
}

/// The error for the first byte outside the alphabet (there is one).
#[cold]
#[inline(never)]
fn first_invalid(input: &[u8]) -> Error {
    let offset = input
        .iter()
        .position(|&b| SEXTET[b as usize] == INVALID)
        .unwrap_or(0);
    invalid_character(input, offset)
}

/// The error for the invalid byte at `offset` of `input`.
#[cold]
fn invalid_character(input: &[u8], offset: usize) -> Error {
    Error::InvalidCharacter {
        offset,
        byte: input.get(offset).copied().unwrap_or(0),
        hint: InputHint::of_invalid(input, offset),
    }
}

/// `Truncated` or `TrailingData` for `len` characters that do not hold exactly `bits` bits.
#[cold]
fn length_error(len: usize, bits: usize) -> Error {
    let expected = encoded_len_for(bits);
    if len < expected {
        Error::Truncated { len, expected }
    } else {
        Error::TrailingData { len, expected }
    }
}

/// The error of checks 4 to 8 for a value whose first 64 bits are `word`.
#[cold]
#[inline(never)]
fn frame_error(input: &[u8], word: u64) -> Result<Preferences, Error> {
    check_frame(
        input,
        layout::get64(word, layout::VERSION) as u8,
        layout::get64(word, layout::RESERVED) as u8,
        layout::get64(word, layout::SLOT_COUNT) as usize,
        layout::get64(word, layout::HAS_CONSENT_ID) == 1,
    )?;
    // Not reached: one of the checks fails.
    decode_wide(input)
}

/// The error for a first character that is not `B` (version 1).
#[cold]
fn unsupported_version(input: &[u8], version: u8) -> Error {
    Error::UnsupportedVersion {
        version,
        hint: InputHint::of_unsupported_version(input),
    }
}

/// The checks both paths share, in spec order (`docs/FORMAT.md` §5, checks
/// 4 to 8): version, minimum length, reserved bits, exact length. Returns the
/// bit length of the value. The fields may be read before the length is known
/// to cover them: bits past the input are zero.
#[inline(always)]
fn check_frame(input: &[u8], version: u8, reserved: u8, slots: usize, has_id: bool) -> Result<usize, Error> {
    let len = input.len();
    if version != FORMAT_VERSION {
        return Err(unsupported_version(input, version));
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
    // len < ⌈bits / 6⌉ exactly when 6 * len < bits, and len > ⌈bits / 6⌉
    // exactly when 6 * (len - 1) >= bits: no division on the way.
    let bits = layout::bit_len(slots, has_id);
    if 6 * len < bits {
        return Err(length_error(len, bits));
    }
    if 6 * len - bits >= 6 {
        return Err(length_error(len, bits));
    }
    Ok(bits)
}

/// Checks and reads the fields of `len` valid characters held in `buf`.
#[inline(always)]
fn fields<B: BitRead>(buf: &B, input: &[u8]) -> Result<Preferences, Error> {
    let len = input.len();
    let has_id = buf.get(layout::HAS_CONSENT_ID.0, layout::HAS_CONSENT_ID.1) == 1;
    let slots = buf.get(layout::SLOT_COUNT.0, layout::SLOT_COUNT.1) as usize;
    let bits = check_frame(
        input,
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
