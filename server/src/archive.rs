//! A workshop's archive as a download, and importing one.
//!
//! - `GET /facilitate/workshops/{id}/archive.json[?gzip=1]`: the owner's or a
//!   co-facilitator's download (session cookie), JSON or gzip-compressed JSON.
//! - `POST /facilitate/archives`: a signed-in facilitator imports a file as a new workshop.
//!   From the import form (`multipart/form-data`, field `file`) the answer is a redirect: to
//!   the new workshop, or back to `/facilitate` with the problem in the query. Any other body
//!   is the file itself (JSON or gzip), answered with JSON: `201 {"workshop": id}` or the
//!   status with `{"error", "problems": [{"place", "message"}]}` in the reader's language.

use axum::body::{to_bytes, Body};
use axum::extract::{DefaultBodyLimit, FromRequest, Multipart, Path, Request, State};
use axum::http::header::{CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_TYPE, LOCATION};
use axum::http::request::Parts;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};

use app::archive::{service, IMPORT_PATH, MAX_BYTES};
use app::error::AppError;
use app::i18n::{lang_of_request, Key, Lang};
use app::ids::WorkshopId;
use app::state::AppState;

/// Room for the multipart envelope around a file of [`MAX_BYTES`]; the file itself is held
/// to the limit by the import.
pub(crate) const BODY_LIMIT: usize = MAX_BYTES + 64 * 1024;

/// The archive routes.
pub(crate) fn routes() -> Router<AppState> {
    Router::new()
        .route("/facilitate/workshops/{id}/archive.json", get(download))
        .route(
            IMPORT_PATH,
            post(import).layer(DefaultBodyLimit::max(BODY_LIMIT)),
        )
}

async fn download(State(state): State<AppState>, Path(id): Path<String>, parts: Parts) -> Response {
    let lang = lang_of_request(&parts.headers);
    let Ok(workshop) = id.parse::<WorkshopId>() else {
        return text_error(lang, &AppError::NotFound);
    };
    let gzip = parts
        .uri
        .query()
        .unwrap_or_default()
        .split('&')
        .any(|pair| matches!(pair, "gzip=1" | "gzip=true"));
    let file = service::export_for_request(&state.db, &parts, workshop)
        .await
        .and_then(|archive| service::to_file(&archive, gzip));
    match file {
        Ok(bytes) => {
            let (kind, name) = if gzip {
                (
                    "application/gzip",
                    format!("rumbo-workshop-{workshop}.json.gz"),
                )
            } else {
                (
                    "application/json; charset=utf-8",
                    format!("rumbo-workshop-{workshop}.json"),
                )
            };
            (
                StatusCode::OK,
                [
                    (CONTENT_TYPE, kind.to_owned()),
                    (
                        CONTENT_DISPOSITION,
                        format!("attachment; filename=\"{name}\""),
                    ),
                    // Names and answers: never kept by a shared cache.
                    (CACHE_CONTROL, "no-store".to_owned()),
                ],
                bytes,
            )
                .into_response()
        }
        Err(error) => text_error(lang, &error),
    }
}

fn status_of(error: &AppError) -> StatusCode {
    let too_large = matches!(error, AppError::Validation { fields }
        if fields.values().flatten().any(|k| *k == Key::ArcTooLarge));
    if too_large {
        return StatusCode::PAYLOAD_TOO_LARGE;
    }
    StatusCode::from_u16(error.status_code()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
}

fn text_error(lang: Lang, error: &AppError) -> Response {
    (
        status_of(error),
        [(CONTENT_TYPE, "text/plain; charset=utf-8")],
        error.message(lang),
    )
        .into_response()
}

fn too_large() -> AppError {
    service::refused(vec![app::archive::ArchiveIssue {
        place: "file".to_owned(),
        problem: Key::ArcTooLarge,
    }])
}

async fn import(State(state): State<AppState>, request: Request) -> Response {
    let lang = lang_of_request(request.headers());
    let from_form = request
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("multipart/form-data"));
    let (parts, body) = request.into_parts();
    let file = if from_form {
        let request = Request::from_parts(parts.clone(), body);
        file_of_form(request, &state).await
    } else {
        to_bytes(body, MAX_BYTES)
            .await
            .map(|bytes| bytes.to_vec())
            .map_err(|_| too_large())
    };
    let imported = match file {
        Ok(file) => service::import_for_request(&state.db, &parts, &file).await,
        Err(error) => Err(error),
    };
    if from_form {
        form_answer(imported)
    } else {
        json_answer(lang, imported)
    }
}

/// The `file` field of the import form.
async fn file_of_form(request: Request<Body>, state: &AppState) -> Result<Vec<u8>, AppError> {
    let mut form = Multipart::from_request(request, state)
        .await
        .map_err(|_| AppError::BadRequest)?;
    loop {
        let field = form.next_field().await.map_err(|_| too_large())?;
        let Some(field) = field else {
            return Ok(Vec::new());
        };
        if field.name() == Some("file") {
            // The only error left is the body limit: the envelope was read above.
            let bytes = field.bytes().await.map_err(|_| too_large())?;
            return Ok(bytes.to_vec());
        }
    }
}

