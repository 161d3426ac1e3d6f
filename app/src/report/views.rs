//! `/workshops/:id/report` (a participant's team) and `/facilitate/workshops/:id/report`
//! (the whole workshop, or one team with `?team=`): one document, laid out for the
//! browser's "print to PDF" — every chart followed by its table, sections on new pages.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use super::model::{date_span, team_dom, ParticipantReport, ReportHeader, StaffReport};
use super::sections::{TeamSection, WorkshopSection};
use super::server::{participant_report, staff_report};
use crate::error::AppError;
use crate::i18n::{use_lang, Key};
use crate::ids::TeamId;
use crate::ui::loaded;
use crate::workshop::{load_for, workshop_param, StaffTab};

/// A participant's team report.
#[component]
pub fn ReportPage() -> impl IntoView {
    let id = workshop_param();
    let data = Resource::new(move || id.get(), |id| load_for(id, participant_report));
    loaded(data, |report| view! { <ParticipantBody report /> })
}

/// The facilitator's report of the workshop, or of one team with `?team=`.
#[component]
pub fn StaffReportPage() -> impl IntoView {
    let id = workshop_param();
    let query = use_query_map();
    // `Err` for a `team` that is not a number: the report of no such team is "not found".
    let team = Memo::new(move |_| match query.read().get("team") {
        None => Ok(None),
        Some(raw) if raw.trim().is_empty() => Ok(None),
        Some(raw) => raw.trim().parse::<TeamId>().map(Some).map_err(|_| ()),
    });
    let data = Resource::new(
        move || (id.get(), team.get()),
        |(id, team)| async move {
            let team = team.map_err(|()| AppError::NotFound)?;
            load_for(id, |id| staff_report(id, team)).await
        },
    );
    loaded(data, |report| view! { <StaffBody report /> })
}

#[component]
fn StaffBody(report: StaffReport) -> impl IntoView {
    let lang = use_lang();
    let workshop = report.header.workshop.id;
    let (heading, back) = match (&report.workshop, report.teams.first()) {
        (None, Some(team)) => (
            lang.t(Key::RepTeamReport).replace("{team}", &team.name),
            format!("{}?team={}", StaffTab::Export.href(workshop), team.team),
        ),
        _ => (
            lang.t(Key::RepWorkshopReport).to_owned(),
            StaffTab::Export.href(workshop),
        ),
    };
    let contents = report.workshop.is_some().then(|| {
        let teams = report
            .teams
            .iter()
            .map(|t| (format!("#{}", team_dom(t.team)), t.name.clone()))
            .collect::<Vec<_>>();
        view! {
            <nav class="report-contents" aria-labelledby="rep-contents-title">
                <h2 id="rep-contents-title">{lang.t(Key::RepContents)}</h2>
                <ol>
                    <li><a href="#rep-workshop">{lang.t(Key::RepWorkshopResults)}</a></li>
                    {teams.into_iter().map(|(href, name)| view! { <li><a href=href>{name}</a></li> }).collect_view()}
                </ol>
            </nav>
        }
    });
    let teams = report.teams.len();
    let no_teams = (teams == 0).then(|| view! { <p class="notice">{lang.t(Key::RepNoTeams)}</p> });
    view! {
        <ReportHead header=report.header.clone() heading back teams=Some(teams) />
        {contents}
        {report.workshop.clone().map(|data| view! { <WorkshopSection data /> })}
        {report
            .teams
            .into_iter()
            .map(|team| view! { <TeamSection team /> })
            .collect_view()}
        {no_teams}
    }
}

#[component]
fn ParticipantBody(report: ParticipantReport) -> impl IntoView {
    let lang = use_lang();
    let workshop = report.header.workshop.id;
    let heading = lang
        .t(Key::RepTeamReport)
        .replace("{team}", &report.team.name);
    view! {
        <ReportHead
            header=report.header.clone()
            heading
            back=format!("/workshops/{workshop}/roadmap")
            teams=None
        />
        <TeamSection team=report.team />
    }
}

/// The title block: workshop, phase, dates, when the report was made, and the print button.
#[component]
fn ReportHead(
    header: ReportHeader,
    heading: String,
    back: String,
    teams: Option<usize>,
) -> impl IntoView {
    let lang = use_lang();
    let title = format!("{heading} — {}", header.workshop.title);
    let dates = date_span(header.starts_on.as_deref(), header.ends_on.as_deref(), lang);
    let print = move |_| {
        #[cfg(feature = "hydrate")]
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    };
    view! {
        <Title text=title />
        <header class="page report-head">
            <p class="eyebrow">"Rumbo · " {lang.t(Key::RepTitle)}</p>
            <h1 id="rep-title">{header.workshop.title.clone()}</h1>
            <p class="report-subtitle">{heading}</p>
            <dl class="report-facts">
                <div><dt>{lang.t(Key::RepPhase)}</dt><dd id="rep-phase">{lang.t(header.workshop.phase.name_key())}</dd></div>
                <div><dt>{lang.t(Key::RepDates)}</dt><dd>{dates}</dd></div>
                {teams.map(|n| view! { <div><dt>{lang.t(Key::RepTeamsCount)}</dt><dd>{n}</dd></div> })}
            </dl>
            <p class="muted small">
                {lang.t(Key::RepGenerated).replace("{date}", &header.generated_on)}
            </p>
            <p class="muted small">{lang.t(Key::RepRule)}</p>
            <div class="report-tools">
                <button type="button" id="rep-print" class="button report-print" on:click=print>
                    {lang.t(Key::RepPrint)}
                </button>
                <a class="button secondary" href=back>{lang.t(Key::RepBack)}</a>
                <p class="muted small">{lang.t(Key::RepPrintHint)}</p>
            </div>
        </header>
    }
}
