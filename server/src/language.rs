//! `/lang/{code}?next=/path`: remembers the chosen language and goes back to the page.

use axum::extract::{Path, Query};
use axum::http::header::{LOCATION, SET_COOKIE};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use cookie::{Cookie, SameSite};
use serde::Deserialize;

use app::i18n::{Lang, LANG_COOKIE};

#[derive(Deserialize)]
pub(crate) struct Next {
    next: Option<String>,
}

/// Sets the language cookie (a year; Secure over https, like every cookie of ours) and
/// redirects to `next` when it is a path on this site.
pub(crate) async fn switch(
    Path(code): Path<String>,
    Query(query): Query<Next>,
    parts: axum::http::request::Parts,
) -> Response {
    let target = safe_next(query.next.as_deref());
    let Some(lang) = Lang::from_code(&code) else {
        return (StatusCode::SEE_OTHER, [(LOCATION, target)]).into_response();
    };
    let cookie = Cookie::build((LANG_COOKIE, lang.code()))
        .path("/")
        .max_age(cookie::time::Duration::days(365))
        .same_site(SameSite::Lax)
        .http_only(true)
        .secure(app::participant::session::is_https(&parts))
        .build();
    (
        StatusCode::SEE_OTHER,
        [(SET_COOKIE, cookie.to_string()), (LOCATION, target)],
    )
        .into_response()
}

/// Only paths of this site: never `//evil.example` or `https://…`, which would make the
/// switch an open redirect.
fn safe_next(next: Option<&str>) -> String {
    match next {
        Some(path) if path.starts_with('/') && !path.starts_with("//") && !path.contains('\\') => {
            path.to_owned()
        }
        _ => "/".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::safe_next;

    #[test]
    fn only_local_paths_are_followed() {
        assert_eq!(
            safe_next(Some("/workshops/1/results")),
            "/workshops/1/results"
        );
        assert_eq!(safe_next(Some("//evil.example")), "/");
        assert_eq!(safe_next(Some("https://evil.example")), "/");
        assert_eq!(safe_next(Some("/\\evil.example")), "/");
        assert_eq!(safe_next(None), "/");
    }
}
