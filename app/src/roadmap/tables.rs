//! The roadmap charts' data as tables: the accessible alternative to every chart. The rows are
//! built by pure functions (tested below) and shown by [`DataTable`].

use std::collections::BTreeMap;

use leptos::prelude::*;

use super::charts::{gantt_order, horizon_counts};
use super::model::{Horizon, ItemView, PillarTarget};
use crate::i18n::{Key, Lang};

/// A table of strings: a caption, column headers and rows. The first cell of a row names it.
#[derive(Debug, Clone, PartialEq)]
pub struct TableData {
    /// What the table shows.
    pub caption: String,
    /// The column headers.
    pub headers: Vec<String>,
    /// The rows, each as long as `headers`.
    pub rows: Vec<Vec<String>>,
}

/// The Gantt chart's table: unit, action, start, end, horizon and what it depends on, in the
/// chart's row order. Dependencies are named by title; those not on the roadmap are left out.
pub fn gantt_table(lang: Lang, items: &[ItemView]) -> TableData {
    let titles: BTreeMap<_, &str> = items.iter().map(|i| (i.action, i.title.trim())).collect();
    let rows = gantt_order(items)
        .into_iter()
        .map(|item| {
            let mut deps: Vec<&str> = item
                .depends_on
                .iter()
                .filter_map(|d| titles.get(d).copied())
                .collect();
            deps.sort_unstable();
            deps.dedup();
            vec![
                item.owner.trim().to_owned(),
                item.title.trim().to_owned(),
                item.starts_on.clone(),
                item.ends_on.clone(),
                lang.t(item.horizon.name_key()).to_owned(),
                if deps.is_empty() {
                    lang.t(Key::RmcNothing).to_owned()
                } else {
                    deps.join(", ")
                },
            ]
        })
        .collect();
    TableData {
        caption: lang.t(Key::RmcGanttTitle).to_owned(),
        headers: [
            Key::RmcUnit,
            Key::RmcAction,
            Key::RmcStart,
            Key::RmcEnd,
            Key::RmcHorizon,
            Key::RmcDependsOn,
        ]
        .into_iter()
        .map(|k| lang.t(k).to_owned())
        .collect(),
        rows,
    }
}

fn one_decimal(value: Option<f64>, lang: Lang) -> String {
    value
        .map(|v| format!("{v:.1}"))
        .unwrap_or_else(|| lang.t(Key::ResultsNoValue).to_owned())
}

/// The radar's table: per pillar, the current level, the target and the change expected
/// (signed, one decimal).
pub fn target_table(lang: Lang, pillars: &[PillarTarget]) -> TableData {
    let rows = pillars
        .iter()
        .map(|p| {
            let change = match (p.current, p.target) {
                (Some(c), Some(t)) => format!("{:+.1}", t - c),
                _ => lang.t(Key::RmcNothing).to_owned(),
            };
            vec![
                p.name.clone(),
                one_decimal(p.current, lang),
                one_decimal(p.target, lang),
                change,
            ]
        })
        .collect();
    TableData {
        caption: lang.t(Key::RmcRadarTitle).to_owned(),
        headers: [
            Key::RmcPillar,
            Key::RmcCurrent,
            Key::RmcTarget,
            Key::RmcChange,
        ]
        .into_iter()
        .map(|k| lang.t(k).to_owned())
        .collect(),
        rows,
    }
}

/// The workshop's horizons table: per team, how many items start now, next and later, and the
/// total; the last row adds up every team.
pub fn horizons_table(lang: Lang, teams: &[(String, [usize; 3])]) -> TableData {
    let mut sums = [0usize; 3];
    let mut rows: Vec<Vec<String>> = teams
        .iter()
        .map(|(name, counts)| {
            for (sum, n) in sums.iter_mut().zip(counts) {
                *sum += n;
            }
            counts_row(name.clone(), counts)
        })
        .collect();
    if teams.len() > 1 {
        rows.push(counts_row(lang.t(Key::RmcTotal).to_owned(), &sums));
    }
    TableData {
        caption: lang.t(Key::RmcHorizonsTitle).to_owned(),
        headers: std::iter::once(lang.t(Key::RmcTeam).to_owned())
            .chain(Horizon::ALL.iter().map(|h| lang.t(h.name_key()).to_owned()))
            .chain([lang.t(Key::RmcTotal).to_owned()])
            .collect(),
        rows,
    }
}

fn counts_row(name: String, counts: &[usize; 3]) -> Vec<String> {
    std::iter::once(name)
        .chain(counts.iter().map(usize::to_string))
        .chain([counts.iter().sum::<usize>().to_string()])
        .collect()
}

/// A team's (name, items) as the rows of [`horizons_table`] and
/// [`super::charts::workshop_horizons`].
pub fn team_horizons(teams: &[(String, Vec<ItemView>)]) -> Vec<(String, [usize; 3])> {
    teams
        .iter()
        .map(|(name, items)| (name.clone(), horizon_counts(items)))
        .collect()
}

/// Shows a [`TableData`] in a scrollable, labelled region, numbers aligned right.
#[component]
pub fn DataTable(table: TableData) -> impl IntoView {
    let TableData {
        caption,
        headers,
        rows,
    } = table;
    let label = caption.clone();
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-label=label>
            <table class="data-table">
                <caption>{caption}</caption>
                <thead>
                    <tr>
                        {headers.into_iter().map(|h| view! { <th scope="col">{h}</th> }).collect_view()}
                    </tr>
                </thead>
                <tbody>
                    {rows.into_iter().map(|row| {
                        let mut cells = row.into_iter();
                        let head = cells.next().unwrap_or_default();
                        view! {
                            <tr>
                                <th scope="row">{head}</th>
                                {cells.map(|c| {
                                    let numeric = is_number(&c);
                                    view! { <td class:num=numeric>{c}</td> }
                                }).collect_view()}
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// Whether a cell holds a number (aligned right): digits with an optional sign and point.
fn is_number(cell: &str) -> bool {
    let digits = cell.trim_start_matches(['+', '-']);
    !digits.is_empty()
        && digits.chars().all(|c| c.is_ascii_digit() || c == '.')
        && digits.chars().any(|c| c.is_ascii_digit())
}

#[cfg(test)]
mod tests;
