//! The base64url alphabet and the MSB-first bit buffer both codec directions
//! use for long values. Values of up to 126 bits (every value without a
//! consent id and with at most 32 slots) take a faster path that holds them
//! in one `u128` (see `decode.rs` and `encode.rs`). Private.

/// The base64url alphabet (RFC 4648 §5), index = sextet value.
pub(crate) const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Byte → sextet value, `INVALID` for bytes outside the alphabet.
pub(crate) static SEXTET: [u8; 256] = {
    let mut table = [INVALID; 256];
    let mut i = 0;
    while i < 64 {
        table[ALPHABET[i] as usize] = i as u8;
        i += 1;
    }
    table
};

/// Marker in [`SEXTET`] for a byte outside the alphabet (high bit set, so
/// OR-ing all looked-up values tells whether any byte was invalid).
pub(crate) const INVALID: u8 = 0xFF;

/// [`SEXTET`] pre-shifted for the four places of a character in a group of
/// four (24 bits, the first character on top): `SEXTET_AT[k][b]` is byte
/// `b`'s value shifted left by `18 - 6 * k`, or [`MARK`] for a byte outside
/// the alphabet. OR-ing four look-ups gives the group's 24 bits, and bit 31
/// of the OR of all groups tells whether any byte was invalid. (4 KiB; one
/// value touches a few cache lines of each table.)
pub(crate) static SEXTET_AT: [[u32; 256]; 4] = {
    let mut table = [[MARK; 256]; 4];
    let mut k = 0;
    while k < 4 {
        let mut i = 0;
        while i < 64 {
            table[k][ALPHABET[i] as usize] = (i as u32) << (18 - 6 * k);
            i += 1;
        }
        k += 1;
    }
    table
};

/// The invalid marker of [`SEXTET_AT`], above the 24 bits of a group.
pub(crate) const MARK: u32 = 1 << 31;

/// Characters that fit the fast paths (21 × 6 = 126 bits: the fixed fields
/// and the first state pair in one `u64`, up to 32 more pairs in a second).
pub(crate) const NARROW_MAX_LEN: usize = 21;

/// Four state slots (a byte, the first slot in the top pair) → their granted
/// bits in bits 0..4 and their denied bits in bits 32..36 (bit `j`: the
/// `j`-th slot). The pair `11` maps to neither; decoding rejects it first.
pub(crate) static UNZIP: [u64; 256] = {
    let mut table = [0u64; 256];
    let mut b = 0;
    while b < 256 {
        let mut j = 0;
        while j < 4 {
            let pair = (b >> (6 - 2 * j)) & 3;
            if pair == 2 {
                table[b] |= 1 << j;
            } else if pair == 1 {
                table[b] |= 1 << (32 + j);
            }
            j += 1;
        }
        b += 1;
    }
    table
};

/// The inverse of [`UNZIP`]: granted bits in the low nibble and denied bits
/// in the high nibble of the index (disjoint) → four state slots, the first
/// slot in the top pair.
pub(crate) static ZIP: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        let mut j = 0;
        while j < 4 {
            let code = (((i >> j) & 1) << 1) | ((i >> (4 + j)) & 1);
            table[i] |= (code << (6 - 2 * j)) as u8;
            j += 1;
        }
        i += 1;
    }
    table
};

/// Reading `width` (1..=64) bits at bit offset `off`, MSB-first.
pub(crate) trait BitRead {
    fn get(&self, off: usize, width: u32) -> u64;
}

/// Writing the low `width` (1..=64) bits of `v` at bit offset `off`; `v`
/// has no bits above `width` and the bits written are still zero.
pub(crate) trait BitWrite {
    fn put(&mut self, off: usize, width: u32, v: u64);
}

/// Words in a [`Wide`]: room for [`crate::MAX_ENCODED_LEN`] sextets (384
/// bits) plus one guard word so that reads straddling a word stay in bounds.
const WORDS: usize = 7;

/// A 448-bit buffer addressed MSB-first: bit 0 is the top bit of word 0.
#[derive(Default)]
pub(crate) struct Wide(pub(crate) [u64; WORDS]);

impl BitRead for Wide {
    #[inline(always)]
    fn get(&self, off: usize, width: u32) -> u64 {
        let i = off / 64;
        let s = (off % 64) as u32;
        let hi = self.0[i] << s;
        let lo = if s == 0 { 0 } else { self.0[i + 1] >> (64 - s) };
        (hi | lo) >> (64 - width)
    }
}

impl BitWrite for Wide {
    #[inline(always)]
    fn put(&mut self, off: usize, width: u32, v: u64) {
        let i = off / 64;
        let s = (off % 64) as u32;
        self.0[i] |= (v << (64 - width)) >> s;
        if s + width > 64 {
            self.0[i + 1] |= v << (128 - s - width);
        }
    }
}
