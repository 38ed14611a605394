//! `Validator::check`: every kind of input (text, bytes, an owned or a
//! borrowed value), read as a body or an envelope, validated or converted,
//! gives exactly the report of the matching `validate_*` / `convert_*`
//! method, on valid, invalid and unreadable documents; on a `Batch` it is
//! a document of the batch, as the methods are.

use std::fmt::Display;
use std::fs;
use std::path::PathBuf;
use std::thread;

use omnicontact::stream::Documents;
use omnicontact::{Check, Date, Input, Location, Options, Provider, Report, Severity, Validator};
use serde_json::{Value, json};

#[path = "support/fixture.rs"]
mod fixture;
use fixture::validator_for;

/// How the caller holds the document.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Kind {
    Str,
    String,
    OwnedString,
    Bytes,
    Vec,
    OwnedVec,
    Value,
    ValueRef,
}

const KINDS: [Kind; 8] = [
    Kind::Str,
    Kind::String,
    Kind::OwnedString,
    Kind::Bytes,
    Kind::Vec,
    Kind::OwnedVec,
    Kind::Value,
    Kind::ValueRef,
];

/// No action (validate) or a conversion to each provider.
fn actions() -> impl Iterator<Item = Option<Provider>> {
    std::iter::once(None).chain(Provider::ALL.iter().copied().map(Some))
}

/// A document to check, as bytes and (when it is JSON) as a value.
struct Doc {
    name: String,
    bytes: Vec<u8>,
    value: Option<Value>,
    envelope: bool,
}

impl Doc {
    fn new(name: impl Into<String>, bytes: impl Into<Vec<u8>>, envelope: bool) -> Doc {
        let bytes = bytes.into();
        Doc {
            name: name.into(),
            value: serde_json::from_slice(&bytes).ok(),
            bytes,
            envelope,
        }
    }

    fn from_value(name: impl Into<String>, value: &Value, envelope: bool) -> Doc {
        Doc::new(name, serde_json::to_vec(value).unwrap(), envelope)
    }
}

/// Ends a check as asked: envelope or body, then the action.
fn finish(check: Check<'_>, envelope: bool, target: Option<Provider>) -> Report {
    let check = if envelope {
        check.envelope()
    } else {
        check.body()
    };
    match target {
        Some(target) => check.convert(target),
        None => check.validate(),
    }
}

/// The report of the new form, or `None` when `kind` cannot hold `doc`
/// (text that is not UTF-8, a value of text that is not JSON).
fn new_form(v: &Validator, doc: &Doc, kind: Kind, target: Option<Provider>) -> Option<Report> {
    let text = std::str::from_utf8(&doc.bytes).ok();
    let env = doc.envelope;
    Some(match kind {
        Kind::Str => finish(v.check(text?), env, target),
        // `&String` on purpose: its own `From` impl.
        #[allow(clippy::needless_borrows_for_generic_args)]
        Kind::String => finish(v.check(&text?.to_owned()), env, target),
        Kind::OwnedString => finish(v.check(text?.to_owned()), env, target),
        Kind::Bytes => finish(v.check(doc.bytes.as_slice()), env, target),
        Kind::Vec => finish(v.check(&doc.bytes), env, target),
        Kind::OwnedVec => finish(v.check(doc.bytes.clone()), env, target),
        Kind::Value => finish(v.check(doc.value.clone()?), env, target),
        Kind::ValueRef => finish(v.check(doc.value.as_ref()?), env, target),
    })
}

