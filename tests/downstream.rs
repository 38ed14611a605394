//! The crate as a downstream service uses it (issue 17): a dependent
//! program that keeps `serde_json` as it asked for it, and a small signup
//! service written from the README and rustdoc only — one shared
//! validator per provider, batches, a policy, its own rule, messages of
//! its own from rule ids and parameters, contacts as JSON, one call from a
//! contact to a request.

use std::path::Path;
use std::process::Command;

use omnicontact::{Contact, Provider, Severity, UtcDateTime, Validator};

/// Depending on the crate leaves `serde_json` as the dependent asked for
/// it (no `preserve_order`, no `float_roundtrip`), and the crate works the
/// same there: `tests/dependent/program.rs`, built as its own package outside
/// this crate's build (whose dev-dependencies turn those features on), with
/// this crate's lock file, offline.
#[test]
fn a_dependent_keeps_serde_json_as_it_asked() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("dependent");
    std::fs::create_dir_all(dir.join("src")).unwrap();
    let manifest = format!(
        "[package]\nname = \"dependent\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n\
         [dependencies]\nomnicontact = {{ path = {root:?} }}\nserde_json = \"1\"\n\n[workspace]\n",
        root = root.display().to_string(),
    );
    std::fs::write(dir.join("Cargo.toml"), manifest).unwrap();
    std::fs::copy(
        root.join("tests/dependent/program.rs"),
        dir.join("src/main.rs"),
    )
    .unwrap();
    // The crate's own lock: the same versions, all already downloaded.
    std::fs::copy(root.join("Cargo.lock"), dir.join("Cargo.lock")).unwrap();
    let output = Command::new(env!("CARGO"))
        .args(["run", "--quiet", "--offline", "--manifest-path"])
        .arg(dir.join("Cargo.toml"))
        .arg("--")
        .arg(root)
        .env("CARGO_TARGET_DIR", dir.join("target"))
        .env_remove("RUSTFLAGS")
        .output()
        .expect("cargo runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stdout}\n{stderr}");
    assert!(
        stdout.contains("serde_json::Map prints {\"a\":2,\"b\":1}"),
        "{stdout}"
    );
    assert!(stdout.ends_with("ok\n"), "{stdout}");
}

// ------------------------------------------------------------------------
// A small signup service, written from the README and rustdoc only: one
// validator per provider shared by every request, a policy of its own,
// its users' JSON read into a `Contact`, its own rule, messages in its
// users' language built from rule ids and parameters, and one call from
// the contact to each provider's request.

mod service {
    use std::collections::BTreeMap;

    use omnicontact::policy::{Level, Policy};
    use omnicontact::rules::RuleInfo;
    use omnicontact::{
        Contact, ContactBuilder, Location, Options, Provider, Report, Request, Severity, Validator,
        Violation,
    };

    /// The service's own rule: every signup names its plan.
    pub static PLAN_REQUIRED: RuleInfo = RuleInfo::custom(
        "acme.plan.required",
        Severity::Error,
        "a signup names its plan",
    );

    /// Built once at start-up, shared by every request (`Send + Sync`).
    pub struct Service {
        pub omnisend: Validator,
        pub sendios: Validator,
    }

    impl Service {
        pub fn new() -> Self {
            let policy = Policy::new()
                .deny_unknown_members(true)
                .allow("omnisend.tags.advice")
                .unwrap()
                .set("omnisend.birthdate.*", Level::Warning)
                .unwrap();
            Service {
                omnisend: Validator::new(Provider::Omnisend)
                    .with_options(Options::new().policy(policy)),
                sendios: Validator::new(Provider::Sendios),
            }
        }

