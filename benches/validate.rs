//! Validation cost next to the floor (bare `serde_json` parsing of the same
//! bytes) and next to a naive pipeline of the crates a user would otherwise
//! glue together (`email_address`, `phonenumber`, `isocountry`, `isolang`).
//! Run with `cargo bench --bench validate`.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use omnicontact::{Provider, Validator};
use serde_json::Value;

/// A realistic ~600-byte Omnisend contact: two identifiers (one national
/// phone read in the `countryCode` region), tags, custom properties.
const CONTACT: &str = r#"{
  "identifiers": [
    {"type": "email", "id": "Vanessa.Kensington@Example.COM", "channels": {"email": {"status": "subscribed", "statusDate": "2024-05-30T15:14:22+02:00"}}, "sendWelcomeEmail": false},
    {"type": "phone", "id": "0612 34567", "channels": {"sms": {"status": "nonSubscribed"}}}
  ],
  "firstName": "Vanessa",
  "lastName": "Kensington",
  "createdAt": "2024-05-30T14:11:12Z",
  "tags": ["source: shopify", "vip", "newsletter"],
  "countryCode": "LT",
  "city": "Vilnius",
  "postalCode": "01100",
  "gender": "F",
  "birthdate": "1981-11-05",
  "customProperties": {"age": 33, "hair_color": "brown", "married": true, "marriageDate": "2018-07-07", "loyaltyPoints": 125.8, "favoriteColors": ["blue", "green"]}
}"#;

/// What a user might write instead: parse, then check each value with the
/// usual crates (phones through `phonenumber`'s own parse, validity and
/// E.164 formatting). It checks far less than the crate does.
fn naive_pipeline(text: &str) -> bool {
    let Ok(Value::Object(body)) = serde_json::from_str::<Value>(text) else {
        return false;
    };
    let region = body
        .get("countryCode")
        .and_then(Value::as_str)
        .and_then(|c| isocountry::CountryCode::for_alpha2_caseless(c).ok());
    let mut ok = region.is_some();
    for identifier in body
        .get("identifiers")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let id = identifier
            .get("id")
            .and_then(Value::as_str)
            .unwrap_or_default();
        match identifier.get("type").and_then(Value::as_str) {
            Some("email") => ok &= email_address::EmailAddress::is_valid(id),
            Some("phone") => {
                let country =
                    region.and_then(|r| r.alpha2().parse::<phonenumber::country::Id>().ok());
                ok &= phonenumber::parse(country, id).is_ok_and(|n| {
                    phonenumber::is_valid(&n)
                        && !n
                            .format()
                            .mode(phonenumber::Mode::E164)
                            .to_string()
                            .is_empty()
                });
            }
            _ => ok = false,
        }
    }
    ok
}

fn bench(c: &mut Criterion) {
    let validator = Validator::new(Provider::Omnisend);
    // First use loads phone metadata; keep it out of the steady-state numbers.
    assert!(validator.validate_str(CONTACT).is_valid());
    assert!(naive_pipeline(CONTACT));

    let mut group = c.benchmark_group("omnisend/contact");
    group.bench_function("floor: serde_json::from_str::<Value>", |b| {
        b.iter(|| serde_json::from_str::<serde_json::Value>(black_box(CONTACT)).unwrap());
    });
    group.bench_function(
        "naive pipeline: email_address + phonenumber + isocountry",
        |b| {
            b.iter(|| naive_pipeline(black_box(CONTACT)));
        },
    );
    group.bench_function("validate_str", |b| {
        b.iter(|| validator.validate_str(black_box(CONTACT)));
    });
    group.finish();
}

/// The first record of each provider's sample data (all valid), next to
/// bare parsing of the same bytes.
fn providers(c: &mut Criterion) {
    let samples = [
        (
            Provider::Sendios,
            include_str!("../examples/data/sendios.ndjson"),
        ),
        (
            Provider::RocketChat,
            include_str!("../examples/data/rocketchat.ndjson"),
        ),
        (
            Provider::Suprsend,
            include_str!("../examples/data/suprsend.ndjson"),
        ),
        (Provider::Raia, include_str!("../examples/data/raia.ndjson")),
    ];
    for (provider, data) in samples {
        let record = data.lines().next().expect("a sample record");
        let validator = Validator::new(provider);
        assert!(
            validator.validate_str(record).is_valid(),
            "{provider}: {record}"
        );
        let mut group = c.benchmark_group(format!("{provider}/sample"));
        group.bench_function("floor: serde_json::from_str::<Value>", |b| {
            b.iter(|| serde_json::from_str::<Value>(black_box(record)).unwrap());
        });
        group.bench_function("validate_str", |b| {
            b.iter(|| validator.validate_str(black_box(record)));
        });
        group.finish();
    }
}

/// A body with 20 000 tags, every one given twice: de-duplication must stay
/// linear (it was quadratic once).
fn many_tags(c: &mut Criterion) {
    let tags: Vec<String> = (0..20_000).map(|i| format!("tag {}", i % 10_000)).collect();
    let mut body = serde_json::json!({"email": "a@b.co", "tags": tags});
    body["tags"][0] = Value::from("source: bench");
    let text = body.to_string();
    let validator = Validator::new(Provider::Omnisend);
    let mut group = c.benchmark_group("omnisend/20000 tags");
    group.sample_size(20);
    group.bench_function("floor: serde_json::from_str::<Value>", |b| {
        b.iter(|| serde_json::from_str::<Value>(black_box(&text)).unwrap());
    });
    group.bench_function("validate_str", |b| {
        b.iter(|| validator.validate_str(black_box(&text)));
    });
    group.finish();
}

/// Converting a Rocket.Chat contact to Omnisend (validate the source,
/// through `Contact`, validate the target) next to validating it alone.
fn conversion(c: &mut Criterion) {
    let record = include_str!("../examples/data/rocketchat_to_omnisend.ndjson")
        .lines()
        .next()
        .expect("a sample record");
    let validator = Validator::new(Provider::RocketChat);
    assert!(
        validator
            .convert_str(record, Provider::Omnisend)
            .converted()
            .is_some()
    );
    let mut group = c.benchmark_group("rocketchat to omnisend");
    group.bench_function("floor: serde_json::from_str::<Value>", |b| {
        b.iter(|| serde_json::from_str::<Value>(black_box(record)).unwrap());
    });
    group.bench_function("validate_str", |b| {
        b.iter(|| validator.validate_str(black_box(record)));
    });
    group.bench_function("convert_str", |b| {
        b.iter(|| validator.convert_str(black_box(record), Provider::Omnisend));
    });
    group.finish();
}

criterion_group!(benches, bench, providers, many_tags, conversion);
criterion_main!(benches);
