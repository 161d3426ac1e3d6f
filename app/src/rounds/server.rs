//! The rounds' server functions: for the workshop's facilitators only.

use leptos::prelude::*;

use super::model::{Comparison, RoundsOverview};
use crate::error::AppError;
use crate::ids::WorkshopId;

/// The workshop's current round, its closed rounds and its phase.
#[server(name = GetRoundsOverview, endpoint = "rounds_overview")]
pub async fn rounds_overview(workshop: WorkshopId) -> Result<RoundsOverview, AppError> {
    let state = crate::state::AppState::from_context()?;
    crate::facilitator::access::require_workshop(&state.db, workshop).await?;
    ssr::overview(&state.db, workshop).await
}

/// Closes the current round (its answers are kept, to compare) and opens the next one:
/// participants answer again, in the assessment phase. `expected_round` is the round the
/// facilitator's page showed, so a stale page opens nothing; `confirm` is the form's
/// checkbox that says the facilitator understood. Returns the new round.
#[server(name = OpenRound, endpoint = "open_round")]
pub async fn open_round(
    workshop: WorkshopId,
    expected_round: u32,
    confirm: Option<String>,
) -> Result<u32, AppError> {
    let state = crate::state::AppState::from_context()?;
    crate::facilitator::access::require_workshop(&state.db, workshop).await?;
    if confirm.is_none() {
        return Err(AppError::invalid(
            "confirm",
            crate::i18n::Key::RoundErrConfirm,
        ));
    }
    let round = ssr::open(&state.db, workshop, expected_round).await?;
    state.live.publish(&state.db, workshop).await;
    Ok(round)
}

/// Rounds `from` and `to` side by side (either may be the current round, whose answers are
/// still live), per team and for the whole workshop, per pillar and per indicator.
#[server(name = CompareRounds, endpoint = "compare_rounds")]
pub async fn compare_rounds(
    workshop: WorkshopId,
    from: u32,
    to: u32,
) -> Result<Comparison, AppError> {
    let state = crate::state::AppState::from_context()?;
    crate::facilitator::access::require_workshop(&state.db, workshop).await?;
    ssr::compare(&state.db, workshop, from, to).await
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::*;
    use crate::dashboard::rules::{aggregate, Layout, TeamInput};
    use crate::dashboard::DashboardData;
    use crate::db::Db;
    use crate::error::AppResult;
    use crate::ids::TeamId;
    use crate::rounds::model::ClosedRound;
    use crate::rounds::{repo, rules};
    use crate::workshop::repo as workshops;

    pub(super) async fn overview(db: &Db, workshop: WorkshopId) -> AppResult<RoundsOverview> {
        let pool = db.pool();
        let facts = workshops::facts(pool, workshop).await?;
        let (current, _) = repo::current(pool, workshop).await?;
        let closed = repo::closed(pool, workshop)
            .await?
            .into_iter()
            .map(|(round, at)| ClosedRound {
                round,
                closed_on: iso_date(at),
            })
            .collect();
        Ok(RoundsOverview {
            workshop: facts.summary,
            current,
            closed,
            answers: repo::live_answers(pool, workshop).await?,
            teams: workshops::teams(pool, workshop).await?,
        })
    }

    /// The UTC day of a time in seconds since the epoch, as `YYYY-MM-DD`.
    fn iso_date(at: i64) -> String {
        time::OffsetDateTime::from_unix_timestamp(at)
            .map(|t| t.date().to_string())
            .unwrap_or_default()
    }

    pub(super) async fn open(db: &Db, workshop: WorkshopId, expected: u32) -> AppResult<u32> {
        let mut tx = db.pool().begin().await?;
        let round = repo::open_next(&mut tx, workshop, expected).await?;
        tx.commit().await?;
        Ok(round)
    }

    pub(super) async fn compare(
        db: &Db,
        workshop: WorkshopId,
        from: u32,
        to: u32,
    ) -> AppResult<Comparison> {
        let pool = db.pool();
        let facts = workshops::facts(pool, workshop).await?;
        let (current, _) = repo::current(pool, workshop).await?;
        let mut rounds: Vec<u32> = repo::closed(pool, workshop)
            .await?
            .into_iter()
            .map(|(r, _)| r)
            .collect();
        rounds.push(current);
        rules::check_pair(from, to, &rounds)?;
        // The live dashboard's own inputs: the layout and teams both rounds are read on.
        let (layout, live) = crate::dashboard::repo::inputs(db, workshop, &facts).await?;
        let earlier = round_dashboard(db, workshop, &facts, &layout, &live, from, current).await?;
        let later = round_dashboard(db, workshop, &facts, &layout, &live, to, current).await?;
        Ok(rules::compare(from, &earlier, to, &later, current))
    }

    /// The dashboard of `round`: the live one for the current round, else the same
    /// computation over the round's frozen answers and settled levels.
    async fn round_dashboard(
        db: &Db,
        workshop: WorkshopId,
        facts: &workshops::WorkshopFacts,
        layout: &Layout,
        live: &[(TeamId, TeamInput)],
        round: u32,
        current: u32,
    ) -> AppResult<DashboardData> {
        let inputs: Vec<TeamInput> = if round == current {
            live.iter().map(|(_, input)| input.clone()).collect()
        } else {
            let pool = db.pool();
            let answers = repo::archived_answers(pool, workshop, round).await?;
            let mut settled = repo::archived_settled(pool, workshop, round).await?;
            live.iter()
                .map(|(team, input)| TeamInput {
                    name: input.name.clone(),
                    members: input.members,
                    answers: answers
                        .iter()
                        .filter(|(t, _, _)| t == team)
                        .map(|(_, who, answer)| (*who, *answer))
                        .collect(),
                    settled: settled.remove(team).unwrap_or_default(),
                })
                .collect()
        };
        Ok(aggregate(facts.summary.clone(), layout.clone(), &inputs))
    }
}
