//! Push tokens as Sendios checks them (`app_push_token`).
//!
//! A token is valid when either
//!
//! 1. it has at least 64 characters, all lowercase hex `0-9a-f` — an APNs
//!    device token ([`PushTokenKind::Apns`]); or
//! 2. it has exactly 22 characters before the first `:`, then anything,
//!    possibly nothing — an FCM registration token ([`PushTokenKind::Fcm`]).
//!
//! Normalization trims the input; then, if removing `<`, `>` and all
//! whitespace and lowercasing ASCII letters gives a valid APNs token, that is
//! the value (this rewrites the iOS debug form `<a1b2c3d4 e5f6…>` and
//! uppercase hex); otherwise the trimmed input must be an FCM token and is
//! kept as is. Tokens longer than 4 096 bytes are refused (real ones have at
//! most a few hundred characters).
//!
//! ```
//! use omnicontact::values::{PushToken, PushTokenKind};
//!
//! let apns = PushToken::parse(&format!("<{}>", ["A1B2C3D4"; 8].join(" ")))?;
//! assert_eq!(apns.as_str(), "a1b2c3d4".repeat(8));
//! assert_eq!(apns.kind(), PushTokenKind::Apns);
//!
//! let fcm = PushToken::parse("dQw4w9WgXcQ-abcdefghij:APA91bHun4MxP5egoKMwt2KZFBaFUH")?;
//! assert_eq!(fcm.kind(), PushTokenKind::Fcm);
//! # Ok::<(), omnicontact::values::PushTokenError>(())
//! ```

use super::{is_trimmed_char, trim};

/// Longest token looked at, in bytes.
const MAX_LEN: usize = 4096;
/// Fewest hex digits of an APNs token.
const APNS_MIN: usize = 64;
/// Characters before the first `:` of an FCM token.
const FCM_PREFIX: usize = 22;

/// Which push service a token belongs to.
///
/// ```
/// use omnicontact::values::{PushToken, PushTokenKind};
///
/// assert_eq!(PushToken::parse(&"ab".repeat(32)).unwrap().kind(), PushTokenKind::Apns);
/// assert_eq!(PushToken::parse("0123456789abcdefghijkl:x").unwrap().kind(), PushTokenKind::Fcm);
/// assert_eq!(PushTokenKind::Apns.to_string(), "apns");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum PushTokenKind {
    /// An Apple Push Notification service device token (hex).
    Apns,
    /// A Firebase Cloud Messaging registration token.
    Fcm,
}

impl PushTokenKind {
    /// `"apns"` or `"fcm"`.
    ///
    /// ```
    /// # use omnicontact::values::PushTokenKind;
    /// assert_eq!(PushTokenKind::Fcm.as_str(), "fcm");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            PushTokenKind::Apns => "apns",
            PushTokenKind::Fcm => "fcm",
        }
    }
}

super::display_as!(PushTokenKind);

/// A push token accepted by Sendios, normalized.
///
/// ```
/// use omnicontact::values::{PushToken, PushTokenKind};
///
/// let t: PushToken = "0123456789abcdefghijkl:".parse()?;
/// assert_eq!(t.kind(), PushTokenKind::Fcm);
/// assert!(!PushToken::is_valid("abc"));
/// # Ok::<(), omnicontact::values::PushTokenError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PushToken {
    value: String,
    kind: PushTokenKind,
}

/// Why a string is not a [`PushToken`].
///
/// ```
/// use omnicontact::values::{PushToken, PushTokenError};
///
/// let e = PushToken::parse("abc:def").unwrap_err();
/// assert_eq!(e, PushTokenError::FcmPrefix(3));
/// assert_eq!(e.to_string(), "an FCM token needs exactly 22 characters before the first ':', found 3");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PushTokenError {
    /// Nothing but whitespace.
    #[error("empty push token")]
    Empty,
    /// Longer than 4 096 bytes.
    #[error("longer than 4096 bytes")]
    TooLong,
    /// Hex, but fewer than 64 digits (the field is how many).
    #[error("an APNs token needs at least 64 hex digits, found {0}")]
    ApnsTooShort(usize),
    /// A `:` after a number of characters other than 22 (the field).
    #[error("an FCM token needs exactly 22 characters before the first ':', found {0}")]
    FcmPrefix(usize),
    /// Neither form.
    #[error(
        "neither an APNs token (64 or more hex digits) nor an FCM token (22 characters, then ':')"
    )]
    Unrecognized,
}

impl PushToken {
    /// Parses and normalizes an APNs or FCM token.
    ///
    /// ```
    /// use omnicontact::values::{PushToken, PushTokenError};
    ///
    /// assert_eq!(PushToken::parse("a1b2c3"), Err(PushTokenError::ApnsTooShort(6)));
    /// assert_eq!(PushToken::parse("short:token"), Err(PushTokenError::FcmPrefix(5)));
    /// ```
    pub fn parse(input: &str) -> Result<PushToken, PushTokenError> {
        let s = trim(input);
        if s.is_empty() {
            return Err(PushTokenError::Empty);
        }
        if s.len() > MAX_LEN {
            return Err(PushTokenError::TooLong);
        }
        let mut hex = String::with_capacity(s.len());
        let mut all_hex = true;
        for c in s.chars() {
            if c == '<' || c == '>' || is_trimmed_char(c) {
                continue;
            }
            let c = c.to_ascii_lowercase();
            all_hex &= c.is_ascii_digit() || ('a'..='f').contains(&c);
            hex.push(c);
        }
        if all_hex && hex.len() >= APNS_MIN {
            return Ok(PushToken {
                value: hex,
                kind: PushTokenKind::Apns,
            });
        }
        if let Some(colon) = s.find(':') {
            let before = s[..colon].chars().count();
            return if before == FCM_PREFIX {
                Ok(PushToken {
                    value: s.to_owned(),
                    kind: PushTokenKind::Fcm,
                })
            } else {
                Err(PushTokenError::FcmPrefix(before))
            };
        }
        if all_hex && !hex.is_empty() {
            return Err(PushTokenError::ApnsTooShort(hex.len()));
        }
        Err(PushTokenError::Unrecognized)
    }

