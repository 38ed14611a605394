//! The check of the `provider_json` fuzz target, shared with the test that
//! replays its seed corpus (`tests/fuzz_seeds.rs`): arbitrary bytes through
//! every provider and operation, as a body and as an envelope, never panic;
//! a report is valid exactly when it has no error, and then has a normalized
//! value that validates again with no error, no change and the same value,
//! and converts to every provider without panicking.

use omnicontact::{Provider, Report, Severity, Validator};

use super::report::invariants;

/// Runs every provider and operation on `data`; panics on a broken
/// invariant.
pub fn check(data: &[u8]) {
    for &provider in Provider::ALL {
        for &operation in provider.operations() {
            let validator =
                Validator::for_operation(provider, operation).expect("a listed operation");
            let body = validator.validate_bytes(data);
            invariants(&body);
            if let Some(normalized) = body.normalized() {
                stable(&validator.validate_value(normalized.clone()), &body);
                if operation.has_body() {
                    for &target in Provider::ALL {
                        converted(&validator.convert_value(normalized.clone(), target));
                    }
                }
            }
            let envelope = validator.validate_envelope_bytes(data);
            invariants(&envelope);
            if let Some(normalized) = envelope.normalized() {
                stable(
                    &validator.validate_envelope_value(normalized.clone()),
                    &envelope,
                );
            }
        }
    }
}

/// A conversion of a valid body: converted, valid exactly when no error,
/// every `convert.*` rule a warning in the converted location.
fn converted(report: &Report) {
    invariants(report);
    assert!(report.converted().is_some(), "{report}");
    for v in report.violations() {
        if v.rule().starts_with("convert.") {
            assert_eq!(v.severity(), Severity::Warning, "{v}");
            assert_eq!(v.location(), omnicontact::Location::Converted, "{v}");
        }
    }
}

/// `again` validated the normalized value of `first`.
fn stable(again: &Report, first: &Report) {
    assert!(again.is_valid(), "the normalized value is invalid: {again}");
    assert!(
        again.changes().is_empty(),
        "normalizing twice changed: {again}"
    );
    assert_eq!(
        again.normalized(),
        first.normalized(),
        "normalizing twice changed the value"
    );
}
