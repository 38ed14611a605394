//! Custom properties: a name (Omnisend's rule) and a typed value.
//!
//! Names follow Omnisend's rule (`omnisend.custom_properties.name.format`
//! in [`omnisend`](crate::omnisend)): 1 to 128 characters, only
//! latin letters, digits and `_`, case-sensitive; any other name is a
//! `contact.custom_properties.name.format` error, with a suggestion when
//! the name spelled in ASCII would do (`plaukų spalva` → `plauku_spalva`).
//! Values are a finite number, a boolean, a string, a date, a list of
//! strings, or [`PropertyValue::Remove`]; an empty string is Omnisend's way
//! of saying "remove", so it is stored as `Remove`. Provider-specific value
//! limits (Omnisend's 2048-character strings, its 6 decimal places) are
//! checked when a contact is converted to that provider, not here.
//!
//! ```
//! use omnicontact::model::{CustomProperty, PropertyValue};
//!
//! let p = CustomProperty::new("hair_color", "brown")?;
//! assert_eq!(p.name(), "hair_color");
//! assert_eq!(p.value(), &PropertyValue::String("brown".into()));
//! assert_eq!(CustomProperty::new("shoe_size", "")?.value(), &PropertyValue::Remove);
//!
//! let err = CustomProperty::new("hair color", 1.5).unwrap_err();
//! assert_eq!(err.violations()[0].rule(), "contact.custom_properties.name.format");
//! assert_eq!(err.violations()[0].suggestion(), Some("hair_color"));
//! # Ok::<(), omnicontact::Report>(())
//! ```

use crate::model::Collector;
use crate::report::Report;
use crate::rules;
use crate::suggest;
use crate::values::{Date, DateError};
use serde_json::Value;

/// Longest custom property name, in characters.
///
/// ```
/// use omnicontact::model::{CustomProperty, MAX_PROPERTY_NAME};
/// assert!(CustomProperty::new("a".repeat(MAX_PROPERTY_NAME), true).is_ok());
/// assert!(CustomProperty::new("a".repeat(MAX_PROPERTY_NAME + 1), true).is_err());
/// ```
pub const MAX_PROPERTY_NAME: usize = 128;

/// The value of a custom property.
///
/// A [`PropertyValue`] built by hand may hold a non-finite number or an
/// empty string; [`CustomProperty::new`] (and so the contact builder)
/// refuses the former and turns the latter into [`PropertyValue::Remove`],
/// so a [`CustomProperty`] never holds either.
///
/// ```
/// use omnicontact::model::PropertyValue;
///
/// assert_eq!(PropertyValue::from(3), PropertyValue::Number(3.0));
/// assert_eq!(PropertyValue::from(vec!["a", "b"]), PropertyValue::List(vec!["a".into(), "b".into()]));
/// assert_eq!(PropertyValue::from(None::<bool>), PropertyValue::Remove);
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum PropertyValue {
    /// A finite number.
    Number(f64),
    /// `true` or `false`.
    Boolean(bool),
    /// A non-empty string.
    String(String),
    /// A calendar date.
    Date(Date),
    /// A list of strings.
    List(Vec<String>),
    /// Remove the property (Omnisend's `""` / `null`).
    Remove,
}

impl PropertyValue {
    /// The value's kind, as in messages: `number`, `boolean`, `string`,
    /// `date`, `list` or `remove`.
    ///
    /// ```
    /// use omnicontact::model::PropertyValue;
    /// assert_eq!(PropertyValue::from(true).kind(), "boolean");
    /// assert_eq!(PropertyValue::Remove.kind(), "remove");
    /// ```
    #[must_use]
    pub const fn kind(&self) -> &'static str {
        match self {
            PropertyValue::Number(_) => "number",
            PropertyValue::Boolean(_) => "boolean",
            PropertyValue::String(_) => "string",
            PropertyValue::Date(_) => "date",
            PropertyValue::List(_) => "list",
            PropertyValue::Remove => "remove",
        }
    }

    /// Whether this value removes the property.
    ///
    /// ```
    /// use omnicontact::model::PropertyValue;
    /// assert!(PropertyValue::Remove.is_remove());
    /// assert!(!PropertyValue::from("x").is_remove());
    /// ```
    #[must_use]
    pub const fn is_remove(&self) -> bool {
        matches!(self, PropertyValue::Remove)
    }
}

