//! The assessment pages: overview with progress, one step per pillar, and the review.

use std::collections::HashSet;

use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use super::autosave::SaveState;
use super::progress::{self, Progress};
use super::{assessment_sheet, Answer, AssessmentSheet, Mark, SaveAnswer};
use crate::error::AppError;
use crate::framework::{SheetIndicator, Text};
use crate::i18n::{use_lang, Key};
use crate::ids::{IndicatorId, WorkshopId};
use crate::participant::{Me, ResumeLink};
use crate::ui::{loaded, ErrorNotice};
use crate::workshop::{load_for, workshop_param, Phase};

/// Loads the current participant's assessment and renders `view` with it, or the error.
fn with_sheet<V: IntoView + 'static>(
    view: impl Fn(AssessmentSheet) -> V + Send + Sync + Copy + 'static,
) -> impl IntoView {
    let id = workshop_param();
    let sheet = Resource::new(move || id.get(), |id| load_for(id, assessment_sheet));
    loaded(sheet, view)
}

/// Which participant page is shown, for the tabs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    /// The assessment.
    Assess,
    /// The review of what is left.
    Review,
    /// The team's consensus.
    Team,
    /// The team's actions and votes.
    Actions,
    /// The team's roadmap.
    Roadmap,
}

/// The header of every participant page: the document title, the workshop, who, and the tabs.
#[component]
pub fn ParticipantNav(
    /// The workshop.
    workshop: WorkshopId,
    /// Its title.
    title: String,
    /// The participant.
    me: Me,
    /// The page shown.
    current: Tab,
    /// The page's own title, first in the browser tab.
    page: String,
) -> impl IntoView {
    let lang = use_lang();
    let tab = move |tab: Tab, href: String, key: Key| {
        let here = tab == current;
        view! {
            <li>
                <a href=href aria-current=here.then_some("page") class:current=here>
                    {lang.t(key)}
                </a>
            </li>
        }
    };
    view! {
        <Title text=format!("{page} — {title}") />
        <header class="participant-head">
            <p class="eyebrow">{title}</p>
            <p class="who">{me.display_name} " · " <strong>{me.team_name}</strong></p>
            <nav aria-label=lang.t(Key::ParticipantNav)>
                <ul class="tabs">
                    {tab(Tab::Assess, format!("/workshops/{workshop}/assess"), Key::TabAssess)}
                    {tab(Tab::Review, format!("/workshops/{workshop}/review"), Key::TabReview)}
                    {tab(Tab::Team, format!("/workshops/{workshop}/team"), Key::TabTeam)}
                    {tab(Tab::Actions, format!("/workshops/{workshop}/actions"), Key::TabActions)}
                    {tab(Tab::Roadmap, format!("/workshops/{workshop}/roadmap"), Key::TabRoadmap)}
                </ul>
            </nav>
        </header>
    }
}

fn answered_set(sheet: &AssessmentSheet) -> HashSet<IndicatorId> {
    sheet.answers.iter().map(|a| a.indicator).collect()
}

/// A progress bar with its numbers in words.
#[component]
fn ProgressBar(progress: Signal<Progress>, label: String) -> impl IntoView {
    let lang = use_lang();
    view! {
        <div class="progress">
            <progress
                max="100"
                value=move || progress.get().percent()
                aria-label=label.clone()
            ></progress>
            <span class="progress-text">
                {move || {
                    let p = progress.get();
                    lang.t(Key::ProgressOf)
                        .replace("{answered}", &p.answered.to_string())
                        .replace("{total}", &p.total.to_string())
                }}
            </span>
        </div>
    }
}

fn closed_notice(sheet: &AssessmentSheet) -> Option<impl IntoView> {
    let lang = use_lang();
    let key = match sheet.workshop.phase {
        Phase::Setup => Key::AssessmentNotYetOpen,
        _ => Key::AssessmentReadOnly,
    };
    (!sheet.editable).then(|| view! { <p class="notice" role="status">{lang.t(key)}</p> })
}

