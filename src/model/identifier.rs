//! Identifiers: how a contact is reached — an email address, a phone
//! number, a push token, a Slack or MS Teams address, an inbox or a web
//! push subscription — each with the states of its channels.
//!
//! Which channels an identifier can carry is fixed by its kind
//! ([`IdentifierKind::channels`]): email → `email`; phone → `sms`,
//! `whatsapp`; APNs token → `iospush`; FCM token → `androidpush`,
//! `iospush`; Slack → `slack`; MS Teams → `ms_teams`; inbox → `inbox`;
//! web push → `webpush`.
//!
//! ```
//! use omnicontact::model::{Channel, ChannelStatus, Identifier, IdentifierKind};
//!
//! let id = Identifier::builder()
//!     .phone("+44 20 7946 0018")
//!     .channel("sms", "subscribed", Some("2024-05-01T12:00:00+02:00"))
//!     .build()?;
//! assert_eq!(id.kind(), IdentifierKind::Phone);
//! assert_eq!(id.as_str(), "+442079460018");
//! let sms = id.channel(Channel::Sms).unwrap();
//! assert_eq!(sms.status(), ChannelStatus::Subscribed);
//! assert_eq!(sms.date().unwrap().as_str(), "2024-05-01T10:00:00Z");
//! # Ok::<(), omnicontact::Report>(())
//! ```

use std::fmt;

use crate::model::Collector;
use crate::model::channel::{Channel, ChannelState, ChannelStatus};
use crate::report::Report;
use crate::rules;
use crate::values::{
    CountryCode, Email, Phone, PhoneRegion, PushToken, PushTokenKind, UtcDateTime, trim,
};

/// A validated identifier value.
///
/// ```
/// use omnicontact::model::{Identifier, IdentifierValue};
///
/// let id = Identifier::email("a@B.example")?;
/// match id.value() {
///     IdentifierValue::Email(e) => assert_eq!(e.domain(), "b.example"),
///     _ => unreachable!(),
/// }
/// # Ok::<(), omnicontact::Report>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum IdentifierValue {
    /// An email address.
    Email(Email),
    /// A phone number in E.164.
    Phone(Phone),
    /// An APNs or FCM push token.
    PushToken(PushToken),
    /// A Slack address (user or channel id, webhook, …), trimmed, non-empty.
    Slack(String),
    /// An MS Teams address, trimmed, non-empty.
    MsTeams(String),
    /// An in-app inbox id, trimmed, non-empty.
    Inbox(String),
    /// A web push subscription, trimmed, non-empty.
    WebPush(String),
}

impl IdentifierValue {
    /// The value as a string (normalized).
    ///
    /// ```
    /// use omnicontact::model::Identifier;
    /// assert_eq!(Identifier::slack(" U012AB3CD ")?.value().as_str(), "U012AB3CD");
    /// # Ok::<(), omnicontact::Report>(())
    /// ```
    #[must_use]
    pub fn as_str(&self) -> &str {
        match self {
            IdentifierValue::Email(e) => e.as_str(),
            IdentifierValue::Phone(p) => p.as_str(),
            IdentifierValue::PushToken(t) => t.as_str(),
            IdentifierValue::Slack(s)
            | IdentifierValue::MsTeams(s)
            | IdentifierValue::Inbox(s)
            | IdentifierValue::WebPush(s) => s,
        }
    }

    /// The kind of the value.
    ///
    /// ```
    /// use omnicontact::model::{Identifier, IdentifierKind};
    /// let t = Identifier::push_token(&"ab".repeat(32))?;
    /// assert_eq!(t.value().kind(), IdentifierKind::Apns);
    /// # Ok::<(), omnicontact::Report>(())
    /// ```
    #[must_use]
    pub fn kind(&self) -> IdentifierKind {
        match self {
            IdentifierValue::Email(_) => IdentifierKind::Email,
            IdentifierValue::Phone(_) => IdentifierKind::Phone,
            IdentifierValue::PushToken(t) => match t.kind() {
                PushTokenKind::Apns => IdentifierKind::Apns,
                PushTokenKind::Fcm => IdentifierKind::Fcm,
            },
            IdentifierValue::Slack(_) => IdentifierKind::Slack,
            IdentifierValue::MsTeams(_) => IdentifierKind::MsTeams,
            IdentifierValue::Inbox(_) => IdentifierKind::Inbox,
            IdentifierValue::WebPush(_) => IdentifierKind::WebPush,
        }
    }
}

crate::values::display_as!(IdentifierValue);

/// The kind of an identifier; push tokens are split by their kind.
///
/// ```
/// use omnicontact::model::{Channel, IdentifierKind};
/// assert_eq!(IdentifierKind::Phone.as_str(), "phone");
/// assert_eq!(IdentifierKind::Phone.channels(), [Channel::Sms, Channel::Whatsapp]);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum IdentifierKind {
    /// An email address.
    Email,
    /// A phone number.
    Phone,
    /// An APNs push token.
    Apns,
    /// An FCM push token.
    Fcm,
    /// A Slack address.
    Slack,
    /// An MS Teams address.
    MsTeams,
    /// An in-app inbox.
    Inbox,
    /// A web push subscription.
    WebPush,
}

