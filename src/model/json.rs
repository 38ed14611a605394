//! serde for the model (its JSON shape is documented in the [model
//! docs](crate::model)) and for the names [`Provider`] and [`Operation`].
//!
//! Deserializing never builds an invalid value: a [`Contact`] is read as a
//! [`ContactBuilder`] (raw strings) and built, an [`Identifier`] as an
//! [`IdentifierBuilder`], a [`CustomProperty`] through
//! [`CustomProperty::new`]; the builder's [`Report`](crate::Report) becomes
//! the deserializer's error message.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::ser::{SerializeMap, SerializeSeq, Serializer};
use serde::{Deserialize, Serialize};

use crate::model::{
    Channel, ChannelState, ChannelStatus, Contact, ContactBuilder, CustomProperty, Identifier,
    IdentifierBuilder, Platform, PropertyValue,
};
use crate::providers::{Operation, Provider};
use crate::values::{CountryCode, Date, Gender, LanguageCode, TimeZone, Url, UtcDateTime};

/// Serializes a name type as its string and deserializes it through
/// `FromStr` (exact spelling).
macro_rules! by_name {
    ($ty:ty, $name:ident, $expecting:literal) => {
        impl Serialize for $ty {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.$name())
            }
        }

        impl<'de> Deserialize<'de> for $ty {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                struct V;
                impl Visitor<'_> for V {
                    type Value = $ty;
                    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                        f.write_str($expecting)
                    }
                    fn visit_str<E: de::Error>(self, s: &str) -> Result<$ty, E> {
                        s.parse().map_err(E::custom)
                    }
                }
                deserializer.deserialize_str(V)
            }
        }
    };
}

by_name!(Channel, as_str, "a channel name such as \"email\"");
by_name!(
    ChannelStatus,
    as_str,
    "\"subscribed\", \"unsubscribed\" or \"nonSubscribed\""
);
by_name!(Platform, name, "a platform name such as \"ios\"");
by_name!(Provider, as_str, "a provider name such as \"omnisend\"");
by_name!(Operation, as_str, "an operation name such as \"create\"");

/// A JSON object read in its own order, whatever the map type of the
/// deserializer (a repeated name is kept twice: the builder decides).
struct Ordered<V>(Vec<(String, V)>);

impl<V> Default for Ordered<V> {
    fn default() -> Self {
        Ordered(Vec::new())
    }
}

impl<'de, V: Deserialize<'de>> Deserialize<'de> for Ordered<V> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Vis<V>(PhantomData<V>);
        impl<'de, V: Deserialize<'de>> Visitor<'de> for Vis<V> {
            type Value = Ordered<V>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut out = Vec::new();
                while let Some(entry) = map.next_entry::<String, V>()? {
                    out.push(entry);
                }
                Ok(Ordered(out))
            }
        }
        deserializer.deserialize_map(Vis(PhantomData))
    }
}

/// Deserializes `T` (a derived struct) from an object only: derived
/// structs also accept an array of their fields, which the JSON shape does
/// not have (`[]` would be an empty contact).
fn from_object<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    deserializer: D,
) -> Result<T, D::Error> {
    struct Vis<T>(PhantomData<T>);
    impl<'de, T: Deserialize<'de>> Visitor<'de> for Vis<T> {
        type Value = T;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("an object")
        }
        fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
            T::deserialize(de::value::MapAccessDeserializer::new(map))
        }
    }
    deserializer.deserialize_map(Vis(PhantomData))
}

// --- channel states -------------------------------------------------------

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct StateOut<'a> {
    status: ChannelStatus,
    #[serde(skip_serializing_if = "Option::is_none")]
    status_date: Option<&'a UtcDateTime>,
}

impl Serialize for ChannelState {
    /// `{"status": "subscribed", "statusDate": "2024-05-01T10:00:00Z"}`,
    /// `statusDate` left out when unknown.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        StateOut {
            status: self.status(),
            status_date: self.date(),
        }
        .serialize(serializer)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct StateIn {
    status: ChannelStatus,
    #[serde(default)]
    status_date: Option<UtcDateTime>,
}

impl<'de> Deserialize<'de> for ChannelState {
    /// The serialized form; `statusDate` (any zone, stored in UTC) may be
    /// left out or `null`.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = from_object::<_, StateIn>(deserializer)?;
        Ok(ChannelState::new(s.status, s.status_date))
    }
}

// --- identifiers ------------------------------------------------------------

use crate::model::identifier::IdType;

/// The channels of an identifier, serialized as an object in their order.
struct ChannelsOut<'a>(&'a [(Channel, ChannelState)]);

impl Serialize for ChannelsOut<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (channel, state) in self.0 {
            map.serialize_entry(channel.as_str(), state)?;
        }
        map.end()
    }
}

