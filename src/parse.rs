//! Reading a document into a `serde_json::Value` in one pass, while
//! enforcing the depth limit and noticing what `serde_json` would otherwise
//! resolve silently: duplicate member names (last one wins) and numbers
//! that a double cannot hold exactly (read as the nearest double).
//!
//! Floats are read from their text by the standard library, which always
//! gives the nearest double: `serde_json` does so only with its
//! `float_roundtrip` feature, which this crate does not turn on (it would
//! change how every crate of a dependent's program reads floats), and
//! without it reads more than one double in four written in shortest form
//! (29 % of 2 million random doubles; `0.022933877151503638`) as a
//! neighbour.

use std::fmt::{self, Write as _};

use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

use crate::report::push_pointer_token;

/// Why a document could not be read.
#[derive(Debug)]
pub(crate) enum ParseFailure {
    /// Not JSON: the message says where (line and column).
    Syntax(String),
    /// Nested deeper than the limit; the pointer of the first value too deep.
    TooDeep(String),
}

/// A document read successfully, with the duplicate member names it held
/// (pointer of each repeated member, in document order) and the numbers
/// read as another value than the one written: the first of each, within
/// [`Keep`], and how many more there are.
pub(crate) struct Parsed {
    pub value: Value,
    pub duplicates: Vec<String>,
    pub more_duplicates: usize,
    pub rounded: Vec<Rounded>,
    pub more_rounded: usize,
}

/// How much of what it finds the parser keeps, so that its memory stays in
/// proportion to the document: at most `items` duplicates and `items`
/// rounded numbers, and at most `bytes` of their text (pointers, and three
/// times each rounded number as written: message, suggestion, change).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Keep {
    pub items: usize,
    pub bytes: usize,
}

/// A number whose value as written a double cannot hold
/// (`123456789012345678901234567890`, `18446744073709551616`, `1e-400`):
/// the document holds `read`, the nearest double, instead.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Rounded {
    /// The number's JSON Pointer.
    pub path: String,
    /// The number as written.
    pub written: String,
    /// The number the document now holds.
    pub read: serde_json::Number,
}

/// Where a document starts in its file: 1-based line and byte column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Origin {
    pub line: usize,
    pub column: usize,
}

impl Origin {
    /// A document that is its whole text.
    pub(crate) const START: Origin = Origin { line: 1, column: 1 };
}

/// `serde_json`'s message, with its line and column counted in the file
/// (`origin` is where the document starts): the column moves only on the
/// document's first line.
fn syntax_message(e: &serde_json::Error, origin: Origin) -> String {
    let message = e.to_string();
    if e.line() == 0 || origin == Origin::START {
        return message;
    }
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    let column = if e.line() == 1 {
        e.column().saturating_add(origin.column - 1)
    } else {
        e.column()
    };
    match message.strip_suffix(&suffix) {
        Some(what) => format!(
            "{what} at line {} column {column}",
            e.line().saturating_add(origin.line - 1),
        ),
        None => message,
    }
}

struct State<'t> {
    path: String,
    max_depth: usize,
    too_deep: Option<String>,
    keep: Keep,
    /// Bytes of text kept so far (see [`Keep`]).
    kept_bytes: usize,
    duplicates: Vec<String>,
    /// Duplicates found but not kept.
    more_duplicates: usize,
    /// How many numbers were read so far.
    numbers: usize,
    /// The number literals of the text, read as far as the last float.
    literals: Literals<'t>,
    /// The rounded numbers kept: rank among all numbers, as written, as
    /// read (no pointer yet: a pointer per number could take far more
    /// memory than the document).
    rounded: Vec<(usize, &'t str, serde_json::Number)>,
    /// Rounded numbers found but not kept.
    more_rounded: usize,
    /// In the second pass: the ranks of the rounded numbers whose pointers
    /// are wanted, in order, and the pointers found.
    wanted: Option<(Vec<usize>, Vec<String>)>,
}

impl<'t> State<'t> {
    fn new(text: &'t str, max_depth: usize, keep: Keep) -> Self {
        State {
            path: String::with_capacity(64),
            max_depth,
            too_deep: None,
            keep,
            kept_bytes: 0,
            duplicates: Vec::new(),
            more_duplicates: 0,
            numbers: 0,
            literals: Literals {
                text,
                at: 0,
                passed: 0,
            },
            rounded: Vec::new(),
            more_rounded: 0,
            wanted: None,
        }
    }

