//! Omnisend [`Contact`] ⇄ canonical [`crate::Contact`]; the canonical model
//! follows Omnisend's shape, so this is the most direct mapping.
//!
//! | Omnisend | `Contact` |
//! |---|---|
//! | `identifiers[]` (`email` / `phone` with `channels`) | identifiers with their channel states |
//! | shorthand `email`, `phone` | identifiers (written back as `identifiers`) |
//! | `contactID` | external id |
//! | `firstName`, `lastName` | first and last name (a display name is split at its first space when there are none) |
//! | `tags`, `gender`, `birthdate`, `createdAt`, `address`, `city`, `state`, `postalCode` | the same fields |
//! | `countryCode` (else `country` when it is a code) | country |
//! | `customProperties` | custom properties |
//! | `country` naming another country than `countryCode`, identifier `source`, identifier `consent`, identifier `sendWelcomeEmail` | — (`convert.body.lossy`) |
//! | top-level `sendWelcomeEmail`, identifier `sendWelcomeMessage` | — request options, not contact data: dropped silently |
//! | a channel without `status` | the channel state `subscribed`, Omnisend's default |
//!
//! ```
//! use omnicontact::omnisend;
//!
//! let contact: omnisend::Contact = serde_json::from_str(
//!     r#"{"identifiers":[{"type":"email","id":"jane@example.com","channels":{"email":{"status":"subscribed","statusDate":"2024-03-01T09:30:00Z"}}}],"firstName":"Jane","tags":["vip"]}"#,
//! )?;
//! let (canonical, lost) = omnisend::convert::to_contact(&contact);
//! assert!(lost.is_empty());
//! let (back, lost) = omnisend::convert::from_contact(&canonical);
//! assert!(lost.is_empty());
//! assert_eq!(back, contact);
//! # Ok::<(), serde_json::Error>(())
//! ```

use super::Contact as Wire;
use serde_json::{Map, Value};

use crate::convert::Loss;
use crate::engine::write::Writer;
use crate::model::{Channel, Contact, IdentifierKind as K};
use crate::providers::Provider;

/// Reads an Omnisend contact into a canonical contact; values it cannot
/// hold are losses (their paths point into the Omnisend JSON).
///
/// ```
/// # use omnicontact::omnisend;
/// let o: omnisend::Contact = serde_json::from_str(r#"{"email":"a@example.com","country":"Lithuania"}"#)?;
/// let (_, lost) = omnisend::convert::to_contact(&o);
/// assert_eq!((lost[0].rule(), lost[0].path()), ("convert.country.lossy", "/country"));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[must_use]
pub fn to_contact(contact: &Wire) -> (Contact, Vec<Loss>) {
    crate::providers::conversion::read_wire(Provider::Omnisend, contact, None)
}

/// Writes a canonical contact as an Omnisend contact; what Omnisend cannot
/// hold is a loss (its path points into the canonical contact).
///
/// ```
/// use omnicontact::{Contact, omnisend};
/// let contact = Contact::builder().email("a@example.com").age(40).build()?;
/// let (o, lost) = omnisend::convert::from_contact(&contact);
/// assert_eq!(o.identifiers.unwrap()[0].id, "a@example.com");
/// assert_eq!(lost[0].rule(), "convert.age.lossy");
/// # Ok::<(), omnicontact::Report>(())
/// ```
#[must_use]
pub fn from_contact(contact: &Contact) -> (Wire, Vec<Loss>) {
    crate::providers::conversion::write_wire(contact, Provider::Omnisend, Wire::default)
}

/// Writes `identifiers`: each email and phone number with the state of
/// its own channel (`email`, `sms`), which Omnisend holds with its date;
/// other identifiers and other channels' states are losses.
pub(super) fn write_identifiers(w: &mut Writer<'_>) -> Option<Value> {
    let mut items = Vec::new();
    for (i, id) in w.contact.identifiers().iter().enumerate() {
        let (kind, held) = match id.kind() {
            K::Email => ("email", Channel::Email),
            K::Phone => ("phone", Channel::Sms),
            _ => {
                w.identifier(i, id, false);
                continue;
            }
        };
        let mut item = Map::new();
        item.insert("type".to_owned(), Value::from(kind));
        item.insert("id".to_owned(), Value::from(id.as_str()));
        if let Some(state) = id.channel(held) {
            let mut status = Map::new();
            status.insert("status".to_owned(), Value::from(state.status().as_str()));
            if let Some(date) = state.date() {
                status.insert("statusDate".to_owned(), Value::from(date.as_str()));
            }
            let mut channels = Map::new();
            channels.insert(held.as_str().to_owned(), Value::Object(status));
            item.insert("channels".to_owned(), Value::Object(channels));
        }
        w.states(i, id, &[held], true);
        items.push(Value::Object(item));
    }
    (!items.is_empty()).then_some(Value::Array(items))
}
