//! Writing a canonical [`Contact`] as a target's body, driven by the
//! target's rows: each [`Member`](super::Member) says what of the contact
//! it holds ([`Write`], by default what its reading [`To`] takes), so a
//! member a provider reads is, unless its row says otherwise, the member
//! it is written to. What no row holds is a [`Loss`] at the contact's own
//! path (`/identifiers/1`, `/age`, `/customProperties/plan`), which the
//! conversion maps back to the source.
//!
//! Losses come in a fixed order whatever the rows' order: names,
//! identifiers, the scalar fields and tags no row holds, custom properties,
//! then advice (a value written in a form the target may read otherwise).

use serde_json::{Map, Number, Value};

use super::{Kind, Member, ObjectSpec, To};
use crate::model::field::{DISPLAY_NAME, FIRST_NAME, Field, FieldSet, Json, LAST_NAME, SCALARS};
use crate::model::identifier::IdType;
use crate::model::{Channel, ChannelStatus, Contact, Identifier, IdentifierKind, PropertyValue};
use crate::report::{Loss, push_pointer_token};
use crate::rules::{self, RuleInfo};

/// What of the canonical contact a member is written from.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Write {
    /// What its reading ([`To`]) takes: the field (`Field`, `Given`), the
    /// identifiers of its type (`Id`: each of them in a list, else the
    /// first, another being a loss), the tags, the custom properties;
    /// nothing for the other readings.
    Reading,
    /// Nothing: another spelling of a member the target writes (Omnisend's
    /// shorthand `email`, Sendios' `language_id`).
    Never,
    /// This field, for a member read by a function (Rocket.Chat's `name`).
    Field(&'static Field),
    /// By a function; `None` leaves the member out.
    With(WriteFn),
    /// By a function that writes every identifier of the contact: the row
    /// holds them all (Omnisend's `identifiers`).
    Identifiers(WriteFn),
}

/// What a member is written as when the contact has nothing for it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Empty {
    /// Left out (a required member then says it is missing).
    Absent,
    /// `""`: the provider requires the member and takes it blank.
    Text,
    /// `[]`: the provider requires the list and takes it empty; the member
    /// is a list (it holds every identifier of its type).
    List,
}

/// Writes one member.
pub(crate) type WriteFn = fn(&mut Writer<'_>) -> Option<Value>;

/// Writes a whole body (instead of its rows).
pub(crate) type ObjectWrite = fn(&mut Writer<'_>, &mut Map<String, Value>);

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

/// Whether an identifier of `kind` is one a row of type `point` holds.
pub(crate) fn holds(point: IdType, kind: IdentifierKind) -> bool {
    IdType::of(kind) == point
}

/// Whether a member holds every identifier of its type (a list), not the
/// first: an array, or a list sent empty (Rocket.Chat's `emails`, whose
/// kind is a function).
fn holds_list(member: &Member) -> bool {
    matches!(member.kind, Kind::Array(_)) || member.empty == Empty::List
}

/// The field a member's row writes, if it writes one.
fn field_of(write: Write, to: To) -> Option<&'static Field> {
    match (write, to) {
        (Write::Field(f), _) | (Write::Reading, To::Field(f) | To::Given(f)) => Some(f),
        _ => None,
    }
}

/// Whether `name` holds `part` as whole words (`John Smith` holds `John`
/// and `John Smith`, not `Jo` or `Smit`).
fn holds_words(name: &str, part: &str) -> bool {
    let name: Vec<&str> = name.split_whitespace().collect();
    let part: Vec<&str> = part.split_whitespace().collect();
    !part.is_empty() && name.windows(part.len()).any(|w| w == part.as_slice())
}

/// What writing a contact gave.
#[derive(Debug)]
pub(crate) struct Written {
    pub(crate) body: Map<String, Value>,
    /// What the target has no place for, at the contact's paths.
    pub(crate) losses: Vec<Loss>,
    /// Values written in a form the target may read otherwise (Sendios'
    /// zone-less dates): warnings of a conversion, not of `from_contact`.
    pub(crate) advice: Vec<Loss>,
}

/// Writes a canonical contact as one target's body.
#[derive(Debug)]
pub(crate) struct Writer<'c> {
    pub(crate) contact: &'c Contact,
    /// The target's name as its documentation spells it.
    target: &'static str,
    /// Names, identifiers, fields and tags not held, in that order.
    losses: Vec<Loss>,
    /// Custom properties not held.
    property_losses: Vec<Loss>,
    advice: Vec<Loss>,
    /// First, last and display name as the target's name members take them.
    names: [Option<String>; 3],
    /// The fields a member holds.
    held: FieldSet,
    tags_held: bool,
    properties_held: bool,
}