    /// Whether `bytes` more bytes of text may be kept.
    fn may_keep(&mut self, bytes: usize) -> bool {
        let total = self.kept_bytes.saturating_add(bytes);
        if total > self.keep.bytes {
            return false;
        }
        self.kept_bytes = total;
        true
    }

    /// Counts a number; in the second pass, keeps its pointer if wanted.
    fn number(&mut self) {
        let rank = self.numbers;
        self.numbers += 1;
        if let Some((wanted, found)) = &mut self.wanted
            && wanted.get(found.len()) == Some(&rank)
        {
            found.push(self.path.clone());
        }
    }

    /// A float `serde_json` read as `approximate`: the nearest double to
    /// its text, and in the first pass, a note of it when that double is
    /// another number than the one written.
    fn float(&mut self, approximate: f64) -> f64 {
        let rank = self.numbers;
        self.number();
        let Some(written) = self.literals.nth(rank) else {
            // Cannot happen: every number read was written.
            return approximate;
        };
        let exact = written
            .parse::<f64>()
            .ok()
            .filter(|f| f.is_finite())
            .unwrap_or(approximate);
        if self.wanted.is_none()
            && let Some(read) = serde_json::Number::from_f64(exact)
            && !same_decimal(written, &read.to_string())
        {
            if self.rounded.len() < self.keep.items
                && self.may_keep(written.len().saturating_mul(3))
            {
                self.rounded.push((rank, written, read));
            } else {
                self.more_rounded += 1;
            }
        }
        exact
    }
}

/// Parses `text`, refusing nesting deeper than `max_depth` (the body object
/// itself is depth 1). `text` starts at `origin` in its file; a syntax
/// error names the file's line and column.
pub(crate) fn parse(
    text: &str,
    max_depth: usize,
    origin: Origin,
    keep: Keep,
) -> Result<Parsed, ParseFailure> {
    let mut state = State::new(text, max_depth, keep);
    match read(text, &mut state) {
        Ok(value) => {
            let (rounded, more_rounded) = rounded(text, &mut state);
            Ok(Parsed {
                value,
                duplicates: state.duplicates,
                more_duplicates: state.more_duplicates,
                rounded,
                more_rounded,
            })
        }
        Err(e) => match state.too_deep {
            Some(path) => Err(ParseFailure::TooDeep(path)),
            None => Err(ParseFailure::Syntax(syntax_message(&e, origin))),
        },
    }
}

/// One pass of the parser over `text`.
fn read(text: &str, state: &mut State<'_>) -> Result<Value, serde_json::Error> {
    let mut de = serde_json::Deserializer::from_str(text);
    Seed { state, depth: 0 }
        .deserialize(&mut de)
        .and_then(|v| de.end().map(|()| v))
}

/// The rounded numbers the first pass kept, with their pointers, and how
/// many more there are. Integers that fit 64 bits are read exactly and are
/// not among them. The pointers come from a second pass, made only when
/// some number was rounded.
fn rounded(text: &str, state: &mut State<'_>) -> (Vec<Rounded>, usize) {
    let kept = std::mem::take(&mut state.rounded);
    let mut more = state.more_rounded;
    if kept.is_empty() {
        return (Vec::new(), more);
    }
    // The second pass: the same text, read the same way, finds the pointer
    // of each wanted rank.
    let mut again = State::new(text, state.max_depth, Keep { items: 0, bytes: 0 });
    again.wanted = Some((kept.iter().map(|(rank, ..)| *rank).collect(), Vec::new()));
    let paths = match read(text, &mut again) {
        Ok(_) => again.wanted.map(|(_, found)| found).unwrap_or_default(),
        Err(_) => Vec::new(),
    };
    let mut out = Vec::with_capacity(kept.len());
    for ((_, written, read), path) in kept.into_iter().zip(paths) {
        if state.may_keep(path.len()) {
            out.push(Rounded {
                path,
                written: written.to_owned(),
                read,
            });
        } else {
            more += 1;
        }
    }
    (out, more)
}

/// The number literals of valid JSON text, in document order, read on
/// demand.
struct Literals<'t> {
    text: &'t str,
    /// Where reading resumes.
    at: usize,
    /// How many literals were passed.
    passed: usize,
}

