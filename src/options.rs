//! [`Options`]: the knobs a [`Validator`](crate::Validator) takes.

use crate::policy::{Level, Policy, PolicyError};
use crate::providers::rocketchat::CustomField;
use crate::values::{Date, PhoneRegion};

/// Default maximum document size: 1 MiB.
///
/// ```
/// use omnicontact::options::DEFAULT_MAX_BYTES;
/// use omnicontact::{Provider, Validator};
///
/// let v = Validator::new(Provider::Sendios);
/// let body = r#"{"client_user_id":"u1"}"#;
/// let fits = format!("{body}{}", " ".repeat(DEFAULT_MAX_BYTES - body.len()));
/// assert_eq!(fits.len(), 1 << 20);
/// assert!(v.validate_str(&fits).is_valid());
/// let r = v.validate_str(&format!("{fits} "));
/// assert_eq!(r.violations()[0].rule(), "input.body.max_length");
/// ```
pub const DEFAULT_MAX_BYTES: usize = 1 << 20;
/// Default maximum nesting depth of a document.
///
/// ```
/// use omnicontact::options::DEFAULT_MAX_DEPTH;
/// use omnicontact::{Provider, Validator};
///
/// let nested = |depth: usize| format!("{}{}", "[".repeat(depth), "]".repeat(depth));
/// let v = Validator::new(Provider::Sendios);
/// let r = v.validate_str(&nested(DEFAULT_MAX_DEPTH));
/// assert_eq!(r.violations()[0].rule(), "input.body.type"); // deep enough, but not an object
/// let r = v.validate_str(&nested(DEFAULT_MAX_DEPTH + 1));
/// assert_eq!(r.violations()[0].rule(), "input.body.max_depth");
/// assert_eq!(r.violations()[0].message(), "nested deeper than the 32 levels allowed");
/// ```
pub const DEFAULT_MAX_DEPTH: usize = 32;
/// The deepest nesting the parser can follow; larger depth limits are capped
/// to it.
///
/// ```
/// use omnicontact::options::MAX_SUPPORTED_DEPTH;
/// use omnicontact::{Options, Provider, Validator};
///
/// let v = Validator::new(Provider::Sendios).with_options(Options::new().max_depth(usize::MAX));
/// assert_eq!(v.options().get_max_depth(), MAX_SUPPORTED_DEPTH);
/// let deep = MAX_SUPPORTED_DEPTH + 1;
/// let r = v.validate_str(&format!("{}{}", "[".repeat(deep), "]".repeat(deep)));
/// assert_eq!(r.violations()[0].rule(), "input.body.max_depth");
/// ```
pub const MAX_SUPPORTED_DEPTH: usize = 120;

/// Default cap on what one report lists of each rule: at most 100
/// violations and 100 changes of each rule per document.
///
/// ```
/// use omnicontact::options::DEFAULT_MAX_PER_RULE;
/// use omnicontact::{Provider, Validator};
///
/// // 150 numeric phones: 150 coercion warnings, 100 of them listed.
/// let phones = vec!["1"; 150].join(",");
/// let body = format!(r#"{{"name":"A","emails":["a@b.co"],"phones":[{phones}]}}"#);
/// let r = Validator::new(Provider::RocketChat).validate_str(&body);
/// let coerced = r.violations().iter().filter(|v| v.rule() == "rocketchat.phones.coerced").count();
/// assert_eq!(coerced, DEFAULT_MAX_PER_RULE);
/// ```
pub const DEFAULT_MAX_PER_RULE: usize = 100;

