//! `SuprSend` [`User`] ⇄ canonical [`Contact`].
//!
//! | `SuprSend` | `Contact` |
//! |---|---|
//! | path parameter `distinct_id` | external id ([`from_contact_path`]) |
//! | `$email[]` | email identifiers |
//! | `$sms[]`, `$whatsapp[]` | phone identifiers with the channel `sms` / `whatsapp` in an undated `subscribed` state (so a round trip keeps which list a number was in) |
//! | `$androidpush[]`, `$iospush[]` (`token`) | push-token identifiers with that channel; `provider` other than `fcm` / `apns` and `device_id` are losses |
//! | `$slack[]`, `$inbox[]`, `$webpush[]` (strings) | Slack, inbox and web push identifiers; `$slack` / `$ms_teams` objects and `$webpush` subscription objects are losses |
//! | `$timezone`, `$preferred_language` | time zone, language |
//! | `$messenger[]`, `$locale`, `$channels` | none: `convert.body.lossy` |
//! | other keys | custom properties |
//!
//! `SuprSend` has no names, subscription statuses (an identifier listed is
//! reachable), country or profile fields. An MS Teams identifier is read
//! from a `$ms_teams` string but not written back
//! (`convert.identifiers.lossy`): `SuprSend`'s SDKs send MS Teams
//! addresses only as objects (suprsend-py
//! `user_edit_internal_helper.py`, `__check_ms_teams_dict`), which the
//! contact's text id is not. A custom property whose name
//! starts with `ss_` (reserved by `SuprSend`) is a loss when converting to
//! `SuprSend`.
//!
//! ```
//! use omnicontact::suprsend;
//!
//! let user: suprsend::User = serde_json::from_str(
//!     r#"{"$email":["jane@example.com"],"$whatsapp":["+14155552671"],"$timezone":"America/New_York","plan":"pro"}"#,
//! )?;
//! let (contact, lost) = suprsend::convert::to_contact(&user);
//! assert!(lost.is_empty());
//! let (back, lost) = suprsend::convert::from_contact(&contact);
//! assert!(lost.is_empty());
//! assert_eq!(back, user);
//! # Ok::<(), serde_json::Error>(())
//! ```

use serde_json::{Map, Value};

use super::{ItemWrite, User};
use crate::convert::Loss;
use crate::engine::write::{Writer, holds};
use crate::model::field;
use crate::model::{Contact, Identifier};
use crate::providers::Provider;
use crate::rules;

/// Reads a user body into a contact; values the contact cannot hold are
/// losses (their paths point into the body). The body has no
/// `distinct_id`; see [`to_contact_with_id`].
///
/// ```
/// # use omnicontact::suprsend;
/// let user: suprsend::User = serde_json::from_str(r#"{"$ms_teams":[{"tenant_id":"t"}]}"#)?;
/// let (_, lost) = suprsend::convert::to_contact(&user);
/// assert_eq!((lost[0].rule(), lost[0].path()), ("convert.identifiers.lossy", "/$ms_teams/0"));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[must_use]
pub fn to_contact(user: &User) -> (Contact, Vec<Loss>) {
    shadowed(
        user,
        crate::providers::conversion::read_wire(Provider::Suprsend, user, None),
    )
}

/// [`to_contact`] with the path parameter `distinct_id` as external id.
///
/// ```
/// # use omnicontact::suprsend;
/// let user: suprsend::User = serde_json::from_str(r#"{"$email":["a@example.com"]}"#)?;
/// let (contact, _) = suprsend::convert::to_contact_with_id(&user, "u-1");
/// assert_eq!(contact.external_id(), Some("u-1"));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[must_use]
pub fn to_contact_with_id(user: &User, distinct_id: &str) -> (Contact, Vec<Loss>) {
    shadowed(
        user,
        crate::providers::conversion::read_wire(Provider::Suprsend, user, Some(distinct_id)),
    )
}

/// A key of [`User::properties`] that one of its typed members owns
/// (`$sms` put in the map) is not written with the user, so not read: a
/// loss.
fn shadowed(user: &User, (contact, mut losses): (Contact, Vec<Loss>)) -> (Contact, Vec<Loss>) {
    for key in user.properties.keys().filter(|k| super::wire::typed(k)) {
        let mut path = String::new();
        crate::report::push_pointer_token(&mut path, key);
        losses.push(Loss::new(
            crate::rules::CONVERT_CUSTOM_PROPERTIES_LOSSY,
            path,
            format!("'{key}' in the custom properties is the key of one of User's own members, which holds it; it is not converted"),
        ));
    }
    (contact, losses)
}

