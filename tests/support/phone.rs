//! The check of the `phone` fuzz target, shared with the test that replays
//! its seeds (`tests/fuzz_seeds.rs`): arbitrary bytes (read as UTF-8,
//! lossily) through `Phone`, without a region and with one derived from the
//! input, never panic.
//!
//! Without a region the value-type invariants of `value_type.rs` hold. With
//! a region — the first two characters when they are ASCII letters naming
//! a country (the number is then the rest), else one of a few regions
//! picked by the input's length (the number is the whole input):
//!
//! - a `+` number (`+` or `＋` before any digit, after nothing but spaces
//!   and separators, as in `(+44) 20 7946 0018`) that parses without a
//!   region parses to the same value: a region never changes it;
//! - a `00` number that parses without a region is read with the region's
//!   own international prefix, as libphonenumber reads it: the same value
//!   where `00` dials abroad (FR, DE, GB, …); where the prefix is longer
//!   and starts with `00` (`001`–`009` in Korea, `0011` in Australia, `008`
//!   in Hong Kong), the number after that prefix; else (US `011`, RU `810`,
//!   JP `010`) read as a national number. So it is the same value, an
//!   error, an *assigned* number, or the `+` reading of what follows `00`
//!   and one to three more digits — never another unassigned number;
//! - `PhoneError::InternationalPrefix` names the region and is only ever
//!   the refusal of a number without `+`;
//! - every value is `+` and 7 to 15 ASCII digits, the first not `0`,
//!   starting with its calling code, and reparses (with or without the
//!   region) to itself.
//!
//! The seed corpus is libphonenumber's fixture,
//! `tests/data/phone/libphonenumber.tsv` (each case as its region followed
//! by its input): `tests/fuzz_seeds.rs` replays it, and
//! `python3 scripts/phone/corpus.py` writes it to `fuzz/corpus/phone` for
//! the fuzzer, beside the findings in `tests/fuzz_seeds/phone/`:
//!
//! ```text
//! python3 scripts/phone/corpus.py
//! cd fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz run phone corpus/phone ../tests/fuzz_seeds/phone \
//!     -- -dict=dict/phone.dict -max_total_time=1200
//! ```

use omnicontact::values::{CountryCode, Phone, PhoneError};

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
/// numbering plans, trunk prefixes and international prefixes (`00`, and
/// `011` US, `810` RU, `010` JP, `0011` AU, `001` KR, …).
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
    let without_region = if number.len() == input.len() {
        plain
    } else {
        Phone::parse(number).ok()
    };
    if let Some(p) = &without_region {
        if is_plus(number) {
            assert_eq!(
                regional.as_ref(),
                Ok(p),
                "region {region} changed a `+` number"
            );
        } else if let Ok(q) = &regional {
            // A `00` number (the only other kind that parses without a
            // region), read with the region's international prefix.
            assert!(
                q == p || q.is_assigned() || after_longer_prefix(number, q),
                "region {region} read a `00` number as {q}, unassigned, not {p}"
            );
        }
    }
    if let Err(PhoneError::InternationalPrefix(r)) = &regional {
        assert_eq!(*r, region.alpha2(), "the refusal names another region");
        assert!(!is_plus(number), "a `+` number refused for its `00`");
    }
    if let Ok(p) = regional {
        e164(&p);
        let again = Phone::parse_with_region(p.as_str(), Some(&region)).expect("E.164 reparses");
        value_type::same(&again, &p, "reparse with the region");
        let again = value_type::check::<Phone>(p.as_str()).expect("E.164 parses without a region");
        value_type::same(&again, &p, "reparse without a region");
    }
}

/// Whether a `+` (or `＋`) comes before any digit in `number`: the number
/// is international whatever the region.
fn is_plus(number: &str) -> bool {
    number
        .chars()
        .find(|&c| c == '+' || c == '\u{FF0B}' || c.is_numeric())
        .is_some_and(|c| !c.is_numeric())
}

/// Whether `q` is the number after a longer international prefix that
/// starts with `00` (`009` in Korea, `0011` in Australia, `008` in Hong
/// Kong, `00700` in Korea: `00` and one to three digits): `number`, after
/// those digits, read as a `+` number.
fn after_longer_prefix(number: &str, q: &Phone) -> bool {
    let mut digits = number.char_indices().filter(|(_, c)| c.is_numeric());
    // Skip the `00`.
    digits.nth(1);
    digits.take(3).any(|(at, c)| {
        let rest = &number[at + c.len_utf8()..];
        Phone::parse(&format!("+{rest}")).as_ref() == Ok(q)
    })
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
