//! Reading a document into a `serde_json::Value` in one pass, while
//! enforcing the depth limit and noticing what `serde_json` would otherwise
//! resolve silently: duplicate member names (last one wins) and numbers
//! that a double cannot hold exactly (read as the nearest double).

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
/// read as another value than the one written.
pub(crate) struct Parsed {
    pub value: Value,
    pub duplicates: Vec<String>,
    pub rounded: Vec<Rounded>,
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

struct State {
    path: String,
    max_depth: usize,
    too_deep: Option<String>,
    duplicates: Vec<String>,
    /// How many numbers were read so far.
    numbers: usize,
    /// The numbers read as doubles: their rank among all numbers, pointer
    /// and value.
    floats: Vec<(usize, String, f64)>,
}

/// Parses `text`, refusing nesting deeper than `max_depth` (the body object
/// itself is depth 1). `text` starts at `origin` in its file; a syntax
/// error names the file's line and column.
pub(crate) fn parse(text: &str, max_depth: usize, origin: Origin) -> Result<Parsed, ParseFailure> {
    let mut state = State {
        path: String::with_capacity(64),
        max_depth,
        too_deep: None,
        duplicates: Vec::new(),
        numbers: 0,
        floats: Vec::new(),
    };
    let mut de = serde_json::Deserializer::from_str(text);
    let result = Seed {
        state: &mut state,
        depth: 0,
    }
    .deserialize(&mut de)
    .and_then(|v| de.end().map(|()| v));
    match result {
        Ok(value) => Ok(Parsed {
            value,
            duplicates: state.duplicates,
            rounded: rounded(text, state.floats),
        }),
        Err(e) => match state.too_deep {
            Some(path) => Err(ParseFailure::TooDeep(path)),
            None => Err(ParseFailure::Syntax(syntax_message(&e, origin))),
        },
    }
}

/// The numbers read as doubles (`floats`: rank among the document's
/// numbers, pointer, value) whose value differs from the one written in
/// `text`. Integers that fit 64 bits are read exactly and are not looked at.
fn rounded(text: &str, floats: Vec<(usize, String, f64)>) -> Vec<Rounded> {
    if floats.is_empty() {
        return Vec::new();
    }
    let mut literals = number_literals(text).enumerate();
    let mut out = Vec::new();
    for (rank, path, value) in floats {
        let Some((_, written)) = literals.find(|(i, _)| *i == rank) else {
            // Cannot happen: every number read was written. Nothing is
            // claimed about a number that cannot be found.
            break;
        };
        let Some(read) = serde_json::Number::from_f64(value) else {
            continue;
        };
        if !same_decimal(written, &read.to_string()) {
            out.push(Rounded {
                path,
                written: written.to_owned(),
                read,
            });
        }
    }
    out
}

/// The number literals of valid JSON `text`, in document order.
fn number_literals(text: &str) -> impl Iterator<Item = &str> {
    let bytes = text.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < bytes.len() {
            match bytes[i] {
                b'"' => {
                    // Skip the string, escapes included.
                    i += 1;
                    while i < bytes.len() {
                        match bytes[i] {
                            b'\\' => i += 2,
                            b'"' => {
                                i += 1;
                                break;
                            }
                            _ => i += 1,
                        }
                    }
                }
                b'-' | b'0'..=b'9' => {
                    let start = i;
                    while i < bytes.len()
                        && matches!(bytes[i], b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E')
                    {
                        i += 1;
                    }
                    return Some(&text[start..i]);
                }
                _ => i += 1,
            }
        }
        None
    })
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

struct Seed<'s> {
    state: &'s mut State,
    depth: usize,
}

impl Seed<'_> {
    fn enter<E: de::Error>(&mut self) -> Result<(), E> {
        if self.depth + 1 > self.state.max_depth {
            self.state.too_deep = Some(self.state.path.clone());
            return Err(E::custom("nesting too deep"));
        }
        Ok(())
    }
}

