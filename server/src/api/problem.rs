//! Errors as RFC 9457 problem details (`application/problem+json`), in the caller's
//! language: the one shape every failing API call answers with.

use std::collections::BTreeMap;

use axum::http::header::CONTENT_TYPE;
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};

use app::error::AppError;
use app::i18n::{Key, Lang};

/// The media type of a problem.
pub(crate) const PROBLEM_JSON: &str = "application/problem+json";

/// A problem detail (RFC 9457).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub(crate) struct Problem {
    /// What kind of problem: `about:blank` when the status says it all, else a
    /// `urn:rumbo:problem:…` name.
    #[serde(rename = "type")]
    pub kind: String,
    /// A short summary of the kind, in the caller's language.
    pub title: String,
    /// The HTTP status.
    pub status: u16,
    /// What went wrong this time, in the caller's language.
    pub detail: String,
    /// Per field, its messages (validation problems only). Fields of a list element are
    /// named like `answers[2].response`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub errors: BTreeMap<String, Vec<String>>,
}

impl Problem {
    /// The problem an application error stands for.
    pub(crate) fn from_error(error: &AppError, lang: Lang) -> Problem {
        let status = error.status_code();
        let (kind, title) = match error {
            AppError::Validation { .. } | AppError::FrameworkInvalid { .. } => {
                ("urn:rumbo:problem:validation", lang.t(Key::ApiTitleInvalid))
            }
            AppError::Conflict { .. }
            | AppError::EditConflict { .. }
            | AppError::FrameworkInUse { .. }
            | AppError::Refused { .. } => {
                ("urn:rumbo:problem:conflict", lang.t(Key::ApiTitleConflict))
            }
            AppError::Unauthorized => ("urn:rumbo:problem:token", lang.t(Key::ErrUnauthorized)),
            _ => ("about:blank", ""),
        };
        let detail = match error {
            // The participants' wording speaks of join codes; API callers need the token.
            AppError::Unauthorized => lang.t(Key::ApiErrToken).to_owned(),
            other => other.message(lang),
        };
        let title = match error {
            AppError::Unauthorized => reason(status),
            _ if title.is_empty() => reason(status),
            _ => title.to_owned(),
        };
        let errors = match error {
            AppError::Validation { fields } => fields
                .iter()
                .map(|(field, keys)| {
                    (
                        field.clone(),
                        keys.iter().map(|k| lang.t(*k).to_owned()).collect(),
                    )
                })
                .collect(),
            AppError::FrameworkInvalid { problems } => {
                let mut errors = BTreeMap::new();
                errors.insert(
                    "document".to_owned(),
                    problems.iter().map(|p| p.describe(lang)).collect(),
                );
                errors
            }
            _ => BTreeMap::new(),
        };
        Problem {
            kind: kind.to_owned(),
            title,
            status,
            detail,
            errors,
        }
    }

    /// A body over the limit (413).
    pub(crate) fn too_large(lang: Lang) -> Problem {
        Problem {
            kind: "urn:rumbo:problem:too-large".to_owned(),
            title: lang.t(Key::ApiTitleTooLarge).to_owned(),
            status: 413,
            detail: lang.t(Key::ApiErrTooLarge).to_owned(),
            errors: BTreeMap::new(),
        }
    }

    /// A body that is not the JSON this operation reads: unreadable JSON is 400, JSON of
    /// the wrong shape 422, each with the parser's position, never the body itself.
    pub(crate) fn bad_json(error: &serde_json::Error, lang: Lang) -> Problem {
        let status = if error.is_data() { 422 } else { 400 };
        let mut errors = BTreeMap::new();
        errors.insert(
            "body".to_owned(),
            vec![format!(
                "{} (line {}, column {})",
                lang.t(Key::ApiErrJson),
                error.line(),
                error.column()
            )],
        );
        Problem {
            kind: "urn:rumbo:problem:body".to_owned(),
            title: reason(status),
            status,
            detail: lang.t(Key::ApiErrJson).to_owned(),
            errors,
        }
    }
}

/// The status's standard reason phrase ("Not Found"), the title of plain problems.
fn reason(status: u16) -> String {
    StatusCode::from_u16(status)
        .ok()
        .and_then(|s| s.canonical_reason())
        .unwrap_or("Error")
        .to_owned()
}

impl IntoResponse for Problem {
    fn into_response(self) -> Response {
        let status = StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let mut response = (status, axum::Json(self)).into_response();
        response
            .headers_mut()
            .insert(CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON));
        response
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validation_problems_list_every_field_in_the_callers_language() {
        let error = AppError::invalid("answers[0].response", Key::ErrLevelRange);
        let es = Problem::from_error(&error, Lang::Es);
        let en = Problem::from_error(&error, Lang::En);
        assert_eq!(es.status, 422);
        assert_eq!(es.kind, "urn:rumbo:problem:validation");
        assert_ne!(es.title, en.title);
        assert_eq!(
            en.errors["answers[0].response"],
            [Lang::En.t(Key::ErrLevelRange)]
        );
    }

    #[test]
    fn plain_problems_are_about_blank_with_the_status_reason() {
        let problem = Problem::from_error(&AppError::Forbidden, Lang::En);
        assert_eq!(
            (problem.kind.as_str(), problem.status),
            ("about:blank", 403)
        );
        assert_eq!(problem.title, "Forbidden");
        assert!(problem.errors.is_empty());
        let unauthorized = Problem::from_error(&AppError::Unauthorized, Lang::Es);
        assert_eq!(unauthorized.detail, Lang::Es.t(Key::ApiErrToken));
    }
}
