//! The provider-conformance suite (issue 15): request bodies taken from the
//! providers' own sources — their server tests, schemas, OpenAPI files and
//! SDK examples — each with the provider's own verdict, checked against the
//! crate. Unlike `tests/fixtures/` (what the crate reports, exactly), these
//! cases say what the *provider* does, and the crate must agree:
//!
//! - a body the provider accepts must be valid here (no false error);
//! - a body the provider refuses should be invalid here (a missed error);
//! - where a case gives the provider's exact error body
//!   (`provider_error`, Rocket.Chat), the report's must be the same;
//!
//! except the cases listed in the file's `differences`, each with its
//! reason (the crate stricter or laxer on purpose). A listed difference that
//! no longer differs fails too, so the list stays exact.
//!
//! One file per provider, `tests/providers/<provider>.json`:
//!
//! ```json
//! {
//!   "provider": "rocketchat",
//!   "sources": ["RocketChat/Rocket.Chat 7.x packages/rest-typings/src/v1/omnichannel.ts", "…"],
//!   "generator": "scripts/rocketchat/verdicts.mjs (ajv 8.17.1)",   // optional
//!   "cases": [
//!     {
//!       "name": "unique within the file",
//!       "source": "repository path:line, or URL",
//!       "operation": "create",           // optional (default: the provider's default)
//!       "envelope": false,               // optional: the document is a request envelope
//!       "rocketchat_custom_fields": [],  // optional: Rocket.Chat's workspace custom
//!                                        // fields, given to the validator's Options
//!       "body": { },                     // the document as JSON, or
//!       "text": "{\"raw\": 1}",          // the document as raw text
//!       "accepted": true,                // the provider's verdict
//!       "provider_error": { }            // optional: the provider's exact error body
//!     }
//!   ],
//!   "differences": [
//!     {"name": "a case name", "reason": "why the crate differs, with its source"}
//!   ]
//! }
//! ```

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use omnicontact::{Operation, Options, Provider, Report, Validator};
use serde_json::Value;

/// Every `tests/providers/*.json` file, with its name.
fn suites() -> Vec<(String, Value)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/providers");
    let Ok(entries) = fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut files: Vec<_> = entries
        .map(|e| e.expect("readable dir entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|file| {
            let text = fs::read_to_string(&file).expect("readable suite");
            let suite: Value = serde_json::from_str(&text)
                .unwrap_or_else(|e| panic!("{}: not JSON: {e}", file.display()));
            let name = file.file_name().unwrap().to_string_lossy().into_owned();
            (name, suite)
        })
        .collect()
}

/// The crate's report on one case.
fn report(provider: Provider, name: &str, case: &Value) -> Report {
    let validator = match case.get("operation").and_then(Value::as_str) {
        Some(op) => {
            let op: Operation = op
                .parse()
                .unwrap_or_else(|e| panic!("{name}: operation: {e}"));
            Validator::for_operation(provider, op)
                .unwrap_or_else(|e| panic!("{name}: {provider} has no {op}: {e}"))
        }
        None => Validator::new(provider),
    };
    let validator = match case.get("rocketchat_custom_fields") {
        Some(fields) => {
            let fields: Vec<omnicontact::rocketchat::CustomField> =
                serde_json::from_value(fields.clone())
                    .unwrap_or_else(|e| panic!("{name}: rocketchat_custom_fields: {e}"));
            validator.with_options(Options::new().rocketchat_custom_fields(fields))
        }
        None => validator,
    };
    let text = match (case.get("text"), case.get("body")) {
        (Some(Value::String(t)), _) => t.clone(),
        (_, Some(body)) => body.to_string(),
        _ => panic!("{name}: needs `body` or `text`"),
    };
    if case.get("envelope").and_then(Value::as_bool) == Some(true) {
        validator.validate_envelope_str(&text)
    } else {
        validator.validate_str(&text)
    }
}

/// How the crate differs from the provider on one case, if it does.
fn difference(name: &str, case: &Value, report: &Report) -> Option<String> {
    let accepted = case["accepted"]
        .as_bool()
        .unwrap_or_else(|| panic!("{name}: needs `accepted`"));
    match (accepted, report.is_valid()) {
        (true, false) => return Some(format!("false error: the provider accepts it\n{report}")),
        (false, true) => return Some("missed error: the provider refuses it".to_owned()),
        _ => {}
    }
    if let Some(want) = case.get("provider_error") {
        let got = report.provider_error().cloned().unwrap_or(Value::Null);
        if &got != want {
            return Some(format!("provider_error\n  want {want}\n  got  {got}"));
        }
    }
    None
}

#[test]
fn the_crate_agrees_with_the_providers() {
    let mut failures = Vec::new();
    let mut cases = 0;
    for (file, suite) in suites() {
        let provider: Provider = suite["provider"]
            .as_str()
            .unwrap_or_else(|| panic!("{file}: needs `provider`"))
            .parse()
            .unwrap_or_else(|e| panic!("{file}: provider: {e}"));
        assert!(
            suite["sources"].as_array().is_some_and(|s| !s.is_empty()),
            "{file}: needs `sources`"
        );
        let mut expected = BTreeSet::new();
        for d in suite["differences"].as_array().into_iter().flatten() {
            let name = d["name"].as_str().expect("a difference names its case");
            assert!(
                d["reason"].as_str().is_some_and(|r| !r.is_empty()),
                "{file}: difference `{name}` needs a reason"
            );
            assert!(
                expected.insert(name.to_owned()),
                "{file}: `{name}` listed twice"
            );
        }
        let mut names = BTreeSet::new();
        for case in suite["cases"].as_array().into_iter().flatten() {
            let name = case["name"].as_str().expect("a case has a name");
            assert!(names.insert(name.to_owned()), "{file}: case `{name}` twice");
            assert!(
                case["source"].as_str().is_some_and(|s| !s.is_empty()),
                "{file}: case `{name}` needs a source"
            );
            let label = format!("{file}: {name}");
            let report = report(provider, &label, case);
            match (difference(&label, case, &report), expected.contains(name)) {
                (Some(d), false) => failures.push(format!("{label}: {d}")),
                (None, true) => failures.push(format!(
                    "{label}: listed as a difference, but the crate agrees with the provider now"
                )),
                _ => {}
            }
            cases += 1;
        }
        for name in expected.difference(&names) {
            failures.push(format!("{file}: difference `{name}` names no case"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {cases} cases differ from the provider:\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}
