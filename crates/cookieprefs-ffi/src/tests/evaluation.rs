//! Evaluations, choices and `Set-Cookie` headers.

use super::*;

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
            cookieprefs_policy_evaluate_header(pol, header.as_ptr(), header.len(), DAY, 0, &mut ev),
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
            cookieprefs_policy_evaluate_header(pol, bad.as_ptr(), bad.len(), DAY, 1, &mut ev),
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
        cookieprefs_preferences_free(prefs);
        // Refusals: the out-parameter is NULL (fail closed), so a live
        // handle must never be passed there (it would be lost).
        let mut refused = null_mut();
        assert_eq!(
            cookieprefs_evaluation_choose(ev, [0u8].as_ptr(), 1, 0, &mut refused),
            S::NecessaryNotStored
        );
        assert_eq!(
            cookieprefs_evaluation_choose(ev, [16u8].as_ptr(), 1, 0, &mut refused),
            S::CategoryNotOffered
        );
        assert_eq!(
            cookieprefs_evaluation_choose(ev, null(), 0, 9, &mut refused),
            S::UnknownName
        );
        assert!(refused.is_null());
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
            cookieprefs_policy_evaluate_value(pol, null(), 0, DAY, 0, &mut ev),
            S::Ok
        );
        assert_eq!(cookieprefs_evaluation_banner_reason(ev, &mut reason), S::Ok);
        assert_eq!(reason, cookieprefs_banner_reason::NoChoice);
        cookieprefs_evaluation_free(ev);
        assert_eq!(
            cookieprefs_policy_evaluate_value(pol, b"".as_ptr(), 0, DAY, 0, &mut ev),
            S::Ok
        );
        assert_eq!(cookieprefs_evaluation_value_status(ev, &mut vs), S::Ok);
        assert_eq!(vs, S::Empty);
        cookieprefs_evaluation_free(ev);
        assert_eq!(
            cookieprefs_policy_evaluate_header(pol, null(), 0, DAY, 0, &mut ev),
            S::Ok
        );
        cookieprefs_evaluation_free(ev);
        assert_eq!(
            cookieprefs_policy_evaluate_header(null(), null(), 0, DAY, 0, &mut ev),
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
        assert_eq!(id, COOKIEPREFS_NO_CATEGORY, "not a category on error");
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
            cookieprefs_policy_evaluate_value(pol, null(), 0, DAY, 1, &mut ev),
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
            cookieprefs_policy_evaluate_value(pol, v.as_ptr(), v.len(), DAY, 1, &mut ev),
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