/// Validation options: default phone region, input limits, the clock
/// used for "in the future" checks, and the rule [`Policy`] (each rule's
/// severity: error, warning or off).
///
/// Options are a small builder; every setter returns a new value.
///
/// ```
/// use omnicontact::{CountryCode, Options};
///
/// let options = Options::new()
///     .default_region(CountryCode::parse("US").unwrap())
///     .max_depth(16);
/// assert_eq!(options.get_max_depth(), 16);
/// assert_eq!(options.get_default_region().unwrap().as_str(), "US");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Options {
    default_region: Option<PhoneRegion>,
    max_bytes: usize,
    max_depth: usize,
    max_per_rule: usize,
    today: Option<Date>,
    rocketchat_custom_fields: Option<Vec<CustomField>>,
    policy: Policy,
}

impl Default for Options {
    fn default() -> Self {
        Options::new()
    }
}

impl Options {
    /// The defaults: no default region, 1 MiB, depth 32, today's date from
    /// the system clock.
    ///
    /// ```
    /// let o = omnicontact::Options::new();
    /// assert_eq!(o.get_max_bytes(), 1 << 20);
    /// assert!(o.get_default_region().is_none());
    /// ```
    #[must_use]
    pub const fn new() -> Self {
        Options {
            default_region: None,
            max_bytes: DEFAULT_MAX_BYTES,
            max_depth: DEFAULT_MAX_DEPTH,
            max_per_rule: DEFAULT_MAX_PER_RULE,
            today: None,
            rocketchat_custom_fields: None,
            policy: Policy::new(),
        }
    }

    /// The region in which a phone number written without `+` is read
    /// when the payload itself names no country: a [`CountryCode`](crate::CountryCode),
    /// or a [`PhoneRegion`] (which also knows libphonenumber's `XK`, `AC`
    /// and `TA`; a document's own country members stay ISO 3166).
    ///
    /// ```
    /// use omnicontact::{CountryCode, Options, Provider, Validator};
    /// let v = Validator::new(Provider::Omnisend)
    ///     .with_options(Options::new().default_region(CountryCode::parse("GB").unwrap()));
    /// let r = v.validate_str(r#"{"phone":"020 7946 0018","tags":["source: x"]}"#);
    /// # #[cfg(feature = "phone")] // national numbers need the `phone` feature
    /// assert_eq!(r.normalized().unwrap()["phone"], "+442079460018");
    ///
    /// // Kosovo: a libphonenumber region, not an ISO 3166 country.
    /// use omnicontact::PhoneRegion;
    /// let v = Validator::new(Provider::Omnisend)
    ///     .with_options(Options::new().default_region(PhoneRegion::parse("XK").unwrap()));
    /// let r = v.validate_str(r#"{"phone":"043 201 234","tags":["source: x"]}"#);
    /// # #[cfg(feature = "phone")]
    /// assert_eq!(r.normalized().unwrap()["phone"], "+38343201234");
    /// ```
    #[must_use]
    pub fn default_region(mut self, region: impl Into<PhoneRegion>) -> Self {
        self.default_region = Some(region.into());
        self
    }

    /// The largest document accepted, in bytes (`input.body.max_length`).
    ///
    /// ```
    /// let o = omnicontact::Options::new().max_bytes(4096);
    /// assert_eq!(o.get_max_bytes(), 4096);
    /// ```
    #[must_use]
    pub const fn max_bytes(mut self, bytes: usize) -> Self {
        self.max_bytes = bytes;
        self
    }

    /// The deepest nesting accepted (`input.body.max_depth`); values above
    /// [`MAX_SUPPORTED_DEPTH`] are capped to it.
    ///
    /// ```
    /// let o = omnicontact::Options::new().max_depth(1000);
    /// assert_eq!(o.get_max_depth(), omnicontact::options::MAX_SUPPORTED_DEPTH);
    /// ```
    #[must_use]
    pub const fn max_depth(mut self, depth: usize) -> Self {
        self.max_depth = if depth > MAX_SUPPORTED_DEPTH {
            MAX_SUPPORTED_DEPTH
        } else {
            depth
        };
        self
    }

