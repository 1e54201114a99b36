//! Shared code of the fuzz targets. The checks themselves live in
//! `checks.rs`, which the core crate's tests also include, so that every
//! minimized crash under `fuzz/regressions/` is replayed by `cargo test`.

#[path = "../../crates/cookieprefs/tests/reference/mod.rs"]
pub mod reference;

pub mod checks;

#[cfg(feature = "ffi")]
pub mod ffi;
