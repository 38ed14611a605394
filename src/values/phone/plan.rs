//! libphonenumber's metadata as tables read without locks: the numbering
//! plans behind [`super::Phone`].
//!
//! The `phonenumber` crate matches its metadata through one global regex
//! cache behind a mutex (100 entries by default: numbers from more than a
//! handful of countries evict and recompile on nearly every call). Here
//! every calling code and region is indexed once, at first use (no regex
//! compiled), and each pattern is compiled, anchored, the first time a
//! number needs it, then shared by all threads.
//!
//! Two readings use the tables:
//! - [`is_assigned`]: the `phonenumber` crate's `is_valid` (a number type
//!   matches), for any calling code;
//! - [`read_national`]: the crate's reading of a national number in a region
//!   (country code written without `+`, national prefix, length rules), for
//!   the inputs it reads without a transform rule or an international
//!   prefix. It answers `None` where it cannot decide, and the caller falls
//!   back to the crate itself. A test compares both on every region.

use std::collections::HashMap;
use std::sync::OnceLock;

use phonenumber::Metadata;
use phonenumber::metadata::{DATABASE, Descriptor};
use regex::{Regex, RegexBuilder};

/// Fewest digits of a national number (libphonenumber's
/// `MIN_LENGTH_FOR_NSN`).
const MIN_NATIONAL: usize = 2;
/// Most digits of a national number (libphonenumber's `MAX_LENGTH_FOR_NSN`).
const MAX_NATIONAL: usize = 17;

/// A metadata pattern compiled so that it only matches at the start of the
/// text (the metadata's matching rule: a match starting at 0, not
/// necessarily reaching the end). Patterns hold ASCII digit classes only, so
/// Unicode tables are left out when the pattern allows (much smaller
/// regexes). `None`: the pattern does not compile.
fn compile(source: &str) -> Option<Regex> {
    let anchored = format!("^(?:{source})");
    let build = |unicode| {
        RegexBuilder::new(&anchored)
            .ignore_whitespace(true)
            .unicode(unicode)
            .build()
            .ok()
    };
    build(false).or_else(|| build(true))
}

/// A metadata pattern, compiled the first time it is matched (a region's
/// patterns are many and some are large: compiling only those a number
/// needs keeps the first number of a region cheap).
struct Pattern {
    source: &'static str,
    compiled: OnceLock<Option<Regex>>,
}

impl Pattern {
    fn new(source: &'static str) -> Pattern {
        Pattern {
            source,
            compiled: OnceLock::new(),
        }
    }

    /// The compiled pattern (`None`: it does not compile).
    fn get(&self) -> Option<&Regex> {
        self.compiled.get_or_init(|| compile(self.source)).as_ref()
    }

    fn is_match(&self, text: &str) -> bool {
        self.get().is_some_and(|re| re.is_match(text))
    }
}

/// A number-type descriptor: its possible lengths and national pattern.
struct Desc {
    lengths: &'static [u16],
    pattern: Pattern,
}

impl Desc {
    fn new(desc: &'static Descriptor) -> Desc {
        Desc {
            lengths: desc.possible_length(),
            pattern: Pattern::new(desc.national_number().as_str()),
        }
    }

    /// `Descriptor::is_match`: a possible length (when the descriptor lists
    /// any) and a pattern match at the start.
    fn matches(&self, national: &str) -> bool {
        let len_ok = self.lengths.is_empty()
            || u16::try_from(national.len()).is_ok_and(|len| self.lengths.contains(&len));
        len_ok && self.pattern.is_match(national)
    }
}

/// One region's patterns (each compiled when first matched).
struct Compiled {
    general: Desc,
    /// The number types `is_valid` looks at (premium rate, toll free, shared
    /// cost, `VoIP`, personal, pager, UAN, voicemail, fixed line, mobile),
    /// those the region has.
    types: Vec<Desc>,
    /// Which numbers of a shared calling code belong to this region.
    leading_digits: Option<Pattern>,
    international_prefix: Option<Pattern>,
    national_prefix_for_parsing: Option<Pattern>,
}

impl Compiled {
    fn new(meta: &'static Metadata) -> Compiled {
        let d = meta.descriptors();
        let types = [
            d.premium_rate(),
            d.toll_free(),
            d.shared_cost(),
            d.voip(),
            d.personal_number(),
            d.pager(),
            d.uan(),
            d.voicemail(),
            d.fixed_line(),
            d.mobile(),
        ]
        .into_iter()
        .flatten()
        .map(Desc::new)
        .collect();
        Compiled {
            general: Desc::new(d.general()),
            types,
            leading_digits: meta.leading_digits().map(|re| Pattern::new(re.as_str())),
            international_prefix: meta
                .international_prefix()
                .map(|re| Pattern::new(re.as_str())),
            national_prefix_for_parsing: meta
                .national_prefix_for_parsing()
                .map(|re| Pattern::new(re.as_str())),
        }
    }
}

