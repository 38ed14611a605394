//! Per-number cost of [`Phone`] next to the `phonenumber` crate, both
//! measured in the same run.
//!
//! Every measure reads the same 16 valid numbers from 16 countries
//! ([`NUMBERS`]), all of them in turn in each iteration, so that any cache
//! keyed by region meets 16 regions, as with real multi-country traffic.
//! Two groups:
//!
//! - `phone/national in its region`: each number as written at home
//!   (`(415) 555-2671`, `8 612 34567`, …) read in its region, through
//!   `Phone::parse_with_region`;
//! - `phone/international`: the same numbers written in international form
//!   (`+1 415-555-2671`, …), through `Phone::parse`.
//!
//! Next to the crate, in each group, what the `phonenumber` crate needs for
//! the same result (the E.164 form and whether the number is assigned):
//! `phonenumber::parse` (with the region for national input, without one
//! for international input), then `phonenumber::is_valid` and E.164
//! formatting. It runs twice: with its shared regex cache at the capacity
//! it ships with (100 patterns: 16 regions need more, so it evicts and
//! recompiles), and with the cache enlarged to [`ENLARGED`] (every pattern
//! stays). The crate's own measures set nothing in that cache: they run
//! with it as they find it.
//!
//! After criterion's own output, prints a Markdown table: nanoseconds per
//! number (criterion's median for the 16, divided by 16), the ratio to the
//! crate's median in the same group, and a paired ratio, for which each
//! measure runs again alternately with the crate (rounds of about 1 ms of
//! each, for about a second) and the median of the rounds' ratios is kept:
//! both sides of a round share the machine's load.
//!
//! Run with `cargo bench --bench phone`.

#[path = "support/medians.rs"]
mod medians;

use std::collections::HashMap;
use std::hint::black_box;
use std::rc::Rc;
use std::time::{Duration, Instant, SystemTime};

use criterion::{Criterion, Throughput};
use omnicontact::values::{CountryCode, Phone};
use phonenumber::country::Id;
use phonenumber::metadata::DATABASE;

/// One test number: its region (alpha-2), as written at home, as written
/// from abroad, and its E.164 form.
struct Sample {
    region: &'static str,
    national: &'static str,
    international: &'static str,
    e164: &'static str,
}

/// The numbers every measure reads, one per country; each is valid
/// (assigned) for both crates, which give it the same E.164 form (checked
/// before measuring).
const NUMBERS: [Sample; 16] = [
    sample("US", "(415) 555-2671", "+1 415-555-2671", "+14155552671"),
    sample("GB", "020 7946 0018", "+44 20 7946 0018", "+442079460018"),
    sample("DE", "030 123456", "+49 30 123456", "+4930123456"),
    sample("FR", "01 42 76 49 78", "+33 1 42 76 49 78", "+33142764978"),
    sample(
        "RU",
        "8 (912) 345-67-89",
        "+7 912 345-67-89",
        "+79123456789",
    ),
    sample("LT", "8 612 34567", "+370 612 34567", "+37061234567"),
    sample("IN", "098765 43210", "+91 98765 43210", "+919876543210"),
    sample(
        "BR",
        "(11) 96123-4567",
        "+55 11 96123-4567",
        "+5511961234567",
    ),
    sample("JP", "03-1234-5678", "+81 3-1234-5678", "+81312345678"),
    sample("AU", "(02) 9876 5432", "+61 2 9876 5432", "+61298765432"),
    sample("MX", "55 1234 5678", "+52 55 1234 5678", "+525512345678"),
    sample("IT", "02 1234 5678", "+39 02 1234 5678", "+390212345678"),
    sample("ES", "912 34 56 78", "+34 912 34 56 78", "+34912345678"),
    sample("PL", "512 345 678", "+48 512 345 678", "+48512345678"),
    sample("NG", "0803 123 4567", "+234 803 123 4567", "+2348031234567"),
    sample("KR", "02-312-3456", "+82 2-312-3456", "+8223123456"),
];

