//! The rule policy (`Options::policy`, `omnicontact::policy`): raising a
//! warning makes a document invalid, lowering an error makes it valid and
//! keeps its body, switching a rule off hides its violations but never its
//! changes; deny-unknown-members; which entry wins; bad entries refused;
//! the report JSON, truncation summaries and conversions follow it.

use omnicontact::policy::{Level, Policy, PolicyError};
use omnicontact::{Location, Options, Provider, Report, Severity, Validator, rules};
use serde_json::json;

fn with_policy(provider: Provider, policy: Policy) -> Validator {
    Validator::new(provider).with_options(Options::new().policy(policy))
}

fn found(r: &Report) -> Vec<(&str, Severity, &str)> {
    r.violations()
        .iter()
        .map(|v| (v.rule(), v.severity(), v.path()))
        .collect()
}

const MISSPELT: &str = r#"{"email":"a@b.co","tags":["source: x"],"firstNmae":"Jo"}"#;

#[test]
fn a_raised_warning_makes_the_document_invalid() {
    let plain = Validator::new(Provider::Omnisend).validate_str(MISSPELT);
    assert_eq!(
        found(&plain),
        [(
            "omnisend.body.unknown_field",
            Severity::Warning,
            "/firstNmae"
        )]
    );
    assert!(plain.is_valid());

    let policy = Policy::new().deny("omnisend.body.unknown_field").unwrap();
    let r = with_policy(Provider::Omnisend, policy).validate_str(MISSPELT);
    assert_eq!(
        found(&r),
        [("omnisend.body.unknown_field", Severity::Error, "/firstNmae")]
    );
    assert!(!r.is_valid());
    assert_eq!(r.normalized(), None);
    assert_eq!(r.errors().count(), 1);
    assert_eq!(r.warnings().count(), 0);
    // The catalog's severity is unchanged; the report's JSON and Display
    // give the effective one.
    assert_eq!(r.violations()[0].info().severity(), Severity::Warning);
    let json = serde_json::to_value(&r).unwrap();
    assert_eq!(json["valid"], false);
    assert_eq!(json["violations"][0]["severity"], "error");
    assert!(
        r.to_string()
            .starts_with("error omnisend.body.unknown_field at body /firstNmae:"),
        "{r}"
    );
}

#[test]
fn a_lowered_error_keeps_the_document_valid_and_its_body() {
    let body = r#"{"email":" a@b.co","tags":["source: x"],"gender":"x"}"#;
    assert!(
        !Validator::new(Provider::Omnisend)
            .validate_str(body)
            .is_valid()
    );
    let policy = Policy::new().warn("omnisend.gender.enum").unwrap();
    let r = with_policy(Provider::Omnisend, policy).validate_str(body);
    assert_eq!(
        found(&r),
        [("omnisend.gender.enum", Severity::Warning, "/gender")]
    );
    assert!(r.is_valid());
    // The normalized body is given, and would be sent as it is.
    assert_eq!(
        r.normalized().unwrap(),
        &json!({"email":"a@b.co","tags":["source: x"],"gender":"x"})
    );
    assert_eq!(serde_json::to_value(&r).unwrap()["valid"], true);
}

#[test]
fn a_rule_switched_off_is_not_reported_but_its_changes_are() {
    let body = r#"{"email":" a@b.co "}"#;
    let plain = Validator::new(Provider::Omnisend).validate_str(body);
    assert_eq!(
        found(&plain),
        [("omnisend.tags.advice", Severity::Warning, "/tags")]
    );
    let policy = Policy::new()
        .allow("omnisend.tags.advice")
        .unwrap()
        .allow("omnisend.email.format")
        .unwrap();
    let r = with_policy(Provider::Omnisend, policy).validate_str(body);
    assert_eq!(found(&r), []);
    // Normalization happens all the same, and is recorded.
    let changes: Vec<_> = r.changes().iter().map(|c| (c.rule(), c.path())).collect();
    assert_eq!(changes, [("omnisend.email.format", "/email")]);
    assert_eq!(r.normalized().unwrap()["email"], "a@b.co");
}

#[test]
fn an_error_switched_off_makes_the_document_valid() {
    let body = r#"{"email":"a@b.co","tags":["source: x"],"gender":"x"}"#;
    let policy = Policy::new().allow("omnisend.gender.enum").unwrap();
    let r = with_policy(Provider::Omnisend, policy).validate_str(body);
    assert_eq!(found(&r), []);
    assert!(r.is_valid());
    assert_eq!(r.normalized().unwrap()["gender"], "x");
}

