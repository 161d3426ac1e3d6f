//! Prioritisation as tables: the matrix's data, and a score's terms ("why is this ranked
//! here?").

use leptos::prelude::*;

use super::charts::{matrix, quadrant_key};
use super::model::RankedAction;
use super::rules::{Criterion, Score};
use crate::i18n::{use_lang, Key, Lang};
use crate::ui::EChart;

/// The name of a criterion of the formula.
pub fn criterion_key(criterion: Criterion) -> Key {
    match criterion {
        Criterion::Relevance => Key::ActCritRelevance,
        Criterion::Ambition => Key::ActCritAmbition,
        Criterion::Feasibility => Key::ActCritFeasibility,
        Criterion::Resources => Key::ActCritResources,
        Criterion::Gap => Key::ActCritGap,
    }
}

/// How a criterion's value is worked out, in one short phrase.
pub fn criterion_help(criterion: Criterion) -> Key {
    match criterion {
        Criterion::Relevance => Key::ActCritRelevanceHelp,
        Criterion::Ambition => Key::ActCritAmbitionHelp,
        Criterion::Feasibility => Key::ActCritFeasibilityHelp,
        Criterion::Resources => Key::ActCritResourcesHelp,
        Criterion::Gap => Key::ActCritGapHelp,
    }
}

fn two(v: f64) -> String {
    format!("{v:.2}")
}

fn one(v: f64) -> String {
    format!("{v:.1}")
}

/// Every term of a score with the formula in one sentence.
#[component]
pub fn ScoreTerms(score: Score) -> impl IntoView {
    let lang = use_lang();
    let weight_sum: u32 = score.terms.iter().map(|t| u32::from(t.weight)).sum();
    view! {
        <p class="formula">{lang.t(Key::ActFormula)}</p>
        <div class="table-scroll" tabindex="0" role="region" aria-label=lang.t(Key::ActWhyTitle)>
            <table class="data-table score-terms">
                <thead>
                    <tr>
                        <th scope="col">{lang.t(Key::ActCriterion)}</th>
                        <th scope="col">{lang.t(Key::ActValue)}</th>
                        <th scope="col">{lang.t(Key::ActWeight)}</th>
                        <th scope="col">{lang.t(Key::ActPoints)}</th>
                    </tr>
                </thead>
                <tbody>
                    {score
                        .terms
                        .iter()
                        .map(|t| {
                            view! {
                                <tr>
                                    <th scope="row">
                                        {lang.t(criterion_key(t.criterion))}
                                        <span class="muted small">" — " {lang.t(criterion_help(t.criterion))}</span>
                                    </th>
                                    <td class="num">{two(t.value)}</td>
                                    <td class="num">{t.weight}</td>
                                    <td class="num">{one(t.points)}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
                <tfoot>
                    <tr class="total">
                        <th scope="row">{lang.t(Key::ActTotal)}</th>
                        <td></td>
                        <td class="num">{weight_sum}</td>
                        <td class="num">{one(score.total)}</td>
                    </tr>
                </tfoot>
            </table>
        </div>
    }
}

/// The matrix's data, one row per action.
#[component]
pub fn MatrixTable(actions: Vec<RankedAction>) -> impl IntoView {
    let lang = use_lang();
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-label=lang.t(Key::ActMatrixTitle)>
            <table class="data-table">
                <caption>{lang.t(Key::ActMatrixTitle)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{lang.t(Key::ActTitle)}</th>
                        <th scope="col">{lang.t(Key::ActEffort)}</th>
                        <th scope="col">{lang.t(Key::ActImpact)}</th>
                        <th scope="col">{lang.t(Key::ActDots)}</th>
                        <th scope="col">{lang.t(Key::ActQuadrant)}</th>
                    </tr>
                </thead>
                <tbody>
                    {actions
                        .iter()
                        .map(|a| {
                            view! {
                                <tr>
                                    <th scope="row">{a.title.clone()}</th>
                                    <td class="num">{a.effort.get()}</td>
                                    <td class="num">{a.impact.get()}</td>
                                    <td class="num">{a.dots}</td>
                                    <td>{lang.t(quadrant_key(a.quadrant))}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// The matrix chart with its table in a disclosure beside it.
#[component]
pub fn MatrixWithTable(
    /// Unique on the page.
    id: &'static str,
    /// The team's actions.
    actions: Vec<RankedAction>,
) -> impl IntoView {
    let lang = use_lang();
    if actions.is_empty() {
        return view! { <p class="muted">{lang.t(Key::ActNoActions)}</p> }.into_any();
    }
    let chart = matrix(&actions, lang);
    view! {
        <div class="chart-with-table action-matrix">
            <EChart id chart height=360 label=matrix_label(&actions, lang) />
            <details class="chart-table">
                <summary>{lang.t(Key::ActMatrixTable)}</summary>
                <MatrixTable actions />
            </details>
        </div>
    }
    .into_any()
}

/// What the matrix shows, for screen readers.
fn matrix_label(actions: &[RankedAction], lang: Lang) -> String {
    lang.t(Key::ActMatrixLabel)
        .replace("{count}", &actions.len().to_string())
}
