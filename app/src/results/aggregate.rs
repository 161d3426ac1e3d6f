//! The aggregation rules, as pure functions.
//!
//! A team's consensus on an indicator is the median of its members' levels ("not applicable"
//! and "don't know" are left out). A team's pillar average is the mean of its consensus
//! levels over the pillar's indicators that have one.

use std::collections::HashSet;

use crate::ids::{IndicatorId, ParticipantId, TeamId};

/// The median of a set of levels; `None` when there are none. With an even count it is the
/// mean of the two middle values, so it can fall between two levels (e.g. 2.5).
pub fn median(levels: &[u8]) -> Option<f64> {
    let mut sorted = levels.to_vec();
    sorted.sort_unstable();
    let n = sorted.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(f64::from(sorted[n / 2])),
        _ => Some((f64::from(sorted[n / 2 - 1]) + f64::from(sorted[n / 2])) / 2.0),
    }
}

/// The mean of the values present; `None` when none is.
pub fn mean_of_present(values: impl IntoIterator<Item = Option<f64>>) -> Option<f64> {
    let (sum, count) = values
        .into_iter()
        .flatten()
        .fold((0.0, 0_u32), |(sum, count), v| (sum + v, count + 1));
    (count > 0).then(|| sum / f64::from(count))
}

/// Rounds for display and export: one decimal is all a 1–5 scale needs.
pub fn round1(value: f64) -> f64 {
    (value * 10.0).round() / 10.0
}

/// Whether a team's aggregates may be shown to people outside it.
pub fn visible_to_others(respondents: usize, anonymity_threshold: u32) -> bool {
    u32::try_from(respondents).unwrap_or(u32::MAX) >= anonymity_threshold
}

/// One answer, as aggregation sees it: who (team, person), what, and the level if any.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LevelPoint {
    /// The respondent's team.
    pub team: TeamId,
    /// The respondent.
    pub participant: ParticipantId,
    /// The indicator answered.
    pub indicator: IndicatorId,
    /// The level; `None` for "not applicable" and "don't know".
    pub level: Option<u8>,
}

/// A team's pillar averages.
#[derive(Debug, Clone, PartialEq)]
pub struct TeamPillars {
    /// The team.
    pub team: TeamId,
    /// How many members answered at least one indicator.
    pub respondents: usize,
    /// One value per pillar, in the order given; `None` where no indicator has a consensus.
    pub averages: Vec<Option<f64>>,
}

/// The pillar averages of each team: for each pillar (given as its indicators), the mean of
/// the team's median level on each indicator.
pub fn team_pillar_averages(
    pillars: &[Vec<IndicatorId>],
    teams: &[TeamId],
    points: &[LevelPoint],
) -> Vec<TeamPillars> {
    teams
        .iter()
        .map(|&team| {
            let mine: Vec<&LevelPoint> = points.iter().filter(|p| p.team == team).collect();
            let respondents = mine
                .iter()
                .map(|p| p.participant)
                .collect::<HashSet<_>>()
                .len();
            let averages = pillars
                .iter()
                .map(|indicators| {
                    mean_of_present(indicators.iter().map(|&indicator| {
                        let levels: Vec<u8> = mine
                            .iter()
                            .filter(|p| p.indicator == indicator)
                            .filter_map(|p| p.level)
                            .collect();
                        median(&levels)
                    }))
                })
                .collect();
            TeamPillars {
                team,
                respondents,
                averages,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn point(team: i64, participant: i64, indicator: i64, level: Option<u8>) -> LevelPoint {
        LevelPoint {
            team: TeamId(team),
            participant: ParticipantId(participant),
            indicator: IndicatorId(indicator),
            level,
        }
    }

    #[test]
    fn pillar_average_is_the_mean_of_indicator_medians() {
        // Pillar A = indicators 1, 2; pillar B = indicator 3.
        let pillars = vec![vec![IndicatorId(1), IndicatorId(2)], vec![IndicatorId(3)]];
        let points = [
            // Indicator 1: levels 1, 2, 5 → median 2.
            point(7, 1, 1, Some(1)),
            point(7, 2, 1, Some(2)),
            point(7, 3, 1, Some(5)),
            // Indicator 2: levels 3, 4 and a "don't know" → median 3.5.
            point(7, 1, 2, Some(3)),
            point(7, 2, 2, Some(4)),
            point(7, 3, 2, None),
            // Indicator 3: only "not applicable" → no consensus.
            point(7, 1, 3, None),
            // Another team's answers do not count.
            point(8, 9, 1, Some(5)),
        ];
        let rows = team_pillar_averages(&pillars, &[TeamId(7), TeamId(8)], &points);
        assert_eq!(rows[0].respondents, 3);
        assert_eq!(rows[0].averages, vec![Some(2.75), None]);
        assert_eq!(rows[1].respondents, 1);
        assert_eq!(rows[1].averages, vec![Some(5.0), None]);
    }

    #[test]
    fn a_team_without_answers_has_no_averages() {
        let rows = team_pillar_averages(&[vec![IndicatorId(1)]], &[TeamId(1)], &[]);
        assert_eq!(rows[0].respondents, 0);
        assert_eq!(rows[0].averages, vec![None]);
    }

    #[test]
    fn median_of_nothing_is_nothing() {
        assert_eq!(median(&[]), None);
    }

    #[test]
    fn median_of_odd_count_is_the_middle_value() {
        assert_eq!(median(&[5, 1, 3]), Some(3.0));
        assert_eq!(median(&[4]), Some(4.0));
    }

    #[test]
    fn median_of_even_count_is_between_the_middle_values() {
        assert_eq!(median(&[1, 2, 4, 5]), Some(3.0));
        assert_eq!(median(&[2, 3]), Some(2.5));
        assert_eq!(median(&[3, 3, 1, 5]), Some(3.0));
    }

    #[test]
    fn mean_skips_missing_values() {
        assert_eq!(mean_of_present([Some(2.0), None, Some(3.0)]), Some(2.5));
        assert_eq!(mean_of_present([None, None]), None);
        assert_eq!(mean_of_present([]), None);
    }

    #[test]
    fn rounding_keeps_one_decimal() {
        assert_eq!(round1(2.6666), 2.7);
        assert_eq!(round1(3.0), 3.0);
    }

    #[test]
    fn threshold_hides_small_teams() {
        assert!(!visible_to_others(2, 3));
        assert!(visible_to_others(3, 3));
        assert!(visible_to_others(0, 0));
    }
}
