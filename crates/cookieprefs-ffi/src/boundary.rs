//! Where C meets Rust: the only code that turns raw pointers and lengths into
//! Rust values, writes out-parameters, moves handles across, and catches
//! panics.
//!
//! Each `unsafe` helper states its contract once, in its `# Safety` section;
//! every exported function states in its own `# Safety` section what the C
//! caller vouches for, and its body is one `unsafe` block that hands those
//! promises to these helpers.

use std::ffi::{c_char, CStr};
use std::panic::{catch_unwind, AssertUnwindSafe};

use cookieprefs::Error;

use crate::error::cookieprefs_error;
use crate::status::cookieprefs_status;

/// Why a call failed: a core error (whose detail `_ex` functions report), or
/// a condition of the ABI itself (NULL, bad UTF-8, not found, panic).
#[derive(Debug)]
pub(crate) enum Fail {
    /// An error of the core crate.
    Core(Error),
    /// A status the ABI itself produces.
    Abi(cookieprefs_status),
}

impl From<Error> for Fail {
    fn from(e: Error) -> Fail {
        Fail::Core(e)
    }
}

impl From<cookieprefs_status> for Fail {
    fn from(s: cookieprefs_status) -> Fail {
        Fail::Abi(s)
    }
}

/// The result of the work inside an exported function.
pub(crate) type Outcome<T> = Result<T, Fail>;

/// Runs `f`, turning a panic into `PANIC`.
fn run(f: impl FnOnce() -> Outcome<()>) -> Outcome<()> {
    catch_unwind(AssertUnwindSafe(f)).unwrap_or(Err(Fail::Abi(cookieprefs_status::Panic)))
}

/// Runs `f` and gives its status; a panic becomes `PANIC`.
pub(crate) fn guard(f: impl FnOnce() -> Outcome<()>) -> cookieprefs_status {
    cookieprefs_status::of(&run(f))
}

/// As [`guard`], and fills `*err` (when non-NULL) with the detail.
///
/// # Safety
/// A non-NULL `err` must be valid for a write of a `cookieprefs_error`.
pub(crate) unsafe fn guard_detail(
    err: *mut cookieprefs_error,
    f: impl FnOnce() -> Outcome<()>,
) -> cookieprefs_status {
    let outcome = run(f);
    if !err.is_null() {
        let detail = catch_unwind(|| cookieprefs_error::of(&outcome))
            .unwrap_or_else(|_| cookieprefs_error::of(&Err(Fail::Abi(cookieprefs_status::Panic))));
        // SAFETY: non-NULL, and valid for a write by the contract.
        unsafe { err.write(detail) };
    }
    cookieprefs_status::of(&outcome)
}

/// `ptr` and `len` as a byte slice; NULL is allowed only with `len == 0`.
///
/// # Safety
/// A non-NULL `ptr` must point to `len` readable bytes that stay valid and
/// unchanged for `'a`.
pub(crate) unsafe fn bytes<'a>(ptr: *const u8, len: usize) -> Outcome<&'a [u8]> {
    if len == 0 {
        return Ok(&[]);
    }
    if ptr.is_null() {
        return Err(Fail::Abi(cookieprefs_status::NullArgument));
    }
    // SAFETY: non-NULL, `len` readable bytes for 'a by the contract.
    Ok(unsafe { std::slice::from_raw_parts(ptr, len) })
}

/// A NUL-terminated UTF-8 string.
///
/// # Safety
/// A non-NULL `s` must be NUL-terminated and valid for `'a`.
pub(crate) unsafe fn c_str<'a>(s: *const c_char) -> Outcome<&'a str> {
    if s.is_null() {
        return Err(Fail::Abi(cookieprefs_status::NullArgument));
    }
    // SAFETY: non-NULL and NUL-terminated by the contract.
    unsafe { CStr::from_ptr(s) }
        .to_str()
        .map_err(|_| Fail::Abi(cookieprefs_status::InvalidUtf8))
}

/// A shared reference from a handle pointer.
///
/// # Safety
/// A non-NULL `ptr` must be a handle from this library, not freed, and not
/// changed during `'a`.
pub(crate) unsafe fn handle<'a, T>(ptr: *const T) -> Outcome<&'a T> {
    // SAFETY: NULL or a live handle by the contract; `as_ref` checks NULL.
    unsafe { ptr.as_ref() }.ok_or(Fail::Abi(cookieprefs_status::NullArgument))
}

