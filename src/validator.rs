//! [`Validator`]: a provider, an operation and [`Options`], applied to
//! documents.

use std::io;
use std::ops::Deref;
use std::sync::{Arc, Mutex, PoisonError};

use serde_json::{Map, Value};

use crate::engine::Deeper;
use crate::engine::{
    BatchState, CHANGES, ObjectSpec, Parsed, VIOLATIONS, Walker, shown, size_bound,
};
use crate::options::Options;
use crate::parse::{self, Origin, ParseFailure};
use crate::providers::{NameError, Operation, Provider};
use crate::report::{Change, Location, Report, Violation};
use crate::rules::{self, RuleInfo};
use crate::values::PhoneRegion;

/// The members a request envelope may have.
const ENVELOPE_PARTS: &[&str] = &["path", "query", "headers", "body"];

/// Checks that every header of an envelope can be sent as given, for any
/// provider (`input.headers.*`), reporting at the header's path.
///
/// - A value (a string; other types are the provider's rules) may not hold
///   a control character but tab: RFC 9110 §5.5 makes CR, LF and NUL
///   invalid and dangerous (`"k\r\nX-Injected: 1"` would add a header),
///   and the other controls and DEL invalid too; HTTP clients such as
///   the `http` crate refuse them all. Non-ASCII text (obs-text) is
///   allowed. Spaces and tabs around a value are allowed: they are not
///   part of it (the receiver strips them), so they are not reported and
///   not changed; a value of only spaces is empty for the required rules.
/// - A name must be an RFC 9110 §5.1 token (`X-Api-Key`; no spaces,
///   colons or controls).
/// - A name given again in another case (`Agent-Secret-Key`,
///   `agent-secret-key`) is ambiguous: header names ignore case.
fn check_header_fields(w: &mut Walker<'_>, headers: &Map<String, Value>) {
    let mut seen: std::collections::HashMap<String, &str> =
        std::collections::HashMap::with_capacity(headers.len());
    for (name, value) in headers {
        w.at(name, |w| {
            match seen.get(&name.to_ascii_lowercase()) {
                Some(first) => w.report(
                    rules::INPUT_HEADERS_UNIQUE,
                    format!(
                        "the header {} is also given as {}; header names ignore case, \
                         so which value is sent is ambiguous",
                        shown(name),
                        shown(first)
                    ),
                ),
                None => {
                    seen.insert(name.to_ascii_lowercase(), name);
                }
            }
            if !is_header_name(name) {
                w.report(
                    rules::INPUT_HEADERS_FORMAT,
                    format!(
                        "{} is not a header name: letters, digits and the symbols ! # $ % & ' * + - . ^ _ | ~ \
                         and the grave accent only (RFC 9110 §5.1)",
                        shown(name)
                    ),
                );
            }
            if let Value::String(s) = value
                && let Some((at, c)) = s.char_indices().find(|&(_, c)| is_unsendable(c))
            {
                w.report(
                    rules::INPUT_HEADERS_FORMAT,
                    format!(
                        "the value holds the control character U+{:04X} at byte {at}; \
                         a header value may not hold CR, LF, NUL or another control \
                         character but tab (RFC 9110 §5.5)",
                        u32::from(c)
                    ),
                );
            }
        });
    }
}

/// A character a header value may not hold: a control character (C0 or
/// DEL) other than tab.
fn is_unsendable(c: char) -> bool {
    (c < ' ' && c != '\t') || c == '\u{7f}'
}

/// Whether `name` is an RFC 9110 token (`tchar`s, at least one).
fn is_header_name(name: &str) -> bool {
    !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b))
}

/// Validates and normalizes documents for one provider and operation.
///
/// A validator never panics and never does I/O; it is `Send + Sync` and
/// holds no state: share one among requests and threads, each document's
/// report depends on that document alone. Rules that compare the documents
/// of a batch (`sendios.fields.consistent_type`) need a [`Batch`]
/// ([`Validator::batch`]), a value you hold for as long as the batch lasts.
///
/// ```
/// use omnicontact::{Provider, Validator};
///
/// // Per request: one shared validator, no state between documents.
/// let v = Validator::new(Provider::Sendios);
/// assert!(v.validate_str(r#"{"client_user_id":"u1","fields":{"plan":"pro"}}"#).is_valid());
/// assert!(v.validate_str(r#"{"client_user_id":"u2","fields":{"plan":3}}"#).is_valid());
///
/// // A batch (an import file): documents are compared with those before.
/// let batch = v.batch();
/// assert!(batch.validate_str(r#"{"client_user_id":"u1","fields":{"plan":"pro"}}"#).is_valid());
/// let r = batch.validate_str(r#"{"client_user_id":"u2","fields":{"plan":3}}"#);
/// assert_eq!(r.violations()[0].rule(), "sendios.fields.consistent_type");
/// ```
///
/// **Numbers** are read as IEEE 754 doubles (integers up to `u64` / `i64`
/// exactly), as the providers' own JSON parsers read them; digits beyond a
/// double's precision (`1.00000000000000000001`, integers above
/// `u64::MAX`) are not kept, and the normalized body prints the double.
/// Send such values as strings to keep every digit.
///
/// ```
/// # use omnicontact::{Provider, Validator};
/// let v = Validator::new(Provider::Sendios);
/// let r = v.validate_str(r#"{"client_user_id":"u1","fields":{"n":1.00000000000000000001}}"#);
/// assert_eq!(r.normalized().unwrap()["fields"]["n"], 1.0);
/// ```
///
/// ```
/// use omnicontact::{Provider, Validator};
///
/// let validator = Validator::new(Provider::Omnisend);
/// let report = validator.validate_str(r#"{
///     "email": "Jane@Example.COM",
///     "tags": ["source: signup", "newsletter", "newsletter"],
///     "countryCode": "lt",
///     "customProperties": {"hair color": "brown", "score": 1.1234567}
/// }"#);
///
/// let found: Vec<_> = report.violations().iter().map(|v| (v.rule(), v.path())).collect();
/// assert_eq!(found, [
///     ("omnisend.tags.unique", "/tags/2"),
///     ("omnisend.custom_properties.name.format", "/customProperties/hair color"),
///     ("omnisend.custom_properties.value.lossy", "/customProperties/score"),
/// ]);
/// assert!(!report.is_valid()); // the property name is an error
/// assert_eq!(report.violations()[1].suggestion(), Some("hair_color"));
/// ```
#[derive(Debug)]
pub struct Validator {
    provider: Provider,
    operation: Operation,
    options: Options,
    /// What the batch has seen (Sendios `fields` types): only in the
    /// validator a [`Batch`] holds; `None` in every other.
    batch: Option<Arc<Mutex<BatchState>>>,
}

