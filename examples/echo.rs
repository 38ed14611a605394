//! The yardstick for the `validate` example's speed: reads NDJSON, parses
//! each line into a `serde_json::Value` and prints it back, buffered, on one
//! thread, the way a straightforward program would. It validates nothing.
//!
//! ```text
//! echo [FILE...]
//! cargo run --release --example echo -- contacts.ndjson > /dev/null
//! ```
//!
//! Files are read in order (stdin when there are none, or for `-`); blank
//! lines are skipped. A line that is not JSON is an error (exit status 2):
//! the comparison is meant for well-formed input. `benches/cli.sh` times
//! `validate` against it.

use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Write};
use std::process::ExitCode;

use serde_json::Value;

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("echo: {e}");
            ExitCode::from(2)
        }
    }
}

fn run() -> io::Result<()> {
    let mut files: Vec<String> = std::env::args().skip(1).collect();
    if files.is_empty() {
        files.push("-".to_owned());
    }
    let mut out = BufWriter::new(io::stdout().lock());
    for name in &files {
        if name == "-" {
            echo(io::stdin().lock(), &mut out)?;
        } else {
            let file =
                File::open(name).map_err(|e| io::Error::new(e.kind(), format!("{name}: {e}")))?;
            echo(BufReader::new(file), &mut out)?;
        }
    }
    out.flush()
}

fn echo(mut reader: impl BufRead, out: &mut impl Write) -> io::Result<()> {
    let mut line = String::new();
    let mut number = 0usize;
    loop {
        line.clear();
        if reader.read_line(&mut line)? == 0 {
            return Ok(());
        }
        number += 1;
        if line.trim().is_empty() {
            continue;
        }
        let value: Value = serde_json::from_str(&line).map_err(|e| {
            io::Error::new(io::ErrorKind::InvalidData, format!("line {number}: {e}"))
        })?;
        serde_json::to_writer(&mut *out, &value)?;
        out.write_all(b"\n")?;
    }
}
