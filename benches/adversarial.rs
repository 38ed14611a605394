//! Adversarial sizes (issue 5, item 6): validation cost must grow linearly
//! with the input. Each group validates documents of n = 1k, 10k and 100k
//! members / items / bytes×10 next to bare `serde_json` parsing of the same
//! bytes, with byte throughput so a flat bytes/s line shows linearity.
//! The output-amplifying input (issue 16, item 2: n numeric Rocket.Chat
//! phones, three violations and a change each) is timed with the default
//! report cap and with everything listed, next to the same floor; its peak
//! memory through the command-line program, for `--jobs 1`, `2` and `8`,
//! is measured by `benches/cli.sh`.
//! A conversion of a Rocket.Chat contact with n emails to Sendios (which
//! holds one: n − 1 losses) must stay linear too: it took 33 s for 40 000
//! emails before the contact builder and the loss paths were indexed.
//! n float members measure the crate's exact reading of floats.
//! Run with `cargo bench --bench adversarial`.

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use omnicontact::{Options, Provider, Validator};
use serde_json::Value;

const SIZES: [usize; 3] = [1_000, 10_000, 100_000];

fn members(n: usize, member: impl Fn(usize) -> String) -> String {
    (0..n).map(member).collect::<Vec<_>>().join(",")
}

/// Benchmarks `validate_str` and bare parsing of each document, labelled
/// by its size parameter.
fn linear(c: &mut Criterion, name: &str, provider: Provider, docs: &[(usize, String)]) {
    // The largest documents exceed the default 1 MiB limit: raise it so the
    // walk is measured, not the early refusal.
    let validator = Validator::new(provider).with_options(Options::new().max_bytes(16 << 20));
    let mut group = c.benchmark_group(name);
    group.sample_size(10);
    for (n, text) in docs {
        let report = validator.validate_str(text);
        assert!(
            report
                .violations()
                .iter()
                .all(|v| v.rule() != "input.body.max_length" && v.rule() != "input.json.format"),
            "{name}/{n}"
        );
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::new("floor: serde_json", n), text, |b, t| {
            b.iter(|| serde_json::from_str::<Value>(black_box(t)).unwrap());
        });
        group.bench_with_input(BenchmarkId::new("validate_str", n), text, |b, t| {
            b.iter(|| validator.validate_str(black_box(t)));
        });
    }
    group.finish();
}

