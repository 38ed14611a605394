//! The conversion matrix: a realistic record of every provider converted to
//! every provider (`Validator::convert_value`), with exactly the expected
//! `convert.*` losses and target errors; round trips P → P keep every field
//! P and the canonical contact both hold (examples and proptest).

use omnicontact::{Location, Provider, Report, Severity, Validator};
use proptest::prelude::*;
use serde_json::{Value, json};

/// A realistic record of each provider (after examples/data), with every
/// member the canonical contact can hold and one it cannot.
fn record(p: Provider) -> Value {
    match p {
        Provider::Sendios => json!({
            "client_user_id": "crm-10001", "name": "Jane Doe", "email": "jane.doe@example.com",
            "phone": "+1 415 555 2671", "language": "EN", "country": "US", "platform_id": "4", "gender": "F",
            "vip": 1, "age": 34, "photo": "https://cdn.example.com/u/10001.png", "ak": "k-10001",
            "registration_date": "2023-04-25 12:55:38",
            "app_push_token": "a1b2c3d4e5f6a7b8a1b2c3d4e5f6a7b8a1b2c3d4e5f6a7b8a1b2c3d4e5f6a7b8",
            "fields": {"plan": "pro", "seats": 5}
        }),
        Provider::RocketChat => json!({
            "name": "Maria Garcia", "emails": ["maria.garcia@example.es", "maria@example.com"],
            "phones": ["+34 612 345 678"], "customFields": {"plan": "pro"},
            "contactManager": "67dfghjkjhgfdce31dd9bdae"
        }),
        Provider::Suprsend => json!({
            "$email": ["jane.doe@example.com"], "$sms": ["+14155552671"], "$whatsapp": ["+14155552671"],
            "$iospush": [{"token": "a1b2c3d4e5f6a7b8a1b2c3d4e5f6a7b8a1b2c3d4e5f6a7b8a1b2c3d4e5f6a7b8", "provider": "apns"}],
            "$slack": ["U012AB3CD"],
            "$timezone": "America/Los_Angeles", "$preferred_language": "en", "plan": "pro"
        }),
        Provider::Raia => json!({
            "firstName": "Lukas", "lastName": "Petraitis", "email": "lukas@example.lt",
            "phoneNumber": "+370 612 34567", "fkId": "crm-20003", "context": "Sales",
            "customData": {"plan": "team", "seats": 3}
        }),
        _ => json!({
            "identifiers": [
                {"type": "email", "id": "jane.doe@example.com",
                 "channels": {"email": {"status": "subscribed", "statusDate": "2024-03-01T09:30:00Z"}}},
                {"type": "phone", "id": "+1 201-555-0123", "channels": {"sms": {"status": "nonSubscribed"}}}
            ],
            "contactID": "crm-30001", "firstName": "Jane", "lastName": "Doe", "countryCode": "US",
            "state": "NJ", "city": "Newark", "postalCode": "07102", "gender": "f", "birthdate": "1988-07-14",
            "createdAt": "2024-01-02T03:04:05Z", "tags": ["source: shopify", "vip"],
            "customProperties": {"loyalty_tier": "gold", "orders_count": 12, "lifetime_value": 1843.5}
        }),
    }
}

/// `(rule, path)` of the report's violations in the converted location.
fn converted(report: &Report) -> Vec<(String, String)> {
    report
        .violations()
        .iter()
        .filter(|v| v.location() == Location::Converted)
        .map(|v| (v.rule().to_owned(), v.path().to_owned()))
        .collect()
}

fn ids(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(r, p)| ((*r).to_owned(), (*p).to_owned()))
        .collect()
}

use Provider::{Omnisend as O, Raia as Ra, RocketChat as Rc, Sendios as Se, Suprsend as Su};

