//! Dates and date-times: Sendios's date-time, Omnisend's date-time and
//! Omnisend's birthdate.
//!
//! - [`UtcDateTime`] (Omnisend): ISO 8601 / RFC 3339 with a zone,
//!   `YYYY-MM-DDThh:mm[:ss[.fraction]]` then `Z` / `z` / `±hh:mm` / `±hhmm` /
//!   `±hh`; the separator is `T`, `t` or one space. Normalized to UTC
//!   `YYYY-MM-DDThh:mm:ssZ`; **fractional seconds are dropped** (truncated,
//!   not rounded), missing seconds become `:00`.
//! - [`Date`] (Omnisend birthdate): exactly `YYYY-MM-DD`, a real date.
//! - [`SendiosDateTime`]: `YYYY-MM-DD hh:mm:ss`, kept as is; a date-time with
//!   a zone (RFC 3339 such as `2023-04-25T12:55:38Z`, `…+02:00`, with or
//!   without a fraction) is converted to UTC in that layout.
//!
//! Years are 0000–9999 (also after conversion to UTC). Impossible values are
//! errors: `2023-02-30`, hour 24, minute 60, second 60 (leap seconds are
//! refused: neither provider documents them), offsets beyond ±23:59. Only
//! ASCII digits are read and `.` is the only decimal sign.
//!
//! ```
//! use omnicontact::values::{Date, SendiosDateTime, UtcDateTime};
//!
//! let dt = UtcDateTime::parse("2023-04-25T14:55:38.123+02:00")?;
//! assert_eq!(dt.as_str(), "2023-04-25T12:55:38Z");
//! let s = SendiosDateTime::parse("2023-04-25T12:55:38Z")?;
//! assert_eq!(s.as_str(), "2023-04-25 12:55:38");
//! let d = Date::parse("1990-02-28")?;
//! assert_eq!((d.year(), d.month(), d.day()), (1990, 2, 28));
//! assert!(Date::parse("1990-02-29").is_err());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta, Timelike};

use super::trim;

/// Longest input looked at (a date-time with a nanosecond fraction and an
/// offset has 35 bytes).
const MAX_LEN: usize = 64;

/// The parts of a date or date-time, as written.
#[derive(Debug, Clone, Copy)]
struct Lexed {
    year: u32,
    month: u32,
    day: u32,
    time: Option<Time>,
}

#[derive(Debug, Clone, Copy)]
struct Time {
    /// `T`, `t` or space.
    separator: u8,
    hour: u32,
    minute: u32,
    second: Option<u32>,
    /// The fraction of a second, in nanoseconds (digits past the ninth
    /// cut), when one is written.
    fraction: Option<u32>,
    zone: Option<Zone>,
}

#[derive(Debug, Clone, Copy)]
enum Zone {
    Utc,
    Offset {
        negative: bool,
        hours: u32,
        minutes: u32,
    },
}

/// What is wrong, before it is mapped to each type's error.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Problem {
    Empty,
    Format,
    MissingTime,
    InvalidDate,
    InvalidTime,
    InvalidOffset,
    OutOfRange,
}

/// A byte cursor.
struct Cursor<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Cursor<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn eat(&mut self, b: u8) -> bool {
        let found = self.peek() == Some(b);
        if found {
            self.at += 1;
        }
        found
    }

    fn digits(&mut self, n: usize) -> Option<u32> {
        let end = self.at.checked_add(n)?;
        let part = self.bytes.get(self.at..end)?;
        if !part.iter().all(u8::is_ascii_digit) {
            return None;
        }
        self.at = end;
        Some(
            part.iter()
                .fold(0, |acc, &b| acc * 10 + u32::from(b - b'0')),
        )
    }

    fn done(&self) -> bool {
        self.at == self.bytes.len()
    }
}

/// Reads the shape `YYYY-MM-DD[(T|t| )hh:mm[:ss[.f+]][Z|z|±hh[[:]mm]]]`,
/// without checking ranges.
fn lex(s: &str) -> Option<Lexed> {
    if s.len() > MAX_LEN {
        return None;
    }
    let mut c = Cursor {
        bytes: s.as_bytes(),
        at: 0,
    };
    let year = c.digits(4)?;
    c.eat(b'-').then_some(())?;
    let month = c.digits(2)?;
    c.eat(b'-').then_some(())?;
    let day = c.digits(2)?;
    if c.done() {
        return Some(Lexed {
            year,
            month,
            day,
            time: None,
        });
    }
    let separator = c.peek().filter(|b| matches!(b, b'T' | b't' | b' '))?;
    c.at += 1;
    let hour = c.digits(2)?;
    c.eat(b':').then_some(())?;
    let minute = c.digits(2)?;
    let mut second = None;
    let mut fraction = None;
    if c.eat(b':') {
        second = Some(c.digits(2)?);
        if c.eat(b'.') {
            let (mut nanos, mut read) = (c.digits(1)?, 1);
            while let Some(digit) = c.digits(1) {
                if read < 9 {
                    (nanos, read) = (nanos * 10 + digit, read + 1);
                }
            }
            fraction = Some(nanos * 10u32.pow(9 - read));
        }
    }
    let zone = match c.peek() {
        None => None,
        Some(b'Z' | b'z') => {
            c.at += 1;
            Some(Zone::Utc)
        }
        Some(sign @ (b'+' | b'-')) => {
            c.at += 1;
            let hours = c.digits(2)?;
            // `±hh`, `±hh:mm` or `±hhmm`.
            let minutes = if c.done() {
                0
            } else {
                c.eat(b':');
                c.digits(2)?
            };
            Some(Zone::Offset {
                negative: sign == b'-',
                hours,
                minutes,
            })
        }
        Some(_) => return None,
    };
    c.done().then_some(Lexed {
        year,
        month,
        day,
        time: Some(Time {
            separator,
            hour,
            minute,
            second,
            fraction,
            zone,
        }),
    })
}

