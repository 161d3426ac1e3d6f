//! Server functions of the needs: thin shells over [`ssr`], which checks who may do what, in
//! which phase, on which team.

use leptos::prelude::*;

use super::model::{NeedsSummary, TeamNeeds};
use crate::error::AppError;
use crate::ids::{ActionId, NeedId, WorkshopId};

/// The reader's team's needs and the actions they may unblock.
#[server(name = MyTeamNeeds, endpoint = "my_team_needs")]
pub async fn my_team_needs(workshop: WorkshopId) -> Result<TeamNeeds, AppError> {
    let state = crate::state::AppState::from_context()?;
    ssr::team_needs(&state.db, workshop).await
}

/// A member records a need of their team, with the team's actions it unblocks.
#[server(name = RecordNeed, endpoint = "record_need")]
pub async fn record_need(
    workshop: WorkshopId,
    kind: String,
    description: String,
    #[server(default)] unblocks: Vec<ActionId>,
) -> Result<NeedId, AppError> {
    let state = crate::state::AppState::from_context()?;
    let id = ssr::record(&state.db, workshop, &kind, &description, &unblocks).await?;
    state.live.publish(&state.db, workshop).await;
    Ok(id)
}

/// A member edits a need of their team from the version they saw; a stale version is a
/// conflict.
#[server(name = UpdateNeed, endpoint = "update_need")]
pub async fn update_need(
    workshop: WorkshopId,
    need: NeedId,
    version: i64,
    kind: String,
    description: String,
    #[server(default)] unblocks: Vec<ActionId>,
) -> Result<i64, AppError> {
    let state = crate::state::AppState::from_context()?;
    let version = ssr::update(
        &state.db,
        workshop,
        need,
        version,
        &kind,
        &description,
        &unblocks,
    )
    .await?;
    state.live.publish(&state.db, workshop).await;
    Ok(version)
}

/// A member deletes a need of their team.
#[server(name = DeleteNeed, endpoint = "delete_need")]
pub async fn delete_need(workshop: WorkshopId, need: NeedId) -> Result<(), AppError> {
    let state = crate::state::AppState::from_context()?;
    ssr::delete(&state.db, workshop, need).await?;
    state.live.publish(&state.db, workshop).await;
    Ok(())
}

/// The workshop's needs per kind across teams, for its facilitators' dashboard.
#[server(name = GetWorkshopNeeds, endpoint = "workshop_needs")]
pub async fn workshop_needs(workshop: WorkshopId) -> Result<NeedsSummary, AppError> {
    let state = crate::state::AppState::from_context()?;
    crate::facilitator::access::require_workshop(&state.db, workshop).await?;
    ssr::summary(&state.db, workshop).await
}

#[cfg(feature = "ssr")]
pub use ssr::summary as needs_summary;

#[cfg(feature = "ssr")]
mod ssr {
    use std::collections::BTreeSet;

    use super::*;
    use crate::db::Db;
    use crate::error::AppResult;
    use crate::i18n::Key;
    use crate::needs::repo;
    use crate::needs::rules::{aggregate, check_unblocks, parse_need};
    use crate::participant::{session, Me};

    fn closed() -> AppError {
        AppError::Conflict {
            reason: Key::NeedErrClosed,
        }
    }

    /// The caller as a participant of this workshop.
    async fn member(db: &Db, workshop: WorkshopId) -> AppResult<Me> {
        let me = session::current(db).await?;
        me.require_workshop(workshop)?;
        Ok(me)
    }

    /// The actions a need may unblock: the team's own, checked.
    async fn unblocks_of(
        db: &Db,
        workshop: WorkshopId,
        me: &Me,
        chosen: &[ActionId],
    ) -> AppResult<Vec<ActionId>> {
        let mine: BTreeSet<ActionId> = repo::team_actions(db.pool(), workshop, me.team)
            .await?
            .into_iter()
            .map(|(id, _)| id)
            .collect();
        check_unblocks(chosen, &mine)
    }

