//! The `ffi` check's harness: the statuses a call may return, caller
//! buffers and byte strings (sometimes NULL), and the live handles.

use std::ffi::CStr;
use std::ptr::{null, null_mut};

use cookieprefs_ffi::*;

use crate::fuzz::Input;

pub(super) type S = cookieprefs_status;

/// The codes naming a core error: status `k + 1` is `Error::KINDS[k]`, so
/// `OK` and every kind are `0..=Error::KINDS.len()`; a kind added to the core
/// widens the range by itself.
pub(super) fn error_statuses() -> core::ops::RangeInclusive<i32> {
    let kinds = i32::try_from(cookieprefs::Error::KINDS.len()).expect("a few dozen kinds");
    S::Ok as i32..=kinds
}

/// The codes of the C ABI's own conditions, `NULL_ARGUMENT..=NOT_FOUND`
/// (`PANIC` comes right after and is never a documented outcome).
pub(super) fn abi_statuses() -> core::ops::RangeInclusive<i32> {
    S::NullArgument as i32..=S::NotFound as i32
}

/// Codes a call may return (`cookieprefs_status`), `PANIC` excluded: an
/// error kind of the core, a condition of the ABI, or `OTHER`.
pub(super) fn documented(s: S) -> bool {
    let code = s as i32;
    error_statuses().contains(&code) || abi_statuses().contains(&code) || s == S::Other
}

pub(super) fn name_of(code: i32) -> String {
    // SAFETY: cookieprefs_status_str returns a static NUL-terminated string.
    unsafe { CStr::from_ptr(cookieprefs_status_str(code)) }
        .to_str()
        .expect("status names are UTF-8")
        .to_owned()
}

pub(super) fn check_status(call: &str, s: S) -> S {
    assert!(documented(s), "{call}: undocumented or panic status {s:?}");
    s
}

/// The status the C ABI must give for a Rust-side result.
pub(super) fn same_kind(call: &str, s: S, want: Result<(), cookieprefs::Error>) {
    match want {
        Ok(()) => assert_eq!(s, S::Ok, "{call}"),
        Err(e) => assert_eq!(name_of(s as i32), e.kind(), "{call}: {s:?} vs {e:?}"),
    }
}

/// Bytes the harness passes as `(ptr, len)`: sometimes NULL, sometimes NULL
/// with a non-zero length (which must give `NULL_ARGUMENT`, not a read).
pub(super) struct Bytes {
    pub(super) data: Vec<u8>,
    pub(super) null: bool,
}

impl Bytes {
    pub(super) fn read(input: &mut Input) -> Bytes {
        let sel = input.u8();
        let data = input.bytes(usize::from(input_len(sel))).to_vec();
        Bytes {
            data,
            null: sel % 16 == 15,
        }
    }
    pub(super) fn ptr(&self) -> *const u8 {
        if self.null {
            null()
        } else {
            self.data.as_ptr()
        }
    }
    pub(super) fn len(&self) -> usize {
        self.data.len()
    }
    /// `Some` when the library sees these bytes (not NULL with a length).
    pub(super) fn visible(&self) -> Option<&[u8]> {
        if self.null && !self.data.is_empty() {
            None
        } else {
            Some(&self.data)
        }
    }
}

pub(super) fn input_len(sel: u8) -> u8 {
    // Mostly around the lengths a value has, sometimes up to 120.
    match sel % 4 {
        0 => 11 + sel / 4 % 4,
        1 => sel / 4 % 60,
        _ => sel / 2 % 121,
    }
}

/// A caller buffer of `cap` bytes, with guard bytes after it.
pub(super) struct Buf {
    pub(super) mem: Vec<u8>,
    pub(super) cap: usize,
    pub(super) null: bool,
}

pub(super) const FILL: u8 = 0xA5;

impl Buf {
    pub(super) fn read(input: &mut Input) -> Buf {
        let sel = input.u8();
        let cap = match sel % 4 {
            0 => 0,
            1 => usize::from(sel / 4) % 20,
            2 => 60 + usize::from(sel / 4) % 80,
            _ => 256,
        };
        Buf {
            mem: vec![FILL; cap + 16],
            cap,
            null: sel == 255,
        }
    }
    pub(super) fn ptr(&mut self) -> *mut u8 {
        if self.null {
            null_mut()
        } else {
            self.mem.as_mut_ptr()
        }
    }
    pub(super) fn untouched(&self) -> bool {
        self.mem.iter().all(|&b| b == FILL)
    }
}

