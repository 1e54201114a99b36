//! `cookieprefs_error`: the `_ex` functions and `cookieprefs_error_message`.

use super::*;
use crate::boundary::Fail;

/// A zeroed detail with a marker, to see that calls write it.
fn blank() -> cookieprefs_error {
    cookieprefs_error {
        status: S::Panic,
        offset: 7,
        a: 7,
        b: 7,
        c: 7,
        message: [b'#' as c_char; COOKIEPREFS_ERROR_MESSAGE_CAP],
    }
}

fn message(err: &cookieprefs_error) -> String {
    let mut buf = [0 as c_char; COOKIEPREFS_ERROR_MESSAGE_CAP];
    let mut n = 0;
    // SAFETY: a valid detail, buffer and out-pointer.
    assert_eq!(
        unsafe { cookieprefs_error_message(err, buf.as_mut_ptr(), buf.len(), &mut n) },
        S::Ok
    );
    let bytes: Vec<u8> = buf[..n].iter().map(|&c| c as u8).collect();
    assert_eq!(buf[n], 0, "NUL-terminated");
    String::from_utf8(bytes).unwrap()
}

#[test]
fn decode_ex_gives_kind_offset_numbers_and_the_core_message() {
    let v = b"BAADCdcJ1w5Q=";
    let mut p = null_mut();
    let mut err = blank();
    // SAFETY: valid slice and out-pointers.
    let s = unsafe { cookieprefs_preferences_decode_ex(v.as_ptr(), v.len(), &mut p, &mut err) };
    assert_eq!(s, S::InvalidCharacter);
    assert!(p.is_null(), "out untouched on error");
    assert_eq!((err.status, err.offset, err.a, err.b, err.c), (s, 12, 0x3d, 0, 0));
    let want = "invalid character '=' (0x3d) at offset 12: only A-Z a-z 0-9 - _ are allowed; values have no = padding: remove it";
    assert_eq!(message(&err), want);
    assert_eq!(cookieprefs::decode(v).unwrap_err().to_string(), want);

    // Success writes an empty detail; a NULL detail is allowed.
    let mut err = blank();
    // SAFETY: valid slice and out-pointers; NULL detail allowed.
    unsafe {
        assert_eq!(
            cookieprefs_preferences_decode_ex(TYPICAL.as_ptr(), TYPICAL.len(), &mut p, &mut err),
            S::Ok
        );
        cookieprefs_preferences_free(p);
        assert_eq!(
            cookieprefs_preferences_decode_ex(v.as_ptr(), v.len(), &mut p, null_mut()),
            S::InvalidCharacter
        );
    }
    assert_eq!((err.status, err.offset, err.a), (S::Ok, -1, 0));
    assert_eq!(message(&err), "");
}

#[test]
fn abi_failures_have_a_detail_too() {
    let mut p = null_mut();
    let mut err = blank();
    // SAFETY: NULL with a length is checked, not read.
    let s = unsafe { cookieprefs_preferences_decode_ex(null(), 5, &mut p, &mut err) };
    assert_eq!(
        (s, err.status, err.offset),
        (S::NullArgument, S::NullArgument, -1)
    );
    assert_eq!(message(&err), "a required pointer argument is NULL");
}

