//! The canonical contact's scalar fields as data: for each, its path in
//! the contact's JSON, the rule a conversion reports when a target has no
//! place for it, how a target's writer reads it and how a source's reader
//! sets it from text. A provider row names one of these
//! ([`To::Field`](crate::engine::To)); `convert` writes them.
//!
//! [`Assembly`] builds a [`Contact`] from values already checked by a
//! provider's walk (and parsed there: [`Parsed`]), so reading a body for a
//! conversion parses its emails, phones, date-times and countries once;
//! what the model refuses is reported by the caller with the builder's own
//! message ([`Field::refusal`]).

use crate::lookup::ListIndex;
use crate::model::contact::{Contact, ContactBuilder, MAX_AGE, Platform};
use crate::model::identifier::{Identifier, IdentifierValue};
use crate::model::property::CustomProperty;
use crate::rules::{self, RuleInfo};
use crate::values::parsed::Parsed;
use crate::values::{CountryCode, Date, Gender, LanguageCode, TimeZone, Url, UtcDateTime, trim};

/// A scalar field of the canonical contact.
#[derive(Debug)]
pub(crate) struct Field {
    /// Which field it is (a constant has no address of its own to compare).
    id: FieldId,
    /// Its JSON Pointer in the contact's JSON (`/language`).
    pub(crate) path: &'static str,
    /// The loss rule when a target has no place for it.
    pub(crate) rule: &'static RuleInfo,
    /// How a loss message names it.
    pub(crate) what: &'static str,
    /// Its value as text, for a writer.
    pub(crate) get: fn(&Contact) -> Option<String>,
    /// Sets it from text; `false` when the model refuses the text.
    set: fn(&mut Contact, &str, &mut Parsed) -> bool,
    /// The builder's setter, for the model's message about a refusal.
    probe: fn(ContactBuilder, String) -> ContactBuilder,
    /// The JSON type a provider sends it as.
    pub(crate) json: Json,
}

/// The JSON type a field is read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Json {
    Text,
    Bool,
    Integer,
}

impl Json {
    /// How a loss message names it.
    pub(crate) fn expected(self) -> &'static str {
        match self {
            Json::Text => "a string",
            Json::Bool => "a boolean",
            Json::Integer => "an integer",
        }
    }
}

impl Field {
    /// The text `value` stands for, when it has the field's JSON type.
    pub(crate) fn text_of<'v>(
        &self,
        value: &'v serde_json::Value,
    ) -> Option<std::borrow::Cow<'v, str>> {
        use serde_json::Value;
        match (self.json, value) {
            (Json::Text, Value::String(s)) => Some(s.into()),
            (Json::Bool, Value::Bool(b)) => Some(b.to_string().into()),
            (Json::Integer, Value::Number(n)) if n.is_i64() || n.is_u64() => {
                Some(n.to_string().into())
            }
            _ => None,
        }
    }

    /// Whether `other` is this field.
    pub(crate) fn is(&self, other: &Field) -> bool {
        self.id == other.id
    }

    /// The field's bit in a [`FieldSet`].
    fn bit(&self) -> u64 {
        1 << (self.id as u8)
    }

    /// Sets the field of `contact` from `text`; `false` when the model
    /// refuses it (see [`Field::refusal`]).
    pub(crate) fn set(&self, contact: &mut Contact, text: &str, parsed: &mut Parsed) -> bool {
        (self.set)(contact, text, parsed)
    }

    /// Why the model refuses `text` for this field, in the builder's words.
    pub(crate) fn refusal(&self, text: &str) -> String {
        match (self.probe)(Contact::builder(), text.to_owned()).build() {
            Ok(_) => "not accepted".to_owned(),
            Err(report) => report.first_message(),
        }
    }
}

/// A set of fields, one bit each.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct FieldSet(u64);

impl FieldSet {
    /// Adds `field`.
    pub(crate) fn insert(&mut self, field: &Field) {
        self.0 |= field.bit();
    }

    /// Whether `field` is in the set.
    pub(crate) fn contains(self, field: &Field) -> bool {
        self.0 & field.bit() != 0
    }
}

fn owned(s: Option<&str>) -> Option<String> {
    s.map(str::to_owned)
}

/// Stores `text` as it is.
fn text(slot: &mut Option<String>, text: &str) -> bool {
    *slot = Some(text.to_owned());
    true
}

/// Stores a parsed value, or refuses.
fn typed<T, E>(slot: &mut Option<T>, value: Result<T, E>) -> bool {
    match value {
        Ok(v) => {
            *slot = Some(v);
            true
        }
        Err(_) => false,
    }
}

