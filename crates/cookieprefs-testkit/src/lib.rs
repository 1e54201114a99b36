//! Test code of cookieprefs, in one crate that cargo and readers can see
//! (not published):
//!
//! - [`reference`](mod@reference): a bit-by-bit reference decoder and a plain `Cookie:`
//!   header lookup, written from the spec and sharing no code with the crate;
//! - [`vectors`](mod@vectors): the generator of the shared test vectors in
//!   `tests/vectors/` (the `gen-vectors` binary writes or checks them), one
//!   module per vector file;
//! - [`fuzz`](mod@fuzz): the checks behind the cargo-fuzz targets in `fuzz/`, one
//!   module per target, which `tests/fuzz_regressions.rs` also runs on every
//!   file under `fuzz/regressions/<target>/`.
//!
//! With the `ffi` feature (default) it also drives the C ABI crate
//! (`fuzz::ffi`).

pub mod fuzz;
pub mod reference;
pub mod vectors;

use std::path::PathBuf;

/// The repository root (two levels above this crate).
pub fn repo_root() -> PathBuf {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    root.canonicalize().unwrap_or(root)
}
