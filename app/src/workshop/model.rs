//! Workshop values, valid by construction.

use serde::{Deserialize, Serialize};

use crate::error::AppError;
use crate::i18n::Key;
use crate::ids::{TeamId, WorkshopId};

/// The code participants type to join a workshop.
///
/// Typed codes are forgiving: case does not matter, and spaces and dashes are ignored, so
/// "ecu-2026", "ECU 2026" and "ECU2026" are the same code. It is stored normalised.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct JoinCode(String);

impl JoinCode {
    /// Reads a code as a person typed it.
    pub fn parse(typed: &str) -> Result<JoinCode, AppError> {
        let code: String = typed
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .flat_map(char::to_uppercase)
            .collect();
        if (4..=12).contains(&code.chars().count())
            && code.chars().all(|c| c.is_ascii_alphanumeric())
        {
            Ok(JoinCode(code))
        } else {
            Err(AppError::invalid("join_code", Key::ErrJoinCodeFormat))
        }
    }

    /// A new random code of eight characters, without look-alikes (0/O, 1/I/L), so it can be
    /// read aloud on a call and typed on a phone.
    #[cfg(feature = "ssr")]
    pub fn random() -> JoinCode {
        use rand::Rng;
        const ALPHABET: &[u8] = b"ABCDEFGHJKMNPQRSTUVWXYZ23456789";
        let mut rng = rand::rng();
        JoinCode(
            (0..8)
                .map(|_| char::from(ALPHABET[rng.random_range(0..ALPHABET.len())]))
                .collect(),
        )
    }

    /// The normalised code.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The code as shown to people: in groups of four, easier to read aloud on a call.
    pub fn display(&self) -> String {
        self.0
            .as_bytes()
            .chunks(4)
            .map(|chunk| String::from_utf8_lossy(chunk).into_owned())
            .collect::<Vec<_>>()
            .join("-")
    }
}

impl TryFrom<String> for JoinCode {
    type Error = AppError;
    fn try_from(value: String) -> Result<Self, AppError> {
        JoinCode::parse(&value)
    }
}

impl From<JoinCode> for String {
    fn from(code: JoinCode) -> String {
        code.0
    }
}

/// Where a workshop stands. Each phase allows different actions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    /// The facilitator prepares the workshop.
    Setup,
    /// Participants answer.
    Assessment,
    /// Teams and facilitator review the results.
    Review,
    /// Actions are proposed and prioritised.
    Prioritisation,
    /// Roadmaps are built.
    Roadmap,
    /// Read-only.
    Closed,
}

impl Phase {
    /// The stored value.
    pub fn as_str(self) -> &'static str {
        match self {
            Phase::Setup => "setup",
            Phase::Assessment => "assessment",
            Phase::Review => "review",
            Phase::Prioritisation => "prioritisation",
            Phase::Roadmap => "roadmap",
            Phase::Closed => "closed",
        }
    }

    /// Whether participants may still change their answers.
    pub fn accepts_answers(self) -> bool {
        self == Phase::Assessment
    }

    /// Whether team leads may settle their team's consensus: while answers come in and
    /// during the review that follows.
    pub fn accepts_consensus(self) -> bool {
        matches!(self, Phase::Assessment | Phase::Review)
    }

    /// Every phase, in the order a workshop goes through them.
    pub const ALL: [Phase; 6] = [
        Phase::Setup,
        Phase::Assessment,
        Phase::Review,
        Phase::Prioritisation,
        Phase::Roadmap,
        Phase::Closed,
    ];

    /// Reads a stored value.
    pub fn parse(value: &str) -> Option<Phase> {
        Phase::ALL.into_iter().find(|p| p.as_str() == value)
    }

    fn index(self) -> usize {
        Phase::ALL
            .iter()
            .position(|p| *p == self)
            .unwrap_or_default()
    }

    /// The phase that opens when this one closes.
    pub fn next(self) -> Option<Phase> {
        Phase::ALL.get(self.index() + 1).copied()
    }

    /// The phase this one followed, which the facilitator may reopen.
    pub fn previous(self) -> Option<Phase> {
        self.index().checked_sub(1).map(|i| Phase::ALL[i])
    }

    /// Whether the facilitator may go from this phase to `to`: one step forward (closing this
    /// phase opens the next) or one step back (reopening the previous one, e.g. to let late
    /// answers in). Skipping phases is refused, so no step is missed by a slip of the finger.
    pub fn may_move_to(self, to: Phase) -> bool {
        self.next() == Some(to) || self.previous() == Some(to)
    }

    /// Why the facilitator may not move the workshop, now in this phase, from `from` (the
    /// phase their page showed) to `to`; `None` when the move is allowed. The assessment
    /// needs a team to answer for.
    pub fn move_refusal(self, from: Phase, to: Phase, has_teams: bool) -> Option<Key> {
        if self != from {
            Some(Key::ErrPhaseChanged)
        } else if !from.may_move_to(to) {
            Some(Key::ErrPhaseOrder)
        } else if to == Phase::Assessment && !has_teams {
            Some(Key::ErrNoTeams)
        } else {
            None
        }
    }

    /// The phase's name, for people.
    pub fn name_key(self) -> Key {
        match self {
            Phase::Setup => Key::PhaseSetup,
            Phase::Assessment => Key::PhaseAssessment,
            Phase::Review => Key::PhaseReview,
            Phase::Prioritisation => Key::PhasePrioritisation,
            Phase::Roadmap => Key::PhaseRoadmap,
            Phase::Closed => Key::PhaseClosed,
        }
    }

    /// What the phase allows, in one sentence for the facilitator.
    pub fn help_key(self) -> Key {
        match self {
            Phase::Setup => Key::PhaseSetupHelp,
            Phase::Assessment => Key::PhaseAssessmentHelp,
            Phase::Review => Key::PhaseReviewHelp,
            Phase::Prioritisation => Key::PhasePrioritisationHelp,
            Phase::Roadmap => Key::PhaseRoadmapHelp,
            Phase::Closed => Key::PhaseClosedHelp,
        }
    }
}

