//! Messaging channels, subscription statuses and the status-date merge rule.
//!
//! A [`Channel`] is one way of reaching a contact through an identifier
//! (`email`, `sms`, `iospush`, …, spelled as on the wire). Each channel of
//! an identifier has a [`ChannelState`]: a [`ChannelStatus`] (Omnisend's
//! `subscribed` / `unsubscribed` / `nonSubscribed`) and an optional status
//! date.
//!
//! # The merge rule
//!
//! Omnisend keeps "the status with the latest status update date": a status
//! posted with a `statusDate` earlier than the stored one changes neither
//! the status nor the date. [`ChannelState::merge`] implements it:
//!
//! - incoming date **later** than the stored one: status and date are
//!   replaced;
//! - incoming date **equal** to the stored one: the stored state is kept;
//! - incoming date **earlier**: the stored state is kept;
//! - a **missing** date counts as earlier than every date (the model never
//!   invents "now"): an undated incoming state never replaces a dated one, a
//!   dated incoming state always replaces an undated one, and between two
//!   undated states the stored one is kept (equal dates).
//!
//! So the merged state is always the one with the greatest date, the stored
//! one winning ties: merging is idempotent and, for updates with distinct
//! dates, independent of their order. To overwrite a state regardless of
//! dates, assign it (`*state = incoming`) or use
//! [`Identifier::set_channel`](crate::model::Identifier::set_channel).
//!
//! ```
//! use omnicontact::model::{ChannelState, ChannelStatus};
//! use omnicontact::UtcDateTime;
//!
//! let date = |s: &str| Some(UtcDateTime::parse(s).unwrap());
//! let mut stored = ChannelState::new(ChannelStatus::Subscribed, date("2024-05-01T10:00:00Z"));
//! // Earlier: ignored.
//! assert!(!stored.merge(ChannelState::new(ChannelStatus::Unsubscribed, date("2024-04-01T00:00:00Z"))));
//! assert_eq!(stored.status(), ChannelStatus::Subscribed);
//! // Later: replaces both.
//! assert!(stored.merge(ChannelState::new(ChannelStatus::Unsubscribed, date("2024-06-01T00:00:00+02:00"))));
//! assert_eq!(stored.status(), ChannelStatus::Unsubscribed);
//! assert_eq!(stored.date().unwrap().as_str(), "2024-05-31T22:00:00Z");
//! ```

use std::str::FromStr;

use crate::values::UtcDateTime;

/// A messaging channel, with the wire names `SuprSend` and Omnisend use.
///
/// ```
/// use omnicontact::model::Channel;
///
/// let c: Channel = "ms_teams".parse()?;
/// assert_eq!(c, Channel::MsTeams);
/// assert_eq!(c.as_str(), "ms_teams");
/// assert!("fax".parse::<Channel>().is_err());
/// # Ok::<(), omnicontact::model::UnknownChannel>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Channel {
    /// `email`.
    Email,
    /// `sms`.
    Sms,
    /// `whatsapp`.
    Whatsapp,
    /// `inbox` (an in-app inbox).
    Inbox,
    /// `webpush`.
    Webpush,
    /// `androidpush`.
    Androidpush,
    /// `iospush`.
    Iospush,
    /// `slack`.
    Slack,
    /// `ms_teams`.
    MsTeams,
}

impl Channel {
    /// Every channel, in declaration order.
    ///
    /// ```
    /// use omnicontact::model::Channel;
    /// assert_eq!(Channel::ALL.len(), 9);
    /// assert_eq!(Channel::ALL[0], Channel::Email);
    /// ```
    pub const ALL: [Channel; 9] = [
        Channel::Email,
        Channel::Sms,
        Channel::Whatsapp,
        Channel::Inbox,
        Channel::Webpush,
        Channel::Androidpush,
        Channel::Iospush,
        Channel::Slack,
        Channel::MsTeams,
    ];

    /// The wire name: `email`, `sms`, `whatsapp`, `inbox`, `webpush`,
    /// `androidpush`, `iospush`, `slack` or `ms_teams`.
    ///
    /// ```
    /// assert_eq!(omnicontact::model::Channel::Iospush.as_str(), "iospush");
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Channel::Email => "email",
            Channel::Sms => "sms",
            Channel::Whatsapp => "whatsapp",
            Channel::Inbox => "inbox",
            Channel::Webpush => "webpush",
            Channel::Androidpush => "androidpush",
            Channel::Iospush => "iospush",
            Channel::Slack => "slack",
            Channel::MsTeams => "ms_teams",
        }
    }
}

