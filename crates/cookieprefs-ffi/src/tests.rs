//! Tests of every C ABI function through its raw pointers (run under Miri by
//! `scripts/miri.sh`).

use std::ffi::CStr;
use std::ptr::{null, null_mut};

use super::*;

const TYPICAL: &[u8] = b"BAADCdcJ1w5Q";
const DAY: u16 = 2519; // 2026-11-24

fn cstr(p: *const c_char) -> &'static str {
    // SAFETY: the library returns static NUL-terminated strings.
    unsafe { CStr::from_ptr(p) }.to_str().unwrap()
}

fn decode(v: &[u8]) -> *mut cookieprefs_preferences {
    let mut p = null_mut();
    // SAFETY: valid slice and out-pointer.
    assert_eq!(
        unsafe { cookieprefs_preferences_decode(v.as_ptr(), v.len(), &mut p) },
        S::Ok
    );
    p
}

fn encode(p: *const cookieprefs_preferences) -> String {
    let mut buf = [0u8; COOKIEPREFS_MAX_ENCODED_LEN + 1];
    let mut n = 0;
    // SAFETY: valid handle and buffer.
    assert_eq!(
        unsafe { cookieprefs_preferences_encode(p, buf.as_mut_ptr(), buf.len(), &mut n) },
        S::Ok
    );
    assert_eq!(buf[n], 0, "NUL-terminated");
    String::from_utf8(buf[..n].to_vec()).unwrap()
}

fn policy(json: &str) -> *mut cookieprefs_policy {
    let mut p = null_mut();
    // SAFETY: valid slice and out-pointer.
    assert_eq!(
        unsafe { cookieprefs_policy_from_json(json.as_ptr(), json.len(), &mut p) },
        S::Ok
    );
    p
}

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
            }
        )*

        /// Every kind the core names has a test above, in declaration order.
        #[test]
        fn every_error_kind_has_a_status_test() {
            let kinds: Vec<&str> = [$($err),*].iter().map(Error::kind).collect();
            assert_eq!(kinds, Error::KINDS);
        }
    };
}

status_per_variant! {
    status_empty: Error::Empty => Empty = 1,
    status_too_long: Error::TooLong { len: 65, max: 64 } => TooLong = 2,
    status_invalid_character: Error::InvalidCharacter { offset: 0, byte: b'=' } => InvalidCharacter = 3,
    status_unsupported_version: Error::UnsupportedVersion { version: 2 } => UnsupportedVersion = 4,
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
}

#[test]
fn statuses_of_the_abi_itself() {
    for (code, name) in [
        (0, "ok"),
        (100, "null_argument"),
        (101, "invalid_utf8"),
        (102, "not_found"),
        (103, "panic"),
        (199, "other"),
        (-1, "unknown status"),
        (23, "unknown status"),
        (104, "unknown status"),
    ] {
        assert_eq!(cstr(cookieprefs_status_str(code)), name);
    }
}

#[test]
fn decode_read_every_field_and_encode_back() {
    let p = decode(TYPICAL);
    let (mut st, mut rev, mut c, mut u, mut m, mut slots, mut len) = (
        cookieprefs_state::NotAsked,
        0u16,
        0u16,
        0u16,
        cookieprefs_method::Imported,
        0u8,
        0usize,
    );
    // SAFETY: valid handle and out-pointers throughout.
    unsafe {
        assert_eq!(cookieprefs_preferences_state(p, 1, &mut st), S::Ok);
        assert_eq!(st, cookieprefs_state::Granted);
        assert_eq!(cookieprefs_preferences_state(p, 2, &mut st), S::Ok);
        assert_eq!(st, cookieprefs_state::Denied);
        assert_eq!(cookieprefs_preferences_state(p, 0, &mut st), S::Ok);
        assert_eq!(st, cookieprefs_state::Granted);
        assert_eq!(cookieprefs_preferences_state(p, 40, &mut st), S::Ok);
        assert_eq!(st, cookieprefs_state::NotAsked);
        assert_eq!(cookieprefs_preferences_state(p, 64, &mut st), S::InvalidCategory);
        assert_eq!(cookieprefs_preferences_revision(p, &mut rev), S::Ok);
        assert_eq!(cookieprefs_preferences_created_days(p, &mut c), S::Ok);
        assert_eq!(cookieprefs_preferences_updated_days(p, &mut u), S::Ok);
        assert_eq!(cookieprefs_preferences_method(p, &mut m), S::Ok);
        assert_eq!(cookieprefs_preferences_slot_count(p, &mut slots), S::Ok);
        assert_eq!(cookieprefs_preferences_encoded_len(p, &mut len), S::Ok);
        let mut id = [7u8; 16];
        let mut has = true;
        assert_eq!(
            cookieprefs_preferences_consent_id(p, id.as_mut_ptr(), &mut has),
            S::Ok
        );
        assert!(!has);
        assert_eq!(id, [7u8; 16], "untouched without an id");
    }
    assert_eq!(
        (rev, c, u, m, slots, len),
        (3, DAY, DAY, cookieprefs_method::Banner, 3, 12)
    );
    assert_eq!(encode(p), "BAADCdcJ1w5Q");
    // SAFETY: a live handle, freed once; NULL is a no-op.
    unsafe {
        cookieprefs_preferences_free(p);
        cookieprefs_preferences_free(null_mut());
    }
}

