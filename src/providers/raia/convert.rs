//! raia [`User`] ⇄ canonical [`Contact`].
//!
//! | raia | `Contact` |
//! |---|---|
//! | `firstName`, `lastName` | first and last name (a display name is split at its first space when there are none) |
//! | `email`, `phoneNumber` | the first email and phone identifier (more: `convert.email.lossy` …) |
//! | `fkId` | external id: raia's "foreign key" is the id of the user in your system |
//! | `customData` | custom properties |
//! | `context`, `source`, `fkUserId` | — (`convert.body.lossy`) |
//! | `skipEmailValidation`, `skipPhoneNumberValidation` | — request options, not contact data: dropped silently |
//!
//! An `email` or `phoneNumber` accepted only because its skip flag is
//! `true` is not a valid identifier: it is a `convert.email.lossy` /
//! `convert.phone.lossy` loss.
//!
//! ```
//! use omnicontact::raia;
//!
//! let user: raia::User = serde_json::from_str(
//!     r#"{"firstName":"John","lastName":"Doe","email":"john@example.com","fkId":"crm-1"}"#,
//! )?;
//! let (contact, lost) = raia::convert::to_contact(&user);
//! assert!(lost.is_empty());
//! assert_eq!(contact.external_id(), Some("crm-1"));
//! let (back, lost) = raia::convert::from_contact(&contact);
//! assert!(lost.is_empty());
//! assert_eq!(back, user);
//! # Ok::<(), serde_json::Error>(())
//! ```

use super::User;
use crate::convert::Loss;
use crate::model::Contact;
use crate::providers::Provider;

/// Reads a raia user into a contact; values the contact cannot hold are
/// losses (their paths point into the user's JSON).
///
/// ```
/// # use omnicontact::raia;
/// let user: raia::User = serde_json::from_str(r#"{"firstName":"J","lastName":"D","email":"x@example.com","context":"Support"}"#)?;
/// let (_, lost) = raia::convert::to_contact(&user);
/// assert_eq!((lost[0].rule(), lost[0].path()), ("convert.body.lossy", "/context"));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[must_use]
pub fn to_contact(user: &User) -> (Contact, Vec<Loss>) {
    crate::providers::conversion::read_wire(Provider::Raia, user, None)
}

/// Writes a contact as a raia user; what raia cannot hold is a loss (its
/// path points into the contact).
///
/// A contact without a last (or first) name gets an empty one, as a
/// conversion ([`Validator::convert_str`](crate::Validator::convert_str))
/// writes it: raia requires both members and takes a blank one (see the
/// [module's notes](crate::providers::raia)), and the conversion's check
/// says it is blank with a `raia.last_name.advice` warning. To refuse a
/// blank name, deny `raia.*_name.advice` with a
/// [`Policy`](crate::Policy).
///
/// ```
/// use omnicontact::{Contact, Provider, Validator, raia};
/// let contact = Contact::builder().display_name("Jane Doe").email("jane@example.com").build()?;
/// let (user, lost) = raia::convert::from_contact(&contact);
/// assert_eq!((user.first_name.as_str(), user.last_name.as_str()), ("Jane", "Doe"));
/// assert_eq!(lost[0].rule(), "convert.name.lossy");
///
/// let one_name = Contact::builder().first_name("Solo").email("solo@example.com").build()?;
/// assert_eq!(raia::convert::from_contact(&one_name).0.last_name, "");
/// let r = Validator::new(Provider::RocketChat)
///     .convert_str(r#"{"name":"Solo","emails":["solo@example.com"],"phones":[]}"#, Provider::Raia);
/// assert_eq!(r.converted().unwrap()["lastName"], "");
/// assert_eq!(r.warnings().last().unwrap().rule(), "raia.last_name.advice");
/// # Ok::<(), omnicontact::Report>(())
/// ```
#[must_use]
pub fn from_contact(contact: &Contact) -> (User, Vec<Loss>) {
    crate::providers::conversion::write_wire(contact, Provider::Raia, || {
        User::new(String::new(), String::new())
    })
}
