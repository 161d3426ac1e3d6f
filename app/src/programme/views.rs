//! The programme's pages and pieces: the facilitator's page
//! (`/facilitate/workshops/:id/programme`), the participants' read-only page
//! (`/workshops/:id/programme`), "now / next" for the participants' home, and the
//! facilitator's "follow the programme" prompt on the set-up page.

use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos::server::ServerAction;
use leptos_meta::Title;

use super::model::{ProgrammeView, SessionForm, SessionView, MAX_MATERIALS, MAX_PANELISTS};
use super::rules::{step_towards, weekday_key};
use super::{programme, AddSession, DeleteSession, EditSession};
use crate::error::AppError;
use crate::i18n::{use_lang, Key, Lang};
use crate::ids::WorkshopId;
use crate::ui::{error_of, loaded, refresh_after, FieldError};
use crate::workshop::{load_for, workshop_param, MovePhase, Phase, StaffNav, StaffTab};

/// Zones offered as suggestions when typing one; any IANA name is accepted.
const SUGGESTED_ZONES: [&str; 12] = [
    "America/Guayaquil",
    "Pacific/Galapagos",
    "America/Bogota",
    "America/Lima",
    "America/Mexico_City",
    "America/Santiago",
    "America/Argentina/Buenos_Aires",
    "America/Sao_Paulo",
    "America/New_York",
    "Europe/Madrid",
    "Europe/London",
    "UTC",
];

/// `/facilitate/workshops/:id/programme`: lay out the days and sessions.
#[component]
pub fn ProgrammePage() -> impl IntoView {
    let id = workshop_param();
    let refresh = RwSignal::new(0_u32);
    // Made here, above the reloading part, so the outcome stays shown after the reload.
    let add = ServerAction::<AddSession>::new();
    refresh_after(add, refresh);
    let data = Resource::new(
        move || (id.get(), refresh.get()),
        |(id, _)| load_for(id, programme),
    );
    loaded(
        data,
        move |view| view! { <StaffProgramme view add refresh /> },
    )
}

#[component]
fn StaffProgramme(
    view: ProgrammeView,
    add: ServerAction<AddSession>,
    refresh: RwSignal<u32>,
) -> impl IntoView {
    let lang = use_lang();
    let workshop = view.workshop.id;
    let title = view.workshop.title.clone();
    let closed = view.workshop.phase == Phase::Closed;
    let error = error_of(add);
    let added = move || {
        matches!(add.value().get(), Some(Ok(()))).then(|| {
            view! { <p class="notice success" role="status">{lang.t(Key::PrgAdded)}</p> }
        })
    };
    let blank = SessionForm {
        time_zone: view.default_zone.clone(),
        ..SessionForm::default()
    };
    let add_card = (!closed).then(|| {
        view! {
            <section class="card" aria-labelledby="prg-add-title">
                <h2 id="prg-add-title">{lang.t(Key::PrgAddTitle)}</h2>
                {added}
                <ActionForm action=add>
                    <input type="hidden" name="workshop" value=workshop.to_string() />
                    <SessionFields prefix="prg-new".to_owned() form=blank error />
                    <FieldError error field="" />
                    <button type="submit" class="button" id="prg-add">{lang.t(Key::PrgAddSubmit)}</button>
                </ActionForm>
            </section>
        }
    });
    let days = view.days();
    let list = if days.is_empty() {
        view! { <p class="hint">{lang.t(Key::PrgEmpty)}</p> }.into_any()
    } else {
        days.into_iter()
            .map(|(day, weekday, sessions)| {
                let rows = sessions
                    .into_iter()
                    .map(|session| {
                        view! { <StaffSession workshop session editable=!closed refresh /> }
                    })
                    .collect_view();
                view! {
                    <section class="prg-day">
                        <h3>{day_label(lang, &day, weekday)}</h3>
                        <ol class="prg-sessions">{rows}</ol>
                    </section>
                }
            })
            .collect_view()
            .into_any()
    };
    view! {
        <StaffNav workshop title current=StaffTab::Programme />
        <section class="page programme-page" aria-labelledby="prg-title">
            <h2 id="prg-title">{lang.t(Key::PrgTitle)}</h2>
            <p class="lead">{lang.t(Key::PrgStaffIntro)}</p>
            <p>
                <a href=format!("/workshops/{workshop}/programme")>{lang.t(Key::PrgParticipantsView)}</a>
            </p>
            <div class="setup-grid">
                {add_card}
                <section class="card wide" aria-labelledby="prg-list-title">
                    <h2 id="prg-list-title">{lang.t(Key::PrgListTitle)}</h2>
                    {list}
                </section>
            </div>
        </section>
    }
}

