//! A `Validator` keeps no state between documents; batch rules live in a
//! `Batch`, whose memory is bounded.

use std::sync::Arc;
use std::thread;

use omnicontact::{Batch, Provider, Validator};
use serde_json::json;

fn doc(user: usize, value: serde_json::Value) -> String {
    json!({"client_user_id": format!("u{user}"), "fields": {"plan": value}}).to_string()
}

/// Two threads validating interleaved Sendios documents through one shared
/// validator get the verdicts each document gets alone.
#[test]
fn a_shared_validator_gives_each_document_its_own_verdict() {
    let shared = Arc::new(Validator::new(Provider::Sendios));
    let threads: Vec<_> = (0..2)
        .map(|t| {
            let v = Arc::clone(&shared);
            thread::spawn(move || {
                (0..500)
                    .map(|i| {
                        // Thread 0 sends strings, thread 1 numbers: in one
                        // batch, every document after the first would clash.
                        let value = if t == 0 { json!("pro") } else { json!(i) };
                        let text = doc(i, value);
                        (v.validate_str(&text), text)
                    })
                    .collect::<Vec<_>>()
            })
        })
        .collect();
    for handle in threads {
        for (report, text) in handle.join().unwrap() {
            let alone = Validator::new(Provider::Sendios).validate_str(&text);
            assert_eq!(report, alone, "{text}");
            assert!(report.is_valid(), "{report}");
        }
    }
}

#[test]
fn a_batch_compares_each_document_with_those_before() {
    let v = Validator::new(Provider::Sendios);
    let batch: Batch = v.batch();
    assert!(batch.validate_str(&doc(0, json!("pro"))).is_valid());
    assert!(batch.validate_str("{").violations()[0].rule() == "input.json.format");
    let r = batch.validate_str(&doc(2, json!(3)));
    assert_eq!(r.violations()[0].rule(), "sendios.fields.consistent_type");
    assert_eq!(
        r.violations()[0].message(),
        "'plan' was a string in document 0; here it is a number"
    );
    assert_eq!(batch.documents_seen(), 3);
    // A new batch starts afresh; the validator itself never remembers.
    assert!(v.batch().validate_str(&doc(3, json!(3))).is_valid());
    assert!(v.validate_str(&doc(3, json!(3))).is_valid());
}

/// At most `Batch::MAX_KEYS` keys are remembered: a key first seen later is
/// not compared, and memory does not grow with the input.
#[test]
fn a_batch_remembers_a_bounded_number_of_keys() {
    let batch = Validator::new(Provider::Sendios).batch();
    let keys = Batch::MAX_KEYS + 10;
    for chunk in (0..keys).collect::<Vec<_>>().chunks(1000) {
        let fields: serde_json::Map<String, serde_json::Value> = chunk
            .iter()
            .map(|k| (format!("k{k}"), json!("s")))
            .collect();
        let r = batch.validate_value(json!({"client_user_id": "u", "fields": fields}));
        assert!(r.is_valid(), "{r}");
    }
    let clash = |key: usize| {
        let r =
            batch.validate_value(json!({"client_user_id": "u", "fields": {format!("k{key}"): 1}}));
        r.violations()
            .iter()
            .any(|v| v.rule() == "sendios.fields.consistent_type")
    };
    assert!(clash(0));
    assert!(clash(Batch::MAX_KEYS - 1));
    assert!(!clash(Batch::MAX_KEYS + 5));
}

/// Keys are also bounded in bytes: a few very long keys do not make a
/// batch hold the input (a 200 KB key per document grew a batch by 200 KB
/// a document).
#[test]
fn a_batch_remembers_a_bounded_number_of_key_bytes() {
    let batch = Validator::new(Provider::Sendios).batch();
    let long = |i: usize| format!("{i:06}{}", "k".repeat(200_000));
    let n = Batch::MAX_KEY_BYTES / 200_006 + 3;
    for i in 0..n {
        let r = batch.validate_value(json!({"client_user_id": "u", "fields": {long(i): "s"}}));
        assert!(r.is_valid(), "{r}");
    }
    let clash = |i: usize| {
        batch
            .validate_value(json!({"client_user_id": "u", "fields": {long(i): 1}}))
            .violations()
            .iter()
            .any(|v| v.rule() == "sendios.fields.consistent_type")
    };
    // The first keys fit in the budget and are compared; the last do not.
    assert!(clash(0));
    assert!(!clash(n - 1));
}
