//! The contract of `omnicontact::strategies` (feature `proptest`): valid
//! bodies validate with no violation and no change, invalid bodies break
//! exactly the rule they are paired with, value strategies produce values
//! in normalized form.
#![cfg(feature = "proptest")]

use std::collections::BTreeSet;

use omnicontact::strategies::{
    country_code, email, invalid_body, invalid_rules, language_code, phone, time_zone,
    utc_date_time, valid_body,
};
use omnicontact::{
    CountryCode, Email, LanguageCode, Phone, Provider, Severity, TimeZone, UtcDateTime, Validator,
    rules,
};
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, TestRunner};
use serde_json::Value;

fn config(cases: u32) -> Config {
    Config {
        cases,
        ..Config::default()
    }
}

fn check_valid(
    provider: Provider,
    validator: &Validator,
    body: &Value,
) -> Result<(), TestCaseError> {
    let report = validator.validate_value(body.clone());
    prop_assert!(
        report.violations().is_empty(),
        "{provider}: {body}\n{:#?}",
        report.violations()
    );
    prop_assert!(
        report.changes().is_empty(),
        "{provider}: {body}\n{:#?}",
        report.changes()
    );
    prop_assert_eq!(report.normalized(), Some(body));
    Ok(())
}

fn check_invalid(provider: Provider, body: &Value, rule: &str) -> Result<(), TestCaseError> {
    let report = Validator::new(provider).validate_value(body.clone());
    let found: BTreeSet<&str> = report.violations().iter().map(|v| v.rule()).collect();
    prop_assert_eq!(
        found,
        BTreeSet::from([rule]),
        "{}: {}\n{:#?}",
        provider,
        body,
        report.violations()
    );
    let severity = rules::lookup(rule).map(|r| r.severity());
    prop_assert!(severity.is_some(), "{rule} is in the catalog");
    prop_assert_eq!(
        report.is_valid(),
        severity == Some(Severity::Warning),
        "{}",
        rule
    );
    Ok(())
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn valid_bodies_validate_cleanly(
        bodies in (
            valid_body(Provider::Omnisend),
            valid_body(Provider::Sendios),
            valid_body(Provider::RocketChat),
            valid_body(Provider::Suprsend),
            valid_body(Provider::Raia),
        )
    ) {
        let (a, b, c, d, e) = bodies;
        for (provider, body) in [
            (Provider::Omnisend, a),
            (Provider::Sendios, b),
            (Provider::RocketChat, c),
            (Provider::Suprsend, d),
            (Provider::Raia, e),
        ] {
            check_valid(provider, &Validator::new(provider), &body)?;
        }
    }

    #[test]
    fn invalid_bodies_break_exactly_their_rule(
        cases in (
            invalid_body(Provider::Omnisend),
            invalid_body(Provider::Sendios),
            invalid_body(Provider::RocketChat),
            invalid_body(Provider::Suprsend),
            invalid_body(Provider::Raia),
        )
    ) {
        let (a, b, c, d, e) = cases;
        for (provider, (body, rule)) in [
            (Provider::Omnisend, a),
            (Provider::Sendios, b),
            (Provider::RocketChat, c),
            (Provider::Suprsend, d),
            (Provider::Raia, e),
        ] {
            prop_assert!(rule.starts_with(provider.as_str()));
            check_invalid(provider, &body, rule)?;
        }
    }

    #[test]
    fn values_are_in_normalized_form(
        address in email(),
        number in phone(),
        country in country_code(),
        language in language_code(),
        zone in time_zone(),
        when in utc_date_time(),
    ) {
        prop_assert_eq!(Email::parse(&address).map(|e| e.as_str().to_owned()), Ok(address.clone()));
        let parsed = Phone::parse(&number);
        // Assignment is only known with the `phone` feature.
        let assigned = |p: &Phone| p.is_assigned() || !cfg!(feature = "phone");
        prop_assert!(parsed.as_ref().is_ok_and(assigned), "{}", number);
        prop_assert_eq!(parsed.map(|p| p.as_str().to_owned()), Ok(number.clone()));
        prop_assert_eq!(CountryCode::parse(&country).map(|c| c.as_str()), Ok(country.as_str()));
        prop_assert_eq!(LanguageCode::parse(&language).map(|c| c.as_str()), Ok(language.as_str()));
        let parsed = TimeZone::parse(&zone).map(|z| z.to_string());
        prop_assert_eq!(parsed.as_deref(), Ok(zone.as_str()));
        prop_assert_eq!(UtcDateTime::parse(&when).map(|d| d.as_str().to_owned()), Ok(when.clone()));
    }
}

