//! The C ABI driven from Rust with arbitrary inputs, NULLs and buffer sizes:
//! documented statuses only, out-parameters written only on success, no UB.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| cookieprefs_testkit::fuzz::ffi::check(data));
