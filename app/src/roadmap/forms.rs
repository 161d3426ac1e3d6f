//! The roadmap's forms: generate (again), and per item its dates, owner, milestones, pin and
//! follow-up. Each works without JavaScript too (`ActionForm`); after a save the page reloads
//! its data, so every form shows the item's new version.

use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos::server::ServerAction;

use super::model::{ItemView, MilestoneView, Status};
use super::server::{
    AddMilestone, EditItemDates, EditMilestone, GenerateAllRoadmaps, GenerateRoadmap, Permissions,
    RemoveMilestone, SetItemOwner, SetItemStatus, UnpinItem,
};
use crate::i18n::{use_lang, Key};
use crate::ids::{TeamId, WorkshopId};
use crate::ui::{error_of, refresh_after, FieldError};

/// Bumps `refresh` each time `action` succeeds, so the page reloads its data.
/// Generates one team's roadmap (again), with the start date and, once there is a roadmap,
/// the explained choice to also move the items edited by hand.
#[component]
pub fn GenerateForm(
    workshop: WorkshopId,
    team: TeamId,
    /// Whether the team already has a roadmap.
    generated: bool,
    /// The start date used when none is typed, ISO.
    default_start: String,
    refresh: RwSignal<u32>,
) -> impl IntoView {
    let lang = use_lang();
    let action = ServerAction::<GenerateRoadmap>::new();
    refresh_after(action, refresh);
    let error = error_of(action);
    let done = move || {
        action.value().get().and_then(Result::ok).map(|count| {
            view! {
                <p class="notice success" role="status">
                    {lang.t(Key::RmGenerated).replace("{count}", &count.to_string())}
                </p>
            }
        })
    };
    let dom = format!("rm-generate-{team}");
    view! {
        <ActionForm action attr:class="rm-generate">
            <div class="stack">
                <input type="hidden" name="workshop" value=workshop.to_string() />
                <input type="hidden" name="team" value=team.to_string() />
                <label for=format!("{dom}-start")>{lang.t(Key::RmStartsOnLabel)}</label>
                <input id=format!("{dom}-start") type="date" name="starts_on" value=default_start aria-describedby=format!("{dom}-start-help") />
                <p class="hint small" id=format!("{dom}-start-help")>{lang.t(Key::RmStartsOnHelp)}</p>
                <FieldError error field="starts_on" />
                {generated.then(|| view! {
                    <label class="checkbox">
                        <input type="checkbox" name="reset_pinned" value="true" aria-describedby=format!("{dom}-reset-help") />
                        " " {lang.t(Key::RmResetPinned)}
                    </label>
                    <p class="hint small" id=format!("{dom}-reset-help")>{lang.t(Key::RmResetPinnedHelp)}</p>
                })}
                <FieldError error field="" />
                <button type="submit" class="button" id=format!("{dom}-submit")>
                    {lang.t(if generated { Key::RmRegenerate } else { Key::RmGenerate })}
                </button>
                {done}
            </div>
        </ActionForm>
    }
}

/// Generates every team's roadmap (facilitators).
#[component]
pub fn GenerateAllForm(
    workshop: WorkshopId,
    default_start: String,
    refresh: RwSignal<u32>,
) -> impl IntoView {
    let lang = use_lang();
    let action = ServerAction::<GenerateAllRoadmaps>::new();
    refresh_after(action, refresh);
    let error = error_of(action);
    let done = move || {
        action.value().get().and_then(Result::ok).map(|count| {
            view! {
                <p class="notice success" role="status">
                    {lang.t(Key::RmGeneratedAll).replace("{count}", &count.to_string())}
                </p>
            }
        })
    };
    view! {
        <ActionForm action attr:class="rm-generate-all">
            <div class="stack">
                <input type="hidden" name="workshop" value=workshop.to_string() />
                <label for="rm-all-start">{lang.t(Key::RmStartsOnLabel)}</label>
                <input id="rm-all-start" type="date" name="starts_on" value=default_start aria-describedby="rm-all-help" />
                <p class="hint small" id="rm-all-help">
                    {lang.t(Key::RmStartsOnHelp)} " " {lang.t(Key::RmGenerateAllHelp)}
                </p>
                <FieldError error field="starts_on" />
                <FieldError error field="" />
                <button type="submit" class="button" id="rm-generate-all">{lang.t(Key::RmGenerateAll)}</button>
                {done}
            </div>
        </ActionForm>
    }
}

/// The forms of every item the reader may change.
#[component]
pub fn ItemEditors(
    workshop: WorkshopId,
    items: Vec<ItemView>,
    may: Permissions,
    refresh: RwSignal<u32>,
) -> impl IntoView {
    (may.edit || may.follow_up).then(|| {
        items
            .into_iter()
            .map(|item| view! { <ItemEditor workshop item may refresh /> })
            .collect_view()
    })
}

