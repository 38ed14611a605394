//! Sendios: create an omnichannel user,
//! `POST /v1/omnichannel/user/{project_id}` (path parameter `project_id`).
//!
//! Sendios' page for this endpoint prints the member types and limits but
//! not the member names, except `app_push_token`. The names are Sendios'
//! own, from its other documents: `client_user_id`, `name`, `phone`,
//! `email`, `app_push_token`, `language`, `country`, `platform_id`,
//! `gender`, `vip`, `age`, `photo`, `ak` (the auth key),
//! `registration_date`, `fields`, and `list_id`, `status`, `partner_id`;
//! `language_id` and `country_id` (the names of Sendios' send endpoints)
//! are read like `language` and `country`.
//!
//! # Sources
//!
//! - The seed page: Sendios' "Create omnichannel user" reference,
//!   <https://sendios.readme.io/v2/reference/create>, as first read when
//!   the crate was written:
//!   each member's type, limit and meaning, names only for
//!   `app_push_token` and `fields`.
//! - Sendios' PHP SDK, `sendios/php-sdk` `README.md` (commit
//!   `05b54fc2a9fc53d1a13e14b9ea42e05af2e894fb`), "Create and update user
//!   data": `name`, `gender`, `age`, `photo`, `ak` ("Auth key"), `vip`,
//!   `language` (ISO 639-1), `country` (ISO 3166-1 alpha-3 or alpha-2,
//!   `esp`), `platform_id`, `list_id`, `status`, `partner_id` (the last
//!   four integers); "Providing `user_id` on Product": `client_user_id`.
//!   `src/Resources/User.php` (commit
//!   `195c4065fd255467cff10dc2780130b3d39e8e5b`): the platform constants
//!   `0`–`4`, sent as integers.
//! - Sendios' API reference for sending SMS,
//!   <https://sendios.readme.io/v2/reference/send-system-trigger-sms>: the
//!   user fields `name`, `gender`, `platform_id`, `country_id`,
//!   `language_id`, `ak`, `age`, `photo`, `vip`.
//!
//! No Sendios server code is public.
//!
//! # Where the sources disagree, or say nothing
//!
//! - **`country` `XK`** (Kosovo): the send-SMS reference asks for "a two- or
//!   three-letter code"; `XK` is the code commonly used, though ISO 3166-1
//!   leaves it user-assigned. It is accepted with a `sendios.country.advice`
//!   warning (before, a `sendios.country.format` error). A national
//!   `phone` is read in Kosovo's plan from it (libphonenumber has one).
//! - **Member names.** Before, the crate named the platform `platform` and
//!   the auth key `auth_key`, its own reading of the seed page's
//!   descriptions; Sendios' SDK and API reference both say `platform_id`
//!   and `ak`. Sendios' names are the members now; the earlier names are
//!   still accepted, checked by the same rules, and renamed in place to
//!   Sendios' name with a `sendios.body.renamed` warning (two recorded
//!   changes: the old member to `null`, the new one from `null`). When
//!   Sendios' name is also given it wins, and the earlier member is left
//!   as it is, with the warning. The rule ids `sendios.platform.enum`,
//!   `sendios.auth_key.type` and `sendios.auth_key.max_length` keep their
//!   names and govern `platform_id` and `ak`.
//! - **`language` / `language_id`, `country` / `country_id`.** The SDK
//!   README uses `language` and `country`, the send-SMS reference
//!   `language_id` and `country_id`; the create page names neither. Both
//!   spellings are accepted with the same checks (`sendios.language.*`,
//!   `sendios.country.*`); national phone numbers are read in the region
//!   of `country`, else `country_id`.
//! - **`list_id`, `status`, `partner_id`** are integers in the SDK README
//!   (`sendios.list_id.type`, `sendios.status.type`,
//!   `sendios.partner_id.type`); no source says what values they take.
//! - **`platform_id` and `vip` as integers.** The SDK sends the platform
//!   as an integer (`getPlatformDesktop()` is `1`) and `vip` as `1`; the
//!   create page types them as a string and a boolean. Both forms are
//!   accepted and normalized to the create page's (`"1"`, `true`).
//! - **`client_user_id` as an integer.** The create page types it as a
//!   string; the PHP SDK README's examples for Sendios' other user
//!   endpoints ("Providing `user_id` on Product", `/v1/clientuser/create`)
//!   send the integer `1234`, so the id is an integer in services that
//!   use the SDK. An integer is accepted and sent as
//!   its decimal string (a change under `sendios.client_user_id.type`,
//!   like `platform_id`), which the create page's reading accepts; a
//!   fraction or any other type stays a `type` error. (Before, an integer
//!   was a `type` error: a possible false error.)
//! - **`registration_date` and time zones.** The create page asks for
//!   `YYYY-MM-DD hh:mm:ss` "according to ISO 8601", with no zone, and no
//!   source says which zone Sendios reads it in. A date-time given with a
//!   zone (`2023-04-25T14:55:38+02:00`) is converted to UTC
//!   (`2023-04-25 12:55:38`, any fraction of a second dropped), right only
//!   if Sendios reads UTC, so the conversion is a
//!   `sendios.registration_date.advice` warning (before, a silent change).
//!   A conversion from a contact writes `registered_at` in UTC too.
//! - The SDK README's user-data endpoint takes custom fields as top-level
//!   members; the create page takes them in `fields`. A top-level member
//!   Sendios does not define stays a `sendios.body.unknown_field` warning.
//!
//! Choices where the document is silent:
//! - `null` for an optional member is accepted as "not given".
//! - A phone number without `+` is read in the region of `country`
//!   (alpha-2 or alpha-3), else the validator's default region.
//! - `platform_id` accepts the strings `"0"`…`"4"` and the integers 0–4,
//!   which are normalized to strings; `age` must be a JSON integer (`30.0` is a
//!   type error).
//! - `project_id` (envelopes only) may be a JSON integer or a string of
//!   digits, as it is written in a URL path, within the int32 range.
//! - `sendios.fields.consistent_type` compares JSON types (string, number,
//!   boolean, array, object; integers and fractions are both numbers)
//!   across the documents of one [`Batch`](crate::Batch)
//!   ([`Validator::batch`](crate::Validator::batch)), counted from 0; a
//!   validator used on its own compares nothing across documents. It is a
//!   warning: the create page advises keeping a parameter's format ("It
//!   is important that the values of the same parameter are transmitted in
//!   the same format") but does not say Sendios refuses another (in 0.1.0,
//!   an error; deny the rule for the strict reading).
//!
//! ```
//! use omnicontact::{Provider, Validator};
//!
//! let v = Validator::new(Provider::Sendios);
//! let r = v.validate_str(r#"{"client_user_id":"u1","email":"A@B.CO","vip":"1","platform_id":4,
//!     "app_push_token":"<a1b2c3d4 e5f6a7b8 a1b2c3d4 e5f6a7b8 a1b2c3d4 e5f6a7b8 a1b2c3d4 e5f6a7b8>",
//!     "fields":{"plan":"pro"}}"#);
//! assert!(r.is_valid());
//! let body = r.normalized().unwrap();
//! assert_eq!(body["email"], "A@b.co");
//! assert_eq!(body["vip"], true);
//! assert_eq!(body["platform_id"], "4");
//! assert_eq!(body["app_push_token"], "a1b2c3d4e5f6a7b8a1b2c3d4e5f6a7b8a1b2c3d4e5f6a7b8a1b2c3d4e5f6a7b8");
//!
//! // The same `fields` key with another type later in a batch:
//! let batch = v.batch();
//! let _ = batch.validate_str(r#"{"client_user_id":"u1","fields":{"plan":"pro"}}"#);
//! let r = batch.validate_str(r#"{"client_user_id":"u2","fields":{"plan":3}}"#);
//! assert_eq!(r.violations()[0].rule(), "sendios.fields.consistent_type");
//! assert_eq!(r.violations()[0].message(), "'plan' was a string in document 0; here it is a number");
//! ```
#![doc = include_str!("rules.md")]