impl<'c> Writer<'c> {
    pub(crate) fn new(contact: &'c Contact, target: &'static str) -> Self {
        Writer {
            contact,
            target,
            losses: Vec::new(),
            property_losses: Vec::new(),
            advice: Vec::new(),
            names: [None, None, None],
            held: FieldSet::default(),
            tags_held: false,
            properties_held: false,
        }
    }

    /// Writes the contact by `spec`'s rows, or by `whole` when the body is
    /// not rows (`SuprSend`'s channel keys).
    pub(crate) fn write(mut self, spec: &ObjectSpec, whole: Option<ObjectWrite>) -> Written {
        self.names(spec);
        let mut body = Map::new();
        if let Some(whole) = whole {
            whole(&mut self, &mut body);
        } else {
            let slots = self.slots(spec);
            for (i, member) in spec.members.iter().enumerate() {
                let ids = slots.get(i).map_or(&[][..], Vec::as_slice);
                let value = match (member.write, member.to) {
                    (Write::With(write) | Write::Identifiers(write), _) => write(&mut self),
                    (Write::Field(f), _) | (Write::Reading, To::Field(f)) => self.field(f),
                    // As when reading, an empty string is none.
                    (Write::Reading, To::Given(f)) => self.field(f).filter(|v| v != ""),
                    (Write::Reading, To::Id(_)) => self.identifiers(ids, holds_list(member)),
                    (Write::Reading, To::Tags) => self.tags(),
                    (Write::Reading, To::Properties) => {
                        self.properties(|_| None).map(Value::Object)
                    }
                    (Write::Never | Write::Reading, _) => None,
                };
                let value = value.or(match member.empty {
                    Empty::Absent => None,
                    Empty::Text => Some(Value::String(String::new())),
                    Empty::List => Some(Value::Array(Vec::new())),
                });
                if let Some(value) = value {
                    body.insert(member.name.to_owned(), value);
                }
            }
        }
        self.finish(body)
    }

    /// The names the target's name members take: first and last when it
    /// has either (a display name split), else the display name (first and
    /// last joined), else none (each name a loss).
    fn names(&mut self, spec: &ObjectSpec) {
        let has = |f: &Field| {
            spec.members
                .iter()
                .filter_map(|m| field_of(m.write, m.to))
                .any(|w| w.is(f))
        };
        if has(&FIRST_NAME) || has(&LAST_NAME) {
            let (first, last) = self.split_name();
            self.names = [first, last, None];
        } else if has(&DISPLAY_NAME) {
            self.names = [None, None, self.single_name()];
        } else {
            self.no_name();
        }
    }

    /// Which identifiers each row holds (by index in the contact), for
    /// rows written by their reading; the others are losses. Nothing (an
    /// empty list) when a row holds every identifier itself
    /// ([`Write::Identifiers`]).
    fn slots(&mut self, spec: &ObjectSpec) -> Vec<Vec<usize>> {
        if spec
            .members
            .iter()
            .any(|m| matches!(m.write, Write::Identifiers(_)))
        {
            return Vec::new();
        }
        let mut slots = vec![Vec::new(); spec.members.len()];
        let contact = self.contact;
        for (i, id) in contact.identifiers().iter().enumerate() {
            let row = spec.members.iter().position(|m| {
                matches!((m.write, m.to), (Write::Reading, To::Id(point)) if holds(point, id.kind()))
            });
            let Some(row) = row else {
                self.identifier(i, id, false);
                continue;
            };
            if !holds_list(&spec.members[row]) && !slots[row].is_empty() {
                self.identifier(i, id, true);
                continue;
            }
            slots[row].push(i);
            self.states(i, id, &[], false);
        }
        slots
    }

    fn identifiers(&self, ids: &[usize], list: bool) -> Option<Value> {
        let all = self.contact.identifiers();
        let text = |&i: &usize| Value::String(all[i].as_str().to_owned());
        match (ids, list) {
            ([], _) => None,
            (_, true) => Some(Value::Array(ids.iter().map(text).collect())),
            ([first, ..], false) => Some(text(first)),
        }
    }

    fn tags(&mut self) -> Option<Value> {
        self.tags_held = true;
        let tags = self.contact.tags();
        (!tags.is_empty()).then(|| Value::Array(tags.iter().cloned().map(Value::String).collect()))
    }

    /// A field's value as the JSON type the target sends it as; the field
    /// is then held (not a loss). Names are the ones the target takes.
    pub(crate) fn field(&mut self, f: &'static Field) -> Option<Value> {
        let name = [&FIRST_NAME, &LAST_NAME, &DISPLAY_NAME]
            .iter()
            .position(|n| n.is(f));
        if let Some(i) = name {
            // Each name member is written once: the name moves into it.
            return self.names[i].take().map(Value::String);
        }
        self.hold(f);
        let text = (f.get)(self.contact)?;
        Some(match f.json {
            Json::Text => Value::String(text),
            Json::Bool => Value::Bool(text == "true"),
            Json::Integer => text.parse::<i64>().map_or(Value::String(text), Value::from),
        })
    }

