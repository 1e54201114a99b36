//! The base64url alphabet and the fixed-size MSB-first bit buffer that both
//! codec directions use. Private.

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

/// Marker in [`SEXTET`] for a byte outside the alphabet.
pub(crate) const INVALID: u8 = 0xFF;

/// Words in a [`BitBuf`]: room for [`crate::MAX_ENCODED_LEN`] sextets (384
/// bits) plus one guard word so that reads straddling a word never go out of
/// bounds.
const WORDS: usize = 7;

/// A 448-bit buffer addressed MSB-first: bit 0 is the top bit of word 0.
#[derive(Default)]
pub(crate) struct BitBuf([u64; WORDS]);

impl BitBuf {
    /// Reads `width` (1..=64) bits at bit offset `off` (`off + width <= 384`).
    #[inline(always)]
    pub(crate) fn get(&self, off: usize, width: u32) -> u64 {
        let i = off / 64;
        let s = (off % 64) as u32;
        let hi = self.0[i] << s;
        let lo = if s == 0 { 0 } else { self.0[i + 1] >> (64 - s) };
        (hi | lo) >> (64 - width)
    }

    /// ORs the low `width` (1..=64) bits of `v` in at bit offset `off`
    /// (`off + width <= 384`); `v` must have no bits above `width`.
    #[inline(always)]
    pub(crate) fn put(&mut self, off: usize, width: u32, v: u64) {
        let i = off / 64;
        let s = (off % 64) as u32;
        self.0[i] |= (v << (64 - width)) >> s;
        if s + width > 64 {
            self.0[i + 1] |= v << (128 - s - width);
        }
    }
}
