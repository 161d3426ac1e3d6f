//! The one error type of the application.
//!
//! Every server function returns `Result<T, AppError>`. What crosses the wire is only what a
//! user may read: internal causes are logged on the server and replaced by an opaque
//! [`AppError::Internal`] before they leave it.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use server_fn::codec::JsonEncoding;
use server_fn::error::{FromServerFnError, ServerFnErrorErr};

use crate::framework::FrameworkProblem;
use crate::i18n::{Key, Lang};

/// Messages for one form, keyed by field name. Each message is a translation key so the
/// browser shows it in the reader's language.
pub type FieldErrors = BTreeMap<String, Vec<Key>>;

/// Everything that can go wrong, as the user needs to know it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum AppError {
    /// The thing asked for does not exist (or the caller may not know that it does).
    #[error("not found")]
    NotFound,
    /// The caller must identify themselves first.
    #[error("unauthorized")]
    Unauthorized,
    /// The caller is known but may not do this.
    #[error("forbidden")]
    Forbidden,
    /// The request could not be read at all (malformed body, missing argument).
    #[error("bad request")]
    BadRequest,
    /// The request was read, but some values are not acceptable.
    #[error("invalid input")]
    Validation {
        /// Field name → messages about that field.
        fields: FieldErrors,
    },
    /// The change clashes with the current state (a duplicate, a stale version, a closed phase).
    #[error("conflict")]
    Conflict {
        /// What clashed, as a translation key.
        reason: Key,
    },
    /// Too many wrong attempts from one client (join codes); try again later.
    #[error("too many attempts")]
    TooManyAttempts,
    /// Someone else changed the same thing since the caller read it. Carries the current
    /// value so the caller can see what they would overwrite.
    #[error("edit conflict")]
    EditConflict {
        /// The current level.
        level: u8,
        /// The current rationale.
        rationale: String,
        /// Who set it.
        by: String,
        /// The current version, to edit from.
        version: i64,
    },
    /// The server or the network failed. The cause is logged, never sent.
    #[error("internal error")]
    Internal,
    /// The browser could not reach the server (raised on the client only).
    #[error("network error")]
    Network,
    /// A framework document that cannot be imported. Each problem names its place.
    #[error("invalid framework")]
    FrameworkInvalid {
        /// What is wrong, and where.
        problems: Vec<FrameworkProblem>,
    },
    /// A framework change refused because it would take answers (or a team's consensus) away
    /// from the indicators they were given to.
    #[error("framework in use")]
    FrameworkInUse {
        /// The explanation, with `{codes}` and `{count}` to fill in.
        reason: Key,
        /// The indicators that would lose answers.
        codes: Vec<String>,
        /// How many answers they hold.
        answers: u32,
    },
    /// A change refused because of the named things (e.g. the actions of a dependency cycle).
    #[error("refused")]
    Refused {
        /// The explanation, with `{names}` to fill in.
        reason: Key,
        /// What it is about, in order.
        names: Vec<String>,
    },
}

/// Shorthand used across the crate.
pub type AppResult<T> = Result<T, AppError>;

impl AppError {
    /// A validation error about one field.
    pub fn invalid(field: &str, message: Key) -> Self {
        let mut fields = FieldErrors::new();
        fields.insert(field.to_owned(), vec![message]);
        AppError::Validation { fields }
    }

    /// Several errors of one form as one, so the form shows every mistake at once. Validation
    /// errors are combined field by field; any other error wins as it is.
    pub fn merge(errors: impl IntoIterator<Item = Option<AppError>>) -> Option<AppError> {
        let mut fields = FieldErrors::new();
        for error in errors.into_iter().flatten() {
            match error {
                AppError::Validation { fields: more } => {
                    for (field, keys) in more {
                        fields.entry(field).or_default().extend(keys);
                    }
                }
                other => return Some(other),
            }
        }
        (!fields.is_empty()).then_some(AppError::Validation { fields })
    }

    /// The HTTP status this error is answered with.
    pub fn status_code(&self) -> u16 {
        match self {
            AppError::NotFound => 404,
            AppError::Unauthorized => 401,
            AppError::Forbidden => 403,
            AppError::BadRequest => 400,
            AppError::Validation { .. } => 422,
            AppError::Conflict { .. }
            | AppError::EditConflict { .. }
            | AppError::FrameworkInUse { .. }
            | AppError::Refused { .. } => 409,
            AppError::TooManyAttempts => 429,
            AppError::Internal => 500,
            AppError::Network => 503,
            AppError::FrameworkInvalid { .. } => 422,
        }
    }

