//! The C ABI of cookieprefs: `libcookieprefs.a` / `libcookieprefs.so` and
//! `include/cookieprefs.h` (generated from this file by cbindgen).
//!
//! Conventions (see `docs/C_API.md`):
//! - every function returns a [`cookieprefs_status`] (`COOKIEPREFS_STATUS_OK`
//!   is 0), except the two that return static strings;
//! - every pointer is checked: NULL gives `COOKIEPREFS_STATUS_NULL_ARGUMENT`
//!   (a byte pointer may be NULL when its length is 0);
//! - out-parameters come last and are written only on success;
//! - text goes into caller buffers, NUL-terminated; a buffer that is too small
//!   gives `COOKIEPREFS_STATUS_BUFFER_TOO_SMALL`, leaves the buffer untouched
//!   and stores the capacity needed (NUL included) in `*written`;
//! - the only things the caller frees are handles, with their `_free`
//!   function; `_free(NULL)` does nothing;
//! - no panic crosses the boundary: it becomes `COOKIEPREFS_STATUS_PANIC`;
//! - enum arguments are taken as integers and checked, so a bad value from C
//!   is an error, never undefined behaviour.
//!
//! Handles are immutable after creation except through their own setters;
//! policies and evaluations may be shared between threads for reading.

#![deny(unsafe_op_in_unsafe_fn)]
#![deny(missing_docs)]
#![allow(non_camel_case_types)]

use std::ffi::{c_char, CStr};
use std::panic::{catch_unwind, AssertUnwindSafe};

use cookieprefs::{
    BannerReason, Category, ConsentId, ConsentType, Date, Error, Evaluation, Method, Policy, Preferences,
    State,
};

/// Major version of the library (matches `cookieprefs_version()`).
pub const COOKIEPREFS_VERSION_MAJOR: u32 = 0;
/// Minor version of the library.
pub const COOKIEPREFS_VERSION_MINOR: u32 = 1;
/// Patch version of the library.
pub const COOKIEPREFS_VERSION_PATCH: u32 = 0;
/// The format version the library writes (the newest it reads).
pub const COOKIEPREFS_FORMAT_VERSION: u8 = 1;
/// The longest value the decoder looks at; a buffer of this size plus one
/// (for the NUL) holds any encoded value.
pub const COOKIEPREFS_MAX_ENCODED_LEN: usize = 64;

/// The result of every call. Codes are stable: they are never renumbered or
/// reused. Codes 1 to 22 are the error kinds of `docs/FORMAT.md` §5.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum cookieprefs_status {
    /// Success.
    Ok = 0,
    /// The value is empty.
    Empty = 1,
    /// The value is longer than 64 bytes.
    TooLong = 2,
    /// A byte outside `A-Z a-z 0-9 - _`.
    InvalidCharacter = 3,
    /// A format version this library does not read.
    UnsupportedVersion = 4,
    /// The value ends before the fields it announces.
    Truncated = 5,
    /// The value goes on after its last field.
    TrailingData = 6,
    /// A reserved flag bit is set.
    ReservedBits = 7,
    /// Non-zero padding bits in the last character.
    NonZeroPadding = 8,
    /// A category slot holds the invalid state `11`.
    InvalidState = 9,
    /// The slot count is not minimal.
    NonMinimalSlots = 10,
    /// `updated` is before `created`.
    DatesOutOfOrder = 11,
    /// A stored date is after today plus one day.
    DateInFuture = 12,
    /// The caller's buffer is too small; `*written` holds the capacity needed.
    BufferTooSmall = 13,
    /// A category id above 63.
    InvalidCategory = 14,
    /// A category the policy does not offer.
    UnknownCategory = 15,
    /// `necessary` (id 0) cannot be stored.
    NecessaryNotStored = 16,
    /// A revision above 4095.
    RevisionOutOfRange = 17,
    /// A date outside 2020-01-01..=2199-06-06.
    DateOutOfRange = 18,
    /// Not a `YYYY-MM-DD` date.
    InvalidDate = 19,
    /// Not a UUID.
    InvalidConsentId = 20,
    /// An unknown state, method, consent type or keyword (or enum value).
    UnknownName = 21,
    /// The policy breaks a rule (malformed JSON included).
    InvalidPolicy = 22,
    /// A required pointer argument is NULL.
    NullArgument = 100,
    /// Text that must be UTF-8 is not.
    InvalidUtf8 = 101,
    /// The thing looked for is not there (a cookie, a stored value).
    NotFound = 102,
    /// A bug inside the library was caught; the call had no effect.
    Panic = 103,
    /// An error of a newer core version this ABI does not name yet.
    Other = 199,
}

/// The state of a category.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum cookieprefs_state {
    /// Never asked, or the answer no longer counts.
    NotAsked = 0,
    /// Refused.
    Denied = 1,
    /// Accepted.
    Granted = 2,
}

/// How the choice was made.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum cookieprefs_method {
    /// The cookie banner.
    Banner = 0,
    /// The preferences page.
    PreferencesPage = 1,
    /// A browser signal such as GPC.
    BrowserSignal = 2,
    /// Imported from another tool.
    Imported = 3,
}

/// Why the banner must be shown.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum cookieprefs_banner_reason {
    /// The banner need not be shown.
    None = 0,
    /// No cookie.
    NoChoice = 1,
    /// The cookie was rejected (see `cookieprefs_evaluation_value_status`).
    InvalidValue = 2,
    /// Stored answers are past their max age.
    Expired = 3,
    /// Stored answers predate a category's `since_revision`.
    PolicyUpdated = 4,
    /// An offered category was never answered.
    NewCategory = 5,
}

/// The seven Google Consent Mode v2 types.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum cookieprefs_consent_type {
    /// `ad_storage`
    AdStorage = 0,
    /// `ad_user_data`
    AdUserData = 1,
    /// `ad_personalization`
    AdPersonalization = 2,
    /// `analytics_storage`
    AnalyticsStorage = 3,
    /// `functionality_storage`
    FunctionalityStorage = 4,
    /// `personalization_storage`
    PersonalizationStorage = 5,
    /// `security_storage`
    SecurityStorage = 6,
}

