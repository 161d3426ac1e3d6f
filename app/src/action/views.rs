//! `/workshops/:id/actions`: the team's weaknesses with suggested starting points, the
//! proposal form, the ranked actions with their scores explained, dot voting, MoSCoW tags
//! for the lead, and the impact/effort matrix. Phone-first.

use std::collections::BTreeSet;

use leptos::form::ActionForm;
use leptos::html;
use leptos::prelude::*;

use super::model::{CostBand, Moscow, RankedAction, Rating};
use super::server::{
    my_team_actions, DeleteAction, IndicatorChoice, ProposeAction, SetMoscow, TeamActions, Unvote,
    UpdateAction, Vote,
};
use super::tables::{MatrixWithTable, ScoreTerms};
use crate::assessment::views::{ParticipantNav, Tab};
use crate::error::AppError;
use crate::i18n::{use_lang, Key, Lang};
use crate::ids::{ActionId, IndicatorId, WorkshopId};
use crate::ui::{error_of, loaded, refresh_after, FieldError};
use crate::workshop::{load_for, workshop_param};

/// The participant's prioritisation page.
#[component]
pub fn ActionsPage() -> impl IntoView {
    let id = workshop_param();
    let refresh = RwSignal::new(0_u32);
    let data = Resource::new(
        move || (id.get(), refresh.get()),
        |(id, _)| load_for(id, my_team_actions),
    );
    loaded(data, move |view| view! { <ActionsBody view refresh /> })
}

fn level_text(level: Option<f64>, lang: Lang) -> String {
    level
        .map(|l| format!("{l:.1}"))
        .unwrap_or_else(|| lang.t(Key::ResultsNoValue).to_owned())
}

