//! Phone numbers, normalized to E.164 (RULES.md §2 "phone").
//!
//! Parsing is done in two steps: a strict scan written here, then
//! libphonenumber's metadata (through the `phonenumber` crate, which never
//! appears in this API) — with the `phone` cargo feature, on by default;
//! see [below](#without-the-phone-feature) for what changes without it.
//!
//! 1. Trim; map every Unicode decimal digit (general category `Nd`: fullwidth
//!    `０`, Arabic-Indic `٠`, Devanagari `०`, Thai `๐`, …) to ASCII.
//! 2. Refuse extensions (`x89`, `ext. 99`, `ext=12`, `;ext=12`, `#`:
//!    [`PhoneError::Extension`]; any other `;`: [`PhoneError::Parameter`]), then any letter ([`PhoneError::Letters`]),
//!    then more than one `+` ([`PhoneError::MultiplePlus`]). Allowed are
//!    digits, Unicode spaces, the separators `-` `.` `(` `)` `/` (also their
//!    fullwidth forms and the Unicode hyphens and dashes U+2010–U+2015,
//!    U+2212) and one `+` (or fullwidth `＋`) as the first character. More
//!    than 17 digits is [`PhoneError::TooLong`] before any metadata lookup.
//! 3. A leading `+` or `00` makes the number international: the country
//!    calling code is read from the digits and the region is ignored (a
//!    region would corrupt foreign numbers). Otherwise the number is
//!    national and read in the given region ([`PhoneError::NoRegion`]
//!    without one); a national number that starts with the region's
//!    international prefix (`011` in the US) is international too.
//! 4. The result is `+` and 7 to 15 digits, the first not `0`, with a
//!    calling code that exists ([`PhoneError::UnknownCallingCode`]; the
//!    codes are a table of this crate, checked against the metadata).
//!
//! Whether the number is *assigned* (libphonenumber's "valid": it matches a
//! numbering plan) is a separate flag, [`Phone::is_assigned`], not an error:
//! providers' own examples use numbers such as `+1234567890`.
//!
//! International numbers are taken digit for digit when the digits as
//! written form an assigned number. Only otherwise is libphonenumber's
//! reading used, when that one is assigned: it strips a written national
//! prefix (`+44 (0)20 7946 0018` → `+442079460018`). This avoids the
//! `phonenumber` crate's habit of stripping a "national prefix" from
//! international numbers that really start with those digits
//! (`+7 800 123-45-67`, `+370 800 12345` lose their `8`).
//!
//! The metadata is read through tables of our own, each pattern compiled
//! the first time a number needs it and then shared by every thread without
//! a lock, rather than through the `phonenumber` crate's
//! global regex cache (100 entries behind a mutex, which thrashes with
//! numbers from more than a handful of countries). Both the check for an
//! assigned number and the crate's readings of national and international
//! inputs (country code, national prefix, length rules) are replicated on
//! those tables, and a test compares them with the crate on every region's
//! example numbers in every written form. The crate itself is asked only
//! where a national-prefix transform rule applies (a few regions, such as
//! Argentina's mobile `15`), with its cache enlarged once so that it does not
//! evict. An assigned number costs about 1 µs.
//!
//! ```
//! use omnicontact::values::{CountryCode, Phone, PhoneError};
//!
//! let p = Phone::parse("+49 1512 3456789")?;
//! assert_eq!(p.as_str(), "+4915123456789");
//! assert_eq!(p.calling_code(), 49);
//! # #[cfg(feature = "phone")]
//! assert!(p.is_assigned());
//!
//! let us = CountryCode::parse("US").unwrap();
//! # #[cfg(feature = "phone")]
//! assert_eq!(Phone::parse_with_region("(415) 555-2671", Some(&us))?.as_str(), "+14155552671");
//! assert_eq!(Phone::parse("(415) 555-2671"), Err(PhoneError::NoRegion));
//! assert!(!Phone::parse("+1234567890")?.is_assigned());
//! assert_eq!(Phone::parse("+1 415 555 2671 ext. 99"), Err(PhoneError::Extension));
//! # Ok::<(), PhoneError>(())
//! ```
//!
//! # Without the `phone` feature
//!
//! With `default-features = false` (and without `phone`), the `phonenumber`
//! crate and its metadata are not compiled in, and:
//!
//! - the scan of step 1 and 2 and its errors are the same;
//! - an international number (`+` / `00`) is taken digit for digit: it is
//!   accepted when its calling code exists and it has 7 to 15 digits, with
//!   the same errors ([`PhoneError::UnknownCallingCode`],
//!   [`PhoneError::TooShort`], [`PhoneError::TooLong`]). No national prefix
//!   is stripped: `+44 (0)20 7946 0018` is `+4402079460018`, not
//!   `+442079460018`;
//! - a national number (no `+` / `00`) cannot be read without numbering
//!   plans: [`PhoneError::NoRegion`] without a region, as with the
//!   feature, and [`PhoneError::NationalNeedsMetadata`] with one (also for
//!   a number dialled with the region's international prefix, `011 44 …`);
//! - [`Phone::is_assigned`] is always `false` (it cannot be known), and the
//!   [`Validator`](crate::Validator) reports no `*.invalid_number` warning
//!   (see [`rules`](crate::rules)).
//!
//! The same numbers in E.164 form give the same [`Phone`] in both builds
//! except for [`Phone::is_assigned`]; [`PhoneError::NationalNeedsMetadata`]
//! exists in both builds and is only returned without the feature.
//!
//! ```
//! use omnicontact::values::{CountryCode, Phone, PhoneError};
//!
//! let p = Phone::parse("+44 20 7946 0018")?;
//! assert_eq!(p.as_str(), "+442079460018");
//! assert_eq!(p.is_assigned(), cfg!(feature = "phone"));
//!
//! let gb = CountryCode::parse("GB").unwrap();
//! let national = Phone::parse_with_region("020 7946 0018", Some(&gb));
//! if cfg!(feature = "phone") {
//!     assert_eq!(national?.as_str(), "+442079460018");
//! } else {
//!     assert_eq!(national, Err(PhoneError::NationalNeedsMetadata));
//! }
//! # Ok::<(), PhoneError>(())
//! ```

use super::region::PhoneRegion;
use super::trim;

#[cfg(feature = "phone")]
#[rustfmt::skip]
mod metadata;
#[cfg(feature = "phone")]
mod plan;

