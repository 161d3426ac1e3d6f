//! Server functions of the assessment: what a participant reads, and saving an answer.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::Answer;
use crate::error::AppError;
use crate::framework::Sheet;
use crate::ids::{IndicatorId, WorkshopId};
use crate::participant::Me;
use crate::workshop::WorkshopSummary;

/// Everything the assessment pages of one participant show.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AssessmentSheet {
    /// The workshop.
    pub workshop: WorkshopSummary,
    /// The participant.
    pub me: Me,
    /// The framework.
    pub sheet: Sheet,
    /// Their answers so far.
    pub answers: Vec<Answer>,
    /// Whether answers may still change (the assessment phase is open).
    pub editable: bool,
}

impl AssessmentSheet {
    /// The participant's answer to an indicator, if any.
    pub fn answer(&self, indicator: IndicatorId) -> Option<&Answer> {
        self.answers.iter().find(|a| a.indicator == indicator)
    }
}

/// What a save hands back.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Saved {
    /// The answer's version after the save.
    pub version: i64,
}

/// The current participant's assessment of `workshop`.
#[server(name = GetAssessmentSheet, endpoint = "assessment_sheet")]
pub async fn assessment_sheet(workshop: WorkshopId) -> Result<AssessmentSheet, AppError> {
    let state = crate::state::AppState::from_context()?;
    ssr::sheet(&state.db, workshop).await
}

/// Saves one answer of the current participant. The form's fields arrive as typed and are
/// checked here; the participant and their team come from the session, never from the form.
#[server(name = SaveAnswer, endpoint = "save_answer")]
pub async fn save_answer(
    workshop: WorkshopId,
    indicator: IndicatorId,
    response: Option<String>,
    target: Option<String>,
    evidence: Option<String>,
    note: Option<String>,
    mark: Option<String>,
) -> Result<Saved, AppError> {
    let state = crate::state::AppState::from_context()?;
    let raw = super::input::RawAnswer {
        response: response.as_deref(),
        target: target.as_deref(),
        evidence: evidence.as_deref(),
        note: note.as_deref(),
        mark: mark.as_deref(),
    };
    let saved = ssr::save(&state.db, workshop, indicator, &raw).await?;
    state.live.publish(&state.db, workshop).await;
    Ok(saved)
}

#[cfg(feature = "ssr")]
pub use ssr::store;

#[cfg(feature = "ssr")]
mod ssr {
    use super::*;
    use crate::assessment::input::{parse_answer, RawAnswer};
    use crate::assessment::{repo, Answer};
    use crate::db::Db;
    use crate::error::AppResult;
    use crate::i18n::Key;
    use crate::participant::session;
    use crate::workshop::repo as workshops;

    pub(super) async fn sheet(db: &Db, workshop: WorkshopId) -> AppResult<AssessmentSheet> {
        let me = session::current(db).await?;
        me.require_workshop(workshop)?;
        let facts = workshops::facts(db.pool(), workshop).await?;
        let sheet = crate::framework::repo::sheet(db.pool(), facts.framework).await?;
        let answers = repo::answers_of(db.pool(), me.participant).await?;
        Ok(AssessmentSheet {
            editable: facts.summary.phase.accepts_answers(),
            workshop: facts.summary,
            me,
            sheet,
            answers,
        })
    }

    pub(super) async fn save(
        db: &Db,
        workshop: WorkshopId,
        indicator: IndicatorId,
        raw: &RawAnswer<'_>,
    ) -> AppResult<Saved> {
        let me = session::current(db).await?;
        me.require_workshop(workshop)?;
        let facts = workshops::facts(db.pool(), workshop).await?;
        let mut conn = db.pool().acquire().await?;
        store(&mut conn, &facts, me.participant, indicator, raw).await
    }

    /// Checks and saves one answer of a participant of the workshop `facts` describes: the
    /// phase must accept answers, the indicator must be in its framework, the values must
    /// parse. Shared by the participant's form and the API's answers collected elsewhere.
    pub async fn store(
        conn: &mut sqlx::AnyConnection,
        facts: &crate::workshop::repo::WorkshopFacts,
        participant: crate::ids::ParticipantId,
        indicator: IndicatorId,
        raw: &RawAnswer<'_>,
    ) -> AppResult<Saved> {
        if !facts.summary.phase.accepts_answers() {
            return Err(AppError::Conflict {
                reason: Key::ErrAssessmentClosed,
            });
        }
        let not_in_framework = || AppError::invalid("indicator", Key::ErrIndicatorNotInWorkshop);
        let input = match parse_answer(raw) {
            Ok(input) => input,
            Err(invalid) => {
                // A wrong indicator is reported before the fields' mistakes.
                if !repo::indicator_in_framework(&mut *conn, indicator, facts.framework).await? {
                    return Err(not_in_framework());
                }
                return Err(invalid);
            }
        };
        let saved = repo::upsert(
            &mut *conn,
            &Answer {
                participant,
                indicator,
                response: input.response,
                target: input.target,
                evidence_url: input.evidence_url,
                note: input.note,
                mark: input.mark,
            },
        )
        .await?;
        // The write checks the indicator and the phase itself (one round trip for the usual
        // save); only a refused write asks which of the two it was.
        let Some(version) = saved else {
            if !repo::indicator_in_framework(&mut *conn, indicator, facts.framework).await? {
                return Err(not_in_framework());
            }
            // The phase closed between the check above and the write.
            return Err(AppError::Conflict {
                reason: Key::ErrAssessmentClosed,
            });
        };
        Ok(Saved { version })
    }
}
