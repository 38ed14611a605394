//! The `raia.*` rules; their guide is in [`raia`](crate::raia).

rules! {
    RAIA_FIRST_NAME_REQUIRED = "raia.first_name.required", Error,
        "create: `firstName` is present and not `null` (a blank one is `raia.first_name.advice`)";
    RAIA_LAST_NAME_REQUIRED = "raia.last_name.required", Error,
        "create: `lastName` is present and not `null` (a blank one is `raia.last_name.advice`)";
    RAIA_FIRST_NAME_ADVICE = "raia.first_name.advice", Warning,
        "create: `firstName` is empty after trimming; raia's OpenAPI sets no minimum length, so it is sent as it is";
    RAIA_LAST_NAME_ADVICE = "raia.last_name.advice", Warning,
        "create: `lastName` is empty after trimming; raia's OpenAPI sets no minimum length, so it is sent as it is";
    RAIA_BODY_REQUIRED = "raia.body.required", Error,
        "create: at least one of `email`, `phoneNumber` and `fkId` is given";
    RAIA_EMAIL_FORMAT = "raia.email.format", Error,
        "`email` is an email address (domain lowercased), unless `skipEmailValidation` is `true`";
    RAIA_EMAIL_ADVICE = "raia.email.advice", Warning,
        "`email` is not an email address, accepted only because `skipEmailValidation` is `true`";
    RAIA_PHONE_NUMBER_FORMAT = "raia.phone_number.format", Error,
        "`phoneNumber` is a phone number (normalized to E.164), unless `skipPhoneNumberValidation` is `true`";
    RAIA_PHONE_NUMBER_ADVICE = "raia.phone_number.advice", Warning,
        "`phoneNumber` is not a phone number, accepted only because `skipPhoneNumberValidation` is `true`";
    ///
    /// Only reported with the `phone` cargo feature (on by default):
    /// without it, whether a number is assigned is not known.
    RAIA_PHONE_NUMBER_INVALID_NUMBER = "raia.phone_number.invalid_number", Warning,
        "a well-formed `phoneNumber` that no numbering plan assigns";
    RAIA_FIRST_NAME_TYPE = "raia.first_name.type", Error, "`firstName` is a string";
    RAIA_LAST_NAME_TYPE = "raia.last_name.type", Error, "`lastName` is a string";
    RAIA_EMAIL_TYPE = "raia.email.type", Error, "`email` is a string";
    RAIA_PHONE_NUMBER_TYPE = "raia.phone_number.type", Error, "`phoneNumber` is a string";
    RAIA_CONTEXT_TYPE = "raia.context.type", Error, "`context` is a string";
    RAIA_SOURCE_TYPE = "raia.source.type", Error, "`source` is a string";
    RAIA_FK_ID_TYPE = "raia.fk_id.type", Error, "`fkId` is a string";
    RAIA_FK_USER_ID_TYPE = "raia.fk_user_id.type", Error, "`fkUserId` is a string";
    RAIA_SKIP_EMAIL_VALIDATION_TYPE = "raia.skip_email_validation.type", Error,
        "`skipEmailValidation` is a boolean";
    RAIA_SKIP_PHONE_NUMBER_VALIDATION_TYPE = "raia.skip_phone_number_validation.type", Error,
        "`skipPhoneNumberValidation` is a boolean";
    RAIA_CUSTOM_DATA_TYPE = "raia.custom_data.type", Error, "`customData` is an object";
    RAIA_METADATA_UNKNOWN_FIELD = "raia.metadata.unknown_field", Warning,
        "create sent `metadata`, a member of raia's responses (suggestion `customData`; `metadata.customData` is moved to `customData`)";
    RAIA_BODY_UNKNOWN_FIELD = "raia.body.unknown_field", Warning,
        "a member raia does not define (with a suggestion)";
    RAIA_QUERY_REQUIRED = "raia.query.required", Error,
        "search: at least one of the query parameters `email`, `phoneNumber` and `fkId` is given";
    ///
    /// raia's `OpenAPI` types the search parameters as plain strings, so a
    /// value is never rewritten nor refused: it is sent as written, and
    /// this warning says when it is not an email address / phone number,
    /// or not in the form a create body is sent in (the suggestion), which
    /// a stored user may not match.
    RAIA_QUERY_ADVICE = "raia.query.advice", Warning,
        "search: a parameter is blank, or `email` / `phoneNumber` is not an email address / phone number or not written as a create body sends it; sent as written";
    RAIA_ID_FORMAT = "raia.id.format", Error,
        "get / delete: the path parameter `id` is a string that is not blank";
    RAIA_AGENT_SECRET_KEY_REQUIRED = "raia.agent_secret_key.required", Error,
        "the header `Agent-Secret-Key` is present and not empty (request envelopes only)";
    RAIA_FK_ID_ADVICE = "raia.fk_id.advice", Warning,
        "`fkId` is blank: raia's OpenAPI allows it, but it identifies no one";
    RAIA_ID_ADVICE = "raia.id.advice", Warning,
        "get / delete: the path parameter `id` is not a UUID, the form of the ids raia gives (its OpenAPI types it as a plain string)";
}
