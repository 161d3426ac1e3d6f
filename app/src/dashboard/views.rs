//! `/facilitate/workshops/:id/dashboard` and `/facilitate/workshops/:id/present/:chart`.

use std::collections::HashSet;

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::charts::{ChartKind, Size};
use super::dashboard;
use super::model::DashboardData;
use super::stream::{use_live, LiveBadge};
use super::tables::{ChartTable, RankedTable};
use crate::error::AppError;
use crate::i18n::{use_lang, Key};
use crate::ids::WorkshopId;
use crate::ui::{EChart, ErrorNotice};
use crate::workshop::{workshop_param, StaffNav, StaffTab};

type DashboardResource = Resource<Result<DashboardData, AppError>>;

/// The dashboard, reloaded whenever the workshop's events say something changed.
fn live_dashboard() -> (DashboardResource, RwSignal<super::stream::Live>) {
    let id = workshop_param();
    let data = Resource::new(
        move || id.get(),
        |id| async move {
            match id {
                Some(id) => dashboard(id).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    let live = use_live(id, move || data.refetch());
    (data, live)
}

/// Shows the dashboard once loaded, keeping the last one on screen while a newer loads.
fn with_data<V: IntoView + 'static>(
    data: DashboardResource,
    view: impl Fn(DashboardData) -> V + Send + Sync + Copy + 'static,
) -> impl IntoView {
    let lang = use_lang();
    view! {
        <Transition fallback=move || view! { <p>{lang.t(Key::Loading)}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(value) => view(value).into_any(),
                    Err(error) => view! { <ErrorNotice error /> }.into_any(),
                }
            })}
        </Transition>
    }
}

