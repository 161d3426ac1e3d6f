//! Gives server-function errors their real HTTP status and a readable message.
//!
//! Leptos answers every server-function error with 500. Our errors know better: a malformed
//! body is the caller's mistake (400), a missing workshop is 404, and so on. This middleware
//! reads the error Leptos serialised, sets the status it stands for, and adds a `message` in
//! the caller's language for clients other than our own pages (which ignore it and render
//! the error themselves).

use axum::body::{to_bytes, Body};
use axum::extract::Request;
use axum::http::header::{CONTENT_LENGTH, CONTENT_TYPE};
use axum::http::{HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::Response;
use server_fn::error::{FromServerFnError, SERVER_FN_ERROR_HEADER};

use app::error::AppError;
use app::i18n::lang_of_request;

/// Errors are small; anything larger is not one of ours.
const MAX_ERROR_BODY: usize = 64 * 1024;

pub(crate) async fn fix(request: Request, next: Next) -> Response {
    let lang = lang_of_request(request.headers());
    let response = next.run(request).await;
    if response.status() != StatusCode::INTERNAL_SERVER_ERROR
        || !response.headers().contains_key(SERVER_FN_ERROR_HEADER)
    {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = to_bytes(body, MAX_ERROR_BODY).await else {
        return Response::from_parts(parts, Body::empty());
    };
    let error = AppError::de(bytes);
    if let Ok(status) = StatusCode::from_u16(error.status_code()) {
        parts.status = status;
    }
    let mut json = serde_json::to_value(&error).unwrap_or_default();
    if let Some(object) = json.as_object_mut() {
        object.insert("message".into(), error.message(lang).into());
    }
    let body = json.to_string();
    parts.headers.remove(CONTENT_LENGTH);
    parts
        .headers
        .insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
    Response::from_parts(parts, Body::from(body))
}
