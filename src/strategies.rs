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
//!
//!   Bodies are drawn from the provider's member rows, the tables its
//!   validator walks: each row's value comes from the strategy its kind
//!   and format name (an email row from [`email`], a country row from
//!   [`country_code`], …), so a member added to a table is generated
//!   without a change here. What a row cannot say (members that must
//!   agree, values a function checks) is written beside, per provider.
//! - [`invalid_body`]`(provider)` takes such a body and applies one
//!   targeted mutation (a wrong type, a bad format, a missing required
//!   member, too many items, an unknown member, …; those a row says are
//!   derived from it, under the rule it names). Its report has
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

// The hand-written mutations name one rule constant per row.
#![allow(clippy::wildcard_imports)]

use std::rc::Rc;
use std::sync::OnceLock;

use chrono::DateTime;
use proptest::prelude::*;
use proptest::sample::select;
use proptest::strategy::{Strategy, Union, ValueTree};
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
use serde_json::{Map, Value, json};

use crate::Provider;
use crate::engine::read::IdType;
use crate::engine::{ArraySpec, Format, Kind, Member, ObjectSpec, To};
use crate::providers::{omnisend, sendios, suprsend};
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

/// Free text as people write it: names in many scripts, plain words.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![first_name(), last_name(), full_name(), word()]
}

fn string(s: impl Strategy<Value = String> + 'static) -> BoxedStrategy<Value> {
    s.prop_map(Value::String).boxed()
}

/// `value` always, or half the time.
fn maybe<T: std::fmt::Debug + 'static>(
    always: bool,
    value: impl Strategy<Value = T> + 'static,
) -> BoxedStrategy<Option<T>> {
    if always {
        value.prop_map(Some).boxed()
    } else {
        prop::option::of(value).boxed()
    }
}

