//! Steady-state validation cost, each figure next to its floor: bare
//! `serde_json` parsing of the same bytes into a `Value`, which every
//! approach has to pay.
//!
//! - `<provider>/record`: one realistic record per provider
//!   (`benches/support/records.rs`, ~600 bytes, an email and a phone).
//!   For Omnisend also `jsonschema` with a schema of Omnisend's structural
//!   rules, and the naive pipeline a user would otherwise glue together
//!   (`email_address`, `phonenumber`, `isocountry`, `isolang`).
//! - `omnisend/batch of 1000`: 1 000 consecutive Omnisend records, phones
//!   from 16 countries in turn, which is what makes `phonenumber`'s shared
//!   100-regex cache thrash in the naive pipeline.
//! - `omnisend/20000 tags`: de-duplication stays linear.
//! - `rocketchat to omnisend`: conversion next to validation alone; after
//!   the table, `convert_str` over `validate_str` timed alternately (issue
//!   18's measure).
//!
//! After criterion's own output, prints a Markdown table of the medians
//! with their ratio to the group's floor (the rows of README's
//! "Performance" section). Run with `cargo bench --bench validate`.

#[path = "support/medians.rs"]
mod medians;
#[path = "support/records.rs"]
mod records;

use std::collections::HashMap;
use std::hint::black_box;
use std::rc::Rc;
use std::time::{Duration, Instant, SystemTime};

use criterion::measurement::WallTime;
use criterion::{BenchmarkGroup, Criterion, SamplingMode, Throughput};
use omnicontact::{Provider, Validator};
use serde_json::{Map, Value, json};

use records::PROVIDERS;

/// The record each provider's `record` group measures: number 20 is in
/// Lithuania, and its Omnisend phone is national (`8 612 34560`, read in
/// the `countryCode` region), the longer path.
const REFERENCE: usize = 20;
/// Records in the batch group: 1 000, so the 16 countries come round 62
/// times.
const BATCH: usize = 1_000;

const FLOOR: &str = "floor: serde_json::from_str::<Value>";
const VALIDATE: &str = "validate_str";
const CONVERT: &str = "convert_str";
/// The conversion group: Rocket.Chat to Omnisend.
const CONVERSION: &str = "rocketchat to omnisend";
const JSONSCHEMA: &str = "jsonschema: parse + is_valid";
const NAIVE: &str = "naive: parse + email_address + phonenumber + isocountry + isolang";

/// Omnisend's structural rules (the `omnisend.*` rules) as a JSON Schema: member
/// names (no others), types, the identifier-or-email-or-phone requirement,
/// the identifier `type` and channel `status` enums, which channel an
/// identifier type may have, at most 100 non-empty tags, the country code
/// and birth date shapes, custom property names, value types and string
/// length. `null` is allowed where the crate allows it (an optional member
/// left out).
///
/// What a schema cannot say is left out: whether an email or phone is one,
/// dates are real dates, the country code exists; nor does it normalize
/// anything. Formats are annotations in draft 2020-12 and are not checked.
fn omnisend_schema() -> Value {
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "type": "object",
        "anyOf": [
            {"required": ["identifiers"], "properties": {"identifiers": {"minItems": 1}}},
            {"required": ["email"]},
            {"required": ["phone"]}
        ],
        "properties": {
            "identifiers": {"type": ["array", "null"], "items": {"$ref": "#/$defs/identifier"}},
            "email": {"type": "string"},
            "phone": {"type": "string"},
            "contactID": {"$ref": "#/$defs/text"},
            "createdAt": {"$ref": "#/$defs/text"},
            "firstName": {"$ref": "#/$defs/text"},
            "lastName": {"$ref": "#/$defs/text"},
            "tags": {
                "type": ["array", "null"],
                "maxItems": 100,
                "items": {"type": "string", "minLength": 1}
            },
            "country": {"$ref": "#/$defs/text"},
            "countryCode": {"type": ["string", "null"], "pattern": "^[A-Za-z]{2,3}$"},
            "state": {"$ref": "#/$defs/text"},
            "city": {"$ref": "#/$defs/text"},
            "address": {"$ref": "#/$defs/text"},
            "postalCode": {"$ref": "#/$defs/text"},
            "gender": {"enum": ["m", "f", "M", "F", null]},
            "birthdate": {"type": ["string", "null"], "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"},
            "customProperties": {
                "type": ["object", "null"],
                "propertyNames": {"pattern": "^[A-Za-z0-9_]{1,128}$"},
                "additionalProperties": {
                    "type": ["string", "number", "boolean", "array", "null"],
                    "maxLength": 2048,
                    "items": {"type": "string"}
                }
            }
        },
        "additionalProperties": false,
        "$defs": {
            "text": {"type": ["string", "null"]},
            "identifier": {
                "type": "object",
                "required": ["type", "id"],
                "properties": {
                    "type": {"enum": ["email", "phone"]},
                    "id": {"type": "string"},
                    "channels": {
                        "type": ["object", "null"],
                        "properties": {
                            "email": {"$ref": "#/$defs/channel"},
                            "sms": {"$ref": "#/$defs/channel"}
                        },
                        "additionalProperties": false
                    },
                    "sendWelcomeEmail": {"type": ["boolean", "null"]},
                    "source": {"$ref": "#/$defs/text"}
                },
                "additionalProperties": false,
                "if": {"properties": {"type": {"const": "email"}}},
                "then": {"properties": {"channels": {"propertyNames": {"const": "email"}}}},
                "else": {"properties": {"channels": {"propertyNames": {"const": "sms"}}}}
            },
            "channel": {
                "type": "object",
                "required": ["status"],
                "properties": {
                    "status": {"enum": ["subscribed", "unsubscribed", "nonSubscribed"]},
                    "statusDate": {"type": ["string", "null"]}
                },
                "additionalProperties": false
            }
        }
    })
}

