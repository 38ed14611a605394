//! Property tests (proptest) for the value types and the validator.
//!
//! 1. **Value contract** — for every value type `T` in `omnicontact::values`,
//!    on arbitrary strings (any Unicode, controls, bidi and format
//!    characters, digits of other scripts, strings of several kilobytes) and
//!    on mutations of valid inputs: `T::parse` never panics; `T::is_valid`,
//!    `FromStr`, `TryFrom<&str>`, `TryFrom<String>` and `Deserialize` (from a
//!    JSON string) agree with it; a parsed value is a fixed point of
//!    normalization (`T::parse(x.as_str()) == Ok(x)`, also with surrounding
//!    whitespace), `Display` and `AsRef<str>` equal `as_str`, serde
//!    round-trips and refuses non-strings; `Eq` agrees with `as_str`, `Hash`
//!    and `Ord`.
//! 2. **Success paths** — generators of valid inputs (emails from local and
//!    domain parts with random case and padding, E.164 numbers of 25
//!    countries written with random separators, prefixes and digit scripts,
//!    national numbers read in their region, country and language codes in
//!    any case, zone names in any case, date-times with random offsets,
//!    UUIDs, push tokens, URLs, genders) check the exact normalized form.
//! 3. **Validator** — for every provider of `Provider::ALL` and each of its
//!    operations, JSON documents built from the provider's member names
//!    (mostly plausible bodies, perturbed bodies, and random trees of bounded
//!    depth) and request envelopes: no panic; the report is coherent
//!    (`is_valid` iff no error, normalized body iff valid, rule ids from the
//!    catalog with their catalog severity); every violation and change path
//!    is a JSON Pointer into the input part its `Location` names; a valid
//!    report's normalized body re-validates valid, with no change and the
//!    same normalized body, keeps the members' order and has no member that
//!    no change accounts for; a document validated again in the same batch
//!    gets the same report; its JSON text gets the same report as its value.
//!    (A path may name a member missing from an object that exists: see
//!    [`pointer_ok`].)
//!
//! Case counts are modest so that the whole file runs in a few seconds in a
//! debug build. A failure is persisted by proptest in a
//! `*.proptest-regressions` file beside the test, replayed first on every
//! run: commit it with the fix (and add the minimal input to a unit test).

use std::collections::BTreeSet;
use std::fmt::{Debug, Display};
use std::hash::{DefaultHasher, Hash, Hasher};
use std::str::FromStr;

use omnicontact::rules;
use omnicontact::values::{
    CountryCode, Date, Email, Gender, LanguageCode, Phone, PhoneError, PushToken, PushTokenKind,
    SendiosDateTime, TimeZone, Url, UtcDateTime, Uuid,
};
use omnicontact::{
    Change, Location, Operation, Options, Provider, Report, Severity, Validator, Violation,
};
use proptest::prelude::*;
use proptest::sample::{Index, select};
use proptest::strategy::ValueTree;
use proptest::test_runner::TestRunner;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value, json};

// ---------------------------------------------------------------------------
// Configuration

/// Cases for the value-type tests (cheap).
const VALUE_CASES: u32 = 256;
/// Cases for the validator tests.
const VALIDATOR_CASES: u32 = 256;

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        ..ProptestConfig::default()
    }
}

// ---------------------------------------------------------------------------
// Arbitrary strings

/// Characters that break naive parsers: controls, Unicode whitespace and
/// BOM, zero-width, bidi and format characters, combining marks, confusable
/// letters, case-mapping oddities, non-decimal numerals, fullwidth signs,
/// and the punctuation the value grammars use.
#[rustfmt::skip]
const NASTY: &[char] = &[
    '\0', '\u{7}', '\t', '\n', '\r', '\u{B}', '\u{C}', '\u{1B}', '\u{7F}', '\u{85}', ' ', '\u{A0}',
    '\u{1680}', '\u{2003}', '\u{2028}', '\u{2029}', '\u{3000}', '\u{FEFF}', '\u{200B}', '\u{200D}',
    '\u{202E}', '\u{2066}', '\u{AD}', '\u{301}', '\u{34F}', '\u{FE0F}', 'а', 'е', 'о', 'р', 'с',
    'І', 'İ', 'ı', 'ß', 'ẞ', 'K', 'Å', 'Ω', 'ǅ', 'ﬁ', 'Σ', 'ς', 'é', 'ñ', '中', '😀', '\u{10FFFF}',
    '\u{FFFD}', '\u{D7FF}', '\u{E000}', '²', '½', 'Ⅻ', '①', '〇', '十', '\u{FF0B}', '\u{FF0D}',
    '\u{2212}', '\u{2013}', '\u{2010}', '\u{FF08}', '\u{FF09}', '\u{FF0E}', '\u{3002}', '\u{FF20}',
    'Ａ', 'ｚ', '"', '\'', '\\', '<', '>', '(', ')', '[', ']', '{', '}', ',', ';', ':', '.', '@',
    '#', '%', '/', '?', '=', '&', '*', '!', '|', '~', '^', '`', '$', '+', '-', '_', 'x', 'X', 'e',
    'T', 'Z', 'z', '0', '9',
];

/// The zero of some blocks of Unicode decimal digits (`Nd`): ASCII,
/// Arabic-Indic, Extended Arabic-Indic, Devanagari, Bengali, Thai, Myanmar,
/// fullwidth, Osmanya, mathematical bold, Adlam.
#[rustfmt::skip]
const DIGIT_ZEROS: &[u32] = &[
    0x30, 0x660, 0x6F0, 0x966, 0x9E6, 0xE50, 0x1040, 0xFF10, 0x104A0, 0x1D7CE, 0x1E950,
];

/// A decimal digit `d` in the script whose zero is `zero`.
fn digit_in(zero: u32, d: u32) -> char {
    char::from_u32(zero + d).expect("decimal digit blocks are valid scalar values")
}

fn unicode_digit() -> impl Strategy<Value = char> {
    (select(DIGIT_ZEROS), 0u32..10).prop_map(|(zero, d)| digit_in(zero, d))
}

/// One character: any scalar value, printable ASCII, a nasty one or a
/// decimal digit of some script.
fn any_char_mix() -> BoxedStrategy<char> {
    prop_oneof![
        3 => any::<char>(),
        3 => (0x20u8..0x7F).prop_map(char::from),
        3 => select(NASTY),
        2 => unicode_digit(),
    ]
    .boxed()
}

/// Arbitrary strings: proptest's printable strings, short and long strings
/// of mixed characters, and very long repetitions (past every length cap).
fn messy_string() -> BoxedStrategy<String> {
    prop_oneof![
        2 => any::<String>(),
        4 => prop::collection::vec(any_char_mix(), 0..40).prop_map(String::from_iter),
        1 => prop::collection::vec(any_char_mix(), 200..1200).prop_map(String::from_iter),
        1 => (prop::collection::vec(any_char_mix(), 1..6), 500usize..6000)
            .prop_map(|(unit, n)| String::from_iter(unit).repeat(n)),
    ]
    .boxed()
}

/// `base`, with one to three random edits (delete, replace, change case,
/// insert): inputs near the valid ones, where parsers have their edge cases.
fn mutated(base: BoxedStrategy<String>) -> BoxedStrategy<String> {
    (
        base,
        prop::collection::vec((any::<Index>(), 0u8..4, any_char_mix()), 1..4),
    )
        .prop_map(|(s, edits)| {
            let mut chars: Vec<char> = s.chars().collect();
            for (at, op, c) in edits {
                let i = at.index(chars.len() + 1);
                match op {
                    0 if i < chars.len() => {
                        chars.remove(i);
                    }
                    1 if i < chars.len() => chars[i] = c,
                    2 if i < chars.len() => chars[i] = flip_case(chars[i]),
                    _ => chars.insert(i, c),
                }
            }
            chars.into_iter().collect()
        })
        .boxed()
}

fn flip_case(c: char) -> char {
    if c.is_lowercase() {
        c.to_uppercase().next().unwrap_or(c)
    } else {
        c.to_lowercase().next().unwrap_or(c)
    }
}

/// Padding the value types trim: Unicode whitespace and U+FEFF.
#[rustfmt::skip]
const PADDING: &[&str] = &[
    "", "", "", " ", "  ", "\t", "\n", "\r\n", "\u{A0}", "\u{2003}", "\u{3000}", "\u{FEFF}",
    " \u{FEFF}\t",
];

fn padding() -> impl Strategy<Value = &'static str> {
    select(PADDING)
}

/// Each ASCII letter in upper or lower case at random.
fn random_ascii_case(s: &str) -> BoxedStrategy<String> {
    let s = s.to_owned();
    prop::collection::vec(any::<bool>(), s.chars().count())
        .prop_map(move |upper| {
            s.chars()
                .zip(upper)
                .map(|(c, u)| {
                    if u {
                        c.to_ascii_uppercase()
                    } else {
                        c.to_ascii_lowercase()
                    }
                })
                .collect()
        })
        .boxed()
}

fn hash_of<T: Hash>(value: &T) -> u64 {
    let mut h = DefaultHasher::new();
    value.hash(&mut h);
    h.finish()
}

// ---------------------------------------------------------------------------
// Property 1: the contract every value type shares

/// The shared API of the value types (`omnicontact::values` module docs).
trait ValueType:
    Sized + Clone + Debug + Display + Eq + Ord + Hash + AsRef<str> + Serialize + DeserializeOwned
{
    type Error: Debug + Display + Clone + PartialEq + std::error::Error + Send + Sync + 'static;
    fn parse(s: &str) -> Result<Self, Self::Error>;
    fn is_valid(s: &str) -> bool;
    fn as_str(&self) -> &str;
}

macro_rules! value_type {
    ($($ty:ty => $err:ty),* $(,)?) => {$(
        impl ValueType for $ty {
            type Error = $err;
            fn parse(s: &str) -> Result<Self, Self::Error> {
                <$ty>::parse(s)
            }
            fn is_valid(s: &str) -> bool {
                <$ty>::is_valid(s)
            }
            fn as_str(&self) -> &str {
                <$ty>::as_str(self)
            }
        }
    )*};
}

value_type! {
    Email => omnicontact::values::EmailError,
    Phone => omnicontact::values::PhoneError,
    LanguageCode => omnicontact::values::LanguageError,
    CountryCode => omnicontact::values::CountryError,
    TimeZone => omnicontact::values::TimeZoneError,
    UtcDateTime => omnicontact::values::UtcDateTimeError,
    Date => omnicontact::values::DateError,
    SendiosDateTime => omnicontact::values::SendiosDateTimeError,
    Uuid => omnicontact::values::UuidError,
    Url => omnicontact::values::UrlError,
    PushToken => omnicontact::values::PushTokenError,
    Gender => omnicontact::values::GenderError,
}

/// Everything the module docs promise about one input.
fn check_input<T>(input: &str) -> Result<Option<T>, TestCaseError>
where
    T: ValueType
        + FromStr<Err = <T as ValueType>::Error>
        + for<'a> TryFrom<&'a str, Error = <T as ValueType>::Error>
        + TryFrom<String, Error = <T as ValueType>::Error>,
{
    let parsed = T::parse(input);
    prop_assert_eq!(
        T::is_valid(input),
        parsed.is_ok(),
        "is_valid disagrees with parse ({:?}) on {:?}",
        parsed,
        input
    );
    prop_assert_eq!(&input.parse::<T>(), &parsed, "FromStr on {:?}", input);
    prop_assert_eq!(&T::try_from(input), &parsed, "TryFrom<&str> on {:?}", input);
    prop_assert_eq!(
        &T::try_from(input.to_owned()),
        &parsed,
        "TryFrom<String> on {:?}",
        input
    );
    // Deserializing validates: an error exactly when parsing fails.
    let from_value = serde_json::from_value::<T>(Value::String(input.to_owned()));
    prop_assert_eq!(
        from_value.as_ref().ok(),
        parsed.as_ref().ok(),
        "Deserialize from a JSON string value on {:?}",
        input
    );
    let text = serde_json::to_string(input).map_err(|e| TestCaseError::fail(e.to_string()))?;
    let from_text = serde_json::from_str::<T>(&text);
    prop_assert_eq!(
        from_text.as_ref().ok(),
        parsed.as_ref().ok(),
        "Deserialize from JSON text {}",
        text
    );
    if let Ok(value) = &parsed {
        check_normalized(value)?;
    }
    Ok(parsed.ok())
}

