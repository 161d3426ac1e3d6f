//! `/facilitate/workshops/:id/framework`: the framework editor.
//!
//! One form per pillar and per indicator, each with its own Save button, so nothing typed in
//! one place is lost by saving another. Every form is an `ActionForm`: without JavaScript it
//! posts and comes back to this page. Structure changes (add, remove, move) share one action
//! per kind at the page level, and their outcome shows in one status line that stays in
//! view.

use leptos::form::ActionForm;
use leptos::prelude::*;

use super::editor_parts::{AddPillarForm, PillarSection};
use super::editor_server::{
    framework_editor, AddIndicator, AddPillar, FrameworkEditor, ImportFramework, MoveIndicator,
    MovePillar, RemoveIndicator, RemovePillar,
};
use crate::error::AppError;
use crate::i18n::{use_lang, Key, Lang};
use crate::ids::WorkshopId;
use crate::ui::ErrorNotice;
use crate::workshop::{load_for, workshop_param, StaffNav, StaffTab};

/// The actions that change the framework's structure, shared by every pillar and indicator
/// of the page, so an error (also one brought back by a post without JavaScript) shows once,
/// in the status line.
#[derive(Clone, Copy)]
pub(super) struct Structure {
    pub(super) add_pillar: ServerAction<AddPillar>,
    pub(super) add_indicator: ServerAction<AddIndicator>,
    pub(super) remove_pillar: ServerAction<RemovePillar>,
    pub(super) remove_indicator: ServerAction<RemoveIndicator>,
    pub(super) move_pillar: ServerAction<MovePillar>,
    pub(super) move_indicator: ServerAction<MoveIndicator>,
    import: ServerAction<ImportFramework>,
    /// The latest outcome: a confirmation or an error.
    status: RwSignal<Option<Result<String, AppError>>>,
    /// Bumped after each change that succeeded, to reload the framework.
    reloads: RwSignal<u32>,
}

/// Records the outcome of `$action` in the status line, and reloads after a success.
macro_rules! watch {
    ($structure:expr, $action:ident, $ok:expr) => {{
        let structure = $structure;
        Effect::new(move |_| {
            if let Some(result) = structure.$action.value().get() {
                if result.is_ok() {
                    structure.reloads.update(|n| *n += 1);
                }
                structure.status.set(Some(result.map($ok)));
            }
        });
    }};
}

impl Structure {
    fn new(lang: Lang) -> Structure {
        let structure = Structure {
            add_pillar: ServerAction::new(),
            add_indicator: ServerAction::new(),
            remove_pillar: ServerAction::new(),
            remove_indicator: ServerAction::new(),
            move_pillar: ServerAction::new(),
            move_indicator: ServerAction::new(),
            import: ServerAction::new(),
            status: RwSignal::new(None),
            reloads: RwSignal::new(0),
        };
        // A post without JavaScript comes back with its error in the address; the action
        // it belongs to holds it from the start.
        let initial = [
            structure
                .add_pillar
                .value()
                .get_untracked()
                .map(|r| r.map(drop)),
            structure
                .add_indicator
                .value()
                .get_untracked()
                .map(|r| r.map(drop)),
            structure
                .remove_pillar
                .value()
                .get_untracked()
                .map(|r| r.map(drop)),
            structure
                .remove_indicator
                .value()
                .get_untracked()
                .map(|r| r.map(drop)),
            structure
                .move_pillar
                .value()
                .get_untracked()
                .map(|r| r.map(drop)),
            structure
                .move_indicator
                .value()
                .get_untracked()
                .map(|r| r.map(drop)),
        ]
        .into_iter()
        .flatten()
        .find_map(Result::err);
        structure.status.set(initial.map(Err));
        let done = move |()| lang.t(Key::FwDone).to_owned();
        watch!(structure, add_pillar, done);
        watch!(structure, add_indicator, done);
        watch!(structure, remove_pillar, done);
        watch!(structure, remove_indicator, done);
        watch!(structure, move_pillar, done);
        watch!(structure, move_indicator, done);
        // An import's problems can be many lines: they show beside its form, not here.
        Effect::new(move |_| {
            if let Some(Ok(s)) = structure.import.value().get() {
                structure.reloads.update(|n| *n += 1);
                structure.status.set(Some(Ok(lang
                    .t(Key::FwImported)
                    .replace("{added}", &s.added.to_string())
                    .replace("{updated}", &s.updated.to_string())
                    .replace("{removed}", &s.removed.to_string()))));
            }
        });
        structure
    }
}

