//! Arbitrary bytes (lossy UTF-8) through `Email`: value-type round trips, the
//! local part kept, the domain lowercased, no invisible characters: the check in
//! `tests/support/email.rs`, which `tests/fuzz_seeds.rs` also runs on the seed
//! corpus.
//!
//! `RUSTC_BOOTSTRAP=1 cargo fuzz run email fuzz/corpus/email tests/fuzz_seeds/email -- -dict=fuzz/dict/email.dict`
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/support/value_type.rs"]
mod value_type;
#[path = "../../tests/support/email.rs"]
mod email;

fuzz_target!(|data: &[u8]| email::check(data));