/// Most digits looked at; anything longer is refused before the metadata is
/// consulted. E.164 allows 15; an international prefix (up to 5 digits), a
/// written national prefix or carrier code, and libphonenumber's national
/// numbers of up to 17 digits add some.
const MAX_DIGITS: usize = 32;
/// Fewest digits of an E.164 number, calling code included.
const MIN_E164: usize = 7;
/// Most digits of an E.164 number, calling code included.
const MAX_E164: usize = 15;

/// Every country calling code that exists (ITU-T E.164 assignments, as in
/// libphonenumber's metadata: geographic regions and the non-geographic
/// `+800`, `+808`, `+870`, `+878`, `+881`, `+882`, `+883`, `+888`,
/// `+979`), sorted. Written here so that the codes are known without the
/// `phone` feature; a test checks it against the metadata.
#[cfg(any(not(feature = "phone"), test))]
#[rustfmt::skip]
const CALLING_CODES: [u16; 215] = [
    1, 7, 20, 27, 30, 31, 32, 33, 34, 36, 39, 40, 41, 43, 44, 45, 46, 47, 48, 49, 51, 52, 53, 54,
    55, 56, 57, 58, 60, 61, 62, 63, 64, 65, 66, 81, 82, 84, 86, 90, 91, 92, 93, 94, 95, 98,
    211, 212, 213, 216, 218, 220, 221, 222, 223, 224, 225, 226, 227, 228, 229, 230, 231, 232,
    233, 234, 235, 236, 237, 238, 239, 240, 241, 242, 243, 244, 245, 246, 247, 248, 249, 250,
    251, 252, 253, 254, 255, 256, 257, 258, 260, 261, 262, 263, 264, 265, 266, 267, 268, 269,
    290, 291, 297, 298, 299, 350, 351, 352, 353, 354, 355, 356, 357, 358, 359, 370, 371, 372,
    373, 374, 375, 376, 377, 378, 380, 381, 382, 383, 385, 386, 387, 389, 420, 421, 423, 500,
    501, 502, 503, 504, 505, 506, 507, 508, 509, 590, 591, 592, 593, 594, 595, 596, 597, 598,
    599, 670, 672, 673, 674, 675, 676, 677, 678, 679, 680, 681, 682, 683, 685, 686, 687, 688,
    689, 690, 691, 692, 800, 808, 850, 852, 853, 855, 856, 870, 878, 880, 881, 882, 883, 886,
    888, 960, 961, 962, 963, 964, 965, 966, 967, 968, 970, 971, 972, 973, 974, 975, 976, 977,
    979, 992, 993, 994, 995, 996, 998,
];

/// Whether a country calling code exists.
#[cfg(any(not(feature = "phone"), test))]
fn code_exists(code: u16) -> bool {
    CALLING_CODES.binary_search(&code).is_ok()
}

/// A phone number in E.164 form (`+14155552671`), and whether
/// libphonenumber's metadata considers it assigned (always `false` without
/// the `phone` feature: see the [module docs](self#without-the-phone-feature)).
///
/// ```
/// use omnicontact::values::Phone;
///
/// let p: Phone = "＋４４ ２０ ７９４６ ００１８".parse()?;
/// assert_eq!(p.as_str(), "+442079460018");
/// assert_eq!(p.calling_code(), 44);
/// assert_eq!(Phone::parse("0044 20 7946 0018")?, p);
/// # Ok::<(), omnicontact::values::PhoneError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Phone {
    /// `+` and the digits.
    e164: String,
    /// The country calling code.
    code: u16,
    /// libphonenumber considers the number valid.
    assigned: bool,
}

/// Why a string is not a [`Phone`].
///
/// ```
/// use omnicontact::values::{Phone, PhoneError};
///
/// let e = Phone::parse("1-800-FLOWERS").unwrap_err();
/// assert_eq!(e, PhoneError::Letters);
/// assert_eq!(e.to_string(), "letters are not allowed in a phone number");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PhoneError {
    /// Nothing but whitespace.
    #[error("empty phone number")]
    Empty,
    /// An extension (`x89`, `ext. 99`, `;ext=12`, `#12`).
    #[error("extensions (`x89`, `ext. 99`, `;ext=12`, `#`) are not allowed")]
    Extension,
    /// An RFC 3966 parameter such as `;phone-context=+1`.
    #[error(
        "parameters such as `;phone-context=` are not allowed; send the number alone, in international form"
    )]
    Parameter,
    /// A letter (vanity numbers such as `1-800-FLOWERS` are not read).
    #[error("letters are not allowed in a phone number")]
    Letters,
    /// More than one `+`.
    #[error("more than one `+`")]
    MultiplePlus,
    /// A `+` that is not the first character.
    #[error("`+` is only allowed as the first character")]
    MisplacedPlus,
    /// A character that is not a digit, a space or a separator `-.()/`.
    #[error("character {0:?} is not allowed in a phone number")]
    InvalidCharacter(char),
    /// No digits at all.
    #[error("no digits")]
    NoDigits,
    /// Fewer digits than any number can have.
    #[error("too short for a phone number")]
    TooShort,
    /// More digits than E.164 allows.
    #[error("too long for a phone number (E.164 allows at most 15 digits)")]
    TooLong,
    /// A national number (no `+` or `00`) and no region to read it in.
    #[error(
        "a national number, without `+` or `00`, needs a region to be read in: the payload's country, or a default region (`Options::default_region`, `--region`)"
    )]
    NoRegion,
    /// The region has no numbering plan in libphonenumber's metadata.
    #[error("no numbering plan is known for country `{0}`")]
    NoNumberingPlan(&'static str),
    /// No country has this calling code.
    #[error("unknown country calling code")]
    UnknownCallingCode,
    /// The digits do not form a number in the region.
    #[error("not a phone number")]
    NotANumber,
    /// A number written with `00` in a region whose international prefix
    /// is not `00` (the US dials `011`): read there as a national number,
    /// it is not one. The field is the region.
    #[error(
        "`00` is not the international prefix in region `{0}`, where this number is read; write it with `+` and its country code"
    )]
    InternationalPrefix(&'static str),
    /// A national number (no `+` or `00`) given with a region, in a build
    /// without the `phone` cargo feature: reading it needs the region's
    /// numbering plan. Never returned with the feature.
    #[error(
        "national numbers, without `+` or `00`, need the `phone` feature of omnicontact to be read; send the number in international form"
    )]
    NationalNeedsMetadata,
}

