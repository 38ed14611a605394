//! Omnisend contacts: `POST https://api.omnisend.com/v3/contacts`.
//!
//! The body's member table below encodes every `omnisend.*` rule of the
//! catalog; the checks that need more than one member (identifier `id` by
//! its `type`, channels by identifier type, duplicate identifiers, the
//! required identifier, `country` against `countryCode`, the `source:` tag
//! advice) are the named functions beside it.
//!
//! # Sources
//!
//! - The seed page: Omnisend's v3 contacts API reference page as first
//!   read when the crate was written (the project keeps that copy; its
//!   current version is the contacts reference cited below): members, identifier types, channel statuses, custom property rules.
//! - Omnisend's v3 `OpenAPI` for contacts, as copied in the community SDK
//!   `ajmnz/omnisend-node-sdk` `spec/contacts.json` (commit
//!   `e8e96fb91bb2884f54a57acc97303b198205b952`):
//!   `paths./contacts.post.requestBody` (an `allOf` of
//!   `{sendWelcomeEmail: boolean}` and `contacts-input`),
//!   `components.schemas.identifier-input` (`id`, `type`, `consent`,
//!   `channels`, each channel's `status` with `default: subscribed`),
//!   `components.schemas.consent-model` (`source`, `createdAt` with
//!   `format: date-time`, `ip`, `userAgent`).
//! - Omnisend's contacts reference, <https://api-docs.omnisend.com/reference/contacts>
//!   (the v3 and v5 pages): identifier `sendWelcomeMessage` (boolean,
//!   default `false`), the consent properties, "The Email identifier is
//!   case-sensitive, meaning it treats uppercase and lowercase letters as
//!   distinct"; the guide <https://api-docs.omnisend.com/v5/docs> (a v3
//!   `POST /contacts` example with `"sendWelcomeMessage": true` in an
//!   identifier).
//! - Omnisend's own `WordPress` plugin, `omnisend/wp-omnisend`
//!   `omnisend/includes/SDK/V1/class-contact.php` (commit
//!   `3796051d13864d79a8d402f25e186b6dece51c10`), `to_array`: identifiers
//!   with `channels.{email,sms}.{status, statusDate}` (`gmdate('c')`, an
//!   offset `+00:00`), `consent` `{source, createdAt, ip, userAgent}` with
//!   `ip not found` / `user agent not found` when unknown, and a top-level
//!   `sendWelcomeEmail`; and the `WooCommerce` plugin `omnisend-connect`
//!   (`WordpressPluginDirectory/omnisend-connect`
//!   `omnisend-connect/model/class-omnisend-contact.php`, commit
//!   `53d5612469d8ee8dc0e71874766a8564ace0cc42`), whose contact model still
//!   holds the older flat form (`email`, `phone`, `status`, `statusDate`).
//!
//! No Omnisend server code is public; the `OpenAPI` and the reference
//! decide, then the plugins.
//!
//! # Where the sources disagree, or say nothing
//!
//! - **`countryCode` `XK`** (Kosovo): the `OpenAPI` (`ajmnz/omnisend-node-sdk`
//!   `spec/contacts.json`, `contacts-input.countryCode`) asks only for a
//!   two-letter string, and stores send `XK`, which ISO 3166-1 leaves
//!   user-assigned. It is accepted with an `omnisend.country_code.advice`
//!   warning (before, an `omnisend.country_code.format` error). National
//!   phone numbers are read in Kosovo's plan from it (libphonenumber has
//!   one), as from `country` `Kosovo`.
//! - **`sendWelcomeEmail`** is a top-level member of the create request in
//!   the `OpenAPI` and the `WordPress` plugin, and an identifier member on
//!   the seed page; the newer reference and guide name the identifier
//!   member `sendWelcomeMessage`. All three are accepted, each a boolean
//!   (`omnisend.send_welcome_email.type`,
//!   `omnisend.identifiers.send_welcome_email.type`,
//!   `omnisend.identifiers.send_welcome_message.type`); before, the
//!   top-level one and `sendWelcomeMessage` were unknown-member warnings.
//! - **`consent`** (an identifier member in the `OpenAPI`, the reference
//!   and the `WordPress` plugin) is an object of strings
//!   (`omnisend.identifiers.consent.type`); its `createdAt` is an ISO 8601
//!   date-time with a zone, normalized to UTC like `statusDate`
//!   (`omnisend.identifiers.consent.created_at.format`). `ip` is not
//!   checked as an address: the plugin sends `ip not found`. Other members
//!   are `omnisend.body.unknown_field` warnings.
//! - **A channel without `status`** is accepted: the `OpenAPI` gives
//!   `status` the default `subscribed` (the crate reported
//!   `omnisend.identifiers.channels.status.enum` before). Nothing is
//!   written in its place; conversion reads it as `subscribed`.
//! - **Email identifiers keep their case.** The reference says the email
//!   identifier is case-sensitive: `Jane@Example.COM` and
//!   `Jane@example.com` are two identifiers to Omnisend. The crate used to
//!   lowercase the domain, which names another contact; now an email
//!   (identifier `id` or shorthand `email`) is checked as an address but
//!   sent as written, only surrounding whitespace trimmed (a recorded
//!   change). For the same reason, identifiers that differ only in case
//!   are not duplicates (`omnisend.identifiers.unique`).
//! - **At most 200 custom properties** per contact, as reported from
//!   Omnisend's reference in issue 15 (the copies read here do not print
//!   the number, nor what Omnisend does with more): more is an
//!   `omnisend.custom_properties.max_items` warning, not an error.
//! - **Floats "rounded to 6 digits precision"** (the contact reference,
//!   seed page `004`): this may mean 6 decimal places or 6 significant
//!   digits, and no source shows which. The crate used to rewrite a number
//!   with more than 6 decimals, rounded to 6 decimals — a value Omnisend
//!   may never store under the other reading (`12345.678` would be
//!   `12345.7`). Now the number is sent as written, and a float either
//!   reading changes is an `omnisend.custom_properties.value.lossy`
//!   warning that names what Omnisend may store (the digits as written,
//!   rounded half away from zero); the rounding is left to Omnisend. A
//!   float with no fraction (`10.0`) is an integer to Omnisend (its events
//!   reference, <https://api-docs.omnisend.com/reference/post-events>:
//!   "numbers like 10, 10.00, 10.0 will be interpreted as integers") and
//!   is not reported.
//! - **`countryCode` wins over `country`** when they name different
//!   countries (`omnisend.country.conflict`, a warning); the region of
//!   national phone numbers is read from `countryCode` first.
//! - The `OpenAPI` requires `identifiers` and, in each, `channels`; the
//!   seed page and Omnisend's own guide create contacts from the shorthand
//!   `email` / `phone` and without channels. The crate follows the seed
//!   page (it is laxer than the `OpenAPI` here, not stricter).
//! - The `OpenAPI`'s `contacts-input` example holds members of the older
//!   flat form (`status`, `statusDate`, `customFields`, `postCode`) that
//!   the `WooCommerce` plugin's model partly holds; they are not in the schema's
//!   `properties` and stay `omnisend.body.unknown_field` warnings.
//!
//! Choices where Omnisend's documentation is silent:
//! - `null` for an optional member is accepted and left as is: Omnisend's
//!   API reads it as "not given".
//! - A phone number written without `+` is read in the region of
//!   `countryCode` (or else `country`, as a code or an English name), or
//!   else the validator's default region.
//! - The shorthand `phone` gets the same unassigned-number warning as a
//!   phone identifier, `omnisend.identifiers.id.invalid_number`, since
//!   Omnisend stores it as one.
//! - `tags.max_items` counts the tags as sent, before duplicates are
//!   removed; tags compare exactly (case-sensitively).
//! - Duplicate identifiers are merged into the first: members the first
//!   lacks are taken from the later one, and for a channel both give, the
//!   statuses are applied in order as Omnisend applies a posted status: a
//!   later one replaces the kept one unless its `statusDate` is earlier
//!   (the seed page: "if you'll post status date earlier than in system,
//!   status and statusDate won't be changed"; an equal date replaces).
//!   Dates compare as written, to the nanosecond, though the normalized
//!   body keeps whole seconds. An undated status counts as later than any
//!   date (a date in the future aside), since Omnisend dates it on arrival
//!   (the `OpenAPI` description in `ajmnz/omnisend-node-sdk`,
//!   `IdentifierInput.channels.{email,sms}.statusDate`, as published in
//!   `omnisend-node-sdk@1.0.4` `data-contracts.d.ts`: "If not provided
//!   current time will be used as default"). The canonical contact's merge
//!   ([`ChannelState::merge`](crate::model::ChannelState::merge)), which
//!   invents no "now", differs there: it keeps a dated status over an
//!   undated one.
//! - A `source:` tag is matched case-insensitively.
//!
//! ```
//! use omnicontact::{Provider, Validator};
//!
//! # #[cfg(feature = "phone")] {
//! let report = Validator::new(Provider::Omnisend).validate_str(r#"{
//!     "identifiers": [{"type": "phone", "id": "(415) 555-2671",
//!                      "channels": {"sms": {"status": "subscribed"}}}],
//!     "countryCode": "USA",
//!     "tags": ["source: pos", "vip", "vip"]
//! }"#);
//! assert!(report.is_valid());
//! let body = report.normalized().unwrap();
//! assert_eq!(body["identifiers"][0]["id"], "+14155552671");
//! assert_eq!(body["countryCode"], "US");
//! assert_eq!(body["tags"], serde_json::json!(["source: pos", "vip"]));
//! assert_eq!(report.violations()[0].rule(), "omnisend.tags.unique");
//! # }
//! ```
#![doc = include_str!("rules.md")]