/// A decoded or built value (opaque). Free with `cookieprefs_preferences_free`.
pub struct cookieprefs_preferences {
    inner: Preferences,
}

/// A site's policy (opaque, immutable, shareable between threads). Free with
/// `cookieprefs_policy_free`.
pub struct cookieprefs_policy {
    inner: Policy,
}

/// The result of evaluating a request (opaque, immutable). Free with
/// `cookieprefs_evaluation_free`.
pub struct cookieprefs_evaluation {
    inner: Evaluation,
}

use cookieprefs_status as S;

/// The one place where core errors become statuses.
fn status_of(e: &Error) -> cookieprefs_status {
    match e {
        Error::Empty => S::Empty,
        Error::TooLong { .. } => S::TooLong,
        Error::InvalidCharacter { .. } => S::InvalidCharacter,
        Error::UnsupportedVersion { .. } => S::UnsupportedVersion,
        Error::Truncated { .. } => S::Truncated,
        Error::TrailingData { .. } => S::TrailingData,
        Error::ReservedBits { .. } => S::ReservedBits,
        Error::NonZeroPadding { .. } => S::NonZeroPadding,
        Error::InvalidState { .. } => S::InvalidState,
        Error::NonMinimalSlots { .. } => S::NonMinimalSlots,
        Error::DatesOutOfOrder { .. } => S::DatesOutOfOrder,
        Error::DateInFuture { .. } => S::DateInFuture,
        Error::BufferTooSmall { .. } => S::BufferTooSmall,
        Error::InvalidCategory { .. } => S::InvalidCategory,
        Error::UnknownCategory { .. } => S::UnknownCategory,
        Error::NecessaryNotStored => S::NecessaryNotStored,
        Error::RevisionOutOfRange { .. } => S::RevisionOutOfRange,
        Error::DateOutOfRange { .. } => S::DateOutOfRange,
        Error::InvalidDate { .. } => S::InvalidDate,
        Error::InvalidConsentId { .. } => S::InvalidConsentId,
        Error::UnknownName { .. } => S::UnknownName,
        Error::InvalidPolicy { .. } => S::InvalidPolicy,
        _ => S::Other,
    }
}

/// Runs `f`, turning a panic into `COOKIEPREFS_STATUS_PANIC`.
fn guard(f: impl FnOnce() -> Result<(), cookieprefs_status>) -> cookieprefs_status {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(Ok(())) => S::Ok,
        Ok(Err(s)) => s,
        Err(_) => S::Panic,
    }
}

/// `ptr` and `len` as a byte slice; NULL is allowed only with `len == 0`.
///
/// # Safety
/// A non-NULL `ptr` must point to `len` readable bytes that stay valid and
/// unchanged for `'a`.
unsafe fn bytes<'a>(ptr: *const u8, len: usize) -> Result<&'a [u8], cookieprefs_status> {
    if len == 0 {
        return Ok(&[]);
    }
    if ptr.is_null() {
        return Err(S::NullArgument);
    }
    // SAFETY: non-NULL, and the caller promises `len` readable bytes for 'a.
    Ok(unsafe { std::slice::from_raw_parts(ptr, len) })
}

/// A shared reference from a handle pointer.
///
/// # Safety
/// A non-NULL `ptr` must come from this library and not be freed yet.
unsafe fn handle<'a, T>(ptr: *const T) -> Result<&'a T, cookieprefs_status> {
    // SAFETY: the caller promises a live handle from this library (or NULL, checked by as_ref).
    unsafe { ptr.as_ref() }.ok_or(S::NullArgument)
}

/// A mutable reference from a handle pointer.
///
/// # Safety
/// As [`handle`], and no other reference to the handle is in use.
unsafe fn handle_mut<'a, T>(ptr: *mut T) -> Result<&'a mut T, cookieprefs_status> {
    // SAFETY: the caller promises a live, unaliased handle from this library (or NULL).
    unsafe { ptr.as_mut() }.ok_or(S::NullArgument)
}

/// Writes `v` to an out-parameter.
///
/// # Safety
/// A non-NULL `out` must be valid for a write of `T`.
unsafe fn put<T>(out: *mut T, v: T) -> Result<(), cookieprefs_status> {
    if out.is_null() {
        return Err(S::NullArgument);
    }
    // SAFETY: non-NULL and, by the caller's promise, valid for writes.
    unsafe { out.write(v) };
    Ok(())
}

/// Checks that an out-parameter is non-NULL before any work is done.
fn need<T>(out: *mut T) -> Result<(), cookieprefs_status> {
    if out.is_null() {
        Err(S::NullArgument)
    } else {
        Ok(())
    }
}

/// Copies `text` and a NUL into `buf` (capacity `cap`), its length into `*written`.
///
/// # Safety
/// A non-NULL `buf` must be valid for `cap` bytes of writes; a non-NULL
/// `written` valid for a write.
unsafe fn write_text(
    text: &[u8],
    buf: *mut u8,
    cap: usize,
    written: *mut usize,
) -> Result<(), cookieprefs_status> {
    need(written)?;
    let needed = text.len() + 1;
    if cap < needed {
        // SAFETY: `written` is non-NULL (checked) and valid by the caller's promise.
        unsafe { put(written, needed) }?;
        return Err(S::BufferTooSmall);
    }
    if buf.is_null() {
        return Err(S::NullArgument);
    }
    // SAFETY: `buf` is non-NULL with room for `cap >= text.len() + 1` bytes, and
    // cannot overlap `text`, which the library owns.
    unsafe {
        std::ptr::copy_nonoverlapping(text.as_ptr(), buf, text.len());
        buf.add(text.len()).write(0);
    }
    // SAFETY: as above.
    unsafe { put(written, text.len()) }
}

