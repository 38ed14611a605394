//! The `rocketchat.*` rules; their guide is in [`rocketchat`](crate::rocketchat).

rules! {
    ROCKETCHAT_NAME_REQUIRED = "rocketchat.name.required", Error, "`name` is present";
    ROCKETCHAT_EMAILS_REQUIRED = "rocketchat.emails.required", Error,
        "`emails` is present and not `null`";
    ROCKETCHAT_PHONES_REQUIRED = "rocketchat.phones.required", Error,
        "`phones` is present and not `null`";
    ROCKETCHAT_NAME_TYPE = "rocketchat.name.type", Error,
        "`name` is a string (an object or array is refused)";
    ROCKETCHAT_EMAILS_TYPE = "rocketchat.emails.type", Error,
        "`emails` is an array whose items are strings";
    ROCKETCHAT_PHONES_TYPE = "rocketchat.phones.type", Error,
        "`phones` is an array whose items are strings";
    ROCKETCHAT_NAME_COERCED = "rocketchat.name.coerced", Warning,
        "a number or boolean `name` becomes a string and `null` becomes `\"\"`, as the server does";
    ROCKETCHAT_EMAILS_COERCED = "rocketchat.emails.coerced", Warning,
        "a number or boolean item of `emails` becomes a string and `null` becomes `\"\"`";
    ROCKETCHAT_PHONES_COERCED = "rocketchat.phones.coerced", Warning,
        "a number or boolean item of `phones` becomes a string and `null` becomes `\"\"`";
    ROCKETCHAT_EMAILS_UNIQUE = "rocketchat.emails.unique", Error,
        "no two items of `emails` are identical as sent";
    ROCKETCHAT_PHONES_UNIQUE = "rocketchat.phones.unique", Error,
        "no two items of `phones` are identical as sent";
    ROCKETCHAT_EMAILS_FORMAT = "rocketchat.emails.format", Warning,
        "each item of `emails` is an email address (the server does not check)";
    ROCKETCHAT_PHONES_FORMAT = "rocketchat.phones.format", Warning,
        "each item of `phones` is a phone number (the server does not check)";
    ///
    /// Only reported with the `phone` cargo feature (on by default):
    /// without it, whether a number is assigned is not known.
    ROCKETCHAT_PHONES_INVALID_NUMBER = "rocketchat.phones.invalid_number", Warning,
        "an item of `phones` is well-formed but no numbering plan assigns it";
    ROCKETCHAT_EMAILS_LOSSY = "rocketchat.emails.lossy", Warning,
        "items of `emails` that become equal after normalization are merged";
    ROCKETCHAT_PHONES_LOSSY = "rocketchat.phones.lossy", Warning,
        "items of `phones` that become equal after normalization are merged";
    ROCKETCHAT_CUSTOM_FIELDS_TYPE = "rocketchat.custom_fields.type", Error,
        "`customFields` is an object or `null`";
    ROCKETCHAT_CONTACT_MANAGER_TYPE = "rocketchat.contact_manager.type", Error,
        "`contactManager` is a string or `null` (an object or array is refused)";
    ROCKETCHAT_BODY_UNKNOWN_FIELD = "rocketchat.body.unknown_field", Error,
        "a member the server does not define: refused (with a suggestion)";
    ROCKETCHAT_CONTACT_MANAGER_COERCED = "rocketchat.contact_manager.coerced", Warning,
        "a number or boolean `contactManager` becomes a string, as the server does";
    ROCKETCHAT_CUSTOM_FIELDS_COERCED = "rocketchat.custom_fields.coerced", Warning,
        "`customFields` sent as `\"\"`, `0` or `false` becomes `null`, as the server does";
    /// Only with the workspace's custom fields given
    /// (`Options::rocketchat_custom_fields`).
    ROCKETCHAT_CUSTOM_FIELDS_REQUIRED = "rocketchat.custom_fields.required", Error,
        "each custom field the workspace requires is in `customFields`, not blank once trimmed";
    /// Only with the workspace's custom fields given.
    ROCKETCHAT_CUSTOM_FIELDS_FORMAT = "rocketchat.custom_fields.format", Error,
        "each registered custom field's value matches the field's pattern (a JavaScript regexp)";
    /// Only with the workspace's custom fields given.
    ROCKETCHAT_CUSTOM_FIELDS_NOT_ALLOWED = "rocketchat.custom_fields.not_allowed", Error,
        "each key of `customFields` is a custom field the workspace registers";
    /// Only with the workspace's custom fields given.
    ROCKETCHAT_CUSTOM_FIELDS_NULL = "rocketchat.custom_fields.null", Error,
        "`customFields` is not `null` when the workspace registers custom fields (the server fails on it)";
    /// Only with the workspace's custom fields given.
    ROCKETCHAT_CUSTOM_FIELDS_UNCHECKED = "rocketchat.custom_fields.unchecked", Warning,
        "a registered custom field's pattern the crate cannot test as JavaScript does: its value is not checked";
    ROCKETCHAT_X_AUTH_TOKEN_REQUIRED = "rocketchat.x_auth_token.required", Error,
        "the `X-Auth-Token` header is present and not empty (request envelopes only)";
    ROCKETCHAT_X_USER_ID_REQUIRED = "rocketchat.x_user_id.required", Error,
        "the `X-User-Id` header is present and not empty (request envelopes only)";
}
