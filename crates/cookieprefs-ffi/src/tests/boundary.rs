//! The boundary helpers: panics, fail-closed out-parameters, lengths.

use std::ffi::c_int;

use super::*;
use crate::boundary::{bytes, guard_detail, hand_out, put, Fail, OutBytes, OutText, OutWith};

#[test]
fn panics_become_a_status() {
    // SAFETY: no out-parameters.
    assert_eq!(unsafe { guard(&[], || panic!("boom")) }, S::Panic);
}

/// Every type's fail-closed value, written by the guard whatever the failure.
#[test]
fn failure_writes_every_out_parameter_its_fail_closed_value() {
    let mut st = cookieprefs_state::Granted;
    let mut b = true;
    let mut n8 = 7u8;
    let mut n16 = 7u16;
    let mut n32 = 7u32;
    let mut i = 7i32;
    let mut n = 7usize;
    let mut handle: *mut cookieprefs_policy = std::ptr::NonNull::dangling().as_ptr();
    let mut reason = cookieprefs_banner_reason::Expired;
    let mut method = cookieprefs_method::Imported;
    let mut status = S::Ok;
    let (stp, bp, n8p, n16p, n32p, ip, np, hp, rp, mp, sp): (
        *mut cookieprefs_state,
        *mut bool,
        *mut u8,
        *mut u16,
        *mut u32,
        *mut i32,
        *mut usize,
        *mut *mut cookieprefs_policy,
        *mut cookieprefs_banner_reason,
        *mut cookieprefs_method,
        *mut S,
    ) = (
        &mut st,
        &mut b,
        &mut n8,
        &mut n16,
        &mut n32,
        &mut i,
        &mut n,
        &mut handle,
        &mut reason,
        &mut method,
        &mut status,
    );
    // SAFETY: every pointer is valid for a write.
    let s = unsafe {
        guard(
            &[&stp, &bp, &n8p, &n16p, &n32p, &ip, &np, &hp, &rp, &mp, &sp],
            || Err(Fail::Abi(S::NotFound)),
        )
    };
    assert_eq!(s, S::NotFound);
    assert_eq!(st, cookieprefs_state::NotAsked);
    assert!(!b);
    assert_eq!((n8, n16, n32, i, n), (0, 0, 0, 0, 0));
    assert!(handle.is_null());
    assert_eq!(reason, cookieprefs_banner_reason::None);
    assert_eq!(method, cookieprefs_method::Banner);
    assert_eq!(
        status,
        S::NotFound,
        "a status out-parameter gets the call's own status"
    );
}

#[test]
fn success_leaves_out_parameters_to_the_call() {
    let mut b = false;
    let bp: *mut bool = &mut b;
    // SAFETY: valid pointer.
    let s = unsafe { guard(&[&bp], || put(bp, true)) };
    assert_eq!(s, S::Ok);
    assert!(b);
}

#[test]
fn a_panic_after_a_write_still_closes() {
    let mut b = false;
    let bp: *mut bool = &mut b;
    // SAFETY: valid pointer.
    let s = unsafe {
        guard(&[&bp], || {
            put(bp, true)?;
            panic!("after the write")
        })
    };
    assert_eq!(s, S::Panic);
    assert!(!b);
}

#[test]
fn null_out_parameters_are_skipped() {
    let bp: *mut bool = null_mut();
    // SAFETY: NULL is allowed.
    assert_eq!(
        unsafe { guard(&[&bp], || Err(S::NullArgument.into())) },
        S::NullArgument
    );
}

#[test]
fn out_with_writes_its_own_value() {
    let mut id = 3u8;
    let out = OutWith(&mut id as *mut u8, COOKIEPREFS_NO_CATEGORY);
    // SAFETY: valid pointer.
    assert_eq!(
        unsafe { guard(&[&out], || Err(S::UnknownCategory.into())) },
        S::UnknownCategory
    );
    assert_eq!(id, 255);
}

#[test]
fn out_bytes_are_zeroed_on_failure() {
    let mut id = [0xabu8; 16];
    let out = OutBytes::<16>(id.as_mut_ptr());
    // SAFETY: 16 writable bytes.
    assert_eq!(
        unsafe { guard(&[&out], || Err(S::NullArgument.into())) },
        S::NullArgument
    );
    assert_eq!(id, [0; 16]);
}