impl From<f64> for PropertyValue {
    fn from(n: f64) -> Self {
        PropertyValue::Number(n)
    }
}

// Integers and `f32` become `PropertyValue::Number`; integers beyond 2^53
// lose precision, as every JSON number read as a double does.
macro_rules! number_from {
    ($($t:ty),*) => {$(
        impl From<$t> for PropertyValue {
            #[allow(clippy::cast_precision_loss, clippy::cast_lossless)]
            fn from(n: $t) -> Self {
                PropertyValue::Number(n as f64)
            }
        }
    )*};
}

number_from!(i8, i16, i32, i64, u8, u16, u32, u64, usize, isize, f32);

impl From<bool> for PropertyValue {
    fn from(b: bool) -> Self {
        PropertyValue::Boolean(b)
    }
}

impl From<&str> for PropertyValue {
    fn from(s: &str) -> Self {
        PropertyValue::String(s.to_owned())
    }
}

impl From<String> for PropertyValue {
    fn from(s: String) -> Self {
        PropertyValue::String(s)
    }
}

impl From<Date> for PropertyValue {
    fn from(d: Date) -> Self {
        PropertyValue::Date(d)
    }
}

impl<S: Into<String>> From<Vec<S>> for PropertyValue {
    fn from(items: Vec<S>) -> Self {
        PropertyValue::List(items.into_iter().map(Into::into).collect())
    }
}

impl<T: Into<PropertyValue>> From<Option<T>> for PropertyValue {
    /// `None` is [`PropertyValue::Remove`] (Omnisend's `null`).
    fn from(v: Option<T>) -> Self {
        v.map_or(PropertyValue::Remove, Into::into)
    }
}

/// Why a JSON value is not a [`PropertyValue`] (see
/// `PropertyValue::try_from(&Value)`).
///
/// ```
/// use omnicontact::model::{PropertyValue, PropertyValueError};
/// use serde_json::json;
///
/// let e = PropertyValue::try_from(json!(["a", 1])).unwrap_err();
/// assert_eq!(e, PropertyValueError::ListItem { index: 1 });
/// assert_eq!(e.to_string(), "item 1 of a list property is not a string");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PropertyValueError {
    /// An object other than `{"date": "YYYY-MM-DD"}`.
    #[error("an object property value must be {{\"date\": \"YYYY-MM-DD\"}}")]
    Object,
    /// `{"date": …}` whose date is not a `YYYY-MM-DD` calendar date.
    #[error("not a date: {0}")]
    Date(DateError),
    /// An item of a list that is not a string.
    #[error("item {index} of a list property is not a string")]
    ListItem {
        /// The item's index in the list, from 0.
        index: usize,
    },
    /// A number that is not finite (only from formats other than JSON).
    #[error("a number property must be finite")]
    NotFinite,
}

impl TryFrom<&Value> for PropertyValue {
    type Error = PropertyValueError;

