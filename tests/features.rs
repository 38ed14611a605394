//! What the crate does without its default `phone` and `tz` features:
//! `cargo test --no-default-features --test features` (also with
//! `--features phone` or `--features tz`). With both features this file is
//! empty; the rest of the suite covers that build.
#![cfg(not(all(feature = "phone", feature = "tz")))]

#[cfg(not(feature = "phone"))]
mod without_phone {
    use omnicontact::values::{CountryCode, Phone, PhoneError};
    use omnicontact::{Options, Provider, Severity, Validator};

    /// The (rule, severity, path) of each violation.
    fn found(provider: Provider, options: Options, body: &str) -> Vec<(String, Severity, String)> {
        Validator::new(provider)
            .with_options(options)
            .validate_str(body)
            .violations()
            .iter()
            .map(|v| (v.rule().to_owned(), v.severity(), v.path().to_owned()))
            .collect()
    }

    fn gb() -> CountryCode {
        CountryCode::parse("GB").unwrap()
    }

    #[track_caller]
    fn international(input: &str, e164: &str, code: u16) {
        let p = Phone::parse(input).unwrap_or_else(|e| panic!("{input:?}: {e}"));
        assert_eq!(p.as_str(), e164, "{input:?}");
        assert_eq!(p.calling_code(), code, "{input:?}");
        assert!(!p.is_assigned(), "{input:?}: assignment is never known");
        // A region changes nothing for `+` / `00` numbers.
        assert_eq!(Phone::parse_with_region(input, Some(&gb())), Ok(p.clone()));
        assert_eq!(Phone::parse(p.as_str()), Ok(p));
    }

    #[test]
    fn international_numbers_are_taken_as_written() {
        international("+44 20 7946 0018", "+442079460018", 44);
        international("0044 20 7946 0018", "+442079460018", 44);
        international("＋４４ ２０ ７９４６ ００１８", "+442079460018", 44);
        international("+1 (415) 555-2671", "+14155552671", 1);
        international("(+1) 415 555-2671", "+14155552671", 1);
        international("+370 612 34567", "+37061234567", 370);
        international("+7 800 123-45-67", "+78001234567", 7);
        international("+800 1234 5678", "+80012345678", 800);
        international("+1234567890", "+1234567890", 1);
        // The written national prefix is kept (no metadata to strip it).
        international("+44 (0)20 7946 0018", "+4402079460018", 44);
        international("+39 06 1234 5678", "+390612345678", 39);
    }

    #[test]
    fn scan_and_length_errors_are_the_same() {
        for (input, error) in [
            ("", PhoneError::Empty),
            ("+1 415 555 2671 ext. 99", PhoneError::Extension),
            ("+1 415 555 2671;phone-context=+1", PhoneError::Parameter),
            ("+3367a829916", PhoneError::Letters),
            ("++14155552671", PhoneError::MultiplePlus),
            ("(1+) 415 555 2671", PhoneError::MisplacedPlus),
            ("+1_415_555_2671", PhoneError::InvalidCharacter('_')),
            ("+", PhoneError::NoDigits),
            ("+1 23", PhoneError::TooShort),
            ("+1 234 567 890 123 456", PhoneError::TooLong),
            ("+123456789012345678", PhoneError::TooLong),
            ("+0 123 456 789", PhoneError::UnknownCallingCode),
            ("+999 123 456 789", PhoneError::UnknownCallingCode),
            ("+28 123 456 789", PhoneError::UnknownCallingCode),
        ] {
            assert_eq!(Phone::parse(input), Err(error.clone()), "{input:?}");
            assert_eq!(
                Phone::parse_with_region(input, Some(&gb())),
                Err(error),
                "{input:?}"
            );
        }
    }