impl IdentifierKind {
    /// `email`, `phone`, `apns`, `fcm`, `slack`, `ms_teams`, `inbox` or
    /// `webpush`.
    ///
    /// ```
    /// assert_eq!(omnicontact::model::IdentifierKind::Fcm.as_str(), "fcm");
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            IdentifierKind::Email => "email",
            IdentifierKind::Phone => "phone",
            IdentifierKind::Apns => "apns",
            IdentifierKind::Fcm => "fcm",
            IdentifierKind::Slack => "slack",
            IdentifierKind::MsTeams => "ms_teams",
            IdentifierKind::Inbox => "inbox",
            IdentifierKind::WebPush => "webpush",
        }
    }

    /// The channels an identifier of this kind can carry.
    ///
    /// ```
    /// use omnicontact::model::{Channel, IdentifierKind};
    /// assert_eq!(IdentifierKind::Email.channels(), [Channel::Email]);
    /// assert_eq!(IdentifierKind::Fcm.channels(), [Channel::Androidpush, Channel::Iospush]);
    /// ```
    #[must_use]
    pub const fn channels(self) -> &'static [Channel] {
        match self {
            IdentifierKind::Email => &[Channel::Email],
            IdentifierKind::Phone => &[Channel::Sms, Channel::Whatsapp],
            IdentifierKind::Apns => &[Channel::Iospush],
            IdentifierKind::Fcm => &[Channel::Androidpush, Channel::Iospush],
            IdentifierKind::Slack => &[Channel::Slack],
            IdentifierKind::MsTeams => &[Channel::MsTeams],
            IdentifierKind::Inbox => &[Channel::Inbox],
            IdentifierKind::WebPush => &[Channel::Webpush],
        }
    }

    /// Whether an identifier of this kind can carry `channel`.
    ///
    /// ```
    /// use omnicontact::model::{Channel, IdentifierKind};
    /// assert!(IdentifierKind::Phone.allows(Channel::Whatsapp));
    /// assert!(!IdentifierKind::Email.allows(Channel::Sms));
    /// ```
    #[must_use]
    pub fn allows(self, channel: Channel) -> bool {
        self.channels().contains(&channel)
    }
}

crate::values::display_as!(IdentifierKind);

/// A channel set on an identifier whose kind cannot carry it.
///
/// ```
/// use omnicontact::model::{Channel, ChannelState, ChannelStatus, Identifier};
///
/// let mut id = Identifier::email("a@b.example")?;
/// let e = id.set_channel(Channel::Sms, ChannelState::new(ChannelStatus::Subscribed, None)).unwrap_err();
/// assert_eq!(e.to_string(), "an identifier of kind 'email' has no channel 'sms' (only email)");
/// # Ok::<(), omnicontact::Report>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("an identifier of kind '{kind}' has no channel '{channel}' (only {})", channel_list(*kind))]
pub struct ChannelNotAllowed {
    kind: IdentifierKind,
    channel: Channel,
}

impl ChannelNotAllowed {
    /// The identifier's kind.
    ///
    /// ```
    /// use omnicontact::model::{Channel, ChannelState, ChannelStatus, Identifier, IdentifierKind};
    /// let mut id = Identifier::email("a@b.example")?;
    /// let e = id.apply_status(Channel::Slack, ChannelState::new(ChannelStatus::Subscribed, None)).unwrap_err();
    /// assert_eq!(e.kind(), IdentifierKind::Email);
    /// # Ok::<(), omnicontact::Report>(())
    /// ```
    #[must_use]
    pub fn kind(&self) -> IdentifierKind {
        self.kind
    }

    /// The channel that was refused.
    ///
    /// ```
    /// use omnicontact::model::{Channel, ChannelState, ChannelStatus, Identifier};
    /// let mut id = Identifier::email("a@b.example")?;
    /// let e = id.apply_status(Channel::Slack, ChannelState::new(ChannelStatus::Subscribed, None)).unwrap_err();
    /// assert_eq!(e.channel(), Channel::Slack);
    /// # Ok::<(), omnicontact::Report>(())
    /// ```
    #[must_use]
    pub fn channel(&self) -> Channel {
        self.channel
    }
}

