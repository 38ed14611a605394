//! The `suprsend.*` rules; their guide is in [`suprsend`](crate::suprsend).

rules! {
    SUPRSEND_DISTINCT_ID_REQUIRED = "suprsend.distinct_id.required", Error,
        "the path parameter `distinct_id` is present: a string not empty after trimming, or an integer (request envelopes only)";
    SUPRSEND_EMAIL_TYPE = "suprsend.email.type", Error,
        "`$email` is a non-empty string or a list of them";
    SUPRSEND_SMS_TYPE = "suprsend.sms.type", Error,
        "`$sms` is a non-empty string or a list of them";
    SUPRSEND_WHATSAPP_TYPE = "suprsend.whatsapp.type", Error,
        "`$whatsapp` is a non-empty string or a list of them";
    SUPRSEND_INBOX_TYPE = "suprsend.inbox.type", Error,
        "`$inbox` is a non-empty string or a list of them";
    SUPRSEND_WEBPUSH_TYPE = "suprsend.webpush.type", Error,
        "`$webpush` is a web-push subscription object with at least one member (or a non-empty string), or a list of them";
    SUPRSEND_ANDROIDPUSH_TYPE = "suprsend.androidpush.type", Error,
        "`$androidpush` is a token string, a `{token, provider, device_id}` object, or a list of them";
    SUPRSEND_IOSPUSH_TYPE = "suprsend.iospush.type", Error,
        "`$iospush` is a token string, a `{token, provider, device_id}` object, or a list of them";
    SUPRSEND_SLACK_TYPE = "suprsend.slack.type", Error,
        "`$slack` is a user id string, a Slack object, or a list of them";
    SUPRSEND_MS_TEAMS_TYPE = "suprsend.ms_teams.type", Error,
        "`$ms_teams` is a non-empty string, an MS Teams object, or a list of them";
    SUPRSEND_MESSENGER_TYPE = "suprsend.messenger.type", Error,
        "`$messenger` is a non-empty string or a list of them";
    ///
    /// A warning: the limit of 10 is the `maxItems` of `SuprSend`'s
    /// workflow-trigger schema (`suprsend-py-sdk`
    /// `src/suprsend/request_json/workflow_trigger.json`), which the SDKs
    /// check for workflow triggers only; the create / update user reference
    /// sets no limit, so a longer list is sent as it is (in 0.1.0, an
    /// error).
    SUPRSEND_EMAIL_MAX_ITEMS = "suprsend.email.max_items", Warning,
        "`$email` has more than 10 items, the workflow-trigger schema's limit";
    ///
    /// A warning, like `suprsend.email.max_items`.
    SUPRSEND_SMS_MAX_ITEMS = "suprsend.sms.max_items", Warning,
        "`$sms` has more than 10 items, the workflow-trigger schema's limit";
    ///
    /// A warning, like `suprsend.email.max_items`.
    SUPRSEND_WHATSAPP_MAX_ITEMS = "suprsend.whatsapp.max_items", Warning,
        "`$whatsapp` has more than 10 items, the workflow-trigger schema's limit";
    ///
    /// A warning, like `suprsend.email.max_items`.
    SUPRSEND_INBOX_MAX_ITEMS = "suprsend.inbox.max_items", Warning,
        "`$inbox` has more than 10 items, the workflow-trigger schema's limit";
    ///
    /// A warning, like `suprsend.email.max_items`.
    SUPRSEND_WEBPUSH_MAX_ITEMS = "suprsend.webpush.max_items", Warning,
        "`$webpush` has more than 10 items, the workflow-trigger schema's limit";
    ///
    /// A warning, like `suprsend.email.max_items`.
    SUPRSEND_ANDROIDPUSH_MAX_ITEMS = "suprsend.androidpush.max_items", Warning,
        "`$androidpush` has more than 10 items, the workflow-trigger schema's limit";
    ///
    /// A warning, like `suprsend.email.max_items`.
    SUPRSEND_IOSPUSH_MAX_ITEMS = "suprsend.iospush.max_items", Warning,
        "`$iospush` has more than 10 items, the workflow-trigger schema's limit";
    ///
    /// A warning, like `suprsend.email.max_items`.
    SUPRSEND_SLACK_MAX_ITEMS = "suprsend.slack.max_items", Warning,
        "`$slack` has more than 10 items, the workflow-trigger schema's limit";
    ///
    /// A warning, like `suprsend.email.max_items`.
    SUPRSEND_MS_TEAMS_MAX_ITEMS = "suprsend.ms_teams.max_items", Warning,
        "`$ms_teams` has more than 10 items, the workflow-trigger schema's limit";
    ///
    /// A warning, like `suprsend.email.max_items`.
    SUPRSEND_MESSENGER_MAX_ITEMS = "suprsend.messenger.max_items", Warning,
        "`$messenger` has more than 10 items, the workflow-trigger schema's limit";
    SUPRSEND_EMAIL_FORMAT = "suprsend.email.format", Error,
        "each `$email` item is an email address (domain lowercased)";
    SUPRSEND_SMS_FORMAT = "suprsend.sms.format", Error,
        "each `$sms` item is a phone number (normalized to E.164)";
    SUPRSEND_WHATSAPP_FORMAT = "suprsend.whatsapp.format", Error,
        "each `$whatsapp` item is a phone number (normalized to E.164)";
    ///
    /// Only reported with the `phone` cargo feature (on by default):
    /// without it, whether a number is assigned is not known.
    SUPRSEND_SMS_INVALID_NUMBER = "suprsend.sms.invalid_number", Warning,
        "a well-formed `$sms` number that no numbering plan assigns";
    ///
    /// Only reported with the `phone` cargo feature (on by default):
    /// without it, whether a number is assigned is not known.
    SUPRSEND_WHATSAPP_INVALID_NUMBER = "suprsend.whatsapp.invalid_number", Warning,
        "a well-formed `$whatsapp` number that no numbering plan assigns";
    SUPRSEND_ANDROIDPUSH_PROVIDER_ENUM = "suprsend.androidpush.provider.enum", Error,
        "an `$androidpush` object's `provider` is `fcm`, `xiaomi` or `oppo` (any case, normalized to lowercase)";
    SUPRSEND_IOSPUSH_PROVIDER_ENUM = "suprsend.iospush.provider.enum", Error,
        "an `$iospush` object's `provider` is `apns` (any case, normalized to lowercase)";
    ///
    /// A push object without `provider`: `SuprSend`'s JSON schema requires
    /// it (`workflow_trigger.json`, `androidpush_settings`), its SDKs
    /// default it to `fcm` when a token is added without one, and the user
    /// endpoint's reference does not describe push objects.
    SUPRSEND_ANDROIDPUSH_PROVIDER_REQUIRED = "suprsend.androidpush.provider.required", Warning,
        "an `$androidpush` object names its `provider` (`fcm`, `xiaomi`, `oppo`), as SuprSend's JSON schema requires";
    ///
    /// A push object without `provider`: `SuprSend`'s JSON schema requires
    /// it (`iospush_settings`); its SDKs default it to `apns`.
    SUPRSEND_IOSPUSH_PROVIDER_REQUIRED = "suprsend.iospush.provider.required", Warning,
        "an `$iospush` object names its `provider` (`apns`), as SuprSend's JSON schema requires";
    ///
    /// `SuprSend`'s JSON schema closes push objects
    /// (`additionalProperties: false`); the user endpoint's reference does
    /// not describe them, so a member beyond `token`, `provider`,
    /// `device_id`, `bundle_id` is a warning, not an error.
    SUPRSEND_ANDROIDPUSH_UNKNOWN_FIELD = "suprsend.androidpush.unknown_field", Warning,
        "an `$androidpush` object has a member other than `token`, `provider`, `device_id`, `bundle_id`";
    ///
    /// As [`SUPRSEND_ANDROIDPUSH_UNKNOWN_FIELD`], for `$iospush`.
    SUPRSEND_IOSPUSH_UNKNOWN_FIELD = "suprsend.iospush.unknown_field", Warning,
        "an `$iospush` object has a member other than `token`, `provider`, `device_id`, `bundle_id`";
    SUPRSEND_SLACK_FORMAT = "suprsend.slack.format", Error,
        "a Slack object names a recipient, its `email` / `email_id` are emails and its webhook URL is an absolute URI (id, token and webhook patterns are `suprsend.slack.advice`)";
    ///
    /// `SuprSend`'s JSON schema closes Slack objects
    /// (`additionalProperties: false`), but the user endpoint's own
    /// reference uses members the schema lacks (`channel`, `email_id`,
    /// `team_id`): a member none of them names is a warning.
    SUPRSEND_SLACK_UNKNOWN_FIELD = "suprsend.slack.unknown_field", Warning,
        "a Slack object has a member other than `email`, `email_id`, `user_id`, `channel_id`, `channel`, `team_id`, `access_token`, `incoming_webhook`";
    SUPRSEND_MS_TEAMS_FORMAT = "suprsend.ms_teams.format", Error,
        "an MS Teams object names a recipient, and its `service_url` and `incoming_webhook.url` are absolute URIs (the `service_url` host is `suprsend.ms_teams.advice`)";
    ///
    /// `SuprSend`'s JSON schema closes MS Teams objects
    /// (`additionalProperties: false`); the user endpoint's reference does
    /// not say, so an unknown member is a warning.
    SUPRSEND_MS_TEAMS_UNKNOWN_FIELD = "suprsend.ms_teams.unknown_field", Warning,
        "an MS Teams object has a member other than `tenant_id`, `service_url`, `conversation_id`, `user_id`, `incoming_webhook`";
    ///
    /// The patterns of `SuprSend`'s workflow-trigger schema (suprsend-py-sdk
    /// `request_json/workflow_trigger.json`, `slack_setting`), which the
    /// user endpoint's API reference does not repeat (strings, the webhook
    /// `format: uri`): a mismatch is sent as it is.
    SUPRSEND_SLACK_ADVICE = "suprsend.slack.advice", Warning,
        "a Slack user id that is not `U…` / `W…`, a channel id that is not `C…` (private channels are `G…`), an access token that is not `xox…`, or a webhook not under `https://hooks.slack.com/` (GovSlack's is `hooks.slack-gov.com`): outside the workflow-trigger schema's patterns, which do not decide the user endpoint; sent as it is";
    ///
    /// As [`SUPRSEND_SLACK_ADVICE`], for `ms_teams_setting`'s `service_url`.
    SUPRSEND_MS_TEAMS_ADVICE = "suprsend.ms_teams.advice", Warning,
        "an MS Teams `service_url` not under `https://smba.trafficmanager.net/` (GCC tenants use other hosts): outside the workflow-trigger schema's pattern, which does not decide the user endpoint; sent as it is";
    ///
    /// `SuprSend`'s JSON schema accepts any `$webpush` object with a member;
    /// every SDK sends the browser's `PushSubscription` as JSON
    /// (`endpoint`, `expirationTime`, `keys.p256dh`, `keys.auth`), so
    /// another shape, or a bare string (the form the older reference page
    /// showed), is a warning.
    SUPRSEND_WEBPUSH_FORMAT = "suprsend.webpush.format", Warning,
        "a `$webpush` item is a web-push subscription: `endpoint` a non-empty string, `keys` with string `p256dh` and `auth`, `expirationTime` null, a number or a string";
    SUPRSEND_TIMEZONE_TYPE = "suprsend.timezone.type", Error, "`$timezone` is a string or `null`";
    SUPRSEND_PREFERRED_LANGUAGE_TYPE = "suprsend.preferred_language.type", Error,
        "`$preferred_language` is a string or `null`";
    SUPRSEND_LOCALE_TYPE = "suprsend.locale.type", Error, "`$locale` is a string or `null`";
    SUPRSEND_CHANNELS_TYPE = "suprsend.channels.type", Error,
        "`$channels` is a list of channel names";
    SUPRSEND_TIMEZONE_FORMAT = "suprsend.timezone.format", Error,
        "`$timezone` is an IANA time zone name (normalized to the database's spelling)";
    SUPRSEND_PREFERRED_LANGUAGE_FORMAT = "suprsend.preferred_language.format", Error,
        "`$preferred_language` is an ISO 639-1 code (normalized to lowercase)";
    SUPRSEND_PREFERRED_LANGUAGE_LOSSY = "suprsend.preferred_language.lossy", Warning,
        "`$preferred_language` is a longer tag (`en-US`); only its language code is kept (`$locale` takes the whole tag)";
    ///
    /// Kept as sent: the documentation writes `en_GB`, the Go SDK `en-US`.
    SUPRSEND_LOCALE_FORMAT = "suprsend.locale.format", Warning,
        "`$locale` is a language code, optionally with a region (`es`, `en_GB`, `en-US`)";
    SUPRSEND_CHANNELS_ENUM = "suprsend.channels.enum", Error,
        "each `$channels` item is one of `androidpush`, `iospush`, `webpush`, `email`, `sms`, `whatsapp`, `slack`, `inbox`, `messenger`, `ms_teams`";
    ///
    /// A warning: `SuprSend` accepts the request (its schema allows any
    /// property); its SDKs before `suprsend-py-sdk` 7017b27 skipped such
    /// keys client-side (`subscriber_helper.py` `__validate_key_prefix`), so
    /// the key may not be stored, and it is most often a misspelt channel
    /// (`$emial`), named in the suggestion. In 0.1.0, an error, which
    /// refused a body `SuprSend` takes;
    /// `Policy::new().deny("suprsend.properties.reserved_key")` keeps it.
    SUPRSEND_PROPERTIES_RESERVED_KEY = "suprsend.properties.reserved_key", Warning,
        "a key starting with `$` or `ss_` (any case, after trimming) that SuprSend does not define; it may not be stored (earlier SDKs skip it)";
    SUPRSEND_PROPERTIES_REQUIRED = "suprsend.properties.required", Error,
        "a property key is not empty after trimming";
    SUPRSEND_PROPERTIES_ADVICE = "suprsend.properties.advice", Warning,
        "a plain key that names a channel without `$` (`email`), or a SuprSend key with surrounding whitespace (` $email`), is stored as a property, not a channel";
    ///
    /// A warning: 10 KiB is the SDKs' limit for one identity event
    /// (`IDENTITY_SINGLE_EVENT_MAX_APPARENT_SIZE_IN_BYTES` in
    /// `suprsend-py-sdk` `src/suprsend/constants.py`, the same in the Node
    /// and Go SDKs), checked before an asynchronous or bulk user edit;
    /// `UsersApi.upsert`, the SDK's `POST /v1/user/{distinct_id}/` (this
    /// crate's create / update body), sends any size, and the reference
    /// sets no limit. So a larger body is sent as it is (in 0.1.0, an
    /// error); `Policy::new().deny("suprsend.body.max_length")` keeps the
    /// strict reading.
    SUPRSEND_BODY_MAX_LENGTH = "suprsend.body.max_length", Warning,
        "the compact serialized body is larger than 10 KiB (10240 bytes), the SDKs' limit for one identity event";
}