/// Every ordered pair: exactly these converted-side violations.
#[allow(clippy::too_many_lines)] // one row per ordered pair
fn expected(source: Provider, target: Provider) -> Vec<(&'static str, &'static str)> {
    match (source, target) {
        (Se, Se) | (O, O) => vec![],
        (Se, Rc) => vec![
            ("convert.push_token.lossy", "/app_push_token"),
            ("convert.external_id.lossy", "/client_user_id"),
            ("convert.language.lossy", "/language"),
            ("convert.country.lossy", "/country"),
            ("convert.gender.lossy", "/gender"),
            ("convert.age.lossy", "/age"),
            ("convert.platform.lossy", "/platform_id"),
            ("convert.vip.lossy", "/vip"),
            ("convert.photo.lossy", "/photo"),
            ("convert.auth_key.lossy", "/ak"),
            ("convert.registered_at.lossy", "/registration_date"),
        ],
        (Se, Su) => vec![
            ("convert.name.lossy", "/name"),
            ("convert.country.lossy", "/country"),
            ("convert.gender.lossy", "/gender"),
            ("convert.age.lossy", "/age"),
            ("convert.platform.lossy", "/platform_id"),
            ("convert.vip.lossy", "/vip"),
            ("convert.photo.lossy", "/photo"),
            ("convert.auth_key.lossy", "/ak"),
            ("convert.registered_at.lossy", "/registration_date"),
        ],
        (Se, Ra) => vec![
            ("convert.name.lossy", "/name"),
            ("convert.push_token.lossy", "/app_push_token"),
            ("convert.language.lossy", "/language"),
            ("convert.country.lossy", "/country"),
            ("convert.gender.lossy", "/gender"),
            ("convert.age.lossy", "/age"),
            ("convert.platform.lossy", "/platform_id"),
            ("convert.vip.lossy", "/vip"),
            ("convert.photo.lossy", "/photo"),
            ("convert.auth_key.lossy", "/ak"),
            ("convert.registered_at.lossy", "/registration_date"),
        ],
        (Se, O) => vec![
            ("convert.name.lossy", "/name"),
            ("convert.push_token.lossy", "/app_push_token"),
            ("convert.language.lossy", "/language"),
            ("convert.age.lossy", "/age"),
            ("convert.platform.lossy", "/platform_id"),
            ("convert.vip.lossy", "/vip"),
            ("convert.photo.lossy", "/photo"),
            ("convert.auth_key.lossy", "/ak"),
            ("omnisend.tags.advice", "/tags"),
        ],
        (Rc, Se) => vec![
            ("convert.body.lossy", "/contactManager"),
            ("convert.email.lossy", "/emails/1"),
            ("sendios.client_user_id.required", "/client_user_id"),
        ],
        (Rc, Rc) => vec![("convert.body.lossy", "/contactManager")],
        (Rc, Su) => vec![
            ("convert.body.lossy", "/contactManager"),
            ("convert.name.lossy", "/name"),
            ("suprsend.distinct_id.required", "/distinct_id"),
        ],
        (Rc, Ra) => vec![
            ("convert.body.lossy", "/contactManager"),
            ("convert.name.lossy", "/name"),
            ("convert.email.lossy", "/emails/1"),
        ],
        (Rc, O) => vec![
            ("convert.body.lossy", "/contactManager"),
            ("convert.name.lossy", "/name"),
            ("omnisend.tags.advice", "/tags"),
        ],
        (Su, Se) => vec![
            ("convert.identifiers.lossy", "/$slack/0"),
            ("convert.timezone.lossy", "/$timezone"),
            ("sendios.client_user_id.required", "/client_user_id"),
        ],
        (Su, Rc) => vec![
            ("convert.push_token.lossy", "/$iospush/0"),
            ("convert.identifiers.lossy", "/$slack/0"),
            ("convert.language.lossy", "/$preferred_language"),
            ("convert.timezone.lossy", "/$timezone"),
        ],
        (Su, Su) => vec![("suprsend.distinct_id.required", "/distinct_id")],
        (Su, Ra) => vec![
            ("convert.push_token.lossy", "/$iospush/0"),
            ("convert.identifiers.lossy", "/$slack/0"),
            ("convert.language.lossy", "/$preferred_language"),
            ("convert.timezone.lossy", "/$timezone"),
            // No name: raia takes both blank, and its check says so.
            ("raia.first_name.advice", "/firstName"),
            ("raia.last_name.advice", "/lastName"),
        ],
        (Su, O) => vec![
            // The number is in `$sms` and `$whatsapp`: Omnisend has no
            // WhatsApp channel (the loss points at that listing).
            ("convert.channels.lossy", "/$whatsapp/0"),
            ("convert.push_token.lossy", "/$iospush/0"),
            ("convert.identifiers.lossy", "/$slack/0"),
            ("convert.language.lossy", "/$preferred_language"),
            ("convert.timezone.lossy", "/$timezone"),
            ("omnisend.tags.advice", "/tags"),
        ],
        (Ra, Se) => vec![
            ("convert.body.lossy", "/context"),
            ("convert.name.lossy", "/firstName"),
        ],
        (Ra, Rc) => vec![
            ("convert.body.lossy", "/context"),
            ("convert.name.lossy", "/firstName"),
            ("convert.external_id.lossy", "/fkId"),
        ],
        (Ra, Su) => vec![
            ("convert.body.lossy", "/context"),
            ("convert.name.lossy", "/firstName"),
            ("convert.name.lossy", "/lastName"),
        ],
        (Ra, Ra) => vec![("convert.body.lossy", "/context")],
        (Ra, O) => vec![
            ("convert.body.lossy", "/context"),
            ("omnisend.tags.advice", "/tags"),
        ],
        (O, Se) => vec![
            ("convert.name.lossy", "/firstName"),
            ("convert.channels.lossy", "/identifiers/0/channels/email"),
            ("convert.channels.lossy", "/identifiers/1/channels/sms"),
            ("convert.birthdate.lossy", "/birthdate"),
            ("convert.address.lossy", "/city"),
            ("convert.address.lossy", "/state"),
            ("convert.address.lossy", "/postalCode"),
            ("convert.tags.lossy", "/tags/0"),
            ("convert.tags.lossy", "/tags/1"),
            // Omnisend's `createdAt` has a zone; Sendios' date has none.
            ("sendios.registration_date.advice", "/createdAt"),
        ],
        (O, Rc) => vec![
            ("convert.name.lossy", "/firstName"),
            ("convert.channels.lossy", "/identifiers/0/channels/email"),
            ("convert.channels.lossy", "/identifiers/1/channels/sms"),
            ("convert.external_id.lossy", "/contactID"),
            ("convert.country.lossy", "/countryCode"),
            ("convert.gender.lossy", "/gender"),
            ("convert.birthdate.lossy", "/birthdate"),
            ("convert.registered_at.lossy", "/createdAt"),
            ("convert.address.lossy", "/city"),
            ("convert.address.lossy", "/state"),
            ("convert.address.lossy", "/postalCode"),
            ("convert.tags.lossy", "/tags/0"),
            ("convert.tags.lossy", "/tags/1"),
        ],
        (O, Su) => vec![
            ("convert.name.lossy", "/firstName"),
            ("convert.name.lossy", "/lastName"),
            ("convert.channels.lossy", "/identifiers/0/channels/email"),
            ("convert.channels.lossy", "/identifiers/1/channels/sms"),
            ("convert.country.lossy", "/countryCode"),
            ("convert.gender.lossy", "/gender"),
            ("convert.birthdate.lossy", "/birthdate"),
            ("convert.registered_at.lossy", "/createdAt"),
            ("convert.address.lossy", "/city"),
            ("convert.address.lossy", "/state"),
            ("convert.address.lossy", "/postalCode"),
            ("convert.tags.lossy", "/tags/0"),
            ("convert.tags.lossy", "/tags/1"),
        ],
        (O, Ra) => vec![
            ("convert.channels.lossy", "/identifiers/0/channels/email"),
            ("convert.channels.lossy", "/identifiers/1/channels/sms"),
            ("convert.country.lossy", "/countryCode"),
            ("convert.gender.lossy", "/gender"),
            ("convert.birthdate.lossy", "/birthdate"),
            ("convert.registered_at.lossy", "/createdAt"),
            ("convert.address.lossy", "/city"),
            ("convert.address.lossy", "/state"),
            ("convert.address.lossy", "/postalCode"),
            ("convert.tags.lossy", "/tags/0"),
            ("convert.tags.lossy", "/tags/1"),
        ],
        _ => vec![("unexpected pair", "")],
    }
}