    /// The need's version, if it is of the reader's team; another team's or another
    /// workshop's need is "not found".
    async fn own_need(db: &Db, workshop: WorkshopId, me: &Me, need: NeedId) -> AppResult<i64> {
        match repo::need_facts(db.pool(), workshop, need).await? {
            Some((team, version)) if team == me.team => Ok(version),
            _ => Err(AppError::NotFound),
        }
    }

    pub(super) async fn team_needs(db: &Db, workshop: WorkshopId) -> AppResult<TeamNeeds> {
        let me = member(db, workshop).await?;
        let mut conn = db.pool().acquire().await?;
        let needs = repo::team_needs(&mut conn, me.team).await?;
        let actions = repo::team_actions(&mut *conn, workshop, me.team).await?;
        let can_edit = repo::phase_open(&mut *conn, workshop).await?;
        Ok(TeamNeeds {
            needs,
            actions,
            can_edit,
        })
    }

    pub(super) async fn record(
        db: &Db,
        workshop: WorkshopId,
        kind: &str,
        description: &str,
        unblocks: &[ActionId],
    ) -> AppResult<NeedId> {
        let me = member(db, workshop).await?;
        if !repo::phase_open(db.pool(), workshop).await? {
            return Err(closed());
        }
        let input = parse_need(kind, description)?;
        let unblocks = unblocks_of(db, workshop, &me, unblocks).await?;
        let mut tx = db.pool().begin().await?;
        let id = repo::create(
            &mut tx,
            &repo::NewNeed {
                workshop,
                team: me.team,
                kind: input.kind,
                description: &input.description,
                unblocks: &unblocks,
                created_by: Some(me.participant),
            },
        )
        .await?
        .ok_or_else(closed)?;
        tx.commit().await?;
        Ok(id)
    }

    pub(super) async fn update(
        db: &Db,
        workshop: WorkshopId,
        need: NeedId,
        version: i64,
        kind: &str,
        description: &str,
        unblocks: &[ActionId],
    ) -> AppResult<i64> {
        let me = member(db, workshop).await?;
        let current = own_need(db, workshop, &me, need).await?;
        if !repo::phase_open(db.pool(), workshop).await? {
            return Err(closed());
        }
        let input = parse_need(kind, description)?;
        let unblocks = unblocks_of(db, workshop, &me, unblocks).await?;
        if version != current {
            return Err(AppError::Conflict {
                reason: Key::NeedErrStale,
            });
        }
        let mut tx = db.pool().begin().await?;
        let written = repo::update(
            &mut tx,
            workshop,
            &repo::NeedEdit {
                need,
                team: me.team,
                version,
                kind: input.kind,
                description: &input.description,
                unblocks: &unblocks,
            },
        )
        .await?;
        let Some(version) = written else {
            return Err(if repo::phase_open(&mut *tx, workshop).await? {
                AppError::Conflict {
                    reason: Key::NeedErrStale,
                }
            } else {
                closed()
            });
        };
        tx.commit().await?;
        Ok(version)
    }

    pub(super) async fn delete(db: &Db, workshop: WorkshopId, need: NeedId) -> AppResult<()> {
        let me = member(db, workshop).await?;
        own_need(db, workshop, &me, need).await?;
        if repo::delete(db.pool(), workshop, me.team, need).await? {
            Ok(())
        } else if repo::phase_open(db.pool(), workshop).await? {
            // Deleted by a teammate meanwhile.
            Err(AppError::NotFound)
        } else {
            Err(closed())
        }
    }

    /// The workshop's needs per kind across its teams. The caller has checked who may read
    /// them (a facilitator of the workshop).
    pub async fn summary(db: &Db, workshop: WorkshopId) -> AppResult<NeedsSummary> {
        let pool = db.pool();
        let teams: Vec<(crate::ids::TeamId, String)> = crate::workshop::repo::teams(pool, workshop)
            .await?
            .into_iter()
            .map(|t| (t.id, t.name))
            .collect();
        let needs = repo::workshop_needs(pool, workshop).await?;
        Ok(aggregate(&teams, &needs))
    }
}
