//! [Proptest](https://docs.rs/proptest) strategies for your own tests:
//! valid records, deliberately invalid records paired with the rule they
//! break, and valid values (emails, phone numbers, codes, zones, dates).
//!
//! Available with the `proptest` cargo feature (off by default; without it
//! this module does not exist and nothing else changes). The only types of
//! the public API are [`Strategy`], [`serde_json::Value`] and the crate's
//! own [`Contact`](crate::Contact).
//!
//! - [`valid_body`]`(provider)` generates create bodies (the default
//!   operation) that the provider's [`Validator`](crate::Validator), with
//!   default [`Options`](crate::Options), accepts **cleanly**: no violation
//!   at all (not even a warning) and no change — every value is already in
//!   its normalized form, so the report's normalized body equals the body
//!   generated. Sendios `fields` keys keep one JSON type across all
//!   generated bodies, so a whole batch of them can go through one
//!   [`Batch`](crate::Batch) without a `sendios.fields.consistent_type`
//!   error.
//! - [`invalid_body`]`(provider)` takes such a body and applies one
//!   targeted mutation (a wrong type, a bad format, a missing required
//!   member, too many items, an unknown member, …). Its report has
//!   violations of exactly the paired rule id and of no other rule; the
//!   report is invalid when that rule is an error, and still valid when it
//!   is a warning (`omnisend.tags.advice`, `*.invalid_number`, …).
//!   [`invalid_rules`] lists the rule ids each provider's strategy covers.
//!   Rules that need more than one body (`sendios.fields.consistent_type`),
//!   a request envelope (path parameters, headers) or another operation
//!   (raia `search` / `get` / `delete`) are not generated, nor, without
//!   the `phone` feature, the `*.invalid_number` warnings (never reported
//!   without it).
//! - [`email`], [`phone`], [`country_code`], [`language_code`],
//!   [`time_zone`] and [`utc_date_time`] generate strings that the matching
//!   value type ([`Email`](crate::Email), [`Phone`], …) parses
//!   and leaves unchanged (they are in normalized form). Phone numbers come
//!   from dozens of countries, as real traffic does.
//!
//! - [`messy_email`], [`messy_phone`], [`messy_country_code`],
//!   [`messy_language_code`] and [`messy_time_zone`] generate values as
//!   people write them (surrounding whitespace, mixed case, separators,
//!   national numbers with their region), each paired with the normalized
//!   form the value type returns; [`messy_body`]`(provider)` pairs a body
//!   written so with the [`valid_body`] the provider's validator
//!   normalizes it to (no error, a recorded change for each value written
//!   otherwise).
//! - [`contact`] generates canonical [`Contact`](crate::Contact)s the
//!   builder accepts, to test conversions to any provider.
//!
//! The module works with or without the `phone` and `tz` features (on by
//! default); without `tz`, [`time_zone`] draws from a fixed sample of zone
//! names instead of the whole database.
//!
//! ```
//! use omnicontact::strategies::{invalid_body, valid_body};
//! use omnicontact::{Provider, Validator};
//! use proptest::prelude::*;
//! use proptest::test_runner::TestRunner;
//!
//! let mut runner = TestRunner::default();
//!
//! // Every valid body validates with no violation and no change.
//! runner
//!     .run(&valid_body(Provider::Omnisend), |body| {
//!         let report = Validator::new(Provider::Omnisend).validate_value(body.clone());
//!         prop_assert!(report.violations().is_empty(), "{:?}", report.violations());
//!         prop_assert_eq!(report.normalized(), Some(&body));
//!         Ok(())
//!     })
//!     .unwrap();
//!
//! // Every invalid body breaks exactly the rule it comes with.
//! runner
//!     .run(&invalid_body(Provider::Sendios), |(body, rule)| {
//!         let report = Validator::new(Provider::Sendios).validate_value(body);
//!         prop_assert!(!report.violations().is_empty());
//!         prop_assert!(report.violations().iter().all(|v| v.rule() == rule));
//!         Ok(())
//!     })
//!     .unwrap();
//! ```
//!
//! In a `proptest!` block:
//!
//! ```
//! use omnicontact::strategies::{email, phone};
//! use omnicontact::{Email, Phone};
//! use proptest::prelude::*;
//!
//! proptest! {
//!     // `#[test]` in a test file
//!     fn my_sender_accepts_any_contact(address in email(), number in phone()) {
//!         let parsed = Email::parse(&address).unwrap();
//!         prop_assert_eq!(parsed.as_str(), address.as_str());
//!         prop_assert_eq!(Phone::parse(&number).map(String::from), Ok(number.clone()));
//!     }
//! }
//! # my_sender_accepts_any_contact();
//! ```

// The mutation tables name one rule constant per row.
#![allow(clippy::wildcard_imports)]

use std::sync::OnceLock;

use chrono::DateTime;
use proptest::prelude::*;
use proptest::sample::select;
use proptest::strategy::Strategy;
use serde_json::{Map, Value, json};

use crate::Provider;
use crate::rules::{self, RuleInfo};
use crate::values::{CountryCode, LanguageCode, Phone, TimeZone};

// ---------------------------------------------------------------------------
// Values
// ---------------------------------------------------------------------------

/// Email addresses in normalized form (the domain in lowercase): dot-atom
/// local parts with ASCII letters, digits, RFC 5322 specials and some
/// non-ASCII letters; two to four domain labels, some with inner hyphens.
/// [`Email::parse`](crate::Email::parse) accepts each one and returns it
/// unchanged.
///
/// ```
/// use omnicontact::strategies::email;
/// use proptest::strategy::{Strategy, ValueTree};
/// use proptest::test_runner::TestRunner;
///
/// let address = email().new_tree(&mut TestRunner::default()).unwrap().current();
/// assert!(omnicontact::Email::is_valid(&address));
/// ```
pub fn email() -> impl Strategy<Value = String> {
    let atom = prop_oneof![
        8 => "[a-zA-Z0-9]{1,10}",
        2 => "[a-zA-Z0-9!#$%&'*+/=?^_`{|}~-]{1,8}",
        1 => "[a-zA-Z0-9éñüöжßłαΩ中]{1,6}",
    ];
    let label = "[a-z0-9]([a-z0-9-]{0,8}[a-z0-9])?";
    (
        prop::collection::vec(atom, 1..=3),
        prop::collection::vec(label, 1..=3),
        "[a-z]{2,6}",
    )
        .prop_map(|(atoms, mut labels, tld)| {
            labels.push(tld);
            format!("{}@{}", atoms.join("."), labels.join("."))
        })
}

/// Numbers that libphonenumber's metadata assigns, one or more per country,
/// from many countries (a validator must cope with multi-country traffic).
#[rustfmt::skip]
const ASSIGNED: &[&str] = &[
    "+14155552671", "+12015550123", "+16135550123", "+442079460018", "+447400123456",
    "+4915123456789", "+4930123456", "+33142764978", "+33612345678", "+37061234567",
    "+37052123456", "+81312345678", "+819012345678", "+61212345678", "+61412345678",
    "+5511912345678", "+919876543210", "+861012345678", "+8613812345678", "+74951234567",
    "+79123456789", "+34912345678", "+34612345678", "+390612345678", "+393123456789",
    "+27211234567", "+821012345678", "+6591234567", "+971501234567", "+2348031234567",
    "+31201234567", "+31612345678", "+46812345678", "+46701234567", "+48221234567",
    "+48512345678", "+201001234567", "+525512345678", "+380441234567", "+380501234567",
    "+40721234567", "+41212345678", "+41781234567", "+4319876543", "+436641234567",
    "+3212345678", "+32470123456", "+351912345678", "+302101234567", "+306912345678",
    "+358401234567", "+4722123456", "+4791234567", "+4532123456", "+353861234567",
    "+420601123456", "+36301234567", "+905321234567", "+966501234567",
    "+923001234567", "+8801812345678", "+66812345678", "+84912345678", "+639171234567",
    "+60123456789", "+62812345678", "+64211234567", "+541123456789", "+56221234567",
    "+573001234567", "+51912345678", "+254712345678", "+233241234567", "+212612345678",
    "+37121234567", "+37251234567", "+359881234567", "+385911234567", "+381601234567",
];

/// Phone numbers in E.164 (`+` and digits) that libphonenumber assigns,
/// from 60 countries: documented numbers with their last two digits
/// varied (kept only when the variant is still assigned).
/// [`Phone::parse`](crate::Phone::parse) accepts each one, returns it
/// unchanged, and [`Phone::is_assigned`](crate::Phone::is_assigned) is
/// true (with the `phone` feature; without it the numbers are the same
/// documented ones with any last two digits).
pub fn phone() -> impl Strategy<Value = String> {
    (select(ASSIGNED), 0u8..100).prop_map(|(base, tail)| {
        let variant = format!("{}{tail:02}", &base[..base.len() - 2]);
        let assigned = |p: &Phone| p.is_assigned() || !cfg!(feature = "phone");
        match Phone::parse(&variant) {
            Ok(p) if assigned(&p) && p.as_str() == variant => variant,
            _ => base.to_owned(),
        }
    })
}

/// Well-formed numbers that no numbering plan assigns.
const UNASSIGNED: &[&str] = &["+1234567890", "+3706123456", "+123456789"];

fn all_codes(len: usize, keep: impl Fn(&str) -> Option<String>) -> Vec<String> {
    let mut codes = vec![String::new()];
    for _ in 0..len {
        codes = codes
            .iter()
            .flat_map(|prefix| ('a'..='z').map(move |c| format!("{prefix}{c}")))
            .collect();
    }
    codes.iter().filter_map(|c| keep(c)).collect()
}

fn alpha2_codes() -> &'static [String] {
    static CODES: OnceLock<Vec<String>> = OnceLock::new();
    CODES.get_or_init(|| {
        all_codes(2, |c| {
            CountryCode::parse(c)
                .ok()
                .map(|code| code.as_str().to_owned())
        })
    })
}

fn alpha3_codes() -> &'static [String] {
    static CODES: OnceLock<Vec<String>> = OnceLock::new();
    CODES.get_or_init(|| {
        alpha2_codes()
            .iter()
            .filter_map(|c| CountryCode::parse(c).ok())
            .map(|c| c.alpha3().to_owned())
            .collect()
    })
}

/// ISO 3166-1 alpha-2 country codes in uppercase, all 249 of them.
/// [`CountryCode::parse`](crate::CountryCode::parse) accepts each one
/// unchanged.
pub fn country_code() -> impl Strategy<Value = String> {
    select(alpha2_codes())
}

/// ISO 639-1 language codes in lowercase, every code there is.
/// [`LanguageCode::parse`](crate::LanguageCode::parse) accepts each one
/// unchanged.
pub fn language_code() -> impl Strategy<Value = String> {
    static CODES: OnceLock<Vec<String>> = OnceLock::new();
    select(CODES.get_or_init(|| {
        all_codes(2, |c| {
            LanguageCode::parse(c)
                .ok()
                .filter(|code| code.as_str() == c)
                .map(|_| c.to_owned())
        })
    }))
}

/// IANA time zone names (backward links included) as spelled in the time
/// zone database, every one there is (without the `tz` feature: a fixed
/// sample of about forty names from every area).
/// [`TimeZone::parse`](crate::TimeZone::parse) accepts each one unchanged.
pub fn time_zone() -> impl Strategy<Value = String> {
    static ZONES: OnceLock<Vec<String>> = OnceLock::new();
    select(ZONES.get_or_init(|| {
        zone_names()
            .filter(|name| TimeZone::parse(name).is_ok_and(|tz| tz.as_str() == *name))
            .map(str::to_owned)
            .collect()
    }))
}

#[cfg(feature = "tz")]
fn zone_names() -> impl Iterator<Item = &'static str> {
    chrono_tz::TZ_VARIANTS.iter().map(|tz| tz.name())
}

/// Zone names of every area, links and single names included.
#[cfg(any(test, not(feature = "tz")))]
#[rustfmt::skip]
const ZONE_SAMPLE: &[&str] = &[
    "UTC", "GMT", "Etc/UTC", "Etc/GMT+2", "Etc/GMT-14", "EST5EDT", "CET", "Zulu",
    "Africa/Cairo", "Africa/Johannesburg", "Africa/Lagos", "Africa/Nairobi",
    "America/New_York", "America/Los_Angeles", "America/Chicago", "America/Sao_Paulo",
    "America/Argentina/Buenos_Aires", "America/Mexico_City", "America/Port-au-Prince",
    "America/Indiana/Indianapolis", "Antarctica/McMurdo", "Arctic/Longyearbyen",
    "Asia/Kolkata", "Asia/Calcutta", "Asia/Tokyo", "Asia/Shanghai", "Asia/Dubai",
    "Asia/Ho_Chi_Minh", "Atlantic/Reykjavik", "Australia/Sydney", "Europe/Vilnius",
    "Europe/London", "Europe/Berlin", "Europe/Paris", "Europe/Kyiv", "Indian/Maldives",
    "Pacific/Auckland", "Pacific/Honolulu", "US/Eastern", "Canada/Pacific", "Brazil/East",
    "Chile/Continental", "Mexico/General",
];

