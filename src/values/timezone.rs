//! IANA time zone names.
//!
//! With the `tz` cargo feature (on by default): any name of the time zone
//! database as shipped by `chrono-tz`, including
//! backward-compatible links (`US/Eastern`, `Asia/Calcutta`) and the legacy
//! names that are real entries (`UTC`, `GMT`, `EST`, `CET`, `EST5EDT`,
//! `Etc/GMT+2`). Matched case-insensitively and normalized to the database's
//! spelling (`america/new_york` → `America/New_York`); a link keeps its own
//! name (it is not resolved to its target).
//!
//! UTC offsets (`Z`, `+05:00`, `UTC+3`, `GMT+2`) are [`TimeZoneError::Offset`]
//! and abbreviations that are not names in the database (`PST`, `CEST`)
//! are [`TimeZoneError::Abbreviation`]. For any other unknown name the
//! error may suggest the closest zone ([`TimeZoneError::suggestion`]).
//!
//! ```
//! use omnicontact::values::{TimeZone, TimeZoneError};
//!
//! # #[cfg(feature = "tz")] {
//! assert_eq!(TimeZone::parse("america/new_york")?.as_str(), "America/New_York");
//! assert_eq!(TimeZone::parse("Europe/Vilnus").unwrap_err().suggestion(), Some("Europe/Vilnius"));
//! # }
//! assert_eq!(TimeZone::parse("US/Eastern")?.as_str(), "US/Eastern");
//! assert_eq!(TimeZone::parse("+05:00"), Err(TimeZoneError::Offset));
//! assert_eq!(TimeZone::parse("PST"), Err(TimeZoneError::Abbreviation));
//! # Ok::<(), TimeZoneError>(())
//! ```
//!
//! # Without the `tz` feature
//!
//! With `default-features = false` (and without `tz`), the database is not
//! compiled in (no `chrono-tz`), and a name is accepted when it has the
//! database's shape:
//!
//! - `Area/Location` or `Area/Location/Sub`, written as the database
//!   writes its names (no case folding): `Area` is one of the database's
//!   areas (`Africa`, `America`, `Antarctica`, `Arctic`, `Asia`,
//!   `Atlantic`, `Australia`, `Europe`, `Indian`, `Pacific`, `Etc`, and the
//!   backward areas `Brazil`, `Canada`, `Chile`, `Mexico`, `US`), and every
//!   other part starts with an ASCII capital letter followed by ASCII
//!   letters, digits, `_`, `-` or `+`; at most 40 bytes. The name is kept
//!   as written: `Europe/Vilnius` and `Europe/Atlantis` are accepted alike,
//!   `europe/vilnius` is refused;
//! - or one of the database's single names (`UTC`, `GMT`, `Zulu`, `EST`,
//!   `CET`, `EST5EDT`, `GB`, `Japan`, …, a list of this crate checked
//!   against the database), matched case-insensitively and spelled as in
//!   the database (`utc` → `UTC`), as with the feature.
//!
//! Offsets ([`TimeZoneError::Offset`]) are refused exactly as with the
//! feature. Two to five ASCII letters that are not a single name are
//! [`TimeZoneError::Abbreviation`], except a capitalized word (`Paris`),
//! which is [`TimeZoneError::Unknown`]. An unknown name never has a
//! suggestion.
//!
//! ```
//! use omnicontact::values::{TimeZone, TimeZoneError};
//!
//! // The same in both builds.
//! assert_eq!(TimeZone::parse("Europe/Vilnius")?.as_str(), "Europe/Vilnius");
//! assert_eq!(TimeZone::parse("America/Argentina/Buenos_Aires")?.as_str(), "America/Argentina/Buenos_Aires");
//! assert_eq!(TimeZone::parse("utc")?.as_str(), "UTC");
//! assert_eq!(TimeZone::parse("Etc/GMT+2")?.as_str(), "Etc/GMT+2");
//! assert_eq!(TimeZone::parse("UTC+3"), Err(TimeZoneError::Offset));
//! assert_eq!(TimeZone::parse("CEST"), Err(TimeZoneError::Abbreviation));
//! assert_eq!(TimeZone::parse("Mars/Olympus"), Err(TimeZoneError::Unknown { suggestion: None }));
//! // Only with the database.
//! assert_eq!(TimeZone::is_valid("europe/vilnius"), cfg!(feature = "tz"));
//! assert_eq!(TimeZone::is_valid("Europe/Atlantis"), !cfg!(feature = "tz"));
//! # Ok::<(), TimeZoneError>(())
//! ```

