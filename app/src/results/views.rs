//! The results page.

use leptos::prelude::*;
use leptos_meta::Title;

use super::charts::pillar_radar;
use super::{workshop_results, WorkshopResults};
use crate::i18n::{use_lang, Key};
use crate::ui::{loaded, EChart};
use crate::workshop::{load_for, workshop_param};

/// `/workshops/:id/results`: pillar averages per team, as a radar and as a table.
#[component]
pub fn ResultsPage() -> impl IntoView {
    let id = workshop_param();
    let results = Resource::new(move || id.get(), |id| load_for(id, workshop_results));
    loaded(results, |results| view! { <ResultsView results /> })
}

#[component]
fn ResultsView(results: WorkshopResults) -> impl IntoView {
    let lang = use_lang();
    let title = format!("{} — {}", lang.t(Key::ResultsTitle), results.workshop.title);
    let has_data = results
        .teams
        .iter()
        .any(|t| t.averages.iter().any(Option::is_some));
    let body = if has_data {
        view! {
            <div class="chart-with-table">
                <EChart
                    id="pillar-radar"
                    chart=pillar_radar(&results, lang)
                    height=420
                    label=lang.t(Key::ResultsRadarTitle).to_owned()
                />
                <PillarTable results=results.clone() />
            </div>
        }
        .into_any()
    } else {
        view! { <p class="notice">{lang.t(Key::ResultsNoData)}</p> }.into_any()
    };
    let hidden = (!results.hidden_teams.is_empty()).then(|| {
        view! {
            <p class="muted">
                {lang.t(Key::ResultsHiddenTeams)} " " {results.hidden_teams.join(", ")} " ("
                {lang.t(Key::ResultsThreshold)} ": " {results.workshop.anonymity_threshold} ")"
            </p>
        }
    });
    view! {
        <Title text=title />
        <section class="page">
            <p class="eyebrow">{results.workshop.title.clone()}</p>
            <h1>{lang.t(Key::ResultsTitle)}</h1>
            <p class="lead">{lang.t(Key::ResultsIntro)}</p>
            {body}
            {hidden}
        </section>
    }
}

/// The chart's data as a table, for screen readers and for anyone who prefers numbers.
#[component]
fn PillarTable(results: WorkshopResults) -> impl IntoView {
    let lang = use_lang();
    let no_value = lang.t(Key::ResultsNoValue);
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-labelledby="pillar-table-caption">
            <table class="data-table">
                <caption id="pillar-table-caption">{lang.t(Key::ResultsTableCaption)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{lang.t(Key::ResultsTeam)}</th>
                        {results
                            .pillars
                            .iter()
                            .map(|p| {
                                view! {
                                    <th scope="col" abbr=p.code.clone()>
                                        {p.name.get(lang).to_owned()}
                                    </th>
                                }
                            })
                            .collect_view()}
                        <th scope="col">{lang.t(Key::ResultsAnswers)}</th>
                    </tr>
                </thead>
                <tbody>
                    {results
                        .teams
                        .iter()
                        .map(|row| {
                            view! {
                                <tr>
                                    <th scope="row">{row.team.clone()}</th>
                                    {row
                                        .averages
                                        .iter()
                                        .map(|avg| {
                                            let text = avg
                                                .map(|v| format!("{v:.1}"))
                                                .unwrap_or_else(|| no_value.to_owned());
                                            view! { <td class="num">{text}</td> }
                                        })
                                        .collect_view()}
                                    <td class="num">{row.respondents}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
}
