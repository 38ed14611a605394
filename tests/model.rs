//! The canonical model: builders normalize like the value types, collect
//! every violation with its rule id and path, and the status-date merge
//! rule (Omnisend seed `004`) holds for any sequence of updates.

use omnicontact::model::{
    Channel, ChannelState, ChannelStatus, Contact, CustomProperty, Identifier, IdentifierKind,
    IdentifierValue, Platform, PropertyValue,
};
use std::collections::BTreeSet;

use omnicontact::{ContactBuilder, Date, Gender, Location, Report, Severity, UtcDateTime, rules};
use proptest::prelude::*;

fn found(report: &Report) -> Vec<(&'static str, &str)> {
    report
        .violations()
        .iter()
        .map(|v| (v.rule(), v.path()))
        .collect()
}

fn at(s: &str) -> Option<UtcDateTime> {
    UtcDateTime::parse(s).ok()
}

#[test]
fn design_example_normalizes() {
    let c = Contact::builder()
        .email("Jane@Example.COM")
        .phone("+1 415 555 2671")
        .language("EN")
        .build()
        .unwrap();
    assert_eq!(c.email().unwrap().as_str(), "Jane@example.com");
    assert_eq!(c.phone().unwrap().as_str(), "+14155552671");
    assert_eq!(c.language().unwrap().as_str(), "en");
    let ids: Vec<_> = c
        .identifiers()
        .iter()
        .map(|i| (i.kind(), i.as_str()))
        .collect();
    assert_eq!(
        ids,
        [
            (IdentifierKind::Email, "Jane@example.com"),
            (IdentifierKind::Phone, "+14155552671")
        ]
    );
}

#[test]
fn every_field_normalized() {
    let c = Contact::builder()
        .external_id("crm-1")
        .first_name("Jonas")
        .last_name("Jonaitis")
        .display_name("Jonas J.")
        .country("ltu")
        .phone("8 612 34567") // national, read in LT
        .language("LT")
        .timezone("europe/vilnius")
        .gender("MALE")
        .birthdate(" 1990-02-28 ")
        .age(34)
        .platform("3")
        .vip(true)
        .photo("https://Example.com/a.jpg")
        .auth_key("k")
        .registered_at("2023-04-25T14:55:38+02:00")
        .address("Gedimino pr. 1")
        .city("Vilnius")
        .state("Vilniaus")
        .postal_code("01103")
        .tags(["b", "a", "b", "source: crm"])
        .property("size", 38)
        .property("vip_since", Date::from_ymd(2020, 1, 31).unwrap())
        .property("colors", vec!["red", "blue"])
        .property("flag", false)
        .property("gone", "")
        .property("gone_too", None::<String>)
        .build()
        .unwrap();
    assert_eq!(c.external_id(), Some("crm-1"));
    assert_eq!(c.first_name(), Some("Jonas"));
    assert_eq!(c.last_name(), Some("Jonaitis"));
    assert_eq!(c.display_name(), Some("Jonas J."));
    assert_eq!(c.country().unwrap().as_str(), "LT");
    assert_eq!(c.phone().unwrap().as_str(), "+37061234567");
    assert_eq!(c.language().unwrap().as_str(), "lt");
    assert_eq!(c.timezone().unwrap().as_str(), "Europe/Vilnius");
    assert_eq!(c.gender(), Some(Gender::Male));
    assert_eq!(c.birthdate().unwrap().as_str(), "1990-02-28");
    assert_eq!(c.age(), Some(34));
    assert_eq!(c.platform(), Some(Platform::Android));
    assert_eq!(c.vip(), Some(true));
    assert_eq!(c.photo().unwrap().as_str(), "https://Example.com/a.jpg");
    assert_eq!(c.auth_key(), Some("k"));
    assert_eq!(c.registered_at().unwrap().as_str(), "2023-04-25T12:55:38Z");
    assert_eq!(c.address(), Some("Gedimino pr. 1"));
    assert_eq!(c.city(), Some("Vilnius"));
    assert_eq!(c.state(), Some("Vilniaus"));
    assert_eq!(c.postal_code(), Some("01103"));
    assert_eq!(c.tags(), ["b", "a", "source: crm"]);
    let props: Vec<_> = c
        .custom_properties()
        .iter()
        .map(|p| (p.name(), p.value().clone()))
        .collect();
    assert_eq!(
        props,
        [
            ("size", PropertyValue::Number(38.0)),
            (
                "vip_since",
                PropertyValue::Date(Date::parse("2020-01-31").unwrap())
            ),
            (
                "colors",
                PropertyValue::List(vec!["red".into(), "blue".into()])
            ),
            ("flag", PropertyValue::Boolean(false)),
            ("gone", PropertyValue::Remove),
            ("gone_too", PropertyValue::Remove),
        ]
    );
}

