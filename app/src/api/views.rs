//! The account page's API tokens.

use leptos::form::ActionForm;
use leptos::prelude::*;

use super::model::{ApiToken, TOKEN_NAME_MAX_CHARS};
use super::{my_api_tokens, CreateApiToken, RevokeApiToken};
use crate::i18n::{use_lang, Key, Lang};
use crate::ui::{error_of, ErrorNotice, FieldError};

/// The signed-in facilitator's API tokens: create, list, revoke.
#[component]
pub fn ApiTokensPanel() -> impl IntoView {
    let lang = use_lang();
    let create = ServerAction::<CreateApiToken>::new();
    let revoke = ServerAction::<RevokeApiToken>::new();
    let refresh = RwSignal::new(0_u32);
    crate::ui::refresh_after(create, refresh);
    crate::ui::refresh_after(revoke, refresh);
    let tokens = Resource::new(move || refresh.get(), |_| my_api_tokens());
    let create_error = error_of(create);
    let revoke_error = error_of(revoke);
    let secret = move || create.value().get().and_then(Result::ok).map(|t| t.secret);
    view! {
        <section class="api-tokens" aria-labelledby="api-tokens-title">
            <h2 id="api-tokens-title">{lang.t(Key::ApiTitle)}</h2>
            <p class="hint">{lang.t(Key::ApiIntro)}</p>
            <ActionForm action=create>
                <div class="stack">
                    <label for="api-token-name">{lang.t(Key::ApiName)}</label>
                    <p class="hint" id="api-token-name-hint">{lang.t(Key::ApiNameHint)}</p>
                    <input
                        id="api-token-name"
                        name="name"
                        type="text"
                        required
                        maxlength=TOKEN_NAME_MAX_CHARS.to_string()
                        autocomplete="off"
                        aria-describedby="api-token-name-hint"
                    />
                    <FieldError error=create_error field="name" />
                    <FieldError error=Signal::derive(move || {
                        create_error.get().filter(|e| !matches!(e, crate::error::AppError::Validation { .. }))
                    }) field="" />
                    <button type="submit" class="button">{lang.t(Key::ApiCreate)}</button>
                </div>
            </ActionForm>
            {move || secret().map(|secret| view! {
                <div class="notice success api-secret" role="status">
                    <p>{lang.t(Key::ApiSecretOnce)}</p>
                    <code class="api-secret-value">{secret}</code>
                </div>
            })}
            <FieldError error=revoke_error field="" />
            <Suspense fallback=move || view! { <p>{lang.t(Key::Loading)}</p> }>
                {move || Suspend::new(async move {
                    match tokens.await {
                        Ok(list) if list.is_empty() => view! { <p>{lang.t(Key::ApiNone)}</p> }.into_any(),
                        Ok(list) => view! { <TokenList list revoke lang /> }.into_any(),
                        Err(error) => view! { <ErrorNotice error /> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn TokenList(
    list: Vec<ApiToken>,
    revoke: ServerAction<RevokeApiToken>,
    lang: Lang,
) -> impl IntoView {
    let rows = list
        .into_iter()
        .map(|token| {
            let live = token.revoked_at.is_none();
            let used = token
                .last_used_at
                .map_or_else(|| lang.t(Key::ApiNeverUsed).to_owned(), when);
            view! {
                <li class="api-token" class:revoked=!live>
                    <strong>{token.name.clone()}</strong>
                    " · " {lang.t(Key::ApiPrefix)} " " <code>{token.prefix.clone()}"…"</code>
                    " · " {lang.t(Key::ApiCreated)} " " {when(token.created_at)}
                    " · " {lang.t(Key::ApiLastUsed)} " " {used}
                    {(!live).then(|| view! { " · " <em>{lang.t(Key::ApiRevoked)}</em> })}
                    {live.then(|| view! {
                        <ActionForm action=revoke attr:class="inline">
                            <input type="hidden" name="token" value=token.id.to_string() />
                            <button type="submit" class="button secondary small">{lang.t(Key::ApiRevoke)}</button>
                        </ActionForm>
                    })}
                </li>
            }
        })
        .collect_view();
    view! { <ul class="api-token-list">{rows}</ul> }
}

/// A moment as `YYYY-MM-DD HH:MM UTC`: tokens are used from anywhere, so no local time.
fn when(unix: i64) -> String {
    time::OffsetDateTime::from_unix_timestamp(unix)
        .ok()
        .and_then(|t| {
            t.format(time::macros::format_description!(
                "[year]-[month]-[day] [hour]:[minute] UTC"
            ))
            .ok()
        })
        .unwrap_or_default()
}
