//! Locates (and builds) the example binaries the command-line tests run:
//! shared by `tests/cli.rs` and `tests/stream_properties.rs`.

use std::path::{Path, PathBuf};
use std::process::Command;

/// An example binary: `target/<profile>/examples/<name>`, beside this
/// test's `target/<profile>/deps/<test>-…`. `cargo test` builds it, but
/// `cargo test --test <test>` does not, so it is (re)built here: a no-op
/// when it is up to date, and never a stale binary. Call it once per test
/// binary (behind a `OnceLock`).
pub fn example(name: &str) -> PathBuf {
    let exe = std::env::current_exe().expect("the test binary has a path");
    let profile_dir = exe
        .parent()
        .and_then(Path::parent)
        .expect("the test binary is in target/<profile>/deps");
    let binary = profile_dir
        .join("examples")
        .join(format!("{name}{}", std::env::consts::EXE_SUFFIX));
    build_example(profile_dir, name);
    assert!(
        binary.exists(),
        "{} is missing: run `cargo build --example {name}`",
        binary.display()
    );
    binary
}

/// `cargo build --example <name>` into the profile directory this test
/// runs from.
fn build_example(profile_dir: &Path, name: &str) {
    let mut cargo = Command::new(env!("CARGO"));
    cargo.args(["build", "--quiet", "--example", name, "--manifest-path"]);
    cargo.arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml"));
    match profile_dir.file_name().and_then(|n| n.to_str()) {
        Some("debug") | None => {}
        Some("release") => {
            cargo.arg("--release");
        }
        Some(profile) => {
            cargo.args(["--profile", profile]);
        }
    }
    if let Some(target_dir) = profile_dir.parent() {
        cargo.env("CARGO_TARGET_DIR", target_dir);
    }
    match cargo.status() {
        Ok(status) => assert!(status.success(), "cargo build --example {name} failed"),
        // No cargo here (the test binary run by hand): use what was built.
        Err(e) => eprintln!("cannot run cargo ({e}); using the example as built"),
    }
}
