//! The facilitator's pages: their workshops, and the set-up of one workshop.

use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos::server::ServerAction;
use leptos_meta::Title;

use super::settings::{Languages, ShareResults, WorkshopSettings, DEFAULT_ANONYMITY_THRESHOLD};
use super::setup::*;
use super::{load_for, workshop_param, Phase, StaffNav, StaffTab};
use crate::error::AppError;
use crate::facilitator::Role;
use crate::i18n::{use_lang, Key, Lang};
use crate::ids::WorkshopId;
use crate::ui::{error_of, loaded, refresh_after, FieldError};

/// Reloads the page's data after `action` succeeds.
/// `/facilitate`: the facilitator's workshops and a form to create one.
#[component]
pub fn FacilitatorHome() -> impl IntoView {
    let lang = use_lang();
    let list = Resource::new(|| (), |()| my_workshops());
    view! {
        <Title text=lang.t(Key::StaffMyWorkshops) />
        <h1>{lang.t(Key::StaffMyWorkshops)}</h1>
        <p><a href="/account">{lang.t(Key::NavStaffAccount)}</a></p>
        {loaded(list, move |workshops| view! { <WorkshopList workshops /> })}
        <CreateWorkshopForm />
        <crate::archive::ImportPanel />
    }
}

#[component]
fn WorkshopList(workshops: Vec<MyWorkshop>) -> impl IntoView {
    let lang = use_lang();
    if workshops.is_empty() {
        return view! { <p class="hint">{lang.t(Key::SetupNoWorkshops)}</p> }.into_any();
    }
    let items = workshops
        .into_iter()
        .map(|w| {
            let role = match w.role {
                Role::Owner => lang.t(Key::RoleOwner),
                Role::CoFacilitator => lang.t(Key::RoleCoFacilitator),
            };
            let counts = lang
                .t(Key::SetupCounts)
                .replace("{teams}", &w.teams.to_string())
                .replace("{participants}", &w.participants.to_string());
            view! {
                <li class="card workshop-card">
                    <h2><a href=StaffTab::Setup.href(w.id)>{w.title}</a></h2>
                    <p>
                        <span class="chip">{lang.t(w.phase.name_key())}</span> " "
                        <span class="chip muted">{role}</span>
                    </p>
                    <p class="hint">{counts}</p>
                    <p>
                        <a href=StaffTab::Dashboard.href(w.id)>{lang.t(Key::StaffTabDashboard)}</a>
                    </p>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="workshop-list">{items}</ul> }.into_any()
}

#[component]
fn CreateWorkshopForm() -> impl IntoView {
    let lang = use_lang();
    let action = ServerAction::<CreateWorkshop>::new();
    let error = error_of(action);
    view! {
        <section class="card" aria-labelledby="new-workshop-heading">
            <h2 id="new-workshop-heading">{lang.t(Key::SetupCreateTitle)}</h2>
            <p class="hint">{lang.t(Key::SetupCreateHint)}</p>
            <ActionForm action>
                <SettingsFields prefix="create" settings=None error />
                <FieldError error field="" />
                <button type="submit" class="button">{lang.t(Key::SetupCreateSubmit)}</button>
            </ActionForm>
        </section>
    }
}

/// The settings inputs, named `settings[...]` for the server functions' `settings` argument.
#[component]
fn SettingsFields(
    prefix: &'static str,
    settings: Option<WorkshopSettings>,
    error: Signal<Option<AppError>>,
) -> impl IntoView {
    let lang = use_lang();
    let s = settings.unwrap_or(WorkshopSettings {
        title: String::new(),
        description: String::new(),
        starts_on: None,
        ends_on: None,
        languages: Languages::default(),
        anonymity_threshold: DEFAULT_ANONYMITY_THRESHOLD,
        share_results: ShareResults::default(),
    });
    let id = move |field: &str| format!("{prefix}-{field}");
    let languages = [Languages::Both, Languages::Es, Languages::En]
        .into_iter()
        .map(|l| view! { <option value=l.as_str() selected=l == s.languages>{lang.t(l.name_key())}</option> })
        .collect_view();
    let sharing = [ShareResults::Teams, ShareResults::Averages, ShareResults::None]
        .into_iter()
        .map(|v| view! { <option value=v.as_str() selected=v == s.share_results>{lang.t(v.name_key())}</option> })
        .collect_view();
    let title = s.title.clone();
    let description = s.description.clone();
    let starts = s.starts_on.clone().unwrap_or_default();
    let ends = s.ends_on.clone().unwrap_or_default();
    let threshold = s.anonymity_threshold.to_string();
    view! {
        <div class="stack">
            <label for=id("title")>{lang.t(Key::SetupTitleLabel)}</label>
            <input id=id("title") name="settings[title]" required maxlength="200" value=title />
            <FieldError error field="title" />
            <label for=id("description")>{lang.t(Key::SetupDescriptionLabel)}</label>
            <textarea id=id("description") name="settings[description]" rows="3" maxlength="2000">{description}</textarea>
            <FieldError error field="description" />
            <div class="row">
                <div class="stack">
                    <label for=id("starts")>{lang.t(Key::SetupStartsLabel)}</label>
                    <input id=id("starts") type="date" name="settings[starts_on]" value=starts />
                    <FieldError error field="starts_on" />
                </div>
                <div class="stack">
                    <label for=id("ends")>{lang.t(Key::SetupEndsLabel)}</label>
                    <input id=id("ends") type="date" name="settings[ends_on]" value=ends />
                    <FieldError error field="ends_on" />
                </div>
            </div>
            <label for=id("languages")>{lang.t(Key::SetupLanguagesLabel)}</label>
            <select id=id("languages") name="settings[languages]">{languages}</select>
            <FieldError error field="languages" />
            <label for=id("threshold")>{lang.t(Key::SetupThresholdLabel)}</label>
            <input id=id("threshold") type="number" min="1" max="100" name="settings[anonymity_threshold]" value=threshold inputmode="numeric" />
            <p class="hint">{lang.t(Key::SetupThresholdHint)}</p>
            <FieldError error field="anonymity_threshold" />
            <label for=id("share")>{lang.t(Key::SetupShareLabel)}</label>
            <select id=id("share") name="settings[share_results]">{sharing}</select>
            <FieldError error field="share_results" />
        </div>
    }
}

/// `/facilitate/workshops/:id`: phase, join code, teams, people and settings.
#[component]
pub fn WorkshopSetupPage() -> impl IntoView {
    let id = workshop_param();
    let refresh = RwSignal::new(0_u32);
    let data = Resource::new(
        move || (id.get(), refresh.get()),
        |(id, _)| load_for(id, workshop_setup),
    );
    loaded(data, move |view| view! { <SetupBody view refresh /> })
}

#[component]
fn SetupBody(view: SetupView, refresh: RwSignal<u32>) -> impl IntoView {
    let workshop = view.workshop.id;
    let title = view.workshop.title.clone();
    let phase = view.workshop.phase;
    view! {
        <StaffNav workshop title current=StaffTab::Setup />
        <div class="setup-grid">
            // Workshop programme: the phase the current session calls for.
            <crate::programme::FollowProgramme workshop refresh />
            <PhaseCard workshop phase refresh />
            <JoinCard workshop code=view.join_code.clone() url=view.join_url.clone() qr=view.qr_svg.clone() refresh />
            <TeamsCard workshop teams=view.teams.clone() refresh />
            <PeopleCard workshop view=view.clone() refresh />
            <SettingsCard workshop settings=view.settings.clone() refresh />
        </div>
    }
}

#[component]
fn PhaseCard(workshop: WorkshopId, phase: Phase, refresh: RwSignal<u32>) -> impl IntoView {
    let lang = use_lang();
    let action = ServerAction::<MovePhase>::new();
    refresh_after(action, refresh);
    let error = error_of(action);
    let steps = Phase::ALL
        .into_iter()
        .map(|p| {
            let here = p == phase;
            view! { <li class:current=here aria-current=here.then_some("step")>{lang.t(p.name_key())}</li> }
        })
        .collect_view();
    let button = move |to: Phase, key: Key, class: &'static str, id: &'static str| {
        view! {
            <ActionForm action>
                <input type="hidden" name="workshop" value=workshop.to_string() />
                <input type="hidden" name="from" value=phase.as_str() />
                <input type="hidden" name="to" value=to.as_str() />
                <button type="submit" class=class id=id>
                    {lang.t(key).replace("{phase}", lang.t(to.name_key()))}
                </button>
            </ActionForm>
        }
    };
    view! {
        <section class="card" aria-labelledby="phase-title">
            <h2 id="phase-title">{lang.t(Key::SetupPhaseTitle)}</h2>
            <ol class="phases">{steps}</ol>
            <p><strong>{lang.t(phase.name_key())}</strong> ": " {lang.t(phase.help_key())}</p>
            <div class="row">
                {phase.next().map(|to| button(to, Key::SetupPhaseOpen, "button", "phase-next"))}
                {phase.previous().map(|to| button(to, Key::SetupPhaseBack, "button secondary", "phase-back"))}
            </div>
            <FieldError error field="" />
        </section>
    }
}

#[component]
fn JoinCard(
    workshop: WorkshopId,
    code: String,
    url: String,
    qr: String,
    refresh: RwSignal<u32>,
) -> impl IntoView {
    let lang = use_lang();
    let action = ServerAction::<RegenerateJoinCode>::new();
    refresh_after(action, refresh);
    let error = error_of(action);
    let screen = format!("/facilitate/workshops/{workshop}/join-screen");
    view! {
        <section class="card join-card" aria-labelledby="join-title">
            <h2 id="join-title">{lang.t(Key::SetupJoinTitle)}</h2>
            <p class="join-code" aria-label=lang.t(Key::SetupJoinCodeLabel)>{code}</p>
            <div class="qr" role="img" aria-label=lang.t(Key::SetupQrLabel) inner_html=qr></div>
            <p class="join-url"><a href=url.clone()>{url.clone()}</a></p>
            <p><a class="button secondary" href=screen>{lang.t(Key::SetupJoinScreen)}</a></p>
            <ActionForm action>
                <input type="hidden" name="workshop" value=workshop.to_string() />
                <p class="hint">{lang.t(Key::SetupRegenerateHint)}</p>
                <button type="submit" class="button secondary">{lang.t(Key::SetupRegenerate)}</button>
            </ActionForm>
            <FieldError error field="" />
        </section>
    }
}

#[component]
fn TeamsCard(workshop: WorkshopId, teams: Vec<SetupTeam>, refresh: RwSignal<u32>) -> impl IntoView {
    let lang = use_lang();
    let add = ServerAction::<AddTeams>::new();
    let preset = ServerAction::<AddPresetTeams>::new();
    refresh_after(add, refresh);
    refresh_after(preset, refresh);
    let add_error = error_of(add);
    let preset_error = error_of(preset);
    let outcome = move |result: Option<Result<TeamsAdded, AppError>>| {
        result
            .and_then(Result::ok)
            .map(|done| added_message(lang, &done))
    };
    let count = lang
        .t(Key::SetupTeamCount)
        .replace("{n}", &teams.len().to_string());
    let rows = teams
        .into_iter()
        .map(|team| view! { <TeamRow workshop team refresh /> })
        .collect_view();
    view! {
        <section class="card" aria-labelledby="teams-title">
            <h2 id="teams-title">{lang.t(Key::SetupTeamsTitle)}</h2>
            <p class="hint">{count}</p>
            <ul class="team-rows">{rows}</ul>
            <ActionForm action=add>
                <input type="hidden" name="workshop" value=workshop.to_string() />
                <label for="team-names">{lang.t(Key::SetupTeamsPasteLabel)}</label>
                <textarea id="team-names" name="names" rows="4" required></textarea>
                <p class="hint">{lang.t(Key::SetupTeamsPasteHint)}</p>
                <FieldError error=add_error field="names" />
                <FieldError error=add_error field="" />
                <button type="submit" class="button">{lang.t(Key::SetupTeamsAdd)}</button>
                <p class="status" role="status">{move || outcome(add.value().get())}</p>
            </ActionForm>
            <ActionForm action=preset>
                <input type="hidden" name="workshop" value=workshop.to_string() />
                <button type="submit" class="button secondary" id="add-preset">{lang.t(Key::SetupTeamsPreset)}</button>
                <FieldError error=preset_error field="" />
                <p class="status" role="status">{move || outcome(preset.value().get())}</p>
            </ActionForm>
        </section>
    }
}

fn added_message(lang: Lang, done: &TeamsAdded) -> String {
    let mut text = lang
        .t(Key::SetupTeamsAdded)
        .replace("{n}", &done.added.to_string());
    if !done.already_present.is_empty() {
        text.push(' ');
        text.push_str(
            &lang
                .t(Key::SetupTeamsSkipped)
                .replace("{names}", &done.already_present.join(", ")),
        );
    }
    text
}

#[component]
fn TeamRow(workshop: WorkshopId, team: SetupTeam, refresh: RwSignal<u32>) -> impl IntoView {
    let lang = use_lang();
    let rename = ServerAction::<RenameTeam>::new();
    let remove = ServerAction::<RemoveTeam>::new();
    refresh_after(rename, refresh);
    refresh_after(remove, refresh);
    let rename_error = error_of(rename);
    let remove_error = error_of(remove);
    let dom = format!("team-{}", team.id);
    let label = lang.t(Key::SetupTeamNameLabel).to_owned();
    let members = lang
        .t(Key::SetupTeamMembers)
        .replace("{n}", &team.members.to_string());
    let empty = team.members == 0;
    view! {
        <li class="team-row">
            <ActionForm action=rename>
                <input type="hidden" name="workshop" value=workshop.to_string() />
                <input type="hidden" name="team" value=team.id.to_string() />
                <label class="visually-hidden" for=dom.clone()>{label}</label>
                <input id=dom.clone() name="name" value=team.name.clone() required maxlength="120" />
                <button type="submit" class="button secondary small">{lang.t(Key::SetupTeamRename)}</button>
                <FieldError error=rename_error field="name" />
                <FieldError error=rename_error field="" />
            </ActionForm>
            <span class="hint">{members}</span>
            {if empty {
                view! {
                    <ActionForm action=remove>
                        <input type="hidden" name="workshop" value=workshop.to_string() />
                        <input type="hidden" name="team" value=team.id.to_string() />
                        <button type="submit" class="button danger small">{lang.t(Key::SetupTeamRemove)}</button>
                        <FieldError error=remove_error field="" />
                    </ActionForm>
                }
                .into_any()
            } else {
                view! { <span class="hint">{lang.t(Key::SetupTeamKept)}</span> }.into_any()
            }}
        </li>
    }
}

#[component]
fn PeopleCard(workshop: WorkshopId, view: SetupView, refresh: RwSignal<u32>) -> impl IntoView {
    let lang = use_lang();
    let action = ServerAction::<SetTeamLead>::new();
    refresh_after(action, refresh);
    let error = error_of(action);
    if view.participants.is_empty() {
        return view! {
            <section class="card" aria-labelledby="people-title">
                <h2 id="people-title">{lang.t(Key::SetupPeopleTitle)}</h2>
                <p class="hint">{lang.t(Key::SetupPeopleNone)}</p>
            </section>
        }
        .into_any();
    }
    let teams = view.teams;
    let team_name = move |id| {
        teams
            .iter()
            .find(|t| t.id == id)
            .map(|t| t.name.clone())
            .unwrap_or_default()
    };
    let rows = view
        .participants
        .into_iter()
        .map(|p| {
            let key = if p.is_lead { Key::SetupLeadRemove } else { Key::SetupLeadMake };
            let team = team_name(p.team);
            let name = p.name;
            view! {
                <tr>
                    <td>{name} {p.is_lead.then(|| view! { " " <span class="chip">{lang.t(Key::SetupLeadChip)}</span> })}</td>
                    <td>{team}</td>
                    <td class="num">{p.answers}</td>
                    <td>
                        <ActionForm action>
                            <input type="hidden" name="workshop" value=workshop.to_string() />
                            <input type="hidden" name="participant" value=p.id.to_string() />
                            <input type="hidden" name="lead" value=(!p.is_lead).to_string() />
                            <button type="submit" class="button secondary small">{lang.t(key)}</button>
                        </ActionForm>
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="card wide" aria-labelledby="people-title">
            <h2 id="people-title">{lang.t(Key::SetupPeopleTitle)}</h2>
            <p class="hint">{lang.t(Key::SetupPeopleHint)}</p>
            <FieldError error field="" />
            <div class="table-scroll">
                <table>
                    <thead>
                        <tr>
                            <th scope="col">{lang.t(Key::SetupPeopleName)}</th>
                            <th scope="col">{lang.t(Key::SetupPeopleTeam)}</th>
                            <th scope="col">{lang.t(Key::SetupPeopleAnswers)}</th>
                            <th scope="col">{lang.t(Key::SetupPeopleLead)}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
    .into_any()
}

#[component]
fn SettingsCard(
    workshop: WorkshopId,
    settings: WorkshopSettings,
    refresh: RwSignal<u32>,
) -> impl IntoView {
    let lang = use_lang();
    let action = ServerAction::<UpdateWorkshop>::new();
    refresh_after(action, refresh);
    let error = error_of(action);
    let saved =
        move || matches!(action.value().get(), Some(Ok(()))).then(|| lang.t(Key::SetupSaved));
    view! {
        <section class="card wide" aria-labelledby="settings-title">
            <h2 id="settings-title">{lang.t(Key::SetupSettingsTitle)}</h2>
            <ActionForm action>
                <input type="hidden" name="workshop" value=workshop.to_string() />
                <SettingsFields prefix="edit" settings=Some(settings) error />
                <FieldError error field="" />
                <button type="submit" class="button">{lang.t(Key::SetupSave)}</button>
                <p class="status" role="status">{saved}</p>
            </ActionForm>
        </section>
    }
}

/// `/facilitate/workshops/:id/join-screen`: the join code and its QR code, as large as the
/// screen allows, to share on a video call.
#[component]
pub fn JoinScreenPage() -> impl IntoView {
    let lang = use_lang();
    let id = workshop_param();
    let data = Resource::new(move || id.get(), |id| load_for(id, workshop_setup));
    loaded(data, move |view| {
        let back = StaffTab::Setup.href(view.workshop.id);
        view! {
            <Title text=format!("{} — {}", lang.t(Key::SetupJoinTitle), view.workshop.title) />
            <div class="join-screen">
                <p class="eyebrow">{view.workshop.title.clone()}</p>
                <h1>{lang.t(Key::SetupJoinScreenLead)}</h1>
                <p class="join-url">{view.join_url.clone()}</p>
                <p class="join-code huge">{view.join_code.clone()}</p>
                <div class="qr huge" role="img" aria-label=lang.t(Key::SetupQrLabel) inner_html=view.qr_svg.clone()></div>
                <p><a href=back>{lang.t(Key::SetupJoinScreenBack)}</a></p>
            </div>
        }
    })
}
