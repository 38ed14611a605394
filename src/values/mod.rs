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

/// Implements `Display` as the string a method of the type returns
/// (`as_str` unless another is named), with the docs given: the value types
/// and the enums spelled by a name on the wire all display so.
macro_rules! display_as {
    ($(#[$doc:meta])* $ty:ty) => {
        $crate::values::display_as!($(#[$doc])* $ty, as_str);
    };
    ($(#[$doc:meta])* $ty:ty, $name:ident) => {
        impl ::std::fmt::Display for $ty {
            $(#[$doc])*
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.$name())
            }
        }
    };
}
pub(crate) use display_as;

/// Implements the conversions and the serde support every value type shares,
/// all in terms of its inherent `parse` and `as_str`.
macro_rules! string_value {
    ($ty:ty, $err:ty, $expecting:literal) => {
        $crate::values::display_as!($ty);

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

        #[cfg(test)]
        impl $crate::values::fuzz::StringValue for $ty {
            type Error = $err;

            fn parse(s: &str) -> ::std::result::Result<Self, $err> {
                <$ty>::parse(s)
            }

            fn is_valid(s: &str) -> bool {
                <$ty>::is_valid(s)
            }

            fn as_str(&self) -> &str {
                <$ty>::as_str(self)
            }
        }
    };
}
pub(crate) use string_value;

#[cfg(test)]
pub(crate) mod fuzz {
    //! A tiny deterministic generator of awkward strings for the no-panic
    //! tests of every module, and the checks of the contract every value
    //! type shares (`parse`, `is_valid`, `as_str` and the conversions
    //! `string_value!` writes), which each module's tests run on its own
    //! inputs.

    use std::fmt::{Debug, Display};
    use std::str::FromStr;

    use serde::Serialize;
    use serde::de::DeserializeOwned;

    /// A value type's inherent `parse`, `is_valid` and `as_str`, for the
    /// checks below (`string_value!` implements it for every value type).
    pub(crate) trait StringValue: Sized + Clone + Debug + PartialEq {
        type Error: std::error::Error + PartialEq + Send + Sync + 'static;

        fn parse(s: &str) -> Result<Self, Self::Error>;

        fn is_valid(s: &str) -> bool;

        fn as_str(&self) -> &str;
    }

    /// `input` parses to a value whose `as_str` is `normalized`,
    /// `is_valid` agrees, and the normalized form parses back to the same
    /// value. Returns the value.
    #[track_caller]
    pub(crate) fn parses<T: StringValue>(input: &str, normalized: &str) -> T {
        let value = T::parse(input).unwrap_or_else(|e| panic!("{input:?}: {e}"));
        assert_eq!(value.as_str(), normalized, "{input:?}");
        assert!(T::is_valid(input), "{input:?}");
        assert_eq!(
            T::parse(value.as_str()),
            Ok(value.clone()),
            "idempotent {input:?}"
        );
        value
    }

    /// `parse` refuses `input` with `expected`, and `is_valid` agrees.
    #[track_caller]
    pub(crate) fn refused<T: StringValue>(input: &str, expected: &T::Error) {
        assert_eq!(T::parse(input).as_ref(), Err(expected), "{input:?}");
        assert!(!T::is_valid(input), "{input:?}");
    }

    /// Writes a value type's test helpers `ok(input, normalized)`
    /// ([`parses`]) and `err(input, &error)` ([`refused`]), or the same
    /// under the two names given; with `by value` after them, `err` takes
    /// the error by value.
    macro_rules! ok_and_err {
        ($ty:ty) => {
            $crate::values::fuzz::ok_and_err!($ty, ok, err);
        };
        ($ty:ty, $ok:ident, $err:ident) => {
            $crate::values::fuzz::ok_and_err!(@ok $ty, $ok);

            #[track_caller]
            fn $err(input: &str, expected: &<$ty as $crate::values::fuzz::StringValue>::Error) {
                $crate::values::fuzz::refused::<$ty>(input, expected);
            }
        };
        ($ty:ty, $ok:ident, $err:ident by value) => {
            $crate::values::fuzz::ok_and_err!(@ok $ty, $ok);

            #[track_caller]
            fn $err(input: &str, expected: <$ty as $crate::values::fuzz::StringValue>::Error) {
                $crate::values::fuzz::refused::<$ty>(input, &expected);
            }
        };
        (@ok $ty:ty, $ok:ident) => {
            #[track_caller]
            fn $ok(input: &str, normalized: &str) {
                $crate::values::fuzz::parses::<$ty>(input, normalized);
            }
        };
    }
    pub(crate) use ok_and_err;

    /// The conversions `string_value!` writes, for one value: `inputs` are
    /// spellings of it (the first is read with `FromStr`), `normalized` its
    /// normalized form; `refused` is an input that `parse` refuses.
    ///
    /// Checks `FromStr`, `Display`, `AsRef<str>`, `String::from`,
    /// `TryFrom<&str>` and `TryFrom<String>` of every input and of the
    /// normalized form, serialization to the normalized string,
    /// deserialization from each of those strings, that deserializing
    /// `refused` or a JSON number fails, and that the error type is
    /// `Send + Sync + 'static`. Returns the error of deserializing
    /// `refused`, for the caller to check its message.
    #[track_caller]
    pub(crate) fn converts<T>(inputs: &[&str], normalized: &str, refused: &str) -> serde_json::Error
    where
        T: StringValue
            + FromStr<Err = <T as StringValue>::Error>
            + for<'a> TryFrom<&'a str, Error = <T as StringValue>::Error>
            + TryFrom<String, Error = <T as StringValue>::Error>
            + Display
            + AsRef<str>
            + Serialize
            + DeserializeOwned,
        String: From<T>,
    {
        let first = inputs[0];
        let value: T = first.parse().unwrap_or_else(|e| panic!("{first:?}: {e}"));
        assert_eq!(value.as_str(), normalized, "{first:?}");
        assert_eq!(value.to_string(), normalized);
        assert_eq!(value.as_ref(), normalized);
        assert_eq!(String::from(value.clone()), normalized);
        for &s in inputs.iter().chain([&normalized]) {
            assert_eq!(T::try_from(s), Ok(value.clone()), "{s:?}");
            assert_eq!(T::try_from(s.to_owned()), Ok(value.clone()), "{s:?}");
            let json = json_string(s);
            assert_eq!(
                serde_json::from_str::<T>(&json).ok(),
                Some(value.clone()),
                "{json}"
            );
        }
        assert_eq!(
            serde_json::to_string(&value).unwrap(),
            json_string(normalized)
        );
        assert!(T::parse(refused).is_err(), "{refused:?}");
        assert!(serde_json::from_str::<T>("12").is_err());
        assert_error_traits::<<T as StringValue>::Error>();
        serde_json::from_str::<T>(&json_string(refused)).unwrap_err()
    }

    /// `s` as a JSON string.
    fn json_string(s: &str) -> String {
        serde_json::to_string(s).unwrap()
    }

    /// For each of `strings`: `is_valid` agrees with `parse`, a parsed
    /// value's `as_str` parses back to the same value, and whatever `more`
    /// asserts of the string and of what `parse` made of it.
    #[track_caller]
    pub(crate) fn round_trips<T: StringValue>(
        strings: &[String],
        mut more: impl FnMut(&str, Result<&T, &T::Error>),
    ) {
        for s in strings {
            let parsed = T::parse(s);
            assert_eq!(T::is_valid(s), parsed.is_ok(), "{s:?}");
            if let Ok(value) = &parsed {
                assert_eq!(T::parse(value.as_str()).as_ref(), Ok(value), "{s:?}");
            }
            more(s, parsed.as_ref());
        }
    }

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
