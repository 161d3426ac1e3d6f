//! `/facilitate/workshops/:id/rounds`: the workshop's rounds, opening the next one, and two
//! rounds compared (a chart per pillar with its table, and tables per indicator).

use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos::server::ServerAction;

use super::charts::{height, pillar_bars, round_name, scope_name};
use super::model::{Change, Comparison, RoundsOverview, ScopeComparison};
use super::rules::{default_pair, signed, Trend};
use super::{compare_rounds, rounds_overview, OpenRound};
use crate::i18n::{use_lang, Key, Lang};
use crate::ui::{loaded, refresh_after, EChart, FieldError};
use crate::workshop::{load_for, workshop_param, StaffNav, StaffTab};

/// The rounds page.
#[component]
pub fn RoundsPage() -> impl IntoView {
    let id = workshop_param();
    let refresh = RwSignal::new(0_u32);
    // Made here, above the reloading part, so the outcome stays shown after the reload.
    let open = ServerAction::<OpenRound>::new();
    refresh_after(open, refresh);
    let data = Resource::new(
        move || (id.get(), refresh.get()),
        |(id, _)| load_for(id, rounds_overview),
    );
    loaded(data, move |overview| view! { <RoundsBody overview open /> })
}

#[component]
fn RoundsBody(overview: RoundsOverview, open: ServerAction<OpenRound>) -> impl IntoView {
    let lang = use_lang();
    let workshop = overview.workshop.id;
    let title = overview.workshop.title.clone();
    let compare = match default_pair(&overview.rounds()) {
        Some(pair) => view! { <CompareSection overview=overview.clone() pair /> }.into_any(),
        None => view! {
            <section class="card" aria-labelledby="round-compare-title">
                <h2 id="round-compare-title">{lang.t(Key::RoundCompareTitle)}</h2>
                <p class="hint">{lang.t(Key::RoundCompareNeedTwo)}</p>
            </section>
        }
        .into_any(),
    };
    view! {
        <StaffNav workshop title current=StaffTab::Rounds />
        <section class="page rounds-page" aria-labelledby="rounds-title">
            <h2 id="rounds-title" class="visually-hidden">{lang.t(Key::RoundTitle)}</h2>
            <p class="lead">{lang.t(Key::RoundIntro)}</p>
            <div class="setup-grid">
                <StatusCard overview=overview.clone() />
                <OpenCard overview=overview.clone() open />
            </div>
            {compare}
        </section>
    }
}

#[component]
fn StatusCard(overview: RoundsOverview) -> impl IntoView {
    let lang = use_lang();
    let closed = if overview.closed.is_empty() {
        view! { <p class="hint">{lang.t(Key::RoundNoneClosed)}</p> }.into_any()
    } else {
        let items = overview
            .closed
            .iter()
            .map(|c| {
                let text = lang
                    .t(Key::RoundClosedItem)
                    .replace("{n}", &c.round.to_string())
                    .replace("{date}", &c.closed_on);
                view! { <li>{text}</li> }
            })
            .collect_view();
        view! { <ul class="round-list">{items}</ul> }.into_any()
    };
    view! {
        <section class="card" aria-labelledby="round-current-title">
            <h2 id="round-current-title">
                {lang.t(Key::RoundCurrent).replace("{n}", &overview.current.to_string())}
            </h2>
            <p>
                {lang.t(Key::RoundPhase)} ": "
                <span class="chip" id="round-phase">{lang.t(overview.workshop.phase.name_key())}</span>
            </p>
            <p class="hint">
                {lang.t(Key::RoundAnswersSoFar).replace("{n}", &overview.answers.to_string())}
            </p>
            <h3>{lang.t(Key::RoundClosedTitle)}</h3>
            {closed}
        </section>
    }
}

#[component]
fn OpenCard(overview: RoundsOverview, open: ServerAction<OpenRound>) -> impl IntoView {
    let lang = use_lang();
    let error = Signal::derive(move || open.value().get().and_then(Result::err));
    let opened = move || {
        open.value().get().and_then(Result::ok).map(|round| {
            view! {
                <p class="notice success" role="status">
                    {lang.t(Key::RoundOpened).replace("{n}", &round.to_string())}
                </p>
            }
        })
    };
    let n = overview.current.to_string();
    let next = (overview.current + 1).to_string();
    let ready = super::rules::opens_rounds(overview.workshop.phase);
    let form = ready.then(|| {
        let explain = lang
            .t(Key::RoundOpenExplain)
            .replace("{n}", &n)
            .replace("{next}", &next);
        view! {
            <ActionForm action=open>
                <input type="hidden" name="workshop" value=overview.workshop.id.to_string() />
                <input type="hidden" name="expected_round" value=n.clone() />
                <p id="round-open-explain">{explain}</p>
                <label class="round-confirm">
                    <input type="checkbox" name="confirm" value="yes" required aria-describedby="round-open-explain" />
                    <span>{lang.t(Key::RoundOpenConfirm).replace("{n}", &n)}</span>
                </label>
                <FieldError error field="confirm" />
                <FieldError error field="" />
                <button type="submit" class="button" id="round-open">
                    {lang.t(Key::RoundOpenSubmit).replace("{next}", &next)}
                </button>
            </ActionForm>
        }
    });
    view! {
        <section class="card" aria-labelledby="round-open-title">
            <h2 id="round-open-title">{lang.t(Key::RoundOpenTitle)}</h2>
            {opened}
            {match form {
                Some(form) => form.into_any(),
                None => view! { <p class="hint">{lang.t(Key::RoundOpenNotYet)}</p> }.into_any(),
            }}
        </section>
    }
}

