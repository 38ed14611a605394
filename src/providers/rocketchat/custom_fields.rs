//! A workspace's registered custom fields, checked as Rocket.Chat's
//! handler checks `customFields` (`validateCustomFields.ts`): each
//! registered field in order — required and missing or blank, or not
//! matching its pattern — then each key the workspace has not registered.

use std::fmt;
use std::hash::{Hash, Hasher};
use std::sync::Arc;

use regex::Regex;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::js;

/// A custom field registered in a Rocket.Chat workspace (scope
/// `visitor`), as the server stores it and as
/// `GET /api/v1/livechat/custom-fields` lists it: `_id`, `label`,
/// `required`, `regexp` (other stored members are ignored). Give them to
/// [`Options::rocketchat_custom_fields`](crate::Options::rocketchat_custom_fields)
/// in the server's order and `customFields` is checked as the server's
/// handler checks it.
///
/// ```
/// use omnicontact::rocketchat::CustomField;
///
/// let stored = r#"{"_id":"cf1","label":"Custom Field 1","scope":"visitor","required":true,"regexp":"^[0-9]+$"}"#;
/// let field: CustomField = serde_json::from_str(stored).unwrap();
/// assert_eq!(field, CustomField::new("cf1").label("Custom Field 1").required(true).regexp("^[0-9]+$"));
/// assert_eq!(field.id(), "cf1");
/// assert!(field.is_required());
/// ```
#[derive(Clone, Serialize, Deserialize)]
#[serde(from = "Stored", into = "Stored")]
pub struct CustomField {
    id: String,
    label: Option<String>,
    required: bool,
    regexp: Option<String>,
    /// `regexp` as a Rust regex with JavaScript's matches, or why it could
    /// not be made one.
    pattern: Arc<Pattern>,
}

/// The stored form.
#[derive(Serialize, Deserialize)]
struct Stored {
    #[serde(rename = "_id")]
    id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    label: Option<String>,
    #[serde(default)]
    required: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    regexp: Option<String>,
}

impl From<Stored> for CustomField {
    fn from(s: Stored) -> Self {
        let field = CustomField::new(s.id).required(s.required);
        let field = match s.label {
            Some(label) => field.label(label),
            None => field,
        };
        match s.regexp {
            Some(regexp) => field.regexp(regexp),
            None => field,
        }
    }
}

impl From<CustomField> for Stored {
    fn from(f: CustomField) -> Self {
        Stored {
            id: f.id,
            label: f.label,
            required: f.required,
            regexp: f.regexp,
        }
    }
}

/// What a field's pattern is to the crate.
#[derive(Debug)]
enum Pattern {
    /// No pattern (absent or empty: the server skips it).
    None,
    /// The same matches as JavaScript's `new RegExp(source).test`.
    Exact(Regex),
    /// A pattern the crate cannot evaluate exactly as JavaScript does
    /// (why, for the message).
    Unchecked(String),
}

impl CustomField {
    /// A field with this id (the key in `customFields`), not required,
    /// without label or pattern.
    #[must_use]
    pub fn new(id: impl Into<String>) -> Self {
        CustomField {
            id: id.into(),
            label: None,
            required: false,
            regexp: None,
            pattern: Arc::new(Pattern::None),
        }
    }

    /// The label the server names the field by in its errors (else the
    /// id).
    #[must_use]
    pub fn label(mut self, label: impl Into<String>) -> Self {
        self.label = Some(label.into());
        self
    }

    /// Whether the field is required.
    #[must_use]
    pub fn required(mut self, required: bool) -> Self {
        self.required = required;
        self
    }

    /// The field's pattern: a JavaScript regular expression source,
    /// without flags, tested (not anchored) against the trimmed value.
    #[must_use]
    pub fn regexp(mut self, regexp: impl Into<String>) -> Self {
        let regexp = regexp.into();
        self.pattern = Arc::new(if regexp.is_empty() {
            Pattern::None
        } else {
            match translate(&regexp).and_then(|source| {
                Regex::new(&source).map_err(|_| "syntax JavaScript reads differently".to_owned())
            }) {
                Ok(regex) => Pattern::Exact(regex),
                Err(why) => Pattern::Unchecked(why),
            }
        });
        self.regexp = Some(regexp);
        self
    }