#[test]
fn decode_errors_are_statuses_and_out_is_untouched() {
    for (v, want) in [
        (&b""[..], S::Empty),
        (b"BAADCdcJ1w5Q=", S::InvalidCharacter),
        (b"CAADCdcJ1w5Q", S::UnsupportedVersion),
        (b"BAADCdcJ1w5", S::Truncated),
        (b"BAADCdcJ1w5QA", S::TrailingData),
        (b"BAADCdcJ1w5R", S::NonZeroPadding),
        (&[0xff, 0xfe][..], S::InvalidCharacter),
    ] {
        let mut sentinel = 0u8;
        let marker: *mut cookieprefs_preferences = (&mut sentinel as *mut u8).cast();
        let mut p = marker;
        // SAFETY: valid slice and out-pointer.
        assert_eq!(
            unsafe { cookieprefs_preferences_decode(v.as_ptr(), v.len(), &mut p) },
            want
        );
        assert_eq!(p, marker, "out written on failure");
    }
    let mut p = null_mut();
    // SAFETY: NULL arguments are checked.
    unsafe {
        assert_eq!(cookieprefs_preferences_decode(null(), 0, &mut p), S::Empty);
        assert_eq!(cookieprefs_preferences_decode(null(), 5, &mut p), S::NullArgument);
        assert_eq!(
            cookieprefs_preferences_decode(TYPICAL.as_ptr(), 12, null_mut()),
            S::NullArgument
        );
    }
}

#[test]
fn build_a_value_with_every_setter() {
    let mut p = null_mut();
    let id: [u8; 16] = *b"\x67\xe5\x50\x44\x10\xb1\x42\x6f\x92\x47\xbb\x68\x0e\x5f\xe0\xc8";
    // SAFETY: valid handle and arguments throughout.
    unsafe {
        assert_eq!(cookieprefs_preferences_new(DAY, &mut p), S::Ok);
        assert_eq!(cookieprefs_preferences_set_state(p, 1, 2), S::Ok);
        assert_eq!(cookieprefs_preferences_set_state(p, 2, 1), S::Ok);
        assert_eq!(cookieprefs_preferences_set_state(p, 3, 1), S::Ok);
        assert_eq!(cookieprefs_preferences_set_revision(p, 3), S::Ok);
        assert_eq!(encode(p), "BAADCdcJ1w5Q");

        // Refused changes leave the handle as it was.
        assert_eq!(cookieprefs_preferences_set_state(p, 0, 1), S::NecessaryNotStored);
        assert_eq!(cookieprefs_preferences_set_state(p, 64, 1), S::InvalidCategory);
        assert_eq!(cookieprefs_preferences_set_state(p, 1, 3), S::UnknownName);
        assert_eq!(
            cookieprefs_preferences_set_revision(p, 4096),
            S::RevisionOutOfRange
        );
        assert_eq!(
            cookieprefs_preferences_set_dates(p, DAY, DAY - 1),
            S::DatesOutOfOrder
        );
        assert_eq!(cookieprefs_preferences_set_method(p, 4), S::UnknownName);
        assert_eq!(encode(p), "BAADCdcJ1w5Q");

        assert_eq!(cookieprefs_preferences_set_dates(p, DAY - 30, DAY), S::Ok);
        assert_eq!(cookieprefs_preferences_set_method(p, 1), S::Ok);
        assert_eq!(cookieprefs_preferences_set_consent_id(p, id.as_ptr()), S::Ok);
        let mut got = [0u8; 16];
        let mut has = false;
        assert_eq!(
            cookieprefs_preferences_consent_id(p, got.as_mut_ptr(), &mut has),
            S::Ok
        );
        assert!(has);
        assert_eq!(got, id);
        assert_eq!(cookieprefs_preferences_set_consent_id(p, null()), S::Ok);
        assert_eq!(
            cookieprefs_preferences_consent_id(p, got.as_mut_ptr(), &mut has),
            S::Ok
        );
        assert!(!has);
        assert_eq!(
            cookieprefs_preferences_set_state(null_mut(), 1, 2),
            S::NullArgument
        );
        cookieprefs_preferences_free(p);
    }
}