/// `/workshops/:id/assess`: progress per pillar and the way into each step.
#[component]
pub fn AssessOverviewPage() -> impl IntoView {
    let lang = use_lang();
    with_sheet(move |sheet| {
        let answered = answered_set(&sheet);
        let pillars = progress::by_pillar(&sheet.sheet, &answered);
        let all = progress::overall(&pillars);
        let id = sheet.workshop.id;
        view! {
            <ParticipantNav
                workshop=id
                title=sheet.workshop.title.clone()
                me=sheet.me.clone()
                current=Tab::Assess
                page=lang.t(Key::TabAssess).to_owned()
            />
            <section class="page">
                <h1>{lang.t(Key::AssessTitle)}</h1>
                {closed_notice(&sheet)}
                // Workshop programme: the session on now and the next one.
                <crate::programme::ProgrammeNowNext workshop=id />
                <p class="lead">{lang.t(Key::AssessIntro)}</p>
                <ProgressBar progress=Signal::stored(all) label=lang.t(Key::ProgressOverall).to_owned() />
                <ol class="pillar-list">
                    {sheet
                        .sheet
                        .pillars
                        .iter()
                        .zip(pillars)
                        .enumerate()
                        .map(|(i, (pillar, p))| {
                            view! {
                                <li class="card">
                                    <h2>
                                        <a href=format!("/workshops/{id}/assess/{}", i + 1)>
                                            {pillar.name.get(lang).to_owned()}
                                        </a>
                                    </h2>
                                    <p class="muted">{pillar.description.get(lang).to_owned()}</p>
                                    <ProgressBar
                                        progress=Signal::stored(p)
                                        label=pillar.name.get(lang).to_owned()
                                    />
                                </li>
                            }
                        })
                        .collect_view()}
                </ol>
                <p class="actions">
                    <a class="button" href=format!("/workshops/{id}/assess/1")>
                        {lang.t(if all.answered == 0 { Key::AssessStart } else { Key::AssessContinue })}
                    </a>
                    " "
                    <a class="button secondary" href=format!("/workshops/{id}/review")>{lang.t(Key::TabReview)}</a>
                </p>
                <ResumeLink workshop=id link=None />
            </section>
        }
    })
}

/// `/workshops/:id/assess/:step`: the indicators of one pillar, each saved as it changes.
#[component]
pub fn AssessStepPage() -> impl IntoView {
    let params = use_params_map();
    let step = Memo::new(move |_| {
        params
            .read()
            .get("step")
            .and_then(|raw| raw.parse::<usize>().ok())
            .unwrap_or(0)
    });
    #[cfg(feature = "hydrate")]
    {
        let handle = window_event_listener(leptos::ev::beforeunload, |ev| {
            if super::autosave::has_pending() {
                ev.prevent_default();
                ev.set_return_value("");
            }
        });
        on_cleanup(move || handle.remove());
    }
    // Moving between steps keeps this page mounted: each step reloads the sheet, so it shows
    // what the server has now.
    move || {
        let step = step.get();
        with_sheet(move |sheet| view! { <StepView sheet step /> })
    }
}

