//! Server functions of the framework editor. Each one starts by checking that the caller runs
//! the workshop (owner or co-facilitator); the rules of what may change live in [`super::edit`].

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::edit::{Direction, ImportSummary, IndicatorForm, NewIndicatorForm, PillarForm};
use super::{FrameworkDoc, Text};
use crate::error::AppError;
use crate::ids::{IndicatorId, PillarId, WorkshopId};
use crate::workshop::WorkshopSummary;

/// An indicator as the editor shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EditorIndicator {
    /// Id.
    pub id: IndicatorId,
    /// Code.
    pub code: String,
    /// Name.
    pub name: Text,
    /// Description.
    pub description: Text,
    /// Sources, one per entry.
    pub sources: Vec<String>,
    /// Descriptors of levels 1 to 5.
    pub descriptors: Vec<Text>,
    /// Participants' answers to it.
    pub answers: u32,
    /// Teams that settled a consensus on it.
    pub settled: u32,
}

impl EditorIndicator {
    /// Whether answers or a consensus pin its code and its place in the framework.
    pub fn is_pinned(&self) -> bool {
        self.answers > 0 || self.settled > 0
    }

    /// Whether some text is still to be written (a blank description or descriptor).
    pub fn is_incomplete(&self) -> bool {
        self.description.is_blank()
            || self.descriptors.len() != 5
            || self.descriptors.iter().any(Text::is_blank)
    }
}

/// A pillar as the editor shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EditorPillar {
    /// Id.
    pub id: PillarId,
    /// Code.
    pub code: String,
    /// Name.
    pub name: Text,
    /// Description.
    pub description: Text,
    /// Indicators in display order.
    pub indicators: Vec<EditorIndicator>,
}

/// Everything the editor page shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FrameworkEditor {
    /// The workshop.
    pub workshop: WorkshopSummary,
    /// Names of levels 1–5.
    pub levels: Vec<Text>,
    /// Pillars in display order.
    pub pillars: Vec<EditorPillar>,
}

/// The workshop's framework, for editing.
#[server(name = GetFrameworkEditor, endpoint = "framework_editor")]
pub async fn framework_editor(workshop: WorkshopId) -> Result<FrameworkEditor, AppError> {
    let state = crate::state::AppState::from_context()?;
    ssr::editor(&state.db, workshop).await
}

/// The workshop's framework as a document, as it would be downloaded.
#[server(name = ExportFramework, endpoint = "export_framework")]
pub async fn export_framework(workshop: WorkshopId) -> Result<FrameworkDoc, AppError> {
    let state = crate::state::AppState::from_context()?;
    ssr::export(&state.db, workshop).await
}

/// Replaces the workshop's framework with a JSON document. Indicators are matched by code, so
/// those kept keep their answers; refused if an answered indicator would disappear.
#[server(name = ImportFramework, endpoint = "import_framework")]
pub async fn import_framework(
    workshop: WorkshopId,
    json: String,
) -> Result<ImportSummary, AppError> {
    let state = crate::state::AppState::from_context()?;
    let summary = ssr::import(&state.db, workshop, &json).await?;
    state.live.publish(&state.db, workshop).await;
    Ok(summary)
}

/// Saves a pillar's code, name and description.
#[server(name = SavePillar, endpoint = "save_pillar")]
pub async fn save_pillar(
    workshop: WorkshopId,
    pillar: PillarId,
    form: PillarForm,
) -> Result<(), AppError> {
    let state = crate::state::AppState::from_context()?;
    let edit = form.parse();
    ssr::change(&state.db, workshop, move |conn, framework| {
        Box::pin(
            async move { super::editor_repo::update_pillar(conn, framework, pillar, &edit?).await },
        )
    })
    .await
}

/// Saves an indicator's code, wording, sources and level descriptors.
#[server(name = SaveIndicator, endpoint = "save_indicator")]
pub async fn save_indicator(
    workshop: WorkshopId,
    indicator: IndicatorId,
    form: IndicatorForm,
) -> Result<(), AppError> {
    let state = crate::state::AppState::from_context()?;
    let edit = form.parse();
    ssr::change(&state.db, workshop, move |conn, framework| {
        Box::pin(async move {
            super::editor_repo::update_indicator(conn, framework, indicator, &edit?).await
        })
    })
    .await
}

/// Adds a pillar at the end, with its first indicator.
#[server(name = AddPillar, endpoint = "add_pillar")]
pub async fn add_pillar(
    workshop: WorkshopId,
    form: PillarForm,
    first: NewIndicatorForm,
) -> Result<(), AppError> {
    let state = crate::state::AppState::from_context()?;
    let edit = form.parse();
    let first = first.parse("first_");
    ssr::change(&state.db, workshop, move |conn, framework| {
        Box::pin(async move {
            let (edit, first) = match (edit, first) {
                (Ok(edit), Ok(first)) => (edit, first),
                (edit, first) => {
                    return Err(
                        AppError::merge([edit.err(), first.err()]).unwrap_or(AppError::BadRequest)
                    )
                }
            };
            super::editor_repo::add_pillar(conn, framework, &edit, &first)
                .await
                .map(drop)
        })
    })
    .await
}

