//! File downloads of the exports: CSV, XLSX, JSON and Markdown, per workshop and per team.
//!
//! - `GET /facilitate/workshops/{id}/export.{csv,xlsx,json,md}?team=&lang=&table=`: a
//!   facilitator of the workshop (session cookie), the whole workshop or one team;
//! - `GET /workshops/{id}/export.{csv,xlsx,json,md}?lang=&table=`: a participant, their own
//!   team.
//!
//! Access and contents are decided in `app::export`; this module only reads the URL and
//! answers with the file, or with the error's status and a sentence in the reader's
//! language (as `framework_download` does).

use std::collections::HashMap;

use axum::extract::{Path, Query, State};
use axum::http::header::{CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::http::request::Parts;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;

use app::error::AppError;
use app::export::{download_for_request, parse_request, Format, Reader};
use app::i18n::lang_of_request;
use app::ids::WorkshopId;
use app::state::AppState;

/// The export routes.
pub(crate) fn routes() -> Router<AppState> {
    let mut router = Router::new();
    for format in Format::ALL {
        let ext = format.extension();
        router = router
            .route(
                &format!("/facilitate/workshops/{{id}}/export.{ext}"),
                get(move |state, path, query, parts| {
                    download(state, path, query, parts, format, Reader::Staff)
                }),
            )
            .route(
                &format!("/workshops/{{id}}/export.{ext}"),
                get(move |state, path, query, parts| {
                    download(state, path, query, parts, format, Reader::Participant)
                }),
            );
    }
    router
}

async fn download(
    State(state): State<AppState>,
    Path(id): Path<String>,
    Query(query): Query<HashMap<String, String>>,
    parts: Parts,
    format: Format,
    reader: Reader,
) -> Response {
    let lang = lang_of_request(&parts.headers);
    let Ok(workshop) = id.parse::<WorkshopId>() else {
        return failure(&AppError::NotFound, lang);
    };
    let value = |name: &str| query.get(name).map(String::as_str);
    let request = match parse_request(
        format.extension(),
        value("team"),
        value("lang"),
        value("table"),
    ) {
        Ok(request) => request,
        Err(error) => return failure(&error, lang),
    };
    match download_for_request(&state.db, parts, workshop, reader, request).await {
        Ok(file) => (
            StatusCode::OK,
            [
                (CONTENT_TYPE, file.content_type.to_owned()),
                (
                    CONTENT_DISPOSITION,
                    format!("attachment; filename=\"{}\"", file.filename),
                ),
                // Exports hold answers: never kept by a shared cache.
                (CACHE_CONTROL, "private, no-store".to_owned()),
            ],
            file.bytes,
        )
            .into_response(),
        Err(error) => failure(&error, lang),
    }
}

fn failure(error: &AppError, lang: app::i18n::Lang) -> Response {
    (
        StatusCode::from_u16(error.status_code()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR),
        [
            (CONTENT_TYPE, "text/plain; charset=utf-8".to_owned()),
            (CACHE_CONTROL, "no-store".to_owned()),
        ],
        error.message(lang),
    )
        .into_response()
}
