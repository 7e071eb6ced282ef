//! The Leptos view: reads the state from the address, derives models with
//! the pure core in `Memo`s, and renders them.

mod analysis;
mod compare_panel;
mod data_update;
mod doc;
mod downloads;
mod embed;
pub mod errors;
pub mod history;
mod language;
mod map;
mod panels;
mod share;
mod source;
mod timeline;
mod zoom_controls;

use leptos::prelude::*;

use crate::t;

use crate::core::dataset::Dataset;
use crate::core::map_model::{layer_symbols, map_model, timeline_months, MapModel};
use crate::core::period::Month;
use crate::core::profile::country_model;
use crate::core::projection::EqualEarth;
use crate::core::series::{Series, SeriesView};
use crate::core::url_state::{self, QueryNotice, Theme, ViewState};
use history::HistoryMode;

pub use map::FlowMap;
pub use panels::{CountryPanel, TotalsPanel};
pub use timeline::Timeline;

/// Changes the view and records it in the address bar.
#[derive(Copy, Clone)]
pub struct Navigator {
    state: RwSignal<ViewState>,
}

impl Navigator {
    pub fn new(state: RwSignal<ViewState>) -> Navigator {
        Navigator { state }
    }

    pub fn go(&self, mode: HistoryMode, change: impl FnOnce(&mut ViewState)) {
        let mut next = self.state.get_untracked();
        change(&mut next);
        if next != self.state.get_untracked() {
            history::write(&next, mode);
            self.state.set(next);
        }
    }
}

fn read_address(dataset: &Dataset) -> (ViewState, Vec<QueryNotice>) {
    url_state::parse(&history::current_query(), |series| {
        SeriesView::new(dataset, series).month_span()
    })
}

#[component]
pub fn App() -> impl IntoView {
    match Dataset::embedded() {
        Ok(embedded) => {
            let dataset = RwSignal::new(data_update::keep(embedded));
            // Nothing renders until the language is ready, so a reader never
            // sees English turn into Korean; English is ready at once.
            let explorer = move || {
                view! {
                    <data_update::DataCheck dataset=dataset/>
                    // A newer file re-renders the explorer; the address keeps the view.
                    {move || view! { <Explorer dataset=dataset.get()/> }}
                }
            };
            let lang = language::chosen();
            if lang == crate::core::i18n::Lang::En {
                language::mark_page();
                return explorer().into_any();
            }
            let ready = LocalResource::new(move || language::activate(lang));
            (move || ready.get().map(|_| explorer())).into_any()
        }
        Err(error) => view! {
            <main class="fatal" role="alert">
                <h1>"Rare-Earth Flows"</h1>
                <p>{t!("The dataset could not be read: ")} {error.to_string()}</p>
            </main>
        }
        .into_any(),
    }
}

