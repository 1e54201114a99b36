//! [`cookieprefs_policy`], a site's policy: made from JSON or the default,
//! asked for its revision and category ids, and used to evaluate requests.

use std::ffi::{c_char, c_int};

use cookieprefs::{Date, Policy};

use crate::boundary::{
    bytes, c_str, free_handle, guard, guard_detail, hand_out, handle, need, optional_bytes, put, read, Fail,
    OutWith,
};
use crate::error::cookieprefs_error;
use crate::evaluation::cookieprefs_evaluation;
use crate::fast_path::evaluate;
use crate::format::COOKIEPREFS_NO_CATEGORY;
use crate::status::cookieprefs_status;

/// A site's policy (opaque, immutable, shareable between threads). Free with
/// `cookieprefs_policy_free`.
pub struct cookieprefs_policy {
    pub(crate) inner: Policy,
}

/// The default policy: revision 0, the three standard categories, 183 days,
/// GPC refuses `third_party`, cookie `cookies_preferences`.
///
/// # Safety
/// `out` must be valid for a write.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn cookieprefs_policy_default(out: *mut *mut cookieprefs_policy) -> cookieprefs_status {
    // SAFETY: the pointers are as this function's contract says.
    unsafe {
        guard(&[&out], || {
            hand_out(
                out,
                cookieprefs_policy {
                    inner: Policy::default(),
                },
            )
        })
    }
}

/// A policy from its JSON form (`docs/FORMAT.md` §7), `len` bytes of UTF-8.
/// `INVALID_UTF8`, `INVALID_JSON` (not JSON, or the wrong shape) or the
/// status of the rule's error; `cookieprefs_policy_from_json_ex` also gives
/// its detail.
///
/// # Safety
/// `json` must point to `len` readable bytes; `out` must be valid for a write.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn cookieprefs_policy_from_json(
    json: *const u8,
    len: usize,
    out: *mut *mut cookieprefs_policy,
) -> cookieprefs_status {
    // SAFETY: the pointers are as this function's contract says.
    unsafe { cookieprefs_policy_from_json_ex(json, len, out, std::ptr::null_mut()) }
}

/// As `cookieprefs_policy_from_json`; when `err` is not NULL it receives the
/// detail, e.g. the message `invalid policy: ...` naming the broken rule.
///
/// # Safety
/// As `cookieprefs_policy_from_json`; `err` must be NULL or valid for a write.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn cookieprefs_policy_from_json_ex(
    json: *const u8,
    len: usize,
    out: *mut *mut cookieprefs_policy,
    err: *mut cookieprefs_error,
) -> cookieprefs_status {
    // SAFETY: the pointers are as this function's contract says.
    unsafe {
        guard_detail(err, &[&out], || {
            need(out)?;
            let j = std::str::from_utf8(bytes(json, len)?)
                .map_err(|_| Fail::Abi(cookieprefs_status::InvalidUtf8))?;
            let inner = Policy::from_json(j)?;
            hand_out(out, cookieprefs_policy { inner })
        })
    }
}

/// Frees a policy handle. NULL does nothing. Evaluations made from it stay valid.
///
/// # Safety
/// `policy` must be NULL or a handle from this library not freed yet.
#[no_mangle]
pub unsafe extern "C" fn cookieprefs_policy_free(policy: *mut cookieprefs_policy) {
    // SAFETY: the pointer is as this function's contract says.
    unsafe { free_handle(policy) }
}

/// The policy's current revision.
///
/// # Safety
/// `policy` must be a live handle and `out` valid for a write.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn cookieprefs_policy_revision(
    policy: *const cookieprefs_policy,
    out: *mut u16,
) -> cookieprefs_status {
    // SAFETY: the pointers are as this function's contract says.
    unsafe { read(policy, out, |p| Ok(p.inner.revision())) }
}

/// Resolves a category name (NUL-terminated) to its id under this policy:
/// the site's names, then the standard names (`necessary` is 0), then a
/// decimal id of an offered category. `UNKNOWN_CATEGORY` otherwise. On any
/// failure `*out` is `COOKIEPREFS_NO_CATEGORY`, which every call rejects
/// with `INVALID_CATEGORY` (so an ignored failure grants nothing).
///
/// # Safety
/// `policy` must be a live handle, `name` a NUL-terminated string and `out`
/// valid for a write.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn cookieprefs_policy_category_id(
    policy: *const cookieprefs_policy,
    name: *const c_char,
    out: *mut u8,
) -> cookieprefs_status {
    // SAFETY: the pointers are as this function's contract says.
    unsafe {
        guard(&[&OutWith(out, COOKIEPREFS_NO_CATEGORY)], || {
            need(out)?;
            let c = handle(policy)?.inner.category(c_str(name)?);
            put(out, c.ok_or(Fail::Abi(cookieprefs_status::UnknownCategory))?.id())
        })
    }
}

/// Evaluates a whole `Cookie:` request header (NULL with `len` 0: no header)
/// on `today_days`; `gpc` is nonzero when the request carried `Sec-GPC: 1`.
/// An invalid cookie value is not an error of this call: the evaluation
/// fails closed and `cookieprefs_evaluation_value_status` tells why. On
/// failure `*out` is NULL. For one answer without a handle or an
/// allocation, see `cookieprefs_policy_header_allowed`.
///
/// # Safety
/// `policy` must be a live handle; `header` must point to `len` readable
/// bytes (or be NULL with `len` 0); `out` must be valid for a write.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn cookieprefs_policy_evaluate_header(
    policy: *const cookieprefs_policy,
    header: *const u8,
    len: usize,
    today_days: u16,
    gpc: c_int,
    out: *mut *mut cookieprefs_evaluation,
) -> cookieprefs_status {
    // SAFETY: the pointers are as this function's contract says.
    unsafe {
        guard(&[&out], || {
            need(out)?;
            let inner = evaluate(policy, header, len, today_days, gpc)?;
            hand_out(out, cookieprefs_evaluation { inner })
        })
    }
}

/// Evaluates a cookie value (NULL: no cookie; a non-NULL pointer with `len`
/// 0 is an empty, invalid value). See `cookieprefs_policy_evaluate_header`.
///
/// # Safety
/// As `cookieprefs_policy_evaluate_header`.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn cookieprefs_policy_evaluate_value(
    policy: *const cookieprefs_policy,
    value: *const u8,
    len: usize,
    today_days: u16,
    gpc: c_int,
    out: *mut *mut cookieprefs_evaluation,
) -> cookieprefs_status {
    // SAFETY: the pointers are as this function's contract says.
    unsafe {
        guard(&[&out], || {
            need(out)?;
            let p = handle(policy)?;
            let v = optional_bytes(value, len)?;
            let inner = p
                .inner
                .evaluate_bytes(v, Date::from_days_since_epoch(today_days), gpc != 0);
            hand_out(out, cookieprefs_evaluation { inner })
        })
    }
}
