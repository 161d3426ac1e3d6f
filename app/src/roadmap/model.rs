//! What a roadmap is made of: horizons, OGP completion levels, items and milestones.

use serde::{Deserialize, Serialize};

use crate::i18n::Key;

/// The three horizons of a roadmap, by when an item starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Horizon {
    /// Starts in the first 6 months.
    Now,
    /// Starts between months 6 and 18.
    Next,
    /// Starts after month 18 (the roadmap runs to month 36).
    Later,
}

impl Horizon {
    /// Every horizon, soonest first.
    pub const ALL: [Horizon; 3] = [Horizon::Now, Horizon::Next, Horizon::Later];

    /// The horizon of an item that starts `months` whole months after the roadmap starts.
    pub fn of_month(months: u32) -> Horizon {
        match months {
            0..6 => Horizon::Now,
            6..18 => Horizon::Next,
            _ => Horizon::Later,
        }
    }

    /// The horizon's name, for people.
    pub fn name_key(self) -> Key {
        match self {
            Horizon::Now => Key::HorizonNow,
            Horizon::Next => Key::HorizonNext,
            Horizon::Later => Key::HorizonLater,
        }
    }
}

/// OGP's completion levels for a commitment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Not started.
    NotStarted,
    /// Limited.
    Limited,
    /// Substantial.
    Substantial,
    /// Completed.
    Completed,
}

impl Status {
    /// Every level, in order.
    pub const ALL: [Status; 4] = [
        Status::NotStarted,
        Status::Limited,
        Status::Substantial,
        Status::Completed,
    ];

    /// The stored value.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::NotStarted => "not_started",
            Status::Limited => "limited",
            Status::Substantial => "substantial",
            Status::Completed => "completed",
        }
    }

    /// Reads a stored or submitted value.
    pub fn parse(value: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.as_str() == value.trim())
    }

    /// The level's name, for people.
    pub fn name_key(self) -> Key {
        match self {
            Status::NotStarted => Key::StatusNotStarted,
            Status::Limited => Key::StatusLimited,
            Status::Substantial => Key::StatusSubstantial,
            Status::Completed => Key::StatusCompleted,
        }
    }
}

/// A milestone of a roadmap item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct MilestoneView {
    /// The milestone.
    pub id: crate::ids::MilestoneId,
    /// What is reached.
    pub title: String,
    /// When, as an ISO date.
    pub due_on: String,
}

/// One item of a team's roadmap, as pages and charts show it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ItemView {
    /// The item.
    pub id: crate::ids::RoadmapItemId,
    /// The action it schedules.
    pub action: crate::ids::ActionId,
    /// The action's title.
    pub title: String,
    /// The responsible unit (owner).
    pub owner: String,
    /// First day, ISO.
    pub starts_on: String,
    /// Last day, ISO.
    pub ends_on: String,
    /// When it starts, relative to the roadmap's start.
    pub horizon: Horizon,
    /// Whether it was a quick win when generated.
    pub quick_win: bool,
    /// OGP completion level.
    pub status: Status,
    /// 0–100.
    pub progress: u8,
    /// Edited by hand: kept when the roadmap is generated again.
    pub pinned: bool,
    /// The actions it waits for.
    pub depends_on: Vec<crate::ids::ActionId>,
    /// The indicators it improves (codes).
    pub indicators: Vec<String>,
    /// Milestones, in date order.
    pub milestones: Vec<MilestoneView>,
    /// Optimistic-concurrency version.
    pub version: i64,
}

/// A pillar's current level and the level the team aims at, for the current-versus-target
/// radar.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct PillarTarget {
    /// The pillar's code.
    pub code: String,
    /// Its name in the reader's language.
    pub name: String,
    /// The mean of the team's consensus levels on its indicators.
    pub current: Option<f64>,
    /// The mean of the indicators' targets (see `roadmap::rules`).
    pub target: Option<f64>,
}

/// A team's roadmap as the pages show it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct TeamRoadmap {
    /// The team.
    pub team: crate::ids::TeamId,
    /// Its name.
    pub team_name: String,
    /// The roadmap's first day, ISO; `None` before it is generated.
    pub starts_on: Option<String>,
    /// Its items, by start date.
    pub items: Vec<ItemView>,
    /// Current versus target per pillar.
    pub pillars: Vec<PillarTarget>,
}
