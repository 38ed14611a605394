//! `SuprSend`: create or update a user,
//! `POST /v1/user/{distinct_id}/` (path parameter `distinct_id`).
//!
//! The body holds the nine documented channel keys `$email`, `$sms`,
//! `$whatsapp`, `$inbox`, `$webpush`, `$androidpush`, `$iospush`, `$slack`,
//! `$ms_teams`, the schema's tenth channel `$messenger`, the properties
//! `$timezone`, `$preferred_language` and `$locale`, the channel list
//! `$channels`, and any custom key. The channels are one table,
//! [`CHANNEL_KEYS`] in its order: each row names its rules and what its
//! items may be (a string checked by a format, and for web push, push,
//! Slack and MS Teams an object with its own member table); one function
//! walks any row.
//!
//! - A channel value is a list (the documented form), or a single item,
//!   which is normalized to a one-item list (a change under the channel's
//!   `type` rule); a list of more than [`MAX_ITEMS`] items is a
//!   `max_items` warning.
//! - `$email` items are emails (domain lowercased); `$sms` / `$whatsapp`
//!   items are phone numbers normalized to E.164; a number without `+` is
//!   read in the validator's default region (a `SuprSend` user has no
//!   country member), and without one it is a `format` error.
//! - `$webpush` items are web-push subscription objects, the browser's
//!   `PushSubscription` as JSON (`endpoint`, `expirationTime`,
//!   `keys.p256dh`, `keys.auth`); an object of another shape, or a token
//!   string, is a `suprsend.webpush.format` warning, and `{}` a `type`
//!   error.
//! - `$androidpush` / `$iospush` items are a token string or an object
//!   `{token, provider, device_id, bundle_id}`; `provider` is one of
//!   [`ANDROID_PROVIDERS`] / [`IOS_PROVIDERS`], any case, normalized to
//!   lowercase; an object without it is a warning.
//! - `$slack` items are a user id string (`U…` / `W…`) or an object with
//!   `email` / `email_id`, `user_id`, `channel_id` / `channel` (`C…`),
//!   `team_id`, `access_token` (`xox…`) and `incoming_webhook.url`
//!   (`https://hooks.slack.com/…`); `$ms_teams` items are a string or an
//!   object with `tenant_id`, `service_url`
//!   (`https://smba.trafficmanager.net/…`), `conversation_id`, `user_id`
//!   and `incoming_webhook.url` (an absolute URI). The id, token and host
//!   patterns are the workflow-trigger schema's: a value outside them is a
//!   `suprsend.slack.advice` / `suprsend.ms_teams.advice` warning and is
//!   sent (see below); a URL that is not an absolute URI is an error. A member beyond these
//!   in a push, Slack or MS Teams object is an `unknown_field` warning.
//! - `$locale` is a string or `null`, kept as sent; one that is not a
//!   language code with an optional region (`es`, `en_GB`, `en-US`) is a
//!   warning. `$channels` is a list of [`CHANNEL_NAMES`].
//! - A key starting with `$` or `ss_` (any case, after trimming) that is
//!   none of the keys above ([`KNOWN_KEYS`]) is a `reserved_key` warning
//!   with the closest known key as suggestion: `SuprSend` takes the request,
//!   but its earlier SDKs skipped such keys, so it may not be stored (in
//!   0.1.0, an error; deny the rule for the strict reading).
//! - A body that serializes to more than [`MAX_BODY_BYTES`] is a
//!   `body.max_length` warning (the SDKs' identity-event limit).
//!
//! # Sources
//!
//! Read end to end; where they disagree, the order of authority is the
//! schema `SuprSend` validates with > its API reference > its SDKs > the
//! seed page.
//!
//! - JSON schema: `suprsend-py-sdk` 0.20.0 (`PyPI`),
//!   `src/suprsend/request_json/workflow_trigger.json`, `definitions`
//!   (`user_setting`, `androidpush_settings`, `iospush_settings`,
//!   `slack_setting`, `ms_teams_setting`), the same file in
//!   `suprsend/suprsend-go` `request_json/workflow_trigger.json` (commit
//!   596f830) and `@suprsend/node-sdk` 1.15.1 (without `bundle_id` and
//!   `$locale`). The Python SDK checks it with `jsonschema`'s
//!   `Draft7Validator` and no format checker (`src/suprsend/request_schema.py`),
//!   the Go SDK with `gojsonschema`, which checks `format: uri`
//!   (`request_schema.go`).
//! - API reference: `suprsend/documentation` `openapi.yaml` (API version
//!   1.2.2; commit 01c6d8f), `paths./v1/user/{distinct_id}/` `post`
//!   (<https://docs.suprsend.com/reference/create-update-users>) and `patch`
//!   (<https://docs.suprsend.com/reference/edit-user-profile>).
//! - Seed page: the create / update user reference page as first read
//!   when the crate was written, an earlier version of
//!   <https://docs.suprsend.com/reference/create-update-users>.
//! - SDKs: `suprsend-py-sdk` `src/suprsend/users_api.py` (`upsert`,
//!   `_validate_distinct_id`), `user_edit_internal_helper.py` (commit
//!   7017b27) and `subscriber_helper.py` before it (commits a552cfc,
//!   002e140); `suprsend/suprsend-node-sdk` `src/subscriber_helper.js`,
//!   `src/user_edit_internal_helper.js`, `README.md`;
//!   `suprsend/suprsend-go` `users_api.go`, `user_edit_helper.go`,
//!   `examples/users_api_example.go`; `suprsend/suprsend-java-sdk`
//!   `src/test/TestUsersApi.java`, `src/test/TestUserIdentity.java`.
//! - The provider-conformance suite `tests/providers/suprsend.json`, written
//!   by `scripts/suprsend/verdicts.py` from those bodies and the schema.
//!
//! # Where the sources disagree
//!
//! - Slack and MS Teams patterns (`U…` / `W…` user ids, `C…` channel ids,
//!   `xox…` tokens, `https://hooks.slack.com/` webhooks,
//!   `https://smba.trafficmanager.net/` service URLs): only
//!   suprsend-py-sdk's `request_json/workflow_trigger.json`
//!   (`slack_setting`, `ms_teams_setting`) sets them, the SDK's
//!   client-side check of workflow triggers; the user endpoint's API
//!   reference (`suprsend/documentation` `openapi.yaml` @01c6d8f, the
//!   inline user object) types these values as strings, the URLs
//!   `format: uri`. Real values fall outside the patterns (private channels
//!   `G…`, direct messages `D…`, Slack for government's `hooks.slack-gov.com`, GCC
//!   tenants' Teams hosts), so a mismatch is a warning and is sent; a URL
//!   that is not an absolute URI stays a `format` error. (Before, each was
//!   a `format` error.) A service that wants the schema's reading raises
//!   these warnings to errors with a rule policy: `deny` on
//!   `suprsend.slack.advice` and `suprsend.ms_teams.advice` (see
//!   [`Policy`](crate::Policy)).
//! - `$webpush`: the seed page documents `string[]` ("web push tokens"); the
//!   schema accepts only objects with a member (`minProperties: 1`), every
//!   SDK sends subscription objects, and the current reference's example is
//!   one (with a `token` member too). Objects are accepted; a string is
//!   accepted with a warning, `{}` is an error (schema). The subscription's
//!   shape is not enforced by any source (the Java SDK's tests send
//!   `"expirationTime": ""` and `"endpoint": "__end_point__"`, the Go
//!   example empty strings), so it is checked by warnings only, and any
//!   other member is accepted.
//! - `$locale`: the reference (`$locale`, `en_GB`) and the schema
//!   (`string` or `null`, "e.g en-US") define it; SDKs before 7017b27
//!   skipped it as reserved on their `set` path. It is a known key, kept as
//!   sent: the reference writes `en_GB`, the Go SDK `en-US`.
//! - `$slack`: the schema's object has `email`, `user_id`, `channel_id`,
//!   `access_token`, `incoming_webhook` and `additionalProperties: false`;
//!   the reference for this endpoint adds `channel` (its "Slack using
//!   channel" form), `email_id` (its sample and response) and `team_id`
//!   (its example). All are accepted and checked (`channel` like
//!   `channel_id`, `email_id` like `email`); since the reference breaks the
//!   schema's closed object, another member is a warning, not an error.
//!   The seed page's string user ids stay accepted.
//! - `$ms_teams` `incoming_webhook.url`: the schema and the reference say
//!   `format: uri` and no pattern, so any absolute URI is accepted (the
//!   crate formerly demanded https, a false error for `http://…`); a value
//!   that is not a URI stays an error (`gojsonschema` refuses it). The
//!   schema types `tenant_id`, `conversation_id`, `user_id` as plain
//!   strings, so `""` is accepted (formerly a false `type` error).
//! - Push objects: the schema requires `provider` and closes the object
//!   (`token`, `provider`, `device_id`, `bundle_id`); the user endpoint's
//!   reference shows push tokens as strings and never an object, and the
//!   SDKs default `provider` to `fcm` / `apns`. A missing `provider` and an
//!   unknown member are therefore warnings.
//! - Keys: the SDKs trim a key before the reserved-prefix check
//!   (`__validate_key_basic`), so ` $foo` is reserved like `$foo`; a key that
//!   is one of `SuprSend`'s keys with surrounding whitespace (` $email`) is
//!   an `advice` warning suggesting the trimmed key (the SDKs would send
//!   the channel; a raw request sends the key as written).
//! - `distinct_id`: the SDKs trim it (`users_api.py`, `users_api.go`);
//!   the crate checks it is not empty after trimming but keeps it as sent,
//!   since a raw request addresses the user the path names.
//! - `$preferred_language`: the schema describes it as a "2-letter
//!   language code in ISO 639-1", the reference's example is `en`, and
//!   earlier Java SDK helpers (`suprsend-java-sdk`
//!   `src/suprsend/SubscriberInternalHelper.java`, `setPreferredLanguage`)
//!   dropped any value outside their ISO 639-1 list
//!   (`src/suprsend/LanguageCode.java`); current SDKs send what they are
//!   given (`user_edit_internal_helper.py`, `UserEditInternalHelper.java`).
//!   The crate keeps the documented form: a longer tag (`en-US`, `pt_BR`)
//!   is cut to its language (`en`, a recorded change) with the warning
//!   `suprsend.preferred_language.lossy`, which points to `$locale`, the key
//!   that takes whole tags (`en_GB`). A value that is no language at all
//!   stays a `format` error.
//! - Email length: SDKs before 7017b27 refused emails outside 6..=127
//!   characters client-side; the schema, the reference and current SDKs do
//!   not, so no such bound is encoded.
//! - `$messenger` and `$channels` appear in the schema only (`$messenger` a
//!   channel like `$inbox`, `$channels` a list of channel names); they are
//!   known keys, checked as the schema checks them.
//! - Items per channel: the schema's `maxItems: 10` is the workflow
//!   trigger's (the SDKs check it there, client-side); the user endpoint's
//!   reference and the SDKs' user calls set no limit. More than
//!   [`MAX_ITEMS`] items is a `*.max_items` warning and the list is sent
//!   as it is (before, an error, a possible false error). A service that
//!   wants the schema's limit raises these warnings to errors with a rule
//!   policy (`Policy::new().deny("suprsend.*.max_items")`, see
//!   [`Policy`](crate::Policy)).
//! - Stricter than the schema on purpose (see the suite's `differences`):
//!   `$email` items must be emails (the reference's `string<email>`),
//!   `$sms` / `$whatsapp` items phone numbers; laxer: `[]` is accepted
//!   (the schema's `minItems: 1` is the workflow trigger's).
//!
//! Choices where the sources are silent:
//! - `null` as a channel value, and `null`, a number, a boolean or a nested
//!   list as an item, are `type` errors; `[]` is accepted (it adds nothing).
//!   `null` for `$timezone` / `$preferred_language` / `$locale` is accepted
//!   and kept.
//! - An empty string or one of only whitespace is a `type` error, for an
//!   item and for a member of a push or Slack object (except `device_id`
//!   and `bundle_id`, which may be `""`, and Slack's `team_id`); MS Teams
//!   ids may be `""` (the schema's plain `string`).
//! - Surrounding whitespace is trimmed where a format governs the value
//!   (emails, phones, Slack ids, tokens and URLs, push `provider`, the time
//!   zone and the language), as a change under that format rule. Opaque
//!   values (`$inbox`, `$messenger`, `$webpush`, `$locale`, push tokens, MS Teams ids, custom
//!   properties) are kept exactly as sent.
//! - Duplicate items are kept as sent and not reported: `SuprSend` adds each
//!   channel identity to a user once, so a repeat is harmless.
//! - In an item object, `null` for a member means "not given", members not
//!   listed above are kept untouched (with an `unknown_field` warning in
//!   push, Slack and MS Teams objects), a push object without `token` is a
//!   `type` error (it is not a push object), and a Slack / MS Teams object
//!   that names no recipient (Slack: none of `email`, `email_id`,
//!   `user_id`, `channel_id`, `channel`, `incoming_webhook`; MS Teams: none
//!   of `conversation_id`,
//!   `user_id`, `incoming_webhook`) or an `incoming_webhook` without `url`
//!   is a `format` error (a recipient member of the wrong type counts as
//!   named: its `type` error is reported instead).
//! - A violation inside a single (unwrapped) channel value is reported at
//!   the channel's path (`/$email`), where it is in the document as sent.
//! - `reserved_key` compares the key after trimming (above);
//!   `properties.required` is a key that is empty after trimming;
//!   `properties.advice` matches a channel name without `$` ignoring ASCII
//!   case and surrounding whitespace (`Email`, ` sms`), suggesting the
//!   channel key.
//! - Custom property values may be any JSON value.
//! - `suprsend.body.max_length` measures the compact JSON serialization of
//!   the normalized body (no insignificant whitespace, UTF-8): what a client
//!   sends when it serializes the body, independent of how the input was
//!   indented, and unchanged when the normalized body is validated again.
//! - `distinct_id` (envelopes only) is a string that is not empty after
//!   trimming, or an integer within 64 bits written without fraction or
//!   exponent (its digits are the path segment); anything else is a `required` error,
//!   since the catalog has no type rule for it. A number such as `1e3` or
//!   `12.50` has no single text in a URL path (Python's `str` writes
//!   `1000.0`, JavaScript's `1000`; the SDKs take only strings), so it is
//!   refused rather than sent, or converted, as a guess.
//!
//! ```
//! use omnicontact::{Provider, Validator};
//!
//! let v = Validator::new(Provider::Suprsend);
//! # #[cfg(feature = "tz")] {
//! let r = v.validate_str(r#"{
//!     "$email": "Jane@Example.COM",
//!     "$sms": ["+44 20 7946 0018"],
//!     "$androidpush": [{"token": "fcm-token-1", "provider": "FCM"}],
//!     "$timezone": "america/new_york",
//!     "$preferred_language": "en-US",
//!     "plan": "pro"
//! }"#);
//! assert!(r.is_valid());
//! assert_eq!(r.violations()[0].rule(), "suprsend.preferred_language.lossy"); // a warning
//! assert_eq!(
//!     r.violations()[0].message(),
//!     "'en-US' is a language tag; only its language 'en' is kept; '$locale' takes the whole tag"
//! );
//! let body = r.normalized().unwrap();
//! assert_eq!(body["$email"][0], "Jane@example.com");
//! assert_eq!(body["$sms"][0], "+442079460018");
//! assert_eq!(body["$androidpush"][0]["provider"], "fcm");
//! assert_eq!(body["$timezone"], "America/New_York");
//! assert_eq!(body["$preferred_language"], "en");
//! # }
//!
//! // A web-push subscription as the SDKs send it, and a locale:
//! let r = v.validate_str(r#"{
//!     "$webpush": [{"endpoint": "https://fcm.googleapis.com/fcm/send/abc",
//!                   "expirationTime": null, "keys": {"p256dh": "BNc", "auth": "tB"}}],
//!     "$locale": "en_GB"
//! }"#);
//! assert!(r.is_valid() && r.violations().is_empty());
//!
//! // A reserved key SuprSend would drop, with the key that was meant:
//! let r = v.validate_str(r#"{"$emial": ["jane@example.com"]}"#);
//! assert_eq!(r.violations()[0].rule(), "suprsend.properties.reserved_key");
//! assert_eq!(r.violations()[0].suggestion(), Some("$email"));
//! ```
#![doc = include_str!("rules.md")]

