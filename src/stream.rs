//! Splitting a byte stream into JSON documents: one pretty-printed
//! document, NDJSON (one document per line), or several pretty-printed
//! documents one after another.
//!
//! [`Documents`] reads any [`BufRead`] and yields one [`Document`] at a time,
//! with its index and the line it starts on. It never parses JSON (the
//! [`Validator`] does); it only finds where each document begins and ends,
//! so that a broken document is reported on its own and the batch goes on.
//!
//! # Splitting rules
//!
//! - Whitespace between documents is skipped: space, tab, CR and LF, and a
//!   UTF-8 byte order mark (U+FEFF) at the very start of the input.
//! - A document that starts with `{` or `[` extends until its brackets
//!   balance. Brackets inside strings do not count; strings are tracked byte
//!   by byte with their backslash escapes, so `"a \" ] b"` is one string.
//!   Whatever follows a complete document on the same line is the start of
//!   the next one (`{"a":1}{"b":2}` is two documents).
//! - Such a document ends early, as a *broken* document, when
//!   - a raw line feed occurs inside a string (JSON forbids it, so the
//!     string was not closed on its line), or
//!   - while it is still open, a new line begins with `{` or `[` in its
//!     first column. This keeps one broken NDJSON line from swallowing the
//!     records after it. Pretty-printers indent nested values, so a
//!     pretty-printed document is not affected; the limit of this heuristic
//!     is a document whose nested objects or arrays start in column 1,
//!     which is split there (write such a document on one line, or indent
//!     it), and a broken line followed by *indented* records, which runs on
//!     until its brackets balance or the next column-1 `{` / `[`.
//! - A document that starts with anything else (a stray scalar, a line of
//!   text) extends to the end of its line.
//! - Trailing whitespace is not part of a document.
//!
//! Reading resumes right after a broken document, so one bad line never
//! stops a batch and the line numbers of the documents after it stay right.
//! Invalid UTF-8 is passed on as bytes: the validator reports it.
//!
//! The splitter runs in linear time and keeps at most one document in memory
//! (and of that at most the size limit, [`DEFAULT_MAX_BYTES`] unless set
//! with [`Documents::with_max_bytes`]); a longer document is counted to its
//! end but not kept, and validates to an `input.body.max_length` error.
//!
//! ```
//! use omnicontact::stream::Documents;
//! use omnicontact::{Provider, Validator};
//!
//! let input = "{\"email\":\"a@b.co\",\"tags\":[\"source: x\"]}\n{\"email\":\n{\"phone\":\"+37061234567\",\"tags\":[\"source: x\"]}\n";
//! let validator = Validator::new(Provider::Omnisend);
//! let mut lines = Vec::new();
//! for document in Documents::new(input.as_bytes()) {
//!     let document = document?;
//!     lines.push((document.line(), document.validate(&validator).is_valid()));
//! }
//! assert_eq!(lines, [(1, true), (2, false), (3, true)]);
//! # Ok::<(), std::io::Error>(())
//! ```
//!
//! [`Validator`]: crate::Validator

use std::fmt;
use std::io::{self, BufRead};
use std::iter::FusedIterator;

use crate::options::DEFAULT_MAX_BYTES;
use crate::parse::Origin;
use crate::providers::Provider;
use crate::report::{Location, Report};
use crate::rules;
use crate::validator::Validator;

/// The UTF-8 encoding of U+FEFF, skipped at the very start of the input.
const BOM: &[u8; 3] = b"\xEF\xBB\xBF";

/// One document found by [`Documents`]: its place in the input and its
/// bytes.
///
/// ```
/// use omnicontact::stream::Documents;
///
/// let doc = Documents::new(&b"\n\n  {\"a\": 1}\n"[..]).next().unwrap()?;
/// assert_eq!(doc.index(), 0);
/// assert_eq!(doc.line(), 3);
/// assert_eq!(doc.bytes(), b"{\"a\": 1}");
/// assert_eq!(doc.len(), 8);
/// assert!(!doc.is_truncated());
/// # Ok::<(), std::io::Error>(())
/// ```
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    index: usize,
    line: usize,
    column: usize,
    bytes: Vec<u8>,
    len: usize,
}

impl Document {
    /// The 0-based number of this document among those its [`Documents`]
    /// produced.
    ///
    /// ```
    /// use omnicontact::stream::Documents;
    /// let docs: Vec<_> = Documents::new(&b"1 2 3"[..]).map(|d| d.unwrap().index()).collect();
    /// assert_eq!(docs, [0]); // a scalar extends to the end of its line
    /// let docs: Vec<_> = Documents::new(&b"[1] [2] [3]"[..]).map(|d| d.unwrap().index()).collect();
    /// assert_eq!(docs, [0, 1, 2]);
    /// ```
    #[must_use]
    pub fn index(&self) -> usize {
        self.index
    }