#[test]
fn encode_into_short_buffers() {
    let p = decode(TYPICAL);
    let mut buf = [b'#'; 13];
    let mut n = 0;
    // SAFETY: valid handle; the buffers are as long as the caps passed.
    unsafe {
        assert_eq!(
            cookieprefs_preferences_encode(p, buf.as_mut_ptr(), 12, &mut n),
            S::BufferTooSmall
        );
        assert_eq!(n, 13, "capacity needed, NUL included");
        assert!(buf.iter().all(|&b| b == b'#'), "buffer untouched");
        assert_eq!(
            cookieprefs_preferences_encode(p, null_mut(), 0, &mut n),
            S::BufferTooSmall
        );
        assert_eq!(
            cookieprefs_preferences_encode(p, null_mut(), 13, &mut n),
            S::NullArgument
        );
        assert_eq!(
            cookieprefs_preferences_encode(p, buf.as_mut_ptr(), 13, null_mut()),
            S::NullArgument
        );
        assert_eq!(
            cookieprefs_preferences_encode(p, buf.as_mut_ptr(), 13, &mut n),
            S::Ok
        );
        assert_eq!(&buf[..13], b"BAADCdcJ1w5Q\0");
        cookieprefs_preferences_free(p);
    }
}

#[test]
fn fast_path_and_cookie_lookup() {
    let mut st = cookieprefs_state::NotAsked;
    let header = b"a={\"x\":1}; cookies_preferences=BAADCdcJ1w5Q; b=2";
    let (mut off, mut len) = (0usize, 0usize);
    // SAFETY: valid slices, strings and out-pointers.
    unsafe {
        assert_eq!(
            cookieprefs_value_category_state(TYPICAL.as_ptr(), 12, 1, &mut st),
            S::Ok
        );
        assert_eq!(st, cookieprefs_state::Granted);
        assert_eq!(
            cookieprefs_value_category_state(TYPICAL.as_ptr(), 12, 3, &mut st),
            S::Ok
        );
        assert_eq!(st, cookieprefs_state::Denied);
        assert_eq!(
            cookieprefs_value_category_state(TYPICAL.as_ptr(), 11, 1, &mut st),
            S::Truncated
        );
        assert_eq!(
            cookieprefs_value_category_state(TYPICAL.as_ptr(), 12, 99, &mut st),
            S::InvalidCategory
        );
        assert_eq!(
            cookieprefs_value_category_state(TYPICAL.as_ptr(), 12, 1, null_mut()),
            S::NullArgument
        );

        let name = c"cookies_preferences";
        assert_eq!(
            cookieprefs_cookie_find(header.as_ptr(), header.len(), name.as_ptr(), &mut off, &mut len),
            S::Ok
        );
        assert_eq!(&header[off..off + len], TYPICAL);
        assert_eq!(
            cookieprefs_cookie_find(
                header.as_ptr(),
                header.len(),
                c"nope".as_ptr(),
                &mut off,
                &mut len
            ),
            S::NotFound
        );
        assert_eq!(
            cookieprefs_cookie_find(header.as_ptr(), header.len(), null(), &mut off, &mut len),
            S::NullArgument
        );
        let bad = [0xffu8, 0];
        assert_eq!(
            cookieprefs_cookie_find(
                header.as_ptr(),
                header.len(),
                bad.as_ptr().cast(),
                &mut off,
                &mut len
            ),
            S::InvalidUtf8
        );
        assert_eq!(
            cookieprefs_cookie_find(null(), 0, name.as_ptr(), &mut off, &mut len),
            S::NotFound
        );
    }
}

