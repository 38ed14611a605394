//! Allocation discipline on the hot path (issue 6, item 5), counted with a
//! counting global allocator: validating a clean record allocates about
//! what parsing it does (the `Value` tree, the normalized copy), not per
//! rule; messages are only built for violations.

#[path = "../benches/support/records.rs"]
mod records;

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use omnicontact::{Provider, Validator};

/// Counts allocations made by the current thread (tests run in parallel
/// threads; each counts its own).
struct Counting;

thread_local! {
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

// SAFETY: every call is forwarded to the system allocator unchanged; the
// counter is a thread-local `Cell` of a `Copy` integer, which does not
// allocate.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let _ = ALLOCATIONS.try_with(|n| n.set(n.get() + 1));
        // SAFETY: same contract as the caller's.
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: same contract as the caller's.
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let _ = ALLOCATIONS.try_with(|n| n.set(n.get() + 1));
        // SAFETY: same contract as the caller's.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// Allocations of one call of `f`: the fewest of three calls, so that a
/// cache made for this thread while another test thread holds the shared
/// one (as the regex crate's pool does for a compiled pattern) does not
/// count as the call's.
fn count(f: impl Fn()) -> usize {
    (0..3)
        .map(|_| {
            let before = ALLOCATIONS.with(Cell::get);
            f();
            ALLOCATIONS.with(Cell::get) - before
        })
        .min()
        .unwrap_or(0)
}

use records::PROVIDERS;

/// Allocations of parsing `text` into a `Value` (the floor) and of
/// validating it, after a first validation (phone tables, first use).
fn parse_and_validate(validator: &Validator, text: &str) -> (usize, usize) {
    let _ = validator.validate_str(text);
    let parse = count(|| {
        let _ = serde_json::from_str::<serde_json::Value>(text);
    });
    let validate = count(|| {
        let _ = validator.validate_str(text);
    });
    (parse, validate)
}

/// Beyond parsing, a clean record (nothing to report, nothing to change)
/// costs a bounded number of allocations: the report, the normalized
/// values of emails and phones, a few lookup tables; no message is built.
/// Measured: Omnisend +31, Rocket.Chat +35, Sendios +22, SuprSend +18,
/// raia +8 over parsing's 52 to 77.
#[test]
fn a_clean_record_allocates_little_beyond_parsing() {
    for provider in PROVIDERS {
        let validator = Validator::new(provider);
        for i in 0..20 {
            let report = validator.validate_str(&records::record(provider, i));
            let clean = report.normalized().expect("a valid record").to_string();
            let (parse, validate) = parse_and_validate(&validator, &clean);
            assert!(
                validate <= parse + 40,
                "{provider} #{i}: parse {parse}, validate {validate}"
            );
        }
    }
}

/// Per array item, validation allocates no more than parsing does (no
/// per-item path string, message or copy): 1 000 more tags cost as many
/// more allocations as parsing them (measured: +1 001 both).
#[test]
fn array_items_cost_no_allocation_beyond_parsing() {
    let validator = Validator::new(Provider::Omnisend);
    let body = |n: usize| {
        let tags: Vec<String> = (0..n).map(|i| format!("tag {i}")).collect();
        serde_json::json!({"email": "a@b.co", "tags": tags}).to_string()
    };
    let (parse_1k, validate_1k) = parse_and_validate(&validator, &body(1000));
    let (parse_2k, validate_2k) = parse_and_validate(&validator, &body(2000));
    let parse_growth = parse_2k - parse_1k;
    let validate_growth = validate_2k - validate_1k;
    assert!(
        validate_growth <= parse_growth + 10,
        "parse +{parse_growth}, validate +{validate_growth}"
    );
}

/// A violation costs its message, path and parameters (a type error's
/// `expected`, `found_type` and `found`; measured: 9 allocations): a record
/// with one error allocates a few more than the clean one.
#[test]
fn messages_are_built_only_for_violations() {
    let validator = Validator::new(Provider::Omnisend);
    let clean = r#"{"email":"a@b.co","firstName":"Ann","tags":["source: x"]}"#;
    let broken = r#"{"email":"a@b.co","firstName":7,"tags":["source: x"]}"#;
    let (_, clean_allocs) = parse_and_validate(&validator, clean);
    let (_, broken_allocs) = parse_and_validate(&validator, broken);
    assert!(validator.validate_str(clean).violations().is_empty());
    assert_eq!(validator.validate_str(broken).violations().len(), 1);
    assert!(
        broken_allocs > clean_allocs && broken_allocs <= clean_allocs + 10,
        "clean {clean_allocs}, one violation {broken_allocs}"
    );
}

/// What converting costs beyond validating the same record: the contact,
/// the target's body and its check, the losses as warnings. Measured on
/// the README's conversion record (Rocket.Chat → Omnisend, one name split,
/// no tag): 45 allocations to validate, +63 to convert (52 and +80 before
/// `FirstSeen` kept its keys in place and the walks borrowed kept values).
#[test]
fn a_conversion_allocates_a_bounded_amount_beyond_validation() {
    let text = include_str!("../examples/data/rocketchat_to_omnisend.ndjson")
        .lines()
        .next()
        .expect("a sample record");
    let validator = Validator::new(Provider::RocketChat);
    assert!(
        validator
            .convert_str(text, Provider::Omnisend)
            .converted()
            .is_some()
    );
    let validate = count(|| {
        let _ = validator.validate_str(text);
    });
    let convert = count(|| {
        let _ = validator.convert_str(text, Provider::Omnisend);
    });
    assert!(
        convert <= validate + 72,
        "validate {validate}, convert {convert}"
    );
}

/// Every pair of providers on the benches' full records (names, phones,
/// channels, properties; most of them losses for some target): at most
/// +311 beyond validating, measured (Omnisend to `SuprSend`, whose body
/// has a listing per channel; +317 counted from single calls at the last
/// stop, +324 at 22383fe).
#[test]
fn every_conversion_allocates_a_bounded_amount_beyond_validation() {
    for source in PROVIDERS {
        let validator = Validator::new(source);
        for target in PROVIDERS {
            for i in 0..20 {
                let text = records::record(source, i);
                let _ = validator.convert_str(&text, target);
                let validate = count(|| {
                    let _ = validator.validate_str(&text);
                });
                let convert = count(|| {
                    let _ = validator.convert_str(&text, target);
                });
                assert!(
                    convert <= validate + 320,
                    "{source} -> {target} #{i}: validate {validate}, convert {convert}"
                );
            }
        }
    }
}