/// Moves a value into a new handle and hands it out.
///
/// # Safety
/// `out` must be non-NULL (checked by the caller) and valid for a write.
unsafe fn hand_out<T>(out: *mut *mut T, v: T) -> Result<(), cookieprefs_status> {
    // SAFETY: forwarded from the caller.
    unsafe { put(out, Box::into_raw(Box::new(v))) }
}

fn category(id: u8) -> Result<Category, cookieprefs_status> {
    Category::new(id).map_err(|e| status_of(&e))
}

fn c_state(s: State) -> cookieprefs_state {
    match s {
        State::NotAsked => cookieprefs_state::NotAsked,
        State::Denied => cookieprefs_state::Denied,
        State::Granted => cookieprefs_state::Granted,
    }
}

fn method_of(m: u32) -> Result<Method, cookieprefs_status> {
    u8::try_from(m)
        .ok()
        .filter(|m| *m < 4)
        .map(Method::from_code)
        .ok_or(S::UnknownName)
}

/// The library version, e.g. `"0.1.0"` (static, NUL-terminated; do not free).
#[no_mangle]
pub extern "C" fn cookieprefs_version() -> *const c_char {
    concat!(env!("CARGO_PKG_VERSION"), "\0").as_ptr().cast()
}

/// A short static description of a status, e.g. `"truncated"` (NUL-terminated;
/// do not free). Unknown codes give `"unknown status"`.
#[no_mangle]
pub extern "C" fn cookieprefs_status_str(status: i32) -> *const c_char {
    let s: &'static str = match status {
        0 => "ok\0",
        1 => "empty\0",
        2 => "too_long\0",
        3 => "invalid_character\0",
        4 => "unsupported_version\0",
        5 => "truncated\0",
        6 => "trailing_data\0",
        7 => "reserved_bits\0",
        8 => "non_zero_padding\0",
        9 => "invalid_state\0",
        10 => "non_minimal_slots\0",
        11 => "dates_out_of_order\0",
        12 => "date_in_future\0",
        13 => "buffer_too_small\0",
        14 => "invalid_category\0",
        15 => "unknown_category\0",
        16 => "necessary_not_stored\0",
        17 => "revision_out_of_range\0",
        18 => "date_out_of_range\0",
        19 => "invalid_date\0",
        20 => "invalid_consent_id\0",
        21 => "unknown_name\0",
        22 => "invalid_policy\0",
        100 => "null_argument\0",
        101 => "invalid_utf8\0",
        102 => "not_found\0",
        103 => "panic\0",
        199 => "other\0",
        _ => "unknown status\0",
    };
    s.as_ptr().cast()
}

/// Today's UTC date as days since 2020-01-01 (the unit of every date here).
#[no_mangle]
pub extern "C" fn cookieprefs_today() -> u16 {
    Date::today().days_since_epoch()
}

/// Converts a calendar date to days since 2020-01-01.
///
/// Returns `INVALID_DATE` for an impossible date, `DATE_OUT_OF_RANGE` outside
/// 2020-01-01..=2199-06-06.
///
/// # Safety
/// `out` must be valid for a write.
#[no_mangle]
pub unsafe extern "C" fn cookieprefs_date_from_ymd(
    year: i32,
    month: u32,
    day: u32,
    out: *mut u16,
) -> cookieprefs_status {
    guard(|| {
        need(out)?;
        let d = Date::from_ymd(i64::from(year), month, day).map_err(|e| status_of(&e))?;
        // SAFETY: `out` is non-NULL and valid by the caller's promise.
        unsafe { put(out, d.days_since_epoch()) }
    })
}

/// Converts days since 2020-01-01 to a calendar date (year, month 1–12, day
/// 1–31). Every `uint16_t` is a valid date (up to 2199-06-06).
///
/// # Safety
/// `year`, `month` and `day` must be valid for writes.
#[no_mangle]
pub unsafe extern "C" fn cookieprefs_date_to_ymd(
    days: u16,
    year: *mut i32,
    month: *mut u32,
    day: *mut u32,
) -> cookieprefs_status {
    guard(|| {
        need(year)?;
        need(month)?;
        need(day)?;
        let (y, m, d) = Date::from_days_since_epoch(days).ymd();
        let y = i32::try_from(y).map_err(|_| S::DateOutOfRange)?;
        // SAFETY: all three are non-NULL (checked) and valid by the caller's promise.
        unsafe {
            put(year, y)?;
            put(month, m)?;
            put(day, d)
        }
    })
}

/// Decodes a value into a new handle.
///
/// Returns the status of the first check that fails (`docs/FORMAT.md` §5).
///
/// # Safety
/// `value` must point to `len` readable bytes (or be NULL with `len` 0); `out`
/// must be valid for a write.
#[no_mangle]
pub unsafe extern "C" fn cookieprefs_preferences_decode(
    value: *const u8,
    len: usize,
    out: *mut *mut cookieprefs_preferences,
) -> cookieprefs_status {
    guard(|| {
        need(out)?;
        // SAFETY: forwarded from the caller.
        let v = unsafe { bytes(value, len) }?;
        let inner = cookieprefs::decode(v).map_err(|e| status_of(&e))?;
        // SAFETY: `out` is non-NULL and valid by the caller's promise.
        unsafe { hand_out(out, cookieprefs_preferences { inner }) }
    })
}

/// A new value for a choice made on `today_days`: nothing decided, revision
/// 0, method banner, no consent id. Change it with the `_set_` functions.
///
/// # Safety
/// `out` must be valid for a write.
#[no_mangle]
pub unsafe extern "C" fn cookieprefs_preferences_new(
    today_days: u16,
    out: *mut *mut cookieprefs_preferences,
) -> cookieprefs_status {
    guard(|| {
        need(out)?;
        let inner = Preferences::builder(Date::from_days_since_epoch(today_days))
            .build()
            .map_err(|e| status_of(&e))?;
        // SAFETY: `out` is non-NULL and valid by the caller's promise.
        unsafe { hand_out(out, cookieprefs_preferences { inner }) }
    })
}

