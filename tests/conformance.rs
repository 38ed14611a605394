//! The data-driven conformance suite: every fixture under
//! `tests/fixtures/*.json` is a list of cases, each a document and exactly
//! what validation must report for it.
//!
//! A case:
//! ```json
//! {
//!   "name": "what it shows",
//!   "provider": "omnisend",
//!   "operation": "create",            // optional
//!   "envelope": false,                // optional: validate a request envelope
//!   "region": "US",                   // optional: default phone region
//!   "today": "2026-01-01",            // optional: fixed "today" (default 2026-01-01)
//!   "max_bytes": 1024, "max_depth": 8, // optional: input limits
//!   "max_per_rule": 2,                // optional: report cap per rule
//!   "rocketchat_custom_fields": [{"_id": "cf1", "required": true}],
//!                                     // optional: the Rocket.Chat workspace's
//!                                     // custom fields, as the server stores them
//!   "before": [{ }],                  // optional: documents validated first in
//!                                     // the same batch (`Validator::batch`)
//!   "body": { },                      // the document as JSON, or
//!   "text": "{\"raw\": 1}",           // the document as raw text
//!   "violations": ["omnisend.tags.max_items /tags"],   // exact, in order;
//!                                     // outside the body: "rule path /project_id"
//!                                     // ("rule query" for a whole part)
//!   "absent": ["omnisend.tags.unique"],                // ids that must not appear
//!   "normalized": { },                // optional: exact normalized body (null: invalid)
//!   "changes": [["rule", "/path", "from", "to"]],      // optional: exact, in order
//!   "suggestions": {"/path": "suggestion"},            // optional
//!   "provider_error": { },            // optional: exact (null: none)
//!   "to": "sendios",                  // optional: convert to this provider
//!                                     // (`Validator::convert_str`); violations
//!                                     // of the conversion read "rule converted /path"
//!   "converted": { },                 // optional: exact converted body (null: none)
//!   "converted_path": { }             // optional: exact path parameters (null: none)
//! }
//! ```
//!
//! A case of the contact model's rules (`contact.*`, `tests/fixtures/contact.json`)
//! builds a [`Contact`](omnicontact::Contact) instead of validating a body:
//! ```json
//! {
//!   "name": "what it shows",
//!   "provider": "contact",
//!   "contact": { },                   // the contact's JSON shape, read as a
//!                                     // `ContactBuilder` (serde) and built
//!                                     // with `build_with_report`
//!   "builder": {                      // optional: builder calls the JSON
//!                                     // shape has no member for, made after
//!                                     // reading `contact`
//!     "email": "jane@", "phone": "+1 234 567 890",  // the shorthands
//!     "identifier_without_value": true,             // `Identifier::builder()`
//!     "number_properties": {"score": "NaN"}         // a number as Rust reads it
//!   },
//!   "violations": ["contact.age.range /age"],       // exact, in order
//!   "absent": ["contact.age.range"],                // ids that must not appear
//!   "normalized": { }                 // optional: the built contact's JSON
//!                                     // (null: the build failed)
//! }
//! ```
//!
//! Each rule id of the catalog must be triggered by at least one case and
//! named in the `absent` list of at least one close case that does not
//! trigger it.

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use omnicontact::model::Identifier;
use omnicontact::{ContactBuilder, Location, Provider, Report, rules};
use serde_json::Value;

#[path = "support/fixture.rs"]
mod fixture;
use fixture::validator_for;

struct Outcome {
    failures: Vec<String>,
    triggered: BTreeSet<String>,
    absent: BTreeSet<String>,
    cases: usize,
}

fn load_cases() -> Vec<(String, Value)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut files: Vec<_> = fs::read_dir(&dir)
        .expect("tests/fixtures exists")
        .map(|e| e.expect("readable dir entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    let mut cases = Vec::new();
    for file in files {
        let text = fs::read_to_string(&file).expect("readable fixture");
        let list: Vec<Value> = serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("{}: not a JSON list of cases: {e}", file.display()));
        let stem = file.file_stem().unwrap().to_string_lossy().into_owned();
        for case in list {
            let name = format!(
                "{stem}: {}",
                case["name"].as_str().expect("case has a name")
            );
            cases.push((name, case));
        }
    }
    cases
}

