//! Encoding a [`Preferences`] to its one canonical string.

use crate::bits::{BitBuf, ALPHABET};
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
        buf[..n].iter().map(|&b| b as char).collect()
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
    fn write(&self, out: &mut [u8]) -> usize {
        let slots = self.slot_count() as usize;
        let mut buf = BitBuf::default();
        buf.put(layout::VERSION.0, layout::VERSION.1, u64::from(FORMAT_VERSION));
        buf.put(
            layout::HAS_CONSENT_ID.0,
            layout::HAS_CONSENT_ID.1,
            u64::from(self.consent_id.is_some()),
        );
        buf.put(layout::METHOD.0, layout::METHOD.1, self.method as u64);
        buf.put(layout::REVISION.0, layout::REVISION.1, u64::from(self.revision));
        buf.put(
            layout::CREATED.0,
            layout::CREATED.1,
            u64::from(self.created.days_since_epoch()),
        );
        buf.put(
            layout::UPDATED.0,
            layout::UPDATED.1,
            u64::from(self.updated.days_since_epoch()),
        );
        buf.put(layout::SLOT_COUNT.0, layout::SLOT_COUNT.1, slots as u64);
        for slot in 0..slots {
            let bit = 1u64 << (slot + 1);
            let code = if self.granted & bit != 0 {
                2
            } else {
                u64::from(self.denied & bit != 0)
            };
            if code != 0 {
                buf.put(layout::STATES + 2 * slot, 2, code);
            }
        }
        if let Some(id) = self.consent_id {
            let off = layout::STATES + 2 * slots;
            let v = id.as_u128();
            buf.put(off, 64, (v >> 64) as u64);
            buf.put(off + 64, 64, v as u64);
        }
        let len = encoded_len_for(bit_len(slots, self.consent_id.is_some()));
        for (k, dst) in out.iter_mut().take(len).enumerate() {
            *dst = ALPHABET[buf.get(k * 6, 6) as usize];
        }
        len
    }
}