    /// Reads a property value from JSON: a number, a boolean, a string, an
    /// array of strings, `null` ([`PropertyValue::Remove`]) or
    /// `{"date": "YYYY-MM-DD"}` ([`PropertyValue::Date`], the form
    /// [`Serialize`](serde::Serialize) writes). A string stays a string,
    /// even one shaped like a date; `""` stays `String("")` (a
    /// [`CustomProperty`] turns it into `Remove`). Numbers are read as
    /// `f64`, as `From<u64>` does.
    ///
    /// ```
    /// use omnicontact::model::{PropertyValue, PropertyValueError};
    /// use omnicontact::Date;
    /// use serde_json::json;
    ///
    /// assert_eq!(PropertyValue::try_from(&json!(38)), Ok(PropertyValue::Number(38.0)));
    /// assert_eq!(PropertyValue::try_from(&json!(null)), Ok(PropertyValue::Remove));
    /// assert_eq!(PropertyValue::try_from(&json!({"date": "1990-02-28"})),
    ///            Ok(PropertyValue::Date(Date::parse("1990-02-28").unwrap())));
    /// assert_eq!(PropertyValue::try_from(&json!("1990-02-28")), Ok(PropertyValue::String("1990-02-28".into())));
    /// assert_eq!(PropertyValue::try_from(&json!({"a": 1})), Err(PropertyValueError::Object));
    /// ```
    fn try_from(value: &Value) -> Result<Self, Self::Error> {
        match value {
            Value::Null => Ok(PropertyValue::Remove),
            Value::Bool(b) => Ok(PropertyValue::Boolean(*b)),
            Value::Number(n) => n
                .as_f64()
                .filter(|n| n.is_finite())
                .map(PropertyValue::Number)
                .ok_or(PropertyValueError::NotFinite),
            Value::String(s) => Ok(PropertyValue::String(s.clone())),
            Value::Array(items) => items
                .iter()
                .enumerate()
                .map(|(index, item)| match item {
                    Value::String(s) => Ok(s.clone()),
                    _ => Err(PropertyValueError::ListItem { index }),
                })
                .collect::<Result<Vec<_>, _>>()
                .map(PropertyValue::List),
            Value::Object(map) => match (map.len(), map.get("date")) {
                (1, Some(Value::String(d))) => Date::parse(d)
                    .map(PropertyValue::Date)
                    .map_err(PropertyValueError::Date),
                _ => Err(PropertyValueError::Object),
            },
        }
    }
}

impl TryFrom<Value> for PropertyValue {
    type Error = PropertyValueError;

    /// As `TryFrom<&Value>` (a string is moved, not copied).
    ///
    /// ```
    /// use omnicontact::model::PropertyValue;
    /// let v = PropertyValue::try_from(serde_json::json!(["a", "b"]))?;
    /// assert_eq!(v, PropertyValue::List(vec!["a".into(), "b".into()]));
    /// # Ok::<(), omnicontact::model::PropertyValueError>(())
    /// ```
    fn try_from(value: Value) -> Result<Self, Self::Error> {
        match value {
            Value::String(s) => Ok(PropertyValue::String(s)),
            other => PropertyValue::try_from(&other),
        }
    }
}

/// A custom property: a valid name and a valid value.
///
/// ```
/// use omnicontact::model::{CustomProperty, PropertyValue};
///
/// let p = CustomProperty::new("vip_level", 3)?;
/// assert_eq!(p.value(), &PropertyValue::Number(3.0));
/// # Ok::<(), omnicontact::Report>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct CustomProperty {
    name: String,
    value: PropertyValue,
}

impl CustomProperty {
    /// Checks the name and the value (see the [module docs](self)): every
    /// violation is reported at `/customProperties/<name>` (a JSON Pointer
    /// token, `~` and `/` escaped) — the name with
    /// `contact.custom_properties.name.format`, a non-finite number with
    /// `contact.custom_properties.value.type`. `""` becomes
    /// [`PropertyValue::Remove`].
    ///
    /// ```
    /// use omnicontact::model::CustomProperty;
    ///
    /// let err = CustomProperty::new("a/b", f64::NAN).unwrap_err();
    /// let found: Vec<_> = err.violations().iter().map(|v| (v.rule(), v.path())).collect();
    /// assert_eq!(found, [
    ///     ("contact.custom_properties.name.format", "/customProperties/a~1b"),
    ///     ("contact.custom_properties.value.type", "/customProperties/a~1b"),
    /// ]);
    /// ```
    pub fn new(
        name: impl Into<String>,
        value: impl Into<PropertyValue>,
    ) -> Result<CustomProperty, Report> {
        let mut c = Collector::new("");
        let p = CustomProperty::check(&mut c, name.into(), value.into());
        c.finish(p)
    }

