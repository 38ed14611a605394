//! Absolute `http` / `https` URLs.
//!
//! After trimming: the scheme `http` or `https` (any case) followed by `//`
//! and a non-empty host, and the whole string accepted by the WHATWG URL
//! parser (the `url` crate). The value is kept exactly as given (after
//! trimming), not re-serialized. Because it is kept as given, characters the
//! URL parser would silently drop or rewrite are refused instead: control
//! characters, whitespace inside the URL, and `\`. At most 8 192 bytes.
//!
//! ```
//! use omnicontact::values::{Url, UrlError};
//!
//! let u = Url::parse(" https://Example.com/a.jpg ")?;
//! assert_eq!(u.as_str(), "https://Example.com/a.jpg");
//! assert_eq!(Url::parse("https://example.com/a b.jpg"), Err(UrlError::InvalidCharacter(' ')));
//! assert_eq!(Url::parse("example.com/a.jpg"), Err(UrlError::MissingScheme));
//! # Ok::<(), UrlError>(())
//! ```

use super::trim;

/// Longest URL accepted, in bytes.
const MAX_LEN: usize = 8192;

/// An absolute `http` or `https` URL with a host, as given.
///
/// ```
/// use omnicontact::values::{Url, UrlError};
///
/// let u: Url = " https://Example.com/photo.jpg?s=200 ".parse()?;
/// assert_eq!(u.as_str(), "https://Example.com/photo.jpg?s=200");
/// assert_eq!(Url::parse("ftp://example.com/x"), Err(UrlError::UnsupportedScheme));
/// assert_eq!(Url::parse("example.com/photo.jpg"), Err(UrlError::MissingScheme));
/// # Ok::<(), UrlError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Url {
    value: String,
}

/// Why a string is not a [`Url`].
///
/// ```
/// use omnicontact::values::{Url, UrlError};
///
/// let e = Url::parse("ftp://example.com/a.jpg").unwrap_err();
/// assert_eq!(e, UrlError::UnsupportedScheme);
/// assert_eq!(e.to_string(), "only 'http' and 'https' URLs are allowed");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum UrlError {
    /// Nothing but whitespace.
    #[error("empty URL")]
    Empty,
    /// Longer than 8 192 bytes.
    #[error("longer than 8192 bytes")]
    TooLong,
    /// A control character, whitespace or `\` inside the URL.
    #[error("character {0:?} is not allowed in a URL")]
    InvalidCharacter(char),
    /// No scheme: a relative or bare URL such as `example.com/a.jpg`.
    #[error("not an absolute URL: it must start with 'https://' or 'http://'")]
    MissingScheme,
    /// A scheme other than `http` or `https`.
    #[error("only 'http' and 'https' URLs are allowed")]
    UnsupportedScheme,
    /// No host (`http://`, `https:///path`, `http:example.com`).
    #[error("the URL has no host")]
    NoHost,
    /// Refused by the URL parser; the field is its reason.
    #[error("malformed URL: {0}")]
    Malformed(String),
}

impl Url {
    /// Parses an absolute `http` / `https` URL.
    ///
    /// ```
    /// use omnicontact::values::{Url, UrlError};
    ///
    /// assert!(Url::parse("http://localhost:8080/").is_ok());
    /// assert_eq!(Url::parse("https://"), Err(UrlError::NoHost));
    /// assert_eq!(Url::parse("https://exa mple.com"), Err(UrlError::InvalidCharacter(' ')));
    /// ```
    pub fn parse(input: &str) -> Result<Url, UrlError> {
        check(input).map(|s| Url {
            value: s.to_owned(),
        })
    }

    /// Whether [`Url::parse`] accepts `input`.
    ///
    /// ```
    /// # use omnicontact::values::Url;
    /// assert!(Url::is_valid("https://example.com/a.jpg"));
    /// assert!(!Url::is_valid("www.example.com/a.jpg"));
    /// ```
    pub fn is_valid(input: &str) -> bool {
        check(input).is_ok()
    }

    /// The URL as given (trimmed).
    ///
    /// ```
    /// # use omnicontact::values::Url;
    /// assert_eq!(Url::parse("  HTTPS://Example.com/A.jpg\n").unwrap().as_str(), "HTTPS://Example.com/A.jpg");
    /// ```
    pub fn as_str(&self) -> &str {
        &self.value
    }
}

super::string_value!(Url, UrlError, "an http(s) URL");