/// Frees a value handle. NULL does nothing.
///
/// # Safety
/// `prefs` must be NULL or a handle from this library not freed yet.
#[no_mangle]
pub unsafe extern "C" fn cookieprefs_preferences_free(prefs: *mut cookieprefs_preferences) {
    if !prefs.is_null() {
        // SAFETY: a live handle made by Box::into_raw in this library, freed once.
        let _ = catch_unwind(AssertUnwindSafe(|| drop(unsafe { Box::from_raw(prefs) })));
    }
}

/// Reads one field of a value handle into `out`.
///
/// # Safety
/// `prefs` must be a live handle (or NULL) and `out` valid for a write.
unsafe fn read_prefs<T>(
    prefs: *const cookieprefs_preferences,
    out: *mut T,
    f: impl FnOnce(&Preferences) -> Result<T, cookieprefs_status>,
) -> cookieprefs_status {
    guard(|| {
        need(out)?;
        // SAFETY: forwarded from the caller.
        let p = unsafe { handle(prefs) }?;
        let v = f(&p.inner)?;
        // SAFETY: forwarded from the caller.
        unsafe { put(out, v) }
    })
}

/// The stored state of category `category_id` (0–63); `necessary` (0) is granted.
///
/// # Safety
/// `prefs` must be a live handle and `out` valid for a write.
#[no_mangle]
pub unsafe extern "C" fn cookieprefs_preferences_state(
    prefs: *const cookieprefs_preferences,
    category_id: u8,
    out: *mut cookieprefs_state,
) -> cookieprefs_status {
    // SAFETY: forwarded from the caller.
    unsafe { read_prefs(prefs, out, |p| Ok(c_state(p.state(category(category_id)?)))) }
}

/// The policy revision the choice was made under (0–4095).
///
/// # Safety
/// `prefs` must be a live handle and `out` valid for a write.
#[no_mangle]
pub unsafe extern "C" fn cookieprefs_preferences_revision(
    prefs: *const cookieprefs_preferences,
    out: *mut u16,
) -> cookieprefs_status {
    // SAFETY: forwarded from the caller.
    unsafe { read_prefs(prefs, out, |p| Ok(p.revision())) }
}

/// The day of the first choice, in days since 2020-01-01.
///
/// # Safety
/// `prefs` must be a live handle and `out` valid for a write.
#[no_mangle]
pub unsafe extern "C" fn cookieprefs_preferences_created_days(
    prefs: *const cookieprefs_preferences,
    out: *mut u16,
) -> cookieprefs_status {
    // SAFETY: forwarded from the caller.
    unsafe { read_prefs(prefs, out, |p| Ok(p.created().days_since_epoch())) }
}

/// The day of the last change, in days since 2020-01-01.
///
/// # Safety
/// `prefs` must be a live handle and `out` valid for a write.
#[no_mangle]
pub unsafe extern "C" fn cookieprefs_preferences_updated_days(
    prefs: *const cookieprefs_preferences,
    out: *mut u16,
) -> cookieprefs_status {
    // SAFETY: forwarded from the caller.
    unsafe { read_prefs(prefs, out, |p| Ok(p.updated().days_since_epoch())) }
}

/// How the choice was made.
///
/// # Safety
/// `prefs` must be a live handle and `out` valid for a write.
#[no_mangle]
pub unsafe extern "C" fn cookieprefs_preferences_method(
    prefs: *const cookieprefs_preferences,
    out: *mut cookieprefs_method,
) -> cookieprefs_status {
    // SAFETY: forwarded from the caller.
    unsafe {
        read_prefs(prefs, out, |p| {
            Ok(match p.method() {
                Method::Banner => cookieprefs_method::Banner,
                Method::PreferencesPage => cookieprefs_method::PreferencesPage,
                Method::BrowserSignal => cookieprefs_method::BrowserSignal,
                Method::Imported => cookieprefs_method::Imported,
            })
        })
    }
}

/// The number of category slots stored (the highest decided id, 0 if none).
///
/// # Safety
/// `prefs` must be a live handle and `out` valid for a write.
#[no_mangle]
pub unsafe extern "C" fn cookieprefs_preferences_slot_count(
    prefs: *const cookieprefs_preferences,
    out: *mut u8,
) -> cookieprefs_status {
    // SAFETY: forwarded from the caller.
    unsafe { read_prefs(prefs, out, |p| Ok(p.slot_count())) }
}

/// The consent id: `*has_id` tells whether there is one; if so its 16 bytes
/// (UUID byte order) are copied to `id_out`, which is left untouched otherwise.
///
/// # Safety
/// `prefs` must be a live handle, `id_out` valid for 16 bytes of writes and
/// `has_id` valid for a write.
#[no_mangle]
pub unsafe extern "C" fn cookieprefs_preferences_consent_id(
    prefs: *const cookieprefs_preferences,
    id_out: *mut u8,
    has_id: *mut bool,
) -> cookieprefs_status {
    guard(|| {
        need(id_out)?;
        need(has_id)?;
        // SAFETY: forwarded from the caller.
        let p = unsafe { handle(prefs) }?;
        if let Some(id) = p.inner.consent_id() {
            // SAFETY: `id_out` is non-NULL and valid for 16 bytes by the caller's promise.
            unsafe { std::ptr::copy_nonoverlapping(id.to_bytes().as_ptr(), id_out, 16) };
        }
        // SAFETY: forwarded from the caller.
        unsafe { put(has_id, p.inner.consent_id().is_some()) }
    })
}

/// Changes a value handle through the core builder; the handle changes only
/// if the result is valid.
///
/// # Safety
/// `prefs` must be a live handle not in use elsewhere.
unsafe fn change_prefs(
    prefs: *mut cookieprefs_preferences,
    f: impl FnOnce(cookieprefs::PreferencesBuilder) -> Result<cookieprefs::PreferencesBuilder, cookieprefs_status>,
) -> cookieprefs_status {
    guard(|| {
        // SAFETY: forwarded from the caller.
        let p = unsafe { handle_mut(prefs) }?;
        p.inner = f(p.inner.to_builder())?.build().map_err(|e| status_of(&e))?;
        Ok(())
    })
}

