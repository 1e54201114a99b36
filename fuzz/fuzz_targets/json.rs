//! Hostile policy files and preference JSON: no panic, accepted documents round-trip.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| cookieprefs_testkit::fuzz::json::check(data));