#[cfg(not(feature = "tz"))]
fn zone_names() -> impl Iterator<Item = &'static str> {
    ZONE_SAMPLE.iter().copied()
}

/// Seconds since the epoch of 1970-01-01 … 2099-12-31 in the form
/// `YYYY-MM-DD{sep}hh:mm:ss`.
fn instant(sep: char) -> impl Strategy<Value = String> {
    (0i64..4_102_444_800).prop_map(move |t| {
        DateTime::from_timestamp(t, 0).map_or_else(
            || format!("1970-01-01{sep}00:00:00"),
            |d| d.format(&format!("%Y-%m-%d{sep}%H:%M:%S")).to_string(),
        )
    })
}

/// UTC date-times `YYYY-MM-DDThh:mm:ssZ` from 1970 to 2099 — Omnisend's
/// normalized form. [`UtcDateTime::parse`](crate::UtcDateTime::parse)
/// accepts each one unchanged.
pub fn utc_date_time() -> impl Strategy<Value = String> {
    instant('T').prop_map(|s| format!("{s}Z"))
}

/// A calendar date `YYYY-MM-DD` of 1920 … 2010 (birthdates, never in the
/// future).
fn birthdate() -> impl Strategy<Value = String> {
    (-1_577_923_200i64..1_293_753_600).prop_map(|t| {
        DateTime::from_timestamp(t, 0).map_or_else(
            || "1990-01-01".to_owned(),
            |d| d.format("%Y-%m-%d").to_string(),
        )
    })
}

// ---------------------------------------------------------------------------
// Shared pieces of bodies
// ---------------------------------------------------------------------------

#[rustfmt::skip]
const FIRST_NAMES: &[&str] = &[
    "Jane", "John", "Jürgen", "Łukasz", "Zoë", "José", "Søren", "Анна", "明", "Ngozi", "Aarav",
    "Fatima", "O'Neil", "Mary-Kate", "Åsa", "Nguyễn", "Ilse", "Kwame",
];
#[rustfmt::skip]
const LAST_NAMES: &[&str] = &[
    "Doe", "Müller", "Kowalski", "García", "Ødegaard", "Иванова", "山田", "Okafor", "Sharma",
    "Al-Sayed", "O'Brien", "van der Berg", "Nguyễn", "Kazlauskas",
];

fn first_name() -> impl Strategy<Value = String> {
    prop_oneof![
        2 => select(FIRST_NAMES).prop_map(str::to_owned),
        1 => "[A-Z][a-z]{1,11}",
    ]
}

fn last_name() -> impl Strategy<Value = String> {
    prop_oneof![
        2 => select(LAST_NAMES).prop_map(str::to_owned),
        1 => "[A-Z][a-z]{1,13}",
    ]
}

fn full_name() -> impl Strategy<Value = String> {
    (first_name(), last_name()).prop_map(|(f, l)| format!("{f} {l}"))
}

/// Plain words: no digits, so never shaped like a date.
fn word() -> impl Strategy<Value = String> {
    "[a-z]{3,10}"
}

fn string(s: impl Strategy<Value = String> + 'static) -> BoxedStrategy<Value> {
    s.prop_map(Value::String).boxed()
}

type Member = BoxedStrategy<Option<(&'static str, Value)>>;

/// A member present with probability `p`.
fn optional(name: &'static str, p: f64, value: BoxedStrategy<Value>) -> Member {
    prop::option::weighted(p, value.prop_map(move |v| (name, v))).boxed()
}

fn required(name: &'static str, value: BoxedStrategy<Value>) -> Member {
    value.prop_map(move |v| Some((name, v))).boxed()
}

fn object(members: Vec<Member>) -> impl Strategy<Value = Map<String, Value>> {
    members.prop_map(|members| {
        members
            .into_iter()
            .flatten()
            .map(|(k, v)| (k.to_owned(), v))
            .collect()
    })
}

/// Distinct items (first occurrence kept).
fn distinct(items: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(items.len());
    for item in items {
        if !out.contains(&item) {
            out.push(item);
        }
    }
    out
}

fn distinct_list(
    item: impl Strategy<Value = String> + 'static,
    size: std::ops::RangeInclusive<usize>,
) -> BoxedStrategy<Value> {
    prop::collection::vec(item, size)
        .prop_map(|items| json!(distinct(items)))
        .boxed()
}

fn apns_token() -> impl Strategy<Value = String> {
    "[0-9a-f]{64}"
}

fn fcm_token() -> impl Strategy<Value = String> {
    "[A-Za-z0-9_-]{22}:APA91[A-Za-z0-9_-]{20,60}"
}

// ---------------------------------------------------------------------------
// Messy values and bodies, with their normalized form
// ---------------------------------------------------------------------------

/// National numbers as people write them, each with its region and E.164
/// form: libphonenumber's own national formatting of numbers of
/// [`ASSIGNED`] (python `phonenumbers` 9.0.33, `scripts/phone/national.py`),
/// kept only where libphonenumber reads the national form back to the
/// same number.
#[rustfmt::skip]
const NATIONAL: &[(&str, &str, &str)] = &[
    ("(415) 555-2671", "US", "+14155552671"), ("020 7946 0018", "GB", "+442079460018"),
    ("07400 123456", "GB", "+447400123456"), ("01512 3456789", "DE", "+4915123456789"),
    ("030 123456", "DE", "+4930123456"), ("01 42 76 49 78", "FR", "+33142764978"),
    ("06 12 34 56 78", "FR", "+33612345678"), ("(0-612) 34567", "LT", "+37061234567"),
    ("03-1234-5678", "JP", "+81312345678"), ("090-1234-5678", "JP", "+819012345678"),
    ("(02) 1234 5678", "AU", "+61212345678"), ("0412 345 678", "AU", "+61412345678"),
    ("(11) 91234-5678", "BR", "+5511912345678"), ("098765 43210", "IN", "+919876543210"),
    ("8 (495) 123-45-67", "RU", "+74951234567"), ("8 (912) 345-67-89", "RU", "+79123456789"),
    ("912 34 56 78", "ES", "+34912345678"), ("06 1234 5678", "IT", "+390612345678"),
    ("021 123 4567", "ZA", "+27211234567"), ("010-1234-5678", "KR", "+821012345678"),
    ("020 123 4567", "NL", "+31201234567"), ("08-123 456 78", "SE", "+46812345678"),
    ("22 123 45 67", "PL", "+48221234567"), ("010 01234567", "EG", "+201001234567"),
    ("55 1234 5678", "MX", "+525512345678"), ("044 123 4567", "UA", "+380441234567"),
    ("021 234 56 78", "CH", "+41212345678"), ("01 9876543", "AT", "+4319876543"),
    ("012 34 56 78", "BE", "+3212345678"), ("912 345 678", "PT", "+351912345678"),
    ("040 1234567", "FI", "+358401234567"), ("22 12 34 56", "NO", "+4722123456"),
    ("086 123 4567", "IE", "+353861234567"), ("601 123 456", "CZ", "+420601123456"),
    ("0532 123 45 67", "TR", "+905321234567"), ("081 234 5678", "TH", "+66812345678"),
    ("0912 345 678", "VN", "+84912345678"), ("0917 123 4567", "PH", "+639171234567"),
    ("012-345 6789", "MY", "+60123456789"), ("021 123 4567", "NZ", "+64211234567"),
    ("011 2345-6789", "AR", "+541123456789"), ("0712 345678", "KE", "+254712345678"),
];

/// What a pasted value often carries around it: nothing, spaces, a tab,
/// a no-break space.
fn padding() -> impl Strategy<Value = &'static str> {
    select(&["", "", " ", "  ", "\t", "\u{A0}"][..])
}

