//! The `convert.*` rules (their guide is in [`rules`](crate::rules)):
//! information a conversion between providers had to drop. Every one is a warning located `in: converted`
//! whose path is the JSON Pointer of the dropped value in the **source**
//! body.

rules! {
    CONVERT_BODY_LOSSY = "convert.body.lossy", Warning,
        "a source member the canonical contact has no place for (Rocket.Chat `contactManager`, raia `context` / `source` / `fkUserId`, Omnisend identifier `source`, a `country` other than `countryCode`, SuprSend `$locale` / `$channels` / `$messenger`, a member the source provider does not define) is not converted";
    CONVERT_EXTERNAL_ID_LOSSY = "convert.external_id.lossy", Warning,
        "the target has no member for your id of the contact (Rocket.Chat)";
    CONVERT_NAME_LOSSY = "convert.name.lossy", Warning,
        "a name is split into first and last, first and last are joined, a last name alone becomes the whole name, or the target holds no name (SuprSend)";
    CONVERT_EMAIL_LOSSY = "convert.email.lossy", Warning,
        "an email the target cannot hold (a second email into Sendios or raia), or one converted in another form than the source keeps (an Omnisend address with capitals in its domain, held with the domain in lowercase)";
    CONVERT_PHONE_LOSSY = "convert.phone.lossy", Warning,
        "a phone number the target cannot hold (a second phone into Sendios or raia), or one the canonical contact cannot hold (not a number in the region it was read in)";
    CONVERT_PUSH_TOKEN_LOSSY = "convert.push_token.lossy", Warning,
        "a push token the target cannot hold (none in Rocket.Chat, raia, Omnisend; one in Sendios; not an APNs or FCM token; a SuprSend device id or non-FCM provider)";
    CONVERT_IDENTIFIERS_LOSSY = "convert.identifiers.lossy", Warning,
        "a Slack, MS Teams, inbox or web push identifier the target cannot hold";
    CONVERT_CHANNELS_LOSSY = "convert.channels.lossy", Warning,
        "a subscription status other than an undated `subscribed`, or a channel, the target cannot hold";
    CONVERT_LANGUAGE_LOSSY = "convert.language.lossy", Warning,
        "the target has no language member (Rocket.Chat, raia, Omnisend)";
    CONVERT_COUNTRY_LOSSY = "convert.country.lossy", Warning,
        "the target has no country member (Rocket.Chat, SuprSend, raia), or a country name is not a code";
    CONVERT_TIMEZONE_LOSSY = "convert.timezone.lossy", Warning,
        "the target has no time zone member (all but SuprSend)";
    CONVERT_GENDER_LOSSY = "convert.gender.lossy", Warning,
        "the target has no gender member (Rocket.Chat, SuprSend, raia)";
    CONVERT_BIRTHDATE_LOSSY = "convert.birthdate.lossy", Warning,
        "the target has no birthdate member (all but Omnisend)";
    CONVERT_AGE_LOSSY = "convert.age.lossy", Warning,
        "the target has no age member (all but Sendios)";
    CONVERT_PLATFORM_LOSSY = "convert.platform.lossy", Warning,
        "the target has no platform member (all but Sendios)";
    CONVERT_VIP_LOSSY = "convert.vip.lossy", Warning,
        "the target has no VIP flag (all but Sendios)";
    CONVERT_PHOTO_LOSSY = "convert.photo.lossy", Warning,
        "the target has no photo member (all but Sendios)";
    CONVERT_AUTH_KEY_LOSSY = "convert.auth_key.lossy", Warning,
        "the target has no authentication key member (all but Sendios)";
    CONVERT_REGISTERED_AT_LOSSY = "convert.registered_at.lossy", Warning,
        "the target has no registration / creation date member (Rocket.Chat, SuprSend, raia)";
    CONVERT_ADDRESS_LOSSY = "convert.address.lossy", Warning,
        "the target has no postal address members: address, city, state, postal code (all but Omnisend)";
    CONVERT_TAGS_LOSSY = "convert.tags.lossy", Warning,
        "the target has no tags (all but Omnisend)";
    CONVERT_CUSTOM_PROPERTIES_LOSSY = "convert.custom_properties.lossy", Warning,
        "a custom property the canonical contact or the target cannot hold (a name outside `A-Za-z0-9_`, an object or a list of non-strings, a SuprSend-reserved `ss_` name), or a `null` one, which is held as a removal and written as `\"\"`";
}