pub mod convert;
mod wire;

pub use wire::{CREATE, ChannelItem, User};

use std::io;

use serde_json::{Map, Value};

use super::{Operation, Parts, ProviderSpec};
use crate::engine::Deeper;
use crate::engine::read::{IdType, Reader, To, loss_rule};
use crate::engine::{Format, Kind, Member, ObjectSpec, Walker, shown, type_name};
use crate::model::{IdentifierKind, field};
use crate::rules::{self, RuleInfo};
use crate::suggest;
use crate::values::{TimeZone, Url, trim};

/// `SuprSend` as data.
pub(crate) static SPEC: ProviderSpec = ProviderSpec {
    body: &BODY,
    region: |_| None,
    checks: &[body_size],
    provider_error: None,
    read: Some(read_body),
    write: Some(convert::write_body),
    operations: &[Operation::Create],
    parts: |_| Parts {
        path: Some(&PATH),
        query: None,
        headers: None,
    },
};

/// The most items one channel holds without a `max_items` warning: the
/// `maxItems` of `SuprSend`'s workflow-trigger schema. The user endpoint
/// sets no limit, so a longer list is only a warning and is sent.
///
/// ```
/// assert_eq!(omnicontact::providers::suprsend::MAX_ITEMS, 10);
/// ```
pub const MAX_ITEMS: usize = 10;

