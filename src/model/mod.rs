//! The canonical, provider-neutral contact model: [`Contact`] (built with
//! [`ContactBuilder`]), its [`Identifier`]s with their [`Channel`]s and
//! [`ChannelState`]s, and its [`CustomProperty`]s.
//!
//! Every value in a model is one of the validated value types
//! ([`Email`](crate::Email), [`Phone`](crate::Phone), …) or a checked
//! string, so an invalid contact cannot be represented. Builders take raw
//! strings, normalize them exactly as the value types do, and collect
//! *every* violation into a [`Report`] instead of stopping at
//! the first one.
//!
//! ```
//! use omnicontact::Contact;
//!
//! let contact = Contact::builder()
//!     .email("Jane@Example.COM")
//!     .phone("+1 415 555 2671")
//!     .language("EN")
//!     .build()?;
//! assert_eq!(contact.email().unwrap().as_str(), "Jane@example.com");
//! assert_eq!(contact.phone().unwrap().as_str(), "+14155552671");
//! assert_eq!(contact.language().unwrap().as_str(), "en");
//!
//! let report = Contact::builder().email("jane@").language("xx").build().unwrap_err();
//! let found: Vec<_> = report.violations().iter().map(|v| (v.rule(), v.path())).collect();
//! assert_eq!(found, [("contact.email.format", "/email"), ("contact.language.format", "/language")]);
//! # Ok::<(), omnicontact::Report>(())
//! ```
//!
//! # Violations: rule ids and paths
//!
//! The builders report with the model's own rule ids, `contact.*` (listed
//! with what each checks in [`rules`](crate::rules)), whatever provider
//! the contact goes to. The field of an id is the model's field in snake
//! case; the path is the field's member in the contact's [JSON
//! shape](#json-serde) as an RFC 6901 JSON Pointer (camelCase), so a
//! service that deserializes a [`ContactBuilder`] gets back paths into
//! the JSON it read. The builder's `email` and `phone` shorthands, which
//! the JSON shape has no member for, report at `/email` and `/phone`. A
//! standalone [`IdentifierBuilder`] reports paths relative to the
//! identifier (`/id`, `/channels/sms/status`), which the contact builder
//! prefixes with `/identifiers/<index>`. The location is always
//! [`Location::Body`]. A provider's own rules (`omnisend.*`,
//! `sendios.*`, …) are reported by a [`Validator`](crate::Validator) of
//! that provider, never by the builders.
//!
//! | builder field | path | rule id |
//! |---|---|---|
//! | `email` | `/email` | `contact.email.format` |
//! | `phone` | `/phone` | `contact.phone.format` |
//! | `phone` that no plan assigns (warning) | `/phone` | `contact.phone.invalid_number` |
//! | identifier with no value | `/identifiers/N/id` | `contact.identifiers.id.required` |
//! | identifier value (email, phone, push token, blank Slack / MS Teams / inbox / web push id) | `/identifiers/N/id` | `contact.identifiers.id.format` |
//! | phone identifier that no plan assigns (warning) | `/identifiers/N/id` | `contact.identifiers.id.invalid_number` |
//! | channel name, or a channel the identifier cannot carry | `/identifiers/N/channels/<name>` | `contact.identifiers.channels.enum` |
//! | channel status | `/identifiers/N/channels/<name>/status` | `contact.identifiers.channels.status.enum` |
//! | channel status date | `/identifiers/N/channels/<name>/statusDate` | `contact.identifiers.channels.status_date.format` |
//! | `country` | `/country` | `contact.country.format` |
//! | `language` | `/language` | `contact.language.format` |
//! | `timezone` | `/timezone` | `contact.timezone.format` |
//! | `gender` | `/gender` | `contact.gender.enum` |
//! | `birthdate` | `/birthdate` | `contact.birthdate.format` |
//! | `age` | `/age` | `contact.age.range` |
//! | `platform` | `/platform` | `contact.platform.enum` |
//! | `photo` | `/photo` | `contact.photo.format` |
//! | `registered_at` | `/registeredAt` | `contact.registered_at.format` |
//! | a tag | `/tags/N` | `contact.tags.format` |
//! | a custom property | `/customProperties/<name>` | `contact.custom_properties.name.format` / `contact.custom_properties.value.type` |
//!
//! One builder check is a warning, not an error: a well-formed phone
//! number that no numbering plan assigns (`contact.phone.invalid_number`
//! at `/phone`, `contact.identifiers.id.invalid_number` at
//! `/identifiers/N/id`; only with the `phone` feature, as in the
//! [`Validator`](crate::Validator)).
//! The contact is built all the same; `build()` drops the warning,
//! [`ContactBuilder::build_with_report`] returns it beside the contact
//! (and [`IdentifierBuilder::build_with_report`] for one identifier). When
//! the build fails, the report holds the warnings too. Every other
//! violation is an error. Checks that belong to one provider only (Omnisend's 100-tag
//! limit, Sendios's 255-character `auth_key`, `SuprSend`'s Slack id shapes)
//! are made when a contact is converted to that provider, not here.
//!
//! # JSON (serde)
//!
//! [`Contact`] and its parts implement `Serialize` and `Deserialize`. The
//! member names below are stable (a new model field adds a member):
//!
//! ```json
//! {
//!   "externalId": "crm-42", "firstName": "Jane", "lastName": "Doe", "displayName": "Jane Doe",
//!   "identifiers": [
//!     {"type": "email", "id": "jane@example.com",
//!      "channels": {"email": {"status": "subscribed", "statusDate": "2024-05-01T10:00:00Z"}}},
//!     {"type": "phone", "id": "+14155552671"}
//!   ],
//!   "language": "en", "country": "US", "timezone": "America/New_York", "gender": "f",
//!   "birthdate": "1990-02-28", "age": 34, "platform": "ios", "vip": true,
//!   "photo": "https://example.com/a.jpg", "authKey": "k", "registeredAt": "2023-04-25T12:55:38Z",
//!   "address": "1 Main St", "city": "Springfield", "state": "IL", "postalCode": "62701",
//!   "tags": ["vip", "source: crm"],
//!   "customProperties": {"shoe_size": 38.0, "newsletter": true, "nick": "JD",
//!                        "since": {"date": "2020-01-31"}, "langs": ["en", "lt"], "gone": null}
//! }
//! ```
//!
//! - Every member is optional; an unset field is left out when writing and
//!   may be left out or `null` when reading. An unknown member is an error.
//! - An identifier's `type` is `email`, `phone`, `push_token`, `slack`,
//!   `ms_teams`, `inbox` or `webpush`; `channels` maps a channel name to
//!   `{"status", "statusDate"}` in the order the channels were set.
//! - `platform` is written as its name ([`Platform::name`]); a Sendios code
//!   `"0"`–`"4"` is read too.
//! - A custom property value is a number, a boolean, a string, an array of
//!   strings, `null` (remove) or `{"date": "YYYY-MM-DD"}` (a date; a
//!   string shaped like a date stays a string).
//! - Objects keep their order on reading, whatever the map type.
//!
//! Reading **validates**: a `Contact` is deserialized as a
//! [`ContactBuilder`] (raw strings, as the setters take them) and then
//! built, so invalid JSON input is an error, never an invalid contact, and
//! values are normalized on the way. The error message is the builder's
//! report; deserialize a `ContactBuilder` and call
//! [`build`](ContactBuilder::build) to get the [`Report`] itself, with
//! every violation and its path. What does not have the shape above is a
//! `serde_json` error of reading, before any rule runs, with no rule id or
//! path: an unknown member, an identifier without `id` or with an unknown
//! `type`, a list property holding something other than strings, an
//! object property other than `{"date": …}`, a value of the wrong JSON
//! type. A contact written and read back is equal
//! to itself, custom property numbers included as long as `serde_json`
//! reads floats exactly (its `float_roundtrip` feature, the program's
//! choice: this crate does not turn it on; without it a number may come
//! back one unit in the last place apart).
//!
//! ```
//! use omnicontact::{Contact, ContactBuilder};
//! use serde_json::json;
//!
//! let contact: Contact = serde_json::from_value(json!({
//!     "identifiers": [{"type": "email", "id": " Jane@Example.COM ",
//!                      "channels": {"email": {"status": "subscribed"}}}],
//!     "country": "usa",
//!     "customProperties": {"since": {"date": "2020-01-31"}}
//! }))?;
//! assert_eq!(contact.email().unwrap().as_str(), "Jane@example.com");
//! assert_eq!(contact.country().unwrap().as_str(), "US");
//!
//! let text = serde_json::to_string(&contact)?;
//! assert_eq!(text, r#"{"identifiers":[{"type":"email","id":"Jane@example.com","channels":{"email":{"status":"subscribed"}}}],"country":"US","customProperties":{"since":{"date":"2020-01-31"}}}"#);
//! assert_eq!(serde_json::from_str::<Contact>(&text)?, contact);
//!
//! // Invalid input: an error, with the builder's report behind it.
//! let bad = json!({"identifiers": [{"type": "email", "id": "jane@"}], "age": 200});
//! assert!(serde_json::from_value::<Contact>(bad.clone()).is_err());
//! let report = serde_json::from_value::<ContactBuilder>(bad)?.build().unwrap_err();
//! let found: Vec<_> = report.violations().iter().map(|v| (v.rule(), v.path())).collect();
//! assert_eq!(found, [("contact.identifiers.id.format", "/identifiers/0/id"), ("contact.age.range", "/age")]);
//! # Ok::<(), serde_json::Error>(())
//! ```

