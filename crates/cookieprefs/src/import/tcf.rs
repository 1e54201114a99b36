//! IAB TCF v2 TC strings, cookie `euconsent-v2`: base64url bit fields,
//! segments separated by `.`; the core segment (the first) holds, from
//! bit 0: version (6 bits, = 2), Created and LastUpdated (36 bits each,
//! deciseconds since 1970), CmpId, CmpVersion (12 each), ConsentScreen (6),
//! ConsentLanguage, VendorListVersion (12 each), TcfPolicyVersion (6),
//! IsServiceSpecific, UseNonStandardTexts (1 each), SpecialFeatureOptIns
//! (12), then PurposesConsent (24 bits, purpose 1 first). A 0 bit is a
//! recorded refusal.

use crate::import::text::{self, Bits};
use crate::import::{ImportSkip, Reading};

pub(crate) fn read(value: &[u8]) -> Result<Reading, ImportSkip> {
    let decoded = text::percent_decode(value, false);
    read_string(&decoded)
}

/// A TC string (core segment first).
pub(crate) fn read_string(tc: &[u8]) -> Result<Reading, ImportSkip> {
    let core = tc.split(|&b| b == b'.').next().unwrap_or(b"");
    let mut bits = Bits::new(core).ok_or(ImportSkip::malformed("not base64url"))?;
    let truncated = ImportSkip::malformed("the TC string ends before its purposes");
    if bits.read(6).ok_or(truncated.clone())? != 2 {
        return Err(ImportSkip::malformed("not a TC string of version 2"));
    }
    let created = bits.read(36).ok_or(truncated.clone())?;
    let updated = bits.read(36).ok_or(truncated.clone())?;
    // CmpId to SpecialFeatureOptIns.
    bits.skip(12 + 12 + 6 + 12 + 12 + 6 + 1 + 1 + 12)
        .ok_or(truncated.clone())?;
    let field = bits.read(24).ok_or(truncated)?;
    // Purpose p is bit 24 - p of the field read most significant first.
    let mut mask = 0u32;
    for p in 1..=24u32 {
        if field >> (24 - p) & 1 == 1 {
            mask |= 1 << (p - 1);
        }
    }
    let day = |ds: u64| i64::try_from(ds / 10 / 86_400).unwrap_or(i64::MAX);
    Ok(Reading {
        tcf: Some(mask),
        days: vec![day(created), day(updated)],
        ..Reading::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn purposes_are_read_from_bit_152() {
        // Version 2, then 146 zero bits, then purposes 1 and 8 (bits 152 and 159).
        let mut bits = [0u8; 200];
        bits[4] = 1;
        bits[152] = 1;
        bits[159] = 1;
        const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        let text: Vec<u8> = bits
            .chunks(6)
            .map(|c| A[c.iter().fold(0usize, |v, b| v << 1 | usize::from(*b)) << (6 - c.len())])
            .collect();
        let r = read_string(&text).unwrap();
        assert_eq!(r.tcf, Some(0b1000_0001));
    }
}