/// A parsed value is a fixed point of normalization and round-trips.
fn check_normalized<T: ValueType>(value: &T) -> Result<(), TestCaseError> {
    let s = value.as_str();
    prop_assert_eq!(
        T::parse(s),
        Ok(value.clone()),
        "normalization is not idempotent: {:?}",
        s
    );
    prop_assert!(T::is_valid(s), "normalized form {:?} is not valid", s);
    prop_assert_eq!(
        T::parse(&format!(" \t\u{FEFF}{s}\u{3000}\n")),
        Ok(value.clone()),
        "surrounding whitespace is not trimmed: {:?}",
        s
    );
    prop_assert_eq!(value.to_string(), s, "Display differs from as_str");
    prop_assert_eq!(value.as_ref(), s, "AsRef<str> differs from as_str");
    let json = serde_json::to_value(value).map_err(|e| TestCaseError::fail(e.to_string()))?;
    prop_assert_eq!(&json, &Value::String(s.to_owned()), "serializes as as_str");
    let back: T = serde_json::from_value(json).map_err(|e| TestCaseError::fail(e.to_string()))?;
    prop_assert_eq!(&back, value, "serde round trip");
    prop_assert_eq!(hash_of(&back), hash_of(value), "equal values hash alike");
    // Only strings deserialize.
    for other in [
        json!(null),
        json!(true),
        json!(1_234_567),
        json!([s]),
        json!({"v": s}),
    ] {
        prop_assert!(
            serde_json::from_value::<T>(other.clone()).is_err(),
            "deserialized from non-string {}",
            other
        );
    }
    Ok(())
}

/// `Eq`, `Hash`, `Ord` and `as_str` agree on two values.
fn check_eq<T: ValueType>(a: &T, b: &T) -> Result<(), TestCaseError> {
    prop_assert_eq!(
        a == b,
        a.as_str() == b.as_str(),
        "Eq disagrees with as_str: {:?} vs {:?}",
        a,
        b
    );
    prop_assert_eq!(
        a.cmp(b) == std::cmp::Ordering::Equal,
        a == b,
        "Ord disagrees with Eq"
    );
    if a == b {
        prop_assert_eq!(hash_of(a), hash_of(b), "Eq but different Hash");
    }
    Ok(())
}

/// Two inputs: `a`, and either an independent input or a variant of `a`
/// (case changed, padded) that usually normalizes to the same value.
fn input_pair(inputs: BoxedStrategy<String>) -> BoxedStrategy<(String, String)> {
    (inputs.clone(), inputs, 0u8..5, padding(), padding())
        .prop_map(|(a, other, op, before, after)| {
            let b = match op {
                0 => other,
                1 => a.to_ascii_uppercase(),
                2 => a.to_ascii_lowercase(),
                3 => a.chars().map(flip_case).collect(),
                _ => format!("{before}{a}{after}"),
            };
            (a, b)
        })
        .boxed()
}

/// Arbitrary strings, valid inputs and mutations of valid inputs.
fn contract_inputs(valid: BoxedStrategy<(String, String)>) -> BoxedStrategy<(String, String)> {
    let valid = valid.prop_map(|(input, _)| input).boxed();
    input_pair(
        prop_oneof![
            3 => messy_string(),
            2 => valid.clone(),
            3 => mutated(valid),
        ]
        .boxed(),
    )
}

fn check_pair<T>(a: &str, b: &str) -> Result<(), TestCaseError>
where
    T: ValueType
        + FromStr<Err = <T as ValueType>::Error>
        + for<'a> TryFrom<&'a str, Error = <T as ValueType>::Error>
        + TryFrom<String, Error = <T as ValueType>::Error>,
{
    let x = check_input::<T>(a)?;
    let y = check_input::<T>(b)?;
    if let (Some(x), Some(y)) = (x, y) {
        check_eq(&x, &y)?;
    }
    Ok(())
}

macro_rules! contract_tests {
    ($($name:ident: $ty:ty, $valid:expr;)*) => {
        proptest! {
            #![proptest_config(config(VALUE_CASES))]
            $(
                #[test]
                fn $name((a, b) in contract_inputs($valid)) {
                    check_pair::<$ty>(&a, &b)?;
                }
            )*
        }
    };
}

contract_tests! {
    email_contract: Email, email_input();
    phone_contract: Phone, phone_input();
    language_contract: LanguageCode, language_input();
    country_contract: CountryCode, country_input();
    timezone_contract: TimeZone, timezone_input();
    utc_date_time_contract: UtcDateTime, utc_date_time_input().prop_map(|(s, _, _)| (s, String::new())).boxed();
    sendios_date_time_contract: SendiosDateTime, sendios_date_time_input();
    date_contract: Date, date_input();
    uuid_contract: Uuid, uuid_input();
    url_contract: Url, url_input();
    push_token_contract: PushToken, push_token_input().prop_map(|(s, n, _)| (s, n)).boxed();
    gender_contract: Gender, gender_input();
}

// Type-specific extras of the contract: the accessors and helper
// constructors never panic and agree with `parse`.
proptest! {
    #![proptest_config(config(VALUE_CASES))]

    #[test]
    fn email_parts_rebuild_the_address(input in prop_oneof![messy_string(), mutated(email_input().prop_map(|(s, _)| s).boxed())]) {
        if let Ok(e) = Email::parse(&input) {
            prop_assert_eq!(format!("{}@{}", e.local_part(), e.domain()), e.as_str());
            prop_assert!(e.as_str().len() <= 254);
            prop_assert!(e.local_part().len() <= 64);
            prop_assert!(!e.local_part().is_empty() && e.domain().contains('.'));
        }
    }

    #[test]
    fn phone_is_e164_in_every_region(
        input in prop_oneof![messy_string(), mutated(phone_input().prop_map(|(s, _)| s).boxed()), national_phone_input().prop_map(|(_, s, _)| s)],
        region in country(),
    ) {
        for parsed in [Phone::parse(&input), Phone::parse_with_region(&input, Some(&region))] {
            let Ok(p) = parsed else { continue };
            let Some(digits) = p.as_str().strip_prefix('+') else {
                return Err(TestCaseError::fail(format!("{p} does not start with `+`")));
            };
            prop_assert!((7..=15).contains(&digits.len()), "{}", p);
            prop_assert!(digits.bytes().all(|b| b.is_ascii_digit()) && !digits.starts_with('0'), "{}", p);
            prop_assert!(digits.starts_with(&p.calling_code().to_string()), "{} / {}", p, p.calling_code());
            check_normalized(&p)?;
        }
    }

    #[test]
    fn language_tags_agree_with_codes(input in prop_oneof![messy_string(), mutated(language_tag_input().prop_map(|(s, _)| s).boxed())]) {
        let tag = LanguageCode::from_tag(&input);
        if let Ok(code) = LanguageCode::parse(&input) {
            prop_assert_eq!(tag.clone(), Ok(code), "a plain code is a tag too");
        }
        if let Ok(code) = tag {
            check_normalized(&code)?;
        }
    }

    #[test]
    fn country_forms_agree(input in prop_oneof![messy_string(), mutated(country_input().prop_map(|(s, _)| s).boxed())]) {
        match CountryCode::parse(&input) {
            Ok(c) => {
                let a2 = c.to_alpha2();
                prop_assert_eq!(a2.as_str(), c.alpha2());
                prop_assert!(!a2.is_alpha3());
                prop_assert_eq!(c.as_str(), if c.is_alpha3() { c.alpha3() } else { c.alpha2() });
                prop_assert_eq!(CountryCode::parse(c.alpha3()).map(|x| x.to_alpha2()), Ok(a2.clone()));
                check_normalized(&a2)?;
            }
            Err(e) => {
                if let Some(code) = e.suggestion() {
                    prop_assert!(CountryCode::is_valid(code), "suggestion {:?} is not a code", code);
                }
            }
        }
        if let Some(named) = CountryCode::from_name(&input) {
            prop_assert!(!named.is_alpha3());
            check_normalized(&named)?;
        }
    }

    #[test]
    fn timezone_suggestions_are_zones(input in prop_oneof![messy_string(), mutated(timezone_input().prop_map(|(s, _)| s).boxed())]) {
        if let Err(e) = TimeZone::parse(&input)
            && let Some(zone) = e.suggestion()
        {
            let parsed = TimeZone::parse(zone).map(|z| z.to_string());
            prop_assert_eq!(parsed.as_deref(), Ok(zone));
        }
    }

    #[test]
    fn push_token_kind_matches_its_form(input in prop_oneof![messy_string(), mutated(push_token_input().prop_map(|(s, _, _)| s).boxed())]) {
        if let Ok(t) = PushToken::parse(&input) {
            let s = t.as_str();
            match t.kind() {
                PushTokenKind::Apns => prop_assert!(s.len() >= 64 && s.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)), "{}", s),
                _ => prop_assert_eq!(s.find(':').map(|i| s[..i].chars().count()), Some(22)),
            }
        }
    }

    #[test]
    fn date_accessors_agree(input in prop_oneof![messy_string(), mutated(date_input().prop_map(|(s, _)| s).boxed())]) {
        if let Ok(d) = Date::parse(&input) {
            prop_assert_eq!(Date::from_ymd(d.year(), d.month(), d.day()), Some(d.clone()));
            prop_assert_eq!(d.as_str(), format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day()));
        }
    }
}

// ---------------------------------------------------------------------------
// Property 2: generators of valid inputs, and the exact normalized forms

/// RFC 5322 `atext` besides letters and digits.
#[rustfmt::skip]
const ATEXT_SPECIALS: &[char] = &[
    '!', '#', '$', '%', '&', '\'', '*', '+', '-', '/', '=', '?', '^', '_', '`', '{', '|', '}', '~',
];
/// Non-ASCII letters and digits (allowed in local parts and labels) whose
/// lowercase form is a single character.
#[rustfmt::skip]
const UNICODE_LETTERS: &[char] = &[
    'é', 'É', 'ñ', 'Ñ', 'ü', 'Ü', 'ö', 'Ö', 'ж', 'Ж', 'ß', 'ł', 'Ł', '中', 'α', 'Ω', '٣', 'ğ',
];

fn ascii_alnum() -> impl Strategy<Value = char> {
    select(
        ('a'..='z')
            .chain('A'..='Z')
            .chain('0'..='9')
            .collect::<Vec<char>>(),
    )
}

fn local_atom() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            6 => ascii_alnum(),
            2 => select(ATEXT_SPECIALS),
            1 => select(UNICODE_LETTERS),
        ],
        1..7,
    )
    .prop_map(String::from_iter)
}

