//! [`Policy`]: a service's own severity for each rule.
//!
//! Every rule of the [catalog](crate::rules::catalog) has a severity, an
//! error (the document is invalid and has no normalized body) or a warning
//! (reported, and the body is sent). A policy, given to a validator in its
//! [`Options`](crate::Options::policy), changes it rule by rule:
//!
//! - [`Level::Error`] (`deny`): a warning becomes an error, so the document
//!   is invalid (`omnisend.body.unknown_field` for a misspelt `firstNmae`).
//! - [`Level::Warning`] (`warn`): an error becomes a warning, so
//!   [`Report::is_valid`](crate::Report::is_valid) is `true` and the
//!   normalized body is given, **and sent, though the provider may refuse
//!   it**: the rule's error says so. Lower an error only when the service
//!   knows better than the catalog (its own provider account, a server
//!   that accepts more).
//! - [`Level::Off`] (`allow`): the rule's violations are not reported at
//!   all (`omnisend.tags.advice`, which every body without a `source:` tag
//!   gets). Normalization is not a rule's verdict: values are normalized
//!   all the same, and every change is still recorded in
//!   [`Report::changes`](crate::Report::changes) under its rule (a change
//!   is never silent).
//!
//! A [`Violation`](crate::Violation)'s
//! [`severity`](crate::Violation::severity), the report's JSON and the
//! CLI's output give the severity the policy made (the effective one);
//! [`RuleInfo::severity`] stays the catalog's.
//!
//! A policy applies to what a [`Validator`](crate::Validator) reports
//! (validation, conversion, [`Validator::request`](crate::Validator::request)).
//! The model's own `contact.*` rules are reported by the contact builders,
//! which take no options: an entry naming them is accepted (a pattern such
//! as `*.format` matches them too) and changes nothing; a service decides
//! on a builder's [`Report`](crate::Report) itself.
//!
//! # Which entry applies
//!
//! An entry names a rule by its exact id (`omnisend.tags.advice`), or by a
//! pattern where `*` stands for any run of characters, dots included
//! (`omnisend.tags.*`, `*.unknown_field`, `convert.*`, `*`). For each
//! rule, in this order:
//!
//! 1. the last entry naming its exact id;
//! 2. else the last pattern entry matching it;
//! 3. else, with [`Policy::deny_unknown_members`], an error for a rule
//!    about a member the provider does not define
//!    ([`Policy::unknown_member_rules`]: the `*.unknown_field` rules);
//! 4. else the catalog's severity.
//!
//! An id not in the catalog, or a pattern that matches no rule, is refused
//! with a [`PolicyError`] (with a did-you-mean when one is close), never
//! ignored.
//!
//! # What a policy does not change
//!
//! - A document that cannot be read, or is not a JSON object, has nothing
//!   to send: `input.json.format`, `input.body.type`,
//!   `input.body.max_length` and `input.body.max_depth` are always errors.
//!   Naming one of them to lower it is a [`PolicyError::Fixed`]; patterns
//!   skip them.
//! - `input.report.truncated` (the summary of what a report left out of one
//!   rule, [`Options::max_per_rule`](crate::Options::max_per_rule)) is a
//!   rule like the others: a policy may raise it, lower it or switch it off.
//!   A rule switched off is not counted, so it gets no summary of its
//!   violations; its changes are recorded, and summarized, as always. A
//!   summary says "errors" or "warnings" by the effective severity.
//! - Conversion losses (`convert.*`, located `in: converted`) follow the
//!   policy, as does the target's validation of the converted body. A
//!   source made valid by a lowered error is converted.
//! - The typed models' builders (`Contact::builder()`) take no options: their
//!   violations keep the catalog's severities.
//!
//! ```
//! use omnicontact::policy::{Level, Policy};
//! use omnicontact::{Options, Provider, Severity, Validator};
//!
//! let policy = Policy::new()
//!     .deny_unknown_members(true)           // `firstNmae` is refused
//!     .allow("omnisend.tags.advice")?       // no `source:` tag is fine here
//!     .set("omnisend.birthdate.*", Level::Warning)?;
//! let v = Validator::new(Provider::Omnisend).with_options(Options::new().policy(policy));
//!
//! let r = v.validate_str(r#"{"email":"a@b.co","firstNmae":"Jo"}"#);
//! assert!(!r.is_valid());
//! let found: Vec<_> = r.violations().iter().map(|x| (x.rule(), x.severity())).collect();
//! assert_eq!(found, [("omnisend.body.unknown_field", Severity::Error)]); // no tags advice
//!
//! let e = Policy::new().deny("omnisend.tags.advise").unwrap_err();
//! assert_eq!(e.to_string(), "unknown rule `omnisend.tags.advise`; did you mean `omnisend.tags.advice`?");
//! # Ok::<(), omnicontact::policy::PolicyError>(())
//! ```

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use crate::report::Severity;
use crate::rules::{self, RuleInfo};

