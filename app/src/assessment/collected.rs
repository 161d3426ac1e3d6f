//! Answers as facilitators handle them outside the participants' pages: read without who
//! gave them, and recorded for a respondent who answered elsewhere (on paper, in a call).
//! The JSON API serves both; the checks are the participant's form's own
//! ([`super::store`]).

use serde::{Deserialize, Serialize};

use super::{Mark, MaturityLevel, Response};
use crate::error::{AppError, FieldErrors};
use crate::ids::{ParticipantId, TeamId};

/// One answer without who gave it: respondents are numbered 1, 2, … within their team, in
/// the order they joined.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct AnonymousAnswer {
    /// The respondent's team.
    pub team: TeamId,
    /// The respondent's number within the team.
    pub respondent: u32,
    /// The indicator's code, e.g. `T1`.
    pub indicator: String,
    /// The answer itself.
    pub response: Response,
    /// The level the respondent thinks the government should reach.
    pub target: Option<MaturityLevel>,
    /// Strength, weakness or neither.
    pub mark: Mark,
}

/// An answer collected outside Rumbo, as typed: the same values the participant's form
/// sends, with the indicator named by its code.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct CollectedAnswer {
    /// The indicator's code, e.g. `T1`.
    pub indicator: String,
    /// `1`–`5`, `na` (not applicable) or `dk` (don't know).
    pub response: String,
    /// `1`–`5`, or empty.
    #[serde(default)]
    pub target: Option<String>,
    /// An http(s) link to evidence, or empty.
    #[serde(default)]
    pub evidence: Option<String>,
    /// A note, or empty.
    #[serde(default)]
    pub note: Option<String>,
    /// `neutral`, `strength`, `weakness`, or empty.
    #[serde(default)]
    pub mark: Option<String>,
}

/// What recording a respondent's answers did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Recorded {
    /// The respondent, created on first use.
    pub participant: ParticipantId,
    /// Whether the respondent was created by this request.
    pub created: bool,
    /// How many answers were saved.
    pub saved: u32,
}

/// Numbers the respondents of each team 1, 2, … in the order given (rows come sorted by
/// team and participant), so no name or id leaves the server.
pub fn number_respondents<R>(
    rows: impl IntoIterator<Item = (TeamId, ParticipantId, R)>,
) -> Vec<(TeamId, u32, R)> {
    let mut last: Option<(TeamId, ParticipantId)> = None;
    let mut number = 0;
    rows.into_iter()
        .map(|(team, participant, rest)| {
            match last {
                Some((t, p)) if t == team && p == participant => {}
                Some((t, _)) if t == team => number += 1,
                _ => number = 1,
            }
            last = Some((team, participant));
            (team, number, rest)
        })
        .collect()
}

/// An error about the `index`th answer of a list: its fields are named `answers[index].field`
/// so the caller can tell which answer is wrong. Other errors are left as they are.
pub fn within_answer(index: usize, error: AppError) -> AppError {
    match error {
        AppError::Validation { fields } => AppError::Validation {
            fields: fields
                .into_iter()
                .map(|(field, keys)| (format!("answers[{index}].{field}"), keys))
                .collect::<FieldErrors>(),
        },
        other => other,
    }
}

#[cfg(feature = "ssr")]
pub use ssr::{answers_for_staff, record_for_staff};

#[cfg(feature = "ssr")]
mod ssr {
    use super::*;
    use crate::assessment::input::RawAnswer;
    use crate::assessment::repo;
    use crate::db::Db;
    use crate::error::AppResult;
    use crate::facilitator::{access::require_workshop_as, Staff};
    use crate::i18n::Key;
    use crate::ids::WorkshopId;
    use crate::participant::DisplayName;
    use crate::workshop::repo as workshops;