#[test]
fn collects_every_violation_in_order() {
    let report = Contact::builder()
        .email("jane@@example.com")
        .phone("+1 415 555 2671 ext. 9")
        .identifier(Identifier::builder().push_token("nope"))
        .identifier(Identifier::builder())
        .identifier(
            Identifier::builder()
                .email("a@b.example")
                .channel("sms", "subscribed", None)
                .channel("fax", "subscribed", None)
                .channel("email", "SUBSCRIBED", Some("yesterday")),
        )
        .identifier(Identifier::builder().slack("  "))
        .country("UK")
        .language("en-US")
        .timezone("PST")
        .gender("x")
        .birthdate("1990-02-30")
        .age(151)
        .platform("5")
        .photo("ftp://example.com/a.png")
        .registered_at("2023-04-25T12:00")
        .tags(["ok", ""])
        .property("hair/color", "red")
        .property("score", f64::INFINITY)
        .build()
        .unwrap_err();
    assert!(!report.is_valid());
    assert_eq!(
        found(&report),
        [
            ("contact.email.format", "/email"),
            ("contact.phone.format", "/phone"),
            ("contact.identifiers.id.format", "/identifiers/0/id"),
            ("contact.identifiers.id.required", "/identifiers/1/id"),
            (
                "contact.identifiers.channels.enum",
                "/identifiers/2/channels/sms"
            ),
            (
                "contact.identifiers.channels.enum",
                "/identifiers/2/channels/fax"
            ),
            (
                "contact.identifiers.channels.status.enum",
                "/identifiers/2/channels/email/status"
            ),
            (
                "contact.identifiers.channels.status_date.format",
                "/identifiers/2/channels/email/statusDate"
            ),
            ("contact.identifiers.id.format", "/identifiers/3/id"),
            ("contact.country.format", "/country"),
            ("contact.language.format", "/language"),
            ("contact.timezone.format", "/timezone"),
            ("contact.gender.enum", "/gender"),
            ("contact.birthdate.format", "/birthdate"),
            ("contact.age.range", "/age"),
            ("contact.platform.enum", "/platform"),
            ("contact.photo.format", "/photo"),
            ("contact.registered_at.format", "/registeredAt"),
            ("contact.tags.format", "/tags/1"),
            (
                "contact.custom_properties.name.format",
                "/customProperties/hair~1color"
            ),
            (
                "contact.custom_properties.value.type",
                "/customProperties/score"
            ),
        ]
    );
    for v in report.violations() {
        assert_eq!(v.severity(), Severity::Error, "{v}");
        assert_eq!(v.location(), Location::Body);
        assert!(!v.message().is_empty());
    }
    assert!(report.normalized().is_none());
    assert!(report.changes().is_empty());
    let suggestion = |path: &str| {
        report
            .violations()
            .iter()
            .find(|v| v.path() == path)
            .and_then(|v| v.suggestion())
    };
    assert_eq!(suggestion("/country"), Some("GB"));
    assert_eq!(suggestion("/language"), Some("en"));
    assert_eq!(
        suggestion("/customProperties/hair~1color"),
        Some("hair_color")
    );
    assert_eq!(report.violations()[14].message(), "151 is outside 0..=150");
}