/// What a [`Policy`] makes of a rule.
///
/// ```
/// use omnicontact::policy::Level;
/// assert_eq!("deny".parse::<Level>().unwrap(), Level::Error);
/// assert_eq!("allow".parse::<Level>().unwrap(), Level::Off);
/// assert_eq!(Level::Warning.to_string(), "warning");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Level {
    /// Not reported (`off`, `allow`).
    Off,
    /// Reported as a warning (`warning`, `warn`).
    Warning,
    /// Reported as an error (`error`, `deny`).
    Error,
}

impl Level {
    /// The name used in policy files and messages: `off`, `warning` or
    /// `error`.
    ///
    /// ```
    /// assert_eq!(omnicontact::policy::Level::Off.as_str(), "off");
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Level::Off => "off",
            Level::Warning => "warning",
            Level::Error => "error",
        }
    }

    /// The severity violations have at this level; `None` for
    /// [`Level::Off`].
    ///
    /// ```
    /// use omnicontact::{Severity, policy::Level};
    /// assert_eq!(Level::Error.severity(), Some(Severity::Error));
    /// assert_eq!(Level::Off.severity(), None);
    /// ```
    #[must_use]
    pub const fn severity(self) -> Option<Severity> {
        match self {
            Level::Off => None,
            Level::Warning => Some(Severity::Warning),
            Level::Error => Some(Severity::Error),
        }
    }
}

impl From<Severity> for Level {
    /// A rule's catalog severity as a level.
    ///
    /// ```
    /// use omnicontact::{Severity, policy::Level};
    /// assert_eq!(Level::from(Severity::Warning), Level::Warning);
    /// ```
    fn from(severity: Severity) -> Self {
        match severity {
            Severity::Warning => Level::Warning,
            Severity::Error => Level::Error,
        }
    }
}

crate::values::display_as!(Level);

impl FromStr for Level {
    type Err = PolicyError;

    /// `error` or `deny`, `warning` or `warn`, `off` or `allow`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "error" | "deny" => Ok(Level::Error),
            "warning" | "warn" => Ok(Level::Warning),
            "off" | "allow" => Ok(Level::Off),
            _ => Err(PolicyError::UnknownLevel(s.to_owned())),
        }
    }
}

