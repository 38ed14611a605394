//! The public API follows the Rust API Guidelines: common traits on every
//! public type (C-COMMON-TRAITS), `Send + Sync` (C-SEND-SYNC), error types
//! that are `Error + Send + Sync + 'static` with lowercase messages without
//! a trailing period (C-GOOD-ERR). Checked at compile time where possible.

use std::error::Error;
use std::fmt::{Debug, Display};
use std::hash::Hash;

use omnicontact::convert::Loss;
use omnicontact::model::{
    ChannelNotAllowed, IdentifierKind, IdentifierValue, Platform, UnknownChannel,
    UnknownChannelStatus, UnknownPlatform,
};
use omnicontact::providers::{Header, Method, PathError};
use omnicontact::rules::RuleInfo;
use omnicontact::values::{
    CountryError, DateError, EmailError, GenderError, LanguageError, PhoneError, PhoneRegionError,
    PushTokenError, SendiosDateTimeError, TimeZoneError, UrlError, UtcDateTimeError, UuidError,
};
use omnicontact::*;

/// Every public type: printable for debugging, shareable across threads.
fn common<T: Debug + Send + Sync + Unpin + 'static>() {}
/// Plain values: also cloneable and comparable.
fn value<T: Debug + Clone + PartialEq + Send + Sync + 'static>() {}
/// Values usable as map keys.
fn key<T: Debug + Clone + PartialEq + Eq + Hash + PartialOrd + Ord + Send + Sync + 'static>() {}
/// Error types.
fn error<T: Error + Clone + PartialEq + Eq + Send + Sync + 'static>() {}

#[test]
fn common_traits() {
    // Value types: parsed strings, usable as keys, printable.
    fn string_value<T: Display + AsRef<str> + std::str::FromStr>() {}
    key::<CountryCode>();
    key::<Date>();
    key::<Email>();
    key::<LanguageCode>();
    key::<Phone>();
    key::<PhoneRegion>();
    key::<PushToken>();
    key::<SendiosDateTime>();
    key::<TimeZone>();
    key::<Url>();
    key::<UtcDateTime>();
    key::<Uuid>();
    string_value::<CountryCode>();
    string_value::<Email>();
    string_value::<Phone>();
    string_value::<PhoneRegion>();
    string_value::<TimeZone>();
    key::<Gender>();
    key::<PushTokenKind>();
    // Enums of the API.
    key::<Provider>();
    key::<Operation>();
    key::<Method>();
    key::<Severity>();
    key::<Location>();
    key::<Channel>();
    key::<ChannelStatus>();
    key::<Platform>();
    key::<IdentifierKind>();
    // Records.
    value::<Contact>();
    value::<ContactBuilder>();
    value::<Identifier>();
    value::<IdentifierBuilder>();
    value::<IdentifierValue>();
    value::<ChannelState>();
    value::<CustomProperty>();
    value::<PropertyValue>();
    value::<Violation>();
    value::<Change>();
    value::<Report>();
    value::<Loss>();
    value::<Options>();
    value::<Header>();
    value::<Endpoint>();
    value::<Document>();
    value::<omnisend::Contact>();
    value::<sendios::User>();
    value::<rocketchat::Contact>();
    value::<suprsend::User>();
    value::<raia::User>();
    value::<raia::SearchQuery>();
    common::<Validator>();
    common::<RuleInfo>();
    common::<Documents<std::io::BufReader<std::fs::File>>>();
}

#[test]
fn error_types() {
    error::<CountryError>();
    error::<DateError>();
    error::<EmailError>();
    error::<GenderError>();
    error::<LanguageError>();
    error::<PhoneError>();
    error::<PhoneRegionError>();
    error::<PushTokenError>();
    error::<SendiosDateTimeError>();
    error::<TimeZoneError>();
    error::<UrlError>();
    error::<UtcDateTimeError>();
    error::<UuidError>();
    error::<PathError>();
    error::<NameError>();
    error::<policy::PolicyError>();
    key::<policy::Level>();
    fn policy_value<T: Debug + Clone + PartialEq + Eq + Hash + Default + Send + Sync>() {}
    policy_value::<Policy>();
    error::<UnknownChannel>();
    error::<UnknownChannelStatus>();
    error::<UnknownPlatform>();
    error::<ChannelNotAllowed>();
    error::<omnicontact::model::PropertyValueError>();
    fn report_error<T: Error + Send + Sync + 'static>() {}
    report_error::<Report>();
}

/// C-SERDE: the model, its parts and the names are `Serialize` and
/// `Deserialize`; the builders are `Deserialize` (raw input, checked by
/// `build`).
#[test]
fn serde_types() {
    fn both<T: serde::Serialize + serde::de::DeserializeOwned>() {}
    fn de<T: serde::de::DeserializeOwned>() {}
    both::<Contact>();
    both::<Identifier>();
    both::<CustomProperty>();
    both::<PropertyValue>();
    both::<ChannelState>();
    both::<Channel>();
    both::<ChannelStatus>();
    both::<Platform>();
    both::<Provider>();
    both::<Operation>();
    de::<ContactBuilder>();
    de::<IdentifierBuilder>();
}

