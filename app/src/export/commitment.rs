//! A roadmap item in the shape of an OGP commitment, as pure rules.
//!
//! - **Public problem and baseline**: the indicators the item's action is linked to, each
//!   with the team's current level (its consensus) and its target (see
//!   `roadmap::rules::indicator_target`: the members' median target, else one step up).
//! - **Commitment**: the action's title and description.
//! - **How it contributes**: moving the linked indicators from their mean current level to
//!   their mean target, between the item's dates.
//! - **OGP values**: the union of the values of the linked indicators' pillars. A pillar's
//!   values are read from its code and names ([`ogp_values_of_pillar`]), so the default
//!   framework maps one to one (transparency → access to information, participation → civic
//!   participation, accountability → public accountability, collaboration and innovation →
//!   technology and innovation) and a custom framework maps wherever its pillars are named
//!   with the same words in Spanish or English. A pillar named otherwise has no value, and
//!   the commitment says that none was identified rather than guessing.
//! - **Lead unit** and **milestones with dates**: the item's.

use serde::{Deserialize, Serialize};

use super::model::{MilestoneRow, PillarRow};
use crate::i18n::{Key, Lang};
use crate::results::aggregate::{mean_of_present, round1};

/// One of OGP's four values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OgpValue {
    /// Access to information.
    AccessToInformation,
    /// Civic participation.
    CivicParticipation,
    /// Public accountability.
    PublicAccountability,
    /// Technology and innovation for openness and accountability.
    TechnologyAndInnovation,
}

impl OgpValue {
    /// Every value, in OGP's order.
    pub const ALL: [OgpValue; 4] = [
        OgpValue::AccessToInformation,
        OgpValue::CivicParticipation,
        OgpValue::PublicAccountability,
        OgpValue::TechnologyAndInnovation,
    ];

    /// The value's name, for people.
    pub fn name_key(self) -> Key {
        match self {
            OgpValue::AccessToInformation => Key::ExpValueAccess,
            OgpValue::CivicParticipation => Key::ExpValueParticipation,
            OgpValue::PublicAccountability => Key::ExpValueAccountability,
            OgpValue::TechnologyAndInnovation => Key::ExpValueTechnology,
        }
    }

    /// Word stems (lower case, Spanish and English) that name a pillar serving this value.
    fn stems(self) -> &'static [&'static str] {
        match self {
            OgpValue::AccessToInformation => &[
                "transparen",
                "acceso a la informaci",
                "access to information",
            ],
            OgpValue::CivicParticipation => &["particip"],
            OgpValue::PublicAccountability => &["rendici", "accountab", "cuentas"],
            OgpValue::TechnologyAndInnovation => &[
                "colabora",
                "collaborat",
                "innova",
                "tecnolog",
                "technolog",
                "datos abiertos",
                "open data",
            ],
        }
    }
}

/// The OGP values a pillar serves, from its code and its names in both languages.
pub fn ogp_values_of_pillar(code: &str, name_es: &str, name_en: &str) -> Vec<OgpValue> {
    let text = format!("{code} {name_es} {name_en}").to_lowercase();
    OgpValue::ALL
        .into_iter()
        .filter(|v| v.stems().iter().any(|stem| text.contains(stem)))
        .collect()
}

/// A linked indicator's level before the commitment and the level it aims at.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Baseline {
    /// Indicator code.
    pub indicator: String,
    /// Its name.
    pub name: String,
    /// Its pillar's code.
    pub pillar: String,
    /// The team's current level, one decimal.
    pub current: Option<f64>,
    /// The team's target, one decimal.
    pub target: Option<f64>,
}