/// A domain label as written and its normalized form: ASCII letters and
/// digits in any case, inner hyphens, some non-ASCII letters, some
/// fullwidth letters (folded to ASCII, as IDNA does).
fn domain_label(last: bool) -> impl Strategy<Value = (String, String)> {
    let letter = if last {
        prop_oneof![
            6 => select(('a'..='z').chain('A'..='Z').collect::<Vec<char>>()),
            1 => select(UNICODE_LETTERS.iter().copied().filter(|c| c.is_alphabetic()).collect::<Vec<char>>()),
            1 => (0u32..26).prop_map(|i| char::from_u32(0xFF21 + i).unwrap_or('A')),
        ]
        .boxed()
    } else {
        prop_oneof![
            6 => ascii_alnum(),
            1 => select(UNICODE_LETTERS),
            1 => (0u32..26).prop_map(|i| char::from_u32(0xFF41 + i).unwrap_or('a')),
        ]
        .boxed()
    };
    (
        prop::collection::vec(letter, if last { 2..7 } else { 1..10 }),
        any::<Index>(),
        any::<bool>(),
    )
        .prop_map(|(mut chars, at, hyphen)| {
            if hyphen && chars.len() >= 2 {
                let i = 1 + at.index(chars.len() - 1);
                chars.insert(i, '-');
            }
            let written: String = chars.iter().collect();
            let normalized: String = chars
                .iter()
                .map(|&c| match c {
                    '\u{FF21}'..='\u{FF5A}' => char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c),
                    c => c,
                })
                .flat_map(char::to_lowercase)
                .collect();
            (written, normalized)
        })
}

/// `(input, expected normalized address)`.
fn email_input() -> BoxedStrategy<(String, String)> {
    (
        prop::collection::vec(local_atom(), 1..4),
        prop::collection::vec(domain_label(false), 1..4),
        domain_label(true),
        select(&[".", ".", ".", "\u{3002}"][..]),
        padding(),
        padding(),
    )
        .prop_map(|(atoms, labels, tld, dot, before, after)| {
            let local = atoms.join(".");
            let (mut written, mut normalized): (Vec<String>, Vec<String>) =
                labels.into_iter().unzip();
            written.push(tld.0);
            normalized.push(tld.1);
            (
                format!("{before}{local}@{}{after}", written.join(dot)),
                format!("{local}@{}", normalized.join(".")),
            )
        })
        .boxed()
}

/// E.164 numbers that libphonenumber's metadata assigns, from many
/// countries (the crate must not depend on a small regex cache).
#[rustfmt::skip]
const E164: &[&str] = &[
    "+14155552671", "+442079460018", "+4915123456789", "+33142764978", "+37061234567",
    "+81312345678", "+61212345678", "+5511912345678", "+919876543210", "+861012345678",
    "+74951234567", "+78001234567", "+34912345678", "+390612345678", "+27211234567",
    "+821012345678", "+6591234567", "+971501234567", "+2348031234567", "+31201234567",
    "+46812345678", "+48221234567", "+201001234567", "+525512345678", "+380441234567",
    "+40721234567",
];

/// Well-formed numbers that no numbering plan assigns (providers' docs use
/// such numbers): kept digit for digit, `is_assigned() == false`.
const UNASSIGNED: &[&str] = &["+1234567890", "+3706123456", "+123456789"];

/// National numbers: `(region, as written nationally, E.164)`.
const NATIONAL: &[(&str, &str, &str)] = &[
    ("US", "(415) 555-2671", "+14155552671"),
    ("GB", "020 7946 0018", "+442079460018"),
    ("DE", "01512 3456789", "+4915123456789"),
    ("FR", "01 42 76 49 78", "+33142764978"),
    ("LT", "8 612 34567", "+37061234567"),
    ("JP", "03-1234-5678", "+81312345678"),
    ("AU", "02 1234 5678", "+61212345678"),
    ("BR", "(11) 91234-5678", "+5511912345678"),
    ("IN", "098765 43210", "+919876543210"),
    ("RU", "8 (495) 123-45-67", "+74951234567"),
    ("IT", "06 1234 5678", "+390612345678"),
    ("MX", "55 1234 5678", "+525512345678"),
];

/// Separators a phone number may be written with.
#[rustfmt::skip]
const PHONE_SEPARATORS: &[&str] = &[
    " ", " ", " ", "-", "-", ".", "/", "", " - ", "\u{A0}", "\u{2013}", "\u{2010}", "\u{2212}",
    "\u{FF0D}", "\u{3000}",
];

/// The digits of `digits` cut into groups of the given sizes (cycled),
/// joined by the separators (cycled), one group in parentheses, each digit
/// in the script of `zero`.
fn write_digits(
    digits: &str,
    sizes: &[usize],
    seps: &[&str],
    paren: Option<usize>,
    zero: u32,
) -> String {
    let digits: Vec<char> = digits
        .chars()
        .map(|c| digit_in(zero, c.to_digit(10).unwrap_or(0)))
        .collect();
    let mut groups: Vec<String> = Vec::new();
    let mut i = 0;
    let mut k = 0;
    while i < digits.len() {
        let n = sizes[k % sizes.len()].min(digits.len() - i);
        groups.push(digits[i..i + n].iter().collect());
        i += n;
        k += 1;
    }
    if let Some(p) = paren {
        let p = p % groups.len();
        groups[p] = format!("({})", groups[p]);
    }
    let mut out = String::new();
    for (j, g) in groups.iter().enumerate() {
        if j > 0 {
            out.push_str(seps[(j - 1) % seps.len()]);
        }
        out.push_str(g);
    }
    out
}

/// The pieces of a random way of writing a number.
fn phone_layout() -> impl Strategy<Value = (Vec<usize>, Vec<&'static str>, Option<usize>, u32)> {
    (
        prop::collection::vec(1usize..6, 1..6),
        prop::collection::vec(select(PHONE_SEPARATORS), 1..6),
        prop::option::weighted(0.3, 0usize..8),
        prop_oneof![5 => Just(0x30u32), 1 => select(DIGIT_ZEROS)],
    )
}

/// `(input, expected E.164)`: an international number written with `+`,
/// fullwidth `＋` or `00`, random groups, separators, parentheses, digit
/// script and padding.
fn phone_input() -> BoxedStrategy<(String, String)> {
    (
        prop_oneof![4 => select(E164), 1 => select(UNASSIGNED)],
        select(&["+", "+", "+", "+ ", "\u{FF0B}", "00", "00 "][..]),
        phone_layout(),
        padding(),
        padding(),
    )
        .prop_map(
            |(e164, prefix, (sizes, seps, paren, zero), before, after)| {
                let prefix = if prefix.starts_with("00") {
                    prefix.replace('0', &digit_in(zero, 0).to_string())
                } else {
                    prefix.to_owned()
                };
                let body = write_digits(&e164[1..], &sizes, &seps, paren, zero);
                (format!("{before}{prefix}{body}{after}"), e164.to_owned())
            },
        )
        .boxed()
}

/// `(region, input, expected E.164)`: a national number re-grouped.
fn national_phone_input() -> BoxedStrategy<(CountryCode, String, String)> {
    (select(NATIONAL), phone_layout(), any::<bool>(), padding())
        .prop_map(|((region, national, e164), layout, keep, pad)| {
            let (sizes, seps, paren, zero) = layout;
            let digits: String = national.chars().filter(char::is_ascii_digit).collect();
            let written = if keep {
                national.to_owned()
            } else {
                write_digits(&digits, &sizes, &seps, paren, zero)
            };
            let region = CountryCode::parse(region).expect("table regions are codes");
            (region, format!("{pad}{written}{pad}"), e164.to_owned())
        })
        .boxed()
}

/// Every code of `len` letters that `CountryCode::parse` accepts, in
/// alphabetical order.
fn all_country_codes(len: usize) -> Vec<CountryCode> {
    let mut codes = vec![String::new()];
    for _ in 0..len {
        codes = codes
            .iter()
            .flat_map(|prefix| ('A'..='Z').map(move |c| format!("{prefix}{c}")))
            .collect();
    }
    codes
        .iter()
        .filter_map(|code| CountryCode::parse(code).ok())
        .collect()
}

/// Any assigned country code, as an alpha-2 value.
fn country() -> BoxedStrategy<CountryCode> {
    select(all_country_codes(2)).boxed()
}

/// ISO 3166-1 assigns 249 codes (the module docs: all are known), in both
/// forms, one alpha-3 code per alpha-2 code.
#[test]
fn every_assigned_country_code_is_known_in_both_forms() {
    let alpha2 = all_country_codes(2);
    let alpha3 = all_country_codes(3);
    assert_eq!(alpha2.len(), 249);
    assert_eq!(alpha3.len(), 249);
    let from_alpha2: BTreeSet<&str> = alpha2.iter().map(CountryCode::as_str).collect();
    let from_alpha3: BTreeSet<&str> = alpha3.iter().map(CountryCode::alpha2).collect();
    assert_eq!(
        from_alpha2, from_alpha3,
        "alpha-2 and alpha-3 name the same countries"
    );
    for code in &alpha2 {
        let a3 = CountryCode::parse(code.alpha3()).expect("the alpha-3 form parses");
        assert!(a3.is_alpha3());
        assert_eq!(a3.alpha2(), code.as_str());
        assert_eq!(a3.name(), code.name());
    }
    assert!(CountryCode::parse("UK").is_err() && CountryCode::parse("XK").is_err());
}

/// Alpha-2 / alpha-3 pairs checked against ISO 3166-1 independently of the
/// crate's own table.
const COUNTRY_PAIRS: &[(&str, &str)] = &[
    ("LT", "LTU"),
    ("US", "USA"),
    ("GB", "GBR"),
    ("DE", "DEU"),
    ("JP", "JPN"),
    ("BR", "BRA"),
    ("ZA", "ZAF"),
    ("CH", "CHE"),
    ("NL", "NLD"),
    ("KR", "KOR"),
    ("AX", "ALA"),
    ("CI", "CIV"),
    ("VA", "VAT"),
    ("SS", "SSD"),
];

/// `(input, expected)`: a code in alpha-2 or alpha-3 form, in any case.
fn country_input() -> BoxedStrategy<(String, String)> {
    let code = prop_oneof![
        select(COUNTRY_PAIRS).prop_map(|(a2, a3)| (a2.to_owned(), a3.to_owned())),
        country().prop_map(|c| (c.alpha2().to_owned(), c.alpha3().to_owned())),
    ];
    (code, any::<bool>(), padding(), padding())
        .prop_flat_map(|((a2, a3), alpha3, before, after)| {
            let form = if alpha3 { a3 } else { a2 };
            random_ascii_case(&form)
                .prop_map(move |cased| (format!("{before}{cased}{after}"), form.clone()))
        })
        .boxed()
}

/// ISO 639-1 codes.
#[rustfmt::skip]
const LANGUAGES: &[&str] = &[
    "en", "de", "fr", "uk", "pt", "zh", "ja", "lt", "es", "ru", "ar", "he", "hi", "sw", "zu", "yi",
    "nb", "id",
];

/// `(input, expected)`: a code in any case.
fn language_input() -> BoxedStrategy<(String, String)> {
    (select(LANGUAGES), padding(), padding())
        .prop_flat_map(|(code, before, after)| {
            random_ascii_case(code)
                .prop_map(move |cased| (format!("{before}{cased}{after}"), code.to_owned()))
        })
        .boxed()
}

/// `(input, expected)`: a BCP 47 / POSIX tag whose language is the code.
fn language_tag_input() -> BoxedStrategy<(String, String)> {
    (
        language_input(),
        prop::collection::vec(
            (
                select(&["-", "_"][..]),
                select(&["US", "BR", "419", "Hant", "TW", "latn", "valencia"][..]),
            ),
            0..3,
        ),
        select(&["", "", ".UTF-8", "@euro", ".utf8@euro"][..]),
    )
        .prop_map(|((code, expected), subtags, suffix)| {
            let code = code.trim_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}');
            let rest: String = subtags
                .iter()
                .map(|(sep, tag)| format!("{sep}{tag}"))
                .collect();
            (format!("{code}{rest}{suffix}"), expected)
        })
        .boxed()
}

/// IANA zone names (links included) as spelled in the database.
#[rustfmt::skip]
const ZONES: &[&str] = &[
    "America/New_York", "US/Eastern", "Asia/Calcutta", "Asia/Kolkata", "UTC", "Etc/GMT+2",
    "Etc/GMT-14", "America/Argentina/Buenos_Aires", "America/Port-au-Prince",
    "America/North_Dakota/New_Salem", "EST5EDT", "Europe/Vilnius", "Pacific/Chatham",
    "Antarctica/DumontDUrville", "GMT", "Etc/UTC", "Zulu",
];

