//! Values a walk parsed, kept by the text they were read from, so that a
//! conversion parses each value once: the reader that fills the
//! canonical contact and the check of the target's body take them from
//! here instead of parsing the same text again.
//!
//! Kept only while converting (the walker's `parsed`); a
//! plain validation keeps nothing. A value is kept under its normalized
//! text (normalizing is idempotent: `tests/properties.rs` checks that
//! every value type parses its own normalized form to the same value):
//! the normalized body the reader reads and the target's body, written
//! from the normalized values, find it there. Phone numbers are kept with
//! the region they were read in.
//!
//! The check of a converted body goes through the same value types on
//! their normalized text, so the values found here are the ones a parse
//! would give.

use crate::lookup::ListIndex;

use super::{
    CountryCode, CountryError, Email, EmailError, Phone, PhoneError, PhoneRegion, UtcDateTime,
    UtcDateTimeError,
};

/// A parsed value of one of the kinds worth keeping.
#[derive(Debug, Clone)]
pub(crate) enum Typed {
    Email(Email),
    Phone(Phone),
    DateTime(UtcDateTime),
    Country(CountryCode),
}

impl Typed {
    /// The value's normalized text.
    fn text(&self) -> &str {
        match self {
            Typed::Email(v) => v.as_str(),
            Typed::Phone(v) => v.as_str(),
            Typed::DateTime(v) => v.as_str(),
            Typed::Country(v) => v.as_str(),
        }
    }
}

/// A value type a walk keeps: how to parse it, and how it sits in
/// [`Typed`].
pub(crate) trait Kept: Sized + Clone {
    type Error;
    /// Whether the value depends on the region (phone numbers).
    const REGIONAL: bool = false;
    fn parse_in(text: &str, region: Option<&PhoneRegion>) -> Result<Self, Self::Error>;
    fn typed(self) -> Typed;
    fn of(typed: &Typed) -> Option<&Self>;
}

/// `Kept` for a value type: its error, its variant of [`Typed`], how it
/// parses.
macro_rules! kept {
    ($($t:ident, $error:ident, $variant:ident, $parse:expr;)*) => {
        $(
            impl Kept for $t {
                type Error = $error;
                fn parse_in(text: &str, region: Option<&PhoneRegion>) -> Result<Self, $error> {
                    let parse: fn(&str, Option<&PhoneRegion>) -> Result<Self, $error> = $parse;
                    parse(text, region)
                }
                fn typed(self) -> Typed {
                    Typed::$variant(self)
                }
                fn of(typed: &Typed) -> Option<&Self> {
                    match typed {
                        Typed::$variant(v) => Some(v),
                        _ => None,
                    }
                }
            }
        )*
    };
}

kept! {
    Email, EmailError, Email, |text, _| Email::parse(text);
    UtcDateTime, UtcDateTimeError, DateTime, |text, _| UtcDateTime::parse(text);
    CountryCode, CountryError, Country, |text, _| CountryCode::parse(text);
}

// Phone numbers depend on the region they are read in.
impl Kept for Phone {
    type Error = PhoneError;
    const REGIONAL: bool = true;
    fn parse_in(text: &str, region: Option<&PhoneRegion>) -> Result<Self, PhoneError> {
        Phone::parse_with_region(text, region.copied())
    }
    fn typed(self) -> Typed {
        Typed::Phone(self)
    }
    fn of(typed: &Typed) -> Option<&Self> {
        match typed {
            Typed::Phone(p) => Some(p),
            _ => None,
        }
    }
}

/// The values parsed so far, by their normalized text (and any text a
/// check kept them under): one value per text (a value of another kind,
/// or read in another region, replaces it). A value not found is parsed
/// again, so a text kept for two kinds costs time, never correctness.
///
/// Found by a scan of the list while it is short, by an index past
/// [`SCAN`](crate::lookup::SCAN) values ([`ListIndex`]).
#[derive(Debug, Default)]
pub(crate) struct Parsed {
    entries: Vec<(Box<str>, Entry)>,
    index: ListIndex<Box<str>>,
}

/// A kept value and the region it was read in (phones only).
type Entry = (Option<PhoneRegion>, Typed);

/// The key of an entry: the text it is kept under.
fn text_of(entry: &(Box<str>, Entry)) -> &str {
    &entry.0
}

impl Parsed {
    fn entry(&self, text: &str) -> Option<&Entry> {
        let at = self.index.find(&self.entries, text, text_of)?;
        Some(&self.entries[at].1)
    }

