//! The framework as a document: what the JSON file holds, and the checks it must pass.

use std::collections::HashSet;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::assessment::MaturityLevel;
use crate::i18n::Lang;

/// The version of the document format this build reads.
pub const SCHEMA_VERSION: u32 = 1;

/// The default framework shipped with Rumbo.
const DEFAULT_FRAMEWORK_JSON: &str = include_str!("../../../frameworks/default.json");

/// A text in every language of the interface.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Text {
    /// Spanish.
    pub es: String,
    /// English.
    pub en: String,
}

impl Text {
    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        lang.pick(&self.es, &self.en)
    }

    /// Whether both languages are written.
    pub fn is_complete(&self) -> bool {
        !self.es.trim().is_empty() && !self.en.trim().is_empty()
    }

    /// Whether both languages are blank: a text the facilitator has not written yet.
    pub fn is_blank(&self) -> bool {
        self.es.trim().is_empty() && self.en.trim().is_empty()
    }

    /// The longer of the two languages, in characters.
    pub fn chars(&self) -> usize {
        self.es.chars().count().max(self.en.chars().count())
    }
}

/// The longest code, in characters (the database allows 16).
pub const CODE_MAX_CHARS: usize = 16;
/// The longest name or title.
pub const NAME_MAX_CHARS: usize = 200;
/// The longest description, summary or level descriptor.
pub const DESCRIPTION_MAX_CHARS: usize = 4000;
/// The longest source line.
pub const SOURCE_MAX_CHARS: usize = 500;
/// The most sources an indicator may list.
pub const SOURCES_MAX: usize = 30;
/// The most pillars a framework may have.
pub const PILLARS_MAX: usize = 20;
/// The most indicators a pillar may have.
pub const INDICATORS_MAX: usize = 40;
/// The most suggested actions an indicator may have.
pub const ACTIONS_MAX: usize = 30;

/// A whole framework, as exported and imported.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct FrameworkDoc {
    /// Format version; see [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// A stable identifier of the framework family, e.g. `rumbo-open-government`.
    pub id: String,
    /// The content version, e.g. `1.0.0`.
    pub version: String,
    /// Title.
    pub name: Text,
    /// What the framework is for.
    pub description: Text,
    /// The generic meaning of levels 1–5.
    pub levels: Vec<LevelDoc>,
    /// The pillars, in display order.
    pub pillars: Vec<PillarDoc>,
}

/// The generic meaning of one maturity level.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct LevelDoc {
    /// 1 to 5.
    pub level: u8,
    /// Short name, e.g. "Definido".
    pub name: Text,
    /// What the level means across indicators.
    pub summary: Text,
}

/// A pillar and its indicators.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct PillarDoc {
    /// Short code, e.g. `T`.
    pub code: String,
    /// Name.
    pub name: Text,
    /// What the pillar covers.
    pub description: Text,
    /// Indicators, in display order.
    pub indicators: Vec<IndicatorDoc>,
}

/// One indicator, with a descriptor for each level.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct IndicatorDoc {
    /// Code unique in the framework, e.g. `T1`.
    pub code: String,
    /// Name.
    pub name: Text,
    /// What is assessed.
    pub description: Text,
    /// Where the indicator comes from (laws, metrics, recommendations).
    #[serde(default)]
    pub sources: Vec<String>,
    /// What each level looks like for this indicator, levels 1 to 5 in order.
    pub levels: Vec<DescriptorDoc>,
    /// Actions a team may start from.
    #[serde(default)]
    pub suggested_actions: Vec<ActionDoc>,
}

/// The descriptor of one level of one indicator.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct DescriptorDoc {
    /// 1 to 5.
    pub level: u8,
    /// What the level looks like.
    pub descriptor: Text,
}

/// A suggested action for an indicator.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ActionDoc {
    /// Title.
    pub title: Text,
    /// What to do.
    pub description: Text,
}