    /// Every answer of the workshop, anonymised, for an identified facilitator of it.
    pub async fn answers_for_staff(
        db: &Db,
        staff: &Staff,
        workshop: WorkshopId,
    ) -> AppResult<Vec<AnonymousAnswer>> {
        require_workshop_as(db, staff, workshop).await?;
        let rows = repo::staff_answers_of_workshop(db.pool(), workshop).await?;
        Ok(number_respondents(rows.into_iter().map(|r| {
            (
                r.team,
                r.participant,
                (r.indicator, r.response, r.target, r.mark),
            )
        }))
        .into_iter()
        .map(
            |(team, respondent, (indicator, response, target, mark))| AnonymousAnswer {
                team,
                respondent,
                indicator,
                response,
                target,
                mark,
            },
        )
        .collect())
    }

    /// Records answers given outside Rumbo for the respondent `name` of `team`, created on
    /// first use, for an identified facilitator of the workshop. Each answer passes the
    /// participant's form's checks (phase, indicator, values); all are saved in one
    /// transaction, so one wrong answer saves none.
    pub async fn record_for_staff(
        db: &Db,
        staff: &Staff,
        workshop: WorkshopId,
        team: TeamId,
        name: &str,
        answers: &[CollectedAnswer],
    ) -> AppResult<Recorded> {
        require_workshop_as(db, staff, workshop).await?;
        let facts = workshops::facts(db.pool(), workshop).await?;
        if !workshops::teams(db.pool(), workshop)
            .await?
            .iter()
            .any(|t| t.id == team)
        {
            return Err(AppError::NotFound);
        }
        let name = DisplayName::parse(name)?;
        if answers.is_empty() {
            return Err(AppError::invalid("answers", Key::ApiErrNoAnswers));
        }
        let outline = crate::framework::repo::outline(db.pool(), facts.framework).await?;
        let id_of = |code: &str| {
            outline
                .iter()
                .flat_map(|p| &p.indicators)
                .find(|i| i.code == code.trim())
                .map(|i| i.id)
        };
        let mut tx = db.pool().begin().await?;
        let (participant, created) =
            match repo::respondent_named(&mut *tx, team, name.as_str()).await? {
                Some(id) => (id, false),
                None => (
                    workshops::add_participant(&mut *tx, workshop, team, name.as_str()).await?,
                    true,
                ),
            };
        for (index, answer) in answers.iter().enumerate() {
            let indicator = id_of(&answer.indicator).ok_or_else(|| {
                within_answer(
                    index,
                    AppError::invalid("indicator", Key::ApiErrUnknownIndicator),
                )
            })?;
            let raw = RawAnswer {
                response: Some(&answer.response),
                target: answer.target.as_deref(),
                evidence: answer.evidence.as_deref(),
                note: answer.note.as_deref(),
                mark: answer.mark.as_deref(),
            };
            super::super::store(&mut tx, &facts, participant, indicator, &raw)
                .await
                .map_err(|e| within_answer(index, e))?;
        }
        tx.commit().await?;
        Ok(Recorded {
            participant,
            created,
            saved: u32::try_from(answers.len()).unwrap_or(u32::MAX),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Key;

    #[test]
    fn respondents_are_numbered_within_their_team() {
        let rows = [
            (TeamId(1), ParticipantId(7), 'a'),
            (TeamId(1), ParticipantId(7), 'b'),
            (TeamId(1), ParticipantId(9), 'c'),
            (TeamId(2), ParticipantId(3), 'd'),
            (TeamId(2), ParticipantId(8), 'e'),
        ];
        let numbered: Vec<(i64, u32)> = number_respondents(rows)
            .into_iter()
            .map(|(t, n, _)| (t.0, n))
            .collect();
        assert_eq!(numbered, [(1, 1), (1, 1), (1, 2), (2, 1), (2, 2)]);
    }

    #[test]
    fn an_answers_field_errors_name_the_answer() {
        let err = within_answer(2, AppError::invalid("response", Key::ErrLevelRange));
        let AppError::Validation { fields } = err else {
            panic!("{err:?}")
        };
        assert_eq!(fields.keys().collect::<Vec<_>>(), ["answers[2].response"]);
        assert_eq!(within_answer(0, AppError::Forbidden), AppError::Forbidden);
    }
}
