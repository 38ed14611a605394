//! Hostile and broken input: every case gets a clear violation, never a
//! panic, never a silent drop.

use omnicontact::{Location, Options, Provider, Report, Validator};
use serde_json::json;

fn omnisend() -> Validator {
    Validator::new(Provider::Omnisend)
}

/// The rule ids and paths of a report, in order.
fn found(report: &Report) -> Vec<(String, String)> {
    report
        .violations()
        .iter()
        .map(|v| (v.rule().to_owned(), v.path().to_owned()))
        .collect()
}

fn one(rule: &str, path: &str) -> Vec<(String, String)> {
    vec![(rule.to_owned(), path.to_owned())]
}

#[test]
fn empty_input_is_a_json_error_with_a_position() {
    let report = omnisend().validate_str("");
    assert_eq!(found(&report), one("input.json.format", ""));
    assert!(report.violations()[0].message().contains("line 1"));
    assert!(report.normalized().is_none());
}

#[test]
fn invalid_utf8_names_the_byte() {
    let report = omnisend().validate_bytes(b"{\"email\":\"a\xc3\x28@b.co\"}");
    assert_eq!(found(&report), one("input.json.format", ""));
    assert_eq!(
        report.violations()[0].message(),
        "invalid UTF-8 at line 1 column 12 (byte 11 of the document)"
    );
    let report = omnisend().validate_bytes(b"{\n  \"email\": \"\xff\"}");
    assert_eq!(
        report.violations()[0].message(),
        "invalid UTF-8 at line 2 column 13 (byte 14 of the document)"
    );
}

#[test]
fn a_document_over_the_limit_is_refused_before_parsing() {
    let text = format!(
        "{{\"email\":\"a@b.co\",\"firstName\":\"{}\"}}",
        "x".repeat(1 << 20)
    );
    let report = omnisend().validate_str(&text);
    assert_eq!(found(&report), one("input.body.max_length", ""));
    assert!(report.violations()[0].message().contains("1048576"));
}

#[test]
fn a_one_megabyte_string_under_a_raised_limit_is_validated() {
    let text = format!(
        "{{\"email\":\"a@b.co\",\"tags\":[\"source: x\"],\"customProperties\":{{\"s\":\"{}\"}}}}",
        "x".repeat(1 << 20)
    );
    let report = omnisend()
        .with_options(Options::new().max_bytes(2 << 20))
        .validate_str(&text);
    assert_eq!(
        found(&report),
        one(
            "omnisend.custom_properties.value.max_length",
            "/customProperties/s"
        )
    );
}

#[test]
fn deep_nesting_is_refused_without_recursion() {
    for depth in [33usize, 200, 100_000] {
        let text = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
        let report = omnisend().validate_str(&text);
        assert_eq!(report.violations().len(), 1, "depth {depth}");
        assert_eq!(report.violations()[0].rule(), "input.body.max_depth");
        assert_eq!(report.violations()[0].path().matches('/').count(), 32);
    }
    let text = format!(
        "{{\"a\":{}1{}}}",
        "{\"b\":".repeat(100_000),
        "}".repeat(100_000)
    );
    assert_eq!(
        omnisend().validate_str(&text).violations()[0].rule(),
        "input.body.max_depth"
    );
}

#[test]
fn deep_values_are_refused_too() {
    let mut value = json!("x");
    for _ in 0..40 {
        value = json!([value]);
    }
    let report =
        omnisend().validate_value(json!({"email": "a@b.co", "customProperties": {"a": value}}));
    assert_eq!(found(&report), one("input.body.max_depth", ""));
}

#[test]
fn huge_numbers_are_json_errors() {
    let report = omnisend().validate_str(r#"{"email":"a@b.co","customProperties":{"n":1e400}}"#);
    assert_eq!(found(&report), one("input.json.format", ""));
    assert!(report.violations()[0].message().contains("out of range"));
}

#[test]
fn duplicate_keys_are_errors_at_their_path() {
    let report = omnisend().validate_str(r#"{"email":"a@b.co","email":"b@b.co"}"#);
    let rules: Vec<_> = found(&report);
    assert_eq!(
        rules[0],
        ("input.json.format".to_owned(), "/email".to_owned())
    );
    assert!(!report.is_valid());
}

#[test]
fn envelope_parts_are_checked() {
    let v = omnisend();
    let report = v.validate_envelope_str(r#"{"bdy":{"email":"a@b.co"}}"#);
    assert_eq!(
        found(&report),
        vec![
            ("input.body.type".to_owned(), String::new()),
            ("input.body.type".to_owned(), String::new()),
        ]
    );
    assert_eq!(report.violations()[0].suggestion(), Some("body"));
    let report =
        v.validate_envelope_str(r#"{"headers":[],"body":{"email":"a@b.co","tags":["source: x"]}}"#);
    assert_eq!(found(&report), one("input.body.type", ""));
    assert_eq!(report.violations()[0].location(), Location::Header);
    let report = v.validate_envelope_str("[]");
    assert_eq!(found(&report), one("input.body.type", ""));
}

#[test]
fn arbitrary_bytes_never_panic() {
    // A deterministic xorshift stream of JSON-ish fragments.
    let pieces: &[&str] = &[
        "{",
        "}",
        "[",
        "]",
        ",",
        ":",
        "\"",
        "email",
        "phone",
        "identifiers",
        "type",
        "id",
        "channels",
        "tags",
        "customProperties",
        "+44 20",
        "1e400",
        "-0.0000001",
        "null",
        "true",
        "\\u0000",
        "\u{200B}",
        "ｅｍａｉｌ",
        "٣",
        "@",
        "1990-02-30",
        "\n",
        "\\",
        "NaN",
    ];
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let validators: Vec<Validator> = Provider::ALL.iter().map(|p| Validator::new(*p)).collect();
    for round in 0..3000 {
        let mut doc = String::new();
        for _ in 0..(state % 40) {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            doc.push_str(pieces[usize::try_from(state % pieces.len() as u64).unwrap()]);
        }
        let v = &validators[round % validators.len()];
        for report in [v.validate_str(&doc), v.validate_envelope_str(&doc)] {
            // Valid exactly when no error was reported, and then with a body.
            let errors = report
                .violations()
                .iter()
                .any(|x| x.severity() == omnicontact::Severity::Error);
            assert_eq!(report.is_valid(), !errors, "{doc:?}: {report}");
            assert_eq!(report.normalized().is_some(), !errors, "{doc:?}");
            for x in report.violations() {
                assert!(
                    x.path().is_empty() || x.path().starts_with('/'),
                    "{doc:?}: {x}"
                );
            }
        }
        // A valid body normalizes to itself.
        if let Some(body) = v.validate_str(&doc).normalized() {
            let again = v.validate_value(body.clone());
            assert!(again.changes().is_empty(), "{doc:?}: {again}");
            assert_eq!(again.normalized(), Some(body), "{doc:?}");
        }
        assert_eq!(v.validate_bytes(doc.as_bytes()), v.validate_str(&doc));
    }
}
