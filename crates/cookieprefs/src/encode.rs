//! Encoding a [`Preferences`] to its one canonical string.

use crate::bits::{BitRead, BitWrite, Wide, ALPHABET, NARROW_MAX_LEN};
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
        if len <= NARROW_MAX_LEN {
            // No consent id and at most 32 slots: the whole value in one
            // register, the fixed fields with constant shifts.
            let slots = self.slot_count() as usize;
            let head = (u64::from(FORMAT_VERSION) << 58)
                | ((self.method as u64) << 55)
                | (u64::from(self.revision) << 40)
                | (u64::from(self.created.days_since_epoch()) << 24)
                | (u64::from(self.updated.days_since_epoch()) << 8)
                | ((slots as u64) << 2);
            let mut states = 0u64;
            for id in 1..=slots {
                states = (states << 2) | (((self.granted >> id) & 1) << 1) | ((self.denied >> id) & 1);
            }
            // The slots start at bit 62: shift them up by 128 - 62 - 2 * slots.
            let mut x = (u128::from(head) << 64) | (((u128::from(states) << 64) >> (2 * slots)) << 2);
            // Shift the characters out of the top of the register.
            for dst in out.iter_mut().take(len) {
                *dst = ALPHABET[(x >> 122) as usize];
                x <<= 6;
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

/// Writes `len` characters of `bits` into `out`.
#[inline(always)]
fn emit<B: BitRead>(bits: &B, out: &mut [u8], len: usize) -> usize {
    for (k, dst) in out.iter_mut().take(len).enumerate() {
        *dst = ALPHABET[bits.get(k * 6, 6) as usize];
    }
    len
}
