//! The version macros and format constants against Cargo.toml and the core.

use super::*;

#[test]
fn version_and_constants_match_cargo() {
    assert_eq!(cstr(cookieprefs_version()), env!("CARGO_PKG_VERSION"));
    assert_eq!(
        COOKIEPREFS_VERSION_MAJOR.to_string(),
        env!("CARGO_PKG_VERSION_MAJOR")
    );
    assert_eq!(
        COOKIEPREFS_VERSION_MINOR.to_string(),
        env!("CARGO_PKG_VERSION_MINOR")
    );
    assert_eq!(
        COOKIEPREFS_VERSION_PATCH.to_string(),
        env!("CARGO_PKG_VERSION_PATCH")
    );
    assert_eq!(COOKIEPREFS_FORMAT_VERSION, cookieprefs::FORMAT_VERSION);
    assert_eq!(COOKIEPREFS_MAX_ENCODED_LEN, cookieprefs::MAX_ENCODED_LEN);
}

#[test]
fn format_constants_match_the_core() {
    assert_eq!(COOKIEPREFS_MAX_REVISION, cookieprefs::MAX_REVISION);
    assert_eq!(COOKIEPREFS_MAX_CATEGORY_ID, cookieprefs::Category::MAX_ID);
}

#[test]
fn enum_arguments_are_the_core_codes() {
    use crate::enums::{consent_type_of, method_of, state_of};
    for code in 0..300u32 {
        assert_eq!(
            method_of(code).is_ok(),
            code <= cookieprefs_method::Imported as u32,
            "{code}"
        );
        assert_eq!(
            state_of(code).is_ok(),
            code <= cookieprefs_state::Granted as u32,
            "{code}"
        );
        assert_eq!(
            consent_type_of(code).is_ok(),
            code <= cookieprefs_consent_type::SecurityStorage as u32,
            "{code}"
        );
    }
    let m = method_of(2).unwrap();
    assert_eq!(m, cookieprefs::Method::BrowserSignal);
}
