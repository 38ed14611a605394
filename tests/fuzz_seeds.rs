//! Replays the seed corpus of every fuzz target (`tests/fuzz_seeds/<target>/`,
//! also the fuzzer's seeds) through the target's own check
//! (`tests/support/<target>.rs`), so CI runs every seed as an ordinary test.
//! Inputs the fuzzer found that broke an invariant are added there once
//! fixed.

use std::fs;
use std::path::Path;

#[path = "support/custom_property.rs"]
mod custom_property;
#[path = "support/email.rs"]
mod email;
#[path = "support/ndjson_stream.rs"]
mod ndjson_stream;
#[path = "support/phone.rs"]
mod phone;
#[path = "support/provider_json.rs"]
mod provider_json;
#[path = "support/push_token.rs"]
mod push_token;
#[path = "support/report.rs"]
mod report;
#[path = "support/value_type.rs"]
mod value_type;

/// Runs `check` on every file of `tests/fuzz_seeds/<target>/`, which must
/// hold at least `min` seeds.
fn replay(target: &str, min: usize, check: fn(&[u8])) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fuzz_seeds")
        .join(target);
    let mut seeds: Vec<_> = fs::read_dir(&dir)
        .expect("the seed corpus exists")
        .map(|e| e.expect("a readable entry").path())
        .collect();
    seeds.sort();
    assert!(seeds.len() >= min, "{target}: only {} seeds", seeds.len());
    let mut broken = Vec::new();
    for seed in seeds {
        let data = fs::read(&seed).expect("a readable seed");
        if std::panic::catch_unwind(|| check(&data)).is_err() {
            broken.push(seed.display().to_string());
        }
    }
    assert!(
        broken.is_empty(),
        "{target}: seeds broke an invariant: {broken:#?}"
    );
}

#[test]
fn provider_json_seeds() {
    replay("provider_json", 100, provider_json::check);
}

#[test]
fn push_token_seeds() {
    replay("push_token", 20, push_token::check);
}

#[test]
fn custom_property_seeds() {
    replay("custom_property", 20, custom_property::check);
}

#[test]
fn phone_seeds() {
    replay("phone", 20, phone::check);
}

#[test]
fn email_seeds() {
    replay("email", 20, email::check);
}

#[test]
fn ndjson_stream_seeds() {
    replay("ndjson_stream", 20, ndjson_stream::check);
}