        /// A signup form's JSON: a contact and a plan. Every problem at
        /// once, or the contact.
        pub fn signup(&self, json: &str) -> Result<Contact, Report> {
            let mut form: serde_json::Map<String, serde_json::Value> =
                serde_json::from_str(json).expect("the web framework gave an object");
            let plan = form.remove("plan");
            let builder: ContactBuilder =
                serde_json::from_value(serde_json::Value::Object(form)).expect("known members");
            let (contact, mut report) = match builder.build_with_report() {
                Ok(built) => (Some(built.0), built.1),
                Err(report) => (None, report),
            };
            if plan.is_none() {
                report.push(Violation::new(
                    &PLAN_REQUIRED,
                    Location::Body,
                    "/plan",
                    "choose a plan",
                ));
            }
            match contact {
                Some(contact) if report.is_valid() => Ok(contact),
                _ => Err(report),
            }
        }

        /// The provider request for a contact.
        pub fn omnisend_request(&self, contact: &Contact) -> Request {
            self.omnisend
                .request(contact, &[])
                .expect("no path parameter")
        }
    }

    /// The service's messages, in its users' language (here French),
    /// from rule ids and parameters: nothing parsed out of English text.
    pub fn localized(v: &Violation) -> String {
        let found = v
            .param("found")
            .map(ToString::to_string)
            .unwrap_or_default();
        match v.rule() {
            "contact.email.format" | "contact.identifiers.id.format" => {
                format!("adresse invalide : {found}")
            }
            "contact.age.range" => format!(
                "âge hors limites ({}–{}) : {found}",
                v.param("min").map(ToString::to_string).unwrap_or_default(),
                v.param("max").map(ToString::to_string).unwrap_or_default(),
            ),
            "acme.plan.required" => "choisissez une formule".to_owned(),
            other => format!("{other} : {found}"),
        }
    }

    /// Problems by path, as a form shows them beside its fields.
    pub fn by_path(report: &Report) -> BTreeMap<String, Vec<String>> {
        let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for v in report.violations() {
            out.entry(v.path().to_owned())
                .or_default()
                .push(localized(v));
        }
        out
    }
}