/// A mutable reference from a handle pointer.
///
/// # Safety
/// As [`handle`], and nothing else uses the handle during `'a`.
pub(crate) unsafe fn handle_mut<'a, T>(ptr: *mut T) -> Outcome<&'a mut T> {
    // SAFETY: NULL or a live, unaliased handle by the contract.
    unsafe { ptr.as_mut() }.ok_or(Fail::Abi(cookieprefs_status::NullArgument))
}

/// Fails with `NULL_ARGUMENT` if an out-parameter is NULL, before any work.
pub(crate) fn need<T>(out: *mut T) -> Outcome<()> {
    if out.is_null() {
        Err(Fail::Abi(cookieprefs_status::NullArgument))
    } else {
        Ok(())
    }
}

/// Writes `v` to an out-parameter.
///
/// # Safety
/// A non-NULL `out` must be valid for a write of `T`.
pub(crate) unsafe fn put<T>(out: *mut T, v: T) -> Outcome<()> {
    need(out)?;
    // SAFETY: non-NULL, and valid for a write by the contract.
    unsafe { out.write(v) };
    Ok(())
}

/// Copies `N` bytes from C.
///
/// # Safety
/// `src` must be non-NULL and point to `N` readable bytes.
pub(crate) unsafe fn read_array<const N: usize>(src: *const u8) -> [u8; N] {
    let mut a = [0u8; N];
    // SAFETY: `N` readable bytes by the contract; `a` is ours.
    unsafe { std::ptr::copy_nonoverlapping(src, a.as_mut_ptr(), N) };
    a
}

/// Copies `bytes` to C.
///
/// # Safety
/// A non-NULL `dst` must be valid for `bytes.len()` bytes of writes.
pub(crate) unsafe fn write_bytes(bytes: &[u8], dst: *mut u8) -> Outcome<()> {
    need(dst)?;
    // SAFETY: non-NULL, room for `bytes.len()` by the contract; `bytes` is ours.
    unsafe { std::ptr::copy_nonoverlapping(bytes.as_ptr(), dst, bytes.len()) };
    Ok(())
}

/// Copies `text` and a NUL into `buf` (capacity `cap`), its length into
/// `*written`; on a short buffer, only the capacity needed into `*written`.
///
/// # Safety
/// A non-NULL `buf` must be valid for `cap` bytes of writes; a non-NULL
/// `written` valid for a write.
pub(crate) unsafe fn write_text(text: &[u8], buf: *mut u8, cap: usize, written: *mut usize) -> Outcome<()> {
    need(written)?;
    let needed = text.len() + 1;
    if cap < needed {
        // SAFETY: by the contract.
        unsafe { put(written, needed) }?;
        return Err(Fail::Abi(cookieprefs_status::BufferTooSmall));
    }
    need(buf)?;
    // SAFETY: by the contract: `buf` has room for `cap >= text.len() + 1`
    // bytes, and cannot overlap `text`, which the library owns.
    unsafe {
        std::ptr::copy_nonoverlapping(text.as_ptr(), buf, text.len());
        buf.add(text.len()).write(0);
        put(written, text.len())
    }
}

/// Moves `v` into a new handle and writes it to `*out`.
///
/// # Safety
/// A non-NULL `out` must be valid for a write.
pub(crate) unsafe fn hand_out<T>(out: *mut *mut T, v: T) -> Outcome<()> {
    need(out)?;
    // SAFETY: by the contract.
    unsafe { put(out, Box::into_raw(Box::new(v))) }
}

/// Frees a handle made by [`hand_out`]; NULL does nothing.
///
/// # Safety
/// `ptr` must be NULL or a handle from [`hand_out`] not freed yet.
pub(crate) unsafe fn free_handle<T>(ptr: *mut T) {
    if !ptr.is_null() {
        // SAFETY: made by Box::into_raw in hand_out, freed once by the contract.
        let _ = catch_unwind(AssertUnwindSafe(|| drop(unsafe { Box::from_raw(ptr) })));
    }
}

/// Reads one answer from a handle into `out`.
///
/// # Safety
/// As [`handle`] for `h` and [`put`] for `out`.
pub(crate) unsafe fn read<H, T>(
    h: *const H,
    out: *mut T,
    f: impl FnOnce(&H) -> Outcome<T>,
) -> cookieprefs_status {
    guard(|| {
        need(out)?;
        // SAFETY: by the contract.
        let v = f(unsafe { handle(h) }?)?;
        // SAFETY: by the contract.
        unsafe { put(out, v) }
    })
}
