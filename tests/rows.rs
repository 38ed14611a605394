//! The member rows against the other places a member lives, for every
//! provider and operation, so a member added in one place and forgotten in
//! another fails here:
//!
//! - each table of a request part (the body and the tables below it, the
//!   path, query and header parameters; `providers::member_tables`) has
//!   exactly the members its wire source reads: the serde fields of the
//!   wire type (the names `Deserialize` asks for, aliases included), the
//!   names it writes (read from `Serialize`, skipped members included), and
//!   the endpoint's `path_params` / `query_params` / `required_headers`;
//! - the wire types refuse a member no table has (except free-form maps);
//! - with the `proptest` feature, `strategies::valid_body` gives every body
//!   member of the default operation (the one the strategies generate) at
//!   least once, and `invalid_body` breaks every rule of `invalid_rules`
//!   and reaches every body member (a violation at or below it).
//!
//! - every body member says where it goes in the canonical contact
//!   (`providers::member_readings`): a member the contact does not take is
//!   listed in `NOT_READ` with why, so a new row whose reading was
//!   forgotten (it is `lost` by default) fails here.
//!
//! Every place where the two sides differ on purpose is listed below with
//! its reason (`KNOWN`, `NEVER_VALID`, `NEVER_INVALID`, `NOT_READ`); the
//! lists are exact, so an entry that no longer differs fails too.
//!
//! Not compared: the Omnisend `channels` object and its statuses (wire
//! types `Channels`, `ChannelStatus`), checked by a function (the row of
//! `channels` is `Kind::Tagged`, checked by a function for each identifier
//! type, its keys depend on that type),
//! and the `SuprSend` channel objects (`ChannelItem::Object`, free-form on
//! the wire). A typed member added to `suprsend::User` (which reads any
//! other key into its free-form `properties`) is found only under a name
//! some row has.

use std::collections::BTreeSet;
use std::fmt;

use omnicontact::providers::{
    Endpoint, member_readings, member_tables, omnisend, raia, rocketchat, sendios,
};
use omnicontact::{Operation, Provider, suprsend};
use serde::de::{self, DeserializeOwned};
use serde::ser::{self, Impossible, Serialize};
use serde_json::{Map, Value, json};

/// The parts of a request, in envelope order.
const PARTS: [&str; 4] = ["body", "path", "query", "headers"];

/// How the two sides of one level differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Side {
    /// A row the wire source does not read.
    NotRead,
    /// A member the wire source reads (or, for an endpoint, names) that no
    /// row has.
    NoRow,
    /// A member the wire type reads but writes under another name.
    Renamed,
}

/// One difference between a table and its wire source.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Difference {
    provider: Provider,
    operation: Operation,
    part: &'static str,
    /// Where the table sits below the part (`identifiers/*`).
    at: String,
    /// The wire source (`sendios::User`, `Endpoint::required_headers`).
    source: &'static str,
    name: String,
    side: Side,
}

/// A difference on purpose.
struct Known {
    provider: Provider,
    operation: Operation,
    part: &'static str,
    at: &'static str,
    source: &'static str,
    name: &'static str,
    side: Side,
    /// Why the two sides differ.
    why: &'static str,
}

