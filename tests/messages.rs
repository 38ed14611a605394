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
            "an empty string is not an Android push provider; expected one of 'fcm', 'xiaomi', 'oppo'",
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
            "'FCM\\u{200b}' is not an Android push provider; expected one of 'fcm', 'xiaomi', 'oppo'; did you mean 'fcm'?",
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
            "'fcm' is not an iOS push provider; expected 'apns'",
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
            "'zz': not an ISO 639-1 language code",
            None
        )
    );
    assert_eq!(
        said(Provider::Suprsend, r#"{"$timezone":"PST"}"#),
        one(
            "suprsend.timezone.format",
            "/$timezone",
            "'PST': a time zone abbreviation, not an IANA time zone name such as 'America/Los_Angeles'",
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
            "not a phone number: parameters such as ';phone-context=' are not allowed; send the number alone, in international form",
            None
        )
    );
    let national = said(Provider::Suprsend, r#"{"$sms":["4155552671"]}"#);
    assert!(
        national[0]
            .2
            .contains("the contact's country, or a default region set by the service"),
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
            "'Agent-Secret-Key' is required; 'Agent_Secret_Key' was sent, is it meant?"
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

/// Why `text` is not plain text for the people a service shows it to, if
/// it is not: a Markdown backtick, a CLI flag (`--` and a letter) or a
/// Rust path (`::`).
fn not_plain(text: &str) -> Option<&'static str> {
    if text.contains('`') {
        return Some("a backtick");
    }
    if text
        .as_bytes()
        .windows(3)
        .any(|w| w[0] == b'-' && w[1] == b'-' && w[2].is_ascii_alphabetic())
    {
        return Some("a CLI flag");
    }
    if text.contains("::") {
        return Some("a Rust path");
    }
    None
}

/// Every message and suggestion of `report` that is not plain text.
fn unplain(name: &str, report: &omnicontact::Report, out: &mut Vec<String>) {
    for v in report.violations() {
        for text in std::iter::once(v.message()).chain(v.suggestion()) {
            if let Some(why) = not_plain(text) {
                out.push(format!("{name}: {} {}: {why}: {text}", v.rule(), v.path()));
            }
        }
    }
}

/// The JSON files of `tests/<dir>`.
fn json_files(dir: &str) -> Vec<(String, serde_json::Value)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join(dir);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("readable dir entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|file| {
            let text = std::fs::read_to_string(&file).expect("readable file");
            let name = file.file_name().unwrap().to_string_lossy().into_owned();
            (name, serde_json::from_str(&text).expect("JSON"))
        })
        .collect()
}

/// The document of a fixture or suite case, as text.
fn case_text(name: &str, case: &serde_json::Value) -> String {
    match (case.get("text"), case.get("body")) {
        (Some(serde_json::Value::String(t)), _) => t.clone(),
        (_, Some(body)) => body.to_string(),
        _ => panic!("{name}: needs `body` or `text`"),
    }
}

/// The validator of a fixture or suite case (its format: the top of
/// `tests/conformance.rs`).
fn case_validator(provider: Provider, case: &serde_json::Value) -> Validator {
    use omnicontact::{CountryCode, Date, Options};
    let validator = match case.get("operation").and_then(serde_json::Value::as_str) {
        Some(op) => Validator::for_operation(provider, op.parse().unwrap()).unwrap(),
        None => Validator::new(provider),
    };
    let today = case
        .get("today")
        .and_then(serde_json::Value::as_str)
        .unwrap_or("2026-01-01");
    let mut options = Options::new().today(Date::parse(today).unwrap());
    if let Some(region) = case.get("region").and_then(serde_json::Value::as_str) {
        options = options.default_region(CountryCode::parse(region).unwrap());
    }
    for (key, set) in [
        (
            "max_bytes",
            Options::max_bytes as fn(Options, usize) -> Options,
        ),
        ("max_depth", Options::max_depth),
        ("max_per_rule", Options::max_per_rule),
    ] {
        if let Some(max) = case.get(key).and_then(serde_json::Value::as_u64) {
            options = set(options, usize::try_from(max).unwrap());
        }
    }
    if let Some(fields) = case.get("rocketchat_custom_fields") {
        options = options.rocketchat_custom_fields(
            serde_json::from_value::<Vec<omnicontact::rocketchat::CustomField>>(fields.clone())
                .unwrap(),
        );
    }
    validator.with_options(options)
}

