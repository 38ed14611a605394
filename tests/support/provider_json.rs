//! The check of the `provider_json` fuzz target, shared with the test that
//! replays its seed corpus (`tests/fuzz_seeds.rs`): arbitrary bytes through
//! every provider and operation, as a body and as an envelope, never panic;
//! a report is valid exactly when it has no error, and then has a normalized
//! value that validates again with no error, no change and the same value,
//! converts to every provider without panicking, and read as a `Contact`
//! makes a request of every provider and operation (`Validator::request`)
//! whose body is there exactly when its report has no error.

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
                    if let Some(contact) = contact(provider, normalized) {
                        requests(&contact);
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

/// A valid create body read as a `Contact` through its wire type.
fn contact(provider: Provider, body: &serde_json::Value) -> Option<omnicontact::Contact> {
    use omnicontact::{omnisend, raia, rocketchat, sendios, suprsend};
    let v = body.clone();
    let contact = match provider {
        Provider::Sendios => sendios::convert::to_contact(&serde_json::from_value(v).ok()?).0,
        Provider::RocketChat => rocketchat::convert::to_contact(&serde_json::from_value(v).ok()?).0,
        Provider::Suprsend => suprsend::convert::to_contact(&serde_json::from_value(v).ok()?).0,
        Provider::Raia => raia::convert::to_contact(&serde_json::from_value(v).ok()?).0,
        Provider::Omnisend => omnisend::convert::to_contact(&serde_json::from_value(v).ok()?).0,
        _ => return None,
    };
    Some(contact)
}

/// Requests of every provider and operation from `contact`, with the path
/// parameters a caller gives: sendable exactly when valid with a path, a
/// body exactly when valid and the operation sends one.
fn requests(contact: &omnicontact::Contact) {
    for &provider in Provider::ALL {
        for &operation in provider.operations() {
            let validator =
                Validator::for_operation(provider, operation).expect("a listed operation");
            let endpoint = provider.endpoint(operation).expect("an endpoint");
            let params: Vec<(&str, &str)> = endpoint
                .path_params
                .iter()
                .filter(|p| **p != "distinct_id")
                .map(|p| (*p, "5f7b1b3b-3b3b-4b3b-9b3b-3b3b3b3b3b3b"))
                .map(|(p, id)| (p, if p == "project_id" { "7" } else { id }))
                .collect();
            let request = validator
                .request(contact, &params)
                .expect("known parameters");
            invariants(request.report());
            let valid = request.report().is_valid();
            assert_eq!(
                request.body().is_some(),
                valid && endpoint.has_body(),
                "{}",
                request.report()
            );
            assert_eq!(request.is_sendable(), valid && request.path().is_some());
        }
    }
}