fn redirect(to: &str) -> Response {
    (StatusCode::SEE_OTHER, [(LOCATION, to.to_owned())]).into_response()
}

/// The answer to the browser's form: where to go next.
fn form_answer(imported: Result<WorkshopId, AppError>) -> Response {
    match imported {
        Ok(workshop) => redirect(&format!("/facilitate/workshops/{workshop}")),
        Err(AppError::Unauthorized) => redirect("/login"),
        Err(error) => {
            let (key, place) = match &error {
                AppError::Validation { fields } => fields
                    .iter()
                    .next()
                    .and_then(|(place, keys)| Some((*keys.first()?, place.clone())))
                    .unwrap_or((Key::ErrBadRequest, String::new())),
                AppError::Forbidden => (Key::ErrForbidden, String::new()),
                AppError::BadRequest => (Key::ErrBadRequest, String::new()),
                _ => (Key::ErrInternal, String::new()),
            };
            let key = serde_json::to_value(key)
                .ok()
                .and_then(|v| v.as_str().map(str::to_owned))
                .unwrap_or_default();
            let query = form_urlencoded_pairs(&[("archive_error", &key), ("at", &place)]);
            redirect(&format!("/facilitate?{query}#import"))
        }
    }
}

fn form_urlencoded_pairs(pairs: &[(&str, &str)]) -> String {
    pairs
        .iter()
        .map(|(name, value)| format!("{name}={}", percent_encode(value)))
        .collect::<Vec<_>>()
        .join("&")
}

/// Encodes everything but unreserved characters (RFC 3986).
fn percent_encode(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                char::from(b).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// The answer to a client that posted the file as the body.
fn json_answer(lang: Lang, imported: Result<WorkshopId, AppError>) -> Response {
    match imported {
        Ok(workshop) => (
            StatusCode::CREATED,
            [(LOCATION, format!("/facilitate/workshops/{workshop}"))],
            Json(serde_json::json!({ "workshop": workshop })),
        )
            .into_response(),
        Err(error) => {
            let problems: Vec<serde_json::Value> = match &error {
                AppError::Validation { fields } => fields
                    .iter()
                    .flat_map(|(place, keys)| {
                        keys.iter().map(move |key| {
                            serde_json::json!({ "place": place, "message": lang.t(*key) })
                        })
                    })
                    .collect(),
                _ => Vec::new(),
            };
            let error_text = match &error {
                AppError::Validation { .. } => lang.t(Key::ArcImportFailed).to_owned(),
                other => other.message(lang),
            };
            (
                status_of(&error),
                Json(serde_json::json!({ "error": error_text, "problems": problems })),
            )
                .into_response()
        }
    }
}

/// `rumbo export-archive <workshop> <file>`: writes the archive, gzip when `file` ends in
/// `.gz`. No access check: whoever runs the binary holds the database already.
pub async fn export_to_file(
    db: &app::db::Db,
    workshop: i64,
    file: &std::path::Path,
) -> Result<(), String> {
    let gzip = file.extension().is_some_and(|e| e == "gz");
    let archive = service::export(db, WorkshopId(workshop))
        .await
        .map_err(|e| {
            format!(
                "cannot export workshop #{workshop}: {}",
                e.message(Lang::En)
            )
        })?;
    let bytes = service::to_file(&archive, gzip).map_err(|e| e.message(Lang::En))?;
    std::fs::write(file, bytes).map_err(|e| format!("cannot write {}: {e}", file.display()))?;
    println!(
        "Wrote workshop #{workshop} ({} teams, {} participants) to {}. It holds names and answers: keep it private.",
        archive.teams.len(),
        archive.participants.len(),
        file.display()
    );
    Ok(())
}

/// `rumbo import-archive <file> --owner <email>`: imports the file as a new workshop owned by
/// that facilitator; every problem of a refused file is printed with its place.
pub async fn import_file(
    db: &app::db::Db,
    file: &std::path::Path,
    owner: &str,
) -> Result<(), String> {
    let email = app::facilitator::Email::parse(owner)
        .map_err(|e| format!("--owner: {}", e.message(Lang::En)))?;
    let (staff, _) = app::facilitator::repo::by_email(db.pool(), &email)
        .await
        .map_err(|e| e.message(Lang::En))?
        .ok_or_else(|| format!("no facilitator account for {owner}"))?;
    let bytes = std::fs::read(file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
    match service::import(db, staff.id, &bytes).await {
        Ok(workshop) => {
            println!("Imported workshop #{workshop}, owned by {}.", staff.email);
            Ok(())
        }
        Err(AppError::Validation { fields }) => {
            let lines: Vec<String> = fields
                .iter()
                .flat_map(|(place, keys)| {
                    keys.iter()
                        .map(move |k| format!("  {place}: {}", Lang::En.t(*k)))
                })
                .collect();
            Err(format!(
                "{}\n{}",
                Lang::En.t(Key::ArcImportFailed),
                lines.join("\n")
            ))
        }
        Err(other) => Err(other.message(Lang::En)),
    }
}