fn check_date(l: &Lexed) -> Result<NaiveDate, Problem> {
    let year = i32::try_from(l.year).map_err(|_| Problem::InvalidDate)?;
    NaiveDate::from_ymd_opt(year, l.month, l.day).ok_or(Problem::InvalidDate)
}

/// The local date-time and the offset east of UTC in seconds, if any.
fn check_date_time(l: &Lexed) -> Result<(NaiveDateTime, Option<i64>), Problem> {
    let date = check_date(l)?;
    let t = l.time.ok_or(Problem::MissingTime)?;
    let time = NaiveTime::from_hms_opt(t.hour, t.minute, t.second.unwrap_or(0))
        .filter(|_| t.second.is_none_or(|s| s < 60))
        .ok_or(Problem::InvalidTime)?;
    let offset = match t.zone {
        None => None,
        Some(Zone::Utc) => Some(0),
        Some(Zone::Offset {
            negative,
            hours,
            minutes,
        }) => {
            if hours > 23 || minutes > 59 {
                return Err(Problem::InvalidOffset);
            }
            let secs = i64::from(hours * 3600 + minutes * 60);
            Some(if negative { -secs } else { secs })
        }
    };
    Ok((date.and_time(time), offset))
}

/// What both date-time types read first: the trimmed input, lexed, as a
/// local date-time, its offset east of UTC in seconds if it has one, and
/// its time as written.
fn read_date_time(input: &str) -> Result<(NaiveDateTime, Option<i64>, Time), Problem> {
    let s = trim(input);
    if s.is_empty() {
        return Err(Problem::Empty);
    }
    let lexed = lex(s).ok_or(Problem::Format)?;
    let (local, offset) = check_date_time(&lexed)?;
    let time = lexed.time.ok_or(Problem::MissingTime)?;
    Ok((local, offset, time))
}

/// `From<Problem>` for a date-time error type: each problem is the
/// variant of the same name.
macro_rules! from_problem {
    ($err:ident) => {
        impl From<Problem> for $err {
            fn from(p: Problem) -> Self {
                match p {
                    Problem::Empty => $err::Empty,
                    Problem::Format => $err::Format,
                    Problem::MissingTime => $err::MissingTime,
                    Problem::InvalidDate => $err::InvalidDate,
                    Problem::InvalidTime => $err::InvalidTime,
                    Problem::InvalidOffset => $err::InvalidOffset,
                    Problem::OutOfRange => $err::OutOfRange,
                }
            }
        }
    };
}

/// `local - offset`, in 0000–9999.
fn to_utc(local: NaiveDateTime, offset: i64) -> Result<NaiveDateTime, Problem> {
    let utc = TimeDelta::try_seconds(offset)
        .and_then(|d| local.checked_sub_signed(d))
        .ok_or(Problem::OutOfRange)?;
    if (0..=9999).contains(&utc.year()) {
        Ok(utc)
    } else {
        Err(Problem::OutOfRange)
    }
}

fn format_date_time(dt: NaiveDateTime, separator: char, suffix: &str) -> String {
    let Ok(year) = u32::try_from(dt.year()) else {
        // Not reached by the inputs the lexer accepts (four-digit years).
        return format!(
            "{:04}-{:02}-{:02}{separator}{:02}:{:02}:{:02}{suffix}",
            dt.year(),
            dt.month(),
            dt.day(),
            dt.hour(),
            dt.minute(),
            dt.second()
        );
    };
    let mut out = String::with_capacity(20 + suffix.len());
    push_date(&mut out, year, dt.month(), dt.day());
    out.push(separator);
    push_digits(&mut out, dt.hour(), 2);
    out.push(':');
    push_digits(&mut out, dt.minute(), 2);
    out.push(':');
    push_digits(&mut out, dt.second(), 2);
    out.push_str(suffix);
    out
}

/// Appends `YYYY-MM-DD` (the year zero-padded to at least four digits).
fn push_date(out: &mut String, year: u32, month: u32, day: u32) {
    push_digits(out, year, 4);
    out.push('-');
    push_digits(out, month, 2);
    out.push('-');
    push_digits(out, day, 2);
}

/// Appends `n` in decimal, zero-padded to `width` digits, without the
/// formatting machinery (dates are normalized on every record).
fn push_digits(out: &mut String, n: u32, width: usize) {
    let mut digits = [0u8; 10];
    let mut len = 0;
    let mut rest = n;
    while len < width || rest > 0 {
        // `rest % 10` is below 10: the cast cannot truncate.
        #[allow(clippy::cast_possible_truncation)]
        let digit = (rest % 10) as u8;
        digits[len] = b'0' + digit;
        rest /= 10;
        len += 1;
        if len == digits.len() {
            break;
        }
    }
    for &d in digits[..len].iter().rev() {
        out.push(char::from(d));
    }
}