/// `(input, expected)`: a zone name in any case.
fn timezone_input() -> BoxedStrategy<(String, String)> {
    (select(ZONES), padding(), padding())
        .prop_flat_map(|(zone, before, after)| {
            random_ascii_case(zone)
                .prop_map(move |cased| (format!("{before}{cased}{after}"), zone.to_owned()))
        })
        .boxed()
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date of a day number (inverse of [`days_from_civil`]).
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { y + 1 } else { y }, m, d)
}

fn days_in_month(y: i64, m: i64) -> i64 {
    let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    days_from_civil(ny, nm, 1) - days_from_civil(y, m, 1)
}

/// `YYYY-MM-DD{sep}hh:mm:ss` of seconds since the epoch.
fn format_instant(t: i64, sep: char) -> String {
    let (y, m, d) = civil_from_days(t.div_euclid(86_400));
    let s = t.rem_euclid(86_400);
    format!(
        "{y:04}-{m:02}-{d:02}{sep}{:02}:{:02}:{:02}",
        s / 3600,
        s / 60 % 60,
        s % 60
    )
}

/// `(input, expected UTC form, seconds since the epoch)`: an instant of
/// 0000-01-02 … 9999-12-30 written in local time with a random offset,
/// separator, optional seconds and fraction, and zone spelling.
fn utc_date_time_input() -> BoxedStrategy<(String, String, i64)> {
    let first = days_from_civil(0, 1, 2) * 86_400;
    let last = days_from_civil(9999, 12, 31) * 86_400 - 1;
    (
        first..=last,
        prop_oneof![2 => Just(0i64), 3 => -(23 * 60 + 59)..=(23 * 60 + 59i64), 2 => (-12i64..=14).prop_map(|h| h * 60)],
        select(&['T', 't', ' '][..]),
        any::<bool>(),
        prop::option::weighted(0.3, "[0-9]{1,9}"),
        0u8..4,
        padding(),
    )
        .prop_map(|(t, offset, sep, drop_seconds, fraction, zone_form, pad)| {
            let local = t + offset * 60;
            let mut text = format_instant(local, sep);
            if local.rem_euclid(60) == 0 && drop_seconds && fraction.is_none() {
                text.truncate(text.len() - 3);
            }
            if let Some(f) = fraction {
                text.push('.');
                text.push_str(&f);
            }
            let sign = if offset < 0 { '-' } else { '+' };
            let (h, m) = (offset.abs() / 60, offset.abs() % 60);
            let zone = match (offset, zone_form) {
                (0, 0) => "Z".to_owned(),
                (0, 1) => "z".to_owned(),
                (_, 1) => format!("{sign}{h:02}{m:02}"),
                (_, 2) if m == 0 => format!("{sign}{h:02}"),
                _ => format!("{sign}{h:02}:{m:02}"),
            };
            (
                format!("{pad}{text}{zone}{pad}"),
                format!("{}Z", format_instant(t, 'T')),
                t,
            )
        })
        .boxed()
}

/// `(input, expected)`: Sendios' own layout (kept) or a zoned date-time
/// (converted to UTC in that layout).
fn sendios_date_time_input() -> BoxedStrategy<(String, String)> {
    let first = days_from_civil(0, 1, 1) * 86_400;
    let last = days_from_civil(10_000, 1, 1) * 86_400 - 1;
    prop_oneof![
        (first..=last, padding()).prop_map(|(t, pad)| {
            let s = format_instant(t, ' ');
            (format!("{pad}{s}{pad}"), s)
        }),
        utc_date_time_input().prop_map(|(input, _, t)| (input, format_instant(t, ' '))),
    ]
    .boxed()
}

/// `(input, expected)`: a real date of 0000-01-01 … 9999-12-31.
fn date_input() -> BoxedStrategy<(String, String)> {
    (
        days_from_civil(0, 1, 1)..=days_from_civil(9999, 12, 31),
        padding(),
        padding(),
    )
        .prop_map(|(day, before, after)| {
            let (y, m, d) = civil_from_days(day);
            let s = format!("{y:04}-{m:02}-{d:02}");
            (format!("{before}{s}{after}"), s)
        })
        .boxed()
}

/// `(input, expected)`: 32 hex digits in any case, hyphenated 8-4-4-4-12.
fn uuid_input() -> BoxedStrategy<(String, String)> {
    ("[0-9a-fA-F]{32}", padding(), padding())
        .prop_map(|(hex, before, after)| {
            let h = |a: usize, b: usize| &hex[a..b];
            let s = format!(
                "{}-{}-{}-{}-{}",
                h(0, 8),
                h(8, 12),
                h(12, 16),
                h(16, 20),
                h(20, 32)
            );
            (format!("{before}{s}{after}"), s.to_ascii_lowercase())
        })
        .boxed()
}

/// `(input, expected)`: an absolute http(s) URL, kept as given (trimmed).
fn url_input() -> BoxedStrategy<(String, String)> {
    (
        select(&["http", "https", "HTTP", "Https"][..]),
        prop_oneof![
            4 => "[a-zA-Z0-9]{1,10}(\\.[a-zA-Z0-9]{1,10}){0,3}\\.[a-zA-Z]{2,6}",
            1 => Just("localhost".to_owned()),
            1 => (0u8..=255, 0u8..=255).prop_map(|(a, b)| format!("10.{a}.{b}.1")),
        ],
        prop::option::weighted(0.2, 1u16..=65535),
        "(/[a-zA-Z0-9._~%-]{0,12}){0,4}",
        prop::option::weighted(
            0.3,
            "[a-z]{1,5}=[a-zA-Z0-9]{0,6}(&[a-z]{1,5}=[0-9]{1,3}){0,2}",
        ),
        prop::option::weighted(0.1, "[a-z]{1,8}"),
        padding(),
    )
        .prop_map(|(scheme, host, port, path, query, fragment, pad)| {
            let mut s = format!("{scheme}://{host}");
            if let Some(p) = port {
                s.push(':');
                s.push_str(&p.to_string());
            }
            s.push_str(&path);
            if let Some(q) = query {
                s.push('?');
                s.push_str(&q);
            }
            if let Some(f) = fragment {
                s.push('#');
                s.push_str(&f);
            }
            (format!("{pad}{s}{pad}"), s)
        })
        .boxed()
}

/// `(input, expected, kind)`: an APNs token (hex in any case, possibly in
/// the iOS debug form `<a1b2c3d4 e5f6…>`) or an FCM token (kept).
fn push_token_input() -> BoxedStrategy<(String, String, PushTokenKind)> {
    prop_oneof![
        ("[0-9a-fA-F]{64,160}", any::<bool>(), padding()).prop_map(|(hex, debug, pad)| {
            let written = if debug {
                let groups: Vec<&str> = hex
                    .as_bytes()
                    .chunks(8)
                    .map(|c| std::str::from_utf8(c).unwrap_or(""))
                    .collect();
                format!("<{}>", groups.join(" "))
            } else {
                hex.clone()
            };
            (
                format!("{pad}{written}{pad}"),
                hex.to_ascii_lowercase(),
                PushTokenKind::Apns,
            )
        }),
        (
            "[A-Za-z0-9_-]{22}",
            "(:[A-Za-z0-9_-]{0,140}){1,2}",
            padding()
        )
            .prop_map(|(prefix, rest, pad)| {
                let token = format!("{prefix}{rest}");
                (format!("{pad}{token}{pad}"), token, PushTokenKind::Fcm)
            }),
    ]
    .boxed()
}

/// `(input, expected)`: `m`, `f`, `male` or `female` in any case.
fn gender_input() -> BoxedStrategy<(String, String)> {
    (
        select(&[("m", "m"), ("male", "m"), ("f", "f"), ("female", "f")][..]),
        padding(),
    )
        .prop_flat_map(|((word, expected), pad)| {
            random_ascii_case(word)
                .prop_map(move |cased| (format!("{pad}{cased}{pad}"), expected.to_owned()))
        })
        .boxed()
}

