//! IAB GPP strings, cookie `__gpp`: sections separated by `~`, the first
//! the header: base64url bit fields Type (6 bits, = 3), Version (6), then
//! the section ids as a Fibonacci-coded range (a 12-bit count, then per
//! entry a range bit and one or two Fibonacci-coded offsets). The sections
//! follow in the order of their ids; section 2 is EU TCF v2, a TC string.
//! A string without it is no answer this library can read.

use crate::import::text::{self, Bits};
use crate::import::{tcf, ImportSkip, Reading};

/// The section id of EU TCF v2.
const TCF_EU_V2: u64 = 2;

pub(crate) fn read(value: &[u8]) -> Result<Reading, ImportSkip> {
    let decoded = text::percent_decode(value, false);
    let mut parts = decoded.split(|&b| b == b'~');
    let header = parts.next().unwrap_or(b"");
    let mut bits = Bits::new(header).ok_or(ImportSkip::malformed("the header is not base64url"))?;
    let bad = || ImportSkip::malformed("not a GPP header");
    if bits.read(6) != Some(3) || bits.read(6).is_none() {
        return Err(bad());
    }
    let count = bits.read(12).ok_or_else(bad)?;
    // The position of section 2 among the sections: ids are increasing, so
    // it is the number of ids below 2 (at most one: id 1).
    let (mut offset, mut found, mut below) = (0u64, false, 0usize);
    for _ in 0..count {
        let range = bits.bit().ok_or_else(bad)?;
        let start = offset.saturating_add(bits.fibonacci().ok_or_else(bad)?);
        let end = if range {
            start.saturating_add(bits.fibonacci().ok_or_else(bad)?)
        } else {
            start
        };
        if start <= TCF_EU_V2 && TCF_EU_V2 <= end {
            found = true;
        }
        if start < TCF_EU_V2 && TCF_EU_V2 - 1 <= end {
            below += 1; // id 1, the only id below 2 (ids start at 1)
        }
        offset = end;
    }
    if !found {
        return Err(ImportSkip::NoTcfSection);
    }
    let section = parts
        .nth(below)
        .ok_or(ImportSkip::malformed("the EU TCF section is missing"))?;
    tcf::read_string(section)
}
