//! The `input.*` rules: limits and syntax, the same for every provider.

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
    INPUT_PATH_UNKNOWN_FIELD = "input.path.unknown_field", Warning,
        "a path parameter the operation does not have (request envelopes only; with `Options::deny_unknown_members` an error): it is not part of the request, so it is not sent";
    INPUT_QUERY_UNKNOWN_FIELD = "input.query.unknown_field", Warning,
        "a query parameter the operation does not have (raia `search`: `emial` for `email`; with `Options::deny_unknown_members` an error): it is not sent, and the search runs without it";
    INPUT_NUMBER_PRECISION = "input.number.precision", Warning,
        "a number is read as a double whose shortest form is another number (`123456789012345678901234567890`, `18446744073709551616`, `1e-400`: more digits than a double keeps, or beyond its range), as JSON parsers read numbers, so it is sent as that double; recorded as a change whose `from` is the number as written, given as a string; send it as a string to keep every digit. Integers within 64 bits are read exactly and not reported";
    INPUT_REPORT_TRUNCATED = "input.report.truncated", Warning,
        "a document has more violations, or more changes, of one rule than a report lists (`Options::max_per_rule`, default 100; and at most 8 MiB of pointers in all): one such warning per rule for its violations and one for its changes, after the rest of the report, in the order the rules were first met, at the first one left out (or the document, for findings of reading not kept), says how many more there are; the changes left out are made all the same";
}
