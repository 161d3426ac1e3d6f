//! Gathers a workshop's (or one team's) [`Dataset`] from the same functions the dashboard,
//! the prioritisation and the roadmap pages use, so an export never disagrees with a page:
//! the team figures are the dashboard's ([`crate::dashboard::rules::aggregate`], rounded as
//! it is sent), the ranking is [`crate::action::repo::ranked`], the roadmap is
//! [`crate::roadmap::load_team`].

use std::collections::{BTreeMap, HashMap};

use sqlx::{Any, Executor, Row};

use super::commitment::ogp_values_of_pillar;
use super::model::*;
use super::rows::{action_rows, item_rows, need_rows};
use crate::assessment::repo::{read_mark, read_response};
use crate::assessment::Response;
use crate::db::Db;
use crate::error::{AppError, AppResult};
use crate::i18n::Lang;
use crate::ids::{IndicatorId, ParticipantId, TeamId, WorkshopId};
use crate::results::aggregate::round1;

/// Which teams an export holds, and for whom.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Selection {
    /// One team, or every team.
    pub team: Option<TeamId>,
    /// Leave out a team's individual answers when it has fewer respondents than the
    /// workshop's anonymity threshold (a participant's export).
    pub withhold_small: bool,
}

/// One answer with its target, as the answers table needs it (no free text).
struct RawAnswer {
    team: TeamId,
    participant: ParticipantId,
    indicator: IndicatorId,
    response: Response,
    target: Option<u8>,
    mark: &'static str,
}

async fn answers<'e>(
    db: impl Executor<'e, Database = Any>,
    workshop: WorkshopId,
) -> AppResult<Vec<RawAnswer>> {
    let rows = sqlx::query(
        "SELECT p.team_id, a.participant_id, a.indicator_id, a.response, a.level, a.target_level, a.mark
         FROM answers a JOIN participants p ON p.id = a.participant_id
         WHERE p.workshop_id = $1 ORDER BY a.participant_id, a.indicator_id",
    )
    .bind(workshop.0)
    .fetch_all(db)
    .await?;
    rows.iter()
        .map(|row| {
            let target: Option<i64> = row.try_get("target_level")?;
            Ok(RawAnswer {
                team: TeamId(row.try_get("team_id")?),
                participant: ParticipantId(row.try_get("participant_id")?),
                indicator: IndicatorId(row.try_get("indicator_id")?),
                response: read_response(row)?,
                target: target.and_then(|t| u8::try_from(t).ok()),
                mark: read_mark(row)?.as_str(),
            })
        })
        .collect()
}

async fn dates<'e>(
    db: impl Executor<'e, Database = Any>,
    workshop: WorkshopId,
) -> AppResult<(Option<String>, Option<String>)> {
    let row = sqlx::query("SELECT starts_on, ends_on FROM workshops WHERE id = $1")
        .bind(workshop.0)
        .fetch_optional(db)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((row.try_get("starts_on")?, row.try_get("ends_on")?))
}

fn now_rfc3339() -> String {
    time::OffsetDateTime::now_utc()
        .replace_nanosecond(0)
        .ok()
        .and_then(|t| {
            t.format(&time::format_description::well_known::Rfc3339)
                .ok()
        })
        .unwrap_or_default()
}

fn response_code(response: Response) -> &'static str {
    match response {
        Response::Level(_) => "level",
        Response::NotApplicable => "not_applicable",
        Response::DontKnow => "dont_know",
    }
}

