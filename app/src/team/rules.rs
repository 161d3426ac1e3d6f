//! The team's consensus, as pure functions.
//!
//! Per indicator, the consensus is the median of the members' levels ("not applicable" and
//! "don't know" are left out) unless a team lead has settled it. The spread is shown with the
//! count, the lowest and highest level and the interquartile range; quartiles are computed as
//! spreadsheets' QUARTILE.INC does (linear interpolation between ranks), so a facilitator can
//! check them by hand.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::assessment::{Mark, MaturityLevel, Response};
use crate::error::AppError;
use crate::i18n::Key;
use crate::ids::IndicatorId;
use crate::results::aggregate::{mean_of_present, median};

/// The interquartile range from which an indicator is flagged for discussion.
pub const DISAGREEMENT_IQR: f64 = 2.0;
/// The distance between the lowest and highest level from which an indicator is flagged.
pub const DISAGREEMENT_RANGE: u8 = 3;

/// How the members' levels on one indicator are spread.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Spread {
    /// Levels given (not "not applicable" or "don't know").
    pub count: usize,
    /// Lowest level.
    pub min: u8,
    /// Highest level.
    pub max: u8,
    /// First quartile.
    pub q1: f64,
    /// Third quartile.
    pub q3: f64,
}

impl Spread {
    /// Of a set of levels; `None` when there are none.
    pub fn of(levels: &[u8]) -> Option<Spread> {
        let mut sorted = levels.to_vec();
        sorted.sort_unstable();
        let (&min, &max) = (sorted.first()?, sorted.last()?);
        Some(Spread {
            count: sorted.len(),
            min,
            max,
            q1: quantile(&sorted, 0.25),
            q3: quantile(&sorted, 0.75),
        })
    }

    /// Interquartile range: where the middle half of the answers lies.
    pub fn iqr(&self) -> f64 {
        self.q3 - self.q1
    }

    /// Highest minus lowest level.
    pub fn range(&self) -> u8 {
        self.max - self.min
    }

    /// The disagreement rule: the middle half of the answers spans [`DISAGREEMENT_IQR`]
    /// levels or more, or the extremes are [`DISAGREEMENT_RANGE`] levels or more apart.
    pub fn disagrees(&self) -> bool {
        self.iqr() >= DISAGREEMENT_IQR || self.range() >= DISAGREEMENT_RANGE
    }
}

/// The `q`-quantile of sorted values by linear interpolation between ranks (QUARTILE.INC).
fn quantile(sorted: &[u8], q: f64) -> f64 {
    let last = sorted.len().saturating_sub(1);
    let rank = q * last as f64;
    let below = rank.floor() as usize;
    let above = rank.ceil() as usize;
    let (low, high) = (f64::from(sorted[below]), f64::from(sorted[above.min(last)]));
    low + (high - low) * (rank - below as f64)
}

/// One member's answer, as the team view needs it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MemberAnswer {
    /// The indicator.
    pub indicator: IndicatorId,
    /// The answer.
    pub response: Response,
    /// Strength, weakness or neither.
    pub mark: Mark,
}

/// A level a team lead settled, with why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Settled {
    /// The level.
    pub level: u8,
    /// Why.
    pub rationale: String,
    /// The lead who set it.
    pub by: String,
    /// For optimistic concurrency.
    pub version: i64,
}

/// The longest rationale a lead may give, in characters.
pub const RATIONALE_MAX_CHARS: usize = 500;

