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

use super::{ChannelStatus as WireStatus, Channels, Contact as Wire, Identifier as WireId};
use crate::convert::{self as c, Loss, Out};
use crate::model::{Channel, ChannelState, Contact, IdentifierKind as K};
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

fn status(state: &ChannelState) -> WireStatus {
    let mut s = WireStatus::new(state.status().as_str());
    s.status_date = state.date().map(|d| d.as_str().to_owned());
    s
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
    let mut out = Out::new(Provider::Omnisend);
    let mut w = Wire::default();
    let (first, last) = out.split_name(contact);
    let mut ids = Vec::new();
    for (i, id) in contact.identifiers().iter().enumerate() {
        let (mut wire, held) = match id.kind() {
            K::Email => (WireId::email(id.as_str()), Channel::Email),
            K::Phone => (WireId::phone(id.as_str()), Channel::Sms),
            _ => {
                out.identifier(i, id, false);
                continue;
            }
        };
        if let Some(state) = id.channel(held) {
            let mut channels = Channels::default();
            if held == Channel::Email {
                channels.email = Some(status(state));
            } else {
                channels.sms = Some(status(state));
            }
            wire.channels = Some(channels);
        }
        out.states(i, id, &[held], true);
        ids.push(wire);
    }
    w.identifiers = (!ids.is_empty()).then_some(ids);
    w.contact_id = contact.external_id().map(str::to_owned);
    w.created_at = contact.registered_at().map(|d| d.as_str().to_owned());
    w.first_name = first;
    w.last_name = last;
    w.tags = (!contact.tags().is_empty()).then(|| contact.tags().to_vec());
    w.country_code = contact.country().map(|c| c.alpha2().to_owned());
    w.state = contact.state().map(str::to_owned);
    w.city = contact.city().map(str::to_owned);
    w.address = contact.address().map(str::to_owned);
    w.postal_code = contact.postal_code().map(str::to_owned);
    w.gender = contact.gender().map(|g| g.as_str().to_owned());
    w.birthdate = contact.birthdate().map(|d| d.as_str().to_owned());
    out.unheld(
        contact,
        &[
            &c::EXTERNAL_ID,
            &c::COUNTRY,
            &c::GENDER,
            &c::BIRTHDATE,
            &c::REGISTERED_AT,
            &c::ADDRESS,
            &c::CITY,
            &c::STATE,
            &c::POSTAL_CODE,
        ],
        true,
    );
    w.custom_properties = c::all_properties(&mut out, contact);
    (w, out.losses)
}
