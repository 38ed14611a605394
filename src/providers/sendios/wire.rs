//! Sendios' wire form: the request body of "create omnichannel user".

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::providers::{Endpoint, Method};

/// `POST /v1/omnichannel/user/{project_id}`, path parameter `project_id`
/// (an int32).
///
/// Sendios' document prints neither the path nor the host nor an
/// authentication header (its page says only "Credentials"); the path is the
/// crate's reading of the endpoint name and `required_headers` is empty —
/// add the credentials your Sendios account uses.
///
/// ```
/// use omnicontact::providers::{Method, sendios};
///
/// assert_eq!(sendios::CREATE.method, Method::Post);
/// assert_eq!(sendios::CREATE.path(&[("project_id", "7")]).unwrap(), "/v1/omnichannel/user/7");
/// assert!(sendios::CREATE.required_headers.is_empty());
/// ```
pub const CREATE: Endpoint = Endpoint::new(
    Method::Post,
    None,
    "/v1/omnichannel/user/{project_id}",
    &["project_id"],
    &[],
    &[],
);

/// A Sendios omnichannel user, exactly as the request body is written.
///
/// Members are Sendios' own names (its PHP SDK README and API reference; see
/// the [module docs](super)); every optional member is left out when `None`.
/// Values are kept as the wire carries them — strings stay strings, not
/// normalized or checked: run the serialized body through
/// [`Validator`](crate::Validator) for the `sendios.*` rules. Lenient forms
/// the validator accepts and normalizes (`"vip": 1`, `"platform_id": 4`) are
/// refused here: deserialize the validator's normalized body instead.
///
/// ```
/// use omnicontact::providers::sendios::User;
/// use omnicontact::{Provider, Validator};
///
/// let mut user = User::new("crm-1");
/// user.email = Some("jane@example.com".into());
/// user.vip = Some(true);
/// let body = serde_json::to_value(&user).unwrap();
/// assert_eq!(body, serde_json::json!({"client_user_id": "crm-1", "email": "jane@example.com", "vip": true}));
/// assert!(Validator::new(Provider::Sendios).validate_value(body).is_valid());
///
/// let back: User = serde_json::from_str(r#"{"client_user_id":"crm-1","age":34,"fields":{"plan":"pro"}}"#).unwrap();
/// assert_eq!(back.age, Some(34));
/// assert_eq!(back.fields.unwrap()["plan"], "pro");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct User {
    /// `client_user_id`: the user's id on the client's side (required).
    pub client_user_id: String,
    /// `name` (at most 128 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `phone`: the number to send SMS to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// `email`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// `app_push_token`: an APNs or Firebase token.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub app_push_token: Option<String>,
    /// `language`: an ISO 639-1 code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// `country`: an ISO 3166 alpha-2 or alpha-3 code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// `language_id`: the language under the name Sendios' send endpoints
    /// use (an ISO 639-1 code).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language_id: Option<String>,
    /// `country_id`: the country under the name Sendios' send endpoints
    /// use (an ISO 3166 alpha-2 or alpha-3 code).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country_id: Option<String>,
    /// `platform_id`: `"0"` unknown, `"1"` desktop, `"2"` mobile browser,
    /// `"3"` Android app, `"4"` iOS app (a string on the wire). Read also
    /// from the crate's earlier name `platform`.
    #[serde(
        rename = "platform_id",
        alias = "platform",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub platform: Option<String>,
    /// `gender`: `m` or `f`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gender: Option<String>,
    /// `vip`: payer (`true`) or not.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vip: Option<bool>,
    /// `age` (an int32; Sendios allows 0 to 150).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub age: Option<i32>,
    /// `photo`: a URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub photo: Option<String>,
    /// `ak`: the auth key, for automatic login on your product (at most 255
    /// characters). Read also from the crate's earlier name `auth_key`.
    #[serde(
        rename = "ak",
        alias = "auth_key",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub auth_key: Option<String>,
    /// `registration_date`: `YYYY-MM-DD hh:mm:ss`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub registration_date: Option<String>,
    /// `fields`: custom fields, free-form JSON in the order given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fields: Option<Map<String, Value>>,
    /// `list_id` (an integer; Sendios' SDK README).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub list_id: Option<i64>,
    /// `status` (an integer; Sendios' SDK README).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<i64>,
    /// `partner_id` (an integer; Sendios' SDK README).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partner_id: Option<i64>,
}

impl User {
    /// A user with only its required `client_user_id`.
    ///
    /// ```
    /// let u = omnicontact::providers::sendios::User::new("u1");
    /// assert_eq!(serde_json::to_string(&u).unwrap(), r#"{"client_user_id":"u1"}"#);
    /// ```
    #[must_use]
    pub fn new(client_user_id: impl Into<String>) -> Self {
        User {
            client_user_id: client_user_id.into(),
            ..User::default()
        }
    }
}

const _: () = {
    const fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<User>();
};
