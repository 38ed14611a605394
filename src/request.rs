//! One call from a [`Contact`] to a provider request:
//! [`Validator::request`] writes the contact as the validator's provider
//! and operation need it — body, path parameters, query — validates what
//! it wrote, and returns a [`Request`] with the method, the filled path,
//! the required headers, the normalized body and the report (the
//! conversion's losses and the request's violations).
//!
//! ```
//! use omnicontact::{Contact, Provider, Validator};
//!
//! let contact = Contact::builder()
//!     .external_id("u-42")
//!     .email("Jane@Example.COM")
//!     .phone("+44 20 7946 0018")
//!     .build()?;
//!
//! let request = Validator::new(Provider::Suprsend).request(&contact, &[]).unwrap();
//! assert!(request.is_sendable());
//! assert_eq!(request.method().as_str(), "POST");
//! assert_eq!(request.path(), Some("/v1/user/u-42/"));
//! assert_eq!(request.headers()[0].name, "Authorization");
//! let body = request.body().unwrap();
//! assert_eq!(body["$email"][0], "Jane@example.com");
//! assert_eq!(body["$sms"][0], "+442079460018");
//!
//! // Sendios needs the project from you: a path parameter the contact
//! // does not hold.
//! let request = Validator::new(Provider::Sendios).request(&contact, &[("project_id", "7")]).unwrap();
//! assert_eq!(request.path(), Some("/v1/omnichannel/user/7"));
//! assert_eq!(request.body().unwrap()["client_user_id"], "u-42");
//! # Ok::<(), omnicontact::Report>(())
//! ```

use serde_json::{Map, Value};

use crate::Validator;
use crate::convert::Loss;
use crate::engine::{Tallies, VIOLATIONS, add_found};
use crate::model::Contact;
use crate::options::Options;
use crate::providers::{Endpoint, Header, Method, Operation, PathError, Provider};
use crate::report::{Change, Location, Report, Violation};

/// A provider request written from a [`Contact`] by [`Validator::request`]:
/// what to send (method, path, headers, body or query) and the report of
/// writing and validating it.
///
/// A request is sendable when its report has no error and its path is
/// complete ([`Request::is_sendable`]). The report lists first the
/// contact's fields the provider cannot hold (`convert.*` warnings, located
/// [`Location::Converted`] at the contact's paths, e.g. `/registeredAt`),
/// then the request's own violations (located in the body, the path or the
/// query, at the provider's paths: a Sendios contact without an external
/// id is `sendios.client_user_id.required` at `/client_user_id`, the member
/// the contact's `externalId` fills), with every change validation made.
///
/// ```
/// use omnicontact::{Contact, Operation, Provider, Validator};
///
/// let contact = Contact::builder().email("jane@example.com").external_id("crm-1").build()?;
/// let search = Validator::for_operation(Provider::Raia, Operation::Search).unwrap();
/// let request = search.request(&contact, &[]).unwrap();
/// assert_eq!(request.method().as_str(), "GET");
/// assert_eq!(request.path(), Some("/external/users/search"));
/// assert_eq!(request.query().unwrap()["email"], "jane@example.com");
/// assert_eq!(request.query().unwrap()["fkId"], "crm-1");
/// assert!(request.body().is_none());
/// # Ok::<(), omnicontact::Report>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Request {
    provider: Provider,
    operation: Operation,
    endpoint: Endpoint,
    path_params: Vec<(String, String)>,
    path: Option<String>,
    query: Option<Value>,
    body: Option<Value>,
    report: Report,
}

impl Request {
    /// The provider.
    ///
    /// ```
    /// # use omnicontact::{Contact, Provider, Validator};
    /// let c = Contact::builder().email("a@b.co").build()?;
    /// assert_eq!(Validator::new(Provider::Omnisend).request(&c, &[]).unwrap().provider(), Provider::Omnisend);
    /// # Ok::<(), omnicontact::Report>(())
    /// ```
    #[must_use]
    pub fn provider(&self) -> Provider {
        self.provider
    }

    /// The operation.
    ///
    /// ```
    /// # use omnicontact::{Contact, Operation, Provider, Validator};
    /// let c = Contact::builder().email("a@b.co").build()?;
    /// assert_eq!(Validator::new(Provider::Omnisend).request(&c, &[]).unwrap().operation(), Operation::Create);
    /// # Ok::<(), omnicontact::Report>(())
    /// ```
    #[must_use]
    pub fn operation(&self) -> Operation {
        self.operation
    }

