//! The crate's decoder against the bit-by-bit reference decoder: same value or same error.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| cookieprefs_testkit::fuzz::differential::check(data));