proptest! {
    #![proptest_config(config(VALUE_CASES))]

    /// The domain comes out lowercased, the local part unchanged.
    #[test]
    fn email_normalizes_only_the_domain((input, expected) in email_input()) {
        let e = Email::parse(&input).map_err(|err| TestCaseError::fail(format!("{input:?}: {err}")))?;
        prop_assert_eq!(e.as_str(), expected.as_str());
        let (local, domain) = expected.split_once('@').unwrap_or_default();
        prop_assert_eq!(e.local_part(), local);
        prop_assert_eq!(e.domain(), domain);
        check_normalized(&e)?;
    }

    /// However an international number is written, it is the same E.164
    /// number, assigned or not alike.
    #[test]
    fn phone_layouts_normalize_to_the_same_e164(
        (input, expected) in phone_input(),
        region in prop::option::of(country()),
    ) {
        let p = Phone::parse(&input).map_err(|err| TestCaseError::fail(format!("{input:?}: {err}")))?;
        prop_assert_eq!(p.as_str(), expected.as_str(), "{:?}", input);
        let plain = Phone::parse(&expected).map_err(|err| TestCaseError::fail(format!("{expected:?}: {err}")))?;
        prop_assert_eq!(&p, &plain);
        prop_assert_eq!(p.is_assigned(), !UNASSIGNED.contains(&expected.as_str()));
        // A region never changes a `+` number (it would corrupt foreign
        // numbers). A `00` number is read with the region's own
        // international prefix, as libphonenumber reads it: the same number
        // where the region dials `00`; the number after a longer prefix
        // that starts with `00` (`001` in Singapore and Korea, `0011` in
        // Australia), or its refusal; else refused as `00` (or the region
        // has no numbering plan), unless the region reads an assigned
        // number.
        let regional = Phone::parse_with_region(&input, region.as_ref());
        if input.contains(['+', '\u{FF0B}']) || region.is_none() {
            prop_assert_eq!(regional, Ok(p.clone()), "region {:?}", region);
        } else {
            // The input after its `00` and one to three more digits, read
            // as a `+` number: what a longer international prefix that
            // starts with `00` leaves.
            let after_longer_prefix: Vec<Result<Phone, PhoneError>> = input
                .char_indices()
                .filter(|(_, c)| c.is_numeric())
                .skip(2)
                .take(3)
                .map(|(at, c)| Phone::parse(&format!("+{}", &input[at + c.len_utf8()..])))
                .collect();
            let ok = match &regional {
                Ok(q) => *q == p || q.is_assigned(),
                // Refused as `00` where it does not dial abroad.
                Err(e) => matches!(e, PhoneError::InternationalPrefix(_) | PhoneError::NoNumberingPlan(_)),
            };
            prop_assert!(
                ok || after_longer_prefix.contains(&regional),
                "{:?} in {:?}: {:?}", input, region, regional
            );
        }
        check_normalized(&p)?;
    }

    /// A national number is read in its region (given in any form); without
    /// a region it is refused.
    #[test]
    fn national_phones_are_read_in_their_region(
        (region, input, expected) in national_phone_input(),
        alpha3 in any::<bool>(),
    ) {
        let region = if alpha3 { CountryCode::parse(region.alpha3()).unwrap_or(region) } else { region };
        let p = Phone::parse_with_region(&input, Some(&region))
            .map_err(|err| TestCaseError::fail(format!("{input:?} in {region}: {err}")))?;
        prop_assert_eq!(p.as_str(), expected.as_str());
        prop_assert_eq!(Phone::parse(&input), Err(PhoneError::NoRegion));
        prop_assert_eq!(Phone::parse(p.as_str()), Ok(p.clone()));
    }

    /// Extensions and letters are refused, never silently dropped.
    #[test]
    fn phone_extensions_and_letters_are_refused(
        (input, _) in phone_input(),
        suffix in select(&[" ext. 99", " x89", "x1", " #12", ";ext=12", " extension 7", " EXT 5"][..]),
        letter in select(&['a', 'O', 'l', 'Z', 'ж', 'Ⅷ'][..]),
        at in any::<Index>(),
    ) {
        let trimmed = input.trim_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}');
        prop_assert_eq!(Phone::parse(&format!("{trimmed}{suffix}")), Err(PhoneError::Extension));
        let mut chars: Vec<char> = trimmed.chars().collect();
        let i = 1 + at.index(chars.len());
        chars.insert(i.min(chars.len()), letter);
        let with_letter: String = chars.into_iter().collect();
        prop_assert!(Phone::parse(&with_letter).is_err(), "{:?} accepted", with_letter);
    }

    /// Alpha-2 and alpha-3 codes in any case normalize to the uppercase code
    /// in the form given.
    #[test]
    fn country_codes_normalize_to_uppercase((input, expected) in country_input()) {
        let c = CountryCode::parse(&input).map_err(|err| TestCaseError::fail(format!("{input:?}: {err}")))?;
        prop_assert_eq!(c.as_str(), expected.as_str());
        prop_assert_eq!(c.is_alpha3(), expected.len() == 3);
        if let Some(&(a2, a3)) = COUNTRY_PAIRS.iter().find(|(a2, a3)| *a2 == expected || *a3 == expected) {
            prop_assert_eq!(c.alpha2(), a2);
            prop_assert_eq!(c.alpha3(), a3);
        }
        prop_assert_eq!(CountryCode::parse(c.alpha2()), Ok(c.to_alpha2()));
        check_normalized(&c)?;
    }

    #[test]
    fn language_codes_normalize_to_lowercase((input, expected) in language_input()) {
        let code = LanguageCode::parse(&input).map_err(|err| TestCaseError::fail(format!("{input:?}: {err}")))?;
        prop_assert_eq!(code.as_str(), expected.as_str());
        check_normalized(&code)?;
    }

    /// A tag keeps only its language; `parse` refuses anything but a code.
    #[test]
    fn language_tags_keep_their_language((input, expected) in language_tag_input()) {
        let code = LanguageCode::from_tag(&input).map_err(|err| TestCaseError::fail(format!("{input:?}: {err}")))?;
        prop_assert_eq!(code.as_str(), expected.as_str());
        prop_assert_eq!(LanguageCode::parse(&input).is_ok(), input.len() == 2);
    }

    #[test]
    fn zone_names_normalize_to_database_spelling((input, expected) in timezone_input()) {
        let tz = TimeZone::parse(&input).map_err(|err| TestCaseError::fail(format!("{input:?}: {err}")))?;
        prop_assert_eq!(tz.as_str(), expected.as_str());
        check_normalized(&tz)?;
    }

    /// Any offset, separator and zone spelling gives the same UTC instant;
    /// Sendios gets the same instant in its layout.
    #[test]
    fn date_times_normalize_to_the_same_instant((input, expected, t) in utc_date_time_input()) {
        let dt = UtcDateTime::parse(&input).map_err(|err| TestCaseError::fail(format!("{input:?}: {err}")))?;
        prop_assert_eq!(dt.as_str(), expected.as_str(), "{:?}", input);
        let sendios = SendiosDateTime::parse(&input).map_err(|err| TestCaseError::fail(format!("{input:?}: {err}")))?;
        prop_assert_eq!(sendios.as_str(), format_instant(t, ' '));
        check_normalized(&dt)?;
        check_normalized(&sendios)?;
    }

    /// `UtcDateTime` orders chronologically.
    #[test]
    fn date_times_order_chronologically((a, _, ta) in utc_date_time_input(), (b, _, tb) in utc_date_time_input()) {
        let (Ok(x), Ok(y)) = (UtcDateTime::parse(&a), UtcDateTime::parse(&b)) else {
            return Err(TestCaseError::fail("generated date-times must parse"));
        };
        prop_assert_eq!(x.cmp(&y), ta.cmp(&tb));
    }

    /// Exactly the real times of day are accepted.
    #[test]
    fn date_times_accept_exactly_real_times(
        day in days_from_civil(1, 1, 1)..days_from_civil(9999, 1, 1),
        h in 0i64..26, m in 0i64..62, s in 0i64..62,
    ) {
        let (y, mo, d) = civil_from_days(day);
        let text = format!("{y:04}-{mo:02}-{d:02}T{h:02}:{m:02}:{s:02}Z");
        let real = h < 24 && m < 60 && s < 60;
        prop_assert_eq!(UtcDateTime::parse(&text).is_ok(), real, "{}", text);
        prop_assert_eq!(SendiosDateTime::parse(&text.replace('T', " ").replace('Z', "")).is_ok(), real, "{}", text);
    }

    #[test]
    fn sendios_date_times_normalize((input, expected) in sendios_date_time_input()) {
        let dt = SendiosDateTime::parse(&input).map_err(|err| TestCaseError::fail(format!("{input:?}: {err}")))?;
        prop_assert_eq!(dt.as_str(), expected.as_str());
        check_normalized(&dt)?;
    }

    /// Exactly the dates of the calendar are accepted.
    #[test]
    fn dates_accept_exactly_calendar_days(y in 0i64..=9999, m in 0i64..=13, d in 0i64..=32) {
        let text = format!("{y:04}-{m:02}-{d:02}");
        let real = (1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m);
        prop_assert_eq!(Date::parse(&text).is_ok(), real, "{}", text);
        let (yi, mu, du) = (i32::try_from(y).unwrap_or(-1), u32::try_from(m).unwrap_or(0), u32::try_from(d).unwrap_or(0));
        prop_assert_eq!(Date::from_ymd(yi, mu, du).map(|x| x.as_str().to_owned()), real.then_some(text));
    }

    #[test]
    fn dates_normalize((input, expected) in date_input(), (other, _) in date_input()) {
        let d = Date::parse(&input).map_err(|err| TestCaseError::fail(format!("{input:?}: {err}")))?;
        prop_assert_eq!(d.as_str(), expected.as_str());
        check_normalized(&d)?;
        // Chronological order is the order of the `YYYY-MM-DD` strings.
        if let Ok(e) = Date::parse(&other) {
            prop_assert_eq!(d.cmp(&e), d.as_str().cmp(e.as_str()));
        }
    }

    #[test]
    fn uuids_normalize_to_lowercase((input, expected) in uuid_input()) {
        let id = Uuid::parse(&input).map_err(|err| TestCaseError::fail(format!("{input:?}: {err}")))?;
        prop_assert_eq!(id.as_str(), expected.as_str());
        check_normalized(&id)?;
    }

    #[test]
    fn urls_are_kept_as_given((input, expected) in url_input()) {
        let url = Url::parse(&input).map_err(|err| TestCaseError::fail(format!("{input:?}: {err}")))?;
        prop_assert_eq!(url.as_str(), expected.as_str());
        check_normalized(&url)?;
    }

    #[test]
    fn push_tokens_normalize((input, expected, kind) in push_token_input()) {
        let t = PushToken::parse(&input).map_err(|err| TestCaseError::fail(format!("{input:?}: {err}")))?;
        prop_assert_eq!(t.as_str(), expected.as_str());
        prop_assert_eq!(t.kind(), kind);
        check_normalized(&t)?;
    }

    #[test]
    fn genders_normalize((input, expected) in gender_input()) {
        let g = Gender::parse(&input).map_err(|err| TestCaseError::fail(format!("{input:?}: {err}")))?;
        prop_assert_eq!(g.as_str(), expected.as_str());
        check_normalized(&g)?;
    }
}

// ---------------------------------------------------------------------------
// Property 3: the validator

/// Member names of each provider, at every level of its documents
/// (`src/providers/*/rules.md`), so that random trees hit the real tables. Keyed by the
/// provider's name so that providers added later get theirs as soon as they
/// are listed here; unknown providers get the union.
fn member_names(provider: Provider) -> Vec<&'static str> {
    const OMNISEND: &[&str] = &[
        "identifiers",
        "type",
        "id",
        "channels",
        "email",
        "sms",
        "status",
        "statusDate",
        "sendWelcomeEmail",
        "source",
        "phone",
        "contactID",
        "createdAt",
        "firstName",
        "lastName",
        "tags",
        "country",
        "countryCode",
        "state",
        "city",
        "address",
        "postalCode",
        "gender",
        "birthdate",
        "customProperties",
        "firstNmae",
    ];
    const SENDIOS: &[&str] = &[
        "client_user_id",
        "name",
        "phone",
        "email",
        "app_push_token",
        "language",
        "country",
        "language_id",
        "country_id",
        "platform_id",
        "gender",
        "vip",
        "age",
        "photo",
        "ak",
        "registration_date",
        "fields",
        "list_id",
        "status",
        "partner_id",
        "platform",
        "auth_key",
        "project_id",
        "арp_push_token",
    ];
    const ROCKETCHAT: &[&str] = &[
        "name",
        "emails",
        "phones",
        "customFields",
        "contactManager",
        "customFileds",
        "X-Auth-Token",
        "X-User-Id",
    ];
    const SUPRSEND: &[&str] = &[
        "$email",
        "$sms",
        "$whatsapp",
        "$inbox",
        "$webpush",
        "$androidpush",
        "$iospush",
        "$slack",
        "$ms_teams",
        "$timezone",
        "$preferred_language",
        "token",
        "provider",
        "device_id",
        "user_id",
        "channel_id",
        "access_token",
        "incoming_webhook",
        "url",
        "tenant_id",
        "service_url",
        "conversation_id",
        "ss_x",
        "$emial",
        "email",
        "distinct_id",
    ];
    const RAIA: &[&str] = &[
        "firstName",
        "lastName",
        "email",
        "phoneNumber",
        "context",
        "source",
        "fkId",
        "fkUserId",
        "customData",
        "skipEmailValidation",
        "skipPhoneNumberValidation",
        "metadata",
        "id",
        "Agent-Secret-Key",
    ];
    match provider.as_str() {
        "omnisend" => OMNISEND.to_vec(),
        "sendios" => SENDIOS.to_vec(),
        "rocketchat" => ROCKETCHAT.to_vec(),
        "suprsend" => SUPRSEND.to_vec(),
        "raia" => RAIA.to_vec(),
        _ => [OMNISEND, SENDIOS, ROCKETCHAT, SUPRSEND, RAIA].concat(),
    }
}

/// Strings that are valid (or nearly) for the members of some provider.
#[rustfmt::skip]
const FIELD_STRINGS: &[&str] = &[
    "Jane@Example.COM", " a@b.co ", "a@localhost", "Jane <jane@example.com>", "+44 20 7946 0018",
    "(415) 555-2671", "+1234567890", "020 7946 0018", "+1 415 555 2671 ext. 99", "lt", "USA", "UK",
    "Lithuania", "EN", "en-US", "xx", "america/new_york", "PST", "1990-02-28", "2023-02-30",
    "2999-01-01", "2018-08-08T14:23-0500", "2023-04-25 12:55:38", "2023-04-25T12:55:38",
    "https://Example.com/a.jpg", "ftp://x", "5F7B1B3B-3B3B-4B3B-3B3B-3B3B3B3B3B3B",
    "dQw4w9WgXcQ-abcdefghij:APA91bHun4", "subscribed", "nonSubscribed", "Subscribed", "email",
    "phone", "sms", "source: signup", "female", "x", "0", "1", "4", "fcm", "apns", "U123ABC",
    "xoxb-1", "https://hooks.slack.com/x", "", " ", "null",
];