/// Sets the state of category `category_id` (1–63; `state` is a
/// `cookieprefs_state` value).
///
/// # Safety
/// `prefs` must be a live handle not in use elsewhere.
#[no_mangle]
pub unsafe extern "C" fn cookieprefs_preferences_set_state(
    prefs: *mut cookieprefs_preferences,
    category_id: u8,
    state: u32,
) -> cookieprefs_status {
    // SAFETY: forwarded from the caller.
    unsafe {
        change_prefs(prefs, |b| {
            let st = u8::try_from(state)
                .ok()
                .and_then(State::from_code)
                .ok_or(S::UnknownName)?;
            Ok(b.set(category(category_id)?, st))
        })
    }
}

/// Sets the policy revision (0–4095).
///
/// # Safety
/// `prefs` must be a live handle not in use elsewhere.
#[no_mangle]
pub unsafe extern "C" fn cookieprefs_preferences_set_revision(
    prefs: *mut cookieprefs_preferences,
    revision: u32,
) -> cookieprefs_status {
    // SAFETY: forwarded from the caller.
    unsafe { change_prefs(prefs, |b| Ok(b.revision(revision))) }
}

/// Sets both dates (days since 2020-01-01); `created` must not be after `updated`.
///
/// # Safety
/// `prefs` must be a live handle not in use elsewhere.
#[no_mangle]
pub unsafe extern "C" fn cookieprefs_preferences_set_dates(
    prefs: *mut cookieprefs_preferences,
    created_days: u16,
    updated_days: u16,
) -> cookieprefs_status {
    // SAFETY: forwarded from the caller.
    unsafe {
        change_prefs(prefs, |b| {
            Ok(b.created(Date::from_days_since_epoch(created_days))
                .updated(Date::from_days_since_epoch(updated_days)))
        })
    }
}

/// Sets how the choice was made (`method` is a `cookieprefs_method` value).
///
/// # Safety
/// `prefs` must be a live handle not in use elsewhere.
#[no_mangle]
pub unsafe extern "C" fn cookieprefs_preferences_set_method(
    prefs: *mut cookieprefs_preferences,
    method: u32,
) -> cookieprefs_status {
    // SAFETY: forwarded from the caller.
    unsafe { change_prefs(prefs, |b| Ok(b.method(method_of(method)?))) }
}

/// Sets the consent id from 16 bytes (UUID byte order); NULL removes it.
///
/// # Safety
/// `prefs` must be a live handle not in use elsewhere; a non-NULL `id` must
/// point to 16 readable bytes.
#[no_mangle]
pub unsafe extern "C" fn cookieprefs_preferences_set_consent_id(
    prefs: *mut cookieprefs_preferences,
    id: *const u8,
) -> cookieprefs_status {
    let id = if id.is_null() {
        None
    } else {
        let mut b = [0u8; 16];
        // SAFETY: non-NULL and, by the caller's promise, 16 readable bytes.
        unsafe { std::ptr::copy_nonoverlapping(id, b.as_mut_ptr(), 16) };
        Some(ConsentId::from_bytes(b))
    };
    // SAFETY: forwarded from the caller.
    unsafe { change_prefs(prefs, |b| Ok(b.consent_id(id))) }
}

/// The length of the encoded value (11 to 53), without the NUL.
///
/// # Safety
/// `prefs` must be a live handle and `out` valid for a write.
#[no_mangle]
pub unsafe extern "C" fn cookieprefs_preferences_encoded_len(
    prefs: *const cookieprefs_preferences,
    out: *mut usize,
) -> cookieprefs_status {
    // SAFETY: forwarded from the caller.
    unsafe { read_prefs(prefs, out, |p| Ok(p.encoded_len())) }
}

/// Encodes the value into `buf` (NUL-terminated; `*written` = its length).
/// `COOKIEPREFS_MAX_ENCODED_LEN + 1` bytes always suffice.
///
/// # Safety
/// `prefs` must be a live handle, `buf` valid for `cap` bytes of writes,
/// `written` valid for a write.
#[no_mangle]
pub unsafe extern "C" fn cookieprefs_preferences_encode(
    prefs: *const cookieprefs_preferences,
    buf: *mut u8,
    cap: usize,
    written: *mut usize,
) -> cookieprefs_status {
    guard(|| {
        // SAFETY: forwarded from the caller.
        let p = unsafe { handle(prefs) }?;
        let mut tmp = [0u8; COOKIEPREFS_MAX_ENCODED_LEN];
        let n = p.inner.encode_into(&mut tmp).map_err(|e| status_of(&e))?;
        // SAFETY: forwarded from the caller.
        unsafe { write_text(&tmp[..n], buf, cap, written) }
    })
}

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
    guard(|| {
        need(out)?;
        let c = category(category_id)?;
        // SAFETY: forwarded from the caller.
        let v = unsafe { bytes(value, len) }?;
        let p = cookieprefs::decode(v).map_err(|e| status_of(&e))?;
        // SAFETY: forwarded from the caller.
        unsafe { put(out, c_state(p.state(c))) }
    })
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
    guard(|| {
        need(offset)?;
        need(value_len)?;
        // SAFETY: forwarded from the caller.
        let h = unsafe { bytes(header, len) }?;
        // SAFETY: forwarded from the caller.
        let name = unsafe { c_str(name) }?;
        let r = cookieprefs::find_cookie(h, name).ok_or(S::NotFound)?;
        // SAFETY: forwarded from the caller.
        unsafe {
            put(offset, r.start)?;
            put(value_len, r.end - r.start)
        }
    })
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
    guard(|| {
        need(out)?;
        let c = category(category_id)?;
        // SAFETY: forwarded from the caller.
        let h = unsafe { bytes(header, len) }?;
        // SAFETY: forwarded from the caller.
        let name = unsafe { c_str(name) }?;
        let r = cookieprefs::find_cookie(h, name).ok_or(S::NotFound)?;
        let p = cookieprefs::decode(&h[r]).map_err(|e| status_of(&e))?;
        // SAFETY: forwarded from the caller.
        unsafe { put(out, c_state(p.state(c))) }
    })
}

