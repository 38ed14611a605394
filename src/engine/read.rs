//! Reading a checked provider body into the canonical [`Contact`], driven
//! by the same rows the walk checked it with: each [`Member`](super::Member)
//! names where its value goes ([`To`]). Values come from the walk
//! ([`Parsed`]), so an email, a phone number, a date-time or a country is
//! not parsed twice; what the canonical contact
//! cannot hold is a [`Loss`] at its source path, and every field read is
//! traced to the source path it came from.
//!
//! The reader runs on the normalized body after the walk and its hooks
//! (which merge, rename and move members), so it sees what the provider
//! would store.

use std::borrow::Cow;

use serde_json::{Map, Value};

use super::{Deeper, Kind, Member, ObjectSpec};
use crate::model::field::{Assembly, Field};
use crate::model::{
    Channel, ChannelState, Contact, CustomProperty, Identifier, IdentifierBuilder, IdentifierValue,
    PropertyValue,
};
use crate::report::{Loss, push_pointer_token};
use crate::rules::{self, RuleInfo};
use crate::values::parsed::Parsed;
use crate::values::{Email, Phone, PhoneRegion, PushToken, UtcDateTime, trim};

/// Where a member's value goes in the canonical contact.
#[derive(Clone, Copy)]
pub(crate) enum To {
    /// Nowhere: a value sent is a `convert.body.lossy` loss.
    Lost,
    /// A request option, not contact data: dropped without a loss.
    Skip,
    /// A scalar field, from the JSON type the field is read from
    /// (`Field::json`: a string, or Sendios' `vip` boolean and `age`
    /// integer by their text).
    Field(&'static Field),
    /// [`To::Field`], except that an empty string is none.
    Given(&'static Field),
    /// An identifier of this kind: the string, or each string of the
    /// array.
    Id(IdType),
    /// Each string of the array is a tag.
    Tags,
    /// Each member of the object is a custom property.
    Properties,
    /// An object, or each object of an array, read by its own rows.
    Nested,
    /// Read by a function, for a member whose reading needs others.
    Read(ReadFn),
}

impl To {
    /// How [`member_readings`](crate::providers::member_readings) names it.
    pub(crate) fn describe(self) -> String {
        match self {
            To::Lost => "lost".to_owned(),
            To::Skip => "skip".to_owned(),
            To::Field(field) => format!("field {}", field.path),
            To::Given(field) => format!("given {}", field.path),
            To::Id(point) => format!("id {}", point.name()),
            To::Tags => "tags".to_owned(),
            To::Properties => "properties".to_owned(),
            To::Nested => "nested".to_owned(),
            To::Read(_) => "read".to_owned(),
        }
    }
}

pub(crate) use crate::model::identifier::IdType;

/// The loss rule when the contact cannot hold an identifier of type `point`.
pub(crate) fn loss_rule(point: IdType) -> &'static RuleInfo {
    match point {
        IdType::Email => rules::CONVERT_EMAIL_LOSSY,
        IdType::Phone => rules::CONVERT_PHONE_LOSSY,
        IdType::PushToken => rules::CONVERT_PUSH_TOKEN_LOSSY,
        _ => rules::CONVERT_IDENTIFIERS_LOSSY,
    }
}

/// Reads one member: the reader (at the member's path), the object that
/// holds it, and its value (never `null`).
pub(crate) type ReadFn = fn(&mut Reader<'_>, &Map<String, Value>, &Value);

/// Reads a whole object (instead of its rows).
pub(crate) type ObjectRead = fn(&mut Reader<'_>, &Map<String, Value>);

/// Canonical paths and the source paths they were read from, in reading
/// order; the source paths share one buffer.
#[derive(Debug, Default)]
pub(crate) struct Trace {
    entries: Vec<(Cow<'static, str>, std::ops::Range<usize>)>,
    sources: String,
}

impl Trace {
    fn with_capacity(n: usize) -> Self {
        Trace {
            entries: Vec::with_capacity(n),
            sources: String::with_capacity(n * 16),
        }
    }

    /// Records that `canonical` was read from the source path made of
    /// `parts`, joined.
    fn push(&mut self, canonical: impl Into<Cow<'static, str>>, parts: &[&str]) {
        let start = self.sources.len();
        for part in parts {
            self.sources.push_str(part);
        }
        self.entries
            .push((canonical.into(), start..self.sources.len()));
    }

    /// Each (canonical path, source path), in reading order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.entries
            .iter()
            .map(|(canonical, source)| (canonical.as_ref(), &self.sources[source.clone()]))
    }

    /// The source path of entry `i`.
    pub(crate) fn source(&self, i: usize) -> &str {
        &self.sources[self.entries[i].1.clone()]
    }
}

/// What reading a body gave.
#[derive(Debug)]
pub(crate) struct Read {
    pub(crate) contact: Contact,
    pub(crate) losses: Vec<Loss>,
    /// Canonical paths and the source paths they were read from.
    pub(crate) trace: Trace,
}

/// Reads a body into a canonical contact.
pub(crate) struct Reader<'a> {
    /// The provider's name, for messages.
    source: &'static str,
    parsed: &'a mut Parsed,
    /// The region the walk read phone numbers in.
    region: Option<PhoneRegion>,
    assembly: Assembly,
    losses: Vec<Loss>,
    trace: Trace,
    path: String,
    /// In [`Reader::in_parent`], the path of the member read.
    member_path: Option<String>,
}

impl Deeper for Reader<'_> {
    fn path_mut(&mut self) -> &mut String {
        &mut self.path
    }
}

impl<'a> Reader<'a> {
    pub(crate) fn new(
        source: &'static str,
        parsed: &'a mut Parsed,
        region: Option<PhoneRegion>,
    ) -> Self {
        Reader {
            source,
            parsed,
            region,
            assembly: Assembly::new(),
            losses: Vec::new(),
            trace: Trace::with_capacity(16),
            path: String::with_capacity(64),
            member_path: None,
        }
    }