/// The largest body, in bytes of its compact JSON serialization (10 KiB),
/// without a `suprsend.body.max_length` warning: the SDKs' limit for one
/// identity event, which the user endpoint does not set (see the rule).
///
/// ```
/// assert_eq!(omnicontact::providers::suprsend::MAX_BODY_BYTES, 10 * 1024);
/// ```
pub const MAX_BODY_BYTES: usize = 10 * 1024;

/// The channel keys: the document's nine, in its order, then `$messenger`
/// (`SuprSend`'s JSON schema).
///
/// ```
/// use omnicontact::providers::suprsend::CHANNEL_KEYS;
/// assert_eq!(CHANNEL_KEYS.len(), 10);
/// assert_eq!(CHANNEL_KEYS[0], "$email");
/// assert_eq!(CHANNEL_KEYS[9], "$messenger");
/// ```
pub const CHANNEL_KEYS: &[&str] = &[
    "$email",
    "$sms",
    "$whatsapp",
    "$inbox",
    "$webpush",
    "$androidpush",
    "$iospush",
    "$slack",
    "$ms_teams",
    "$messenger",
];

/// Every key `SuprSend` defines: the channels, then `$timezone`,
/// `$preferred_language`, `$locale` and `$channels`. Any other `$…` /
/// `ss_…` key is reserved.
///
/// ```
/// use omnicontact::providers::suprsend::KNOWN_KEYS;
/// assert!(KNOWN_KEYS.contains(&"$timezone"));
/// assert!(KNOWN_KEYS.contains(&"$locale"));
/// assert_eq!(KNOWN_KEYS.len(), 14);
/// ```
pub const KNOWN_KEYS: &[&str] = &[
    "$email",
    "$sms",
    "$whatsapp",
    "$inbox",
    "$webpush",
    "$androidpush",
    "$iospush",
    "$slack",
    "$ms_teams",
    "$messenger",
    "$timezone",
    "$preferred_language",
    "$locale",
    "$channels",
];

/// The names a `$channels` list may hold (`SuprSend`'s JSON schema,
/// `user_setting.$channels`).
///
/// ```
/// use omnicontact::providers::suprsend::CHANNEL_NAMES;
/// assert!(CHANNEL_NAMES.contains(&"ms_teams"));
/// assert_eq!(CHANNEL_NAMES.len(), 10);
/// ```
pub const CHANNEL_NAMES: &[&str] = &[
    "androidpush",
    "iospush",
    "webpush",
    "email",
    "sms",
    "whatsapp",
    "slack",
    "inbox",
    "messenger",
    "ms_teams",
];

/// The `provider` values of an `$androidpush` object.
///
/// ```
/// assert_eq!(omnicontact::providers::suprsend::ANDROID_PROVIDERS, ["fcm", "xiaomi", "oppo"]);
/// ```
pub const ANDROID_PROVIDERS: &[&str] = &["fcm", "xiaomi", "oppo"];

/// The `provider` values of an `$iospush` object.
///
/// ```
/// assert_eq!(omnicontact::providers::suprsend::IOS_PROVIDERS, ["apns"]);
/// ```
pub const IOS_PROVIDERS: &[&str] = &["apns"];

/// The start of a Slack incoming webhook URL.
const SLACK_WEBHOOK: &str = "https://hooks.slack.com/";
/// The start of an MS Teams bot `service_url`.
const TEAMS_SERVICE: &str = "https://smba.trafficmanager.net/";

/// One channel key as data.
struct Channel {
    /// The key, `$email`.
    key: &'static str,
    /// A wrong JSON type, an empty string, a missing push `token`.
    type_rule: &'static RuleInfo,
    /// More than [`MAX_ITEMS`] items.
    max_items: &'static RuleInfo,
    /// How a string item is checked and normalized.
    string: Kind,
    /// The member table of an object item, when objects are allowed.
    object: Option<&'static ObjectSpec>,
    /// What an item may be, for messages.
    expected: &'static str,
    /// An object item must have a member (`$webpush`: the schema's
    /// `minProperties: 1`).
    nonempty_object: bool,
    /// Where an item goes in the canonical contact: the identifier a
    /// string item is, with the channel it is listed in (an undated
    /// `subscribed` state), and how an object item is read; `None`: the
    /// canonical contact has no such channel (`$messenger`), a
    /// `convert.body.lossy` loss.
    to: Option<ChannelTo>,
}