use crate::report::{Location, Report, Severity, Violation, push_pointer_token};
use crate::rules::RuleInfo;

pub mod channel;
pub mod contact;
pub(crate) mod field;
pub mod identifier;
mod json;
pub mod property;

pub use channel::{Channel, ChannelState, ChannelStatus, UnknownChannel, UnknownChannelStatus};
pub use contact::{Contact, ContactBuilder, MAX_AGE, Platform, UnknownPlatform};
pub use identifier::{
    ChannelNotAllowed, Identifier, IdentifierBuilder, IdentifierKind, IdentifierValue,
};
pub use property::{CustomProperty, MAX_PROPERTY_NAME, PropertyValue, PropertyValueError};

/// Collects the violations of one build, under a JSON Pointer prefix.
#[derive(Debug)]
pub(crate) struct Collector {
    prefix: String,
    violations: Vec<Violation>,
}

impl Collector {
    pub(crate) fn new(prefix: &str) -> Self {
        Collector {
            prefix: prefix.to_owned(),
            violations: Vec::new(),
        }
    }

    /// The prefix followed by `tokens`, each escaped.
    pub(crate) fn path(&self, tokens: &[&str]) -> String {
        let mut p = self.prefix.clone();
        for t in tokens {
            push_pointer_token(&mut p, t);
        }
        p
    }

