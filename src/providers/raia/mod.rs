//! raia: conversation users — `create` (`POST /external/users`, a JSON
//! body), `search` (`GET /external/users/search`, query parameters
//! `email`, `phoneNumber`, `fkId`), `get` and `delete`
//! (`GET` / `DELETE /external/users/{id}`, path parameter `id`); every
//! request carries the header `Agent-Secret-Key`.
//!
//! The create body members are [`MEMBERS`]: `firstName` and `lastName`
//! (required; blank is a warning), at least one of `email`, `phoneNumber` and
//! `fkId` (raia's three ways to create a user), `context`, `source`,
//! `fkUserId` (strings), `customData` (an object) and the booleans
//! `skipEmailValidation` and `skipPhoneNumberValidation`. Emails are normalized (domain lowercased)
//! and phone numbers to E.164; when a skip flag is `true`, a value that does
//! not parse is only a `*.advice` warning and is sent as it is.
//!
//! # Sources
//!
//! - raia's `OpenAPI`, `https://api.raia2.com/api/external/docs/openapi.json`
//!   as retrieved on 2026-07-27 and committed in
//!   `raia-ai/raia-agent-devkit`
//!   `docs/raia-devkit-spec/contracts/vendor/raia-external-api.raw.openapi.json`
//!   (commit `412af63694dd3b29d3eafc8ea2bffde2820696ff`; raw SHA-256
//!   `fabbd26b…`, per `raia-external-api.normalization.json` beside it):
//!   `paths./external/users.post` (a `oneOf` of
//!   `CreateUserWithPhoneNumberBodyDTO`, `CreateUserWithEmailBodyDTO` and
//!   `CreateUserWithFkIdBodyDTO`), `paths./external/users/search.get`,
//!   `paths./external/users/{id}` (`get`, `delete`), and
//!   `components.schemas.CreateUserWith*BodyDTO`.
//! - The seed page: raia's "Users" API reference page as first read when
//!   the crate was written, which
//!   prints the create body only as "or / or" and the search, get and
//!   delete parameters.
//!
//! No raia server code or SDK is public; the `OpenAPI` decides.
//!
//! # Where the sources disagree, or say nothing
//!
//! - **Three ways to create a user.** The create body is a `oneOf` of
//!   three DTOs with the same eleven members, each requiring `firstName`,
//!   `lastName` and one of `phoneNumber`, `email`, `fkId`. The seed page's
//!   summary says "using either an email or phoneNumber" (and the crate
//!   refused a body with `fkId` alone): the `OpenAPI`'s
//!   `CreateUserWithFkIdBodyDTO` decides, so `raia.body.required` asks for
//!   any one of the three. A body matching several alternatives (an email
//!   *and* a phone) is accepted: the DTOs declare no
//!   `additionalProperties: false`, the `oneOf` is the generator's way to
//!   list alternatives, and the summary names "email or phoneNumber" as
//!   alternatives a user may both have.
//! - **A blank `fkId`** satisfies the `OpenAPI` (a required string, no
//!   `minLength`): it counts as given, with a `raia.fk_id.advice`
//!   warning. A blank `email` / `phoneNumber` does not count: raia checks
//!   their formats (that is what the skip flags skip).
//! - **The path parameter `id`** is `type: string` in the `OpenAPI` (its
//!   example is a UUID, `5f7b1b3b-3b3b-4b3b-3b3b-3b3b3b3b3b3b`, whose
//!   variant digit is not RFC 4122's). A missing, `null`, non-string or
//!   blank id is a `raia.id.format` error (a blank one would send the
//!   request to another route); an id that is not a hyphenated UUID, or is
//!   surrounded by whitespace, is only a `raia.id.advice` warning. The id
//!   is sent as it is: before, the crate refused non-UUIDs and lowercased
//!   UUIDs, a change a plain string does not allow.
//!
//! - **Search parameters are plain strings.** The `OpenAPI` types
//!   `email`, `phoneNumber` and `fkId` of `GET /external/users/search` as
//!   `string` with no format (`paths./external/users/search.get.parameters`),
//!   and a search finds what raia stored, which may be a value created with
//!   a skip flag. So the crate neither refuses nor rewrites them (before, a
//!   value that did not parse was a `raia.email.format` /
//!   `raia.phone_number.format` error, and `John@Example.COM` /
//!   `(555) 010-0000` were rewritten to the form a create body is sent in,
//!   which may miss the stored user). A value that is not an email / phone,
//!   or is written otherwise than a create body sends it, is a
//!   `raia.query.advice` warning, with that form as suggestion; a number no
//!   plan assigns is still `raia.phone_number.invalid_number`.
//!
//! - **Blank `firstName` / `lastName`.** Both are required strings in
//!   every `CreateUserWith*BodyDTO`, with no `minLength`; the seed page says
//!   only "string, Required". Nothing public says raia refuses a blank
//!   name, so a name that is empty after trimming is accepted with a
//!   `raia.first_name.advice` / `raia.last_name.advice` warning and sent as
//!   it is (before, `raia.*_name.required` errors: a possible false error).
//!   A missing or `null` name stays a `required` error. To refuse blank
//!   names, raise these warnings to errors with a rule policy
//!   (`Policy::new().deny("raia.*_name.advice")`, see
//!   [`Policy`](crate::Policy)).
//!
//! Choices where the document and the catalog are silent:
//! - `null` for an optional member means "not given"; `null` for
//!   `firstName` / `lastName` is a `required` error. Names are checked
//!   for emptiness after trimming, but never trimmed or otherwise changed.
//! - `raia.body.required` counts `email` / `phoneNumber` as given when
//!   present, not `null` and not blank; a blank one is reported by its own
//!   `format` rule (or `advice` when skipped) *and* counts as not given.
//!   `fkId` counts when present and not `null`. A value of the wrong type
//!   counts as given (its `type` error says enough).
//! - Only the JSON boolean `true` turns a skip flag on; `"true"` is a
//!   `type` error and validation is not skipped. A value that does parse is
//!   normalized even when its skip flag is `true`; `invalid_number` is
//!   reported either way (it is a warning).
//! - Phone numbers without `+` are read in the validator's default
//!   region ([`Options::default_region`](crate::Options::default_region)):
//!   a raia user has no country member.
//! - `metadata` (a member of raia's responses) is a
//!   `raia.metadata.unknown_field` warning with the suggestion
//!   `customData`. When `metadata.customData` is an object and `customData`
//!   is not given (absent or `null`), it is moved to `customData` — into
//!   the place of a `"customData": null` member when there is one, else at
//!   the place of `metadata` when nothing else is left in `metadata` (which
//!   is then removed), else right after it — and the move is recorded as two
//!   changes: `/metadata` (from the object as sent to what is left, or
//!   `null` when removed) and `/customData` (from `null` to the moved
//!   object). When `customData` is also given, `customData` wins: nothing is
//!   moved and the message says that `metadata.customData` would be lost;
//!   a `metadata.customData` that is not an object is not moved either.
//! - Other unknown members are `raia.body.unknown_field` warnings, reported
//!   after the members' own violations, in document order, with the
//!   closest member name as suggestion (`phone` suggests `phoneNumber`).
//! - `search`: each parameter must be a string (a JSON number for `fkId`
//!   is a `raia.fk_id.type` error: the document types it as a string). A
//!   parameter counts as given when present, not `null` and not blank (a
//!   blank `fkId` too: an empty query parameter names nothing); other
//!   query parameters are not checked.
//! - `Agent-Secret-Key` is matched ignoring case, and must be a string that
//!   is not blank; a violation's path names the header as sent (or
//!   `/Agent-Secret-Key` when it is missing).
//! - Request envelopes check `path`, `query` and `headers` only when the
//!   envelope has them (a `search` envelope without `query` is not a
//!   `raia.query.required` error). `search`, `get` and `delete` send no
//!   body: a `body` in their envelope is an `input.body.type` error. A
//!   document validated on its own (not as an envelope) for these
//!   operations *is* the operation's parameters: the query parameters
//!   object for `search`, the path parameters object (`{"id": …}`) for
//!   `get` and `delete`; its violations are located `in` `query` / `path`.
//!
//! ```
//! use omnicontact::{Operation, Provider, Validator};
//!
//! let v = Validator::new(Provider::Raia);
//! let r = v.validate_str(r#"{"firstName":"John","lastName":"Doe","email":"John@Example.COM",
//!     "metadata":{"customData":{"plan":"pro"}}}"#);
//! assert!(r.is_valid()); // `metadata` is only a warning
//! assert_eq!(r.violations()[0].rule(), "raia.metadata.unknown_field");
//! assert_eq!(r.violations()[0].suggestion(), Some("customData"));
//! assert_eq!(
//!     r.normalized().unwrap().to_string(),
//!     r#"{"firstName":"John","lastName":"Doe","email":"John@example.com","customData":{"plan":"pro"}}"#
//! );
//!
//! // A search validates the query parameters.
//! let search = Validator::for_operation(Provider::Raia, Operation::Search).unwrap();
//! let r = search.validate_str(r#"{"fkId":""}"#);
//! assert_eq!(r.violations()[0].rule(), "raia.query.advice"); // blank
//! assert_eq!(r.violations()[1].rule(), "raia.query.required");
//! assert_eq!(r.violations()[1].location().as_str(), "query");
//!
//! // Search keys are sent as written, the form a create body sends suggested.
//! let r = search.validate_str(r#"{"email":"Jane@Example.COM"}"#);
//! assert!(r.is_valid());
//! assert_eq!(r.violations()[0].rule(), "raia.query.advice");
//! assert_eq!(r.violations()[0].suggestion(), Some("Jane@example.com"));
//! assert_eq!(r.normalized().unwrap()["email"], "Jane@Example.COM");
//! ```
#![doc = include_str!("rules.md")]

