//! [`Input`]: a never-failing reader of structured fields.
//!
//! A tiny stand-in for `arbitrary::Unstructured`: it never fails, and reads
//! zeros once the bytes run out, so every byte string is a valid input and
//! the same bytes always mean the same input, in the fuzzer and in
//! `cargo test` (the byte layouts `fuzz/seeds.py` writes follow it).

/// Reads fields from the front of the fuzz input; zeros once it is used up.
pub struct Input<'a> {
    data: &'a [u8],
}

impl<'a> Input<'a> {
    /// A reader over `data`.
    pub fn new(data: &'a [u8]) -> Input<'a> {
        Input { data }
    }

    /// The next byte, 0 past the end.
    pub fn u8(&mut self) -> u8 {
        match self.data.split_first() {
            Some((&b, rest)) => {
                self.data = rest;
                b
            }
            None => 0,
        }
    }

    /// The next two bytes, little-endian.
    pub fn u16(&mut self) -> u16 {
        u16::from_le_bytes([self.u8(), self.u8()])
    }

    /// The next 16 bytes, little-endian.
    pub fn u128(&mut self) -> u128 {
        let mut b = [0u8; 16];
        for x in &mut b {
            *x = self.u8();
        }
        u128::from_le_bytes(b)
    }

    /// The low bit of the next byte.
    pub fn bool(&mut self) -> bool {
        self.u8() & 1 == 1
    }

    /// The next `n` bytes (fewer at the end).
    pub fn bytes(&mut self, n: usize) -> &'a [u8] {
        let (head, rest) = self.data.split_at(n.min(self.data.len()));
        self.data = rest;
        head
    }

    /// Whether every byte has been read.
    pub fn is_empty(&self) -> bool {
        self.data.is_empty()
    }

    /// Everything left.
    pub fn rest(&mut self) -> &'a [u8] {
        core::mem::take(&mut self.data)
    }
}
