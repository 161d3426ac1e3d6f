//! What every API handler starts from: who is calling (their bearer token), in which
//! language they read, and the body as the JSON the operation expects.

use axum::body::Bytes;
use axum::extract::{FromRef, FromRequest, FromRequestParts, Request};
use axum::http::header::AUTHORIZATION;
use axum::http::request::Parts;
use serde::de::DeserializeOwned;

use app::facilitator::Staff;
use app::i18n::{lang_of_request, Lang};
use app::state::AppState;

use super::problem::Problem;

/// The facilitator a valid `Authorization: Bearer <token>` belongs to. Missing, malformed,
/// unknown and revoked tokens are all the same 401 problem.
pub(crate) struct Caller {
    /// The token's owner.
    pub staff: Staff,
    /// The language of `Accept-Language` (or the language cookie).
    pub lang: Lang,
}

impl<S> FromRequestParts<S> for Caller
where
    AppState: FromRef<S>,
    S: Send + Sync,
{
    type Rejection = Problem;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let state = AppState::from_ref(state);
        let lang = lang_of_request(&parts.headers);
        let secret = parts
            .headers
            .get(AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(bearer);
        match app::api::token::authenticate(&state.db, secret).await {
            Ok(staff) => Ok(Caller { staff, lang }),
            Err(error) => Err(Problem::from_error(&error, lang)),
        }
    }
}

/// The credentials of a `Bearer` authorization (the scheme is case-insensitive).
fn bearer(header: &str) -> Option<&str> {
    let (scheme, credentials) = header.trim().split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then(|| credentials.trim())
}

/// A JSON body read whole (within the API's body limit) and parsed; its failures are
/// problems: 413 over the limit, 400 unreadable, 422 of the wrong shape.
pub(crate) struct Body<T>(pub T);

impl<S, T> FromRequest<S> for Body<T>
where
    S: Send + Sync,
    T: DeserializeOwned,
{
    type Rejection = Problem;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        let lang = lang_of_request(request.headers());
        let bytes = Raw::from_request(request, state).await?.0;
        serde_json::from_slice(&bytes)
            .map(Body)
            .map_err(|error| Problem::bad_json(&error, lang))
    }
}

/// A body read whole, as bytes; over the limit it is a 413 problem.
pub(crate) struct Raw(pub Bytes);

impl<S> FromRequest<S> for Raw
where
    S: Send + Sync,
{
    type Rejection = Problem;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        let lang = lang_of_request(request.headers());
        match Bytes::from_request(request, state).await {
            Ok(bytes) => Ok(Raw(bytes)),
            Err(rejection) if rejection.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE => {
                Err(Problem::too_large(lang))
            }
            Err(_) => Err(Problem::from_error(&app::error::AppError::BadRequest, lang)),
        }
    }
}

/// An id from the path; anything but a number is "not found", as no such thing exists.
pub(crate) fn id<T: std::str::FromStr>(raw: &str, lang: Lang) -> Result<T, Problem> {
    raw.parse()
        .map_err(|_| Problem::from_error(&app::error::AppError::NotFound, lang))
}

#[cfg(test)]
mod tests {
    use super::bearer;

    #[test]
    fn only_bearer_credentials_are_read() {
        assert_eq!(bearer("Bearer abc"), Some("abc"));
        assert_eq!(bearer("bearer   abc "), Some("abc"));
        assert_eq!(bearer("Basic abc"), None);
        assert_eq!(bearer("Bearer"), None);
    }
}
