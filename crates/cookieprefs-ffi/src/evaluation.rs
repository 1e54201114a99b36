//! [`cookieprefs_evaluation`], the answer for one request: states, banner,
//! Consent Mode, the stored value, and the value to store when the visitor
//! chooses.

use cookieprefs::Evaluation;

use crate::boundary::{bytes, free_handle, guard, guard_detail, hand_out, handle, need, read, Fail, OutText};
use crate::enums::{
    c_banner_reason, c_state, category, consent_type_of, cookieprefs_banner_reason, cookieprefs_state,
    method_of,
};
use crate::error::cookieprefs_error;
use crate::preferences::cookieprefs_preferences;
use crate::status::{cookieprefs_status, status_of};

/// The result of evaluating a request (opaque, immutable). Free with
/// `cookieprefs_evaluation_free`.
pub struct cookieprefs_evaluation {
    pub(crate) inner: Evaluation,
}

/// Frees an evaluation handle. NULL does nothing.
///
/// # Safety
/// `ev` must be NULL or a handle from this library not freed yet.
#[no_mangle]
pub unsafe extern "C" fn cookieprefs_evaluation_free(ev: *mut cookieprefs_evaluation) {
    // SAFETY: the pointer is as this function's contract says.
    unsafe { free_handle(ev) }
}

/// The effective state of a category ("may I load X?" is `== GRANTED`).
///
/// # Safety
/// `ev` must be a live handle and `out` valid for a write.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn cookieprefs_evaluation_state(
    ev: *const cookieprefs_evaluation,
    category_id: u8,
    out: *mut cookieprefs_state,
) -> cookieprefs_status {
    // SAFETY: the pointers are as this function's contract says.
    unsafe { read(ev, out, |e| Ok(c_state(e.inner.state(category(category_id)?)))) }
}

/// Whether cookies of a category may be set ("may I load X?"): true exactly
/// when its effective state is `GRANTED`.
///
/// # Safety
/// `ev` must be a live handle and `out` valid for a write.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn cookieprefs_evaluation_allowed(
    ev: *const cookieprefs_evaluation,
    category_id: u8,
    out: *mut bool,
) -> cookieprefs_status {
    // SAFETY: the pointers are as this function's contract says.
    unsafe { read(ev, out, |e| Ok(e.inner.allowed(category(category_id)?))) }
}

/// Whether the `Sec-GPC: 1` signal denied at least one category (it applies
/// only when there is no valid stored choice).
///
/// # Safety
/// `ev` must be a live handle and `out` valid for a write.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn cookieprefs_evaluation_gpc_applied(
    ev: *const cookieprefs_evaluation,
    out: *mut bool,
) -> cookieprefs_status {
    // SAFETY: the pointers are as this function's contract says.
    unsafe { read(ev, out, |e| Ok(e.inner.gpc_applied())) }
}

/// Whether the banner must be shown.
///
/// # Safety
/// `ev` must be a live handle and `out` valid for a write.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn cookieprefs_evaluation_needs_banner(
    ev: *const cookieprefs_evaluation,
    out: *mut bool,
) -> cookieprefs_status {
    // SAFETY: the pointers are as this function's contract says.
    unsafe { read(ev, out, |e| Ok(e.inner.needs_banner())) }
}

/// Why the banner must be shown (`NONE` when it need not be).
///
/// # Safety
/// `ev` must be a live handle and `out` valid for a write.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn cookieprefs_evaluation_banner_reason(
    ev: *const cookieprefs_evaluation,
    out: *mut cookieprefs_banner_reason,
) -> cookieprefs_status {
    // SAFETY: the pointers are as this function's contract says.
    unsafe { read(ev, out, |e| Ok(c_banner_reason(e.inner.banner_reason()))) }
}

/// Why the cookie's value was rejected (`OK` when it was not, or when there
/// was no cookie); `cookieprefs_evaluation_value_error` gives the detail.
///
/// # Safety
/// `ev` must be a live handle and `out` valid for a write.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn cookieprefs_evaluation_value_status(
    ev: *const cookieprefs_evaluation,
    out: *mut cookieprefs_status,
) -> cookieprefs_status {
    // SAFETY: the pointers are as this function's contract says.
    unsafe {
        read(ev, out, |e| {
            Ok(e.inner.error().map_or(cookieprefs_status::Ok, status_of))
        })
    }
}

/// The detail of why the cookie's value was rejected, into `*out` (its
/// `status` is `OK`, with an empty message, when it was not rejected). For
/// logs: the message quotes nothing of the value but the offending byte.
///
/// # Safety
/// `ev` must be a live handle and `out` valid for a write.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn cookieprefs_evaluation_value_error(
    ev: *const cookieprefs_evaluation,
    out: *mut cookieprefs_error,
) -> cookieprefs_status {
    // SAFETY: the pointers are as this function's contract says.
    unsafe {
        read(ev, out, |e| {
            let outcome = e.inner.error().map_or(Ok(()), |err| Err(Fail::Core(err.clone())));
            Ok(cookieprefs_error::of(&outcome))
        })
    }
}

