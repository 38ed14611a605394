//! Builds a canonical contact in code, shows the report of an invalid one,
//! and writes the valid one as an Omnisend and a Sendios request body.
//!
//! ```text
//! cargo run --example build_contact
//! ```

use omnicontact::model::Identifier;
use omnicontact::{Contact, Provider, Validator, omnisend, sendios};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    // Raw strings in, normalized values out; every violation is collected.
    let contact = Contact::builder()
        .external_id("crm-42")
        .first_name("Jane")
        .last_name("Doe")
        .email("Jane@Example.COM")
        .identifier(Identifier::builder().phone("+1 415 555 2671").channel(
            "sms",
            "subscribed",
            Some("2024-05-01T10:00:00+02:00"),
        ))
        .language("EN")
        .country("usa")
        .age(34)
        .tag("source: api")
        .property("plan", "pro")
        .build()
        .map_err(|report| format!("unexpected:\n{report}"))?;

    // An invalid contact is a report, never a half-valid value.
    let invalid = Contact::builder().email("jane@").language("xx").build();
    if let Err(report) = invalid {
        println!("an invalid contact:");
        for v in report.violations() {
            println!("  {} at {}: {}", v.rule(), v.path(), v.message());
        }
    }

    // The same contact for two providers, with what each cannot hold.
    let (omnisend_body, lost) = omnisend::convert::from_contact(&contact);
    let body = serde_json::to_value(&omnisend_body)?;
    println!("\nOmnisend body: {body}");
    for loss in &lost {
        println!("  {} at {}: {}", loss.rule(), loss.path(), loss.message());
    }
    let report = Validator::new(Provider::Omnisend).validate_value(body);
    println!("  valid for Omnisend: {}", report.is_valid());

    let (sendios_body, lost) = sendios::convert::from_contact(&contact);
    let body = serde_json::to_value(&sendios_body)?;
    println!("\nSendios body: {body}");
    for loss in &lost {
        println!("  {} at {}: {}", loss.rule(), loss.path(), loss.message());
    }
    let report = Validator::new(Provider::Sendios).validate_value(body);
    println!("  valid for Sendios: {}", report.is_valid());
    Ok(())
}
