//! UUIDs in the hyphenated `8-4-4-4-12` form.
//!
//! Any version and variant is accepted (the raia docs' own example
//! `5f7b1b3b-3b3b-4b3b-3b3b-3b3b3b3b3b3b` has an invalid variant); braces,
//! `urn:uuid:` and the 32-digit simple form are not. Normalized to lowercase.
//!
//! ```
//! use omnicontact::values::{Uuid, UuidError};
//!
//! let id = Uuid::parse("5F7B1B3B-3B3B-4B3B-3B3B-3B3B3B3B3B3B")?;
//! assert_eq!(id.as_str(), "5f7b1b3b-3b3b-4b3b-3b3b-3b3b3b3b3b3b");
//! assert_eq!(Uuid::parse("{5f7b1b3b-3b3b-4b3b-3b3b-3b3b3b3b3b3b}"), Err(UuidError::Braced));
//! # Ok::<(), UuidError>(())
//! ```

use super::trim;

/// A UUID, hyphenated and lowercase.
///
/// ```
/// use omnicontact::values::Uuid;
///
/// let id: Uuid = "00000000-0000-0000-0000-000000000000".parse()?;
/// assert_eq!(id.to_string(), "00000000-0000-0000-0000-000000000000");
/// # Ok::<(), omnicontact::values::UuidError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Uuid {
    value: String,
}

/// Why a string is not a [`Uuid`].
///
/// ```
/// use omnicontact::values::{Uuid, UuidError};
///
/// let e = Uuid::parse("123e4567-e89b12d3--a456-426614174000").unwrap_err();
/// assert_eq!(e, UuidError::Hyphens);
/// assert_eq!(e.to_string(), "hyphens must separate groups of 8-4-4-4-12 hex digits");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum UuidError {
    /// Nothing but whitespace.
    #[error("empty UUID")]
    Empty,
    /// In braces (`{…}`), which are not accepted.
    #[error("braces are not allowed; expected 'xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx'")]
    Braced,
    /// A `urn:uuid:` prefix, which is not accepted.
    #[error(
        "the 'urn:uuid:' prefix is not allowed; expected 'xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx'"
    )]
    Urn,
    /// Not 36 characters.
    #[error("expected 36 characters 'xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx'")]
    Length,
    /// Hyphens not at positions 9, 14, 19 and 24.
    #[error("hyphens must separate groups of 8-4-4-4-12 hex digits")]
    Hyphens,
    /// A character that is not a hex digit.
    #[error("character {0:?} is not a hex digit")]
    InvalidCharacter(char),
}

/// Byte positions of the hyphens.
const HYPHENS: [usize; 4] = [8, 13, 18, 23];

impl Uuid {
    /// Parses a hyphenated UUID, case-insensitively.
    ///
    /// ```
    /// use omnicontact::values::{Uuid, UuidError};
    ///
    /// assert!(Uuid::parse("123e4567-e89b-12d3-a456-426614174000").is_ok());
    /// assert_eq!(Uuid::parse("123e4567e89b12d3a456426614174000"), Err(UuidError::Length));
    /// assert_eq!(Uuid::parse("123e4567-e89b-12d3-a456-42661417400g"), Err(UuidError::InvalidCharacter('g')));
    /// ```
    pub fn parse(input: &str) -> Result<Uuid, UuidError> {
        check(input).map(|s| Uuid {
            value: s.to_ascii_lowercase(),
        })
    }

    /// Whether [`Uuid::parse`] accepts `input`.
    ///
    /// ```
    /// # use omnicontact::values::Uuid;
    /// assert!(Uuid::is_valid("123E4567-E89B-12D3-A456-426614174000"));
    /// assert!(!Uuid::is_valid("123e4567e89b12d3a456426614174000"));
    /// ```
    pub fn is_valid(input: &str) -> bool {
        check(input).is_ok()
    }

    /// The UUID, lowercase.
    ///
    /// ```
    /// # use omnicontact::values::Uuid;
    /// let id = Uuid::parse("123E4567-E89B-12D3-A456-426614174000").unwrap();
    /// assert_eq!(id.as_str(), "123e4567-e89b-12d3-a456-426614174000");
    /// ```
    pub fn as_str(&self) -> &str {
        &self.value
    }
}

super::string_value!(Uuid, UuidError, "a UUID");

