//! The export's data set: one workshop (or one team of it) as plain rows, the same for every
//! format. Its JSON form is the `rumbo-export/1` document described in
//! `docs/export-schema.md`; change a field there too, and bump the version when a field
//! changes meaning or disappears.

use serde::{Deserialize, Serialize};

use crate::i18n::Lang;

/// The version of the JSON document (and of the columns of every other format).
pub const SCHEMA: &str = "rumbo-export/1";

/// Everything an export holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Dataset {
    /// Always [`SCHEMA`].
    pub schema: String,
    /// When it was made, RFC 3339 in UTC.
    pub generated_at: String,
    /// The language of names and labels.
    pub lang: Lang,
    /// `workshop` or `team`.
    pub scope: String,
    /// The workshop.
    pub workshop: WorkshopMeta,
    /// Pillars, in framework order.
    pub pillars: Vec<PillarRow>,
    /// Indicators, in framework order.
    pub indicators: Vec<IndicatorRow>,
    /// The workshop's pillar averages (the mean of the teams'); absent from a team's export.
    pub workshop_averages: Option<Vec<PillarValue>>,
    /// The teams exported, in display order.
    pub teams: Vec<TeamData>,
}

/// The workshop's facts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WorkshopMeta {
    /// Id.
    pub id: i64,
    /// Title.
    pub title: String,
    /// Current phase (`setup` … `closed`).
    pub phase: String,
    /// First day, ISO, if set.
    pub starts_on: Option<String>,
    /// Last day, ISO, if set.
    pub ends_on: Option<String>,
    /// Respondents a team needs before others see its numbers.
    pub anonymity_threshold: u32,
}

/// A pillar of the framework.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PillarRow {
    /// Code, e.g. `T`.
    pub code: String,
    /// Name in the export's language.
    pub name: String,
    /// The OGP values it contributes to (see [`super::commitment::ogp_values_of_pillar`]).
    pub ogp_values: Vec<super::commitment::OgpValue>,
}

/// An indicator of the framework.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndicatorRow {
    /// Code, e.g. `T1`.
    pub code: String,
    /// Name in the export's language.
    pub name: String,
    /// Its pillar's code.
    pub pillar: String,
}

/// A value per pillar.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PillarValue {
    /// The pillar's code.
    pub pillar: String,
    /// The value, one decimal; `None` when nothing was answered.
    pub value: Option<f64>,
}

/// One team.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TeamData {
    /// Name.
    pub name: String,
    /// People who joined.
    pub members: u32,
    /// Members who answered something.
    pub respondents: u32,
    /// Members who answered everything.
    pub finished: u32,
    /// Answers given, % of possible, one decimal.
    pub completion: f64,
    /// Pillar averages of the team's consensus, one decimal.
    pub pillar_averages: Vec<PillarValue>,
    /// Current versus target per pillar (the roadmap's radar).
    pub pillar_targets: Vec<PillarTargetRow>,
    /// Whether individual answers were left out (a participant's export of a team below the
    /// anonymity threshold).
    pub answers_withheld: bool,
    /// Anonymised answers: respondents are numbered, never named.
    pub answers: Vec<AnswerRow>,
    /// The team's consensus per indicator, in indicator order.
    pub consensus: Vec<ConsensusRow>,
    /// Actions in priority order.
    pub actions: Vec<ActionRow>,
    /// Implementation needs, in the order they were recorded.
    #[serde(default)]
    pub needs: Vec<NeedRow>,
    /// The roadmap's first day, ISO; `None` before it is generated.
    pub roadmap_starts_on: Option<String>,
    /// Roadmap items, by start date.
    pub roadmap: Vec<ItemRow>,
}

/// Current and target level of a pillar.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PillarTargetRow {
    /// The pillar's code.
    pub pillar: String,
    /// Mean consensus, one decimal.
    pub current: Option<f64>,
    /// Mean target, one decimal.
    pub target: Option<f64>,
}