#[cfg(feature = "tz")]
use std::collections::HashMap;
#[cfg(feature = "tz")]
use std::sync::OnceLock;

#[cfg(feature = "tz")]
use chrono_tz::TZ_VARIANTS;

use super::trim;

/// Longer inputs are not looked up (the longest name has 32 bytes).
#[cfg(feature = "tz")]
const MAX_LEN: usize = 64;

/// An IANA time zone name, spelled as in the database.
///
/// With the `tz` feature (on by default) every value is a name of the
/// database; without it, a name of the database's shape, kept as written
/// (see the [module docs](self#without-the-tz-feature)).
///
/// ```
/// use omnicontact::values::TimeZone;
///
/// # #[cfg(feature = "tz")] {
/// let tz: TimeZone = "ASIA/CALCUTTA".parse()?;
/// assert_eq!(tz.as_str(), "Asia/Calcutta");
/// # }
/// let tz: TimeZone = "Asia/Calcutta".parse()?;
/// assert_eq!(tz.as_str(), "Asia/Calcutta");
/// assert!(TimeZone::is_valid("utc"));
/// # Ok::<(), omnicontact::values::TimeZoneError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TimeZone {
    name: Name,
}

/// A name of the database.
#[cfg(feature = "tz")]
type Name = &'static str;

/// A name of the database's shape, held inline so that [`TimeZone`] stays
/// `Copy`.
#[cfg(not(feature = "tz"))]
type Name = Inline;

/// Why a string is not a [`TimeZone`].
///
/// ```
/// use omnicontact::values::{TimeZone, TimeZoneError};
///
/// let e = TimeZone::parse("UTC+3").unwrap_err();
/// assert_eq!(e, TimeZoneError::Offset);
/// assert_eq!(e.to_string(), "a UTC offset, not an IANA time zone name such as 'Europe/Vilnius'");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum TimeZoneError {
    /// Nothing but whitespace.
    #[error("empty time zone name")]
    Empty,
    /// A UTC offset (`Z`, `+05:00`, `UTC+3`) rather than a zone name.
    #[error("a UTC offset, not an IANA time zone name such as 'Europe/Vilnius'")]
    Offset,
    /// An abbreviation such as `PST` or `CEST`, which is not a zone name.
    #[error("a time zone abbreviation, not an IANA time zone name such as 'America/Los_Angeles'")]
    Abbreviation,
    /// No zone has this name.
    #[error("unknown time zone name{}", did_you_mean(*.suggestion))]
    Unknown {
        /// The closest zone name, when one is close.
        suggestion: Option<&'static str>,
    },
}

fn did_you_mean(suggestion: Option<&str>) -> String {
    suggestion.map_or_else(String::new, |s| format!("; did you mean '{s}'?"))
}

impl TimeZoneError {
    /// The closest zone name for an unknown name: the same name with at
    /// most two edits (case and `_`/space aside), or the zone whose last
    /// part is the input (`Vilnius` → `Europe/Vilnius`). Always `None`
    /// without the `tz` feature.
    ///
    /// ```
    /// # use omnicontact::values::TimeZone;
    /// # #[cfg(feature = "tz")]
    /// assert_eq!(TimeZone::parse("America/New York").unwrap_err().suggestion(), Some("America/New_York"));
    /// # #[cfg(feature = "tz")]
    /// assert_eq!(TimeZone::parse("vilnius").unwrap_err().suggestion(), Some("Europe/Vilnius"));
    /// assert_eq!(TimeZone::parse("Mars/Olympus").unwrap_err().suggestion(), None);
    /// ```
    pub fn suggestion(&self) -> Option<&'static str> {
        match self {
            TimeZoneError::Unknown { suggestion } => *suggestion,
            _ => None,
        }
    }
}