/// A region (or a non-geographic entity, `001`): its metadata and its
/// patterns, set up on first use.
pub(super) struct Plan {
    meta: &'static Metadata,
    compiled: OnceLock<Compiled>,
}

impl Plan {
    fn compiled(&self) -> &Compiled {
        self.compiled.get_or_init(|| Compiled::new(self.meta))
    }

    /// Whether the `phonenumber` crate reads this plan's region id (it
    /// skips a region it cannot; non-geographic entities are read by code).
    fn readable(&self) -> bool {
        let id = self.meta.id();
        id == "001" || id.parse::<phonenumber::country::Id>().is_ok()
    }

    /// The country calling code.
    pub(super) fn code(&self) -> u16 {
        self.meta.country_code()
    }

    /// Whether `national` has a known number type here (the `phonenumber`
    /// crate's `number_type(meta, national) != Type::Unknown`).
    fn has_type(&self, national: &str) -> bool {
        let c = self.compiled();
        c.general.matches(national) && c.types.iter().any(|t| t.matches(national))
    }

    /// Whether `digits` start with this region's international dialling
    /// prefix (`011` in the US); returns where the rest begins.
    pub(super) fn international_prefix_end(&self, digits: &str) -> Option<usize> {
        self.compiled()
            .international_prefix
            .as_ref()?
            .get()?
            .find(digits)
            .map(|m| m.end())
    }

    /// libphonenumber's `testNumberLength(…, UNKNOWN) == TOO_SHORT`, as the
    /// `phonenumber` crate computes it.
    fn too_short(&self, national: &str) -> bool {
        let general = self.meta.descriptors().general();
        let len = u16::try_from(national.len()).unwrap_or(u16::MAX);
        let Some(&minimum) = general.possible_length().first() else {
            return false;
        };
        !general.possible_local_length().contains(&len) && len < minimum
    }

    /// Whether a national number of this length is possible (the crate's
    /// `length(…).is_possible()`).
    fn possible_length(&self, national: &str) -> bool {
        let general = self.meta.descriptors().general();
        let lengths = general.possible_length();
        let len = u16::try_from(national.len()).unwrap_or(u16::MAX);
        match (lengths.first(), lengths.last()) {
            (Some(&min), Some(&max)) => {
                general.possible_local_length().contains(&len)
                    || len == min
                    || (len > min && len <= max && lengths.contains(&len))
            }
            _ => false,
        }
    }
}

/// Every plan, indexed by region and by calling code.
struct Plans {
    all: Vec<Plan>,
    /// ISO 3166-1 alpha-2 → plan.
    by_region: HashMap<&'static str, usize>,
    /// Calling code → its plans, in the metadata's order (the main region
    /// first).
    by_code: HashMap<u16, Vec<usize>>,
}

fn plans() -> &'static Plans {
    static PLANS: OnceLock<Plans> = OnceLock::new();
    PLANS.get_or_init(|| {
        let mut plans = Vec::new();
        let mut by_region = HashMap::new();
        let mut by_code: HashMap<u16, Vec<usize>> = HashMap::new();
        // Calling codes have one to three digits; `Database::iter` leaves
        // out the non-geographic entities (`+800`, `+882`, …).
        for code in 1..1000 {
            let Some(regions) = DATABASE.region(&code) else {
                continue;
            };
            let metas: Vec<&'static Metadata> = if regions.as_slice() == ["001"] {
                DATABASE
                    .by_code(&code)
                    .and_then(|m| m.into_iter().next())
                    .into_iter()
                    .collect()
            } else {
                regions
                    .iter()
                    .filter_map(|region| DATABASE.by_id(*region))
                    .collect()
            };
            for meta in metas {
                let index = plans.len();
                plans.push(Plan {
                    meta,
                    compiled: OnceLock::new(),
                });
                if meta.id() != "001" {
                    by_region.insert(meta.id(), index);
                }
                by_code.entry(code).or_default().push(index);
            }
        }
        Plans {
            all: plans,
            by_region,
            by_code,
        }
    })
}

/// The plan of a region (ISO 3166-1 alpha-2).
pub(super) fn region(alpha2: &str) -> Option<&'static Plan> {
    let p = plans();
    p.by_region.get(alpha2).map(|&i| &p.all[i])
}

/// Whether a country calling code exists.
pub(super) fn code_exists(code: u16) -> bool {
    plans().by_code.contains_key(&code)
}