pub mod convert;
mod wire;

pub use wire::{CREATE, DELETE, GET, SEARCH, SearchQuery, User};

use serde_json::{Map, Value};

use super::{Operation, Parts, ProviderSpec};
use crate::engine::Deeper;
use crate::engine::read::IdType;
use crate::engine::write::Empty;
use crate::engine::{
    Format, Kind, Member, ObjectSpec, To, Walker, insert_member_at, remove_member, shown, type_name,
};
use crate::model::field;
use crate::rules::{self, RuleInfo};
use crate::suggest;
use crate::values::{Email, Phone, Uuid, trim};

/// raia as data.
pub(crate) static SPEC: ProviderSpec = ProviderSpec {
    body: &BODY,
    region: |_| None,
    checks: &[],
    provider_error: None,
    read: None,
    write: None,
    operations: &[
        Operation::Create,
        Operation::Search,
        Operation::Get,
        Operation::Delete,
    ],
    parts,
};

/// The members of a create body, in the order the crate documents them.
///
/// ```
/// use omnicontact::providers::raia::MEMBERS;
/// assert_eq!(MEMBERS.len(), 11);
/// assert!(MEMBERS.contains(&"skipPhoneNumberValidation"));
/// ```
pub const MEMBERS: &[&str] = &[
    "firstName",
    "lastName",
    "email",
    "phoneNumber",
    "context",
    "source",
    "fkId",
    "fkUserId",
    "customData",
    "skipEmailValidation",
    "skipPhoneNumberValidation",
];

