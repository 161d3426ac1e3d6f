//! Participant values, valid by construction.

use serde::{Deserialize, Serialize};

use crate::error::AppError;
use crate::i18n::Key;
use crate::ids::{ParticipantId, TeamId, WorkshopId};
use crate::workshop::{TeamSummary, WorkshopSummary};

/// The name a participant shows to their team, e.g. "María (Planificación)".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DisplayName(String);

impl DisplayName {
    /// The longest name accepted, in characters.
    pub const MAX_CHARS: usize = 80;

    /// Reads a name as typed: surrounding spaces are dropped, inner runs of spaces collapse.
    pub fn parse(typed: &str) -> Result<DisplayName, AppError> {
        let name = typed.split_whitespace().collect::<Vec<_>>().join(" ");
        if name.is_empty() {
            return Err(AppError::invalid("name", Key::ErrNameEmpty));
        }
        if name.chars().count() > Self::MAX_CHARS || name.chars().any(char::is_control) {
            return Err(AppError::invalid("name", Key::ErrNameTooLong));
        }
        Ok(DisplayName(name))
    }

    /// The name.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The participant behind the current request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Me {
    /// Who.
    pub participant: ParticipantId,
    /// Their workshop.
    pub workshop: WorkshopId,
    /// Their team.
    pub team: TeamId,
    /// The team's name.
    pub team_name: String,
    /// Their name.
    pub display_name: String,
    /// Whether they may settle the team's consensus.
    pub is_lead: bool,
}

impl Me {
    /// Refuses a request about another workshop than the participant's own.
    pub fn require_workshop(&self, workshop: WorkshopId) -> Result<(), AppError> {
        if self.workshop == workshop {
            Ok(())
        } else {
            Err(AppError::Forbidden)
        }
    }
}

/// What the second step of joining shows: the workshop a code opens, and its teams.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JoinTarget {
    /// The code as it is shown, e.g. `DEMO-2026`.
    pub code: String,
    /// The workshop.
    pub workshop: WorkshopSummary,
    /// Its teams, to choose from.
    pub teams: Vec<TeamSummary>,
    /// Whether the participant joining becomes a team lead (only in the demo workshop, so
    /// visitors can try the lead's tools).
    pub joiners_lead: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_tidied() {
        assert_eq!(
            DisplayName::parse("  María   José ").unwrap().as_str(),
            "María José"
        );
    }

    #[test]
    fn empty_long_and_control_names_are_refused() {
        assert!(DisplayName::parse("   ").is_err());
        assert!(DisplayName::parse(&"a".repeat(81)).is_err());
        assert!(DisplayName::parse(&"ñ".repeat(80)).is_ok());
        assert!(DisplayName::parse("a\u{0007}b").is_err());
    }

    #[test]
    fn a_participant_stays_in_their_workshop() {
        let me = Me {
            participant: ParticipantId(1),
            workshop: WorkshopId(2),
            team: TeamId(3),
            team_name: "Azuay".into(),
            display_name: "Ana".into(),
            is_lead: false,
        };
        assert!(me.require_workshop(WorkshopId(2)).is_ok());
        assert_eq!(me.require_workshop(WorkshopId(9)), Err(AppError::Forbidden));
    }
}
