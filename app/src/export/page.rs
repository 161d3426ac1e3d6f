//! `/facilitate/workshops/:id/export`: downloads, sharing and the archive of one workshop.

use leptos::prelude::*;

use super::DownloadsPanel;
use crate::ui::loaded;
use crate::workshop::{load_for, workshop_param, workshop_setup, StaffNav, StaffTab};

/// The facilitator's export page.
#[component]
pub fn ExportPage() -> impl IntoView {
    let id = workshop_param();
    let data = Resource::new(move || id.get(), |id| load_for(id, workshop_setup));
    loaded(data, move |setup| {
        let workshop = setup.workshop.id;
        let title = setup.workshop.title.clone();
        view! {
            <StaffNav workshop title current=StaffTab::Export />
            <section class="page export-page">
                <DownloadsPanel workshop />
                <crate::sharing::SharingPanel workshop />
                <crate::archive::ArchivePanel workshop />
            </section>
        }
    })
}