/// The report of the matching `validate_*` / `convert_*` method.
fn old_form(v: &Validator, doc: &Doc, kind: Kind, target: Option<Provider>) -> Option<Report> {
    let text = std::str::from_utf8(&doc.bytes).ok();
    let bytes = doc.bytes.as_slice();
    Some(match (kind, doc.envelope, target) {
        (Kind::Str | Kind::String | Kind::OwnedString, false, None) => v.validate_str(text?),
        (Kind::Str | Kind::String | Kind::OwnedString, true, None) => {
            v.validate_envelope_str(text?)
        }
        (Kind::Str | Kind::String | Kind::OwnedString, false, Some(t)) => v.convert_str(text?, t),
        (Kind::Str | Kind::String | Kind::OwnedString, true, Some(t)) => {
            v.convert_envelope_str(text?, t)
        }
        (Kind::Bytes | Kind::Vec | Kind::OwnedVec, false, None) => v.validate_bytes(bytes),
        (Kind::Bytes | Kind::Vec | Kind::OwnedVec, true, None) => v.validate_envelope_bytes(bytes),
        (Kind::Bytes | Kind::Vec | Kind::OwnedVec, false, Some(t)) => v.convert_bytes(bytes, t),
        (Kind::Bytes | Kind::Vec | Kind::OwnedVec, true, Some(t)) => {
            v.convert_envelope_bytes(bytes, t)
        }
        (Kind::Value, false, None) => v.validate_value(doc.value.clone()?),
        (Kind::Value, true, None) => v.validate_envelope_value(doc.value.clone()?),
        (Kind::Value, false, Some(t)) => v.convert_value(doc.value.clone()?, t),
        (Kind::Value, true, Some(t)) => v.convert_envelope_value(doc.value.clone()?, t),
        (Kind::ValueRef, false, None) => v.validate_value_ref(doc.value.as_ref()?),
        (Kind::ValueRef, true, None) => v.validate_envelope_value_ref(doc.value.as_ref()?),
        (Kind::ValueRef, false, Some(t)) => v.convert_value_ref(doc.value.as_ref()?, t),
        (Kind::ValueRef, true, Some(t)) => v.convert_envelope_value_ref(doc.value.as_ref()?, t),
    })
}

/// The report of the stream's path (`stream::Document`, which does not
/// go through `Check`), when the stream reads `doc` as one whole document
/// from its first byte: a reference independent of the methods.
fn stream_form(v: &Validator, doc: &Doc, target: Option<Provider>) -> Option<Report> {
    let mut documents = Documents::new(doc.bytes.as_slice());
    let first = documents.next()?.ok()?;
    if documents.next().is_some()
        || first.bytes() != doc.bytes
        || first.is_truncated()
        || (first.line(), first.column()) != (1, 1)
    {
        return None;
    }
    Some(match (doc.envelope, target) {
        (false, None) => first.validate(v),
        (true, None) => first.validate_envelope(v),
        (envelope, Some(target)) => first.convert(v, target, envelope),
    })
}

