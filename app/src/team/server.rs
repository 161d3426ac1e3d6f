//! Server functions of the team view.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::rules::IndicatorConsensus;
use crate::error::AppError;
use crate::framework::Text;
use crate::ids::{IndicatorId, WorkshopId};
use crate::participant::Me;
use crate::workshop::WorkshopSummary;

/// An indicator of the team view.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TeamIndicator {
    /// Code, e.g. `T1`.
    pub code: String,
    /// Name.
    pub name: Text,
    /// The numbers.
    pub consensus: IndicatorConsensus,
}

/// A pillar of the team view.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TeamPillar {
    /// Code.
    pub code: String,
    /// Name.
    pub name: Text,
    /// Mean consensus over the pillar's indicators (1–5), if any has one.
    pub average: Option<f64>,
    /// Indicators in order.
    pub indicators: Vec<TeamIndicator>,
}

/// What a participant sees of their own team.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TeamView {
    /// The workshop.
    pub workshop: WorkshopSummary,
    /// The participant.
    pub me: Me,
    /// People in the team.
    pub members: u32,
    /// Of whom answered something.
    pub respondents: u32,
    /// Pillars in order.
    pub pillars: Vec<TeamPillar>,
    /// Codes of the indicators marked as strengths, best first.
    pub strengths: Vec<String>,
    /// Codes of the indicators marked as weaknesses, most pressing first.
    pub weaknesses: Vec<String>,
    /// Whether the participant may settle levels now (a lead, in the right phase).
    pub can_settle: bool,
}

impl TeamView {
    /// An indicator by code.
    pub fn indicator(&self, code: &str) -> Option<&TeamIndicator> {
        self.pillars
            .iter()
            .flat_map(|p| &p.indicators)
            .find(|i| i.code == code)
    }
}

/// The current participant's team view.
#[server(name = GetTeamView, endpoint = "team_view")]
pub async fn team_view(workshop: WorkshopId) -> Result<TeamView, AppError> {
    let state = crate::state::AppState::from_context()?;
    ssr::view(&state.db, workshop).await
}

/// A team lead settles the team's level on an indicator. `version` is the version the lead
/// saw (0 if nothing was settled); if another lead changed it since, nothing is written and
/// the answer is a conflict carrying the current value.
#[server(name = SettleConsensus, endpoint = "settle_consensus")]
pub async fn settle_consensus(
    workshop: WorkshopId,
    indicator: IndicatorId,
    level: String,
    rationale: String,
    version: i64,
) -> Result<i64, AppError> {
    let state = crate::state::AppState::from_context()?;
    let version = ssr::settle(&state.db, workshop, indicator, &level, &rationale, version).await?;
    state.live.publish(&state.db, workshop).await;
    Ok(version)
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::*;
    use crate::assessment::repo::indicator_in_framework;
    use crate::db::Db;
    use crate::error::AppResult;
    use crate::i18n::Key;
    use crate::participant::session;
    use crate::team::repo;
    use crate::team::rules::{
        parse_settle, pillar_averages, ranked_strengths, ranked_weaknesses, team_consensus,
    };
    use crate::workshop::repo as workshops;

    pub(super) async fn view(db: &Db, workshop: WorkshopId) -> AppResult<TeamView> {
        let me = session::current(db).await?;
        me.require_workshop(workshop)?;
        let pool = db.pool();
        let facts = workshops::facts(pool, workshop).await?;
        let outline = crate::framework::repo::outline(pool, facts.framework).await?;
        let answers = repo::member_answers(pool, me.team).await?;
        let settled = repo::settled(pool, me.team).await?;
        let (members, respondents) = repo::headcount(pool, me.team).await?;

        let ids: Vec<IndicatorId> = outline
            .iter()
            .flat_map(|p| p.indicators.iter().map(|i| i.id))
            .collect();
        let consensus = team_consensus(&ids, &answers, &settled);
        let sets: Vec<Vec<IndicatorId>> = outline
            .iter()
            .map(|p| p.indicators.iter().map(|i| i.id).collect())
            .collect();
        let averages = pillar_averages(&sets, &consensus);
        let code_of = |id: IndicatorId| {
            outline
                .iter()
                .flat_map(|p| &p.indicators)
                .find(|i| i.id == id)
                .map(|i| i.code.clone())
                .unwrap_or_default()
        };
        let strengths = ranked_strengths(&consensus)
            .iter()
            .map(|c| code_of(c.indicator))
            .collect();
        let weaknesses = ranked_weaknesses(&consensus)
            .iter()
            .map(|c| code_of(c.indicator))
            .collect();
        let pillars = outline
            .into_iter()
            .zip(averages)
            .map(|(pillar, average)| TeamPillar {
                code: pillar.code,
                name: pillar.name,
                average,
                indicators: pillar
                    .indicators
                    .into_iter()
                    .filter_map(|i| {
                        let consensus = consensus.iter().find(|c| c.indicator == i.id)?.clone();
                        Some(TeamIndicator {
                            code: i.code,
                            name: i.name,
                            consensus,
                        })
                    })
                    .collect(),
            })
            .collect();
        Ok(TeamView {
            can_settle: me.is_lead && facts.summary.phase.accepts_consensus(),
            workshop: facts.summary,
            me,
            members: u32::try_from(members).unwrap_or(0),
            respondents: u32::try_from(respondents).unwrap_or(0),
            pillars,
            strengths,
            weaknesses,
        })
    }

    pub(super) async fn settle(
        db: &Db,
        workshop: WorkshopId,
        indicator: IndicatorId,
        level: &str,
        rationale: &str,
        version: i64,
    ) -> AppResult<i64> {
        let me = session::current(db).await?;
        me.require_workshop(workshop)?;
        if !me.is_lead {
            return Err(AppError::Forbidden);
        }
        let facts = workshops::facts(db.pool(), workshop).await?;
        if !facts.summary.phase.accepts_consensus() {
            return Err(AppError::Conflict {
                reason: Key::ErrConsensusClosed,
            });
        }
        if !indicator_in_framework(db.pool(), indicator, facts.framework).await? {
            return Err(AppError::invalid(
                "indicator",
                Key::ErrIndicatorNotInWorkshop,
            ));
        }
        if version < 0 {
            return Err(AppError::BadRequest);
        }
        let (level, rationale) = parse_settle(level, rationale)?;
        let mut tx = db.pool().begin().await?;
        let version = repo::settle(
            &mut tx,
            &repo::Settle {
                team: me.team,
                indicator,
                level,
                rationale: &rationale,
                by: me.participant,
                expected_version: version,
            },
        )
        .await?;
        tx.commit().await?;
        Ok(version)
    }
}
