//! What an action is: its ratings, cost band, MoSCoW tag, and the workshop's voting rules.

use serde::{Deserialize, Serialize};

use crate::error::AppError;
use crate::i18n::Key;

/// A rating from 1 (lowest) to 5 (highest), used for an action's impact and its effort.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(try_from = "u8", into = "u8")]
pub struct Rating(u8);

impl Rating {
    /// Every rating, lowest first.
    pub const ALL: [Rating; 5] = [Rating(1), Rating(2), Rating(3), Rating(4), Rating(5)];

    /// A rating from a number; `None` outside 1–5.
    pub fn new(value: u8) -> Option<Rating> {
        (1..=5).contains(&value).then_some(Rating(value))
    }

    /// Reads a typed value for the form field `field`, with a message for the user.
    pub fn parse(typed: &str, field: &str) -> Result<Rating, AppError> {
        typed
            .trim()
            .parse::<u8>()
            .ok()
            .and_then(Rating::new)
            .ok_or_else(|| AppError::invalid(field, Key::ErrRatingRange))
    }

    /// The number, 1–5.
    pub fn get(self) -> u8 {
        self.0
    }
}

impl TryFrom<u8> for Rating {
    type Error = String;
    fn try_from(value: u8) -> Result<Self, Self::Error> {
        Rating::new(value).ok_or_else(|| format!("rating {value} is not between 1 and 5"))
    }
}

impl From<Rating> for u8 {
    fn from(rating: Rating) -> u8 {
        rating.0
    }
}

/// How much an action costs, roughly.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum CostBand {
    /// Within the unit's current budget.
    Low,
    /// Needs a budget line of its own.
    Medium,
    /// Needs new funding (a loan, a grant, the next budget).
    High,
}

impl CostBand {
    /// Every band, cheapest first.
    pub const ALL: [CostBand; 3] = [CostBand::Low, CostBand::Medium, CostBand::High];

    /// The stored value.
    pub fn as_str(self) -> &'static str {
        match self {
            CostBand::Low => "low",
            CostBand::Medium => "medium",
            CostBand::High => "high",
        }
    }

    /// Reads a stored or submitted value.
    pub fn parse(value: &str) -> Option<CostBand> {
        CostBand::ALL
            .into_iter()
            .find(|c| c.as_str() == value.trim())
    }

    /// The band's name, for people.
    pub fn name_key(self) -> Key {
        match self {
            CostBand::Low => Key::CostLow,
            CostBand::Medium => Key::CostMedium,
            CostBand::High => Key::CostHigh,
        }
    }
}

/// The team lead's MoSCoW tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Moscow {
    /// Must have.
    Must,
    /// Should have.
    Should,
    /// Could have.
    Could,
    /// Won't have this time: left out of the roadmap.
    Wont,
}

impl Moscow {
    /// Every tag, most needed first.
    pub const ALL: [Moscow; 4] = [Moscow::Must, Moscow::Should, Moscow::Could, Moscow::Wont];

    /// The stored value.
    pub fn as_str(self) -> &'static str {
        match self {
            Moscow::Must => "must",
            Moscow::Should => "should",
            Moscow::Could => "could",
            Moscow::Wont => "wont",
        }
    }

    /// Reads a stored or submitted value.
    pub fn parse(value: &str) -> Option<Moscow> {
        Moscow::ALL.into_iter().find(|m| m.as_str() == value.trim())
    }

    /// The tag's name, for people.
    pub fn name_key(self) -> Key {
        match self {
            Moscow::Must => Key::MoscowMust,
            Moscow::Should => Key::MoscowShould,
            Moscow::Could => Key::MoscowCould,
            Moscow::Wont => Key::MoscowWont,
        }
    }
}

/// How participants vote: dots each, and whether several may sit on one action.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct DotRules {
    /// Dots per participant, 1–30.
    pub per_participant: u8,
    /// Whether one participant may put more than one dot on the same action.
    pub stack: bool,
}

impl Default for DotRules {
    fn default() -> Self {
        DotRules {
            per_participant: 5,
            stack: true,
        }
    }
}

/// The facilitator's weights (0–5) of the priority formula's criteria.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Weights {
    /// Relevance to open government, as the participants' dot votes judge it.
    pub relevance: u8,
    /// Ambition: the expected impact.
    pub ambition: u8,
    /// Feasibility: the inverse of the effort.
    pub feasibility: u8,
    /// Resources: the inverse of the cost band.
    pub resources: u8,
    /// The gap of the linked indicators between the team's level and its target.
    pub gap: u8,
}

impl Default for Weights {
    fn default() -> Self {
        Weights {
            relevance: 3,
            ambition: 2,
            feasibility: 2,
            resources: 1,
            gap: 2,
        }
    }
}

impl Weights {
    /// The highest weight a criterion may have.
    pub const MAX: u8 = 5;

    /// Whether the weights can rank anything: each within 0–5, not all zero.
    pub fn check(&self) -> Result<(), AppError> {
        let all = [
            ("relevance", self.relevance),
            ("ambition", self.ambition),
            ("feasibility", self.feasibility),
            ("resources", self.resources),
            ("gap", self.gap),
        ];
        let errors = all.iter().map(|(field, w)| {
            (*w > Weights::MAX).then(|| AppError::invalid(field, Key::ErrWeightRange))
        });
        if let Some(err) = AppError::merge(errors) {
            return Err(err);
        }
        if all.iter().all(|(_, w)| *w == 0) {
            return Err(AppError::invalid("relevance", Key::ErrWeightsAllZero));
        }
        Ok(())
    }
}

/// An action of a team as the roadmap and the pages need it, with its place in the ranking.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct RankedAction {
    /// The action.
    pub id: crate::ids::ActionId,
    /// Its title.
    pub title: String,
    /// What it is about.
    pub description: String,
    /// The responsible unit.
    pub unit: String,
    /// Expected impact.
    pub impact: Rating,
    /// Effort.
    pub effort: Rating,
    /// Cost band.
    pub cost: CostBand,
    /// The team lead's tag, if set.
    pub moscow: Option<Moscow>,
    /// Dots on it, from every member.
    pub dots: u32,
    /// Its priority score and how it was reached.
    pub score: super::rules::Score,
    /// Its quadrant of the impact/effort matrix.
    pub quadrant: super::rules::Quadrant,
    /// The indicators it improves (codes, e.g. `T1`), in framework order.
    pub indicators: Vec<String>,
    /// The actions of the same team it depends on.
    pub depends_on: Vec<crate::ids::ActionId>,
    /// Optimistic-concurrency version.
    pub version: i64,
}

/// A workshop's prioritisation settings: the dot rules and the formula's weights.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Settings {
    /// How participants vote.
    pub dots: DotRules,
    /// How much each criterion counts.
    pub weights: Weights,
}

/// Where a MoSCoW tag puts an action in the priority order: must, should, could, untagged,
/// won't.
pub fn moscow_rank(tag: Option<Moscow>) -> u8 {
    match tag {
        Some(Moscow::Must) => 0,
        Some(Moscow::Should) => 1,
        Some(Moscow::Could) => 2,
        None => 3,
        Some(Moscow::Wont) => 4,
    }
}

/// The priority order of a team's actions: by MoSCoW tag (see [`moscow_rank`]), then the
/// higher score, then the older action (lower id), so the order is total and stable.
pub fn priority_order(a: &RankedAction, b: &RankedAction) -> std::cmp::Ordering {
    moscow_rank(a.moscow)
        .cmp(&moscow_rank(b.moscow))
        .then(b.score.total.total_cmp(&a.score.total))
        .then(a.id.cmp(&b.id))
}