/// A batch of valid bodies goes through one validator (Sendios `fields`
/// keys keep their types across bodies).
#[test]
fn valid_bodies_form_a_clean_batch() {
    let mut runner = TestRunner::new(config(64));
    for &provider in Provider::ALL {
        let validator = Validator::new(provider);
        runner
            .run(&valid_body(provider), |body| {
                check_valid(provider, &validator, &body)
            })
            .unwrap();
    }
}

/// The rules only `Options` can bring about.
const WITH_OPTIONS: &[&str] = &[
    "rocketchat.custom_fields.required",
    "rocketchat.custom_fields.format",
    "rocketchat.custom_fields.not_allowed",
    "rocketchat.custom_fields.null",
    "rocketchat.custom_fields.unchecked",
];

/// Every mutation is reachable, and the invalid strategies cover most of
/// each provider's body rules.
#[test]
fn invalid_bodies_cover_the_listed_rules() {
    let mut runner = TestRunner::new(config(1));
    for &provider in Provider::ALL {
        let listed: BTreeSet<&str> = invalid_rules(provider).into_iter().collect();
        let strategy = invalid_body(provider);
        let mut seen = BTreeSet::new();
        for _ in 0..4000 {
            let (_, rule) = strategy.new_tree(&mut runner).expect("a value").current();
            seen.insert(rule);
            if seen.len() == listed.len() {
                break;
            }
        }
        assert_eq!(seen, listed, "{provider}");
        // Without the `phone` feature the `*.invalid_number` warnings are
        // never reported, so not generated either.
        let reported = |id: &str| cfg!(feature = "phone") || !id.ends_with(".invalid_number");
        assert!(listed.iter().all(|id| reported(id)), "{provider}");
        // Rules reported only with the Rocket.Chat workspace's custom
        // fields given (`Options::rocketchat_custom_fields`); the
        // strategies make bodies for the default options.
        let with_options = |id: &str| WITH_OPTIONS.contains(&id);
        let catalog = rules::catalog()
            .iter()
            .filter(|r| {
                r.provider() == provider.as_str() && reported(r.id()) && !with_options(r.id())
            })
            .count();
        assert!(
            listed.len() * 10 >= catalog * 8,
            "{provider}: {} of {catalog} rules",
            listed.len()
        );
    }
}

/// The value strategies reach many distinct values (phone numbers from
/// many countries).
#[test]
fn phones_come_from_many_countries() {
    let mut runner = TestRunner::new(config(1));
    let strategy = phone();
    let codes: BTreeSet<u16> = (0..2000)
        .map(|_| {
            let n = strategy.new_tree(&mut runner).expect("a value").current();
            Phone::parse(&n).expect("valid").calling_code()
        })
        .collect();
    assert!(codes.len() >= 40, "{} calling codes", codes.len());
}

#[test]
#[ignore = "prints the coverage table"]
fn print_coverage() {
    for &provider in Provider::ALL {
        let listed = invalid_rules(provider);
        let catalog = rules::catalog()
            .iter()
            .filter(|r| r.provider() == provider.as_str())
            .count();
        println!(
            "{provider}: {}/{catalog}: {}",
            listed.len(),
            listed.join(" ")
        );
    }
}
