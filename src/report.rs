//! What validation found: [`Violation`]s, normalization [`Change`]s and the
//! normalized body, gathered in a [`Report`].
//!
//! Every violation and change carries a [`Location`] (which part of the
//! request it is about) and an [RFC 6901] JSON Pointer path into that part.
//!
//! ```
//! use omnicontact::{Provider, Severity, Validator};
//!
//! let report = Validator::new(Provider::Omnisend)
//!     .validate_str(r#"{"email":"jane@example.com","tags":["source: shop"],"gender":"x"}"#);
//! assert!(!report.is_valid());
//! let v = &report.violations()[0];
//! assert_eq!(v.rule(), "omnisend.gender.enum");
//! assert_eq!(v.severity(), Severity::Error);
//! assert_eq!(v.path(), "/gender");
//! ```
//!
//! [RFC 6901]: https://www.rfc-editor.org/rfc/rfc6901

use std::fmt;

use serde::Serialize;
use serde_json::Value;

use crate::rules::RuleInfo;

/// How serious a violation is.
///
/// A report is valid when it holds no [`Severity::Error`]; warnings never
/// block.
///
/// ```
/// use omnicontact::Severity;
/// assert_eq!(Severity::Warning.as_str(), "warning");
/// assert!(Severity::Error > Severity::Warning);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The provider accepts the request, but it is very likely a mistake or
    /// loses information.
    Warning,
    /// The provider would reject the request, or silently drop or alter the
    /// data.
    Error,
}

impl Severity {
    /// The lowercase name used on the wire: `"error"` or `"warning"`.
    ///
    /// ```
    /// assert_eq!(omnicontact::Severity::Error.as_str(), "error");
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

crate::values::display_as!(Severity);

/// Which part of a request a violation or change is about (`"in"` on the
/// wire).
///
/// ```
/// use omnicontact::Location;
/// assert_eq!(Location::Header.as_str(), "header");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Location {
    /// The JSON request body.
    Body,
    /// A path parameter (`/<name>`).
    Path,
    /// A query parameter (`/<name>`).
    Query,
    /// A request header (`/<Header-Name>`).
    Header,
    /// The body produced by converting to another provider.
    Converted,
}

impl Location {
    /// The lowercase name used on the wire.
    ///
    /// ```
    /// assert_eq!(omnicontact::Location::Body.as_str(), "body");
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Location::Body => "body",
            Location::Path => "path",
            Location::Query => "query",
            Location::Header => "header",
            Location::Converted => "converted",
        }
    }
}

crate::values::display_as!(Location);

/// One broken rule: where, which rule, how bad, why, and what was probably
/// meant.
///
/// ```
/// use omnicontact::{Provider, Validator};
///
/// let report = Validator::new(Provider::Omnisend)
///     .validate_str(r#"{"email":"a@b.co","tags":["source: x"],"firstNmae":"Jo"}"#);
/// let v = &report.violations()[0];
/// assert_eq!(v.rule(), "omnisend.body.unknown_field");
/// assert_eq!(v.path(), "/firstNmae");
/// assert_eq!(v.suggestion(), Some("firstName"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Violation {
    rule: &'static RuleInfo,
    /// The effective severity: the rule's, or the one a policy gave it.
    severity: Severity,
    location: Location,
    path: String,
    message: String,
    suggestion: Option<String>,
    /// Named values the message is built from.
    params: Vec<(&'static str, Value)>,
}

impl Violation {
    /// A violation of `rule` at `path` (an RFC 6901 JSON Pointer into the
    /// part `location` names; `""` for the whole part), with the rule's
    /// severity and no suggestion: for a service adding its own findings to
    /// a [`Report`] ([`Report::push`]), with a catalog rule or one of its own
    /// ([`RuleInfo::custom`](crate::rules::RuleInfo::custom)).
    ///
    /// ```
    /// use omnicontact::rules::RuleInfo;
    /// use omnicontact::{Location, Severity, Violation};
    ///
    /// static PLAN: RuleInfo = RuleInfo::custom("acme.plan.required", Severity::Error, "a plan is set");
    /// let v = Violation::new(&PLAN, Location::Body, "/fields/plan", "every contact needs a plan")
    ///     .with_suggestion("free");
    /// assert_eq!(v.rule(), "acme.plan.required");
    /// assert_eq!(v.severity(), Severity::Error);
    /// assert_eq!(v.suggestion(), Some("free"));
    /// ```
    #[must_use]
    pub fn new(
        rule: &'static RuleInfo,
        location: Location,
        path: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        let (path, message) = (path.into(), message.into());
        Violation {
            rule,
            severity: rule.severity(),
            location,
            path,
            message,
            suggestion: None,
            params: Vec::new(),
        }
    }