/// What is wrong with one place of a framework document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FrameworkIssue {
    /// Where, e.g. `pillars[1].indicators[0].levels`.
    pub path: String,
    /// What.
    pub problem: Problem,
}

/// The kinds of mistakes a framework document can have.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Problem {
    /// The file is not JSON at all (or is cut short).
    NotJson {
        /// Line of the mistake, from 1.
        line: usize,
        /// Column of the mistake, from 1.
        column: usize,
    },
    /// A required field is absent.
    MissingField {
        /// The field's name.
        field: String,
    },
    /// The file is JSON, but a value is not of the expected shape.
    Syntax {
        /// The parser's description, with line and column.
        detail: String,
    },
    /// A format version this build cannot read.
    UnsupportedSchema {
        /// The version found.
        found: u32,
    },
    /// A text lacks one of its languages.
    MissingTranslation,
    /// A code is empty.
    EmptyCode,
    /// A code is used twice.
    DuplicateCode {
        /// The repeated code.
        code: String,
    },
    /// A list must not be empty.
    Empty,
    /// Levels must be exactly 1, 2, 3, 4, 5 in order.
    LevelsNotOneToFive,
    /// A code is longer than [`CODE_MAX_CHARS`] or contains spaces.
    BadCode,
    /// A text is longer than allowed.
    TooLong {
        /// The most characters allowed.
        max: usize,
    },
    /// A source is empty, spans several lines or is too long, or there are too many.
    BadSource,
    /// A list is longer than allowed.
    TooMany {
        /// The most entries allowed.
        max: usize,
    },
}

impl FrameworkDoc {
    /// Reads and checks a framework document. Every problem found is reported, each with the
    /// place it was found.
    pub fn parse(json: &str) -> Result<FrameworkDoc, Vec<FrameworkIssue>> {
        let mut reader = serde_json::Deserializer::from_str(json);
        let doc: FrameworkDoc = serde_path_to_error::deserialize(&mut reader)
            .map_err(|err| vec![syntax_issue(&err.path().to_string(), err.inner())])?;
        // Trailing text after the document is a mistake too.
        reader.end().map_err(|err| vec![syntax_issue(".", &err)])?;
        let issues = doc.check();
        if issues.is_empty() {
            Ok(doc)
        } else {
            Err(issues)
        }
    }

    /// Every indicator, with the code of its pillar, in display order.
    pub fn indicators(&self) -> impl Iterator<Item = (&PillarDoc, &IndicatorDoc)> {
        self.pillars
            .iter()
            .flat_map(|p| p.indicators.iter().map(move |i| (p, i)))
    }