    /// Marks a field as held by a member a function writes.
    pub(crate) fn hold(&mut self, f: &'static Field) {
        self.held.insert(f);
    }

    /// A value written in a form the target may read otherwise.
    pub(crate) fn advise(&mut self, rule: &'static RuleInfo, path: &str, message: String) {
        self.advice.push(Loss::new(rule, path.to_owned(), message));
    }

    /// "<Target> has no <what>; '<value>' is not converted".
    fn lose(&mut self, rule: &'static RuleInfo, path: String, what: &str, value: &str) {
        let message = format!("{} has no {what}; '{value}' is not converted", self.target);
        self.losses.push(Loss::new(rule, path, message));
    }

    /// A loss with its own message (the target's name is prepended).
    pub(crate) fn note(
        &mut self,
        rule: &'static RuleInfo,
        path: String,
        message: std::fmt::Arguments<'_>,
    ) {
        use std::fmt::Write as _;
        let mut text = String::with_capacity(160);
        let _ = write!(text, "{} {message}", self.target);
        self.losses.push(Loss::new(rule, path, text));
    }

    /// Every scalar field no member holds, every tag unless a member holds
    /// them, every custom property unless one holds them; the losses in
    /// their order.
    fn finish(mut self, body: Map<String, Value>) -> Written {
        let contact = self.contact;
        for field in SCALARS {
            if self.held.contains(field) {
                continue;
            }
            if let Some(value) = (field.get)(contact) {
                self.lose(field.rule, field.path.to_owned(), field.what, &value);
            }
        }
        if !self.tags_held {
            for (i, tag) in contact.tags().iter().enumerate() {
                self.lose(rules::CONVERT_TAGS_LOSSY, format!("/tags/{i}"), "tags", tag);
            }
        }
        if !self.properties_held {
            self.properties(|_| Some("has no custom properties"));
        }
        let mut losses = self.losses;
        losses.append(&mut self.property_losses);
        Written {
            body,
            losses,
            advice: self.advice,
        }
    }

    /// The one name of a target with a single name member (Sendios,
    /// Rocket.Chat): the display name, else first and last joined.
    fn single_name(&mut self) -> Option<String> {
        let contact = self.contact;
        let first = contact.first_name().filter(|s| !s.is_empty());
        let last = contact.last_name().filter(|s| !s.is_empty());
        if let Some(display) = contact.display_name() {
            for (path, part) in [("/firstName", first), ("/lastName", last)] {
                if let Some(part) = part.filter(|p| !holds_words(display, p)) {
                    self.note(
                        rules::CONVERT_NAME_LOSSY,
                        path.to_owned(),
                        format_args!("holds one name, '{display}'; '{part}' is not converted"),
                    );
                }
            }
            return Some(display.to_owned());
        }
        let joined = match (first, last) {
            (Some(f), Some(l)) => format!("{f} {l}"),
            (Some(one), None) => return Some(one.to_owned()),
            (None, Some(last)) => {
                // Read back, a one-word name is a first name: said here.
                self.note(
                    rules::CONVERT_NAME_LOSSY,
                    "/lastName".to_owned(),
                    format_args!(
                        "holds one name; the last name '{last}' is written as the whole name"
                    ),
                );
                return Some(last.to_owned());
            }
            (None, None) => return None,
        };
        self.note(
            rules::CONVERT_NAME_LOSSY,
            "/firstName".to_owned(),
            format_args!("holds one name; first and last name are joined into '{joined}'"),
        );
        Some(joined)
    }

