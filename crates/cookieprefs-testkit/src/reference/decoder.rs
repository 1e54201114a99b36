//! A deliberately simple reference decoder for v1 values, written from the
//! spec (`docs/FORMAT.md`) and sharing no code with the crate.
//!
//! It turns the characters into a `Vec<bool>` of bits and reads each field
//! one bit at a time, in the order the spec lists the checks. It is slow and
//! allocates on purpose: it exists to be obviously right, so that the
//! optimized decoder can be checked against it on every input (the
//! `differential` check, [`crate::fuzz::differential`], run by the fuzz
//! target of that name and by `tests/differential.rs`).

// Indexing by category id is how the spec words it.
#![allow(clippy::needless_range_loop)]

/// The base64url alphabet, in sextet order (RFC 4648 §5).
const ALPHABET: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// The length limit, checked before anything else.
pub const MAX_LEN: usize = 64;

/// What the reference decoder found in a valid value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RefValue {
    /// The format version (always 1).
    pub version: u8,
    /// The 2-bit method code.
    pub method: u8,
    /// Policy revision.
    pub revision: u16,
    /// Days since 2020-01-01.
    pub created: u16,
    /// Days since 2020-01-01.
    pub updated: u16,
    /// `states[id]` for ids 0..=63: 0 not asked, 1 denied, 2 granted
    /// (index 0, necessary, is never stored and stays 0).
    pub states: [u8; 64],
    /// The consent id, if flagged.
    pub consent_id: Option<u128>,
}

/// Why the reference decoder rejected a value: the error kind (the names of
/// `cookieprefs::Error::kind`) and the one number that locates it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RefError {
    /// Snake-case error kind.
    pub kind: &'static str,
    /// `invalid_character`: offset; `unsupported_version`: version;
    /// `truncated` / `trailing_data`: expected length; `reserved_bits`: the
    /// three bits; `non_zero_padding`: offset of the last character;
    /// `invalid_state`: category id; `non_minimal_slots`: slot count;
    /// `dates_out_of_order`: created day; `empty` / `too_long`: input length.
    pub detail: u64,
}

fn err(kind: &'static str, detail: u64) -> Result<RefValue, RefError> {
    Err(RefError { kind, detail })
}

/// Reads bits `pos..pos + n` as an unsigned number, most significant bit
/// first, one bit at a time; advances `pos`.
fn read(bits: &[bool], pos: &mut usize, n: usize) -> u128 {
    let mut v: u128 = 0;
    for _ in 0..n {
        v = (v << 1) | u128::from(bits[*pos]);
        *pos += 1;
    }
    v
}

/// Decodes `input` the slow, obvious way.
pub fn decode(input: &[u8]) -> Result<RefValue, RefError> {
    // 1. Empty, then too long: nothing else is looked at.
    if input.is_empty() {
        return err("empty", 0);
    }
    if input.len() > MAX_LEN {
        return err("too_long", input.len() as u64);
    }

    // 2. Every byte must be in the alphabet; report the first bad one.
    let mut bits: Vec<bool> = Vec::new();
    for (offset, &byte) in input.iter().enumerate() {
        let Some(value) = ALPHABET.bytes().position(|a| a == byte) else {
            return err("invalid_character", offset as u64);
        };
        for k in (0..6).rev() {
            bits.push((value >> k) & 1 == 1);
        }
    }

    // 3. Version: the first character.
    let mut pos = 0;
    let version = read(&bits, &mut pos, 6) as u8;
    if version != 1 {
        return err("unsupported_version", u64::from(version));
    }

    // 4. The fixed header is 62 bits: 11 characters.
    if input.len() < 11 {
        return err("truncated", 11);
    }

    // 5. Flags: has-consent-id (1), method (2), reserved (3) = 0.
    let has_id = read(&bits, &mut pos, 1) == 1;
    let method = read(&bits, &mut pos, 2) as u8;
    let reserved = read(&bits, &mut pos, 3);
    if reserved != 0 {
        return err("reserved_bits", reserved as u64);
    }

    // 6. The rest of the header.
    let revision = read(&bits, &mut pos, 12) as u16;
    let created = read(&bits, &mut pos, 16) as u16;
    let updated = read(&bits, &mut pos, 16) as u16;
    let slots = read(&bits, &mut pos, 6) as usize;
    assert_eq!(pos, 62);

    // 7. Exact length: the bits the fields take, rounded up to whole characters.
    let mut needed_bits = 62 + 2 * slots;
    if has_id {
        needed_bits += 128;
    }
    let mut expected = needed_bits / 6;
    if expected * 6 < needed_bits {
        expected += 1;
    }
    if input.len() < expected {
        return err("truncated", expected as u64);
    }
    if input.len() > expected {
        return err("trailing_data", expected as u64);
    }

    // 8. The padding bits after the last field are zero.
    if bits[needed_bits..].iter().any(|&b| b) {
        return err("non_zero_padding", (input.len() - 1) as u64);
    }

    // 9. Slots: the first 0b11 is an error; the last slot must not be 00.
    let mut states = [0u8; 64];
    for id in 1..=slots {
        let s = read(&bits, &mut pos, 2) as u8;
        if s == 3 {
            return err("invalid_state", id as u64);
        }
        states[id] = s;
    }
    if slots > 0 && states[slots] == 0 {
        return err("non_minimal_slots", slots as u64);
    }

    // 10. Dates in order.
    if updated < created {
        return err("dates_out_of_order", u64::from(created));
    }

    // 11. The consent id, if flagged.
    let consent_id = if has_id {
        Some(read(&bits, &mut pos, 128))
    } else {
        None
    };
    assert_eq!(pos, needed_bits);

    Ok(RefValue {
        version,
        method,
        revision,
        created,
        updated,
        states,
        consent_id,
    })
}
