//! The dashboard's numbers, as pure functions over the teams' answers.
//!
//! Definitions (also shown, in plain words, on the dashboard):
//! - A team's level on an indicator is its consensus ([`IndicatorConsensus::consensus`]):
//!   the level a lead settled, or else the median of the members' levels.
//! - A team's pillar average is the mean of its consensus levels over the pillar's
//!   indicators that have one ([`pillar_averages`]).
//! - The workshop's pillar average is the mean of the teams' pillar averages, each team
//!   weighing the same however many members it has (teams without a value are left out).
//! - Completion is the share of possible answers given: answers ÷ (members × indicators).
//!   A member has finished when they answered every indicator.
//! - An indicator is a strength (weakness) of the workshop as many times as there are teams
//!   in which at least one member marked it so. Ranked by that count of teams, then by the
//!   number of members who marked it, then by the mean consensus (higher first for
//!   strengths, lower first for weaknesses).
//! - What participants see of others ([`shared_view`]): only teams with at least
//!   `anonymity_threshold` respondents ([`visible_to_others`]), and the workshop average is
//!   computed over exactly those teams, so a small team's numbers never leak through it.

use std::cmp::Ordering;
use std::collections::{BTreeMap, HashMap};

use super::model::*;
use crate::assessment::{Mark, MaturityLevel, Response};
use crate::ids::{IndicatorId, ParticipantId};
use crate::results::aggregate::{mean_of_present, round1, visible_to_others};
use crate::results::PillarColumn;
use crate::team::rules::{
    pillar_averages, team_consensus, IndicatorConsensus, MemberAnswer, Settled,
};
use crate::workshop::WorkshopSummary;

/// How many strengths and weaknesses the dashboard lists.
pub const RANKED_MAX: usize = 10;

/// One team's raw material.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TeamInput {
    /// Team name.
    pub name: String,
    /// People who joined.
    pub members: usize,
    /// Its members' answers, counted (the dashboard never needs who gave which).
    pub answers: TeamAnswers,
    /// The levels its leads settled.
    pub settled: HashMap<IndicatorId, Settled>,
}

/// A team's answers as counts: everything the dashboard computes from them (consensus,
/// spread, distribution, marks, completion) depends only on how many answers of each kind
/// each indicator got and on how many answers each member gave, so the database can count
/// them instead of sending every answer (60,000 rows cost ~150 ms through sqlx's `Any`
/// driver; one row per indicator is a thirtieth of that).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TeamAnswers {
    /// How the members answered each indicator.
    pub by_indicator: HashMap<IndicatorId, AnswerCounts>,
    /// For each number of answers a member gave to the layout's indicators, how many members
    /// gave that many. Members who gave none are absent. Whoever builds it counts only the
    /// layout's indicators (the repository's query joins the framework's).
    pub per_member: BTreeMap<usize, usize>,
}

/// How a team's members answered one indicator. Levels and marks are counted apart: no
/// figure of the dashboard depends on which level carried which mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct AnswerCounts {
    /// Answers at level 1 to 5.
    pub levels: [usize; 5],
    /// "Does not apply" answers.
    pub not_applicable: usize,
    /// "Don't know" answers.
    pub dont_know: usize,
    /// Answers marked as a strength.
    pub strengths: usize,
    /// Answers marked as a weakness.
    pub weaknesses: usize,
}

impl AnswerCounts {
    /// Counts one answer.
    pub fn add(&mut self, response: Response, mark: Mark) {
        match response {
            Response::Level(level) => {
                if let Some(slot) = self.levels.get_mut(usize::from(level.get()) - 1) {
                    *slot += 1;
                }
            }
            Response::NotApplicable => self.not_applicable += 1,
            Response::DontKnow => self.dont_know += 1,
        }
        match mark {
            Mark::Strength => self.strengths += 1,
            Mark::Weakness => self.weaknesses += 1,
            Mark::Neutral => {}
        }
    }

    /// The answers spelled out again, one per member who gave them, marks handed to the
    /// first answers (the pairing is arbitrary, and nothing computed from them depends on it).
    fn each(self, indicator: IndicatorId) -> impl Iterator<Item = MemberAnswer> {
        let levels = self.levels.into_iter().zip(1u8..).flat_map(|(n, level)| {
            let response = MaturityLevel::try_from(i64::from(level))
                .map(Response::Level)
                .unwrap_or(Response::DontKnow);
            std::iter::repeat_n(response, n)
        });
        let responses = levels
            .chain(std::iter::repeat_n(
                Response::NotApplicable,
                self.not_applicable,
            ))
            .chain(std::iter::repeat_n(Response::DontKnow, self.dont_know));
        let marks = std::iter::repeat_n(Mark::Strength, self.strengths)
            .chain(std::iter::repeat_n(Mark::Weakness, self.weaknesses))
            .chain(std::iter::repeat(Mark::Neutral));
        responses
            .zip(marks)
            .map(move |(response, mark)| MemberAnswer {
                indicator,
                response,
                mark,
            })
    }
}