    /// A sentence for the user, in their language.
    pub fn message(&self, lang: Lang) -> String {
        let key = match self {
            AppError::NotFound => Key::ErrNotFound,
            AppError::Unauthorized => Key::ErrUnauthorized,
            AppError::Forbidden => Key::ErrForbidden,
            AppError::BadRequest => Key::ErrBadRequest,
            AppError::Validation { fields } => {
                return fields
                    .values()
                    .flatten()
                    .map(|k| lang.t(*k))
                    .collect::<Vec<_>>()
                    .join(" ");
            }
            AppError::Conflict { reason } => *reason,
            AppError::TooManyAttempts => Key::ErrTooManyAttempts,
            AppError::EditConflict {
                level,
                rationale,
                by,
                ..
            } => {
                return lang
                    .t(Key::ErrEditConflict)
                    .replace("{level}", &level.to_string())
                    .replace("{by}", by)
                    .replace("{rationale}", rationale);
            }
            AppError::Internal => Key::ErrInternal,
            AppError::Network => Key::ErrNetwork,
            AppError::FrameworkInvalid { problems } => {
                let mut text = lang.t(Key::FwInvalid).to_owned();
                for problem in problems {
                    text.push('\n');
                    text.push_str(&problem.describe(lang));
                }
                return text;
            }
            AppError::FrameworkInUse {
                reason,
                codes,
                answers,
            } => {
                return lang
                    .t(*reason)
                    .replace("{codes}", &codes.join(", "))
                    .replace("{count}", &answers.to_string());
            }
            AppError::Refused { reason, names } => {
                return lang.t(*reason).replace("{names}", &names.join(" → "));
            }
        };
        lang.t(key).to_owned()
    }

    /// Logs an internal cause and returns the opaque error that may leave the server.
    #[cfg(feature = "ssr")]
    pub fn internal(context: &'static str, cause: impl std::fmt::Display) -> Self {
        tracing::error!(%cause, "{context}");
        AppError::Internal
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            // The caller sent something we could not read: their mistake, not ours.
            ServerFnErrorErr::Args(_) | ServerFnErrorErr::MissingArg(_) => AppError::BadRequest,
            // On the server this means the request's body could not be read (not UTF-8, or
            // over the size limit): also the caller's mistake. In the browser it means our
            // own answer was unreadable, which stays internal.
            ServerFnErrorErr::Deserialization(_) if cfg!(feature = "ssr") => AppError::BadRequest,
            ServerFnErrorErr::Request(_) => AppError::Network,
            ServerFnErrorErr::Registration(_)
            | ServerFnErrorErr::UnsupportedRequestMethod(_)
            | ServerFnErrorErr::ServerError(_)
            | ServerFnErrorErr::MiddlewareError(_)
            | ServerFnErrorErr::Deserialization(_)
            | ServerFnErrorErr::Serialization(_)
            | ServerFnErrorErr::Response(_) => AppError::Internal,
        }
    }
}

#[cfg(feature = "ssr")]
impl From<sqlx::Error> for AppError {
    fn from(err: sqlx::Error) -> Self {
        match &err {
            sqlx::Error::RowNotFound => AppError::NotFound,
            sqlx::Error::Database(db) if db.is_unique_violation() => AppError::Conflict {
                reason: Key::ErrDuplicate,
            },
            sqlx::Error::Database(db)
                if db.is_check_violation() || db.is_foreign_key_violation() =>
            {
                AppError::BadRequest
            }
            _ => AppError::internal("database error", err),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn malformed_arguments_are_the_callers_mistake() {
        let err = AppError::from_server_fn_error(ServerFnErrorErr::Args("x".into()));
        assert_eq!(err, AppError::BadRequest);
        assert_eq!(err.status_code(), 400);
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn unreadable_request_bodies_are_the_callers_mistake() {
        // What server_fn reports for a body that is not UTF-8 or is over the size limit.
        let err = AppError::from_server_fn_error(ServerFnErrorErr::Deserialization("x".into()));
        assert_eq!(err.status_code(), 400);
    }

    #[test]
    fn errors_round_trip_through_json() {
        let err = AppError::invalid("level", Key::ErrLevelRange);
        let json = serde_json::to_string(&err).unwrap();
        assert_eq!(serde_json::from_str::<AppError>(&json).unwrap(), err);
    }

    #[test]
    fn merged_validation_errors_keep_every_field() {
        let merged = AppError::merge([
            Some(AppError::invalid("name", Key::ErrNameEmpty)),
            None,
            Some(AppError::invalid("team", Key::ErrTeamUnknown)),
        ]);
        let Some(AppError::Validation { fields }) = merged else {
            panic!("{merged:?}")
        };
        assert_eq!(fields.keys().collect::<Vec<_>>(), ["name", "team"]);
        assert_eq!(AppError::merge([None, None]), None);
        assert_eq!(
            AppError::merge([
                Some(AppError::invalid("a", Key::ErrNameEmpty)),
                Some(AppError::Forbidden)
            ]),
            Some(AppError::Forbidden)
        );
    }

    #[test]
    fn messages_exist_in_both_languages() {
        let err = AppError::invalid("level", Key::ErrLevelRange);
        assert_ne!(err.message(Lang::Es), err.message(Lang::En));
        assert!(!AppError::Internal.message(Lang::Es).is_empty());
    }
}
