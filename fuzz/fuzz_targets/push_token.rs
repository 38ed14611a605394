//! Arbitrary bytes (lossy UTF-8) through `PushToken`: value-type round trips and the APNs / FCM shapes: the check in
//! `tests/support/push_token.rs`, which `tests/fuzz_seeds.rs` also runs on the seed
//! corpus.
//!
//! `RUSTC_BOOTSTRAP=1 cargo fuzz run push_token fuzz/corpus/push_token tests/fuzz_seeds/push_token -- -dict=fuzz/dict/push_token.dict`
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/support/value_type.rs"]
mod value_type;
#[path = "../../tests/support/push_token.rs"]
mod push_token;

fuzz_target!(|data: &[u8]| push_token::check(data));
