//! Rocket.Chat's wire form: the body of "register omnichannel contact".

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::providers::{Endpoint, Header, Method};

/// `POST /api/v1/omnichannel/contacts` with the headers `X-Auth-Token` and
/// `X-User-Id` (the authenticated user's token and id). Rocket.Chat is
/// self-hosted: `base_url` is `None`, prefix your server's URL.
///
/// ```
/// use omnicontact::providers::{Method, rocketchat};
///
/// let e = rocketchat::CREATE;
/// assert_eq!((e.method, e.path(&[]).unwrap().as_str()), (Method::Post, "/api/v1/omnichannel/contacts"));
/// let names: Vec<_> = e.required_headers.iter().map(|h| h.name).collect();
/// assert_eq!(names, ["X-Auth-Token", "X-User-Id"]);
/// ```
pub const CREATE: Endpoint = Endpoint::new(
    Method::Post,
    None,
    "/api/v1/omnichannel/contacts",
    &[],
    &[],
    &[
        Header::new("X-Auth-Token", "{auth_token}"),
        Header::new("X-User-Id", "{user_id}"),
    ],
);

/// A Rocket.Chat omnichannel contact, exactly as the request body is
/// written, members in the server schema's order.
///
/// Like the server (`additionalProperties: false`), deserializing refuses
/// unknown members — the document's own Example 1 (`customFileds`) is
/// refused. Values the server would coerce (a number `name`, a boolean
/// email) are refused here; [`Validator`](crate::Validator) reports and
/// converts them, and its normalized body deserializes. Formats are not
/// checked here (nor by the server); the validator warns about them.
///
/// ```
/// use omnicontact::providers::rocketchat::Contact;
/// use omnicontact::{Provider, Validator};
///
/// let mut c = Contact::new("John");
/// c.emails.push("john@example.com".into());
/// c.phones.push("+14155552671".into());
/// let body = serde_json::to_string(&c).unwrap();
/// assert_eq!(body, r#"{"name":"John","emails":["john@example.com"],"phones":["+14155552671"]}"#);
/// assert!(Validator::new(Provider::RocketChat).validate_str(&body).is_valid());
///
/// let typo = r#"{"name":"John","phones":[],"emails":[],"customFileds":{}}"#;
/// assert!(serde_json::from_str::<Contact>(typo).is_err());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[non_exhaustive]
pub struct Contact {
    /// `name` (required).
    pub name: String,
    /// `emails` (required, may be empty): the contact's email addresses.
    pub emails: Vec<String>,
    /// `phones` (required, may be empty): the contact's phone numbers.
    pub phones: Vec<String>,
    /// `customFields`: free-form JSON in the order given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_fields: Option<Map<String, Value>>,
    /// `contactManager`: the contact manager's user id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact_manager: Option<String>,
}

impl Contact {
    /// A contact with a name and no emails or phones yet.
    ///
    /// ```
    /// let c = omnicontact::providers::rocketchat::Contact::new("John");
    /// assert_eq!(serde_json::to_string(&c).unwrap(), r#"{"name":"John","emails":[],"phones":[]}"#);
    /// ```
    #[must_use]
    pub fn new(name: impl Into<String>) -> Self {
        Contact {
            name: name.into(),
            ..Contact::default()
        }
    }
}

const _: () = {
    const fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Contact>();
};