/// The facilitator's live dashboard.
#[component]
pub fn DashboardPage() -> impl IntoView {
    let (data, live) = live_dashboard();
    // Which tables are open, so a refresh does not close the one being read.
    let open = RwSignal::new(HashSet::<&'static str>::new());
    with_data(data, move |data| view! { <DashboardBody data live open /> })
}

#[component]
fn DashboardBody(
    data: DashboardData,
    live: RwSignal<super::stream::Live>,
    open: RwSignal<HashSet<&'static str>>,
) -> impl IntoView {
    let lang = use_lang();
    let id = data.workshop.id;
    let has_answers = data.distribution.iter().any(|d| d.total() > 0);
    let charts = ChartKind::ALL
        .into_iter()
        .map(|kind| view! { <ChartSection data=data.clone() kind open has_answers /> })
        .collect_view();
    let disagreements = if data.disagreements.is_empty() {
        view! { <p class="muted">{lang.t(Key::DashNoDisagreements)}</p> }.into_any()
    } else {
        view! {
            <ul class="flags">
                {data.disagreements.iter().map(|d| view! {
                    <li>
                        <span class="flag">{d.team.clone()}</span> " · " <span class="code">{d.indicator.clone()}</span>
                        {d.settled.then(|| view! { " " <span class="muted small">"(" {lang.t(Key::DashSettled)} ")"</span> })}
                    </li>
                }).collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        <StaffNav workshop=id title=data.workshop.title.clone() current=StaffTab::Dashboard />
        <section class="page dashboard">
            <div class="dash-bar">
                <LiveBadge status=live />
                <a class="button secondary" href=present_href(id, ChartKind::Radar)>{lang.t(Key::DashPresent)}</a>
            </div>
            <p class="lead">{lang.t(Key::DashIntro)}</p>
            {charts}
            <section class="dash-section" aria-labelledby="dash-flags">
                <h2 id="dash-flags">{lang.t(Key::DashDisagreementsTitle)}</h2>
                {disagreements}
            </section>
            <div class="two-columns">
                <section aria-labelledby="dash-strengths">
                    <h2 id="dash-strengths">{lang.t(Key::DashStrengthsTitle)}</h2>
                    <RankedTable rows=data.strengths.clone() title=Key::DashStrengthsTitle />
                </section>
                <section aria-labelledby="dash-weaknesses">
                    <h2 id="dash-weaknesses">{lang.t(Key::DashWeaknessesTitle)}</h2>
                    <RankedTable rows=data.weaknesses.clone() title=Key::DashWeaknessesTitle />
                </section>
            </div>
            <p class="muted small">{lang.t(Key::DashRankRule)}</p>
        </section>
    }
}

fn present_href(workshop: WorkshopId, kind: ChartKind) -> String {
    format!("/facilitate/workshops/{workshop}/present/{}", kind.slug())
}

fn dom_id(kind: ChartKind, large: bool) -> &'static str {
    match (kind, large) {
        (ChartKind::Radar, false) => "dash-radar",
        (ChartKind::Heatmap, false) => "dash-heatmap",
        (ChartKind::Distribution, false) => "dash-distribution",
        (ChartKind::Completion, false) => "dash-completion",
        (ChartKind::Radar, true) => "present-radar",
        (ChartKind::Heatmap, true) => "present-heatmap",
        (ChartKind::Distribution, true) => "present-distribution",
        (ChartKind::Completion, true) => "present-completion",
    }
}

/// Chart heights that fit their content: one row per team, one column per indicator.
fn height(data: &DashboardData, kind: ChartKind, large: bool) -> u32 {
    let scale = if large { 2 } else { 1 };
    let teams = u32::try_from(data.teams.len()).unwrap_or(24);
    match kind {
        ChartKind::Radar => 420 + 220 * (scale - 1),
        ChartKind::Heatmap => 160 + teams * 28 * scale,
        ChartKind::Distribution => 360 + 160 * (scale - 1),
        ChartKind::Completion => 80 + teams * 30 * scale,
    }
}

/// A chart with its data table behind a `<details>`, remembered open across refreshes.
#[component]
fn ChartSection(
    data: DashboardData,
    kind: ChartKind,
    open: RwSignal<HashSet<&'static str>>,
    has_answers: bool,
) -> impl IntoView {
    let lang = use_lang();
    let key = dom_id(kind, false);
    let heading = format!("{key}-title");
    let labelled = heading.clone();
    let chart_view = if has_answers || kind == ChartKind::Completion {
        view! {
            <EChart
                id=key
                chart=kind.build(&data, lang, Size::NORMAL)
                height=height(&data, kind, false)
                label=lang.t(kind.title()).to_owned()
            />
        }
        .into_any()
    } else {
        view! { <p class="notice">{lang.t(Key::DashNoData)}</p> }.into_any()
    };
    let href = present_href(data.workshop.id, kind);
    view! {
        <section class="dash-section" aria-labelledby=labelled>
            <h2 id=heading.clone()>
                {lang.t(kind.title())} " "
                <a class="small" href=href>{lang.t(Key::DashPresent)}</a>
            </h2>
            {chart_view}
            <details
                class="data-details"
                open=move || open.with(|o| o.contains(key))
                on:toggle=move |ev| {
                    let now_open = event_target::<leptos::web_sys::Element>(&ev).has_attribute("open");
                    open.update(|o| {
                        if now_open { o.insert(key); } else { o.remove(key); }
                    });
                }
            >
                <summary>{lang.t(Key::DashShowTable)}</summary>
                <ChartTable data kind />
            </details>
        </section>
    }
}

/// One chart, full screen, large type, for sharing the screen on a call.
#[component]
pub fn PresentPage() -> impl IntoView {
    let params = use_params_map();
    let kind = Memo::new(move |_| {
        params
            .read()
            .get("chart")
            .and_then(|c| ChartKind::parse(&c))
    });
    let (data, live) = live_dashboard();
    move || match kind.get() {
        Some(kind) => {
            with_data(data, move |data| view! { <Presentation data kind live /> }).into_any()
        }
        None => view! { <ErrorNotice error=AppError::NotFound /> }.into_any(),
    }
}

#[component]
fn Presentation(
    data: DashboardData,
    kind: ChartKind,
    live: RwSignal<super::stream::Live>,
) -> impl IntoView {
    let lang = use_lang();
    let id = data.workshop.id;
    let (previous, next) = (
        present_href(id, kind.previous()),
        present_href(id, kind.next()),
    );
    #[cfg(feature = "hydrate")]
    {
        let (previous, next) = (previous.clone(), next.clone());
        let navigate = leptos_router::hooks::use_navigate();
        let handle = window_event_listener(leptos::ev::keydown, move |ev| {
            let to = match ev.key().as_str() {
                "ArrowRight" | "PageDown" => &next,
                "ArrowLeft" | "PageUp" => &previous,
                _ => return,
            };
            navigate(to, Default::default());
        });
        on_cleanup(move || handle.remove());
    }
    let title = lang.t(kind.title());
    view! {
        <leptos_meta::Title text=format!("{title} — {}", data.workshop.title) />
        <section class="presentation" aria-labelledby="present-title">
            <header class="present-head">
                <p class="present-workshop">{data.workshop.title.clone()}</p>
                <LiveBadge status=live />
                <a class="present-exit" href=StaffTab::Dashboard.href(id)>{lang.t(Key::DashExit)}</a>
            </header>
            <h1 id="present-title" class="visually-hidden">{title}</h1>
            <EChart
                id=dom_id(kind, true)
                chart=kind.build(&data, lang, Size::LARGE)
                height=height(&data, kind, true)
                label=title.to_owned()
            />
            <nav class="present-nav" aria-label=title>
                <a class="button secondary" href=previous rel="prev">"← " {lang.t(Key::DashPrevious)}</a>
                <span class="muted small">{lang.t(Key::DashKeysHint)}</span>
                <a class="button secondary" href=next rel="next">{lang.t(Key::DashNext)} " →"</a>
            </nav>
            <details class="data-details">
                <summary>{lang.t(Key::DashShowTable)}</summary>
                <ChartTable data kind />
            </details>
        </section>
    }
}