    /// The stable rule id, e.g. `"omnisend.tags.max_items"`.
    ///
    /// ```
    /// # use omnicontact::{Provider, Validator};
    /// let r = Validator::new(Provider::Omnisend).validate_str("[]");
    /// assert_eq!(r.violations()[0].rule(), "input.body.type");
    /// ```
    #[must_use]
    pub fn rule(&self) -> &'static str {
        self.rule.id()
    }

    /// The catalog entry of the rule.
    ///
    /// ```
    /// # use omnicontact::{Provider, Validator};
    /// let r = Validator::new(Provider::Omnisend).validate_str("[]");
    /// assert_eq!(r.violations()[0].info().provider(), "input");
    /// ```
    #[must_use]
    pub fn info(&self) -> &'static RuleInfo {
        self.rule
    }

    /// The violation's severity: the rule's
    /// ([`RuleInfo::severity`](crate::rules::RuleInfo::severity)), unless
    /// the validator's [`Policy`](crate::Policy) gave the rule another
    /// (the report's JSON gives this one too).
    ///
    /// ```
    /// # use omnicontact::{Options, Provider, Severity, Validator};
    /// let r = Validator::new(Provider::Omnisend).validate_str("[]");
    /// assert_eq!(r.violations()[0].severity(), Severity::Error);
    ///
    /// let body = r#"{"email":"a@b.co","tags":["source: x"],"gender":"x"}"#;
    /// let options = Options::new().rule_level("omnisend.gender.enum", omnicontact::policy::Level::Warning)?;
    /// let r = Validator::new(Provider::Omnisend).with_options(options).validate_str(body);
    /// assert_eq!(r.violations()[0].severity(), Severity::Warning);
    /// assert_eq!(r.violations()[0].info().severity(), Severity::Error); // the catalog's
    /// # Ok::<(), omnicontact::policy::PolicyError>(())
    /// ```
    #[must_use]
    pub fn severity(&self) -> Severity {
        self.severity
    }

    /// Which part of the request the violation is about.
    ///
    /// ```
    /// # use omnicontact::{Location, Provider, Validator};
    /// let r = Validator::new(Provider::Omnisend).validate_str("[]");
    /// assert_eq!(r.violations()[0].location(), Location::Body);
    /// ```
    #[must_use]
    pub fn location(&self) -> Location {
        self.location
    }

    /// RFC 6901 JSON Pointer into the part named by [`Violation::location`];
    /// `""` is the whole part.
    ///
    /// ```
    /// # use omnicontact::{Provider, Validator};
    /// let r = Validator::new(Provider::Omnisend).validate_str("[]");
    /// assert_eq!(r.violations()[0].path(), "");
    /// ```
    #[must_use]
    pub fn path(&self) -> &str {
        &self.path
    }

    /// A human-readable explanation (lowercase, no trailing period),
    /// written for the people a service shows it to — support staff, or
    /// the end user who filled a form — in plain text:
    ///
    /// - values and member names are in single quotes, invisible and
    ///   control characters escaped: `'FCM\u{200b}' is not an Android push
    ///   provider; expected one of 'fcm', 'xiaomi', 'oppo'; did you mean
    ///   'fcm'?`; an empty value is `an empty string`;
    /// - no Markdown (no backticks), no command-line flags, no Rust API
    ///   names: where the fix is a setting of the service, the message says
    ///   so in words (`… needs a region to be read in: the contact's
    ///   country, or a default region set by the service`);
    /// - formats are written out (`not a YYYY-MM-DD date`).
    ///
    /// The same holds for [`suggestion`](Self::suggestion) and for the
    /// `Display` of the value types' errors that messages embed
    /// ([`EmailError`](crate::values::EmailError), [`PhoneError`](crate::values::PhoneError),
    /// …). A message's wording may improve between versions: match on
    /// [`rule`](Self::rule) and [`path`](Self::path), not on the text.
    ///
    /// ```
    /// # use omnicontact::{Provider, Validator};
    /// let r = Validator::new(Provider::Omnisend).validate_str("[]");
    /// assert!(r.violations()[0].message().contains("object"));
    ///
    /// let r = Validator::new(Provider::Suprsend)
    ///     .validate_str(r#"{"$androidpush":[{"token":"t","provider":"opo"}]}"#);
    /// assert_eq!(
    ///     r.violations()[0].message(),
    ///     "'opo' is not an Android push provider; expected one of 'fcm', 'xiaomi', 'oppo'; did you mean 'oppo'?"
    /// );
    /// ```
    #[must_use]
    pub fn message(&self) -> &str {
        &self.message
    }

    /// What was probably meant, when something close is known (a member
    /// name, a country code…).
    ///
    /// ```
    /// # use omnicontact::{Provider, Validator};
    /// let r = Validator::new(Provider::Omnisend)
    ///     .validate_str(r#"{"email":"a@b.co","countryCode":"UK"}"#);
    /// let v = r.violations().iter().find(|v| v.rule() == "omnisend.country_code.format").unwrap();
    /// assert_eq!(v.suggestion(), Some("GB"));
    /// ```
    #[must_use]
    pub fn suggestion(&self) -> Option<&str> {
        self.suggestion.as_deref()
    }

    /// Moves the violation to `location`.
    pub(crate) fn relocate(&mut self, location: Location) {
        self.location = location;
    }

    /// The same violation at another location (a converted body's).
    pub(crate) fn relocated(mut self, location: Location) -> Self {
        self.relocate(location);
        self
    }

    /// The same violation with the severity a policy gave its rule.
    pub(crate) fn with_severity(mut self, severity: Severity) -> Self {
        self.severity = severity;
        self
    }

    pub(crate) fn with_suggestion_opt(mut self, suggestion: Option<String>) -> Self {
        self.suggestion = suggestion;
        self
    }

    /// The same violation with a suggestion (a value or a member name to
    /// use instead).
    ///
    /// ```
    /// use omnicontact::{Location, Violation, rules};
    /// let v = Violation::new(rules::OMNISEND_EMAIL_FORMAT, Location::Body, "/email", "not an email")
    ///     .with_suggestion("jane@example.com");
    /// assert_eq!(v.suggestion(), Some("jane@example.com"));
    /// ```
    #[must_use]
    pub fn with_suggestion(mut self, suggestion: impl Into<String>) -> Self {
        self.suggestion = Some(suggestion.into());
        self
    }

    /// The values the violation is about, by name, for a service that
    /// writes its own message (in its users' language) from the rule id
    /// and these. Every violation the crate reports about a value that is
    /// there has `found` or `count` (but `input.body.max_length` and
    /// `input.body.max_depth`: the document is not read past its limits);
    /// each rule adds what its check needs:
    ///
    /// | name | value |
    /// |---|---|
    /// | `found` | the value as written (for a builder, as given to it: its numbers are doubles), when a string (cut after 256 characters, then `…`), number, boolean or `null` |
    /// | `count` | how many items (array) or members (object) the value has, when it is one |
    /// | `expected` | what the rule expects, in words (`a string`, `an object`) |
    /// | `found_type` | the JSON type found: `null`, `boolean`, `number`, `string`, `array`, `object` |
    /// | `allowed` | the values allowed, a list |
    /// | `limit` | the most allowed: characters (`*.max_length`), items (`*.max_items`), bytes or levels (`input.body.*`), violations or changes of a rule (`input.report.truncated`) |
    /// | `length` | the length found, with `limit`: characters, or bytes for `input.body.max_length` |
    /// | `min`, `max` | the range of an integer (`*.range`) |
    /// | `member` | the name of a required member that is missing |
    /// | `name` | the custom property name that is not allowed (`contact.custom_properties.name.format`) |
    /// | `channel` | the channel name that is not allowed (`contact.identifiers.channels.enum`) |
    /// | `duplicate_of` | the index of the item this one repeats (`*.unique`) |
    /// | `read` | the double a number is read as (`input.number.precision`; `found` is the number as written, a string) |
    /// | `more`, `rule` | how many more of `rule` were left out (`input.report.truncated`) |
    ///
    /// The report's JSON has them under `params`.
    ///
    /// ```
    /// use omnicontact::{Provider, Validator};
    /// use serde_json::json;
    ///
    /// let tags: Vec<String> = (0..101).map(|i| format!("t{i}")).collect();
    /// let body = json!({"email": "a@b.co", "tags": tags, "gender": "x"});
    /// let report = Validator::new(Provider::Omnisend).validate_value(body);
    /// let gender = report.violations().iter().find(|v| v.rule() == "omnisend.gender.enum").unwrap();
    /// assert_eq!(gender.param("found"), Some(&json!("x")));
    /// assert_eq!(gender.param("allowed"), Some(&json!(["m", "f"])));
    /// ```
    #[must_use]
    pub fn params(&self) -> &[(&'static str, Value)] {
        &self.params
    }

    /// The parameter `name`, if the violation has it
    /// ([`params`](Violation::params)).
    ///
    /// ```
    /// use omnicontact::{Provider, Validator};
    /// let report = Validator::new(Provider::Omnisend).validate_str(r#"{"email": 5}"#);
    /// let v = &report.violations()[0];
    /// assert_eq!(v.rule(), "omnisend.email.type");
    /// assert_eq!(v.param("found_type").and_then(|t| t.as_str()), Some("number"));
    /// assert_eq!(v.param("found").and_then(|t| t.as_i64()), Some(5));
    /// ```
    #[must_use]
    pub fn param(&self, name: &str) -> Option<&Value> {
        self.params.iter().find(|(n, _)| *n == name).map(|(_, v)| v)
    }

    /// The same violation with the parameter `name` set to `value`
    /// (replacing one of that name), for a service's own violations.
    ///
    /// ```
    /// use omnicontact::rules::RuleInfo;
    /// use omnicontact::{Location, Severity, Violation};
    ///
    /// static PLAN: RuleInfo = RuleInfo::custom("acme.plan.enum", Severity::Error, "a known plan");
    /// let v = Violation::new(&PLAN, Location::Body, "/plan", "not a plan we sell")
    ///     .with_param("found", "gold")
    ///     .with_param("allowed", vec!["free", "pro"]);
    /// assert_eq!(v.param("found").and_then(|f| f.as_str()), Some("gold"));
    /// assert_eq!(v.params().len(), 2);
    /// ```
    #[must_use]
    pub fn with_param(mut self, name: &'static str, value: impl Into<Value>) -> Self {
        self.set_param(name, value.into());
        self
    }

    /// Sets `found` (or `count`) to the value the violation is about.
    pub(crate) fn found(&mut self, value: impl Into<Value>) {
        let (name, value) = crate::engine::found_params(&value.into());
        self.set_param(name, value);
    }

    pub(crate) fn set_param(&mut self, name: &'static str, value: Value) {
        match self.params.iter_mut().find(|(n, _)| *n == name) {
            Some((_, v)) => *v = value,
            None => self.params.push((name, value)),
        }
    }
}