/// Adds an indicator at the end of a pillar.
#[server(name = AddIndicator, endpoint = "add_indicator")]
pub async fn add_indicator(
    workshop: WorkshopId,
    pillar: PillarId,
    form: NewIndicatorForm,
) -> Result<(), AppError> {
    let state = crate::state::AppState::from_context()?;
    let new = form.parse("");
    ssr::change(&state.db, workshop, move |conn, framework| {
        Box::pin(async move {
            super::editor_repo::add_indicator(conn, framework, pillar, &new?)
                .await
                .map(drop)
        })
    })
    .await
}

/// Removes a pillar whose indicators have no answers.
#[server(name = RemovePillar, endpoint = "remove_pillar")]
pub async fn remove_pillar(workshop: WorkshopId, pillar: PillarId) -> Result<(), AppError> {
    let state = crate::state::AppState::from_context()?;
    ssr::change(&state.db, workshop, move |conn, framework| {
        Box::pin(async move { super::editor_repo::remove_pillar(conn, framework, pillar).await })
    })
    .await
}

/// Removes an indicator that has no answers.
#[server(name = RemoveIndicator, endpoint = "remove_indicator")]
pub async fn remove_indicator(
    workshop: WorkshopId,
    indicator: IndicatorId,
) -> Result<(), AppError> {
    let state = crate::state::AppState::from_context()?;
    ssr::change(&state.db, workshop, move |conn, framework| {
        Box::pin(
            async move { super::editor_repo::remove_indicator(conn, framework, indicator).await },
        )
    })
    .await
}

/// Moves a pillar one place up or down.
#[server(name = MovePillar, endpoint = "move_pillar")]
pub async fn move_pillar(
    workshop: WorkshopId,
    pillar: PillarId,
    direction: Direction,
) -> Result<(), AppError> {
    let state = crate::state::AppState::from_context()?;
    ssr::change(&state.db, workshop, move |conn, framework| {
        Box::pin(async move {
            super::editor_repo::move_pillar(conn, framework, pillar, direction).await
        })
    })
    .await
}

/// Moves an indicator one place up or down within its pillar.
#[server(name = MoveIndicator, endpoint = "move_indicator")]
pub async fn move_indicator(
    workshop: WorkshopId,
    indicator: IndicatorId,
    direction: Direction,
) -> Result<(), AppError> {
    let state = crate::state::AppState::from_context()?;
    ssr::change(&state.db, workshop, move |conn, framework| {
        Box::pin(async move {
            super::editor_repo::move_indicator(conn, framework, indicator, direction).await
        })
    })
    .await
}

#[cfg(feature = "ssr")]
pub use ssr::{export_for_request, export_for_staff, import_for_staff};

#[cfg(feature = "ssr")]
mod ssr {
    use std::future::Future;
    use std::pin::Pin;

    use sqlx::AnyConnection;

    use super::*;
    use crate::db::Db;
    use crate::error::AppResult;
    use crate::facilitator::access::{require_workshop, require_workshop_as};
    use crate::facilitator::Staff;
    use crate::framework::edit::editable;
    use crate::framework::editor_repo;
    use crate::framework::FrameworkProblem;
    use crate::ids::FrameworkId;
    use crate::workshop::repo::{facts, WorkshopFacts};

    /// The largest document an import reads; the default framework is about 140 kB.
    const IMPORT_MAX_BYTES: usize = 1_000_000;

    /// The workshop, if the caller runs it and its framework may still change.
    async fn editable_workshop(db: &Db, workshop: WorkshopId) -> AppResult<WorkshopFacts> {
        let (staff, _) = require_workshop(db, workshop).await?;
        editable_workshop_as(db, &staff, workshop).await
    }

    /// As [`editable_workshop`], for an identified facilitator.
    async fn editable_workshop_as(
        db: &Db,
        staff: &Staff,
        workshop: WorkshopId,
    ) -> AppResult<WorkshopFacts> {
        require_workshop_as(db, staff, workshop).await?;
        let facts = facts(db.pool(), workshop).await?;
        editable(facts.summary.phase)?;
        Ok(facts)
    }