/// The query parameters of a search; at least one must be given.
///
/// ```
/// assert_eq!(omnicontact::providers::raia::SEARCH_PARAMETERS, ["email", "phoneNumber", "fkId"]);
/// ```
pub const SEARCH_PARAMETERS: [&str; 3] = ["email", "phoneNumber", "fkId"];

/// The authentication header every raia request carries.
///
/// ```
/// assert_eq!(omnicontact::providers::raia::SECRET_KEY_HEADER, "Agent-Secret-Key");
/// ```
pub const SECRET_KEY_HEADER: &str = "Agent-Secret-Key";

/// Names people send for a member under another provider's spelling, with
/// the member they mean (beyond what [`suggest::closest`] finds).
const ALIASES: &[(&str, &str)] = &[
    ("phone", "phoneNumber"),
    ("mobile", "phoneNumber"),
    ("mobileNumber", "phoneNumber"),
];

/// Any object, its content free (`customData`).
static ANY_OBJECT: ObjectSpec = ObjectSpec::of(&[]);

static BODY: ObjectSpec = ObjectSpec::of(&[
    Member::required(
        "firstName",
        Kind::Str(Format::NonEmpty(rules::RAIA_FIRST_NAME_ADVICE)),
        rules::RAIA_FIRST_NAME_TYPE,
        rules::RAIA_FIRST_NAME_REQUIRED,
    )
    .to(To::Given(&field::FIRST_NAME))
    .sent_empty(Empty::Text),
    Member::required(
        "lastName",
        Kind::Str(Format::NonEmpty(rules::RAIA_LAST_NAME_ADVICE)),
        rules::RAIA_LAST_NAME_TYPE,
        rules::RAIA_LAST_NAME_REQUIRED,
    )
    .to(To::Given(&field::LAST_NAME))
    .sent_empty(Empty::Text),
    // Formats depend on the skip flags: checked by `body_check`.
    Member::optional("email", Kind::Str(Format::Any), rules::RAIA_EMAIL_TYPE)
        .to(To::Id(IdType::Email)),
    Member::optional(
        "phoneNumber",
        Kind::Str(Format::Any),
        rules::RAIA_PHONE_NUMBER_TYPE,
    )
    .to(To::Id(IdType::Phone)),
    Member::optional("context", Kind::Str(Format::Any), rules::RAIA_CONTEXT_TYPE),
    Member::optional("source", Kind::Str(Format::Any), rules::RAIA_SOURCE_TYPE),
    // Raia's third way to create a user (`CreateUserWithFkIdBodyDTO`):
    // a blank one counts as given, with a warning.
    Member::optional(
        "fkId",
        Kind::Str(Format::NonEmpty(rules::RAIA_FK_ID_ADVICE)),
        rules::RAIA_FK_ID_TYPE,
    )
    .to(To::Field(&field::EXTERNAL_ID)),
    Member::optional(
        "fkUserId",
        Kind::Str(Format::Any),
        rules::RAIA_FK_USER_ID_TYPE,
    ),
    Member::optional(
        "customData",
        Kind::Object(&ANY_OBJECT),
        rules::RAIA_CUSTOM_DATA_TYPE,
    )
    .to(To::Properties),
    Member::optional(
        "skipEmailValidation",
        Kind::Bool,
        rules::RAIA_SKIP_EMAIL_VALIDATION_TYPE,
    )
    .to(To::Skip),
    Member::optional(
        "skipPhoneNumberValidation",
        Kind::Bool,
        rules::RAIA_SKIP_PHONE_NUMBER_VALIDATION_TYPE,
    )
    .to(To::Skip),
])
.check(body_check);