fn check(input: &str) -> Result<&str, UuidError> {
    let s = trim(input);
    if s.is_empty() {
        return Err(UuidError::Empty);
    }
    if s.starts_with('{') {
        return Err(UuidError::Braced);
    }
    if s.get(..9)
        .is_some_and(|p| p.eq_ignore_ascii_case("urn:uuid:"))
    {
        return Err(UuidError::Urn);
    }
    if let Some(c) = s.chars().find(|&c| c != '-' && !c.is_ascii_hexdigit()) {
        return Err(UuidError::InvalidCharacter(c));
    }
    if s.len() != 36 {
        return Err(UuidError::Length);
    }
    let hyphens_ok = s
        .bytes()
        .enumerate()
        .all(|(i, b)| (b == b'-') == HYPHENS.contains(&i));
    if !hyphens_ok {
        return Err(UuidError::Hyphens);
    }
    Ok(s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::values::fuzz;

    #[test]
    fn accepts_any_version_and_variant() {
        for (input, expected) in [
            (
                "5f7b1b3b-3b3b-4b3b-3b3b-3b3b3b3b3b3b",
                "5f7b1b3b-3b3b-4b3b-3b3b-3b3b3b3b3b3b",
            ),
            (
                "5F7B1B3B-3B3B-4B3B-3B3B-3B3B3B3B3B3B",
                "5f7b1b3b-3b3b-4b3b-3b3b-3b3b3b3b3b3b",
            ),
            (
                " 123e4567-e89b-12d3-a456-426614174000\n",
                "123e4567-e89b-12d3-a456-426614174000",
            ),
            (
                "00000000-0000-0000-0000-000000000000",
                "00000000-0000-0000-0000-000000000000",
            ),
            (
                "ffffffff-ffff-ffff-ffff-ffffffffffff",
                "ffffffff-ffff-ffff-ffff-ffffffffffff",
            ),
            (
                "01890a5d-ac96-774b-bcce-b302099a8057",
                "01890a5d-ac96-774b-bcce-b302099a8057",
            ),
        ] {
            fuzz::parses::<Uuid>(input, expected);
        }
    }

    #[test]
    fn refuses() {
        for (input, e) in [
            ("", UuidError::Empty),
            ("{5f7b1b3b-3b3b-4b3b-3b3b-3b3b3b3b3b3b}", UuidError::Braced),
            (
                "urn:uuid:5f7b1b3b-3b3b-4b3b-3b3b-3b3b3b3b3b3b",
                UuidError::Urn,
            ),
            (
                "URN:UUID:5f7b1b3b-3b3b-4b3b-3b3b-3b3b3b3b3b3b",
                UuidError::Urn,
            ),
            ("5f7b1b3b3b3b4b3b3b3b3b3b3b3b3b3b", UuidError::Length),
            ("5f7b1b3b-3b3b-4b3b-3b3b-3b3b3b3b3b3", UuidError::Length),
            ("5f7b1b3b-3b3b-4b3b-3b3b-3b3b3b3b3b3b0", UuidError::Length),
            ("5f7b1b3b3-b3b-4b3b-3b3b-3b3b3b3b3b3b", UuidError::Hyphens),
            ("5f7b1b3b-3b3b-4b3b-3b3b3-b3b3b3b3b3b", UuidError::Hyphens),
            ("------------------------------------", UuidError::Hyphens),
            (
                "5f7b1b3b-3b3b-4b3b-3b3b-3b3b3b3b3b3g",
                UuidError::InvalidCharacter('g'),
            ),
            (
                "5f7b1b3b-3b3b-4b3b-3b3b-3b3b3b3b3b3ｂ",
                UuidError::InvalidCharacter('ｂ'),
            ),
            (
                "5f7b1b3b_3b3b_4b3b_3b3b_3b3b3b3b3b3b",
                UuidError::InvalidCharacter('_'),
            ),
            (
                "5f7b1b3b-3b3b-4b3b-3b3b-3b3b3b3b\u{200B}3b3b",
                UuidError::InvalidCharacter('\u{200B}'),
            ),
        ] {
            fuzz::refused::<Uuid>(input, &e);
        }
        assert_eq!(Uuid::parse(&"a".repeat(100_000)), Err(UuidError::Length));
    }

    #[test]
    fn conversions_and_serde() {
        fuzz::converts::<Uuid>(
            &["5F7B1B3B-3B3B-4B3B-3B3B-3B3B3B3B3B3B"],
            "5f7b1b3b-3b3b-4b3b-3b3b-3b3b3b3b3b3b",
            "nope",
        );
    }

    #[test]
    fn fuzz_never_panics_and_round_trips() {
        let alphabet: Vec<char> = "0123456789abcdefABCDEF-".chars().collect();
        let seeds = [
            "5f7b1b3b-3b3b-4b3b-3b3b-3b3b3b3b3b3b",
            "{00000000-0000-0000-0000-000000000000}",
        ];
        let strings = fuzz::strings(0x0_0D1D, 4000, 40, &alphabet, &seeds);
        fuzz::round_trips::<Uuid>(&strings, |_, parsed| {
            if let Ok(id) = parsed {
                assert_eq!(id.as_str().len(), 36);
            }
        });
    }
}
