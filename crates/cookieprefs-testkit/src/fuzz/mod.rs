//! The checks behind the fuzz targets, one module per target, each with a
//! `check` function taking the raw fuzz input and panicking when a property
//! fails.
//!
//! The cargo-fuzz targets in `fuzz/fuzz_targets/` call these, and the
//! testkit's `tests/fuzz_regressions.rs` replays every file under
//! `fuzz/regressions/<target>/` through them in a plain `cargo test`.
//!
//! Structured inputs are read with [`Input`] rather than the `arbitrary`
//! crate, so that the same bytes mean the same input in both places.

use cookieprefs::Category;

pub mod cookie_header;
pub mod decode;
pub mod differential;
pub mod evaluate;
#[cfg(feature = "ffi")]
pub mod ffi;
pub mod import;
pub mod input;
pub mod json;
pub mod roundtrip;

pub use input::Input;

/// A fuzz target and its check.
pub struct Target {
    /// The cargo-fuzz target name (and `fuzz/regressions/<name>/`).
    pub name: &'static str,
    /// The check.
    pub check: fn(&[u8]),
    /// The `-max_len` the scripts give libFuzzer.
    pub max_len: usize,
}

/// Every fuzz target (`ffi` only with the `ffi` feature).
pub const TARGETS: &[Target] = &[
    Target {
        name: "decode",
        check: decode::check,
        max_len: 96,
    },
    Target {
        name: "roundtrip",
        check: roundtrip::check,
        max_len: 256,
    },
    Target {
        name: "evaluate",
        check: evaluate::check,
        max_len: 256,
    },
    Target {
        name: "cookie_header",
        check: cookie_header::check,
        max_len: 1024,
    },
    Target {
        name: "differential",
        check: differential::check,
        max_len: 96,
    },
    Target {
        name: "json",
        check: json::check,
        max_len: 4096,
    },
    Target {
        name: "import",
        check: import::check,
        max_len: 4200,
    },
    #[cfg(feature = "ffi")]
    Target {
        name: "ffi",
        check: ffi::check,
        max_len: 512,
    },
];

/// The target named `name`.
pub fn target(name: &str) -> Option<&'static Target> {
    TARGETS.iter().find(|t| t.name == name)
}

/// The category `id % 64` (every byte names a category).
pub(crate) fn category(id: u8) -> Category {
    Category::new(id % 64).expect("ids below 64 are valid")
}
