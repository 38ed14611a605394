//! Gender as Sendios takes it: `m` or `f`.
//!
//! `m`, `f`, `male` and `female`, case-insensitive and trimmed, normalized
//! to `m` / `f`.
//!
//! ```
//! use omnicontact::values::{Gender, GenderError};
//!
//! assert_eq!(Gender::parse(" Female ")?, Gender::Female);
//! assert_eq!(Gender::parse("M")?.as_str(), "m");
//! assert_eq!(Gender::parse("x"), Err(GenderError::Unknown));
//! # Ok::<(), GenderError>(())
//! ```

use super::trim;

/// `m` or `f`.
///
/// ```
/// use omnicontact::values::Gender;
///
/// let g: Gender = "MALE".parse()?;
/// assert_eq!(g, Gender::Male);
/// assert_eq!(g.to_string(), "m");
/// # Ok::<(), omnicontact::values::GenderError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Gender {
    /// `m`.
    Male,
    /// `f`.
    Female,
}

/// Why a string is not a [`Gender`].
///
/// ```
/// use omnicontact::values::{Gender, GenderError};
///
/// let e = Gender::parse("other").unwrap_err();
/// assert_eq!(e, GenderError::Unknown);
/// assert_eq!(e.to_string(), "not 'm', 'f', 'male' or 'female'");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum GenderError {
    /// Nothing but whitespace.
    #[error("empty gender")]
    Empty,
    /// Not `m`, `f`, `male` or `female`.
    #[error("not 'm', 'f', 'male' or 'female'")]
    Unknown,
}

impl Gender {
    /// Parses `m`, `f`, `male` or `female`, case-insensitively.
    ///
    /// ```
    /// # use omnicontact::values::Gender;
    /// assert_eq!(Gender::parse("f").unwrap(), Gender::Female);
    /// ```
    pub fn parse(input: &str) -> Result<Gender, GenderError> {
        let s = trim(input);
        if s.is_empty() {
            Err(GenderError::Empty)
        } else if s.eq_ignore_ascii_case("m") || s.eq_ignore_ascii_case("male") {
            Ok(Gender::Male)
        } else if s.eq_ignore_ascii_case("f") || s.eq_ignore_ascii_case("female") {
            Ok(Gender::Female)
        } else {
            Err(GenderError::Unknown)
        }
    }

    /// Whether [`Gender::parse`] accepts `input`.
    ///
    /// ```
    /// # use omnicontact::values::Gender;
    /// assert!(Gender::is_valid(" FEMALE "));
    /// assert!(!Gender::is_valid("x"));
    /// ```
    pub fn is_valid(input: &str) -> bool {
        Gender::parse(input).is_ok()
    }

    /// `"m"` or `"f"`.
    ///
    /// ```
    /// # use omnicontact::values::Gender;
    /// assert_eq!(Gender::parse("Female").unwrap().as_str(), "f");
    /// assert_eq!(Gender::Male.as_str(), "m");
    /// ```
    pub fn as_str(&self) -> &'static str {
        match self {
            Gender::Male => "m",
            Gender::Female => "f",
        }
    }
}

super::string_value!(Gender, GenderError, "'m' or 'f'");

#[cfg(test)]
mod tests {
    use super::*;
    use crate::values::fuzz;

    #[test]
    fn parses() {
        for (input, expected) in [
            ("m", Gender::Male),
            ("M", Gender::Male),
            ("male", Gender::Male),
            (" MALE\n", Gender::Male),
            ("Male", Gender::Male),
            ("f", Gender::Female),
            ("F", Gender::Female),
            ("female", Gender::Female),
            ("\u{FEFF}FeMaLe", Gender::Female),
        ] {
            assert_eq!(fuzz::parses::<Gender>(input, expected.as_str()), expected);
        }
        for (input, e) in [
            ("", GenderError::Empty),
            (" ", GenderError::Empty),
            ("x", GenderError::Unknown),
            ("ma", GenderError::Unknown),
            ("man", GenderError::Unknown),
            ("woman", GenderError::Unknown),
            ("0", GenderError::Unknown),
            ("ｍ", GenderError::Unknown),
            ("m\u{200B}", GenderError::Unknown),
        ] {
            fuzz::refused::<Gender>(input, &e);
        }
    }

    #[test]
    fn conversions_and_serde() {
        assert_eq!(Gender::Male.as_str(), "m");
        assert_eq!(Gender::Female.as_str(), "f");
        fuzz::converts::<Gender>(&["M"], "m", "x");
        fuzz::converts::<Gender>(&["female", "Female"], "f", "x");
        assert!(serde_json::from_str::<Gender>("1").is_err());
    }

    #[test]
    fn fuzz_never_panics_and_round_trips() {
        let alphabet: Vec<char> = "mMfFaAlLeE ".chars().collect();
        let strings = fuzz::strings(0x6E_0DE7, 3000, 8, &alphabet, &["male", "female"]);
        fuzz::round_trips::<Gender>(&strings, |_, _| {});
    }
}
