//! Hostile foreign consent cookies and headers through the importers: no
//! panic, bounded work, every import a canonical value.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| cookieprefs_testkit::fuzz::import::check(data));