const fn sample(
    region: &'static str,
    national: &'static str,
    international: &'static str,
    e164: &'static str,
) -> Sample {
    Sample {
        region,
        national,
        international,
        e164,
    }
}

/// The capacity of `phonenumber`'s regex cache in the enlarged variant:
/// more than the patterns its metadata holds, so nothing is evicted.
const ENLARGED: usize = 4096;

const NATIONAL: &str = "phone/national in its region";
const INTERNATIONAL: &str = "phone/international";
const CRATE_NATIONAL: &str = "Phone::parse_with_region";
const CRATE_INTERNATIONAL: &str = "Phone::parse";
const SHIPPED: &str = "phonenumber: parse + is_valid + E.164, cache as shipped";
const ENLARGED_NAME: &str = "phonenumber: parse + is_valid + E.164, cache enlarged";

/// One iteration's work: all 16 numbers; returns something for
/// `black_box`.
type Work = Rc<dyn Fn() -> usize>;

/// One measure: its group and name, the capacity `phonenumber`'s regex
/// cache is set to before it runs (untimed; `None`: left as it is), and
/// its work.
struct Measure {
    group: &'static str,
    function: &'static str,
    capacity: Option<usize>,
    work: Work,
}

/// `phonenumber`'s shared regex cache (one for the whole process).
mod cache {
    use super::DATABASE;

    pub fn capacity() -> usize {
        let cache = DATABASE.cache();
        let cache = cache.lock().unwrap();
        cache.capacity()
    }

    /// Sets the capacity, if one is given and it is not that already (a
    /// smaller one evicts).
    pub fn set(capacity: Option<usize>) {
        let Some(capacity) = capacity else {
            return;
        };
        let cache = DATABASE.cache();
        let mut cache = cache.lock().unwrap();
        if cache.capacity() != capacity {
            cache.set_capacity(capacity);
        }
    }
}

/// What both crates compute, folded into a number for `black_box`.
fn digest(e164: &str, assigned: bool) -> usize {
    e164.len() + usize::from(assigned)
}

/// The crate's result for one number.
fn crate_digest(phone: Result<Phone, omnicontact::values::PhoneError>) -> usize {
    phone.map_or(0, |p| digest(p.as_str(), p.is_assigned()))
}

/// `phonenumber`'s parse, `is_valid` and E.164 form for one number: its
/// E.164 form if it parses, and whether it is valid.
fn phonenumber_reading(region: Option<Id>, input: &str) -> Option<(String, bool)> {
    let number = phonenumber::parse(region, input).ok()?;
    let valid = phonenumber::is_valid(&number);
    let e164 = number.format().mode(phonenumber::Mode::E164).to_string();
    Some((e164, valid))
}

/// The regions of [`NUMBERS`], for each crate.
fn regions() -> Vec<(CountryCode, Id)> {
    NUMBERS
        .iter()
        .map(|s| {
            let code = CountryCode::parse(s.region).expect("a country code");
            let id = s.region.parse::<Id>().expect("a phonenumber region");
            (code, id)
        })
        .collect()
}

/// Checks that both crates read every number, in both forms, as the same
/// assigned E.164 number.
fn check(regions: &[(CountryCode, Id)]) {
    for (s, (code, id)) in NUMBERS.iter().zip(regions) {
        for (input, phone) in [
            (s.national, Phone::parse_with_region(s.national, Some(code))),
            (s.international, Phone::parse(s.international)),
        ] {
            let phone = phone.unwrap_or_else(|e| panic!("{input} ({}): {e}", s.region));
            assert_eq!(phone.as_str(), s.e164, "{input} ({})", s.region);
            assert!(phone.is_assigned(), "{input} ({}): unassigned", s.region);
        }
        for (input, region) in [(s.national, Some(*id)), (s.international, None)] {
            let reading = phonenumber_reading(region, input);
            assert_eq!(
                reading,
                Some((s.e164.to_owned(), true)),
                "phonenumber: {input} ({})",
                s.region
            );
        }
    }
}