/// How many copies of the cookie the request held (0: none). A header can
/// hold several (docs/FORMAT.md §8): invalid ones are ignored while a valid
/// one exists, and a category is granted only if every valid copy grants it.
///
/// # Safety
/// `ev` must be a live handle and `out` valid for a write.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn cookieprefs_evaluation_copies(
    ev: *const cookieprefs_evaluation,
    out: *mut u32,
) -> cookieprefs_status {
    // SAFETY: the pointers are as this function's contract says.
    unsafe { read(ev, out, |e| Ok(e.inner.copies())) }
}

/// Why the first invalid copy of the cookie was ignored when a valid copy
/// was used instead (`OK` when no copy was ignored): worth logging, as
/// another tool may write a cookie of the same name.
///
/// # Safety
/// `ev` must be a live handle and `out` valid for a write.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn cookieprefs_evaluation_ignored_status(
    ev: *const cookieprefs_evaluation,
    out: *mut cookieprefs_status,
) -> cookieprefs_status {
    // SAFETY: the pointers are as this function's contract says.
    unsafe {
        read(ev, out, |e| {
            Ok(e.inner.ignored_error().map_or(cookieprefs_status::Ok, status_of))
        })
    }
}

/// Whether a Google Consent Mode type is granted (`consent_type` is a
/// `cookieprefs_consent_type` value).
///
/// # Safety
/// `ev` must be a live handle and `out` valid for a write.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn cookieprefs_evaluation_consent_mode(
    ev: *const cookieprefs_evaluation,
    consent_type: u32,
    out: *mut bool,
) -> cookieprefs_status {
    // SAFETY: the pointers are as this function's contract says.
    unsafe {
        read(ev, out, |e| {
            Ok(e.inner.consent_mode().is_granted(consent_type_of(consent_type)?))
        })
    }
}

/// The Consent Mode state as the JSON object `gtag('consent', 'update', …)`
/// takes, into `buf` (NUL-terminated).
///
/// # Safety
/// `ev` must be a live handle, `buf` valid for `cap` bytes of writes and
/// `written` valid for a write.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn cookieprefs_evaluation_consent_mode_json(
    ev: *const cookieprefs_evaluation,
    buf: *mut u8,
    cap: usize,
    written: *mut usize,
) -> cookieprefs_status {
    // SAFETY: the pointers are as this function's contract says.
    unsafe {
        let text = OutText::new(buf, cap, written);
        guard(&[&text], || {
            let e = handle(ev)?;
            text.write(e.inner.consent_mode().to_json().as_bytes())
        })
    }
}

/// A copy of the stored value as a new handle; `NOT_FOUND` when the request
/// had no valid cookie.
///
/// # Safety
/// `ev` must be a live handle and `out` valid for a write.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn cookieprefs_evaluation_stored(
    ev: *const cookieprefs_evaluation,
    out: *mut *mut cookieprefs_preferences,
) -> cookieprefs_status {
    // SAFETY: the pointers are as this function's contract says.
    unsafe {
        guard(&[&out], || {
            need(out)?;
            let stored = handle(ev)?.inner.stored();
            let inner = *stored.ok_or(Fail::Abi(cookieprefs_status::NotFound))?;
            hand_out(out, cookieprefs_preferences { inner })
        })
    }
}

/// The new value to store when the visitor answers: the `n` category ids in
/// `granted_ids` granted, every other offered category denied (see
/// `Evaluation::choose`). `method` is a `cookieprefs_method` value.
///
/// # Safety
/// `ev` must be a live handle; `granted_ids` must point to `n` readable bytes
/// (or be NULL with `n` 0); `out` must be valid for a write.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn cookieprefs_evaluation_choose(
    ev: *const cookieprefs_evaluation,
    granted_ids: *const u8,
    n: usize,
    method: u32,
    out: *mut *mut cookieprefs_preferences,
) -> cookieprefs_status {
    // SAFETY: the pointers are as this function's contract says.
    unsafe { cookieprefs_evaluation_choose_ex(ev, granted_ids, n, method, out, std::ptr::null_mut()) }
}

/// As `cookieprefs_evaluation_choose`; when `err` is not NULL it receives the
/// detail (e.g. which category the policy does not offer).
///
/// # Safety
/// As `cookieprefs_evaluation_choose`; `err` must be NULL or valid for a write.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn cookieprefs_evaluation_choose_ex(
    ev: *const cookieprefs_evaluation,
    granted_ids: *const u8,
    n: usize,
    method: u32,
    out: *mut *mut cookieprefs_preferences,
    err: *mut cookieprefs_error,
) -> cookieprefs_status {
    // SAFETY: the pointers are as this function's contract says.
    unsafe {
        guard_detail(err, &[&out], || {
            need(out)?;
            let e = handle(ev)?;
            let cats = bytes(granted_ids, n)?
                .iter()
                .map(|&id| category(id))
                .collect::<Result<Vec<_>, _>>()?;
            let inner = e.inner.choose(&cats, method_of(method)?)?;
            hand_out(out, cookieprefs_preferences { inner })
        })
    }
}