/// The compiled schema, checked against good and bad bodies first.
fn omnisend_jsonschema() -> jsonschema::Validator {
    let schema = jsonschema::validator_for(&omnisend_schema()).expect("a valid schema");
    for i in 0..64 {
        let record = records::omnisend(i);
        assert!(
            schema.is_valid(&serde_json::from_str(&record).unwrap()),
            "{record}"
        );
    }
    let good = serde_json::from_str::<Value>(&records::omnisend(REFERENCE)).unwrap();
    let bad = [
        ("/identifiers/0/channels/email/status", json!("active")),
        ("/identifiers/1/type", json!("sms")),
        (
            "/identifiers/1/channels",
            json!({"email": {"status": "subscribed"}}),
        ),
        ("/countryCode", json!("Lithuania")),
        ("/customProperties/bad name", json!(1)),
        ("/customProperties/nested", json!({"a": 1})),
        ("/tags/0", json!("")),
        ("/nickname", json!("x")),
    ];
    for (pointer, value) in bad {
        let mut body = good.clone();
        let (parent, member) = pointer.rsplit_once('/').unwrap();
        match body.pointer_mut(parent).unwrap() {
            Value::Object(map) => map.insert(member.to_owned(), value),
            Value::Array(items) => Some(std::mem::replace(
                &mut items[member.parse::<usize>().unwrap()],
                value,
            )),
            _ => unreachable!(),
        };
        assert!(!schema.is_valid(&body), "{pointer} accepted");
    }
    assert!(!schema.is_valid(&json!({"tags": ["source: x"]})));
    schema
}

/// What a user might write instead of this crate: parse, then check each
/// value with the usual crates. Emails through `email_address::is_valid`;
/// phones through `phonenumber::parse` (in the record's country when
/// written without `+`), `is_valid` and E.164 formatting; the country code
/// through `isocountry` (alpha-2 or alpha-3); a `language` member, where
/// the record has one (Sendios; Omnisend has none), through
/// `isolang::Language::from_639_1`.
///
/// It checks far less than the crate does (no member names, types, enums,
/// dates, custom properties) and reports only yes or no.
fn naive_pipeline(text: &str) -> bool {
    let Ok(Value::Object(body)) = serde_json::from_str::<Value>(text) else {
        return false;
    };
    naive_checks(&body)
}

fn naive_checks(body: &Map<String, Value>) -> bool {
    let text = |name: &str| body.get(name).and_then(Value::as_str);
    let mut ok = true;
    let country = match text("countryCode").or_else(|| text("country")) {
        Some(code) => {
            let found = isocountry::CountryCode::for_alpha2_caseless(code)
                .or_else(|_| isocountry::CountryCode::for_alpha3_caseless(code))
                .ok();
            ok &= found.is_some();
            found
        }
        None => None,
    };
    if let Some(language) = text("language") {
        ok &= isolang::Language::from_639_1(&language.to_ascii_lowercase()).is_some();
    }
    let region = country.and_then(|c| c.alpha2().parse::<phonenumber::country::Id>().ok());
    let mut emails: Vec<&str> = text("email").into_iter().collect();
    let mut phones: Vec<&str> = text("phone").into_iter().collect();
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
            Some("email") => emails.push(id),
            Some("phone") => phones.push(id),
            _ => ok = false,
        }
    }
    for email in emails {
        ok &= email_address::EmailAddress::is_valid(email);
    }
    for phone in phones {
        // The `phonenumber` crate can misread a `+` number given a region: only for
        // national ones.
        let region = if phone.starts_with('+') { None } else { region };
        ok &= phonenumber::parse(region, phone).is_ok_and(|n| {
            phonenumber::is_valid(&n)
                && n.format()
                    .mode(phonenumber::Mode::E164)
                    .to_string()
                    .starts_with('+')
        });
    }
    ok
}

