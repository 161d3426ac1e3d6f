//! The pages outsiders read: an observer link's page, the index of published workshops and a
//! published workshop's page. All show the same anonymised view ([`PublicAggregates`]).

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_params_map;

use super::model::{LinkState, Observed, PublicAggregates, PublicTeam};
use super::views::day_of;
use super::{observe, public_workshop, published_workshops};
use crate::dashboard::charts::{consensus_heatmap, pillar_radar, Size};
use crate::dashboard::{DashboardData, TeamStatus};
use crate::i18n::{use_lang, Key, Lang};
use crate::ids::WorkshopId;
use crate::roadmap::tables::{target_table, DataTable, TableData};
use crate::ui::{loaded, set_status, EChart};

/// `/observe/:token`: what an observer link shows.
#[component]
pub fn ObserverPage() -> impl IntoView {
    let lang = use_lang();
    let params = use_params_map();
    let token = move || params.with(|p| p.get("token").unwrap_or_default());
    let data = Resource::new(token, observe);
    view! {
        <Title text=lang.t(Key::ShrObserverTitle) />
        // The secret is in the address: keep it out of search engines and of Referer headers.
        <Meta name="robots" content="noindex" />
        <Meta name="referrer" content="no-referrer" />
        <section class="page public-page">
            {loaded(data, move |observed| match observed {
                Observed::Shown { team, data } => {
                    let scope = team.map(|t| lang.t(Key::ShrObserverTeam).replace("{team}", &t));
                    view! {
                        <p class="notice small">{lang.t(Key::ShrObserverNote)} " " {scope}</p>
                        <Aggregates data=*data />
                    }
                    .into_any()
                }
                Observed::Gone { state } => view! { <GoneNotice state /> }.into_any(),
            })}
        </section>
    }
}

#[component]
fn GoneNotice(state: LinkState) -> impl IntoView {
    set_status(410);
    let lang = use_lang();
    let text = match state {
        LinkState::Expired => Key::ShrLinkExpired,
        _ => Key::ShrLinkRevoked,
    };
    view! {
        <div class="notice error" role="alert" id="shr-gone">
            <h1>{lang.t(Key::ShrLinkGoneTitle)}</h1>
            <p>{lang.t(text)}</p>
            <p><a href="/">{lang.t(Key::BackHome)}</a></p>
        </div>
    }
}

/// `/open`: the published workshops.
#[component]
pub fn OpenIndexPage() -> impl IntoView {
    let lang = use_lang();
    let data = Resource::new(|| (), |_| published_workshops());
    view! {
        <Title text=lang.t(Key::ShrOpenTitle) />
        <section class="page public-page">
            <h1>{lang.t(Key::ShrOpenTitle)}</h1>
            <p class="lead">{lang.t(Key::ShrOpenIntro)}</p>
            {loaded(data, move |list| {
                if list.is_empty() {
                    return view! { <p class="muted">{lang.t(Key::ShrOpenNone)}</p> }.into_any();
                }
                view! {
                    <ul class="open-list">
                        {list.into_iter().map(|w| view! {
                            <li>
                                <a href=format!("/open/workshops/{}", w.id)>{w.title}</a>
                                " · " <span class="muted small">{day_of(w.published_at)} " · " {w.licence.id()}</span>
                            </li>
                        }).collect_view()}
                    </ul>
                }
                .into_any()
            })}
        </section>
    }
}