#[component]
fn StepView(sheet: AssessmentSheet, step: usize) -> impl IntoView {
    let lang = use_lang();
    let count = sheet.sheet.pillars.len();
    let Some(pillar) = step
        .checked_sub(1)
        .and_then(|i| sheet.sheet.pillars.get(i))
        .cloned()
    else {
        return view! { <ErrorNotice error=AppError::NotFound /> }.into_any();
    };
    let id = sheet.workshop.id;
    let answered = RwSignal::new(answered_set(&sheet));
    let waiting = RwSignal::new(HashSet::<IndicatorId>::new());
    let levels = sheet.sheet.levels.clone();
    let action = ServerAction::<SaveAnswer>::new();
    let form_error = move || {
        action
            .value()
            .get()
            .and_then(Result::err)
            .map(|e| e.message(lang))
    };
    let nav_sheet = sheet.sheet.clone();
    let pillar_progress = Signal::derive(move || {
        let answered = answered.get();
        progress::by_pillar(&nav_sheet, &answered)
            .get(step - 1)
            .copied()
            .unwrap_or_default()
    });
    let next = if step < count {
        format!("/workshops/{id}/assess/{}", step + 1)
    } else {
        format!("/workshops/{id}/review")
    };
    let previous = (step > 1).then(|| {
        view! {
            <a class="button secondary" href=format!("/workshops/{id}/assess/{}", step - 1)>
                {lang.t(Key::StepPrevious)}
            </a>
        }
    });
    view! {
        <ParticipantNav
            workshop=id
            title=sheet.workshop.title.clone()
            me=sheet.me.clone()
            current=Tab::Assess
            page=pillar.name.get(lang).to_owned()
        />
        <section class="page">
            <nav class="steps-nav" aria-label=lang.t(Key::StepsNav)>
                <ol>
                    {sheet
                        .sheet
                        .pillars
                        .iter()
                        .enumerate()
                        .map(|(i, p)| {
                            let here = i + 1 == step;
                            view! {
                                <li>
                                    <a
                                        href=format!("/workshops/{id}/assess/{}", i + 1)
                                        aria-current=here.then_some("step")
                                        class:current=here
                                    >
                                        <span class="step-code">{p.code.clone()}</span>
                                        <span class="step-name">{p.name.get(lang).to_owned()}</span>
                                    </a>
                                </li>
                            }
                        })
                        .collect_view()}
                </ol>
            </nav>
            <p class="eyebrow">{lang.t(Key::StepOf).replace("{step}", &step.to_string()).replace("{count}", &count.to_string())}</p>
            <h1>{pillar.name.get(lang).to_owned()}</h1>
            <p class="lead">{pillar.description.get(lang).to_owned()}</p>
            {closed_notice(&sheet)}
            <ProgressBar progress=pillar_progress label=pillar.name.get(lang).to_owned() />
            <Show when=move || form_error().is_some()>
                <p class="notice error" role="alert">{form_error}</p>
            </Show>
            {pillar
                .indicators
                .iter()
                .map(|indicator| {
                    view! {
                        <IndicatorCard
                            workshop=id
                            pillar_code=pillar.code.clone()
                            indicator=indicator.clone()
                            levels=levels.clone()
                            answer=sheet.answer(indicator.id).cloned()
                            editable=sheet.editable
                            action
                            answered
                            waiting
                        />
                    }
                })
                .collect_view()}
            <Show when=move || !waiting.read().is_empty()>
                <p class="save-banner" role="status">
                    {move || {
                        lang.t(Key::SaveBanner).replace("{count}", &waiting.read().len().to_string())
                    }}
                </p>
            </Show>
            <p class="actions step-actions">
                {previous}
                <a class="button" href=next>{lang.t(if step < count { Key::StepNext } else { Key::StepToReview })}</a>
            </p>
        </section>
    }
    .into_any()
}

