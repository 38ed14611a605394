//! Arbitrary bytes (lossy UTF-8) through `Phone`, without a region and with one
//! derived from the input: value-type round trips, E.164 shape, regions never
//! change international numbers: the check in
//! `tests/support/phone.rs`, which `tests/fuzz_seeds.rs` also runs on the seed
//! corpus.
//!
//! `RUSTC_BOOTSTRAP=1 cargo fuzz run phone fuzz/corpus/phone tests/fuzz_seeds/phone -- -dict=fuzz/dict/phone.dict`
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/support/value_type.rs"]
mod value_type;
#[path = "../../tests/support/phone.rs"]
mod phone;

fuzz_target!(|data: &[u8]| phone::check(data));