/// `/open/workshops/:id`: a published workshop's aggregates and roadmaps.
#[component]
pub fn PublicPage() -> impl IntoView {
    let lang = use_lang();
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").and_then(|id| id.parse::<WorkshopId>().ok()));
    let data = Resource::new(id, |id| async move {
        match id {
            Some(id) => public_workshop(id).await,
            None => Err(crate::error::AppError::NotFound),
        }
    });
    view! {
        <section class="page public-page">
            {loaded(data, move |page| {
                let id = page.published.id;
                let licence = page.published.licence;
                let files = super::open_data::links(id);
                view! {
                    <Title text=page.published.title.clone() />
                    <h1>{page.published.title.clone()}</h1>
                    <p class="muted small">
                        {lang.t(Key::ShrPublishedBy).replace("{name}", &page.publisher).replace("{date}", &day_of(page.published.published_at))}
                        " · " {lang.t(Key::ShrLicence)} ": "
                        <a href=licence.url() rel="license">{lang.t(licence.name_key())}</a>
                    </p>
                    <section class="card" aria-labelledby="shr-open-data">
                        <h2 id="shr-open-data">{lang.t(Key::ShrOpenData)}</h2>
                        <p class="hint">{lang.t(Key::ShrOpenDataIntro)}</p>
                        <ul class="open-files">
                            {files.into_iter().map(|(name, href)| view! { <li><a href=href>{name}</a></li> }).collect_view()}
                        </ul>
                    </section>
                    <Aggregates data=page.data />
                }
            })}
        </section>
    }
}

/// Shown teams' numbers as the dashboard's types, so its chart builders draw them.
fn as_dashboard(data: &PublicAggregates) -> DashboardData {
    DashboardData {
        workshop: data.workshop.clone(),
        pillars: data.pillars.clone(),
        indicators: data.indicators.clone(),
        teams: data
            .teams
            .iter()
            .filter(|t| t.shown)
            .map(|t| TeamStatus {
                name: t.name.clone(),
                members: t.respondents.unwrap_or(0),
                respondents: t.respondents.unwrap_or(0),
                finished: 0,
                completion: 0.0,
                averages: t.averages.clone(),
                consensus: t.consensus.clone(),
            })
            .collect(),
        workshop_averages: data.workshop_averages.clone(),
        distribution: data.distribution.clone(),
        disagreements: Vec::new(),
        strengths: data.strengths.clone(),
        weaknesses: data.weaknesses.clone(),
    }
}

fn value(v: Option<f64>, lang: Lang) -> String {
    v.map(|v| format!("{v:.1}"))
        .unwrap_or_else(|| lang.t(Key::ResultsNoValue).to_owned())
}

/// A roadmap's items: unit, action, dates, horizon, status and progress.
fn items_table(lang: Lang, team: &str, items: &[super::PublicItem]) -> TableData {
    TableData {
        caption: lang.t(Key::ShrRoadmapOf).replace("{team}", team),
        headers: [
            Key::RmcUnit,
            Key::RmcAction,
            Key::RmcStart,
            Key::RmcEnd,
            Key::RmcHorizon,
            Key::ShrStatus,
            Key::ShrProgress,
        ]
        .into_iter()
        .map(|k| lang.t(k).to_owned())
        .collect(),
        rows: items
            .iter()
            .map(|i| {
                vec![
                    i.owner.clone(),
                    i.title.clone(),
                    i.starts_on.clone(),
                    i.ends_on.clone(),
                    lang.t(i.horizon.name_key()).to_owned(),
                    lang.t(i.status.name_key()).to_owned(),
                    format!("{} %", i.progress),
                ]
            })
            .collect(),
    }
}