impl Phone {
    /// Parses an international number (`+…` or `00…`); national numbers are
    /// [`PhoneError::NoRegion`]. Same as `parse_with_region(input, None)`.
    /// The same in both builds, except that without the `phone` feature the
    /// digits are taken as written (a written national prefix such as
    /// `(0)` is kept).
    ///
    /// ```
    /// use omnicontact::values::{Phone, PhoneError};
    ///
    /// assert_eq!(Phone::parse("+33 1 42 76 49 78").unwrap().as_str(), "+33142764978");
    /// assert_eq!(Phone::parse("+3367a829916"), Err(PhoneError::Letters));
    /// ```
    pub fn parse(input: &str) -> Result<Phone, PhoneError> {
        Phone::parse_with_region(input, None::<PhoneRegion>)
    }

    /// Parses a number; one written without `+` is read in `region`, the
    /// way libphonenumber reads it there (its international prefix, such
    /// as `011` in the US or `00` in France, its national prefix, its
    /// country code written without `+`). A `+` number ignores `region`.
    ///
    /// The region is a [`PhoneRegion`]: any [`CountryCode`](super::CountryCode)
    /// converts into one, and libphonenumber's regions beyond ISO 3166
    /// (`XK` Kosovo, `AC` Ascension, `TA` Tristan da Cunha) parse as one.
    /// For no region, call [`Phone::parse`] (or pass `None::<PhoneRegion>`).
    ///
    /// Without the `phone` feature a national number with a region is
    /// [`PhoneError::NationalNeedsMetadata`] (without a region it is
    /// [`PhoneError::NoRegion`] in both builds).
    ///
    /// ```
    /// use omnicontact::values::{CountryCode, Phone, PhoneRegion};
    ///
    /// let gb = CountryCode::parse("GB").unwrap();
    /// # #[cfg(feature = "phone")] {
    /// let p = Phone::parse_with_region("020 7946 0018", Some(&gb))?;
    /// assert_eq!(p.as_str(), "+442079460018");
    /// let xk = PhoneRegion::parse("XK").unwrap();
    /// assert_eq!(Phone::parse_with_region("043 201 234", Some(xk))?.as_str(), "+38343201234");
    /// # }
    /// let us = CountryCode::parse("USA").unwrap();
    /// let p = Phone::parse_with_region("+49 1512 3456789", Some(&us))?;
    /// assert_eq!(p.as_str(), "+4915123456789");
    /// # Ok::<(), omnicontact::values::PhoneError>(())
    /// ```
    pub fn parse_with_region<R: Into<PhoneRegion>>(
        input: &str,
        region: Option<R>,
    ) -> Result<Phone, PhoneError> {
        let (digits, plus) = scan(input)?;
        let region = region.map(Into::into);
        if plus {
            return from_international(&digits, region);
        }
        match region {
            Some(region) => from_national(&digits, region),
            // Without a region, `00` is the international prefix (ITU-T
            // E.164's recommendation, dialled in most of the world).
            None => match digits.strip_prefix("00") {
                Some(rest) => from_international(rest, None),
                None => Err(PhoneError::NoRegion),
            },
        }
    }

    /// Whether [`Phone::parse`] (no region) accepts `input`.
    ///
    /// ```
    /// # use omnicontact::values::Phone;
    /// assert!(Phone::is_valid("+44 20 7946 0018"));
    /// assert!(!Phone::is_valid("020 7946 0018")); // national: needs a region
    /// ```
    pub fn is_valid(input: &str) -> bool {
        Phone::parse(input).is_ok()
    }

    /// The E.164 form: `+` and 7 to 15 digits.
    ///
    /// ```
    /// # use omnicontact::values::Phone;
    /// assert_eq!(Phone::parse("0044 (20) 7946-0018").unwrap().as_str(), "+442079460018");
    /// ```
    pub fn as_str(&self) -> &str {
        &self.e164
    }

    /// The country calling code (`1`, `44`, `370`, …).
    ///
    /// ```
    /// # use omnicontact::values::Phone;
    /// assert_eq!(Phone::parse("+370 612 34567").unwrap().calling_code(), 370);
    /// ```
    pub fn calling_code(&self) -> u16 {
        self.code
    }

    /// Whether libphonenumber's metadata considers the number valid (it
    /// matches a numbering plan). An unassigned number is well-formed but
    /// most likely a mistake or a placeholder.
    ///
    /// Without the `phone` cargo feature this cannot be known and is always
    /// `false`; the [`Validator`](crate::Validator) then reports no
    /// `*.invalid_number` warning (`false` does not mean "unassigned" there).
    ///
    /// ```
    /// # use omnicontact::values::Phone;
    /// # #[cfg(feature = "phone")]
    /// assert!(Phone::parse("+442079460018").unwrap().is_assigned());
    /// assert!(!Phone::parse("+1234567890").unwrap().is_assigned());
    /// ```
    pub fn is_assigned(&self) -> bool {
        self.assigned
    }

    /// Whether the number is known to be unassigned: always `false` without
    /// the `phone` feature, where assignment cannot be known. The rules
    /// `*.invalid_number` are reported exactly when this is true.
    pub(crate) fn is_known_unassigned(&self) -> bool {
        cfg!(feature = "phone") && !self.assigned
    }
}

super::string_value!(Phone, PhoneError, "an E.164 phone number");

/// The first code point of each block of ten `Nd` (decimal digit)
/// characters, Unicode 16.0 (the table behind `regex`'s `\d`).
const DIGIT_ZEROS: [u32; 76] = [
    0x30, 0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66,
    0xDE6, 0xE50, 0xED0, 0xF20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90,
    0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10,
    0x104A0, 0x10D30, 0x10D40, 0x11066, 0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450, 0x114D0,
    0x11650, 0x116C0, 0x116D0, 0x116DA, 0x11730, 0x118E0, 0x11950, 0x11BF0, 0x11C50, 0x11D50,
    0x11DA0, 0x11F50, 0x16130, 0x16A60, 0x16AC0, 0x16B50, 0x16D70, 0x1CCF0, 0x1D7CE, 0x1D7D8,
    0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140, 0x1E2F0, 0x1E4F0, 0x1E5F1, 0x1E950, 0x1FBF0,
];

/// The ASCII digit for a Unicode decimal digit.
fn decimal_digit(c: char) -> Option<char> {
    if c.is_ascii_digit() {
        return Some(c);
    }
    let cp = u32::from(c);
    let i = DIGIT_ZEROS
        .partition_point(|&zero| zero <= cp)
        .checked_sub(1)?;
    let offset = cp - DIGIT_ZEROS[i];
    if offset < 10 {
        // offset < 10, so the addition stays within ASCII digits.
        char::from_digit(offset, 10)
    } else {
        None
    }
}

