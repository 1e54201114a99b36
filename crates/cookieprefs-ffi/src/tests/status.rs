//! Statuses: one test per core error variant, the names, the ABI's own codes.

use super::*;

/// A status's Rust name in snake_case (cbindgen makes it the C enumerator,
/// `COOKIEPREFS_STATUS_` + SCREAMING_SNAKE).
fn snake(s: cookieprefs_status) -> String {
    let mut out = String::new();
    for c in format!("{s:?}").chars() {
        if c.is_ascii_uppercase() && !out.is_empty() {
            out.push('_');
        }
        out.push(c.to_ascii_lowercase());
    }
    out
}

/// One test per core error variant: `status_of` gives the status with the
/// stable code, and `cookieprefs_status_str` gives the variant's kind name.
macro_rules! status_per_variant {
    ($($test:ident: $err:expr => $status:ident = $code:literal,)*) => {
        $(
            #[test]
            fn $test() {
                let e: Error = $err;
                let s = status_of(&e);
                assert_eq!(s, S::$status);
                assert_eq!(s as i32, $code, "codes are stable");
                assert_eq!(cstr(cookieprefs_status_str(s as i32)), e.kind());
                assert_eq!(snake(s), e.kind(), "the C enumerator is named for the kind");
            }
        )*

        /// Every kind the core names has a test above, in declaration order,
        /// and the status of the same name with code = its place + 1.
        #[test]
        fn every_error_kind_has_a_status_of_the_same_name() {
            let errors = [$($err),*];
            let kinds: Vec<&str> = errors.iter().map(Error::kind).collect();
            assert_eq!(kinds, Error::KINDS);
            for (i, e) in errors.iter().enumerate() {
                let s = status_of(e);
                assert_eq!(s as usize, i + 1, "{e:?}");
                assert_eq!(snake(s), Error::KINDS[i]);
            }
        }
    };
}

status_per_variant! {
    status_empty: Error::Empty => Empty = 1,
    status_too_long: Error::TooLong { len: 65, max: 64 } => TooLong = 2,
    status_invalid_character: Error::InvalidCharacter { offset: 0, byte: b'=', hint: cookieprefs::InputHint::None } => InvalidCharacter = 3,
    status_unsupported_version: Error::UnsupportedVersion { version: 2, hint: cookieprefs::InputHint::None } => UnsupportedVersion = 4,
    status_truncated: Error::Truncated { len: 1, expected: 11 } => Truncated = 5,
    status_trailing_data: Error::TrailingData { len: 13, expected: 12 } => TrailingData = 6,
    status_reserved_bits: Error::ReservedBits { bits: 1 } => ReservedBits = 7,
    status_non_zero_padding: Error::NonZeroPadding { offset: 11 } => NonZeroPadding = 8,
    status_invalid_state: Error::InvalidState { category: 1 } => InvalidState = 9,
    status_non_minimal_slots: Error::NonMinimalSlots { count: 1 } => NonMinimalSlots = 10,
    status_dates_out_of_order: Error::DatesOutOfOrder { created: Date::EPOCH, updated: Date::EPOCH } => DatesOutOfOrder = 11,
    status_date_in_future: Error::DateInFuture { date: Date::EPOCH, today: Date::EPOCH } => DateInFuture = 12,
    status_buffer_too_small: Error::BufferTooSmall { needed: 12, len: 0 } => BufferTooSmall = 13,
    status_invalid_category: Error::InvalidCategory { id: 64 } => InvalidCategory = 14,
    status_unknown_category: Error::UnknownCategory { name: "x".into() } => UnknownCategory = 15,
    status_necessary_not_stored: Error::NecessaryNotStored => NecessaryNotStored = 16,
    status_revision_out_of_range: Error::RevisionOutOfRange { revision: 5000 } => RevisionOutOfRange = 17,
    status_date_out_of_range: Error::DateOutOfRange { year: 2019, month: 1, day: 1 } => DateOutOfRange = 18,
    status_invalid_date: Error::InvalidDate { text: "x".into() } => InvalidDate = 19,
    status_invalid_consent_id: Error::InvalidConsentId { text: "x".into() } => InvalidConsentId = 20,
    status_unknown_name: Error::UnknownName { what: "state", name: "x".into() } => UnknownName = 21,
    status_invalid_policy: Error::InvalidPolicy { reason: "x".into() } => InvalidPolicy = 22,
    status_category_not_offered: Error::CategoryNotOffered { name: "youtube".into() } => CategoryNotOffered = 23,
    status_invalid_json: Error::InvalidJson { path: "revision".into(), reason: "x".into() } => InvalidJson = 24,
    status_revision_in_future: Error::RevisionInFuture { revision: 4, current: 3 } => RevisionInFuture = 25,
}

#[test]
fn statuses_of_the_abi_itself() {
    for (code, name) in [
        (0, "ok"),
        (100, "null_argument"),
        (101, "invalid_utf8"),
        (102, "not_found"),
        (103, "panic"),
        (104, "length_too_large"),
        (199, "other"),
        (-1, "unknown status"),
        (26, "unknown status"),
        (105, "unknown status"),
    ] {
        assert_eq!(cstr(cookieprefs_status_str(code)), name);
    }
}

#[test]
fn status_names_are_static_and_nul_terminated() {
    for code in -1..=200 {
        let p = cookieprefs_status_str(code);
        assert_eq!(
            p,
            cookieprefs_status_str(code),
            "the same static string each time"
        );
        assert!(!cstr(p).is_empty());
    }
}