/// The builders report the model's own rules only: every `contact.*` id
/// of the catalog, and nothing else, at the paths of the contact's JSON
/// shape, with the catalog's severity.
#[test]
fn builders_report_only_the_models_own_rules() {
    let faults = serde_json::json!({
        "identifiers": [
            {"type": "phone", "id": "+1 234 567 891",
             "channels": {"email": {"status": "on", "statusDate": "soon"}}},
            {"type": "webpush", "id": " "}
        ],
        "country": "XX", "language": "xx", "timezone": "GMT+2", "gender": "n",
        "birthdate": "1990-13-01", "age": -1, "platform": "tv", "photo": "example.com/a.jpg",
        "registeredAt": "yesterday", "tags": ["", "ok"], "customProperties": {"a b": 1}
    });
    let report = serde_json::from_value::<ContactBuilder>(faults)
        .unwrap()
        .email("jane@")
        .phone("12")
        .identifier(Identifier::builder())
        .property("score", f64::NAN)
        .build()
        .unwrap_err();
    let mut expected = vec![
        ("contact.email.format", "/email"),
        ("contact.phone.format", "/phone"),
    ];
    if cfg!(feature = "phone") {
        expected.push(("contact.identifiers.id.invalid_number", "/identifiers/0/id"));
    }
    expected.extend([
        (
            "contact.identifiers.channels.enum",
            "/identifiers/0/channels/email",
        ),
        (
            "contact.identifiers.channels.status.enum",
            "/identifiers/0/channels/email/status",
        ),
        (
            "contact.identifiers.channels.status_date.format",
            "/identifiers/0/channels/email/statusDate",
        ),
        ("contact.identifiers.id.format", "/identifiers/1/id"),
        ("contact.identifiers.id.required", "/identifiers/2/id"),
        ("contact.country.format", "/country"),
        ("contact.language.format", "/language"),
        ("contact.timezone.format", "/timezone"),
        ("contact.gender.enum", "/gender"),
        ("contact.birthdate.format", "/birthdate"),
        ("contact.age.range", "/age"),
        ("contact.platform.enum", "/platform"),
        ("contact.photo.format", "/photo"),
        ("contact.registered_at.format", "/registeredAt"),
        ("contact.tags.format", "/tags/0"),
        (
            "contact.custom_properties.name.format",
            "/customProperties/a b",
        ),
        (
            "contact.custom_properties.value.type",
            "/customProperties/score",
        ),
    ]);
    assert_eq!(found(&report), expected);
    // The shorthand phone's warning needs a number of its own.
    let (_, warnings) = Contact::builder()
        .phone("+1 234 567 890")
        .build_with_report()
        .unwrap();
    let warned: &[_] = if cfg!(feature = "phone") {
        &[("contact.phone.invalid_number", "/phone")]
    } else {
        &[]
    };
    assert_eq!(found(&warnings), warned);

    let mut reported = BTreeSet::new();
    for v in report.violations().iter().chain(warnings.violations()) {
        assert_eq!(v.info().provider(), "contact", "{v}");
        assert_eq!(rules::lookup(v.rule()), Some(v.info()), "{v}");
        assert_eq!(v.severity(), v.info().severity(), "{v}");
        assert_eq!(v.location(), Location::Body, "{v}");
        reported.insert(v.rule());
    }
    let catalog: BTreeSet<&str> = rules::catalog()
        .iter()
        .filter(|r| r.provider() == "contact")
        .filter(|r| cfg!(feature = "phone") || !r.id().ends_with(".invalid_number"))
        .map(|r| r.id())
        .collect();
    assert_eq!(reported, catalog);
}

#[test]
fn national_phone_needs_a_region() {
    let r = Contact::builder()
        .phone("(415) 555-2671")
        .build()
        .unwrap_err();
    assert_eq!(found(&r), [("contact.phone.format", "/phone")]);
    // The contact's country is the region, for listed identifiers too.
    let c = Contact::builder()
        .country("US")
        .identifier(Identifier::builder().phone("(415) 555-2671"))
        .build()
        .unwrap();
    assert_eq!(c.phone().unwrap().as_str(), "+14155552671");
    // An invalid country gives no region: both are reported.
    let r = Contact::builder()
        .country("ZZ")
        .phone("(415) 555-2671")
        .build()
        .unwrap_err();
    assert_eq!(
        found(&r),
        [
            ("contact.phone.format", "/phone"),
            ("contact.country.format", "/country")
        ]
    );
}

