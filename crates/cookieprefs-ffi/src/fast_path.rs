//! The allocation-free calls for edge code, none of which makes a handle:
//! "may this request load category X?" and "must it show the banner?" under
//! a policy, with every rule of `docs/FORMAT.md` §6; where a cookie's value
//! is in a header; and the raw stored state of one category (no policy
//! rules: not an answer to "may I load X?").
//!
//! No allocation: a decode error carries no text, and an evaluation shares
//! its policy (`tests/no_alloc.rs` counts).

use std::ffi::{c_char, c_int};

use cookieprefs::{Category, Date, Evaluation};

use crate::boundary::{bytes, c_str, guard, handle, need, optional_bytes, put, Fail, Outcome};
use crate::enums::{c_state, category, cookieprefs_state};
use crate::policy::cookieprefs_policy;
use crate::status::cookieprefs_status;

/// Evaluates a header under a policy, as `cookieprefs_policy_evaluate_header`
/// does, without a handle.
///
/// # Safety
/// As [`handle`] for `policy` and [`bytes`] for `header` and `len`.
pub(crate) unsafe fn evaluate(
    policy: *const cookieprefs_policy,
    header: *const u8,
    len: usize,
    today_days: u16,
    gpc: c_int,
) -> Outcome<Evaluation> {
    // SAFETY: by the contract.
    let (p, h) = unsafe { (handle(policy)?, optional_bytes(header, len)?) };
    Ok(p.inner
        .evaluate_header(h, Date::from_days_since_epoch(today_days), gpc != 0))
}

/// May this request load category `category_id`? `*allowed` is true exactly
/// when `cookieprefs_evaluation_allowed` would say so after
/// `cookieprefs_policy_evaluate_header`: every rule of `docs/FORMAT.md` §6
/// applies (invalid and future-dated values, max ages, revisions, GPC,
/// categories not offered), with no handle and no allocation. This is the
/// call for edge code.
///
/// `header` is the whole `Cookie:` header (NULL with `len` 0: no header);
/// `gpc` is nonzero when the request carried `Sec-GPC: 1`. An invalid
/// cookie is not an error: it grants nothing. Errors: `NULL_ARGUMENT`,
/// `LENGTH_TOO_LARGE`, `INVALID_CATEGORY` (`category_id` above 63); on any
/// error `*allowed` is false.
///
/// # Safety
/// `policy` must be a live handle; `header` must point to `len` readable
/// bytes (or be NULL with `len` 0); `allowed` must be valid for a write.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn cookieprefs_policy_header_allowed(
    policy: *const cookieprefs_policy,
    header: *const u8,
    len: usize,
    today_days: u16,
    gpc: c_int,
    category_id: u32,
    allowed: *mut bool,
) -> cookieprefs_status {
    // SAFETY: the pointers are as this function's contract says.
    unsafe {
        guard(&[&allowed], || {
            need(allowed)?;
            let c = Category::try_from(i64::from(category_id))?;
            let ev = evaluate(policy, header, len, today_days, gpc)?;
            put(allowed, ev.allowed(c))
        })
    }
}

/// Must this request show the banner? As `cookieprefs_evaluation_needs_banner`
/// after `cookieprefs_policy_evaluate_header`, with no handle and no
/// allocation; arguments as `cookieprefs_policy_header_allowed`. On any
/// error `*needs_banner` is false.
///
/// # Safety
/// `policy` must be a live handle; `header` must point to `len` readable
/// bytes (or be NULL with `len` 0); `needs_banner` must be valid for a write.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn cookieprefs_policy_header_needs_banner(
    policy: *const cookieprefs_policy,
    header: *const u8,
    len: usize,
    today_days: u16,
    gpc: c_int,
    needs_banner: *mut bool,
) -> cookieprefs_status {
    // SAFETY: the pointers are as this function's contract says.
    unsafe {
        guard(&[&needs_banner], || {
            need(needs_banner)?;
            let ev = evaluate(policy, header, len, today_days, gpc)?;
            put(needs_banner, ev.needs_banner())
        })
    }
}

/// The **stored** state of one category straight from a value, with no
/// policy rules: not expiry, not future dates, not revisions, not GPC, not
/// whether the category is offered. Not an answer to "may I load X?": use
/// `cookieprefs_policy_header_allowed` for that. No handle, no allocation.
/// Fails like `cookieprefs_preferences_decode` on an invalid value; on any
/// error `*out` is `NOT_ASKED`.
///
/// # Safety
/// `value` must point to `len` readable bytes (or be NULL with `len` 0); `out`
/// must be valid for a write.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn cookieprefs_value_category_state(
    value: *const u8,
    len: usize,
    category_id: u8,
    out: *mut cookieprefs_state,
) -> cookieprefs_status {
    // SAFETY: the pointers are as this function's contract says.
    unsafe {
        guard(&[&out], || {
            need(out)?;
            let c = category(category_id)?;
            let p = cookieprefs::decode(bytes(value, len)?)?;
            put(out, c_state(p.state(c)))
        })
    }
}

/// Finds the first cookie named `name` (NUL-terminated) in a `Cookie:`
/// header; its value is `header[*offset .. *offset + *value_len]` (quotes
/// stripped). `NOT_FOUND` when absent; on any error both are 0.
///
/// # Safety
/// `header` must point to `len` readable bytes (or be NULL with `len` 0);
/// `name` must be a NUL-terminated string; `offset` and `value_len` valid for writes.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn cookieprefs_cookie_find(
    header: *const u8,
    len: usize,
    name: *const c_char,
    offset: *mut usize,
    value_len: *mut usize,
) -> cookieprefs_status {
    // SAFETY: the pointers are as this function's contract says.
    unsafe {
        guard(&[&offset, &value_len], || {
            need(offset)?;
            need(value_len)?;
            let h = bytes(header, len)?;
            let r =
                cookieprefs::find_cookie(h, c_str(name)?).ok_or(Fail::Abi(cookieprefs_status::NotFound))?;
            put(offset, r.start)?;
            put(value_len, r.end - r.start)
        })
    }
}

/// The **stored** state of one category of the cookie named `name`
/// (NUL-terminated, usually `"cookies_preferences"`) in a whole `Cookie:`
/// header, with no policy rules (see `cookieprefs_value_category_state`):
/// not an answer to "may I load X?"; use `cookieprefs_policy_header_allowed`
/// for that. No handle, no allocation. Of several copies of the cookie
/// (docs/FORMAT.md §8): invalid ones are ignored while a valid one exists, a
/// refusal in any valid copy is `DENIED` and a grant counts only if every
/// valid copy grants. `NOT_FOUND` when the header has no such cookie; the
/// first copy's decode status when no copy is valid; on any error `*out` is
/// `NOT_ASKED`.
///
/// # Safety
/// `header` must point to `len` readable bytes (or be NULL with `len` 0);
/// `name` must be a NUL-terminated string; `out` must be valid for a write.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn cookieprefs_header_category_state(
    header: *const u8,
    len: usize,
    name: *const c_char,
    category_id: u8,
    out: *mut cookieprefs_state,
) -> cookieprefs_status {
    // SAFETY: the pointers are as this function's contract says.
    unsafe {
        guard(&[&out], || {
            need(out)?;
            let c = category(category_id)?;
            let h = bytes(header, len)?;
            let st = cookieprefs::header_stored_state(h, c_str(name)?, c)
                .ok_or(Fail::Abi(cookieprefs_status::NotFound))??;
            put(out, c_state(st))
        })
    }
}