macro_rules! fields {
    ($( $name:ident = $rule:ident, $path:literal, $what:literal, $get:expr, $set:expr, $probe:path $(, $json:ident)?; )*) => {
        /// One variant per field, named as its constant.
        #[allow(non_camel_case_types, clippy::upper_case_acronyms)]
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        enum FieldId {
            $($name,)*
        }

        // A `FieldSet` holds every field in one word.
        const _: () = assert!([$(FieldId::$name),*].len() <= 64);

        $(
            pub(crate) const $name: Field = Field {
                id: FieldId::$name,
                rule: rules::$rule,
                path: $path,
                what: $what,
                get: $get,
                set: $set,
                probe: $probe,
                json: fields!(@json $($json)?),
            };
        )*
    };
    (@json) => { Json::Text };
    (@json $json:ident) => { Json::$json };
}

fields! {
    EXTERNAL_ID = CONVERT_EXTERNAL_ID_LOSSY, "/externalId", "member for your contact id",
        |c| owned(c.external_id()), |c, s, _| text(&mut c.external_id, s), ContactBuilder::external_id;
    FIRST_NAME = CONVERT_NAME_LOSSY, "/firstName", "first name",
        |c| owned(c.first_name()), |c, s, _| text(&mut c.first_name, s), ContactBuilder::first_name;
    LAST_NAME = CONVERT_NAME_LOSSY, "/lastName", "last name",
        |c| owned(c.last_name()), |c, s, _| text(&mut c.last_name, s), ContactBuilder::last_name;
    DISPLAY_NAME = CONVERT_NAME_LOSSY, "/displayName", "name",
        |c| owned(c.display_name()), |c, s, _| text(&mut c.display_name, s), ContactBuilder::display_name;
    LANGUAGE = CONVERT_LANGUAGE_LOSSY, "/language", "language",
        |c| c.language().map(|l| l.as_str().to_owned()),
        |c, s, _| typed(&mut c.language, LanguageCode::parse(s)), ContactBuilder::language;
    COUNTRY = CONVERT_COUNTRY_LOSSY, "/country", "country",
        |c| c.country().map(|l| l.as_str().to_owned()),
        |c, s, p| typed(&mut c.country, p.parse_then(s, None, CountryCode::to_alpha2)),
        ContactBuilder::country;
    TIMEZONE = CONVERT_TIMEZONE_LOSSY, "/timezone", "time zone",
        |c| c.timezone().map(|l| l.as_str().to_owned()),
        |c, s, _| typed(&mut c.timezone, TimeZone::parse(s)), ContactBuilder::timezone;
    GENDER = CONVERT_GENDER_LOSSY, "/gender", "gender",
        |c| c.gender().map(|l| l.as_str().to_owned()),
        |c, s, _| typed(&mut c.gender, Gender::parse(s)), ContactBuilder::gender;
    BIRTHDATE = CONVERT_BIRTHDATE_LOSSY, "/birthdate", "birthdate",
        |c| c.birthdate().map(|l| l.as_str().to_owned()),
        |c, s, _| typed(&mut c.birthdate, Date::parse(s)), ContactBuilder::birthdate;
    AGE = CONVERT_AGE_LOSSY, "/age", "age",
        |c| c.age().map(|a| a.to_string()),
        |c, s, _| typed(&mut c.age, s.parse::<u8>().map_err(|_| ()).and_then(|a| if a <= MAX_AGE { Ok(a) } else { Err(()) })),
        age_probe, Integer;
    PLATFORM = CONVERT_PLATFORM_LOSSY, "/platform", "platform",
        |c| c.platform().map(|p| p.name().to_owned()),
        |c, s, _| typed(&mut c.platform, s.parse::<Platform>()), ContactBuilder::platform;
    VIP = CONVERT_VIP_LOSSY, "/vip", "VIP flag",
        |c| c.vip().map(|v| v.to_string()),
        |c, s, _| typed(&mut c.vip, s.parse::<bool>()), vip_probe, Bool;
    PHOTO = CONVERT_PHOTO_LOSSY, "/photo", "photo",
        |c| c.photo().map(|l| l.as_str().to_owned()),
        |c, s, _| typed(&mut c.photo, Url::parse(s)), ContactBuilder::photo;
    AUTH_KEY = CONVERT_AUTH_KEY_LOSSY, "/authKey", "authentication key",
        |c| owned(c.auth_key()), |c, s, _| text(&mut c.auth_key, s), ContactBuilder::auth_key;
    REGISTERED_AT = CONVERT_REGISTERED_AT_LOSSY, "/registeredAt", "registration date",
        |c| c.registered_at().map(|l| l.as_str().to_owned()),
        |c, s, p| typed(&mut c.registered_at, p.parse::<UtcDateTime>(s, None)),
        ContactBuilder::registered_at;
    ADDRESS = CONVERT_ADDRESS_LOSSY, "/address", "address",
        |c| owned(c.address()), |c, s, _| text(&mut c.address, s), ContactBuilder::address;
    CITY = CONVERT_ADDRESS_LOSSY, "/city", "city",
        |c| owned(c.city()), |c, s, _| text(&mut c.city, s), ContactBuilder::city;
    STATE = CONVERT_ADDRESS_LOSSY, "/state", "state",
        |c| owned(c.state()), |c, s, _| text(&mut c.state, s), ContactBuilder::state;
    POSTAL_CODE = CONVERT_ADDRESS_LOSSY, "/postalCode", "postal code",
        |c| owned(c.postal_code()), |c, s, _| text(&mut c.postal_code, s), ContactBuilder::postal_code;
}

