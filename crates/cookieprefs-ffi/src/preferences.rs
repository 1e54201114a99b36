//! [`cookieprefs_preferences`], the value handle: decode, build, read,
//! change, encode, free.

use cookieprefs::{ConsentId, Date, Preferences, PreferencesBuilder};

use crate::boundary::{
    bytes, free_handle, guard, guard_detail, hand_out, handle, handle_mut, need, put, read, read_array,
    OutBytes, OutText, Outcome,
};
use crate::enums::{c_method, c_state, category, cookieprefs_method, cookieprefs_state, method_of, state_of};
use crate::error::cookieprefs_error;
use crate::format::COOKIEPREFS_MAX_ENCODED_LEN;
use crate::status::cookieprefs_status;

/// A decoded or built value (opaque). Free with `cookieprefs_preferences_free`.
pub struct cookieprefs_preferences {
    pub(crate) inner: Preferences,
}

/// Decodes a value into a new handle.
///
/// Returns the status of the first check that fails (`docs/FORMAT.md` §5);
/// `cookieprefs_preferences_decode_ex` also gives its detail.
///
/// # Safety
/// `value` must point to `len` readable bytes (or be NULL with `len` 0); `out`
/// must be valid for a write.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn cookieprefs_preferences_decode(
    value: *const u8,
    len: usize,
    out: *mut *mut cookieprefs_preferences,
) -> cookieprefs_status {
    // SAFETY: the pointers are as this function's contract says. (Not a
    // call to the `_ex` variant: without a detail to fill, `guard` is all
    // the boundary this hot path needs.)
    unsafe {
        guard(&[&out], || {
            need(out)?;
            let inner = cookieprefs::decode(bytes(value, len)?)?;
            hand_out(out, cookieprefs_preferences { inner })
        })
    }
}

/// As `cookieprefs_preferences_decode`; when `err` is not NULL it receives
/// the detail (kind, offset, numbers, message).
///
/// # Safety
/// As `cookieprefs_preferences_decode`; `err` must be NULL or valid for a write.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn cookieprefs_preferences_decode_ex(
    value: *const u8,
    len: usize,
    out: *mut *mut cookieprefs_preferences,
    err: *mut cookieprefs_error,
) -> cookieprefs_status {
    // SAFETY: the pointers are as this function's contract says.
    unsafe {
        guard_detail(err, &[&out], || {
            need(out)?;
            let inner = cookieprefs::decode(bytes(value, len)?)?;
            hand_out(out, cookieprefs_preferences { inner })
        })
    }
}

/// A new value for a choice made on `today_days`: nothing decided, revision
/// 0, method banner, no consent id. Change it with the `_set_` functions.
///
/// # Safety
/// `out` must be valid for a write.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn cookieprefs_preferences_new(
    today_days: u16,
    out: *mut *mut cookieprefs_preferences,
) -> cookieprefs_status {
    // SAFETY: the pointers are as this function's contract says.
    unsafe {
        guard(&[&out], || {
            need(out)?;
            let inner = Preferences::builder(Date::from_days_since_epoch(today_days)).build()?;
            hand_out(out, cookieprefs_preferences { inner })
        })
    }
}

/// Frees a value handle. NULL does nothing.
///
/// # Safety
/// `prefs` must be NULL or a handle from this library not freed yet.
#[no_mangle]
pub unsafe extern "C" fn cookieprefs_preferences_free(prefs: *mut cookieprefs_preferences) {
    // SAFETY: the pointer is as this function's contract says.
    unsafe { free_handle(prefs) }
}

/// The stored state of category `category_id` (0–63); `necessary` (0) is granted.
///
/// # Safety
/// `prefs` must be a live handle and `out` valid for a write.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn cookieprefs_preferences_state(
    prefs: *const cookieprefs_preferences,
    category_id: u8,
    out: *mut cookieprefs_state,
) -> cookieprefs_status {
    // SAFETY: the pointers are as this function's contract says.
    unsafe { read(prefs, out, |p| Ok(c_state(p.inner.state(category(category_id)?)))) }
}

/// The policy revision the choice was made under (0–4095).
///
/// # Safety
/// `prefs` must be a live handle and `out` valid for a write.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn cookieprefs_preferences_revision(
    prefs: *const cookieprefs_preferences,
    out: *mut u16,
) -> cookieprefs_status {
    // SAFETY: the pointers are as this function's contract says.
    unsafe { read(prefs, out, |p| Ok(p.inner.revision())) }
}

/// The day of the first choice, in days since 2020-01-01.
///
/// # Safety
/// `prefs` must be a live handle and `out` valid for a write.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn cookieprefs_preferences_created_days(
    prefs: *const cookieprefs_preferences,
    out: *mut u16,
) -> cookieprefs_status {
    // SAFETY: the pointers are as this function's contract says.
    unsafe { read(prefs, out, |p| Ok(p.inner.created().days_since_epoch())) }
}