static QUERY: ObjectSpec = ObjectSpec::of(&[
    // Plain strings in the `OpenAPI`: checked by warnings only, never
    // rewritten (a rewritten key may miss the user raia stored).
    Member::optional("email", Kind::Custom(search_email), rules::RAIA_EMAIL_TYPE),
    Member::optional(
        "phoneNumber",
        Kind::Custom(search_phone_number),
        rules::RAIA_PHONE_NUMBER_TYPE,
    ),
    Member::optional("fkId", Kind::Custom(search_fk_id), rules::RAIA_FK_ID_TYPE),
])
.check(query_check);

static PATH: ObjectSpec = ObjectSpec::of(&[Member::required(
    "id",
    Kind::Custom(id),
    rules::RAIA_ID_FORMAT,
    rules::RAIA_ID_FORMAT,
)]);

static HEADERS: ObjectSpec = ObjectSpec::of(&[Member::required(
    SECRET_KEY_HEADER,
    Kind::Str(Format::NonEmpty(rules::RAIA_AGENT_SECRET_KEY_REQUIRED)),
    rules::RAIA_AGENT_SECRET_KEY_REQUIRED,
    rules::RAIA_AGENT_SECRET_KEY_REQUIRED,
)])
.ignoring_case();

/// The parts other than the body each operation has.
fn parts(operation: Operation) -> Parts {
    match operation {
        Operation::Create => Parts {
            path: None,
            query: None,
            headers: Some(&HEADERS),
        },
        Operation::Search => Parts {
            path: None,
            query: Some(&QUERY),
            headers: Some(&HEADERS),
        },
        Operation::Get | Operation::Delete => Parts {
            path: Some(&PATH),
            query: None,
            headers: Some(&HEADERS),
        },
    }
}