pub mod convert;
mod wire;

pub use wire::{CREATE, User};

use serde_json::{Map, Value};

use super::{Operation, Parts, ProviderSpec};
use crate::engine::Deeper;
use crate::engine::read::{IdType, Reader};
use crate::engine::{
    Format, Kind, Member, ObjectSpec, To, Walker, Write, insert_member_at, remove_member, shown,
    type_name,
};
use crate::model::field;
use crate::rules;
use crate::values::PhoneRegion;

/// Sendios as data.
pub(crate) static SPEC: ProviderSpec = ProviderSpec {
    body: &BODY,
    region,
    checks: &[],
    provider_error: None,
    read: None,
    write: None,
    operations: &[Operation::Create],
    parts: |_| Parts {
        path: Some(&PATH),
        query: None,
        headers: None,
    },
};

/// The longest `name`, in chars.
///
/// ```
/// use omnicontact::providers::sendios::MAX_NAME;
/// use omnicontact::{Provider, Validator};
/// use serde_json::json;
///
/// let v = Validator::new(Provider::Sendios);
/// let body = |name: String| json!({"client_user_id": "u1", "name": name});
/// assert!(v.validate_value(body("é".repeat(MAX_NAME))).is_valid());
/// let r = v.validate_value(body("é".repeat(MAX_NAME + 1)));
/// assert_eq!(r.violations()[0].rule(), "sendios.name.max_length");
/// assert_eq!(r.violations()[0].message(), "129 characters, more than the 128 allowed");
/// ```
pub const MAX_NAME: usize = 128;
/// The longest `ak` (the auth key), in chars.
///
/// ```
/// use omnicontact::providers::sendios::MAX_AUTH_KEY;
/// use omnicontact::{Provider, Validator};
/// use serde_json::json;
///
/// let v = Validator::new(Provider::Sendios);
/// let body = |key: String| json!({"client_user_id": "u1", "ak": key});
/// assert!(v.validate_value(body("k".repeat(MAX_AUTH_KEY))).is_valid());
/// let r = v.validate_value(body("k".repeat(MAX_AUTH_KEY + 1)));
/// assert_eq!(r.violations()[0].rule(), "sendios.auth_key.max_length");
/// assert_eq!(r.violations()[0].path(), "/ak");
/// ```
pub const MAX_AUTH_KEY: usize = 255;
/// The oldest `age`.
///
/// ```
/// use omnicontact::providers::sendios::MAX_AGE;
/// use omnicontact::{Provider, Validator};
/// use serde_json::json;
///
/// let v = Validator::new(Provider::Sendios);
/// assert!(v.validate_value(json!({"client_user_id": "u1", "age": MAX_AGE})).is_valid());
/// let r = v.validate_value(json!({"client_user_id": "u1", "age": MAX_AGE + 1}));
/// assert_eq!(r.violations()[0].rule(), "sendios.age.range");
/// assert_eq!(r.violations()[0].message(), "151 is outside 0..=150");
/// ```
pub const MAX_AGE: i64 = 150;
/// The `platform_id` values: unknown, desktop, mobile browser, Android
/// app, iOS app.
///
/// ```
/// use omnicontact::providers::sendios::PLATFORMS;
/// use omnicontact::{Provider, Validator};
///
/// assert_eq!(PLATFORMS, ["0", "1", "2", "3", "4"]);
/// let v = Validator::new(Provider::Sendios);
/// let r = v.validate_str(r#"{"client_user_id":"u1","platform_id":3}"#);
/// assert_eq!(r.normalized().unwrap()["platform_id"], "3");
/// let r = v.validate_str(r#"{"client_user_id":"u1","platform_id":"5"}"#);
/// assert_eq!(r.violations()[0].rule(), "sendios.platform.enum");
/// ```
pub const PLATFORMS: &[&str] = &["0", "1", "2", "3", "4"];

