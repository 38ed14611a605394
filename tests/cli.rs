//! The command-line contract of `examples/validate.rs`, checked by running
//! the built example: exit status, one JSON line per document with exact
//! `index` / `line` / `valid` / rule ids, the summary on stderr; that
//! `--jobs` changes nothing in the output; and `examples/echo.rs`.

#[path = "support/example.rs"]
mod example;
#[path = "../benches/support/records.rs"]
mod records;

use std::io::{BufRead, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

use example::example;
use omnicontact::Provider;
use omnicontact::stream::Documents;
use serde_json::{Value, json};

/// The `validate` example binary.
fn binary() -> &'static Path {
    static BINARY: OnceLock<PathBuf> = OnceLock::new();
    BINARY.get_or_init(|| example("validate"))
}

/// The `echo` example binary.
fn echo_binary() -> &'static Path {
    static BINARY: OnceLock<PathBuf> = OnceLock::new();
    BINARY.get_or_init(|| example("echo"))
}

/// What one run printed, and how it ended.
#[derive(Debug)]
struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

impl Run {
    /// Every stdout line, parsed.
    fn lines(&self) -> Vec<Value> {
        self.stdout
            .lines()
            .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
            .collect()
    }

    /// `(index, line, valid)` of every output line.
    fn positions(&self) -> Vec<(u64, u64, bool)> {
        self.lines()
            .iter()
            .map(|l| {
                (
                    l["index"].as_u64().unwrap(),
                    l["line"].as_u64().unwrap(),
                    l["valid"].as_bool().unwrap(),
                )
            })
            .collect()
    }

    /// The summary line on stderr.
    fn summary(&self) -> &str {
        self.stderr.lines().last().unwrap_or("")
    }

    /// Asserts a usage or I/O error: status 2, nothing on stdout, and the
    /// message on stderr.
    fn assert_fatal(&self, message: &str) {
        assert_eq!(self.code, 2, "{self:?}");
        assert_eq!(self.stdout, "", "{self:?}");
        assert!(self.stderr.contains(message), "{self:?}");
    }
}

/// Runs the `validate` example with `args`, feeding `stdin`.
fn run(args: &[&str], stdin: &[u8]) -> Run {
    run_example(binary(), args, stdin)
}

/// Runs an example binary with `args`, feeding `stdin`.
fn run_example(binary: &Path, args: &[&str], stdin: &[u8]) -> Run {
    let mut child = Command::new(binary)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the example runs");
    let mut input = child.stdin.take().expect("stdin is piped");
    let stdin = stdin.to_vec();
    // Fed from a thread, so a large input cannot deadlock with the output.
    let feeder = std::thread::spawn(move || {
        // The program may exit before reading everything (usage errors).
        let _ = input.write_all(&stdin);
    });
    let output = child.wait_with_output().expect("the example finishes");
    feeder.join().expect("the feeder thread finishes");
    Run {
        code: output
            .status
            .code()
            .expect("exited, not killed by a signal"),
        stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
    }
}

/// A file under the system temp dir, removed when dropped.
struct TempFile(PathBuf);

impl TempFile {
    fn new(contents: &[u8]) -> Self {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let path =
            std::env::temp_dir().join(format!("omnicontact-cli-{}-{n}.ndjson", std::process::id()));
        std::fs::write(&path, contents).expect("the temp dir is writable");
        TempFile(path)
    }