/// Whether a member counts as given: present, not `null`, not blank.
fn given(value: Option<&Value>) -> bool {
    match value {
        None | Some(Value::Null) => false,
        Some(Value::String(s)) => !trim(s).is_empty(),
        Some(_) => true,
    }
}

/// The create body's checks a table cannot state: formats under the skip
/// flags, at least one of email and phone, `metadata` and other unknown
/// members.
fn body_check(w: &mut Walker<'_>, body: &mut Map<String, Value>) {
    let skip_email = body.get("skipEmailValidation") == Some(&Value::Bool(true));
    let skip_phone = body.get("skipPhoneNumberValidation") == Some(&Value::Bool(true));
    if let Some(value) = body.get_mut("email") {
        w.at("email", |w| email(w, value, skip_email));
    }
    if let Some(value) = body.get_mut("phoneNumber") {
        w.at("phoneNumber", |w| phone_number(w, value, skip_phone));
    }
    // `fkId` counts when present and not `null`, even blank: the `OpenAPI`'s
    // `CreateUserWithFkIdBodyDTO` requires a string, of any length.
    let fk_id = body.get("fkId").is_some_and(|v| !v.is_null());
    if !given(body.get("email")) && !given(body.get("phoneNumber")) && !fk_id {
        w.report(
            rules::RAIA_BODY_REQUIRED,
            "raia creates a user from an email, a phone number or your own id: give 'email', 'phoneNumber' or 'fkId'",
        );
    }
    let unknown: Vec<String> = body
        .keys()
        .filter(|k| !BODY.members.iter().any(|m| m.name == k.as_str()))
        .cloned()
        .collect();
    for name in unknown {
        if name == "metadata" {
            metadata(w, body);
        } else {
            w.at(&name, |w| unknown_member(w, &name));
        }
    }
}

/// `email` under `skipEmailValidation`: the shared email format, unless
/// the flag accepts what does not parse.
fn email(w: &mut Walker<'_>, value: &mut Value, skip: bool) {
    let Value::String(s) = value else { return };
    if skip && let Err(e) = w.parse_then(s, |_: &Email| ()) {
        w.report(
            rules::RAIA_EMAIL_ADVICE,
            format!(
                "accepted only because 'skipEmailValidation' is true, and sent as it is, though it is not an email address: {e}"
            ),
        );
        return;
    }
    w.check_string(value, &Format::Email(rules::RAIA_EMAIL_FORMAT));
}

/// `phoneNumber` under `skipPhoneNumberValidation`: the shared phone
/// check, unless the flag accepts what does not parse.
fn phone_number(w: &mut Walker<'_>, value: &mut Value, skip: bool) {
    let Value::String(s) = value else { return };
    if skip && let Err(e) = w.parse_then(s, |_: &Phone| ()) {
        w.report(
            rules::RAIA_PHONE_NUMBER_ADVICE,
            format!(
                "accepted only because 'skipPhoneNumberValidation' is true, and sent as it is, though it is not a phone number: {e}"
            ),
        );
        return;
    }
    w.check_phone(
        value,
        rules::RAIA_PHONE_NUMBER_FORMAT,
        rules::RAIA_PHONE_NUMBER_INVALID_NUMBER,
    );
}

