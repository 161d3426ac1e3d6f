//! The Now / Next / Later board: a roadmap's items as cards in three columns, one per
//! horizon (stacked on a phone). Plain HTML, so it needs no chart library and reads the same
//! to a screen reader.

use leptos::prelude::*;

use super::model::{Horizon, ItemView};
use crate::i18n::{use_lang, Key};

/// The items of `horizon`, in the order given (by start date).
pub fn in_horizon(items: &[ItemView], horizon: Horizon) -> Vec<ItemView> {
    items
        .iter()
        .filter(|i| i.horizon == horizon)
        .cloned()
        .collect()
}

/// The board of one team's roadmap.
#[component]
pub fn Board(
    /// The items, by start date.
    items: Vec<ItemView>,
    /// Unique prefix for the element ids on the page.
    id: String,
) -> impl IntoView {
    let lang = use_lang();
    let heading = format!("{id}-board-title");
    let labelled = heading.clone();
    view! {
        <section class="rm-board-section" aria-labelledby=labelled>
            <h2 id=heading>{lang.t(Key::RmBoardTitle)}</h2>
            <div class="rm-board">
                {Horizon::ALL
                    .into_iter()
                    .map(|horizon| {
                        let cards = in_horizon(&items, horizon);
                        let column = format!("{id}-{}", horizon_slug(horizon));
                        let labelled = column.clone();
                        view! {
                            <section class="rm-column" aria-labelledby=labelled data-horizon=horizon_slug(horizon)>
                                <h3 id=column>{lang.t(horizon.name_key())} " · " {cards.len()}</h3>
                                {if cards.is_empty() {
                                    view! { <p class="muted small">{lang.t(Key::RmNoItems)}</p> }.into_any()
                                } else {
                                    view! {
                                        <ul class="rm-cards">
                                            {cards.into_iter().map(|item| view! { <Card item /> }).collect_view()}
                                        </ul>
                                    }
                                    .into_any()
                                }}
                            </section>
                        }
                    })
                    .collect_view()}
            </div>
        </section>
    }
}

/// A horizon's name in element ids and data attributes.
pub fn horizon_slug(horizon: Horizon) -> &'static str {
    match horizon {
        Horizon::Now => "now",
        Horizon::Next => "next",
        Horizon::Later => "later",
    }
}

#[component]
fn Card(item: ItemView) -> impl IntoView {
    let lang = use_lang();
    let progress = item.progress;
    let status = lang.t(item.status.name_key());
    view! {
        <li class="rm-card" data-item=item.id.to_string()>
            <p class="rm-card-title">
                {item.pinned.then(|| view! { <span title=lang.t(Key::RmPinned) aria-label=lang.t(Key::RmPinned)>"📌 "</span> })}
                {item.title.clone()}
            </p>
            <p class="small">
                <span class="muted">{lang.t(Key::RmOwner)} ": "</span> {item.owner.clone()}
            </p>
            <p class="small">
                <time datetime=item.starts_on.clone()>{item.starts_on.clone()}</time>
                " → "
                <time datetime=item.ends_on.clone()>{item.ends_on.clone()}</time>
            </p>
            <p class="small">
                {item.quick_win.then(|| view! { <span class="rm-tag">{lang.t(Key::RmQuickWin)}</span> " " })}
                <span class="rm-status" data-status=item.status.as_str()>{status}</span>
            </p>
            {(!item.milestones.is_empty()).then(|| view! {
                <details class="rm-card-milestones small">
                    <summary>{lang.t(Key::RmMilestones)} " · " {item.milestones.len()}</summary>
                    <ul class="plain">
                        {item.milestones.iter().map(|m| view! {
                            <li><time datetime=m.due_on.clone()>{m.due_on.clone()}</time> " " {m.title.clone()}</li>
                        }).collect_view()}
                    </ul>
                </details>
            })}
            <div class="rm-progress">
                <progress max="100" value=progress.to_string() aria-label=lang.t(Key::RmProgress)>
                    {format!("{progress} %")}
                </progress>
                <span class="small">{format!("{progress} %")}</span>
            </div>
        </li>
    }
}
