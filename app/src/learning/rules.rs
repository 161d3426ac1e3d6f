//! The learning side's rules, without I/O: which part of the primer explains an indicator,
//! which return addresses may be offered, how the library is searched, and what a
//! facilitator's case must hold.

use super::model::{Case, CaseLink};

/// The primer's first section: where an indicator with nothing better goes.
pub const PRIMER_START: &str = "sec-que-es";

/// The part of the primer (a section or a glossary entry) that explains an indicator of the
/// default framework. Custom frameworks' unknown codes fall back to their pillar's section
/// (by pillar code), else to the primer's start.
pub fn primer_anchor(indicator_code: &str, pillar_code: &str) -> &'static str {
    let by_indicator = match indicator_code.trim().to_ascii_uppercase().as_str() {
        "T1" => Some("term-transparencia-activa"),
        "T2" => Some("term-transparencia-pasiva"),
        "T3" => Some("term-datos-abiertos"),
        "T4" => Some("term-contratacion-abierta"),
        "T5" => Some("term-transparencia-proactiva"),
        "P1" => Some("term-sistema-de-participacion"),
        "P2" => Some("term-presupuesto-participativo"),
        "P3" => Some("term-silla-vacia"),
        "P4" => Some("term-respuesta-razonada"),
        "P5" => Some("term-inclusion"),
        "R1" => Some("term-rendicion-de-cuentas"),
        "R2" => Some("term-compromiso"),
        "R3" => Some("term-lotaip"),
        "R4" => Some("term-control-social"),
        "R5" => Some("term-irm"),
        "C1" => Some("term-datos-abiertos"),
        "C2" => Some("term-plan-de-accion"),
        "C3" => Some("sec-pilar-c"),
        "C4" => Some("term-foro-multiactor"),
        "C5" => Some("term-innovacion-civica"),
        _ => None,
    };
    by_indicator.unwrap_or_else(|| pillar_anchor(pillar_code))
}

/// The primer section of a pillar, by its code; the primer's start for an unknown pillar.
pub fn pillar_anchor(pillar_code: &str) -> &'static str {
    match pillar_code.trim().to_ascii_uppercase().as_str() {
        "T" => "sec-pilar-t",
        "P" => "sec-pilar-p",
        "R" => "sec-pilar-r",
        "C" => "sec-pilar-c",
        _ => PRIMER_START,
    }
}

/// A return address the primer may offer, or `None`. Only the participant pages the primer is
/// linked from are accepted (`/workshops/<n>/assess/<n>`, `/workshops/<n>/actions`), with an
/// optional `#fragment` of plain characters: anything else (another site, `//host`, a
/// `javascript:` address) could turn the link into an open redirect.
pub fn safe_back(raw: &str) -> Option<String> {
    if raw.len() > 120 {
        return None;
    }
    let (path, fragment) = match raw.split_once('#') {
        Some((path, fragment)) => (path, Some(fragment)),
        None => (raw, None),
    };
    let digits = |s: &str| !s.is_empty() && s.len() <= 18 && s.bytes().all(|b| b.is_ascii_digit());
    let parts: Vec<&str> = path.split('/').collect();
    let path_ok = match parts.as_slice() {
        ["", "workshops", id, "assess", step] => digits(id) && digits(step),
        ["", "workshops", id, "actions"] => digits(id),
        _ => false,
    };
    let fragment_ok = fragment.is_none_or(|f| {
        !f.is_empty()
            && f.len() <= 40
            && f.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    });
    (path_ok && fragment_ok).then(|| raw.to_owned())
}

/// Percent-encodes a value for a query string (everything but unreserved characters and `/`).
pub fn encode_query(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// The primer's address at `anchor`, offering to come back to `back` (a page of this site).
pub fn primer_href(anchor: &str, back: &str) -> String {
    format!("/learn?back={}#{anchor}", encode_query(back))
}

/// The library's address, in a workshop's context, at a case or filtered by an indicator.
pub fn library_href(workshop: Option<crate::ids::WorkshopId>, indicator: Option<&str>) -> String {
    let mut query = Vec::new();
    if let Some(workshop) = workshop {
        query.push(format!("workshop={workshop}"));
    }
    if let Some(code) = indicator {
        query.push(format!("indicator={}", encode_query(code)));
    }
    if query.is_empty() {
        "/learn/experiences".to_owned()
    } else {
        format!("/learn/experiences?{}", query.join("&"))
    }
}

/// Lower case without accents, so "participacion" finds "participación".
pub fn fold(text: &str) -> String {
    text.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'á' | 'à' | 'â' | 'ä' | 'ã' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' => 'o',
            'ú' | 'ù' | 'û' | 'ü' => 'u',
            'ñ' => 'n',
            'ç' => 'c',
            other => other,
        })
        .collect()
}

