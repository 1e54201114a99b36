//! Accepted strings re-encode to themselves; values built from arbitrary fields encode and decode back.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| cookieprefs_testkit::fuzz::roundtrip::check(data));