/// What every page about a workshop shows in its header.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct WorkshopSummary {
    /// Id.
    pub id: WorkshopId,
    /// Title.
    pub title: String,
    /// Current phase.
    pub phase: Phase,
    /// A team's aggregates are shown to others only with at least this many respondents.
    pub anonymity_threshold: u32,
}

/// A team of a workshop.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct TeamSummary {
    /// Id.
    pub id: TeamId,
    /// Name, e.g. "GAD Provincial de Azuay".
    pub name: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_codes_are_forgiving() {
        let expected = JoinCode::parse("DEMO2026").unwrap();
        for typed in ["demo2026", "DEMO-2026", " demo 2026 ", "De-Mo-20-26"] {
            assert_eq!(JoinCode::parse(typed).unwrap(), expected, "{typed}");
        }
        assert_eq!(expected.display(), "DEMO-2026");
    }

    #[test]
    fn malformed_codes_are_refused() {
        for typed in [
            "",
            "abc",
            "ABCDEFGHIJKLM",
            "DEMO_2026",
            "ÑANDÚ123",
            "12;DROP",
        ] {
            assert!(JoinCode::parse(typed).is_err(), "{typed}");
        }
    }

    #[test]
    fn phases_round_trip() {
        for phase in [
            "setup",
            "assessment",
            "review",
            "prioritisation",
            "roadmap",
            "closed",
        ] {
            assert_eq!(Phase::parse(phase).unwrap().as_str(), phase);
        }
        assert_eq!(Phase::parse("open"), None);
    }

    #[test]
    fn answers_only_during_assessment_consensus_until_review_ends() {
        let open: Vec<_> = [
            "setup",
            "assessment",
            "review",
            "prioritisation",
            "roadmap",
            "closed",
        ]
        .into_iter()
        .filter_map(Phase::parse)
        .map(|p| (p.accepts_answers(), p.accepts_consensus()))
        .collect();
        assert_eq!(
            open,
            [
                (false, false),
                (true, true),
                (false, true),
                (false, false),
                (false, false),
                (false, false)
            ]
        );
    }
}

#[cfg(test)]
mod phase_tests {
    use super::*;

    #[cfg(feature = "ssr")]
    #[test]
    fn random_codes_are_valid_and_readable() {
        let a = JoinCode::random();
        assert_eq!(JoinCode::parse(&a.display()), Ok(a.clone()));
        assert_eq!(a.display().len(), 9, "two groups of four");
        assert!(!a.as_str().contains(['0', 'O', '1', 'I', 'L']));
        assert_ne!(a, JoinCode::random());
    }

    #[test]
    fn phases_move_one_step_at_a_time() {
        assert!(Phase::Setup.may_move_to(Phase::Assessment));
        assert!(Phase::Assessment.may_move_to(Phase::Review));
        assert!(
            Phase::Review.may_move_to(Phase::Assessment),
            "reopening is allowed"
        );
        assert!(Phase::Roadmap.may_move_to(Phase::Closed));
        assert!(Phase::Closed.may_move_to(Phase::Roadmap));
        assert!(!Phase::Setup.may_move_to(Phase::Review), "no skipping");
        assert!(!Phase::Setup.may_move_to(Phase::Setup));
        assert!(!Phase::Closed.may_move_to(Phase::Setup));
        assert_eq!(Phase::Closed.next(), None);
        assert_eq!(Phase::Setup.previous(), None);
    }

    #[test]
    fn moves_are_refused_with_a_reason() {
        let now = Phase::Setup;
        assert_eq!(
            now.move_refusal(Phase::Setup, Phase::Assessment, true),
            None
        );
        assert_eq!(
            now.move_refusal(Phase::Setup, Phase::Assessment, false),
            Some(Key::ErrNoTeams)
        );
        assert_eq!(
            now.move_refusal(Phase::Setup, Phase::Review, true),
            Some(Key::ErrPhaseOrder)
        );
        assert_eq!(
            Phase::Review.move_refusal(Phase::Setup, Phase::Assessment, true),
            Some(Key::ErrPhaseChanged),
            "a stale page"
        );
        assert_eq!(
            Phase::Review.move_refusal(Phase::Review, Phase::Assessment, true),
            None
        );
    }
}
