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
        let n = self.write(&mut buf, self.encoded_len());
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
            Some(dst) => Ok(self.write(dst, needed)),
            None => Err(Error::BufferTooSmall {
                needed,
                len: out.len(),
            }),
        }
    }

    /// Writes the value into `out`, which holds at least `len` =
    /// `encoded_len()` bytes.
    #[inline(always)]
    fn write(&self, out: &mut [u8], len: usize) -> usize {
        if len <= NARROW_MAX_LEN {
            if let Some(out) = out.get_mut(..len) {
                self.write_narrow(out);
                return len;
            }
        }
        self.write_wide(out, len)
    }

    /// The fast path for values of at most [`NARROW_MAX_LEN`] characters (no
    /// consent id, at most 32 slots) into `out` of exactly their length: the
    /// fixed fields in one `u64` with constant shifts derived from
    /// `layout.rs`, the slots in a second, the first 11 or 12 characters
    /// with constant shifts.
    #[inline(always)]
    fn write_narrow(&self, out: &mut [u8]) {
        let slots = self.slot_count() as usize;
        // The slots left-aligned, category 1 in the top pair, four per
        // table look-up (the first unconditionally: unused slots are zero).
        let zip = |first: usize| {
            let g = (self.granted >> (first + 1)) & 15;
            let d = (self.denied >> (first + 1)) & 15;
            u64::from(ZIP[(g | (d << 4)) as usize]) << (56 - 2 * first)
        };
        let mut states = zip(0);
        let mut first = 4;
        while first < slots {
            states |= zip(first);
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
        let c = |v: u64| ALPHABET[(v & 63) as usize];
        let Some((dst, tail)) = split_first_chunk_mut::<{ layout::MIN_LEN }>(out) else {
            return;
        };
        dst[0] = c(word >> 58);
        dst[1] = c(word >> 52);
        dst[2] = c(word >> 46);
        dst[3] = c(word >> 40);
        dst[4] = c(word >> 34);
        dst[5] = c(word >> 28);
        dst[6] = c(word >> 22);
        dst[7] = c(word >> 16);
        dst[8] = c(word >> 10);
        dst[9] = c(word >> 4);
        // The 11th character straddles the two words.
        dst[10] = c((word << 2) | (rest >> 62));
        if let Some((dst, tail)) = tail.split_first_mut() {
            *dst = c(rest >> 56);
            let mut rest = rest << 8;
            for dst in tail {
                *dst = c(rest >> 58);
                rest <<= 6;
            }
        }
    }

    /// Values longer than [`NARROW_MAX_LEN`] characters (a consent id or more
    /// than 32 slots), through a bit buffer.
    #[inline(never)]
    fn write_wide(&self, out: &mut [u8], len: usize) -> usize {
        let mut bits = Wide::default();
        self.put_fields(&mut bits);
        emit(&bits, out, len)
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

/// The first `N` bytes of `out` and the rest, if `out` is that long.
#[inline(always)]
fn split_first_chunk_mut<const N: usize>(out: &mut [u8]) -> Option<(&mut [u8; N], &mut [u8])> {
    if out.len() < N {
        return None;
    }
    let (head, tail) = out.split_at_mut(N);
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
