//! Provider wire types: every example body of the providers' documents and
//! every valid body of `tests/fixtures/*.json` and `examples/data/*.ndjson`
//! reads into its wire type and writes back to exactly the same JSON text.
//!
//! "Exactly" means byte-equal compact JSON, with two documented exceptions
//! (see the README, "Provider wire types"):
//! - an optional member of a typed object sent as `null` reads as `None`
//!   and is left out when written (every provider reads `null` there as
//!   "not given"); `null` inside free-form maps (`fields`, `customFields`,
//!   `customData`, `customProperties`, `SuprSend` properties) is kept;
//! - typed members come out in the document's order; free-form members
//!   keep the order they were given in.
//!
//! A body the validator accepts only after changing a JSON type (a
//! coercion, a single `SuprSend` channel value wrapped in a list) or that
//! has an unknown member (a warning) is refused by the wire type, never
//! silently altered: the test checks that every refused valid body has such
//! a change or warning, and that the normalized body round-trips unless it
//! keeps an unknown member.

use std::fs;
use std::path::Path;

use omnicontact::providers::{omnisend, raia, rocketchat, sendios, suprsend};
use omnicontact::{CountryCode, Operation, Options, Provider, Report, Validator};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value, json};

/// The typed members of each object level, in the wire type's order.
const SENDIOS: &[&str] = &[
    "client_user_id",
    "name",
    "phone",
    "email",
    "app_push_token",
    "language",
    "country",
    "language_id",
    "country_id",
    "platform_id",
    "gender",
    "vip",
    "age",
    "photo",
    "ak",
    "registration_date",
    "fields",
    "list_id",
    "status",
    "partner_id",
];
const ROCKETCHAT: &[&str] = &["name", "emails", "phones", "customFields", "contactManager"];
const SUPRSEND: &[&str] = &[
    "$email",
    "$sms",
    "$whatsapp",
    "$inbox",
    "$webpush",
    "$androidpush",
    "$iospush",
    "$slack",
    "$ms_teams",
    "$timezone",
    "$preferred_language",
];
const RAIA: &[&str] = &[
    "firstName",
    "lastName",
    "email",
    "phoneNumber",
    "context",
    "source",
    "fkId",
    "fkUserId",
    "customData",
    "skipEmailValidation",
    "skipPhoneNumberValidation",
];
const RAIA_SEARCH: &[&str] = &["email", "phoneNumber", "fkId"];
const OMNISEND: &[&str] = &[
    "identifiers",
    "email",
    "phone",
    "contactID",
    "createdAt",
    "firstName",
    "lastName",
    "tags",
    "country",
    "countryCode",
    "state",
    "city",
    "address",
    "postalCode",
    "gender",
    "birthdate",
    "customProperties",
];
const OMNISEND_IDENTIFIER: &[&str] = &["type", "id", "channels", "sendWelcomeEmail", "source"];
const OMNISEND_CHANNELS: &[&str] = &["email", "sms"];
const OMNISEND_STATUS: &[&str] = &["status", "statusDate"];

/// `value` as the wire type writes it: typed members in `order` (nulls
/// dropped), other members after them in their own order.
fn canonical(value: &Value, order: &[&str]) -> Value {
    let Value::Object(map) = value else {
        return value.clone();
    };
    let mut out = Map::new();
    for name in order {
        if let Some(v) = map.get(*name).filter(|v| !v.is_null()) {
            out.insert((*name).to_owned(), v.clone());
        }
    }
    for (k, v) in map {
        if !order.contains(&k.as_str()) {
            out.insert(k.clone(), v.clone());
        }
    }
    Value::Object(out)
}

fn canonical_omnisend(value: &Value) -> Value {
    let mut out = canonical(value, OMNISEND);
    if let Some(Value::Array(items)) = out.get_mut("identifiers") {
        for item in items {
            *item = canonical(item, OMNISEND_IDENTIFIER);
            if let Some(channels) = item.get_mut("channels") {
                *channels = canonical(channels, OMNISEND_CHANNELS);
                for status in channels.as_object_mut().unwrap().values_mut() {
                    *status = canonical(status, OMNISEND_STATUS);
                }
            }
        }
    }
    out
}