#[component]
fn Explorer(dataset: &'static Dataset) -> impl IntoView {
    let projection = EqualEarth::basemap();
    let (initial, initial_notices) = read_address(dataset);
    let state = RwSignal::new(initial);
    let notices = RwSignal::new(initial_notices);
    let navigator = Navigator::new(state);
    provide_context(navigator);

    // Back and Forward restore the view the address describes.
    let popstate = window_event_listener(leptos::ev::popstate, move |_| {
        let (restored, restored_notices) = read_address(dataset);
        state.set(restored);
        notices.set(restored_notices);
    });
    // Escape closes the country panel from anywhere (the map closes its
    // tooltip on the same key).
    let escape = window_event_listener(leptos::ev::keydown, move |ev| {
        // An open dialog takes its own Escape.
        let dialog_open = document()
            .query_selector("dialog[open]")
            .ok()
            .flatten()
            .is_some();
        if ev.key() == "Escape" && !dialog_open {
            navigator.go(HistoryMode::Push, |s| s.country = None);
        }
    });
    on_cleanup(move || {
        popstate.remove();
        escape.remove();
    });

    // Cheap reads are derived signals; only real computations are memoised
    // (each Memo type costs wasm).
    let series = Signal::derive(move || state.with(|s| s.series));
    let month = Memo::new(move |_| {
        state
            .with(|s| s.month)
            .or_else(|| SeriesView::new(dataset, series.get()).latest_month_with_destinations())
    });
    let model: Memo<Option<MapModel>> = Memo::new(move |_| {
        month
            .get()
            .map(|m| map_model(dataset, series.get(), m, &projection))
    });
    let months = Memo::new(move |_| timeline_months(dataset, series.get()));
    let country = Memo::new(move |_| {
        let code = state.with(|s| s.country.clone())?;
        model.with(|m| m.as_ref().map(|m| country_model(dataset, &code, m)))
    });
    let basemap = map::load_basemap();

    let on_month = Callback::new(move |(picked, mode): (Month, HistoryMode)| {
        navigator.go(mode, |s| s.month = Some(picked))
    });
    let on_country = Callback::new(move |code: Option<String>| {
        navigator.go(HistoryMode::Push, |s| s.country = code)
    });
    let symbols = Memo::new(move |_| {
        state
            .with(|s| s.layer)
            .map(|m| layer_symbols(dataset, m, &EqualEarth::basemap()))
            .unwrap_or_default()
    });
    let summary = move || model.with(|m| m.as_ref().map(|m| m.summary.clone()));

    let embedded = state.with_untracked(|s| s.embed);
    if embedded {
        embed::report_height();
    }
    let as_of = dataset.latest_source_date().unwrap_or_default();
    // The same view without the embed flag, for readers who want more.
    let full_view = move || {
        let query = url_state::to_query(&ViewState {
            embed: false,
            ..state.get()
        });
        if query.is_empty() {
            "./".to_string()
        } else {
            query
        }
    };
    view! {
        <div class="app" class:embed=embedded>
        <header class="masthead">
            <h1>"Rare-Earth Flows"</h1>
            <p class="dek">{t!("Where China's rare-earth exports go, month by month. Every figure links to its source.")}</p>
            <div class="pickers">
                <SeriesPicker series=series/>
                <CountryPicker selected=Signal::derive(move || state.with(|s| s.country.clone())) on_country=on_country/>
                <ThemeToggle state=state/>
                <language::LanguagePicker state=state/>
            </div>
        </header>
        <Notices notices=notices basemap=basemap/>
        <main class="layout">
            <section class="map-area" aria-label=t!("Flow map")>
                <FlowMap model=model basemap=basemap symbols=symbols selected=Signal::derive(move || state.with(|s| s.country.clone())) on_country=on_country
                    zoom=Signal::derive(move || state.with(|s| s.zoom.unwrap_or(1)))/>
                <p class="summary" data-testid="summary" aria-live="polite">{summary}</p>
                <Timeline months=months month=month dataset=dataset on_month=on_month/>
                <div class="tools">
                    <share::ShareDialog state=state month=month/>
                    <downloads::Downloads dataset=dataset series=series month=month/>
                </div>
            </section>
            <aside class="side">
                <TotalsPanel model=model/>
                <CountryPanel country=country on_country=on_country/>
            </aside>
        </main>
        <analysis::Analysis dataset=dataset state=state series=series month=month on_month=on_month/>
        <footer class="credits">
            <p>
                {t!("Data: customs figures as reported by Reuters and others, USGS, IEA (each figure links to its source); ")}
                {t!("data as of {date}; ", date = as_of)}
                <a href="data/facts.csv">{t!("the dataset")}</a>
                {t!(". Shapes: Natural Earth. Missing months are shown as missing, never as zero. ")}
                {embedded.then(|| view! {
                    <a href=full_view target="_blank" rel="noopener" data-testid="full-explorer">{t!("Open in the full explorer")}</a>
                })}
            </p>
        </footer>
        </div>
    }
}

