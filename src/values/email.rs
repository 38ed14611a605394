//! Email addresses.
//!
//! A mailbox `local@domain` after trimming surrounding whitespace and U+FEFF:
//!
//! - at most 254 bytes in total (of the normalized form);
//! - the local part is a dot-atom of RFC 5322 `atext` (ASCII letters, digits
//!   and ``!#$%&'*+-/=?^_`{|}~``) or non-ASCII letters and digits
//!   ([`char::is_alphanumeric`]), with no leading, trailing or doubled dot,
//!   at most 64 bytes. Control, format and bidi characters (U+200B, U+202E,
//!   U+00AD, …), combining marks and any other character are refused;
//! - no quoted local parts, display names (`Name <a@b.com>`), comments
//!   (`(…)`) or domain literals (`[127.0.0.1]`), exactly one `@`;
//! - the domain has at least two labels; a label is 1 to 63 bytes of letters,
//!   digits and `-`, not starting or ending with `-`; letters and digits may
//!   be non-ASCII (an internationalized domain written in Unicode, lowercased
//!   with [`char::to_lowercase`], not converted to punycode); the last label
//!   is not all digits.
//!
//! Normalization lowercases the domain and never changes the local part
//! (Omnisend treats it case-sensitively). The domain is checked after
//! lowercasing, so the normalized form always parses to itself.
//!
//! ```
//! use omnicontact::values::{Email, EmailError};
//!
//! let e = Email::parse(" Jane@Example.COM ")?;
//! assert_eq!(e.as_str(), "Jane@example.com");
//! assert_eq!(e.local_part(), "Jane");
//! assert_eq!(e.domain(), "example.com");
//! assert_eq!(Email::parse("Jane <jane@example.com>"), Err(EmailError::DisplayName));
//! # Ok::<(), EmailError>(())
//! ```

use std::borrow::Cow;

use super::trim;

/// Longest address accepted, in bytes of the normalized form.
const MAX_LEN: usize = 254;
/// Longest local part, in bytes.
const MAX_LOCAL: usize = 64;
/// Longest domain label, in bytes.
const MAX_LABEL: usize = 63;

/// A validated email address: local part as given, domain lowercased.
///
/// ```
/// use omnicontact::values::Email;
///
/// let e: Email = "josé.o'neil+tag@Bücher.Example".parse()?;
/// assert_eq!(e.as_str(), "josé.o'neil+tag@bücher.example");
/// assert!(!Email::is_valid("a@localhost"));
/// # Ok::<(), omnicontact::values::EmailError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Email {
    /// `local@domain`, normalized.
    value: String,
    /// Byte index of the `@`.
    at: usize,
}

/// Why a string is not an [`Email`].
///
/// ```
/// use omnicontact::values::{Email, EmailError};
///
/// let e = Email::parse("jane.example.com").unwrap_err();
/// assert_eq!(e, EmailError::MissingAt);
/// assert_eq!(e.to_string(), "missing '@' between local part and domain");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum EmailError {
    /// Nothing but whitespace.
    #[error("empty email address")]
    Empty,
    /// Longer than 254 bytes.
    #[error("longer than 254 bytes")]
    TooLong,
    /// A display name such as `Jane <jane@example.com>`.
    #[error("display names ('Name <a@b.com>') are not allowed, only the address")]
    DisplayName,
    /// A comment in parentheses.
    #[error("comments in parentheses are not allowed")]
    Comment,
    /// A local part in double quotes.
    #[error("quoted local parts are not allowed")]
    QuotedLocalPart,
    /// No `@`.
    #[error("missing '@' between local part and domain")]
    MissingAt,
    /// More than one `@`.
    #[error("more than one '@'")]
    MultipleAt,
    /// Nothing before the `@`.
    #[error("empty local part before '@'")]
    EmptyLocalPart,
    /// A local part longer than 64 bytes.
    #[error("local part longer than 64 bytes")]
    LocalPartTooLong,
    /// A character not allowed in the local part.
    #[error("character {0:?} is not allowed in the local part")]
    InvalidLocalChar(char),
    /// A dot at the start or end of the local part, or two in a row.
    #[error("local part starts or ends with a dot or has two dots in a row")]
    LocalPartDots,
    /// Nothing after the `@`.
    #[error("empty domain after '@'")]
    EmptyDomain,
    /// A domain literal such as `[127.0.0.1]`.
    #[error("domain literals such as '[127.0.0.1]' are not allowed")]
    DomainLiteral,
    /// A character not allowed in the domain.
    #[error("character {0:?} is not allowed in the domain")]
    InvalidDomainChar(char),
    /// The domain starts or ends with a dot or has two in a row.
    #[error("empty domain label (a leading, trailing or doubled dot)")]
    EmptyLabel,
    /// A domain label longer than 63 bytes.
    #[error("domain label longer than 63 bytes")]
    LabelTooLong,
    /// A domain label starting or ending with `-`.
    #[error("domain label starts or ends with '-'")]
    LabelHyphen,
    /// A domain of one label, such as `localhost`.
    #[error("domain needs at least two labels, such as 'example.com'")]
    SingleLabelDomain,
    /// The last domain label is all digits.
    #[error("last domain label is all digits")]
    NumericTopLevel,
}