/// The anonymised aggregates and the shown teams' roadmaps.
#[component]
fn Aggregates(data: PublicAggregates) -> impl IntoView {
    let lang = use_lang();
    let board = as_dashboard(&data);
    let note = lang
        .t(Key::ShrThresholdNote)
        .replace("{n}", &data.workshop.anonymity_threshold.to_string());
    let hidden: Vec<String> = data
        .teams
        .iter()
        .filter(|t| !t.shown)
        .map(|t| t.name.clone())
        .collect();
    let hidden = (!hidden.is_empty()).then(|| {
        view! { <p class="muted" id="shr-hidden">{lang.t(Key::ShrHiddenTeams)} " " {hidden.join(", ")}</p> }
    });
    let has_numbers = !board.teams.is_empty();
    let charts = has_numbers.then(|| {
        let heat_height = 160 + 28 * u32::try_from(board.teams.len()).unwrap_or(24);
        view! {
            <EChart id="shr-radar" chart=pillar_radar(&board, lang, Size::NORMAL) height=420 label=lang.t(Key::DashRadarTitle).to_owned() />
            <EChart id="shr-heatmap" chart=consensus_heatmap(&board, lang, Size::NORMAL) height=heat_height label=lang.t(Key::DashHeatmapTitle).to_owned() />
        }
    });
    let pillar_rows = data
        .teams
        .iter()
        .filter(|t| t.shown)
        .map(|t| (t.name.clone(), t.averages.clone(), false))
        .chain(std::iter::once((
            lang.t(Key::DashWorkshopAverage).to_owned(),
            data.workshop_averages.clone(),
            true,
        )))
        .map(|(name, values, strong)| view! {
            <tr class:total=strong>
                <th scope="row">{name}</th>
                {values.into_iter().map(|v| view! { <td class="num">{value(v, lang)}</td> }).collect_view()}
            </tr>
        })
        .collect_view();
    let roadmaps = data
        .teams
        .iter()
        .filter(|t| t.shown)
        .cloned()
        .map(|team| view! { <TeamRoadmap team /> })
        .collect_view();
    view! {
        <h2>{data.workshop.title.clone()}</h2>
        <p class="muted small">{note}</p>
        {hidden}
        {charts}
        <div class="table-scroll" tabindex="0" role="region" aria-labelledby="shr-pillars-caption">
            <table class="data-table" id="shr-pillars">
                <caption id="shr-pillars-caption">{lang.t(Key::DashRadarTitle)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{lang.t(Key::DashTeam)}</th>
                        {data.pillars.iter().map(|p| view! { <th scope="col" abbr=p.code.clone()>{p.name.get(lang).to_owned()}</th> }).collect_view()}
                    </tr>
                </thead>
                <tbody>{pillar_rows}</tbody>
            </table>
        </div>
        <ConsensusTable data=data.clone() />
        {roadmaps}
    }
}

#[component]
fn ConsensusTable(data: PublicAggregates) -> impl IntoView {
    let lang = use_lang();
    let rows = data
        .teams
        .iter()
        .filter(|t| t.shown)
        .map(|t| view! {
            <tr>
                <th scope="row">{t.name.clone()}</th>
                {t.consensus.iter().map(|v| view! { <td class="num">{value(*v, lang)}</td> }).collect_view()}
            </tr>
        })
        .collect_view();
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-labelledby="shr-consensus-caption">
            <table class="data-table heatmap-table" id="shr-consensus">
                <caption id="shr-consensus-caption">{lang.t(Key::DashHeatmapTitle)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{lang.t(Key::DashTeam)}</th>
                        {data.indicators.iter().map(|i| view! { <th scope="col" title=i.name.get(lang).to_owned()>{i.code.clone()}</th> }).collect_view()}
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

/// A shown team's roadmap as tables (several teams share a page, so no charts here).
#[component]
fn TeamRoadmap(team: PublicTeam) -> impl IntoView {
    let lang = use_lang();
    let roadmap = team.roadmap.unwrap_or(super::PublicRoadmap {
        starts_on: None,
        items: Vec::new(),
        pillars: Vec::new(),
    });
    let body = if roadmap.items.is_empty() {
        view! { <p class="muted">{lang.t(Key::ShrNoRoadmap)}</p> }.into_any()
    } else {
        view! {
            <DataTable table=items_table(lang, &team.name, &roadmap.items) />
            <DataTable table=target_table(lang, &roadmap.pillars) />
        }
        .into_any()
    };
    view! {
        <section class="rm-section shr-roadmap">
            <h3>{lang.t(Key::ShrRoadmapOf).replace("{team}", &team.name)}</h3>
            {body}
        </section>
    }
}
