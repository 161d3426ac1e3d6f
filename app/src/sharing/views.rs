//! The sharing panel of the facilitator's export page: observer links and the publish switch.

use leptos::form::ActionForm;
use leptos::prelude::*;

use super::model::{Licence, LinkState, NewShareLink, ShareLinkView, SharingSettings};
use super::{
    sharing_settings, CreateShareLink, PublishWorkshop, RevokeShareLink, UnpublishWorkshop,
};
use crate::i18n::{use_lang, Key, Lang};
use crate::ids::WorkshopId;
use crate::ui::{loaded, FieldError};

/// Observer links and the publish switch, on the facilitator's export page.
#[component]
pub fn SharingPanel(
    /// The workshop.
    workshop: WorkshopId,
) -> impl IntoView {
    let lang = use_lang();
    let create = ServerAction::<CreateShareLink>::new();
    let revoke = ServerAction::<RevokeShareLink>::new();
    let publish = ServerAction::<PublishWorkshop>::new();
    let unpublish = ServerAction::<UnpublishWorkshop>::new();
    let data = Resource::new(
        move || {
            (
                create.version().get(),
                revoke.version().get(),
                publish.version().get(),
                unpublish.version().get(),
            )
        },
        move |_| sharing_settings(workshop),
    );
    let actions = Actions {
        create,
        revoke,
        publish,
        unpublish,
    };
    view! {
        <section class="card sharing-panel" aria-labelledby="shr-title">
            <h2 id="shr-title">{lang.t(Key::ShrTitle)}</h2>
            {loaded(data, move |settings| view! { <SharingBody settings actions /> })}
        </section>
    }
}

/// The panel's four actions, handed down together.
#[derive(Clone, Copy)]
struct Actions {
    create: ServerAction<CreateShareLink>,
    revoke: ServerAction<RevokeShareLink>,
    publish: ServerAction<PublishWorkshop>,
    unpublish: ServerAction<UnpublishWorkshop>,
}

#[component]
fn SharingBody(settings: SharingSettings, actions: Actions) -> impl IntoView {
    let lang = use_lang();
    let workshop = settings.workshop.to_string();
    view! {
        <PublishSwitch
            workshop=workshop.clone()
            published_at=settings.published_at
            licence=settings.licence
            actions
        />
        <h3>{lang.t(Key::ShrLinksTitle)}</h3>
        <p class="hint">{lang.t(Key::ShrLinksIntro)}</p>
        <NewLinkForm workshop=workshop.clone() teams=settings.teams.clone() actions />
        <LinkList workshop links=settings.links actions />
    }
}

#[component]
fn PublishSwitch(
    workshop: String,
    published_at: Option<i64>,
    licence: Licence,
    actions: Actions,
) -> impl IntoView {
    let lang = use_lang();
    let error = Signal::derive(move || {
        actions
            .publish
            .value()
            .get()
            .and_then(Result::err)
            .or_else(|| actions.unpublish.value().get().and_then(Result::err))
    });
    let id = workshop.clone();
    let state = match published_at {
        Some(at) => view! {
            <p class="notice" id="shr-published">
                {lang.t(Key::ShrPublishedSince).replace("{date}", &day_of(at))} " "
                <a href=format!("/open/workshops/{id}")>{lang.t(Key::ShrPublicPageLink)}</a>
            </p>
        }
        .into_any(),
        None => view! { <p class="muted" id="shr-unpublished">{lang.t(Key::ShrNotPublished)}</p> }
            .into_any(),
    };
    let options = Licence::ALL
        .into_iter()
        .map(|l| view! { <option value=l.id() selected=l == licence>{lang.t(l.name_key())}</option> })
        .collect_view();
    let hidden = workshop.clone();
    let unpublish = published_at.is_some().then(move || {
        view! {
            <ActionForm action=actions.unpublish>
                <input type="hidden" name="workshop" value=hidden />
                <button type="submit" class="button secondary">{lang.t(Key::ShrUnpublish)}</button>
            </ActionForm>
        }
    });
    let submit = if published_at.is_some() {
        Key::ShrChangeLicence
    } else {
        Key::ShrPublish
    };
    view! {
        <h3>{lang.t(Key::ShrPublishTitle)}</h3>
        <p class="hint">{lang.t(Key::ShrPublishIntro)}</p>
        {state}
        <ActionForm action=actions.publish>
            <div class="stack">
                <input type="hidden" name="workshop" value=workshop.clone() />
                <label for="shr-licence">{lang.t(Key::ShrLicence)}</label>
                <select id="shr-licence" name="licence">{options}</select>
                <FieldError error field="licence" />
                <button type="submit" class="button">{lang.t(submit)}</button>
            </div>
        </ActionForm>
        {unpublish}
        <FieldError error field="" />
    }
}