/// A copy of the validator's settings, with no batch: cloning a
/// [`Batch`]'s validator (`batch.clone()` reaches it through `Deref`) gives
/// a stateless validator, never a second handle on the batch's memory.
///
/// ```
/// use omnicontact::{Provider, Validator};
///
/// let batch = Validator::new(Provider::Sendios).batch();
/// let _ = batch.validate_str(r#"{"client_user_id":"u1","fields":{"p":1}}"#);
/// let copy: Validator = (*batch).clone();
/// // The copy compares nothing: `p` may change type.
/// assert!(copy.validate_str(r#"{"client_user_id":"u1","fields":{"p":"x"}}"#).violations().is_empty());
/// let r = batch.validate_str(r#"{"client_user_id":"u1","fields":{"p":"x"}}"#);
/// assert_eq!(r.violations()[0].rule(), "sendios.fields.consistent_type");
/// ```
impl Clone for Validator {
    fn clone(&self) -> Self {
        Validator {
            provider: self.provider,
            operation: self.operation,
            options: self.options.clone(),
            batch: None,
        }
    }
}

/// A batch of documents validated in order by one validator: the rules
/// that compare a document with those before it
/// (`sendios.fields.consistent_type`, whose messages name the document's
/// index in the batch) apply only here. Get one with [`Validator::batch`];
/// it dereferences to a [`Validator`], so [`Validator::check`], every
/// `validate_*` / `convert_*` method (and
/// [`Document::validate`](crate::stream::Document::validate)) works on it,
/// each document counted in call order (a [`Check`](crate::Check) when its
/// action runs).
///
/// Memory is bounded: a batch remembers at most [`Batch::MAX_KEYS`]
/// `fields` keys of at most [`Batch::MAX_KEY_BYTES`] bytes in all (a key
/// first seen once either is reached is not compared) and a count.
/// A batch is `Send + Sync`; documents validated from several threads are
/// counted in the order the calls take its lock.
///
/// ```
/// use omnicontact::{Provider, Validator};
///
/// let v = Validator::new(Provider::Sendios);
/// let batch = v.batch();
/// let _ = batch.validate_str(r#"{"client_user_id":"u1","fields":{"n":1}}"#);
/// let r = batch.validate_str(r#"{"client_user_id":"u2","fields":{"n":"one"}}"#);
/// assert_eq!(r.violations()[0].message(), "'n' was a number in document 0; here it is a string");
/// assert_eq!(batch.documents_seen(), 2);
/// ```
#[derive(Debug)]
pub struct Batch {
    validator: Validator,
}

impl Batch {
    /// The most Sendios `fields` keys a batch remembers; a key first seen
    /// after that many is not compared (memory stays bounded, whatever the
    /// input).
    ///
    /// ```
    /// assert_eq!(omnicontact::Batch::MAX_KEYS, 10_000);
    /// ```
    pub const MAX_KEYS: usize = 10_000;

    /// The most bytes of Sendios `fields` keys a batch remembers in all
    /// (1 MiB); a key that would go beyond is not compared, however few
    /// keys there are.
    ///
    /// ```
    /// assert_eq!(omnicontact::Batch::MAX_KEY_BYTES, 1 << 20);
    /// ```
    pub const MAX_KEY_BYTES: usize = 1 << 20;

    /// How many documents the batch has counted: the index the next one
    /// gets in batch messages (a document too large to read counts too).
    ///
    /// ```
    /// # use omnicontact::{Provider, Validator};
    /// let batch = Validator::new(Provider::Omnisend).batch();
    /// let _ = batch.validate_str("{}");
    /// assert_eq!(batch.documents_seen(), 1);
    /// ```
    #[must_use]
    pub fn documents_seen(&self) -> usize {
        self.validator
            .batch
            .as_ref()
            .map_or(0, |b| lock(b).documents)
    }
}

impl Deref for Batch {
    type Target = Validator;

    fn deref(&self) -> &Validator {
        &self.validator
    }
}

/// The table a request part is walked with: path and query parameters
/// the operation does not have are reported (`input.path.unknown_field`,
/// `input.query.unknown_field`; a part the operation lacks has none),
/// headers may be any.
fn part_spec(location: Location, spec: Option<&ObjectSpec>) -> Option<ObjectSpec> {
    const NONE: ObjectSpec = ObjectSpec::of(&[]);
    let unknown = match location {
        Location::Path => rules::INPUT_PATH_UNKNOWN_FIELD,
        Location::Query => rules::INPUT_QUERY_UNKNOWN_FIELD,
        _ => return spec.copied(),
    };
    Some(spec.copied().unwrap_or(NONE).unknown(unknown))
}

fn lock(batch: &Mutex<BatchState>) -> std::sync::MutexGuard<'_, BatchState> {
    // The state stays consistent even if a panic poisoned the lock.
    batch.lock().unwrap_or_else(PoisonError::into_inner)
}

const _: () = {
    const fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Validator>();
    assert_send_sync::<Batch>();
    assert_send_sync::<crate::Request>();
    assert_send_sync::<Report>();
    assert_send_sync::<Violation>();
    assert_send_sync::<Change>();
};

impl Validator {
    /// A validator for the provider's default operation (create) with
    /// default [`Options`].
    ///
    /// ```
    /// use omnicontact::{Operation, Provider, Validator};
    /// let v = Validator::new(Provider::Omnisend);
    /// assert_eq!(v.operation(), Operation::Create);
    /// ```
    #[must_use]
    pub fn new(provider: Provider) -> Self {
        Validator {
            provider,
            operation: provider.operations()[0],
            options: Options::new(),
            batch: None,
        }
    }