/// Checks `absent` against the rules `reported`.
fn check_absent(name: &str, case: &Value, reported: &[&str], out: &mut Outcome) {
    for id in case
        .get("absent")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let id = id.as_str().expect("absent id is a string");
        assert!(rules::lookup(id).is_some(), "{name}: unknown rule id {id}");
        out.absent.insert(id.to_owned());
        if reported.contains(&id) {
            out.failures
                .push(format!("{name}: `{id}` must not be reported"));
        }
    }
}

/// The expected `violations` of a case, "rule path" each.
fn wanted_violations(name: &str, case: &Value) -> Vec<String> {
    case["violations"]
        .as_array()
        .unwrap_or_else(|| panic!("{name}: needs `violations`"))
        .iter()
        .map(|v| {
            v.as_str()
                .expect("violation is a string")
                .trim_end()
                .to_owned()
        })
        .collect()
}

/// A case of the contact model: its JSON read as a builder, built.
fn run_contact(name: &str, case: &Value, out: &mut Outcome) {
    let json = case
        .get("contact")
        .unwrap_or_else(|| panic!("{name}: needs `contact`"));
    let mut builder: ContactBuilder = serde_json::from_value(json.clone())
        .unwrap_or_else(|e| panic!("{name}: `contact` is not a contact's JSON shape: {e}"));
    let calls = case.get("builder").cloned().unwrap_or(Value::Null);
    if let Some(email) = calls.get("email").and_then(Value::as_str) {
        builder = builder.email(email);
    }
    if let Some(phone) = calls.get("phone").and_then(Value::as_str) {
        builder = builder.phone(phone);
    }
    if calls.get("identifier_without_value") == Some(&Value::Bool(true)) {
        builder = builder.identifier(Identifier::builder());
    }
    if let Some(Value::Object(numbers)) = calls.get("number_properties") {
        for (property, number) in numbers {
            let number: f64 = number
                .as_str()
                .and_then(|n| n.parse().ok())
                .unwrap_or_else(|| panic!("{name}: {property}: a number written as a string"));
            builder = builder.property(property, number);
        }
    }
    let built = builder.build_with_report();
    let report = match &built {
        Ok((_, warnings)) => warnings,
        Err(report) => report,
    };
    let got: Vec<String> = report
        .violations()
        .iter()
        .map(|v| {
            assert_eq!(v.location(), Location::Body, "{name}: {v}");
            format!("{} {}", v.rule(), v.path())
        })
        .collect();
    let reported: Vec<&str> = report.violations().iter().map(|v| v.rule()).collect();
    for rule in &reported {
        out.triggered.insert((*rule).to_owned());
    }
    let want = wanted_violations(name, case);
    if got != want {
        out.failures.push(format!(
            "{name}: violations\n  want {want:?}\n  got  {got:?}\n  full {:#?}",
            report.violations()
        ));
    }
    check_absent(name, case, &reported, out);
    check_found(name, &json.to_string(), false, report, out);
    let contact = built.as_ref().ok().map(|(contact, _)| contact);
    if let Some(want) = case.get("normalized") {
        let got = contact.map_or(Value::Null, |c| serde_json::to_value(c).unwrap());
        if &got != want {
            out.failures
                .push(format!("{name}: normalized\n  want {want}\n  got  {got}"));
        }
    }
    // The built contact's JSON reads back as the same contact.
    if let Some(contact) = contact {
        let json = serde_json::to_value(contact).unwrap();
        match serde_json::from_value::<ContactBuilder>(json).map(ContactBuilder::build) {
            Ok(Ok(again)) if &again == contact => {}
            other => out.failures.push(format!(
                "{name}: the built contact does not read back as itself: {other:?}"
            )),
        }
    }
    out.cases += 1;
}

