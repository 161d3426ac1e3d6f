//! Request body size limits and timeouts.
//!
//! Every request body is read here, whole, within a size limit and a deadline, before the
//! app sees it; then the app has what is left of the deadline to answer (until the response
//! head: streamed bodies, such as the dashboard's event stream, are not cut). Reading the
//! body here gives one clear 413 for oversized bodies whether or not they announce their
//! length, which Leptos' server functions would otherwise report as an internal error.

use std::time::Duration;

use axum::body::{to_bytes, Body};
use axum::extract::Request;
use axum::http::header::{CONTENT_LENGTH, CONTENT_TYPE, RETRY_AFTER};
use axum::http::{HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use tokio::time::{timeout_at, Instant};

use app::i18n::{lang_of_request, Key, Lang};

/// Server functions and forms: the largest is the framework editor's JSON import (1 MB of
/// JSON, URL-encoded, which can double or triple it).
pub const DEFAULT_BODY_LIMIT: usize = 4 * 1024 * 1024;
/// The JSON API: a framework document with room to spare.
pub const API_BODY_LIMIT: usize = crate::api::BODY_LIMIT;
/// The archive import: a 20 MB archive in its multipart envelope.
pub const ARCHIVE_BODY_LIMIT: usize = crate::archive::BODY_LIMIT;
/// Time for a request, body included, until the response head. The slowest pages (the
/// dashboard of a large workshop, an XLSX export) take well under a second.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);
/// Uploading a 20 MB archive over a slow connection takes minutes.
pub const ARCHIVE_TIMEOUT: Duration = Duration::from_secs(300);

/// The limits for one request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest body, in bytes.
    pub body: usize,
    /// Time until the response head.
    pub time: Duration,
}

/// The limits for a path; `None` for the event stream, which stays open for hours and has
/// no body.
pub fn limits_for(path: &str) -> Option<Limits> {
    if is_event_stream(path) {
        return None;
    }
    Some(if path == app::archive::IMPORT_PATH {
        Limits {
            body: ARCHIVE_BODY_LIMIT,
            time: ARCHIVE_TIMEOUT,
        }
    } else if path.starts_with("/api/v1/") {
        Limits {
            body: API_BODY_LIMIT,
            time: DEFAULT_TIMEOUT,
        }
    } else {
        Limits {
            body: DEFAULT_BODY_LIMIT,
            time: DEFAULT_TIMEOUT,
        }
    })
}

/// `/facilitate/workshops/{id}/events`.
fn is_event_stream(path: &str) -> bool {
    path.strip_prefix("/facilitate/workshops/")
        .and_then(|rest| rest.strip_suffix("/events"))
        .is_some_and(|id| !id.is_empty() && !id.contains('/'))
}

/// Applies [`limits_for`] to a request.
pub(crate) async fn limit(request: Request, next: Next) -> Response {
    let Some(limits) = limits_for(request.uri().path()) else {
        return next.run(request).await;
    };
    let lang = lang_of_request(request.headers());
    let api = request.uri().path().starts_with("/api/v1/");
    let too_large = |lang| {
        if api {
            // The JSON API answers every error as problem details (RFC 9457).
            crate::api::problem::Problem::too_large(lang).into_response()
        } else {
            plain(StatusCode::PAYLOAD_TOO_LARGE, Key::ApiErrTooLarge, lang)
        }
    };
    let announced = request
        .headers()
        .get(CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if announced.is_some_and(|length| length > limits.body as u64) {
        return too_large(lang);
    }
    let deadline = Instant::now() + limits.time;
    let (parts, body) = request.into_parts();
    let bytes = match timeout_at(deadline, to_bytes(body, limits.body)).await {
        Ok(Ok(bytes)) => bytes,
        Ok(Err(error)) if is_length_limit(&error) => return too_large(lang),
        // The client went away or sent a broken body: nobody to answer, or nothing to read.
        Ok(Err(_)) => return plain(StatusCode::BAD_REQUEST, Key::ErrBadRequest, lang),
        Err(_) => return plain(StatusCode::REQUEST_TIMEOUT, Key::ErrRequestTimeout, lang),
    };
    let request = Request::from_parts(parts, Body::from(bytes));
    match timeout_at(deadline, next.run(request)).await {
        Ok(response) => response,
        Err(_) => {
            let mut response = plain(
                StatusCode::SERVICE_UNAVAILABLE,
                Key::ErrRequestTimeout,
                lang,
            );
            response
                .headers_mut()
                .insert(RETRY_AFTER, HeaderValue::from_static("5"));
            response
        }
    }
}

fn is_length_limit(error: &axum::Error) -> bool {
    let mut source: Option<&(dyn std::error::Error + 'static)> = Some(error);
    while let Some(error) = source {
        if error.is::<http_body_util::LengthLimitError>() {
            return true;
        }
        source = error.source();
    }
    false
}

fn plain(status: StatusCode, key: Key, lang: Lang) -> Response {
    (
        status,
        [(
            CONTENT_TYPE,
            HeaderValue::from_static("text/plain; charset=utf-8"),
        )],
        lang.t(key),
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_event_stream_has_no_timeout() {
        assert_eq!(limits_for("/facilitate/workshops/7/events"), None);
        assert!(limits_for("/facilitate/workshops/7/events/x").is_some());
        assert!(limits_for("/facilitate/workshops//events").is_some());
    }

    #[test]
    fn archives_may_be_larger_than_anything_else() {
        let archive = limits_for(app::archive::IMPORT_PATH).unwrap();
        let api = limits_for("/api/v1/workshops/1/answers").unwrap();
        let server_fn = limits_for("/api/save_answer").unwrap();
        assert!(archive.body > server_fn.body && server_fn.body > api.body);
        assert!(archive.body > app::archive::MAX_BYTES);
        assert!(archive.time > server_fn.time);
    }
}