    /// The field's id.
    #[must_use]
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The field's label, if it has one.
    #[must_use]
    pub fn get_label(&self) -> Option<&str> {
        self.label.as_deref()
    }

    /// Whether the field is required.
    #[must_use]
    pub fn is_required(&self) -> bool {
        self.required
    }

    /// The field's pattern as given, if any.
    #[must_use]
    pub fn get_regexp(&self) -> Option<&str> {
        self.regexp.as_deref()
    }

    /// What the server names the field by: `cf.label || cf._id`.
    fn shown_name(&self) -> &str {
        match self.label.as_deref() {
            Some(label) if !label.is_empty() => label,
            _ => &self.id,
        }
    }
}

impl fmt::Debug for CustomField {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CustomField")
            .field("id", &self.id)
            .field("label", &self.label)
            .field("required", &self.required)
            .field("regexp", &self.regexp)
            .finish_non_exhaustive()
    }
}

impl PartialEq for CustomField {
    fn eq(&self, other: &Self) -> bool {
        // The compiled pattern follows from `regexp`.
        (&self.id, &self.label, self.required, &self.regexp)
            == (&other.id, &other.label, other.required, &other.regexp)
    }
}

impl Eq for CustomField {}

impl Hash for CustomField {
    fn hash<H: Hasher>(&self, state: &mut H) {
        (&self.id, &self.label, self.required, &self.regexp).hash(state);
    }
}

/// One finding of the handler's check, in the handler's order.
pub(crate) enum Finding<'a> {
    /// `customFields` is `null` while fields are registered: the server
    /// fails reading it.
    Null,
    /// A required field is absent (or blank once trimmed).
    Required { field: &'a CustomField, blank: bool },
    /// A value does not match its field's pattern.
    Mismatch {
        field: &'a CustomField,
        value: String,
    },
    /// A field whose pattern (or value) the crate cannot test exactly.
    Unchecked { field: &'a CustomField, why: String },
    /// A key the workspace has not registered.
    NotAllowed { key: String },
}

impl Finding<'_> {
    /// The 400 body the server answers for this finding, `None` for
    /// [`Finding::Unchecked`] (the server's answer is not known).
    pub(crate) fn server_error(&self) -> Option<Value> {
        let message = match self {
            Finding::Null => "Cannot read properties of null (reading 'hasOwnProperty')".to_owned(),
            Finding::Required { field, .. } | Finding::Mismatch { field, .. } => {
                format!(
                    "Invalid value for {} field",
                    i18next_escape(field.shown_name())
                )
            }
            Finding::NotAllowed { key } => {
                format!("Custom field {} is not allowed", i18next_escape(key))
            }
            Finding::Unchecked { .. } => return None,
        };
        Some(serde_json::json!({"success": false, "error": message}))
    }
}

/// The handler's check of `customFields` (as the schema left it; absent is
/// `{}`) against the registered `fields`, every finding in its order.
pub(crate) fn check<'a>(fields: &'a [CustomField], custom: Option<&Value>) -> Vec<Finding<'a>> {
    let empty = Map::new();
    let object = match custom {
        None => &empty,
        Some(Value::Object(map)) => map,
        // `null.hasOwnProperty(…)`; with no field registered the loop
        // does not run and `for…in null` enumerates nothing.
        Some(Value::Null) if fields.is_empty() => return Vec::new(),
        Some(Value::Null) => return vec![Finding::Null],
        // A type error the schema refuses first.
        Some(_) => return Vec::new(),
    };
    let mut findings = Vec::new();
    for field in fields {
        let Some(value) = object.get(&field.id) else {
            if field.required {
                findings.push(Finding::Required {
                    field,
                    blank: false,
                });
            }
            continue;
        };
        let value = js_trim(&make_string(value)).to_owned();
        if value.is_empty() {
            if field.required {
                findings.push(Finding::Required { field, blank: true });
            }
            continue;
        }
        match &*field.pattern {
            Pattern::None => {}
            Pattern::Unchecked(why) => findings.push(Finding::Unchecked {
                field,
                why: why.clone(),
            }),
            // JavaScript without the `u` flag reads UTF-16 code units: a
            // character beyond U+FFFF is two of them, one to Rust.
            Pattern::Exact(_) if value.chars().any(|c| u32::from(c) > 0xFFFF) => {
                findings.push(Finding::Unchecked {
                    field,
                    why: "the value has a character beyond U+FFFF".to_owned(),
                });
            }
            Pattern::Exact(regex) => {
                if !regex.is_match(&value) {
                    findings.push(Finding::Mismatch { field, value });
                }
            }
        }
    }
    for key in js_key_order(object) {
        if !fields.iter().any(|f| f.id == key) {
            findings.push(Finding::NotAllowed {
                key: key.to_owned(),
            });
        }
    }
    findings
}

