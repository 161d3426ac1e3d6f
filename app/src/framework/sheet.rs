//! The framework as the assessment shows it: every pillar, indicator and level descriptor.

use serde::{Deserialize, Serialize};

use super::Text;
use crate::ids::IndicatorId;

/// Everything a participant reads while answering.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Sheet {
    /// The names of levels 1–5, lowest first.
    pub levels: Vec<Text>,
    /// Pillars in display order.
    pub pillars: Vec<SheetPillar>,
}

/// A pillar with its indicators.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SheetPillar {
    /// Code, e.g. `T`.
    pub code: String,
    /// Name.
    pub name: Text,
    /// What the pillar covers.
    pub description: Text,
    /// Indicators in display order.
    pub indicators: Vec<SheetIndicator>,
}

/// An indicator with what each level means for it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SheetIndicator {
    /// Id.
    pub id: IndicatorId,
    /// Code, e.g. `T1`.
    pub code: String,
    /// Name.
    pub name: Text,
    /// What is assessed.
    pub description: Text,
    /// The descriptor of levels 1–5, lowest first.
    pub descriptors: Vec<Text>,
}

impl Sheet {
    /// Every indicator, in display order.
    pub fn indicators(&self) -> impl Iterator<Item = &SheetIndicator> {
        self.pillars.iter().flat_map(|p| p.indicators.iter())
    }

    /// The pillar an indicator belongs to, by position.
    pub fn pillar_of(&self, indicator: IndicatorId) -> Option<usize> {
        self.pillars
            .iter()
            .position(|p| p.indicators.iter().any(|i| i.id == indicator))
    }
}