pub mod convert;
mod wire;

pub use wire::{CREATE, ChannelStatus, Channels, Consent, Contact, Identifier};

use std::collections::HashMap;

use crate::lookup::FirstSeen;

use serde_json::{Map, Value};

use super::{Operation, Parts, ProviderSpec};
use crate::engine::Deeper;
use crate::engine::Tagged;
use crate::engine::read::{IdType, Reader, loss_rule};
use crate::engine::{
    ArraySpec, Format, Kind, Member, ObjectSpec, To, Walker, Write, shown, type_name,
};
use crate::model::field;
use crate::rules;
use crate::suggest;
use crate::values::{self, CountryCode, PhoneRegion, PhoneRegionError, UtcDateTime};

/// Omnisend as data.
pub(crate) static SPEC: ProviderSpec = ProviderSpec {
    body: &BODY,
    region,
    checks: &[
        merge_duplicate_identifiers,
        require_identifier,
        country_conflict,
        source_tag_advice,
    ],
    provider_error: None,
    read: None,
    write: None,
    operations: &[Operation::Create],
    parts: |_| Parts::NONE,
};

/// Channel statuses Omnisend accepts.
///
/// ```
/// use omnicontact::providers::omnisend::STATUSES;
/// use omnicontact::{Provider, Validator};
///
/// assert_eq!(STATUSES, ["subscribed", "unsubscribed", "nonSubscribed"]);
/// let r = Validator::new(Provider::Omnisend).validate_str(r#"{"tags":["source: x"],
///     "identifiers":[{"type":"email","id":"a@b.co","channels":{"email":{"status":"active"}}}]}"#);
/// assert_eq!(r.violations()[0].rule(), "omnisend.identifiers.channels.status.enum");
/// assert_eq!(r.violations()[0].path(), "/identifiers/0/channels/email/status");
/// ```
pub const STATUSES: &[&str] = &["subscribed", "unsubscribed", "nonSubscribed"];
/// Identifier types Omnisend accepts.
///
/// ```
/// use omnicontact::providers::omnisend::IDENTIFIER_TYPES;
/// use omnicontact::{Provider, Validator};
///
/// assert_eq!(IDENTIFIER_TYPES, ["email", "phone"]);
/// let r = Validator::new(Provider::Omnisend)
///     .validate_str(r#"{"identifiers":[{"type":"sms","id":"+14155552671"}],"tags":["source: x"]}"#);
/// assert_eq!(r.violations()[0].rule(), "omnisend.identifiers.type.enum");
/// assert_eq!(r.violations()[0].path(), "/identifiers/0/type");
/// ```
pub const IDENTIFIER_TYPES: &[&str] = &["email", "phone"];
/// The most tags a contact may have: `maxItems: 100` on `tags` of
/// `ContactRequest` in Omnisend's published `OpenAPI` description (the v5
/// contacts reference, `POST /contacts`; the 2026-03-15 contacts API as
/// harvested in `api-evangelist/omnisend`
/// `openapi/_original/omnisend-contacts-api-2026-03-15.json`). The older
/// description in `ajmnz/omnisend-node-sdk` sets no limit.
///
/// ```
/// use omnicontact::providers::omnisend::MAX_TAGS;
/// use omnicontact::{Provider, Validator};
/// use serde_json::json;
///
/// let v = Validator::new(Provider::Omnisend);
/// let tags: Vec<String> = (0..=MAX_TAGS).map(|i| format!("source: {i}")).collect();
/// assert!(v.validate_value(json!({"email": "a@b.co", "tags": &tags[..MAX_TAGS]})).is_valid());
/// let r = v.validate_value(json!({"email": "a@b.co", "tags": tags}));
/// assert_eq!(r.violations()[0].rule(), "omnisend.tags.max_items");
/// ```
pub const MAX_TAGS: usize = 100;
/// The longest custom property name, in chars.
///
/// ```
/// use omnicontact::providers::omnisend::MAX_PROPERTY_NAME;
/// use omnicontact::{Provider, Validator};
/// use serde_json::json;
///
/// let v = Validator::new(Provider::Omnisend);
/// let body = |name: String| json!({"email": "a@b.co", "tags": ["source: x"], "customProperties": {name: 1}});
/// assert!(v.validate_value(body("a".repeat(MAX_PROPERTY_NAME))).is_valid());
/// let r = v.validate_value(body("a".repeat(MAX_PROPERTY_NAME + 1)));
/// assert_eq!(r.violations()[0].rule(), "omnisend.custom_properties.name.format");
/// assert_eq!(r.violations()[0].message(), "a custom property name has at most 128 characters, this one 129");
/// ```
pub const MAX_PROPERTY_NAME: usize = 128;
/// The longest custom property string value, in chars.
///
/// ```
/// use omnicontact::providers::omnisend::MAX_PROPERTY_STRING;
/// use omnicontact::{Provider, Validator};
/// use serde_json::json;
///
/// let v = Validator::new(Provider::Omnisend);
/// let body = |s: String| json!({"email": "a@b.co", "tags": ["source: x"], "customProperties": {"note": s}});
/// // Counted in chars: 2048 `é` are 4096 bytes and still fit.
/// assert!(v.validate_value(body("é".repeat(MAX_PROPERTY_STRING))).is_valid());
/// let r = v.validate_value(body("é".repeat(MAX_PROPERTY_STRING + 1)));
/// assert_eq!(r.violations()[0].rule(), "omnisend.custom_properties.value.max_length");
/// assert_eq!(r.violations()[0].message(), "2049 characters, more than the 2048 allowed");
/// ```
pub const MAX_PROPERTY_STRING: usize = 2048;
/// The most custom properties Omnisend documents for one contact; more is
/// an `omnisend.custom_properties.max_items` warning (what Omnisend does
/// with the rest is not documented).
///
/// ```
/// use omnicontact::providers::omnisend::MAX_PROPERTIES;
/// use omnicontact::{Provider, Validator};
/// use serde_json::{Map, Value, json};
///
/// let v = Validator::new(Provider::Omnisend);
/// let props = |n: usize| (0..n).map(|i| (format!("p{i}"), Value::from(i))).collect::<Map<_, _>>();
/// let body = |n| json!({"email": "a@b.co", "tags": ["source: x"], "customProperties": props(n)});
/// assert!(v.validate_value(body(MAX_PROPERTIES)).violations().is_empty());
/// let r = v.validate_value(body(MAX_PROPERTIES + 1));
/// assert_eq!(r.violations()[0].rule(), "omnisend.custom_properties.max_items");
/// assert!(r.is_valid()); // a warning
/// ```
pub const MAX_PROPERTIES: usize = 200;
/// The "6 digits precision" Omnisend rounds custom property floats to
/// (its contact reference), read as decimal places or as significant
/// digits: a float either reading changes is an
/// `omnisend.custom_properties.value.lossy` warning, sent as written.
///
/// ```
/// use omnicontact::providers::omnisend::PROPERTY_DECIMALS;
/// use omnicontact::{Provider, Validator};
/// use serde_json::json;
///
/// assert_eq!(PROPERTY_DECIMALS, 6);
/// let v = Validator::new(Provider::Omnisend);
/// let body = |n: f64| json!({"email": "a@b.co", "tags": ["source: x"], "customProperties": {"score": n}});
/// assert!(v.validate_value(body(1.12345)).violations().is_empty());
/// let r = v.validate_value(body(1.1234567));
/// assert_eq!(r.violations()[0].rule(), "omnisend.custom_properties.value.lossy");
/// assert!(r.is_valid()); // a warning
/// assert_eq!(r.normalized().unwrap()["customProperties"]["score"], 1.1234567); // as written
/// let r = v.validate_value(body(12345.678));
/// assert_eq!(r.violations()[0].rule(), "omnisend.custom_properties.value.lossy"); // 6 significant digits
/// assert_eq!(r.violations()[0].message(), "'12345.678' is more precise than Omnisend keeps: it rounds floats to \"6 digits precision\" and may store '12345.7' (6 significant digits); sent as written");
/// ```
pub const PROPERTY_DECIMALS: usize = 6;