/// `language` and `language_id` (the send endpoints' name): one check.
const LANGUAGE: Kind = Kind::Str(Format::Language {
    format: rules::SENDIOS_LANGUAGE_FORMAT,
    lossy: rules::SENDIOS_LANGUAGE_LOSSY,
    whole: None,
});

/// `country` and `country_id` (the send endpoints' name): one check.
const COUNTRY: Kind = Kind::Str(Format::Country {
    format: rules::SENDIOS_COUNTRY_FORMAT,
    advice: rules::SENDIOS_COUNTRY_ADVICE,
    alpha2: false,
});

static BODY: ObjectSpec = ObjectSpec::of(&[
    Member::required(
        "client_user_id",
        Kind::Custom(client_user_id),
        rules::SENDIOS_CLIENT_USER_ID_TYPE,
        rules::SENDIOS_CLIENT_USER_ID_REQUIRED,
    )
    .to(To::Given(&field::EXTERNAL_ID)),
    Member::optional(
        "name",
        Kind::Str(Format::MaxLength(MAX_NAME, rules::SENDIOS_NAME_MAX_LENGTH)),
        rules::SENDIOS_NAME_TYPE,
    )
    .to(To::Field(&field::DISPLAY_NAME)),
    Member::optional(
        "email",
        Kind::Str(Format::Email(rules::SENDIOS_EMAIL_FORMAT)),
        rules::SENDIOS_EMAIL_TYPE,
    )
    .to(To::Id(IdType::Email)),
    Member::optional(
        "phone",
        Kind::Str(Format::Phone {
            format: rules::SENDIOS_PHONE_FORMAT,
            invalid: rules::SENDIOS_PHONE_INVALID_NUMBER,
        }),
        rules::SENDIOS_PHONE_TYPE,
    )
    .to(To::Id(IdType::Phone)),
    Member::optional(
        "app_push_token",
        Kind::Str(Format::PushToken(rules::SENDIOS_APP_PUSH_TOKEN_FORMAT)),
        rules::SENDIOS_APP_PUSH_TOKEN_TYPE,
    )
    .to(To::Id(IdType::PushToken)),
    Member::optional("language", LANGUAGE, rules::SENDIOS_LANGUAGE_TYPE)
        .to(To::Field(&field::LANGUAGE)),
    Member::optional("country", COUNTRY, rules::SENDIOS_COUNTRY_TYPE)
        .to(To::Field(&field::COUNTRY)),
    Member::optional("language_id", LANGUAGE, rules::SENDIOS_LANGUAGE_TYPE)
        .to(To::Read(read_language_id)),
    Member::optional("country_id", COUNTRY, rules::SENDIOS_COUNTRY_TYPE)
        .to(To::Read(read_country_id)),
    Member::optional(
        "platform_id",
        Kind::Custom(platform),
        rules::SENDIOS_PLATFORM_ENUM,
    )
    .to(To::Field(&field::PLATFORM))
    .write(Write::With(convert::write_platform)),
    Member::optional(
        "gender",
        Kind::Str(Format::Gender(rules::SENDIOS_GENDER_ENUM)),
        rules::SENDIOS_GENDER_TYPE,
    )
    .to(To::Field(&field::GENDER)),
    Member::optional("vip", Kind::Custom(vip), rules::SENDIOS_VIP_TYPE).to(To::Field(&field::VIP)),
    Member::optional(
        "age",
        Kind::Int(Some((0, MAX_AGE, rules::SENDIOS_AGE_RANGE))),
        rules::SENDIOS_AGE_TYPE,
    )
    .to(To::Field(&field::AGE)),
    Member::optional(
        "photo",
        Kind::Str(Format::Url(rules::SENDIOS_PHOTO_FORMAT)),
        rules::SENDIOS_PHOTO_TYPE,
    )
    .to(To::Field(&field::PHOTO)),
    Member::optional(
        "ak",
        Kind::Str(Format::MaxLength(
            MAX_AUTH_KEY,
            rules::SENDIOS_AUTH_KEY_MAX_LENGTH,
        )),
        rules::SENDIOS_AUTH_KEY_TYPE,
    )
    .to(To::Field(&field::AUTH_KEY)),
    Member::optional(
        "registration_date",
        Kind::Str(Format::SendiosDateTime {
            format: rules::SENDIOS_REGISTRATION_DATE_FORMAT,
            advice: rules::SENDIOS_REGISTRATION_DATE_ADVICE,
        }),
        rules::SENDIOS_REGISTRATION_DATE_TYPE,
    )
    .to(To::Read(read_registration_date))
    .write(Write::With(convert::write_registration_date)),
    Member::optional("fields", Kind::Custom(fields), rules::SENDIOS_FIELDS_TYPE).to(To::Properties),
    Member::optional("list_id", Kind::Int(None), rules::SENDIOS_LIST_ID_TYPE),
    Member::optional("status", Kind::Int(None), rules::SENDIOS_STATUS_TYPE),
    Member::optional(
        "partner_id",
        Kind::Int(None),
        rules::SENDIOS_PARTNER_ID_TYPE,
    ),
    // The crate's earlier names: checked like Sendios' own, then
    // renamed by `earlier_names`.
    Member::optional(
        "platform",
        Kind::Custom(platform),
        rules::SENDIOS_PLATFORM_ENUM,
    ),
    Member::optional(
        "auth_key",
        Kind::Str(Format::MaxLength(
            MAX_AUTH_KEY,
            rules::SENDIOS_AUTH_KEY_MAX_LENGTH,
        )),
        rules::SENDIOS_AUTH_KEY_TYPE,
    ),
])
.unknown(rules::SENDIOS_BODY_UNKNOWN_FIELD)
.check(earlier_names);