/// The capacity of `phonenumber`'s shared regex cache, which this crate
/// enlarges (for the whole process) on its first phone. The naive pipeline
/// is measured with the capacity `phonenumber` ships with, as a program
/// without this crate has it; the crate with the one it sets itself.
#[derive(Clone, Copy)]
struct RegexCache {
    shipped: usize,
    enlarged: usize,
}

impl RegexCache {
    /// Reads both capacities: call before anything else uses this crate.
    fn measure() -> RegexCache {
        let shipped = Self::capacity();
        let validator = Validator::new(Provider::Omnisend);
        assert!(validator.validate_str(&records::omnisend(1)).is_valid());
        RegexCache {
            shipped,
            enlarged: Self::capacity(),
        }
    }

    fn capacity() -> usize {
        let cache = phonenumber::metadata::DATABASE.cache();
        let cache = cache.lock().unwrap();
        cache.capacity()
    }

    fn set(capacity: usize) {
        let cache = phonenumber::metadata::DATABASE.cache();
        let mut cache = cache.lock().unwrap();
        if cache.capacity() != capacity {
            cache.set_capacity(capacity);
        }
    }

    /// Runs `f` (the naive pipeline) with `phonenumber` as shipped, then
    /// gives the crate back the cache it set up.
    fn shipped<R>(self, f: impl FnOnce() -> R) -> R {
        Self::set(self.shipped);
        let result = f();
        Self::set(self.enlarged);
        result
    }
}

/// The work of one iteration of a measure; returns something for
/// `black_box`.
type Work = Rc<dyn Fn() -> usize>;

/// One measure of a group, kept after criterion has run it for the paired
/// ratio.
struct Measure {
    group: String,
    function: &'static str,
    work: Work,
    /// The naive pipeline: run with `phonenumber`'s cache as shipped.
    naive: bool,
}