    /// What the reader read.
    pub(crate) fn finish(self) -> Read {
        Read {
            contact: self.assembly.finish(),
            losses: self.losses,
            trace: self.trace,
        }
    }

    /// Runs `f` at the parent of the current path (a value read from a
    /// member stands for the whole object: an identifier and its `id`).
    pub(crate) fn in_parent<R>(&mut self, f: impl FnOnce(&mut Self) -> R) -> R {
        let saved = self.path.clone();
        let parent = self.path.rfind('/').unwrap_or(0);
        self.path.truncate(parent);
        let outer = self.member_path.replace(saved.clone());
        let r = f(self);
        self.member_path = outer;
        self.path = saved;
        r
    }

    /// Reads the members of `object` by `spec`'s rows, in row order, then
    /// a loss for each member without a row.
    pub(crate) fn object(&mut self, object: &Map<String, Value>, spec: &ObjectSpec) {
        for member in spec.members {
            match object.get(member.name) {
                None | Some(Value::Null) => {}
                Some(value) => self.at(member.name, |r| r.member(object, value, member)),
            }
        }
        for name in object.keys() {
            if spec.members.iter().all(|m| m.name != name.as_str()) {
                let message = format!(
                    "'{name}' is not a member of {}; it is not converted",
                    self.source
                );
                self.at(name, |r| r.drop(rules::CONVERT_BODY_LOSSY, message));
            }
        }
    }