/// One indicator: what it is, the five level cards, and the optional details. Saved on every
/// change when JavaScript runs; a plain form with a Save button when it does not.
#[component]
fn IndicatorCard(
    workshop: WorkshopId,
    // The pillar's code: the primer link's fallback for codes it does not know.
    pillar_code: String,
    indicator: SheetIndicator,
    levels: Vec<Text>,
    answer: Option<Answer>,
    editable: bool,
    action: ServerAction<SaveAnswer>,
    answered: RwSignal<HashSet<IndicatorId>>,
    waiting: RwSignal<HashSet<IndicatorId>>,
) -> impl IntoView {
    let lang = use_lang();
    let key = indicator.id;
    let dom = format!("ind-{}", indicator.code);
    let name_id = format!("{dom}-name");
    let target_id = format!("{dom}-target");
    let evidence_id = format!("{dom}-evidence");
    let note_id = format!("{dom}-note");
    let (labelled_by, target_for, evidence_for, note_for) = (
        name_id.clone(),
        target_id.clone(),
        evidence_id.clone(),
        note_id.clone(),
    );
    let state = RwSignal::new(if answer.is_some() {
        SaveState::Saved
    } else {
        SaveState::Idle
    });
    // Effects run only in the browser, after hydration: from then on edits save by themselves.
    let live = RwSignal::new(false);
    Effect::new(move |_| live.set(true));
    // The page's banner counts the answers waiting for the connection to come back.
    Effect::new(move |_| {
        let retrying = matches!(state.get(), SaveState::Retrying { .. });
        if retrying != waiting.with_untracked(|w| w.contains(&key)) {
            waiting.update(|w| {
                if retrying {
                    w.insert(key);
                } else {
                    w.remove(&key);
                }
            });
        }
    });
    let form_ref = NodeRef::<leptos::html::Form>::new();
    let current = answer.as_ref().map(|a| a.response.form_value());
    let target = answer.as_ref().and_then(|a| a.target).map(|t| t.get());
    let evidence = answer
        .as_ref()
        .and_then(|a| a.evidence_url.clone())
        .unwrap_or_default();
    let note = answer
        .as_ref()
        .and_then(|a| a.note.clone())
        .unwrap_or_default();
    let mark = answer.as_ref().map(|a| a.mark).unwrap_or_default();
    let has_details = target.is_some() || !evidence.is_empty() || !note.is_empty();

    // One handler for `change` and `input`: the saver decides what each event means.
    #[cfg(feature = "hydrate")]
    let (on_edit, on_input) = {
        let saver = super::autosave::Saver::new(
            state,
            Callback::new(move |has_response: bool| {
                if has_response {
                    answered.update(|set| {
                        set.insert(key);
                    });
                }
            }),
        );
        // An answer kept in this browser from a visit whose save never arrived: show it and send it.
        {
            let saver = saver.clone();
            Effect::new(move |_| {
                let kept = super::autosave::stashed(workshop, key);
                if let (Some(input), Some(form)) = (kept, form_ref.get_untracked()) {
                    show_in_form(&form, &input);
                    saver.push(input);
                }
            });
        }
        let on_edit = move |ev: leptos::ev::Event| edited(&ev, form_ref, &saver, state);
        (on_edit.clone(), on_edit)
    };
    // On the server the form is only rendered; nothing listens.
    #[cfg(not(feature = "hydrate"))]
    let (on_edit, on_input) = {
        let _ = (answered, key);
        (|_: leptos::ev::Event| {}, |_: leptos::ev::Event| {})
    };

    let is_current = |value: &str| current.as_deref() == Some(value);
    let (na_checked, dk_checked) = (is_current("na"), is_current("dk"));
    let response_radio = |value: String, label: String, class: &'static str, checked: bool| {
        view! {
            <label class=class>
                <input type="radio" name="response" value=value checked=checked />
                <span>{label}</span>
            </label>
        }
    };
    let level_cards = levels
        .iter()
        .zip(&indicator.descriptors)
        .enumerate()
        .map(|(i, (name, descriptor))| {
            let level = (i + 1).to_string();
            let checked = current.as_deref() == Some(level.as_str());
            view! {
                <label class="level-card">
                    <input type="radio" name="response" value=level.clone() checked=checked />
                    <span class="level-head">
                        <span class="level-num">{level.clone()}</span>
                        <span class="level-name">{name.get(lang).to_owned()}</span>
                    </span>
                    <span class="level-text">{descriptor.get(lang).to_owned()}</span>
                </label>
            }
        })
        .collect_view();
    let mark_radio = move |value: Mark, key: Key| {
        view! {
            <label class="chip">
                <input type="radio" name="mark" value=value.as_str() checked=mark == value />
                <span>{lang.t(key)}</span>
            </label>
        }
    };
    let status = move || match state.get() {
        SaveState::Idle => String::new(),
        SaveState::NeedsResponse => lang.t(Key::SaveNeedsResponse).to_owned(),
        SaveState::Saving => lang.t(Key::SaveSaving).to_owned(),
        SaveState::Saved => lang.t(Key::SaveSaved).to_owned(),
        SaveState::Retrying { attempt } => lang
            .t(Key::SaveRetrying)
            .replace("{attempt}", &attempt.to_string()),
        SaveState::Refused(error) => error.message(lang),
    };
    view! {
        <article
            class="card indicator"
            id=dom
            aria-labelledby=labelled_by
            data-live=move || live.get().then_some("true")
        >
            <h2 id=name_id>
                <span class="code">{indicator.code.clone()}</span> " " {indicator.name.get(lang).to_owned()}
            </h2>
            <p class="indicator-description">{indicator.description.get(lang).to_owned()}</p>
            // Learning: the primer and the related experiences.
            <crate::learning::IndicatorLearning
                workshop
                code=indicator.code.clone()
                pillar=pillar_code
                fragment=format!("ind-{}", indicator.code)
            />
            <ActionForm action node_ref=form_ref>
                <div class="answer-fields" on:change=on_edit on:input=on_input>
                    <input type="hidden" name="workshop" value=workshop.to_string() />
                    <input type="hidden" name="indicator" value=key.to_string() />
                    <fieldset disabled=!editable>
                        <fieldset class="levels">
                            <legend>{lang.t(Key::AnswerLevelLegend)}</legend>
                            {level_cards}
                            <div class="level-other">
                                {response_radio("na".into(), lang.t(Key::AnswerNotApplicable).into(), "chip", na_checked)}
                                {response_radio("dk".into(), lang.t(Key::AnswerDontKnow).into(), "chip", dk_checked)}
                            </div>
                        </fieldset>
                        <fieldset class="marks">
                            <legend>{lang.t(Key::AnswerMarkLegend)}</legend>
                            {mark_radio(Mark::Strength, Key::MarkStrength)}
                            {mark_radio(Mark::Weakness, Key::MarkWeakness)}
                            {mark_radio(Mark::Neutral, Key::MarkNeutral)}
                        </fieldset>
                        <details class="more" open=has_details>
                            <summary>{lang.t(Key::AnswerDetails)}</summary>
                            <label for=target_for>{lang.t(Key::AnswerTarget)}</label>
                            <select id=target_id name="target">
                                <option value="">{lang.t(Key::AnswerNoTarget)}</option>
                                {(1..=5_u8)
                                    .map(|l| {
                                        let name = levels.get(usize::from(l) - 1).map(|t| t.get(lang).to_owned()).unwrap_or_default();
                                        view! { <option value=l.to_string() selected=target == Some(l)>{format!("{l} · {name}")}</option> }
                                    })
                                    .collect_view()}
                            </select>
                            <label for=evidence_for>{lang.t(Key::AnswerEvidence)}</label>
                            <input
                                id=evidence_id
                                type="url"
                                name="evidence"
                                inputmode="url"
                                maxlength="2000"
                                placeholder="https://"
                                value=evidence
                            />
                            <label for=note_for>{lang.t(Key::AnswerNote)}</label>
                            <textarea id=note_id name="note" maxlength="2000" rows="3">
                                {note}
                            </textarea>
                        </details>
                        <button type="submit" class="button save-button">{lang.t(Key::AnswerSave)}</button>
                    </fieldset>
                </div>
            </ActionForm>
            <p class="save-status" aria-live="polite" data-save-state=move || state.get().name()>
                {status}
            </p>
        </article>
    }
}