    /// The 1-based line on which the document's first byte is.
    ///
    /// ```
    /// use omnicontact::stream::Documents;
    /// let lines: Vec<_> = Documents::new(&b"{\n  \"a\": 1\n}\n\n{}"[..])
    ///     .map(|d| d.unwrap().line())
    ///     .collect();
    /// assert_eq!(lines, [1, 5]);
    /// ```
    #[must_use]
    pub fn line(&self) -> usize {
        self.line
    }

    /// The 1-based column, in bytes, of the document's first byte on its
    /// [line](Document::line) (a byte order mark at the start of the input
    /// counts as three). Syntax errors on that line name columns of the
    /// stream, counted from this one.
    ///
    /// ```
    /// use omnicontact::stream::Documents;
    /// use omnicontact::{Provider, Validator};
    ///
    /// let docs: Vec<_> = Documents::new(&b"{}  {\"email\": }\n\t[]"[..]).map(|d| d.unwrap()).collect();
    /// let at: Vec<_> = docs.iter().map(|d| (d.line(), d.column())).collect();
    /// assert_eq!(at, [(1, 1), (1, 5), (2, 2)]);
    /// let r = docs[1].validate(&Validator::new(Provider::Omnisend));
    /// assert!(r.violations()[0].message().ends_with("at line 1 column 15"));
    /// ```
    #[must_use]
    pub fn column(&self) -> usize {
        self.column
    }

    /// Where the document starts in the stream.
    fn origin(&self) -> Origin {
        Origin {
            line: self.line,
            column: self.column,
        }
    }

    /// The document's bytes; for a [truncated](Document::is_truncated)
    /// document only its first bytes, up to the splitter's limit.
    ///
    /// ```
    /// use omnicontact::stream::Documents;
    /// let doc = Documents::new(&b"{\"a\":1}{\"b\":2}"[..]).nth(1).unwrap()?;
    /// assert_eq!(doc.bytes(), b"{\"b\":2}");
    /// # Ok::<(), std::io::Error>(())
    /// ```
    #[must_use]
    pub fn bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// The document's full length in bytes, also when it was too long to
    /// be kept. A document is never empty.
    ///
    /// ```
    /// use omnicontact::stream::Documents;
    /// let doc = Documents::with_max_bytes(&b"[1, 2, 3]"[..], 4).next().unwrap()?;
    /// assert_eq!(doc.len(), 9);
    /// assert_eq!(doc.bytes(), b"[1, ");
    /// # Ok::<(), std::io::Error>(())
    /// ```
    #[must_use]
    #[expect(
        clippy::len_without_is_empty,
        reason = "a document has at least one non-whitespace byte"
    )]
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether the document was longer than the splitter's limit, so that
    /// only its first bytes were kept.
    ///
    /// ```
    /// use omnicontact::stream::Documents;
    /// let mut docs = Documents::with_max_bytes(&b"[1, 2, 3]\n[]"[..], 4);
    /// assert!(docs.next().unwrap()?.is_truncated());
    /// assert!(!docs.next().unwrap()?.is_truncated());
    /// # Ok::<(), std::io::Error>(())
    /// ```
    #[must_use]
    pub fn is_truncated(&self) -> bool {
        self.bytes.len() < self.len
    }

    /// Validates the document as a request body
    /// ([`Validator::validate_bytes`]). A truncated document is an
    /// `input.body.max_length` error, whatever the validator's own limit;
    /// a syntax error names the line of the stream, not of the document.
    ///
    /// ```
    /// use omnicontact::stream::Documents;
    /// use omnicontact::{Provider, Validator};
    ///
    /// let v = Validator::new(Provider::Omnisend);
    /// let doc = Documents::new(&b"{\"email\":\" a@B.co\",\"tags\":[\"source: x\"]}"[..]).next().unwrap()?;
    /// assert_eq!(doc.validate(&v).normalized().unwrap()["email"], "a@B.co");
    ///
    /// let doc = Documents::with_max_bytes(&b"{\"email\":\"a@b.co\"}"[..], 8).next().unwrap()?;
    /// assert_eq!(doc.validate(&v).violations()[0].rule(), "input.body.max_length");
    ///
    /// let doc = Documents::new(&b"{}\n{\"email\": }"[..]).nth(1).unwrap()?;
    /// assert!(doc.validate(&v).violations()[0].message().ends_with("at line 2 column 11"));
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn validate(&self, validator: &Validator) -> Report {
        match self.too_long(validator) {
            Some(report) => report,
            None => validator.validate_document(&self.bytes, self.origin(), false),
        }
    }

    /// Validates the document as a request envelope
    /// ([`Validator::validate_envelope_str`]); invalid UTF-8 is an
    /// `input.json.format` error and a truncated document an
    /// `input.body.max_length` error.
    ///
    /// ```
    /// use omnicontact::stream::Documents;
    /// use omnicontact::{Provider, Validator};
    ///
    /// let v = Validator::new(Provider::Omnisend);
    /// let doc = Documents::new(&br#"{"body":{"email":" a@B.co","tags":["source: x"]}}"#[..]).next().unwrap()?;
    /// assert_eq!(doc.validate_envelope(&v).normalized().unwrap()["body"]["email"], "a@B.co");
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn validate_envelope(&self, validator: &Validator) -> Report {
        if let Some(report) = self.too_long(validator) {
            return report;
        }
        validator.validate_document(&self.bytes, self.origin(), true)
    }

    /// Validates the document and converts it to `target`
    /// ([`Validator::convert_str`]; with `envelope`,
    /// [`Validator::convert_envelope_str`]).
    ///
    /// ```
    /// use omnicontact::stream::Documents;
    /// use omnicontact::{Provider, Validator};
    ///
    /// let v = Validator::new(Provider::Raia);
    /// let doc = Documents::new(&br#"{"firstName":"A","lastName":"B","email":"a@example.com"}"#[..]).next().unwrap()?;
    /// assert_eq!(doc.convert(&v, Provider::RocketChat, false).converted().unwrap()["name"], "A B");
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn convert(&self, validator: &Validator, target: Provider, envelope: bool) -> Report {
        if let Some(report) = self.too_long(validator) {
            return report;
        }
        validator.convert_document(&self.bytes, self.origin(), envelope, target)
    }

    /// The `input.body.max_length` report of a truncated document (which
    /// still counts as a document of the validator's batch).
    fn too_long(&self, validator: &Validator) -> Option<Report> {
        // A truncated document keeps exactly the splitter's limit in bytes.
        self.is_truncated().then(|| {
            validator.skip_document();
            Report::single(
                rules::INPUT_BODY_MAX_LENGTH,
                Location::Body,
                "",
                format!(
                    "the document is {} bytes, more than the {} allowed",
                    self.len,
                    self.bytes.len()
                ),
            )
        })
    }
}