impl Email {
    /// Parses, validates and normalizes an email address.
    ///
    /// ```
    /// use omnicontact::values::{Email, EmailError};
    ///
    /// assert_eq!(Email::parse("a@B.org").unwrap().as_str(), "a@b.org");
    /// assert_eq!(Email::parse("a.@b.org"), Err(EmailError::LocalPartDots));
    /// assert_eq!(Email::parse("a@[127.0.0.1]"), Err(EmailError::DomainLiteral));
    /// ```
    pub fn parse(input: &str) -> Result<Email, EmailError> {
        let (local, domain) = check(input)?;
        let mut value = String::with_capacity(local.len() + 1 + domain.len());
        value.push_str(local);
        value.push('@');
        value.push_str(&domain);
        Ok(Email {
            value,
            at: local.len(),
        })
    }

    /// Whether [`Email::parse`] accepts `input` (without building the value).
    ///
    /// ```
    /// # use omnicontact::values::Email;
    /// assert!(Email::is_valid(" jane@example.com "));
    /// assert!(!Email::is_valid("jane@localhost"));
    /// ```
    pub fn is_valid(input: &str) -> bool {
        check(input).is_ok()
    }

    /// The normalized address.
    ///
    /// ```
    /// # use omnicontact::values::Email;
    /// assert_eq!(Email::parse("Jane@Example.COM").unwrap().as_str(), "Jane@example.com");
    /// ```
    pub fn as_str(&self) -> &str {
        &self.value
    }

    /// The part before the `@`, as given.
    ///
    /// ```
    /// # use omnicontact::values::Email;
    /// assert_eq!(Email::parse("Jane@X.io").unwrap().local_part(), "Jane");
    /// ```
    pub fn local_part(&self) -> &str {
        &self.value[..self.at]
    }

    /// The part after the `@`, lowercased.
    ///
    /// ```
    /// # use omnicontact::values::Email;
    /// assert_eq!(Email::parse("Jane@X.io").unwrap().domain(), "x.io");
    /// ```
    pub fn domain(&self) -> &str {
        &self.value[self.at + 1..]
    }
}

super::string_value!(Email, EmailError, "an email address");

/// RFC 5322 `atext` outside letters and digits.
fn is_atext_special(c: char) -> bool {
    matches!(
        c,
        '!' | '#'
            | '$'
            | '%'
            | '&'
            | '\''
            | '*'
            | '+'
            | '-'
            | '/'
            | '='
            | '?'
            | '^'
            | '_'
            | '`'
            | '{'
            | '|'
            | '}'
            | '~'
    )
}

/// Non-ASCII letters and digits, but not those that render blank (the
/// Hangul fillers are letters).
fn is_visible_alphanumeric(c: char) -> bool {
    !c.is_ascii() && c.is_alphanumeric() && !crate::suggest::is_invisible(c)
}

fn is_local_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || is_atext_special(c) || is_visible_alphanumeric(c)
}

fn is_label_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '-' || is_visible_alphanumeric(c)
}

/// Lowercases a non-ASCII domain per character (so the result does not
/// depend on context, e.g. final sigma, and folding it again changes
/// nothing), after mapping full-width forms to ASCII and the ideographic
/// full stops to `.`, as IDNA does. A character that is not allowed, or
/// whose lowercase form is not (`İ` → `i̇`), is named as sent.
fn fold_domain(domain: &str) -> Result<String, EmailError> {
    let mut out = String::with_capacity(domain.len());
    for c in domain.chars() {
        let c_ascii = match c {
            '\u{3002}' | '\u{FF0E}' | '\u{FF61}' => '.',
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c),
            _ => c,
        };
        if c_ascii == '.' {
            out.push('.');
            continue;
        }
        let start = out.len();
        out.extend(c_ascii.to_lowercase());
        if !is_label_char(c_ascii) || !out[start..].chars().all(is_label_char) {
            return Err(EmailError::InvalidDomainChar(c));
        }
    }
    Ok(out)
}