/// A roadmap item as an OGP commitment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Commitment {
    /// The commitment's title (the action's).
    pub title: String,
    /// The public problem, in words, from the baseline.
    pub problem: String,
    /// The linked indicators' levels.
    pub baseline: Vec<Baseline>,
    /// What is committed (the action's description, or its title when it has none).
    pub commitment: String,
    /// How it contributes to solving the problem, in words.
    pub contribution: String,
    /// The OGP values it is relevant to.
    pub ogp_values: Vec<OgpValue>,
    /// The lead unit.
    pub lead_unit: String,
    /// First day, ISO.
    pub starts_on: String,
    /// Last day, ISO.
    pub ends_on: String,
    /// Milestones, by date; each ends on its due date.
    pub milestones: Vec<MilestoneRow>,
    /// What the team needs to implement it: its needs that unblock the item's action.
    #[serde(default)]
    pub needs: Vec<CommitmentNeed>,
}

/// A need that unblocks a commitment's action.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CommitmentNeed {
    /// The kind's code (see [`crate::needs::NeedKind::as_str`]).
    pub kind: String,
    /// What is needed.
    pub description: String,
}

impl CommitmentNeed {
    /// The kind's name in `lang` (the code itself if it is unknown).
    pub fn kind_name(&self, lang: Lang) -> String {
        crate::needs::NeedKind::parse(&self.kind)
            .map_or_else(|| self.kind.clone(), |k| lang.t(k.name_key()).to_owned())
    }

    /// "Kind: description", as a commitment lists it.
    pub fn line(&self, lang: Lang) -> String {
        format!("{}: {}", self.kind_name(lang), self.description)
    }
}

/// What an item brings to its commitment.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemFacts<'a> {
    /// The action's title.
    pub title: &'a str,
    /// The action's description.
    pub description: &'a str,
    /// The responsible unit.
    pub owner: &'a str,
    /// First day, ISO.
    pub starts_on: &'a str,
    /// Last day, ISO.
    pub ends_on: &'a str,
    /// Milestones, by date.
    pub milestones: &'a [MilestoneRow],
}

/// Formats a level for a sentence: one decimal, or "–" when unknown.
fn level(value: Option<f64>) -> String {
    value.map_or_else(|| "–".to_owned(), |v| format!("{:.1}", round1(v)))
}

