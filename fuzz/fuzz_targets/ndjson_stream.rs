//! Arbitrary bytes through the NDJSON splitter `Documents` with a small size
//! limit and read buffer: documents tile the input, lines never decrease: the check in
//! `tests/support/ndjson_stream.rs`, which `tests/fuzz_seeds.rs` also runs on the seed
//! corpus.
//!
//! `RUSTC_BOOTSTRAP=1 cargo fuzz run ndjson_stream fuzz/corpus/ndjson_stream tests/fuzz_seeds/ndjson_stream -- -dict=fuzz/dict/ndjson_stream.dict`
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/support/ndjson_stream.rs"]
mod ndjson_stream;

fuzz_target!(|data: &[u8]| ndjson_stream::check(data));
