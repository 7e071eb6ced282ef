//! The Leptos view. One store (`state`) holds the view state as memos over
//! the address and the dataset; components read the fields they show and
//! change the view only through the store's writer.
//!
//! - `state`: the store, its fields and derived memos, and its one writer;
//! - `browser`: the address bar, language loading, system theme, errors;
//! - `map`: the flow map, its keyed marks, legend and zoom;
//! - `controls`: pickers and the timeline;
//! - `side`: totals, country panel, tooltip, notices, source links;
//! - `analysis`: the panels under the map;
//! - `publish`: share and embed, downloads, the data-file check.

pub mod analysis;
pub mod browser;
pub mod controls;
mod keyed;
pub mod map;
mod message;
pub mod publish;
pub mod side;
pub mod state;

use std::sync::Arc;

use leptos::prelude::*;

use crate::core::analysis::series::SeriesView;
use crate::core::data::dataset::{Dataset, FactsReader, LoadError};
use crate::core::present::korea::korea_periods;
use crate::core::present::summary::longest_headline;
use crate::core::state::url_state::{self, QueryNotice, ViewState};
use crate::core::text::i18n::{Catalogue, Lang};
use crate::t;
use crate::view::message::with_slots;
use browser::frames::after_paint;
use browser::{history, language};
use controls::pickers::{CountryPicker, LanguagePicker, SeriesPicker, ThemeToggle};
use controls::timeline::{event_rows, PolicyEvents, Timeline};
use map::{FlowBars, FlowMap};
use publish::data_update::Excerpts;
use side::notices::Notices;
use side::panels::{CountryPanel, TotalsPanel};
use state::{Store, Write};
use wasm_bindgen::JsCast;

/// The view the address describes, with a notice for each parameter that
/// could not be used. Months are judged against the data in use.
fn read_address(dataset: &Dataset) -> (ViewState, Vec<QueryNotice>) {
    let (mut state, mut notices) = url_state::parse(&history::current_query(), |series| {
        SeriesView::new(dataset, series).month_span()
    });
    // Korea's periods are read only for an address that asks for one.
    if state.period.is_some() {
        let known: Vec<_> = korea_periods(dataset)
            .into_iter()
            .map(|p| p.period)
            .collect();
        url_state::check_period(&mut state, &mut notices, &known);
    }
    (state, notices)
}

/// How long a reader waits for the Korean or Mongolian catalogue (12 KB
/// gzip) before the map is drawn in English: a slow 3G link brings it in
/// well under this.
const CATALOGUE_PATIENCE: std::time::Duration = std::time::Duration::from_secs(3);

/// How many rows of the embedded facts file are read in one task while the
/// first paint is shown. The whole file (604 rows) took 24–38 ms in
/// Chromium at full speed on the project's machine, so a slice is about
/// 5 ms there and 20 ms at Lighthouse's 4× CPU, well under its 50 ms.
const ROWS_PER_TASK: usize = 100;

#[component]
pub fn App() -> impl IntoView {
    // Behind the build-time first paint, the dataset is read a slice a task,
    // like the app's parts are built (`first_paint::build_stage`); without
    // it, at once.
    let read = RwSignal::new(None::<Result<Arc<Dataset>, Arc<LoadError>>>);
    if browser::first_paint::copy_shown() {
        leptos::task::spawn_local(async move {
            read.set(Some(read_in_slices().await.map(Arc::new).map_err(Arc::new)));
        });
    } else {
        read.set(Some(Dataset::embedded().map(Arc::new).map_err(Arc::new)));
    }
    move || read.get().map(explorer_or_failure)
}

/// The embedded dataset, read [`ROWS_PER_TASK`] rows a task.
async fn read_in_slices() -> Result<Dataset, LoadError> {
    let mut reader = FactsReader::built_in()?;
    while !reader.read(ROWS_PER_TASK)? {
        browser::first_paint::next_task().await;
    }
    let facts = reader.finish()?;
    browser::first_paint::next_task().await;
    Dataset::embedded_with(facts)
}

/// The explorer in the reader's language once the dataset is read, or why
/// it could not be.
fn explorer_or_failure(read: Result<Arc<Dataset>, Arc<LoadError>>) -> AnyView {
    match read {
        Ok(dataset) => {
            // Nothing renders until the language is ready, so a reader never
            // sees English turn into Korean; English is ready at once.
            let lang = language::chosen();
            if lang == Lang::En {
                language::mark_page();
                return view! { <Explorer dataset=dataset/> }.into_any();
            }
            // `Some(false)`: in the reader's language; `Some(true)`: in
            // English, because the catalogue failed or was too slow.
            let outcome = RwSignal::new(None::<bool>);
            let settle = move |catalogue: Option<Catalogue>| {
                if outcome.get_untracked().is_none() {
                    let arrived = catalogue.is_some();
                    language::apply(lang, catalogue);
                    outcome.set(Some(!arrived));
                }
            };
            leptos::task::spawn_local(async move { settle(language::fetch(lang).await) });
            set_timeout(move || settle(None), CATALOGUE_PATIENCE);
            (move || {
                outcome.get().map(|fell_back| {
                    view! {
                        {fell_back.then(|| view! { <p class="notice" role="status" data-testid="lang-fallback">{language::fallback_note(lang)}</p> })}
                        <Explorer dataset=dataset.clone()/>
                    }
                })
            })
            .into_any()
        }
        Err(error) => {
            browser::first_paint::hand_over();
            view! {
                <main class="fatal" role="alert">
                    <h1>{t!(product_name: "Rare-Earth Flows")}</h1>
                    <p>{t!(dataset_could_not_read: "The dataset could not be read: {error}", error = error.to_string())}</p>
                </main>
            }
            .into_any()
        }
    }
}

