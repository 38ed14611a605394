//! Rocket.Chat [`Contact`] ⇄ canonical [`crate::Contact`].
//!
//! | Rocket.Chat | `Contact` |
//! |---|---|
//! | `name` | display name (first and last joined when there is none) |
//! | `emails[]`, `phones[]` | every email and phone identifier |
//! | `customFields` | custom properties |
//! | `contactManager` | — (`convert.body.lossy`) |
//!
//! Rocket.Chat holds no id of yours, push token, language, country or any
//! other profile field: converting a contact that has them reports
//! `convert.<field>.lossy`. An empty `name` reads as no name.
//!
//! ```
//! use omnicontact::rocketchat;
//!
//! let rc: rocketchat::Contact = serde_json::from_str(
//!     r#"{"name":"Jane Doe","emails":["jane@example.com"],"phones":["+14155552671"],"customFields":{"plan":"pro"}}"#,
//! )?;
//! let (contact, lost) = rocketchat::convert::to_contact(&rc);
//! assert!(lost.is_empty());
//! assert_eq!(contact.identifiers().len(), 2);
//! let (back, lost) = rocketchat::convert::from_contact(&contact);
//! assert!(lost.is_empty());
//! assert_eq!(back, rc);
//! # Ok::<(), serde_json::Error>(())
//! ```

use super::Contact as Wire;
use crate::convert::Loss;
use crate::model::Contact;
use crate::providers::Provider;

/// Reads a Rocket.Chat contact into a canonical contact; values it cannot
/// hold are losses (their paths point into the Rocket.Chat JSON).
///
/// ```
/// # use omnicontact::rocketchat;
/// let rc: rocketchat::Contact = serde_json::from_str(r#"{"name":"J","emails":["not an email"],"phones":[]}"#)?;
/// let (_, lost) = rocketchat::convert::to_contact(&rc);
/// assert_eq!((lost[0].rule(), lost[0].path()), ("convert.email.lossy", "/emails/0"));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[must_use]
pub fn to_contact(contact: &Wire) -> (Contact, Vec<Loss>) {
    crate::providers::conversion::read_wire(Provider::RocketChat, contact, None)
}

/// Writes a canonical contact as a Rocket.Chat contact; what Rocket.Chat
/// cannot hold is a loss (its path points into the canonical contact).
///
/// ```
/// use omnicontact::{Contact, rocketchat};
/// let contact = Contact::builder().first_name("Jane").last_name("Doe").build()?;
/// let (rc, lost) = rocketchat::convert::from_contact(&contact);
/// assert_eq!(rc.name, "Jane Doe");
/// assert_eq!(lost[0].rule(), "convert.name.lossy");
/// # Ok::<(), omnicontact::Report>(())
/// ```
#[must_use]
pub fn from_contact(contact: &Contact) -> (Wire, Vec<Loss>) {
    crate::providers::conversion::write_wire(contact, Provider::RocketChat, || {
        Wire::new(String::new())
    })
}
