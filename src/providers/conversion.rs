//! A conversion's provider dispatch: reading a source body into the
//! canonical contact by the provider's rows, and writing the contact as a
//! target's body with the target's `from_contact`. `crate::convert` holds
//! what the providers' `convert` modules share; this module calls them, so
//! the two never call each other.

use std::collections::HashMap;

use serde_json::Value;

use super::Provider;
use crate::convert::{EXTERNAL_ID, Loss, provider_name};
use crate::engine::Deeper;
use crate::engine::read::{Read, Reader};
use crate::model::Contact;
use crate::values::PhoneRegion;
use crate::values::parsed::Parsed;

/// Canonical paths to the source paths they were read from, indexed for
/// [`SourcePaths::of`].
pub(crate) struct SourcePaths<'a>(HashMap<&'a str, &'a str>);

impl<'a> SourcePaths<'a> {
    /// Indexes `trace` (canonical path, source path); the first entry of a
    /// canonical path wins.
    pub(crate) fn new(trace: &'a [(String, String)]) -> Self {
        let mut map = HashMap::with_capacity(trace.len());
        for (canonical, source) in trace {
            map.entry(canonical.as_str()).or_insert(source.as_str());
        }
        SourcePaths(map)
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
            if let Some(source) = self.0.get(&canonical[..end]) {
                return format!("{source}{}", &canonical[end..]);
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
}

/// Reads a body of `source` into the canonical contact by its rows, with
/// the values its walk parsed (in `region`); `distinct_id`, `SuprSend`'s
/// path parameter, is the external id.
pub(crate) fn read_body(
    source: Provider,
    body: &Value,
    distinct_id: Option<&str>,
    parsed: &mut Parsed,
    region: Option<PhoneRegion>,
) -> Read {
    let mut reader = Reader::new(provider_name(source), parsed, region);
    if let Some(id) = distinct_id.filter(|id| !id.trim().is_empty()) {
        reader.at("distinct_id", |r| r.field(&EXTERNAL_ID, id));
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
    let read = read_body(source, &body, distinct_id, &mut Parsed::default(), None);
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
    Conversion { losses, body, path }
}

/// Removes the members `names` of `body` that the wire type wrote as an
/// empty string for a field the contact does not have.
fn drop_blank(body: &mut Value, names: &[&str]) {
    if let Value::Object(members) = body {
        for name in names {
            if members.get(*name).and_then(Value::as_str) == Some("") {
                crate::engine::remove_member(members, name);
            }
        }
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
    use crate::providers::{omnisend, raia, rocketchat, sendios, suprsend};
    let value = |w: Result<Value, serde_json::Error>| w.unwrap_or(Value::Null);
    match target {
        Provider::Sendios => {
            let (w, mut l) = sendios::convert::from_contact(contact);
            // Sendios' own dates have no zone (read as UTC): only a date
            // read with a zone is written in a zone Sendios may not read.
            if source != Some(Provider::Sendios) {
                l.extend(sendios::convert::utc_note(contact));
            }
            // A contact without an external id converts to a body without
            // `client_user_id`, so that Sendios' validation says it is
            // required rather than describe an empty string nobody sent.
            let mut body = value(serde_json::to_value(w));
            drop_blank(&mut body, &["client_user_id"]);
            (body, None, l)
        }
        Provider::RocketChat => {
            let (w, l) = rocketchat::convert::from_contact(contact);
            (value(serde_json::to_value(w)), None, l)
        }
        Provider::Suprsend => {
            let (w, l) = suprsend::convert::from_contact(contact);
            let path = suprsend::convert::from_contact_path(contact);
            (value(serde_json::to_value(w)), Some(path), l)
        }
        Provider::Raia => {
            let (w, l) = raia::convert::from_contact(contact);
            let mut body = value(serde_json::to_value(w));
            // The wire type holds a name as a string; a contact without one
            // converts to a body without it, so that raia's validation says
            // it is required (a blank name is only an advice when sent).
            drop_blank(&mut body, &["firstName", "lastName"]);
            (body, None, l)
        }
        Provider::Omnisend => {
            let (w, l) = omnisend::convert::from_contact(contact);
            (value(serde_json::to_value(w)), None, l)
        }
    }
}
