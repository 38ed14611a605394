//! raia's wire form: the create body and the search query of conversation
//! users.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::providers::{Endpoint, Header, Method};

const AUTH: &[Header] = &[Header::new("Agent-Secret-Key", "{agent_secret_key}")];

/// `POST /external/users` with `Agent-Secret-Key`: create a conversation
/// user from a [`User`] body. raia's document names no host.
///
/// ```
/// use omnicontact::providers::{Method, raia};
///
/// assert_eq!(raia::CREATE.method, Method::Post);
/// assert_eq!(raia::CREATE.path(&[]).unwrap(), "/external/users");
/// assert_eq!(raia::CREATE.required_headers[0].name, "Agent-Secret-Key");
/// ```
pub const CREATE: Endpoint = Endpoint::new(Method::Post, None, "/external/users", &[], &[], AUTH);

/// `GET /external/users/search?email=…&phoneNumber=…&fkId=…` with
/// `Agent-Secret-Key`: find a user (query parameters: [`SearchQuery`]).
///
/// ```
/// use omnicontact::providers::{Method, raia};
///
/// assert_eq!(raia::SEARCH.method, Method::Get);
/// assert_eq!(raia::SEARCH.query_params, ["email", "phoneNumber", "fkId"]);
/// ```
pub const SEARCH: Endpoint = Endpoint::new(
    Method::Get,
    None,
    "/external/users/search",
    &[],
    &["email", "phoneNumber", "fkId"],
    AUTH,
);

/// `GET /external/users/{id}` with `Agent-Secret-Key`: read a user by id.
///
/// ```
/// use omnicontact::providers::raia;
///
/// let id = "5f7b1b3b-3b3b-4b3b-3b3b-3b3b3b3b3b3b";
/// assert_eq!(raia::GET.path(&[("id", id)]).unwrap(), format!("/external/users/{id}"));
/// ```
pub const GET: Endpoint = Endpoint::new(
    Method::Get,
    None,
    "/external/users/{id}",
    &["id"],
    &[],
    AUTH,
);

/// `DELETE /external/users/{id}` with `Agent-Secret-Key`: delete a user by
/// id (the answer has no content).
///
/// ```
/// use omnicontact::providers::{Method, raia};
/// assert_eq!(raia::DELETE.method, Method::Delete);
/// assert_eq!(raia::DELETE.path_template, "/external/users/{id}");
/// ```
pub const DELETE: Endpoint = Endpoint::new(
    Method::Delete,
    None,
    "/external/users/{id}",
    &["id"],
    &[],
    AUTH,
);

/// A raia conversation user as the create body is written.
///
/// `firstName` and `lastName` are required; every optional member is left
/// out when `None`. Values are kept as sent; [`Validator`](crate::Validator)
/// applies the `raia.*` rules. `metadata` (a member of raia's *responses*)
/// is refused here, like every unknown member; the validator moves
/// `metadata.customData` to `customData`, and its normalized body
/// deserializes when nothing else is left in `metadata`.
///
/// ```
/// use omnicontact::providers::raia::User;
/// use omnicontact::{Provider, Validator};
///
/// let mut user = User::new("John", "Doe");
/// user.email = Some("john@example.com".into());
/// user.fk_id = Some("123456".into());
/// let body = serde_json::to_string(&user).unwrap();
/// assert_eq!(body, r#"{"firstName":"John","lastName":"Doe","email":"john@example.com","fkId":"123456"}"#);
/// assert!(Validator::new(Provider::Raia).validate_str(&body).is_valid());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[non_exhaustive]
pub struct User {
    /// `firstName` (required).
    pub first_name: String,
    /// `lastName` (required).
    pub last_name: String,
    /// `email`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// `phoneNumber`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone_number: Option<String>,
    /// `context`, e.g. `Support`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context: Option<String>,
    /// `source`, e.g. `webchat`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// `fkId`: your id for the user.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fk_id: Option<String>,
    /// `fkUserId`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fk_user_id: Option<String>,
    /// `customData`: free-form JSON in the order given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<Map<String, Value>>,
    /// `skipEmailValidation`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub skip_email_validation: Option<bool>,
    /// `skipPhoneNumberValidation`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub skip_phone_number_validation: Option<bool>,
}