/// Why a policy entry, or a policy file, was refused.
///
/// ```
/// use omnicontact::policy::{Policy, PolicyError};
///
/// assert!(matches!(Policy::new().deny("omnisend.nope"), Err(PolicyError::UnknownRule { .. })));
/// assert!(matches!(Policy::new().allow("mailchimp.*"), Err(PolicyError::NoMatch(_))));
/// assert!(matches!(Policy::new().allow("input.json.format"), Err(PolicyError::Fixed(_))));
/// let e = Policy::parse("deny omnisend.tags.advice\nsilence omnisend.tags.unique").unwrap_err();
/// assert_eq!(e.to_string(), "line 2: unknown level `silence`; expected deny, warn or allow (or error, warning, off)");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PolicyError {
    /// An exact id (no `*`) that is not in the catalog.
    #[error("unknown rule `{rule}`{}", did_you_mean(*.suggestion))]
    UnknownRule {
        /// The id given.
        rule: String,
        /// The closest catalog id, when one is close.
        suggestion: Option<&'static str>,
    },
    /// A pattern (with `*`) that matches no rule of the catalog.
    #[error("`{0}` matches no rule")]
    NoMatch(String),
    /// An entry that would lower a rule a policy cannot change (a document
    /// that cannot be read, or is not an object, has nothing to send).
    #[error(
        "`{0}` is always an error: a document that cannot be read, or is not a JSON object, has nothing to send"
    )]
    Fixed(&'static str),
    /// A level name that is none of the known ones.
    #[error("unknown level `{0}`; expected deny, warn or allow (or error, warning, off)")]
    UnknownLevel(String),
    /// A line of a policy file that is not an entry.
    #[error("line {line}: {message}")]
    Syntax {
        /// The 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// An entry of a policy file that was refused.
    #[error("line {line}: {error}")]
    AtLine {
        /// The 1-based line number.
        line: usize,
        /// Why the entry was refused.
        error: Box<PolicyError>,
    },
}

fn did_you_mean(suggestion: Option<&str>) -> String {
    suggestion
        .map(|s| format!("; did you mean `{s}`?"))
        .unwrap_or_default()
}

/// The rules whose errors say there is no document to send: no policy
/// lowers them.
const FIXED: &[&RuleInfo] = &[
    rules::INPUT_JSON_FORMAT,
    rules::INPUT_BODY_TYPE,
    rules::INPUT_BODY_MAX_LENGTH,
    rules::INPUT_BODY_MAX_DEPTH,
];

fn is_fixed(rule: &RuleInfo) -> bool {
    FIXED.iter().any(|f| f.id() == rule.id())
}

/// The check of the rules about a member the provider does not define.
const UNKNOWN_MEMBER_SUFFIX: &str = ".unknown_field";

/// Whether `pattern`, where `*` matches any run of characters, matches
/// all of `text`.
fn matches(pattern: &str, text: &str) -> bool {
    let (p, t) = (pattern.as_bytes(), text.as_bytes());
    let (mut pi, mut ti) = (0, 0);
    // The last `*` seen and where in `text` its run ends so far.
    let mut star: Option<(usize, usize)> = None;
    while ti < t.len() {
        if pi < p.len() && p[pi] == b'*' {
            star = Some((pi, ti));
            pi += 1;
        } else if pi < p.len() && p[pi] == t[ti] {
            pi += 1;
            ti += 1;
        } else if let Some((sp, st)) = star {
            pi = sp + 1;
            ti = st + 1;
            star = Some((sp, st + 1));
        } else {
            return false;
        }
    }
    p[pi..].iter().all(|&b| b == b'*')
}

/// A service's severity for each rule: raise a warning to an error, lower
/// an error to a warning, switch a rule off, or refuse every member a
/// provider does not define (see the [module documentation](self) for
/// what each does, and which entry applies).
///
/// A policy is built entry by entry; an entry naming no rule is an error.
/// Give it to a validator with [`Options::policy`](crate::Options::policy).
/// It can also be read from, and written as, a small text format
/// ([`Policy::parse`]).
///
/// ```
/// use omnicontact::policy::{Level, Policy};
/// use omnicontact::rules;
///
/// let p = Policy::new().warn("omnisend.*")?.deny("omnisend.tags.advice")?;
/// assert_eq!(p.level(rules::OMNISEND_TAGS_ADVICE), Level::Error); // the exact id wins
/// assert_eq!(p.level(rules::OMNISEND_GENDER_ENUM), Level::Warning);
/// assert_eq!(p.level(rules::SENDIOS_GENDER_ENUM), Level::Error); // untouched
/// # Ok::<(), omnicontact::policy::PolicyError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Policy {
    /// The entries, in the order given.
    entries: Vec<(String, Level)>,
    deny_unknown_members: bool,
    /// The level of every rule whose level is not the catalog's, by id.
    changed: BTreeMap<&'static str, Level>,
}

impl Policy {
    /// The empty policy: every rule at its catalog severity.
    ///
    /// ```
    /// use omnicontact::policy::{Level, Policy};
    /// let p = Policy::new();
    /// assert!(p.is_empty());
    /// assert_eq!(p.level(omnicontact::rules::OMNISEND_TAGS_ADVICE), Level::Warning);
    /// ```
    #[must_use]
    pub const fn new() -> Self {
        Policy {
            entries: Vec::new(),
            deny_unknown_members: false,
            changed: BTreeMap::new(),
        }
    }

