//! The tabs above every facilitator page of a workshop.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::i18n::{use_lang, Key};
use crate::ids::WorkshopId;

/// The facilitator pages of a workshop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StaffTab {
    /// Settings, teams, join code, phases.
    Setup,
    /// The framework editor.
    Framework,
    /// The live dashboard.
    Dashboard,
    /// Settings, actions and votes of the prioritisation.
    Prioritisation,
    /// The teams' roadmaps.
    Roadmap,
    /// Re-assessment rounds and their comparison.
    Rounds,
    /// The workshop's programme: days and sessions.
    Programme,
    /// The workshop's own experiences for the library.
    Cases,
    /// Downloads, sharing, publishing and the archive.
    Export,
    /// Co-facilitators.
    Facilitators,
}

impl StaffTab {
    /// The page's path for `workshop`.
    pub fn href(self, workshop: WorkshopId) -> String {
        match self {
            StaffTab::Setup => format!("/facilitate/workshops/{workshop}"),
            StaffTab::Framework => format!("/facilitate/workshops/{workshop}/framework"),
            StaffTab::Dashboard => format!("/facilitate/workshops/{workshop}/dashboard"),
            StaffTab::Prioritisation => {
                format!("/facilitate/workshops/{workshop}/prioritisation")
            }
            StaffTab::Roadmap => format!("/facilitate/workshops/{workshop}/roadmap"),
            StaffTab::Rounds => format!("/facilitate/workshops/{workshop}/rounds"),
            StaffTab::Programme => format!("/facilitate/workshops/{workshop}/programme"),
            StaffTab::Cases => format!("/facilitate/workshops/{workshop}/cases"),
            StaffTab::Export => format!("/facilitate/workshops/{workshop}/export"),
            StaffTab::Facilitators => format!("/facilitate/workshops/{workshop}/facilitators"),
        }
    }

    fn key(self) -> Key {
        match self {
            StaffTab::Setup => Key::StaffTabSetup,
            StaffTab::Framework => Key::StaffTabFramework,
            StaffTab::Dashboard => Key::StaffTabDashboard,
            StaffTab::Prioritisation => Key::StaffTabPrioritisation,
            StaffTab::Roadmap => Key::StaffTabRoadmap,
            StaffTab::Rounds => Key::StaffTabRounds,
            StaffTab::Programme => Key::PrgStaffTab,
            StaffTab::Cases => Key::LrnStaffTabCases,
            StaffTab::Export => Key::StaffTabExport,
            StaffTab::Facilitators => Key::StaffTabFacilitators,
        }
    }
}

/// The workshop's title, the page's name in the browser tab, and the tabs.
#[component]
pub fn StaffNav(
    /// The workshop.
    workshop: WorkshopId,
    /// Its title.
    title: String,
    /// The page shown.
    current: StaffTab,
) -> impl IntoView {
    let lang = use_lang();
    let tabs = [
        StaffTab::Setup,
        StaffTab::Framework,
        StaffTab::Dashboard,
        StaffTab::Prioritisation,
        StaffTab::Roadmap,
        StaffTab::Rounds,
        StaffTab::Programme,
        StaffTab::Cases,
        StaffTab::Export,
        StaffTab::Facilitators,
    ]
    .into_iter()
    .map(|tab| {
        let here = tab == current;
        view! {
            <li>
                <a href=tab.href(workshop) aria-current=here.then_some("page") class:current=here>
                    {lang.t(tab.key())}
                </a>
            </li>
        }
    })
    .collect_view();
    view! {
        <Title text=format!("{} — {title}", lang.t(current.key())) />
        <header class="staff-head">
            <p class="eyebrow">
                <a href="/facilitate">{lang.t(Key::StaffMyWorkshops)}</a>
            </p>
            <h1>{title}</h1>
            <nav aria-label=lang.t(Key::StaffNavLabel)>
                <ul class="tabs">{tabs}</ul>
            </nav>
        </header>
    }
}
