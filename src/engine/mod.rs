//! The one engine that walks any provider's member table.
//!
//! A provider is data: an [`ObjectSpec`] per JSON object (its members, each
//! with a [`Kind`], a type rule and an optional required rule), plus a few
//! named special checks. [`Walker`] visits the document once, in document
//! order, collecting every violation and normalizing in place; nothing is
//! fail-fast.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::Mutex;

use serde_json::{Map, Value};

use crate::lookup::FirstSeen;

use crate::options::Options;
use crate::policy::Policy;
use crate::report::{Change, Location, Report, Severity, Violation, push_pointer_token};
use crate::rules::{self, RuleInfo};
use crate::suggest;
use crate::values::{
    CountryCode, Date, Email, Gender, LanguageCode, Phone, PhoneRegion, PushToken, SendiosDateTime,
    Url, UtcDateTime,
};

pub(crate) mod read;
pub(crate) mod write;

pub(crate) use crate::values::parsed::{Kept, Parsed};
pub(crate) use read::To;
pub(crate) use write::{Empty, Write};

/// A special check run on an object after its members were walked.
pub(crate) type ObjectCheck = fn(&mut Walker<'_>, &mut Map<String, Value>);
/// A member whose value is checked by a named function.
pub(crate) type ValueCheck = fn(&mut Walker<'_>, &mut Value);

/// The members of one JSON object.
#[derive(Clone, Copy)]
pub(crate) struct ObjectSpec {
    pub members: &'static [Member],
    /// The rule for a member not in `members`; `None` accepts any.
    pub unknown: Option<&'static RuleInfo>,
    /// Runs after the members were walked.
    pub check: Option<ObjectCheck>,
    /// Member names match ignoring ASCII case (HTTP headers).
    pub ignore_case: bool,
    /// Whether a member's kind depends on a sibling's value
    /// ([`Kind::Tagged`]): only then are tags read before the walk.
    tagged: bool,
}

/// The most members of one object whose kind a sibling names
/// ([`Kind::Tagged`]): the walk reads their tags into a fixed array.
const MAX_TAGGED: usize = 4;

impl ObjectSpec {
    /// An object of these members, any other member accepted, no hook.
    ///
    /// A table with more than [`MAX_TAGGED`] tagged members is refused:
    /// it does not compile in a constant or static (as every table is),
    /// and panics when built at run time.
    pub(crate) const fn of(members: &'static [Member]) -> Self {
        let mut tagged = 0;
        let mut i = 0;
        while i < members.len() {
            if matches!(members[i].kind, Kind::Tagged(_)) {
                tagged += 1;
            }
            i += 1;
        }
        assert!(tagged <= MAX_TAGGED, "more tagged members than MAX_TAGGED");
        ObjectSpec {
            members,
            unknown: None,
            check: None,
            ignore_case: false,
            tagged: tagged > 0,
        }
    }

    /// The same object, a member not in its rows reported under `rule`.
    pub(crate) const fn unknown(self, rule: &'static RuleInfo) -> Self {
        ObjectSpec {
            unknown: Some(rule),
            ..self
        }
    }

    /// The same object, `check` run after its members were walked.
    pub(crate) const fn check(self, check: ObjectCheck) -> Self {
        ObjectSpec {
            check: Some(check),
            ..self
        }
    }

    /// The same object, member names matched ignoring ASCII case.
    pub(crate) const fn ignoring_case(self) -> Self {
        ObjectSpec {
            ignore_case: true,
            ..self
        }
    }

    /// The member called `name`.
    fn member(&self, name: &str) -> Option<&Member> {
        self.members.iter().find(|m| self.same_name(m.name, name))
    }

    fn same_name(&self, a: &str, b: &str) -> bool {
        // Every member of every object is looked up among its rows: most
        // rows differ in length or first byte, told apart without a call
        // to compare the rest.
        let (a, b) = (a.as_bytes(), b.as_bytes());
        if a.len() != b.len() {
            return false;
        }
        if self.ignore_case {
            a.eq_ignore_ascii_case(b)
        } else {
            a.first() == b.first() && a == b
        }
    }
}

/// One member of an object: wire name, kind, and the rules that govern it.
pub(crate) struct Member {
    pub name: &'static str,
    pub kind: Kind,
    /// Reported when the JSON type is wrong.
    pub type_rule: &'static RuleInfo,
    /// Reported when the member is missing (or `null`, unless
    /// `nullable`); `None`: optional, and `null` counts as absent.
    pub required: Option<&'static RuleInfo>,
    /// `null` is handed to the kind's check instead of counting as absent
    /// or missing (Rocket.Chat coerces it).
    pub nullable: bool,
    /// Where its value goes in the canonical contact (conversion).
    pub to: To,
    /// What of the canonical contact it is written from (conversion);
    /// by default what `to` reads.
    pub write: Write,
    /// What it is written as when the contact has nothing for it.
    pub empty: Empty,
}

impl Member {
    /// An optional member.
    pub(crate) const fn optional(
        name: &'static str,
        kind: Kind,
        type_rule: &'static RuleInfo,
    ) -> Self {
        Member {
            name,
            kind,
            type_rule,
            required: None,
            nullable: false,
            to: To::Lost,
            write: Write::Reading,
            empty: Empty::Absent,
        }
    }

    /// A member that must be present and not `null`.
    pub(crate) const fn required(
        name: &'static str,
        kind: Kind,
        type_rule: &'static RuleInfo,
        required: &'static RuleInfo,
    ) -> Self {
        Member {
            name,
            kind,
            type_rule,
            required: Some(required),
            nullable: false,
            to: To::Lost,
            write: Write::Reading,
            empty: Empty::Absent,
        }
    }

    /// The same member, with `null` handed to its check.
    pub(crate) const fn nullable(self) -> Self {
        Member {
            nullable: true,
            ..self
        }
    }

    /// The same member, read into the canonical contact as `to` says.
    pub(crate) const fn to(self, to: To) -> Self {
        Member { to, ..self }
    }

    /// The same member, written from the canonical contact as `write`
    /// says rather than as its reading says.
    pub(crate) const fn write(self, write: Write) -> Self {
        Member { write, ..self }
    }

    /// The same member, written as `empty` when the contact has nothing
    /// for it.
    pub(crate) const fn sent_empty(self, empty: Empty) -> Self {
        Member { empty, ..self }
    }
}

/// What a member holds.
pub(crate) enum Kind {
    /// A string, checked and normalized by a [`Format`].
    Str(Format),
    /// A boolean.
    Bool,
    /// An object with its own member table.
    Object(&'static ObjectSpec),
    /// An array.
    Array(&'static ArraySpec),
    /// An integer (a JSON number without a fraction), optionally within
    /// `min..=max` (reported under the given rule).
    Int(Option<(i64, i64, &'static RuleInfo)>),
    /// Checked by a named function (which also checks the type).
    Custom(ValueCheck),
    /// A value whose format another member of the same object names
    /// (Omnisend's identifier `id`, an email or a phone number by its
    /// `type`).
    Tagged(&'static Tagged),
}

/// A tagged member: the sibling whose string value is the tag, and the
/// kind for each tag.
pub(crate) struct Tagged {
    /// The sibling member holding the tag (`type`).
    pub tag: &'static str,
    /// The kind of the value for each tag.
    pub cases: &'static [(&'static str, Kind)],
    /// The kind when the tag is missing or none of `cases`.
    pub other: Kind,
}

impl Tagged {
    /// The kind for the tag `tag`.
    fn kind(&self, tag: Option<&str>) -> &Kind {
        self.cases
            .iter()
            .find(|(t, _)| Some(*t) == tag)
            .map_or(&self.other, |(_, kind)| kind)
    }
}

/// An array member.
pub(crate) struct ArraySpec {
    /// What each item holds; a wrong item type is reported with the
    /// member's type rule at the item's path.
    pub items: Kind,
    /// At most this many items.
    pub max_items: Option<(usize, &'static RuleInfo)>,
    /// Equal items after normalization are removed (keeping the first),
    /// with a warning and a change under this rule.
    pub dedupe: Option<&'static RuleInfo>,
}

/// How a string is checked and normalized. Each variant names the rules it
/// reports under.
pub(crate) enum Format {
    /// Any string.
    Any,
    /// A string that is not empty after trimming; an empty one is reported
    /// under the given rule.
    NonEmpty(&'static RuleInfo),
    /// At most this many chars.
    MaxLength(usize, &'static RuleInfo),
    /// One of the listed values, exactly.
    Enum(&'static [&'static str], &'static RuleInfo),
    /// An email address; normalized.
    Email(&'static RuleInfo),
    /// A phone number read in the payload's region; `invalid` warns about
    /// numbers no numbering plan assigns.
    Phone {
        format: &'static RuleInfo,
        invalid: &'static RuleInfo,
    },
    /// An ISO 3166-1 code; `alpha2` converts alpha-3 to alpha-2. `XK`
    /// (Kosovo: user-assigned in ISO 3166, used by the EU, Shopify and
    /// libphonenumber), not ISO, is an `advice` warning and sent as `XK`.
    Country {
        format: &'static RuleInfo,
        advice: &'static RuleInfo,
        alpha2: bool,
    },
    /// An ISO 8601 date-time with a zone, normalized to UTC.
    UtcDateTime(&'static RuleInfo),
    /// A calendar date; `future` warns about dates after today.
    Date {
        format: &'static RuleInfo,
        future: Option<&'static RuleInfo>,
    },
    /// `m` or `f`.
    Gender(&'static RuleInfo),
    /// An ISO 639-1 code; a longer tag is cut to its code with a warning,
    /// which names `whole`, the member that takes the whole tag, if any.
    Language {
        format: &'static RuleInfo,
        lossy: &'static RuleInfo,
        whole: Option<&'static str>,
    },
    /// An APNs or FCM push token.
    PushToken(&'static RuleInfo),
    /// An http(s) URL.
    Url(&'static RuleInfo),
    /// Sendios' `YYYY-MM-DD hh:mm:ss`; one given with a zone is converted to
    /// UTC, a change under `advice` (a warning: Sendios does not say which
    /// zone it reads).
    SendiosDateTime {
        format: &'static RuleInfo,
        advice: &'static RuleInfo,
    },
}

/// A string value as a message shows it, in the plain-text convention of
/// [`Violation::message`](crate::Violation::message): in single quotes
/// (`'fcm'`), invisible and control characters escaped (`'FCM\u{200b}'`),
/// cut after 64 characters (`'aaa…'`); an empty one is `an empty string`.
/// A quote inside the value is left as it is (`'O'Brien'`): the message
/// stays readable and needs no escaping in JSON.
pub(crate) fn shown(s: &str) -> String {
    const MAX: usize = 64;
    if s.is_empty() {
        return "an empty string".to_owned();
    }
    let mut out = String::from("'");
    for (i, c) in s.chars().enumerate() {
        if i == MAX {
            out.push('…');
            break;
        }
        if c.is_control() || suggest::is_invisible(c) {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    out.push('\'');
    out
}

/// Removes member `key`, leaving the others where they are, whichever
/// map `serde_json` was built with (`Map::remove` moves the last member
/// into the gap when `preserve_order` is on, and `shift_remove` exists
/// only then; a dependent's program decides, not this crate).
pub(crate) fn remove_member(map: &mut Map<String, Value>, key: &str) -> Option<Value> {
    let value = map.get_mut(key).map(std::mem::take)?;
    map.retain(|k, _| k != key);
    Some(value)
}

/// Inserts member `key` (not in `map`) before the member at `index` (at
/// the end past the last), leaving the others in their order. With
/// `serde_json`'s `preserve_order` off, members are in name order anyway.
pub(crate) fn insert_member_at(
    map: &mut Map<String, Value>,
    index: usize,
    key: String,
    value: Value,
) {
    let members = std::mem::take(map);
    let mut value = Some(value);
    for (i, (k, v)) in members.into_iter().enumerate() {
        if i == index
            && let Some(value) = value.take()
        {
            map.insert(key.clone(), value);
        }
        map.insert(k, v);
    }
    if let Some(value) = value {
        map.insert(key, value);
    }
}

/// The JSON type name used in messages.
pub(crate) fn type_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

/// `min` and `max` parameters of a range.
fn range_params(min: i64, max: i64) -> Vec<(&'static str, Value)> {
    vec![("min", Value::from(min)), ("max", Value::from(max))]
}

/// The longest string a `found` parameter holds, in characters.
const MAX_FOUND: usize = 256;

/// `found` for a scalar (a long string cut after [`MAX_FOUND`] characters,
/// then `…`), `count` for an array or object.
pub(crate) fn found_params(value: &Value) -> (&'static str, Value) {
    match value {
        Value::String(s) => match s.char_indices().nth(MAX_FOUND) {
            Some((cut, _)) => ("found", Value::String(format!("{}…", &s[..cut]))),
            None => ("found", value.clone()),
        },
        Value::Array(items) => ("count", Value::from(items.len())),
        Value::Object(members) => ("count", Value::from(members.len())),
        Value::Null | Value::Bool(_) | Value::Number(_) => ("found", value.clone()),
    }
}

/// Gives each violation without `found` or `count` the one of the value
/// its path points at, as written: the document after normalization,
/// undone along the path by the first change recorded at each step (a
/// change's `from` is the value before it). `part` gives the root of a
/// location.
pub(crate) fn add_found<'v>(
    violations: &mut [Violation],
    changes: &'v [Change],
    part: impl Fn(Location) -> Option<&'v Value>,
) {
    if violations.is_empty() {
        return;
    }
    let mut seen = FirstSeen::new();
    for (i, c) in changes.iter().enumerate() {
        seen.first((c.location(), c.path()), i);
    }
    for v in violations.iter_mut() {
        if v.param("found").is_some() || v.param("count").is_some() {
            continue;
        }
        let location = v.location();
        let Some(mut at) =
            (seen.get(&(location, "")).map(|i| changes[i].from())).or_else(|| part(location))
        else {
            continue;
        };
        let path = v.path();
        let mut end = 0;
        let mut resolved = true;
        for token in path.split('/').skip(1) {
            end += 1 + token.len();
            let step = seen
                .get(&(location, &path[..end]))
                .map(|i| changes[i].from());
            let step = step.or_else(|| {
                let name: std::borrow::Cow<'_, str> = if token.contains('~') {
                    token.replace("~1", "/").replace("~0", "~").into()
                } else {
                    token.into()
                };
                match at {
                    Value::Object(members) => members.get(name.as_ref()),
                    Value::Array(items) => name.parse::<usize>().ok().and_then(|i| items.get(i)),
                    _ => None,
                }
            });
            let Some(next) = step else {
                resolved = false;
                break;
            };
            at = next;
        }
        if resolved {
            let (name, value) = found_params(at);
            v.set_param(name, value);
        }
    }
}

/// Appends `/` and `index` to a JSON Pointer (digits need no escaping),
/// without the formatting machinery: every array item walked or read
/// passes here.
pub(crate) fn push_index(path: &mut String, index: usize) {
    let mut digits = [0u8; 20];
    let mut start = digits.len();
    let mut n = index;
    loop {
        start -= 1;
        // A remainder below 10 fits a byte.
        #[allow(clippy::cast_possible_truncation)]
        let digit = (n % 10) as u8;
        digits[start] = b'0' + digit;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    path.push('/');
    for &d in &digits[start..] {
        path.push(char::from(d));
    }
}

/// `<list>/<index>`: the path of a list's item.
pub(crate) fn item_path(list: &str, index: usize) -> String {
    let mut path = String::with_capacity(list.len() + 8);
    path.push_str(list);
    push_index(&mut path, index);
    path
}

/// A walk over a JSON document that keeps the JSON Pointer of where it is
/// (the walker that checks, the reader that converts).
pub(crate) trait Deeper: Sized {
    /// The JSON Pointer of the current place.
    fn path_mut(&mut self) -> &mut String;

    /// Runs `f` one member deeper.
    fn at<R>(&mut self, name: &str, f: impl FnOnce(&mut Self) -> R) -> R {
        let len = self.path_mut().len();
        push_pointer_token(self.path_mut(), name);
        let r = f(self);
        self.path_mut().truncate(len);
        r
    }

    /// Runs `f` one array item deeper.
    fn at_index<R>(&mut self, index: usize, f: impl FnOnce(&mut Self) -> R) -> R {
        let len = self.path_mut().len();
        // Digits need no JSON Pointer escaping; writing them into the path
        // allocates nothing once the path has grown.
        push_index(self.path_mut(), index);
        let r = f(self);
        self.path_mut().truncate(len);
        r
    }
}

impl Deeper for Walker<'_> {
    fn path_mut(&mut self) -> &mut String {
        &mut self.path
    }
}

/// Walks one document part, collecting violations and changes.
pub(crate) struct Walker<'a> {
    pub options: &'a Options,
    pub location: Location,
    /// The region national phone numbers are read in.
    pub region: Option<PhoneRegion>,
    /// Whether the request creates a record (advice that applies to
    /// creation only).
    pub creating: bool,
    /// The provider's own answer to the body, when it is known and the
    /// body is invalid in its eyes.
    pub provider_error: Option<Value>,
    /// What the batch has seen so far, and this document's index in it.
    pub batch: Option<(&'a Mutex<BatchState>, usize)>,
    /// Whether the document is a request envelope (its parts under
    /// `path`, `query`, `headers`, `body`).
    pub envelope: bool,
    path: String,
    pub violations: Vec<Violation>,
    pub changes: Vec<Change>,
    /// What was listed and left out of each rule (`Options::max_per_rule`).
    tallies: Tallies,
    /// The values parsed, kept while converting (see `values::parsed`).
    pub parsed: Option<Box<Parsed>>,
    /// The fraction of a second each date-time normalized to
    /// [`UtcDateTime`] was written with, where it had one, by location and
    /// path (at most [`MAX_POINTER_BYTES`] of paths): what the value no
    /// longer says, for hooks that order date-times as written (Omnisend's
    /// duplicate merge). Kept whatever the report lists; a map, so a hook
    /// that looks up every date stays linear.
    fractions: HashMap<(Location, String), u32>,
    fraction_bytes: usize,
}

/// How many violations and changes of one rule a report listed and left
/// out, and where the first one left out was.
struct Tally {
    rule: &'static RuleInfo,
    listed: [usize; 2],
    left_out: [usize; 2],
    first_left_out: [Option<(Location, String)>; 2],
}

/// Index of violations in a [`Tally`]'s pairs…
pub(crate) const VIOLATIONS: usize = 0;
/// …and of changes.
pub(crate) const CHANGES: usize = 1;

/// The most bytes of JSON Pointers one report lists, whatever the rules:
/// with [`Options::max_per_rule`] it keeps a report in proportion to its
/// document even when every pointer runs through one very long member name.
pub(crate) const MAX_POINTER_BYTES: usize = 8 << 20;

/// What one report lists and leaves out (`Options::max_per_rule`, and
/// [`MAX_POINTER_BYTES`]), rule by rule.
pub(crate) struct Tallies {
    max: usize,
    pointer_bytes: usize,
    list: Vec<Tally>,
}

impl Tallies {
    pub(crate) fn new(max: usize) -> Self {
        Tallies {
            max,
            pointer_bytes: 0,
            list: Vec::new(),
        }
    }

    fn tally(&mut self, rule: &'static RuleInfo) -> &mut Tally {
        // Rules are compared by id: a constant has no guaranteed address.
        let at = if let Some(at) = self.list.iter().position(|t| t.rule.id() == rule.id()) {
            at
        } else {
            self.list.push(Tally {
                rule,
                listed: [0; 2],
                left_out: [0; 2],
                first_left_out: [None, None],
            });
            self.list.len() - 1
        };
        &mut self.list[at]
    }

    /// Whether one more violation (`kind` [`VIOLATIONS`]) or change
    /// ([`CHANGES`]) of `rule`, at `location` and `path`, is listed.
    pub(crate) fn admit(
        &mut self,
        rule: &'static RuleInfo,
        kind: usize,
        location: Location,
        path: &str,
    ) -> bool {
        let max = self.max;
        let fits = self.pointer_bytes.saturating_add(path.len()) <= MAX_POINTER_BYTES;
        let tally = self.tally(rule);
        if tally.listed[kind] < max && fits {
            tally.listed[kind] += 1;
            self.pointer_bytes += path.len();
            return true;
        }
        if tally.left_out[kind] == 0 {
            tally.first_left_out[kind] = Some((location, path.to_owned()));
        }
        tally.left_out[kind] += 1;
        false
    }

    /// Whether every change was listed (none left out).
    pub(crate) fn all_changes_listed(&self) -> bool {
        self.list.iter().all(|t| t.left_out[CHANGES] == 0)
    }

    /// Counts `n` more of `rule` left out unseen (what the parser found and
    /// did not keep); the summary is at the document when none was seen.
    pub(crate) fn left_out(&mut self, rule: &'static RuleInfo, kind: usize, n: usize) {
        if n == 0 {
            return;
        }
        let tally = self.tally(rule);
        if tally.left_out[kind] == 0 {
            tally.first_left_out[kind] = Some((Location::Body, String::new()));
        }
        tally.left_out[kind] += n;
    }

    /// One `input.report.truncated` warning per rule and kind of which some
    /// were left out, in the order the rules were first met, at the
    /// severity `policy` gives `input.report.truncated` (none when it is
    /// off); a rule's violations are "errors" or "warnings" by the
    /// severity `policy` gives the rule.
    pub(crate) fn summaries(self, policy: &Policy) -> impl Iterator<Item = Violation> {
        let max = self.max;
        let severity = policy.severity(rules::INPUT_REPORT_TRUNCATED);
        // Nothing left out (the usual report) allocates nothing here.
        let list = if severity.is_some() && self.list.iter().any(|t| t.left_out != [0; 2]) {
            self.list
        } else {
            Vec::new()
        };
        let levels: Vec<_> = list.iter().map(|t| policy.severity(t.rule)).collect();
        list.into_iter().zip(levels).flat_map(move |(mut tally, level)| {
            let id = tally.rule.id();
            let what = match level {
                Some(Severity::Error) => "errors",
                _ => "warnings",
            };
            let mut out = Vec::new();
            for kind in [VIOLATIONS, CHANGES] {
                let Some((location, path)) = tally.first_left_out[kind].take() else {
                    continue;
                };
                let n = tally.left_out[kind];
                let limits = format!(
                    "a report lists at most {max} of each rule (a limit the service sets) and 8 MiB of pointers"
                );
                let message = if kind == VIOLATIONS {
                    format!(
                        "{n} more '{id}' {what} in this document are not listed, this one first: {limits}"
                    )
                } else {
                    format!(
                        "{n} more changes under '{id}' in this document are made but not listed, this one first: {limits}"
                    )
                };
                out.push(
                    Violation::new(rules::INPUT_REPORT_TRUNCATED, location, path, message)
                        .with_severity(severity.unwrap_or(Severity::Warning))
                        .with_param("rule", id)
                        .with_param("more", n)
                        .with_param("limit", max),
                );
            }
            out
        })
    }
}

/// What a [`Batch`](crate::Batch) remembers across its documents.
#[derive(Debug, Default, Clone)]
pub(crate) struct BatchState {
    /// Documents validated so far.
    pub documents: usize,
    /// For Sendios `fields`: each key's first JSON type and the index of
    /// the document it was seen in; at most
    /// [`Batch::MAX_KEYS`](crate::Batch::MAX_KEYS) keys of at most
    /// [`Batch::MAX_KEY_BYTES`](crate::Batch::MAX_KEY_BYTES) bytes in all.
    pub field_types: HashMap<String, (&'static str, usize)>,
    /// Bytes of the keys in `field_types`.
    pub key_bytes: usize,
}

impl<'a> Walker<'a> {
    pub(crate) fn new(options: &'a Options, location: Location) -> Self {
        Walker {
            options,
            location,
            region: options.get_default_region().copied(),
            creating: true,
            provider_error: None,
            batch: None,
            envelope: false,
            path: String::with_capacity(64),
            violations: Vec::new(),
            changes: Vec::new(),
            tallies: Tallies::new(options.get_max_per_rule()),
            parsed: None,
            fractions: HashMap::new(),
            fraction_bytes: 0,
        }
    }

    /// The fraction of a second, in nanoseconds, that the date-time at
    /// `path` (in the current location) was written with before it was
    /// normalized; 0 when it had none (or past the paths kept).
    pub(crate) fn written_fraction(&self, path: &str) -> u32 {
        if self.fractions.is_empty() {
            return 0;
        }
        self.fractions
            .get(&(self.location, path.to_owned()))
            .copied()
            .unwrap_or(0)
    }

    /// Keeps `value` as the reading of `text` too (a value sent as written
    /// but trimmed), while converting.
    pub(crate) fn keep<T: Kept>(&mut self, text: &str, value: &T) {
        if let Some(parsed) = &mut self.parsed {
            parsed.keep(text, self.region.as_ref(), value);
        }
    }

    /// Parses `text` as a `T` (a phone number in the walker's region) and
    /// gives what `f` takes from it, taking a value parsed before from
    /// [`Walker::parsed`] and keeping the new one there while converting
    /// (borrowed there, never cloned).
    pub(crate) fn parse_then<T: Kept, R>(
        &mut self,
        text: &str,
        f: impl FnOnce(&T) -> R,
    ) -> Result<R, T::Error> {
        match &mut self.parsed {
            Some(parsed) => parsed.parse_then(text, self.region.as_ref(), f),
            None => T::parse_in(text, self.region.as_ref()).map(|value| f(&value)),
        }
    }

    /// Takes what reading the document found (duplicate names, rounded
    /// numbers), listed as the walk's own, and how many more of each rule
    /// reading found but did not keep.
    pub(crate) fn take_found(
        &mut self,
        violations: Vec<Violation>,
        changes: Vec<Change>,
        more: &[(&'static RuleInfo, usize, usize)],
    ) {
        let policy = self.options.get_policy();
        for v in violations {
            // A rule switched off is neither listed nor counted.
            let Some(severity) = policy.severity(v.info()) else {
                continue;
            };
            if self
                .tallies
                .admit(v.info(), VIOLATIONS, v.location(), v.path())
            {
                self.violations.push(v.with_severity(severity));
            }
        }
        for c in changes {
            if self
                .tallies
                .admit(c.info(), CHANGES, c.location(), c.path())
            {
                self.changes.push(c);
            }
        }
        for &(rule, kind, n) in more {
            if kind == CHANGES || policy.severity(rule).is_some() {
                self.tallies.left_out(rule, kind, n);
            }
        }
    }

    /// The report of the walk over `value`: what it listed, then one
    /// `input.report.truncated` warning per rule (and kind) of which some
    /// were left out.
    pub(crate) fn into_report(mut self, value: Value) -> Report {
        let tallies = std::mem::replace(&mut self.tallies, Tallies::new(1));
        // With changes left out, the values as written cannot all be found.
        if tallies.all_changes_listed() {
            let envelope = self.envelope;
            add_found(&mut self.violations, &self.changes, |location| {
                if !envelope {
                    return Some(&value);
                }
                let part = match location {
                    Location::Body => "body",
                    Location::Path => "path",
                    Location::Query => "query",
                    Location::Header => "headers",
                    _ => return None,
                };
                value.get(part)
            });
        }
        self.violations
            .extend(tallies.summaries(self.options.get_policy()));
        Report::from_parts(self.violations, self.changes, value)
    }

    /// Records a violation at the current path.
    pub(crate) fn report(&mut self, rule: &'static RuleInfo, message: impl Into<String>) {
        self.report_suggesting(rule, message, None);
    }

    /// Records a violation at the current path, with a did-you-mean.
    pub(crate) fn report_suggesting(
        &mut self,
        rule: &'static RuleInfo,
        message: impl Into<String>,
        suggestion: Option<String>,
    ) {
        self.report_with(rule, message, suggestion, Vec::new());
    }

    /// Records a violation at the current path, with a did-you-mean and
    /// the parameters its check knows ([`Violation::params`]; `found` and
    /// `count` are added when the report is made).
    pub(crate) fn report_with(
        &mut self,
        rule: &'static RuleInfo,
        message: impl Into<String>,
        suggestion: Option<String>,
        params: Vec<(&'static str, Value)>,
    ) {
        // A rule the policy switched off is neither listed nor counted.
        let Some(severity) = self.options.get_policy().severity(rule) else {
            return;
        };
        if !self
            .tallies
            .admit(rule, VIOLATIONS, self.location, &self.path)
        {
            return;
        }
        let mut v = Violation::new(rule, self.location, self.path.clone(), message.into())
            .with_suggestion_opt(suggestion)
            .with_severity(severity);
        for (name, value) in params {
            v.set_param(name, value);
        }
        self.violations.push(v);
    }

    /// Records that normalization replaced `from` by `to` at the current
    /// path.
    pub(crate) fn change(&mut self, rule: &'static RuleInfo, from: Value, to: Value) {
        if !self.tallies.admit(rule, CHANGES, self.location, &self.path) {
            return;
        }
        self.changes.push(Change::new(
            rule,
            self.location,
            self.path.clone(),
            from,
            to,
        ));
    }

    /// Replaces the string in `value` by `normalized` when they differ,
    /// recording the change.
    pub(crate) fn normalize(
        &mut self,
        rule: &'static RuleInfo,
        value: &mut Value,
        normalized: &str,
    ) {
        let normalized = match value {
            Value::String(s) => differs(s, normalized),
            _ => None,
        };
        self.normalize_to(rule, value, normalized);
    }

    /// [`normalize`](Self::normalize) to a normalized text already known
    /// to differ (from [`differs`]); nothing for `None`.
    pub(crate) fn normalize_to(
        &mut self,
        rule: &'static RuleInfo,
        value: &mut Value,
        normalized: Option<String>,
    ) {
        if let (Some(normalized), Value::String(s)) = (normalized, value) {
            let from = std::mem::replace(s, normalized.clone());
            self.change(rule, Value::String(from), Value::String(normalized));
        }
    }

    /// Reports a wrong JSON type.
    pub(crate) fn wrong_type(&mut self, rule: &'static RuleInfo, expected: &str, found: &Value) {
        self.report_with(
            rule,
            format!("expected {expected}, found {}", type_name(found)),
            None,
            vec![
                ("expected", Value::from(expected)),
                ("found_type", Value::from(type_name(found))),
            ],
        );
    }

    /// Reports `found`, which is none of `allowed` (a `noun`), with the
    /// closest allowed value as did-you-mean.
    pub(crate) fn report_not_one_of(
        &mut self,
        rule: &'static RuleInfo,
        found: &str,
        allowed: &[&'static str],
        noun: &str,
    ) {
        let suggestion = suggest::closest(found, allowed.iter().copied());
        let list = match allowed {
            [one] => format!("'{one}'"),
            _ => format!(
                "one of {}",
                allowed
                    .iter()
                    .map(|a| format!("'{a}'"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        };
        let hint = suggestion
            .map(|s| format!("; did you mean '{s}'?"))
            .unwrap_or_default();
        let message = format!("{} is not {noun}; expected {list}{hint}", shown(found));
        self.report_with(
            rule,
            message,
            suggestion.map(str::to_owned),
            vec![("allowed", Value::from(allowed.to_vec()))],
        );
    }

    /// Walks the members of `object` by `spec`, in document order, then runs
    /// the spec's check.
    pub(crate) fn walk_object(&mut self, object: &mut Map<String, Value>, spec: &ObjectSpec) {
        // The kinds of tagged members, by their tags as read before any
        // member is walked.
        let mut tagged: [Option<(&str, &Kind)>; MAX_TAGGED] = [None; MAX_TAGGED];
        let rows = (if spec.tagged { spec.members } else { &[] }).iter();
        let kinds = rows.filter_map(|m| match &m.kind {
            Kind::Tagged(tagged) => Some((
                m.name,
                tagged.kind(object.get(tagged.tag).and_then(Value::as_str)),
            )),
            _ => None,
        });
        for (slot, kind) in tagged.iter_mut().zip(kinds) {
            *slot = Some(kind);
        }
        for (name, value) in object.iter_mut() {
            match spec.member(name) {
                Some(member) => {
                    let kind = match &member.kind {
                        Kind::Tagged(_) => tagged
                            .iter()
                            .flatten()
                            .find(|(n, _)| *n == member.name)
                            .map_or(&member.kind, |&(_, kind)| kind),
                        kind => kind,
                    };
                    self.at(name, |w| w.walk_member(value, member, kind));
                }
                None => {
                    if let Some(rule) = spec.unknown {
                        self.at(name, |w| w.unknown_member(name, rule, spec));
                    }
                }
            }
        }
        for member in spec.members {
            if let Some(rule) = member.required
                && !object.keys().any(|k| spec.same_name(member.name, k))
            {
                // A near miss sent instead (`Agent_Secret_Key`) is named.
                let near = suggest::closest(
                    member.name,
                    object
                        .keys()
                        .map(String::as_str)
                        .filter(|k| spec.member(k).is_none()),
                )
                .map(|sent| format!("; '{sent}' was sent, is it meant?"))
                .unwrap_or_default();
                self.at(member.name, |w| {
                    w.report_with(
                        rule,
                        format!("'{}' is required{near}", member.name),
                        None,
                        vec![("member", Value::from(member.name))],
                    );
                });
            }
        }
        if let Some(check) = spec.check {
            check(self, object);
        }
    }

    fn unknown_member(&mut self, name: &str, rule: &'static RuleInfo, spec: &ObjectSpec) {
        let suggestion = suggest::closest(name, spec.members.iter().map(|m| m.name));
        let message = match suggestion {
            Some(s) => format!("unknown member {}; did you mean '{s}'?", shown(name)),
            None => format!("unknown member {}", shown(name)),
        };
        self.report_suggesting(rule, message, suggestion.map(str::to_owned));
    }

    fn walk_member(&mut self, value: &mut Value, member: &Member, kind: &Kind) {
        if value.is_null() && !member.nullable {
            if let Some(rule) = member.required {
                self.report(
                    rule,
                    format!("'{}' is required and may not be null", member.name),
                );
            }
            return;
        }
        self.walk_value(value, kind, member.type_rule);
    }

    /// Checks one value of `kind`, reporting a wrong type under `type_rule`.
    pub(crate) fn walk_value(
        &mut self,
        value: &mut Value,
        kind: &Kind,
        type_rule: &'static RuleInfo,
    ) {
        match kind {
            Kind::Str(format) => match value {
                Value::String(_) => self.check_string(value, format),
                other => self.wrong_type(type_rule, "a string", other),
            },
            Kind::Bool => {
                if !value.is_boolean() {
                    self.wrong_type(type_rule, "a boolean", value);
                }
            }
            Kind::Object(spec) => match value {
                Value::Object(map) => self.walk_object(map, spec),
                other => self.wrong_type(type_rule, "an object", other),
            },
            Kind::Array(spec) => match value {
                Value::Array(items) => self.walk_array(items, spec, type_rule),
                other => self.wrong_type(type_rule, "an array", other),
            },
            Kind::Int(range) => match value.as_i64() {
                Some(n) => {
                    if let Some((min, max, rule)) = *range
                        && !(min..=max).contains(&n)
                    {
                        let message = format!("{n} is outside {min}..={max}");
                        self.report_with(rule, message, None, range_params(min, max));
                    }
                }
                None if value.as_u64().is_some() => {
                    if let Some((min, max, rule)) = *range {
                        let message = format!("{value} is outside {min}..={max}");
                        self.report_with(rule, message, None, range_params(min, max));
                    }
                }
                None => self.wrong_type(type_rule, "an integer", value),
            },
            Kind::Custom(check) => check(self, value),
            // Outside an object there is no tag to read.
            Kind::Tagged(tagged) => self.walk_value(value, &tagged.other, type_rule),
        }
    }

    fn walk_array(
        &mut self,
        items: &mut Vec<Value>,
        spec: &ArraySpec,
        type_rule: &'static RuleInfo,
    ) {
        if let Some((max, rule)) = spec.max_items
            && items.len() > max
        {
            self.report_with(
                rule,
                format!("{} items, more than the {max} allowed", items.len()),
                None,
                vec![("limit", Value::from(max))],
            );
        }
        for (i, item) in items.iter_mut().enumerate() {
            self.at_index(i, |w| w.walk_value(item, &spec.items, type_rule));
        }
        if let Some(rule) = spec.dedupe {
            self.dedupe(items, rule);
        }
    }

    /// Removes items equal to an earlier one, recording one warning per
    /// duplicate and one change of the whole array.
    /// Linear in the number of items (see [`FirstSeen`]).
    fn dedupe(&mut self, items: &mut Vec<Value>, rule: &'static RuleInfo) {
        // Each distinct item and the index it was first seen at.
        let mut first_seen = FirstSeen::new();
        let mut duplicates: Vec<(usize, usize)> = Vec::new();
        for (i, item) in items.iter().enumerate() {
            let first = first_seen.first(Hashed(item), i);
            if first != i {
                duplicates.push((i, first));
            }
        }
        drop(first_seen);
        if duplicates.is_empty() {
            return;
        }
        for &(i, first) in &duplicates {
            // Given here: the item is gone from the array the report sees.
            let mut params = vec![("duplicate_of", Value::from(first))];
            params.push(found_params(&items[i]));
            self.at_index(i, |w| {
                w.report_with(
                    rule,
                    format!("duplicate of item {first}; removed"),
                    None,
                    params,
                );
            });
        }
        let mut drop_at = duplicates.iter().map(|&(i, _)| i).peekable();
        let mut kept = Vec::with_capacity(items.len() - duplicates.len());
        for (i, item) in items.iter().enumerate() {
            if drop_at.peek() == Some(&i) {
                drop_at.next();
            } else {
                kept.push(item.clone());
            }
        }
        let from = std::mem::replace(items, kept);
        self.change(rule, Value::Array(from), Value::Array(items.clone()));
    }

    /// Records that the date-time at the current path had a fraction of
    /// `nanos` (see `fractions`).
    fn keep_fraction(&mut self, nanos: u32) {
        let bytes = self.fraction_bytes.saturating_add(self.path.len());
        if bytes <= MAX_POINTER_BYTES {
            self.fraction_bytes = bytes;
            self.fractions
                .insert((self.location, self.path.clone()), nanos);
        }
    }

    pub(crate) fn check_string(&mut self, value: &mut Value, format: &Format) {
        let Value::String(s) = value else { return };
        match *format {
            Format::Any => {}
            Format::NonEmpty(rule) => {
                // Only invisible characters (zero-width spaces) is empty too.
                if crate::values::trim(s).chars().all(suggest::is_invisible) {
                    self.report(rule, "expected a non-empty string");
                }
            }
            Format::MaxLength(max, rule) => {
                let len = s.chars().count();
                if len > max {
                    self.report_with(
                        rule,
                        format!("{len} characters, more than the {max} allowed"),
                        None,
                        vec![("limit", Value::from(max)), ("length", Value::from(len))],
                    );
                }
            }
            Format::Enum(allowed, rule) => {
                if !allowed.contains(&s.as_str()) {
                    let found = s.clone();
                    self.report_not_one_of(rule, &found, allowed, "an allowed value");
                }
            }
            Format::Email(rule) => match self.parse_then(s, |e: &Email| differs(s, e.as_str())) {
                Ok(normalized) => self.normalize_to(rule, value, normalized),
                Err(e) => self.report(rule, format!("not an email address: {e}")),
            },
            Format::Phone { format, invalid } => {
                self.check_phone(value, format, invalid);
            }
            Format::Country {
                format,
                advice,
                alpha2,
            } => self.country(value, format, advice, alpha2),
            Format::UtcDateTime(rule) => {
                match self.parse_then(s, |dt: &UtcDateTime| differs(s, dt.as_str())) {
                    Ok(normalized) => {
                        let nanos = crate::values::datetime::fraction_nanos(s);
                        if nanos > 0 {
                            self.keep_fraction(nanos);
                        }
                        self.normalize_to(rule, value, normalized);
                    }
                    Err(e) => self.report(rule, format!("not an ISO 8601 date-time: {e}")),
                }
            }
            Format::Date { format, future } => match Date::parse(s) {
                Ok(date) => {
                    if let Some(rule) = future
                        && (date.year(), date.month(), date.day()) > self.options.today_ymd()
                    {
                        self.report(rule, format!("'{date}' is in the future"));
                    }
                    self.normalize(format, value, date.as_str());
                }
                Err(e) => self.report(format, format!("not a YYYY-MM-DD date: {e}")),
            },
            Format::Language {
                format,
                lossy,
                whole,
            } => {
                let s = s.clone();
                self.language(value, &s, format, lossy, whole);
            }
            Format::PushToken(rule) => match PushToken::parse(s) {
                Ok(token) => self.normalize(rule, value, token.as_str()),
                Err(e) => self.report(rule, format!("not an APNs or FCM push token: {e}")),
            },
            Format::Url(rule) => match Url::parse(s) {
                Ok(url) => self.normalize(rule, value, url.as_str()),
                Err(e) => self.report(rule, format!("not an http(s) URL: {e}")),
            },
            Format::SendiosDateTime { format, advice } => {
                let s = s.clone();
                self.sendios_date_time(value, &s, format, advice);
            }
            Format::Gender(rule) => match Gender::parse(s) {
                Ok(g) => self.normalize(rule, value, g.as_str()),
                Err(e) => self.report_with(
                    rule,
                    format!("{e}; expected 'm' or 'f'"),
                    None,
                    vec![("allowed", Value::from(vec!["m", "f"]))],
                ),
            },
        }
    }

    /// A country code (as alpha-2 when `alpha2`); Kosovo's `XK`, which is
    /// not an ISO code, sent with an `advice` warning.
    fn country(
        &mut self,
        value: &mut Value,
        format: &'static RuleInfo,
        advice: &'static RuleInfo,
        alpha2: bool,
    ) {
        let Value::String(s) = &*value else { return };
        let normalized = |code: &CountryCode| {
            let alpha = code.to_alpha2();
            let text = if alpha2 {
                alpha.as_str()
            } else {
                code.as_str()
            };
            differs(s, text)
        };
        let read = self.parse_then(s, normalized);
        let kosovo = read.is_err() && s.trim().eq_ignore_ascii_case("XK");
        match read {
            Ok(normalized) => self.normalize_to(format, value, normalized),
            Err(_) if kosovo => {
                self.report(
                    advice,
                    "'XK' (Kosovo) is not an ISO 3166-1 code but the one commonly used; the provider asks only for a two-letter code, so it is sent as 'XK'",
                );
                self.normalize(format, value, "XK");
            }
            Err(e) => {
                let suggestion = e.suggestion().map(str::to_owned);
                self.report_suggesting(format, format!("not a country code: {e}"), suggestion);
            }
        }
    }

    /// An ISO 639-1 code (normalized to lowercase); a longer tag is cut to
    /// its language with a `lossy` warning naming `whole`, the member that
    /// takes the whole tag, if the provider has one.
    fn language(
        &mut self,
        value: &mut Value,
        s: &str,
        format: &'static RuleInfo,
        lossy: &'static RuleInfo,
        whole: Option<&'static str>,
    ) {
        match LanguageCode::parse(s) {
            Ok(code) => self.normalize(format, value, code.as_str()),
            Err(e) => {
                if let Ok(code) = LanguageCode::from_tag(s) {
                    let whole = whole
                        .map(|m| format!("; '{m}' takes the whole tag"))
                        .unwrap_or_default();
                    self.report(
                        lossy,
                        format!(
                            "'{s}' is a language tag; only its language '{code}' is kept{whole}"
                        ),
                    );
                    self.normalize(lossy, value, code.as_str());
                } else {
                    let message = format!("{}: {e}", shown(s));
                    self.report(format, message);
                }
            }
        }
    }

    /// Sendios' `YYYY-MM-DD hh:mm:ss`: kept (trimmed) when written so, else
    /// converted to UTC with an `advice` warning, since Sendios does not
    /// say which zone it reads.
    fn sendios_date_time(
        &mut self,
        value: &mut Value,
        s: &str,
        format: &'static RuleInfo,
        advice: &'static RuleInfo,
    ) {
        let dt = match SendiosDateTime::parse(s) {
            Ok(dt) => dt,
            Err(e) => {
                self.report(format, format!("not a YYYY-MM-DD hh:mm:ss date-time: {e}"));
                return;
            }
        };
        let written = crate::values::trim(s);
        if dt.as_str() == written {
            self.normalize(format, value, dt.as_str());
            return;
        }
        let fraction = if written.contains('.') {
            ", its fraction of a second dropped"
        } else {
            ""
        };
        self.report(
            advice,
            format!(
                "{} is written in UTC as '{}'{fraction}: Sendios reads YYYY-MM-DD hh:mm:ss without saying in which time zone; if your project reads local times, send the local time",
                shown(s),
                dt.as_str()
            ),
        );
        self.normalize(advice, value, dt.as_str());
    }

    /// Checks and normalizes a phone number string in the walker's region;
    /// `invalid` (a warning) for a number no numbering plan assigns, only
    /// with the `phone` feature (without it, assignment is not known and
    /// `invalid` is never reported; a national number is a `format` error,
    /// [`PhoneError::NationalNeedsMetadata`](crate::values::PhoneError::NationalNeedsMetadata)).
    pub(crate) fn check_phone(
        &mut self,
        value: &mut Value,
        format: &'static RuleInfo,
        invalid: &'static RuleInfo,
    ) {
        let Value::String(s) = value else { return };
        let read = |phone: &Phone| (phone.unassigned_warning(), differs(s, phone.as_str()));
        match self.parse_then(s, read) {
            Ok((unassigned, normalized)) => {
                if let Some(message) = unassigned {
                    self.report(invalid, message);
                }
                self.normalize_to(format, value, normalized);
            }
            Err(e) => self.report(format, format!("not a phone number: {e}")),
        }
    }
}

/// `normalized` when `text` is not it already: what
/// [`Walker::normalize_to`] writes.
fn differs(text: &str, normalized: &str) -> Option<String> {
    (text != normalized).then(|| normalized.to_owned())
}

/// A JSON value as a hash-map key, with [`Value`]'s own equality: object
/// members hash in key order, since equal objects may list them in another
/// order.
struct Hashed<'a>(&'a Value);

impl PartialEq for Hashed<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.0 == other.0
    }
}

impl Eq for Hashed<'_> {}

impl Hash for Hashed<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        hash_value(self.0, state);
    }
}

/// Hashes `value` without recursion (documents may be deep).
fn hash_value<H: Hasher>(value: &Value, state: &mut H) {
    // Scalars (the usual array items: tags, emails) need no stack.
    if !matches!(value, Value::Array(_) | Value::Object(_)) {
        hash_scalar(value, state);
        return;
    }
    let mut stack = vec![value];
    while let Some(v) = stack.pop() {
        match v {
            Value::Null | Value::Bool(_) | Value::Number(_) | Value::String(_) => {
                hash_scalar(v, state);
            }
            Value::Array(items) => {
                std::mem::discriminant(v).hash(state);
                items.len().hash(state);
                stack.extend(items.iter().rev());
            }
            Value::Object(map) => {
                std::mem::discriminant(v).hash(state);
                map.len().hash(state);
                let mut members: Vec<_> = map.iter().collect();
                members.sort_unstable_by(|a, b| a.0.cmp(b.0));
                for (k, _) in &members {
                    k.hash(state);
                }
                stack.extend(members.into_iter().rev().map(|(_, v)| v));
            }
        }
    }
}

/// Hashes a value that is not an array or an object.
fn hash_scalar<H: Hasher>(value: &Value, state: &mut H) {
    std::mem::discriminant(value).hash(state);
    match value {
        Value::Bool(b) => b.hash(state),
        Value::Number(n) => n.hash(state),
        Value::String(s) => s.hash(state),
        Value::Null | Value::Array(_) | Value::Object(_) => {}
    }
}

/// An upper bound of `value`'s length serialized (every string byte
/// counted as a six-byte escape, every number as the longer of 32 bytes
/// and its text), or `None` when it nests deeper than `limit`. One walk
/// without recursion, nothing serialized: a body well within a size limit
/// needs no serializing to know.
///
/// A finite double serializes in at most 24 bytes; a number kept as
/// written (`serde_json`'s `arbitrary_precision`, which a program may turn
/// on for every crate) is as long as its text, which `Display` writes.
pub(crate) fn size_bound(value: &Value, limit: usize) -> Option<usize> {
    /// Counts what is written.
    struct Count(usize);
    impl std::fmt::Write for Count {
        fn write_str(&mut self, s: &str) -> std::fmt::Result {
            self.0 += s.len();
            Ok(())
        }
    }
    let number = |n: &serde_json::Number| {
        // Integers within 64 bits and doubles are at most 32 bytes long;
        // only an `arbitrary_precision` number may be longer.
        if n.is_u64() || n.is_i64() {
            return 32;
        }
        let mut count = Count(0);
        let _ = std::fmt::Write::write_fmt(&mut count, format_args!("{n}"));
        count.0.max(32)
    };
    let string = |s: &str| 2 + 6 * s.len();
    let mut bound = 0usize;
    let mut stack: Vec<(&Value, usize)> = Vec::with_capacity(32);
    stack.push((value, 0));
    while let Some((v, d)) = stack.pop() {
        bound = bound.saturating_add(match v {
            Value::Null | Value::Bool(_) => 5,
            Value::Number(n) => number(n),
            Value::String(s) => string(s),
            Value::Array(items) => {
                if d + 1 > limit {
                    return None;
                }
                stack.extend(items.iter().map(|i| (i, d + 1)));
                2 + items.len()
            }
            Value::Object(map) => {
                if d + 1 > limit {
                    return None;
                }
                stack.extend(map.values().map(|i| (i, d + 1)));
                2 + map.keys().map(|k| string(k) + 2).sum::<usize>()
            }
        });
    }
    Some(bound)
}

#[cfg(test)]
mod tests {
    #[test]
    fn an_index_is_written_as_its_digits() {
        for n in [0, 7, 10, 99, 100, 12_345, usize::MAX] {
            let mut path = "/a".to_owned();
            super::push_index(&mut path, n);
            assert_eq!(path, format!("/a/{n}"));
            assert_eq!(super::item_path("/tags", n), format!("/tags/{n}"));
        }
    }

    #[test]
    fn members_removed_and_inserted_keep_the_others_in_order() {
        let mut map: Map<String, Value> =
            serde_json::from_str(r#"{"c": 1, "a": 2, "b": 3}"#).unwrap();
        assert_eq!(remove_member(&mut map, "a"), Some(Value::from(2)));
        assert_eq!(remove_member(&mut map, "a"), None);
        insert_member_at(&mut map, 1, "z".to_owned(), Value::from(4));
        insert_member_at(&mut map, 9, "y".to_owned(), Value::from(5));
        let keys: Vec<&str> = map.keys().map(String::as_str).collect();
        // The crate's tests are built with `preserve_order` (dev-dependency).
        assert_eq!(keys, ["c", "z", "b", "y"]);
    }

    use super::*;
    use serde_json::json;

    #[test]
    fn values_are_shown_escaped_and_cut() {
        assert_eq!(shown(""), "an empty string");
        assert_eq!(shown("fcm\u{200B}"), "'fcm\\u{200b}'");
        assert_eq!(shown(&"a".repeat(100)), format!("'{}…'", "a".repeat(64)));
    }

    #[test]
    fn equal_values_hash_alike() {
        use std::collections::hash_map::DefaultHasher;
        let h = |v: &Value| {
            let mut s = DefaultHasher::new();
            Hashed(v).hash(&mut s);
            s.finish()
        };
        let a = json!({"x": 1, "y": [true, null, "s"]});
        let b: Value = serde_json::from_str(r#"{"y": [true, null, "s"], "x": 1}"#).unwrap();
        assert_eq!(a, b);
        assert_eq!(h(&a), h(&b));
        assert_ne!(h(&json!(["a", "b"])), h(&json!(["b", "a"])));
    }

    #[test]
    fn depth_counts_containers() {
        assert!(size_bound(&json!(1), 0).is_some());
        assert!(size_bound(&json!({}), 0).is_none());
        assert!(size_bound(&json!({"a": [1]}), 2).is_some());
        assert!(size_bound(&json!({"a": [[1]]}), 2).is_none());
        for v in [
            json!(null),
            json!({"a\u{1}\"": ["é", 1.5e300, -12, true, null, {}], "": []}),
            json!([[["\n\t"]], u64::MAX, i64::MIN]),
        ] {
            let bound = size_bound(&v, 8).expect("not too deep");
            assert!(v.to_string().len() <= bound, "{v} within {bound}");
        }
        assert_eq!(size_bound(&json!([[1]]), 1), None);
        // A number kept as written (`serde_json/arbitrary_precision`, on
        // when a program turns it on) is as long as its text; without the
        // feature such a number does not parse and there is nothing to
        // bound.
        let long = format!("[{}]", "1".repeat(5000));
        if let Ok(v) = serde_json::from_str::<Value>(&long) {
            assert!(size_bound(&v, 8).unwrap() >= v.to_string().len());
        }
    }
}
