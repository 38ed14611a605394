//! Each provider module's rustdoc ends with the list of its rules, read
//! from a Markdown file beside it (`src/providers/<p>/rules.md`, and
//! `src/rules/input.md`, `src/rules/contact.md` and `src/rules/convert.md`
//! for the shared rules).
//! This test writes what those files must hold from the rule catalog and
//! fails when a file differs, so the guides cannot drift from the code.
//! Regenerate them with `UPDATE_RULE_GUIDES=1 cargo test --test rule_guides`.

use std::fmt::Write as _;
use std::path::Path;

use omnicontact::rules::{self, RuleInfo};

/// (catalog prefix, file, title of the module).
const GUIDES: [(&str, &str, &str); 8] = [
    ("omnisend", "src/providers/omnisend/rules.md", "Omnisend"),
    ("sendios", "src/providers/sendios/rules.md", "Sendios"),
    (
        "rocketchat",
        "src/providers/rocketchat/rules.md",
        "Rocket.Chat",
    ),
    ("suprsend", "src/providers/suprsend/rules.md", "`SuprSend`"),
    ("raia", "src/providers/raia/rules.md", "raia"),
    ("input", "src/rules/input.md", "every provider's input"),
    ("contact", "src/rules/contact.md", "the contact model"),
    ("convert", "src/rules/convert.md", "conversions"),
];

/// The guide of the rules whose id starts with `prefix`.
fn guide(prefix: &str, title: &str) -> String {
    let rules: Vec<&RuleInfo> = rules::catalog()
        .iter()
        .copied()
        .filter(|r| r.provider() == prefix)
        .collect();
    let mut out = String::new();
    let _ = writeln!(out, "# Rules of {title}\n");
    let _ = writeln!(
        out,
        "The {} rules, in catalog order (generated from \
         [`rules::catalog`](crate::rules::catalog) by `tests/rule_guides.rs`).\n",
        rules.len()
    );
    let _ = writeln!(out, "| Rule id | Severity | Checks |");
    let _ = writeln!(out, "|---|---|---|");
    for r in rules {
        let summary = r.summary().replace('|', "\\|");
        let _ = writeln!(out, "| `{}` | {} | {summary} |", r.id(), r.severity());
    }
    out
}

#[test]
fn rule_guides_match_the_catalog() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let update = std::env::var_os("UPDATE_RULE_GUIDES").is_some();
    let mut listed = 0;
    for (prefix, file, title) in GUIDES {
        let expected = guide(prefix, title);
        listed += expected.lines().filter(|l| l.starts_with("| `")).count();
        let path = root.join(file);
        if update {
            std::fs::write(&path, &expected).expect("write the guide");
            continue;
        }
        let found = std::fs::read_to_string(&path).unwrap_or_default();
        assert_eq!(
            found, expected,
            "{file} is out of date: run `UPDATE_RULE_GUIDES=1 cargo test --test rule_guides`"
        );
    }
    // Every rule of the catalog is in exactly one guide.
    assert_eq!(listed, rules::catalog().len());
}
