//! Framework problems as people read them: where in the document, and what is wrong, in
//! their language.
//!
//! A [`FrameworkIssue`] names its place as a JSON path (`pillars[2].indicators[0].code`),
//! which is exact but technical. A [`FrameworkProblem`] carries that path, the codes of the
//! pillar and indicator it points into (when the document could be read), and a message
//! key, so it can be shown as "Pilar 3 (P) › indicador 1 (P1) › campo «code»: falta el
//! código. (pillars[2].indicators[0].code)".

use serde::{Deserialize, Serialize};

use super::{FrameworkDoc, FrameworkIssue, Problem};
use crate::i18n::{Key, Lang};

/// The most problems one answer reports: enough to fix a file in a few rounds, small enough
/// to travel in an error response (and in the address of a page without JavaScript).
pub const MAX_PROBLEMS: usize = 25;

/// One problem of a framework document, ready to be shown in any language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FrameworkProblem {
    /// The JSON path, e.g. `pillars[2].indicators[0].code`; empty for the whole file.
    pub path: String,
    /// The codes of the pillar and the indicator the path points into, when known.
    pub codes: Vec<String>,
    /// What is wrong.
    pub key: Key,
    /// A value the message names (a code, a field, a number), if any.
    pub detail: Option<String>,
}

impl FrameworkProblem {
    /// The problem from a checked (or unreadable) document's issue. `doc` lends the codes of
    /// the pillar and indicator the path points at.
    pub fn from_issue(issue: &FrameworkIssue, doc: Option<&FrameworkDoc>) -> FrameworkProblem {
        let (key, detail) = match &issue.problem {
            Problem::NotJson { line, column } => (Key::FwNotJson, Some(format!("{line}:{column}"))),
            Problem::MissingField { field } => (Key::FwMissingField, Some(field.clone())),
            Problem::Syntax { detail } => (Key::FwWrongShape, Some(detail.clone())),
            Problem::UnsupportedSchema { found } => (Key::FwSchema, Some(found.to_string())),
            Problem::MissingTranslation => (Key::FwMissingTranslation, None),
            Problem::EmptyCode => (Key::FwCodeMissing, None),
            Problem::DuplicateCode { code } => (Key::FwCodeDuplicate, Some(code.clone())),
            Problem::Empty => (Key::FwEmptyList, None),
            Problem::LevelsNotOneToFive => (Key::FwLevels, None),
            Problem::BadCode => (Key::FwCodeFormat, None),
            Problem::TooLong { max } => (Key::FwTooLong, Some(max.to_string())),
            Problem::BadSource => (Key::FwSource, None),
            Problem::TooMany { max } => (Key::FwTooMany, Some(max.to_string())),
        };
        FrameworkProblem {
            codes: doc.map(|d| codes_at(d, &issue.path)).unwrap_or_default(),
            path: issue.path.clone(),
            key,
            detail,
        }
    }

    /// The problems of a document, at most [`MAX_PROBLEMS`].
    pub fn all(issues: &[FrameworkIssue], doc: Option<&FrameworkDoc>) -> Vec<FrameworkProblem> {
        issues
            .iter()
            .take(MAX_PROBLEMS)
            .map(|issue| FrameworkProblem::from_issue(issue, doc))
            .collect()
    }

    /// One line: the place in plain words, what is wrong, and the exact path.
    pub fn describe(&self, lang: Lang) -> String {
        let what = match (self.key, &self.detail) {
            (Key::FwNotJson, Some(at)) => {
                let (line, column) = at.split_once(':').unwrap_or((at, ""));
                lang.t(Key::FwNotJson)
                    .replace("{line}", line)
                    .replace("{column}", column)
            }
            (key, Some(detail)) => lang.t(key).replace("{detail}", detail),
            (key, None) => lang.t(key).to_owned(),
        };
        let place = readable_place(&self.path, &self.codes, lang);
        if self.path.is_empty() {
            format!("{place}: {what}")
        } else {
            format!("{place}: {what} ({})", self.path)
        }
    }
}

/// One step of a path: a field name, possibly followed by an index.
fn steps(path: &str) -> Vec<(&str, Option<usize>)> {
    path.split('.')
        .filter(|s| !s.is_empty())
        .map(|step| match step.split_once('[') {
            Some((name, rest)) => (name, rest.trim_end_matches(']').parse().ok()),
            None => (step, None),
        })
        .collect()
}

/// The codes of the pillar and indicator a path points into.
fn codes_at(doc: &FrameworkDoc, path: &str) -> Vec<String> {
    let mut codes = Vec::new();
    let mut pillar = None;
    for (name, index) in steps(path) {
        match (name, index, pillar) {
            ("pillars", Some(p), _) => {
                pillar = doc.pillars.get(p);
                codes.push(pillar.map(|p| p.code.clone()).unwrap_or_default());
            }
            ("indicators", Some(i), Some(p)) => {
                codes.push(
                    p.indicators
                        .get(i)
                        .map(|i| i.code.clone())
                        .unwrap_or_default(),
                );
            }
            _ => {}
        }
    }
    codes
}

