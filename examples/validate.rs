//! Validates and normalizes batches of contact records from the command line.
//!
//! ```text
//! validate --provider P [--operation OP] [--envelope] [--to P2] [--region CC] [--jobs N]
//!          [--deny RULE] [--warn RULE] [--allow RULE] [--deny-unknown] [--policy FILE] [FILE...]
//! validate --list-rules [--deny RULE] [--warn RULE] [--allow RULE] [--deny-unknown] [--policy FILE]
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
//! summary goes to stderr.
//!
//! # Rule policy
//!
//! `--deny RULE`, `--warn RULE` and `--allow RULE` (each repeatable) set a
//! rule's severity to error, warning or off (`omnicontact::policy`);
//! `RULE` is a rule id (`--list-rules`) or a pattern where `*` stands for
//! any run of characters (`omnisend.tags.*`, `*.lossy`). `--deny-unknown`
//! makes every rule about a member the provider does not define
//! (`*.unknown_field`) an error. `--policy FILE` reads entries from a file,
//! one per line: `deny RULE`, `warn RULE`, `allow RULE` (or `error`,
//! `warning`, `off`), or `deny-unknown-members`; `#` starts a comment.
//! An exact id wins over a pattern, and of the patterns the last given
//! wins: the file's lines in order, then the flags in command-line order.
//! `--deny-unknown` yields to any entry naming the rule.
//!
//! Each violation's `severity` is the one the policy gives, and `valid`,
//! the summary and the exit status follow it: a raised warning makes its
//! document invalid; a document refused only by lowered errors is valid
//! and its `normalized` body printed, though the provider may refuse it.
//! A rule turned off is not reported (its `changes` are still listed).
//! `input.json.format`, `input.body.type`, `input.body.max_length` and
//! `input.body.max_depth` (a document that cannot be read or is not an
//! object) cannot be lowered. An unknown rule id, a pattern that matches
//! no rule, or a bad policy file line is a usage error (exit status 2).
//! `--list-rules` with policy flags prints each rule's `severity` under
//! the policy (`error`, `warning` or `off`), to check a policy file.
//!
//! ```text
//! validate --provider omnisend --deny-unknown --allow omnisend.tags.advice contacts.ndjson
//! validate --provider suprsend --policy strict.policy --warn 'suprsend.*.max_items' users.ndjson
//! ```
//!
//! # Exit status and write errors
//!
//! 0 when every document is valid, 1 when some are not, 2 for a usage
//! error or an I/O error: an input that cannot be opened or read, or
//! standard output that cannot be written (a full disk, `>/dev/full`, a
//! file too large), with a `validate: cannot write to stdout: …` message;
//! 130 or 143 when SIGINT or SIGTERM stopped the run (see below).
//!
//! A closed pipe on standard output (its reader is gone, as in
//! `validate … | head -1`) is not an error: the run stops quietly, with no
//! message, and the exit status (0 or 1) is that of the documents
//! counted in the summary. After any write error the summary counts only
//! the documents whose output line was written whole, never those whose
//! line was not written, or only in part (`validate … | head -1` counts the
//! lines the pipe took; `>/dev/full` counts none). Messages and the summary
//! on standard error are written when they can be: a standard error that
//! cannot be written (closed, `2>/dev/full`) changes neither the run nor
//! its exit status. No write the program makes panics (exit status 101).
//!
//! # Interrupted runs
//!
//! On Unix, SIGINT (Ctrl-C) and SIGTERM stop the run between two output
//! lines. Each line is rendered in memory first and written whole, so the
//! signal waits for the line being written, if any; the lines rendered and
//! not yet written are written, the summary is printed (it counts the
//! lines written, as always) and the exit status is 128 + the signal's
//! number: 130 for SIGINT, 143 for SIGTERM. The output of an interrupted
//! run is thus valid NDJSON ending on a whole line, its `index` counting
//! from 0 without a gap, whatever `--jobs` is, and also when the signal
//! comes while the program waits for more input on an open pipe or
//! terminal. (A reader that has stopped reading the output holds up the
//! line being written, and so the exit; SIGKILL does not wait.) Before the
//! inputs are opened (`--help`, `--list-rules`, a usage error), and on
//! other systems, the signals have their default effect.
//!
//! To resume, run again on the same input and skip the documents whose
//! `index` is at most the last output line's `index`. `index` counts
//! documents, not lines of input (a pretty-printed document spans several
//! lines, blank lines are no documents, a broken line is one), across all
//! the files. Exact for any input and provider (a `sendios` batch
//! compares each document with those before it), at the cost of
//! validating the first part again:
//!
//! ```text
//! validate --provider omnisend big.ndjson >out.ndjson     # stopped: status 130 or 143
//! next=$(tail -n1 out.ndjson | jq '.index + 1')           # empty output: start again
//! validate --provider omnisend big.ndjson | tail -n +$((next + 1)) >>out.ndjson
//! ```
//!
//! With one NDJSON file (each document on a line of its own), the rest
//! of the input starts on the line after the last output line's `line`:
//! `tail -n +$((line + 1)) big.ndjson | validate …` validates only the
//! rest; its `index` then counts from 0 again (add `next`), and its
//! `line` from the first line given (add the last `line`).
//!
//! # Threads and memory
//!
//! `--jobs N` validates on `N` worker threads (default: the number of
//! cores the system reports, `std::thread::available_parallelism`). The
//! input is read and split on the main thread and handed out in chunks of
//! at most 512 documents or 64 KiB (`CHUNK_DOCUMENTS`, `CHUNK_BYTES`; a
//! larger document is a chunk of its own); each worker validates a chunk
//! and renders its output lines, and a writer thread prints the chunks in
//! input order, so the output is byte for byte that of `--jobs 1`.
//!
//! The work in flight is bounded three ways. At most `2 N + 2` chunks
//! exist at once (a free output buffer is needed to start one). The chunks
//! handed out and not yet written hold at most 1 MiB of input
//! (`BUDGET_BYTES`): a chunk waits until it fits, unless no other chunk is
//! out; ordinary records still keep every worker busy (sixteen chunks of
//! 64 KiB). And a chunk with a document of 16 KiB or more (`LARGE_BYTES`)
//! is validated only by the first two workers (`LARGE_WORKERS`):
//! validating a document takes memory that grows with it (many times its
//! size, up to the 1 MiB kept of each, `Options::max_bytes`), and the
//! allocator may keep what a thread freed for that thread's later use, so
//! large documents are never validated on every worker at once, nor leave
//! their memory on every worker. Each document's report is capped
//! (`Options::max_per_rule`, and 8 MiB of pointers), so its output line
//! is too; a buffer that
//! grew beyond 256 KiB (`KEEP_BYTES`) is freed once written instead of
//! being kept for the next chunk. Memory is thus bounded by the input in
//! flight and the output it renders, never by the input's size: with
//! `--jobs 8`, fifty copies of a 200 KB document that reports on each of
//! its 100 000 phone numbers peak at under twice the memory of one copy
//! (`benches/cli.sh` measures it).
//!
//! `--jobs 1` runs everything on the main thread, as one loop, one
//! document at a time (its line goes to a 64 KiB output buffer,
//! `SINK_BYTES`, or straight out if longer). A `sendios` batch is always
//! validated in order on the main thread: `sendios.fields.consistent_type`
//! compares each document with the documents before it. When reading an
//! input fails, every document read before the error is printed first,
//! then the error (exit status 2).
//!
//! ```text
//! cargo run --example validate -- --provider omnisend examples/data/omnisend.ndjson
//! cargo run --example validate -- --provider omnisend --region GB - < contacts.ndjson
//! cargo run --example validate -- --provider rocketchat --to omnisend examples/data/rocketchat.ndjson
//! cargo run --example validate -- --list-rules
//! cargo run --release --example validate -- --provider omnisend --jobs 4 big.ndjson
//! ```