#[component]
fn ItemEditor(
    workshop: WorkshopId,
    item: ItemView,
    may: Permissions,
    refresh: RwSignal<u32>,
) -> impl IntoView {
    let lang = use_lang();
    let summary = lang.t(Key::RmEditItem).replace("{title}", &item.title);
    view! {
        <details class="rm-editor" data-item=item.id.to_string()>
            <summary>
                {item.pinned.then(|| view! { <span aria-label=lang.t(Key::RmPinned) title=lang.t(Key::RmPinned)>"📌 "</span> })}
                {summary}
            </summary>
            {may.edit.then(|| {
                let item = item.clone();
                view! {
                    <p class="hint small">{lang.t(Key::RmEditHelp)}</p>
                    <DatesForm workshop item=item.clone() refresh />
                    <OwnerForm workshop item=item.clone() refresh />
                    <Milestones workshop item=item.clone() refresh />
                    {item.pinned.then(|| view! { <UnpinForm workshop item=item.clone() refresh /> })}
                }
            })}
            {may.follow_up.then(|| view! { <FollowUpForm workshop item=item.clone() refresh /> })}
        </details>
    }
}

#[component]
fn DatesForm(workshop: WorkshopId, item: ItemView, refresh: RwSignal<u32>) -> impl IntoView {
    let lang = use_lang();
    let action = ServerAction::<EditItemDates>::new();
    refresh_after(action, refresh);
    let error = error_of(action);
    let dom = format!("rm-{}", item.id);
    view! {
        <ActionForm action attr:class="rm-dates">
            <fieldset class="stack">
                <legend>{lang.t(Key::RmStart)} " / " {lang.t(Key::RmEnd)}</legend>
                <input type="hidden" name="workshop" value=workshop.to_string() />
                <input type="hidden" name="item" value=item.id.to_string() />
                <input type="hidden" name="version" value=item.version.to_string() />
                <label for=format!("{dom}-start")>{lang.t(Key::RmStart)}</label>
                <input id=format!("{dom}-start") type="date" name="starts_on" value=item.starts_on.clone() required />
                <FieldError error field="starts_on" />
                <label for=format!("{dom}-end")>{lang.t(Key::RmEnd)}</label>
                <input id=format!("{dom}-end") type="date" name="ends_on" value=item.ends_on.clone() aria-describedby=format!("{dom}-end-help") />
                <p class="hint small" id=format!("{dom}-end-help")>{lang.t(Key::RmEndHelp)}</p>
                <FieldError error field="ends_on" />
                <FieldError error field="" />
                <button type="submit" class="button secondary">{lang.t(Key::RmSaveDates)}</button>
            </fieldset>
        </ActionForm>
    }
}

#[component]
fn OwnerForm(workshop: WorkshopId, item: ItemView, refresh: RwSignal<u32>) -> impl IntoView {
    let lang = use_lang();
    let action = ServerAction::<SetItemOwner>::new();
    refresh_after(action, refresh);
    let error = error_of(action);
    let dom = format!("rm-{}-owner", item.id);
    view! {
        <ActionForm action attr:class="rm-owner">
            <div class="stack">
                <input type="hidden" name="workshop" value=workshop.to_string() />
                <input type="hidden" name="item" value=item.id.to_string() />
                <input type="hidden" name="version" value=item.version.to_string() />
                <label for=dom.clone()>{lang.t(Key::RmOwner)}</label>
                <input id=dom type="text" name="owner" value=item.owner.clone() maxlength="120" required />
                <FieldError error field="owner" />
                <FieldError error field="" />
                <button type="submit" class="button secondary">{lang.t(Key::RmSaveOwner)}</button>
            </div>
        </ActionForm>
    }
}

#[component]
fn Milestones(workshop: WorkshopId, item: ItemView, refresh: RwSignal<u32>) -> impl IntoView {
    let lang = use_lang();
    let add = ServerAction::<AddMilestone>::new();
    refresh_after(add, refresh);
    let error = error_of(add);
    let dom = format!("rm-{}-new", item.id);
    let version = item.version;
    view! {
        <fieldset class="rm-milestones">
            <legend>{lang.t(Key::RmMilestones)}</legend>
            <ul class="plain">
                {item
                    .milestones
                    .iter()
                    .cloned()
                    .map(|milestone| view! { <MilestoneRow workshop milestone version refresh /> })
                    .collect_view()}
            </ul>
            <ActionForm action=add attr:class="rm-milestone-add">
                <div class="rm-row">
                    <input type="hidden" name="workshop" value=workshop.to_string() />
                    <input type="hidden" name="item" value=item.id.to_string() />
                    <input type="hidden" name="version" value=version.to_string() />
                    <label for=format!("{dom}-title")>{lang.t(Key::RmMilestoneTitle)}</label>
                    <input id=format!("{dom}-title") type="text" name="title" maxlength="200" required />
                    <label for=format!("{dom}-due")>{lang.t(Key::RmMilestoneDue)}</label>
                    <input id=format!("{dom}-due") type="date" name="due_on" min=item.starts_on.clone() max=item.ends_on.clone() required />
                    <button type="submit" class="button secondary">{lang.t(Key::RmAddMilestone)}</button>
                </div>
                <FieldError error field="title" />
                <FieldError error field="due_on" />
                <FieldError error field="" />
            </ActionForm>
        </fieldset>
    }
}