    /// First and last name of a target with both (raia, Omnisend): as
    /// given, else the display name split at its first space.
    fn split_name(&mut self) -> (Option<String>, Option<String>) {
        let contact = self.contact;
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
                    format_args!("holds a first and a last name; the display name '{display}' is not converted"),
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
            format_args!(
                "holds a first and a last name; '{display}' is split into '{f}' and '{l}'"
            ),
        );
        (Some(f), Some(l))
    }

    /// Every name of the contact, for a target without names (`SuprSend`).
    fn no_name(&mut self) {
        let contact = self.contact;
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
            // Without statuses, listing the identifier says an undated
            // `subscribed`; with them, a channel the target lacks is lost
            // whatever its state.
            let implied = state.status() == ChannelStatus::Subscribed && state.date().is_none();
            let kept = if statuses {
                held.contains(channel)
            } else {
                implied
            };
            if kept {
                continue;
            }
            let date = state.since();
            let what = if statuses {
                format!("'{channel}' channel")
            } else {
                "subscription status".to_owned()
            };
            self.note(
                rules::CONVERT_CHANNELS_LOSSY,
                format!("/identifiers/{index}/channels/{channel}"),
                format_args!(
                    "has no {what}; the '{channel}' status '{}'{date} of '{}' is not converted",
                    state.status(),
                    identifier.as_str()
                ),
            );
        }
    }

    /// An identifier the target cannot hold at all (`extra`: it holds one
    /// of its kind, and this is another).
    pub(crate) fn identifier(&mut self, index: usize, identifier: &Identifier, extra: bool) {
        let point = IdType::of(identifier.kind());
        let what = match point {
            IdType::Email => "email",
            IdType::Phone => "phone number",
            IdType::PushToken => "push token",
            _ => identifier.kind().as_str(),
        };
        let rule = super::read::loss_rule(point);
        let holds = if extra { "holds one" } else { "has no" };
        self.note(
            rule,
            format!("/identifiers/{index}"),
            format_args!("{holds} {what}; '{}' is not converted", identifier.as_str()),
        );
    }

    /// The custom properties, without those whose name `refuse` rejects
    /// (with why); they are then held.
    pub(crate) fn properties(
        &mut self,
        refuse: impl Fn(&str) -> Option<&'static str>,
    ) -> Option<Map<String, Value>> {
        self.properties_held = true;
        let mut map = Map::new();
        for p in self.contact.custom_properties() {
            if let Some(why) = refuse(p.name()) {
                let mut path = "/customProperties".to_owned();
                push_pointer_token(&mut path, p.name());
                let message = format!(
                    "{} {why}; the custom property '{}' is not converted",
                    self.target,
                    p.name()
                );
                self.property_losses.push(Loss::new(
                    rules::CONVERT_CUSTOM_PROPERTIES_LOSSY,
                    path,
                    message,
                ));
                continue;
            }
            map.insert(p.name().to_owned(), property_json(p.value()));
        }
        (!map.is_empty()).then_some(map)
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::Writer;
    use crate::engine::{Format, Kind, Member, ObjectSpec, To};
    use crate::model::Contact;
    use crate::model::field::{CITY, FIRST_NAME, LAST_NAME};
    use crate::model::identifier::{IdType, Identifier};
    use crate::rules;

    /// A target that is only a table: first and last name, one email, the
    /// city; no tags, no custom properties.
    static TABLE: ObjectSpec = ObjectSpec::of(&[
        Member::optional("first", Kind::Str(Format::Any), rules::RAIA_FIRST_NAME_TYPE)
            .to(To::Given(&FIRST_NAME)),
        Member::optional("last", Kind::Str(Format::Any), rules::RAIA_LAST_NAME_TYPE)
            .to(To::Given(&LAST_NAME)),
        Member::optional("mail", Kind::Str(Format::Any), rules::RAIA_EMAIL_TYPE)
            .to(To::Id(IdType::Email)),
        Member::optional("town", Kind::Str(Format::Any), rules::RAIA_CONTEXT_TYPE)
            .to(To::Field(&CITY)),
    ]);

    #[test]
    fn a_table_alone_says_what_is_written_and_what_is_lost() {
        let contact = Contact::builder()
            .display_name("Jane Doe")
            .email("jane@example.com")
            .identifier(Identifier::builder().email("j@example.com"))
            .city("Vilnius")
            .age(40)
            .tag("vip")
            .property("plan", "pro")
            .build()
            .unwrap();
        let written = Writer::new(&contact, "Test").write(&TABLE, None);
        assert_eq!(
            serde_json::Value::Object(written.body),
            json!({"first": "Jane", "last": "Doe", "mail": "jane@example.com", "town": "Vilnius"})
        );
        let losses: Vec<_> = written
            .losses
            .iter()
            .map(|l| (l.rule(), l.path(), l.message()))
            .collect();
        assert_eq!(
            losses,
            [
                (
                    "convert.name.lossy",
                    "/displayName",
                    "Test holds a first and a last name; 'Jane Doe' is split into 'Jane' and 'Doe'"
                ),
                (
                    "convert.email.lossy",
                    "/identifiers/1",
                    "Test holds one email; 'j@example.com' is not converted"
                ),
                (
                    "convert.age.lossy",
                    "/age",
                    "Test has no age; '40' is not converted"
                ),
                (
                    "convert.tags.lossy",
                    "/tags/0",
                    "Test has no tags; 'vip' is not converted"
                ),
                (
                    "convert.custom_properties.lossy",
                    "/customProperties/plan",
                    "Test has no custom properties; the custom property 'plan' is not converted"
                ),
            ]
        );
        assert!(written.advice.is_empty());
    }
}