/// Every difference on purpose between the rows and the wire sources.
const KNOWN: &[Known] = &[
    Known {
        provider: Provider::Omnisend,
        operation: Operation::Create,
        part: "headers",
        at: "",
        source: "Endpoint::required_headers",
        name: "X-API-KEY",
        side: Side::NoRow,
        why: "Omnisend's contacts page states no header rule (the key is its v3 \
              API's); the crate has no header table for Omnisend",
    },
    Known {
        provider: Provider::Sendios,
        operation: Operation::Create,
        part: "body",
        at: "",
        source: "sendios::User",
        name: "platform",
        side: Side::Renamed,
        why: "the crate's earlier name: read (a row, serde alias), written \
              as Sendios' `platform_id` (sendios::EARLIER_NAMES)",
    },
    Known {
        provider: Provider::Sendios,
        operation: Operation::Create,
        part: "body",
        at: "",
        source: "sendios::User",
        name: "auth_key",
        side: Side::Renamed,
        why: "the crate's earlier name: read (a row, serde alias), written \
              as Sendios' `ak` (sendios::EARLIER_NAMES)",
    },
    Known {
        provider: Provider::Suprsend,
        operation: Operation::Create,
        part: "body",
        at: "",
        source: "suprsend::User",
        name: "$messenger",
        side: Side::NotRead,
        why: "checked like a channel, kept in the wire type's free-form \
              `properties` (absent from SuprSend's user document)",
    },
    Known {
        provider: Provider::Suprsend,
        operation: Operation::Create,
        part: "body",
        at: "",
        source: "suprsend::User",
        name: "$locale",
        side: Side::NotRead,
        why: "checked, kept in the wire type's free-form `properties` \
              (SuprSend's JSON schema only)",
    },
    Known {
        provider: Provider::Suprsend,
        operation: Operation::Create,
        part: "body",
        at: "",
        source: "suprsend::User",
        name: "$channels",
        side: Side::NotRead,
        why: "checked, kept in the wire type's free-form `properties` \
              (SuprSend's JSON schema only)",
    },
    Known {
        provider: Provider::Suprsend,
        operation: Operation::Create,
        part: "headers",
        at: "",
        source: "Endpoint::required_headers",
        name: "Authorization",
        side: Side::NoRow,
        why: "the crate has no header table for SuprSend: its document \
              states no rule for the bearer key beyond its presence",
    },
];

/// Why a serde probe stopped: the field names asked for, or anything else.
#[derive(Debug)]
enum Stop {
    Fields(&'static [&'static str]),
    Other(String),
}

impl fmt::Display for Stop {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Stop::Fields(fields) => write!(f, "fields {fields:?}"),
            Stop::Other(s) => f.write_str(s),
        }
    }
}

impl std::error::Error for Stop {}

impl de::Error for Stop {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Stop::Other(msg.to_string())
    }
}

impl ser::Error for Stop {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Stop::Other(msg.to_string())
    }
}

/// A deserializer that answers nothing: a struct asks it for its fields,
/// which are the names the type reads (its own and its aliases).
struct Reads;

impl<'de> de::Deserializer<'de> for Reads {
    type Error = Stop;

    fn deserialize_any<V: de::Visitor<'de>>(self, _: V) -> Result<V::Value, Stop> {
        Err(Stop::Other("not a struct".into()))
    }

    fn deserialize_struct<V: de::Visitor<'de>>(
        self,
        _: &'static str,
        fields: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, Stop> {
        Err(Stop::Fields(fields))
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option unit unit_struct newtype_struct seq tuple
        tuple_struct map enum identifier ignored_any
    }
}

/// The names `T` reads.
fn reads<'de, T: de::Deserialize<'de>>() -> BTreeSet<String> {
    match T::deserialize(Reads) {
        Err(Stop::Fields(fields)) => fields.iter().map(|f| (*f).to_owned()).collect(),
        Err(Stop::Other(e)) => panic!("{}: {e}", std::any::type_name::<T>()),
        Ok(_) => unreachable!(),
    }
}

/// A serializer that records a struct's member names, written or skipped,
/// without serializing their values.
struct Writes;

/// The member names of the struct being serialized.
struct Names(BTreeSet<String>);

macro_rules! not_a_struct {
    ($($method:ident($($ty:ty),*) -> $out:ty;)*) => {
        $(fn $method(self, $(_: $ty),*) -> Result<$out, Stop> {
            Err(Stop::Other("not a struct".into()))
        })*
    };
}

