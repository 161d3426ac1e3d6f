//! `/facilitate/workshops/:id/roadmap`: the facilitator's roadmaps — generate every team's,
//! pick a team to see and edit its roadmap, and the whole workshop: items per horizon per
//! team, and the workshop's current level against its target per pillar.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::charts;
use super::forms::{GenerateAllForm, GenerateForm, ItemEditors};
use super::server::{staff_roadmap, workshop_roadmaps, StaffRoadmap, WorkshopRoadmaps};
use super::tables::{self, DataTable};
use super::views::TeamCharts;
use crate::i18n::{use_lang, Key};
use crate::ids::{TeamId, WorkshopId};
use crate::ui::{loaded, EChart};
use crate::workshop::{load_for, workshop_param, StaffNav, StaffTab};

/// The facilitator's roadmap page.
#[component]
pub fn StaffRoadmapPage() -> impl IntoView {
    let id = workshop_param();
    let refresh = RwSignal::new(0_u32);
    let data = Resource::new(
        move || (id.get(), refresh.get()),
        |(id, _)| load_for(id, workshop_roadmaps),
    );
    loaded(data, move |all| view! { <StaffBody all refresh /> })
}

#[component]
fn StaffBody(all: WorkshopRoadmaps, refresh: RwSignal<u32>) -> impl IntoView {
    let lang = use_lang();
    let workshop = all.workshop.id;
    let query = use_query_map();
    let first = all.teams.first().map(|t| t.id);
    let chosen = Memo::new(move |_| {
        query
            .read()
            .get("team")
            .and_then(|t| t.parse::<TeamId>().ok())
            .or(first)
    });
    let teams = all.teams.clone();
    view! {
        <StaffNav workshop title=all.workshop.title.clone() current=StaffTab::Roadmap />
        <section class="page rm-page">
            <h1>{lang.t(Key::RmTitle)}</h1>
            <p class="lead">{lang.t(Key::RmStaffIntro)}</p>
            {if all.may_generate {
                view! { <GenerateAllForm workshop default_start=all.default_start.clone() refresh /> }.into_any()
            } else {
                view! { <p class="hint">{lang.t(Key::RmGenerateClosedHint)}</p> }.into_any()
            }}
            <nav class="rm-team-picker" aria-label=lang.t(Key::RmPickTeam)>
                <h2>{lang.t(Key::RmPickTeam)}</h2>
                <ul class="chips">
                    {teams
                        .into_iter()
                        .map(|t| {
                            let current = move || (chosen.get() == Some(t.id)).then_some("page");
                            view! {
                                <li>
                                    <a href=format!("?team={}", t.id) aria-current=current class="chip">{t.name}</a>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </nav>
            {move || chosen.get().map(|team| view! { <TeamSection workshop team refresh /> })}
            <WorkshopSection all=all.clone() />
        </section>
    }
}

#[component]
fn TeamSection(workshop: WorkshopId, team: TeamId, refresh: RwSignal<u32>) -> impl IntoView {
    let data = Resource::new(
        move || (team, refresh.get()),
        move |(team, _)| staff_roadmap(workshop, team),
    );
    loaded(data, move |page| view! { <TeamBody page refresh /> })
}

#[component]
fn TeamBody(page: StaffRoadmap, refresh: RwSignal<u32>) -> impl IntoView {
    let lang = use_lang();
    let workshop = page.workshop.id;
    let roadmap = page.roadmap.clone();
    let generated = roadmap.starts_on.is_some();
    view! {
        <section class="rm-team" aria-labelledby="rm-team-title">
            <h2 id="rm-team-title">{roadmap.team_name.clone()}</h2>
            {if generated {
                view! { <TeamCharts roadmap=roadmap.clone() /> }.into_any()
            } else {
                view! { <p class="notice">{lang.t(Key::RmNotGenerated)}</p> }.into_any()
            }}
            {page.may.generate.then(|| view! {
                <GenerateForm workshop team=roadmap.team generated default_start=page.default_start.clone() refresh />
            })}
            <ItemEditors workshop items=roadmap.items.clone() may=page.may refresh />
        </section>
    }
}

#[component]
fn WorkshopSection(all: WorkshopRoadmaps) -> impl IntoView {
    let lang = use_lang();
    let any = all.roadmaps.iter().any(|r| r.starts_on.is_some());
    let counts = tables::team_horizons(
        &all.roadmaps
            .iter()
            .map(|r| (r.team_name.clone(), r.items.clone()))
            .collect::<Vec<_>>(),
    );
    let horizons = charts::workshop_horizons(lang, &counts);
    let radar = charts::target_radar(lang, &all.pillars);
    let has_pillars = all.pillars.iter().any(|p| p.current.is_some());
    let teams = u32::try_from(all.roadmaps.len()).unwrap_or(30).min(30);
    view! {
        <section class="rm-workshop" aria-labelledby="rm-workshop-title">
            <h2 id="rm-workshop-title">{lang.t(Key::RmWorkshopView)}</h2>
            <h3>{lang.t(Key::RmHorizonsTitle)}</h3>
            {if any {
                view! { <EChart id="rm-horizons" chart=horizons height=160 + teams * 36 label=lang.t(Key::RmHorizonsTitle).to_owned() /> }.into_any()
            } else {
                view! { <p class="notice">{lang.t(Key::RmNoRoadmaps)}</p> }.into_any()
            }}
            <details class="data-details">
                <summary>{lang.t(Key::RmShowTable)}</summary>
                <DataTable table=tables::horizons_table(lang, &counts) />
            </details>
            <h3>{lang.t(Key::RmWorkshopRadarTitle)}</h3>
            {if has_pillars {
                view! { <EChart id="rm-workshop-radar" chart=radar height=380 label=lang.t(Key::RmWorkshopRadarTitle).to_owned() /> }.into_any()
            } else {
                view! { <p class="notice">{lang.t(Key::RmNoPillarData)}</p> }.into_any()
            }}
            <details class="data-details">
                <summary>{lang.t(Key::RmShowTable)}</summary>
                <DataTable table=tables::target_table(lang, &all.pillars) />
            </details>
        </section>
    }
}
