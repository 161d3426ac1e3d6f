//! `/facilitate/workshops/:id/framework`: the framework editor.
//!
//! One form per pillar and per indicator, each with its own Save button, so nothing typed in
//! one place is lost by saving another. Every form is an `ActionForm`: without JavaScript it
//! posts and comes back to this page. Structure changes (add, remove, move) share one action
//! per kind at the page level, and their outcome shows in one status line that stays in
//! view.

use leptos::form::ActionForm;
use leptos::prelude::*;

use super::editor_server::{
    framework_editor, AddIndicator, AddPillar, EditorIndicator, EditorPillar, FrameworkEditor,
    ImportFramework, MoveIndicator, MovePillar, RemoveIndicator, RemovePillar, SaveIndicator,
    SavePillar,
};
use super::Text;
use crate::error::AppError;
use crate::i18n::{use_lang, Key, Lang};
use crate::ids::WorkshopId;
use crate::ui::{loaded, FieldError};
use crate::workshop::{workshop_param, StaffNav, StaffTab};

/// The actions that change the framework's structure, shared by every pillar and indicator
/// of the page, so an error (also one brought back by a post without JavaScript) shows once,
/// in the status line.
#[derive(Clone, Copy)]
struct Structure {
    add_pillar: ServerAction<AddPillar>,
    add_indicator: ServerAction<AddIndicator>,
    remove_pillar: ServerAction<RemovePillar>,
    remove_indicator: ServerAction<RemoveIndicator>,
    move_pillar: ServerAction<MovePillar>,
    move_indicator: ServerAction<MoveIndicator>,
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
        |(id, _)| async move {
            match id {
                Some(id) => framework_editor(id).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    view! {
        {loaded(data, move |editor| view! { <EditorBody editor structure /> })}
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

/// A small form of hidden fields and one button: a move or a removal.
macro_rules! button_form {
    ($action:expr, [$(($name:expr, $value:expr)),*], $label:expr, $aria:expr, $disabled:expr, $class:expr) => {{
        // Evaluated first: the form's children are a closure that takes what it uses.
        let hidden: Vec<(&'static str, String)> = vec![$(($name, String::from($value))),*];
        let (label, aria, disabled): (&'static str, String, bool) = ($label, $aria, $disabled);
        view! {
            <ActionForm action=$action>
                {hidden
                    .into_iter()
                    .map(|(name, value)| view! { <input type="hidden" name=name value=value /> })
                    .collect_view()}
                <button type="submit" class=$class aria-label=aria disabled=disabled>{label}</button>
            </ActionForm>
        }
    }};
}

#[component]
fn PillarSection(
    workshop: WorkshopId,
    pillar: EditorPillar,
    first: bool,
    last: bool,
    levels: Vec<Text>,
    structure: Structure,
) -> impl IntoView {
    let lang = use_lang();
    let name = pillar.name.get(lang).to_owned();
    let (w, p) = (workshop.to_string(), pillar.id.to_string());
    let heading_id = format!("pillar-{}", pillar.id);
    let count = pillar.indicators.len();
    let indicators = pillar
        .indicators
        .iter()
        .cloned()
        .enumerate()
        .map(|(index, indicator)| {
            view! {
                <IndicatorEditor
                    workshop
                    indicator
                    first=index == 0
                    last=index + 1 == count
                    levels=levels.clone()
                    structure
                />
            }
        })
        .collect_view();
    let tools = view! {
        <div class="fw-tools" role="group" aria-label=lang.t(Key::FwStructure)>
            {button_form!(structure.move_pillar, [("workshop", w.clone()), ("pillar", p.clone()), ("direction", "up")],
                lang.t(Key::FwMoveUp), lang.t(Key::FwMoveUpOf).replace("{name}", &name), first, "button secondary small")}
            {button_form!(structure.move_pillar, [("workshop", w.clone()), ("pillar", p.clone()), ("direction", "down")],
                lang.t(Key::FwMoveDown), lang.t(Key::FwMoveDownOf).replace("{name}", &name), last, "button secondary small")}
            {button_form!(structure.remove_pillar, [("workshop", w.clone()), ("pillar", p.clone())],
                lang.t(Key::FwRemove), lang.t(Key::FwRemoveOf).replace("{name}", &name), false, "button fw-danger small")}
        </div>
    };
    view! {
        <section class="fw-pillar" aria-labelledby=heading_id.clone()>
            <h3 id=heading_id.clone()>
                <span class="code">{pillar.code.clone()}</span> " " {name.clone()}
            </h3>
            {tools}
            <details class="fw-wording">
                <summary>{lang.t(Key::FwPillarWording)}</summary>
                <PillarForm workshop pillar=pillar.clone() />
            </details>
            <h4>{lang.t(Key::FwIndicators)}</h4>
            <ol class="fw-indicators">{indicators}</ol>
            <AddIndicatorForm workshop pillar=pillar.id structure />
        </section>
    }
}

/// A text in both languages: two labelled fields, Spanish first.
#[component]
fn Bilingual(
    /// What the text is.
    label: String,
    /// The form field name before `_es` / `_en`, e.g. `form[name` → `form[name_es]`.
    name: String,
    /// A prefix for the fields' ids, unique in the page.
    id: String,
    /// The current text.
    value: Text,
    /// Several lines.
    #[prop(optional)]
    long: bool,
    /// Both languages are required.
    #[prop(optional)]
    required: bool,
) -> impl IntoView {
    let lang = use_lang();
    let field = move |code: &str, text: String, language: Key| {
        let field_id = format!("{id}-{code}");
        let field_name = format!("{name}_{code}]");
        let input = if long {
            view! { <textarea id=field_id.clone() name=field_name rows="3" required=required>{text}</textarea> }
                .into_any()
        } else {
            view! { <input id=field_id.clone() name=field_name value=text required=required /> }
                .into_any()
        };
        view! {
            <div class="fw-lang">
                <label for=field_id>{lang.t(language)}</label>
                {input}
            </div>
        }
    };
    view! {
        <fieldset class="fw-bilingual">
            <legend>{label}</legend>
            {field("es", value.es, Key::FwSpanish)}
            {field("en", value.en, Key::FwEnglish)}
        </fieldset>
    }
}

#[component]
fn PillarForm(workshop: WorkshopId, pillar: EditorPillar) -> impl IntoView {
    let lang = use_lang();
    let action = ServerAction::<SavePillar>::new();
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    let saved = move || matches!(action.value().get(), Some(Ok(())));
    let dom = format!("p{}", pillar.id);
    view! {
        <ActionForm action>
            <input type="hidden" name="workshop" value=workshop.to_string() />
            <input type="hidden" name="pillar" value=pillar.id.to_string() />
            <label for=format!("{dom}-code")>{lang.t(Key::FwCode)}</label>
            <input id=format!("{dom}-code") name="form[code]" value=pillar.code.clone() maxlength="16" required class="fw-code" />
            <FieldError error field="code" />
            <Bilingual label=lang.t(Key::FwName).to_owned() name="form[name".into() id=format!("{dom}-name") value=pillar.name.clone() required=true />
            <FieldError error field="name" />
            <Bilingual label=lang.t(Key::FwDescription).to_owned() name="form[description".into() id=format!("{dom}-desc") value=pillar.description.clone() long=true />
            <FieldError error field="description" />
            <FieldError error field="" />
            <button type="submit" class="button">{lang.t(Key::FwSave)}</button>
            <span class="fw-ok" role="status">{move || saved().then(|| lang.t(Key::FwSaved))}</span>
        </ActionForm>
    }
}

#[component]
fn IndicatorEditor(
    workshop: WorkshopId,
    indicator: EditorIndicator,
    first: bool,
    last: bool,
    levels: Vec<Text>,
    structure: Structure,
) -> impl IntoView {
    let lang = use_lang();
    let action = ServerAction::<SaveIndicator>::new();
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    let saved = move || matches!(action.value().get(), Some(Ok(())));
    let name = indicator.name.get(lang).to_owned();
    let (w, i) = (workshop.to_string(), indicator.id.to_string());
    let dom = format!("i{}", indicator.id);
    let usage = if indicator.answers > 0 {
        lang.t(Key::FwAnswers)
            .replace("{count}", &indicator.answers.to_string())
    } else {
        lang.t(Key::FwNoAnswers).to_owned()
    };
    let pinned = indicator.is_pinned();
    let incomplete = indicator.is_incomplete();
    let descriptors = (0..5)
        .map(|l| {
            let level_name = levels
                .get(l)
                .map(|t| t.get(lang).to_owned())
                .unwrap_or_default();
            let label = format!(
                "{} · {level_name}",
                lang.t(Key::FwLevelN).replace("{n}", &(l + 1).to_string())
            );
            let field = ["d1", "d2", "d3", "d4", "d5"][l];
            view! {
                <Bilingual
                    label
                    name=format!("form[{field}")
                    id=format!("{dom}-{field}")
                    value=indicator.descriptors.get(l).cloned().unwrap_or_default()
                    long=true
                />
                <FieldError error field=field />
            }
        })
        .collect_view();
    let sources = indicator.sources.join("\n");
    let tools = view! {
            <div class="fw-tools" role="group" aria-label=lang.t(Key::FwStructure)>
                {button_form!(structure.move_indicator, [("workshop", w.clone()), ("indicator", i.clone()), ("direction", "up")],
                    lang.t(Key::FwMoveUp), lang.t(Key::FwMoveUpOf).replace("{name}", &name), first, "button secondary small")}
                {button_form!(structure.move_indicator, [("workshop", w.clone()), ("indicator", i.clone()), ("direction", "down")],
                    lang.t(Key::FwMoveDown), lang.t(Key::FwMoveDownOf).replace("{name}", &name), last, "button secondary small")}
                {button_form!(structure.remove_indicator, [("workshop", w.clone()), ("indicator", i.clone())],
                    lang.t(Key::FwRemove), lang.t(Key::FwRemoveOf).replace("{name}", &name), pinned, "button fw-danger small")}
            </div>
    };
    view! {
            <li class="fw-indicator">
                <details>
                    <summary>
                        <span class="code">{indicator.code.clone()}</span> " " {name.clone()}
                        " · " <span class="muted">{usage}</span>
                        {incomplete.then(|| view! { " " <span class="flag">{lang.t(Key::FwIncomplete)}</span> })}
                    </summary>
                    <ActionForm action>
                        <input type="hidden" name="workshop" value=workshop.to_string() />
                        <input type="hidden" name="indicator" value=indicator.id.to_string() />
                        <label for=format!("{dom}-code")>{lang.t(Key::FwCode)}</label>
                        <input
                            id=format!("{dom}-code")
                            name="form[code]"
                            value=indicator.code.clone()
                            maxlength="16"
                            required
                            readonly=pinned
                            class="fw-code"
                        />
                        <FieldError error field="code" />
                        <Bilingual label=lang.t(Key::FwName).to_owned() name="form[name".into() id=format!("{dom}-name") value=indicator.name.clone() required=true />
                        <FieldError error field="name" />
                        <Bilingual label=lang.t(Key::FwDescription).to_owned() name="form[description".into() id=format!("{dom}-desc") value=indicator.description.clone() long=true />
                        <FieldError error field="description" />
                        <label for=format!("{dom}-sources")>{lang.t(Key::FwSources)}</label>
                        <textarea id=format!("{dom}-sources") name="form[sources]" rows="3">{sources}</textarea>
                        <FieldError error field="sources" />
                        {descriptors}
                        <FieldError error field="" />
                        <button type="submit" class="button">{lang.t(Key::FwSave)}</button>
                        <span class="fw-ok" role="status">{move || saved().then(|| lang.t(Key::FwSaved))}</span>
                    </ActionForm>
                </details>
    {tools}
            </li>
        }
}

#[component]
fn AddIndicatorForm(
    workshop: WorkshopId,
    pillar: crate::ids::PillarId,
    structure: Structure,
) -> impl IntoView {
    let lang = use_lang();
    let dom = format!("new-in-{pillar}");
    view! {
        <details class="fw-add">
            <summary>{lang.t(Key::FwAddIndicator)}</summary>
            <ActionForm action=structure.add_indicator>
                <input type="hidden" name="workshop" value=workshop.to_string() />
                <input type="hidden" name="pillar" value=pillar.to_string() />
                <label for=format!("{dom}-code")>{lang.t(Key::FwCode)}</label>
                <input id=format!("{dom}-code") name="form[code]" maxlength="16" required class="fw-code" />
                <Bilingual label=lang.t(Key::FwName).to_owned() name="form[name".into() id=format!("{dom}-name") value=Text::default() required=true />
                <button type="submit" class="button">{lang.t(Key::FwAdd)}</button>
            </ActionForm>
        </details>
    }
}

#[component]
fn AddPillarForm(workshop: WorkshopId, structure: Structure) -> impl IntoView {
    let lang = use_lang();
    view! {
        <section class="fw-add-pillar" aria-labelledby="fw-add-pillar-title">
            <h3 id="fw-add-pillar-title">{lang.t(Key::FwAddPillar)}</h3>
            <p class="muted">{lang.t(Key::FwAddPillarHelp)}</p>
            <ActionForm action=structure.add_pillar>
                <input type="hidden" name="workshop" value=workshop.to_string() />
                <fieldset>
                    <legend>{lang.t(Key::FwPillar)}</legend>
                    <label for="new-pillar-code">{lang.t(Key::FwCode)}</label>
                    <input id="new-pillar-code" name="form[code]" maxlength="16" required class="fw-code" />
                    <Bilingual label=lang.t(Key::FwName).to_owned() name="form[name".into() id="new-pillar-name".into() value=Text::default() required=true />
                </fieldset>
                <fieldset>
                    <legend>{lang.t(Key::FwFirstIndicator)}</legend>
                    <label for="new-first-code">{lang.t(Key::FwCode)}</label>
                    <input id="new-first-code" name="first[code]" maxlength="16" required class="fw-code" />
                    <Bilingual label=lang.t(Key::FwName).to_owned() name="first[name".into() id="new-first-name".into() value=Text::default() required=true />
                </fieldset>
                <button type="submit" class="button">{lang.t(Key::FwAdd)}</button>
            </ActionForm>
        </section>
    }
}