impl User {
    /// A user with its required names.
    ///
    /// ```
    /// let u = omnicontact::providers::raia::User::new("John", "Doe");
    /// assert_eq!(serde_json::to_string(&u).unwrap(), r#"{"firstName":"John","lastName":"Doe"}"#);
    /// ```
    #[must_use]
    pub fn new(first_name: impl Into<String>, last_name: impl Into<String>) -> Self {
        User {
            first_name: first_name.into(),
            last_name: last_name.into(),
            ..User::default()
        }
    }
}

/// The query parameters of [`SEARCH`]: at least one of `email`,
/// `phoneNumber`, `fkId`. Serializes to a flat map any query-string
/// encoder takes; members that are `None` are left out.
///
/// ```
/// use omnicontact::providers::raia::SearchQuery;
/// use omnicontact::{Operation, Provider, Validator};
///
/// let q = SearchQuery::by_email("john@example.com");
/// let params = serde_json::to_value(&q).unwrap();
/// assert_eq!(params, serde_json::json!({"email": "john@example.com"}));
/// let v = Validator::for_operation(Provider::Raia, Operation::Search).unwrap();
/// assert!(v.validate_value(params).is_valid());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[non_exhaustive]
pub struct SearchQuery {
    /// `email`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// `phoneNumber`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone_number: Option<String>,
    /// `fkId`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fk_id: Option<String>,
}

impl SearchQuery {
    /// The query string (without `?`): the given parameters in the order
    /// `email`, `phoneNumber`, `fkId`, percent-encoded.
    ///
    /// ```
    /// use omnicontact::providers::raia::SearchQuery;
    /// let mut q = SearchQuery::by_email("john+1@example.com");
    /// q.fk_id = Some("crm 42".into());
    /// assert_eq!(q.query_string(), "email=john%2B1%40example.com&fkId=crm%2042");
    /// assert_eq!(SearchQuery::default().query_string(), "");
    /// ```
    #[must_use]
    pub fn query_string(&self) -> String {
        let mut out = String::new();
        for (name, value) in [
            ("email", &self.email),
            ("phoneNumber", &self.phone_number),
            ("fkId", &self.fk_id),
        ] {
            if let Some(value) = value {
                if !out.is_empty() {
                    out.push('&');
                }
                out.push_str(name);
                out.push('=');
                crate::providers::endpoint::percent_encode(value, &mut out);
            }
        }
        out
    }

    /// A search by email.
    ///
    /// ```
    /// let q = omnicontact::providers::raia::SearchQuery::by_email("a@b.co");
    /// assert_eq!(q.email.as_deref(), Some("a@b.co"));
    /// ```
    #[must_use]
    pub fn by_email(email: impl Into<String>) -> Self {
        SearchQuery {
            email: Some(email.into()),
            ..SearchQuery::default()
        }
    }

    /// A search by phone number.
    ///
    /// ```
    /// let q = omnicontact::providers::raia::SearchQuery::by_phone_number("+14155552671");
    /// assert_eq!(serde_json::to_string(&q).unwrap(), r#"{"phoneNumber":"+14155552671"}"#);
    /// ```
    #[must_use]
    pub fn by_phone_number(phone_number: impl Into<String>) -> Self {
        SearchQuery {
            phone_number: Some(phone_number.into()),
            ..SearchQuery::default()
        }
    }

    /// A search by your own id (`fkId`).
    ///
    /// ```
    /// let q = omnicontact::providers::raia::SearchQuery::by_fk_id("123456");
    /// assert_eq!(serde_json::to_string(&q).unwrap(), r#"{"fkId":"123456"}"#);
    /// ```
    #[must_use]
    pub fn by_fk_id(fk_id: impl Into<String>) -> Self {
        SearchQuery {
            fk_id: Some(fk_id.into()),
            ..SearchQuery::default()
        }
    }
}

const _: () = {
    const fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<User>();
    assert_send_sync::<SearchQuery>();
};