impl fmt::Display for Violation {
    /// `error omnisend.tags.max_items at body /tags: …`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {} at {} {}: {}",
            self.severity(),
            self.rule(),
            self.location,
            if self.path.is_empty() {
                "\"\""
            } else {
                &self.path
            },
            self.message
        )?;
        if let Some(s) = &self.suggestion
            && !self.message.contains("did you mean")
        {
            write!(f, " (did you mean '{s}'?)")?;
        }
        Ok(())
    }
}

impl Serialize for Violation {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("Violation", 7)?;
        s.serialize_field("rule", self.rule())?;
        s.serialize_field("severity", &self.severity())?;
        s.serialize_field("in", &self.location)?;
        s.serialize_field("path", &self.path)?;
        s.serialize_field("message", &self.message)?;
        s.serialize_field("suggestion", &self.suggestion)?;
        s.serialize_field("params", &Params(&self.params))?;
        s.end()
    }
}

/// A violation's parameters, serialized as an object in their order.
struct Params<'a>(&'a [(&'static str, Value)]);

impl Serialize for Params<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (name, value) in self.0 {
            map.serialize_entry(name, value)?;
        }
        map.end()
    }
}

/// One value that normalization changed: `from` was replaced by `to`.
///
/// ```
/// use omnicontact::{Provider, Validator};
/// use serde_json::json;
///
/// let report = Validator::new(Provider::Omnisend)
///     .validate_str(r#"{"email":" Jane@Example.COM ","tags":["source: x"]}"#);
/// let c = &report.changes()[0];
/// assert_eq!(c.rule(), "omnisend.email.format");
/// assert_eq!(c.path(), "/email");
/// assert_eq!(c.from(), &json!(" Jane@Example.COM "));
/// assert_eq!(c.to(), &json!("Jane@Example.COM"));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    rule: &'static RuleInfo,
    location: Location,
    path: String,
    from: Value,
    to: Value,
}