/// Checks a call that writes text into a caller buffer.
pub(super) fn check_text(call: &str, s: S, buf: &Buf, written: usize, want: Option<&[u8]>) {
    const SENTINEL: usize = usize::MAX;
    match s {
        S::Ok => {
            let n = written;
            assert!(n < buf.cap, "{call}: {n} bytes + NUL in a buffer of {}", buf.cap);
            assert_eq!(buf.mem[n], 0, "{call}: not NUL-terminated");
            assert!(!buf.mem[..n].contains(&0), "{call}: NUL inside the text");
            assert!(
                buf.mem[n + 1..].iter().all(|&b| b == FILL),
                "{call}: wrote past the text"
            );
            if let Some(w) = want {
                assert_eq!(&buf.mem[..n], w, "{call}");
            }
        }
        S::BufferTooSmall => {
            assert!(buf.untouched(), "{call}: buffer written on BUFFER_TOO_SMALL");
            assert!(
                written != SENTINEL && written > buf.cap,
                "{call}: needed {written}, cap {}",
                buf.cap
            );
            if let Some(w) = want {
                assert_eq!(written, w.len() + 1, "{call}: capacity needed");
            }
        }
        _ => {
            assert!(buf.untouched(), "{call}: buffer written on {s:?}");
        }
    }
}

/// Live handles; the harness only ever passes these or NULL.
#[derive(Default)]
pub(super) struct Handles {
    pub(super) prefs: Vec<*mut cookieprefs_preferences>,
    pub(super) policies: Vec<*mut cookieprefs_policy>,
    pub(super) evals: Vec<*mut cookieprefs_evaluation>,
}

pub(super) const MAX_HANDLES: usize = 4;

pub(super) fn pick<T>(v: &[*mut T], sel: u8) -> *mut T {
    if v.is_empty() || sel % 8 == 7 {
        null_mut()
    } else {
        v[usize::from(sel) % v.len()]
    }
}

pub(super) fn keep<T>(v: &mut Vec<*mut T>, p: *mut T, free: unsafe extern "C" fn(*mut T)) {
    assert!(!p.is_null());
    if v.len() >= MAX_HANDLES {
        // SAFETY: a live handle of this kind, removed from the list as it is freed.
        unsafe { free(v.remove(0)) };
    }
    v.push(p);
}

impl Drop for Handles {
    fn drop(&mut self) {
        // SAFETY: each is a live handle, freed once.
        unsafe {
            self.prefs.drain(..).for_each(|p| cookieprefs_preferences_free(p));
            self.policies.drain(..).for_each(|p| cookieprefs_policy_free(p));
            self.evals.drain(..).for_each(|p| cookieprefs_evaluation_free(p));
        }
    }
}

/// The encoded value of a live handle, through the C ABI (`None` for NULL).
pub(super) fn encoded(p: *const cookieprefs_preferences) -> Option<Vec<u8>> {
    if p.is_null() {
        return None;
    }
    let mut buf = [0u8; COOKIEPREFS_MAX_ENCODED_LEN + 1];
    let mut n = 0;
    // SAFETY: a live handle and a buffer of the size passed.
    let s = unsafe { cookieprefs_preferences_encode(p, buf.as_mut_ptr(), buf.len(), &mut n) };
    assert_eq!(s, S::Ok);
    Some(buf[..n].to_vec())
}

/// A status read back as a raw code (only ever compared, never an invalid enum).
pub(super) fn status_from(raw: u32) -> S {
    let known = [
        S::Ok,
        S::Empty,
        S::TooLong,
        S::InvalidCharacter,
        S::UnsupportedVersion,
        S::Truncated,
        S::TrailingData,
        S::ReservedBits,
        S::NonZeroPadding,
        S::InvalidState,
        S::NonMinimalSlots,
        S::DatesOutOfOrder,
        S::DateInFuture,
    ];
    *known
        .iter()
        .find(|s| **s as u32 == raw)
        .unwrap_or_else(|| panic!("value status {raw} is not a value error code"))
}

pub(super) fn preset_json(i: u8) -> String {
    match i % 4 {
        0 => r#"{"revision":0}"#.into(),
        1 => r#"{"revision":3,"categories":[{"id":1,"name":"statistics"},{"id":3,"name":"third_party","since_revision":3},{"id":16,"name":"youtube"}],"gpc_categories":["third_party","youtube"]}"#.into(),
        2 => r#"{"revision":1,"categories":[],"cookie":{"name":"cp","domain":null,"path":"/","secure":true,"http_only":false,"same_site":"Strict"}}"#.into(),
        _ => r#"{"revision":2,"max_age_days":{"granted":30,"denied":395}}"#.into(),
    }
}
