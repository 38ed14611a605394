//! The validator a fixture case of `tests/fixtures/*.json` names, with the
//! options the case sets (`operation`, `today`, `region`, `max_bytes`,
//! `max_depth`, `max_per_rule`, `rocketchat_custom_fields`), shared by
//! `tests/conformance.rs` and `tests/check.rs`.

use omnicontact::values::{CountryCode, Date};
use omnicontact::{Operation, Options, Provider, Validator};
use serde_json::Value;

/// The case's validator, or `None` for a case without a provider (the
/// contact model's).
pub fn validator_for(case: &Value) -> Option<Validator> {
    let provider: Provider = case["provider"].as_str()?.parse().ok()?;
    let validator = match case.get("operation").and_then(Value::as_str) {
        Some(op) => Validator::for_operation(provider, op.parse::<Operation>().unwrap()).unwrap(),
        None => Validator::new(provider),
    };
    let today = case
        .get("today")
        .and_then(Value::as_str)
        .unwrap_or("2026-01-01");
    let mut options = Options::new().today(Date::parse(today).unwrap());
    if let Some(region) = case.get("region").and_then(Value::as_str) {
        options = options.default_region(CountryCode::parse(region).unwrap());
    }
    for (member, set) in [
        (
            "max_bytes",
            Options::max_bytes as fn(Options, usize) -> Options,
        ),
        ("max_depth", Options::max_depth),
        ("max_per_rule", Options::max_per_rule),
    ] {
        if let Some(max) = case.get(member).and_then(Value::as_u64) {
            options = set(options, usize::try_from(max).unwrap());
        }
    }
    if let Some(fields) = case.get("rocketchat_custom_fields") {
        let fields: Vec<omnicontact::rocketchat::CustomField> =
            serde_json::from_value(fields.clone())
                .expect("custom fields as the server stores them");
        options = options.rocketchat_custom_fields(fields);
    }
    Some(validator.with_options(options))
}