/// The framework editor page.
#[component]
pub fn FrameworkEditorPage() -> impl IntoView {
    let id = workshop_param();
    let lang = use_lang();
    let structure = Structure::new(lang);
    let data = Resource::new(
        move || (id.get(), structure.reloads.get()),
        |(id, _)| load_for(id, framework_editor),
    );
    view! {
        // A transition, not a suspense: after a change the page keeps showing the framework
        // (and the reader's place in it) until the new one arrives.
        <Transition fallback=move || view! { <p>{lang.t(Key::Loading)}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(editor) => view! { <EditorBody editor structure /> }.into_any(),
                    Err(error) => view! { <ErrorNotice error /> }.into_any(),
                }
            })}
        </Transition>
        <p class="fw-status" role="status" aria-live="polite">
            {move || match structure.status.get() {
                Some(Ok(text)) => view! { <span class="fw-ok">{text}</span> }.into_any(),
                Some(Err(error)) => view! { <span class="field-error">{error.message(lang)}</span> }.into_any(),
                None => ().into_any(),
            }}
        </p>
    }
}

#[component]
fn EditorBody(editor: FrameworkEditor, structure: Structure) -> impl IntoView {
    let lang = use_lang();
    let workshop = editor.workshop.id;
    let title = editor.workshop.title.clone();
    let download = format!("/facilitate/workshops/{workshop}/framework.json");
    let count = editor.pillars.len();
    let levels = editor.levels.clone();
    let pillars = editor
        .pillars
        .into_iter()
        .enumerate()
        .map(|(index, pillar)| {
            view! {
                <PillarSection
                    workshop
                    pillar
                    first=index == 0
                    last=index + 1 == count
                    levels=levels.clone()
                    structure
                />
            }
        })
        .collect_view();
    view! {
        <StaffNav workshop title current=StaffTab::Framework />
        <section class="page fw-editor">
            <h2>{lang.t(Key::FwTitle)}</h2>
            <p class="lead">{lang.t(Key::FwIntro)}</p>
            <p class="rule">{lang.t(Key::FwRules)}</p>
            <ImportExport workshop download structure />
            {pillars}
            <AddPillarForm workshop structure />
        </section>
    }
}

#[component]
fn ImportExport(workshop: WorkshopId, download: String, structure: Structure) -> impl IntoView {
    let lang = use_lang();
    let problems = move || {
        structure
            .import
            .value()
            .get()
            .and_then(Result::err)
            .map(|error| {
                let text = error.message(lang);
                let mut lines = text.lines().map(str::to_owned);
                let head = lines.next().unwrap_or_default();
                let rest: Vec<String> = lines.collect();
                view! {
                    <div class="field-error fw-problems" role="alert">
                        <p>{head}</p>
                        {(!rest.is_empty()).then(|| view! {
                            <ul>{rest.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}</ul>
                        })}
                    </div>
                }
            })
    };
    view! {
        <section class="fw-transfer" aria-labelledby="fw-transfer-title">
            <h3 id="fw-transfer-title">{lang.t(Key::FwExportTitle)}</h3>
            <p>
                <a class="button secondary" href=download download="framework.json">
                    {lang.t(Key::FwExportLink)}
                </a>
            </p>
            <ActionForm action=structure.import>
                <input type="hidden" name="workshop" value=workshop.to_string() />
                <label for="fw-import">{lang.t(Key::FwImportLabel)}</label>
                <p class="muted small" id="fw-import-help">{lang.t(Key::FwImportHelp)}</p>
                <textarea
                    id="fw-import"
                    name="json"
                    rows="6"
                    spellcheck="false"
                    aria-describedby="fw-import-help"
                    required
                ></textarea>
                <FilePicker target="fw-import" />
                {problems}
                <button type="submit" class="button">{lang.t(Key::FwImportSubmit)}</button>
            </ActionForm>
        </section>
    }
}

/// A file input that copies the chosen file's text into the textarea `target`. It needs
/// JavaScript, so it is only drawn once the page runs it; pasting works without.
#[component]
fn FilePicker(target: &'static str) -> impl IntoView {
    let lang = use_lang();
    let scripted = RwSignal::new(false);
    Effect::new(move |_| scripted.set(true));
    let on_change = move |ev: leptos::ev::Event| {
        #[cfg(feature = "hydrate")]
        read_file_into(ev, target);
        #[cfg(not(feature = "hydrate"))]
        let _ = (ev, target);
    };
    view! {
        <Show when=move || scripted.get()>
            <label class="fw-file">
                {lang.t(Key::FwImportFile)} " "
                <input type="file" accept=".json,application/json" on:change=on_change />
            </label>
        </Show>
    }
}

#[cfg(feature = "hydrate")]
fn read_file_into(ev: leptos::ev::Event, target: &'static str) {
    use wasm_bindgen::JsCast;
    let Some(input) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
    else {
        return;
    };
    let Some(file) = input.files().and_then(|files| files.get(0)) else {
        return;
    };
    leptos::task::spawn_local(async move {
        let Ok(text) = wasm_bindgen_futures::JsFuture::from(file.text()).await else {
            return;
        };
        let Some(area) = document()
            .get_element_by_id(target)
            .and_then(|e| e.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
        else {
            return;
        };
        area.set_value(&text.as_string().unwrap_or_default());
    });
}