static BODY: ObjectSpec = ObjectSpec::of(&[
    Member::optional(
        "identifiers",
        Kind::Array(&IDENTIFIERS),
        rules::OMNISEND_IDENTIFIERS_TYPE,
    )
    .to(To::Nested)
    .write(Write::Identifiers(convert::write_identifiers)),
    Member::optional(
        "email",
        Kind::Custom(shorthand_email),
        rules::OMNISEND_EMAIL_TYPE,
    )
    .to(To::Id(IdType::Email))
    .write(Write::Never),
    Member::optional(
        "phone",
        Kind::Str(Format::Phone {
            format: rules::OMNISEND_PHONE_FORMAT,
            invalid: rules::OMNISEND_IDENTIFIERS_ID_INVALID_NUMBER,
        }),
        rules::OMNISEND_PHONE_TYPE,
    )
    .to(To::Id(IdType::Phone))
    .write(Write::Never),
    Member::optional(
        "contactID",
        Kind::Str(Format::Any),
        rules::OMNISEND_CONTACT_ID_TYPE,
    )
    .to(To::Field(&field::EXTERNAL_ID)),
    Member::optional(
        "createdAt",
        Kind::Str(Format::UtcDateTime(rules::OMNISEND_CREATED_AT_FORMAT)),
        rules::OMNISEND_CREATED_AT_TYPE,
    )
    .to(To::Field(&field::REGISTERED_AT)),
    Member::optional(
        "firstName",
        Kind::Str(Format::Any),
        rules::OMNISEND_FIRST_NAME_TYPE,
    )
    .to(To::Field(&field::FIRST_NAME)),
    Member::optional(
        "lastName",
        Kind::Str(Format::Any),
        rules::OMNISEND_LAST_NAME_TYPE,
    )
    .to(To::Field(&field::LAST_NAME)),
    Member::optional("tags", Kind::Array(&TAGS), rules::OMNISEND_TAGS_TYPE).to(To::Tags),
    Member::optional(
        "countryCode",
        Kind::Str(Format::Country {
            format: rules::OMNISEND_COUNTRY_CODE_FORMAT,
            advice: rules::OMNISEND_COUNTRY_CODE_ADVICE,
            alpha2: true,
        }),
        rules::OMNISEND_COUNTRY_CODE_TYPE,
    )
    .to(To::Field(&field::COUNTRY)),
    Member::optional(
        "country",
        Kind::Str(Format::Any),
        rules::OMNISEND_COUNTRY_TYPE,
    )
    .to(To::Read(read_country)),
    Member::optional("state", Kind::Str(Format::Any), rules::OMNISEND_STATE_TYPE)
        .to(To::Field(&field::STATE)),
    Member::optional("city", Kind::Str(Format::Any), rules::OMNISEND_CITY_TYPE)
        .to(To::Field(&field::CITY)),
    Member::optional(
        "address",
        Kind::Str(Format::Any),
        rules::OMNISEND_ADDRESS_TYPE,
    )
    .to(To::Field(&field::ADDRESS)),
    Member::optional(
        "postalCode",
        Kind::Str(Format::Any),
        rules::OMNISEND_POSTAL_CODE_TYPE,
    )
    .to(To::Field(&field::POSTAL_CODE)),
    Member::optional(
        "gender",
        Kind::Str(Format::Gender(rules::OMNISEND_GENDER_ENUM)),
        rules::OMNISEND_GENDER_TYPE,
    )
    .to(To::Field(&field::GENDER)),
    Member::optional(
        "birthdate",
        Kind::Str(Format::Date {
            format: rules::OMNISEND_BIRTHDATE_FORMAT,
            future: Some(rules::OMNISEND_BIRTHDATE_ADVICE),
        }),
        rules::OMNISEND_BIRTHDATE_TYPE,
    )
    .to(To::Field(&field::BIRTHDATE)),
    Member::optional(
        "customProperties",
        Kind::Custom(custom_properties),
        rules::OMNISEND_CUSTOM_PROPERTIES_TYPE,
    )
    .to(To::Properties),
    // The create request's own member (`POST /contacts` `allOf` in
    // the OpenAPI), beside `contacts-input`.
    Member::optional(
        "sendWelcomeEmail",
        Kind::Bool,
        rules::OMNISEND_SEND_WELCOME_EMAIL_TYPE,
    )
    .to(To::Skip),
])
.unknown(rules::OMNISEND_BODY_UNKNOWN_FIELD);

