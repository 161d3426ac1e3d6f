//! Exporting and importing archives: access checks, compression, and the one transaction.

use std::io::{Read, Write};

use http::request::Parts;

use super::check::{self, ArchiveIssue, MAX_BYTES};
use super::model::Archive;
use super::{read, write};
use crate::db::Db;
use crate::error::{AppError, AppResult, FieldErrors};
use crate::facilitator::access::require_workshop_from;
use crate::facilitator::session;
use crate::i18n::Key;
use crate::ids::{FacilitatorId, WorkshopId};
use crate::workshop::JoinCode;

/// The first two bytes of every gzip stream.
const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];

/// A workshop's archive, for the facilitator (owner or co-facilitator) behind a request.
pub async fn export_for_request(
    db: &Db,
    parts: &Parts,
    workshop: WorkshopId,
) -> AppResult<Archive> {
    require_workshop_from(db, parts, workshop).await?;
    export(db, workshop).await
}

/// A workshop's archive, without an access check: for the command line.
pub async fn export(db: &Db, workshop: WorkshopId) -> AppResult<Archive> {
    // One transaction, so the file is one consistent moment of a live workshop.
    let mut tx = db.pool().begin().await?;
    let archive = read::gather(&mut tx, workshop).await?;
    tx.rollback().await?;
    Ok(archive)
}

/// The archive as a file: pretty JSON, or gzip-compressed JSON.
pub fn to_file(archive: &Archive, gzip: bool) -> AppResult<Vec<u8>> {
    let mut json = serde_json::to_vec_pretty(archive)
        .map_err(|err| AppError::internal("archive to JSON", err))?;
    json.push(b'\n');
    if !gzip {
        return Ok(json);
    }
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder
        .write_all(&json)
        .and_then(|()| encoder.finish())
        .map_err(|err| AppError::internal("archive gzip", err))
}

/// Imports a file as a new workshop owned by the facilitator behind the request.
pub async fn import_for_request(db: &Db, parts: &Parts, file: &[u8]) -> AppResult<WorkshopId> {
    let staff = session::current_from(db, parts).await?;
    import(db, staff.id, file).await
}

/// Imports a file (JSON or gzip-compressed JSON) as a new workshop owned by `owner`: the
/// whole file is checked first, then every row is inserted in one transaction, so a refused
/// file changes nothing. Problems come back as a validation error keyed by their place.
pub async fn import(db: &Db, owner: FacilitatorId, file: &[u8]) -> AppResult<WorkshopId> {
    let archive = parse(file).map_err(refused)?;
    // A clash with another workshop's random join code is unlikely; a few tries make it moot.
    for _ in 0..5 {
        let code = JoinCode::random();
        let mut tx = db.pool().begin().await?;
        match write::insert(&mut tx, &archive, owner, &code).await {
            Ok(id) => {
                tx.commit().await?;
                tracing::info!(workshop = %id, "archive imported");
                return Ok(id);
            }
            Err(AppError::Conflict { .. }) => continue,
            Err(other) => return Err(other),
        }
    }
    Err(AppError::internal("archive import", "no free join code"))
}

/// Reads and checks a file, compressed or not.
pub fn parse(file: &[u8]) -> Result<Archive, Vec<ArchiveIssue>> {
    let problem = |problem| {
        vec![ArchiveIssue {
            place: "file".to_owned(),
            problem,
        }]
    };
    if file.len() > MAX_BYTES {
        return Err(problem(Key::ArcTooLarge));
    }
    if file.trim_ascii().is_empty() {
        return Err(problem(Key::ArcNoFile));
    }
    if !file.starts_with(&GZIP_MAGIC) {
        return check::read(file);
    }
    // Read one byte past the limit, so a small file that inflates enormously stops there.
    let mut json = Vec::new();
    flate2::read::GzDecoder::new(file)
        .take(MAX_BYTES as u64 + 1)
        .read_to_end(&mut json)
        .map_err(|_| problem(Key::ArcNotGzip))?;
    check::read(&json)
}

/// The problems of a file as one error: field = place, messages = what is wrong there.
pub fn refused(issues: Vec<ArchiveIssue>) -> AppError {
    let mut fields = FieldErrors::new();
    for issue in issues {
        fields.entry(issue.place).or_default().push(issue.problem);
    }
    AppError::Validation { fields }
}
