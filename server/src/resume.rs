//! `/resume/{token}`: a participant's personal link opens a new session on this device.

use axum::extract::{Path, State};
use axum::http::header::{LOCATION, SET_COOKIE};
use axum::http::request::Parts;
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

use app::participant::repo;
use app::participant::session::{
    cookie_header, hash_token, is_https, looks_like_token, SESSION_COOKIE, SESSION_SECONDS,
};
use app::state::AppState;

fn see_other(location: &str) -> Response {
    (StatusCode::SEE_OTHER, [(LOCATION, location.to_owned())]).into_response()
}

pub(crate) async fn resume(
    State(state): State<AppState>,
    Path(token): Path<String>,
    parts: Parts,
) -> Response {
    // Unknown, malformed and expired links all go back to joining, with a message there.
    let failed = || see_other("/join?resume=invalid");
    if !looks_like_token(&token) {
        return failed();
    }
    let opened = async {
        let mut tx = state.db.pool().begin().await?;
        let opened = repo::resume(&mut tx, &hash_token(&token)).await?;
        tx.commit().await?;
        Ok::<_, app::error::AppError>(opened)
    }
    .await;
    let Ok((me, session)) = opened else {
        return failed();
    };
    let secure = is_https(&parts);
    let mut response = see_other(&format!("/workshops/{}/assess", me.workshop));
    if let Ok(cookie) = HeaderValue::from_str(&cookie_header(
        SESSION_COOKIE,
        &session,
        SESSION_SECONDS,
        secure,
    )) {
        response.headers_mut().insert(SET_COOKIE, cookie);
    }
    response
}
