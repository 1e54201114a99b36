//! Encoding a [`Preferences`] to its one canonical string.

use crate::bits::{BitRead, BitWrite, Wide, ALPHABET, NARROW_MAX_LEN, ZIP};
use crate::layout::{self, bit_len, encoded_len_for};
use crate::{Error, Preferences, FORMAT_VERSION};

impl Preferences {
    /// The length in bytes of the encoded value (11 to 53).
    ///
    /// ```
    /// # use cookieprefs::{Preferences, Date, Category};
    /// let p = Preferences::builder(Date::EPOCH).grant(Category::THIRD_PARTY).build()?;
    /// assert_eq!(p.encoded_len(), 12);
    /// # Ok::<(), cookieprefs::Error>(())
    /// ```
    pub const fn encoded_len(&self) -> usize {
        encoded_len_for(bit_len(self.slot_count() as usize, self.consent_id.is_some()))
    }

    /// Encodes into a new `String` (the canonical value).
    ///
    /// ```
    /// # use cookieprefs::{Preferences, Date, Category};
    /// let p = Preferences::builder(Date::from_ymd(2026, 11, 24)?).revision(3)
    ///     .grant(Category::STATISTICS).deny(Category::FIRST_PARTY).deny(Category::THIRD_PARTY)
    ///     .build()?;
    /// assert_eq!(p.encode(), "BAADCdcJ1w5Q");
    /// # Ok::<(), cookieprefs::Error>(())
    /// ```
    pub fn encode(&self) -> String {
        let mut buf = [0u8; crate::MAX_ENCODED_LEN];
        let n = self.write(&mut buf);
        // The encoder writes only base64url ASCII, so this never fails.
        core::str::from_utf8(&buf[..n])
            .map(str::to_owned)
            .unwrap_or_default()
    }

    /// Encodes into the start of `out` without allocating; returns the number
    /// of bytes written (see [`Preferences::encoded_len`]).
    ///
    /// ```
    /// # use cookieprefs::{Preferences, Date};
    /// let p = Preferences::builder(Date::EPOCH).build()?;
    /// let mut buf = [0u8; 64];
    /// let n = p.encode_into(&mut buf)?;
    /// assert_eq!(&buf[..n], b"BAAAAAAAAAA");
    /// # Ok::<(), cookieprefs::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::BufferTooSmall`] when `out` is shorter than the value; `out`
    /// is left untouched then.
    pub fn encode_into(&self, out: &mut [u8]) -> Result<usize, Error> {
        let needed = self.encoded_len();
        match out.get_mut(..needed) {
            Some(dst) => Ok(self.write(dst)),
            None => Err(Error::BufferTooSmall {
                needed,
                len: out.len(),
            }),
        }
    }

    /// Writes the value into `out`, which holds at least `encoded_len()` bytes.
    #[inline]
    fn write(&self, out: &mut [u8]) -> usize {
        let len = self.encoded_len();
        if let (true, Some((head, tail))) = (len <= NARROW_MAX_LEN, split_head(out, len)) {
            // No consent id and at most 32 slots: the fixed fields in one
            // `u64` with constant shifts derived from `layout.rs`, the slots
            // in a second.
            let slots = self.slot_count() as usize;
            // The slots left-aligned, category 1 in the top pair, four per
            // table look-up.
            let mut states = 0u64;
            let mut first = 0;
            while first < slots {
                let g = (self.granted >> (first + 1)) & 15;
                let d = (self.denied >> (first + 1)) & 15;
                states |= u64::from(ZIP[(g | (d << 4)) as usize]) << (56 - 2 * first);
                first += 4;
            }
            // Bits 0..64 of the value, then bits 64..128.
            let word = layout::put64(u64::from(FORMAT_VERSION), layout::VERSION)
                | layout::put64(self.method as u64, layout::METHOD)
                | layout::put64(u64::from(self.revision), layout::REVISION)
                | layout::put64(u64::from(self.created.days_since_epoch()), layout::CREATED)
                | layout::put64(u64::from(self.updated.days_since_epoch()), layout::UPDATED)
                | layout::put64(slots as u64, layout::SLOT_COUNT)
                | (states >> layout::STATES);
            let rest = states << (64 - layout::STATES);
            let char_at = |shift: u32| ALPHABET[((word >> shift) & 63) as usize];
            for (k, dst) in head[..10].iter_mut().enumerate() {
                *dst = char_at(58 - 6 * k as u32);
            }
            // The 11th character straddles the two words.
            head[10] = ALPHABET[(((word & 15) << 2) | (rest >> 62)) as usize];
            let mut rest = rest << 2;
            for dst in tail {
                *dst = ALPHABET[(rest >> 58) as usize];
                rest <<= 6;
            }
            len
        } else {
            let mut bits = Wide::default();
            self.put_fields(&mut bits);
            emit(&bits, out, len)
        }
    }

    #[inline(always)]
    fn put_fields<B: BitWrite>(&self, buf: &mut B) {
        let slots = self.slot_count() as usize;
        let flags = (u64::from(self.consent_id.is_some()) << 5) | ((self.method as u64) << 3);
        // version, flags, revision: 24 bits; created, updated: 32 bits; slot count: 6.
        buf.put(
            0,
            24,
            (u64::from(FORMAT_VERSION) << 18) | (flags << 12) | u64::from(self.revision),
        );
        buf.put(
            layout::CREATED.0,
            32,
            (u64::from(self.created.days_since_epoch()) << 16) | u64::from(self.updated.days_since_epoch()),
        );
        buf.put(layout::SLOT_COUNT.0, layout::SLOT_COUNT.1, slots as u64);
        let mut first = 0;
        while first < slots {
            // Up to 32 slots (64 bits) per write, slot `first + 1` in the top pair.
            let take = (slots - first).min(32);
            let mut chunk = 0u64;
            for id in first + 1..=first + take {
                let code = (((self.granted >> id) & 1) << 1) | ((self.denied >> id) & 1);
                chunk = (chunk << 2) | code;
            }
            buf.put(layout::STATES + 2 * first, 2 * take as u32, chunk);
            first += take;
        }
        if let Some(id) = self.consent_id {
            let off = layout::STATES + 2 * slots;
            let v = id.as_u128();
            buf.put(off, 64, (v >> 64) as u64);
            buf.put(off + 64, 64, v as u64);
        }
    }
}

/// The first [`layout::MIN_LEN`] bytes of `out[..len]` and the rest.
#[inline(always)]
fn split_head(out: &mut [u8], len: usize) -> Option<(&mut [u8; layout::MIN_LEN], &mut [u8])> {
    let out = out.get_mut(..len)?;
    if len < layout::MIN_LEN {
        return None;
    }
    let (head, tail) = out.split_at_mut(layout::MIN_LEN);
    Some((head.try_into().ok()?, tail))
}

/// Writes `len` characters of `bits` into `out`.
#[inline(always)]
fn emit<B: BitRead>(bits: &B, out: &mut [u8], len: usize) -> usize {
    for (k, dst) in out.iter_mut().take(len).enumerate() {
        *dst = ALPHABET[bits.get(k * 6, 6) as usize];
    }
    len
}
