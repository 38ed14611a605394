//! Messages are for people: exact texts for the cases where a message used
//! to repeat itself, hide a character, or not say how to fix the input.

use omnicontact::{Operation, Provider, Validator};

/// The (rule, path, message, suggestion) of each violation.
fn said(provider: Provider, body: &str) -> Vec<(String, String, String, Option<String>)> {
    Validator::new(provider)
        .validate_str(body)
        .violations()
        .iter()
        .map(|v| {
            (
                v.rule().to_owned(),
                v.path().to_owned(),
                v.message().to_owned(),
                v.suggestion().map(str::to_owned),
            )
        })
        .collect()
}

fn one(
    rule: &str,
    path: &str,
    message: &str,
    suggestion: Option<&str>,
) -> Vec<(String, String, String, Option<String>)> {
    vec![(
        rule.to_owned(),
        path.to_owned(),
        message.to_owned(),
        suggestion.map(str::to_owned),
    )]
}

#[test]
fn enum_values_are_shown_escaped_with_the_suggestion_in_the_message() {
    assert_eq!(
        said(
            Provider::Suprsend,
            r#"{"$androidpush":[{"token":"t","provider":""}]}"#
        ),
        one(
            "suprsend.androidpush.provider.enum",
            "/$androidpush/0/provider",
            "an empty string is not an Android push provider; expected one of `fcm`, `xiaomi`, `oppo`",
            None
        )
    );
    assert_eq!(
        said(
            Provider::Suprsend,
            "{\"$androidpush\":[{\"token\":\"t\",\"provider\":\"FCM\u{200b}\"}]}"
        ),
        one(
            "suprsend.androidpush.provider.enum",
            "/$androidpush/0/provider",
            "`FCM\\u{200b}` is not an Android push provider; expected one of `fcm`, `xiaomi`, `oppo`; did you mean `fcm`?",
            Some("fcm")
        )
    );
    assert_eq!(
        said(
            Provider::Suprsend,
            r#"{"$iospush":[{"token":"t","provider":"fcm"}]}"#
        ),
        one(
            "suprsend.iospush.provider.enum",
            "/$iospush/0/provider",
            "`fcm` is not an iOS push provider; expected `apns`",
            None
        )
    );
}

#[test]
fn code_and_zone_messages_name_the_value_once() {
    assert_eq!(
        said(Provider::Suprsend, r#"{"$preferred_language":"zz"}"#),
        one(
            "suprsend.preferred_language.format",
            "/$preferred_language",
            "`zz`: not an ISO 639-1 language code",
            None
        )
    );
    assert_eq!(
        said(Provider::Suprsend, r#"{"$timezone":"PST"}"#),
        one(
            "suprsend.timezone.format",
            "/$timezone",
            "`PST`: a time zone abbreviation, not an IANA time zone name such as `America/Los_Angeles`",
            None
        )
    );
}

#[test]
fn a_single_channel_value_of_the_wrong_type_mentions_the_list_form() {
    let expected = one(
        "suprsend.email.type",
        "/$email",
        "expected an email string or a list of them, found object",
        None,
    );
    assert_eq!(said(Provider::Suprsend, r#"{"$email":{}}"#), expected);
    assert_eq!(
        said(Provider::Suprsend, r#"{"$email":[{}]}"#),
        one(
            "suprsend.email.type",
            "/$email/0",
            "expected an email string, found object",
            None
        )
    );
}

#[test]
fn phone_messages_say_how_to_fix_the_number() {
    assert_eq!(
        said(
            Provider::Suprsend,
            r#"{"$sms":["+1 415 555 2671;phone-context=+1"]}"#
        ),
        one(
            "suprsend.sms.format",
            "/$sms/0",
            "not a phone number: parameters such as `;phone-context=` are not allowed; send the number alone, in international form",
            None
        )
    );
    let national = said(Provider::Suprsend, r#"{"$sms":["4155552671"]}"#);
    assert!(
        national[0]
            .2
            .contains("a default region (`Options::default_region`, `--region`)"),
        "{national:?}"
    );
}

#[test]
fn a_missing_member_names_the_near_miss_that_was_sent() {
    let v = Validator::for_operation(Provider::Raia, Operation::Create).unwrap();
    let r = v.validate_envelope_str(
        r#"{"headers":{"Agent_Secret_Key":"k"},"body":{"firstName":"J","lastName":"D","email":"a@b.co"}}"#,
    );
    let messages: Vec<_> = r
        .violations()
        .iter()
        .map(|x| (x.rule(), x.message()))
        .collect();
    assert_eq!(
        messages,
        [(
            "raia.agent_secret_key.required",
            "`Agent-Secret-Key` is required; `Agent_Secret_Key` was sent, is it meant?"
        )]
    );
}

#[test]
fn invisible_only_strings_are_empty() {
    assert_eq!(
        said(
            Provider::Raia,
            "{\"firstName\":\"J\",\"lastName\":\"\u{200b}\",\"email\":\"a@b.co\"}"
        ),
        one(
            "raia.last_name.advice",
            "/lastName",
            "expected a non-empty string",
            None
        )
    );
    assert_eq!(
        said(
            Provider::Raia,
            "{\"firstName\":\"J\",\"lastName\":\"D\u{200b}\",\"email\":\"a@b.co\"}"
        ),
        vec![]
    );
}
