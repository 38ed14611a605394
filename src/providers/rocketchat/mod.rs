//! Rocket.Chat: register an omnichannel contact,
//! `POST /api/v1/omnichannel/contacts`, headers `X-Auth-Token` and
//! `X-User-Id`.
//!
//! The server validates the body with an ajv schema (`coerceTypes: true`,
//! `additionalProperties: false`, `uniqueItems`) and checks neither email
//! nor phone formats. The table below mirrors that schema: unknown members
//! are errors; a number or boolean `name`, `contactManager` or list item is
//! converted to a string and `null` to `""` (`contactManager` stays
//! `null`) as the server does (a `coerced` warning and a change); and format
//! problems the server would let through are warnings.
//! [`Report::provider_error`](crate::Report::provider_error) holds the exact
//! 400 body the server answers for an invalid body (the first error in
//! ajv's order: required `name`, `emails`, `phones`; additional properties;
//! then each member's type, items and duplicates in schema order), or its
//! 401 body when only the credentials are missing.
//!
//! # Sources
//!
//! Read in `RocketChat/Rocket.Chat` (7.x development branch; each file at
//! the commit given):
//! - `packages/rest-typings/src/v1/omnichannel.ts` @ `00a70fd1`,
//!   `POSTOmnichannelContactsSchema` (and its neighbours
//!   `POSTUpdateOmnichannelContactsSchema`, `POSTOmnichannelContactSchema`,
//!   which this endpoint does not use). Re-written as JSON in
//!   `scripts/rocketchat/POSTOmnichannelContactsSchema.json`.
//! - `packages/rest-typings/src/v1/Ajv.ts` @ `0307fb0f`: `ajv/dist/2020`
//!   with `coerceTypes: true`, `allowUnionTypes`, `discriminator`; no
//!   `allErrors`, so one error is reported.
//! - `apps/meteor/app/api/server/ApiClass.ts` @ `019378e3`:
//!   `validateParams` throws `Meteor.Error('invalid-params', messages)` and
//!   answers `{"success":false,"error":"<message> [invalid-params]","errorType":"invalid-params"}`;
//!   a missing login answers 401 `api.unauthorized('You must be logged in
//!   to do this.')` (lines 361–369) with `status: 'error'` and `message`
//!   added while `applyBreakingChanges` is false (line 57,
//!   `shouldBreakInVersion('8.0.0')`; `_internalRouteActionHandler`, lines
//!   819–832), before any validation of the body. Later code keeps the
//!   four members until 9.0: `apps/meteor/server/api/ApiClass.ts` @
//!   `b2da2544` line 63 (`shouldBreakInVersion('9.0.0')`) and
//!   `apps/meteor/server/api/v1/middlewares/authenticationHono.ts` @
//!   `bec8300d` lines 26–38; the e2e test
//!   `apps/meteor/tests/end-to-end/api/cloud.ts` @ `8613acac` lines 21–28
//!   expects `status` and `message` on a 401. (Builds around `e5433893`
//!   answer no 401 when the workspace allows anonymous read; not modelled.)
//! - `apps/meteor/app/livechat/server/api/v1/contact.ts`: the route,
//!   `createContact({ ...this.bodyParams, unknown: false })` on the body ajv
//!   has coerced.
//! - `apps/meteor/app/livechat/server/lib/contacts/createContact.ts` @
//!   `0499431`, `validateCustomFields.ts` @ `02b694d8`,
//!   `getAllowedCustomFields.ts`, `apps/meteor/lib/utils/stringUtils.ts`
//!   (`trim`): a non-empty `contactManager` must be an agent's id
//!   (`error-contact-manager-not-found`), then `customFields` is checked
//!   against the workspace's custom fields of scope `visitor`.
//! - `apps/meteor/server/lib/i18n.ts` @ `110f2019` and
//!   `apps/meteor/app/utils/lib/i18n.ts`: i18next with its default
//!   interpolation (values HTML-escaped); the English strings
//!   `Invalid value for {{field}} field` and
//!   `Custom field {{key}} is not allowed` as the e2e tests assert them.
//! - `apps/meteor/tests/end-to-end/api/livechat/contacts.ts` @ `0010981f`,
//!   lines 50–440: every case is in `tests/providers/rocketchat.json`.
//! - ajv 8.17.1's generated code for the schema (the verdicts in
//!   `tests/providers/rocketchat.json` come from running it:
//!   `scripts/rocketchat/verdicts.mjs`).
//! - The seed page: Rocket.Chat's omnichannel contacts API reference page
//!   as first read when the crate was written, for the members' meanings.
//!
//! # Choices
//!
//! Where the sources decide:
//! - A number is stored as JavaScript's `String(n)` of the double
//!   `JSON.parse` read (ajv writes `"" + n`): `1.0` → `"1"`, `1e2` →
//!   `"100"`, `-0` → `"0"`, `12345678901234567890` →
//!   `"12345678901234567000"`, `1e21` → `"1e+21"`, `1e-7` → `"1e-7"`.
//!   Duplicates are judged on those strings (ajv's `uniqueItems` runs after
//!   the items' coercion): `[1.0, "1"]` is refused.
//! - ajv's `uniqueItems` indexes strings in a plain object, where
//!   `"__proto__"` is never stored: that string twice is no duplicate to
//!   the server (accepted; the crate merges the two with a `lossy`
//!   warning, as for items equal once normalized).
//! - `customFields` sent as `""`, `0` or `false` becomes `null` (ajv's
//!   coercion for a nullable object type): accepted, with a
//!   `rocketchat.custom_fields.coerced` warning. `customFields` and
//!   `contactManager` may be `null`.
//! - `emails` / `phones` that are `null` are present to ajv (`required`
//!   checks `undefined`) and fail its `type` check (`must be array`); the
//!   crate reports them under `*.required` ("present and not null"), its
//!   published meaning.
//!
//! What the crate knows only when told (no I/O):
//! - whether a non-empty `contactManager` names an agent
//!   (`error-contact-manager-not-found`, a 400 the crate does not predict;
//!   `provider_error` assumes it does);
//! - the workspace's registered custom fields: given as
//!   [`Options::rocketchat_custom_fields`](crate::Options::rocketchat_custom_fields)
//!   ([`CustomField`], the server's stored form), `customFields` is
//!   checked as `validateCustomFields.ts` does, in its order: for each
//!   registered field, required and absent or blank once trimmed
//!   (`rocketchat.custom_fields.required`), or its value not matching the
//!   field's JavaScript pattern (`rocketchat.custom_fields.format`); then
//!   each key not registered, in JavaScript's `for…in` order
//!   (`rocketchat.custom_fields.not_allowed`). A value is read as the
//!   server reads it (`makeString`, then JavaScript's `trim`); the error
//!   strings are the server's English ones, interpolated values escaped as
//!   i18next escapes them by default. With fields registered, a `null`
//!   `customFields` (or `""`, `0`, `false`, which ajv makes `null`) makes
//!   the server fail on `null.hasOwnProperty`
//!   (`rocketchat.custom_fields.null`). Without the option, keys and
//!   values are free (the crate does not know the workspace).
//! - A pattern is translated to a Rust regex with JavaScript's meaning
//!   (`\d`, `\w`, `\b` ASCII; `\s` and `.` with JavaScript's white space
//!   and line terminators; Annex B literals), checked against node in
//!   `tests/data/rocketchat/js_regexps.json`. What Rust cannot match the
//!   same way (lookarounds, backreferences, a value beyond U+FFFF) is not
//!   tested: a `rocketchat.custom_fields.unchecked` warning, never a false
//!   error. The server trims values and drops blank optional ones when it
//!   stores them; the crate leaves the values as sent.
//!
//! Where the document is silent:
//! - Duplicates are compared after the server's coercion, before
//!   normalization; items that become equal only after normalization
//!   (`A@B.co` / `A@b.co`, `+1 415…` / `+1415…`) are merged (`lossy`).
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
mod custom_fields;
mod js;
mod wire;