#[component]
fn NewLinkForm(
    workshop: String,
    teams: Vec<crate::workshop::TeamSummary>,
    actions: Actions,
) -> impl IntoView {
    let lang = use_lang();
    let error = Signal::derive(move || actions.create.value().get().and_then(Result::err));
    let made = move || {
        actions
            .create
            .value()
            .get()
            .and_then(Result::ok)
            .map(|link| view! { <NewLinkNotice link /> })
    };
    view! {
        <ActionForm action=actions.create>
            <div class="stack shr-new-link">
                <input type="hidden" name="workshop" value=workshop />
                <label for="shr-team">{lang.t(Key::ShrScope)}</label>
                <select id="shr-team" name="team">
                    <option value="">{lang.t(Key::ShrWholeWorkshop)}</option>
                    {teams.into_iter().map(|t| view! { <option value=t.id.to_string()>{t.name}</option> }).collect_view()}
                </select>
                <FieldError error field="team" />
                <label for="shr-label">{lang.t(Key::ShrLabel)}</label>
                <input id="shr-label" name="label" type="text" maxlength="120" autocomplete="off" />
                <FieldError error field="label" />
                <label for="shr-expires">{lang.t(Key::ShrExpiresOn)}</label>
                <p class="hint" id="shr-expires-hint">{lang.t(Key::ShrExpiresHint)}</p>
                <input id="shr-expires" name="expires_on" type="date" aria-describedby="shr-expires-hint" />
                <FieldError error field="expires_on" />
                <FieldError error field="" />
                <button type="submit" class="button">{lang.t(Key::ShrCreate)}</button>
            </div>
        </ActionForm>
        {made}
    }
}

/// The new link's address, shown once, with a copy button.
#[component]
fn NewLinkNotice(link: NewShareLink) -> impl IntoView {
    let lang = use_lang();
    let url = format!("{}{}", origin(), link.path);
    let copied = RwSignal::new(false);
    let to_copy = url.clone();
    let copy = move |_| {
        copy_text(&to_copy);
        copied.set(true);
    };
    view! {
        <div class="notice shr-secret" role="status">
            <p><strong>{lang.t(Key::ShrShownOnce)}</strong></p>
            <label for="shr-url" class="visually-hidden">{lang.t(Key::ShrLinkAddress)}</label>
            <input id="shr-url" type="text" readonly value=url class="shr-url" />
            <button type="button" class="button secondary small" on:click=copy>
                {move || lang.t(if copied.get() { Key::ShrCopied } else { Key::ShrCopy })}
            </button>
        </div>
    }
}

#[component]
fn LinkList(workshop: String, links: Vec<ShareLinkView>, actions: Actions) -> impl IntoView {
    let lang = use_lang();
    if links.is_empty() {
        return view! { <p class="muted">{lang.t(Key::ShrNoLinks)}</p> }.into_any();
    }
    let error = Signal::derive(move || actions.revoke.value().get().and_then(Result::err));
    let rows = links
        .into_iter()
        .map(|link| link_row(lang, link, workshop.clone(), actions.revoke))
        .collect_view();
    view! {
        <FieldError error field="" />
        <div class="table-scroll" tabindex="0" role="region" aria-labelledby="shr-links-caption">
            <table class="data-table shr-links">
                <caption id="shr-links-caption">{lang.t(Key::ShrLinksCaption)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{lang.t(Key::ShrLabel)}</th>
                        <th scope="col">{lang.t(Key::ShrScope)}</th>
                        <th scope="col">{lang.t(Key::ShrCreated)}</th>
                        <th scope="col">{lang.t(Key::ShrExpires)}</th>
                        <th scope="col">{lang.t(Key::ShrState)}</th>
                        <th scope="col"><span class="visually-hidden">{lang.t(Key::ShrRevoke)}</span></th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}

fn link_row(
    lang: Lang,
    link: ShareLinkView,
    workshop: String,
    revoke: ServerAction<RevokeShareLink>,
) -> impl IntoView {
    let name = if link.label.is_empty() {
        lang.t(Key::ShrNoLabel).to_owned()
    } else {
        link.label.clone()
    };
    let button = (link.state == LinkState::Active).then(|| {
        let label = format!("{} {}", lang.t(Key::ShrRevoke), name);
        view! {
            <ActionForm action=revoke>
                <input type="hidden" name="workshop" value=workshop />
                <input type="hidden" name="link" value=link.id.to_string() />
                <button type="submit" class="button secondary small" aria-label=label>
                    {lang.t(Key::ShrRevoke)}
                </button>
            </ActionForm>
        }
    });
    view! {
        <tr>
            <td>{name}</td>
            <td>{link.team.unwrap_or_else(|| lang.t(Key::ShrWholeWorkshop).to_owned())}</td>
            <td>{day_of(link.created_at)}</td>
            <td>{link.expires_at.map(|at| day_of(at - 1)).unwrap_or_else(|| lang.t(Key::ShrNever).to_owned())}</td>
            <td>{lang.t(link.state.name_key())}</td>
            <td>{button}</td>
        </tr>
    }
}

/// The UTC day of a unix time, ISO.
pub(super) fn day_of(unix: i64) -> String {
    time::OffsetDateTime::from_unix_timestamp(unix)
        .map(|t| t.date().to_string())
        .unwrap_or_default()
}

/// This site's origin in the browser; empty on the server (the path alone is shown).
fn origin() -> String {
    #[cfg(feature = "hydrate")]
    {
        let url = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.url().ok())
            .unwrap_or_default();
        // `scheme://host[:port]`: everything before the third slash.
        let end = url.match_indices('/').nth(2).map_or(url.len(), |(i, _)| i);
        url[..end].to_owned()
    }
    #[cfg(not(feature = "hydrate"))]
    {
        String::new()
    }
}

#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    // The asynchronous Clipboard API; its promise is not awaited: the field stays selectable
    // for copying by hand if it fails.
    #[wasm_bindgen(js_namespace = ["navigator", "clipboard"], js_name = writeText)]
    fn write_text(text: &str) -> wasm_bindgen::JsValue;
}

fn copy_text(text: &str) {
    #[cfg(feature = "hydrate")]
    {
        let _ = write_text(text);
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = text;
}
