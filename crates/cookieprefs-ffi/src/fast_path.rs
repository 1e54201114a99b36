//! The allocation-free lookups: one category's stored state straight from a
//! value or a whole `Cookie:` header, and where a cookie's value is in a
//! header. No handle, no allocation (a decode error carries no text).

use std::ffi::c_char;

use crate::boundary::{bytes, c_str, guard, need, put, Fail};
use crate::enums::{c_state, category, cookieprefs_state};
use crate::status::cookieprefs_status;

/// The fast path: the stored state of one category straight from a value,
/// with no handle and no allocation. Fails like `cookieprefs_preferences_decode`
/// on an invalid value.
///
/// # Safety
/// `value` must point to `len` readable bytes (or be NULL with `len` 0); `out`
/// must be valid for a write.
#[no_mangle]
pub unsafe extern "C" fn cookieprefs_value_category_state(
    value: *const u8,
    len: usize,
    category_id: u8,
    out: *mut cookieprefs_state,
) -> cookieprefs_status {
    // SAFETY: the pointers are as this function's contract says.
    unsafe {
        guard(|| {
            need(out)?;
            let c = category(category_id)?;
            let p = cookieprefs::decode(bytes(value, len)?)?;
            put(out, c_state(p.state(c)))
        })
    }
}

/// Finds the first cookie named `name` (NUL-terminated) in a `Cookie:`
/// header; its value is `header[*offset .. *offset + *value_len]` (quotes
/// stripped). `NOT_FOUND` when absent.
///
/// # Safety
/// `header` must point to `len` readable bytes (or be NULL with `len` 0);
/// `name` must be a NUL-terminated string; `offset` and `value_len` valid for writes.
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
        guard(|| {
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

/// The fast path for a whole `Cookie:` header: finds the cookie named `name`
/// (NUL-terminated, usually `"cookies_preferences"`) and gives the stored
/// state of one category, with no handle and no allocation. `NOT_FOUND` when
/// the header has no such cookie; a decode status when its value is invalid.
///
/// # Safety
/// `header` must point to `len` readable bytes (or be NULL with `len` 0);
/// `name` must be a NUL-terminated string; `out` must be valid for a write.
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
        guard(|| {
            need(out)?;
            let c = category(category_id)?;
            let h = bytes(header, len)?;
            let r =
                cookieprefs::find_cookie(h, c_str(name)?).ok_or(Fail::Abi(cookieprefs_status::NotFound))?;
            let p = cookieprefs::decode(&h[r])?;
            put(out, c_state(p.state(c)))
        })
    }
}
