//! An independent bit writer (not the crate's encoder) that spells out
//! values field by field, including invalid ones. Every valid vector is
//! checked against it, so the encoder is compared with a second spelling of
//! the bits.

use cookieprefs::{Category, Preferences, State};

/// A string of bits written most significant bit first.
#[derive(Clone)]
pub struct Raw {
    bits: Vec<bool>,
}

impl Raw {
    pub fn new() -> Raw {
        Raw { bits: Vec::new() }
    }
    pub fn put(mut self, width: u32, v: u128) -> Raw {
        for i in (0..width).rev() {
            self.bits.push((v >> i) & 1 == 1);
        }
        self
    }
    /// version, has_id, method, reserved, revision, created, updated, slot count.
    #[allow(clippy::too_many_arguments)]
    pub fn header(
        version: u8,
        has_id: bool,
        method: u8,
        reserved: u8,
        rev: u16,
        created: u16,
        updated: u16,
        n: u8,
    ) -> Raw {
        Raw::new()
            .put(6, version.into())
            .put(1, has_id.into())
            .put(2, method.into())
            .put(3, reserved.into())
            .put(12, rev.into())
            .put(16, created.into())
            .put(16, updated.into())
            .put(6, n.into())
    }
    pub fn slots(mut self, codes: &[u8]) -> Raw {
        for &c in codes {
            self = self.put(2, c.into());
        }
        self
    }
    /// Pads with `pad` (as many low bits as needed) and writes base64url.
    pub fn finish_with_pad(&self, pad: u8) -> String {
        let mut bits = self.bits.clone();
        let missing = (6 - bits.len() % 6) % 6;
        for i in (0..missing).rev() {
            bits.push((pad >> i) & 1 == 1);
        }
        const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        bits.chunks(6)
            .map(|c| A[c.iter().fold(0usize, |acc, &b| acc * 2 + usize::from(b))] as char)
            .collect()
    }
    pub fn finish(&self) -> String {
        self.finish_with_pad(0)
    }
}

/// Slot codes of a Preferences value, spelled out from its states.
fn slot_codes(p: &Preferences) -> Vec<u8> {
    let n = p.slot_count();
    (1..=n)
        .map(|id| match p.state(Category::new(id).unwrap()) {
            State::NotAsked => 0,
            State::Denied => 1,
            State::Granted => 2,
        })
        .collect()
}

pub fn raw_of(p: &Preferences) -> String {
    let mut r = Raw::header(
        1,
        p.consent_id().is_some(),
        p.method() as u8,
        0,
        p.revision(),
        p.created().days_since_epoch(),
        p.updated().days_since_epoch(),
        p.slot_count(),
    )
    .slots(&slot_codes(p));
    if let Some(id) = p.consent_id() {
        r = r.put(128, id.as_u128());
    }
    r.finish()
}