    /// Sets the level of the rule `id`, or of every rule a `pattern`
    /// matches (`*`: any run of characters). Refuses an id not in the
    /// catalog ([`PolicyError::UnknownRule`], with a did-you-mean), a
    /// pattern that matches no rule ([`PolicyError::NoMatch`]), and an
    /// entry lowering a rule no policy changes ([`PolicyError::Fixed`]).
    ///
    /// ```
    /// use omnicontact::policy::{Level, Policy};
    /// use omnicontact::rules;
    ///
    /// let p = Policy::new().set("*.lossy", Level::Off)?;
    /// assert_eq!(p.level(rules::CONVERT_AGE_LOSSY), Level::Off);
    /// assert_eq!(p.level(rules::SENDIOS_LANGUAGE_LOSSY), Level::Off);
    /// assert!(Policy::new().set("sendios.body.unknown_feild", Level::Error).is_err());
    /// # Ok::<(), omnicontact::policy::PolicyError>(())
    /// ```
    pub fn set(mut self, pattern: &str, level: Level) -> Result<Self, PolicyError> {
        if pattern.contains('*') {
            if !rules::catalog().iter().any(|r| matches(pattern, r.id())) {
                return Err(PolicyError::NoMatch(pattern.to_owned()));
            }
        } else {
            let Some(rule) = rules::lookup(pattern) else {
                return Err(PolicyError::UnknownRule {
                    rule: pattern.to_owned(),
                    suggestion: crate::suggest::closest(
                        pattern,
                        rules::catalog().iter().map(|r| r.id()),
                    ),
                });
            };
            if is_fixed(rule) && level != Level::Error {
                return Err(PolicyError::Fixed(rule.id()));
            }
        }
        self.entries.push((pattern.to_owned(), level));
        self.resolve();
        Ok(self)
    }

    /// [`Policy::set`] to [`Level::Error`].
    ///
    /// ```
    /// let p = omnicontact::policy::Policy::new().deny("raia.first_name.advice")?;
    /// assert_eq!(p.level(omnicontact::rules::RAIA_FIRST_NAME_ADVICE), omnicontact::policy::Level::Error);
    /// # Ok::<(), omnicontact::policy::PolicyError>(())
    /// ```
    pub fn deny(self, pattern: &str) -> Result<Self, PolicyError> {
        self.set(pattern, Level::Error)
    }

    /// [`Policy::set`] to [`Level::Warning`].
    ///
    /// ```
    /// let p = omnicontact::policy::Policy::new().warn("omnisend.gender.enum")?;
    /// assert_eq!(p.level(omnicontact::rules::OMNISEND_GENDER_ENUM), omnicontact::policy::Level::Warning);
    /// # Ok::<(), omnicontact::policy::PolicyError>(())
    /// ```
    pub fn warn(self, pattern: &str) -> Result<Self, PolicyError> {
        self.set(pattern, Level::Warning)
    }

    /// [`Policy::set`] to [`Level::Off`].
    ///
    /// ```
    /// let p = omnicontact::policy::Policy::new().allow("omnisend.tags.advice")?;
    /// assert_eq!(p.level(omnicontact::rules::OMNISEND_TAGS_ADVICE), omnicontact::policy::Level::Off);
    /// # Ok::<(), omnicontact::policy::PolicyError>(())
    /// ```
    pub fn allow(self, pattern: &str) -> Result<Self, PolicyError> {
        self.set(pattern, Level::Off)
    }

    /// With `true`, every rule about a member the provider does not define
    /// ([`Policy::unknown_member_rules`]) is an error, unless an entry
    /// names it (an exact id or a pattern: entries come first).
    ///
    /// ```
    /// use omnicontact::policy::{Level, Policy};
    /// use omnicontact::rules;
    ///
    /// let p = Policy::new().deny_unknown_members(true).warn("raia.metadata.unknown_field")?;
    /// assert_eq!(p.level(rules::SENDIOS_BODY_UNKNOWN_FIELD), Level::Error);
    /// assert_eq!(p.level(rules::SUPRSEND_SLACK_UNKNOWN_FIELD), Level::Error);
    /// assert_eq!(p.level(rules::RAIA_METADATA_UNKNOWN_FIELD), Level::Warning);
    /// assert!(p.get_deny_unknown_members());
    /// # Ok::<(), omnicontact::policy::PolicyError>(())
    /// ```
    #[must_use]
    pub fn deny_unknown_members(mut self, deny: bool) -> Self {
        self.deny_unknown_members = deny;
        self.resolve();
        self
    }