impl ser::Serializer for Writes {
    type Ok = BTreeSet<String>;
    type Error = Stop;
    type SerializeSeq = Impossible<Self::Ok, Stop>;
    type SerializeTuple = Impossible<Self::Ok, Stop>;
    type SerializeTupleStruct = Impossible<Self::Ok, Stop>;
    type SerializeTupleVariant = Impossible<Self::Ok, Stop>;
    type SerializeMap = Impossible<Self::Ok, Stop>;
    type SerializeStruct = Names;
    type SerializeStructVariant = Impossible<Self::Ok, Stop>;

    not_a_struct! {
        serialize_bool(bool) -> Self::Ok;
        serialize_i8(i8) -> Self::Ok;
        serialize_i16(i16) -> Self::Ok;
        serialize_i32(i32) -> Self::Ok;
        serialize_i64(i64) -> Self::Ok;
        serialize_u8(u8) -> Self::Ok;
        serialize_u16(u16) -> Self::Ok;
        serialize_u32(u32) -> Self::Ok;
        serialize_u64(u64) -> Self::Ok;
        serialize_f32(f32) -> Self::Ok;
        serialize_f64(f64) -> Self::Ok;
        serialize_char(char) -> Self::Ok;
        serialize_str(&str) -> Self::Ok;
        serialize_bytes(&[u8]) -> Self::Ok;
        serialize_none() -> Self::Ok;
        serialize_unit() -> Self::Ok;
        serialize_unit_struct(&'static str) -> Self::Ok;
        serialize_unit_variant(&'static str, u32, &'static str) -> Self::Ok;
        serialize_seq(Option<usize>) -> Self::SerializeSeq;
        serialize_tuple(usize) -> Self::SerializeTuple;
        serialize_tuple_struct(&'static str, usize) -> Self::SerializeTupleStruct;
        serialize_tuple_variant(&'static str, u32, &'static str, usize) -> Self::SerializeTupleVariant;
        serialize_map(Option<usize>) -> Self::SerializeMap;
        serialize_struct_variant(&'static str, u32, &'static str, usize) -> Self::SerializeStructVariant;
    }

    fn serialize_some<T: ?Sized + Serialize>(self, _: &T) -> Result<Self::Ok, Stop> {
        Err(Stop::Other("not a struct".into()))
    }

    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: &T,
    ) -> Result<Self::Ok, Stop> {
        Err(Stop::Other("not a struct".into()))
    }

    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<Self::Ok, Stop> {
        Err(Stop::Other("not a struct".into()))
    }

    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Names, Stop> {
        Ok(Names(BTreeSet::new()))
    }
}

impl ser::SerializeStruct for Names {
    type Ok = BTreeSet<String>;
    type Error = Stop;

    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        key: &'static str,
        _: &T,
    ) -> Result<(), Stop> {
        self.0.insert(key.to_owned());
        Ok(())
    }

    fn skip_field(&mut self, key: &'static str) -> Result<(), Stop> {
        self.0.insert(key.to_owned());
        Ok(())
    }

    fn end(self) -> Result<Self::Ok, Stop> {
        Ok(self.0)
    }
}

/// The names `T` writes: every member, set or skipped.
fn writes<T: Serialize + Default>() -> BTreeSet<String> {
    T::default()
        .serialize(Writes)
        .unwrap_or_else(|e| panic!("{}: {e}", std::any::type_name::<T>()))
}

/// A name no row and no wire type has.
const STRANGER: &str = "notAMemberOfAnyTable";

/// What a wire source reads and writes at one level.
struct Source {
    name: &'static str,
    reads: BTreeSet<String>,
    writes: BTreeSet<String>,
}

/// A serde struct: the names it reads and writes; it refuses a member no
/// table has.
fn wire_type<T: DeserializeOwned + Serialize + Default>(name: &'static str) -> Source {
    let refused = serde_json::from_value::<T>(json!({ STRANGER: null }))
        .map(|_| ())
        .expect_err(name)
        .to_string();
    assert!(
        refused.starts_with(&format!("unknown field `{STRANGER}`")),
        "{name} does not refuse an unknown member: {refused}"
    );
    Source {
        name,
        reads: reads::<T>(),
        writes: writes::<T>(),
    }
}