    /// The most violations, and the most changes, of each rule one report
    /// lists ([`DEFAULT_MAX_PER_RULE`], 100, by default); a report also
    /// lists at most 8 MiB of JSON Pointers in all. A document that has
    /// more gets, for each such rule, an `input.report.truncated` warning
    /// for its violations and one for its changes, after the rest of the
    /// report, at the first one left out, saying how many more there are
    /// (changes left out are still made in the normalized value). This
    /// keeps a report's size, and its memory, proportionate when one
    /// document repeats a mistake thousands of times. `usize::MAX` lists
    /// everything; 0 is taken as 1, so that a report always shows at least
    /// one violation of each rule it found (an invalid document never
    /// looks valid).
    ///
    /// ```
    /// use omnicontact::{Options, Provider, Validator};
    ///
    /// let tags: Vec<String> = (0..5).map(|_| "\"t\"".to_owned()).collect();
    /// let body = format!(r#"{{"email":"a@b.co","tags":["source: x",{}]}}"#, tags.join(","));
    /// let v = Validator::new(Provider::Omnisend).with_options(Options::new().max_per_rule(2));
    /// let r = v.validate_str(&body);
    /// let found: Vec<_> = r.violations().iter().map(|x| (x.rule(), x.path())).collect();
    /// assert_eq!(found, [
    ///     ("omnisend.tags.unique", "/tags/2"),
    ///     ("omnisend.tags.unique", "/tags/3"),
    ///     ("input.report.truncated", "/tags/4"),
    /// ]);
    /// assert!(r.violations()[2].message().starts_with("2 more 'omnisend.tags.unique' warnings"));
    /// assert_eq!(Options::new().max_per_rule(0).get_max_per_rule(), 1);
    /// ```
    #[must_use]
    pub const fn max_per_rule(mut self, max: usize) -> Self {
        self.max_per_rule = if max == 0 { 1 } else { max };
        self
    }

    /// Fixes "today" for date checks such as `omnisend.birthdate.advice`
    /// (tests use it to be independent of the clock).
    ///
    /// ```
    /// use omnicontact::{Date, Options};
    /// let o = Options::new().today(Date::from_ymd(2030, 1, 1).unwrap());
    /// assert_eq!(o.get_today().year(), 2030);
    /// ```
    #[must_use]
    pub fn today(mut self, today: Date) -> Self {
        self.today = Some(today);
        self
    }

    /// Rocket.Chat: the custom fields the workspace registers (scope
    /// `visitor`), in the server's order, as it stores them. With them,
    /// `customFields` is checked as the server's handler checks it: each
    /// registered field required and blank, or not matching its pattern,
    /// then each key not registered (`rocketchat.custom_fields.*`), and
    /// [`Report::provider_error`](crate::Report::provider_error) gives the
    /// server's answer. Without them (the default) the crate does not know
    /// the workspace and checks only that `customFields` is an object.
    ///
    /// ```
    /// use omnicontact::rocketchat::CustomField;
    /// use omnicontact::{Options, Provider, Validator};
    ///
    /// let fields: Vec<CustomField> = serde_json::from_str(
    ///     r#"[{"_id":"cf1","label":"Custom Field 1","required":true,"regexp":"^[0-9]+$"}]"#,
    /// ).unwrap();
    /// let v = Validator::new(Provider::RocketChat)
    ///     .with_options(Options::new().rocketchat_custom_fields(fields));
    /// let r = v.validate_str(r#"{"name":"A","emails":[],"phones":[],"customFields":{"cf1":"invalid"}}"#);
    /// assert_eq!(r.violations()[0].rule(), "rocketchat.custom_fields.format");
    /// assert_eq!(
    ///     r.provider_error().unwrap().to_string(),
    ///     r#"{"success":false,"error":"Invalid value for Custom Field 1 field"}"#
    /// );
    /// assert!(v.validate_str(r#"{"name":"A","emails":[],"phones":[],"customFields":{"cf1":"123"}}"#).is_valid());
    /// ```
    #[must_use]
    pub fn rocketchat_custom_fields(
        mut self,
        fields: impl IntoIterator<Item = CustomField>,
    ) -> Self {
        self.rocketchat_custom_fields = Some(fields.into_iter().collect());
        self
    }

