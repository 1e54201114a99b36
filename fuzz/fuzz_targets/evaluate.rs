//! Arbitrary valid policy, value, date and GPC signal: evaluation keeps every rule.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| cookieprefs_testkit::fuzz::evaluate::check(data));
