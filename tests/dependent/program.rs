//! A program that depends on `omnicontact` as a service would — no feature
//! asked for — built and run by `tests/downstream.rs` outside the crate's
//! own build (whose dev-dependencies turn on `serde_json` features that a
//! dependent never gets). It checks that:
//!
//! 1. depending on the crate leaves `serde_json` as the program asked for
//!    it: a `Map` keeps its members sorted, floats are read the default way;
//! 2. the crate still reads every float exactly, by its own means;
//! 3. the crate behaves the same with sorted maps: every case of the
//!    provider-conformance suites (`tests/providers/*.json`) gets the
//!    provider's verdict, and every case of the crate's fixtures
//!    (`tests/fixtures/*.json`) gets the same violations, changes and bodies
//!    (compared regardless of member order).
//!
//! Usage: `dependent <omnicontact's directory>`. Prints one line per check
//! and exits with 1 when one fails.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use omnicontact::{CountryCode, Date, Location, Operation, Options, Provider, Report, Validator};
use serde_json::{Value, json};

fn main() -> ExitCode {
    let root = PathBuf::from(std::env::args().nth(1).expect("omnicontact's directory"));
    let mut failures = Vec::new();
    serde_json_is_untouched(&mut failures);
    floats_are_exact(&mut failures);
    let verdicts = provider_suites(&root, &mut failures);
    let fixtures = fixtures(&root, &mut failures);
    println!("provider-conformance cases: {verdicts}");
    println!("fixture cases: {fixtures}");
    for f in &failures {
        println!("FAILED: {f}");
    }
    if failures.is_empty() && verdicts > 0 && fixtures > 0 {
        println!("ok");
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

fn serde_json_is_untouched(failures: &mut Vec<String>) {
    let mut map = serde_json::Map::new();
    map.insert("b".to_owned(), json!(1));
    map.insert("a".to_owned(), json!(2));
    let printed = Value::Object(map).to_string();
    println!("serde_json::Map prints {printed}");
    if printed != r#"{"a":2,"b":1}"# {
        failures.push(format!("serde_json::Map is not sorted: {printed}"));
    }
    // Without `float_roundtrip`, serde_json reads this shortest form of a
    // double as its neighbour.
    let read: f64 = serde_json::from_str("0.022933877151503638").unwrap();
    println!("serde_json reads 0.022933877151503638 as {read}");
    if read == 0.022_933_877_151_503_638 {
        failures.push("serde_json's float_roundtrip is on".to_owned());
    }
}

fn floats_are_exact(failures: &mut Vec<String>) {
    let body = r#"{"identifiers":[{"type":"email","id":"a@example.com"}],
        "customProperties":{"ratio":0.022933877151503638,"big":9007199254740993.0}}"#;
    let report = Validator::new(Provider::Omnisend).validate_str(body);
    let properties = &report.normalized().expect("valid")["customProperties"];
    let ratio = properties["ratio"].as_f64();
    println!("omnicontact reads 0.022933877151503638 as {ratio:?}");
    if ratio != Some(0.022_933_877_151_503_638) {
        failures.push(format!("the crate misread a float: {ratio:?}"));
    }
    // 2⁵³ + 1 is not a double: the nearest (ties to even) is 2⁵³, and the
    // change is reported.
    let big = properties["big"].as_f64();
    let rule = report
        .violations()
        .iter()
        .map(|v| v.rule())
        .find(|r| *r == "input.number.precision");
    if big != Some(9_007_199_254_740_992.0) || rule.is_none() {
        failures.push(format!(
            "9007199254740993.0 read as {big:?}, reported: {rule:?}"
        ));
    }
}

fn json_files(dir: &Path) -> Vec<(String, Value)> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|f| {
            let text = fs::read_to_string(&f).unwrap();
            let name = f.file_stem().unwrap().to_string_lossy().into_owned();
            (name, serde_json::from_str(&text).unwrap())
        })
        .collect()
}

fn text_of(case: &Value) -> String {
    match (case.get("text"), case.get("body")) {
        (Some(Value::String(t)), _) => t.clone(),
        (_, Some(body)) => body.to_string(),
        _ => panic!("a case needs `body` or `text`"),
    }
}

fn validator_for(provider: Provider, case: &Value) -> Validator {
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
    let limit = |key: &str| {
        case.get(key)
            .and_then(Value::as_u64)
            .map(|n| usize::try_from(n).unwrap())
    };
    if let Some(max) = limit("max_bytes") {
        options = options.max_bytes(max);
    }
    if let Some(max) = limit("max_depth") {
        options = options.max_depth(max);
    }
    if let Some(max) = limit("max_per_rule") {
        options = options.max_per_rule(max);
    }
    if let Some(fields) = case.get("rocketchat_custom_fields") {
        let fields: Vec<omnicontact::rocketchat::CustomField> =
            serde_json::from_value(fields.clone()).unwrap();
        options = options.rocketchat_custom_fields(fields);
    }
    validator.with_options(options)
}