/// "Lunes, 2026-11-30".
fn day_label(lang: Lang, day: &str, weekday: u8) -> String {
    format!("{}, {day}", lang.t(weekday_key(weekday)))
}

/// A session as the facilitator sees it: its details, an edit form and a delete button.
#[component]
fn StaffSession(
    workshop: WorkshopId,
    session: SessionView,
    editable: bool,
    refresh: RwSignal<u32>,
) -> impl IntoView {
    let lang = use_lang();
    let edit = ServerAction::<EditSession>::new();
    let delete = ServerAction::<DeleteSession>::new();
    refresh_after(edit, refresh);
    refresh_after(delete, refresh);
    let edit_error = error_of(edit);
    let delete_error = error_of(delete);
    let id = session.id;
    let form = session.to_form();
    let tools = editable.then(|| {
        view! {
            <details class="more prg-edit">
                <summary>{lang.t(Key::PrgEdit)}</summary>
                <ActionForm action=edit>
                    <input type="hidden" name="workshop" value=workshop.to_string() />
                    <input type="hidden" name="session" value=id.to_string() />
                    <SessionFields prefix=format!("prg-{id}") form error=edit_error />
                    <FieldError error=edit_error field="" />
                    <button type="submit" class="button">{lang.t(Key::PrgEditSubmit)}</button>
                </ActionForm>
            </details>
            <ActionForm action=delete>
                <input type="hidden" name="workshop" value=workshop.to_string() />
                <input type="hidden" name="session" value=id.to_string() />
                <button type="submit" class="button danger small">{lang.t(Key::PrgDelete)}</button>
                <FieldError error=delete_error field="" />
            </ActionForm>
        }
    });
    view! {
        <li class="prg-session" id=format!("session-{id}")>
            <SessionDetails session=session.clone() heading=4 />
            {tools}
        </li>
    }
}

