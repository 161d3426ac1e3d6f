//! `/facilitate/workshops/:id/dashboard` and `/facilitate/workshops/:id/present/:chart`.

use std::collections::HashSet;

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::charts::{ChartKind, Size};
use super::dashboard;
use super::live_chart::LiveChart;
use super::model::DashboardData;
use super::stream::{use_live, Live, LiveBadge};
use super::tables::{ChartTable, RankedTable};
use crate::error::AppError;
use crate::i18n::{use_lang, Key};
use crate::ids::WorkshopId;
use crate::ui::ErrorNotice;
use crate::workshop::{load_for, workshop_param, StaffNav, StaffTab};

/// The dashboard as last read: loaded with the page, then replaced by a fresh read each
/// time the workshop's events say something changed. Charts update in place and open
/// tables stay open; only numbers change.
#[derive(Clone, Copy)]
struct LiveData {
    first: Resource<Result<DashboardData, AppError>>,
    latest: RwSignal<Option<DashboardData>>,
    live: RwSignal<Live>,
    /// Counts the changes announced, for the parts of the page that read their own data
    /// (the needs): one event stream serves the whole page.
    changes: RwSignal<u32>,
}

fn live_dashboard() -> LiveData {
    let id = workshop_param();
    let first = Resource::new(move || id.get(), |id| load_for(id, dashboard));
    let latest = RwSignal::new(None);
    // Reads can finish out of order; only the last one asked for is shown.
    let asked = StoredValue::new(0_u64);
    let changes = RwSignal::new(0_u32);
    let live = use_live(id, move || {
        changes.update(|n| *n = n.wrapping_add(1));
        let Some(workshop) = id.get_untracked() else {
            return;
        };
        asked.update_value(|n| *n += 1);
        let ticket = asked.get_value();
        leptos::task::spawn_local(async move {
            if let Ok(data) = dashboard(workshop).await {
                if asked.get_value() == ticket {
                    latest.set(Some(data));
                }
            }
        });
    });
    LiveData {
        first,
        latest,
        live,
        changes,
    }
}