#[test]
fn policy_evaluation_choice_and_headers() {
    let pol = policy(r#"{"revision": 3}"#);
    let header = b"sessionid=x; cookies_preferences=BAADCdcJ1w5Q";
    let mut ev = null_mut();
    let mut rev = 0u16;
    let mut banner = true;
    let mut reason = cookieprefs_banner_reason::NoChoice;
    let mut vs = S::Panic;
    let mut st = cookieprefs_state::NotAsked;
    let mut granted = false;
    let mut buf = [0u8; 256];
    let mut n = 0usize;
    // SAFETY: valid handles, slices, buffers and out-pointers throughout.
    unsafe {
        assert_eq!(cookieprefs_policy_revision(pol, &mut rev), S::Ok);
        assert_eq!(rev, 3);
        assert_eq!(
            cookieprefs_policy_evaluate_header(pol, header.as_ptr(), header.len(), DAY, false, &mut ev),
            S::Ok
        );
        assert_eq!(cookieprefs_evaluation_needs_banner(ev, &mut banner), S::Ok);
        assert!(!banner);
        assert_eq!(cookieprefs_evaluation_banner_reason(ev, &mut reason), S::Ok);
        assert_eq!(reason, cookieprefs_banner_reason::None);
        assert_eq!(cookieprefs_evaluation_value_status(ev, &mut vs), S::Ok);
        assert_eq!(vs, S::Ok);
        assert_eq!(cookieprefs_evaluation_state(ev, 1, &mut st), S::Ok);
        assert_eq!(st, cookieprefs_state::Granted);
        assert_eq!(cookieprefs_evaluation_consent_mode(ev, 3, &mut granted), S::Ok);
        assert!(granted, "analytics_storage");
        assert_eq!(cookieprefs_evaluation_consent_mode(ev, 0, &mut granted), S::Ok);
        assert!(!granted, "ad_storage");
        assert_eq!(
            cookieprefs_evaluation_consent_mode(ev, 7, &mut granted),
            S::UnknownName
        );
        assert_eq!(
            cookieprefs_evaluation_consent_mode_json(ev, buf.as_mut_ptr(), buf.len(), &mut n),
            S::Ok
        );
        assert!(std::str::from_utf8(&buf[..n])
            .unwrap()
            .contains("\"analytics_storage\":\"granted\""));
        assert_eq!(
            cookieprefs_evaluation_set_cookie_header(ev, buf.as_mut_ptr(), buf.len(), &mut n),
            S::Ok
        );
        assert_eq!(
            std::str::from_utf8(&buf[..n]).unwrap(),
            "cookies_preferences=BAADCdcJ1w5Q; Max-Age=15811200; Path=/; SameSite=Lax; Secure"
        );
        let mut stored = null_mut();
        assert_eq!(cookieprefs_evaluation_stored(ev, &mut stored), S::Ok);
        assert_eq!(encode(stored), "BAADCdcJ1w5Q");
        cookieprefs_preferences_free(stored);
        cookieprefs_evaluation_free(ev);

        // A mangled cookie with GPC: fails closed, GPC refuses third_party.
        let bad = b"cookies_preferences=BAADCdcJ1w5Q=";
        assert_eq!(
            cookieprefs_policy_evaluate_header(pol, bad.as_ptr(), bad.len(), DAY, true, &mut ev),
            S::Ok
        );
        assert_eq!(cookieprefs_evaluation_banner_reason(ev, &mut reason), S::Ok);
        assert_eq!(reason, cookieprefs_banner_reason::InvalidValue);
        assert_eq!(cookieprefs_evaluation_value_status(ev, &mut vs), S::Ok);
        assert_eq!(vs, S::InvalidCharacter);
        assert_eq!(cookieprefs_evaluation_state(ev, 3, &mut st), S::Ok);
        assert_eq!(st, cookieprefs_state::Denied);
        let mut stored = null_mut();
        assert_eq!(cookieprefs_evaluation_stored(ev, &mut stored), S::NotFound);
        assert_eq!(
            cookieprefs_evaluation_set_cookie_header(ev, buf.as_mut_ptr(), buf.len(), &mut n),
            S::NotFound
        );

        // The visitor accepts statistics only.
        let ids = [1u8];
        let mut prefs = null_mut();
        assert_eq!(
            cookieprefs_evaluation_choose(ev, ids.as_ptr(), 1, 0, &mut prefs),
            S::Ok
        );
        assert_eq!(encode(prefs), "BAADCdcJ1w5Q");
        assert_eq!(
            cookieprefs_policy_set_cookie_header(pol, prefs, DAY, null_mut(), 0, &mut n),
            S::BufferTooSmall
        );
        let want = "cookies_preferences=BAADCdcJ1w5Q; Max-Age=15811200; Path=/; SameSite=Lax; Secure";
        assert_eq!(n, want.len() + 1, "capacity needed, NUL included");
        assert_eq!(
            cookieprefs_policy_set_cookie_header(pol, prefs, DAY, buf.as_mut_ptr(), n, &mut n),
            S::Ok
        );
        assert_eq!(&buf[..=n], format!("{want}\0").as_bytes());
        assert_eq!(
            cookieprefs_evaluation_choose(ev, [0u8].as_ptr(), 1, 0, &mut prefs),
            S::NecessaryNotStored
        );
        assert_eq!(
            cookieprefs_evaluation_choose(ev, [16u8].as_ptr(), 1, 0, &mut prefs),
            S::UnknownCategory
        );
        assert_eq!(
            cookieprefs_evaluation_choose(ev, null(), 0, 9, &mut prefs),
            S::UnknownName
        );
        cookieprefs_preferences_free(prefs);
        assert_eq!(
            cookieprefs_policy_delete_cookie_header(pol, buf.as_mut_ptr(), buf.len(), &mut n),
            S::Ok
        );
        assert_eq!(
            std::str::from_utf8(&buf[..n]).unwrap(),
            "cookies_preferences=; Max-Age=0; Path=/; SameSite=Lax; Secure"
        );
        cookieprefs_evaluation_free(ev);

        // No cookie at all, as a value (NULL) and as a header (NULL).
        assert_eq!(
            cookieprefs_policy_evaluate_value(pol, null(), 0, DAY, false, &mut ev),
            S::Ok
        );
        assert_eq!(cookieprefs_evaluation_banner_reason(ev, &mut reason), S::Ok);
        assert_eq!(reason, cookieprefs_banner_reason::NoChoice);
        cookieprefs_evaluation_free(ev);
        assert_eq!(
            cookieprefs_policy_evaluate_value(pol, b"".as_ptr(), 0, DAY, false, &mut ev),
            S::Ok
        );
        assert_eq!(cookieprefs_evaluation_value_status(ev, &mut vs), S::Ok);
        assert_eq!(vs, S::Empty);
        cookieprefs_evaluation_free(ev);
        assert_eq!(
            cookieprefs_policy_evaluate_header(pol, null(), 0, DAY, false, &mut ev),
            S::Ok
        );
        cookieprefs_evaluation_free(ev);
        assert_eq!(
            cookieprefs_policy_evaluate_header(null(), null(), 0, DAY, false, &mut ev),
            S::NullArgument
        );
        assert_eq!(
            cookieprefs_evaluation_needs_banner(null(), &mut banner),
            S::NullArgument
        );
        cookieprefs_policy_free(pol);
        cookieprefs_policy_free(null_mut());
        cookieprefs_evaluation_free(null_mut());
    }
}

#[test]
fn policy_errors() {
    let mut p = null_mut();
    // SAFETY: valid slices and out-pointers.
    unsafe {
        let j = br#"{"revision": 1, "max_age_days": {"granted": 400, "denied": 10}}"#;
        assert_eq!(
            cookieprefs_policy_from_json(j.as_ptr(), j.len(), &mut p),
            S::InvalidPolicy
        );
        let j = b"{not json";
        assert_eq!(
            cookieprefs_policy_from_json(j.as_ptr(), j.len(), &mut p),
            S::InvalidPolicy
        );
        let j = br#"{"revision": 9999}"#;
        assert_eq!(
            cookieprefs_policy_from_json(j.as_ptr(), j.len(), &mut p),
            S::RevisionOutOfRange
        );
        let j = b"{\"revision\": \xff}";
        assert_eq!(
            cookieprefs_policy_from_json(j.as_ptr(), j.len(), &mut p),
            S::InvalidUtf8
        );
        assert!(p.is_null());
        assert_eq!(cookieprefs_policy_default(&mut p), S::Ok);
        cookieprefs_policy_free(p);
        assert_eq!(cookieprefs_policy_default(null_mut()), S::NullArgument);
    }
}

#[test]
fn dates() {
    let mut d = 0u16;
    // SAFETY: valid out-pointer, then NULL.
    unsafe {
        assert_eq!(cookieprefs_date_from_ymd(2026, 11, 24, &mut d), S::Ok);
        assert_eq!(d, DAY);
        assert_eq!(cookieprefs_date_from_ymd(2026, 2, 30, &mut d), S::InvalidDate);
        assert_eq!(cookieprefs_date_from_ymd(2019, 12, 31, &mut d), S::DateOutOfRange);
        assert_eq!(cookieprefs_date_from_ymd(2026, 1, 1, null_mut()), S::NullArgument);
    }
    // Miri's isolation has no real-time clock.
    if !cfg!(miri) {
        assert!(cookieprefs_today() >= DAY);
    }
}

#[test]
fn panics_become_a_status() {
    assert_eq!(guard(|| panic!("boom")), S::Panic);
}

#[test]
fn date_to_ymd() {
    let (mut y, mut m, mut d) = (0i32, 0u32, 0u32);
    // SAFETY: valid out-pointers, then NULLs.
    unsafe {
        assert_eq!(cookieprefs_date_to_ymd(DAY, &mut y, &mut m, &mut d), S::Ok);
        assert_eq!((y, m, d), (2026, 11, 24));
        assert_eq!(cookieprefs_date_to_ymd(0, &mut y, &mut m, &mut d), S::Ok);
        assert_eq!((y, m, d), (2020, 1, 1));
        assert_eq!(cookieprefs_date_to_ymd(u16::MAX, &mut y, &mut m, &mut d), S::Ok);
        assert_eq!((y, m, d), (2199, 6, 6));
        y = -7;
        assert_eq!(
            cookieprefs_date_to_ymd(DAY, &mut y, &mut m, null_mut()),
            S::NullArgument
        );
        assert_eq!(
            cookieprefs_date_to_ymd(DAY, null_mut(), &mut m, &mut d),
            S::NullArgument
        );
        assert_eq!(
            cookieprefs_date_to_ymd(DAY, &mut y, null_mut(), &mut d),
            S::NullArgument
        );
        assert_eq!(y, -7, "out-params untouched on error");
    }
}

#[test]
fn header_fast_path() {
    let name = c"cookies_preferences";
    let header = b"a={\"x\":1}; cookies_preferences=BAADCdcJ1w5Q; b=2";
    let mut st = cookieprefs_state::NotAsked;
    // SAFETY: valid slices, strings and out-pointers (NULL where tested).
    unsafe {
        let f = |h: &[u8], id: u8, st: &mut cookieprefs_state| {
            cookieprefs_header_category_state(h.as_ptr(), h.len(), name.as_ptr(), id, st)
        };
        assert_eq!(f(header, 1, &mut st), S::Ok);
        assert_eq!(st, cookieprefs_state::Granted);
        assert_eq!(f(header, 2, &mut st), S::Ok);
        assert_eq!(st, cookieprefs_state::Denied);
        assert_eq!(f(header, 0, &mut st), S::Ok);
        assert_eq!(st, cookieprefs_state::Granted);
        assert_eq!(f(header, 40, &mut st), S::Ok);
        assert_eq!(st, cookieprefs_state::NotAsked);
        st = cookieprefs_state::Granted;
        assert_eq!(f(b"a=1; b=2", 1, &mut st), S::NotFound);
        assert_eq!(f(b"cookies_preferences=BAADCdcJ1w5", 1, &mut st), S::Truncated);
        assert_eq!(f(b"cookies_preferences=", 1, &mut st), S::Empty);
        assert_eq!(f(header, 64, &mut st), S::InvalidCategory);
        assert_eq!(st, cookieprefs_state::Granted, "out untouched on error");
        assert_eq!(
            cookieprefs_header_category_state(null(), 0, name.as_ptr(), 1, &mut st),
            S::NotFound
        );
        assert_eq!(
            cookieprefs_header_category_state(null(), 5, name.as_ptr(), 1, &mut st),
            S::NullArgument
        );
        assert_eq!(
            cookieprefs_header_category_state(header.as_ptr(), header.len(), null(), 1, &mut st),
            S::NullArgument
        );
        assert_eq!(
            cookieprefs_header_category_state(header.as_ptr(), header.len(), name.as_ptr(), 1, null_mut()),
            S::NullArgument
        );
        assert_eq!(
            cookieprefs_header_category_state(
                header.as_ptr(),
                header.len(),
                [0xffu8, 0].as_ptr().cast(),
                1,
                &mut st
            ),
            S::InvalidUtf8
        );
    }
}

#[test]
fn policy_names_allowed_and_gpc() {
    let pol = policy(
        r#"{"revision": 3, "categories": [{"id": 1, "name": "statistics"}, {"id": 3, "name": "third_party"}, {"id": 16, "name": "youtube"}]}"#,
    );
    let mut id = 99u8;
    let mut ev = null_mut();
    let mut b = false;
    // SAFETY: valid handles, strings and out-pointers (NULL where tested).
    unsafe {
        for (name, want) in [
            (c"youtube", 16),
            (c"statistics", 1),
            (c"necessary", 0),
            (c"16", 16),
        ] {
            assert_eq!(cookieprefs_policy_category_id(pol, name.as_ptr(), &mut id), S::Ok);
            assert_eq!(id, want, "{name:?}");
        }
        id = 99;
        for name in [c"first_party", c"matomo", c"17", c""] {
            assert_eq!(
                cookieprefs_policy_category_id(pol, name.as_ptr(), &mut id),
                S::UnknownCategory,
                "{name:?}"
            );
        }
        assert_eq!(id, 99, "out untouched on error");
        assert_eq!(
            cookieprefs_policy_category_id(pol, [0xffu8, 0].as_ptr().cast(), &mut id),
            S::InvalidUtf8
        );
        assert_eq!(
            cookieprefs_policy_category_id(null(), c"x".as_ptr(), &mut id),
            S::NullArgument
        );
        assert_eq!(
            cookieprefs_policy_category_id(pol, null(), &mut id),
            S::NullArgument
        );
        assert_eq!(
            cookieprefs_policy_category_id(pol, c"x".as_ptr(), null_mut()),
            S::NullArgument
        );

        // No cookie, GPC on: third_party denied by the signal, nothing allowed but necessary.
        assert_eq!(
            cookieprefs_policy_evaluate_value(pol, null(), 0, DAY, true, &mut ev),
            S::Ok
        );
        assert_eq!(cookieprefs_evaluation_gpc_applied(ev, &mut b), S::Ok);
        assert!(b);
        for (cat, want) in [(0, true), (1, false), (3, false), (16, false)] {
            assert_eq!(cookieprefs_evaluation_allowed(ev, cat, &mut b), S::Ok);
            assert_eq!(b, want, "category {cat}");
        }
        assert_eq!(cookieprefs_evaluation_allowed(ev, 64, &mut b), S::InvalidCategory);
        assert_eq!(cookieprefs_evaluation_allowed(ev, 1, null_mut()), S::NullArgument);
        assert_eq!(cookieprefs_evaluation_allowed(null(), 1, &mut b), S::NullArgument);
        assert_eq!(
            cookieprefs_evaluation_gpc_applied(ev, null_mut()),
            S::NullArgument
        );
        assert_eq!(
            cookieprefs_evaluation_gpc_applied(null(), &mut b),
            S::NullArgument
        );
        cookieprefs_evaluation_free(ev);

        // A stored choice wins over GPC: statistics allowed, GPC not applied.
        let v = b"BAADCdcJ1w5Q";
        assert_eq!(
            cookieprefs_policy_evaluate_value(pol, v.as_ptr(), v.len(), DAY, true, &mut ev),
            S::Ok
        );
        assert_eq!(cookieprefs_evaluation_gpc_applied(ev, &mut b), S::Ok);
        assert!(!b);
        assert_eq!(cookieprefs_evaluation_allowed(ev, 1, &mut b), S::Ok);
        assert!(b);
        assert_eq!(cookieprefs_evaluation_allowed(ev, 3, &mut b), S::Ok);
        assert!(!b);
        cookieprefs_evaluation_free(ev);
        cookieprefs_policy_free(pol);
    }
}

/// docs/C_API.md promises that handles may be used from several threads
/// (read-only, or moved): that holds only while the types are Send + Sync.
#[test]
fn handles_are_send_and_sync() {
    fn send_sync<T: Send + Sync>() {}
    send_sync::<cookieprefs_preferences>();
    send_sync::<cookieprefs_policy>();
    send_sync::<cookieprefs_evaluation>();
}