    /// Keeps `entry` under `text`, or under its value's own text when
    /// `text` is `None`, replacing what was kept under it (the key is
    /// copied only for a new text).
    fn insert(&mut self, text: Option<&str>, entry: Entry) {
        let key = text.unwrap_or(entry.1.text());
        if let Some(at) = self.index.find(&self.entries, key, text_of) {
            self.entries[at].1 = entry;
            return;
        }
        let key: Box<str> = key.into();
        if self.entries.capacity() == 0 {
            self.entries.reserve_exact(8);
        }
        self.entries.push((key, entry));
        self.index.pushed(&self.entries, |e| &e.0);
    }

    /// How many texts are kept.
    #[cfg(test)]
    fn len(&self) -> usize {
        self.entries.len()
    }

    /// The value of kind `T` read from `text` (in `region`, for phones).
    pub(crate) fn get<T: Kept>(&self, text: &str, region: Option<&PhoneRegion>) -> Option<&T> {
        let region = if T::REGIONAL { region.copied() } else { None };
        match self.entry(text) {
            Some((r, typed)) if *r == region => T::of(typed),
            _ => None,
        }
    }

    /// Keeps `value` under `text`.
    pub(crate) fn keep<T: Kept>(&mut self, text: &str, region: Option<&PhoneRegion>, value: &T) {
        let region = if T::REGIONAL { region.copied() } else { None };
        if self.get::<T>(text, region.as_ref()).is_none() {
            self.insert(Some(text), (region, value.clone().typed()));
        }
    }

    /// [`get`](Self::get), else parses `text` and keeps the value under
    /// its normalized text: a copy of the value.
    pub(crate) fn parse<T: Kept>(
        &mut self,
        text: &str,
        region: Option<&PhoneRegion>,
    ) -> Result<T, T::Error> {
        self.parse_then(text, region, T::clone)
    }

    /// [`parse`](Self::parse), giving what `f` takes from the value
    /// instead of a copy of it: a new value moves in, none is cloned.
    pub(crate) fn parse_then<T: Kept, R>(
        &mut self,
        text: &str,
        region: Option<&PhoneRegion>,
        f: impl FnOnce(&T) -> R,
    ) -> Result<R, T::Error> {
        if let Some(value) = self.get::<T>(text, region) {
            return Ok(f(value));
        }
        let value = T::parse_in(text, region)?;
        let taken = f(&value);
        let region = if T::REGIONAL { region.copied() } else { None };
        // Kept under its normalized text (replacing what was kept there).
        self.insert(None, (region, value.typed()));
        Ok(taken)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_is_found_by_its_normalized_text() {
        let mut parsed = Parsed::default();
        let phone: Phone = parsed.parse("+1 415 555 2671", None).unwrap();
        assert_eq!(phone.as_str(), "+14155552671");
        assert!(parsed.get::<Phone>("+14155552671", None).is_some());
        assert!(parsed.get::<Phone>("+1 415 555 2671", None).is_none());
        // A text kept for it too (a value sent as written, trimmed).
        parsed.keep(" +14155552671", None, &phone);
        assert!(parsed.get::<Phone>(" +14155552671", None).is_some());
        // Another region, another reading; another kind, nothing.
        let us = PhoneRegion::parse("US").unwrap();
        assert!(parsed.get::<Phone>("+14155552671", Some(&us)).is_none());
        assert!(parsed.get::<Email>("+14155552671", None).is_none());
        // A value that does not parse is not kept.
        assert!(parsed.parse::<Email>("jane", None).is_err());
        assert!(parsed.get::<Email>("jane", None).is_none());
    }

    #[test]
    fn an_email_is_kept_once() {
        let mut parsed = Parsed::default();
        let a: Email = parsed.parse(" Jane@Example.COM ", None).unwrap();
        let b: Email = parsed.parse("Jane@example.com", None).unwrap();
        assert_eq!(a, b);
        assert_eq!(parsed.len(), 1);
    }

    #[test]
    fn many_values_are_found_after_the_list_moves_into_a_map() {
        let mut parsed = Parsed::default();
        for i in 0..40 {
            let e: Email = parsed.parse(&format!("U{i}@Example.com"), None).unwrap();
            assert_eq!(e.as_str(), format!("U{i}@example.com"));
        }
        assert_eq!(parsed.len(), 40);
        for i in 0..40 {
            assert!(
                parsed
                    .get::<Email>(&format!("U{i}@example.com"), None)
                    .is_some()
            );
        }
        // A value of another kind replaces the one kept under its text.
        let text = "U3@example.com";
        parsed.keep(text, None, &Phone::parse("+14155552671").unwrap());
        assert!(parsed.get::<Email>(text, None).is_none());
        assert_eq!(parsed.len(), 40);
    }
}
