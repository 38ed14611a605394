//! The documentation is self-contained: every Markdown file the crate's
//! sources, README, examples, benches and manifest name exists in the
//! repository and ships in the package (`cargo package` leaves out only
//! `fuzz/` and `.ci/`), and nothing points outside the repository
//! (`../shared/…`, the project's `RULES.md` / `DESIGN.md`).

use std::fs;
use std::path::{Path, PathBuf};

/// Directories left out of the package (`exclude` in `Cargo.toml`).
const NOT_PACKAGED: [&str; 2] = ["fuzz/", ".ci/"];

/// Text that would send a reader outside the package.
const OUTSIDE: [&str; 4] = ["../shared", "shared/seeds", "RULES.md", "DESIGN.md"];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every file under `dir` whose name ends with one of `exts`.
fn files(dir: &Path, exts: &[&str], out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files(&path, exts, out);
        } else if exts
            .iter()
            .any(|e| path.extension().is_some_and(|x| x == *e))
        {
            out.push(path);
        }
    }
}

/// The documents checked: sources (Rust and the Markdown they include),
/// examples, benches, the README and the manifest.
fn documents() -> Vec<PathBuf> {
    let root = root();
    let mut out = vec![root.join("README.md"), root.join("Cargo.toml")];
    files(&root.join("src"), &["rs", "md"], &mut out);
    files(&root.join("examples"), &["rs"], &mut out);
    files(&root.join("benches"), &["rs"], &mut out);
    out.sort();
    out
}

/// The `*.md` names in `text`: runs of path characters ending in `.md`.
fn md_names(text: &str) -> Vec<&str> {
    let is_path = |c: char| c.is_ascii_alphanumeric() || "_-./".contains(c);
    let mut names = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find(".md") {
        let end = at + 3;
        let after = rest[end..].chars().next();
        if after.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_') {
            rest = &rest[end..];
            continue;
        }
        let start = rest[..at]
            .char_indices()
            .rev()
            .find(|&(_, c)| !is_path(c))
            .map_or(0, |(i, c)| i + c.len_utf8());
        let name = rest[start..end].trim_start_matches("./");
        if name.len() > 3 {
            names.push(name);
        }
        rest = &rest[end..];
    }
    names
}

/// Where `name`, written in `file`, points: beside `file` (as
/// `include_str!` reads it) or from the repository root.
fn resolve(file: &Path, name: &str) -> Option<PathBuf> {
    let root = root();
    [file.parent().unwrap().join(name), root.join(name)]
        .into_iter()
        .find(|p| p.is_file())
}

#[test]
fn md_names_are_found() {
    assert_eq!(
        md_names("see `RULES.md` §2, include_str!(\"rules.md\") and [x](docs/a-b.md)."),
        ["RULES.md", "rules.md", "docs/a-b.md"]
    );
    assert!(md_names("a.mdx, b.md_c, .md").is_empty());
}

#[test]
fn every_named_markdown_file_ships_with_the_crate() {
    let root = root();
    let mut problems = Vec::new();
    let docs = documents();
    assert!(docs.len() > 40, "only {} documents found", docs.len());
    for file in &docs {
        let text = fs::read_to_string(file).unwrap();
        let shown = file.strip_prefix(&root).unwrap().display().to_string();
        for (n, line) in text.lines().enumerate() {
            for outside in OUTSIDE {
                if line.contains(outside) {
                    problems.push(format!(
                        "{shown}:{}: points outside the crate: {outside}",
                        n + 1
                    ));
                }
            }
            for name in md_names(line) {
                match resolve(file, name) {
                    None => problems.push(format!("{shown}:{}: no such file: {name}", n + 1)),
                    Some(path) => {
                        let rel = path
                            .strip_prefix(&root)
                            .unwrap()
                            .to_string_lossy()
                            .replace('\\', "/");
                        if NOT_PACKAGED.iter().any(|d| rel.starts_with(d)) {
                            problems.push(format!("{shown}:{}: not in the package: {rel}", n + 1));
                        }
                    }
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