    fn member(&mut self, object: &Map<String, Value>, value: &Value, member: &Member) {
        match member.to {
            To::Lost => self.lost(),
            To::Skip => {}
            To::Field(field) => match field.text_of(value) {
                Some(text) => self.field(field, &text),
                None => self.not_held(field.rule, value, field.json.expected()),
            },
            To::Given(field) => match field.text_of(value) {
                Some(text) if text.is_empty() => {}
                Some(text) => self.field(field, &text),
                None => self.not_held(field.rule, value, field.json.expected()),
            },
            To::Id(point) => match value {
                Value::Array(items) => {
                    for (i, item) in items.iter().enumerate() {
                        self.at_index(i, |r| match item {
                            Value::String(text) => r.contact_point(point, text, &[]),
                            other => r.not_held(loss_rule(point), other, "a string"),
                        });
                    }
                }
                Value::String(text) => self.contact_point(point, text, &[]),
                other => self.not_held(loss_rule(point), other, "a string or a list of strings"),
            },
            To::Tags => match value {
                Value::Array(tags) => {
                    for (i, tag) in tags.iter().enumerate() {
                        self.at_index(i, |r| match tag {
                            Value::String(tag) => r.tag(tag),
                            other => r.not_held(rules::CONVERT_TAGS_LOSSY, other, "a string"),
                        });
                    }
                }
                other => self.not_held(rules::CONVERT_TAGS_LOSSY, other, "a list of strings"),
            },
            To::Properties => match value {
                Value::Object(properties) => self.properties(properties),
                other => self.not_held(rules::CONVERT_CUSTOM_PROPERTIES_LOSSY, other, "an object"),
            },
            To::Nested => match (&member.kind, value) {
                (Kind::Object(spec), Value::Object(item)) => self.object(item, spec),
                (Kind::Array(array), Value::Array(items)) => match array.items {
                    Kind::Object(spec) => {
                        for (i, item) in items.iter().enumerate() {
                            self.at_index(i, |r| match item {
                                Value::Object(item) => r.object(item, spec),
                                _ => r.lost(),
                            });
                        }
                    }
                    _ => self.lost(),
                },
                _ => self.lost(),
            },
            To::Read(read) => read(self, object, value),
        }
    }