fn json_number() -> BoxedStrategy<Value> {
    prop_oneof![
        3 => (-3i64..200).prop_map(Value::from),
        1 => any::<i64>().prop_map(Value::from),
        1 => any::<u64>().prop_map(Value::from),
        1 => any::<f64>().prop_map(Value::from),
        2 => (any::<i32>(), 0i32..12).prop_map(|(n, k)| Value::from(f64::from(n) / 10f64.powi(k))),
        1 => Just(json!(2_147_483_648u64)),
    ]
    .boxed()
}

fn json_string() -> BoxedStrategy<String> {
    prop_oneof![
        4 => select(FIELD_STRINGS).prop_map(str::to_owned),
        1 => email_input().prop_map(|(s, _)| s),
        1 => phone_input().prop_map(|(s, _)| s),
        1 => prop::collection::vec(any_char_mix(), 0..12).prop_map(String::from_iter),
        1 => "[A-Za-z]{0,6}",
    ]
    .boxed()
}

/// Member names: the provider's, near misses, and random ones (including
/// the characters JSON Pointer escapes).
fn json_key(provider: Provider) -> BoxedStrategy<String> {
    let names = member_names(provider);
    prop_oneof![
        8 => select(names.clone()).prop_map(str::to_owned),
        1 => select(names).prop_flat_map(random_ascii_case),
        1 => select(&["", "a/b", "~", "~1", "0", "-", " email", "$", "ss_key", "hair color"][..]).prop_map(str::to_owned),
        1 => prop::collection::vec(any_char_mix(), 0..8).prop_map(String::from_iter),
    ]
    .boxed()
}

/// A JSON value: a tree of bounded depth whose object keys are `json_key`s.
fn json_value(provider: Provider) -> BoxedStrategy<Value> {
    let leaf = prop_oneof![
        1 => Just(Value::Null),
        1 => any::<bool>().prop_map(Value::Bool),
        2 => json_number(),
        5 => json_string().prop_map(Value::String),
    ];
    let key = json_key(provider);
    leaf.prop_recursive(4, 40, 6, move |inner| {
        prop_oneof![
            1 => prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            2 => prop::collection::vec((key.clone(), inner), 0..6)
                .prop_map(|members| Value::Object(members.into_iter().collect())),
        ]
    })
    .boxed()
}

/// How a plausible body is built: a member, how often it is present, and
/// values that are valid whatever the rest of the body holds, and values
/// that are not (or not always).
struct Plausible {
    name: &'static str,
    present: f64,
    valid: Vec<Value>,
    invalid: Vec<Value>,
}

fn member(name: &'static str, present: f64, valid: Vec<Value>, invalid: Vec<Value>) -> Plausible {
    Plausible {
        name,
        present,
        valid,
        invalid,
    }
}

const APNS_DEBUG: &str =
    "<a1b2c3d4 e5f6a7b8 a1b2c3d4 e5f6a7b8 a1b2c3d4 e5f6a7b8 a1b2c3d4 e5f6a7b8>";

#[allow(clippy::too_many_lines)] // one table per provider
fn plausible_members(provider: Provider) -> Vec<Plausible> {
    match provider.as_str() {
        "omnisend" => vec![
            member(
                "identifiers",
                0.6,
                vec![
                    json!([{"type": "email", "id": "Jane@Example.COM", "channels": {"email": {"status": "subscribed", "statusDate": "2023-04-25T14:55:38+02:00"}}}]),
                    json!([{"type": "phone", "id": "+44 20 7946 0018", "channels": {"sms": {"status": "nonSubscribed"}}, "sendWelcomeEmail": false}]),
                    json!([{"type": "email", "id": "a@b.co", "channels": {"email": {"status": "unsubscribed", "statusDate": "2020-01-01T00:00:00Z"}}},
                           {"type": "email", "id": "a@B.co", "sendWelcomeEmail": true, "channels": {"email": {"status": "subscribed", "statusDate": "2021-01-01T00:00:00Z"}}}]),
                    json!([{"type": "phone", "id": "+1234567890", "source": "pos"}, {"type": "email", "id": " x@Y.io "}]),
                    json!([]),
                    json!(null),
                ],
                vec![
                    json!([{"type": "phone", "id": "(415) 555-2671"}]),
                    json!([{"type": "email", "id": "nope", "channels": {"sms": {"status": "x"}}}]),
                    json!([{"type": "fax", "id": "1"}, "x"]),
                    json!({"type": "email"}),
                ],
            ),
            member(
                "email",
                0.5,
                vec![json!("Jane@Example.COM"), json!(" a@b.co "), json!(null)],
                vec![json!("not-an-email"), json!(5)],
            ),
            member(
                "phone",
                0.4,
                vec![
                    json!("+44 20 7946 0018"),
                    json!("+1234567890"),
                    json!("0037061234567"),
                ],
                vec![json!("8 612 34567"), json!("+1 415 555 2671 x7")],
            ),
            member("contactID", 0.2, vec![json!("abc")], vec![json!(1)]),
            member(
                "createdAt",
                0.3,
                vec![
                    json!("2018-08-08 14:23-0500"),
                    json!("2023-04-25T12:55:38Z"),
                ],
                vec![json!("2023-02-30T00:00Z"), json!("2023-04-25")],
            ),
            member(
                "firstName",
                0.4,
                vec![json!("Jane"), json!("")],
                vec![json!(["Jane"])],
            ),
            member("lastName", 0.3, vec![json!("Doe")], vec![json!(false)]),
            member(
                "tags",
                0.6,
                vec![
                    json!(["source: signup", "vip", "vip"]),
                    json!(["Source: POS"]),
                    json!([]),
                ],
                vec![json!(["source: x", ""]), json!("vip")],
            ),
            member(
                "country",
                0.3,
                vec![
                    json!("Lithuania"),
                    json!("USA"),
                    json!("Atlantis"),
                    json!("lt"),
                ],
                vec![json!(3)],
            ),
            member(
                "countryCode",
                0.4,
                vec![json!("lt"), json!("USA"), json!("ltu"), json!("GB")],
                vec![json!("UK"), json!("Lithuania")],
            ),
            member("city", 0.2, vec![json!("Vilnius")], vec![json!({})]),
            member("postalCode", 0.2, vec![json!("01100")], vec![json!(1100)]),
            member(
                "gender",
                0.3,
                vec![json!("female"), json!("M"), json!("f")],
                vec![json!("x")],
            ),
            member(
                "birthdate",
                0.3,
                vec![
                    json!("1990-02-28"),
                    json!("2999-01-01"),
                    json!(" 2000-02-29 "),
                ],
                vec![json!("1990-02-30"), json!("1990-2-3")],
            ),
            member(
                "customProperties",
                0.4,
                vec![
                    json!({"score": 1.123_456_7, "hair_color": "brown", "list": ["a", "b"], "gone": null, "d": "2018-02-30", "n": 1e-7}),
                    json!({"big": 12_345_678_901.123_456, "neg": -0.000_000_5, "ok": true, "when": "2018-08-08 14:23"}),
                    json!({}),
                ],
                vec![
                    json!({"hair color": "x"}),
                    json!({"o": {}}),
                    json!({"l": [1]}),
                ],
            ),
        ],
        "sendios" => vec![
            member(
                "client_user_id",
                0.95,
                vec![json!("u1"), json!("  user-42 ")],
                vec![json!(" "), json!(1)],
            ),
            member(
                "name",
                0.4,
                vec![json!("Jane")],
                vec![json!("x".repeat(129))],
            ),
            member(
                "phone",
                0.4,
                vec![
                    json!("+49 1512 3456789"),
                    json!("+1234567890"),
                    json!("0044 20 7946 0018"),
                ],
                vec![json!("01512 3456789"), json!("+1 (415) 555-2671 ext. 1")],
            ),
            member("email", 0.4, vec![json!("A@B.CO")], vec![json!("a@b")]),
            member(
                "app_push_token",
                0.3,
                vec![
                    json!(APNS_DEBUG),
                    json!("dQw4w9WgXcQ-abcdefghij:APA91bHun4"),
                ],
                vec![json!("abc")],
            ),
            member(
                "language",
                0.3,
                vec![json!("EN"), json!("en-US"), json!("pt_BR")],
                vec![json!("xx"), json!("english")],
            ),
            member(
                "country",
                0.4,
                vec![json!("de"), json!("DEU"), json!("lt")],
                vec![json!("UK"), json!("Germany")],
            ),
            member(
                "platform_id",
                0.3,
                vec![json!(4), json!("0"), json!(null)],
                vec![json!(5), json!("x")],
            ),
            member(
                "gender",
                0.3,
                vec![json!("male"), json!("F")],
                vec![json!("x")],
            ),
            member(
                "vip",
                0.3,
                vec![json!(true), json!("1"), json!(0)],
                vec![json!(2), json!("yes")],
            ),
            member(
                "age",
                0.3,
                vec![json!(30), json!(0), json!(150)],
                vec![json!(151), json!(30.5), json!(-1)],
            ),
            member(
                "photo",
                0.2,
                vec![json!(" https://Example.com/a.jpg ")],
                vec![json!("ftp://x")],
            ),
            member("ak", 0.2, vec![json!("k")], vec![json!("k".repeat(256))]),
            member(
                "registration_date",
                0.3,
                vec![
                    json!("2023-04-25T12:55:38Z"),
                    json!("2023-04-25 12:55:38"),
                    json!("2023-04-25T14:55:38.5+02:00"),
                ],
                vec![json!("2023-04-25T12:55:38"), json!("2023-02-30 00:00:00")],
            ),
            member(
                "fields",
                0.4,
                vec![
                    json!({"plan": "pro", "n": 1, "flag": true, "l": [1, "a"]}),
                    json!({"plan": null}),
                    json!(null),
                ],
                vec![json!([]), json!("x")],
            ),
        ],
        "rocketchat" => vec![
            member(
                "name",
                0.95,
                vec![json!("John"), json!(5), json!(null), json!(true)],
                vec![json!({}), json!(["John"])],
            ),
            member(
                "emails",
                0.95,
                vec![
                    json!(["john@example.com"]),
                    json!([]),
                    json!(["A@B.co", "A@b.co"]),
                    json!([1, "not an email"]),
                ],
                vec![json!(["a", "a"]), json!([{}]), json!(null), json!("a@b.co")],
            ),
            member(
                "phones",
                0.95,
                vec![
                    json!(["+1 415 555 2671"]),
                    json!(["+14155552671", "+1 415 555 2671"]),
                    json!(["+123456789", null]),
                    json!([]),
                ],
                vec![json!(["1", 1]), json!([[]])],
            ),
            member(
                "customFields",
                0.3,
                vec![json!({}), json!(null), json!({"a": [1, {"b": null}]})],
                vec![json!("x"), json!(1)],
            ),
            member(
                "contactManager",
                0.3,
                vec![json!("mgr"), json!(null)],
                vec![json!(3), json!(true)],
            ),
        ],
        "suprsend" => vec![
            member(
                "$email",
                0.5,
                vec![
                    json!("Jane@Example.COM"),
                    json!(["a@b.co", " x@Y.io "]),
                    json!([]),
                ],
                vec![json!("nope"), json!(null), json!([1]), json!([""])],
            ),
            member(
                "$sms",
                0.4,
                vec![
                    json!(["+44 20 7946 0018"]),
                    json!("+1 415 555 2671"),
                    json!(["+1234567890"]),
                ],
                vec![json!(["020 7946 0018"]), json!(["+1 415 555 2671 #1"])],
            ),
            member(
                "$whatsapp",
                0.3,
                vec![json!(["00491512 3456789"])],
                vec![json!("abc")],
            ),
            member(
                "$inbox",
                0.2,
                vec![json!(["inbox-1"]), json!(" i ")],
                vec![json!([" "])],
            ),
            member(
                "$androidpush",
                0.3,
                vec![
                    json!([{"token": "fcm-token-1", "provider": " FCM ", "device_id": ""}]),
                    json!("tok"),
                    json!({"token": "t", "provider": "xiaomi"}),
                ],
                vec![
                    json!([{"provider": "fcm"}]),
                    json!([{"token": "t", "provider": "apns"}]),
                ],
            ),
            member(
                "$iospush",
                0.2,
                vec![json!([{"token": "t", "provider": "APNS"}])],
                vec![json!([{"token": "t", "provider": "fcm"}])],
            ),
            member(
                "$slack",
                0.3,
                vec![
                    json!(["U123ABC"]),
                    json!({"email": "A@B.co", "access_token": "xoxb-1"}),
                    json!([{"channel_id": "C1", "incoming_webhook": {"url": "https://hooks.slack.com/x"}}]),
                ],
                vec![json!(["X1"]), json!({"access_token": "xoxb-1"})],
            ),
            member(
                "$ms_teams",
                0.2,
                vec![
                    json!([{"tenant_id": "t", "service_url": "https://smba.trafficmanager.net/x", "user_id": "u"}]),
                ],
                vec![json!([{"service_url": "http://x"}])],
            ),
            member(
                "$timezone",
                0.4,
                vec![json!("america/new_york"), json!(" UTC "), json!(null)],
                vec![json!("PST"), json!("+05:00")],
            ),
            member(
                "$preferred_language",
                0.4,
                vec![json!("EN"), json!("pt_BR"), json!(null)],
                vec![json!("english"), json!(1)],
            ),
            member(
                "plan",
                0.4,
                vec![json!("pro"), json!({"nested": [1, null]}), json!(1.5)],
                vec![],
            ),
            member("email", 0.1, vec![json!("x@y.co")], vec![]),
        ],
        // One table for every raia operation: a create body, whose
        // `email` / `phoneNumber` / `fkId` are also search parameters and
        // whose `id` (an unknown member for create, a warning) is the path
        // parameter of get / delete.
        "raia" => vec![
            member(
                "firstName",
                0.9,
                vec![json!("John"), json!(" J ")],
                vec![json!(""), json!(null), json!(1)],
            ),
            member("lastName", 0.9, vec![json!("Doe")], vec![json!("  ")]),
            member(
                "email",
                0.7,
                vec![json!("John@Example.COM"), json!(" a@b.co ")],
                vec![json!("nope"), json!(["a@b.co"])],
            ),
            member(
                "phoneNumber",
                0.4,
                vec![json!("+44 20 7946 0018"), json!("+1234567890")],
                vec![json!("020 7946 0018"), json!("+1 415 555 2671 ext. 9")],
            ),
            member("context", 0.2, vec![json!("ctx")], vec![json!({})]),
            member("fkId", 0.3, vec![json!("42"), json!(null)], vec![json!(42)]),
            member(
                "customData",
                0.3,
                vec![json!({"plan": "pro"}), json!(null)],
                vec![json!("x")],
            ),
            member(
                "skipEmailValidation",
                0.2,
                vec![json!(true), json!(false)],
                vec![json!("true")],
            ),
            member(
                "skipPhoneNumberValidation",
                0.2,
                vec![json!(true)],
                vec![json!(1)],
            ),
            member(
                "metadata",
                0.2,
                vec![
                    json!({"customData": {"a": 1}}),
                    json!({"customData": {"a": 1}, "x": 2}),
                    json!({"x": 1}),
                ],
                vec![],
            ),
            member(
                "id",
                0.5,
                vec![
                    json!("5F7B1B3B-3B3B-4B3B-3B3B-3B3B3B3B3B3B"),
                    json!("123e4567-e89b-12d3-a456-426614174000"),
                ],
                vec![json!("not-a-uuid"), json!(7)],
            ),
        ],
        _ => Vec::new(),
    }
}

