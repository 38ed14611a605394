//! Sendios [`User`] ⇄ canonical [`Contact`].
//!
//! | Sendios | `Contact` |
//! |---|---|
//! | `client_user_id` | external id |
//! | `name` | display name (first and last joined when there is none) |
//! | `email`, `phone`, `app_push_token` | the first email, phone and push-token identifier (more: `convert.email.lossy` …) |
//! | `language`, `country`, `platform_id`, `gender`, `vip`, `age`, `photo`, `ak` | the same fields |
//! | `language_id`, `country_id` (Sendios' names in its send endpoints) | language, country when `language` / `country` are not given (else `convert.body.lossy`) |
//! | `list_id`, `status`, `partner_id` | — (`convert.body.lossy`) |
//! | `registration_date` (UTC, `YYYY-MM-DD hh:mm:ss`) | registered at |
//! | `fields` | custom properties |
//!
//! Sendios has no time zone, birthdate, address, tags or subscription
//! statuses: converting a contact that has them reports
//! `convert.<field>.lossy`.
//!
//! ```
//! use omnicontact::sendios;
//!
//! let user: sendios::User = serde_json::from_str(
//!     r#"{"client_user_id":"u1","name":"Jane Doe","email":"jane@example.com","age":34}"#,
//! )?;
//! let (contact, lost) = sendios::convert::to_contact(&user);
//! assert!(lost.is_empty());
//! assert_eq!(contact.external_id(), Some("u1"));
//! assert_eq!(contact.display_name(), Some("Jane Doe"));
//! let (back, lost) = sendios::convert::from_contact(&contact);
//! assert!(lost.is_empty());
//! assert_eq!(back, user);
//! # Ok::<(), serde_json::Error>(())
//! ```

use super::User;
use crate::convert::{self as c, Loss, Out};
use crate::model::{Contact, IdentifierKind as K};
use crate::providers::Provider;
use crate::rules;
use crate::values::SendiosDateTime;

/// Reads a user into a contact; values the contact cannot hold are losses
/// (their paths point into the user's JSON).
///
/// ```
/// # use omnicontact::sendios;
/// let user: sendios::User = serde_json::from_str(r#"{"client_user_id":"u1","fields":{"a b":1}}"#)?;
/// let (_, lost) = sendios::convert::to_contact(&user);
/// assert_eq!(lost[0].rule(), "convert.custom_properties.lossy");
/// assert_eq!(lost[0].path(), "/fields/a b");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[must_use]
pub fn to_contact(user: &User) -> (Contact, Vec<Loss>) {
    crate::providers::conversion::read_wire(Provider::Sendios, user, None)
}

/// Writes a contact as a user; what Sendios cannot hold is a loss (its
/// path points into the contact, see [`crate::model`]). A contact with no
/// external id gives an empty `client_user_id`, which the Sendios validator
/// reports as `sendios.client_user_id.required`.
///
/// ```
/// use omnicontact::{Contact, sendios};
/// let contact = Contact::builder().external_id("u1").email("a@example.com").tag("vip").build()?;
/// let (user, lost) = sendios::convert::from_contact(&contact);
/// assert_eq!(user.client_user_id, "u1");
/// assert_eq!(lost[0].rule(), "convert.tags.lossy");
/// # Ok::<(), omnicontact::Report>(())
/// ```
#[must_use]
pub fn from_contact(contact: &Contact) -> (User, Vec<Loss>) {
    let mut out = Out::new(Provider::Sendios);
    let mut u = User::new(contact.external_id().unwrap_or_default());
    u.name = out.single_name(contact);
    for (i, id) in contact.identifiers().iter().enumerate() {
        let slot = match id.kind() {
            K::Email => &mut u.email,
            K::Phone => &mut u.phone,
            K::Apns | K::Fcm => &mut u.app_push_token,
            _ => {
                out.identifier(i, id, false);
                continue;
            }
        };
        if slot.is_some() {
            out.identifier(i, id, true);
            continue;
        }
        *slot = Some(id.as_str().to_owned());
        out.states(i, id, &[], false);
    }
    u.language = contact.language().map(|l| l.as_str().to_owned());
    u.country = contact.country().map(|l| l.as_str().to_owned());
    u.platform = contact.platform().map(|p| p.code().to_owned());
    u.gender = contact.gender().map(|g| g.as_str().to_owned());
    u.vip = contact.vip();
    u.age = contact.age().map(i32::from);
    u.photo = contact.photo().map(|p| p.as_str().to_owned());
    u.auth_key = contact.auth_key().map(str::to_owned);
    u.registration_date = contact.registered_at().map(|r| {
        SendiosDateTime::parse(r.as_str())
            .map_or_else(|_| r.as_str().to_owned(), |s| s.as_str().to_owned())
    });
    out.unheld(
        contact,
        &[
            &c::EXTERNAL_ID,
            &c::LANGUAGE,
            &c::COUNTRY,
            &c::GENDER,
            &c::AGE,
            &c::PLATFORM,
            &c::VIP,
            &c::PHOTO,
            &c::AUTH_KEY,
            &c::REGISTERED_AT,
        ],
        false,
    );
    u.fields = c::all_properties(&mut out, contact);
    (u, out.losses)
}

/// The warning for a contact's registration date written in UTC, the same
/// as for a zoned `registration_date` sent to Sendios: Sendios does not
/// say in which time zone it reads the time. For a conversion from a
/// provider whose dates carry a zone (every one but Sendios).
pub(crate) fn utc_note(contact: &Contact) -> Option<Loss> {
    let at = contact.registered_at()?;
    let written = SendiosDateTime::parse(at.as_str()).ok()?;
    Some(Loss::new(
        rules::SENDIOS_REGISTRATION_DATE_ADVICE,
        "/registration_date".to_owned(),
        format!(
            "Sendios does not say in which time zone it reads 'registration_date'; '{}' is written in UTC as '{}'",
            at.as_str(),
            written.as_str()
        ),
    ))
}