type Found = (
    &'static str,
    Severity,
    Location,
    String,
    String,
    Option<String>,
    Vec<(&'static str, Value)>,
);

fn violations(r: &Report) -> Vec<Found> {
    r.violations()
        .iter()
        .map(|v| {
            (
                v.rule(),
                v.severity(),
                v.location(),
                v.path().to_owned(),
                v.message().to_owned(),
                v.suggestion().map(str::to_owned),
                v.params().to_vec(),
            )
        })
        .collect()
}

fn changes(r: &Report) -> Vec<(&'static str, Location, String, Value, Value)> {
    r.changes()
        .iter()
        .map(|c| {
            (
                c.rule(),
                c.location(),
                c.path().to_owned(),
                c.from().clone(),
                c.to().clone(),
            )
        })
        .collect()
}

/// The two reports are the same: rule ids, severities, locations, paths,
/// messages and parameters; changes; normalized, converted and provider
/// values; and the reports as wholes.
fn same(new: &Report, old: &Report, what: &dyn Display) {
    assert_eq!(violations(new), violations(old), "{what}: violations");
    assert_eq!(changes(new), changes(old), "{what}: changes");
    assert_eq!(new.normalized(), old.normalized(), "{what}: normalized");
    assert_eq!(new.converted(), old.converted(), "{what}: converted");
    assert_eq!(
        new.converted_path(),
        old.converted_path(),
        "{what}: converted path"
    );
    assert_eq!(
        new.provider_error(),
        old.provider_error(),
        "{what}: provider error"
    );
    assert_eq!(new.is_valid(), old.is_valid(), "{what}: valid");
    assert_eq!(new, old, "{what}: report");
}

/// What the comparisons covered, so that none of them is vacuous.
#[derive(Debug, Default)]
struct Seen {
    compared: usize,
    valid: usize,
    invalid: usize,
    unreadable: usize,
    converted: usize,
    envelopes: usize,
    values: usize,
    streamed: usize,
}

/// Checks `doc` with `v` in every kind and action, new form against old.
fn compare(v: &Validator, doc: &Doc, seen: &mut Seen) {
    for kind in KINDS {
        for target in actions() {
            let what = format!(
                "{} ({} {}, {kind:?}, envelope {}, to {target:?})",
                doc.name,
                v.provider(),
                v.operation(),
                doc.envelope
            );
            let new = new_form(v, doc, kind, target);
            let old = old_form(v, doc, kind, target);
            let (Some(new), Some(old)) = (new, old) else {
                assert!(
                    new_form(v, doc, kind, target).is_none()
                        && old_form(v, doc, kind, target).is_none(),
                    "{what}: one form refused the input"
                );
                continue;
            };
            same(&new, &old, &what);
            seen.compared += 1;
            if kind == Kind::Bytes
                && let Some(streamed) = stream_form(v, doc, target)
            {
                same(&new, &streamed, &format!("{what}, streamed"));
                seen.streamed += 1;
            }
            if new.is_valid() {
                seen.valid += 1;
            } else {
                seen.invalid += 1;
            }
            if new
                .violations()
                .first()
                .is_some_and(|v| v.rule() == "input.json.format" && v.path().is_empty())
            {
                seen.unreadable += 1;
            }
            seen.converted += usize::from(new.converted().is_some());
            seen.envelopes += usize::from(doc.envelope);
            seen.values += usize::from(matches!(kind, Kind::Value | Kind::ValueRef));
        }
    }
}

fn options() -> Options {
    Options::new().today(Date::parse("2026-01-01").unwrap())
}

/// The documents of a fixture case, each read as it is written and in the
/// other mode (a body wrapped in an envelope; an envelope or text read as
/// a body too).
fn fixture_docs(name: &str, case: &Value) -> Vec<Doc> {
    let mut docs = Vec::new();
    if let Some(text) = case.get("text").and_then(Value::as_str) {
        docs.push(Doc::new(format!("{name} (text)"), text, false));
        docs.push(Doc::new(format!("{name} (text as envelope)"), text, true));
    }
    if let Some(body) = case.get("body") {
        docs.push(Doc::from_value(name, body, false));
        let envelope =
            json!({"path": {"distinct_id": "u-1"}, "headers": {"X-Api-Key": "k"}, "body": body});
        docs.push(Doc::from_value(
            format!("{name} (in an envelope)"),
            &envelope,
            true,
        ));
    }
    if let Some(envelope) = case.get("envelope") {
        docs.push(Doc::from_value(name, envelope, true));
        docs.push(Doc::from_value(
            format!("{name} (envelope as body)"),
            envelope,
            false,
        ));
    }
    docs
}

/// Every fixture case (valid and invalid bodies, envelopes and texts of
/// every provider and operation, with their options), in every kind,
/// body or envelope, validated or converted to each provider: the same
/// report as the method.
#[test]
fn the_new_form_gives_the_methods_reports_on_every_fixture() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut files: Vec<_> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    let mut seen = Seen::default();
    for file in files {
        let cases: Vec<Value> = serde_json::from_str(&fs::read_to_string(&file).unwrap()).unwrap();
        let stem = file.file_stem().unwrap().to_string_lossy().into_owned();
        for case in cases {
            let Some(v) = validator_for(&case) else {
                continue;
            };
            let name = format!("{stem}: {}", case["name"].as_str().unwrap());
            for doc in fixture_docs(&name, &case) {
                compare(&v, &doc, &mut seen);
            }
        }
    }
    assert!(seen.compared > 10_000, "{seen:?}");
    for n in [
        seen.valid,
        seen.invalid,
        seen.unreadable,
        seen.converted,
        seen.envelopes,
        seen.values,
        seen.streamed,
    ] {
        assert!(n > 100, "{seen:?}");
    }
}

