//! Arbitrary bytes through every provider and operation, as a body and as
//! an envelope: the check in `tests/support/provider_json.rs`, which
//! `tests/fuzz_seeds.rs` also runs on the seed corpus.
//!
//! `RUSTC_BOOTSTRAP=1 cargo fuzz run provider_json fuzz/corpus/provider_json tests/fuzz_seeds/provider_json`
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/support/provider_json.rs"]
mod provider_json;
#[path = "../../tests/support/report.rs"]
mod report;

fuzz_target!(|data: &[u8]| provider_json::check(data));
