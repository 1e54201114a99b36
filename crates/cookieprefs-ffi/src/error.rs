//! [`cookieprefs_error`]: the detail of a failed call, for the caller's
//! stack, filled by the `_ex` functions; `cookieprefs_error_message`.
//!
//! No thread-local "last error" and nothing to free: the caller owns the
//! struct, and the message is the core's own `Display` text.

use std::ffi::c_char;
use std::fmt::Write;

use cookieprefs::Error;

use crate::boundary::{guard, handle, need, Fail, OutText, Outcome};
use crate::status::{cookieprefs_status, status_of};

/// Room for the message in a `cookieprefs_error`, NUL included.
pub const COOKIEPREFS_ERROR_MESSAGE_CAP: usize = 512;

/// The detail of a failed call, written by the `_ex` functions into a struct
/// the caller owns (usually on its stack). When their `err` argument is not
/// NULL it is written on every return, success included (`status` OK,
/// `offset` -1, numbers 0, empty message).
///
/// The numbers each kind carries, in `a`, `b`, `c` (0 when unused):
/// `too_long`: length, limit; `invalid_character`: the byte (and `offset`);
/// `unsupported_version`: the version; `truncated` and `trailing_data`:
/// length, length the fields need; `reserved_bits`: the bits;
/// `non_zero_padding`: (`offset` only); `invalid_state`: the category;
/// `non_minimal_slots`: the count; `dates_out_of_order`: created, updated
/// (days since 2020-01-01); `date_in_future`: the date, today (days);
/// `buffer_too_small`: bytes needed, bytes given; `invalid_category`: the id;
/// `revision_out_of_range`: the revision; `date_out_of_range`: year, month,
/// day; `revision_in_future`: the value's revision, the policy's. Kinds that carry text (names, reasons, JSON paths) have it in the
/// message only.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct cookieprefs_error {
    /// The status the call returned.
    pub status: cookieprefs_status,
    /// For a decoding error that has a position: the byte offset in the
    /// value; -1 otherwise.
    pub offset: i64,
    /// The first number the error carries (see above).
    pub a: i64,
    /// The second number.
    pub b: i64,
    /// The third number.
    pub c: i64,
    /// The message, NUL-terminated: the Rust library's text for the error,
    /// e.g. `invalid character '=' (0x3d) at offset 12: only A-Z a-z 0-9 - _
    /// are allowed; values have no = padding: remove it` (cut at a UTF-8
    /// boundary to fit; the core's messages are far shorter). Copy it with `cookieprefs_error_message`.
    pub message: [c_char; COOKIEPREFS_ERROR_MESSAGE_CAP],
}

impl cookieprefs_error {
    /// The detail of a finished call.
    pub(crate) fn of(outcome: &Outcome<()>) -> cookieprefs_error {
        let mut d = cookieprefs_error {
            status: cookieprefs_status::of(outcome),
            offset: -1,
            a: 0,
            b: 0,
            c: 0,
            message: [0; COOKIEPREFS_ERROR_MESSAGE_CAP],
        };
        let mut text = String::new();
        match outcome {
            Ok(()) => {}
            Err(Fail::Abi(s)) => text.push_str(abi_message(*s)),
            Err(Fail::Core(e)) => {
                let _ = write!(text, "{e}");
                (d.offset, [d.a, d.b, d.c]) = numbers(e);
                debug_assert_eq!(d.status, status_of(e));
            }
        }
        let mut end = text.len().min(COOKIEPREFS_ERROR_MESSAGE_CAP - 1);
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        for (dst, &b) in d.message.iter_mut().zip(&text.as_bytes()[..end]) {
            *dst = b as c_char;
        }
        d
    }
}

/// The offset and the numbers a core error carries.
fn numbers(e: &Error) -> (i64, [i64; 3]) {
    let n = |x: usize| i64::try_from(x).unwrap_or(i64::MAX);
    let none = -1;
    match *e {
        Error::TooLong { len, max } => (none, [n(len), n(max), 0]),
        Error::InvalidCharacter { offset, byte, .. } => (n(offset), [byte.into(), 0, 0]),
        Error::UnsupportedVersion { version, .. } => (none, [version.into(), 0, 0]),
        Error::Truncated { len, expected } | Error::TrailingData { len, expected } => {
            (none, [n(len), n(expected), 0])
        }
        Error::ReservedBits { bits } => (none, [bits.into(), 0, 0]),
        Error::NonZeroPadding { offset } => (n(offset), [0; 3]),
        Error::InvalidState { category } => (none, [category.into(), 0, 0]),
        Error::NonMinimalSlots { count } => (none, [count.into(), 0, 0]),
        Error::DatesOutOfOrder { created, updated } => (
            none,
            [
                created.days_since_epoch().into(),
                updated.days_since_epoch().into(),
                0,
            ],
        ),
        Error::DateInFuture { date, today } => (
            none,
            [date.days_since_epoch().into(), today.days_since_epoch().into(), 0],
        ),
        Error::BufferTooSmall { needed, len } => (none, [n(needed), n(len), 0]),
        Error::InvalidCategory { id } => (none, [id, 0, 0]),
        Error::RevisionOutOfRange { revision } => (none, [revision, 0, 0]),
        Error::DateOutOfRange { year, month, day } => (none, [year, month.into(), day.into()]),
        Error::RevisionInFuture { revision, current } => (none, [revision.into(), current.into(), 0]),
        _ => (none, [0; 3]),
    }
}

/// The message of a status the ABI itself produces.
fn abi_message(s: cookieprefs_status) -> &'static str {
    match s {
        cookieprefs_status::NullArgument => "a required pointer argument is NULL",
        cookieprefs_status::InvalidUtf8 => "text that must be UTF-8 is not",
        cookieprefs_status::NotFound => "not found",
        cookieprefs_status::BufferTooSmall => "the caller's buffer is too small",
        cookieprefs_status::Panic => "a bug inside cookieprefs was caught; the call had no effect",
        cookieprefs_status::LengthTooLarge => "a length is above PTRDIFF_MAX",
        _ => "",
    }
}

/// Copies the message of `err` into `buf` (NUL-terminated; `*written` gets
/// its length). A short buffer gives `BUFFER_TOO_SMALL`, an empty string in
/// `buf` (when `len` is not 0) and the capacity needed in `*written`;
/// `COOKIEPREFS_ERROR_MESSAGE_CAP` bytes always suffice.
///
/// # Safety
/// `err` must point to a readable `cookieprefs_error` (one this library
/// wrote holds a NUL-terminated message), `buf` be valid for `len` bytes of
/// writes and `written` valid for a write.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn cookieprefs_error_message(
    err: *const cookieprefs_error,
    buf: *mut c_char,
    len: usize,
    written: *mut usize,
) -> cookieprefs_status {
    // SAFETY: the pointers are as this function's contract says.
    unsafe {
        let text = OutText::new(buf.cast(), len, written);
        guard(&[&text], || {
            need(err.cast_mut())?;
            // Only the message is read: the rest may hold anything.
            let message = handle(std::ptr::addr_of!((*err).message))?;
            let bytes = message.map(|c| c as u8);
            let n = bytes.iter().position(|&b| b == 0).unwrap_or(bytes.len());
            text.write(&bytes[..n])
        })
    }
}
