//! Conversion between providers through the canonical [`Contact`].
//!
//! Each provider module has a `convert` submodule with two functions:
//! `to_contact(&Wire) -> (Contact, Vec<Loss>)` and
//! `from_contact(&Contact) -> (Wire, Vec<Loss>)`. A [`Loss`] is a value
//! that one side has no place for; it carries a `convert.<field>.lossy`
//! rule id (listed in the [rule catalog](crate::rules)).
//!
//! Paths of losses: a loss of `to_contact` points into the wire value (the
//! source body); a loss of `from_contact` points into the canonical contact
//! with the model's own paths (`/identifiers/1`, `/age`, `/tags/0`,
//! `/customProperties/<name>`, see [`crate::model`]).
//! [`Validator::convert_value`](crate::Validator::convert_value) maps the
//! latter back to the source body, so every `convert.*` warning in a
//! [`Report`](crate::Report) names the JSON Pointer of the dropped value in
//! the **source** body.
//!
//! ```
//! use omnicontact::{rocketchat, sendios};
//!
//! let rc: rocketchat::Contact = serde_json::from_str(
//!     r#"{"name":"Jane Doe","emails":["jane@example.com","j@example.com"],"phones":[]}"#,
//! )?;
//! let (contact, lost) = rocketchat::convert::to_contact(&rc);
//! assert!(lost.is_empty());
//! let (user, lost) = sendios::convert::from_contact(&contact);
//! assert_eq!(user.email.as_deref(), Some("jane@example.com"));
//! assert_eq!(lost[0].rule(), "convert.email.lossy");
//! assert_eq!(lost[0].path(), "/identifiers/1"); // the contact's second identifier
//! # Ok::<(), serde_json::Error>(())
//! ```

use serde_json::{Map, Number, Value};

use crate::model::{Channel, ChannelStatus, Contact, Identifier, PropertyValue};
use crate::providers::Provider;
use crate::report::push_pointer_token;
use crate::rules::{self, RuleInfo};

pub use crate::report::Loss;

/// The provider's name as its documentation spells it.
pub(crate) const fn provider_name(p: Provider) -> &'static str {
    match p {
        Provider::Omnisend => "Omnisend",
        Provider::Sendios => "Sendios",
        Provider::RocketChat => "Rocket.Chat",
        Provider::Suprsend => "SuprSend",
        Provider::Raia => "raia",
    }
}

/// A custom property value as JSON: whole numbers as integers, a removal
/// as `""` (the providers' "no value").
pub(crate) fn property_json(v: &PropertyValue) -> Value {
    match v {
        PropertyValue::Number(n) => {
            // Whole numbers within ±2^53 are written as integers.
            #[allow(clippy::cast_possible_truncation)]
            let whole = *n as i64;
            #[allow(clippy::cast_precision_loss, clippy::float_cmp)] // exact on purpose
            if n.fract() == 0.0 && n.abs() <= 9_007_199_254_740_992.0 && whole as f64 == *n {
                Value::Number(whole.into())
            } else {
                Number::from_f64(*n).map_or(Value::Null, Value::Number)
            }
        }
        PropertyValue::Boolean(b) => Value::Bool(*b),
        PropertyValue::String(s) => Value::String(s.clone()),
        PropertyValue::Date(d) => Value::String(d.as_str().to_owned()),
        PropertyValue::List(items) => {
            Value::Array(items.iter().cloned().map(Value::String).collect())
        }
        _ => Value::String(String::new()),
    }
}

pub(crate) use crate::model::field::{
    ADDRESS, AGE, AUTH_KEY, BIRTHDATE, CITY, COUNTRY, EXTERNAL_ID, Field, GENDER, LANGUAGE, PHOTO,
    PLATFORM, POSTAL_CODE, REGISTERED_AT, SCALARS, STATE, TIMEZONE, VIP,
};

/// Collects the losses of a `from_contact`.
#[derive(Debug)]
pub(crate) struct Out {
    target: Provider,
    pub(crate) losses: Vec<Loss>,
}

impl Out {
    pub(crate) fn new(target: Provider) -> Self {
        Out {
            target,
            losses: Vec::new(),
        }
    }

    /// "<Target> has no <what>; '<value>' is not converted".
    pub(crate) fn lose(&mut self, rule: &'static RuleInfo, path: String, what: &str, value: &str) {
        let message = format!(
            "{} has no {what}; '{value}' is not converted",
            provider_name(self.target)
        );
        self.losses.push(Loss::new(rule, path, message));
    }

    /// A loss with its own message (the target's name is prepended).
    pub(crate) fn note(&mut self, rule: &'static RuleInfo, path: String, message: &str) {
        let message = format!("{} {message}", provider_name(self.target));
        self.losses.push(Loss::new(rule, path, message));
    }

    /// Every scalar field the target does not hold, and every tag unless
    /// `tags_held`.
    pub(crate) fn unheld(&mut self, contact: &Contact, held: &[&Field], tags_held: bool) {
        for field in SCALARS {
            if held.iter().any(|h| h.path == field.path) {
                continue;
            }
            if let Some(value) = (field.get)(contact) {
                self.lose(field.rule, field.path.to_owned(), field.what, &value);
            }
        }
        if !tags_held {
            for (i, tag) in contact.tags().iter().enumerate() {
                self.lose(rules::CONVERT_TAGS_LOSSY, format!("/tags/{i}"), "tags", tag);
            }
        }
    }

