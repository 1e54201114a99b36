//! The allocation-free lookups.

use super::*;

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
        assert_eq!(st, cookieprefs_state::NotAsked, "fail closed on error");
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

/// `cookieprefs_policy_header_allowed` and `_header_needs_banner` give
/// exactly what a full evaluation gives, for valid, expired, outdated,
/// future-dated and invalid values, with and without GPC, for every id.
#[test]
fn header_allowed_is_the_evaluation_without_a_handle() {
    let pol = policy(
        r#"{"revision": 3, "categories": [{"id": 1, "name": "statistics"},
            {"id": 2, "name": "first_party", "since_revision": 3},
            {"id": 3, "name": "third_party"}, {"id": 16, "name": "youtube"}],
            "max_age_days": {"granted": 30, "denied": 60}}"#,
    );
    let headers: [&[u8]; 6] = [
        b"a=1; cookies_preferences=BAADCdcJ1w5Q; b=2",
        b"cookies_preferences=BAADCdcJ1w5",
        b"cookies_preferences=%7B%7D",
        b"a=1",
        b"",
        b"cookies_preferences=BAABCdcJ1w5Q",
    ];
    for h in headers {
        for today in [DAY - 2, DAY, DAY + 29, DAY + 30, DAY + 59, DAY + 60, DAY + 400] {
            for gpc in [0, 1, 0x100] {
                let mut ev = null_mut();
                let (mut want, mut got) = (false, true);
                // SAFETY: live handle, valid slices and out-pointers.
                unsafe {
                    assert_eq!(
                        cookieprefs_policy_evaluate_header(pol, h.as_ptr(), h.len(), today, gpc, &mut ev),
                        S::Ok
                    );
                    for id in 0..=63u8 {
                        assert_eq!(cookieprefs_evaluation_allowed(ev, id, &mut want), S::Ok);
                        assert_eq!(
                            cookieprefs_policy_header_allowed(
                                pol,
                                h.as_ptr(),
                                h.len(),
                                today,
                                gpc,
                                id.into(),
                                &mut got
                            ),
                            S::Ok
                        );
                        assert_eq!(got, want, "{h:?} day {today} gpc {gpc} id {id}");
                    }
                    assert_eq!(cookieprefs_evaluation_needs_banner(ev, &mut want), S::Ok);
                    assert_eq!(
                        cookieprefs_policy_header_needs_banner(
                            pol,
                            h.as_ptr(),
                            h.len(),
                            today,
                            gpc,
                            &mut got
                        ),
                        S::Ok
                    );
                    assert_eq!(got, want, "{h:?} day {today} gpc {gpc}");
                    cookieprefs_evaluation_free(ev);
                }
            }
        }
    }
    // SAFETY: a live handle.
    unsafe { cookieprefs_policy_free(pol) };
}

/// Where the stored-state fast path says GRANTED and the policy says no.
#[test]
fn header_allowed_applies_the_rules_the_stored_state_skips() {
    let pol = policy(r#"{"revision": 3}"#);
    let h = b"cookies_preferences=BAADCdcJ1w5Q";
    let name = c"cookies_preferences";
    let mut st = cookieprefs_state::NotAsked;
    let mut allowed = true;
    // SAFETY: live handle, valid slices, strings and out-pointers.
    unsafe {
        let expired = DAY + 183;
        assert_eq!(
            cookieprefs_header_category_state(h.as_ptr(), h.len(), name.as_ptr(), 1, &mut st),
            S::Ok
        );
        assert_eq!(st, cookieprefs_state::Granted, "stored");
        assert_eq!(
            cookieprefs_policy_header_allowed(pol, h.as_ptr(), h.len(), expired, 0, 1, &mut allowed),
            S::Ok
        );
        assert!(!allowed, "expired");
        assert_eq!(
            cookieprefs_policy_header_allowed(pol, h.as_ptr(), h.len(), DAY - 2, 0, 1, &mut allowed),
            S::Ok
        );
        assert!(!allowed, "dated after today + 1");
        assert_eq!(
            cookieprefs_policy_header_allowed(pol, h.as_ptr(), h.len(), DAY, 0, 1, &mut allowed),
            S::Ok
        );
        assert!(allowed);
        let reconsent = policy(
            r#"{"revision": 4, "categories": [{"id": 1, "name": "statistics", "since_revision": 4}]}"#,
        );
        assert_eq!(
            cookieprefs_policy_header_allowed(reconsent, h.as_ptr(), h.len(), DAY, 0, 1, &mut allowed),
            S::Ok
        );
        assert!(!allowed, "given under an older revision");
        cookieprefs_policy_free(reconsent);
    }
    // SAFETY: a live handle.
    unsafe { cookieprefs_policy_free(pol) };
}

#[test]
fn header_allowed_errors_fail_closed() {
    let pol = policy(r#"{"revision": 3}"#);
    let h = b"cookies_preferences=BAADCdcJ1w5Q";
    let mut b = true;
    // SAFETY: live handle (or NULL), valid slices (or NULL / lengths that are
    // refused before any read) and out-pointers.
    unsafe {
        let call = |p: *const cookieprefs_policy, ptr: *const u8, len: usize, id: u32, b: &mut bool| {
            *b = true;
            cookieprefs_policy_header_allowed(p, ptr, len, DAY, 0, id, b)
        };
        assert_eq!(call(pol, h.as_ptr(), h.len(), 64, &mut b), S::InvalidCategory);
        assert!(!b);
        assert_eq!(
            call(pol, h.as_ptr(), h.len(), 256, &mut b),
            S::InvalidCategory,
            "no truncation to 0"
        );
        assert!(!b);
        assert_eq!(
            call(pol, h.as_ptr(), h.len(), COOKIEPREFS_NO_CATEGORY.into(), &mut b),
            S::InvalidCategory
        );
        assert!(!b);
        assert_eq!(call(null(), h.as_ptr(), h.len(), 1, &mut b), S::NullArgument);
        assert!(!b);
        assert_eq!(call(pol, null(), 5, 1, &mut b), S::NullArgument);
        assert!(!b);
        assert_eq!(call(pol, h.as_ptr(), usize::MAX, 1, &mut b), S::LengthTooLarge);
        assert!(!b);
        assert_eq!(
            call(pol, null(), 0, 0, &mut b),
            S::Ok,
            "no header: necessary only"
        );
        assert!(b);
        assert_eq!(
            cookieprefs_policy_header_allowed(pol, h.as_ptr(), h.len(), DAY, 0, 1, null_mut()),
            S::NullArgument
        );
        b = true;
        assert_eq!(
            cookieprefs_policy_header_needs_banner(null(), h.as_ptr(), h.len(), DAY, 0, &mut b),
            S::NullArgument
        );
        assert!(!b);
        assert_eq!(
            cookieprefs_policy_header_needs_banner(pol, h.as_ptr(), h.len(), DAY, 0, null_mut()),
            S::NullArgument
        );
    }
    // SAFETY: a live handle.
    unsafe { cookieprefs_policy_free(pol) };
}