impl Change {
    pub(crate) fn new(
        rule: &'static RuleInfo,
        location: Location,
        path: String,
        from: Value,
        to: Value,
    ) -> Self {
        Change {
            rule,
            location,
            path,
            from,
            to,
        }
    }

    /// The same change at another location (a converted body's).
    pub(crate) fn relocated(mut self, location: Location) -> Self {
        self.location = location;
        self
    }

    /// The catalog entry of the rule.
    pub(crate) fn info(&self) -> &'static RuleInfo {
        self.rule
    }

    /// The id of the rule that governs the value (its `format` rule, or the
    /// `coerced` / `lossy` / `unique` rule that caused the change).
    ///
    /// ```
    /// # use omnicontact::{Provider, Validator};
    /// let r = Validator::new(Provider::Omnisend)
    ///     .validate_str(r#"{"phone":"+44 20 7946 0018","tags":["source: x"]}"#);
    /// assert_eq!(r.changes()[0].rule(), "omnisend.phone.format");
    /// ```
    #[must_use]
    pub fn rule(&self) -> &'static str {
        self.rule.id()
    }

    /// Which part of the request was changed.
    ///
    /// ```
    /// # use omnicontact::{Location, Provider, Validator};
    /// let r = Validator::new(Provider::Omnisend)
    ///     .validate_str(r#"{"phone":"+44 20 7946 0018","tags":["source: x"]}"#);
    /// assert_eq!(r.changes()[0].location(), Location::Body);
    /// ```
    #[must_use]
    pub fn location(&self) -> Location {
        self.location
    }

    /// RFC 6901 JSON Pointer to the changed value.
    ///
    /// ```
    /// # use omnicontact::{Provider, Validator};
    /// let r = Validator::new(Provider::Omnisend)
    ///     .validate_str(r#"{"phone":"+44 20 7946 0018","tags":["source: x"]}"#);
    /// assert_eq!(r.changes()[0].path(), "/phone");
    /// ```
    #[must_use]
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The value as sent. For an `input.number.precision` change (a number
    /// a double cannot hold, read as the nearest double) it is the number
    /// as written, given as a string: no JSON number value holds it.
    ///
    /// ```
    /// # use omnicontact::{Provider, Validator};
    /// let r = Validator::new(Provider::Omnisend)
    ///     .validate_str(r#"{"phone":"+44 20 7946 0018","tags":["source: x"]}"#);
    /// assert_eq!(r.changes()[0].from(), "+44 20 7946 0018");
    ///
    /// let r = Validator::new(Provider::Sendios)
    ///     .validate_str(r#"{"client_user_id":"u1","fields":{"n":18446744073709551616}}"#);
    /// assert_eq!(r.changes()[0].rule(), "input.number.precision");
    /// assert_eq!(r.changes()[0].from(), "18446744073709551616");
    /// assert_eq!(r.changes()[0].to().to_string(), "1.8446744073709552e+19");
    /// ```
    #[must_use]
    pub fn from(&self) -> &Value {
        &self.from
    }

    /// The normalized value.
    ///
    /// ```
    /// # use omnicontact::{Provider, Validator};
    /// let r = Validator::new(Provider::Omnisend)
    ///     .validate_str(r#"{"phone":"+44 20 7946 0018","tags":["source: x"]}"#);
    /// assert_eq!(r.changes()[0].to(), "+442079460018");
    /// ```
    #[must_use]
    pub fn to(&self) -> &Value {
        &self.to
    }
}

