//! The C ABI of cookieprefs: `libcookieprefs.a` / `libcookieprefs.so` and
//! `include/cookieprefs.h` (generated from this crate by cbindgen).
//!
//! Conventions (see `docs/C_API.md`):
//! - every function returns a [`cookieprefs_status`] (`COOKIEPREFS_STATUS_OK`
//!   is 0), except the two that return static strings and `cookieprefs_today`;
//! - every pointer is checked: NULL gives `COOKIEPREFS_STATUS_NULL_ARGUMENT`
//!   (a byte pointer may be NULL when its length is 0);
//! - out-parameters come last; on success they hold the answer, on any
//!   failure their fail-closed value (`NOT_ASKED`, `false`, NULL, 0, an
//!   empty string; see `boundary.rs`), so C that ignores a status grants
//!   nothing; every status-returning function is `#[must_use]`
//!   (`COOKIEPREFS_MUST_USE` in the header); the `_ex` functions add a last
//!   [`cookieprefs_error`] pointer (may be NULL) that receives the detail of
//!   a failure;
//! - text goes into caller buffers, NUL-terminated; a buffer that is too small
//!   gives `COOKIEPREFS_STATUS_BUFFER_TOO_SMALL`, an empty string and the
//!   capacity needed (NUL included) in `*written`;
//! - lengths above `PTRDIFF_MAX` give `COOKIEPREFS_STATUS_LENGTH_TOO_LARGE`;
//!   `gpc` is an `int`, nonzero meaning `Sec-GPC: 1`;
//! - the only things the caller frees are handles, with their `_free`
//!   function; `_free(NULL)` does nothing;
//! - no panic crosses the boundary: it becomes `COOKIEPREFS_STATUS_PANIC`;
//! - enum arguments are taken as integers and checked, so a bad value from C
//!   is an error, never undefined behaviour.
//!
//! Handles are immutable after creation except through their own setters;
//! policies and evaluations may be shared between threads for reading.
//!
//! One module per C type or idea; the order of the modules is the order of
//! the header. Raw pointers become Rust values only in `boundary.rs`'s
//! helpers; core errors become statuses only in `status.rs`.

#![deny(unsafe_op_in_unsafe_fn)]
#![deny(missing_docs)]
#![allow(non_camel_case_types)]

// The core crate, renamed in Cargo.toml (this library has its name), under
// its own name again for the modules below.
extern crate cookieprefs_core as cookieprefs;

// The order of these modules is the order of the header (cbindgen follows
// it): keep them apart so that rustfmt does not sort them.
mod boundary;

mod version;

mod format;

mod status;

mod error;

mod enums;

mod date;

mod preferences;

mod fast_path;

mod policy;

mod evaluation;

mod set_cookie;

mod declaration;

mod enforcement;

pub use date::*;
pub use declaration::*;
pub use enforcement::*;
pub use enums::*;
pub use error::*;
pub use evaluation::*;
pub use fast_path::*;
pub use format::*;
pub use policy::*;
pub use preferences::*;
pub use set_cookie::*;
pub use status::*;
pub use version::*;

#[cfg(test)]
mod tests;