/// `s` with each ASCII letter in upper case where `mask` has a 1 bit.
fn mixed_case(s: &str, mask: u64) -> String {
    s.chars()
        .enumerate()
        .map(|(i, c)| {
            if (mask >> (i % 64)) & 1 == 1 {
                c.to_ascii_uppercase()
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect()
}

/// An E.164 number written with separators (space, hyphen, dot) between
/// digit groups, chosen by `mask`.
fn with_separators(e164: &str, mask: u64) -> String {
    let mut out = String::from("+");
    for (i, digit) in e164.trim_start_matches('+').chars().enumerate() {
        if i > 0 && (mask >> (i % 32)) & 1 == 1 {
            out.push(
                [' ', '-', '.']
                    [usize::from((mask >> (32 + i % 16)) & 1 == 1) + usize::from(i % 3 == 0)],
            );
        }
        out.push(digit);
    }
    out
}

/// Email addresses as people type or paste them, each with its normalized
/// form: `(written, normalized)`. The written form has surrounding
/// whitespace and a domain in mixed case; the normalized form is an
/// [`email`] value, what [`Email::parse`](crate::Email::parse) returns
/// (trimmed, domain in lowercase, the local part as written).
///
/// ```
/// use omnicontact::strategies::messy_email;
/// use proptest::strategy::{Strategy, ValueTree};
/// use proptest::test_runner::TestRunner;
///
/// let mut runner = TestRunner::default();
/// for _ in 0..50 {
///     let (written, normalized) = messy_email().new_tree(&mut runner).unwrap().current();
///     assert_eq!(omnicontact::Email::parse(&written).unwrap().as_str(), normalized);
/// }
/// ```
pub fn messy_email() -> impl Strategy<Value = (String, String)> {
    (email(), padding(), padding(), any::<u64>()).prop_map(|(clean, before, after, mask)| {
        let (local, domain) = clean.rsplit_once('@').unwrap_or((&clean, ""));
        let written = format!("{before}{local}@{}{after}", mixed_case(domain, mask));
        (written, clean)
    })
}

/// Phone numbers as people write them, each with the region to read it in
/// and its E.164 form: `(written, region, e164)`. Either an international
/// number with separators and surrounding whitespace (region `None`), or a
/// national number as libphonenumber formats it (`020 7946 0018`, `8 (495)
/// 123-45-67`) with its ISO 3166-1 alpha-2 region.
/// [`Phone::parse_with_region`](crate::Phone::parse_with_region) reads
/// each to its E.164 form.
///
/// ```
/// use omnicontact::strategies::messy_phone;
/// use omnicontact::{CountryCode, Phone};
/// use proptest::strategy::{Strategy, ValueTree};
/// use proptest::test_runner::TestRunner;
///
/// let mut runner = TestRunner::default();
/// for _ in 0..50 {
///     let (written, region, e164) = messy_phone().new_tree(&mut runner).unwrap().current();
///     let region = region.map(|r| CountryCode::parse(&r).unwrap());
///     # #[cfg(feature = "phone")]
///     assert_eq!(Phone::parse_with_region(&written, region.as_ref()).unwrap().as_str(), e164);
/// }
/// ```
pub fn messy_phone() -> impl Strategy<Value = (String, Option<String>, String)> {
    let international =
        (phone(), padding(), padding(), any::<u64>()).prop_map(|(clean, before, after, mask)| {
            let written = format!("{before}{}{after}", with_separators(&clean, mask));
            (written, None, clean)
        });
    let national = (select(NATIONAL), padding()).prop_map(|((written, region, e164), pad)| {
        (
            format!("{pad}{written}{pad}"),
            Some(region.to_owned()),
            e164.to_owned(),
        )
    });
    if cfg!(feature = "phone") {
        prop_oneof![international, national].boxed()
    } else {
        // Without the numbering plans, national numbers cannot be read.
        international.boxed()
    }
}

/// Country codes as people write them, with their normalized form:
/// `(written, normalized)`: an ISO 3166-1 alpha-2 code in mixed case with
/// surrounding whitespace, and the [`country_code`] it stands for.
///
/// ```
/// use omnicontact::strategies::messy_country_code;
/// use proptest::strategy::{Strategy, ValueTree};
/// use proptest::test_runner::TestRunner;
///
/// let (written, code) = messy_country_code().new_tree(&mut TestRunner::default()).unwrap().current();
/// assert_eq!(omnicontact::CountryCode::parse(&written).unwrap().as_str(), code);
/// ```
pub fn messy_country_code() -> impl Strategy<Value = (String, String)> {
    (country_code(), padding(), any::<u64>())
        .prop_map(|(clean, pad, mask)| (format!("{pad}{}{pad}", mixed_case(&clean, mask)), clean))
}

/// Language codes as people write them (`EN`, ` fr`), with their
/// normalized form, a [`language_code`]: `(written, normalized)`.
///
/// ```
/// use omnicontact::strategies::messy_language_code;
/// use proptest::strategy::{Strategy, ValueTree};
/// use proptest::test_runner::TestRunner;
///
/// let (written, code) = messy_language_code().new_tree(&mut TestRunner::default()).unwrap().current();
/// assert_eq!(omnicontact::LanguageCode::parse(&written).unwrap().as_str(), code);
/// ```
pub fn messy_language_code() -> impl Strategy<Value = (String, String)> {
    (language_code(), padding(), any::<u64>())
        .prop_map(|(clean, pad, mask)| (format!("{pad}{}{pad}", mixed_case(&clean, mask)), clean))
}

/// Time zone names in any ASCII case (`america/new_york`), with the time
/// zone database's spelling, a [`time_zone`]: `(written, normalized)`.
/// Without the `tz` feature, names are matched as written, and the written
/// form is the normalized one.
///
/// ```
/// use omnicontact::strategies::messy_time_zone;
/// use proptest::strategy::{Strategy, ValueTree};
/// use proptest::test_runner::TestRunner;
///
/// let (written, zone) = messy_time_zone().new_tree(&mut TestRunner::default()).unwrap().current();
/// assert_eq!(omnicontact::TimeZone::parse(&written).unwrap().as_str(), zone);
/// ```
pub fn messy_time_zone() -> impl Strategy<Value = (String, String)> {
    (time_zone(), any::<u64>()).prop_map(|(clean, mask)| {
        // Without the `tz` feature names are matched as written.
        let written = if cfg!(feature = "tz") {
            mixed_case(&clean, mask)
        } else {
            clean.clone()
        };
        (written, clean)
    })
}

/// Create bodies as a service might send them — emails with a mixed-case
/// domain and surrounding whitespace, phone numbers with separators, codes
/// in the wrong case — paired with the body the provider's
/// [`Validator`](crate::Validator) normalizes them to: `(written,
/// normalized)`. The normalized body is a [`valid_body`]: validating the
/// written body gives no error and exactly that normalized body, with a
/// recorded change for each value written otherwise.
///
/// ```
/// use omnicontact::strategies::messy_body;
/// use omnicontact::{Provider, Validator};
/// use proptest::prelude::*;
/// use proptest::test_runner::TestRunner;
///
/// TestRunner::default()
///     .run(&messy_body(Provider::Sendios), |(written, normalized)| {
///         let report = Validator::new(Provider::Sendios).validate_value(written.clone());
///         prop_assert!(report.is_valid(), "{report}");
///         prop_assert_eq!(report.normalized(), Some(&normalized));
///         prop_assert_eq!(report.changes().is_empty(), written == normalized);
///         Ok(())
///     })
///     .unwrap();
/// ```
pub fn messy_body(provider: Provider) -> impl Strategy<Value = (Value, Value)> {
    (valid_object(provider), any::<u64>()).prop_map(move |(clean, seed)| {
        let mut runner = proptest::test_runner::TestRunner::new_with_rng(
            proptest::test_runner::Config::default(),
            proptest::test_runner::TestRng::from_seed(
                proptest::test_runner::RngAlgorithm::ChaCha,
                &{
                    let mut bytes = [0u8; 32];
                    bytes[..8].copy_from_slice(&seed.to_le_bytes());
                    bytes
                },
            ),
        );
        let mut written = clean.clone();
        mess(provider, &mut written, &mut runner);
        (Value::Object(written), Value::Object(clean))
    })
}

/// Draws one value of `strategy` (the messy forms of a clean value).
fn draw<T: std::fmt::Debug>(
    strategy: impl Strategy<Value = T>,
    runner: &mut proptest::test_runner::TestRunner,
) -> Option<T> {
    use proptest::strategy::ValueTree;
    strategy.new_tree(runner).ok().map(|tree| tree.current())
}

/// `email` (normalized) written with a mixed-case domain and whitespace.
fn messy_email_of(email: &str, runner: &mut proptest::test_runner::TestRunner) -> String {
    let (before, after, mask) =
        draw((padding(), padding(), any::<u64>()), runner).unwrap_or(("", "", 0));
    let (local, domain) = email.rsplit_once('@').unwrap_or((email, ""));
    format!("{before}{local}@{}{after}", mixed_case(domain, mask))
}

/// `e164` written with separators and whitespace.
fn messy_phone_of(e164: &str, runner: &mut proptest::test_runner::TestRunner) -> String {
    let (pad, mask) = draw((padding(), any::<u64>()), runner).unwrap_or(("", 0));
    format!("{pad}{}{pad}", with_separators(e164, mask))
}

/// Rewrites the string items of each list `key` (emails when the flag is
/// set, else phone numbers) the way people write them.
fn mess_lists(
    body: &mut Map<String, Value>,
    lists: &[(&str, bool)],
    runner: &mut proptest::test_runner::TestRunner,
) {
    for &(key, email) in lists {
        if let Some(Value::Array(items)) = body.get_mut(key) {
            for item in items {
                if let Value::String(s) = item {
                    *s = if email {
                        messy_email_of(s, runner)
                    } else {
                        messy_phone_of(s, runner)
                    };
                }
            }
        }
    }
}

/// Rewrites, in place, some of a clean body's values the way people write
/// them; the provider normalizes each back.
fn mess(
    provider: Provider,
    body: &mut Map<String, Value>,
    runner: &mut proptest::test_runner::TestRunner,
) {
    let string = |value: Option<&mut Value>, f: &mut dyn FnMut(&str) -> String| {
        if let Some(Value::String(s)) = value {
            *s = f(s);
        }
    };
    let cases = draw(any::<u64>(), runner).unwrap_or(0);
    match provider {
        Provider::Sendios => {
            string(body.get_mut("email"), &mut |s| messy_email_of(s, runner));
            string(body.get_mut("phone"), &mut |s| messy_phone_of(s, runner));
            for code in ["language", "country", "language_id", "country_id"] {
                string(body.get_mut(code), &mut |s| mixed_case(s, cases));
            }
        }
        Provider::Raia => {
            string(body.get_mut("email"), &mut |s| messy_email_of(s, runner));
            string(body.get_mut("phoneNumber"), &mut |s| {
                messy_phone_of(s, runner)
            });
        }
        Provider::RocketChat => {
            mess_lists(body, &[("emails", true), ("phones", false)], runner);
        }
        Provider::Suprsend => {
            mess_lists(
                body,
                &[("$email", true), ("$sms", false), ("$whatsapp", false)],
                runner,
            );
            if cfg!(feature = "tz") {
                string(body.get_mut("$timezone"), &mut |s| mixed_case(s, cases));
            }
        }
        Provider::Omnisend => {
            string(body.get_mut("countryCode"), &mut |s| mixed_case(s, cases));
            if let Some(Value::Array(ids)) = body.get_mut("identifiers") {
                for id in ids {
                    let phone = id.get("type") == Some(&json!("phone"));
                    // Omnisend keeps an email identifier's case: only
                    // whitespace is normalized.
                    string(id.get_mut("id"), &mut |s| {
                        if phone {
                            messy_phone_of(s, runner)
                        } else {
                            format!(" {s} ")
                        }
                    });
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------
// Contacts
// ---------------------------------------------------------------------------

/// Canonical [`Contact`](crate::Contact)s that [`ContactBuilder::build`]
/// accepts: any mix of an external id, names, an email, a phone number
/// (from many countries), language, country, time zone, tags and custom
/// properties (numbers, booleans, strings), each valid and in normalized
/// form — what a service would convert to any provider
/// ([`Validator::convert_value`](crate::Validator::convert_value) or the
/// providers' `convert::from_contact`).
///
/// [`ContactBuilder::build`]: crate::model::ContactBuilder::build
///
/// ```
/// use omnicontact::strategies::contact;
/// use omnicontact::providers::sendios;
/// use proptest::prelude::*;
/// use proptest::test_runner::TestRunner;
///
/// TestRunner::default()
///     .run(&contact(), |c| {
///         let (user, _losses) = sendios::convert::from_contact(&c);
///         prop_assert_eq!(user.email.as_deref(), c.email().map(|e| e.as_str()));
///         Ok(())
///     })
///     .unwrap();
/// ```
pub fn contact() -> impl Strategy<Value = crate::Contact> {
    let names = (
        prop::option::of("[A-Za-z0-9_-]{1,24}"),
        prop::option::of(first_name()),
        prop::option::of(last_name()),
    );
    let channels = (prop::option::of(email()), prop::option::of(phone()));
    let place = (
        prop::option::of(language_code()),
        prop::option::of(country_code()),
        prop::option::of(time_zone()),
    );
    let property = prop_oneof![
        (0i64..1_000_000).prop_map(crate::PropertyValue::from),
        any::<bool>().prop_map(crate::PropertyValue::from),
        word().prop_map(crate::PropertyValue::from),
    ];
    let extra = (
        prop::collection::vec(word(), 0..4),
        prop::collection::btree_map("[A-Za-z][A-Za-z0-9_]{0,20}", property, 0..4),
    );
    (names, channels, place, extra).prop_filter_map(
        "a contact the builder accepts",
        |((id, first, last), (email, phone), (language, country, zone), (tags, props))| {
            let mut b = crate::Contact::builder();
            if let Some(v) = id {
                b = b.external_id(v);
            }
            if let Some(v) = first {
                b = b.first_name(v);
            }
            if let Some(v) = last {
                b = b.last_name(v);
            }
            if let Some(v) = email {
                b = b.email(v);
            }
            if let Some(v) = phone {
                b = b.phone(v);
            }
            if let Some(v) = language {
                b = b.language(v);
            }
            if let Some(v) = country {
                b = b.country(v);
            }
            if let Some(v) = zone {
                b = b.timezone(v);
            }
            for tag in distinct(tags) {
                b = b.tag(tag);
            }
            for (name, value) in props {
                b = b.property(name, value);
            }
            b.build().ok()
        },
    )
}

// ---------------------------------------------------------------------------
// Valid bodies
// ---------------------------------------------------------------------------

/// Create bodies that validate for `provider` with no violation — not even
/// a warning — and no change (see the [module documentation](self)).
///
/// Members are present at random (required ones always), values come from
/// this module's value strategies (emails, phone numbers from many
/// countries, codes, zones, dates) and from small tables of names in many
/// scripts.
pub fn valid_body(provider: Provider) -> impl Strategy<Value = Value> {
    valid_object(provider).prop_map(Value::Object)
}

fn valid_object(provider: Provider) -> BoxedStrategy<Map<String, Value>> {
    match provider {
        Provider::Omnisend => omnisend_valid().boxed(),
        Provider::Sendios => sendios_valid().boxed(),
        Provider::RocketChat => rocketchat_valid().boxed(),
        Provider::Suprsend => suprsend_valid().boxed(),
        Provider::Raia => raia_valid().boxed(),
    }
}

/// Sendios `fields`: each key always has the same JSON type.
fn sendios_fields() -> BoxedStrategy<Value> {
    object(vec![
        optional(
            "plan",
            0.6,
            string(select(&["free", "pro", "team"][..]).prop_map(str::to_owned)),
        ),
        optional("score", 0.5, (0i64..100_000).prop_map(|n| json!(n)).boxed()),
        optional("beta", 0.4, any::<bool>().prop_map(Value::Bool).boxed()),
        optional(
            "interests",
            0.4,
            prop::collection::vec(word(), 0..4)
                .prop_map(|w| json!(w))
                .boxed(),
        ),
        optional(
            "profile",
            0.3,
            word().prop_map(|w| json!({ "source": w })).boxed(),
        ),
    ])
    .prop_map(Value::Object)
    .boxed()
}

/// A Sendios country code, alpha-2 or alpha-3 (each kept in its form).
fn sendios_country() -> BoxedStrategy<Value> {
    prop_oneof![
        3 => string(country_code()),
        1 => string(select(alpha3_codes())),
    ]
    .boxed()
}

/// A non-negative integer below `max` (Sendios' integer ids and status:
/// no source says what values they take).
fn integer_below(max: i64) -> BoxedStrategy<Value> {
    (0..max).prop_map(|n| json!(n)).boxed()
}

fn sendios_valid() -> impl Strategy<Value = Map<String, Value>> {
    object(vec![
        required("client_user_id", string("[A-Za-z0-9_-]{1,24}")),
        optional("name", 0.6, string(full_name())),
        optional("phone", 0.6, string(phone())),
        optional("email", 0.7, string(email())),
        optional(
            "app_push_token",
            0.4,
            string(prop_oneof![apns_token(), fcm_token()]),
        ),
        optional("language", 0.5, string(language_code())),
        optional("country", 0.5, sendios_country()),
        // The send endpoints' names, checked like `language` / `country`.
        optional("language_id", 0.2, string(language_code())),
        optional("country_id", 0.2, sendios_country()),
        optional("list_id", 0.2, integer_below(100_000)),
        optional("status", 0.2, integer_below(10)),
        optional("partner_id", 0.2, integer_below(100_000)),
        optional(
            "platform_id",
            0.4,
            string(select(&["0", "1", "2", "3", "4"][..]).prop_map(str::to_owned)),
        ),
        optional(
            "gender",
            0.4,
            string(select(&["m", "f"][..]).prop_map(str::to_owned)),
        ),
        optional("vip", 0.4, any::<bool>().prop_map(Value::Bool).boxed()),
        optional("age", 0.4, (0u8..=150).prop_map(|n| json!(n)).boxed()),
        optional(
            "photo",
            0.3,
            string("https://[a-z]{3,10}\\.(com|net|org)/[a-z0-9]{1,12}\\.(jpg|png)"),
        ),
        optional("ak", 0.3, string("[A-Za-z0-9]{16,64}")),
        optional("registration_date", 0.5, string(instant(' '))),
        optional("fields", 0.5, sendios_fields()),
    ])
}

fn rocketchat_valid() -> impl Strategy<Value = Map<String, Value>> {
    object(vec![
        required("name", string(full_name())),
        required("emails", distinct_list(email(), 0..=3)),
        required("phones", distinct_list(phone(), 0..=3)),
        optional(
            "customFields",
            0.4,
            prop_oneof![
                3 => object(vec![
                    optional("plan", 0.5, string(word())),
                    optional("company", 0.5, string(last_name())),
                ])
                .prop_map(Value::Object),
                1 => Just(Value::Null),
            ]
            .boxed(),
        ),
        optional(
            "contactManager",
            0.3,
            prop_oneof![3 => string("[a-zA-Z0-9]{17}"), 1 => Just(Value::Null).boxed()].boxed(),
        ),
    ])
}

fn android_push() -> BoxedStrategy<Value> {
    prop_oneof![
        string(fcm_token()),
        (
            fcm_token(),
            select(&["fcm", "xiaomi", "oppo"][..]),
            prop::option::of("[a-z0-9-]{4,16}"),
        )
            .prop_map(|(token, provider, device)| match device {
                Some(d) => json!({"token": token, "provider": provider, "device_id": d}),
                None => json!({"token": token, "provider": provider}),
            }),
    ]
    .boxed()
}

fn ios_push() -> BoxedStrategy<Value> {
    prop_oneof![
        string(apns_token()),
        (apns_token(), prop::option::of("[a-z0-9-]{4,16}")).prop_map(|(token, device)| {
            match device {
                Some(d) => json!({"token": token, "provider": "apns", "device_id": d}),
                None => json!({"token": token, "provider": "apns"}),
            }
        }),
    ]
    .boxed()
}

fn slack() -> BoxedStrategy<Value> {
    prop_oneof![
        string("[UW][A-Z0-9]{8,10}"),
        (email(), "xoxb-[0-9]{4,12}-[a-zA-Z0-9]{8,24}")
            .prop_map(|(e, t)| json!({"email": e, "access_token": t})),
        ("C[A-Z0-9]{8,10}", "xoxb-[0-9]{4,12}-[a-zA-Z0-9]{8,24}")
            .prop_map(|(c, t)| json!({"channel_id": c, "access_token": t})),
        "[A-Z0-9]{9}/[A-Z0-9]{9}/[a-zA-Z0-9]{24}".prop_map(|p| {
            json!({"incoming_webhook": {"url": format!("https://hooks.slack.com/services/{p}")}})
        }),
    ]
    .boxed()
}

fn ms_teams() -> BoxedStrategy<Value> {
    prop_oneof![
        (
            "[0-9a-f]{8}-[0-9a-f]{4}",
            select(&["emea", "amer", "apac"][..]),
            "[a-zA-Z0-9]{6,20}",
        )
            .prop_map(|(tenant, region, conv)| {
                json!({
                    "tenant_id": tenant,
                    "service_url": format!("https://smba.trafficmanager.net/{region}/"),
                    "conversation_id": format!("19:{conv}@thread.tacv2"),
                })
            }),
        "[a-z0-9]{8,16}".prop_map(|p| {
            json!({"incoming_webhook": {"url": format!("https://example.webhook.office.com/webhookb2/{p}")}})
        }),
    ]
    .boxed()
}

/// A web-push subscription, the browser's `PushSubscription` as JSON.
fn web_push() -> BoxedStrategy<Value> {
    (
        "[A-Za-z0-9_-]{16,40}",
        "B[A-Za-z0-9_-]{20,86}",
        "[A-Za-z0-9_-]{16,22}",
    )
        .prop_map(|(id, p256dh, auth)| {
            json!({
                "endpoint": format!("https://fcm.googleapis.com/fcm/send/{id}"),
                "expirationTime": null,
                "keys": {"p256dh": p256dh, "auth": auth},
            })
        })
        .boxed()
}

fn channel_list(item: BoxedStrategy<Value>) -> BoxedStrategy<Value> {
    prop::collection::vec(item, 1..=3)
        .prop_map(Value::Array)
        .boxed()
}

fn suprsend_valid() -> impl Strategy<Value = Map<String, Value>> {
    object(vec![
        optional("$email", 0.7, channel_list(string(email()))),
        optional("$sms", 0.5, channel_list(string(phone()))),
        optional("$whatsapp", 0.4, channel_list(string(phone()))),
        optional("$inbox", 0.3, channel_list(string("[A-Za-z0-9]{10,25}"))),
        optional("$webpush", 0.2, channel_list(web_push())),
        optional("$androidpush", 0.3, channel_list(android_push())),
        optional("$iospush", 0.3, channel_list(ios_push())),
        optional("$slack", 0.3, channel_list(slack())),
        optional("$ms_teams", 0.2, channel_list(ms_teams())),
        optional(
            "$messenger",
            0.1,
            channel_list(string("[A-Za-z0-9]{10,20}")),
        ),
        optional("$timezone", 0.5, string(time_zone())),
        optional("$preferred_language", 0.5, string(language_code())),
        optional(
            "$locale",
            0.3,
            string(
                select(&["en", "es", "en_GB", "en-US", "pt-BR", "es-419"][..])
                    .prop_map(str::to_owned),
            ),
        ),
        optional(
            "$channels",
            0.2,
            prop::collection::vec(select(crate::providers::suprsend::CHANNEL_NAMES), 0..=3)
                .prop_map(|c| json!(c))
                .boxed(),
        ),
        optional("plan", 0.4, string(word())),
        optional("signup_source", 0.3, string(word())),
        optional("score", 0.3, (0i64..1000).prop_map(|n| json!(n)).boxed()),
        optional(
            "preferences",
            0.2,
            (any::<bool>(), word())
                .prop_map(|(b, w)| json!({"digest": b, "topics": [w]}))
                .boxed(),
        ),
    ])
}

fn raia_valid() -> impl Strategy<Value = Map<String, Value>> {
    (
        object(vec![
            required("firstName", string(first_name())),
            required("lastName", string(last_name())),
            optional("email", 0.8, string(email())),
            optional("phoneNumber", 0.6, string(phone())),
            optional(
                "context",
                0.3,
                string(full_name().prop_map(|n| format!("Lead from {n}"))),
            ),
            optional("source", 0.3, string(word())),
            optional("fkId", 0.4, string("[0-9]{1,9}")),
            optional("fkUserId", 0.3, string("[a-z0-9]{8,16}")),
            optional(
                "customData",
                0.3,
                (word(), 0i64..1000)
                    .prop_map(|(plan, seats)| json!({"plan": plan, "seats": seats}))
                    .boxed(),
            ),
            optional(
                "skipEmailValidation",
                0.2,
                any::<bool>().prop_map(Value::Bool).boxed(),
            ),
            optional(
                "skipPhoneNumberValidation",
                0.2,
                any::<bool>().prop_map(Value::Bool).boxed(),
            ),
        ]),
        email(),
    )
        .prop_map(|(mut body, fallback)| {
            if !body.contains_key("email") && !body.contains_key("phoneNumber") {
                body.insert("email".to_owned(), Value::String(fallback));
            }
            body
        })
}

fn omnisend_channel(name: &'static str) -> BoxedStrategy<Value> {
    (
        select(&["subscribed", "unsubscribed", "nonSubscribed"][..]),
        prop::option::of(utc_date_time()),
    )
        .prop_map(move |(status, date)| {
            let mut channel = Map::new();
            channel.insert("status".to_owned(), json!(status));
            if let Some(d) = date {
                channel.insert("statusDate".to_owned(), json!(d));
            }
            json!({ name: channel })
        })
        .boxed()
}

fn omnisend_identifier(kind: &'static str) -> BoxedStrategy<Value> {
    let (id, channel) = if kind == "email" {
        (email().boxed(), "email")
    } else {
        (phone().boxed(), "sms")
    };
    object(vec![
        required("type", Just(json!(kind)).boxed()),
        required("id", string(id)),
        optional("channels", 0.7, omnisend_channel(channel)),
        optional(
            "sendWelcomeEmail",
            0.2,
            any::<bool>().prop_map(Value::Bool).boxed(),
        ),
        optional("source", 0.2, string(word())),
        optional(
            "sendWelcomeMessage",
            0.2,
            any::<bool>().prop_map(Value::Bool).boxed(),
        ),
        optional("consent", 0.3, omnisend_consent()),
    ])
    .prop_map(Value::Object)
    .boxed()
}

#[rustfmt::skip]
const USER_AGENTS: &[&str] = &[
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1",
    "user agent not found",
];

/// An identifier's `consent`: where, when (UTC, Omnisend's normalized
/// form), from which address and agent; `ip` and `userAgent` are free
/// strings (Omnisend's `WordPress` plugin sends `ip not found`).
fn omnisend_consent() -> BoxedStrategy<Value> {
    let ip = prop_oneof![
        4 => (any::<[u8; 4]>()).prop_map(|[a, b, c, d]| format!("{a}.{b}.{c}.{d}")),
        1 => Just("ip not found".to_owned()),
    ];
    object(vec![
        optional(
            "source",
            0.7,
            string(select(&["form", "popup", "checkout", "api"][..]).prop_map(str::to_owned)),
        ),
        optional("createdAt", 0.7, string(utc_date_time())),
        optional("ip", 0.6, string(ip)),
        optional(
            "userAgent",
            0.6,
            string(select(USER_AGENTS).prop_map(str::to_owned)),
        ),
    ])
    .prop_map(Value::Object)
    .boxed()
}

fn omnisend_custom_value() -> BoxedStrategy<Value> {
    prop_oneof![
        (-1_000_000i64..1_000_000).prop_map(|n| json!(n)),
        (-4000i32..4000).prop_map(|n| json!(f64::from(n) / 4.0)),
        any::<bool>().prop_map(Value::Bool),
        "[A-Za-z][A-Za-z ]{0,30}".prop_map(Value::String),
        prop::collection::vec(word(), 1..4).prop_map(|w| json!(w)),
    ]
    .boxed()
}

fn omnisend_valid() -> impl Strategy<Value = Map<String, Value>> {
    let identifiers = (
        0u8..3,
        omnisend_identifier("email"),
        omnisend_identifier("phone"),
    )
        .prop_map(|(mode, e, p)| match mode {
            0 => json!([e]),
            1 => json!([p]),
            _ => json!([e, p]),
        });
    let tags = (word(), prop::collection::vec(word(), 0..4)).prop_map(|(source, rest)| {
        let mut tags = vec![format!("source: {source}")];
        tags.extend(rest);
        json!(distinct(tags))
    });
    let custom = prop::collection::vec(
        ("[A-Za-z][A-Za-z0-9_]{0,20}", omnisend_custom_value()),
        0..5,
    )
    .prop_map(|props| Value::Object(props.into_iter().collect()));
    (
        object(vec![
            optional("identifiers", 0.8, identifiers.boxed()),
            optional("email", 0.3, string(email())),
            optional("phone", 0.3, string(phone())),
            optional("contactID", 0.1, string("[0-9a-f]{24}")),
            optional("createdAt", 0.3, string(utc_date_time())),
            optional("firstName", 0.6, string(first_name())),
            optional("lastName", 0.5, string(last_name())),
            required("tags", tags.boxed()),
            optional("countryCode", 0.5, string(country_code())),
            optional("state", 0.2, string("[A-Z]{2}")),
            optional("city", 0.3, string(last_name())),
            optional(
                "address",
                0.2,
                string("[1-9][0-9]{0,3} [A-Z][a-z]{3,10} (St|Ave|Rd)"),
            ),
            optional("postalCode", 0.3, string("[0-9]{5}")),
            optional(
                "gender",
                0.3,
                string(select(&["m", "f"][..]).prop_map(str::to_owned)),
            ),
            optional("birthdate", 0.3, string(birthdate())),
            optional("customProperties", 0.4, custom.boxed()),
            optional(
                "sendWelcomeEmail",
                0.2,
                any::<bool>().prop_map(Value::Bool).boxed(),
            ),
        ]),
        email(),
        (0u8..5, country_code()),
    )
        .prop_map(|(mut body, fallback, (country, code))| {
            omnisend_identified(&mut body, fallback);
            omnisend_country(&mut body, country, &code);
            body
        })
}

/// At least one identifier (`fallback` as shorthand `email` when there is
/// none), and no shorthand member repeating an identifier (that is an
/// `omnisend.identifiers.unique` warning).
fn omnisend_identified(body: &mut Map<String, Value>, fallback: String) {
    let ids: Vec<Value> = body
        .get("identifiers")
        .and_then(Value::as_array)
        .map(|items| items.iter().filter_map(|i| i.get("id").cloned()).collect())
        .unwrap_or_default();
    for key in ["email", "phone"] {
        if body.get(key).is_some_and(|v| ids.contains(v)) {
            body.remove(key);
        }
    }
    if !["identifiers", "email", "phone"]
        .iter()
        .any(|k| body.contains_key(*k))
    {
        body.insert("email".to_owned(), Value::String(fallback));
    }
}

/// Omnisend's `country` (a free string) by `mode`: the ISO name (0, 1) or
/// the alpha-3 code (2) of the country `countryCode` names — another
/// country would be an `omnisend.country.conflict` warning — or, without
/// `countryCode`, of `other`; none for the other modes.
fn omnisend_country(body: &mut Map<String, Value>, mode: u8, other: &str) {
    let code = body
        .get("countryCode")
        .and_then(Value::as_str)
        .unwrap_or(other);
    let Ok(code) = CountryCode::parse(code) else {
        return;
    };
    let country = match mode {
        0 | 1 => code.name(),
        2 => code.alpha3(),
        _ => return,
    };
    body.insert("country".to_owned(), json!(country));
}

// ---------------------------------------------------------------------------
// Invalid bodies
// ---------------------------------------------------------------------------

/// One targeted edit of a valid body.
#[derive(Clone, Copy)]
enum Edit {
    /// Sets a top-level member to a value made from the seed.
    Set(&'static str, fn(u64) -> Value),
    /// Sets one of the top-level members (chosen by the seed) that share
    /// a check to a value made from the rest of the seed.
    SetOneOf(&'static [&'static str], fn(u64) -> Value),
    /// Removes top-level members.
    Remove(&'static [&'static str]),
    /// Anything else.
    With(fn(&mut Map<String, Value>, u64)),
}

#[derive(Clone, Copy)]
struct Mutation {
    rule: &'static RuleInfo,
    edit: Edit,
}

impl std::fmt::Debug for Mutation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.rule.id())
    }
}

impl Mutation {
    fn apply(self, body: &mut Map<String, Value>, seed: u64) {
        match self.edit {
            Edit::Set(name, value) => {
                body.insert(name.to_owned(), value(seed));
            }
            Edit::SetOneOf(names, value) => {
                let n = names.len() as u64;
                body.insert(pick(seed, names).to_owned(), value(seed / n));
            }
            Edit::Remove(names) => {
                for name in names {
                    body.remove(*name);
                }
            }
            Edit::With(edit) => edit(body, seed),
        }
    }
}

fn set(rule: &'static RuleInfo, name: &'static str, value: fn(u64) -> Value) -> Mutation {
    Mutation {
        rule,
        edit: Edit::Set(name, value),
    }
}

fn set_one_of(
    rule: &'static RuleInfo,
    names: &'static [&'static str],
    value: fn(u64) -> Value,
) -> Mutation {
    Mutation {
        rule,
        edit: Edit::SetOneOf(names, value),
    }
}

fn remove(rule: &'static RuleInfo, names: &'static [&'static str]) -> Mutation {
    Mutation {
        rule,
        edit: Edit::Remove(names),
    }
}

fn with(rule: &'static RuleInfo, edit: fn(&mut Map<String, Value>, u64)) -> Mutation {
    Mutation {
        rule,
        edit: Edit::With(edit),
    }
}

/// One of `items`, chosen by the seed.
#[allow(clippy::cast_possible_truncation)]
fn pick<T: Copy>(seed: u64, items: &[T]) -> T {
    items[(seed % items.len() as u64) as usize]
}

fn not_a_string(seed: u64) -> Value {
    match seed % 4 {
        0 => json!(42),
        1 => json!(true),
        2 => json!(["x"]),
        _ => json!({"x": 1}),
    }
}

fn not_an_integer(seed: u64) -> Value {
    match seed % 5 {
        0 => json!(2.5),
        1 => json!("7"),
        2 => json!(true),
        3 => json!([1]),
        _ => json!({"id": 1}),
    }
}

fn not_a_boolean(seed: u64) -> Value {
    match seed % 4 {
        0 => json!("true"),
        1 => json!(1),
        2 => json!("yes"),
        _ => json!([true]),
    }
}

fn not_a_string_or_scalar(seed: u64) -> Value {
    if seed.is_multiple_of(2) {
        json!(["x"])
    } else {
        json!({"x": 1})
    }
}

fn not_an_object(seed: u64) -> Value {
    match seed % 3 {
        0 => json!("x"),
        1 => json!(7),
        _ => json!(["x"]),
    }
}

fn bad_email(seed: u64) -> Value {
    json!(pick(
        seed,
        &[
            "not-an-email",
            "jane@example",
            "Jane <jane@example.com>",
            "jane..doe@example.com",
            "jane@exa mple.com"
        ]
    ))
}

fn bad_phone(seed: u64) -> Value {
    json!(pick(
        seed,
        &[
            "+1 415 555 2671 ext. 9",
            "+44 20 7946 001A",
            "+1 415 555 2671 #1",
            "++14155552671",
            "+0123456"
        ]
    ))
}

fn unassigned_phone(seed: u64) -> Value {
    json!(pick(seed, UNASSIGNED))
}

fn bad_language(seed: u64) -> Value {
    json!(pick(seed, &["xx", "english", "e", "eng1"]))
}

fn language_tag(seed: u64) -> Value {
    json!(pick(
        seed,
        &["en-US", "pt_BR", "zh-Hant", "de-CH", "fr_FR.UTF-8"]
    ))
}

fn bad_country(seed: u64) -> Value {
    json!(pick(seed, &["UK", "XX", "ZZZ", "U"]))
}

fn bad_gender(seed: u64) -> Value {
    json!(pick(seed, &["x", "other", "unknown", "mf"]))
}

fn long_string(n: usize) -> Value {
    Value::String("x".repeat(n))
}

/// Inserts `extra` into the array `name` (creating it when absent).
fn push_item(body: &mut Map<String, Value>, name: &str, extra: Value) {
    match body.get_mut(name).and_then(Value::as_array_mut) {
        Some(items) => items.push(extra),
        None => {
            body.insert(name.to_owned(), json!([extra]));
        }
    }
}

/// Sendios mutations of a member's JSON type.
fn sendios_type_mutations() -> Vec<Mutation> {
    use rules::*;
    vec![
        // An integer is accepted (sent as its string): not one here.
        set(
            SENDIOS_CLIENT_USER_ID_TYPE,
            "client_user_id",
            |seed| match seed % 4 {
                0 => json!(42.5),
                1 => json!(true),
                2 => json!(["x"]),
                _ => json!({"x": 1}),
            },
        ),
        set(SENDIOS_NAME_TYPE, "name", not_a_string),
        set(SENDIOS_PHONE_TYPE, "phone", not_a_string),
        set(SENDIOS_EMAIL_TYPE, "email", not_a_string),
        set(SENDIOS_APP_PUSH_TOKEN_TYPE, "app_push_token", not_a_string),
        set_one_of(SENDIOS_LANGUAGE_TYPE, SENDIOS_LANGUAGES, not_a_string),
        set_one_of(SENDIOS_COUNTRY_TYPE, SENDIOS_COUNTRIES, not_a_string),
        set(SENDIOS_GENDER_TYPE, "gender", not_a_string),
        set(SENDIOS_PHOTO_TYPE, "photo", not_a_string),
        set(SENDIOS_AUTH_KEY_TYPE, "ak", not_a_string),
        set(
            SENDIOS_REGISTRATION_DATE_TYPE,
            "registration_date",
            not_a_string,
        ),
        set(SENDIOS_LIST_ID_TYPE, "list_id", not_an_integer),
        set(SENDIOS_STATUS_TYPE, "status", not_an_integer),
        set(SENDIOS_PARTNER_ID_TYPE, "partner_id", not_an_integer),
    ]
}

/// Sendios' two names of the language, and of the country (the create
/// page's and the send endpoints'), checked alike.
const SENDIOS_LANGUAGES: &[&str] = &["language", "language_id"];
const SENDIOS_COUNTRIES: &[&str] = &["country", "country_id"];

/// Sendios mutations of the language and country codes, under either
/// name, and a member under the crate's earlier name.
fn sendios_code_mutations() -> Vec<Mutation> {
    use rules::*;
    vec![
        set_one_of(SENDIOS_LANGUAGE_FORMAT, SENDIOS_LANGUAGES, bad_language),
        set_one_of(SENDIOS_LANGUAGE_LOSSY, SENDIOS_LANGUAGES, language_tag),
        set_one_of(SENDIOS_COUNTRY_FORMAT, SENDIOS_COUNTRIES, bad_country),
        set_one_of(SENDIOS_COUNTRY_ADVICE, SENDIOS_COUNTRIES, |_| json!("XK")),
        // A valid value under the earlier name: renamed (or, beside
        // Sendios' name, left as it is), a warning either way.
        with(SENDIOS_BODY_RENAMED, |b, seed| {
            let (old, value) = if seed % 2 == 0 {
                let platforms = crate::providers::sendios::PLATFORMS;
                ("platform", json!(pick(seed / 2, platforms)))
            } else {
                ("auth_key", json!(format!("key{}", seed / 2)))
            };
            b.insert(old.to_owned(), value);
        }),
    ]
}

/// Sendios mutations.
fn sendios_mutations() -> Vec<Mutation> {
    use rules::*;
    let mut mutations = sendios_type_mutations();
    mutations.extend(sendios_code_mutations());
    mutations.extend(vec![
        with(SENDIOS_CLIENT_USER_ID_REQUIRED, |b, seed| {
            if seed % 2 == 0 {
                b.remove("client_user_id");
            } else {
                b.insert("client_user_id".into(), json!("  "));
            }
        }),
        set(SENDIOS_NAME_MAX_LENGTH, "name", |seed| {
            long_string(129 + (seed % 50) as usize)
        }),
        set(SENDIOS_PHONE_FORMAT, "phone", bad_phone),
        set(SENDIOS_PHONE_INVALID_NUMBER, "phone", unassigned_phone),
        set(SENDIOS_EMAIL_FORMAT, "email", bad_email),
        set(SENDIOS_APP_PUSH_TOKEN_FORMAT, "app_push_token", |seed| {
            json!(pick(seed, &["abc", "0123456789abcdef", "short:token"]))
        }),
        set(SENDIOS_PLATFORM_ENUM, "platform_id", |seed| {
            match seed % 4 {
                0 => json!("5"),
                1 => json!(7),
                2 => json!("ios"),
                _ => json!(-1),
            }
        }),
        set(SENDIOS_GENDER_ENUM, "gender", bad_gender),
        set(SENDIOS_VIP_TYPE, "vip", |seed| match seed % 3 {
            0 => json!(2),
            1 => json!("yes"),
            _ => json!([true]),
        }),
        set(SENDIOS_AGE_TYPE, "age", |seed| {
            if seed % 2 == 0 {
                json!(30.5)
            } else {
                json!("30")
            }
        }),
        set(SENDIOS_AGE_RANGE, "age", |seed| {
            if seed % 2 == 0 { json!(151) } else { json!(-1) }
        }),
        set(SENDIOS_PHOTO_FORMAT, "photo", |seed| {
            json!(pick(
                seed,
                &["ftp://example.com/a.jpg", "not a url", "example.com/a.jpg"]
            ))
        }),
        set(SENDIOS_AUTH_KEY_MAX_LENGTH, "ak", |seed| {
            long_string(256 + (seed % 50) as usize)
        }),
        set(
            SENDIOS_REGISTRATION_DATE_FORMAT,
            "registration_date",
            |seed| {
                json!(pick(
                    seed,
                    &[
                        "2023-02-30 00:00:00",
                        "2023-04-25T12:55:38",
                        "2023-04-25",
                        "25/04/2023 12:00:00"
                    ]
                ))
            },
        ),
        set(
            SENDIOS_REGISTRATION_DATE_ADVICE,
            "registration_date",
            |seed| {
                json!(pick(
                    seed,
                    &[
                        "2023-04-25T12:55:38Z",
                        "2023-04-25T14:55:38+02:00",
                        "2023-04-25T07:25:38.5-05:30"
                    ]
                ))
            },
        ),
        set(SENDIOS_FIELDS_TYPE, "fields", |seed| {
            if seed % 2 == 0 {
                json!(["x"])
            } else {
                json!("x")
            }
        }),
        set(SENDIOS_BODY_UNKNOWN_FIELD, "nmae", |_| json!("Jane")),
    ]);
    mutations
}

/// Rocket.Chat mutations.
#[allow(clippy::too_many_lines)] // one row per rule
fn rocketchat_mutations() -> Vec<Mutation> {
    use rules::*;
    vec![
        remove(ROCKETCHAT_NAME_REQUIRED, &["name"]),
        remove(ROCKETCHAT_EMAILS_REQUIRED, &["emails"]),
        remove(ROCKETCHAT_PHONES_REQUIRED, &["phones"]),
        set(ROCKETCHAT_NAME_TYPE, "name", not_a_string_or_scalar),
        with(ROCKETCHAT_EMAILS_TYPE, |b, seed| {
            if seed % 2 == 0 {
                b.insert("emails".into(), json!("jane@example.com"));
            } else {
                push_item(b, "emails", json!({"address": "jane@example.com"}));
            }
        }),
        with(ROCKETCHAT_PHONES_TYPE, |b, seed| {
            if seed % 2 == 0 {
                b.insert("phones".into(), json!({"phoneNumber": "+14155552671"}));
            } else {
                push_item(b, "phones", json!(["+14155552671"]));
            }
        }),
        set(ROCKETCHAT_NAME_COERCED, "name", |seed| {
            if seed % 2 == 0 {
                json!(42)
            } else {
                json!(true)
            }
        }),
        with(ROCKETCHAT_EMAILS_UNIQUE, |b, _| {
            let first = b["emails"]
                .as_array()
                .and_then(|items| items.first().cloned())
                .unwrap_or_else(|| json!("jane@example.com"));
            let items = b["emails"].as_array_mut();
            if let Some(items) = items {
                if items.is_empty() {
                    items.push(first.clone());
                }
                items.push(first);
            }
        }),
        with(ROCKETCHAT_PHONES_UNIQUE, |b, _| {
            let first = b["phones"]
                .as_array()
                .and_then(|items| items.first().cloned())
                .unwrap_or_else(|| json!("+14155552671"));
            if let Some(items) = b["phones"].as_array_mut() {
                if items.is_empty() {
                    items.push(first.clone());
                }
                items.push(first);
            }
        }),
        with(ROCKETCHAT_EMAILS_FORMAT, |b, seed| {
            push_item(b, "emails", bad_email(seed));
        }),
        with(ROCKETCHAT_PHONES_FORMAT, |b, seed| {
            push_item(b, "phones", bad_phone(seed));
        }),
        with(ROCKETCHAT_PHONES_INVALID_NUMBER, |b, seed| {
            push_item(b, "phones", unassigned_phone(seed));
        }),
        with(ROCKETCHAT_EMAILS_LOSSY, |b, _| {
            // The same address with its domain in uppercase.
            let base = b["emails"]
                .as_array()
                .and_then(|items| items.first().and_then(Value::as_str).map(str::to_owned));
            let (original, variant) = match base {
                Some(e) => {
                    let (local, domain) = e.rsplit_once('@').unwrap_or((&e, "example.com"));
                    (None, format!("{local}@{}", domain.to_uppercase()))
                }
                None => (Some("jane@example.com"), "jane@EXAMPLE.com".to_owned()),
            };
            if let Some(o) = original {
                push_item(b, "emails", json!(o));
            }
            push_item(b, "emails", json!(variant));
        }),
        with(ROCKETCHAT_PHONES_LOSSY, |b, _| {
            // The same number written with spaces.
            let base = b["phones"]
                .as_array()
                .and_then(|items| items.first().and_then(Value::as_str).map(str::to_owned));
            let (original, number) = match base {
                Some(p) => (None, p),
                None => (Some("+14155552671"), "+14155552671".to_owned()),
            };
            if let Some(o) = original {
                push_item(b, "phones", json!(o));
            }
            let spaced = format!("{} {}", &number[..3], &number[3..]);
            push_item(b, "phones", json!(spaced));
        }),
        set(
            ROCKETCHAT_CUSTOM_FIELDS_TYPE,
            "customFields",
            |seed| match seed % 3 {
                0 => json!("x"),
                1 => json!(1),
                _ => json!(["x"]),
            },
        ),
        set(
            ROCKETCHAT_CUSTOM_FIELDS_COERCED,
            "customFields",
            |seed| match seed % 3 {
                0 => json!(""),
                1 => json!(0),
                _ => json!(false),
            },
        ),
        set(
            ROCKETCHAT_CONTACT_MANAGER_TYPE,
            "contactManager",
            not_a_string_or_scalar,
        ),
        set(
            ROCKETCHAT_CONTACT_MANAGER_COERCED,
            "contactManager",
            |seed| {
                if seed.is_multiple_of(2) {
                    json!(3)
                } else {
                    json!(true)
                }
            },
        ),
        with(ROCKETCHAT_BODY_UNKNOWN_FIELD, |b, seed| {
            let name = pick(seed, &["customFileds", "email", "phone", "username"]);
            b.insert(name.into(), json!({}));
        }),
    ]
}

/// `SuprSend` channels: key, type rule, `max_items` rule, a valid item.
fn suprsend_channels() -> [(&'static str, &'static RuleInfo, &'static RuleInfo, Value); 10] {
    use rules::*;
    [
        (
            "$email",
            SUPRSEND_EMAIL_TYPE,
            SUPRSEND_EMAIL_MAX_ITEMS,
            json!("jane@example.com"),
        ),
        (
            "$sms",
            SUPRSEND_SMS_TYPE,
            SUPRSEND_SMS_MAX_ITEMS,
            json!("+14155552671"),
        ),
        (
            "$whatsapp",
            SUPRSEND_WHATSAPP_TYPE,
            SUPRSEND_WHATSAPP_MAX_ITEMS,
            json!("+4915123456789"),
        ),
        (
            "$inbox",
            SUPRSEND_INBOX_TYPE,
            SUPRSEND_INBOX_MAX_ITEMS,
            json!("inbox123456"),
        ),
        (
            "$webpush",
            SUPRSEND_WEBPUSH_TYPE,
            SUPRSEND_WEBPUSH_MAX_ITEMS,
            json!({"endpoint": "https://fcm.googleapis.com/fcm/send/abc", "keys": {"p256dh": "BNc", "auth": "tB"}}),
        ),
        (
            "$androidpush",
            SUPRSEND_ANDROIDPUSH_TYPE,
            SUPRSEND_ANDROIDPUSH_MAX_ITEMS,
            json!({"token": "t1", "provider": "fcm"}),
        ),
        (
            "$iospush",
            SUPRSEND_IOSPUSH_TYPE,
            SUPRSEND_IOSPUSH_MAX_ITEMS,
            json!({"token": "t1", "provider": "apns"}),
        ),
        (
            "$slack",
            SUPRSEND_SLACK_TYPE,
            SUPRSEND_SLACK_MAX_ITEMS,
            json!("U01ABCDE2F3"),
        ),
        (
            "$ms_teams",
            SUPRSEND_MS_TEAMS_TYPE,
            SUPRSEND_MS_TEAMS_MAX_ITEMS,
            json!({"tenant_id": "t", "conversation_id": "19:c@thread.tacv2"}),
        ),
        (
            "$messenger",
            SUPRSEND_MESSENGER_TYPE,
            SUPRSEND_MESSENGER_MAX_ITEMS,
            json!("psid1234567890"),
        ),
    ]
}

/// Sets channel `index` of [`suprsend_channels`] to a value of the wrong
/// type, or to too many items.
fn suprsend_channel_edit(b: &mut Map<String, Value>, index: usize, seed: u64, too_many: bool) {
    let (key, _, _, item) = &suprsend_channels()[index];
    let value = if too_many {
        Value::Array(vec![item.clone(); 11 + (seed % 5) as usize])
    } else {
        match seed % 4 {
            0 => json!(""),
            1 => Value::Null,
            2 => json!([42]),
            _ => json!(["  "]),
        }
    };
    b.insert((*key).to_owned(), value);
}

/// `SuprSend` mutations.
#[allow(clippy::too_many_lines)] // one row per rule
fn suprsend_mutations() -> Vec<Mutation> {
    use rules::*;
    macro_rules! channel {
        ($i:literal) => {
            [
                with(suprsend_channels()[$i].1, |b, seed| {
                    suprsend_channel_edit(b, $i, seed, false)
                }),
                with(suprsend_channels()[$i].2, |b, seed| {
                    suprsend_channel_edit(b, $i, seed, true)
                }),
            ]
        };
    }
    let mut out: Vec<Mutation> = [
        channel!(0),
        channel!(1),
        channel!(2),
        channel!(3),
        channel!(4),
        channel!(5),
        channel!(6),
        channel!(7),
        channel!(8),
        channel!(9),
    ]
    .concat();
    out.extend([
        with(SUPRSEND_EMAIL_FORMAT, |b, seed| {
            push_item(b, "$email", bad_email(seed));
        }),
        with(SUPRSEND_SMS_FORMAT, |b, seed| {
            push_item(b, "$sms", bad_phone(seed));
        }),
        with(SUPRSEND_WHATSAPP_FORMAT, |b, seed| {
            push_item(b, "$whatsapp", bad_phone(seed));
        }),
        with(SUPRSEND_SMS_INVALID_NUMBER, |b, seed| {
            push_item(b, "$sms", unassigned_phone(seed));
        }),
        with(SUPRSEND_WHATSAPP_INVALID_NUMBER, |b, seed| {
            push_item(b, "$whatsapp", unassigned_phone(seed));
        }),
        with(SUPRSEND_ANDROIDPUSH_PROVIDER_ENUM, |b, seed| {
            let provider = pick(seed, &["apns", "huawei", "gcm"]);
            push_item(
                b,
                "$androidpush",
                json!({"token": "t1", "provider": provider}),
            );
        }),
        with(SUPRSEND_IOSPUSH_PROVIDER_ENUM, |b, seed| {
            let provider = pick(seed, &["fcm", "voip", "xiaomi"]);
            push_item(b, "$iospush", json!({"token": "t1", "provider": provider}));
        }),
        with(SUPRSEND_SLACK_FORMAT, |b, seed| {
            let item = match seed % 3 {
                0 => json!({"access_token": "xoxb-1"}),
                1 => json!({"email": "not-an-email"}),
                _ => json!({"incoming_webhook": {"url": "hooks slack"}}),
            };
            push_item(b, "$slack", item);
        }),
        with(SUPRSEND_SLACK_ADVICE, |b, seed| {
            let item = match seed % 4 {
                0 => json!("X01ABC"),
                1 => json!({"channel_id": "G01ABC", "access_token": "xoxb-1"}),
                2 => json!({"channel_id": "C01ABC", "access_token": "token"}),
                _ => json!({"incoming_webhook": {"url": "https://example.com/hook"}}),
            };
            push_item(b, "$slack", item);
        }),
        with(SUPRSEND_MS_TEAMS_FORMAT, |b, seed| {
            let item = match seed % 3 {
                0 => json!({"tenant_id": "t"}),
                1 => json!({"conversation_id": "c", "service_url": "smba host"}),
                _ => json!({"incoming_webhook": {"url": "example.com/hook"}}),
            };
            push_item(b, "$ms_teams", item);
        }),
        with(SUPRSEND_MS_TEAMS_ADVICE, |b, _| {
            let item = json!({"conversation_id": "c", "service_url": "https://example.com/"});
            push_item(b, "$ms_teams", item);
        }),
        with(SUPRSEND_ANDROIDPUSH_PROVIDER_REQUIRED, |b, seed| {
            let item = if seed % 2 == 0 {
                json!({"token": "t1"})
            } else {
                json!({"token": "t1", "provider": null})
            };
            push_item(b, "$androidpush", item);
        }),
        with(SUPRSEND_IOSPUSH_PROVIDER_REQUIRED, |b, seed| {
            let item = if seed % 2 == 0 {
                json!({"token": "t1"})
            } else {
                json!({"token": "t1", "device_id": "d1"})
            };
            push_item(b, "$iospush", item);
        }),
        with(SUPRSEND_ANDROIDPUSH_UNKNOWN_FIELD, |b, seed| {
            let member = pick(seed, &["vendor", "Device_id", "app_id"]);
            let mut item = json!({"token": "t1", "provider": "fcm"});
            item[member] = json!("x");
            push_item(b, "$androidpush", item);
        }),
        with(SUPRSEND_IOSPUSH_UNKNOWN_FIELD, |b, seed| {
            let member = pick(seed, &["voip", "bundleId", "topic"]);
            let mut item = json!({"token": "t1", "provider": "apns"});
            item[member] = json!("x");
            push_item(b, "$iospush", item);
        }),
        with(SUPRSEND_SLACK_UNKNOWN_FIELD, |b, seed| {
            let member = pick(seed, &["scope", "channelId", "bot_token"]);
            let mut item = json!({"user_id": "U01ABC", "access_token": "xoxb-1"});
            item[member] = json!("x");
            push_item(b, "$slack", item);
        }),
        with(SUPRSEND_MS_TEAMS_UNKNOWN_FIELD, |b, seed| {
            let member = pick(seed, &["teamId", "channel_id", "serviceUrl"]);
            let mut item = json!({"tenant_id": "t", "conversation_id": "19:c"});
            item[member] = json!("x");
            push_item(b, "$ms_teams", item);
        }),
        with(SUPRSEND_WEBPUSH_FORMAT, |b, seed| {
            let item = match seed % 3 {
                0 => json!("webpush_token_abc123"),
                1 => json!({"endpoint": "https://push.example.com/x"}),
                _ => json!({"endpoint": "https://push.example.com/x", "keys": {"p256dh": "BNc"}}),
            };
            push_item(b, "$webpush", item);
        }),
        set(SUPRSEND_LOCALE_TYPE, "$locale", |seed| {
            if seed % 2 == 0 {
                json!(5)
            } else {
                json!(["en"])
            }
        }),
        set(SUPRSEND_LOCALE_FORMAT, "$locale", |seed| {
            json!(pick(seed, &["English", "e", "en-", "en GB"]))
        }),
        set(SUPRSEND_CHANNELS_TYPE, "$channels", |seed| {
            if seed % 2 == 0 {
                json!("email")
            } else {
                json!([1])
            }
        }),
        set(SUPRSEND_CHANNELS_ENUM, "$channels", |seed| {
            json!([pick(seed, &["fax", "Email", "push"])])
        }),
        set(SUPRSEND_TIMEZONE_TYPE, "$timezone", |seed| {
            if seed % 2 == 0 {
                json!(5)
            } else {
                json!(["UTC"])
            }
        }),
        set(
            SUPRSEND_PREFERRED_LANGUAGE_TYPE,
            "$preferred_language",
            |seed| {
                if seed % 2 == 0 {
                    json!(1)
                } else {
                    json!({"code": "en"})
                }
            },
        ),
        set(SUPRSEND_TIMEZONE_FORMAT, "$timezone", |seed| {
            json!(pick(seed, &["PST", "+05:00", "Z", "Mars/Olympus"]))
        }),
        set(
            SUPRSEND_PREFERRED_LANGUAGE_FORMAT,
            "$preferred_language",
            bad_language,
        ),
        set(
            SUPRSEND_PREFERRED_LANGUAGE_LOSSY,
            "$preferred_language",
            language_tag,
        ),
        with(SUPRSEND_PROPERTIES_RESERVED_KEY, |b, seed| {
            let key = pick(seed, &["$emial", "$time_zone", "ss_plan", "$name"]);
            b.insert(key.into(), json!("x"));
        }),
        with(SUPRSEND_PROPERTIES_REQUIRED, |b, seed| {
            let key = pick(seed, &["", "  "]);
            b.insert(key.into(), json!("x"));
        }),
        with(SUPRSEND_PROPERTIES_ADVICE, |b, seed| {
            let key = pick(seed, &["email", "sms", "whatsapp", "slack"]);
            b.insert(key.into(), json!("x"));
        }),
        with(SUPRSEND_BODY_MAX_LENGTH, |b, seed| {
            b.insert("notes".into(), long_string(10_300 + (seed % 1000) as usize));
        }),
    ]);
    out
}

/// raia mutations (create).
fn raia_mutations() -> Vec<Mutation> {
    use rules::*;
    vec![
        with(RAIA_FIRST_NAME_REQUIRED, |b, seed| {
            if seed % 2 == 0 {
                b.remove("firstName");
            } else {
                b.insert("firstName".into(), Value::Null);
            }
        }),
        with(RAIA_LAST_NAME_REQUIRED, |b, seed| {
            if seed % 2 == 0 {
                b.remove("lastName");
            } else {
                b.insert("lastName".into(), Value::Null);
            }
        }),
        set(RAIA_FIRST_NAME_ADVICE, "firstName", |_| json!("")),
        set(RAIA_LAST_NAME_ADVICE, "lastName", |_| json!("  ")),
        set(RAIA_FK_ID_ADVICE, "fkId", |seed| {
            json!(pick(seed, &["", " ", "\t"]))
        }),
        remove(RAIA_BODY_REQUIRED, &["email", "phoneNumber", "fkId"]),
        with(RAIA_EMAIL_FORMAT, |b, seed| {
            b.insert("email".into(), bad_email(seed));
            b.remove("skipEmailValidation");
        }),
        with(RAIA_EMAIL_ADVICE, |b, seed| {
            b.insert("email".into(), bad_email(seed));
            b.insert("skipEmailValidation".into(), json!(true));
        }),
        with(RAIA_PHONE_NUMBER_FORMAT, |b, seed| {
            b.insert("phoneNumber".into(), bad_phone(seed));
            b.remove("skipPhoneNumberValidation");
        }),
        with(RAIA_PHONE_NUMBER_ADVICE, |b, seed| {
            b.insert("phoneNumber".into(), bad_phone(seed));
            b.insert("skipPhoneNumberValidation".into(), json!(true));
        }),
        set(
            RAIA_PHONE_NUMBER_INVALID_NUMBER,
            "phoneNumber",
            unassigned_phone,
        ),
        set(RAIA_FIRST_NAME_TYPE, "firstName", not_a_string),
        set(RAIA_LAST_NAME_TYPE, "lastName", not_a_string),
        set(RAIA_EMAIL_TYPE, "email", not_a_string),
        set(RAIA_PHONE_NUMBER_TYPE, "phoneNumber", not_a_string),
        set(RAIA_CONTEXT_TYPE, "context", not_a_string),
        set(RAIA_SOURCE_TYPE, "source", not_a_string),
        set(RAIA_FK_ID_TYPE, "fkId", not_a_string),
        set(RAIA_FK_USER_ID_TYPE, "fkUserId", not_a_string),
        set(
            RAIA_SKIP_EMAIL_VALIDATION_TYPE,
            "skipEmailValidation",
            |seed| {
                if seed % 2 == 0 {
                    json!("true")
                } else {
                    json!(1)
                }
            },
        ),
        set(
            RAIA_SKIP_PHONE_NUMBER_VALIDATION_TYPE,
            "skipPhoneNumberValidation",
            |seed| {
                if seed % 2 == 0 {
                    json!("false")
                } else {
                    json!(0)
                }
            },
        ),
        set(RAIA_CUSTOM_DATA_TYPE, "customData", not_an_object),
        with(RAIA_METADATA_UNKNOWN_FIELD, |b, _| {
            if b.contains_key("customData") {
                b.insert("metadata".into(), json!({"note": "x"}));
            } else {
                b.insert("metadata".into(), json!({"customData": {"plan": "pro"}}));
            }
        }),
        with(RAIA_BODY_UNKNOWN_FIELD, |b, seed| {
            let name = pick(seed, &["phone", "emial", "first_name", "tags"]);
            b.insert(name.into(), json!("x"));
        }),
    ]
}

/// Omnisend mutations of the identifiers.
fn omnisend_identifier_mutations() -> Vec<Mutation> {
    use rules::*;
    vec![
        with(OMNISEND_IDENTIFIERS_TYPE, |b, seed| {
            let value = match seed % 3 {
                0 => json!("jane@example.com"),
                1 => json!({"type": "email", "id": "jane@example.com"}),
                _ => json!(["jane@example.com"]),
            };
            b.insert("identifiers".into(), value);
            // Still one identifier, or `omnisend.body.required` fires too.
            if !b.contains_key("email") && !b.contains_key("phone") {
                b.insert("email".into(), json!("shorthand@example.com"));
            }
        }),
        with(OMNISEND_IDENTIFIERS_TYPE_ENUM, |b, seed| {
            let item = if seed % 2 == 0 {
                json!({"type": "fax", "id": "jane@example.com"})
            } else {
                json!({"id": "jane@example.com"})
            };
            push_item(b, "identifiers", item);
        }),
        with(OMNISEND_IDENTIFIERS_ID_REQUIRED, |b, seed| {
            let kind = pick(seed, &["email", "phone"]);
            push_item(b, "identifiers", json!({"type": kind}));
        }),
        with(OMNISEND_IDENTIFIERS_ID_FORMAT, |b, seed| {
            let item = if seed % 2 == 0 {
                json!({"type": "email", "id": bad_email(seed / 2)})
            } else {
                json!({"type": "phone", "id": bad_phone(seed / 2)})
            };
            push_item(b, "identifiers", item);
        }),
        with(OMNISEND_IDENTIFIERS_ID_INVALID_NUMBER, |b, seed| {
            push_item(
                b,
                "identifiers",
                json!({"type": "phone", "id": unassigned_phone(seed)}),
            );
        }),
        with(OMNISEND_IDENTIFIERS_ID_TYPE, |b, seed| {
            push_item(
                b,
                "identifiers",
                json!({"type": "email", "id": not_a_string(seed)}),
            );
        }),
        with(OMNISEND_IDENTIFIERS_SOURCE_TYPE, |b, seed| {
            push_item(
                b,
                "identifiers",
                json!({"type": "email", "id": "source-type@example.com", "source": not_a_string(seed)}),
            );
        }),
        with(OMNISEND_IDENTIFIERS_UNIQUE, |b, _| {
            let first = b
                .get("identifiers")
                .and_then(Value::as_array)
                .and_then(|items| items.first().cloned());
            if let Some(item) = first {
                push_item(b, "identifiers", item);
            } else {
                let item = json!({"type": "email", "id": "twice@example.com"});
                push_item(b, "identifiers", item.clone());
                push_item(b, "identifiers", item);
            }
        }),
        with(OMNISEND_IDENTIFIERS_SEND_WELCOME_EMAIL_TYPE, |b, seed| {
            let flag = if seed % 2 == 0 {
                json!("yes")
            } else {
                json!(1)
            };
            push_item(
                b,
                "identifiers",
                json!({"type": "email", "id": "welcome@example.com", "sendWelcomeEmail": flag}),
            );
        }),
        with(OMNISEND_IDENTIFIERS_SEND_WELCOME_MESSAGE_TYPE, |b, seed| {
            push_item(
                b,
                "identifiers",
                json!({"type": "email", "id": "welcome-message@example.com", "sendWelcomeMessage": not_a_boolean(seed)}),
            );
        }),
    ]
}

/// Omnisend mutations of an identifier's `channels`.
fn omnisend_channel_mutations() -> Vec<Mutation> {
    use rules::*;
    vec![
        with(OMNISEND_IDENTIFIERS_CHANNELS_ENUM, |b, seed| {
            let item = if seed % 2 == 0 {
                json!({"type": "email", "id": "channels@example.com", "channels": {"sms": {"status": "subscribed"}}})
            } else {
                json!({"type": "phone", "id": "+14155552671", "channels": {"email": {"status": "subscribed"}}})
            };
            push_item(b, "identifiers", item);
        }),
        with(OMNISEND_IDENTIFIERS_CHANNELS_STATUS_ENUM, |b, seed| {
            let status = pick(seed, &["active", "Subscribed", "opted_in"]);
            push_item(
                b,
                "identifiers",
                json!({"type": "email", "id": "status@example.com", "channels": {"email": {"status": status}}}),
            );
        }),
        with(
            OMNISEND_IDENTIFIERS_CHANNELS_STATUS_DATE_FORMAT,
            |b, seed| {
                let date = pick(
                    seed,
                    &["2023-02-30T00:00:00Z", "2023-04-25T12:55:38", "yesterday"],
                );
                push_item(
                    b,
                    "identifiers",
                    json!({"type": "email", "id": "date@example.com", "channels": {"email": {"status": "subscribed", "statusDate": date}}}),
                );
            },
        ),
    ]
}

/// Omnisend mutations of an identifier's `consent`: not an object, a
/// member that is not a string, a `createdAt` that is not a date-time.
fn omnisend_consent_mutations() -> Vec<Mutation> {
    use rules::*;
    vec![
        with(OMNISEND_IDENTIFIERS_CONSENT_TYPE, |b, seed| {
            let consent = match seed % 4 {
                0 => not_an_object(seed / 4),
                1 => json!({"source": not_a_string(seed / 4)}),
                2 => json!({"ip": not_a_string(seed / 4)}),
                _ => json!({"userAgent": not_a_string(seed / 4)}),
            };
            push_item(
                b,
                "identifiers",
                json!({"type": "email", "id": "consent@example.com", "consent": consent}),
            );
        }),
        with(OMNISEND_IDENTIFIERS_CONSENT_CREATED_AT_FORMAT, |b, seed| {
            let date = match seed % 4 {
                0 => json!("2023-02-30T00:00:00Z"),
                1 => json!("2023-04-25T12:55:38"),
                2 => json!("yesterday"),
                _ => json!(1_682_427_338),
            };
            push_item(
                b,
                "identifiers",
                json!({"type": "email", "id": "consent-date@example.com", "consent": {"source": "form", "createdAt": date}}),
            );
        }),
    ]
}

/// Omnisend mutations of `customProperties`.
fn omnisend_custom_property_mutations() -> Vec<Mutation> {
    use rules::*;
    vec![
        set(
            OMNISEND_CUSTOM_PROPERTIES_TYPE,
            "customProperties",
            |seed| {
                if seed % 2 == 0 {
                    json!(["x"])
                } else {
                    json!("x")
                }
            },
        ),
        with(OMNISEND_CUSTOM_PROPERTIES_NAME_FORMAT, |b, seed| {
            let name = match seed % 3 {
                0 => "hair color".to_owned(),
                1 => "größe".to_owned(),
                _ => "x".repeat(129),
            };
            custom_property(b, name, json!("x"));
        }),
        with(OMNISEND_CUSTOM_PROPERTIES_VALUE_TYPE, |b, seed| {
            let value = match seed % 3 {
                0 => json!({"a": 1}),
                1 => json!([1, 2]),
                _ => json!([["a"]]),
            };
            custom_property(b, "bad_value".to_owned(), value);
        }),
        with(OMNISEND_CUSTOM_PROPERTIES_VALUE_MAX_LENGTH, |b, seed| {
            custom_property(
                b,
                "long".to_owned(),
                long_string(2049 + (seed % 100) as usize),
            );
        }),
        with(OMNISEND_CUSTOM_PROPERTIES_VALUE_LOSSY, |b, seed| {
            let value = pick(seed, &[1.123_456_7, -0.000_000_5, 12.345_678_9]);
            custom_property(b, "precise".to_owned(), json!(value));
        }),
        with(OMNISEND_CUSTOM_PROPERTIES_VALUE_FORMAT, |b, seed| {
            let value = pick(
                seed,
                &["2018-02-30", "2018-02-30 14:23", "2018-13-01 10:00:00"],
            );
            custom_property(b, "when".to_owned(), json!(value));
        }),
        with(OMNISEND_CUSTOM_PROPERTIES_MAX_ITEMS, |b, seed| {
            // More than the 200 documented, however many the body had.
            let n = crate::providers::omnisend::MAX_PROPERTIES + 1 + (seed % 10) as usize;
            for i in 0..n {
                custom_property(b, format!("extra_{i}"), json!(i));
            }
        }),
    ]
}

/// Omnisend mutations.
fn omnisend_mutations() -> Vec<Mutation> {
    use rules::*;
    let mut mutations = omnisend_identifier_mutations();
    mutations.extend(omnisend_channel_mutations());
    mutations.extend(omnisend_consent_mutations());
    mutations.extend(omnisend_custom_property_mutations());
    mutations.extend([
        remove(OMNISEND_BODY_REQUIRED, &["identifiers", "email", "phone"]),
        set(OMNISEND_EMAIL_FORMAT, "email", bad_email),
        set(OMNISEND_PHONE_FORMAT, "phone", bad_phone),
        set(OMNISEND_EMAIL_TYPE, "email", not_a_string),
        set(OMNISEND_PHONE_TYPE, "phone", not_a_string),
        set(OMNISEND_CREATED_AT_FORMAT, "createdAt", |seed| {
            json!(pick(
                seed,
                &[
                    "2023-02-30T00:00:00Z",
                    "2023-04-25",
                    "2023-04-25T12:55:38",
                    "now"
                ]
            ))
        }),
        set(OMNISEND_CREATED_AT_TYPE, "createdAt", not_a_string),
        set(OMNISEND_CONTACT_ID_TYPE, "contactID", not_a_string),
        set(OMNISEND_FIRST_NAME_TYPE, "firstName", not_a_string),
        set(OMNISEND_LAST_NAME_TYPE, "lastName", not_a_string),
        set(OMNISEND_COUNTRY_TYPE, "country", not_a_string),
        set(OMNISEND_COUNTRY_CODE_TYPE, "countryCode", not_a_string),
        set(OMNISEND_STATE_TYPE, "state", not_a_string),
        set(OMNISEND_CITY_TYPE, "city", not_a_string),
        set(OMNISEND_ADDRESS_TYPE, "address", not_a_string),
        set(OMNISEND_POSTAL_CODE_TYPE, "postalCode", not_a_string),
        set(OMNISEND_GENDER_TYPE, "gender", not_a_string),
        set(OMNISEND_BIRTHDATE_TYPE, "birthdate", not_a_string),
        with(OMNISEND_TAGS_TYPE, |b, seed| match seed % 3 {
            0 => {
                b.insert("tags".into(), json!("source: api"));
            }
            1 => push_item(b, "tags", json!("")),
            _ => push_item(b, "tags", json!(7)),
        }),
        with(OMNISEND_TAGS_MAX_ITEMS, |b, seed| {
            let n = 101 + (seed % 20) as usize;
            let mut tags = vec![json!("source: api")];
            tags.extend((1..n).map(|i| json!(format!("tag{i}"))));
            b.insert("tags".into(), Value::Array(tags));
        }),
        with(OMNISEND_TAGS_UNIQUE, |b, _| {
            let first = b["tags"].as_array().and_then(|t| t.first().cloned());
            if let Some(tag) = first {
                push_item(b, "tags", tag);
            }
        }),
        with(OMNISEND_TAGS_ADVICE, |b, seed| {
            if seed % 2 == 0 {
                b.remove("tags");
            } else {
                b.insert("tags".into(), json!(["vip", "newsletter"]));
            }
        }),
        set(OMNISEND_COUNTRY_CODE_FORMAT, "countryCode", bad_country),
        set(OMNISEND_COUNTRY_CODE_ADVICE, "countryCode", |_| json!("XK")),
        with(OMNISEND_COUNTRY_CONFLICT, |b, seed| {
            let (code, other) = pick(seed, &[("US", "DE"), ("LT", "Latvia"), ("GB", "FRA")]);
            b.insert("countryCode".into(), json!(code));
            b.insert("country".into(), json!(other));
        }),
        set(OMNISEND_GENDER_ENUM, "gender", bad_gender),
        set(OMNISEND_BIRTHDATE_FORMAT, "birthdate", |seed| {
            json!(pick(
                seed,
                &["1990-02-30", "1990-2-3", "03/14/1990", "1990-13-01"]
            ))
        }),
        set(OMNISEND_BIRTHDATE_ADVICE, "birthdate", |seed| {
            json!(pick(seed, &["2999-01-01", "3000-12-31", "9999-06-15"]))
        }),
        with(OMNISEND_BODY_UNKNOWN_FIELD, |b, seed| {
            let name = pick(seed, &["firstNmae", "phoneNumber", "emails", "zip"]);
            b.insert(name.into(), json!("x"));
        }),
        set(
            OMNISEND_SEND_WELCOME_EMAIL_TYPE,
            "sendWelcomeEmail",
            not_a_boolean,
        ),
    ]);
    mutations
}

/// Adds a custom property (creating `customProperties` when absent).
fn custom_property(b: &mut Map<String, Value>, name: String, value: Value) {
    if let Some(props) = b.get_mut("customProperties").and_then(Value::as_object_mut) {
        props.insert(name, value);
    } else {
        let mut props = Map::new();
        props.insert(name, value);
        b.insert("customProperties".into(), Value::Object(props));
    }
}

fn mutations(provider: Provider) -> &'static [Mutation] {
    static ALL: OnceLock<[Vec<Mutation>; 5]> = OnceLock::new();
    let all = ALL.get_or_init(|| {
        [
            omnisend_mutations(),
            sendios_mutations(),
            rocketchat_mutations(),
            suprsend_mutations(),
            raia_mutations(),
        ]
        .map(|mut list| {
            // Without the numbering plans no number is known to be
            // unassigned: the `*.invalid_number` warnings never come.
            if !cfg!(feature = "phone") {
                list.retain(|m| !m.rule.id().ends_with(".invalid_number"));
            }
            list
        })
    });
    match provider {
        Provider::Omnisend => &all[0],
        Provider::Sendios => &all[1],
        Provider::RocketChat => &all[2],
        Provider::Suprsend => &all[3],
        Provider::Raia => &all[4],
    }
}

/// Bodies that break exactly one rule of `provider`, paired with that
/// rule's id: a [`valid_body`] with one targeted mutation (a wrong type, a
/// bad format, a missing required member, too many items, an unknown or
/// reserved member, …).
///
/// Validated with a new [`Validator`](crate::Validator) for `provider` and
/// default [`Options`](crate::Options), the report's violations all have
/// the paired rule id (there is at least one); the report is invalid when
/// the rule's severity is an error, valid when it is a warning. Every
/// mutation is equally likely; [`invalid_rules`] lists the rules covered.
pub fn invalid_body(provider: Provider) -> impl Strategy<Value = (Value, &'static str)> {
    (
        valid_object(provider),
        select(mutations(provider)),
        any::<u64>(),
    )
        .prop_map(|(mut body, mutation, seed)| {
            mutation.apply(&mut body, seed);
            (Value::Object(body), mutation.rule.id())
        })
}

/// The rule ids [`invalid_body`]`(provider)` generates, each once, in
/// catalog order.
///
/// ```
/// use omnicontact::Provider;
/// use omnicontact::strategies::invalid_rules;
///
/// assert!(invalid_rules(Provider::Omnisend).contains(&"omnisend.tags.max_items"));
/// ```
pub fn invalid_rules(provider: Provider) -> Vec<&'static str> {
    let ids: Vec<&'static str> = mutations(provider).iter().map(|m| m.rule.id()).collect();
    rules::catalog()
        .iter()
        .map(|r| r.id())
        .filter(|id| ids.contains(id))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::values::Email;

    #[test]
    fn value_tables_are_complete() {
        assert_eq!(alpha2_codes().len(), 249);
        assert_eq!(alpha3_codes().len(), 249);
        let known = cfg!(feature = "phone");
        let wrong: Vec<&str> = ASSIGNED
            .iter()
            .copied()
            .filter(|n| {
                !Phone::parse(n).is_ok_and(|p| p.is_assigned() == known && p.as_str() == *n)
            })
            .collect();
        assert!(wrong.is_empty(), "{wrong:?}");
        for number in UNASSIGNED {
            assert!(
                !Phone::parse(number).expect(number).is_assigned(),
                "{number}"
            );
        }
        #[cfg(feature = "tz")]
        for zone in ZONE_SAMPLE {
            assert!(
                chrono_tz::TZ_VARIANTS.iter().any(|tz| tz.name() == *zone),
                "{zone}"
            );
        }
        let zones: Vec<&str> = zone_names().collect();
        assert!(zones.len() > 40, "{}", zones.len());
        for zone in zones {
            assert_eq!(
                TimeZone::parse(zone).map(|tz| tz.to_string()).as_deref(),
                Ok(zone)
            );
        }
        assert!(Email::parse("jane@example.com").is_ok());
    }

    #[test]
    fn every_rule_id_is_in_the_catalog() {
        for &provider in Provider::ALL {
            for m in mutations(provider) {
                assert!(rules::lookup(m.rule.id()).is_some());
                assert_eq!(m.rule.provider(), provider.as_str());
            }
        }
    }
}