static IDENTIFIERS: ArraySpec = ArraySpec {
    items: Kind::Object(&IDENTIFIER),
    max_items: None,
    dedupe: None,
};

static IDENTIFIER: ObjectSpec = ObjectSpec::of(&[
    Member::required(
        "type",
        Kind::Str(Format::Enum(
            IDENTIFIER_TYPES,
            rules::OMNISEND_IDENTIFIERS_TYPE_ENUM,
        )),
        rules::OMNISEND_IDENTIFIERS_TYPE_ENUM,
        rules::OMNISEND_IDENTIFIERS_TYPE_ENUM,
    )
    .to(To::Skip),
    Member::required(
        "id",
        Kind::Tagged(&ID_BY_TYPE),
        rules::OMNISEND_IDENTIFIERS_ID_TYPE,
        rules::OMNISEND_IDENTIFIERS_ID_REQUIRED,
    )
    .to(To::Read(read_identifier)),
    Member::optional(
        "channels",
        Kind::Tagged(&CHANNELS_BY_TYPE),
        rules::OMNISEND_IDENTIFIERS_CHANNELS_ENUM,
    )
    .to(To::Read(read_channels)),
    Member::optional(
        "sendWelcomeEmail",
        Kind::Bool,
        rules::OMNISEND_IDENTIFIERS_SEND_WELCOME_EMAIL_TYPE,
    ),
    Member::optional(
        "source",
        Kind::Str(Format::Any),
        rules::OMNISEND_IDENTIFIERS_SOURCE_TYPE,
    ),
    Member::optional(
        "sendWelcomeMessage",
        Kind::Bool,
        rules::OMNISEND_IDENTIFIERS_SEND_WELCOME_MESSAGE_TYPE,
    )
    .to(To::Skip),
    Member::optional(
        "consent",
        Kind::Object(&CONSENT),
        rules::OMNISEND_IDENTIFIERS_CONSENT_TYPE,
    ),
])
.unknown(rules::OMNISEND_BODY_UNKNOWN_FIELD);

/// An identifier's `id` by its `type`: an email address (sent as
/// written), a phone number, or any string when the type is not one of
/// [`IDENTIFIER_TYPES`] (reported under its own rule).
static ID_BY_TYPE: Tagged = Tagged {
    tag: "type",
    cases: &[
        ("email", Kind::Custom(email_id)),
        (
            "phone",
            Kind::Str(Format::Phone {
                format: rules::OMNISEND_IDENTIFIERS_ID_FORMAT,
                invalid: rules::OMNISEND_IDENTIFIERS_ID_INVALID_NUMBER,
            }),
        ),
    ],
    other: Kind::Str(Format::Any),
};

/// An identifier's `channels` by its `type`: the one channel of that type,
/// or either when the type is not known.
static CHANNELS_BY_TYPE: Tagged = Tagged {
    tag: "type",
    cases: &[
        ("email", Kind::Custom(email_channels)),
        ("phone", Kind::Custom(sms_channels)),
    ],
    other: Kind::Custom(any_channels),
};

/// An identifier's `consent` (the `OpenAPI`'s `consent-model`): where,
/// when, from which address and agent consent was given. `ip` and
/// `userAgent` are free strings: Omnisend's own `WordPress` plugin sends
/// `ip not found` and `user agent not found` when it has none.
static CONSENT: ObjectSpec = ObjectSpec::of(&[
    Member::optional(
        "source",
        Kind::Str(Format::Any),
        rules::OMNISEND_IDENTIFIERS_CONSENT_TYPE,
    ),
    Member::optional(
        "createdAt",
        Kind::Str(Format::UtcDateTime(
            rules::OMNISEND_IDENTIFIERS_CONSENT_CREATED_AT_FORMAT,
        )),
        rules::OMNISEND_IDENTIFIERS_CONSENT_CREATED_AT_FORMAT,
    ),
    Member::optional(
        "ip",
        Kind::Str(Format::Any),
        rules::OMNISEND_IDENTIFIERS_CONSENT_TYPE,
    ),
    Member::optional(
        "userAgent",
        Kind::Str(Format::Any),
        rules::OMNISEND_IDENTIFIERS_CONSENT_TYPE,
    ),
])
.unknown(rules::OMNISEND_BODY_UNKNOWN_FIELD);

