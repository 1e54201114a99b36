//! Dates: `uint16_t` days since 2020-01-01 (every value a valid date up to
//! 2199-06-06), today, and conversions from and to the calendar.

use cookieprefs::Date;

use crate::boundary::{guard, need, put, Fail};
use crate::status::cookieprefs_status;

/// Today's UTC date as days since 2020-01-01 (the unit of every date here).
#[no_mangle]
pub extern "C" fn cookieprefs_today() -> u16 {
    Date::today().days_since_epoch()
}

/// Converts a calendar date to days since 2020-01-01.
///
/// Returns `INVALID_DATE` for an impossible date, `DATE_OUT_OF_RANGE` outside
/// 2020-01-01..=2199-06-06 (`*out` is then 0).
///
/// # Safety
/// `out` must be valid for a write.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn cookieprefs_date_from_ymd(
    year: i32,
    month: u32,
    day: u32,
    out: *mut u16,
) -> cookieprefs_status {
    // SAFETY: the pointers are as this function's contract says.
    unsafe {
        guard(&[&out], || {
            need(out)?;
            let d = Date::from_ymd(i64::from(year), month, day)?;
            put(out, d.days_since_epoch())
        })
    }
}

/// Converts days since 2020-01-01 to a calendar date (year, month 1–12, day
/// 1–31). Every `uint16_t` is a valid date (up to 2199-06-06). On failure
/// (a NULL pointer) the non-NULL ones are 0.
///
/// # Safety
/// `year`, `month` and `day` must be valid for writes.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn cookieprefs_date_to_ymd(
    days: u16,
    year: *mut i32,
    month: *mut u32,
    day: *mut u32,
) -> cookieprefs_status {
    // SAFETY: the pointers are as this function's contract says.
    unsafe {
        guard(&[&year, &month, &day], || {
            need(year)?;
            need(month)?;
            need(day)?;
            let (y, m, d) = Date::from_days_since_epoch(days).ymd();
            let y = i32::try_from(y).map_err(|_| Fail::Abi(cookieprefs_status::DateOutOfRange))?;
            put(year, y)?;
            put(month, m)?;
            put(day, d)
        })
    }
}
