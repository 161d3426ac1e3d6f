//! `/facilitate/workshops/:id/prioritisation`: the dots and weights, every team's ranked
//! actions, merging duplicates, and each team's impact/effort matrix.

use leptos::form::ActionForm;
use leptos::prelude::*;

use super::charts::quadrant_key;
use super::model::RankedAction;
use super::server::{
    workshop_actions, MergeActions, TeamSection, UpdatePrioritisationSettings, WorkshopActions,
};
use super::tables::{MatrixWithTable, ScoreTerms};
use crate::i18n::{use_lang, Key};
use crate::ids::WorkshopId;
use crate::ui::{error_of, loaded, refresh_after, FieldError};
use crate::workshop::{load_for, workshop_param, StaffNav, StaffTab};

/// The facilitator's prioritisation page.
#[component]
pub fn PrioritisationPage() -> impl IntoView {
    let id = workshop_param();
    let refresh = RwSignal::new(0_u32);
    let data = Resource::new(
        move || (id.get(), refresh.get()),
        |(id, _)| load_for(id, workshop_actions),
    );
    loaded(
        data,
        move |view| view! { <PrioritisationBody view refresh /> },
    )
}

#[component]
fn PrioritisationBody(view: WorkshopActions, refresh: RwSignal<u32>) -> impl IntoView {
    let lang = use_lang();
    let id = view.workshop.id;
    let picked = RwSignal::new(0_usize);
    let teams = view.teams.clone();
    let matrix_teams = view.teams.clone();
    view! {
        <StaffNav workshop=id title=view.workshop.title.clone() current=StaffTab::Prioritisation />
        <section class="page prioritisation-page">
            <h1>{lang.t(Key::ActStaffTitle)}</h1>
            <SettingsForm view=view.clone() refresh />
            {teams
                .into_iter()
                .map(|team| view! { <TeamActionsSection workshop=id team can_merge=view.can_merge refresh /> })
                .collect_view()}
            <section aria-labelledby="staff-matrix-title">
                <h2 id="staff-matrix-title">{lang.t(Key::ActMatrixTitle)}</h2>
                <label for="matrix-team">{lang.t(Key::ActTeamPicker)}</label>
                <select
                    id="matrix-team"
                    on:change=move |ev| picked.set(event_target_value(&ev).parse().unwrap_or(0))
                >
                    {matrix_teams
                        .iter()
                        .enumerate()
                        .map(|(i, t)| view! { <option value=i.to_string()>{t.name.clone()}</option> })
                        .collect_view()}
                </select>
                {move || {
                    let actions = matrix_teams
                        .get(picked.get())
                        .map(|t| t.actions.clone())
                        .unwrap_or_default();
                    view! { <MatrixWithTable id="staff-matrix" actions /> }
                }}
            </section>
        </section>
    }
}

#[component]
fn SettingsForm(view: WorkshopActions, refresh: RwSignal<u32>) -> impl IntoView {
    let lang = use_lang();
    let action = ServerAction::<UpdatePrioritisationSettings>::new();
    refresh_after(action, refresh);
    let error = error_of(action);
    let s = view.settings;
    let saved = move || matches!(action.value().get(), Some(Ok(())));
    let weight = move |name: &'static str, label: Key, value: u8| {
        let dom = format!("weight-{name}");
        view! {
            <label for=dom.clone()>{lang.t(label)}</label>
            <input id=dom name=name type="number" min="0" max="5" step="1" required value=value.to_string() />
            <FieldError error field=name />
        }
    };
    view! {
        <section aria-labelledby="settings-title" class="card">
            <h2 id="settings-title">{lang.t(Key::ActSettingsTitle)}</h2>
            <p>{lang.t(Key::ActFormula)}</p>
            <ul class="small">
                <li><strong>{lang.t(Key::ActCritRelevance)}</strong> ": " {lang.t(Key::ActCritRelevanceHelp)}</li>
                <li><strong>{lang.t(Key::ActCritAmbition)}</strong> ": " {lang.t(Key::ActCritAmbitionHelp)}</li>
                <li><strong>{lang.t(Key::ActCritFeasibility)}</strong> ": " {lang.t(Key::ActCritFeasibilityHelp)}</li>
                <li><strong>{lang.t(Key::ActCritResources)}</strong> ": " {lang.t(Key::ActCritResourcesHelp)}</li>
                <li><strong>{lang.t(Key::ActCritGap)}</strong> ": " {lang.t(Key::ActCritGapHelp)}</li>
            </ul>
            {if view.can_configure {
                view! {
                    <ActionForm action>
                        <div class="stack settings-grid">
                            <input type="hidden" name="workshop" value=view.workshop.id.to_string() />
                            <label for="dots">{lang.t(Key::ActDotsSetting)}</label>
                            <input id="dots" name="dots" type="number" min="1" max="30" step="1" required value=s.dots.per_participant.to_string() />
                            <FieldError error field="dots" />
                            <label class="check" for="stack">
                                <input id="stack" name="stack" type="checkbox" value="on" checked=s.dots.stack />
                                {lang.t(Key::ActStackSetting)}
                            </label>
                            {weight("relevance", Key::ActCritRelevance, s.weights.relevance)}
                            {weight("ambition", Key::ActCritAmbition, s.weights.ambition)}
                            {weight("feasibility", Key::ActCritFeasibility, s.weights.feasibility)}
                            {weight("resources", Key::ActCritResources, s.weights.resources)}
                            {weight("gap", Key::ActCritGap, s.weights.gap)}
                            <FieldError error field="" />
                            <button type="submit" class="button">{lang.t(Key::ActSettingsSubmit)}</button>
                            <Show when=saved>
                                <p class="saved" role="status">{lang.t(Key::ActSettingsSaved)}</p>
                            </Show>
                        </div>
                    </ActionForm>
                }
                    .into_any()
            } else {
                view! { <p class="notice">{lang.t(Key::ActErrWorkshopClosed)}</p> }.into_any()
            }}
        </section>
    }
}