    /// The one name of a target with a single name member (Sendios,
    /// Rocket.Chat): the display name, else first and last joined.
    pub(crate) fn single_name(&mut self, contact: &Contact) -> Option<String> {
        let first = contact.first_name().filter(|s| !s.is_empty());
        let last = contact.last_name().filter(|s| !s.is_empty());
        if let Some(display) = contact.display_name() {
            for (path, part) in [("/firstName", first), ("/lastName", last)] {
                if let Some(part) = part.filter(|p| !display.contains(*p)) {
                    self.note(
                        rules::CONVERT_NAME_LOSSY,
                        path.to_owned(),
                        &format!("holds one name, '{display}'; '{part}' is not converted"),
                    );
                }
            }
            return Some(display.to_owned());
        }
        let joined = match (first, last) {
            (Some(f), Some(l)) => format!("{f} {l}"),
            (Some(one), None) | (None, Some(one)) => return Some(one.to_owned()),
            (None, None) => return None,
        };
        self.note(
            rules::CONVERT_NAME_LOSSY,
            "/firstName".to_owned(),
            &format!("holds one name; first and last name are joined into '{joined}'"),
        );
        Some(joined)
    }

    /// First and last name of a target with both (raia, Omnisend): as
    /// given, else the display name split at its first space.
    pub(crate) fn split_name(&mut self, contact: &Contact) -> (Option<String>, Option<String>) {
        let first = contact.first_name().map(str::to_owned);
        let last = contact.last_name().map(str::to_owned);
        let Some(display) = contact.display_name() else {
            return (first, last);
        };
        if first.is_some() || last.is_some() {
            let joined = [first.as_deref(), last.as_deref()]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" ");
            if joined != display {
                self.note(
                    rules::CONVERT_NAME_LOSSY,
                    "/displayName".to_owned(),
                    &format!("holds a first and a last name; the display name '{display}' is not converted"),
                );
            }
            return (first, last);
        }
        let display = display.trim();
        let Some((f, l)) = display.split_once(' ') else {
            // One word: it is the first name, nothing is lost.
            return (Some(display.to_owned()), None);
        };
        let (f, l) = (f.trim().to_owned(), l.trim().to_owned());
        self.note(
            rules::CONVERT_NAME_LOSSY,
            "/displayName".to_owned(),
            &format!("holds a first and a last name; '{display}' is split into '{f}' and '{l}'"),
        );
        (Some(f), Some(l))
    }

    /// Every name of the contact, for a target without names (`SuprSend`).
    pub(crate) fn no_name(&mut self, contact: &Contact) {
        for (path, name) in [
            ("/displayName", contact.display_name()),
            ("/firstName", contact.first_name()),
            ("/lastName", contact.last_name()),
        ] {
            if let Some(name) = name {
                self.lose(rules::CONVERT_NAME_LOSSY, path.to_owned(), "name", name);
            }
        }
    }

    /// The channel states of identifier `index` the target cannot hold:
    /// states of channels outside `held`, and when `statuses` is false
    /// every state that says more than an undated `subscribed` (listing an
    /// identifier in a target without statuses means it is reachable).
    pub(crate) fn states(
        &mut self,
        index: usize,
        identifier: &Identifier,
        held: &[Channel],
        statuses: bool,
    ) {
        for (channel, state) in identifier.channels() {
            let implied = state.status() == ChannelStatus::Subscribed && state.date().is_none();
            if (held.contains(channel) && statuses) || implied {
                continue;
            }
            let date = state
                .date()
                .map(|d| format!(" since {}", d.as_str()))
                .unwrap_or_default();
            let what = if statuses {
                format!("'{channel}' channel")
            } else {
                "subscription status".to_owned()
            };
            self.note(
                rules::CONVERT_CHANNELS_LOSSY,
                format!("/identifiers/{index}"),
                &format!(
                    "has no {what}; the '{channel}' status '{}'{date} of '{}' is not converted",
                    state.status(),
                    identifier.as_str()
                ),
            );
        }
    }

    /// An identifier the target cannot hold at all.
    pub(crate) fn identifier(&mut self, index: usize, identifier: &Identifier, extra: bool) {
        use crate::model::IdentifierKind as K;
        let (rule, what) = match identifier.kind() {
            K::Email => (rules::CONVERT_EMAIL_LOSSY, "email"),
            K::Phone => (rules::CONVERT_PHONE_LOSSY, "phone number"),
            K::Apns | K::Fcm => (rules::CONVERT_PUSH_TOKEN_LOSSY, "push token"),
            _ => (rules::CONVERT_IDENTIFIERS_LOSSY, identifier.kind().as_str()),
        };
        let message = if extra {
            format!(
                "holds one {what}; '{}' is not converted",
                identifier.as_str()
            )
        } else {
            format!("has no {what}; '{}' is not converted", identifier.as_str())
        };
        self.note(rule, format!("/identifiers/{index}"), &message);
    }

    /// The custom properties, without those whose name `refuse` rejects.
    pub(crate) fn properties(
        &mut self,
        contact: &Contact,
        refuse: impl Fn(&str) -> Option<&'static str>,
    ) -> Option<Map<String, Value>> {
        let mut map = Map::new();
        for p in contact.custom_properties() {
            if let Some(why) = refuse(p.name()) {
                let mut path = "/customProperties".to_owned();
                push_pointer_token(&mut path, p.name());
                self.note(
                    rules::CONVERT_CUSTOM_PROPERTIES_LOSSY,
                    path,
                    &format!("{why}; the custom property '{}' is not converted", p.name()),
                );
                continue;
            }
            map.insert(p.name().to_owned(), property_json(p.value()));
        }
        (!map.is_empty()).then_some(map)
    }
}

/// The contact's properties as JSON, nothing refused.
pub(crate) fn all_properties(out: &mut Out, contact: &Contact) -> Option<Map<String, Value>> {
    out.properties(contact, |_| None)
}