/// The session form's inputs, named `form[...]` for the server functions' `form` argument.
#[component]
fn SessionFields(
    prefix: String,
    form: SessionForm,
    error: Signal<Option<AppError>>,
) -> impl IntoView {
    let lang = use_lang();
    let id = {
        let prefix = prefix.clone();
        move |field: &str| format!("{prefix}-{field}")
    };
    let invalid = move |field: &'static str| {
        move || {
            matches!(error.get(), Some(AppError::Validation { fields }) if fields.contains_key(field))
                .then_some("true")
        }
    };
    let phases =
        std::iter::once(view! { <option value="">{lang.t(Key::PrgPhaseNone)}</option> }.into_any())
            .chain(Phase::ALL.into_iter().map(|p| {
                let selected = form.phase == p.as_str();
                view! { <option value=p.as_str() selected=selected>{lang.t(p.name_key())}</option> }
                    .into_any()
            }))
            .collect_view();
    let zones_list = id("zones");
    let zones = SUGGESTED_ZONES
        .into_iter()
        .map(|z| view! { <option value=z></option> })
        .collect_view();
    let materials = form
        .materials()
        .into_iter()
        .enumerate()
        .map(|(i, (title, url))| {
            let n = i + 1;
            let (title_field, url_field): (&'static str, &'static str) = match n {
                1 => ("m1_title", "m1_url"),
                2 => ("m2_title", "m2_url"),
                _ => ("m3_title", "m3_url"),
            };
            view! {
                <div class="row prg-material">
                    <div class="stack">
                        <label for=id(title_field)>{lang.t(Key::PrgMaterialTitle).replace("{n}", &n.to_string())}</label>
                        <input id=id(title_field) name=format!("form[{title_field}]") maxlength="120" value=title.to_owned()
                            aria-invalid=invalid(title_field) />
                        <FieldError error field=title_field />
                    </div>
                    <div class="stack">
                        <label for=id(url_field)>{lang.t(Key::PrgMaterialLink).replace("{n}", &n.to_string())}</label>
                        <input id=id(url_field) type="url" inputmode="url" name=format!("form[{url_field}]") maxlength="500"
                            value=url.to_owned() placeholder="https://" aria-invalid=invalid(url_field) />
                        <FieldError error field=url_field />
                    </div>
                </div>
            }
        })
        .collect_view();
    let panelists_hint = lang
        .t(Key::PrgPanelistsHint)
        .replace("{n}", &MAX_PANELISTS.to_string());
    let materials_hint = lang
        .t(Key::PrgMaterialsHint)
        .replace("{n}", &MAX_MATERIALS.to_string());
    view! {
        <div class="stack prg-fields">
            <label for=id("title")>{lang.t(Key::PrgFieldTitle)}</label>
            <input id=id("title") name="form[title]" required maxlength="200" value=form.title.clone()
                aria-invalid=invalid("title") />
            <FieldError error field="title" />
            <div class="row">
                <div class="stack">
                    <label for=id("day")>{lang.t(Key::PrgFieldDay)}</label>
                    <input id=id("day") type="date" name="form[day]" required value=form.day.clone()
                        aria-invalid=invalid("day") />
                    <FieldError error field="day" />
                </div>
                <div class="stack">
                    <label for=id("starts")>{lang.t(Key::PrgFieldStarts)}</label>
                    <input id=id("starts") type="time" name="form[starts]" required value=form.starts.clone()
                        aria-invalid=invalid("starts") />
                    <FieldError error field="starts" />
                </div>
                <div class="stack">
                    <label for=id("ends")>{lang.t(Key::PrgFieldEnds)}</label>
                    <input id=id("ends") type="time" name="form[ends]" required value=form.ends.clone()
                        aria-invalid=invalid("ends") />
                    <FieldError error field="ends" />
                </div>
            </div>
            <label for=id("zone")>{lang.t(Key::PrgFieldZone)}</label>
            <input id=id("zone") name="form[time_zone]" required maxlength="64" value=form.time_zone.clone()
                list=zones_list.clone() autocomplete="off" autocapitalize="off" spellcheck="false"
                aria-describedby=id("zone-hint") aria-invalid=invalid("time_zone") />
            <datalist id=zones_list>{zones}</datalist>
            <p class="hint" id=id("zone-hint")>{lang.t(Key::PrgZoneHint)}</p>
            <FieldError error field="time_zone" />
            <label for=id("panelists")>{lang.t(Key::PrgFieldPanelists)}</label>
            <textarea id=id("panelists") name="form[panelists]" rows="3" maxlength="1600"
                aria-describedby=id("panelists-hint") aria-invalid=invalid("panelists")>{form.panelists.clone()}</textarea>
            <p class="hint" id=id("panelists-hint")>{panelists_hint}</p>
            <FieldError error field="panelists" />
            <label for=id("phase")>{lang.t(Key::PrgFieldPhase)}</label>
            <select id=id("phase") name="form[phase]" aria-describedby=id("phase-hint")>{phases}</select>
            <p class="hint" id=id("phase-hint")>{lang.t(Key::PrgPhaseHint)}</p>
            <FieldError error field="phase" />
            <label for=id("call")>{lang.t(Key::PrgFieldCall)}</label>
            <input id=id("call") type="url" inputmode="url" name="form[call_link]" maxlength="500"
                value=form.call_link.clone() placeholder="https://" aria-describedby=id("call-hint")
                aria-invalid=invalid("call_link") />
            <p class="hint" id=id("call-hint")>{lang.t(Key::PrgLinkHint)}</p>
            <FieldError error field="call_link" />
            <fieldset class="prg-materials">
                <legend>{lang.t(Key::PrgFieldMaterials)}</legend>
                <p class="hint">{materials_hint}</p>
                {materials}
            </fieldset>
        </div>
    }
}

