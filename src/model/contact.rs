//! The canonical [`Contact`] and its [`ContactBuilder`].
//!
//! ```
//! use omnicontact::Contact;
//! use omnicontact::model::PropertyValue;
//!
//! # #[cfg(all(feature = "phone", feature = "tz"))] {
//! let contact = Contact::builder()
//!     .external_id("crm-42")
//!     .first_name("Jane")
//!     .email("Jane@Example.COM")
//!     .country("usa")
//!     .phone("(415) 555-2671") // national: read in the contact's country
//!     .timezone("america/new_york")
//!     .tags(["vip", "source: crm", "vip"])
//!     .property("shoe_size", 38)
//!     .build()?;
//! assert_eq!(contact.country().unwrap().as_str(), "US");
//! assert_eq!(contact.phone().unwrap().as_str(), "+14155552671");
//! assert_eq!(contact.timezone().unwrap().as_str(), "America/New_York");
//! assert_eq!(contact.tags(), ["vip", "source: crm"]);
//! assert_eq!(contact.custom_property("shoe_size"), Some(&PropertyValue::Number(38.0)));
//! # }
//! # Ok::<(), omnicontact::Report>(())
//! ```

use serde_json::Value;
use std::collections::HashMap;
use std::str::FromStr;

use crate::model::identifier::{Identifier, IdentifierBuilder};
use crate::model::property::{CustomProperty, PropertyValue};
use crate::model::{Collector, IdentifierValue};
use crate::report::Report;
use crate::rules::{self, RuleInfo};
use crate::values::{
    CountryCode, Date, Email, Gender, LanguageCode, Phone, TimeZone, Url, UtcDateTime, trim,
};

/// The oldest age accepted, as Sendios's `age` (`0..=150`).
///
/// ```
/// use omnicontact::{Contact, model::MAX_AGE};
/// assert!(Contact::builder().age(i64::from(MAX_AGE)).build().is_ok());
/// assert!(Contact::builder().age(i64::from(MAX_AGE) + 1).build().is_err());
/// ```
pub const MAX_AGE: u8 = 150;

/// The platform a contact uses, as Sendios's `platform` codes `0` to `4`.
///
/// ```
/// use omnicontact::model::Platform;
///
/// assert_eq!("3".parse::<Platform>()?, Platform::Android);
/// assert_eq!("ios".parse::<Platform>()?.code(), "4");
/// # Ok::<(), omnicontact::model::UnknownPlatform>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Platform {
    /// `0`: unknown.
    Unknown,
    /// `1`: desktop.
    Desktop,
    /// `2`: mobile browser.
    MobileBrowser,
    /// `3`: Android app.
    Android,
    /// `4`: iOS app.
    Ios,
}

impl Platform {
    const ALL: [Platform; 5] = [
        Platform::Unknown,
        Platform::Desktop,
        Platform::MobileBrowser,
        Platform::Android,
        Platform::Ios,
    ];

    /// The Sendios code, `"0"` to `"4"`.
    ///
    /// ```
    /// assert_eq!(omnicontact::model::Platform::Desktop.code(), "1");
    /// ```
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Platform::Unknown => "0",
            Platform::Desktop => "1",
            Platform::MobileBrowser => "2",
            Platform::Android => "3",
            Platform::Ios => "4",
        }
    }

    /// The name: `unknown`, `desktop`, `mobile_browser`, `android` or `ios`.
    ///
    /// ```
    /// assert_eq!(omnicontact::model::Platform::MobileBrowser.name(), "mobile_browser");
    /// ```
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Platform::Unknown => "unknown",
            Platform::Desktop => "desktop",
            Platform::MobileBrowser => "mobile_browser",
            Platform::Android => "android",
            Platform::Ios => "ios",
        }
    }
}

crate::values::display_as!(
    /// The name.
    Platform,
    name
);

/// A string that is not a [`Platform`] code or name.
///
/// ```
/// let e = "5".parse::<omnicontact::model::Platform>().unwrap_err();
/// assert_eq!(e.to_string(), "unknown platform '5'; expected a code 0-4 or unknown, desktop, mobile_browser, android, ios");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown platform '{0}'; expected a code 0-4 or unknown, desktop, mobile_browser, android, ios"
)]
pub struct UnknownPlatform(String);

impl FromStr for Platform {
    type Err = UnknownPlatform;

    /// A code `0`–`4` or a name, any case, trimmed.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let t = trim(s);
        Platform::ALL
            .into_iter()
            .find(|p| p.code() == t || p.name().eq_ignore_ascii_case(t))
            .ok_or_else(|| UnknownPlatform(s.to_owned()))
    }
}

