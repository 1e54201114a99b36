//! The library version: the header's macros and `cookieprefs_version()`
//! (both tested against Cargo.toml).

use std::ffi::c_char;

/// Major version of the library (matches `cookieprefs_version()`).
pub const COOKIEPREFS_VERSION_MAJOR: u32 = 0;
/// Minor version of the library.
pub const COOKIEPREFS_VERSION_MINOR: u32 = 1;
/// Patch version of the library.
pub const COOKIEPREFS_VERSION_PATCH: u32 = 0;

/// The library version, e.g. `"0.1.0"` (static, NUL-terminated; do not free).
#[no_mangle]
pub extern "C" fn cookieprefs_version() -> *const c_char {
    concat!(env!("CARGO_PKG_VERSION"), "\0").as_ptr().cast()
}
