//! `Validator::request`: one call from a `Contact` to a provider request,
//! for every provider and operation.

use omnicontact::providers::PathError;
use omnicontact::{Contact, Location, Operation, Provider, Request, Validator};
use serde_json::{Value, json};

fn jane() -> Contact {
    Contact::builder()
        .external_id("crm-7")
        .first_name("Jane")
        .last_name("Doe")
        .email("Jane@Example.COM")
        .phone("+44 20 7946 0018")
        .tag("vip")
        .build()
        .unwrap()
}

fn request(provider: Provider, operation: Operation, params: &[(&str, &str)]) -> Request {
    Validator::for_operation(provider, operation)
        .unwrap()
        .request(&jane(), params)
        .unwrap()
}

fn rules(r: &Request) -> Vec<(&str, Location, &str)> {
    r.report()
        .violations()
        .iter()
        .map(|v| (v.rule(), v.location(), v.path()))
        .collect()
}

#[test]
fn omnisend_create() {
    let r = request(Provider::Omnisend, Operation::Create, &[]);
    assert!(r.is_sendable(), "{}", r.report());
    assert_eq!(r.method().as_str(), "POST");
    assert_eq!(
        r.url().as_deref(),
        Some("https://api.omnisend.com/v3/contacts")
    );
    let body = r.body().unwrap();
    assert_eq!(body["contactID"], "crm-7");
    assert_eq!(body["firstName"], "Jane");
    assert_eq!(body["tags"], json!(["vip"]));
    let ids: Vec<&Value> = body["identifiers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| &i["id"])
        .collect();
    assert_eq!(ids, [&json!("Jane@example.com"), &json!("+442079460018")]);
    assert_eq!(r.report().normalized(), Some(body));
}

#[test]
fn sendios_create_needs_the_project_from_the_caller() {
    let r = request(
        Provider::Sendios,
        Operation::Create,
        &[("project_id", "42")],
    );
    assert!(r.is_sendable(), "{}", r.report());
    assert_eq!(r.path(), Some("/v1/omnichannel/user/42"));
    assert_eq!(
        r.path_params(),
        [("project_id".to_owned(), "42".to_owned())]
    );
    let body = r.body().unwrap();
    assert_eq!(body["client_user_id"], "crm-7");
    assert_eq!(body["email"], "Jane@example.com");
    assert_eq!(body["phone"], "+442079460018");
    assert_eq!(body["name"], "Jane Doe");
    // Sendios holds one name and no tags: losses at the contact's paths.
    assert_eq!(
        rules(&r),
        [
            ("convert.name.lossy", Location::Converted, "/firstName"),
            ("convert.tags.lossy", Location::Converted, "/tags/0")
        ]
    );

    let missing = request(Provider::Sendios, Operation::Create, &[]);
    assert!(!missing.is_sendable());
    assert_eq!(missing.path(), None);
    assert_eq!(missing.body(), None);
    assert!(
        rules(&missing).contains(&("sendios.project_id.required", Location::Path, "/project_id")),
        "{:?}",
        rules(&missing)
    );

    let wrong = request(
        Provider::Sendios,
        Operation::Create,
        &[("project_id", "x1")],
    );
    assert!(rules(&wrong).contains(&("sendios.project_id.type", Location::Path, "/project_id")));
    assert!(!wrong.is_sendable());
}

#[test]
fn suprsend_create_takes_the_distinct_id_from_the_contact_or_the_caller() {
    let r = request(Provider::Suprsend, Operation::Create, &[]);
    assert!(r.is_sendable(), "{}", r.report());
    assert_eq!(r.path(), Some("/v1/user/crm-7/"));
    assert_eq!(
        r.url().as_deref(),
        Some("https://hub.suprsend.com/v1/user/crm-7/")
    );
    assert_eq!(r.body().unwrap()["$email"], json!(["Jane@example.com"]));

    let other = request(
        Provider::Suprsend,
        Operation::Create,
        &[("distinct_id", "a/b")],
    );
    assert_eq!(other.path(), Some("/v1/user/a%2Fb/"));

    let anonymous = Validator::new(Provider::Suprsend)
        .request(&Contact::builder().email("a@b.co").build().unwrap(), &[])
        .unwrap();
    assert_eq!(anonymous.path(), None);
    assert_eq!(
        rules(&anonymous)[0],
        (
            "suprsend.distinct_id.required",
            Location::Path,
            "/distinct_id"
        )
    );
}

#[test]
fn rocketchat_create_is_self_hosted() {
    let c = Contact::builder()
        .display_name("Jane Doe")
        .email("jane@example.com")
        .build()
        .unwrap();
    let r = Validator::new(Provider::RocketChat)
        .request(&c, &[])
        .unwrap();
    assert!(r.is_sendable(), "{}", r.report());
    assert_eq!(r.path(), Some("/api/v1/omnichannel/contacts"));
    assert_eq!(r.url(), None);
    assert_eq!(r.body().unwrap()["emails"], json!(["jane@example.com"]));
}

#[test]
fn raia_every_operation() {
    let create = request(Provider::Raia, Operation::Create, &[]);
    assert!(create.is_sendable(), "{}", create.report());
    assert_eq!(create.body().unwrap()["fkId"], "crm-7");

    let search = request(Provider::Raia, Operation::Search, &[]);
    assert!(search.is_sendable(), "{}", search.report());
    assert_eq!(search.method().as_str(), "GET");
    assert_eq!(search.body(), None);
    assert_eq!(
        search.query(),
        Some(
            &json!({"email": "Jane@example.com", "phoneNumber": "+442079460018", "fkId": "crm-7"})
        )
    );

    let id = "5f7b1b3b-3b3b-4b3b-9b3b-3b3b3b3b3b3b";
    let get = request(Provider::Raia, Operation::Get, &[("id", id)]);
    assert!(get.is_sendable(), "{}", get.report());
    assert_eq!(get.path(), Some(format!("/external/users/{id}").as_str()));
    let delete = request(Provider::Raia, Operation::Delete, &[("id", id)]);
    assert_eq!(delete.method().as_str(), "DELETE");
    assert!(delete.is_sendable());

    let no_id = request(Provider::Raia, Operation::Get, &[]);
    assert!(!no_id.is_sendable());
    assert_eq!(rules(&no_id), [("raia.id.format", Location::Path, "/id")]);
}

#[test]
fn a_parameter_the_endpoint_does_not_have_is_a_typed_error() {
    let v = Validator::new(Provider::Omnisend);
    assert_eq!(
        v.request(&jane(), &[("project_id", "1")]).unwrap_err(),
        PathError::Unknown("project_id".to_owned())
    );
    let v = Validator::new(Provider::Sendios);
    assert_eq!(
        v.request(&jane(), &[("project_id", "1"), ("project_id", "2")])
            .unwrap_err(),
        PathError::Repeated("project_id".to_owned())
    );
}

#[test]
fn an_invalid_request_has_no_body_and_says_why() {
    // Omnisend needs an identifier (raia takes a contact without names:
    // both are sent blank, with a warning each).
    let c = Contact::builder().first_name("Ann").build().unwrap();
    let r = Validator::new(Provider::Omnisend).request(&c, &[]).unwrap();
    assert!(!r.is_sendable());
    assert_eq!(r.body(), None);
    let found = rules(&r);
    assert!(
        found.contains(&("omnisend.body.required", Location::Body, "")),
        "{found:?}"
    );
    let c = Contact::builder().email("a@b.co").build().unwrap();
    let r = Validator::new(Provider::Raia).request(&c, &[]).unwrap();
    assert!(r.is_sendable());
    assert_eq!(
        rules(&r),
        [
            ("raia.first_name.advice", Location::Body, "/firstName"),
            ("raia.last_name.advice", Location::Body, "/lastName"),
        ]
    );
}

/// The one call gives what the five-step path gives: `from_contact`, then
/// `serde_json::to_value`, then validation.
#[test]
fn the_body_is_the_validated_from_contact_body() {
    let c = jane();
    let by_hand = Validator::new(Provider::Omnisend).validate_value(
        serde_json::to_value(omnicontact::omnisend::convert::from_contact(&c).0).unwrap(),
    );
    let r = Validator::new(Provider::Omnisend).request(&c, &[]).unwrap();
    assert_eq!(r.body(), by_hand.normalized());
    let by_hand = Validator::new(Provider::RocketChat).validate_value(
        serde_json::to_value(omnicontact::rocketchat::convert::from_contact(&c).0).unwrap(),
    );
    let r = Validator::new(Provider::RocketChat)
        .request(&c, &[])
        .unwrap();
    assert_eq!(r.body(), by_hand.normalized());
}