#[test]
fn every_pair_reports_exactly_the_expected_losses() {
    let mut failures = Vec::new();
    for &source in Provider::ALL {
        let validator = Validator::new(source);
        let normalized = validator.validate_value(record(source));
        assert!(normalized.is_valid(), "{source}: {normalized}");
        for &target in Provider::ALL {
            let report = validator.convert_value(record(source), target);
            let got = converted(&report);
            let want = ids(&expected(source, target));
            if got != want {
                failures.push(format!(
                    "{source} -> {target}:\n  want {want:?}\n  got  {got:?}"
                ));
            }
            let converted_errors = report
                .violations()
                .iter()
                .any(|v| v.location() == Location::Converted && v.severity() == Severity::Error);
            assert_eq!(report.is_valid(), !converted_errors, "{source} -> {target}");
            assert!(report.converted().is_some(), "{source} -> {target}");
            assert_eq!(
                report.converted_path().is_some(),
                target == Provider::Suprsend,
                "{source} -> {target}"
            );
            // Every loss is a warning located in the converted body whose
            // path exists in the source body.
            let source_body = normalized.normalized().unwrap();
            for v in report
                .violations()
                .iter()
                .filter(|v| v.rule().starts_with("convert."))
            {
                assert_eq!(v.severity(), Severity::Warning);
                assert!(
                    source_body.pointer(v.path()).is_some(),
                    "{source} -> {target}: {} is not in the source",
                    v.path()
                );
                assert!(
                    v.message().contains(omnicontact_name(target))
                        || v.message().starts_with("the canonical contact"),
                    "{source} -> {target}: {}",
                    v.message()
                );
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

fn omnicontact_name(p: Provider) -> &'static str {
    match p {
        Provider::Sendios => "Sendios",
        Provider::RocketChat => "Rocket.Chat",
        Provider::Suprsend => "SuprSend",
        Provider::Raia => "raia",
        _ => "Omnisend",
    }
}

/// The record without the members the canonical contact has no place for.
fn without_source_only(p: Provider) -> Value {
    let mut v = record(p);
    if let Some(o) = v.as_object_mut() {
        for key in ["contactManager", "context"] {
            o.remove(key);
        }
    }
    v
}

#[test]
fn a_round_trip_keeps_every_field_the_provider_and_the_contact_hold() {
    for &p in Provider::ALL {
        let validator = Validator::new(p);
        let body = without_source_only(p);
        let normalized = validator.validate_value(body.clone());
        let report = validator.convert_value(body, p);
        let losses: Vec<_> = report
            .violations()
            .iter()
            .filter(|v| v.rule().starts_with("convert."))
            .collect();
        assert!(losses.is_empty(), "{p}: {losses:?}");
        assert_eq!(report.converted(), normalized.normalized(), "{p}");
    }
}

#[test]
fn the_example_data_converts_without_panicking() {
    for &source in Provider::ALL {
        let path = format!(
            "{}/examples/data/{source}.ndjson",
            env!("CARGO_MANIFEST_DIR")
        );
        let text = std::fs::read_to_string(path).unwrap();
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            for &target in Provider::ALL {
                let report = Validator::new(source).convert_str(line, target);
                let source_ok = Validator::new(source).validate_str(line).is_valid();
                assert_eq!(
                    report.converted().is_some(),
                    source_ok,
                    "{source} -> {target}: {line}"
                );
            }
        }
    }
}

fn sendios_user() -> impl Strategy<Value = Value> {
    (
        "[a-z0-9-]{1,12}",
        proptest::option::of("[A-Z][a-z]{1,8}( [A-Z][a-z]{1,8})?"),
        proptest::option::of("[a-z]{1,8}@example\\.(com|lt|de)"),
        proptest::option::of(0u8..=150),
        proptest::option::of(any::<bool>()),
        proptest::option::of(prop_oneof![Just("m"), Just("f")]),
        proptest::option::of(prop_oneof![Just("0"), Just("2"), Just("4")]),
        proptest::collection::btree_map(
            "[a-z][a-z_]{0,8}",
            prop_oneof![
                "[a-z ]{1,10}".prop_map(Value::from),
                (-1000i64..1000).prop_map(Value::from),
                any::<bool>().prop_map(Value::from),
            ],
            0..4,
        ),
    )
        .prop_map(|(id, name, email, age, vip, gender, platform, fields)| {
            let mut o = serde_json::Map::new();
            o.insert("client_user_id".into(), id.into());
            let opt = |o: &mut serde_json::Map<String, Value>, k: &str, v: Option<Value>| {
                if let Some(v) = v {
                    o.insert(k.into(), v);
                }
            };
            opt(&mut o, "name", name.map(Value::from));
            opt(&mut o, "email", email.map(Value::from));
            opt(&mut o, "age", age.map(Value::from));
            opt(&mut o, "vip", vip.map(Value::from));
            opt(&mut o, "gender", gender.map(Value::from));
            opt(&mut o, "platform_id", platform.map(Value::from));
            if !fields.is_empty() {
                o.insert("fields".into(), Value::Object(fields.into_iter().collect()));
            }
            Value::Object(o)
        })
}

fn omnisend_contact() -> impl Strategy<Value = Value> {
    (
        "[a-z]{1,8}@example\\.(com|lt)",
        proptest::option::of(prop_oneof![
            Just("subscribed"),
            Just("unsubscribed"),
            Just("nonSubscribed")
        ]),
        proptest::option::of("[A-Z][a-z]{1,8}"),
        proptest::collection::vec("source: [a-z]{1,6}", 1..3),
        proptest::option::of(prop_oneof![Just("US"), Just("LT"), Just("DE")]),
        proptest::option::of("19[5-9][0-9]-0[1-9]-1[0-9]"),
    )
        .prop_map(|(email, status, first, tags, country, birthdate)| {
            let mut id = json!({"type": "email", "id": email});
            if let Some(s) = status {
                id["channels"] = json!({"email": {"status": s}});
            }
            let mut o = json!({"identifiers": [id], "tags": tags});
            if let Some(f) = first {
                o["firstName"] = f.into();
            }
            if let Some(c) = country {
                o["countryCode"] = c.into();
            }
            if let Some(b) = birthdate {
                o["birthdate"] = b.into();
            }
            o
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn sendios_round_trips(user in sendios_user()) {
        let v = Validator::new(Provider::Sendios);
        let normalized = v.validate_value(user.clone());
        prop_assume!(normalized.is_valid());
        let report = v.convert_value(user, Provider::Sendios);
        prop_assert!(report.violations().iter().all(|x| !x.rule().starts_with("convert.")), "{}", report);
        prop_assert_eq!(report.converted(), normalized.normalized());
    }

    #[test]
    fn omnisend_round_trips(contact in omnisend_contact()) {
        let v = Validator::new(Provider::Omnisend);
        let normalized = v.validate_value(contact.clone());
        prop_assume!(normalized.is_valid());
        let report = v.convert_value(contact, Provider::Omnisend);
        prop_assert!(report.violations().iter().all(|x| !x.rule().starts_with("convert.")), "{}", report);
        prop_assert_eq!(report.converted(), normalized.normalized());
    }

    #[test]
    fn any_pair_keeps_the_invariants(user in sendios_user(), target in proptest::sample::select(Provider::ALL.to_vec())) {
        let report = Validator::new(Provider::Sendios).convert_value(user, target);
        let errors = report.violations().iter().any(|v| v.severity() == Severity::Error);
        prop_assert_eq!(report.is_valid(), !errors);
        for v in report.violations().iter().filter(|v| v.rule().starts_with("convert.")) {
            prop_assert_eq!(v.location(), Location::Converted);
        }
    }
}

/// A contact without an external id converts to a Sendios body without
/// `client_user_id`: the report says it is required, naming the member,
/// rather than describe an empty string the service never sent (found by a
/// fresh-eyes review: "expected a non-empty string", `found: ""`).
#[test]
fn a_missing_external_id_is_required_not_an_empty_string() {
    let report = omnicontact::Validator::new(omnicontact::Provider::Omnisend).convert_str(
        r#"{"email":"a@b.co","tags":["source: x"]}"#,
        omnicontact::Provider::Sendios,
    );
    let v = report
        .errors()
        .find(|v| v.rule() == "sendios.client_user_id.required")
        .expect("required");
    assert_eq!(v.path(), "/client_user_id");
    assert_eq!(v.message(), "'client_user_id' is required");
    assert_eq!(
        v.param("member").and_then(|m| m.as_str()),
        Some("client_user_id")
    );
    assert!(v.param("found").is_none());
    assert!(report.converted().unwrap().get("client_user_id").is_none());
}

/// Before the rows read conversions, a Sendios body with both
/// `platform_id` and the crate's earlier `platform` could not be read as
/// the wire type (a duplicate field) and nothing was converted.
#[test]
fn a_body_with_an_earlier_name_beside_sendios_own_still_converts() {
    let body = json!({"client_user_id": "u1", "email": "jane@example.com", "platform_id": "4", "platform": "3"});
    let r = Validator::new(Provider::Sendios).convert_value(body, Provider::Omnisend);
    let converted = r.converted().expect("converted");
    assert_eq!(converted["contactID"], "u1");
    assert_eq!(converted["identifiers"][0]["id"], "jane@example.com");
    let lossy: Vec<_> = r
        .violations()
        .iter()
        .filter(|v| v.location() == Location::Converted)
        .map(|v| (v.rule(), v.path()))
        .collect();
    assert!(
        lossy.contains(&("convert.body.lossy", "/platform")),
        "{lossy:?}"
    );
    assert!(
        lossy.contains(&("convert.platform.lossy", "/platform_id")),
        "{lossy:?}"
    );
    assert!(!lossy.iter().any(|(_, path)| path.is_empty()), "{lossy:?}");
}

/// Before, one value the canonical contact refuses that was not tried
/// alone (an empty Omnisend tag) emptied the whole contact.
#[test]
fn to_contact_keeps_everything_but_the_value_the_contact_refuses() {
    use omnicontact::omnisend;
    let wire: omnisend::Contact = serde_json::from_value(
        json!({"email": "jane@example.com", "tags": ["vip", " "], "firstName": "Jane"}),
    )
    .unwrap();
    let (contact, lost) = omnisend::convert::to_contact(&wire);
    assert_eq!(contact.first_name(), Some("Jane"));
    assert_eq!(
        contact.email().map(|e| e.as_str()),
        Some("jane@example.com")
    );
    assert_eq!(contact.tags(), ["vip"]);
    let lost: Vec<_> = lost.iter().map(|l| (l.rule(), l.path())).collect();
    assert_eq!(lost, [("convert.tags.lossy", "/tags/1")]);
}

/// A validator of `p` whose policy lowers the given rules to warnings.
fn lenient(p: Provider, rules: &[&str]) -> Validator {
    let mut policy = omnicontact::Policy::new();
    for rule in rules {
        policy = policy.warn(rule).unwrap();
    }
    Validator::new(p).with_options(omnicontact::Options::new().policy(policy))
}

/// The first violation of `rule` (a loss the test expects).
fn first_loss<'r>(r: &'r Report, rule: &str) -> &'r omnicontact::Violation {
    r.violations()
        .iter()
        .find(|v| v.rule() == rule)
        .unwrap_or_else(|| panic!("no {rule} in {r}"))
}

/// The converted location's `convert.*` violations as `(rule, path)`.
fn losses(r: &Report) -> Vec<(&str, &str)> {
    r.violations()
        .iter()
        .filter(|v| v.location() == Location::Converted && v.rule().starts_with("convert."))
        .map(|v| (v.rule(), v.path()))
        .collect()
}

/// What a policy lets through in a wrong JSON type is never dropped
/// silently: it is a loss at its own path.
#[test]
fn values_of_a_wrong_type_a_policy_let_through_are_losses() {
    let v = lenient(
        Provider::Omnisend,
        &["omnisend.identifiers.channels.enum", "omnisend.tags.type"],
    );
    let r = v.convert_value(
        json!({"identifiers": [{"type": "email", "id": "a@example.com", "channels": {"push": {"status": "subscribed"}}}], "tags": ["source: x", 5]}),
        Provider::RocketChat,
    );
    let found = losses(&r);
    assert!(
        found.contains(&("convert.channels.lossy", "/identifiers/0/channels/push")),
        "{found:?}"
    );
    assert!(
        found.contains(&("convert.tags.lossy", "/tags/1")),
        "{found:?}"
    );
    let r = v.convert_value(
        json!({"identifiers": [{"type": "email", "id": "a@example.com", "channels": "x"}], "tags": ["source: x"]}),
        Provider::Sendios,
    );
    assert!(
        losses(&r).contains(&("convert.channels.lossy", "/identifiers/0/channels")),
        "{:?}",
        losses(&r)
    );
    let v = lenient(Provider::RocketChat, &["rocketchat.emails.type"]);
    let r = v.convert_value(
        json!({"name": "Jo", "emails": ["a@example.com", ["b@example.com"]], "phones": []}),
        Provider::Omnisend,
    );
    assert!(
        losses(&r).contains(&("convert.email.lossy", "/emails/1")),
        "{:?}",
        losses(&r)
    );
    // A first name sent as a number is not read as its text.
    let v = lenient(Provider::Omnisend, &["omnisend.first_name.type"]);
    let r = v.convert_value(
        json!({"email": "a@example.com", "firstName": 5, "tags": ["source: x"]}),
        Provider::Raia,
    );
    assert!(
        losses(&r).contains(&("convert.name.lossy", "/firstName")),
        "{:?}",
        losses(&r)
    );
    assert_ne!(r.converted().unwrap()["firstName"], "5");
}

/// Tags after a refused one keep their own source paths.
#[test]
fn tag_losses_point_at_their_own_tag() {
    let v = lenient(Provider::Omnisend, &["omnisend.tags.type"]);
    let r = v.convert_str(
        r#"{"email":"a@example.com","tags":["","source: b","c"]}"#,
        Provider::Sendios,
    );
    let tags: Vec<_> = losses(&r)
        .into_iter()
        .filter(|(rule, _)| *rule == "convert.tags.lossy")
        .collect();
    assert_eq!(
        tags,
        [
            ("convert.tags.lossy", "/tags/0"),
            ("convert.tags.lossy", "/tags/1"),
            ("convert.tags.lossy", "/tags/2")
        ]
    );
    let messages: Vec<_> = r
        .violations()
        .iter()
        .filter(|v| v.rule() == "convert.tags.lossy")
        .map(|v| v.message())
        .collect();
    assert!(messages[1].contains("'source: b'"), "{messages:?}");
    assert!(messages[2].contains("'c'"), "{messages:?}");
}

/// `SuprSend`'s `distinct_id` may be a number; it is the external id, and
/// a loss about it shows the path parameter's value.
#[test]
fn a_numeric_distinct_id_converts_and_its_loss_shows_its_value() {
    let v = Validator::new(Provider::Suprsend);
    let r = v.convert_envelope_str(
        r#"{"path":{"distinct_id":42},"body":{"$email":["a@example.com"]}}"#,
        Provider::Omnisend,
    );
    assert_eq!(r.converted().unwrap()["contactID"], "42");
    let r = v.convert_envelope_str(
        r#"{"path":{"distinct_id":"u-7"},"body":{"$email":["a@example.com"],"distinct_id":"other"}}"#,
        Provider::RocketChat,
    );
    let lost = first_loss(&r, "convert.external_id.lossy");
    assert_eq!(lost.path(), "/distinct_id");
    assert_eq!(lost.param("found"), Some(&json!("u-7")));
}

/// A key of `SuprSend`'s own members put in `User::properties` is not
/// written with the user: `to_contact` says so.
#[test]
fn suprsend_to_contact_reports_its_own_keys_in_the_properties_map() {
    use omnicontact::suprsend;
    let mut user: suprsend::User =
        serde_json::from_value(json!({"$email": ["a@example.com"]})).unwrap();
    user.properties
        .insert("$sms".to_owned(), json!(["+14155552671"]));
    let (contact, lost) = suprsend::convert::to_contact(&user);
    assert_eq!(contact.identifiers().len(), 1);
    let lost: Vec<_> = lost.iter().map(|l| (l.rule(), l.path())).collect();
    assert_eq!(lost, [("convert.custom_properties.lossy", "/$sms")]);
}

/// Top-level members a provider reads into the canonical contact but
/// writes under another member, with why.
#[cfg(feature = "proptest")]
const WRITTEN_ELSEWHERE: &[(Provider, &str, &str)] = &[
    (
        Provider::Omnisend,
        "email",
        "the shorthand is written as an identifier of `identifiers`",
    ),
    (
        Provider::Omnisend,
        "phone",
        "the shorthand is written as an identifier of `identifiers`",
    ),
    (
        Provider::Omnisend,
        "country",
        "a country name is read as its code, written as `countryCode`",
    ),
    (Provider::Sendios, "language_id", "written as `language`"),
    (Provider::Sendios, "country_id", "written as `country`"),
];

/// Reading and writing follow the same rows: converting a valid body to
/// its own provider writes back every top-level member the contact read
/// without a loss of reading (a row whose reading and writing drift
/// apart fails).
#[cfg(feature = "proptest")]
#[test]
fn every_member_read_is_written_back_by_its_row() {
    use omnicontact::providers::member_readings;
    use omnicontact::strategies::valid_body;
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    use std::collections::BTreeSet;

    let mut runner = TestRunner::deterministic();
    let mut elsewhere_seen = BTreeSet::new();
    for &p in Provider::ALL {
        let read: BTreeSet<&str> = member_readings(p)
            .into_iter()
            .filter(|(at, _, reading)| at.is_empty() && reading != "lost" && reading != "skip")
            .map(|(_, name, _)| name)
            .collect();
        let validator = Validator::new(p);
        let strategy = valid_body(p);
        for _ in 0..300 {
            let body = strategy.new_tree(&mut runner).unwrap().current();
            let report = validator.convert_value(body.clone(), p);
            let converted = report.converted().expect("a valid body converts");
            // What reading lost (the canonical contact refused it): a
            // loss of writing names the target first.
            let lost: Vec<&str> = report
                .violations()
                .iter()
                .filter(|v| v.rule().starts_with("convert."))
                .filter(|v| !v.message().starts_with(omnicontact_name(p)))
                .map(|v| v.path())
                .collect();
            for (name, value) in body.as_object().unwrap() {
                // `null`, an empty list or object holds nothing to read.
                let empty = value.is_null()
                    || matches!(value, Value::Array(a) if a.is_empty())
                    || matches!(value, Value::Object(o) if o.is_empty());
                let exempt = empty
                    || lost.iter().any(|path| {
                        path.strip_prefix('/').unwrap_or(path).split('/').next() == Some(name)
                    });
                if !read.contains(name.as_str()) || exempt || converted.get(name).is_some() {
                    continue;
                }
                let listed = WRITTEN_ELSEWHERE
                    .iter()
                    .any(|(q, n, _)| *q == p && n == name);
                assert!(
                    listed,
                    "{p}: '{name}' was read but not written back: {body}"
                );
                elsewhere_seen.insert((p, name.clone()));
            }
        }
    }
    for (p, name, why) in WRITTEN_ELSEWHERE {
        assert!(
            elsewhere_seen.contains(&(*p, (*name).to_owned())),
            "{p} '{name}' ({why}) is listed but was written back or never drawn"
        );
    }
}

/// Omnisend reads an email identifier case-sensitively and the canonical
/// contact holds its domain in lowercase: the conversion says what it
/// rewrote instead of naming another Omnisend contact silently.
#[test]
fn an_email_kept_as_written_and_converted_normalized_is_a_warning() {
    let report = Validator::new(Provider::Omnisend).convert_str(
        r#"{"identifiers":[{"type":"email","id":" Jane@Example.COM"}],"tags":["source: pos"]}"#,
        Provider::Omnisend,
    );
    let warning = &report.violations()[0];
    assert_eq!(
        (warning.rule(), warning.location(), warning.path()),
        (
            "convert.email.lossy",
            Location::Converted,
            "/identifiers/0/id"
        )
    );
    assert_eq!(
        warning.message(),
        "the canonical contact holds email addresses normalized (the domain in lowercase); 'Jane@Example.COM' from Omnisend is converted as 'Jane@example.com', which a case-sensitive provider (Omnisend) reads as another address"
    );
    assert_eq!(warning.param("found"), Some(&json!(" Jane@Example.COM")));
    assert_eq!(
        report.converted().unwrap()["identifiers"][0]["id"],
        "Jane@example.com"
    );
    assert!(report.is_valid());
}

/// A token is written in the push channel it was read from, whatever its
/// form says: an FCM-looking token listed in `$iospush` stays there.
#[test]
fn a_push_token_stays_in_its_channel() {
    let token = "dGhpcyBpcyBhIHRva2VuAB:APA91bHun4MxP5egoKMwt2KZFBaFUH-1RYqx";
    let body = json!({"$iospush": [{"token": token, "provider": "apns"}]});
    let report = Validator::new(Provider::Suprsend).convert_value(body.clone(), Provider::Suprsend);
    assert_eq!(report.converted(), Some(&body));
    let both = json!({"$iospush": [token], "$androidpush": [token]});
    let report = Validator::new(Provider::Suprsend).convert_value(both, Provider::Suprsend);
    assert_eq!(
        report.converted(),
        Some(&json!({
            "$androidpush": [{"token": token, "provider": "fcm"}],
            "$iospush": [{"token": token, "provider": "apns"}]
        }))
    );
    assert!(
        !report
            .violations()
            .iter()
            .any(|v| v.rule().starts_with("convert."))
    );
}

/// A target with one name keeps a first or last name only when the
/// display name holds it as whole words.
#[test]
fn a_name_part_is_kept_only_as_whole_words() {
    let contact = omnicontact::Contact::builder()
        .display_name("John Smith")
        .first_name("Jo")
        .last_name("Smith")
        .external_id("u1")
        .build()
        .unwrap();
    let (user, lost) = omnicontact::sendios::convert::from_contact(&contact);
    assert_eq!(user.name.as_deref(), Some("John Smith"));
    let lost: Vec<_> = lost
        .iter()
        .map(|l| (l.rule(), l.path(), l.message()))
        .collect();
    assert_eq!(
        lost,
        [(
            "convert.name.lossy",
            "/firstName",
            "Sendios holds one name, 'John Smith'; 'Jo' is not converted"
        )]
    );
}

/// An integer beyond 2^53 (a 64-bit id) is not converted, even one a
/// double happens to hold (2^60): the canonical contact keeps numbers as
/// doubles and writes those beyond 2^53 as floats, which would rewrite it.
#[test]
fn a_custom_integer_beyond_2_53_is_a_loss_that_says_why() {
    let report = Validator::new(Provider::Sendios).convert_str(
        r#"{"client_user_id":"u1","fields":{"id":1152921504606846976,"n":9007199254740992}}"#,
        Provider::Omnisend,
    );
    let lost: Vec<_> = report
        .violations()
        .iter()
        .filter(|v| v.rule() == "convert.custom_properties.lossy")
        .map(|v| (v.path(), v.message()))
        .collect();
    assert_eq!(
        lost,
        [(
            "/fields/id",
            "the canonical contact holds a custom property number as a double, which holds every integer up to 2^53 exactly; 'id' is 1152921504606846976, beyond that, and is not converted so that it is not rewritten (send it as a string)"
        )]
    );
    assert_eq!(
        report.converted().unwrap()["customProperties"],
        json!({"n": 9007199254740992_u64})
    );
}

/// Two Omnisend addresses that differ only in the domain's case are one
/// identifier in the canonical contact: the state the later one replaces
/// is a loss, not a silent change of the earlier one's status.
#[test]
fn a_state_replaced_by_merging_identifiers_is_a_loss() {
    let report = Validator::new(Provider::Omnisend).convert_value(
        json!({"identifiers": [
            {"type": "email", "id": "a@example.com", "channels": {"email": {"status": "subscribed"}}},
            {"type": "email", "id": "a@EXAMPLE.com",
             "channels": {"email": {"status": "unsubscribed", "statusDate": "2024-01-01T00:00:00Z"}}}
        ], "tags": ["source: pos"]}),
        Provider::Omnisend,
    );
    let found: Vec<_> = report
        .violations()
        .iter()
        .map(|v| (v.rule(), v.path(), v.message()))
        .collect();
    assert_eq!(
        found,
        [
            (
                "convert.channels.lossy",
                "/identifiers/1",
                "the canonical contact holds 'a@example.com' once, merged with an identifier read before; its 'email' status 'unsubscribed' since 2024-01-01T00:00:00Z replaces 'subscribed'"
            ),
            (
                "convert.email.lossy",
                "/identifiers/1/id",
                "the canonical contact holds email addresses normalized (the domain in lowercase); 'a@EXAMPLE.com' from Omnisend is converted as 'a@example.com', which a case-sensitive provider (Omnisend) reads as another address"
            ),
        ]
    );
    // The same address twice with the same state merges without a loss.
    let report = Validator::new(Provider::Suprsend).convert_value(
        json!({"$sms": ["+14155552671"], "$whatsapp": ["+14155552671"]}),
        Provider::Suprsend,
    );
    assert!(
        !report
            .violations()
            .iter()
            .any(|v| v.rule().starts_with("convert."))
    );
}

/// A phone number the source's walk could not read in the default region
/// (accepted with a warning, or by raia's skip flag) is a loss in the
/// region's words; it was once read again without the region and written
/// as another number (`0044 …` in the US is not `+44 …`).
#[test]
fn a_phone_unreadable_in_the_region_is_a_loss_not_read_another_way() {
    let us =
        omnicontact::Options::new().default_region(omnicontact::CountryCode::parse("US").unwrap());
    let r = Validator::new(Provider::RocketChat)
        .with_options(us.clone())
        .convert_str(
            r#"{"name":"A","emails":["a@example.com"],"phones":["0044 20 7946 0018"]}"#,
            Provider::RocketChat,
        );
    assert_eq!(losses(&r), [("convert.phone.lossy", "/phones/0")]);
    let lost = first_loss(&r, "convert.phone.lossy");
    assert!(lost.message().contains("region 'US'"), "{}", lost.message());
    assert_eq!(r.converted().unwrap()["phones"], json!([]));

    let r = Validator::new(Provider::Raia).with_options(us).convert_str(
        r#"{"firstName":"A","lastName":"B","email":"a@example.com","phoneNumber":"0044 20 7946 0018","skipPhoneNumberValidation":true}"#,
        Provider::Raia,
    );
    assert_eq!(losses(&r), [("convert.phone.lossy", "/phoneNumber")]);
    assert_eq!(r.converted().unwrap().get("phoneNumber"), None);
    assert_eq!(r.converted().unwrap()["email"], "a@example.com");
}

/// A custom property sent as `null` is written as `""` (the contact holds
/// both as a removal): a warning says so; it was once rewritten silently.
/// One sent as `""` stays `""` without one.
#[test]
fn a_null_custom_property_written_as_an_empty_string_is_said() {
    let v = Validator::new(Provider::Sendios);
    let r = v.convert_str(
        r#"{"client_user_id":"u2","fields":{"score":null,"plan":""}}"#,
        Provider::Sendios,
    );
    assert_eq!(
        losses(&r),
        [("convert.custom_properties.lossy", "/fields/score")]
    );
    assert_eq!(
        r.converted().unwrap()["fields"],
        json!({"score": "", "plan": ""})
    );
    let r = v.convert_str(
        r#"{"client_user_id":"u2","fields":{"plan":""}}"#,
        Provider::Raia,
    );
    assert_eq!(losses(&r), []);
    assert_eq!(r.converted().unwrap()["customData"], json!({"plan": ""}));
}

/// When the identifier read before has the later status, the merge keeps
/// it: the warning says the later-read state is the one not converted (it
/// once said the opposite of what was written).
#[test]
fn a_merged_state_that_loses_by_date_is_named_as_the_loss() {
    let report = Validator::new(Provider::Omnisend).convert_value(
        json!({"identifiers": [
            {"type": "email", "id": "jane@Example.com",
             "channels": {"email": {"status": "unsubscribed", "statusDate": "2024-01-01T00:00:00Z"}}},
            {"type": "email", "id": "jane@example.com",
             "channels": {"email": {"status": "subscribed", "statusDate": "2023-01-01T00:00:00Z"}}}
        ], "tags": ["source: pos"]}),
        Provider::Omnisend,
    );
    let lost = first_loss(&report, "convert.channels.lossy");
    assert_eq!(lost.path(), "/identifiers/1");
    assert_eq!(
        lost.message(),
        "the canonical contact holds 'jane@example.com' once, merged with an identifier read before; its 'email' status 'subscribed' since 2023-01-01T00:00:00Z is not converted: 'unsubscribed' since 2024-01-01T00:00:00Z, read before, is kept"
    );
    let converted = report.converted().unwrap();
    assert_eq!(
        converted["identifiers"][0]["channels"]["email"],
        json!({"status": "unsubscribed", "statusDate": "2024-01-01T00:00:00Z"})
    );
}

/// A last name alone becomes the whole name of a one-name target, which
/// reads back as a first name: a warning says so (it once went silently).
/// A first name alone reads back as itself and needs none.
#[test]
fn a_last_name_alone_written_as_the_name_is_said() {
    let v = Validator::new(Provider::Omnisend);
    let r = v.convert_str(
        r#"{"email":"solo@example.com","lastName":"Solo","tags":["source: api"]}"#,
        Provider::RocketChat,
    );
    assert_eq!(r.converted().unwrap()["name"], "Solo");
    let lost = first_loss(&r, "convert.name.lossy");
    assert_eq!(lost.path(), "/lastName");
    assert_eq!(
        lost.message(),
        "Rocket.Chat holds one name; the last name 'Solo' is written as the whole name"
    );
    let r = v.convert_str(
        r#"{"email":"solo@example.com","firstName":"Solo","tags":["source: api"]}"#,
        Provider::Sendios,
    );
    assert!(
        !r.violations()
            .iter()
            .any(|v| v.rule() == "convert.name.lossy"),
        "{r}"
    );
}

/// `SuprSend`'s own keys the contact has no place for are body losses, not
/// custom properties refused for their `$` (the message said so).
#[test]
fn suprsend_keys_without_a_place_are_body_losses() {
    let r = Validator::new(Provider::Suprsend).convert_envelope_str(
        r#"{"path":{"distinct_id":"u"},"body":{"$email":["a@example.com"],"$locale":"en_GB","$channels":["email"],"$messenger":["m-1"],"plan":"pro"}}"#,
        Provider::Omnisend,
    );
    let mut found = losses(&r);
    found.sort_unstable();
    assert_eq!(
        found,
        [
            ("convert.body.lossy", "/$channels"),
            ("convert.body.lossy", "/$locale"),
            ("convert.body.lossy", "/$messenger"),
        ]
    );
    assert_eq!(
        r.converted().unwrap()["customProperties"],
        json!({"plan": "pro"})
    );
}

/// A `SuprSend` `distinct_id` written with a fraction or an exponent has no
/// single text in a URL path: refused, and when a policy lets it through,
/// a loss — never an id made of its `f64` text (`1e3` became `"1000.0"`).
#[test]
fn a_distinct_id_number_with_a_fraction_or_exponent_is_no_external_id() {
    let envelope = |id: &str| {
        format!(r#"{{"path":{{"distinct_id":{id}}},"body":{{"$email":["a@example.com"]}}}}"#)
    };
    let strict = Validator::new(Provider::Suprsend);
    let r = strict.convert_envelope_str(&envelope("1e3"), Provider::Raia);
    assert!(!r.is_valid());
    assert_eq!(r.violations()[0].rule(), "suprsend.distinct_id.required");
    assert!(r.converted().is_none());
    let v = lenient(Provider::Suprsend, &["suprsend.distinct_id.required"]);
    for id in ["1e3", "12.50", "-0", "18446744073709551616", "true", "[1]"] {
        let r = v.convert_envelope_str(&envelope(id), Provider::Raia);
        let converted = r.converted().unwrap_or_else(|| panic!("{id}: {r}"));
        assert_eq!(converted.get("fkId"), None, "{id}: {converted}");
        assert_eq!(
            first_loss(&r, "convert.external_id.lossy").path(),
            "/distinct_id",
            "{id}"
        );
    }
    // An integer is its digits.
    let r = strict.convert_envelope_str(&envelope("1000"), Provider::Raia);
    assert_eq!(r.converted().unwrap()["fkId"], "1000");
}