/// A validated, normalized contact, independent of any provider.
///
/// Build one with [`Contact::builder`]; every field holds a validated value
/// type or a plain string, so a `Contact` is always valid. Identifiers are
/// unique by value, tags unique (first occurrence kept, in order), custom
/// properties unique by name (in the order first set).
///
/// ```
/// use omnicontact::Contact;
///
/// let c = Contact::builder().email("Jane@Example.COM").phone("+1 415 555 2671").language("EN").build()?;
/// assert_eq!(c.identifiers().len(), 2);
/// assert_eq!(c.email().unwrap().as_str(), "Jane@example.com");
/// # Ok::<(), omnicontact::Report>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Contact {
    pub(super) external_id: Option<String>,
    pub(super) first_name: Option<String>,
    pub(super) last_name: Option<String>,
    pub(super) display_name: Option<String>,
    pub(super) identifiers: Vec<Identifier>,
    pub(super) language: Option<LanguageCode>,
    pub(super) country: Option<CountryCode>,
    pub(super) timezone: Option<TimeZone>,
    pub(super) gender: Option<Gender>,
    pub(super) birthdate: Option<Date>,
    pub(super) age: Option<u8>,
    pub(super) platform: Option<Platform>,
    pub(super) vip: Option<bool>,
    pub(super) photo: Option<Url>,
    pub(super) auth_key: Option<String>,
    pub(super) registered_at: Option<UtcDateTime>,
    pub(super) address: Option<String>,
    pub(super) city: Option<String>,
    pub(super) state: Option<String>,
    pub(super) postal_code: Option<String>,
    pub(super) tags: Vec<String>,
    pub(super) custom_properties: Vec<CustomProperty>,
}

const _: () = {
    const fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Contact>();
    assert_send_sync::<ContactBuilder>();
    assert_send_sync::<Identifier>();
};