/// "Pilar 3 (P) › indicador 1 (P1) › campo «code»" for `pillars[2].indicators[0].code`.
pub fn readable_place(path: &str, codes: &[String], lang: Lang) -> String {
    let steps = steps(path);
    if steps.is_empty() {
        return lang.t(Key::FwPlaceDocument).to_owned();
    }
    let mut codes = codes.iter().filter(|c| !c.trim().is_empty());
    let mut parts = Vec::new();
    for (name, index) in steps {
        let numbered = |key: Key, i: usize| lang.t(key).replace("{n}", &(i + 1).to_string());
        let part = match (name, index) {
            ("pillars", Some(i)) | ("indicators", Some(i)) => {
                let key = if name == "pillars" {
                    Key::FwPlacePillar
                } else {
                    Key::FwPlaceIndicator
                };
                match codes.next() {
                    Some(code) => format!("{} ({code})", numbered(key, i)),
                    None => numbered(key, i),
                }
            }
            ("levels", Some(i)) => numbered(Key::FwPlaceLevel, i),
            ("suggested_actions", Some(i)) => numbered(Key::FwPlaceAction, i),
            ("sources", Some(i)) => numbered(Key::FwPlaceSource, i),
            (field, _) => lang.t(Key::FwPlaceField).replace("{name}", field),
        };
        parts.push(part);
    }
    let mut text = parts.join(" › ");
    // Sentence case: the place opens the line.
    if let Some(first) = text.chars().next() {
        text = first.to_uppercase().chain(text.chars().skip(1)).collect();
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::framework::default_framework;

    #[test]
    fn a_path_reads_as_places_with_codes() {
        let place = readable_place(
            "pillars[2].indicators[0].code",
            &["R".into(), "R1".into()],
            Lang::Es,
        );
        assert_eq!(place, "Pilar 3 (R) › indicador 1 (R1) › campo «code»");
        let place = readable_place(
            "pillars[0].indicators[1].levels[4].descriptor",
            &[],
            Lang::En,
        );
        assert_eq!(
            place,
            "Pillar 1 › indicator 2 › level 5 › field “descriptor”"
        );
        assert_eq!(readable_place("", &[], Lang::Es), "El archivo");
    }

    #[test]
    fn problems_carry_the_codes_of_their_place() {
        let mut doc = default_framework().unwrap().clone();
        doc.pillars[1].indicators[0].code = "T1".into();
        let issues = doc.check();
        let problems = FrameworkProblem::all(&issues, Some(&doc));
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].codes, ["P", "T1"]);
        let text = problems[0].describe(Lang::Es);
        assert!(
            text.starts_with("Pilar 2 (P) › indicador 1 (T1) › campo «code»:"),
            "{text}"
        );
        assert!(text.contains("«T1»"), "{text}");
        assert!(text.ends_with("(pillars[1].indicators[0].code)"), "{text}");
    }

    #[test]
    fn unreadable_files_say_where() {
        let issues = FrameworkDoc::parse("{\n  \"schema_version\": 1,\n  oops").unwrap_err();
        let problem = FrameworkProblem::from_issue(&issues[0], None);
        assert_eq!(problem.key, Key::FwNotJson);
        let text = problem.describe(Lang::En);
        assert!(text.contains("line 3"), "{text}");
    }

    #[test]
    fn a_missing_field_names_its_entry() {
        let mut json: serde_json::Value =
            serde_json::to_value(default_framework().unwrap()).unwrap();
        json["pillars"][2]["indicators"][0]
            .as_object_mut()
            .unwrap()
            .remove("code");
        let issues = FrameworkDoc::parse(&json.to_string()).unwrap_err();
        assert_eq!(issues[0].path, "pillars[2].indicators[0]");
        assert_eq!(
            issues[0].problem,
            Problem::MissingField {
                field: "code".into()
            }
        );
        let text = FrameworkProblem::from_issue(&issues[0], None).describe(Lang::Es);
        assert!(text.contains("Pilar 3 › indicador 1"), "{text}");
        assert!(text.contains("«code»"), "{text}");
    }

    #[test]
    fn a_level_out_of_range_points_at_the_levels() {
        let mut json: serde_json::Value =
            serde_json::to_value(default_framework().unwrap()).unwrap();
        json["pillars"][0]["indicators"][3]["levels"][4]["level"] = 7.into();
        let issues = FrameworkDoc::parse(&json.to_string()).unwrap_err();
        assert_eq!(issues[0].path, "pillars[0].indicators[3].levels");
        assert_eq!(issues[0].problem, Problem::LevelsNotOneToFive);
        json["pillars"][0]["indicators"][3]["levels"][4]["level"] = 700.into();
        let issues = FrameworkDoc::parse(&json.to_string()).unwrap_err();
        assert_eq!(issues[0].path, "pillars[0].indicators[3].levels[4].level");
    }

    #[test]
    fn reports_are_bounded() {
        let mut doc = default_framework().unwrap().clone();
        for (_, indicator) in doc.pillars.iter_mut().flat_map(|p| {
            let code = p.code.clone();
            p.indicators.iter_mut().map(move |i| (code.clone(), i))
        }) {
            indicator.name.en.clear();
            indicator.description.es.clear();
        }
        let issues = doc.check();
        assert!(issues.len() > MAX_PROBLEMS);
        assert_eq!(
            FrameworkProblem::all(&issues, Some(&doc)).len(),
            MAX_PROBLEMS
        );
    }
}