/// How a channel's items are read into the canonical contact, and
/// written from it.
struct ChannelTo {
    point: IdType,
    state: Option<&'static str>,
    object: fn(&mut Reader<'_>, &Map<String, Value>),
    item: ItemWrite,
}

/// How an identifier is written as a channel's item.
#[derive(Clone, Copy)]
enum ItemWrite {
    /// Its text; a phone number in each channel row whose channel
    /// (`state`) it has, or in the first when it has none of them.
    Text,
    /// A push object (`token`, `provider`): tokens listed in this channel,
    /// and tokens of this kind listed in no push channel.
    Push(IdentifierKind, &'static str),
    /// Not written: `SuprSend` takes an MS Teams address as an object the
    /// canonical contact's text is not.
    No,
}

/// The channels, in [`CHANNEL_KEYS`] order.
static CHANNELS: [Channel; 10] = [
    Channel {
        key: "$email",
        type_rule: rules::SUPRSEND_EMAIL_TYPE,
        max_items: rules::SUPRSEND_EMAIL_MAX_ITEMS,
        string: Kind::Str(Format::Email(rules::SUPRSEND_EMAIL_FORMAT)),
        object: None,
        expected: "an email string",
        nonempty_object: false,
        to: Some(ChannelTo {
            point: IdType::Email,
            state: None,
            object: |_, _| {},
            item: ItemWrite::Text,
        }),
    },
    Channel {
        key: "$sms",
        type_rule: rules::SUPRSEND_SMS_TYPE,
        max_items: rules::SUPRSEND_SMS_MAX_ITEMS,
        string: Kind::Str(Format::Phone {
            format: rules::SUPRSEND_SMS_FORMAT,
            invalid: rules::SUPRSEND_SMS_INVALID_NUMBER,
        }),
        object: None,
        expected: "a phone number string",
        nonempty_object: false,
        to: Some(ChannelTo {
            point: IdType::Phone,
            state: Some("sms"),
            object: |_, _| {},
            item: ItemWrite::Text,
        }),
    },
    Channel {
        key: "$whatsapp",
        type_rule: rules::SUPRSEND_WHATSAPP_TYPE,
        max_items: rules::SUPRSEND_WHATSAPP_MAX_ITEMS,
        string: Kind::Str(Format::Phone {
            format: rules::SUPRSEND_WHATSAPP_FORMAT,
            invalid: rules::SUPRSEND_WHATSAPP_INVALID_NUMBER,
        }),
        object: None,
        expected: "a phone number string",
        nonempty_object: false,
        to: Some(ChannelTo {
            point: IdType::Phone,
            state: Some("whatsapp"),
            object: |_, _| {},
            item: ItemWrite::Text,
        }),
    },
    Channel {
        key: "$inbox",
        type_rule: rules::SUPRSEND_INBOX_TYPE,
        max_items: rules::SUPRSEND_INBOX_MAX_ITEMS,
        string: Kind::Str(Format::Any),
        object: None,
        expected: "a non-empty string",
        nonempty_object: false,
        to: Some(ChannelTo {
            point: IdType::Inbox,
            state: None,
            object: |_, _| {},
            item: ItemWrite::Text,
        }),
    },
    Channel {
        key: "$webpush",
        type_rule: rules::SUPRSEND_WEBPUSH_TYPE,
        max_items: rules::SUPRSEND_WEBPUSH_MAX_ITEMS,
        string: Kind::Custom(webpush_string),
        object: Some(&WEBPUSH),
        expected: "a web-push subscription object with a member, or a non-empty string",
        nonempty_object: true,
        to: Some(ChannelTo {
            point: IdType::WebPush,
            state: None,
            object: read_subscription,
            item: ItemWrite::Text,
        }),
    },
    Channel {
        key: "$androidpush",
        type_rule: rules::SUPRSEND_ANDROIDPUSH_TYPE,
        max_items: rules::SUPRSEND_ANDROIDPUSH_MAX_ITEMS,
        string: Kind::Str(Format::Any),
        object: Some(&ANDROID_PUSH),
        expected: "a token string or a push object ('token', 'provider', 'device_id')",
        nonempty_object: false,
        to: Some(ChannelTo {
            point: IdType::PushToken,
            state: Some("androidpush"),
            object: read_android_push,
            item: ItemWrite::Push(IdentifierKind::Fcm, "fcm"),
        }),
    },
    Channel {
        key: "$iospush",
        type_rule: rules::SUPRSEND_IOSPUSH_TYPE,
        max_items: rules::SUPRSEND_IOSPUSH_MAX_ITEMS,
        string: Kind::Str(Format::Any),
        object: Some(&IOS_PUSH),
        expected: "a token string or a push object ('token', 'provider', 'device_id')",
        nonempty_object: false,
        to: Some(ChannelTo {
            point: IdType::PushToken,
            state: Some("iospush"),
            object: read_ios_push,
            item: ItemWrite::Push(IdentifierKind::Apns, "apns"),
        }),
    },
    Channel {
        key: "$slack",
        type_rule: rules::SUPRSEND_SLACK_TYPE,
        max_items: rules::SUPRSEND_SLACK_MAX_ITEMS,
        string: Kind::Custom(slack_user_id),
        object: Some(&SLACK),
        expected: "a Slack user id string or a Slack object",
        nonempty_object: false,
        to: Some(ChannelTo {
            point: IdType::Slack,
            state: None,
            object: read_address_object,
            item: ItemWrite::Text,
        }),
    },
    Channel {
        key: "$ms_teams",
        type_rule: rules::SUPRSEND_MS_TEAMS_TYPE,
        max_items: rules::SUPRSEND_MS_TEAMS_MAX_ITEMS,
        string: Kind::Str(Format::Any),
        object: Some(&MS_TEAMS),
        expected: "a non-empty string or an MS Teams object",
        nonempty_object: false,
        to: Some(ChannelTo {
            point: IdType::MsTeams,
            state: None,
            object: read_address_object,
            item: ItemWrite::No,
        }),
    },
    Channel {
        key: "$messenger",
        type_rule: rules::SUPRSEND_MESSENGER_TYPE,
        max_items: rules::SUPRSEND_MESSENGER_MAX_ITEMS,
        string: Kind::Str(Format::Any),
        object: None,
        expected: "a non-empty string",
        nonempty_object: false,
        to: None,
    },
];

/// Each channel key with its type rule, its `max_items` rule and what a
/// string item holds, in [`CHANNEL_KEYS`] order (for the strategies,
/// which break each channel by its row).
#[cfg(feature = "proptest")]
pub(crate) fn channel_rows() -> impl Iterator<
    Item = (
        &'static str,
        &'static RuleInfo,
        &'static RuleInfo,
        &'static Kind,
    ),
> {
    CHANNELS
        .iter()
        .map(|c| (c.key, c.type_rule, c.max_items, &c.string))
}

/// A push object: `{token, provider, device_id, bundle_id}` (the JSON
/// schema's `androidpush_settings` / `iospush_settings`).
macro_rules! push_object {
    ($type_rule:expr, $provider:expr, $unknown:expr, $check:expr) => {
        ObjectSpec::of(&[
            Member::required(
                "token",
                Kind::Str(Format::NonEmpty($type_rule)),
                $type_rule,
                $type_rule,
            ),
            Member::optional("provider", Kind::Custom($provider), $type_rule),
            Member::optional("device_id", Kind::Str(Format::Any), $type_rule),
            Member::optional("bundle_id", Kind::Str(Format::Any), $type_rule),
        ])
        .unknown($unknown)
        .check($check)
    };
}

static ANDROID_PUSH: ObjectSpec = push_object!(
    rules::SUPRSEND_ANDROIDPUSH_TYPE,
    android_provider,
    rules::SUPRSEND_ANDROIDPUSH_UNKNOWN_FIELD,
    android_provider_given
);
static IOS_PUSH: ObjectSpec = push_object!(
    rules::SUPRSEND_IOSPUSH_TYPE,
    ios_provider,
    rules::SUPRSEND_IOSPUSH_UNKNOWN_FIELD,
    ios_provider_given
);

/// A `$webpush` object: the browser's `PushSubscription` as JSON. Every
/// member is optional and any other member is accepted (the schema asks
/// for an object with a member, nothing more); the shape is checked by
/// warnings.
static WEBPUSH: ObjectSpec = ObjectSpec::of(&[
    Member::optional(
        "endpoint",
        Kind::Custom(webpush_endpoint),
        rules::SUPRSEND_WEBPUSH_FORMAT,
    ),
    Member::optional(
        "expirationTime",
        Kind::Custom(webpush_expiration),
        rules::SUPRSEND_WEBPUSH_FORMAT,
    ),
    Member::optional(
        "keys",
        Kind::Custom(webpush_keys),
        rules::SUPRSEND_WEBPUSH_FORMAT,
    ),
])
.check(webpush_shape);

static SLACK: ObjectSpec = ObjectSpec::of(&[
    Member::optional(
        "email",
        Kind::Str(Format::Email(rules::SUPRSEND_SLACK_FORMAT)),
        rules::SUPRSEND_SLACK_TYPE,
    ),
    Member::optional(
        "email_id",
        Kind::Str(Format::Email(rules::SUPRSEND_SLACK_FORMAT)),
        rules::SUPRSEND_SLACK_TYPE,
    ),
    Member::optional(
        "user_id",
        Kind::Custom(slack_user_id),
        rules::SUPRSEND_SLACK_TYPE,
    ),
    Member::optional(
        "channel_id",
        Kind::Custom(slack_channel_id),
        rules::SUPRSEND_SLACK_TYPE,
    ),
    Member::optional(
        "channel",
        Kind::Custom(slack_channel_id),
        rules::SUPRSEND_SLACK_TYPE,
    ),
    Member::optional(
        "team_id",
        Kind::Str(Format::Any),
        rules::SUPRSEND_SLACK_TYPE,
    ),
    Member::optional(
        "access_token",
        Kind::Custom(slack_access_token),
        rules::SUPRSEND_SLACK_TYPE,
    ),
    Member::optional(
        "incoming_webhook",
        Kind::Object(&SLACK_WEBHOOK_OBJECT),
        rules::SUPRSEND_SLACK_TYPE,
    ),
])
.unknown(rules::SUPRSEND_SLACK_UNKNOWN_FIELD)
.check(slack_recipient);

static SLACK_WEBHOOK_OBJECT: ObjectSpec = ObjectSpec::of(&[Member::required(
    "url",
    Kind::Custom(slack_webhook_url),
    rules::SUPRSEND_SLACK_TYPE,
    rules::SUPRSEND_SLACK_FORMAT,
)]);

static MS_TEAMS: ObjectSpec = ObjectSpec::of(&[
    Member::optional(
        "tenant_id",
        Kind::Str(Format::Any),
        rules::SUPRSEND_MS_TEAMS_TYPE,
    ),
    Member::optional(
        "service_url",
        Kind::Custom(teams_service_url),
        rules::SUPRSEND_MS_TEAMS_TYPE,
    ),
    Member::optional(
        "conversation_id",
        Kind::Str(Format::Any),
        rules::SUPRSEND_MS_TEAMS_TYPE,
    ),
    Member::optional(
        "user_id",
        Kind::Str(Format::Any),
        rules::SUPRSEND_MS_TEAMS_TYPE,
    ),
    Member::optional(
        "incoming_webhook",
        Kind::Object(&TEAMS_WEBHOOK_OBJECT),
        rules::SUPRSEND_MS_TEAMS_TYPE,
    ),
])
.unknown(rules::SUPRSEND_MS_TEAMS_UNKNOWN_FIELD)
.check(teams_recipient);

static TEAMS_WEBHOOK_OBJECT: ObjectSpec = ObjectSpec::of(&[Member::required(
    "url",
    Kind::Custom(teams_webhook_url),
    rules::SUPRSEND_MS_TEAMS_TYPE,
    rules::SUPRSEND_MS_TEAMS_FORMAT,
)]);

/// The body: every member is dispatched in document order by [`body`].
static BODY: ObjectSpec = ObjectSpec::of(&[]).check(body);

static PATH: ObjectSpec = ObjectSpec::of(&[Member::required(
    "distinct_id",
    Kind::Custom(distinct_id),
    rules::SUPRSEND_DISTINCT_ID_REQUIRED,
    rules::SUPRSEND_DISTINCT_ID_REQUIRED,
)]);

/// The order channels are read in: the canonical contact lists emails,
/// phone numbers, push tokens, then chat and in-app addresses.
const READ_ORDER: [&str; 9] = [
    "$email",
    "$sms",
    "$whatsapp",
    "$androidpush",
    "$iospush",
    "$slack",
    "$ms_teams",
    "$inbox",
    "$webpush",
];

/// The two properties the canonical contact holds as fields.
const FIELDS: [(&str, &field::Field); 2] = [
    ("$timezone", &field::TIMEZONE),
    ("$preferred_language", &field::LANGUAGE),
];

/// Reads the body into the canonical contact: the channels by their rows
/// (in [`READ_ORDER`]), `$timezone`, `$preferred_language`; another of
/// `SuprSend`'s own keys ([`KNOWN_KEYS`]) is a `convert.body.lossy` loss,
/// and every other key a custom property.
fn read_body(r: &mut Reader<'_>, body: &Map<String, Value>) {
    for key in READ_ORDER {
        let Some(channel) = CHANNELS.iter().find(|c| c.key == key) else {
            continue;
        };
        let (Some(to), Some(value)) = (&channel.to, body.get(key)) else {
            continue;
        };
        let channels: &[(&str, &str, Option<&str>)] = match to.state {
            Some(name) => &[(name, "subscribed", None)],
            None => &[],
        };
        let rule = loss_rule(to.point);
        r.at(channel.key, |r| match value {
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    r.at_index(i, |r| match item {
                        Value::String(text) => r.contact_point(to.point, text, channels),
                        Value::Object(object) => (to.object)(r, object),
                        other => r.not_held(rule, other, "a string or an object"),
                    });
                }
            }
            Value::Null => {}
            other => r.not_held(rule, other, "a list"),
        });
    }
    for (key, field) in FIELDS {
        if let Some(value) = body.get(key) {
            r.at(key, |r| {
                if let Some(text) = r.text(value, field.rule) {
                    r.field(field, text);
                }
            });
        }
    }
    for (key, value) in body {
        let read = CHANNELS.iter().any(|c| c.key == key && c.to.is_some())
            || FIELDS.iter().any(|(k, _)| k == key);
        if read {
            continue;
        }
        // `SuprSend`'s own keys the contact has no place for (`$locale`,
        // `$channels`, `$messenger`) are not custom properties.
        if KNOWN_KEYS.contains(&key.as_str()) {
            if !value.is_null() {
                r.at(key, Reader::lost);
            }
        } else {
            r.at(key, |r| r.property(key, value));
        }
    }
}