crate::values::display_as!(Channel);

/// A string that is not a [`Channel`] wire name (matching is exact and
/// case-sensitive, as on the wire).
///
/// ```
/// use omnicontact::model::Channel;
///
/// let e = "Email".parse::<Channel>().unwrap_err();
/// assert_eq!(e.to_string(), "unknown channel 'Email'; expected one of email, sms, whatsapp, inbox, webpush, androidpush, iospush, slack, ms_teams");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown channel '{0}'; expected one of email, sms, whatsapp, inbox, webpush, androidpush, iospush, slack, ms_teams"
)]
pub struct UnknownChannel(String);

impl FromStr for Channel {
    type Err = UnknownChannel;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Channel::ALL
            .into_iter()
            .find(|c| c.as_str() == s)
            .ok_or_else(|| UnknownChannel(s.to_owned()))
    }
}

/// A channel subscription status, spelled as Omnisend does.
///
/// ```
/// use omnicontact::model::ChannelStatus;
///
/// let s: ChannelStatus = "nonSubscribed".parse()?;
/// assert_eq!(s, ChannelStatus::NonSubscribed);
/// assert_eq!(s.to_string(), "nonSubscribed");
/// # Ok::<(), omnicontact::model::UnknownChannelStatus>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ChannelStatus {
    /// `subscribed`.
    Subscribed,
    /// `unsubscribed`.
    Unsubscribed,
    /// `nonSubscribed`: never subscribed nor unsubscribed.
    NonSubscribed,
}

impl ChannelStatus {
    /// `subscribed`, `unsubscribed` or `nonSubscribed`.
    ///
    /// ```
    /// use omnicontact::model::ChannelStatus;
    /// assert_eq!(ChannelStatus::Unsubscribed.as_str(), "unsubscribed");
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            ChannelStatus::Subscribed => "subscribed",
            ChannelStatus::Unsubscribed => "unsubscribed",
            ChannelStatus::NonSubscribed => "nonSubscribed",
        }
    }
}

crate::values::display_as!(ChannelStatus);

/// A string that is not a [`ChannelStatus`] (matching is exact and
/// case-sensitive, as Omnisend's enum).
///
/// ```
/// use omnicontact::model::ChannelStatus;
///
/// let e = "Subscribed".parse::<ChannelStatus>().unwrap_err();
/// assert_eq!(e.to_string(), "unknown status 'Subscribed'; expected subscribed, unsubscribed or nonSubscribed");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown status '{0}'; expected subscribed, unsubscribed or nonSubscribed")]
pub struct UnknownChannelStatus(String);

impl FromStr for ChannelStatus {
    type Err = UnknownChannelStatus;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "subscribed" => Ok(ChannelStatus::Subscribed),
            "unsubscribed" => Ok(ChannelStatus::Unsubscribed),
            "nonSubscribed" => Ok(ChannelStatus::NonSubscribed),
            _ => Err(UnknownChannelStatus(s.to_owned())),
        }
    }
}

/// The state of one channel: its status and, when known, the date the
/// status was set (UTC).
///
/// ```
/// use omnicontact::model::{ChannelState, ChannelStatus};
///
/// let s = ChannelState::new(ChannelStatus::Subscribed, None);
/// assert_eq!(s.status(), ChannelStatus::Subscribed);
/// assert_eq!(s.date(), None);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ChannelState {
    status: ChannelStatus,
    date: Option<UtcDateTime>,
}

impl ChannelState {
    /// A state with the given status and optional status date.
    ///
    /// ```
    /// use omnicontact::model::{ChannelState, ChannelStatus};
    /// use omnicontact::UtcDateTime;
    ///
    /// let date = UtcDateTime::parse("2017-05-30T15:14:22Z").unwrap();
    /// let s = ChannelState::new(ChannelStatus::Unsubscribed, Some(date.clone()));
    /// assert_eq!(s.date(), Some(&date));
    /// ```
    #[must_use]
    pub const fn new(status: ChannelStatus, date: Option<UtcDateTime>) -> Self {
        ChannelState { status, date }
    }

    /// The status.
    ///
    /// ```
    /// use omnicontact::model::{ChannelState, ChannelStatus};
    /// assert_eq!(ChannelState::new(ChannelStatus::NonSubscribed, None).status(), ChannelStatus::NonSubscribed);
    /// ```
    #[must_use]
    pub const fn status(&self) -> ChannelStatus {
        self.status
    }