/// The day of the last change, in days since 2020-01-01.
///
/// # Safety
/// `prefs` must be a live handle and `out` valid for a write.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn cookieprefs_preferences_updated_days(
    prefs: *const cookieprefs_preferences,
    out: *mut u16,
) -> cookieprefs_status {
    // SAFETY: the pointers are as this function's contract says.
    unsafe { read(prefs, out, |p| Ok(p.inner.updated().days_since_epoch())) }
}

/// How the choice was made.
///
/// # Safety
/// `prefs` must be a live handle and `out` valid for a write.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn cookieprefs_preferences_method(
    prefs: *const cookieprefs_preferences,
    out: *mut cookieprefs_method,
) -> cookieprefs_status {
    // SAFETY: the pointers are as this function's contract says.
    unsafe { read(prefs, out, |p| Ok(c_method(p.inner.method()))) }
}

/// The number of category slots stored (the highest decided id, 0 if none).
///
/// # Safety
/// `prefs` must be a live handle and `out` valid for a write.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn cookieprefs_preferences_slot_count(
    prefs: *const cookieprefs_preferences,
    out: *mut u8,
) -> cookieprefs_status {
    // SAFETY: the pointers are as this function's contract says.
    unsafe { read(prefs, out, |p| Ok(p.inner.slot_count())) }
}

/// The consent id: `*has_id` tells whether there is one; if so its 16 bytes
/// (UUID byte order) are copied to `id_out`, which is zeroed otherwise (and
/// on any failure, with `*has_id` false).
///
/// # Safety
/// `prefs` must be a live handle, `id_out` valid for 16 bytes of writes and
/// `has_id` valid for a write.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn cookieprefs_preferences_consent_id(
    prefs: *const cookieprefs_preferences,
    id_out: *mut u8,
    has_id: *mut bool,
) -> cookieprefs_status {
    // SAFETY: the pointers are as this function's contract says.
    unsafe {
        let id_bytes = OutBytes::<16>(id_out);
        guard(&[&id_bytes, &has_id], || {
            need(id_out)?;
            need(has_id)?;
            let id = handle(prefs)?.inner.consent_id();
            id_bytes.write(&id.map_or([0; 16], |id| id.to_bytes()))?;
            put(has_id, id.is_some())
        })
    }
}

/// Changes a value handle through the core builder; the handle changes only
/// if the result is valid.
///
/// # Safety
/// As [`handle_mut`] for `prefs`, and as [`guard_detail`] for `err`.
unsafe fn change(
    prefs: *mut cookieprefs_preferences,
    err: *mut cookieprefs_error,
    f: impl FnOnce(PreferencesBuilder) -> Outcome<PreferencesBuilder>,
) -> cookieprefs_status {
    // SAFETY: by the contract.
    unsafe {
        guard_detail(err, &[], || {
            let p = handle_mut(prefs)?;
            p.inner = f(p.inner.to_builder())?.build()?;
            Ok(())
        })
    }
}

/// Sets the state of category `category_id` (1–63; `state` is a
/// `cookieprefs_state` value).
///
/// # Safety
/// `prefs` must be a live handle not in use elsewhere.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn cookieprefs_preferences_set_state(
    prefs: *mut cookieprefs_preferences,
    category_id: u8,
    state: u32,
) -> cookieprefs_status {
    // SAFETY: the pointers are as this function's contract says.
    unsafe { cookieprefs_preferences_set_state_ex(prefs, category_id, state, std::ptr::null_mut()) }
}

/// As `cookieprefs_preferences_set_state`, with the detail of a refusal in
/// `*err` (when `err` is not NULL).
///
/// # Safety
/// As `cookieprefs_preferences_set_state`; `err` must be NULL or valid for a write.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn cookieprefs_preferences_set_state_ex(
    prefs: *mut cookieprefs_preferences,
    category_id: u8,
    state: u32,
    err: *mut cookieprefs_error,
) -> cookieprefs_status {
    // SAFETY: the pointers are as this function's contract says.
    unsafe {
        change(
            prefs,
            err,
            |b| Ok(b.set(category(category_id)?, state_of(state)?)),
        )
    }
}

/// Sets the policy revision (0–4095).
///
/// # Safety
/// `prefs` must be a live handle not in use elsewhere.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn cookieprefs_preferences_set_revision(
    prefs: *mut cookieprefs_preferences,
    revision: u32,
) -> cookieprefs_status {
    // SAFETY: the pointers are as this function's contract says.
    unsafe { cookieprefs_preferences_set_revision_ex(prefs, revision, std::ptr::null_mut()) }
}

