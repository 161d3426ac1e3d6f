//! What an implementation need is, and what the pages and the dashboard read of them.

use serde::{Deserialize, Serialize};

use crate::i18n::Key;
use crate::ids::{ActionId, NeedId};

/// The kind of support a team needs to implement its actions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NeedKind {
    /// An ordinance, a regulation or a legal reform.
    Legal,
    /// Money: a budget line, co-financing.
    Budget,
    /// People and what they know: staff, training.
    StaffSkills,
    /// Software, equipment, connectivity.
    Technology,
    /// Data: its collection, quality or publication.
    Data,
    /// Backing from the authorities (the prefect, the council).
    PoliticalSupport,
    /// Allies: other governments, universities, civil society, cooperation.
    Partnerships,
}

impl NeedKind {
    /// Every kind, in the order the forms, the chart and the exports list them.
    pub const ALL: [NeedKind; 7] = [
        NeedKind::Legal,
        NeedKind::Budget,
        NeedKind::StaffSkills,
        NeedKind::Technology,
        NeedKind::Data,
        NeedKind::PoliticalSupport,
        NeedKind::Partnerships,
    ];

    /// The stored value (also the export's code).
    pub fn as_str(self) -> &'static str {
        match self {
            NeedKind::Legal => "legal",
            NeedKind::Budget => "budget",
            NeedKind::StaffSkills => "staff_skills",
            NeedKind::Technology => "technology",
            NeedKind::Data => "data",
            NeedKind::PoliticalSupport => "political_support",
            NeedKind::Partnerships => "partnerships",
        }
    }

    /// Reads a stored or submitted value.
    pub fn parse(value: &str) -> Option<NeedKind> {
        NeedKind::ALL
            .into_iter()
            .find(|k| k.as_str() == value.trim())
    }

    /// The kind's name, for people.
    pub fn name_key(self) -> Key {
        match self {
            NeedKind::Legal => Key::NeedKindLegal,
            NeedKind::Budget => Key::NeedKindBudget,
            NeedKind::StaffSkills => Key::NeedKindStaffSkills,
            NeedKind::Technology => Key::NeedKindTechnology,
            NeedKind::Data => Key::NeedKindData,
            NeedKind::PoliticalSupport => Key::NeedKindPoliticalSupport,
            NeedKind::Partnerships => Key::NeedKindPartnerships,
        }
    }

    /// A short hint of what the kind covers, for the form.
    pub fn hint_key(self) -> Key {
        match self {
            NeedKind::Legal => Key::NeedKindLegalHint,
            NeedKind::Budget => Key::NeedKindBudgetHint,
            NeedKind::StaffSkills => Key::NeedKindStaffSkillsHint,
            NeedKind::Technology => Key::NeedKindTechnologyHint,
            NeedKind::Data => Key::NeedKindDataHint,
            NeedKind::PoliticalSupport => Key::NeedKindPoliticalSupportHint,
            NeedKind::Partnerships => Key::NeedKindPartnershipsHint,
        }
    }
}

/// The longest description, in characters (the database checks it too).
pub const MAX_DESCRIPTION: usize = 1000;

/// A need of a team, as its members see it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Need {
    /// The need.
    pub id: NeedId,
    /// Its kind.
    pub kind: NeedKind,
    /// What exactly is needed.
    pub description: String,
    /// The team's actions it unblocks, oldest action first.
    pub unblocks: Vec<ActionId>,
    /// Optimistic-concurrency version.
    pub version: i64,
}

/// The needs section of a team's actions page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TeamNeeds {
    /// The team's needs, oldest first.
    pub needs: Vec<Need>,
    /// The team's actions a need may unblock, as (id, title), oldest first.
    pub actions: Vec<(ActionId, String)>,
    /// Whether the reader may record, edit and delete needs now.
    pub can_edit: bool,
}

/// One kind of need across a workshop's teams.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KindSummary {
    /// The kind.
    pub kind: NeedKind,
    /// Teams with at least one need of this kind.
    pub teams: u32,
    /// Those teams' names, in display order.
    pub team_names: Vec<String>,
    /// Every need of this kind as (team name, description), teams in display order.
    pub descriptions: Vec<(String, String)>,
}

/// The workshop's needs, aggregated for the facilitator's dashboard.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NeedsSummary {
    /// Teams in the workshop (the "out of" of every count).
    pub teams_total: u32,
    /// Teams that recorded at least one need.
    pub teams_with_needs: u32,
    /// Needs recorded, all kinds.
    pub needs_total: u32,
    /// Every kind, in [`NeedKind::ALL`] order, including those no team needs.
    pub kinds: Vec<KindSummary>,
}