fn is_plus(c: char) -> bool {
    c == '+' || c == '\u{FF0B}'
}

/// Separators besides whitespace: `-.()/`, their fullwidth forms, and the
/// Unicode hyphens, dashes and minus sign.
fn is_separator(c: char) -> bool {
    matches!(
        c,
        '-' | '.' | '(' | ')' | '/' | '\u{2010}'
            ..='\u{2015}'
                | '\u{2212}'
                | '\u{FF08}'
                | '\u{FF09}'
                | '\u{FF0D}'
                | '\u{FF0E}'
                | '\u{FF0F}'
    )
}

/// Whether the letters starting at byte `at` of `s` are an extension marker
/// after some digits: `x`, `ext`, `extn`, `extension` (any case).
fn is_extension_marker(s: &str, at: usize) -> bool {
    if !s[..at].chars().any(|c| decimal_digit(c).is_some()) {
        return false;
    }
    let word: String = s[at..]
        .chars()
        .take_while(|c| c.is_alphabetic())
        .take(10)
        .flat_map(char::to_lowercase)
        .collect();
    matches!(word.as_str(), "x" | "ext" | "extn" | "extension")
}

/// Checks the characters; returns the ASCII digits and whether they follow
/// a `+` (which may only be preceded by spaces and separators, as in
/// `(+44) 20 7946 0018`).
fn scan(input: &str) -> Result<(String, bool), PhoneError> {
    let s = trim(input);
    if s.is_empty() {
        return Err(PhoneError::Empty);
    }
    if s.contains(['#', ';']) {
        // `;ext=` and `#` mark extensions; any other `;` starts an RFC 3966
        // parameter (`;phone-context=…`, `;isub=…`).
        let lower = s.to_ascii_lowercase();
        return Err(if s.contains('#') || lower.contains(";ext=") {
            PhoneError::Extension
        } else {
            PhoneError::Parameter
        });
    }
    if let Some((at, _)) = s.char_indices().find(|(_, c)| c.is_alphabetic()) {
        return Err(if is_extension_marker(s, at) {
            PhoneError::Extension
        } else {
            PhoneError::Letters
        });
    }
    if s.chars().filter(|&c| is_plus(c)).count() > 1 {
        return Err(PhoneError::MultiplePlus);
    }
    let mut digits = String::with_capacity(MAX_DIGITS);
    let mut plus = false;
    for c in s.chars() {
        if let Some(d) = decimal_digit(c) {
            if digits.len() == MAX_DIGITS {
                return Err(PhoneError::TooLong);
            }
            digits.push(d);
        } else if is_plus(c) {
            if !digits.is_empty() {
                return Err(PhoneError::MisplacedPlus);
            }
            plus = true;
        } else if !(c.is_whitespace() || is_separator(c)) {
            return Err(PhoneError::InvalidCharacter(c));
        }
    }
    if digits.is_empty() {
        return Err(PhoneError::NoDigits);
    }
    Ok((digits, plus))
}

/// The calling code at the start of `digits` (1 to 3 digits, the first
/// that exists) and the rest.
#[cfg(not(feature = "phone"))]
fn split_calling_code(digits: &str) -> Option<(u16, &str)> {
    if digits.starts_with('0') {
        return None;
    }
    (1..=3).filter(|&len| len < digits.len()).find_map(|len| {
        let code: u16 = digits[..len].parse().ok()?;
        code_exists(code).then(|| (code, &digits[len..]))
    })
}

fn check_length(e164: &str) -> Result<(), PhoneError> {
    let digits = e164.len() - 1;
    if digits < MIN_E164 {
        Err(PhoneError::TooShort)
    } else if digits > MAX_E164 {
        Err(PhoneError::TooLong)
    } else {
        Ok(())
    }
}

/// libphonenumber's refusals as ours. Its "not a number" is, after our
/// scan, only ever too few digits.
#[cfg(feature = "phone")]
fn refused(refusal: plan::Refusal) -> PhoneError {
    match refusal {
        plan::Refusal::InvalidCountryCode => PhoneError::UnknownCallingCode,
        plan::Refusal::NotANumber
        | plan::Refusal::TooShortAfterIdd
        | plan::Refusal::TooShortNsn => PhoneError::TooShort,
        plan::Refusal::TooLong => PhoneError::TooLong,
    }
}

/// `digits` followed a `+` (or a `00` given without a region): read as
/// libphonenumber reads `+digits` (the region only matters when no calling
/// code follows the `+`).
#[cfg(feature = "phone")]
fn from_international(digits: &str, region: Option<PhoneRegion>) -> Result<Phone, PhoneError> {
    let default = region.and_then(|r| plan::region(r.as_str()));
    finish(plan::parse(digits, true, default))
}

/// `digits` were written without `+`: read in `region` as libphonenumber
/// reads them there.
///
/// A number starting with `00` in a region that does not dial `00` for
/// abroad is read there as a national number (libphonenumber reads
/// `00 49 30 123456` in the US as `+1004930123456`); unless that reading is
/// an assigned number, it is refused as
/// [`PhoneError::InternationalPrefix`], which says how to write it.
#[cfg(feature = "phone")]
fn from_national(digits: &str, region: PhoneRegion) -> Result<Phone, PhoneError> {
    let meta = plan::region(region.as_str()).ok_or(PhoneError::NoNumberingPlan(region.as_str()))?;
    let phone = finish(plan::parse(digits, false, Some(meta)));
    let calling_code_after_00 = digits
        .strip_prefix("00")
        .is_some_and(|rest| !rest.is_empty() && !rest.starts_with('0'));
    if calling_code_after_00
        && !meta.dials_abroad(digits)
        && !phone.as_ref().is_ok_and(Phone::is_assigned)
    {
        return Err(PhoneError::InternationalPrefix(region.as_str()));
    }
    phone
}