/// A session's time, zone, panelists, phase, call link and materials.
#[component]
fn SessionDetails(session: SessionView, heading: u8) -> impl IntoView {
    let lang = use_lang();
    let title = session.title.clone();
    let heading = match heading {
        2 => view! { <h2 class="prg-title">{title}</h2> }.into_any(),
        3 => view! { <h3 class="prg-title">{title}</h3> }.into_any(),
        _ => view! { <h4 class="prg-title">{title}</h4> }.into_any(),
    };
    let panelists = (!session.panelists.is_empty()).then(|| {
        view! {
            <p class="prg-panelists">
                <strong>{lang.t(Key::PrgPanelists)}</strong> " " {session.panelists.join(", ")}
            </p>
        }
    });
    let phase = session.phase.map(|p| {
        view! {
            <p><span class="chip">{lang.t(Key::PrgPhase)} " " {lang.t(p.name_key())}</span></p>
        }
    });
    let call = session.call_link.clone().map(|url| {
        view! {
            <p>
                <a class="button secondary small prg-call" href=url rel="noopener noreferrer" target="_blank">
                    {lang.t(Key::PrgJoinCall)}
                </a>
            </p>
        }
    });
    let materials = (!session.materials.is_empty()).then(|| {
        let items = session
            .materials
            .iter()
            .map(|m| {
                view! {
                    <li><a href=m.url.clone() rel="noopener noreferrer" target="_blank">{m.title.clone()}</a></li>
                }
            })
            .collect_view();
        view! {
            <div class="prg-materials-list">
                <strong>{lang.t(Key::PrgMaterials)}</strong>
                <ul>{items}</ul>
            </div>
        }
    });
    view! {
        <div class="prg-details">
            {heading}
            <p class="prg-time">
                <time datetime=format!("{}T{}", session.day, session.starts)>{session.time_range()}</time>
                " "
                <span class="hint">{format!("({})", session.zone_label())}</span>
            </p>
            {panelists}
            {phase}
            {call}
            {materials}
        </div>
    }
}

/// `/workshops/:id/programme`: the whole programme, read-only, for participants.
#[component]
pub fn ParticipantProgrammePage() -> impl IntoView {
    let lang = use_lang();
    let id = workshop_param();
    let data = Resource::new(move || id.get(), |id| load_for(id, programme));
    loaded(data, move |view| {
        let workshop = view.workshop.id;
        let days = view.days();
        let list = if days.is_empty() {
            view! { <p class="hint">{lang.t(Key::PrgEmptyParticipant)}</p> }.into_any()
        } else {
            days.into_iter()
                .map(|(day, weekday, sessions)| {
                    let rows = sessions
                        .into_iter()
                        .map(|session| {
                            let dom = format!("session-{}", session.id);
                            view! {
                                <li class="prg-session card" id=dom>
                                    <SessionDetails session heading=3 />
                                </li>
                            }
                        })
                        .collect_view();
                    view! {
                        <section class="prg-day">
                            <h2>{day_label(lang, &day, weekday)}</h2>
                            <ol class="prg-sessions">{rows}</ol>
                        </section>
                    }
                })
                .collect_view()
                .into_any()
        };
        let back = if view.staff {
            StaffTab::Setup.href(workshop)
        } else {
            format!("/workshops/{workshop}/assess")
        };
        view! {
            <Title text=format!("{} — {}", lang.t(Key::PrgTitle), view.workshop.title) />
            <section class="page programme-page">
                <p class="eyebrow">{view.workshop.title.clone()}</p>
                <h1>{lang.t(Key::PrgTitle)}</h1>
                <p><a href=back>{lang.t(Key::PrgBack)}</a></p>
                <NowNextCards view=view.clone() heading=2 />
                {list}
            </section>
        }
    })
}

