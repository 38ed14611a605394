//! Value types: each one parses, validates and normalizes one kind of
//! contact value (an email address, a phone number, a country code, …).
//!
//! Every module has the same shape: a type `T` with private fields, an error
//! enum `TError`, `T::parse` (trims surrounding whitespace, validates,
//! normalizes), a cheap `T::is_valid` equal to `T::parse(s).is_ok()`,
//! `T::as_str` (the normalized form), and `Display`, `AsRef<str>`, `FromStr`,
//! `TryFrom<&str>`, `TryFrom<String>`, `Serialize` (as the normalized string)
//! and `Deserialize` (from a string, through `parse`, so deserializing
//! validates). Parsing never panics and runs in linear time on any input.
//!
//! ```
//! use omnicontact::values::{CountryCode, Email, Phone};
//!
//! let email = Email::parse(" Jane@Example.COM ")?;
//! assert_eq!(email.as_str(), "Jane@example.com");
//!
//! let phone = Phone::parse("+49 1512 3456789")?;
//! assert_eq!(phone.as_str(), "+4915123456789");
//!
//! let us = CountryCode::parse("us")?;
//! # #[cfg(feature = "phone")]
//! assert_eq!(Phone::parse_with_region("(415) 555-2671", Some(&us))?.as_str(), "+14155552671");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub mod country;
pub mod datetime;
pub mod email;
pub mod gender;
pub mod language;
pub(crate) mod parsed;
pub mod phone;
pub mod push_token;
pub mod region;
pub mod timezone;
pub mod url;
pub mod uuid;

pub use country::{CountryCode, CountryError};
pub use datetime::{
    Date, DateError, SendiosDateTime, SendiosDateTimeError, UtcDateTime, UtcDateTimeError,
};
pub use email::{Email, EmailError};
pub use gender::{Gender, GenderError};
pub use language::{LanguageCode, LanguageError};
pub use phone::{Phone, PhoneError};
pub use push_token::{PushToken, PushTokenError, PushTokenKind};
pub use region::{PhoneRegion, PhoneRegionError};
pub use timezone::{TimeZone, TimeZoneError};
pub use url::{Url, UrlError};
pub use uuid::{Uuid, UuidError};

pub(crate) use datetime::date_like;

/// Whether `c` is trimmed: Unicode `White_Space` or U+FEFF (the byte order
/// mark, often left at the start of a pasted value).
pub(crate) fn is_trimmed_char(c: char) -> bool {
    c.is_whitespace() || c == '\u{FEFF}'
}

/// `s` without surrounding Unicode whitespace and U+FEFF.
pub(crate) fn trim(s: &str) -> &str {
    s.trim_matches(is_trimmed_char)
}