#[allow(clippy::needless_pass_by_value)] // the shape of the builder's setters
fn age_probe(b: ContactBuilder, s: String) -> ContactBuilder {
    b.age(s.parse().unwrap_or(-1))
}

#[allow(clippy::needless_pass_by_value)] // the shape of the builder's setters
fn vip_probe(b: ContactBuilder, s: String) -> ContactBuilder {
    b.vip(s == "true")
}

/// The scalar fields a target may not hold (names are written by the
/// target's name rule).
pub(crate) const SCALARS: &[&Field] = &[
    &EXTERNAL_ID,
    &LANGUAGE,
    &COUNTRY,
    &TIMEZONE,
    &GENDER,
    &BIRTHDATE,
    &AGE,
    &PLATFORM,
    &VIP,
    &PHOTO,
    &AUTH_KEY,
    &REGISTERED_AT,
    &ADDRESS,
    &CITY,
    &STATE,
    &POSTAL_CODE,
];

/// A contact built from values a provider's walk already checked.
#[derive(Debug)]
pub(crate) struct Assembly {
    contact: Contact,
    /// Where each identifier value is: a repeat is merged into the first.
    seen: ListIndex<IdentifierValue>,
    /// Where each tag is: a repeat is kept once.
    tags: ListIndex<String>,
}

impl Assembly {
    pub(crate) fn new() -> Self {
        Assembly {
            contact: Contact::empty(),
            seen: ListIndex::new(),
            tags: ListIndex::new(),
        }
    }

    /// The contact being built.
    pub(crate) fn contact_mut(&mut self) -> &mut Contact {
        &mut self.contact
    }

    /// Adds an identifier (merged into an equal one added before); its
    /// index in the contact.
    pub(crate) fn identifier(&mut self, id: Identifier) -> usize {
        let ids = &mut self.contact.identifiers;
        if let Some(first) = self.seen.find(ids, id.value(), Identifier::value) {
            ids[first].absorb(id);
            return first;
        }
        ids.push(id);
        self.seen.pushed(ids, Identifier::value);
        ids.len() - 1
    }

    /// The identifier added before with the same value as `id`, if any
    /// (`id` would be merged into it).
    pub(crate) fn same_as(&self, id: &Identifier) -> Option<&Identifier> {
        let ids = &self.contact.identifiers;
        ids.get(self.seen.find(ids, id.value(), Identifier::value)?)
    }

    /// Adds a tag: its index in the contact (the first, for a repeat), or
    /// `None` when the model refuses it (blank).
    pub(crate) fn tag(&mut self, tag: &str) -> Option<usize> {
        if trim(tag).is_empty() {
            return None;
        }
        let tags = &mut self.contact.tags;
        if let Some(first) = self.tags.find(tags, tag, String::as_str) {
            return Some(first);
        }
        tags.push(tag.to_owned());
        self.tags.pushed(tags, |t| t);
        Some(tags.len() - 1)
    }

    /// Adds a custom property the model accepted.
    pub(crate) fn property(&mut self, property: CustomProperty) {
        self.contact.custom_properties.push(property);
    }

    pub(crate) fn finish(self) -> Contact {
        self.contact
    }
}

#[cfg(test)]
mod tests {
    use super::Assembly;
    use crate::model::Identifier;

    #[test]
    fn repeats_are_found_before_and_after_the_index_is_built() {
        let mut a = Assembly::new();
        for round in 0..3 {
            for i in 0..40 {
                assert_eq!(a.tag(&format!("t{i}")), Some(i), "round {round}");
                let id = Identifier::email(&format!("u{i}@example.com")).unwrap();
                assert_eq!(a.identifier(id), i, "round {round}");
            }
        }
        assert_eq!(a.tag(" "), None);
        let contact = a.finish();
        assert_eq!(contact.tags().len(), 40);
        assert_eq!(contact.identifiers().len(), 40);
        assert_eq!(contact.identifiers()[39].as_str(), "u39@example.com");
    }
}
