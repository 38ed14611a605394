//! Arbitrary bytes (lossy UTF-8) through `Phone`, without a region and with one
//! derived from the input: value-type round trips, E.164 shape, a region never
//! changes a `+` number and reads a `00` number with its own international
//! prefix: the check in `tests/support/phone.rs`, which `tests/fuzz_seeds.rs`
//! also runs on the seeds.
//!
//! The seed corpus is libphonenumber's fixture,
//! `tests/data/phone/libphonenumber.tsv` (about 48 000 cases, each as its
//! region followed by its input), which `python3 scripts/phone/corpus.py`
//! writes to `fuzz/corpus/phone`, and the findings in `tests/fuzz_seeds/phone`.
//! From the crate's root:
//!
//! ```text
//! python3 scripts/phone/corpus.py
//! cd fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz run phone corpus/phone ../tests/fuzz_seeds/phone \
//!     -- -dict=dict/phone.dict -max_total_time=1200
//! ```
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/support/phone.rs"]
mod phone;
#[path = "../../tests/support/value_type.rs"]
mod value_type;

fuzz_target!(|data: &[u8]| phone::check(data));
