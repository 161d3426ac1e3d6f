//! The frame around every page: document shell, routes, header, footer, home and error pages.

mod home;
mod layout;
mod not_found;

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, MetaTags, Stylesheet, Title};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{path, SsrMode};

use crate::assessment::{AssessOverviewPage, AssessStepPage, ReviewPage};
use crate::framework::FrameworkEditorPage;
use crate::i18n::{detect_lang, Key};
use crate::participant::{JoinPage, WelcomePage};
use crate::results::ResultsPage;
use crate::team::TeamPage;
use crate::workshop::{FacilitatorHome, JoinScreenPage, WorkshopSetupPage};
pub use home::HomePage;
pub use layout::Layout;
pub use not_found::NotFound;

/// The HTML document the server renders around the app.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    let lang = detect_lang();
    view! {
        <!DOCTYPE html>
        <html lang=lang.code()>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <meta name="color-scheme" content="light" />
                <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
                // ECharts comes from our own assets; it must be loaded before hydration draws.
                <script src="/vendor/echarts.min.js"></script>
                <AutoReload options=options.clone() />
                <HydrationScripts options />
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

/// The application: language, routes and layout.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let lang = detect_lang();
    provide_context(lang);

    view! {
        <Stylesheet id="leptos" href="/pkg/rumbo.css" />
        <Title text=lang.t(Key::AppName) />
        <Router>
            <Layout>
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=HomePage />
                    // Async: the status (404, 403…) is known before the first byte is sent.
                    <Route
                        path=path!("/workshops/:id/results")
                        view=ResultsPage
                        ssr=SsrMode::Async
                    />
                    <Route path=path!("/join") view=JoinPage ssr=SsrMode::Async />
                    // Async here too: the welcome page clears a cookie, a header.
                    <Route path=path!("/workshops/:id/welcome") view=WelcomePage ssr=SsrMode::Async />
                    <Route path=path!("/workshops/:id/assess") view=AssessOverviewPage ssr=SsrMode::Async />
                    <Route path=path!("/workshops/:id/assess/:step") view=AssessStepPage ssr=SsrMode::Async />
                    <Route path=path!("/workshops/:id/review") view=ReviewPage ssr=SsrMode::Async />
                    <Route path=path!("/workshops/:id/team") view=TeamPage ssr=SsrMode::Async />
                    // Accounts: routes go below this line.
                    <Route path=path!("/login") view=crate::facilitator::LoginPage ssr=SsrMode::Async />
                    <Route path=path!("/account") view=crate::facilitator::AccountPage ssr=SsrMode::Async />
                    <Route
                        path=path!("/facilitate/workshops/:id/facilitators")
                        view=crate::facilitator::FacilitatorsPage
                        ssr=SsrMode::Async
                    />

                    // Workshop set-up: routes go below this line.
                    <Route path=path!("/facilitate") view=FacilitatorHome ssr=SsrMode::Async />
                    <Route path=path!("/facilitate/workshops/:id") view=WorkshopSetupPage ssr=SsrMode::Async />
                    <Route path=path!("/facilitate/workshops/:id/join-screen") view=JoinScreenPage ssr=SsrMode::Async />

                    // Framework editor: routes go below this line.
                    <Route path=path!("/facilitate/workshops/:id/framework") view=FrameworkEditorPage ssr=SsrMode::Async />

                    // Dashboard: routes go below this line.
                    <Route path=path!("/facilitate/workshops/:id/dashboard") view=crate::dashboard::DashboardPage ssr=SsrMode::Async />
                    <Route path=path!("/facilitate/workshops/:id/present/:chart") view=crate::dashboard::PresentPage ssr=SsrMode::Async />

                    // Prioritisation: routes go below this line.
                    <Route path=path!("/workshops/:id/actions") view=crate::action::ActionsPage ssr=SsrMode::Async />
                    <Route path=path!("/facilitate/workshops/:id/prioritisation") view=crate::action::PrioritisationPage ssr=SsrMode::Async />

                    // Roadmap: routes go below this line.
                    <Route path=path!("/workshops/:id/roadmap") view=crate::roadmap::RoadmapPage ssr=SsrMode::Async />
                    <Route path=path!("/facilitate/workshops/:id/roadmap") view=crate::roadmap::StaffRoadmapPage ssr=SsrMode::Async />

                    // Re-assessment rounds: routes go below this line.
                    <Route path=path!("/facilitate/workshops/:id/rounds") view=crate::rounds::RoundsPage ssr=SsrMode::Async />

                    // Exports: routes go below this line.
                    <Route path=path!("/facilitate/workshops/:id/export") view=crate::export::ExportPage ssr=SsrMode::Async />

                    // Printable report: routes go below this line.
                    <Route path=path!("/workshops/:id/report") view=crate::report::ReportPage ssr=SsrMode::Async />
                    <Route path=path!("/facilitate/workshops/:id/report") view=crate::report::StaffReportPage ssr=SsrMode::Async />

                    // Sharing and public pages: routes go below this line.
                    <Route path=path!("/observe/:token") view=crate::sharing::ObserverPage ssr=SsrMode::Async />
                    <Route path=path!("/open") view=crate::sharing::OpenIndexPage ssr=SsrMode::Async />
                    <Route path=path!("/open/workshops/:id") view=crate::sharing::PublicPage ssr=SsrMode::Async />

                    // Learning (primer, glossary, experiences): routes go below this line.
                    <Route path=path!("/learn") view=crate::learning::PrimerPage ssr=SsrMode::Async />
                    <Route path=path!("/learn/experiences") view=crate::learning::ExperiencesPage ssr=SsrMode::Async />
                    <Route path=path!("/facilitate/workshops/:id/cases") view=crate::learning::CasesPage ssr=SsrMode::Async />

                    // Workshop programme: routes go below this line.
                    <Route path=path!("/facilitate/workshops/:id/programme") view=crate::programme::ProgrammePage ssr=SsrMode::Async />
                    <Route path=path!("/workshops/:id/programme") view=crate::programme::ParticipantProgrammePage ssr=SsrMode::Async />

                    // Implementation needs: routes go below this line.

                </Routes>
            </Layout>
        </Router>
    }
}