pub use custom_fields::CustomField;
pub use wire::{CREATE, Contact};

use crate::lookup::FirstSeen;

use serde_json::{Map, Value, json};

use super::{Operation, Parts, ProviderErrors, ProviderSpec};
use crate::engine::Deeper;
use crate::engine::read::{IdType, Reader};
use crate::engine::{Empty, Format, Kind, Member, ObjectSpec, To, Walker, Write, shown};
use crate::model::field;
use crate::rules::{self, RuleInfo};
use crate::values::{Email, Phone};
use custom_fields::Finding;

/// Rocket.Chat as data.
pub(crate) static SPEC: ProviderSpec = ProviderSpec {
    body: &BODY,
    region: |_| None,
    checks: &[registered_custom_fields],
    read: None,
    write: None,
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

static BODY: ObjectSpec = ObjectSpec::of(&[
    Member::required(
        "name",
        Kind::Custom(name),
        rules::ROCKETCHAT_NAME_TYPE,
        rules::ROCKETCHAT_NAME_REQUIRED,
    )
    .nullable()
    .to(To::Read(read_name))
    .write(Write::Field(&field::DISPLAY_NAME))
    .sent_empty(Empty::Text),
    Member::required(
        "emails",
        Kind::Custom(emails),
        rules::ROCKETCHAT_EMAILS_TYPE,
        rules::ROCKETCHAT_EMAILS_REQUIRED,
    )
    .nullable()
    .to(To::Id(IdType::Email))
    .sent_empty(Empty::List),
    Member::required(
        "phones",
        Kind::Custom(phones),
        rules::ROCKETCHAT_PHONES_TYPE,
        rules::ROCKETCHAT_PHONES_REQUIRED,
    )
    .nullable()
    .to(To::Id(IdType::Phone))
    .sent_empty(Empty::List),
    Member::optional(
        "customFields",
        Kind::Custom(custom_fields),
        rules::ROCKETCHAT_CUSTOM_FIELDS_TYPE,
    )
    .to(To::Properties),
    Member::optional(
        "contactManager",
        Kind::Custom(contact_manager),
        rules::ROCKETCHAT_CONTACT_MANAGER_TYPE,
    ),
])
.unknown(rules::ROCKETCHAT_BODY_UNKNOWN_FIELD);

static HEADERS: ObjectSpec = ObjectSpec::of(&[
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
])
.ignoring_case();

/// Whether the server coerces `value` to a string (it is not an array or
/// an object).
fn coercible(value: &Value) -> bool {
    !matches!(value, Value::Array(_) | Value::Object(_))
}

/// Replaces a non-string scalar by the server's string for it.
fn coerce_in_place(w: &mut Walker<'_>, value: &mut Value, rule: &'static RuleInfo, what: &str) {
    if value.is_string() {
        return;
    }
    if let Some(s) = js::coerced_string(value) {
        w.report(
            rule,
            format!(
                "{what} is {}; the server stores it as the string {}",
                match value {
                    Value::Number(_) => "a number",
                    Value::Bool(_) => "a boolean",
                    _ => "null",
                },
                shown(&s)
            ),
        );
        let from = std::mem::replace(value, Value::String(s));
        w.change(rule, from, value.clone());
    }
}

/// `name`, the display name; empty, no name.
fn read_name(r: &mut Reader<'_>, _: &Map<String, Value>, name: &Value) {
    let name = r.text(name, rules::CONVERT_NAME_LOSSY);
    if let Some(name) = name.filter(|n| !n.trim().is_empty()) {
        r.field(&field::DISPLAY_NAME, name);
    }
}

/// `name`: a string; scalars coerced.
fn name(w: &mut Walker<'_>, value: &mut Value) {
    if !coercible(value) {
        w.wrong_type(rules::ROCKETCHAT_NAME_TYPE, "a string", value);
        return;
    }
    coerce_in_place(w, value, rules::ROCKETCHAT_NAME_COERCED, "'name'");
}

/// `contactManager`: a string or `null` (absent); scalars coerced. Whether
/// the id names an agent is known only to the server.
fn contact_manager(w: &mut Walker<'_>, value: &mut Value) {
    if !coercible(value) {
        w.wrong_type(rules::ROCKETCHAT_CONTACT_MANAGER_TYPE, "a string", value);
        return;
    }
    coerce_in_place(
        w,
        value,
        rules::ROCKETCHAT_CONTACT_MANAGER_COERCED,
        "'contactManager'",
    );
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
        |w, item| match w.parse_then(item, |email: &Email| email.as_str().to_owned()) {
            Ok(email) => Some(email),
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
        |w, item| match w.parse_then(item, |phone: &Phone| {
            (phone.unassigned_warning(), phone.as_str().to_owned())
        }) {
            Ok((unassigned, phone)) => {
                if let Some(message) = unassigned {
                    w.report(rules::ROCKETCHAT_PHONES_INVALID_NUMBER, message);
                }
                Some(phone)
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
            w.report(rules.required, "may not be null; send '[]' for none");
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
    let mut first_sent = FirstSeen::new();
    for (i, item) in items.iter().enumerate() {
        let Value::String(s) = item else { continue };
        if s == AJV_UNSEEN {
            continue;
        }
        let first = first_sent.first(s.as_str(), i);
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
    let mut first_normalized = FirstSeen::new();
    for (i, n) in normalized.iter().enumerate() {
        let Value::String(text) = n else {
            kept.push(n.clone());
            continue;
        };
        match Some(first_normalized.first(text.as_str(), i)).filter(|&first| first != i) {
            // `__proto__` twice is no `unique` error (the server keeps both).
            Some(first) if items[i] != items[first] || items[i] == AJV_UNSEEN => {
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
            None => kept.push(n.clone()),
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

/// `customFields`: an object or `null`, its content free; `""`, `0` and
/// `false` become `null` (ajv's coercion to a nullable object type).
fn custom_fields(w: &mut Walker<'_>, value: &mut Value) {
    if value.is_object() || value.is_null() {
        return;
    }
    if becomes_null(value) {
        w.report(
            rules::ROCKETCHAT_CUSTOM_FIELDS_COERCED,
            format!("'customFields' is {value}; the server reads it as null"),
        );
        let from = std::mem::replace(value, Value::Null);
        w.change(rules::ROCKETCHAT_CUSTOM_FIELDS_COERCED, from, Value::Null);
        return;
    }
    w.wrong_type(
        rules::ROCKETCHAT_CUSTOM_FIELDS_TYPE,
        "an object or null",
        value,
    );
}

/// With the workspace's custom fields given
/// ([`Options::rocketchat_custom_fields`](crate::Options::rocketchat_custom_fields)),
/// `customFields` as the server's handler checks it, once the schema has
/// coerced it; the first refusal is the server's answer when the schema
/// accepts the body (assuming a `contactManager`, checked first, names an
/// agent).
fn registered_custom_fields(w: &mut Walker<'_>, body: &mut Map<String, Value>) {
    let options = w.options;
    let Some(fields) = options.get_rocketchat_custom_fields() else {
        return;
    };
    let findings = custom_fields::check(fields, body.get("customFields"));
    // The server's answer is its first refusal, unknown when a pattern the
    // crate cannot test comes first.
    let answer = findings.first().and_then(Finding::server_error);
    w.at("customFields", |w| {
        for finding in &findings {
            report_finding(w, finding, fields);
        }
    });
    if w.provider_error.is_none() {
        w.provider_error = answer;
    }
}

fn report_finding(w: &mut Walker<'_>, finding: &Finding<'_>, fields: &[CustomField]) {
    let answer = |f: &Finding<'_>| {
        f.server_error()
            .and_then(|e| e["error"].as_str().map(str::to_owned))
            .unwrap_or_default()
    };
    match finding {
        Finding::Null => w.report(
            rules::ROCKETCHAT_CUSTOM_FIELDS_NULL,
            format!(
                "'customFields' is null and the workspace registers custom fields: the server fails reading it (\"{}\")",
                answer(finding)
            ),
        ),
        Finding::Required {
            field,
            blank: false,
        } => w.report(
            rules::ROCKETCHAT_CUSTOM_FIELDS_REQUIRED,
            format!(
                "the workspace requires custom field '{}'; the server answers \"{}\"",
                field.id(),
                answer(finding)
            ),
        ),
        Finding::Required { field, blank: true } => w.at(field.id(), |w| {
            w.report(
                rules::ROCKETCHAT_CUSTOM_FIELDS_REQUIRED,
                format!(
                    "the workspace requires custom field '{}' and it is empty once trimmed; the server answers \"{}\"",
                    field.id(),
                    answer(finding)
                ),
            );
        }),
        Finding::Mismatch { field, value } => w.at(field.id(), |w| {
            w.report(
                rules::ROCKETCHAT_CUSTOM_FIELDS_FORMAT,
                format!(
                    "{} does not match the field's pattern '{}'; the server answers \"{}\"",
                    Value::String(value.clone()),
                    field.get_regexp().unwrap_or_default(),
                    answer(finding)
                ),
            );
        }),
        Finding::Unchecked { field, why } => w.at(field.id(), |w| {
            w.report(
                rules::ROCKETCHAT_CUSTOM_FIELDS_UNCHECKED,
                format!(
                    "not tested against '{}': {why} (JavaScript's reading is left to the server)",
                    field.get_regexp().unwrap_or_default()
                ),
            );
        }),
        Finding::NotAllowed { key } => w.at(key, |w| {
            let suggestion =
                crate::suggest::closest(key, fields.iter().map(CustomField::id)).map(str::to_owned);
            let hint = suggestion
                .as_deref()
                .map(|s| format!("; did you mean '{s}'?"))
                .unwrap_or_default();
            w.report_suggesting(
                rules::ROCKETCHAT_CUSTOM_FIELDS_NOT_ALLOWED,
                format!(
                    "the workspace registers no custom field '{key}'; the server answers \"{}\"{hint}",
                    answer(finding)
                ),
                suggestion,
            );
        }),
    }
}

/// The scalars ajv turns into `null` for a nullable non-scalar type: `""`,
/// `0` (and `-0`, `0.0`) and `false` (the generated code's
/// `data === "" || data === 0 || data === false`).
fn becomes_null(value: &Value) -> bool {
    match value {
        Value::String(s) => s.is_empty(),
        Value::Number(n) => n.as_f64() == Some(0.0),
        Value::Bool(b) => !b,
        _ => false,
    }
}

/// The one string ajv's `uniqueItems` never finds twice: it indexes the
/// items it has seen as the keys of a plain object, and `__proto__` is not
/// stored there as a key.
const AJV_UNSEEN: &str = "__proto__";

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

/// The 401 body the server answers when credentials are missing: 7.x and
/// 8.x servers (`ApiClass.ts`, `api.unauthorized(…)` plus `status` and
/// `message`, kept for compatibility until 9.0; see the module's sources).
fn unauthorized() -> Value {
    json!({
        "success": false,
        "error": "You must be logged in to do this.",
        "status": "error",
        "message": "You must be logged in to do this.",
    })
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
            "name" | "contactManager" => (!coercible(value)).then(|| "must be string".to_owned()),
            "emails" | "phones" => list_error(value),
            "customFields" => (!value.is_object() && !value.is_null() && !becomes_null(value))
                .then(|| "must be object".to_owned()),
            _ => None,
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
    let coerced: Vec<String> = items.iter().filter_map(js::coerced_string).collect();
    let mut seen = FirstSeen::new();
    for i in (0..coerced.len()).rev() {
        if coerced[i] == AJV_UNSEEN {
            continue;
        }
        let j = seen.first(coerced[i].as_str(), i);
        if j != i {
            return Some(format!(
                "must NOT have duplicate items (items ## {j} and {i} are identical)"
            ));
        }
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
    fn duplicates_are_judged_on_javascript_strings() {
        let parsed: Value = serde_json::from_str(r#"[1.0, "1", 1e2, "100"]"#).unwrap();
        assert_eq!(
            list_error(&parsed).as_deref(),
            Some("must NOT have duplicate items (items ## 3 and 2 are identical)")
        );
        let parsed: Value = serde_json::from_str(r#"[100, "100.0"]"#).unwrap();
        assert_eq!(list_error(&parsed), None);
        assert_eq!(list_error(&json!(["__proto__", "__proto__"])), None);
        assert!(list_error(&json!(["constructor", "constructor"])).is_some());
    }

    #[test]
    fn scalars_the_server_coerces_are_no_error() {
        for body in [
            json!({"name": 1, "emails": [], "phones": [], "contactManager": 5}),
            json!({"name": "a", "emails": [], "phones": [], "contactManager": true}),
            json!({"name": "a", "emails": [], "phones": [], "contactManager": null}),
            json!({"name": "a", "emails": [], "phones": [], "customFields": ""}),
            json!({"name": "a", "emails": [], "phones": [], "customFields": 0}),
            json!({"name": "a", "emails": [], "phones": [], "customFields": false}),
            json!({"name": "a", "emails": [], "phones": [], "customFields": null}),
        ] {
            assert_eq!(body_error(&body), None, "{body}");
        }
        for body in [
            json!({"name": "a", "emails": [], "phones": [], "customFields": "x"}),
            json!({"name": "a", "emails": [], "phones": [], "customFields": true}),
            json!({"name": "a", "emails": [], "phones": [], "customFields": 1}),
        ] {
            assert_eq!(
                body_error(&body).as_deref(),
                Some("must be object"),
                "{body}"
            );
        }
        assert_eq!(
            body_error(&json!({"name": "a", "emails": [], "phones": [], "contactManager": []}))
                .as_deref(),
            Some("must be string")
        );
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

#[cfg(test)]
mod custom_field_tests {
    use crate::{Options, Provider, Validator};

    use super::CustomField;

    #[test]
    fn messages_name_the_field_and_the_server_s_answer() {
        let fields = [
            CustomField::new("cf1")
                .label("Custom Field 1")
                .required(true)
                .regexp("^[0-9]+$"),
            CustomField::new("code").regexp(r"(?<=x)y"),
        ];
        let v = Validator::new(Provider::RocketChat)
            .with_options(Options::new().rocketchat_custom_fields(fields));
        let r = v.validate_str(
            r#"{"name":"A","emails":[],"phones":[],"customFields":{"cf1":"x","code":"z","cf2":"1"}}"#,
        );
        let found: Vec<_> = r
            .violations()
            .iter()
            .map(|x| (x.rule(), x.path(), x.message(), x.suggestion()))
            .collect();
        assert_eq!(
            found,
            [
                (
                    "rocketchat.custom_fields.format",
                    "/customFields/cf1",
                    r#""x" does not match the field's pattern '^[0-9]+$'; the server answers "Invalid value for Custom Field 1 field""#,
                    None
                ),
                (
                    "rocketchat.custom_fields.unchecked",
                    "/customFields/code",
                    "not tested against '(?<=x)y': a lookaround (JavaScript's reading is left to the server)",
                    None
                ),
                (
                    "rocketchat.custom_fields.not_allowed",
                    "/customFields/cf2",
                    r#"the workspace registers no custom field 'cf2'; the server answers "Custom field cf2 is not allowed"; did you mean 'cf1'?"#,
                    Some("cf1")
                ),
            ]
        );
        assert_eq!(
            r.provider_error().unwrap().to_string(),
            r#"{"success":false,"error":"Invalid value for Custom Field 1 field"}"#
        );
    }
}
