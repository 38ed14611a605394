//! Phone regions: where a phone number written without `+` is read.
//!
//! A region is what libphonenumber calls one: an ISO 3166-1 country (given
//! as alpha-2 or alpha-3, normalized to alpha-2), or one of the three
//! regions libphonenumber knows beyond ISO 3166 — `XK` (Kosovo, `+383`,
//! user-assigned in ISO 3166 and widely used by APIs), `AC` (Ascension
//! Island, `+247`) and `TA` (Tristan da Cunha, `+290`). A region is only
//! a place to read national numbers in: a document's own country members
//! stay ISO 3166 ([`CountryCode`]), so `XK` is refused there.
//!
//! Any [`CountryCode`] converts into a [`PhoneRegion`], so the functions
//! that take a region ([`Phone::parse_with_region`](super::Phone::parse_with_region),
//! [`Options::default_region`](crate::Options::default_region)) accept
//! either.
//!
//! ```
//! use omnicontact::values::{CountryCode, PhoneRegion, PhoneRegionError};
//!
//! let xk = PhoneRegion::parse("xk")?;
//! assert_eq!(xk.as_str(), "XK");
//! assert_eq!(xk.country(), None);
//! assert_eq!(PhoneRegion::parse("GBR")?.as_str(), "GB");
//! let us = CountryCode::parse("US").unwrap();
//! assert_eq!(PhoneRegion::from(&us).as_str(), "US");
//! assert!(CountryCode::parse("XK").is_err());
//! assert!(matches!(PhoneRegion::parse("ZZ"), Err(PhoneRegionError::Unknown(_))));
//! # Ok::<(), PhoneRegionError>(())
//! ```

use super::country::{CountryCode, CountryError};
use super::trim;

/// The regions of libphonenumber that ISO 3166-1 does not assign, sorted.
const BEYOND_ISO: [&str; 3] = ["AC", "TA", "XK"];

/// Names (lowercase) of the regions beyond ISO 3166, and their codes.
const NAMES: [(&str, &str); 5] = [
    ("ascension", "AC"),
    ("ascension island", "AC"),
    ("kosovo", "XK"),
    ("tristan da cunha", "TA"),
    ("xkx", "XK"),
];

/// A region national phone numbers are read in: an ISO 3166-1 country
/// (alpha-2) or `XK`, `AC`, `TA`. See the [module docs](self).
///
/// ```
/// use omnicontact::values::PhoneRegion;
///
/// let ta: PhoneRegion = "TA".parse()?;
/// assert_eq!(ta.to_string(), "TA");
/// # Ok::<(), omnicontact::values::PhoneRegionError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PhoneRegion {
    /// Uppercase alpha-2.
    id: &'static str,
}

/// Why a string is not a [`PhoneRegion`].
///
/// ```
/// use omnicontact::values::{PhoneRegion, PhoneRegionError};
///
/// let e = PhoneRegion::parse("UK").unwrap_err();
/// assert_eq!(e.suggestion(), Some("GB"));
/// assert_eq!(
///     e.to_string(),
///     "'UK' is not an ISO 3166-1 code; the United Kingdom is 'GB' (phone regions are ISO 3166-1 codes and libphonenumber's 'XK', 'AC', 'TA')"
/// );
/// let e = PhoneRegion::parse("Kosovo").unwrap_err();
/// assert_eq!(e, PhoneRegionError::RegionName("XK"));
/// assert_eq!(e.suggestion(), Some("XK"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PhoneRegionError {
    /// Neither an ISO 3166-1 code nor `XK`, `AC`, `TA`; the field says why
    /// it is no ISO 3166-1 code.
    #[error("{0} (phone regions are ISO 3166-1 codes and libphonenumber's 'XK', 'AC', 'TA')")]
    Unknown(CountryError),
    /// The English name (or the unofficial alpha-3 `XKX`) of a region
    /// beyond ISO 3166; the field is its code.
    #[error("a region's name, not its code; the code is '{0}'")]
    RegionName(&'static str),
}

impl PhoneRegionError {
    /// The region the input most likely meant (`GB` for `UK`, the code of
    /// a country given by name).
    ///
    /// ```
    /// # use omnicontact::values::PhoneRegion;
    /// assert_eq!(PhoneRegion::parse("Lithuania").unwrap_err().suggestion(), Some("LT"));
    /// ```
    pub fn suggestion(&self) -> Option<&'static str> {
        match self {
            PhoneRegionError::Unknown(e) => e.suggestion(),
            PhoneRegionError::RegionName(code) => Some(code),
        }
    }
}

impl PhoneRegion {
    /// Parses a region: an ISO 3166-1 alpha-2 or alpha-3 code (as
    /// [`CountryCode::parse`] reads it), or `XK`, `AC`, `TA`;
    /// case-insensitive, trimmed.
    ///
    /// ```
    /// use omnicontact::values::PhoneRegion;
    ///
    /// assert_eq!(PhoneRegion::parse(" ac ").unwrap().as_str(), "AC");
    /// assert_eq!(PhoneRegion::parse("deu").unwrap().as_str(), "DE");
    /// assert!(PhoneRegion::parse("EU").is_err());
    /// ```
    pub fn parse(input: &str) -> Result<PhoneRegion, PhoneRegionError> {
        let s = trim(input);
        if s.len() == 2 {
            let upper = s.to_ascii_uppercase();
            if let Ok(i) = BEYOND_ISO.binary_search(&upper.as_str()) {
                return Ok(PhoneRegion { id: BEYOND_ISO[i] });
            }
        }
        CountryCode::parse(s)
            .map(|c| PhoneRegion::from(&c))
            .map_err(|e| {
                let lower = s.to_lowercase();
                match NAMES.iter().find(|(name, _)| *name == lower) {
                    Some(&(_, code)) => PhoneRegionError::RegionName(code),
                    None => PhoneRegionError::Unknown(e),
                }
            })
    }

