//! The check of the `email` fuzz target, shared with the test that replays
//! its seed corpus (`tests/fuzz_seeds.rs`): arbitrary bytes (read as UTF-8,
//! lossily) through `Email`, never panic; the value-type invariants of
//! `value_type.rs` hold, and an address is `local@domain` with one `@`, at
//! most 254 bytes, the local part exactly as written (trimmed input), the
//! domain lowercase, and no control, format or bidi character anywhere.

use omnicontact::values::Email;

use super::value_type;

impl value_type::ValueType for Email {
    fn parse(input: &str) -> Result<Self, <Self as std::str::FromStr>::Err> {
        Email::parse(input)
    }
    fn is_valid(input: &str) -> bool {
        Email::is_valid(input)
    }
    fn as_str(&self) -> &str {
        Email::as_str(self)
    }
}

/// Runs the checks on `data`; panics on a broken invariant.
pub fn check(data: &[u8]) {
    let input = String::from_utf8_lossy(data);
    let Some(email) = value_type::check::<Email>(&input) else {
        return;
    };
    let s = email.as_str();
    assert!(s.len() <= 254, "{} bytes", s.len());
    assert_eq!(s.matches('@').count(), 1, "{s:?}");
    assert_eq!(format!("{}@{}", email.local_part(), email.domain()), s);
    let trimmed = input.trim_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}');
    let (local, _) = trimmed.split_once('@').expect("the input has an `@`");
    assert_eq!(email.local_part(), local, "the local part changed");
    assert!(!email.local_part().is_empty() && email.local_part().len() <= 64);
    assert_eq!(
        email.domain().to_lowercase(),
        email.domain(),
        "domain not lowercase"
    );
    assert!(
        email.domain().split('.').count() >= 2,
        "one-label domain {s:?}"
    );
    for c in s.chars() {
        assert!(
            !c.is_control() && !c.is_whitespace() && !is_invisible(c),
            "character {c:?} in {s:?}"
        );
    }
}

/// Format, bidi and other invisible characters used in spoofing.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{AD}'
            | '\u{34F}'
            | '\u{61C}'
            | '\u{115F}'..='\u{1160}'
            | '\u{17B4}'..='\u{17B5}'
            | '\u{180B}'..='\u{180F}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}'
            | '\u{3164}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FEFF}'
            | '\u{FFA0}'
            | '\u{FFF0}'..='\u{FFFB}'
            | '\u{E0000}'..='\u{E0FFF}'
    )
}
