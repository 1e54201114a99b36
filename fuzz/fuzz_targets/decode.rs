//! Any bytes: decode returns a value or a value error, never panics.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| cookieprefs_testkit::fuzz::decode::check(data));
