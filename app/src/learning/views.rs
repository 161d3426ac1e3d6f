//! The learning pages: the primer (`/learn`), the experiences library
//! (`/learn/experiences`), the facilitator's cases (`/facilitate/workshops/:id/cases`), and the
//! small links other pages show beside an indicator.

use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_location, use_query_map};

use super::model::{Case, CaseLink, GovLevel, Library, Primer, WorkshopCases};
use super::rules::{self, CaseFilter};
use super::{learn_library, learn_primer, related_cases, workshop_cases, DeleteCase, SaveCase};
use crate::i18n::{use_lang, Key, Lang};
use crate::ids::WorkshopId;
use crate::ui::{error_of, loaded, refresh_after, FieldError};
use crate::workshop::{load_for, workshop_param, StaffNav, StaffTab};

/// A link that leaves the page with a full page load (so the target's `#anchor` is scrolled
/// to by the browser once the server-rendered page arrives). When an answer of the
/// assessment is still on its way, the click waits for it first (up to ten seconds; the
/// answer is also kept in the browser, so nothing is lost even then).
#[component]
pub fn LeaveLink(
    /// Where to.
    href: String,
    /// Extra classes.
    #[prop(optional)]
    class: &'static str,
    /// The link's content.
    children: Children,
) -> impl IntoView {
    #[cfg(feature = "hydrate")]
    let on_click = {
        let href = href.clone();
        move |ev: leptos::ev::MouseEvent| {
            if !crate::assessment::autosave::has_pending() {
                return;
            }
            ev.prevent_default();
            let href = href.clone();
            leptos::task::spawn_local(async move {
                for _ in 0..100 {
                    if !crate::assessment::autosave::has_pending() {
                        break;
                    }
                    gloo_timers::future::TimeoutFuture::new(100).await;
                }
                if let Some(window) = web_sys::window() {
                    let _ = window.location().set_href(&href);
                }
            });
        }
    };
    #[cfg(not(feature = "hydrate"))]
    let on_click = |_: leptos::ev::MouseEvent| {};
    view! {
        <a href=href rel="external" class=class on:click=on_click>
            {children()}
        </a>
    }
}

/// Beside an indicator (in the assessment, or a weakness on the actions page): a link to the
/// part of the primer that explains it, coming back to `#fragment` of this page, and the
/// experiences that illustrate it.
#[component]
pub fn IndicatorLearning(
    /// The workshop.
    workshop: WorkshopId,
    /// The indicator's code, e.g. `P3`.
    code: String,
    /// Its pillar's code, e.g. `P` (the fallback for codes the primer does not know).
    pillar: String,
    /// The `id` on this page to come back to, e.g. `ind-P3`.
    fragment: String,
) -> impl IntoView {
    let lang = use_lang();
    let path = use_location().pathname.get_untracked();
    let back = format!("{path}#{fragment}");
    let anchor = rules::primer_anchor(&code, &pillar);
    let href = rules::primer_href(anchor, &back);
    let label = lang.t(Key::LrnReadPrimer).replace("{code}", &code);
    view! {
        <div class="learn-links">
            <LeaveLink href class="learn-primer-link">
                <span aria-hidden="true">"📖 "</span>
                {label}
            </LeaveLink>
            <RelatedCases workshop code />
        </div>
    }
}

/// The experiences that illustrate an indicator, as links into the library.
#[component]
pub fn RelatedCases(
    /// The workshop (its own cases are included).
    workshop: WorkshopId,
    /// The indicator's code.
    code: String,
) -> impl IntoView {
    let lang = use_lang();
    let query = code.clone();
    let links = Resource::new(
        || (),
        move |_| {
            let code = query.clone();
            async move { related_cases(workshop, code).await }
        },
    );
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let links = links.await.unwrap_or_default();
                (!links.is_empty()).then(|| view! { <CaseLinks workshop links lang /> })
            })}
        </Suspense>
    }
}