/// `language_id`: the language when `language` is not given, else a loss.
fn read_language_id(r: &mut Reader<'_>, body: &Map<String, Value>, value: &Value) {
    read_other_name(r, body, value, "language", &field::LANGUAGE);
}

/// `country_id`: the country when `country` is not given, else a loss.
fn read_country_id(r: &mut Reader<'_>, body: &Map<String, Value>, value: &Value) {
    read_other_name(r, body, value, "country", &field::COUNTRY);
}

/// A member under the send endpoints' name: read when the member `name`
/// is not given, else a loss.
fn read_other_name(
    r: &mut Reader<'_>,
    body: &Map<String, Value>,
    value: &Value,
    name: &str,
    field: &'static field::Field,
) {
    if body.get(name).is_some_and(|v| !v.is_null()) {
        r.lost();
    } else if let Some(text) = r.text(value, field.rule) {
        r.field(field, text);
    }
}

/// `registration_date`, `YYYY-MM-DD hh:mm:ss` in UTC.
fn read_registration_date(r: &mut Reader<'_>, _: &Map<String, Value>, date: &Value) {
    if let Some(date) = r.text(date, rules::CONVERT_REGISTERED_AT_LOSSY) {
        let utc = format!("{}Z", date.trim().replacen(' ', "T", 1));
        r.field(&field::REGISTERED_AT, &utc);
    }
}