    fn path(&self) -> &str {
        self.0.to_str().expect("temp paths are UTF-8")
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// The rule ids of one output line, in order.
fn rules(line: &Value) -> Vec<&str> {
    line["violations"]
        .as_array()
        .expect("violations is an array")
        .iter()
        .map(|v| v["rule"].as_str().unwrap())
        .collect()
}

/// `(rule, path)` of one output line's violations.
fn rule_paths(line: &Value) -> Vec<(&str, &str)> {
    line["violations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| (v["rule"].as_str().unwrap(), v["path"].as_str().unwrap()))
        .collect()
}

const VALID: &str = r#"{"email":"jane@example.com","tags":["source: test"]}"#;
const VALID_2: &str = r#"{"identifiers":[{"type":"email","id":"Ona@Example.LT","channels":{"email":{"status":"subscribed"}}}],"countryCode":"LT","tags":["source: test"]}"#;
const INVALID: &str = r#"{"email":"jane@example.com","tags":["source: test"],"gender":"x"}"#;

fn ndjson(lines: &[&str]) -> Vec<u8> {
    let mut text = lines.join("\n");
    text.push('\n');
    text.into_bytes()
}

// ---------------------------------------------------------------- usage

#[test]
fn missing_provider_is_a_usage_error() {
    run(&[], VALID.as_bytes()).assert_fatal("--provider is required");
    run(&["--envelope"], b"").assert_fatal("--provider is required");
}

#[test]
fn unknown_flag_is_a_usage_error() {
    run(&["--provider", "omnisend", "--frobnicate"], b"")
        .assert_fatal("unknown option `--frobnicate`");
    run(&["-x", "--provider", "omnisend"], b"").assert_fatal("unknown option `-x`");
    run(&["--provider"], b"").assert_fatal("--provider needs a value");
    run(&["--provider", "omnisend", "--envelope=yes"], b"")
        .assert_fatal("--envelope takes no value");
}

#[test]
fn unknown_provider_is_a_usage_error() {
    run(&["--provider", "mailchimp"], b"")
        .assert_fatal("unknown provider `mailchimp`; expected one of omnisend");
}

#[test]
fn every_provider_is_implemented() {
    for provider in ["omnisend", "sendios", "rocketchat", "suprsend", "raia"] {
        let run = run(&["--provider", provider], b"");
        assert_eq!(run.code, 0, "{provider}: {run:?}");
        assert!(run.lines().is_empty());
    }
}

#[test]
fn bad_operation_is_a_usage_error() {
    run(&["--provider", "omnisend", "--operation", "explode"], b"")
        .assert_fatal("unknown operation `explode`");
    run(&["--provider", "omnisend", "--operation=delete"], b"")
        .assert_fatal("provider `omnisend` has no operation `delete`");
}

#[test]
fn bad_region_is_a_usage_error() {
    let run = run(
        &["--provider", "omnisend", "--region", "UK"],
        VALID.as_bytes(),
    );
    run.assert_fatal("--region: ");
}

#[test]
fn region_without_numbering_plan_is_a_usage_error() {
    let antarctica = run(
        &["--provider", "omnisend", "--region", "AQ"],
        VALID.as_bytes(),
    );
    antarctica.assert_fatal("--region: libphonenumber has no numbering plan for `AQ`");
    let kosovo = run(
        &["--provider", "omnisend", "--region", "Kosovo"],
        VALID.as_bytes(),
    );
    kosovo.assert_fatal("the code is 'XK'");
}

#[test]
fn missing_file_is_an_error_before_any_output() {
    let good = TempFile::new(&ndjson(&[VALID]));
    let missing = std::env::temp_dir().join("omnicontact-cli-no-such-file.ndjson");
    let missing = missing.to_str().unwrap();
    run(&["--provider", "omnisend", good.path(), missing], b"")
        .assert_fatal(&format!("cannot open `{missing}`"));
    let dir = std::env::temp_dir();
    run(&["--provider", "omnisend", dir.to_str().unwrap()], b"").assert_fatal("cannot open");
}

#[test]
fn bad_conversion_target_is_a_usage_error() {
    run(&["--provider", "omnisend", "--to", "nope"], b"").assert_fatal("unknown provider `nope`");
    run(
        &[
            "--provider",
            "raia",
            "--operation",
            "search",
            "--to",
            "omnisend",
        ],
        b"",
    )
    .assert_fatal("--to converts request bodies; `search` has none");
}

#[test]
fn conversion_adds_the_converted_body_and_lossy_warnings() {
    let input = ndjson(&[
        r#"{"name":"Jane Doe","emails":["jane@example.com","j@example.com"],"phones":[],"customFields":{"plan":"pro"}}"#,
    ]);
    let run = run(&["--provider", "rocketchat", "--to=raia"], &input);
    assert_eq!(run.code, 0, "{run:?}");
    let line = &run.lines()[0];
    assert_eq!(line["valid"], true);
    assert_eq!(
        rule_paths(line),
        [
            ("convert.name.lossy", "/name"),
            ("convert.email.lossy", "/emails/1")
        ]
    );
    assert_eq!(line["violations"][1]["in"], "converted");
    assert_eq!(
        line["violations"][1]["message"],
        "raia holds one email; 'j@example.com' is not converted"
    );
    assert_eq!(
        line["converted"],
        json!({"firstName":"Jane","lastName":"Doe","email":"jane@example.com","customData":{"plan":"pro"}})
    );
    assert!(line.get("converted_path").is_none(), "{line}");
    assert!(
        run.summary().starts_with("documents: 1, valid: 1"),
        "{run:?}"
    );
}

#[test]
fn conversion_errors_make_the_document_invalid() {
    // Sendios needs a client_user_id that Rocket.Chat does not have; an
    // invalid source is not converted at all.
    let input = ndjson(&[
        r#"{"name":"Jane","emails":["jane@example.com"],"phones":[]}"#,
        r#"{"name":"Jane","emails":["jane@example.com"]}"#,
    ]);
    let run = run(&["--provider", "rocketchat", "--to", "sendios"], &input);
    assert_eq!(run.code, 1, "{run:?}");
    let lines = run.lines();
    assert_eq!(lines[0]["valid"], false);
    assert_eq!(rules(&lines[0]), ["sendios.client_user_id.required"]);
    assert_eq!(lines[0]["violations"][0]["in"], "converted");
    assert_eq!(lines[0]["converted"]["email"], "jane@example.com");
    assert_eq!(lines[0]["normalized"], Value::Null);
    assert_eq!(lines[1]["valid"], false);
    assert_eq!(rules(&lines[1]), ["rocketchat.phones.required"]);
    assert_eq!(lines[1]["converted"], Value::Null);
}

#[test]
fn conversion_to_suprsend_has_path_parameters() {
    let input = ndjson(&[r#"{"client_user_id":"crm-1","email":"jane@example.com"}"#]);
    let out = run(&["--provider", "sendios", "--to", "suprsend"], &input);
    assert_eq!(out.code, 0, "{out:?}");
    let line = &out.lines()[0];
    assert_eq!(line["converted"], json!({"$email": ["jane@example.com"]}));
    assert_eq!(line["converted_path"], json!({"distinct_id": "crm-1"}));
    // An envelope's body is converted; SuprSend's distinct_id comes back.
    let input = ndjson(&[r#"{"path":{"distinct_id":"u-9"},"body":{"$email":"a@example.com"}}"#]);
    let envelope = run(
        &["--provider", "suprsend", "--envelope", "--to", "sendios"],
        &input,
    );
    assert_eq!(envelope.code, 0, "{envelope:?}");
    assert_eq!(
        envelope.lines()[0]["converted"],
        json!({"client_user_id": "u-9", "email": "a@example.com"})
    );
}

#[test]
fn every_ordered_pair_converts_the_example_data() {
    let providers = ["sendios", "rocketchat", "suprsend", "raia", "omnisend"];
    for source in providers {
        let file = format!(
            "{}/examples/data/{source}.ndjson",
            env!("CARGO_MANIFEST_DIR")
        );
        for target in providers {
            let run = run(&["--provider", source, "--to", target, &file], b"");
            assert!(
                run.code == 0 || run.code == 1,
                "{source}->{target}: {run:?}"
            );
            for line in run.lines() {
                let converted = &line["converted"];
                let source_errors = line["violations"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|v| v["severity"] == "error" && v["in"] != "converted");
                assert_eq!(
                    converted.is_null(),
                    source_errors,
                    "{source}->{target}: {line}"
                );
                assert_eq!(line.get("converted_path").is_some(), target == "suprsend");
            }
        }
    }
}

#[test]
fn help_prints_usage_and_succeeds() {
    for flag in ["-h", "--help"] {
        let run = run(&[flag], b"");
        assert_eq!(run.code, 0, "{run:?}");
        assert!(
            run.stdout.starts_with("usage: validate --provider P"),
            "{run:?}"
        );
        assert!(run.stdout.contains("--list-rules"));
        assert!(run.stdout.contains("--jobs N"));
    }
}

#[test]
fn jobs_must_be_a_positive_number() {
    for jobs in ["0", "x", "", "-1", "1.5", " 2"] {
        let run = run(
            &["--provider", "omnisend", "--jobs", jobs],
            VALID.as_bytes(),
        );
        run.assert_fatal("--jobs: expected a number of threads of at least 1");
        let inline = format!("--jobs={jobs}");
        run_fatal_inline(&inline);
    }
    run(&["--provider", "omnisend", "--jobs"], b"").assert_fatal("--jobs needs a value");
    run(
        &["--provider", "omnisend", "--jobs", "2", "--jobs", "2"],
        b"",
    )
    .assert_fatal("--jobs given twice");
}

fn run_fatal_inline(flag: &str) {
    run(&["--provider", "omnisend", flag], VALID.as_bytes())
        .assert_fatal("--jobs: expected a number of threads of at least 1");
}

// ---------------------------------------------------------------- output

#[test]
fn one_line_per_document_with_exact_shape() {
    let input = ndjson(&[VALID, INVALID]);
    let run = run(&["--provider", "omnisend"], &input);
    assert_eq!(run.code, 1, "{run:?}");
    let raw: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(raw.len(), 2);
    assert!(raw[0].starts_with(r#"{"index":0,"line":1,"valid":true,"violations":[],"changes":[],"normalized":{"email":"jane@example.com""#), "{}", raw[0]);
    assert!(raw[1].starts_with(r#"{"index":1,"line":2,"valid":false,"violations":[{"rule":"omnisend.gender.enum","severity":"error","in":"body","path":"/gender","message":"#), "{}", raw[1]);
    assert!(
        raw[1].ends_with(r#""changes":[],"normalized":null}"#),
        "{}",
        raw[1]
    );

    let lines = run.lines();
    assert_eq!(
        lines[0]["normalized"],
        json!({"email":"jane@example.com","tags":["source: test"]})
    );
    let keys: Vec<&String> = lines[1]["violations"][0]
        .as_object()
        .unwrap()
        .keys()
        .collect();
    assert_eq!(
        keys,
        [
            "rule",
            "severity",
            "in",
            "path",
            "message",
            "suggestion",
            "params"
        ]
    );
    assert_eq!(
        lines[1]["violations"][0]["params"],
        json!({"allowed": ["m", "f"], "found": "x"})
    );
}

#[test]
fn changes_are_reported_with_the_normalized_body() {
    let run = run(
        &["--provider", "omnisend"],
        br#"{"email":" Jane@Example.COM ","tags":["source: x","vip","vip"]}"#,
    );
    assert_eq!(run.code, 0, "{run:?}");
    let line = &run.lines()[0];
    assert_eq!(rule_paths(line), [("omnisend.tags.unique", "/tags/2")]);
    assert_eq!(line["violations"][0]["severity"], "warning");
    assert_eq!(line["changes"][0]["rule"], "omnisend.email.format");
    assert_eq!(line["changes"][0]["in"], "body");
    assert_eq!(line["changes"][0]["path"], "/email");
    assert_eq!(line["changes"][0]["from"], " Jane@Example.COM ");
    // Trimmed only: Omnisend's email identifier is case-sensitive.
    assert_eq!(line["changes"][0]["to"], "Jane@Example.COM");
    assert_eq!(line["normalized"]["tags"], json!(["source: x", "vip"]));
    assert!(
        run.summary()
            .starts_with("documents: 1, valid: 1, invalid: 0, warnings: 1, elapsed: ")
    );
}

#[test]
fn a_broken_line_does_not_stop_the_batch() {
    let input = ndjson(&[
        VALID,
        r#"{"email":"broken@example.com","tags":["source: test""#,
        VALID_2,
        "",
        "not json at all",
        INVALID,
        VALID,
    ]);
    let run = run(&["--provider", "omnisend", "-"], &input);
    assert_eq!(run.code, 1, "{run:?}");
    assert_eq!(
        run.positions(),
        [
            (0, 1, true),
            (1, 2, false),
            (2, 3, true),
            (3, 5, false),
            (4, 6, false),
            (5, 7, true),
        ]
    );
    let lines = run.lines();
    assert_eq!(rule_paths(&lines[1]), [("input.json.format", "")]);
    assert_eq!(rule_paths(&lines[3]), [("input.json.format", "")]);
    assert_eq!(rule_paths(&lines[4]), [("omnisend.gender.enum", "/gender")]);
    assert!(lines[1]["normalized"].is_null());
    // Kept as written: Omnisend's email identifier is case-sensitive.
    assert_eq!(
        lines[2]["normalized"]["identifiers"][0]["id"],
        "Ona@Example.LT"
    );
    assert!(
        run.summary()
            .starts_with("documents: 6, valid: 3, invalid: 3, warnings: 0, elapsed: "),
        "{}",
        run.summary()
    );
}

#[test]
fn pretty_printed_documents_and_invalid_utf8() {
    let input = b"{\n  \"email\": \"jane@example.com\",\n  \"tags\": [\n    \"source: test\"\n  ]\n}\n{\"email\":\"\xff@example.com\"}\n\n{\n  \"phone\": \"+37061234567\",\n  \"tags\": [\"source: test\"]\n}\n";
    let run = run(&["--provider", "omnisend"], input);
    assert_eq!(run.positions(), [(0, 1, true), (1, 7, false), (2, 9, true)]);
    assert_eq!(rules(&run.lines()[1]), ["input.json.format"]);
}

#[test]
fn a_syntax_error_names_the_line_of_the_file() {
    let input = b"{\"email\":\"jane@example.com\",\"tags\":[\"source: test\"]}\n\n{\n  \"email\": \"a@b.co\",\n  \"tags\": [\"source: test\"],\n}\n";
    let run = run(&["--provider", "omnisend"], input);
    assert_eq!(run.positions(), [(0, 1, true), (1, 3, false)]);
    let message = run.lines()[1]["violations"][0]["message"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(message.ends_with("at line 6 column 1"), "{message}");
}

/// Issue 16, item 5: a syntax error's column was counted within the
/// document, wrong when the document does not start in column 1 of its
/// line. Columns are the file's (bytes, 1-based), on the document's first
/// line and after it; invalid UTF-8 likewise.
#[test]
fn syntax_error_columns_are_the_files() {
    let input = b"{}  {\"email\": }\n\t\t[1,\n 2 x]\n   {\"email\":\"\xff\"}\n";
    let run = run(&["--provider", "omnisend"], input);
    assert_eq!(
        run.positions(),
        [(0, 1, false), (1, 1, false), (2, 2, false), (3, 4, false)]
    );
    let message = |i: usize| {
        run.lines()[i]["violations"][0]["message"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    assert!(
        message(1).ends_with("at line 1 column 15"),
        "{}",
        message(1)
    );
    assert!(message(2).ends_with("at line 3 column 4"), "{}", message(2));
    assert_eq!(
        message(3),
        "invalid UTF-8 at line 4 column 14 (byte 10 of the document)"
    );
}

/// Issue 16, item 3: in free-form members, a number a double cannot hold
/// was rewritten (`1.2345678901234568e+29`) and the record stayed valid with
/// no change listed. It is now an `input.number.precision` warning with a
/// change, on the program's output line.
#[test]
fn a_number_a_double_cannot_hold_is_listed_as_changed() {
    let input = ndjson(&[
        r#"{"client_user_id":"u1","fields":{"big":123456789012345678901234567890,"max":18446744073709551615}}"#,
    ]);
    let run = run(&["--provider", "sendios"], &input);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let line = &run.lines()[0];
    assert_eq!(
        rule_paths(line),
        [("input.number.precision", "/fields/big")]
    );
    assert_eq!(
        line["changes"],
        json!([{"rule": "input.number.precision", "in": "body", "path": "/fields/big",
                "from": "123456789012345678901234567890", "to": 1.2345678901234568e29}])
    );
    assert_eq!(
        line["normalized"]["fields"]["max"],
        json!(18_446_744_073_709_551_615_u64)
    );
    assert!(
        run.stderr
            .starts_with("documents: 1, valid: 1, invalid: 0, warnings: 1,")
    );
}

/// Issue 16, item 2: a line of 100 000 numeric Rocket.Chat phones printed
/// a 74 MB report. The report lists 100 of each rule, then one
/// `input.report.truncated` warning per rule.
#[test]
fn one_document_reports_at_most_a_hundred_of_each_rule() {
    let phones = vec!["1"; 100_000].join(",");
    let input = ndjson(&[&format!(
        r#"{{"name":"John","emails":["a@b.co"],"phones":[{phones}]}}"#
    )]);
    let run = run(&["--provider", "rocketchat", "--jobs", "1"], &input);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stdout.len() < 1 << 20, "{} bytes", run.stdout.len());
    let line = &run.lines()[0];
    let truncated: Vec<_> = rule_paths(line)
        .into_iter()
        .filter(|(rule, _)| *rule == "input.report.truncated")
        .collect();
    assert_eq!(truncated.len(), 4);
    assert_eq!(rules(line).len(), 304);
}

#[test]
fn a_broken_document_still_counts_in_the_batch() {
    let input = ndjson(&[
        "{not json",
        r#"{"client_user_id":"u1","fields":{"plan":"pro"}}"#,
        r#"{"client_user_id":"u2","fields":{"plan":3}}"#,
    ]);
    let run = run(&["--provider", "sendios"], &input);
    let lines = run.lines();
    assert_eq!(rules(&lines[0]), ["input.json.format"]);
    assert_eq!(
        lines[2]["violations"][0]["message"],
        "'plan' was a string in document 1; here it is a number"
    );
}

#[test]
fn stdin_is_read_without_files_and_for_dash() {
    let input = ndjson(&[VALID, VALID_2]);
    for args in [
        &["--provider", "omnisend"][..],
        &["--provider", "omnisend", "-"],
    ] {
        let run = run(args, &input);
        assert_eq!(run.code, 0, "{run:?}");
        assert_eq!(run.positions(), [(0, 1, true), (1, 2, true)]);
    }
}

#[test]
fn index_continues_across_files_and_line_restarts() {
    let first = TempFile::new(&ndjson(&[VALID, INVALID]));
    let second = TempFile::new(format!("\n\n{VALID_2}\n{VALID}").as_bytes());
    let run = run(
        &["--provider", "omnisend", first.path(), "-", second.path()],
        &ndjson(&[VALID]),
    );
    assert_eq!(run.code, 1, "{run:?}");
    assert_eq!(
        run.positions(),
        [
            (0, 1, true),
            (1, 2, false),
            (2, 1, true), // stdin
            (3, 3, true),
            (4, 4, true),
        ]
    );
}

#[test]
fn all_valid_and_empty_inputs_exit_zero() {
    let run1 = run(&["--provider", "omnisend"], &ndjson(&[VALID, VALID_2]));
    assert_eq!(run1.code, 0, "{run1:?}");
    for empty in [&b""[..], b"\n  \n\r\n"] {
        let run = run(&["--provider", "omnisend"], empty);
        assert_eq!(run.code, 0, "{run:?}");
        assert_eq!(run.stdout, "");
        assert!(
            run.summary()
                .starts_with("documents: 0, valid: 0, invalid: 0, warnings: 0, elapsed: ")
        );
    }
}

#[test]
fn summary_line_counts_documents_and_warnings() {
    let no_source = r#"{"email":"a@example.com","tags":["vip","vip"]}"#;
    let run = run(
        &["--provider", "omnisend"],
        &ndjson(&[VALID, no_source, INVALID]),
    );
    assert_eq!(run.code, 1);
    let summary = run.summary();
    let (counts, elapsed) = summary.split_once(", elapsed: ").expect("an elapsed time");
    // The duplicate tag and the missing `source:` tag.
    assert_eq!(counts, "documents: 3, valid: 2, invalid: 1, warnings: 2");
    let seconds = elapsed.strip_suffix('s').expect("in seconds");
    assert_eq!(
        seconds.split_once('.').map(|(_, ms)| ms.len()),
        Some(3),
        "{summary}"
    );
    assert!(seconds.parse::<f64>().is_ok(), "{summary}");
}

#[test]
fn envelope_validates_parts_and_normalizes_the_envelope() {
    let input = ndjson(&[
        r#"{"headers":{"X-API-KEY":"k"},"body":{"email":" jane@EXAMPLE.com","tags":["source: test"]}}"#,
        r#"{"headers":{"X-API-KEY":"k"}}"#,
        r#"{"body":{"email":"jane@example.com","tags":["source: test"],"gender":"x"}}"#,
    ]);
    let run = run(&["--provider", "omnisend", "--envelope"], &input);
    assert_eq!(run.code, 1, "{run:?}");
    assert_eq!(
        run.positions(),
        [(0, 1, true), (1, 2, false), (2, 3, false)]
    );
    let lines = run.lines();
    assert_eq!(
        lines[0]["normalized"],
        json!({"headers":{"X-API-KEY":"k"},"body":{"email":"jane@EXAMPLE.com","tags":["source: test"]}})
    );
    assert_eq!(rules(&lines[1]), ["input.body.type"]);
    assert_eq!(rule_paths(&lines[2]), [("omnisend.gender.enum", "/gender")]);
}

/// Issue 16, item 4: a header value that cannot be sent (CR, LF, NUL: a
/// header injection), the required credentials included, and the same
/// header twice in another case were valid.
#[test]
fn envelope_headers_that_cannot_be_sent_are_refused() {
    let body = r#""body":{"firstName":"John","lastName":"Doe","email":"john@example.com"}"#;
    let docs = [
        format!(r#"{{"headers":{{"Agent-Secret-Key":"k\r\nX-Injected: 1"}},{body}}}"#),
        format!(r#"{{"headers":{{"Agent-Secret-Key":"k\u0000"}},{body}}}"#),
        format!(r#"{{"headers":{{"Agent-Secret-Key":"k","agent-secret-key":"k2"}},{body}}}"#),
        // Tab inside, spaces around and non-ASCII text are sendable.
        format!(r#"{{"headers":{{"Agent-Secret-Key":" k\tr\u00e9sum\u00e9 "}},{body}}}"#),
    ];
    let docs: Vec<&str> = docs.iter().map(String::as_str).collect();
    let run = run(&["--provider", "raia", "--envelope"], &ndjson(&docs));
    assert_eq!(run.code, 1, "{run:?}");
    assert_eq!(
        run.positions(),
        [(0, 1, false), (1, 2, false), (2, 3, false), (3, 4, true)]
    );
    let lines = run.lines();
    for (line, rule, path) in [
        (&lines[0], "input.headers.format", "/Agent-Secret-Key"),
        (&lines[1], "input.headers.format", "/Agent-Secret-Key"),
        (&lines[2], "input.headers.unique", "/agent-secret-key"),
    ] {
        assert_eq!(rule_paths(line), [(rule, path)], "{line}");
        assert_eq!(line["violations"][0]["in"], "header", "{line}");
        assert_eq!(line["normalized"], Value::Null, "{line}");
    }
    assert_eq!(
        lines[3]["normalized"]["headers"]["Agent-Secret-Key"],
        " k\tr\u{e9}sum\u{e9} "
    );
    assert!(run.summary().contains("valid: 1, invalid: 3"), "{run:?}");
}

#[test]
fn region_reads_national_numbers() {
    let input = ndjson(&[r#"{"phone":"020 7946 0018","tags":["source: test"]}"#]);
    let run_gb = run(&["--provider", "omnisend", "--region", "GB"], &input);
    assert_eq!(run_gb.code, 0, "{run_gb:?}");
    assert_eq!(run_gb.lines()[0]["normalized"]["phone"], "+442079460018");

    let run_eq = run(&["--provider", "omnisend", "--region=gb"], &input);
    assert_eq!(run_eq.lines()[0]["normalized"]["phone"], "+442079460018");

    let without = run(&["--provider", "omnisend"], &input);
    assert_eq!(without.code, 1, "{without:?}");
    assert_eq!(
        rule_paths(&without.lines()[0]),
        [("omnisend.phone.format", "/phone")]
    );
}

#[test]
fn region_beyond_iso_reads_national_numbers() {
    // Kosovo, Ascension and Tristan da Cunha are libphonenumber regions
    // (not ISO 3166 codes): a default region. A document's `XK` is sent
    // with an advice (Omnisend asks only for two letters), and its national
    // number is read in the default region.
    let input = ndjson(&[
        r#"{"phone":"043 201 234","tags":["source: test"]}"#,
        r#"{"phone":"043 201 234","countryCode":"XK","tags":["source: test"]}"#,
    ]);
    let xk = run(&["--provider", "omnisend", "--region", "XK"], &input);
    assert_eq!(xk.code, 0, "{xk:?}");
    let lines = xk.lines();
    assert_eq!(lines[0]["valid"], true, "{xk:?}");
    assert_eq!(lines[0]["normalized"]["phone"], "+38343201234");
    assert_eq!(
        rule_paths(&lines[1]),
        [("omnisend.country_code.advice", "/countryCode")]
    );
    assert_eq!(lines[1]["normalized"]["phone"], "+38343201234");
    let ta = run(
        &["--provider", "omnisend", "--region=ta"],
        &ndjson(&[r#"{"phone":"8862","tags":["source: test"]}"#]),
    );
    assert_eq!(ta.code, 0, "{ta:?}");
    assert_eq!(ta.lines()[0]["normalized"]["phone"], "+2908862");
}

#[test]
fn list_rules_prints_the_catalog() {
    let run = run(&["--list-rules"], b"");
    assert_eq!(run.code, 0, "{run:?}");
    let lines = run.lines();
    let catalog = omnicontact::rules::catalog();
    let ids: Vec<&str> = lines.iter().map(|l| l["id"].as_str().unwrap()).collect();
    let expected: Vec<&str> = catalog.iter().map(|r| r.id()).collect();
    assert_eq!(ids, expected);
    // Exactly the project's rule list, with its severities.
    let list =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/rule-ids.txt"))
            .unwrap();
    let mut want: Vec<String> = list
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(str::to_owned)
        .collect();
    // The project's list plus this crate's `convert.*` rules (`src/rules/convert.md`).
    let mut got: Vec<String> = lines
        .iter()
        .filter(|l| l["provider"] != "convert")
        .map(|l| {
            format!(
                "{} {}",
                l["id"].as_str().unwrap(),
                l["severity"].as_str().unwrap()
            )
        })
        .collect();
    want.sort();
    got.sort();
    assert_eq!(got.len(), 231);
    assert_eq!(got, want);
    for (line, rule) in lines.iter().zip(catalog) {
        let keys: Vec<&String> = line.as_object().unwrap().keys().collect();
        assert_eq!(keys, ["id", "severity", "provider", "summary"]);
        assert_eq!(line["severity"], rule.severity().as_str());
        assert_eq!(line["provider"], rule.provider());
        assert_eq!(line["summary"], rule.summary());
    }
    // The contact model's own rules are listed under `contact`.
    let contact: Vec<(&str, &str)> = lines
        .iter()
        .filter(|l| l["provider"] == "contact")
        .map(|l| (l["id"].as_str().unwrap(), l["severity"].as_str().unwrap()))
        .collect();
    assert_eq!(contact.len(), 21);
    assert_eq!(contact[0], ("contact.email.format", "error"));
    assert!(contact.contains(&("contact.identifiers.id.invalid_number", "warning")));
    // It needs no provider, and reads no input.
    let with_provider = run_list_with_provider();
    assert_eq!(with_provider, run.stdout);
}

fn run_list_with_provider() -> String {
    run(&["--provider", "omnisend", "--list-rules"], b"").stdout
}

#[test]
fn the_sample_data_has_valid_and_invalid_contacts() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/data/omnisend.ndjson");
    let bytes = std::fs::read(&path).expect("the sample data exists");
    let documents = Documents::new(&bytes[..]).count();
    assert!((20..=40).contains(&documents), "{documents} documents");

    let run = run(&["--provider", "omnisend", path.to_str().unwrap()], b"");
    assert_eq!(run.code, 1, "{run:?}");
    let lines = run.lines();
    assert_eq!(lines.len(), documents);
    for (i, line) in lines.iter().enumerate() {
        assert_eq!(line["index"], i);
        assert_eq!(line["line"], i + 1, "one contact per line");
    }
    let valid = lines.iter().filter(|l| l["valid"] == true).count();
    assert!(
        valid > documents / 2,
        "mostly valid: {valid} of {documents}"
    );
    let all_rules: Vec<&str> = lines.iter().flat_map(rules).collect();
    for rule in [
        "input.json.format",
        "omnisend.email.format",
        "omnisend.country_code.format",
        "omnisend.gender.enum",
        "omnisend.tags.max_items",
        "omnisend.custom_properties.name.format",
        "omnisend.birthdate.format",
        "omnisend.tags.unique",
        "omnisend.tags.advice",
        "omnisend.custom_properties.value.lossy",
        "omnisend.identifiers.id.invalid_number",
        "omnisend.country.conflict",
    ] {
        assert!(all_rules.contains(&rule), "no {rule} in the sample");
    }
}

/// Runs the example with `args` on `input`, reads the first 64 bytes of
/// its output and closes the pipe: the first bytes, the exit status and
/// stderr.
fn first_bytes_then_close(args: &[&str], input: Vec<u8>) -> ([u8; 64], Option<i32>, String) {
    let mut child = Command::new(binary())
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the example runs");
    let mut stdin = child.stdin.take().unwrap();
    let feeder = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 64];
    stdout.read_exact(&mut first).unwrap();
    drop(stdout);
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    let status = child.wait().unwrap();
    feeder.join().unwrap();
    (first, status.code(), stderr)
}

#[test]
fn a_closed_pipe_ends_the_run_quietly() {
    let (first, status, stderr) =
        first_bytes_then_close(&["--provider", "omnisend"], ndjson(&[VALID; 20_000]));
    assert!(first.starts_with(br#"{"index":0,"line":1,"valid":true"#));
    assert_eq!(status, Some(0), "{stderr}");
    assert!(!stderr.contains("cannot write"), "{stderr}");
}

#[test]
fn rocketchat_invalid_lines_carry_the_server_error_body() {
    let input = ndjson(&[
        r#"{"name":"John","phones":["+14155552671"],"emails":["john@example.com"]}"#,
        r#"{"name":"John","phones":[]}"#,
    ]);
    let run = run(&["--provider", "rocketchat"], &input);
    assert_eq!(run.code, 1, "{run:?}");
    let lines = run.lines();
    assert!(lines[0].get("provider_error").is_none(), "{:?}", lines[0]);
    assert_eq!(
        lines[1]["provider_error"],
        serde_json::json!({
            "success": false,
            "error": "must have required property 'emails' [invalid-params]",
            "errorType": "invalid-params"
        })
    );
    assert_eq!(
        rule_paths(&lines[1]),
        [("rocketchat.emails.required", "/emails")]
    );
}

#[test]
fn suprsend_sample_data() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/data/suprsend.ndjson");
    let run = run(&["--provider", "suprsend", path.to_str().unwrap()], b"");
    assert_eq!(run.code, 1, "{run:?}");
    let lines = run.lines();
    let valid: Vec<bool> = lines.iter().map(|l| l["valid"] == true).collect();
    assert_eq!(
        valid,
        [
            true, true, true, true, true, true, false, false, false, true, false
        ]
    );
    let found: Vec<Vec<(&str, &str)>> = lines.iter().map(rule_paths).collect();
    assert_eq!(
        found[4],
        [
            ("suprsend.sms.invalid_number", "/$sms/0"),
            ("suprsend.preferred_language.lossy", "/$preferred_language"),
            ("suprsend.properties.advice", "/email"),
        ]
    );
    assert_eq!(
        found[5..],
        [
            vec![("suprsend.properties.reserved_key", "/$emial")],
            vec![
                ("suprsend.email.format", "/$email/0"),
                ("suprsend.sms.format", "/$sms/0"),
            ],
            vec![(
                "suprsend.androidpush.provider.enum",
                "/$androidpush/0/provider"
            )],
            vec![("suprsend.timezone.format", "/$timezone")],
            // A channel id where a user id goes: outside the workflow-trigger
            // schema's pattern, sent with an advice.
            vec![("suprsend.slack.advice", "/$slack/0")],
            vec![("suprsend.inbox.type", "/$inbox")],
        ]
    );
    assert_eq!(lines[5]["violations"][0]["suggestion"], "$email");
    // A single value is normalized to a one-item list.
    assert_eq!(lines[1]["normalized"]["$whatsapp"], json!(["+34612345678"]));
    assert!(
        run.summary()
            .contains("documents: 11, valid: 7, invalid: 4"),
        "{}",
        run.summary()
    );
}

#[test]
fn raia_sample_data_and_operations() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/data/raia.ndjson");
    let run_create = run(&["--provider", "raia", path.to_str().unwrap()], b"");
    assert_eq!(run_create.code, 1, "{run_create:?}");
    let lines = run_create.lines();
    let valid: Vec<bool> = lines.iter().map(|l| l["valid"] == true).collect();
    assert_eq!(
        valid,
        [
            true, true, true, true, true, true, true, false, false, false
        ]
    );
    let found: Vec<Vec<(&str, &str)>> = lines.iter().map(rule_paths).collect();
    assert_eq!(
        found,
        [
            vec![],
            vec![],
            vec![],
            vec![("raia.metadata.unknown_field", "/metadata")],
            vec![("raia.email.advice", "/email")],
            vec![("raia.phone_number.invalid_number", "/phoneNumber")],
            vec![("raia.body.unknown_field", "/phone")],
            vec![
                ("raia.last_name.required", "/lastName"),
                ("raia.email.format", "/email"),
            ],
            vec![("raia.body.required", "")],
            vec![
                ("raia.phone_number.type", "/phoneNumber"),
                (
                    "raia.skip_phone_number_validation.type",
                    "/skipPhoneNumberValidation"
                ),
                ("raia.custom_data.type", "/customData"),
            ],
        ]
    );
    assert_eq!(lines[0]["normalized"]["email"], "john.doe@example.com");
    assert_eq!(
        lines[3]["normalized"]["customData"],
        json!({"segment": "vip", "locale": "pt-BR"})
    );
    assert_eq!(lines[6]["violations"][0]["suggestion"], "phoneNumber");

    let input = ndjson(&[r#"{"email":"Jane@Example.COM"}"#, r#"{"fkId":""}"#]);
    let search = run(&["--provider", "raia", "--operation", "search"], &input[..]);
    assert_eq!(search.code, 1, "{search:?}");
    let lines = search.lines();
    // Search keys are sent as written, with the create body's form suggested.
    assert_eq!(lines[0]["normalized"], json!({"email": "Jane@Example.COM"}));
    assert_eq!(lines[0]["violations"][0]["rule"], "raia.query.advice");
    assert_eq!(lines[0]["violations"][0]["suggestion"], "Jane@example.com");
    // A blank `fkId` is a warning and does not count as given.
    assert_eq!(lines[1]["violations"][0]["rule"], "raia.query.advice");
    assert_eq!(lines[1]["violations"][1]["rule"], "raia.query.required");
    assert_eq!(lines[1]["violations"][1]["in"], "query");

    let envelope = run(
        &[
            "--provider=raia",
            "--operation=search",
            "--envelope",
            "--region=GB",
        ],
        ndjson(&[
            r#"{"query":{"phoneNumber":"020 7946 0018"},"headers":{"Agent-Secret-Key":"sk"}}"#,
        ])
        .as_slice(),
    );
    assert_eq!(envelope.code, 0, "{envelope:?}");
    assert_eq!(
        envelope.lines()[0]["normalized"]["query"]["phoneNumber"],
        "020 7946 0018"
    );
    assert_eq!(
        envelope.lines()[0]["violations"][0]["suggestion"],
        "+442079460018"
    );

    let delete = run(
        &["--provider", "raia", "--operation", "delete"],
        &ndjson(&[
            r#"{"id":"5f7b1b3b-3b3b-4b3b-3b3b-3b3b3b3b3b3b"}"#,
            r#"{"id":""}"#,
        ]),
    );
    assert_eq!(delete.code, 1, "{delete:?}");
    assert_eq!(delete.positions(), [(0, 1, true), (1, 2, false)]);
    assert_eq!(rule_paths(&delete.lines()[1]), [("raia.id.format", "/id")]);
}

// ---------------------------------------------------------------- --jobs

/// A chunk handed to a worker holds at most this many documents
/// (`CHUNK_DOCUMENTS` in examples/validate.rs).
const CHUNK_DOCUMENTS: usize = 512;

/// `count` generated Omnisend records (about 600 bytes each) as NDJSON
/// lines, mixed: every 7th is invalid, every 11th has a warning, every 13th
/// is cut in half (broken JSON), every 50th is pretty-printed over several
/// lines, every 100th is followed by a blank line, and one line is not
/// UTF-8.
fn mixed_records(first: usize, count: usize) -> Vec<u8> {
    let mut out = Vec::new();
    for i in first..first + count {
        let mut record = records::record(Provider::Omnisend, i);
        if i % 7 == 3 {
            record = record.replace(r#""gender":""#, r#""gender":"x"#);
        }
        if i % 11 == 5 {
            record = record.replace(r#""source: shopify","#, "");
        }
        if i % 50 == 20 {
            let value: Value = serde_json::from_str(&record).unwrap();
            record = serde_json::to_string_pretty(&value).unwrap();
        }
        if i % 13 == 8 {
            record.truncate(record.len() / 2);
        }
        out.extend_from_slice(record.as_bytes());
        if i == first + 17 {
            out.extend_from_slice(b"\n{\"email\":\"\xff@example.com\"}");
        }
        out.push(b'\n');
        if i % 100 == 99 {
            out.push(b'\n');
        }
    }
    out
}

/// The summary without the elapsed time.
fn counts(run: &Run) -> &str {
    run.summary()
        .split_once(", elapsed: ")
        .map_or("", |(counts, _)| counts)
}

#[test]
fn jobs_do_not_change_the_output() {
    // Three files and stdin, 3 000 documents in all: chunk boundaries
    // inside files and between them.
    let files = [
        TempFile::new(&mixed_records(0, 1_300)),
        TempFile::new(&mixed_records(1_300, 300)),
        TempFile::new(&mixed_records(2_000, 1_000)),
    ];
    let stdin = mixed_records(1_600, 400);
    let run_with = |jobs: &str| {
        let args = [
            "--provider",
            "omnisend",
            "--jobs",
            jobs,
            files[0].path(),
            files[1].path(),
            "-",
            files[2].path(),
        ];
        run(&args, &stdin)
    };
    let one = run_with("1");
    assert_eq!(one.code, 1, "{}", one.stderr);
    let lines = one.lines();
    assert!(lines.len() > 5 * CHUNK_DOCUMENTS, "{}", lines.len());
    for (i, line) in lines.iter().enumerate() {
        assert_eq!(line["index"], i);
    }
    let valid = lines.iter().filter(|l| l["valid"] == true).count();
    let rules: Vec<&str> = lines.iter().flat_map(rules).collect();
    for rule in [
        "input.json.format",
        "omnisend.gender.enum",
        "omnisend.tags.advice",
    ] {
        assert!(rules.contains(&rule), "no {rule}");
    }
    assert!(valid > lines.len() / 2 && valid < lines.len());
    assert!(
        counts(&one).starts_with(&format!("documents: {}, valid: {valid}, ", lines.len())),
        "{}",
        one.summary()
    );
    for jobs in ["2", "7"] {
        let many = run_with(jobs);
        assert_eq!(many.code, one.code, "--jobs {jobs}: {}", many.stderr);
        assert!(
            many.stdout == one.stdout,
            "--jobs {jobs}: the output differs"
        );
        assert_eq!(counts(&many), counts(&one), "--jobs {jobs}");
        assert_eq!(many.stderr.lines().count(), 1, "{}", many.stderr);
    }
}

#[test]
fn jobs_do_not_change_the_output_of_large_documents() {
    // Documents of 16 KiB and more (`LARGE_BYTES` in examples/validate.rs)
    // are validated by the first two workers only, and at most 1 MiB of
    // input is out at once: small documents overtake them on the other
    // workers, and the output still comes in input order.
    let mut input = Vec::new();
    for i in 0..600 {
        let mut record = records::record(Provider::RocketChat, i);
        if i % 9 == 4 {
            let notes = format!(r#""notes":"{}"#, "x".repeat(16_000 + 97 * i));
            record = record.replace(r#""notes":""#, &notes);
        }
        if i % 23 == 7 {
            record = format!("[{}", "1,".repeat(10_000 + i));
        }
        input.extend_from_slice(record.as_bytes());
        input.push(b'\n');
    }
    let run_with = |jobs| run(&["--provider", "rocketchat", "--jobs", jobs], &input);
    let one = run_with("1");
    assert_eq!(one.code, 1, "{}", one.stderr);
    let lines = one.lines();
    assert_eq!(lines.len(), 600);
    assert!(
        lines[4]["normalized"]["customFields"]["notes"]
            .as_str()
            .unwrap()
            .len()
            > 16_000
    );
    assert_eq!(rules(&lines[7]), ["input.json.format"]);
    for jobs in ["3", "8"] {
        let many = run_with(jobs);
        assert_eq!(many.code, one.code, "--jobs {jobs}: {}", many.stderr);
        assert!(
            many.stdout == one.stdout,
            "--jobs {jobs}: the output differs"
        );
        assert_eq!(counts(&many), counts(&one), "--jobs {jobs}");
    }
}

#[test]
fn jobs_do_not_change_conversions_or_envelopes() {
    let body = mixed_records(0, 1_200);
    let bodies = TempFile::new(&body);
    let envelopes: Vec<u8> = body
        .split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .flat_map(|l| {
            [
                &b"{\"headers\":{\"X-API-KEY\":\"k\"},\"body\":"[..],
                l,
                b"}\n",
            ]
            .concat()
        })
        .collect();
    let envelopes = TempFile::new(&envelopes);
    for args in [
        ["--to", "rocketchat", bodies.path()].as_slice(),
        ["--to", "suprsend", "--envelope", envelopes.path()].as_slice(),
        ["--envelope", envelopes.path()].as_slice(),
    ] {
        let outputs: Vec<Run> = ["1", "3"]
            .iter()
            .map(|jobs| {
                let mut all = vec!["--provider", "omnisend", "--jobs", jobs];
                all.extend_from_slice(args);
                run(&all, b"")
            })
            .collect();
        assert_eq!(outputs[0].code, 1, "{args:?}: {}", outputs[0].stderr);
        assert!(outputs[0].stdout.lines().count() > 2 * CHUNK_DOCUMENTS);
        assert!(
            outputs[1].stdout == outputs[0].stdout,
            "{args:?}: the output differs"
        );
        assert_eq!(outputs[1].code, outputs[0].code, "{args:?}");
        assert_eq!(counts(&outputs[1]), counts(&outputs[0]), "{args:?}");
    }
}

#[test]
fn sendios_batches_are_checked_in_order_whatever_the_jobs() {
    let mut input = vec![r#"{"client_user_id":"u0","fields":{"plan":"pro"}}"#.to_owned()];
    for i in 1..=3 * CHUNK_DOCUMENTS {
        input.push(format!(
            r#"{{"client_user_id":"u{i}","fields":{{"n":{i}}}}}"#
        ));
    }
    input.push(r#"{"client_user_id":"last","fields":{"plan":3}}"#.to_owned());
    let lines: Vec<&str> = input.iter().map(String::as_str).collect();
    let warned = run(&["--provider", "sendios", "--jobs", "4"], &ndjson(&lines));
    // A warning: every document is valid.
    assert_eq!(warned.code, 0, "{}", warned.stderr);
    let out = warned.lines();
    assert_eq!(out.len(), input.len());
    let last = &out.last().unwrap()["violations"][0];
    assert_eq!(last["rule"], "sendios.fields.consistent_type");
    assert_eq!(last["severity"], "warning");
    assert_eq!(
        last["message"],
        "'plan' was a string in document 0; here it is a number"
    );
    assert_eq!(
        out.iter()
            .filter(|l| l["violations"].as_array().is_some_and(|v| !v.is_empty()))
            .count(),
        1
    );
    // With the rule denied, the strict reading: the last document is invalid.
    let strict = run(
        &[
            "--provider",
            "sendios",
            "--jobs",
            "4",
            "--deny",
            "sendios.fields.consistent_type",
        ],
        &ndjson(&lines),
    );
    assert_eq!(strict.code, 1, "{}", strict.stderr);
}

/// Whether reading `/proc/self/mem` from its start fails here, as it does
/// on Linux (the first page is never mapped): a file that opens but cannot
/// be read.
fn proc_mem_fails_to_read() -> bool {
    let mut buf = [0u8; 16];
    std::fs::File::open("/proc/self/mem").is_ok_and(|mut f| f.read(&mut buf).is_err())
}

#[test]
fn a_read_error_comes_after_the_lines_read_before_it() {
    if !proc_mem_fails_to_read() {
        eprintln!("skipped: no file here that opens and then fails to read");
        return;
    }
    let before = TempFile::new(&mixed_records(0, 1_300));
    let after = TempFile::new(&ndjson(&[VALID]));
    let mut outputs = Vec::new();
    for jobs in ["1", "2", "5"] {
        let run = run(
            &[
                "--provider",
                "omnisend",
                "--jobs",
                jobs,
                before.path(),
                "/proc/self/mem",
                after.path(),
            ],
            b"",
        );
        assert_eq!(run.code, 2, "{}", run.stderr);
        let lines = run.lines();
        assert!(lines.len() > 2 * CHUNK_DOCUMENTS);
        assert_eq!(lines.last().unwrap()["index"], lines.len() - 1);
        let stderr: Vec<&str> = run.stderr.lines().collect();
        assert_eq!(stderr.len(), 2, "{}", run.stderr);
        assert!(
            stderr[0].starts_with("validate: cannot read `/proc/self/mem`: "),
            "{}",
            run.stderr
        );
        assert!(
            stderr[1].starts_with(&format!("documents: {}, ", lines.len())),
            "{}",
            run.stderr
        );
        outputs.push(run);
    }
    for run in &outputs[1..] {
        assert!(run.stdout == outputs[0].stdout, "the output differs");
        assert_eq!(counts(run), counts(&outputs[0]));
    }
}

#[test]
fn a_closed_pipe_ends_a_parallel_run_quietly() {
    let (first, status, stderr) = first_bytes_then_close(
        &["--provider", "omnisend", "--jobs", "3"],
        mixed_records(0, 3 * CHUNK_DOCUMENTS),
    );
    assert!(first.starts_with(br#"{"index":0,"line":1,"#));
    // Some documents are invalid; the pipe closing is not an error.
    assert_eq!(status, Some(1), "{stderr}");
    assert!(!stderr.contains("cannot write"), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
}

// ---------------------------------------------------------------- write errors

/// Where a test connects the program's stdout or stderr.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Sink {
    /// A pipe read to its end.
    Piped,
    /// A pipe whose read end is closed before the program writes anything:
    /// every write fails with a broken pipe.
    Closed,
    /// `/dev/full`: every write fails with "no space left on device".
    Full,
}

/// What one run with [`run_into`] printed, and how it ended.
#[derive(Debug)]
struct Outcome {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

impl Outcome {
    /// Asserts the exit status and that nothing panicked (a panic is exit
    /// status 101).
    fn assert_code(&self, code: i32) {
        assert_eq!(self.code, Some(code), "{self:?}");
        assert!(!self.stderr.contains("panicked"), "{self:?}");
    }
}

/// `/dev/full` opened for writing, or `None` (and a note) where there is
/// none.
fn dev_full() -> Option<std::fs::File> {
    match std::fs::OpenOptions::new().write(true).open("/dev/full") {
        Ok(file) => Some(file),
        Err(e) => {
            eprintln!("skipped: cannot open /dev/full ({e})");
            None
        }
    }
}

fn stdio(sink: Sink) -> Stdio {
    match sink {
        Sink::Piped | Sink::Closed => Stdio::piped(),
        Sink::Full => dev_full().expect("/dev/full opens").into(),
    }
}

/// Reads a piped output to its end, on a thread (so that stdout and stderr
/// cannot block each other); closes it at once if `sink` is
/// [`Sink::Closed`].
fn drain(pipe: Option<impl Read + Send + 'static>, sink: Sink) -> std::thread::JoinHandle<String> {
    let pipe = if sink == Sink::Closed { None } else { pipe };
    std::thread::spawn(move || {
        let mut text = Vec::new();
        if let Some(mut pipe) = pipe {
            pipe.read_to_end(&mut text).expect("the output reads");
        }
        String::from_utf8(text).expect("the output is UTF-8")
    })
}

/// Runs the `validate` example with `args` on `input`, its stdout and
/// stderr connected as asked. A closed pipe is closed right after the
/// program starts, before it can write: the same run as `validate … | true`
/// where `true` is quicker than the program, without the race.
fn run_into(args: &[&str], input: Vec<u8>, stdout: Sink, stderr: Sink) -> Outcome {
    let mut child = Command::new(binary())
        .args(args)
        .stdin(Stdio::piped())
        .stdout(stdio(stdout))
        .stderr(stdio(stderr))
        .spawn()
        .expect("the example runs");
    let out = drain(child.stdout.take(), stdout);
    let err = drain(child.stderr.take(), stderr);
    let mut stdin = child.stdin.take().expect("stdin is piped");
    // The program may stop reading early.
    let feeder = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let status = child.wait().expect("the example finishes");
    feeder.join().expect("the feeder thread finishes");
    Outcome {
        code: status.code(),
        stdout: out.join().expect("stdout is read"),
        stderr: err.join().expect("stderr is read"),
    }
}

/// `count` valid documents, one a line.
fn many_valid(count: usize) -> Vec<u8> {
    ndjson(&vec![VALID; count])
}

#[test]
fn a_closed_pipe_on_stdout_and_stderr_ends_the_run_quietly() {
    // `validate … 2>&1 | head -1`: both outputs on one pipe, closed after
    // the first line; the summary then meets the closed pipe too.
    for jobs in ["1", "2"] {
        let (reader, writer) = std::io::pipe().expect("a pipe");
        let mut child = Command::new(binary())
            .args(["--provider", "omnisend", "--jobs", jobs])
            .stdin(Stdio::piped())
            .stdout(writer.try_clone().expect("the pipe clones"))
            .stderr(writer)
            .spawn()
            .expect("the example runs");
        let mut stdin = child.stdin.take().unwrap();
        let feeder = std::thread::spawn(move || {
            let _ = stdin.write_all(&many_valid(20_000));
        });
        let mut first = String::new();
        std::io::BufReader::new(reader)
            .read_line(&mut first)
            .expect("a first line");
        // `head -1` exits: the pipe's last read end closes.
        let status = child.wait().unwrap();
        feeder.join().unwrap();
        assert!(
            first.starts_with(r#"{"index":0,"line":1,"valid":true"#),
            "--jobs {jobs}: {first}"
        );
        assert_eq!(status.code(), Some(0), "--jobs {jobs}: {status}");
    }
}

#[test]
fn an_unwritable_stderr_changes_nothing() {
    if dev_full().is_none() {
        return;
    }
    let mixed = ndjson(&[VALID, INVALID, VALID_2]);
    for jobs in ["1", "2"] {
        let args = ["--provider", "omnisend", "--jobs", jobs];
        // `2>/dev/full`: the summary cannot be written.
        let valid = run_into(&args, many_valid(2_000), Sink::Piped, Sink::Full);
        valid.assert_code(0);
        assert_eq!(valid.stdout.lines().count(), 2_000, "--jobs {jobs}");
        let some_invalid = run_into(&args, mixed.clone(), Sink::Piped, Sink::Full);
        some_invalid.assert_code(1);
        assert_eq!(some_invalid.stdout.lines().count(), 3, "--jobs {jobs}");
        // `>/dev/full 2>/dev/full`: nothing can be written, not even why.
        let neither = run_into(&args, many_valid(2_000), Sink::Full, Sink::Full);
        neither.assert_code(2);
        // A closed pipe and a full stderr.
        let closed = run_into(&args, many_valid(2_000), Sink::Closed, Sink::Full);
        closed.assert_code(0);
    }
    // A usage error is still one, and an input that cannot be read.
    run_into(&["--frobnicate"], Vec::new(), Sink::Piped, Sink::Full).assert_code(2);
    run_into(
        &["--provider", "omnisend", "--jobs", "0"],
        Vec::new(),
        Sink::Piped,
        Sink::Full,
    )
    .assert_code(2);
    if proc_mem_fails_to_read() {
        let args = ["--provider", "omnisend", "/proc/self/mem"];
        run_into(&args, Vec::new(), Sink::Piped, Sink::Full).assert_code(2);
    }
}

#[test]
fn help_and_rule_list_into_a_closed_pipe_end_quietly() {
    // `validate --help | true`, `true` exiting first.
    for args in [&["--help"][..], &["-h"], &["--list-rules"]] {
        let run = run_into(args, Vec::new(), Sink::Closed, Sink::Piped);
        run.assert_code(0);
        assert_eq!(run.stderr, "", "{args:?}");
    }
}

#[test]
fn help_and_rule_list_into_a_full_disk_are_io_errors() {
    if dev_full().is_none() {
        return;
    }
    for args in [&["--help"][..], &["--list-rules"]] {
        let run = run_into(args, Vec::new(), Sink::Full, Sink::Piped);
        run.assert_code(2);
        assert!(
            run.stderr
                .starts_with("validate: cannot write to stdout: No space left on device"),
            "{args:?}: {run:?}"
        );
        assert_eq!(run.stderr.lines().count(), 1, "{args:?}: {run:?}");
        // Nowhere to say why: still status 2.
        run_into(args, Vec::new(), Sink::Full, Sink::Full).assert_code(2);
    }
}

/// The summary's counts of `lines` (output lines, parsed):
/// `documents: …, valid: …, invalid: …, warnings: …`.
fn counts_of(lines: &[Value]) -> String {
    let valid = lines.iter().filter(|l| l["valid"] == true).count();
    let warnings = lines
        .iter()
        .flat_map(|l| l["violations"].as_array().unwrap())
        .filter(|v| v["severity"] == "warning")
        .count();
    format!(
        "documents: {}, valid: {valid}, invalid: {}, warnings: {warnings}",
        lines.len(),
        lines.len() - valid
    )
}

#[test]
fn after_a_write_error_the_summary_counts_no_unwritten_document() {
    // Every write fails: no document reached the output.
    let input = mixed_records(0, 3 * CHUNK_DOCUMENTS);
    for jobs in ["1", "2"] {
        let args = ["--provider", "omnisend", "--jobs", jobs];
        // `validate … | true`, `true` gone before the first write: quiet.
        let closed = run_into(&args, input.clone(), Sink::Closed, Sink::Piped);
        closed.assert_code(0);
        assert!(
            closed
                .stderr
                .starts_with("documents: 0, valid: 0, invalid: 0, warnings: 0, elapsed: "),
            "--jobs {jobs}: {closed:?}"
        );
        assert_eq!(
            closed.stderr.lines().count(),
            1,
            "--jobs {jobs}: {closed:?}"
        );
        if dev_full().is_none() {
            continue;
        }
        // `validate … >/dev/full`: an I/O error.
        let full = run_into(&args, input.clone(), Sink::Full, Sink::Piped);
        full.assert_code(2);
        let stderr: Vec<&str> = full.stderr.lines().collect();
        assert_eq!(
            stderr[..1],
            ["validate: cannot write to stdout: No space left on device (os error 28)"],
            "--jobs {jobs}: {full:?}"
        );
        assert!(
            stderr[1].starts_with("documents: 0, valid: 0, invalid: 0, warnings: 0, elapsed: "),
            "--jobs {jobs}: {full:?}"
        );
        assert_eq!(stderr.len(), 2, "--jobs {jobs}: {full:?}");
    }
}

#[test]
fn after_a_write_error_the_summary_counts_the_lines_written_whole() {
    // A file size limit (`ulimit -f`, SIGXFSZ ignored so that the write
    // fails with "file too large") stops the output part way through a
    // line; the file then holds exactly what was written.
    let input = mixed_records(0, 3 * CHUNK_DOCUMENTS);
    let whole = run(&["--provider", "omnisend"], &input);
    assert_eq!(
        counts(&whole),
        counts_of(&whole.lines()),
        "{}",
        whole.stderr
    );
    for jobs in ["1", "2"] {
        let output = TempFile::new(b"");
        let file = std::fs::OpenOptions::new()
            .write(true)
            .truncate(true)
            .open(output.path())
            .unwrap();
        let script = r#"ulimit -f 64 && trap "" XFSZ && exec "$0" "$@""#;
        let child = Command::new("sh")
            .args(["-c", script])
            .arg(binary())
            .args(["--provider", "omnisend", "--jobs", jobs, "-"])
            .stdin(Stdio::piped())
            .stdout(file)
            .stderr(Stdio::piped())
            .spawn();
        let Ok(mut child) = child else {
            eprintln!("skipped: no sh here");
            return;
        };
        let mut stdin = child.stdin.take().unwrap();
        let input = input.clone();
        let feeder = std::thread::spawn(move || {
            let _ = stdin.write_all(&input);
        });
        let result = child.wait_with_output().unwrap();
        feeder.join().unwrap();
        let run = Outcome {
            code: result.status.code(),
            stdout: String::new(),
            stderr: String::from_utf8(result.stderr).unwrap(),
        };
        run.assert_code(2);
        let written = std::fs::read(output.path()).unwrap();
        let lines: Vec<Value> = written
            .split_inclusive(|&b| b == b'\n')
            .filter(|l| l.ends_with(b"\n"))
            .map(|l| serde_json::from_slice(l).unwrap())
            .collect();
        // Some lines, then part of one, far from the whole output.
        assert!(lines.len() >= 8, "--jobs {jobs}: {} lines", lines.len());
        assert!(!written.ends_with(b"\n"), "--jobs {jobs}: no partial line");
        assert!(lines.len() < CHUNK_DOCUMENTS, "{}", lines.len());
        assert_eq!(lines[..], whole.lines()[..lines.len()], "--jobs {jobs}");
        let stderr: Vec<&str> = run.stderr.lines().collect();
        assert!(
            stderr[0].starts_with("validate: cannot write to stdout: "),
            "--jobs {jobs}: {run:?}"
        );
        assert_eq!(stderr.len(), 2, "--jobs {jobs}: {run:?}");
        let summary = stderr[1].split_once(", elapsed: ").unwrap().0;
        assert_eq!(summary, counts_of(&lines), "--jobs {jobs}");
    }
}

// ---------------------------------------------------------------- signals

/// How a run stopped by a signal ended, and what it printed.
#[cfg(unix)]
#[derive(Debug)]
struct Stopped {
    status: std::process::ExitStatus,
    stdout: Vec<u8>,
    stderr: String,
}

#[cfg(unix)]
impl Stopped {
    /// Asserts what a run stopped by `kill -<signal>` leaves: exit status
    /// `128 + number` (the program exits, it is not killed), an output of
    /// whole lines, each valid JSON, `index` counting from 0, and a
    /// summary that counts exactly those lines. Returns the lines.
    fn assert_stopped(&self, signal: &str, number: i32) -> Vec<Value> {
        use std::os::unix::process::ExitStatusExt;
        assert_eq!(
            self.status.signal(),
            None,
            "killed by a signal: {}",
            self.stderr
        );
        assert_eq!(
            self.status.code(),
            Some(128 + number),
            "SIG{signal}: {}",
            self.stderr
        );
        assert!(
            self.stdout.is_empty() || self.stdout.ends_with(b"\n"),
            "SIG{signal}: the output ends in the middle of a line ({} bytes)",
            self.stdout.len()
        );
        let lines: Vec<Value> = self
            .stdout
            .split_inclusive(|&b| b == b'\n')
            .map(|l| serde_json::from_slice(l).unwrap_or_else(|e| panic!("{e}: a broken line")))
            .collect();
        for (i, line) in lines.iter().enumerate() {
            assert_eq!(line["index"], i, "SIG{signal}");
        }
        let stderr: Vec<&str> = self.stderr.lines().collect();
        assert_eq!(stderr.len(), 1, "SIG{signal}: {}", self.stderr);
        let summary = stderr[0].split_once(", elapsed: ").map_or("", |(c, _)| c);
        assert_eq!(summary, counts_of(&lines), "SIG{signal}");
        lines
    }
}

/// Runs the `validate` example with `args`, writes `input` to its stdin
/// and then keeps the pipe open, idle; sends `kill -<signal>` once
/// `ready(output so far, whether the pipe took all the input)` is true,
/// and collects how the run ended. Gives up (and kills the program) after
/// a minute.
#[cfg(unix)]
fn stop_with_signal(
    args: &[&str],
    input: Vec<u8>,
    signal: &str,
    ready: impl Fn(&[u8], bool) -> bool,
) -> Stopped {
    use std::sync::atomic::AtomicBool;
    use std::sync::{Arc, Mutex, mpsc};
    use std::time::{Duration, Instant};
    let mut child = Command::new(binary())
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the example runs");
    let pid = child.id();
    let output = Arc::new(Mutex::new(Vec::new()));
    let reader = {
        let output = Arc::clone(&output);
        let mut stdout = child.stdout.take().expect("stdout is piped");
        std::thread::spawn(move || {
            let mut buf = vec![0; 1 << 16];
            loop {
                match stdout.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => output.lock().unwrap().extend_from_slice(&buf[..n]),
                }
            }
        })
    };
    let err = drain(child.stderr.take(), Sink::Piped);
    let mut stdin = child.stdin.take().expect("stdin is piped");
    let (close_tx, close_rx) = mpsc::channel::<()>();
    let fed = Arc::new(AtomicBool::new(false));
    let feeder = {
        let fed = Arc::clone(&fed);
        std::thread::spawn(move || {
            // The program may stop reading at the signal.
            if stdin.write_all(&input).is_ok() {
                fed.store(true, Ordering::SeqCst);
            }
            // Open and idle until the program is gone.
            let _ = close_rx.recv();
        })
    };
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        if ready(&output.lock().unwrap(), fed.load(Ordering::SeqCst)) {
            break;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("not ready after a minute: {:?}", child.wait());
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    let kill = Command::new("kill")
        .arg(format!("-{signal}"))
        .arg(pid.to_string())
        .status()
        .expect("kill runs");
    assert!(kill.success(), "kill -{signal} {pid}");
    let status = child.wait().expect("the example finishes");
    drop(close_tx);
    feeder.join().expect("the feeder finishes");
    reader.join().expect("stdout is read");
    let stdout = std::mem::take(&mut *output.lock().unwrap());
    Stopped {
        status,
        stdout,
        stderr: err.join().expect("stderr is read"),
    }
}

/// A Rocket.Chat record whose output line is long (a warning for each of
/// its `phones` numbers): far more than a pipe takes in one write.
#[cfg(unix)]
fn long_output_record(phones: usize) -> String {
    format!(
        r#"{{"name":"John","emails":["a@b.co"],"phones":[{}]}}"#,
        vec!["1"; phones].join(",")
    )
}

#[cfg(unix)]
#[test]
fn a_signal_ends_the_output_on_a_whole_line() {
    // Ordinary records with records of long output lines among them; the
    // input stays open, so the run ends only with the signal.
    let mut input = Vec::new();
    for i in 0..600 {
        input.extend_from_slice(records::record(Provider::RocketChat, i).as_bytes());
        input.push(b'\n');
        if i % 25 == 3 {
            input.extend_from_slice(long_output_record(1_500).as_bytes());
            input.push(b'\n');
        }
    }
    for (jobs, signal, number) in [
        ("1", "TERM", 15),
        ("1", "INT", 2),
        ("3", "TERM", 15),
        ("2", "INT", 2),
    ] {
        let args = ["--provider", "rocketchat", "--jobs", jobs];
        let stopped = stop_with_signal(&args, input.clone(), signal, |out, _| !out.is_empty());
        let lines = stopped.assert_stopped(signal, number);
        assert!(!lines.is_empty(), "--jobs {jobs}");
    }
}

#[cfg(unix)]
#[test]
fn a_signal_while_waiting_on_an_open_input_ends_the_run() {
    // Three documents, then whitespace, more than a pipe holds, then an
    // open pipe with nothing more in it. Once the pipe took it all, the
    // program has read the documents (and with --jobs 1 validated them:
    // it reads on only after).
    let mut input = ndjson(&[VALID, INVALID, VALID_2]);
    input.extend_from_slice(&b" \n".repeat(128 << 10));
    for (jobs, signal, number) in [
        ("1", "TERM", 15),
        ("1", "INT", 2),
        ("4", "TERM", 15),
        ("2", "INT", 2),
    ] {
        let args = ["--provider", "omnisend", "--jobs", jobs];
        let stopped = stop_with_signal(&args, input.clone(), signal, |_, fed| {
            if fed {
                // Time to reach the read that waits.
                std::thread::sleep(std::time::Duration::from_millis(100));
            }
            fed
        });
        let lines = stopped.assert_stopped(signal, number);
        // One thread: every document read is printed before the exit.
        // (With more, they wait in a chunk that does not fill.)
        if jobs == "1" {
            assert_eq!(lines.len(), 3, "{stopped:?}");
        } else {
            assert!(lines.len() <= 3, "--jobs {jobs}: {stopped:?}");
        }
    }
}

// ---------------------------------------------------------------- rule policy

const MISSPELT: &str = r#"{"email":"jane@example.com","tags":["source: test"],"firstNmae":"Jo"}"#;

/// `(rule, severity)` of one output line's violations.
fn rule_severities(line: &Value) -> Vec<(&str, &str)> {
    line["violations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| (v["rule"].as_str().unwrap(), v["severity"].as_str().unwrap()))
        .collect()
}

#[test]
fn policy_flags_set_severities_and_the_exit_status() {
    let input = ndjson(&[MISSPELT, INVALID, r#"{"email":"a@example.com"}"#]);
    let plain = run(&["--provider", "omnisend"], &input);
    assert_eq!(plain.code, 1, "{plain:?}");
    let lines = plain.lines();
    assert_eq!(
        rule_severities(&lines[0]),
        [("omnisend.body.unknown_field", "warning")]
    );
    assert_eq!(
        rule_severities(&lines[1]),
        [("omnisend.gender.enum", "error")]
    );
    assert_eq!(
        rule_severities(&lines[2]),
        [("omnisend.tags.advice", "warning")]
    );

    // Raised, lowered, off: the severities, `valid`, the summary and the
    // exit status follow.
    let args = [
        "--provider",
        "omnisend",
        "--deny-unknown",
        "--warn",
        "omnisend.gender.enum",
        "--allow=omnisend.tags.advice",
    ];
    let r = run(&args, &input);
    assert_eq!(r.code, 1, "{r:?}");
    let lines = r.lines();
    assert_eq!(
        rule_severities(&lines[0]),
        [("omnisend.body.unknown_field", "error")]
    );
    assert_eq!(lines[0]["valid"], false);
    assert_eq!(lines[0]["normalized"], Value::Null);
    assert_eq!(
        rule_severities(&lines[1]),
        [("omnisend.gender.enum", "warning")]
    );
    assert_eq!(lines[1]["valid"], true);
    assert_eq!(lines[1]["normalized"]["gender"], "x");
    assert_eq!(rule_severities(&lines[2]), []);
    assert_eq!(lines[2]["valid"], true);
    assert_eq!(
        counts(&r),
        "documents: 3, valid: 2, invalid: 1, warnings: 1"
    );

    // Only the misspelt member left refusing: exit 0 once it is allowed.
    let r = run(
        &[
            "--provider",
            "omnisend",
            "--warn",
            "omnisend.gender.enum",
            "--allow",
            "omnisend.body.unknown_field",
        ],
        &input,
    );
    assert_eq!(r.code, 0, "{r:?}");
    assert_eq!(rule_severities(&r.lines()[0]), []);
}

#[test]
fn policy_exact_ids_win_then_the_last_pattern() {
    let input = ndjson(&[INVALID, r#"{"email":"a@example.com"}"#]);
    let r = run(
        &[
            "--provider",
            "omnisend",
            "--allow",
            "omnisend.*",
            "--deny",
            "omnisend.tags.advice",
        ],
        &input,
    );
    assert_eq!(r.code, 1, "{r:?}");
    let lines = r.lines();
    assert_eq!(rule_severities(&lines[0]), []);
    assert_eq!(
        rule_severities(&lines[1]),
        [("omnisend.tags.advice", "error")]
    );
    // Of two patterns, the later one.
    let r = run(
        &[
            "--provider",
            "omnisend",
            "--allow",
            "omnisend.*",
            "--warn",
            "*.enum",
        ],
        &input,
    );
    assert_eq!(r.code, 0, "{r:?}");
    assert_eq!(
        rule_severities(&r.lines()[0]),
        [("omnisend.gender.enum", "warning")]
    );
}

#[test]
fn policy_file_then_flags() {
    let file = TempFile::new(
        b"# our account\ndeny-unknown-members\nallow omnisend.tags.advice  # we tag ourselves\nwarning omnisend.gender.*\n",
    );
    let input = ndjson(&[MISSPELT, INVALID, r#"{"email":"a@example.com"}"#]);
    let r = run(&["--provider", "omnisend", "--policy", file.path()], &input);
    assert_eq!(r.code, 1, "{r:?}");
    let lines = r.lines();
    assert_eq!(
        rule_severities(&lines[0]),
        [("omnisend.body.unknown_field", "error")]
    );
    assert_eq!(
        rule_severities(&lines[1]),
        [("omnisend.gender.enum", "warning")]
    );
    assert_eq!(rule_severities(&lines[2]), []);
    // A flag naming the rule wins over the file's deny-unknown-members.
    let r = run(
        &[
            "--provider",
            "omnisend",
            "--policy",
            file.path(),
            "--warn",
            "omnisend.body.unknown_field",
        ],
        &input,
    );
    assert_eq!(r.code, 0, "{r:?}");
    assert_eq!(
        rule_severities(&r.lines()[0]),
        [("omnisend.body.unknown_field", "warning")]
    );
}

#[test]
fn a_bad_policy_is_a_usage_error() {
    let fatal = |args: &[&str], message: &str| {
        let mut all = vec!["--provider", "omnisend"];
        all.extend_from_slice(args);
        let r = run(&all, VALID.as_bytes());
        r.assert_fatal(message);
        assert!(
            r.stderr.contains("run `validate --help` for usage"),
            "{r:?}"
        );
    };
    fatal(
        &["--deny", "omnisend.tags.advise"],
        "validate: --deny: unknown rule `omnisend.tags.advise`; did you mean `omnisend.tags.advice`?\n",
    );
    fatal(
        &["--warn=omnisend.gender.enun"],
        "validate: --warn: unknown rule `omnisend.gender.enun`; did you mean `omnisend.gender.enum`?\n",
    );
    fatal(
        &["--allow", "mailchimp.*"],
        "validate: --allow: `mailchimp.*` matches no rule\n",
    );
    fatal(
        &["--allow", "input.body.type"],
        "validate: --allow: `input.body.type` is always an error",
    );
    fatal(&["--deny"], "validate: --deny needs a value");
    fatal(&["--deny-unknown=yes"], "--deny-unknown takes no value");
    let file = TempFile::new(b"deny-unknown-members\n\nsilence omnisend.tags.advice\n");
    fatal(
        &["--policy", file.path()],
        &format!(
            "validate: --policy `{}`: line 3: unknown level `silence`; expected deny, warn or allow (or error, warning, off)\n",
            file.path()
        ),
    );
    let file = TempFile::new(b"deny omnisend.tags.advice\nallow raia.nope\n");
    fatal(
        &["--policy", file.path()],
        "line 2: unknown rule `raia.nope`",
    );
    fatal(
        &["--policy", file.path(), "--policy", file.path()],
        "--policy given twice",
    );
    let missing = std::env::temp_dir().join("omnicontact-cli-no-such-policy");
    let r = run(
        &[
            "--provider",
            "omnisend",
            "--policy",
            missing.to_str().unwrap(),
        ],
        VALID.as_bytes(),
    );
    r.assert_fatal("validate: cannot read `");
}

#[test]
fn policy_conversion_losses_follow_it() {
    let input = ndjson(&[
        r#"{"client_user_id":"u1","name":"Jane Doe","age":34,"email":"jane@example.com"}"#,
    ]);
    let plain = run(&["--provider", "sendios", "--to", "omnisend"], &input);
    assert_eq!(plain.code, 0, "{plain:?}");
    assert!(rules(&plain.lines()[0]).contains(&"convert.age.lossy"));
    let r = run(
        &[
            "--provider",
            "sendios",
            "--to",
            "omnisend",
            "--deny",
            "convert.age.lossy",
            "--allow",
            "convert.name.lossy",
        ],
        &input,
    );
    assert_eq!(r.code, 1, "{r:?}");
    let line = &r.lines()[0];
    let converted: Vec<_> = line["violations"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|v| v["rule"].as_str().unwrap().starts_with("convert."))
        .map(|v| {
            (
                v["rule"].as_str().unwrap(),
                v["severity"].as_str().unwrap(),
                v["in"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(converted, [("convert.age.lossy", "error", "converted")]);
}

#[test]
fn jobs_do_not_change_the_output_with_a_policy() {
    let file = TempFile::new(&mixed_records(0, 1_500));
    let run_with = |jobs: &str| {
        run(
            &[
                "--provider",
                "omnisend",
                "--jobs",
                jobs,
                "--warn",
                "omnisend.gender.enum",
                "--allow",
                "omnisend.tags.advice",
                "--deny",
                "*.format",
                file.path(),
            ],
            b"",
        )
    };
    let one = run_with("1");
    let lines = one.lines();
    let found: Vec<(&str, &str)> = lines.iter().flat_map(rule_severities).collect();
    assert!(found.contains(&("omnisend.gender.enum", "warning")));
    assert!(found.contains(&("input.json.format", "error")));
    assert!(
        !found
            .iter()
            .any(|(rule, _)| *rule == "omnisend.tags.advice")
    );
    // Broken JSON still refuses its document; nothing else does.
    let invalid = lines.iter().filter(|l| l["valid"] == false).count();
    let broken = lines
        .iter()
        .filter(|l| rules(l).contains(&"input.json.format"))
        .count();
    assert_eq!(invalid, broken);
    assert_eq!(one.code, 1, "{}", one.stderr);
    for jobs in ["2", "7"] {
        let many = run_with(jobs);
        assert_eq!(many.code, one.code, "--jobs {jobs}: {}", many.stderr);
        assert!(
            many.stdout == one.stdout,
            "--jobs {jobs}: the output differs"
        );
        assert_eq!(counts(&many), counts(&one), "--jobs {jobs}");
    }
}

#[test]
fn list_rules_shows_the_levels_of_a_policy() {
    let plain = run(&["--list-rules"], b"");
    let r = run(
        &[
            "--list-rules",
            "--deny-unknown",
            "--allow",
            "omnisend.tags.advice",
            "--warn",
            "omnisend.gender.*",
        ],
        b"",
    );
    assert_eq!(r.code, 0, "{r:?}");
    let changed: Vec<(String, String)> = r
        .lines()
        .iter()
        .zip(plain.lines())
        .filter(|(with, without)| *with != without)
        .map(|(with, _)| {
            (
                with["id"].as_str().unwrap().to_owned(),
                with["severity"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let changed: Vec<(&str, &str)> = changed
        .iter()
        .map(|(id, level)| (id.as_str(), level.as_str()))
        .collect();
    assert_eq!(
        changed,
        [
            ("input.path.unknown_field", "error"),
            ("input.query.unknown_field", "error"),
            ("sendios.body.unknown_field", "error"),
            ("suprsend.androidpush.unknown_field", "error"),
            ("suprsend.iospush.unknown_field", "error"),
            ("suprsend.slack.unknown_field", "error"),
            ("suprsend.ms_teams.unknown_field", "error"),
            ("raia.metadata.unknown_field", "error"),
            ("raia.body.unknown_field", "error"),
            ("omnisend.gender.type", "warning"),
            ("omnisend.tags.advice", "off"),
            ("omnisend.gender.enum", "warning"),
            ("omnisend.body.unknown_field", "error"),
        ]
    );
    run(&["--list-rules", "--deny", "nope"], b"").assert_fatal("--deny: unknown rule `nope`");
}

#[test]
fn help_documents_the_policy_flags() {
    let r = run(&["--help"], b"");
    assert_eq!(r.code, 0);
    for flag in [
        "--deny RULE",
        "--warn RULE",
        "--allow RULE",
        "--deny-unknown",
        "--policy FILE",
        "deny RULE | warn RULE | allow RULE | deny-unknown-members",
    ] {
        assert!(r.stdout.contains(flag), "{flag}: {}", r.stdout);
    }
}

// ---------------------------------------------------------------- echo

#[test]
fn echo_prints_each_line_parsed_and_serialized_again() {
    let input = b"{\"b\": 1, \"a\": [1, 2.5, \"x\\u0041\"]}\n\n  {\"z\":null}\r\n";
    let run = run_example(echo_binary(), &[], input);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(run.stdout, "{\"b\":1,\"a\":[1,2.5,\"xA\"]}\n{\"z\":null}\n");
    let file = TempFile::new(b"[1]\n");
    let run = run_example(echo_binary(), &[file.path(), "-", file.path()], b"2\n");
    assert_eq!(run.stdout, "[1]\n2\n[1]\n");

    let run = run_example(echo_binary(), &[], b"{}\n{\"a\":\n");
    assert_eq!(run.code, 2, "{run:?}");
    assert_eq!(run.stdout, "{}\n");
    assert!(run.stderr.starts_with("echo: line 2: "), "{run:?}");
}