/// The fraction of a second written in a date-time, in nanoseconds (digits
/// past the ninth are cut; 0 without a fraction or for text that is no
/// date-time): what [`UtcDateTime::parse`] reads and drops. An offset
/// (whole minutes) leaves the fraction as written.
pub(crate) fn fraction_nanos(text: &str) -> u32 {
    lex(trim(text))
        .and_then(|l| l.time)
        .and_then(|t| t.fraction)
        .unwrap_or(0)
}

/// For Omnisend custom property strings: `None` when `s` (not trimmed) is
/// not shaped like one of the documented date layouts (`Y-m-d`,
/// `Y-m-d H:i`, `Y-m-d H:i:s`, ISO 8601 such as `2018-08-08T14:23Z` or
/// `2018-08-08T14:23:11+02:00`), `Some(true)` when it is and is a real date
/// and time, `Some(false)` when it is shaped like one but impossible
/// (`2018-02-30`, `2018-08-08 25:00`).
#[allow(dead_code)] // used by `providers::omnisend` in the full crate
pub(crate) fn date_like(s: &str) -> Option<bool> {
    let l = lex(s)?;
    Some(match l.time {
        None => check_date(&l).is_ok(),
        Some(_) => check_date_time(&l).is_ok(),
    })
}

// ---------------------------------------------------------------------------

/// A date-time with a zone, normalized to UTC `YYYY-MM-DDThh:mm:ssZ`
/// (Omnisend).
///
/// Ordering is chronological.
///
/// ```
/// use omnicontact::values::{UtcDateTime, UtcDateTimeError};
///
/// let dt: UtcDateTime = "2018-08-08 14:23-0500".parse()?;
/// assert_eq!(dt.as_str(), "2018-08-08T19:23:00Z");
/// assert_eq!(UtcDateTime::parse("2018-08-08T14:23"), Err(UtcDateTimeError::MissingZone));
/// # Ok::<(), UtcDateTimeError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct UtcDateTime {
    value: String,
}

/// Why a string is not a [`UtcDateTime`].
///
/// ```
/// use omnicontact::values::{UtcDateTime, UtcDateTimeError};
///
/// let e = UtcDateTime::parse("2023-04-25T12:00").unwrap_err();
/// assert_eq!(e, UtcDateTimeError::MissingZone);
/// assert_eq!(e.to_string(), "no zone: add 'Z' or an offset such as '+02:00'");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum UtcDateTimeError {
    /// Nothing but whitespace.
    #[error("empty date-time")]
    Empty,
    /// Not shaped like an ISO 8601 date-time.
    #[error(
        "expected YYYY-MM-DDThh:mm, optionally with seconds and a fraction, and a zone ('Z' or '+hh:mm')"
    )]
    Format,
    /// A date without a time.
    #[error("a date without a time")]
    MissingTime,
    /// No `Z` or offset.
    #[error("no zone: add 'Z' or an offset such as '+02:00'")]
    MissingZone,
    /// No such calendar date (`2023-02-30`).
    #[error("no such calendar date")]
    InvalidDate,
    /// No such time of day (hour 24, minute or second 60).
    #[error("no such time of day (hours 00-23, minutes and seconds 00-59)")]
    InvalidTime,
    /// An offset beyond ±23:59.
    #[error("offset out of range (hours 00-23, minutes 00-59)")]
    InvalidOffset,
    /// Before 0000 or after 9999 once converted to UTC.
    #[error("outside the years 0000-9999 in UTC")]
    OutOfRange,
}

from_problem!(UtcDateTimeError);

impl UtcDateTime {
    /// Parses a date-time with a zone and converts it to UTC.
    ///
    /// ```
    /// use omnicontact::values::{UtcDateTime, UtcDateTimeError};
    ///
    /// assert_eq!(UtcDateTime::parse("2018-08-08T14:23Z").unwrap().as_str(), "2018-08-08T14:23:00Z");
    /// assert_eq!(UtcDateTime::parse("2023-02-30T00:00Z"), Err(UtcDateTimeError::InvalidDate));
    /// assert_eq!(UtcDateTime::parse("2023-01-01T24:00Z"), Err(UtcDateTimeError::InvalidTime));
    /// ```
    pub fn parse(input: &str) -> Result<UtcDateTime, UtcDateTimeError> {
        let (local, offset, _) = read_date_time(input)?;
        let offset = offset.ok_or(UtcDateTimeError::MissingZone)?;
        let utc = to_utc(local, offset)?;
        Ok(UtcDateTime {
            value: format_date_time(utc, 'T', "Z"),
        })
    }

    /// Whether [`UtcDateTime::parse`] accepts `input`.
    ///
    /// ```
    /// # use omnicontact::values::UtcDateTime;
    /// assert!(UtcDateTime::is_valid("2023-04-25T12:55:38+02:00"));
    /// assert!(!UtcDateTime::is_valid("2023-04-25"));
    /// ```
    pub fn is_valid(input: &str) -> bool {
        UtcDateTime::parse(input).is_ok()
    }

    /// `YYYY-MM-DDThh:mm:ssZ`.
    ///
    /// ```
    /// # use omnicontact::values::UtcDateTime;
    /// let dt = UtcDateTime::parse("2023-04-25t14:55+0200").unwrap();
    /// assert_eq!(dt.as_str(), "2023-04-25T12:55:00Z");
    /// ```
    pub fn as_str(&self) -> &str {
        &self.value
    }

