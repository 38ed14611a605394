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
//! [`Report`] names the JSON Pointer of the dropped value in
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

use crate::model::{
    Channel, ChannelStatus, Contact, ContactBuilder, CustomProperty, Identifier, IdentifierBuilder,
    PropertyValue,
};
use crate::providers::Provider;
use crate::report::{Report, push_pointer_token};
use crate::rules::{self, RuleInfo};

/// A value a conversion had to drop: its rule id, where it was, and why.
///
/// ```
/// use omnicontact::{omnisend, sendios};
///
/// let user: sendios::User = serde_json::from_str(r#"{"client_user_id":"u1","age":34}"#)?;
/// let (contact, _) = sendios::convert::to_contact(&user);
/// let (_, lost) = omnisend::convert::from_contact(&contact);
/// assert_eq!(lost[0].rule(), "convert.age.lossy");
/// assert_eq!(lost[0].path(), "/age");
/// assert_eq!(lost[0].message(), "Omnisend has no age; '34' is not converted");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Loss {
    rule: &'static RuleInfo,
    path: String,
    message: String,
}

impl Loss {
    pub(crate) fn new(rule: &'static RuleInfo, path: String, message: String) -> Self {
        Loss {
            rule,
            path,
            message,
        }
    }

    /// The rule id: `convert.<field>.lossy`, or the target's own warning
    /// about how a value was written (`sendios.registration_date.advice`).
    ///
    /// ```
    /// # use omnicontact::{rocketchat, raia};
    /// let rc: rocketchat::Contact = serde_json::from_str(r#"{"name":"Jane Doe","emails":[],"phones":[]}"#)?;
    /// let (c, _) = rocketchat::convert::to_contact(&rc);
    /// assert_eq!(raia::convert::from_contact(&c).1[0].rule(), "convert.name.lossy");
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[must_use]
    pub fn rule(&self) -> &'static str {
        self.rule.id()
    }

    /// The rule's catalog entry.
    ///
    /// ```
    /// # use omnicontact::{rocketchat, raia, Severity};
    /// let rc: rocketchat::Contact = serde_json::from_str(r#"{"name":"Jane Doe","emails":[],"phones":[]}"#)?;
    /// let (c, _) = rocketchat::convert::to_contact(&rc);
    /// assert_eq!(raia::convert::from_contact(&c).1[0].info().severity(), Severity::Warning);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[must_use]
    pub fn info(&self) -> &'static RuleInfo {
        self.rule
    }

    /// JSON Pointer of the dropped value: into the wire value for
    /// `to_contact`, into the canonical contact for `from_contact`.
    ///
    /// ```
    /// # use omnicontact::rocketchat;
    /// let rc: rocketchat::Contact = serde_json::from_str(r#"{"name":"J","emails":[],"phones":[],"contactManager":"m1"}"#)?;
    /// assert_eq!(rocketchat::convert::to_contact(&rc).1[0].path(), "/contactManager");
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[must_use]
    pub fn path(&self) -> &str {
        &self.path
    }

    /// What was dropped and why, naming the field and the target.
    ///
    /// ```
    /// # use omnicontact::rocketchat;
    /// let rc: rocketchat::Contact = serde_json::from_str(r#"{"name":"J","emails":[],"phones":[],"contactManager":"m1"}"#)?;
    /// assert!(rocketchat::convert::to_contact(&rc).1[0].message().contains("contactManager"));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[must_use]
    pub fn message(&self) -> &str {
        &self.message
    }
}

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

/// What a `to_contact` produced, with the trace from canonical paths to
/// source paths.
#[derive(Debug)]
pub(crate) struct Traced {
    pub(crate) contact: Result<Contact, Report>,
    pub(crate) losses: Vec<Loss>,
    pub(crate) trace: Vec<(String, String)>,
}

