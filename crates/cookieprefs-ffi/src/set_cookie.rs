//! `Set-Cookie` header values: refreshing the stored value, storing a new
//! one, deleting the cookie.

use cookieprefs::Date;

use crate::boundary::{guard, handle, Fail, OutText};
use crate::evaluation::cookieprefs_evaluation;
use crate::policy::cookieprefs_policy;
use crate::preferences::cookieprefs_preferences;
use crate::status::cookieprefs_status;

/// The `Set-Cookie` header value (after `Set-Cookie: `) that refreshes the
/// stored value, into `buf`; `NOT_FOUND` when there is nothing to refresh
/// (no valid cookie, or the banner is needed).
///
/// # Safety
/// `ev` must be a live handle, `buf` valid for `cap` bytes of writes and
/// `written` valid for a write.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn cookieprefs_evaluation_set_cookie_header(
    ev: *const cookieprefs_evaluation,
    buf: *mut u8,
    cap: usize,
    written: *mut usize,
) -> cookieprefs_status {
    // SAFETY: the pointers are as this function's contract says.
    unsafe {
        let text = OutText::new(buf, cap, written);
        guard(&[&text], || {
            let header = handle(ev)?.inner.set_cookie_header();
            let header = header.ok_or(Fail::Abi(cookieprefs_status::NotFound))?;
            text.write(header.as_bytes())
        })
    }
}

/// The `Set-Cookie` header value (after `Set-Cookie: `) that stores `prefs`
/// on `today_days`, into `buf`. Size it by calling with `cap` 0: the call
/// returns `BUFFER_TOO_SMALL` with the capacity needed in `*written`.
///
/// # Safety
/// `policy` and `prefs` must be live handles, `buf` valid for `cap` bytes of
/// writes and `written` valid for a write.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn cookieprefs_policy_set_cookie_header(
    policy: *const cookieprefs_policy,
    prefs: *const cookieprefs_preferences,
    today_days: u16,
    buf: *mut u8,
    cap: usize,
    written: *mut usize,
) -> cookieprefs_status {
    // SAFETY: the pointers are as this function's contract says.
    unsafe {
        let text = OutText::new(buf, cap, written);
        guard(&[&text], || {
            let (p, v) = (handle(policy)?, handle(prefs)?);
            let header = p
                .inner
                .set_cookie_header(&v.inner, Date::from_days_since_epoch(today_days));
            text.write(header.as_bytes())
        })
    }
}

/// The `Set-Cookie` header value that deletes the cookie (`Max-Age=0`), into `buf`.
///
/// # Safety
/// `policy` must be a live handle, `buf` valid for `cap` bytes of writes and
/// `written` valid for a write.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn cookieprefs_policy_delete_cookie_header(
    policy: *const cookieprefs_policy,
    buf: *mut u8,
    cap: usize,
    written: *mut usize,
) -> cookieprefs_status {
    // SAFETY: the pointers are as this function's contract says.
    unsafe {
        let text = OutText::new(buf, cap, written);
        guard(&[&text], || {
            let header = handle(policy)?.inner.delete_cookie_header();
            text.write(header.as_bytes())
        })
    }
}