/// Implements the conversions and the serde support every value type shares,
/// all in terms of its inherent `parse` and `as_str`.
macro_rules! string_value {
    ($ty:ty, $err:ty, $expecting:literal) => {
        impl ::std::fmt::Display for $ty {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::std::convert::From<$ty> for String {
            fn from(value: $ty) -> String {
                value.as_str().to_owned()
            }
        }

        impl ::std::convert::AsRef<str> for $ty {
            fn as_ref(&self) -> &str {
                self.as_str()
            }
        }

        impl ::std::str::FromStr for $ty {
            type Err = $err;

            fn from_str(s: &str) -> ::std::result::Result<Self, Self::Err> {
                Self::parse(s)
            }
        }

        impl ::std::convert::TryFrom<&str> for $ty {
            type Error = $err;

            fn try_from(s: &str) -> ::std::result::Result<Self, Self::Error> {
                Self::parse(s)
            }
        }

        impl ::std::convert::TryFrom<String> for $ty {
            type Error = $err;

            fn try_from(s: String) -> ::std::result::Result<Self, Self::Error> {
                Self::parse(&s)
            }
        }

        impl ::serde::Serialize for $ty {
            fn serialize<S: ::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::std::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $ty {
            fn deserialize<D: ::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::std::result::Result<Self, D::Error> {
                struct Visitor;

                impl ::serde::de::Visitor<'_> for Visitor {
                    type Value = $ty;

                    fn expecting(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                        f.write_str($expecting)
                    }

                    fn visit_str<E: ::serde::de::Error>(
                        self,
                        s: &str,
                    ) -> ::std::result::Result<Self::Value, E> {
                        <$ty>::parse(s).map_err(E::custom)
                    }
                }

                deserializer.deserialize_str(Visitor)
            }
        }
    };
}
pub(crate) use string_value;

#[cfg(test)]
pub(crate) mod fuzz {
    //! A tiny deterministic generator of awkward strings for the no-panic
    //! tests of every module.

    /// Characters that break naive parsers: Unicode digits, confusables,
    /// controls, format and bidi characters, whitespace, punctuation.
    pub(crate) const NASTY: &[char] = &[
        '\0',
        '\u{7}',
        '\t',
        '\n',
        '\r',
        ' ',
        '\u{A0}',
        '\u{2003}',
        '\u{3000}',
        '\u{FEFF}',
        '\u{200B}',
        '\u{200D}',
        '\u{202E}',
        '\u{2066}',
        '\u{AD}',
        '\u{301}',
        '\u{FF10}',
        '\u{FF15}',
        '\u{0660}',
        '\u{0669}',
        '\u{06F3}',
        '\u{0966}',
        '\u{0E51}',
        '\u{1D7CE}',
        '\u{FF0B}',
        '\u{FF0D}',
        '\u{2212}',
        '\u{2013}',
        'а',
        'е',
        'о',
        'р',
        'с',
        'І',
        'İ',
        'ß',
        'K',
        'Ω',
        'ǅ',
        'é',
        'ñ',
        '中',
        '😀',
        '\u{10FFFF}',
        '\u{FFFD}',
        '"',
        '\'',
        '\\',
        '<',
        '>',
        '(',
        ')',
        '[',
        ']',
        '{',
        '}',
        ',',
        ';',
        ':',
        '.',
        '@',
        '#',
        '%',
        '/',
        '?',
        '=',
        '&',
        '*',
        '!',
        '|',
        '~',
        '^',
        '`',
        '$',
    ];

    /// Compiles only for error types that are `Send + Sync + 'static`.
    pub(crate) fn assert_error_traits<T: Send + Sync + 'static + std::error::Error>() {}

    /// xorshift64* — deterministic, no dependency.
    #[derive(Debug)]
    pub(crate) struct Rng(u64);

    impl Rng {
        pub(crate) fn new(seed: u64) -> Self {
            Rng(seed | 1)
        }

        pub(crate) fn next(&mut self) -> u64 {
            let mut x = self.0;
            x ^= x >> 12;
            x ^= x << 25;
            x ^= x >> 27;
            self.0 = x;
            x.wrapping_mul(0x2545_F491_4F6C_DD1D)
        }

        pub(crate) fn below(&mut self, n: usize) -> usize {
            // n is small; the modulo bias does not matter here.
            usize::try_from(self.next() % (n as u64)).unwrap_or(0)
        }
    }

    /// `count` strings: random lengths up to `max_len`, characters drawn from
    /// `alphabet` (mostly) and [`NASTY`], sometimes a mutation of one of the
    /// `seeds`.
    pub(crate) fn strings(
        seed: u64,
        count: usize,
        max_len: usize,
        alphabet: &[char],
        seeds: &[&str],
    ) -> Vec<String> {
        let mut rng = Rng::new(seed);
        let mut out = Vec::with_capacity(count + seeds.len());
        out.extend(seeds.iter().map(|s| (*s).to_owned()));
        for _ in 0..count {
            let mut s: Vec<char> = if !seeds.is_empty() && rng.below(2) == 0 {
                seeds[rng.below(seeds.len())].chars().collect()
            } else {
                Vec::new()
            };
            if s.is_empty() {
                let len = rng.below(max_len + 1);
                for _ in 0..len {
                    s.push(pick(&mut rng, alphabet));
                }
            } else {
                for _ in 0..=rng.below(3) {
                    let i = rng.below(s.len() + 1);
                    match rng.below(4) {
                        0 if i < s.len() => {
                            s.remove(i);
                        }
                        1 if i < s.len() => s[i] = pick(&mut rng, alphabet),
                        2 if i < s.len() => s[i] = s[i].to_ascii_uppercase(),
                        _ => s.insert(i, pick(&mut rng, alphabet)),
                    }
                }
            }
            out.push(s.into_iter().collect());
        }
        out
    }

    fn pick(rng: &mut Rng, alphabet: &[char]) -> char {
        if alphabet.is_empty() || rng.below(5) == 0 {
            NASTY[rng.below(NASTY.len())]
        } else {
            alphabet[rng.below(alphabet.len())]
        }
    }
}

#[cfg(test)]
mod tests {
    use super::trim;

    #[test]
    fn trims_unicode_whitespace_and_bom() {
        assert_eq!(trim(" \t\u{A0}\u{FEFF}a b\u{3000}\n"), "a b");
        assert_eq!(trim("\u{FEFF}"), "");
        assert_eq!(trim("\u{200B}a"), "\u{200B}a");
    }
}