/// libphonenumber's reading as a [`Phone`]: its E.164 form, within E.164's
/// 7 to 15 digits, and its validity. A national number of zeros alone is
/// refused as [`PhoneError::NotANumber`] (libphonenumber reads `000000000`
/// in the US as `+1000000000`).
///
/// An unassigned number whose E.164 form libphonenumber would read back as
/// another number (it keeps a leading `0` after the calling code that a
/// second reading strips as a national prefix: `00 44 121 234 3831` in
/// Australia is `+610441212343831`, read back as `+61441212343831`) is
/// refused as [`PhoneError::NotANumber`]: writing it would hand the
/// provider a number it reads differently.
#[cfg(feature = "phone")]
fn finish(reading: Result<plan::Reading, plan::Refusal>) -> Result<Phone, PhoneError> {
    let plan::Reading { code, national } = reading.map_err(refused)?;
    let e164 = format!("+{code}{national}");
    check_length(&e164)?;
    if national.bytes().all(|b| b == b'0') {
        return Err(PhoneError::NotANumber);
    }
    let assigned = plan::is_valid(code, &national);
    if !assigned {
        let again = plan::parse(&e164[1..], true, None);
        if again.as_ref().ok() != Some(&plan::Reading { code, national }) {
            return Err(PhoneError::NotANumber);
        }
    }
    Ok(Phone {
        e164,
        code,
        assigned,
    })
}

/// `digits` followed a `+` (or a `00` given without a region); without
/// metadata they are taken as written.
#[cfg(not(feature = "phone"))]
fn from_international(digits: &str, _region: Option<PhoneRegion>) -> Result<Phone, PhoneError> {
    if digits.starts_with('0') {
        return Err(PhoneError::UnknownCallingCode);
    }
    if digits.len() < MIN_E164 {
        return Err(PhoneError::TooShort);
    }
    let (code, _) = split_calling_code(digits).ok_or(PhoneError::UnknownCallingCode)?;
    let e164 = format!("+{digits}");
    check_length(&e164)?;
    Ok(Phone {
        e164,
        code,
        assigned: false,
    })
}