/// Benches `measures` (the floor first) as one criterion group, and keeps
/// them in `all`.
fn group(
    c: &mut Criterion,
    cache: RegexCache,
    name: &str,
    configure: impl FnOnce(&mut BenchmarkGroup<'_, WallTime>),
    measures: Vec<(&'static str, Work)>,
    all: &mut Vec<Measure>,
) {
    let mut group = c.benchmark_group(name);
    configure(&mut group);
    for (function, work) in measures {
        let naive = function == NAIVE;
        group.bench_function(function, |b| {
            if naive {
                cache.shipped(|| b.iter(|| work()));
            } else {
                b.iter(|| work());
            }
        });
        all.push(Measure {
            group: name.to_owned(),
            function,
            work,
            naive,
        });
    }
    group.finish();
}

/// Parsing `text` into a `Value`, the floor of every group.
fn floor(text: Rc<str>) -> Work {
    Rc::new(move || usize::from(serde_json::from_str::<Value>(black_box(&text)).is_ok()))
}

/// One realistic record per provider: the floor and `validate_str`; for
/// Omnisend also `jsonschema` (parse, then `is_valid` with a compiled
/// schema) and the naive pipeline; for Sendios also the naive pipeline (the
/// only record with a language).
fn records_per_provider(c: &mut Criterion, cache: RegexCache, all: &mut Vec<Measure>) {
    let schema = Rc::new(omnisend_jsonschema());
    for provider in PROVIDERS {
        let record: Rc<str> = records::record(provider, REFERENCE).into();
        let validator = Rc::new(Validator::new(provider));
        let report = validator.validate_str(&record);
        assert!(report.violations().is_empty(), "{provider}: {report}");
        let mut measures: Vec<(&str, Work)> = vec![(FLOOR, floor(record.clone()))];
        measures.push((VALIDATE, {
            let record = record.clone();
            Rc::new(move || {
                validator
                    .validate_str(black_box(&record))
                    .violations()
                    .len()
            })
        }));
        if provider == Provider::Omnisend {
            let (schema, record) = (schema.clone(), record.clone());
            measures.push((
                JSONSCHEMA,
                Rc::new(move || {
                    let value = serde_json::from_str::<Value>(black_box(&record)).unwrap();
                    usize::from(schema.is_valid(&value))
                }),
            ));
        }
        if matches!(provider, Provider::Omnisend | Provider::Sendios) {
            assert!(naive_pipeline(&record), "{provider}: {record}");
            let record = record.clone();
            measures.push((
                NAIVE,
                Rc::new(move || usize::from(naive_pipeline(black_box(&record)))),
            ));
        }
        let name = format!("{provider}/record");
        group(c, cache, &name, |_| {}, measures, all);
    }
}

/// 1 000 consecutive Omnisend records (countries in turn), each approach
/// over all of them. The naive pipeline meets `phonenumber`'s 100-regex
/// cache thrashing (more patterns than its cache holds); the crate compiles each metadata pattern
/// once.
fn batch(c: &mut Criterion, cache: RegexCache, all: &mut Vec<Measure>) {
    let batch: Rc<[String]> = (0..BATCH).map(records::omnisend).collect();
    let validator = Rc::new(Validator::new(Provider::Omnisend));
    let schema = Rc::new(omnisend_jsonschema());
    // (Checking all 1 000 the naive way would take seconds, even when this
    // group is filtered out.)
    assert!(cache.shipped(|| batch[..64].iter().all(|r| naive_pipeline(r))));
    assert!(batch.iter().all(|r| validator.validate_str(r).is_valid()));

    /// How many of `batch` pass `check`.
    fn count(batch: &Rc<[String]>, check: impl Fn(&str) -> bool + 'static) -> Work {
        let batch = batch.clone();
        Rc::new(move || batch.iter().filter(|r| check(black_box(r))).count())
    }
    let measures: Vec<(&str, Work)> = vec![
        (
            FLOOR,
            count(&batch, |r| serde_json::from_str::<Value>(r).is_ok()),
        ),
        (
            VALIDATE,
            count(&batch, move |r| validator.validate_str(r).is_valid()),
        ),
        (
            JSONSCHEMA,
            count(&batch, move |r| {
                schema.is_valid(&serde_json::from_str::<Value>(r).unwrap())
            }),
        ),
        (NAIVE, count(&batch, naive_pipeline)),
    ];
    let name = format!("omnisend/batch of {BATCH}");
    // The naive pipeline takes seconds per batch: few, flat samples.
    let configure = |g: &mut BenchmarkGroup<'_, WallTime>| {
        g.sample_size(10)
            .sampling_mode(SamplingMode::Flat)
            .measurement_time(Duration::from_secs(10))
            .throughput(Throughput::Elements(BATCH as u64));
    };
    group(c, cache, &name, configure, measures, all);
}

/// A body with 20 000 tags, every one given twice: de-duplication must stay
/// linear (it was quadratic once).
fn many_tags(c: &mut Criterion, cache: RegexCache, all: &mut Vec<Measure>) {
    let tags: Vec<String> = (0..20_000).map(|i| format!("tag {}", i % 10_000)).collect();
    let mut body = json!({"email": "a@b.co", "tags": tags});
    body["tags"][0] = Value::from("source: bench");
    let text: Rc<str> = body.to_string().into();
    let validator = Validator::new(Provider::Omnisend);
    let measures: Vec<(&str, Work)> = vec![
        (FLOOR, floor(text.clone())),
        (VALIDATE, {
            Rc::new(move || validator.validate_str(black_box(&text)).violations().len())
        }),
    ];
    let configure = |g: &mut BenchmarkGroup<'_, WallTime>| {
        g.sample_size(20);
    };
    group(c, cache, "omnisend/20000 tags", configure, measures, all);
}

/// Converting a Rocket.Chat contact to Omnisend (validate the source,
/// through `Contact`, validate the target) next to validating it alone.
fn conversion(c: &mut Criterion, cache: RegexCache, all: &mut Vec<Measure>) {
    let record: Rc<str> = include_str!("../examples/data/rocketchat_to_omnisend.ndjson")
        .lines()
        .next()
        .expect("a sample record")
        .into();
    let validator = Rc::new(Validator::new(Provider::RocketChat));
    assert!(
        validator
            .convert_str(&record, Provider::Omnisend)
            .converted()
            .is_some()
    );
    let measures: Vec<(&str, Work)> = vec![
        (FLOOR, floor(record.clone())),
        (VALIDATE, {
            let (validator, record) = (validator.clone(), record.clone());
            Rc::new(move || {
                validator
                    .validate_str(black_box(&record))
                    .violations()
                    .len()
            })
        }),
        (
            CONVERT,
            Rc::new(move || {
                validator
                    .convert_str(black_box(&record), Provider::Omnisend)
                    .violations()
                    .len()
            }),
        ),
    ];
    group(c, cache, CONVERSION, |_| {}, measures, all);
}