/// "Now" and "Next" on the participants' home: loads the programme by itself, and shows
/// nothing when the workshop has none (or the reader may not see it).
#[component]
pub fn ProgrammeNowNext(
    /// The workshop.
    workshop: WorkshopId,
) -> impl IntoView {
    let lang = use_lang();
    let data = Resource::new(move || workshop, programme);
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(view) if !view.sessions.is_empty() => {
                        let link = format!("/workshops/{workshop}/programme");
                        view! {
                            <section class="card prg-home" aria-labelledby="prg-home-title">
                                <h2 id="prg-home-title">{lang.t(Key::PrgHomeTitle)}</h2>
                                <NowNextCards view heading=3 />
                                <p><a href=link id="prg-full">{lang.t(Key::PrgFull)}</a></p>
                            </section>
                        }
                        .into_any()
                    }
                    _ => ().into_any(),
                }
            })}
        </Suspense>
    }
}

/// The two cards, "Now" and "Next", with session titles at heading level `heading`.
#[component]
fn NowNextCards(view: ProgrammeView, heading: u8) -> impl IntoView {
    let lang = use_lang();
    let card = |label: Key, id: &'static str, session: Option<SessionView>, none: Key| {
        let body = match session {
            Some(session) => view! { <SessionDetails session heading /> }.into_any(),
            None => view! { <p class="hint">{lang.t(none)}</p> }.into_any(),
        };
        view! {
            <div class="prg-slot" id=id>
                <p class="eyebrow">{lang.t(label)}</p>
                {body}
            </div>
        }
    };
    let pick = |i: Option<usize>| i.and_then(|i| view.sessions.get(i)).cloned();
    view! {
        <div class="prg-now-next">
            {card(Key::PrgNow, "prg-now", pick(view.now), Key::PrgNothingNow)}
            {card(Key::PrgNext, "prg-next", pick(view.next), Key::PrgNothingNext)}
        </div>
    }
}

/// On the facilitator's set-up page and dashboard: when the session on now belongs to
/// another phase than the workshop's, says so and offers the phase change (one step at a
/// time, through the set-up page's own phase change). The phase is read with the programme,
/// so the prompt is right even on a page whose numbers move live.
#[component]
pub fn FollowProgramme(
    /// The workshop.
    workshop: WorkshopId,
    /// The page's data key, bumped after the phase changes.
    refresh: RwSignal<u32>,
) -> impl IntoView {
    let data = Resource::new(move || (workshop, refresh.get()), |(w, _)| programme(w));
    let action = ServerAction::<MovePhase>::new();
    refresh_after(action, refresh);
    let error = error_of(action);
    let lang = use_lang();
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let Ok(view) = data.await else { return ().into_any() };
                let (Some(target), Some(now)) = (view.follow, view.now) else {
                    return ().into_any();
                };
                let phase = view.workshop.phase;
                let Some(step) = step_towards(phase, target) else { return ().into_any() };
                let session = view.sessions.get(now).map(|s| s.title.clone()).unwrap_or_default();
                let says = lang
                    .t(Key::PrgFollowSays)
                    .replace("{phase}", lang.t(target.name_key()))
                    .replace("{session}", &session);
                let label = if step == target {
                    lang.t(Key::PrgFollowSwitch).to_owned()
                } else {
                    lang.t(Key::PrgFollowStep).replace("{phase}", lang.t(step.name_key()))
                };
                view! {
                    <section class="card notice prg-follow" aria-labelledby="prg-follow-title" id="prg-follow">
                        <h2 id="prg-follow-title">{lang.t(Key::PrgFollowTitle)}</h2>
                        <p>{says}</p>
                        <ActionForm action>
                            <input type="hidden" name="workshop" value=workshop.to_string() />
                            <input type="hidden" name="from" value=phase.as_str() />
                            <input type="hidden" name="to" value=step.as_str() />
                            <button type="submit" class="button" id="prg-follow-switch">{label}</button>
                        </ActionForm>
                        <FieldError error field="" />
                    </section>
                }
                .into_any()
            })}
        </Suspense>
    }
}