use std::collections::{BTreeMap, VecDeque};
use std::ffi::OsString;
use std::fmt;
use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Write};
use std::num::NonZeroUsize;
use std::panic::{self, AssertUnwindSafe};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, Sender, TryRecvError};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::thread;
use std::time::Instant;

use omnicontact::policy::{Level, Policy};
use omnicontact::stream::{Document, Documents};
use omnicontact::{Change, Operation, Options, PhoneRegion, Provider, Validator, Violation};
use serde::Serialize;
use serde_json::Value;

const USAGE: &str = "\
usage: validate --provider P [--operation OP] [--envelope] [--to P2] [--region CC] [--jobs N]
                [--deny RULE] [--warn RULE] [--allow RULE] [--deny-unknown] [--policy FILE] [FILE...]
       validate --list-rules [policy flags]

Validates and normalizes contact records, one JSON line per document.

options:
  --provider P     sendios, rocketchat, suprsend, raia or omnisend
  --operation OP   create (default), search, get or delete
  --envelope       each document is {\"path\",\"query\",\"headers\",\"body\"}
  --to P2          also convert each valid document to provider P2
  --region CC      default region for national phone numbers (ISO 3166-1, or XK, AC, TA)
  --jobs N         validate on N threads (default: the number of cores);
                   the output is in input order whatever N is; sendios
                   batches are validated in order on one thread
  --deny RULE      report RULE as an error (repeatable); RULE is a rule id
                   or a pattern where * is any text (omnisend.tags.*)
  --warn RULE      report RULE as a warning (repeatable): a document only it
                   refuses is valid and printed, though the provider may refuse it
  --allow RULE     do not report RULE (repeatable); its changes are still listed
  --deny-unknown   report members a provider does not define (*.unknown_field)
                   as errors, unless an entry names the rule
  --policy FILE    read rule entries from FILE, one per line:
                     deny RULE | warn RULE | allow RULE | deny-unknown-members
                   (# starts a comment; error, warning, off also work)
  --list-rules     print the rule catalog, one JSON line per rule; with
                   policy flags, each rule's severity under the policy (or off)
  -h, --help       print this help

Rule policy: an exact id wins over a pattern; of the patterns the last
given wins (the file's lines, then the flags in order). input.json.format,
input.body.type, input.body.max_length and input.body.max_depth cannot be
lowered. An unknown rule is a usage error. Each violation's severity, valid
and the exit status follow the policy.

Files are read in order; stdin when none is given, or for `-`.
Memory stays bounded whatever the input's size.
Exit status: 0 all valid, 1 some invalid, 2 usage or I/O error (stdout
that cannot be written is one; a closed pipe ends the run quietly), 130 or
143 after SIGINT or SIGTERM (the output then ends on a whole line; to
resume, skip the documents up to the last line's `index`).
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
    /// `--list-rules`, with the policy flags given.
    ListRules(Args),
    Validate(Args),
}

/// The flags and files of a validation run, as given.
#[derive(Default)]
struct Args {
    provider: Option<String>,
    operation: Option<String>,
    to: Option<String>,
    region: Option<String>,
    jobs: Option<String>,
    envelope: bool,
    /// `--deny`, `--warn`, `--allow`: the flag, its level and rule, in
    /// command-line order.
    rules: Vec<(&'static str, Level, String)>,
    deny_unknown: bool,
    policy: Option<String>,
    files: Vec<OsString>,
}

/// One input: stdin or an opened file, with the name used in messages.
enum Input {
    Stdin,
    File(String, File),
}

/// The counts printed in the summary: of the documents whose output line
/// was written whole.
#[derive(Default, Clone, Copy)]
struct Totals {
    documents: usize,
    valid: usize,
    warnings: usize,
}

impl Totals {
    /// Counts one document.
    fn count(&mut self, counts: Counts) {
        self.documents += 1;
        self.valid += usize::from(counts.valid);
        self.warnings += counts.warnings;
    }
}

/// One document's part of the summary.
#[derive(Clone, Copy)]
struct Counts {
    valid: bool,
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

/// What to do with each document, and on how many threads.
#[derive(Clone, Copy)]
struct Mode {
    envelope: bool,
    to: Option<Provider>,
    jobs: NonZeroUsize,
}

fn main() -> ExitCode {
    let started = Instant::now();
    match run(started) {
        Ok(code) => code,
        Err(Fatal(message)) => {
            report(&message);
            ExitCode::from(2)
        }
    }
}

fn run(started: Instant) -> Result<ExitCode, Fatal> {
    let args = match parse_args(std::env::args_os().skip(1))? {
        Command::Help => {
            let mut out = stdout();
            out.write_all(USAGE.as_bytes())
                .and_then(|()| out.flush())
                .or_else(quiet_if_broken_pipe)?;
            return Ok(ExitCode::SUCCESS);
        }
        Command::ListRules(args) => return list_rules(&args),
        Command::Validate(args) => args,
    };
    let (validator, mode) = configure(&args)?;
    let inputs = open_inputs(&args.files)?;
    let output = Arc::new(Output::new(stdout()));
    stop_on_signals(&output, started)?;
    // The run is one batch: Sendios' batch rule compares each document
    // with those before it, so its documents are validated in input order.
    let result = if mode.jobs.get() == 1 || validator.provider() == Provider::Sendios {
        validate_all(&validator.batch(), mode, inputs, &output)
    } else {
        validate_parallel(&validator, mode, inputs, &output)
    };
    // The run is over: standard output stays locked until the process
    // exits, so that a signal from now on changes nothing (and if one came
    // first, this waits for the exit it makes).
    let sink = output.lock();
    let totals = sink.written;
    std::mem::forget(sink);
    if let Err(Fatal(message)) = &result {
        report(message);
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
            "--list-rules" | "--envelope" | "--deny-unknown" => {
                if inline.is_some() {
                    return Err(usage(&format!("{flag} takes no value")));
                }
                match flag {
                    "--envelope" => args.envelope = true,
                    "--deny-unknown" => args.deny_unknown = true,
                    _ => list_rules = true,
                }
                continue;
            }
            "--deny" | "--warn" | "--allow" => {
                let (flag, level) = match flag {
                    "--deny" => ("--deny", Level::Error),
                    "--warn" => ("--warn", Level::Warning),
                    _ => ("--allow", Level::Off),
                };
                let rule = match inline {
                    Some(value) => value,
                    None => raw
                        .next()
                        .and_then(|v| v.into_string().ok())
                        .ok_or_else(|| usage(&format!("{flag} needs a value")))?,
                };
                args.rules.push((flag, level, rule));
                continue;
            }
            "--provider" => &mut args.provider,
            "--operation" => &mut args.operation,
            "--to" => &mut args.to,
            "--region" => &mut args.region,
            "--jobs" => &mut args.jobs,
            "--policy" => &mut args.policy,
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
        Command::ListRules(args)
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
        let code = PhoneRegion::parse(region).map_err(|e| Fatal(format!("--region: {e}")))?;
        if cfg!(feature = "phone") && !code.has_numbering_plan() {
            return Err(Fatal(format!(
                "--region: libphonenumber has no numbering plan for `{code}`: no national number can be read there"
            )));
        }
        options = options.default_region(code);
    }
    options = options.policy(policy(args)?);
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
    let jobs = match &args.jobs {
        Some(n) => n.parse::<NonZeroUsize>().map_err(|_| {
            usage(&format!(
                "--jobs: expected a number of threads of at least 1, found `{n}`"
            ))
        })?,
        None => thread::available_parallelism().unwrap_or(NonZeroUsize::MIN),
    };
    let validator = Validator::for_operation(provider, operation)?.with_options(options);
    Ok((
        validator,
        Mode {
            envelope: args.envelope,
            to,
            jobs,
        },
    ))
}

/// The rule policy of `--policy`, then `--deny` / `--warn` / `--allow` in
/// order, then `--deny-unknown`. An entry naming no rule is a usage error.
fn policy(args: &Args) -> Result<Policy, Fatal> {
    let mut policy = match &args.policy {
        Some(file) => {
            let text = std::fs::read_to_string(file)
                .map_err(|e| Fatal(format!("cannot read `{file}`: {e}")))?;
            Policy::parse(&text).map_err(|e| usage(&format!("--policy `{file}`: {e}")))?
        }
        None => Policy::new(),
    };
    for (flag, level, rule) in &args.rules {
        policy = policy
            .set(rule, *level)
            .map_err(|e| usage(&format!("{flag}: {e}")))?;
    }
    if args.deny_unknown {
        policy = policy.deny_unknown_members(true);
    }
    Ok(policy)
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

/// Validates every document of every input on this thread, one output line
/// each (`--jobs 1`). A broken pipe on stdout ends the run quietly.
fn validate_all(
    validator: &Validator,
    mode: Mode,
    inputs: Vec<Input>,
    output: &Output,
) -> Result<(), Fatal> {
    let mut line = Vec::new();
    let mut next_index = 0;
    for input in inputs {
        let mut one =
            |reader| validate_input(validator, mode, reader, output, &mut line, &mut next_index);
        let (name, result) = match input {
            Input::Stdin => ("stdin".to_owned(), one(Box::new(io::stdin().lock()))),
            Input::File(name, file) => {
                let reader = BufReader::with_capacity(1 << 16, file);
                (format!("`{name}`"), one(Box::new(reader)))
            }
        };
        match result {
            Ok(()) => {}
            Err(Failure::Output(e)) => return quiet_if_broken_pipe(e),
            Err(Failure::Input(e)) => {
                output.lock().flush().or_else(quiet_if_broken_pipe)?;
                return Err(Fatal(format!("cannot read {name}: {e}")));
            }
        }
    }
    output.lock().flush().or_else(quiet_if_broken_pipe)
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

/// Validates the documents of one input, rendering each output line into
/// `line` and handing it whole to `output`.
fn validate_input(
    validator: &Validator,
    mode: Mode,
    reader: Box<dyn BufRead + '_>,
    output: &Output,
    line: &mut Vec<u8>,
    next_index: &mut usize,
) -> Result<(), Failure> {
    let max_bytes = validator.options().get_max_bytes();
    for document in Documents::with_max_bytes(reader, max_bytes) {
        let document = document.map_err(Failure::Input)?;
        let counts =
            validate_one(validator, mode, *next_index, &document, line).map_err(Failure::Output)?;
        let written = output.lock().line(line, counts);
        recycle(line);
        written.map_err(Failure::Output)?;
        *next_index += 1;
    }
    Ok(())
}

/// Empties a buffer for its next use; one that grew beyond [`KEEP_BYTES`]
/// (a document with a very long output line) is given back to the
/// allocator instead of being kept at that size.
fn recycle<T>(buffer: &mut Vec<T>) {
    buffer.clear();
    if buffer.capacity() * size_of::<T>() > KEEP_BYTES {
        *buffer = Vec::new();
    }
}

/// Standard output, unbuffered. On Unix, a duplicate of its descriptor: a
/// write then reports exactly the bytes that reached the file or pipe,
/// where the standard library's `Stdout` keeps the tail of a partly
/// written line in a buffer of its own and reports it written.
fn stdout() -> Box<dyn Write + Send> {
    #[cfg(unix)]
    {
        use std::os::fd::AsFd;
        if let Ok(fd) = io::stdout().as_fd().try_clone_to_owned() {
            return Box::new(File::from(fd));
        }
    }
    Box::new(io::stdout())
}

/// A writer that counts the bytes its inner writer took.
struct Counted {
    inner: Box<dyn Write + Send>,
    written: u64,
}

impl Counted {
    fn new(inner: Box<dyn Write + Send>) -> Self {
        Counted { inner, written: 0 }
    }
}

impl Write for Counted {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.written += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// The output buffer: lines shorter than this are gathered and written
/// together, a longer one is written on its own.
const SINK_BYTES: usize = 64 << 10;

/// A buffer whose capacity grew beyond this many bytes is given back to the
/// allocator after use rather than kept for the next lines.
const KEEP_BYTES: usize = 256 << 10;

/// Standard output, shared by the thread that prints the lines and the
/// thread that waits for a signal: whole lines only, buffered, and the
/// counts of the documents whose line was written whole.
struct Output {
    /// Set by the signal thread before it takes the sink for good.
    stopping: AtomicBool,
    sink: Mutex<Sink>,
}

impl Output {
    fn new(stdout: Box<dyn Write + Send>) -> Self {
        Output {
            stopping: AtomicBool::new(false),
            sink: Mutex::new(Sink {
                out: Counted::new(stdout),
                buffer: Vec::with_capacity(SINK_BYTES),
                pending: VecDeque::new(),
                written: Totals::default(),
                failed: false,
            }),
        }
    }

    /// The sink, to give it lines. Once a signal is stopping the run this
    /// never returns: the signal thread writes what the sink holds and
    /// ends the process, and nothing may be written after that.
    fn lock(&self) -> MutexGuard<'_, Sink> {
        if self.stopping.load(Ordering::SeqCst) {
            loop {
                thread::park();
            }
        }
        self.sink.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// Standard output's writer, with the lines given to it and not yet
/// written, and the counts of those written whole.
struct Sink {
    out: Counted,
    /// Whole lines, not yet written.
    buffer: Vec<u8>,
    /// The lines given and not yet written whole: where each ends (an
    /// offset in the output) and its document's counts.
    pending: VecDeque<(u64, Counts)>,
    written: Totals,
    /// A write failed: nothing more is written (what was not written is
    /// dropped, not written again).
    failed: bool,
}

impl Sink {
    /// Takes one whole output line (ending in `\n`) and its document's
    /// counts, to write now or with the next lines. Only a failed write
    /// leaves a line written in part.
    fn line(&mut self, line: &[u8], counts: Counts) -> io::Result<()> {
        if self.failed {
            return Ok(());
        }
        if self.buffer.len() + line.len() > SINK_BYTES {
            self.flush()?;
        }
        let end = self.out.written + (self.buffer.len() + line.len()) as u64;
        self.pending.push_back((end, counts));
        if line.len() > SINK_BYTES {
            // Not copied: the buffer is empty.
            let result = self.out.write_all(line);
            self.settle(result)
        } else {
            self.buffer.extend_from_slice(line);
            Ok(())
        }
    }

    /// Writes the lines the buffer holds.
    fn flush(&mut self) -> io::Result<()> {
        if self.failed {
            return Ok(());
        }
        let result = self
            .out
            .write_all(&self.buffer)
            .and_then(|()| self.out.flush());
        self.buffer.clear();
        self.settle(result)
    }

    /// Counts the lines written whole so far; after a failed write, drops
    /// the others.
    fn settle(&mut self, result: io::Result<()>) -> io::Result<()> {
        while let Some(&(end, counts)) = self.pending.front() {
            if end > self.out.written {
                break;
            }
            self.written.count(counts);
            self.pending.pop_front();
        }
        if result.is_err() {
            self.failed = true;
            self.buffer.clear();
            self.pending.clear();
        }
        result
    }
}

/// On SIGINT or SIGTERM: waits until no line is being written, writes the
/// whole lines buffered, prints the summary and exits with status 128 +
/// the signal's number (130, 143). The handlers are set before anything is
/// printed; failing to set them is an error (status 2), not a run that a
/// signal would cut in the middle of a line.
#[cfg(unix)]
fn stop_on_signals(output: &Arc<Output>, started: Instant) -> Result<(), Fatal> {
    use signal_hook::consts::{SIGINT, SIGTERM};
    use signal_hook::iterator::Signals;

    let mut signals = Signals::new([SIGINT, SIGTERM])
        .map_err(|e| Fatal(format!("cannot handle signals: {e}")))?;
    let output = Arc::clone(output);
    let watch = move || {
        let Some(signal) = signals.forever().next() else {
            return;
        };
        output.stopping.store(true, Ordering::SeqCst);
        // Held until the exit: no other thread writes after this.
        let mut sink = output.sink.lock().unwrap_or_else(PoisonError::into_inner);
        // A failure leaves the lines written whole counted, as always.
        let _ = sink.flush();
        print_summary(&sink.written, started);
        std::process::exit(128 + signal);
    };
    thread::Builder::new()
        .name("signals".to_owned())
        .spawn(watch)
        .map_err(|e| Fatal(format!("cannot start a thread: {e}")))?;
    Ok(())
}

/// Elsewhere a signal has its default effect.
#[cfg(not(unix))]
fn stop_on_signals(_: &Arc<Output>, _: Instant) -> Result<(), Fatal> {
    Ok(())
}

/// Validates one document and renders its output line; returns its counts.
fn validate_one(
    validator: &Validator,
    mode: Mode,
    index: usize,
    document: &Document,
    out: &mut Vec<u8>,
) -> io::Result<Counts> {
    let report = match mode.to {
        Some(target) => document.convert(validator, target, mode.envelope),
        None if mode.envelope => document.validate_envelope(validator),
        None => document.validate(validator),
    };
    let has_path = mode.to == Some(Provider::Suprsend);
    let line = Line {
        index,
        line: document.line(),
        valid: report.is_valid(),
        violations: report.violations(),
        changes: report.changes(),
        normalized: report.normalized(),
        provider_error: report.provider_error(),
        converted: mode.to.map(|_| report.converted()),
        converted_path: has_path.then(|| report.converted_path()),
    };
    let counts = Counts {
        valid: line.valid,
        warnings: report.warnings().count(),
    };
    serde_json::to_writer(&mut *out, &line)?;
    out.push(b'\n');
    Ok(counts)
}

// ------------------------------------------------------------ --jobs N > 1

/// A chunk holds at most this many documents…
const CHUNK_DOCUMENTS: usize = 512;
/// …and at most this many bytes of documents (but at least one document).
const CHUNK_BYTES: usize = 64 << 10;
/// The input bytes handed out to the workers and not yet written: a chunk
/// waits until it fits in this budget, unless no other chunk is out.
const BUDGET_BYTES: usize = 1 << 20;
/// A chunk with a document of at least this many bytes is *large*: only
/// the first [`LARGE_WORKERS`] workers validate it.
const LARGE_BYTES: usize = 16 << 10;
/// How many workers validate large chunks. Validating a document takes
/// memory in proportion to its size (many times its size), and the
/// allocator may keep what a thread freed for that thread's next
/// allocations (glibc's per-thread arenas): confined to a few threads,
/// large documents leave that memory on those threads only, not on every
/// worker, and no more than this many are validated at once.
const LARGE_WORKERS: usize = 2;

/// How many chunks may exist at once, read or being read, validated or
/// waiting to be printed: enough to keep every worker busy while the
/// reader fills the next chunk and the writer prints an earlier one.
fn chunks_in_flight(workers: usize) -> usize {
    2 * workers + 2
}

/// Documents to validate, with the buffer to render their output into.
struct Chunk {
    /// The chunk's place in the input: 0, 1, 2, …
    seq: usize,
    /// The batch index of its first document.
    first_index: usize,
    /// The bytes of its documents, counted in the budget until written.
    bytes: usize,
    /// Whether it has a document of [`LARGE_BYTES`] or more.
    large: bool,
    documents: Vec<Document>,
    out: Lines,
}

/// The chunks handed out and not yet taken by a worker.
#[derive(Default)]
struct Queue {
    state: Mutex<Queued>,
    /// Signalled when a chunk comes or the queue closes.
    changed: Condvar,
}

#[derive(Default)]
struct Queued {
    chunks: VecDeque<Chunk>,
    /// No more chunks will come.
    closed: bool,
}

impl Queue {
    fn lock(&self) -> MutexGuard<'_, Queued> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn push(&self, chunk: Chunk) {
        self.lock().chunks.push_back(chunk);
        self.changed.notify_all();
    }

    fn close(&self) {
        self.lock().closed = true;
        self.changed.notify_all();
    }

    /// The first chunk a worker may take (a large one only if `large`),
    /// once there is one; `None` when the queue is closed and holds none
    /// for it.
    fn take(&self, large: bool) -> Option<Chunk> {
        let mut queued = self.lock();
        loop {
            if let Some(i) = queued.chunks.iter().position(|c| large || !c.large) {
                return queued.chunks.remove(i);
            }
            if queued.closed {
                return None;
            }
            queued = self
                .changed
                .wait(queued)
                .unwrap_or_else(PoisonError::into_inner);
        }
    }
}

/// A chunk's output lines, with where each ends in `bytes` and its
/// document's counts.
#[derive(Default)]
struct Lines {
    bytes: Vec<u8>,
    ends: Vec<(usize, Counts)>,
}

/// A validated chunk: its output lines, or the panic that stopped its
/// worker.
struct Rendered {
    seq: usize,
    bytes: usize,
    result: thread::Result<Lines>,
}

/// A written chunk: its output buffer, free again, and its input bytes,
/// out of the budget now.
struct Written {
    lines: Lines,
    bytes: usize,
}

/// Why the writer stopped before the end.
enum WriteStop {
    Output(io::Error),
    /// A worker panicked: the payload, raised again on the main thread.
    Panic(Box<dyn std::any::Any + Send>),
}

/// Why the reader stopped before the end.
enum ReadStop {
    Input(io::Error),
    /// The writer stopped (and says why).
    Writer,
}

/// Validates every input on `mode.jobs` worker threads and prints the
/// output in input order (see the module documentation): the same output,
/// counts and messages as [`validate_all`].
fn validate_parallel(
    validator: &Validator,
    mode: Mode,
    inputs: Vec<Input>,
    output: &Output,
) -> Result<(), Fatal> {
    let queue = Queue::default();
    let (rendered_tx, rendered_rx) = mpsc::channel::<Rendered>();
    let (written_tx, written_rx) = mpsc::channel::<Written>();
    let (read, written) = thread::scope(|scope| {
        let mut workers = 0;
        for i in 0..mode.jobs.get() {
            let rendered_tx = rendered_tx.clone();
            let queue = &queue;
            let large = i < LARGE_WORKERS;
            let spawned = thread::Builder::new().spawn_scoped(scope, move || {
                render_chunks(validator, mode, queue, large, &rendered_tx);
            });
            match spawned {
                Ok(_) => workers += 1,
                // Fewer workers give the same output (the first one
                // validates large chunks).
                Err(_) if workers > 0 => break,
                Err(e) => return (Err(Fatal(format!("cannot start a thread: {e}"))), None),
            }
        }
        drop(rendered_tx);
        let writer = scope.spawn(move || write_in_order(&rendered_rx, &written_tx, output));
        let mut reader = Reader {
            queue: &queue,
            written_rx,
            free: (0..chunks_in_flight(workers))
                .map(|_| Lines::default())
                .collect(),
            in_flight: 0,
            documents: Vec::new(),
            bytes: 0,
            large: false,
            seq: 0,
            next_index: 0,
        };
        let read = read_inputs(validator, inputs, &mut reader);
        // No more chunks (the queue closes): the workers finish theirs, then
        // the writer.
        drop(reader);
        let written = writer.join().unwrap_or_else(|p| panic::resume_unwind(p));
        (read, Some(written))
    });
    match written {
        None | Some(Ok(())) => {}
        // As in `validate_all`: a write error other than a closed pipe
        // wins over a read error.
        Some(Err(WriteStop::Output(e))) => quiet_if_broken_pipe(e)?,
        Some(Err(WriteStop::Panic(payload))) => panic::resume_unwind(payload),
    }
    read
}

/// Reads and splits the inputs into chunks for the workers. An input error
/// ends the reading once the documents before it are handed out.
fn read_inputs(
    validator: &Validator,
    inputs: Vec<Input>,
    reader: &mut Reader,
) -> Result<(), Fatal> {
    let max_bytes = validator.options().get_max_bytes();
    for input in inputs {
        let (name, result) = match input {
            Input::Stdin => {
                let documents = Documents::with_max_bytes(io::stdin().lock(), max_bytes);
                ("stdin".to_owned(), reader.read(documents))
            }
            Input::File(name, file) => {
                let file = BufReader::with_capacity(1 << 16, file);
                let documents = Documents::with_max_bytes(file, max_bytes);
                (format!("`{name}`"), reader.read(documents))
            }
        };
        match result {
            Ok(()) => {}
            Err(ReadStop::Writer) => return Ok(()),
            Err(ReadStop::Input(e)) => {
                // If the writer stopped too, it says so first.
                let _ = reader.send();
                return Err(Fatal(format!("cannot read {name}: {e}")));
            }
        }
    }
    let _ = reader.send();
    Ok(())
}

/// The main thread's side: fills chunks and hands them out. Dropped, it
/// closes the queue.
struct Reader<'q> {
    queue: &'q Queue,
    /// The chunks the writer is done with.
    written_rx: Receiver<Written>,
    /// Output buffers at hand: a chunk is handed out with one, so there
    /// are never more than `chunks_in_flight`.
    free: Vec<Lines>,
    /// The input bytes of the chunks handed out and not yet written.
    in_flight: usize,
    documents: Vec<Document>,
    bytes: usize,
    /// Whether `documents` has a large one.
    large: bool,
    seq: usize,
    next_index: usize,
}

impl Drop for Reader<'_> {
    fn drop(&mut self) {
        self.queue.close();
    }
}

impl Reader<'_> {
    /// Reads one input into chunks.
    fn read(&mut self, documents: Documents<impl BufRead>) -> Result<(), ReadStop> {
        for document in documents {
            let document = document.map_err(ReadStop::Input)?;
            self.bytes += document.bytes().len();
            self.large |= document.bytes().len() >= LARGE_BYTES;
            self.documents.push(document);
            if self.documents.len() >= CHUNK_DOCUMENTS || self.bytes >= CHUNK_BYTES {
                self.send()?;
            }
        }
        Ok(())
    }

    /// Hands out the documents read so far, if any, once an output buffer
    /// is free and they fit in the budget ([`BUDGET_BYTES`]).
    fn send(&mut self) -> Result<(), ReadStop> {
        if self.documents.is_empty() {
            return Ok(());
        }
        let out = loop {
            let fits = self.in_flight == 0 || self.in_flight + self.bytes <= BUDGET_BYTES;
            if fits && let Some(out) = self.free.pop() {
                break out;
            }
            let written = self.written_rx.recv().map_err(|_| ReadStop::Writer)?;
            self.in_flight -= written.bytes;
            self.free.push(written.lines);
        };
        let chunk = Chunk {
            seq: self.seq,
            first_index: self.next_index,
            bytes: self.bytes,
            large: self.large,
            documents: std::mem::take(&mut self.documents),
            out,
        };
        self.seq += 1;
        self.next_index += chunk.documents.len();
        self.in_flight += self.bytes;
        self.bytes = 0;
        self.large = false;
        self.queue.push(chunk);
        Ok(())
    }
}

/// A worker: validates chunks (large ones too if `large`) and renders
/// their output lines until there are no more chunks or the writer
/// stopped.
fn render_chunks(
    validator: &Validator,
    mode: Mode,
    queue: &Queue,
    large: bool,
    rendered: &Sender<Rendered>,
) {
    while let Some(chunk) = queue.take(large) {
        let (seq, bytes) = (chunk.seq, chunk.bytes);
        let result = panic::catch_unwind(AssertUnwindSafe(|| render(validator, mode, chunk)));
        let panicked = result.is_err();
        if rendered.send(Rendered { seq, bytes, result }).is_err() || panicked {
            return;
        }
    }
}

/// One chunk's output lines.
fn render(validator: &Validator, mode: Mode, chunk: Chunk) -> Lines {
    let mut out = chunk.out;
    for (i, document) in chunk.documents.iter().enumerate() {
        let index = chunk.first_index + i;
        let counts = validate_one(validator, mode, index, document, &mut out.bytes)
            .expect("writing to a Vec cannot fail");
        out.ends.push((out.bytes.len(), counts));
    }
    out
}

/// The writer: hands rendered chunks to `output` in input order, flushes it
/// whenever no chunk is ready, and gives their buffers back to the reader.
fn write_in_order(
    rendered: &Receiver<Rendered>,
    written: &Sender<Written>,
    output: &Output,
) -> Result<(), WriteStop> {
    // Chunks that came before their turn.
    let mut early = BTreeMap::new();
    let mut next = 0;
    loop {
        let chunk = match rendered.try_recv() {
            Ok(chunk) => chunk,
            Err(TryRecvError::Empty) => {
                // Nothing to write until a worker is done: the lines
                // buffered go out now.
                output.lock().flush().map_err(WriteStop::Output)?;
                match rendered.recv() {
                    Ok(chunk) => chunk,
                    Err(_) => break,
                }
            }
            Err(TryRecvError::Disconnected) => break,
        };
        early.insert(chunk.seq, (chunk.bytes, chunk.result));
        while let Some((bytes, result)) = early.remove(&next) {
            let mut lines = result.map_err(WriteStop::Panic)?;
            {
                let mut sink = output.lock();
                let mut start = 0;
                for &(end, counts) in &lines.ends {
                    sink.line(&lines.bytes[start..end], counts)
                        .map_err(WriteStop::Output)?;
                    start = end;
                }
            }
            next += 1;
            recycle(&mut lines.bytes);
            recycle(&mut lines.ends);
            // The reader may be done already.
            let _ = written.send(Written { lines, bytes });
        }
    }
    output.lock().flush().map_err(WriteStop::Output)
}

/// Prints the summary line on stderr, if it can be written.
fn print_summary(totals: &Totals, started: Instant) {
    write_stderr(&format!(
        "documents: {}, valid: {}, invalid: {}, warnings: {}, elapsed: {:.3}s\n",
        totals.documents,
        totals.valid,
        totals.documents - totals.valid,
        totals.warnings,
        started.elapsed().as_secs_f64()
    ));
}

/// Prints an error message on stderr, if it can be written.
fn report(message: &str) {
    write_stderr(&format!("validate: {message}\n"));
}

/// Writes `text` to stderr in one piece. A stderr that cannot be written
/// (closed, full) is ignored: there is nowhere left to say so, and the exit
/// status already tells how the run went.
fn write_stderr(text: &str) {
    let _ = io::stderr().lock().write_all(text.as_bytes());
}

/// `--list-rules`: the catalog, one JSON line per rule.
/// With policy flags, each rule's `severity` is the level the policy
/// gives it (`error`, `warning` or `off`).
fn list_rules(args: &Args) -> Result<ExitCode, Fatal> {
    /// One line: the catalog entry, at the policy's level.
    #[derive(Serialize)]
    struct Rule<'a> {
        id: &'a str,
        severity: &'a str,
        provider: &'a str,
        summary: &'a str,
    }
    let policy = policy(args)?;
    let mut out = BufWriter::new(stdout());
    let written = omnicontact::rules::catalog().iter().try_for_each(|rule| {
        let line = Rule {
            id: rule.id(),
            severity: policy.level(rule).as_str(),
            provider: rule.provider(),
            summary: rule.summary(),
        };
        serde_json::to_writer(&mut out, &line)?;
        out.write_all(b"\n")
    });
    written
        .and_then(|()| out.flush())
        .or_else(quiet_if_broken_pipe)?;
    Ok(ExitCode::SUCCESS)
}