    /// Whether [`Policy::deny_unknown_members`] is on.
    ///
    /// ```
    /// assert!(!omnicontact::policy::Policy::new().get_deny_unknown_members());
    /// ```
    #[must_use]
    pub const fn get_deny_unknown_members(&self) -> bool {
        self.deny_unknown_members
    }

    /// The rules [`Policy::deny_unknown_members`] raises: those about a
    /// member the provider does not define, every catalog rule whose id
    /// ends in `.unknown_field` (`sendios.body.unknown_field`,
    /// `rocketchat.body.unknown_field`, already an error, the
    /// `suprsend.*.unknown_field` of its channel objects,
    /// `raia.body.unknown_field`, `raia.metadata.unknown_field`,
    /// `omnisend.body.unknown_field`, and any added later).
    ///
    /// ```
    /// let ids: Vec<_> = omnicontact::policy::Policy::unknown_member_rules().map(|r| r.id()).collect();
    /// assert!(ids.contains(&"omnisend.body.unknown_field"));
    /// assert!(ids.contains(&"suprsend.androidpush.unknown_field"));
    /// assert!(ids.iter().all(|id| id.ends_with(".unknown_field")));
    /// ```
    pub fn unknown_member_rules() -> impl Iterator<Item = &'static RuleInfo> {
        rules::catalog()
            .iter()
            .copied()
            .filter(|r| r.id().ends_with(UNKNOWN_MEMBER_SUFFIX))
    }

    /// The entries, in the order given: the id or pattern and its level.
    ///
    /// ```
    /// use omnicontact::policy::{Level, Policy};
    /// let p = Policy::new().allow("convert.*")?;
    /// assert_eq!(p.entries().collect::<Vec<_>>(), [("convert.*", Level::Off)]);
    /// # Ok::<(), omnicontact::policy::PolicyError>(())
    /// ```
    pub fn entries(&self) -> impl Iterator<Item = (&str, Level)> {
        self.entries.iter().map(|(p, l)| (p.as_str(), *l))
    }

    /// Whether the policy has no entry and does not deny unknown members
    /// (every rule keeps its catalog severity).
    ///
    /// ```
    /// assert!(!omnicontact::policy::Policy::new().deny_unknown_members(true).is_empty());
    /// ```
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty() && !self.deny_unknown_members
    }

    /// The level of `rule` under this policy (its catalog severity when
    /// no entry changes it).
    ///
    /// ```
    /// use omnicontact::policy::{Level, Policy};
    /// let p = Policy::new().allow("*")?;
    /// assert_eq!(p.level(omnicontact::rules::OMNISEND_GENDER_ENUM), Level::Off);
    /// assert_eq!(p.level(omnicontact::rules::INPUT_BODY_TYPE), Level::Error); // fixed
    /// # Ok::<(), omnicontact::policy::PolicyError>(())
    /// ```
    #[must_use]
    pub fn level(&self, rule: &RuleInfo) -> Level {
        if self.changed.is_empty() {
            return rule.severity().into();
        }
        self.changed
            .get(rule.id())
            .copied()
            .unwrap_or_else(|| rule.severity().into())
    }

    /// The severity of `rule`'s violations, `None` when it is off.
    pub(crate) fn severity(&self, rule: &RuleInfo) -> Option<Severity> {
        if self.changed.is_empty() {
            return Some(rule.severity());
        }
        self.level(rule).severity()
    }

    /// Recomputes the level of every catalog rule.
    fn resolve(&mut self) {
        self.changed.clear();
        for rule in rules::catalog() {
            let id = rule.id();
            let default = Level::from(rule.severity());
            let mut level = default;
            if self.deny_unknown_members && id.ends_with(UNKNOWN_MEMBER_SUFFIX) {
                level = Level::Error;
            }
            if !is_fixed(rule)
                && let Some((_, l)) = self
                    .entries
                    .iter()
                    .rev()
                    .find(|(p, _)| p.contains('*') && matches(p, id))
            {
                level = *l;
            }
            if let Some((_, l)) = self.entries.iter().rev().find(|(p, _)| p == id) {
                level = *l;
            }
            if level != default {
                self.changed.insert(id, level);
            }
        }
    }

    /// Reads a policy file: one entry per line, a level then a rule id or
    /// pattern (`deny omnisend.body.unknown_field`, `allow convert.*`), or
    /// the line `deny-unknown-members`. Levels are `deny` / `error`,
    /// `warn` / `warning`, `allow` / `off`. `#` starts a comment; blank
    /// lines are skipped. Entries apply in the file's order (for
    /// patterns, the last matching one wins). An error names its line.
    /// [`Policy`]'s `Display` writes this format back.
    ///
    /// ```
    /// use omnicontact::policy::{Level, Policy};
    /// use omnicontact::rules;
    ///
    /// let p = Policy::parse("
    ///     deny-unknown-members             # our Omnisend account
    ///     allow omnisend.tags.advice   # we tag the source ourselves
    ///     warn  omnisend.birthdate.*
    /// ")?;
    /// assert_eq!(p.level(rules::OMNISEND_BODY_UNKNOWN_FIELD), Level::Error);
    /// assert_eq!(p.level(rules::OMNISEND_TAGS_ADVICE), Level::Off);
    /// assert_eq!(p.to_string(), "deny-unknown-members\nallow omnisend.tags.advice\nwarn omnisend.birthdate.*\n");
    /// assert_eq!(p.to_string().parse::<Policy>()?, p);
    ///
    /// let e = Policy::parse("deny omnisend.tags.advise").unwrap_err();
    /// assert_eq!(e.to_string(), "line 1: unknown rule `omnisend.tags.advise`; did you mean `omnisend.tags.advice`?");
    /// # Ok::<(), omnicontact::policy::PolicyError>(())
    /// ```
    pub fn parse(text: &str) -> Result<Policy, PolicyError> {
        let mut policy = Policy::new();
        for (i, raw) in text.lines().enumerate() {
            let line = i + 1;
            let content = raw.split_once('#').map_or(raw, |(before, _)| before);
            let words: Vec<&str> = content.split_whitespace().collect();
            match words[..] {
                [] => {}
                ["deny-unknown-members"] => policy = policy.deny_unknown_members(true),
                [level, pattern] => {
                    let at = |error| PolicyError::AtLine {
                        line,
                        error: Box::new(error),
                    };
                    let level: Level = level.parse().map_err(at)?;
                    policy = policy.set(pattern, level).map_err(at)?;
                }
                _ => {
                    return Err(PolicyError::Syntax {
                        line,
                        message: format!(
                            "expected `deny|warn|allow RULE` or `deny-unknown-members`, found `{}`",
                            content.trim()
                        ),
                    });
                }
            }
        }
        Ok(policy)
    }
}

