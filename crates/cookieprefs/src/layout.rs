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
pub(crate) const fn encoded_len_for(bits: usize) -> usize {
    bits.div_ceil(6)
}