/// A free-form map: no member of its own.
fn free_form(name: &'static str) -> Source {
    Source {
        name,
        reads: BTreeSet::new(),
        writes: BTreeSet::new(),
    }
}

/// Names an endpoint lists (sent as they are).
fn listed(name: &'static str, names: impl IntoIterator<Item = &'static str>) -> Source {
    let names: BTreeSet<String> = names.into_iter().map(str::to_owned).collect();
    Source {
        name,
        reads: names.clone(),
        writes: names,
    }
}

/// `suprsend::User` reads any key (its free-form `properties` take the
/// others): a candidate is one of its own members when it does not land in
/// `properties`; what it writes is read from a value with that member set.
fn suprsend_user(candidates: &[&str]) -> Source {
    let mut reads = BTreeSet::new();
    let mut writes = BTreeSet::new();
    for &name in candidates.iter().chain(&[STRANGER]) {
        let user: suprsend::User =
            serde_json::from_value(json!({ name: null })).expect("reads any member");
        if user.properties.contains_key(name) {
            continue;
        }
        reads.insert(name.to_owned());
        let set = [json!([]), json!("x")]
            .into_iter()
            .find_map(|v| serde_json::from_value::<suprsend::User>(json!({ name: v })).ok())
            .unwrap_or_else(|| panic!("suprsend::User: no value for `{name}`"));
        let Value::Object(written) = serde_json::to_value(set).unwrap() else {
            unreachable!()
        };
        writes.extend(written.keys().cloned());
    }
    Source {
        name: "suprsend::User",
        reads,
        writes,
    }
}