impl fmt::Display for Change {
    /// `omnisend.email.format at body /email: "A@X.COM" -> "A@x.com"`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} at {} {}: {} -> {}",
            self.rule(),
            self.location,
            if self.path.is_empty() {
                "\"\""
            } else {
                &self.path
            },
            self.from,
            self.to
        )
    }
}

impl Serialize for Change {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("Change", 5)?;
        s.serialize_field("rule", self.rule())?;
        s.serialize_field("in", &self.location)?;
        s.serialize_field("path", &self.path)?;
        s.serialize_field("from", &self.from)?;
        s.serialize_field("to", &self.to)?;
        s.end()
    }
}

/// Everything validation found in one document: every violation (nothing is
/// fail-fast), every change normalization made, and the normalized body
/// when the document is valid.
///
/// ```
/// use omnicontact::{Provider, Validator};
///
/// let report = Validator::new(Provider::Omnisend).validate_str(
///     r#"{"email":"jane@example.com","countryCode":"ltu","tags":["source: crm"]}"#,
/// );
/// assert!(report.is_valid());
/// assert_eq!(report.normalized().unwrap()["countryCode"], "LT");
/// ```
#[derive(Debug, Clone, PartialEq, Default)]
#[must_use]
pub struct Report {
    violations: Vec<Violation>,
    changes: Vec<Change>,
    // Boxed: a report is a common `Err` type (`Contact::builder().build()`)
    // and stays small (88 bytes) to be cheap to return.
    normalized: Option<Box<Value>>,
    provider_error: Option<Box<Value>>,
    converted: Option<Box<Value>>,
    converted_path: Option<Box<Value>>,
}

impl Report {
    pub(crate) fn from_parts(
        violations: Vec<Violation>,
        changes: Vec<Change>,
        normalized: Value,
    ) -> Self {
        Report::from_kept(violations, changes, Some(Box::new(normalized)))
    }

    /// [`from_parts`](Self::from_parts) with the normalized value already
    /// boxed (as [`into_parts`](Self::into_parts) gives it), or none.
    pub(crate) fn from_kept(
        violations: Vec<Violation>,
        changes: Vec<Change>,
        normalized: Option<Box<Value>>,
    ) -> Self {
        let valid = violations.iter().all(|v| v.severity() != Severity::Error);
        Report {
            violations,
            changes,
            normalized: normalized.filter(|_| valid),
            provider_error: None,
            converted: None,
            converted_path: None,
        }
    }

    /// The message of the first violation, for a value refused as a whole
    /// ("not accepted" when there is none).
    pub(crate) fn first_message(&self) -> String {
        self.violations
            .first()
            .map_or_else(|| "not accepted".to_owned(), |v| v.message().to_owned())
    }

    /// The violations, changes and normalized value, taken apart (a
    /// conversion builds its report from the source's).
    pub(crate) fn into_parts(self) -> (Vec<Violation>, Vec<Change>, Option<Box<Value>>) {
        (self.violations, self.changes, self.normalized)
    }

    /// Sets the provider's own error body, kept only on an invalid report.
    pub(crate) fn with_provider_error(mut self, error: Option<Value>) -> Self {
        if !self.is_valid() {
            self.provider_error = error.map(Box::new);
        }
        self
    }

    /// The exact error body the provider would answer for this request,
    /// when the report is invalid and the provider's answer is known
    /// (Rocket.Chat: its 400 body for the first error in its own order, or
    /// its 401 body when only the credentials are missing).
    ///
    /// ```
    /// # use omnicontact::{Provider, Validator};
    /// let r = Validator::new(Provider::RocketChat).validate_str(r#"{"name":"John","phones":[]}"#);
    /// assert_eq!(
    ///     r.provider_error().unwrap()["error"],
    ///     "must have required property 'emails' [invalid-params]"
    /// );
    /// ```
    #[must_use]
    pub fn provider_error(&self) -> Option<&Value> {
        self.provider_error.as_deref()
    }