/// Reads the form after an edit and hands it to the saver. Text boxes save as they are typed;
/// the link field only when it is left, so a half-typed address is not refused.
#[cfg(feature = "hydrate")]
fn edited(
    ev: &leptos::ev::Event,
    form_ref: NodeRef<leptos::html::Form>,
    saver: &super::autosave::Saver,
    state: RwSignal<SaveState>,
) {
    use leptos::form::FromFormData;
    use wasm_bindgen::JsCast;
    if ev.type_() == "input" {
        let is_textarea = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|e| e.tag_name().eq_ignore_ascii_case("textarea"));
        if !is_textarea {
            return;
        }
    }
    let Some(form) = form_ref.get_untracked() else {
        return;
    };
    let Ok(data) = web_sys::FormData::new_with_form(&form) else {
        return;
    };
    match SaveAnswer::from_form_data(&data) {
        Ok(input) if input.response.as_deref().is_none_or(|r| r.is_empty()) => {
            state.set(SaveState::NeedsResponse);
        }
        Ok(input) => saver.push(input),
        Err(err) => leptos::logging::error!("answer form unreadable: {err:?}"),
    }
}

/// Puts a kept answer into the form's fields, as if the participant had just given it.
#[cfg(feature = "hydrate")]
fn show_in_form(form: &web_sys::HtmlFormElement, input: &SaveAnswer) {
    use wasm_bindgen::JsCast;
    let elements = form.elements();
    for i in 0..elements.length() {
        let Some(element) = elements.item(i) else {
            continue;
        };
        if let Some(field) = element.dyn_ref::<web_sys::HtmlInputElement>() {
            let wanted = match field.name().as_str() {
                "response" => input.response.as_deref(),
                "mark" => Some(
                    input
                        .mark
                        .as_deref()
                        .filter(|m| !m.is_empty())
                        .unwrap_or("neutral"),
                ),
                "evidence" => {
                    field.set_value(input.evidence.as_deref().unwrap_or_default());
                    continue;
                }
                _ => continue,
            };
            field.set_checked(wanted == Some(field.value().as_str()));
        } else if let Some(select) = element.dyn_ref::<web_sys::HtmlSelectElement>() {
            select.set_value(input.target.as_deref().unwrap_or_default());
        } else if let Some(note) = element.dyn_ref::<web_sys::HtmlTextAreaElement>() {
            note.set_value(input.note.as_deref().unwrap_or_default());
        }
    }
}