/// As `cookieprefs_preferences_set_revision`, with the detail of a refusal
/// in `*err` (when `err` is not NULL).
///
/// # Safety
/// As `cookieprefs_preferences_set_revision`; `err` must be NULL or valid for a write.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn cookieprefs_preferences_set_revision_ex(
    prefs: *mut cookieprefs_preferences,
    revision: u32,
    err: *mut cookieprefs_error,
) -> cookieprefs_status {
    // SAFETY: the pointers are as this function's contract says.
    unsafe { change(prefs, err, |b| Ok(b.revision(revision))) }
}

/// Sets both dates (days since 2020-01-01); `created` must not be after `updated`.
///
/// # Safety
/// `prefs` must be a live handle not in use elsewhere.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn cookieprefs_preferences_set_dates(
    prefs: *mut cookieprefs_preferences,
    created_days: u16,
    updated_days: u16,
) -> cookieprefs_status {
    // SAFETY: the pointers are as this function's contract says.
    unsafe { cookieprefs_preferences_set_dates_ex(prefs, created_days, updated_days, std::ptr::null_mut()) }
}

/// As `cookieprefs_preferences_set_dates`, with the detail of a refusal in
/// `*err` (when `err` is not NULL).
///
/// # Safety
/// As `cookieprefs_preferences_set_dates`; `err` must be NULL or valid for a write.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn cookieprefs_preferences_set_dates_ex(
    prefs: *mut cookieprefs_preferences,
    created_days: u16,
    updated_days: u16,
    err: *mut cookieprefs_error,
) -> cookieprefs_status {
    let (created, updated) = (
        Date::from_days_since_epoch(created_days),
        Date::from_days_since_epoch(updated_days),
    );
    // SAFETY: the pointers are as this function's contract says.
    unsafe { change(prefs, err, |b| Ok(b.created(created).updated(updated))) }
}

/// Sets how the choice was made (`method` is a `cookieprefs_method` value).
///
/// # Safety
/// `prefs` must be a live handle not in use elsewhere.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn cookieprefs_preferences_set_method(
    prefs: *mut cookieprefs_preferences,
    method: u32,
) -> cookieprefs_status {
    // SAFETY: the pointers are as this function's contract says.
    unsafe { cookieprefs_preferences_set_method_ex(prefs, method, std::ptr::null_mut()) }
}

/// As `cookieprefs_preferences_set_method`, with the detail of a refusal in
/// `*err` (when `err` is not NULL).
///
/// # Safety
/// As `cookieprefs_preferences_set_method`; `err` must be NULL or valid for a write.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn cookieprefs_preferences_set_method_ex(
    prefs: *mut cookieprefs_preferences,
    method: u32,
    err: *mut cookieprefs_error,
) -> cookieprefs_status {
    // SAFETY: the pointers are as this function's contract says.
    unsafe { change(prefs, err, |b| Ok(b.method(method_of(method)?))) }
}

/// Sets the consent id from 16 bytes (UUID byte order); NULL removes it.
///
/// # Safety
/// `prefs` must be a live handle not in use elsewhere; a non-NULL `id` must
/// point to 16 readable bytes.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn cookieprefs_preferences_set_consent_id(
    prefs: *mut cookieprefs_preferences,
    id: *const u8,
) -> cookieprefs_status {
    // SAFETY: the pointers are as this function's contract says.
    unsafe {
        let id = (!id.is_null()).then(|| ConsentId::from_bytes(read_array(id)));
        change(prefs, std::ptr::null_mut(), |b| Ok(b.consent_id(id)))
    }
}

/// The length of the encoded value (11 to 53), without the NUL.
///
/// # Safety
/// `prefs` must be a live handle and `out` valid for a write.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn cookieprefs_preferences_encoded_len(
    prefs: *const cookieprefs_preferences,
    out: *mut usize,
) -> cookieprefs_status {
    // SAFETY: the pointers are as this function's contract says.
    unsafe { read(prefs, out, |p| Ok(p.inner.encoded_len())) }
}

/// Encodes the value into `buf` (NUL-terminated; `*written` = its length).
/// `COOKIEPREFS_MAX_ENCODED_LEN + 1` bytes always suffice.
///
/// # Safety
/// `prefs` must be a live handle, `buf` valid for `cap` bytes of writes,
/// `written` valid for a write.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn cookieprefs_preferences_encode(
    prefs: *const cookieprefs_preferences,
    buf: *mut u8,
    cap: usize,
    written: *mut usize,
) -> cookieprefs_status {
    // SAFETY: the pointers are as this function's contract says.
    unsafe {
        let text = OutText::new(buf, cap, written);
        guard(&[&text], || {
            let p = handle(prefs)?;
            let mut tmp = [0u8; COOKIEPREFS_MAX_ENCODED_LEN];
            let n = p.inner.encode_into(&mut tmp)?;
            text.write(&tmp[..n])
        })
    }
}
