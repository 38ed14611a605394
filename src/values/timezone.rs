//! IANA time zone names (RULES.md §2 "timezone").
//!
//! Any name of the time zone database as shipped by `chrono-tz`, including
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
//! assert_eq!(TimeZone::parse("america/new_york")?.as_str(), "America/New_York");
//! assert_eq!(TimeZone::parse("US/Eastern")?.as_str(), "US/Eastern");
//! assert_eq!(TimeZone::parse("+05:00"), Err(TimeZoneError::Offset));
//! assert_eq!(TimeZone::parse("PST"), Err(TimeZoneError::Abbreviation));
//! assert_eq!(TimeZone::parse("Europe/Vilnus").unwrap_err().suggestion(), Some("Europe/Vilnius"));
//! # Ok::<(), TimeZoneError>(())
//! ```

use std::collections::HashMap;
use std::sync::OnceLock;

use chrono_tz::TZ_VARIANTS;

use super::trim;

/// Longer inputs are not looked up (the longest name has 32 bytes).
const MAX_LEN: usize = 64;

/// An IANA time zone name, spelled as in the database.
///
/// ```
/// use omnicontact::values::TimeZone;
///
/// let tz: TimeZone = "ASIA/CALCUTTA".parse()?;
/// assert_eq!(tz.as_str(), "Asia/Calcutta");
/// assert!(TimeZone::is_valid("utc"));
/// # Ok::<(), omnicontact::values::TimeZoneError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TimeZone {
    name: &'static str,
}

/// Why a string is not a [`TimeZone`].
///
/// ```
/// use omnicontact::values::{TimeZone, TimeZoneError};
///
/// let e = TimeZone::parse("UTC+3").unwrap_err();
/// assert_eq!(e, TimeZoneError::Offset);
/// assert_eq!(e.to_string(), "a UTC offset, not an IANA time zone name such as `Europe/Vilnius`");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum TimeZoneError {
    /// Nothing but whitespace.
    #[error("empty time zone name")]
    Empty,
    /// A UTC offset (`Z`, `+05:00`, `UTC+3`) rather than a zone name.
    #[error("a UTC offset, not an IANA time zone name such as `Europe/Vilnius`")]
    Offset,
    /// An abbreviation such as `PST` or `CEST`, which is not a zone name.
    #[error("a time zone abbreviation, not an IANA time zone name such as `America/Los_Angeles`")]
    Abbreviation,
    /// No zone has this name.
    #[error("unknown time zone name{}", did_you_mean(*.suggestion))]
    Unknown {
        /// The closest zone name, when one is close.
        suggestion: Option<&'static str>,
    },
}

fn did_you_mean(suggestion: Option<&str>) -> String {
    suggestion.map_or_else(String::new, |s| format!("; did you mean `{s}`?"))
}

impl TimeZoneError {
    /// The closest zone name for an unknown name: the same name with at
    /// most two edits (case and `_`/space aside), or the zone whose last
    /// part is the input (`Vilnius` → `Europe/Vilnius`).
    ///
    /// ```
    /// # use omnicontact::values::TimeZone;
    /// assert_eq!(TimeZone::parse("America/New York").unwrap_err().suggestion(), Some("America/New_York"));
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
    /// Parses an IANA time zone name, case-insensitively.
    ///
    /// ```
    /// use omnicontact::values::{TimeZone, TimeZoneError};
    ///
    /// assert_eq!(TimeZone::parse(" Europe/vilnius ").unwrap().as_str(), "Europe/Vilnius");
    /// assert_eq!(TimeZone::parse("etc/gmt+2").unwrap().as_str(), "Etc/GMT+2");
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
    /// assert!(TimeZone::is_valid(" europe/paris "));
    /// assert!(!TimeZone::is_valid("CEST"));
    /// ```
    pub fn is_valid(input: &str) -> bool {
        lookup(trim(input)).is_some()
    }

    /// The name, spelled as in the database.
    ///
    /// ```
    /// # use omnicontact::values::TimeZone;
    /// let tz = TimeZone::parse("america/argentina/buenos_aires").unwrap();
    /// assert_eq!(tz.as_str(), "America/Argentina/Buenos_Aires");
    /// ```
    pub fn as_str(&self) -> &'static str {
        self.name
    }
}