    /// Whether [`PushToken::parse`] accepts `input`.
    ///
    /// ```
    /// # use omnicontact::values::PushToken;
    /// assert!(PushToken::is_valid(&"0".repeat(64)));
    /// assert!(!PushToken::is_valid(&"0".repeat(63)));
    /// ```
    pub fn is_valid(input: &str) -> bool {
        PushToken::parse(input).is_ok()
    }

    /// The normalized token.
    ///
    /// ```
    /// # use omnicontact::values::PushToken;
    /// let t = PushToken::parse(&format!("<{}>", ["AB12CD34"; 8].join(" "))).unwrap();
    /// assert_eq!(t.as_str(), "ab12cd34".repeat(8));
    /// ```
    pub fn as_str(&self) -> &str {
        &self.value
    }

    /// APNs or FCM.
    ///
    /// ```
    /// # use omnicontact::values::{PushToken, PushTokenKind};
    /// let t = PushToken::parse("0123456789abcdefghijkl:APA91b").unwrap();
    /// assert_eq!(t.kind(), PushTokenKind::Fcm);
    /// ```
    pub fn kind(&self) -> PushTokenKind {
        self.kind
    }
}

super::string_value!(PushToken, PushTokenError, "an APNs or FCM push token");

#[cfg(test)]
mod tests {
    use super::*;
    use crate::values::fuzz;

    const HEX64: &str = "a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90";

    #[track_caller]
    fn ok(input: &str, expected: &str, kind: PushTokenKind) {
        let t = fuzz::parses::<PushToken>(input, expected);
        assert_eq!(t.kind(), kind);
    }

    #[track_caller]
    fn err(input: &str, expected: PushTokenError) {
        assert_eq!(PushToken::parse(input), Err(expected), "{input:?}");
        assert!(!PushToken::is_valid(input));
    }

    #[test]
    fn apns() {
        ok(HEX64, HEX64, PushTokenKind::Apns);
        ok(&HEX64.to_uppercase(), HEX64, PushTokenKind::Apns);
        ok(&format!("  {HEX64}\n"), HEX64, PushTokenKind::Apns);
        let debug = format!(
            "<{}>",
            HEX64
                .as_bytes()
                .chunks(8)
                .map(|c| std::str::from_utf8(c).unwrap())
                .collect::<Vec<_>>()
                .join(" ")
        );
        ok(&debug, HEX64, PushTokenKind::Apns);
        ok(&debug.to_uppercase(), HEX64, PushTokenKind::Apns);
        let long = "0f".repeat(80);
        ok(&long, &long, PushTokenKind::Apns);
    }

    #[test]
    fn fcm() {
        let prefix = "dQw4w9WgXcQ-abcdefghij";
        assert_eq!(prefix.len(), 22);
        let token = format!("{prefix}:APA91bHun4MxP5egoKMwt2KZFBaFUH-1RYqx");
        ok(&token, &token, PushTokenKind::Fcm);
        ok(&format!(" {token} "), &token, PushTokenKind::Fcm);
        ok(
            &format!("{prefix}:"),
            &format!("{prefix}:"),
            PushTokenKind::Fcm,
        );
        ok(
            &format!("{prefix}:a:b c"),
            &format!("{prefix}:a:b c"),
            PushTokenKind::Fcm,
        );
        // 22 characters, not bytes.
        let unicode = format!("{}:x", "é".repeat(22));
        ok(&unicode, &unicode, PushTokenKind::Fcm);
    }

    #[test]
    fn refuses() {
        err("", PushTokenError::Empty);
        err(" \u{FEFF} ", PushTokenError::Empty);
        err(&HEX64[..63], PushTokenError::ApnsTooShort(63));
        err("<a1b2 c3d4>", PushTokenError::ApnsTooShort(8));
        err(&format!("{}g", &HEX64[..63]), PushTokenError::Unrecognized);
        err("not a token", PushTokenError::Unrecognized);
        err("<>", PushTokenError::Unrecognized);
        err("abcdefghijklmnopqrstu:x", PushTokenError::FcmPrefix(21));
        err("abcdefghijklmnopqrstuvw:x", PushTokenError::FcmPrefix(23));
        err(":abc", PushTokenError::FcmPrefix(0));
        err(&"a".repeat(5000), PushTokenError::TooLong);
    }

    #[test]
    fn kind_and_conversions() {
        assert_eq!(PushTokenKind::Apns.as_str(), "apns");
        assert_eq!(PushTokenKind::Fcm.to_string(), "fcm");
        fuzz::converts::<PushToken>(&[HEX64, &HEX64.to_uppercase()], HEX64, "abc");
    }

    #[test]
    fn fuzz_never_panics_and_round_trips() {
        let alphabet: Vec<char> = "0123456789abcdefABCDEF <>:xyz".chars().collect();
        let prefix_token = "dQw4w9WgXcQ-abcdefghij:APA91b";
        let seeds = [
            HEX64,
            prefix_token,
            "<a1b2c3d4 e5f60718 293a4b5c 6d7e8f90 a1b2c3d4 e5f60718 293a4b5c 6d7e8f90>",
        ];
        let strings = fuzz::strings(0x7_0CE2, 4000, 90, &alphabet, &seeds);
        fuzz::round_trips::<PushToken>(&strings, |_, _| {});
    }
}
