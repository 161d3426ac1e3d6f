//! What an archive file holds: format `rumbo-archive/1`.
//!
//! One JSON document per workshop. Rows refer to each other by `key`: the id the row had in
//! the database it came from, meaningful only inside the file (an import gives every row a
//! new id). Indicators are referred to by their code, which is unique in a framework. Times
//! are Unix seconds and dates ISO dates, as in the database. Enumerations are the stored
//! words (`"level"`, `"must"`, `"not_started"` …). The programme, the workshop's own cases
//! and the implementation needs came later in the same format: a file without them reads as a
//! workshop that has none. Not carried: the join code, who
//! facilitates, whether the workshop is published, and every secret (sessions, resume links,
//! share links, API tokens).

use serde::{Deserialize, Serialize};

use crate::framework::FrameworkDoc;

/// The format this build writes and reads.
pub const FORMAT: &str = "rumbo-archive/1";

/// A whole workshop.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Archive {
    /// Always [`FORMAT`].
    pub format: String,
    /// When the file was written (Unix seconds).
    pub exported_at: i64,
    /// The Rumbo version that wrote it.
    pub rumbo_version: String,
    /// The workshop's own settings.
    pub workshop: WorkshopPart,
    /// Its framework, exactly as the framework editor exports it.
    pub framework: FrameworkDoc,
    /// Teams, in display order.
    pub teams: Vec<TeamPart>,
    /// Participants, with their display names: the file is private.
    pub participants: Vec<ParticipantPart>,
    /// The current round's answers.
    pub answers: Vec<AnswerPart>,
    /// Levels team leads settled.
    pub consensus: Vec<ConsensusPart>,
    /// Closed assessment rounds.
    pub rounds: Vec<RoundPart>,
    /// The frozen answers of closed rounds.
    pub round_answers: Vec<RoundAnswerPart>,
    /// The frozen consensus of closed rounds.
    pub round_consensus: Vec<RoundConsensusPart>,
    /// Proposed actions, with their indicators and dependencies.
    pub actions: Vec<ActionPart>,
    /// Dot votes.
    pub votes: Vec<VotePart>,
    /// Roadmaps, with their items and milestones.
    pub roadmaps: Vec<RoadmapPart>,
    /// What teams need to implement their actions.
    #[serde(default)]
    pub needs: Vec<NeedPart>,
    /// The programme's sessions, in time order.
    #[serde(default)]
    pub programme: Vec<SessionPart>,
    /// The workshop's own experiences (the built-in library is not carried: every Rumbo has
    /// it).
    #[serde(default)]
    pub cases: Vec<CasePart>,
}

/// The workshop's settings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorkshopPart {
    /// Title.
    pub title: String,
    /// Description.
    pub description: String,
    /// Phase (`setup` … `closed`).
    pub phase: String,
    /// Minimum respondents before a team's aggregates are shown to others.
    pub anonymity_threshold: i64,
    /// First day, ISO date.
    pub starts_on: Option<String>,
    /// Last day, ISO date.
    pub ends_on: Option<String>,
    /// `es`, `en` or `es,en`.
    pub languages: String,
    /// `none`, `averages` or `teams`.
    pub share_results: String,
    /// Dots per participant.
    pub dots_per_participant: i64,
    /// Whether several dots may go on one action.
    pub dots_stack: bool,
    /// Weight of relevance in the priority score.
    pub weight_relevance: i64,
    /// Weight of ambition.
    pub weight_ambition: i64,
    /// Weight of feasibility.
    pub weight_feasibility: i64,
    /// Weight of resources.
    pub weight_resources: i64,
    /// Weight of the gap.
    pub weight_gap: i64,
    /// The current assessment round.
    pub round: i64,
    /// The licence open data would be published under.
    pub licence: String,
    /// When it was created (Unix seconds).
    pub created_at: i64,
}

/// A team.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TeamPart {
    /// Its key in the file.
    pub key: i64,
    /// Name.
    pub name: String,
}

/// A participant.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ParticipantPart {
    /// Its key in the file.
    pub key: i64,
    /// The team's key.
    pub team: i64,
    /// The name they gave.
    pub display_name: String,
    /// Whether they lead their team.
    pub is_lead: bool,
    /// When they joined.
    pub created_at: i64,
}

/// An answer of the current round.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnswerPart {
    /// The participant's key.
    pub participant: i64,
    /// The indicator's code.
    pub indicator: String,
    /// `level`, `not_applicable` or `dont_know`.
    pub response: String,
    /// 1–5 when the response is a level.
    pub level: Option<i64>,
    /// 1–5, the level aimed at.
    pub target_level: Option<i64>,
    /// A link to evidence.
    pub evidence_url: Option<String>,
    /// A note.
    pub note: Option<String>,
    /// `neutral`, `strength` or `weakness`.
    pub mark: String,
    /// When first saved.
    pub created_at: i64,
    /// When last changed.
    pub updated_at: i64,
}

/// A level a team lead settled.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConsensusPart {
    /// The team's key.
    pub team: i64,
    /// The indicator's code.
    pub indicator: String,
    /// 1–5.
    pub level: i64,
    /// Why.
    pub rationale: String,
    /// The participant's key, when still known.
    pub set_by: Option<i64>,
    /// When.
    pub updated_at: i64,
}