    pub(super) async fn editor(db: &Db, workshop: WorkshopId) -> AppResult<FrameworkEditor> {
        require_workshop(db, workshop).await?;
        let facts = facts(db.pool(), workshop).await?;
        let mut conn = db.pool().acquire().await?;
        let stored = editor_repo::load(&mut conn, facts.framework).await?;
        let usage = editor_repo::usage(&mut conn, facts.framework).await?;
        let pillars = stored
            .doc
            .pillars
            .into_iter()
            .zip(stored.pillar_ids)
            .zip(stored.indicator_ids)
            .map(|((pillar, id), ids)| EditorPillar {
                id,
                code: pillar.code,
                name: pillar.name,
                description: pillar.description,
                indicators: pillar
                    .indicators
                    .into_iter()
                    .zip(ids)
                    .map(|(indicator, id)| {
                        let used = usage.iter().find(|u| u.id == id).map(|u| &u.usage);
                        EditorIndicator {
                            id,
                            code: indicator.code,
                            name: indicator.name,
                            description: indicator.description,
                            sources: indicator.sources,
                            descriptors: indicator
                                .levels
                                .into_iter()
                                .map(|l| l.descriptor)
                                .collect(),
                            answers: used.map_or(0, |u| u.answers),
                            settled: used.map_or(0, |u| u.settled),
                        }
                    })
                    .collect(),
            })
            .collect();
        Ok(FrameworkEditor {
            workshop: facts.summary,
            levels: stored.doc.levels.into_iter().map(|l| l.name).collect(),
            pillars,
        })
    }

    pub(super) async fn export(db: &Db, workshop: WorkshopId) -> AppResult<FrameworkDoc> {
        let (staff, _) = require_workshop(db, workshop).await?;
        export_for_staff(db, &staff, workshop).await
    }

    /// The workshop's framework as a document, for an identified facilitator of it (a
    /// session or an API token).
    pub async fn export_for_staff(
        db: &Db,
        staff: &Staff,
        workshop: WorkshopId,
    ) -> AppResult<FrameworkDoc> {
        require_workshop_as(db, staff, workshop).await?;
        let framework = crate::workshop::repo::framework_of(db.pool(), workshop).await?;
        let mut conn = db.pool().acquire().await?;
        editor_repo::load_doc(&mut conn, framework).await
    }

    /// The export for a request outside Leptos (the download route): the same access check,
    /// with the request's headers provided as they are to server functions.
    pub async fn export_for_request(
        db: &Db,
        parts: http::request::Parts,
        workshop: WorkshopId,
    ) -> AppResult<FrameworkDoc> {
        use leptos::reactive::computed::ScopedFuture;
        use leptos::reactive::owner::Owner;
        let owner = Owner::new();
        owner.with(|| provide_context(parts));
        let db = db.clone();
        owner
            .with(|| ScopedFuture::new(async move { export(&db, workshop).await }))
            .await
    }

    pub(super) async fn import(
        db: &Db,
        workshop: WorkshopId,
        json: &str,
    ) -> AppResult<ImportSummary> {
        let (staff, _) = require_workshop(db, workshop).await?;
        import_for_staff(db, &staff, workshop, json).await
    }

    /// Replaces the workshop's framework with a JSON document, for an identified facilitator:
    /// the editor's import, with the same size limit, checks and phase rule.
    pub async fn import_for_staff(
        db: &Db,
        staff: &Staff,
        workshop: WorkshopId,
        json: &str,
    ) -> AppResult<ImportSummary> {
        let facts = editable_workshop_as(db, staff, workshop).await?;
        if json.len() > IMPORT_MAX_BYTES {
            return Err(AppError::invalid("json", crate::i18n::Key::FwTooLarge));
        }
        let doc = match FrameworkDoc::parse(json) {
            Ok(doc) => doc,
            Err(issues) => {
                // The codes that point at an entry come from the document as far as it reads.
                let loose: Option<FrameworkDoc> = serde_json::from_str(json).ok();
                return Err(AppError::FrameworkInvalid {
                    problems: FrameworkProblem::all(&issues, loose.as_ref()),
                });
            }
        };
        let mut tx = db.pool().begin().await?;
        let summary = editor_repo::replace(&mut tx, facts.framework, &doc).await?;
        tx.commit().await?;
        Ok(summary)
    }

    /// A change to the framework, run in one transaction after the access and phase checks.
    pub(super) async fn change<F>(db: &Db, workshop: WorkshopId, apply: F) -> AppResult<()>
    where
        F: for<'c> FnOnce(
            &'c mut AnyConnection,
            FrameworkId,
        ) -> Pin<Box<dyn Future<Output = AppResult<()>> + Send + 'c>>,
    {
        let facts = editable_workshop(db, workshop).await?;
        let mut tx = db.pool().begin().await?;
        apply(&mut tx, facts.framework).await?;
        tx.commit().await?;
        if let Ok(state) = crate::state::AppState::from_context() {
            state.live.publish(db, workshop).await;
        }
        Ok(())
    }
}