/// What the library is narrowed to: words to find, a pillar code, an indicator code. Empty
/// values narrow nothing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CaseFilter {
    /// Words, all of which must appear (in either language).
    pub text: String,
    /// A pillar code, e.g. `P`.
    pub pillar: String,
    /// An indicator code, e.g. `P3`.
    pub indicator: String,
}

impl CaseFilter {
    /// Whether `case` passes.
    pub fn matches(&self, case: &Case) -> bool {
        let pillar = self.pillar.trim();
        if !pillar.is_empty() && !case.pillars.iter().any(|p| p.eq_ignore_ascii_case(pillar)) {
            return false;
        }
        let indicator = self.indicator.trim();
        if !indicator.is_empty()
            && !case
                .indicators
                .iter()
                .any(|i| i.eq_ignore_ascii_case(indicator))
        {
            return false;
        }
        let words = fold(&self.text);
        if words.trim().is_empty() {
            return true;
        }
        let indicators = case.indicators.join(" ");
        let haystack = fold(
            &[
                case.title.es.as_str(),
                &case.title.en,
                &case.place.es,
                &case.place.en,
                &case.country.es,
                &case.country.en,
                &case.what.es,
                &case.what.en,
                &case.results.es,
                &case.results.en,
                &case.years,
                &indicators,
                case.presented_by.as_deref().unwrap_or_default(),
            ]
            .join(" "),
        );
        words.split_whitespace().all(|w| haystack.contains(w))
    }
}

/// The cases that illustrate the indicator `code`, as links.
pub fn related(cases: &[Case], code: &str) -> Vec<CaseLink> {
    cases
        .iter()
        .filter(|c| c.indicators.iter().any(|i| i.eq_ignore_ascii_case(code)))
        .map(|c| CaseLink {
            anchor: c.anchor.clone(),
            title: c.title.clone(),
            place: c.place.clone(),
        })
        .collect()
}

/// Length limits of a facilitator's case, in characters (the schema holds the same).
pub mod limits {
    /// Title.
    pub const TITLE: usize = 200;
    /// Place.
    pub const PLACE: usize = 120;
    /// Country.
    pub const COUNTRY: usize = 80;
    /// Years.
    pub const YEARS: usize = 40;
    /// What was done; results.
    pub const LONG: usize = 2000;
    /// Who presents it; the source's title.
    pub const NAME: usize = 200;
    /// The source's address.
    pub const URL: usize = 2000;
    /// Indicators one case may name.
    pub const INDICATORS: usize = 20;
    /// Cases one workshop may hold.
    pub const CASES: usize = 200;
}

#[cfg(feature = "ssr")]
pub use validate::{parse_case, CaseDraft, RawCase};

#[cfg(feature = "ssr")]
mod validate {
    use super::super::model::GovLevel;
    use super::limits;
    use crate::error::{AppError, FieldErrors};
    use crate::i18n::Key;

