//! The check of the `phone` fuzz target, shared with the test that replays
//! its seed corpus (`tests/fuzz_seeds.rs`): arbitrary bytes (read as UTF-8,
//! lossily) through `Phone`, without a region and with one derived from the
//! input, never panic.
//!
//! Without a region the value-type invariants of `value_type.rs` hold. With
//! a region — the first two characters when they name a country (the
//! number is then the rest), else one of a few regions picked by the
//! input's length (the number is the whole input) — a number that parses
//! without a region parses to the same value (a `+` / `00` number ignores
//! the region), and every value is `+` and 7 to 15 ASCII digits, the first
//! not `0`, starting with its calling code, and reparses (with or without
//! a region) to itself.

use omnicontact::values::{CountryCode, Phone};

use super::value_type;

impl value_type::ValueType for Phone {
    fn parse(input: &str) -> Result<Self, <Self as std::str::FromStr>::Err> {
        Phone::parse(input)
    }
    fn is_valid(input: &str) -> bool {
        Phone::is_valid(input)
    }
    fn as_str(&self) -> &str {
        Phone::as_str(self)
    }
}

/// Regions picked by length when the input does not start with one: many
/// numbering plans, trunk prefixes and international prefixes.
const REGIONS: &[&str] = &[
    "US", "GB", "DE", "FR", "RU", "LT", "IN", "BR", "JP", "AU", "IT", "MX", "CN", "AR", "KR", "NG",
    "SA", "EG", "SE", "AQ",
];

/// Runs the checks on `data`; panics on a broken invariant.
pub fn check(data: &[u8]) {
    let input = String::from_utf8_lossy(data);
    let plain = value_type::check::<Phone>(&input);
    if let Some(p) = &plain {
        e164(p);
    }
    let (region, number) = match input.get(..2).and_then(|cc| CountryCode::parse(cc).ok()) {
        Some(region) if input.as_bytes()[..2].iter().all(u8::is_ascii_alphabetic) => {
            (region, &input[2..])
        }
        _ => {
            let cc = REGIONS[input.len() % REGIONS.len()];
            (CountryCode::parse(cc).expect("a known region"), &input[..])
        }
    };
    let regional = Phone::parse_with_region(number, Some(&region));
    if number.len() == input.len() {
        if let Some(p) = &plain {
            assert_eq!(
                regional.as_ref(),
                Ok(p),
                "region {region} changed an international number"
            );
        }
    } else if let Ok(p) = Phone::parse(number) {
        assert_eq!(
            regional.as_ref(),
            Ok(&p),
            "region {region} changed an international number"
        );
    }
    if let Ok(p) = regional {
        e164(&p);
        let again = Phone::parse_with_region(p.as_str(), Some(&region)).expect("E.164 reparses");
        value_type::same(&again, &p, "reparse with the region");
        let again = value_type::check::<Phone>(p.as_str()).expect("E.164 parses without a region");
        value_type::same(&again, &p, "reparse without a region");
    }
}

/// `p` is `+`, then 7 to 15 digits (not starting with `0`) that begin with
/// its calling code.
fn e164(p: &Phone) {
    let s = p.as_str();
    let digits = s.strip_prefix('+').expect("starts with `+`");
    assert!((7..=15).contains(&digits.len()), "{s:?}");
    assert!(digits.bytes().all(|b| b.is_ascii_digit()), "{s:?}");
    assert!(!digits.starts_with('0'), "{s:?}");
    assert!(
        digits.starts_with(&p.calling_code().to_string()),
        "{s:?} and {}",
        p.calling_code()
    );
}
