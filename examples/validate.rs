//! Validates and normalizes batches of contact records from the command line.
//!
//! ```text
//! validate --provider P [--operation OP] [--envelope] [--to P2] [--region CC] [FILE...]
//! validate --list-rules
//! ```
//!
//! Reads the files in order (stdin when there are none, or for `-`), splits
//! them into JSON documents (one pretty-printed document, NDJSON, or several
//! documents; see `omnicontact::stream`) and prints one JSON line per
//! document on stdout, in input order:
//!
//! ```text
//! {"index":0,"line":1,"valid":false,"violations":[…],"changes":[…],"normalized":null}
//! ```
//!
//! `index` counts documents from 0 across all files, `line` is the 1-based
//! line where the document starts in its file, and `normalized` is the
//! normalized body (the normalized envelope with `--envelope`) when the
//! document is valid. With `--to P2` each valid document is also converted
//! to `P2` through the canonical contact: the line gains `converted` (the
//! target's body, `null` when the source is invalid) and, for a target
//! that takes contact data in its path (`suprsend`'s `distinct_id`),
//! `converted_path`; `convert.*` warnings and the target's own violations
//! carry `"in":"converted"`, and `valid` is false when either side has an
//! error. `--to` equal to `--provider` is a round trip through the
//! canonical contact. With `--envelope` the envelope is validated and its
//! `body` converted (a `suprsend` source's `path.distinct_id` becomes the
//! external id). `--to` needs an operation with a body (`create`). A
//! summary goes to stderr. Exit status: 0 when every
//! document is valid, 1 when some are not, 2 for a usage or I/O error.
//!
//! ```text
//! cargo run --example validate -- --provider omnisend examples/data/omnisend.ndjson
//! cargo run --example validate -- --provider omnisend --region GB - < contacts.ndjson
//! cargo run --example validate -- --provider rocketchat --to omnisend examples/data/rocketchat.ndjson
//! cargo run --example validate -- --list-rules
//! ```

use std::ffi::OsString;
use std::fmt;
use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Write};
use std::process::ExitCode;
use std::time::Instant;

use omnicontact::stream::Documents;
use omnicontact::{Change, CountryCode, Operation, Options, Provider, Validator, Violation};
use serde::Serialize;
use serde_json::Value;

const USAGE: &str = "\
usage: validate --provider P [--operation OP] [--envelope] [--to P2] [--region CC] [FILE...]
       validate --list-rules

Validates and normalizes contact records, one JSON line per document.

options:
  --provider P     sendios, rocketchat, suprsend, raia or omnisend
  --operation OP   create (default), search, get or delete
  --envelope       each document is {\"path\",\"query\",\"headers\",\"body\"}
  --to P2          also convert each valid document to provider P2
  --region CC      default region (ISO 3166-1) for national phone numbers
  --list-rules     print the rule catalog, one JSON line per rule
  -h, --help       print this help

Files are read in order; stdin when none is given, or for `-`.
Exit status: 0 all valid, 1 some invalid, 2 usage or I/O error.
";

/// A usage or I/O error: the message, printed to stderr, and exit status 2.
struct Fatal(String);

impl fmt::Display for Fatal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl<E: std::error::Error> From<E> for Fatal {
    fn from(e: E) -> Self {
        Fatal(e.to_string())
    }
}

/// What the command line asks for.
enum Command {
    Help,
    ListRules,
    Validate(Args),
}

/// The flags and files of a validation run, as given.
#[derive(Default)]
struct Args {
    provider: Option<String>,
    operation: Option<String>,
    to: Option<String>,
    region: Option<String>,
    envelope: bool,
    files: Vec<OsString>,
}

/// One input: stdin or an opened file, with the name used in messages.
enum Input {
    Stdin,
    File(String, File),
}

/// The counts printed in the summary.
#[derive(Default)]
struct Totals {
    documents: usize,
    valid: usize,
    warnings: usize,
}

/// One line of output.
#[derive(Serialize)]
struct Line<'a> {
    index: usize,
    line: usize,
    valid: bool,
    violations: &'a [Violation],
    changes: &'a [Change],
    normalized: Option<&'a Value>,
    /// Rocket.Chat: the exact error body the server answers.
    #[serde(skip_serializing_if = "Option::is_none")]
    provider_error: Option<&'a Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    converted: Option<Option<&'a Value>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    converted_path: Option<Option<&'a Value>>,
}