#[test]
fn a_signup_reports_the_models_ids_and_the_services_own_with_parameters() {
    let service = service::Service::new();
    let report = service
        .signup(r#"{"identifiers":[{"type":"email","id":"jane@"}],"age":151}"#)
        .unwrap_err();
    let found: Vec<(&str, &str)> = report
        .violations()
        .iter()
        .map(|v| (v.rule(), v.path()))
        .collect();
    assert_eq!(
        found,
        [
            ("contact.identifiers.id.format", "/identifiers/0/id"),
            ("contact.age.range", "/age"),
            ("acme.plan.required", "/plan"),
        ]
    );
    let messages = service::by_path(&report);
    assert_eq!(messages["/age"], ["âge hors limites (0–150) : 151"]);
    assert_eq!(messages["/plan"], ["choisissez une formule"]);
    // The report's JSON carries the parameters too.
    let json = serde_json::to_value(&report).unwrap();
    assert_eq!(json["violations"][1]["params"]["max"], 150);
}

#[test]
fn one_shared_validator_per_provider_serves_concurrent_requests() {
    let service = std::sync::Arc::new(service::Service::new());
    let handles: Vec<_> = (0..4)
        .map(|i| {
            let service = std::sync::Arc::clone(&service);
            std::thread::spawn(move || {
                let contact = service
                    .signup(&format!(
                        r#"{{"externalId":"u{i}","identifiers":[{{"type":"email","id":" User{i}@Example.COM "}}],"plan":"pro"}}"#
                    ))
                    .expect("a valid signup");
                let request = service.omnisend_request(&contact);
                assert!(request.is_sendable(), "{}", request.report());
                assert_eq!(request.method().as_str(), "POST");
                assert_eq!(request.path(), Some("/v3/contacts"));
                let body = request.body().unwrap();
                assert_eq!(body["identifiers"][0]["id"], format!("User{i}@example.com"));
                // Sendios needs its project id, passed in.
                let sendios = service.sendios.request(&contact, &[("project_id", "7")]).unwrap();
                assert!(sendios.is_sendable(), "{}", sendios.report());
                assert_eq!(sendios.body().unwrap()["client_user_id"], format!("u{i}"));
                assert_eq!(sendios.path(), Some("/v1/omnichannel/user/7"));
            })
        })
        .collect();
    for h in handles {
        h.join().unwrap();
    }
}

#[test]
fn the_services_policy_refuses_unknown_members_and_quiets_advice() {
    let service = service::Service::new();
    let report = service.omnisend.validate_str(
        r#"{"email":"jane@example.com","firstNmae":"Jane","birthdate":"1990-02-30"}"#,
    );
    let found: Vec<(&str, Severity)> = report
        .violations()
        .iter()
        .map(|v| (v.rule(), v.severity()))
        .collect();
    assert_eq!(
        found,
        [
            ("omnisend.body.unknown_field", Severity::Error),
            ("omnisend.birthdate.format", Severity::Warning),
        ]
    );
    let unknown = &report.violations()[0];
    assert_eq!(unknown.suggestion(), Some("firstName"));
    assert_eq!(unknown.param("found"), Some(&serde_json::json!("Jane")));
}

#[test]
fn a_batch_compares_documents_only_within_itself() {
    let validator = Validator::new(Provider::Sendios);
    let doc = |value: &str| format!(r#"{{"client_user_id":"u1","fields":{{"plan":{value}}}}}"#);
    // Per request: each document alone.
    assert!(validator.validate_str(&doc("1")).is_valid());
    let alone = validator.validate_str(&doc("\"gold\""));
    assert!(
        !alone
            .violations()
            .iter()
            .any(|v| v.rule() == "sendios.fields.consistent_type")
    );
    // A batch: the second document's `plan` differs in type from the first's.
    let batch = validator.batch();
    let _ = batch.validate_str(&doc("1"));
    let second = batch.validate_str(&doc("\"gold\""));
    assert!(
        second
            .violations()
            .iter()
            .any(|v| v.rule() == "sendios.fields.consistent_type")
    );
    assert_eq!(batch.documents_seen(), 2);
}

#[test]
fn contacts_travel_as_json_and_values_convert() {
    use omnicontact::model::{Channel, ChannelState, ChannelStatus, PropertyValue};

    let contact = Contact::builder()
        .external_id("crm-9")
        .identifier(
            omnicontact::model::Identifier::builder()
                .email("jo@example.com")
                .channel_state(
                    Channel::Email,
                    ChannelState::new(ChannelStatus::Subscribed, Some(UtcDateTime::now().unwrap())),
                ),
        )
        .property(
            "points",
            PropertyValue::try_from(serde_json::json!(12.5)).unwrap(),
        )
        .build()
        .unwrap();
    let json = serde_json::to_string(&contact).unwrap();
    let back: Contact = serde_json::from_str(&json).unwrap();
    assert_eq!(back, contact);
    // Borrowing entry points: the service keeps its value.
    let body = serde_json::json!({"email": "jo@example.com", "tags": ["source: x"]});
    assert!(
        Validator::new(Provider::Omnisend)
            .validate_value_ref(&body)
            .is_valid()
    );
}

/// The service's own property test, as its suite would write it with the
/// crate's strategies: whatever contact it holds, its Omnisend request is
/// sendable or says why; messy signups normalize to what Omnisend expects.
#[cfg(feature = "proptest")]
mod service_properties {
    use omnicontact::strategies::{contact, messy_body};
    use omnicontact::{Provider, Validator};
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn every_contact_gives_a_request_or_its_reasons(c in contact()) {
            let service = super::service::Service::new();
            let request = service.omnisend_request(&c);
            prop_assert_eq!(request.is_sendable(), request.report().is_valid());
            prop_assert_eq!(request.body().is_some(), request.is_sendable());
        }

        #[test]
        fn messy_signups_are_normalized(pair in messy_body(Provider::Omnisend)) {
            let (written, normalized) = pair;
            let report = Validator::new(Provider::Omnisend).validate_value_ref(&written);
            prop_assert_eq!(report.normalized(), Some(&normalized));
        }
    }
}