/// The keys of an object in the order JavaScript's `for…in` visits them:
/// array indices (canonical integers below 2³² − 1) ascending, then the
/// others in insertion order.
fn js_key_order(object: &Map<String, Value>) -> Vec<&str> {
    let index = |k: &str| -> Option<u32> {
        let n: u32 = k.parse().ok()?;
        (n < u32::MAX && n.to_string() == k).then_some(n)
    };
    let mut indices: Vec<(u32, &str)> = object
        .keys()
        .filter_map(|k| index(k).map(|n| (n, k.as_str())))
        .collect();
    indices.sort_unstable();
    indices
        .into_iter()
        .map(|(_, k)| k)
        .chain(
            object
                .keys()
                .map(String::as_str)
                .filter(|k| index(k).is_none()),
        )
        .collect()
}

/// `makeString` of Rocket.Chat's `lib/utils/stringUtils.ts`: a falsy value
/// (`null`, `false`, `0`, `""`) is `""`, anything else `String(value)`.
fn make_string(value: &Value) -> String {
    match value {
        Value::Null | Value::Bool(false) => String::new(),
        Value::Number(n) if n.as_f64() == Some(0.0) => String::new(),
        other => js_string(other),
    }
}

/// JavaScript's `String(value)` of a JSON value.
fn js_string(value: &Value) -> String {
    match value {
        Value::Object(_) => "[object Object]".to_owned(),
        // `Array.prototype.join(",")`: `null` items are empty.
        Value::Array(items) => items
            .iter()
            .map(|item| match item {
                Value::Null => String::new(),
                other => js_string(other),
            })
            .collect::<Vec<_>>()
            .join(","),
        other => js::coerced_string(other).unwrap_or_default(),
    }
}

/// Whether `c` is JavaScript white space or a line terminator (what
/// `String.prototype.trim` removes and `\s` matches).
fn is_js_space(c: char) -> bool {
    matches!(
        c,
        '\t' | '\n' | '\u{B}' | '\u{C}' | '\r' | ' ' | '\u{A0}' | '\u{1680}' | '\u{2000}'
            ..='\u{200A}'
                | '\u{2028}'
                | '\u{2029}'
                | '\u{202F}'
                | '\u{205F}'
                | '\u{3000}'
                | '\u{FEFF}'
    )
}

/// `String.prototype.trim`.
fn js_trim(s: &str) -> &str {
    s.trim_matches(is_js_space)
}

/// i18next's default interpolation escaping (`escapeValue: true`, which
/// Rocket.Chat's server `i18n.init` leaves on): `& < > " ' /`.
fn i18next_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '/' => out.push_str("&#x2F;"),
            c => out.push(c),
        }
    }
    out
}

/// JavaScript's `\s` as the inside of a Rust character class.
const JS_SPACE: &str =
    r"\t\n\x0B\x0C\r \xA0\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}";
/// JavaScript's `\w` (ASCII without the `u` and `i` flags).
const JS_WORD: &str = "0-9A-Za-z_";