    /// The rule policy: each rule's severity (error, warning or off) as the
    /// service wants it, instead of the catalog's (see [`Policy`] for what
    /// raising, lowering and switching off do). The default is the empty
    /// policy.
    ///
    /// ```
    /// use omnicontact::policy::Policy;
    /// use omnicontact::{Options, Provider, Severity, Validator};
    ///
    /// let body = r#"{"email":"a@b.co","tags":["source: x"],"firstNmae":"Jo"}"#;
    /// let v = Validator::new(Provider::Omnisend);
    /// assert!(v.validate_str(body).is_valid()); // a warning, and sent
    ///
    /// let policy = Policy::new().deny("omnisend.body.unknown_field")?;
    /// let v = v.with_options(Options::new().policy(policy));
    /// let r = v.validate_str(body);
    /// assert!(!r.is_valid());
    /// assert_eq!(r.violations()[0].severity(), Severity::Error);
    /// // The report's JSON gives the severity the policy made.
    /// let json = serde_json::to_value(&r).unwrap();
    /// assert_eq!(json["violations"][0]["severity"], "error");
    /// # Ok::<(), omnicontact::policy::PolicyError>(())
    /// ```
    #[must_use]
    pub fn policy(mut self, policy: Policy) -> Self {
        self.policy = policy;
        self
    }

    /// Sets the level of one rule, or of the rules a pattern matches, in
    /// this options' policy ([`Policy::set`]): refuses an id not in the
    /// catalog, a pattern that matches no rule, and lowering a rule no
    /// policy changes.
    ///
    /// ```
    /// use omnicontact::policy::Level;
    /// use omnicontact::{Options, Provider, Validator};
    ///
    /// let options = Options::new()
    ///     .rule_level("omnisend.tags.advice", Level::Off)?
    ///     .rule_level("omnisend.gender.enum", Level::Warning)?;
    /// let r = Validator::new(Provider::Omnisend)
    ///     .with_options(options)
    ///     .validate_str(r#"{"email":"a@b.co","gender":"x"}"#);
    /// // Lowered: valid, and the body is sent, though Omnisend refuses the gender.
    /// assert!(r.is_valid());
    /// assert_eq!(r.violations()[0].rule(), "omnisend.gender.enum");
    /// assert_eq!(r.normalized().unwrap()["gender"], "x");
    ///
    /// let e = Options::new().rule_level("omnisend.gender.enun", Level::Off).unwrap_err();
    /// assert_eq!(e.to_string(), "unknown rule `omnisend.gender.enun`; did you mean `omnisend.gender.enum`?");
    /// # Ok::<(), omnicontact::policy::PolicyError>(())
    /// ```
    pub fn rule_level(mut self, pattern: &str, level: Level) -> Result<Self, PolicyError> {
        self.policy = self.policy.set(pattern, level)?;
        Ok(self)
    }

    /// Refuses every member a provider does not define: makes the rules of
    /// [`Policy::unknown_member_rules`] (`*.unknown_field`) errors in this
    /// options' policy ([`Policy::deny_unknown_members`]).
    ///
    /// ```
    /// use omnicontact::{Options, Provider, Validator};
    ///
    /// let v = Validator::new(Provider::Sendios)
    ///     .with_options(Options::new().deny_unknown_members(true));
    /// let r = v.validate_str(r#"{"client_user_id":"u1","emial":"a@b.co"}"#);
    /// assert!(!r.is_valid());
    /// assert_eq!(r.errors().next().unwrap().rule(), "sendios.body.unknown_field");
    /// assert_eq!(r.errors().next().unwrap().suggestion(), Some("email"));
    /// ```
    #[must_use]
    pub fn deny_unknown_members(mut self, deny: bool) -> Self {
        self.policy = self.policy.deny_unknown_members(deny);
        self
    }