/// Counts single answers with who gave them (a closed round's frozen answers, tests).
impl FromIterator<(ParticipantId, MemberAnswer)> for TeamAnswers {
    fn from_iter<I: IntoIterator<Item = (ParticipantId, MemberAnswer)>>(answers: I) -> Self {
        let mut counted = TeamAnswers::default();
        let mut per_member: HashMap<ParticipantId, usize> = HashMap::new();
        for (who, a) in answers {
            counted
                .by_indicator
                .entry(a.indicator)
                .or_default()
                .add(a.response, a.mark);
            *per_member.entry(who).or_default() += 1;
        }
        for n in per_member.into_values() {
            *counted.per_member.entry(n).or_default() += 1;
        }
        counted
    }
}

/// The framework as the dashboard needs it.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    /// Pillars, in order.
    pub pillars: Vec<PillarColumn>,
    /// Indicators, in order.
    pub indicators: Vec<IndicatorColumn>,
    /// The ids of each pillar's indicators, in the same orders.
    pub sets: Vec<Vec<IndicatorId>>,
}

impl Layout {
    fn ids(&self) -> Vec<IndicatorId> {
        self.sets.iter().flatten().copied().collect()
    }
}

/// The dashboard, with values unrounded (see [`DashboardData::rounded`]).
pub fn aggregate(workshop: WorkshopSummary, layout: Layout, teams: &[TeamInput]) -> DashboardData {
    let ids = layout.ids();
    let consensus: Vec<Vec<IndicatorConsensus>> =
        teams.iter().map(|t| consensus_of(&ids, t)).collect();
    let statuses: Vec<TeamStatus> = teams
        .iter()
        .zip(&consensus)
        .map(|(t, c)| team_status(t, &ids, &layout.sets, c))
        .collect();
    let workshop_averages = mean_by_pillar(layout.pillars.len(), statuses.iter());
    let disagreements = teams
        .iter()
        .zip(&consensus)
        .flat_map(|(t, rows)| {
            rows.iter()
                .zip(&layout.indicators)
                .filter(|(c, _)| c.disagreement)
                .map(|(c, i)| Disagreement {
                    team: t.name.clone(),
                    indicator: i.code.clone(),
                    settled: c.settled.is_some(),
                })
        })
        .collect();
    let (strengths, weaknesses) = cross_ranked(&layout.indicators, &consensus);
    DashboardData {
        workshop,
        distribution: distribution(&ids, teams.iter().map(|t| &t.answers)),
        pillars: layout.pillars,
        indicators: layout.indicators,
        teams: statuses,
        workshop_averages,
        disagreements,
        strengths,
        weaknesses,
    }
}

/// The team's consensus on each of `ids`, in that order, from its counted answers: each
/// indicator's answers are spelled out again (at most one per member) so the median and
/// spread are the team view's own ([`team_consensus`]).
pub fn consensus_of(ids: &[IndicatorId], team: &TeamInput) -> Vec<IndicatorConsensus> {
    ids.iter()
        .flat_map(|&id| {
            let answers: Vec<MemberAnswer> = team
                .answers
                .by_indicator
                .get(&id)
                .map(|counts| counts.each(id).collect())
                .unwrap_or_default();
            team_consensus(&[id], &answers, &team.settled)
        })
        .collect()
}

fn team_status(
    team: &TeamInput,
    ids: &[IndicatorId],
    sets: &[Vec<IndicatorId>],
    consensus: &[IndicatorConsensus],
) -> TeamStatus {
    let per_member = &team.answers.per_member;
    let given: usize = per_member.iter().map(|(n, members)| n * members).sum();
    let possible = team.members * ids.len();
    let completion = if possible == 0 {
        0.0
    } else {
        100.0 * given as f64 / possible as f64
    };
    TeamStatus {
        name: team.name.clone(),
        members: count(team.members),
        respondents: count(per_member.values().sum()),
        finished: count(
            per_member
                .iter()
                .filter(|(&n, _)| n >= ids.len() && n > 0)
                .map(|(_, members)| members)
                .sum(),
        ),
        completion,
        averages: pillar_averages(sets, consensus),
        consensus: consensus
            .iter()
            .map(IndicatorConsensus::consensus)
            .collect(),
    }
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The mean of the given teams' pillar averages, pillar by pillar.
fn mean_by_pillar<'a>(
    pillars: usize,
    teams: impl Iterator<Item = &'a TeamStatus> + Clone,
) -> Vec<Option<f64>> {
    (0..pillars)
        .map(|p| mean_of_present(teams.clone().map(|t| t.averages.get(p).copied().flatten())))
        .collect()
}

