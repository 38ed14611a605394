//! Adversarial input (issue 5, item 6): huge phones, strings, objects and
//! arrays, nesting at the limit, broken UTF-8, huge and confusable keys,
//! odd number spellings and duplicate keys at depth — for every provider
//! where it matters. Each case pins the exact rule ids and paths, that
//! nothing panics, and that the report stays bounded: a message never
//! echoes a huge input, and a huge input yields many violations only where
//! each one is a distinct problem (one per duplicate tag, one per unknown
//! member), whose exact count is asserted.
//!
//! `tests/bad_input.rs` covers the basics (empty input, two UTF-8 positions,
//! the size limit on Omnisend, depth on bare arrays, `1e400`, a duplicate
//! top-level key); this file does not repeat them.

use omnicontact::{Options, Provider, Report, Severity, Validator};

/// The longest message any violation may carry, whatever the input size.
const MAX_MESSAGE: usize = 300;

/// A small valid body for each provider, with `extra` members appended.
fn body(provider: Provider, extra: &str) -> String {
    let base = match provider {
        Provider::Sendios => r#"{"client_user_id":"u1""#,
        Provider::RocketChat => r#"{"name":"a","emails":["a@b.co"],"phones":["+14155552671"]"#,
        Provider::Suprsend => r#"{"distinct_id":"u1""#,
        Provider::Raia => r#"{"firstName":"a","lastName":"b","email":"a@b.co""#,
        Provider::Omnisend => r#"{"email":"a@b.co","tags":["source: x"]"#,
        other => panic!("no sample body for {other}"),
    };
    format!("{base}{extra}}}")
}

/// The rule ids and paths of a report, in order.
fn found(report: &Report) -> Vec<(&'static str, String)> {
    report
        .violations()
        .iter()
        .map(|v| (v.rule(), v.path().to_owned()))
        .collect()
}

/// Asserts the report is bounded and self-consistent; returns it.
fn checked(report: Report) -> Report {
    for v in report.violations() {
        assert!(
            v.message().len() <= MAX_MESSAGE,
            "{}: message of {} bytes at {:.80}: {:.200}",
            v.rule(),
            v.message().len(),
            v.path(),
            v.message()
        );
        assert!(v.path().is_empty() || v.path().starts_with('/'));
        assert!(v.suggestion().is_none_or(|s| s.len() <= MAX_MESSAGE));
    }
    let errors = report.errors().count();
    assert_eq!(report.is_valid(), errors == 0);
    assert_eq!(report.normalized().is_some(), errors == 0);
    report
}

/// Every violation is listed (`Options::max_per_rule(usize::MAX)`): the
/// tests name each item; the default cap is tested on its own.
fn validate(provider: Provider, text: &str) -> Report {
    let v = Validator::new(provider).with_options(Options::new().max_per_rule(usize::MAX));
    let report = v.validate_str(text);
    assert_eq!(v.validate_bytes(text.as_bytes()), report);
    checked(report)
}

/// A validator whose size limit admits the 100 000-member documents
/// (~1.4 MiB), so that the walk itself is exercised.
fn validate_big(provider: Provider, text: &str) -> Report {
    checked(
        Validator::new(provider)
            .with_options(Options::new().max_bytes(4 << 20).max_per_rule(usize::MAX))
            .validate_str(text),
    )
}

fn members(n: usize, member: impl Fn(usize) -> String) -> String {
    (0..n).map(member).collect::<Vec<_>>().join(",")
}

/// The unknown-member rule of each provider with a closed body (SuprSend
/// accepts any custom key).
fn unknown_rule(provider: Provider) -> Option<&'static str> {
    match provider {
        Provider::Sendios => Some("sendios.body.unknown_field"),
        Provider::RocketChat => Some("rocketchat.body.unknown_field"),
        Provider::Raia => Some("raia.body.unknown_field"),
        Provider::Omnisend => Some("omnisend.body.unknown_field"),
        _ => None,
    }
}

// ---------------------------------------------------------------- phones

