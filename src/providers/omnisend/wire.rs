//! Omnisend's wire form: the body of "create contact".

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::providers::{Endpoint, Header, Method};

/// `POST https://api.omnisend.com/v3/contacts` with `X-API-KEY`.
///
/// The contacts page names the endpoint but not the authentication; the
/// `X-API-KEY` header is Omnisend's v3 API key header.
///
/// ```
/// use omnicontact::providers::{Method, omnisend};
///
/// let e = omnisend::CREATE;
/// assert_eq!((e.method, e.path_template), (Method::Post, "/v3/contacts"));
/// assert_eq!(e.base_url, Some("https://api.omnisend.com"));
/// assert_eq!(e.required_headers[0].name, "X-API-KEY");
/// ```
pub const CREATE: Endpoint = Endpoint::new(
    Method::Post,
    Some("https://api.omnisend.com"),
    "/v3/contacts",
    &[],
    &[],
    &[Header::new("X-API-KEY", "{api_key}")],
);

/// An Omnisend contact, exactly as the request body is written, members in
/// the document's order.
///
/// Values are kept as the wire carries them (strings stay strings, codes and
/// dates unchecked); [`Validator`](crate::Validator) applies the
/// `omnisend.*` rules and normalizes. `customProperties` is free-form JSON
/// in the order given: `""` and `null` values (removal) are kept. Unknown
/// members are refused.
///
/// ```
/// use omnicontact::providers::omnisend::{Contact, Identifier};
/// use omnicontact::{Provider, Validator};
///
/// let mut c = Contact::default();
/// c.identifiers = Some(vec![Identifier::email("jane@example.com").subscribed()]);
/// c.tags = Some(vec!["source: api".into()]);
/// c.country_code = Some("US".into());
/// let body = serde_json::to_string(&c).unwrap();
/// assert_eq!(body, r#"{"identifiers":[{"type":"email","id":"jane@example.com","channels":{"email":{"status":"subscribed"}}}],"tags":["source: api"],"countryCode":"US"}"#);
/// assert!(Validator::new(Provider::Omnisend).validate_str(&body).is_valid());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[non_exhaustive]
pub struct Contact {
    /// `identifiers`: emails and phones with their channels.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub identifiers: Option<Vec<Identifier>>,
    /// `email`: shorthand for an email identifier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// `phone`: shorthand for a phone identifier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// `contactID`: the contact's id in Omnisend.
    #[serde(rename = "contactID", default, skip_serializing_if = "Option::is_none")]
    pub contact_id: Option<String>,
    /// `createdAt`: an ISO 8601 date-time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<String>,
    /// `firstName`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_name: Option<String>,
    /// `lastName`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_name: Option<String>,
    /// `tags`; Omnisend advises a `source: …` tag.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<String>>,
    /// `country`: a country name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// `countryCode`: ISO 3166 alpha-2.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country_code: Option<String>,
    /// `state`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    /// `city`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    /// `address`: street, house number, apartment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// `postalCode`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postal_code: Option<String>,
    /// `gender`: `m` or `f`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gender: Option<String>,
    /// `birthdate`: `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub birthdate: Option<String>,
    /// `customProperties`: names to numbers, booleans, strings, lists of
    /// strings, or `""` / `null` to remove a property.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_properties: Option<Map<String, Value>>,
    /// `sendWelcomeEmail`: send the welcome email when the welcome
    /// workflow is on (a member of the create request itself).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub send_welcome_email: Option<bool>,
}

/// One item of `identifiers`: `{type, id, channels, sendWelcomeEmail,
/// source, sendWelcomeMessage, consent}`.
///
/// ```
/// use omnicontact::providers::omnisend::Identifier;
///
/// let id = Identifier::phone("+14155552671").subscribed();
/// assert_eq!(
///     serde_json::to_string(&id).unwrap(),
///     r#"{"type":"phone","id":"+14155552671","channels":{"sms":{"status":"subscribed"}}}"#
/// );
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[non_exhaustive]
pub struct Identifier {
    /// `type`: `email` or `phone` (required).
    #[serde(rename = "type")]
    pub kind: String,
    /// `id`: the email address or phone number (required).
    pub id: String,
    /// `channels`: the identifier's channel statuses.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channels: Option<Channels>,
    /// `sendWelcomeEmail` (Omnisend's default: `false`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub send_welcome_email: Option<bool>,
    /// `source`: where the identifier comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// `sendWelcomeMessage` (Omnisend's default: `false`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub send_welcome_message: Option<bool>,
    /// `consent`: the legal consent given for this identifier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consent: Option<Consent>,
}