#[derive(Serialize)]
struct IdentifierOut<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    id: &'a str,
    #[serde(skip_serializing_if = "channels_empty")]
    channels: ChannelsOut<'a>,
}

fn channels_empty(c: &ChannelsOut<'_>) -> bool {
    c.0.is_empty()
}

impl Serialize for Identifier {
    /// `{"type": "phone", "id": "+442079460018", "channels": {"sms":
    /// {"status": "subscribed"}}}`; `channels` left out when empty. The
    /// `type` is `email`, `phone`, `push_token`, `slack`, `ms_teams`,
    /// `inbox` or `webpush`.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        IdentifierOut {
            kind: IdType::of(self.kind()).name(),
            id: self.as_str(),
            channels: ChannelsOut(self.channels()),
        }
        .serialize(serializer)
    }
}

/// A channel state as raw strings, for the builder.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct RawStateFields {
    status: String,
    #[serde(default)]
    status_date: Option<String>,
}

/// A channel state as raw strings, read from an object only.
struct RawState(RawStateFields);

impl<'de> Deserialize<'de> for RawState {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        from_object(deserializer).map(RawState)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct IdentifierIn {
    #[serde(rename = "type")]
    kind: IdType,
    id: String,
    #[serde(default)]
    channels: Ordered<RawState>,
}

impl<'de> Deserialize<'de> for IdentifierBuilder {
    /// An identifier's JSON (see [`Identifier`]'s `Serialize`) as raw
    /// strings: nothing is checked until [`build`](IdentifierBuilder::build).
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = from_object::<_, IdentifierIn>(deserializer)?;
        let mut b = raw.kind.builder(raw.id);
        for (name, state) in raw.channels.0 {
            b = b.channel(name, state.0.status, state.0.status_date.as_deref());
        }
        Ok(b)
    }
}

impl<'de> Deserialize<'de> for Identifier {
    /// Through [`IdentifierBuilder::build`]: an invalid identifier is an
    /// error whose message is the builder's report.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        IdentifierBuilder::deserialize(deserializer)?
            .build()
            .map_err(de::Error::custom)
    }
}

// --- custom properties ------------------------------------------------------

/// `{"date": "YYYY-MM-DD"}`.
struct DateOut<'a>(&'a Date);

impl Serialize for DateOut<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(1))?;
        map.serialize_entry("date", self.0)?;
        map.end()
    }
}

impl Serialize for PropertyValue {
    /// A number, a boolean, a string, an array of strings, `null` for
    /// [`PropertyValue::Remove`] and `{"date": "YYYY-MM-DD"}` for a date
    /// (so that it reads back as a date, not a string).
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            PropertyValue::Number(n) => serializer.serialize_f64(*n),
            PropertyValue::Boolean(b) => serializer.serialize_bool(*b),
            PropertyValue::String(s) => serializer.serialize_str(s),
            PropertyValue::Date(d) => DateOut(d).serialize(serializer),
            PropertyValue::List(items) => {
                let mut seq = serializer.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(item)?;
                }
                seq.end()
            }
            PropertyValue::Remove => serializer.serialize_unit(),
        }
    }
}

impl<'de> Deserialize<'de> for PropertyValue {
    /// The serialized form, read as
    /// `PropertyValue::try_from(&Value)`
    /// reads a JSON value.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = serde_json::Value::deserialize(deserializer)?;
        PropertyValue::try_from(value).map_err(de::Error::custom)
    }
}

#[derive(Serialize)]
struct PropertyOut<'a> {
    name: &'a str,
    value: &'a PropertyValue,
}

impl Serialize for CustomProperty {
    /// `{"name": "shoe_size", "value": 38.0}` (a contact writes its
    /// properties as one object instead: `{"shoe_size": 38.0}`).
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        PropertyOut {
            name: self.name(),
            value: self.value(),
        }
        .serialize(serializer)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PropertyIn {
    name: String,
    value: PropertyValue,
}

impl<'de> Deserialize<'de> for CustomProperty {
    /// Through [`CustomProperty::new`]: an invalid name is an error.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let p = from_object::<_, PropertyIn>(deserializer)?;
        CustomProperty::new(p.name, p.value).map_err(de::Error::custom)
    }
}

/// A contact's custom properties as one object, in their order.
struct PropertiesOut<'a>(&'a [CustomProperty]);

impl Serialize for PropertiesOut<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for p in self.0 {
            map.serialize_entry(p.name(), p.value())?;
        }
        map.end()
    }
}