/// How the teams' answers to each indicator of `ids` are spread over the responses.
pub fn distribution<'a>(
    ids: &[IndicatorId],
    teams: impl Iterator<Item = &'a TeamAnswers>,
) -> Vec<Distribution> {
    let position: HashMap<IndicatorId, usize> =
        ids.iter().enumerate().map(|(i, id)| (*id, i)).collect();
    let mut rows = vec![Distribution::default(); ids.len()];
    for (indicator, counts) in teams.flat_map(|t| &t.by_indicator) {
        let Some(row) = position.get(indicator).map(|&i| &mut rows[i]) else {
            continue;
        };
        for (slot, n) in row.levels.iter_mut().zip(counts.levels) {
            *slot += count(n);
        }
        row.not_applicable += count(counts.not_applicable);
        row.dont_know += count(counts.dont_know);
    }
    rows
}

/// Strengths and weaknesses across teams (see the module's definition).
fn cross_ranked(
    indicators: &[IndicatorColumn],
    consensus: &[Vec<IndicatorConsensus>],
) -> (Vec<CrossRanked>, Vec<CrossRanked>) {
    let tally = |marks: fn(&IndicatorConsensus) -> usize| -> Vec<CrossRanked> {
        indicators
            .iter()
            .enumerate()
            .map(|(i, column)| {
                let rows: Vec<&IndicatorConsensus> =
                    consensus.iter().filter_map(|t| t.get(i)).collect();
                CrossRanked {
                    indicator: column.code.clone(),
                    teams: count(rows.iter().filter(|c| marks(c) > 0).count()),
                    marks: count(rows.iter().map(|c| marks(c)).sum()),
                    average: mean_of_present(rows.iter().map(|c| c.consensus())),
                }
            })
            .filter(|r| r.teams > 0)
            .collect()
    };
    // `better` is the order of the averages wanted; a missing average always goes last.
    let by_average = |a: Option<f64>, b: Option<f64>, better: fn(f64, f64) -> Ordering| match (a, b)
    {
        (Some(a), Some(b)) => better(a, b),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    };
    let mut strengths = tally(|c| c.strengths);
    strengths.sort_by(|a, b| {
        (b.teams, b.marks).cmp(&(a.teams, a.marks)).then(by_average(
            a.average,
            b.average,
            |a, b| b.total_cmp(&a),
        ))
    });
    let mut weaknesses = tally(|c| c.weaknesses);
    weaknesses.sort_by(|a, b| {
        (b.teams, b.marks).cmp(&(a.teams, a.marks)).then(by_average(
            a.average,
            b.average,
            |a, b| a.total_cmp(&b),
        ))
    });
    strengths.truncate(RANKED_MAX);
    weaknesses.truncate(RANKED_MAX);
    (strengths, weaknesses)
}

impl DashboardData {
    /// The same numbers with one decimal, as they are shown and sent.
    pub fn rounded(mut self) -> DashboardData {
        let round =
            |values: &mut Vec<Option<f64>>| values.iter_mut().for_each(|v| *v = v.map(round1));
        for team in &mut self.teams {
            round(&mut team.averages);
            round(&mut team.consensus);
            team.completion = round1(team.completion);
        }
        round(&mut self.workshop_averages);
        for r in self.strengths.iter_mut().chain(&mut self.weaknesses) {
            r.average = r.average.map(round1);
        }
        self
    }
}

/// What the participant of team `mine` (an index into `data.teams`) may see, per `mode`. Takes
/// the unrounded dashboard; answers with one decimal.
pub fn shared_view(data: &DashboardData, mine: usize, mode: ShareResults) -> SharedResults {
    let threshold = data.workshop.anonymity_threshold;
    let visible = |t: &&TeamStatus| visible_to_others(t.respondents as usize, threshold);
    let rounded = |values: &[Option<f64>]| values.iter().map(|v| v.map(round1)).collect::<Vec<_>>();
    let my = data.teams.get(mine);
    let workshop = (mode != ShareResults::None).then(|| {
        rounded(&mean_by_pillar(
            data.pillars.len(),
            data.teams.iter().filter(visible),
        ))
    });
    let others = data
        .teams
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != mine && mode == ShareResults::Teams)
        .map(|(_, t)| t);
    SharedResults {
        mode,
        threshold,
        pillars: data.pillars.clone(),
        my_team: my.map(|t| t.name.clone()).unwrap_or_default(),
        mine: my.map(|t| rounded(&t.averages)).unwrap_or_default(),
        workshop,
        others: others
            .clone()
            .filter(visible)
            .map(|t| OtherTeam {
                name: t.name.clone(),
                respondents: t.respondents,
                averages: rounded(&t.averages),
            })
            .collect(),
        hidden: others
            .filter(|t| !visible(t))
            .map(|t| t.name.clone())
            .collect(),
    }
}

#[cfg(test)]
mod tests;