/// One respondent's answer to one indicator.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AnswerRow {
    /// 1…n within the team, in the order members joined.
    pub respondent: u32,
    /// Indicator code.
    pub indicator: String,
    /// `level`, `not_applicable` or `dont_know`.
    pub response: String,
    /// 1–5 when `response` is `level`.
    pub level: Option<u8>,
    /// The target level the respondent gave, 1–5.
    pub target: Option<u8>,
    /// `strength`, `weakness` or `neutral`.
    pub mark: String,
}

/// The team's consensus on one indicator, with its spread.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConsensusRow {
    /// Indicator code.
    pub indicator: String,
    /// The team's level: the lead's settled level, else the median; one decimal.
    pub consensus: Option<f64>,
    /// The members' median level.
    pub median: Option<f64>,
    /// Whether a lead settled it.
    pub settled: bool,
    /// Levels given.
    pub count: u32,
    /// Lowest level given.
    pub min: Option<u8>,
    /// Highest level given.
    pub max: Option<u8>,
    /// First quartile (QUARTILE.INC).
    pub q1: Option<f64>,
    /// Third quartile.
    pub q3: Option<f64>,
    /// Flagged for discussion.
    pub disagreement: bool,
    /// "Not applicable" answers.
    pub not_applicable: u32,
    /// "Don't know" answers.
    pub dont_know: u32,
    /// Members who marked it a strength.
    pub strengths: u32,
    /// Members who marked it a weakness.
    pub weaknesses: u32,
    /// The team's target (see `roadmap::rules::indicator_target`), one decimal.
    pub target: Option<f64>,
}

/// An action, with its place in the team's ranking.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActionRow {
    /// 1 = first priority.
    pub rank: u32,
    /// Title.
    pub title: String,
    /// Description.
    pub description: String,
    /// Responsible unit.
    pub unit: String,
    /// Impact 1–5.
    pub impact: u8,
    /// Effort 1–5.
    pub effort: u8,
    /// `low`, `medium` or `high`.
    pub cost: String,
    /// `must`, `should`, `could`, `wont`, or `None`.
    pub moscow: Option<String>,
    /// Dots.
    pub dots: u32,
    /// Priority score 0–100, one decimal.
    pub score: f64,
    /// `quick_win`, `big_bet`, `fill_in` or `time_sink`.
    pub quadrant: String,
    /// Linked indicator codes.
    pub indicators: Vec<String>,
    /// Titles of the actions it depends on.
    pub depends_on: Vec<String>,
}

/// An implementation need of a team (see [`crate::needs`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NeedRow {
    /// `legal`, `budget`, `staff_skills`, `technology`, `data`, `political_support` or
    /// `partnerships`.
    pub kind: String,
    /// What is needed.
    pub description: String,
    /// Titles of the team's actions it unblocks.
    pub unblocks: Vec<String>,
}

/// A roadmap item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ItemRow {
    /// The action's title.
    pub title: String,
    /// The responsible unit.
    pub owner: String,
    /// First day, ISO.
    pub starts_on: String,
    /// Last day, ISO.
    pub ends_on: String,
    /// `now`, `next` or `later`.
    pub horizon: String,
    /// OGP completion level: `not_started`, `limited`, `substantial`, `completed`.
    pub status: String,
    /// 0–100.
    pub progress: u8,
    /// Whether it was a quick win.
    pub quick_win: bool,
    /// Linked indicator codes.
    pub indicators: Vec<String>,
    /// Titles of the items it waits for.
    pub depends_on: Vec<String>,
    /// Milestones, by date.
    pub milestones: Vec<MilestoneRow>,
    /// The item as an OGP commitment.
    pub commitment: super::commitment::Commitment,
}

/// A milestone.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MilestoneRow {
    /// What is reached.
    pub title: String,
    /// When, ISO.
    pub due_on: String,
}
