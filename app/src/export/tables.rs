//! The five tables of an export (answers, consensus, actions, roadmap, needs) as rows of typed
//! cells, in the reader's language. CSV and XLSX both write these, so their columns are the
//! same and in the same, fixed order.

use super::model::{Dataset, IndicatorRow};
use crate::i18n::{Key, Lang};

/// A table of an export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableKind {
    /// Anonymised answers.
    Answers,
    /// Consensus per team and indicator.
    Consensus,
    /// Ranked actions.
    Actions,
    /// Roadmap items.
    Roadmap,
    /// Implementation needs.
    Needs,
}

impl TableKind {
    /// Every table, in the workbook's order.
    pub const ALL: [TableKind; 5] = [
        TableKind::Answers,
        TableKind::Consensus,
        TableKind::Actions,
        TableKind::Roadmap,
        TableKind::Needs,
    ];

    /// The name in URLs (`?table=`) and file names.
    pub fn as_str(self) -> &'static str {
        match self {
            TableKind::Answers => "answers",
            TableKind::Consensus => "consensus",
            TableKind::Actions => "actions",
            TableKind::Roadmap => "roadmap",
            TableKind::Needs => "needs",
        }
    }

    /// Reads `?table=`.
    pub fn parse(value: &str) -> Option<TableKind> {
        TableKind::ALL
            .into_iter()
            .find(|t| t.as_str() == value.trim())
    }

    /// The sheet's name, for people.
    pub fn name_key(self) -> Key {
        match self {
            TableKind::Answers => Key::ExpSheetAnswers,
            TableKind::Consensus => Key::ExpSheetConsensus,
            TableKind::Actions => Key::ExpSheetActions,
            TableKind::Roadmap => Key::ExpSheetRoadmap,
            TableKind::Needs => Key::NeedSheet,
        }
    }
}

/// One cell.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Text.
    Text(String),
    /// A whole number.
    Int(i64),
    /// A decimal number.
    Num(f64),
    /// An ISO date (`2027-01-04`).
    Date(String),
    /// Nothing known.
    Empty,
}

impl Cell {
    fn opt_num(value: Option<f64>) -> Cell {
        value.map_or(Cell::Empty, Cell::Num)
    }

    fn opt_int(value: Option<u8>) -> Cell {
        value.map_or(Cell::Empty, |v| Cell::Int(i64::from(v)))
    }

    /// The cell as CSV text: numbers with a dot, dates as ISO, empty as nothing.
    pub fn text(&self) -> String {
        match self {
            Cell::Text(t) | Cell::Date(t) => t.clone(),
            Cell::Int(n) => n.to_string(),
            Cell::Num(x) => x.to_string(),
            Cell::Empty => String::new(),
        }
    }
}

/// A header row and data rows.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// Column names.
    pub headers: Vec<String>,
    /// Rows, each as long as `headers`.
    pub rows: Vec<Vec<Cell>>,
}

/// The name of a stored code (`not_applicable`, `quick_win`, `must`…) in `lang`.
pub fn label(lang: Lang, code: &str) -> String {
    let key = match code {
        "level" => Key::ExpColLevel,
        "not_applicable" => Key::AnswerNotApplicable,
        "dont_know" => Key::AnswerDontKnow,
        "strength" => Key::MarkStrength,
        "weakness" => Key::MarkWeakness,
        "neutral" => Key::MarkNeutral,
        "quick_win" => Key::ActQuickWins,
        "big_bet" => Key::ActBigBets,
        "fill_in" => Key::ActFillIns,
        "time_sink" => Key::ActTimeSinks,
        "low" => Key::CostLow,
        "medium" => Key::CostMedium,
        "high" => Key::CostHigh,
        "must" => Key::MoscowMust,
        "should" => Key::MoscowShould,
        "could" => Key::MoscowCould,
        "wont" => Key::MoscowWont,
        "now" => Key::HorizonNow,
        "next" => Key::HorizonNext,
        "later" => Key::HorizonLater,
        "not_started" => Key::StatusNotStarted,
        "limited" => Key::StatusLimited,
        "substantial" => Key::StatusSubstantial,
        "completed" => Key::StatusCompleted,
        other => {
            return crate::needs::NeedKind::parse(other)
                .map_or_else(|| other.to_owned(), |k| lang.t(k.name_key()).to_owned())
        }
    };
    lang.t(key).to_owned()
}

