//! Downloading a workshop's archive and importing one.
//!
//! Both are plain links and a plain multipart form, so they work without JavaScript: the
//! import route answers the form with a redirect, to the new workshop or back here with the
//! problem in the query (`?archive_error=<key>&at=<place>`).

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::{download_path, IMPORT_PATH};
use crate::i18n::{use_lang, Key};
use crate::ids::WorkshopId;

/// The longest place shown from the query: it comes from a URL anyone could craft.
const PLACE_MAX_CHARS: usize = 120;

/// The archive download, on the export page.
#[component]
pub fn ArchivePanel(
    /// The workshop.
    workshop: WorkshopId,
) -> impl IntoView {
    let lang = use_lang();
    view! {
        <section class="card archive-panel" aria-labelledby="archive-title">
            <h2 id="archive-title">{lang.t(Key::ArcTitle)}</h2>
            <p class="hint">{lang.t(Key::ArcIntro)}</p>
            <p class="notice">{lang.t(Key::ArcPrivate)}</p>
            <p class="archive-links">
                <a class="button secondary" href=download_path(workshop, false) rel="external"
                    download=format!("rumbo-workshop-{workshop}.json")>
                    {lang.t(Key::ArcDownload)}
                </a>
                " "
                <a class="button secondary" href=download_path(workshop, true) rel="external"
                    download=format!("rumbo-workshop-{workshop}.json.gz")>
                    {lang.t(Key::ArcDownloadGzip)}
                </a>
            </p>
        </section>
    }
}

/// Importing an archive as a new workshop, on the facilitator's home page.
#[component]
pub fn ImportPanel() -> impl IntoView {
    let lang = use_lang();
    let query = use_query_map();
    let problem = move || {
        let query = query.read();
        let key: Key =
            serde_json::from_value(serde_json::Value::String(query.get("archive_error")?)).ok()?;
        let place: String = query
            .get("at")
            .unwrap_or_default()
            .chars()
            .take(PLACE_MAX_CHARS)
            .collect();
        Some((key, place))
    };
    view! {
        <section class="card import-panel" id="import" aria-labelledby="import-title">
            <h2 id="import-title">{lang.t(Key::ArcImportTitle)}</h2>
            <p class="hint">{lang.t(Key::ArcImportIntro)}</p>
            {move || problem().map(|(key, place)| {
                let at = (!place.is_empty())
                    .then(|| view! { " " <span class="hint">{format!("({} {place})", lang.t(Key::ArcAt))}</span> });
                view! {
                    <p class="notice error" role="alert">
                        {lang.t(Key::ArcImportFailed)} " " {lang.t(key)} {at}
                    </p>
                }
            })}
            <form method="post" action=IMPORT_PATH enctype="multipart/form-data">
                <label for="archive-file">{lang.t(Key::ArcImportFile)}</label>
                <input id="archive-file" type="file" name="file" required
                    accept=".json,.gz,application/json,application/gzip" />
                <button type="submit" class="button">{lang.t(Key::ArcImportButton)}</button>
            </form>
        </section>
    }
}
