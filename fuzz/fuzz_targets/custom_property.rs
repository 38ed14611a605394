//! A custom property name and value from arbitrary bytes, in an Omnisend body's
//! `customProperties`, a Sendios body's `fields` and `CustomProperty::new`: the check in
//! `tests/support/custom_property.rs`, which `tests/fuzz_seeds.rs` also runs on the seed
//! corpus.
//!
//! `RUSTC_BOOTSTRAP=1 cargo fuzz run custom_property fuzz/corpus/custom_property tests/fuzz_seeds/custom_property -- -dict=fuzz/dict/custom_property.dict`
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/support/custom_property.rs"]
mod custom_property;
#[path = "../../tests/support/report.rs"]
mod report;

fuzz_target!(|data: &[u8]| custom_property::check(data));
