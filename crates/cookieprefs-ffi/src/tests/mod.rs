//! Tests of every C ABI function through its raw pointers (run under Miri by
//! `scripts/miri.sh`), one file per module of the crate.

use std::ffi::{c_char, CStr};
use std::ptr::{null, null_mut};

use cookieprefs::{Date, Error, Policy};

use crate::boundary::guard;
use crate::status::status_of;
use crate::*;

use cookieprefs_status as S;

mod boundary;
mod date;
mod declaration;
mod enforcement;
mod error;
mod evaluation;
mod fast_path;
mod policy;
mod preferences;
mod status;
mod version;

const TYPICAL: &[u8] = b"BAADCdcJ1w5Q";
const DAY: u16 = 2519; // 2026-11-24

fn cstr(p: *const c_char) -> &'static str {
    // SAFETY: the library returns static NUL-terminated strings.
    unsafe { CStr::from_ptr(p) }.to_str().unwrap()
}

fn decode(v: &[u8]) -> *mut cookieprefs_preferences {
    let mut p = null_mut();
    // SAFETY: valid slice and out-pointer.
    assert_eq!(
        unsafe { cookieprefs_preferences_decode(v.as_ptr(), v.len(), &mut p) },
        S::Ok
    );
    p
}

fn encode(p: *const cookieprefs_preferences) -> String {
    let mut buf = [0u8; COOKIEPREFS_MAX_ENCODED_LEN + 1];
    let mut n = 0;
    // SAFETY: valid handle and buffer.
    assert_eq!(
        unsafe { cookieprefs_preferences_encode(p, buf.as_mut_ptr(), buf.len(), &mut n) },
        S::Ok
    );
    assert_eq!(buf[n], 0, "NUL-terminated");
    String::from_utf8(buf[..n].to_vec()).unwrap()
}

fn policy(json: &str) -> *mut cookieprefs_policy {
    let mut p = null_mut();
    // SAFETY: valid slice and out-pointer.
    assert_eq!(
        unsafe { cookieprefs_policy_from_json(json.as_ptr(), json.len(), &mut p) },
        S::Ok
    );
    p
}

/// docs/C_API.md promises that handles may be used from several threads
/// (read-only, or moved): that holds only while the types are Send + Sync.
#[test]
fn handles_are_send_and_sync() {
    fn send_sync<T: Send + Sync>() {}
    send_sync::<cookieprefs_preferences>();
    send_sync::<cookieprefs_policy>();
    send_sync::<cookieprefs_evaluation>();
}
