//! The report's sections: the workshop's dashboard charts, and per team its results, its
//! ranked actions and its roadmap — each chart followed by its table, open, so that the
//! printed page carries the numbers too.

use leptos::prelude::*;

use super::model::{team_dom, TeamReport, TeamResults};
use crate::action::{charts::matrix, MatrixTable, RankedActionsTable};
use crate::dashboard::charts::{ChartKind, Size};
use crate::dashboard::{chart_height, ChartTable, DashboardData};
use crate::i18n::{use_lang, Key, Lang};
use crate::results::aggregate::round1;
use crate::results::charts::radar;
use crate::roadmap::TeamCharts;
use crate::ui::EChart;

fn one_decimal(value: Option<f64>, lang: Lang) -> String {
    value
        .map(|v| format!("{:.1}", round1(v)))
        .unwrap_or_else(|| lang.t(Key::ResultsNoValue).to_owned())
}

/// The workshop's dashboard: the pillar radar, the heatmap, the answers' distribution and
/// the completion, each with the dashboard's own table.
#[component]
pub fn WorkshopSection(data: DashboardData) -> impl IntoView {
    let lang = use_lang();
    let drawable = data.distribution.iter().any(|d| d.total() > 0);
    let charts = ChartKind::ALL
        .into_iter()
        .map(|kind| {
            let id = format!("rep-{}", kind.slug());
            let heading = format!("{id}-title");
            let labelled = heading.clone();
            let title = lang.t(kind.title());
            // Only the completion bars have something to draw before the first answer.
            let chart = if drawable || kind == ChartKind::Completion {
                view! {
                    <EChart
                        id=id.clone()
                        chart=kind.build(&data, lang, Size::NORMAL)
                        height=chart_height(&data, kind, false)
                        label=title.to_owned()
                    />
                }
                .into_any()
            } else {
                view! { <p class="notice">{lang.t(Key::DashNoData)}</p> }.into_any()
            };
            view! {
                <section class="report-block" aria-labelledby=labelled>
                    <h3 id=heading>{title}</h3>
                    {chart}
                    <ChartTable data=data.clone() kind />
                </section>
            }
        })
        .collect_view();
    view! {
        <section class="page report-section" id="rep-workshop" aria-labelledby="rep-workshop-title">
            <h2 id="rep-workshop-title">{lang.t(Key::RepWorkshopResults)}</h2>
            {charts}
        </section>
    }
}

/// One team: results, actions and roadmap, then its roadmap items as OGP commitments.
#[component]
pub fn TeamSection(
    /// The team's part of the report.
    team: TeamReport,
) -> impl IntoView {
    let lang = use_lang();
    let dom = team_dom(team.team);
    let heading = format!("{dom}-title");
    let labelled = heading.clone();
    let generated = team.roadmap.starts_on.is_some();
    view! {
        <section class="page report-section report-team" id=dom.clone() aria-labelledby=labelled>
            <h2 id=heading>{team.name.clone()}</h2>
            <ResultsBlock dom=dom.clone() name=team.name.clone() results=team.results.clone() />
            <section class="report-block" aria-labelledby=format!("{dom}-actions-title")>
                <h3 id=format!("{dom}-actions-title")>{lang.t(Key::RepActions)}</h3>
                {if team.actions.is_empty() {
                    view! { <p class="muted">{lang.t(Key::ActNoActions)}</p> }.into_any()
                } else {
                    view! {
                        <EChart
                            id=format!("{dom}-matrix")
                            chart=matrix(&team.actions, lang)
                            height=360
                            label=lang.t(Key::ActMatrixTitle).to_owned()
                        />
                        <MatrixTable actions=team.actions.clone() />
                        <RankedActionsTable actions=team.actions.clone() />
                    }
                    .into_any()
                }}
            </section>
            <section class="report-block report-roadmap" aria-labelledby=format!("{dom}-roadmap-title")>
                <h3 id=format!("{dom}-roadmap-title")>{lang.t(Key::RepRoadmap)}</h3>
                {if generated {
                    view! { <TeamCharts roadmap=team.roadmap.clone() prefix=format!("{dom}-rm") open_tables=true /> }.into_any()
                } else {
                    view! { <p class="notice">{lang.t(Key::RmNotGenerated)}</p> }.into_any()
                }}
            </section>
            <crate::export::CommitmentsSection team=team.team commitments=team.commitments.clone() />
        </section>
    }
}

/// The team's pillar averages as a radar (beside the workshop's, for facilitators), the same
/// as a table, and the team's level on every indicator.
#[component]
fn ResultsBlock(dom: String, name: String, results: TeamResults) -> impl IntoView {
    let lang = use_lang();
    let axes: Vec<&str> = results.pillars.iter().map(|p| p.name.get(lang)).collect();
    let mut series = vec![(
        name.clone(),
        results
            .pillars
            .iter()
            .map(|p| p.team.map(round1))
            .collect::<Vec<_>>(),
    )];
    if results.with_workshop {
        series.push((
            lang.t(Key::DashWorkshopAverage).to_owned(),
            results.pillars.iter().map(|p| p.workshop).collect(),
        ));
    }
    let title = if results.with_workshop {
        lang.t(Key::RepTeamRadar).replace("{team}", &name)
    } else {
        lang.t(Key::TeamRadarTitle).to_owned()
    };
    let chart = results
        .has_data()
        .then(|| radar(&title, &name, &axes, &series));
    let with_workshop = results.with_workshop;
    view! {
        <section class="report-block" aria-labelledby=format!("{dom}-results-title")>
            <h3 id=format!("{dom}-results-title")>{lang.t(Key::RepTeamResults)}</h3>
            {match chart {
                Some(chart) => view! {
                    <EChart id=format!("{dom}-radar") chart height=380 label=title.clone() />
                }.into_any(),
                None => view! { <p class="notice">{lang.t(Key::ResultsNoData)}</p> }.into_any(),
            }}
            <div class="table-scroll" tabindex="0" role="region" aria-label=lang.t(Key::RepTeamPillars)>
                <table class="data-table">
                    <caption>{lang.t(Key::RepTeamPillars)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{lang.t(Key::TeamPillar)}</th>
                            <th scope="col">{name.clone()}</th>
                            {with_workshop.then(|| view! { <th scope="col">{lang.t(Key::DashWorkshopAverage)}</th> })}
                        </tr>
                    </thead>
                    <tbody>
                        {results.pillars.iter().map(|p| view! {
                            <tr>
                                <th scope="row">{p.name.get(lang).to_owned()}</th>
                                <td class="num">{one_decimal(p.team, lang)}</td>
                                {with_workshop.then(|| view! { <td class="num">{one_decimal(p.workshop, lang)}</td> })}
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            <div class="table-scroll" tabindex="0" role="region" aria-label=lang.t(Key::RepTeamIndicators)>
                <table class="data-table">
                    <caption>{lang.t(Key::RepTeamIndicators)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{lang.t(Key::TeamIndicator)}</th>
                            <th scope="col">{lang.t(Key::RepLevel)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {results.indicators.iter().map(|i| view! {
                            <tr>
                                <th scope="row"><span class="code">{i.code.clone()}</span> " " {i.name.get(lang).to_owned()}</th>
                                <td class="num">{one_decimal(i.level, lang)}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}
