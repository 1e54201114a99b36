//! Where C meets Rust: the only code that turns raw pointers and lengths into
//! Rust values, writes out-parameters, moves handles across, and catches
//! panics.
//!
//! Fail closed: every exported function hands its out-parameters to its
//! guard ([`guard`], [`guard_detail`], [`read`]), which on any failure writes
//! each one's fail-closed value ([`FailClosed`], [`Out`]), so C that ignores
//! a status reads `NOT_ASKED`, `false`, NULL or 0, never stale memory.
//!
//! Each `unsafe` helper states its contract once, in its `# Safety` section;
//! every exported function states in its own `# Safety` section what the C
//! caller vouches for, and its body is one `unsafe` block that hands those
//! promises to these helpers.

use std::ffi::{c_char, CStr};
use std::fmt;
use std::panic::{catch_unwind, AssertUnwindSafe};

use cookieprefs::Error;

use crate::enums::{cookieprefs_banner_reason, cookieprefs_method, cookieprefs_state};
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
#[inline(always)]
fn run(f: impl FnOnce() -> Outcome<()>) -> Outcome<()> {
    catch_unwind(AssertUnwindSafe(f)).unwrap_or(Err(Fail::Abi(cookieprefs_status::Panic)))
}

/// The value an out-parameter of type `Self` holds after a failed call: the
/// answer that grants nothing, so a caller who ignores the status still
/// fails closed (`docs/C_API.md`, "Out-parameters").
pub(crate) trait FailClosed {
    /// The fail-closed value after a call that returned `status` (not OK).
    fn closed(status: cookieprefs_status) -> Self;
}

macro_rules! zero_when_failed {
    ($($t:ty),*) => {$(
        impl FailClosed for $t {
            fn closed(_: cookieprefs_status) -> $t {
                0
            }
        }
    )*};
}
// Lengths, offsets, counts, revisions, days, calendar fields.
zero_when_failed!(u8, u16, u32, i32, usize);

impl FailClosed for bool {
    fn closed(_: cookieprefs_status) -> bool {
        false
    }
}

impl<T> FailClosed for *mut T {
    fn closed(_: cookieprefs_status) -> *mut T {
        std::ptr::null_mut()
    }
}

impl FailClosed for cookieprefs_state {
    fn closed(_: cookieprefs_status) -> cookieprefs_state {
        cookieprefs_state::NotAsked
    }
}

impl FailClosed for cookieprefs_banner_reason {
    /// As `needs_banner`, whose fail-closed value is `false`.
    fn closed(_: cookieprefs_status) -> cookieprefs_banner_reason {
        cookieprefs_banner_reason::None
    }
}

impl FailClosed for cookieprefs_method {
    fn closed(_: cookieprefs_status) -> cookieprefs_method {
        cookieprefs_method::Banner
    }
}

impl FailClosed for cookieprefs_status {
    /// A status out-parameter (`value_status`) gets the call's own status,
    /// never `OK`.
    fn closed(status: cookieprefs_status) -> cookieprefs_status {
        status
    }
}

impl FailClosed for cookieprefs_error {
    /// A detail out-parameter (`value_error`) gets the detail of the call's
    /// own failure, never an `OK` detail.
    fn closed(status: cookieprefs_status) -> cookieprefs_error {
        cookieprefs_error::of(&Err(Fail::Abi(status)))
    }
}

/// An out-parameter, as the guards see it: on every failure (whatever
/// argument caused it, a panic included) the guard makes it hold its
/// fail-closed value. This is the one exception to "out-parameters are
/// written only on success".
pub(crate) trait Out {
    /// Writes the fail-closed value for a call that returned `status`.
    ///
    /// # Safety
    /// Every non-NULL pointer in `self` must be valid for the writes its
    /// function's contract allows.
    unsafe fn close(&self, status: cookieprefs_status);
}

impl<T: FailClosed> Out for *mut T {
    unsafe fn close(&self, status: cookieprefs_status) {
        if !self.is_null() {
            // SAFETY: non-NULL, and valid for a write by the contract.
            unsafe { self.write(T::closed(status)) }
        }
    }
}

/// An out-parameter whose fail-closed value is not its type's, such as a
/// category id (0 is `necessary`, always granted: the fail-closed id is
/// `COOKIEPREFS_NO_CATEGORY`).
pub(crate) struct OutWith<T: Copy>(pub(crate) *mut T, pub(crate) T);

impl<T: Copy> Out for OutWith<T> {
    unsafe fn close(&self, _: cookieprefs_status) {
        if !self.0.is_null() {
            // SAFETY: non-NULL, and valid for a write by the contract.
            unsafe { self.0.write(self.1) }
        }
    }
}