static CHANNEL: ObjectSpec = ObjectSpec::of(&[
    // Optional: the `OpenAPI` gives it the default `subscribed`.
    Member::optional(
        "status",
        Kind::Str(Format::Enum(
            STATUSES,
            rules::OMNISEND_IDENTIFIERS_CHANNELS_STATUS_ENUM,
        )),
        rules::OMNISEND_IDENTIFIERS_CHANNELS_STATUS_ENUM,
    )
    .to(To::Skip),
    Member::optional(
        "statusDate",
        Kind::Str(Format::UtcDateTime(
            rules::OMNISEND_IDENTIFIERS_CHANNELS_STATUS_DATE_FORMAT,
        )),
        rules::OMNISEND_IDENTIFIERS_CHANNELS_STATUS_DATE_FORMAT,
    )
    .to(To::Skip),
])
.unknown(rules::OMNISEND_BODY_UNKNOWN_FIELD);

static TAGS: ArraySpec = ArraySpec {
    items: Kind::Str(Format::NonEmpty(rules::OMNISEND_TAGS_TYPE)),
    max_items: Some((MAX_TAGS, rules::OMNISEND_TAGS_MAX_ITEMS)),
    dedupe: Some(rules::OMNISEND_TAGS_UNIQUE),
};

/// The region national phone numbers are read in: `countryCode`, else
/// `country` as a code or an English name.
fn region(body: &Map<String, Value>) -> Option<PhoneRegion> {
    let code = body
        .get("countryCode")
        .and_then(Value::as_str)
        .and_then(|s| PhoneRegion::parse(s).ok());
    code.or_else(|| {
        body.get("country")
            .and_then(Value::as_str)
            .and_then(region_named)
    })
}

/// The region a `country` names: a code, an English name, or a region
/// beyond ISO 3166-1 (`XK`, `Kosovo`, `Ascension Island`, …).
fn region_named(country: &str) -> Option<PhoneRegion> {
    match PhoneRegion::parse(country) {
        Ok(region) => Some(region),
        Err(PhoneRegionError::RegionName(code)) => PhoneRegion::parse(code).ok(),
        Err(_) => CountryCode::from_name(country).map(PhoneRegion::from),
    }
}

/// `channels` is checked by [`identifier`], once the identifier's type is
/// known (members may come in any order).
/// The channel an identifier type may have.
fn channel_of(identifier_type: &str) -> Option<&'static str> {
    match identifier_type {
        "email" => Some("email"),
        "phone" => Some("sms"),
        _ => None,
    }
}

/// An email identifier's `id`: an email address, sent as written.
fn email_id(w: &mut Walker<'_>, value: &mut Value) {
    if value.is_string() {
        email_as_written(w, value, rules::OMNISEND_IDENTIFIERS_ID_FORMAT);
    } else {
        w.wrong_type(rules::OMNISEND_IDENTIFIERS_ID_TYPE, "a string", value);
    }
}

fn email_channels(w: &mut Walker<'_>, channels: &mut Value) {
    check_channels(w, channels, Some("email"));
}

fn sms_channels(w: &mut Walker<'_>, channels: &mut Value) {
    check_channels(w, channels, Some("phone"));
}

fn any_channels(w: &mut Walker<'_>, channels: &mut Value) {
    check_channels(w, channels, None);
}

fn check_channels(w: &mut Walker<'_>, channels: &mut Value, kind: Option<&str>) {
    let rule = rules::OMNISEND_IDENTIFIERS_CHANNELS_ENUM;
    let Value::Object(map) = channels else {
        w.wrong_type(rule, "an object keyed by channel name", channels);
        return;
    };
    let allowed: &[&str] = match kind.and_then(channel_of) {
        Some("email") => &["email"],
        Some(_) => &["sms"],
        None => &["email", "sms"],
    };
    for (name, channel) in map.iter_mut() {
        w.at(name, |w| {
            if !allowed.contains(&name.as_str()) {
                let suggestion = suggest::closest(name, allowed.iter().copied())
                    .or_else(|| (allowed.len() == 1).then_some(allowed[0]));
                let message = match (kind, ["email", "sms"].contains(&name.as_str())) {
                    (Some(k), true) => format!(
                        "a '{k}' identifier has no '{name}' channel; its channel is '{}'",
                        allowed[0]
                    ),
                    _ => format!(
                        "unknown channel {}; Omnisend has 'email' and 'sms'",
                        shown(name)
                    ),
                };
                w.report_suggesting(rule, message, suggestion.map(str::to_owned));
            }
            w.walk_value(
                channel,
                &Kind::Object(&CHANNEL),
                rules::OMNISEND_IDENTIFIERS_CHANNELS_STATUS_ENUM,
            );
        });
    }
}

/// An identifier's `id`, read by its `type` (`phone`, else `email`) with
/// the states of its `email` and `sms` channels (a channel without
/// `status` is Omnisend's default, `subscribed`); what a policy let
/// through in `channels` is reported by [`read_channels`].
fn read_identifier(r: &mut Reader<'_>, item: &Map<String, Value>, id: &Value) {
    let phone = item.get("type").and_then(Value::as_str) == Some("phone");
    let point = if phone { IdType::Phone } else { IdType::Email };
    let Some(id) = r.text(id, loss_rule(point)) else {
        return;
    };
    let mut channels = Vec::new();
    if let Some(Value::Object(states)) = item.get("channels") {
        for name in ["email", "sms"] {
            let Some(Value::Object(state)) = states.get(name) else {
                continue;
            };
            let status = match state.get("status") {
                None | Some(Value::Null) => "subscribed",
                Some(Value::String(status)) => status,
                Some(_) => continue,
            };
            let date = state.get("statusDate").and_then(Value::as_str);
            channels.push((name, status, date));
        }
    }
    // The identifier stands for the whole item, channels included.
    r.in_parent(|r| r.contact_point(point, id, &channels));
}