/// Each channel key and how [`member_readings`](super::member_readings)
/// names its reading.
pub(crate) fn channel_readings() -> Vec<(&'static str, String)> {
    let channels = CHANNELS.iter().map(|c| {
        let to = c.to.as_ref().map_or(To::Lost, |to| To::Id(to.point));
        (c.key, to.describe())
    });
    let fields = FIELDS
        .iter()
        .map(|(key, f)| (*key, To::Field(f).describe()));
    channels.chain(fields).collect()
}

fn read_android_push(r: &mut Reader<'_>, object: &Map<String, Value>) {
    read_push(r, object, "androidpush", "fcm");
}

fn read_ios_push(r: &mut Reader<'_>, object: &Map<String, Value>) {
    read_push(r, object, "iospush", "apns");
}

/// A push object: its `token` with the channel's state; a `provider`
/// other than the channel's and any other member are losses.
fn read_push(r: &mut Reader<'_>, object: &Map<String, Value>, channel: &str, provider: &str) {
    let Some(token) = object.get("token").and_then(Value::as_str) else {
        r.drop(
            rules::CONVERT_PUSH_TOKEN_LOSSY,
            "the canonical contact holds a push token by its 'token'; this item has none and is not converted".to_owned(),
        );
        return;
    };
    r.contact_point(IdType::PushToken, token, &[(channel, "subscribed", None)]);
    for (name, value) in object {
        let kept = name == "token" || (name == "provider" && value.as_str() == Some(provider));
        if !kept {
            r.at(name, |r| {
                r.drop(
                    rules::CONVERT_PUSH_TOKEN_LOSSY,
                    format!("the canonical contact holds a push token without its '{name}' ({value}); it is not converted"),
                );
            });
        }
    }
}

/// A Slack or MS Teams object: the canonical contact holds an address as
/// a string id.
fn read_address_object(r: &mut Reader<'_>, _: &Map<String, Value>) {
    r.drop(
        rules::CONVERT_IDENTIFIERS_LOSSY,
        "the canonical contact holds a Slack or MS Teams identifier as a string id; this object is not converted".to_owned(),
    );
}

/// A web push subscription object: the canonical contact holds one as a
/// string.
fn read_subscription(r: &mut Reader<'_>, _: &Map<String, Value>) {
    r.drop(
        rules::CONVERT_IDENTIFIERS_LOSSY,
        "the canonical contact holds a web-push identifier as a string; this subscription object is not converted".to_owned(),
    );
}

/// Walks the body's members in document order: channels by their row,
/// the two properties, and custom keys.
fn body(w: &mut Walker<'_>, object: &mut Map<String, Value>) {
    for (key, value) in object.iter_mut() {
        if let Some(channel) = CHANNELS.iter().find(|c| c.key == key) {
            w.at(key, |w| walk_channel(w, value, channel));
            continue;
        }
        match key.as_str() {
            "$timezone" => w.at(key, |w| timezone(w, value)),
            "$preferred_language" => w.at(key, |w| preferred_language(w, value)),
            "$locale" => w.at(key, |w| locale(w, value)),
            "$channels" => w.at(key, |w| channel_names(w, value)),
            _ => w.at(key, |w| custom_key(w, key)),
        }
    }
}

/// One channel value: a list of items, or a single item (wrapped into a
/// one-item list).
fn walk_channel(w: &mut Walker<'_>, value: &mut Value, channel: &Channel) {
    match value {
        Value::Array(items) => {
            if items.len() > MAX_ITEMS {
                w.report(
                    channel.max_items,
                    format!(
                        "{} items, more than the {MAX_ITEMS} SuprSend's workflow-trigger schema allows; the user endpoint sets no limit, so the list is sent as it is",
                        items.len()
                    ),
                );
            }
            for (i, item) in items.iter_mut().enumerate() {
                w.at_index(i, |w| walk_item(w, item, channel, false));
            }
        }
        Value::String(_) | Value::Object(_) => {
            if walk_item(w, value, channel, true) {
                let item = value.take();
                let from = item.clone();
                *value = Value::Array(vec![item]);
                w.change(channel.type_rule, from, value.clone());
            }
        }
        other => w.wrong_type(
            channel.type_rule,
            &format!("{} or a list of them", channel.expected),
            other,
        ),
    }
}

