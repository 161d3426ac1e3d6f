//! The home page.

use leptos::prelude::*;

use crate::i18n::{use_lang, Key};
use crate::participant::CodeForm;
use crate::ui::ErrorNotice;
use crate::workshop::demo_workshop;

/// What Rumbo is, how a workshop goes, and the way into the demo workshop.
#[component]
pub fn HomePage() -> impl IntoView {
    let lang = use_lang();
    let demo = Resource::new(|| (), |_| demo_workshop());
    view! {
        <section class="hero">
            <h1>{lang.t(Key::HomeTitle)}</h1>
            <p class="lead">{lang.t(Key::HomeIntro)}</p>
        </section>
        <section class="card join-card" aria-labelledby="join-title">
            <h2 id="join-title">{lang.t(Key::HomeJoinTitle)}</h2>
            <p>{lang.t(Key::HomeJoinText)}</p>
            <CodeForm typed=String::new() error=None />
        </section>
        <section class="card demo-card" aria-labelledby="demo-title">
            <h2 id="demo-title">{lang.t(Key::HomeDemoTitle)}</h2>
            <p>{lang.t(Key::HomeDemoText)}</p>
            <Suspense fallback=move || view! { <p>{lang.t(Key::Loading)}</p> }>
                {move || Suspend::new(async move {
                    match demo.await {
                        Ok(Some(demo)) => view! {
                            <p class="demo-title">{demo.title.clone()}</p>
                            <p>
                                {lang.t(Key::HomeDemoCode)} ": "
                                <strong class="join-code">{demo.join_code.clone()}</strong>
                            </p>
                            <p>
                                <a class="button" href=format!("/workshops/{}/results", demo.id)>
                                    {lang.t(Key::HomeDemoResults)}
                                </a>
                            </p>
                        }
                            .into_any(),
                        Ok(None) => view! { <p>{lang.t(Key::HomeNoDemo)}</p> }.into_any(),
                        Err(err) => view! { <ErrorNotice error=err /> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
        <p class="open-link">
            <a href="/open">{lang.t(Key::ShrHomeOpenLink)}</a>
        </p>
        <section aria-labelledby="how-title">
            <h2 id="how-title">{lang.t(Key::HomeHowTitle)}</h2>
            <ol class="steps">
                <li>{lang.t(Key::HomeStepAssess)}</li>
                <li>{lang.t(Key::HomeStepReview)}</li>
                <li>{lang.t(Key::HomeStepPrioritise)}</li>
                <li>{lang.t(Key::HomeStepRoadmap)}</li>
            </ol>
        </section>
    }
}