/// An identifier's `channels`: read with its `id`; a channel other than
/// `email` and `sms`, a state that is not an object, a `status` or
/// `statusDate` that is not a string and a member a channel does not have
/// (each let through by a policy) are losses.
fn read_channels(r: &mut Reader<'_>, _: &Map<String, Value>, channels: &Value) {
    let rule = rules::CONVERT_CHANNELS_LOSSY;
    let Value::Object(channels) = channels else {
        r.not_held(rule, channels, "an object keyed by channel name");
        return;
    };
    for (name, state) in channels {
        r.at(name, |r| match state {
            _ if !["email", "sms"].contains(&name.as_str()) => r.drop(
                rule,
                format!("the canonical contact holds Omnisend's 'email' and 'sms' channels; {} is not converted", shown(name)),
            ),
            Value::Null => {}
            Value::Object(state) => {
                for member in ["status", "statusDate"] {
                    if let Some(v) = state.get(member).filter(|v| !v.is_null() && !v.is_string()) {
                        r.at(member, |r| r.not_held(rule, v, "a string"));
                    }
                }
                r.object(state, &CHANNEL);
            }
            other => r.not_held(rule, other, "an object"),
        });
    }
}

/// `country`: the country when there is no `countryCode`; else a loss,
/// unless it names the same country.
fn read_country(r: &mut Reader<'_>, body: &Map<String, Value>, country: &Value) {
    let Some(country) = r.text(country, rules::CONVERT_COUNTRY_LOSSY) else {
        return;
    };
    match body.get("countryCode").and_then(Value::as_str) {
        None => r.field(&field::COUNTRY, country),
        Some(code) => {
            let named =
                CountryCode::from_name(country).or_else(|| CountryCode::parse(country).ok());
            let same = named
                .zip(CountryCode::parse(code).ok())
                .is_some_and(|(a, b)| a.alpha2() == b.alpha2());
            if !same {
                r.lost();
            }
        }
    }
}

/// `omnisend.identifiers.unique`: merges an identifier given twice into its
/// first occurrence.
fn merge_duplicate_identifiers(w: &mut Walker<'_>, body: &mut Map<String, Value>) {
    let Some(Value::Array(items)) = body.get_mut("identifiers") else {
        return;
    };
    if items.len() < 2 {
        return;
    }
    // The usual case, no duplicate, is found without copying anything.
    {
        let mut seen = FirstSeen::new();
        let duplicate = items
            .iter()
            .filter_map(identifier_key)
            .enumerate()
            .any(|(i, k)| seen.first(k, i) != i);
        if !duplicate {
            return;
        }
    }
    let key = |v: &Value| -> Option<(String, String)> {
        Some((
            v.get("type")?.as_str()?.to_owned(),
            v.get("id")?.as_str()?.to_owned(),
        ))
    };
    let mut merged: Vec<Value> = Vec::with_capacity(items.len());
    // For each item of `merged`, its index in `items` and the index of the
    // item each channel state taken from a later duplicate came from.
    // (A map: an identifier may list many channel keys.)
    let mut origins: Vec<(usize, HashMap<String, usize>)> = Vec::with_capacity(items.len());
    // Each (type, id) and the index in `merged` of its first item.
    let mut seen = FirstSeen::new();
    let mut changed = false;
    w.at("identifiers", |w| {
        for (i, item) in items.iter().enumerate() {
            let first = key(item)
                .map(|k| seen.first(k, merged.len()))
                .filter(|&j| j != merged.len());
            if let Some(j) = first {
                changed = true;
                w.at_index(i, |w| {
                    w.report(
                        rules::OMNISEND_IDENTIFIERS_UNIQUE,
                        format!("same identifier as item {j}; merged into it"),
                    );
                });
                let taken = merge_identifier(&mut merged[j], item, |channel, kept, incoming| {
                    let (first, taken) = &origins[j];
                    let from = taken.get(channel).copied().unwrap_or(*first);
                    status_time(w, i, channel, incoming) >= status_time(w, from, channel, kept)
                });
                origins[j]
                    .1
                    .extend(taken.into_iter().map(|channel| (channel, i)));
            } else {
                merged.push(item.clone());
                origins.push((i, HashMap::new()));
            }
        }
        if changed {
            let from = std::mem::replace(items, merged);
            w.change(
                rules::OMNISEND_IDENTIFIERS_UNIQUE,
                Value::Array(from),
                Value::Array(items.clone()),
            );
        }
    });
}

/// An identifier's `(type, id)`, when both are strings.
fn identifier_key(v: &Value) -> Option<(&str, &str)> {
    Some((v.get("type")?.as_str()?, v.get("id")?.as_str()?))
}

/// Takes into `first` what `later` adds: members `first` lacks (a `null`
/// member counts as lacking, as `null` means "not given"), and the state
/// of each channel both give when `replaces(channel, kept, incoming)`
/// says Omnisend would take the later one. Returns the channels whose
/// state was taken from `later`.
fn merge_identifier(
    first: &mut Value,
    later: &Value,
    mut replaces: impl FnMut(&str, &Value, &Value) -> bool,
) -> Vec<String> {
    let mut taken = Vec::new();
    let (Value::Object(first), Value::Object(later)) = (first, later) else {
        return taken;
    };
    for (name, value) in later {
        if value.is_null() {
            continue;
        }
        let missing = match first.get(name) {
            None | Some(Value::Null) => true,
            Some(_) => false,
        };
        if missing {
            // Taken whole: every channel state in it comes from `later`.
            if let (Value::Object(states), "channels") = (value, name.as_str()) {
                taken.extend(states.keys().cloned());
            }
            first.insert(name.clone(), value.clone());
            continue;
        }
        if let (Some(Value::Object(mine)), "channels", Value::Object(theirs)) =
            (first.get_mut(name), name.as_str(), value)
        {
            for (channel, status) in theirs {
                if status.is_null() {
                    continue;
                }
                let take = match mine.get(channel) {
                    None | Some(Value::Null) => true,
                    Some(current) => replaces(channel, current, status),
                };
                if take {
                    mine.insert(channel.clone(), status.clone());
                    taken.push(channel.clone());
                }
            }
        }
    }
    taken
}

/// When Omnisend takes the status `state` of `channel` in identifier
/// `index`: its `statusDate` as the body wrote it, to the nanosecond (the
/// walk has cut the fraction from the value and kept it aside,
/// [`Walker::written_fraction`]). An undated status sorts last
/// ([`StatusTime::Undated`]): Omnisend dates it when it arrives.
fn status_time(w: &Walker<'_>, index: usize, channel: &str, state: &Value) -> StatusTime {
    let date = match state.get("statusDate") {
        None | Some(Value::Null) => return StatusTime::Undated,
        Some(Value::String(date)) => date,
        // Another type (let through by a policy) is no date.
        Some(_) => return StatusTime::Unreadable,
    };
    let mut path = format!("/identifiers/{index}/channels");
    crate::report::push_pointer_token(&mut path, channel);
    path.push_str("/statusDate");
    match UtcDateTime::parse(date) {
        Ok(at) => StatusTime::Dated(at, w.written_fraction(&path)),
        Err(_) => StatusTime::Unreadable,
    }
}