    /// The current time of the system clock, to the second.
    ///
    /// # Errors
    /// [`UtcDateTimeError::OutOfRange`] when the clock is set outside the
    /// years 0000–9999 (never a panic).
    ///
    /// ```
    /// use omnicontact::UtcDateTime;
    /// let now = UtcDateTime::now()?;
    /// assert!(now > UtcDateTime::parse("2020-01-01T00:00:00Z")?);
    /// # Ok::<(), omnicontact::values::UtcDateTimeError>(())
    /// ```
    pub fn now() -> Result<UtcDateTime, UtcDateTimeError> {
        UtcDateTime::from_system_time(SystemTime::now())
    }

    /// The date-time of a [`SystemTime`], to the second: a fraction of a
    /// second is dropped towards the past (so `1969-12-31T23:59:59.5Z`
    /// becomes `…:59Z`, as [`UtcDateTime::parse`] truncates fractions).
    /// Times before 1970 are read too.
    ///
    /// # Errors
    /// [`UtcDateTimeError::OutOfRange`] for a time outside the years
    /// 0000–9999.
    ///
    /// ```
    /// use std::time::{Duration, SystemTime, UNIX_EPOCH};
    /// use omnicontact::values::{UtcDateTime, UtcDateTimeError};
    ///
    /// let t = UNIX_EPOCH + Duration::from_millis(1_682_427_338_900);
    /// assert_eq!(UtcDateTime::from_system_time(t)?.as_str(), "2023-04-25T12:55:38Z");
    /// let before = UNIX_EPOCH - Duration::from_millis(500);
    /// assert_eq!(UtcDateTime::from_system_time(before)?.as_str(), "1969-12-31T23:59:59Z");
    /// let far = UNIX_EPOCH + Duration::from_secs(300_000_000_000);
    /// assert_eq!(UtcDateTime::from_system_time(far), Err(UtcDateTimeError::OutOfRange));
    /// # Ok::<(), UtcDateTimeError>(())
    /// ```
    pub fn from_system_time(time: SystemTime) -> Result<UtcDateTime, UtcDateTimeError> {
        let seconds = match time.duration_since(UNIX_EPOCH) {
            Ok(after) => i64::try_from(after.as_secs()).ok(),
            Err(before) => {
                let before = before.duration();
                // Towards the past: a fraction makes one more second.
                let whole = before.as_secs() + u64::from(before.subsec_nanos() > 0);
                i64::try_from(whole).ok().map(|s| -s)
            }
        };
        let utc = seconds
            .and_then(|s| chrono::DateTime::from_timestamp(s, 0))
            .map(|d| d.naive_utc())
            .filter(|d| (0..=9999).contains(&d.year()))
            .ok_or(UtcDateTimeError::OutOfRange)?;
        Ok(UtcDateTime {
            value: format_date_time(utc, 'T', "Z"),
        })
    }

    /// The [`SystemTime`] of this date-time, or `None` where the platform's
    /// `SystemTime` cannot hold it (on Windows, dates before 1601).
    ///
    /// ```
    /// use std::time::{Duration, UNIX_EPOCH};
    /// use omnicontact::UtcDateTime;
    ///
    /// let dt = UtcDateTime::parse("2023-04-25T14:55:38+02:00")?;
    /// assert_eq!(dt.to_system_time(), Some(UNIX_EPOCH + Duration::from_secs(1_682_427_338)));
    /// let old = UtcDateTime::parse("1969-12-31T23:59:00Z")?;
    /// assert_eq!(old.to_system_time(), Some(UNIX_EPOCH - Duration::from_secs(60)));
    /// # Ok::<(), omnicontact::values::UtcDateTimeError>(())
    /// ```
    #[must_use]
    pub fn to_system_time(&self) -> Option<SystemTime> {
        let seconds = self.timestamp();
        let magnitude = Duration::from_secs(seconds.unsigned_abs());
        if seconds >= 0 {
            UNIX_EPOCH.checked_add(magnitude)
        } else {
            UNIX_EPOCH.checked_sub(magnitude)
        }
    }

    /// Seconds since 1970-01-01T00:00:00Z (negative before).
    fn timestamp(&self) -> i64 {
        // `YYYY-MM-DDThh:mm:ssZ`, written by this type: always well-formed.
        let b = self.value.as_bytes();
        let num = |from: usize, to: usize| {
            b[from..to]
                .iter()
                .fold(0u32, |n, d| n * 10 + u32::from(d - b'0'))
        };
        NaiveDate::from_ymd_opt(num(0, 4).cast_signed(), num(5, 7), num(8, 10))
            .and_then(|d| d.and_hms_opt(num(11, 13), num(14, 16), num(17, 19)))
            .map_or(0, |dt| dt.and_utc().timestamp())
    }
}

impl TryFrom<SystemTime> for UtcDateTime {
    type Error = UtcDateTimeError;

    /// As [`UtcDateTime::from_system_time`].
    ///
    /// ```
    /// use std::time::UNIX_EPOCH;
    /// use omnicontact::UtcDateTime;
    /// assert_eq!(UtcDateTime::try_from(UNIX_EPOCH)?.as_str(), "1970-01-01T00:00:00Z");
    /// # Ok::<(), omnicontact::values::UtcDateTimeError>(())
    /// ```
    fn try_from(time: SystemTime) -> Result<Self, Self::Error> {
        UtcDateTime::from_system_time(time)
    }
}

super::string_value!(
    UtcDateTime,
    UtcDateTimeError,
    "an ISO 8601 date-time with a zone"
);