#[test]
fn policy_from_json_ex_gives_the_rule() {
    let json = r#"{"revision": 1, "categories": [{"id": 16, "name": "Bad"}]}"#;
    let want = Policy::from_json(json).unwrap_err();
    let mut p = null_mut();
    let mut err = blank();
    // SAFETY: valid slice and out-pointers.
    let s = unsafe { cookieprefs_policy_from_json_ex(json.as_ptr(), json.len(), &mut p, &mut err) };
    assert_eq!(s, S::InvalidPolicy);
    assert!(p.is_null());
    assert_eq!(message(&err), want.to_string());
    assert!(
        message(&err).starts_with(r#"invalid policy: categories: name "Bad""#),
        "{}",
        message(&err)
    );
}

#[test]
fn setters_and_choose_ex_explain_a_refusal() {
    let mut p = null_mut();
    let mut err = blank();
    // SAFETY: valid handles and out-pointers throughout.
    unsafe {
        assert_eq!(cookieprefs_preferences_new(DAY, &mut p), S::Ok);
        assert_eq!(
            cookieprefs_preferences_set_revision_ex(p, 4096, &mut err),
            S::RevisionOutOfRange
        );
        assert_eq!(err.a, 4096);
        assert_eq!(message(&err), "revision 4096 out of range 0..=4095");
        assert_eq!(
            cookieprefs_preferences_set_dates_ex(p, DAY, DAY - 1, &mut err),
            S::DatesOutOfOrder
        );
        assert_eq!((err.a, err.b), (i64::from(DAY), i64::from(DAY - 1)));
        assert_eq!(
            cookieprefs_preferences_set_method_ex(p, 9, &mut err),
            S::UnknownName
        );
        assert_eq!(
            message(&err),
            r#"unknown method "9"; expected banner, preferences_page, browser_signal or imported"#
        );
        assert_eq!(
            cookieprefs_preferences_set_state_ex(p, 1, 3, &mut err),
            S::UnknownName
        );
        assert_eq!(
            message(&err),
            r#"unknown state "3"; expected not_asked, denied or granted"#
        );
        assert_eq!(
            cookieprefs_preferences_set_state_ex(p, 64, 1, &mut err),
            S::InvalidCategory
        );
        assert_eq!(
            (err.a, message(&err).as_str()),
            (64, "category id 64 out of range 0..=63")
        );
        assert_eq!(cookieprefs_preferences_set_state_ex(p, 1, 2, &mut err), S::Ok);
        assert_eq!(err.status, S::Ok);
        cookieprefs_preferences_free(p);

        let pol = policy(r#"{"revision": 3}"#);
        let mut ev = null_mut();
        assert_eq!(
            cookieprefs_policy_evaluate_value(pol, null(), 0, DAY, 0, &mut ev),
            S::Ok
        );
        let mut choice = null_mut();
        assert_eq!(
            cookieprefs_evaluation_choose_ex(ev, [16u8].as_ptr(), 1, 0, &mut choice, &mut err),
            S::CategoryNotOffered
        );
        assert!(choice.is_null());
        assert_eq!(
            cstr(cookieprefs_status_str(err.status as i32)),
            "category_not_offered"
        );
        assert!(
            message(&err).contains("is not offered by the policy"),
            "{}",
            message(&err)
        );
        cookieprefs_evaluation_free(ev);
        cookieprefs_policy_free(pol);
    }
}

#[test]
fn value_error_of_an_evaluation() {
    let pol = policy(r#"{"revision": 3}"#);
    let mut ev = null_mut();
    let mut err = blank();
    // SAFETY: valid handles and out-pointers.
    unsafe {
        let v = b"BAADCdcJ1w5";
        assert_eq!(
            cookieprefs_policy_evaluate_value(pol, v.as_ptr(), v.len(), DAY, 0, &mut ev),
            S::Ok
        );
        assert_eq!(cookieprefs_evaluation_value_error(ev, &mut err), S::Ok);
        assert_eq!((err.status, err.a, err.b), (S::Truncated, 11, 12));
        assert_eq!(message(&err), cookieprefs::decode(v).unwrap_err().to_string());
        assert_eq!(
            cookieprefs_evaluation_value_error(ev, null_mut()),
            S::NullArgument
        );
        cookieprefs_evaluation_free(ev);
        assert_eq!(
            cookieprefs_policy_evaluate_value(pol, TYPICAL.as_ptr(), 12, DAY, 0, &mut ev),
            S::Ok
        );
        assert_eq!(cookieprefs_evaluation_value_error(ev, &mut err), S::Ok);
        assert_eq!(err.status, S::Ok);
        cookieprefs_evaluation_free(ev);
        cookieprefs_policy_free(pol);
    }
}

#[test]
fn error_message_into_short_buffers() {
    let mut err = blank();
    let mut p = null_mut();
    // SAFETY: valid pointers; the buffers are as long as the caps passed.
    unsafe {
        assert_eq!(
            cookieprefs_preferences_decode_ex(b"".as_ptr(), 0, &mut p, &mut err),
            S::Empty
        );
        let mut buf = [b'#' as c_char; 11];
        let mut n = 0;
        assert_eq!(
            cookieprefs_error_message(&err, buf.as_mut_ptr(), 11, &mut n),
            S::BufferTooSmall
        );
        assert_eq!(n, "empty value".len() + 1);
        assert_eq!(buf[0], 0, "an empty string");
        assert!(
            buf[1..].iter().all(|&c| c == b'#' as c_char),
            "the rest untouched"
        );
        assert_eq!(
            cookieprefs_error_message(null(), buf.as_mut_ptr(), 11, &mut n),
            S::NullArgument
        );
        assert_eq!(
            cookieprefs_error_message(&err, buf.as_mut_ptr(), 11, null_mut()),
            S::NullArgument
        );
    }
}

/// The detail of every variant: the core's message, and its numbers.
#[test]
fn every_variant_gives_its_message_and_numbers() {
    let d = |days| Date::from_days_since_epoch(days);
    for (e, offset, numbers) in [
        (Error::Empty, -1, [0, 0, 0]),
        (Error::TooLong { len: 65, max: 64 }, -1, [65, 64, 0]),
        (
            Error::InvalidCharacter {
                offset: 3,
                byte: b'=',
                hint: cookieprefs::InputHint::None,
            },
            3,
            [0x3d, 0, 0],
        ),
        (
            Error::UnsupportedVersion {
                version: 2,
                hint: cookieprefs::InputHint::None,
            },
            -1,
            [2, 0, 0],
        ),
        (Error::Truncated { len: 1, expected: 11 }, -1, [1, 11, 0]),
        (
            Error::TrailingData {
                len: 13,
                expected: 12,
            },
            -1,
            [13, 12, 0],
        ),
        (Error::ReservedBits { bits: 5 }, -1, [5, 0, 0]),
        (Error::NonZeroPadding { offset: 11 }, 11, [0, 0, 0]),
        (Error::InvalidState { category: 4 }, -1, [4, 0, 0]),
        (Error::NonMinimalSlots { count: 2 }, -1, [2, 0, 0]),
        (
            Error::DatesOutOfOrder {
                created: d(9),
                updated: d(8),
            },
            -1,
            [9, 8, 0],
        ),
        (
            Error::DateInFuture {
                date: d(9),
                today: d(7),
            },
            -1,
            [9, 7, 0],
        ),
        (Error::BufferTooSmall { needed: 12, len: 3 }, -1, [12, 3, 0]),
        (Error::InvalidCategory { id: 64 }, -1, [64, 0, 0]),
        (Error::RevisionOutOfRange { revision: -1 }, -1, [-1, 0, 0]),
        (
            Error::DateOutOfRange {
                year: 2019,
                month: 12,
                day: 31,
            },
            -1,
            [2019, 12, 31],
        ),
        (
            Error::InvalidJson {
                path: "revision".into(),
                reason: "expected u16".into(),
            },
            -1,
            [0, 0, 0],
        ),
    ] {
        let detail = cookieprefs_error::of(&Err(Fail::Core(e.clone())));
        assert_eq!(detail.status, status_of(&e));
        assert_eq!(
            (detail.offset, [detail.a, detail.b, detail.c]),
            (offset, numbers),
            "{e:?}"
        );
        assert_eq!(message(&detail), e.to_string());
    }
}

#[test]
fn long_messages_are_cut_at_a_character_boundary() {
    let e = Error::InvalidPolicy {
        reason: "é".repeat(400),
    };
    let detail = cookieprefs_error::of(&Err(Fail::Core(e.clone())));
    let m = message(&detail);
    assert!(m.len() < COOKIEPREFS_ERROR_MESSAGE_CAP);
    assert!(e.to_string().starts_with(&m));
}