fn run(name: &str, case: &Value, out: &mut Outcome) {
    if case["provider"] == "contact" {
        run_contact(name, case, out);
        return;
    }
    // One batch per case: `before` documents come first in it.
    let validator = validator_for(case)
        .expect("case has an implemented provider")
        .batch();
    let envelope = case
        .get("envelope")
        .and_then(Value::as_bool)
        .unwrap_or(false);
    let text = match (case.get("text"), case.get("body")) {
        (Some(Value::String(t)), _) => t.clone(),
        (_, Some(body)) => body.to_string(),
        _ => panic!("{name}: needs `body` or `text`"),
    };
    for earlier in case
        .get("before")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let _ = validator.validate_value(earlier.clone());
    }
    let to: Option<Provider> = case
        .get("to")
        .and_then(Value::as_str)
        .map(|t| t.parse().expect("`to` is a provider"));
    let report = match (to, envelope) {
        (Some(target), true) => validator.convert_envelope_str(&text, target),
        (Some(target), false) => validator.convert_str(&text, target),
        (None, true) => validator.validate_envelope_str(&text),
        (None, false) => validator.validate_str(&text),
    };
    let got: Vec<String> = report
        .violations()
        .iter()
        .map(|v| match v.location() {
            Location::Body => format!("{} {}", v.rule(), v.path()).trim_end().to_owned(),
            other => format!("{} {other} {}", v.rule(), v.path())
                .trim_end()
                .to_owned(),
        })
        .collect();
    for v in report.violations() {
        out.triggered.insert(v.rule().to_owned());
    }
    check_found(name, &text, envelope, &report, out);
    let want = wanted_violations(name, case);
    if got != want {
        out.failures.push(format!(
            "{name}: violations\n  want {want:?}\n  got  {got:?}\n  full {:#?}",
            report.violations()
        ));
    }
    let reported: Vec<&str> = report.violations().iter().map(|v| v.rule()).collect();
    check_absent(name, case, &reported, out);
    if let Some(want) = case.get("normalized") {
        let got = report.normalized().cloned().unwrap_or(Value::Null);
        if &got != want {
            out.failures
                .push(format!("{name}: normalized\n  want {want}\n  got  {got}"));
        }
    }
    if let Some(want) = case.get("changes") {
        let got: Vec<Value> = report
            .changes()
            .iter()
            .map(|c| serde_json::json!([c.rule(), c.path(), c.from(), c.to()]))
            .collect();
        if &Value::Array(got.clone()) != want {
            out.failures.push(format!(
                "{name}: changes\n  want {want}\n  got  {}",
                Value::Array(got)
            ));
        }
    }
    if let Some(Value::Object(want)) = case.get("suggestions") {
        for (path, suggestion) in want {
            let got = report
                .violations()
                .iter()
                .find(|v| v.path() == path)
                .and_then(|v| v.suggestion());
            if got != suggestion.as_str() {
                out.failures.push(format!(
                    "{name}: suggestion at {path}: want {suggestion}, got {got:?}"
                ));
            }
        }
    }
    if let Some(want) = case.get("provider_error") {
        let got = report.provider_error().cloned().unwrap_or(Value::Null);
        if &got != want {
            out.failures.push(format!(
                "{name}: provider_error\n  want {want}\n  got  {got}"
            ));
        }
    }
    for (key, got) in [
        ("converted", report.converted()),
        ("converted_path", report.converted_path()),
    ] {
        if let Some(want) = case.get(key) {
            let got = got.cloned().unwrap_or(Value::Null);
            if &got != want {
                out.failures
                    .push(format!("{name}: {key}\n  want {want}\n  got  {got}"));
            }
        }
    }
    // Normalization is idempotent: the normalized body validates with no
    // change, no new error, and normalizes to itself.
    if let Some(normalized) = report.normalized() {
        let again = if envelope {
            validator.validate_envelope_value(normalized.clone())
        } else {
            validator.validate_value(normalized.clone())
        };
        if !again.changes().is_empty()
            || !again.is_valid()
            || again.normalized() != Some(normalized)
        {
            out.failures.push(format!(
                "{name}: normalizing the normalized body is not a no-op: {again}"
            ));
        }
    }
    out.cases += 1;
}