    #[test]
    fn national_numbers_need_the_feature() {
        assert_eq!(Phone::parse("020 7946 0018"), Err(PhoneError::NoRegion));
        assert_eq!(
            Phone::parse_with_region("020 7946 0018", Some(&gb())),
            Err(PhoneError::NationalNeedsMetadata)
        );
        let us = CountryCode::parse("US").unwrap();
        assert_eq!(
            Phone::parse_with_region("011 44 20 7946 0018", Some(&us)),
            Err(PhoneError::NationalNeedsMetadata)
        );
        assert_eq!(
            PhoneError::NationalNeedsMetadata.to_string(),
            "national numbers, without '+' or '00', are not read here (the service is built without the 'phone' feature of omnicontact); send the number in international form"
        );
        assert!(!Phone::is_valid("020 7946 0018"));
        assert!(Phone::is_valid("+44 20 7946 0018"));
    }

    #[test]
    fn omnisend_international_phones_get_no_unassigned_warning() {
        let body = r#"{
            "identifiers": [{"type": "phone", "id": "+1 234 567 890", "channels": {"sms": {"status": "subscribed"}}}],
            "phone": "+44 (0)20 7946 0018",
            "tags": ["source: x"]
        }"#;
        let report = Validator::new(Provider::Omnisend).validate_str(body);
        assert!(report.violations().is_empty(), "{:?}", report.violations());
        let normalized = report.normalized().unwrap();
        assert_eq!(normalized["identifiers"][0]["id"], "+1234567890");
        assert_eq!(normalized["phone"], "+4402079460018");
    }

    #[test]
    fn omnisend_national_phone_is_a_format_error() {
        let body = r#"{"email": "jane@example.com", "phone": "020 7946 0018", "countryCode": "GB", "tags": ["source: x"]}"#;
        assert_eq!(
            found(Provider::Omnisend, Options::new(), body),
            [(
                "omnisend.phone.format".to_owned(),
                Severity::Error,
                "/phone".to_owned()
            )]
        );
        let report = Validator::new(Provider::Omnisend).validate_str(body);
        assert!(
            report.violations()[0]
                .message()
                .contains("built without the 'phone' feature"),
            "{}",
            report.violations()[0].message()
        );
        let body = r#"{"identifiers": [{"type": "phone", "id": "(415) 555-2671"}], "tags": ["source: x"]}"#;
        let us = Options::new().default_region(CountryCode::parse("US").unwrap());
        assert_eq!(
            found(Provider::Omnisend, us, body),
            [(
                "omnisend.identifiers.id.format".to_owned(),
                Severity::Error,
                "/identifiers/0/id".to_owned()
            )]
        );
    }

    #[test]
    fn suprsend_international_phones_get_no_unassigned_warning() {
        let body = r#"{"$sms": ["+1234567890", "+44 20 7946 0018"], "$whatsapp": "+123456789"}"#;
        let report = Validator::new(Provider::Suprsend).validate_str(body);
        assert!(report.violations().is_empty(), "{:?}", report.violations());
        let normalized = report.normalized().unwrap();
        assert_eq!(
            normalized["$sms"],
            serde_json::json!(["+1234567890", "+442079460018"])
        );
        assert_eq!(normalized["$whatsapp"], serde_json::json!(["+123456789"]));
    }

    #[test]
    fn suprsend_national_phone_is_a_format_error() {
        let gb = Options::new().default_region(CountryCode::parse("GB").unwrap());
        assert_eq!(
            found(
                Provider::Suprsend,
                gb,
                r#"{"$sms": ["020 7946 0018"], "$whatsapp": ["+442079460018"]}"#
            ),
            [(
                "suprsend.sms.format".to_owned(),
                Severity::Error,
                "/$sms/0".to_owned()
            )]
        );
        assert_eq!(
            found(
                Provider::Suprsend,
                Options::new(),
                r#"{"$whatsapp": "07400 123456"}"#
            ),
            [(
                "suprsend.whatsapp.format".to_owned(),
                Severity::Error,
                "/$whatsapp".to_owned()
            )]
        );
    }

    #[test]
    fn other_providers_get_no_unassigned_warning() {
        for (provider, body) in [
            (
                Provider::Sendios,
                r#"{"client_user_id": "u1", "email": "jane@example.com", "phone": "+1234567890"}"#,
            ),
            (
                Provider::RocketChat,
                r#"{"name": "Jane", "emails": ["jane@example.com"], "phones": ["+1234567890"]}"#,
            ),
            (
                Provider::Raia,
                r#"{"firstName": "Jane", "lastName": "Doe", "phoneNumber": "+1234567890"}"#,
            ),
        ] {
            let report = Validator::new(provider).validate_str(body);
            assert!(
                report
                    .violations()
                    .iter()
                    .all(|v| !v.rule().ends_with(".invalid_number")),
                "{provider:?}: {:?}",
                report.violations()
            );
            assert!(report.is_valid(), "{provider:?}: {:?}", report.violations());
        }
    }
}