/// Reads `value` into `T` and writes it back; `Err` when `T` refuses it,
/// panics when the written text differs from the expected one.
fn round_trip<T: DeserializeOwned + Serialize>(
    what: &str,
    value: &Value,
    expected: &Value,
) -> Result<(), String> {
    let wire: T = serde_json::from_value(value.clone()).map_err(|e| e.to_string())?;
    // Also through text, as a client reads it.
    let from_text: T = serde_json::from_str(&value.to_string()).expect("same as from a Value");
    let written = serde_json::to_string(&wire).unwrap();
    assert_eq!(
        written,
        serde_json::to_string(&from_text).unwrap(),
        "{what}: text and Value disagree"
    );
    assert_eq!(
        written,
        expected.to_string(),
        "{what}: the wire type does not write back what it read"
    );
    Ok(())
}

fn check(
    provider: Provider,
    operation: Operation,
    what: &str,
    value: &Value,
) -> Result<(), String> {
    match (provider, operation) {
        (Provider::Sendios, _) => {
            round_trip::<sendios::User>(what, value, &canonical(value, SENDIOS))
        }
        (Provider::RocketChat, _) => {
            round_trip::<rocketchat::Contact>(what, value, &canonical(value, ROCKETCHAT))
        }
        (Provider::Suprsend, _) => {
            round_trip::<suprsend::User>(what, value, &canonical(value, SUPRSEND))
        }
        (Provider::Raia, Operation::Search) => {
            round_trip::<raia::SearchQuery>(what, value, &canonical(value, RAIA_SEARCH))
        }
        (Provider::Raia, _) => round_trip::<raia::User>(what, value, &canonical(value, RAIA)),
        (Provider::Omnisend, _) => {
            round_trip::<omnisend::Contact>(what, value, &canonical_omnisend(value))
        }
        _ => unreachable!("a new provider needs its wire type here"),
    }
}

/// An unknown member, or a Sendios member under the crate's earlier name
/// left beside Sendios' own (`sendios.body.renamed` without a rename).
fn has_unknown_member(report: &Report) -> bool {
    report
        .violations()
        .iter()
        .any(|v| v.rule().ends_with("unknown_field") || v.rule() == "sendios.body.renamed")
}

#[derive(Default)]
struct Tally {
    raw: usize,
    normalized: usize,
    refused: usize,
}

/// A valid body: the body as sent and the normalized body round-trip, or
/// are refused for a documented reason.
fn check_valid(
    provider: Provider,
    operation: Operation,
    what: &str,
    body: &Value,
    report: &Report,
    tally: &mut Tally,
) {
    let normalized = report.normalized().expect("a valid report has a body");
    match check(provider, operation, what, body) {
        Ok(()) => tally.raw += 1,
        Err(e) => {
            tally.refused += 1;
            assert!(
                !report.changes().is_empty() || has_unknown_member(report),
                "{what}: a valid body without any change or unknown member is refused: {e}"
            );
        }
    }
    match check(provider, operation, what, normalized) {
        Ok(()) => tally.normalized += 1,
        Err(e) => assert!(
            has_unknown_member(report),
            "{what}: the normalized body is refused: {e}\n{normalized}"
        ),
    }
}

fn fixture_cases() -> Vec<(String, Value)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut files: Vec<_> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    let mut cases = Vec::new();
    for file in files {
        let list: Vec<Value> = serde_json::from_str(&fs::read_to_string(&file).unwrap()).unwrap();
        let stem = file.file_stem().unwrap().to_string_lossy().into_owned();
        for case in list {
            cases.push((format!("{stem}: {}", case["name"].as_str().unwrap()), case));
        }
    }
    cases
}