/// The measures of both groups, each group's crate measure first;
/// `shipped` is the capacity `phonenumber`'s cache ships with.
fn measures(shipped: usize) -> Vec<Measure> {
    let regions: Rc<[(CountryCode, Id)]> = regions().into();
    check(&regions);

    let crate_national: Work = {
        let regions = regions.clone();
        Rc::new(move || {
            NUMBERS
                .iter()
                .zip(regions.iter())
                .map(|(s, (code, _))| {
                    crate_digest(Phone::parse_with_region(black_box(s.national), Some(code)))
                })
                .sum()
        })
    };
    let crate_international: Work = Rc::new(|| {
        NUMBERS
            .iter()
            .map(|s| crate_digest(Phone::parse(black_box(s.international))))
            .sum()
    });
    let phonenumber_national: Work = {
        let regions = regions.clone();
        Rc::new(move || {
            NUMBERS
                .iter()
                .zip(regions.iter())
                .filter_map(|(s, (_, id))| phonenumber_reading(Some(*id), black_box(s.national)))
                .map(|(e164, valid)| digest(&e164, valid))
                .sum()
        })
    };
    let phonenumber_international: Work = Rc::new(|| {
        NUMBERS
            .iter()
            .filter_map(|s| phonenumber_reading(None, black_box(s.international)))
            .map(|(e164, valid)| digest(&e164, valid))
            .sum()
    });

    let mut all = Vec::new();
    for (group, crate_function, crate_work, phonenumber_work) in [
        (
            NATIONAL,
            CRATE_NATIONAL,
            crate_national,
            phonenumber_national,
        ),
        (
            INTERNATIONAL,
            CRATE_INTERNATIONAL,
            crate_international,
            phonenumber_international,
        ),
    ] {
        all.push(Measure {
            group,
            function: crate_function,
            capacity: None,
            work: crate_work,
        });
        for (function, capacity) in [(SHIPPED, shipped), (ENLARGED_NAME, ENLARGED)] {
            all.push(Measure {
                group,
                function,
                capacity: Some(capacity),
                work: phonenumber_work.clone(),
            });
        }
    }
    all
}

/// Runs every measure through criterion, one group per input form; short
/// measurements (the bench shares a 2-core machine).
fn bench(c: &mut Criterion, measures: &[Measure]) {
    for name in [NATIONAL, INTERNATIONAL] {
        let mut group = c.benchmark_group(name);
        group
            .sample_size(30)
            .warm_up_time(Duration::from_secs(1))
            .measurement_time(Duration::from_secs(3))
            .throughput(Throughput::Elements(NUMBERS.len() as u64));
        for measure in measures.iter().filter(|m| m.group == name) {
            group.bench_function(measure.function, |b| {
                cache::set(measure.capacity);
                b.iter(|| (measure.work)());
            });
        }
        group.finish();
    }
}

impl Measure {
    fn key(&self) -> medians::Key {
        (self.group.to_owned(), self.function.to_owned())
    }

    /// Whether this is the crate's measure (the reference of its group).
    fn is_crate(&self) -> bool {
        self.function == CRATE_NATIONAL || self.function == CRATE_INTERNATIONAL
    }

    /// The crate's measure in this one's group, among `measures`.
    fn reference<'a>(&self, measures: &'a [Measure]) -> &'a Measure {
        measures
            .iter()
            .find(|m| m.group == self.group && m.is_crate())
            .expect("each group measures the crate")
    }

    /// Seconds per iteration over `n` iterations, the cache set first.
    fn time(&self, n: u32) -> f64 {
        cache::set(self.capacity);
        let start = Instant::now();
        for _ in 0..n {
            black_box((self.work)());
        }
        start.elapsed().as_secs_f64() / f64::from(n)
    }
}