impl<'t> Literals<'t> {
    /// The literal of rank `rank` (0-based); ranks asked for only grow.
    fn nth(&mut self, rank: usize) -> Option<&'t str> {
        while self.passed < rank {
            self.next()?;
        }
        self.next()
    }

    fn next(&mut self) -> Option<&'t str> {
        let bytes = self.text.as_bytes();
        while self.at < bytes.len() {
            match bytes[self.at] {
                b'"' => {
                    // Skip the string, escapes included.
                    self.at += 1;
                    while self.at < bytes.len() {
                        match bytes[self.at] {
                            b'\\' => self.at += 2,
                            b'"' => {
                                self.at += 1;
                                break;
                            }
                            _ => self.at += 1,
                        }
                    }
                }
                b'-' | b'0'..=b'9' => {
                    let start = self.at;
                    while self.at < bytes.len()
                        && matches!(
                            bytes[self.at],
                            b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E'
                        )
                    {
                        self.at += 1;
                    }
                    self.passed += 1;
                    return self.text.get(start..self.at);
                }
                _ => self.at += 1,
            }
        }
        None
    }
}

/// A JSON number as sign, significant digits (no leading or trailing
/// zero; empty for zero) and the power of ten of the first of them.
fn decimal(literal: &str) -> (bool, Vec<u8>, i64) {
    let (negative, rest) = match literal.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, literal),
    };
    let (mantissa, exponent) = match rest.find(['e', 'E']) {
        Some(at) => (&rest[..at], &rest[at + 1..]),
        None => (rest, ""),
    };
    let exponent = exponent.strip_prefix('+').unwrap_or(exponent);
    // Beyond any exponent a double reaches, saturated.
    let exponent: i64 = exponent.parse().unwrap_or(if exponent.starts_with('-') {
        -1 << 40
    } else if exponent.is_empty() {
        0
    } else {
        1 << 40
    });
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits: Vec<u8> = int.bytes().chain(frac.bytes()).collect();
    let Some(first) = digits.iter().position(|&d| d != b'0') else {
        return (false, Vec::new(), 0);
    };
    let last = digits.iter().rposition(|&d| d != b'0').unwrap_or(first);
    let power = exponent
        .saturating_add(i64::try_from(int.len()).unwrap_or(i64::MAX))
        .saturating_sub(1)
        .saturating_sub(i64::try_from(first).unwrap_or(i64::MAX));
    (negative, digits[first..=last].to_vec(), power)
}

/// Whether two JSON numbers denote the same value (`1.50` and `1.5`, `1e2`
/// and `100.0`, `-0` and `0.0`).
fn same_decimal(a: &str, b: &str) -> bool {
    decimal(a) == decimal(b)
}

struct Seed<'s, 't> {
    state: &'s mut State<'t>,
    depth: usize,
}

impl Seed<'_, '_> {
    fn enter<E: de::Error>(&mut self) -> Result<(), E> {
        if self.depth + 1 > self.state.max_depth {
            self.state.too_deep = Some(self.state.path.clone());
            return Err(E::custom("nesting too deep"));
        }
        Ok(())
    }
}

