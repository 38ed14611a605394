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
//! | other keys | custom properties |
//!
//! `SuprSend` has no names, subscription statuses (an identifier listed is
//! reachable), country or profile fields. A custom property whose name
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

use super::{ChannelItem, User};
use crate::convert::{self as c, Loss, Out};
use crate::model::{Channel, Contact, IdentifierKind as K};
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
    let mut out = Out::new(Provider::Suprsend);
    let mut u = User::default();
    out.no_name(contact);
    for (i, id) in contact.identifiers().iter().enumerate() {
        let text = id.as_str().to_owned();
        match id.kind() {
            K::Email => push(&mut u.email, text),
            K::Phone => {
                let whatsapp = id.channel(Channel::Whatsapp).is_some();
                if id.channel(Channel::Sms).is_some() || !whatsapp {
                    push(&mut u.sms, text.clone());
                }
                if whatsapp {
                    push(&mut u.whatsapp, text);
                }
            }
            K::Apns => push(&mut u.iospush, token(text, "apns")),
            K::Fcm => push(&mut u.androidpush, token(text, "fcm")),
            K::Slack => push(&mut u.slack, ChannelItem::Text(text)),
            K::Inbox => push(&mut u.inbox, text),
            K::WebPush => push(&mut u.webpush, ChannelItem::Text(text)),
            _ => {
                out.note(
                    rules::CONVERT_IDENTIFIERS_LOSSY,
                    format!("/identifiers/{i}"),
                    &format!(
                        "holds an MS Teams identifier as an object; '{text}' is not converted"
                    ),
                );
                continue;
            }
        }
        out.states(i, id, &[], false);
    }
    u.timezone = contact.timezone().map(|t| t.as_str().to_owned());
    u.preferred_language = contact.language().map(|l| l.as_str().to_owned());
    out.unheld(
        contact,
        &[&c::EXTERNAL_ID, &c::TIMEZONE, &c::LANGUAGE],
        false,
    );
    u.properties = out
        .properties(contact, |name| {
            name.to_ascii_lowercase()
                .starts_with("ss_")
                .then_some("reserves the 'ss_' prefix")
        })
        .unwrap_or_default();
    (u, out.losses)
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

fn push<T>(list: &mut Option<Vec<T>>, item: T) {
    list.get_or_insert_with(Vec::new).push(item);
}

fn token(token: String, provider: &str) -> ChannelItem {
    let mut o = Map::new();
    o.insert("token".to_owned(), Value::String(token));
    o.insert("provider".to_owned(), Value::String(provider.to_owned()));
    ChannelItem::Object(o)
}