    /// The problems of a parsed document; empty when it is sound.
    ///
    /// Names and codes are required in both languages. Descriptions, summaries and level
    /// descriptors may be left blank in both languages — a facilitator adds an indicator by
    /// its code and name first and writes the rest later — but not written in one language
    /// only.
    pub fn check(&self) -> Vec<FrameworkIssue> {
        let mut issues = Vec::new();
        let mut flag =
            |path: String, problem: Problem| issues.push(FrameworkIssue { path, problem });

        if self.schema_version != SCHEMA_VERSION {
            flag(
                "schema_version".into(),
                Problem::UnsupportedSchema {
                    found: self.schema_version,
                },
            );
        }
        if self.id.trim().is_empty() {
            flag("id".into(), Problem::EmptyCode);
        } else if self.id.chars().count() > NAME_MAX_CHARS {
            flag(
                "id".into(),
                Problem::TooLong {
                    max: NAME_MAX_CHARS,
                },
            );
        }
        if self.version.chars().count() > NAME_MAX_CHARS {
            flag(
                "version".into(),
                Problem::TooLong {
                    max: NAME_MAX_CHARS,
                },
            );
        }
        check_name(&self.name, "name".into(), &mut flag);
        check_prose(&self.description, "description".into(), &mut flag);
        if !levels_are_one_to_five(self.levels.iter().map(|l| l.level)) {
            flag("levels".into(), Problem::LevelsNotOneToFive);
        }
        for (i, level) in self.levels.iter().enumerate() {
            check_name(&level.name, format!("levels[{i}].name"), &mut flag);
            check_prose(&level.summary, format!("levels[{i}].summary"), &mut flag);
        }
        if self.pillars.is_empty() {
            flag("pillars".into(), Problem::Empty);
        } else if self.pillars.len() > PILLARS_MAX {
            flag("pillars".into(), Problem::TooMany { max: PILLARS_MAX });
        }

        let mut pillar_codes = HashSet::new();
        let mut indicator_codes = HashSet::new();
        for (p, pillar) in self.pillars.iter().enumerate() {
            let here = format!("pillars[{p}]");
            check_code(&pillar.code, &mut pillar_codes, &here, &mut flag);
            check_name(&pillar.name, format!("{here}.name"), &mut flag);
            check_prose(
                &pillar.description,
                format!("{here}.description"),
                &mut flag,
            );
            if pillar.indicators.is_empty() {
                flag(format!("{here}.indicators"), Problem::Empty);
            } else if pillar.indicators.len() > INDICATORS_MAX {
                flag(
                    format!("{here}.indicators"),
                    Problem::TooMany {
                        max: INDICATORS_MAX,
                    },
                );
            }
            for (i, indicator) in pillar.indicators.iter().enumerate() {
                let here = format!("{here}.indicators[{i}]");
                check_indicator(indicator, &here, &mut indicator_codes, &mut flag);
            }
        }
        issues
    }
}

fn check_indicator(
    indicator: &IndicatorDoc,
    here: &str,
    codes: &mut HashSet<String>,
    flag: &mut impl FnMut(String, Problem),
) {
    check_code(&indicator.code, codes, here, flag);
    check_name(&indicator.name, format!("{here}.name"), flag);
    check_prose(&indicator.description, format!("{here}.description"), flag);
    if indicator.sources.len() > SOURCES_MAX {
        flag(format!("{here}.sources"), Problem::BadSource);
    }
    for (s, source) in indicator.sources.iter().enumerate() {
        if !source_is_sound(source) {
            flag(format!("{here}.sources[{s}]"), Problem::BadSource);
        }
    }
    if !levels_are_one_to_five(indicator.levels.iter().map(|l| l.level)) {
        flag(format!("{here}.levels"), Problem::LevelsNotOneToFive);
    }
    for (l, level) in indicator.levels.iter().enumerate() {
        check_prose(
            &level.descriptor,
            format!("{here}.levels[{l}].descriptor"),
            flag,
        );
    }
    if indicator.suggested_actions.len() > ACTIONS_MAX {
        flag(
            format!("{here}.suggested_actions"),
            Problem::TooMany { max: ACTIONS_MAX },
        );
    }
    for (a, action) in indicator.suggested_actions.iter().enumerate() {
        check_name(
            &action.title,
            format!("{here}.suggested_actions[{a}].title"),
            flag,
        );
        check_prose(
            &action.description,
            format!("{here}.suggested_actions[{a}].description"),
            flag,
        );
    }
}

/// Whether one source line can be stored and read back as it is: sources are kept one per
/// line, so a source may not be blank nor span lines.
pub fn source_is_sound(source: &str) -> bool {
    !source.trim().is_empty()
        && source.trim() == source
        && !source.contains(['\n', '\r'])
        && source.chars().count() <= SOURCE_MAX_CHARS
}

/// A name: required in both languages, and short.
fn check_name(text: &Text, path: String, flag: &mut impl FnMut(String, Problem)) {
    if !text.is_complete() {
        flag(path, Problem::MissingTranslation);
    } else if text.chars() > NAME_MAX_CHARS {
        flag(
            path,
            Problem::TooLong {
                max: NAME_MAX_CHARS,
            },
        );
    }
}

