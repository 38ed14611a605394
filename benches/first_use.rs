//! First-use cost: what the very first validation in a process pays
//! (phone metadata loads, regexes compile), next to the naive pipeline's
//! first `phonenumber::parse`; and the first [`Phone`] parse alone, of a
//! national and of an international number, next to `phonenumber::parse`
//! of the same input.
//!
//! Each measurement needs a fresh process, so this bench re-executes itself
//! ([`RUNS`] times per side, the sides alternating) with
//! `OMNICONTACT_FIRST_USE` set to one of [`SIDES`]; each child times its
//! calls once and prints the nanoseconds on one line. The parent prints
//! the median, minimum and maximum of each call as a Markdown table, with
//! the ratio of each of the crate's medians to the `phonenumber` call it
//! compares with (same run), then whether the first `validate_str` meets
//! the goal ([`GOAL_NANOS`]). Run with `cargo bench --bench first_use`.

#[path = "support/records.rs"]
mod records;

#[path = "support/medians.rs"]
mod medians;

use std::hint::black_box;
use std::process::Command;
use std::time::Instant;

use omnicontact::values::{CountryCode, Phone};
use omnicontact::{Provider, Validator};
use serde_json::Value;

/// Fresh processes per side.
const RUNS: usize = 11;
/// Tells a child process which side to measure.
const CHILD: &str = "OMNICONTACT_FIRST_USE";
/// The reference record of `benches/validate.rs`: Lithuania, national
/// phone (`8 612 34560`).
const REFERENCE: usize = 20;
/// The national number the `Phone` sides time, and its region: the
/// reference record's phone, so `phonenumber`'s first parse of it is the
/// `naive` side's first call.
const NATIONAL: (&str, &str) = ("8 612 34560", "LT");
/// The international number the `Phone` sides time.
const INTERNATIONAL: &str = "+44 20 7946 0018";
/// The goal for the crate's first `validate_str` in a process: 5 ms.
const GOAL_NANOS: u128 = 5_000_000;

/// Row labels that other rows (or the goal line) refer to.
const FIRST_VALIDATE: &str = "first `validate_str` (reference record)";
const NAIVE_FIRST: &str = "naive: first `phonenumber::parse` (same phone: `8 612 34560` in LT)";
const NAIVE_INTERNATIONAL: &str =
    "naive: first `phonenumber::parse` (`+44 20 7946 0018`, no region)";

/// A call a child times: its row label and, for the crate's calls, the
/// `phonenumber` call (by label) its median is compared with.
struct Call {
    label: &'static str,
    versus: Option<&'static str>,
}

const fn call(label: &'static str, versus: Option<&'static str>) -> Call {
    Call { label, versus }
}

/// One kind of child process: its `OMNICONTACT_FIRST_USE` value, whether
/// it measures `phonenumber` rather than the crate, what it runs (the
/// nanoseconds of each call, in order) and its calls.
struct Side {
    name: &'static str,
    naive: bool,
    measure: fn() -> Vec<u128>,
    calls: &'static [Call],
}

/// Every side, in the order each run starts them (the crate's and
/// `phonenumber`'s alternating).
const SIDES: [Side; 5] = [
    Side {
        name: "crate",
        naive: false,
        measure: crate_side,
        calls: &[
            call("`Validator::new(Omnisend)`", None),
            call(FIRST_VALIDATE, Some(NAIVE_FIRST)),
            // A whole record against one phone: no ratio once warm.
            call("second `validate_str`, same record", None),
            call("`validate_str`, next record (another country)", None),
        ],
    },
    Side {
        name: "naive",
        naive: true,
        measure: naive_side,
        calls: &[
            call(NAIVE_FIRST, None),
            call("naive: second `phonenumber::parse`, same phone", None),
            call("naive: `phonenumber::parse`, next record's phone", None),
        ],
    },
    Side {
        name: "crate-national",
        naive: false,
        measure: crate_national,
        calls: &[call(
            "first `Phone::parse_with_region` (`8 612 34560` in LT)",
            Some(NAIVE_FIRST),
        )],
    },
    Side {
        name: "naive-international",
        naive: true,
        measure: naive_international,
        calls: &[call(NAIVE_INTERNATIONAL, None)],
    },
    Side {
        name: "crate-international",
        naive: false,
        measure: crate_international,
        calls: &[call(
            "first `Phone::parse` (`+44 20 7946 0018`)",
            Some(NAIVE_INTERNATIONAL),
        )],
    },
];

