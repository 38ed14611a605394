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
}
