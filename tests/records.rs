//! The generated benchmark records (benches/support/records.rs) are realistic:
//! valid for their provider with nothing to report, about 600 bytes, and
//! their phones come from many countries.

#[path = "../benches/support/records.rs"]
mod records;

use std::collections::BTreeSet;

use omnicontact::{Provider, Validator};

use records::PROVIDERS;

#[test]
fn every_generated_record_is_clean() {
    for provider in PROVIDERS {
        let validator = Validator::new(provider);
        for i in 0..400 {
            let record = records::record(provider, i);
            let report = validator.validate_str(&record);
            assert!(
                report.violations().is_empty(),
                "{provider} #{i}: {record}\n{report}"
            );
        }
    }
}

#[test]
fn records_are_about_600_bytes() {
    for provider in PROVIDERS {
        let sizes: Vec<usize> = (0..64)
            .map(|i| records::record(provider, i).len())
            .collect();
        let mean = sizes.iter().sum::<usize>() / sizes.len();
        assert!((450..=750).contains(&mean), "{provider}: mean {mean} bytes");
    }
}

#[test]
fn records_are_deterministic_and_distinct() {
    for provider in PROVIDERS {
        assert_eq!(records::record(provider, 7), records::record(provider, 7));
        let distinct: BTreeSet<String> = (0..100).map(|i| records::record(provider, i)).collect();
        assert_eq!(distinct.len(), 100, "{provider}");
    }
}

#[test]
fn phones_come_from_many_countries() {
    let validator = Validator::new(Provider::Omnisend);
    let codes: BTreeSet<String> = (0..64)
        .map(|i| {
            let report = validator.validate_str(&records::omnisend(i));
            let body = report.normalized().expect("valid").clone();
            let phone = body["identifiers"][1]["id"].as_str().unwrap().to_owned();
            phone[..3].to_owned()
        })
        .collect();
    assert!(codes.len() >= 12, "{codes:?}");
}