    /// A validator for one of the provider's operations.
    ///
    /// # Errors
    /// [`NameError::UnsupportedOperation`] when the provider has no such
    /// operation.
    ///
    /// ```
    /// use omnicontact::{Operation, Provider, Validator};
    /// assert!(Validator::for_operation(Provider::Omnisend, Operation::Create).is_ok());
    /// assert!(Validator::for_operation(Provider::Omnisend, Operation::Delete).is_err());
    /// ```
    pub fn for_operation(provider: Provider, operation: Operation) -> Result<Self, NameError> {
        if provider.operations().contains(&operation) {
            Ok(Validator {
                operation,
                ..Validator::new(provider)
            })
        } else {
            Err(NameError::UnsupportedOperation {
                provider,
                operation,
            })
        }
    }

    /// The same validator with other options.
    ///
    /// ```
    /// use omnicontact::{Options, Provider, Validator};
    /// let v = Validator::new(Provider::Omnisend).with_options(Options::new().max_bytes(10));
    /// assert_eq!(v.validate_str(r#"{"email":"a@b.co"}"#).violations()[0].rule(), "input.body.max_length");
    /// ```
    #[must_use]
    pub fn with_options(mut self, options: Options) -> Self {
        self.options = options;
        self
    }

    /// The provider.
    ///
    /// ```
    /// # use omnicontact::{Provider, Validator};
    /// assert_eq!(Validator::new(Provider::Omnisend).provider(), Provider::Omnisend);
    /// ```
    #[must_use]
    pub fn provider(&self) -> Provider {
        self.provider
    }

    /// The operation.
    ///
    /// ```
    /// # use omnicontact::{Operation, Provider, Validator};
    /// assert_eq!(Validator::new(Provider::Omnisend).operation(), Operation::Create);
    /// ```
    #[must_use]
    pub fn operation(&self) -> Operation {
        self.operation
    }

    /// The options.
    ///
    /// ```
    /// # use omnicontact::{Provider, Validator};
    /// assert_eq!(Validator::new(Provider::Omnisend).options().get_max_depth(), 32);
    /// ```
    #[must_use]
    pub fn options(&self) -> &Options {
        &self.options
    }

    /// A new, empty [`Batch`] of this validator's settings: the documents
    /// validated through it are compared with those before them.
    ///
    /// ```
    /// # use omnicontact::{Provider, Validator};
    /// let v = Validator::new(Provider::Sendios);
    /// let batch = v.batch();
    /// assert_eq!(batch.documents_seen(), 0);
    /// assert_eq!(batch.provider(), Provider::Sendios);
    /// ```
    #[must_use]
    pub fn batch(&self) -> Batch {
        Batch {
            validator: Validator {
                batch: Some(Arc::new(Mutex::new(BatchState::default()))),
                ..self.clone()
            },
        }
    }

    /// Counts a document that could not be validated (it was too large to
    /// read), so that batch indices stay those of the input.
    pub(crate) fn skip_document(&self) {
        let _ = self.next_document();
    }

    /// Takes the next document index of the batch (0 outside one).
    fn next_document(&self) -> usize {
        self.batch.as_ref().map_or(0, |b| {
            let mut batch = lock(b);
            batch.documents += 1;
            batch.documents - 1
        })
    }

    /// Validates one JSON request body.
    ///
    /// For an operation that sends no body ([`Operation::has_body`] is
    /// false: raia `search`, `get`, `delete`) the document is the
    /// operation's parameters instead — its query parameters, or else its
    /// path parameters — and its violations are located `in` `query` /
    /// `path`. (In an envelope, such an operation's `body` is an
    /// `input.body.type` error.)
    ///
    /// A shorthand for [`check(text).validate()`](Validator::check).
    ///
    /// ```
    /// # use omnicontact::{Location, Operation, Provider, Validator};
    /// let r = Validator::new(Provider::Omnisend).validate_str("{\"email\": ");
    /// assert_eq!(r.violations()[0].rule(), "input.json.format");
    /// assert!(r.violations()[0].message().contains("line 1"));
    ///
    /// let get = Validator::for_operation(Provider::Raia, Operation::Get).unwrap();
    /// let r = get.validate_str(r#"{"id":""}"#);
    /// assert_eq!(r.violations()[0].rule(), "raia.id.format");
    /// assert_eq!(r.violations()[0].location(), Location::Path);
    /// ```
    pub fn validate_str(&self, text: &str) -> Report {
        self.check(text).validate()
    }

    /// Validates one JSON request body given as bytes; invalid UTF-8 is an
    /// `input.json.format` violation.
    ///
    /// A shorthand for [`check(bytes).validate()`](Validator::check).
    ///
    /// ```
    /// # use omnicontact::{Provider, Validator};
    /// let r = Validator::new(Provider::Omnisend).validate_bytes(b"{\"email\":\"\xff\"}");
    /// assert_eq!(r.violations()[0].rule(), "input.json.format");
    /// ```
    pub fn validate_bytes(&self, bytes: &[u8]) -> Report {
        self.check(bytes).validate()
    }

    /// Validates a request envelope given as bytes (see
    /// [`Validator::validate_envelope_str`]); invalid UTF-8 is an
    /// `input.json.format` violation.
    ///
    /// A shorthand for [`check(bytes).envelope().validate()`](Validator::check).
    ///
    /// ```
    /// # use omnicontact::{Provider, Validator};
    /// let v = Validator::new(Provider::Omnisend);
    /// assert!(v.validate_envelope_bytes(br#"{"body":{"email":"a@b.co","tags":["source: x"]}}"#).is_valid());
    /// assert_eq!(v.validate_envelope_bytes(b"\xff").violations()[0].rule(), "input.json.format");
    /// ```
    pub fn validate_envelope_bytes(&self, bytes: &[u8]) -> Report {
        self.check(bytes).envelope().validate()
    }

    /// Validates a request body that is already a JSON value.
    ///
    /// A shorthand for [`check(value).validate()`](Validator::check).
    ///
    /// ```
    /// # use omnicontact::{Provider, Validator};
    /// use serde_json::json;
    /// let r = Validator::new(Provider::Omnisend)
    ///     .validate_value(json!({"email": "a@b.co", "tags": ["source: api"]}));
    /// assert!(r.is_valid());
    /// ```
    pub fn validate_value(&self, value: Value) -> Report {
        self.check(value).validate()
    }