impl TimeZone {
    /// Parses an IANA time zone name, case-insensitively (without the
    /// `tz` feature: by its shape, see the
    /// [module docs](self#without-the-tz-feature)).
    ///
    /// ```
    /// use omnicontact::values::{TimeZone, TimeZoneError};
    ///
    /// # #[cfg(feature = "tz")] {
    /// assert_eq!(TimeZone::parse(" Europe/vilnius ").unwrap().as_str(), "Europe/Vilnius");
    /// assert_eq!(TimeZone::parse("etc/gmt+2").unwrap().as_str(), "Etc/GMT+2");
    /// # }
    /// assert_eq!(TimeZone::parse(" Europe/Vilnius ").unwrap().as_str(), "Europe/Vilnius");
    /// assert_eq!(TimeZone::parse("GMT+2"), Err(TimeZoneError::Offset));
    /// ```
    pub fn parse(input: &str) -> Result<TimeZone, TimeZoneError> {
        let s = trim(input);
        if s.is_empty() {
            return Err(TimeZoneError::Empty);
        }
        if let Some(name) = lookup(s) {
            return Ok(TimeZone { name });
        }
        Err(classify(s))
    }

    /// Whether [`TimeZone::parse`] accepts `input`.
    ///
    /// ```
    /// # use omnicontact::values::TimeZone;
    /// assert!(TimeZone::is_valid(" Europe/Paris "));
    /// assert!(!TimeZone::is_valid("CEST"));
    /// ```
    pub fn is_valid(input: &str) -> bool {
        lookup(trim(input)).is_some()
    }

    /// The name, spelled as in the database (a `&'static str`, from the
    /// database).
    ///
    /// Without the `tz` feature the name is as written (single names such
    /// as `UTC` aside) and held in the value, so this method borrows it
    /// from `self` (`fn as_str(&self) -> &str`); code that compiles
    /// without the feature compiles with it.
    ///
    /// ```
    /// # use omnicontact::values::TimeZone;
    /// let tz = TimeZone::parse("America/Argentina/Buenos_Aires").unwrap();
    /// assert_eq!(tz.as_str(), "America/Argentina/Buenos_Aires");
    /// ```
    #[cfg(feature = "tz")]
    pub fn as_str(&self) -> &'static str {
        self.name
    }

    /// The name as written (single names such as `UTC` spelled as in the
    /// database).
    ///
    /// With the `tz` feature (on by default) this returns a `&'static str`
    /// of the database; without it the name is held in the value and
    /// borrowed from `self`.
    ///
    /// ```
    /// # use omnicontact::values::TimeZone;
    /// let tz = TimeZone::parse("America/Argentina/Buenos_Aires").unwrap();
    /// assert_eq!(tz.as_str(), "America/Argentina/Buenos_Aires");
    /// ```
    #[cfg(not(feature = "tz"))]
    pub fn as_str(&self) -> &str {
        self.name.as_str()
    }
}

super::string_value!(TimeZone, TimeZoneError, "an IANA time zone name");

/// Lower-cased name → name, built once.
#[cfg(feature = "tz")]
fn index() -> &'static HashMap<String, &'static str> {
    static INDEX: OnceLock<HashMap<String, &'static str>> = OnceLock::new();
    INDEX.get_or_init(|| {
        TZ_VARIANTS
            .iter()
            .map(|tz| {
                let name = tz.name();
                (name.to_ascii_lowercase(), name)
            })
            .collect()
    })
}

#[cfg(feature = "tz")]
fn lookup(s: &str) -> Option<Name> {
    if s.is_empty() || s.len() > MAX_LEN || !s.is_ascii() {
        return None;
    }
    index().get(&s.to_ascii_lowercase()).copied()
}

#[cfg(not(feature = "tz"))]
fn lookup(s: &str) -> Option<Name> {
    by_shape(s)
}

/// Most bytes of a name read without the database (the longest name in it
/// has 32).
#[cfg(any(test, not(feature = "tz")))]
const MAX_NAME: usize = 40;