/// What to do with each document.
#[derive(Clone, Copy)]
struct Mode {
    envelope: bool,
    to: Option<Provider>,
}

fn main() -> ExitCode {
    let started = Instant::now();
    match run(started) {
        Ok(code) => code,
        Err(Fatal(message)) => {
            eprintln!("validate: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(started: Instant) -> Result<ExitCode, Fatal> {
    let args = match parse_args(std::env::args_os().skip(1))? {
        Command::Help => {
            print!("{USAGE}");
            return Ok(ExitCode::SUCCESS);
        }
        Command::ListRules => return list_rules(),
        Command::Validate(args) => args,
    };
    let (validator, mode) = configure(&args)?;
    let inputs = open_inputs(&args.files)?;
    let mut totals = Totals::default();
    let result = validate_all(&validator, mode, inputs, &mut totals);
    if let Err(Fatal(message)) = &result {
        eprintln!("validate: {message}");
    }
    print_summary(&totals, started);
    if result.is_err() {
        return Ok(ExitCode::from(2));
    }
    Ok(if totals.valid == totals.documents {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// Reads the command line. Flags take their value as the next argument or
/// after `=`; `--` ends the flags.
fn parse_args(mut raw: impl Iterator<Item = OsString>) -> Result<Command, Fatal> {
    let mut args = Args::default();
    let mut list_rules = false;
    while let Some(arg) = raw.next() {
        let Some(text) = arg.to_str().filter(|t| t.starts_with('-') && *t != "-") else {
            args.files.push(arg);
            continue;
        };
        if text == "--" {
            args.files.extend(raw.by_ref());
            break;
        }
        let (flag, inline) = match text.split_once('=') {
            Some((flag, value)) if flag.starts_with("--") => (flag, Some(value.to_owned())),
            _ => (text, None),
        };
        let slot = match flag {
            "-h" | "--help" => return Ok(Command::Help),
            "--list-rules" | "--envelope" => {
                if inline.is_some() {
                    return Err(usage(&format!("{flag} takes no value")));
                }
                if flag == "--envelope" {
                    args.envelope = true;
                } else {
                    list_rules = true;
                }
                continue;
            }
            "--provider" => &mut args.provider,
            "--operation" => &mut args.operation,
            "--to" => &mut args.to,
            "--region" => &mut args.region,
            _ => return Err(usage(&format!("unknown option `{flag}`"))),
        };
        let value = match inline {
            Some(value) => value,
            None => raw
                .next()
                .and_then(|v| v.into_string().ok())
                .ok_or_else(|| usage(&format!("{flag} needs a value")))?,
        };
        if slot.replace(value).is_some() {
            return Err(usage(&format!("{flag} given twice")));
        }
    }
    Ok(if list_rules {
        Command::ListRules
    } else {
        Command::Validate(args)
    })
}

/// A usage error, with a pointer to `--help`.
fn usage(message: &str) -> Fatal {
    Fatal(format!("{message}\nrun `validate --help` for usage"))
}

/// The validator the flags ask for, and whether documents are envelopes.
fn configure(args: &Args) -> Result<(Validator, Mode), Fatal> {
    let provider: Provider = args
        .provider
        .as_deref()
        .ok_or_else(|| usage("--provider is required"))?
        .parse()?;
    let operation: Operation = match &args.operation {
        Some(name) => name.parse()?,
        None => provider.operations()[0],
    };
    let mut options = Options::new();
    if let Some(region) = &args.region {
        let code = CountryCode::parse(region).map_err(|e| Fatal(format!("--region: {e}")))?;
        options = options.default_region(code);
    }
    let to = match &args.to {
        Some(target) => {
            let target: Provider = target.parse().map_err(|e| usage(&format!("--to: {e}")))?;
            if !operation.has_body() {
                return Err(usage(&format!(
                    "--to converts request bodies; `{operation}` has none"
                )));
            }
            Some(target)
        }
        None => None,
    };
    let validator = Validator::for_operation(provider, operation)?.with_options(options);
    Ok((
        validator,
        Mode {
            envelope: args.envelope,
            to,
        },
    ))
}

/// Opens every input before anything is printed.
fn open_inputs(files: &[OsString]) -> Result<Vec<Input>, Fatal> {
    if files.is_empty() {
        return Ok(vec![Input::Stdin]);
    }
    files
        .iter()
        .map(|name| {
            if name == "-" {
                return Ok(Input::Stdin);
            }
            let shown = name.to_string_lossy().into_owned();
            let opened = File::open(name).and_then(|file| {
                if file.metadata()?.is_dir() {
                    Err(io::Error::other("is a directory"))
                } else {
                    Ok(file)
                }
            });
            match opened {
                Ok(file) => Ok(Input::File(shown, file)),
                Err(e) => Err(Fatal(format!("cannot open `{shown}`: {e}"))),
            }
        })
        .collect()
}

/// Validates every document of every input, one output line each. A broken
/// pipe on stdout ends the run quietly.
fn validate_all(
    validator: &Validator,
    mode: Mode,
    inputs: Vec<Input>,
    totals: &mut Totals,
) -> Result<(), Fatal> {
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    for input in inputs {
        let (name, result) = match input {
            Input::Stdin => {
                let reader = io::stdin().lock();
                let result = validate_input(validator, mode, reader, &mut out, totals);
                ("stdin".to_owned(), result)
            }
            Input::File(name, file) => {
                let reader = BufReader::with_capacity(1 << 16, file);
                let result = validate_input(validator, mode, reader, &mut out, totals);
                (format!("`{name}`"), result)
            }
        };
        match result {
            Ok(()) => {}
            Err(Failure::Output(e)) => return quiet_if_broken_pipe(e),
            Err(Failure::Input(e)) => {
                out.flush().or_else(quiet_if_broken_pipe)?;
                return Err(Fatal(format!("cannot read {name}: {e}")));
            }
        }
    }
    out.flush().or_else(quiet_if_broken_pipe)
}

/// Why reading one input stopped.
enum Failure {
    /// Reading the input failed.
    Input(io::Error),
    /// Writing to stdout failed.
    Output(io::Error),
}

fn quiet_if_broken_pipe(e: io::Error) -> Result<(), Fatal> {
    if e.kind() == io::ErrorKind::BrokenPipe {
        Ok(())
    } else {
        Err(Fatal(format!("cannot write to stdout: {e}")))
    }
}

fn validate_input(
    validator: &Validator,
    mode: Mode,
    reader: impl BufRead,
    out: &mut impl Write,
    totals: &mut Totals,
) -> Result<(), Failure> {
    let max_bytes = validator.options().get_max_bytes();
    for document in Documents::with_max_bytes(reader, max_bytes) {
        let document = document.map_err(Failure::Input)?;
        let report = match mode.to {
            Some(target) => document.convert(validator, target, mode.envelope),
            None if mode.envelope => document.validate_envelope(validator),
            None => document.validate(validator),
        };
        let has_path = mode.to == Some(Provider::Suprsend);
        let line = Line {
            index: totals.documents,
            line: document.line(),
            valid: report.is_valid(),
            violations: report.violations(),
            changes: report.changes(),
            normalized: report.normalized(),
            provider_error: report.provider_error(),
            converted: mode.to.map(|_| report.converted()),
            converted_path: has_path.then(|| report.converted_path()),
        };
        totals.documents += 1;
        totals.valid += usize::from(line.valid);
        totals.warnings += report.warnings().count();
        serde_json::to_writer(&mut *out, &line).map_err(|e| Failure::Output(e.into()))?;
        out.write_all(b"\n").map_err(Failure::Output)?;
    }
    Ok(())
}

fn print_summary(totals: &Totals, started: Instant) {
    eprintln!(
        "documents: {}, valid: {}, invalid: {}, warnings: {}, elapsed: {:.3}s",
        totals.documents,
        totals.valid,
        totals.documents - totals.valid,
        totals.warnings,
        started.elapsed().as_secs_f64()
    );
}

/// `--list-rules`: the catalog, one JSON line per rule.
fn list_rules() -> Result<ExitCode, Fatal> {
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let written = omnicontact::rules::catalog().iter().try_for_each(|rule| {
        serde_json::to_writer(&mut out, rule)?;
        out.write_all(b"\n")
    });
    written
        .and_then(|()| out.flush())
        .or_else(quiet_if_broken_pipe)?;
    Ok(ExitCode::SUCCESS)
}
