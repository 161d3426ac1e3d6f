//! The actions and roadmap items of one team as export rows, each item with its OGP
//! commitment.

use std::collections::HashMap;

use super::commitment::{commitment, Baseline, CommitmentNeed, ItemFacts};
use super::model::{
    ActionRow, ConsensusRow, IndicatorRow, ItemRow, MilestoneRow, NeedRow, PillarRow,
};
use crate::action::RankedAction;
use crate::i18n::Lang;
use crate::ids::ActionId;
use crate::roadmap::{Horizon, TeamRoadmap};

fn horizon_code(horizon: Horizon) -> &'static str {
    match horizon {
        Horizon::Now => "now",
        Horizon::Next => "next",
        Horizon::Later => "later",
    }
}

fn quadrant_code(quadrant: crate::action::rules::Quadrant) -> &'static str {
    use crate::action::rules::Quadrant;
    match quadrant {
        Quadrant::QuickWin => "quick_win",
        Quadrant::BigBet => "big_bet",
        Quadrant::FillIn => "fill_in",
        Quadrant::TimeSink => "time_sink",
    }
}

pub(super) fn action_rows(ranked: &[RankedAction]) -> Vec<ActionRow> {
    let titles: HashMap<ActionId, &str> = ranked.iter().map(|a| (a.id, a.title.as_str())).collect();
    ranked
        .iter()
        .enumerate()
        .map(|(n, a)| ActionRow {
            rank: u32::try_from(n + 1).unwrap_or(u32::MAX),
            title: a.title.clone(),
            description: a.description.clone(),
            unit: a.unit.clone(),
            impact: a.impact.get(),
            effort: a.effort.get(),
            cost: a.cost.as_str().to_owned(),
            moscow: a.moscow.map(|m| m.as_str().to_owned()),
            dots: a.dots,
            score: a.score.total,
            quadrant: quadrant_code(a.quadrant).to_owned(),
            indicators: a.indicators.clone(),
            depends_on: a
                .depends_on
                .iter()
                .filter_map(|d| titles.get(d).map(|t| (*t).to_owned()))
                .collect(),
        })
        .collect()
}

/// A team's needs as export rows, naming the actions they unblock by title.
pub(super) fn need_rows(
    needs: &[crate::needs::repo::ExportedNeed],
    ranked: &[RankedAction],
) -> Vec<NeedRow> {
    let titles: HashMap<ActionId, &str> = ranked.iter().map(|a| (a.id, a.title.as_str())).collect();
    needs
        .iter()
        .map(|n| NeedRow {
            kind: n.kind.as_str().to_owned(),
            description: n.description.clone(),
            unblocks: n
                .unblocks
                .iter()
                .filter_map(|a| titles.get(a).map(|t| (*t).to_owned()))
                .collect(),
        })
        .collect()
}

/// The team's needs that unblock `action`, as its commitment lists them.
fn needs_of(needs: &[crate::needs::repo::ExportedNeed], action: ActionId) -> Vec<CommitmentNeed> {
    needs
        .iter()
        .filter(|n| n.unblocks.contains(&action))
        .map(|n| CommitmentNeed {
            kind: n.kind.as_str().to_owned(),
            description: n.description.clone(),
        })
        .collect()
}

pub(super) fn item_rows(
    roadmap: &TeamRoadmap,
    ranked: &[RankedAction],
    needs: &[crate::needs::repo::ExportedNeed],
    indicators: &[IndicatorRow],
    consensus: &[ConsensusRow],
    pillars: &[PillarRow],
    lang: Lang,
) -> Vec<ItemRow> {
    let action_of: HashMap<ActionId, &RankedAction> = ranked.iter().map(|a| (a.id, a)).collect();
    roadmap
        .items
        .iter()
        .map(|item| {
            let milestones: Vec<MilestoneRow> = item
                .milestones
                .iter()
                .map(|m| MilestoneRow {
                    title: m.title.clone(),
                    due_on: m.due_on.clone(),
                })
                .collect();
            let baseline = item
                .indicators
                .iter()
                .filter_map(|code| {
                    let row = indicators.iter().find(|i| &i.code == code)?;
                    let level = consensus.iter().find(|c| &c.indicator == code);
                    Some(Baseline {
                        indicator: code.clone(),
                        name: row.name.clone(),
                        pillar: row.pillar.clone(),
                        current: level.and_then(|c| c.consensus),
                        target: level.and_then(|c| c.target),
                    })
                })
                .collect();
            let description = action_of
                .get(&item.action)
                .map_or("", |a| a.description.as_str());
            let mut commitment = commitment(
                &ItemFacts {
                    title: &item.title,
                    description,
                    owner: &item.owner,
                    starts_on: &item.starts_on,
                    ends_on: &item.ends_on,
                    milestones: &milestones,
                },
                baseline,
                pillars,
                lang,
            );
            commitment.needs = needs_of(needs, item.action);
            ItemRow {
                title: item.title.clone(),
                owner: item.owner.clone(),
                starts_on: item.starts_on.clone(),
                ends_on: item.ends_on.clone(),
                horizon: horizon_code(item.horizon).to_owned(),
                status: item.status.as_str().to_owned(),
                progress: item.progress,
                quick_win: item.quick_win,
                indicators: item.indicators.clone(),
                depends_on: item
                    .depends_on
                    .iter()
                    .filter_map(|d| action_of.get(d).map(|a| a.title.clone()))
                    .collect(),
                milestones,
                commitment,
            }
        })
        .collect()
}