#[test]
fn duplicate_identifiers_merge_by_status_date() {
    let c = Contact::builder()
        .email("jane@example.com")
        .identifier(Identifier::builder().email("jane@EXAMPLE.com").channel(
            "email",
            "unsubscribed",
            Some("2024-03-01T00:00:00Z"),
        ))
        .identifier(Identifier::builder().email("jane@example.com").channel(
            "email",
            "subscribed",
            Some("2024-02-01T00:00:00Z"),
        ))
        .build()
        .unwrap();
    assert_eq!(c.identifiers().len(), 1);
    let state = c.identifiers()[0].channel(Channel::Email).unwrap();
    assert_eq!(state.status(), ChannelStatus::Unsubscribed);
    assert_eq!(state.date().unwrap().as_str(), "2024-03-01T00:00:00Z");
}

#[test]
fn identifier_kinds_and_channels() {
    let apns = Identifier::push_token(&format!("<{}>", ["A1B2C3D4"; 8].join(" "))).unwrap();
    assert_eq!(apns.kind(), IdentifierKind::Apns);
    assert_eq!(apns.as_str(), "a1b2c3d4".repeat(8));
    let fcm = Identifier::builder()
        .push_token("0123456789abcdefghijkl:APA91b")
        .channel("androidpush", "subscribed", None)
        .build()
        .unwrap();
    assert_eq!(fcm.kind(), IdentifierKind::Fcm);
    let r = Identifier::builder()
        .push_token("ab".repeat(32))
        .channel("androidpush", "subscribed", None)
        .build()
        .unwrap_err();
    assert_eq!(
        found(&r),
        [("contact.identifiers.channels.enum", "/channels/androidpush")]
    );
    assert_eq!(
        r.violations()[0].message(),
        "an identifier of kind 'apns' has no channel 'androidpush' (only iospush)"
    );
    for (id, kind) in [
        (Identifier::ms_teams("t").unwrap(), IdentifierKind::MsTeams),
        (Identifier::inbox("i").unwrap(), IdentifierKind::Inbox),
        (Identifier::web_push("w").unwrap(), IdentifierKind::WebPush),
        (Identifier::slack("s").unwrap(), IdentifierKind::Slack),
    ] {
        assert_eq!(id.kind(), kind);
        assert_eq!(id.value().kind(), kind);
    }
    assert_eq!(
        Identifier::email("x@y.example").unwrap().value(),
        &IdentifierValue::Email("x@y.example".parse().unwrap())
    );
    // A built identifier round-trips through its builder.
    let built = Identifier::builder()
        .phone("+44 20 7946 0018")
        .channel(
            "whatsapp",
            "nonSubscribed",
            Some("2020-01-01T01:00:00+01:00"),
        )
        .build()
        .unwrap();
    let c = Contact::builder()
        .identifier(built.clone())
        .build()
        .unwrap();
    assert_eq!(c.identifiers(), [built]);
}

#[test]
fn custom_property_names() {
    assert!(CustomProperty::new("Ab_9", 1).is_ok());
    let long = "a".repeat(129);
    let r = CustomProperty::new(long.as_str(), 1).unwrap_err();
    assert_eq!(
        found(&r),
        [(
            "contact.custom_properties.name.format",
            format!("/customProperties/{long}").as_str()
        )]
    );
    assert_eq!(
        r.violations()[0].suggestion(),
        Some("a".repeat(128).as_str())
    );
    let r = CustomProperty::new("", 1).unwrap_err();
    assert_eq!(
        found(&r),
        [(
            "contact.custom_properties.name.format",
            "/customProperties/"
        )]
    );
    let r = CustomProperty::new("plaukų spalva", "x").unwrap_err();
    assert_eq!(r.violations()[0].suggestion(), Some("plauku_spalva"));
}