/// The JSON documents of a byte stream, in order (see the [module
/// documentation](self) for the splitting rules).
///
/// An I/O error is yielded once, and then the iterator ends.
///
/// ```
/// use omnicontact::stream::Documents;
///
/// let input = b"{\n  \"a\": [1, 2]\n}\n{\"b\": \"}\"}\nnot json\n";
/// let docs: Vec<_> = Documents::new(&input[..]).collect::<Result<_, _>>()?;
/// let found: Vec<_> = docs.iter().map(|d| (d.index(), d.line(), d.bytes())).collect();
/// assert_eq!(found, [
///     (0, 1, &b"{\n  \"a\": [1, 2]\n}"[..]),
///     (1, 4, &b"{\"b\": \"}\"}"[..]),
///     (2, 5, &b"not json"[..]),
/// ]);
/// # Ok::<(), std::io::Error>(())
/// ```
#[must_use = "an iterator does nothing unless consumed"]
pub struct Documents<R: BufRead> {
    reader: R,
    max_bytes: usize,
    /// The 1-based line of the next byte…
    line: usize,
    /// …and its 1-based column, in bytes.
    column: usize,
    /// Whether the next byte is in the first column of its line.
    line_start: bool,
    /// How many bytes of a byte order mark the input has started with, while
    /// still at its start; `None` once past it.
    bom: Option<usize>,
    /// The index of the next document.
    index: usize,
    /// Set after end of input or an I/O error.
    done: bool,
}

impl<R: BufRead> fmt::Debug for Documents<R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Documents")
            .field("max_bytes", &self.max_bytes)
            .field("line", &self.line)
            .field("index", &self.index)
            .field("done", &self.done)
            .finish_non_exhaustive()
    }
}

impl<R: BufRead> Documents<R> {
    /// Splits `reader`, keeping documents of up to [`DEFAULT_MAX_BYTES`]
    /// (1 MiB).
    ///
    /// ```
    /// use std::io::BufReader;
    /// use omnicontact::stream::Documents;
    ///
    /// let file = BufReader::new(&b"{}\n{}\n"[..]); // or a File
    /// assert_eq!(Documents::new(file).count(), 2);
    /// ```
    pub fn new(reader: R) -> Self {
        Documents::with_max_bytes(reader, DEFAULT_MAX_BYTES)
    }

