//! How far a participant has got: per pillar, overall, and what is left.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use crate::framework::{Sheet, SheetIndicator};
use crate::ids::IndicatorId;

/// Answered out of total.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Progress {
    /// Indicators answered (a level, "not applicable" or "don't know").
    pub answered: usize,
    /// Indicators in all.
    pub total: usize,
}

impl Progress {
    /// Whole percent, rounded down so that 100% means really done.
    pub fn percent(self) -> u32 {
        if self.total == 0 {
            return 100;
        }
        u32::try_from(self.answered * 100 / self.total).unwrap_or(100)
    }

    /// Whether nothing is left.
    pub fn is_complete(self) -> bool {
        self.answered >= self.total
    }
}

/// Progress of each pillar, in order.
pub fn by_pillar(sheet: &Sheet, answered: &HashSet<IndicatorId>) -> Vec<Progress> {
    sheet
        .pillars
        .iter()
        .map(|pillar| Progress {
            answered: pillar
                .indicators
                .iter()
                .filter(|i| answered.contains(&i.id))
                .count(),
            total: pillar.indicators.len(),
        })
        .collect()
}

/// The sum of the pillars' progress.
pub fn overall(pillars: &[Progress]) -> Progress {
    pillars.iter().fold(Progress::default(), |sum, p| Progress {
        answered: sum.answered + p.answered,
        total: sum.total + p.total,
    })
}

/// The indicators not yet answered, with the position of their pillar.
pub fn unanswered<'a>(
    sheet: &'a Sheet,
    answered: &HashSet<IndicatorId>,
) -> Vec<(usize, &'a SheetIndicator)> {
    sheet
        .pillars
        .iter()
        .enumerate()
        .flat_map(|(p, pillar)| pillar.indicators.iter().map(move |i| (p, i)))
        .filter(|(_, i)| !answered.contains(&i.id))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::framework::{SheetPillar, Text};

    fn sheet(shape: &[usize]) -> Sheet {
        let mut next = 0;
        Sheet {
            levels: vec![],
            pillars: shape
                .iter()
                .map(|&n| SheetPillar {
                    code: String::new(),
                    name: Text::default(),
                    description: Text::default(),
                    indicators: (0..n)
                        .map(|_| {
                            next += 1;
                            SheetIndicator {
                                id: IndicatorId(next),
                                code: format!("I{next}"),
                                name: Text::default(),
                                description: Text::default(),
                                descriptors: vec![],
                            }
                        })
                        .collect(),
                })
                .collect(),
        }
    }

    #[test]
    fn progress_counts_per_pillar_and_overall() {
        let sheet = sheet(&[2, 3]);
        let answered: HashSet<_> = [IndicatorId(1), IndicatorId(3), IndicatorId(99)].into();
        let pillars = by_pillar(&sheet, &answered);
        assert_eq!(
            pillars,
            [
                Progress {
                    answered: 1,
                    total: 2
                },
                Progress {
                    answered: 1,
                    total: 3
                }
            ]
        );
        let all = overall(&pillars);
        assert_eq!((all.answered, all.total, all.percent()), (2, 5, 40));
        assert!(!all.is_complete());
        let left: Vec<_> = unanswered(&sheet, &answered)
            .iter()
            .map(|(p, i)| (*p, i.id.0))
            .collect();
        assert_eq!(left, [(0, 2), (1, 4), (1, 5)]);
    }

    #[test]
    fn percent_rounds_down_and_empty_is_complete() {
        assert_eq!(
            Progress {
                answered: 19,
                total: 20
            }
            .percent(),
            95
        );
        assert_eq!(
            Progress {
                answered: 2,
                total: 3
            }
            .percent(),
            66
        );
        assert_eq!(Progress::default().percent(), 100);
        assert!(Progress::default().is_complete());
    }
}
