//! Day-precision UTC dates, as stored in the value.

use core::fmt;
use core::str::FromStr;

use crate::Error;

/// Unix day number of the epoch 2020-01-01.
const EPOCH_UNIX_DAYS: i64 = 18_262;

/// A UTC calendar date in the encodable range `2020-01-01..=2199-06-06`.
///
/// Stored as the number of days since 2020-01-01 in 16 bits, exactly as in the
/// value, so every `Date` can be encoded. Day precision is deliberate: finer
/// times would make the cookie a fingerprinting vector.
///
/// ```
/// use cookieprefs::Date;
/// let d: Date = "2026-11-24".parse()?;
/// assert_eq!(d, Date::from_ymd(2026, 11, 24)?);
/// assert_eq!(d.days_since_epoch(), 2519);
/// assert_eq!(d.to_string(), "2026-11-24");
/// assert!("2019-12-31".parse::<Date>().is_err());
/// # Ok::<(), cookieprefs::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Date(u16);

impl Date {
    /// The first encodable date, 2020-01-01 (day 0).
    pub const EPOCH: Date = Date(0);
    /// The last encodable date, 2199-06-06 (day 65535).
    pub const MAX: Date = Date(u16::MAX);

    /// The date `days` days after 2020-01-01.
    pub const fn from_days_since_epoch(days: u16) -> Date {
        Date(days)
    }

    /// Days since 2020-01-01, the number stored in the value.
    pub const fn days_since_epoch(self) -> u16 {
        self.0
    }

    /// The date of a calendar year, month (1-12) and day (1-31).
    ///
    /// # Errors
    /// [`Error::InvalidDate`] for an impossible date such as February 30,
    /// [`Error::DateOutOfRange`] for a real date outside the encodable range.
    pub fn from_ymd(year: i64, month: u32, day: u32) -> Result<Date, Error> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return Err(Error::InvalidDate {
                text: format!("{year:04}-{month:02}-{day:02}"),
            });
        }
        let out_of_range = Error::DateOutOfRange { year, month, day };
        // Years far outside the range would overflow the day arithmetic.
        if !(1900..=2300).contains(&year) {
            return Err(out_of_range);
        }
        Date::from_unix_days(days_from_civil(year, month, day)).map_err(|_| out_of_range)
    }

    /// The date of a Unix day number (days since 1970-01-01).
    ///
    /// # Errors
    /// [`Error::DateOutOfRange`] outside the encodable range.
    pub fn from_unix_days(unix_days: i64) -> Result<Date, Error> {
        let days = unix_days.saturating_sub(EPOCH_UNIX_DAYS);
        u16::try_from(days).map(Date).map_err(|_| {
            let (year, month, day) = civil_from_days(unix_days.clamp(-1_000_000_000, 1_000_000_000));
            Error::DateOutOfRange { year, month, day }
        })
    }

    /// The Unix day number of this date.
    pub const fn unix_days(self) -> i64 {
        EPOCH_UNIX_DAYS + self.0 as i64
    }

    /// Today's UTC date from the system clock, clamped to the encodable range.
    pub fn today() -> Date {
        let secs = match std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH) {
            Ok(d) => d.as_secs() as i64,
            Err(_) => 0,
        };
        let unix_days = secs / 86_400;
        let days = (unix_days - EPOCH_UNIX_DAYS).clamp(0, i64::from(u16::MAX));
        Date(days as u16)
    }

    /// Year, month (1-12) and day (1-31).
    pub fn ymd(self) -> (i64, u32, u32) {
        civil_from_days(self.unix_days())
    }

    /// Whole days from `earlier` to `self` (negative if `self` is earlier).
    pub const fn days_since(self, earlier: Date) -> i32 {
        self.0 as i32 - earlier.0 as i32
    }

    /// This date plus `days`, or `None` past [`Date::MAX`].
    pub const fn checked_add_days(self, days: u16) -> Option<Date> {
        match self.0.checked_add(days) {
            Some(d) => Some(Date(d)),
            None => None,
        }
    }
}

fn is_leap(year: i64) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let mp = i64::from((month + 9) % 12);
    let doy = (153 * mp + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Inverse of [`days_from_civil`].
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = self.ymd();
        write!(f, "{y:04}-{m:02}-{d:02}")
    }
}

impl FromStr for Date {
    type Err = Error;

    /// Parses exactly `YYYY-MM-DD`.
    fn from_str(s: &str) -> Result<Date, Error> {
        let invalid = || Error::InvalidDate {
            text: s.chars().take(40).collect(),
        };
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return Err(invalid());
        }
        let num = |r: core::ops::Range<usize>| -> Option<u32> {
            b[r].iter().try_fold(0u32, |acc, &c| {
                c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0'))
            })
        };
        match (num(0..4), num(5..7), num(8..10)) {
            (Some(y), Some(m), Some(d)) => Date::from_ymd(i64::from(y), m, d),
            _ => Err(invalid()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn epoch_and_max() {
        assert_eq!(Date::EPOCH.to_string(), "2020-01-01");
        assert_eq!(Date::MAX.to_string(), "2199-06-06");
        assert_eq!("2199-06-06".parse::<Date>().unwrap(), Date::MAX);
        assert_eq!(
            "2199-06-07".parse::<Date>().unwrap_err().kind(),
            "date_out_of_range"
        );
    }

    #[test]
    fn every_day_round_trips() {
        // Every encodable day natively; a sample under Miri, where the full loop takes minutes.
        let step = if cfg!(miri) { 997 } else { 1 };
        for d in (0..=u16::MAX).step_by(step) {
            let date = Date(d);
            let (y, m, dd) = date.ymd();
            assert_eq!(Date::from_ymd(y, m, dd).unwrap(), date);
            assert_eq!(date.to_string().parse::<Date>().unwrap(), date);
        }
    }

    #[test]
    fn extreme_years_are_out_of_range_not_overflow() {
        for year in [i64::MIN, i64::MIN + 1, -1, 0, 1899, 2301, i64::MAX - 1, i64::MAX] {
            for (month, day) in [(1, 1), (2, 29), (12, 31)] {
                match Date::from_ymd(year, month, day) {
                    Err(Error::DateOutOfRange { .. }) => {}
                    Err(Error::InvalidDate { .. }) if (month, day) == (2, 29) => {}
                    other => panic!("{year}-{month}-{day}: {other:?}"),
                }
            }
        }
    }

    #[test]
    fn rejects_bad_text() {
        for s in [
            "",
            "2026-02-30",
            "2026-13-01",
            "2026-1-01",
            "2026/01/01",
            "２０２６-01-01",
            "2026-00-10",
        ] {
            assert!(s.parse::<Date>().is_err(), "{s}");
        }
        assert!("2024-02-29".parse::<Date>().is_ok());
        assert!("2100-02-29".parse::<Date>().is_err());
    }
}
