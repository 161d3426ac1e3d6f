//! The open data of published workshops: `GET /open/workshops/{id}/data.json` and
//! `GET /open/workshops/{id}/{table}.csv` (`?lang=es|en`, default: the reader's language).
//!
//! No sign-in: anyone may read a published workshop's anonymised numbers (the same view as
//! its public page, `app::sharing::rules`). An unpublished or unknown workshop, an unknown
//! table, or a bad language is "not found"/"bad request" in the reader's language.

use axum::extract::{Path, Query, State};
use axum::http::header::{CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_TYPE, LINK};
use axum::http::request::Parts;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use serde::Deserialize;

use app::error::AppError;
use app::i18n::{lang_of_request, Lang};
use app::ids::WorkshopId;
use app::sharing::open_data::{csv_bytes, metadata, rows, OpenDocument, OpenTable, SCHEMA};
use app::state::AppState;

/// The open-data routes.
pub(crate) fn routes() -> Router<AppState> {
    Router::new().route("/open/workshops/{id}/{file}", get(file))
}

#[derive(Deserialize)]
struct Options {
    lang: Option<String>,
}

/// What was asked for.
enum Wanted {
    Json,
    Csv(OpenTable),
}

fn wanted(file: &str) -> Option<Wanted> {
    if file == "data.json" {
        return Some(Wanted::Json);
    }
    file.strip_suffix(".csv")
        .and_then(OpenTable::parse)
        .map(Wanted::Csv)
}

async fn file(
    State(state): State<AppState>,
    Path((id, file)): Path<(String, String)>,
    Query(options): Query<Options>,
    parts: Parts,
) -> Response {
    let reader = lang_of_request(&parts.headers);
    let lang = match options.lang.as_deref() {
        None | Some("") => Ok(reader),
        Some(code) => Lang::from_code(code).ok_or(AppError::BadRequest),
    };
    let (Ok(workshop), Some(wanted)) = (id.parse::<WorkshopId>(), wanted(&file)) else {
        return error(AppError::NotFound, reader);
    };
    let lang = match lang {
        Ok(lang) => lang,
        Err(err) => return error(err, reader),
    };
    let page = match app::sharing::public_page(&state.db, workshop, lang).await {
        Ok(page) => page,
        Err(err) => return error(err, reader),
    };
    let meta = metadata(&page, &origin(&parts), lang, app::db::now());
    let links = format!(
        "<{}>; rel=\"license\", <{}/data.json>; rel=\"describedby\"",
        meta.licence.url, meta.source
    );
    let body = match wanted {
        Wanted::Json => serde_json::to_vec_pretty(&OpenDocument {
            schema: SCHEMA,
            metadata: meta,
            data: &page.data,
        })
        .map_err(|e| AppError::internal("open data json", e))
        .map(|bytes| {
            (
                "application/json; charset=utf-8",
                "data.json".to_owned(),
                bytes,
            )
        }),
        Wanted::Csv(table) => csv_bytes(&rows(&page.data, table, lang)).map(|bytes| {
            (
                "text/csv; charset=utf-8",
                format!("{}.csv", table.slug()),
                bytes,
            )
        }),
    };
    match body {
        Ok((kind, name, bytes)) => (
            StatusCode::OK,
            [
                (CONTENT_TYPE, kind.to_owned()),
                (
                    CONTENT_DISPOSITION,
                    format!("inline; filename=\"rumbo-workshop-{workshop}-{name}\""),
                ),
                // Published data changes as answers arrive; caches may keep it briefly.
                (CACHE_CONTROL, "public, max-age=60".to_owned()),
                (LINK, links),
            ],
            bytes,
        )
            .into_response(),
        Err(err) => error(err, reader),
    }
}

fn error(error: AppError, lang: Lang) -> Response {
    (
        StatusCode::from_u16(error.status_code()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR),
        [(CONTENT_TYPE, "text/plain; charset=utf-8")],
        error.message(lang),
    )
        .into_response()
}

/// This site's origin as the request names it, for the metadata's absolute addresses. A
/// `Host` with anything but host-name characters is left out (the addresses stay relative).
fn origin(parts: &Parts) -> String {
    let host = parts
        .headers
        .get("host")
        .and_then(|v| v.to_str().ok())
        .filter(|h| {
            !h.is_empty()
                && h.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b".-:[]".contains(&b))
        });
    let Some(host) = host else {
        return String::new();
    };
    let https = app::participant::session::is_https(parts);
    format!("{}://{host}", if https { "https" } else { "http" })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_are_the_json_or_a_known_table() {
        assert!(matches!(wanted("data.json"), Some(Wanted::Json)));
        assert!(matches!(
            wanted("pillars.csv"),
            Some(Wanted::Csv(OpenTable::Pillars))
        ));
        assert!(wanted("answers.csv").is_none());
        assert!(wanted("pillars").is_none());
        assert!(wanted("../data.json").is_none());
    }
}
