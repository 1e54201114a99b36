//! Dates.

use super::*;

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
        assert_eq!((y, m), (0, 0), "the non-NULL out-params are 0 on error");
    }
}
