//! Interoperability: serde on the model and the names, borrowed values in
//! the validator, `PropertyValue` from JSON, typed channel states,
//! `UtcDateTime` and `SystemTime`, and the builders' warnings.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use omnicontact::model::{
    Channel, ChannelState, ChannelStatus, Contact, ContactBuilder, CustomProperty, Identifier,
    Platform, PropertyValue, PropertyValueError,
};
use omnicontact::values::{DateError, UtcDateTimeError};
use omnicontact::{Date, Operation, Provider, Report, UtcDateTime, Validator};
use serde_json::{Value, json};

fn found(report: &Report) -> Vec<(&'static str, &str)> {
    report
        .violations()
        .iter()
        .map(|v| (v.rule(), v.path()))
        .collect()
}

/// A contact with every field set and every kind of property value.
fn full_contact() -> Contact {
    let since = UtcDateTime::parse("2024-05-01T12:00:00+02:00").unwrap();
    Contact::builder()
        .external_id("crm-42")
        .first_name("Jane")
        .last_name("Doe")
        .display_name("Jane Doe")
        .email("Jane@Example.COM")
        .phone("+44 20 7946 0018")
        .identifier(Identifier::builder().push_token("ab".repeat(32)).channel(
            "iospush",
            "unsubscribed",
            None,
        ))
        .identifier(
            Identifier::builder()
                .phone("+1 415 555 2671")
                .channel_state(
                    Channel::Whatsapp,
                    ChannelState::new(ChannelStatus::Subscribed, Some(since)),
                )
                .channel("sms", "nonSubscribed", None),
        )
        .identifier(Identifier::builder().slack("U012AB3CD"))
        .identifier(Identifier::builder().ms_teams("29:1abc"))
        .identifier(Identifier::builder().inbox("user-42"))
        .identifier(Identifier::builder().web_push(r#"{"endpoint":"https://push.example/x"}"#))
        .language("EN")
        .country("gbr")
        .timezone("Europe/London")
        .gender("female")
        .birthdate("1990-02-28")
        .age(34)
        .platform("4")
        .vip(true)
        .photo("https://example.com/a.jpg")
        .auth_key("k")
        .registered_at("2023-04-25T14:55:38+02:00")
        .address("1 Main St")
        .city("London")
        .state("England")
        .postal_code("SW1A 1AA")
        .tags(["vip", "source: crm"])
        .property("z_last_set_first", 1.5)
        .property("shoe_size", 38)
        .property("newsletter", false)
        .property("nick", "JD")
        .property("looks_like_date", "2020-01-31")
        .property("since", Date::parse("2020-01-31").unwrap())
        .property("langs", vec!["en", "lt"])
        .property("gone", PropertyValue::Remove)
        .build()
        .unwrap()
}

#[test]
fn contact_round_trips_through_json() {
    let contact = full_contact();
    let text = serde_json::to_string(&contact).unwrap();
    let back: Contact = serde_json::from_str(&text).unwrap();
    assert_eq!(back, contact);
    // Writing again gives the same text: member order is the model's.
    assert_eq!(serde_json::to_string(&back).unwrap(), text);
}

#[test]
fn contact_json_shape_is_stable() {
    let v = serde_json::to_value(full_contact()).unwrap();
    assert_eq!(v["externalId"], "crm-42");
    assert_eq!(v["firstName"], "Jane");
    assert_eq!(v["displayName"], "Jane Doe");
    assert_eq!(
        v["identifiers"][0],
        json!({"type": "email", "id": "Jane@example.com"})
    );
    assert_eq!(
        v["identifiers"][1],
        json!({"type": "phone", "id": "+442079460018"})
    );
    assert_eq!(
        v["identifiers"][2],
        json!({"type": "push_token", "id": "ab".repeat(32), "channels": {"iospush": {"status": "unsubscribed"}}})
    );
    assert_eq!(
        v["identifiers"][3]["channels"]["whatsapp"],
        json!({"status": "subscribed", "statusDate": "2024-05-01T10:00:00Z"})
    );
    let types: Vec<_> = v["identifiers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["type"].as_str().unwrap())
        .collect();
    assert_eq!(
        types,
        [
            "email",
            "phone",
            "push_token",
            "phone",
            "slack",
            "ms_teams",
            "inbox",
            "webpush"
        ]
    );
    assert_eq!(v["language"], "en");
    assert_eq!(v["country"], "GB");
    assert_eq!(v["timezone"], "Europe/London");
    assert_eq!(v["gender"], "f");
    assert_eq!(v["birthdate"], "1990-02-28");
    assert_eq!(v["age"], 34);
    assert_eq!(v["platform"], "ios");
    assert_eq!(v["vip"], true);
    assert_eq!(v["photo"], "https://example.com/a.jpg");
    assert_eq!(v["authKey"], "k");
    assert_eq!(v["registeredAt"], "2023-04-25T12:55:38Z");
    assert_eq!(v["postalCode"], "SW1A 1AA");
    assert_eq!(v["tags"], json!(["vip", "source: crm"]));
    let props = &v["customProperties"];
    assert_eq!(props["z_last_set_first"], 1.5);
    assert_eq!(props["shoe_size"], 38.0);
    assert_eq!(props["newsletter"], false);
    assert_eq!(props["looks_like_date"], "2020-01-31");
    assert_eq!(props["since"], json!({"date": "2020-01-31"}));
    assert_eq!(props["langs"], json!(["en", "lt"]));
    assert_eq!(props["gone"], Value::Null);
    assert_eq!(v.as_object().unwrap().len(), 22);
}

#[test]
fn an_empty_contact_is_an_empty_object() {
    let c = Contact::builder().build().unwrap();
    assert_eq!(serde_json::to_string(&c).unwrap(), "{}");
    assert_eq!(serde_json::from_str::<Contact>("{}").unwrap(), c);
    let nulls = json!({"firstName": null, "identifiers": [], "age": null});
    assert_eq!(serde_json::from_value::<Contact>(nulls).unwrap(), c);
}

#[test]
fn reading_keeps_object_order() {
    // Written in this order, read in this order, whatever the map type.
    let text = r#"{"identifiers":[{"type":"phone","id":"+14155552671","channels":{"whatsapp":{"status":"subscribed"},"sms":{"status":"unsubscribed"}}}],"customProperties":{"b":1,"a":2}}"#;
    let c: Contact = serde_json::from_str(text).unwrap();
    let channels: Vec<_> = c.identifiers()[0]
        .channels()
        .iter()
        .map(|(ch, _)| ch.as_str())
        .collect();
    assert_eq!(channels, ["whatsapp", "sms"]);
    let names: Vec<_> = c
        .custom_properties()
        .iter()
        .map(CustomProperty::name)
        .collect();
    assert_eq!(names, ["b", "a"]);
    assert_eq!(
        serde_json::to_string(&c).unwrap(),
        text.replace(":1,", ":1.0,").replace(":2}", ":2.0}")
    );
}

#[test]
fn reading_normalizes_as_the_builder_does() {
    let c: Contact = serde_json::from_value(json!({
        "identifiers": [
            {"type": "phone", "id": "+1 (415) 555-2671"},
            {"type": "email", "id": "a@B.example", "channels": {"email": {"status": "subscribed", "statusDate": "2024-05-01T12:00:00+02:00"}}},
            {"type": "email", "id": "a@b.example", "channels": {"email": {"status": "unsubscribed", "statusDate": "2023-01-01T00:00:00Z"}}}
        ],
        "country": "usa",
        "platform": "Android",
        "tags": ["a", "a"],
        "customProperties": {"empty": ""}
    }))
    .unwrap();
    assert_eq!(c.phone().unwrap().as_str(), "+14155552671");
    // Duplicates merged by the status-date rule.
    assert_eq!(c.identifiers().len(), 2);
    let email = c.identifiers()[1].channel(Channel::Email).unwrap();
    assert_eq!(email.status(), ChannelStatus::Subscribed);
    assert_eq!(email.date().unwrap().as_str(), "2024-05-01T10:00:00Z");
    assert_eq!(c.platform(), Some(Platform::Android));
    assert_eq!(c.tags(), ["a"]);
    assert_eq!(c.custom_property("empty"), Some(&PropertyValue::Remove));
}

#[test]
fn invalid_json_input_never_builds_a_contact() {
    let bad = json!({
        "identifiers": [
            {"type": "email", "id": "jane@"},
            {"type": "phone", "id": "+1415", "channels": {"fax": {"status": "Subscribed", "statusDate": "yesterday"}}}
        ],
        "country": "UK",
        "customProperties": {"hair color": "red"}
    });
    let e = serde_json::from_value::<Contact>(bad.clone()).unwrap_err();
    let message = e.to_string();
    assert!(
        message.starts_with("error contact.identifiers.id.format at body /identifiers/0/id"),
        "{message}"
    );
    assert!(
        message.contains("contact.custom_properties.name.format"),
        "{message}"
    );

    let report = serde_json::from_value::<ContactBuilder>(bad)
        .unwrap()
        .build()
        .unwrap_err();
    assert_eq!(
        found(&report),
        [
            ("contact.identifiers.id.format", "/identifiers/0/id"),
            ("contact.identifiers.id.format", "/identifiers/1/id"),
            (
                "contact.identifiers.channels.enum",
                "/identifiers/1/channels/fax"
            ),
            (
                "contact.identifiers.channels.status.enum",
                "/identifiers/1/channels/fax/status"
            ),
            (
                "contact.identifiers.channels.status_date.format",
                "/identifiers/1/channels/fax/statusDate"
            ),
            ("contact.country.format", "/country"),
            (
                "contact.custom_properties.name.format",
                "/customProperties/hair color"
            ),
        ]
    );
}

#[test]
fn wrong_json_types_and_unknown_members_are_errors() {
    for (bad, expected) in [
        (json!({"firstNmae": "Jo"}), "unknown field `firstNmae`"),
        (
            json!({"age": "34"}),
            "invalid type: string \"34\", expected i64",
        ),
        (json!({"age": 1.5}), "invalid type: floating point"),
        (
            json!({"identifiers": [{"type": "fax", "id": "1"}]}),
            "unknown variant `fax`",
        ),
        (
            json!({"identifiers": [{"type": "email"}]}),
            "missing field `id`",
        ),
        (
            json!({"identifiers": [{"type": "email", "id": "a@b.co", "x": 1}]}),
            "unknown field `x`",
        ),
        (
            json!({"tags": "vip"}),
            "invalid type: string \"vip\", expected a sequence",
        ),
        (
            json!({"customProperties": {"a": {"b": 1}}}),
            "{\"date\": \"YYYY-MM-DD\"}",
        ),
        (
            json!({"customProperties": {"a": {"date": "2020-02-30"}}}),
            "not a date: no such calendar date",
        ),
        (json!({"customProperties": ["a"]}), "expected an object"),
        (json!([]), "invalid type: sequence, expected an object"),
        (
            json!({"identifiers": [["email", "a@b.co"]]}),
            "expected an object",
        ),
        (
            json!({"identifiers": [{"type": "email", "id": "a@b.co", "channels": {"email": ["subscribed"]}}]}),
            "expected an object",
        ),
    ] {
        let e = serde_json::from_value::<Contact>(bad.clone()).unwrap_err();
        assert!(e.to_string().contains(expected), "{bad}: {e}");
    }
    // An age out of range is the builder's error, not a JSON type error.
    let report = serde_json::from_value::<ContactBuilder>(json!({"age": 200}))
        .unwrap()
        .build()
        .unwrap_err();
    assert_eq!(found(&report), [("contact.age.range", "/age")]);
}

#[test]
fn parts_round_trip_on_their_own() {
    let contact = full_contact();
    for id in contact.identifiers() {
        let text = serde_json::to_string(id).unwrap();
        assert_eq!(
            &serde_json::from_str::<Identifier>(&text).unwrap(),
            id,
            "{text}"
        );
    }
    for p in contact.custom_properties() {
        let text = serde_json::to_string(p).unwrap();
        assert_eq!(
            &serde_json::from_str::<CustomProperty>(&text).unwrap(),
            p,
            "{text}"
        );
    }
    assert_eq!(
        serde_json::to_value(CustomProperty::new("n", 1).unwrap()).unwrap(),
        json!({"name": "n", "value": 1.0})
    );
    let e =
        serde_json::from_value::<CustomProperty>(json!({"name": "a b", "value": 1})).unwrap_err();
    assert!(
        e.to_string()
            .contains("contact.custom_properties.name.format"),
        "{e}"
    );
    let e = serde_json::from_value::<Identifier>(json!({"type": "slack", "id": " "})).unwrap_err();
    assert!(
        e.to_string().contains("contact.identifiers.id.format"),
        "{e}"
    );

    let state = ChannelState::new(
        ChannelStatus::NonSubscribed,
        UtcDateTime::parse("2024-01-01T00:00:00Z").ok(),
    );
    let v = serde_json::to_value(&state).unwrap();
    assert_eq!(
        v,
        json!({"status": "nonSubscribed", "statusDate": "2024-01-01T00:00:00Z"})
    );
    assert_eq!(serde_json::from_value::<ChannelState>(v).unwrap(), state);
    assert!(serde_json::from_value::<ChannelState>(json!({"status": "Subscribed"})).is_err());
    assert!(
        serde_json::from_value::<ChannelState>(
            json!({"status": "subscribed", "statusDate": "2024-01-01"})
        )
        .is_err()
    );
}

#[test]
fn names_serialize_as_the_command_line_spells_them() {
    for p in Provider::ALL {
        let v = serde_json::to_value(p).unwrap();
        assert_eq!(v, p.as_str());
        assert_eq!(serde_json::from_value::<Provider>(v).unwrap(), *p);
    }
    for o in Operation::ALL {
        let v = serde_json::to_value(o).unwrap();
        assert_eq!(v, o.as_str());
        assert_eq!(serde_json::from_value::<Operation>(v).unwrap(), *o);
    }
    assert_eq!(
        serde_json::to_value(Provider::RocketChat).unwrap(),
        "rocketchat"
    );
    let e = serde_json::from_value::<Provider>(json!("Omnisend")).unwrap_err();
    assert!(
        e.to_string().starts_with("unknown provider `Omnisend`"),
        "{e}"
    );
    let e = serde_json::from_value::<Operation>(json!("update")).unwrap_err();
    assert!(
        e.to_string().starts_with("unknown operation `update`"),
        "{e}"
    );
    assert!(serde_json::from_value::<Provider>(json!(1)).is_err());

    for c in Channel::ALL {
        assert_eq!(serde_json::to_value(c).unwrap(), c.as_str());
        assert_eq!(
            serde_json::from_value::<Channel>(json!(c.as_str())).unwrap(),
            c
        );
    }
    assert_eq!(
        serde_json::to_value(ChannelStatus::NonSubscribed).unwrap(),
        "nonSubscribed"
    );
    assert_eq!(
        serde_json::to_value(Platform::MobileBrowser).unwrap(),
        "mobile_browser"
    );
    assert_eq!(
        serde_json::from_value::<Platform>(json!("2")).unwrap(),
        Platform::MobileBrowser
    );
}

#[test]
fn property_value_from_json() {
    let ok = |v: Value| PropertyValue::try_from(&v).unwrap();
    assert_eq!(ok(json!(1)), PropertyValue::Number(1.0));
    assert_eq!(ok(json!(-0.25)), PropertyValue::Number(-0.25));
    assert_eq!(ok(json!(u64::MAX)), PropertyValue::from(u64::MAX));
    assert_eq!(ok(json!(true)), PropertyValue::Boolean(true));
    assert_eq!(ok(json!("")), PropertyValue::String(String::new()));
    assert_eq!(ok(json!([])), PropertyValue::List(vec![]));
    assert_eq!(ok(json!(null)), PropertyValue::Remove);
    assert_eq!(
        ok(json!({"date": "2000-02-29"})),
        PropertyValue::Date(Date::parse("2000-02-29").unwrap())
    );
    let err = |v: Value| PropertyValue::try_from(v).unwrap_err();
    assert_eq!(
        err(json!(["a", "b", null])),
        PropertyValueError::ListItem { index: 2 }
    );
    assert_eq!(err(json!({})), PropertyValueError::Object);
    assert_eq!(err(json!({"date": 20000229})), PropertyValueError::Object);
    assert_eq!(
        err(json!({"date": "2000-02-29", "x": 1})),
        PropertyValueError::Object
    );
    assert_eq!(
        err(json!({"date": "2001-02-29"})),
        PropertyValueError::Date(DateError::InvalidDate)
    );
    // Serialize then read back: the same value, for every kind.
    for v in [
        PropertyValue::Number(1e-7),
        PropertyValue::Boolean(false),
        PropertyValue::String("2020-01-31".into()),
        PropertyValue::Date(Date::parse("2020-01-31").unwrap()),
        PropertyValue::List(vec!["x".into()]),
        PropertyValue::Remove,
    ] {
        let json = serde_json::to_value(&v).unwrap();
        assert_eq!(PropertyValue::try_from(&json).unwrap(), v);
        assert_eq!(serde_json::from_value::<PropertyValue>(json).unwrap(), v);
    }
}

#[test]
fn borrowed_values_validate_as_owned_ones() {
    let docs = [
        (
            Provider::Omnisend,
            json!({"email": " Jane@Example.COM", "tags": ["source: x", "source: x"], "firstNmae": "Jo"}),
        ),
        (
            Provider::Sendios,
            json!({"client_user_id": "u1", "phone": "+1 234 567 890", "age": 200}),
        ),
        (
            Provider::RocketChat,
            json!({"name": "Jo", "emails": ["jo@example.com"]}),
        ),
        (Provider::Raia, json!("not an object")),
    ];
    for (provider, doc) in &docs {
        let v = Validator::new(*provider);
        let before = doc.clone();
        assert_eq!(
            v.validate_value_ref(doc),
            v.validate_value(doc.clone()),
            "{doc}"
        );
        assert_eq!(doc, &before);
        for target in Provider::ALL {
            assert_eq!(
                v.convert_value_ref(doc, *target),
                v.convert_value(doc.clone(), *target),
                "{doc} to {target}"
            );
        }
        let env = json!({"headers": {"X-API-KEY": "k"}, "body": doc});
        assert_eq!(
            v.validate_envelope_value_ref(&env),
            v.validate_envelope_value(env.clone())
        );
        assert_eq!(
            v.convert_envelope_value_ref(&env, Provider::Suprsend),
            v.convert_envelope_value(env.clone(), Provider::Suprsend)
        );
    }
    // The limits are checked on the borrowed value.
    let deep = (0..40).fold(json!(1), |v, _| json!([v]));
    let r = Validator::new(Provider::Omnisend).validate_value_ref(&json!({"tags": deep}));
    assert_eq!(found(&r), [("input.body.max_depth", "")]);
}

#[test]
fn typed_channel_states_build_as_strings_do() {
    let date = UtcDateTime::parse("2024-05-01T10:00:00Z").unwrap();
    let typed = Identifier::builder()
        .phone("+14155552671")
        .channel_state(
            Channel::Sms,
            ChannelState::new(ChannelStatus::Subscribed, Some(date)),
        )
        .channel_state(
            Channel::Whatsapp,
            ChannelState::new(ChannelStatus::NonSubscribed, None),
        )
        .build()
        .unwrap();
    let strings = Identifier::builder()
        .phone("+14155552671")
        .channel("sms", "subscribed", Some("2024-05-01T12:00:00+02:00"))
        .channel("whatsapp", "nonSubscribed", None)
        .build()
        .unwrap();
    assert_eq!(typed, strings);
    let r = Identifier::builder()
        .inbox("u1")
        .channel_state(
            Channel::Email,
            ChannelState::new(ChannelStatus::Subscribed, None),
        )
        .build()
        .unwrap_err();
    assert_eq!(
        found(&r),
        [("contact.identifiers.channels.enum", "/channels/email")]
    );
}

#[test]
fn utc_date_times_and_system_times() {
    let at = |secs: i64| {
        if secs >= 0 {
            UNIX_EPOCH + Duration::from_secs(secs.unsigned_abs())
        } else {
            UNIX_EPOCH - Duration::from_secs(secs.unsigned_abs())
        }
    };
    let from = |t: SystemTime| UtcDateTime::from_system_time(t).map(|d| d.as_str().to_owned());
    // The first and last seconds of 0000-9999, and one beyond each.
    assert_eq!(from(at(-62_167_219_200)).unwrap(), "0000-01-01T00:00:00Z");
    assert_eq!(from(at(-62_167_219_201)), Err(UtcDateTimeError::OutOfRange));
    assert_eq!(from(at(253_402_300_799)).unwrap(), "9999-12-31T23:59:59Z");
    assert_eq!(from(at(253_402_300_800)), Err(UtcDateTimeError::OutOfRange));
    assert_eq!(from(at(0)).unwrap(), "1970-01-01T00:00:00Z");
    // Fractions go towards the past, before 1970 too.
    assert_eq!(
        from(UNIX_EPOCH + Duration::from_nanos(999_999_999)).unwrap(),
        "1970-01-01T00:00:00Z"
    );
    assert_eq!(
        from(UNIX_EPOCH - Duration::from_nanos(1)).unwrap(),
        "1969-12-31T23:59:59Z"
    );
    assert_eq!(
        from(UNIX_EPOCH - Duration::from_secs(1)).unwrap(),
        "1969-12-31T23:59:59Z"
    );
    // Far beyond chrono's range: an error, not a panic.
    for far in [
        UNIX_EPOCH.checked_add(Duration::from_secs(i64::MAX.unsigned_abs())),
        UNIX_EPOCH.checked_sub(Duration::from_secs(i64::MAX.unsigned_abs())),
    ]
    .into_iter()
    .flatten()
    {
        assert_eq!(
            UtcDateTime::from_system_time(far),
            Err(UtcDateTimeError::OutOfRange)
        );
    }
    // Whole seconds make a round trip.
    for secs in [
        0,
        1,
        -1,
        1_682_427_338,
        -86_401,
        951_782_400,
        253_402_300_799,
    ] {
        let dt = UtcDateTime::try_from(at(secs)).unwrap();
        assert_eq!(dt.to_system_time(), Some(at(secs)), "{dt}");
        assert_eq!(UtcDateTime::parse(dt.as_str()).unwrap(), dt);
    }
    assert_eq!(
        UtcDateTime::parse("2000-02-29T00:00:00Z")
            .unwrap()
            .to_system_time(),
        Some(at(951_782_400))
    );
    // `now` is the system clock, to the second.
    let before = UtcDateTime::from_system_time(SystemTime::now()).unwrap();
    let now = UtcDateTime::now().unwrap();
    let after = UtcDateTime::from_system_time(SystemTime::now()).unwrap();
    assert!(before <= now && now <= after);
}

#[test]
fn builders_return_their_warnings() {
    // A number no numbering plan assigns, as shorthand and as identifier.
    let unassigned = "+1 234 567 890";
    let built = Contact::builder()
        .phone(unassigned)
        .identifier(Identifier::builder().phone("+1 234 567 891"))
        .identifier(Identifier::builder().phone("+44 20 7946 0018")) // assigned
        .build_with_report();
    let (contact, warnings) = built.unwrap();
    assert_eq!(contact.identifiers().len(), 3);
    assert!(warnings.is_valid());
    assert_eq!(warnings.errors().count(), 0);
    if cfg!(feature = "phone") {
        assert_eq!(
            found(&warnings),
            [
                ("contact.phone.invalid_number", "/phone"),
                ("contact.identifiers.id.invalid_number", "/identifiers/0/id"),
            ]
        );
        assert_eq!(
            warnings.violations()[0].message(),
            "'+1234567890' is well-formed but no numbering plan assigns it"
        );
    } else {
        assert!(warnings.violations().is_empty());
    }
    // `build` drops them; a clean contact has none.
    assert!(Contact::builder().phone(unassigned).build().is_ok());
    let (_, none) = Contact::builder()
        .phone("+44 20 7946 0018")
        .build_with_report()
        .unwrap();
    assert!(none.violations().is_empty());
    // A failed build reports warnings beside the errors.
    let r = Contact::builder()
        .phone(unassigned)
        .age(-1)
        .build()
        .unwrap_err();
    let expected: &[_] = if cfg!(feature = "phone") {
        &[
            ("contact.phone.invalid_number", "/phone"),
            ("contact.age.range", "/age"),
        ]
    } else {
        &[("contact.age.range", "/age")]
    };
    assert_eq!(found(&r), expected);
    assert!(!r.is_valid());
    // The identifier builder too.
    let (id, w) = Identifier::builder()
        .phone(unassigned)
        .build_with_report()
        .unwrap();
    assert_eq!(id.as_str(), "+1234567890");
    assert_eq!(w.violations().len(), usize::from(cfg!(feature = "phone")));
}

mod round_trip {
    use super::*;
    use proptest::prelude::*;

    /// A contact from random input: whatever the builder accepts must come
    /// back equal from its JSON.
    fn contact() -> impl Strategy<Value = Contact> {
        let text = || proptest::option::of(any::<String>());
        let property = prop_oneof![
            // Up to 12 digits: read back exactly by serde_json with or
            // without its `float_roundtrip` feature (see `any_float_*`).
            (-999_999_999_999i64..=999_999_999_999, 0i32..=6).prop_map(|(m, k)| {
                #[allow(clippy::cast_precision_loss)] // below 2^53: exact
                PropertyValue::Number(m as f64 / 10f64.powi(k))
            }),
            any::<bool>().prop_map(PropertyValue::Boolean),
            any::<String>().prop_map(PropertyValue::String),
            (0i32..=9999, 1u32..=12, 1u32..=28)
                .prop_map(|(y, m, d)| PropertyValue::Date(Date::from_ymd(y, m, d).unwrap())),
            proptest::collection::vec(any::<String>(), 0..3).prop_map(PropertyValue::List),
            Just(PropertyValue::Remove),
        ];
        let status = prop_oneof![
            Just(ChannelStatus::Subscribed),
            Just(ChannelStatus::Unsubscribed),
            Just(ChannelStatus::NonSubscribed),
        ];
        let date = proptest::option::of((-62_167_219_200i64..253_402_300_800).prop_map(|s| {
            UtcDateTime::from_system_time(if s >= 0 {
                UNIX_EPOCH + Duration::from_secs(s.unsigned_abs())
            } else {
                UNIX_EPOCH - Duration::from_secs(s.unsigned_abs())
            })
            .unwrap()
        }));
        let identifier = (0usize..6, "[a-z0-9]{1,8}", any::<String>(), status, date).prop_map(
            |(kind, word, free, status, date)| {
                let state = ChannelState::new(status, date);
                let b = Identifier::builder();
                match kind {
                    0 => b
                        .email(format!("{word}@Example.{word}"))
                        .channel_state(Channel::Email, state),
                    1 => b
                        .phone("+44 20 7946 0018")
                        .channel_state(Channel::Whatsapp, state),
                    2 => b.slack(free),
                    3 => b
                        .ms_teams(format!(" {word} "))
                        .channel_state(Channel::MsTeams, state),
                    4 => b.inbox(free).channel_state(Channel::Inbox, state),
                    _ => b.web_push(free),
                }
            },
        );
        (
            (
                text(),
                text(),
                text(),
                text(),
                text(),
                text(),
                text(),
                text(),
            ),
            proptest::collection::vec(identifier, 0..4),
            (
                proptest::option::of(prop_oneof![Just("EN"), Just("lt"), Just("pt")]),
                proptest::option::of(prop_oneof![Just("usa"), Just("LT"), Just("gb")]),
                proptest::option::of(prop_oneof![Just("f"), Just("Male")]),
                proptest::option::of(0i64..=150),
                proptest::option::of(prop_oneof![Just("0"), Just("ios"), Just("Desktop")]),
                proptest::option::of(any::<bool>()),
                proptest::option::of(prop_oneof![
                    Just(" 2023-04-25T14:55:38+02:00"),
                    Just("2017-05-30T14:11:12Z")
                ]),
            ),
            proptest::collection::vec("[^\\s]{1,6}", 0..4),
            proptest::collection::vec(("[A-Za-z0-9_]{1,12}", property), 0..5),
        )
            .prop_filter_map("the builder refuses it", |(t, ids, v, tags, props)| {
                let mut b = Contact::builder();
                let (a, bb, c, d, e, f, g, h) = t;
                if let Some(x) = a {
                    b = b.external_id(x);
                }
                if let Some(x) = bb {
                    b = b.first_name(x);
                }
                if let Some(x) = c {
                    b = b.last_name(x);
                }
                if let Some(x) = d {
                    b = b.display_name(x);
                }
                if let Some(x) = e {
                    b = b.auth_key(x);
                }
                if let Some(x) = f {
                    b = b.address(x);
                }
                if let Some(x) = g {
                    b = b.city(x);
                }
                if let Some(x) = h {
                    b = b.postal_code(x);
                }
                for id in ids {
                    b = b.identifier(id);
                }
                let (lang, country, gender, age, platform, vip, registered) = v;
                if let Some(x) = lang {
                    b = b.language(x);
                }
                if let Some(x) = country {
                    b = b.country(x);
                }
                if let Some(x) = gender {
                    b = b.gender(x);
                }
                if let Some(x) = age {
                    b = b.age(x);
                }
                if let Some(x) = platform {
                    b = b.platform(x);
                }
                if let Some(x) = vip {
                    b = b.vip(x);
                }
                if let Some(x) = registered {
                    b = b.registered_at(x);
                }
                b = b.tags(tags);
                for (name, value) in props {
                    b = b.property(name, value);
                }
                b.build().ok()
            })
    }

    /// Whether serde_json reads every float back exactly (its
    /// `float_roundtrip` feature, which this crate may or may not enable).
    fn exact_floats() -> bool {
        serde_json::from_str::<f64>("1.0715660391465826e-75").unwrap() == 1.0715660391465826e-75
    }

    proptest! {
        #[test]
        fn any_float_round_trips_when_serde_json_reads_floats_exactly(
            n in any::<f64>().prop_filter("finite", |n| n.is_finite()),
        ) {
            let c = Contact::builder().property("n", n).build().unwrap();
            let back: Contact = serde_json::from_str(&serde_json::to_string(&c).unwrap()).unwrap();
            if exact_floats() {
                prop_assert_eq!(back, c);
            } else {
                // Best-effort parsing: a few units in the last place.
                let Some(PropertyValue::Number(m)) = back.custom_property("n") else {
                    panic!("not a number: {back:?}");
                };
                prop_assert!((m - n).abs() <= n.abs() * 1e-15, "{} -> {}", n, m);
            }
        }

        #[test]
        fn contacts_round_trip(contact in contact()) {
            let text = serde_json::to_string(&contact).unwrap();
            let back: Contact = serde_json::from_str(&text).unwrap();
            prop_assert_eq!(&back, &contact);
            prop_assert_eq!(serde_json::to_string(&back).unwrap(), text);
        }
    }
}
