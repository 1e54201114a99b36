//! [`cookieprefs_status`], the result of every call; `cookieprefs_status_str`;
//! and [`status_of`], the one place where a core error becomes a status.
//!
//! Codes 1 to 25 are the core's error kinds in `Error::KINDS` order, and their
//! names are the core's `Error::kind()` strings, made NUL-terminated at
//! compile time: nothing here re-spells them. A kind added to the core stops
//! the build (the assertion below) until it has a status here.

use std::ffi::c_char;

use cookieprefs::Error;

use crate::boundary::{Fail, Outcome};

/// The result of every call. Codes are stable: they are never renumbered or
/// reused. Codes 1 to 25 are the error kinds of `docs/FORMAT.md` §5 (the
/// core's `Error::KINDS`, in order); 100 and up are conditions of the ABI.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum cookieprefs_status {
    /// Success.
    Ok = 0,
    /// The value is empty.
    Empty = 1,
    /// The value is longer than `COOKIEPREFS_MAX_ENCODED_LEN` bytes.
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
    /// A category id above `COOKIEPREFS_MAX_CATEGORY_ID`.
    InvalidCategory = 14,
    /// A category the policy does not offer.
    UnknownCategory = 15,
    /// `necessary` (id 0) cannot be stored.
    NecessaryNotStored = 16,
    /// A revision above `COOKIEPREFS_MAX_REVISION`.
    RevisionOutOfRange = 17,
    /// A date outside 2020-01-01..=2199-06-06.
    DateOutOfRange = 18,
    /// Not a `YYYY-MM-DD` date.
    InvalidDate = 19,
    /// Not a UUID.
    InvalidConsentId = 20,
    /// An unknown state, method, consent type or keyword (or enum value).
    UnknownName = 21,
    /// The policy breaks a rule of FORMAT.md §6 (the message says which).
    InvalidPolicy = 22,
    /// A valid category the policy does not offer, where an offered one is
    /// needed (a choice, a GPC category, a Consent Mode mapping).
    CategoryNotOffered = 23,
    /// Text that is not JSON, or JSON of the wrong shape.
    InvalidJson = 24,
    /// A stored value saved under a later policy revision than the policy's.
    RevisionInFuture = 25,
    /// A required pointer argument is NULL.
    NullArgument = 100,
    /// Text that must be UTF-8 is not.
    InvalidUtf8 = 101,
    /// The thing looked for is not there (a cookie, a stored value).
    NotFound = 102,
    /// A bug inside the library was caught; the call had no effect.
    Panic = 103,
    /// A length above `PTRDIFF_MAX` (such as `(size_t)-1`): no object is that
    /// long, so the bytes are not read.
    LengthTooLarge = 104,
    /// An error of a newer core version this ABI does not name yet.
    Other = 199,
}

use cookieprefs_status as S;

// Codes 1..=N are the core's N kinds: a new kind fails the build here until
// it has a status above, a `status_of` arm and a test.
const _: () = assert!(
    Error::KINDS.len() == S::RevisionInFuture as usize,
    "cookieprefs::Error has a kind without a C status"
);

/// The one place where core errors become statuses.
pub(crate) fn status_of(e: &Error) -> cookieprefs_status {
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
        Error::CategoryNotOffered { .. } => S::CategoryNotOffered,
        Error::InvalidJson { .. } => S::InvalidJson,
        Error::RevisionInFuture { .. } => S::RevisionInFuture,
        // `Error` is non_exhaustive; the assertion above and the tests keep
        // this arm unreachable for the core this crate is built with.
        _ => S::Other,
    }
}

impl cookieprefs_status {
    /// The status of a finished call.
    pub(crate) fn of(outcome: &Outcome<()>) -> cookieprefs_status {
        match outcome {
            Ok(()) => S::Ok,
            Err(Fail::Core(e)) => status_of(e),
            Err(Fail::Abi(s)) => *s,
        }
    }
}

const KINDS: &[&str] = Error::KINDS;

/// The highest code that is a core kind.
const LAST_KIND: i32 = KINDS.len() as i32;

/// Bytes of every kind name, each followed by a NUL.
const KIND_NAMES_LEN: usize = {
    let (mut n, mut i) = (0, 0);
    while i < KINDS.len() {
        n += KINDS[i].len() + 1;
        i += 1;
    }
    n
};

/// The core's kind names, NUL-terminated, one after another.
static KIND_NAMES: [u8; KIND_NAMES_LEN] = {
    let mut out = [0u8; KIND_NAMES_LEN];
    let (mut at, mut i) = (0, 0);
    while i < KINDS.len() {
        let name = KINDS[i].as_bytes();
        let mut j = 0;
        while j < name.len() {
            out[at] = name[j];
            at += 1;
            j += 1;
        }
        at += 1; // the NUL
        i += 1;
    }
    out
};

/// Where each kind name starts in [`KIND_NAMES`].
const KIND_STARTS: [usize; KINDS.len()] = {
    let mut out = [0usize; KINDS.len()];
    let (mut at, mut i) = (0, 0);
    while i < KINDS.len() {
        out[i] = at;
        at += KINDS[i].len() + 1;
        i += 1;
    }
    out
};

/// A short static name of a status (NUL-terminated; do not free): for codes
/// 1 to 25 the core's error kind, such as `"truncated"`; `"ok"`,
/// `"null_argument"`, `"invalid_utf8"`, `"not_found"`, `"panic"`,
/// `"length_too_large"` and `"other"` for the others. Unknown codes give `"unknown status"`.
#[no_mangle]
pub extern "C" fn cookieprefs_status_str(status: i32) -> *const c_char {
    let s: &'static str = match status {
        1..=LAST_KIND => {
            let start = KIND_STARTS[status as usize - 1];
            return KIND_NAMES[start..].as_ptr().cast();
        }
        0 => "ok\0",
        100 => "null_argument\0",
        101 => "invalid_utf8\0",
        102 => "not_found\0",
        103 => "panic\0",
        104 => "length_too_large\0",
        199 => "other\0",
        _ => "unknown status\0",
    };
    s.as_ptr().cast()
}