    /// Splits `reader`, keeping documents of up to `max_bytes`; a longer
    /// document is [truncated](Document::is_truncated).
    ///
    /// ```
    /// use omnicontact::stream::Documents;
    /// let doc = Documents::with_max_bytes(&b"{\"a\":\"long\"}"[..], 5).next().unwrap()?;
    /// assert!(doc.is_truncated());
    /// assert_eq!(doc.len(), 12);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn with_max_bytes(reader: R, max_bytes: usize) -> Self {
        Documents {
            reader,
            max_bytes,
            line: 1,
            column: 1,
            line_start: true,
            bom: Some(0),
            index: 0,
            done: false,
        }
    }

    /// Skips whitespace up to the next document and returns how it starts:
    /// `None` at end of input, else the bytes of a partial byte order mark
    /// that turned out to begin a document (usually none).
    fn skip_whitespace(&mut self) -> io::Result<Option<&'static [u8]>> {
        loop {
            let buf = match self.reader.fill_buf() {
                Ok(buf) => buf,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if buf.is_empty() {
                return Ok(match self.bom.take() {
                    Some(matched @ 1..) => Some(&BOM[..matched]),
                    _ => None,
                });
            }
            let mut used = 0;
            let mut found = None;
            for &b in buf {
                if let Some(matched) = self.bom {
                    if b == BOM[matched] {
                        used += 1;
                        self.column += 1;
                        self.bom = (matched + 1 < BOM.len()).then_some(matched + 1);
                        continue;
                    }
                    self.bom = None;
                    if matched > 0 {
                        // Not a byte order mark after all: its first bytes
                        // begin a document.
                        found = Some(&BOM[..matched]);
                        break;
                    }
                }
                match b {
                    b' ' | b'\t' | b'\r' => {
                        self.line_start = false;
                        self.column += 1;
                    }
                    b'\n' => {
                        self.line += 1;
                        self.column = 1;
                        self.line_start = true;
                    }
                    _ => {
                        found = Some(&[][..]);
                        break;
                    }
                }
                used += 1;
            }
            self.reader.consume(used);
            if found.is_some() {
                return Ok(found);
            }
        }
    }

    /// Reads the document that starts at the next byte (after `prefix`, the
    /// bytes of a partial byte order mark already read, usually none).
    fn read_document(&mut self, prefix: &[u8]) -> io::Result<Document> {
        // A partial byte order mark begins the input, in column 1.
        let origin = Origin {
            line: self.line,
            column: if prefix.is_empty() { self.column } else { 1 },
        };
        let mut doc = Collector::new(self.max_bytes);
        doc.push(prefix);
        let mut scan = if prefix.is_empty() {
            Scan::Start
        } else {
            Scan::Line
        };
        loop {
            let buf = match self.reader.fill_buf() {
                Ok(buf) => buf,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if buf.is_empty() {
                break;
            }
            // How much of the chunk is the document's, and whether it ends
            // in this chunk.
            let mut end = None;
            let mut i = 0;
            while i < buf.len() {
                // Most bytes are inside strings, where only `"`, `\` and a
                // line feed matter: the others are taken in one go (each
                // would be `Step::Take` and leave the scan as it is).
                if scan.in_plain_string() {
                    let run = buf[i..]
                        .iter()
                        .position(|&b| matches!(b, b'"' | b'\\' | b'\n'))
                        .unwrap_or(buf.len() - i);
                    if run > 0 {
                        i += run;
                        self.column += run;
                        self.line_start = false;
                        continue;
                    }
                }
                let b = buf[i];
                i += 1;
                match scan.step(b, self.line_start) {
                    Step::Take => {}
                    Step::End => {
                        self.line_start = false;
                        self.column += 1;
                        end = Some(i);
                        break;
                    }
                    Step::Before => {
                        end = Some(i - 1);
                        break;
                    }
                }
                if b == b'\n' {
                    self.line += 1;
                    self.column = 1;
                    self.line_start = true;
                } else {
                    self.line_start = false;
                    self.column += 1;
                }
            }
            let used = end.unwrap_or(buf.len());
            doc.push(&buf[..used]);
            self.reader.consume(used);
            if end.is_some() {
                break;
            }
        }
        let index = self.index;
        self.index += 1;
        Ok(doc.finish(index, origin))
    }
}

impl<R: BufRead> Iterator for Documents<R> {
    type Item = io::Result<Document>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let result = match self.skip_whitespace() {
            Ok(Some(prefix)) => self.read_document(prefix),
            Ok(None) => {
                self.done = true;
                return None;
            }
            Err(e) => Err(e),
        };
        if result.is_err() {
            self.done = true;
        }
        Some(result)
    }
}

impl<R: BufRead> FusedIterator for Documents<R> {}