/// Omnisend `customProperties` with n members.
fn many_members(c: &mut Criterion) {
    let docs: Vec<_> = SIZES
        .iter()
        .map(|&n| {
            let props = members(n, |i| format!(r#""p{i}":{i}"#));
            (
                n,
                format!(
                    r#"{{"email":"a@b.co","tags":["source: x"],"customProperties":{{{props}}}}}"#
                ),
            )
        })
        .collect();
    linear(
        c,
        "omnisend/customProperties members",
        Provider::Omnisend,
        &docs,
    );
}

/// Omnisend `customProperties` with n float members, each in shortest
/// form with 14 to 17 digits: the crate reads each float from its text
/// itself (exact without `serde_json`'s `float_roundtrip`).
fn many_floats(c: &mut Criterion) {
    let docs: Vec<_> = SIZES
        .iter()
        .map(|&n| {
            let props = members(n, |i| {
                let f = (i as f64 + 0.5) / 7.0 * 1e-3;
                format!(r#""p{i}":{f}"#)
            });
            (
                n,
                format!(
                    r#"{{"email":"a@b.co","tags":["source: x"],"customProperties":{{{props}}}}}"#
                ),
            )
        })
        .collect();
    linear(
        c,
        "omnisend/customProperties floats",
        Provider::Omnisend,
        &docs,
    );
}

/// Omnisend `tags` with n items, half of them duplicates (one `max_items`
/// error and n/2 `unique` warnings).
fn many_tags(c: &mut Criterion) {
    let docs: Vec<_> = SIZES
        .iter()
        .map(|&n| {
            let tags = members(n - 1, |i| format!(r#""t{}""#, i / 2));
            (
                n,
                format!(r#"{{"email":"a@b.co","tags":["source: x",{tags}]}}"#),
            )
        })
        .collect();
    linear(
        c,
        "omnisend/tags (half duplicates)",
        Provider::Omnisend,
        &docs,
    );
}

/// One custom-property string of n×10 bytes (over 2048 characters: one
/// `max_length` error).
fn long_string(c: &mut Criterion) {
    let docs: Vec<_> = SIZES
        .iter()
        .map(|&n| {
            (
                n,
                format!(
                    r#"{{"email":"a@b.co","tags":["source: x"],"customProperties":{{"s":"{}"}}}}"#,
                    "x".repeat(n * 10)
                ),
            )
        })
        .collect();
    linear(
        c,
        "omnisend/string of n*10 bytes",
        Provider::Omnisend,
        &docs,
    );
}

/// A 10 000-digit phone next to a normal one (Sendios `phone`): the length
/// cap must refuse it before the phone library sees it.
fn huge_phone(c: &mut Criterion) {
    let validator = Validator::new(Provider::Sendios);
    let normal = r#"{"client_user_id":"u1","phone":"+44 20 7946 0018"}"#.to_owned();
    let huge = format!(
        r#"{{"client_user_id":"u1","phone":"+{}"}}"#,
        "4".repeat(10_000)
    );
    assert!(validator.validate_str(&normal).is_valid());
    assert!(!validator.validate_str(&huge).is_valid());
    let mut group = c.benchmark_group("sendios/phone");
    group.sample_size(20);
    for (name, text) in [("normal", &normal), ("10000 digits", &huge)] {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::new("floor: serde_json", name), text, |b, t| {
            b.iter(|| serde_json::from_str::<Value>(black_box(t)).unwrap());
        });
        group.bench_with_input(BenchmarkId::new("validate_str", name), text, |b, t| {
            b.iter(|| validator.validate_str(black_box(t)));
        });
    }
    group.finish();
}

/// n numeric Rocket.Chat phones, all equal: each item is coerced (a
/// warning and a change), a `format` warning and, after the first, a
/// `unique` error. With the default cap a report lists 100 of each rule;
/// `usize::MAX` lists all 3 n - 1 violations and n changes.
fn amplifying(c: &mut Criterion) {
    let mut group = c.benchmark_group("rocketchat/numeric phones (output-amplifying)");
    group.sample_size(10);
    let capped = Validator::new(Provider::RocketChat);
    let listed =
        Validator::new(Provider::RocketChat).with_options(Options::new().max_per_rule(usize::MAX));
    for n in SIZES {
        let text = format!(
            r#"{{"name":"John","emails":["a@b.co"],"phones":[{}]}}"#,
            members(n, |_| "1".to_owned())
        );
        assert_eq!(capped.validate_str(&text).violations().len(), 304);
        assert_eq!(listed.validate_str(&text).violations().len(), 3 * n - 1);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::new("floor: serde_json", n), &text, |b, t| {
            b.iter(|| serde_json::from_str::<Value>(black_box(t)).unwrap());
        });
        group.bench_with_input(
            BenchmarkId::new("validate_str, capped", n),
            &text,
            |b, t| {
                b.iter(|| capped.validate_str(black_box(t)));
            },
        );
        group.bench_with_input(
            BenchmarkId::new("validate_str, all listed", n),
            &text,
            |b, t| {
                b.iter(|| listed.validate_str(black_box(t)));
            },
        );
    }
    group.finish();
}

/// A Rocket.Chat contact with n emails converted to Sendios: n − 1
/// `convert.email.lossy` losses (100 listed), each located in the source.
fn conversion(c: &mut Criterion) {
    let mut group = c.benchmark_group("rocketchat → sendios/emails (conversion)");
    group.sample_size(10);
    let validator =
        Validator::new(Provider::RocketChat).with_options(Options::new().max_bytes(16 << 20));
    for n in SIZES {
        let text = format!(
            r#"{{"name":"John","emails":[{}],"phones":[]}}"#,
            members(n, |i| format!(r#""u{i}@example.com""#))
        );
        let report = validator.convert_str(&text, Provider::Sendios);
        assert!(
            report
                .violations()
                .iter()
                .any(|v| v.rule() == "convert.email.lossy" && v.path() == "/emails/1"),
            "{n}"
        );
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::new("floor: serde_json", n), &text, |b, t| {
            b.iter(|| serde_json::from_str::<Value>(black_box(t)).unwrap());
        });
        group.bench_with_input(BenchmarkId::new("convert_str", n), &text, |b, t| {
            b.iter(|| validator.convert_str(black_box(t), Provider::Sendios));
        });
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    targets = many_members, many_floats, many_tags, long_string, huge_phone, amplifying, conversion
}
criterion_main!(benches);
