//! [`Validator::check`]: one entry point for every kind of input (text,
//! bytes, a JSON value) and every action (validate, convert), as a
//! [`Check`] built from an [`Input`].
//!
//! The `validate_*`, `validate_envelope_*`, `convert_*` and
//! `convert_envelope_*` methods of [`Validator`] are shorthands for a
//! [`Check`]: each is one line here, and a [`Check`] is one line into the
//! validator's funnel.

use serde_json::Value;

use crate::parse::Origin;
use crate::providers::Provider;
use crate::report::Report;
use crate::validator::{self, Validator};

/// A document as the caller holds it, for [`Validator::check`]: text
/// (`&str`, `String`, `&String`), bytes (`&[u8]`, `Vec<u8>`, `&Vec<u8>`,
/// `&[u8; N]`), or a [`serde_json::Value`], owned or borrowed. Every kind gets the same
/// rules and the same report: text and bytes are read by the crate's own
/// parser (duplicate member names, numbers a double cannot hold, syntax
/// errors with their line and column; bytes that are not UTF-8 are an
/// `input.json.format` error), a value is checked against the size and
/// depth limits; a borrowed value stays the caller's and is copied only
/// when it is within the limits.
///
/// Built with [`From`] (so any of these is passed to
/// [`Validator::check`] as it is); its fields are private, so other kinds
/// can be added without breaking callers.
///
/// The name: what the crate is given to check, as its `input.*` rules
/// (`input.json.format`, `input.body.max_length`) are what it reports
/// about it. It is not a [`Document`](crate::Document), which is a
/// document cut from a stream (with its index, line and column), nor a
/// [`Request`](crate::Request), which is the HTTP request the crate builds
/// from a [`Contact`](crate::Contact).
///
/// ```
/// use omnicontact::{Input, Provider, Validator};
/// use serde_json::json;
///
/// let v = Validator::new(Provider::Omnisend);
/// let text = String::from(r#"{"email":"a@b.co","tags":["source: x"]}"#);
/// let value = json!({"email": "a@b.co", "tags": ["source: x"]});
/// let inputs: [Input<'_>; 6] = [
///     text.as_str().into(),       // &str
///     (&text).into(),             // &String
///     text.as_bytes().into(),     // &[u8]
///     br#"{"email":"a@b.co","tags":["source: x"]}"#.into(), // &[u8; N]
///     (&value).into(),            // &Value, still the caller's
///     value.clone().into(),       // Value
/// ];
/// for input in inputs {
///     assert!(v.check(input).validate().is_valid());
/// }
/// ```
#[derive(Debug)]
pub struct Input<'a> {
    form: Form<'a>,
}

/// What an [`Input`] holds.
#[derive(Debug)]
enum Form<'a> {
    Text(&'a str),
    Bytes(&'a [u8]),
    OwnedText(String),
    OwnedBytes(Vec<u8>),
    Value(Value),
    Borrowed(&'a Value),
}

impl Input<'_> {
    /// Runs the validator's funnel on the input: text (or the report
    /// saying where the bytes are not UTF-8) from the start of a file, or
    /// a value. Owned text and bytes are lent to it for the call.
    fn run(self, validator: &Validator, envelope: bool, target: Option<Provider>) -> Report {
        use validator::Input as Funnel;
        let bytes = |b| Funnel::Text(validator::utf8(b, Origin::START), Origin::START);
        let input = match self.form {
            Form::Text(text) => Funnel::Text(Ok(text), Origin::START),
            Form::Bytes(b) => bytes(b),
            Form::Value(value) => Funnel::Value(value),
            Form::Borrowed(value) => Funnel::Borrowed(value),
            Form::OwnedText(text) => {
                return validator.run(Funnel::Text(Ok(&text), Origin::START), envelope, target);
            }
            Form::OwnedBytes(b) => return validator.run(bytes(&b), envelope, target),
        };
        validator.run(input, envelope, target)
    }
}

/// JSON text.
///
/// ```
/// # use omnicontact::{Input, Provider, Validator};
/// let r = Validator::new(Provider::Omnisend).check(Input::from("{\"email\": ")).validate();
/// assert_eq!(r.violations()[0].rule(), "input.json.format");
/// ```
impl<'a> From<&'a str> for Input<'a> {
    fn from(text: &'a str) -> Self {
        Input {
            form: Form::Text(text),
        }
    }
}

