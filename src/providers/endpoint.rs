//! Each provider operation's HTTP request as data: method, path template,
//! required headers. No I/O: give these to any HTTP client.

/// An HTTP method used by one of the providers' endpoints.
///
/// ```
/// use omnicontact::providers::Method;
///
/// assert_eq!(Method::Post.as_str(), "POST");
/// assert_eq!(Method::Delete.to_string(), "DELETE");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Method {
    /// `GET`.
    Get,
    /// `POST`.
    Post,
    /// `DELETE`.
    Delete,
}

impl Method {
    /// The method's name as sent on the wire, in capitals.
    ///
    /// ```
    /// assert_eq!(omnicontact::providers::Method::Get.as_str(), "GET");
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Delete => "DELETE",
        }
    }
}

crate::values::display_as!(Method);

/// A header a request must carry: its name and the form of its value, a
/// template whose `{placeholder}` is the credential the caller supplies.
///
/// ```
/// use omnicontact::providers::suprsend;
///
/// let auth = &suprsend::CREATE.required_headers[0];
/// assert_eq!(auth.name, "Authorization");
/// assert_eq!(auth.value_template, "Bearer {api_key}");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Header {
    /// The header name, spelled as the provider's document spells it.
    pub name: &'static str,
    /// The value's form: `{placeholder}` stands for the caller's credential.
    pub value_template: &'static str,
}

impl Header {
    /// A header with a name and a value template.
    ///
    /// ```
    /// let h = omnicontact::providers::Header::new("X-API-KEY", "{api_key}");
    /// assert_eq!(h.name, "X-API-KEY");
    /// ```
    #[must_use]
    pub const fn new(name: &'static str, value_template: &'static str) -> Self {
        Header {
            name,
            value_template,
        }
    }
}

/// One provider operation as an HTTP request: method, path template and the
/// headers it requires (credentials). Operations that have a body send it as
/// JSON (`Content-Type: application/json`), which is not listed.
///
/// Get one with [`Provider::endpoint`](crate::Provider::endpoint) or from
/// the provider's module (`sendios::CREATE`, `raia::SEARCH`, …).
///
/// ```
/// use omnicontact::providers::Method;
/// use omnicontact::{Operation, Provider};
///
/// let e = Provider::Sendios.endpoint(Operation::Create).unwrap();
/// assert_eq!(e.method, Method::Post);
/// assert_eq!(e.path_template, "/v1/omnichannel/user/{project_id}");
/// assert_eq!(e.path(&[("project_id", "42")]).unwrap(), "/v1/omnichannel/user/42");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Endpoint {
    /// The HTTP method.
    pub method: Method,
    /// The scheme and host when the provider's document names them
    /// (`https://api.omnisend.com`); `None` for self-hosted servers
    /// (Rocket.Chat) and where the document does not say.
    pub base_url: Option<&'static str>,
    /// The path, with `{name}` placeholders for path parameters.
    pub path_template: &'static str,
    /// The path parameters, in the order the template names them.
    pub path_params: &'static [&'static str],
    /// The query parameters the operation reads (all optional on the wire).
    pub query_params: &'static [&'static str],
    /// The headers every request must carry.
    pub required_headers: &'static [Header],
}