/// A longer text: blank in both languages, or written in both.
fn check_prose(text: &Text, path: String, flag: &mut impl FnMut(String, Problem)) {
    if !text.is_complete() && !text.is_blank() {
        flag(path, Problem::MissingTranslation);
    } else if text.chars() > DESCRIPTION_MAX_CHARS {
        flag(
            path,
            Problem::TooLong {
                max: DESCRIPTION_MAX_CHARS,
            },
        );
    }
}

/// Where and what a parser error is. serde_json says where a value is wrong only as a line
/// and column; the path of the value comes from `serde_path_to_error`.
fn syntax_issue(path: &str, inner: &serde_json::Error) -> FrameworkIssue {
    use serde_json::error::Category;
    let path = if path == "." {
        String::new()
    } else {
        path.to_owned()
    };
    let problem = match inner.classify() {
        Category::Syntax | Category::Eof | Category::Io => Problem::NotJson {
            line: inner.line(),
            column: inner.column(),
        },
        Category::Data => {
            // serde's only structured hint of a missing field is its message.
            let text = inner.to_string();
            match text
                .strip_prefix("missing field `")
                .and_then(|rest| rest.split('`').next())
            {
                Some(field) => Problem::MissingField {
                    field: field.to_owned(),
                },
                None => Problem::Syntax { detail: text },
            }
        }
    };
    FrameworkIssue { path, problem }
}

fn levels_are_one_to_five(levels: impl Iterator<Item = u8>) -> bool {
    levels.eq(MaturityLevel::ALL.iter().map(|l| l.get()))
}

/// Whether a code can be stored: 1 to [`CODE_MAX_CHARS`] characters, no spaces.
pub fn code_is_sound(code: &str) -> bool {
    let chars = code.chars().count();
    (1..=CODE_MAX_CHARS).contains(&chars)
        && !code.chars().any(|c| c.is_whitespace() || c.is_control())
}

fn check_code(
    code: &str,
    seen: &mut HashSet<String>,
    here: &str,
    flag: &mut impl FnMut(String, Problem),
) {
    if code.trim().is_empty() {
        flag(format!("{here}.code"), Problem::EmptyCode);
    } else if !code_is_sound(code) {
        flag(format!("{here}.code"), Problem::BadCode);
    } else if !seen.insert(code.to_owned()) {
        flag(
            format!("{here}.code"),
            Problem::DuplicateCode {
                code: code.to_owned(),
            },
        );
    }
}