#[component]
fn SeriesPicker(series: Signal<Series>) -> impl IntoView {
    let navigator = expect_context::<Navigator>();
    let on_change = move |ev| {
        let picked = Series::from_slug(&event_target_value(&ev)).unwrap_or_default();
        // A month of one series may not exist in another: follow the latest.
        navigator.go(HistoryMode::Push, |s| {
            s.series = picked;
            s.month = None;
        });
    };
    view! {
        <label class="series-picker">
            {t!("Series ")}
            <select data-testid="series" on:change=on_change prop:value=move || series.get().slug()>
                {Series::ALL.map(|s| view! { <option value=s.slug()>{s.label()}</option> }).collect_view()}
            </select>
        </label>
    }
}

fn system_prefers_dark() -> bool {
    web_sys::window()
        .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
        .is_some_and(|query| query.matches())
}

/// Light or dark, kept in the address; without a choice the system's
/// preference applies. The page's root carries the resolved theme.
#[component]
fn ThemeToggle(state: RwSignal<ViewState>) -> impl IntoView {
    let navigator = expect_context::<Navigator>();
    let dark = Signal::derive(move || {
        state
            .with(|s| s.theme)
            .map_or_else(system_prefers_dark, |t| t == Theme::Dark)
    });
    Effect::new(move |_| {
        let theme = if dark.get() { "dark" } else { "light" };
        if let Some(root) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = root.set_attribute("data-theme", theme);
        }
    });
    view! {
        <button
            type="button"
            data-testid="theme"
            aria-pressed=move || dark.get().to_string()
            on:click=move |_| {
                let next = if dark.get_untracked() { Theme::Light } else { Theme::Dark };
                navigator.go(HistoryMode::Push, |s| s.theme = Some(next));
            }
        >
            {t!("Dark theme")}
        </button>
    }
}

/// The keyboard path to a country panel; the map's shapes are the mouse path.
#[component]
fn CountryPicker(
    selected: Signal<Option<String>>,
    on_country: Callback<Option<String>>,
) -> impl IntoView {
    let mut choices: Vec<_> = crate::core::country::COUNTRIES
        .iter()
        .map(|c| (c.code, crate::core::country::display_name(c.code)))
        .collect();
    crate::core::order::sort_by(&mut choices, |(_, a), (_, b)| a.cmp(b));
    view! {
        <label class="country-picker">
            {t!("Country ")}
            <select
                data-testid="country-select"
                prop:value=move || selected.get().unwrap_or_default()
                on:change=move |ev| {
                    let code = event_target_value(&ev);
                    on_country.run((!code.is_empty()).then_some(code));
                }
            >
                <option value="">{t!("— none —")}</option>
                {choices.into_iter().map(|(code, name)| view! { <option value=code>{name}</option> }).collect_view()}
            </select>
        </label>
    }
}

#[component]
fn Notices(
    notices: RwSignal<Vec<QueryNotice>>,
    basemap: LocalResource<Result<crate::core::basemap::Basemap, map::BasemapError>>,
) -> impl IntoView {
    let shapes_status = move || basemap.get().map(|loaded| loaded.map(|_| ()));
    view! {
        <div class="notices" role="status" aria-live="polite">
            {move || notices.get().into_iter().map(|notice| view! {
                <p class="notice" data-testid="notice">
                    {notice.to_string()}
                    <button
                        type="button"
                        class="dismiss"
                        aria-label=t!("Dismiss notice")
                        on:click={
                            let text = notice.to_string();
                            move |_| notices.update(|all| all.retain(|n| n.to_string() != text))
                        }
                    >
                        "×"
                    </button>
                </p>
            }).collect_view()}
            <ErrorBoundary fallback=|errors| {
                view! {
                    <p class="notice error" data-testid="notice">
                        {move || t!(
                            "The country shapes could not be loaded ({reason}). The flows are still drawn from the data.",
                            reason = errors.get().into_iter().map(|(_, e)| e.to_string()).collect::<Vec<_>>().join("; ")
                        )}
                    </p>
                }
            }>{shapes_status}</ErrorBoundary>
        </div>
    }
}
