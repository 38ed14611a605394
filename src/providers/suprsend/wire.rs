//! `SuprSend`'s wire form: the body of "create / update user".

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::providers::{Endpoint, Header, Method};

/// `POST https://hub.suprsend.com/v1/user/{distinct_id}/` with
/// `Authorization: Bearer <API_KEY>` (create or update).
///
/// ```
/// use omnicontact::providers::{Method, suprsend};
///
/// let e = suprsend::CREATE;
/// assert_eq!(e.method, Method::Post);
/// assert_eq!(e.base_url, Some("https://hub.suprsend.com"));
/// assert_eq!(e.path(&[("distinct_id", "u-1")]).unwrap(), "/v1/user/u-1/");
/// ```
pub const CREATE: Endpoint = Endpoint::new(
    Method::Post,
    Some("https://hub.suprsend.com"),
    "/v1/user/{distinct_id}/",
    &["distinct_id"],
    &[],
    &[Header::new("Authorization", "Bearer {api_key}")],
);

/// One item of a channel list: a string (an address, number, token or id)
/// or an object (`$androidpush` / `$iospush` `{token, provider, device_id}`,
/// `$webpush` subscriptions, `$slack` and `$ms_teams` objects).
///
/// Objects are kept as free-form JSON, members in the order given:
/// `SuprSend` accepts members beyond the documented ones and
/// [`Validator`](crate::Validator) checks the documented ones.
///
/// ```
/// use omnicontact::providers::suprsend::ChannelItem;
///
/// let items: Vec<ChannelItem> =
///     serde_json::from_str(r#"["tok-1", {"token": "tok-2", "provider": "fcm"}]"#).unwrap();
/// assert_eq!(items[0], ChannelItem::Text("tok-1".into()));
/// assert!(matches!(&items[1], ChannelItem::Object(o) if o["provider"] == "fcm"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum ChannelItem {
    /// A string item.
    Text(String),
    /// An object item.
    Object(Map<String, Value>),
}

impl From<&str> for ChannelItem {
    /// A string item.
    ///
    /// ```
    /// use omnicontact::providers::suprsend::ChannelItem;
    /// assert_eq!(ChannelItem::from("U01ABCDE2F3"), ChannelItem::Text("U01ABCDE2F3".into()));
    /// ```
    fn from(s: &str) -> Self {
        ChannelItem::Text(s.to_owned())
    }
}

/// A `SuprSend` user, exactly as the request body is written: the nine
/// documented channel lists, `$timezone`, `$preferred_language`, then the
/// custom properties (which hold `SuprSend`'s other keys, `$messenger`,
/// `$locale` and `$channels`, as sent).
///
/// Serialization writes the `$` members in the document's order, then
/// [`properties`](Self::properties) in their own order (the order given
/// when `serde_json`'s `preserve_order` is on, otherwise name order). Custom property values may be any JSON, as
/// `SuprSend`'s are. A channel given as a single value rather than a list
/// (which [`Validator`](crate::Validator) accepts and wraps in a list) is
/// refused here: deserialize the validator's normalized body instead. A
/// reserved key `SuprSend` would drop (`$emial`) lands in `properties`; the
/// validator reports it.
///
/// ```
/// use omnicontact::providers::suprsend::User;
/// use omnicontact::{Provider, Validator};
///
/// let mut user = User::default();
/// user.email = Some(vec!["jsmith@example.com".into()]);
/// user.timezone = Some("America/New_York".into());
/// user.properties.insert("plan".into(), "pro".into());
/// let body = serde_json::to_string(&user).unwrap();
/// assert_eq!(body, r#"{"$email":["jsmith@example.com"],"$timezone":"America/New_York","plan":"pro"}"#);
/// assert!(Validator::new(Provider::Suprsend).validate_str(&body).is_valid());
///
/// // A property named like a member is not written twice:
/// user.properties.insert("$email".into(), serde_json::json!(["other@example.com"]));
/// assert_eq!(serde_json::to_string(&user).unwrap(), body);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct User {
    /// `$email`: email addresses.
    #[serde(rename = "$email", default, skip_serializing_if = "Option::is_none")]
    pub email: Option<Vec<String>>,
    /// `$sms`: phone numbers for SMS.
    #[serde(rename = "$sms", default, skip_serializing_if = "Option::is_none")]
    pub sms: Option<Vec<String>>,
    /// `$whatsapp`: phone numbers for `WhatsApp`.
    #[serde(rename = "$whatsapp", default, skip_serializing_if = "Option::is_none")]
    pub whatsapp: Option<Vec<String>>,
    /// `$inbox`: inbox identifiers.
    #[serde(rename = "$inbox", default, skip_serializing_if = "Option::is_none")]
    pub inbox: Option<Vec<String>>,
    /// `$webpush`: web-push subscription objects (or, as the older
    /// reference page showed, token strings).
    #[serde(rename = "$webpush", default, skip_serializing_if = "Option::is_none")]
    pub webpush: Option<Vec<ChannelItem>>,
    /// `$androidpush`: Android push tokens or push objects.
    #[serde(
        rename = "$androidpush",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub androidpush: Option<Vec<ChannelItem>>,
    /// `$iospush`: iOS push tokens or push objects.
    #[serde(rename = "$iospush", default, skip_serializing_if = "Option::is_none")]
    pub iospush: Option<Vec<ChannelItem>>,
    /// `$slack`: Slack user ids or Slack objects.
    #[serde(rename = "$slack", default, skip_serializing_if = "Option::is_none")]
    pub slack: Option<Vec<ChannelItem>>,
    /// `$ms_teams`: Microsoft Teams ids or MS Teams objects.
    #[serde(rename = "$ms_teams", default, skip_serializing_if = "Option::is_none")]
    pub ms_teams: Option<Vec<ChannelItem>>,
    /// `$timezone`: an IANA time zone.
    #[serde(rename = "$timezone", default, skip_serializing_if = "Option::is_none")]
    pub timezone: Option<String>,
    /// `$preferred_language`: an ISO 639-1 code.
    #[serde(
        rename = "$preferred_language",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub preferred_language: Option<String>,
    /// Every other key: custom properties, in the order given. A key that
    /// names one of the members above (`$email`, …) is not written: the
    /// member is, so the body never holds a key twice.
    #[serde(flatten, serialize_with = "custom_properties")]
    pub properties: Map<String, Value>,
}

/// `SuprSend`'s keys that [`User`] keeps in
/// [`properties`](User::properties); its typed members own the other
/// [`KNOWN_KEYS`](super::KNOWN_KEYS).
const UNTYPED_KEYS: &[&str] = &["$messenger", "$locale", "$channels"];

/// Whether one of [`User`]'s typed members owns `key`.
pub(super) fn typed(key: &str) -> bool {
    super::KNOWN_KEYS.contains(&key) && !UNTYPED_KEYS.contains(&key)
}

/// Writes the custom properties, leaving out the keys the typed members own.
fn custom_properties<S: serde::Serializer>(
    properties: &Map<String, Value>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeMap;
    let mut map = serializer.serialize_map(None)?;
    for (key, value) in properties {
        if !typed(key) {
            map.serialize_entry(key, value)?;
        }
    }
    map.end()
}

const _: () = {
    const fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<User>();
    assert_send_sync::<ChannelItem>();
};
