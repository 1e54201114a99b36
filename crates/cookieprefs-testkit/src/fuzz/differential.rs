//! The `differential` check: the crate's decoder against the bit-by-bit
//! reference decoder ([`crate::reference::decode`]).

use cookieprefs::{decode, ConsentId, Error, State};

use super::category;
use crate::reference;

/// The number [`reference::RefError::detail`] holds for this error.
pub fn error_detail(e: &Error) -> Option<u64> {
    Some(match *e {
        Error::Empty => 0,
        Error::TooLong { len, .. } => len as u64,
        Error::InvalidCharacter { offset, .. } => offset as u64,
        Error::UnsupportedVersion { version, .. } => u64::from(version),
        Error::Truncated { expected, .. } | Error::TrailingData { expected, .. } => expected as u64,
        Error::ReservedBits { bits } => u64::from(bits),
        Error::NonZeroPadding { offset } => offset as u64,
        Error::InvalidState { category } => u64::from(category),
        Error::NonMinimalSlots { count } => u64::from(count),
        Error::DatesOutOfOrder { created, .. } => u64::from(created.days_since_epoch()),
        _ => return None,
    })
}

/// `differential`: the crate's decoder and the bit-by-bit reference decoder
/// give the same value, or the same error kind at the same place.
pub fn check(data: &[u8]) {
    let got = decode(data);
    let want = reference::decode(data);
    match (&got, &want) {
        (Ok(p), Ok(r)) => {
            assert_eq!(p.version(), r.version);
            assert_eq!(p.method() as u8, r.method);
            assert_eq!(p.revision(), r.revision);
            assert_eq!(p.created().days_since_epoch(), r.created);
            assert_eq!(p.updated().days_since_epoch(), r.updated);
            assert_eq!(p.consent_id().map(ConsentId::as_u128), r.consent_id);
            for id in 0..64u8 {
                let want = match r.states[usize::from(id)] {
                    0 if id == 0 => State::Granted, // necessary: implicit
                    0 => State::NotAsked,
                    1 => State::Denied,
                    _ => State::Granted,
                };
                assert_eq!(p.state(category(id)), want, "category {id}");
            }
        }
        (Err(e), Err(r)) => {
            assert_eq!(e.kind(), r.kind, "input {:?}", String::from_utf8_lossy(data));
            assert_eq!(error_detail(e), Some(r.detail), "{e:?} vs {r:?}");
        }
        _ => panic!(
            "decoders disagree on {:?}: crate {got:?}, reference {want:?}",
            String::from_utf8_lossy(data)
        ),
    }
}
