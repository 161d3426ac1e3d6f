//! Joining a workshop, and the welcome page that shows the resume link once.

use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use super::{find_workshop, take_resume_link, who_am_i, JoinTarget, JoinWorkshop, RenewResumeLink};
use crate::error::AppError;
use crate::i18n::{use_lang, Key};
use crate::ids::WorkshopId;
use crate::ui::{loaded, FieldError};
use crate::workshop::workshop_param;

/// `/join`: type the code, then a name and a team. Each step is a plain form, so joining
/// works without JavaScript too.
#[component]
pub fn JoinPage() -> impl IntoView {
    let lang = use_lang();
    let query = use_query_map();
    let code = move || query.read().get("code").filter(|c| !c.trim().is_empty());
    let resume_failed = move || query.read().get("resume").is_some();
    let target = Resource::new(code, |code| async move {
        match code {
            Some(code) => find_workshop(code).await.map(Some),
            None => Ok(None),
        }
    });
    view! {
        <Title text=lang.t(Key::JoinTitle) />
        <section class="page narrow">
            <h1>{lang.t(Key::JoinTitle)}</h1>
            <Show when=resume_failed>
                <p class="notice error" role="alert">{lang.t(Key::ErrResumeInvalid)}</p>
            </Show>
            <Suspense fallback=move || view! { <p>{lang.t(Key::Loading)}</p> }>
                {move || Suspend::new(async move {
                    match target.await {
                        Ok(Some(target)) => view! { <JoinStepTwo target /> }.into_any(),
                        Ok(None) => view! { <CodeForm typed=String::new() error=None /> }.into_any(),
                        Err(error) => {
                            let typed = code().unwrap_or_default();
                            view! { <CodeForm typed error=Some(error) /> }.into_any()
                        }
                    }
                })}
            </Suspense>
        </section>
    }
}

/// The first step: the code, sent by GET so the next page can be reloaded and shared.
#[component]
pub fn CodeForm(typed: String, error: Option<AppError>) -> impl IntoView {
    let lang = use_lang();
    if let Some(error) = &error {
        crate::ui::set_status(error.status_code());
    }
    let message = error.map(|e| e.message(lang));
    let invalid = message.is_some();
    view! {
        <form method="get" action="/join" class="stack">
            <label for="join-code">{lang.t(Key::JoinCodeLabel)}</label>
            <p class="hint" id="join-code-hint">{lang.t(Key::JoinCodeHint)}</p>
            <input
                id="join-code"
                name="code"
                class="code-input"
                value=typed
                required
                maxlength="40"
                autocomplete="off"
                autocapitalize="characters"
                spellcheck="false"
                aria-describedby="join-code-hint join-code-error"
                aria-invalid=invalid.then_some("true")
            />
            <p id="join-code-error" class="field-error" role="alert">{message}</p>
            <button type="submit" class="button">{lang.t(Key::JoinContinue)}</button>
        </form>
    }
}

#[component]
fn JoinStepTwo(target: JoinTarget) -> impl IntoView {
    let lang = use_lang();
    let action = ServerAction::<JoinWorkshop>::new();
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    view! {
        <p class="eyebrow">{lang.t(Key::JoinWorkshopFound)}</p>
        <h2>{target.workshop.title.clone()}</h2>
        <ActionForm action>
            <div class="stack">
                <input type="hidden" name="code" value=target.code.clone() />
                <label for="join-name">{lang.t(Key::JoinNameLabel)}</label>
                <p class="hint" id="join-name-hint">{lang.t(Key::JoinNameHint)}</p>
                <input
                    id="join-name"
                    name="name"
                    required
                    maxlength="80"
                    autocomplete="name"
                    aria-describedby="join-name-hint"
                />
                <FieldError error field="name" />
                <label for="join-team">{lang.t(Key::JoinTeamLabel)}</label>
                <select id="join-team" name="team" required>
                    <option value="">{lang.t(Key::JoinTeamChoose)}</option>
                    {target
                        .teams
                        .iter()
                        .map(|t| view! { <option value=t.id.to_string()>{t.name.clone()}</option> })
                        .collect_view()}
                </select>
                <FieldError error field="team" />
                <FieldError error field="code" />
                <FieldError error field="" />
                {target.joiners_lead.then(|| view! { <p class="hint">{lang.t(Key::JoinDemoLead)}</p> })}
                <button type="submit" class="button">{lang.t(Key::JoinSubmit)}</button>
            </div>
        </ActionForm>
        <p>
            <a href="/join">{lang.t(Key::JoinOtherCode)}</a>
        </p>
    }
}

