//! The rule catalog: one constant per rule id, the only place an id string
//! is written.
//!
//! Rule ids, severities and meanings are a public contract: an id, once
//! published, is never renamed or removed and keeps its meaning. An id
//! reads `<provider>.<field>.<check>`; [`catalog`] lists every rule the
//! crate implements, in catalog order:
//!
//! - `input.*`: what every provider's input must be before its members are
//!   read (JSON, size, depth, a request envelope's parts);
//! - `sendios.*`, `rocketchat.*`, `suprsend.*`, `raia.*`, `omnisend.*`: a
//!   provider's request body, reported by a [`Validator`](crate::Validator)
//!   of that provider;
//! - `contact.*`: the canonical model's own checks, reported by
//!   [`ContactBuilder::build`](crate::ContactBuilder::build) (and the
//!   identifier and custom property builders) at the paths of the
//!   contact's JSON shape, whatever provider the contact goes to;
//! - `convert.*`: information a conversion between providers (or from a
//!   contact to a request) had to drop.
//!
//! A service that wants another severity for a rule (an error, a warning,
//! or not reported) gives its validator a [`Policy`](crate::Policy)
//! naming the rule's id; the builders take no policy, so `contact.*`
//! violations always have the catalog's severity. The constants live in
//! one file per prefix and are all re-exported here.
//!
//! The catalog is the same in every build. Without the `phone` cargo
//! feature (on by default) the `*.invalid_number` warnings
//! (`omnisend.identifiers.id.invalid_number`, `sendios.phone.invalid_number`,
//! `contact.phone.invalid_number`, `contact.identifiers.id.invalid_number`,
//! `rocketchat.phones.invalid_number`, `suprsend.sms.invalid_number`,
//! `suprsend.whatsapp.invalid_number`, `raia.phone_number.invalid_number`)
//! are never reported: whether a number is assigned needs libphonenumber's
//! numbering plans. A national phone number (no `+` / `00`) is then an
//! error of the member's `*.format` rule (the number needs the `phone`
//! feature to be read), since nothing can be sent in its place.
//!
//! ```
//! use omnicontact::rules::{self, Severity};
//!
//! assert_eq!(rules::OMNISEND_TAGS_MAX_ITEMS.id(), "omnisend.tags.max_items");
//! assert_eq!(rules::OMNISEND_TAGS_MAX_ITEMS.severity(), Severity::Error);
//! assert_eq!(rules::lookup("omnisend.tags.unique").unwrap().severity(), Severity::Warning);
//! ```
#![doc = include_str!("input.md")]
#![doc = include_str!("contact.md")]
#![doc = include_str!("convert.md")]

use std::fmt;
use std::sync::OnceLock;

use serde::Serialize;

pub use crate::report::Severity;

/// One entry of the rule catalog.
///
/// ```
/// let rule = omnicontact::rules::INPUT_JSON_FORMAT;
/// assert_eq!(rule.provider(), "input");
/// assert_eq!(rule.to_string(), "input.json.format");
/// ```
#[derive(Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RuleInfo {
    id: &'static str,
    severity: Severity,
    summary: &'static str,
}

impl RuleInfo {
    const fn new(id: &'static str, severity: Severity, summary: &'static str) -> Self {
        RuleInfo {
            id,
            severity,
            summary,
        }
    }

    /// A rule of your own, for the violations your service adds to a
    /// [`Report`](crate::Report) ([`Violation::new`](crate::Violation::new),
    /// [`Report::push`](crate::Report::push)). Name it
    /// `<your namespace>.<field>.<check>` outside the crate's prefixes
    /// (`input`, `contact`, `convert` and the providers' names), so it
    /// never collides with a catalog id; it is not in
    /// [`catalog`] and a [`Policy`](crate::policy::Policy) does not name
    /// it.
    ///
    /// ```
    /// use omnicontact::Severity;
    /// use omnicontact::rules::RuleInfo;
    ///
    /// static PLAN_REQUIRED: RuleInfo =
    ///     RuleInfo::custom("acme.plan.required", Severity::Error, "every contact has a plan");
    /// assert_eq!(PLAN_REQUIRED.id(), "acme.plan.required");
    /// assert_eq!(PLAN_REQUIRED.provider(), "acme");
    /// assert!(omnicontact::rules::lookup("acme.plan.required").is_none());
    /// ```
    #[must_use]
    pub const fn custom(id: &'static str, severity: Severity, summary: &'static str) -> Self {
        RuleInfo::new(id, severity, summary)
    }

