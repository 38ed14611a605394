//! The strings JavaScript makes of JSON scalars, as Rocket.Chat's ajv
//! (`coerceTypes: true`) stores them: the generated code writes
//! `"" + value`, that is ECMAScript's `Number::toString` for a number
//! (ECMA-262, `Number::toString(x, radix)`, radix 10), `"true"` /
//! `"false"` for a boolean and `""` for `null`.
//!
//! A JSON number reaches the server through `JSON.parse`, which reads it as
//! the nearest double: `12345678901234567890` is the double
//! 12345678901234567168, written back as `"12345678901234567000"`.

use serde_json::{Number, Value};

/// The string ajv's coercion stores for a scalar, `None` for an array or
/// an object (which it refuses).
pub(crate) fn coerced_string(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Null => Some(String::new()),
        Value::Bool(b) => Some(b.to_string()),
        Value::Number(n) => Some(number_string(n)),
        Value::Array(_) | Value::Object(_) => None,
    }
}

/// `String(n)` in JavaScript for a JSON number read as a double.
pub(crate) fn number_string(n: &Number) -> String {
    // An integer beyond 2^53 is rounded to a double, as `JSON.parse` does.
    let x = n.as_f64().unwrap_or(f64::NAN);
    double_string(x)
}

/// ECMAScript's `Number::toString(x)` in radix 10.
///
/// The digits are the shortest that read back as `x` (Rust's float
/// formatting guarantees the same shortest round-trip digits as
/// ECMA-262 asks for, choosing the one closest to `x` when several are as
/// short); the layout follows the standard: with `k` digits and the
/// decimal point after `n` of them, `k ≤ n ≤ 21` is an integer padded with
/// zeros, `0 < n ≤ 21` puts the point inside the digits, `−6 < n ≤ 0`
/// writes `0.` and `−n` zeros first, and anything else is exponential
/// (`1e+21`, `1.5e-7`).
pub(crate) fn double_string(x: f64) -> String {
    if x.is_nan() {
        return "NaN".to_owned();
    }
    if x == 0.0 {
        // Both zeros are "0".
        return "0".to_owned();
    }
    if x < 0.0 {
        return format!("-{}", double_string(-x));
    }
    if x.is_infinite() {
        return "Infinity".to_owned();
    }
    // Shortest round-trip digits in scientific form: "1.2345e19", "5e-324".
    let scientific = format!("{x:e}");
    let (mantissa, exponent) = scientific
        .split_once('e')
        .expect("`{:e}` always writes an exponent");
    let digits: String = mantissa.chars().filter(|c| *c != '.').collect();
    let exponent: i64 = exponent.parse().expect("`{:e}` writes an integer exponent");
    let k = i64::try_from(digits.len()).expect("at most 17 digits");
    // The decimal point sits after `n` digits.
    let n = exponent + 1;
    if k <= n && n <= 21 {
        let zeros = usize::try_from(n - k).expect("n ≥ k");
        format!("{digits}{}", "0".repeat(zeros))
    } else if 0 < n && n <= 21 {
        let at = usize::try_from(n).expect("n > 0");
        format!("{}.{}", &digits[..at], &digits[at..])
    } else if -6 < n && n <= 0 {
        let zeros = usize::try_from(-n).expect("n ≤ 0");
        format!("0.{}{digits}", "0".repeat(zeros))
    } else {
        let e = n - 1;
        let sign = if e < 0 { '-' } else { '+' };
        let (first, rest) = digits.split_at(1);
        if rest.is_empty() {
            format!("{first}e{sign}{}", e.abs())
        } else {
            format!("{first}.{rest}e{sign}{}", e.abs())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `tests/data/rocketchat/js_number_strings.json`: literals and the
    /// strings node made of them (`scripts/rocketchat/numbers.mjs`).
    #[test]
    fn agrees_with_node() {
        let table: Value = serde_json::from_str(include_str!(
            "../../../tests/data/rocketchat/js_number_strings.json"
        ))
        .expect("the table is JSON");
        let numbers = table["numbers"].as_array().expect("a list of numbers");
        assert!(numbers.len() >= 50);
        for row in numbers {
            let literal = row["literal"].as_str().unwrap();
            let want = row["string"].as_str().unwrap();
            let value: Value = serde_json::from_str(literal).unwrap();
            assert_eq!(coerced_string(&value).as_deref(), Some(want), "{literal}");
        }
    }

    #[test]
    fn the_issue_s_examples() {
        for (literal, want) in [
            ("1.0", "1"),
            ("1e2", "100"),
            ("-0", "0"),
            ("1.5e3", "1500"),
            ("12345678901234567890", "12345678901234567000"),
            ("1e21", "1e+21"),
            ("0.000001", "0.000001"),
            ("1e-7", "1e-7"),
        ] {
            let value: Value = serde_json::from_str(literal).unwrap();
            assert_eq!(coerced_string(&value).unwrap(), want, "{literal}");
        }
        assert_eq!(double_string(f64::INFINITY), "Infinity");
        assert_eq!(double_string(f64::NEG_INFINITY), "-Infinity");
        assert_eq!(double_string(f64::NAN), "NaN");
        assert_eq!(coerced_string(&Value::Bool(true)).unwrap(), "true");
        assert_eq!(coerced_string(&Value::Null).unwrap(), "");
        assert_eq!(coerced_string(&serde_json::json!([])), None);
    }
}
