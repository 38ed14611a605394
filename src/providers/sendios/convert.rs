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
use serde_json::Value;

use crate::convert::Loss;
use crate::engine::write::Writer;
use crate::model::Contact;
use crate::model::field;
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
    crate::providers::conversion::write_wire(contact, Provider::Sendios, || User::new(""))
}

/// Writes `platform_id`: the platform's Sendios code.
pub(super) fn write_platform(w: &mut Writer<'_>) -> Option<Value> {
    w.hold(&field::PLATFORM);
    w.contact.platform().map(|p| Value::from(p.code()))
}

/// Writes `registration_date` in Sendios' form (UTC, no zone), with the
/// advice that Sendios does not say in which zone it reads it.
pub(super) fn write_registration_date(w: &mut Writer<'_>) -> Option<Value> {
    w.hold(&field::REGISTERED_AT);
    let at = w.contact.registered_at()?;
    let Ok(written) = SendiosDateTime::parse(at.as_str()) else {
        return Some(Value::from(at.as_str()));
    };
    w.advise(
        rules::SENDIOS_REGISTRATION_DATE_ADVICE,
        field::REGISTERED_AT.path,
        format!(
            "Sendios does not say in which time zone it reads 'registration_date'; '{}' is written in UTC as '{}'",
            at.as_str(),
            written.as_str()
        ),
    );
    Some(Value::from(written.as_str()))
}
