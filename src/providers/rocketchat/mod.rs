//! Rocket.Chat: register an omnichannel contact,
//! `POST /api/v1/omnichannel/contacts`, headers `X-Auth-Token` and
//! `X-User-Id`.
//!
//! The server validates the body with an ajv schema (`coerceTypes: true`,
//! `additionalProperties: false`, `uniqueItems`) and checks neither email
//! nor phone formats. The table below mirrors that schema: unknown members
//! are errors; a number or boolean `name` or list item is converted to a
//! string and `null` to `""` as the server does (a `coerced` warning and a
//! change); and format problems the server would let through are warnings.
//! [`Report::provider_error`](crate::Report::provider_error) holds the exact
//! 400 body the server answers for an invalid body (the first error in
//! ajv's order: required `name`, `emails`, `phones`; additional properties;
//! then each member's type, items and duplicates in schema order), or its
//! 401 body when only the credentials are missing.
//!
//! Choices where the document is silent:
//! - `emails` / `phones` that are `null` are `required` errors (ajv does
//!   not coerce `null` to an array); a scalar there is a `type` error.
//! - Duplicates are compared after the server's coercion, before
//!   normalization; items that become equal only after normalization
//!   (`A@B.co` / `A@b.co`, `+1 415…` / `+1415…`) are merged (`lossy`).
//! - A `contactManager` that is a number or boolean is a `type` error, as
//!   the catalog states, and renders as `must be string`.
//! - Phone numbers without `+` are read in the validator's default
//!   region (a contact has no country member).
//!
//! ```
//! use omnicontact::{Provider, Validator};
//!
//! let v = Validator::new(Provider::RocketChat);
//! let r = v.validate_str(r#"{"name":"John","phones":["+123456789"],"emails":["john@example.com"],"customFileds":{}}"#);
//! # #[cfg(feature = "phone")]
//! assert_eq!(r.violations()[0].rule(), "rocketchat.phones.invalid_number"); // a warning
//! let unknown = r.violations().last().unwrap();
//! assert_eq!(unknown.rule(), "rocketchat.body.unknown_field");
//! assert_eq!(unknown.suggestion(), Some("customFields"));
//! assert_eq!(
//!     r.provider_error().unwrap().to_string(),
//!     r#"{"success":false,"error":"must NOT have additional properties [invalid-params]","errorType":"invalid-params"}"#
//! );
//! ```
#![doc = include_str!("rules.md")]

pub mod convert;
mod wire;

pub use wire::{CREATE, Contact};

use std::collections::HashMap;

use serde_json::{Map, Value, json};

use super::{Operation, Parts, ProviderErrors, ProviderSpec};
use crate::engine::{Format, Kind, Member, ObjectSpec, Walker, type_name};
use crate::rules::{self, RuleInfo};
use crate::values::{Email, Phone};

/// Rocket.Chat as data.
pub(crate) static SPEC: ProviderSpec = ProviderSpec {
    body: &BODY,
    region: |_| None,
    checks: &[],
    operations: &[Operation::Create],
    parts: |_| Parts {
        path: None,
        query: None,
        headers: Some(&HEADERS),
    },
    provider_error: Some(ProviderErrors {
        body: provider_error,
        unauthorized,
    }),
};

/// The body members in the server's schema order.
const MEMBERS: &[&str] = &["name", "emails", "phones", "customFields", "contactManager"];