/// When a channel status takes effect, in Omnisend's order.
#[derive(Debug, PartialEq, PartialOrd)]
enum StatusTime {
    /// A `statusDate` that is not a date-time, or not a string (reported by
    /// the walk): earlier than any date, so it never wins over a readable
    /// one.
    Unreadable,
    /// A date-time and its fraction of a second, in nanoseconds.
    Dated(UtcDateTime, u32),
    /// No `statusDate`: Omnisend uses the time it receives the status
    /// (the API reference's `statusDate`: "If not provided current time
    /// will be used as default"), later than any date already past.
    Undated,
}

/// `omnisend.body.required`: at least one identifier.
fn require_identifier(w: &mut Walker<'_>, body: &mut Map<String, Value>) {
    let has = |name: &str| body.get(name).is_some_and(|v| !v.is_null());
    let listed = body
        .get("identifiers")
        .and_then(Value::as_array)
        .is_some_and(|a| !a.is_empty());
    if !listed && !has("email") && !has("phone") {
        w.report(
            rules::OMNISEND_BODY_REQUIRED,
            "a contact needs at least one identifier: an 'identifiers' item, 'email' or 'phone'",
        );
    }
}

/// `omnisend.country.conflict`: `country` names another country than
/// `countryCode`.
fn country_conflict(w: &mut Walker<'_>, body: &mut Map<String, Value>) {
    // Kosovo (`XK`) too: the region phone numbers are read in.
    let Some(code) = body
        .get("countryCode")
        .and_then(Value::as_str)
        .and_then(|s| {
            w.parse_then(s, |code: &CountryCode| PhoneRegion::from(code))
                .ok()
                .or_else(|| PhoneRegion::parse(s).ok())
        })
    else {
        return;
    };
    let Some(name) = body.get("country").and_then(Value::as_str) else {
        return;
    };
    // Ascension Island and Tristan da Cunha have numbering plans of their
    // own (`AC`, `TA`) but are part of Saint Helena (`SH`) in ISO 3166-1.
    let country = |region: PhoneRegion| match region.as_str() {
        "AC" | "TA" => "SH",
        other => other,
    };
    if let Some(named) = region_named(name)
        && country(named) != country(code)
    {
        w.at("country", |w| {
            w.report(
                rules::OMNISEND_COUNTRY_CONFLICT,
                format!(
                    "'{name}' is {named} but 'countryCode' is '{code}'; Omnisend keeps 'countryCode'"
                ),
            );
        });
    }
}

/// `omnisend.tags.advice`: creating a contact without a `source:` tag.
fn source_tag_advice(w: &mut Walker<'_>, body: &mut Map<String, Value>) {
    if !w.creating {
        return;
    }
    let has_source = match body.get("tags") {
        None | Some(Value::Null) => false,
        Some(Value::Array(tags)) => tags.iter().any(|t| {
            t.as_str().is_some_and(|s| {
                values::trim(s)
                    .get(..7)
                    .is_some_and(|p| p.eq_ignore_ascii_case("source:"))
            })
        }),
        // A wrong type is already an error.
        Some(_) => true,
    };
    if !has_source {
        w.at("tags", |w| {
            w.report(
                rules::OMNISEND_TAGS_ADVICE,
                "no tag starts with 'source:'; Omnisend strongly advises one when creating a contact, e.g. 'source: shopify'",
            );
        });
    }
}

/// Shorthand `email`: a string holding an email address, kept as written.
fn shorthand_email(w: &mut Walker<'_>, value: &mut Value) {
    if value.is_string() {
        email_as_written(w, value, rules::OMNISEND_EMAIL_FORMAT);
    } else {
        w.wrong_type(rules::OMNISEND_EMAIL_TYPE, "a string", value);
    }
}

/// An email identifier: checked as an email address, but sent as written
/// (only surrounding whitespace is trimmed, a recorded change): Omnisend
/// treats the email identifier case-sensitively, so lowercasing its
/// domain would name another contact.
fn email_as_written(w: &mut Walker<'_>, value: &mut Value, rule: &'static rules::RuleInfo) {
    let Value::String(s) = value else { return };
    let trimmed = values::trim(s);
    // Sent as written but trimmed, and kept under that text too when it is
    // not the normalized one (a conversion reads it so).
    let other = |email: &values::Email| (email.as_str() != trimmed).then(|| email.clone());
    match w.parse_then(s, other) {
        Ok(other) => {
            if let Some(email) = other {
                w.keep(trimmed, &email);
            }
            if trimmed.len() != s.len() {
                let trimmed = trimmed.to_owned();
                w.normalize(rule, value, &trimmed);
            }
        }
        Err(e) => w.report(rule, format!("not an email address: {e}")),
    }
}

/// `customProperties`: names, value types, lengths, rounding, date shapes,
/// and how many.
fn custom_properties(w: &mut Walker<'_>, value: &mut Value) {
    let Value::Object(map) = value else {
        if !value.is_null() {
            w.wrong_type(rules::OMNISEND_CUSTOM_PROPERTIES_TYPE, "an object", value);
        }
        return;
    };
    if map.len() > MAX_PROPERTIES {
        w.report(
            rules::OMNISEND_CUSTOM_PROPERTIES_MAX_ITEMS,
            format!(
                "{} custom properties, more than the {MAX_PROPERTIES} Omnisend documents for a contact; it may drop or refuse the rest",
                map.len()
            ),
        );
    }
    for (name, value) in map.iter_mut() {
        w.at(name, |w| {
            check_property_name(w, name);
            check_property_value(w, value);
        });
    }
}

/// Whether `name` is a valid custom property name.
fn check_property_name(w: &mut Walker<'_>, name: &str) {
    if let Some((message, suggestion)) = crate::model::property::name_problem(name) {
        w.report_suggesting(
            rules::OMNISEND_CUSTOM_PROPERTIES_NAME_FORMAT,
            message,
            suggestion,
        );
    }
}

fn check_property_value(w: &mut Walker<'_>, value: &mut Value) {
    match value {
        Value::Null | Value::Bool(_) => {}
        Value::Number(n) => check_property_number(w, n),
        Value::String(s) => check_property_string(w, s),
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                w.at_index(i, |w| match item {
                    Value::String(s) => check_property_string(w, s),
                    other => w.report(
                        rules::OMNISEND_CUSTOM_PROPERTIES_VALUE_TYPE,
                        format!("a list holds only strings, found {}", type_name(other)),
                    ),
                });
            }
        }
        Value::Object(_) => w.report(
            rules::OMNISEND_CUSTOM_PROPERTIES_VALUE_TYPE,
            "expected a number, boolean, string or list of strings, found object",
        ),
    }
}