/// The database's names that have no `/`, as it spells them (2025 data).
#[cfg(any(test, not(feature = "tz")))]
const SINGLE_NAMES: [&str; 44] = [
    "CET",
    "CST6CDT",
    "Cuba",
    "EET",
    "EST",
    "EST5EDT",
    "Egypt",
    "Eire",
    "GB",
    "GB-Eire",
    "GMT",
    "GMT+0",
    "GMT-0",
    "GMT0",
    "Greenwich",
    "HST",
    "Hongkong",
    "Iceland",
    "Iran",
    "Israel",
    "Jamaica",
    "Japan",
    "Kwajalein",
    "Libya",
    "MET",
    "MST",
    "MST7MDT",
    "NZ",
    "NZ-CHAT",
    "Navajo",
    "PRC",
    "PST8PDT",
    "Poland",
    "Portugal",
    "ROC",
    "ROK",
    "Singapore",
    "Turkey",
    "UCT",
    "UTC",
    "Universal",
    "W-SU",
    "WET",
    "Zulu",
];

/// The first parts of the database's `Area/Location` names.
#[cfg(any(test, not(feature = "tz")))]
const AREAS: [&str; 16] = [
    "Africa",
    "America",
    "Antarctica",
    "Arctic",
    "Asia",
    "Atlantic",
    "Australia",
    "Brazil",
    "Canada",
    "Chile",
    "Etc",
    "Europe",
    "Indian",
    "Mexico",
    "Pacific",
    "US",
];

/// A name held inline: ASCII, at most [`MAX_NAME`] bytes, padded with
/// zeros (no name holds one, so the derived order is the names' order).
#[cfg(any(test, not(feature = "tz")))]
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
struct Inline {
    bytes: [u8; MAX_NAME],
    len: u8,
}

#[cfg(any(test, not(feature = "tz")))]
impl Inline {
    /// `None` when `s` is longer than [`MAX_NAME`] or holds a zero byte.
    fn new(s: &str) -> Option<Inline> {
        if s.len() > MAX_NAME || s.contains('\0') {
            return None;
        }
        let mut bytes = [0; MAX_NAME];
        bytes[..s.len()].copy_from_slice(s.as_bytes());
        Some(Inline {
            bytes,
            len: u8::try_from(s.len()).ok()?,
        })
    }

    fn as_str(&self) -> &str {
        // Built from a `&str`, so always UTF-8.
        std::str::from_utf8(&self.bytes[..usize::from(self.len)]).unwrap_or_default()
    }
}

#[cfg(any(test, not(feature = "tz")))]
impl std::fmt::Debug for Inline {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.as_str(), f)
    }
}

/// A name read without the database: a single name (any case, spelled as
/// in the database), or `Area/Location[/Sub]` as written.
#[cfg(any(test, not(feature = "tz")))]
fn by_shape(s: &str) -> Option<Inline> {
    if s.len() > MAX_NAME || !s.is_ascii() {
        return None;
    }
    if let Some(name) = SINGLE_NAMES.iter().find(|n| n.eq_ignore_ascii_case(s)) {
        return Inline::new(name);
    }
    let mut parts = s.split('/');
    let area = parts.next()?;
    let rest: Vec<&str> = parts.collect();
    let part_ok = |p: &str| {
        p.as_bytes().first().is_some_and(u8::is_ascii_uppercase)
            && p.bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'+'))
    };
    (AREAS.contains(&area) && (1..=2).contains(&rest.len()) && rest.iter().all(|p| part_ok(p)))
        .then(|| Inline::new(s))
        .flatten()
}

/// Why a trimmed string that is not a name is refused.
fn classify(s: &str) -> TimeZoneError {
    let lower = s.to_ascii_lowercase();
    let offset_body = |rest: &str| {
        !rest.is_empty()
            && rest
                .bytes()
                .all(|b| b.is_ascii_digit() || matches!(b, b':' | b'.' | b' '))
    };
    let signed = |rest: &str| {
        rest.strip_prefix(['+', '-', '\u{2212}'])
            .is_some_and(|r| offset_body(r.trim_start()))
    };
    if lower == "z"
        || signed(&lower)
        || offset_body(&lower)
        || ["utc", "gmt", "ut"].iter().any(|p| {
            lower
                .strip_prefix(p)
                .is_some_and(|r| signed(r.trim_start()))
        })
    {
        return TimeZoneError::Offset;
    }
    if (2..=5).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphabetic()) {
        return abbreviation_or_city(s);
    }
    TimeZoneError::Unknown {
        suggestion: suggest(s),
    }
}