/// Every provider-conformance case gets the provider's verdict (or the
/// difference its suite lists).
fn provider_suites(root: &Path, failures: &mut Vec<String>) -> usize {
    let mut cases = 0;
    for (file, suite) in json_files(&root.join("tests/providers")) {
        let provider: Provider = suite["provider"].as_str().unwrap().parse().unwrap();
        let listed: Vec<&str> = suite["differences"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|d| d["name"].as_str())
            .collect();
        for case in suite["cases"].as_array().unwrap() {
            let name = case["name"].as_str().unwrap();
            let validator = validator_for(provider, case);
            let text = text_of(case);
            let report = if case.get("envelope").and_then(Value::as_bool) == Some(true) {
                validator.validate_envelope_str(&text)
            } else {
                validator.validate_str(&text)
            };
            cases += 1;
            if report.is_valid() != case["accepted"].as_bool().unwrap() && !listed.contains(&name) {
                failures.push(format!(
                    "{file}: {name}: verdict differs from the provider's\n{report}"
                ));
            }
        }
    }
    cases
}

/// Each violation as `rule [in] path`, sorted: with members in name order,
/// violations come in that order.
fn violations(report: &Report) -> Vec<String> {
    let mut got: Vec<String> = report
        .violations()
        .iter()
        .map(|v| match v.location() {
            Location::Body => format!("{} {}", v.rule(), v.path()).trim_end().to_owned(),
            other => format!("{} {other} {}", v.rule(), v.path())
                .trim_end()
                .to_owned(),
        })
        .collect();
    got.sort();
    got
}

/// Fixture cases whose findings depend on the order members were written
/// in, which a program without `preserve_order` does not keep.
const ORDER_DEPENDENT: [&str; 1] = [
    // Which of two spellings of one header name is the repeat.
    "input: each repeat of a Rocket.Chat header is reported (before the provider's header rules), the required rule still checks each value",
];

/// Every fixture case gets the same findings as in the crate's own suite,
/// in any order.
fn fixtures(root: &Path, failures: &mut Vec<String>) -> usize {
    let mut cases = 0;
    for (file, list) in json_files(&root.join("tests/fixtures")) {
        for case in list.as_array().unwrap() {
            let name = format!("{file}: {}", case["name"].as_str().unwrap());
            let Ok(provider) = case["provider"].as_str().unwrap().parse::<Provider>() else {
                continue; // not a provider's case
            };
            // A report cap keeps the first findings in document order.
            if case.get("max_per_rule").is_some() || ORDER_DEPENDENT.contains(&name.as_str()) {
                continue;
            }
            let validator = validator_for(provider, case).batch();
            for earlier in case
                .get("before")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                let _ = validator.validate_value_ref(earlier);
            }
            let text = text_of(case);
            let envelope = case.get("envelope").and_then(Value::as_bool) == Some(true);
            let to: Option<Provider> = case
                .get("to")
                .and_then(Value::as_str)
                .map(|t| t.parse().unwrap());
            let report = match (to, envelope) {
                (Some(target), true) => validator.convert_envelope_str(&text, target),
                (Some(target), false) => validator.convert_str(&text, target),
                (None, true) => validator.validate_envelope_str(&text),
                (None, false) => validator.validate_str(&text),
            };
            cases += 1;
            let mut want: Vec<String> = case["violations"]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| v.as_str().unwrap().trim_end().to_owned())
                .collect();
            want.sort();
            let got = violations(&report);
            if got != want {
                failures.push(format!(
                    "{name}: violations\n  want {want:?}\n  got  {got:?}"
                ));
            }
            if let Some(want) = case.get("changes") {
                let mut want: Vec<String> = want
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(Value::to_string)
                    .collect();
                want.sort();
                let mut got: Vec<String> = report
                    .changes()
                    .iter()
                    .map(|c| json!([c.rule(), c.path(), c.from(), c.to()]).to_string())
                    .collect();
                got.sort();
                if got != want {
                    failures.push(format!("{name}: changes\n  want {want:?}\n  got  {got:?}"));
                }
            }
            for (key, got) in [
                ("normalized", report.normalized()),
                ("converted", report.converted()),
                ("converted_path", report.converted_path()),
                ("provider_error", report.provider_error()),
            ] {
                if let Some(want) = case.get(key) {
                    let got = got.cloned().unwrap_or(Value::Null);
                    if &got != want {
                        failures.push(format!("{name}: {key}\n  want {want}\n  got  {got}"));
                    }
                }
            }
        }
    }
    cases
}
