//! What a roadmap is made of: horizons, OGP completion levels, items and milestones.

use serde::{Deserialize, Serialize};

use crate::i18n::Key;

/// The three horizons of a roadmap, by when an item starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
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