/// Two to five ASCII letters that are not a name: `PST`, `cest`; but
/// `Paris` and `lima` are cities.
#[cfg(feature = "tz")]
fn abbreviation_or_city(s: &str) -> TimeZoneError {
    let city = (!s.bytes().all(|b| b.is_ascii_uppercase()))
        .then(|| suffix_match(&fold(s)))
        .flatten();
    match city {
        Some(name) => TimeZoneError::Unknown {
            suggestion: Some(name),
        },
        None => TimeZoneError::Abbreviation,
    }
}

/// Two to five ASCII letters that are not a name: `PST`, `cest`; but a
/// capitalized word (`Paris`) is taken for a city (the database is not
/// there to tell).
#[cfg(not(feature = "tz"))]
fn abbreviation_or_city(s: &str) -> TimeZoneError {
    let bytes = s.as_bytes();
    if bytes[0].is_ascii_uppercase() && bytes[1..].iter().all(u8::is_ascii_lowercase) {
        TimeZoneError::Unknown { suggestion: None }
    } else {
        TimeZoneError::Abbreviation
    }
}

/// The first zone (in name order) whose last part is `folded`.
#[cfg(feature = "tz")]
fn suffix_match(folded: &str) -> Option<&'static str> {
    if folded.contains('/') {
        return None;
    }
    let suffix = format!("/{folded}");
    index()
        .iter()
        .filter(|(lower, _)| lower.ends_with(&suffix))
        .map(|(lower, &name)| (lower, name))
        .min()
        .map(|(_, name)| name)
}

/// Case-folded with spaces as `_`.
#[cfg(feature = "tz")]
fn fold(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c == ' ' {
                '_'
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect()
}

/// No suggestion without the database.
#[cfg(not(feature = "tz"))]
fn suggest(_: &str) -> Option<&'static str> {
    None
}

#[cfg(feature = "tz")]
fn suggest(s: &str) -> Option<&'static str> {
    if s.len() > MAX_LEN || !s.is_ascii() {
        return None;
    }
    let folded = fold(s);
    if let Some(name) = index().get(&folded) {
        return Some(name);
    }
    if let Some(name) = suffix_match(&folded) {
        return Some(name);
    }
    // Short names are too close to each other for two edits to mean much.
    let max = if folded.len() < 8 { 1 } else { 2 };
    index()
        .iter()
        .filter_map(|(lower, &name)| {
            within_two(folded.as_bytes(), lower.as_bytes())
                .filter(|&d| d <= max)
                .map(|d| (d, name))
        })
        .min()
        .map(|(_, name)| name)
}