/// Reads a lead's settling form: a level 1–5 and a short rationale (trimmed, 1–500
/// characters). Every mistake is reported at once, by field.
pub fn parse_settle(level: &str, rationale: &str) -> Result<(MaturityLevel, String), AppError> {
    let level = level
        .trim()
        .parse::<u8>()
        .ok()
        .and_then(|l| MaturityLevel::try_from(l).ok())
        .ok_or_else(|| AppError::invalid("level", Key::ErrLevelRange));
    let rationale = rationale.trim();
    let rationale = match rationale.chars().count() {
        0 => Err(AppError::invalid("rationale", Key::ErrRationaleMissing)),
        n if n > RATIONALE_MAX_CHARS => {
            Err(AppError::invalid("rationale", Key::ErrRationaleTooLong))
        }
        _ => Ok(rationale.to_owned()),
    };
    match (level, rationale) {
        (Ok(level), Ok(rationale)) => Ok((level, rationale)),
        (level, rationale) => {
            Err(AppError::merge([level.err(), rationale.err()]).unwrap_or(AppError::BadRequest))
        }
    }
}

/// The team's view of one indicator.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndicatorConsensus {
    /// The indicator.
    pub indicator: IndicatorId,
    /// Median of the levels given.
    pub median: Option<f64>,
    /// Their spread.
    pub spread: Option<Spread>,
    /// Whether the answers diverge (see [`Spread::disagrees`]).
    pub disagreement: bool,
    /// "Not applicable" answers.
    pub not_applicable: usize,
    /// "Don't know" answers.
    pub dont_know: usize,
    /// Members who marked it a strength.
    pub strengths: usize,
    /// Members who marked it a weakness.
    pub weaknesses: usize,
    /// The lead's decision, if any.
    pub settled: Option<Settled>,
}

impl IndicatorConsensus {
    /// The team's level: the lead's if settled, the median otherwise.
    pub fn consensus(&self) -> Option<f64> {
        self.settled
            .as_ref()
            .map(|s| f64::from(s.level))
            .or(self.median)
    }
}

/// The consensus of each indicator in `indicators`, in that order.
pub fn team_consensus(
    indicators: &[IndicatorId],
    answers: &[MemberAnswer],
    settled: &HashMap<IndicatorId, Settled>,
) -> Vec<IndicatorConsensus> {
    indicators
        .iter()
        .map(|&indicator| {
            let mine: Vec<&MemberAnswer> = answers
                .iter()
                .filter(|a| a.indicator == indicator)
                .collect();
            let levels: Vec<u8> = mine
                .iter()
                .filter_map(|a| a.response.level())
                .map(|l| l.get())
                .collect();
            let spread = Spread::of(&levels);
            let count = |f: &dyn Fn(&MemberAnswer) -> bool| mine.iter().filter(|a| f(a)).count();
            IndicatorConsensus {
                indicator,
                median: median(&levels),
                spread,
                disagreement: spread.is_some_and(|s| s.disagrees()),
                not_applicable: count(&|a| a.response == Response::NotApplicable),
                dont_know: count(&|a| a.response == Response::DontKnow),
                strengths: count(&|a| a.mark == Mark::Strength),
                weaknesses: count(&|a| a.mark == Mark::Weakness),
                settled: settled.get(&indicator).cloned(),
            }
        })
        .collect()
}

/// The mean consensus of each pillar (given as its indicators), over the indicators that
/// have one.
pub fn pillar_averages(
    pillars: &[Vec<IndicatorId>],
    consensus: &[IndicatorConsensus],
) -> Vec<Option<f64>> {
    pillars
        .iter()
        .map(|indicators| {
            mean_of_present(indicators.iter().map(|id| {
                consensus
                    .iter()
                    .find(|c| c.indicator == *id)
                    .and_then(IndicatorConsensus::consensus)
            }))
        })
        .collect()
}

/// Indicators members marked as strengths: most marks first, then the higher consensus.
pub fn ranked_strengths(consensus: &[IndicatorConsensus]) -> Vec<&IndicatorConsensus> {
    let mut ranked: Vec<_> = consensus.iter().filter(|c| c.strengths > 0).collect();
    ranked.sort_by(|a, b| {
        b.strengths.cmp(&a.strengths).then(
            b.consensus()
                .unwrap_or(0.0)
                .total_cmp(&a.consensus().unwrap_or(0.0)),
        )
    });
    ranked
}

