//! Bit positions of the v1 fields (see `docs/FORMAT.md` §3). Private.

/// (offset, width) of the version field.
pub(crate) const VERSION: (usize, u32) = (0, 6);
/// (offset, width) of the has-consent-id flag.
pub(crate) const HAS_CONSENT_ID: (usize, u32) = (6, 1);
/// (offset, width) of the method.
pub(crate) const METHOD: (usize, u32) = (7, 2);
/// (offset, width) of the reserved flag bits.
pub(crate) const RESERVED: (usize, u32) = (9, 3);
/// (offset, width) of the policy revision.
pub(crate) const REVISION: (usize, u32) = (12, 12);
/// (offset, width) of the created date.
pub(crate) const CREATED: (usize, u32) = (24, 16);
/// (offset, width) of the updated date.
pub(crate) const UPDATED: (usize, u32) = (40, 16);
/// (offset, width) of the slot count.
pub(crate) const SLOT_COUNT: (usize, u32) = (56, 6);
/// Offset of the first 2-bit state slot (category 1).
pub(crate) const STATES: usize = 62;
/// Characters needed to reach the end of the slot count.
pub(crate) const MIN_LEN: usize = 11;

/// Bits of a v1 value with `slots` slots and, if `has_id`, a consent id.
pub(crate) const fn bit_len(slots: usize, has_id: bool) -> usize {
    STATES + 2 * slots + if has_id { 128 } else { 0 }
}

/// Characters needed for `bits` bits.
// Not `div_ceil`: it compiles to a multiply plus an exactness test, this to
// one multiply (bits is at most 382, so `bits + 5` cannot overflow).
#[allow(clippy::manual_div_ceil)]
pub(crate) const fn encoded_len_for(bits: usize) -> usize {
    (bits + 5) / 6
}

/// Right shift that brings `field` to the low bits of a `u64` holding bits
/// 0..64 of the value MSB-first (bit 0 of the value is bit 63 of the word).
/// The fast paths of `decode.rs` and `encode.rs` use it, so that the shifts
/// are derived from the field table above rather than restated.
pub(crate) const fn shift64(field: (usize, u32)) -> u32 {
    64 - field.0 as u32 - field.1
}

/// The low-bits mask of `field`'s width.
pub(crate) const fn mask(field: (usize, u32)) -> u64 {
    (1 << field.1) - 1
}

/// The bits of `field` in the first 64 bits of a value held MSB-first.
pub(crate) const fn mask64(field: (usize, u32)) -> u64 {
    mask(field) << shift64(field)
}

/// `field` read from the first 64 bits of a value held MSB-first in `head`.
#[inline(always)]
pub(crate) const fn get64(head: u64, field: (usize, u32)) -> u64 {
    (head >> shift64(field)) & mask(field)
}

/// `v` (no bits above `field`'s width) placed at `field` in the first 64
/// bits of a value held MSB-first.
#[inline(always)]
pub(crate) const fn put64(v: u64, field: (usize, u32)) -> u64 {
    v << shift64(field)
}

// The fixed fields tile bits 0..STATES with no gap or overlap, and the
// single-word fast paths rely on the header ending within the first 11
// characters, with the first state slot straddling bit 64 by exactly one pair.
const _: () = {
    assert!(VERSION.0 == 0);
    assert!(VERSION.0 + VERSION.1 as usize == HAS_CONSENT_ID.0);
    assert!(HAS_CONSENT_ID.0 + HAS_CONSENT_ID.1 as usize == METHOD.0);
    assert!(METHOD.0 + METHOD.1 as usize == RESERVED.0);
    assert!(RESERVED.0 + RESERVED.1 as usize == REVISION.0);
    assert!(REVISION.0 + REVISION.1 as usize == CREATED.0);
    assert!(CREATED.0 + CREATED.1 as usize == UPDATED.0);
    assert!(UPDATED.0 + UPDATED.1 as usize == SLOT_COUNT.0);
    assert!(SLOT_COUNT.0 + SLOT_COUNT.1 as usize == STATES);
    assert!(STATES + 2 == 64);
    assert!(MIN_LEN == encoded_len_for(STATES));
};