#[test]
fn deny_unknown_members_refuses_every_undefined_member() {
    let cases = [
        (
            Provider::Sendios,
            r#"{"client_user_id":"u1","emial":"a@b.co"}"#,
            "sendios.body.unknown_field",
            "/emial",
        ),
        (
            Provider::Omnisend,
            MISSPELT,
            "omnisend.body.unknown_field",
            "/firstNmae",
        ),
        (
            Provider::Raia,
            r#"{"firstName":"A","lastName":"B","email":"a@b.co","emial":"x"}"#,
            "raia.body.unknown_field",
            "/emial",
        ),
        (
            Provider::Suprsend,
            r#"{"$email":["a@b.co"],"$slack":{"email":"a@b.co","colour":"x"}}"#,
            "suprsend.slack.unknown_field",
            "/$slack/colour",
        ),
        (
            Provider::RocketChat,
            r#"{"name":"A","emails":[],"phones":[],"nmae":"x"}"#,
            "rocketchat.body.unknown_field",
            "/nmae",
        ),
    ];
    for (provider, body, rule, path) in cases {
        let plain = Validator::new(provider).validate_str(body);
        let v = Validator::new(provider).with_options(Options::new().deny_unknown_members(true));
        let r = v.validate_str(body);
        assert!(!r.is_valid(), "{provider}: {r}");
        let errors: Vec<_> = r.errors().map(|v| (v.rule(), v.path())).collect();
        assert_eq!(errors, [(rule, path)], "{provider}: {r}");
        // Nothing else changes.
        assert_eq!(r.violations().len(), plain.violations().len(), "{provider}");
    }
}

#[test]
fn the_unknown_member_rules_are_the_unknown_field_rules() {
    let ids: Vec<_> = Policy::unknown_member_rules().map(|r| r.id()).collect();
    assert_eq!(
        ids,
        [
            "input.path.unknown_field",
            "input.query.unknown_field",
            "sendios.body.unknown_field",
            "rocketchat.body.unknown_field",
            "suprsend.androidpush.unknown_field",
            "suprsend.iospush.unknown_field",
            "suprsend.slack.unknown_field",
            "suprsend.ms_teams.unknown_field",
            "raia.metadata.unknown_field",
            "raia.body.unknown_field",
            "omnisend.body.unknown_field",
        ]
    );
    let p = Policy::new().deny_unknown_members(true);
    for rule in rules::catalog() {
        let expected = if ids.contains(&rule.id()) {
            Level::Error
        } else {
            rule.severity().into()
        };
        assert_eq!(p.level(rule), expected, "{}", rule.id());
    }
}

#[test]
fn the_exact_id_wins_then_the_last_pattern_then_deny_unknown() {
    let p = Policy::new()
        .deny_unknown_members(true)
        .allow("omnisend.*")
        .unwrap()
        .warn("omnisend.tags.*")
        .unwrap()
        .deny("omnisend.tags.advice")
        .unwrap()
        .allow("*.unknown_field")
        .unwrap()
        .warn("sendios.body.unknown_field")
        .unwrap();
    assert_eq!(p.level(rules::OMNISEND_TAGS_ADVICE), Level::Error);
    assert_eq!(p.level(rules::OMNISEND_TAGS_UNIQUE), Level::Warning);
    assert_eq!(p.level(rules::OMNISEND_GENDER_ENUM), Level::Off);
    assert_eq!(p.level(rules::OMNISEND_BODY_UNKNOWN_FIELD), Level::Off);
    assert_eq!(p.level(rules::SENDIOS_BODY_UNKNOWN_FIELD), Level::Warning);
    assert_eq!(p.level(rules::RAIA_BODY_UNKNOWN_FIELD), Level::Off);
    assert_eq!(p.level(rules::SENDIOS_GENDER_ENUM), Level::Error);
    // An exact id given twice: the last one.
    let p = Policy::new()
        .deny("omnisend.tags.advice")
        .unwrap()
        .allow("omnisend.tags.advice")
        .unwrap();
    assert_eq!(p.level(rules::OMNISEND_TAGS_ADVICE), Level::Off);
    // deny-unknown-members comes after every entry, whenever it is set.
    let p = Policy::new()
        .warn("raia.*")
        .unwrap()
        .deny_unknown_members(true);
    assert_eq!(p.level(rules::RAIA_BODY_UNKNOWN_FIELD), Level::Warning);
    assert_eq!(p.level(rules::SENDIOS_BODY_UNKNOWN_FIELD), Level::Error);
}