    /// Sets the converted body and its path parameters.
    pub(crate) fn with_conversion(mut self, converted: Box<Value>, path: Option<Value>) -> Self {
        self.converted = Some(converted);
        self.converted_path = path.map(Box::new);
        self
    }

    /// Sets the provider's own error body regardless of where the errors
    /// are (a converted body's).
    pub(crate) fn with_target_error(mut self, error: Option<Value>) -> Self {
        if error.is_some() {
            self.provider_error = error.map(Box::new);
        }
        self
    }

    /// The converted body of [`Validator::convert_str`](crate::Validator::convert_str)
    /// and its siblings: the target's body, normalized by the target's
    /// rules when it has no error (else as converted). `None` when no
    /// conversion happened (the source is invalid, or the report comes
    /// from a `validate_*` method).
    ///
    /// ```
    /// use omnicontact::{Provider, Validator};
    ///
    /// let r = Validator::new(Provider::RocketChat)
    ///     .convert_str(r#"{"name":"Jane Doe","emails":["jane@example.com"],"phones":[]}"#, Provider::Raia);
    /// assert_eq!(r.converted().unwrap()["lastName"], "Doe");
    /// let invalid = Validator::new(Provider::RocketChat).convert_str("{}", Provider::Raia);
    /// assert!(invalid.converted().is_none());
    /// ```
    #[must_use]
    pub fn converted(&self) -> Option<&Value> {
        self.converted.as_deref()
    }

    /// The path parameters of the converted request, for a target that
    /// takes contact data in its path: `SuprSend`'s `{"distinct_id": …}`
    /// (from the contact's external id; `{}` when it has none, which is a
    /// `suprsend.distinct_id.required` error). `None` for other targets.
    ///
    /// ```
    /// use omnicontact::{Provider, Validator};
    ///
    /// let r = Validator::new(Provider::Sendios)
    ///     .convert_str(r#"{"client_user_id":"crm-1","email":"a@example.com"}"#, Provider::Suprsend);
    /// assert_eq!(r.converted_path().unwrap()["distinct_id"], "crm-1");
    /// assert!(r.is_valid());
    /// ```
    #[must_use]
    pub fn converted_path(&self) -> Option<&Value> {
        self.converted_path.as_deref()
    }

    /// A report holding one violation and no normalized body.
    pub(crate) fn single(
        rule: &'static RuleInfo,
        location: Location,
        path: &str,
        message: String,
    ) -> Self {
        Report::from_parts(
            vec![Violation::new(rule, location, path.to_owned(), message)],
            Vec::new(),
            Value::Null,
        )
    }

    /// A report holding the given violations, no changes and no normalized
    /// body: what the typed models' builders (`crate::model`) return when
    /// raw input does not make a valid value. Valid only when `violations`
    /// holds no error.
    /// The same report with parameter `name` set on its first violation.
    pub(crate) fn with_param(mut self, name: &'static str, value: impl Into<Value>) -> Self {
        if let Some(v) = self.violations.first_mut() {
            v.set_param(name, value.into());
        }
        self
    }

    pub(crate) fn from_violations(violations: Vec<Violation>) -> Self {
        Report::from_parts(violations, Vec::new(), Value::Null)
    }

    /// `true` when no violation is an error (warnings never block).
    ///
    /// ```
    /// # use omnicontact::{Provider, Validator};
    /// assert!(!Validator::new(Provider::Omnisend).validate_str("{}").is_valid());
    /// assert!(omnicontact::Report::default().is_valid()); // nothing reported
    /// ```
    #[must_use]
    pub fn is_valid(&self) -> bool {
        self.violations
            .iter()
            .all(|v| v.severity() != Severity::Error)
    }

    /// Adds a violation your service found (its own rule or a catalog
    /// one), after those of validation. An error makes the report invalid:
    /// [`Report::normalized`] is then `None`, as for any invalid report, so
    /// nothing invalid is sent by mistake (a conversion's body stays, as it
    /// does when the target's rules find an error).
    ///
    /// ```
    /// use omnicontact::rules::RuleInfo;
    /// use omnicontact::{Location, Provider, Severity, Validator, Violation};
    ///
    /// static PLAN: RuleInfo = RuleInfo::custom("acme.plan.required", Severity::Error, "a plan is set");
    /// let mut report = Validator::new(Provider::Sendios).validate_str(r#"{"client_user_id":"u1"}"#);
    /// assert!(report.is_valid());
    /// report.push(Violation::new(&PLAN, Location::Body, "/fields", "every contact needs a plan"));
    /// assert!(!report.is_valid());
    /// assert_eq!(report.normalized(), None);
    /// assert_eq!(report.violations().last().unwrap().rule(), "acme.plan.required");
    /// ```
    pub fn push(&mut self, violation: Violation) {
        let error = violation.severity() == Severity::Error;
        self.violations.push(violation);
        if error {
            self.normalized = None;
        }
    }

