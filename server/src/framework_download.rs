//! `GET /facilitate/workshops/{id}/framework.json`: a workshop's framework as a file.
//!
//! The same export as the `export_framework` server function, with the same access check
//! (the facilitator's session cookie, owner or co-facilitator), sent as a download.

use axum::extract::{Path, State};
use axum::http::header::{CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::http::request::Parts;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use app::framework::export_for_request;
use app::i18n::lang_of_request;
use app::ids::WorkshopId;
use app::state::AppState;

pub(crate) async fn download(
    State(state): State<AppState>,
    Path(id): Path<String>,
    parts: Parts,
) -> Response {
    let lang = lang_of_request(&parts.headers);
    let Ok(workshop) = id.parse::<WorkshopId>() else {
        return (StatusCode::NOT_FOUND, "").into_response();
    };
    let exported = export_for_request(&state.db, parts, workshop).await;
    let body = exported.and_then(|doc| {
        serde_json::to_string_pretty(&doc)
            .map_err(|err| app::error::AppError::internal("framework export", err))
    });
    match body {
        Ok(json) => (
            StatusCode::OK,
            [
                (CONTENT_TYPE, "application/json; charset=utf-8".to_owned()),
                (
                    CONTENT_DISPOSITION,
                    format!("attachment; filename=\"rumbo-framework-workshop-{workshop}.json\""),
                ),
                (CACHE_CONTROL, "no-store".to_owned()),
            ],
            json + "\n",
        )
            .into_response(),
        Err(error) => (
            StatusCode::from_u16(error.status_code()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR),
            [(CONTENT_TYPE, "text/plain; charset=utf-8".to_owned())],
            error.message(lang),
        )
            .into_response(),
    }
}