/// Nanoseconds `f` took, and its result.
fn timed<R>(f: impl FnOnce() -> R) -> (u128, R) {
    let start = Instant::now();
    let result = black_box(f());
    (start.elapsed().as_nanos(), result)
}

/// In a fresh process: build a validator, then validate the reference
/// record twice and the next one (another country) once.
fn crate_side() -> Vec<u128> {
    let record = records::omnisend(REFERENCE);
    let next = records::omnisend(REFERENCE + 1);
    let (new, validator) = timed(|| Validator::new(Provider::Omnisend));
    let (first, report) = timed(|| validator.validate_str(black_box(&record)));
    assert!(report.is_valid(), "{report}");
    let (second, _) = timed(|| validator.validate_str(black_box(&record)));
    let (other, report) = timed(|| validator.validate_str(black_box(&next)));
    assert!(report.is_valid(), "{report}");
    vec![new, first, second, other]
}

/// The phone identifier of an Omnisend record and the region a user would
/// read it in (the record's `countryCode`, for a number without `+`).
fn phone_of(record: &str) -> (Option<phonenumber::country::Id>, String) {
    let body: Value = serde_json::from_str(record).unwrap();
    let phone = body["identifiers"][1]["id"].as_str().unwrap().to_owned();
    let region = if phone.starts_with('+') {
        None
    } else {
        body["countryCode"].as_str().and_then(|c| c.parse().ok())
    };
    (region, phone)
}

/// In a fresh process: parse the reference record's phone twice and the
/// next record's once, with `phonenumber` alone.
fn naive_side() -> Vec<u128> {
    let (region, phone) = phone_of(&records::omnisend(REFERENCE));
    assert_eq!(phone, NATIONAL.0, "the reference record's phone");
    let (next_region, next_phone) = phone_of(&records::omnisend(REFERENCE + 1));
    let (first, parsed) = timed(|| phonenumber::parse(region, black_box(&phone)));
    assert!(parsed.is_ok_and(|n| phonenumber::is_valid(&n)), "{phone}");
    let (second, _) = timed(|| phonenumber::parse(region, black_box(&phone)));
    let (other, parsed) = timed(|| phonenumber::parse(next_region, black_box(&next_phone)));
    assert!(parsed.is_ok(), "{next_phone}");
    vec![first, second, other]
}

/// In a fresh process: parse the national number in its region with
/// `Phone`, the first use of the crate besides reading the region (done
/// first, untimed).
fn crate_national() -> Vec<u128> {
    let (number, region) = NATIONAL;
    let region = CountryCode::parse(region).expect("a country code");
    let (first, phone) = timed(|| Phone::parse_with_region(black_box(number), Some(&region)));
    let phone = phone.expect("a phone number");
    assert_eq!(phone.as_str(), "+37061234560");
    assert!(phone.is_assigned(), "{number}");
    vec![first]
}

/// In a fresh process: parse the international number with `Phone`.
fn crate_international() -> Vec<u128> {
    let (first, phone) = timed(|| Phone::parse(black_box(INTERNATIONAL)));
    let phone = phone.expect("a phone number");
    assert_eq!(phone.as_str(), "+442079460018");
    assert!(phone.is_assigned(), "{INTERNATIONAL}");
    vec![first]
}

/// In a fresh process: parse the international number with `phonenumber`
/// alone, without a region (its validity is checked afterwards, untimed).
fn naive_international() -> Vec<u128> {
    let (first, parsed) = timed(|| phonenumber::parse(None, black_box(INTERNATIONAL)));
    assert!(
        parsed.is_ok_and(|n| phonenumber::is_valid(&n)),
        "{INTERNATIONAL}"
    );
    vec![first]
}