// --- contacts ---------------------------------------------------------------

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ContactOut<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    external_id: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    first_name: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    last_name: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    display_name: Option<&'a str>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    identifiers: &'a [Identifier],
    #[serde(skip_serializing_if = "Option::is_none")]
    language: Option<&'a LanguageCode>,
    #[serde(skip_serializing_if = "Option::is_none")]
    country: Option<&'a CountryCode>,
    #[serde(skip_serializing_if = "Option::is_none")]
    timezone: Option<&'a TimeZone>,
    #[serde(skip_serializing_if = "Option::is_none")]
    gender: Option<Gender>,
    #[serde(skip_serializing_if = "Option::is_none")]
    birthdate: Option<&'a Date>,
    #[serde(skip_serializing_if = "Option::is_none")]
    age: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    platform: Option<Platform>,
    #[serde(skip_serializing_if = "Option::is_none")]
    vip: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    photo: Option<&'a Url>,
    #[serde(skip_serializing_if = "Option::is_none")]
    auth_key: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    registered_at: Option<&'a UtcDateTime>,
    #[serde(skip_serializing_if = "Option::is_none")]
    address: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    city: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    state: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    postal_code: Option<&'a str>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    tags: &'a [String],
    #[serde(skip_serializing_if = "properties_empty")]
    custom_properties: PropertiesOut<'a>,
}

fn properties_empty(p: &PropertiesOut<'_>) -> bool {
    p.0.is_empty()
}

impl Serialize for Contact {
    /// The contact's JSON shape (see the [model docs](crate::model)):
    /// camelCase members, unset ones left out.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        ContactOut {
            external_id: self.external_id(),
            first_name: self.first_name(),
            last_name: self.last_name(),
            display_name: self.display_name(),
            identifiers: self.identifiers(),
            language: self.language(),
            country: self.country(),
            timezone: self.timezone(),
            gender: self.gender(),
            birthdate: self.birthdate(),
            age: self.age(),
            platform: self.platform(),
            vip: self.vip(),
            photo: self.photo(),
            auth_key: self.auth_key(),
            registered_at: self.registered_at(),
            address: self.address(),
            city: self.city(),
            state: self.state(),
            postal_code: self.postal_code(),
            tags: self.tags(),
            custom_properties: PropertiesOut(self.custom_properties()),
        }
        .serialize(serializer)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct ContactIn {
    #[serde(default)]
    external_id: Option<String>,
    #[serde(default)]
    first_name: Option<String>,
    #[serde(default)]
    last_name: Option<String>,
    #[serde(default)]
    display_name: Option<String>,
    #[serde(default)]
    identifiers: Vec<IdentifierBuilder>,
    #[serde(default)]
    language: Option<String>,
    #[serde(default)]
    country: Option<String>,
    #[serde(default)]
    timezone: Option<String>,
    #[serde(default)]
    gender: Option<String>,
    #[serde(default)]
    birthdate: Option<String>,
    #[serde(default)]
    age: Option<i64>,
    #[serde(default)]
    platform: Option<String>,
    #[serde(default)]
    vip: Option<bool>,
    #[serde(default)]
    photo: Option<String>,
    #[serde(default)]
    auth_key: Option<String>,
    #[serde(default)]
    registered_at: Option<String>,
    #[serde(default)]
    address: Option<String>,
    #[serde(default)]
    city: Option<String>,
    #[serde(default)]
    state: Option<String>,
    #[serde(default)]
    postal_code: Option<String>,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default)]
    custom_properties: Ordered<PropertyValue>,
}

impl<'de> Deserialize<'de> for ContactBuilder {
    /// A contact's JSON (see the [model docs](crate::model)) as raw input:
    /// only JSON types are checked here (a string where a string goes,
    /// no unknown member); the values are checked by
    /// [`build`](ContactBuilder::build), whose [`Report`](crate::Report)
    /// has every violation with its path.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let r = from_object::<_, ContactIn>(deserializer)?;
        let mut b = Contact::builder();
        macro_rules! set {
            ($($field:ident),*) => {$(
                if let Some(v) = r.$field {
                    b = b.$field(v);
                }
            )*};
        }
        set!(
            external_id,
            first_name,
            last_name,
            display_name,
            language,
            country,
            timezone,
            gender,
            birthdate,
            age,
            platform,
            vip,
            photo,
            auth_key,
            registered_at,
            address,
            city,
            state,
            postal_code
        );
        for id in r.identifiers {
            b = b.identifier(id);
        }
        b = b.tags(r.tags);
        for (name, value) in r.custom_properties.0 {
            b = b.property(name, value);
        }
        Ok(b)
    }
}

impl<'de> Deserialize<'de> for Contact {
    /// Through [`ContactBuilder::build`]: an invalid contact is an error
    /// whose message is the builder's report (deserialize a
    /// [`ContactBuilder`] to get the [`Report`](crate::Report) itself).
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        ContactBuilder::deserialize(deserializer)?
            .build()
            .map_err(de::Error::custom)
    }
}