/// A NUL-terminated UTF-8 string.
///
/// # Safety
/// A non-NULL `s` must be NUL-terminated and valid for `'a`.
unsafe fn c_str<'a>(s: *const c_char) -> Result<&'a str, cookieprefs_status> {
    if s.is_null() {
        return Err(S::NullArgument);
    }
    // SAFETY: non-NULL and NUL-terminated by the caller's promise.
    unsafe { CStr::from_ptr(s) }.to_str().map_err(|_| S::InvalidUtf8)
}

/// The default policy: revision 0, the three standard categories, 183 days,
/// GPC refuses `third_party`, cookie `cookies_preferences`.
///
/// # Safety
/// `out` must be valid for a write.
#[no_mangle]
pub unsafe extern "C" fn cookieprefs_policy_default(out: *mut *mut cookieprefs_policy) -> cookieprefs_status {
    guard(|| {
        need(out)?;
        // SAFETY: `out` is non-NULL and valid by the caller's promise.
        unsafe {
            hand_out(
                out,
                cookieprefs_policy {
                    inner: Policy::default(),
                },
            )
        }
    })
}

/// A policy from its JSON form (`docs/FORMAT.md` §7), `len` bytes of UTF-8.
/// `INVALID_UTF8`, `INVALID_POLICY` (malformed JSON or a broken rule) or the
/// status of the rule's error.
///
/// # Safety
/// `json` must point to `len` readable bytes; `out` must be valid for a write.
#[no_mangle]
pub unsafe extern "C" fn cookieprefs_policy_from_json(
    json: *const u8,
    len: usize,
    out: *mut *mut cookieprefs_policy,
) -> cookieprefs_status {
    guard(|| {
        need(out)?;
        // SAFETY: forwarded from the caller.
        let j = unsafe { bytes(json, len) }?;
        let j = std::str::from_utf8(j).map_err(|_| S::InvalidUtf8)?;
        let inner = Policy::from_json(j).map_err(|e| status_of(&e))?;
        // SAFETY: `out` is non-NULL and valid by the caller's promise.
        unsafe { hand_out(out, cookieprefs_policy { inner }) }
    })
}

/// Frees a policy handle. NULL does nothing. Evaluations made from it stay valid.
///
/// # Safety
/// `policy` must be NULL or a handle from this library not freed yet.
#[no_mangle]
pub unsafe extern "C" fn cookieprefs_policy_free(policy: *mut cookieprefs_policy) {
    if !policy.is_null() {
        // SAFETY: a live handle made by Box::into_raw in this library, freed once.
        let _ = catch_unwind(AssertUnwindSafe(|| drop(unsafe { Box::from_raw(policy) })));
    }
}

/// The policy's current revision.
///
/// # Safety
/// `policy` must be a live handle and `out` valid for a write.
#[no_mangle]
pub unsafe extern "C" fn cookieprefs_policy_revision(
    policy: *const cookieprefs_policy,
    out: *mut u16,
) -> cookieprefs_status {
    guard(|| {
        need(out)?;
        // SAFETY: forwarded from the caller.
        let p = unsafe { handle(policy) }?;
        // SAFETY: forwarded from the caller.
        unsafe { put(out, p.inner.revision()) }
    })
}

/// Resolves a category name (NUL-terminated) to its id under this policy:
/// the site's names, then the standard names (`necessary` is 0), then a
/// decimal id of an offered category. `UNKNOWN_CATEGORY` otherwise.
///
/// # Safety
/// `policy` must be a live handle, `name` a NUL-terminated string and `out`
/// valid for a write.
#[no_mangle]
pub unsafe extern "C" fn cookieprefs_policy_category_id(
    policy: *const cookieprefs_policy,
    name: *const c_char,
    out: *mut u8,
) -> cookieprefs_status {
    guard(|| {
        need(out)?;
        // SAFETY: forwarded from the caller.
        let p = unsafe { handle(policy) }?;
        // SAFETY: forwarded from the caller.
        let name = unsafe { c_str(name) }?;
        let c = p.inner.category(name).ok_or(S::UnknownCategory)?;
        // SAFETY: forwarded from the caller.
        unsafe { put(out, c.id()) }
    })
}

/// Evaluates a whole `Cookie:` request header (NULL with `len` 0: no header)
/// on `today_days`, with or without a `Sec-GPC: 1` signal. An invalid cookie
/// value is not an error of this call: the evaluation fails closed and
/// `cookieprefs_evaluation_value_status` tells why.
///
/// # Safety
/// `policy` must be a live handle; `header` must point to `len` readable
/// bytes (or be NULL with `len` 0); `out` must be valid for a write.
#[no_mangle]
pub unsafe extern "C" fn cookieprefs_policy_evaluate_header(
    policy: *const cookieprefs_policy,
    header: *const u8,
    len: usize,
    today_days: u16,
    gpc: bool,
    out: *mut *mut cookieprefs_evaluation,
) -> cookieprefs_status {
    guard(|| {
        need(out)?;
        // SAFETY: forwarded from the caller.
        let p = unsafe { handle(policy) }?;
        // SAFETY: forwarded from the caller.
        let h = unsafe { bytes(header, len) }?;
        let h = (!header.is_null()).then_some(h);
        let inner = p
            .inner
            .evaluate_header(h, Date::from_days_since_epoch(today_days), gpc);
        // SAFETY: `out` is non-NULL and valid by the caller's promise.
        unsafe { hand_out(out, cookieprefs_evaluation { inner }) }
    })
}