/// `/workshops/:id/review`: what is left to answer, pillar by pillar.
#[component]
pub fn ReviewPage() -> impl IntoView {
    let lang = use_lang();
    with_sheet(move |sheet| {
        let answered = answered_set(&sheet);
        let all = progress::overall(&progress::by_pillar(&sheet.sheet, &answered));
        let left = progress::unanswered(&sheet.sheet, &answered);
        let id = sheet.workshop.id;
        let body = if left.is_empty() {
            view! { <p class="notice success">{lang.t(Key::ReviewAllDone)}</p> }.into_any()
        } else {
            view! {
                <h2>{lang.t(Key::ReviewUnanswered)}</h2>
                <ul class="unanswered">
                    {left
                        .iter()
                        .map(|(p, indicator)| {
                            view! {
                                <li>
                                    <a href=format!("/workshops/{id}/assess/{}#ind-{}", p + 1, indicator.code)>
                                        <span class="code">{indicator.code.clone()}</span> " "
                                        {indicator.name.get(lang).to_owned()}
                                    </a>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            }
            .into_any()
        };
        view! {
            <ParticipantNav
                workshop=id
                title=sheet.workshop.title.clone()
                me=sheet.me.clone()
                current=Tab::Review
                page=lang.t(Key::TabReview).to_owned()
            />
            <section class="page">
                <h1>{lang.t(Key::ReviewTitle)}</h1>
                {closed_notice(&sheet)}
                <ProgressBar progress=Signal::stored(all) label=lang.t(Key::ProgressOverall).to_owned() />
                {body}
                <p class="actions">
                    <a class="button" href=format!("/workshops/{id}/team")>{lang.t(Key::ReviewSeeTeam)}</a>
                </p>
            </section>
        }
    })
}
