//! The editor's forms, as browsers send them, and their checks: every mistake of a form is
//! reported at once, by field.

use serde::{Deserialize, Serialize};

use crate::error::{AppError, FieldErrors};
use crate::framework::document::{
    code_is_sound, source_is_sound, DESCRIPTION_MAX_CHARS, NAME_MAX_CHARS, SOURCES_MAX,
};
use crate::framework::Text;
use crate::i18n::Key;

/// A pillar's form: its code and wording.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PillarForm {
    /// Code, e.g. `T`.
    pub code: String,
    /// Name in Spanish.
    pub name_es: String,
    /// Name in English.
    pub name_en: String,
    /// Description in Spanish.
    #[serde(default)]
    pub description_es: String,
    /// Description in English.
    #[serde(default)]
    pub description_en: String,
}

/// A pillar's code and wording, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PillarEdit {
    /// Code.
    pub code: String,
    /// Name.
    pub name: Text,
    /// Description.
    pub description: Text,
}

/// An indicator's form: its code, wording, sources and the five level descriptors.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndicatorForm {
    /// Code, e.g. `T1`.
    pub code: String,
    /// Name in Spanish.
    pub name_es: String,
    /// Name in English.
    pub name_en: String,
    /// Description in Spanish.
    #[serde(default)]
    pub description_es: String,
    /// Description in English.
    #[serde(default)]
    pub description_en: String,
    /// Sources, one per line.
    #[serde(default)]
    pub sources: String,
    /// Level 1 descriptor in Spanish.
    #[serde(default)]
    pub d1_es: String,
    /// Level 1 descriptor in English.
    #[serde(default)]
    pub d1_en: String,
    /// Level 2 descriptor in Spanish.
    #[serde(default)]
    pub d2_es: String,
    /// Level 2 descriptor in English.
    #[serde(default)]
    pub d2_en: String,
    /// Level 3 descriptor in Spanish.
    #[serde(default)]
    pub d3_es: String,
    /// Level 3 descriptor in English.
    #[serde(default)]
    pub d3_en: String,
    /// Level 4 descriptor in Spanish.
    #[serde(default)]
    pub d4_es: String,
    /// Level 4 descriptor in English.
    #[serde(default)]
    pub d4_en: String,
    /// Level 5 descriptor in Spanish.
    #[serde(default)]
    pub d5_es: String,
    /// Level 5 descriptor in English.
    #[serde(default)]
    pub d5_en: String,
}

/// An indicator's code and wording, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndicatorEdit {
    /// Code.
    pub code: String,
    /// Name.
    pub name: Text,
    /// Description.
    pub description: Text,
    /// Sources.
    pub sources: Vec<String>,
    /// Descriptors of levels 1 to 5.
    pub descriptors: [Text; 5],
}

/// A new indicator: its code and name; the rest is written afterwards.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewIndicatorForm {
    /// Code.
    pub code: String,
    /// Name in Spanish.
    pub name_es: String,
    /// Name in English.
    pub name_en: String,
}

/// A new indicator, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewIndicator {
    /// Code.
    pub code: String,
    /// Name.
    pub name: Text,
}

fn text(es: &str, en: &str) -> Text {
    Text {
        es: es.trim().to_owned(),
        en: en.trim().to_owned(),
    }
}

/// Collects field messages, so a form shows every mistake at once.
#[derive(Default)]
struct Mistakes(FieldErrors);

impl Mistakes {
    fn add(&mut self, field: &str, key: Key) {
        self.0.entry(field.to_owned()).or_default().push(key);
    }

    fn code(&mut self, code: &str) {
        if !code_is_sound(code) {
            self.add("code", Key::FwCodeInvalid);
        }
    }

    fn name(&mut self, field: &str, name: &Text) {
        if !name.is_complete() {
            self.add(field, Key::FwNameRequired);
        } else if name.chars() > NAME_MAX_CHARS {
            self.add(field, Key::FwFieldTooLong);
        }
    }

    fn prose(&mut self, field: &str, prose: &Text) {
        if !prose.is_complete() && !prose.is_blank() {
            self.add(field, Key::FwTextHalf);
        } else if prose.chars() > DESCRIPTION_MAX_CHARS {
            self.add(field, Key::FwFieldTooLong);
        }
    }

    fn done<T>(self, value: T) -> Result<T, AppError> {
        if self.0.is_empty() {
            Ok(value)
        } else {
            Err(AppError::Validation { fields: self.0 })
        }
    }
}