    /// The stable id, e.g. `"omnisend.email.format"`.
    ///
    /// ```
    /// assert_eq!(omnicontact::rules::OMNISEND_EMAIL_FORMAT.id(), "omnisend.email.format");
    /// ```
    #[must_use]
    pub const fn id(&self) -> &'static str {
        self.id
    }

    /// The catalog's severity: the one every violation of this rule has,
    /// unless the validator's [`Policy`](crate::Policy) gives the rule
    /// another ([`Violation::severity`](crate::Violation::severity) is the
    /// effective one).
    ///
    /// ```
    /// use omnicontact::Severity;
    /// use omnicontact::policy::{Level, Policy};
    /// use omnicontact::rules::OMNISEND_BIRTHDATE_ADVICE;
    ///
    /// assert_eq!(OMNISEND_BIRTHDATE_ADVICE.severity(), Severity::Warning);
    /// let policy = Policy::new().deny(OMNISEND_BIRTHDATE_ADVICE.id())?;
    /// assert_eq!(policy.level(OMNISEND_BIRTHDATE_ADVICE), Level::Error);
    /// # Ok::<(), omnicontact::policy::PolicyError>(())
    /// ```
    #[must_use]
    pub const fn severity(&self) -> Severity {
        self.severity
    }

    /// The first segment of the id: `input`, `omnisend`, …
    ///
    /// ```
    /// assert_eq!(omnicontact::rules::OMNISEND_TAGS_TYPE.provider(), "omnisend");
    /// ```
    #[must_use]
    pub fn provider(&self) -> &'static str {
        match self.id.split_once('.') {
            Some((provider, _)) => provider,
            None => self.id,
        }
    }

    /// One sentence saying what the rule checks.
    ///
    /// ```
    /// assert!(omnicontact::rules::OMNISEND_TAGS_MAX_ITEMS.summary().contains("100"));
    /// ```
    #[must_use]
    pub const fn summary(&self) -> &'static str {
        self.summary
    }
}

impl fmt::Display for RuleInfo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id)
    }
}

impl Serialize for RuleInfo {
    /// `{"id":…,"severity":…,"provider":…,"summary":…}` — one line of
    /// `validate --list-rules`.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("RuleInfo", 4)?;
        s.serialize_field("id", self.id)?;
        s.serialize_field("severity", &self.severity)?;
        s.serialize_field("provider", self.provider())?;
        s.serialize_field("summary", self.summary)?;
        s.end()
    }
}

/// Every implemented rule, in catalog order.
///
/// ```
/// let ids: Vec<_> = omnicontact::rules::catalog().iter().map(|r| r.id()).collect();
/// assert!(ids.contains(&"input.body.max_depth"));
/// ```
#[must_use]
pub fn catalog() -> &'static [&'static RuleInfo] {
    static ALL: OnceLock<Vec<&'static RuleInfo>> = OnceLock::new();
    ALL.get_or_init(|| {
        CATALOG
            .iter()
            .flat_map(|group| group.iter().copied())
            .collect()
    })
}

/// Finds a rule by id.
///
/// ```
/// assert!(omnicontact::rules::lookup("omnisend.gender.enum").is_some());
/// assert!(omnicontact::rules::lookup("omnisend.gender.nope").is_none());
/// ```
#[must_use]
pub fn lookup(id: &str) -> Option<&'static RuleInfo> {
    catalog().iter().copied().find(|r| r.id == id)
}

/// Defines one constant per rule and the list `RULES` of them, in order.
macro_rules! rules {
    ($( $(#[$meta:meta])* $name:ident = $id:literal, $sev:ident, $summary:literal; )*) => {
        $(
            #[doc = concat!("`", $id, "` (", stringify!($sev), "): ", $summary)]
            $(#[$meta])*
            pub const $name: &$crate::rules::RuleInfo =
                &$crate::rules::RuleInfo::new($id, $crate::report::Severity::$sev, $summary);
        )*
        /// This file's rules, in catalog order.
        pub(super) static RULES: &[&$crate::rules::RuleInfo] = &[$($name),*];
    };
}

mod contact;
mod convert;
mod input;
mod omnisend;
mod raia;
mod rocketchat;
mod sendios;
mod suprsend;

pub use contact::*;
pub use convert::*;
pub use input::*;
pub use omnisend::*;
pub use raia::*;
pub use rocketchat::*;
pub use sendios::*;
pub use suprsend::*;

/// The catalog: every provider's rules, in order.
static CATALOG: &[&[&RuleInfo]] = &[
    input::RULES,
    sendios::RULES,
    rocketchat::RULES,
    suprsend::RULES,
    raia::RULES,
    omnisend::RULES,
    contact::RULES,
    convert::RULES,
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_well_formed() {
        let mut seen = std::collections::HashSet::new();
        for r in catalog() {
            assert!(seen.insert(r.id()), "duplicate id {}", r.id());
            assert!(r.id().split('.').count() >= 3, "{}", r.id());
            assert!(
                r.id()
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c == '.' || c == '_'),
                "{}",
                r.id()
            );
        }
    }
}