/// One channel item (`single`: given without a list); returns whether its
/// JSON type is one the channel allows.
fn walk_item(w: &mut Walker<'_>, item: &mut Value, channel: &Channel, single: bool) -> bool {
    match item {
        Value::String(s) => {
            if trim(s).is_empty() {
                w.report(channel.type_rule, "expected a non-empty string");
                return false;
            }
            w.walk_value(item, &channel.string, channel.type_rule);
            true
        }
        Value::Object(map) if channel.nonempty_object && map.is_empty() => {
            w.report(
                channel.type_rule,
                "expected an object with at least one member",
            );
            false
        }
        Value::Object(map) if channel.object.is_some() => {
            if let Some(spec) = channel.object {
                w.walk_object(map, spec);
            }
            true
        }
        other if single => {
            let expected = format!("{} or a list of them", channel.expected);
            w.wrong_type(channel.type_rule, &expected, other);
            false
        }
        other => {
            w.wrong_type(channel.type_rule, channel.expected, other);
            false
        }
    }
}

/// Warns about a push object without `provider` (or with `null`).
fn provider_given(
    w: &mut Walker<'_>,
    object: &Map<String, Value>,
    rule: &'static RuleInfo,
    default: &str,
) {
    if object.get("provider").is_none_or(Value::is_null) {
        w.report(
            rule,
            format!(
                "a push object without 'provider': SuprSend's JSON schema requires it (the SDKs send '{default}' when none is given)"
            ),
        );
    }
}

fn android_provider_given(w: &mut Walker<'_>, object: &mut Map<String, Value>) {
    provider_given(
        w,
        object,
        rules::SUPRSEND_ANDROIDPUSH_PROVIDER_REQUIRED,
        "fcm",
    );
}

fn ios_provider_given(w: &mut Walker<'_>, object: &mut Map<String, Value>) {
    provider_given(w, object, rules::SUPRSEND_IOSPUSH_PROVIDER_REQUIRED, "apns");
}

/// A `$webpush` string item: accepted (the older reference page shows
/// tokens as strings), with a warning.
fn webpush_string(w: &mut Walker<'_>, _value: &mut Value) {
    w.report(
        rules::SUPRSEND_WEBPUSH_FORMAT,
        "a string, not a web-push subscription object (with 'endpoint', 'expirationTime', and 'keys' holding 'p256dh' and 'auth') as SuprSend's JSON schema and SDKs send",
    );
}

/// Whether `value` is a string that is not empty after trimming.
fn nonblank(value: &Value) -> bool {
    value.as_str().is_some_and(|s| !trim(s).is_empty())
}

fn webpush_endpoint(w: &mut Walker<'_>, value: &mut Value) {
    if !nonblank(value) {
        w.report(
            rules::SUPRSEND_WEBPUSH_FORMAT,
            format!(
                "expected a non-empty string 'endpoint', found {}",
                found(value)
            ),
        );
    }
}

fn webpush_expiration(w: &mut Walker<'_>, value: &mut Value) {
    if !matches!(value, Value::Null | Value::Number(_) | Value::String(_)) {
        w.report(
            rules::SUPRSEND_WEBPUSH_FORMAT,
            format!(
                "expected 'expirationTime' null, a number or a string, found {}",
                type_name(value)
            ),
        );
    }
}

fn webpush_keys(w: &mut Walker<'_>, value: &mut Value) {
    let Value::Object(keys) = value else {
        w.report(
            rules::SUPRSEND_WEBPUSH_FORMAT,
            format!(
                "expected 'keys' to be an object with 'p256dh' and 'auth', found {}",
                type_name(value)
            ),
        );
        return;
    };
    for name in ["p256dh", "auth"] {
        match keys.get(name) {
            Some(key) if nonblank(key) => {}
            Some(key) => {
                let message = format!("expected a non-empty string '{name}', found {}", found(key));
                w.at(name, |w| w.report(rules::SUPRSEND_WEBPUSH_FORMAT, message));
            }
            None => w.report(
                rules::SUPRSEND_WEBPUSH_FORMAT,
                format!("'keys' has no '{name}'"),
            ),
        }
    }
}

/// A `$webpush` object without `endpoint` or `keys`.
fn webpush_shape(w: &mut Walker<'_>, object: &mut Map<String, Value>) {
    let missing: Vec<&str> = ["endpoint", "keys"]
        .into_iter()
        .filter(|m| object.get(*m).is_none_or(Value::is_null))
        .collect();
    if !missing.is_empty() {
        w.report(
            rules::SUPRSEND_WEBPUSH_FORMAT,
            format!(
                "not a web-push subscription: no {}",
                missing
                    .iter()
                    .map(|m| format!("'{m}'"))
                    .collect::<Vec<_>>()
                    .join(" or ")
            ),
        );
    }
}

/// A value as a message names it: the string shown, or its JSON type.
fn found(value: &Value) -> String {
    match value {
        Value::String(s) => shown(s),
        other => type_name(other).to_owned(),
    }
}

fn android_provider(w: &mut Walker<'_>, value: &mut Value) {
    push_provider(
        w,
        value,
        ANDROID_PROVIDERS,
        "an Android push provider",
        rules::SUPRSEND_ANDROIDPUSH_PROVIDER_ENUM,
        rules::SUPRSEND_ANDROIDPUSH_TYPE,
    );
}

fn ios_provider(w: &mut Walker<'_>, value: &mut Value) {
    push_provider(
        w,
        value,
        IOS_PROVIDERS,
        "an iOS push provider",
        rules::SUPRSEND_IOSPUSH_PROVIDER_ENUM,
        rules::SUPRSEND_IOSPUSH_TYPE,
    );
}

/// A push object's `provider`: one of `allowed` (a `noun` in messages),
/// any case, normalized to lowercase.
fn push_provider(
    w: &mut Walker<'_>,
    value: &mut Value,
    allowed: &'static [&'static str],
    noun: &str,
    enum_rule: &'static RuleInfo,
    type_rule: &'static RuleInfo,
) {
    let Value::String(s) = value else {
        w.wrong_type(type_rule, "a string", value);
        return;
    };
    let lower = trim(s).to_ascii_lowercase();
    if let Some(known) = allowed.iter().find(|a| **a == lower) {
        w.normalize(enum_rule, value, known);
    } else {
        let found = s.clone();
        w.report_not_one_of(enum_rule, &found, allowed, noun);
    }
}

/// Checks a trimmed string member under `format` with `ok`, normalizing it
/// to its trimmed form; an empty string is a `type` error.
fn trimmed_string(
    w: &mut Walker<'_>,
    value: &mut Value,
    type_rule: &'static RuleInfo,
    format: &'static RuleInfo,
    ok: impl Fn(&str) -> Result<(), String>,
) {
    // No advice outcome: `format` stands in for the advice rule, unused.
    trimmed_string_advised(w, value, type_rule, format, format, |t| match ok(t) {
        Ok(()) => Checked::Ok,
        Err(message) => Checked::Error(message),
    });
}

/// What [`trimmed_string_advised`] found of a string.
enum Checked {
    Ok,
    /// Sendable, but outside a pattern no decisive source sets.
    Advice(String),
    Error(String),
}

/// [`trimmed_string`] with a softer outcome: a value that fails `check`
/// with [`Checked::Advice`] is trimmed all the same and reported as an
/// `advice` warning.
fn trimmed_string_advised(
    w: &mut Walker<'_>,
    value: &mut Value,
    type_rule: &'static RuleInfo,
    format: &'static RuleInfo,
    advice: &'static RuleInfo,
    check: impl Fn(&str) -> Checked,
) {
    let Value::String(s) = value else {
        w.wrong_type(type_rule, "a string", value);
        return;
    };
    let t = trim(s).to_owned();
    if t.is_empty() {
        w.report(type_rule, "expected a non-empty string");
        return;
    }
    match check(&t) {
        Checked::Ok => w.normalize(format, value, &t),
        Checked::Advice(message) => {
            w.normalize(format, value, &t);
            w.report(advice, message);
        }
        Checked::Error(message) => w.report(format, message),
    }
}