/// Evaluates a cookie value (NULL: no cookie; a non-NULL pointer with `len`
/// 0 is an empty, invalid value). See `cookieprefs_policy_evaluate_header`.
///
/// # Safety
/// As `cookieprefs_policy_evaluate_header`.
#[no_mangle]
pub unsafe extern "C" fn cookieprefs_policy_evaluate_value(
    policy: *const cookieprefs_policy,
    value: *const u8,
    len: usize,
    today_days: u16,
    gpc: bool,
    out: *mut *mut cookieprefs_evaluation,
) -> cookieprefs_status {
    guard(|| {
        need(out)?;
        // SAFETY: forwarded from the caller.
        let p = unsafe { handle(policy) }?;
        // SAFETY: forwarded from the caller.
        let v = unsafe { bytes(value, len) }?;
        let v = (!value.is_null()).then_some(v);
        let inner = p
            .inner
            .evaluate_bytes(v, Date::from_days_since_epoch(today_days), gpc);
        // SAFETY: `out` is non-NULL and valid by the caller's promise.
        unsafe { hand_out(out, cookieprefs_evaluation { inner }) }
    })
}

/// Frees an evaluation handle. NULL does nothing.
///
/// # Safety
/// `ev` must be NULL or a handle from this library not freed yet.
#[no_mangle]
pub unsafe extern "C" fn cookieprefs_evaluation_free(ev: *mut cookieprefs_evaluation) {
    if !ev.is_null() {
        // SAFETY: a live handle made by Box::into_raw in this library, freed once.
        let _ = catch_unwind(AssertUnwindSafe(|| drop(unsafe { Box::from_raw(ev) })));
    }
}

/// Reads one answer of an evaluation into `out`.
///
/// # Safety
/// `ev` must be a live handle (or NULL) and `out` valid for a write.
unsafe fn read_ev<T>(
    ev: *const cookieprefs_evaluation,
    out: *mut T,
    f: impl FnOnce(&Evaluation) -> Result<T, cookieprefs_status>,
) -> cookieprefs_status {
    guard(|| {
        need(out)?;
        // SAFETY: forwarded from the caller.
        let e = unsafe { handle(ev) }?;
        let v = f(&e.inner)?;
        // SAFETY: forwarded from the caller.
        unsafe { put(out, v) }
    })
}

/// The effective state of a category ("may I load X?" is `== GRANTED`).
///
/// # Safety
/// `ev` must be a live handle and `out` valid for a write.
#[no_mangle]
pub unsafe extern "C" fn cookieprefs_evaluation_state(
    ev: *const cookieprefs_evaluation,
    category_id: u8,
    out: *mut cookieprefs_state,
) -> cookieprefs_status {
    // SAFETY: forwarded from the caller.
    unsafe { read_ev(ev, out, |e| Ok(c_state(e.state(category(category_id)?)))) }
}

/// Whether cookies of a category may be set ("may I load X?"): true exactly
/// when its effective state is `GRANTED`.
///
/// # Safety
/// `ev` must be a live handle and `out` valid for a write.
#[no_mangle]
pub unsafe extern "C" fn cookieprefs_evaluation_allowed(
    ev: *const cookieprefs_evaluation,
    category_id: u8,
    out: *mut bool,
) -> cookieprefs_status {
    // SAFETY: forwarded from the caller.
    unsafe { read_ev(ev, out, |e| Ok(e.allowed(category(category_id)?))) }
}

/// Whether the `Sec-GPC: 1` signal denied at least one category (it applies
/// only when there is no valid stored choice).
///
/// # Safety
/// `ev` must be a live handle and `out` valid for a write.
#[no_mangle]
pub unsafe extern "C" fn cookieprefs_evaluation_gpc_applied(
    ev: *const cookieprefs_evaluation,
    out: *mut bool,
) -> cookieprefs_status {
    // SAFETY: forwarded from the caller.
    unsafe { read_ev(ev, out, |e| Ok(e.gpc_applied())) }
}

/// Whether the banner must be shown.
///
/// # Safety
/// `ev` must be a live handle and `out` valid for a write.
#[no_mangle]
pub unsafe extern "C" fn cookieprefs_evaluation_needs_banner(
    ev: *const cookieprefs_evaluation,
    out: *mut bool,
) -> cookieprefs_status {
    // SAFETY: forwarded from the caller.
    unsafe { read_ev(ev, out, |e| Ok(e.needs_banner())) }
}

/// Why the banner must be shown (`NONE` when it need not be).
///
/// # Safety
/// `ev` must be a live handle and `out` valid for a write.
#[no_mangle]
pub unsafe extern "C" fn cookieprefs_evaluation_banner_reason(
    ev: *const cookieprefs_evaluation,
    out: *mut cookieprefs_banner_reason,
) -> cookieprefs_status {
    // SAFETY: forwarded from the caller.
    unsafe {
        read_ev(ev, out, |e| {
            Ok(match e.banner_reason() {
                None => cookieprefs_banner_reason::None,
                Some(BannerReason::NoChoice) => cookieprefs_banner_reason::NoChoice,
                Some(BannerReason::InvalidValue) => cookieprefs_banner_reason::InvalidValue,
                Some(BannerReason::Expired) => cookieprefs_banner_reason::Expired,
                Some(BannerReason::PolicyUpdated) => cookieprefs_banner_reason::PolicyUpdated,
                Some(BannerReason::NewCategory) => cookieprefs_banner_reason::NewCategory,
            })
        })
    }
}

/// Why the cookie's value was rejected (`OK` when it was not, or when there
/// was no cookie).
///
/// # Safety
/// `ev` must be a live handle and `out` valid for a write.
#[no_mangle]
pub unsafe extern "C" fn cookieprefs_evaluation_value_status(
    ev: *const cookieprefs_evaluation,
    out: *mut cookieprefs_status,
) -> cookieprefs_status {
    // SAFETY: forwarded from the caller.
    unsafe { read_ev(ev, out, |e| Ok(e.error().map_or(S::Ok, status_of))) }
}

/// Whether a Google Consent Mode type is granted (`consent_type` is a
/// `cookieprefs_consent_type` value).
///
/// # Safety
/// `ev` must be a live handle and `out` valid for a write.
#[no_mangle]
pub unsafe extern "C" fn cookieprefs_evaluation_consent_mode(
    ev: *const cookieprefs_evaluation,
    consent_type: u32,
    out: *mut bool,
) -> cookieprefs_status {
    // SAFETY: forwarded from the caller.
    unsafe {
        read_ev(ev, out, |e| {
            let t = usize::try_from(consent_type)
                .ok()
                .and_then(|i| ConsentType::ALL.get(i).copied())
                .ok_or(S::UnknownName)?;
            Ok(e.consent_mode().is_granted(t))
        })
    }
}