/// National numbers need the region's numbering plan; without it, `00` is
/// read as the international prefix in every region (which prefix a
/// region dials abroad is part of the plan).
#[cfg(not(feature = "phone"))]
fn from_national(digits: &str, _region: PhoneRegion) -> Result<Phone, PhoneError> {
    match digits.strip_prefix("00") {
        Some(rest) => from_international(rest, None),
        None => Err(PhoneError::NationalNeedsMetadata),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::values::CountryCode;
    use crate::values::fuzz;

    fn region(code: &str) -> CountryCode {
        CountryCode::parse(code).unwrap()
    }

    #[track_caller]
    fn ok(input: &str, region_code: Option<&str>, expected: &str, assigned: bool) {
        let r = region_code.map(region);
        let p = Phone::parse_with_region(input, r.as_ref())
            .unwrap_or_else(|e| panic!("{input:?} in {region_code:?}: {e}"));
        assert_eq!(p.as_str(), expected, "{input:?} in {region_code:?}");
        // Without the metadata, assignment is never known.
        assert_eq!(
            p.is_assigned(),
            assigned && cfg!(feature = "phone"),
            "assigned {input:?} in {region_code:?}"
        );
        // The E.164 form reads back to itself, with or without a region.
        assert_eq!(
            Phone::parse(p.as_str()),
            Ok(p.clone()),
            "idempotent {input:?}"
        );
        assert_eq!(
            Phone::parse_with_region(p.as_str(), r.as_ref()),
            Ok(p.clone())
        );
        assert_eq!(Phone::is_valid(input), Phone::parse(input).is_ok());
    }

    #[track_caller]
    fn err(input: &str, region_code: Option<&str>, expected: PhoneError) {
        let r = region_code.map(region);
        assert_eq!(
            Phone::parse_with_region(input, r.as_ref()),
            Err(expected),
            "{input:?} in {region_code:?}"
        );
        if region_code.is_none() {
            assert!(!Phone::is_valid(input));
        }
    }

    #[test]
    fn international_numbers_from_many_countries() {
        ok("+1 415 555 2671", None, "+14155552671", true); // US
        ok("+1 (416) 555-0123", None, "+14165550123", true); // CA
        ok("+44 20 7946 0018", None, "+442079460018", true); // GB
        ok("+44 7400 123456", None, "+447400123456", true); // GB mobile
        ok("+49 1512 3456789", None, "+4915123456789", true); // DE
        ok("+49 30 123456", None, "+4930123456", true); // DE Berlin
        ok("+33142764978", None, "+33142764978", true); // FR
        ok("+33 6 12 34 56 78", None, "+33612345678", true); // FR mobile
        ok("+91 98765 43210", None, "+919876543210", true); // IN
        ok("+55 11 98765-4321", None, "+5511987654321", true); // BR
        ok("+81 3-1234-5678", None, "+81312345678", true); // JP
        ok("+61 2 1234 5678", None, "+61212345678", true); // AU
        ok("+61 412 345 678", None, "+61412345678", true); // AU mobile
        ok("+370 612 34567", None, "+37061234567", true); // LT mobile
        ok("+370 5 212 3456", None, "+37052123456", true); // LT Vilnius
        ok("+370 800 12345", None, "+37080012345", true); // LT toll-free
        ok("+27 21 123 4567", None, "+27211234567", true); // ZA
        ok("+52 55 1234 5678", None, "+525512345678", true); // MX
        ok("+39 06 1234 5678", None, "+390612345678", true); // IT, leading 0 kept
        ok("+34 912 345 678", None, "+34912345678", true); // ES
        ok("+86 138 0013 8000", None, "+8613800138000", true); // CN
        ok("+7 912 345-67-89", None, "+79123456789", true); // RU
        ok("+7 800 123-45-67", None, "+78001234567", true); // RU toll-free
        ok("+7 701 123 4567", None, "+77011234567", true); // KZ
        ok("+82 10-1234-5678", None, "+821012345678", true); // KR
        ok("+54 9 11 2345-6789", None, "+5491123456789", true); // AR
        ok("+234 802 123 4567", None, "+2348021234567", true); // NG
        ok("+971 50 123 4567", None, "+971501234567", true); // AE
        ok("+65 8123 4567", None, "+6581234567", true); // SG
        ok("+64 21 123 4567", None, "+64211234567", true); // NZ
        ok("+48 512 345 678", None, "+48512345678", true); // PL
        ok("+380 50 123 4567", None, "+380501234567", true); // UA
        ok("+90 501 234 56 78", None, "+905012345678", true); // TR
        ok("+800 1234 5678", None, "+80012345678", true); // international freephone
    }

    #[test]
    #[cfg(feature = "phone")]
    fn international_prefix_and_written_national_prefix() {
        ok("0044 20 7946 0018", None, "+442079460018", true);
        ok("00 370 612 34567", None, "+37061234567", true);
        ok("+44 (0)20 7946 0018", None, "+442079460018", true);
        ok("+49 (0)1512 3456789", None, "+4915123456789", true);
        // The region never applies to `+` / `00` numbers.
        ok("+49 1512 3456789", Some("US"), "+4915123456789", true);
        ok("+33142764978", Some("US"), "+33142764978", true);
        // With a region, `00` is international only where the region dials
        // it (France); in the US (`011`) it is refused with a hint.
        ok("0049 1512 3456789", Some("FR"), "+4915123456789", true);
        err(
            "0049 1512 3456789",
            Some("US"),
            PhoneError::InternationalPrefix("US"),
        );
        err(
            "00 49 30 123456",
            Some("US"),
            PhoneError::InternationalPrefix("US"),
        );
        // A `+` followed by `00` and the region's international prefix.
        ok("+00 44 20 7946 0018", Some("DE"), "+442079460018", true);
        err("+00 44 20 7946 0018", None, PhoneError::UnknownCallingCode);
        // Dialled from the US with its international prefix.
        ok("011 49 1512 3456789", Some("US"), "+4915123456789", true);
        ok("011 44 20 7946 0018", Some("US"), "+442079460018", true);
    }

    #[test]
    #[cfg(not(feature = "phone"))]
    fn without_metadata_digits_are_taken_as_written() {
        ok("0044 20 7946 0018", None, "+442079460018", false);
        ok("00 370 612 34567", None, "+37061234567", false);
        // A written national prefix is kept.
        ok("+44 (0)20 7946 0018", None, "+4402079460018", false);
        ok("+49 (0)1512 3456789", None, "+49015123456789", false);
        ok("+49 1512 3456789", Some("US"), "+4915123456789", false);
        // Without the numbering plans, `00` is read as the international
        // prefix in every region.
        ok("0049 1512 3456789", Some("US"), "+4915123456789", false);
        ok("+1234567890", None, "+1234567890", false);
        // National numbers need the numbering plans.
        err(
            "011 49 1512 3456789",
            Some("US"),
            PhoneError::NationalNeedsMetadata,
        );
        err(
            "(415) 555-2671",
            Some("US"),
            PhoneError::NationalNeedsMetadata,
        );
        err("2671", Some("US"), PhoneError::NationalNeedsMetadata);
        err("123", Some("AQ"), PhoneError::NationalNeedsMetadata);
        err("(415) 555-2671", None, PhoneError::NoRegion);
        assert_eq!(
            PhoneError::NationalNeedsMetadata.to_string(),
            "national numbers, without `+` or `00`, need the `phone` feature of omnicontact to be read; send the number in international form"
        );
    }

    #[test]
    #[cfg(feature = "phone")]
    fn national_numbers_with_a_region() {
        ok("(415) 555-2671", Some("US"), "+14155552671", true);
        ok("415.555.2671", Some("USA"), "+14155552671", true);
        ok("1 415 555 2671", Some("US"), "+14155552671", true);
        ok("020 7946 0018", Some("GB"), "+442079460018", true);
        ok("07400 123456", Some("GB"), "+447400123456", true);
        ok("01512 3456789", Some("DE"), "+4915123456789", true);
        ok("01 42 76 49 78", Some("FR"), "+33142764978", true);
        ok("098765 43210", Some("IN"), "+919876543210", true);
        ok("(11) 98765-4321", Some("BR"), "+5511987654321", true);
        ok("03-1234-5678", Some("JP"), "+81312345678", true);
        ok("(02) 1234 5678", Some("AU"), "+61212345678", true);
        ok("8 612 34567", Some("LT"), "+37061234567", true);
        ok("8 800 12345", Some("LT"), "+37080012345", true);
        ok("021 123 4567", Some("ZA"), "+27211234567", true);
        ok("55 1234 5678", Some("MX"), "+525512345678", true);
        ok("06 1234 5678", Some("IT"), "+390612345678", true);
        ok("8 (912) 345-67-89", Some("RU"), "+79123456789", true);
        ok("010-1234-5678", Some("KR"), "+821012345678", true);
    }

    #[test]
    #[cfg(feature = "phone")]
    fn unassigned_numbers_are_ok_but_flagged() {
        ok("+1234567890", None, "+1234567890", false);
        ok("+1 555 123 4567", None, "+15551234567", false);
        ok("+44 1234 5678", None, "+4412345678", false);
        ok("+882 123 456 789", None, "+882123456789", false);
        ok("555 1234", Some("US"), "+15551234", false);
        let p = Phone::parse("+1234567890").unwrap();
        assert_eq!(p.calling_code(), 1);
    }

    #[test]
    fn unicode_digits_are_read() {
        ok("＋４４ ２０ ７９４６ ００１８", None, "+442079460018", true);
        ok("+٤٤ ٢٠ ٧٩٤٦ ٠٠١٨", None, "+442079460018", true);
        ok("+۴۴ ۲۰ ۷۹۴۶ ۰۰۱۸", None, "+442079460018", true);
        ok("+९१ ९८७६५ ४३२१०", None, "+919876543210", true);
        ok("+৯১ ৯৮৭৬৫ ৪৩২১০", None, "+919876543210", true);
        ok("+๖๖ ๘๑ ๒๓๔ ๕๖๗๘", None, "+66812345678", true);
        ok("+𝟒𝟗 𝟏𝟓𝟏𝟐 𝟑𝟒𝟓𝟔𝟕𝟖𝟗", None, "+4915123456789", true);
        ok(
            "+44\u{A0}20\u{2009}7946\u{3000}0018",
            None,
            "+442079460018",
            true,
        );
        ok("+44–20–7946–0018", None, "+442079460018", true);
        ok("\u{FEFF}+44 20 7946 0018\n", None, "+442079460018", true);
    }

    #[test]
    fn digit_table_is_exactly_unicode_nd() {
        let nd = regex::Regex::new(r"^\d$").unwrap();
        let mut buf = [0u8; 4];
        for c in (0..=0x10_FFFF).filter_map(char::from_u32) {
            let is_nd = nd.is_match(c.encode_utf8(&mut buf));
            assert_eq!(
                decimal_digit(c).is_some(),
                is_nd,
                "{c:?} U+{:04X}",
                u32::from(c)
            );
        }
        assert_eq!(decimal_digit('٣'), Some('3'));
        assert_eq!(decimal_digit('９'), Some('9'));
        assert_eq!(decimal_digit('²'), None);
        assert_eq!(decimal_digit('Ⅻ'), None);
    }

    #[test]
    fn refuses_letters_extensions_and_punctuation() {
        err("", None, PhoneError::Empty);
        err(" \u{FEFF}", None, PhoneError::Empty);
        err("+3367a829916", None, PhoneError::Letters);
        err("1-800-FLOWERS", Some("US"), PhoneError::Letters);
        err("x89", None, PhoneError::Letters);
        err("+1 415 555 2671 ext. 99", None, PhoneError::Extension);
        err("+1 415 555 2671 EXT 99", None, PhoneError::Extension);
        err("+1 415 555 2671 x89", None, PhoneError::Extension);
        err("+1 415 555 2671x89", None, PhoneError::Extension);
        err("+1 415 555 2671 extension 12", None, PhoneError::Extension);
        err("+1 415 555 2671 ext=12", None, PhoneError::Extension);
        err("+1 415 555 2671;ext=12", None, PhoneError::Extension);
        err("+14155552671;ext=12", None, PhoneError::Extension);
        err("+1 415 555 2671 #12", None, PhoneError::Extension);
        err(
            "+1 415 555 2671;phone-context=+1",
            None,
            PhoneError::Parameter,
        );
        err(".;phone-context=", None, PhoneError::Parameter);
        err("++1 415 555 2671", None, PhoneError::MultiplePlus);
        err("+1 +415 555 2671", None, PhoneError::MultiplePlus);
        err("+＋1 415 555 2671", None, PhoneError::MultiplePlus);
        err("1+415 555 2671", Some("US"), PhoneError::MisplacedPlus);
        ok("(+1) 415 555 2671", None, "+14155552671", true);
        err("(1+) 415 555 2671", None, PhoneError::MisplacedPlus);
        err("+1_415_555_2671", None, PhoneError::InvalidCharacter('_'));
        err("+1 415 555 2671,", None, PhoneError::InvalidCharacter(','));
        err(
            "+1 415\u{200B}555 2671",
            None,
            PhoneError::InvalidCharacter('\u{200B}'),
        );
        err(
            "+1 415\u{AD}555 2671",
            None,
            PhoneError::InvalidCharacter('\u{AD}'),
        );
        err(
            "+1 415 555 2671\u{0}",
            None,
            PhoneError::InvalidCharacter('\0'),
        );
        err("+1 415 555 2671²", None, PhoneError::InvalidCharacter('²'));
        err("+", None, PhoneError::NoDigits);
        err("(-)", Some("US"), PhoneError::NoDigits);
    }

    #[test]
    fn refuses_bad_shapes() {
        err("(415) 555-2671", None, PhoneError::NoRegion);
        err("020 7946 0018", None, PhoneError::NoRegion);
        err("+0 123 456 789", None, PhoneError::UnknownCallingCode);
        err("000 123 456 789", None, PhoneError::UnknownCallingCode);
        err("+999 123 456 789", None, PhoneError::UnknownCallingCode);
        err("+28 123 456 789", None, PhoneError::UnknownCallingCode);
        err("+1 23", None, PhoneError::TooShort);
        err("+44 1234", None, PhoneError::TooShort);
        err("+1 234 567 890 123 456", None, PhoneError::TooLong);
        err("+123456789012345678", None, PhoneError::TooLong);
        err(&"1".repeat(33), Some("US"), PhoneError::TooLong);
        #[cfg(feature = "phone")]
        err("123456789012345678", Some("US"), PhoneError::TooLong);
    }

    #[test]
    #[cfg(feature = "phone")]
    fn refuses_bad_national_shapes() {
        err("2671", Some("US"), PhoneError::TooShort);
        err("7", Some("US"), PhoneError::TooShort);
        // libphonenumber reads `+1000000000`: no number is only zeros.
        err("000000000", Some("US"), PhoneError::NotANumber);
        err("+44 0000 000000", None, PhoneError::NotANumber);
        err("123", Some("AQ"), PhoneError::NoNumberingPlan("AQ"));
    }

    #[test]
    fn calling_code_table() {
        assert!(CALLING_CODES.windows(2).all(|w| w[0] < w[1]), "sorted");
        assert!(code_exists(1) && code_exists(370) && code_exists(979));
        assert!(!code_exists(0) && !code_exists(28) && !code_exists(999));
    }

    #[test]
    #[cfg(feature = "phone")]
    fn calling_code_table_is_the_metadata() {
        let metadata: Vec<u16> = plan::codes().collect();
        assert_eq!(CALLING_CODES.as_slice(), metadata.as_slice());
        for code in 0..1000u16 {
            assert_eq!(code_exists(code), plan::code_exists(code), "{code}");
        }
    }

    #[test]
    fn huge_inputs_are_refused() {
        // Refused by the scan, before any metadata (their cost is measured
        // in benches/adversarial.rs).
        let digits = "1".repeat(10_000);
        err(&format!("+{digits}"), None, PhoneError::TooLong);
        err(&digits, Some("US"), PhoneError::TooLong);
        err(&" ".repeat(100_000), None, PhoneError::Empty);
        err(
            &format!("+ {}", "-".repeat(100_000)),
            None,
            PhoneError::NoDigits,
        );
        err(
            &format!("+1 {}", "-".repeat(100_000)),
            None,
            PhoneError::TooShort,
        );
        err(&"٣".repeat(100_000), Some("US"), PhoneError::TooLong);
    }

    #[test]
    fn past_phonenumber_crash_inputs_are_errors() {
        for input in [
            ".;phone-context=",
            "+dwPAA;phone-context=AA",
            "tel:+1-415-555-2671",
            "0;phone-context=+64",
            "+0;",
            "+00",
            "+000000000000000",
            "00000000000000000",
            "+8 8",
            "0011",
        ] {
            for r in [None, Some("US"), Some("NZ"), Some("DE")] {
                let rc = r.map(region);
                assert!(
                    Phone::parse_with_region(input, rc.as_ref()).is_err(),
                    "{input:?} {r:?}"
                );
            }
        }
    }

    #[test]
    #[cfg(feature = "phone")]
    fn every_metadata_example_is_assigned_and_stable() {
        // Every region's example numbers of every type, written in E.164:
        // unchanged and assigned.
        assert_eq!(plan::Region::version(), "9.0.33");
        let mut seen = 0;
        for meta in plan::regions() {
            for desc in meta.types.iter().flatten() {
                let Some(example) = desc.example() else {
                    continue;
                };
                let input = format!("+{}{example}", meta.code);
                if !(MIN_E164..=MAX_E164).contains(&(input.len() - 1)) {
                    continue;
                }
                let p = Phone::parse(&input).unwrap_or_else(|e| panic!("{input}: {e}"));
                assert_eq!(p.as_str(), input, "{}", meta.id);
                assert!(p.is_assigned(), "{input} {}", meta.id);
                seen += 1;
            }
        }
        assert!(seen > 1000, "{seen}");
    }

    #[test]
    #[cfg(feature = "phone")]
    fn every_metadata_pattern_compiles() {
        let mut patterns = 0;
        for meta in plan::regions() {
            let descs = std::iter::once(&meta.general).chain(meta.types.iter().flatten());
            for desc in descs {
                assert!(
                    desc.pattern().compiles(),
                    "{} {}",
                    meta.id,
                    desc.pattern().source()
                );
                patterns += 1;
            }
            for pattern in [
                &meta.international_prefix,
                &meta.national_prefix_for_parsing,
                &meta.leading_digits,
            ]
            .into_iter()
            .flatten()
            {
                assert!(pattern.compiles(), "{} {}", meta.id, pattern.source());
                patterns += 1;
            }
        }
        assert!(patterns > 1800, "{patterns}");
    }

    #[test]
    #[cfg(feature = "phone")]
    fn the_reported_regressions() {
        // The national prefix is stripped once: these numbers kept their
        // digits in libphonenumber and lost one in omnicontact 0.1.0.
        ok("8 (800) 555 35 35", Some("RU"), "+78005553535", true);
        ok("8 (812) 123-45-67", Some("RU"), "+78121234567", true);
        ok("8 (800) 123-45-67", Some("KZ"), "+78001234567", true);
        ok("8 801 123 4567", Some("BY"), "+3758011234567", true);
        ok("250 123 456", Some("RW"), "+250250123456", true);
    }

    #[test]
    #[cfg(feature = "phone")]
    fn regions_beyond_iso_read_national_numbers() {
        for (input, region, e164) in [
            ("043 201 234", "XK", "+38343201234"),
            ("62889", "AC", "+24762889"),
            ("8862", "TA", "+2908862"),
        ] {
            let r = PhoneRegion::parse(region).unwrap();
            let p = Phone::parse_with_region(input, Some(r));
            assert_eq!(
                p.as_ref().map(Phone::as_str),
                Ok(e164),
                "{input} in {region}"
            );
        }
    }

    #[test]
    fn accessors_conversions_and_serde() {
        let p: Phone = "+44 20 7946 0018".parse().unwrap();
        assert_eq!(p.to_string(), "+442079460018");
        assert_eq!(p.as_ref(), "+442079460018");
        assert_eq!(Phone::try_from("+442079460018"), Ok(p.clone()));
        assert_eq!(
            Phone::try_from(String::from("+442079460018")),
            Ok(p.clone())
        );
        let json = serde_json::to_string(&p).unwrap();
        assert_eq!(json, "\"+442079460018\"");
        assert_eq!(serde_json::from_str::<Phone>(&json).unwrap(), p);
        assert_eq!(
            serde_json::from_str::<Phone>("\"0044 20 7946 0018\"").unwrap(),
            p
        );
        let e = serde_json::from_str::<Phone>("\"020 7946 0018\"").unwrap_err();
        assert!(e.to_string().contains("needs a region"), "{e}");
        fuzz::assert_error_traits::<PhoneError>();
    }

    #[test]
    fn threads_agree() {
        let inputs = [
            "+14155552671",
            "+4915123456789",
            "+37061234567",
            "+1234567890",
        ];
        let handles: Vec<_> = (0..4)
            .map(|_| {
                std::thread::spawn(move || {
                    inputs
                        .iter()
                        .map(|s| Phone::parse(s).map(|p| p.is_assigned()))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        for h in handles {
            let known = cfg!(feature = "phone");
            assert_eq!(
                h.join().unwrap(),
                vec![Ok(known), Ok(known), Ok(known), Ok(false)]
            );
        }
    }

    #[test]
    fn fuzz_never_panics_and_round_trips() {
        let alphabet: Vec<char> = "0123456789 0123456789+-().x#٣３".chars().collect();
        let seeds = [
            "+14155552671",
            "+44 20 7946 0018",
            "0044 20 7946 0018",
            "(415) 555-2671",
            "+370 612 34567",
            "8 612 34567",
            "011 49 1512 3456789",
            ".;phone-context=",
            "+dwPAA;phone-context=AA",
        ];
        let regions: Vec<CountryCode> = [
            "US", "GB", "DE", "FR", "IN", "BR", "JP", "AU", "LT", "ZA", "MX", "AR", "RU", "IT",
            "AQ",
        ]
        .iter()
        .map(|c| region(c))
        .collect();
        for (i, s) in fuzz::strings(0x9_0E0E, 3000, 24, &alphabet, &seeds)
            .into_iter()
            .enumerate()
        {
            assert_eq!(Phone::is_valid(&s), Phone::parse(&s).is_ok(), "{s:?}");
            let r = &regions[i % regions.len()];
            if let Ok(p) = Phone::parse_with_region(&s, Some(r)) {
                assert_eq!(Phone::parse(p.as_str()), Ok(p.clone()), "{s:?} in {r}");
                let digits = &p.as_str()[1..];
                assert!((MIN_E164..=MAX_E164).contains(&digits.len()), "{s:?}");
                assert!(digits.bytes().all(|b| b.is_ascii_digit()) && !digits.starts_with('0'));
            }
        }
    }

    #[test]
    fn fuzz_digit_strings_in_every_region() {
        // Pure digit strings of every length straight into every region's
        // national parser: never a panic.
        let mut rng = fuzz::Rng::new(0xD161);
        let all: Vec<CountryCode> = [
            "US", "GB", "DE", "FR", "IN", "BR", "JP", "AU", "LT", "ZA", "MX", "AR", "RU", "IT",
            "KR", "CN", "NG", "ID", "CO", "AT", "BY", "KZ", "VA", "SH",
        ]
        .iter()
        .map(|c| region(c))
        .collect();
        for _ in 0..4000 {
            let len = rng.below(MAX_DIGITS + 1);
            let s: String = (0..len)
                .map(|_| char::from(b'0' + u8::try_from(rng.below(10)).unwrap_or(0)))
                .collect();
            let r = &all[rng.below(all.len())];
            if let Ok(p) = Phone::parse_with_region(&s, Some(r)) {
                assert_eq!(Phone::parse(p.as_str()), Ok(p.clone()), "{s:?} in {r}");
            }
            let _ = Phone::parse(&format!("+{s}"));
        }
    }
}