#[component]
fn CaseLinks(workshop: WorkshopId, links: Vec<CaseLink>, lang: Lang) -> impl IntoView {
    let base = rules::library_href(Some(workshop), None);
    let items = links
        .into_iter()
        .map(|link| {
            let href = format!("{base}#{}", link.anchor);
            view! {
                <li>
                    <LeaveLink href>{link.title.get(lang).to_owned()}</LeaveLink>
                    <span class="muted">" · " {link.place.get(lang).to_owned()}</span>
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="related-cases">
            <p class="related-title">{lang.t(Key::LrnRelatedCases)}</p>
            <ul>{items}</ul>
        </div>
    }
}

/// `/learn`: the primer and its glossary. With `?back=` (a participant page of this site),
/// a "Back to the question" link returns there.
#[component]
pub fn PrimerPage() -> impl IntoView {
    let query = use_query_map();
    let back = Memo::new(move |_| query.read().get("back").and_then(|b| rules::safe_back(&b)));
    let data = Resource::new(|| (), |_| learn_primer());
    loaded(
        data,
        move |primer| view! { <PrimerBody primer back=back.get_untracked() /> },
    )
}

fn back_key(back: &str) -> Key {
    if back.contains("/actions") {
        Key::LrnBackToActions
    } else {
        Key::LrnBackToQuestion
    }
}

#[component]
fn BackLink(back: Option<String>, id: &'static str) -> impl IntoView {
    let lang = use_lang();
    back.map(|back| {
        let key = back_key(&back);
        view! {
            <p class="learn-back">
                <a class="button" id=id href=back rel="external">
                    <span aria-hidden="true">"← "</span>
                    {lang.t(key)}
                </a>
            </p>
        }
    })
}

#[component]
fn PrimerBody(primer: Primer, back: Option<String>) -> impl IntoView {
    let lang = use_lang();
    let toc = primer
        .sections
        .iter()
        .map(|s| {
            view! { <li><a href=format!("#{}", s.anchor)>{s.title.get(lang).to_owned()}</a></li> }
        })
        .collect_view();
    let sections = primer
        .sections
        .iter()
        .map(|s| {
            let paragraphs = s
                .paragraphs
                .iter()
                .map(|p| view! { <p>{p.get(lang).to_owned()}</p> })
                .collect_view();
            view! {
                <section class="card primer-section" id=s.anchor.clone() tabindex="-1">
                    <h2>{s.title.get(lang).to_owned()}</h2>
                    {paragraphs}
                </section>
            }
        })
        .collect_view();
    let glossary = primer
        .glossary
        .iter()
        .map(|g| {
            view! {
                <div class="glossary-entry" id=g.anchor.clone() tabindex="-1">
                    <dt>{g.term.get(lang).to_owned()}</dt>
                    <dd>{g.definition.get(lang).to_owned()}</dd>
                </div>
            }
        })
        .collect_view();
    view! {
        <Title text=lang.t(Key::LrnPrimerTitle) />
        <section class="page learn-page">
            <BackLink back=back.clone() id="learn-back-top" />
            <h1>{lang.t(Key::LrnPrimerTitle)}</h1>
            <p class="lead">{lang.t(Key::LrnPrimerIntro)}</p>
            <nav class="card learn-toc" aria-labelledby="learn-toc-title">
                <h2 id="learn-toc-title">{lang.t(Key::LrnContents)}</h2>
                <ol>
                    {toc}
                    <li><a href="#glosario">{lang.t(Key::LrnGlossary)}</a></li>
                </ol>
                <p><a href="/learn/experiences">{lang.t(Key::LrnExperiencesTitle)}</a></p>
            </nav>
            {sections}
            <section class="card primer-section" id="glosario" aria-labelledby="glosario-title">
                <h2 id="glosario-title">{lang.t(Key::LrnGlossary)}</h2>
                <dl class="glossary">{glossary}</dl>
            </section>
            <BackLink back id="learn-back-bottom" />
        </section>
    }
}

/// `/learn/experiences`: the library, searchable by words and filterable by pillar and
/// indicator through the query string (a plain GET form: it works without JavaScript). With
/// `?workshop=`, the workshop's own cases come first for its participants and facilitators.
#[component]
pub fn ExperiencesPage() -> impl IntoView {
    let query = use_query_map();
    let workshop = Memo::new(move |_| {
        query
            .read()
            .get("workshop")
            .and_then(|w| w.trim().parse::<WorkshopId>().ok())
    });
    let filter = Memo::new(move |_| {
        let q = query.read();
        let get = |name: &str| q.get(name).unwrap_or_default().chars().take(200).collect();
        CaseFilter {
            text: get("q"),
            pillar: get("pillar"),
            indicator: get("indicator"),
        }
    });
    let data = Resource::new(move || workshop.get(), learn_library);
    loaded(
        data,
        move |library| view! { <Experiences library filter=filter.get_untracked() /> },
    )
}

#[component]
fn Experiences(library: Library, filter: CaseFilter) -> impl IntoView {
    let lang = use_lang();
    let shown: Vec<Case> = library
        .cases
        .iter()
        .filter(|c| filter.matches(c))
        .cloned()
        .collect();
    let count = lang
        .t(Key::LrnCaseCount)
        .replace("{n}", &shown.len().to_string())
        .replace("{total}", &library.cases.len().to_string());
    let pillar_options = library
        .pillars
        .iter()
        .map(|(code, name)| {
            let selected = filter.pillar.eq_ignore_ascii_case(code);
            view! {
                <option value=code.clone() selected=selected>{format!("{code} · {}", name.get(lang))}</option>
            }
        })
        .collect_view();
    let context = library.workshop.clone().map(|(id, title)| {
        view! {
            <p class="notice" role="status">
                {lang.t(Key::LrnWorkshopContext).replace("{title}", &title)} " "
                <a href=format!("/workshops/{id}/assess")>{lang.t(Key::LrnBackToWorkshop)}</a>
            </p>
        }
    });
    let workshop_field = library
        .workshop
        .as_ref()
        .map(|(id, _)| view! { <input type="hidden" name="workshop" value=id.to_string() /> });
    let indicator_field = (!filter.indicator.is_empty()).then(|| {
        view! {
            <div class="stack">
                <label for="lrn-indicator">{lang.t(Key::LrnFilterIndicator)}</label>
                <input id="lrn-indicator" name="indicator" value=filter.indicator.clone() maxlength="16" />
            </div>
        }
    });
    let cards = if shown.is_empty() {
        view! { <p class="muted">{lang.t(Key::LrnNoCases)}</p> }.into_any()
    } else {
        shown
            .into_iter()
            .map(|case| view! { <CaseCard case /> })
            .collect_view()
            .into_any()
    };
    view! {
        <Title text=lang.t(Key::LrnExperiencesTitle) />
        <section class="page learn-page">
            <h1>{lang.t(Key::LrnExperiencesTitle)}</h1>
            <p class="lead">{lang.t(Key::LrnExperiencesIntro)}</p>
            {context}
            <form method="get" action="/learn/experiences" class="card learn-filter" role="search">
                {workshop_field}
                <div class="row">
                    <div class="stack">
                        <label for="lrn-q">{lang.t(Key::LrnSearchLabel)}</label>
                        <input id="lrn-q" type="search" name="q" value=filter.text.clone() maxlength="200" />
                    </div>
                    <div class="stack">
                        <label for="lrn-pillar">{lang.t(Key::LrnFilterPillar)}</label>
                        <select id="lrn-pillar" name="pillar">
                            <option value="">{lang.t(Key::LrnAllPillars)}</option>
                            {pillar_options}
                        </select>
                    </div>
                    {indicator_field}
                </div>
                <button type="submit" class="button">{lang.t(Key::LrnSearch)}</button>
            </form>
            <p id="lrn-count" role="status">{count}</p>
            <div class="case-list">{cards}</div>
            <p><a href="/learn">{lang.t(Key::LrnPrimerTitle)}</a></p>
        </section>
    }
}

/// One experience, in full.
#[component]
fn CaseCard(case: Case) -> impl IntoView {
    let lang = use_lang();
    let meta = format!(
        "{} · {} · {} · {}",
        case.place.get(lang),
        case.country.get(lang),
        lang.t(case.level.key()),
        case.years
    );
    let chips = case
        .indicators
        .iter()
        .map(|code| view! { <li class="chip">{code.clone()}</li> })
        .collect_view();
    let sources = case
        .sources
        .iter()
        .map(|s| {
            view! {
                <li><a href=s.url.clone() rel="external noopener">{s.title.clone()}</a></li>
            }
        })
        .collect_view();
    let results = case.results.get(lang).to_owned();
    let own = case.id.is_some();
    view! {
        <article class="card case" id=case.anchor.clone() tabindex="-1">
            <h2>{case.title.get(lang).to_owned()}</h2>
            {own.then(|| view! { <p class="chip own-case">{lang.t(Key::LrnOwnCase)}</p> })}
            <p class="muted">{meta}</p>
            <ul class="case-indicators" aria-label=lang.t(Key::LrnIndicators)>{chips}</ul>
            <h3>{lang.t(Key::LrnWhat)}</h3>
            <p>{case.what.get(lang).to_owned()}</p>
            {(!results.is_empty()).then(|| view! {
                <h3>{lang.t(Key::LrnResults)}</h3>
                <p>{results}</p>
            })}
            {case.presented_by.clone().map(|who| view! {
                <p><strong>{lang.t(Key::LrnPresentedBy)} ": "</strong>{who}</p>
            })}
            {(!case.sources.is_empty()).then(|| view! {
                <h3>{lang.t(Key::LrnSources)}</h3>
                <ul class="case-sources">{sources}</ul>
            })}
        </article>
    }
}

/// `/facilitate/workshops/:id/cases`: the workshop's own experiences, added, edited and
/// removed by its facilitators.
#[component]
pub fn CasesPage() -> impl IntoView {
    let id = workshop_param();
    let refresh = RwSignal::new(0_u32);
    // Made here, above the reloading part, so a failed deletion's message stays shown.
    let delete = ServerAction::<DeleteCase>::new();
    refresh_after(delete, refresh);
    let data = Resource::new(
        move || (id.get(), refresh.get()),
        |(id, _)| load_for(id, workshop_cases),
    );
    loaded(
        data,
        move |page| view! { <CasesBody page refresh delete /> },
    )
}

#[component]
fn CasesBody(
    page: WorkshopCases,
    refresh: RwSignal<u32>,
    delete: ServerAction<DeleteCase>,
) -> impl IntoView {
    let lang = use_lang();
    let workshop = page.workshop.id;
    let codes = page
        .indicators
        .iter()
        .map(|i| format!("{} {}", i.code, i.name.get(lang)))
        .collect::<Vec<_>>()
        .join(" · ");
    let delete_error = error_of(delete);
    let list = if page.cases.is_empty() {
        view! { <p class="muted">{lang.t(Key::LrnNoOwnCases)}</p> }.into_any()
    } else {
        let items = page.cases
            .iter()
            .map(|case| {
                let id = case.id.map(|c| c.to_string()).unwrap_or_default();
                let title = case.title.get(lang).to_owned();
                view! {
                    <li class="card own-case-item">
                        <h3>{title.clone()}</h3>
                        <p class="muted">{format!("{} · {}", case.place.get(lang), case.indicators.join(", "))}</p>
                        <details class="more">
                            <summary>{lang.t(Key::LrnEdit)}</summary>
                            <CaseForm workshop case=Some(case.clone()) refresh codes=codes.clone() />
                        </details>
                        <ActionForm action=delete>
                            <input type="hidden" name="workshop" value=workshop.to_string() />
                            <input type="hidden" name="case" value=id />
                            <button type="submit" class="button secondary small"
                                aria-label=lang.t(Key::LrnDeleteLabel).replace("{title}", &title)>
                                {lang.t(Key::LrnDelete)}
                            </button>
                        </ActionForm>
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="own-case-list">{items}</ul> }.into_any()
    };
    view! {
        <StaffNav workshop title=page.workshop.title.clone() current=StaffTab::Cases />
        <section class="page cases-page" aria-labelledby="cases-title">
            <h2 id="cases-title">{lang.t(Key::LrnOwnCasesTitle)}</h2>
            <p class="lead">{lang.t(Key::LrnOwnCasesIntro)}</p>
            <p>
                <a href=rules::library_href(Some(workshop), None)>{lang.t(Key::LrnSeeLibrary)}</a>
            </p>
            <FieldError error=delete_error field="" />
            {list}
            <section class="card" aria-labelledby="case-add-title">
                <h2 id="case-add-title">{lang.t(Key::LrnAddCase)}</h2>
                <CaseForm workshop case=None refresh codes />
            </section>
        </section>
    }
}

/// The form of a case: empty to add one, filled to edit it.
#[component]
fn CaseForm(
    workshop: WorkshopId,
    case: Option<Case>,
    refresh: RwSignal<u32>,
    codes: String,
) -> impl IntoView {
    let lang = use_lang();
    let prefix = case
        .as_ref()
        .and_then(|c| c.id)
        .map(|id| format!("case-{id}"))
        .unwrap_or_else(|| "case-new".to_owned());
    let case_id = case.as_ref().and_then(|c| c.id).map(|id| id.to_string());
    // Each form has its own action, so its mistakes show beside its own fields. A success
    // reloads the page's data, which shows the stored case (and empties the add form).
    let save = ServerAction::<SaveCase>::new();
    refresh_after(save, refresh);
    let error = error_of(save);
    let text = |get: fn(&Case) -> String| case.as_ref().map(get).unwrap_or_default();
    let title = text(|c| c.title.es.clone());
    let place = text(|c| c.place.es.clone());
    let country = text(|c| c.country.es.clone());
    let years = text(|c| c.years.clone());
    let what = text(|c| c.what.es.clone());
    let results = text(|c| c.results.es.clone());
    let indicators = text(|c| c.indicators.join(", "));
    let presented = text(|c| c.presented_by.clone().unwrap_or_default());
    let source_title = text(|c| {
        c.sources
            .first()
            .map(|s| s.title.clone())
            .unwrap_or_default()
    });
    let source_url = text(|c| c.sources.first().map(|s| s.url.clone()).unwrap_or_default());
    let level = case.as_ref().map(|c| c.level).unwrap_or(GovLevel::Regional);
    let levels = GovLevel::ALL
        .into_iter()
        .map(|l| view! { <option value=l.as_str() selected=l == level>{lang.t(l.key())}</option> })
        .collect_view();
    let id = move |field: &str| format!("{prefix}-{field}");
    view! {
        <ActionForm action=save attr:class="case-form">
            <input type="hidden" name="workshop" value=workshop.to_string() />
            <input type="hidden" name="case" value=case_id.unwrap_or_default() />
            <div class="stack">
                <label for=id("title")>{lang.t(Key::LrnFieldTitle)}</label>
                <input id=id("title") name="fields[title]" required maxlength="200" value=title />
                <FieldError error field="title" />
                <div class="row">
                    <div class="stack">
                        <label for=id("place")>{lang.t(Key::LrnFieldPlace)}</label>
                        <input id=id("place") name="fields[place]" required maxlength="120" value=place />
                        <FieldError error field="place" />
                    </div>
                    <div class="stack">
                        <label for=id("country")>{lang.t(Key::LrnFieldCountry)}</label>
                        <input id=id("country") name="fields[country]" required maxlength="80" value=country />
                        <FieldError error field="country" />
                    </div>
                </div>
                <div class="row">
                    <div class="stack">
                        <label for=id("level")>{lang.t(Key::LrnFieldLevel)}</label>
                        <select id=id("level") name="fields[level]">{levels}</select>
                        <FieldError error field="level" />
                    </div>
                    <div class="stack">
                        <label for=id("years")>{lang.t(Key::LrnFieldYears)}</label>
                        <input id=id("years") name="fields[years]" required maxlength="40" placeholder="2023–2025" value=years />
                        <FieldError error field="years" />
                    </div>
                </div>
                <label for=id("what")>{lang.t(Key::LrnFieldWhat)}</label>
                <textarea id=id("what") name="fields[what]" required maxlength="2000" rows="4">{what}</textarea>
                <FieldError error field="what" />
                <label for=id("results")>{lang.t(Key::LrnFieldResults)}</label>
                <textarea id=id("results") name="fields[results]" maxlength="2000" rows="3">{results}</textarea>
                <FieldError error field="results" />
                <label for=id("indicators")>{lang.t(Key::LrnFieldIndicators)}</label>
                <input id=id("indicators") name="fields[indicators]" required maxlength="200" placeholder="P2, C4"
                    value=indicators aria-describedby=id("indicators-hint") />
                <p class="hint" id=id("indicators-hint")>{lang.t(Key::LrnIndicatorsHint).replace("{codes}", &codes)}</p>
                <FieldError error field="indicators" />
                <label for=id("presented")>{lang.t(Key::LrnFieldPresentedBy)}</label>
                <input id=id("presented") name="fields[presented_by]" maxlength="200" value=presented />
                <FieldError error field="presented_by" />
                <label for=id("source-title")>{lang.t(Key::LrnFieldSourceTitle)}</label>
                <input id=id("source-title") name="fields[source_title]" maxlength="200" value=source_title />
                <FieldError error field="source_title" />
                <label for=id("source-url")>{lang.t(Key::LrnFieldSourceUrl)}</label>
                <input id=id("source-url") name="fields[source_url]" type="url" inputmode="url" maxlength="2000"
                    placeholder="https://" value=source_url />
                <FieldError error field="source_url" />
                <FieldError error field="" />
                <button type="submit" class="button">{lang.t(Key::LrnSaveCase)}</button>
            </div>
        </ActionForm>
    }
}