/// Where the scan of a document is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scan {
    /// Before the document's first byte.
    Start,
    /// In a document that did not start with a bracket: it ends with its
    /// line.
    Line,
    /// In an object or array.
    Container {
        /// Open brackets.
        depth: usize,
        in_string: bool,
        /// The previous byte was a backslash in a string.
        escaped: bool,
    },
}

/// What to do with one byte.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    /// It belongs to the document, which goes on.
    Take,
    /// It is the document's last byte.
    End,
    /// The document ended before it.
    Before,
}

impl Scan {
    /// Inside a string of a container, not right after a backslash.
    fn in_plain_string(&self) -> bool {
        matches!(
            self,
            Scan::Container {
                in_string: true,
                escaped: false,
                ..
            }
        )
    }

    fn step(&mut self, b: u8, line_start: bool) -> Step {
        match self {
            Scan::Start => {
                *self = if matches!(b, b'{' | b'[') {
                    Scan::Container {
                        depth: 1,
                        in_string: false,
                        escaped: false,
                    }
                } else {
                    Scan::Line
                };
                Step::Take
            }
            Scan::Line => {
                if b == b'\n' {
                    Step::Before
                } else {
                    Step::Take
                }
            }
            Scan::Container {
                depth,
                in_string,
                escaped,
            } => {
                if *in_string {
                    if b == b'\n' {
                        // JSON strings cannot span lines: the string was not
                        // closed on its line.
                        return Step::Before;
                    }
                    if *escaped {
                        *escaped = false;
                    } else if b == b'\\' {
                        *escaped = true;
                    } else if b == b'"' {
                        *in_string = false;
                    }
                    return Step::Take;
                }
                match b {
                    b'"' => *in_string = true,
                    // A new record in column 1: this document was broken.
                    b'{' | b'[' if line_start => return Step::Before,
                    b'{' | b'[' => *depth += 1,
                    b'}' | b']' => {
                        *depth -= 1;
                        if *depth == 0 {
                            return Step::End;
                        }
                    }
                    _ => {}
                }
                Step::Take
            }
        }
    }
}

/// The bytes of a document being read: kept up to a limit, counted to the
/// end, trailing whitespace dropped.
struct Collector {
    bytes: Vec<u8>,
    max: usize,
    len: usize,
    /// The length of the whitespace run at the end of what was pushed.
    trailing: usize,
}

impl Collector {
    fn new(max: usize) -> Self {
        Collector {
            bytes: Vec::new(),
            max,
            len: 0,
            trailing: 0,
        }
    }

    fn push(&mut self, span: &[u8]) {
        let room = self.max.saturating_sub(self.bytes.len());
        self.bytes.extend_from_slice(&span[..span.len().min(room)]);
        self.len += span.len();
        let ws = span
            .iter()
            .rev()
            .take_while(|b| matches!(b, b' ' | b'\t' | b'\r' | b'\n'))
            .count();
        self.trailing = if ws == span.len() {
            self.trailing + ws
        } else {
            ws
        };
    }

