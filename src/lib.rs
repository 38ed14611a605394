// The guide's examples read a national phone number, which needs the
// `phone` feature (on by default, and on docs.rs).
#![cfg_attr(feature = "phone", doc = include_str!("../README.md"))]
#![cfg_attr(
    not(feature = "phone"),
    doc = "Validate and normalize contact records for Omnisend, Sendios, \
           Rocket.Chat, SuprSend and raia. This build leaves out the `phone` \
           feature; the guide, whose examples need it, is this page in a \
           default build (<https://docs.rs/omnicontact>)."
)]
#![cfg_attr(docsrs, feature(doc_cfg))]
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![warn(
    clippy::pedantic,
    rust_2018_idioms,
    unreachable_pub,
    missing_debug_implementations
)]
#![allow(
    clippy::module_name_repetitions,
    clippy::must_use_candidate,
    clippy::missing_errors_doc
)]

mod check;
pub mod convert;
mod engine;
mod lookup;
pub mod model;
pub mod options;
mod parse;
pub mod policy;
pub mod providers;
pub mod report;
pub mod request;
pub mod rules;
#[cfg(feature = "proptest")]
#[cfg_attr(docsrs, doc(cfg(feature = "proptest")))]
pub mod strategies;
pub mod stream;
pub mod suggest;
mod validator;
pub mod values;

pub use check::{Check, Input};
pub use model::{
    Channel, ChannelState, ChannelStatus, Contact, ContactBuilder, CustomProperty, Identifier,
    IdentifierBuilder, PropertyValue,
};
pub use options::Options;
pub use policy::Policy;
pub use providers::{Endpoint, NameError, Operation, Provider};
pub use providers::{omnisend, raia, rocketchat, sendios, suprsend};
pub use report::{Change, Location, Report, Severity, Violation};
pub use request::Request;
pub use stream::{Document, Documents};
pub use validator::{Batch, Validator};
pub use values::{
    CountryCode, Date, Email, Gender, LanguageCode, Phone, PhoneRegion, PushToken, PushTokenKind,
    SendiosDateTime, TimeZone, Url, UtcDateTime, Uuid,
};