// ---------------------------------------------------------------------------

/// A calendar date `YYYY-MM-DD` (years 0000–9999). Ordering is
/// chronological.
///
/// ```
/// use omnicontact::values::Date;
///
/// let d: Date = " 2000-02-29 ".parse()?;
/// assert_eq!(d.as_str(), "2000-02-29");
/// assert!(d < Date::from_ymd(2000, 3, 1).unwrap());
/// assert_eq!(Date::from_ymd(1900, 2, 29), None);
/// # Ok::<(), omnicontact::values::DateError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
    value: String,
}

/// Why a string is not a [`Date`].
///
/// ```
/// use omnicontact::values::{Date, DateError};
///
/// let e = Date::parse("2023-02-30").unwrap_err();
/// assert_eq!(e, DateError::InvalidDate);
/// assert_eq!(e.to_string(), "no such calendar date");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DateError {
    /// Nothing but whitespace.
    #[error("empty date")]
    Empty,
    /// Not shaped `YYYY-MM-DD`.
    #[error("expected YYYY-MM-DD")]
    Format,
    /// No such calendar date (`2023-02-30`).
    #[error("no such calendar date")]
    InvalidDate,
}

impl Date {
    /// Parses exactly `YYYY-MM-DD` (after trimming).
    ///
    /// ```
    /// use omnicontact::values::{Date, DateError};
    ///
    /// assert_eq!(Date::parse("1990-1-2"), Err(DateError::Format));
    /// assert_eq!(Date::parse("1990-01-02T00:00Z"), Err(DateError::Format));
    /// assert_eq!(Date::parse("1990-13-02"), Err(DateError::InvalidDate));
    /// ```
    pub fn parse(input: &str) -> Result<Date, DateError> {
        let s = trim(input);
        if s.is_empty() {
            return Err(DateError::Empty);
        }
        let lexed = lex(s)
            .filter(|l| l.time.is_none())
            .ok_or(DateError::Format)?;
        let date = check_date(&lexed).map_err(|_| DateError::InvalidDate)?;
        Ok(Date::from_naive(date))
    }

    /// Whether [`Date::parse`] accepts `input`.
    ///
    /// ```
    /// # use omnicontact::values::Date;
    /// assert!(Date::is_valid("2024-02-29"));
    /// assert!(!Date::is_valid("2023-02-29"));
    /// ```
    pub fn is_valid(input: &str) -> bool {
        Date::parse(input).is_ok()
    }

    /// The date of a year, month (1–12) and day (1–31), if it exists and
    /// the year is 0000–9999.
    ///
    /// ```
    /// # use omnicontact::values::Date;
    /// assert_eq!(Date::from_ymd(2024, 2, 29).unwrap().as_str(), "2024-02-29");
    /// assert_eq!(Date::from_ymd(2023, 2, 29), None);
    /// assert_eq!(Date::from_ymd(10_000, 1, 1), None);
    /// ```
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Option<Date> {
        if !(0..=9999).contains(&year) {
            return None;
        }
        NaiveDate::from_ymd_opt(year, month, day).map(Date::from_naive)
    }

    fn from_naive(date: NaiveDate) -> Date {
        // The callers guarantee a year in 0000-9999.
        let year = u16::try_from(date.year()).unwrap_or(0);
        let month = u8::try_from(date.month()).unwrap_or(0);
        let day = u8::try_from(date.day()).unwrap_or(0);
        Date {
            year,
            month,
            day,
            value: {
                let mut value = String::with_capacity(10);
                push_date(
                    &mut value,
                    u32::from(year),
                    u32::from(month),
                    u32::from(day),
                );
                value
            },
        }
    }

    /// `YYYY-MM-DD`.
    ///
    /// ```
    /// # use omnicontact::values::Date;
    /// assert_eq!(Date::parse(" 2024-02-29 ").unwrap().as_str(), "2024-02-29");
    /// assert_eq!(Date::from_ymd(5, 1, 2).unwrap().as_str(), "0005-01-02");
    /// ```
    pub fn as_str(&self) -> &str {
        &self.value
    }

    /// The year (0–9999).
    ///
    /// ```
    /// # use omnicontact::values::Date;
    /// assert_eq!(Date::parse("1990-07-15").unwrap().year(), 1990);
    /// ```
    pub fn year(&self) -> i32 {
        i32::from(self.year)
    }

    /// The month (1–12).
    ///
    /// ```
    /// # use omnicontact::values::Date;
    /// assert_eq!(Date::parse("1990-07-15").unwrap().month(), 7);
    /// ```
    pub fn month(&self) -> u32 {
        u32::from(self.month)
    }

    /// The day of the month (1–31).
    ///
    /// ```
    /// # use omnicontact::values::Date;
    /// assert_eq!(Date::parse("1990-07-15").unwrap().day(), 15);
    /// ```
    pub fn day(&self) -> u32 {
        u32::from(self.day)
    }
}

super::string_value!(Date, DateError, "a YYYY-MM-DD date");

// ---------------------------------------------------------------------------

/// A Sendios date-time, `YYYY-MM-DD hh:mm:ss` (in UTC when it was given
/// with a zone). Ordering is that of the strings (chronological for values
/// in the same zone).
///
/// ```
/// use omnicontact::values::{SendiosDateTime, SendiosDateTimeError};
///
/// assert_eq!(SendiosDateTime::parse("2023-04-25 12:55:38")?.as_str(), "2023-04-25 12:55:38");
/// assert_eq!(SendiosDateTime::parse("2023-04-25T14:55:38+02:00")?.as_str(), "2023-04-25 12:55:38");
/// assert_eq!(SendiosDateTime::parse("2023-04-25 24:00:00"), Err(SendiosDateTimeError::InvalidTime));
/// # Ok::<(), SendiosDateTimeError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SendiosDateTime {
    value: String,
}