#[test]
fn every_valid_fixture_body_round_trips() {
    let mut tally = Tally::default();
    for (name, case) in fixture_cases() {
        // The contact model's cases have no provider body (the contact's
        // own JSON round trip is checked by `tests/conformance.rs`).
        if case["provider"] == "contact" {
            continue;
        }
        let provider: Provider = case["provider"].as_str().unwrap().parse().unwrap();
        let operation: Operation = case
            .get("operation")
            .and_then(Value::as_str)
            .map_or(Operation::Create, |o| o.parse().unwrap());
        if !matches!(operation, Operation::Create | Operation::Search) || case.get("text").is_some()
        {
            continue;
        }
        let envelope = case.get("envelope").and_then(Value::as_bool) == Some(true);
        let body = if envelope {
            match case["body"].get(if operation == Operation::Search {
                "query"
            } else {
                "body"
            }) {
                Some(b) => b.clone(),
                None => continue,
            }
        } else {
            case["body"].clone()
        };
        let mut options = Options::new();
        if let Some(region) = case.get("region").and_then(Value::as_str) {
            options = options.default_region(CountryCode::parse(region).unwrap());
        }
        let validator = Validator::for_operation(provider, operation)
            .unwrap()
            .with_options(options);
        let report = validator.validate_value(body.clone());
        if report.is_valid() {
            check_valid(provider, operation, &name, &body, &report, &mut tally);
        }
    }
    eprintln!(
        "fixtures: {} raw, {} normalized round-tripped, {} refused",
        tally.raw, tally.normalized, tally.refused
    );
    // Most valid bodies are plain wire bodies; keep the suite honest.
    assert!(
        tally.raw >= 130,
        "only {} raw bodies round-tripped",
        tally.raw
    );
    assert!(
        tally.normalized >= 145,
        "only {} normalized bodies round-tripped",
        tally.normalized
    );
    assert!(tally.refused <= tally.raw, "{} refused", tally.refused);
}

#[test]
fn every_valid_example_line_round_trips() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/data");
    let mut tally = Tally::default();
    for &provider in Provider::ALL {
        let path = dir.join(format!("{provider}.ndjson"));
        let text = fs::read_to_string(&path).unwrap();
        let validator = Validator::new(provider)
            .with_options(Options::new().default_region(CountryCode::parse("US").unwrap()));
        for (i, line) in text
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
        {
            let Ok(body) = serde_json::from_str::<Value>(line) else {
                continue;
            };
            let report = validator.validate_value(body.clone());
            if report.is_valid() {
                let what = format!("{}:{}", path.display(), i + 1);
                check_valid(
                    provider,
                    Operation::Create,
                    &what,
                    &body,
                    &report,
                    &mut tally,
                );
            }
        }
    }
    eprintln!(
        "examples: {} raw, {} normalized round-tripped, {} refused",
        tally.raw, tally.normalized, tally.refused
    );
    assert!(
        tally.normalized >= 40,
        "only {} lines round-tripped",
        tally.normalized
    );
}

