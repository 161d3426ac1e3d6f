//! The editor's pillar and indicator sections: their wording forms (Spanish and English side
//! by side, stacked on phones) and their move and remove buttons.

use leptos::form::ActionForm;
use leptos::prelude::*;

use super::editor_server::{EditorIndicator, EditorPillar, SaveIndicator, SavePillar};
use super::editor_views::Structure;
use super::Text;
use crate::i18n::{use_lang, Key};
use crate::ids::{PillarId, WorkshopId};
use crate::ui::FieldError;

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
pub(super) fn PillarSection(
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
                            aria-describedby=pinned.then(|| format!("{dom}-code-locked"))
                            class="fw-code"
                        />
                        {pinned.then(|| view! {
                            <p class="hint" id=format!("{dom}-code-locked")>{lang.t(Key::FwCodeLocked)}</p>
                        })}
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
fn AddIndicatorForm(workshop: WorkshopId, pillar: PillarId, structure: Structure) -> impl IntoView {
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
pub(super) fn AddPillarForm(workshop: WorkshopId, structure: Structure) -> impl IntoView {
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