super::string_value!(TimeZone, TimeZoneError, "an IANA time zone name");

/// Lower-cased name → name, built once.
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

fn lookup(s: &str) -> Option<&'static str> {
    if s.is_empty() || s.len() > MAX_LEN || !s.is_ascii() {
        return None;
    }
    index().get(&s.to_ascii_lowercase()).copied()
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
        // `PST`, `cest`; but `Paris` and `lima` are cities.
        let city = (!s.bytes().all(|b| b.is_ascii_uppercase()))
            .then(|| suffix_match(&fold(s)))
            .flatten();
        return match city {
            Some(name) => TimeZoneError::Unknown {
                suggestion: Some(name),
            },
            None => TimeZoneError::Abbreviation,
        };
    }
    TimeZoneError::Unknown {
        suggestion: suggest(s),
    }
}

/// The first zone (in name order) whose last part is `folded`.
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

    #[track_caller]
    fn ok(input: &str, expected: &str) {
        let tz = TimeZone::parse(input).unwrap_or_else(|e| panic!("{input:?}: {e}"));
        assert_eq!(tz.as_str(), expected);
        assert!(TimeZone::is_valid(input));
        assert_eq!(TimeZone::parse(tz.as_str()), Ok(tz));
    }

    #[track_caller]
    fn err(input: &str, expected: &TimeZoneError) {
        assert_eq!(TimeZone::parse(input).as_ref(), Err(expected), "{input:?}");
        assert!(!TimeZone::is_valid(input));
    }

    #[test]
    fn names_and_links() {
        ok("America/New_York", "America/New_York");
        ok("america/new_york", "America/New_York");
        ok("AMERICA/NEW_YORK", "America/New_York");
        ok(" Europe/Vilnius\n", "Europe/Vilnius");
        ok("US/Eastern", "US/Eastern");
        ok("us/eastern", "US/Eastern");
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
        ok("etc/gmt-14", "Etc/GMT-14");
        ok("EST", "EST");
        ok("CET", "CET");
        ok("EST5EDT", "EST5EDT");
        ok("Zulu", "Zulu");
        ok("GB", "GB");
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
        err("AEST", &TimeZoneError::Abbreviation);
        err("Mars/Olympus", &TimeZoneError::Unknown { suggestion: None });
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
        let msg = TimeZone::parse("Europe/Vilnus").unwrap_err().to_string();
        assert_eq!(
            msg,
            "unknown time zone name; did you mean `Europe/Vilnius`?"
        );
        assert_eq!(TimeZoneError::Offset.suggestion(), None);
    }

    #[test]
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
    fn edit_distance() {
        assert_eq!(within_two(b"abc", b"abc"), Some(0));
        assert_eq!(within_two(b"abc", b"abd"), Some(1));
        assert_eq!(within_two(b"abc", b"a"), Some(2));
        assert_eq!(within_two(b"abc", b""), None);
        assert_eq!(within_two(b"kitten", b"sitting"), None);
    }

    #[test]
    fn conversions_and_serde() {
        let tz: TimeZone = "europe/london".parse().unwrap();
        assert_eq!(tz.to_string(), "Europe/London");
        assert_eq!(tz.as_ref(), "Europe/London");
        assert_eq!(TimeZone::try_from("Europe/London"), Ok(tz));
        assert_eq!(TimeZone::try_from(String::from("EUROPE/LONDON")), Ok(tz));
        assert_eq!(serde_json::to_string(&tz).unwrap(), "\"Europe/London\"");
        assert_eq!(
            serde_json::from_str::<TimeZone>("\"europe/london\"").unwrap(),
            tz
        );
        assert!(serde_json::from_str::<TimeZone>("\"PST\"").is_err());
        fuzz::assert_error_traits::<TimeZoneError>();
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
        for s in fuzz::strings(0x7_1A7E, 3000, 16, &alphabet, &seeds) {
            let parsed = TimeZone::parse(&s);
            assert_eq!(TimeZone::is_valid(&s), parsed.is_ok(), "{s:?}");
            match parsed {
                Ok(tz) => assert_eq!(TimeZone::parse(tz.as_str()), Ok(tz)),
                Err(e) => {
                    if let Some(name) = e.suggestion() {
                        assert!(TimeZone::is_valid(name));
                    }
                }
            }
        }
    }
}
