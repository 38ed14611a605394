//! Reading a document into a `serde_json::Value` in one pass, while
//! enforcing the depth limit and noticing duplicate member names, which
//! `serde_json` would otherwise resolve silently (last one wins).

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
/// (pointer of each repeated member, in document order).
pub(crate) struct Parsed {
    pub value: Value,
    pub duplicates: Vec<String>,
}

/// `serde_json`'s message, with the line counted from `first_line`.
fn syntax_message(e: &serde_json::Error, first_line: usize) -> String {
    let message = e.to_string();
    if e.line() == 0 || first_line <= 1 {
        return message;
    }
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    match message.strip_suffix(&suffix) {
        Some(what) => format!(
            "{what} at line {} column {}",
            e.line().saturating_add(first_line - 1),
            e.column()
        ),
        None => message,
    }
}

struct State {
    path: String,
    max_depth: usize,
    too_deep: Option<String>,
    duplicates: Vec<String>,
}

/// Parses `text`, refusing nesting deeper than `max_depth` (the body object
/// itself is depth 1). `text` starts on line `first_line` of its file; a
/// syntax error names the file's line.
pub(crate) fn parse(
    text: &str,
    max_depth: usize,
    first_line: usize,
) -> Result<Parsed, ParseFailure> {
    let mut state = State {
        path: String::with_capacity(64),
        max_depth,
        too_deep: None,
        duplicates: Vec::new(),
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
        }),
        Err(e) => match state.too_deep {
            Some(path) => Err(ParseFailure::TooDeep(path)),
            None => Err(ParseFailure::Syntax(syntax_message(&e, first_line))),
        },
    }
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
        Ok(Value::from(v))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
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
        let p = parse(r#"{"b":1,"a":[true,null,"x",1.5]}"#, 32, 1).unwrap();
        assert_eq!(p.value.to_string(), r#"{"b":1,"a":[true,null,"x",1.5]}"#);
        assert!(p.duplicates.is_empty());
    }

    #[test]
    fn reports_duplicates_with_their_pointer() {
        let p = parse(r#"{"a":1,"o":{"x/y":1,"x/y":2},"a":3}"#, 32, 1).unwrap();
        assert_eq!(p.duplicates, ["/o/x~1y", "/a"]);
        assert_eq!(p.value["a"], 3);
    }

    #[test]
    fn depth_limit_counts_the_body_as_one() {
        assert!(parse(r#"{"a":{"b":1}}"#, 2, 1).is_ok());
        match parse(r#"{"a":{"b":[1]}}"#, 2, 1) {
            Err(ParseFailure::TooDeep(p)) => assert_eq!(p, "/a/b"),
            _ => panic!("expected too deep"),
        }
    }

    #[test]
    fn deep_input_beyond_serde_limit_is_too_deep_not_a_crash() {
        let text = "[".repeat(100_000);
        match parse(&text, 32, 1) {
            Err(ParseFailure::TooDeep(p)) => assert_eq!(p.matches('/').count(), 32),
            _ => panic!("expected too deep"),
        }
    }

    #[test]
    fn syntax_errors_name_line_and_column() {
        match parse("{\n\"a\": 1e400}", 32, 1) {
            Err(ParseFailure::Syntax(m)) => assert!(m.contains("line 2"), "{m}"),
            _ => panic!("expected a syntax error"),
        }
        assert!(matches!(parse("", 32, 1), Err(ParseFailure::Syntax(_))));
        assert!(matches!(
            parse("{} {}", 32, 1),
            Err(ParseFailure::Syntax(_))
        ));
        match parse("{\n\"a\": 1e400}", 32, 10) {
            Err(ParseFailure::Syntax(m)) => assert!(m.ends_with("at line 11 column 10"), "{m}"),
            _ => panic!("expected a syntax error"),
        }
    }
}