    /// Records a violation at `tokens`, returned so that its parameters
    /// can be set ([`Violation::found`]).
    pub(crate) fn report(
        &mut self,
        rule: &'static RuleInfo,
        tokens: &[&str],
        message: String,
    ) -> &mut Violation {
        self.report_suggesting(rule, tokens, message, None)
    }

    pub(crate) fn report_suggesting(
        &mut self,
        rule: &'static RuleInfo,
        tokens: &[&str],
        message: String,
        suggestion: Option<String>,
    ) -> &mut Violation {
        let path = self.path(tokens);
        let at = self.violations.len();
        self.violations.push(
            Violation::new(rule, Location::Body, path, message).with_suggestion_opt(suggestion),
        );
        &mut self.violations[at]
    }

    /// A collector for a nested value: same violations, longer prefix.
    pub(crate) fn nested<T>(&mut self, tokens: &[&str], f: impl FnOnce(&mut Collector) -> T) -> T {
        let prefix = self.path(tokens);
        let mut inner = Collector {
            prefix,
            violations: std::mem::take(&mut self.violations),
        };
        let out = f(&mut inner);
        self.violations = inner.violations;
        out
    }

    /// `Ok(value)` when no error was reported and `value` is `Some`
    /// (warnings are dropped); otherwise every violation.
    pub(crate) fn finish<T>(self, value: Option<T>) -> Result<T, Report> {
        match value {
            // No report is built for a value accepted (its warnings are
            // dropped).
            Some(v)
                if self
                    .violations
                    .iter()
                    .all(|v| v.severity() != Severity::Error) =>
            {
                Ok(v)
            }
            _ => Err(Report::from_violations(self.violations)),
        }
    }

    /// `Ok((value, warnings))` when no error was reported and `value` is
    /// `Some`; otherwise every violation, warnings included.
    pub(crate) fn finish_with_report<T>(self, value: Option<T>) -> Result<(T, Report), Report> {
        let has_error = self
            .violations
            .iter()
            .any(|v| v.severity() == Severity::Error);
        match value {
            Some(v) if !has_error => Ok((v, Report::from_violations(self.violations))),
            _ => Err(Report::from_violations(self.violations)),
        }
    }
}