    /// The endpoint: method, base URL, path template, parameters, headers.
    ///
    /// ```
    /// # use omnicontact::{Contact, Provider, Validator};
    /// let c = Contact::builder().email("a@b.co").build()?;
    /// let r = Validator::new(Provider::Omnisend).request(&c, &[]).unwrap();
    /// assert_eq!(r.endpoint().base_url, Some("https://api.omnisend.com"));
    /// # Ok::<(), omnicontact::Report>(())
    /// ```
    #[must_use]
    pub fn endpoint(&self) -> &Endpoint {
        &self.endpoint
    }

    /// The HTTP method.
    ///
    /// ```
    /// # use omnicontact::{Contact, Operation, Provider, Validator};
    /// let c = Contact::builder().email("a@b.co").build()?;
    /// let delete = Validator::for_operation(Provider::Raia, Operation::Delete).unwrap();
    /// assert_eq!(delete.request(&c, &[("id", "5f7b1b3b-3b3b-4b3b-9b3b-3b3b3b3b3b3b")]).unwrap().method().as_str(), "DELETE");
    /// # Ok::<(), omnicontact::Report>(())
    /// ```
    #[must_use]
    pub fn method(&self) -> Method {
        self.endpoint.method
    }

    /// The path with its parameters filled in and percent-encoded, or
    /// `None` when a parameter is missing or invalid (the report says
    /// which).
    ///
    /// ```
    /// # use omnicontact::{Contact, Provider, Validator};
    /// let c = Contact::builder().email("a@b.co").build()?; // no external id
    /// let r = Validator::new(Provider::Suprsend).request(&c, &[]).unwrap();
    /// assert_eq!(r.path(), None);
    /// assert_eq!(r.report().violations()[0].rule(), "suprsend.distinct_id.required");
    /// # Ok::<(), omnicontact::Report>(())
    /// ```
    #[must_use]
    pub fn path(&self) -> Option<&str> {
        self.path.as_deref()
    }

    /// The path parameters, as validated (normalized), in the template's
    /// order.
    ///
    /// ```
    /// # use omnicontact::{Contact, Provider, Validator};
    /// let c = Contact::builder().external_id("u-1").build()?;
    /// let r = Validator::new(Provider::Suprsend).request(&c, &[]).unwrap();
    /// assert_eq!(r.path_params(), [("distinct_id".to_owned(), "u-1".to_owned())]);
    /// # Ok::<(), omnicontact::Report>(())
    /// ```
    #[must_use]
    pub fn path_params(&self) -> &[(String, String)] {
        &self.path_params
    }

    /// The full URL when the provider's document names its host
    /// ([`Endpoint::base_url`](crate::providers::Endpoint::base_url):
    /// Omnisend and `SuprSend`; Rocket.Chat is self-hosted and the Sendios
    /// and raia documents name none) and the path is complete.
    ///
    /// ```
    /// # use omnicontact::{Contact, Provider, Validator};
    /// let c = Contact::builder().email("a@b.co").build()?;
    /// let r = Validator::new(Provider::Omnisend).request(&c, &[]).unwrap();
    /// assert_eq!(r.url().as_deref(), Some("https://api.omnisend.com/v3/contacts"));
    /// # Ok::<(), omnicontact::Report>(())
    /// ```
    #[must_use]
    pub fn url(&self) -> Option<String> {
        Some(format!(
            "{}{}",
            self.endpoint.base_url?,
            self.path.as_deref()?
        ))
    }

    /// The headers the request must carry (credentials, as templates).
    ///
    /// ```
    /// # use omnicontact::{Contact, Provider, Validator};
    /// let c = Contact::builder().email("a@b.co").build()?;
    /// let r = Validator::new(Provider::Omnisend).request(&c, &[]).unwrap();
    /// assert_eq!(r.headers()[0].name, "X-API-KEY");
    /// # Ok::<(), omnicontact::Report>(())
    /// ```
    #[must_use]
    pub fn headers(&self) -> &'static [Header] {
        self.endpoint.required_headers
    }

    /// The query parameters (raia `search`), normalized.
    ///
    /// ```
    /// # use omnicontact::{Contact, Provider, Validator};
    /// let c = Contact::builder().email("a@b.co").build()?;
    /// assert!(Validator::new(Provider::Omnisend).request(&c, &[]).unwrap().query().is_none());
    /// # Ok::<(), omnicontact::Report>(())
    /// ```
    #[must_use]
    pub fn query(&self) -> Option<&Value> {
        self.query.as_ref()
    }

    /// The JSON body, normalized, for operations that send one; `None` for
    /// the others and when the report has an error.
    ///
    /// ```
    /// # use omnicontact::{Contact, Provider, Validator};
    /// let c = Contact::builder().first_name("Jane").build()?; // no email or phone
    /// let r = Validator::new(Provider::Raia).request(&c, &[]).unwrap();
    /// assert!(r.body().is_none());
    /// assert!(!r.is_sendable());
    /// # Ok::<(), omnicontact::Report>(())
    /// ```
    #[must_use]
    pub fn body(&self) -> Option<&Value> {
        self.body.as_ref()
    }

    /// The report: the contact's fields the provider cannot hold, then the
    /// request's violations, and every change.
    ///
    /// ```
    /// # use omnicontact::{Contact, Provider, Validator};
    /// let c = Contact::builder().email("a@b.co").tag("vip").build()?;
    /// let r = Validator::new(Provider::Sendios).request(&c, &[("project_id", "1")]).unwrap();
    /// assert_eq!(r.report().violations()[0].rule(), "convert.tags.lossy");
    /// # Ok::<(), omnicontact::Report>(())
    /// ```
    pub fn report(&self) -> &Report {
        &self.report
    }

    /// Whether the request can be sent: no error in the report and a
    /// complete path.
    ///
    /// ```
    /// # use omnicontact::{Contact, Provider, Validator};
    /// let c = Contact::builder().external_id("u-1").build()?;
    /// assert!(!Validator::new(Provider::Sendios).request(&c, &[]).unwrap().is_sendable()); // no project_id
    /// assert!(Validator::new(Provider::Sendios).request(&c, &[("project_id", "3")]).unwrap().is_sendable());
    /// # Ok::<(), omnicontact::Report>(())
    /// ```
    #[must_use]
    pub fn is_sendable(&self) -> bool {
        self.report.is_valid() && self.path.is_some()
    }
}