impl Traced {
    /// The public shape: a contact (empty if the model refused the whole,
    /// which the per-field probes prevent) and the losses.
    pub(crate) fn into_public(self) -> (Contact, Vec<Loss>) {
        let mut losses = self.losses;
        let contact = match self.contact {
            Ok(c) => c,
            Err(report) => {
                for v in report.violations() {
                    losses.push(Loss::new(
                        rules::CONVERT_BODY_LOSSY,
                        v.path().to_owned(),
                        format!(
                            "the canonical contact cannot hold this value: {}",
                            v.message()
                        ),
                    ));
                }
                Contact::empty()
            }
        };
        (contact, losses)
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

/// Collects the fields of a wire value into a [`ContactBuilder`], checking
/// each one alone first: a value the model refuses becomes a [`Loss`]
/// instead of failing the whole contact.
#[derive(Debug)]
pub(crate) struct Draft {
    source: Provider,
    builder: ContactBuilder,
    losses: Vec<Loss>,
    trace: Vec<(String, String)>,
    ids: Vec<(String, String)>,
}

fn first_message(report: &Report) -> String {
    report
        .violations()
        .first()
        .map_or_else(|| "not accepted".to_owned(), |v| v.message().to_owned())
}

impl Draft {
    pub(crate) fn new(source: Provider) -> Self {
        Draft {
            source,
            builder: Contact::builder(),
            losses: Vec::new(),
            trace: Vec::new(),
            ids: Vec::new(),
        }
    }

    /// A string field: kept when the model accepts it alone.
    pub(crate) fn text(
        &mut self,
        rule: &'static RuleInfo,
        canonical: &str,
        src: &str,
        value: Option<&str>,
        set: fn(ContactBuilder, String) -> ContactBuilder,
    ) {
        let Some(value) = value else { return };
        match set(Contact::builder(), value.to_owned()).build() {
            Ok(_) => {
                self.builder = set(std::mem::take(&mut self.builder), value.to_owned());
                self.trace.push((canonical.to_owned(), src.to_owned()));
            }
            Err(report) => self.refuse(rule, src, value, &first_message(&report)),
        }
    }

    /// Records that the canonical `canonical` came from `src`.
    pub(crate) fn traced(&mut self, canonical: &str, src: &str) {
        self.trace.push((canonical.to_owned(), src.to_owned()));
    }

    /// Applies `set` to the builder (for values already typed).
    pub(crate) fn with(&mut self, set: impl FnOnce(ContactBuilder) -> ContactBuilder) {
        self.builder = set(std::mem::take(&mut self.builder));
    }

    /// An identifier: kept when the model accepts it alone.
    pub(crate) fn identifier(
        &mut self,
        rule: &'static RuleInfo,
        src: &str,
        raw: &str,
        id: IdentifierBuilder,
    ) {
        match id.clone().build() {
            Ok(built) => {
                self.ids.push((built.as_str().to_owned(), src.to_owned()));
                self.builder = std::mem::take(&mut self.builder).identifier(id);
            }
            Err(report) => self.refuse(rule, src, raw, &first_message(&report)),
        }
    }

    /// An email address sent at `src`: an email identifier, or a
    /// `convert.email.lossy` warning.
    pub(crate) fn email(&mut self, src: &str, raw: &str) {
        self.identifier(
            rules::CONVERT_EMAIL_LOSSY,
            src,
            raw,
            IdentifierBuilder::default().email(raw),
        );
    }

    /// A phone number sent at `src`: a phone identifier, or a
    /// `convert.phone.lossy` warning.
    pub(crate) fn phone(&mut self, src: &str, raw: &str) {
        self.identifier(
            rules::CONVERT_PHONE_LOSSY,
            src,
            raw,
            IdentifierBuilder::default().phone(raw),
        );
    }

    /// A custom property: kept when the model holds its name and value.
    pub(crate) fn property(&mut self, src_prefix: &str, name: &str, value: &Value) {
        let mut src = src_prefix.to_owned();
        push_pointer_token(&mut src, name);
        let Some(pv) = property_value(value) else {
            let message = if value.is_number() {
                format!(
                    "the canonical contact holds a custom property number as a double; '{name}' is {value}, which a double does not hold exactly, and is not converted (send it as a string)"
                )
            } else {
                format!(
                    "the canonical contact holds a custom property as a number, boolean, string or list of strings; '{name}' is {} and is not converted",
                    json_kind(value)
                )
            };
            self.drop(rules::CONVERT_CUSTOM_PROPERTIES_LOSSY, &src, message);
            return;
        };
        match CustomProperty::new(name, pv.clone()) {
            Ok(p) => {
                let mut canonical = "/customProperties".to_owned();
                push_pointer_token(&mut canonical, p.name());
                self.trace.push((canonical, src));
                self.builder = std::mem::take(&mut self.builder).property(name, pv);
            }
            Err(report) => self.drop(
                rules::CONVERT_CUSTOM_PROPERTIES_LOSSY,
                &src,
                format!(
                    "the canonical contact cannot hold the custom property '{name}': {}",
                    first_message(&report)
                ),
            ),
        }
    }

    /// Every member of a custom-property object.
    pub(crate) fn properties(&mut self, src_prefix: &str, map: Option<&Map<String, Value>>) {
        for (name, value) in map.into_iter().flatten() {
            self.property(src_prefix, name, value);
        }
    }

    fn refuse(&mut self, rule: &'static RuleInfo, src: &str, value: &str, why: &str) {
        self.drop(
            rule,
            src,
            format!(
                "the canonical contact cannot hold '{value}' from {}: {why}; it is not converted",
                provider_name(self.source)
            ),
        );
    }

    /// A loss at `src` in the source.
    pub(crate) fn drop(&mut self, rule: &'static RuleInfo, src: &str, message: String) {
        self.losses.push(Loss::new(rule, src.to_owned(), message));
    }

    /// A source member the contact has no place for.
    pub(crate) fn member(&mut self, src: &str, present: bool) {
        if present {
            let name = src.trim_start_matches('/');
            let message = format!(
                "the canonical contact has no place for {}'s '{name}'; it is not converted",
                provider_name(self.source)
            );
            self.drop(rules::CONVERT_BODY_LOSSY, src, message);
        }
    }

    pub(crate) fn finish(self) -> Traced {
        let mut trace = self.trace;
        let contact = self.builder.build();
        if let Ok(c) = &contact {
            // The first identifier of each value, found once for all ids.
            let mut first: HashMap<&str, usize> = HashMap::new();
            for (i, id) in c.identifiers().iter().enumerate() {
                first.entry(id.as_str()).or_insert(i);
            }
            for (value, src) in self.ids {
                if let Some(i) = first.get(value.as_str()) {
                    trace.push((format!("/identifiers/{i}"), src));
                }
            }
        }
        Traced {
            contact,
            losses: self.losses,
            trace,
        }
    }
}

fn json_kind(v: &Value) -> &'static str {
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

/// A scalar canonical field some targets cannot hold.
#[derive(Debug)]
pub(crate) struct Field {
    rule: &'static RuleInfo,
    path: &'static str,
    what: &'static str,
    get: fn(&Contact) -> Option<String>,
}

macro_rules! fields {
    ($( $name:ident = $rule:ident, $path:literal, $what:literal, $get:expr; )*) => {
        $( pub(crate) const $name: Field = Field { rule: rules::$rule, path: $path, what: $what, get: $get }; )*
        const SCALARS: &[&Field] = &[$(&$name),*];
    };
}

fn owned(s: Option<&str>) -> Option<String> {
    s.map(str::to_owned)
}

fields! {
    EXTERNAL_ID = CONVERT_EXTERNAL_ID_LOSSY, "/externalId", "member for your contact id", |c| owned(c.external_id());
    LANGUAGE = CONVERT_LANGUAGE_LOSSY, "/language", "language", |c| c.language().map(|l| l.as_str().to_owned());
    COUNTRY = CONVERT_COUNTRY_LOSSY, "/country", "country", |c| c.country().map(|l| l.as_str().to_owned());
    TIMEZONE = CONVERT_TIMEZONE_LOSSY, "/timezone", "time zone", |c| c.timezone().map(|l| l.as_str().to_owned());
    GENDER = CONVERT_GENDER_LOSSY, "/gender", "gender", |c| c.gender().map(|l| l.as_str().to_owned());
    BIRTHDATE = CONVERT_BIRTHDATE_LOSSY, "/birthdate", "birthdate", |c| c.birthdate().map(|l| l.as_str().to_owned());
    AGE = CONVERT_AGE_LOSSY, "/age", "age", |c| c.age().map(|a| a.to_string());
    PLATFORM = CONVERT_PLATFORM_LOSSY, "/platform", "platform", |c| c.platform().map(|p| p.name().to_owned());
    VIP = CONVERT_VIP_LOSSY, "/vip", "VIP flag", |c| c.vip().map(|v| v.to_string());
    PHOTO = CONVERT_PHOTO_LOSSY, "/photo", "photo", |c| c.photo().map(|l| l.as_str().to_owned());
    AUTH_KEY = CONVERT_AUTH_KEY_LOSSY, "/authKey", "authentication key", |c| owned(c.auth_key());
    REGISTERED_AT = CONVERT_REGISTERED_AT_LOSSY, "/registeredAt", "registration date", |c| c.registered_at().map(|l| l.as_str().to_owned());
    ADDRESS = CONVERT_ADDRESS_LOSSY, "/address", "address", |c| owned(c.address());
    CITY = CONVERT_ADDRESS_LOSSY, "/city", "city", |c| owned(c.city());
    STATE = CONVERT_ADDRESS_LOSSY, "/state", "state", |c| owned(c.state());
    POSTAL_CODE = CONVERT_ADDRESS_LOSSY, "/postalCode", "postal code", |c| owned(c.postal_code());
}

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

impl Traced {
    /// The contact (empty when the model refused the whole, turned into
    /// losses), the losses and the trace.
    fn split(self) -> (Contact, Vec<Loss>, Vec<(String, String)>) {
        let trace = self.trace.clone();
        let (contact, losses) = self.into_public();
        (contact, losses, trace)
    }
}

/// Members whose values are free-form maps: never searched for unknown
/// members.
const FREE_FORM: &[&str] = &["fields", "customFields", "customData", "customProperties"];

/// Removes every member `name` outside free-form maps; the paths removed.
fn remove_member(value: &mut Value, name: &str, path: &str, removed: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            if map.remove(name).is_some() {
                let mut p = path.to_owned();
                push_pointer_token(&mut p, name);
                removed.push(p);
            }
            for (key, child) in map.iter_mut() {
                if !FREE_FORM.contains(&key.as_str()) {
                    let mut p = path.to_owned();
                    push_pointer_token(&mut p, key);
                    remove_member(child, name, &p, removed);
                }
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter_mut().enumerate() {
                remove_member(child, name, &format!("{path}/{i}"), removed);
            }
        }
        _ => {}
    }
}

/// Deserializes `body` as `T`; a member `T` does not define (a provider's
/// `unknown_field` warning) is removed first and becomes a loss.
fn read<T: serde::de::DeserializeOwned>(
    source: Provider,
    mut body: Value,
    losses: &mut Vec<Loss>,
) -> Option<T> {
    loop {
        let error = match serde_json::from_value::<T>(body.clone()) {
            Ok(wire) => return Some(wire),
            Err(e) => e.to_string(),
        };
        let mut removed = Vec::new();
        if let Some((name, _)) = error
            .strip_prefix("unknown field `")
            .and_then(|rest| rest.split_once('`'))
        {
            remove_member(&mut body, name, "", &mut removed);
        }
        if removed.is_empty() {
            losses.push(Loss::new(
                rules::CONVERT_BODY_LOSSY,
                String::new(),
                format!(
                    "the body cannot be read as a record of {} ({error}); nothing is converted",
                    provider_name(source)
                ),
            ));
            return None;
        }
        for path in removed {
            let message = format!(
                "'{}' is not a member of {}; it is not converted",
                path.rsplit('/').next().unwrap_or_default(),
                provider_name(source)
            );
            losses.push(Loss::new(rules::CONVERT_BODY_LOSSY, path, message));
        }
    }
}

fn traced<T: serde::de::DeserializeOwned>(
    source: Provider,
    body: Value,
    losses: &mut Vec<Loss>,
    f: impl FnOnce(&T) -> Traced,
) -> Traced {
    match read::<T>(source, body, losses) {
        Some(wire) => f(&wire),
        None => Traced {
            contact: Ok(Contact::empty()),
            losses: Vec::new(),
            trace: Vec::new(),
        },
    }
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

/// Converts a valid, normalized body of `source` into `target`'s body.
pub(crate) fn convert_body(
    source: Provider,
    target: Provider,
    body: Value,
    distinct_id: Option<&str>,
) -> Conversion {
    use crate::providers::{omnisend, raia, rocketchat, sendios, suprsend};
    let mut read_losses = Vec::new();
    let l = &mut read_losses;
    let t = match source {
        Provider::Sendios => traced(source, body, l, sendios::convert::traced),
        Provider::RocketChat => traced(source, body, l, rocketchat::convert::traced),
        Provider::Suprsend => traced(source, body, l, |u| {
            suprsend::convert::traced(u, distinct_id)
        }),
        Provider::Raia => traced(source, body, l, raia::convert::traced),
        Provider::Omnisend => traced(source, body, l, omnisend::convert::traced),
    };
    let (contact, losses, trace) = t.split();
    read_losses.extend(losses);
    let (body, path, lost) = write_contact(&contact, target, Some(source));
    let sources = SourcePaths::new(&trace);
    read_losses.extend(
        lost.into_iter()
            .map(|loss| Loss::new(loss.rule, sources.of(&loss.path), loss.message)),
    );
    Conversion {
        losses: read_losses,
        body,
        path,
    }
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
