//! The `contact.*` rules (their guide is in [`rules`](crate::rules)): the
//! checks of the canonical model's builders ([`ContactBuilder`],
//! [`IdentifierBuilder`], [`CustomProperty::new`]). The field of an id is
//! the model's field in snake case; the path of a violation is the field's
//! member in the contact's JSON shape ([model docs](crate::model)), always
//! located in the body.
//!
//! [`ContactBuilder`]: crate::model::ContactBuilder
//! [`IdentifierBuilder`]: crate::model::IdentifierBuilder
//! [`CustomProperty::new`]: crate::model::CustomProperty::new

rules! {
    CONTACT_EMAIL_FORMAT = "contact.email.format", Error,
        "the email given to the builder's `email` is an email address";
    CONTACT_PHONE_FORMAT = "contact.phone.format", Error,
        "the phone number given to the builder's `phone` is a phone number (normalized to E.164)";
    ///
    /// Only reported with the `phone` cargo feature (on by default):
    /// without it, whether a number is assigned is not known.
    CONTACT_PHONE_INVALID_NUMBER = "contact.phone.invalid_number", Warning,
        "the phone number given to the builder's `phone` is well-formed but no numbering plan assigns it";
    CONTACT_IDENTIFIERS_ID_REQUIRED = "contact.identifiers.id.required", Error,
        "an identifier has a value";
    CONTACT_IDENTIFIERS_ID_FORMAT = "contact.identifiers.id.format", Error,
        "an identifier's `id` is a value of its type: an email address, a phone number, a push token, or a non-blank Slack, MS Teams, inbox or web push id";
    ///
    /// Only reported with the `phone` cargo feature (on by default):
    /// without it, whether a number is assigned is not known.
    CONTACT_IDENTIFIERS_ID_INVALID_NUMBER = "contact.identifiers.id.invalid_number", Warning,
        "a phone identifier's `id` is well-formed but no numbering plan assigns it";
    CONTACT_IDENTIFIERS_CHANNELS_ENUM = "contact.identifiers.channels.enum", Error,
        "an identifier's channel is a known channel that its type can carry";
    CONTACT_IDENTIFIERS_CHANNELS_STATUS_ENUM = "contact.identifiers.channels.status.enum", Error,
        "a channel's `status` is `subscribed`, `unsubscribed` or `nonSubscribed`";
    CONTACT_IDENTIFIERS_CHANNELS_STATUS_DATE_FORMAT = "contact.identifiers.channels.status_date.format", Error,
        "a channel's `statusDate` is an ISO 8601 date-time with a zone (normalized to UTC)";
    CONTACT_COUNTRY_FORMAT = "contact.country.format", Error,
        "`country` is an ISO 3166-1 country code, alpha-2 or alpha-3 (normalized to alpha-2)";
    CONTACT_LANGUAGE_FORMAT = "contact.language.format", Error,
        "`language` is an ISO 639-1 language code";
    CONTACT_TIMEZONE_FORMAT = "contact.timezone.format", Error,
        "`timezone` is an IANA time zone name";
    CONTACT_GENDER_ENUM = "contact.gender.enum", Error,
        "`gender` is `m` or `f` (`M`, `male`, `F`, `female` normalized)";
    CONTACT_BIRTHDATE_FORMAT = "contact.birthdate.format", Error,
        "`birthdate` is a real calendar date `YYYY-MM-DD`";
    CONTACT_AGE_RANGE = "contact.age.range", Error,
        "`age` is a whole number of years from 0 to 150";
    CONTACT_PLATFORM_ENUM = "contact.platform.enum", Error,
        "`platform` is `unknown`, `desktop`, `mobile_browser`, `android` or `ios`, or a Sendios code `0` to `4`";
    CONTACT_PHOTO_FORMAT = "contact.photo.format", Error,
        "`photo` is an absolute http or https URL";
    CONTACT_REGISTERED_AT_FORMAT = "contact.registered_at.format", Error,
        "`registeredAt` is an ISO 8601 date-time with a zone (normalized to UTC)";
    CONTACT_TAGS_FORMAT = "contact.tags.format", Error,
        "a tag is not empty or blank";
    CONTACT_CUSTOM_PROPERTIES_NAME_FORMAT = "contact.custom_properties.name.format", Error,
        "a custom property name has 1 to 128 characters `A-Z a-z 0-9 _`";
    CONTACT_CUSTOM_PROPERTIES_VALUE_TYPE = "contact.custom_properties.value.type", Error,
        "a custom property number is finite";
}
