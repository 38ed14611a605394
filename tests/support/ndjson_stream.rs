//! The check of the `ndjson_stream` fuzz target, shared with the test that
//! replays its seed corpus (`tests/fuzz_seeds.rs`).
//!
//! The first byte of the input picks a small size limit (0 to 63 bytes),
//! the second a read buffer capacity (1 to 16 bytes); the rest is split by
//! `Documents` with no limit to speak of, with the small limit, and with the
//! small buffer. Nothing panics, no I/O error is yielded, and
//!
//! - the documents tile the input: in order, they never overlap, they are
//!   separated only by whitespace (space, tab, CR, LF, and a byte order
//!   mark at the very start), each starts and ends with a non-whitespace
//!   byte, and nothing but whitespace is left after the last;
//!   `bytes()` is the input's span where not truncated, and its first
//!   `limit` bytes where truncated, which is exactly when `len() > limit`;
//! - indexes count from 0, `line()` is the 1-based line of the first byte,
//!   so lines never decrease, and `column()` its 1-based byte column;
//! - the split does not depend on the limit (except for truncation) or on
//!   the buffer size;
//! - every document validates (Omnisend, as a body and as an envelope)
//!   without panicking; a truncated one is `input.body.max_length`.

use std::io::{self, BufReader};

use omnicontact::stream::Documents;
use omnicontact::{Document, Provider, Validator};

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Runs the checks on `data`; panics on a broken invariant.
pub fn check(data: &[u8]) {
    let (limit, capacity, input) = match data {
        [a, b, rest @ ..] => (usize::from(*a % 64), usize::from(*b % 16) + 1, rest),
        _ => (8, 1, data),
    };
    let whole = split(Documents::new(input));
    tiles(input, &whole, usize::MAX);
    let limited = split(Documents::with_max_bytes(input, limit));
    tiles(input, &limited, limit);
    assert_eq!(whole.len(), limited.len(), "the limit changed the split");
    for (w, l) in whole.iter().zip(&limited) {
        assert_eq!(
            (w.index(), w.line(), w.column(), w.len()),
            (l.index(), l.line(), l.column(), l.len())
        );
    }
    let chunked = split(Documents::new(BufReader::with_capacity(capacity, input)));
    assert_eq!(chunked, whole, "the buffer size changed the split");
    let chunked = split(Documents::with_max_bytes(
        BufReader::with_capacity(capacity, input),
        limit,
    ));
    assert_eq!(chunked, limited, "the buffer size changed the split");
    let validator = Validator::new(Provider::Omnisend);
    for doc in whole.iter().chain(&limited) {
        let body = doc.validate(&validator);
        let envelope = doc.validate_envelope(&validator);
        if doc.is_truncated() {
            for report in [&body, &envelope] {
                assert_eq!(
                    report.violations()[0].rule(),
                    "input.body.max_length",
                    "{report}"
                );
            }
        }
    }
}

fn split<R: io::BufRead>(docs: Documents<R>) -> Vec<Document> {
    docs.collect::<io::Result<_>>()
        .expect("reading a slice never fails")
}

fn is_ws(b: &u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r' | b'\n')
}

/// `docs` tile `input` (see the module docs); `limit` is the size limit.
fn tiles(input: &[u8], docs: &[Document], limit: usize) {
    let mut pos = if input.starts_with(BOM) { BOM.len() } else { 0 };
    let mut last_line = 1;
    for (i, doc) in docs.iter().enumerate() {
        while input.get(pos).is_some_and(is_ws) {
            pos += 1;
        }
        assert_eq!(doc.index(), i);
        let line = 1 + input[..pos].iter().filter(|&&b| b == b'\n').count();
        assert_eq!(doc.line(), line, "document {i}");
        let line_start = input[..pos]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |at| at + 1);
        assert_eq!(doc.column(), pos - line_start + 1, "document {i}");
        assert!(doc.line() >= last_line, "document {i} goes back a line");
        last_line = doc.line();
        let end = pos.checked_add(doc.len()).expect("no overflow");
        assert!(end <= input.len(), "document {i} runs past the input");
        let span = &input[pos..end];
        assert!(!span.is_empty(), "document {i} is empty");
        assert!(
            !is_ws(&span[0]) && !is_ws(&span[span.len() - 1]),
            "document {i}: {span:?}"
        );
        assert_eq!(doc.is_truncated(), doc.len() > limit, "document {i}");
        if doc.is_truncated() {
            assert_eq!(doc.bytes(), &span[..limit], "document {i}");
        } else {
            assert_eq!(doc.bytes(), span, "document {i}");
        }
        pos = end;
    }
    assert!(
        input[pos..].iter().all(is_ws),
        "left over: {:?}",
        &input[pos..]
    );
}
