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

/// Characters that fit the `u128` fast path (21 × 6 = 126 bits).
pub(crate) const NARROW_MAX_LEN: usize = 21;

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
