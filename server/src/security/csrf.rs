//! Refusal of cross-site writes (CSRF).
//!
//! Sessions live in `SameSite=Lax` cookies, which browsers already leave out of cross-site
//! POSTs. This check is the second lock, for browsers or set-ups where that is not enough
//! (a sibling subdomain counts as "same site" for cookies): a request that changes state and
//! that the browser says comes from another site is refused before it reaches the app.
//! The rule is the one of Go's `http.CrossOriginProtection`:
//!
//! 1. `GET`, `HEAD` and `OPTIONS` never change anything here, and pass.
//! 2. `Sec-Fetch-Site` (sent by every current browser) decides when present: only
//!    `same-origin` and `none` (typed address, bookmark) pass.
//! 3. Otherwise `Origin`, when present, must name the host the request was sent to.
//! 4. A request with neither header does not come from a browser (scripts, the API's
//!    bearer-token clients, `curl`), and carries no ambient credentials: it passes.

use axum::extract::Request;
use axum::http::header::{CONTENT_TYPE, HOST, ORIGIN};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, Uri};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use app::i18n::{lang_of_request, Key};

/// Whether a request is a write that comes from another site.
pub fn is_cross_site_write(method: &Method, headers: &HeaderMap, uri: &Uri) -> bool {
    if matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS) {
        return false;
    }
    if let Some(site) = headers.get("sec-fetch-site") {
        return !matches!(site.as_bytes(), b"same-origin" | b"none");
    }
    let Some(origin) = headers.get(ORIGIN) else {
        return false;
    };
    let host = headers
        .get(HOST)
        .and_then(|h| h.to_str().ok())
        .or_else(|| uri.authority().map(|a| a.as_str()));
    match (origin.to_str().ok().and_then(origin_host), host) {
        (Some(origin), Some(host)) => !origin.eq_ignore_ascii_case(host),
        // `Origin: null` (sandboxed frames, some redirects) or no host to compare with.
        _ => true,
    }
}

/// `host[:port]` of an `Origin` value (`scheme://host[:port]`).
fn origin_host(origin: &str) -> Option<&str> {
    let (_, rest) = origin.split_once("://")?;
    (!rest.is_empty() && !rest.contains('/')).then_some(rest)
}

/// Refuses cross-site writes with 403 and a sentence in the visitor's language.
pub(crate) async fn refuse_cross_site(request: Request, next: Next) -> Response {
    if !is_cross_site_write(request.method(), request.headers(), request.uri()) {
        return next.run(request).await;
    }
    let message = lang_of_request(request.headers()).t(Key::ErrCrossSite);
    (
        StatusCode::FORBIDDEN,
        [(
            CONTENT_TYPE,
            HeaderValue::from_static("text/plain; charset=utf-8"),
        )],
        message,
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(method: Method, pairs: &[(&str, &str)]) -> bool {
        let mut headers = HeaderMap::new();
        for (name, value) in pairs {
            headers.insert(
                axum::http::HeaderName::from_bytes(name.as_bytes()).unwrap(),
                HeaderValue::from_str(value).unwrap(),
            );
        }
        is_cross_site_write(&method, &headers, &Uri::from_static("/api/save_answer"))
    }

    #[test]
    fn the_browser_says_where_a_request_comes_from() {
        assert!(check(Method::POST, &[("sec-fetch-site", "cross-site")]));
        assert!(check(Method::POST, &[("sec-fetch-site", "same-site")]));
        assert!(!check(Method::POST, &[("sec-fetch-site", "same-origin")]));
        assert!(!check(Method::POST, &[("sec-fetch-site", "none")]));
        // The browser's word wins over a host header a proxy may have rewritten.
        assert!(!check(
            Method::POST,
            &[
                ("sec-fetch-site", "same-origin"),
                ("origin", "https://rumbo.example"),
                ("host", "127.0.0.1:3000")
            ]
        ));
    }

    #[test]
    fn without_fetch_metadata_the_origin_must_match_the_host() {
        let host = ("host", "rumbo.example:8080");
        assert!(!check(
            Method::POST,
            &[("origin", "https://rumbo.example:8080"), host]
        ));
        assert!(!check(
            Method::POST,
            &[("origin", "https://RUMBO.example:8080"), host]
        ));
        assert!(check(
            Method::POST,
            &[("origin", "https://evil.example"), host]
        ));
        assert!(check(
            Method::DELETE,
            &[("origin", "https://rumbo.example"), host]
        ));
        assert!(check(Method::POST, &[("origin", "null"), host]));
        assert!(check(
            Method::POST,
            &[("origin", "https://rumbo.example:8080")]
        ));
    }

    #[test]
    fn reads_and_clients_without_a_browser_pass() {
        assert!(!check(Method::GET, &[("sec-fetch-site", "cross-site")]));
        assert!(!check(Method::HEAD, &[("origin", "https://evil.example")]));
        assert!(!check(Method::POST, &[]));
        assert!(!check(Method::PUT, &[("authorization", "Bearer x")]));
    }
}