/// JSON text in a `String` (borrowed).
///
/// ```
/// # use omnicontact::{Provider, Validator};
/// let text = String::from(r#"{"email":"a@b.co","tags":["source: x"]}"#);
/// assert!(Validator::new(Provider::Omnisend).check(&text).validate().is_valid());
/// ```
impl<'a> From<&'a String> for Input<'a> {
    fn from(text: &'a String) -> Self {
        Input::from(text.as_str())
    }
}

/// JSON text in a `String`, taken (a line of `BufRead::lines`).
///
/// ```
/// # use std::io::BufRead;
/// # use omnicontact::{Provider, Validator};
/// let v = Validator::new(Provider::Omnisend);
/// let input = "{\"email\":\"a@b.co\",\"tags\":[\"source: x\"]}\n{\"email\":\"x\"}\n";
/// let valid: Vec<bool> = input
///     .as_bytes()
///     .lines()
///     .map(|line| v.check(line.unwrap()).validate().is_valid())
///     .collect();
/// assert_eq!(valid, [true, false]);
/// ```
impl From<String> for Input<'_> {
    fn from(text: String) -> Self {
        Input {
            form: Form::OwnedText(text),
        }
    }
}

/// JSON text as bytes in a `Vec`, taken.
///
/// ```
/// # use omnicontact::{Provider, Validator};
/// let bytes = br#"{"email":"a@b.co","tags":["source: x"]}"#.to_vec();
/// assert!(Validator::new(Provider::Omnisend).check(bytes).validate().is_valid());
/// ```
impl From<Vec<u8>> for Input<'_> {
    fn from(bytes: Vec<u8>) -> Self {
        Input {
            form: Form::OwnedBytes(bytes),
        }
    }
}

/// JSON text as bytes; bytes that are not UTF-8 are an
/// `input.json.format` error naming the line and column of the first bad
/// byte.
///
/// ```
/// # use omnicontact::{Provider, Validator};
/// let r = Validator::new(Provider::Omnisend).check(&b"{\"email\":\"\xff\"}"[..]).validate();
/// assert_eq!(r.violations()[0].rule(), "input.json.format");
/// assert!(r.violations()[0].message().starts_with("invalid UTF-8 at line 1 column 11"));
/// ```
impl<'a> From<&'a [u8]> for Input<'a> {
    fn from(bytes: &'a [u8]) -> Self {
        Input {
            form: Form::Bytes(bytes),
        }
    }
}

/// JSON text as bytes in a `Vec` (borrowed).
///
/// ```
/// # use omnicontact::{Provider, Validator};
/// let bytes = br#"{"email":"a@b.co","tags":["source: x"]}"#.to_vec();
/// assert!(Validator::new(Provider::Omnisend).check(&bytes).validate().is_valid());
/// ```
impl<'a> From<&'a Vec<u8>> for Input<'a> {
    fn from(bytes: &'a Vec<u8>) -> Self {
        Input::from(bytes.as_slice())
    }
}

/// JSON text as a byte array, such as a byte string literal.
///
/// ```
/// # use omnicontact::{Provider, Validator};
/// let v = Validator::new(Provider::Omnisend);
/// assert!(v.check(br#"{"email":"a@b.co","tags":["source: x"]}"#).validate().is_valid());
/// ```
impl<'a, const N: usize> From<&'a [u8; N]> for Input<'a> {
    fn from(bytes: &'a [u8; N]) -> Self {
        Input::from(bytes.as_slice())
    }
}

/// A JSON value, owned: normalized in place.
///
/// ```
/// # use omnicontact::{Provider, Validator};
/// let body = serde_json::json!({"email": " a@b.co", "tags": ["source: x"]});
/// let r = Validator::new(Provider::Omnisend).check(body).validate();
/// assert_eq!(r.normalized().unwrap()["email"], "a@b.co");
/// ```
impl From<Value> for Input<'_> {
    fn from(value: Value) -> Self {
        Input {
            form: Form::Value(value),
        }
    }
}

/// A JSON value, borrowed: it stays the caller's, unchanged. The limits
/// ([`Options::max_depth`](crate::Options::max_depth),
/// [`Options::max_bytes`](crate::Options::max_bytes)) are checked on the
/// borrowed value; only a value within them is copied, as the normalized
/// body the report holds.
///
/// ```
/// # use omnicontact::{Provider, Validator};
/// let body = serde_json::json!({"email": " a@b.co", "tags": ["source: x"]});
/// let r = Validator::new(Provider::Omnisend).check(&body).validate();
/// assert_eq!(r.normalized().unwrap()["email"], "a@b.co");
/// assert_eq!(body["email"], " a@b.co");
/// ```
impl<'a> From<&'a Value> for Input<'a> {
    fn from(value: &'a Value) -> Self {
        Input {
            form: Form::Borrowed(value),
        }
    }
}