/// An object of the given members, each present with its probability.
fn object(members: &[(&'static str, f64, BoxedStrategy<Value>)]) -> BoxedStrategy<Value> {
    let members: Vec<_> = members
        .iter()
        .map(|&(name, p, ref value)| {
            prop::option::weighted(p, value.clone().prop_map(move |v| (name, v)))
        })
        .collect();
    members
        .prop_map(|members| {
            Value::Object(
                members
                    .into_iter()
                    .flatten()
                    .map(|(k, v)| (k.to_owned(), v))
                    .collect(),
            )
        })
        .boxed()
}

/// Distinct items (first occurrence kept).
fn distinct<T: PartialEq>(items: Vec<T>) -> Vec<T> {
    let mut out: Vec<T> = Vec::with_capacity(items.len());
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
    let plan = plan(provider);
    (body(plan, &[]), any::<u64>()).prop_map(move |(clean, seed)| {
        let mut draw = Draw::new(seed);
        let mut written = clean.clone();
        mess_object(provider.spec().body, &mut written, &mut draw);
        (plan.mess)(&mut written, &mut draw);
        (Value::Object(written), Value::Object(clean))
    })
}

/// Values drawn inside one value of a strategy (what one draw decides
/// together: the messy forms of a clean body, the members a mutation
/// adds), from a seed.
struct Draw(TestRunner);

impl Draw {
    fn new(seed: u64) -> Self {
        let mut bytes = [0u8; 32];
        bytes[..8].copy_from_slice(&seed.to_le_bytes());
        Draw(TestRunner::new_with_rng(
            Config::default(),
            TestRng::from_seed(RngAlgorithm::ChaCha, &bytes),
        ))
    }

    fn seed(&mut self) -> u64 {
        self.0.rng().next_u64()
    }

    fn value<S: Strategy>(&mut self, strategy: &S) -> Option<S::Value> {
        strategy
            .new_tree(&mut self.0)
            .ok()
            .map(|tree| tree.current())
    }
}

/// `email` (normalized) written with a mixed-case domain and whitespace.
fn messy_email_of(email: &str, draw: &mut Draw) -> String {
    let (before, after, mask) = draw
        .value(&(padding(), padding(), any::<u64>()))
        .unwrap_or(("", "", 0));
    let (local, domain) = email.rsplit_once('@').unwrap_or((email, ""));
    format!("{before}{local}@{}{after}", mixed_case(domain, mask))
}

/// `e164` written with separators and whitespace.
fn messy_phone_of(e164: &str, draw: &mut Draw) -> String {
    let (pad, mask) = draw.value(&(padding(), any::<u64>())).unwrap_or(("", 0));
    format!("{pad}{}{pad}", with_separators(e164, mask))
}

/// Rewrites, in place, the values of `object` whose rows normalize them
/// (emails, phone numbers, country and language codes) the way people
/// write them.
fn mess_object(spec: &ObjectSpec, object: &mut Map<String, Value>, draw: &mut Draw) {
    let tag = tag_of(spec, object);
    for member in spec.members {
        if let (Some(kind), Some(value)) =
            (kind_of(member, tag.as_deref()), object.get_mut(member.name))
        {
            mess_value(kind, value, draw);
        }
    }
}

fn mess_value(kind: &Kind, value: &mut Value, draw: &mut Draw) {
    match (kind, value) {
        (Kind::Str(format), Value::String(s)) => match format {
            Format::Email(_) => *s = messy_email_of(s, draw),
            Format::Phone { .. } => *s = messy_phone_of(s, draw),
            Format::Country { .. } | Format::Language { .. } => *s = mixed_case(s, draw.seed()),
            _ => {}
        },
        (Kind::Object(spec), Value::Object(object)) => mess_object(spec, object, draw),
        (Kind::Array(array), Value::Array(items)) => {
            for item in items {
                mess_value(&array.items, item, draw);
            }
        }
        _ => {}
    }
}

/// Rewrites the strings of member `key` (a string or a list of them) by
/// `f`.
fn mess_strings(
    body: &mut Map<String, Value>,
    key: &str,
    draw: &mut Draw,
    f: fn(&str, &mut Draw) -> String,
) {
    match body.get_mut(key) {
        Some(Value::String(s)) => *s = f(s, draw),
        Some(Value::Array(items)) => {
            for item in items {
                if let Value::String(s) = item {
                    *s = f(s, draw);
                }
            }
        }
        _ => {}
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
// Valid bodies, from the rows
// ---------------------------------------------------------------------------

/// Create bodies that validate for `provider` with no violation — not even
/// a warning — and no change (see the [module documentation](self)).
///
/// Members are present at random (required ones always), values come from
/// this module's value strategies (emails, phone numbers from many
/// countries, codes, zones, dates) and from small tables of names in many
/// scripts, each chosen by the member's row.
pub fn valid_body(provider: Provider) -> impl Strategy<Value = Value> {
    body(plan(provider), &[]).prop_map(Value::Object)
}

/// One step into a body: a member, and the tag (see
/// [`Tagged`](crate::engine::Tagged)) the objects it holds take; `None`:
/// any of their cases.
#[derive(Clone, Copy)]
struct Hop {
    name: &'static str,
    tag: Option<&'static str>,
}

/// A step to member `name`.
fn hop(name: &'static str) -> Hop {
    Hop { name, tag: None }
}

/// What a provider's rows cannot say about its bodies.
struct Plan {
    provider: Provider,
    /// Values the rows cannot give, by the member's path (as
    /// [`member_tables`](crate::providers::member_tables) writes it,
    /// `identifiers/*/id`) and the tag of its object (`""` if none):
    /// members a function checks (`Kind::Custom`), members without a row.
    value: fn(&str, &str) -> Option<BoxedStrategy<Value>>,
    /// Members without a row, each present at random.
    extra: &'static [&'static [&'static str]],
    /// Rows never in a clean body.
    skip: fn(&str) -> bool,
    /// Makes the members of a drawn body agree with each other.
    agree: fn(&mut Map<String, Value>, &mut Draw),
    /// Restores, after a mutation derived from a row, what that mutation
    /// broke across members.
    repair: fn(&mut Map<String, Value>),
    /// The mutations the rows cannot say.
    mutations: fn() -> Vec<Mutation>,
    /// Writes the values a function normalizes as people write them.
    mess: fn(&mut Map<String, Value>, &mut Draw),
}

fn plan(provider: Provider) -> &'static Plan {
    match provider {
        Provider::Omnisend => &OMNISEND,
        Provider::Sendios => &SENDIOS,
        Provider::RocketChat => &ROCKETCHAT,
        Provider::Suprsend => &SUPRSEND,
        Provider::Raia => &RAIA,
    }
}

/// Valid bodies by `plan`, with the members `force` names present.
fn body(plan: &'static Plan, force: &[Hop]) -> BoxedStrategy<Map<String, Value>> {
    let extra: Vec<_> = plan
        .extra
        .iter()
        .flat_map(|names| names.iter())
        .filter_map(|name| {
            let value = (plan.value)(name, "")?.prop_map(move |v| (*name, v));
            Some(maybe(force.first().is_some_and(|h| h.name == *name), value))
        })
        .collect();
    let rows = object_of(plan.provider.spec().body, "", plan, None, force);
    (rows, extra, any::<u64>())
        .prop_map(move |(mut body, extra, seed)| {
            body.extend(extra.into_iter().flatten().map(|(k, v)| (k.to_owned(), v)));
            (plan.agree)(&mut body, &mut Draw::new(seed));
            body
        })
        .boxed()
}

/// `name` below the path `at`.
fn below(at: &str, name: &str) -> String {
    if at.is_empty() {
        name.to_owned()
    } else {
        format!("{at}/{name}")
    }
}

/// The tags the tagged members of `spec` know: the sibling holding the
/// tag, and the tags of their cases.
fn tags(spec: &ObjectSpec) -> Option<(&'static str, Vec<&'static str>)> {
    spec.members.iter().find_map(|m| match &m.kind {
        Kind::Tagged(tagged) => Some((tagged.tag, tagged.cases.iter().map(|(t, _)| *t).collect())),
        _ => None,
    })
}

/// The tag of `object`, when `spec` has tagged members.
fn tag_of(spec: &ObjectSpec, object: &Map<String, Value>) -> Option<String> {
    let (name, _) = tags(spec)?;
    object.get(name)?.as_str().map(str::to_owned)
}

/// What `member` holds in an object tagged `tag`; `None` for a tagged
/// member none of whose cases is `tag`.
fn kind_of(member: &'static Member, tag: Option<&str>) -> Option<&'static Kind> {
    match &member.kind {
        Kind::Tagged(tagged) => tagged
            .cases
            .iter()
            .find(|(t, _)| Some(*t) == tag)
            .map(|(_, kind)| kind),
        kind => Some(kind),
    }
}

/// Objects of `spec` at `at`, every member valid by its row: required
/// members always, optional ones at random, the first of `force` always
/// (the rest of `force` inside it); tagged members take the case of
/// `tag`, or of any tag.
fn object_of(
    spec: &'static ObjectSpec,
    at: &str,
    plan: &'static Plan,
    tag: Option<&'static str>,
    force: &[Hop],
) -> BoxedStrategy<Map<String, Value>> {
    let tagged = tags(spec);
    if let (None, Some((_, cases))) = (tag, &tagged) {
        return Union::new(
            cases
                .iter()
                .map(|t| object_of(spec, at, plan, Some(t), force)),
        )
        .boxed();
    }
    if spec.members.is_empty() && spec.unknown.is_none() && spec.check.is_none() {
        return free_form();
    }
    let members: Vec<_> = spec
        .members
        .iter()
        .filter_map(|m| {
            let path = below(at, m.name);
            if (plan.skip)(&path) {
                return None;
            }
            let forced = force.first().filter(|h| h.name == m.name);
            let is_tag = tagged.as_ref().is_some_and(|(name, _)| *name == m.name);
            let value = if is_tag {
                Just(json!(tag?)).boxed()
            } else {
                let inner = forced.map(|h| (h.tag, &force[1..]));
                value_of(
                    kind_of(m, tag)?,
                    m.to,
                    &path,
                    tag.unwrap_or(""),
                    plan,
                    inner,
                )?
            };
            let always = m.required.is_some() || forced.is_some() || is_tag;
            Some(maybe(always, value.prop_map(move |v| (m.name, v))))
        })
        .collect();
    members
        .prop_map(|members| {
            members
                .into_iter()
                .flatten()
                .map(|(k, v)| (k.to_owned(), v))
                .collect()
        })
        .boxed()
}

/// An object of any members (a row without members, unknown-member rule
/// or check): a few scalars.
fn free_form() -> BoxedStrategy<Map<String, Value>> {
    let scalar = prop_oneof![
        string(word()),
        (0i64..1000).prop_map(Value::from),
        any::<bool>().prop_map(Value::Bool),
    ];
    prop::collection::btree_map("[a-z]{3,8}", scalar, 0..3)
        .prop_map(|members| members.into_iter().collect())
        .boxed()
}

/// A valid value of `kind` for a member at `path` (in an object tagged
/// `tag`) that goes `to` the canonical contact; `force`: the tag and the
/// members the object(s) it holds must have. `None` when the rows cannot
/// say and `plan` has no value.
fn value_of(
    kind: &'static Kind,
    to: To,
    path: &str,
    tag: &str,
    plan: &'static Plan,
    force: Option<(Option<&'static str>, &[Hop])>,
) -> Option<BoxedStrategy<Value>> {
    if let Some(value) = (plan.value)(path, tag) {
        return Some(value);
    }
    Some(match kind {
        Kind::Str(format) => string(text_of(format, to)),
        Kind::Bool => any::<bool>().prop_map(Value::Bool).boxed(),
        Kind::Int(range) => {
            let (min, max) = range.map_or((0, 99_999), |(min, max, _)| (min, max));
            (min..=max).prop_map(Value::from).boxed()
        }
        Kind::Object(spec) => {
            let (tag, force) = force.unwrap_or((None, &[]));
            object_of(spec, path, plan, tag, force)
                .prop_map(Value::Object)
                .boxed()
        }
        Kind::Array(array) => items(array, to, path, plan, force)?,
        Kind::Custom(_) | Kind::Tagged(_) => return None,
    })
}

/// Arrays of `spec` (at least one item when forced, the first then
/// forced), within its `max_items` (at most 3), distinct when it dedupes.
fn items(
    spec: &'static ArraySpec,
    to: To,
    path: &str,
    plan: &'static Plan,
    force: Option<(Option<&'static str>, &[Hop])>,
) -> Option<BoxedStrategy<Value>> {
    let at = format!("{path}/*");
    let item = value_of(&spec.items, to, &at, "", plan, None)?;
    let first = match force {
        Some(force) => value_of(&spec.items, to, &at, "", plan, Some(force))?
            .prop_map(Some)
            .boxed(),
        None => Just(None).boxed(),
    };
    let max = spec.max_items.map_or(3, |(max, _)| max.min(3));
    let rest = max.saturating_sub(usize::from(force.is_some()));
    let dedupe = spec.dedupe.is_some();
    Some(
        (first, prop::collection::vec(item, 0..=rest))
            .prop_map(move |(first, rest)| {
                let items: Vec<Value> = first.into_iter().chain(rest).collect();
                Value::Array(if dedupe { distinct(items) } else { items })
            })
            .boxed(),
    )
}

/// Strings of `format` in normalized form, for a member that goes `to`
/// the canonical contact (a free string: by what it holds).
fn text_of(format: &Format, to: To) -> BoxedStrategy<String> {
    match *format {
        Format::Any | Format::NonEmpty(_) => match to {
            To::Id(IdType::Email) => email().boxed(),
            To::Id(IdType::Phone) => phone().boxed(),
            _ => text().boxed(),
        },
        Format::MaxLength(max, _) => text()
            .prop_map(move |s| s.chars().take(max).collect())
            .boxed(),
        Format::Enum(allowed, _) => select(allowed).prop_map(str::to_owned).boxed(),
        Format::Email(_) => email().boxed(),
        Format::Phone { .. } => phone().boxed(),
        Format::Country { alpha2: true, .. } => country_code().boxed(),
        // Alpha-3 codes are kept in their form.
        Format::Country { .. } => prop_oneof![
            3 => country_code(),
            1 => select(alpha3_codes()),
        ]
        .boxed(),
        Format::UtcDateTime(_) => utc_date_time().boxed(),
        Format::Date { .. } => birthdate().boxed(),
        Format::Gender(_) => select(&["m", "f"][..]).prop_map(str::to_owned).boxed(),
        Format::Language { .. } => language_code().boxed(),
        Format::PushToken(_) => prop_oneof![apns_token(), fcm_token()].boxed(),
        Format::Url(_) => "https://[a-z]{3,10}\\.(com|net|org)/[a-z0-9]{1,12}\\.(jpg|png)".boxed(),
        Format::SendiosDateTime { .. } => instant(' ').boxed(),
    }
}

// ---------------------------------------------------------------------------
// Invalid bodies: mutations from the rows
// ---------------------------------------------------------------------------

/// One targeted edit of a valid body.
#[derive(Clone)]
struct Mutation {
    rule: &'static RuleInfo,
    /// The members down to the one it edits, each present in the valid
    /// body it starts from (through an array: its first item); the edit
    /// gets the object holding the last.
    at: Vec<Hop>,
    /// Derived from a row: the plan's `repair` runs after it.
    derived: bool,
    edit: Rc<Edit>,
}

/// An edit of the object holding a mutated member.
type Edit = dyn Fn(&mut Map<String, Value>, &mut Draw);

impl Mutation {
    fn new(
        rule: &'static RuleInfo,
        at: Vec<Hop>,
        edit: impl Fn(&mut Map<String, Value>, &mut Draw) + 'static,
    ) -> Self {
        Mutation {
            rule,
            at,
            derived: true,
            edit: Rc::new(edit),
        }
    }

    /// The object the edit changes, in `body`.
    fn target<'a>(&self, body: &'a mut Map<String, Value>) -> Option<&'a mut Map<String, Value>> {
        let mut object = body;
        for hop in self.at.iter().take(self.at.len().saturating_sub(1)) {
            let mut value = object.get_mut(hop.name)?;
            while let Value::Array(items) = value {
                value = items.first_mut()?;
            }
            object = value.as_object_mut()?;
        }
        Some(object)
    }
}

/// A hand-written mutation: sets top-level member `name` to one of
/// `values`.
fn set(rule: &'static RuleInfo, name: &'static str, values: fn() -> Vec<Value>) -> Mutation {
    hand(rule, &[name], move |b, seed| {
        b.insert(name.to_owned(), one_of(seed, values()));
    })
}

/// A hand-written mutation: adds one of `values` to the list `name`.
fn push(rule: &'static RuleInfo, name: &'static str, values: fn() -> Vec<Value>) -> Mutation {
    hand(rule, &[], move |b, seed| {
        push_item(b, name, one_of(seed, values()));
    })
}

/// A hand-written mutation of the whole body.
fn with(rule: &'static RuleInfo, edit: fn(&mut Map<String, Value>, u64)) -> Mutation {
    hand(rule, &[], edit)
}

/// A hand-written mutation: `edit` (given the object holding the last of
/// `at`, and a seed) for a rule that spans members or needs a shape.
fn hand(
    rule: &'static RuleInfo,
    at: &[&'static str],
    edit: impl Fn(&mut Map<String, Value>, u64) + 'static,
) -> Mutation {
    Mutation {
        derived: false,
        ..Mutation::new(
            rule,
            at.iter().map(|name| hop(name)).collect(),
            move |o, d| {
                edit(o, d.seed());
            },
        )
    }
}

/// Strings as JSON values.
fn strings(values: &[&str]) -> Vec<Value> {
    values.iter().map(|s| json!(s)).collect()
}

/// One of `items`, chosen by the seed.
#[allow(clippy::cast_possible_truncation)]
fn pick<T: Copy>(seed: u64, items: &[T]) -> T {
    items[(seed % items.len() as u64) as usize]
}

/// One of `values`, chosen by the seed.
#[allow(clippy::cast_possible_truncation)]
fn one_of(seed: u64, mut values: Vec<Value>) -> Value {
    let i = (seed % values.len() as u64) as usize;
    values.swap_remove(i)
}

/// Sets member `name` of `object` to `value`, or, for an array's `item`,
/// adds it to the array.
fn put(object: &mut Map<String, Value>, name: &str, item: bool, value: Value) {
    if item {
        push_item(object, name, value);
    } else {
        object.insert(name.to_owned(), value);
    }
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

/// Values of other JSON types than `kind` takes.
fn others(kind: &Kind) -> Vec<Value> {
    match kind {
        Kind::Bool => vec![json!("true"), json!(1), json!("yes"), json!([true])],
        Kind::Int(_) => vec![
            json!(2.5),
            json!("7"),
            json!(true),
            json!([1]),
            json!({"id": 1}),
        ],
        Kind::Object(_) => vec![json!("x"), json!(7), json!(["x"])],
        Kind::Array(_) => vec![json!("x"), json!(7), json!({"x": 1})],
        _ => vec![json!(42), json!(true), json!(["x"]), json!({"x": 1})],
    }
}

/// Strings that break one rule of a format.
#[derive(Clone, Copy)]
enum Bad {
    /// One of these.
    One(&'static [&'static str]),
    /// Longer than this many chars.
    Longer(usize),
    /// None of these.
    NoneOf(&'static [&'static str]),
}

impl Bad {
    #[allow(clippy::cast_possible_truncation)]
    fn value(self, seed: u64) -> Value {
        match self {
            Bad::One(values) => json!(pick(seed, values)),
            Bad::Longer(max) => json!("x".repeat(max + 1 + (seed % 50) as usize)),
            Bad::NoneOf(allowed) => json!(format!("{}x", pick(seed, allowed))),
        }
    }
}

const BAD_EMAILS: &[&str] = &[
    "not-an-email",
    "jane@example",
    "Jane <jane@example.com>",
    "jane..doe@example.com",
    "jane@exa mple.com",
];
const BAD_PHONES: &[&str] = &[
    "+1 415 555 2671 ext. 9",
    "+44 20 7946 001A",
    "+1 415 555 2671 #1",
    "++14155552671",
    "+0123456",
];
const BAD_LANGUAGES: &[&str] = &["xx", "english", "e", "eng1"];
const LANGUAGE_TAGS: &[&str] = &["en-US", "pt_BR", "zh-Hant", "de-CH", "fr_FR.UTF-8"];

/// The rules a string of `format` can break, each with strings that break
/// only it.
fn breaks(format: &Format) -> Vec<(&'static RuleInfo, Bad)> {
    match *format {
        Format::Any => vec![],
        Format::NonEmpty(rule) => vec![(rule, Bad::One(&["", "  ", "\u{200B}"]))],
        Format::MaxLength(max, rule) => vec![(rule, Bad::Longer(max))],
        Format::Enum(allowed, rule) => vec![(rule, Bad::NoneOf(allowed))],
        Format::Email(rule) => vec![(rule, Bad::One(BAD_EMAILS))],
        Format::Phone { format, invalid } => vec![
            (format, Bad::One(BAD_PHONES)),
            (invalid, Bad::One(UNASSIGNED)),
        ],
        Format::Country { format, advice, .. } => vec![
            (format, Bad::One(&["UK", "XX", "ZZZ", "U"])),
            (advice, Bad::One(&["XK"])),
        ],
        Format::UtcDateTime(rule) => vec![(
            rule,
            Bad::One(&[
                "2023-02-30T00:00:00Z",
                "2023-04-25",
                "2023-04-25T12:55:38",
                "now",
            ]),
        )],
        Format::Date { format, future } => {
            let mut out = vec![(
                format,
                Bad::One(&["1990-02-30", "1990-2-3", "03/14/1990", "1990-13-01"]),
            )];
            out.extend(
                future.map(|rule| (rule, Bad::One(&["2999-01-01", "3000-12-31", "9999-06-15"]))),
            );
            out
        }
        Format::Gender(rule) => vec![(rule, Bad::One(&["x", "other", "unknown", "mf"]))],
        Format::Language { format, lossy, .. } => vec![
            (format, Bad::One(BAD_LANGUAGES)),
            (lossy, Bad::One(LANGUAGE_TAGS)),
        ],
        Format::PushToken(rule) => {
            vec![(rule, Bad::One(&["abc", "0123456789abcdef", "short:token"]))]
        }
        Format::Url(rule) => vec![(
            rule,
            Bad::One(&["ftp://example.com/a.jpg", "not a url", "example.com/a.jpg"]),
        )],
        Format::SendiosDateTime { format, advice } => vec![
            (
                format,
                Bad::One(&[
                    "2023-02-30 00:00:00",
                    "2023-04-25T12:55:38",
                    "2023-04-25",
                    "25/04/2023 12:00:00",
                ]),
            ),
            (
                advice,
                Bad::One(&[
                    "2023-04-25T12:55:38Z",
                    "2023-04-25T14:55:38+02:00",
                    "2023-04-25T07:25:38.5-05:30",
                ]),
            ),
        ],
    }
}

/// The mutations the rows of `spec` say, for the object at `path` reached
/// by `at`: an unknown member, and for each row a missing required
/// member, a wrong JSON type, a bad value of its format or range, too
/// many or duplicate items, and the same below it.
fn derive(
    spec: &'static ObjectSpec,
    path: &str,
    at: &[Hop],
    plan: &'static Plan,
    out: &mut Vec<Mutation>,
) {
    if let Some(rule) = spec.unknown {
        let names: Vec<&'static str> = spec.members.iter().map(|m| m.name).collect();
        let mut here = at.to_vec();
        here.push(hop("?"));
        out.push(Mutation::new(rule, here, move |o, d| {
            let near = if names.is_empty() {
                "member"
            } else {
                pick(d.seed(), &names)
            };
            o.insert(format!("{near}x"), json!("x"));
        }));
    }
    for member in spec.members {
        let path = below(path, member.name);
        if (plan.skip)(&path) {
            continue;
        }
        let name = member.name;
        let mut here = at.to_vec();
        here.push(hop(name));
        if let Some(rule) = member.required {
            let nullable = member.nullable;
            out.push(Mutation::new(rule, here.clone(), move |o, d| {
                if !nullable && d.seed() % 2 == 1 {
                    o.insert(name.to_owned(), Value::Null);
                } else {
                    o.remove(name);
                }
            }));
        }
        let cases: Vec<(Option<&'static str>, &'static Kind)> = match &member.kind {
            Kind::Tagged(tagged) => tagged.cases.iter().map(|(t, k)| (Some(*t), k)).collect(),
            kind => vec![(None, kind)],
        };
        for (tag, kind) in cases {
            let mut here = here.clone();
            if tag.is_some() {
                // The tag is the object's: the step into it takes it.
                let Some(step) = here.len().checked_sub(2) else {
                    continue;
                };
                here[step].tag = tag;
            }
            derive_kind(kind, member, &path, &here, false, plan, out);
        }
    }
}

/// The mutations of a value of `kind` of `member` at `path` (reached by
/// `at`); `item`: an item of the array `at` ends with.
fn derive_kind(
    kind: &'static Kind,
    member: &'static Member,
    path: &str,
    at: &[Hop],
    item: bool,
    plan: &'static Plan,
    out: &mut Vec<Mutation>,
) {
    let name = member.name;
    let type_rule = member.type_rule;
    if !matches!(kind, Kind::Custom(_) | Kind::Tagged(_)) {
        out.push(Mutation::new(type_rule, at.to_vec(), move |o, d| {
            put(o, name, item, one_of(d.seed(), others(kind)));
        }));
    }
    match kind {
        Kind::Str(format) => {
            for (rule, bad) in breaks(format) {
                out.push(Mutation::new(rule, at.to_vec(), move |o, d| {
                    put(o, name, item, bad.value(d.seed()));
                }));
            }
        }
        Kind::Int(Some((min, max, rule))) => {
            let outside: Vec<i64> = [min.checked_sub(1), max.checked_add(1)]
                .into_iter()
                .flatten()
                .collect();
            out.push(Mutation::new(rule, at.to_vec(), move |o, d| {
                put(o, name, item, json!(pick(d.seed(), &outside)));
            }));
        }
        Kind::Object(spec) => derive(spec, path, at, plan, out),
        Kind::Array(array) if !item => {
            let path = format!("{path}/*");
            if let (Some((max, rule)), Some(valid)) = (
                array.max_items,
                value_of(&array.items, member.to, &path, "", plan, None),
            ) {
                out.push(Mutation::new(rule, at.to_vec(), move |o, d| {
                    #[allow(clippy::cast_possible_truncation)]
                    let n = max + 1 + (d.seed() % 10) as usize;
                    let Some(Value::Array(items)) = o.get_mut(name) else {
                        return;
                    };
                    for _ in 0..n * 20 {
                        if items.len() >= n {
                            break;
                        }
                        if let Some(v) = d.value(&valid).filter(|v| !items.contains(v)) {
                            items.push(v);
                        }
                    }
                }));
            }
            if let Some(rule) = array.dedupe {
                out.push(Mutation::new(rule, at.to_vec(), move |o, _| {
                    if let Some(Value::Array(items)) = o.get_mut(name)
                        && let Some(first) = items.first().cloned()
                    {
                        items.push(first);
                    }
                }));
            }
            derive_kind(&array.items, member, &path, at, true, plan, out);
        }
        _ => {}
    }
}

/// The mutations of `plan`'s provider: those its rows say, then its own.
fn mutations(plan: &'static Plan) -> Vec<Mutation> {
    let mut out = Vec::new();
    derive(plan.provider.spec().body, "", &[], plan, &mut out);
    out.extend((plan.mutations)());
    // Without the numbering plans no number is known to be unassigned:
    // the `*.invalid_number` warnings never come.
    if !cfg!(feature = "phone") {
        out.retain(|m| !m.rule.id().ends_with(".invalid_number"));
    }
    out
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
    let plan = plan(provider);
    Union::new(mutations(plan).into_iter().map(move |m| {
        (body(plan, &m.at), any::<u64>())
            .prop_map(move |(mut body, seed)| {
                let mut draw = Draw::new(seed);
                if let Some(object) = m.target(&mut body) {
                    (m.edit)(object, &mut draw);
                }
                if m.derived {
                    (plan.repair)(&mut body);
                }
                (Value::Object(body), m.rule.id())
            })
            .boxed()
    }))
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
    let ids: Vec<&'static str> = mutations(plan(provider))
        .iter()
        .map(|m| m.rule.id())
        .collect();
    rules::catalog()
        .iter()
        .map(|r| r.id())
        .filter(|id| ids.contains(id))
        .collect()
}

// ---------------------------------------------------------------------------
// What the rows cannot say, per provider
// ---------------------------------------------------------------------------

// Omnisend -------------------------------------------------------------------

static OMNISEND: Plan = Plan {
    provider: Provider::Omnisend,
    value: omnisend_value,
    extra: &[],
    skip: |_| false,
    agree: |body, draw| {
        one_identifier_each(body);
        identified(body, draw.value(&email()).unwrap_or_default());
        country_agrees(body, draw);
        source_tag(body, draw);
    },
    repair: |body| {
        identified(body, "shorthand@example.com".to_owned());
        region_agrees(body);
    },
    mutations: omnisend_mutations,
    // Email identifiers keep their case: only whitespace is normalized.
    mess: |body, _| {
        if let Some(Value::Array(ids)) = body.get_mut("identifiers") {
            for id in ids.iter_mut().filter(|id| id["type"] == "email") {
                if let Some(Value::String(s)) = id.get_mut("id") {
                    *s = format!(" {s} ");
                }
            }
        }
    },
};

/// Omnisend's members a function checks: email identifiers and the
/// shorthand `email` (kept as written), an identifier's `channels` (the
/// channel of its type), `customProperties`.
fn omnisend_value(path: &str, tag: &str) -> Option<BoxedStrategy<Value>> {
    Some(match (path, tag) {
        ("email", _) | ("identifiers/*/id", "email") => string(email()),
        ("identifiers/*/channels", _) => {
            let channel = if tag == "phone" { "sms" } else { "email" };
            let date = prop::option::of(utc_date_time());
            (select(omnisend::STATUSES), date)
                .prop_map(move |(status, date)| match date {
                    Some(d) => json!({ channel: {"status": status, "statusDate": d} }),
                    None => json!({ channel: {"status": status} }),
                })
                .boxed()
        }
        ("customProperties", _) => {
            let value = prop_oneof![
                (-1_000_000i64..1_000_000).prop_map(|n| json!(n)),
                (-4000i32..4000).prop_map(|n| json!(f64::from(n) / 4.0)),
                any::<bool>().prop_map(Value::Bool),
                "[A-Za-z][A-Za-z ]{0,30}".prop_map(Value::String),
                prop::collection::vec(word(), 1..4).prop_map(|w| json!(w)),
            ];
            prop::collection::vec(("[A-Za-z][A-Za-z0-9_]{0,20}", value), 0..5)
                .prop_map(|props| Value::Object(props.into_iter().collect()))
                .boxed()
        }
        _ => return None,
    })
}

/// `omnisend.identifiers.unique`: each identifier once (the first kept),
/// and no shorthand member repeating one.
fn one_identifier_each(body: &mut Map<String, Value>) {
    let mut ids: Vec<(Value, Value)> = Vec::new();
    if let Some(Value::Array(items)) = body.get_mut("identifiers") {
        items.retain(|item| {
            let key = (item["type"].clone(), item["id"].clone());
            let new = !ids.contains(&key);
            ids.push(key);
            new
        });
    }
    for key in ["email", "phone"] {
        if body
            .get(key)
            .is_some_and(|v| ids.iter().any(|(_, id)| id == v))
        {
            body.remove(key);
        }
    }
}

/// `omnisend.body.required`: at least one identifier (`fallback` as the
/// shorthand `email` when there is none).
fn identified(body: &mut Map<String, Value>, fallback: String) {
    let listed = body
        .get("identifiers")
        .unwrap_or(&Value::Null)
        .as_array()
        .is_some_and(|a| !a.is_empty());
    let given = |key: &str| body.get(key).is_some_and(|v| !v.is_null());
    if !listed && !given("email") && !given("phone") {
        body.insert("email".to_owned(), Value::String(fallback));
    }
}

/// `omnisend.country.conflict`: `country` (a free string) is the ISO name
/// or the alpha-3 code of the country `countryCode` names (of any
/// country without it), or absent.
fn country_agrees(body: &mut Map<String, Value>, draw: &mut Draw) {
    let other = draw.value(&country_code()).unwrap_or_default();
    let mode = draw.seed() % 5;
    let code = body
        .get("countryCode")
        .and_then(Value::as_str)
        .unwrap_or(&other);
    let country = CountryCode::parse(code).ok().and_then(|code| match mode {
        0 | 1 => Some(code.name()),
        2 => Some(code.alpha3()),
        _ => None,
    });
    match country {
        Some(country) => body.insert("country".to_owned(), json!(country)),
        None => body.remove("country"),
    };
}

/// After a mutation of `countryCode` to a region beyond ISO 3166-1 (`XK`,
/// `omnisend.country_code.advice`): no `country` naming another country
/// (`omnisend.country.conflict` compares regions).
fn region_agrees(body: &mut Map<String, Value>) {
    let beyond_iso = body
        .get("countryCode")
        .and_then(Value::as_str)
        .is_some_and(|code| {
            CountryCode::parse(code).is_err() && crate::values::PhoneRegion::parse(code).is_ok()
        });
    if beyond_iso {
        body.remove("country");
    }
}

/// `omnisend.tags.advice`: a tag starting with `source:` when creating.
fn source_tag(body: &mut Map<String, Value>, draw: &mut Draw) {
    let source = format!("source: {}", draw.value(&word()).unwrap_or_default());
    let has = |t: &Value| t.as_str().is_some_and(|s| s.starts_with("source:"));
    if let Value::Array(tags) = body.entry("tags").or_insert_with(|| json!([]))
        && !tags.iter().any(has)
    {
        tags.insert(0, json!(source));
    }
}

/// Adds custom properties `name{i}` (creating `customProperties`).
fn custom_properties(b: &mut Map<String, Value>, name: &str, values: Vec<Value>) {
    if let Value::Object(props) = b.entry("customProperties").or_insert_with(|| json!({})) {
        for (i, value) in values.into_iter().enumerate() {
            props.insert(format!("{name}{i}"), value);
        }
    }
}

/// Omnisend's mutations the rows cannot say: the shorthand `email` and
/// `customProperties` (checked by functions), an identifier's `channels`,
/// and the rules across members.
fn omnisend_mutations() -> Vec<Mutation> {
    use rules::*;
    /// At least `at_least`, a few more by the seed.
    #[allow(clippy::cast_possible_truncation)]
    fn n(seed: u64, at_least: usize) -> usize {
        at_least + (seed % 10) as usize
    }
    vec![
        set(OMNISEND_EMAIL_TYPE, "email", || {
            others(&Kind::Str(Format::Any))
        }),
        set(OMNISEND_EMAIL_FORMAT, "email", || strings(BAD_EMAILS)),
        with(OMNISEND_BODY_REQUIRED, |b, _| {
            b.retain(|k, _| !["identifiers", "email", "phone"].contains(&k.as_str()));
        }),
        hand(OMNISEND_IDENTIFIERS_UNIQUE, &["identifiers"], |b, _| {
            let first = b.get("identifiers").map_or(Value::Null, |v| v[0].clone());
            push_item(b, "identifiers", first);
        }),
        push(OMNISEND_IDENTIFIERS_CHANNELS_ENUM, "identifiers", || {
            vec![
                json!({"type": "email", "id": "channels@example.com", "channels": {"sms": {}}}),
                json!({"type": "phone", "id": "+14155552671", "channels": {"email": {}}}),
            ]
        }),
        push(
            OMNISEND_IDENTIFIERS_CHANNELS_STATUS_ENUM,
            "identifiers",
            || {
                ["active", "Subscribed", "opted_in"].iter().map(|status| {
                json!({"type": "email", "id": "status@example.com", "channels": {"email": {"status": status}}})
            }).collect()
            },
        ),
        push(
            OMNISEND_IDENTIFIERS_CHANNELS_STATUS_DATE_FORMAT,
            "identifiers",
            || {
                ["2023-02-30T00:00:00Z", "2023-04-25T12:55:38", "yesterday"].iter().map(|date| {
                json!({"type": "email", "id": "date@example.com", "channels": {"email": {"statusDate": date}}})
            }).collect()
            },
        ),
        set(OMNISEND_CUSTOM_PROPERTIES_TYPE, "customProperties", || {
            vec![json!(["x"]), json!("x")]
        }),
        with(OMNISEND_CUSTOM_PROPERTIES_NAME_FORMAT, |b, seed| {
            let long = "x".repeat(omnisend::MAX_PROPERTY_NAME + 1);
            let name = pick(seed, &["hair color", "größe", &long]);
            b.entry("customProperties").or_insert_with(|| json!({}))[name] = json!("x");
        }),
        with(OMNISEND_CUSTOM_PROPERTIES_VALUE_TYPE, |b, seed| {
            let values = vec![json!({"a": 1}), json!([1, 2]), json!([["a"]])];
            custom_properties(b, "bad", vec![one_of(seed, values)]);
        }),
        with(OMNISEND_CUSTOM_PROPERTIES_VALUE_MAX_LENGTH, |b, seed| {
            let long = "x".repeat(n(seed, omnisend::MAX_PROPERTY_STRING + 1));
            custom_properties(b, "long", vec![json!(long)]);
        }),
        with(OMNISEND_CUSTOM_PROPERTIES_VALUE_LOSSY, |b, seed| {
            let value = pick(seed, &[1.123_456_7, -0.000_000_5, 12.345_678_9]);
            custom_properties(b, "precise", vec![json!(value)]);
        }),
        with(OMNISEND_CUSTOM_PROPERTIES_VALUE_FORMAT, |b, seed| {
            let when = ["2018-02-30", "2018-02-30 14:23", "2018-13-01 10:00:00"];
            custom_properties(b, "when", vec![one_of(seed, strings(&when))]);
        }),
        // More than the 200 documented, however many the body had.
        with(OMNISEND_CUSTOM_PROPERTIES_MAX_ITEMS, |b, seed| {
            let values = (0..n(seed, omnisend::MAX_PROPERTIES + 1))
                .map(Value::from)
                .collect();
            custom_properties(b, "extra_", values);
        }),
        with(OMNISEND_TAGS_ADVICE, |b, seed| {
            b.insert("tags".into(), json!(["vip", "newsletter"]));
            if seed.is_multiple_of(2) {
                b.remove("tags");
            }
        }),
        with(OMNISEND_COUNTRY_CONFLICT, |b, seed| {
            let (code, other) = pick(seed, &[("US", "DE"), ("LT", "Latvia"), ("GB", "FRA")]);
            b.insert("countryCode".into(), json!(code));
            b.insert("country".into(), json!(other));
        }),
    ]
}

// Sendios --------------------------------------------------------------------

static SENDIOS: Plan = Plan {
    provider: Provider::Sendios,
    value: |path, _| {
        Some(match path {
            "client_user_id" => string("[A-Za-z0-9_-]{1,24}"),
            "platform_id" => string(select(sendios::PLATFORMS).prop_map(str::to_owned)),
            "vip" => any::<bool>().prop_map(Value::Bool).boxed(),
            // Each key keeps one JSON type across bodies
            // (`sendios.fields.consistent_type` in a batch).
            "fields" => object(&[
                (
                    "plan",
                    0.6,
                    string(select(&["free", "pro", "team"][..]).prop_map(str::to_owned)),
                ),
                ("score", 0.5, (0i64..100_000).prop_map(Value::from).boxed()),
                ("beta", 0.4, any::<bool>().prop_map(Value::Bool).boxed()),
                (
                    "interests",
                    0.4,
                    prop::collection::vec(word(), 0..4)
                        .prop_map(|w| json!(w))
                        .boxed(),
                ),
                (
                    "profile",
                    0.3,
                    word().prop_map(|w| json!({ "source": w })).boxed(),
                ),
            ]),
            _ => return None,
        })
    },
    extra: &[],
    // `sendios.body.renamed`: the crate's earlier names are renamed with
    // a warning, never in a clean body (a mutation gives them).
    skip: |path| sendios::EARLIER_NAMES.iter().any(|(old, _)| *old == path),
    agree: |_, _| {},
    repair: |_| {},
    mutations: || {
        use rules::*;
        vec![
            // An integer is accepted (sent as its string): not one here.
            set(SENDIOS_CLIENT_USER_ID_TYPE, "client_user_id", || {
                vec![json!(42.5), json!(true), json!(["x"]), json!({"x": 1})]
            }),
            set(SENDIOS_PLATFORM_ENUM, "platform_id", || {
                vec![json!("5"), json!(7), json!("ios"), json!(-1)]
            }),
            set(SENDIOS_VIP_TYPE, "vip", || {
                vec![json!(2), json!("yes"), json!([true])]
            }),
            set(SENDIOS_FIELDS_TYPE, "fields", || {
                vec![json!(["x"]), json!("x")]
            }),
            // A valid value under an earlier name: renamed (or, beside
            // Sendios' name, left as it is), a warning either way.
            with(SENDIOS_BODY_RENAMED, |b, seed| {
                if seed.is_multiple_of(2) {
                    b.insert("platform".into(), json!(pick(seed / 2, sendios::PLATFORMS)));
                } else {
                    b.insert("auth_key".into(), json!(format!("key{seed}")));
                }
            }),
        ]
    },
    mess: |_, _| {},
};

// Rocket.Chat ----------------------------------------------------------------

static ROCKETCHAT: Plan = Plan {
    provider: Provider::RocketChat,
    // Every member is checked by a function (the server's schema and
    // coercions).
    value: |path, _| {
        Some(match path {
            "name" => string(full_name()),
            "emails" => distinct_list(email(), 0..=3),
            "phones" => distinct_list(phone(), 0..=3),
            "customFields" => prop_oneof![
                3 => object(&[("plan", 0.5, string(word())), ("company", 0.5, string(last_name()))]),
                1 => Just(Value::Null),
            ]
            .boxed(),
            "contactManager" => {
                prop_oneof![3 => string("[a-zA-Z0-9]{17}"), 1 => Just(Value::Null).boxed()].boxed()
            }
            _ => return None,
        })
    },
    extra: &[],
    skip: |_| false,
    agree: |_, _| {},
    repair: |_| {},
    mutations: rocketchat_mutations,
    mess: |body, draw| {
        mess_strings(body, "emails", draw, messy_email_of);
        mess_strings(body, "phones", draw, messy_phone_of);
    },
};

/// Adds to the string list `name` a variant of its first item (of
/// `fallback`, added first, when it is empty).
fn push_variant(
    b: &mut Map<String, Value>,
    name: &str,
    fallback: &str,
    variant: fn(&str) -> String,
) {
    let first = b.get(name).and_then(|v| v[0].as_str()).map(str::to_owned);
    let base = first.unwrap_or_else(|| {
        push_item(b, name, json!(fallback));
        fallback.to_owned()
    });
    push_item(b, name, json!(variant(&base)));
}

/// Rocket.Chat's mutations the rows cannot say (every member is checked
/// by a function).
fn rocketchat_mutations() -> Vec<Mutation> {
    use rules::*;
    let nested = || vec![json!(["x"]), json!({"x": 1})];
    vec![
        set(ROCKETCHAT_NAME_TYPE, "name", nested),
        set(ROCKETCHAT_CONTACT_MANAGER_TYPE, "contactManager", nested),
        set(ROCKETCHAT_NAME_COERCED, "name", || {
            vec![json!(42), json!(true)]
        }),
        set(ROCKETCHAT_CONTACT_MANAGER_COERCED, "contactManager", || {
            vec![json!(3), json!(true)]
        }),
        set(ROCKETCHAT_CUSTOM_FIELDS_TYPE, "customFields", || {
            vec![json!("x"), json!(1), json!(["x"])]
        }),
        set(ROCKETCHAT_CUSTOM_FIELDS_COERCED, "customFields", || {
            vec![json!(""), json!(0), json!(false)]
        }),
        with(ROCKETCHAT_EMAILS_TYPE, |b, seed| match seed % 2 {
            0 => drop(b.insert("emails".into(), json!("jane@example.com"))),
            _ => push_item(b, "emails", json!({"address": "jane@example.com"})),
        }),
        with(ROCKETCHAT_PHONES_TYPE, |b, seed| match seed % 2 {
            0 => drop(b.insert("phones".into(), json!({"phoneNumber": "+14155552671"}))),
            _ => push_item(b, "phones", json!(["+14155552671"])),
        }),
        push(ROCKETCHAT_EMAILS_FORMAT, "emails", || strings(BAD_EMAILS)),
        push(ROCKETCHAT_PHONES_FORMAT, "phones", || strings(BAD_PHONES)),
        push(ROCKETCHAT_PHONES_INVALID_NUMBER, "phones", || {
            strings(UNASSIGNED)
        }),
        with(ROCKETCHAT_EMAILS_UNIQUE, |b, _| {
            push_variant(b, "emails", "jane@example.com", str::to_owned);
        }),
        with(ROCKETCHAT_PHONES_UNIQUE, |b, _| {
            push_variant(b, "phones", "+14155552671", str::to_owned);
        }),
        // The same address with its domain in uppercase.
        with(ROCKETCHAT_EMAILS_LOSSY, |b, _| {
            push_variant(b, "emails", "jane@example.com", |e| {
                let (local, domain) = e.rsplit_once('@').unwrap_or((e, "example.com"));
                format!("{local}@{}", domain.to_uppercase())
            });
        }),
        // The same number written with spaces.
        with(ROCKETCHAT_PHONES_LOSSY, |b, _| {
            push_variant(b, "phones", "+14155552671", |p| {
                format!("{} {}", &p[..3], &p[3..])
            });
        }),
    ]
}

// SuprSend -------------------------------------------------------------------

/// Custom properties of `SuprSend` bodies (any key that is not one of its
/// own).
const SUPRSEND_PROPERTIES: &[&str] = &["plan", "signup_source", "score", "preferences"];

static SUPRSEND: Plan = Plan {
    provider: Provider::Suprsend,
    value: suprsend_value,
    // The body's keys are checked by a function, its channels by their
    // own table: no member rows.
    extra: &[suprsend::KNOWN_KEYS, SUPRSEND_PROPERTIES],
    skip: |_| false,
    agree: |_, _| {},
    repair: |_| {},
    mutations: suprsend_mutations,
    mess: |body, draw| {
        mess_strings(body, "$email", draw, messy_email_of);
        mess_strings(body, "$sms", draw, messy_phone_of);
        mess_strings(body, "$whatsapp", draw, messy_phone_of);
        // Without the `tz` feature zone names are matched as written.
        if cfg!(feature = "tz") {
            mess_strings(body, "$timezone", draw, |s, d| mixed_case(s, d.seed()));
        }
    },
};

/// `SuprSend`'s keys: channel lists, the user's settings, custom
/// properties.
fn suprsend_value(path: &str, _: &str) -> Option<BoxedStrategy<Value>> {
    let list = |item: BoxedStrategy<Value>| {
        prop::collection::vec(item, 1..=3)
            .prop_map(Value::Array)
            .boxed()
    };
    let token = "xoxb-[0-9]{4,12}-[a-zA-Z0-9]{8,24}";
    Some(match path {
        "$email" => list(string(email())),
        "$sms" | "$whatsapp" => list(string(phone())),
        "$inbox" => list(string("[A-Za-z0-9]{10,25}")),
        "$messenger" => list(string("[A-Za-z0-9]{10,20}")),
        "$androidpush" => list(prop_oneof![
            string(fcm_token()),
            push_object(fcm_token(), suprsend::ANDROID_PROVIDERS),
        ].boxed()),
        "$iospush" => list(prop_oneof![
            string(apns_token()),
            push_object(apns_token(), suprsend::IOS_PROVIDERS),
        ].boxed()),
        "$slack" => list(prop_oneof![
            string("[UW][A-Z0-9]{8,10}"),
            (email(), token).prop_map(|(e, t)| json!({"email": e, "access_token": t})),
            ("C[A-Z0-9]{8,10}", token).prop_map(|(c, t)| json!({"channel_id": c, "access_token": t})),
            "[A-Z0-9]{9}/[A-Z0-9]{9}/[a-zA-Z0-9]{24}".prop_map(|p| {
                json!({"incoming_webhook": {"url": format!("https://hooks.slack.com/services/{p}")}})
            }),
        ].boxed()),
        "$ms_teams" => list(prop_oneof![
            ("[0-9a-f]{8}-[0-9a-f]{4}", select(&["emea", "amer", "apac"][..]), "[a-zA-Z0-9]{6,20}")
                .prop_map(|(tenant, region, conv)| json!({
                    "tenant_id": tenant,
                    "service_url": format!("https://smba.trafficmanager.net/{region}/"),
                    "conversation_id": format!("19:{conv}@thread.tacv2"),
                })),
            "[a-z0-9]{8,16}".prop_map(|p| json!({
                "incoming_webhook": {"url": format!("https://example.webhook.office.com/webhookb2/{p}")}
            })),
        ].boxed()),
        // The browser's `PushSubscription` as JSON.
        "$webpush" => list(("[A-Za-z0-9_-]{16,40}", "B[A-Za-z0-9_-]{20,86}", "[A-Za-z0-9_-]{16,22}")
            .prop_map(|(id, p256dh, auth)| json!({
                "endpoint": format!("https://fcm.googleapis.com/fcm/send/{id}"),
                "expirationTime": null,
                "keys": {"p256dh": p256dh, "auth": auth},
            }))
            .boxed()),
        "$timezone" => string(time_zone()),
        "$preferred_language" => string(language_code()),
        "$locale" => string(select(&["en", "es", "en_GB", "en-US", "pt-BR", "es-419"][..]).prop_map(str::to_owned)),
        "$channels" => prop::collection::vec(select(suprsend::CHANNEL_NAMES), 0..=3)
            .prop_map(|c| json!(c))
            .boxed(),
        "plan" | "signup_source" => string(word()),
        "score" => (0i64..1000).prop_map(Value::from).boxed(),
        "preferences" => (any::<bool>(), word())
            .prop_map(|(b, w)| json!({"digest": b, "topics": [w]}))
            .boxed(),
        _ => return None,
    })
}

/// A push object: a `token`, one of `providers`, maybe a device id.
fn push_object(
    token: impl Strategy<Value = String> + 'static,
    providers: &'static [&'static str],
) -> BoxedStrategy<Value> {
    (
        token,
        select(providers),
        prop::option::of("[a-z0-9-]{4,16}"),
    )
        .prop_map(|(token, provider, device)| match device {
            Some(d) => json!({"token": token, "provider": provider, "device_id": d}),
            None => json!({"token": token, "provider": provider}),
        })
        .boxed()
}

/// `item` with each of `members` set, one item per member.
fn each_member(item: &Value, members: &[&str]) -> Vec<Value> {
    members
        .iter()
        .map(|m| {
            let mut item = item.clone();
            item[*m] = json!("x");
            item
        })
        .collect()
}

/// `SuprSend`'s mutations: each channel's by its row in the channel table
/// (a wrong type, too many items, a bad string of its format), then those
/// of its objects and keys, checked by functions.
#[allow(clippy::too_many_lines)] // one row per rule
fn suprsend_mutations() -> Vec<Mutation> {
    use rules::*;
    let mut out = Vec::new();
    for (key, type_rule, max_items, string) in suprsend::channel_rows() {
        out.push(hand(type_rule, &[key], move |b, seed| {
            let wrong = vec![json!(""), Value::Null, json!([42]), json!(["  "])];
            b.insert(key.to_owned(), one_of(seed, wrong));
        }));
        out.push(hand(max_items, &[key], move |b, seed| {
            if let Some(Value::Array(items)) = b.get_mut(key) {
                #[allow(clippy::cast_possible_truncation)]
                items.resize(
                    suprsend::MAX_ITEMS + 1 + (seed % 5) as usize,
                    items[0].clone(),
                );
            }
        }));
        if let Kind::Str(format) = string {
            for (rule, bad) in breaks(format) {
                out.push(hand(rule, &[], move |b, seed| {
                    push_item(b, key, bad.value(seed));
                }));
            }
        }
    }
    out.extend([
        push(SUPRSEND_ANDROIDPUSH_PROVIDER_ENUM, "$androidpush", || {
            ["apns", "huawei", "gcm"]
                .iter()
                .map(|p| json!({"token": "t1", "provider": p}))
                .collect()
        }),
        push(SUPRSEND_IOSPUSH_PROVIDER_ENUM, "$iospush", || {
            ["fcm", "voip", "xiaomi"]
                .iter()
                .map(|p| json!({"token": "t1", "provider": p}))
                .collect()
        }),
        push(
            SUPRSEND_ANDROIDPUSH_PROVIDER_REQUIRED,
            "$androidpush",
            || {
                vec![
                    json!({"token": "t1"}),
                    json!({"token": "t1", "provider": null}),
                ]
            },
        ),
        push(SUPRSEND_IOSPUSH_PROVIDER_REQUIRED, "$iospush", || {
            vec![
                json!({"token": "t1"}),
                json!({"token": "t1", "device_id": "d1"}),
            ]
        }),
        push(SUPRSEND_ANDROIDPUSH_UNKNOWN_FIELD, "$androidpush", || {
            each_member(
                &json!({"token": "t1", "provider": "fcm"}),
                &["vendor", "Device_id", "app_id"],
            )
        }),
        push(SUPRSEND_IOSPUSH_UNKNOWN_FIELD, "$iospush", || {
            each_member(
                &json!({"token": "t1", "provider": "apns"}),
                &["voip", "bundleId", "topic"],
            )
        }),
        push(SUPRSEND_SLACK_UNKNOWN_FIELD, "$slack", || {
            each_member(
                &json!({"user_id": "U01ABC", "access_token": "xoxb-1"}),
                &["scope", "channelId", "bot_token"],
            )
        }),
        push(SUPRSEND_MS_TEAMS_UNKNOWN_FIELD, "$ms_teams", || {
            each_member(
                &json!({"tenant_id": "t", "conversation_id": "19:c"}),
                &["teamId", "channel_id", "serviceUrl"],
            )
        }),
        push(SUPRSEND_SLACK_FORMAT, "$slack", || {
            vec![
                json!({"access_token": "xoxb-1"}),
                json!({"email": "not-an-email"}),
                json!({"incoming_webhook": {"url": "hooks slack"}}),
            ]
        }),
        push(SUPRSEND_SLACK_ADVICE, "$slack", || {
            vec![
                json!("X01ABC"),
                json!({"channel_id": "G01ABC", "access_token": "xoxb-1"}),
                json!({"channel_id": "C01ABC", "access_token": "token"}),
                json!({"incoming_webhook": {"url": "https://example.com/hook"}}),
            ]
        }),
        push(SUPRSEND_MS_TEAMS_FORMAT, "$ms_teams", || {
            vec![
                json!({"tenant_id": "t"}),
                json!({"conversation_id": "c", "service_url": "smba host"}),
                json!({"incoming_webhook": {"url": "example.com/hook"}}),
            ]
        }),
        push(SUPRSEND_MS_TEAMS_ADVICE, "$ms_teams", || {
            vec![json!({"conversation_id": "c", "service_url": "https://example.com/"})]
        }),
        push(SUPRSEND_WEBPUSH_FORMAT, "$webpush", || {
            vec![
                json!("webpush_token_abc123"),
                json!({"endpoint": "https://push.example.com/x"}),
                json!({"endpoint": "https://push.example.com/x", "keys": {"p256dh": "BNc"}}),
            ]
        }),
        set(SUPRSEND_LOCALE_TYPE, "$locale", || {
            vec![json!(5), json!(["en"])]
        }),
        set(SUPRSEND_LOCALE_FORMAT, "$locale", || {
            strings(&["English", "e", "en-", "en GB"])
        }),
        set(SUPRSEND_CHANNELS_TYPE, "$channels", || {
            vec![json!("email"), json!([1])]
        }),
        set(SUPRSEND_CHANNELS_ENUM, "$channels", || {
            vec![json!(["fax"]), json!(["Email"]), json!(["push"])]
        }),
        set(SUPRSEND_TIMEZONE_TYPE, "$timezone", || {
            vec![json!(5), json!(["UTC"])]
        }),
        set(SUPRSEND_TIMEZONE_FORMAT, "$timezone", || {
            strings(&["PST", "+05:00", "Z", "Mars/Olympus"])
        }),
        set(
            SUPRSEND_PREFERRED_LANGUAGE_TYPE,
            "$preferred_language",
            || vec![json!(1), json!({"code": "en"})],
        ),
        set(
            SUPRSEND_PREFERRED_LANGUAGE_FORMAT,
            "$preferred_language",
            || strings(BAD_LANGUAGES),
        ),
        set(
            SUPRSEND_PREFERRED_LANGUAGE_LOSSY,
            "$preferred_language",
            || strings(LANGUAGE_TAGS),
        ),
        with(SUPRSEND_PROPERTIES_RESERVED_KEY, |b, seed| {
            b.insert(
                pick(seed, &["$emial", "$time_zone", "ss_plan", "$name"]).into(),
                json!("x"),
            );
        }),
        with(SUPRSEND_PROPERTIES_REQUIRED, |b, seed| {
            b.insert(pick(seed, &["", "  "]).into(), json!("x"));
        }),
        with(SUPRSEND_PROPERTIES_ADVICE, |b, seed| {
            b.insert(
                pick(seed, &["email", "sms", "whatsapp", "slack"]).into(),
                json!("x"),
            );
        }),
        with(SUPRSEND_BODY_MAX_LENGTH, |b, seed| {
            #[allow(clippy::cast_possible_truncation)]
            let n = suprsend::MAX_BODY_BYTES + 100 + (seed % 1000) as usize;
            b.insert("notes".into(), json!("x".repeat(n)));
        }),
    ]);
    out
}

// raia -----------------------------------------------------------------------

static RAIA: Plan = Plan {
    provider: Provider::Raia,
    value: |_, _| None,
    extra: &[],
    skip: |_| false,
    // `raia.body.required`: an email, a phone number or an id.
    agree: |body, draw| {
        if !["email", "phoneNumber", "fkId"]
            .iter()
            .any(|k| body.contains_key(*k))
        {
            body.insert("email".to_owned(), json!(draw.value(&email())));
        }
    },
    repair: |_| {},
    mutations: raia_mutations,
    // Formats under the skip flags are checked by a function.
    mess: |body, draw| {
        mess_strings(body, "email", draw, messy_email_of);
        mess_strings(body, "phoneNumber", draw, messy_phone_of);
    },
};

/// Sets `member` to one of `bad`, with its skip `flag` set (`skip`) or
/// removed.
fn flagged(
    b: &mut Map<String, Value>,
    seed: u64,
    (member, bad): (&str, &[&str]),
    flag: &str,
    skip: bool,
) {
    b.insert(member.to_owned(), one_of(seed, strings(bad)));
    b.insert(flag.to_owned(), json!(true));
    if !skip {
        b.remove(flag);
    }
}

/// raia's mutations the rows cannot say: formats under the skip flags,
/// the rule across members, unknown members (reported by a function).
fn raia_mutations() -> Vec<Mutation> {
    use rules::*;
    const EMAIL: (&str, &[&str]) = ("email", BAD_EMAILS);
    const PHONE: (&str, &[&str]) = ("phoneNumber", BAD_PHONES);
    vec![
        with(RAIA_BODY_REQUIRED, |b, _| {
            b.retain(|k, _| !["email", "phoneNumber", "fkId"].contains(&k.as_str()));
        }),
        with(RAIA_EMAIL_FORMAT, |b, s| {
            flagged(b, s, EMAIL, "skipEmailValidation", false);
        }),
        with(RAIA_EMAIL_ADVICE, |b, s| {
            flagged(b, s, EMAIL, "skipEmailValidation", true);
        }),
        with(RAIA_PHONE_NUMBER_FORMAT, |b, s| {
            flagged(b, s, PHONE, "skipPhoneNumberValidation", false);
        }),
        with(RAIA_PHONE_NUMBER_ADVICE, |b, s| {
            flagged(b, s, PHONE, "skipPhoneNumberValidation", true);
        }),
        set(RAIA_PHONE_NUMBER_INVALID_NUMBER, "phoneNumber", || {
            strings(UNASSIGNED)
        }),
        with(RAIA_METADATA_UNKNOWN_FIELD, |b, _| {
            let meta = if b.contains_key("customData") {
                json!({"note": "x"})
            } else {
                json!({"customData": {"plan": "pro"}})
            };
            b.insert("metadata".into(), meta);
        }),
        with(RAIA_BODY_UNKNOWN_FIELD, |b, seed| {
            b.insert(
                pick(seed, &["phone", "emial", "first_name", "tags"]).into(),
                json!("x"),
            );
        }),
    ]
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;
    use crate::engine::Walker;
    use crate::options::Options;
    use crate::report::Location;
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
            for m in mutations(plan(provider)) {
                assert!(rules::lookup(m.rule.id()).is_some());
                assert_eq!(m.rule.provider(), provider.as_str());
            }
        }
    }

    /// Rows a provider might add, of ordinary kinds and formats, with
    /// rules of the catalog.
    static NEW_ROWS: ObjectSpec = ObjectSpec::of(&[
        Member::required(
            "signedUpAt",
            Kind::Str(Format::UtcDateTime(rules::OMNISEND_CREATED_AT_FORMAT)),
            rules::OMNISEND_CREATED_AT_TYPE,
            rules::RAIA_FIRST_NAME_REQUIRED,
        ),
        Member::optional(
            "workEmail",
            Kind::Str(Format::Email(rules::SENDIOS_EMAIL_FORMAT)),
            rules::SENDIOS_EMAIL_TYPE,
        ),
        Member::optional(
            "mobile",
            Kind::Str(Format::Phone {
                format: rules::SENDIOS_PHONE_FORMAT,
                invalid: rules::SENDIOS_PHONE_INVALID_NUMBER,
            }),
            rules::SENDIOS_PHONE_TYPE,
        ),
        Member::optional(
            "age",
            Kind::Int(Some((0, 150, rules::SENDIOS_AGE_RANGE))),
            rules::SENDIOS_AGE_TYPE,
        ),
        Member::optional("labels", Kind::Array(&LABELS), rules::OMNISEND_TAGS_TYPE),
        Member::optional(
            "address",
            Kind::Object(&ADDRESS),
            rules::RAIA_CUSTOM_DATA_TYPE,
        ),
    ])
    .unknown(rules::SENDIOS_BODY_UNKNOWN_FIELD);

    static LABELS: ArraySpec = ArraySpec {
        items: Kind::Str(Format::NonEmpty(rules::OMNISEND_TAGS_TYPE)),
        max_items: Some((5, rules::OMNISEND_TAGS_MAX_ITEMS)),
        dedupe: Some(rules::OMNISEND_TAGS_UNIQUE),
    };

    static ADDRESS: ObjectSpec = ObjectSpec::of(&[
        Member::optional(
            "country",
            Kind::Str(Format::Country {
                format: rules::SENDIOS_COUNTRY_FORMAT,
                advice: rules::SENDIOS_COUNTRY_ADVICE,
                alpha2: false,
            }),
            rules::SENDIOS_COUNTRY_TYPE,
        ),
        Member::optional(
            "verified",
            Kind::Bool,
            rules::RAIA_SKIP_EMAIL_VALIDATION_TYPE,
        ),
    ])
    .unknown(rules::OMNISEND_BODY_UNKNOWN_FIELD);

    /// Nothing beside the rows.
    static BARE: Plan = Plan {
        provider: Provider::Raia,
        value: |_, _| None,
        extra: &[],
        skip: |_| false,
        agree: |_, _| {},
        repair: |_| {},
        mutations: Vec::new,
        mess: |_, _| {},
    };

    /// The rules the walk of `object` by [`NEW_ROWS`] reports, and whether
    /// it changed anything.
    fn walk(object: &Map<String, Value>) -> (BTreeSet<&'static str>, bool) {
        let options = Options::default();
        let mut walker = Walker::new(&options, Location::Body);
        walker.walk_object(&mut object.clone(), &NEW_ROWS);
        let rules = walker
            .violations
            .iter()
            .map(crate::Violation::rule)
            .collect();
        (rules, !walker.changes.is_empty())
    }

    /// A row added to a table is generated and broken with no edit here:
    /// valid objects give every row and pass clean, each mutation the rows
    /// say breaks exactly its rule, and every rule of the rows is one.
    #[test]
    fn new_rows_are_generated_and_broken() {
        let mut runner = TestRunner::deterministic();
        let valid = object_of(&NEW_ROWS, "", &BARE, None, &[]);
        let mut seen = BTreeSet::new();
        for _ in 0..200 {
            let object = valid.new_tree(&mut runner).unwrap().current();
            assert_eq!(walk(&object), (BTreeSet::new(), false), "{object:?}");
            seen.extend(object.keys().cloned());
            if let Some(Value::Object(address)) = object.get("address") {
                seen.extend(address.keys().map(|k| format!("address/{k}")));
            }
        }
        let rows = [
            "signedUpAt",
            "workEmail",
            "mobile",
            "age",
            "labels",
            "address",
        ];
        let wanted: BTreeSet<String> = rows
            .iter()
            .map(|r| (*r).to_owned())
            .chain(["address/country".to_owned(), "address/verified".to_owned()])
            .collect();
        assert_eq!(seen, wanted);

        let mut derived = Vec::new();
        derive(&NEW_ROWS, "", &[], &BARE, &mut derived);
        if !cfg!(feature = "phone") {
            derived.retain(|m| !m.rule.id().ends_with(".invalid_number"));
        }
        for m in &derived {
            let valid = object_of(&NEW_ROWS, "", &BARE, None, &m.at);
            for _ in 0..20 {
                let mut object = valid.new_tree(&mut runner).unwrap().current();
                let mut draw = Draw::new(runner.rng().next_u64());
                (m.edit)(m.target(&mut object).expect("forced"), &mut draw);
                let (found, _) = walk(&object);
                assert_eq!(found, BTreeSet::from([m.rule.id()]), "{object:?}");
            }
        }
        let ids: BTreeSet<&str> = derived.iter().map(|m| m.rule.id()).collect();
        let mut want = BTreeSet::from([
            "omnisend.created_at.format",
            "omnisend.created_at.type",
            "raia.first_name.required",
            "sendios.email.format",
            "sendios.email.type",
            "sendios.phone.format",
            "sendios.phone.type",
            "sendios.age.range",
            "sendios.age.type",
            "omnisend.tags.type",
            "omnisend.tags.max_items",
            "omnisend.tags.unique",
            "raia.custom_data.type",
            "sendios.country.format",
            "sendios.country.advice",
            "sendios.country.type",
            "raia.skip_email_validation.type",
            "sendios.body.unknown_field",
            "omnisend.body.unknown_field",
        ]);
        if cfg!(feature = "phone") {
            want.insert("sendios.phone.invalid_number");
        }
        assert_eq!(ids, want);
    }
}
