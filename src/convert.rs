//! Conversion between providers through the canonical
//! [`Contact`](crate::Contact).
//!
//! Each provider module has a `convert` submodule with two functions:
//! `to_contact(&Wire) -> (Contact, Vec<Loss>)` and
//! `from_contact(&Contact) -> (Wire, Vec<Loss>)`. Both follow the
//! provider's member table, the rows its validation checks: a member is
//! read into the contact field its row names and written from the same
//! field, so reading and writing cannot drift apart. A [`Loss`] is a value
//! that one side has no place for; it carries a `convert.<field>.lossy`
//! rule id (listed in the [rule catalog](crate::rules)).
//!
//! Paths of losses: a loss of `to_contact` points into the wire value (the
//! source body); a loss of `from_contact` points into the canonical contact
//! with the model's own paths (`/identifiers/1`,
//! `/identifiers/0/channels/sms`, `/age`, `/tags/0`,
//! `/customProperties/<name>`, see [`crate::model`]).
//! [`Validator::convert_value`](crate::Validator::convert_value) maps the
//! latter back to the source body, so every `convert.*` warning in a
//! [`Report`](crate::Report) names the JSON Pointer of the dropped value in
//! the **source** body.
//!
//! ```
//! use omnicontact::{rocketchat, sendios};
//!
//! let rc: rocketchat::Contact = serde_json::from_str(
//!     r#"{"name":"Jane Doe","emails":["jane@example.com","j@example.com"],"phones":[]}"#,
//! )?;
//! let (contact, lost) = rocketchat::convert::to_contact(&rc);
//! assert!(lost.is_empty());
//! let (user, lost) = sendios::convert::from_contact(&contact);
//! assert_eq!(user.email.as_deref(), Some("jane@example.com"));
//! assert_eq!(lost[0].rule(), "convert.email.lossy");
//! assert_eq!(lost[0].path(), "/identifiers/1"); // the contact's second identifier
//! # Ok::<(), serde_json::Error>(())
//! ```

use crate::providers::Provider;

pub use crate::report::Loss;

/// The provider's name as its documentation spells it.
pub(crate) const fn provider_name(p: Provider) -> &'static str {
    match p {
        Provider::Omnisend => "Omnisend",
        Provider::Sendios => "Sendios",
        Provider::RocketChat => "Rocket.Chat",
        Provider::Suprsend => "SuprSend",
        Provider::Raia => "raia",
    }
}