/// For each `phonenumber` measure criterion ran in this run, its time over
/// the crate's with the two run alternately: rounds of about 1 ms of each
/// (the order swapped every round) for about a second, at least three
/// rounds; the median of the rounds' ratios.
fn paired_ratios(
    measures: &[Measure],
    found: &HashMap<medians::Key, medians::Median>,
) -> HashMap<medians::Key, f64> {
    const ROUND: f64 = 1e6; // nanoseconds per side and round
    const BUDGET: Duration = Duration::from_secs(1);
    let mut ratios = HashMap::new();
    for measure in measures.iter().filter(|m| !m.is_crate()) {
        let reference = measure.reference(measures);
        let (Some(m), Some(r)) = (found.get(&measure.key()), found.get(&reference.key())) else {
            continue;
        };
        if !m.fresh {
            continue;
        }
        // Iterations per side and round: about ROUND nanoseconds' worth.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // ≥ 1, small
        let n = |nanos: f64| (ROUND / nanos).ceil().max(1.0) as u32;
        let (n_measure, n_reference) = (n(m.nanos), n(r.nanos));
        let start = Instant::now();
        let mut rounds = Vec::new();
        while rounds.len() < 3 || start.elapsed() < BUDGET {
            let (t_measure, t_reference) = if rounds.len() % 2 == 0 {
                let t = measure.time(n_measure);
                (t, reference.time(n_reference))
            } else {
                let t = reference.time(n_reference);
                (measure.time(n_measure), t)
            };
            rounds.push(t_measure / t_reference);
        }
        rounds.sort_by(f64::total_cmp);
        ratios.insert(measure.key(), rounds[rounds.len() / 2]);
    }
    ratios
}

/// Nanoseconds with about three significant digits.
fn nanos(ns: f64) -> String {
    if ns < 100.0 {
        format!("{ns:.1}")
    } else {
        format!("{ns:.0}")
    }
}

/// Prints the table: per measure, nanoseconds per number and the ratios to
/// the crate's measure of its group.
fn print_table(
    measures: &[Measure],
    found: &HashMap<medians::Key, medians::Median>,
    paired: &HashMap<medians::Key, f64>,
    shipped: usize,
) {
    if !found.values().any(|m| m.fresh) {
        println!("\n(no new criterion results)");
        return;
    }
    #[allow(clippy::cast_precision_loss)] // 16
    let per_iteration = NUMBERS.len() as f64;
    println!(
        "\nPer number ({} numbers from {} countries in turn; criterion's median ÷ {}); \
         paired: each run alternately with the crate:\n",
        NUMBERS.len(),
        NUMBERS.len(),
        NUMBERS.len()
    );
    println!("| Input | Measure | ns per number | × crate | × crate, paired |");
    println!("|---|---|---:|---:|---:|");
    let mut stale = false;
    for measure in measures {
        let Some(median) = found.get(&measure.key()) else {
            continue;
        };
        let reference = found.get(&measure.reference(measures).key());
        let ratio = reference.map_or_else(
            || "—".to_owned(),
            |r| format!("{:.2}", median.nanos / r.nanos),
        );
        let paired = if measure.is_crate() {
            Some(&1.0)
        } else {
            paired.get(&measure.key())
        };
        let paired = paired.map_or_else(|| "—".to_owned(), |r| format!("{r:.2}"));
        let mark = if median.fresh { "" } else { " †" };
        stale |= !median.fresh;
        let input = measure.group.trim_start_matches("phone/");
        println!(
            "| {input} | `{}` | {}{mark} | {ratio} | {paired} |",
            measure.function,
            nanos(median.nanos / per_iteration)
        );
    }
    println!("\n`phonenumber`'s regex cache: {shipped} patterns as shipped, {ENLARGED} enlarged.");
    if stale {
        println!("\n† from an earlier run (filtered out of this one)");
    }
}

fn main() {
    let started = SystemTime::now();
    // Before the crate reads a number (it may change the cache).
    let shipped = cache::capacity();
    let measures = measures(shipped);

    let mut c = Criterion::default().configure_from_args();
    bench(&mut c, &measures);
    c.final_summary();

    let keys: Vec<medians::Key> = measures.iter().map(Measure::key).collect();
    let (_, found) = medians::read(&keys, started);
    let paired = paired_ratios(&measures, &found);
    print_table(&measures, &found, &paired, shipped);
}
