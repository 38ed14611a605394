//! Property tests (proptest) of `examples/validate.rs` on random byte
//! streams, through the built example with its stdin a pipe.
//!
//! A stream mixes realistic records of every provider (one a line, several
//! on a line, or pretty-printed over several lines), broken documents
//! (truncated JSON, invalid UTF-8, stray scalars, lone brackets), now and
//! then a document of a few hundred kilobytes (validated by the large-
//! document workers of `--jobs N`), blank lines, whitespace and a byte
//! order mark. On each stream, run with `--provider omnisend` and
//! `--jobs 1`, then `--jobs 4`:
//!
//! - stdout is whole lines, each valid JSON; there is one line per
//!   document that `omnicontact::stream::Documents` finds in the same
//!   bytes, `index` counts them from 0 and `line` is the document's
//!   `line()`;
//! - each line's `valid`, `violations` and `changes` are those of the
//!   library's own report on that document;
//! - the summary counts the lines, and the exit status is 0 when every
//!   line is valid, else 1;
//! - `--jobs 1` and `--jobs 4` print byte for byte the same output and
//!   the same summary counts.
//!
//! Each case runs the example twice: the case count is kept modest so that
//! the file runs in well under a minute in a debug build. A failure is
//! persisted by proptest in `stream_properties.proptest-regressions` beside
//! this file, replayed first on every run.

#[path = "support/example.rs"]
mod example;
#[path = "../benches/support/records.rs"]
mod records;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;

use omnicontact::stream::{Document, Documents};
use omnicontact::{Provider, Validator};
use proptest::prelude::*;
use proptest::sample::select;
use serde_json::Value;

/// Cases: each runs the example twice on a stream of up to
/// [`MAX_PIECES`] pieces.
const CASES: u32 = 40;
/// The most pieces in one stream.
const MAX_PIECES: usize = 48;

/// The `validate` example binary.
fn binary() -> &'static Path {
    static BINARY: OnceLock<PathBuf> = OnceLock::new();
    BINARY.get_or_init(|| example::example("validate"))
}

// ---------------------------------------------------------------------------
// Streams

