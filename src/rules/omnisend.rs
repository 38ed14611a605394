//! The `omnisend.*` rules; their guide is in [`omnisend`](crate::omnisend).

rules! {
    OMNISEND_BODY_REQUIRED = "omnisend.body.required", Error,
        "at least one identifier: an `identifiers` item or `email` / `phone`";
    OMNISEND_IDENTIFIERS_TYPE = "omnisend.identifiers.type", Error,
        "`identifiers` is an array of objects";
    OMNISEND_IDENTIFIERS_TYPE_ENUM = "omnisend.identifiers.type.enum", Error,
        "identifier `type` is present and is `email` or `phone`";
    OMNISEND_IDENTIFIERS_ID_REQUIRED = "omnisend.identifiers.id.required", Error,
        "identifier `id` is present";
    OMNISEND_IDENTIFIERS_ID_FORMAT = "omnisend.identifiers.id.format", Error,
        "identifier `id` is an email for `email` (kept as written: Omnisend's identifiers are case-sensitive), a phone number for `phone` (normalized to E.164)";
    ///
    /// Only reported with the `phone` cargo feature (on by default):
    /// without it, whether a number is assigned is not known.
    OMNISEND_IDENTIFIERS_ID_INVALID_NUMBER = "omnisend.identifiers.id.invalid_number", Warning,
        "a well-formed phone number (identifier or shorthand `phone`) that no numbering plan assigns";
    OMNISEND_IDENTIFIERS_UNIQUE = "omnisend.identifiers.unique", Warning,
        "the same identifier given twice; merged into the first";
    OMNISEND_IDENTIFIERS_CHANNELS_ENUM = "omnisend.identifiers.channels.enum", Error,
        "`channels` is an object; `email` identifiers have only channel `email`, `phone` identifiers only `sms`";
    OMNISEND_IDENTIFIERS_CHANNELS_STATUS_ENUM = "omnisend.identifiers.channels.status.enum", Error,
        "a channel's `status`, when given, is `subscribed`, `unsubscribed` or `nonSubscribed` (Omnisend's default: `subscribed`)";
    OMNISEND_IDENTIFIERS_CHANNELS_STATUS_DATE_FORMAT = "omnisend.identifiers.channels.status_date.format", Error,
        "`statusDate` is an ISO 8601 date-time with a zone (normalized to UTC)";
    OMNISEND_IDENTIFIERS_SEND_WELCOME_EMAIL_TYPE = "omnisend.identifiers.send_welcome_email.type", Error,
        "`sendWelcomeEmail` is a boolean";
    OMNISEND_EMAIL_FORMAT = "omnisend.email.format", Error,
        "shorthand `email` is an email address (kept as written: Omnisend's identifiers are case-sensitive)";
    OMNISEND_PHONE_FORMAT = "omnisend.phone.format", Error,
        "shorthand `phone` is a phone number (normalized to E.164)";
    OMNISEND_CREATED_AT_FORMAT = "omnisend.created_at.format", Error,
        "`createdAt` is an ISO 8601 date-time with a zone (normalized to UTC)";
    OMNISEND_EMAIL_TYPE = "omnisend.email.type", Error, "`email` is a string";
    OMNISEND_PHONE_TYPE = "omnisend.phone.type", Error, "`phone` is a string";
    OMNISEND_CREATED_AT_TYPE = "omnisend.created_at.type", Error, "`createdAt` is a string";
    OMNISEND_IDENTIFIERS_ID_TYPE = "omnisend.identifiers.id.type", Error,
        "identifier `id` is a string";
    OMNISEND_IDENTIFIERS_SOURCE_TYPE = "omnisend.identifiers.source.type", Error,
        "identifier `source` is a string";
    OMNISEND_CONTACT_ID_TYPE = "omnisend.contact_id.type", Error, "`contactID` is a string";
    OMNISEND_FIRST_NAME_TYPE = "omnisend.first_name.type", Error, "`firstName` is a string";
    OMNISEND_LAST_NAME_TYPE = "omnisend.last_name.type", Error, "`lastName` is a string";
    OMNISEND_COUNTRY_TYPE = "omnisend.country.type", Error, "`country` is a string";
    OMNISEND_COUNTRY_CODE_TYPE = "omnisend.country_code.type", Error, "`countryCode` is a string";
    OMNISEND_STATE_TYPE = "omnisend.state.type", Error, "`state` is a string";
    OMNISEND_CITY_TYPE = "omnisend.city.type", Error, "`city` is a string";
    OMNISEND_ADDRESS_TYPE = "omnisend.address.type", Error, "`address` is a string";
    OMNISEND_POSTAL_CODE_TYPE = "omnisend.postal_code.type", Error, "`postalCode` is a string";
    OMNISEND_GENDER_TYPE = "omnisend.gender.type", Error, "`gender` is a string";
    OMNISEND_BIRTHDATE_TYPE = "omnisend.birthdate.type", Error, "`birthdate` is a string";
    OMNISEND_TAGS_TYPE = "omnisend.tags.type", Error, "`tags` is an array of non-empty strings";
    OMNISEND_TAGS_MAX_ITEMS = "omnisend.tags.max_items", Error, "at most 100 tags";
    OMNISEND_TAGS_UNIQUE = "omnisend.tags.unique", Warning, "duplicate tags; removed";
    OMNISEND_TAGS_ADVICE = "omnisend.tags.advice", Warning,
        "creating a contact with no tag starting with `source:`, which the documentation strongly advises";
    OMNISEND_COUNTRY_CODE_FORMAT = "omnisend.country_code.format", Error,
        "`countryCode` is an ISO 3166-1 code (alpha-3 converted to alpha-2), or `XK` (`omnisend.country_code.advice`)";
    ///
    /// Omnisend's `OpenAPI` (`contacts-input.countryCode`) asks only for a
    /// two-letter string; `XK` is what stores send for Kosovo.
    OMNISEND_COUNTRY_CODE_ADVICE = "omnisend.country_code.advice", Warning,
        "`countryCode` is `XK` (Kosovo), the code commonly used though not assigned by ISO 3166-1; sent as `XK`";
    OMNISEND_COUNTRY_CONFLICT = "omnisend.country.conflict", Warning,
        "`country` names or codes another country than `countryCode` (`countryCode` wins)";
    OMNISEND_GENDER_ENUM = "omnisend.gender.enum", Error,
        "`gender` is `m` or `f` (`M`, `male`, `F`, `female` normalized)";
    OMNISEND_BIRTHDATE_FORMAT = "omnisend.birthdate.format", Error,
        "`birthdate` is a real calendar date `YYYY-MM-DD`";
    OMNISEND_BIRTHDATE_ADVICE = "omnisend.birthdate.advice", Warning, "`birthdate` is in the future";
    OMNISEND_CUSTOM_PROPERTIES_TYPE = "omnisend.custom_properties.type", Error,
        "`customProperties` is an object";
    OMNISEND_CUSTOM_PROPERTIES_NAME_FORMAT = "omnisend.custom_properties.name.format", Error,
        "a custom property name has 1 to 128 characters `A-Z a-z 0-9 _`";
    OMNISEND_CUSTOM_PROPERTIES_VALUE_TYPE = "omnisend.custom_properties.value.type", Error,
        "a custom property value is a number, boolean, string, list of strings, or `\"\"` / `null` (removal)";
    OMNISEND_CUSTOM_PROPERTIES_VALUE_MAX_LENGTH = "omnisend.custom_properties.value.max_length", Error,
        "a custom property string has at most 2048 characters";
    ///
    /// Omnisend's reference says "Floats are rounded to 6 digits precision";
    /// a float with more than 6 decimals or more than 6 significant digits
    /// is reported (either reading may be Omnisend's) and sent as written.
    /// In 0.1.0 the crate rounded it to 6 decimals itself.
    OMNISEND_CUSTOM_PROPERTIES_VALUE_LOSSY = "omnisend.custom_properties.value.lossy", Warning,
        "a float Omnisend rounds (\"6 digits precision\": more than 6 decimals or 6 significant digits); sent as written";
    OMNISEND_CUSTOM_PROPERTIES_VALUE_FORMAT = "omnisend.custom_properties.value.format", Warning,
        "a string shaped like a documented date layout that is not a real date or time";
    OMNISEND_BODY_UNKNOWN_FIELD = "omnisend.body.unknown_field", Warning,
        "a member Omnisend does not define (with a suggestion)";
    OMNISEND_SEND_WELCOME_EMAIL_TYPE = "omnisend.send_welcome_email.type", Error,
        "top-level `sendWelcomeEmail` is a boolean";
    OMNISEND_IDENTIFIERS_SEND_WELCOME_MESSAGE_TYPE = "omnisend.identifiers.send_welcome_message.type", Error,
        "identifier `sendWelcomeMessage` is a boolean";
    OMNISEND_IDENTIFIERS_CONSENT_TYPE = "omnisend.identifiers.consent.type", Error,
        "identifier `consent` is an object; its `source`, `ip` and `userAgent` are strings";
    OMNISEND_IDENTIFIERS_CONSENT_CREATED_AT_FORMAT = "omnisend.identifiers.consent.created_at.format", Error,
        "`consent.createdAt` is an ISO 8601 date-time with a zone (normalized to UTC)";
    OMNISEND_CUSTOM_PROPERTIES_MAX_ITEMS = "omnisend.custom_properties.max_items", Warning,
        "more than 200 custom properties, the most Omnisend documents for a contact";
}