/// `/workshops/:id/welcome`: greets the new participant and shows their resume link once.
#[component]
pub fn WelcomePage() -> impl IntoView {
    let lang = use_lang();
    let id = workshop_param();
    let data = Resource::new(
        move || id.get(),
        |id| async move {
            let id = id.ok_or(AppError::NotFound)?;
            let me = who_am_i(id).await?;
            let link = take_resume_link().await?;
            Ok::<_, AppError>((id, me, link))
        },
    );
    view! {
        <Title text=lang.t(Key::WelcomeTitle) />
        <section class="page narrow">
            {loaded(
                data,
                move |(id, me, link)| {
                    view! {
                        <h1>{lang.t(Key::WelcomeTitle)} ", " {me.display_name.clone()}</h1>
                        <p class="lead">
                            {lang.t(Key::WelcomeTeam)} " " <strong>{me.team_name.clone()}</strong>
                        </p>
                        <ResumeLink workshop=id link />
                        <p>
                            <a class="button" href=format!("/workshops/{id}/assess/1")>
                                {lang.t(Key::WelcomeStart)}
                            </a>
                        </p>
                        // Workshop programme: the session on now and the next one.
                        <crate::programme::ProgrammeNowNext workshop=id />
                    }
                },
            )}
        </section>
    }
}

/// Selects the whole link, so copying it on a phone is one gesture.
fn select_all(ev: &leptos::ev::Event) {
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::JsCast;
        if let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        {
            input.select();
        }
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = ev;
}

/// The personal link to continue on another device: shown when just made, or made anew on
/// request (which retires the earlier one).
#[component]
pub fn ResumeLink(workshop: WorkshopId, link: Option<String>) -> impl IntoView {
    let lang = use_lang();
    let renew = ServerAction::<RenewResumeLink>::new();
    let shown = move || {
        renew
            .value()
            .get()
            .and_then(Result::ok)
            .or_else(|| link.clone())
    };
    let error = Signal::derive(move || renew.value().get().and_then(Result::err));
    view! {
        <div class="card resume-card">
            <h2>{lang.t(Key::ResumeTitle)}</h2>
            {move || match shown() {
                Some(link) => view! {
                    <p>{lang.t(Key::ResumeExplain)}</p>
                    <label for="resume-link" class="visually-hidden">{lang.t(Key::ResumeTitle)}</label>
                    <input
                        id="resume-link"
                        class="resume-link"
                        readonly
                        value=link.clone()
                        aria-describedby="resume-copy-hint"
                        on:focus=move |ev| select_all(ev.as_ref())
                        on:click=move |ev| select_all(ev.as_ref())
                    />
                    <p class="hint" id="resume-copy-hint">{lang.t(Key::ResumeCopyHint)}</p>
                    <p class="hint">{lang.t(Key::ResumeOnce)}</p>
                }
                    .into_any(),
                None => view! {
                    <p>{lang.t(Key::ResumeRenewExplain)}</p>
                    <ActionForm action=renew>
                        <input type="hidden" name="workshop" value=workshop.to_string() />
                        <button type="submit" class="button secondary">{lang.t(Key::ResumeRenew)}</button>
                    </ActionForm>
                    <FieldError error field="" />
                }
                    .into_any(),
            }}
        </div>
    }
}