/// A member raia does not define, with the closest member as suggestion.
fn unknown_member(w: &mut Walker<'_>, name: &str) {
    let suggestion = ALIASES
        .iter()
        .find(|(alias, _)| alias.eq_ignore_ascii_case(name))
        .map(|(_, member)| *member)
        .or_else(|| suggest::closest(name, BODY.members.iter().map(|m| m.name)));
    let message = match suggestion {
        Some(s) => format!("unknown member {}; did you mean '{s}'?", shown(name)),
        None => format!("unknown member {}; raia does not define it", shown(name)),
    };
    w.report_suggesting(
        rules::RAIA_BODY_UNKNOWN_FIELD,
        message,
        suggestion.map(str::to_owned),
    );
}

/// `metadata`: warned about; its `customData` moves to `customData` when
/// that is free.
fn metadata(w: &mut Walker<'_>, body: &mut Map<String, Value>) {
    let custom_data_given = body.get("customData").is_some_and(|v| !v.is_null());
    let inner = body
        .get("metadata")
        .and_then(Value::as_object)
        .and_then(|m| m.get("customData"));
    let head =
        "'metadata' is a member of raia's responses; create sends custom data as 'customData'";
    let (message, move_it) = match inner {
        None => (format!("{head}; raia ignores 'metadata'"), false),
        Some(v) if !v.is_object() => (
            format!(
                "{head}; 'metadata.customData' is {} {}, not an object, and is not moved",
                article(type_name(v)),
                type_name(v)
            ),
            false,
        ),
        Some(_) if custom_data_given => (
            format!(
                "{head}; 'customData' is also given and wins: 'metadata.customData' is not moved and would be lost"
            ),
            false,
        ),
        Some(_) => (
            format!("{head}; 'metadata.customData' was moved to 'customData'"),
            true,
        ),
    };
    w.at("metadata", |w| {
        w.report_suggesting(
            rules::RAIA_METADATA_UNKNOWN_FIELD,
            message,
            Some("customData".to_owned()),
        );
    });
    if move_it {
        move_custom_data(w, body);
    }
}

/// Moves `metadata.customData` (an object) to `customData`, recording both
/// changes.
fn move_custom_data(w: &mut Walker<'_>, body: &mut Map<String, Value>) {
    let rule = rules::RAIA_METADATA_UNKNOWN_FIELD;
    let Some(Value::Object(meta)) = body.get_mut("metadata") else {
        return;
    };
    let before = Value::Object(meta.clone());
    let Some(moved) = remove_member(meta, "customData") else {
        return;
    };
    let position = body.keys().position(|k| k == "metadata");
    let left = match body.get("metadata") {
        Some(Value::Object(m)) if m.is_empty() => None,
        other => other.cloned(),
    };
    match (body.contains_key("customData"), position, &left) {
        // `customData: null` is replaced where it stands.
        (true, _, _) => {
            body.insert("customData".to_owned(), moved.clone());
            if left.is_none() {
                remove_member(body, "metadata");
            }
        }
        (false, Some(i), None) => {
            remove_member(body, "metadata");
            insert_member_at(body, i, "customData".to_owned(), moved.clone());
        }
        (false, Some(i), Some(_)) => {
            insert_member_at(body, i + 1, "customData".to_owned(), moved.clone());
        }
        (false, None, _) => {
            body.insert("customData".to_owned(), moved.clone());
        }
    }
    w.at("metadata", |w| {
        w.change(rule, before, left.unwrap_or(Value::Null));
    });
    w.at("customData", |w| w.change(rule, Value::Null, moved));
}

/// The search's check: at least one parameter given.
fn query_check(w: &mut Walker<'_>, query: &mut Map<String, Value>) {
    if !SEARCH_PARAMETERS.iter().any(|p| given(query.get(*p))) {
        w.report(
            rules::RAIA_QUERY_REQUIRED,
            "a search needs at least one of the query parameters 'email', 'phoneNumber', 'fkId'",
        );
    }
}

