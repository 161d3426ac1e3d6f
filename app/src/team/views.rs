//! `/workshops/:id/team`: the participant's team — consensus, spread, flags, radar, and the
//! lead's settling of levels.

use leptos::form::ActionForm;
use leptos::prelude::*;

use super::rules::{IndicatorConsensus, DISAGREEMENT_IQR, DISAGREEMENT_RANGE};
use super::{team_view, SettleConsensus, TeamIndicator, TeamView};
use crate::assessment::views::{ParticipantNav, Tab};
use crate::error::AppError;
use crate::i18n::{use_lang, Key, Lang};
use crate::ids::WorkshopId;
use crate::results::aggregate::round1;
use crate::results::charts::radar;
use crate::ui::{loaded, EChart, FieldError};
use crate::workshop::{load_for, workshop_param};

fn one_decimal(value: Option<f64>, lang: Lang) -> String {
    value
        .map(|v| format!("{:.1}", round1(v)))
        .unwrap_or_else(|| lang.t(Key::ResultsNoValue).to_owned())
}

/// The team page.
#[component]
pub fn TeamPage() -> impl IntoView {
    let id = workshop_param();
    // Bumped after a lead settles a level, to reload the numbers.
    let refresh = RwSignal::new(0_u32);
    let data = Resource::new(
        move || (id.get(), refresh.get()),
        |(id, _)| load_for(id, team_view),
    );
    loaded(data, move |view| view! { <TeamBody view refresh /> })
}

