//! The `sendios.*` rules; their guide is in [`sendios`](crate::sendios).

rules! {
    SENDIOS_PROJECT_ID_REQUIRED = "sendios.project_id.required", Error,
        "the path parameter `project_id` is present (request envelopes only)";
    SENDIOS_PROJECT_ID_TYPE = "sendios.project_id.type", Error,
        "`project_id` is an int32 integer";
    SENDIOS_CLIENT_USER_ID_REQUIRED = "sendios.client_user_id.required", Error,
        "`client_user_id` is present and not empty after trimming";
    ///
    /// An integer (the PHP SDK's examples send `1234`) is accepted and
    /// sent as its decimal string, a change under this rule; a fraction, a
    /// boolean, an object or a list is the error.
    SENDIOS_CLIENT_USER_ID_TYPE = "sendios.client_user_id.type", Error,
        "`client_user_id` is a string (an integer is sent as its decimal string)";
    SENDIOS_NAME_TYPE = "sendios.name.type", Error, "`name` is a string";
    SENDIOS_PHONE_TYPE = "sendios.phone.type", Error, "`phone` is a string";
    SENDIOS_EMAIL_TYPE = "sendios.email.type", Error, "`email` is a string";
    SENDIOS_APP_PUSH_TOKEN_TYPE = "sendios.app_push_token.type", Error, "`app_push_token` is a string";
    SENDIOS_LANGUAGE_TYPE = "sendios.language.type", Error,
        "`language` (or `language_id`) is a string";
    SENDIOS_COUNTRY_TYPE = "sendios.country.type", Error,
        "`country` (or `country_id`) is a string";
    SENDIOS_GENDER_TYPE = "sendios.gender.type", Error, "`gender` is a string";
    SENDIOS_PHOTO_TYPE = "sendios.photo.type", Error, "`photo` is a string";
    SENDIOS_AUTH_KEY_TYPE = "sendios.auth_key.type", Error,
        "`ak`, the auth key (earlier `auth_key`), is a string";
    SENDIOS_REGISTRATION_DATE_TYPE = "sendios.registration_date.type", Error,
        "`registration_date` is a string";
    SENDIOS_NAME_MAX_LENGTH = "sendios.name.max_length", Error, "`name` has at most 128 characters";
    SENDIOS_PHONE_FORMAT = "sendios.phone.format", Error,
        "`phone` is a phone number (normalized to E.164)";
    ///
    /// Only reported with the `phone` cargo feature (on by default):
    /// without it, whether a number is assigned is not known.
    SENDIOS_PHONE_INVALID_NUMBER = "sendios.phone.invalid_number", Warning,
        "a well-formed `phone` that no numbering plan assigns";
    SENDIOS_EMAIL_FORMAT = "sendios.email.format", Error,
        "`email` is an email address (domain lowercased)";
    SENDIOS_APP_PUSH_TOKEN_FORMAT = "sendios.app_push_token.format", Error,
        "`app_push_token` is an APNs token (64+ lowercase hex) or an FCM token (22 characters, then `:`)";
    SENDIOS_LANGUAGE_FORMAT = "sendios.language.format", Error,
        "`language` (or `language_id`) is an ISO 639-1 code (normalized to lowercase)";
    SENDIOS_LANGUAGE_LOSSY = "sendios.language.lossy", Warning,
        "`language` (or `language_id`) is a longer tag (`en-US`); only its language code is kept";
    SENDIOS_COUNTRY_FORMAT = "sendios.country.format", Error,
        "`country` (or `country_id`) is an ISO 3166-1 alpha-2 or alpha-3 code (uppercased, kept in its form), or `XK` (`sendios.country.advice`)";
    SENDIOS_COUNTRY_ADVICE = "sendios.country.advice", Warning,
        "`country` (or `country_id`) is `XK` (Kosovo), the code commonly used though not assigned by ISO 3166-1; Sendios asks for a two- or three-letter code, so it is sent as `XK`";
    SENDIOS_PLATFORM_ENUM = "sendios.platform.enum", Error,
        "`platform_id` (earlier `platform`) is `0` to `4` (integers normalized to strings)";
    SENDIOS_GENDER_ENUM = "sendios.gender.enum", Error,
        "`gender` is `m` or `f` (`M`, `male`, `F`, `female` normalized)";
    SENDIOS_VIP_TYPE = "sendios.vip.type", Error,
        "`vip` is a boolean (`0`, `1`, `\"0\"`, `\"1\"` normalized)";
    SENDIOS_AGE_TYPE = "sendios.age.type", Error, "`age` is an integer";
    SENDIOS_AGE_RANGE = "sendios.age.range", Error, "`age` is from 0 to 150";
    SENDIOS_PHOTO_FORMAT = "sendios.photo.format", Error, "`photo` is an http(s) URL";
    SENDIOS_AUTH_KEY_MAX_LENGTH = "sendios.auth_key.max_length", Error,
        "`ak`, the auth key (earlier `auth_key`), has at most 255 characters";
    SENDIOS_REGISTRATION_DATE_FORMAT = "sendios.registration_date.format", Error,
        "`registration_date` is `YYYY-MM-DD hh:mm:ss`, or RFC 3339 (rewritten in UTC, see `sendios.registration_date.advice`)";
    ///
    /// Sendios documents `YYYY-MM-DD hh:mm:ss` with no zone and does not
    /// say which zone it reads it in; the crate writes a date-time given
    /// with a zone (`…Z`, `…+02:00`) in UTC, which is right only if
    /// Sendios reads UTC. The change is recorded under this rule.
    SENDIOS_REGISTRATION_DATE_ADVICE = "sendios.registration_date.advice", Warning,
        "`registration_date` was given with a time zone (or converted from another provider's date) and is written in UTC; Sendios does not say in which zone it reads the time";
    SENDIOS_FIELDS_TYPE = "sendios.fields.type", Error, "`fields` is an object";
    ///
    /// A warning: the only source is the create page's advice, "It is
    /// important that the values of the same parameter are transmitted in
    /// the same format", which does not say that Sendios refuses a body, and
    /// each body is another user's request (in 0.1.0, an error).
    /// `Policy::new().deny("sendios.fields.consistent_type")` keeps the
    /// strict reading.
    SENDIOS_FIELDS_CONSISTENT_TYPE = "sendios.fields.consistent_type", Warning,
        "within a batch (`Validator::batch`), a `fields` key changes the JSON type it had the first time, which the create page advises against";
    SENDIOS_BODY_UNKNOWN_FIELD = "sendios.body.unknown_field", Warning,
        "a member Sendios does not define (with a suggestion)";
    SENDIOS_BODY_RENAMED = "sendios.body.renamed", Warning,
        "a member under the crate's earlier name (`platform`, `auth_key`), renamed to Sendios' own (`platform_id`, `ak`)";
    SENDIOS_LIST_ID_TYPE = "sendios.list_id.type", Error, "`list_id` is an integer";
    SENDIOS_STATUS_TYPE = "sendios.status.type", Error, "`status` is an integer";
    SENDIOS_PARTNER_ID_TYPE = "sendios.partner_id.type", Error, "`partner_id` is an integer";
}
