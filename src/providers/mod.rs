//! The providers: each one is a member table walked by the shared engine,
//! plus a few named special checks, its wire types (serde structs that read
//! and write exactly the provider's JSON) and its endpoints as data
//! ([`Endpoint`], [`Provider::endpoint`]).
//!
//! Wire types keep every value as the wire carries it — strings stay
//! `String`s, not this crate's value types — so reading never depends on
//! this crate's format rules; validate and normalize with
//! [`Validator`](crate::Validator). Free-form members are
//! `serde_json::Map<String, serde_json::Value>`, following the precedent of
//! [`Validator::validate_value`](crate::Validator::validate_value):
//! `serde_json` is part of this crate's public API. Their members are in
//! the order given when `serde_json`'s `preserve_order` feature is on in
//! your program (this crate's `preserve_order` feature turns it on), in
//! name order otherwise. The structs are
//! `#[non_exhaustive]` (providers add members): build them from `new(…)` or
//! `Default` and set their public fields.

use std::str::FromStr;

use serde_json::{Map, Value};

use crate::engine::{Kind, ObjectCheck, ObjectSpec, To};
use crate::values::PhoneRegion;
pub use endpoint::{Endpoint, Header, Method, PathError};

pub(crate) mod conversion;
mod endpoint;
pub mod omnisend;
pub mod raia;
pub mod rocketchat;
pub mod sendios;
pub mod suprsend;

/// A messaging / CRM platform whose records the crate validates.
///
/// ```
/// use omnicontact::Provider;
///
/// let p: Provider = "omnisend".parse().unwrap();
/// assert_eq!(p, Provider::Omnisend);
/// assert_eq!(p.to_string(), "omnisend");
/// assert!("mailchimp".parse::<Provider>().is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Provider {
    /// Omnisend contacts (`POST /v3/contacts`).
    Omnisend,
    /// Sendios omnichannel users (`POST …/omnichannel/user/{project_id}`).
    Sendios,
    /// Rocket.Chat omnichannel contacts (`POST /api/v1/omnichannel/contacts`).
    RocketChat,
    /// `SuprSend` users (`POST /v1/user/{distinct_id}/`, create or update).
    Suprsend,
    /// raia conversation users (`/external/users`: create, search, get,
    /// delete).
    Raia,
}

impl Provider {
    /// Every implemented provider.
    ///
    /// ```
    /// assert_eq!(omnicontact::Provider::ALL.len(), 5);
    /// ```
    pub const ALL: &'static [Provider] = &[
        Provider::Omnisend,
        Provider::Sendios,
        Provider::RocketChat,
        Provider::Suprsend,
        Provider::Raia,
    ];

    /// The lowercase name used on the command line and in rule ids.
    ///
    /// ```
    /// assert_eq!(omnicontact::Provider::Omnisend.as_str(), "omnisend");
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Provider::Omnisend => "omnisend",
            Provider::Sendios => "sendios",
            Provider::RocketChat => "rocketchat",
            Provider::Suprsend => "suprsend",
            Provider::Raia => "raia",
        }
    }

    /// The operations this provider supports; the first is the default.
    ///
    /// ```
    /// use omnicontact::{Operation, Provider};
    /// assert_eq!(Provider::Omnisend.operations(), &[Operation::Create]);
    /// ```
    #[must_use]
    pub const fn operations(self) -> &'static [Operation] {
        self.spec().operations
    }

    /// The HTTP request of one of this provider's operations as data —
    /// method, path template, required headers — or `None` when the
    /// provider has no such operation.
    ///
    /// ```
    /// use omnicontact::providers::Method;
    /// use omnicontact::{Operation, Provider};
    ///
    /// let e = Provider::Raia.endpoint(Operation::Get).unwrap();
    /// assert_eq!(e.method, Method::Get);
    /// assert_eq!(e.path(&[("id", "5f7b1b3b-3b3b-4b3b-3b3b-3b3b3b3b3b3b")]).unwrap(),
    ///            "/external/users/5f7b1b3b-3b3b-4b3b-3b3b-3b3b3b3b3b3b");
    /// assert!(Provider::Omnisend.endpoint(Operation::Delete).is_none());
    /// ```
    #[must_use]
    pub const fn endpoint(self, operation: Operation) -> Option<&'static Endpoint> {
        match (self, operation) {
            (Provider::Omnisend, Operation::Create) => Some(&omnisend::CREATE),
            (Provider::Sendios, Operation::Create) => Some(&sendios::CREATE),
            (Provider::RocketChat, Operation::Create) => Some(&rocketchat::CREATE),
            (Provider::Suprsend, Operation::Create) => Some(&suprsend::CREATE),
            (Provider::Raia, Operation::Create) => Some(&raia::CREATE),
            (Provider::Raia, Operation::Search) => Some(&raia::SEARCH),
            (Provider::Raia, Operation::Get) => Some(&raia::GET),
            (Provider::Raia, Operation::Delete) => Some(&raia::DELETE),
            _ => None,
        }
    }

    pub(crate) const fn spec(self) -> &'static ProviderSpec {
        match self {
            Provider::Omnisend => &omnisend::SPEC,
            Provider::Sendios => &sendios::SPEC,
            Provider::RocketChat => &rocketchat::SPEC,
            Provider::Suprsend => &suprsend::SPEC,
            Provider::Raia => &raia::SPEC,
        }
    }
}

