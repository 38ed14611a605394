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
//! assert_eq!(found, [("omnisend.email.format", "/email"), ("sendios.language.format", "/language")]);
//! # Ok::<(), omnicontact::Report>(())
//! ```
//!
//! # Violations: rule ids and paths
//!
//! The model has no rule ids of its own. Each builder field reports with
//! the id of the **provider member that holds the same value** — Omnisend's
//! where Omnisend has the member (the model follows its shape: identifiers,
//! channels, custom properties), otherwise the one provider that has it.
//! The path is the builder field as an RFC 6901 JSON Pointer, in
//! Omnisend's camelCase; a standalone [`IdentifierBuilder`] reports paths
//! relative to the identifier (`/id`, `/channels/sms/status`), which the
//! contact builder prefixes with `/identifiers/<index>`. The location is
//! always [`Location::Body`].
//!
//! | builder field | path | rule id |
//! |---|---|---|
//! | `email` | `/email` | `omnisend.email.format` |
//! | `phone` | `/phone` | `omnisend.phone.format` |
//! | identifier with no value | `/identifiers/N/id` | `omnisend.identifiers.id.required` |
//! | identifier email / phone | `/identifiers/N/id` | `omnisend.identifiers.id.format` |
//! | identifier push token | `/identifiers/N/id` | `sendios.app_push_token.format` |
//! | identifier Slack / MS Teams | `/identifiers/N/id` | `suprsend.slack.format` / `suprsend.ms_teams.format` |
//! | identifier inbox / web push | `/identifiers/N/id` | `suprsend.inbox.type` / `suprsend.webpush.type` |
//! | channel name, or a channel the identifier cannot carry | `/identifiers/N/channels/<name>` | `omnisend.identifiers.channels.enum` |
//! | channel status | `/identifiers/N/channels/<name>/status` | `omnisend.identifiers.channels.status.enum` |
//! | channel status date | `/identifiers/N/channels/<name>/statusDate` | `omnisend.identifiers.channels.status_date.format` |
//! | `country` | `/country` | `omnisend.country_code.format` |
//! | `language` | `/language` | `sendios.language.format` |
//! | `timezone` | `/timezone` | `suprsend.timezone.format` |
//! | `gender` | `/gender` | `omnisend.gender.enum` |
//! | `birthdate` | `/birthdate` | `omnisend.birthdate.format` |
//! | `age` | `/age` | `sendios.age.range` |
//! | `platform` | `/platform` | `sendios.platform.enum` |
//! | `photo` | `/photo` | `sendios.photo.format` |
//! | `registered_at` | `/registeredAt` | `omnisend.created_at.format` |
//! | a tag | `/tags/N` | `omnisend.tags.type` |
//! | a custom property | `/customProperties/<name>` | `omnisend.custom_properties.name.format` / `omnisend.custom_properties.value.type` |
//!
//! Every violation of a builder is an error; a built value never carries
//! warnings. Checks that belong to one provider only (Omnisend's 100-tag
//! limit, Sendios's 255-character `auth_key`, `SuprSend`'s Slack id shapes)
//! are made when a contact is converted to that provider, not here.

use crate::report::{Location, Report, Violation, push_pointer_token};
use crate::rules::RuleInfo;

pub mod channel;
pub mod contact;
pub mod identifier;
pub mod property;

pub use channel::{Channel, ChannelState, ChannelStatus, UnknownChannel, UnknownChannelStatus};
pub use contact::{Contact, ContactBuilder, MAX_AGE, Platform, UnknownPlatform};
pub use identifier::{
    ChannelNotAllowed, Identifier, IdentifierBuilder, IdentifierKind, IdentifierValue,
};
pub use property::{CustomProperty, MAX_PROPERTY_NAME, PropertyValue};

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

    pub(crate) fn report(&mut self, rule: &'static RuleInfo, tokens: &[&str], message: String) {
        self.report_suggesting(rule, tokens, message, None);
    }

    pub(crate) fn report_suggesting(
        &mut self,
        rule: &'static RuleInfo,
        tokens: &[&str],
        message: String,
        suggestion: Option<String>,
    ) {
        let path = self.path(tokens);
        self.violations.push(
            Violation::new(rule, Location::Body, path, message).with_suggestion_opt(suggestion),
        );
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

    /// `Ok(value)` when nothing was reported and `value` is `Some`.
    pub(crate) fn finish<T>(self, value: Option<T>) -> Result<T, Report> {
        match value {
            Some(v) if self.violations.is_empty() => Ok(v),
            _ => Err(Report::from_violations(self.violations)),
        }
    }
}