    /// `value` as a string; another JSON type (a policy let it through)
    /// is a loss under `rule`, `null` nothing.
    pub(crate) fn text<'v>(
        &mut self,
        value: &'v Value,
        rule: &'static RuleInfo,
    ) -> Option<&'v str> {
        match value {
            Value::String(text) => Some(text),
            Value::Null => None,
            other => {
                self.not_held(rule, other, "a string");
                None
            }
        }
    }

    /// A value of a JSON type the contact does not hold there (a policy
    /// let it through): a loss under `rule`.
    pub(crate) fn not_held(&mut self, rule: &'static RuleInfo, value: &Value, expected: &str) {
        let message = format!(
            "the canonical contact holds {expected} here; {} from {} is not converted",
            crate::engine::shown(&value.to_string()),
            self.source
        );
        self.drop(rule, message);
    }

    /// The value at the current path has no place in the contact.
    pub(crate) fn lost(&mut self) {
        let message = format!(
            "the canonical contact has no place for {}'s '{}'; it is not converted",
            self.source,
            self.path.trim_start_matches('/')
        );
        self.drop(rules::CONVERT_BODY_LOSSY, message);
    }

    /// A loss at the current path.
    pub(crate) fn drop(&mut self, rule: &'static RuleInfo, message: String) {
        self.losses
            .push(Loss::new(rule, self.path.clone(), message));
    }

    fn refuse(&mut self, rule: &'static RuleInfo, value: &str, why: &str) {
        let message = format!(
            "the canonical contact cannot hold '{value}' from {}: {why}; it is not converted",
            self.source
        );
        self.drop(rule, message);
    }

    /// Records that canonical `canonical` came from the current path.
    pub(crate) fn traced(&mut self, canonical: impl Into<Cow<'static, str>>) {
        self.trace.push(canonical, &[&self.path]);
    }

    /// A scalar field from `text`.
    pub(crate) fn field(&mut self, field: &'static Field, text: &str) {
        if field.set(self.assembly.contact_mut(), text, self.parsed) {
            self.traced(field.path);
        } else {
            self.refuse(field.rule, text, &field.refusal(text));
        }
    }

    /// An identifier of kind `point` with the given channel states
    /// (channel, status, status date).
    pub(crate) fn contact_point(
        &mut self,
        point: IdType,
        text: &str,
        channels: &[(&str, &str, Option<&str>)],
    ) {
        let region = self.region;
        let trimmed = || Some(trim(text).to_owned()).filter(|t| !t.is_empty());
        let value = match point {
            IdType::Email => self
                .parsed
                .parse::<Email>(text, None)
                .ok()
                .map(IdentifierValue::Email),
            IdType::Phone => self
                .parsed
                .parse::<Phone>(text, region.as_ref())
                .ok()
                .map(IdentifierValue::Phone),
            IdType::PushToken => PushToken::parse(text).ok().map(IdentifierValue::PushToken),
            IdType::Slack => trimmed().map(IdentifierValue::Slack),
            IdType::MsTeams => trimmed().map(IdentifierValue::MsTeams),
            IdType::Inbox => trimmed().map(IdentifierValue::Inbox),
            IdType::WebPush => trimmed().map(IdentifierValue::WebPush),
        };
        let rule = loss_rule(point);
        let states = self.states(channels);
        let value = value.filter(|_| states.is_some());
        // An email a provider keeps as written (Omnisend's, case-sensitive)
        // is held normalized: what changes is said, not done silently.
        let normalized = match &value {
            Some(IdentifierValue::Email(email)) if email.as_str() != trim(text) => {
                Some(email.as_str().to_owned())
            }
            _ => None,
        };
        self.identifier(rule, text, value, states.as_deref().unwrap_or(&[]), || {
            let mut b = point.builder(text);
            // A phone number is read in the region the walk read it in: one
            // the walk could not read there (accepted by a skip flag or
            // with a warning) is a loss, never read another way.
            if let Some(region) = region {
                b = b.region(region);
            }
            for (channel, status, date) in channels {
                b = b.channel(*channel, *status, *date);
            }
            b
        });
        if let Some(normalized) = normalized {
            let message = format!(
                "the canonical contact holds email addresses normalized (the domain in lowercase); '{}' from {} is converted as '{normalized}', which a case-sensitive provider (Omnisend) reads as another address",
                trim(text),
                self.source
            );
            // At the address itself, when it stands for its parent.
            let path = self
                .member_path
                .clone()
                .unwrap_or_else(|| self.path.clone());
            self.losses
                .push(Loss::new(rules::CONVERT_EMAIL_LOSSY, path, message));
        }
    }

    /// Channel states read from text; `None` when one does not read (the
    /// builder then says why).
    fn states(
        &mut self,
        channels: &[(&str, &str, Option<&str>)],
    ) -> Option<Vec<(Channel, ChannelState)>> {
        let mut states = Vec::with_capacity(channels.len());
        for (channel, status, date) in channels {
            let date = match date {
                Some(d) => Some(self.parsed.parse::<UtcDateTime>(d, None).ok()?),
                None => None,
            };
            let state = ChannelState::new(status.parse().ok()?, date);
            states.push((channel.parse().ok()?, state));
        }
        Some(states)
    }

    /// An identifier: `value` (checked by the walk) with `channels`, else
    /// what `builder` builds; a value the model refuses is a loss under
    /// `rule`, in the builder's words.
    pub(crate) fn identifier(
        &mut self,
        rule: &'static RuleInfo,
        raw: &str,
        value: Option<IdentifierValue>,
        channels: &[(Channel, ChannelState)],
        builder: impl FnOnce() -> IdentifierBuilder,
    ) {
        let typed = value.and_then(|value| {
            let mut id = Identifier::from_value(value);
            for (channel, state) in channels {
                id.apply_status(*channel, state.clone()).ok()?;
            }
            Some(id)
        });
        let id = match typed {
            Some(id) => id,
            None => match builder().build() {
                Ok(id) => id,
                Err(report) => {
                    self.refuse(rule, raw, &report.first_message());
                    return;
                }
            },
        };
        // Merged into an equal identifier read before (two Omnisend
        // addresses that differ only in the domain's case): a state of the
        // same channel it replaces is lost.
        if let Some(earlier) = self.assembly.same_as(&id) {
            let replaced: Vec<String> = id
                .channels()
                .iter()
                .filter_map(|(channel, state)| {
                    let old = earlier.channel(*channel).filter(|old| *old != state)?;
                    // Which one the merge keeps, by the model's own rule.
                    let (verb, kept) = if old.clone().merge(state.clone()) {
                        ("replaces", "")
                    } else {
                        ("is not converted:", ", read before, is kept")
                    };
                    Some(format!(
                        "its '{channel}' status '{}'{} {verb} '{}'{}{kept}",
                        state.status(),
                        state.since(),
                        old.status(),
                        old.since()
                    ))
                })
                .collect();
            if !replaced.is_empty() {
                let message = format!(
                    "the canonical contact holds '{}' once, merged with an identifier read before; {}",
                    earlier.as_str(),
                    replaced.join("; ")
                );
                self.drop(rules::CONVERT_CHANNELS_LOSSY, message);
            }
        }
        let index = self.assembly.identifier(id);
        // A state read with the identifier comes from the `channels` of the
        // object it stands for (Omnisend's identifier), else from where
        // the identifier is listed (`SuprSend`'s `$whatsapp`).
        for (channel, _) in channels {
            let canonical = format!("/identifiers/{index}/channels/{channel}");
            let channel = channel.as_str();
            match self.member_path {
                Some(_) => self
                    .trace
                    .push(canonical, &[&self.path, "/channels/", channel]),
                None => self.trace.push(canonical, &[&self.path]),
            }
        }
        let canonical = super::item_path("/identifiers", index);
        self.trace.push(canonical, &[&self.path]);
    }

    /// A tag, traced to the contact's own tag (the first, for a repeat).
    fn tag(&mut self, tag: &str) {
        if let Some(index) = self.assembly.tag(tag) {
            self.traced(super::item_path("/tags", index));
        } else {
            self.refuse(rules::CONVERT_TAGS_LOSSY, tag, "a tag may not be empty");
        }
    }

    /// Every member of a custom-property object.
    pub(crate) fn properties(&mut self, properties: &Map<String, Value>) {
        for (name, value) in properties {
            self.at(name, |r| r.property(name, value));
        }
    }

    /// A custom property: kept when the model holds its name and value.
    pub(crate) fn property(&mut self, name: &str, value: &Value) {
        let Some(pv) = property_value(value) else {
            let message = if value.is_number() {
                format!(
                    "the canonical contact holds a custom property number as a double, which holds every integer up to 2^53 exactly; '{name}' is {value}, beyond that, and is not converted so that it is not rewritten (send it as a string)"
                )
            } else {
                format!(
                    "the canonical contact holds a custom property as a number, boolean, string or list of strings; '{name}' is {} and is not converted",
                    json_kind(value)
                )
            };
            self.drop(rules::CONVERT_CUSTOM_PROPERTIES_LOSSY, message);
            return;
        };
        match CustomProperty::new(name, pv) {
            Ok(p) => {
                let mut canonical = String::with_capacity(20 + p.name().len());
                canonical.push_str("/customProperties");
                push_pointer_token(&mut canonical, p.name());
                self.traced(canonical);
                self.assembly.property(p);
                if value.is_null() {
                    // A body written from the contact sends `""`: said,
                    // not done silently.
                    let message = format!(
                        "the canonical contact holds null and \"\" alike, as the removal of a property; '{name}' is null in {}, and a provider's body written from the contact sends \"\" (Omnisend's removal), which a provider that tells them apart reads as an empty string",
                        self.source
                    );
                    self.drop(rules::CONVERT_CUSTOM_PROPERTIES_LOSSY, message);
                }
            }
            Err(report) => {
                let message = format!(
                    "the canonical contact cannot hold the custom property '{name}': {}",
                    report.first_message()
                );
                self.drop(rules::CONVERT_CUSTOM_PROPERTIES_LOSSY, message);
            }
        }
    }
}

