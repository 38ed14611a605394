//! The `input.*` rules: limits and syntax, the same for every provider.

use super::{RuleInfo, Severity};

rules! {
    INPUT_JSON_FORMAT = "input.json.format", Error,
        "the document is not valid JSON (the message gives line and column)";
    INPUT_BODY_TYPE = "input.body.type", Error,
        "the body is not a JSON object";
    INPUT_BODY_MAX_LENGTH = "input.body.max_length", Error,
        "the document is larger than the limit (default 1 MiB)";
    INPUT_BODY_MAX_DEPTH = "input.body.max_depth", Error,
        "the document nests deeper than the limit (default 32)";
    INPUT_HEADERS_FORMAT = "input.headers.format", Error,
        "a header cannot be sent as given (request envelopes only): its value holds CR, LF, NUL or another control character but tab, or its name is not an RFC 9110 token; spaces around a value are allowed (not part of it), and so is non-ASCII text";
    INPUT_HEADERS_UNIQUE = "input.headers.unique", Error,
        "a header name is given twice, differing only in case (header names ignore case; request envelopes only), reported at the second one";
    INPUT_NUMBER_PRECISION = "input.number.precision", Warning,
        "a number has more digits than a double holds, or is beyond its range (`123456789012345678901234567890`, `18446744073709551616`, `1e-400`): JSON parsers, this crate's and the providers' servers', read it as the nearest double, so it is sent as that value; recorded as a change whose `from` is the number as written, given as a string; send it as a string to keep every digit";
    INPUT_REPORT_TRUNCATED = "input.report.truncated", Warning,
        "a document has more violations, or more changes, of one rule than a report lists (`Options::max_per_rule`, default 100): one such warning per rule, at the first one left out, says how many more there are; the changes left out are made all the same";
}