crate::values::display_as!(Provider);

/// Why a provider or operation name was not accepted.
///
/// ```
/// let e = "mailchimp".parse::<omnicontact::Provider>().unwrap_err();
/// assert_eq!(e.to_string(), "unknown provider `mailchimp`; expected one of omnisend, sendios, rocketchat, suprsend, raia");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum NameError {
    /// Not a provider name at all.
    #[error("unknown provider `{0}`; expected one of {list}", list = names(Provider::ALL, Provider::as_str))]
    UnknownProvider(String),
    /// Not an operation name.
    #[error("unknown operation `{0}`; expected one of {list}", list = names(Operation::ALL, Operation::as_str))]
    UnknownOperation(String),
    /// An operation the provider does not have.
    #[error("provider `{provider}` has no operation `{operation}`")]
    UnsupportedOperation {
        /// The provider.
        provider: Provider,
        /// The operation asked for.
        operation: Operation,
    },
}

/// The names of `all`, comma-separated, for the messages of [`NameError`].
fn names<T: Copy>(all: &[T], name: fn(T) -> &'static str) -> String {
    all.iter().map(|&t| name(t)).collect::<Vec<_>>().join(", ")
}

impl FromStr for Provider {
    type Err = NameError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if let Some(p) = Provider::ALL.iter().find(|p| p.as_str() == s) {
            return Ok(*p);
        }
        Err(NameError::UnknownProvider(s.to_owned()))
    }
}

/// What a request does; it decides which rules apply.
///
/// ```
/// use omnicontact::Operation;
/// assert_eq!("create".parse::<Operation>().unwrap(), Operation::Create);
/// assert_eq!(Operation::default(), Operation::Create);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
#[non_exhaustive]
pub enum Operation {
    /// Create (or, where the provider does so, create or update) a record.
    #[default]
    Create,
    /// Look a record up by query parameters.
    Search,
    /// Read a record by id.
    Get,
    /// Delete a record by id.
    Delete,
}