/// C-GOOD-ERR: messages start lowercase (or with a quoted value) and do
/// not end with a period.
#[track_caller]
fn good_message(e: &dyn Error) {
    let m = e.to_string();
    let first = m.chars().next().expect("a message");
    assert!(
        !first.is_uppercase(),
        "{m:?} starts with an uppercase letter"
    );
    assert!(!m.ends_with('.'), "{m:?} ends with a period");
}

#[test]
fn error_messages_are_lowercase_without_period() {
    fn keep<T, E: Error + 'static>(errors: &mut Vec<Box<dyn Error>>, r: Result<T, E>) {
        if let Err(e) = r {
            errors.push(Box::new(e));
        }
    }
    let inputs = [
        "",
        " ",
        "x",
        "ab",
        "Hello World",
        "+1",
        "12345678901234567890",
        "a@",
        "2024-13-45",
        "\u{200B}",
        "PST",
        "+05:00",
        "http://",
        "/etc",
        "ZZ",
        "zzz",
    ];
    let mut errors: Vec<Box<dyn Error>> = Vec::new();
    for s in inputs {
        keep(&mut errors, CountryCode::parse(s));
        keep(&mut errors, Date::parse(s));
        keep(&mut errors, Email::parse(s));
        keep(&mut errors, Gender::parse(s));
        keep(&mut errors, LanguageCode::parse(s));
        keep(&mut errors, Phone::parse(s));
        keep(&mut errors, PhoneRegion::parse(s));
        keep(
            &mut errors,
            Phone::parse_with_region(s, Some(PhoneRegion::parse("US").unwrap())),
        );
        keep(&mut errors, PushToken::parse(s));
        keep(&mut errors, SendiosDateTime::parse(s));
        keep(&mut errors, TimeZone::parse(s));
        keep(&mut errors, Url::parse(s));
        keep(&mut errors, UtcDateTime::parse(s));
        keep(&mut errors, Uuid::parse(s));
        keep(&mut errors, s.parse::<Provider>());
        keep(&mut errors, s.parse::<Channel>());
        keep(&mut errors, s.parse::<ChannelStatus>());
        keep(&mut errors, s.parse::<Platform>());
        keep(&mut errors, s.parse::<policy::Level>());
        keep(&mut errors, Policy::new().deny(s));
        keep(&mut errors, Policy::parse(s));
        keep(&mut errors, Policy::parse(&format!("warn {s}")));
    }
    keep(&mut errors, Policy::new().allow("input.body.type"));
    // The phone errors of a region's own reading.
    for (input, region) in [("00 49 30 123456", "US"), ("8 810 490 18 22", "BY")] {
        let region = PhoneRegion::parse(region).unwrap();
        let refused = Phone::parse_with_region(input, Some(region));
        assert!(refused.is_err() || !cfg!(feature = "phone"), "{refused:?}");
        keep(&mut errors, refused);
    }
    // A path parameter missing from a path that needs one.
    let missing = suprsend::CREATE.path(&[]);
    assert!(missing.is_err(), "{missing:?}");
    keep(&mut errors, missing);
    // Most of these inputs are refused by most parsers (256 errors now).
    assert!(errors.len() > 200, "{} errors checked", errors.len());
    for e in &errors {
        good_message(e.as_ref());
    }
}

/// A service adds its own findings to a report, with its own rule.
#[test]
fn a_service_adds_its_own_violations() {
    use omnicontact::rules::RuleInfo;
    use omnicontact::{Location, Provider, Severity, Validator, Violation};

    static PLAN: RuleInfo =
        RuleInfo::custom("acme.plan.required", Severity::Error, "a plan is set");
    static HINT: RuleInfo = RuleInfo::custom("acme.plan.advice", Severity::Warning, "a paid plan");

    let mut report = Validator::new(Provider::Omnisend)
        .validate_str(r#"{"email":"a@b.co","tags":["source: x"]}"#);
    assert!(report.is_valid());
    report.push(Violation::new(
        &HINT,
        Location::Body,
        "/customProperties",
        "no paid plan",
    ));
    assert!(report.is_valid(), "a warning keeps it valid");
    assert!(report.normalized().is_some());
    report.push(
        Violation::new(
            &PLAN,
            Location::Body,
            "/customProperties/plan",
            "needs a plan",
        )
        .with_suggestion("free"),
    );
    assert!(!report.is_valid());
    assert_eq!(report.normalized(), None);
    let json = serde_json::to_value(&report).unwrap();
    assert_eq!(json["violations"][1]["rule"], "acme.plan.required");
    assert_eq!(json["violations"][1]["severity"], "error");
    assert_eq!(json["violations"][1]["suggestion"], "free");
    assert_eq!(json["valid"], false);
}
