//! The values of an answer, each valid by construction.

use serde::{Deserialize, Serialize};

use crate::error::AppError;
use crate::i18n::Key;
use crate::ids::{IndicatorId, ParticipantId};

/// A maturity level, 1 (initial) to 5 (optimising).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(try_from = "u8", into = "u8")]
pub struct MaturityLevel(u8);

impl MaturityLevel {
    /// The lowest level.
    pub const MIN: MaturityLevel = MaturityLevel(1);
    /// The highest level.
    pub const MAX: MaturityLevel = MaturityLevel(5);
    /// All levels, lowest first.
    pub const ALL: [MaturityLevel; 5] = [
        MaturityLevel(1),
        MaturityLevel(2),
        MaturityLevel(3),
        MaturityLevel(4),
        MaturityLevel(5),
    ];

    /// The level as a number.
    pub fn get(self) -> u8 {
        self.0
    }
}

impl TryFrom<u8> for MaturityLevel {
    type Error = AppError;
    fn try_from(value: u8) -> Result<Self, AppError> {
        if (1..=5).contains(&value) {
            Ok(MaturityLevel(value))
        } else {
            Err(AppError::invalid("level", Key::ErrLevelRange))
        }
    }
}

impl TryFrom<i64> for MaturityLevel {
    type Error = AppError;
    fn try_from(value: i64) -> Result<Self, AppError> {
        u8::try_from(value)
            .map_err(|_| AppError::invalid("level", Key::ErrLevelRange))
            .and_then(MaturityLevel::try_from)
    }
}

impl From<MaturityLevel> for u8 {
    fn from(level: MaturityLevel) -> u8 {
        level.0
    }
}

/// What a participant said about an indicator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(tag = "kind", content = "level", rename_all = "snake_case")]
pub enum Response {
    /// A maturity level.
    Level(MaturityLevel),
    /// The indicator does not apply to this government.
    NotApplicable,
    /// The participant does not know.
    DontKnow,
}

impl Response {
    /// The level, when the answer is one.
    pub fn level(self) -> Option<MaturityLevel> {
        match self {
            Response::Level(level) => Some(level),
            Response::NotApplicable | Response::DontKnow => None,
        }
    }

    /// The value of the response in the answer form: `1`–`5`, `na` or `dk`.
    pub fn form_value(self) -> String {
        match self {
            Response::Level(level) => level.get().to_string(),
            Response::NotApplicable => "na".to_owned(),
            Response::DontKnow => "dk".to_owned(),
        }
    }

    /// How the response is stored: a kind and, for levels, the level.
    pub fn to_columns(self) -> (&'static str, Option<i64>) {
        match self {
            Response::Level(level) => ("level", Some(i64::from(level.get()))),
            Response::NotApplicable => ("not_applicable", None),
            Response::DontKnow => ("dont_know", None),
        }
    }

    /// Reads the stored columns back.
    pub fn from_columns(kind: &str, level: Option<i64>) -> Option<Response> {
        match (kind, level) {
            ("level", Some(level)) => MaturityLevel::try_from(level).ok().map(Response::Level),
            ("not_applicable", None) => Some(Response::NotApplicable),
            ("dont_know", None) => Some(Response::DontKnow),
            _ => None,
        }
    }
}

/// Whether the participant sees the indicator as a strength or a weakness of their government.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Mark {
    /// Neither.
    #[default]
    Neutral,
    /// Something the government does well.
    Strength,
    /// Something to improve.
    Weakness,
}

impl Mark {
    /// The stored value.
    pub fn as_str(self) -> &'static str {
        match self {
            Mark::Neutral => "neutral",
            Mark::Strength => "strength",
            Mark::Weakness => "weakness",
        }
    }

    /// Reads a stored value.
    pub fn parse(value: &str) -> Option<Mark> {
        match value {
            "neutral" => Some(Mark::Neutral),
            "strength" => Some(Mark::Strength),
            "weakness" => Some(Mark::Weakness),
            _ => None,
        }
    }
}

/// One participant's answer to one indicator.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Answer {
    /// Who answered.
    pub participant: ParticipantId,
    /// What was answered.
    pub indicator: IndicatorId,
    /// The answer itself.
    pub response: Response,
    /// The level the participant thinks the government should reach.
    pub target: Option<MaturityLevel>,
    /// A link to evidence.
    pub evidence_url: Option<String>,
    /// A free note.
    pub note: Option<String>,
    /// Strength, weakness or neither.
    pub mark: Mark,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_outside_one_to_five_are_refused() {
        for bad in [0_i64, 6, -1, 300] {
            assert!(MaturityLevel::try_from(bad).is_err(), "{bad}");
        }
        for good in 1_i64..=5 {
            assert_eq!(
                i64::from(MaturityLevel::try_from(good).unwrap().get()),
                good
            );
        }
    }

    #[test]
    fn json_cannot_smuggle_a_bad_level() {
        assert!(serde_json::from_str::<MaturityLevel>("7").is_err());
        assert_eq!(serde_json::from_str::<MaturityLevel>("3").unwrap().get(), 3);
    }

    #[test]
    fn responses_round_trip_through_columns() {
        for response in [
            Response::Level(MaturityLevel::MAX),
            Response::NotApplicable,
            Response::DontKnow,
        ] {
            let (kind, level) = response.to_columns();
            assert_eq!(Response::from_columns(kind, level), Some(response));
        }
        assert_eq!(Response::from_columns("level", None), None);
        assert_eq!(Response::from_columns("dont_know", Some(2)), None);
    }
}