/// The export of a workshop. The caller has checked who may read what.
pub async fn dataset(
    db: &Db,
    workshop: WorkshopId,
    selection: Selection,
    lang: Lang,
) -> AppResult<Dataset> {
    let pool = db.pool();
    let facts = crate::workshop::repo::facts(pool, workshop).await?;
    let (layout, inputs) = crate::dashboard::repo::inputs(db, workshop, &facts).await?;
    let ids: Vec<IndicatorId> = layout.sets.iter().flatten().copied().collect();
    let outline = crate::framework::repo::outline(pool, facts.framework).await?;
    let (team_ids, inputs): (Vec<TeamId>, Vec<_>) = inputs.into_iter().unzip();
    let dashboard =
        crate::dashboard::rules::aggregate(facts.summary.clone(), layout, &inputs).rounded();
    let chosen: Vec<usize> = match selection.team {
        Some(team) => vec![team_ids
            .iter()
            .position(|t| *t == team)
            .ok_or(AppError::NotFound)?],
        None => (0..team_ids.len()).collect(),
    };

    let pillars: Vec<PillarRow> = outline
        .iter()
        .map(|p| PillarRow {
            code: p.code.clone(),
            name: p.name.get(lang).to_owned(),
            ogp_values: ogp_values_of_pillar(&p.code, &p.name.es, &p.name.en),
        })
        .collect();
    let indicators: Vec<IndicatorRow> = outline
        .iter()
        .flat_map(|p| {
            p.indicators.iter().map(|i| IndicatorRow {
                code: i.code.clone(),
                name: i.name.get(lang).to_owned(),
                pillar: p.code.clone(),
            })
        })
        .collect();
    let code_of: HashMap<IndicatorId, &str> = ids
        .iter()
        .zip(&indicators)
        .map(|(id, row)| (*id, row.code.as_str()))
        .collect();
    let per_pillar = |values: &[Option<f64>]| -> Vec<PillarValue> {
        pillars
            .iter()
            .zip(values)
            .map(|(p, v)| PillarValue {
                pillar: p.code.clone(),
                value: *v,
            })
            .collect()
    };

    let all_answers = answers(pool, workshop).await?;
    let threshold = facts.summary.anonymity_threshold;
    let mut conn = pool.acquire().await?;
    let mut teams = Vec::with_capacity(chosen.len());
    for index in chosen {
        let team = team_ids[index];
        let input = &inputs[index];
        let status = &dashboard.teams[index];
        let consensus = crate::dashboard::rules::consensus_of(&ids, input);
        let mut targets = crate::team::repo::target_levels(&mut *conn, team).await?;
        let linked = crate::roadmap::repo::linked_indicators(&mut *conn, team).await?;
        let consensus_rows: Vec<ConsensusRow> = consensus
            .iter()
            .zip(&status.consensus)
            .map(|(c, rounded)| {
                let given = targets.remove(&c.indicator).unwrap_or_default();
                let target = crate::roadmap::rules::indicator_target(
                    c.consensus(),
                    &given,
                    linked.contains(&c.indicator),
                );
                ConsensusRow {
                    indicator: code_of.get(&c.indicator).copied().unwrap_or("").to_owned(),
                    consensus: *rounded,
                    median: c.median.map(round1),
                    settled: c.settled.is_some(),
                    count: c.spread.map_or(0, |s| u32::try_from(s.count).unwrap_or(0)),
                    min: c.spread.map(|s| s.min),
                    max: c.spread.map(|s| s.max),
                    q1: c.spread.map(|s| s.q1),
                    q3: c.spread.map(|s| s.q3),
                    disagreement: c.disagreement,
                    not_applicable: u32::try_from(c.not_applicable).unwrap_or(0),
                    dont_know: u32::try_from(c.dont_know).unwrap_or(0),
                    strengths: u32::try_from(c.strengths).unwrap_or(0),
                    weaknesses: u32::try_from(c.weaknesses).unwrap_or(0),
                    target: target.map(round1),
                }
            })
            .collect();

        let withheld = selection.withhold_small && status.respondents < threshold;
        let answer_rows = if withheld {
            Vec::new()
        } else {
            anonymised(&all_answers, team, &ids, &code_of)
        };

        let ranked = crate::action::repo::ranked(db, workshop, team).await?;
        let roadmap =
            crate::roadmap::load_team(&mut conn, workshop, team, &status.name, lang).await?;
        let needs = crate::needs::repo::for_export(&mut conn, team).await?;
        teams.push(TeamData {
            name: status.name.clone(),
            members: status.members,
            respondents: status.respondents,
            finished: status.finished,
            completion: status.completion,
            pillar_averages: per_pillar(&status.averages),
            pillar_targets: roadmap
                .pillars
                .iter()
                .map(|p| PillarTargetRow {
                    pillar: p.code.clone(),
                    current: p.current.map(round1),
                    target: p.target.map(round1),
                })
                .collect(),
            answers_withheld: withheld,
            answers: answer_rows,
            actions: action_rows(&ranked),
            needs: need_rows(&needs, &ranked),
            roadmap: item_rows(
                &roadmap,
                &ranked,
                &needs,
                &indicators,
                &consensus_rows,
                &pillars,
                lang,
            ),
            roadmap_starts_on: roadmap.starts_on.clone(),
            consensus: consensus_rows,
        });
    }

    let (starts_on, ends_on) = dates(pool, workshop).await?;
    Ok(Dataset {
        schema: SCHEMA.to_owned(),
        generated_at: now_rfc3339(),
        lang,
        scope: if selection.team.is_some() {
            "team"
        } else {
            "workshop"
        }
        .to_owned(),
        workshop: WorkshopMeta {
            id: workshop.0,
            title: facts.summary.title.clone(),
            phase: facts.summary.phase.as_str().to_owned(),
            starts_on,
            ends_on,
            anonymity_threshold: threshold,
        },
        workshop_averages: selection
            .team
            .is_none()
            .then(|| per_pillar(&dashboard.workshop_averages)),
        pillars,
        indicators,
        teams,
    })
}

/// A team's answers with respondents numbered 1…n in the order they joined (participant id):
/// the number says nothing about who answered.
fn anonymised(
    all: &[RawAnswer],
    team: TeamId,
    ids: &[IndicatorId],
    code_of: &HashMap<IndicatorId, &str>,
) -> Vec<AnswerRow> {
    let mut numbers: BTreeMap<ParticipantId, u32> = BTreeMap::new();
    for a in all.iter().filter(|a| a.team == team) {
        numbers.entry(a.participant).or_insert(0);
    }
    for (n, number) in numbers.values_mut().enumerate() {
        *number = u32::try_from(n + 1).unwrap_or(u32::MAX);
    }
    let mut rows: Vec<(u32, usize, AnswerRow)> = all
        .iter()
        .filter(|a| a.team == team)
        .filter_map(|a| {
            let position = ids.iter().position(|i| *i == a.indicator)?;
            let row = AnswerRow {
                respondent: numbers[&a.participant],
                indicator: (*code_of.get(&a.indicator)?).to_owned(),
                response: response_code(a.response).to_owned(),
                level: a.response.level().map(|l| l.get()),
                target: a.target,
                mark: a.mark.to_owned(),
            };
            Some((row.respondent, position, row))
        })
        .collect();
    // By respondent, then in framework order, like the other tables.
    rows.sort_by_key(|(respondent, position, _)| (*respondent, *position));
    rows.into_iter().map(|(_, _, row)| row).collect()
}
