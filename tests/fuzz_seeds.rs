//! Replays the seed corpus of the `provider_json` fuzz target
//! (`tests/fuzz_seeds/provider_json/`, also the fuzzer's seeds) through the
//! target's own check, so CI runs every seed as an ordinary test. Inputs the
//! fuzzer found that broke an invariant are added here once fixed.

use std::fs;
use std::path::Path;

#[path = "support/provider_json.rs"]
mod provider_json;

#[test]
fn provider_json_seeds() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz_seeds/provider_json");
    let mut seeds: Vec<_> = fs::read_dir(&dir)
        .expect("the seed corpus exists")
        .map(|e| e.expect("a readable entry").path())
        .collect();
    seeds.sort();
    assert!(seeds.len() >= 100, "only {} seeds", seeds.len());
    for seed in seeds {
        let data = fs::read(&seed).expect("a readable seed");
        let outcome = std::panic::catch_unwind(|| provider_json::check(&data));
        assert!(
            outcome.is_ok(),
            "seed {} broke an invariant",
            seed.display()
        );
    }
}