impl FromStr for Policy {
    type Err = PolicyError;

    /// [`Policy::parse`].
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Policy::parse(s)
    }
}

impl fmt::Display for Policy {
    /// The policy file format of [`Policy::parse`], one line per entry
    /// (`deny-unknown-members` first when on), each ending in a newline.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.deny_unknown_members {
            f.write_str("deny-unknown-members\n")?;
        }
        for (pattern, level) in &self.entries {
            let word = match level {
                Level::Error => "deny",
                Level::Warning => "warn",
                Level::Off => "allow",
            };
            writeln!(f, "{word} {pattern}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn star_matches_any_run_of_characters() {
        assert!(matches("*", ""));
        assert!(matches("*", "a.b.c"));
        assert!(matches("omnisend.*", "omnisend.tags.advice"));
        assert!(!matches("omnisend.*", "sendios.tags.advice"));
        assert!(matches("*.unknown_field", "suprsend.slack.unknown_field"));
        assert!(!matches("*.unknown_field", "suprsend.slack.unknown_fields"));
        assert!(matches("a*b*c", "aXbYbZc"));
        assert!(!matches("a*b*c", "aXbYbZ"));
        assert!(matches("omnisend.tags.advice", "omnisend.tags.advice"));
        assert!(!matches("omnisend.tags", "omnisend.tags.advice"));
    }

    #[test]
    fn the_fixed_rules_are_in_the_catalog() {
        for rule in FIXED {
            assert_eq!(rules::lookup(rule.id()), Some(*rule));
            assert_eq!(rule.severity(), Severity::Error);
        }
    }
}