/// The example batches of every provider, line by line: bodies, and the
/// same bodies in envelopes.
#[test]
fn the_new_form_gives_the_methods_reports_on_the_example_batches() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/data");
    let mut seen = Seen::default();
    for provider in Provider::ALL {
        let file = dir.join(format!("{}.ndjson", provider.as_str()));
        let text = fs::read_to_string(&file).unwrap();
        for operation in provider.operations() {
            let v = Validator::for_operation(*provider, *operation)
                .unwrap()
                .with_options(options());
            for (n, line) in text.lines().enumerate() {
                let name = format!("{}:{}", file.display(), n + 1);
                compare(&v, &Doc::new(&name, line, false), &mut seen);
                let envelope = format!(r#"{{"path":{{"distinct_id":"u-{n}"}},"body":{line}}}"#);
                compare(&v, &Doc::new(&name, envelope, true), &mut seen);
            }
        }
    }
    assert!(
        seen.valid > 100 && seen.invalid > 100 && seen.converted > 100 && seen.streamed > 100,
        "{seen:?}"
    );
}

/// Documents that cannot be read (syntax errors, bad UTF-8, limits) and
/// documents the reader reports on (duplicate names, rounded numbers):
/// the same report, naming the line and column, whatever the kind.
#[test]
fn unreadable_documents_get_the_same_report() {
    let cases: [(&str, &[u8], &str); 8] = [
        ("truncated", b"{\"email\": ", "input.json.format"),
        (
            "syntax error on line 3",
            b"{\n  \"email\": \"a@b.co\",\n  \"tags\": [,]\n}",
            "input.json.format",
        ),
        ("bad UTF-8", b"{\"email\":\"\xff\"}", "input.json.format"),
        (
            "bad UTF-8 on line 2",
            b"{\n  \"email\": \"a\xc3@b.co\"\n}",
            "input.json.format",
        ),
        ("empty", b"", "input.json.format"),
        (
            "duplicate names",
            b"{\"email\":\"a@b.co\",\"tags\":[\"source: x\"],\"email\":\"c@d.co\"}",
            "input.json.format",
        ),
        (
            "rounded number",
            b"{\"client_user_id\":\"u1\",\"fields\":{\"n\":1.00000000000000000001}}",
            "input.number.precision",
        ),
        (
            "too deep",
            b"{\"a\":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}",
            "input.body.max_depth",
        ),
    ];
    let mut seen = Seen::default();
    for provider in Provider::ALL {
        for (name, bytes, rule) in cases {
            for envelope in [false, true] {
                let v = Validator::new(*provider).with_options(options());
                let doc = Doc::new(name, bytes, envelope);
                compare(&v, &doc, &mut seen);
                let r = v.check(bytes).envelope().validate();
                assert!(
                    r.violations().iter().any(|x| x.rule() == rule),
                    "{name}: {r}"
                );
            }
        }
    }
    assert!(seen.unreadable > 100 && seen.streamed > 50, "{seen:?}");

    // Where: the line and column in the message, for every kind of text.
    let v = Validator::new(Provider::Omnisend);
    let text = "{\n  \"email\": \"a@b.co\",\n  \"tags\": [,]\n}";
    let bytes = b"{\n  \"email\": \"a\xc3@b.co\"\n}";
    for r in [
        v.check(text).validate(),
        v.check(text.to_owned()).validate(),
        v.check(text.as_bytes()).validate(),
        v.check(text.as_bytes().to_vec()).envelope().validate(),
        v.check(text).convert(Provider::Raia),
    ] {
        let m = r.violations()[0].message();
        assert!(m.contains("line 3 column 12"), "{m}");
        assert!(r.converted().is_none() && r.normalized().is_none());
    }
    for r in [
        v.check(&bytes[..]).validate(),
        v.check(bytes).envelope().validate(),
        v.check(bytes.to_vec()).convert(Provider::Sendios),
    ] {
        let m = r.violations()[0].message();
        assert_eq!(
            m,
            "invalid UTF-8 at line 2 column 14 (byte 15 of the document)"
        );
    }
}