impl Validator {
    /// Writes `contact` as a request of this validator's provider and
    /// operation, validates it, and returns it with its report: one call
    /// from a [`Contact`] to what to send.
    ///
    /// `params` gives the path parameters the contact does not hold — a
    /// Sendios `project_id`, a raia `id` for `get` / `delete` — and may
    /// override those it does (`SuprSend`'s `distinct_id` is the contact's
    /// external id). A missing or invalid parameter is reported by the
    /// provider's own rule (`sendios.project_id.required`, `raia.id.format`)
    /// and leaves [`Request::path`] `None`.
    ///
    /// # Errors
    ///
    /// [`PathError::Unknown`] / [`PathError::Repeated`] when `params` names
    /// a parameter the endpoint does not have, or one twice: a mistake in
    /// the calling code, not in the contact.
    ///
    /// What the contact gives each operation: a create body (every
    /// provider); raia `search`'s query from the email, phone number and
    /// external id (`fkId`); nothing for raia `get` / `delete`, which need
    /// `id` in `params`.
    ///
    /// ```
    /// use omnicontact::{Contact, Provider, Validator};
    ///
    /// let c = Contact::builder().display_name("Jane Doe").email("jane@example.com").build()?;
    /// let request = Validator::new(Provider::RocketChat).request(&c, &[]).unwrap();
    /// assert!(request.is_sendable());
    /// assert_eq!(request.path(), Some("/api/v1/omnichannel/contacts"));
    /// assert_eq!(request.body().unwrap()["name"], "Jane Doe");
    /// # Ok::<(), omnicontact::Report>(())
    /// ```
    pub fn request(
        &self,
        contact: &Contact,
        params: &[(&str, &str)],
    ) -> Result<Request, PathError> {
        let provider = self.provider();
        let operation = self.operation();
        // A validator's operation is always one of its provider's.
        let endpoint = *provider.endpoint(operation).unwrap_or(&FALLBACK);
        let (body, from_contact, losses) = if endpoint.has_body() {
            crate::providers::conversion::write_contact(contact, provider, None)
        } else {
            (Value::Null, None, Vec::new())
        };

        let path = path_object(&endpoint, from_contact, params)?;
        let query = (operation == Operation::Search).then(|| search_query(contact));

        // Validate what is sent: an envelope when there is more than a body.
        let mut envelope = Map::new();
        if !endpoint.path_params.is_empty() {
            envelope.insert("path".to_owned(), Value::Object(path));
        }
        if let Some(q) = &query {
            envelope.insert("query".to_owned(), q.clone());
        }
        let checked = if endpoint.has_body() && envelope.is_empty() {
            self.validate_value(body)
        } else {
            if endpoint.has_body() {
                envelope.insert("body".to_owned(), body);
            }
            self.validate_envelope_value(Value::Object(envelope))
        };

        let written = if losses.is_empty() {
            Value::Null
        } else {
            serde_json::to_value(contact).unwrap_or(Value::Null)
        };
        let mut violations = Vec::new();
        loss_violations(
            &mut violations,
            losses,
            self.options(),
            Some((&written, &[])),
            &[],
        );
        violations.extend(checked.violations().iter().cloned());
        let normalized = checked.normalized().cloned();
        let part = |name: &str| -> Option<Value> {
            let n = normalized.as_ref()?;
            if envelope_used(&endpoint, query.is_some()) {
                n.get(name).cloned()
            } else if name == "body" {
                Some(n.clone())
            } else {
                None
            }
        };
        let path_params: Vec<(String, String)> = part("path")
            .and_then(|p| p.as_object().cloned())
            .map(|p| {
                endpoint
                    .path_params
                    .iter()
                    .filter_map(|name| {
                        let v = p.get(*name)?;
                        let text = v.as_str().map_or_else(|| v.to_string(), str::to_owned);
                        Some(((*name).to_owned(), text))
                    })
                    .collect()
            })
            .unwrap_or_default();
        let report = Report::from_parts(
            violations,
            checked.changes().to_vec(),
            normalized.clone().unwrap_or(Value::Null),
        )
        .with_provider_error(checked.provider_error().cloned());
        let valid = report.is_valid();
        let path = if valid {
            let pairs: Vec<(&str, &str)> = path_params
                .iter()
                .map(|(n, v)| (n.as_str(), v.as_str()))
                .collect();
            endpoint.path(&pairs).ok()
        } else {
            None
        };
        Ok(Request {
            provider,
            operation,
            endpoint,
            path_params,
            path,
            query: if valid { part("query") } else { None },
            body: if valid && endpoint.has_body() {
                part("body")
            } else {
                None
            },
            report,
        })
    }
}

