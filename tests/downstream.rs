//! The crate as a downstream service uses it.

use std::path::Path;
use std::process::Command;

/// Depending on the crate leaves `serde_json` as the dependent asked for
/// it (no `preserve_order`, no `float_roundtrip`), and the crate works the
/// same there: `tests/dependent/program.rs`, built as its own package outside
/// this crate's build (whose dev-dependencies turn those features on), with
/// this crate's lock file, offline.
#[test]
fn a_dependent_keeps_serde_json_as_it_asked() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("dependent");
    std::fs::create_dir_all(dir.join("src")).unwrap();
    let manifest = format!(
        "[package]\nname = \"dependent\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n\
         [dependencies]\nomnicontact = {{ path = {root:?} }}\nserde_json = \"1\"\n\n[workspace]\n",
        root = root.display().to_string(),
    );
    std::fs::write(dir.join("Cargo.toml"), manifest).unwrap();
    std::fs::copy(
        root.join("tests/dependent/program.rs"),
        dir.join("src/main.rs"),
    )
    .unwrap();
    // The crate's own lock: the same versions, all already downloaded.
    std::fs::copy(root.join("Cargo.lock"), dir.join("Cargo.lock")).unwrap();
    let output = Command::new(env!("CARGO"))
        .args(["run", "--quiet", "--offline", "--manifest-path"])
        .arg(dir.join("Cargo.toml"))
        .arg("--")
        .arg(root)
        .env("CARGO_TARGET_DIR", dir.join("target"))
        .env_remove("RUSTFLAGS")
        .output()
        .expect("cargo runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stdout}\n{stderr}");
    assert!(
        stdout.contains("serde_json::Map prints {\"a\":2,\"b\":1}"),
        "{stdout}"
    );
    assert!(stdout.ends_with("ok\n"), "{stdout}");
}