/// The search parameter `email`, sent as written: a warning when it is
/// not an email address, or not as a create body sends it.
fn search_email(w: &mut Walker<'_>, value: &mut Value) {
    let Value::String(s) = value else {
        w.wrong_type(rules::RAIA_EMAIL_TYPE, "a string", value);
        return;
    };
    if trim(s).is_empty() {
        blank_search_key(w);
        return;
    }
    match Email::parse(s) {
        Ok(email) if email.as_str() == s.as_str() => {}
        Ok(email) => search_advice(w, s, email.as_str()),
        Err(e) => w.report(
            rules::RAIA_QUERY_ADVICE,
            format!(
                "not an email address ({e}); sent as written, it finds only a user stored so (created with 'skipEmailValidation')"
            ),
        ),
    }
}

/// The search parameter `phoneNumber`, sent as written: a warning when it
/// is not a phone number, or not in E.164 as a create body sends it.
fn search_phone_number(w: &mut Walker<'_>, value: &mut Value) {
    let Value::String(s) = value else {
        w.wrong_type(rules::RAIA_PHONE_NUMBER_TYPE, "a string", value);
        return;
    };
    if trim(s).is_empty() {
        blank_search_key(w);
        return;
    }
    match Phone::parse_with_region(s, w.region.as_ref()) {
        Ok(phone) => {
            if let Some(message) = phone.unassigned_warning() {
                w.report(rules::RAIA_PHONE_NUMBER_INVALID_NUMBER, message);
            }
            if phone.as_str() != s.as_str() {
                search_advice(w, s, phone.as_str());
            }
        }
        Err(e) => w.report(
            rules::RAIA_QUERY_ADVICE,
            format!(
                "not a phone number ({e}); sent as written, it finds only a user stored so (created with 'skipPhoneNumberValidation')"
            ),
        ),
    }
}

/// The search parameter `fkId`: any string, sent as written; a blank one
/// is a warning.
fn search_fk_id(w: &mut Walker<'_>, value: &mut Value) {
    match value {
        Value::String(s) if trim(s).is_empty() => blank_search_key(w),
        Value::String(_) => {}
        other => w.wrong_type(rules::RAIA_FK_ID_TYPE, "a string", other),
    }
}

/// A blank search key: it names no user and does not count as given.
fn blank_search_key(w: &mut Walker<'_>) {
    w.report(
        rules::RAIA_QUERY_ADVICE,
        "blank: it names no user and does not count as a search key; leave it out",
    );
}

/// A search key written otherwise than a create body sends it.
fn search_advice(w: &mut Walker<'_>, written: &str, normalized: &str) {
    w.report_suggesting(
        rules::RAIA_QUERY_ADVICE,
        format!(
            "{} is sent as written; a create body sends it as '{normalized}', which is how a user created through this crate is stored",
            shown(written)
        ),
        Some(normalized.to_owned()),
    );
}

/// The path parameter `id`: a string that is not blank (an error: the
/// path would name another route); not a UUID is only a warning, and the
/// id is sent as it is (raia's `OpenAPI` types it as a plain string).
fn id(w: &mut Walker<'_>, value: &mut Value) {
    let rule: &'static RuleInfo = rules::RAIA_ID_FORMAT;
    let Value::String(s) = value else {
        w.wrong_type(rule, "a string", value);
        return;
    };
    if trim(s).is_empty() {
        w.report(
            rule,
            "an empty id: the request would go to '/external/users/', another route",
        );
        return;
    }
    if trim(s).len() != s.len() {
        w.report(
            rules::RAIA_ID_ADVICE,
            "surrounded by whitespace, which no raia id has: sent as it is",
        );
    } else if let Err(e) = Uuid::parse(s) {
        w.report(
            rules::RAIA_ID_ADVICE,
            format!(
                "not a UUID ({e}); raia's ids are UUIDs, though its OpenAPI types 'id' as a plain string: sent as it is"
            ),
        );
    }
}

fn article(type_name: &str) -> &'static str {
    if type_name.starts_with(['a', 'o']) {
        "an"
    } else {
        "a"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_public_member_list_is_the_table() {
        let names: Vec<&str> = BODY.members.iter().map(|m| m.name).collect();
        assert_eq!(names, MEMBERS);
        let query: Vec<&str> = QUERY.members.iter().map(|m| m.name).collect();
        assert_eq!(query, SEARCH_PARAMETERS);
    }
}