#[cfg(not(feature = "tz"))]
mod without_tz {
    use omnicontact::values::{TimeZone, TimeZoneError};
    use omnicontact::{Provider, Validator};

    #[track_caller]
    fn ok(input: &str, expected: &str) {
        let tz = TimeZone::parse(input).unwrap_or_else(|e| panic!("{input:?}: {e}"));
        assert_eq!(tz.as_str(), expected);
        assert_eq!(tz.to_string(), expected);
        assert!(TimeZone::is_valid(input));
        assert_eq!(TimeZone::parse(tz.as_str()), Ok(tz));
    }

    #[track_caller]
    fn err(input: &str, expected: TimeZoneError) {
        assert_eq!(TimeZone::parse(input), Err(expected), "{input:?}");
        assert!(!TimeZone::is_valid(input));
    }

    #[test]
    fn names_of_the_database_shape_are_kept_as_written() {
        ok("Europe/Vilnius", "Europe/Vilnius");
        ok(" America/New_York\n", "America/New_York");
        ok(
            "America/Argentina/Buenos_Aires",
            "America/Argentina/Buenos_Aires",
        );
        ok("America/Port-au-Prince", "America/Port-au-Prince");
        ok("US/Eastern", "US/Eastern");
        ok("Etc/GMT+2", "Etc/GMT+2");
        // Not in the database, but of its shape.
        ok("Europe/Atlantis", "Europe/Atlantis");
        // Single names are a list: matched in any case, spelled as listed.
        ok("UTC", "UTC");
        ok("utc", "UTC");
        ok("gmt", "GMT");
        ok("Zulu", "Zulu");
        ok("est5edt", "EST5EDT");
    }

    #[test]
    fn offsets_abbreviations_and_other_names_are_refused() {
        err("", TimeZoneError::Empty);
        err("Z", TimeZoneError::Offset);
        err("+05:00", TimeZoneError::Offset);
        err("UTC+3", TimeZoneError::Offset);
        err("GMT-05:30", TimeZoneError::Offset);
        err("PST", TimeZoneError::Abbreviation);
        err("CEST", TimeZoneError::Abbreviation);
        err("pdt", TimeZoneError::Abbreviation);
        let unknown = TimeZoneError::Unknown { suggestion: None };
        err("america/new_york", unknown.clone());
        err("Mars/Olympus", unknown.clone());
        err("Europe/Vilnius/Old/Town", unknown.clone());
        err("Paris", unknown.clone());
        err("Eastern Standard Time", unknown.clone());
        assert_eq!(unknown.suggestion(), None);
        assert_eq!(unknown.to_string(), "unknown time zone name");
    }

    #[test]
    fn suprsend_timezone() {
        let report =
            Validator::new(Provider::Suprsend).validate_str(r#"{"$timezone": "Europe/Vilnius"}"#);
        assert!(report.violations().is_empty(), "{:?}", report.violations());
        let bad =
            Validator::new(Provider::Suprsend).validate_str(r#"{"$timezone": "europe/vilnius"}"#);
        let v = &bad.violations()[0];
        assert_eq!(
            (v.rule(), v.path(), v.suggestion()),
            ("suprsend.timezone.format", "/$timezone", None)
        );
        assert_eq!(bad.violations().len(), 1);
    }
}
