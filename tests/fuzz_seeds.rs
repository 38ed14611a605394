//! Replays the seed corpus of every fuzz target (`tests/fuzz_seeds/<target>/`,
//! also the fuzzer's seeds) through the target's own check
//! (`tests/support/<target>.rs`), so CI runs every seed as an ordinary test.
//! Inputs the fuzzer found that broke an invariant are added there once
//! fixed. The `phone` target's seeds are also every case of
//! libphonenumber's fixture (`tests/data/phone/libphonenumber.tsv`), which
//! `scripts/phone/corpus.py` writes out as its corpus.

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

/// The `phone` target's seed corpus proper: every case of libphonenumber's
/// fixture, `tests/data/phone/libphonenumber.tsv`, as the fuzzer sees it —
/// its region (empty or two letters) followed by its input, the bytes
/// `scripts/phone/corpus.py` writes to `fuzz/corpus/phone`.
#[test]
fn phone_fixture_seeds() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/phone/libphonenumber.tsv");
    let text = fs::read_to_string(&path).expect("the fixture exists");
    // Split on `\n` alone, as the script does: an input keeps any `\r`.
    let mut rows = text
        .split_terminator('\n')
        .filter(|l| !l.starts_with('#'))
        .map(|l| l.split('\t'));
    let header = rows.next().expect("a header");
    assert_eq!(
        header.take(2).collect::<Vec<_>>(),
        ["region", "input"],
        "the fixture's header"
    );
    let mut cases = 0;
    let mut broken = Vec::new();
    for mut row in rows {
        let (Some(region), Some(input)) = (row.next(), row.next()) else {
            panic!("a case without an input in {}", path.display());
        };
        let data = format!("{region}{input}");
        cases += 1;
        if std::panic::catch_unwind(|| phone::check(data.as_bytes())).is_err() {
            broken.push(data);
        }
    }
    assert!(cases > 40_000, "only {cases} cases");
    assert!(
        broken.is_empty(),
        "phone: {} fixture cases broke an invariant: {broken:#?}",
        broken.len()
    );
}

#[test]
fn email_seeds() {
    replay("email", 20, email::check);
}

#[test]
fn ndjson_stream_seeds() {
    replay("ndjson_stream", 20, ndjson_stream::check);
}