/// A body built from the provider's members, each valid 90 % of the time,
/// sometimes with an extra random member.
fn plausible_body(provider: Provider) -> BoxedStrategy<Value> {
    let members: Vec<BoxedStrategy<Option<(String, Value)>>> = plausible_members(provider)
        .into_iter()
        .map(|m| {
            let name = m.name;
            let value = if m.invalid.is_empty() {
                select(m.valid).boxed()
            } else {
                prop_oneof![9 => select(m.valid), 1 => select(m.invalid)].boxed()
            };
            prop::option::weighted(m.present, value.prop_map(move |v| (name.to_owned(), v))).boxed()
        })
        .collect();
    (
        members,
        prop::option::weighted(0.1, (json_key(provider), json_value(provider))),
    )
        .prop_map(|(members, extra)| {
            Value::Object(members.into_iter().flatten().chain(extra).collect())
        })
        .boxed()
}

/// Documents: plausible bodies, plausible bodies with one member replaced
/// by a random value, random objects, and random values of any type.
fn document(provider: Provider) -> BoxedStrategy<Value> {
    let perturbed = (
        plausible_body(provider),
        json_key(provider),
        json_value(provider),
    )
        .prop_map(|(mut body, key, value)| {
            if let Value::Object(map) = &mut body {
                map.insert(key, value);
            }
            body
        });
    let random_object = prop::collection::vec((json_key(provider), json_value(provider)), 0..10)
        .prop_map(|members| Value::Object(members.into_iter().collect()));
    prop_oneof![
        6 => plausible_body(provider),
        2 => perturbed,
        1 => random_object,
        1 => json_value(provider),
    ]
    .boxed()
}

/// A request envelope: optional `path`, `query`, `headers` and `body`, now
/// and then an unknown part or a part that is not an object.
fn envelope(provider: Provider) -> BoxedStrategy<Value> {
    let path = prop_oneof![
        select(vec![
            json!({"project_id": 123}),
            json!({"project_id": "456"}),
            json!({"project_id": -1}),
            json!({"project_id": "x"}),
            json!({"project_id": 2_147_483_648u64}),
            json!({"id": "5F7B1B3B-3B3B-4B3B-3B3B-3B3B3B3B3B3B"}),
            json!({"distinct_id": " "}),
            json!({}),
            json!("project"),
        ]),
        json_value(provider),
    ];
    let query = prop_oneof![
        select(vec![
            json!({}),
            json!({"email": "a@B.co"}),
            json!({"fkId": 1})
        ]),
        json_value(provider),
    ];
    let headers = prop_oneof![
        select(vec![
            json!({"X-Auth-Token": "t", "X-User-Id": "u"}),
            json!({"x-auth-token": "t", "X-USER-ID": "u", "Accept": "*/*"}),
            json!({"X-Auth-Token": ""}),
            json!({"X-Auth-Token": null, "X-User-Id": 5}),
            json!({"Agent-Secret-Key": "k"}),
            json!({}),
        ]),
        json_value(provider),
    ];
    let parts = (
        prop::option::weighted(0.5, path),
        prop::option::weighted(0.3, query),
        prop::option::weighted(0.5, headers),
        prop::option::weighted(0.9, document(provider)),
        prop::option::weighted(0.05, (json_key(provider), json_value(provider))),
    )
        .prop_map(|(path, query, headers, body, extra)| {
            let mut map = Map::new();
            for (name, part) in [
                ("path", path),
                ("query", query),
                ("headers", headers),
                ("body", body),
            ] {
                if let Some(part) = part {
                    map.insert(name.to_owned(), part);
                }
            }
            if let Some((k, v)) = extra {
                map.insert(k, v);
            }
            Value::Object(map)
        });
    prop_oneof![19 => parts, 1 => json_value(provider)].boxed()
}

/// One document per provider of `Provider::ALL`, in that order: mostly one
/// built for that provider, sometimes one built for another.
fn per_provider(make: fn(Provider) -> BoxedStrategy<Value>) -> BoxedStrategy<Vec<Value>> {
    Provider::ALL
        .iter()
        .map(|&p| {
            prop_oneof![
                4 => make(p),
                1 => select(Provider::ALL.to_vec()).prop_flat_map(make),
            ]
            .boxed()
        })
        .collect::<Vec<_>>()
        .boxed()
}

/// The validator's default region for national phone numbers, if any.
fn default_region() -> BoxedStrategy<Option<CountryCode>> {
    prop::option::weighted(
        0.3,
        select(&["US", "GB", "LT", "DE"][..])
            .prop_filter_map("a code", |c| CountryCode::parse(c).ok()),
    )
    .boxed()
}

/// Runs `check` for every provider and each of its operations, on that
/// provider's document; a failure names the provider and operation.
fn for_each_operation(
    docs: &[Value],
    mut check: impl FnMut(Provider, Operation, &Value) -> Result<(), TestCaseError>,
) -> Result<(), TestCaseError> {
    for (&provider, doc) in Provider::ALL.iter().zip(docs) {
        for &operation in provider.operations() {
            check(provider, operation, doc)
                .map_err(|e| TestCaseError::fail(format!("{provider} {operation}: {e}")))?;
        }
    }
    Ok(())
}

/// Validators are built per case (a validator remembers its batch), with
/// or without a default region, and a fixed "today".
fn validator(provider: Provider, operation: Operation, region: Option<&CountryCode>) -> Validator {
    let mut options = Options::new().today(Date::from_ymd(2025, 6, 15).expect("a real date"));
    if let Some(region) = region {
        options = options.default_region(region.clone());
    }
    Validator::for_operation(provider, operation)
        .expect("operations() lists supported operations")
        .with_options(options)
}

/// `~1` → `/`, `~0` → `~` (RFC 6901).
fn unescape_token(token: &str) -> String {
    token.replace("~1", "/").replace("~0", "~")
}

/// Whether `path` is a JSON Pointer into `doc` (the part of the input the
/// finding's location names; `None` when the input has no such part): `""`,
/// or a pointer that resolves, or one naming a member missing from an
/// object that exists.
///
/// The nuance: the report module documents a path only as "an RFC 6901
/// JSON Pointer into the part named by the location; `""` is the whole
/// part". A finding about a member that is *not* there is reported where
/// the member would be, `/<name>` of its parent object (a path or query
/// parameter is `/<name>`): `required` errors, advice about
/// a missing member (`omnisend.tags.advice` at `/tags`), the change that
/// creates a member (raia moves `metadata.customData` to `/customData`).
/// Such a path does not resolve in the input, but its parent resolves to an
/// object without that member. Findings about the envelope itself (an
/// unknown envelope member, a missing `body`) are at `""`.
fn pointer_ok(doc: Option<&Value>, path: &str) -> bool {
    if path.is_empty() {
        return true;
    }
    let Some(doc) = doc else { return false };
    if !path.starts_with('/') {
        return false;
    }
    if doc.pointer(path).is_some() {
        return true;
    }
    let Some((parent, token)) = path.rsplit_once('/') else {
        return false;
    };
    matches!(doc.pointer(parent), Some(Value::Object(map)) if !map.contains_key(&unescape_token(token)))
}

/// The part of an envelope a location names.
fn envelope_part(envelope: &Value, location: Location) -> Option<&Value> {
    let name = match location {
        Location::Body => "body",
        Location::Path => "path",
        Location::Query => "query",
        Location::Header => "headers",
        _ => return None,
    };
    envelope.get(name)
}

/// What holds for any report: validity, rule ids and severities.
fn check_coherent(report: &Report, provider: Provider) -> Result<(), TestCaseError> {
    let has_error = report
        .violations()
        .iter()
        .any(|v| v.severity() == Severity::Error);
    prop_assert_eq!(
        report.is_valid(),
        !has_error,
        "is_valid vs errors:\n{}",
        report
    );
    prop_assert_eq!(
        report.normalized().is_some(),
        report.is_valid(),
        "normalized body iff valid"
    );
    prop_assert_eq!(
        report.errors().count() + report.warnings().count(),
        report.violations().len()
    );
    if report.provider_error().is_some() {
        prop_assert!(!report.is_valid(), "a provider error on a valid report");
    }
    for v in report.violations() {
        let info = rules::lookup(v.rule());
        prop_assert!(info.is_some(), "rule {} is not in the catalog", v.rule());
        prop_assert_eq!(v.info().id(), v.rule());
        prop_assert_eq!(v.severity(), v.info().severity(), "{}", v.rule());
        let owner = v.info().provider();
        prop_assert!(
            owner == "input" || owner == provider.as_str(),
            "{} reported for {}",
            v.rule(),
            provider
        );
        prop_assert!(!v.message().is_empty(), "{} has no message", v.rule());
    }
    for c in report.changes() {
        prop_assert!(
            rules::lookup(c.rule()).is_some(),
            "change rule {} is not in the catalog",
            c.rule()
        );
        prop_assert_ne!(c.from(), c.to(), "a change that changes nothing: {}", c);
    }
    Ok(())
}