#[component]
fn TeamBody(view: TeamView, refresh: RwSignal<u32>) -> impl IntoView {
    let lang = use_lang();
    let id = view.workshop.id;
    let axes: Vec<&str> = view.pillars.iter().map(|p| p.name.get(lang)).collect();
    let series = vec![(
        view.me.team_name.clone(),
        view.pillars
            .iter()
            .map(|p| p.average.map(round1))
            .collect::<Vec<_>>(),
    )];
    let chart = radar(
        lang.t(Key::TeamRadarTitle),
        lang.t(Key::TeamTitle),
        &axes,
        &series,
    );
    let has_data = view.pillars.iter().any(|p| p.average.is_some());
    let rule = lang
        .t(Key::TeamRule)
        .replace("{iqr}", &DISAGREEMENT_IQR.to_string())
        .replace("{range}", &DISAGREEMENT_RANGE.to_string());
    let answered = lang
        .t(Key::TeamRespondents)
        .replace("{respondents}", &view.respondents.to_string())
        .replace("{members}", &view.members.to_string());
    let name_of = |code: &String| {
        view.indicator(code).map(|i| {
            (
                i.code.clone(),
                i.name.get(lang).to_owned(),
                i.consensus.consensus(),
            )
        })
    };
    let ranked = |codes: &[String], empty: Key| {
        if codes.is_empty() {
            return view! { <p class="muted">{lang.t(empty)}</p> }.into_any();
        }
        view! {
            <ol class="ranked">
                {codes
                    .iter()
                    .filter_map(name_of)
                    .map(|(code, name, level)| {
                        view! {
                            <li>
                                <span class="code">{code}</span> " " {name} " "
                                <span class="muted">"(" {one_decimal(level, lang)} ")"</span>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        }
        .into_any()
    };
    view! {
        <ParticipantNav
            workshop=id
            title=view.workshop.title.clone()
            me=view.me.clone()
            current=Tab::Team
            page=lang.t(Key::TeamTitle).to_owned()
        />
        <section class="page">
            <h1>{lang.t(Key::TeamTitle)} ": " {view.me.team_name.clone()}</h1>
            <p class="lead">{answered}</p>
            <p class="rule" id="disagreement-rule">{rule}</p>
            {if has_data {
                view! {
                    <div class="chart-with-table">
                        <EChart id="team-radar" chart height=380 label=lang.t(Key::TeamRadarTitle).to_owned() />
                        <PillarAverages view=view.clone() />
                    </div>
                }
                    .into_any()
            } else {
                view! { <p class="notice">{lang.t(Key::ResultsNoData)}</p> }.into_any()
            }}
            <div class="two-columns">
                <section aria-labelledby="strengths-title">
                    <h2 id="strengths-title">{lang.t(Key::TeamStrengths)}</h2>
                    {ranked(&view.strengths, Key::TeamNoStrengths)}
                </section>
                <section aria-labelledby="weaknesses-title">
                    <h2 id="weaknesses-title">{lang.t(Key::TeamWeaknesses)}</h2>
                    {ranked(&view.weaknesses, Key::TeamNoWeaknesses)}
                </section>
            </div>
            <crate::dashboard::SharedComparison workshop=id />
            {view
                .pillars
                .iter()
                .map(|pillar| {
                    view! {
                        <section class="team-pillar">
                            <h2>{pillar.name.get(lang).to_owned()} " · " {one_decimal(pillar.average, lang)}</h2>
                            <IndicatorTable indicators=pillar.indicators.clone() />
                            {view.can_settle.then(|| {
                                pillar
                                    .indicators
                                    .iter()
                                    .map(|i| view! { <SettleForm workshop=id indicator=i.clone() refresh /> })
                                    .collect_view()
                            })}
                        </section>
                    }
                })
                .collect_view()}
        </section>
    }
}

#[component]
fn PillarAverages(view: TeamView) -> impl IntoView {
    let lang = use_lang();
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-labelledby="team-averages-caption">
            <table class="data-table">
                <caption id="team-averages-caption">{lang.t(Key::TeamAveragesCaption)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{lang.t(Key::TeamPillar)}</th>
                        <th scope="col">{lang.t(Key::TeamAverage)}</th>
                    </tr>
                </thead>
                <tbody>
                    {view
                        .pillars
                        .iter()
                        .map(|p| {
                            view! {
                                <tr>
                                    <th scope="row">{p.name.get(lang).to_owned()}</th>
                                    <td class="num">{one_decimal(p.average, lang)}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
}

fn spread_cells(c: &IndicatorConsensus, lang: Lang) -> (String, String, String) {
    match c.spread {
        Some(s) => (
            s.count.to_string(),
            format!("{}–{}", s.min, s.max),
            format!("{:.2}", s.iqr())
                .trim_end_matches('0')
                .trim_end_matches('.')
                .to_owned(),
        ),
        None => ("0".into(), lang.t(Key::ResultsNoValue).into(), "—".into()),
    }
}

#[component]
fn IndicatorTable(indicators: Vec<TeamIndicator>) -> impl IntoView {
    let lang = use_lang();
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-label=lang.t(Key::TeamTableLabel)>
            <table class="data-table consensus-table">
                <thead>
                    <tr>
                        <th scope="col">{lang.t(Key::TeamIndicator)}</th>
                        <th scope="col">{lang.t(Key::TeamConsensus)}</th>
                        <th scope="col">{lang.t(Key::TeamMedian)}</th>
                        <th scope="col">{lang.t(Key::TeamCount)}</th>
                        <th scope="col">{lang.t(Key::TeamRange)}</th>
                        <th scope="col"><abbr title=lang.t(Key::TeamIqrLong)>{lang.t(Key::TeamIqr)}</abbr></th>
                        <th scope="col">{lang.t(Key::TeamFlag)}</th>
                    </tr>
                </thead>
                <tbody>
                    {indicators
                        .iter()
                        .map(|i| {
                            let c = &i.consensus;
                            let (count, range, iqr) = spread_cells(c, lang);
                            let settled = c.settled.as_ref().map(|s| {
                                view! {
                                    <span class="settled" title=s.rationale.clone()>
                                        " " {lang.t(Key::TeamSettledBy).replace("{by}", &s.by)}
                                    </span>
                                }
                            });
                            let others = (c.not_applicable + c.dont_know > 0).then(|| {
                                lang.t(Key::TeamOthers)
                                    .replace("{na}", &c.not_applicable.to_string())
                                    .replace("{dk}", &c.dont_know.to_string())
                            });
                            view! {
                                <tr class:flagged=c.disagreement>
                                    <th scope="row">
                                        <span class="code">{i.code.clone()}</span> " " {i.name.get(lang).to_owned()}
                                    </th>
                                    <td class="num">{one_decimal(c.consensus(), lang)} {settled}</td>
                                    <td class="num">{one_decimal(c.median, lang)}</td>
                                    <td class="num">{count} <span class="muted small">{others}</span></td>
                                    <td class="num">{range}</td>
                                    <td class="num">{iqr}</td>
                                    <td>
                                        {c.disagreement.then(|| view! {
                                            <span class="flag" aria-describedby="disagreement-rule">{lang.t(Key::TeamDisagreement)}</span>
                                        })}
                                    </td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// A lead's form to settle one indicator's level. It names the version it was drawn from; on
/// a conflict it shows the current value and takes that version, so saving again is a
/// deliberate overwrite.
#[component]
fn SettleForm(
    workshop: WorkshopId,
    indicator: TeamIndicator,
    refresh: RwSignal<u32>,
) -> impl IntoView {
    let lang = use_lang();
    let action = ServerAction::<SettleConsensus>::new();
    let settled = indicator.consensus.settled.clone();
    let version = RwSignal::new(settled.as_ref().map_or(0, |s| s.version));
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    Effect::new(move |_| match action.value().get() {
        Some(Ok(_)) => refresh.update(|n| *n += 1),
        Some(Err(AppError::EditConflict {
            version: current, ..
        })) => version.set(current),
        _ => {}
    });
    let dom = format!("settle-{}", indicator.code);
    let open = indicator.consensus.disagreement && settled.is_none();
    let rationale = settled
        .as_ref()
        .map(|s| s.rationale.clone())
        .unwrap_or_default();
    let current_level = settled
        .as_ref()
        .map(|s| s.level)
        .or_else(|| indicator.consensus.median.map(|m| m.round() as u8));
    view! {
        <details class="settle" open=open>
            <summary>
                {lang.t(Key::SettleSummary).replace("{code}", &indicator.code)}
            </summary>
            <ActionForm action>
                <div class="stack">
                    <input type="hidden" name="workshop" value=workshop.to_string() />
                    <input type="hidden" name="indicator" value=indicator.consensus.indicator.to_string() />
                    <input type="hidden" name="version" value=move || version.get().to_string() />
                    <label for=format!("{dom}-level")>{lang.t(Key::SettleLevel)}</label>
                    <select id=format!("{dom}-level") name="level" required>
                        {(1..=5_u8)
                            .map(|l| view! { <option value=l.to_string() selected=current_level == Some(l)>{l}</option> })
                            .collect_view()}
                    </select>
                    <FieldError error field="level" />
                    <label for=format!("{dom}-rationale")>{lang.t(Key::SettleRationale)}</label>
                    <textarea id=format!("{dom}-rationale") name="rationale" maxlength="500" rows="2" required>
                        {rationale}
                    </textarea>
                    <FieldError error field="rationale" />
                    <FieldError error field="" />
                    <button type="submit" class="button secondary">{lang.t(Key::SettleSubmit)}</button>
                </div>
            </ActionForm>
        </details>
    }
}