impl Operation {
    /// Every operation, in the order the command line lists them.
    ///
    /// ```
    /// assert_eq!(omnicontact::Operation::ALL.len(), 4);
    /// ```
    pub const ALL: &'static [Operation] = &[
        Operation::Create,
        Operation::Search,
        Operation::Get,
        Operation::Delete,
    ];

    /// The lowercase name used on the command line.
    ///
    /// ```
    /// assert_eq!(omnicontact::Operation::Search.as_str(), "search");
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Operation::Create => "create",
            Operation::Search => "search",
            Operation::Get => "get",
            Operation::Delete => "delete",
        }
    }

    /// Whether requests of this operation carry a JSON body.
    ///
    /// ```
    /// assert!(omnicontact::Operation::Create.has_body());
    /// assert!(!omnicontact::Operation::Get.has_body());
    /// ```
    #[must_use]
    pub const fn has_body(self) -> bool {
        matches!(self, Operation::Create)
    }
}

crate::values::display_as!(Operation);

impl FromStr for Operation {
    type Err = NameError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Operation::ALL
            .iter()
            .copied()
            .find(|o| o.as_str() == s)
            .ok_or_else(|| NameError::UnknownOperation(s.to_owned()))
    }
}

/// The member names of one request part's tables, for the crate's own
/// test of the rows against the wire types and strategies
/// (`tests/rows.rs`); not part of the API, may change in any release.
///
/// `part` is `body`, `path`, `query` or `headers`. The answer has one
/// entry per object table reached through the part's rows: where the
/// table sits below the part (`""` for the part itself, `identifiers/*`
/// for the items of `identifiers`, `identifiers/*/consent`), then its
/// member names in table order. A member checked by a function
/// (`Kind::Custom`) hides any table below it. `SuprSend`'s body is
/// dispatched by its `body` check over [`suprsend::KNOWN_KEYS`], which
/// stand for its rows. `None` when the provider has no such operation,
/// the operation has no such part, or the provider states no rule for it.
///
/// ```
/// use omnicontact::providers::member_tables;
/// use omnicontact::{Operation, Provider};
///
/// let query = member_tables(Provider::Raia, Operation::Search, "query").unwrap();
/// assert_eq!(query, [(String::new(), vec!["email", "phoneNumber", "fkId"])]);
/// let body = member_tables(Provider::Omnisend, Operation::Create, "body").unwrap();
/// assert!(body.iter().any(|(at, _)| at == "identifiers/*/consent"));
/// assert!(member_tables(Provider::Omnisend, Operation::Create, "headers").is_none());
/// ```
#[doc(hidden)]
#[must_use]
pub fn member_tables(
    provider: Provider,
    operation: Operation,
    part: &str,
) -> Option<Vec<(String, Vec<&'static str>)>> {
    fn object(spec: &ObjectSpec, at: &str, out: &mut Vec<(String, Vec<&'static str>)>) {
        out.push((at.to_owned(), spec.members.iter().map(|m| m.name).collect()));
        for member in spec.members {
            let below = if at.is_empty() {
                member.name.to_owned()
            } else {
                format!("{at}/{}", member.name)
            };
            kind(&member.kind, &below, out);
        }
    }
    fn kind(holds: &Kind, at: &str, out: &mut Vec<(String, Vec<&'static str>)>) {
        match holds {
            Kind::Object(spec) => object(spec, at, out),
            Kind::Array(array) => kind(&array.items, &format!("{at}/*"), out),
            _ => {}
        }
    }
    if !provider.operations().contains(&operation) {
        return None;
    }
    let spec = provider.spec();
    let parts = (spec.parts)(operation);
    let table = match part {
        "body" if operation.has_body() => spec.body,
        "path" => parts.path?,
        "query" => parts.query?,
        "headers" => parts.headers?,
        _ => return None,
    };
    let mut out = Vec::new();
    object(table, "", &mut out);
    if provider == Provider::Suprsend && part == "body" && out[0].1.is_empty() {
        out[0].1 = suprsend::KNOWN_KEYS.to_vec();
    }
    Some(out)
}

/// Where each member of a provider's body goes in the canonical contact
/// when the body is converted, as `(at, name, reading)`: `at` as in
/// [`member_tables`], `reading` one of `lost` (a `convert.body.lossy`
/// when sent), `skip` (a request option, dropped silently), `field
/// /<path>` (the contact's field at that path; `given` when an empty
/// string is none), `id <kind>`, `tags`, `properties`, `nested` (read by
/// its own rows), `read` (by a function, its reading depending on other
/// members). `SuprSend`'s channel keys, whose rows are its own, are
/// `id <kind>` or `properties`. For tests that check every member says
/// where it goes; not a stable API.
///
/// ```
/// use omnicontact::providers::member_readings;
/// use omnicontact::Provider;
///
/// let rows = member_readings(Provider::RocketChat);
/// assert!(rows.contains(&(String::new(), "emails", "id email".to_owned())));
/// assert!(rows.contains(&(String::new(), "contactManager", "lost".to_owned())));
/// ```
#[doc(hidden)]
#[must_use]
pub fn member_readings(provider: Provider) -> Vec<(String, &'static str, String)> {
    fn object(spec: &ObjectSpec, at: &str, out: &mut Vec<(String, &'static str, String)>) {
        for member in spec.members {
            out.push((at.to_owned(), member.name, member.to.describe()));
            let below = if at.is_empty() {
                member.name.to_owned()
            } else {
                format!("{at}/{}", member.name)
            };
            let mut holds = &member.kind;
            let mut below = below;
            while let Kind::Array(array) = holds {
                holds = &array.items;
                below.push_str("/*");
            }
            // The members of an object nobody reads say nothing more.
            if let (Kind::Object(spec), To::Nested | To::Read(_)) = (holds, member.to) {
                object(spec, &below, out);
            }
        }
    }
    let mut out = Vec::new();
    object(provider.spec().body, "", &mut out);
    if provider == Provider::Suprsend {
        out.extend(
            suprsend::channel_readings()
                .into_iter()
                .map(|(k, r)| (String::new(), k, r)),
        );
    }
    out
}

/// One provider as data.
pub(crate) struct ProviderSpec {
    /// The request body's member table.
    pub body: &'static ObjectSpec,
    /// The region national phone numbers in the body are read in, taken
    /// from the body itself (a country, or `XK`, which ISO 3166-1 leaves
    /// unassigned and libphonenumber has a plan for).
    pub region: fn(&Map<String, Value>) -> Option<PhoneRegion>,
    /// Whole-body checks, run after the walk in this order.
    pub checks: &'static [ObjectCheck],
    /// Supported operations; the first is the default.
    pub operations: &'static [Operation],
    /// The member tables of an operation's path parameters, query
    /// parameters and headers (checked in request envelopes).
    pub parts: fn(Operation) -> Parts,
    /// The provider's own error answers, when they are known.
    pub provider_error: Option<ProviderErrors>,
    /// Reads the body into the canonical contact instead of its rows
    /// (`SuprSend`'s, whose keys are channel rows of its own).
    pub read: Option<crate::engine::read::ObjectRead>,
    /// Writes the body from the canonical contact instead of its rows
    /// (`SuprSend`'s).
    pub write: Option<crate::engine::write::ObjectWrite>,
}

/// How a provider answers an invalid request.
#[derive(Clone, Copy)]
pub(crate) struct ProviderErrors {
    /// The error body for a body as sent, `None` when it would be accepted.
    pub body: fn(&Value) -> Option<Value>,
    /// The error body when credentials (headers) are missing; providers
    /// check them before the body.
    pub unauthorized: fn() -> Value,
}

/// The member tables of a request's parts other than the body; `None`
/// means the provider states no rule for that part.
#[derive(Clone, Copy)]
pub(crate) struct Parts {
    pub path: Option<&'static ObjectSpec>,
    pub query: Option<&'static ObjectSpec>,
    pub headers: Option<&'static ObjectSpec>,
}

impl Parts {
    /// No rules for any part.
    pub(crate) const NONE: Parts = Parts {
        path: None,
        query: None,
        headers: None,
    };
}
