//! A conversion's provider dispatch: reading a source body into the
//! canonical contact by the provider's rows, and writing the contact as a
//! target's body with the target's `from_contact`. `crate::convert` holds
//! what the providers' `convert` modules share; this module calls them, so
//! the two never call each other.

use serde_json::Value;

use super::Provider;
use crate::convert::{Loss, provider_name};
use crate::engine::Deeper;
use crate::engine::read::{Read, Reader, Trace};
use crate::engine::write::{Writer, Written};
use crate::lookup::FirstSeen;
use crate::model::Contact;
use crate::model::field::EXTERNAL_ID;
use crate::values::PhoneRegion;
use crate::values::parsed::Parsed;

/// Canonical paths to the source paths they were read from, indexed for
/// [`SourcePaths::of`].
pub(crate) struct SourcePaths<'a> {
    trace: &'a Trace,
    first: FirstSeen<&'a str>,
}

impl<'a> SourcePaths<'a> {
    /// Indexes `trace` (canonical path, source path); the first entry of a
    /// canonical path wins.
    pub(crate) fn new(trace: &'a Trace) -> Self {
        let mut first = FirstSeen::new();
        for (i, (canonical, _)) in trace.iter().enumerate() {
            first.first(canonical, i);
        }
        SourcePaths { trace, first }
    }

    /// The source path of a canonical path: the traced entry that is the
    /// longest prefix of it (at a token boundary), else the canonical path.
    /// Linear in the path's length, whatever the trace's.
    pub(crate) fn of(&self, canonical: &str) -> String {
        let boundaries = canonical
            .char_indices()
            .filter(|&(_, c)| c == '/')
            .map(|(i, _)| i)
            .rev();
        for end in std::iter::once(canonical.len()).chain(boundaries) {
            if let Some(i) = self.first.get(&&canonical[..end]) {
                return [self.trace.source(i), &canonical[end..]].concat();
            }
        }
        canonical.to_owned()
    }
}

/// The result of converting a normalized, valid source body.
#[derive(Debug)]
pub(crate) struct Conversion {
    /// The `convert.*` warnings, in source paths.
    pub(crate) losses: Vec<Loss>,
    /// The target's body.
    pub(crate) body: Value,
    /// The target's path parameters, when it takes contact data there.
    pub(crate) path: Option<Value>,
    /// The canonical contact the body was written from.
    pub(crate) contact: Contact,
}

/// Reads a body of `source` into the canonical contact by its rows, with
/// the values its walk parsed (in `region`); `distinct_id`, `SuprSend`'s
/// path parameter (a string or an integer), is the external id.
pub(crate) fn read_body(
    source: Provider,
    body: &Value,
    distinct_id: Option<&Value>,
    parsed: &mut Parsed,
    region: Option<PhoneRegion>,
) -> Read {
    let mut reader = Reader::new(provider_name(source), parsed, region);
    match distinct_id {
        Some(Value::String(id)) => {
            if !id.trim().is_empty() {
                reader.at("distinct_id", |r| r.field(&EXTERNAL_ID, id));
            }
        }
        Some(Value::Number(n)) if n.is_i64() || n.is_u64() => {
            let id = n.to_string();
            reader.at("distinct_id", |r| r.field(&EXTERNAL_ID, &id));
        }
        None | Some(Value::Null) => {}
        // A number with a fraction or an exponent (no single text in a URL
        // path) or another type, let through by a policy: no id is made up
        // from it.
        Some(other) => reader.at("distinct_id", |r| {
            r.not_held(
                crate::rules::CONVERT_EXTERNAL_ID_LOSSY,
                other,
                "a string or an integer",
            );
        }),
    }
    if let Value::Object(map) = body {
        match source.spec().read {
            Some(read) => read(&mut reader, map),
            None => reader.object(map, source.spec().body),
        }
    }
    reader.finish()
}

/// A provider's wire value read into the canonical contact (the public
/// `to_contact` of each provider): its values parsed here, phone numbers
/// without a region.
pub(crate) fn read_wire<T: serde::Serialize>(
    source: Provider,
    wire: &T,
    distinct_id: Option<&str>,
) -> (Contact, Vec<Loss>) {
    let body = serde_json::to_value(wire).unwrap_or(Value::Null);
    let distinct_id = distinct_id.map(|id| Value::String(id.to_owned()));
    let read = read_body(
        source,
        &body,
        distinct_id.as_ref(),
        &mut Parsed::default(),
        None,
    );
    (read.contact, read.losses)
}

/// Writes what a reader read from `source` as `target`'s body; the
/// losses of both, in source paths.
pub(crate) fn write_read(
    source: Provider,
    target: Provider,
    read: crate::engine::read::Read,
) -> Conversion {
    let mut losses = read.losses;
    let (body, path, lost) = write_contact(&read.contact, target, Some(source));
    let sources = SourcePaths::new(&read.trace);
    losses.extend(
        lost.into_iter()
            .map(|loss| Loss::new(loss.rule, sources.of(&loss.path), loss.message)),
    );
    Conversion {
        losses,
        body,
        path,
        contact: read.contact,
    }
}

/// A contact written as `target`'s wire body (with its path parameters
/// when the contact holds them: `SuprSend`'s `distinct_id`) and the losses,
/// located by the contact's own paths. `source` is the provider the
/// contact was read from, if any (a Sendios date read from Sendios is
/// written back without the time-zone warning).
pub(crate) fn write_contact(
    contact: &Contact,
    target: Provider,
    source: Option<Provider>,
) -> (Value, Option<Value>, Vec<Loss>) {
    let mut written = write(contact, target);
    // Sendios' own dates have no zone (read as UTC): only a date read
    // with a zone is written in a zone Sendios may not read.
    if source != Some(target) {
        written.losses.append(&mut written.advice);
    }
    let path = (target == Provider::Suprsend)
        .then(|| super::suprsend::convert::from_contact_path(contact));
    (Value::Object(written.body), path, written.losses)
}

/// A contact written as `target`'s body by the target's rows.
pub(crate) fn write(contact: &Contact, target: Provider) -> Written {
    let spec = target.spec();
    Writer::new(contact, provider_name(target)).write(spec.body, spec.write)
}

/// A contact written as `target`'s wire value (the public `from_contact`
/// of each provider), with the losses; `blank` when the body does not
/// read as one. A required string the contact has no value for is blank
/// (the wire types hold it as a string).
pub(crate) fn write_wire<T: serde::de::DeserializeOwned>(
    contact: &Contact,
    target: Provider,
    blank: impl FnOnce() -> T,
) -> (T, Vec<Loss>) {
    let written = write(contact, target);
    let mut body = written.body;
    for member in target.spec().body.members {
        if member.required.is_some() && matches!(member.to, crate::engine::To::Given(_)) {
            body.entry(member.name)
                .or_insert_with(|| Value::String(String::new()));
        }
    }
    let wire = serde_json::from_value(Value::Object(body));
    // The rows write what the wire type reads; a body it does not read is
    // a defect of the rows (found by the tests and fuzzers in debug).
    debug_assert!(wire.is_ok(), "{target}: {:?}", wire.as_ref().err());
    let wire = wire.unwrap_or_else(|_| blank());
    (wire, written.losses)
}