/// `first` then one or more ASCII letters and digits.
fn is_slack_id(s: &str, first: &[char]) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| first.contains(&c))
        && s.len() > 1
        && chars.all(|c| c.is_ascii_alphanumeric())
}

/// A Slack user id: `U…` or `W…`.
fn slack_user_id(w: &mut Walker<'_>, value: &mut Value) {
    slack_advised(w, value, |s| {
        if is_slack_id(s, &['U', 'u', 'W', 'w']) {
            Checked::Ok
        } else {
            Checked::Advice(format!(
                "{} is not a Slack user id as the workflow-trigger schema writes one ('U' or 'W', then letters and digits); sent as it is",
                shown(s)
            ))
        }
    });
}

/// A Slack string member checked against the workflow-trigger schema's
/// patterns, which do not decide the user endpoint: a mismatch is a
/// `suprsend.slack.advice` warning.
fn slack_advised(w: &mut Walker<'_>, value: &mut Value, check: impl Fn(&str) -> Checked) {
    trimmed_string_advised(
        w,
        value,
        rules::SUPRSEND_SLACK_TYPE,
        rules::SUPRSEND_SLACK_FORMAT,
        rules::SUPRSEND_SLACK_ADVICE,
        check,
    );
}

/// A Slack channel id: `C…`.
fn slack_channel_id(w: &mut Walker<'_>, value: &mut Value) {
    slack_advised(w, value, |s| {
        if is_slack_id(s, &['C', 'c']) {
            Checked::Ok
        } else {
            Checked::Advice(format!(
                "{} is not a Slack channel id as the workflow-trigger schema writes one ('C', then letters and digits; private channels are 'G…', direct messages 'D…'); sent as it is",
                shown(s)
            ))
        }
    });
}

/// A Slack OAuth access token: `xox…`.
fn slack_access_token(w: &mut Walker<'_>, value: &mut Value) {
    slack_advised(w, value, |s| {
        if s.starts_with("xox") {
            Checked::Ok
        } else {
            Checked::Advice(
                "not a Slack access token as the workflow-trigger schema writes one ('xoxb-…', 'xoxp-…'); sent as it is"
                    .to_owned(),
            )
        }
    });
}

/// An absolute URI (an error when not) under `prefix` (an advice when
/// not: the API reference asks only `format: uri`).
fn uri_under(s: &str, prefix: &str) -> Checked {
    if !is_absolute_uri(s) {
        return Checked::Error(format!("{} is not an absolute URI ('scheme:…')", shown(s)));
    }
    match https_url(s, prefix) {
        Ok(()) => Checked::Ok,
        Err(message) => Checked::Advice(format!(
            "{message}, the workflow-trigger schema's pattern; the API reference asks only for a URI, so it is sent as it is"
        )),
    }
}

/// An https URL that starts with `prefix` (scheme and host in any case).
fn https_url(s: &str, prefix: &str) -> Result<(), String> {
    let url = Url::parse(s).map_err(|e| format!("not an https URL: {e}"))?;
    let starts = url
        .as_str()
        .get(..prefix.len())
        .is_some_and(|p| p.eq_ignore_ascii_case(prefix));
    if starts {
        Ok(())
    } else {
        Err(format!("'{s}' does not start with '{prefix}'"))
    }
}

fn slack_webhook_url(w: &mut Walker<'_>, value: &mut Value) {
    slack_advised(w, value, |s| uri_under(s, SLACK_WEBHOOK));
}

fn teams_service_url(w: &mut Walker<'_>, value: &mut Value) {
    trimmed_string_advised(
        w,
        value,
        rules::SUPRSEND_MS_TEAMS_TYPE,
        rules::SUPRSEND_MS_TEAMS_FORMAT,
        rules::SUPRSEND_MS_TEAMS_ADVICE,
        |s| uri_under(s, TEAMS_SERVICE),
    );
}

/// An MS Teams incoming webhook URL: any absolute URI (the schema's
/// `format: uri`, as gojsonschema checks it in the Go SDK).
fn teams_webhook_url(w: &mut Walker<'_>, value: &mut Value) {
    trimmed_string(
        w,
        value,
        rules::SUPRSEND_MS_TEAMS_TYPE,
        rules::SUPRSEND_MS_TEAMS_FORMAT,
        |s| {
            if is_absolute_uri(s) {
                Ok(())
            } else {
                Err(format!("{} is not an absolute URI ('scheme:…')", shown(s)))
            }
        },
    );
}

/// `scheme ":" rest` (RFC 3986): the scheme a letter then letters, digits,
/// `+`, `-`, `.`; the rest not empty, without spaces, control characters
/// or backslashes.
fn is_absolute_uri(s: &str) -> bool {
    let Some((scheme, rest)) = s.split_once(':') else {
        return false;
    };
    let mut chars = scheme.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        && !rest.is_empty()
        && !rest
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || c == '\\')
}

/// Reports an item object that names none of `recipients`.
fn require_recipient(
    w: &mut Walker<'_>,
    object: &Map<String, Value>,
    recipients: &[&str],
    rule: &'static RuleInfo,
) {
    if !recipients
        .iter()
        .any(|r| object.get(*r).is_some_and(|v| !v.is_null()))
    {
        let list = recipients
            .iter()
            .map(|r| format!("'{r}'"))
            .collect::<Vec<_>>()
            .join(", ");
        w.report(rule, format!("names no recipient; expected one of {list}"));
    }
}

fn slack_recipient(w: &mut Walker<'_>, object: &mut Map<String, Value>) {
    require_recipient(
        w,
        object,
        &[
            "email",
            "email_id",
            "user_id",
            "channel_id",
            "channel",
            "incoming_webhook",
        ],
        rules::SUPRSEND_SLACK_FORMAT,
    );
}

fn teams_recipient(w: &mut Walker<'_>, object: &mut Map<String, Value>) {
    require_recipient(
        w,
        object,
        &["conversation_id", "user_id", "incoming_webhook"],
        rules::SUPRSEND_MS_TEAMS_FORMAT,
    );
}

/// `$timezone`: an IANA zone name or `null`.
fn timezone(w: &mut Walker<'_>, value: &mut Value) {
    let rule = rules::SUPRSEND_TIMEZONE_FORMAT;
    match value {
        Value::Null => {}
        Value::String(s) => match TimeZone::parse(s) {
            Ok(tz) => w.normalize(rule, value, tz.as_str()),
            Err(e) => w.report_suggesting(
                rule,
                format!("{}: {e}", shown(s)),
                e.suggestion().map(str::to_owned),
            ),
        },
        other => w.wrong_type(rules::SUPRSEND_TIMEZONE_TYPE, "a string or null", other),
    }
}

/// `$preferred_language`: an ISO 639-1 code or `null`.
fn preferred_language(w: &mut Walker<'_>, value: &mut Value) {
    match value {
        Value::Null => {}
        Value::String(_) => w.check_string(
            value,
            &Format::Language {
                format: rules::SUPRSEND_PREFERRED_LANGUAGE_FORMAT,
                lossy: rules::SUPRSEND_PREFERRED_LANGUAGE_LOSSY,
                whole: Some("$locale"),
            },
        ),
        other => w.wrong_type(
            rules::SUPRSEND_PREFERRED_LANGUAGE_TYPE,
            "a string or null",
            other,
        ),
    }
}

/// `$locale`: a string or `null`, kept as sent; a string that is not a
/// language code (optionally with a region or script) is a warning.
fn locale(w: &mut Walker<'_>, value: &mut Value) {
    match value {
        Value::Null => {}
        Value::String(s) => {
            if !is_locale(s) {
                let message = format!(
                    "{} is not a language code with an optional region ('es', 'en_GB', 'en-US')",
                    shown(s)
                );
                w.report(rules::SUPRSEND_LOCALE_FORMAT, message);
            }
        }
        other => w.wrong_type(rules::SUPRSEND_LOCALE_TYPE, "a string or null", other),
    }
}