impl<'de> DeserializeSeed<'de> for Seed<'_, '_> {
    type Value = Value;

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Seed<'_, '_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        self.state.number();
        Ok(Value::from(v))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        self.state.number();
        Ok(Value::from(v))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        let exact = self.state.float(v);
        // serde_json never yields a non-finite number from text.
        Ok(serde_json::Number::from_f64(exact).map_or(Value::Null, Value::Number))
    }

    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(mut self, mut seq: A) -> Result<Value, A::Error> {
        self.enter()?;
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
        loop {
            let len = self.state.path.len();
            // An index needs no escaping; written in place, it allocates
            // nothing once the path has grown.
            let _ = write!(self.state.path, "/{}", items.len());
            let next = seq.next_element_seed(Seed {
                state: &mut *self.state,
                depth: self.depth + 1,
            })?;
            self.state.path.truncate(len);
            match next {
                Some(v) => items.push(v),
                None => break,
            }
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(mut self, mut map: A) -> Result<Value, A::Error> {
        self.enter()?;
        let mut members = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            let len = self.state.path.len();
            push_pointer_token(&mut self.state.path, &key);
            let value = map.next_value_seed(Seed {
                state: &mut *self.state,
                depth: self.depth + 1,
            })?;
            if members.insert(key, value).is_some() {
                let state = &mut *self.state;
                if state.duplicates.len() < state.keep.items && state.may_keep(state.path.len()) {
                    state.duplicates.push(state.path.clone());
                } else {
                    state.more_duplicates += 1;
                }
            }
            self.state.path.truncate(len);
        }
        Ok(Value::Object(members))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEEP: Keep = Keep {
        items: usize::MAX,
        bytes: usize::MAX,
    };

    #[test]
    fn reads_values_in_order() {
        let p = parse(
            r#"{"b":1,"a":[true,null,"x",1.5]}"#,
            32,
            Origin::START,
            KEEP,
        )
        .unwrap();
        assert_eq!(p.value.to_string(), r#"{"b":1,"a":[true,null,"x",1.5]}"#);
        assert!(p.duplicates.is_empty());
    }

    #[test]
    fn reports_duplicates_with_their_pointer() {
        let p = parse(
            r#"{"a":1,"o":{"x/y":1,"x/y":2},"a":3}"#,
            32,
            Origin::START,
            KEEP,
        )
        .unwrap();
        assert_eq!(p.duplicates, ["/o/x~1y", "/a"]);
        assert_eq!(p.value["a"], 3);
    }

    #[test]
    fn depth_limit_counts_the_body_as_one() {
        assert!(parse(r#"{"a":{"b":1}}"#, 2, Origin::START, KEEP).is_ok());
        match parse(r#"{"a":{"b":[1]}}"#, 2, Origin::START, KEEP) {
            Err(ParseFailure::TooDeep(p)) => assert_eq!(p, "/a/b"),
            _ => panic!("expected too deep"),
        }
    }

    #[test]
    fn deep_input_beyond_serde_limit_is_too_deep_not_a_crash() {
        let text = "[".repeat(100_000);
        match parse(&text, 32, Origin::START, KEEP) {
            Err(ParseFailure::TooDeep(p)) => assert_eq!(p.matches('/').count(), 32),
            _ => panic!("expected too deep"),
        }
    }

    #[test]
    fn syntax_errors_name_line_and_column() {
        match parse("{\n\"a\": 1e400}", 32, Origin::START, KEEP) {
            Err(ParseFailure::Syntax(m)) => assert!(m.contains("line 2"), "{m}"),
            _ => panic!("expected a syntax error"),
        }
        assert!(matches!(
            parse("", 32, Origin::START, KEEP),
            Err(ParseFailure::Syntax(_))
        ));
        assert!(matches!(
            parse("{} {}", 32, Origin::START, KEEP),
            Err(ParseFailure::Syntax(_))
        ));
        match parse(
            "{\n\"a\": 1e400}",
            32,
            Origin {
                line: 10,
                column: 1,
            },
            KEEP,
        ) {
            Err(ParseFailure::Syntax(m)) => assert!(m.ends_with("at line 11 column 10"), "{m}"),
            _ => panic!("expected a syntax error"),
        }
    }

    #[test]
    fn syntax_error_columns_count_from_where_the_document_starts() {
        let at = |line, column| Origin { line, column };
        // On the document's first line the column moves with it…
        match parse(r#"{"a": }"#, 32, at(3, 9), KEEP) {
            Err(ParseFailure::Syntax(m)) => assert!(m.ends_with("at line 3 column 15"), "{m}"),
            _ => panic!("expected a syntax error"),
        }
        // …on later lines the document's columns are the file's.
        match parse("{\n\"a\": }", 32, at(3, 9), KEEP) {
            Err(ParseFailure::Syntax(m)) => assert!(m.ends_with("at line 4 column 6"), "{m}"),
            _ => panic!("expected a syntax error"),
        }
    }

    fn rounded_of(text: &str) -> Vec<(String, String, String)> {
        parse(text, 32, Origin::START, KEEP)
            .unwrap()
            .rounded
            .into_iter()
            .map(|r| (r.path, r.written, r.read.to_string()))
            .collect()
    }

    #[test]
    fn numbers_a_double_cannot_hold_are_named() {
        let text = r#"{"a":123456789012345678901234567890,"s":"1e-400 \" 18446744073709551616","b":[18446744073709551616,1e-400,-0,0.1,1.50,1e2,100000000000000000000,-9223372036854775809,18446744073709551615,12.3456789012345678901]}"#;
        let own = |a: &str, b: &str, c: &str| (a.to_owned(), b.to_owned(), c.to_owned());
        assert_eq!(
            rounded_of(text),
            [
                own(
                    "/a",
                    "123456789012345678901234567890",
                    "1.2345678901234568e+29"
                ),
                own("/b/0", "18446744073709551616", "1.8446744073709552e+19"),
                own("/b/1", "1e-400", "0.0"),
                own("/b/7", "-9223372036854775809", "-9.223372036854776e+18"),
                own("/b/9", "12.3456789012345678901", "12.345678901234567"),
            ]
        );
        // Exact values, however written, are not named.
        assert!(rounded_of("[0.5,2.5e-3,1E+2,-0.0,0e-999999999999999999999,3.14]").is_empty());
    }

    #[test]
    fn floats_are_the_nearest_double_to_their_text() {
        // serde_json without `float_roundtrip` reads these as neighbours.
        let p = parse(
            "[0.022933877151503638,2.0173847075682887e-17,9007199254740993.0]",
            32,
            Origin::START,
            KEEP,
        )
        .unwrap();
        let read: Vec<f64> = p
            .value
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_f64().unwrap())
            .collect();
        assert_eq!(
            read,
            [
                0.022_933_877_151_503_638,
                2.017_384_707_568_288_7e-17,
                9_007_199_254_740_992.0
            ]
        );
        // Only the third was written with more digits than a double holds.
        assert_eq!(
            rounded_of("[0.022933877151503638,2.0173847075682887e-17,9007199254740993.0]"),
            [(
                "/2".to_owned(),
                "9007199254740993.0".to_owned(),
                "9007199254740992.0".to_owned()
            )]
        );
    }

    /// The mechanism itself, whatever `serde_json` reads: a float is the
    /// nearest double to its own text, found by rank among the document's
    /// numbers, even when `serde_json` gives another value (this crate's
    /// tests build `serde_json` with `float_roundtrip`, so the test above
    /// cannot tell; `tests/downstream.rs` checks a dependent's build).
    #[test]
    fn a_float_is_read_from_its_text_not_from_serde_json() {
        let text = r#"{"a":"1.5 \" 7","n":[3,0.1,-2.5e-3]}"#;
        let mut state = State::new(text, 32, KEEP);
        state.number(); // the integer 3
        // Exact: compared bit for bit.
        assert_eq!(state.float(9.0).to_bits(), 0.1_f64.to_bits());
        assert_eq!(state.float(9.0).to_bits(), (-0.0025_f64).to_bits());
        assert!(state.rounded.is_empty());
        // Past the last literal, the value given is kept.
        assert_eq!(state.float(9.0).to_bits(), 9.0_f64.to_bits());
    }

    #[test]
    fn decimals_compare_by_value() {
        assert!(same_decimal("1.50", "1.5"));
        assert!(same_decimal("1e2", "100.0"));
        assert!(same_decimal("-0", "0.0"));
        assert!(same_decimal("0.00120", "1.2e-3"));
        assert!(!same_decimal("1.2e-3", "1.2e-4"));
        assert!(!same_decimal("-1", "1"));
        assert!(!same_decimal("1e99999999999999999999999", "1e20"));
    }

    #[test]
    fn what_is_kept_is_bounded_and_the_rest_counted() {
        let keep = Keep {
            items: 2,
            bytes: 60,
        };
        let text = r#"{"a":1,"a":2,"a":3,"a":4,"n":[1e-400,0.5,1e-400,1e-400]}"#;
        let p = parse(text, 32, Origin::START, keep).unwrap();
        assert_eq!(p.duplicates, ["/a", "/a"]);
        assert_eq!(p.more_duplicates, 1);
        let paths: Vec<_> = p.rounded.iter().map(|r| r.path.as_str()).collect();
        assert_eq!(paths, ["/n/0", "/n/2"]);
        assert_eq!(p.more_rounded, 1);
        // A byte budget: a long pointer is not kept, but counted.
        let long = "k".repeat(100);
        let text = format!(r#"{{"{long}":1,"{long}":2,"n":1e-400}}"#);
        let p = parse(
            &text,
            32,
            Origin::START,
            Keep {
                items: 10,
                bytes: 50,
            },
        )
        .unwrap();
        assert!(p.duplicates.is_empty());
        assert_eq!(p.more_duplicates, 1);
        assert_eq!(p.rounded.len(), 1);
        assert_eq!(p.rounded[0].path, "/n");
    }
}
