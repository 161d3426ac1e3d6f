//! `/workshops/:id/roadmap`: the participant's team roadmap — the Gantt chart by responsible
//! unit, the Now / Next / Later board and the current-versus-target radar, each with its
//! table — and, for the team lead in the roadmap phase, generation and the edit forms.

use leptos::prelude::*;

use super::board::Board;
use super::charts;
use super::forms::{GenerateForm, ItemEditors};
use super::model::TeamRoadmap;
use super::rules;
use super::server::{team_roadmap, ParticipantRoadmap};
use super::tables::{self, DataTable};
use crate::assessment::views::{ParticipantNav, Tab};
use crate::i18n::{use_lang, Key};
use crate::ui::{loaded, EChart};
use crate::workshop::{load_for, workshop_param};

/// The participant's roadmap page.
#[component]
pub fn RoadmapPage() -> impl IntoView {
    let id = workshop_param();
    // Bumped after a form saved something, to reload the roadmap.
    let refresh = RwSignal::new(0_u32);
    let data = Resource::new(
        move || (id.get(), refresh.get()),
        |(id, _)| load_for(id, team_roadmap),
    );
    loaded(data, move |page| view! { <RoadmapBody page refresh /> })
}

#[component]
fn RoadmapBody(page: ParticipantRoadmap, refresh: RwSignal<u32>) -> impl IntoView {
    let lang = use_lang();
    let workshop = page.workshop.id;
    let roadmap = page.roadmap.clone();
    let generated = roadmap.starts_on.is_some();
    let team = roadmap.team;
    view! {
        <ParticipantNav
            workshop
            title=page.workshop.title.clone()
            me=page.me.clone()
            current=Tab::Roadmap
            page=lang.t(Key::RmTitle).to_owned()
        />
        <section class="page rm-page">
            <h1>{lang.t(Key::RmTitle)} ": " {page.me.team_name.clone()}</h1>
            <p class="lead">{lang.t(Key::RmIntro)}</p>
            {if generated {
                view! { <TeamCharts roadmap=roadmap.clone() /> }.into_any()
            } else {
                view! {
                    <div class="notice" id="rm-not-generated">
                        <p>{lang.t(Key::RmNotGenerated)}</p>
                        <p>{lang.t(Key::RmWhoGenerates)}</p>
                    </div>
                }
                .into_any()
            }}
            {if page.may.generate {
                view! {
                    <section class="rm-tools" aria-labelledby="rm-generate-title">
                        <h2 id="rm-generate-title">{lang.t(if generated { Key::RmRegenerate } else { Key::RmGenerate })}</h2>
                        <GenerateForm workshop team generated default_start=page.default_start.clone() refresh />
                    </section>
                }
                .into_any()
            } else if page.me.is_lead {
                view! { <p class="hint">{lang.t(Key::RmLeadClosedHint)}</p> }.into_any()
            } else {
                ().into_any()
            }}
            <ItemEditors workshop items=roadmap.items.clone() may=page.may refresh />
            <crate::export::TeamDownloads workshop />
        </section>
    }
}

/// A team's three views of its roadmap, each chart with its table. Used by the participant's
/// page, the facilitator's and the printable report.
#[component]
pub fn TeamCharts(
    /// The roadmap.
    roadmap: TeamRoadmap,
    /// Prefix of the element ids, so that several teams' charts fit on one page.
    #[prop(optional, into)]
    prefix: Option<String>,
    /// Whether the tables start open (the printed report shows every table).
    #[prop(optional)]
    open_tables: bool,
) -> impl IntoView {
    let lang = use_lang();
    let prefix = prefix.unwrap_or_else(|| "rm".to_owned());
    let dom = |name: &str| format!("{prefix}-{name}");
    let starts = roadmap
        .starts_on
        .as_ref()
        .map(|d| lang.t(Key::RmStartsOn).replace("{date}", d));
    let start = roadmap
        .starts_on
        .as_deref()
        .and_then(|d| rules::parse_date(d, "starts_on").ok());
    let gantt = start.map(|start| charts::gantt(lang, start, &roadmap.items));
    let radar = charts::target_radar(lang, &roadmap.pillars);
    let has_pillars = roadmap.pillars.iter().any(|p| p.current.is_some());
    let late = rules::late_starts(&roadmap.items);
    let late = (!late.is_empty()).then(|| {
        view! {
            <div class="notice" role="status" id=dom("late-starts")>
                <p>{lang.t(Key::RmLateStarts)}</p>
                <ul>
                    {late
                        .into_iter()
                        .map(|(item, dependency)| view! {
                            <li>{lang.t(Key::RmLateStartPair).replace("{item}", &item).replace("{dependency}", &dependency)}</li>
                        })
                        .collect_view()}
                </ul>
            </div>
        }
    });
    view! {
        <p class="small muted">{starts}</p>
        {late}
        <section class="rm-section" aria-labelledby=dom("gantt-title")>
            <h2 id=dom("gantt-title")>{lang.t(Key::RmGanttTitle)}</h2>
            {gantt.map(|chart| view! {
                <EChart id=dom("gantt") chart height=charts::gantt_height(roadmap.items.len()) label=lang.t(Key::RmGanttTitle).to_owned() />
            })}
            <details class="data-details" open=open_tables>
                <summary>{lang.t(Key::RmShowTable)}</summary>
                <DataTable table=tables::gantt_table(lang, &roadmap.items) />
            </details>
        </section>
        <Board items=roadmap.items.clone() id=prefix.clone() />
        <section class="rm-section" aria-labelledby=dom("radar-title")>
            <h2 id=dom("radar-title")>{lang.t(Key::RmRadarTitle)}</h2>
            <p class="rule small">{lang.t(Key::RmTargetRule)}</p>
            {if has_pillars {
                view! { <EChart id=dom("radar") chart=radar height=380 label=lang.t(Key::RmRadarTitle).to_owned() /> }.into_any()
            } else {
                view! { <p class="notice">{lang.t(Key::RmNoPillarData)}</p> }.into_any()
            }}
            <details class="data-details" open=open_tables>
                <summary>{lang.t(Key::RmShowTable)}</summary>
                <DataTable table=tables::target_table(lang, &roadmap.pillars) />
            </details>
        </section>
    }
}