/// The crate's earlier member names (its guesses before Sendios' own names
/// were known) and Sendios' names for them.
///
/// ```
/// use omnicontact::providers::sendios::EARLIER_NAMES;
/// use omnicontact::{Provider, Validator};
///
/// assert_eq!(EARLIER_NAMES, [("platform", "platform_id"), ("auth_key", "ak")]);
/// let r = Validator::new(Provider::Sendios).validate_str(r#"{"client_user_id":"u1","platform":"4","auth_key":"k"}"#);
/// assert!(r.is_valid()); // warnings
/// assert_eq!(r.violations()[0].rule(), "sendios.body.renamed");
/// assert_eq!(r.violations()[0].suggestion(), Some("platform_id"));
/// assert_eq!(r.normalized().unwrap().to_string(), r#"{"client_user_id":"u1","platform_id":"4","ak":"k"}"#);
/// ```
pub const EARLIER_NAMES: [(&str, &str); 2] = [("platform", "platform_id"), ("auth_key", "ak")];

/// `sendios.body.renamed`: a member under an earlier name is renamed in
/// place to Sendios' name (two recorded changes: the old member to
/// `null`, the new one from `null`), unless Sendios' name is also given,
/// which then wins and the old member is left as it is. A `null` old
/// member ("not given") is left alone.
fn earlier_names(w: &mut Walker<'_>, body: &mut Map<String, Value>) {
    for (old, new) in EARLIER_NAMES {
        // Absent, or `null` ("not given"): nothing to rename.
        if body.get(old).is_none_or(Value::is_null) {
            continue;
        }
        let given = body.get(new).is_some_and(|v| !v.is_null());
        if given {
            w.at(old, |w| {
                w.report_suggesting(
                    rules::SENDIOS_BODY_RENAMED,
                    format!(
                        "'{old}' is the crate's earlier name for Sendios' '{new}', which is also given and wins: '{old}' is not renamed, and Sendios does not read it"
                    ),
                    Some(new.to_owned()),
                );
            });
            continue;
        }
        w.at(old, |w| {
            w.report_suggesting(
                rules::SENDIOS_BODY_RENAMED,
                format!(
                    "'{old}' is the crate's earlier name; Sendios names it '{new}' (its SDK and API reference): renamed"
                ),
                Some(new.to_owned()),
            );
        });
        // A `"platform_id": null` beside it is replaced.
        remove_member(body, new);
        let Some(i) = body.keys().position(|k| k == old) else {
            continue;
        };
        let Some(value) = remove_member(body, old) else {
            continue;
        };
        insert_member_at(body, i, new.to_owned(), value.clone());
        w.at(old, |w| {
            w.change(rules::SENDIOS_BODY_RENAMED, value.clone(), Value::Null);
        });
        w.at(new, |w| {
            w.change(rules::SENDIOS_BODY_RENAMED, Value::Null, value);
        });
    }
}