    /// Every violation, in document order (members of an object in the
    /// order written with `serde_json`'s `preserve_order` feature, see the
    /// crate's `preserve_order` feature; otherwise in name order).
    ///
    /// ```
    /// # use omnicontact::{Provider, Validator};
    /// let r = Validator::new(Provider::Omnisend).validate_str(r#"{"gender":"x","birthdate":"1990-02-30"}"#);
    /// let ids: Vec<_> = r.violations().iter().map(|v| v.rule()).collect();
    /// assert_eq!(ids, ["omnisend.gender.enum", "omnisend.birthdate.format", "omnisend.body.required", "omnisend.tags.advice"]);
    /// ```
    #[must_use]
    pub fn violations(&self) -> &[Violation] {
        &self.violations
    }

    /// The violations whose severity is [`Severity::Error`].
    ///
    /// ```
    /// # use omnicontact::{Provider, Validator};
    /// let r = Validator::new(Provider::Omnisend).validate_str(r#"{"email":"a@b.co"}"#);
    /// assert_eq!(r.errors().count(), 0);
    /// assert_eq!(r.warnings().count(), 1); // no `source:` tag
    /// ```
    pub fn errors(&self) -> impl Iterator<Item = &Violation> {
        self.violations
            .iter()
            .filter(|v| v.severity() == Severity::Error)
    }

    /// The violations whose severity is [`Severity::Warning`].
    ///
    /// ```
    /// # use omnicontact::{Provider, Validator};
    /// let r = Validator::new(Provider::Omnisend).validate_str(r#"{"email":"a@b.co"}"#);
    /// assert_eq!(r.warnings().next().unwrap().rule(), "omnisend.tags.advice");
    /// ```
    pub fn warnings(&self) -> impl Iterator<Item = &Violation> {
        self.violations
            .iter()
            .filter(|v| v.severity() == Severity::Warning)
    }

    /// Every change normalization made, in document order (as for
    /// [`violations`](Report::violations)).
    ///
    /// ```
    /// # use omnicontact::{Provider, Validator};
    /// let r = Validator::new(Provider::Omnisend).validate_str(r#"{"email":" a@B.co ","tags":["source: x"]}"#);
    /// assert_eq!(r.changes()[0].to(), "a@B.co");
    /// ```
    #[must_use]
    pub fn changes(&self) -> &[Change] {
        &self.changes
    }

    /// The normalized body, present only when the report is valid.
    ///
    /// ```
    /// # use omnicontact::{Provider, Validator};
    /// let r = Validator::new(Provider::Omnisend).validate_str(r#"{"email":" a@B.co","tags":["source: x"]}"#);
    /// assert_eq!(r.normalized().unwrap()["email"], "a@B.co");
    /// ```
    #[must_use]
    pub fn normalized(&self) -> Option<&Value> {
        self.normalized.as_deref()
    }

    /// Takes the normalized body out of the report.
    ///
    /// ```
    /// # use omnicontact::{Provider, Validator};
    /// let r = Validator::new(Provider::Omnisend).validate_str(r#"{"email":"a@b.co","tags":["source: x"]}"#);
    /// let body = r.into_normalized().unwrap();
    /// assert_eq!(body.to_string(), r#"{"email":"a@b.co","tags":["source: x"]}"#);
    /// ```
    #[must_use]
    pub fn into_normalized(self) -> Option<Value> {
        self.normalized.map(|v| *v)
    }
}

impl fmt::Display for Report {
    /// One line per violation, then one per change, separated by newlines
    /// (no newline at the end); `no violations` when there is nothing to say.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut first = true;
        let mut line = |f: &mut fmt::Formatter<'_>| {
            if !std::mem::take(&mut first) {
                f.write_str("\n")?;
            }
            Ok::<(), fmt::Error>(())
        };
        for v in &self.violations {
            line(f)?;
            write!(f, "{v}")?;
        }
        for c in &self.changes {
            line(f)?;
            write!(f, "change {c}")?;
        }
        if self.violations.is_empty() && self.changes.is_empty() {
            f.write_str("no violations")?;
        }
        Ok(())
    }
}

/// A report is the error of the crate's builders (`Contact::builder()
/// …build()`), so it works with `?` into `Box<dyn Error>` or `anyhow`.
///
/// ```
/// fn build() -> Result<omnicontact::Contact, Box<dyn std::error::Error>> {
///     Ok(omnicontact::Contact::builder().email("not an email").build()?)
/// }
/// let e = build().unwrap_err();
/// assert!(e.to_string().starts_with("error "));
/// assert!(!e.to_string().ends_with('\n'));
/// ```
impl std::error::Error for Report {}

impl Serialize for Report {
    /// `{"valid":…,"violations":[…],"changes":[…],"normalized":…}`, then
    /// `"provider_error":…` when there is one.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("Report", 7)?;
        s.serialize_field("valid", &self.is_valid())?;
        s.serialize_field("violations", &self.violations)?;
        s.serialize_field("changes", &self.changes)?;
        s.serialize_field("normalized", &self.normalized)?;
        if let Some(error) = &self.provider_error {
            s.serialize_field("provider_error", error)?;
        } else {
            s.skip_field("provider_error")?;
        }
        if let Some(converted) = &self.converted {
            s.serialize_field("converted", converted)?;
        } else {
            s.skip_field("converted")?;
        }
        if let Some(path) = &self.converted_path {
            s.serialize_field("converted_path", path)?;
        } else {
            s.skip_field("converted_path")?;
        }
        s.end()
    }
}