/// `N` bytes the caller lends (a consent id): zeroed on failure.
pub(crate) struct OutBytes<const N: usize>(pub(crate) *mut u8);

impl<const N: usize> Out for OutBytes<N> {
    unsafe fn close(&self, _: cookieprefs_status) {
        // SAFETY: as `write`'s contract.
        let _ = unsafe { self.write(&[0; N]) };
    }
}

impl<const N: usize> OutBytes<N> {
    /// Copies `bytes` to C.
    ///
    /// # Safety
    /// A non-NULL pointer must be valid for `N` bytes of writes.
    pub(crate) unsafe fn write(&self, bytes: &[u8; N]) -> Outcome<()> {
        need(self.0)?;
        // SAFETY: non-NULL, room for `N` bytes by the contract; `bytes` is ours.
        unsafe { std::ptr::copy_nonoverlapping(bytes.as_ptr(), self.0, N) };
        Ok(())
    }
}

/// A text out-parameter: a caller buffer `buf` of `cap` bytes and the
/// length in `*written`. On failure `buf` holds an empty string (when `cap`
/// is not 0) and `*written` is 0, except on `BUFFER_TOO_SMALL`, where it
/// holds the capacity needed.
pub(crate) struct OutText {
    buf: *mut u8,
    cap: usize,
    written: *mut usize,
}

impl Out for OutText {
    unsafe fn close(&self, status: cookieprefs_status) {
        if !self.buf.is_null() && self.cap > 0 {
            // SAFETY: non-NULL, `cap >= 1` bytes writable by the contract.
            unsafe { self.buf.write(0) };
        }
        if status != cookieprefs_status::BufferTooSmall {
            // SAFETY: by the contract.
            unsafe { self.written.close(status) };
        }
    }
}

impl OutText {
    /// The text out-parameter of a function taking `(buf, cap, written)`.
    pub(crate) fn new(buf: *mut u8, cap: usize, written: *mut usize) -> OutText {
        OutText { buf, cap, written }
    }

    /// Copies `text` and a NUL into the buffer, its length into `*written`;
    /// on a short buffer, only the capacity needed into `*written`.
    ///
    /// # Safety
    /// A non-NULL `buf` must be valid for `cap` bytes of writes; a non-NULL
    /// `written` valid for a write.
    pub(crate) unsafe fn write(&self, text: &[u8]) -> Outcome<()> {
        let OutText { buf, cap, written } = *self;
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
}

impl OutText {
    /// As [`OutText::write`], for text that `fill` writes, without
    /// allocating: `fill` runs once to measure the text and, when it fits,
    /// once more into the buffer (so a short buffer is never half written).
    /// `fill` must write the same text both times.
    ///
    /// # Safety
    /// As [`OutText::write`].
    pub(crate) unsafe fn write_with(&self, fill: impl Fn(&mut dyn fmt::Write) -> fmt::Result) -> Outcome<()> {
        let OutText { buf, cap, written } = *self;
        need(written)?;
        let mut measure = RawWriter {
            buf: std::ptr::null_mut(),
            room: 0,
            len: 0,
        };
        fill(&mut measure).map_err(|_| Fail::Abi(cookieprefs_status::Panic))?;
        let needed = measure.len + 1;
        if cap < needed {
            // SAFETY: by the contract.
            unsafe { put(written, needed) }?;
            return Err(Fail::Abi(cookieprefs_status::BufferTooSmall));
        }
        need(buf)?;
        let mut copy = RawWriter {
            buf,
            room: measure.len,
            len: 0,
        };
        // A `fill` that wrote more the second time is refused by the writer
        // (room), one that wrote less is caught here: both are bugs.
        fill(&mut copy).map_err(|_| Fail::Abi(cookieprefs_status::Panic))?;
        if copy.len != measure.len {
            return Err(Fail::Abi(cookieprefs_status::Panic));
        }
        // SAFETY: `len < cap` bytes were written; the NUL goes at `len`.
        unsafe {
            buf.add(copy.len).write(0);
            put(written, copy.len)
        }
    }
}

/// A `fmt::Write` into at most `room` bytes at `buf` (none when `buf` is
/// NULL: it only counts), counting every byte it is given in `len`.
struct RawWriter {
    buf: *mut u8,
    room: usize,
    len: usize,
}

impl fmt::Write for RawWriter {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let end = self.len.checked_add(s.len()).ok_or(fmt::Error)?;
        if !self.buf.is_null() {
            if end > self.room {
                return Err(fmt::Error);
            }
            // SAFETY: `buf` has room for `room >= end` bytes (the contract of
            // `write_with`, whose `cap` is above `room`); `s` is not in it.
            unsafe { std::ptr::copy_nonoverlapping(s.as_ptr(), self.buf.add(self.len), s.len()) };
        }
        self.len = end;
        Ok(())
    }
}