    fn finish(mut self, index: usize, origin: Origin) -> Document {
        self.len -= self.trailing;
        self.bytes.truncate(self.len);
        Document {
            index,
            line: origin.line,
            column: origin.column,
            bytes: self.bytes,
            len: self.len,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::providers::Provider;

    /// `(index, line, bytes)` of every document of `input`.
    fn split(input: &[u8]) -> Vec<(usize, usize, Vec<u8>)> {
        split_with(input, DEFAULT_MAX_BYTES)
            .into_iter()
            .map(|d| (d.index(), d.line(), d.bytes().to_vec()))
            .collect()
    }

    fn split_with(input: &[u8], max: usize) -> Vec<Document> {
        Documents::with_max_bytes(input, max)
            .collect::<io::Result<_>>()
            .expect("reading a slice cannot fail")
    }

    /// `(line, bytes)` as text.
    fn lines(input: &str) -> Vec<(usize, String)> {
        split(input.as_bytes())
            .into_iter()
            .map(|(_, line, b)| (line, String::from_utf8(b).unwrap()))
            .collect()
    }

    fn owned(expected: &[(usize, &str)]) -> Vec<(usize, String)> {
        expected
            .iter()
            .map(|(l, s)| (*l, (*s).to_owned()))
            .collect()
    }

    #[test]
    fn ndjson() {
        let got = split(b"{\"a\":1}\n{\"b\":2}\n[3]\n");
        assert_eq!(
            got,
            vec![
                (0, 1, b"{\"a\":1}".to_vec()),
                (1, 2, b"{\"b\":2}".to_vec()),
                (2, 3, b"[3]".to_vec()),
            ]
        );
    }

    #[test]
    fn pretty_multi_line() {
        let text = "{\n  \"a\": {\n    \"b\": [\n      1\n    ]\n  }\n}\n";
        assert_eq!(lines(text), owned(&[(1, text.trim_end())]));
    }

    #[test]
    fn two_pretty_documents() {
        let one = "{\n  \"a\": [\n    {\"x\": 1}\n  ]\n}";
        let two = "{\n  \"b\": 2\n}";
        let text = format!("{one}\n{two}\n");
        assert_eq!(lines(&text), owned(&[(1, one), (6, two)]));
    }

    #[test]
    fn documents_on_one_line() {
        assert_eq!(
            lines("{\"a\":1}{\"b\":2} [3]\n{}"),
            owned(&[(1, "{\"a\":1}"), (1, "{\"b\":2}"), (1, "[3]"), (2, "{}")])
        );
    }

    #[test]
    fn text_after_a_document_is_the_rest_of_its_line() {
        assert_eq!(
            lines("{\"a\":1} junk here\n{}"),
            owned(&[(1, "{\"a\":1}"), (1, "junk here"), (2, "{}")])
        );
    }

    #[test]
    fn broken_middle_line_does_not_stop_the_batch() {
        let got = split(b"{\"a\":1}\n{\"b\": [1, 2\n{\"c\":3}\n\n[4]\n");
        assert_eq!(
            got,
            vec![
                (0, 1, b"{\"a\":1}".to_vec()),
                (1, 2, b"{\"b\": [1, 2".to_vec()),
                (2, 3, b"{\"c\":3}".to_vec()),
                (3, 5, b"[4]".to_vec()),
            ]
        );
        let v = Validator::new(Provider::Omnisend);
        let docs = split_with(b"{\"a\":1}\n{\"b\": [1, 2\n{\"c\":3}\n", DEFAULT_MAX_BYTES);
        assert_eq!(
            docs[1].validate(&v).violations()[0].rule(),
            "input.json.format"
        );
    }

    #[test]
    fn unterminated_string_ends_at_its_line() {
        assert_eq!(
            lines("{\"a\":\"open\n{\"b\":\"x\"}\n{\"c\":\"esc\\\n[]"),
            owned(&[
                (1, "{\"a\":\"open"),
                (2, "{\"b\":\"x\"}"),
                (3, "{\"c\":\"esc\\"),
                (4, "[]"),
            ])
        );
    }

    #[test]
    fn unterminated_document_at_end_of_input() {
        assert_eq!(lines("{\"a\": [1,\n  2"), owned(&[(1, "{\"a\": [1,\n  2")]));
    }

    #[test]
    fn indented_brackets_do_not_split_a_document() {
        let text = "[\n  {\"a\": 1},\n  {\"b\": 2}\n]";
        assert_eq!(lines(text), owned(&[(1, text)]));
    }

    #[test]
    fn column_one_bracket_splits_an_open_document() {
        // The documented limit of the heuristic.
        assert_eq!(
            lines("[\n{\"a\": 1}\n]"),
            owned(&[(1, "["), (2, "{\"a\": 1}"), (3, "]")])
        );
    }

    #[test]
    fn crlf() {
        assert_eq!(
            lines("{\"a\":1}\r\n{\r\n  \"b\": 2\r\n}\r\nnope\r\n{\"c\":\r\n{}\r\n"),
            owned(&[
                (1, "{\"a\":1}"),
                (2, "{\r\n  \"b\": 2\r\n}"),
                (5, "nope"),
                (6, "{\"c\":"),
                (7, "{}"),
            ])
        );
    }

    #[test]
    fn byte_order_mark_at_the_start_is_skipped() {
        assert_eq!(
            split(b"\xEF\xBB\xBF{\"a\":1}\n\xEF\xBB\xBF{}"),
            vec![
                (0, 1, b"{\"a\":1}".to_vec()),
                // Only at the very start.
                (1, 2, b"\xEF\xBB\xBF{}".to_vec()),
            ]
        );
        assert_eq!(split(b"\xEF\xBB\xBF"), vec![]);
        assert_eq!(split(b"\xEF\xBB\xBF\n\n[]"), vec![(0, 3, b"[]".to_vec())]);
    }

    #[test]
    fn partial_byte_order_mark_is_a_document() {
        assert_eq!(
            split(b"\xEF\xBB{}\n[]"),
            vec![(0, 1, b"\xEF\xBB{}".to_vec()), (1, 2, b"[]".to_vec()),]
        );
        assert_eq!(split(b"\xEF"), vec![(0, 1, b"\xEF".to_vec())]);
    }

    #[test]
    fn blank_lines_and_whitespace() {
        assert_eq!(
            lines("\n\n  \t{}\n\n\r\n   [1]   \n\n"),
            owned(&[(3, "{}"), (6, "[1]")])
        );
    }

    #[test]
    fn invalid_utf8_line_reaches_the_validator() {
        let got = split_with(b"{\"a\":\"\xff\"}\n\xfe\xff\n{}", DEFAULT_MAX_BYTES);
        assert_eq!(got.len(), 3);
        assert_eq!(got[0].bytes(), b"{\"a\":\"\xff\"}");
        assert_eq!((got[1].line(), got[1].bytes()), (2, &b"\xfe\xff"[..]));
        assert_eq!(got[2].line(), 3);
        let v = Validator::new(Provider::Omnisend);
        for doc in &got[..2] {
            for report in [doc.validate(&v), doc.validate_envelope(&v)] {
                let found = &report.violations()[0];
                assert_eq!(found.rule(), "input.json.format");
                assert!(found.message().contains("UTF-8"), "{}", found.message());
            }
        }
    }

    #[test]
    fn oversize_document_is_counted_not_kept() {
        let big = format!("{{\"a\":\"{}\"}}", "x".repeat(100));
        let text = format!("{big}\n{{\"b\":1}}\n");
        let docs = split_with(text.as_bytes(), 16);
        assert_eq!(docs.len(), 2);
        assert!(docs[0].is_truncated());
        assert_eq!(docs[0].len(), big.len());
        assert_eq!(docs[0].bytes(), &big.as_bytes()[..16]);
        assert_eq!((docs[1].index(), docs[1].line()), (1, 2));
        assert!(!docs[1].is_truncated());

        let v = Validator::new(Provider::Omnisend);
        for report in [docs[0].validate(&v), docs[0].validate_envelope(&v)] {
            assert!(!report.is_valid());
            assert_eq!(report.violations().len(), 1);
            let found = &report.violations()[0];
            assert_eq!((found.rule(), found.path()), ("input.body.max_length", ""));
            assert!(
                found.message().contains("more than the 16"),
                "{}",
                found.message()
            );
        }
    }

    #[test]
    fn trailing_whitespace_does_not_make_a_document_too_long() {
        let docs = split_with(b"nope    \n", 4);
        assert_eq!((docs[0].bytes(), docs[0].len()), (&b"nope"[..], 4));
        assert!(!docs[0].is_truncated());
    }

    #[test]
    fn brackets_inside_strings_are_ignored() {
        assert_eq!(
            lines("{\"a\":\"}]{[\",\n \"b\":\"x\"}\n[\"]\"]"),
            owned(&[(1, "{\"a\":\"}]{[\",\n \"b\":\"x\"}"), (3, "[\"]\"]")])
        );
    }

    #[test]
    fn escaped_quotes_and_backslashes() {
        assert_eq!(
            lines(r#"{"a":"say \"}\" \\"}{"b":"\\\"{"}"#),
            owned(&[(1, r#"{"a":"say \"}\" \\"}"#), (1, r#"{"b":"\\\"{"}"#)])
        );
    }

    #[test]
    fn empty_input_has_no_documents() {
        assert_eq!(split(b""), vec![]);
    }

    #[test]
    fn whitespace_only_input_has_no_documents() {
        assert_eq!(split(b" \n\t\r\n  \n"), vec![]);
    }

    #[test]
    fn scalars_extend_to_the_end_of_their_line() {
        assert_eq!(
            lines("42\n\"text\" {}\nnull"),
            owned(&[(1, "42"), (2, "\"text\" {}"), (3, "null")])
        );
    }

    #[test]
    fn chunk_boundaries_do_not_matter() {
        let text: &[u8] =
            b"\xEF\xBB\xBF{\"a\":\"x\\\"}\"}\r\n{\n  \"b\": [1]\n}\n{\"c\":\n{\"d\":\"\xff\"}  tail \n\n[]";
        let whole = split(text);
        for capacity in 1..8 {
            let reader = io::BufReader::with_capacity(capacity, text);
            let got: Vec<_> = Documents::new(reader)
                .map(|d| {
                    let d = d.unwrap();
                    (d.index(), d.line(), d.bytes().to_vec())
                })
                .collect();
            assert_eq!(got, whole, "capacity {capacity}");
        }
        assert_eq!(whole.len(), 6);
    }

    /// Checks that `docs` tile `input`: in order, separated only by
    /// whitespace (and a leading byte order mark), with the right lines.
    fn assert_tiles(input: &[u8], docs: &[Document]) {
        let is_ws = |b: &u8| matches!(b, b' ' | b'\t' | b'\r' | b'\n');
        let mut pos = if input.starts_with(BOM) { BOM.len() } else { 0 };
        for (i, doc) in docs.iter().enumerate() {
            while input.get(pos).is_some_and(is_ws) {
                pos += 1;
            }
            assert_eq!(doc.index(), i);
            // The 1-based line of `pos`: one more than the newlines before it.
            let line = input[..pos].split(|&b| b == b'\n').count();
            assert_eq!(doc.line(), line, "document {i}");
            let whole = &input[pos..pos + doc.len()];
            assert!(whole.starts_with(doc.bytes()), "document {i}");
            assert!(!whole.is_empty() && !is_ws(&whole[0]) && !is_ws(&whole[whole.len() - 1]));
            pos += doc.len();
        }
        assert!(
            input[pos..].iter().all(is_ws),
            "left over: {:?}",
            &input[pos..]
        );
    }

    proptest::proptest! {
        #[test]
        fn documents_tile_any_input(
            input in proptest::collection::vec(
                proptest::sample::select(b"{}[]\"\\\n\r \tax1\xef\xbb\xbf\xff".to_vec()),
                0..200,
            ),
            capacity in 1usize..16,
            max in 0usize..40,
        ) {
            let whole = split_with(&input, DEFAULT_MAX_BYTES);
            assert_tiles(&input, &whole);
            let limited = split_with(&input, max);
            assert_tiles(&input, &limited);
            for doc in &limited {
                proptest::prop_assert_eq!(doc.is_truncated(), doc.len() > max);
            }
            let chunked: Vec<Document> = Documents::new(io::BufReader::with_capacity(capacity, &input[..]))
                .collect::<io::Result<_>>()
                .unwrap();
            proptest::prop_assert_eq!(chunked, whole);
        }
    }

    /// `(line, bytes)` of each document, found one byte at a time with
    /// [`Scan::step`] alone: what [`Documents`] must find with its shortcut
    /// through strings. (No byte order mark in `input`.)
    fn split_bytewise(input: &[u8]) -> Vec<(usize, Vec<u8>)> {
        let (mut pos, mut line, mut line_start) = (0, 1, true);
        let mut docs = Vec::new();
        loop {
            while let Some(&b) = input
                .get(pos)
                .filter(|b| b.is_ascii_whitespace() && **b != 0x0c)
            {
                line_start = b == b'\n';
                line += usize::from(line_start);
                pos += 1;
            }
            if pos == input.len() {
                return docs;
            }
            let (start, start_line) = (pos, line);
            let mut scan = Scan::Start;
            while pos < input.len() {
                let b = input[pos];
                match scan.step(b, line_start) {
                    Step::Take => {}
                    Step::End => {
                        pos += 1;
                        line_start = false;
                        break;
                    }
                    Step::Before => break,
                }
                pos += 1;
                line_start = b == b'\n';
                line += usize::from(line_start);
            }
            let text = input[start..pos].trim_ascii_end().to_vec();
            docs.push((start_line, text));
        }
    }

    proptest::proptest! {
        #[test]
        fn the_string_shortcut_finds_what_bytewise_scanning_finds(
            input in proptest::collection::vec(
                proptest::sample::select(b"{}[]\"\\\n\r \tax1:,\xff".to_vec()),
                0..300,
            ),
            capacity in 1usize..16,
        ) {
            let expected = split_bytewise(&input);
            for reader in [
                Documents::new(io::BufReader::with_capacity(capacity, &input[..])),
                Documents::new(io::BufReader::with_capacity(1 << 16, &input[..])),
            ] {
                let got: Vec<(usize, Vec<u8>)> = reader
                    .map(|d| d.map(|d| (d.line(), d.bytes().to_vec())))
                    .collect::<io::Result<_>>()
                    .unwrap();
                proptest::prop_assert_eq!(&got, &expected);
            }
        }
    }

    #[test]
    fn an_io_error_is_yielded_once() {
        struct Failing;
        impl io::Read for Failing {
            fn read(&mut self, _: &mut [u8]) -> io::Result<usize> {
                Err(io::Error::other("disk on fire"))
            }
        }
        let mut docs = Documents::new(io::BufReader::new(Failing));
        assert!(docs.next().unwrap().is_err());
        assert!(docs.next().is_none());
    }

    #[test]
    fn long_lines_and_deep_nesting() {
        // 200 000 documents on one line and one document of 200 000 nested
        // arrays (the splitter never recurses).
        let line = "{\"a\":[1]}".repeat(200_000);
        assert_eq!(Documents::new(line.as_bytes()).count(), 200_000);
        let deep = format!("{}{}", "[".repeat(200_000), "]".repeat(200_000));
        let docs = split_with(deep.as_bytes(), DEFAULT_MAX_BYTES);
        assert_eq!(docs.len(), 1);
        assert_eq!(docs[0].len(), 400_000);
    }
}