/// Every violation and change path points into the part of `input` its
/// location names (`part` maps a location to that part).
fn check_paths<'a>(
    report: &Report,
    part: impl Fn(Location) -> Option<&'a Value>,
) -> Result<(), TestCaseError> {
    for v in report.violations() {
        prop_assert!(
            pointer_ok(part(v.location()), v.path()),
            "violation path {:?} ({}, in {}) is not in the input",
            v.path(),
            v.rule(),
            v.location()
        );
    }
    for c in report.changes() {
        prop_assert!(
            pointer_ok(part(c.location()), c.path()),
            "change path {:?} ({}) is not in the input",
            c.path(),
            c.rule()
        );
    }
    Ok(())
}

/// Normalization never reorders members and never invents any: the members `input` and `normalized` share come in the same order,
/// and a member `normalized` has and `input` lacks is covered by a change
/// recorded at it or at one of its ancestors (raia moves
/// `metadata.customData` to `customData`; Omnisend merges duplicate
/// identifiers). Arrays are compared item by item only when normalization
/// kept their length.
fn check_members(
    input: &Value,
    normalized: &Value,
    path: &mut String,
    changes: &[&Change],
) -> Result<(), TestCaseError> {
    match (input, normalized) {
        (Value::Object(a), Value::Object(b)) => {
            let kept_a: Vec<&String> = a.keys().filter(|k| b.contains_key(*k)).collect();
            let kept_b: Vec<&String> = b.keys().filter(|k| a.contains_key(*k)).collect();
            prop_assert_eq!(kept_a, kept_b, "members reordered at {:?}", path);
            for (k, vb) in b {
                let len = path.len();
                omnicontact::report::push_pointer_token(path, k);
                match a.get(k) {
                    Some(va) => check_members(va, vb, path, changes)?,
                    None => prop_assert!(
                        changes.iter().any(
                            |c| c.path() == path || path.starts_with(&format!("{}/", c.path()))
                        ),
                        "member {:?} appeared with no change recorded for it",
                        path
                    ),
                }
                path.truncate(len);
            }
        }
        (Value::Array(a), Value::Array(b)) if a.len() == b.len() => {
            for (i, (va, vb)) in a.iter().zip(b).enumerate() {
                let len = path.len();
                omnicontact::report::push_pointer_token(path, &i.to_string());
                check_members(va, vb, path, changes)?;
                path.truncate(len);
            }
        }
        _ => {}
    }
    Ok(())
}

/// Normalization is idempotent: the normalized value validates with no
/// change and comes out the same.
fn check_renormalized(again: &Report, normalized: &Value) -> Result<(), TestCaseError> {
    prop_assert!(
        again.is_valid(),
        "normalized output is invalid:\n{}\n{}",
        normalized,
        again
    );
    prop_assert!(
        again.changes().is_empty(),
        "normalizing normalized output changed it:\n{}\n{}",
        normalized,
        again
    );
    prop_assert_eq!(again.normalized(), Some(normalized));
    Ok(())
}

proptest! {
    #![proptest_config(config(VALIDATOR_CASES))]

    #[test]
    fn validating_bodies_is_total_and_coherent(docs in per_provider(document), region in default_region()) {
        for_each_operation(&docs, |provider, operation, doc| {
            let v = validator(provider, operation, region.as_ref());
            let report = v.validate_value(doc.clone());
            check_coherent(&report, provider)?;
            // A body's findings are in the body; for an operation that
            // sends no body the document is its query (or else path)
            // parameters, and its findings are all there.
            let mut locations: Vec<Location> = report
                .violations()
                .iter()
                .map(Violation::location)
                .chain(report.changes().iter().map(Change::location))
                .collect();
            locations.dedup();
            if operation.has_body() {
                prop_assert!(locations.iter().all(|&l| l == Location::Body), "{:?}", locations);
            } else {
                prop_assert!(locations.len() <= 1, "{:?}", locations);
                prop_assert!(locations.iter().all(|&l| l == Location::Query || l == Location::Path), "{:?}", locations);
            }
            check_paths(&report, |_| Some(doc))?;
            // The same answer when validated again in the same batch.
            prop_assert_eq!(&v.validate_value(doc.clone()), &report, "second time in the batch");
            if let Some(normalized) = report.normalized() {
                if report.changes().is_empty() {
                    prop_assert_eq!(normalized, doc, "no change recorded, yet the body changed");
                }
                let changes: Vec<_> = report.changes().iter().collect();
                check_members(doc, normalized, &mut String::new(), &changes)?;
                let again = validator(provider, operation, region.as_ref()).validate_value(normalized.clone());
                check_renormalized(&again, normalized)?;
            }
            Ok(())
        })?;
    }

    #[test]
    fn validating_envelopes_is_total_and_coherent(envs in per_provider(envelope), region in default_region()) {
        for_each_operation(&envs, |provider, operation, env| {
            let report = validator(provider, operation, region.as_ref()).validate_envelope_value(env.clone());
            check_coherent(&report, provider)?;
            check_paths(&report, |location| envelope_part(env, location))?;
            if let Some(normalized) = report.normalized() {
                if report.changes().is_empty() {
                    prop_assert_eq!(normalized, env, "no change recorded, yet the envelope changed");
                }
                for (name, location) in [
                    ("path", Location::Path),
                    ("query", Location::Query),
                    ("headers", Location::Header),
                    ("body", Location::Body),
                ] {
                    if let (Some(sent), Some(out)) = (env.get(name), normalized.get(name)) {
                        let changes: Vec<_> =
                            report.changes().iter().filter(|c| c.location() == location).collect();
                        check_members(sent, out, &mut String::new(), &changes)?;
                    }
                }
                prop_assert_eq!(
                    env.as_object().map(|m| m.keys().collect::<Vec<_>>()),
                    normalized.as_object().map(|m| m.keys().collect::<Vec<_>>()),
                    "envelope parts changed"
                );
                let again = validator(provider, operation, region.as_ref()).validate_envelope_value(normalized.clone());
                check_renormalized(&again, normalized)?;
            }
            Ok(())
        })?;
    }
}

proptest! {
    // Each case validates every document twice for every operation.
    #![proptest_config(config(VALIDATOR_CASES / 2))]

    /// Validating a document's JSON text gives the report validating the
    /// parsed value gives (numbers included: text is read as the nearest
    /// double, see `text_numbers_are_read_as_the_nearest_double`).
    #[test]
    fn text_and_value_validate_alike(
        docs in per_provider(document),
        envs in per_provider(envelope),
        region in default_region(),
    ) {
        let v = |p, op| validator(p, op, region.as_ref());
        for_each_operation(&docs, |p, op, doc| {
            let doc = doc.clone();
            let text = doc.to_string();
            prop_assert_eq!(v(p, op).validate_str(&text), v(p, op).validate_value(doc), "body {}", text);
            Ok(())
        })?;
        for_each_operation(&envs, |p, op, env| {
            let env = env.clone();
            let text = env.to_string();
            prop_assert_eq!(
                v(p, op).validate_envelope_str(&text),
                v(p, op).validate_envelope_value(env),
                "envelope {}",
                text
            );
            Ok(())
        })?;
    }

    /// A number sent as the shortest text of a double (what `serde_json`
    /// and every JSON encoder print) is read as that double, so a valid
    /// body comes back unchanged. The validator documents that numbers are
    /// read as IEEE 754 doubles and that the normalized body "prints the
    /// double"; no change is recorded for it.
    #[test]
    fn text_numbers_are_read_as_the_nearest_double(
        x in any::<f64>().prop_filter("finite", |x| x.is_finite()),
        rocketchat in any::<bool>(),
    ) {
        let (provider, body) = if rocketchat {
            (Provider::RocketChat, json!({"name": "n", "emails": [], "phones": [], "customFields": {"n": x}}))
        } else {
            (Provider::Sendios, json!({"client_user_id": "u1", "fields": {"n": x}}))
        };
        let text = body.to_string();
        let report = validator(provider, Operation::Create, None).validate_str(&text);
        prop_assert!(report.is_valid(), "{}", report);
        prop_assert!(report.changes().is_empty(), "{}", report);
        prop_assert_eq!(report.normalized(), Some(&body), "sent {}", text);
    }

    /// raia's search parameters are plain strings in its OpenAPI: any
    /// string keys are sent exactly as written, and a query is refused only
    /// when no parameter is given (blank email / phone count as not given).
    #[test]
    fn raia_search_keys_are_sent_as_written(
        email in proptest::option::of(".{0,24}"),
        phone in proptest::option::of("[+0-9 ()-]{0,16}|.{0,8}"),
        fk_id in proptest::option::of("[a-z0-9]{0,6}"),
    ) {
        let mut query = serde_json::Map::new();
        for (name, value) in [("email", &email), ("phoneNumber", &phone), ("fkId", &fk_id)] {
            if let Some(v) = value {
                query.insert(name.to_owned(), json!(v));
            }
        }
        let body = Value::Object(query);
        let report = validator(Provider::Raia, Operation::Search, None).validate_value(body.clone());
        prop_assert!(report.changes().is_empty(), "{}", report);
        prop_assert_eq!(report.normalized().unwrap_or(&body), &body);
        let given = |v: &Option<String>| v.as_ref().is_some_and(|s| !s.trim_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}').is_empty());
        let any_given = given(&email) || given(&phone) || given(&fk_id);
        for violation in report.violations() {
            let rule = violation.rule();
            prop_assert!(
                rule == "raia.query.advice"
                    || rule == "raia.phone_number.invalid_number"
                    || (rule == "raia.query.required" && !any_given),
                "{}", report
            );
        }
        prop_assert_eq!(report.is_valid(), any_given, "{}", report);
    }
}

/// The validator properties are only as good as their documents: for each
/// provider and operation, the plausible bodies must be valid often enough
/// that the normalization properties run (and normalized often enough that
/// they mean something), and invalid often enough that the error paths do.
#[test]
fn plausible_bodies_exercise_both_outcomes() {
    let mut runner = TestRunner::deterministic();
    for &provider in Provider::ALL {
        if plausible_members(provider).is_empty() {
            continue;
        }
        let strategy = plausible_body(provider);
        let docs: Vec<Value> = (0..200)
            .map(|_| {
                strategy
                    .new_tree(&mut runner)
                    .expect("strategy generates")
                    .current()
            })
            .collect();
        for &operation in provider.operations() {
            let (mut valid, mut changed) = (0, 0);
            for doc in &docs {
                let report = validator(provider, operation, None).validate_value(doc.clone());
                if report.is_valid() {
                    valid += 1;
                    if !report.changes().is_empty() {
                        changed += 1;
                    }
                }
            }
            let total = docs.len();
            assert!(
                (total / 10..=total * 9 / 10).contains(&valid),
                "{provider} {operation}: {valid} of {total} plausible bodies are valid"
            );
            // raia's `get` / `delete` path id and `search` keys are sent as
            // written (its OpenAPI types them as plain strings): nothing to
            // normalize.
            let normalizes = !(provider == Provider::Raia
                && matches!(
                    operation,
                    Operation::Get | Operation::Delete | Operation::Search
                ));
            assert!(
                !normalizes || changed >= total / 20,
                "{provider} {operation}: only {changed} valid bodies were normalized"
            );
        }
    }
}