/// One input a [`Validator`] (or a [`Batch`](crate::Batch)) is asked to
/// check, started by [`Validator::check`]: say what the input is — a
/// request body (the default) or an [envelope](Check::envelope) — then end
/// in the action, [`validate`](Check::validate) or
/// [`convert`](Check::convert) to another provider, which returns the
/// [`Report`]. Nothing is read before the action.
///
/// The name: both actions check the input by the provider's rules (a
/// conversion also checks the body it writes by the target's), so the
/// builder is named for what they share, after the method that starts it.
/// It is not [`Options`](crate::Options), the validator's settings for
/// every document, nor a [`Request`](crate::Request), the HTTP request the
/// crate builds, nor a [`Document`](crate::Document) of a stream (which
/// has its own [`validate`](crate::Document::validate) and
/// [`convert`](crate::Document::convert)).
///
/// A `Check` borrows its validator and input, is `Send + Sync` (as they
/// are) and does nothing until its action runs (`#[must_use]`); its fields
/// are private, so settings can be added as methods. Every
/// `validate_*` / `convert_*` method of [`Validator`] is a shorthand for
/// one `Check`: `validate_envelope_value(v)` is
/// `check(v).envelope().validate()`.
///
/// ```
/// use omnicontact::{Location, Provider, Validator};
/// use serde_json::json;
///
/// let v = Validator::new(Provider::Suprsend);
///
/// // A body, from text: validate.
/// let r = v.check(r#"{"$email":[" a@example.com"]}"#).validate();
/// assert_eq!(r.normalized().unwrap()["$email"][0], "a@example.com");
///
/// // An envelope, from a borrowed value: convert to Sendios.
/// let envelope = json!({"path": {"distinct_id": "u-7"}, "body": {"$email": ["a@example.com"]}});
/// let r = v.check(&envelope).envelope().convert(Provider::Sendios);
/// assert!(r.is_valid());
/// assert_eq!(r.converted().unwrap()["client_user_id"], "u-7");
///
/// // The same as the shorthand:
/// assert_eq!(r, v.convert_envelope_value_ref(&envelope, Provider::Sendios));
///
/// // Bytes that are not UTF-8 are reported, never a panic.
/// let r = v.check(b"\xff").envelope().validate();
/// assert_eq!((r.violations()[0].rule(), r.violations()[0].location()), ("input.json.format", Location::Body));
/// ```
#[must_use = "a `Check` does nothing until `validate` or `convert` runs it"]
#[derive(Debug)]
pub struct Check<'a> {
    validator: &'a Validator,
    input: Input<'a>,
    envelope: bool,
}

impl Validator {
    /// Starts a [`Check`] of `input` — text (`&str`, `&String`), bytes
    /// (`&[u8]`, `&Vec<u8>`, `&[u8; N]`) or a JSON value (owned or
    /// borrowed); see [`Input`] — read as a request body unless
    /// [`Check::envelope`] says otherwise, and run by
    /// [`Check::validate`] or [`Check::convert`].
    ///
    /// On a [`Batch`](crate::Batch) (through `Deref`), the check is a
    /// document of the batch: it is counted, and compared with the
    /// documents before it, when its action runs.
    ///
    /// ```
    /// use omnicontact::{Provider, Validator};
    ///
    /// let v = Validator::new(Provider::Sendios);
    /// let doc = |plan: &str| format!(r#"{{"client_user_id":"u1","fields":{{"plan":{plan}}}}}"#);
    /// assert!(v.check(&doc("1")).validate().is_valid());
    /// assert!(v.check(&doc(r#""gold""#)).validate().is_valid()); // no state
    ///
    /// let batch = v.batch();
    /// assert!(batch.check(&doc("1")).validate().is_valid());
    /// let second = batch.check(&doc(r#""gold""#)).validate();
    /// assert_eq!(second.violations()[0].rule(), "sendios.fields.consistent_type");
    /// assert_eq!(batch.documents_seen(), 2);
    /// ```
    pub fn check<'a>(&'a self, input: impl Into<Input<'a>>) -> Check<'a> {
        Check {
            validator: self,
            input: input.into(),
            envelope: false,
        }
    }
}