/// An identifier's `consent`: `{source, createdAt, ip, userAgent}`, all
/// strings (`createdAt` an ISO 8601 date-time).
///
/// ```
/// use omnicontact::providers::omnisend::{Consent, Identifier};
///
/// let mut consent = Consent::default();
/// consent.source = Some("form:footer".into());
/// consent.created_at = Some("2023-10-03T14:30:00Z".into());
/// let mut id = Identifier::email("jane@example.com");
/// id.consent = Some(consent);
/// assert_eq!(
///     serde_json::to_string(&id).unwrap(),
///     r#"{"type":"email","id":"jane@example.com","consent":{"source":"form:footer","createdAt":"2023-10-03T14:30:00Z"}}"#
/// );
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[non_exhaustive]
pub struct Consent {
    /// `source`: where consent was given (a form, an app…).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// `createdAt`: when, an ISO 8601 date-time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<String>,
    /// `ip`: the address it was given from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ip: Option<String>,
    /// `userAgent`: the browser or app it was given in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_agent: Option<String>,
}

impl Identifier {
    /// An identifier of a type (`email`, `phone`) and id, with no channels.
    ///
    /// ```
    /// let i = omnicontact::providers::omnisend::Identifier::new("email", "a@b.co");
    /// assert_eq!(i.kind, "email");
    /// ```
    #[must_use]
    pub fn new(kind: impl Into<String>, id: impl Into<String>) -> Self {
        Identifier {
            kind: kind.into(),
            id: id.into(),
            ..Identifier::default()
        }
    }

    /// An `email` identifier.
    ///
    /// ```
    /// let i = omnicontact::providers::omnisend::Identifier::email("a@b.co");
    /// assert_eq!((i.kind.as_str(), i.id.as_str()), ("email", "a@b.co"));
    /// ```
    #[must_use]
    pub fn email(id: impl Into<String>) -> Self {
        Identifier::new("email", id)
    }

    /// A `phone` identifier.
    ///
    /// ```
    /// let i = omnicontact::providers::omnisend::Identifier::phone("+14155552671");
    /// assert_eq!(i.kind, "phone");
    /// ```
    #[must_use]
    pub fn phone(id: impl Into<String>) -> Self {
        Identifier::new("phone", id)
    }

    /// This identifier subscribed to its own channel — `email` for an
    /// email identifier, `sms` for a phone identifier — without a status
    /// date; an identifier of another type is returned unchanged.
    ///
    /// ```
    /// use omnicontact::providers::omnisend::Identifier;
    /// let i = Identifier::email("a@b.co").subscribed();
    /// assert_eq!(i.channels.unwrap().email.unwrap().status.as_deref(), Some("subscribed"));
    /// let i = Identifier::phone("+14155552671").subscribed();
    /// assert_eq!(serde_json::to_string(&i).unwrap(),
    ///     r#"{"type":"phone","id":"+14155552671","channels":{"sms":{"status":"subscribed"}}}"#);
    /// ```
    #[must_use]
    pub fn subscribed(mut self) -> Self {
        let status = Some(ChannelStatus::new("subscribed"));
        match self.kind.as_str() {
            "email" => self.channels.get_or_insert_with(Channels::default).email = status,
            "phone" => self.channels.get_or_insert_with(Channels::default).sms = status,
            _ => {}
        }
        self
    }
}

/// An identifier's `channels`: `email` (for email identifiers) and `sms`
/// (for phone identifiers), the two Omnisend supports.
///
/// ```
/// use omnicontact::providers::omnisend::{ChannelStatus, Channels};
///
/// let mut ch = Channels::default();
/// ch.sms = Some(ChannelStatus::new("unsubscribed"));
/// assert_eq!(serde_json::to_string(&ch).unwrap(), r#"{"sms":{"status":"unsubscribed"}}"#);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Channels {
    /// `email`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<ChannelStatus>,
    /// `sms`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sms: Option<ChannelStatus>,
}

/// A channel's `{status, statusDate}`.
///
/// ```
/// use omnicontact::providers::omnisend::ChannelStatus;
///
/// let mut s = ChannelStatus::new("subscribed");
/// s.status_date = Some("2017-05-30T15:14:22Z".into());
/// assert_eq!(
///     serde_json::to_string(&s).unwrap(),
///     r#"{"status":"subscribed","statusDate":"2017-05-30T15:14:22Z"}"#
/// );
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[non_exhaustive]
pub struct ChannelStatus {
    /// `status`: `subscribed`, `unsubscribed` or `nonSubscribed`; when
    /// left out, Omnisend's default is `subscribed`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// `statusDate`: an ISO 8601 date-time; Omnisend keeps the later one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_date: Option<String>,
}

impl ChannelStatus {
    /// A status without a date.
    ///
    /// ```
    /// let s = omnicontact::providers::omnisend::ChannelStatus::new("nonSubscribed");
    /// assert_eq!(s.status_date, None);
    /// ```
    #[must_use]
    pub fn new(status: impl Into<String>) -> Self {
        ChannelStatus {
            status: Some(status.into()),
            status_date: None,
        }
    }
}

const _: () = {
    const fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Contact>();
    assert_send_sync::<Identifier>();
    assert_send_sync::<Channels>();
    assert_send_sync::<ChannelStatus>();
    assert_send_sync::<Consent>();
};