/// The path parameters: the contact's, then the caller's (which win).
fn path_object(
    endpoint: &Endpoint,
    from_contact: Option<Value>,
    params: &[(&str, &str)],
) -> Result<Map<String, Value>, PathError> {
    let mut path = match from_contact {
        Some(Value::Object(map)) => map,
        _ => Map::new(),
    };
    for (name, value) in params {
        if !endpoint.path_params.contains(name) {
            return Err(PathError::Unknown((*name).to_owned()));
        }
        if params.iter().filter(|(n, _)| n == name).count() > 1 {
            return Err(PathError::Repeated((*name).to_owned()));
        }
        path.insert((*name).to_owned(), Value::String((*value).to_owned()));
    }
    Ok(path)
}

/// A conversion's losses as violations in [`Location::Converted`], with
/// the severity the options' policy gives them (those it switches off
/// left out), at most `max_per_rule` of each rule, then the summaries of
/// those left out, appended to `out`. Their `found` / `count` is the value
/// at their path in `source`'s document (the source body, or the
/// contact's JSON) before its changes (`None`: not known, some changes
/// were left out).
pub(crate) fn loss_violations(
    out: &mut Vec<Violation>,
    losses: Vec<Loss>,
    options: &Options,
    source: Option<(&Value, &[Change])>,
    params: &[(&str, &Value)],
) {
    let policy = options.get_policy();
    let mut tallies = Tallies::new(options.get_max_per_rule());
    let start = out.len();
    out.reserve(losses.len());
    for loss in losses {
        let Some(severity) = policy.severity(loss.info()) else {
            continue;
        };
        if tallies.admit(loss.info(), VIOLATIONS, Location::Converted, loss.path()) {
            // Located in the source's body while its value is found.
            out.push(
                Violation::new(loss.rule, Location::Body, loss.path, loss.message)
                    .with_severity(severity),
            );
        }
    }
    let added = &mut out[start..];
    // A value read from a path parameter (`SuprSend`'s `distinct_id`) is
    // not looked for in the body.
    for v in added.iter_mut() {
        if let Some((_, value)) = params.iter().find(|(path, _)| *path == v.path()) {
            let (name, found) = crate::engine::found_params(value);
            v.set_param(name, found);
        }
    }
    if let Some((document, changes)) = source {
        add_found(added, changes, |_| Some(document));
    }
    for v in added {
        v.relocate(Location::Converted);
    }
    out.extend(tallies.summaries(policy));
}

/// Whether [`Validator::request`] validated an envelope (path parameters
/// or a query) rather than a bare body.
fn envelope_used(endpoint: &Endpoint, query: bool) -> bool {
    !endpoint.path_params.is_empty() || query || !endpoint.has_body()
}

/// raia `search`'s query from a contact: its email, phone number and
/// external id (`fkId`), those it has.
fn search_query(contact: &Contact) -> Value {
    let mut q = Map::new();
    if let Some(e) = contact.email() {
        q.insert("email".to_owned(), Value::String(e.as_str().to_owned()));
    }
    if let Some(p) = contact.phone() {
        q.insert(
            "phoneNumber".to_owned(),
            Value::String(p.as_str().to_owned()),
        );
    }
    if let Some(id) = contact.external_id() {
        q.insert("fkId".to_owned(), Value::String(id.to_owned()));
    }
    Value::Object(q)
}

/// Never used: every provider has a create endpoint.
const FALLBACK: Endpoint = Endpoint::new(Method::Post, None, "/", &[], &[], &[]);
