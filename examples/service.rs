//! The crate inside a service, without a web framework: a handler takes the
//! JSON a sign-up form (or another service) posts, builds a canonical
//! [`Contact`] from it, and answers either `422` with every violation (JSON
//! Pointer, rule id, message, suggestion) or the requests to send to the
//! messaging providers — method, URL path, headers to fill in and the
//! normalized body, validated against each provider's rules. It does no I/O:
//! hand the requests to any HTTP client.
//!
//! ```text
//! cargo run --example service
//! ```

use omnicontact::model::Identifier;
use omnicontact::providers::Method;
use omnicontact::{Contact, Operation, Provider, Report, Validator, omnisend, suprsend};
use serde::Deserialize;
use serde_json::{Value, json};

/// What the service's own API accepts: its fields, its names.
#[derive(Debug, Deserialize)]
struct SignUp {
    user_id: String,
    name: Option<String>,
    email: String,
    phone: Option<String>,
    country: Option<String>,
    language: Option<String>,
    marketing_sms: Option<bool>,
}

/// A response of the handler: a status and a JSON body.
#[derive(Debug)]
struct Response {
    status: u16,
    body: Value,
}

/// An HTTP request to a provider, ready for any HTTP client.
#[derive(Debug)]
struct ProviderRequest {
    provider: Provider,
    method: Method,
    path: String,
    /// Header names and value templates (`Bearer {api_key}`): the caller
    /// fills in its credentials.
    headers: Vec<(&'static str, &'static str)>,
    body: Value,
}

/// The handler: bytes in, a response out. Never panics, whatever the bytes.
fn handle_sign_up(request_body: &[u8]) -> Response {
    let sign_up: SignUp = match serde_json::from_slice(request_body) {
        Ok(s) => s,
        Err(e) => {
            return Response {
                status: 400,
                body: json!({"error": format!("invalid JSON: {e}")}),
            };
        }
    };
    let contact = match build_contact(&sign_up) {
        Ok(contact) => contact,
        Err(report) => return unprocessable(&report),
    };
    let mut requests = Vec::new();
    for provider in [Provider::Omnisend, Provider::Suprsend] {
        match provider_request(provider, &contact) {
            Ok(request) => requests.push(request),
            Err(Failure::Invalid(report)) => return unprocessable(&report),
            Err(Failure::Internal(message)) => {
                return Response {
                    status: 500,
                    body: json!({"error": message}),
                };
            }
        }
    }
    Response {
        status: 202,
        body: json!({
            "contact": {
                "external_id": contact.external_id(),
                "email": contact.email().map(|e| e.as_str()),
            },
            "requests": requests
                .iter()
                .map(|r| json!({
                    "provider": r.provider.to_string(),
                    "method": r.method.as_str(),
                    "path": r.path,
                    "headers": r.headers.iter().map(|(n, v)| json!({n.to_string(): v})).collect::<Vec<_>>(),
                    "body": r.body,
                }))
                .collect::<Vec<_>>(),
        }),
    }
}

/// The service's fields into a canonical contact; every violation at once.
fn build_contact(s: &SignUp) -> Result<Contact, Report> {
    let mut builder = Contact::builder()
        .external_id(s.user_id.as_str())
        .email(s.email.as_str());
    if let Some(name) = &s.name {
        let (first, last) = name.split_once(' ').unwrap_or((name, ""));
        builder = builder.first_name(first);
        if !last.is_empty() {
            builder = builder.last_name(last);
        }
    }
    if let Some(country) = &s.country {
        builder = builder.country(country.as_str());
    }
    if let Some(language) = &s.language {
        builder = builder.language(language.as_str());
    }
    if let Some(phone) = &s.phone {
        let status = if s.marketing_sms == Some(true) {
            "subscribed"
        } else {
            "nonSubscribed"
        };
        builder = builder.identifier(
            Identifier::builder()
                .phone(phone.as_str())
                .channel("sms", status, None),
        );
    }
    builder.tag("source: sign-up").build()
}