#[component]
fn ActionsBody(view: TeamActions, refresh: RwSignal<u32>) -> impl IntoView {
    let lang = use_lang();
    let id = view.workshop.id;
    let title = RwSignal::new(String::new());
    let description = RwSignal::new(String::new());
    let chosen = RwSignal::new(BTreeSet::<IndicatorId>::new());
    let title_ref = NodeRef::<html::Input>::new();
    let remaining = lang
        .t(Key::ActRemainingDots)
        .replace("{n}", &view.remaining.to_string())
        .replace("{m}", &view.settings.dots.per_participant.to_string());
    let stacking = if view.settings.dots.stack {
        lang.t(Key::ActStackingOn)
    } else {
        lang.t(Key::ActStackingOff)
    };
    let weaknesses: Vec<IndicatorChoice> = view
        .indicators
        .iter()
        .filter(|i| i.is_weakness())
        .cloned()
        .collect();
    let start_from = move |indicator: IndicatorId, t: String, d: String| {
        title.set(t);
        description.set(d);
        chosen.update(|c| {
            c.insert(indicator);
        });
        if let Some(input) = title_ref.get() {
            let _ = input.focus();
            input.scroll_into_view();
        }
    };
    let others: Vec<(ActionId, String)> = view
        .actions
        .iter()
        .map(|a| (a.id, a.title.clone()))
        .collect();
    let count = view.actions.len();
    view! {
        <ParticipantNav
            workshop=id
            title=view.workshop.title.clone()
            me=view.me.clone()
            current=Tab::Actions
            page=lang.t(Key::ActPageTitle).to_owned()
        />
        <section class="page actions-page">
            <h1>{lang.t(Key::ActPageTitle)} ": " {view.me.team_name.clone()}</h1>
            {(!view.can_edit).then(|| view! {
                <p class="notice" role="status">{lang.t(Key::ActReadOnly)}</p>
            })}
            {view.can_vote.then(|| view! {
                <p class="dots-left" aria-live="polite">
                    <strong>{remaining}</strong> " · " {stacking}
                </p>
            })}

            <section aria-labelledby="weak-title" class="weaknesses">
                <h2 id="weak-title">{lang.t(Key::ActWeaknessesTitle)}</h2>
                {if weaknesses.is_empty() {
                    view! { <p class="muted">{lang.t(Key::ActNoWeaknesses)}</p> }.into_any()
                } else {
                    view! {
                        <ul class="weakness-list">
                            {weaknesses
                                .into_iter()
                                .map(|w| {
                                    let indicator = w.id;
                                    view! {
                                        <li>
                                            <p>
                                                <span class="code">{w.code.clone()}</span> " "
                                                {w.name.get(lang).to_owned()} " "
                                                <span class="muted">"(" {level_text(w.level, lang)} ")"</span>
                                            </p>
                                            {(!w.suggestions.is_empty()).then(|| view! {
                                                <ul class="suggestions">
                                                    {w.suggestions
                                                        .iter()
                                                        .map(|s| {
                                                            let t = s.title.get(lang).to_owned();
                                                            let d = s.description.get(lang).to_owned();
                                                            let (t2, d2) = (t.clone(), d.clone());
                                                            view! {
                                                                <li>
                                                                    <span>{t}</span>
                                                                    {view.can_edit.then(|| view! {
                                                                        <button
                                                                            type="button"
                                                                            class="button small secondary"
                                                                            aria-label=lang.t(Key::ActUseSuggestionLabel).replace("{title}", &t2)
                                                                            on:click=move |_| start_from(indicator, t2.clone(), d2.clone())
                                                                        >
                                                                            {lang.t(Key::ActUseSuggestion)}
                                                                        </button>
                                                                    })}
                                                                </li>
                                                            }
                                                        })
                                                        .collect_view()}
                                                </ul>
                                            })}
                                            // Learning: the primer and the experiences for this indicator.
                                            <crate::learning::IndicatorLearning workshop=id code=w.code.clone() pillar=String::new() fragment="weak-title".to_owned() />
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    }
                        .into_any()
                }}
            </section>

            {view.can_edit.then(|| view! {
                <ProposeForm
                    workshop=id
                    choices=view.indicators.clone()
                    others=others.clone()
                    title
                    description
                    chosen
                    title_ref
                    refresh
                />
            })}

            <section aria-labelledby="ranked-title">
                <h2 id="ranked-title">{lang.t(Key::ActRankedTitle)}</h2>
                <p class="muted small">{lang.t(Key::ActRankedHelp)}</p>
                {if count == 0 {
                    view! { <p class="muted">{lang.t(Key::ActNoActions)}</p> }.into_any()
                } else {
                    view! {
                        <ol class="action-list">
                            {view
                                .actions
                                .iter()
                                .enumerate()
                                .map(|(rank, a)| {
                                    view! {
                                        <ActionCard
                                            rank=rank + 1
                                            action=a.clone()
                                            page=view.clone()
                                            refresh
                                        />
                                    }
                                })
                                .collect_view()}
                        </ol>
                    }
                        .into_any()
                }}
            </section>

            // Implementation needs: what the team needs to implement these actions.
            <crate::needs::TeamNeedsSection workshop=id refresh />

            <section aria-labelledby="matrix-title">
                <h2 id="matrix-title">{lang.t(Key::ActMatrixTitle)}</h2>
                <p class="muted small">{lang.t(Key::ActMatrixHelp)}</p>
                <MatrixWithTable id="action-matrix" actions=view.actions.clone() />
            </section>
        </section>
    }
}

/// The fields shared by the proposal and edit forms.
#[component]
#[allow(clippy::too_many_arguments)]
fn ActionFields(
    /// Prefix of the fields' ids, unique on the page.
    dom: String,
    /// The indicators, weaknesses first.
    choices: Vec<IndicatorChoice>,
    /// The team's other actions, for dependencies.
    others: Vec<(ActionId, String)>,
    title: RwSignal<String>,
    description: RwSignal<String>,
    chosen: RwSignal<BTreeSet<IndicatorId>>,
    #[prop(optional)] title_ref: Option<NodeRef<html::Input>>,
    /// Initial values of the rest.
    unit: String,
    impact: u8,
    effort: u8,
    cost: CostBand,
    depends_on: Vec<ActionId>,
    error: Signal<Option<AppError>>,
) -> impl IntoView {
    let lang = use_lang();
    let title_ref = title_ref.unwrap_or_default();
    let d = {
        let dom = dom.clone();
        move |name: &str| format!("{dom}-{name}")
    };
    let d_rating = d.clone();
    let rating = move |name: &'static str, label: Key, low: Key, high: Key, value: u8| {
        let id = d_rating(name);
        let label_for = id.clone();
        view! {
            <label for=label_for>{lang.t(label)}</label>
            <select id=id name=name required>
                {Rating::ALL
                    .iter()
                    .map(|r| {
                        let n = r.get();
                        let text = match n {
                            1 => format!("1 — {}", lang.t(low)),
                            5 => format!("5 — {}", lang.t(high)),
                            n => n.to_string(),
                        };
                        view! { <option value=n.to_string() selected=n == value>{text}</option> }
                    })
                    .collect_view()}
            </select>
            <FieldError error field=name />
        }
    };
    view! {
        <label for=d("title")>{lang.t(Key::ActTitle)}</label>
        <input
            id=d("title")
            name="title"
            type="text"
            maxlength="200"
            required
            node_ref=title_ref
            prop:value=move || title.get()
            on:input=move |ev| title.set(event_target_value(&ev))
        />
        <FieldError error field="title" />
        <label for=d("description")>{lang.t(Key::ActDescription)}</label>
        <textarea
            id=d("description")
            name="description"
            rows="3"
            maxlength="4000"
            prop:value=move || description.get()
            on:input=move |ev| description.set(event_target_value(&ev))
        >
            {description.get_untracked()}
        </textarea>
        <FieldError error field="description" />
        <label for=d("unit")>{lang.t(Key::ActUnit)}</label>
        <input id=d("unit") name="unit" type="text" maxlength="120" required value=unit />
        <FieldError error field="unit" />
        <fieldset class="indicator-choices">
            <legend>{lang.t(Key::ActIndicators)}</legend>
            <p class="muted small">{lang.t(Key::ActIndicatorsHelp)}</p>
            <div class="choice-scroll">
                {choices
                    .into_iter()
                    .map(|c| {
                        let id = c.id;
                        let box_id = d(&format!("ind-{}", c.id));
                        let label_for = box_id.clone();
                        view! {
                            <label class="check" for=label_for class:weak=c.is_weakness()>
                                <input
                                    id=box_id
                                    type="checkbox"
                                    name="indicators[]"
                                    value=c.id.to_string()
                                    prop:checked=move || chosen.with(|s| s.contains(&id))
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        chosen.update(|s| {
                                            if on { s.insert(id); } else { s.remove(&id); }
                                        });
                                    }
                                />
                                <span class="check-text">
                                    <span class="code">{c.code.clone()}</span> " " {c.name.get(lang).to_owned()}
                                </span>
                            </label>
                        }
                    })
                    .collect_view()}
            </div>
            <FieldError error field="indicators" />
        </fieldset>
        {rating("impact", Key::ActImpact, Key::ActLow, Key::ActHigh, impact)}
        {rating("effort", Key::ActEffort, Key::ActLow, Key::ActHigh, effort)}
        <label for=d("cost")>{lang.t(Key::ActCost)}</label>
        <select id=d("cost") name="cost" required>
            {CostBand::ALL
                .iter()
                .map(|c| view! { <option value=c.as_str() selected=*c == cost>{lang.t(c.name_key())}</option> })
                .collect_view()}
        </select>
        <FieldError error field="cost" />
        {(!others.is_empty()).then(|| view! {
            <fieldset class="dependency-choices">
                <legend>{lang.t(Key::ActDependsOn)}</legend>
                {others
                    .into_iter()
                    .map(|(other, name)| {
                        let box_id = d(&format!("dep-{other}"));
                        let label_for = box_id.clone();
                        view! {
                            <label class="check" for=label_for>
                                <input
                                    id=box_id
                                    type="checkbox"
                                    name="depends_on[]"
                                    value=other.to_string()
                                    checked=depends_on.contains(&other)
                                />
                                <span class="check-text">{name}</span>
                            </label>
                        }
                    })
                    .collect_view()}
                <FieldError error field="depends_on" />
            </fieldset>
        })}
    }
}

#[component]
#[allow(clippy::too_many_arguments)]
fn ProposeForm(
    workshop: WorkshopId,
    choices: Vec<IndicatorChoice>,
    others: Vec<(ActionId, String)>,
    title: RwSignal<String>,
    description: RwSignal<String>,
    chosen: RwSignal<BTreeSet<IndicatorId>>,
    title_ref: NodeRef<html::Input>,
    refresh: RwSignal<u32>,
) -> impl IntoView {
    let lang = use_lang();
    let action = ServerAction::<ProposeAction>::new();
    let error = error_of(action);
    Effect::new(move |_| {
        if matches!(action.value().get(), Some(Ok(_))) {
            title.set(String::new());
            description.set(String::new());
            chosen.set(BTreeSet::new());
            refresh.update(|n| *n += 1);
        }
    });
    view! {
        <section aria-labelledby="propose-title" class="card propose">
            <h2 id="propose-title">{lang.t(Key::ActProposeTitle)}</h2>
            <ActionForm action>
                <div class="stack">
                    <input type="hidden" name="workshop" value=workshop.to_string() />
                    <ActionFields
                        dom="new".to_owned()
                        choices
                        others
                        title
                        description
                        chosen
                        title_ref
                        unit=String::new()
                        impact=3
                        effort=3
                        cost=CostBand::Low
                        depends_on=Vec::new()
                        error
                    />
                    <FieldError error field="" />
                    <button type="submit" class="button">{lang.t(Key::ActProposeSubmit)}</button>
                </div>
            </ActionForm>
        </section>
    }
}

/// One ranked action.
#[component]
fn ActionCard(
    rank: usize,
    action: RankedAction,
    page: TeamActions,
    refresh: RwSignal<u32>,
) -> impl IntoView {
    let lang = use_lang();
    let workshop = page.workshop.id;
    let mine = page.dots_on(action.id);
    let vote = ServerAction::<Vote>::new();
    let unvote = ServerAction::<Unvote>::new();
    let tag = ServerAction::<SetMoscow>::new();
    let delete = ServerAction::<DeleteAction>::new();
    refresh_after(vote, refresh);
    refresh_after(unvote, refresh);
    refresh_after(tag, refresh);
    refresh_after(delete, refresh);
    let vote_error = Signal::derive(move || {
        vote.value()
            .get()
            .and_then(Result::err)
            .or_else(|| unvote.value().get().and_then(Result::err))
    });
    let tag_error = error_of(tag);
    let delete_error = error_of(delete);
    let title = action.title.clone();
    let depends: Vec<String> = action
        .depends_on
        .iter()
        .filter_map(|d| page.actions.iter().find(|a| a.id == *d))
        .map(|a| a.title.clone())
        .collect();
    let others: Vec<(ActionId, String)> = page
        .actions
        .iter()
        .filter(|a| a.id != action.id)
        .map(|a| (a.id, a.title.clone()))
        .collect();
    let can_add = page.can_vote && page.remaining > 0 && (page.settings.dots.stack || mine == 0);
    let id_text = action.id.to_string();
    let w_text = workshop.to_string();
    let hidden = move || {
        view! {
            <input type="hidden" name="workshop" value=w_text.clone() />
            <input type="hidden" name="action" value=id_text.clone() />
        }
    };
    let score_line = lang
        .t(Key::ActScoreLine)
        .replace("{score}", &format!("{:.1}", action.score.total));
    view! {
        <li class="action-card card" id=format!("action-{}", action.id)>
            <h3>
                <span class="rank">{rank} "."</span> " " {title.clone()}
                {action.moscow.map(|m| view! { <span class=format!("badge moscow-{}", m.as_str())>{lang.t(m.name_key())}</span> })}
            </h3>
            {(!action.description.is_empty()).then(|| view! { <p>{action.description.clone()}</p> })}
            <dl class="action-facts">
                <dt>{lang.t(Key::ActUnit)}</dt><dd>{action.unit.clone()}</dd>
                <dt>{lang.t(Key::ActImpact)}</dt><dd>{action.impact.get()} "/5"</dd>
                <dt>{lang.t(Key::ActEffort)}</dt><dd>{action.effort.get()} "/5"</dd>
                <dt>{lang.t(Key::ActCost)}</dt><dd>{lang.t(action.cost.name_key())}</dd>
                <dt>{lang.t(Key::ActQuadrant)}</dt><dd>{lang.t(super::charts::quadrant_key(action.quadrant))}</dd>
                {(!action.indicators.is_empty()).then(|| view! {
                    <dt>{lang.t(Key::ActIndicators)}</dt><dd>{action.indicators.join(", ")}</dd>
                })}
                {(!depends.is_empty()).then(|| view! {
                    <dt>{lang.t(Key::ActDependsOn)}</dt><dd>{depends.join(", ")}</dd>
                })}
            </dl>
            <p class="score"><strong>{score_line}</strong></p>
            <details class="why">
                <summary>{lang.t(Key::ActWhyTitle)}</summary>
                <ScoreTerms score=action.score.clone() />
            </details>
            <div class="votes">
                <span>
                    {lang.t(Key::ActDotsTotal).replace("{n}", &action.dots.to_string())} " · "
                    {lang.t(Key::ActMyDots).replace("{n}", &mine.to_string())}
                </span>
                {page.can_vote.then(|| {
                    let (h1, h2) = (hidden.clone(), hidden.clone());
                    let unvote_label = lang.t(Key::ActUnvoteLabel).replace("{title}", &title);
                    let vote_label = lang.t(Key::ActVoteLabel).replace("{title}", &title);
                    view! {
                        <ActionForm action=unvote attr:class="inline">
                            {h1()}
                            <button
                                type="submit"
                                class="button small secondary"
                                disabled=mine == 0
                                aria-label=unvote_label
                            >
                                "−"
                            </button>
                        </ActionForm>
                        <ActionForm action=vote attr:class="inline">
                            {h2()}
                            <button
                                type="submit"
                                class="button small"
                                disabled=!can_add
                                aria-label=vote_label
                            >
                                "+"
                            </button>
                        </ActionForm>
                    }
                })}
                <FieldError error=vote_error field="" />
            </div>
            {page.can_tag.then(|| {
                let dom = format!("moscow-{}", action.id);
                let h = hidden.clone();
                view! {
                    <ActionForm action=tag attr:class="inline moscow-form">
                        {h()}
                        <label for=dom.clone()>{lang.t(Key::ActMoscowLabel)}</label>
                        <select id=dom name="moscow">
                            <option value="" selected=action.moscow.is_none()>{lang.t(Key::ActMoscowNone)}</option>
                            {Moscow::ALL
                                .iter()
                                .map(|m| view! { <option value=m.as_str() selected=action.moscow == Some(*m)>{lang.t(m.name_key())}</option> })
                                .collect_view()}
                        </select>
                        <button type="submit" class="button small secondary">{lang.t(Key::ActMoscowSubmit)}</button>
                        <FieldError error=tag_error field="" />
                    </ActionForm>
                }
            })}
            {page.can_edit.then(|| {
                let h = hidden.clone();
                view! {
                    <EditForm workshop action=action.clone() choices=page.indicators.clone() others refresh />
                    <details class="delete">
                        <summary>{lang.t(Key::ActDelete)}</summary>
                        <ActionForm action=delete>
                            {h()}
                            <p>{lang.t(Key::ActDeleteConfirm)}</p>
                            <button type="submit" class="button danger small">{lang.t(Key::ActDeleteSubmit)}</button>
                            <FieldError error=delete_error field="" />
                        </ActionForm>
                    </details>
                }
            })}
        </li>
    }
}

#[component]
fn EditForm(
    workshop: WorkshopId,
    action: RankedAction,
    choices: Vec<IndicatorChoice>,
    others: Vec<(ActionId, String)>,
    refresh: RwSignal<u32>,
) -> impl IntoView {
    let lang = use_lang();
    let update = ServerAction::<UpdateAction>::new();
    refresh_after(update, refresh);
    let error = error_of(update);
    let title = RwSignal::new(action.title.clone());
    let description = RwSignal::new(action.description.clone());
    let chosen = RwSignal::new(
        choices
            .iter()
            .filter(|c| action.indicators.contains(&c.code))
            .map(|c| c.id)
            .collect::<BTreeSet<_>>(),
    );
    view! {
        <details class="edit">
            <summary>{lang.t(Key::ActEdit)}</summary>
            <ActionForm action=update>
                <div class="stack">
                    <input type="hidden" name="workshop" value=workshop.to_string() />
                    <input type="hidden" name="action" value=action.id.to_string() />
                    <input type="hidden" name="version" value=action.version.to_string() />
                    <ActionFields
                        dom=format!("edit-{}", action.id)
                        choices
                        others
                        title
                        description
                        chosen
                        unit=action.unit.clone()
                        impact=action.impact.get()
                        effort=action.effort.get()
                        cost=action.cost
                        depends_on=action.depends_on.clone()
                        error
                    />
                    <FieldError error field="" />
                    <button type="submit" class="button">{lang.t(Key::ActEditSubmit)}</button>
                </div>
            </ActionForm>
        </details>
    }
}
