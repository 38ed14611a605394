//! The report invariants the `provider_json` and `custom_property` fuzz
//! checks share (and `tests/fuzz_seeds.rs` with them): valid exactly when
//! no violation is an error, a normalized body exactly when valid, every
//! path empty or a JSON Pointer; at most `DEFAULT_MAX_PER_RULE` violations
//! and changes of a rule in one part of a report (beyond, one
//! `input.report.truncated` warning); every `input.number.precision`
//! warning comes with its change, whose `from` is the number as written.

use std::collections::HashMap;

use omnicontact::options::DEFAULT_MAX_PER_RULE;
use omnicontact::{Location, Report, Severity};

/// Panics when `report` breaks one of the invariants.
pub fn invariants(report: &Report) {
    let errors = report
        .violations()
        .iter()
        .any(|v| v.severity() == Severity::Error);
    assert_eq!(report.is_valid(), !errors, "{report}");
    assert_eq!(report.normalized().is_some(), !errors, "{report}");
    for v in report.violations() {
        assert!(v.path().is_empty() || v.path().starts_with('/'), "{v}");
    }
    let converted = |location: Location| location == Location::Converted;
    let mut per_rule = HashMap::new();
    for v in report.violations() {
        *per_rule
            .entry((v.rule(), converted(v.location())))
            .or_insert(0) += 1;
    }
    for ((rule, _), n) in &per_rule {
        if *rule != "input.report.truncated" {
            assert!(
                *n <= DEFAULT_MAX_PER_RULE,
                "{n} `{rule}` violations: {report}"
            );
        }
    }
    let mut per_rule = HashMap::new();
    for c in report.changes() {
        *per_rule
            .entry((c.rule(), converted(c.location())))
            .or_insert(0) += 1;
    }
    assert!(
        per_rule.values().all(|n| *n <= DEFAULT_MAX_PER_RULE),
        "{report}"
    );
    for v in report.violations() {
        if v.rule() == "input.number.precision" {
            let change = report
                .changes()
                .iter()
                .find(|c| c.rule() == v.rule() && c.path() == v.path());
            assert!(
                change.is_some_and(|c| c.from().is_string() && c.to().is_number()),
                "{v}: no change: {report}"
            );
        }
    }
}