#[test]
fn the_plain_text_check_catches_markdown_flags_and_paths() {
    assert_eq!(not_plain("'x' is not a country code"), None);
    assert_eq!(not_plain("a@xn--bcher-kva.example"), Some("a CLI flag"));
    assert_eq!(not_plain("`x` is not"), Some("a backtick"));
    assert_eq!(not_plain("set --region"), Some("a CLI flag"));
    assert_eq!(
        not_plain("see Options::default_region"),
        Some("a Rust path")
    );
    assert_eq!(not_plain("a range 1--2, -- a dash"), None);
}

/// The report of building a contact-model case (`"provider": "contact"`,
/// its format: the top of `tests/conformance.rs`).
fn contact_report(case: &serde_json::Value) -> omnicontact::Report {
    let mut builder: omnicontact::ContactBuilder =
        serde_json::from_value(case["contact"].clone()).expect("a contact's JSON shape");
    let calls = &case["builder"];
    if let Some(email) = calls["email"].as_str() {
        builder = builder.email(email);
    }
    if let Some(phone) = calls["phone"].as_str() {
        builder = builder.phone(phone);
    }
    if calls["identifier_without_value"] == true {
        builder = builder.identifier(omnicontact::Identifier::builder());
    }
    if let Some(numbers) = calls["number_properties"].as_object() {
        for (property, number) in numbers {
            let number: f64 = number.as_str().unwrap().parse().unwrap();
            builder = builder.property(property, number);
        }
    }
    match builder.build_with_report() {
        Ok((_, warnings)) => warnings,
        Err(report) => report,
    }
}

/// Every message and suggestion the conformance fixtures (the contact
/// model's included) and the provider suites produce is plain text: no Markdown, no CLI flag, no Rust path.
#[test]
fn messages_and_suggestions_are_plain_text() {
    let mut found = Vec::new();
    let mut reports = 0;
    for (file, cases) in json_files("fixtures") {
        for case in cases.as_array().expect("a list of cases") {
            let name = format!("{file}: {}", case["name"]);
            if case["provider"] == "contact" {
                unplain(&name, &contact_report(case), &mut found);
                reports += 1;
                continue;
            }
            let provider: Provider = case["provider"].as_str().unwrap().parse().unwrap();
            let batch = case_validator(provider, case).batch();
            for earlier in case
                .get("before")
                .and_then(serde_json::Value::as_array)
                .into_iter()
                .flatten()
            {
                unplain(&name, &batch.validate_value_ref(earlier), &mut found);
            }
            let text = case_text(&name, case);
            let envelope = case.get("envelope").and_then(serde_json::Value::as_bool) == Some(true);
            let to: Option<Provider> = case
                .get("to")
                .and_then(serde_json::Value::as_str)
                .map(|t| t.parse().unwrap());
            let report = match (to, envelope) {
                (Some(target), true) => batch.convert_envelope_str(&text, target),
                (Some(target), false) => batch.convert_str(&text, target),
                (None, true) => batch.validate_envelope_str(&text),
                (None, false) => batch.validate_str(&text),
            };
            unplain(&name, &report, &mut found);
            reports += 1;
        }
    }
    for (file, suite) in json_files("providers") {
        let provider: Provider = suite["provider"].as_str().unwrap().parse().unwrap();
        for case in suite["cases"].as_array().expect("cases") {
            let name = format!("{file}: {}", case["name"]);
            let validator = case_validator(provider, case);
            let text = case_text(&name, case);
            let report = if case.get("envelope").and_then(serde_json::Value::as_bool) == Some(true)
            {
                validator.validate_envelope_str(&text)
            } else {
                validator.validate_str(&text)
            };
            unplain(&name, &report, &mut found);
            reports += 1;
        }
    }
    assert!(reports > 500, "only {reports} cases found");
    assert!(
        found.is_empty(),
        "{} not plain:\n{}",
        found.len(),
        found.join("\n")
    );
}