pub(crate) fn json_kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list that holds more than strings",
        Value::Object(_) => "an object",
    }
}

/// A JSON value as a custom property value, when the model can hold it.
pub(crate) fn property_value(v: &Value) -> Option<PropertyValue> {
    match v {
        Value::Null => Some(PropertyValue::Remove),
        Value::Bool(b) => Some(PropertyValue::Boolean(*b)),
        // A double holds every integer up to 2^53 exactly; a larger one
        // (a 64-bit id) would be rounded: not converted, never rewritten.
        Value::Number(n) => {
            const EXACT: u64 = 1 << 53;
            let exact = match (n.as_u64(), n.as_i64()) {
                (Some(u), _) => u <= EXACT,
                (None, Some(i)) => i.unsigned_abs() <= EXACT,
                (None, None) => true,
            };
            n.as_f64().filter(|_| exact).map(PropertyValue::Number)
        }
        Value::String(s) => Some(PropertyValue::String(s.clone())),
        Value::Array(items) => items
            .iter()
            .map(|i| i.as_str().map(str::to_owned))
            .collect::<Option<Vec<_>>>()
            .map(PropertyValue::List),
        Value::Object(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use crate::providers::Provider;
    use crate::providers::conversion::read_body;
    use crate::values::parsed::Parsed;

    fn read(provider: Provider, body: &serde_json::Value) -> super::Read {
        read_body(provider, body, None, &mut Parsed::default(), None)
    }

    #[test]
    fn each_value_goes_where_its_row_says_and_is_traced_to_its_source() {
        let body = json!({
            "identifiers": [{"type": "phone", "id": "+14155552671", "channels": {"sms": {"status": "unsubscribed"}}}],
            "email": "jane@example.com",
            "contactID": "c-1",
            "countryCode": "US",
            "tags": ["vip"],
            "customProperties": {"plan": "pro"}
        });
        let read = read(Provider::Omnisend, &body);
        let c = &read.contact;
        assert_eq!(c.external_id(), Some("c-1"));
        assert_eq!(
            c.country().map(crate::values::CountryCode::as_str),
            Some("US")
        );
        assert_eq!(c.identifiers()[0].as_str(), "+14155552671");
        assert_eq!(
            c.identifiers()[0]
                .channel(crate::model::Channel::Sms)
                .map(|s| s.status().as_str()),
            Some("unsubscribed")
        );
        assert_eq!(c.identifiers()[1].as_str(), "jane@example.com");
        assert_eq!(c.tags(), ["vip"]);
        assert!(read.losses.is_empty());
        let trace: Vec<(&str, &str)> = read.trace.iter().collect();
        for pair in [
            ("/identifiers/0", "/identifiers/0"),
            ("/identifiers/1", "/email"),
            ("/externalId", "/contactID"),
            ("/country", "/countryCode"),
            ("/tags/0", "/tags/0"),
            ("/customProperties/plan", "/customProperties/plan"),
        ] {
            assert!(trace.contains(&pair), "{pair:?} not in {trace:?}");
        }
    }

    #[test]
    fn what_the_contact_cannot_hold_is_a_loss_at_its_source_path() {
        let body = json!({
            "name": "Jo",
            "emails": ["not an email"],
            "phones": [],
            "contactManager": "m1",
            "customFields": {"a b": 1, "big": 9_007_199_254_740_993_u64},
            "bogus": true
        });
        let read = read(Provider::RocketChat, &body);
        let losses: Vec<(&str, &str)> = read.losses.iter().map(|l| (l.rule(), l.path())).collect();
        assert_eq!(
            losses,
            [
                ("convert.email.lossy", "/emails/0"),
                ("convert.custom_properties.lossy", "/customFields/a b"),
                ("convert.custom_properties.lossy", "/customFields/big"),
                ("convert.body.lossy", "/contactManager"),
                ("convert.body.lossy", "/bogus"),
            ]
        );
        // In the builder's words.
        assert!(
            read.losses[0]
                .message()
                .contains("not a valid email address"),
            "{}",
            read.losses[0].message()
        );
        assert_eq!(
            read.losses[4].message(),
            "'bogus' is not a member of Rocket.Chat; it is not converted"
        );
        assert_eq!(read.contact.display_name(), Some("Jo"));
    }

    #[test]
    fn a_value_the_walk_parsed_is_taken_not_parsed_again() {
        use crate::values::{Phone, PhoneRegion};
        let mut parsed = Parsed::default();
        let kept: Phone = parsed.parse("+1 415 555 2671", None).unwrap();
        // Kept, for this test only, under another number's text: a reader
        // that parsed the text again would read the other number.
        parsed.keep("+442079460018", None, &kept);
        let body = json!({"client_user_id": "u1", "phone": "+442079460018"});
        let read = read_body(Provider::Sendios, &body, None, &mut parsed, None);
        assert_eq!(read.contact.phone(), Some(&kept));
        // Read in another region than the walk's, the text is parsed again.
        let gb = PhoneRegion::parse("GB").unwrap();
        let again = read_body(Provider::Sendios, &body, None, &mut parsed, Some(gb));
        assert_eq!(
            again.contact.phone().map(Phone::as_str),
            Some("+442079460018")
        );
    }
}