fn check(input: &str) -> Result<&str, UrlError> {
    let s = trim(input);
    if s.is_empty() {
        return Err(UrlError::Empty);
    }
    if s.len() > MAX_LEN {
        return Err(UrlError::TooLong);
    }
    if let Some(c) = s
        .chars()
        .find(|&c| c.is_control() || c.is_whitespace() || c == '\\' || c == '\u{FEFF}')
    {
        return Err(UrlError::InvalidCharacter(c));
    }
    let scheme_end = s.find(':');
    let scheme = scheme_end.map(|i| &s[..i]);
    let http = scheme
        .is_some_and(|sc| sc.eq_ignore_ascii_case("http") || sc.eq_ignore_ascii_case("https"));
    if !http {
        let after = scheme_end.map_or("", |i| &s[i + 1..]);
        let scheme_like = scheme.is_some_and(|sc| {
            sc.bytes().next().is_some_and(|b| b.is_ascii_alphabetic())
                && sc
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.'))
        });
        // `ftp://…`, `mailto:…` have another scheme; `localhost:8080` has none.
        let other_scheme =
            scheme_like && !after.starts_with(|c: char| c.is_ascii_digit()) && !after.is_empty();
        return Err(if other_scheme {
            UrlError::UnsupportedScheme
        } else {
            UrlError::MissingScheme
        });
    }
    let rest = &s[scheme_end.map_or(0, |i| i + 1)..];
    // `http:example.com` and `http:///example.com` are "fixed" by the URL
    // parser into a different URL; refuse them.
    let Some(authority) = rest.strip_prefix("//") else {
        return Err(UrlError::NoHost);
    };
    if authority.is_empty() || authority.starts_with(['/', '?', '#']) {
        return Err(UrlError::NoHost);
    }
    let parsed = url::Url::parse(s).map_err(|e| match e {
        url::ParseError::EmptyHost => UrlError::NoHost,
        other => UrlError::Malformed(other.to_string()),
    })?;
    if parsed.host_str().is_none_or(str::is_empty) {
        return Err(UrlError::NoHost);
    }
    Ok(s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::values::fuzz;

    fuzz::ok_and_err!(Url);

    #[test]
    fn accepts_as_given() {
        ok("https://example.com", "https://example.com");
        ok(
            " https://Example.COM/Photo.JPG?size=200#top\n",
            "https://Example.COM/Photo.JPG?size=200#top",
        );
        ok("http://localhost:8080/", "http://localhost:8080/");
        ok("HTTPS://example.com/a/../b", "HTTPS://example.com/a/../b");
        ok(
            "https://user:pass@example.com/",
            "https://user:pass@example.com/",
        );
        ok("http://127.0.0.1/x", "http://127.0.0.1/x");
        ok("http://[::1]:80/", "http://[::1]:80/");
        ok("https://bücher.example/ü", "https://bücher.example/ü");
        ok(
            "https://cdn.example.com/a%20b.png",
            "https://cdn.example.com/a%20b.png",
        );
    }

    #[test]
    fn refuses() {
        err("", &UrlError::Empty);
        err("example.com/photo.jpg", &UrlError::MissingScheme);
        err("www.example.com", &UrlError::MissingScheme);
        err("/photo.jpg", &UrlError::MissingScheme);
        err("//example.com/photo.jpg", &UrlError::MissingScheme);
        err("localhost:8080", &UrlError::MissingScheme);
        err("ftp://example.com/x", &UrlError::UnsupportedScheme);
        err("file:///etc/passwd", &UrlError::UnsupportedScheme);
        err("mailto:a@b.com", &UrlError::UnsupportedScheme);
        err("javascript:alert(1)", &UrlError::UnsupportedScheme);
        err("data:image/png;base64,AAAA", &UrlError::UnsupportedScheme);
        err("https://", &UrlError::NoHost);
        err("https:///example.com", &UrlError::NoHost);
        err("http:example.com", &UrlError::NoHost);
        err("http://?q", &UrlError::NoHost);
        err("https://exa mple.com", &UrlError::InvalidCharacter(' '));
        err(
            "https://example.com/a\tb",
            &UrlError::InvalidCharacter('\t'),
        );
        err(
            "https://example.com/\u{0}",
            &UrlError::InvalidCharacter('\0'),
        );
        err("https://example.com\\a", &UrlError::InvalidCharacter('\\'));
        err(
            "https://example.com:99999/",
            &UrlError::Malformed("invalid port number".into()),
        );
        err(
            "http://256.256.256.256/",
            &UrlError::Malformed("invalid IPv4 address".into()),
        );
        err(
            &format!("https://example.com/{}", "a".repeat(9000)),
            &UrlError::TooLong,
        );
    }

    #[test]
    fn conversions_and_serde() {
        fuzz::converts::<Url>(
            &["https://example.com/x", " https://example.com/x"],
            "https://example.com/x",
            "ftp://x",
        );
    }

    #[test]
    fn fuzz_never_panics_and_round_trips() {
        let alphabet: Vec<char> = "htps:/.examplcom?#=&%[]@1:8".chars().collect();
        let seeds = [
            "https://example.com/a?b=c#d",
            "http://[::1]:8080/",
            "http://a.b",
            "https://ü.example",
        ];
        let strings = fuzz::strings(0x0_0ABC, 4000, 30, &alphabet, &seeds);
        fuzz::round_trips::<Url>(&strings, |_, _| {});
    }
}