/// The picker (rounds and team), the charts and the tables.
#[component]
fn CompareSection(overview: RoundsOverview, pair: (u32, u32)) -> impl IntoView {
    let lang = use_lang();
    let workshop = overview.workshop.id;
    let from = RwSignal::new(pair.0);
    let to = RwSignal::new(pair.1);
    // An index into the comparison's teams; `None` for the whole workshop only.
    let team = RwSignal::new(None::<usize>);
    let data = Resource::new(
        move || (from.get(), to.get()),
        move |(from, to)| compare_rounds(workshop, from, to),
    );
    let rounds = overview.rounds();
    let current = overview.current;
    let options = move |selected: RwSignal<u32>| {
        rounds
            .iter()
            .map(|&r| {
                view! {
                    <option value=r.to_string() selected=move || selected.get() == r>
                        {round_name(r, current, lang)}
                    </option>
                }
            })
            .collect_view()
    };
    let (from_options, to_options) = (options(from), options(to));
    let team_options = overview
        .teams
        .iter()
        .enumerate()
        .map(|(i, t)| view! { <option value=i.to_string()>{t.name.clone()}</option> })
        .collect_view();
    let number = |ev: leptos::ev::Event| event_target_value(&ev).parse::<u32>().ok();
    view! {
        <section class="card round-compare" aria-labelledby="round-compare-title">
            <h2 id="round-compare-title">{lang.t(Key::RoundCompareTitle)}</h2>
            <div class="row round-picker">
                <div class="stack">
                    <label for="round-from">{lang.t(Key::RoundFrom)}</label>
                    <select id="round-from" on:change=move |ev| if let Some(r) = number(ev) { from.set(r) }>
                        {from_options}
                    </select>
                </div>
                <div class="stack">
                    <label for="round-to">{lang.t(Key::RoundTo)}</label>
                    <select id="round-to" on:change=move |ev| if let Some(r) = number(ev) { to.set(r) }>
                        {to_options}
                    </select>
                </div>
                <div class="stack">
                    <label for="round-team">{lang.t(Key::RoundScope)}</label>
                    <select id="round-team" on:change=move |ev| team.set(event_target_value(&ev).parse::<usize>().ok())>
                        <option value="">{lang.t(Key::RoundOnlyWorkshop)}</option>
                        {team_options}
                    </select>
                </div>
            </div>
            <p class="hint">{lang.t(Key::RoundHow)}</p>
            <Transition fallback=move || view! { <p>{lang.t(Key::Loading)}</p> }>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(comparison) => view! { <Compared comparison team /> }.into_any(),
                        Err(error) => view! {
                            <p class="field-error" role="alert">{error.message(lang)}</p>
                        }
                        .into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn Compared(comparison: Comparison, team: RwSignal<Option<usize>>) -> impl IntoView {
    let whole = comparison.clone();
    let chosen = comparison.clone();
    let team_part = move || {
        let scope = team.get().and_then(|i| chosen.teams.get(i)).cloned();
        scope.map(|scope| {
            view! { <ScopeView comparison=chosen.clone() scope chart_id="round-chart-team" /> }
        })
    };
    view! {
        <div class="two-columns round-scopes">
            <ScopeView comparison=whole.clone() scope=whole.workshop.clone() chart_id="round-chart-workshop" />
            {team_part}
        </div>
    }
}

/// One scope (the workshop or a team): its chart with the pillar table behind it, and its
/// indicator table.
#[component]
fn ScopeView(
    comparison: Comparison,
    scope: ScopeComparison,
    chart_id: &'static str,
) -> impl IntoView {
    let lang = use_lang();
    let name = scope_name(&scope, lang);
    let chart = pillar_bars(&comparison, &scope, lang);
    let label = lang.t(Key::RoundChartTitle).replace("{scope}", &name);
    view! {
        <div class="round-scope">
            <h3>{label.clone()}</h3>
            <EChart id=chart_id chart height=height(&comparison) label />
            <details class="data-details" open>
                <summary>{lang.t(Key::DashShowTable)}</summary>
                {pillar_table(&comparison, &scope, &name, lang)}
            </details>
            {indicator_table(&comparison, &scope, &name, lang)}
        </div>
    }
}

fn round_headers(comparison: &Comparison, lang: Lang) -> impl IntoView {
    view! {
        <th scope="col" class="num">{round_name(comparison.from, comparison.current, lang)}</th>
        <th scope="col" class="num">{round_name(comparison.to, comparison.current, lang)}</th>
        <th scope="col" class="num">{lang.t(Key::RoundChange)}</th>
    }
}

fn value(v: Option<f64>) -> String {
    v.map(|v| format!("{v:.1}"))
        .unwrap_or_else(|| "—".to_owned())
}

/// A value in both rounds and how it moved: an arrow named in words for screen readers
/// ("up", "down"), and the signed number; colour only repeats what they say.
fn change_cells(change: Change, lang: Lang) -> impl IntoView {
    let moved = match Trend::of(change.change).zip(change.change) {
        Some((trend, delta)) => {
            let class = match trend {
                Trend::Up => "num change up",
                Trend::Down => "num change down",
                Trend::Same => "num change same",
            };
            view! {
                <td class=class>
                    <span role="img" aria-label=lang.t(trend.key())>{trend.arrow()}</span>
                    " " {signed(delta)}
                </td>
            }
            .into_any()
        }
        None => view! {
            <td class="num change none">
                <span role="img" aria-label=lang.t(Key::RoundNoChange)>"—"</span>
            </td>
        }
        .into_any(),
    };
    view! {
        <td class="num">{value(change.from)}</td>
        <td class="num">{value(change.to)}</td>
        {moved}
    }
}

fn scroll(caption: String, table: impl IntoView) -> impl IntoView {
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-label=caption>
            {table}
        </div>
    }
}

fn pillar_table(
    comparison: &Comparison,
    scope: &ScopeComparison,
    name: &str,
    lang: Lang,
) -> impl IntoView {
    let caption = lang.t(Key::RoundPillarsTitle).replace("{scope}", name);
    let rows = comparison
        .pillars
        .iter()
        .zip(&scope.pillars)
        .map(|(pillar, change)| {
            view! {
                <tr>
                    <th scope="row">{pillar.name.get(lang).to_owned()}</th>
                    {change_cells(*change, lang)}
                </tr>
            }
        })
        .collect_view();
    scroll(
        caption.clone(),
        view! {
            <table class="data-table round-table">
                <caption>{caption}</caption>
                <thead>
                    <tr>
                        <th scope="col">{lang.t(Key::RoundPillar)}</th>
                        {round_headers(comparison, lang)}
                    </tr>
                </thead>
                <tbody>
                    {rows}
                    <tr class="total">
                        <th scope="row">{lang.t(Key::RoundRespondents)}</th>
                        <td class="num">{scope.respondents[0]}</td>
                        <td class="num">{scope.respondents[1]}</td>
                        <td></td>
                    </tr>
                </tbody>
            </table>
        },
    )
}

fn indicator_table(
    comparison: &Comparison,
    scope: &ScopeComparison,
    name: &str,
    lang: Lang,
) -> impl IntoView {
    let caption = lang.t(Key::RoundIndicatorsTitle).replace("{scope}", name);
    let groups = comparison
        .pillars
        .iter()
        .enumerate()
        .map(|(p, pillar)| {
            let rows = comparison
                .indicators
                .iter()
                .zip(&scope.indicators)
                .filter(|(i, _)| i.pillar == p)
                .map(|(indicator, change)| {
                    view! {
                        <tr>
                            <th scope="row">
                                <span class="code">{indicator.code.clone()}</span> " "
                                <span class="round-indicator-name">{indicator.name.get(lang).to_owned()}</span>
                            </th>
                            {change_cells(*change, lang)}
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <tbody>
                    <tr class="round-group">
                        <th scope="colgroup" colspan="4">{pillar.name.get(lang).to_owned()}</th>
                    </tr>
                    {rows}
                </tbody>
            }
        })
        .collect_view();
    scroll(
        caption.clone(),
        view! {
            <table class="data-table round-table">
                <caption>{caption}</caption>
                <thead>
                    <tr>
                        <th scope="col">{lang.t(Key::RoundIndicator)}</th>
                        {round_headers(comparison, lang)}
                    </tr>
                </thead>
                {groups}
            </table>
        },
    )
}