#[test]
fn a_ten_thousand_digit_phone_is_one_format_error_per_provider() {
    const TOO_LONG: &str =
        "not a phone number: too long for a phone number (E.164 allows at most 15 digits)";
    for digits in ["9".repeat(10_000), format!("+1{}", "2".repeat(9_998))] {
        let cases = [
            (
                Provider::Sendios,
                format!(r#"{{"client_user_id":"u1","phone":"{digits}"}}"#),
                "sendios.phone.format",
                "/phone",
            ),
            (
                Provider::Omnisend,
                format!(r#"{{"phone":"{digits}","tags":["source: x"]}}"#),
                "omnisend.phone.format",
                "/phone",
            ),
            (
                Provider::Omnisend,
                format!(
                    r#"{{"identifiers":[{{"type":"phone","id":"{digits}"}}],"tags":["source: x"]}}"#
                ),
                "omnisend.identifiers.id.format",
                "/identifiers/0/id",
            ),
            (
                Provider::Suprsend,
                format!(r#"{{"distinct_id":"u1","$sms":"{digits}"}}"#),
                "suprsend.sms.format",
                "/$sms",
            ),
            (
                Provider::Raia,
                format!(r#"{{"firstName":"a","lastName":"b","phoneNumber":"{digits}"}}"#),
                "raia.phone_number.format",
                "/phoneNumber",
            ),
            (
                Provider::RocketChat,
                format!(r#"{{"name":"a","emails":[],"phones":["{digits}"]}}"#),
                "rocketchat.phones.format",
                "/phones/0",
            ),
        ];
        for (provider, text, rule, path) in cases {
            let report = validate(provider, &text);
            assert_eq!(found(&report), [(rule, path.to_owned())], "{provider}");
            assert_eq!(report.violations()[0].message(), TOO_LONG);
            // Rocket.Chat stores what it is given: a warning, the body is valid.
            let severity = if provider == Provider::RocketChat {
                Severity::Warning
            } else {
                Severity::Error
            };
            assert_eq!(report.violations()[0].severity(), severity);
        }
    }
}

#[test]
fn a_million_digit_phone_is_refused_just_as_fast() {
    let text = format!(
        r#"{{"name":"a","emails":[],"phones":["+{}"]}}"#,
        "1".repeat(1_000_000)
    );
    let report = validate(Provider::RocketChat, &text);
    assert_eq!(
        found(&report),
        [("rocketchat.phones.format", "/phones/0".to_owned())]
    );
}

// ------------------------------------------------------- 1 MiB strings

#[test]
fn a_string_just_under_and_just_over_one_mebibyte_for_every_provider() {
    let limit = omnicontact::options::DEFAULT_MAX_BYTES;
    for &provider in Provider::ALL {
        let frame = body(provider, r#","zz":"""#).len();
        let fits = body(
            provider,
            &format!(r#","zz":"{}""#, "x".repeat(limit - frame)),
        );
        assert_eq!(fits.len(), limit);
        let report = validate(provider, &fits);
        let expected: Vec<(&str, String)> = match unknown_rule(provider) {
            Some(rule) => vec![(rule, "/zz".to_owned())],
            // A custom key is fine, but past 10 KiB (the SDKs' identity-event
            // limit) SuprSend's size rule warns.
            None => vec![("suprsend.body.max_length", String::new())],
        };
        assert_eq!(found(&report), expected, "{provider}");

        let over = body(
            provider,
            &format!(r#","zz":"{}""#, "x".repeat(limit - frame + 1)),
        );
        let report = validate(provider, &over);
        assert_eq!(
            found(&report),
            [("input.body.max_length", String::new())],
            "{provider}"
        );
        assert_eq!(
            report.violations()[0].message(),
            "the document is 1048577 bytes, more than the 1048576 allowed"
        );
    }
}

#[test]
fn a_huge_value_in_a_checked_member_gives_one_short_message() {
    let big = "e".repeat(1_000_000);
    let cases = [
        (
            Provider::Sendios,
            format!(r#","name":"{big}""#),
            "sendios.name.max_length",
            "/name",
        ),
        (
            Provider::Sendios,
            format!(r#","email":"{big}@b.co""#),
            "sendios.email.format",
            "/email",
        ),
        (
            Provider::Sendios,
            format!(r#","language":"{big}""#),
            "sendios.language.format",
            "/language",
        ),
        (
            Provider::Omnisend,
            format!(r#","customProperties":{{"s":"{big}"}}"#),
            "omnisend.custom_properties.value.max_length",
            "/customProperties/s",
        ),
        (
            Provider::Omnisend,
            format!(r#","countryCode":"{big}""#),
            "omnisend.country_code.format",
            "/countryCode",
        ),
        (
            Provider::Raia,
            format!(r#","phoneNumber":"+{}""#, "1".repeat(1_000_000)),
            "raia.phone_number.format",
            "/phoneNumber",
        ),
    ];
    for (provider, extra, rule, path) in cases {
        let report = validate(provider, &body(provider, &extra));
        assert_eq!(found(&report), [(rule, path.to_owned())], "{provider}");
    }
    // SuprSend: the bad zone, and the body over the 10 KiB size warning.
    let report = validate(
        Provider::Suprsend,
        &body(Provider::Suprsend, &format!(r#","$timezone":"{big}""#)),
    );
    assert_eq!(
        found(&report),
        [
            ("suprsend.timezone.format", "/$timezone".to_owned()),
            ("suprsend.body.max_length", String::new()),
        ]
    );
}

// -------------------------------------------------------------- nesting

#[test]
fn nesting_exactly_at_the_limit_passes_and_one_over_is_refused() {
    let depth = omnicontact::options::DEFAULT_MAX_DEPTH;
    for &provider in Provider::ALL {
        // The body is level 1; `zz` holds depth - 1 nested arrays.
        let nested = |levels: usize| {
            body(
                provider,
                &format!(r#","zz":{}{}"#, "[".repeat(levels), "]".repeat(levels)),
            )
        };
        let report = validate(provider, &nested(depth - 1));
        let expected: Vec<(&str, String)> = unknown_rule(provider)
            .map(|rule| (rule, "/zz".to_owned()))
            .into_iter()
            .collect();
        assert_eq!(found(&report), expected, "{provider} at the limit");

        let report = validate(provider, &nested(depth));
        let path = format!("/zz{}", "/0".repeat(depth - 1));
        assert_eq!(
            found(&report),
            [("input.body.max_depth", path)],
            "{provider} one over"
        );
        // The same with objects, in a member each provider keeps free-form.
        let free = match provider {
            Provider::Sendios => "fields",
            Provider::RocketChat => "customFields",
            Provider::Raia => "customData",
            Provider::Omnisend => "customProperties",
            _ => "custom",
        };
        let text = body(
            provider,
            &format!(
                r#","{free}":{}1{}"#,
                r#"{"o":"#.repeat(depth),
                "}".repeat(depth)
            ),
        );
        let report = validate(provider, &text);
        assert_eq!(
            found(&report),
            [(
                "input.body.max_depth",
                format!("/{free}{}", "/o".repeat(depth - 1))
            )],
            "{provider} objects one over"
        );
    }
}

// ------------------------------------------------ 100 000 members / items

const N: usize = 100_000;

#[test]
fn a_hundred_thousand_members_over_the_size_limit_are_one_violation() {
    let text = body(
        Provider::Omnisend,
        &format!(
            r#","customProperties":{{{}}}"#,
            members(N, |i| format!(r#""p{i}":{i}"#))
        ),
    );
    assert!(text.len() > 1 << 20);
    let report = validate(Provider::Omnisend, &text);
    assert_eq!(found(&report), [("input.body.max_length", String::new())]);
}

#[test]
fn a_hundred_thousand_custom_members_are_valid() {
    let text = body(
        Provider::Omnisend,
        &format!(
            r#","customProperties":{{{}}}"#,
            members(N, |i| format!(r#""p{i}":{i}"#))
        ),
    );
    let report = validate_big(Provider::Omnisend, &text);
    // Only the warning that Omnisend documents at most 200 (issue 15).
    assert!(report.is_valid(), "{report}");
    assert_eq!(
        found(&report),
        [(
            "omnisend.custom_properties.max_items",
            "/customProperties".to_owned()
        )]
    );
    assert_eq!(
        report.normalized().unwrap()["customProperties"]
            .as_object()
            .unwrap()
            .len(),
        N
    );

    let text = body(
        Provider::Sendios,
        &format!(
            r#","fields":{{{}}}"#,
            members(N, |i| format!(r#""f{i}":{i}"#))
        ),
    );
    let report = validate_big(Provider::Sendios, &text);
    assert!(report.violations().is_empty(), "{report}");
}

#[test]
fn a_hundred_thousand_suprsend_custom_keys_exceed_its_body_limit_once() {
    let text = body(
        Provider::Suprsend,
        &format!(",{}", members(N, |i| format!(r#""k{i}":{i}"#))),
    );
    let report = validate_big(Provider::Suprsend, &text);
    assert_eq!(
        found(&report),
        [("suprsend.body.max_length", String::new())]
    );
}

/// Each unknown member is a distinct problem: one violation per member.
#[test]
fn unknown_members_yield_exactly_one_violation_each() {
    for &provider in Provider::ALL {
        let Some(rule) = unknown_rule(provider) else {
            continue;
        };
        // 100 000 for one provider; 10 000 for the others keeps the debug
        // run short (the walk is linear, see benches/adversarial.rs).
        let n = if provider == Provider::RocketChat {
            N
        } else {
            N / 10
        };
        let text = body(
            provider,
            &format!(",{}", members(n, |i| format!(r#""u{i}":{i}"#))),
        );
        let report = validate_big(provider, &text);
        assert_eq!(report.violations().len(), n, "{provider}");
        assert!(report.violations().iter().all(|v| v.rule() == rule));
        assert_eq!(report.violations()[n - 1].path(), format!("/u{}", n - 1));
    }
}

/// 100 000 tags, the first a `source:` tag, then every tag twice: one
/// `max_items` error for the array, one `unique` warning per duplicate.
#[test]
fn a_hundred_thousand_tags_are_too_many_and_each_duplicate_is_named() {
    let tags = members(N - 1, |i| format!(r#""t{}""#, i / 2));
    let text = format!(r#"{{"email":"a@b.co","tags":["source: x",{tags}]}}"#);
    assert!(text.len() < 1 << 20);
    let report = validate(Provider::Omnisend, &text);
    let violations = report.violations();
    // t0 … t49998 appear twice, t49999 once.
    assert_eq!(violations.len(), 1 + 49_999);
    assert_eq!(
        (violations[0].rule(), violations[0].path()),
        ("omnisend.tags.max_items", "/tags")
    );
    assert_eq!(
        violations[0].message(),
        "100000 items, more than the 100 allowed"
    );
    for (k, v) in violations[1..].iter().enumerate() {
        assert_eq!(v.rule(), "omnisend.tags.unique");
        assert_eq!(v.path(), format!("/tags/{}", 2 * k + 2));
    }
    assert_eq!(
        violations[1].message(),
        "duplicate of item 1; removed",
        "the message names the first occurrence"
    );
}

/// Rocket.Chat's de-duplication of 100 000 distinct emails reports nothing
/// (it used to scan the earlier items for every item: ~250 s in debug; the
/// linear cost is shown by benches/adversarial.rs).
#[test]
fn a_hundred_thousand_rocketchat_emails_are_checked_in_linear_time() {
    let text = format!(
        r#"{{"name":"a","phones":[],"emails":[{}]}}"#,
        members(N, |i| format!(r#""u{i}@b.co""#))
    );
    let report = validate_big(Provider::RocketChat, &text);
    assert!(report.violations().is_empty(), "{report}");
}

/// Items identical as sent are `unique` errors only; `lossy` is for items
/// that only became equal once normalized, naming the item they merged into.
#[test]
fn rocketchat_duplicates_name_the_right_item() {
    let text = r#"{"name":"a","phones":[],"emails":["a@b.co","a@b.co","c@b.co","c@B.CO"]}"#;
    let report = validate(Provider::RocketChat, text);
    assert_eq!(
        found(&report),
        [
            ("rocketchat.emails.unique", "/emails/1".to_owned()),
            ("rocketchat.emails.lossy", "/emails/3".to_owned()),
        ]
    );
    assert_eq!(
        report.violations()[1].message(),
        "the same as item 2 once normalized; merged into it"
    );
    // Every duplicate identical as sent: one `unique` error each, no `lossy`.
    let text = format!(
        r#"{{"name":"a","phones":[],"emails":[{}]}}"#,
        members(2_000, |i| format!(r#""u{}@b.co""#, i / 2))
    );
    let report = validate(Provider::RocketChat, &text);
    assert_eq!(report.violations().len(), 1_000);
    assert!(
        report
            .violations()
            .iter()
            .all(|v| v.rule() == "rocketchat.emails.unique")
    );
}

// ----------------------------------------------------------- invalid UTF-8

#[test]
fn invalid_utf8_is_located_wherever_it_is() {
    let late = {
        let mut bytes = body(
            Provider::Omnisend,
            &format!(r#","firstName":"{}""#, "x".repeat(500_000)),
        )
        .into_bytes();
        let at = bytes.len() - 2;
        assert_eq!(at, 500_052);
        bytes.insert(at, 0xfe);
        (
            bytes,
            "invalid UTF-8 at line 1 column 500053 (byte 500052 of the document)",
        )
    };
    let cases: Vec<(Vec<u8>, &str)> = vec![
        (
            b"\xff{\"email\":\"a@b.co\"}".to_vec(),
            "invalid UTF-8 at line 1 column 1 (byte 0 of the document)",
        ),
        (
            b"{\"em\xc3ail\":\"a@b.co\"}".to_vec(),
            "invalid UTF-8 at line 1 column 5 (byte 4 of the document)",
        ),
        (
            b"{\"email\":\"a@b.co\xe2\x82".to_vec(),
            "invalid UTF-8 at line 1 column 17 (byte 16 of the document)",
        ),
        (
            b"{\"email\":\"\xc0\xafa@b.co\"}".to_vec(),
            "invalid UTF-8 at line 1 column 11 (byte 10 of the document)",
        ),
        (
            b"{\"email\":\"\xed\xa0\x80a@b.co\"}".to_vec(),
            "invalid UTF-8 at line 1 column 11 (byte 10 of the document)",
        ),
        late,
    ];
    for &provider in Provider::ALL {
        for (bytes, message) in &cases {
            let report = checked(Validator::new(provider).validate_bytes(bytes));
            assert_eq!(found(&report), [("input.json.format", String::new())]);
            assert_eq!(report.violations()[0].message(), *message, "{provider}");
        }
    }
}

// ---------------------------------------------------------------- keys

#[test]
fn a_hundred_kilobyte_key_is_an_unknown_member_at_its_full_path() {
    let key = "k".repeat(100_000);
    for &provider in Provider::ALL {
        let report =
            Validator::new(provider).validate_str(&body(provider, &format!(r#","{key}":1"#)));
        let expected: Vec<(&str, String)> = match unknown_rule(provider) {
            Some(rule) => vec![(rule, format!("/{key}"))],
            None => vec![("suprsend.body.max_length", String::new())],
        };
        assert_eq!(found(&report), expected, "{provider}");
        assert!(report.violations().iter().all(|v| v.suggestion().is_none()));
    }
    // A custom property name is limited to 128 characters.
    let report = Validator::new(Provider::Omnisend).validate_str(&body(
        Provider::Omnisend,
        &format!(r#","customProperties":{{"{key}":1}}"#),
    ));
    assert_eq!(
        found(&report),
        [(
            "omnisend.custom_properties.name.format",
            format!("/customProperties/{key}")
        )]
    );
}

#[test]

fn a_hundred_kilobyte_key_gives_a_short_message() {
    let key = "k".repeat(100_000);
    for &provider in Provider::ALL {
        let report = validate(provider, &body(provider, &format!(r#","{key}":1"#)));
        assert_eq!(report.violations().len(), 1, "{provider}");
    }
    let report = validate(
        Provider::Omnisend,
        &body(
            Provider::Omnisend,
            &format!(r#","customProperties":{{"{key}":1}}"#),
        ),
    );
    assert_eq!(report.violations().len(), 1);
}

#[test]
fn confusable_keys_are_unknown_members_with_a_suggestion() {
    for key in ["\u{435}mail", "ｅｍａｉｌ", "em\u{200B}ail"] {
        for &provider in Provider::ALL {
            let report = validate(provider, &body(provider, &format!(r#","{key}":"a@b.co""#)));
            let Some(rule) = unknown_rule(provider) else {
                // SuprSend: any key that is not `$`-prefixed is a property.
                assert!(report.violations().is_empty(), "{report}");
                continue;
            };
            assert_eq!(found(&report), [(rule, format!("/{key}"))], "{provider}");
            let expected = if provider == Provider::RocketChat {
                "emails"
            } else {
                "email"
            };
            let v = &report.violations()[0];
            assert_eq!(v.suggestion(), Some(expected), "{provider} {key:?}");
            if provider != Provider::Raia {
                // Invisible characters are shown escaped.
                let shown = key.replace('\u{200B}', "\\u{200b}");
                assert_eq!(
                    v.message(),
                    format!("unknown member '{shown}'; did you mean '{expected}'?")
                );
            }
        }
    }
}

// -------------------------------------------------------------- numbers

#[test]
fn non_json_number_spellings_are_json_errors() {
    for &provider in Provider::ALL {
        for (number, message) in [
            ("NaN", "expected value"),
            ("Infinity", "expected value"),
            ("-Infinity", "invalid number"),
            ("-1e400", "number out of range"),
            ("+1", "expected value"),
            ("01", "invalid number"),
        ] {
            let report = validate(provider, &body(provider, &format!(r#","zz":{number}"#)));
            assert_eq!(
                found(&report),
                [("input.json.format", String::new())],
                "{provider} {number}"
            );
            assert!(
                report.violations()[0].message().starts_with(message),
                "{provider} {number}: {}",
                report.violations()[0].message()
            );
        }
    }
}

#[test]
fn valid_number_spellings_are_kept_as_numbers() {
    let v = Validator::new(Provider::Omnisend);
    for (number, normalized) in [
        ("-0", "-0.0"),
        ("-0.0", "-0.0"),
        ("1E+2", "100.0"),
        ("1e2", "100.0"),
        ("0.1e1", "1.0"),
        ("2.5e-3", "0.0025"),
    ] {
        let report = checked(v.validate_str(&body(
            Provider::Omnisend,
            &format!(r#","customProperties":{{"n":{number}}}"#),
        )));
        assert!(report.violations().is_empty(), "{number}: {report}");
        assert_eq!(
            report.normalized().unwrap()["customProperties"]["n"].to_string(),
            normalized
        );
        // Sendios `fields` accept any number.
        let report = validate(
            Provider::Sendios,
            &body(Provider::Sendios, &format!(r#","fields":{{"n":{number}}}"#)),
        );
        assert!(report.violations().is_empty(), "{number}: {report}");
        // Sendios `age` wants an integer: JSON parses these as floats.
        let report = validate(
            Provider::Sendios,
            &body(Provider::Sendios, &format!(r#","age":{number}"#)),
        );
        assert_eq!(found(&report), [("sendios.age.type", "/age".to_owned())]);
        assert_eq!(
            report.violations()[0].message(),
            "expected an integer, found number"
        );
    }
}

/// Issue 16, item 3: a number a double cannot hold was read as the nearest
/// double, and the record stayed valid with no change recorded. It is still
/// read so (as the providers' own JSON parsers read it), but the rewrite is
/// an `input.number.precision` warning and a change, in every provider's
/// free-form members.
#[test]
fn numbers_a_double_cannot_hold_are_recorded_as_changed() {
    let members: [(Provider, &str); 5] = [
        (Provider::Omnisend, "customProperties"),
        (Provider::Sendios, "fields"),
        (Provider::RocketChat, "customFields"),
        (Provider::Raia, "customData"),
        // SuprSend: any custom key of the body.
        (Provider::Suprsend, ""),
    ];
    let cases = [
        ("123456789012345678901234567890", "1.2345678901234568e+29"),
        ("18446744073709551616", "1.8446744073709552e+19"),
        ("1e-400", "0.0"),
        ("-9223372036854775809", "-9.223372036854776e+18"),
        ("0.1000000000000000000000000001", "0.1"),
    ];
    for (provider, member) in members {
        for (written, read) in cases {
            let (extra, path) = if member.is_empty() {
                (format!(r#","n":{written}"#), "/n".to_owned())
            } else {
                (
                    format!(r#","{member}":{{"n":{written}}}"#),
                    format!("/{member}/n"),
                )
            };
            let text = body(provider, &extra);
            let report = validate(provider, &text);
            let rounded: Vec<_> = report
                .violations()
                .iter()
                .filter(|v| v.rule() == "input.number.precision")
                .collect();
            assert_eq!(rounded.len(), 1, "{provider} {written}: {report}");
            assert_eq!(rounded[0].path(), path, "{provider}");
            assert_eq!(
                rounded[0].message(),
                format!(
                    "'{written}' is read as the double '{read}', another number (a double keeps 17 significant digits, from 5e-324 to 1.8e308), as JSON parsers read numbers: it is sent so"
                )
            );
            assert_eq!(
                rounded[0].suggestion(),
                Some(format!("\"{written}\"").as_str())
            );
            let change = report
                .changes()
                .iter()
                .find(|c| c.rule() == "input.number.precision")
                .unwrap_or_else(|| panic!("{provider} {written}: no change in {report}"));
            assert_eq!(change.path(), path);
            assert_eq!(change.from(), &serde_json::json!(written));
            assert_eq!(change.to().to_string(), read);
        }
        // Close cases: every number a double (or 64-bit integer) holds
        // exactly, however it is written, is neither reported nor changed.
        for written in [
            "18446744073709551615",
            "-9223372036854775808",
            "9007199254740993",
            "2.5e-3",
            "1.50",
            "1e2",
            "-0",
            "100000000000000000000",
        ] {
            let text = if member.is_empty() {
                body(provider, &format!(r#","n":{written}"#))
            } else {
                body(provider, &format!(r#","{member}":{{"n":{written}}}"#))
            };
            let report = validate(provider, &text);
            assert!(
                report
                    .violations()
                    .iter()
                    .all(|v| v.rule() != "input.number.precision"),
                "{provider} {written}: {report}"
            );
            assert!(
                report.changes().is_empty(),
                "{provider} {written}: {report}"
            );
        }
    }
}

// -------------------------------------------------------- duplicate keys

#[test]
fn duplicate_keys_at_depth_are_errors_at_their_path() {
    const DUPLICATE: &str =
        "duplicate member name; parsers disagree on which value wins (here: the last)";
    for &provider in Provider::ALL {
        let report = validate(provider, &body(provider, r#","zz":{"a":[{"b":1,"b":2}]}"#));
        let mut expected = vec![("input.json.format", "/zz/a/0/b".to_owned())];
        expected.extend(unknown_rule(provider).map(|rule| (rule, "/zz".to_owned())));
        assert_eq!(found(&report), expected, "{provider}");
        assert_eq!(report.violations()[0].message(), DUPLICATE);
    }
    // One error per repeated occurrence.
    let report = validate(
        Provider::Omnisend,
        &body(
            Provider::Omnisend,
            r#","customProperties":{"a":1,"a":2,"b":1,"b":2,"b":3}"#,
        ),
    );
    assert_eq!(
        found(&report),
        [
            ("input.json.format", "/customProperties/a".to_owned()),
            ("input.json.format", "/customProperties/b".to_owned()),
            ("input.json.format", "/customProperties/b".to_owned()),
        ]
    );
    let report = validate(
        Provider::Omnisend,
        r#"{"identifiers":[{"type":"email","id":"a@b.co","channels":{"email":{"status":"subscribed","status":"unsubscribed"}}}],"tags":["source: x"]}"#,
    );
    assert_eq!(
        found(&report),
        [(
            "input.json.format",
            "/identifiers/0/channels/email/status".to_owned()
        )]
    );
    // 10 000 repeats of one key: one error each, all short.
    let text = body(
        Provider::Omnisend,
        &format!(
            r#","customProperties":{{{}}}"#,
            members(10_000, |i| format!(r#""d":{i}"#))
        ),
    );
    let report = validate(Provider::Omnisend, &text);
    assert_eq!(report.violations().len(), 9_999);
}

/// Issue 16, item 2: 100 000 numeric phones made 300 000 violations and
/// 100 000 changes (a 74 MB report line). By default a report lists 100 of
/// each rule and one `input.report.truncated` warning per rule saying how
/// many more there are, at the first one left out; the normalization is
/// the same as with everything listed.
#[test]
fn a_report_lists_at_most_a_hundred_of_each_rule_by_default() {
    let text = format!(
        r#"{{"name":"John","emails":["a@b.co"],"phones":[{}]}}"#,
        members(N, |_| "1".to_owned())
    );
    let report = checked(Validator::new(Provider::RocketChat).validate_str(&text));
    let mut per_rule = std::collections::BTreeMap::<&str, usize>::new();
    for v in report.violations() {
        *per_rule.entry(v.rule()).or_default() += 1;
    }
    assert_eq!(
        per_rule.into_iter().collect::<Vec<_>>(),
        [
            ("input.report.truncated", 4),
            ("rocketchat.phones.coerced", 100),
            ("rocketchat.phones.format", 100),
            ("rocketchat.phones.unique", 100),
        ]
    );
    let truncated: Vec<_> = report
        .violations()
        .iter()
        .filter(|v| v.rule() == "input.report.truncated")
        .map(|v| (v.path(), v.message()))
        .collect();
    let cap =
        "a report lists at most 100 of each rule (a limit the service sets) and 8 MiB of pointers";
    assert_eq!(
        truncated,
        [
            ("/phones/100", format!("99900 more 'rocketchat.phones.coerced' warnings in this document are not listed, this one first: {cap}").as_str()),
            ("/phones/100", format!("99900 more changes under 'rocketchat.phones.coerced' in this document are made but not listed, this one first: {cap}").as_str()),
            ("/phones/101", format!("99899 more 'rocketchat.phones.unique' errors in this document are not listed, this one first: {cap}").as_str()),
            ("/phones/100", format!("99900 more 'rocketchat.phones.format' warnings in this document are not listed, this one first: {cap}").as_str()),
        ]
    );
    let coerced = report
        .changes()
        .iter()
        .filter(|c| c.rule() == "rocketchat.phones.coerced")
        .count();
    assert_eq!(coerced, 100);
    // And the one array-level change: the duplicates removed.
    assert_eq!(report.changes().len(), 101);
    assert!(!report.is_valid());
    // A close case: exactly 100 of a rule is listed whole, with no summary.
    let text = format!(
        r#"{{"name":"John","emails":["a@b.co"],"phones":[{}]}}"#,
        members(100, |i| (20_000_000 + i).to_string())
    );
    let report = checked(Validator::new(Provider::RocketChat).validate_str(&text));
    assert!(
        report
            .violations()
            .iter()
            .all(|v| v.rule() != "input.report.truncated"),
        "{report}"
    );
    assert_eq!(report.changes().len(), 100);
}

/// Review of issue 16: a pointer kept for every number read as a double,
/// and for every duplicate, took memory far beyond the document (a 1 MB
/// document of one 500 KB member name and 49 000 repeated members grew to
/// 24 GB). What reading keeps is capped like the report, and the pointers
/// a report lists are at most 8 MiB in all.
#[test]
fn a_long_member_name_repeated_keeps_the_report_in_proportion() {
    let key = "k".repeat(500_000);
    let text = format!(
        r#"{{"client_user_id":"u1","fields":{{"{key}":[{}],{}}}}}"#,
        members(40_000, |_| "0.5".to_owned()),
        members(20_000, |_| r#""a":1e-400"#.to_owned())
    );
    assert!(text.len() < 1 << 20, "{}", text.len());
    let report = Validator::new(Provider::Sendios)
        .with_options(Options::new().max_bytes(2 << 20))
        .validate_str(&text);
    let count = |rule: &str| {
        report
            .violations()
            .iter()
            .filter(|v| v.rule() == rule)
            .count()
    };
    assert_eq!(count("input.json.format"), 100);
    assert_eq!(count("input.number.precision"), 100);
    let pointers: usize = report
        .violations()
        .iter()
        .map(|v| v.path().len())
        .chain(report.changes().iter().map(|c| c.path().len()))
        .sum();
    assert!(pointers <= 9 << 20, "{pointers} bytes of pointers");
    let truncated: Vec<_> = report
        .violations()
        .iter()
        .filter(|v| v.rule() == "input.report.truncated")
        .map(|v| v.message().split_once(" in this").unwrap().0)
        .collect();
    assert_eq!(
        truncated,
        [
            "19899 more 'input.json.format' errors",
            "19900 more 'input.number.precision' warnings",
            "19900 more changes under 'input.number.precision'"
        ]
    );
}

/// Review of issue 16: the `convert.*` warnings of a conversion were not
/// capped (2 999 `convert.email.lossy` for 3 000 emails).
#[test]
fn conversion_losses_are_capped_too() {
    let text = format!(
        r#"{{"name":"A","emails":[{}],"phones":[]}}"#,
        members(3_000, |i| format!(r#""u{i}@example.com""#))
    );
    let report = Validator::new(Provider::RocketChat).convert_str(&text, Provider::Sendios);
    let lossy = report
        .violations()
        .iter()
        .filter(|v| v.rule() == "convert.email.lossy")
        .count();
    assert_eq!(lossy, 100);
    let summary = report
        .violations()
        .iter()
        .find(|v| v.rule() == "input.report.truncated")
        .expect("a summary of the losses left out");
    assert_eq!(summary.location(), omnicontact::Location::Converted);
    assert!(
        summary
            .message()
            .starts_with("2899 more 'convert.email.lossy' warnings"),
        "{summary}"
    );
}

/// Review of issue 16: converting rounded an integer beyond 2^53 with no
/// record (`9007199254740993` became `9007199254740992.0`, even Sendios to
/// Sendios). Such a custom property is not converted, with a
/// `convert.custom_properties.lossy` warning; 2^53 itself converts.
#[test]
fn conversion_never_rounds_a_large_integer() {
    let text = r#"{"client_user_id":"u1","email":"a@b.co","fields":{"d":9007199254740993,"big":18446744073709551615,"ok":9007199254740992}}"#;
    let report = Validator::new(Provider::Sendios).convert_str(text, Provider::Sendios);
    let converted = report.converted().expect("converted");
    assert_eq!(converted["fields"].get("d"), None, "{converted}");
    assert_eq!(converted["fields"].get("big"), None, "{converted}");
    assert_eq!(
        converted["fields"]["ok"],
        serde_json::json!(9_007_199_254_740_992_u64)
    );
    let lossy: Vec<_> = report
        .violations()
        .iter()
        .filter(|v| v.rule() == "convert.custom_properties.lossy")
        .map(|v| v.path())
        .collect();
    assert_eq!(lossy, ["/fields/d", "/fields/big"]);
}

/// Review of issue 16: in an envelope, duplicates and rounded numbers were
/// located `in` `body` at envelope pointers (`/query/x`, `/body/fields/a`),
/// unlike every other violation. They are in their part, at its pointer.
#[test]
fn envelope_findings_of_reading_are_in_their_part() {
    let text = r#"{"path":{"project_id":1},"query":{"x":1e-400},"headers":{},"body":{"client_user_id":"u1","fields":{"a":1e-400,"b":1,"b":2}}}"#;
    let report = Validator::new(Provider::Sendios).validate_envelope_str(text);
    let found: Vec<_> = report
        .violations()
        .iter()
        .filter(|v| v.rule().starts_with("input."))
        .map(|v| (v.rule(), v.location().to_string(), v.path().to_owned()))
        .collect();
    assert_eq!(
        found,
        [
            (
                "input.json.format",
                "body".to_owned(),
                "/fields/b".to_owned()
            ),
            (
                "input.number.precision",
                "query".to_owned(),
                "/x".to_owned()
            ),
            (
                "input.number.precision",
                "body".to_owned(),
                "/fields/a".to_owned()
            ),
            (
                "input.query.unknown_field",
                "query".to_owned(),
                "/x".to_owned()
            ),
        ]
    );
    let changes: Vec<_> = report
        .changes()
        .iter()
        .filter(|c| c.rule() == "input.number.precision")
        .map(|c| (c.location().to_string(), c.path().to_owned()))
        .collect();
    assert_eq!(
        changes,
        [
            ("query".to_owned(), "/x".to_owned()),
            ("body".to_owned(), "/fields/a".to_owned())
        ]
    );
}