    /// The rule policy.
    ///
    /// ```
    /// use omnicontact::policy::Level;
    /// let o = omnicontact::Options::new().deny_unknown_members(true);
    /// assert_eq!(o.get_policy().level(omnicontact::rules::OMNISEND_BODY_UNKNOWN_FIELD), Level::Error);
    /// assert!(omnicontact::Options::new().get_policy().is_empty());
    /// ```
    #[must_use]
    pub const fn get_policy(&self) -> &Policy {
        &self.policy
    }

    /// The Rocket.Chat workspace's custom fields, if given.
    ///
    /// ```
    /// assert!(omnicontact::Options::new().get_rocketchat_custom_fields().is_none());
    /// ```
    #[must_use]
    pub fn get_rocketchat_custom_fields(&self) -> Option<&[CustomField]> {
        self.rocketchat_custom_fields.as_deref()
    }

    /// The default phone region, if set.
    ///
    /// ```
    /// assert!(omnicontact::Options::new().get_default_region().is_none());
    /// ```
    #[must_use]
    pub fn get_default_region(&self) -> Option<&PhoneRegion> {
        self.default_region.as_ref()
    }

    /// The document size limit in bytes.
    ///
    /// ```
    /// assert_eq!(omnicontact::Options::new().get_max_bytes(), 1_048_576);
    /// ```
    #[must_use]
    pub const fn get_max_bytes(&self) -> usize {
        self.max_bytes
    }

    /// The nesting depth limit.
    ///
    /// ```
    /// assert_eq!(omnicontact::Options::new().get_max_depth(), 32);
    /// ```
    #[must_use]
    pub const fn get_max_depth(&self) -> usize {
        self.max_depth
    }

    /// The most violations, and changes, of each rule a report lists.
    ///
    /// ```
    /// assert_eq!(omnicontact::Options::new().get_max_per_rule(), 100);
    /// ```
    #[must_use]
    pub const fn get_max_per_rule(&self) -> usize {
        self.max_per_rule
    }

    /// "Today": the fixed date if one was set, else the UTC date of the
    /// system clock.
    ///
    /// ```
    /// assert!(omnicontact::Options::new().get_today().year() >= 2024);
    /// ```
    #[must_use]
    pub fn get_today(&self) -> Date {
        self.today.clone().unwrap_or_else(today_utc)
    }

    /// "Today" as `(year, month, day)`, without building a [`Date`] (the
    /// engine compares every birth date with it).
    pub(crate) fn today_ymd(&self) -> (i32, u32, u32) {
        match &self.today {
            Some(d) => (d.year(), d.month(), d.day()),
            None => today_utc_ymd(),
        }
    }
}

/// The UTC `(year, month, day)` of the system clock (the epoch if the
/// clock is before it).
fn today_utc_ymd() -> (i32, u32, u32) {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    civil_from_days(i64::try_from(secs / 86_400).unwrap_or(0))
}

/// The UTC date of the system clock (the epoch if the clock is before it).
fn today_utc() -> Date {
    let (y, m, d) = today_utc_ymd();
    Date::from_ymd(y, m, d).unwrap_or_else(|| Date::from_ymd(1970, 1, 1).expect("epoch is a date"))
}

/// Days since 1970-01-01 to a proleptic Gregorian (year, month, day)
/// (Howard Hinnant's `civil_from_days`).
fn civil_from_days(days: i64) -> (i32, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    (
        i32::try_from(y).unwrap_or(1970),
        u32::try_from(m).unwrap_or(1),
        u32::try_from(d).unwrap_or(1),
    )
}

#[cfg(test)]
mod tests {
    use super::civil_from_days;

    #[test]
    fn civil_from_days_matches_known_dates() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(19_723), (2024, 1, 1));
        assert_eq!(civil_from_days(19_782), (2024, 2, 29));
        assert_eq!(civil_from_days(-1), (1969, 12, 31));
    }
}