    /// [`Validator::validate_value`] for a borrowed value, which stays the
    /// caller's. The limits ([`Options::max_depth`](crate::Options::max_depth),
    /// [`Options::max_bytes`](crate::Options::max_bytes)) are checked on the
    /// borrowed value; only a value within them is copied, as the normalized
    /// body the report holds.
    ///
    /// A shorthand for [`check(value).validate()`](Validator::check).
    ///
    /// ```
    /// # use omnicontact::{Provider, Validator};
    /// use serde_json::json;
    /// let body = json!({"email": " a@b.co", "tags": ["source: api"]});
    /// let r = Validator::new(Provider::Omnisend).validate_value_ref(&body);
    /// assert_eq!(r.normalized().unwrap()["email"], "a@b.co");
    /// assert_eq!(body["email"], " a@b.co"); // still the caller's, unchanged
    /// ```
    pub fn validate_value_ref(&self, value: &Value) -> Report {
        self.check(value).validate()
    }

    /// Validates a request envelope
    /// `{"path":{…},"query":{…},"headers":{…},"body":{…}}` (every member
    /// optional, but `body` is required for operations that have one). The
    /// normalized envelope is the report's normalized value.
    ///
    /// An envelope of the wrong shape — not an object, a part that is not
    /// an object, a member other than these four, a missing `body` or one
    /// the operation does not send — is an `input.body.type` error at path
    /// `""` in that part (`in` is `body` for the envelope as a whole);
    /// `input.json.format` is kept for text that is not JSON.
    ///
    /// Every provider's `headers` must be sendable (RFC 9110 §5): a value
    /// holding CR, LF, NUL or another control character but tab, or a name
    /// that is not a token, is an `input.headers.format` error; a name given
    /// again in another case is an `input.headers.unique` error at the
    /// second one. Spaces around a value and non-ASCII text are allowed.
    ///
    /// A shorthand for [`check(text).envelope().validate()`](Validator::check).
    ///
    /// ```
    /// # use omnicontact::{Provider, Validator};
    /// let v = Validator::new(Provider::Omnisend);
    /// let r = v.validate_envelope_str(r#"{"headers":{"X-API-KEY":"k\r\nX-Injected: 1","x-api-key":"k"}}"#);
    /// let found: Vec<_> = r.violations().iter().map(|x| (x.rule(), x.path())).collect();
    /// assert_eq!(found[..2], [("input.headers.format", "/X-API-KEY"), ("input.headers.unique", "/x-api-key")]);
    /// let r = v.validate_envelope_str(r#"{"path":"x","bodyy":{}}"#);
    /// let found: Vec<_> = r.violations().iter().map(|x| (x.rule(), x.path())).collect();
    /// assert_eq!(found, [("input.body.type", ""), ("input.body.type", ""), ("input.body.type", "")]);
    /// assert!(r.violations()[1].message().starts_with("'bodyy' is not an envelope member"));
    /// assert_eq!(r.violations()[1].suggestion(), Some("body"));
    /// let r = v.validate_envelope_str(r#"{"headers":{"X-API-KEY":"k"},"body":{"email":" a@B.co","tags":["source: x"]}}"#);
    /// assert_eq!(r.normalized().unwrap()["body"]["email"], "a@B.co");
    /// assert_eq!(v.validate_envelope_str("{}").violations()[0].rule(), "input.body.type");
    /// ```
    pub fn validate_envelope_str(&self, text: &str) -> Report {
        self.check(text).envelope().validate()
    }

    /// Validates a request envelope that is already a JSON value.
    ///
    /// A shorthand for [`check(value).envelope().validate()`](Validator::check).
    ///
    /// ```
    /// # use omnicontact::{Provider, Validator};
    /// use serde_json::json;
    /// let r = Validator::new(Provider::Omnisend)
    ///     .validate_envelope_value(json!({"body": {"phone": "+370 612 34567", "tags": ["source: x"]}}));
    /// assert_eq!(r.normalized().unwrap()["body"]["phone"], "+37061234567");
    /// ```
    pub fn validate_envelope_value(&self, value: Value) -> Report {
        self.check(value).envelope().validate()
    }

    /// [`Validator::validate_envelope_value`] for a borrowed value (copied
    /// only when within the limits, as
    /// [`validate_value_ref`](Validator::validate_value_ref)).
    ///
    /// A shorthand for [`check(value).envelope().validate()`](Validator::check).
    ///
    /// ```
    /// # use omnicontact::{Provider, Validator};
    /// use serde_json::json;
    /// let env = json!({"body": {"phone": "+370 612 34567", "tags": ["source: x"]}});
    /// let r = Validator::new(Provider::Omnisend).validate_envelope_value_ref(&env);
    /// assert_eq!(r.normalized().unwrap()["body"]["phone"], "+37061234567");
    /// ```
    pub fn validate_envelope_value_ref(&self, value: &Value) -> Report {
        self.check(value).envelope().validate()
    }

    /// Validates `text` as a body of this validator's provider and, when it
    /// is valid, converts its normalized body into `target`'s body through
    /// the canonical [`Contact`](crate::Contact).
    ///
    /// The report holds, in order: the source's violations and changes;
    /// the `convert.<field>.lossy` warnings (`in: converted`, path = the
    /// JSON Pointer of the dropped value in the **source** body); then the
    /// violations and changes of validating the converted body with
    /// `target`'s rules, relocated to `in: converted` (paths into the
    /// converted body). [`Report::converted`] is the converted body and
    /// [`Report::converted_path`] its path parameters (`SuprSend`'s
    /// `distinct_id`). [`Report::is_valid`] is `false` when either side
    /// has an error. An invalid source is not converted (`converted()` is
    /// `None`), and neither is a document of an operation without a body
    /// (raia `search`, `get`, `delete`). Batch rules of the target
    /// (`sendios.fields.consistent_type`) apply to each converted body
    /// alone. `target` may equal the source provider: the body then makes
    /// a round trip through the canonical contact.
    ///
    /// A shorthand for [`check(text).convert(target)`](Validator::check).
    ///
    /// ```
    /// use omnicontact::{Location, Provider, Validator};
    ///
    /// let v = Validator::new(Provider::RocketChat);
    /// let r = v.convert_str(
    ///     r#"{"name":"Jane Doe","emails":["jane@example.com","j@example.com"],"phones":[]}"#,
    ///     Provider::Sendios,
    /// );
    /// let lossy = &r.violations()[0];
    /// assert_eq!((lossy.rule(), lossy.location(), lossy.path()), ("convert.email.lossy", Location::Converted, "/emails/1"));
    /// assert_eq!(lossy.message(), "Sendios holds one email; 'j@example.com' is not converted");
    /// // Sendios needs a `client_user_id`, which Rocket.Chat does not have:
    /// let error = r.errors().next().unwrap();
    /// assert_eq!((error.rule(), error.location()), ("sendios.client_user_id.required", Location::Converted));
    /// assert!(!r.is_valid());
    /// assert_eq!(r.converted().unwrap()["email"], "jane@example.com");
    /// ```
    pub fn convert_str(&self, text: &str, target: Provider) -> Report {
        self.check(text).convert(target)
    }