/// A closed assessment round.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoundPart {
    /// Its number.
    pub round: i64,
    /// When it was closed.
    pub closed_at: i64,
}

/// An answer frozen with its round.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoundAnswerPart {
    /// The round.
    pub round: i64,
    /// The participant's key.
    pub participant: i64,
    /// The team's key.
    pub team: i64,
    /// The indicator's code.
    pub indicator: String,
    /// `level`, `not_applicable` or `dont_know`.
    pub response: String,
    /// 1–5 when the response is a level.
    pub level: Option<i64>,
    /// 1–5.
    pub target_level: Option<i64>,
    /// `neutral`, `strength` or `weakness`.
    pub mark: String,
}

/// A settled level frozen with its round.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoundConsensusPart {
    /// The round.
    pub round: i64,
    /// The team's key.
    pub team: i64,
    /// The indicator's code.
    pub indicator: String,
    /// 1–5.
    pub level: i64,
}

/// A proposed action.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActionPart {
    /// Its key in the file.
    pub key: i64,
    /// The team's key.
    pub team: i64,
    /// Title.
    pub title: String,
    /// Description.
    pub description: String,
    /// The unit in charge.
    pub responsible_unit: String,
    /// 1–5.
    pub impact: i64,
    /// 1–5.
    pub effort: i64,
    /// `low`, `medium` or `high`.
    pub cost_band: String,
    /// `must`, `should`, `could`, `wont`, or none yet.
    pub moscow: Option<String>,
    /// The participant's key, when still known.
    pub proposed_by: Option<i64>,
    /// The indicators it improves, by code.
    pub indicators: Vec<String>,
    /// The keys of the actions it waits for (same team).
    pub depends_on: Vec<i64>,
    /// When proposed.
    pub created_at: i64,
    /// When last changed.
    pub updated_at: i64,
}

/// Dots one participant put on one action.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VotePart {
    /// The action's key.
    pub action: i64,
    /// The participant's key.
    pub participant: i64,
    /// How many dots.
    pub dots: i64,
}

/// A team's roadmap.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoadmapPart {
    /// The team's key.
    pub team: i64,
    /// ISO date.
    pub starts_on: String,
    /// When last generated.
    pub generated_at: i64,
    /// Scheduled actions.
    pub items: Vec<ItemPart>,
}

/// One scheduled action.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ItemPart {
    /// The action's key (an action of the roadmap's team).
    pub action: i64,
    /// Who is in charge.
    pub owner: String,
    /// ISO date.
    pub starts_on: String,
    /// ISO date, not before `starts_on`.
    pub ends_on: String,
    /// Edited by hand.
    pub pinned: bool,
    /// `not_started`, `limited`, `substantial` or `completed`.
    pub status: String,
    /// 0–100.
    pub progress: i64,
    /// When last changed.
    pub updated_at: i64,
    /// Milestones, in order.
    pub milestones: Vec<MilestonePart>,
}

/// A milestone of an item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MilestonePart {
    /// Title.
    pub title: String,
    /// ISO date.
    pub due_on: String,
}

/// What a team needs to implement some of its actions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NeedPart {
    /// The team's key.
    pub team: i64,
    /// `legal`, `budget`, `staff_skills`, `technology`, `data`, `political_support` or
    /// `partnerships`.
    pub kind: String,
    /// What is needed.
    pub description: String,
    /// The participant's key, when still known.
    pub created_by: Option<i64>,
    /// The keys of the actions it unblocks (the same team's).
    pub actions: Vec<i64>,
    /// When recorded.
    pub created_at: i64,
    /// When last changed.
    pub updated_at: i64,
}

/// A session of the programme.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SessionPart {
    /// Title.
    pub title: String,
    /// Start (Unix seconds).
    pub starts_at: i64,
    /// End (Unix seconds), after the start.
    pub ends_at: i64,
    /// The IANA time zone it was laid out in.
    pub time_zone: String,
    /// Panelists, one per line.
    pub panelists: String,
    /// The phase it belongs to, if any.
    pub phase: Option<String>,
    /// The video-call link (http or https).
    pub call_url: Option<String>,
    /// Materials, in order (at most three).
    pub materials: Vec<MaterialPart>,
    /// When created.
    pub created_at: i64,
    /// When last changed.
    pub updated_at: i64,
}

/// A session's material.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MaterialPart {
    /// Title.
    pub title: String,
    /// Link (http or https).
    pub url: String,
}

/// An experience the facilitator added to the workshop.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CasePart {
    /// Title.
    pub title: String,
    /// Place.
    pub place: String,
    /// Country.
    pub country: String,
    /// `national`, `regional`, `municipal` or `other`.
    pub level: String,
    /// Years, as written (`2019–2022`).
    pub years: String,
    /// What was done.
    pub summary: String,
    /// Results reported.
    pub results: String,
    /// Who presents it.
    pub presented_by: String,
    /// The source's title.
    pub source_title: String,
    /// The source's link (http or https).
    pub source_url: Option<String>,
    /// The indicators it illustrates, by code.
    pub indicators: Vec<String>,
    /// When added.
    pub created_at: i64,
    /// When last changed.
    pub updated_at: i64,
}