impl PillarForm {
    /// Checks the form.
    pub fn parse(&self) -> Result<PillarEdit, AppError> {
        let edit = PillarEdit {
            code: self.code.trim().to_owned(),
            name: text(&self.name_es, &self.name_en),
            description: text(&self.description_es, &self.description_en),
        };
        let mut mistakes = Mistakes::default();
        mistakes.code(&edit.code);
        mistakes.name("name", &edit.name);
        mistakes.prose("description", &edit.description);
        mistakes.done(edit)
    }
}

impl IndicatorForm {
    /// Checks the form. Sources are read one per line; blank lines are ignored.
    pub fn parse(&self) -> Result<IndicatorEdit, AppError> {
        let descriptors = [
            text(&self.d1_es, &self.d1_en),
            text(&self.d2_es, &self.d2_en),
            text(&self.d3_es, &self.d3_en),
            text(&self.d4_es, &self.d4_en),
            text(&self.d5_es, &self.d5_en),
        ];
        let edit = IndicatorEdit {
            code: self.code.trim().to_owned(),
            name: text(&self.name_es, &self.name_en),
            description: text(&self.description_es, &self.description_en),
            sources: self
                .sources
                .lines()
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
                .collect(),
            descriptors,
        };
        let mut mistakes = Mistakes::default();
        mistakes.code(&edit.code);
        mistakes.name("name", &edit.name);
        mistakes.prose("description", &edit.description);
        if edit.sources.len() > SOURCES_MAX || !edit.sources.iter().all(|s| source_is_sound(s)) {
            mistakes.add("sources", Key::FwSource);
        }
        for (field, descriptor) in ["d1", "d2", "d3", "d4", "d5"]
            .into_iter()
            .zip(&edit.descriptors)
        {
            mistakes.prose(field, descriptor);
        }
        mistakes.done(edit)
    }
}

impl NewIndicatorForm {
    /// Checks the form. `field` prefixes the field names, so one page can hold the form of a
    /// new pillar's first indicator beside the pillar's own fields.
    pub fn parse(&self, field: &str) -> Result<NewIndicator, AppError> {
        let new = NewIndicator {
            code: self.code.trim().to_owned(),
            name: text(&self.name_es, &self.name_en),
        };
        let mut mistakes = Mistakes::default();
        if !code_is_sound(&new.code) {
            mistakes.add(&format!("{field}code"), Key::FwCodeInvalid);
        }
        mistakes.name(&format!("{field}name"), &new.name);
        mistakes.done(new)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(err: AppError) -> Vec<String> {
        match err {
            AppError::Validation { fields } => fields.into_keys().collect(),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn an_indicator_form_reports_every_mistake() {
        let form = IndicatorForm {
            code: "T 1".into(),
            name_es: "Nombre".into(),
            name_en: " ".into(),
            description_es: "Solo en español".into(),
            sources: "LOTAIP\n\n  OCDE  ".into(),
            d3_en: "x".repeat(DESCRIPTION_MAX_CHARS + 1),
            d3_es: "y".into(),
            ..Default::default()
        };
        assert_eq!(
            fields(form.parse().unwrap_err()),
            ["code", "d3", "description", "name"]
        );
    }

    #[test]
    fn a_sound_indicator_form_is_trimmed() {
        let form = IndicatorForm {
            code: " T6 ".into(),
            name_es: " Nuevo ".into(),
            name_en: "New".into(),
            sources: "LOTAIP\n\n  OCDE  \n".into(),
            d1_es: "Nada".into(),
            d1_en: "Nothing".into(),
            ..Default::default()
        };
        let edit = form.parse().unwrap();
        assert_eq!(edit.code, "T6");
        assert_eq!(edit.name.es, "Nuevo");
        assert_eq!(edit.sources, ["LOTAIP", "OCDE"]);
        assert!(edit.descriptors[1].is_blank());
    }

    #[test]
    fn codes_are_short_and_without_spaces() {
        let ok = |code: &str| {
            PillarForm {
                code: code.into(),
                name_es: "a".into(),
                name_en: "b".into(),
                ..Default::default()
            }
            .parse()
            .is_ok()
        };
        assert!(ok("T"));
        assert!(ok("ABCDEFGHIJKLMNOP"));
        assert!(!ok("ABCDEFGHIJKLMNOPQ"));
        assert!(!ok(""));
        assert!(!ok("A B"));
    }

    #[test]
    fn a_new_indicator_needs_a_code_and_both_names() {
        let form = NewIndicatorForm {
            code: String::new(),
            name_es: "Nombre".into(),
            name_en: String::new(),
        };
        assert_eq!(
            fields(form.parse("first_").unwrap_err()),
            ["first_code", "first_name"]
        );
    }
}