    /// Whether [`PhoneRegion::parse`] accepts `input`.
    ///
    /// ```
    /// # use omnicontact::values::PhoneRegion;
    /// assert!(PhoneRegion::is_valid("XK"));
    /// assert!(!PhoneRegion::is_valid("XX"));
    /// ```
    pub fn is_valid(input: &str) -> bool {
        PhoneRegion::parse(input).is_ok()
    }

    /// The alpha-2 code (`US`, `XK`).
    ///
    /// ```
    /// # use omnicontact::values::PhoneRegion;
    /// assert_eq!(PhoneRegion::parse("usa").unwrap().as_str(), "US");
    /// ```
    pub fn as_str(&self) -> &'static str {
        self.id
    }

    /// Whether libphonenumber has a numbering plan for the region, so that
    /// national numbers can be read in it: true for all but a few
    /// territories without telephone numbers of their own (`AQ`, `BV`,
    /// `GS`, `HM`, `PN`, `TF`, `UM`); always false without the `phone`
    /// feature.
    ///
    /// ```
    /// # use omnicontact::values::PhoneRegion;
    /// assert_eq!(PhoneRegion::parse("XK").unwrap().has_numbering_plan(), cfg!(feature = "phone"));
    /// assert!(!PhoneRegion::parse("AQ").unwrap().has_numbering_plan());
    /// ```
    pub fn has_numbering_plan(&self) -> bool {
        super::phone::has_numbering_plan(self.id)
    }

    /// The ISO 3166-1 country, or `None` for `XK`, `AC` and `TA`.
    ///
    /// ```
    /// # use omnicontact::values::PhoneRegion;
    /// assert_eq!(PhoneRegion::parse("GB").unwrap().country().unwrap().as_str(), "GB");
    /// assert_eq!(PhoneRegion::parse("AC").unwrap().country(), None);
    /// ```
    pub fn country(&self) -> Option<CountryCode> {
        if BEYOND_ISO.contains(&self.id) {
            None
        } else {
            CountryCode::parse(self.id).ok()
        }
    }
}

impl From<&CountryCode> for PhoneRegion {
    /// The country's region (its alpha-2 code).
    ///
    /// ```
    /// # use omnicontact::values::{CountryCode, PhoneRegion};
    /// let fr = CountryCode::parse("FRA").unwrap();
    /// assert_eq!(PhoneRegion::from(&fr).as_str(), "FR");
    /// ```
    fn from(country: &CountryCode) -> PhoneRegion {
        PhoneRegion {
            id: country.alpha2(),
        }
    }
}

impl From<CountryCode> for PhoneRegion {
    /// The country's region (its alpha-2 code).
    ///
    /// ```
    /// # use omnicontact::values::{CountryCode, PhoneRegion};
    /// let region: PhoneRegion = CountryCode::parse("lt").unwrap().into();
    /// assert_eq!(region.as_str(), "LT");
    /// ```
    fn from(country: CountryCode) -> PhoneRegion {
        PhoneRegion::from(&country)
    }
}

impl From<&PhoneRegion> for PhoneRegion {
    /// A copy, so that `Some(&region)` can be passed where a region is
    /// taken.
    ///
    /// ```
    /// # use omnicontact::values::{Phone, PhoneRegion};
    /// let us = PhoneRegion::parse("US").unwrap();
    /// assert!(Phone::parse_with_region("+1 415 555 2671", Some(&us)).is_ok());
    /// ```
    fn from(region: &PhoneRegion) -> PhoneRegion {
        *region
    }
}

super::string_value!(PhoneRegion, PhoneRegionError, "a phone region");

#[cfg(test)]
mod tests {
    use super::*;
    use crate::values::fuzz;

    #[test]
    fn regions_beyond_iso_and_countries() {
        for id in ["XK", "AC", "TA"] {
            let r = PhoneRegion::parse(&id.to_lowercase()).unwrap();
            assert_eq!(r.as_str(), id);
            assert_eq!(r.country(), None);
            assert!(
                CountryCode::parse(id).is_err(),
                "{id} stays outside ISO 3166"
            );
        }
        assert_eq!(PhoneRegion::parse("USA").unwrap().as_str(), "US");
        assert_eq!(
            PhoneRegion::parse("GB").unwrap().country(),
            CountryCode::parse("GB").ok()
        );
        assert_eq!(
            PhoneRegion::parse("XX"),
            Err(PhoneRegionError::Unknown(CountryError::UnknownCode))
        );
        assert_eq!(
            PhoneRegion::parse(""),
            Err(PhoneRegionError::Unknown(CountryError::Empty))
        );
        assert_eq!(
            PhoneRegion::parse("XKX"),
            Err(PhoneRegionError::RegionName("XK"))
        );
        assert_eq!(
            PhoneRegion::parse(" Tristan da Cunha "),
            Err(PhoneRegionError::RegionName("TA"))
        );
        assert!(NAMES.windows(2).all(|w| w[0] < w[1]), "sorted");
        assert!(BEYOND_ISO.windows(2).all(|w| w[0] < w[1]), "sorted");
    }

    #[test]
    fn serde_and_conversions() {
        fuzz::converts::<PhoneRegion>(&["xk"], "XK", "XX");
        assert_eq!(PhoneRegion::try_from("TA").unwrap().as_str(), "TA");
    }
}
