//! Arbitrary bytes through every provider and operation, as a body and as
//! an envelope: never a panic, and a valid report's normalized body
//! re-validates with no error and no change.
#![no_main]

use libfuzzer_sys::fuzz_target;
use omnicontact::{Provider, Validator};

fuzz_target!(|data: &[u8]| {
    for &provider in Provider::ALL {
        for &operation in provider.operations() {
            let validator =
                Validator::for_operation(provider, operation).expect("listed operation");
            let report = validator.validate_bytes(data);
            if let Some(normalized) = report.normalized() {
                let again = validator.validate_value(normalized.clone());
                assert!(again.is_valid(), "normalized body is invalid: {again}");
                assert!(
                    again.changes().is_empty(),
                    "normalizing twice changed: {again}"
                );
            }
            if let Ok(text) = std::str::from_utf8(data) {
                let report = validator.validate_envelope_str(text);
                if let Some(normalized) = report.normalized() {
                    let again = validator.validate_envelope_value(normalized.clone());
                    assert!(again.is_valid() && again.changes().is_empty(), "{again}");
                }
            }
        }
    }
});