/// Shows `view` with the dashboard once loaded, or why it could not be.
fn with_data<V: IntoView + 'static>(
    data: LiveData,
    view: impl Fn(Memo<DashboardData>) -> V + Send + Sync + Copy + 'static,
) -> impl IntoView {
    let lang = use_lang();
    view! {
        <Suspense fallback=move || view! { <p>{lang.t(Key::Loading)}</p> }>
            {move || Suspend::new(async move {
                match data.first.await {
                    Ok(first) => {
                        let current = Memo::new(move |_| {
                            data.latest.get().unwrap_or_else(|| first.clone())
                        });
                        view(current).into_any()
                    }
                    Err(error) => view! { <ErrorNotice error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// The facilitator's live dashboard.
#[component]
pub fn DashboardPage() -> impl IntoView {
    let data = live_dashboard();
    let (live, changes) = (data.live, data.changes);
    // Which tables are open: kept when the numbers change.
    let open = RwSignal::new(HashSet::<&'static str>::new());
    with_data(
        data,
        move |data| view! { <DashboardBody data live changes open /> },
    )
}

#[component]
fn DashboardBody(
    data: Memo<DashboardData>,
    live: RwSignal<Live>,
    changes: RwSignal<u32>,
    open: RwSignal<HashSet<&'static str>>,
) -> impl IntoView {
    let lang = use_lang();
    let (id, title) = data.with_untracked(|d| (d.workshop.id, d.workshop.title.clone()));
    let charts = ChartKind::ALL
        .into_iter()
        .map(|kind| view! { <ChartSection data kind open /> })
        .collect_view();
    let disagreements = move || {
        let flags = data.with(|d| d.disagreements.clone());
        if flags.is_empty() {
            return view! { <p class="muted">{lang.t(Key::DashNoDisagreements)}</p> }.into_any();
        }
        view! {
            <ul class="flags">
                {flags.into_iter().map(|d| view! {
                    <li>
                        <span class="flag">{d.team}</span> " · " <span class="code">{d.indicator}</span>
                        {d.settled.then(|| view! { " " <span class="muted small">"(" {lang.t(Key::DashSettled)} ")"</span> })}
                    </li>
                }).collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        <StaffNav workshop=id title current=StaffTab::Dashboard />
        // Workshop programme: the phase the current session calls for.
        <crate::programme::FollowProgramme workshop=id refresh=RwSignal::new(0) />
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
                    {move || view! { <RankedTable rows=data.with(|d| d.strengths.clone()) title=Key::DashStrengthsTitle /> }}
                </section>
                <section aria-labelledby="dash-weaknesses">
                    <h2 id="dash-weaknesses">{lang.t(Key::DashWeaknessesTitle)}</h2>
                    {move || view! { <RankedTable rows=data.with(|d| d.weaknesses.clone()) title=Key::DashWeaknessesTitle /> }}
                </section>
            </div>
            <p class="muted small">{lang.t(Key::DashRankRule)}</p>
            // Implementation needs across teams: chart and table.
            <crate::needs::NeedsOnDashboard workshop=id changes=changes.read_only() />
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

/// Chart heights that fit their content: one row per team on the heatmap and the
/// completion bars; taller with larger type in presentation mode.
pub fn height(data: &DashboardData, kind: ChartKind, large: bool) -> u32 {
    let teams = u32::try_from(data.teams.len()).unwrap_or(24);
    let (row, extra) = if large { (40, 200) } else { (28, 0) };
    match kind {
        ChartKind::Radar => 420 + extra,
        ChartKind::Heatmap => 160 + extra / 2 + teams * row,
        ChartKind::Distribution => 380 + extra,
        ChartKind::Completion => 80 + teams * (row + 2),
    }
}

/// A chart with its data table behind a `<details>`, remembered open across updates.
#[component]
fn ChartSection(
    data: Memo<DashboardData>,
    kind: ChartKind,
    open: RwSignal<HashSet<&'static str>>,
) -> impl IntoView {
    let lang = use_lang();
    let key = dom_id(kind, false);
    let heading = format!("{key}-title");
    let labelled = heading.clone();
    let title = lang.t(kind.title());
    let present = format!("{}: {title}", lang.t(Key::DashPresent));
    let href = present_href(data.with_untracked(|d| d.workshop.id), kind);
    view! {
        <section class="dash-section" aria-labelledby=labelled>
            <h2 id=heading>
                {title} " "
                <a class="small" href=href aria-label=present>{lang.t(Key::DashPresent)}</a>
            </h2>
            <DrawnChart data kind large=false />
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
                {move || view! { <ChartTable data=data.get() kind /> }}
            </details>
        </section>
    }
}

/// The chart once there is something to draw (the completion bars always are), following
/// the numbers as they change.
#[component]
fn DrawnChart(data: Memo<DashboardData>, kind: ChartKind, large: bool) -> impl IntoView {
    let lang = use_lang();
    let size = if large { Size::LARGE } else { Size::NORMAL };
    let drawable = Memo::new(move |_| {
        kind == ChartKind::Completion || data.with(|d| d.distribution.iter().any(|x| x.total() > 0))
    });
    let chart = Signal::derive(move || data.with(|d| kind.build(d, lang, size)));
    let height = data.with_untracked(|d| height(d, kind, large));
    move || {
        if drawable.get() {
            view! {
                <LiveChart id=dom_id(kind, large) chart height label=lang.t(kind.title()).to_owned() />
            }
            .into_any()
        } else {
            view! { <p class="notice">{lang.t(Key::DashNoData)}</p> }.into_any()
        }
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
    let data = live_dashboard();
    let live = data.live;
    move || match kind.get() {
        Some(kind) => {
            with_data(data, move |data| view! { <Presentation data kind live /> }).into_any()
        }
        None => view! { <ErrorNotice error=AppError::NotFound /> }.into_any(),
    }
}

#[component]
fn Presentation(data: Memo<DashboardData>, kind: ChartKind, live: RwSignal<Live>) -> impl IntoView {
    let lang = use_lang();
    let (id, workshop) = data.with_untracked(|d| (d.workshop.id, d.workshop.title.clone()));
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
        <leptos_meta::Title text=format!("{title} — {workshop}") />
        <section class="presentation" aria-labelledby="present-title">
            <header class="present-head">
                <p class="present-workshop">{workshop.clone()}</p>
                <LiveBadge status=live />
                <a class="present-exit" href=StaffTab::Dashboard.href(id)>{lang.t(Key::DashExit)}</a>
            </header>
            <h1 id="present-title" class="visually-hidden">{title}</h1>
            <DrawnChart data kind large=true />
            <nav class="present-nav" aria-label=title>
                <a class="button secondary" href=previous rel="prev">"← " {lang.t(Key::DashPrevious)}</a>
                <span class="muted small">{lang.t(Key::DashKeysHint)}</span>
                <a class="button secondary" href=next rel="next">{lang.t(Key::DashNext)} " →"</a>
            </nav>
            <details class="data-details">
                <summary>{lang.t(Key::DashShowTable)}</summary>
                {move || view! { <ChartTable data=data.get() kind /> }}
            </details>
        </section>
    }
}
