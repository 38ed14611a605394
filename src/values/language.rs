//! Language codes: ISO 639-1.
//!
//! [`LanguageCode::parse`] takes exactly two ASCII letters, case-insensitively,
//! that ISO 639-1 assigns, normalized to lowercase (`EN` → `en`; `UK` is
//! Ukrainian). [`LanguageCode::from_tag`] also reads a BCP 47 or POSIX locale
//! tag (`en-US`, `pt_BR`, `zh-Hant-TW`, `en_US.UTF-8`, `de_DE@euro`) whose
//! primary subtag is such a code, keeping only that code (a lossy
//! conversion: callers report it).
//!
//! ```
//! use omnicontact::values::{LanguageCode, LanguageError};
//!
//! assert_eq!(LanguageCode::parse("EN")?.as_str(), "en");
//! assert_eq!(LanguageCode::parse("en-US"), Err(LanguageError::NotACode));
//! assert_eq!(LanguageCode::from_tag("en-US")?.as_str(), "en");
//! assert_eq!(LanguageCode::from_tag("pt_BR")?.as_str(), "pt");
//! # Ok::<(), LanguageError>(())
//! ```

use isolang::Language;

use super::trim;

/// An ISO 639-1 language code, lowercase.
///
/// ```
/// use omnicontact::values::LanguageCode;
///
/// let uk: LanguageCode = "UK".parse()?;
/// assert_eq!(uk.as_str(), "uk"); // Ukrainian
/// assert!(!LanguageCode::is_valid("xx"));
/// # Ok::<(), omnicontact::values::LanguageError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct LanguageCode {
    code: &'static str,
}

/// Why a string is not a [`LanguageCode`].
///
/// ```
/// use omnicontact::values::{LanguageCode, LanguageError};
///
/// let e = LanguageCode::parse("qq").unwrap_err();
/// assert_eq!(e, LanguageError::UnknownCode);
/// assert_eq!(e.to_string(), "not an ISO 639-1 language code");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum LanguageError {
    /// Nothing but whitespace.
    #[error("empty language code")]
    Empty,
    /// Not two ASCII letters (for a tag: its primary subtag is not).
    #[error("expected a two-letter ISO 639-1 code")]
    NotACode,
    /// Two letters that ISO 639-1 does not assign.
    #[error("not an ISO 639-1 language code")]
    UnknownCode,
    /// A tag whose subtags after the language are malformed.
    #[error("malformed language tag")]
    InvalidTag,
}

/// Longest tag [`LanguageCode::from_tag`] looks at (BCP 47 tags used in
/// practice are far shorter).
const MAX_TAG: usize = 64;

impl LanguageCode {
    /// Parses a two-letter ISO 639-1 code, case-insensitively.
    ///
    /// ```
    /// use omnicontact::values::{LanguageCode, LanguageError};
    ///
    /// assert_eq!(LanguageCode::parse(" De ").unwrap().as_str(), "de");
    /// assert_eq!(LanguageCode::parse("eng"), Err(LanguageError::NotACode));
    /// assert_eq!(LanguageCode::parse("qq"), Err(LanguageError::UnknownCode));
    /// ```
    pub fn parse(input: &str) -> Result<LanguageCode, LanguageError> {
        let s = trim(input);
        if s.is_empty() {
            return Err(LanguageError::Empty);
        }
        lookup(s)
    }

    /// Whether [`LanguageCode::parse`] accepts `input` (tags are not
    /// accepted here; see [`LanguageCode::from_tag`]).
    ///
    /// ```
    /// # use omnicontact::values::LanguageCode;
    /// assert!(LanguageCode::is_valid("FR"));
    /// assert!(!LanguageCode::is_valid("fr-FR"));
    /// ```
    pub fn is_valid(input: &str) -> bool {
        LanguageCode::parse(input).is_ok()
    }

    /// Reads the language of a BCP 47 or POSIX locale tag: a two-letter
    /// primary subtag, then subtags of 1 to 8 letters or digits separated by
    /// `-` or `_`, then optionally `.codeset` and `@modifier`. A plain code
    /// is accepted too.
    ///
    /// ```
    /// use omnicontact::values::{LanguageCode, LanguageError};
    ///
    /// for tag in ["en", "en-US", "EN_us", "zh-Hant-TW", "en_US.UTF-8", "de_DE@euro", "es-419"] {
    ///     assert!(LanguageCode::from_tag(tag).is_ok(), "{tag}");
    /// }
    /// assert_eq!(LanguageCode::from_tag("zh-Hant-TW").unwrap().as_str(), "zh");
    /// assert_eq!(LanguageCode::from_tag("fil-PH"), Err(LanguageError::NotACode));
    /// assert_eq!(LanguageCode::from_tag("en-"), Err(LanguageError::InvalidTag));
    /// assert_eq!(LanguageCode::from_tag("english"), Err(LanguageError::NotACode));
    /// ```
    pub fn from_tag(input: &str) -> Result<LanguageCode, LanguageError> {
        let s = trim(input);
        if s.is_empty() {
            return Err(LanguageError::Empty);
        }
        let end = s.find(['-', '_', '.', '@']).unwrap_or(s.len());
        let code = lookup(&s[..end])?;
        if s.len() > MAX_TAG || !is_tag_rest(&s[end..]) {
            return Err(LanguageError::InvalidTag);
        }
        Ok(code)
    }

    /// The code, lowercase.
    ///
    /// ```
    /// # use omnicontact::values::LanguageCode;
    /// assert_eq!(LanguageCode::parse("PT").unwrap().as_str(), "pt");
    /// assert_eq!(LanguageCode::from_tag("pt_BR").unwrap().as_str(), "pt");
    /// ```
    pub fn as_str(&self) -> &'static str {
        self.code
    }
}