#[component]
fn TeamActionsSection(
    workshop: WorkshopId,
    team: TeamSection,
    can_merge: bool,
    refresh: RwSignal<u32>,
) -> impl IntoView {
    let lang = use_lang();
    let heading = format!("team-{}-title", team.team);
    let heading_id = heading.clone();
    view! {
        <section aria-labelledby=heading class="team-actions">
            <h2 id=heading_id>{team.name.clone()}</h2>
            {if team.actions.is_empty() {
                view! { <p class="muted">{lang.t(Key::ActNoActions)}</p> }.into_any()
            } else {
                view! {
                    <RankedTable actions=team.actions.clone() />
                    {(can_merge && team.actions.len() > 1).then(|| view! {
                        <MergeForm workshop team=team.clone() refresh />
                    })}
                }
                    .into_any()
            }}
        </section>
    }
}

/// A team's actions in priority order: rank, title and unit, MoSCoW, dots, score (with how it
/// was computed) and quadrant.
#[component]
pub fn RankedTable(actions: Vec<RankedAction>) -> impl IntoView {
    let lang = use_lang();
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-label=lang.t(Key::ActRankedTitle)>
            <table class="data-table ranked-actions">
                <thead>
                    <tr>
                        <th scope="col">"#"</th>
                        <th scope="col">{lang.t(Key::ActTitle)}</th>
                        <th scope="col">{lang.t(Key::ActMoscowLabel)}</th>
                        <th scope="col">{lang.t(Key::ActDots)}</th>
                        <th scope="col">{lang.t(Key::ActScore)}</th>
                        <th scope="col">{lang.t(Key::ActQuadrant)}</th>
                    </tr>
                </thead>
                <tbody>
                    {actions
                        .iter()
                        .enumerate()
                        .map(|(i, a)| {
                            view! {
                                <tr>
                                    <td class="num">{i + 1}</td>
                                    <th scope="row">
                                        {a.title.clone()}
                                        <span class="muted small">" · " {a.unit.clone()}</span>
                                        <details class="why">
                                            <summary>{lang.t(Key::ActWhyTitle)}</summary>
                                            <ScoreTerms score=a.score.clone() />
                                        </details>
                                    </th>
                                    <td>{a.moscow.map(|m| lang.t(m.name_key())).unwrap_or("—")}</td>
                                    <td class="num">{a.dots}</td>
                                    <td class="num">{format!("{:.1}", a.score.total)}</td>
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

#[component]
fn MergeForm(workshop: WorkshopId, team: TeamSection, refresh: RwSignal<u32>) -> impl IntoView {
    let lang = use_lang();
    let action = ServerAction::<MergeActions>::new();
    refresh_after(action, refresh);
    let error = error_of(action);
    let dom = format!("merge-{}", team.team);
    let options = move |selected: usize| {
        team.actions
            .iter()
            .enumerate()
            .map(|(i, a)| view! { <option value=a.id.to_string() selected=i == selected>{a.title.clone()}</option> })
            .collect_view()
    };
    let (dup_options, keep_options) = (options.clone()(1), options(0));
    view! {
        <details class="merge">
            <summary>{lang.t(Key::ActMergeTitle)}</summary>
            <ActionForm action>
                <div class="stack">
                    <p class="muted small">{lang.t(Key::ActMergeHelp)}</p>
                    <input type="hidden" name="workshop" value=workshop.to_string() />
                    <label for=format!("{dom}-dup")>{lang.t(Key::ActMergeDuplicate)}</label>
                    <select id=format!("{dom}-dup") name="duplicate">{dup_options}</select>
                    <label for=format!("{dom}-keep")>{lang.t(Key::ActMergeKeep)}</label>
                    <select id=format!("{dom}-keep") name="keep">{keep_options}</select>
                    <FieldError error field="keep" />
                    <label class="check" for=format!("{dom}-confirm")>
                        <input id=format!("{dom}-confirm") type="checkbox" required />
                        {lang.t(Key::ActMergeConfirm)}
                    </label>
                    <FieldError error field="" />
                    <button type="submit" class="button danger">{lang.t(Key::ActMergeSubmit)}</button>
                </div>
            </ActionForm>
        </details>
    }
}