impl Check<'_> {
    /// Reads the input as a request body: the default, for a call that
    /// chooses at run time ([`Check::envelope`] for the other).
    ///
    /// For an operation that sends no body ([`Operation::has_body`](crate::Operation::has_body)
    /// is false: raia `search`, `get`, `delete`) the document is the
    /// operation's parameters instead — its query parameters, or else its
    /// path parameters — and its violations are located `in` `query` /
    /// `path`.
    ///
    /// ```
    /// use omnicontact::{Location, Operation, Provider, Validator};
    ///
    /// let envelope = false;
    /// let v = Validator::new(Provider::Omnisend);
    /// let check = v.check(r#"{"email":"a@b.co","tags":["source: x"]}"#);
    /// let check = if envelope { check.envelope() } else { check.body() };
    /// assert!(check.validate().is_valid());
    ///
    /// let get = Validator::for_operation(Provider::Raia, Operation::Get).unwrap();
    /// let r = get.check(r#"{"id":""}"#).body().validate();
    /// assert_eq!((r.violations()[0].rule(), r.violations()[0].location()), ("raia.id.format", Location::Path));
    /// ```
    pub fn body(mut self) -> Self {
        self.envelope = false;
        self
    }

    /// Reads the input as a request envelope
    /// `{"path":{…},"query":{…},"headers":{…},"body":{…}}` (every member
    /// optional, but `body` is required for operations that have one; see
    /// [`Validator::validate_envelope_str`] for its rules). The report's
    /// normalized value is the normalized envelope, and a conversion
    /// converts its `body` (with `SuprSend`'s path parameter
    /// `distinct_id` as the external id).
    ///
    /// ```
    /// use omnicontact::{Location, Provider, Validator};
    ///
    /// let v = Validator::new(Provider::Omnisend);
    /// let r = v.check(r#"{"headers":{"X-API-KEY":"k"},"body":{"email":" a@B.co","tags":["source: x"]}}"#)
    ///     .envelope()
    ///     .validate();
    /// assert_eq!(r.normalized().unwrap()["body"]["email"], "a@B.co");
    ///
    /// let r = v.check(r#"{"headers":{"X-API-KEY":"k\r\n"}}"#).envelope().validate();
    /// assert_eq!((r.violations()[0].rule(), r.violations()[0].location()), ("input.headers.format", Location::Header));
    /// ```
    pub fn envelope(mut self) -> Self {
        self.envelope = true;
        self
    }

    /// Validates and normalizes the input by the validator's provider,
    /// operation and options: the report lists every violation and
    /// change, and holds the normalized body (or envelope) when no
    /// violation is an error.
    ///
    /// ```
    /// use omnicontact::{Provider, Validator};
    ///
    /// let r = Validator::new(Provider::Omnisend)
    ///     .check(r#"{"email":"jane@example.com","countryCode":"lt","tags":["source: x"]}"#)
    ///     .validate();
    /// assert!(r.is_valid());
    /// assert_eq!(r.normalized().unwrap()["countryCode"], "LT");
    /// ```
    pub fn validate(self) -> Report {
        self.input.run(self.validator, self.envelope, None)
    }

    /// Validates the input as [`Check::validate`] does and, when it is
    /// valid, converts its normalized body to `target`'s body through the
    /// canonical [`Contact`](crate::Contact) (see
    /// [`Validator::convert_str`] for what the report holds: the source's
    /// findings, the `convert.*` losses, then the target's findings on the
    /// converted body, `in: converted`). An invalid source, or a document
    /// of an operation without a body, is not converted.
    ///
    /// ```
    /// use omnicontact::{Location, Provider, Validator};
    ///
    /// let v = Validator::new(Provider::RocketChat);
    /// let r = v
    ///     .check(r#"{"name":"Jane Doe","emails":["jane@example.com"],"phones":[]}"#)
    ///     .convert(Provider::Raia);
    /// assert!(r.is_valid());
    /// assert_eq!(r.converted().unwrap()["lastName"], "Doe");
    /// let lossy = &r.violations()[0];
    /// assert_eq!((lossy.rule(), lossy.location(), lossy.path()), ("convert.name.lossy", Location::Converted, "/name"));
    /// ```
    pub fn convert(self, target: Provider) -> Report {
        self.input.run(self.validator, self.envelope, Some(target))
    }
}

const _: () = {
    const fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Input<'static>>();
    assert_send_sync::<Check<'static>>();
};