    /// [`Validator::convert_str`] for raw bytes (invalid UTF-8 is an
    /// `input.json.format` error).
    ///
    /// A shorthand for [`check(bytes).convert(target)`](Validator::check).
    ///
    /// ```
    /// # use omnicontact::{Provider, Validator};
    /// let r = Validator::new(Provider::Raia)
    ///     .convert_bytes(br#"{"firstName":"Jo","lastName":"Lee","email":"jo@example.com"}"#, Provider::Omnisend);
    /// assert_eq!(r.converted().unwrap()["identifiers"][0]["id"], "jo@example.com");
    /// ```
    pub fn convert_bytes(&self, bytes: &[u8], target: Provider) -> Report {
        self.check(bytes).convert(target)
    }

    /// [`Validator::convert_str`] for a parsed JSON value.
    ///
    /// A shorthand for [`check(value).convert(target)`](Validator::check).
    ///
    /// ```
    /// # use omnicontact::{Provider, Validator};
    /// let body = serde_json::json!({"client_user_id": "u1", "name": "Jane Doe", "age": 34, "email": "jane@example.com"});
    /// let r = Validator::new(Provider::Sendios).convert_value(body, Provider::Omnisend);
    /// let ids: Vec<_> = r.violations().iter().map(|v| (v.rule(), v.path())).collect();
    /// assert!(ids.contains(&("convert.age.lossy", "/age")));
    /// assert!(ids.contains(&("convert.name.lossy", "/name")));
    /// assert_eq!(r.converted().unwrap()["firstName"], "Jane");
    /// ```
    pub fn convert_value(&self, value: Value, target: Provider) -> Report {
        self.check(value).convert(target)
    }

    /// [`Validator::convert_value`] for a borrowed value.
    ///
    /// A shorthand for [`check(value).convert(target)`](Validator::check).
    ///
    /// ```
    /// # use omnicontact::{Provider, Validator};
    /// let body = serde_json::json!({"client_user_id": "u1", "email": "jane@example.com"});
    /// let r = Validator::new(Provider::Sendios).convert_value_ref(&body, Provider::Raia);
    /// assert_eq!(r.converted().unwrap()["email"], "jane@example.com");
    /// ```
    pub fn convert_value_ref(&self, value: &Value, target: Provider) -> Report {
        self.check(value).convert(target)
    }

    /// [`Validator::convert_str`] for a request envelope: the envelope is
    /// validated, then its `body` converted; a `SuprSend` source's path
    /// parameter `distinct_id` becomes the external id. Loss paths point
    /// into the source's `body`.
    ///
    /// A shorthand for [`check(text).envelope().convert(target)`](Validator::check).
    ///
    /// ```
    /// # use omnicontact::{Provider, Validator};
    /// let r = Validator::new(Provider::Suprsend).convert_envelope_str(
    ///     r#"{"path":{"distinct_id":"u-7"},"body":{"$email":["a@example.com"]}}"#,
    ///     Provider::Sendios,
    /// );
    /// assert!(r.is_valid());
    /// assert_eq!(r.converted().unwrap()["client_user_id"], "u-7");
    /// ```
    pub fn convert_envelope_str(&self, text: &str, target: Provider) -> Report {
        self.check(text).envelope().convert(target)
    }

    /// [`Validator::convert_envelope_str`] for bytes; invalid UTF-8 is an
    /// `input.json.format` error and nothing is converted.
    ///
    /// A shorthand for [`check(bytes).envelope().convert(target)`](Validator::check).
    ///
    /// ```
    /// # use omnicontact::{Provider, Validator};
    /// let v = Validator::new(Provider::Omnisend);
    /// let r = v.convert_envelope_bytes(br#"{"body":{"email":"a@example.com","tags":["source: x"]}}"#, Provider::Raia);
    /// assert_eq!(r.converted().unwrap()["email"], "a@example.com");
    /// assert!(v.convert_envelope_bytes(b"\xff", Provider::Raia).converted().is_none());
    /// ```
    pub fn convert_envelope_bytes(&self, bytes: &[u8], target: Provider) -> Report {
        self.check(bytes).envelope().convert(target)
    }

    /// [`Validator::convert_envelope_str`] for a parsed JSON value.
    ///
    /// A shorthand for [`check(value).envelope().convert(target)`](Validator::check).
    ///
    /// ```
    /// # use omnicontact::{Provider, Validator};
    /// let env = serde_json::json!({"body": {"email": "a@example.com", "tags": ["source: x"]}});
    /// let r = Validator::new(Provider::Omnisend).convert_envelope_value(env, Provider::RocketChat);
    /// assert_eq!(r.converted().unwrap()["emails"][0], "a@example.com");
    /// ```
    pub fn convert_envelope_value(&self, value: Value, target: Provider) -> Report {
        self.check(value).envelope().convert(target)
    }