#[test]
fn bad_entries_are_refused() {
    assert_eq!(
        Policy::new().deny("omnisend.tags.advise"),
        Err(PolicyError::UnknownRule {
            rule: "omnisend.tags.advise".to_owned(),
            suggestion: Some("omnisend.tags.advice"),
        })
    );
    assert_eq!(
        Policy::new()
            .warn("completely.different")
            .unwrap_err()
            .to_string(),
        "unknown rule `completely.different`"
    );
    assert_eq!(
        Policy::new().allow("omnisnd.*").unwrap_err().to_string(),
        "`omnisnd.*` matches no rule"
    );
    for fixed in [
        "input.json.format",
        "input.body.type",
        "input.body.max_length",
        "input.body.max_depth",
    ] {
        assert_eq!(
            Policy::new().warn(fixed),
            Err(PolicyError::Fixed(rules::lookup(fixed).unwrap().id()))
        );
        assert!(Policy::new().allow(fixed).is_err());
        assert!(Policy::new().deny(fixed).is_ok());
    }
    assert!(matches!(
        Options::new().rule_level("nope", Level::Off),
        Err(PolicyError::UnknownRule { .. })
    ));
}

#[test]
fn nothing_makes_an_unreadable_document_valid() {
    let all_off = Policy::new().allow("*").unwrap();
    assert_eq!(all_off.level(rules::OMNISEND_GENDER_ENUM), Level::Off);
    let v = with_policy(Provider::Omnisend, all_off);
    for (body, rule) in [
        ("[]", "input.body.type"),
        ("{", "input.json.format"),
        (r#"{"a":1,"a":2}"#, "input.json.format"),
        (
            "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]",
            "input.body.max_depth",
        ),
    ] {
        let r = v.validate_str(body);
        assert_eq!(r.violations()[0].rule(), rule, "{body}");
        assert!(!r.is_valid(), "{body}");
    }
    let small = Validator::new(Provider::Omnisend).with_options(v.options().clone().max_bytes(4));
    let r = small.validate_str(r#"{"email":"a@b.co"}"#);
    assert_eq!(found(&r), [("input.body.max_length", Severity::Error, "")]);
    // Everything else is off: an otherwise refused body is valid.
    let r = v.validate_str(r#"{"gender":"x","birthdate":"1990-02-30"}"#);
    assert_eq!(found(&r), []);
    assert!(r.is_valid());
}

#[test]
fn truncation_summaries_follow_the_policy() {
    let tags: Vec<String> = (0..5).map(|_| "\"t\"".to_owned()).collect();
    let body = format!(
        r#"{{"email":"a@b.co","tags":["source: x",{}]}}"#,
        tags.join(",")
    );
    let options = Options::new().max_per_rule(2);

    // Raised: the summary says "errors".
    let v = Validator::new(Provider::Omnisend).with_options(
        options
            .clone()
            .rule_level("omnisend.tags.unique", Level::Error)
            .unwrap(),
    );
    let r = v.validate_str(&body);
    assert_eq!(
        found(&r),
        [
            ("omnisend.tags.unique", Severity::Error, "/tags/2"),
            ("omnisend.tags.unique", Severity::Error, "/tags/3"),
            ("input.report.truncated", Severity::Warning, "/tags/4"),
        ]
    );
    assert!(
        r.violations()[2]
            .message()
            .starts_with("2 more 'omnisend.tags.unique' errors in this document are not listed"),
        "{r}"
    );

    // The rule off: its violations are neither listed nor summarized; its
    // changes are, as always (five numbers coerced to strings; the
    // national numbers' `rocketchat.phones.format` warnings are off too).
    let phones = r#"{"name":"A","emails":["a@b.co"],"phones":[1,2,3,4,5]}"#;
    let v = Validator::new(Provider::RocketChat).with_options(
        options
            .clone()
            .rule_level("rocketchat.phones.*", Level::Off)
            .unwrap(),
    );
    let r = v.validate_str(phones);
    assert_eq!(
        found(&r),
        [("input.report.truncated", Severity::Warning, "/phones/2")]
    );
    assert!(
        r.violations()[0]
            .message()
            .starts_with("3 more changes under 'rocketchat.phones.coerced' in this document are made but not listed"),
        "{r}"
    );
    let changes: Vec<_> = r.changes().iter().map(|c| (c.rule(), c.path())).collect();
    assert_eq!(
        changes,
        [
            ("rocketchat.phones.coerced", "/phones/0"),
            ("rocketchat.phones.coerced", "/phones/1")
        ]
    );
    assert_eq!(
        r.normalized().unwrap()["phones"],
        json!(["1", "2", "3", "4", "5"])
    );

    // The summary rule itself: raised, or off.
    let v = Validator::new(Provider::Omnisend).with_options(
        options
            .clone()
            .rule_level("input.report.truncated", Level::Error)
            .unwrap(),
    );
    let r = v.validate_str(&body);
    assert_eq!(r.violations()[2].rule(), "input.report.truncated");
    assert_eq!(r.violations()[2].severity(), Severity::Error);
    assert!(!r.is_valid());
    let v = Validator::new(Provider::Omnisend).with_options(
        options
            .rule_level("input.report.truncated", Level::Off)
            .unwrap(),
    );
    let r = v.validate_str(&body);
    let ids: Vec<_> = r.violations().iter().map(|v| v.rule()).collect();
    assert_eq!(ids, ["omnisend.tags.unique", "omnisend.tags.unique"]);
}

#[test]
fn numbers_read_as_another_value_follow_the_policy() {
    let body = r#"{"client_user_id":"u1","fields":{"n":18446744073709551616}}"#;
    let policy = Policy::new().allow("input.number.precision").unwrap();
    let r = with_policy(Provider::Sendios, policy).validate_str(body);
    assert_eq!(found(&r), []);
    assert_eq!(r.changes()[0].rule(), "input.number.precision");
    let policy = Policy::new().deny("input.number.precision").unwrap();
    let r = with_policy(Provider::Sendios, policy).validate_str(body);
    assert_eq!(
        found(&r),
        [("input.number.precision", Severity::Error, "/fields/n")]
    );
}

#[test]
fn conversion_losses_follow_the_policy() {
    let body = r#"{"client_user_id":"u1","name":"Jane Doe","age":34,"email":"jane@example.com"}"#;
    let plain = Validator::new(Provider::Sendios).convert_str(body, Provider::Omnisend);
    let lossy: Vec<_> = plain
        .violations()
        .iter()
        .filter(|v| v.location() == Location::Converted)
        .map(|v| (v.rule(), v.severity(), v.path()))
        .collect();
    assert!(lossy.contains(&("convert.age.lossy", Severity::Warning, "/age")));
    assert!(plain.is_valid());

    let policy = Policy::new().deny("convert.age.lossy").unwrap();
    let r = with_policy(Provider::Sendios, policy).convert_str(body, Provider::Omnisend);
    assert!(!r.is_valid());
    let errors: Vec<_> = r
        .errors()
        .map(|v| (v.rule(), v.location(), v.path()))
        .collect();
    assert_eq!(errors, [("convert.age.lossy", Location::Converted, "/age")]);
    assert!(r.converted().is_some());

    let policy = Policy::new().allow("convert.*").unwrap();
    let r = with_policy(Provider::Sendios, policy).convert_str(body, Provider::Omnisend);
    assert!(
        r.violations()
            .iter()
            .all(|v| !v.rule().starts_with("convert."))
    );
    // The target's own rules follow the policy too.
    let policy = Policy::new()
        .allow("convert.*")
        .unwrap()
        .allow("omnisend.tags.advice")
        .unwrap();
    let r = with_policy(Provider::Sendios, policy).convert_str(body, Provider::Omnisend);
    assert_eq!(found(&r), []);
    assert!(r.is_valid());
}

#[test]
fn a_source_made_valid_by_a_lowered_error_is_converted() {
    let body = r#"{"email":"a@example.com","tags":["source: x"],"gender":"x"}"#;
    let refused = Validator::new(Provider::Omnisend).convert_str(body, Provider::Raia);
    assert!(refused.converted().is_none());
    let policy = Policy::new().warn("omnisend.gender.enum").unwrap();
    let r = with_policy(Provider::Omnisend, policy).convert_str(body, Provider::Raia);
    assert!(r.converted().is_some(), "{r}");
    assert_eq!(r.converted().unwrap()["email"], "a@example.com");
}

#[test]
fn policy_files_round_trip_and_name_their_bad_lines() {
    let text = "\
# service policy
deny-unknown-members
deny raia.first_name.advice   # refuse blank names
warning omnisend.birthdate.*
off omnisend.tags.advice
";
    let p: Policy = text.parse().unwrap();
    assert!(p.get_deny_unknown_members());
    assert_eq!(p.level(rules::RAIA_FIRST_NAME_ADVICE), Level::Error);
    assert_eq!(p.level(rules::OMNISEND_BIRTHDATE_FORMAT), Level::Warning);
    assert_eq!(p.level(rules::OMNISEND_TAGS_ADVICE), Level::Off);
    assert_eq!(
        p.to_string(),
        "deny-unknown-members\ndeny raia.first_name.advice\nwarn omnisend.birthdate.*\nallow omnisend.tags.advice\n"
    );
    assert_eq!(Policy::parse(&p.to_string()).unwrap(), p);
    assert_eq!(Policy::parse("").unwrap(), Policy::new());

    assert_eq!(
        Policy::parse("\n\ndeny omnisend.tags.advice extra")
            .unwrap_err()
            .to_string(),
        "line 3: expected `deny|warn|allow RULE` or `deny-unknown-members`, found `deny omnisend.tags.advice extra`"
    );
    assert_eq!(
        Policy::parse("allow input.body.type").unwrap_err(),
        PolicyError::AtLine {
            line: 1,
            error: Box::new(PolicyError::Fixed("input.body.type")),
        }
    );
    assert_eq!(
        Policy::parse("deny\n").unwrap_err().to_string(),
        "line 1: expected `deny|warn|allow RULE` or `deny-unknown-members`, found `deny`"
    );
}

#[test]
fn options_with_a_policy_are_shared_across_threads() {
    fn shared<T: Clone + Send + Sync + std::fmt::Debug + 'static>() {}
    shared::<Options>();
    shared::<Policy>();
    let v = with_policy(
        Provider::Omnisend,
        Policy::new().deny("omnisend.body.unknown_field").unwrap(),
    );
    std::thread::scope(|s| {
        let a = s.spawn(|| v.validate_str(MISSPELT).is_valid());
        let b = s.spawn(|| v.validate_str(MISSPELT).is_valid());
        assert!(!a.join().unwrap());
        assert!(!b.join().unwrap());
    });
}

/// Review of issue 17: with unknown members denied, a raia search query's
/// misspelt parameter was accepted silently (path and query parts had no
/// unknown-member rule). It is `input.query.unknown_field`, an error here.
#[test]
fn deny_unknown_members_covers_query_and_path_parameters() {
    let v = Validator::for_operation(Provider::Raia, omnicontact::Operation::Search)
        .unwrap()
        .with_options(Options::new().deny_unknown_members(true));
    let r = v.validate_envelope_str(r#"{"query":{"email":"a@b.co","emial":"x"}}"#);
    let errors: Vec<_> = r
        .errors()
        .map(|v| (v.rule(), v.path(), v.suggestion()))
        .collect();
    assert_eq!(
        errors,
        [("input.query.unknown_field", "/emial", Some("email"))]
    );
    let v =
        Validator::new(Provider::Sendios).with_options(Options::new().deny_unknown_members(true));
    let r = v
        .validate_envelope_str(r#"{"path":{"project_id":1,"x":2},"body":{"client_user_id":"u1"}}"#);
    let errors: Vec<_> = r.errors().map(|v| (v.rule(), v.path())).collect();
    assert_eq!(errors, [("input.path.unknown_field", "/x")]);
}

/// A `statusDate` that is no string, let through by a lowered rule, is no
/// date: in Omnisend's duplicate merge it never wins over a readable date,
/// in either order (an undated status would).
#[test]
fn a_status_date_of_another_type_never_wins_a_merge() {
    let v = with_policy(
        Provider::Omnisend,
        Policy::new()
            .warn("omnisend.identifiers.channels.status_date.format")
            .unwrap(),
    );
    let state = |status: &str, date: serde_json::Value| json!({"type": "email", "id": "a@b.co", "channels": {"email": {"status": status, "statusDate": date}}});
    for (first, second, kept) in [
        (
            state("subscribed", json!("2024-01-01T00:00:00Z")),
            state("unsubscribed", json!(5)),
            "subscribed",
        ),
        (
            state("subscribed", json!(true)),
            state("unsubscribed", json!("2000-01-01T00:00:00Z")),
            "unsubscribed",
        ),
    ] {
        let r = v.validate_value(json!({"identifiers": [first, second], "tags": ["source: x"]}));
        let body = r.normalized().unwrap_or_else(|| panic!("{r}"));
        assert_eq!(
            body["identifiers"][0]["channels"]["email"]["status"], kept,
            "{r}"
        );
    }
}