fn channel_list(kind: IdentifierKind) -> String {
    kind.channels()
        .iter()
        .map(|c| c.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// A validated identifier and the states of its channels (in the order
/// they were first set, each channel at most once).
///
/// ```
/// use omnicontact::model::{Channel, ChannelState, ChannelStatus, Identifier};
///
/// let mut id = Identifier::email("jane@example.com")?;
/// assert!(id.channels().is_empty());
/// id.set_channel(Channel::Email, ChannelState::new(ChannelStatus::Subscribed, None)).unwrap();
/// assert_eq!(id.channel(Channel::Email).unwrap().status(), ChannelStatus::Subscribed);
/// # Ok::<(), omnicontact::Report>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Identifier {
    value: IdentifierValue,
    channels: Vec<(Channel, ChannelState)>,
}

/// The type of an identifier as the contact's JSON names it (`type`), and
/// as a provider row reads one: which builder method its value goes to.
#[derive(Debug, serde::Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub(crate) enum IdType {
    Email,
    Phone,
    /// An APNs or FCM token.
    PushToken,
    Slack,
    MsTeams,
    Inbox,
    #[serde(rename = "webpush")]
    WebPush,
}

impl IdType {
    /// The type of an identifier of `kind` (an APNs or FCM token is a push
    /// token).
    pub(crate) fn of(kind: IdentifierKind) -> IdType {
        match kind {
            IdentifierKind::Email => IdType::Email,
            IdentifierKind::Phone => IdType::Phone,
            IdentifierKind::Apns | IdentifierKind::Fcm => IdType::PushToken,
            IdentifierKind::Slack => IdType::Slack,
            IdentifierKind::MsTeams => IdType::MsTeams,
            IdentifierKind::Inbox => IdType::Inbox,
            IdentifierKind::WebPush => IdType::WebPush,
        }
    }

    /// Its name in the contact's JSON.
    pub(crate) fn name(self) -> &'static str {
        match self {
            IdType::Email => "email",
            IdType::Phone => "phone",
            IdType::PushToken => "push_token",
            IdType::Slack => "slack",
            IdType::MsTeams => "ms_teams",
            IdType::Inbox => "inbox",
            IdType::WebPush => "webpush",
        }
    }

    /// A builder holding `id` as an identifier of this type.
    pub(crate) fn builder(self, id: impl Into<String>) -> IdentifierBuilder {
        let b = Identifier::builder();
        match self {
            IdType::Email => b.email(id),
            IdType::Phone => b.phone(id),
            IdType::PushToken => b.push_token(id),
            IdType::Slack => b.slack(id),
            IdType::MsTeams => b.ms_teams(id),
            IdType::Inbox => b.inbox(id),
            IdType::WebPush => b.web_push(id),
        }
    }
}