/// Validates `input`; returns the local part and the lowercased domain.
fn check(input: &str) -> Result<(&str, Cow<'_, str>), EmailError> {
    let s = trim(input);
    if s.is_empty() {
        return Err(EmailError::Empty);
    }
    // Lowercasing shrinks a character to at most a third of its bytes
    // (U+212A KELVIN SIGN is 3 bytes, `k` is 1), so nothing longer can end
    // up within the limit; this caps the work on huge inputs.
    if s.len() > 3 * MAX_LEN {
        return Err(EmailError::TooLong);
    }
    if s.ends_with('>') && s.contains('<') {
        return Err(EmailError::DisplayName);
    }
    if s.contains(['(', ')']) {
        return Err(EmailError::Comment);
    }
    if s.starts_with('"') {
        return Err(EmailError::QuotedLocalPart);
    }
    let Some((local, domain)) = s.split_once('@') else {
        return Err(EmailError::MissingAt);
    };
    if domain.contains('@') {
        return Err(EmailError::MultipleAt);
    }

    if local.is_empty() {
        return Err(EmailError::EmptyLocalPart);
    }
    if local.len() > MAX_LOCAL {
        return Err(EmailError::LocalPartTooLong);
    }
    if let Some(c) = local.chars().find(|&c| c != '.' && !is_local_char(c)) {
        return Err(EmailError::InvalidLocalChar(c));
    }
    if local.starts_with('.') || local.ends_with('.') || local.contains("..") {
        return Err(EmailError::LocalPartDots);
    }

    if domain.is_empty() {
        return Err(EmailError::EmptyDomain);
    }
    if domain.starts_with('[') {
        return Err(EmailError::DomainLiteral);
    }
    let domain: Cow<'_, str> = if domain.is_ascii() {
        if let Some(c) = domain.chars().find(|&c| c != '.' && !is_label_char(c)) {
            return Err(EmailError::InvalidDomainChar(c));
        }
        if domain.bytes().any(|b| b.is_ascii_uppercase()) {
            Cow::Owned(domain.to_ascii_lowercase())
        } else {
            Cow::Borrowed(domain)
        }
    } else {
        Cow::Owned(fold_domain(domain)?)
    };
    let mut labels = 0usize;
    let mut last = "";
    for label in domain.split('.') {
        if label.is_empty() {
            return Err(EmailError::EmptyLabel);
        }
        if label.len() > MAX_LABEL {
            return Err(EmailError::LabelTooLong);
        }
        if label.starts_with('-') || label.ends_with('-') {
            return Err(EmailError::LabelHyphen);
        }
        labels += 1;
        last = label;
    }
    if labels < 2 {
        return Err(EmailError::SingleLabelDomain);
    }
    if last.chars().all(char::is_numeric) {
        return Err(EmailError::NumericTopLevel);
    }
    if local.len() + 1 + domain.len() > MAX_LEN {
        return Err(EmailError::TooLong);
    }
    Ok((local, domain))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::values::fuzz;

    fuzz::ok_and_err!(Email, ok, err by value);

    #[test]
    fn accepts_and_normalizes() {
        ok(" Jane@Example.COM ", "Jane@example.com");
        ok("\u{FEFF}a@b.co\n", "a@b.co");
        ok("JANE.DOE@EXAMPLE.COM", "JANE.DOE@example.com");
        ok("user+tag@sub.example.co.uk", "user+tag@sub.example.co.uk");
        ok("!#$%&'*+-/=?^_`{|}~@x.io", "!#$%&'*+-/=?^_`{|}~@x.io");
        ok("a.b.c@x-y.z0", "a.b.c@x-y.z0");
        ok("a@ｅｘａｍｐｌｅ。ＣＯＭ", "a@example.com");
        ok("a@BÜCHER.de", "a@bücher.de");
        ok("josé@bücher.de", "josé@bücher.de");
        ok("用户@例子.广告", "用户@例子.广告");
        ok("ΑΣ@ΑΣ.ΕΛ", "ΑΣ@ασ.ελ");
        ok("a@xn--bcher-kva.example", "a@xn--bcher-kva.example");
        ok("a@1.com", "a@1.com");
        ok("a@b.c1", "a@b.c1");
        // U+212A KELVIN SIGN lowercases to ASCII `k`.
        ok("a@\u{212A}.com", "a@k.com");
    }

    #[test]
    fn accessors() {
        let e = Email::parse("Jane.Doe@Mail.Example.COM").unwrap();
        assert_eq!(e.local_part(), "Jane.Doe");
        assert_eq!(e.domain(), "mail.example.com");
        assert_eq!(e.to_string(), "Jane.Doe@mail.example.com");
        assert_eq!(e.as_ref(), "Jane.Doe@mail.example.com");
    }

    #[test]
    fn refuses() {
        err("", EmailError::Empty);
        err(" \u{FEFF} ", EmailError::Empty);
        err("plainaddress", EmailError::MissingAt);
        err("a@b@c.com", EmailError::MultipleAt);
        err("Jane Doe <jane@example.com>", EmailError::DisplayName);
        err("<jane@example.com>", EmailError::DisplayName);
        err("jane(comment)@example.com", EmailError::Comment);
        err("jane@example.com (Jane)", EmailError::Comment);
        err("\"jane doe\"@example.com", EmailError::QuotedLocalPart);
        err("@example.com", EmailError::EmptyLocalPart);
        err("a@", EmailError::EmptyDomain);
        err(".a@b.com", EmailError::LocalPartDots);
        err("a.@b.com", EmailError::LocalPartDots);
        err("a..b@b.com", EmailError::LocalPartDots);
        err("a b@c.com", EmailError::InvalidLocalChar(' '));
        err("a\u{200B}b@c.com", EmailError::InvalidLocalChar('\u{200B}'));
        err("a\u{202E}b@c.com", EmailError::InvalidLocalChar('\u{202E}'));
        err("a\u{AD}b@c.com", EmailError::InvalidLocalChar('\u{AD}'));
        err("a\u{FEFF}b@c.com", EmailError::InvalidLocalChar('\u{FEFF}'));
        err("a\u{0}@c.com", EmailError::InvalidLocalChar('\0'));
        err("jose\u{301}@c.com", EmailError::InvalidLocalChar('\u{301}'));
        err("a\"b@c.com", EmailError::InvalidLocalChar('"'));
        err("a,b@c.com", EmailError::InvalidLocalChar(','));
        err("a@[127.0.0.1]", EmailError::DomainLiteral);
        err("a@localhost", EmailError::SingleLabelDomain);
        err("a@b..com", EmailError::EmptyLabel);
        err("a@.b.com", EmailError::EmptyLabel);
        err("a@b.com.", EmailError::EmptyLabel);
        err("a@-b.com", EmailError::LabelHyphen);
        err("a@b-.com", EmailError::LabelHyphen);
        err("a@foo!bar.com", EmailError::InvalidDomainChar('!'));
        err("a@foo_bar.com", EmailError::InvalidDomainChar('_'));
        err("a@b\u{200B}.com", EmailError::InvalidDomainChar('\u{200B}'));
        err("a@b .com", EmailError::InvalidDomainChar(' '));
        // `İ` lowercases to `i` + U+0307 COMBINING DOT ABOVE, not a letter.
        err("a@İ.com", EmailError::InvalidDomainChar('İ'));
        // Found by the email fuzz target: a Hangul filler renders blank.
        err(
            "pa@e.D\u{2080}\u{FFA0}",
            EmailError::InvalidDomainChar('\u{FFA0}'),
        );
        err("p\u{3164}a@e.com", EmailError::InvalidLocalChar('\u{3164}'));
        err("email@127.0.0.256", EmailError::NumericTopLevel);
        err("a@b.١٢٣", EmailError::NumericTopLevel);
    }

    #[test]
    fn lengths() {
        let local64 = "a".repeat(64);
        ok(&format!("{local64}@b.co"), &format!("{local64}@b.co"));
        err(
            &format!("{}@b.co", "a".repeat(65)),
            EmailError::LocalPartTooLong,
        );
        // 64 + 1 + 189 = 254 bytes.
        let label63 = "c".repeat(63);
        let domain = format!("{label63}.{label63}.{label63}.{}", "d");
        assert_eq!(domain.len(), 193);
        let long = format!("{}@{domain}", "a".repeat(60));
        assert_eq!(long.len(), 254);
        ok(&long, &long);
        err(&format!("a{long}"), EmailError::TooLong);
        err(
            &format!("a@{}.com", "b".repeat(64)),
            EmailError::LabelTooLong,
        );
        ok(
            &format!("a@{}.com", "b".repeat(63)),
            &format!("a@{}.com", "b".repeat(63)),
        );
        err(&"a@b.com".repeat(2000), EmailError::TooLong);
        // Multi-byte: 22 three-byte chars = 66 bytes.
        err(
            &format!("{}@b.co", "中".repeat(22)),
            EmailError::LocalPartTooLong,
        );
    }

    #[test]
    fn conversions_and_serde() {
        let bad = fuzz::converts::<Email>(&["A@B.io", " A@B.IO "], "A@b.io", "nope");
        assert!(bad.to_string().contains("missing '@'"), "{bad}");
    }

    #[test]
    fn error_is_send_sync_static() {
        fuzz::assert_error_traits::<EmailError>();
    }

    #[test]
    fn fuzz_never_panics_and_round_trips() {
        let alphabet: Vec<char> = "aZ09.-_+@@..@xyzé中".chars().collect();
        let seeds = ["jane@example.com", "a.b@c.d.e", "Ä@Ö.ÜÇ", "x@y.z1"];
        let strings = fuzz::strings(0xE_3A11, 4000, 40, &alphabet, &seeds);
        fuzz::round_trips::<Email>(&strings, |_, parsed| {
            if let Ok(e) = parsed {
                assert!(e.as_str().len() <= MAX_LEN);
            }
        });
    }
}