static PATH: ObjectSpec = ObjectSpec::of(&[Member::required(
    "project_id",
    Kind::Custom(project_id),
    rules::SENDIOS_PROJECT_ID_TYPE,
    rules::SENDIOS_PROJECT_ID_REQUIRED,
)]);

/// The region national phone numbers are read in: `country`, else
/// `country_id`.
fn region(body: &Map<String, Value>) -> Option<PhoneRegion> {
    ["country", "country_id"].iter().find_map(|name| {
        body.get(*name)
            .and_then(Value::as_str)
            .and_then(|s| PhoneRegion::parse(s).ok())
    })
}

/// `platform_id` (and the earlier `platform`): `"0"`…`"4"`; the integers
/// 0–4 become strings.
fn platform(w: &mut Walker<'_>, value: &mut Value) {
    let rule = rules::SENDIOS_PLATFORM_ENUM;
    match value {
        Value::String(s) if PLATFORMS.contains(&s.as_str()) => {}
        Value::Number(n) if n.as_u64().is_some_and(|n| n <= 4) => {
            let to = Value::String(n.to_string());
            let from = std::mem::replace(value, to.clone());
            w.change(rule, from, to);
        }
        other => w.report(
            rule,
            format!(
                "{} is not a platform; expected '0' (unknown), '1' (desktop), '2' (mobile browser), '3' (Android app) or '4' (iOS app)",
                describe(other)
            ),
        ),
    }
}