#[test]
fn apply_status_on_a_contact() {
    let mut c = Contact::builder().phone("+14155552671").build().unwrap();
    let id = c.identifier_mut("+14155552671").unwrap();
    let sub = ChannelState::new(ChannelStatus::Subscribed, at("2024-01-01T00:00:00Z"));
    let unsub = ChannelState::new(ChannelStatus::Unsubscribed, at("2023-12-31T23:59:59Z"));
    assert_eq!(id.apply_status(Channel::Sms, sub.clone()), Ok(true));
    assert_eq!(id.apply_status(Channel::Sms, unsub), Ok(false));
    assert_eq!(id.apply_status(Channel::Sms, sub.clone()), Ok(false));
    assert!(id.apply_status(Channel::Email, sub.clone()).is_err());
    assert_eq!(c.identifiers()[0].channels(), [(Channel::Sms, sub)]);
}

#[test]
fn contact_is_send_sync() {
    fn assert<T: Send + Sync + Clone + std::fmt::Debug + PartialEq>() {}
    assert::<Contact>();
    assert::<Identifier>();
    assert::<CustomProperty>();
    assert::<ChannelState>();
}

// ---------------------------------------------------------------------------
// The status-date merge rule, for any updates.

fn status() -> impl Strategy<Value = ChannelStatus> {
    prop_oneof![
        Just(ChannelStatus::Subscribed),
        Just(ChannelStatus::Unsubscribed),
        Just(ChannelStatus::NonSubscribed),
    ]
}

/// Dates from a small range so that equal dates occur often.
fn date() -> impl Strategy<Value = Option<UtcDateTime>> {
    proptest::option::weighted(
        0.8,
        (0u32..4, 0u32..3)
            .prop_map(|(day, hour)| at(&format!("2024-01-0{}T0{hour}:00:00Z", day + 1))),
    )
    .prop_map(Option::flatten)
}

fn state() -> impl Strategy<Value = ChannelState> {
    (status(), date()).prop_map(|(s, d)| ChannelState::new(s, d))
}

