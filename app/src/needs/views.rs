//! The needs section of a team's actions page, and the needs chart and table of the
//! facilitator's dashboard. Phone-first; every form works without JavaScript.

use leptos::form::ActionForm;
use leptos::prelude::*;

use super::charts::needs_bars;
use super::model::{Need, NeedKind, NeedsSummary, TeamNeeds, MAX_DESCRIPTION};
use super::rules::share;
use super::server::{my_team_needs, workshop_needs, DeleteNeed, RecordNeed, UpdateNeed};
use crate::error::AppError;
use crate::i18n::{use_lang, Key, Lang};
use crate::ids::{ActionId, WorkshopId};
use crate::ui::{error_of, refresh_after, EChart, FieldError};

/// A loading failure inside a page that has loaded: a notice, without changing the page's
/// HTTP status (the rest of the page is fine).
fn failed(error: &AppError, lang: Lang) -> AnyView {
    view! { <p class="notice error" role="alert">{error.message(lang)}</p> }.into_any()
}

/// What the team needs to implement its actions, beside them on the actions page: the
/// needs recorded, a form to record one, and each need's edit and delete forms.
#[component]
pub fn TeamNeedsSection(
    /// The workshop.
    workshop: WorkshopId,
    /// The page's reload key: the needs reload with the actions (an action deleted takes its
    /// links with it).
    #[prop(into)]
    refresh: Signal<u32>,
) -> impl IntoView {
    let lang = use_lang();
    let mine = RwSignal::new(0_u32);
    let data = Resource::new(
        move || (workshop, refresh.get(), mine.get()),
        |(workshop, _, _)| my_team_needs(workshop),
    );
    view! {
        <section class="needs-section" aria-labelledby="needs-title">
            <h2 id="needs-title">{lang.t(Key::NeedTitle)}</h2>
            <p class="muted small">{lang.t(Key::NeedIntro)}</p>
            <Transition fallback=move || view! { <p>{lang.t(Key::Loading)}</p> }>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(page) => view! { <NeedsBody workshop page refresh=mine /> }.into_any(),
                        Err(error) => failed(&error, lang),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn NeedsBody(workshop: WorkshopId, page: TeamNeeds, refresh: RwSignal<u32>) -> impl IntoView {
    let lang = use_lang();
    let list = if page.needs.is_empty() {
        view! { <p class="muted">{lang.t(Key::NeedNone)}</p> }.into_any()
    } else {
        view! {
            <ul class="need-list">
                {page
                    .needs
                    .iter()
                    .map(|need| {
                        view! {
                            <NeedCard
                                workshop
                                need=need.clone()
                                actions=page.actions.clone()
                                can_edit=page.can_edit
                                refresh
                            />
                        }
                    })
                    .collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        {(!page.can_edit).then(|| view! {
            <p class="notice" role="status">{lang.t(Key::NeedReadOnly)}</p>
        })}
        {list}
        {page.can_edit.then(|| view! { <RecordForm workshop actions=page.actions.clone() refresh /> })}
    }
}

/// The kinds and what each covers, for a reader unsure which to pick.
fn kinds_help(lang: Lang) -> impl IntoView {
    view! {
        <details class="need-kinds-help">
            <summary>{lang.t(Key::NeedKindsHelp)}</summary>
            <dl>
                {NeedKind::ALL
                    .into_iter()
                    .map(|k| view! { <dt>{lang.t(k.name_key())}</dt><dd>{lang.t(k.hint_key())}</dd> })
                    .collect_view()}
            </dl>
        </details>
    }
}

/// The fields shared by the record and edit forms.
#[component]
fn NeedFields(
    /// Prefix of the fields' ids, unique on the page.
    dom: String,
    /// The team's actions.
    actions: Vec<(ActionId, String)>,
    /// Initial values.
    kind: Option<NeedKind>,
    description: String,
    unblocks: Vec<ActionId>,
    error: Signal<Option<AppError>>,
) -> impl IntoView {
    let lang = use_lang();
    let d = move |name: &str| format!("{dom}-{name}");
    let hint = d("description-hint");
    let unblocks_view = if actions.is_empty() {
        view! { <p class="muted small">{lang.t(Key::NeedNoActions)}</p> }.into_any()
    } else {
        actions
            .into_iter()
            .map(|(action, title)| {
                let box_id = d(&format!("unblocks-{action}"));
                let label_for = box_id.clone();
                view! {
                    <label class="check" for=label_for>
                        <input
                            id=box_id
                            type="checkbox"
                            name="unblocks[]"
                            value=action.to_string()
                            checked=unblocks.contains(&action)
                        />
                        <span class="check-text">{title}</span>
                    </label>
                }
            })
            .collect_view()
            .into_any()
    };
    view! {
        <label for=d("kind")>{lang.t(Key::NeedKind)}</label>
        <select id=d("kind") name="kind" required>
            <option value="" selected=kind.is_none()>{lang.t(Key::NeedKindChoose)}</option>
            {NeedKind::ALL
                .into_iter()
                .map(|k| view! { <option value=k.as_str() selected=kind == Some(k)>{lang.t(k.name_key())}</option> })
                .collect_view()}
        </select>
        <FieldError error field="kind" />
        {kinds_help(lang)}
        <label for=d("description")>{lang.t(Key::NeedDescription)}</label>
        <p class="muted small" id=hint.clone()>{lang.t(Key::NeedDescriptionHint)}</p>
        <textarea
            id=d("description")
            name="description"
            rows="3"
            maxlength=MAX_DESCRIPTION.to_string()
            required
            aria-describedby=hint
        >
            {description}
        </textarea>
        <FieldError error field="description" />
        <fieldset class="need-unblocks">
            <legend>{lang.t(Key::NeedUnblocks)}</legend>
            <p class="muted small">{lang.t(Key::NeedUnblocksHelp)}</p>
            {unblocks_view}
            <FieldError error field="unblocks" />
        </fieldset>
    }
}

#[component]
fn RecordForm(
    workshop: WorkshopId,
    actions: Vec<(ActionId, String)>,
    refresh: RwSignal<u32>,
) -> impl IntoView {
    let lang = use_lang();
    let record = ServerAction::<RecordNeed>::new();
    refresh_after(record, refresh);
    let error = error_of(record);
    view! {
        <section class="card need-record" aria-labelledby="need-record-title">
            <h3 id="need-record-title">{lang.t(Key::NeedAddTitle)}</h3>
            <ActionForm action=record>
                <div class="stack">
                    <input type="hidden" name="workshop" value=workshop.to_string() />
                    <NeedFields
                        dom="need-new".to_owned()
                        actions
                        kind=None
                        description=String::new()
                        unblocks=Vec::new()
                        error
                    />
                    <FieldError error field="" />
                    <button type="submit" class="button">{lang.t(Key::NeedAddSubmit)}</button>
                </div>
            </ActionForm>
        </section>
    }
}

/// One recorded need, with its edit and delete forms when the phase allows.
#[component]
fn NeedCard(
    workshop: WorkshopId,
    need: Need,
    actions: Vec<(ActionId, String)>,
    can_edit: bool,
    refresh: RwSignal<u32>,
) -> impl IntoView {
    let lang = use_lang();
    let update = ServerAction::<UpdateNeed>::new();
    let delete = ServerAction::<DeleteNeed>::new();
    refresh_after(update, refresh);
    refresh_after(delete, refresh);
    let update_error = error_of(update);
    let delete_error = error_of(delete);
    let unblocked: Vec<String> = need
        .unblocks
        .iter()
        .filter_map(|a| actions.iter().find(|(id, _)| id == a))
        .map(|(_, title)| title.clone())
        .collect();
    let unblocked = if unblocked.is_empty() {
        lang.t(Key::NeedUnblocksNone).to_owned()
    } else {
        unblocked.join("; ")
    };
    let id = need.id.to_string();
    let w = workshop.to_string();
    view! {
        <li class="need-card card" id=format!("need-{}", need.id)>
            <p><span class=format!("badge need-kind need-{}", need.kind.as_str())>{lang.t(need.kind.name_key())}</span></p>
            <p class="need-description">{need.description.clone()}</p>
            <p class="small">
                <strong>{lang.t(Key::NeedUnblocks)} ": "</strong>
                {unblocked}
            </p>
            {can_edit.then(|| {
                let (id2, w2) = (id.clone(), w.clone());
                view! {
                    <details class="edit">
                        <summary>{lang.t(Key::NeedEdit)}</summary>
                        <ActionForm action=update>
                            <div class="stack">
                                <input type="hidden" name="workshop" value=w.clone() />
                                <input type="hidden" name="need" value=id.clone() />
                                <input type="hidden" name="version" value=need.version.to_string() />
                                <NeedFields
                                    dom=format!("need-{}", need.id)
                                    actions=actions.clone()
                                    kind=Some(need.kind)
                                    description=need.description.clone()
                                    unblocks=need.unblocks.clone()
                                    error=update_error
                                />
                                <FieldError error=update_error field="" />
                                <button type="submit" class="button">{lang.t(Key::NeedEditSubmit)}</button>
                            </div>
                        </ActionForm>
                    </details>
                    <details class="delete">
                        <summary>{lang.t(Key::NeedDelete)}</summary>
                        <ActionForm action=delete>
                            <input type="hidden" name="workshop" value=w2 />
                            <input type="hidden" name="need" value=id2 />
                            <p>{lang.t(Key::NeedDeleteConfirm)}</p>
                            <button type="submit" class="button danger small">{lang.t(Key::NeedDeleteSubmit)}</button>
                            <FieldError error=delete_error field="" />
                        </ActionForm>
                    </details>
                }
            })}
        </li>
    }
}

/// The needs across teams on the facilitator's dashboard: a sentence per kind needed, the
/// chart, the same numbers as a table, and what each team asked for. It reads them again
/// each time the dashboard's event stream announces a change.
#[component]
pub fn NeedsOnDashboard(
    /// The workshop.
    workshop: WorkshopId,
    /// Changes announced so far by the dashboard's event stream.
    changes: ReadSignal<u32>,
) -> impl IntoView {
    let lang = use_lang();
    let data = Resource::new(
        move || (workshop, changes.get()),
        |(workshop, _)| workshop_needs(workshop),
    );
    view! {
        <section class="dash-section needs-dashboard" aria-labelledby="dash-needs-title">
            <h2 id="dash-needs-title">{lang.t(Key::NeedDashTitle)}</h2>
            <p class="muted small">{lang.t(Key::NeedDashRule)}</p>
            <Transition fallback=move || view! { <p>{lang.t(Key::Loading)}</p> }>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(summary) => view! { <NeedsSummaryView summary /> }.into_any(),
                        Err(error) => failed(&error, lang),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn NeedsSummaryView(summary: NeedsSummary) -> impl IntoView {
    let lang = use_lang();
    if summary.needs_total == 0 {
        return view! { <p class="notice">{lang.t(Key::NeedDashNone)}</p> }.into_any();
    }
    let total = summary.teams_total;
    let sentences = summary
        .kinds
        .iter()
        .filter(|k| k.teams > 0)
        .map(|k| {
            // "1 de 23 equipos necesita", "2 de 23 equipos necesitan".
            let sentence = if k.teams == 1 {
                Key::NeedSentenceOne
            } else {
                Key::NeedSentence
            };
            let text = lang
                .t(sentence)
                .replace("{n}", &k.teams.to_string())
                .replace("{m}", &total.to_string())
                .replace("{kind}", lang.t(k.kind.name_key()));
            view! { <li>{text}</li> }
        })
        .collect_view();
    let caption = lang.t(Key::NeedTableCaption).to_owned();
    let rows = summary
        .kinds
        .iter()
        .map(|k| {
            view! {
                <tr>
                    <th scope="row">{lang.t(k.kind.name_key())}</th>
                    <td class="num">{k.teams}</td>
                    <td class="num">{total}</td>
                    <td class="num">{format!("{:.1}", share(k.teams, total))}</td>
                    <td>{if k.team_names.is_empty() { "–".to_owned() } else { k.team_names.join(", ") }}</td>
                </tr>
            }
        })
        .collect_view();
    let descriptions = summary
        .kinds
        .iter()
        .filter(|k| !k.descriptions.is_empty())
        .map(|k| {
            view! {
                <details class="need-descriptions">
                    <summary>{format!("{} ({})", lang.t(k.kind.name_key()), k.descriptions.len())}</summary>
                    <ul>
                        {k.descriptions
                            .iter()
                            .map(|(team, text)| view! { <li><strong>{team.clone()} ": "</strong>{text.clone()}</li> })
                            .collect_view()}
                    </ul>
                </details>
            }
        })
        .collect_view();
    let height = 80 + 36 * u32::try_from(summary.kinds.len()).unwrap_or(7);
    view! {
        <ul class="need-sentences">{sentences}</ul>
        <EChart
            id="dash-needs"
            chart=needs_bars(&summary, lang)
            height
            label=lang.t(Key::NeedChartTitle).to_owned()
        />
        <div class="table-scroll" tabindex="0" role="region" aria-label=caption.clone()>
            <table class="data-table needs-table">
                <caption>{caption.clone()}</caption>
                <thead>
                    <tr>
                        <th scope="col">{lang.t(Key::NeedColKind)}</th>
                        <th scope="col">{lang.t(Key::NeedColTeams)}</th>
                        <th scope="col">{lang.t(Key::NeedColOutOf)}</th>
                        <th scope="col">{lang.t(Key::NeedColShare)}</th>
                        <th scope="col">{lang.t(Key::NeedColWhich)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        <h3>{lang.t(Key::NeedDescriptionsTitle)}</h3>
        {descriptions}
    }
    .into_any()
}