/// Writes a contact as a user body; what `SuprSend` cannot hold is a loss
/// (its path points into the contact). The external id goes to the path
/// parameter: see [`from_contact_path`].
///
/// ```
/// use omnicontact::{Contact, suprsend};
/// let contact = Contact::builder().email("a@example.com").first_name("Jo").build()?;
/// let (user, lost) = suprsend::convert::from_contact(&contact);
/// assert_eq!(user.email, Some(vec!["a@example.com".to_owned()]));
/// assert_eq!(lost[0].rule(), "convert.name.lossy");
/// # Ok::<(), omnicontact::Report>(())
/// ```
#[must_use]
pub fn from_contact(contact: &Contact) -> (User, Vec<Loss>) {
    crate::providers::conversion::write_wire(contact, Provider::Suprsend, User::default)
}

/// The path parameters of the converted request: `{"distinct_id": <external
/// id>}`, or `{}` when the contact has none.
///
/// ```
/// use omnicontact::{Contact, suprsend};
/// let contact = Contact::builder().external_id("u-1").build()?;
/// assert_eq!(suprsend::convert::from_contact_path(&contact), serde_json::json!({"distinct_id": "u-1"}));
/// # Ok::<(), omnicontact::Report>(())
/// ```
#[must_use]
pub fn from_contact_path(contact: &Contact) -> Value {
    let mut path = Map::new();
    if let Some(id) = contact.external_id() {
        path.insert("distinct_id".to_owned(), Value::String(id.to_owned()));
    }
    Value::Object(path)
}

/// Writes the body by the channel rows ([`super::CHANNELS`]): each
/// identifier as an item of the channels of its type (a phone number in
/// `$sms` and / or `$whatsapp` as its channels say, a push token as an
/// object naming its provider), `$timezone` and `$preferred_language`
/// from [`super::FIELDS`], the custom properties as keys of their own.
pub(super) fn write_body(w: &mut Writer<'_>, body: &mut Map<String, Value>) {
    // The path parameter `distinct_id` holds it (`from_contact_path`).
    w.hold(&field::EXTERNAL_ID);
    let ids = w.contact.identifiers();
    let mut written = vec![false; ids.len()];
    for channel in &super::CHANNELS {
        let Some(to) = &channel.to else { continue };
        let mut items = Vec::new();
        for (i, id) in ids.iter().enumerate() {
            if let Some(item) = item(to, id) {
                written[i] = true;
                items.push(item);
            }
        }
        if !items.is_empty() {
            body.insert(channel.key.to_owned(), Value::Array(items));
        }
    }
    for (i, id) in ids.iter().enumerate() {
        if written[i] {
            w.states(i, id, &[], false);
        } else {
            w.note(
                rules::CONVERT_IDENTIFIERS_LOSSY,
                format!("/identifiers/{i}"),
                format_args!(
                    "holds an MS Teams identifier as an object; '{}' is not converted",
                    id.as_str()
                ),
            );
        }
    }
    for (key, field) in super::FIELDS {
        if let Some(value) = w.field(field) {
            body.insert(key.to_owned(), value);
        }
    }
    // The canonical contact's property names are letters, digits and '_':
    // never one of SuprSend's `$` keys.
    let properties = w.properties(|name| {
        name.to_ascii_lowercase()
            .starts_with("ss_")
            .then_some("reserves the 'ss_' prefix")
    });
    body.extend(properties.unwrap_or_default());
}

/// `id` as an item of the channel `to`, when the channel lists it: an
/// identifier in each channel row of its type whose channel it has (the
/// state it was read with), or, listed in none of them, in the row of its
/// kind (a push token's provider) or else the first (`$sms`).
fn item(to: &super::ChannelTo, id: &Identifier) -> Option<Value> {
    if !holds(to.point, id.kind()) || matches!(to.item, ItemWrite::No) {
        return None;
    }
    if let Some(state) = to.state {
        // The channel rows of this type that name a channel.
        let mut named = super::CHANNELS
            .iter()
            .filter_map(|c| c.to.as_ref())
            .filter(|t| t.point == to.point && !matches!(t.item, ItemWrite::No))
            .filter_map(|t| t.state);
        let has = |name: &str| id.channels().iter().any(|(c, _)| c.as_str() == name);
        let default = match to.item {
            ItemWrite::Push(kind, _) => id.kind() == kind,
            _ => named.clone().next() == Some(state),
        };
        if !(has(state) || (default && !named.any(has))) {
            return None;
        }
    }
    let text = Value::String(id.as_str().to_owned());
    Some(match to.item {
        ItemWrite::Push(_, provider) => {
            let mut o = Map::new();
            o.insert("token".to_owned(), text);
            o.insert("provider".to_owned(), Value::String(provider.to_owned()));
            Value::Object(o)
        }
        _ => text,
    })
}