impl Endpoint {
    /// An endpoint (for `const` tables).
    ///
    /// ```
    /// use omnicontact::providers::{Endpoint, Method};
    /// const E: Endpoint = Endpoint::new(Method::Get, None, "/ping", &[], &[], &[]);
    /// assert_eq!(E.path(&[]).unwrap(), "/ping");
    /// ```
    #[must_use]
    pub const fn new(
        method: Method,
        base_url: Option<&'static str>,
        path_template: &'static str,
        path_params: &'static [&'static str],
        query_params: &'static [&'static str],
        required_headers: &'static [Header],
    ) -> Self {
        Endpoint {
            method,
            base_url,
            path_template,
            path_params,
            query_params,
            required_headers,
        }
    }

    /// Whether requests to this endpoint carry a JSON body.
    ///
    /// ```
    /// use omnicontact::providers::raia;
    /// assert!(raia::CREATE.has_body());
    /// assert!(!raia::DELETE.has_body());
    /// ```
    #[must_use]
    pub const fn has_body(&self) -> bool {
        matches!(self.method, Method::Post)
    }

    /// The path with every `{name}` placeholder replaced by its value from
    /// `params`, percent-encoded as one path segment (every byte outside
    /// `A-Z a-z 0-9 - . _ ~` becomes `%XX`, so `/` and `?` cannot escape
    /// the segment).
    ///
    /// Every path parameter must be given exactly once, not empty, and
    /// nothing else; a value that is only `.` or `..` has its dots encoded.
    /// Values are not checked against the provider's rules (a Sendios
    /// `project_id` is an int32, a raia `id` a UUID): validate a request
    /// envelope with [`Validator`](crate::Validator) for that.
    ///
    /// ```
    /// use omnicontact::providers::{PathError, suprsend};
    ///
    /// assert_eq!(
    ///     suprsend::CREATE.path(&[("distinct_id", " ")]).unwrap_err(),
    ///     PathError::Empty("distinct_id")
    /// );
    ///
    /// assert_eq!(
    ///     suprsend::CREATE.path(&[("distinct_id", "jane@example.com/1")]).unwrap(),
    ///     "/v1/user/jane%40example.com%2F1/"
    /// );
    /// assert_eq!(
    ///     suprsend::CREATE.path(&[]).unwrap_err(),
    ///     PathError::Missing("distinct_id")
    /// );
    /// ```
    pub fn path(&self, params: &[(&str, &str)]) -> Result<String, PathError> {
        for (name, _) in params {
            if !self.path_params.contains(name) {
                return Err(PathError::Unknown((*name).to_owned()));
            }
            if params.iter().filter(|(n, _)| n == name).count() > 1 {
                return Err(PathError::Repeated((*name).to_owned()));
            }
        }
        let mut out = String::with_capacity(self.path_template.len() + 16);
        let mut rest = self.path_template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            let close = after.find('}').unwrap_or(after.len());
            let name = &after[..close];
            let param = self
                .path_params
                .iter()
                .find(|p| **p == name)
                .copied()
                .unwrap_or("");
            let value = params
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| *v)
                .ok_or(PathError::Missing(param))?;
            if crate::values::trim(value).is_empty() {
                return Err(PathError::Empty(param));
            }
            percent_encode_segment(value, &mut out);
            rest = after.get(close + 1..).unwrap_or("");
        }
        out.push_str(rest);
        Ok(out)
    }
}

/// Appends `value` percent-encoded as one path segment (RFC 3986
/// unreserved characters kept).
fn percent_encode_segment(value: &str, out: &mut String) {
    // `.` and `..` would be dot segments (a client resolves them away), so
    // their dots are encoded too.
    if value == "." || value == ".." {
        out.push_str(&value.replace('.', "%2E"));
    } else {
        percent_encode(value, out);
    }
}

/// Appends `value` with every byte outside the RFC 3986 unreserved set
/// (`A-Z a-z 0-9 - . _ ~`) as `%XX`.
pub(crate) fn percent_encode(value: &str, out: &mut String) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for &b in value.as_bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 0xF)]));
        }
    }
}

/// Why [`Endpoint::path`] could not fill a path template.
///
/// ```
/// use omnicontact::providers::{PathError, raia};
///
/// let e = raia::GET.path(&[("uuid", "x")]).unwrap_err();
/// assert_eq!(e, PathError::Unknown("uuid".into()));
/// assert_eq!(e.to_string(), "`uuid` is not a path parameter of this endpoint");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PathError {
    /// A path parameter of the template was not given.
    #[error("path parameter `{0}` is missing")]
    Missing(&'static str),
    /// A name that is not a path parameter of the endpoint.
    #[error("`{0}` is not a path parameter of this endpoint")]
    Unknown(String),
    /// A path parameter given more than once.
    #[error("path parameter `{0}` is given more than once")]
    Repeated(String),
    /// A path parameter that is empty (or only whitespace): the request
    /// would go to another endpoint.
    #[error("path parameter `{0}` is empty")]
    Empty(&'static str),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_and_encodes() {
        const E: Endpoint = Endpoint::new(Method::Get, None, "/a/{x}/b/{y}", &["x", "y"], &[], &[]);
        assert_eq!(
            E.path(&[("y", "é ?"), ("x", "1")]).unwrap(),
            "/a/1/b/%C3%A9%20%3F"
        );
        assert_eq!(E.path(&[("x", "1")]), Err(PathError::Missing("y")));
        assert_eq!(
            E.path(&[("x", " "), ("y", "2")]),
            Err(PathError::Empty("x"))
        );
        assert_eq!(
            E.path(&[("x", ".."), ("y", "a.b")]).unwrap(),
            "/a/%2E%2E/b/a.b"
        );
        assert_eq!(
            E.path(&[("x", "1"), ("x", "2"), ("y", "3")]),
            Err(PathError::Repeated("x".into()))
        );
    }
}