/// The example bodies printed in the providers' documents (`seeds/`).
#[test]
fn the_documents_examples_round_trip() {
    // SuprSend: the curl example's body.
    let suprsend = json!({
        "$email": ["jsmith@example.com"],
        "$sms": ["+1234567890"],
        "$whatsapp": ["+1234567890"],
        "$inbox": ["4nlPk4XXLcDxxxHQ70xx2Cx24"],
        "$webpush": ["webpush_token_abc123"],
        "$androidpush": ["android_push_token_xyz987"],
        "$iospush": ["ios_push_token_lmn456"],
        "$slack": ["U01ABCDE2F3"],
        "$ms_teams": ["teams_user_id_12345"],
        "$timezone": "America/New_York",
        "$preferred_language": "en",
        "custom_key": "custom_value"
    });
    check(
        Provider::Suprsend,
        Operation::Create,
        "suprsend example",
        &suprsend,
    )
    .unwrap();
    let user: suprsend::User = serde_json::from_value(suprsend.clone()).unwrap();
    assert_eq!(user.properties["custom_key"], "custom_value");
    assert_eq!(serde_json::to_string(&user).unwrap(), suprsend.to_string());

    // Rocket.Chat: Example 2 reads; Example 1 misspells `customFields`,
    // which the server (additionalProperties: false) refuses, and so do we.
    let example2 =
        json!({"name": "John", "phones": ["+123456789"], "emails": ["[email protected]"]});
    check(
        Provider::RocketChat,
        Operation::Create,
        "rocketchat example 2",
        &example2,
    )
    .unwrap();
    let example1 = json!({
        "name": "John", "phones": ["+123456789"], "emails": ["[email protected]"],
        "customFileds": {}, "contactManager": "67dfghjkjhgfdce31dd9bdae"
    });
    let err = serde_json::from_value::<rocketchat::Contact>(example1).unwrap_err();
    assert!(
        err.to_string().contains("unknown field `customFileds`"),
        "{err}"
    );
    let fixed = json!({
        "name": "John", "phones": ["+123456789"], "emails": ["[email protected]"],
        "customFields": {}, "contactManager": "67dfghjkjhgfdce31dd9bdae"
    });
    check(
        Provider::RocketChat,
        Operation::Create,
        "rocketchat example 1 fixed",
        &fixed,
    )
    .unwrap();

    // Omnisend: the custom properties example, with `""` (removal) kept.
    let omnisend = json!({
        "email": "[email protected]",
        "firstName": "Vanessa",
        "lastName": "Kensington",
        "customProperties": {
            "age": 33, "hair_color": "brown", "married": true, "marriageDate": "2018-07-07",
            "loyaltyPoints": 125.8, "height": "", "favoriteColors": ["blue", "green"]
        }
    });
    check(
        Provider::Omnisend,
        Operation::Create,
        "omnisend example",
        &omnisend,
    )
    .unwrap();
    // Omnisend's parameter table, every member in the document's order.
    let full = json!({
        "identifiers": [{"type": "email", "id": "jane@example.com",
            "channels": {"email": {"status": "subscribed", "statusDate": "2017-05-30T15:14:22Z"}},
            "sendWelcomeEmail": false, "source": "signup"}],
        "contactID": "5d5ba5a4b5d5a000010ad0c6", "createdAt": "2017-05-30T14:11:12Z",
        "firstName": "Jane", "lastName": "Doe", "tags": ["source: shopify"],
        "country": "Lithuania", "countryCode": "LT", "state": "", "city": "Kaunas",
        "address": "Laisvės al. 1", "postalCode": "44001", "gender": "f", "birthdate": "1981-11-05",
        "customProperties": {}
    });
    check(
        Provider::Omnisend,
        Operation::Create,
        "omnisend parameters",
        &full,
    )
    .unwrap();
    assert!(
        Validator::new(Provider::Omnisend)
            .validate_value(full)
            .is_valid()
    );

    // raia: the search query parameters' examples.
    let query =
        json!({"email": "[email protected]", "phoneNumber": "+1234567890", "fkId": "123456"});
    check(Provider::Raia, Operation::Search, "raia search", &query).unwrap();
    // raia's `metadata` is a response member: refused in a create body.
    let with_metadata = json!({"firstName": "John", "lastName": "Doe",
        "metadata": {"customData": {"key1": "value1", "key2": "value2"}}});
    assert!(serde_json::from_value::<raia::User>(with_metadata).is_err());

    // Sendios prints no example; every member as the document describes it.
    let sendios = json!({
        "client_user_id": "u-1", "name": "Jane Doe", "phone": "+14155552671",
        "email": "jane@example.com", "app_push_token": "a1b2c3d4e5f6a7b8a1b2c3d4e5f6a7b8a1b2c3d4e5f6a7b8a1b2c3d4e5f6a7b8",
        "language": "EN", "country": "USA", "platform_id": "2", "gender": "f", "vip": true,
        "age": 33, "photo": "https://cdn.example.com/u/1.png", "ak": "k",
        "registration_date": "2023-04-25 12:55:38", "fields": {"plan": "pro", "seats": 5},
        "list_id": 1, "status": 0, "partner_id": 1
    });
    check(
        Provider::Sendios,
        Operation::Create,
        "sendios members",
        &sendios,
    )
    .unwrap();
}

#[test]
fn nulls_and_order_are_the_documented_exceptions() {
    // A typed optional member sent as `null` is left out when written;
    // `null` in a free-form map is kept, and so is its order.
    let body = json!({"email": "a@b.co", "firstName": null,
        "customProperties": {"z": null, "a": ""}});
    let c: omnisend::Contact = serde_json::from_value(body).unwrap();
    assert_eq!(
        serde_json::to_string(&c).unwrap(),
        r#"{"email":"a@b.co","customProperties":{"z":null,"a":""}}"#
    );
    // Typed members in the document's order; custom keys after, as given.
    let body = json!({"plan": "pro", "$email": ["a@b.co"], "beta": true, "$timezone": "UTC"});
    let u: suprsend::User = serde_json::from_value(body).unwrap();
    assert_eq!(
        serde_json::to_string(&u).unwrap(),
        r#"{"$email":["a@b.co"],"$timezone":"UTC","plan":"pro","beta":true}"#
    );
}