#[component]
fn Explorer(dataset: Arc<Dataset>) -> impl IntoView {
    let (initial, notices) = read_address(&dataset);
    let store = Store::new(dataset, initial, notices, history::write, after_paint);
    provide_context(store);
    let excerpts = Excerpts::new(store);
    provide_context(excerpts);
    // A source link's hover text quotes its source: the first pointer or
    // focus on one reads the excerpts, before its text is shown.
    let ask_on_source = move |target: Option<web_sys::EventTarget>| {
        // Pointer events come at every element boundary: once asked, no
        // more DOM lookups.
        if !excerpts.not_asked() {
            return;
        }
        let on_source = target
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest("a[target=_blank][title]").ok().flatten())
            .is_some();
        if on_source {
            excerpts.ask();
        }
    };
    let pointer = window_event_listener(leptos::ev::pointerover, move |ev| {
        ask_on_source(ev.target())
    });
    let focus = window_event_listener(leptos::ev::focusin, move |ev| ask_on_source(ev.target()));

    // Back and Forward restore the view the address describes.
    let popstate = window_event_listener(leptos::ev::popstate, move |_| {
        let (restored, notices) = store.data.with_untracked(|d| read_address(&d.0));
        store.restore(restored, notices);
    });
    // Escape closes the country panel from anywhere (the map closes its
    // tooltip on the same key); an open dialog takes its own Escape.
    let escape = window_event_listener(leptos::ev::keydown, move |ev| {
        let dialog_open = document()
            .query_selector("dialog[open]")
            .ok()
            .flatten()
            .is_some();
        if ev.key() == "Escape" && !dialog_open {
            store.go(Write::Push, |s| s.country = None);
        }
    });
    on_cleanup(move || {
        popstate.remove();
        escape.remove();
        pointer.remove();
        focus.remove();
    });

    let basemap = map::load_basemap();
    // Behind the build-time first paint, the app is built a part a task (in
    // the order of `Stage`, not the page's); at once otherwise. A memo per
    // part, so that each part is built once, when its stage comes.
    let stage = browser::first_paint::build_stage(Stage::ALL.len() as u8);
    let [header_built, side_built, timeline_built, rest_built, map_built] =
        Stage::ALL.map(|part| Memo::new(move |_| stage.get() >= part as u8));
    // Once it is whole and its map has its shapes (or knows it has none),
    // the app replaces the first paint it was laid out over.
    Effect::new(move || {
        if map_built.get() && basemap.with(Option::is_some) {
            browser::first_paint::hand_over();
        }
    });
    let summary = move || match store.korea.with(|k| k.as_ref().map(|k| k.summary.clone())) {
        Some(korea) => Some(korea),
        None => store
            .side_model
            .with(|m| m.as_ref().map(|m| m.summary.clone())),
    };
    let phone = browser::media::matches(browser::media::PHONE);
    let korea_shown = Memo::new(move |_| store.korea.with(|k| k.as_ref().map(|k| k.slug.clone())));
    // Korea's own record has its own sentence and no timeline; an embed may
    // leave either out.
    let headline_hidden = move || korea_shown.with(Option::is_some) || store.hidden.get().headline;
    let timeline_hidden = move || korea_shown.with(Option::is_some) || store.hidden.get().timeline;
    let events = event_rows(store.data);
    let headline = move || {
        store
            .side_model
            .with(|m| m.as_ref().map(|m| m.headline.clone()))
    };
    let headline_room = Memo::new(move |_| {
        store.data.with(|d| {
            store.index.with(|i| {
                let view = SeriesView::indexed(&d.0, i);
                store
                    .months
                    .with(|months| longest_headline(&view, months.iter().map(|m| m.month)))
            })
        })
    });
    // Said only on the default view: once the reader picks a month, the
    // month is theirs and needs no reason.
    let landing_note = move || {
        let asked = store.month_asked.get();
        store.data.with(|d| {
            store.index.with(|i| {
                crate::core::present::summary::landing_note(&SeriesView::indexed(&d.0, i), asked)
            })
        })
    };
    let embedded = store.embedded();
    if embedded {
        publish::embed::report_height();
    }
    let as_of = move || {
        store
            .data
            .with(|d| d.0.latest_source_date().unwrap_or_default().to_string())
    };
    // The same view without the embed flag, for readers who want more.
    let full_view = move || {
        let mut view = store.snapshot();
        view.embed = false;
        view.hidden = Default::default();
        let query = url_state::to_query(&view);
        if query.is_empty() {
            "./".to_string()
        } else {
            query
        }
    };
    view! {
        <div class="app" class:embed=embedded>
        {move || header_built.get().then(|| view! {
            <header class="masthead">
                <h1>{t!(product_name: "Rare-Earth Flows")}</h1>
                <p class="dek">{t!(where_chinas_rare_earth_exports: "Where China's rare-earth exports go, month by month. Every figure links to its source.")}</p>
                <div class="pickers">
                    <SeriesPicker series=store.series/>
                    <CountryPicker selected=store.country/>
                    <ThemeToggle theme=store.theme/>
                    <LanguagePicker/>
                </div>
            </header>
            <publish::data_update::DataCheck/>
            <Notices notices=store.notices basemap=basemap/>
        })}
        <main class="layout">
            <section class="map-area" aria-label=t!(flow_map: "Flow map")>
                // Korea's own record has its own sentence, under the map.
                // The headline and, unseen in the same grid cell, the series'
                // longest: the cell keeps the height of the tallest month.
                <div class="headline-room" hidden=headline_hidden>
                    <h2 class="headline" data-testid="headline">{headline}</h2>
                    <p class="headline headline-sizer" aria-hidden="true">{move || headline_room.get()}</p>
                </div>
                {move || map_built.get().then(|| view! {
                    <FlowMap model=store.model basemap=basemap symbols=store.symbols selected=store.country zoom=store.zoom korea=store.korea ties=store.ties/>
                })}
                // The timeline sits right under the map, above every part
                // whose height changes with the month (the phone's bars, the
                // summary, the landing note): the slider stays under the
                // reader's finger or pointer while they drag it, and a step
                // moves nothing above it (OWID's grapher keeps the same order).
                {move || timeline_built.get().then(|| view! {
                    <div hidden=timeline_hidden>
                        <Timeline months=store.months month=store.month events=events/>
                    </div>
                })}
                // A phone reads the month as bars; the map above is its locator.
                {move || map_built.get().then(|| view! {
                    <Show when=move || phone.get() && korea_shown.with(Option::is_none)>
                        <FlowBars model=store.model/>
                    </Show>
                })}
                <p class="summary" data-testid="summary" aria-live="polite">{summary}</p>
                {move || landing_note().filter(|_| !headline_hidden()).map(|note| view! { <p class="landing-note" data-testid="landing-note">{note}</p> })}
                {move || timeline_built.get().then(|| view! {
                    <div hidden=timeline_hidden>
                        <PolicyEvents events=events/>
                    </div>
                })}
                {move || (!store.ties.with(Vec::is_empty)).then(|| view! {
                    <div class="ties-key">
                        <h2>{t!(mongolia_korea_ties: "Mongolia–Korea ties")}</h2>
                        <p class="note">{t!(each_line_agreement_opening_contract: "Each line is an agreement, an opening, a contract or a commitment between Mongolian and Korean parties, not a tonnage: lines have no width scale.")}</p>
                        <side::korea::TiesList ties=store.ties.get()/>
                    </div>
                })}
                {move || rest_built.get().then(|| view! {
                    <div class="tools">
                        <publish::share::ShareDialog month=store.month/>
                        <publish::downloads::Downloads data=store.data series=store.series month=store.month/>
                    </div>
                })}
            </section>
            {move || side_built.get().then(|| view! {
                <aside class="side">
                    <side::korea::KoreaPanel periods=store.korea_periods shown=korea_shown/>
                    <div hidden=move || korea_shown.with(Option::is_some)>
                        <TotalsPanel model=store.side_model/>
                    </div>
                    <CountryPanel country=store.country_model profile=store.country_profile month=store.month/>
                </aside>
            })}
        </main>
        {move || rest_built.get().then(|| view! {
            <analysis::Analysis panel=store.panel data=store.data series=store.series month=store.month pair=store.pair layer=store.layer/>
            <footer class="credits">
                <p>
                    {move || with_slots(
                        t!(credits:
                            "Data: customs figures as reported by Reuters and others, USGS, IEA (each figure links to its source); data as of {date}; {dataset}. Shapes: Natural Earth. Missing months are shown as missing, never as zero.",
                            date = as_of()
                        ),
                        |_| view! { <a href="data/facts.csv">{t!(dataset: "the dataset")}</a> }.into_any(),
                    )}
                    " "
                    {embedded.then(|| view! {
                        <a href=full_view target="_blank" rel="noopener" data-testid="full-explorer">{t!(open_full_explorer: "Open in the full explorer")}</a>
                    })}
                </p>
            </footer>
        })}
        </div>
    }
}

/// The parts of the explorer in the order they are built behind the first
/// paint. The map comes last, so that a map marked ready means a whole app.
#[derive(Clone, Copy)]
enum Stage {
    Header = 1,
    Side,
    Timeline,
    Rest,
    Map,
}

impl Stage {
    const ALL: [Stage; 5] = [
        Stage::Header,
        Stage::Side,
        Stage::Timeline,
        Stage::Rest,
        Stage::Map,
    ];
}
