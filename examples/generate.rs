//! Prints deterministic, realistic sample records (valid, about 600 bytes
//! each, phones from sixteen countries) as NDJSON, for benchmarks and load
//! tests of the `validate` example.
//!
//! ```text
//! generate PROVIDER COUNT [START]
//! cargo run --release --example generate -- omnisend 100000 > contacts.ndjson
//! ```

#[path = "../benches/support/records.rs"]
mod records;

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use omnicontact::Provider;

const USAGE: &str = "usage: generate PROVIDER COUNT [START]
  PROVIDER  sendios, rocketchat, suprsend, raia or omnisend
  COUNT     how many records to print
  START     index of the first record (default 0)";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let parsed = match args.as_slice() {
        [provider, count] => parse(provider, count, "0"),
        [provider, count, start] => parse(provider, count, start),
        _ => None,
    };
    let Some((provider, count, start)) = parsed else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let mut out = BufWriter::new(io::stdout().lock());
    for i in start..start.saturating_add(count) {
        let written = out
            .write_all(records::record(provider, i).as_bytes())
            .and_then(|()| out.write_all(b"\n"));
        if written.is_err() {
            // A closed pipe (`| head`) ends the output; nothing to report.
            return ExitCode::SUCCESS;
        }
    }
    // As above: a closed pipe is not an error here.
    let _ = out.flush();
    ExitCode::SUCCESS
}

fn parse(provider: &str, count: &str, start: &str) -> Option<(Provider, usize, usize)> {
    Some((
        provider.parse().ok()?,
        count.parse().ok()?,
        start.parse().ok()?,
    ))
}