super::string_value!(LanguageCode, LanguageError, "an ISO 639-1 language code");

/// Looks up a trimmed two-letter code.
fn lookup(s: &str) -> Result<LanguageCode, LanguageError> {
    let &[a, b] = s.as_bytes() else {
        return Err(LanguageError::NotACode);
    };
    if !(a.is_ascii_alphabetic() && b.is_ascii_alphabetic()) {
        return Err(LanguageError::NotACode);
    }
    let lower = [a.to_ascii_lowercase(), b.to_ascii_lowercase()];
    let lower = std::str::from_utf8(&lower).map_err(|_| LanguageError::NotACode)?;
    Language::from_639_1(lower)
        .and_then(|lang| lang.to_639_1())
        .map(|code| LanguageCode { code })
        .ok_or(LanguageError::UnknownCode)
}

/// `([-_][A-Za-z0-9]{1,8})* (\.[A-Za-z0-9_-]+)? (@[A-Za-z0-9_-]+)?`
fn is_tag_rest(rest: &str) -> bool {
    let word = |w: &str| {
        !w.is_empty()
            && w.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    };
    let (rest, modifier) = match rest.split_once('@') {
        Some((r, m)) => (r, Some(m)),
        None => (rest, None),
    };
    if modifier.is_some_and(|m| !word(m)) {
        return false;
    }
    let (subtags, codeset) = match rest.split_once('.') {
        Some((r, c)) => (r, Some(c)),
        None => (rest, None),
    };
    if codeset.is_some_and(|c| !word(c)) {
        return false;
    }
    if subtags.is_empty() {
        return true;
    }
    let Some(subtags) = subtags.strip_prefix(['-', '_']) else {
        return false;
    };
    subtags
        .split(['-', '_'])
        .all(|t| (1..=8).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_alphanumeric()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::values::fuzz;

    #[test]
    fn parses_codes() {
        for (input, expected) in [
            ("en", "en"),
            ("EN", "en"),
            ("eN", "en"),
            (" lt ", "lt"),
            ("UK", "uk"),
            ("pt", "pt"),
            ("zh", "zh"),
            ("he", "he"),
            ("\u{FEFF}ja", "ja"),
        ] {
            let code = fuzz::parses::<LanguageCode>(input, expected);
            assert_eq!(LanguageCode::from_tag(input), Ok(code));
        }
    }

    #[test]
    fn refuses_codes() {
        for (input, expected) in [
            ("", LanguageError::Empty),
            (" \t", LanguageError::Empty),
            ("e", LanguageError::NotACode),
            ("eng", LanguageError::NotACode),
            ("en-US", LanguageError::NotACode),
            ("e1", LanguageError::NotACode),
            ("éa", LanguageError::NotACode),
            ("ｅｎ", LanguageError::NotACode),
            ("xx", LanguageError::UnknownCode),
            ("qq", LanguageError::UnknownCode),
            ("jp", LanguageError::UnknownCode),
        ] {
            fuzz::refused::<LanguageCode>(input, &expected);
        }
    }

    #[test]
    fn reads_tags() {
        for (tag, expected) in [
            ("en-US", "en"),
            ("en-us", "en"),
            ("pt_BR", "pt"),
            ("zh-Hant-TW", "zh"),
            ("en_US.UTF-8", "en"),
            ("de_DE@euro", "de"),
            ("de_DE.UTF-8@euro", "de"),
            ("sr-Latn", "sr"),
            ("es-419", "es"),
            ("EN-GB", "en"),
            ("uk_UA", "uk"),
            (" fr-CA ", "fr"),
            ("en-GB-oxendict", "en"),
        ] {
            assert_eq!(
                LanguageCode::from_tag(tag).map(|c| c.as_str()),
                Ok(expected),
                "{tag}"
            );
        }
        for (tag, expected) in [
            ("", LanguageError::Empty),
            ("english", LanguageError::NotACode),
            ("fil-PH", LanguageError::NotACode),
            ("C.UTF-8", LanguageError::NotACode),
            ("POSIX", LanguageError::NotACode),
            ("-US", LanguageError::NotACode),
            ("xx-US", LanguageError::UnknownCode),
            ("en-", LanguageError::InvalidTag),
            ("en--US", LanguageError::InvalidTag),
            ("en US", LanguageError::NotACode),
            ("en-ABCDEFGHI", LanguageError::InvalidTag),
            ("en-US.", LanguageError::InvalidTag),
            ("en@", LanguageError::InvalidTag),
            ("en-US!", LanguageError::InvalidTag),
        ] {
            assert_eq!(LanguageCode::from_tag(tag), Err(expected), "{tag:?}");
        }
        let long = format!("en{}", "-abc".repeat(10_000));
        assert_eq!(
            LanguageCode::from_tag(&long),
            Err(LanguageError::InvalidTag)
        );
    }

    #[test]
    fn conversions_and_serde() {
        fuzz::converts::<LanguageCode>(&["EN", " EN "], "en", "en-US");
    }

    #[test]
    fn fuzz_never_panics_and_round_trips() {
        let alphabet: Vec<char> = "enENdeptBRUSzhHant-_.@8".chars().collect();
        let seeds = ["en", "en-US", "pt_BR", "de_DE.UTF-8@euro", "zh-Hant-TW"];
        let strings = fuzz::strings(0x1A_96, 4000, 12, &alphabet, &seeds);
        fuzz::round_trips::<LanguageCode>(&strings, |s, parsed| {
            if let Ok(&c) = parsed {
                assert_eq!(LanguageCode::from_tag(s), Ok(c));
            }
            if let Ok(c) = LanguageCode::from_tag(s) {
                assert_eq!(LanguageCode::parse(c.as_str()), Ok(c));
            }
        });
    }
}
