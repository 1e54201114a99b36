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