impl<'de> DeserializeSeed<'de> for Seed<'_> {
    type Value = Value;

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Seed<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        self.state.numbers += 1;
        Ok(Value::from(v))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        self.state.numbers += 1;
        Ok(Value::from(v))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        let rank = self.state.numbers;
        self.state.numbers += 1;
        self.state.floats.push((rank, self.state.path.clone(), v));
        // serde_json never yields a non-finite number from text.
        Ok(serde_json::Number::from_f64(v).map_or(Value::Null, Value::Number))
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
                self.state.duplicates.push(self.state.path.clone());
            }
            self.state.path.truncate(len);
        }
        Ok(Value::Object(members))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_values_in_order() {
        let p = parse(r#"{"b":1,"a":[true,null,"x",1.5]}"#, 32, Origin::START).unwrap();
        assert_eq!(p.value.to_string(), r#"{"b":1,"a":[true,null,"x",1.5]}"#);
        assert!(p.duplicates.is_empty());
    }

    #[test]
    fn reports_duplicates_with_their_pointer() {
        let p = parse(r#"{"a":1,"o":{"x/y":1,"x/y":2},"a":3}"#, 32, Origin::START).unwrap();
        assert_eq!(p.duplicates, ["/o/x~1y", "/a"]);
        assert_eq!(p.value["a"], 3);
    }

    #[test]
    fn depth_limit_counts_the_body_as_one() {
        assert!(parse(r#"{"a":{"b":1}}"#, 2, Origin::START).is_ok());
        match parse(r#"{"a":{"b":[1]}}"#, 2, Origin::START) {
            Err(ParseFailure::TooDeep(p)) => assert_eq!(p, "/a/b"),
            _ => panic!("expected too deep"),
        }
    }

    #[test]
    fn deep_input_beyond_serde_limit_is_too_deep_not_a_crash() {
        let text = "[".repeat(100_000);
        match parse(&text, 32, Origin::START) {
            Err(ParseFailure::TooDeep(p)) => assert_eq!(p.matches('/').count(), 32),
            _ => panic!("expected too deep"),
        }
    }

    #[test]
    fn syntax_errors_name_line_and_column() {
        match parse("{\n\"a\": 1e400}", 32, Origin::START) {
            Err(ParseFailure::Syntax(m)) => assert!(m.contains("line 2"), "{m}"),
            _ => panic!("expected a syntax error"),
        }
        assert!(matches!(
            parse("", 32, Origin::START),
            Err(ParseFailure::Syntax(_))
        ));
        assert!(matches!(
            parse("{} {}", 32, Origin::START),
            Err(ParseFailure::Syntax(_))
        ));
        match parse(
            "{\n\"a\": 1e400}",
            32,
            Origin {
                line: 10,
                column: 1,
            },
        ) {
            Err(ParseFailure::Syntax(m)) => assert!(m.ends_with("at line 11 column 10"), "{m}"),
            _ => panic!("expected a syntax error"),
        }
    }

    #[test]
    fn syntax_error_columns_count_from_where_the_document_starts() {
        let at = |line, column| Origin { line, column };
        // On the document's first line the column moves with it…
        match parse(r#"{"a": }"#, 32, at(3, 9)) {
            Err(ParseFailure::Syntax(m)) => assert!(m.ends_with("at line 3 column 15"), "{m}"),
            _ => panic!("expected a syntax error"),
        }
        // …on later lines the document's columns are the file's.
        match parse("{\n\"a\": }", 32, at(3, 9)) {
            Err(ParseFailure::Syntax(m)) => assert!(m.ends_with("at line 4 column 6"), "{m}"),
            _ => panic!("expected a syntax error"),
        }
    }

    fn rounded_of(text: &str) -> Vec<(String, String, String)> {
        parse(text, 32, Origin::START)
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
    fn decimals_compare_by_value() {
        assert!(same_decimal("1.50", "1.5"));
        assert!(same_decimal("1e2", "100.0"));
        assert!(same_decimal("-0", "0.0"));
        assert!(same_decimal("0.00120", "1.2e-3"));
        assert!(!same_decimal("1.2e-3", "1.2e-4"));
        assert!(!same_decimal("-1", "1"));
        assert!(!same_decimal("1e99999999999999999999999", "1e20"));
    }
}
