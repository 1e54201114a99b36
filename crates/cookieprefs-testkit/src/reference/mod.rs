//! Reference implementations, written from the spec (`docs/FORMAT.md`) the
//! plain way and sharing no code with the crate, so that the crate's
//! optimized code can be checked against them on every input.

pub mod cookie_header;
pub mod decoder;

pub use cookie_header::find_cookie;
pub use decoder::{decode, RefError, RefValue, MAX_LEN};