static BODY: ObjectSpec = ObjectSpec {
    members: &[
        Member::required(
            "name",
            Kind::Custom(name),
            rules::ROCKETCHAT_NAME_TYPE,
            rules::ROCKETCHAT_NAME_REQUIRED,
        )
        .nullable(),
        Member::required(
            "emails",
            Kind::Custom(emails),
            rules::ROCKETCHAT_EMAILS_TYPE,
            rules::ROCKETCHAT_EMAILS_REQUIRED,
        )
        .nullable(),
        Member::required(
            "phones",
            Kind::Custom(phones),
            rules::ROCKETCHAT_PHONES_TYPE,
            rules::ROCKETCHAT_PHONES_REQUIRED,
        )
        .nullable(),
        Member::optional(
            "customFields",
            Kind::Custom(custom_fields),
            rules::ROCKETCHAT_CUSTOM_FIELDS_TYPE,
        ),
        Member::optional(
            "contactManager",
            Kind::Str(Format::Any),
            rules::ROCKETCHAT_CONTACT_MANAGER_TYPE,
        ),
    ],
    unknown: Some(rules::ROCKETCHAT_BODY_UNKNOWN_FIELD),
    check: None,
    ignore_case: false,
};

static HEADERS: ObjectSpec = ObjectSpec {
    members: &[
        Member::required(
            "X-Auth-Token",
            Kind::Str(Format::NonEmpty(rules::ROCKETCHAT_X_AUTH_TOKEN_REQUIRED)),
            rules::ROCKETCHAT_X_AUTH_TOKEN_REQUIRED,
            rules::ROCKETCHAT_X_AUTH_TOKEN_REQUIRED,
        ),
        Member::required(
            "X-User-Id",
            Kind::Str(Format::NonEmpty(rules::ROCKETCHAT_X_USER_ID_REQUIRED)),
            rules::ROCKETCHAT_X_USER_ID_REQUIRED,
            rules::ROCKETCHAT_X_USER_ID_REQUIRED,
        ),
    ],
    unknown: None,
    check: None,
    ignore_case: true,
};

/// The string the server makes of a scalar (ajv's `coerceTypes`), or
/// `None` for an object or array.
/// Whether the server coerces `value` to a string (it is not an array or
/// an object); [`coerce`] without building the string.
fn coercible(value: &Value) -> bool {
    !matches!(value, Value::Array(_) | Value::Object(_))
}

fn coerce(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Null => Some(String::new()),
        Value::Bool(b) => Some(b.to_string()),
        Value::Number(n) => Some(n.to_string()),
        Value::Array(_) | Value::Object(_) => None,
    }
}

/// Replaces a non-string scalar by the server's string for it.
fn coerce_in_place(w: &mut Walker<'_>, value: &mut Value, rule: &'static RuleInfo, what: &str) {
    if value.is_string() {
        return;
    }
    if let Some(s) = coerce(value) {
        w.report(
            rule,
            format!(
                "{what} is {}; the server stores it as the string {}",
                type_name(value),
                Value::String(s.clone())
            ),
        );
        let from = std::mem::replace(value, Value::String(s));
        w.change(rule, from, value.clone());
    }
}

/// `name`: a string; scalars coerced.
fn name(w: &mut Walker<'_>, value: &mut Value) {
    if !coercible(value) {
        w.wrong_type(rules::ROCKETCHAT_NAME_TYPE, "a string", value);
        return;
    }
    coerce_in_place(w, value, rules::ROCKETCHAT_NAME_COERCED, "`name`");
}

/// The rules of one string list (`emails` or `phones`).
struct ListRules {
    required: &'static RuleInfo,
    format: &'static RuleInfo,
    type_rule: &'static RuleInfo,
    coerced: &'static RuleInfo,
    unique: &'static RuleInfo,
    lossy: &'static RuleInfo,
}

fn emails(w: &mut Walker<'_>, value: &mut Value) {
    string_list(
        w,
        value,
        &ListRules {
            required: rules::ROCKETCHAT_EMAILS_REQUIRED,
            format: rules::ROCKETCHAT_EMAILS_FORMAT,
            type_rule: rules::ROCKETCHAT_EMAILS_TYPE,
            coerced: rules::ROCKETCHAT_EMAILS_COERCED,
            unique: rules::ROCKETCHAT_EMAILS_UNIQUE,
            lossy: rules::ROCKETCHAT_EMAILS_LOSSY,
        },
        |w, item| match Email::parse(item) {
            Ok(email) => Some(email.as_str().to_owned()),
            Err(e) => {
                w.report(
                    rules::ROCKETCHAT_EMAILS_FORMAT,
                    format!("not an email address: {e}"),
                );
                None
            }
        },
    );
}