/// A JavaScript `RegExp` source (no flags) as a Rust regex with the same
/// matches, or why it cannot be: lookarounds, backreferences, octal,
/// control and letter escapes, characters beyond U+FFFF, and the Annex B
/// oddities are left to the server.
fn translate(js: &str) -> Result<String, String> {
    let chars: Vec<char> = js.chars().collect();
    if chars.iter().any(|&c| u32::from(c) > 0xFFFF) {
        return Err("a character beyond U+FFFF".to_owned());
    }
    let mut out = String::with_capacity(js.len() + 8);
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        i += 1;
        match c {
            '\\' => {
                let (piece, used) = escape(&chars[i..], false)?;
                out.push_str(&piece);
                i += used;
            }
            '[' => {
                let (piece, used) = class(&chars[i..])?;
                out.push_str(&piece);
                i += used;
            }
            '(' => {
                let rest: String = chars[i..].iter().take(3).collect();
                if rest.starts_with("?:") {
                    out.push_str("(?:");
                    i += 2;
                } else if rest.starts_with("?=")
                    || rest.starts_with("?!")
                    || rest.starts_with("?<=")
                    || rest.starts_with("?<!")
                {
                    return Err("a lookaround".to_owned());
                } else if rest.starts_with("?<") {
                    let name: String = chars[i + 2..].iter().take_while(|&&c| c != '>').collect();
                    let valid = name
                        .chars()
                        .next()
                        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
                        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
                    if !valid || i + 2 + name.len() >= chars.len() {
                        return Err("a group name".to_owned());
                    }
                    out.push_str("(?<");
                    out.push_str(&name);
                    out.push('>');
                    i += 2 + name.len() + 1;
                } else if rest.starts_with('?') {
                    return Err("a group modifier".to_owned());
                } else {
                    out.push('(');
                }
            }
            '{' => {
                let quantifier: String = chars[i..].iter().take_while(|&&c| c != '}').collect();
                let closed = i + quantifier.len() < chars.len();
                let valid = closed && {
                    let (min, max) = quantifier.split_once(',').unwrap_or((&quantifier, "0"));
                    !min.is_empty()
                        && min.chars().all(|c| c.is_ascii_digit())
                        && max.chars().all(|c| c.is_ascii_digit())
                };
                if valid {
                    out.push('{');
                    out.push_str(&quantifier);
                    out.push('}');
                    i += quantifier.len() + 1;
                } else {
                    return Err("a brace that is not a quantifier".to_owned());
                }
            }
            '}' | ']' => return Err(format!("a lone '{c}'")),
            '.' => out.push_str(r"[^\n\r\x{2028}\x{2029}]"),
            '^' | '$' | '|' | ')' | '*' | '+' | '?' => out.push(c),
            other => out.push_str(&regex::escape(&other.to_string())),
        }
    }
    Ok(out)
}

/// One escape after `\` (`rest` starts after it), inside a class or not:
/// its Rust form and how many characters it used.
fn escape(rest: &[char], in_class: bool) -> Result<(String, usize), String> {
    let Some(&c) = rest.first() else {
        return Err("a '\\' at the end".to_owned());
    };
    let hex = |n: usize| -> Option<u32> {
        let digits: String = rest.get(1..=n)?.iter().collect();
        (digits.len() == n && digits.chars().all(|c| c.is_ascii_hexdigit()))
            .then(|| u32::from_str_radix(&digits, 16).ok())
            .flatten()
    };
    let piece = match c {
        'd' if in_class => "0-9".to_owned(),
        'w' if in_class => JS_WORD.to_owned(),
        's' if in_class => JS_SPACE.to_owned(),
        'D' | 'W' | 'S' if in_class => return Err("a negated class escape in a class".to_owned()),
        'd' => "[0-9]".to_owned(),
        'D' => "[^0-9]".to_owned(),
        'w' => format!("[{JS_WORD}]"),
        'W' => format!("[^{JS_WORD}]"),
        's' => format!("[{JS_SPACE}]"),
        'S' => format!("[^{JS_SPACE}]"),
        'b' if in_class => r"\x08".to_owned(),
        'b' => r"(?-u:\b)".to_owned(),
        'B' => r"(?-u:\B)".to_owned(),
        'n' | 'r' | 't' | 'f' | 'v' => format!("\\{c}"),
        '0' if rest.get(1).is_some_and(char::is_ascii_digit) => {
            return Err("an octal escape".to_owned());
        }
        '0' => r"\x00".to_owned(),
        '1'..='9' => return Err("a backreference".to_owned()),
        'x' => {
            let code = hex(2).ok_or("a '\\x' escape without two hex digits")?;
            return Ok((format!("\\x{{{code:X}}}"), 3));
        }
        'u' => {
            let code = hex(4).ok_or("a '\\u' escape without four hex digits")?;
            if (0xD800..=0xDFFF).contains(&code) {
                return Err("a surrogate escape".to_owned());
            }
            return Ok((format!("\\x{{{code:X}}}"), 5));
        }
        c if c.is_ascii_alphanumeric() => return Err(format!("the escape '\\{c}'")),
        // `<` and `>` are word-boundary assertions when escaped in Rust.
        '<' | '>' => c.to_string(),
        c if c.is_ascii_punctuation() => format!("\\{c}"),
        c => c.to_string(),
    };
    Ok((piece, 1))
}

