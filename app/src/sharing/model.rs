//! What sharing works with: observer links, licences, and the anonymised view of a workshop
//! that observers and the public read.

use serde::{Deserialize, Serialize};

use crate::dashboard::{CrossRanked, Distribution, IndicatorColumn};
use crate::i18n::Key;
use crate::ids::{ShareLinkId, WorkshopId};
use crate::results::PillarColumn;
use crate::roadmap::{Horizon, PillarTarget, Status};
use crate::workshop::{TeamSummary, WorkshopSummary};

/// The licences a facilitator may publish under (SPDX identifiers).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Licence {
    /// Creative Commons Attribution 4.0: reuse with credit.
    #[default]
    #[serde(rename = "CC-BY-4.0")]
    CcBy4,
    /// Creative Commons Zero: public domain dedication.
    #[serde(rename = "CC0-1.0")]
    Cc0,
    /// Open Data Commons Open Database License 1.0.
    #[serde(rename = "ODbL-1.0")]
    Odbl,
}

impl Licence {
    /// Every licence offered, the default first.
    pub const ALL: [Licence; 3] = [Licence::CcBy4, Licence::Cc0, Licence::Odbl];

    /// The SPDX identifier, as stored.
    pub fn id(self) -> &'static str {
        match self {
            Licence::CcBy4 => "CC-BY-4.0",
            Licence::Cc0 => "CC0-1.0",
            Licence::Odbl => "ODbL-1.0",
        }
    }

    /// Reads an SPDX identifier (as stored or submitted).
    pub fn parse(value: &str) -> Option<Licence> {
        Licence::ALL.into_iter().find(|l| l.id() == value.trim())
    }

    /// The licence's canonical text.
    pub fn url(self) -> &'static str {
        match self {
            Licence::CcBy4 => "https://creativecommons.org/licenses/by/4.0/",
            Licence::Cc0 => "https://creativecommons.org/publicdomain/zero/1.0/",
            Licence::Odbl => "https://opendatacommons.org/licenses/odbl/1-0/",
        }
    }

    /// Its name, for people.
    pub fn name_key(self) -> Key {
        match self {
            Licence::CcBy4 => Key::ShrLicenceCcBy,
            Licence::Cc0 => Key::ShrLicenceCc0,
            Licence::Odbl => Key::ShrLicenceOdbl,
        }
    }
}

/// Whether an observer link still opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LinkState {
    /// It opens.
    Active,
    /// Its expiry has passed.
    Expired,
    /// A facilitator revoked it.
    Revoked,
}

impl LinkState {
    /// Its name, for people.
    pub fn name_key(self) -> Key {
        match self {
            LinkState::Active => Key::ShrStateActive,
            LinkState::Expired => Key::ShrStateExpired,
            LinkState::Revoked => Key::ShrStateRevoked,
        }
    }
}

/// An observer link as the facilitator's list shows it (never its secret).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ShareLinkView {
    /// The link.
    pub id: ShareLinkId,
    /// What the facilitator called it.
    pub label: String,
    /// The team it shows; `None`: the whole workshop.
    pub team: Option<String>,
    /// When it was made, unix seconds.
    pub created_at: i64,
    /// When it stops working, unix seconds.
    pub expires_at: Option<i64>,
    /// Whether it still opens.
    pub state: LinkState,
}

/// The sharing panel's data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SharingSettings {
    /// The workshop.
    pub workshop: WorkshopId,
    /// Its teams, for a team link.
    pub teams: Vec<TeamSummary>,
    /// Its observer links, newest first.
    pub links: Vec<ShareLinkView>,
    /// When it was published, unix seconds; `None`: not published.
    pub published_at: Option<i64>,
    /// The licence it is (or would be) published under.
    pub licence: Licence,
}

/// A link just made: the only time its secret is shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewShareLink {
    /// The link.
    pub id: ShareLinkId,
    /// `/observe/<token>`.
    pub path: String,
}

/// A roadmap milestone, as shared.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PublicMilestone {
    /// What is reached.
    pub title: String,
    /// When, ISO date.
    pub due_on: String,
}

/// A roadmap item, as shared: no internal ids or versions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PublicItem {
    /// The action it schedules.
    pub title: String,
    /// The responsible unit.
    pub owner: String,
    /// First day, ISO.
    pub starts_on: String,
    /// Last day, ISO.
    pub ends_on: String,
    /// Now, next or later.
    pub horizon: Horizon,
    /// OGP completion level.
    pub status: Status,
    /// 0–100.
    pub progress: u8,
    /// Indicator codes it improves.
    pub indicators: Vec<String>,
    /// Milestones, in date order.
    pub milestones: Vec<PublicMilestone>,
}

/// A team's roadmap, as shared.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PublicRoadmap {
    /// First day, ISO; `None` before it is generated.
    pub starts_on: Option<String>,
    /// Items by start date.
    pub items: Vec<PublicItem>,
    /// Current versus target per pillar.
    pub pillars: Vec<PillarTarget>,
}

/// One team, as shared. A team below the anonymity threshold is shown by name only: every
/// other field is empty.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PublicTeam {
    /// Team name.
    pub name: String,
    /// Whether its numbers are shown (respondents ≥ the anonymity threshold).
    pub shown: bool,
    /// Members who answered.
    pub respondents: Option<u32>,
    /// Pillar averages of its consensus, in pillar order, one decimal.
    pub averages: Vec<Option<f64>>,
    /// Its consensus per indicator, in indicator order, one decimal.
    pub consensus: Vec<Option<f64>>,
    /// Its roadmap.
    pub roadmap: Option<PublicRoadmap>,
}

/// A workshop's anonymised aggregates and roadmaps: all that observers and the public see.
/// Every workshop-wide number is computed over the teams shown only, so a small team's
/// answers never leak through an average or a count.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PublicAggregates {
    /// The workshop.
    pub workshop: WorkshopSummary,
    /// Pillars, in framework order.
    pub pillars: Vec<PillarColumn>,
    /// Indicators, in framework order.
    pub indicators: Vec<IndicatorColumn>,
    /// Mean of the shown teams' pillar averages, one decimal.
    pub workshop_averages: Vec<Option<f64>>,
    /// Answers per indicator over the shown teams (empty on a one-team view).
    pub distribution: Vec<Distribution>,
    /// Strengths over the shown teams (empty on a one-team view).
    pub strengths: Vec<CrossRanked>,
    /// Weaknesses over the shown teams (empty on a one-team view).
    pub weaknesses: Vec<CrossRanked>,
    /// Teams in display order (only the linked one on a one-team view).
    pub teams: Vec<PublicTeam>,
}

/// What an observer link opens.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Observed {
    /// The link works.
    Shown {
        /// The team it is limited to, by name.
        team: Option<String>,
        /// What it shows.
        data: Box<PublicAggregates>,
    },
    /// The link was revoked or has expired: nothing is shown.
    Gone {
        /// Which.
        state: LinkState,
    },
}

/// A published workshop in the public index.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PublishedWorkshop {
    /// The workshop.
    pub id: WorkshopId,
    /// Title.
    pub title: String,
    /// When it was published, unix seconds.
    pub published_at: i64,
    /// Its licence.
    pub licence: Licence,
}

/// The public page of a published workshop.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PublicPageData {
    /// When and under which licence.
    pub published: PublishedWorkshop,
    /// Who publishes it: the owner's display name (never an email).
    pub publisher: String,
    /// What is shown.
    pub data: PublicAggregates,
}
