//! First-use cost: what the very first validation in a process pays
//! (phone metadata loads, regexes compile), next to the naive pipeline's
//! first `phonenumber::parse`.
//!
//! Each measurement needs a fresh process, so this bench re-executes itself
//! ([`RUNS`] times per side, the two sides alternating) with
//! `OMNICONTACT_FIRST_USE` set to `crate` or `naive`; each child times its
//! calls once and prints the nanoseconds on one line. The parent prints
//! the median, minimum and maximum of each call as a Markdown table.
//! Run with `cargo bench --bench first_use`.

#[path = "support/records.rs"]
mod records;

#[path = "support/medians.rs"]
mod medians;

use std::hint::black_box;
use std::process::Command;
use std::time::Instant;

use omnicontact::{Provider, Validator};
use serde_json::Value;

/// Fresh processes per side.
const RUNS: usize = 11;
/// Tells a child process which side to measure.
const CHILD: &str = "OMNICONTACT_FIRST_USE";
/// The reference record of `benches/validate.rs`: Lithuania, national
/// phone (`8 612 34560`).
const REFERENCE: usize = 20;

/// What each side times, in the order its child prints them.
const CRATE_CALLS: [&str; 4] = [
    "`Validator::new(Omnisend)`",
    "first `validate_str` (reference record)",
    "second `validate_str`, same record",
    "`validate_str`, next record (another country)",
];
const NAIVE_CALLS: [&str; 3] = [
    "naive: first `phonenumber::parse` (same phone)",
    "naive: second `phonenumber::parse`, same phone",
    "naive: `phonenumber::parse`, next record's phone",
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
    let (next_region, next_phone) = phone_of(&records::omnisend(REFERENCE + 1));
    let (first, parsed) = timed(|| phonenumber::parse(region, black_box(&phone)));
    assert!(parsed.is_ok_and(|n| phonenumber::is_valid(&n)), "{phone}");
    let (second, _) = timed(|| phonenumber::parse(region, black_box(&phone)));
    let (other, parsed) = timed(|| phonenumber::parse(next_region, black_box(&next_phone)));
    assert!(parsed.is_ok(), "{next_phone}");
    vec![first, second, other]
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

/// One table row per call: median, minimum and maximum over the runs.
fn print_rows(calls: &[&str], runs: &[Vec<u128>]) {
    for (i, call) in calls.iter().enumerate() {
        let mut times: Vec<u128> = runs.iter().map(|run| run[i]).collect();
        times.sort_unstable();
        println!(
            "| {call} | {} | {} | {} |",
            micros(times[times.len() / 2]),
            micros(times[0]),
            micros(times[times.len() - 1])
        );
    }
}

fn main() {
    let side = match std::env::var(CHILD).as_deref() {
        Ok("crate") => Some(crate_side()),
        Ok("naive") => Some(naive_side()),
        _ => None,
    };
    if let Some(times) = side {
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
    let mut crate_runs = Vec::with_capacity(runs);
    let mut naive_runs = Vec::with_capacity(runs);
    for _ in 0..runs {
        crate_runs.push(child("crate"));
        naive_runs.push(child("naive"));
    }
    println!("First use, each in a fresh process ({runs} runs per side):\n");
    println!("| Call | Median µs | Min µs | Max µs |");
    println!("|---|---:|---:|---:|");
    print_rows(&CRATE_CALLS, &crate_runs);
    print_rows(&NAIVE_CALLS, &naive_runs);
}