/// Why a string is not a [`SendiosDateTime`].
///
/// ```
/// use omnicontact::values::{SendiosDateTime, SendiosDateTimeError};
///
/// let e = SendiosDateTime::parse("2023-04-25").unwrap_err();
/// assert_eq!(e, SendiosDateTimeError::MissingTime);
/// assert_eq!(e.to_string(), "a date without a time");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SendiosDateTimeError {
    /// Nothing but whitespace.
    #[error("empty date-time")]
    Empty,
    /// Neither `YYYY-MM-DD hh:mm:ss` nor RFC 3339.
    #[error("expected YYYY-MM-DD hh:mm:ss or an RFC 3339 date-time with a zone")]
    Format,
    /// A date without a time.
    #[error("a date without a time")]
    MissingTime,
    /// An ISO 8601 date-time (`T`) without a zone: its time is ambiguous.
    #[error("an ISO 8601 date-time needs a zone ('Z' or an offset such as '+02:00')")]
    MissingZone,
    /// No such calendar date (`2023-02-30`).
    #[error("no such calendar date")]
    InvalidDate,
    /// No such time of day (hour 24, minute or second 60).
    #[error("no such time of day (hours 00-23, minutes and seconds 00-59)")]
    InvalidTime,
    /// An offset beyond ±23:59.
    #[error("offset out of range (hours 00-23, minutes 00-59)")]
    InvalidOffset,
    /// Before 0000 or after 9999 once converted to UTC.
    #[error("outside the years 0000-9999 in UTC")]
    OutOfRange,
}

from_problem!(SendiosDateTimeError);

impl SendiosDateTime {
    /// Parses `YYYY-MM-DD hh:mm:ss` (kept) or a date-time with a zone
    /// (converted to UTC, fraction dropped).
    ///
    /// ```
    /// use omnicontact::values::{SendiosDateTime, SendiosDateTimeError};
    ///
    /// assert_eq!(SendiosDateTime::parse("2023-04-25T12:55:38.5Z").unwrap().as_str(), "2023-04-25 12:55:38");
    /// assert_eq!(SendiosDateTime::parse("2023-04-25T12:55:38"), Err(SendiosDateTimeError::MissingZone));
    /// assert_eq!(SendiosDateTime::parse("2023-04-25 12:55"), Err(SendiosDateTimeError::Format));
    /// ```
    pub fn parse(input: &str) -> Result<SendiosDateTime, SendiosDateTimeError> {
        let (local, offset, t) = read_date_time(input)?;
        let value = match offset {
            Some(offset) => format_date_time(to_utc(local, offset)?, ' ', ""),
            None if t.separator == b' ' && t.second.is_some() && t.fraction.is_none() => {
                format_date_time(local, ' ', "")
            }
            None if t.separator != b' ' => {
                return Err(SendiosDateTimeError::MissingZone);
            }
            None => return Err(SendiosDateTimeError::Format),
        };
        Ok(SendiosDateTime { value })
    }

    /// Whether [`SendiosDateTime::parse`] accepts `input`.
    ///
    /// ```
    /// # use omnicontact::values::SendiosDateTime;
    /// assert!(SendiosDateTime::is_valid("2023-04-25 12:55:38"));
    /// assert!(!SendiosDateTime::is_valid("2023-04-25T12:55:38"));
    /// ```
    pub fn is_valid(input: &str) -> bool {
        SendiosDateTime::parse(input).is_ok()
    }

    /// `YYYY-MM-DD hh:mm:ss`.
    ///
    /// ```
    /// # use omnicontact::values::SendiosDateTime;
    /// let dt = SendiosDateTime::parse("2023-04-25T23:30:00-02:00").unwrap();
    /// assert_eq!(dt.as_str(), "2023-04-26 01:30:00");
    /// ```
    pub fn as_str(&self) -> &str {
        &self.value
    }
}