#[test]
fn text_out_parameters() {
    let mut buf = [b'#'; 8];
    let mut n = 99usize;
    let text = OutText::new(buf.as_mut_ptr(), buf.len(), &mut n);
    // SAFETY: `buf` has 8 writable bytes, `n` is valid.
    unsafe {
        // Too small: the size needed stays, the buffer is an empty string.
        assert_eq!(guard(&[&text], || text.write(b"too long!")), S::BufferTooSmall);
        assert_eq!((n, buf[0], buf[1]), (10, 0, b'#'));
        // Fits.
        assert_eq!(guard(&[&text], || text.write(b"abc")), S::Ok);
        assert_eq!((n, &buf[..4]), (3, &b"abc\0"[..]));
        // Any other failure: 0 and an empty string.
        assert_eq!(guard(&[&text], || Err(S::NotFound.into())), S::NotFound);
        assert_eq!((n, buf[0], buf[1]), (0, 0, b'b'));
    }
    // Capacity 0: the buffer is not touched (it may be NULL).
    let mut one = [b'#'];
    let text = OutText::new(one.as_mut_ptr(), 0, &mut n);
    // SAFETY: nothing is written to `one`.
    assert_eq!(unsafe { guard(&[&text], || text.write(b"x")) }, S::BufferTooSmall);
    assert_eq!((n, one[0]), (2, b'#'));
    let text = OutText::new(null_mut(), 0, &mut n);
    // SAFETY: NULL with capacity 0 is allowed.
    assert_eq!(
        unsafe { guard(&[&text], || Err(S::NullArgument.into())) },
        S::NullArgument
    );
    assert_eq!(n, 0);
}

#[test]
fn guard_detail_closes_too() {
    let mut out: *mut cookieprefs_preferences = std::ptr::NonNull::dangling().as_ptr();
    let op: *mut *mut cookieprefs_preferences = &mut out;
    let mut err = std::mem::MaybeUninit::<cookieprefs_error>::uninit();
    // SAFETY: valid pointers.
    let s = unsafe { guard_detail(err.as_mut_ptr(), &[&op], || Err(S::InvalidUtf8.into())) };
    assert_eq!(s, S::InvalidUtf8);
    assert!(out.is_null());
    // SAFETY: written by guard_detail.
    assert_eq!(unsafe { err.assume_init() }.status, S::InvalidUtf8);
}

#[test]
fn the_detail_out_parameter_names_the_failure() {
    let mut err = std::mem::MaybeUninit::<cookieprefs_error>::uninit();
    // SAFETY: NULL handle, valid out-parameter.
    let s = unsafe { cookieprefs_evaluation_value_error(null(), err.as_mut_ptr()) };
    assert_eq!(s, S::NullArgument);
    // SAFETY: written on failure too.
    let err = unsafe { err.assume_init() };
    assert_eq!(err.status, S::NullArgument, "never an OK detail");
}

#[test]
fn lengths_above_ptrdiff_max_are_refused_unread() {
    let byte = 0u8;
    for len in [usize::MAX, isize::MAX as usize + 1] {
        // SAFETY: refused before any read (that is the point).
        let r = unsafe { bytes(&byte, len) };
        assert!(matches!(r, Err(Fail::Abi(S::LengthTooLarge))), "{len}");
        // SAFETY: as above.
        let r = unsafe { bytes(null(), len) };
        assert!(matches!(r, Err(Fail::Abi(S::LengthTooLarge))), "{len}");
    }
    // SAFETY: one readable byte.
    assert_eq!(unsafe { bytes(&byte, 1) }.ok(), Some(&[0u8][..]));
    // SAFETY: NULL with 0 is the empty slice.
    assert_eq!(unsafe { bytes(null(), 0) }.ok(), Some(&[][..]));
}

#[test]
fn hand_out_then_failure_is_not_possible_by_construction() {
    // hand_out is the last step of every call; a handle it wrote is freed by
    // the caller. (A guard that failed after it would leak: documented.)
    let mut out: *mut cookieprefs_policy = null_mut();
    let op: *mut *mut cookieprefs_policy = &mut out;
    // SAFETY: valid pointer.
    let s = unsafe {
        guard(&[&op], || {
            hand_out(
                op,
                cookieprefs_policy {
                    inner: Policy::default(),
                },
            )
        })
    };
    assert_eq!(s, S::Ok);
    assert!(!out.is_null());
    // SAFETY: a live handle.
    unsafe { cookieprefs_policy_free(out) };
}

/// `gpc` is any nonzero int: 0x100 (what a binding that declared `bool` as
/// a wider type might pass) is a GPC signal, not dropped.
#[test]
fn gpc_is_any_nonzero_int() {
    let pol = policy(r#"{"revision": 3}"#);
    for (gpc, denied) in [(0 as c_int, false), (1, true), (0x100, true), (-1, true)] {
        let mut ev = null_mut();
        let mut b = true;
        // SAFETY: live handle, valid out-pointers.
        unsafe {
            assert_eq!(
                cookieprefs_policy_evaluate_header(pol, null(), 0, DAY, gpc, &mut ev),
                S::Ok
            );
            assert_eq!(cookieprefs_evaluation_gpc_applied(ev, &mut b), S::Ok);
            assert_eq!(b, denied, "gpc = {gpc:#x}");
            cookieprefs_evaluation_free(ev);
        }
    }
    // SAFETY: a live handle.
    unsafe { cookieprefs_policy_free(pol) };
}
