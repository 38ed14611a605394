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
//! | `country` naming another country than `countryCode`, identifier `source`, identifier `consent` | — (`convert.body.lossy`) |
//! | identifier `sendWelcomeEmail` | — a request option, not contact data: dropped silently |
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
use crate::convert::{self as c, Draft, Loss, Out, Traced};
use crate::model::{Channel, ChannelState, Contact, Identifier, IdentifierKind as K};
use crate::providers::Provider;
use crate::rules;
use crate::values::CountryCode;

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
    traced(contact).into_public()
}

// One row per member, like the provider's member table.
#[allow(clippy::too_many_lines)]
pub(crate) fn traced(w: &Wire) -> Traced {
    let mut d = Draft::new(Provider::Omnisend);
    d.text(
        rules::CONVERT_EXTERNAL_ID_LOSSY,
        "/externalId",
        "/contactID",
        w.contact_id.as_deref(),
        crate::model::contact::ContactBuilder::external_id,
    );
    d.text(
        rules::CONVERT_NAME_LOSSY,
        "/firstName",
        "/firstName",
        w.first_name.as_deref(),
        crate::model::contact::ContactBuilder::first_name,
    );
    d.text(
        rules::CONVERT_NAME_LOSSY,
        "/lastName",
        "/lastName",
        w.last_name.as_deref(),
        crate::model::contact::ContactBuilder::last_name,
    );
    for (i, id) in w.identifiers.iter().flatten().enumerate() {
        let src = format!("/identifiers/{i}");
        let (rule, mut b) = if id.kind == "phone" {
            (
                rules::CONVERT_PHONE_LOSSY,
                Identifier::builder().phone(id.id.as_str()),
            )
        } else {
            (
                rules::CONVERT_EMAIL_LOSSY,
                Identifier::builder().email(id.id.as_str()),
            )
        };
        let channels = id.channels.as_ref();
        for (name, state) in [
            ("email", channels.and_then(|c| c.email.as_ref())),
            ("sms", channels.and_then(|c| c.sms.as_ref())),
        ] {
            if let Some(s) = state {
                // Left out, a status is Omnisend's default, `subscribed`.
                let status = s.status.as_deref().unwrap_or("subscribed");
                b = b.channel(name, status, s.status_date.as_deref());
            }
        }
        d.identifier(rule, &src, &id.id, b);
        d.member(
            &format!("{src}/sendWelcomeEmail"),
            id.send_welcome_email.is_some(),
        );
        d.member(&format!("{src}/source"), id.source.is_some());
        d.member(&format!("{src}/consent"), id.consent.is_some());
    }
    if let Some(email) = &w.email {
        d.email("/email", email);
    }
    if let Some(phone) = &w.phone {
        d.phone("/phone", phone);
    }
    match (&w.country_code, &w.country) {
        (Some(code), country) => {
            d.text(
                rules::CONVERT_COUNTRY_LOSSY,
                "/country",
                "/countryCode",
                Some(code),
                crate::model::contact::ContactBuilder::country,
            );
            // `country` naming the same country as `countryCode` loses nothing.
            let same = country.as_deref().is_some_and(|name| {
                let named = CountryCode::from_name(name).or_else(|| CountryCode::parse(name).ok());
                let code = CountryCode::parse(code).ok();
                named
                    .zip(code)
                    .is_some_and(|(a, b)| a.alpha2() == b.alpha2())
            });
            d.member("/country", country.is_some() && !same);
        }
        (None, Some(country)) => {
            d.text(
                rules::CONVERT_COUNTRY_LOSSY,
                "/country",
                "/country",
                Some(country),
                crate::model::contact::ContactBuilder::country,
            );
        }
        (None, None) => {}
    }
    d.text(
        rules::CONVERT_ADDRESS_LOSSY,
        "/state",
        "/state",
        w.state.as_deref(),
        crate::model::contact::ContactBuilder::state,
    );
    d.text(
        rules::CONVERT_ADDRESS_LOSSY,
        "/city",
        "/city",
        w.city.as_deref(),
        crate::model::contact::ContactBuilder::city,
    );
    d.text(
        rules::CONVERT_ADDRESS_LOSSY,
        "/address",
        "/address",
        w.address.as_deref(),
        crate::model::contact::ContactBuilder::address,
    );
    d.text(
        rules::CONVERT_ADDRESS_LOSSY,
        "/postalCode",
        "/postalCode",
        w.postal_code.as_deref(),
        crate::model::contact::ContactBuilder::postal_code,
    );
    d.text(
        rules::CONVERT_GENDER_LOSSY,
        "/gender",
        "/gender",
        w.gender.as_deref(),
        crate::model::contact::ContactBuilder::gender,
    );
    d.text(
        rules::CONVERT_BIRTHDATE_LOSSY,
        "/birthdate",
        "/birthdate",
        w.birthdate.as_deref(),
        crate::model::contact::ContactBuilder::birthdate,
    );
    d.text(
        rules::CONVERT_REGISTERED_AT_LOSSY,
        "/registeredAt",
        "/createdAt",
        w.created_at.as_deref(),
        crate::model::contact::ContactBuilder::registered_at,
    );
    for (i, tag) in w.tags.iter().flatten().enumerate() {
        let src = format!("/tags/{i}");
        d.traced(&format!("/tags/{i}"), &src);
        let tag = tag.clone();
        d.with(|b| b.tag(tag));
    }
    d.properties("/customProperties", w.custom_properties.as_ref());
    d.finish()
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
