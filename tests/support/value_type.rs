//! Invariants every value type (`PushToken`, `Phone`, `Email`, …) shares,
//! for the value fuzz checks in this directory (`push_token.rs`, `phone.rs`,
//! `email.rs`), which use it as `super::value_type`: a fuzz target or test
//! that includes one of them includes this file beside it, once, with
//! `#[path]`.

use std::collections::hash_map::DefaultHasher;
use std::fmt::{Debug, Display};
use std::hash::{Hash, Hasher};
use std::str::FromStr;

use serde::Serialize;
use serde::de::DeserializeOwned;

/// A value type as `omnicontact::values` defines them.
pub trait ValueType:
    Sized + Clone + Debug + Display + Eq + Hash + FromStr + Serialize + DeserializeOwned
where
    <Self as FromStr>::Err: Debug + PartialEq,
{
    /// `T::parse`.
    fn parse(input: &str) -> Result<Self, <Self as FromStr>::Err>;
    /// `T::is_valid`.
    fn is_valid(input: &str) -> bool;
    /// `T::as_str`.
    fn as_str(&self) -> &str;
}

fn hash_of<T: Hash>(value: &T) -> u64 {
    let mut h = DefaultHasher::new();
    value.hash(&mut h);
    h.finish()
}

/// Asserts that `a == b` and that their hashes agree.
pub fn same<T: ValueType>(a: &T, b: &T, what: &str)
where
    <T as FromStr>::Err: Debug + PartialEq,
{
    assert_eq!(a, b, "{what}");
    assert_eq!(
        hash_of(a),
        hash_of(b),
        "{what}: equal values, different hashes"
    );
}

/// Checks the shared invariants on `input`; returns the parsed value.
///
/// - `is_valid(input) == parse(input).is_ok()`, and `FromStr` agrees with
///   `parse`;
/// - deserializing `input` as a JSON string agrees with `parse`;
/// - a value: `Display == as_str`, `as_str` is trimmed and not empty,
///   `parse(as_str)` is the same value (`Eq` and `Hash`), serializing gives
///   the JSON string of `as_str`, and deserializing that gives the value.
pub fn check<T: ValueType>(input: &str) -> Option<T>
where
    <T as FromStr>::Err: Debug + PartialEq,
{
    let parsed = T::parse(input);
    assert_eq!(
        T::is_valid(input),
        parsed.is_ok(),
        "is_valid({input:?}) disagrees with parse: {parsed:?}"
    );
    assert_eq!(input.parse::<T>(), parsed, "FromStr({input:?})");
    let json = serde_json::Value::String(input.to_owned());
    match serde_json::from_value::<T>(json) {
        Ok(v) => same(
            &v,
            parsed.as_ref().expect("serde accepted what parse refused"),
            "serde from the input",
        ),
        Err(e) => assert!(parsed.is_err(), "serde refused what parse accepted: {e}"),
    }
    let value = parsed.ok()?;
    let s = value.as_str();
    assert_eq!(value.to_string(), s, "Display != as_str");
    assert!(!s.is_empty(), "empty value from {input:?}");
    let trimmed = s.trim_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}');
    assert_eq!(trimmed, s, "the normalized value is not trimmed");
    match T::parse(s) {
        Ok(again) => same(&again, &value, "parse(as_str) is not the value"),
        Err(e) => panic!("the normalized value {s:?} of {input:?} does not parse: {e:?}"),
    }
    assert!(T::is_valid(s), "is_valid(as_str) is false");
    let text = serde_json::to_string(&value).expect("serializes");
    assert_eq!(
        text,
        serde_json::to_string(s).expect("a string serializes"),
        "serialized form"
    );
    let back: T = serde_json::from_str(&text).expect("the serialized form deserializes");
    same(&back, &value, "serde round trip");
    Some(value)
}