/// Why no request could be built for a provider.
enum Failure {
    /// The provider's rules refuse the body.
    Invalid(Report),
    /// A bug of this service (no create endpoint, no path).
    Internal(String),
}

/// The provider's create request for `contact`, checked against the
/// provider's own rules (what the contact cannot hold is a warning there).
fn provider_request(provider: Provider, contact: &Contact) -> Result<ProviderRequest, Failure> {
    let (body, path_params) = match provider {
        Provider::Suprsend => {
            let (user, _lost) = suprsend::convert::from_contact(contact);
            let path = suprsend::convert::from_contact_path(contact);
            let id = path["distinct_id"].as_str().unwrap_or_default().to_owned();
            (to_json(&user), vec![("distinct_id", id)])
        }
        _ => {
            let (wire, _lost) = omnisend::convert::from_contact(contact);
            (to_json(&wire), Vec::new())
        }
    };
    let report = Validator::new(provider).validate_value(body);
    if !report.is_valid() {
        return Err(Failure::Invalid(report));
    }
    let Some(endpoint) = provider.endpoint(Operation::Create) else {
        return Err(Failure::Internal(format!(
            "{provider} has no create request"
        )));
    };
    let params: Vec<(&str, &str)> = path_params.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let path = endpoint
        .path(&params)
        .map_err(|e| Failure::Internal(format!("cannot build the {provider} request path: {e}")))?;
    Ok(ProviderRequest {
        provider,
        method: endpoint.method,
        path,
        headers: endpoint
            .required_headers
            .iter()
            .map(|h| (h.name, h.value_template))
            .collect(),
        body: report.normalized().cloned().unwrap_or(Value::Null),
    })
}

fn to_json(wire: &impl serde::Serialize) -> Value {
    serde_json::to_value(wire).unwrap_or(Value::Null)
}

/// `422` with every violation of `report`.
fn unprocessable(report: &Report) -> Response {
    Response {
        status: 422,
        body: json!({
            "violations": report.violations().iter().map(|v| json!({
                "path": v.path(),
                "rule": v.rule(),
                "severity": v.severity().to_string(),
                "message": v.message(),
                "suggestion": v.suggestion(),
            })).collect::<Vec<_>>(),
        }),
    }
}

fn main() {
    let requests: [&[u8]; 3] = [
        br#"{"user_id": "u-1001", "name": "Jane Doe", "email": "Jane.Doe@Example.COM",
             "phone": "+44 7400 123456", "country": "gb", "language": "EN", "marketing_sms": true}"#,
        br#"{"user_id": "u-1002", "email": "jane@exmaple", "phone": "12", "language": "english"}"#,
        b"{not json",
    ];
    for body in requests {
        let response = handle_sign_up(body);
        println!("{} {}", response.status, response.body);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_valid_sign_up_becomes_two_provider_requests() {
        let r = handle_sign_up(
            br#"{"user_id":"u-1","email":"A@B.CO","phone":"+44 7400 123456","country":"gb"}"#,
        );
        assert_eq!(r.status, 202, "{}", r.body);
        assert_eq!(r.body["requests"][0]["path"], "/v3/contacts");
        assert_eq!(r.body["requests"][1]["path"], "/v1/user/u-1/");
        assert_eq!(r.body["requests"][1]["body"]["$email"][0], "A@b.co");
    }

    #[test]
    fn an_invalid_sign_up_is_422_with_every_violation() {
        let r = handle_sign_up(br#"{"user_id":"u-2","email":"jane@","language":"xx"}"#);
        assert_eq!(r.status, 422);
        assert!(
            r.body["violations"].as_array().unwrap().len() >= 2,
            "{}",
            r.body
        );
    }

    #[test]
    fn garbage_is_400() {
        assert_eq!(handle_sign_up(b"\xff").status, 400);
    }
}