/// The Consent Mode state as the JSON object `gtag('consent', 'update', …)`
/// takes, into `buf` (NUL-terminated).
///
/// # Safety
/// `ev` must be a live handle, `buf` valid for `cap` bytes of writes and
/// `written` valid for a write.
#[no_mangle]
pub unsafe extern "C" fn cookieprefs_evaluation_consent_mode_json(
    ev: *const cookieprefs_evaluation,
    buf: *mut u8,
    cap: usize,
    written: *mut usize,
) -> cookieprefs_status {
    guard(|| {
        // SAFETY: forwarded from the caller.
        let e = unsafe { handle(ev) }?;
        // SAFETY: forwarded from the caller.
        unsafe { write_text(e.inner.consent_mode().to_json().as_bytes(), buf, cap, written) }
    })
}

/// A copy of the stored value as a new handle; `NOT_FOUND` when the request
/// had no valid cookie.
///
/// # Safety
/// `ev` must be a live handle and `out` valid for a write.
#[no_mangle]
pub unsafe extern "C" fn cookieprefs_evaluation_stored(
    ev: *const cookieprefs_evaluation,
    out: *mut *mut cookieprefs_preferences,
) -> cookieprefs_status {
    guard(|| {
        need(out)?;
        // SAFETY: forwarded from the caller.
        let e = unsafe { handle(ev) }?;
        let inner = *e.inner.stored().ok_or(S::NotFound)?;
        // SAFETY: `out` is non-NULL and valid by the caller's promise.
        unsafe { hand_out(out, cookieprefs_preferences { inner }) }
    })
}

/// The new value to store when the visitor answers: the `n` category ids in
/// `granted_ids` granted, every other offered category denied (see
/// `Evaluation::choose`). `method` is a `cookieprefs_method` value.
///
/// # Safety
/// `ev` must be a live handle; `granted_ids` must point to `n` readable bytes
/// (or be NULL with `n` 0); `out` must be valid for a write.
#[no_mangle]
pub unsafe extern "C" fn cookieprefs_evaluation_choose(
    ev: *const cookieprefs_evaluation,
    granted_ids: *const u8,
    n: usize,
    method: u32,
    out: *mut *mut cookieprefs_preferences,
) -> cookieprefs_status {
    guard(|| {
        need(out)?;
        // SAFETY: forwarded from the caller.
        let e = unsafe { handle(ev) }?;
        // SAFETY: forwarded from the caller.
        let ids = unsafe { bytes(granted_ids, n) }?;
        let cats = ids
            .iter()
            .map(|&id| category(id))
            .collect::<Result<Vec<_>, _>>()?;
        let inner = e
            .inner
            .choose(&cats, method_of(method)?)
            .map_err(|e| status_of(&e))?;
        // SAFETY: `out` is non-NULL and valid by the caller's promise.
        unsafe { hand_out(out, cookieprefs_preferences { inner }) }
    })
}

/// The `Set-Cookie` header value (after `Set-Cookie: `) that refreshes the
/// stored value, into `buf`; `NOT_FOUND` when there is nothing to refresh
/// (no valid cookie, or the banner is needed).
///
/// # Safety
/// `ev` must be a live handle, `buf` valid for `cap` bytes of writes and
/// `written` valid for a write.
#[no_mangle]
pub unsafe extern "C" fn cookieprefs_evaluation_set_cookie_header(
    ev: *const cookieprefs_evaluation,
    buf: *mut u8,
    cap: usize,
    written: *mut usize,
) -> cookieprefs_status {
    guard(|| {
        // SAFETY: forwarded from the caller.
        let e = unsafe { handle(ev) }?;
        let header = e.inner.set_cookie_header().ok_or(S::NotFound)?;
        // SAFETY: forwarded from the caller.
        unsafe { write_text(header.as_bytes(), buf, cap, written) }
    })
}

/// The `Set-Cookie` header value (after `Set-Cookie: `) that stores `prefs`
/// on `today_days`, into `buf`. Size it by calling with `cap` 0: the call
/// returns `BUFFER_TOO_SMALL` with the capacity needed in `*written`.
///
/// # Safety
/// `policy` and `prefs` must be live handles, `buf` valid for `cap` bytes of
/// writes and `written` valid for a write.
#[no_mangle]
pub unsafe extern "C" fn cookieprefs_policy_set_cookie_header(
    policy: *const cookieprefs_policy,
    prefs: *const cookieprefs_preferences,
    today_days: u16,
    buf: *mut u8,
    cap: usize,
    written: *mut usize,
) -> cookieprefs_status {
    guard(|| {
        // SAFETY: forwarded from the caller.
        let (p, v) = unsafe { (handle(policy)?, handle(prefs)?) };
        let header = p
            .inner
            .set_cookie_header(&v.inner, Date::from_days_since_epoch(today_days));
        // SAFETY: forwarded from the caller.
        unsafe { write_text(header.as_bytes(), buf, cap, written) }
    })
}

/// The `Set-Cookie` header value that deletes the cookie (`Max-Age=0`), into `buf`.
///
/// # Safety
/// `policy` must be a live handle, `buf` valid for `cap` bytes of writes and
/// `written` valid for a write.
#[no_mangle]
pub unsafe extern "C" fn cookieprefs_policy_delete_cookie_header(
    policy: *const cookieprefs_policy,
    buf: *mut u8,
    cap: usize,
    written: *mut usize,
) -> cookieprefs_status {
    guard(|| {
        // SAFETY: forwarded from the caller.
        let p = unsafe { handle(policy) }?;
        // SAFETY: forwarded from the caller.
        unsafe { write_text(p.inner.delete_cookie_header().as_bytes(), buf, cap, written) }
    })
}

#[cfg(test)]
mod tests;