super::string_value!(
    SendiosDateTime,
    SendiosDateTimeError,
    "a YYYY-MM-DD hh:mm:ss date-time"
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fraction_nanos_reads_what_parsing_drops() {
        for (text, nanos) in [
            ("2024-01-01T00:00:00Z", 0),
            ("2024-01-01T00:00:00.1Z", 100_000_000),
            ("2024-01-01T02:00:00.900+02:00", 900_000_000),
            ("2024-01-01 00:00:00.000000001z", 1),
            ("2024-01-01T00:00:00.1234567899Z", 123_456_789),
            (" 2024-01-01T00:00:00.5Z ", 500_000_000),
            ("2024-01-01T00:00:00.Z", 0),
            ("not 1.5 a date", 0),
        ] {
            assert_eq!(fraction_nanos(text), nanos, "{text}");
        }
    }

    #[test]
    fn digits_are_zero_padded_to_their_width() {
        for (n, width, expected) in [
            (0, 2, "00"),
            (7, 2, "07"),
            (59, 2, "59"),
            (5, 4, "0005"),
            (2024, 4, "2024"),
            (12_345, 4, "12345"),
            (u32::MAX, 2, "4294967295"),
        ] {
            let mut out = String::from(">");
            push_digits(&mut out, n, width);
            assert_eq!(out, format!(">{expected}"), "{n} in {width}");
        }
    }
    use crate::values::fuzz;

    fuzz::ok_and_err!(UtcDateTime, utc_ok, utc_err by value);

    #[test]
    fn utc_date_times() {
        utc_ok("2023-04-25T12:55:38Z", "2023-04-25T12:55:38Z");
        utc_ok("2023-04-25t12:55:38z", "2023-04-25T12:55:38Z");
        utc_ok("2023-04-25 12:55:38Z", "2023-04-25T12:55:38Z");
        utc_ok("2023-04-25T14:55:38+02:00", "2023-04-25T12:55:38Z");
        utc_ok("2023-04-25T14:55:38+0200", "2023-04-25T12:55:38Z");
        utc_ok("2023-04-25T14:55:38+02", "2023-04-25T12:55:38Z");
        utc_ok("2023-04-25T07:25:38-05:30", "2023-04-25T12:55:38Z");
        utc_ok("2023-04-25T12:55:38.999999999Z", "2023-04-25T12:55:38Z");
        utc_ok("2018-08-08T14:23Z", "2018-08-08T14:23:00Z");
        utc_ok("2018-08-08T14:23:11+02:00", "2018-08-08T12:23:11Z");
        utc_ok("2023-12-31T23:30:00-01:00", "2024-01-01T00:30:00Z");
        utc_ok("2024-03-01T00:30:00+01:00", "2024-02-29T23:30:00Z");
        utc_ok("2023-04-25T12:55:38-00:00", "2023-04-25T12:55:38Z");
        utc_ok("2023-04-25T12:55:38+23:59", "2023-04-24T12:56:38Z");
        utc_ok("0000-01-01T00:00:00Z", "0000-01-01T00:00:00Z");
        utc_ok("9999-12-31T23:59:59Z", "9999-12-31T23:59:59Z");
        utc_ok(" 2023-04-25T12:55:38Z\n", "2023-04-25T12:55:38Z");
    }

    #[test]
    fn utc_refusals() {
        utc_err("", UtcDateTimeError::Empty);
        utc_err("2023-04-25", UtcDateTimeError::MissingTime);
        utc_err("2023-04-25T12:55:38", UtcDateTimeError::MissingZone);
        utc_err("2023-04-25 12:55", UtcDateTimeError::MissingZone);
        utc_err("2023-02-30T00:00:00Z", UtcDateTimeError::InvalidDate);
        utc_err("2023-13-01T00:00:00Z", UtcDateTimeError::InvalidDate);
        utc_err("2023-00-01T00:00:00Z", UtcDateTimeError::InvalidDate);
        utc_err("2023-01-00T00:00:00Z", UtcDateTimeError::InvalidDate);
        utc_err("2023-01-01T24:00:00Z", UtcDateTimeError::InvalidTime);
        utc_err("2023-01-01T23:60:00Z", UtcDateTimeError::InvalidTime);
        utc_err("2016-12-31T23:59:60Z", UtcDateTimeError::InvalidTime);
        utc_err("2023-01-01T00:00:00+24:00", UtcDateTimeError::InvalidOffset);
        utc_err("2023-01-01T00:00:00+01:60", UtcDateTimeError::InvalidOffset);
        utc_err("0000-01-01T00:00:00+01:00", UtcDateTimeError::OutOfRange);
        utc_err("9999-12-31T23:59:59-00:01", UtcDateTimeError::OutOfRange);
        for bad in [
            "2023-04-25T12Z",
            "2023-04-25T12:55:38.Z",
            "2023-04-25T12:55:38,5Z",
            "2023-04-25T12:55:38 Z",
            "2023-04-25T12:55:38+2",
            "2023-04-25T12:55:38+02:0",
            "2023-04-25T12:55:38+02:00:00",
            "2023-04-25  12:55:38Z",
            "2023-4-25T12:55:38Z",
            "23-04-25T12:55:38Z",
            "12023-04-25T12:55:38Z",
            "2023/04/25T12:55:38Z",
            "2023-04-25T12:55:38UTC",
            "２０２３-04-25T12:55:38Z",
            "2023-04-25T12:55:38Z\u{200B}",
            "1682427338",
        ] {
            utc_err(bad, UtcDateTimeError::Format);
        }
        utc_err(
            &format!("2023-04-25T12:55:38.{}Z", "1".repeat(100)),
            UtcDateTimeError::Format,
        );
    }

    #[test]
    fn dates() {
        for (input, (y, m, d)) in [
            ("2023-04-25", (2023, 4, 25)),
            (" 2000-02-29 ", (2000, 2, 29)),
            ("0000-01-01", (0, 1, 1)),
            ("9999-12-31", (9999, 12, 31)),
        ] {
            let date = Date::parse(input).unwrap();
            assert_eq!((date.year(), date.month(), date.day()), (y, m, d));
            assert_eq!(Date::parse(date.as_str()), Ok(date.clone()));
            assert_eq!(Date::from_ymd(y, m, d), Some(date));
        }
        for (input, e) in [
            ("", DateError::Empty),
            ("2023-02-29", DateError::InvalidDate),
            ("1900-02-29", DateError::InvalidDate),
            ("2023-04-31", DateError::InvalidDate),
            ("2023-4-25", DateError::Format),
            ("25.04.2023", DateError::Format),
            ("2023-04-25T00:00:00Z", DateError::Format),
        ] {
            fuzz::refused::<Date>(input, &e);
        }
        assert_eq!(Date::from_ymd(-1, 1, 1), None);
        assert_eq!(Date::from_ymd(2023, 0, 1), None);
        let mut dates = [
            Date::from_ymd(2023, 1, 2).unwrap(),
            Date::from_ymd(999, 12, 31).unwrap(),
            Date::from_ymd(2023, 1, 1).unwrap(),
            Date::from_ymd(2022, 12, 31).unwrap(),
        ];
        dates.sort();
        let sorted: Vec<&str> = dates.iter().map(Date::as_str).collect();
        assert_eq!(
            sorted,
            ["0999-12-31", "2022-12-31", "2023-01-01", "2023-01-02"]
        );
    }

    #[test]
    fn sendios_date_times() {
        for (input, expected) in [
            ("2023-04-25 12:55:38", "2023-04-25 12:55:38"),
            (" 2023-04-25 00:00:00 ", "2023-04-25 00:00:00"),
            ("2023-04-25T12:55:38Z", "2023-04-25 12:55:38"),
            ("2023-04-25T14:55:38+02:00", "2023-04-25 12:55:38"),
            ("2023-04-25T12:55:38.123456Z", "2023-04-25 12:55:38"),
            ("2023-04-25 12:55:38+02:00", "2023-04-25 10:55:38"),
            ("2023-04-25T12:55Z", "2023-04-25 12:55:00"),
            ("2024-01-01T00:30:00+01:00", "2023-12-31 23:30:00"),
        ] {
            fuzz::parses::<SendiosDateTime>(input, expected);
        }
        for (input, e) in [
            ("", SendiosDateTimeError::Empty),
            ("2023-04-25", SendiosDateTimeError::MissingTime),
            ("2023-04-25T12:55:38", SendiosDateTimeError::MissingZone),
            ("2023-04-25 12:55", SendiosDateTimeError::Format),
            ("2023-04-25 12:55:38.5", SendiosDateTimeError::Format),
            ("2023-04-25 12-55-38", SendiosDateTimeError::Format),
            ("2023-02-30 12:55:38", SendiosDateTimeError::InvalidDate),
            ("2023-04-25 24:00:00", SendiosDateTimeError::InvalidTime),
            ("2023-04-25 23:59:60", SendiosDateTimeError::InvalidTime),
            (
                "2023-04-25T12:55:38+25:00",
                SendiosDateTimeError::InvalidOffset,
            ),
            (
                "0000-01-01T00:00:00+00:01",
                SendiosDateTimeError::OutOfRange,
            ),
        ] {
            fuzz::refused::<SendiosDateTime>(input, &e);
        }
    }

    #[test]
    fn date_like_shapes() {
        for s in [
            "2018-08-08",
            "2018-08-08 14:23",
            "2018-08-08 14:23:11",
            "2018-08-08T14:23Z",
            "2018-08-08T14:23:11+02:00",
            "2018-08-08T14:23:11.5-0300",
        ] {
            assert_eq!(date_like(s), Some(true), "{s}");
        }
        for s in [
            "2018-02-30",
            "2018-08-08 25:00",
            "2018-08-08 14:60:00",
            "2018-13-08T14:23Z",
            "2018-08-08T14:23+24:00",
        ] {
            assert_eq!(date_like(s), Some(false), "{s}");
        }
        for s in [
            "",
            "hello",
            "2018-8-8",
            " 2018-08-08",
            "2018-08-08 ",
            "2018-08-08x",
            "20180808",
            "12:30",
        ] {
            assert_eq!(date_like(s), None, "{s:?}");
        }
    }

    #[test]
    fn conversions_and_serde() {
        fuzz::converts::<UtcDateTime>(
            &["2023-04-25T14:55:38+02:00"],
            "2023-04-25T12:55:38Z",
            "2023-04-25T12:55:38",
        );
        fuzz::converts::<Date>(&["2000-02-29"], "2000-02-29", "2001-02-29");
        fuzz::converts::<SendiosDateTime>(
            &["2023-04-25T12:55:38Z"],
            "2023-04-25 12:55:38",
            "2023-04-25T12:55:38",
        );
    }

    #[test]
    fn fuzz_never_panics_and_round_trips() {
        let alphabet: Vec<char> = "0123456789-:T Z+.0123456789".chars().collect();
        let seeds = [
            "2023-04-25T12:55:38Z",
            "2023-04-25 12:55:38",
            "2023-04-25T14:55:38.123+02:00",
            "2023-02-28",
            "0000-01-01T00:00-0100",
            "9999-12-31T23:59+0000",
        ];
        let strings = fuzz::strings(0xDA7E, 5000, 30, &alphabet, &seeds);
        fuzz::round_trips::<UtcDateTime>(&strings, |s, parsed| {
            if let Ok(dt) = parsed {
                assert_eq!(
                    SendiosDateTime::parse(s).map(|x| x.as_str()[..19].to_owned()),
                    Ok(dt.as_str()[..19].replace('T', " "))
                );
            }
        });
        fuzz::round_trips::<Date>(&strings, |s, parsed| {
            if parsed.is_ok() {
                assert_eq!(date_like(trim(s)), Some(true));
            }
        });
        fuzz::round_trips::<SendiosDateTime>(&strings, |s, _| {
            let _ = date_like(s);
        });
    }
}