    /// Checks a property, reporting into `c`; `Some` when it is valid.
    pub(crate) fn check(
        c: &mut Collector,
        name: String,
        value: PropertyValue,
    ) -> Option<CustomProperty> {
        let path = ["customProperties", name.as_str()];
        let mut ok = true;
        if let Some((message, suggestion)) = name_problem(&name) {
            ok = false;
            let v = c.report_suggesting(
                rules::CONTACT_CUSTOM_PROPERTIES_NAME_FORMAT,
                &path,
                message,
                suggestion,
            );
            v.set_param("name", name.as_str().into());
            v.found(serde_json::to_value(&value).unwrap_or(serde_json::Value::Null));
        }
        let value = match value {
            PropertyValue::Number(n) if !n.is_finite() => {
                c.report(
                    rules::CONTACT_CUSTOM_PROPERTIES_VALUE_TYPE,
                    &path,
                    format!("a number property must be finite, not {n}"),
                )
                .found(n.to_string());
                return None;
            }
            PropertyValue::String(s) if s.is_empty() => PropertyValue::Remove,
            v => v,
        };
        ok.then_some(CustomProperty { name, value })
    }

    /// The name.
    ///
    /// ```
    /// # use omnicontact::model::CustomProperty;
    /// assert_eq!(CustomProperty::new("size", 42).unwrap().name(), "size");
    /// ```
    #[must_use]
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The value.
    ///
    /// ```
    /// # use omnicontact::model::{CustomProperty, PropertyValue};
    /// assert_eq!(CustomProperty::new("ok", false).unwrap().value(), &PropertyValue::Boolean(false));
    /// ```
    #[must_use]
    pub fn value(&self) -> &PropertyValue {
        &self.value
    }

    /// Whether `name` is a valid property name: 1 to 128 characters, only
    /// `A-Z a-z 0-9 _`.
    ///
    /// ```
    /// use omnicontact::model::CustomProperty;
    /// assert!(CustomProperty::is_valid_name("Hair_Color2"));
    /// assert!(!CustomProperty::is_valid_name("hair-color"));
    /// assert!(!CustomProperty::is_valid_name(""));
    /// ```
    #[must_use]
    pub fn is_valid_name(name: &str) -> bool {
        valid_name(name)
    }
}

/// Why `name` is not a custom property name (Omnisend's rule: latin
/// letters, digits and `_`, 1 to 128 of them), with the name spelled in
/// ASCII as suggestion when that keeps every letter; `None` when it is one.
pub(crate) fn name_problem(name: &str) -> Option<(String, Option<String>)> {
    if valid_name(name) {
        return None;
    }
    let len = name.chars().count();
    let message = if name.is_empty() {
        "a custom property name may not be empty".to_owned()
    } else if len > MAX_PROPERTY_NAME {
        format!("a custom property name has at most {MAX_PROPERTY_NAME} characters, this one {len}")
    } else {
        "a custom property name may contain only latin letters, digits and '_'".to_owned()
    };
    // The name spelled in ASCII, cut to the longest allowed.
    let suggestion = suggest::ascii_identifier(name)
        .map(|fixed| {
            let cut = fixed
                .char_indices()
                .nth(MAX_PROPERTY_NAME)
                .map_or(fixed.len(), |(i, _)| i);
            fixed[..cut].trim_end_matches('_').to_owned()
        })
        .filter(|fixed| valid_name(fixed) && fixed != name);
    Some((message, suggestion))
}

pub(crate) fn valid_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= MAX_PROPERTY_NAME
        && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
}
