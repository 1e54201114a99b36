//! The C ABI driven from Rust with arbitrary inputs, NULLs and buffer sizes:
//! every exported function, documented statuses only, fail-closed
//! out-parameters on every error, no UB.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| cookieprefs_testkit::fuzz::ffi::check(data));