/// Closes `outs` after a failure; a panic while closing is swallowed.
///
/// # Safety
/// As [`Out::close`] for each.
#[inline(always)]
unsafe fn close_all(outs: &[&dyn Out], status: cookieprefs_status) {
    if status != cookieprefs_status::Ok {
        for out in outs {
            // SAFETY: by the contract.
            let _ = catch_unwind(AssertUnwindSafe(|| unsafe { out.close(status) }));
        }
    }
}

/// Runs `f` and gives its status (a panic becomes `PANIC`); on failure every
/// out-parameter in `outs` gets its fail-closed value.
///
/// # Safety
/// As [`Out::close`] for each of `outs`.
#[inline(always)]
pub(crate) unsafe fn guard(outs: &[&dyn Out], f: impl FnOnce() -> Outcome<()>) -> cookieprefs_status {
    let status = cookieprefs_status::of(&run(f));
    // SAFETY: by the contract.
    unsafe { close_all(outs, status) };
    status
}

/// As [`guard`], and fills `*err` (when non-NULL) with the detail.
///
/// # Safety
/// As [`guard`]; a non-NULL `err` must be valid for a write of a
/// `cookieprefs_error`.
pub(crate) unsafe fn guard_detail(
    err: *mut cookieprefs_error,
    outs: &[&dyn Out],
    f: impl FnOnce() -> Outcome<()>,
) -> cookieprefs_status {
    let outcome = run(f);
    if !err.is_null() {
        let detail = catch_unwind(|| cookieprefs_error::of(&outcome))
            .unwrap_or_else(|_| cookieprefs_error::of(&Err(Fail::Abi(cookieprefs_status::Panic))));
        // SAFETY: non-NULL, and valid for a write by the contract.
        unsafe { err.write(detail) };
    }
    let status = cookieprefs_status::of(&outcome);
    // SAFETY: by the contract.
    unsafe { close_all(outs, status) };
    status
}

/// `ptr` and `len` as a byte slice; NULL is allowed only with `len == 0`,
/// and a length above `PTRDIFF_MAX` (such as `(size_t)-1`, which no object
/// can have) is `LENGTH_TOO_LARGE`, never read.
///
/// # Safety
/// A non-NULL `ptr` must point to `len` readable bytes that stay valid and
/// unchanged for `'a`.
pub(crate) unsafe fn bytes<'a>(ptr: *const u8, len: usize) -> Outcome<&'a [u8]> {
    if len == 0 {
        return Ok(&[]);
    }
    if len > isize::MAX as usize {
        return Err(Fail::Abi(cookieprefs_status::LengthTooLarge));
    }
    if ptr.is_null() {
        return Err(Fail::Abi(cookieprefs_status::NullArgument));
    }
    // SAFETY: non-NULL, `len` readable bytes for 'a by the contract.
    Ok(unsafe { std::slice::from_raw_parts(ptr, len) })
}

/// As [`bytes`], where NULL means "absent" (no header, no cookie) rather
/// than an error: `None` for NULL, the bytes otherwise (a non-NULL pointer
/// with `len` 0 is present and empty).
///
/// # Safety
/// As [`bytes`].
pub(crate) unsafe fn optional_bytes<'a>(ptr: *const u8, len: usize) -> Outcome<Option<&'a [u8]>> {
    // SAFETY: by the contract.
    let b = unsafe { bytes(ptr, len)? };
    Ok((!ptr.is_null()).then_some(b))
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

/// Moves `v` into a new handle and writes it to `*out`: the last step of a
/// call, so that no failure follows it (the guard would overwrite `*out`
/// with NULL and the handle would leak).
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

/// Reads one answer from a handle into `out` (its fail-closed value on failure).
///
/// # Safety
/// As [`handle`] for `h` and [`put`] for `out`.
pub(crate) unsafe fn read<H, T: FailClosed>(
    h: *const H,
    out: *mut T,
    f: impl FnOnce(&H) -> Outcome<T>,
) -> cookieprefs_status {
    // SAFETY: by the contract.
    unsafe {
        guard(&[&out], || {
            need(out)?;
            let v = f(handle(h)?)?;
            put(out, v)
        })
    }
}