/// Appends one RFC 6901 reference token (escaping `~` and `/`) to a pointer.
///
/// ```
/// let mut p = String::from("/customProperties");
/// omnicontact::report::push_pointer_token(&mut p, "hair/color");
/// assert_eq!(p, "/customProperties/hair~1color");
/// ```
pub fn push_pointer_token(pointer: &mut String, token: &str) {
    pointer.push('/');
    // Bytes, not chars: `~` and `/` are ASCII, and a byte scan is cheaper
    // (this runs for every member validated).
    if token.bytes().any(|b| b == b'~' || b == b'/') {
        for c in token.chars() {
            match c {
                '~' => pointer.push_str("~0"),
                '/' => pointer.push_str("~1"),
                c => pointer.push(c),
            }
        }
    } else {
        pointer.push_str(token);
    }
}

/// A value a conversion had to drop: its rule id, where it was, and why.
///
/// ```
/// use omnicontact::{omnisend, sendios};
///
/// let user: sendios::User = serde_json::from_str(r#"{"client_user_id":"u1","age":34}"#)?;
/// let (contact, _) = sendios::convert::to_contact(&user);
/// let (_, lost) = omnisend::convert::from_contact(&contact);
/// assert_eq!(lost[0].rule(), "convert.age.lossy");
/// assert_eq!(lost[0].path(), "/age");
/// assert_eq!(lost[0].message(), "Omnisend has no age; '34' is not converted");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Loss {
    pub(crate) rule: &'static RuleInfo,
    pub(crate) path: String,
    pub(crate) message: String,
}

impl Loss {
    pub(crate) fn new(rule: &'static RuleInfo, path: String, message: String) -> Self {
        Loss {
            rule,
            path,
            message,
        }
    }

    /// The rule id: `convert.<field>.lossy`, or the target's own warning
    /// about how a value was written (`sendios.registration_date.advice`).
    ///
    /// ```
    /// # use omnicontact::{rocketchat, raia};
    /// let rc: rocketchat::Contact = serde_json::from_str(r#"{"name":"Jane Doe","emails":[],"phones":[]}"#)?;
    /// let (c, _) = rocketchat::convert::to_contact(&rc);
    /// assert_eq!(raia::convert::from_contact(&c).1[0].rule(), "convert.name.lossy");
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[must_use]
    pub fn rule(&self) -> &'static str {
        self.rule.id()
    }

    /// The rule's catalog entry.
    ///
    /// ```
    /// # use omnicontact::{rocketchat, raia, Severity};
    /// let rc: rocketchat::Contact = serde_json::from_str(r#"{"name":"Jane Doe","emails":[],"phones":[]}"#)?;
    /// let (c, _) = rocketchat::convert::to_contact(&rc);
    /// assert_eq!(raia::convert::from_contact(&c).1[0].info().severity(), Severity::Warning);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[must_use]
    pub fn info(&self) -> &'static RuleInfo {
        self.rule
    }

    /// JSON Pointer of the dropped value: into the wire value for
    /// `to_contact`, into the canonical contact for `from_contact`.
    ///
    /// ```
    /// # use omnicontact::rocketchat;
    /// let rc: rocketchat::Contact = serde_json::from_str(r#"{"name":"J","emails":[],"phones":[],"contactManager":"m1"}"#)?;
    /// assert_eq!(rocketchat::convert::to_contact(&rc).1[0].path(), "/contactManager");
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[must_use]
    pub fn path(&self) -> &str {
        &self.path
    }

    /// What was dropped and why, naming the field and the target.
    ///
    /// ```
    /// # use omnicontact::rocketchat;
    /// let rc: rocketchat::Contact = serde_json::from_str(r#"{"name":"J","emails":[],"phones":[],"contactManager":"m1"}"#)?;
    /// assert!(rocketchat::convert::to_contact(&rc).1[0].message().contains("contactManager"));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[must_use]
    pub fn message(&self) -> &str {
        &self.message
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_report_is_small_enough_to_be_an_err() {
        // Clippy's `result_large_err` flags `Err` types over 128 bytes; a
        // report is the error of the builders and of users' own functions.
        assert!(std::mem::size_of::<Report>() <= 128);
    }

    #[test]
    fn pointer_escapes_tilde_and_slash() {
        let mut p = String::new();
        push_pointer_token(&mut p, "a~b/c");
        push_pointer_token(&mut p, "0");
        assert_eq!(p, "/a~0b~1c/0");
    }

    #[test]
    fn severity_orders_error_above_warning() {
        assert!(Severity::Error > Severity::Warning);
        assert_eq!(Severity::Error.to_string(), "error");
    }
}
