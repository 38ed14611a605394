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
use crate::convert::{self as c, Draft, Loss, Out, Traced};
use crate::model::{Channel, Contact, Identifier, IdentifierBuilder, IdentifierKind as K};
use crate::providers::Provider;
use crate::report::push_pointer_token;
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
    traced(user, None).into_public()
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
    traced(user, Some(distinct_id)).into_public()
}

fn text_list(
    d: &mut Draft,
    key: &str,
    items: Option<&Vec<String>>,
    rule: &'static crate::rules::RuleInfo,
    make: fn(&str) -> IdentifierBuilder,
) {
    for (i, item) in items.into_iter().flatten().enumerate() {
        d.identifier(rule, &format!("/{key}/{i}"), item, make(item));
    }
}

fn item_list(
    d: &mut Draft,
    key: &str,
    items: Option<&Vec<ChannelItem>>,
    object: fn(&mut Draft, &str, &Map<String, Value>),
    make: fn(&str) -> IdentifierBuilder,
    rule: &'static crate::rules::RuleInfo,
) {
    for (i, item) in items.into_iter().flatten().enumerate() {
        let src = format!("/{key}/{i}");
        match item {
            ChannelItem::Text(t) => d.identifier(rule, &src, t, make(t)),
            ChannelItem::Object(o) => object(d, &src, o),
        }
    }
}

fn push_object(d: &mut Draft, src: &str, o: &Map<String, Value>, channel: &str, provider: &str) {
    let Some(token) = o.get("token").and_then(Value::as_str) else {
        d.drop(
            rules::CONVERT_PUSH_TOKEN_LOSSY,
            src,
            "the canonical contact holds a push token by its 'token'; this item has none and is not converted".to_owned(),
        );
        return;
    };
    d.identifier(
        rules::CONVERT_PUSH_TOKEN_LOSSY,
        src,
        token,
        Identifier::builder()
            .push_token(token)
            .channel(channel, "subscribed", None),
    );
    for (name, value) in o {
        let kept = name == "token" || (name == "provider" && value.as_str() == Some(provider));
        if !kept {
            let mut path = src.to_owned();
            push_pointer_token(&mut path, name);
            d.drop(
                rules::CONVERT_PUSH_TOKEN_LOSSY,
                &path,
                format!("the canonical contact holds a push token without its '{name}' ({value}); it is not converted"),
            );
        }
    }
}

fn unheld_object(d: &mut Draft, src: &str, _: &Map<String, Value>) {
    d.drop(
        rules::CONVERT_IDENTIFIERS_LOSSY,
        src,
        "the canonical contact holds a Slack or MS Teams identifier as a string id; this object is not converted".to_owned(),
    );
}

fn unheld_subscription(d: &mut Draft, src: &str, _: &Map<String, Value>) {
    d.drop(
        rules::CONVERT_IDENTIFIERS_LOSSY,
        src,
        "the canonical contact holds a web-push identifier as a string; this subscription object is not converted".to_owned(),
    );
}

// One row per member, like the provider's member table.
#[allow(clippy::too_many_lines)]
pub(crate) fn traced(u: &User, distinct_id: Option<&str>) -> Traced {
    let mut d = Draft::new(Provider::Suprsend);
    d.text(
        rules::CONVERT_EXTERNAL_ID_LOSSY,
        "/externalId",
        "/distinct_id",
        distinct_id.filter(|s| !s.trim().is_empty()),
        crate::model::contact::ContactBuilder::external_id,
    );
    text_list(
        &mut d,
        "$email",
        u.email.as_ref(),
        rules::CONVERT_EMAIL_LOSSY,
        |s| Identifier::builder().email(s),
    );
    text_list(
        &mut d,
        "$sms",
        u.sms.as_ref(),
        rules::CONVERT_PHONE_LOSSY,
        |s| {
            Identifier::builder()
                .phone(s)
                .channel("sms", "subscribed", None)
        },
    );
    text_list(
        &mut d,
        "$whatsapp",
        u.whatsapp.as_ref(),
        rules::CONVERT_PHONE_LOSSY,
        |s| {
            Identifier::builder()
                .phone(s)
                .channel("whatsapp", "subscribed", None)
        },
    );
    item_list(
        &mut d,
        "$androidpush",
        u.androidpush.as_ref(),
        |d, src, o| push_object(d, src, o, "androidpush", "fcm"),
        |s| {
            Identifier::builder()
                .push_token(s)
                .channel("androidpush", "subscribed", None)
        },
        rules::CONVERT_PUSH_TOKEN_LOSSY,
    );
    item_list(
        &mut d,
        "$iospush",
        u.iospush.as_ref(),
        |d, src, o| push_object(d, src, o, "iospush", "apns"),
        |s| {
            Identifier::builder()
                .push_token(s)
                .channel("iospush", "subscribed", None)
        },
        rules::CONVERT_PUSH_TOKEN_LOSSY,
    );
    item_list(
        &mut d,
        "$slack",
        u.slack.as_ref(),
        unheld_object,
        |s| Identifier::builder().slack(s),
        rules::CONVERT_IDENTIFIERS_LOSSY,
    );
    item_list(
        &mut d,
        "$ms_teams",
        u.ms_teams.as_ref(),
        unheld_object,
        |s| Identifier::builder().ms_teams(s),
        rules::CONVERT_IDENTIFIERS_LOSSY,
    );
    text_list(
        &mut d,
        "$inbox",
        u.inbox.as_ref(),
        rules::CONVERT_IDENTIFIERS_LOSSY,
        |s| Identifier::builder().inbox(s),
    );
    item_list(
        &mut d,
        "$webpush",
        u.webpush.as_ref(),
        unheld_subscription,
        |s| Identifier::builder().web_push(s),
        rules::CONVERT_IDENTIFIERS_LOSSY,
    );
    d.text(
        rules::CONVERT_TIMEZONE_LOSSY,
        "/timezone",
        "/$timezone",
        u.timezone.as_deref(),
        crate::model::contact::ContactBuilder::timezone,
    );
    d.text(
        rules::CONVERT_LANGUAGE_LOSSY,
        "/language",
        "/$preferred_language",
        u.preferred_language.as_deref(),
        crate::model::contact::ContactBuilder::language,
    );
    d.properties("", Some(&u.properties));
    d.finish()
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
