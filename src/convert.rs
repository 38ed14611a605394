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

use std::collections::HashMap;

use serde_json::{Map, Number, Value};

use crate::engine::Deeper;
use crate::engine::read::{Read, Reader};
use crate::model::{Channel, ChannelStatus, Contact, Identifier, PropertyValue};
use crate::providers::Provider;
use crate::report::push_pointer_token;
use crate::rules::{self, RuleInfo};
use crate::values::PhoneRegion;
use crate::values::parsed::Parsed;

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

/// Canonical paths to the source paths they were read from, indexed for
/// [`SourcePaths::of`].
pub(crate) struct SourcePaths<'a>(HashMap<&'a str, &'a str>);

impl<'a> SourcePaths<'a> {
    /// Indexes `trace` (canonical path, source path); the first entry of a
    /// canonical path wins.
    pub(crate) fn new(trace: &'a [(String, String)]) -> Self {
        let mut map = HashMap::with_capacity(trace.len());
        for (canonical, source) in trace {
            map.entry(canonical.as_str()).or_insert(source.as_str());
        }
        SourcePaths(map)
    }

    /// The source path of a canonical path: the traced entry that is the
    /// longest prefix of it (at a token boundary), else the canonical path.
    /// Linear in the path's length, whatever the trace's.
    pub(crate) fn of(&self, canonical: &str) -> String {
        let boundaries = canonical
            .char_indices()
            .filter(|&(_, c)| c == '/')
            .map(|(i, _)| i)
            .rev();
        for end in std::iter::once(canonical.len()).chain(boundaries) {
            if let Some(source) = self.0.get(&canonical[..end]) {
                return format!("{source}{}", &canonical[end..]);
            }
        }
        canonical.to_owned()
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

/// The result of converting a normalized, valid source body.
#[derive(Debug)]
pub(crate) struct Conversion {
    /// The `convert.*` warnings, in source paths.
    pub(crate) losses: Vec<Loss>,
    /// The target's body.
    pub(crate) body: Value,
    /// The target's path parameters, when it takes contact data there.
    pub(crate) path: Option<Value>,
}

/// Reads a body of `source` into the canonical contact by its rows, with
/// the values its walk parsed (in `region`); `distinct_id`, `SuprSend`'s
/// path parameter, is the external id.
pub(crate) fn read_body(
    source: Provider,
    body: &Value,
    distinct_id: Option<&str>,
    parsed: &mut Parsed,
    region: Option<PhoneRegion>,
) -> Read {
    let mut reader = Reader::new(provider_name(source), parsed, region);
    if let Some(id) = distinct_id.filter(|id| !id.trim().is_empty()) {
        reader.at("distinct_id", |r| r.field(&EXTERNAL_ID, id));
    }
    if let Value::Object(map) = body {
        match source.spec().read {
            Some(read) => read(&mut reader, map),
            None => reader.object(map, source.spec().body),
        }
    }
    reader.finish()
}

/// A provider's wire value read into the canonical contact (the public
/// `to_contact` of each provider): its values parsed here, phone numbers
/// without a region.
pub(crate) fn read_wire<T: serde::Serialize>(
    source: Provider,
    wire: &T,
    distinct_id: Option<&str>,
) -> (Contact, Vec<Loss>) {
    let body = serde_json::to_value(wire).unwrap_or(Value::Null);
    let read = read_body(source, &body, distinct_id, &mut Parsed::default(), None);
    (read.contact, read.losses)
}

/// Writes what a reader read from `source` as `target`'s body; the
/// losses of both, in source paths.
pub(crate) fn write_read(
    source: Provider,
    target: Provider,
    read: crate::engine::read::Read,
) -> Conversion {
    let mut losses = read.losses;
    let (body, path, lost) = write_contact(&read.contact, target, Some(source));
    let sources = SourcePaths::new(&read.trace);
    losses.extend(
        lost.into_iter()
            .map(|loss| Loss::new(loss.rule, sources.of(&loss.path), loss.message)),
    );
    Conversion { losses, body, path }
}

/// Removes the members `names` of `body` that the wire type wrote as an
/// empty string for a field the contact does not have.
fn drop_blank(body: &mut Value, names: &[&str]) {
    if let Value::Object(members) = body {
        for name in names {
            if members.get(*name).and_then(Value::as_str) == Some("") {
                crate::engine::remove_member(members, name);
            }
        }
    }
}

/// A contact written as `target`'s wire body (with its path parameters
/// when the contact holds them: `SuprSend`'s `distinct_id`) and the losses,
/// located by the contact's own paths. `source` is the provider the
/// contact was read from, if any (a Sendios date read from Sendios is
/// written back without the time-zone warning).
pub(crate) fn write_contact(
    contact: &Contact,
    target: Provider,
    source: Option<Provider>,
) -> (Value, Option<Value>, Vec<Loss>) {
    use crate::providers::{omnisend, raia, rocketchat, sendios, suprsend};
    let value = |w: Result<Value, serde_json::Error>| w.unwrap_or(Value::Null);
    match target {
        Provider::Sendios => {
            let (w, mut l) = sendios::convert::from_contact(contact);
            // Sendios' own dates have no zone (read as UTC): only a date
            // read with a zone is written in a zone Sendios may not read.
            if source != Some(Provider::Sendios) {
                l.extend(sendios::convert::utc_note(contact));
            }
            // A contact without an external id converts to a body without
            // `client_user_id`, so that Sendios' validation says it is
            // required rather than describe an empty string nobody sent.
            let mut body = value(serde_json::to_value(w));
            drop_blank(&mut body, &["client_user_id"]);
            (body, None, l)
        }
        Provider::RocketChat => {
            let (w, l) = rocketchat::convert::from_contact(contact);
            (value(serde_json::to_value(w)), None, l)
        }
        Provider::Suprsend => {
            let (w, l) = suprsend::convert::from_contact(contact);
            let path = suprsend::convert::from_contact_path(contact);
            (value(serde_json::to_value(w)), Some(path), l)
        }
        Provider::Raia => {
            let (w, l) = raia::convert::from_contact(contact);
            let mut body = value(serde_json::to_value(w));
            // The wire type holds a name as a string; a contact without one
            // converts to a body without it, so that raia's validation says
            // it is required (a blank name is only an advice when sent).
            drop_blank(&mut body, &["firstName", "lastName"]);
            (body, None, l)
        }
        Provider::Omnisend => {
            let (w, l) = omnisend::convert::from_contact(contact);
            (value(serde_json::to_value(w)), None, l)
        }
    }
}