/// Indicators members marked as weaknesses: most marks first, then the lower consensus.
pub fn ranked_weaknesses(consensus: &[IndicatorConsensus]) -> Vec<&IndicatorConsensus> {
    let mut ranked: Vec<_> = consensus.iter().filter(|c| c.weaknesses > 0).collect();
    ranked.sort_by(|a, b| {
        b.weaknesses.cmp(&a.weaknesses).then(
            a.consensus()
                .unwrap_or(6.0)
                .total_cmp(&b.consensus().unwrap_or(6.0)),
        )
    });
    ranked
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spread(levels: &[u8]) -> Spread {
        Spread::of(levels).unwrap()
    }

    fn answer(indicator: i64, response: Option<u8>, mark: Mark) -> MemberAnswer {
        MemberAnswer {
            indicator: IndicatorId(indicator),
            response: match response {
                Some(l) => Response::Level(MaturityLevel::try_from(l).unwrap()),
                None => Response::NotApplicable,
            },
            mark,
        }
    }

    #[test]
    fn quartiles_match_a_spreadsheet() {
        // QUARTILE.INC({1,2,3,4}) → Q1 1.75, Q3 3.25.
        let s = spread(&[4, 1, 3, 2]);
        assert_eq!((s.q1, s.q3, s.iqr()), (1.75, 3.25, 1.5));
        // {1,2,3,4,5} → Q1 2, Q3 4.
        let s = spread(&[5, 4, 3, 2, 1]);
        assert_eq!((s.count, s.min, s.max, s.q1, s.q3), (5, 1, 5, 2.0, 4.0));
        // One answer: no spread at all.
        let s = spread(&[3]);
        assert_eq!((s.q1, s.q3, s.range()), (3.0, 3.0, 0));
        // Even count with ties: {2,2,3,3,4,5} → Q1 2.25, Q3 3.75.
        let s = spread(&[3, 2, 5, 2, 4, 3]);
        assert_eq!((s.q1, s.q3), (2.25, 3.75));
    }

    #[test]
    fn nothing_to_spread_without_levels() {
        assert_eq!(Spread::of(&[]), None);
    }

    #[test]
    fn disagreement_rule() {
        assert!(!spread(&[3, 3, 3, 4]).disagrees(), "close answers");
        assert!(!spread(&[2, 3, 4]).disagrees(), "range 2, IQR 1");
        assert!(spread(&[1, 4]).disagrees(), "range 3");
        assert!(spread(&[1, 1, 3, 3]).disagrees(), "IQR 2 (1 to 3)");
        assert!(
            spread(&[2, 3, 3, 3, 5]).disagrees(),
            "range 3 even with most agreeing"
        );
        assert!(!spread(&[5]).disagrees(), "one answer never disagrees");
    }

    #[test]
    fn consensus_is_the_median_unless_settled() {
        let answers = [
            answer(1, Some(1), Mark::Weakness),
            answer(1, Some(2), Mark::Weakness),
            answer(1, Some(4), Mark::Neutral),
            answer(1, Some(5), Mark::Strength),
            answer(1, None, Mark::Neutral),
            answer(2, None, Mark::Neutral),
            answer(2, None, Mark::Neutral),
        ];
        let ids = [IndicatorId(1), IndicatorId(2), IndicatorId(3)];
        let rows = team_consensus(&ids, &answers, &HashMap::new());
        // Indicator 1: levels 1, 2, 4, 5 → even count, median 3; range 4 → flagged.
        assert_eq!(rows[0].median, Some(3.0));
        assert_eq!(rows[0].consensus(), Some(3.0));
        assert!(rows[0].disagreement);
        assert_eq!(
            (
                rows[0].not_applicable,
                rows[0].strengths,
                rows[0].weaknesses
            ),
            (1, 1, 2)
        );
        // Indicator 2: only "not applicable" → no median, no spread, no flag.
        assert_eq!(
            (rows[1].median, rows[1].spread, rows[1].disagreement),
            (None, None, false)
        );
        assert_eq!(rows[1].not_applicable, 2);
        // Indicator 3: nobody answered.
        assert_eq!((rows[2].median, rows[2].consensus()), (None, None));

        let settled = HashMap::from([(
            IndicatorId(1),
            Settled {
                level: 2,
                rationale: "Sin ordenanza".into(),
                by: "Ana".into(),
                version: 1,
            },
        )]);
        let rows = team_consensus(&ids, &answers, &settled);
        assert_eq!(
            (rows[0].median, rows[0].consensus()),
            (Some(3.0), Some(2.0))
        );
    }

    #[test]
    fn an_empty_team_has_nothing_anywhere() {
        let ids = [IndicatorId(1), IndicatorId(2)];
        let rows = team_consensus(&ids, &[], &HashMap::new());
        assert!(rows
            .iter()
            .all(|r| r.median.is_none() && !r.disagreement && r.strengths == 0));
        assert_eq!(pillar_averages(&[ids.to_vec()], &rows), vec![None]);
        assert!(ranked_strengths(&rows).is_empty() && ranked_weaknesses(&rows).is_empty());
    }

    #[test]
    fn pillar_average_uses_the_settled_level() {
        let answers = [
            answer(1, Some(2), Mark::Neutral),
            answer(2, Some(5), Mark::Neutral),
        ];
        let settled = HashMap::from([(
            IndicatorId(2),
            Settled {
                level: 3,
                rationale: "x".into(),
                by: "y".into(),
                version: 1,
            },
        )]);
        let rows = team_consensus(
            &[IndicatorId(1), IndicatorId(2), IndicatorId(3)],
            &answers,
            &settled,
        );
        let pillars = vec![vec![IndicatorId(1), IndicatorId(2)], vec![IndicatorId(3)]];
        assert_eq!(pillar_averages(&pillars, &rows), vec![Some(2.5), None]);
    }

    #[test]
    fn a_settled_level_needs_a_level_and_a_short_reason() {
        let (level, why) = parse_settle(" 4 ", "  Acordado en la reunión ").unwrap();
        assert_eq!((level.get(), why.as_str()), (4, "Acordado en la reunión"));
        assert!(parse_settle("3", &"ñ".repeat(RATIONALE_MAX_CHARS)).is_ok());
        let fields = |err: AppError| match err {
            AppError::Validation { fields } => fields.into_keys().collect::<Vec<_>>(),
            other => panic!("{other:?}"),
        };
        assert_eq!(
            fields(parse_settle("7", "  ").unwrap_err()),
            ["level", "rationale"]
        );
        assert_eq!(fields(parse_settle("x", "ok").unwrap_err()), ["level"]);
        assert_eq!(
            fields(parse_settle("2", &"r".repeat(RATIONALE_MAX_CHARS + 1)).unwrap_err()),
            ["rationale"]
        );
    }

    #[test]
    fn strengths_and_weaknesses_are_ranked() {
        let answers = [
            answer(1, Some(4), Mark::Strength),
            answer(2, Some(5), Mark::Strength),
            answer(2, Some(5), Mark::Strength),
            answer(3, Some(5), Mark::Strength),
            answer(4, Some(2), Mark::Weakness),
            answer(5, Some(1), Mark::Weakness),
            answer(6, Some(3), Mark::Neutral),
        ];
        let ids: Vec<_> = (1..=6).map(IndicatorId).collect();
        let rows = team_consensus(&ids, &answers, &HashMap::new());
        let order = |ranked: Vec<&IndicatorConsensus>| {
            ranked.iter().map(|c| c.indicator.0).collect::<Vec<_>>()
        };
        // Two marks first; then between one-mark indicators, the higher level (5 before 4).
        assert_eq!(order(ranked_strengths(&rows)), [2, 3, 1]);
        // One mark each: the lower level first.
        assert_eq!(order(ranked_weaknesses(&rows)), [5, 4]);
    }
}