/// The limits hold for values as for text: a value over
/// `Options::max_bytes` is refused, owned or borrowed.
#[test]
fn limits_are_the_same_for_values() {
    let v = Validator::new(Provider::Omnisend).with_options(options().max_bytes(32));
    let body = json!({"email": "jane@example.com", "tags": ["source: signup"]});
    let doc = Doc::from_value("over the limit", &body, false);
    let mut seen = Seen::default();
    compare(&v, &doc, &mut seen);
    for r in [
        v.check(&body).validate(),
        v.check(body.clone()).convert(Provider::Raia),
    ] {
        assert_eq!(r.violations()[0].rule(), "input.body.max_length");
    }
}

/// Byte arrays (`&[u8; N]`, such as byte string literals) are bytes.
#[test]
fn byte_arrays_are_bytes() {
    let v = Validator::new(Provider::Omnisend).with_options(options());
    let valid = br#"{"email":" a@b.co","tags":["source: x"]}"#;
    let envelope = br#"{"body":{"email":" a@b.co","tags":["source: x"]}}"#;
    let bad = b"{\"email\":\"\xff\"}";
    same(
        &v.check(valid).validate(),
        &v.validate_bytes(valid),
        &"valid",
    );
    same(
        &v.check(valid).convert(Provider::Suprsend),
        &v.convert_bytes(valid, Provider::Suprsend),
        &"valid, converted",
    );
    same(
        &v.check(envelope).envelope().validate(),
        &v.validate_envelope_bytes(envelope),
        &"envelope",
    );
    same(
        &v.check(envelope).envelope().convert(Provider::Raia),
        &v.convert_envelope_bytes(envelope, Provider::Raia),
        &"envelope, converted",
    );
    same(&v.check(bad).validate(), &v.validate_bytes(bad), &"bad");
    same(
        &v.check(bad).envelope().convert(Provider::Raia),
        &v.convert_envelope_bytes(bad, Provider::Raia),
        &"bad, converted",
    );
    assert_eq!(
        v.check(valid).validate().normalized().unwrap()["email"],
        "a@b.co"
    );
}

/// `body()` is the default, and the last of `body()` / `envelope()` wins.
#[test]
fn body_is_the_default_and_the_last_choice_wins() {
    let v = Validator::new(Provider::Omnisend).with_options(options());
    let body = r#"{"email":"a@b.co","tags":["source: x"]}"#;
    let envelope = r#"{"body":{"email":"a@b.co","tags":["source: x"]}}"#;
    assert_eq!(v.check(body).validate(), v.check(body).body().validate());
    assert_eq!(
        v.check(body).envelope().body().validate(),
        v.validate_str(body)
    );
    assert_eq!(
        v.check(envelope).body().envelope().validate(),
        v.validate_envelope_str(envelope)
    );
    assert!(v.check(envelope).envelope().validate().is_valid());
    assert!(!v.check(envelope).validate().is_valid());
}

fn sendios(user: &str, plan: &Value) -> Value {
    json!({"client_user_id": user, "fields": {"plan": plan}})
}