/// Getters returning an optional string field.
macro_rules! str_getters {
    ($( $(#[$doc:meta])* $name:ident; )*) => {
        $(
            $(#[$doc])*
            #[must_use]
            pub fn $name(&self) -> Option<&str> {
                self.$name.as_deref()
            }
        )*
    };
}

impl Contact {
    /// A builder taking raw strings; see [`ContactBuilder`].
    ///
    /// ```
    /// let c = omnicontact::Contact::builder().first_name("Jo").build()?;
    /// assert_eq!(c.first_name(), Some("Jo"));
    /// # Ok::<(), omnicontact::Report>(())
    /// ```
    pub fn builder() -> ContactBuilder {
        ContactBuilder::default()
    }

    /// A contact with no field set.
    pub(crate) fn empty() -> Contact {
        Contact {
            external_id: None,
            first_name: None,
            last_name: None,
            display_name: None,
            identifiers: Vec::new(),
            language: None,
            country: None,
            timezone: None,
            gender: None,
            birthdate: None,
            age: None,
            platform: None,
            vip: None,
            photo: None,
            auth_key: None,
            registered_at: None,
            address: None,
            city: None,
            state: None,
            postal_code: None,
            tags: Vec::new(),
            custom_properties: Vec::new(),
        }
    }

    str_getters! {
        /// Your system's id for the contact.
        ///
        /// ```
        /// let c = omnicontact::Contact::builder().external_id("u-1").build()?;
        /// assert_eq!(c.external_id(), Some("u-1"));
        /// # Ok::<(), omnicontact::Report>(())
        /// ```
        external_id;
        /// First name, as given.
        ///
        /// ```
        /// let c = omnicontact::Contact::builder().first_name("Jane").build()?;
        /// assert_eq!(c.first_name(), Some("Jane"));
        /// # Ok::<(), omnicontact::Report>(())
        /// ```
        first_name;
        /// Last name, as given.
        ///
        /// ```
        /// let c = omnicontact::Contact::builder().last_name("Doe").build()?;
        /// assert_eq!(c.last_name(), Some("Doe"));
        /// # Ok::<(), omnicontact::Report>(())
        /// ```
        last_name;
        /// Display (full) name, as given.
        ///
        /// ```
        /// let c = omnicontact::Contact::builder().display_name("Jane Doe").build()?;
        /// assert_eq!(c.display_name(), Some("Jane Doe"));
        /// # Ok::<(), omnicontact::Report>(())
        /// ```
        display_name;
        /// Authentication key, as given.
        ///
        /// ```
        /// let c = omnicontact::Contact::builder().auth_key("k").build()?;
        /// assert_eq!(c.auth_key(), Some("k"));
        /// # Ok::<(), omnicontact::Report>(())
        /// ```
        auth_key;
        /// Street, house number, apartment, as given.
        ///
        /// ```
        /// let c = omnicontact::Contact::builder().address("1 Main St").build()?;
        /// assert_eq!(c.address(), Some("1 Main St"));
        /// # Ok::<(), omnicontact::Report>(())
        /// ```
        address;
        /// City, as given.
        ///
        /// ```
        /// let c = omnicontact::Contact::builder().city("Vilnius").build()?;
        /// assert_eq!(c.city(), Some("Vilnius"));
        /// # Ok::<(), omnicontact::Report>(())
        /// ```
        city;
        /// State or region, as given.
        ///
        /// ```
        /// let c = omnicontact::Contact::builder().state("CA").build()?;
        /// assert_eq!(c.state(), Some("CA"));
        /// # Ok::<(), omnicontact::Report>(())
        /// ```
        state;
        /// Postal or zip code, as given.
        ///
        /// ```
        /// let c = omnicontact::Contact::builder().postal_code("94103").build()?;
        /// assert_eq!(c.postal_code(), Some("94103"));
        /// # Ok::<(), omnicontact::Report>(())
        /// ```
        postal_code;
    }

    /// Every identifier: the builder's `email`, then its `phone`, then its
    /// `identifier`s in call order, duplicates merged into the first.
    ///
    /// ```
    /// use omnicontact::{Contact, model::Identifier};
    /// let c = Contact::builder()
    ///     .identifier(Identifier::slack("U1")?)
    ///     .email("a@b.example")
    ///     .identifier(Identifier::email("a@B.example")?) // same as `email`: merged
    ///     .build()?;
    /// let ids: Vec<_> = c.identifiers().iter().map(ToString::to_string).collect();
    /// assert_eq!(ids, ["email:a@b.example", "slack:U1"]);
    /// # Ok::<(), omnicontact::Report>(())
    /// ```
    #[must_use]
    pub fn identifiers(&self) -> &[Identifier] {
        &self.identifiers
    }

    /// The identifiers, mutably (to apply channel status updates; their
    /// values cannot change).
    ///
    /// ```
    /// use omnicontact::{Contact, model::{Channel, ChannelState, ChannelStatus}};
    /// let mut c = Contact::builder().email("a@b.example").build()?;
    /// let state = ChannelState::new(ChannelStatus::Subscribed, None);
    /// assert_eq!(c.identifiers_mut()[0].apply_status(Channel::Email, state), Ok(true));
    /// # Ok::<(), omnicontact::Report>(())
    /// ```
    #[must_use]
    pub fn identifiers_mut(&mut self) -> &mut [Identifier] {
        &mut self.identifiers
    }

    /// The identifier whose normalized value is `value`.
    ///
    /// ```
    /// use omnicontact::{Contact, model::{Channel, ChannelState, ChannelStatus}};
    /// let mut c = Contact::builder().phone("+14155552671").build()?;
    /// let id = c.identifier_mut("+14155552671").unwrap();
    /// id.apply_status(Channel::Sms, ChannelState::new(ChannelStatus::Unsubscribed, None)).unwrap();
    /// assert!(c.identifier_mut("+1 415 555 2671").is_none()); // not normalized
    /// # Ok::<(), omnicontact::Report>(())
    /// ```
    #[must_use]
    pub fn identifier_mut(&mut self, value: &str) -> Option<&mut Identifier> {
        self.identifiers.iter_mut().find(|i| i.as_str() == value)
    }

    /// The first email identifier's address.
    ///
    /// ```
    /// let c = omnicontact::Contact::builder().email("x@Y.example").build()?;
    /// assert_eq!(c.email().unwrap().as_str(), "x@y.example");
    /// # Ok::<(), omnicontact::Report>(())
    /// ```
    #[must_use]
    pub fn email(&self) -> Option<&Email> {
        self.identifiers.iter().find_map(|i| match i.value() {
            IdentifierValue::Email(e) => Some(e),
            _ => None,
        })
    }

    /// The first phone identifier's number.
    ///
    /// ```
    /// let c = omnicontact::Contact::builder().phone("+44 20 7946 0018").build()?;
    /// assert_eq!(c.phone().unwrap().as_str(), "+442079460018");
    /// # Ok::<(), omnicontact::Report>(())
    /// ```
    #[must_use]
    pub fn phone(&self) -> Option<&Phone> {
        self.identifiers.iter().find_map(|i| match i.value() {
            IdentifierValue::Phone(p) => Some(p),
            _ => None,
        })
    }

    /// Language.
    ///
    /// ```
    /// let c = omnicontact::Contact::builder().language("UK").build()?;
    /// assert_eq!(c.language().unwrap().as_str(), "uk");
    /// # Ok::<(), omnicontact::Report>(())
    /// ```
    #[must_use]
    pub fn language(&self) -> Option<&LanguageCode> {
        self.language.as_ref()
    }

    /// Country, always alpha-2.
    ///
    /// ```
    /// let c = omnicontact::Contact::builder().country("ltu").build()?;
    /// assert_eq!(c.country().unwrap().as_str(), "LT");
    /// # Ok::<(), omnicontact::Report>(())
    /// ```
    #[must_use]
    pub fn country(&self) -> Option<&CountryCode> {
        self.country.as_ref()
    }

    /// Time zone.
    ///
    /// ```
    /// let c = omnicontact::Contact::builder().timezone("Europe/Vilnius").build()?;
    /// assert_eq!(c.timezone().unwrap().as_str(), "Europe/Vilnius");
    /// # Ok::<(), omnicontact::Report>(())
    /// ```
    #[must_use]
    pub fn timezone(&self) -> Option<&TimeZone> {
        self.timezone.as_ref()
    }

    /// Gender.
    ///
    /// ```
    /// use omnicontact::{Contact, Gender};
    /// let c = Contact::builder().gender("Female").build()?;
    /// assert_eq!(c.gender(), Some(Gender::Female));
    /// # Ok::<(), omnicontact::Report>(())
    /// ```
    #[must_use]
    pub fn gender(&self) -> Option<Gender> {
        self.gender
    }

    /// Birth date.
    ///
    /// ```
    /// let c = omnicontact::Contact::builder().birthdate("1990-02-28").build()?;
    /// assert_eq!(c.birthdate().unwrap().year(), 1990);
    /// # Ok::<(), omnicontact::Report>(())
    /// ```
    #[must_use]
    pub fn birthdate(&self) -> Option<&Date> {
        self.birthdate.as_ref()
    }

    /// Age in years, `0..=150`.
    ///
    /// ```
    /// let c = omnicontact::Contact::builder().age(33).build()?;
    /// assert_eq!(c.age(), Some(33));
    /// # Ok::<(), omnicontact::Report>(())
    /// ```
    #[must_use]
    pub fn age(&self) -> Option<u8> {
        self.age
    }

    /// Platform.
    ///
    /// ```
    /// use omnicontact::{Contact, model::Platform};
    /// let c = Contact::builder().platform("4").build()?;
    /// assert_eq!(c.platform(), Some(Platform::Ios));
    /// # Ok::<(), omnicontact::Report>(())
    /// ```
    #[must_use]
    pub fn platform(&self) -> Option<Platform> {
        self.platform
    }

    /// Whether the contact is a VIP.
    ///
    /// ```
    /// let c = omnicontact::Contact::builder().vip(true).build()?;
    /// assert_eq!(c.vip(), Some(true));
    /// # Ok::<(), omnicontact::Report>(())
    /// ```
    #[must_use]
    pub fn vip(&self) -> Option<bool> {
        self.vip
    }

    /// Photo URL.
    ///
    /// ```
    /// let c = omnicontact::Contact::builder().photo("https://example.com/a.jpg").build()?;
    /// assert_eq!(c.photo().unwrap().as_str(), "https://example.com/a.jpg");
    /// # Ok::<(), omnicontact::Report>(())
    /// ```
    #[must_use]
    pub fn photo(&self) -> Option<&Url> {
        self.photo.as_ref()
    }

    /// Registration (creation) time, UTC.
    ///
    /// ```
    /// let c = omnicontact::Contact::builder().registered_at("2023-04-25T14:55:38+02:00").build()?;
    /// assert_eq!(c.registered_at().unwrap().as_str(), "2023-04-25T12:55:38Z");
    /// # Ok::<(), omnicontact::Report>(())
    /// ```
    #[must_use]
    pub fn registered_at(&self) -> Option<&UtcDateTime> {
        self.registered_at.as_ref()
    }

    /// Tags, unique, in the order first given.
    ///
    /// ```
    /// let c = omnicontact::Contact::builder().tag("b").tag("a").tag("b").build()?;
    /// assert_eq!(c.tags(), ["b", "a"]);
    /// # Ok::<(), omnicontact::Report>(())
    /// ```
    #[must_use]
    pub fn tags(&self) -> &[String] {
        &self.tags
    }

    /// Custom properties, unique by name, in the order first set.
    ///
    /// ```
    /// let c = omnicontact::Contact::builder().property("a", 1).property("b", true).build()?;
    /// let names: Vec<_> = c.custom_properties().iter().map(|p| p.name()).collect();
    /// assert_eq!(names, ["a", "b"]);
    /// # Ok::<(), omnicontact::Report>(())
    /// ```
    #[must_use]
    pub fn custom_properties(&self) -> &[CustomProperty] {
        &self.custom_properties
    }

    /// The value of one custom property.
    ///
    /// ```
    /// use omnicontact::model::PropertyValue;
    /// let c = omnicontact::Contact::builder().property("gone", "").build()?;
    /// assert_eq!(c.custom_property("gone"), Some(&PropertyValue::Remove));
    /// assert_eq!(c.custom_property("other"), None);
    /// # Ok::<(), omnicontact::Report>(())
    /// ```
    #[must_use]
    pub fn custom_property(&self, name: &str) -> Option<&PropertyValue> {
        self.custom_properties
            .iter()
            .find(|p| p.name() == name)
            .map(CustomProperty::value)
    }
}

/// Builds a [`Contact`] from raw input, collecting every violation.
///
/// Setters store raw input; [`build`](Self::build) validates and normalizes
/// everything at once, as the value types do, and returns either a valid
/// [`Contact`] or a [`Report`] with *every* violation (rule ids and paths:
/// see the [model docs](crate::model)). A setter called twice keeps the last
/// value, except [`identifier`](Self::identifier), [`tag`](Self::tag) and
/// [`property`](Self::property), which add. Plain strings (names, address
/// fields, external id, auth key) are kept exactly as given.
///
/// ```
/// use omnicontact::Contact;
///
/// let report = Contact::builder()
///     .email("jane@example")
///     .country("UK")
///     .gender("x")
///     .age(200)
///     .tags(["ok", " "])
///     .property("hair color", "red")
///     .build()
///     .unwrap_err();
/// let found: Vec<_> = report.violations().iter().map(|v| (v.rule(), v.path())).collect();
/// assert_eq!(found, [
///     ("contact.email.format", "/email"),
///     ("contact.country.format", "/country"),
///     ("contact.gender.enum", "/gender"),
///     ("contact.age.range", "/age"),
///     ("contact.tags.format", "/tags/1"),
///     ("contact.custom_properties.name.format", "/customProperties/hair color"),
/// ]);
/// assert_eq!(report.violations()[1].suggestion(), Some("GB"));
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
#[must_use]
pub struct ContactBuilder {
    external_id: Option<String>,
    first_name: Option<String>,
    last_name: Option<String>,
    display_name: Option<String>,
    email: Option<String>,
    phone: Option<String>,
    identifiers: Vec<IdentifierBuilder>,
    language: Option<String>,
    country: Option<String>,
    timezone: Option<String>,
    gender: Option<String>,
    birthdate: Option<String>,
    age: Option<i64>,
    platform: Option<String>,
    vip: Option<bool>,
    photo: Option<String>,
    auth_key: Option<String>,
    registered_at: Option<String>,
    address: Option<String>,
    city: Option<String>,
    state: Option<String>,
    postal_code: Option<String>,
    tags: Vec<String>,
    properties: Vec<(String, PropertyValue)>,
}

/// Setters storing a raw string.
macro_rules! setters {
    ($( $(#[$doc:meta])* $name:ident; )*) => {
        $(
            $(#[$doc])*
            pub fn $name(mut self, value: impl Into<String>) -> Self {
                self.$name = Some(value.into());
                self
            }
        )*
    };
}

impl ContactBuilder {
    setters! {
        /// Your system's id for the contact (kept as given).
        ///
        /// ```
        /// let c = omnicontact::Contact::builder().external_id(" 7 ").build()?;
        /// assert_eq!(c.external_id(), Some(" 7 "));
        /// # Ok::<(), omnicontact::Report>(())
        /// ```
        external_id;
        /// First name (kept as given).
        ///
        /// ```
        /// let c = omnicontact::Contact::builder().first_name("Ona").build()?;
        /// assert_eq!(c.first_name(), Some("Ona"));
        /// # Ok::<(), omnicontact::Report>(())
        /// ```
        first_name;
        /// Last name (kept as given).
        ///
        /// ```
        /// let c = omnicontact::Contact::builder().last_name("Ši").build()?;
        /// assert_eq!(c.last_name(), Some("Ši"));
        /// # Ok::<(), omnicontact::Report>(())
        /// ```
        last_name;
        /// Display name (kept as given).
        ///
        /// ```
        /// let c = omnicontact::Contact::builder().display_name("J. D.").build()?;
        /// assert_eq!(c.display_name(), Some("J. D."));
        /// # Ok::<(), omnicontact::Report>(())
        /// ```
        display_name;
        /// The contact's email address, an email identifier (path `/email`,
        /// rule `contact.email.format`); domain lowercased.
        ///
        /// ```
        /// let c = omnicontact::Contact::builder().email(" Jane@Example.COM ").build()?;
        /// assert_eq!(c.email().unwrap().as_str(), "Jane@example.com");
        /// # Ok::<(), omnicontact::Report>(())
        /// ```
        email;
        /// The contact's phone number, a phone identifier (path `/phone`,
        /// rule `contact.phone.format`), normalized to E.164; a national
        /// number is read in the contact's [`country`](Self::country).
        ///
        /// ```
        /// let c = omnicontact::Contact::builder().phone("+1 415 555 2671").build()?;
        /// assert_eq!(c.phone().unwrap().as_str(), "+14155552671");
        /// let r = omnicontact::Contact::builder().phone("415 555 2671").build().unwrap_err();
        /// assert_eq!(r.violations()[0].rule(), "contact.phone.format");
        /// # Ok::<(), omnicontact::Report>(())
        /// ```
        phone;
        /// ISO 639-1 language code, case-insensitive (`EN` → `en`). A longer
        /// tag (`en-US`) is an error whose suggestion is its language code.
        ///
        /// ```
        /// let c = omnicontact::Contact::builder().language("EN").build()?;
        /// assert_eq!(c.language().unwrap().as_str(), "en");
        /// let r = omnicontact::Contact::builder().language("pt_BR").build().unwrap_err();
        /// assert_eq!(r.violations()[0].suggestion(), Some("pt"));
        /// # Ok::<(), omnicontact::Report>(())
        /// ```
        language;
        /// ISO 3166-1 alpha-2 or alpha-3 code, case-insensitive, stored as
        /// alpha-2; also the region national phone numbers are read in.
        ///
        /// ```
        /// let c = omnicontact::Contact::builder().country("deu").build()?;
        /// assert_eq!(c.country().unwrap().as_str(), "DE");
        /// # Ok::<(), omnicontact::Report>(())
        /// ```
        country;
        /// IANA time zone name, matched case-insensitively.
        ///
        /// ```
        /// let c = omnicontact::Contact::builder().timezone("US/Eastern").build()?;
        /// assert_eq!(c.timezone().unwrap().as_str(), "US/Eastern");
        /// # Ok::<(), omnicontact::Report>(())
        /// ```
        timezone;
        /// `m`, `f`, `male` or `female`, any case.
        ///
        /// ```
        /// let c = omnicontact::Contact::builder().gender("M").build()?;
        /// assert_eq!(c.gender().unwrap().as_str(), "m");
        /// # Ok::<(), omnicontact::Report>(())
        /// ```
        gender;
        /// Birth date, `YYYY-MM-DD`, a real calendar date.
        ///
        /// ```
        /// let r = omnicontact::Contact::builder().birthdate("1990-02-30").build().unwrap_err();
        /// assert_eq!(r.violations()[0].rule(), "contact.birthdate.format");
        /// ```
        birthdate;
        /// Platform: a Sendios code `0`–`4` or a name (`desktop`, `ios`, …).
        ///
        /// ```
        /// use omnicontact::model::Platform;
        /// let c = omnicontact::Contact::builder().platform("Android").build()?;
        /// assert_eq!(c.platform(), Some(Platform::Android));
        /// # Ok::<(), omnicontact::Report>(())
        /// ```
        platform;
        /// Photo: an absolute `http(s)` URL.
        ///
        /// ```
        /// let r = omnicontact::Contact::builder().photo("ftp://x.example/a.png").build().unwrap_err();
        /// assert_eq!(r.violations()[0].rule(), "contact.photo.format");
        /// ```
        photo;
        /// Authentication key (kept as given).
        ///
        /// ```
        /// let c = omnicontact::Contact::builder().auth_key("secret").build()?;
        /// assert_eq!(c.auth_key(), Some("secret"));
        /// # Ok::<(), omnicontact::Report>(())
        /// ```
        auth_key;
        /// Registration time: ISO 8601 with a zone, stored in UTC (path
        /// `/registeredAt`).
        ///
        /// ```
        /// let c = omnicontact::Contact::builder().registered_at("2017-05-30T14:11:12Z").build()?;
        /// assert_eq!(c.registered_at().unwrap().as_str(), "2017-05-30T14:11:12Z");
        /// # Ok::<(), omnicontact::Report>(())
        /// ```
        registered_at;
        /// Street, house number, apartment (kept as given).
        ///
        /// ```
        /// let c = omnicontact::Contact::builder().address("Gedimino pr. 1").build()?;
        /// assert_eq!(c.address(), Some("Gedimino pr. 1"));
        /// # Ok::<(), omnicontact::Report>(())
        /// ```
        address;
        /// City (kept as given).
        ///
        /// ```
        /// let c = omnicontact::Contact::builder().city("Kaunas").build()?;
        /// assert_eq!(c.city(), Some("Kaunas"));
        /// # Ok::<(), omnicontact::Report>(())
        /// ```
        city;
        /// State (kept as given).
        ///
        /// ```
        /// let c = omnicontact::Contact::builder().state("NY").build()?;
        /// assert_eq!(c.state(), Some("NY"));
        /// # Ok::<(), omnicontact::Report>(())
        /// ```
        state;
        /// Postal code (kept as given).
        ///
        /// ```
        /// let c = omnicontact::Contact::builder().postal_code("LT-01103").build()?;
        /// assert_eq!(c.postal_code(), Some("LT-01103"));
        /// # Ok::<(), omnicontact::Report>(())
        /// ```
        postal_code;
    }

    /// Age in years; outside `0..=150` is a `contact.age.range` error.
    ///
    /// ```
    /// let r = omnicontact::Contact::builder().age(-1).build().unwrap_err();
    /// assert_eq!(r.violations()[0].message(), "-1 is outside 0..=150");
    /// ```
    pub fn age(mut self, age: i64) -> Self {
        self.age = Some(age);
        self
    }

    /// Whether the contact is a VIP.
    ///
    /// ```
    /// let c = omnicontact::Contact::builder().vip(false).build()?;
    /// assert_eq!(c.vip(), Some(false));
    /// # Ok::<(), omnicontact::Report>(())
    /// ```
    pub fn vip(mut self, vip: bool) -> Self {
        self.vip = Some(vip);
        self
    }

    /// Adds an identifier: an [`IdentifierBuilder`] (checked at
    /// [`build`](Self::build), paths under `/identifiers/<n>` where `n`
    /// counts `identifier` calls from 0) or an already built [`Identifier`].
    /// A phone number without `+` is read in the contact's country unless
    /// the identifier has its own region.
    ///
    /// ```
    /// use omnicontact::{Contact, model::Identifier};
    /// let r = Contact::builder()
    ///     .identifier(Identifier::builder().email("ok@example.com"))
    ///     .identifier(Identifier::builder().phone("12"))
    ///     .build()
    ///     .unwrap_err();
    /// assert_eq!(r.violations()[0].rule(), "contact.identifiers.id.format");
    /// assert_eq!(r.violations()[0].path(), "/identifiers/1/id");
    /// ```
    pub fn identifier(mut self, identifier: impl Into<IdentifierBuilder>) -> Self {
        self.identifiers.push(identifier.into());
        self
    }

    /// Adds a tag. A tag that is empty or only whitespace is an
    /// `contact.tags.format` error at `/tags/<n>` (`n` counts tags added
    /// from 0); duplicates are dropped, the first kept.
    ///
    /// ```
    /// let c = omnicontact::Contact::builder().tag("source: crm").build()?;
    /// assert_eq!(c.tags(), ["source: crm"]);
    /// # Ok::<(), omnicontact::Report>(())
    /// ```
    pub fn tag(mut self, tag: impl Into<String>) -> Self {
        self.tags.push(tag.into());
        self
    }

    /// Adds several tags (see [`tag`](Self::tag)).
    ///
    /// ```
    /// let c = omnicontact::Contact::builder().tags(["a", "b", "a"]).build()?;
    /// assert_eq!(c.tags(), ["a", "b"]);
    /// # Ok::<(), omnicontact::Report>(())
    /// ```
    pub fn tags<I, S>(mut self, tags: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.tags.extend(tags.into_iter().map(Into::into));
        self
    }

    /// Sets a custom property (checked as [`CustomProperty::new`] does, at
    /// `/customProperties/<name>`); setting a name again replaces its value
    /// in place.
    ///
    /// ```
    /// use omnicontact::model::PropertyValue;
    /// let c = omnicontact::Contact::builder().property("n", 1).property("n", "x").build()?;
    /// assert_eq!(c.custom_property("n"), Some(&PropertyValue::String("x".into())));
    /// # Ok::<(), omnicontact::Report>(())
    /// ```
    pub fn property(mut self, name: impl Into<String>, value: impl Into<PropertyValue>) -> Self {
        let name = name.into();
        let value = value.into();
        match self.properties.iter_mut().find(|(n, _)| *n == name) {
            Some((_, v)) => *v = value,
            None => self.properties.push((name, value)),
        }
        self
    }

    /// Validates and normalizes everything, returning the contact or a
    /// [`Report`] with every violation (the errors, and any warning), in
    /// this order: `email`, `phone`, identifiers, `country`, `language`, `timezone`, `gender`,
    /// `birthdate`, `age`, `platform`, `photo`, `registeredAt`, tags, custom
    /// properties.
    ///
    /// ```
    /// let c = omnicontact::Contact::builder()
    ///     .email("Jane@Example.COM")
    ///     .phone("+1 415 555 2671")
    ///     .language("EN")
    ///     .build()?;
    /// assert_eq!(c.language().unwrap().as_str(), "en");
    /// # Ok::<(), omnicontact::Report>(())
    /// ```
    ///
    /// A warning (a phone number no numbering plan assigns, see the
    /// [model docs](crate::model)) does not stop the build and is dropped
    /// here; [`build_with_report`](Self::build_with_report) returns it. A
    /// failed build's report holds warnings too.
    pub fn build(self) -> Result<Contact, Report> {
        self.build_with_report().map(|(contact, _)| contact)
    }

    /// [`build`](Self::build), also returning the warnings of a successful
    /// build (an empty, valid [`Report`] when there are none): a service
    /// can show them or log them.
    ///
    /// ```
    /// let (contact, warnings) = omnicontact::Contact::builder()
    ///     .email("jane@example.com")
    ///     .phone("+1 234 567 890")
    ///     .build_with_report()?;
    /// assert_eq!(contact.phone().unwrap().as_str(), "+1234567890");
    /// # #[cfg(feature = "phone")] {
    /// let found: Vec<_> = warnings.warnings().map(|w| (w.rule(), w.path())).collect();
    /// assert_eq!(found, [("contact.phone.invalid_number", "/phone")]);
    /// # }
    /// assert!(warnings.is_valid());
    /// # Ok::<(), omnicontact::Report>(())
    /// ```
    #[allow(clippy::too_many_lines)] // one straight pass over the fields
    pub fn build_with_report(self) -> Result<(Contact, Report), Report> {
        let mut c = Collector::new("");
        let mut ok = true;

        // The country first: it is the region of national phone numbers.
        let country = self.country.as_deref().map(CountryCode::parse);
        let region = match &country {
            Some(Ok(code)) => Some(code.to_alpha2()),
            _ => None,
        };

        let mut identifiers: Vec<Identifier> = Vec::new();
        // Where each value is in `identifiers`: a repeat is merged into the
        // first in constant time (a contact may hold tens of thousands).
        let mut seen: HashMap<IdentifierValue, usize> = HashMap::new();
        let mut add = |id: Option<Identifier>| match id {
            Some(id) => {
                if let Some(&first) = seen.get(id.value()) {
                    identifiers[first].absorb(id);
                } else {
                    seen.insert(id.value().clone(), identifiers.len());
                    identifiers.push(id);
                }
            }
            None => ok = false,
        };
        for (field, raw) in [("email", self.email), ("phone", self.phone)] {
            let Some(raw) = raw else { continue };
            let builder = if field == "email" {
                Identifier::builder().email(raw)
            } else {
                Identifier::builder().phone(raw)
            };
            add(c.nested(&[field], |c| builder.check(c, region.as_ref(), true)));
        }
        for (i, builder) in self.identifiers.into_iter().enumerate() {
            let index = i.to_string();
            add(c.nested(&["identifiers", &index], |c| {
                builder.check(c, region.as_ref(), false)
            }));
        }

        let country = match country {
            None => None,
            Some(Ok(_)) => region,
            Some(Err(e)) => {
                c.report_suggesting(
                    rules::CONTACT_COUNTRY_FORMAT,
                    &["country"],
                    format!("not a country code: {e}"),
                    e.suggestion().map(str::to_owned),
                )
                .found(self.country.as_deref().unwrap_or_default());
                ok = false;
                None
            }
        };
        let language = match self.language.as_deref().map(LanguageCode::parse) {
            None => None,
            Some(Ok(l)) => Some(l),
            Some(Err(e)) => {
                let raw = self.language.as_deref().unwrap_or_default();
                let suggestion = LanguageCode::from_tag(raw)
                    .ok()
                    .map(|l| l.as_str().to_owned());
                c.report_suggesting(
                    rules::CONTACT_LANGUAGE_FORMAT,
                    &["language"],
                    format!("not a language code: {e}"),
                    suggestion,
                )
                .found(raw);
                ok = false;
                None
            }
        };
        let timezone = match self.timezone.as_deref().map(TimeZone::parse) {
            None => None,
            Some(Ok(t)) => Some(t),
            Some(Err(e)) => {
                c.report_suggesting(
                    rules::CONTACT_TIMEZONE_FORMAT,
                    &["timezone"],
                    format!("not a time zone: {e}"),
                    e.suggestion().map(str::to_owned),
                )
                .found(self.timezone.as_deref().unwrap_or_default());
                ok = false;
                None
            }
        };
        let gender = take(
            &mut c,
            &mut ok,
            "gender",
            rules::CONTACT_GENDER_ENUM,
            self.gender
                .as_deref()
                .map(|s| Gender::parse(s).map_err(|e| (format!("not a gender: {e}"), s.into()))),
        );
        let birthdate = take(
            &mut c,
            &mut ok,
            "birthdate",
            rules::CONTACT_BIRTHDATE_FORMAT,
            self.birthdate
                .as_deref()
                .map(|s| Date::parse(s).map_err(|e| (format!("not a date: {e}"), s.into()))),
        );
        let age = match self.age {
            None => None,
            Some(a) => {
                let age = u8::try_from(a).ok().filter(|a| *a <= MAX_AGE);
                if age.is_none() {
                    let v = c.report(
                        rules::CONTACT_AGE_RANGE,
                        &["age"],
                        format!("{a} is outside 0..={MAX_AGE}"),
                    );
                    v.found(a);
                    v.set_param("min", 0.into());
                    v.set_param("max", MAX_AGE.into());
                    ok = false;
                }
                age
            }
        };
        let platform = take(
            &mut c,
            &mut ok,
            "platform",
            rules::CONTACT_PLATFORM_ENUM,
            self.platform
                .as_deref()
                .map(|s| s.parse::<Platform>().map_err(|e| (e.to_string(), s.into()))),
        );
        let photo = take(
            &mut c,
            &mut ok,
            "photo",
            rules::CONTACT_PHOTO_FORMAT,
            self.photo
                .as_deref()
                .map(|s| Url::parse(s).map_err(|e| (format!("not a URL: {e}"), s.into()))),
        );
        let registered_at = take(
            &mut c,
            &mut ok,
            "registeredAt",
            rules::CONTACT_REGISTERED_AT_FORMAT,
            self.registered_at.as_deref().map(|s| {
                UtcDateTime::parse(s).map_err(|e| (format!("not a date-time: {e}"), s.into()))
            }),
        );

        let mut tags: Vec<String> = Vec::with_capacity(self.tags.len());
        for (i, tag) in self.tags.into_iter().enumerate() {
            if trim(&tag).is_empty() {
                c.report(
                    rules::CONTACT_TAGS_FORMAT,
                    &["tags", &i.to_string()],
                    "a tag may not be empty".to_owned(),
                )
                .found(tag.as_str());
                ok = false;
            } else if !tags.contains(&tag) {
                tags.push(tag);
            }
        }

        let mut custom_properties = Vec::with_capacity(self.properties.len());
        for (name, value) in self.properties {
            match CustomProperty::check(&mut c, name, value) {
                Some(p) => custom_properties.push(p),
                None => ok = false,
            }
        }

        let contact = ok.then_some(Contact {
            external_id: self.external_id,
            first_name: self.first_name,
            last_name: self.last_name,
            display_name: self.display_name,
            identifiers,
            language,
            country,
            timezone,
            gender,
            birthdate,
            age,
            platform,
            vip: self.vip,
            photo,
            auth_key: self.auth_key,
            registered_at,
            address: self.address,
            city: self.city,
            state: self.state,
            postal_code: self.postal_code,
            tags,
            custom_properties,
        });
        c.finish_with_report(contact)
    }
}

/// The value of an optional field, or `None` after reporting why not (the
/// message, and the value given).
fn take<T>(
    c: &mut Collector,
    ok: &mut bool,
    field: &str,
    rule: &'static RuleInfo,
    result: Option<Result<T, (String, Value)>>,
) -> Option<T> {
    match result {
        None => None,
        Some(Ok(v)) => Some(v),
        Some(Err((message, found))) => {
            c.report(rule, &[field], message).found(found);
            *ok = false;
            None
        }
    }
}
