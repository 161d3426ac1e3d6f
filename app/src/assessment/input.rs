//! Reading an answer as the form sends it: every field checked, every mistake reported.

use super::{Mark, MaturityLevel, Response};
use crate::error::{AppError, FieldErrors};
use crate::i18n::Key;

/// The longest note, in characters (the database refuses longer ones too).
pub const NOTE_MAX_CHARS: usize = 2000;
/// The longest evidence link, in characters.
pub const URL_MAX_CHARS: usize = 2000;

/// The fields of the answer form, as typed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RawAnswer<'a> {
    /// `1`–`5`, `na` or `dk`.
    pub response: Option<&'a str>,
    /// `1`–`5` or empty.
    pub target: Option<&'a str>,
    /// An http(s) link or empty.
    pub evidence: Option<&'a str>,
    /// Free text or empty.
    pub note: Option<&'a str>,
    /// `neutral`, `strength`, `weakness` or empty.
    pub mark: Option<&'a str>,
}

/// An answer's values once checked.
#[derive(Debug, Clone, PartialEq)]
pub struct AnswerInput {
    /// The answer itself.
    pub response: Response,
    /// The level to reach.
    pub target: Option<MaturityLevel>,
    /// A link to evidence.
    pub evidence_url: Option<String>,
    /// A note.
    pub note: Option<String>,
    /// Strength, weakness or neither.
    pub mark: Mark,
}

fn non_empty(value: Option<&str>) -> Option<&str> {
    value.map(str::trim).filter(|v| !v.is_empty())
}

fn level(value: &str) -> Option<MaturityLevel> {
    value
        .parse::<u8>()
        .ok()
        .and_then(|l| MaturityLevel::try_from(l).ok())
}

/// Whether a link may be stored as evidence: an absolute http or https address with a host.
pub fn is_evidence_url(value: &str) -> bool {
    value.chars().count() <= URL_MAX_CHARS
        && url::Url::parse(value).is_ok_and(|url| {
            matches!(url.scheme(), "http" | "https")
                && url.host_str().is_some_and(|h| !h.is_empty())
        })
}

/// Checks the form's fields. All mistakes are reported together, by field.
pub fn parse_answer(raw: &RawAnswer<'_>) -> Result<AnswerInput, AppError> {
    let mut errors = FieldErrors::new();
    let mut fail = |field: &str, key: Key| errors.entry(field.to_owned()).or_default().push(key);

    let response = match non_empty(raw.response) {
        None => {
            fail("response", Key::ErrResponseMissing);
            None
        }
        Some("na") => Some(Response::NotApplicable),
        Some("dk") => Some(Response::DontKnow),
        Some(value) => {
            let parsed = level(value).map(Response::Level);
            if parsed.is_none() {
                fail("response", Key::ErrLevelRange);
            }
            parsed
        }
    };
    let target = match non_empty(raw.target) {
        None => None,
        Some(value) => {
            let parsed = level(value);
            if parsed.is_none() {
                fail("target", Key::ErrLevelRange);
            }
            parsed
        }
    };
    let evidence_url = non_empty(raw.evidence).map(str::to_owned);
    if evidence_url.as_deref().is_some_and(|u| !is_evidence_url(u)) {
        fail("evidence", Key::ErrEvidenceUrl);
    }
    let note = non_empty(raw.note).map(str::to_owned);
    if note
        .as_deref()
        .is_some_and(|n| n.chars().count() > NOTE_MAX_CHARS)
    {
        fail("note", Key::ErrNoteTooLong);
    }
    let mark = match non_empty(raw.mark) {
        None => Some(Mark::Neutral),
        Some(value) => {
            let parsed = Mark::parse(value);
            if parsed.is_none() {
                fail("mark", Key::ErrMarkUnknown);
            }
            parsed
        }
    };
    match (response, mark) {
        (Some(response), Some(mark)) if errors.is_empty() => Ok(AnswerInput {
            response,
            target,
            evidence_url,
            note,
            mark,
        }),
        _ => Err(AppError::Validation { fields: errors }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(response: &'static str) -> RawAnswer<'static> {
        RawAnswer {
            response: Some(response),
            ..RawAnswer::default()
        }
    }

    fn fields(err: AppError) -> Vec<String> {
        match err {
            AppError::Validation { fields } => fields.into_keys().collect(),
            other => panic!("not a validation error: {other:?}"),
        }
    }

    #[test]
    fn levels_and_the_two_other_answers_are_read() {
        assert_eq!(
            parse_answer(&raw("4")).unwrap().response,
            Response::Level(MaturityLevel::try_from(4_u8).unwrap())
        );
        assert_eq!(
            parse_answer(&raw("na")).unwrap().response,
            Response::NotApplicable
        );
        assert_eq!(
            parse_answer(&raw(" dk ")).unwrap().response,
            Response::DontKnow
        );
        assert_eq!(parse_answer(&raw("3")).unwrap().mark, Mark::Neutral);
    }

    #[test]
    fn levels_outside_one_to_five_are_refused() {
        for bad in ["0", "6", "-1", "3.5", "tres", "99999999999"] {
            assert_eq!(
                fields(parse_answer(&raw(bad)).unwrap_err()),
                ["response"],
                "{bad}"
            );
        }
        assert_eq!(fields(parse_answer(&raw("")).unwrap_err()), ["response"]);
    }

    #[test]
    fn every_bad_field_is_reported_at_once() {
        let long = "x".repeat(NOTE_MAX_CHARS + 1);
        let err = parse_answer(&RawAnswer {
            response: Some("7"),
            target: Some("0"),
            evidence: Some("javascript:alert(1)"),
            note: Some(&long),
            mark: Some("great"),
        })
        .unwrap_err();
        assert_eq!(
            fields(err),
            ["evidence", "mark", "note", "response", "target"]
        );
    }

    #[test]
    fn only_http_and_https_links_are_evidence() {
        for good in [
            "https://gobiernoabierto.azuay.gob.ec/lotaip",
            "http://example.org/a?b=c",
        ] {
            assert!(is_evidence_url(good), "{good}");
        }
        for bad in [
            "javascript:alert(1)",
            "ftp://example.org/file",
            "data:text/html,hi",
            "www.example.org",
            "https://",
            "file:///etc/passwd",
        ] {
            assert!(!is_evidence_url(bad), "{bad}");
        }
        let long = format!("https://example.org/{}", "a".repeat(URL_MAX_CHARS));
        assert!(!is_evidence_url(&long));
    }

    #[test]
    fn notes_up_to_the_limit_are_kept_and_blank_fields_are_none() {
        let note = "ñ".repeat(NOTE_MAX_CHARS);
        let input = parse_answer(&RawAnswer {
            response: Some("2"),
            target: Some(""),
            evidence: Some("  "),
            note: Some(&note),
            mark: Some("weakness"),
        })
        .unwrap();
        assert_eq!(input.note.as_deref(), Some(note.as_str()));
        assert_eq!(
            (input.target, input.evidence_url, input.mark),
            (None, None, Mark::Weakness)
        );
    }

    #[test]
    fn form_values_round_trip() {
        for response in [
            Response::NotApplicable,
            Response::DontKnow,
            Response::Level(MaturityLevel::MAX),
        ] {
            assert_eq!(
                parse_answer(&raw(response.form_value().leak()))
                    .unwrap()
                    .response,
                response
            );
        }
    }
}