/// The item as an OGP commitment, worded in `lang`. `pillars` gives each pillar's values.
pub fn commitment(
    item: &ItemFacts<'_>,
    baseline: Vec<Baseline>,
    pillars: &[PillarRow],
    lang: Lang,
) -> Commitment {
    let ogp_values: Vec<OgpValue> = OgpValue::ALL
        .into_iter()
        .filter(|value| {
            baseline.iter().any(|b| {
                pillars
                    .iter()
                    .any(|p| p.code == b.pillar && p.ogp_values.contains(value))
            })
        })
        .collect();
    let problem = if baseline.is_empty() {
        lang.t(Key::ExpProblemNone).to_owned()
    } else {
        baseline
            .iter()
            .map(|b| {
                lang.t(Key::ExpProblemLine)
                    .replace("{code}", &b.indicator)
                    .replace("{name}", &b.name)
                    .replace("{current}", &level(b.current))
                    .replace("{target}", &level(b.target))
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    let current = mean_of_present(baseline.iter().map(|b| b.current));
    let target = mean_of_present(baseline.iter().map(|b| b.target));
    let contribution = match (current, target) {
        (Some(c), Some(t)) => lang
            .t(Key::ExpContributionLine)
            .replace(
                "{codes}",
                &baseline
                    .iter()
                    .map(|b| b.indicator.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
            )
            .replace("{current}", &level(Some(c)))
            .replace("{target}", &level(Some(t)))
            .replace("{from}", item.starts_on)
            .replace("{to}", item.ends_on),
        _ => lang.t(Key::ExpContributionNone).to_owned(),
    };
    let description = item.description.trim();
    Commitment {
        title: item.title.to_owned(),
        problem,
        baseline,
        commitment: if description.is_empty() {
            item.title.to_owned()
        } else {
            description.to_owned()
        },
        contribution,
        ogp_values,
        lead_unit: item.owner.to_owned(),
        starts_on: item.starts_on.to_owned(),
        ends_on: item.ends_on.to_owned(),
        milestones: item.milestones.to_vec(),
        needs: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pillar(code: &str, es: &str, en: &str) -> PillarRow {
        PillarRow {
            code: code.into(),
            name: en.into(),
            ogp_values: ogp_values_of_pillar(code, es, en),
        }
    }

    fn default_pillars() -> Vec<PillarRow> {
        vec![
            pillar("T", "Transparencia", "Transparency"),
            pillar("P", "Participación ciudadana", "Citizen participation"),
            pillar("R", "Rendición de cuentas", "Accountability"),
            pillar(
                "C",
                "Colaboración e innovación",
                "Collaboration and innovation",
            ),
        ]
    }

    fn base(code: &str, pillar: &str, current: Option<f64>, target: Option<f64>) -> Baseline {
        Baseline {
            indicator: code.into(),
            name: format!("Indicator {code}"),
            pillar: pillar.into(),
            current,
            target,
        }
    }

    fn item<'a>(milestones: &'a [MilestoneRow]) -> ItemFacts<'a> {
        ItemFacts {
            title: "Open data portal",
            description: "  Publish the budget as open data.  ",
            owner: "IT unit",
            starts_on: "2027-01-04",
            ends_on: "2027-06-30",
            milestones,
        }
    }

    #[test]
    fn default_pillars_map_one_to_one() {
        let values: Vec<Vec<OgpValue>> = default_pillars()
            .into_iter()
            .map(|p| p.ogp_values)
            .collect();
        assert_eq!(
            values,
            vec![
                vec![OgpValue::AccessToInformation],
                vec![OgpValue::CivicParticipation],
                vec![OgpValue::PublicAccountability],
                vec![OgpValue::TechnologyAndInnovation],
            ]
        );
    }

    #[test]
    fn custom_pillars_map_by_their_words_or_not_at_all() {
        assert_eq!(
            ogp_values_of_pillar(
                "D",
                "Datos abiertos y participación",
                "Open data and participation"
            ),
            vec![
                OgpValue::CivicParticipation,
                OgpValue::TechnologyAndInnovation
            ]
        );
        assert!(ogp_values_of_pillar("G", "Gestión interna", "Internal management").is_empty());
    }

    #[test]
    fn values_are_the_union_of_the_linked_pillars_in_ogp_order() {
        let pillars = default_pillars();
        let milestones = [MilestoneRow {
            title: "Portal live".into(),
            due_on: "2027-03-01".into(),
        }];
        let c = commitment(
            &item(&milestones),
            vec![
                base("C1", "C", Some(1.5), Some(3.0)),
                base("T2", "T", Some(2.0), None),
            ],
            &pillars,
            Lang::En,
        );
        assert_eq!(
            c.ogp_values,
            vec![
                OgpValue::AccessToInformation,
                OgpValue::TechnologyAndInnovation
            ]
        );
        assert_eq!(c.commitment, "Publish the budget as open data.");
        assert_eq!(c.lead_unit, "IT unit");
        assert_eq!(c.milestones, milestones);
        assert!(c.problem.contains("C1") && c.problem.contains("1.5") && c.problem.contains("–"));
        // The contribution averages what is known: current (1.5 + 2.0) / 2, target 3.0.
        assert!(c.contribution.contains("1.8"), "{}", c.contribution);
        assert!(c.contribution.contains("3.0"), "{}", c.contribution);
        assert!(c.contribution.contains("2027-06-30"));
    }

    #[test]
    fn an_item_without_linked_indicators_says_so() {
        let c = commitment(&item(&[]), Vec::new(), &default_pillars(), Lang::Es);
        assert!(c.ogp_values.is_empty());
        assert_eq!(c.problem, Lang::Es.t(Key::ExpProblemNone));
        assert_eq!(c.contribution, Lang::Es.t(Key::ExpContributionNone));
    }

    #[test]
    fn an_empty_description_commits_to_the_title() {
        let mut facts = item(&[]);
        facts.description = " ";
        let c = commitment(&facts, Vec::new(), &default_pillars(), Lang::En);
        assert_eq!(c.commitment, "Open data portal");
    }
}
