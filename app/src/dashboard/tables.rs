//! The dashboard's data as tables: the accessible alternative to every chart, and what a
//! reader who prefers numbers looks at.

use leptos::prelude::*;

use super::charts::{response_names, ChartKind};
use super::model::{CrossRanked, DashboardData};
use crate::i18n::{use_lang, Key, Lang};

/// One decimal, or "no data".
pub fn one_decimal(value: Option<f64>, lang: Lang) -> String {
    value
        .map(|v| format!("{v:.1}"))
        .unwrap_or_else(|| lang.t(Key::ResultsNoValue).to_owned())
}

/// The table behind a chart.
#[component]
pub fn ChartTable(data: DashboardData, kind: ChartKind) -> impl IntoView {
    match kind {
        ChartKind::Radar => view! { <PillarTable data /> }.into_any(),
        ChartKind::Heatmap => view! { <HeatmapTable data /> }.into_any(),
        ChartKind::Distribution => view! { <DistributionTable data /> }.into_any(),
        ChartKind::Completion => view! { <CompletionTable data /> }.into_any(),
    }
}

fn scroll(caption: String, table: impl IntoView) -> impl IntoView {
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-label=caption>
            {table}
        </div>
    }
}

#[component]
fn PillarTable(data: DashboardData) -> impl IntoView {
    let lang = use_lang();
    let row = |name: String, values: &[Option<f64>], strong: bool| {
        view! {
            <tr class:total=strong>
                <th scope="row">{name}</th>
                {values.iter().map(|v| view! { <td class="num">{one_decimal(*v, lang)}</td> }).collect_view()}
            </tr>
        }
    };
    let caption = lang.t(Key::DashRadarTitle).to_owned();
    scroll(
        caption.clone(),
        view! {
            <table class="data-table">
                <caption>{caption}</caption>
                <thead>
                    <tr>
                        <th scope="col">{lang.t(Key::DashTeam)}</th>
                        {data.pillars.iter().map(|p| view! { <th scope="col" abbr=p.code.clone()>{p.name.get(lang).to_owned()}</th> }).collect_view()}
                    </tr>
                </thead>
                <tbody>
                    {data.teams.iter().map(|t| row(t.name.clone(), &t.averages, false)).collect_view()}
                    {row(lang.t(Key::DashWorkshopAverage).to_owned(), &data.workshop_averages, true)}
                </tbody>
            </table>
        },
    )
}

#[component]
fn HeatmapTable(data: DashboardData) -> impl IntoView {
    let lang = use_lang();
    let caption = lang.t(Key::DashHeatmapTitle).to_owned();
    scroll(
        caption.clone(),
        view! {
            <table class="data-table heatmap-table">
                <caption>{caption}</caption>
                <thead>
                    <tr>
                        <th scope="col">{lang.t(Key::DashTeam)}</th>
                        {data.indicators.iter().map(|i| view! { <th scope="col" title=i.name.get(lang).to_owned()>{i.code.clone()}</th> }).collect_view()}
                    </tr>
                </thead>
                <tbody>
                    {data.teams.iter().map(|t| view! {
                        <tr>
                            <th scope="row">{t.name.clone()}</th>
                            {t.consensus.iter().map(|v| {
                                let level = v.map(|l| (l.round() as u8).clamp(1, 5)).unwrap_or(0);
                                view! { <td class=format!("num level-{level}")>{v.map(|v| format!("{v:.1}")).unwrap_or_else(|| "—".into())}</td> }
                            }).collect_view()}
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        },
    )
}

#[component]
fn DistributionTable(data: DashboardData) -> impl IntoView {
    let lang = use_lang();
    let caption = lang.t(Key::DashDistributionTitle).to_owned();
    let names = response_names(lang);
    scroll(
        caption.clone(),
        view! {
            <table class="data-table">
                <caption>{caption}</caption>
                <thead>
                    <tr>
                        <th scope="col">{lang.t(Key::DashIndicator)}</th>
                        {names.into_iter().map(|n| view! { <th scope="col">{n}</th> }).collect_view()}
                        <th scope="col">{lang.t(Key::DashTotal)}</th>
                    </tr>
                </thead>
                <tbody>
                    {data.indicators.iter().zip(&data.distribution).map(|(i, d)| view! {
                        <tr>
                            <th scope="row"><span class="code">{i.code.clone()}</span> " " {i.name.get(lang).to_owned()}</th>
                            {d.levels.iter().chain([&d.not_applicable, &d.dont_know]).map(|n| view! { <td class="num">{*n}</td> }).collect_view()}
                            <td class="num">{d.total()}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        },
    )
}

#[component]
fn CompletionTable(data: DashboardData) -> impl IntoView {
    let lang = use_lang();
    let caption = lang.t(Key::DashParticipationTitle).to_owned();
    scroll(
        caption.clone(),
        view! {
            <table class="data-table">
                <caption>{caption}</caption>
                <thead>
                    <tr>
                        <th scope="col">{lang.t(Key::DashTeam)}</th>
                        <th scope="col">{lang.t(Key::DashMembers)}</th>
                        <th scope="col">{lang.t(Key::DashRespondents)}</th>
                        <th scope="col">{lang.t(Key::DashFinished)}</th>
                        <th scope="col">{lang.t(Key::DashCompletion)}</th>
                    </tr>
                </thead>
                <tbody>
                    {data.teams.iter().map(|t| view! {
                        <tr>
                            <th scope="row">{t.name.clone()}</th>
                            <td class="num">{t.members}</td>
                            <td class="num">{t.respondents}</td>
                            <td class="num">{t.finished}</td>
                            <td class="num">{format!("{:.1}", t.completion)}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        },
    )
}

/// Strengths or weaknesses across the workshop.
#[component]
pub fn RankedTable(rows: Vec<CrossRanked>, title: Key) -> impl IntoView {
    let lang = use_lang();
    if rows.is_empty() {
        return view! { <p class="muted">{lang.t(Key::DashNoMarks)}</p> }.into_any();
    }
    scroll(
        lang.t(title).to_owned(),
        view! {
            <table class="data-table">
                <thead>
                    <tr>
                        <th scope="col">{lang.t(Key::DashIndicator)}</th>
                        <th scope="col">{lang.t(Key::DashTeamsMarking)}</th>
                        <th scope="col">{lang.t(Key::DashMarks)}</th>
                        <th scope="col">{lang.t(Key::DashAverage)}</th>
                    </tr>
                </thead>
                <tbody>
                    {rows.into_iter().map(|r| view! {
                        <tr>
                            <th scope="row" class="code">{r.indicator}</th>
                            <td class="num">{r.teams}</td>
                            <td class="num">{r.marks}</td>
                            <td class="num">{one_decimal(r.average, lang)}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        },
    )
    .into_any()
}