    /// [`Validator::convert_envelope_value`] for a borrowed value.
    ///
    /// A shorthand for [`check(value).envelope().convert(target)`](Validator::check).
    ///
    /// ```
    /// # use omnicontact::{Provider, Validator};
    /// let env = serde_json::json!({"path": {"distinct_id": "u-7"}, "body": {"$email": ["a@example.com"]}});
    /// let r = Validator::new(Provider::Suprsend).convert_envelope_value_ref(&env, Provider::Sendios);
    /// assert_eq!(r.converted().unwrap()["client_user_id"], "u-7");
    /// ```
    pub fn convert_envelope_value_ref(&self, value: &Value, target: Provider) -> Report {
        self.check(value).envelope().convert(target)
    }

    pub(crate) fn convert_document(
        &self,
        bytes: &[u8],
        origin: Origin,
        envelope: bool,
        target: Provider,
    ) -> Report {
        self.run(
            Input::Text(utf8(bytes, origin), origin),
            envelope,
            Some(target),
        )
    }

    /// Walks `value` (an envelope when `envelope`, else the operation's
    /// body or parameters) with `w` and makes its report; also the values
    /// the walk parsed and the region it read phone numbers in.
    fn walk_document(
        &self,
        mut w: Walker<'_>,
        mut value: Value,
        envelope: bool,
    ) -> (Report, Option<Box<Parsed>>, Option<PhoneRegion>) {
        w.envelope = envelope;
        if envelope {
            self.walk_envelope(&mut w, &mut value);
        } else if self.operation.has_body() {
            self.walk_body(&mut w, &mut value);
        } else {
            self.walk_parameters(&mut w, &mut value);
        }
        let provider_error = w.provider_error.take();
        let parsed = w.parsed.take();
        let region = w.region;
        let report = w.into_report(value).with_provider_error(provider_error);
        (report, parsed, region)
    }

    /// Converts a valid source body (its report `source`, the values its
    /// walk parsed and the region it read phone numbers in) to `target`:
    /// reads it into the canonical contact, writes the target's body and
    /// checks it with the same parsed values.
    fn finish_conversion(
        &self,
        source: Report,
        target: Provider,
        envelope: bool,
        mut parsed: Box<Parsed>,
        region: Option<PhoneRegion>,
    ) -> Report {
        if !source.is_valid() || !self.operation.has_body() || source.normalized().is_none() {
            return source;
        }
        let every_change = !source
            .violations()
            .iter()
            .any(|v| v.info() == rules::INPUT_REPORT_TRUNCATED);
        let (mut violations, mut changes, normalized) = source.into_parts();
        // Present: the early return took a report without one.
        let normalized = normalized.unwrap_or_else(|| Box::new(Value::Null));
        let (body, distinct_id) = if envelope {
            (
                normalized.get("body").unwrap_or(&Value::Null),
                normalized.pointer("/path/distinct_id"),
            )
        } else {
            (&*normalized, None)
        };
        let read = crate::providers::conversion::read_body(
            self.provider,
            body,
            distinct_id,
            &mut parsed,
            region,
        );
        let conversion = crate::providers::conversion::write_read(self.provider, target, read);
        // The losses are capped as a walk's violations are, and follow the
        // policy.
        crate::request::loss_violations(
            &mut violations,
            conversion.losses,
            &self.options,
            every_change.then_some((body, &changes[..])),
            &distinct_id
                .map(|id| ("/distinct_id", id))
                .into_iter()
                .collect::<Vec<_>>(),
        );
        let target_validator = Validator::new(target).with_options(self.options.clone());
        let contact = &conversion.contact;
        let checked = target_validator.check_converted(
            conversion.body,
            conversion.path.as_ref(),
            parsed,
            || crate::providers::conversion::write_contact(contact, target, Some(self.provider)).0,
        );
        violations.extend(
            checked
                .violations
                .into_iter()
                .map(|v| v.relocated(Location::Converted)),
        );
        changes.extend(
            checked
                .changes
                .into_iter()
                .map(|c| c.relocated(Location::Converted)),
        );
        Report::from_kept(violations, changes, Some(normalized))
            .with_target_error(checked.provider_error)
            .with_conversion(checked.body, conversion.path)
    }

    /// Checks a body the crate wrote (with its path parameters, if any),
    /// taking the values the source's walk parsed: what the check found,
    /// and the body (normalized when valid, else as written).
    /// `rewrite` writes the body again, for a body the target refuses
    /// (shown as written; the walk normalized its copy in place).
    fn check_converted(
        &self,
        body: Value,
        path: Option<&Value>,
        parsed: Box<Parsed>,
        rewrite: impl FnOnce() -> Value,
    ) -> Checked {
        let document = match path {
            Some(path) => serde_json::json!({"path": path, "body": body}),
            None => body,
        };
        // The size and depth limits hold for what the crate writes too.
        if let Some(report) = self.check_limits(&document) {
            let (violations, changes, _) = report.into_parts();
            return Checked {
                violations,
                changes,
                provider_error: None,
                body: Box::new(rewrite()),
            };
        }
        let mut w = self.walker();
        w.parsed = Some(parsed);
        let envelope = path.is_some();
        let (report, _, _) = self.walk_document(w, document, envelope);
        let provider_error = report.provider_error().cloned();
        let (violations, changes, normalized) = report.into_parts();
        let body = match normalized {
            Some(n) if envelope => Box::new(match *n {
                Value::Object(mut parts) => parts.remove("body").unwrap_or(Value::Null),
                _ => Value::Null,
            }),
            Some(n) => n,
            None => Box::new(rewrite()),
        };
        Checked {
            violations,
            changes,
            provider_error,
            body,
        }
    }

    /// Validates a document (a body, or an envelope when `envelope`)
    /// whose text starts at `origin` in its file, so syntax errors name the
    /// file's line. A document that cannot be read still counts as a
    /// document of the batch.
    pub(crate) fn validate_document(&self, bytes: &[u8], origin: Origin, envelope: bool) -> Report {
        self.run(Input::Text(utf8(bytes, origin), origin), envelope, None)
    }

