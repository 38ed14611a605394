//! A second, weaker oracle: the `phonenumber` crate (a Rust port of
//! libphonenumber on the same metadata release, a dev-dependency only).
//!
//! Its *reading* of national prefixes has a known defect (it strips a
//! national prefix a second time, which is what `tests/phone_fixture.rs`
//! guards against with libphonenumber itself), so only its *validity*
//! verdict is compared here: for every distinct E.164 form the crate produces from
//! the libphonenumber fixture, where `phonenumber` reads the same calling
//! code and national number, its `is_valid` equals `Phone::is_assigned`, or
//! else libphonenumber itself (the fixture's `valid` column) sides with the
//! crate. (It does for four numbers, such as `+855923756789`: `phonenumber`
//! matches a number type's pattern against a prefix of the number, where
//! libphonenumber requires the whole number to match.)
#![cfg(feature = "phone")]

use std::fs;
use std::path::PathBuf;

use omnicontact::values::{Phone, PhoneRegion};

#[test]
fn validity_agrees_with_the_phonenumber_crate() {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/phone/libphonenumber.tsv");
    let text = fs::read_to_string(path).expect("the fixture exists");
    // `phonenumber` keeps 100 compiled patterns by default: enough for
    // all of them, so that the numbers of 245 regions do not recompile.
    phonenumber::metadata::DATABASE
        .cache()
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .set_capacity(4096);
    let mut seen = std::collections::BTreeSet::new();
    let (mut compared, mut disagreements) = (0, Vec::new());
    let mut overruled = 0;
    for line in text.lines().filter(|l| !l.starts_with('#')).skip(1) {
        let fields: Vec<&str> = line.split('\t').collect();
        let region = (!fields[0].is_empty()).then(|| PhoneRegion::parse(fields[0]).unwrap());
        let Ok(p) = Phone::parse_with_region(fields[1], region) else {
            continue;
        };
        if !seen.insert(p.as_str().to_owned()) {
            continue;
        }
        let Ok(theirs) = phonenumber::parse(None, p.as_str()) else {
            continue;
        };
        let national = &p.as_str()[1 + p.calling_code().to_string().len()..];
        if theirs.code().value() != p.calling_code() || theirs.national().to_string() != national {
            continue;
        }
        compared += 1;
        let libphonenumber = fields[4] == "1";
        overruled += usize::from(phonenumber::is_valid(&theirs) != p.is_assigned());
        if phonenumber::is_valid(&theirs) != p.is_assigned() && libphonenumber != p.is_assigned() {
            disagreements.push(format!(
                "{}: phonenumber {}, omnicontact {}",
                p.as_str(),
                phonenumber::is_valid(&theirs),
                p.is_assigned()
            ));
        }
    }
    assert!(compared > 3_000, "{compared} distinct numbers compared");
    assert!(
        overruled < 10,
        "{overruled} numbers where phonenumber is overruled"
    );
    assert!(
        disagreements.is_empty(),
        "{} of {compared} disagree:\n{}",
        disagreements.len(),
        disagreements[..disagreements.len().min(30)].join("\n")
    );
}