#[test]
fn lenient_forms_are_refused_not_altered() {
    // The validator coerces these; the wire types hold only the wire form.
    assert!(
        serde_json::from_value::<sendios::User>(json!({"client_user_id": "u", "vip": 1})).is_err()
    );
    assert!(
        serde_json::from_value::<sendios::User>(json!({"client_user_id": "u", "platform_id": 4}))
            .is_err()
    );
    assert!(serde_json::from_value::<suprsend::User>(json!({"$email": "a@b.co"})).is_err());
    assert!(
        serde_json::from_value::<rocketchat::Contact>(
            json!({"name": 7, "emails": [], "phones": []})
        )
        .is_err()
    );
    assert!(serde_json::from_value::<raia::User>(json!({"firstName": "J"})).is_err());
    assert!(
        serde_json::from_value::<omnisend::Contact>(json!({"identifiers": [{"type": "email"}]}))
            .is_err()
    );
}

#[test]
fn built_wire_values_validate() {
    let mut s = sendios::User::new("crm-1");
    s.name = Some("Jane Doe".into());
    s.phone = Some("+14155552671".into());
    s.language = Some("en".into());
    s.age = Some(34);
    s.fields = Some(Map::from_iter([("plan".to_owned(), json!("pro"))]));

    let mut r = rocketchat::Contact::new("Jane Doe");
    r.emails = vec!["jane@example.com".into()];
    r.phones = vec!["+14155552671".into()];

    let mut p = suprsend::User::default();
    p.email = Some(vec!["jane@example.com".into()]);
    p.androidpush = Some(vec![suprsend::ChannelItem::Object(Map::from_iter([
        ("token".to_owned(), json!("fcm-token-1")),
        ("provider".to_owned(), json!("fcm")),
    ]))]);
    p.slack = Some(vec!["U01ABCDE2F3".into()]);

    let mut a = raia::User::new("Jane", "Doe");
    a.phone_number = Some("+14155552671".into());
    a.skip_email_validation = Some(false);

    let mut o = omnisend::Contact::default();
    o.identifiers = Some(vec![
        omnisend::Identifier::phone("+14155552671").subscribed(),
    ]);
    o.tags = Some(vec!["source: api".into()]);
    o.birthdate = Some("1981-11-05".into());

    let bodies = [
        (Provider::Sendios, serde_json::to_value(&s).unwrap()),
        (Provider::RocketChat, serde_json::to_value(&r).unwrap()),
        (Provider::Suprsend, serde_json::to_value(&p).unwrap()),
        (Provider::Raia, serde_json::to_value(&a).unwrap()),
        (Provider::Omnisend, serde_json::to_value(&o).unwrap()),
    ];
    for (provider, body) in bodies {
        let report = Validator::new(provider).validate_value(body.clone());
        assert!(report.is_valid(), "{provider}: {:?}", report.violations());
        assert!(
            report.changes().is_empty(),
            "{provider}: {:?}",
            report.changes()
        );
        assert_eq!(report.normalized(), Some(&body), "{provider}");
    }
}

#[test]
fn every_operation_has_an_endpoint() {
    for &provider in Provider::ALL {
        for &operation in provider.operations() {
            let e = provider
                .endpoint(operation)
                .unwrap_or_else(|| panic!("{provider} {operation}"));
            assert_eq!(e.has_body(), operation.has_body(), "{provider} {operation}");
            let params: Vec<(&str, &str)> = e.path_params.iter().map(|p| (*p, "x")).collect();
            let path = e.path(&params).unwrap();
            assert!(path.starts_with('/') && !path.contains('{'), "{path}");
        }
        for &operation in Operation::ALL {
            if !provider.operations().contains(&operation) {
                assert!(
                    provider.endpoint(operation).is_none(),
                    "{provider} {operation}"
                );
            }
        }
    }
}
