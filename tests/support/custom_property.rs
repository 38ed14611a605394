//! The check of the `custom_property` fuzz target, shared with the test
//! that replays its seed corpus (`tests/fuzz_seeds.rs`).
//!
//! The input is a property name, a line feed, and a value: JSON when the
//! rest parses as JSON, else the rest as a string (without a line feed the
//! whole input is the name and, as a string, the value). The property is
//! put into an Omnisend body's `customProperties` and a Sendios body's
//! `fields`, and built with `CustomProperty::new`; nothing panics, and
//!
//! - a report is valid exactly when it has no error, and then has a
//!   normalized body that validates again with no error, no change and the
//!   same value, and converts to every provider;
//! - Omnisend reports `omnisend.custom_properties.name.format` at
//!   `/customProperties/<name>` exactly when `CustomProperty::is_valid_name`
//!   is false, with a suggestion (if any) that is a valid name;
//! - Sendios accepts any name and value in `fields` of a valid body, and the
//!   same key with another JSON type later in the batch is
//!   `sendios.fields.consistent_type`;
//! - `CustomProperty::new` succeeds exactly when the name is valid, keeps
//!   the name and value (`""` becomes `Remove`), and reports a bad name as
//!   `contact.custom_properties.name.format` at `/customProperties/<name>`.

use omnicontact::{CustomProperty, PropertyValue, Provider, Report, Severity, Validator};

use super::report::invariants;
use serde_json::{Value, json};

const NAME_FORMAT: &str = "omnisend.custom_properties.name.format";
const MODEL_NAME_FORMAT: &str = "contact.custom_properties.name.format";
const CONSISTENT_TYPE: &str = "sendios.fields.consistent_type";

/// Runs the checks on `data`; panics on a broken invariant.
pub fn check(data: &[u8]) {
    let (name, value) = split(data);
    let mut path = String::from("/customProperties");
    omnicontact::report::push_pointer_token(&mut path, &name);
    omnisend(&name, &value, &path);
    sendios(&name, &value);
    model(&name, &value, &path);
}

/// The name and the value `data` holds.
fn split(data: &[u8]) -> (String, Value) {
    match data.iter().position(|&b| b == b'\n') {
        Some(i) => {
            let name = String::from_utf8_lossy(&data[..i]).into_owned();
            let rest = &data[i + 1..];
            let value = serde_json::from_slice(rest)
                .unwrap_or_else(|_| Value::String(String::from_utf8_lossy(rest).into_owned()));
            (name, value)
        }
        None => {
            let name = String::from_utf8_lossy(data).into_owned();
            (name.clone(), Value::String(name))
        }
    }
}

fn omnisend(name: &str, value: &Value, path: &str) {
    let body = json!({
        "email": "a@b.co",
        "tags": ["source: fuzz"],
        "customProperties": { name: value },
    });
    let validator = Validator::new(Provider::Omnisend);
    let report = validator.validate_value(body);
    valid_body(&validator, &report);
    let name_errors: Vec<_> = report
        .violations()
        .iter()
        .filter(|v| v.rule() == NAME_FORMAT)
        .collect();
    let valid_name = CustomProperty::is_valid_name(name);
    assert_eq!(name_errors.is_empty(), valid_name, "{name:?}: {report}");
    for v in name_errors {
        assert_eq!(v.path(), path, "{v}");
        assert_eq!(v.severity(), Severity::Error, "{v}");
        if let Some(fixed) = v.suggestion() {
            assert!(CustomProperty::is_valid_name(fixed), "suggested {fixed:?}");
            assert_ne!(fixed, name, "suggested the name itself");
        }
    }
    for v in report.violations() {
        if v.rule().starts_with("omnisend.custom_properties") {
            assert!(
                v.path() == path || v.path().starts_with(&format!("{path}/")),
                "{v} is not at {path}"
            );
        }
    }
}

fn sendios(name: &str, value: &Value) {
    // A batch: the field's type is compared with the next document's.
    let validator = Validator::new(Provider::Sendios).batch();
    let body = json!({ "client_user_id": "u1", "fields": { name: value } });
    let report = validator.validate_value(body);
    assert!(report.is_valid(), "a Sendios field was refused: {report}");
    valid_body(&validator, &report);
    // The same key with another JSON type, later in the batch.
    let other = if value.is_string() {
        json!(1)
    } else {
        json!("x")
    };
    let report =
        validator.validate_value(json!({ "client_user_id": "u2", "fields": { name: other } }));
    let inconsistent = report
        .violations()
        .iter()
        .any(|v| v.rule() == CONSISTENT_TYPE);
    assert_eq!(inconsistent, !value.is_null(), "{report}");
}

fn model(name: &str, value: &Value, path: &str) {
    let property = match value {
        Value::Null => PropertyValue::Remove,
        Value::Bool(b) => PropertyValue::Boolean(*b),
        Value::Number(n) => PropertyValue::Number(n.as_f64().expect("a JSON number")),
        Value::String(s) => PropertyValue::String(s.clone()),
        Value::Array(items) => match items
            .iter()
            .map(|v| v.as_str().map(str::to_owned))
            .collect()
        {
            Some(list) => PropertyValue::List(list),
            None => return,
        },
        Value::Object(_) => return,
    };
    let expected = match &property {
        PropertyValue::String(s) if s.is_empty() => PropertyValue::Remove,
        other => other.clone(),
    };
    match CustomProperty::new(name, property) {
        Ok(p) => {
            assert!(CustomProperty::is_valid_name(name), "accepted {name:?}");
            assert_eq!(p.name(), name);
            assert_eq!(p.value(), &expected);
        }
        Err(report) => {
            assert!(
                !CustomProperty::is_valid_name(name),
                "refused {name:?}: {report}"
            );
            assert!(
                !report.is_valid() && !report.violations().is_empty(),
                "{report}"
            );
            for v in report.violations() {
                assert_eq!(v.rule(), MODEL_NAME_FORMAT, "{v}");
                assert_eq!(v.path(), path, "{v}");
            }
        }
    }
}

/// `report` of `validator` on a body: valid exactly when no error; a valid
/// body's normalized value is stable and converts to every provider.
fn valid_body(validator: &Validator, report: &Report) {
    invariants(report);
    let Some(normalized) = report.normalized() else {
        return;
    };
    let again = validator.validate_value(normalized.clone());
    assert!(again.is_valid(), "the normalized value is invalid: {again}");
    assert!(
        again.changes().is_empty(),
        "normalizing twice changed: {again}"
    );
    assert_eq!(
        again.normalized(),
        Some(normalized),
        "normalizing twice changed the value"
    );
    for &target in Provider::ALL {
        let converted = validator.convert_value(normalized.clone(), target);
        invariants(&converted);
        assert!(converted.converted().is_some(), "{converted}");
    }
}
