//! The download links of the export page, of a team's roadmap page, and the OGP commitments.
//!
//! The download forms are plain `GET` forms (one button per format, each with its own
//! `formaction`), so they work without JavaScript and the browser saves the file itself.

use leptos::prelude::*;
use leptos::server::codee::string::JsonSerdeCodec;

use super::commitment::Commitment;
use super::server::Format;
use super::tables::TableKind;
use crate::i18n::{use_lang, Key, Lang};
use crate::ids::{TeamId, WorkshopId};

/// The file's language and the CSV's table, shared by both panels.
#[component]
fn LanguageAndTable(lang: Lang) -> impl IntoView {
    view! {
        <p>
            <label>
                {lang.t(Key::ExpLanguage)} " "
                <select name="lang">
                    {Lang::ALL
                        .into_iter()
                        .map(|l| {
                            view! {
                                <option value=l.code() selected=l == lang>
                                    {l.native_name()}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </label>
        </p>
        <p>
            <label>
                {lang.t(Key::ExpTable)} " "
                <select name="table">
                    {TableKind::ALL
                        .into_iter()
                        .map(|t| {
                            view! {
                                <option value=t.as_str() selected=t == TableKind::Consensus>
                                    {lang.t(t.name_key())}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </label>
        </p>
    }
}

/// One submit button per format, each sending the form to its own file.
fn format_buttons(lang: Lang, base: &str) -> impl IntoView {
    view! {
        <p class="export-buttons">
            {Format::ALL
                .into_iter()
                .map(|f| {
                    view! {
                        <button type="submit" formaction=format!("{base}.{}", f.extension())>
                            {lang.t(f.name_key())}
                        </button>
                    }
                })
                .collect_view()}
        </p>
    }
}

/// The export page's downloads: every format, for the workshop or one team.
#[component]
pub fn DownloadsPanel(
    /// The workshop.
    workshop: WorkshopId,
) -> impl IntoView {
    let lang = use_lang();
    let base = format!("/facilitate/workshops/{workshop}/export");
    let setup =
        Resource::new_with_options(move || workshop, crate::workshop::workshop_setup, false);
    let _ = JsonSerdeCodec;
    let quick = {
        let base = base.clone();
        Format::ALL
            .into_iter()
            .map(|f| {
                let href = match f {
                    Format::Csv => format!("{base}.csv?lang={}&table=consensus", lang.code()),
                    _ => format!("{base}.{}?lang={}", f.extension(), lang.code()),
                };
                view! {
                    <li>
                        <a href=href download class=format!("export-{}", f.extension())>
                            {lang.t(f.name_key())}
                        </a>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <section class="card export-downloads" aria-labelledby="export-title">
            <h2 id="export-title">{lang.t(Key::ExpTitle)}</h2>
            <p>{lang.t(Key::ExpIntro)}</p>
            <h3>{lang.t(Key::ExpWholeWorkshop)}</h3>
            <ul class="export-links">
                {quick}
                <li>
                    <a href=format!("/facilitate/workshops/{workshop}/report")>
                        {lang.t(Key::ExpReport)}
                    </a>
                </li>
            </ul>
            <form method="get" action=format!("{base}.xlsx") class="export-form">
                <p>
                    <label>
                        {lang.t(Key::ExpScope)} " "
                        <TeamChoice setup />
                    </label>
                </p>
                <LanguageAndTable lang />
                {format_buttons(lang, &base)}
            </form>
            <TeamReportLinks workshop setup />
        </section>
    }
}

/// The workshop's teams, resolved before rendering so the server's page and the hydrated one
/// agree.
type Setup = Resource<Result<crate::workshop::SetupView, crate::error::AppError>, JsonSerdeCodec>;

/// "Whole workshop" or one of its teams.
#[component]
fn TeamChoice(setup: Setup) -> impl IntoView {
    let lang = use_lang();
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                let teams = setup.await.map(|s| s.teams).unwrap_or_default();
                view! {
                    <select name="team">
                        <option value="">{lang.t(Key::ExpWholeWorkshop)}</option>
                        {teams
                            .into_iter()
                            .map(|t| view! { <option value=t.id.to_string()>{t.name}</option> })
                            .collect_view()}
                    </select>
                }
            })}
        </Suspense>
    }
}

/// A link to each team's printable report.
#[component]
fn TeamReportLinks(workshop: WorkshopId, setup: Setup) -> impl IntoView {
    let lang = use_lang();
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                let teams = setup.await.map(|s| s.teams).unwrap_or_default();
                view! {
                    <ul class="export-report-links">
                        {teams
                            .into_iter()
                            .map(|t| {
                                view! {
                                    <li>
                                        <a href=format!(
                                            "/facilitate/workshops/{workshop}/report?team={}",
                                            t.id,
                                        )>{format!("{}: {}", lang.t(Key::ExpReport), t.name)}</a>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
            })}
        </Suspense>
    }
}

/// The downloads a participant has of their own team, shown on the team's roadmap page.
#[component]
pub fn TeamDownloads(
    /// The workshop.
    workshop: WorkshopId,
) -> impl IntoView {
    let lang = use_lang();
    let base = format!("/workshops/{workshop}/export");
    view! {
        <section class="card export-downloads" aria-labelledby="team-export-title">
            <h2 id="team-export-title">{lang.t(Key::ExpTeamTitle)}</h2>
            <p>{lang.t(Key::ExpTeamIntro)}</p>
            <ul class="export-links">
                <li>
                    <a href=format!("{base}.xlsx?lang={}", lang.code()) download>
                        {lang.t(Key::ExpXlsx)}
                    </a>
                </li>
                <li>
                    <a href=format!("/workshops/{workshop}/report")>{lang.t(Key::ExpReport)}</a>
                </li>
            </ul>
            <form method="get" action=format!("{base}.xlsx") class="export-form">
                <LanguageAndTable lang />
                {format_buttons(lang, &base)}
            </form>
        </section>
    }
}

/// One commitment, as a definition list.
#[component]
fn CommitmentView(commitment: Commitment) -> impl IntoView {
    let lang = use_lang();
    let values = if commitment.ogp_values.is_empty() {
        lang.t(Key::ExpValuesNone).to_owned()
    } else {
        commitment
            .ogp_values
            .iter()
            .map(|v| lang.t(v.name_key()))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let milestones = if commitment.milestones.is_empty() {
        view! { <p>{lang.t(Key::ExpNoMilestones)}</p> }.into_any()
    } else {
        view! {
            <ul>
                {commitment
                    .milestones
                    .into_iter()
                    .map(|m| view! { <li><time datetime=m.due_on.clone()>{m.due_on.clone()}</time> " – " {m.title}</li> })
                    .collect_view()}
            </ul>
        }
        .into_any()
    };
    let needs = if commitment.needs.is_empty() {
        view! { <p>{lang.t(Key::NeedCommitmentNone)}</p> }.into_any()
    } else {
        view! {
            <ul class="commitment-needs">
                {commitment
                    .needs
                    .iter()
                    .map(|n| view! { <li><strong>{n.kind_name(lang)} ": "</strong>{n.description.clone()}</li> })
                    .collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        <article class="commitment">
            <h4>{commitment.title}</h4>
            <dl>
                <dt>{lang.t(Key::ExpProblem)}</dt>
                <dd>{commitment.problem}</dd>
                <dt>{lang.t(Key::ExpCommitment)}</dt>
                <dd>{commitment.commitment}</dd>
                <dt>{lang.t(Key::ExpContribution)}</dt>
                <dd>{commitment.contribution}</dd>
                <dt>{lang.t(Key::ExpValues)}</dt>
                <dd>{values}</dd>
                <dt>{lang.t(Key::ExpLeadUnit)}</dt>
                <dd>{commitment.lead_unit}</dd>
                <dt>{lang.t(Key::ExpDates)}</dt>
                <dd>{format!("{} – {}", commitment.starts_on, commitment.ends_on)}</dd>
                <dt>{lang.t(Key::ExpMilestones)}</dt>
                <dd>{milestones}</dd>
                <dt>{lang.t(Key::NeedCommitmentNeeds)}</dt>
                <dd>{needs}</dd>
            </dl>
        </article>
    }
}

/// A team's roadmap items as OGP commitments, for the report. The report's own server
/// function brings them, so a report of 24 teams makes one request, not 25.
#[component]
pub fn CommitmentsSection(
    /// The team, for unique ids on a report of several teams.
    team: TeamId,
    /// Its items' commitments, by start date.
    commitments: Vec<Commitment>,
) -> impl IntoView {
    let lang = use_lang();
    let title_id = format!("commitments-title-{team}");
    let labelled_by = title_id.clone();
    let body = if commitments.is_empty() {
        view! { <p>{lang.t(Key::ExpNoCommitments)}</p> }.into_any()
    } else {
        commitments
            .into_iter()
            .map(|commitment| view! { <CommitmentView commitment /> })
            .collect_view()
            .into_any()
    };
    view! {
        <section class="card commitments" aria-labelledby=labelled_by>
            <h2 id=title_id>{lang.t(Key::ExpCommitmentsTitle)}</h2>
            <p>{lang.t(Key::ExpCommitmentsIntro)}</p>
            {body}
        </section>
    }
}