fn check_property_string(w: &mut Walker<'_>, s: &str) {
    let len = s.chars().count();
    if len > MAX_PROPERTY_STRING {
        w.report(
            rules::OMNISEND_CUSTOM_PROPERTIES_VALUE_MAX_LENGTH,
            format!("{len} characters, more than the {MAX_PROPERTY_STRING} allowed"),
        );
    }
    if values::date_like(s) == Some(false) {
        w.report(
            rules::OMNISEND_CUSTOM_PROPERTIES_VALUE_FORMAT,
            format!("'{s}' looks like a date but is not a real date or time"),
        );
    }
}

/// A float more precise than Omnisend keeps: its contact reference says
/// "Floats are rounded to 6 digits precision", which may mean decimal
/// places or significant digits, so either reading that changes the number
/// is reported. The number is never rewritten: the rounding is Omnisend's
/// to do, and a wrong guess would write a value Omnisend never stores.
fn check_property_number(w: &mut Walker<'_>, n: &serde_json::Number) {
    if n.is_i64() || n.is_u64() {
        return;
    }
    let Some(float) = n.as_f64() else { return };
    // Omnisend reads `10.0` as the integer 10 (its events reference:
    // "numbers like 10, 10.00, 10.0 will be interpreted as integers").
    if float.fract() == 0.0 {
        return;
    }
    let text = n.to_string();
    let places = i32::try_from(PROPERTY_DECIMALS).unwrap_or(6);
    let decimals = round_half_up(&text, |point| point + places);
    let significant = round_half_up(&text, |_| places);
    let stored = match (decimals, significant) {
        (None, None) => return,
        (Some(dec), None) => format!("'{dec}' ({places} decimals)"),
        (None, Some(sig)) => format!("'{sig}' ({places} significant digits)"),
        (Some(dec), Some(sig)) if dec == sig => format!("'{dec}'"),
        (Some(dec), Some(sig)) => {
            format!("'{dec}' ({places} decimals) or '{sig}' ({places} significant digits)")
        }
    };
    w.report(
        rules::OMNISEND_CUSTOM_PROPERTIES_VALUE_LOSSY,
        format!(
            "'{text}' is more precise than Omnisend keeps: it rounds floats to \"6 digits precision\" and may store {stored}; sent as written"
        ),
    );
}

/// Rounds the decimal number `text` (as JSON writes a number: `-1.25`,
/// `5e-7`, `1.5e+20`) half away from zero, keeping `keep(point)` digits,
/// where the value is `0.d₁d₂… × 10^point`; the result as JSON prints it,
/// or `None` when nothing is dropped. Decimal rounding of the digits as
/// written, as a person (or a decimal type) rounds, not of the double's
/// binary value (which would round `0.0000005` down).
fn round_half_up(text: &str, keep: impl Fn(i32) -> i32) -> Option<String> {
    let (negative, text) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (mantissa, exponent) = match text.find(['e', 'E']) {
        Some(i) => (&text[..i], text[i + 1..].parse::<i32>().ok()?),
        None => (text, 0),
    };
    let (int_part, frac_part) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let all = format!("{int_part}{frac_part}");
    let leading = all.len() - all.trim_start_matches('0').len();
    let digits = all[leading..].trim_end_matches('0').as_bytes();
    if digits.is_empty() {
        return None; // zero
    }
    let point = i32::try_from(int_part.len()).ok()? + exponent - i32::try_from(leading).ok()?;
    let kept = keep(point);
    if kept >= i32::try_from(digits.len()).ok()? {
        return None;
    }
    let mut point = point;
    let mut out: Vec<u8> = Vec::new();
    if kept >= 0 {
        let cut = usize::try_from(kept).ok()?;
        out.extend_from_slice(&digits[..cut]);
        if digits[cut] >= b'5' {
            // Add one at the last kept place, carrying.
            let mut i = out.len();
            loop {
                if i == 0 {
                    out.insert(0, b'1');
                    point += 1;
                    break;
                }
                i -= 1;
                if out[i] == b'9' {
                    out[i] = b'0';
                } else {
                    out[i] += 1;
                    break;
                }
            }
        }
    }
    let digits = String::from_utf8(out).ok()?;
    let digits = digits.trim_end_matches('0');
    let value: f64 = if digits.is_empty() {
        0.0
    } else {
        format!("{}0.{digits}e{point}", if negative { "-" } else { "" })
            .parse()
            .ok()?
    };
    serde_json::Number::from_f64(value).map(|n| n.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn either_reading_of_six_digits_precision() {
        let decimals = |t: &str| round_half_up(t, |point| point + 6);
        let significant = |t: &str| round_half_up(t, |_| 6);
        assert_eq!(decimals("1.1234567").as_deref(), Some("1.123457"));
        assert_eq!(significant("1.1234567").as_deref(), Some("1.12346"));
        assert_eq!(decimals("-1.1234564").as_deref(), Some("-1.123456"));
        assert_eq!(decimals("0.9999999").as_deref(), Some("1.0"));
        assert_eq!(significant("9999999.5").as_deref(), Some("10000000.0"));
        assert_eq!(decimals("5e-7").as_deref(), Some("1e-6"));
        assert_eq!(decimals("4e-7").as_deref(), Some("0.0"));
        assert_eq!(decimals("-1e-7").as_deref(), Some("0.0"));
        assert_eq!(significant("1e-7"), None);
        assert_eq!(significant("123456.5").as_deref(), Some("123457.0"));
        assert_eq!(decimals("123456.5"), None);
        assert_eq!(significant("12345.678").as_deref(), Some("12345.7"));
        assert_eq!(decimals("1.2345675e-3").as_deref(), Some("0.001235"));
        assert_eq!(decimals("1.123456"), None);
        assert_eq!(significant("1.12345"), None);
        assert_eq!(decimals("125.8"), None);
        assert_eq!(significant("125.8"), None);
        assert_eq!(significant("1.5e20"), None);
        assert_eq!(
            significant("1.2345678e300").as_deref(),
            Some("1.23457e+300")
        );
        assert_eq!(decimals("0.0"), None);
    }

    #[test]
    fn property_names() {
        assert!(crate::model::property::valid_name("hair_color"));
        assert!(crate::model::property::valid_name(&"a".repeat(128)));
        assert!(!crate::model::property::valid_name(&"a".repeat(129)));
        assert!(!crate::model::property::valid_name("hair color"));
        assert!(!crate::model::property::valid_name("plaukų_spalva"));
        assert!(!crate::model::property::valid_name(""));
    }
}
