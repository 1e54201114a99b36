//! Arbitrary Cookie: headers and names: find_cookie agrees with a reference parser.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| cookieprefs_testkit::fuzz::cookie_header::check(data));