    /// The one funnel behind every `validate_*` and `convert_*` method:
    /// reads the input (text, or a value within the limits), walks it as a
    /// body or an envelope, and converts it to `target` when asked.
    pub(crate) fn run(&self, input: Input<'_>, envelope: bool, target: Option<Provider>) -> Report {
        let (value, found) = match input {
            Input::Text(text, origin) => {
                match text.and_then(|text| self.read(text, origin, envelope)) {
                    Ok(read) => (read.value, read.found),
                    Err(report) => {
                        self.skip_document();
                        return report;
                    }
                }
            }
            Input::Value(value) => match self.check_limits(&value) {
                Some(report) => return report,
                None => (value, Found::default()),
            },
            Input::Borrowed(value) => match self.check_limits(value) {
                Some(report) => return report,
                None => (value.clone(), Found::default()),
            },
        };
        let mut w = self.walker();
        if target.is_some() {
            w.parsed = Some(Box::default());
        }
        w.take_found(found.violations, found.changes, &found.more);
        let (report, parsed, region) = self.walk_document(w, value, envelope);
        match (target, parsed) {
            (Some(target), Some(parsed)) => {
                self.finish_conversion(report, target, envelope, parsed, region)
            }
            _ => report,
        }
    }

    /// Reads a document, or the report that says why it cannot be read.
    /// Duplicate member names and numbers read as another value are
    /// returned as violations (and, for numbers, changes).
    fn read(&self, text: &str, origin: Origin, envelope: bool) -> Result<Read, Report> {
        let max = self.options.get_max_bytes();
        if text.len() > max {
            return Err(Report::single(
                rules::INPUT_BODY_MAX_LENGTH,
                Location::Body,
                "",
                format!(
                    "the document is {} bytes, more than the {max} allowed",
                    text.len()
                ),
            )
            .with_param("limit", max)
            .with_param("length", text.len()));
        }
        // One more than the cap of each rule, so the walk sees where the
        // first one left out is.
        let keep = parse::Keep {
            items: self.options.get_max_per_rule().saturating_add(1),
            bytes: crate::engine::MAX_POINTER_BYTES,
        };
        match parse::parse(text, self.options.get_max_depth(), origin, keep) {
            Ok(parsed) => {
                let mut found = Found::default();
                for path in parsed.duplicates {
                    let (location, path) = locate(path, envelope);
                    found.violations.push(Violation::new(
                        rules::INPUT_JSON_FORMAT,
                        location,
                        path,
                        "duplicate member name; parsers disagree on which value wins (here: the last)"
                            .to_owned(),
                    ));
                }
                for rounded in parsed.rounded {
                    let (location, path) = locate(rounded.path, envelope);
                    found.violations.push(
                        Violation::new(
                            rules::INPUT_NUMBER_PRECISION,
                            location,
                            path.clone(),
                            format!(
                                "{} is read as the double '{}', another number (a double keeps 17 significant digits, from 5e-324 to 1.8e308), as JSON parsers read numbers: it is sent so",
                                shown(&rounded.written),
                                rounded.read
                            ),
                        )
                        // A string keeps every digit (when short enough to
                        // suggest).
                        .with_suggestion_opt(
                            (rounded.written.len() <= 64)
                                .then(|| format!("\"{}\"", rounded.written)),
                        )
                        .with_param("found", rounded.written.clone())
                        .with_param("read", rounded.read.clone()),
                    );
                    found.changes.push(Change::new(
                        rules::INPUT_NUMBER_PRECISION,
                        location,
                        path,
                        Value::String(rounded.written),
                        Value::Number(rounded.read),
                    ));
                }
                found.more = vec![
                    (rules::INPUT_JSON_FORMAT, VIOLATIONS, parsed.more_duplicates),
                    (
                        rules::INPUT_NUMBER_PRECISION,
                        VIOLATIONS,
                        parsed.more_rounded,
                    ),
                    (rules::INPUT_NUMBER_PRECISION, CHANGES, parsed.more_rounded),
                ];
                Ok(Read {
                    value: parsed.value,
                    found,
                })
            }
            Err(ParseFailure::Syntax(message)) => Err(Report::single(
                rules::INPUT_JSON_FORMAT,
                Location::Body,
                "",
                message,
            )),
            Err(ParseFailure::TooDeep(path)) => Err(Report::single(
                rules::INPUT_BODY_MAX_DEPTH,
                Location::Body,
                &path,
                format!(
                    "nested deeper than the {} levels allowed",
                    self.options.get_max_depth()
                ),
            )
            .with_param("limit", self.options.get_max_depth())),
        }
    }

    /// The size and depth limits, for a value that did not come from text.
    fn check_limits(&self, value: &Value) -> Option<Report> {
        let depth = self.options.get_max_depth();
        let Some(bound) = size_bound(value, depth) else {
            return Some(
                Report::single(
                    rules::INPUT_BODY_MAX_DEPTH,
                    Location::Body,
                    "",
                    format!("nested deeper than the {depth} levels allowed"),
                )
                .with_param("limit", depth),
            );
        };
        let max = self.options.get_max_bytes();
        if bound <= max {
            return None;
        }
        let mut counter = ByteCounter {
            count: 0,
            limit: max,
        };
        if serde_json::to_writer(&mut counter, value).is_err() {
            return Some(
                Report::single(
                    rules::INPUT_BODY_MAX_LENGTH,
                    Location::Body,
                    "",
                    format!("the document serializes to more than the {max} bytes allowed"),
                )
                .with_param("limit", max),
            );
        }
        None
    }

