//! The contract of `omnicontact::strategies` (feature `proptest`): valid
//! bodies validate with no violation and no change, invalid bodies break
//! exactly the rule they are paired with, value strategies produce values
//! in normalized form.
#![cfg(feature = "proptest")]

use std::collections::BTreeSet;

use omnicontact::strategies::{
    contact, country_code, email, invalid_body, invalid_rules, language_code, messy_body,
    messy_country_code, messy_email, messy_language_code, messy_phone, messy_time_zone, phone,
    time_zone, utc_date_time, valid_body,
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

/// Messy values parse to exactly their paired normalized form, and are
/// written otherwise often enough to mean something.
#[test]
fn messy_values_parse_to_their_normalized_form() {
    let mut runner = TestRunner::new(config(1));
    let mut differ = [0usize; 5];
    for _ in 0..300 {
        let (w, n) = messy_email().new_tree(&mut runner).unwrap().current();
        assert_eq!(
            Email::parse(&w).map(|e| e.as_str().to_owned()),
            Ok(n.clone()),
            "{w:?}"
        );
        differ[0] += usize::from(w != n);
        let (w, region, n) = messy_phone().new_tree(&mut runner).unwrap().current();
        let region = region.map(|r| CountryCode::parse(&r).unwrap());
        assert_eq!(
            Phone::parse_with_region(&w, region.as_ref()).map(|p| p.as_str().to_owned()),
            Ok(n.clone()),
            "{w:?} in {region:?}"
        );
        differ[1] += usize::from(w != n);
        let (w, n) = messy_country_code()
            .new_tree(&mut runner)
            .unwrap()
            .current();
        assert_eq!(
            CountryCode::parse(&w).map(|c| c.as_str().to_owned()),
            Ok(n.clone()),
            "{w:?}"
        );
        differ[2] += usize::from(w != n);
        let (w, n) = messy_language_code()
            .new_tree(&mut runner)
            .unwrap()
            .current();
        assert_eq!(
            LanguageCode::parse(&w).map(|c| c.as_str().to_owned()),
            Ok(n.clone()),
            "{w:?}"
        );
        differ[3] += usize::from(w != n);
        let (w, n) = messy_time_zone().new_tree(&mut runner).unwrap().current();
        assert_eq!(
            TimeZone::parse(&w).map(|z| z.as_str().to_owned()),
            Ok(n.clone()),
            "{w:?}"
        );
        differ[4] += usize::from(w != n);
    }
    // Without `tz`, zone names are matched as written (never messy).
    let zones = usize::from(!cfg!(feature = "tz")) * 150;
    assert!(differ[..4].iter().all(|&d| d >= 150), "{differ:?}");
    assert!(differ[4] + zones >= 150, "{differ:?}");
}

/// A messy body validates without error to exactly its paired normalized
/// body, with changes recorded when (and only when) it was written
/// otherwise.
#[test]
fn messy_bodies_normalize_to_their_clean_body() {
    let mut runner = TestRunner::new(config(1));
    for &provider in Provider::ALL {
        let strategy = messy_body(provider);
        let mut differ = 0;
        for _ in 0..150 {
            let (written, normalized) = strategy.new_tree(&mut runner).unwrap().current();
            // A fresh validator per body: Sendios `fields` types are
            // compared across a validator's documents.
            let report = Validator::new(provider).validate_value(written.clone());
            assert!(
                report
                    .violations()
                    .iter()
                    .all(|v| v.severity() != Severity::Error),
                "{provider}: {written}\n{report}"
            );
            assert_eq!(
                report.normalized(),
                Some(&normalized),
                "{provider}: {written}"
            );
            assert_eq!(
                report.changes().is_empty(),
                written == normalized,
                "{provider}: {written}\n{report}"
            );
            differ += usize::from(written != normalized);
        }
        assert!(
            differ >= 50,
            "{provider}: only {differ} of 150 bodies were messy"
        );
    }
}

#[test]
#[ignore = "prints samples"]
fn print_messy_samples() {
    let mut runner = TestRunner::new(config(1));
    for &provider in Provider::ALL {
        let (w, n) = messy_body(provider)
            .new_tree(&mut runner)
            .unwrap()
            .current();
        println!("{provider}:\n  {w}\n  {n}");
    }
}

/// Every drawn contact builds (no draw is rejected) and converts to every
/// provider; the fields are spread.
#[test]
fn contacts_build_and_convert_everywhere() {
    let mut runner = TestRunner::new(Config {
        cases: 200,
        max_local_rejects: 0,
        ..Config::default()
    });
    let with_email = std::cell::Cell::new(0);
    let with_phone = std::cell::Cell::new(0);
    let result = runner.run(&contact(), |c| {
        with_email.set(with_email.get() + usize::from(c.email().is_some()));
        with_phone.set(with_phone.get() + usize::from(c.phone().is_some()));
        use omnicontact::{omnisend, raia, rocketchat, sendios, suprsend};
        let email = c.email().map(|e| e.as_str().to_owned());
        prop_assert_eq!(&sendios::convert::from_contact(&c).0.email, &email);
        prop_assert_eq!(&raia::convert::from_contact(&c).0.email, &email);
        let emails = rocketchat::convert::from_contact(&c).0.emails;
        prop_assert_eq!(emails.first().cloned(), email);
        let _ = suprsend::convert::from_contact(&c);
        let _ = omnisend::convert::from_contact(&c);
        Ok(())
    });
    assert!(result.is_ok(), "{result:?}");
    let (e, p) = (with_email.get(), with_phone.get());
    assert!(e >= 50 && p >= 50, "{e} / {p}");
}

/// `Validator::request` gives, for any contact, the body the five-step
/// path gives (`from_contact`, `to_value`, validation), and never a body
/// with an error.
#[test]
fn requests_from_any_contact() {
    let mut runner = TestRunner::new(config(100));
    let result = runner.run(&contact(), |c| {
        use omnicontact::{omnisend, rocketchat};
        let r = Validator::new(Provider::Omnisend).request(&c, &[]).unwrap();
        let by_hand = Validator::new(Provider::Omnisend)
            .validate_value(serde_json::to_value(omnisend::convert::from_contact(&c).0).unwrap());
        prop_assert_eq!(r.body(), by_hand.normalized());
        let r = Validator::new(Provider::RocketChat)
            .request(&c, &[])
            .unwrap();
        let by_hand = Validator::new(Provider::RocketChat)
            .validate_value(serde_json::to_value(rocketchat::convert::from_contact(&c).0).unwrap());
        prop_assert_eq!(r.body(), by_hand.normalized());
        for &provider in Provider::ALL {
            for &operation in provider.operations() {
                let v = Validator::for_operation(provider, operation).unwrap();
                let endpoint = provider.endpoint(operation).unwrap();
                let params: Vec<(&str, &str)> = endpoint
                    .path_params
                    .iter()
                    .filter(|p| **p != "distinct_id")
                    .map(|p| {
                        (
                            *p,
                            if *p == "id" {
                                "5f7b1b3b-3b3b-4b3b-9b3b-3b3b3b3b3b3b"
                            } else {
                                "7"
                            },
                        )
                    })
                    .collect();
                let r = v.request(&c, &params).unwrap();
                prop_assert_eq!(
                    r.body().is_some(),
                    r.report().is_valid() && endpoint.has_body()
                );
                prop_assert_eq!(r.is_sendable(), r.report().is_valid() && r.path().is_some());
            }
        }
        Ok(())
    });
    assert!(result.is_ok(), "{result:?}");
}