    /// A facilitator's case as the form sent it.
    #[derive(Debug, Clone, Default)]
    pub struct RawCase<'a> {
        /// Title.
        pub title: &'a str,
        /// Place.
        pub place: &'a str,
        /// Country.
        pub country: &'a str,
        /// Level of government.
        pub level: &'a str,
        /// Years.
        pub years: &'a str,
        /// What was done.
        pub what: &'a str,
        /// Results.
        pub results: &'a str,
        /// Indicator codes, separated by commas, semicolons or spaces.
        pub indicators: &'a str,
        /// Who presents it.
        pub presented_by: &'a str,
        /// The source's title.
        pub source_title: &'a str,
        /// The source's address.
        pub source_url: &'a str,
    }

    /// A checked case, ready to store. Codes are the framework's own spelling.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct CaseDraft {
        /// Title.
        pub title: String,
        /// Place.
        pub place: String,
        /// Country.
        pub country: String,
        /// Level.
        pub level: GovLevel,
        /// Years.
        pub years: String,
        /// What was done.
        pub what: String,
        /// Results (may be empty).
        pub results: String,
        /// Indicator codes, as the framework spells them, without repeats.
        pub indicators: Vec<String>,
        /// Who presents it (may be empty).
        pub presented_by: String,
        /// The source's title (may be empty).
        pub source_title: String,
        /// The source's address, if any.
        pub source_url: Option<String>,
    }

    /// Checks a case against the limits and the workshop's indicator codes (`known`). Every
    /// mistake is reported at once, by field.
    pub fn parse_case(raw: &RawCase<'_>, known: &[String]) -> Result<CaseDraft, AppError> {
        let mut errors = FieldErrors::new();
        let mut fail =
            |field: &str, key: Key| errors.entry(field.to_owned()).or_default().push(key);
        let mut text = |field: &str, value: &str, max: usize, required: bool| -> String {
            let value = value.trim();
            if required && value.is_empty() {
                fail(field, Key::LrnErrRequired);
            } else if value.chars().count() > max {
                fail(field, too_long(max));
            }
            value.to_owned()
        };
        let title = text("title", raw.title, limits::TITLE, true);
        let place = text("place", raw.place, limits::PLACE, true);
        let country = text("country", raw.country, limits::COUNTRY, true);
        let years = text("years", raw.years, limits::YEARS, true);
        let what = text("what", raw.what, limits::LONG, true);
        let results = text("results", raw.results, limits::LONG, false);
        let presented_by = text("presented_by", raw.presented_by, limits::NAME, false);
        let source_title = text("source_title", raw.source_title, limits::NAME, false);
        let source_url = raw.source_url.trim();
        let source_url = (!source_url.is_empty()).then(|| source_url.to_owned());
        let mut errors_more = FieldErrors::new();
        let mut fail =
            |field: &str, key: Key| errors_more.entry(field.to_owned()).or_default().push(key);
        if source_url.as_deref().is_some_and(|u| {
            u.chars().count() > limits::URL || !crate::assessment::input::is_evidence_url(u)
        }) {
            fail("source_url", Key::LrnErrLink);
        }
        let level = GovLevel::parse(raw.level.trim());
        if level.is_none() {
            fail("level", Key::LrnErrLevel);
        }
        let mut indicators: Vec<String> = Vec::new();
        let mut unknown = false;
        for code in raw
            .indicators
            .split([',', ';', ' ', '\n', '\t'])
            .map(str::trim)
            .filter(|c| !c.is_empty())
        {
            match known.iter().find(|k| k.eq_ignore_ascii_case(code)) {
                Some(k) if !indicators.contains(k) => indicators.push(k.clone()),
                Some(_) => {}
                None => unknown = true,
            }
        }
        if unknown {
            fail("indicators", Key::LrnErrUnknownIndicator);
        } else if indicators.is_empty() {
            fail("indicators", Key::LrnErrNoIndicator);
        } else if indicators.len() > limits::INDICATORS {
            fail("indicators", Key::LrnErrTooManyIndicators);
        }
        for (field, keys) in errors_more {
            errors.entry(field).or_default().extend(keys);
        }
        match level {
            Some(level) if errors.is_empty() => Ok(CaseDraft {
                title,
                place,
                country,
                level,
                years,
                what,
                results,
                indicators,
                presented_by,
                source_title,
                source_url,
            }),
            _ => Err(AppError::Validation { fields: errors }),
        }
    }

    fn too_long(max: usize) -> Key {
        match max {
            limits::LONG => Key::LrnErrTooLong2000,
            limits::TITLE => Key::LrnErrTooLong200,
            limits::PLACE => Key::LrnErrTooLong120,
            limits::COUNTRY => Key::LrnErrTooLong80,
            _ => Key::LrnErrTooLong40,
        }
    }
}

#[cfg(test)]
mod tests;
