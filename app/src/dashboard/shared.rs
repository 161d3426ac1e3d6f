//! "Comparison with other teams" on the participant's team page.

use leptos::prelude::*;

use super::charts::shared_radar;
use super::model::{ShareResults, SharedResults};
use super::shared_results;
use super::tables::one_decimal;
use crate::i18n::{use_lang, Key};
use crate::ids::WorkshopId;
use crate::ui::{EChart, ErrorNotice};

/// The participant's team beside the workshop average and the other teams, as far as the
/// workshop shares them.
#[component]
pub fn SharedComparison(workshop: WorkshopId) -> impl IntoView {
    let lang = use_lang();
    let shared = Resource::new(move || workshop, shared_results);
    view! {
        <section class="dash-section" aria-labelledby="share-title">
            <h2 id="share-title">{lang.t(Key::ShareTitle)}</h2>
            <Suspense fallback=move || view! { <p>{lang.t(Key::Loading)}</p> }>
                {move || Suspend::new(async move {
                    match shared.await {
                        Ok(shared) => view! { <SharedBody shared /> }.into_any(),
                        Err(error) => view! { <ErrorNotice error /> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn SharedBody(shared: SharedResults) -> impl IntoView {
    let lang = use_lang();
    if shared.mode == ShareResults::None {
        return view! { <p class="muted">{lang.t(Key::ShareNone)}</p> }.into_any();
    }
    let note = lang
        .t(Key::ShareThresholdNote)
        .replace("{n}", &shared.threshold.to_string());
    let hidden = (!shared.hidden.is_empty()).then(|| {
        view! { <p class="muted">{lang.t(Key::ShareHidden)} " " {shared.hidden.join(", ")}</p> }
    });
    let mut rows = vec![(shared.my_team.clone(), shared.mine.clone(), true)];
    if let Some(workshop) = &shared.workshop {
        rows.push((
            lang.t(Key::DashWorkshopAverage).to_owned(),
            workshop.clone(),
            true,
        ));
    }
    rows.extend(
        shared
            .others
            .iter()
            .map(|t| (t.name.clone(), t.averages.clone(), false)),
    );
    view! {
        <p class="muted small">{note}</p>
        <div class="chart-with-table">
            <EChart id="share-radar" chart=shared_radar(&shared, lang) height=380 label=lang.t(Key::ShareRadarTitle).to_owned() />
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby="share-caption">
                <table class="data-table">
                    <caption id="share-caption">{lang.t(Key::ShareTableCaption)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{lang.t(Key::DashTeam)}</th>
                            {shared.pillars.iter().map(|p| view! { <th scope="col" abbr=p.code.clone()>{p.name.get(lang).to_owned()}</th> }).collect_view()}
                        </tr>
                    </thead>
                    <tbody>
                        {rows.into_iter().map(|(name, values, strong)| view! {
                            <tr class:total=strong>
                                <th scope="row">{name}</th>
                                {values.iter().map(|v| view! { <td class="num">{one_decimal(*v, lang)}</td> }).collect_view()}
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </div>
        {hidden}
    }
    .into_any()
}
