//! Hand-written peers of cookieprefs, measured in the same run as the crate
//! by `crates/cookieprefs/benches/codec.rs` and counted by
//! `crates/cookieprefs/examples/instructions.rs`: what a site would write by
//! hand instead of cookieprefs.
//!
//! The record holds the fields of the benchmark value in 7 bytes: method and
//! the three standard categories (2 bits each) in byte 0, then revision,
//! created and updated as big-endian `u16`. As text it is 10 base64url
//! characters without padding. Decoders check what a careful hand-written
//! codec would: the length, the alphabet, zero padding bits, no `11` state,
//! revision <= 4095 and updated >= created.

#![forbid(unsafe_code)]

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;

/// The decoded record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Record {
    pub method: u8,
    pub states: [u8; 3],
    pub revision: u16,
    pub created: u16,
    pub updated: u16,
}

/// The benchmark value's fields (as `BAADCdcJ1w5Q`): banner, statistics
/// granted, first and third party denied, revision 3, day 2519.
pub const RECORD: Record = Record {
    method: 0,
    states: [2, 1, 1],
    revision: 3,
    created: 2519,
    updated: 2519,
};

fn to_bytes(r: &Record) -> [u8; 7] {
    let [rh, rl] = r.revision.to_be_bytes();
    let [ch, cl] = r.created.to_be_bytes();
    let [uh, ul] = r.updated.to_be_bytes();
    [
        (r.method << 6) | (r.states[0] << 4) | (r.states[1] << 2) | r.states[2],
        rh,
        rl,
        ch,
        cl,
        uh,
        ul,
    ]
}

fn from_bytes(b: [u8; 7]) -> Option<Record> {
    let states = [(b[0] >> 4) & 3, (b[0] >> 2) & 3, b[0] & 3];
    let r = Record {
        method: b[0] >> 6,
        states,
        revision: u16::from_be_bytes([b[1], b[2]]),
        created: u16::from_be_bytes([b[3], b[4]]),
        updated: u16::from_be_bytes([b[5], b[6]]),
    };
    let ok = states.iter().all(|&s| s != 3) && r.revision <= 4095 && r.updated >= r.created;
    ok.then_some(r)
}

/// Decoder built on the `base64` crate (URL-safe alphabet, no padding,
/// canonical trailing bits), into a stack buffer.
pub fn b64_decode(s: &[u8]) -> Option<Record> {
    if s.len() != 10 {
        return None;
    }
    let mut buf = [0u8; 9];
    match URL_SAFE_NO_PAD.decode_slice(s, &mut buf) {
        Ok(7) => from_bytes([buf[0], buf[1], buf[2], buf[3], buf[4], buf[5], buf[6]]),
        _ => None,
    }
}

/// Encoder built on the `base64` crate, into a caller's buffer.
pub fn b64_encode(r: &Record, out: &mut [u8]) -> Option<usize> {
    URL_SAFE_NO_PAD.encode_slice(to_bytes(r), out).ok()
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

static LUT: [u8; 256] = {
    let mut t = [0xFF; 256];
    let mut i = 0;
    while i < 64 {
        t[ALPHABET[i] as usize] = i as u8;
        i += 1;
    }
    t
};

/// Lookup-table decoder: one 256-entry table, validity OR-ed over all
/// characters and checked once, the 60 bits in one register.
pub fn lut_decode(s: &[u8]) -> Option<Record> {
    let s: &[u8; 10] = s.try_into().ok()?;
    let mut acc = 0u64;
    let mut seen = 0u8;
    for &c in s {
        let v = LUT[c as usize];
        seen |= v;
        acc = (acc << 6) | u64::from(v);
    }
    if seen & 0x80 != 0 || acc & 15 != 0 {
        return None;
    }
    let b = (acc >> 4).to_be_bytes();
    from_bytes([b[1], b[2], b[3], b[4], b[5], b[6], b[7]])
}

/// Lookup-table encoder into a caller's buffer.
pub fn lut_encode(r: &Record, out: &mut [u8]) -> Option<usize> {
    let out: &mut [u8; 10] = out.get_mut(..10)?.try_into().ok()?;
    let b = to_bytes(r);
    let mut acc = u64::from_be_bytes([0, b[0], b[1], b[2], b[3], b[4], b[5], b[6]]) << 4;
    for dst in out.iter_mut() {
        *dst = ALPHABET[((acc >> 54) & 63) as usize];
        acc <<= 6;
    }
    Some(10)
}

/// The `Cookie:` header lookup most code writes: `split(';')`, then the
/// first `=`, trimmed, compared, one pair of quotes removed.
pub fn split_find<'h>(header: &'h [u8], name: &str) -> Option<&'h [u8]> {
    header.split(|&b| b == b';').find_map(|piece| {
        let eq = piece.iter().position(|&b| b == b'=')?;
        let (n, v) = (trim(&piece[..eq]), trim(&piece[eq + 1..]));
        if n != name.as_bytes() {
            return None;
        }
        Some(match v {
            [b'"', inner @ .., b'"'] => inner,
            _ => v,
        })
    })
}

fn trim(mut s: &[u8]) -> &[u8] {
    while let [b' ' | b'\t', rest @ ..] = s {
        s = rest;
    }
    while let [rest @ .., b' ' | b'\t'] = s {
        s = rest;
    }
    s
}