/// A character class after its `[` (`rest` starts after it): its Rust form
/// and how many characters it used (through the closing `]`).
fn class(rest: &[char]) -> Result<(String, usize), String> {
    /// One element of a class, to check ranges next to class escapes.
    enum Item {
        Literal(String),
        Shorthand(String),
        Dash,
    }
    let mut i = 0;
    let negated = rest.first() == Some(&'^');
    if negated {
        i += 1;
    }
    let mut items = Vec::new();
    loop {
        let Some(&c) = rest.get(i) else {
            return Err("an unclosed class".to_owned());
        };
        i += 1;
        match c {
            ']' => break,
            '\\' => {
                let next = rest.get(i).copied();
                let (piece, used) = escape(&rest[i..], true)?;
                i += used;
                if matches!(next, Some('d' | 'w' | 's')) {
                    items.push(Item::Shorthand(piece));
                } else {
                    items.push(Item::Literal(piece));
                }
            }
            '-' => items.push(Item::Dash),
            '[' | '&' | '~' | '^' => items.push(Item::Literal(format!("\\{c}"))),
            c => items.push(Item::Literal(c.to_string())),
        }
    }
    if items.is_empty() {
        // `[]` matches nothing, `[^]` anything.
        return if negated {
            Ok((r"[\s\S]".to_owned(), i))
        } else {
            Err("an empty class".to_owned())
        };
    }
    let mut out = String::from(if negated { "[^" } else { "[" });
    for (at, item) in items.iter().enumerate() {
        match item {
            Item::Dash => {
                let inner = at > 0 && at + 1 < items.len();
                if inner {
                    let around = [&items[at - 1], &items[at + 1]];
                    if around
                        .iter()
                        .any(|x| matches!(x, Item::Shorthand(_) | Item::Dash))
                    {
                        return Err("a range next to a class escape".to_owned());
                    }
                    out.push('-');
                } else {
                    out.push_str(r"\-");
                }
            }
            Item::Literal(s) | Item::Shorthand(s) => out.push_str(s),
        }
    }
    out.push(']');
    Ok((out, i))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn matches(pattern: &str, value: &str) -> Option<bool> {
        match &*CustomField::new("f").regexp(pattern).pattern {
            Pattern::Exact(r) => Some(r.is_match(value)),
            _ => None,
        }
    }

    #[test]
    fn javascript_patterns_match_as_in_javascript() {
        assert_eq!(matches("^[0-9]+$", "123"), Some(true));
        assert_eq!(matches("^[0-9]+$", "12a"), Some(false));
        // `\d` is ASCII in JavaScript, Unicode in Rust.
        assert_eq!(matches(r"^\d+$", "١٢٣"), Some(false));
        assert_eq!(matches(r"^\w+$", "é"), Some(false));
        // `.` stops at every JavaScript line terminator.
        assert_eq!(matches("^.$", "\u{2028}"), Some(false));
        assert_eq!(matches("^.$", "\u{85}"), Some(true));
        // `\s` is JavaScript's set: U+FEFF yes, U+0085 no.
        assert_eq!(matches(r"^\s$", "\u{FEFF}"), Some(true));
        assert_eq!(matches(r"^\s$", "\u{85}"), Some(false));
        // Not anchored unless written so.
        assert_eq!(matches("pro", "the pro plan"), Some(true));
        assert_eq!(matches(r"^[\w.-]+@[\w-]+\.\w+$", "a.b@c-d.io"), Some(true));
        assert_eq!(matches(r"\bpro\b", "é pro"), Some(true));
        assert_eq!(matches(r"a\/b", "a/b"), Some(true));
        assert_eq!(matches(r"^[[:a]+$", "[:a"), Some(true));
        assert_eq!(matches(r"^[a&&b]+$", "&"), Some(true));
        assert_eq!(matches(r"^\x41\u0042$", "AB"), Some(true));
        assert_eq!(matches(r"^a{2,3}$", "aaa"), Some(true));
        assert_eq!(matches(r"^[^]$", "x"), Some(true));
        assert_eq!(matches(r"^\<$", "<"), Some(true));
        assert_eq!(matches(r"^(?<year>\d{4})$", "2024"), Some(true));
    }

    /// `tests/data/rocketchat/js_regexps.json`: patterns, values and what
    /// node's `new RegExp(pattern).test(value)` said
    /// (`scripts/rocketchat/regexps.mjs`). Every pattern the crate
    /// translates matches exactly as JavaScript; a pattern JavaScript
    /// refuses is left unchecked.
    #[test]
    fn agrees_with_node() {
        /// An array of strings in the table.
        fn strings(array: &Value) -> Vec<&str> {
            array
                .as_array()
                .unwrap()
                .iter()
                .map(|v| v.as_str().unwrap())
                .collect()
        }

        let table: Value = serde_json::from_str(include_str!(
            "../../../tests/data/rocketchat/js_regexps.json"
        ))
        .unwrap();
        let values = strings(&table["values"]);
        let mut exact = 0;
        for row in table["patterns"].as_array().unwrap() {
            let pattern = row["pattern"].as_str().unwrap();
            let field = CustomField::new("f").regexp(pattern);
            let Pattern::Exact(regex) = &*field.pattern else {
                continue;
            };
            assert!(
                row.get("error").is_none(),
                "{pattern}: JavaScript refuses it"
            );
            exact += 1;
            let matched = strings(&row["matches"]);
            for value in &values {
                // Beyond U+FFFF: not tested by the crate (`check`).
                if value.chars().any(|c| u32::from(c) > 0xFFFF) {
                    continue;
                }
                assert_eq!(
                    regex.is_match(value),
                    matched.contains(value),
                    "{pattern} on {value:?}"
                );
            }
        }
        assert!(exact >= 45, "only {exact} patterns translated");
    }

    #[test]
    fn what_rust_cannot_match_as_javascript_is_left_unchecked() {
        for pattern in [
            r"(?=a)a", r"(?<!a)b", r"(a)\1", r"\p{L}", "a{", "[]", r"[\w-z]", r"\k<x>", "😀", "(",
            "(?i)a",
        ] {
            assert_eq!(matches(pattern, "a"), None, "{pattern}");
        }
    }

    #[test]
    fn values_are_read_as_the_server_reads_them() {
        assert_eq!(make_string(&json!(null)), "");
        assert_eq!(make_string(&json!(0)), "");
        assert_eq!(make_string(&json!(false)), "");
        assert_eq!(make_string(&json!(123)), "123");
        assert_eq!(make_string(&json!(true)), "true");
        assert_eq!(make_string(&json!({})), "[object Object]");
        assert_eq!(make_string(&json!([])), "");
        assert_eq!(make_string(&json!([1, null, [2, "x"]])), "1,,2,x");
        assert_eq!(js_trim("\u{FEFF} 1 \u{3000}"), "1");
        assert_eq!(js_trim("\u{85}1"), "\u{85}1");
    }

    #[test]
    fn keys_in_for_in_order() {
        let object: Map<String, Value> =
            serde_json::from_str(r#"{"b":1,"2":1,"a":1,"10":1,"01":1,"4294967295":1}"#).unwrap();
        assert_eq!(
            js_key_order(&object),
            ["2", "10", "b", "a", "01", "4294967295"]
        );
    }

    #[test]
    fn messages_escape_as_i18next() {
        let field = CustomField::new("x").label("A/B & <C>");
        let finding = Finding::Required {
            field: &field,
            blank: false,
        };
        assert_eq!(
            finding.server_error().unwrap()["error"],
            "Invalid value for A&#x2F;B &amp; &lt;C&gt; field"
        );
    }
}