#[component]
fn MilestoneRow(
    workshop: WorkshopId,
    milestone: MilestoneView,
    /// The item's version.
    version: i64,
    refresh: RwSignal<u32>,
) -> impl IntoView {
    let lang = use_lang();
    let edit = ServerAction::<EditMilestone>::new();
    let remove = ServerAction::<RemoveMilestone>::new();
    refresh_after(edit, refresh);
    refresh_after(remove, refresh);
    let error = Signal::derive(move || error_of(edit).get().or_else(|| error_of(remove).get()));
    let dom = format!("rm-m{}", milestone.id);
    view! {
        <li class="rm-milestone">
            <ActionForm action=edit>
                <div class="rm-row">
                    <input type="hidden" name="workshop" value=workshop.to_string() />
                    <input type="hidden" name="milestone" value=milestone.id.to_string() />
                    <input type="hidden" name="version" value=version.to_string() />
                    <label for=format!("{dom}-title") class="visually-hidden">{lang.t(Key::RmMilestoneTitle)}</label>
                    <input id=format!("{dom}-title") type="text" name="title" value=milestone.title.clone() maxlength="200" required />
                    <label for=format!("{dom}-due") class="visually-hidden">{lang.t(Key::RmMilestoneDue)}</label>
                    <input id=format!("{dom}-due") type="date" name="due_on" value=milestone.due_on.clone() required />
                    <button type="submit" class="button secondary">{lang.t(Key::RmSaveMilestone)}</button>
                </div>
            </ActionForm>
            <ActionForm action=remove>
                <input type="hidden" name="workshop" value=workshop.to_string() />
                <input type="hidden" name="milestone" value=milestone.id.to_string() />
                <input type="hidden" name="version" value=version.to_string() />
                <button type="submit" class="button link">{lang.t(Key::RmRemoveMilestone)}</button>
            </ActionForm>
            <FieldError error field="title" />
            <FieldError error field="due_on" />
            <FieldError error field="" />
        </li>
    }
}

#[component]
fn UnpinForm(workshop: WorkshopId, item: ItemView, refresh: RwSignal<u32>) -> impl IntoView {
    let lang = use_lang();
    let action = ServerAction::<UnpinItem>::new();
    refresh_after(action, refresh);
    let error = error_of(action);
    view! {
        <ActionForm action attr:class="rm-unpin">
            <input type="hidden" name="workshop" value=workshop.to_string() />
            <input type="hidden" name="item" value=item.id.to_string() />
            <input type="hidden" name="version" value=item.version.to_string() />
            <button type="submit" class="button secondary">{lang.t(Key::RmUnpin)}</button>
            <FieldError error field="" />
        </ActionForm>
    }
}

#[component]
fn FollowUpForm(workshop: WorkshopId, item: ItemView, refresh: RwSignal<u32>) -> impl IntoView {
    let lang = use_lang();
    let action = ServerAction::<SetItemStatus>::new();
    refresh_after(action, refresh);
    let error = error_of(action);
    let dom = format!("rm-{}-follow", item.id);
    view! {
        <ActionForm action attr:class="rm-follow-up">
            <fieldset class="stack">
                <legend>{lang.t(Key::RmFollowUp)}</legend>
                <p class="hint small">{lang.t(Key::RmFollowUpHelp)}</p>
                <input type="hidden" name="workshop" value=workshop.to_string() />
                <input type="hidden" name="item" value=item.id.to_string() />
                <input type="hidden" name="version" value=item.version.to_string() />
                <label for=format!("{dom}-status")>{lang.t(Key::RmStatus)}</label>
                <select id=format!("{dom}-status") name="status">
                    {Status::ALL
                        .into_iter()
                        .map(|s| view! { <option value=s.as_str() selected=s == item.status>{lang.t(s.name_key())}</option> })
                        .collect_view()}
                </select>
                <FieldError error field="status" />
                <label for=format!("{dom}-progress")>{lang.t(Key::RmProgress)}</label>
                <input id=format!("{dom}-progress") type="number" name="progress" min="0" max="100" step="1" value=item.progress.to_string() required />
                <FieldError error field="progress" />
                <FieldError error field="" />
                <button type="submit" class="button secondary">{lang.t(Key::RmSaveFollowUp)}</button>
            </fieldset>
        </ActionForm>
    }
}