/// Two or three ASCII letters, then any number of `-` / `_` separated
/// parts of two to eight ASCII letters or digits (`en`, `en_GB`,
/// `zh-Hant-TW`, `es-419`).
fn is_locale(s: &str) -> bool {
    let mut parts = s.split(['-', '_']);
    let language = parts.next().unwrap_or_default();
    (2..=3).contains(&language.len())
        && language.chars().all(|c| c.is_ascii_alphabetic())
        && parts.all(|p| (2..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// `$channels`: a list of [`CHANNEL_NAMES`].
fn channel_names(w: &mut Walker<'_>, value: &mut Value) {
    let Value::Array(items) = value else {
        w.wrong_type(
            rules::SUPRSEND_CHANNELS_TYPE,
            "a list of channel names",
            value,
        );
        return;
    };
    for (i, item) in items.iter().enumerate() {
        w.at_index(i, |w| match item {
            Value::String(s) if CHANNEL_NAMES.contains(&s.as_str()) => {}
            Value::String(s) => {
                let found = s.clone();
                w.report_not_one_of(
                    rules::SUPRSEND_CHANNELS_ENUM,
                    &found,
                    CHANNEL_NAMES,
                    "a channel name",
                );
            }
            other => w.wrong_type(rules::SUPRSEND_CHANNELS_TYPE, "a channel name", other),
        });
    }
}

/// A key that is none of [`KNOWN_KEYS`]: empty, reserved (after trimming,
/// as the SDKs trim keys), one of `SuprSend`'s keys with surrounding
/// whitespace, or a channel name without `$`.
fn custom_key(w: &mut Walker<'_>, key: &str) {
    let trimmed = trim(key);
    if trimmed.is_empty() {
        w.report(
            rules::SUPRSEND_PROPERTIES_REQUIRED,
            "a property key may not be empty",
        );
        return;
    }
    if let Some(known) = KNOWN_KEYS.iter().find(|k| **k == trimmed) {
        w.report_suggesting(
            rules::SUPRSEND_PROPERTIES_ADVICE,
            format!(
                "{} has surrounding whitespace: SuprSend's SDKs trim keys and send '{known}', but sent as is it may be stored as a plain property; did you mean '{known}'?",
                shown(key)
            ),
            Some((*known).to_owned()),
        );
        return;
    }
    let reserved = trimmed.starts_with('$')
        || trimmed
            .get(..3)
            .is_some_and(|p| p.eq_ignore_ascii_case("ss_"));
    if reserved {
        let suggestion = suggest::closest(trimmed, KNOWN_KEYS.iter().copied());
        let hint = suggestion.map_or_else(String::new, |s| format!("; did you mean '{s}'?"));
        let message = format!(
            "{} is in SuprSend's reserved namespace ('$…', 'ss_…') but is not one of its keys; it may not be stored (SuprSend's earlier SDKs skip such keys){hint}",
            shown(key)
        );
        w.report_suggesting(
            rules::SUPRSEND_PROPERTIES_RESERVED_KEY,
            message,
            suggestion.map(str::to_owned),
        );
        return;
    }
    if let Some(channel) = CHANNEL_KEYS
        .iter()
        .find(|c| c[1..].eq_ignore_ascii_case(trimmed))
    {
        w.report_suggesting(
            rules::SUPRSEND_PROPERTIES_ADVICE,
            format!(
                "{} is stored as a plain property, not as the channel '{channel}'; did you mean '{channel}'?", shown(key)
            ),
            Some((*channel).to_owned()),
        );
    }
}

/// `distinct_id`: a string not empty after trimming, or an integer.
fn distinct_id(w: &mut Walker<'_>, value: &mut Value) {
    let rule = rules::SUPRSEND_DISTINCT_ID_REQUIRED;
    match value {
        Value::String(s) if trim(s).is_empty() => {
            w.report(rule, "'distinct_id' may not be empty");
        }
        Value::String(_) => {}
        Value::Number(n) if n.is_i64() || n.is_u64() => {}
        Value::Number(n) => w.report(
            rule,
            format!(
                "expected a non-empty string 'distinct_id', or an integer within 64 bits written without fraction or exponent, found a number read as {n}: its text in the URL path would depend on the client"
            ),
        ),
        other => w.report(
            rule,
            format!(
                "expected a non-empty string 'distinct_id', found {}",
                type_name(other)
            ),
        ),
    }
}

/// `suprsend.body.max_length`: the body's compact serialization is larger
/// than [`MAX_BODY_BYTES`].
fn body_size(w: &mut Walker<'_>, object: &mut Map<String, Value>) {
    let mut counter = Counter(0);
    // Writing into a counter cannot fail; a serialization error (none for
    // a `Value`) would leave the count short, never panic.
    let _ = serde_json::to_writer(&mut counter, object);
    if counter.0 > MAX_BODY_BYTES {
        w.report(
            rules::SUPRSEND_BODY_MAX_LENGTH,
            format!(
                "the body serializes to {} bytes, more than the {MAX_BODY_BYTES} bytes SuprSend's SDKs allow one identity event (the user endpoint sets no limit)",
                counter.0
            ),
        );
    }
}

/// Counts the bytes written to it.
struct Counter(usize);

impl io::Write for Counter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0 = self.0.saturating_add(buf.len());
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_channel_table_follows_the_key_list() {
        let keys: Vec<_> = CHANNELS.iter().map(|c| c.key).collect();
        assert_eq!(keys, CHANNEL_KEYS);
        assert_eq!(&KNOWN_KEYS[..CHANNEL_KEYS.len()], CHANNEL_KEYS);
        for c in &CHANNELS {
            let name = &c.key[1..];
            assert_eq!(c.type_rule.id(), format!("suprsend.{name}.type"));
            assert_eq!(c.max_items.id(), format!("suprsend.{name}.max_items"));
        }
    }

    #[test]
    fn any_value_under_any_key_is_reported_not_panicked_on() {
        use crate::{Provider, Validator};
        use serde_json::json;
        let samples = [
            json!(null),
            json!(true),
            json!(-1.5),
            json!(""),
            json!("\u{200B}"),
            json!("ü"),
            json!([]),
            json!([null, [], {}]),
            json!({}),
            json!({"token": {}, "provider": [], "device_id": null}),
            json!({"incoming_webhook": "x", "user_id": "", "channel_id": "C"}),
            json!([{"incoming_webhook": {"url": 5}, "service_url": "https://"}]),
        ];
        let keys = KNOWN_KEYS
            .iter()
            .copied()
            .chain(["", "$", "ss_", "Ss", "é$", "email", "plain"]);
        let v = Validator::new(Provider::Suprsend);
        for key in keys {
            for value in &samples {
                let mut body = Map::new();
                body.insert(key.to_owned(), value.clone());
                let r = v.validate_value(Value::Object(body.clone()));
                if let Some(normalized) = r.normalized() {
                    assert!(v.validate_value(normalized.clone()).changes().is_empty());
                }
                let envelope = json!({"path": {"distinct_id": value.clone()}, "body": body});
                let _ = v.validate_envelope_value(envelope);
            }
        }
    }

    #[test]
    fn slack_ids() {
        assert!(is_slack_id("U01ABCDE2F3", &['U', 'u', 'W', 'w']));
        assert!(is_slack_id("w1", &['U', 'u', 'W', 'w']));
        assert!(!is_slack_id("U", &['U', 'u', 'W', 'w']));
        assert!(!is_slack_id("U01-ABC", &['U', 'u', 'W', 'w']));
        assert!(!is_slack_id("C01ABC", &['U', 'u', 'W', 'w']));
        assert!(!is_slack_id("Ü1", &['U', 'u', 'W', 'w']));
    }

    #[test]
    fn urls_with_a_prefix() {
        assert!(https_url("https://HOOKS.slack.com/services/T/B/x", SLACK_WEBHOOK).is_ok());
        assert!(https_url("http://hooks.slack.com/services/T/B/x", SLACK_WEBHOOK).is_err());
        assert!(https_url("https://hooks.slack.com.evil.io/x", SLACK_WEBHOOK).is_err());
        assert!(https_url("not a url", "https://").is_err());
    }
}