/// The default framework, read and checked once.
///
/// # Errors
/// The problems of the shipped file, if someone broke it; the server refuses to start then.
pub fn default_framework() -> Result<&'static FrameworkDoc, &'static [FrameworkIssue]> {
    static DEFAULT: OnceLock<Result<FrameworkDoc, Vec<FrameworkIssue>>> = OnceLock::new();
    DEFAULT
        .get_or_init(|| FrameworkDoc::parse(DEFAULT_FRAMEWORK_JSON))
        .as_ref()
        .map_err(Vec::as_slice)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn default() -> &'static FrameworkDoc {
        default_framework().expect("the shipped framework is valid")
    }

    #[test]
    fn default_framework_has_four_pillars_of_five_indicators() {
        let doc = default();
        let codes: Vec<_> = doc.pillars.iter().map(|p| p.code.as_str()).collect();
        assert_eq!(codes, ["T", "P", "R", "C"]);
        for pillar in &doc.pillars {
            assert_eq!(pillar.indicators.len(), 5, "pillar {}", pillar.code);
        }
    }

    #[test]
    fn every_indicator_has_all_levels_in_both_languages() {
        for (_, indicator) in default().indicators() {
            let levels: Vec<u8> = indicator.levels.iter().map(|l| l.level).collect();
            assert_eq!(levels, [1, 2, 3, 4, 5], "indicator {}", indicator.code);
            for level in &indicator.levels {
                assert!(
                    level.descriptor.is_complete(),
                    "{} level {}",
                    indicator.code,
                    level.level
                );
                assert_ne!(
                    level.descriptor.es, level.descriptor.en,
                    "{} untranslated",
                    indicator.code
                );
            }
            assert!(indicator.name.is_complete() && indicator.description.is_complete());
        }
    }

    #[test]
    fn every_indicator_suggests_at_least_two_actions() {
        for (_, indicator) in default().indicators() {
            assert!(indicator.suggested_actions.len() >= 2, "{}", indicator.code);
        }
    }

    #[test]
    fn problems_name_the_place() {
        let mut doc = default().clone();
        doc.pillars[1].indicators[2].levels.pop();
        doc.pillars[0].indicators[1].name.en.clear();
        doc.pillars[3].indicators[0].code = "T1".into();
        let issues = doc.check();
        let paths: Vec<_> = issues.iter().map(|i| i.path.as_str()).collect();
        assert!(
            paths.contains(&"pillars[1].indicators[2].levels"),
            "{paths:?}"
        );
        assert!(
            paths.contains(&"pillars[0].indicators[1].name"),
            "{paths:?}"
        );
        assert!(issues.contains(&FrameworkIssue {
            path: "pillars[3].indicators[0].code".into(),
            problem: Problem::DuplicateCode { code: "T1".into() },
        }));
    }

    #[test]
    fn malformed_json_is_a_syntax_problem() {
        let issues = FrameworkDoc::parse("{\"schema_version\": 1,").unwrap_err();
        assert!(matches!(
            issues[0].problem,
            Problem::NotJson { line: 1, .. }
        ));
        let issues = FrameworkDoc::parse("{\"schema_version\": \"one\"}").unwrap_err();
        assert_eq!(issues[0].path, "schema_version");
        assert!(matches!(issues[0].problem, Problem::Syntax { .. }));
    }

    #[test]
    fn lists_are_bounded() {
        let mut doc = default().clone();
        let pillar = doc.pillars[0].clone();
        doc.pillars[1].indicators = vec![pillar.indicators[0].clone(); INDICATORS_MAX + 1];
        for i in 0..PILLARS_MAX {
            let mut extra = pillar.clone();
            extra.code = format!("X{i}");
            extra.indicators.truncate(1);
            extra.indicators[0].code = format!("X{i}-1");
            doc.pillars.push(extra);
        }
        let issues = doc.check();
        assert!(issues.contains(&FrameworkIssue {
            path: "pillars".into(),
            problem: Problem::TooMany { max: PILLARS_MAX },
        }));
        assert!(issues.contains(&FrameworkIssue {
            path: "pillars[1].indicators".into(),
            problem: Problem::TooMany {
                max: INDICATORS_MAX
            },
        }));
    }

    #[test]
    fn texts_yet_to_be_written_are_allowed_half_written_ones_are_not() {
        let mut doc = default().clone();
        doc.pillars[0].indicators[0].description = Text::default();
        doc.pillars[0].indicators[0].levels[2].descriptor = Text::default();
        assert!(doc.check().is_empty());
        doc.pillars[0].indicators[0].levels[2].descriptor.es = "Sólo español".into();
        doc.pillars[0].indicators[1]
            .sources
            .push("two\nlines".into());
        doc.pillars[0].indicators[2].code = "A CODE".into();
        let paths: Vec<_> = doc.check().into_iter().map(|i| i.path).collect();
        assert_eq!(
            paths,
            [
                "pillars[0].indicators[0].levels[2].descriptor",
                "pillars[0].indicators[1].sources[4]",
                "pillars[0].indicators[2].code"
            ]
        );
    }

    #[test]
    fn export_then_import_is_identical() {
        let json = serde_json::to_string_pretty(default()).unwrap();
        assert_eq!(&FrameworkDoc::parse(&json).unwrap(), default());
    }
}