/// A batch keeps its state across checks of every kind and action:
/// `sendios.fields.consistent_type` compares a document with those before
/// it, whichever form gave them, and the reports are those of the methods
/// on a batch of their own.
#[test]
fn a_batch_carries_its_state_through_checks() {
    let v = Validator::new(Provider::Sendios).with_options(options());
    let first = sendios("u1", &json!("pro"));
    let second = sendios("u2", &json!(3));
    let envelope = json!({"body": sendios("u3", &json!(true))});

    let new = v.batch();
    let old = v.batch();
    let text = first.to_string();
    let reports = [
        (new.check(&text).validate(), old.validate_str(&text), "text"),
        (
            new.check(&second).validate(),
            old.validate_value_ref(&second),
            "value",
        ),
        (
            new.check(envelope.to_string().as_bytes())
                .envelope()
                .validate(),
            old.validate_envelope_bytes(envelope.to_string().as_bytes()),
            "envelope bytes",
        ),
        (
            new.check(b"\xff").validate(),
            old.validate_bytes(b"\xff"),
            "bad UTF-8",
        ),
        (
            new.check(sendios("u4", &json!(["x"])))
                .convert(Provider::Omnisend),
            old.convert_value(sendios("u4", &json!(["x"])), Provider::Omnisend),
            "converted",
        ),
    ];
    for (n, (new, old, what)) in reports.iter().enumerate() {
        same(new, old, &format!("document {n}: {what}"));
    }
    let clash = |r: &Report| {
        r.violations()
            .iter()
            .filter(|v| v.rule() == "sendios.fields.consistent_type")
            .map(|v| (v.path().to_owned(), v.message().to_owned()))
            .collect::<Vec<_>>()
    };
    assert!(clash(&reports[0].0).is_empty());
    assert_eq!(
        clash(&reports[1].0),
        [(
            "/fields/plan".to_owned(),
            "'plan' was a string in document 0; here it is a number".to_owned()
        )]
    );
    assert_eq!(
        clash(&reports[2].0)[0].1,
        "'plan' was a string in document 0; here it is a boolean"
    );
    // The unreadable document counted: the conversion is document 4.
    assert_eq!(
        clash(&reports[4].0)[0].1,
        "'plan' was a string in document 0; here it is an array"
    );
    assert_eq!(new.documents_seen(), 5);
    assert_eq!(old.documents_seen(), 5);

    // The validator itself keeps no state: the same check is valid there.
    assert!(v.check(&second).validate().is_valid());
}

/// One batch, fed by the methods and the new form in turn: one state.
#[test]
fn methods_and_checks_share_a_batch() {
    let batch = Validator::new(Provider::Sendios)
        .with_options(options())
        .batch();
    let _ = batch.validate_str(&sendios("u1", &json!(1)).to_string());
    let r = batch
        .check(sendios("u2", &json!("one")))
        .envelope()
        .validate();
    // Read as an envelope, the body is not an envelope: no `fields` seen.
    assert!(!r.is_valid());
    let r = batch.check(sendios("u2", &json!("one"))).validate();
    assert_eq!(
        r.violations()[0].message(),
        "'plan' was a number in document 0; here it is a string"
    );
    let r = batch.convert_value(sendios("u3", &json!(false)), Provider::Raia);
    assert_eq!(
        r.violations()[0].message(),
        "'plan' was a number in document 0; here it is a boolean"
    );
    assert_eq!(batch.documents_seen(), 4);
}

/// A check runs nothing and counts nothing until its action.
#[test]
fn a_check_not_run_counts_nothing() {
    let batch = Validator::new(Provider::Sendios).batch();
    let pending = batch.check(r#"{"client_user_id":"u1","fields":{"plan":1}}"#);
    assert_eq!(batch.documents_seen(), 0);
    drop(pending);
    assert_eq!(batch.documents_seen(), 0);
    let _ = batch
        .check(r#"{"client_user_id":"u1","fields":{"plan":1}}"#)
        .validate();
    assert_eq!(batch.documents_seen(), 1);
}

/// A check is `Send + Sync` and `Debug`: it can be built on one thread
/// and run on another, on a batch shared by both.
#[test]
fn checks_are_send_sync_and_debug() {
    fn send_sync_debug<T: Send + Sync + std::fmt::Debug>() {}
    send_sync_debug::<Check<'static>>();
    send_sync_debug::<Input<'static>>();

    let batch = Validator::new(Provider::Sendios).batch();
    let first = sendios("u1", &json!(1));
    let check = batch.check(&first);
    let shown = format!("{check:?}");
    assert!(shown.starts_with("Check {"), "{shown}");
    assert!(shown.contains("client_user_id"), "{shown}");
    let report = thread::scope(|s| s.spawn(move || check.validate()).join().unwrap());
    assert!(report.is_valid());
    let second = thread::scope(|s| {
        s.spawn(|| batch.check(sendios("u2", &json!("x"))).validate())
            .join()
            .unwrap()
    });
    assert_eq!(
        second.violations()[0].rule(),
        "sendios.fields.consistent_type"
    );
    assert!(format!("{:?}", Input::from(&b"{}"[..])).contains("Bytes"));
}