/// Runs this executable once as a child measuring `side`.
fn child(side: &str) -> Vec<u128> {
    let exe = std::env::current_exe().expect("the bench executable");
    let output = Command::new(exe)
        .env(CHILD, side)
        .output()
        .expect("the child ran");
    assert!(
        output.status.success(),
        "{side}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout)
        .split_whitespace()
        .map(|n| n.parse().expect("nanoseconds"))
        .collect()
}

/// Microseconds with about three significant digits.
fn micros(nanos: u128) -> String {
    #[allow(clippy::cast_precision_loss)] // display only
    medians::micros(nanos as f64)
}

/// Median, minimum and maximum of `times`.
fn spread(mut times: Vec<u128>) -> (u128, u128, u128) {
    times.sort_unstable();
    (times[times.len() / 2], times[0], times[times.len() - 1])
}

/// A ratio with about three significant digits (crate / `phonenumber` can
/// be far below 0.01).
fn ratio(r: f64) -> String {
    if r >= 10.0 {
        format!("{r:.1}")
    } else if r >= 0.1 {
        format!("{r:.2}")
    } else {
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // small
        let decimals = (2.0 - r.log10().floor()).clamp(2.0, 12.0) as usize;
        format!("{r:.decimals$}")
    }
}

fn main() {
    if let Ok(name) = std::env::var(CHILD) {
        let side = SIDES
            .iter()
            .find(|s| s.name == name)
            .unwrap_or_else(|| panic!("{CHILD}={name}: no such side"));
        let times = (side.measure)();
        assert_eq!(times.len(), side.calls.len(), "{name}");
        let line: Vec<String> = times.iter().map(u128::to_string).collect();
        println!("{}", line.join(" "));
        return;
    }
    // `cargo test --benches` runs bench targets with `--test`: nothing to
    // check here beyond one run of each side.
    let runs = if std::env::args().any(|a| a == "--test") {
        1
    } else {
        RUNS
    };
    // runs[side][run][call]
    let mut times: Vec<Vec<Vec<u128>>> = vec![Vec::with_capacity(runs); SIDES.len()];
    for _ in 0..runs {
        for (side, times) in SIDES.iter().zip(&mut times) {
            times.push(child(side.name));
        }
    }
    // (call, median, min, max), the crate's sides first.
    let mut rows = Vec::new();
    for naive in [false, true] {
        for (side, runs) in SIDES.iter().zip(&times).filter(|(s, _)| s.naive == naive) {
            for (i, call) in side.calls.iter().enumerate() {
                let (median, min, max) = spread(runs.iter().map(|run| run[i]).collect());
                rows.push((call, median, min, max));
            }
        }
    }
    let median_of = |label: &str| {
        rows.iter()
            .find(|(call, ..)| call.label == label)
            .map(|&(_, median, ..)| median)
    };

    println!("First use, each in a fresh process ({runs} runs per side):\n");
    println!("| Call | Median µs | Min µs | Max µs | × `phonenumber` (medians) |");
    println!("|---|---:|---:|---:|---:|");
    for &(call, median, min, max) in &rows {
        #[allow(clippy::cast_precision_loss)] // display only
        let versus = call
            .versus
            .and_then(median_of)
            .map_or_else(|| "—".to_owned(), |v| ratio(median as f64 / v as f64));
        println!(
            "| {} | {} | {} | {} | {versus} |",
            call.label,
            micros(median),
            micros(min),
            micros(max)
        );
    }
    let first = median_of(FIRST_VALIDATE).expect("the crate's first validation");
    println!(
        "\nGoal, the crate's first `validate_str` ≤ {} ms (median): {} ({} µs).",
        GOAL_NANOS / 1_000_000,
        if first <= GOAL_NANOS {
            "met"
        } else {
            "not met"
        },
        micros(first)
    );
}