/// The edit distance of `a` and `b` when it is at most 2.
#[cfg(feature = "tz")]
fn within_two(a: &[u8], b: &[u8]) -> Option<usize> {
    if a.len().abs_diff(b.len()) > 2 {
        return None;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, &ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        let mut row_min = cur[0];
        for (j, &cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
            row_min = row_min.min(cur[j + 1]);
        }
        if row_min > 2 {
            return None;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    let d = prev[b.len()];
    (d <= 2).then_some(d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::values::fuzz;

    fuzz::ok_and_err!(TimeZone);

    #[test]
    fn names_and_links() {
        ok("America/New_York", "America/New_York");
        ok(" Europe/Vilnius\n", "Europe/Vilnius");
        ok("US/Eastern", "US/Eastern");
        ok("Asia/Calcutta", "Asia/Calcutta");
        ok("Asia/Kolkata", "Asia/Kolkata");
        ok(
            "America/Argentina/Buenos_Aires",
            "America/Argentina/Buenos_Aires",
        );
        ok("UTC", "UTC");
        ok("utc", "UTC");
        ok("Etc/UTC", "Etc/UTC");
        ok("GMT", "GMT");
        ok("Etc/GMT+2", "Etc/GMT+2");
        ok("EST", "EST");
        ok("CET", "CET");
        ok("EST5EDT", "EST5EDT");
        ok("Zulu", "Zulu");
        ok("GB", "GB");
        ok("gb-eire", "GB-Eire");
    }

    #[test]
    #[cfg(feature = "tz")]
    fn names_in_any_case() {
        ok("america/new_york", "America/New_York");
        ok("AMERICA/NEW_YORK", "America/New_York");
        ok("us/eastern", "US/Eastern");
        ok("etc/gmt-14", "Etc/GMT-14");
    }

    #[test]
    #[cfg(not(feature = "tz"))]
    fn without_the_database_names_are_read_by_shape() {
        ok("Europe/Atlantis", "Europe/Atlantis");
        ok("America/Port-au-Prince", "America/Port-au-Prince");
        ok("Etc/GMT-14", "Etc/GMT-14");
        ok("Etc/GMT+99", "Etc/GMT+99");
        let unknown = TimeZoneError::Unknown { suggestion: None };
        err("america/new_york", &unknown);
        err("America/new_York", &unknown);
        err("Mars/Olympus", &unknown);
        err("Europe", &unknown);
        err("Europe/", &unknown);
        err("Europe//Vilnius", &unknown);
        err("Europe/Vilnius/Old/Town", &unknown);
        err("Europe/Vilnius Old", &unknown);
        err("Europe/Vilnius.", &unknown);
        err("Europe/Ünknown", &unknown);
        err(&format!("America/{}", "A".repeat(40)), &unknown);
        err("Paris", &unknown);
        err("lima", &TimeZoneError::Abbreviation);
        // A misspelt name has the shape of a name.
        assert!(TimeZone::is_valid("Europe/Vilnus"));
        let msg = TimeZone::parse("Vilnius").unwrap_err().to_string();
        assert_eq!(msg, "unknown time zone name");
    }

    #[test]
    fn refuses() {
        err("", &TimeZoneError::Empty);
        err("Z", &TimeZoneError::Offset);
        err("z", &TimeZoneError::Offset);
        err("+05:00", &TimeZoneError::Offset);
        err("-0300", &TimeZoneError::Offset);
        err("+3", &TimeZoneError::Offset);
        err("5", &TimeZoneError::Offset);
        err("UTC+3", &TimeZoneError::Offset);
        err("UTC +03:00", &TimeZoneError::Offset);
        err("utc-5", &TimeZoneError::Offset);
        err("GMT+2", &TimeZoneError::Offset);
        err("GMT-05:30", &TimeZoneError::Offset);
        err("PST", &TimeZoneError::Abbreviation);
        err("CEST", &TimeZoneError::Abbreviation);
        err("pdt", &TimeZoneError::Abbreviation);
        err("AEST", &TimeZoneError::Abbreviation);
        err("Mars/Olympus", &TimeZoneError::Unknown { suggestion: None });
        err(
            "Europe/Vilnius\u{200B}",
            &TimeZoneError::Unknown { suggestion: None },
        );
        err(
            "Eastern Standard Time",
            &TimeZoneError::Unknown { suggestion: None },
        );
        err(
            &"a/".repeat(50_000),
            &TimeZoneError::Unknown { suggestion: None },
        );
        assert_eq!(TimeZoneError::Offset.suggestion(), None);
    }

    #[test]
    #[cfg(feature = "tz")]
    fn suggestions() {
        err(
            "Paris",
            &TimeZoneError::Unknown {
                suggestion: Some("Europe/Paris"),
            },
        );
        err(
            "lima",
            &TimeZoneError::Unknown {
                suggestion: Some("America/Lima"),
            },
        );
        err(
            "Europe/Vilnus",
            &TimeZoneError::Unknown {
                suggestion: Some("Europe/Vilnius"),
            },
        );
        err(
            "America/New York",
            &TimeZoneError::Unknown {
                suggestion: Some("America/New_York"),
            },
        );
        err(
            "new york",
            &TimeZoneError::Unknown {
                suggestion: Some("America/New_York"),
            },
        );
        err(
            "Vilnius",
            &TimeZoneError::Unknown {
                suggestion: Some("Europe/Vilnius"),
            },
        );
        let msg = TimeZone::parse("Europe/Vilnus").unwrap_err().to_string();
        assert_eq!(
            msg,
            "unknown time zone name; did you mean 'Europe/Vilnius'?"
        );
    }

    #[test]
    #[cfg(feature = "tz")]
    fn every_database_name_parses_in_any_case() {
        assert_eq!(
            index().len(),
            TZ_VARIANTS.len(),
            "names are unique ignoring case"
        );
        for tz in TZ_VARIANTS {
            ok(tz.name(), tz.name());
            ok(&tz.name().to_uppercase(), tz.name());
        }
    }

    #[test]
    #[cfg(feature = "tz")]
    fn the_shape_rule_fits_the_database() {
        // What the build without the database accepts: every name of the
        // database, as spelled there; its single names and areas are the
        // database's.
        let mut singles: Vec<&str> = Vec::new();
        let mut areas: Vec<&str> = Vec::new();
        for tz in TZ_VARIANTS {
            let name = tz.name();
            assert_eq!(by_shape(name).as_ref().map(Inline::as_str), Some(name));
            match name.split_once('/') {
                Some((area, _)) => areas.push(area),
                None => singles.push(name),
            }
        }
        singles.sort_unstable();
        areas.sort_unstable();
        areas.dedup();
        assert_eq!(singles, SINGLE_NAMES);
        assert_eq!(areas, AREAS);
        assert_eq!(by_shape("utc").as_ref().map(Inline::as_str), Some("UTC"));
        assert_eq!(by_shape("europe/vilnius"), None);
        assert_eq!(by_shape("Mars/Olympus"), None);
        // The inline form orders and compares as the names do.
        let mut names: Vec<&str> = TZ_VARIANTS.iter().map(|tz| tz.name()).collect();
        let mut inline: Vec<Inline> = names.iter().filter_map(|n| Inline::new(n)).collect();
        names.sort_unstable();
        inline.sort_unstable();
        assert!(names.iter().copied().eq(inline.iter().map(Inline::as_str)));
        assert_eq!(format!("{:?}", inline[0]), format!("{:?}", names[0]));
    }

    #[test]
    #[cfg(feature = "tz")]
    fn edit_distance() {
        assert_eq!(within_two(b"abc", b"abc"), Some(0));
        assert_eq!(within_two(b"abc", b"abd"), Some(1));
        assert_eq!(within_two(b"abc", b"a"), Some(2));
        assert_eq!(within_two(b"abc", b""), None);
        assert_eq!(within_two(b"kitten", b"sitting"), None);
    }

    #[test]
    fn conversions_and_serde() {
        fuzz::converts::<TimeZone>(
            &["Europe/London", " Europe/London "],
            "Europe/London",
            "PST",
        );
        let tz = TimeZone::parse("Europe/London").unwrap();
        assert_eq!(format!("{tz:?}"), r#"TimeZone { name: "Europe/London" }"#);
    }

    #[test]
    #[cfg(feature = "tz")]
    fn conversions_fold_case() {
        let tz: TimeZone = "europe/london".parse().unwrap();
        assert_eq!(tz.as_str(), "Europe/London");
        assert_eq!(TimeZone::try_from(String::from("EUROPE/LONDON")), Ok(tz));
        assert_eq!(
            serde_json::from_str::<TimeZone>("\"europe/london\"").unwrap(),
            tz
        );
    }

    #[test]
    fn fuzz_never_panics_and_round_trips() {
        let alphabet: Vec<char> = "abcdefghijklmnopqrstuvwxyzEAUT/_+-0123:".chars().collect();
        let seeds = [
            "America/New_York",
            "UTC",
            "Etc/GMT+2",
            "US/Eastern",
            "PST",
            "+05:00",
        ];
        let strings = fuzz::strings(0x7_1A7E, 3000, 16, &alphabet, &seeds);
        fuzz::round_trips::<TimeZone>(&strings, |_, parsed| {
            if let Some(name) = parsed.err().and_then(TimeZoneError::suggestion) {
                assert!(TimeZone::is_valid(name));
            }
        });
    }
}