    /// The status date, when known.
    ///
    /// ```
    /// use omnicontact::model::{ChannelState, ChannelStatus};
    /// assert!(ChannelState::new(ChannelStatus::Subscribed, None).date().is_none());
    /// ```
    #[must_use]
    pub const fn date(&self) -> Option<&UtcDateTime> {
        self.date.as_ref()
    }

    /// `" since <date>"` when the state is dated, else nothing: how a
    /// conversion's messages quote a state after its status.
    pub(crate) fn since(&self) -> String {
        self.date
            .as_ref()
            .map(|d| format!(" since {}", d.as_str()))
            .unwrap_or_default()
    }

    /// Applies `incoming` by the status-date rule (see the [module
    /// docs](self)): it replaces `self` only when its date is later, a
    /// missing date counting as earlier than every date. Returns whether
    /// `self` changed.
    ///
    /// Dates compare to the second, as Omnisend's `statusDate` is written
    /// ([`UtcDateTime`] keeps no fraction): two updates
    /// within the same second are equal, and the stored one stays.
    ///
    /// ```
    /// use omnicontact::model::{ChannelState, ChannelStatus::*};
    /// use omnicontact::UtcDateTime;
    ///
    /// let at = |s: &str| Some(UtcDateTime::parse(s).unwrap());
    /// let mut s = ChannelState::new(Subscribed, at("2024-01-02T00:00:00Z"));
    /// // Equal date: the stored state is kept.
    /// assert!(!s.merge(ChannelState::new(Unsubscribed, at("2024-01-02T00:00:00Z"))));
    /// // No date: older than any date, ignored.
    /// assert!(!s.merge(ChannelState::new(Unsubscribed, None)));
    /// assert_eq!(s.status(), Subscribed);
    /// // Later: replaces.
    /// assert!(s.merge(ChannelState::new(Unsubscribed, at("2024-01-03T00:00:00Z"))));
    /// assert_eq!(s.status(), Unsubscribed);
    /// ```
    pub fn merge(&mut self, incoming: ChannelState) -> bool {
        // `None < Some(_)` and `UtcDateTime` orders chronologically.
        if incoming.date > self.date {
            *self = incoming;
            true
        } else {
            false
        }
    }

    /// The merge of `self` and `incoming`, by value (see
    /// [`ChannelState::merge`]).
    ///
    /// ```
    /// use omnicontact::model::{ChannelState, ChannelStatus::*};
    /// use omnicontact::UtcDateTime;
    ///
    /// let at = |s: &str| Some(UtcDateTime::parse(s).unwrap());
    /// let old = ChannelState::new(Subscribed, at("2020-01-01T00:00:00Z"));
    /// let new = ChannelState::new(Unsubscribed, at("2021-01-01T00:00:00Z"));
    /// assert_eq!(old.clone().merged(new.clone()), new);
    /// assert_eq!(new.clone().merged(old), new);
    /// ```
    #[must_use]
    pub fn merged(mut self, incoming: ChannelState) -> Self {
        self.merge(incoming);
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> Option<UtcDateTime> {
        UtcDateTime::parse(s).ok()
    }

    #[test]
    fn wire_names_round_trip() {
        for c in Channel::ALL {
            assert_eq!(c.as_str().parse::<Channel>().unwrap(), c);
        }
        for s in [
            ChannelStatus::Subscribed,
            ChannelStatus::Unsubscribed,
            ChannelStatus::NonSubscribed,
        ] {
            assert_eq!(s.as_str().parse::<ChannelStatus>().unwrap(), s);
        }
        assert!("nonsubscribed".parse::<ChannelStatus>().is_err());
        assert!("".parse::<Channel>().is_err());
    }

    #[test]
    fn seed_rule_earlier_date_changes_nothing() {
        let mut s = ChannelState::new(ChannelStatus::Subscribed, at("2017-05-30T15:14:22Z"));
        let before = s.clone();
        assert!(!s.merge(ChannelState::new(
            ChannelStatus::Unsubscribed,
            at("2017-05-30T15:14:21Z")
        )));
        assert_eq!(s, before);
    }

    #[test]
    fn missing_dates() {
        let dated = ChannelState::new(ChannelStatus::Unsubscribed, at("2000-01-01T00:00:00Z"));
        let undated = ChannelState::new(ChannelStatus::Subscribed, None);
        assert_eq!(undated.clone().merged(dated.clone()), dated);
        assert_eq!(dated.clone().merged(undated.clone()), dated);
        let other = ChannelState::new(ChannelStatus::NonSubscribed, None);
        assert_eq!(undated.clone().merged(other), undated);
    }
}