fn yes_no(lang: Lang, value: bool) -> Cell {
    Cell::Text(
        lang.t(if value { Key::ExpYes } else { Key::ExpNo })
            .to_owned(),
    )
}

fn text(value: &str) -> Cell {
    Cell::Text(value.to_owned())
}

fn headers(lang: Lang, keys: &[Key]) -> Vec<String> {
    keys.iter().map(|k| lang.t(*k).to_owned()).collect()
}

fn indicator<'a>(data: &'a Dataset, code: &str) -> Option<&'a IndicatorRow> {
    data.indicators.iter().find(|i| i.code == code)
}

/// One table of the data set, in the data set's language.
pub fn table(data: &Dataset, kind: TableKind) -> Table {
    let lang = data.lang;
    let pillar_of = |code: &str| indicator(data, code).map_or(String::new(), |i| i.pillar.clone());
    let name_of = |code: &str| indicator(data, code).map_or(String::new(), |i| i.name.clone());
    match kind {
        TableKind::Answers => Table {
            headers: headers(
                lang,
                &[
                    Key::ExpColTeam,
                    Key::ExpColRespondent,
                    Key::ExpColPillar,
                    Key::ExpColIndicator,
                    Key::ExpColIndicatorName,
                    Key::ExpColResponse,
                    Key::ExpColLevel,
                    Key::ExpColTarget,
                    Key::ExpColMark,
                ],
            ),
            rows: data
                .teams
                .iter()
                .flat_map(|team| {
                    team.answers.iter().map(move |a| {
                        vec![
                            text(&team.name),
                            Cell::Int(i64::from(a.respondent)),
                            Cell::Text(pillar_of(&a.indicator)),
                            text(&a.indicator),
                            Cell::Text(name_of(&a.indicator)),
                            Cell::Text(label(lang, &a.response)),
                            Cell::opt_int(a.level),
                            Cell::opt_int(a.target),
                            Cell::Text(label(lang, &a.mark)),
                        ]
                    })
                })
                .collect(),
        },
        TableKind::Consensus => Table {
            headers: headers(
                lang,
                &[
                    Key::ExpColTeam,
                    Key::ExpColPillar,
                    Key::ExpColIndicator,
                    Key::ExpColIndicatorName,
                    Key::ExpColConsensus,
                    Key::ExpColMedian,
                    Key::ExpColSettled,
                    Key::ExpColCount,
                    Key::ExpColMin,
                    Key::ExpColMax,
                    Key::ExpColQ1,
                    Key::ExpColQ3,
                    Key::ExpColDisagreement,
                    Key::ExpColNotApplicable,
                    Key::ExpColDontKnow,
                    Key::ExpColStrengths,
                    Key::ExpColWeaknesses,
                    Key::ExpColTarget,
                ],
            ),
            rows: data
                .teams
                .iter()
                .flat_map(|team| {
                    team.consensus.iter().map(move |c| {
                        vec![
                            text(&team.name),
                            Cell::Text(pillar_of(&c.indicator)),
                            text(&c.indicator),
                            Cell::Text(name_of(&c.indicator)),
                            Cell::opt_num(c.consensus),
                            Cell::opt_num(c.median),
                            yes_no(lang, c.settled),
                            Cell::Int(i64::from(c.count)),
                            Cell::opt_int(c.min),
                            Cell::opt_int(c.max),
                            Cell::opt_num(c.q1),
                            Cell::opt_num(c.q3),
                            yes_no(lang, c.disagreement),
                            Cell::Int(i64::from(c.not_applicable)),
                            Cell::Int(i64::from(c.dont_know)),
                            Cell::Int(i64::from(c.strengths)),
                            Cell::Int(i64::from(c.weaknesses)),
                            Cell::opt_num(c.target),
                        ]
                    })
                })
                .collect(),
        },
        TableKind::Actions => Table {
            headers: headers(
                lang,
                &[
                    Key::ExpColTeam,
                    Key::ExpColRank,
                    Key::ExpColTitle,
                    Key::ExpColDescription,
                    Key::ExpColUnit,
                    Key::ExpColImpact,
                    Key::ExpColEffort,
                    Key::ExpColCost,
                    Key::ExpColMoscow,
                    Key::ExpColDots,
                    Key::ExpColScore,
                    Key::ExpColQuadrant,
                    Key::ExpColIndicators,
                    Key::ExpColDependsOn,
                ],
            ),
            rows: data
                .teams
                .iter()
                .flat_map(|team| {
                    team.actions.iter().map(move |a| {
                        vec![
                            text(&team.name),
                            Cell::Int(i64::from(a.rank)),
                            text(&a.title),
                            text(&a.description),
                            text(&a.unit),
                            Cell::Int(i64::from(a.impact)),
                            Cell::Int(i64::from(a.effort)),
                            Cell::Text(label(lang, &a.cost)),
                            a.moscow
                                .as_deref()
                                .map_or(Cell::Empty, |m| Cell::Text(label(lang, m))),
                            Cell::Int(i64::from(a.dots)),
                            Cell::Num(a.score),
                            Cell::Text(label(lang, &a.quadrant)),
                            Cell::Text(a.indicators.join(", ")),
                            Cell::Text(a.depends_on.join("; ")),
                        ]
                    })
                })
                .collect(),
        },
        TableKind::Roadmap => Table {
            headers: headers(
                lang,
                &[
                    Key::ExpColTeam,
                    Key::ExpColTitle,
                    Key::ExpColUnit,
                    Key::ExpColStart,
                    Key::ExpColEnd,
                    Key::ExpColHorizon,
                    Key::ExpColStatus,
                    Key::ExpColProgress,
                    Key::ExpColQuickWin,
                    Key::ExpColIndicators,
                    Key::ExpColDependsOn,
                    Key::ExpColMilestones,
                    Key::ExpColOgpValues,
                ],
            ),
            rows: data
                .teams
                .iter()
                .flat_map(|team| {
                    team.roadmap.iter().map(move |i| {
                        vec![
                            text(&team.name),
                            text(&i.title),
                            text(&i.owner),
                            Cell::Date(i.starts_on.clone()),
                            Cell::Date(i.ends_on.clone()),
                            Cell::Text(label(lang, &i.horizon)),
                            Cell::Text(label(lang, &i.status)),
                            Cell::Int(i64::from(i.progress)),
                            yes_no(lang, i.quick_win),
                            Cell::Text(i.indicators.join(", ")),
                            Cell::Text(i.depends_on.join("; ")),
                            Cell::Text(
                                i.milestones
                                    .iter()
                                    .map(|m| format!("{} ({})", m.title, m.due_on))
                                    .collect::<Vec<_>>()
                                    .join("; "),
                            ),
                            Cell::Text(
                                i.commitment
                                    .ogp_values
                                    .iter()
                                    .map(|v| lang.t(v.name_key()))
                                    .collect::<Vec<_>>()
                                    .join("; "),
                            ),
                        ]
                    })
                })
                .collect(),
        },
        TableKind::Needs => Table {
            headers: headers(
                lang,
                &[
                    Key::ExpColTeam,
                    Key::NeedColKind,
                    Key::ExpColDescription,
                    Key::NeedUnblocks,
                ],
            ),
            rows: data
                .teams
                .iter()
                .flat_map(|team| {
                    team.needs.iter().map(move |n| {
                        vec![
                            text(&team.name),
                            Cell::Text(label(lang, &n.kind)),
                            text(&n.description),
                            Cell::Text(n.unblocks.join("; ")),
                        ]
                    })
                })
                .collect(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_names_read_back() {
        for kind in TableKind::ALL {
            assert_eq!(TableKind::parse(kind.as_str()), Some(kind));
        }
        assert_eq!(TableKind::parse("people"), None);
    }

    #[test]
    fn codes_get_names_and_unknown_codes_stay() {
        assert_eq!(label(Lang::En, "quick_win"), "Quick wins");
        assert_eq!(label(Lang::Es, "not_started"), "No iniciado");
        assert_eq!(label(Lang::En, "zzz"), "zzz");
        assert_eq!(label(Lang::Es, "staff_skills"), "Personal y capacidades");
    }

    #[test]
    fn cells_as_text() {
        assert_eq!(Cell::Num(2.5).text(), "2.5");
        assert_eq!(Cell::Num(3.0).text(), "3");
        assert_eq!(Cell::Empty.text(), "");
        assert_eq!(Cell::Date("2027-01-04".into()).text(), "2027-01-04");
    }
}
