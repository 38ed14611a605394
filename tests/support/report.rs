//! The report invariants the `provider_json` and `custom_property` fuzz
//! checks share (and `tests/fuzz_seeds.rs` with them): valid exactly when
//! no violation is an error, a normalized body exactly when valid, every
//! path empty or a JSON Pointer.

use omnicontact::{Report, Severity};

/// Panics when `report` breaks one of the invariants.
pub fn invariants(report: &Report) {
    let errors = report
        .violations()
        .iter()
        .any(|v| v.severity() == Severity::Error);
    assert_eq!(report.is_valid(), !errors, "{report}");
    assert_eq!(report.normalized().is_some(), !errors, "{report}");
    for v in report.violations() {
        assert!(v.path().is_empty() || v.path().starts_with('/'), "{v}");
    }
}