/// One piece of a stream, described compactly (a failing case prints the
/// pieces, not megabytes of bytes).
#[derive(Debug, Clone)]
enum Piece {
    /// Record `i` of a provider, on one line.
    Record(Provider, usize),
    /// Record `i`, pretty-printed over several lines.
    Pretty(Provider, usize),
    /// Record `i`, cut after `keep` of its bytes (0 to 999 per thousand).
    Truncated(Provider, usize, usize),
    /// Record `i` with `bytes` (not UTF-8) put in at `at` per thousand of
    /// its length.
    BadUtf8(Provider, usize, usize, &'static [u8]),
    /// A line that is no JSON document, or only a piece of one.
    Stray(&'static str),
    /// An Omnisend record of about `size` bytes: a long custom property,
    /// a long array, or the same cut short.
    Huge(HugeKind, usize),
    /// Whitespace only.
    Blank(&'static str),
}

/// How a [`Piece::Huge`] document is large.
#[derive(Debug, Clone, Copy)]
enum HugeKind {
    /// One long string property.
    LongString,
    /// A long array of numbers where a string is expected.
    LongArray,
    /// A long array, never closed.
    Unclosed,
}

impl Piece {
    fn bytes(&self) -> Vec<u8> {
        match *self {
            Piece::Record(p, i) => records::record(p, i).into_bytes(),
            Piece::Pretty(p, i) => {
                let value: Value =
                    serde_json::from_str(&records::record(p, i)).expect("records are JSON");
                serde_json::to_vec_pretty(&value).expect("a Value serializes")
            }
            Piece::Truncated(p, i, keep) => {
                let mut bytes = records::record(p, i).into_bytes();
                bytes.truncate(bytes.len() * keep / 1000);
                bytes
            }
            Piece::BadUtf8(p, i, at, bad) => {
                let mut bytes = records::record(p, i).into_bytes();
                let at = bytes.len() * at / 1000;
                bytes.splice(at..at, bad.iter().copied());
                bytes
            }
            Piece::Stray(text) | Piece::Blank(text) => text.as_bytes().to_vec(),
            Piece::Huge(kind, size) => {
                let head = r#"{"email":"huge@example.com","tags":["source: test"],"custom_properties":{"notes":"#;
                let mut bytes = head.as_bytes().to_vec();
                match kind {
                    HugeKind::LongString => {
                        bytes.push(b'"');
                        bytes.extend(std::iter::repeat_n(b'x', size));
                        bytes.extend_from_slice(b"\"}}");
                    }
                    HugeKind::LongArray | HugeKind::Unclosed => {
                        bytes.push(b'[');
                        bytes.extend_from_slice(&b"1,".repeat(size / 2));
                        bytes.push(b'1');
                        if let HugeKind::LongArray = kind {
                            bytes.extend_from_slice(b"]}}");
                        }
                    }
                }
                bytes
            }
        }
    }
}

/// Byte sequences that are not UTF-8: a byte that never occurs, a cut
/// two- and three-byte sequence, a surrogate, an overlong `/`.
const BAD_UTF8: &[&[u8]] = &[b"\xff", b"\xc3", b"\xe2\x82", b"\xed\xa0\x80", b"\xc0\xaf"];

fn provider() -> impl Strategy<Value = Provider> {
    select(&records::PROVIDERS[..])
}

/// Mostly ordinary records; now and then a huge one (they are slow to
/// validate in a debug build).
fn piece() -> impl Strategy<Value = Piece> {
    let i = 0usize..10_000;
    prop_oneof![
        24 => (provider(), i.clone()).prop_map(|(p, i)| Piece::Record(p, i)),
        4 => (provider(), i.clone()).prop_map(|(p, i)| Piece::Pretty(p, i)),
        6 => (provider(), i.clone(), 0usize..1000).prop_map(|(p, i, k)| Piece::Truncated(p, i, k)),
        4 => (
            provider(),
            i,
            0usize..1000,
            select(BAD_UTF8),
        )
            .prop_map(|(p, i, at, bad)| Piece::BadUtf8(p, i, at, bad)),
        6 => select(&[
            "42", "-1.5e3", "true", "null", "nul", "\"a string\"", "'single'", "{", "}", "[", "]",
            "][", "{}", "[]", "{\"a\":", "{\"a\":1,}", "[1,2", "\"unclosed", "NaN", "x",
            "\u{feff}{}", "{\"a\":\"\\u12\"}", "{\"a\":\"b\"}}", "{\"e\":1e999}",
        ][..])
        .prop_map(Piece::Stray),
        1 => (
            select(&[HugeKind::LongString, HugeKind::LongArray, HugeKind::Unclosed][..]),
            100_000usize..400_000,
        )
            .prop_map(|(kind, size)| Piece::Huge(kind, size)),
        4 => blank(),
    ]
}

fn blank() -> impl Strategy<Value = Piece> {
    select(&["", " ", "\t", "\r", "  \t ", "\n", "\r\n\r\n"][..]).prop_map(Piece::Blank)
}

/// Omnisend records only, and whitespace: every document valid.
fn valid_piece() -> impl Strategy<Value = Piece> {
    let i = 0usize..10_000;
    prop_oneof![
        6 => i.clone().prop_map(|i| Piece::Record(Provider::Omnisend, i)),
        1 => i.prop_map(|i| Piece::Pretty(Provider::Omnisend, i)),
        1 => blank(),
    ]
}

/// What goes after a piece: mostly a line feed, sometimes nothing (the
/// next piece on the same line), spaces or blank lines.
fn separator() -> impl Strategy<Value = &'static str> {
    prop_oneof![
        10 => Just("\n"),
        2 => Just("\r\n"),
        1 => Just(""),
        1 => Just(" "),
        1 => Just("\n\n \n"),
    ]
}

/// A stream: a byte order mark or not, then pieces with their separators:
/// mostly mixed (a huge piece in about one stream in three), sometimes
/// valid documents only.
fn stream() -> impl Strategy<Value = (bool, Vec<(Piece, &'static str)>)> {
    let pieces = prop_oneof![
        5 => prop::collection::vec((piece(), separator()), 0..MAX_PIECES),
        1 => prop::collection::vec((valid_piece(), separator()), 0..MAX_PIECES / 2),
    ];
    (prop::bool::weighted(0.1), pieces)
}

fn render(bom: bool, pieces: &[(Piece, &'static str)]) -> Vec<u8> {
    let mut out = Vec::new();
    if bom {
        out.extend_from_slice(b"\xEF\xBB\xBF");
    }
    for (piece, separator) in pieces {
        out.extend_from_slice(&piece.bytes());
        out.extend_from_slice(separator.as_bytes());
    }
    out
}

// ---------------------------------------------------------------------------
// Runs

/// How one run ended and what it printed.
#[derive(Debug)]
struct Run {
    code: Option<i32>,
    stdout: Vec<u8>,
    stderr: String,
}

impl Run {
    /// The summary's counts, without the elapsed time.
    fn counts(&self) -> &str {
        self.stderr
            .lines()
            .last()
            .and_then(|l| l.split_once(", elapsed: "))
            .map_or("", |(counts, _)| counts)
    }
}

/// Runs the example with `--jobs jobs` on `input` through a pipe.
fn run(jobs: &str, input: Vec<u8>) -> Run {
    let mut child = Command::new(binary())
        .args(["--provider", "omnisend", "--jobs", jobs])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the example runs");
    let mut stdin = child.stdin.take().expect("stdin is piped");
    // Fed from a thread, so a large input cannot deadlock with the output.
    let feeder = std::thread::spawn(move || stdin.write_all(&input));
    let output = child.wait_with_output().expect("the example finishes");
    feeder
        .join()
        .expect("the feeder finishes")
        .expect("the example reads its whole input");
    Run {
        code: output.status.code(),
        stdout: output.stdout,
        stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
    }
}

/// Checks one run against the documents of its input; panics on a broken
/// property.
fn check(jobs: &str, run: &Run, documents: &[Document], validator: &Validator) {
    assert!(
        run.stdout.is_empty() || run.stdout.ends_with(b"\n"),
        "--jobs {jobs}: the output ends in the middle of a line"
    );
    let lines: Vec<Value> = run
        .stdout
        .split_inclusive(|&b| b == b'\n')
        .map(|l| {
            serde_json::from_slice(l)
                .unwrap_or_else(|e| panic!("--jobs {jobs}: {e}: {}", String::from_utf8_lossy(l)))
        })
        .collect();
    assert_eq!(
        lines.len(),
        documents.len(),
        "--jobs {jobs}: {}",
        run.stderr
    );
    for (i, (line, document)) in lines.iter().zip(documents).enumerate() {
        assert_eq!(line["index"], i, "--jobs {jobs}");
        assert_eq!(line["line"], document.line(), "--jobs {jobs}: index {i}");
        let report = document.validate(validator);
        assert_eq!(line["valid"], report.is_valid(), "--jobs {jobs}: index {i}");
        assert_eq!(
            line["violations"],
            serde_json::to_value(report.violations()).expect("violations serialize"),
            "--jobs {jobs}: index {i}"
        );
        assert_eq!(
            line["changes"],
            serde_json::to_value(report.changes()).expect("changes serialize"),
            "--jobs {jobs}: index {i}"
        );
    }
    let valid = lines.iter().filter(|l| l["valid"] == true).count();
    assert_eq!(
        run.counts(),
        format!(
            "documents: {}, valid: {valid}, invalid: {}, warnings: {}",
            lines.len(),
            lines.len() - valid,
            lines
                .iter()
                .flat_map(|l| l["violations"].as_array().expect("an array"))
                .filter(|v| v["severity"] == "warning")
                .count()
        ),
        "--jobs {jobs}: {}",
        run.stderr
    );
    let expected = if valid == lines.len() { 0 } else { 1 };
    assert_eq!(run.code, Some(expected), "--jobs {jobs}: {}", run.stderr);
    assert_eq!(
        run.stderr.lines().count(),
        1,
        "--jobs {jobs}: {}",
        run.stderr
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: CASES, ..ProptestConfig::default() })]

    #[test]
    fn the_output_has_one_line_per_document_whatever_the_jobs((bom, pieces) in stream()) {
        let input = render(bom, &pieces);
        let documents: Vec<Document> = Documents::new(&input[..])
            .collect::<Result<_, _>>()
            .expect("a slice reads");
        let validator = Validator::new(Provider::Omnisend);
        let one = run("1", input.clone());
        check("1", &one, &documents, &validator);
        let four = run("4", input);
        check("4", &four, &documents, &validator);
        prop_assert!(four.stdout == one.stdout, "--jobs 4 and --jobs 1 differ");
        prop_assert_eq!(four.counts(), one.counts());
    }
}