/// The median ratio of `measure`'s time to `base`'s, the two run
/// alternately: rounds of about 1 ms of each (the order swapped every
/// round) for about a second, at least three rounds. `nanos` are their
/// criterion medians, which size the rounds. Both sides of a round see the
/// same load, so this ratio holds steadier than the ratio of two medians
/// measured seconds apart on a busy machine.
fn paired(measure: &Work, measure_nanos: f64, base: &Work, base_nanos: f64) -> f64 {
    const ROUND: f64 = 1e6; // nanoseconds per side and round
    const BUDGET: Duration = Duration::from_secs(1);
    // Iterations per side and round: about ROUND nanoseconds' worth.
    let n = |nanos: f64| (ROUND / nanos).ceil().max(1.0) as u32;
    let (n_measure, n_base) = (n(measure_nanos), n(base_nanos));
    let time = |work: &Work, n: u32| {
        let start = Instant::now();
        for _ in 0..n {
            black_box(work());
        }
        start.elapsed().as_secs_f64() / f64::from(n)
    };
    let start = Instant::now();
    let mut rounds = Vec::new();
    while rounds.len() < 3 || start.elapsed() < BUDGET {
        let (t_measure, t_base) = if rounds.len() % 2 == 0 {
            let t = time(measure, n_measure);
            (t, time(base, n_base))
        } else {
            let t = time(base, n_base);
            (time(measure, n_measure), t)
        };
        rounds.push(t_measure / t_base);
    }
    rounds.sort_by(f64::total_cmp);
    rounds[rounds.len() / 2]
}

/// For each measure criterion ran in this run (a fresh median), its time
/// over its floor's, [`paired`].
fn paired_ratios(
    measures: &[Measure],
    found: &HashMap<(String, String), medians::Median>,
    cache: RegexCache,
) -> HashMap<(String, String), f64> {
    let key = |m: &Measure| (m.group.clone(), m.function.to_owned());
    let mut ratios = HashMap::new();
    for measure in measures.iter().filter(|m| m.function != FLOOR) {
        let Some(floor) = measures
            .iter()
            .find(|f| f.group == measure.group && f.function == FLOOR)
        else {
            continue;
        };
        let (Some(m), Some(f)) = (found.get(&key(measure)), found.get(&key(floor))) else {
            continue;
        };
        if !m.fresh {
            continue;
        }
        let pair = || paired(&measure.work, m.nanos, &floor.work, f.nanos);
        let ratio = if measure.naive {
            cache.shipped(pair)
        } else {
            pair()
        };
        ratios.insert(key(measure), ratio);
    }
    ratios
}

/// Issue 18's measure: `convert_str` over `validate_str` of the same
/// record, the two run alternately ([`paired`]), when both ran now.
fn conversion_ratio(measures: &[Measure], found: &HashMap<(String, String), medians::Median>) {
    let get = |function: &str| {
        let measure = measures
            .iter()
            .find(|m| m.group == CONVERSION && m.function == function)?;
        let median = found.get(&(measure.group.clone(), function.to_owned()))?;
        median.fresh.then_some((measure, median.nanos))
    };
    if let (Some((convert, c)), Some((validate, v))) = (get(CONVERT), get(VALIDATE)) {
        let ratio = paired(&convert.work, c, &validate.work, v);
        println!("\n{CONVERSION}: `{CONVERT}` costs {ratio:.2}× `{VALIDATE}` (paired)");
    }
}

fn main() {
    let started = SystemTime::now();
    // Before anything else touches `phonenumber`.
    let cache = RegexCache::measure();
    let mut c = Criterion::default().configure_from_args();
    let mut all = Vec::new();
    records_per_provider(&mut c, cache, &mut all);
    batch(&mut c, cache, &mut all);
    many_tags(&mut c, cache, &mut all);
    conversion(&mut c, cache, &mut all);
    c.final_summary();

    let keys: Vec<(String, String)> = all
        .iter()
        .map(|m| (m.group.clone(), m.function.to_owned()))
        .collect();
    let (dir, found) = medians::read(&keys, started);
    let paired = paired_ratios(&all, &found, cache);
    medians::print_table(&dir, &keys, &found, &paired);
    conversion_ratio(&all, &found);
}