    fn walker(&self) -> Walker<'_> {
        let mut w = Walker::new(&self.options, Location::Body);
        w.batch = self.batch.as_deref().map(|b| (b, self.next_document()));
        w
    }

    /// Walks a request envelope: each part by its table, the body by the
    /// provider's.
    fn walk_envelope(&self, w: &mut Walker<'_>, value: &mut Value) {
        let Value::Object(envelope) = value else {
            w.wrong_type(rules::INPUT_BODY_TYPE, "an envelope object", value);
            return;
        };
        let parts = (self.provider.spec().parts)(self.operation);
        for (name, part) in envelope.iter_mut() {
            let (location, spec) = match name.as_str() {
                "path" => (Location::Path, parts.path),
                "query" => (Location::Query, parts.query),
                "headers" => (Location::Header, parts.headers),
                "body" if !self.operation.has_body() => {
                    w.report(
                        rules::INPUT_BODY_TYPE,
                        format!(
                            "'{}' on {} sends no body; this one would not be sent",
                            self.operation, self.provider
                        ),
                    );
                    continue;
                }
                "body" => {
                    self.walk_body(w, part);
                    continue;
                }
                other => {
                    // Not JSON's fault: the envelope has the wrong shape.
                    // Reported at the envelope itself (paths in `body`
                    // point into the body part).
                    w.report_not_one_of(
                        rules::INPUT_BODY_TYPE,
                        other,
                        ENVELOPE_PARTS,
                        "an envelope member",
                    );
                    continue;
                }
            };
            let body_location = std::mem::replace(&mut w.location, location);
            if let (Location::Header, Value::Object(headers)) = (location, &*part) {
                check_header_fields(w, headers);
            }
            match (part, part_spec(location, spec)) {
                (Value::Object(map), Some(spec)) => w.walk_object(map, &spec),
                (Value::Object(_), None) => {}
                (other, _) => w.wrong_type(rules::INPUT_BODY_TYPE, "an object", other),
            }
            w.location = body_location;
        }
        if self.operation.has_body() && !envelope.contains_key("body") {
            w.report(
                rules::INPUT_BODY_TYPE,
                format!(
                    "the envelope has no 'body'; '{}' on {} sends a JSON object",
                    self.operation, self.provider
                ),
            );
        }
        let headers_missing = w
            .violations
            .iter()
            .any(|v| v.location() == Location::Header);
        if let Some(errors) = self.provider.spec().provider_error
            && headers_missing
        {
            w.provider_error = Some((errors.unauthorized)());
        }
    }

    /// Walks a document validated on its own for an operation that sends no
    /// body: it stands for the operation's query parameters (or else its
    /// path parameters), and its violations are located there.
    fn walk_parameters(&self, w: &mut Walker<'_>, document: &mut Value) {
        let parts = (self.provider.spec().parts)(self.operation);
        let part = match (parts.query, parts.path) {
            (Some(query), _) => Some((Location::Query, query)),
            (None, Some(path)) => Some((Location::Path, path)),
            (None, None) => None,
        };
        let Some((location, spec)) = part else {
            return;
        };
        w.location = location;
        match document {
            Value::Object(map) => {
                if let Some(spec) = part_spec(location, Some(spec)) {
                    w.walk_object(map, &spec);
                }
            }
            other => w.wrong_type(
                rules::INPUT_BODY_TYPE,
                &format!("the {location} parameters as a JSON object"),
                other,
            ),
        }
    }

    /// Walks a body with the provider's table and checks.
    fn walk_body(&self, w: &mut Walker<'_>, body: &mut Value) {
        let spec = self.provider.spec();
        if let Some(errors) = spec.provider_error {
            w.provider_error = (errors.body)(body);
        }
        let Value::Object(map) = body else {
            w.wrong_type(rules::INPUT_BODY_TYPE, "a JSON object", body);
            return;
        };
        w.creating = self.operation == Operation::Create;
        if let Some(region) = (spec.region)(map) {
            w.region = Some(region);
        }
        w.walk_object(map, spec.body);
        for check in spec.checks {
            check(w, map);
        }
    }
}

/// What the check of a converted body found.
struct Checked {
    violations: Vec<Violation>,
    changes: Vec<Change>,
    /// The target's own answer, when it is known and refuses the body.
    provider_error: Option<Value>,
    /// The body, normalized when valid, else as written.
    body: Box<Value>,
}

/// A document as the funnel ([`Validator::run`]) takes it, from a
/// [`Check`](crate::Check) or a stream's document: not the public
/// [`Input`](crate::Input), which a `Check` turns into this when it runs.
pub(crate) enum Input<'t> {
    /// Text (or the report saying the bytes are not UTF-8), starting at
    /// `Origin` in its file.
    Text(Result<&'t str, Report>, Origin),
    /// A value, owned.
    Value(Value),
    /// A value, borrowed (copied before it is normalized).
    Borrowed(&'t Value),
}

/// The text of `bytes`, or the report saying where it is not UTF-8.
pub(crate) fn utf8(bytes: &[u8], origin: Origin) -> Result<&str, Report> {
    std::str::from_utf8(bytes).map_err(|e| {
        // Where the bad byte is, as serde_json says it for syntax errors:
        // the line and the 1-based byte column, in the file (the document
        // starts at `origin`); the byte is counted in the document.
        let before = &bytes[..e.valid_up_to()];
        let newlines = before
            .iter()
            .fold(0usize, |n, b| n + usize::from(*b == b'\n'));
        let (line_start, first_column) = before
            .iter()
            .rposition(|b| *b == b'\n')
            .map_or((0, origin.column), |i| (i + 1, 1));
        Report::single(
            rules::INPUT_JSON_FORMAT,
            Location::Body,
            "",
            format!(
                "invalid UTF-8 at line {} column {} (byte {} of the document)",
                origin.line.saturating_add(newlines),
                (e.valid_up_to() - line_start).saturating_add(first_column),
                e.valid_up_to()
            ),
        )
    })
}

/// A document read: its value and what reading it found.
struct Read {
    value: Value,
    found: Found,
}

/// What reading a document found: duplicate member names, numbers read as
/// another value, and how many more of each rule were found and not kept.
#[derive(Default)]
struct Found {
    violations: Vec<Violation>,
    changes: Vec<Change>,
    more: Vec<(&'static RuleInfo, usize, usize)>,
}

/// Where a pointer of the document read points: in an envelope, the part
/// its first token names and the rest of the pointer (`/body/fields/a` is
/// `/fields/a` in the body), as every other violation of an envelope is
/// located; else in the body, as it is.
fn locate(path: String, envelope: bool) -> (Location, String) {
    if !envelope || path.is_empty() {
        return (Location::Body, path);
    }
    let rest_at = path[1..].find('/').map_or(path.len(), |i| i + 1);
    let location = match &path[..rest_at] {
        "/path" => Location::Path,
        "/query" => Location::Query,
        "/headers" => Location::Header,
        "/body" => Location::Body,
        // Not a part: the envelope's own member, reported at it.
        _ => return (Location::Body, path),
    };
    (location, path[rest_at..].to_owned())
}

/// Counts bytes written, failing past a limit.
struct ByteCounter {
    count: usize,
    limit: usize,
}

impl io::Write for ByteCounter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.count += buf.len();
        if self.count > self.limit {
            return Err(io::Error::other("over the limit"));
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}