/// The plan a number of a shared calling code belongs to: the first
/// region whose leading digits match (or, without leading digits, whose
/// number types match), as the `phonenumber` crate picks it.
fn plan_for(code: u16, national: &str) -> Option<&'static Plan> {
    let p = plans();
    let indexes = p.by_code.get(&code)?;
    let mut candidates = indexes.iter().map(|&i| &p.all[i]);
    if indexes.len() == 1 {
        return candidates.next();
    }
    candidates.find(|plan| match &plan.compiled().leading_digits {
        Some(leading) => leading.is_match(national),
        None => plan.has_type(national),
    })
}

/// Whether `+code national` is assigned: the `phonenumber` crate's
/// `is_valid`, with our compiled patterns.
pub(super) fn is_assigned(code: u16, national: &str) -> bool {
    plan_for(code, national).is_some_and(|plan| plan.has_type(national))
}

/// The crate's national-prefix handling (`national_number`, then the
/// plain national prefix stripped once more, undone when that leaves too
/// few digits). `None`: a transform rule applies, left to the crate.
fn strip_national_prefix<'a>(plan: &Plan, number: &'a str) -> Option<&'a str> {
    let meta = plan.meta;
    let mut national = number;
    match plan
        .compiled()
        .national_prefix_for_parsing
        .as_ref()
        .and_then(Pattern::get)
    {
        Some(re) => {
            if let Some(caps) = re.captures(national) {
                // With a transform rule, the crate rewrites the number when
                // the pattern's last group took part; that is left to it.
                let last_group = caps.get(caps.len() - 1);
                if meta.national_prefix_transform_rule().is_some() && last_group.is_some() {
                    return None;
                }
                national = &national[caps.get(0).map_or(0, |m| m.end())..];
            }
        }
        None => {
            if let Some(prefix) = meta.national_prefix() {
                national = national.strip_prefix(prefix).unwrap_or(national);
            }
        }
    }
    if let Some(prefix) = meta.national_prefix() {
        national = national.strip_prefix(prefix).unwrap_or(national);
    }
    Some(if plan.too_short(national) {
        number
    } else {
        national
    })
}

/// Whether the crate's `NationalNumber` can hold `national`: not only
/// zeros, and below 2^56 without its leading zeros.
fn fits_national_number(national: &str) -> bool {
    national
        .trim_start_matches('0')
        .parse::<u64>()
        .is_ok_and(|value| value < 1 << 56)
}

/// What the `phonenumber` crate makes of an international number.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Reading {
    /// The country calling code and the national significant number.
    Number(u16, String),
    /// The crate refuses the number.
    Refused,
}

/// The `phonenumber` crate's reading of `+digits` (ASCII, at most 17, no
/// region). `None` where this reading does not replicate the crate (a
/// national-prefix transform rule): the caller asks the crate.
pub(super) fn read_international(digits: &str) -> Option<Reading> {
    if digits.len() <= MIN_NATIONAL || digits.starts_with('0') {
        return Some(Reading::Refused);
    }
    let Some((code, number)) = (1..=3).find_map(|len| {
        let code: u16 = digits[..len].parse().ok()?;
        code_exists(code).then(|| (code, &digits[len..]))
    }) else {
        return Some(Reading::Refused);
    };
    let without_zeros = number.trim_start_matches('0');
    let national = match plan_for(code, without_zeros) {
        // The crate refuses a single region whose id it cannot read.
        Some(plan) if plan.readable() => strip_national_prefix(plan, number)?,
        _ => number,
    };
    let ok =
        (MIN_NATIONAL..=MAX_NATIONAL).contains(&national.len()) && fits_national_number(national);
    Some(if ok {
        Reading::Number(code, national.to_owned())
    } else {
        Reading::Refused
    })
}

/// The `phonenumber` crate's reading of `digits` (ASCII, at most 17) as a
/// national number in `plan`'s region: the national significant number,
/// or the crate's error mapped to ours. `None` where this reading does not
/// replicate the crate (an international prefix, a national-prefix
/// transform rule, a written country code, a national number of zeros):
/// the caller asks the crate.
pub(super) fn read_national(
    plan: &Plan,
    digits: &str,
) -> Option<Result<String, super::PhoneError>> {
    let meta = plan.meta;
    let compiled = plan.compiled();
    if plan.international_prefix_end(digits).is_some() {
        return None;
    }
    // The country code written without `+` (`1 415 555 2671` in the US),
    // when the digits as a whole are not a possible national number.
    let code = meta.country_code().to_string();
    let digits = match digits.strip_prefix(code.as_str()) {
        Some(rest) if !compiled.general.matches(digits) || !plan.possible_length(digits) => rest,
        _ => digits,
    };
    let national = strip_national_prefix(plan, digits)?;
    if national.len() < MIN_NATIONAL {
        return Some(Err(super::PhoneError::TooShort));
    }
    if national.len() > MAX_NATIONAL {
        return Some(Err(super::PhoneError::TooLong));
    }
    if !fits_national_number(national) {
        return None;
    }
    Some(Ok(national.to_owned()))
}