/// `client_user_id`: a string, not blank; an integer (the form of the PHP
/// SDK's examples) becomes its decimal string, a recorded change.
fn client_user_id(w: &mut Walker<'_>, value: &mut Value) {
    match value {
        Value::String(_) => w.check_string(
            value,
            &Format::NonEmpty(rules::SENDIOS_CLIENT_USER_ID_REQUIRED),
        ),
        Value::Number(n) if n.is_i64() || n.is_u64() => {
            let to = Value::String(n.to_string());
            let from = std::mem::replace(value, to.clone());
            w.change(rules::SENDIOS_CLIENT_USER_ID_TYPE, from, to);
        }
        Value::Number(n) => {
            let message = format!(
                "expected a string, or an integer written without fraction or exponent, found '{n}'"
            );
            w.report(rules::SENDIOS_CLIENT_USER_ID_TYPE, message);
        }
        other => w.wrong_type(
            rules::SENDIOS_CLIENT_USER_ID_TYPE,
            "a string (or an integer)",
            other,
        ),
    }
}

/// `vip`: a boolean; `0`, `1`, `"0"`, `"1"` become `false` / `true`.
fn vip(w: &mut Walker<'_>, value: &mut Value) {
    let flag = match value {
        Value::Bool(_) => return,
        Value::Number(n) => n.as_u64().filter(|n| *n <= 1),
        Value::String(s) => match s.as_str() {
            "0" => Some(0),
            "1" => Some(1),
            _ => None,
        },
        _ => None,
    };
    match flag {
        Some(n) => {
            let to = Value::Bool(n == 1);
            let from = std::mem::replace(value, to.clone());
            w.change(rules::SENDIOS_VIP_TYPE, from, to);
        }
        None => w.report(
            rules::SENDIOS_VIP_TYPE,
            format!("expected a boolean (or 0 / 1), found {}", describe(value)),
        ),
    }
}

/// `project_id`: an int32, as a JSON integer or a string of digits.
fn project_id(w: &mut Walker<'_>, value: &mut Value) {
    let ok = match value {
        Value::Number(n) => n.as_i64().is_some_and(|n| i32::try_from(n).is_ok()),
        Value::String(s) => !s.starts_with('+') && s.parse::<i32>().is_ok(),
        _ => false,
    };
    if !ok {
        w.report(
            rules::SENDIOS_PROJECT_ID_TYPE,
            format!("expected an int32 project id, found {}", describe(value)),
        );
    }
}

/// `fields`: an object whose keys keep their JSON type across the batch.
fn fields(w: &mut Walker<'_>, value: &mut Value) {
    let Value::Object(map) = value else {
        if !value.is_null() {
            w.wrong_type(rules::SENDIOS_FIELDS_TYPE, "an object", value);
        }
        return;
    };
    let Some((batch, document)) = w.batch else {
        return;
    };
    for (key, value) in map.iter() {
        if value.is_null() {
            continue;
        }
        let kind = type_name(value);
        let first = {
            let mut batch = batch
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            match batch.field_types.get(key) {
                Some(first) => *first,
                // Memory stays bounded: keys beyond the cap are not
                // remembered (documented on `Batch`).
                None if batch.field_types.len() >= crate::Batch::MAX_KEYS
                    || batch.key_bytes.saturating_add(key.len()) > crate::Batch::MAX_KEY_BYTES =>
                {
                    continue;
                }
                None => {
                    batch.key_bytes += key.len();
                    batch.field_types.insert(key.clone(), (kind, document));
                    (kind, document)
                }
            }
        };
        if first.0 != kind {
            w.at(key, |w| {
                w.report(
                    rules::SENDIOS_FIELDS_CONSISTENT_TYPE,
                    format!(
                        "{} was {} {} in document {}; here it is {} {kind}",
                        shown(key),
                        article(first.0),
                        first.0,
                        first.1,
                        article(kind)
                    ),
                );
            });
        }
    }
}

fn article(type_name: &str) -> &'static str {
    if type_name.starts_with(['a', 'o']) {
        "an"
    } else {
        "a"
    }
}

/// A short description of a value for messages: strings quoted, others by
/// their JSON text or type.
fn describe(value: &Value) -> String {
    match value {
        Value::String(s) => format!("'{s}'"),
        Value::Number(n) => format!("'{n}'"),
        other => type_name(other).to_owned(),
    }
}
