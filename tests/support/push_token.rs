//! The check of the `push_token` fuzz target, shared with the test that
//! replays its seed corpus (`tests/fuzz_seeds.rs`): arbitrary bytes (read as
//! UTF-8, lossily) through `PushToken`, never panic; the value-type
//! invariants of `value_type.rs` hold (the including crate
//! has it as module `value_type`), and a token is what its kind says:
//! 64 or more lowercase hex digits (APNs) or 22 characters before the first
//! `:` (FCM), at most 4 096 bytes.

use omnicontact::values::{PushToken, PushTokenKind};

use super::value_type;

impl value_type::ValueType for PushToken {
    fn parse(input: &str) -> Result<Self, <Self as std::str::FromStr>::Err> {
        PushToken::parse(input)
    }
    fn is_valid(input: &str) -> bool {
        PushToken::is_valid(input)
    }
    fn as_str(&self) -> &str {
        PushToken::as_str(self)
    }
}

/// Runs the checks on `data`; panics on a broken invariant.
pub fn check(data: &[u8]) {
    let input = String::from_utf8_lossy(data);
    let Some(token) = value_type::check::<PushToken>(&input) else {
        return;
    };
    let s = token.as_str();
    assert!(s.len() <= 4096, "a token of {} bytes", s.len());
    assert_eq!(PushToken::parse(s).map(|t| t.kind()), Ok(token.kind()));
    match token.kind() {
        PushTokenKind::Apns => assert!(
            s.len() >= 64 && s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')),
            "not an APNs token: {s:?}"
        ),
        PushTokenKind::Fcm => {
            let colon = s.find(':').expect("an FCM token has a `:`");
            assert_eq!(s[..colon].chars().count(), 22, "not an FCM token: {s:?}");
        }
        other => panic!("unknown kind {other:?}"),
    }
}