fn phones(w: &mut Walker<'_>, value: &mut Value) {
    string_list(
        w,
        value,
        &ListRules {
            required: rules::ROCKETCHAT_PHONES_REQUIRED,
            format: rules::ROCKETCHAT_PHONES_FORMAT,
            type_rule: rules::ROCKETCHAT_PHONES_TYPE,
            coerced: rules::ROCKETCHAT_PHONES_COERCED,
            unique: rules::ROCKETCHAT_PHONES_UNIQUE,
            lossy: rules::ROCKETCHAT_PHONES_LOSSY,
        },
        |w, item| match Phone::parse_with_region(item, w.region.as_ref()) {
            Ok(phone) => {
                if phone.is_known_unassigned() {
                    w.report(
                        rules::ROCKETCHAT_PHONES_INVALID_NUMBER,
                        format!("`{phone}` is well-formed but no numbering plan assigns it"),
                    );
                }
                Some(phone.as_str().to_owned())
            }
            Err(e) => {
                w.report(
                    rules::ROCKETCHAT_PHONES_FORMAT,
                    format!("not a phone number: {e}"),
                );
                None
            }
        },
    );
}

/// An array of strings: item types, coercion, duplicates as sent, format
/// (by `normalize`, which reports and returns the normalized item), and
/// merging of items equal after normalization.
fn string_list(
    w: &mut Walker<'_>,
    value: &mut Value,
    rules: &ListRules,
    normalize: fn(&mut Walker<'_>, &str) -> Option<String>,
) {
    let Value::Array(items) = value else {
        if value.is_null() {
            w.report(rules.required, "may not be null; send `[]` for none");
        } else {
            w.wrong_type(rules.type_rule, "an array of strings", value);
        }
        return;
    };
    // The server's view: coerced strings; objects and arrays are errors.
    for (i, item) in items.iter_mut().enumerate() {
        w.at_index(i, |w| {
            if coercible(item) {
                coerce_in_place(w, item, rules.coerced, "this item");
            } else {
                w.wrong_type(rules.type_rule, "a string", item);
            }
        });
    }
    // Each string as sent and the index it was first seen at (linear).
    let mut first_sent: HashMap<&str, usize> = HashMap::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let Value::String(s) = item else { continue };
        let first = *first_sent.entry(s.as_str()).or_insert(i);
        if first != i {
            w.at_index(i, |w| {
                w.report(
                    rules.unique,
                    format!("identical to item {first}; the server refuses duplicates"),
                );
            });
        }
    }
    drop(first_sent);
    // Normalize what is well-formed, then merge items that became equal.
    let mut normalized: Vec<Value> = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let Value::String(s) = item else {
            normalized.push(item.clone());
            continue;
        };
        let n = w
            .at_index(i, |w| normalize(w, s))
            .unwrap_or_else(|| s.clone());
        normalized.push(Value::String(n));
    }
    let mut kept: Vec<Value> = Vec::with_capacity(items.len());
    let mut merged = false;
    // Each normalized string and the index (in `items`) it was first seen at.
    let mut first_normalized: HashMap<&str, usize> = HashMap::with_capacity(items.len());
    for (i, n) in normalized.iter().enumerate() {
        let Value::String(text) = n else {
            kept.push(n.clone());
            continue;
        };
        match first_normalized.get(text.as_str()) {
            Some(&first) if items[i] != items[first] => {
                merged = true;
                w.at_index(i, |w| {
                    w.report(
                        rules.lossy,
                        format!("the same as item {first} once normalized; merged into it"),
                    );
                });
            }
            // Identical as sent: already a `unique` error.
            Some(_) => merged = true,
            None => {
                first_normalized.insert(text.as_str(), i);
                kept.push(n.clone());
            }
        }
    }
    drop(first_normalized);
    for (i, (item, n)) in items.iter_mut().zip(&normalized).enumerate() {
        if item != n {
            let from = std::mem::replace(item, n.clone());
            w.at_index(i, |w| {
                w.change(rules.format, from, n.clone());
            });
        }
    }
    if merged {
        let from = std::mem::replace(items, kept);
        w.change(rules.lossy, Value::Array(from), Value::Array(items.clone()));
    }
}

