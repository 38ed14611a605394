//! What the crate does without its default `tz` feature:
//! `cargo test --no-default-features --test features`. With the feature
//! this file is empty; the rest of the suite covers that build.
#![cfg(not(feature = "tz"))]

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