/// The contact builder's messages are plain text too, and so are the
/// value types' errors, which messages embed.
#[test]
fn builder_messages_and_value_errors_are_plain_text() {
    use omnicontact::ContactBuilder;
    let bad = serde_json::json!({
        "identifiers": [
            {"type": "email", "id": "jane@", "channels": {"fax": {"status": "subscribed"}}},
            {"type": "phone", "id": "4155552671",
             "channels": {"sms": {"status": "maybe", "statusDate": "2024-05-01"}}},
            {"type": "phone", "id": "+1 555 000 0000"},
            {"type": "push_token", "id": "nope"},
            {"type": "slack", "id": " "},
            {"type": "email", "id": "", "channels": {"sms": {"status": "subscribed"}}}
        ],
        "language": "xx", "country": "UK", "timezone": "PST", "gender": "x",
        "birthdate": "1990-02-30", "age": 200, "platform": "fax",
        "photo": "ftp://x", "registeredAt": "2023-04-25T12:55:38",
        "tags": ["", "ok"],
        "customProperties": {"bad name!": 1, "": 2}
    });
    let report = serde_json::from_value::<ContactBuilder>(bad)
        .unwrap()
        .email("a@b@c")
        .phone("+1 415 555 2671 ext. 9")
        .build()
        .unwrap_err();
    assert!(report.violations().len() > 10, "{report}");
    let mut found = Vec::new();
    unplain("builder", &report, &mut found);

    let mut errors: Vec<String> = Vec::new();
    macro_rules! errors {
        ($type:ty: $($input:expr),+) => {
            $(errors.extend(<$type>::parse($input).err().map(|e| e.to_string()));)+
        };
    }
    use omnicontact::{
        CountryCode, Date, Email, Gender, LanguageCode, Phone, PhoneRegion, PushToken,
        SendiosDateTime, TimeZone, Url, UtcDateTime, Uuid,
    };
    errors!(Email: "", "a", "a@b@c", "Jane <a@b.co>", "(c)a@b.co", "\"a\"@b.co", "@b.co",
        "a@", ".a@b.co", "a b@c.co", "a@[1.2.3.4]", "a@b", "a@b..co", "a@-b.co", "a@b!.co",
        "a@1.2", &"a".repeat(300));
    errors!(Phone: "", "+1 a", "+1 415 555 2671 x89", "+1 415;phone-context=+1", "++1",
        "1+415", "+1_4", "+", "4155552671", "+0 1", "+1 23", "+123456789012345678",
        "+44 0000 000000");
    errors!(CountryCode: "", "UK", "United Kingdom", "ZZ", "xyz");
    errors!(PhoneRegion: "", "United Kingdom", "ZZ", "xyz");
    errors!(LanguageCode: "", "zz", "english", "en-US!");
    errors!(TimeZone: "", "PST", "+05:00", "Europe/Vilnus", "Mars/Base");
    errors!(Url: "", "example.com", "ftp://x", "https://", "https://a b");
    errors!(UtcDateTime: "", "2024", "2024-01-01T00:00:00", "2024-13-01T00:00:00Z");
    errors!(Date: "", "2024", "2024-02-30", "1/2/2024");
    errors!(SendiosDateTime: "", "2024", "2024-01-01T00:00:00", "2024-13-01 00:00:00");
    errors!(Uuid: "", "{5f7b1b3b-3b3b-4b3b-3b3b-3b3b3b3b3b3b}",
        "urn:uuid:5f7b1b3b-3b3b-4b3b-3b3b-3b3b3b3b3b3b", "5f7b", "5f7b1b3b3-b3b-4b3b-3b3b-3b3b3b3b3b3b");
    errors!(Gender: "", "x");
    errors!(PushToken: "", "not a token", "abcdefghijklmnopqrstu:x", "<a1b2 c3d4>");
    for bad in [
        serde_json::json!({"x": 1}),
        serde_json::json!(["a", 1]),
        serde_json::json!({"date": "2020-13-01"}),
    ] {
        errors.push(
            omnicontact::PropertyValue::try_from(bad)
                .unwrap_err()
                .to_string(),
        );
    }
    // Some inputs parse without the `phone` or `tz` feature.
    assert!(errors.len() > 60, "only {} errors", errors.len());
    for e in &errors {
        if let Some(why) = not_plain(e) {
            found.push(format!("value error: {why}: {e}"));
        }
    }
    assert!(
        found.is_empty(),
        "{} not plain:\n{}",
        found.len(),
        found.join("\n")
    );
}