/// `customFields`: an object or `null`, its content free.
fn custom_fields(w: &mut Walker<'_>, value: &mut Value) {
    if !value.is_object() && !value.is_null() {
        w.wrong_type(
            rules::ROCKETCHAT_CUSTOM_FIELDS_TYPE,
            "an object or null",
            value,
        );
    }
}

/// The 400 body for the first error in ajv's order, `None` when the server
/// would accept the body.
fn provider_error(body: &Value) -> Option<Value> {
    body_error(body).map(|message| {
        json!({
            "success": false,
            "error": format!("{message} [invalid-params]"),
            "errorType": "invalid-params",
        })
    })
}

/// The 401 body the server answers when credentials are missing.
fn unauthorized() -> Value {
    json!({"status": "error", "message": "You must be logged in to do this."})
}

fn body_error(body: &Value) -> Option<String> {
    let Value::Object(map) = body else {
        return Some("must be object".to_owned());
    };
    for name in ["name", "emails", "phones"] {
        if !map.contains_key(name) {
            return Some(format!("must have required property '{name}'"));
        }
    }
    if map.keys().any(|k| !MEMBERS.contains(&k.as_str())) {
        return Some("must NOT have additional properties".to_owned());
    }
    member_error(map)
}

fn member_error(map: &Map<String, Value>) -> Option<String> {
    for name in MEMBERS {
        let Some(value) = map.get(*name) else {
            continue;
        };
        let error = match *name {
            "name" => (!coercible(value)).then(|| "must be string".to_owned()),
            "emails" | "phones" => list_error(value),
            "customFields" => {
                (!value.is_object() && !value.is_null()).then(|| "must be object".to_owned())
            }
            _ => (!value.is_string() && !value.is_null()).then(|| "must be string".to_owned()),
        };
        if error.is_some() {
            return error;
        }
    }
    None
}

/// ajv's first error for a string list: type, item types, then
/// `uniqueItems` (which scans from the end, naming the later index first).
fn list_error(value: &Value) -> Option<String> {
    let Value::Array(items) = value else {
        return Some("must be array".to_owned());
    };
    if !items.iter().all(coercible) {
        return Some("must be string".to_owned());
    }
    let coerced: Vec<String> = items.iter().filter_map(coerce).collect();
    let mut seen: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for i in (0..coerced.len()).rev() {
        if let Some(&j) = seen.get(coerced[i].as_str()) {
            return Some(format!(
                "must NOT have duplicate items (items ## {j} and {i} are identical)"
            ));
        }
        seen.insert(&coerced[i], i);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ajv_names_the_later_duplicate_first() {
        assert_eq!(
            list_error(&json!(["a", "b", "a", "b"])).as_deref(),
            Some("must NOT have duplicate items (items ## 3 and 1 are identical)")
        );
        assert_eq!(
            list_error(&json!(["1", 1])).as_deref(),
            Some("must NOT have duplicate items (items ## 1 and 0 are identical)")
        );
        assert_eq!(list_error(&json!(["a", "A"])), None);
    }

    #[test]
    fn required_members_come_first_in_schema_order() {
        assert_eq!(
            body_error(&json!({"name": "x", "phones": [], "bogus": 1})).as_deref(),
            Some("must have required property 'emails'")
        );
        assert_eq!(body_error(&json!([])).as_deref(), Some("must be object"));
        assert_eq!(
            body_error(&json!({"name": {}, "emails": "x", "phones": []})).as_deref(),
            Some("must be string")
        );
    }
}