/// The wire sources of one part of an operation, by where they sit below
/// the part. `table` holds the part's rows (for `SuprSend`'s probe).
fn sources(
    provider: Provider,
    operation: Operation,
    part: &str,
    table: &[(String, Vec<&'static str>)],
) -> Vec<(&'static str, Source)> {
    let endpoint: &Endpoint = provider
        .endpoint(operation)
        .expect("every operation has one");
    let mut out = match part {
        "path" => vec![(
            "",
            listed(
                "Endpoint::path_params",
                endpoint.path_params.iter().copied(),
            ),
        )],
        "query" => vec![(
            "",
            listed(
                "Endpoint::query_params",
                endpoint.query_params.iter().copied(),
            ),
        )],
        "headers" => vec![(
            "",
            listed(
                "Endpoint::required_headers",
                endpoint.required_headers.iter().map(|h| h.name),
            ),
        )],
        _ => Vec::new(),
    };
    match (provider, operation, part) {
        (Provider::Omnisend, Operation::Create, "body") => {
            out.push(("", wire_type::<omnisend::Contact>("omnisend::Contact")));
            out.push((
                "identifiers/*",
                wire_type::<omnisend::Identifier>("omnisend::Identifier"),
            ));
            out.push((
                "identifiers/*/consent",
                wire_type::<omnisend::Consent>("omnisend::Consent"),
            ));
        }
        (Provider::Sendios, Operation::Create, "body") => {
            out.push(("", wire_type::<sendios::User>("sendios::User")));
        }
        (Provider::RocketChat, Operation::Create, "body") => {
            out.push(("", wire_type::<rocketchat::Contact>("rocketchat::Contact")));
        }
        (Provider::Suprsend, Operation::Create, "body") => {
            let rows: Vec<&str> = table
                .iter()
                .filter(|(at, _)| at.is_empty())
                .flat_map(|(_, names)| names.iter().copied())
                .collect();
            out.push(("", suprsend_user(&rows)));
        }
        (Provider::Raia, Operation::Create, "body") => {
            out.push(("", wire_type::<raia::User>("raia::User")));
            out.push(("customData", free_form("raia::User::custom_data")));
        }
        (Provider::Raia, Operation::Search, "query") => {
            out.push(("", wire_type::<raia::SearchQuery>("raia::SearchQuery")));
        }
        _ => {}
    }
    out
}

/// Every difference between the rows and their wire sources, for every
/// provider, operation and part.
fn differences() -> BTreeSet<Difference> {
    let mut found = BTreeSet::new();
    for &provider in Provider::ALL {
        for &operation in provider.operations() {
            for part in PARTS {
                let table = member_tables(provider, operation, part).unwrap_or_default();
                let sources = sources(provider, operation, part, &table);
                let levels: BTreeSet<&str> = table
                    .iter()
                    .map(|(at, _)| at.as_str())
                    .chain(sources.iter().map(|(at, _)| *at))
                    .collect();
                for at in levels {
                    let rows: BTreeSet<String> = table
                        .iter()
                        .filter(|(a, _)| a == at)
                        .flat_map(|(_, names)| names.iter().map(|n| (*n).to_owned()))
                        .collect();
                    let here: Vec<&Source> = sources
                        .iter()
                        .filter(|(a, _)| *a == at)
                        .map(|(_, s)| s)
                        .collect();
                    assert!(
                        !here.is_empty(),
                        "{provider} {operation} {part} `{at}`: a table with no wire \
                         source; name its wire type in `sources`"
                    );
                    for source in here {
                        let mut differ = |name: &String, side| {
                            found.insert(Difference {
                                provider,
                                operation,
                                part,
                                at: at.to_owned(),
                                source: source.name,
                                name: name.clone(),
                                side,
                            });
                        };
                        for name in rows.difference(&source.reads) {
                            differ(name, Side::NotRead);
                        }
                        for name in source.reads.difference(&rows) {
                            differ(name, Side::NoRow);
                        }
                        for name in source.reads.difference(&source.writes) {
                            differ(name, Side::Renamed);
                        }
                        let unread: Vec<_> = source.writes.difference(&source.reads).collect();
                        assert!(
                            unread.is_empty(),
                            "{}: writes {unread:?}, which it does not read",
                            source.name
                        );
                    }
                }
            }
        }
    }
    found
}

#[test]
fn rows_are_the_wire_members() {
    let found = differences();
    let known: BTreeSet<Difference> = KNOWN
        .iter()
        .map(|k| Difference {
            provider: k.provider,
            operation: k.operation,
            part: k.part,
            at: k.at.to_owned(),
            source: k.source,
            name: k.name.to_owned(),
            side: k.side,
        })
        .collect();
    assert_eq!(
        KNOWN.len(),
        known.len(),
        "an entry of KNOWN is listed twice"
    );
    let unexplained: Vec<_> = found.difference(&known).collect();
    let stale: Vec<&str> = KNOWN
        .iter()
        .filter(|k| {
            !found.iter().any(|d| {
                (d.provider, d.operation, d.part, d.at.as_str(), d.source)
                    == (k.provider, k.operation, k.part, k.at, k.source)
                    && (d.name.as_str(), d.side) == (k.name, k.side)
            })
        })
        .map(|k| k.name)
        .collect();
    assert!(
        unexplained.is_empty() && stale.is_empty(),
        "rows and wire sources differ where KNOWN does not say so:\n{unexplained:#?}\n\
         KNOWN lists differences that are gone: {stale:?}"
    );
    assert!(
        KNOWN.iter().all(|k| !k.why.is_empty()),
        "every entry says why"
    );
}

/// The probes see what they should: a field's own name and its aliases,
/// written names with skipped members, `SuprSend`'s typed members apart
/// from its properties.
#[test]
fn the_probes_read_the_serde_fields() {
    let sendios = reads::<sendios::User>();
    assert!(sendios.contains("platform_id") && sendios.contains("platform"));
    let written = writes::<sendios::User>();
    assert!(written.contains("platform_id") && !written.contains("platform"));
    assert!(
        written.contains("fields"),
        "a member skipped when `None` counts"
    );
    assert_eq!(
        writes::<raia::SearchQuery>(),
        BTreeSet::from(["email".into(), "phoneNumber".into(), "fkId".into()])
    );
    let user = suprsend_user(&["$email", "$timezone", "$locale", "plan"]);
    assert_eq!(
        user.reads,
        BTreeSet::from(["$email".into(), "$timezone".into()])
    );
    assert_eq!(user.writes, user.reads);
    // A type that reads any member is refused as a closed wire type.
    let open = std::panic::catch_unwind(|| wire_type::<Map<String, Value>>("a map"));
    assert!(open.is_err());
}

/// `member_tables` answers for the operations a provider has, with a body
/// for those that send one.
#[test]
fn member_tables_answer_per_operation() {
    for &provider in Provider::ALL {
        for &operation in Operation::ALL {
            let supported = provider.operations().contains(&operation);
            let body = member_tables(provider, operation, "body");
            assert_eq!(
                body.is_some(),
                supported && operation.has_body(),
                "{provider} {operation}"
            );
            if !supported {
                for part in PARTS {
                    assert!(member_tables(provider, operation, part).is_none());
                }
            }
        }
    }
    assert!(member_tables(Provider::Raia, Operation::Create, "cookies").is_none());
}

#[cfg(feature = "proptest")]
mod strategies {
    //! The strategies against the rows: the body members of each
    //! provider's default operation (the one the strategies generate).

    use std::collections::BTreeSet;

    use omnicontact::providers::member_tables;
    use omnicontact::strategies::{invalid_body, invalid_rules, valid_body};
    use omnicontact::{Location, Provider, Validator};
    use proptest::strategy::{Strategy, ValueTree};
    use proptest::test_runner::TestRunner;
    use serde_json::Value;

    /// Valid bodies drawn per provider.
    const VALID_SAMPLES: usize = 500;
    /// Invalid bodies drawn per provider: at least the first (each
    /// mutation is drawn several times on average, so a listed member a
    /// new mutation breaks is seen), at most the second (fewer once every
    /// rule and every row not listed was seen).
    const INVALID_SAMPLES: (usize, usize) = (400, 4000);

    /// The crate's earlier Sendios names.
    const EARLIER_NAME: &str = "the crate's earlier name: renamed to Sendios' name with a \
        `sendios.body.renamed` warning, so never in a clean body (invalid_body gives it \
        under that rule); its checks are generated under Sendios' name";

    /// Body members `valid_body` never gives, with why.
    const NEVER_VALID: &[(Provider, &str, &str, &str)] = &[
        (Provider::Sendios, "", "auth_key", EARLIER_NAME),
        (Provider::Sendios, "", "platform", EARLIER_NAME),
    ];

    /// Body members no `invalid_body` breaks, with why.
    const NEVER_INVALID: &[(Provider, &str, &str, &str)] = &[];

    /// A body's rows as `(at, name)`.
    fn rows(provider: Provider) -> BTreeSet<(String, String)> {
        let operation = provider.operations()[0];
        member_tables(provider, operation, "body")
            .expect("the default operation has a body")
            .into_iter()
            .flat_map(|(at, names)| names.into_iter().map(move |n| (at.clone(), n.to_owned())))
            .collect()
    }

    /// The rows of `provider` a strategy must reach: all but the listed.
    fn wanted(
        provider: Provider,
        listed: &[(Provider, &str, &str, &str)],
    ) -> BTreeSet<(String, String)> {
        let mut rows = rows(provider);
        for (p, at, name, _) in listed {
            if *p == provider {
                rows.remove(&((*at).to_owned(), (*name).to_owned()));
            }
        }
        rows
    }

    /// Joins `at` and `name` as `member_tables` does.
    fn below(at: &str, name: &str) -> String {
        if at.is_empty() {
            name.to_owned()
        } else {
            format!("{at}/{name}")
        }
    }

    /// Every `(at, name)` a value holds, arrays' items under `*`.
    fn members(value: &Value, at: &str, out: &mut BTreeSet<(String, String)>) {
        match value {
            Value::Object(map) => {
                for (name, v) in map {
                    out.insert((at.to_owned(), name.clone()));
                    members(v, &below(at, name), out);
                }
            }
            Value::Array(items) => {
                for v in items {
                    members(v, &format!("{at}/*"), out);
                }
            }
            _ => {}
        }
    }

    /// Every `(at, name)` a JSON Pointer passes through, array indexes as
    /// `*`.
    fn pointer_members(pointer: &str, out: &mut BTreeSet<(String, String)>) {
        let mut at = String::new();
        for token in pointer.split('/').skip(1) {
            let token = token.replace("~1", "/").replace("~0", "~");
            if !token.is_empty() && token.bytes().all(|b| b.is_ascii_digit()) {
                at = below(&at, "*");
                continue;
            }
            out.insert((at.clone(), token.clone()));
            at = below(&at, &token);
        }
    }

    /// The rows of `provider` not in `seen`, as `(provider, at, name)`.
    fn missing(
        provider: Provider,
        seen: &BTreeSet<(String, String)>,
    ) -> impl Iterator<Item = (Provider, String, String)> {
        rows(provider)
            .difference(seen)
            .cloned()
            .collect::<Vec<_>>()
            .into_iter()
            .map(move |(at, name)| (provider, at, name))
    }

    /// `missing` is exactly `listed`.
    fn check_listed(
        what: &str,
        missing: &BTreeSet<(Provider, String, String)>,
        listed: &[(Provider, &str, &str, &str)],
    ) {
        let listed: BTreeSet<(Provider, String, String)> = listed
            .iter()
            .map(|(p, at, name, _)| (*p, (*at).to_owned(), (*name).to_owned()))
            .collect();
        let unlisted: Vec<_> = missing.difference(&listed).collect();
        let stale: Vec<_> = listed.difference(missing).collect();
        assert!(
            unlisted.is_empty() && stale.is_empty(),
            "{what}, not listed: {unlisted:?}\nlisted, but now covered: {stale:?}"
        );
    }

    #[test]
    fn valid_bodies_give_every_member() {
        let mut runner = TestRunner::deterministic();
        let mut never = BTreeSet::new();
        for &provider in Provider::ALL {
            let strategy = valid_body(provider);
            let mut seen = BTreeSet::new();
            for _ in 0..VALID_SAMPLES {
                let body = strategy.new_tree(&mut runner).expect("a body").current();
                members(&body, "", &mut seen);
            }
            never.extend(missing(provider, &seen));
        }
        check_listed("members valid_body never gives", &never, NEVER_VALID);
    }

    #[test]
    fn invalid_bodies_break_every_listed_rule_and_reach_every_member() {
        let mut runner = TestRunner::deterministic();
        let mut never = BTreeSet::new();
        for &provider in Provider::ALL {
            let validator = Validator::new(provider);
            let strategy = invalid_body(provider);
            let mut rules = BTreeSet::new();
            let mut reached = BTreeSet::new();
            let listed: BTreeSet<&str> = invalid_rules(provider).into_iter().collect();
            let wanted = wanted(provider, NEVER_INVALID);
            for drawn in 1..=INVALID_SAMPLES.1 {
                let (body, rule) = strategy.new_tree(&mut runner).expect("a body").current();
                rules.insert(rule);
                let report = validator.validate_value(body);
                for v in report.violations() {
                    assert_eq!(v.rule(), rule, "{provider}: {v:?}");
                    if v.location() == Location::Body {
                        pointer_members(v.path(), &mut reached);
                    }
                }
                if drawn >= INVALID_SAMPLES.0 && rules == listed && wanted.is_subset(&reached) {
                    break;
                }
            }
            assert_eq!(rules, listed, "{provider}: rules invalid_body generates");
            never.extend(missing(provider, &reached));
        }
        check_listed("members no invalid_body breaks", &never, NEVER_INVALID);
    }
}

/// Why a member is a request option, dropped without a loss.
const OPTION: &str = "a request option, not contact data: dropped without a loss";
/// Why the crate's earlier Sendios names are losses.
const EARLIER_GIVEN: &str = "the crate's earlier name, left in the body only when Sendios' own \
    name is also given (which is read)";
/// Why a member is a loss.
const NO_FIELD: &str = "the canonical contact has no such field: a convert.body.lossy warning";

/// Body members the canonical contact does not take, as `(provider, at,
/// name, reading, why)`: `lost` is a `convert.body.lossy` warning when
/// the member is sent, `skip` drops it silently.
const NOT_READ: &[(Provider, &str, &str, &str, &str)] = &[
    (
        Provider::Omnisend,
        "identifiers/*",
        "type",
        "skip",
        "read with the identifier's id, which it types",
    ),
    (
        Provider::Omnisend,
        "identifiers/*",
        "sendWelcomeEmail",
        "lost",
        "Omnisend's own welcome email for this identifier; another provider would not send it",
    ),
    (
        Provider::Omnisend,
        "identifiers/*",
        "source",
        "lost",
        NO_FIELD,
    ),
    (
        Provider::Omnisend,
        "identifiers/*",
        "sendWelcomeMessage",
        "skip",
        OPTION,
    ),
    (
        Provider::Omnisend,
        "identifiers/*",
        "consent",
        "lost",
        "the canonical contact holds channel states, not consent records",
    ),
    (Provider::Omnisend, "", "sendWelcomeEmail", "skip", OPTION),
    (Provider::Sendios, "", "list_id", "lost", NO_FIELD),
    (Provider::Sendios, "", "status", "lost", NO_FIELD),
    (Provider::Sendios, "", "partner_id", "lost", NO_FIELD),
    (Provider::Sendios, "", "platform", "lost", EARLIER_GIVEN),
    (Provider::Sendios, "", "auth_key", "lost", EARLIER_GIVEN),
    (
        Provider::RocketChat,
        "",
        "contactManager",
        "lost",
        "an agent of the Rocket.Chat workspace, not contact data another provider holds",
    ),
    (
        Provider::Suprsend,
        "",
        "$messenger",
        "lost",
        "the canonical contact has no Messenger identifier: a convert.body.lossy warning",
    ),
    (Provider::Raia, "", "context", "lost", NO_FIELD),
    (Provider::Raia, "", "source", "lost", NO_FIELD),
    (Provider::Raia, "", "fkUserId", "lost", NO_FIELD),
    (Provider::Raia, "", "skipEmailValidation", "skip", OPTION),
    (
        Provider::Raia,
        "",
        "skipPhoneNumberValidation",
        "skip",
        OPTION,
    ),
];

#[test]
fn every_body_member_says_where_it_goes() {
    let mut not_read = BTreeSet::new();
    for &provider in Provider::ALL {
        let readings = member_readings(provider);
        // Every row of the body is there, and nothing else.
        let rows: BTreeSet<(String, String)> =
            member_tables(provider, provider.operations()[0], "body")
                .expect("a body")
                .into_iter()
                .flat_map(|(at, names)| names.into_iter().map(move |n| (at.clone(), n.to_owned())))
                .collect();
        for (at, name, reading) in &readings {
            assert!(
                rows.contains(&(at.clone(), (*name).to_owned())),
                "{provider}: {at}/{name} has a reading but no row"
            );
            assert!(!reading.is_empty());
            if reading == "lost" || reading == "skip" {
                not_read.insert((provider, at.clone(), *name, reading.clone()));
            }
        }
    }
    let listed: BTreeSet<(Provider, String, &str, String)> = NOT_READ
        .iter()
        .map(|(p, at, name, reading, _)| (*p, (*at).to_owned(), *name, (*reading).to_owned()))
        .collect();
    assert_eq!(
        listed.len(),
        NOT_READ.len(),
        "an entry of NOT_READ is listed twice"
    );
    assert_eq!(
        not_read, listed,
        "members the canonical contact does not take differ from NOT_READ: a new row needs a \
         reading (`.to(...)` in its table) or an entry with why"
    );
}