/// The shortcuts `Identifier::email(input)`, …: the builder with that
/// value, built.
macro_rules! id_shortcuts {
    ($( $(#[$doc:meta])* $name:ident; )*) => {
        $(
            $(#[$doc])*
            pub fn $name(input: &str) -> Result<Identifier, Report> {
                Identifier::builder().$name(input).build()
            }
        )*
    };
}

impl Identifier {
    /// An identifier of a value already checked, with no channel state.
    pub(crate) fn from_value(value: IdentifierValue) -> Identifier {
        Identifier {
            value,
            channels: Vec::new(),
        }
    }

    /// A builder taking raw strings; see [`IdentifierBuilder`].
    ///
    /// ```
    /// use omnicontact::model::Identifier;
    /// let id = Identifier::builder().email("a@B.example").channel("email", "unsubscribed", None).build()?;
    /// assert_eq!(id.as_str(), "a@b.example");
    /// # Ok::<(), omnicontact::Report>(())
    /// ```
    pub fn builder() -> IdentifierBuilder {
        IdentifierBuilder::default()
    }

    id_shortcuts! {
        /// An email identifier with no channel state.
        ///
        /// ```
        /// use omnicontact::model::Identifier;
        /// assert_eq!(Identifier::email(" Jane@Example.COM ")?.as_str(), "Jane@example.com");
        /// let err = Identifier::email("jane").unwrap_err();
        /// assert_eq!(err.violations()[0].rule(), "contact.identifiers.id.format");
        /// assert_eq!(err.violations()[0].path(), "/id");
        /// # Ok::<(), omnicontact::Report>(())
        /// ```
        email;
        /// A phone identifier (international form, `+…` or `00…`).
        ///
        /// ```
        /// use omnicontact::model::Identifier;
        /// assert_eq!(Identifier::phone("0049 1512 3456789")?.as_str(), "+4915123456789");
        /// assert!(Identifier::phone("1512 3456789").is_err()); // national: no region
        /// # Ok::<(), omnicontact::Report>(())
        /// ```
        phone;
        /// A push token identifier (APNs or FCM, detected).
        ///
        /// ```
        /// use omnicontact::model::{Identifier, IdentifierKind};
        /// let t = Identifier::push_token("0123456789abcdefghijkl:APA91b")?;
        /// assert_eq!(t.kind(), IdentifierKind::Fcm);
        /// # Ok::<(), omnicontact::Report>(())
        /// ```
        push_token;
        /// A Slack identifier: any non-empty string, trimmed.
        ///
        /// ```
        /// use omnicontact::model::Identifier;
        /// assert_eq!(Identifier::slack("U012AB3CD")?.as_str(), "U012AB3CD");
        /// assert_eq!(Identifier::slack("  ").unwrap_err().violations()[0].rule(), "contact.identifiers.id.format");
        /// # Ok::<(), omnicontact::Report>(())
        /// ```
        slack;
        /// An MS Teams identifier: any non-empty string, trimmed.
        ///
        /// ```
        /// use omnicontact::model::Identifier;
        /// assert_eq!(Identifier::ms_teams("29:1abc")?.as_str(), "29:1abc");
        /// # Ok::<(), omnicontact::Report>(())
        /// ```
        ms_teams;
        /// An inbox identifier: any non-empty string, trimmed.
        ///
        /// ```
        /// use omnicontact::model::Identifier;
        /// assert_eq!(Identifier::inbox("user-42")?.as_str(), "user-42");
        /// # Ok::<(), omnicontact::Report>(())
        /// ```
        inbox;
        /// A web push identifier: any non-empty string, trimmed.
        ///
        /// ```
        /// use omnicontact::model::Identifier;
        /// let id = Identifier::web_push(r#"{"endpoint":"https://push.example/x"}"#)?;
        /// assert!(id.as_str().starts_with('{'));
        /// # Ok::<(), omnicontact::Report>(())
        /// ```
        web_push;
    }

    /// The value.
    ///
    /// ```
    /// use omnicontact::model::{Identifier, IdentifierValue};
    /// let id = Identifier::inbox("x")?;
    /// assert_eq!(id.value(), &IdentifierValue::Inbox("x".into()));
    /// # Ok::<(), omnicontact::Report>(())
    /// ```
    #[must_use]
    pub fn value(&self) -> &IdentifierValue {
        &self.value
    }

    /// The kind of the value.
    ///
    /// ```
    /// use omnicontact::model::{Identifier, IdentifierKind};
    /// assert_eq!(Identifier::phone("+14155552671")?.kind(), IdentifierKind::Phone);
    /// # Ok::<(), omnicontact::Report>(())
    /// ```
    #[must_use]
    pub fn kind(&self) -> IdentifierKind {
        self.value.kind()
    }

    /// The value as a normalized string.
    ///
    /// ```
    /// use omnicontact::model::Identifier;
    /// assert_eq!(Identifier::phone("+1 (415) 555-2671")?.as_str(), "+14155552671");
    /// # Ok::<(), omnicontact::Report>(())
    /// ```
    #[must_use]
    pub fn as_str(&self) -> &str {
        self.value.as_str()
    }

    /// Every channel with its state, in the order first set.
    ///
    /// ```
    /// use omnicontact::model::{Channel, Identifier};
    /// let id = Identifier::builder()
    ///     .phone("+14155552671")
    ///     .channel("whatsapp", "subscribed", None)
    ///     .channel("sms", "nonSubscribed", None)
    ///     .build()?;
    /// let names: Vec<_> = id.channels().iter().map(|(c, _)| c.as_str()).collect();
    /// assert_eq!(names, ["whatsapp", "sms"]);
    /// # Ok::<(), omnicontact::Report>(())
    /// ```
    #[must_use]
    pub fn channels(&self) -> &[(Channel, ChannelState)] {
        &self.channels
    }

    /// The state of one channel, when set.
    ///
    /// ```
    /// use omnicontact::model::{Channel, Identifier};
    /// assert!(Identifier::email("a@b.example")?.channel(Channel::Email).is_none());
    /// # Ok::<(), omnicontact::Report>(())
    /// ```
    #[must_use]
    pub fn channel(&self, channel: Channel) -> Option<&ChannelState> {
        self.channels
            .iter()
            .find(|(c, _)| *c == channel)
            .map(|(_, s)| s)
    }

    /// Applies a status update to `channel` by the status-date rule
    /// ([`ChannelState::merge`]); a channel not set yet takes `incoming`.
    /// Returns whether anything changed, or an error when this kind of
    /// identifier cannot carry `channel` (nothing changes then).
    ///
    /// ```
    /// use omnicontact::model::{Channel, ChannelState, ChannelStatus::*, Identifier};
    /// use omnicontact::UtcDateTime;
    ///
    /// let at = |s: &str| Some(UtcDateTime::parse(s).unwrap());
    /// let mut id = Identifier::email("a@b.example")?;
    /// assert_eq!(id.apply_status(Channel::Email, ChannelState::new(Subscribed, at("2024-02-01T00:00:00Z"))), Ok(true));
    /// assert_eq!(id.apply_status(Channel::Email, ChannelState::new(Unsubscribed, at("2024-01-01T00:00:00Z"))), Ok(false));
    /// assert_eq!(id.channel(Channel::Email).unwrap().status(), Subscribed);
    /// # Ok::<(), omnicontact::Report>(())
    /// ```
    pub fn apply_status(
        &mut self,
        channel: Channel,
        incoming: ChannelState,
    ) -> Result<bool, ChannelNotAllowed> {
        self.check_channel(channel)?;
        if let Some((_, state)) = self.channels.iter_mut().find(|(c, _)| *c == channel) {
            return Ok(state.merge(incoming));
        }
        self.channels.push((channel, incoming));
        Ok(true)
    }

    /// Sets the state of `channel`, whatever its date: an explicit override
    /// of the status-date rule.
    ///
    /// ```
    /// use omnicontact::model::{Channel, ChannelState, ChannelStatus::*, Identifier};
    /// use omnicontact::UtcDateTime;
    ///
    /// let mut id = Identifier::phone("+14155552671")?;
    /// let late = UtcDateTime::parse("2030-01-01T00:00:00Z").ok();
    /// id.set_channel(Channel::Sms, ChannelState::new(Subscribed, late)).unwrap();
    /// id.set_channel(Channel::Sms, ChannelState::new(Unsubscribed, None)).unwrap();
    /// assert_eq!(id.channel(Channel::Sms).unwrap().status(), Unsubscribed);
    /// # Ok::<(), omnicontact::Report>(())
    /// ```
    pub fn set_channel(
        &mut self,
        channel: Channel,
        state: ChannelState,
    ) -> Result<(), ChannelNotAllowed> {
        self.check_channel(channel)?;
        match self.channels.iter_mut().find(|(c, _)| *c == channel) {
            Some((_, s)) => *s = state,
            None => self.channels.push((channel, state)),
        }
        Ok(())
    }

    /// Takes into `self` the channels of `other` (the same identifier seen
    /// twice), each by the status-date rule. Channels `self` cannot carry
    /// cannot occur, as both have the same kind when their values are equal;
    /// they are skipped otherwise.
    pub(crate) fn absorb(&mut self, other: Identifier) {
        for (channel, state) in other.channels {
            // Same kind as `self`: never refused.
            let _ = self.apply_status(channel, state);
        }
    }

    fn check_channel(&self, channel: Channel) -> Result<(), ChannelNotAllowed> {
        let kind = self.kind();
        if kind.allows(channel) {
            Ok(())
        } else {
            Err(ChannelNotAllowed { kind, channel })
        }
    }
}

impl fmt::Display for Identifier {
    /// `kind:value`, e.g. `email:jane@example.com`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.kind(), self.as_str())
    }
}

/// The raw value given to an [`IdentifierBuilder`].
#[derive(Debug, Clone, PartialEq, Eq)]
enum RawId {
    Email(String),
    Phone(String),
    PushToken(String),
    Slack(String),
    MsTeams(String),
    Inbox(String),
    WebPush(String),
}

/// Builds an [`Identifier`] from raw strings, collecting every violation.
///
/// Set the value with one of [`email`](Self::email), [`phone`](Self::phone),
/// [`push_token`](Self::push_token), [`slack`](Self::slack),
/// [`ms_teams`](Self::ms_teams), [`inbox`](Self::inbox) or
/// [`web_push`](Self::web_push) (the last call wins), and channel states
/// with [`channel`](Self::channel). Paths of violations are relative to the
/// identifier: `/id`, `/channels/<name>`, `/channels/<name>/status`,
/// `/channels/<name>/statusDate` (see the [model docs](crate::model) for
/// the rule ids).
///
/// ```
/// use omnicontact::model::Identifier;
///
/// let report = Identifier::builder()
///     .email("a@b.example")
///     .channel("sms", "subscribed", None)
///     .channel("email", "Subscribed", Some("2024-13-01T00:00:00Z"))
///     .build()
///     .unwrap_err();
/// let found: Vec<_> = report.violations().iter().map(|v| (v.rule(), v.path())).collect();
/// assert_eq!(found, [
///     ("contact.identifiers.channels.enum", "/channels/sms"),
///     ("contact.identifiers.channels.status.enum", "/channels/email/status"),
///     ("contact.identifiers.channels.status_date.format", "/channels/email/statusDate"),
/// ]);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[must_use]
pub struct IdentifierBuilder {
    id: Option<RawId>,
    region: Option<PhoneRegion>,
    channels: Vec<(String, String, Option<String>)>,
}

/// Setters of the identifier's value, one for each kind of raw value:
/// `name => Variant` stores the input as `RawId::Variant`.
macro_rules! id_setters {
    ($( $(#[$doc:meta])* $name:ident => $variant:ident; )*) => {
        $(
            $(#[$doc])*
            pub fn $name(mut self, input: impl Into<String>) -> Self {
                self.id = Some(RawId::$variant(input.into()));
                self
            }
        )*
    };
}

impl IdentifierBuilder {
    id_setters! {
        /// Sets the value to an email address.
        ///
        /// ```
        /// # use omnicontact::model::Identifier;
        /// assert_eq!(Identifier::builder().email("x@Y.example").build()?.as_str(), "x@y.example");
        /// # Ok::<(), omnicontact::Report>(())
        /// ```
        email => Email;
        /// Sets the value to a phone number. A number without `+` is
        /// read in the [`region`](Self::region), or else in the country of the
        /// contact being built.
        ///
        /// ```
        /// # use omnicontact::model::Identifier;
        /// assert_eq!(Identifier::builder().phone("+44 20 7946 0018").build()?.as_str(), "+442079460018");
        /// # Ok::<(), omnicontact::Report>(())
        /// ```
        phone => Phone;
    }

    /// The region national phone numbers are read in: a
    /// [`CountryCode`] or a [`PhoneRegion`] (`XK`, …).
    ///
    /// ```
    /// use omnicontact::model::Identifier;
    /// use omnicontact::CountryCode;
    /// # #[cfg(feature = "phone")] {
    /// let id = Identifier::builder()
    ///     .phone("020 7946 0018")
    ///     .region(CountryCode::parse("GB").unwrap())
    ///     .build()?;
    /// assert_eq!(id.as_str(), "+442079460018");
    /// # }
    /// # Ok::<(), omnicontact::Report>(())
    /// ```
    pub fn region(mut self, region: impl Into<PhoneRegion>) -> Self {
        self.region = Some(region.into());
        self
    }

    id_setters! {
        /// Sets the value to an APNs or FCM push token.
        ///
        /// ```
        /// # use omnicontact::model::{Identifier, IdentifierKind};
        /// let id = Identifier::builder().push_token("AB".repeat(32)).build()?;
        /// assert_eq!(id.kind(), IdentifierKind::Apns);
        /// assert_eq!(id.as_str(), "ab".repeat(32));
        /// # Ok::<(), omnicontact::Report>(())
        /// ```
        push_token => PushToken;
        /// Sets the value to a Slack address (non-empty, trimmed).
        ///
        /// ```
        /// # use omnicontact::model::Identifier;
        /// assert_eq!(Identifier::builder().slack("C123").build()?.as_str(), "C123");
        /// # Ok::<(), omnicontact::Report>(())
        /// ```
        slack => Slack;
        /// Sets the value to an MS Teams address (non-empty, trimmed).
        ///
        /// ```
        /// # use omnicontact::model::Identifier;
        /// assert_eq!(Identifier::builder().ms_teams(" t ").build()?.as_str(), "t");
        /// # Ok::<(), omnicontact::Report>(())
        /// ```
        ms_teams => MsTeams;
        /// Sets the value to an inbox id (non-empty, trimmed).
        ///
        /// ```
        /// # use omnicontact::model::Identifier;
        /// assert_eq!(Identifier::builder().inbox("u1").build()?.as_str(), "u1");
        /// # Ok::<(), omnicontact::Report>(())
        /// ```
        inbox => Inbox;
        /// Sets the value to a web push subscription (non-empty, trimmed).
        ///
        /// ```
        /// # use omnicontact::model::Identifier;
        /// assert!(Identifier::builder().web_push("").build().is_err());
        /// ```
        web_push => WebPush;
    }

    /// Adds a channel state: a channel wire name, an Omnisend status and an
    /// optional status date (ISO 8601 with a zone, stored in UTC). A channel
    /// given twice is merged by the status-date rule
    /// ([`ChannelState::merge`]).
    ///
    /// ```
    /// use omnicontact::model::{Channel, ChannelStatus, Identifier};
    /// let id = Identifier::builder()
    ///     .email("a@b.example")
    ///     .channel("email", "subscribed", Some("2024-01-01T00:00:00Z"))
    ///     .channel("email", "unsubscribed", Some("2023-01-01T00:00:00Z"))
    ///     .build()?;
    /// assert_eq!(id.channel(Channel::Email).unwrap().status(), ChannelStatus::Subscribed);
    /// # Ok::<(), omnicontact::Report>(())
    /// ```
    pub fn channel(
        mut self,
        channel: impl Into<String>,
        status: impl Into<String>,
        date: Option<&str>,
    ) -> Self {
        self.channels
            .push((channel.into(), status.into(), date.map(str::to_owned)));
        self
    }

    /// Adds a channel state from typed values (see
    /// [`channel`](Self::channel), which takes strings): checked at
    /// [`build`](Self::build) like the strings, so a channel the
    /// identifier cannot carry is still an
    /// `contact.identifiers.channels.enum` error.
    ///
    /// ```
    /// use omnicontact::model::{Channel, ChannelState, ChannelStatus, Identifier};
    /// use omnicontact::UtcDateTime;
    ///
    /// let since = UtcDateTime::parse("2024-05-01T12:00:00+02:00")?;
    /// let id = Identifier::builder()
    ///     .email("a@b.example")
    ///     .channel_state(Channel::Email, ChannelState::new(ChannelStatus::Subscribed, Some(since.clone())))
    ///     .build()?;
    /// assert_eq!(id.channel(Channel::Email).unwrap().date(), Some(&since));
    ///
    /// let r = Identifier::builder()
    ///     .email("a@b.example")
    ///     .channel_state(Channel::Sms, ChannelState::new(ChannelStatus::Subscribed, None))
    ///     .build()
    ///     .unwrap_err();
    /// assert_eq!(r.violations()[0].rule(), "contact.identifiers.channels.enum");
    /// assert_eq!(r.violations()[0].path(), "/channels/sms");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[allow(clippy::needless_pass_by_value)] // a builder takes values, as `Identifier::set_channel`
    pub fn channel_state(mut self, channel: Channel, state: ChannelState) -> Self {
        self.channels.push((
            channel.as_str().to_owned(),
            state.status().as_str().to_owned(),
            state.date().map(|d| d.as_str().to_owned()),
        ));
        self
    }

    /// Validates and builds the identifier, or returns a [`Report`] with
    /// every violation.
    ///
    /// A warning (a phone number no numbering plan assigns) does not stop
    /// the build and is dropped; [`build_with_report`](Self::build_with_report)
    /// returns it. A failed build's report holds warnings too.
    ///
    /// ```
    /// use omnicontact::model::Identifier;
    /// let r = Identifier::builder().build().unwrap_err();
    /// assert_eq!(r.violations()[0].rule(), "contact.identifiers.id.required");
    /// assert_eq!(r.violations()[0].path(), "/id");
    /// ```
    pub fn build(self) -> Result<Identifier, Report> {
        self.build_with_report().map(|(id, _)| id)
    }

    /// [`build`](Self::build), also returning the warnings of a successful
    /// build (an empty, valid [`Report`] when there are none).
    ///
    /// ```
    /// use omnicontact::model::Identifier;
    /// let (id, warnings) = Identifier::builder().phone("+1 234 567 890").build_with_report()?;
    /// assert_eq!(id.as_str(), "+1234567890");
    /// # #[cfg(feature = "phone")] {
    /// assert!(warnings.is_valid()); // warnings only
    /// let w = &warnings.violations()[0];
    /// assert_eq!((w.rule(), w.path()), ("contact.identifiers.id.invalid_number", "/id"));
    /// # }
    /// # Ok::<(), omnicontact::Report>(())
    /// ```
    pub fn build_with_report(self) -> Result<(Identifier, Report), Report> {
        let mut c = Collector::new("");
        let id = self.check(&mut c, None, false);
        c.finish_with_report(id)
    }

    /// Checks the identifier into `c`. `shorthand`: the value is the
    /// contact's `/email` or `/phone` (already prefixed in `c`), reported
    /// with the shorthand member's rule at the prefix itself.
    pub(crate) fn check(
        self,
        c: &mut Collector,
        default_region: Option<&CountryCode>,
        shorthand: bool,
    ) -> Option<Identifier> {
        let id_path: &[&str] = if shorthand { &[] } else { &["id"] };
        let value = match self.id {
            None => {
                c.report(
                    rules::CONTACT_IDENTIFIERS_ID_REQUIRED,
                    id_path,
                    "an identifier needs a value (an email, a phone, a push token, …)".to_owned(),
                )
                .set_param("member", "id".into());
                None
            }
            Some(raw) => check_value(
                c,
                id_path,
                raw,
                self.region.or(default_region.map(PhoneRegion::from)),
                shorthand,
            ),
        };
        let kind = value.as_ref().map(IdentifierValue::kind);
        let mut channels: Vec<(Channel, ChannelState)> = Vec::new();
        let mut channels_ok = true;
        for (name, status, date) in self.channels {
            match check_channel(c, kind, &name, &status, date.as_deref()) {
                Some((channel, state)) => {
                    match channels.iter_mut().find(|(ch, _)| *ch == channel) {
                        Some((_, s)) => {
                            s.merge(state);
                        }
                        None => channels.push((channel, state)),
                    }
                }
                None => channels_ok = false,
            }
        }
        match value {
            Some(value) if channels_ok => Some(Identifier { value, channels }),
            _ => None,
        }
    }
}

impl From<Identifier> for IdentifierBuilder {
    /// A builder holding the identifier's (normalized) value and channel
    /// states, so a built identifier can be passed where a builder is taken.
    fn from(id: Identifier) -> Self {
        let raw = match id.value {
            IdentifierValue::Email(e) => RawId::Email(e.as_str().to_owned()),
            IdentifierValue::Phone(p) => RawId::Phone(p.as_str().to_owned()),
            IdentifierValue::PushToken(t) => RawId::PushToken(t.as_str().to_owned()),
            IdentifierValue::Slack(s) => RawId::Slack(s),
            IdentifierValue::MsTeams(s) => RawId::MsTeams(s),
            IdentifierValue::Inbox(s) => RawId::Inbox(s),
            IdentifierValue::WebPush(s) => RawId::WebPush(s),
        };
        IdentifierBuilder {
            id: Some(raw),
            region: None,
            channels: id
                .channels
                .into_iter()
                .map(|(ch, st)| {
                    (
                        ch.as_str().to_owned(),
                        st.status().as_str().to_owned(),
                        st.date().map(|d| d.as_str().to_owned()),
                    )
                })
                .collect(),
        }
    }
}

fn check_value(
    c: &mut Collector,
    path: &[&str],
    raw: RawId,
    region: Option<PhoneRegion>,
    shorthand: bool,
) -> Option<IdentifierValue> {
    let text = |what: &str, c: &mut Collector, s: String| {
        let t = trim(&s);
        if t.is_empty() {
            c.report(
                rules::CONTACT_IDENTIFIERS_ID_FORMAT,
                path,
                format!("the {what} identifier may not be empty"),
            )
            .found(s.as_str());
            None
        } else {
            Some(t.to_owned())
        }
    };
    // The contact's shorthand `/email` / `/phone` has rules of its own;
    // everything else is the identifier's `id`.
    let (email_format, phone_format, invalid_number) = if shorthand {
        (
            rules::CONTACT_EMAIL_FORMAT,
            rules::CONTACT_PHONE_FORMAT,
            rules::CONTACT_PHONE_INVALID_NUMBER,
        )
    } else {
        (
            rules::CONTACT_IDENTIFIERS_ID_FORMAT,
            rules::CONTACT_IDENTIFIERS_ID_FORMAT,
            rules::CONTACT_IDENTIFIERS_ID_INVALID_NUMBER,
        )
    };
    match raw {
        RawId::Email(s) => Email::parse(&s)
            .map_err(|e| {
                c.report(
                    email_format,
                    path,
                    format!("not a valid email address: {e}"),
                )
                .found(s.as_str());
            })
            .ok()
            .map(IdentifierValue::Email),
        RawId::Phone(s) => {
            let phone = Phone::parse_with_region(&s, region)
                .map_err(|e| {
                    c.report(phone_format, path, format!("not a valid phone number: {e}"))
                        .found(s.as_str());
                })
                .ok()?;
            if let Some(message) = phone.unassigned_warning() {
                c.report(invalid_number, path, message).found(s.as_str());
            }
            Some(IdentifierValue::Phone(phone))
        }
        RawId::PushToken(s) => PushToken::parse(&s)
            .map_err(|e| {
                c.report(
                    rules::CONTACT_IDENTIFIERS_ID_FORMAT,
                    path,
                    format!("not a valid push token: {e}"),
                )
                .found(s.as_str());
            })
            .ok()
            .map(IdentifierValue::PushToken),
        RawId::Slack(s) => text("Slack", c, s).map(IdentifierValue::Slack),
        RawId::MsTeams(s) => text("MS Teams", c, s).map(IdentifierValue::MsTeams),
        RawId::Inbox(s) => text("inbox", c, s).map(IdentifierValue::Inbox),
        RawId::WebPush(s) => text("web push", c, s).map(IdentifierValue::WebPush),
    }
}

/// The channel's state object as the contact's JSON holds it (`status`,
/// and `statusDate` when given).
fn state_json(status: &str, date: Option<&str>) -> serde_json::Value {
    let mut state = serde_json::Map::new();
    state.insert("status".to_owned(), status.into());
    if let Some(date) = date {
        state.insert("statusDate".to_owned(), date.into());
    }
    serde_json::Value::Object(state)
}

fn check_channel(
    c: &mut Collector,
    kind: Option<IdentifierKind>,
    name: &str,
    status: &str,
    date: Option<&str>,
) -> Option<(Channel, ChannelState)> {
    let channel = match name.parse::<Channel>() {
        Ok(ch) => match kind {
            Some(kind) if !kind.allows(ch) => {
                Err(ChannelNotAllowed { kind, channel: ch }.to_string())
            }
            _ => Ok(ch),
        },
        Err(e) => Err(e.to_string()),
    };
    let channel = match channel {
        Ok(ch) => Some(ch),
        Err(message) => {
            let v = c.report(
                rules::CONTACT_IDENTIFIERS_CHANNELS_ENUM,
                &["channels", name],
                message,
            );
            v.set_param("channel", name.into());
            v.found(state_json(status, date));
            None
        }
    };
    let status = status
        .parse::<ChannelStatus>()
        .map_err(|e| {
            c.report(
                rules::CONTACT_IDENTIFIERS_CHANNELS_STATUS_ENUM,
                &["channels", name, "status"],
                e.to_string(),
            )
            .found(status);
        })
        .ok();
    let date = match date.map(UtcDateTime::parse) {
        None => Some(None),
        Some(Ok(d)) => Some(Some(d)),
        Some(Err(e)) => {
            c.report(
                rules::CONTACT_IDENTIFIERS_CHANNELS_STATUS_DATE_FORMAT,
                &["channels", name, "statusDate"],
                format!("not a valid status date: {e}"),
            )
            .found(date.unwrap_or_default());
            None
        }
    };
    Some((channel?, ChannelState::new(status?, date?)))
}