proptest! {
    #[test]
    fn merge_keeps_the_latest_date(stored in state(), incoming in state()) {
        let merged = stored.clone().merged(incoming.clone());
        if incoming.date() > stored.date() {
            prop_assert_eq!(&merged, &incoming);
        } else {
            // Earlier, equal or missing: nothing changes.
            prop_assert_eq!(&merged, &stored);
        }
        prop_assert_eq!(merged.date(), stored.date().max(incoming.date()));
    }

    #[test]
    fn merge_is_idempotent(stored in state(), incoming in state()) {
        let once = stored.clone().merged(incoming.clone());
        let twice = once.clone().merged(incoming.clone());
        prop_assert_eq!(&once, &twice);
        prop_assert_eq!(&stored.clone().merged(stored.clone()), &stored);
        // Merging the result with either input changes nothing.
        let mut again = once;
        prop_assert!(!again.merge(stored));
        prop_assert!(!again.merge(incoming));
    }

    #[test]
    fn order_of_distinct_date_updates_does_not_matter(
        first in state(),
        updates in proptest::collection::vec((status(), 0u32..1000), 0..12),
        seed in any::<u64>(),
    ) {
        // Distinct dates: one update per minute offset.
        let mut seen = std::collections::BTreeSet::new();
        let updates: Vec<ChannelState> = updates
            .into_iter()
            .filter(|(_, m)| seen.insert(*m))
            .map(|(s, m)| ChannelState::new(s, at(&format!("2025-01-01T{:02}:{:02}:00Z", m / 60, m % 60))))
            .collect();
        let fold = |order: &[ChannelState]| {
            order.iter().cloned().fold(first.clone(), ChannelState::merged)
        };
        let forward = fold(&updates);
        let mut reversed = updates.clone();
        reversed.reverse();
        let mut shuffled = updates.clone();
        let len = shuffled.len();
        if len > 1 {
            let mut x = seed | 1;
            for i in (1..len).rev() {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                let j = usize::try_from(x % (i as u64 + 1)).unwrap();
                shuffled.swap(i, j);
            }
        }
        prop_assert_eq!(&forward, &fold(&reversed));
        prop_assert_eq!(&forward, &fold(&shuffled));
        // The result is the state with the latest date.
        let latest = updates.iter().chain(std::iter::once(&first)).max_by(|a, b| a.date().cmp(&b.date()));
        if let Some(latest) = latest
            && latest.date() > first.date()
        {
            prop_assert_eq!(&forward, latest);
        } else {
            prop_assert_eq!(&forward, &first);
        }
    }

    #[test]
    fn identifier_apply_status_matches_merge(updates in proptest::collection::vec(state(), 1..8)) {
        let mut id = Identifier::email("a@b.example").unwrap();
        let mut expected: Option<ChannelState> = None;
        for u in updates {
            id.apply_status(Channel::Email, u.clone()).unwrap();
            expected = Some(match expected {
                None => u,
                Some(e) => e.merged(u),
            });
        }
        prop_assert_eq!(id.channel(Channel::Email), expected.as_ref());
    }

    #[test]
    fn builder_never_panics(
        email in "\\PC{0,20}",
        phone in "[+0-9 ()a-z-]{0,20}",
        country in "\\PC{0,4}",
        language in "\\PC{0,6}",
        zone in "\\PC{0,12}",
        date in "\\PC{0,12}",
        name in "\\PC{0,10}",
        age in any::<i64>(),
        number in any::<f64>(),
    ) {
        let built = Contact::builder()
            .email(email.as_str())
            .phone(phone.as_str())
            .country(country.as_str())
            .language(language.as_str())
            .timezone(zone.as_str())
            .birthdate(date.as_str())
            .registered_at(date.as_str())
            .gender(name.as_str())
            .platform(name.as_str())
            .photo(name.as_str())
            .age(age)
            .tag(name.as_str())
            .identifier(Identifier::builder().push_token(name.as_str()).channel(name.as_str(), name.as_str(), Some(date.as_str())))
            .property(name.as_str(), number)
            .build();
        match built {
            Ok(c) => {
                // A built contact re-builds to itself from its normalized values.
                let again = Contact::builder()
                    .email(c.email().unwrap().as_str())
                    .phone(c.phone().unwrap().as_str())
                    .build()
                    .unwrap();
                prop_assert_eq!(again.email(), c.email());
                prop_assert_eq!(again.phone(), c.phone());
            }
            Err(r) => {
                prop_assert!(!r.is_valid());
                prop_assert!(r.violations().iter().all(|v| v.path().starts_with('/')));
            }
        }
    }
}

#[test]
fn every_primitive_number_is_a_property_number() {
    use omnicontact::PropertyValue;
    assert_eq!(PropertyValue::from(5_i64), PropertyValue::Number(5.0));
    assert_eq!(PropertyValue::from(7_usize), PropertyValue::Number(7.0));
    assert_eq!(PropertyValue::from(1.5_f32), PropertyValue::Number(1.5));
    assert_eq!(PropertyValue::from(u8::MAX), PropertyValue::Number(255.0));
    let c = omnicontact::Contact::builder()
        .email("a@b.co")
        .property("visits", 12_u64)
        .build()
        .unwrap();
    assert_eq!(
        c.custom_property("visits"),
        Some(&PropertyValue::Number(12.0))
    );
}

#[test]
fn builders_take_value_types_as_well_as_text() {
    use omnicontact::{CountryCode, Email, LanguageCode};
    let c = omnicontact::Contact::builder()
        .email(Email::parse("Jane@Example.COM").unwrap())
        .country(CountryCode::parse("LTU").unwrap())
        .language(LanguageCode::parse("lt").unwrap())
        .build()
        .unwrap();
    assert_eq!(c.email().unwrap().as_str(), "Jane@example.com");
    assert_eq!(c.country().unwrap().as_str(), "LT");
    assert_eq!(String::from(Email::parse("a@B.co").unwrap()), "a@b.co");
}