/// Each violation's `found` / `count` parameter is the value its path
/// points at in the document as written (read here by `serde_json`, not by
/// the crate), wherever the path points at one.
fn check_found(name: &str, text: &str, envelope: bool, report: &Report, out: &mut Outcome) {
    let Ok(document) = serde_json::from_str::<Value>(text) else {
        return;
    };
    let listed_every_change = !report
        .violations()
        .iter()
        .any(|v| v.rule() == "input.report.truncated");
    for v in report.violations() {
        let loss = v.location() == Location::Converted && v.rule().starts_with("convert.");
        let root = match (envelope, v.location()) {
            // A conversion's loss is at its place in the source body.
            (false, Location::Converted) if loss => Some(&document),
            (true, Location::Converted) if loss => document.get("body"),
            (false, Location::Body | Location::Path | Location::Query) => Some(&document),
            (true, Location::Body) => document.get("body"),
            (true, Location::Path) => document.get("path"),
            (true, Location::Query) => document.get("query"),
            (true, Location::Header) => document.get("headers"),
            _ => None,
        };
        let at = root.and_then(|r| r.pointer(v.path()));
        let want = match at {
            _ if v.rule() == "input.number.precision" || !listed_every_change => continue,
            // The document is not read past its limits.
            _ if v.rule().starts_with("input.body.max_") => continue,
            // A repeated item is gone from the array; it was equal to the first.
            _ if v.param("duplicate_of").is_some() => continue,
            None => None,
            Some(Value::String(s)) if s.chars().count() > 256 => {
                let cut: String = s.chars().take(256).collect();
                Some(("found", Value::String(format!("{cut}…"))))
            }
            Some(Value::Array(items)) => Some(("count", Value::from(items.len()))),
            Some(Value::Object(members)) => Some(("count", Value::from(members.len()))),
            Some(scalar) => Some(("found", scalar.clone())),
        };
        let got = want.as_ref().and_then(|(key, _)| v.param(key));
        let same = match (want.as_ref().map(|(_, w)| w), got) {
            // A builder holds numbers as doubles: `1` is given as `1.0`.
            (Some(Value::Number(w)), Some(Value::Number(g))) => w.as_f64() == g.as_f64(),
            (w, g) => w == g,
        };
        if !same {
            out.failures.push(format!(
                "{name}: params of {} {}: want {want:?}, got {:?}",
                v.rule(),
                v.path(),
                v.params()
            ));
        }
    }
}

#[test]
fn fixtures() {
    let mut out = Outcome {
        failures: Vec::new(),
        triggered: BTreeSet::new(),
        absent: BTreeSet::new(),
        cases: 0,
    };
    for (name, case) in load_cases() {
        run(&name, &case, &mut out);
    }
    assert!(out.cases > 0, "no fixtures found");
    for rule in rules::catalog() {
        if !out.triggered.contains(rule.id()) {
            out.failures
                .push(format!("no fixture triggers `{}`", rule.id()));
        }
        if !out.absent.contains(rule.id()) {
            out.failures
                .push(format!("no close case asserts `{}` is absent", rule.id()));
        }
    }
    assert!(
        out.failures.is_empty(),
        "{} of {} cases failed:\n{}",
        out.failures.len(),
        out.cases,
        out.failures.join("\n")
    );
}

/// The catalog agrees with the project's rule list (`tests/rule-ids.txt`,
/// a copy of the shared catalog): nothing invented, every id of an
/// implemented provider present, severities equal.
#[test]
fn catalog_matches_the_rule_list() {
    let list = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/rule-ids.txt"))
        .unwrap();
    let listed: Vec<(&str, &str)> = list
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.split_once(' ').expect("`id severity`"))
        .collect();
    for rule in rules::catalog() {
        let entry = listed.iter().find(|(id, _)| *id == rule.id());
        match entry {
            Some((_, sev)) => assert_eq!(*sev, rule.severity().as_str(), "{}", rule.id()),
            None => assert_eq!(
                rule.provider(),
                "convert",
                "{} is not in the rule list",
                rule.id()
            ),
        }
    }
    let implemented: BTreeSet<&str> = ["input", "contact"]
        .into_iter()
        .chain(Provider::ALL.iter().map(|p| p.as_str()))
        .collect();
    for (id, _) in &listed {
        let provider = id.split('.').next().unwrap();
        if implemented.contains(provider) {
            assert!(rules::lookup(id).is_some(), "{id} is not implemented");
        }
    }
    // Every provider is implemented: the catalog is the whole list.
    let own = rules::catalog()
        .iter()
        .filter(|r| r.provider() != "convert")
        .count();
    assert_eq!(own, listed.len());
    assert_eq!(own, 231);
}
