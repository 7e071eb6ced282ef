//! The one store of view state. The address is its source: one `ViewState`
//! signal, written only by `Store::go` (which also writes the address bar)
//! and by Back/Forward. Every field is its own `Memo`, so a component that
//! reads the zoom does not wake when the month moves; below the fields sit
//! the derived memos (the month shown, the map model, the country model…),
//! each re-run only when a field or the data it reads has really changed.
//!
//! The store knows nothing of the browser: the address writer and the frame
//! clock that defers the texts beside the map are passed in, so host tests
//! build a store and count which memo re-runs on which change.

use std::sync::Arc;

use leptos::prelude::*;

use crate::core::analysis::compare::Pair;
use crate::core::analysis::series::{Series, SeriesIndex, SeriesView};
use crate::core::data::country::CountryCode;
use crate::core::data::dataset::Dataset;
use crate::core::data::period::Month;
use crate::core::geo::projection::Miller;
use crate::core::present::korea::{korea_map, korea_periods, KoreaMap, KoreaPeriod};
use crate::core::present::map_model::{layer_symbols, map_model, MapModel, Symbol};
use crate::core::present::profile::{country_model, country_profile, CountryModel, CountryProfile};
use crate::core::present::ties::{ties, Tie};
use crate::core::present::timeline::{timeline_months, TimelineMonth};
use crate::core::state::url_state::{
    Hidden, Layer, Panel, QueryNotice, Reporter, Theme, ViewState,
};

/// How a change reaches the address bar.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Write {
    /// A new history entry: Back returns to the view before.
    Push,
    /// The same entry, new address: playing or pinching does not flood Back.
    Replace,
    /// The state only, while a gesture is under way (a slider drag); the
    /// gesture's end calls `Store::commit`, so the address is written once.
    Later,
}

/// The dataset in use. Two are equal only when they are the same copy, so
/// replacing the data wakes every memo below it and nothing compares facts.
#[derive(Clone)]
pub struct Data(pub Arc<Dataset>);

impl PartialEq for Data {
    fn eq(&self, other: &Data) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

/// Writes a state into the address bar (the browser's, or a test's record).
pub type AddressWriter = fn(&ViewState, Write);

/// The map model as the texts beside the map read it: in the browser a
/// frame after the map (`view::browser::frames::after_paint`), in host
/// tests the model itself.
pub type Deferral = fn(Memo<Option<MapModel>>) -> Memo<Option<MapModel>>;

#[derive(Copy, Clone)]
pub struct Store {
    view: RwSignal<ViewState>,
    write_address: AddressWriter,
    /// Replaced in place when a newer data file is accepted.
    pub data: RwSignal<Data>,
    /// Notices about the address, one per parameter that could not be used.
    pub notices: RwSignal<Vec<QueryNotice>>,

    pub series: Memo<Series>,
    /// The month as the address gives it; `None` follows the latest.
    pub month_asked: Memo<Option<Month>>,
    pub country: Memo<Option<CountryCode>>,
    pub panel: Memo<Option<Panel>>,
    pub pair: Memo<Option<Pair>>,
    pub layer: Memo<Option<Layer>>,
    pub reporter: Memo<Option<Reporter>>,
    /// Every period Korea reports, when Korea is the reporter.
    pub korea_periods: Memo<Vec<KoreaPeriod>>,
    /// Korea's imports for the chosen period, when Korea is the reporter.
    pub korea: Memo<Option<KoreaMap>>,
    /// The Mongolia–Korea ties, when that layer is on.
    pub ties: Memo<Vec<Tie>>,
    /// One of `zoom::LEVELS`; 1 is the whole map.
    pub zoom: Memo<u32>,
    pub theme: Memo<Option<Theme>>,
    /// Parts an embed leaves out.
    pub hidden: Memo<Hidden>,

    /// Where the series' facts sit in the dataset: found again only when
    /// the series or the data changes, never at a month step.
    pub index: Memo<SeriesIndex>,
    /// The month shown: the asked one, else the latest with destinations.
    pub month: Memo<Option<Month>>,
    pub months: Memo<Vec<TimelineMonth>>,
    pub model: Memo<Option<MapModel>>,
    /// The model for the totals, the summary and the country panel: it
    /// follows `model` once a drag has held still (see [`Deferral`]).
    pub side_model: Memo<Option<MapModel>>,
    pub country_model: Memo<Option<CountryModel>>,
    /// The selected country's chart and facts: they change with the
    /// country, the series or the data, never at a month step.
    pub country_profile: Memo<Option<CountryProfile>>,
    pub symbols: Memo<Vec<Symbol>>,
}

impl Store {
    pub fn new(
        dataset: Arc<Dataset>,
        initial: ViewState,
        notices: Vec<QueryNotice>,
        write_address: AddressWriter,
        defer: Deferral,
    ) -> Store {
        let view = RwSignal::new(initial);
        let data = RwSignal::new(Data(dataset));
        let series = Memo::new(move |_| view.with(|s| s.series));
        let month_asked = Memo::new(move |_| view.with(|s| s.month));
        let country = Memo::new(move |_| view.with(|s| s.country));
        let panel = Memo::new(move |_| view.with(|s| s.panel));
        let pair = Memo::new(move |_| view.with(|s| s.compare.clone()));
        let layer = Memo::new(move |_| view.with(|s| s.layer));
        let zoom = Memo::new(move |_| view.with(|s| s.zoom.unwrap_or(1)));
        let theme = Memo::new(move |_| view.with(|s| s.theme));
        let hidden = Memo::new(move |_| view.with(|s| s.hidden));

        let index = Memo::new(move |_| data.with(|d| SeriesIndex::new(&d.0, series.get())));
        let month = Memo::new(move |_| {
            month_asked.get().or_else(|| {
                data.with(|d| index.with(|i| SeriesView::indexed(&d.0, i).landing_month()))
            })
        });
        let months = Memo::new(move |_| data.with(|d| timeline_months(&d.0, series.get())));
        let model = Memo::new(move |_| {
            let month = month.get()?;
            Some(data.with(|d| {
                index.with(|i| map_model(&SeriesView::indexed(&d.0, i), month, &Miller::basemap()))
            }))
        });
        let side_model = defer(model);
        let country_model = Memo::new(move |_| {
            let code = country.get()?;
            side_model.with(|m| {
                let m = m.as_ref()?;
                Some(country_model(code.as_str(), m))
            })
        });
        let country_profile = Memo::new(move |_| {
            let code = country.get()?;
            Some(data.with(|d| {
                index.with(|i| country_profile(&SeriesView::indexed(&d.0, i), code.as_str()))
            }))
        });
        let symbols = Memo::new(move |_| match layer.get() {
            Some(Layer::Symbols(measure)) => {
                data.with(|d| layer_symbols(&d.0, measure, &Miller::basemap()))
            }
            _ => Vec::new(),
        });
        let reporter = Memo::new(move |_| view.with(|s| s.reporter));
        let period = Memo::new(move |_| view.with(|s| s.period.clone()));
        // Read only when Korea is the reporter; every other view skips it.
        let korea_periods = Memo::new(move |_| match reporter.get() {
            Some(_) => data.with(|d| korea_periods(&d.0)),
            None => Vec::new(),
        });
        let korea = Memo::new(move |_| {
            reporter.get()?;
            korea_periods.with(|all| korea_map(all, period.get().as_ref(), &Miller::basemap()))
        });
        let ties = Memo::new(move |_| match layer.get() {
            Some(Layer::Ties) => data.with(|d| ties(&d.0, &Miller::basemap())),
            _ => Vec::new(),
        });
        Store {
            view,
            write_address,
            data,
            notices: RwSignal::new(notices),
            series,
            month_asked,
            country,
            panel,
            pair,
            layer,
            zoom,
            theme,
            hidden,
            index,
            month,
            months,
            model,
            side_model,
            country_model,
            country_profile,
            symbols,
            reporter,
            korea_periods,
            korea,
            ties,
        }
    }

    /// The one way to change the view: the state and the address together.
    pub fn go(&self, how: Write, change: impl FnOnce(&mut ViewState)) {
        let mut next = self.view.get_untracked();
        change(&mut next);
        if self.view.with_untracked(|now| *now == next) {
            return;
        }
        if how != Write::Later {
            (self.write_address)(&next, how);
        }
        self.view.set(next);
    }

    /// Writes the current state into the address, replacing the entry: the
    /// end of a gesture whose steps were `Write::Later`.
    pub fn commit(&self) {
        self.view
            .with_untracked(|now| (self.write_address)(now, Write::Replace));
    }

    /// Back or Forward: the address already says it, so nothing is written.
    pub fn restore(&self, state: ViewState, notices: Vec<QueryNotice>) {
        self.view.set(state);
        self.notices.set(notices);
    }

    /// The whole state, for links built from it (share, embed, full view).
    pub fn snapshot(&self) -> ViewState {
        self.view.get()
    }

    pub fn snapshot_untracked(&self) -> ViewState {
        self.view.get_untracked()
    }

    /// Settings fixed for the page's life: `embed` and `lang` change only
    /// by loading another address.
    pub fn embedded(&self) -> bool {
        self.view.with_untracked(|s| s.embed)
    }

    /// The dataset in use, for a handler that reads it once.
    pub fn dataset_untracked(&self) -> Arc<Dataset> {
        self.data.with_untracked(|d| d.0.clone())
    }

    /// Replaces the data in place: every view keeps its state, a pinned
    /// month stays, a view that follows the latest moves to the new latest.
    pub fn replace_data(&self, dataset: Dataset) {
        self.data.set(Data(Arc::new(dataset)));
    }
}

#[cfg(test)]
mod tests {
    use std::cell::RefCell;
    use std::sync::atomic::{AtomicU32, Ordering};

    use super::*;
    use crate::core::state::url_state::to_query;

    thread_local! {
        static WRITTEN: RefCell<Vec<(String, Write)>> = const { RefCell::new(Vec::new()) };
    }

    fn record(state: &ViewState, how: Write) {
        WRITTEN.with(|w| w.borrow_mut().push((to_query(state), how)));
    }

    fn written() -> Vec<(String, Write)> {
        WRITTEN.with(|w| w.borrow_mut().drain(..).collect())
    }

    /// Counts the runs of a memo's readers: a watcher re-runs only when the
    /// memo it tracks has changed.
    struct Watch {
        name: &'static str,
        runs: Arc<AtomicU32>,
        watcher: Memo<()>,
    }

    fn watch<T: PartialEq + Send + Sync + 'static>(name: &'static str, memo: Memo<T>) -> Watch {
        let runs = Arc::new(AtomicU32::new(0));
        let counted = runs.clone();
        // `with`, not `track`: `track` subscribes without bringing a stale
        // memo up to date, so the watcher would miss its changes.
        let watcher = Memo::new(move |_| {
            memo.with(|_| ());
            counted.fetch_add(1, Ordering::Relaxed);
        });
        Watch {
            name,
            runs,
            watcher,
        }
    }

    fn all_watches(store: &Store) -> Vec<Watch> {
        vec![
            watch("series", store.series),
            watch("month_asked", store.month_asked),
            watch("country", store.country),
            watch("panel", store.panel),
            watch("pair", store.pair),
            watch("layer", store.layer),
            watch("zoom", store.zoom),
            watch("theme", store.theme),
            watch("index", store.index),
            watch("month", store.month),
            watch("months", store.months),
            watch("model", store.model),
            watch("country_model", store.country_model),
            watch("country_profile", store.country_profile),
            watch("symbols", store.symbols),
        ]
    }

    /// Which watched memos changed since the last call.
    fn changed(watches: &[Watch]) -> Vec<&'static str> {
        watches
            .iter()
            .filter_map(|w| {
                let before = w.runs.load(Ordering::Relaxed);
                w.watcher.get();
                (w.runs.load(Ordering::Relaxed) > before).then_some(w.name)
            })
            .collect()
    }

    fn month(text: &str) -> Month {
        Month::parse(text).unwrap()
    }

    fn store_at(query: &str) -> Store {
        let dataset = Dataset::embedded().unwrap();
        let (state, notices) = crate::core::state::url_state::parse(query, |series| {
            SeriesView::new(&dataset, series).month_span()
        });
        Store::new(Arc::new(dataset), state, notices, record, |model| model)
    }

    #[test]
    fn each_change_re_runs_only_the_memos_that_read_it() {
        let owner = Owner::new();
        owner.set();
        let store = store_at("?month=2025-08&country=KOR&layer=production");
        let watches = all_watches(&store);
        changed(&watches);
        type Change = fn(&mut ViewState);
        let cases: [(&str, Change, &[&str]); 9] = [
            (
                "a month step",
                |s| s.month = Some(month("2025-09")),
                &["month_asked", "month", "model", "country_model"],
            ),
            ("zoom in", |s| s.zoom = Some(2), &["zoom"]),
            ("dark theme", |s| s.theme = Some(Theme::Dark), &["theme"]),
            (
                "open a panel",
                |s| s.panel = Some(Panel::Claims),
                &["panel"],
            ),
            (
                "another pair",
                |s| s.compare = Pair::parse("kor-jpn"),
                &["pair"],
            ),
            (
                "another country",
                |s| s.country = CountryCode::parse("JPN"),
                &["country", "country_model", "country_profile"],
            ),
            (
                "the reserves layer",
                |s| {
                    s.layer = Some(Layer::Symbols(
                        crate::core::analysis::structure::Measure::Reserves,
                    ))
                },
                &["layer", "symbols"],
            ),
            (
                "another series, following its latest month",
                |s| {
                    s.series = Series::RareEarths;
                    s.month = None;
                },
                &[
                    "series",
                    "month_asked",
                    "index",
                    "month",
                    "months",
                    "model",
                    "country_model",
                    "country_profile",
                ],
            ),
            ("nothing new", |_| {}, &[]),
        ];
        for (what, change, expected) in cases {
            store.go(Write::Push, change);
            assert_eq!(changed(&watches), expected.to_vec(), "{what}");
        }
    }

    #[test]
    fn the_country_panel_follows_the_deferred_model_not_the_maps() {
        let owner = Owner::new();
        owner.set();
        let dataset = Dataset::embedded().unwrap();
        let (state, notices) =
            crate::core::state::url_state::parse("?month=2025-08&country=KOR", |series| {
                SeriesView::new(&dataset, series).month_span()
            });
        // A clock that never catches up: what reads the deferred model
        // stays on August while the map moves on.
        let store = Store::new(Arc::new(dataset), state, notices, record, |model| {
            let first = model.get_untracked();
            Memo::new(move |_| first.clone())
        });
        let watches = all_watches(&store);
        changed(&watches);
        store.go(Write::Push, |s| s.month = Some(month("2025-09")));
        assert_eq!(changed(&watches), ["month_asked", "month", "model"]);
        let shown = |m: Memo<Option<MapModel>>| m.with(|m| m.as_ref().map(|m| m.month));
        assert_eq!(shown(store.model), Some(month("2025-09")));
        assert_eq!(shown(store.side_model), Some(month("2025-08")));
    }

    #[test]
    fn the_same_month_again_wakes_nothing_and_writes_no_address() {
        let owner = Owner::new();
        owner.set();
        let store = store_at("?month=2025-08");
        let watches = all_watches(&store);
        changed(&watches);
        written();
        store.go(Write::Push, |s| s.month = Some(month("2025-08")));
        assert_eq!(changed(&watches), Vec::<&str>::new());
        assert_eq!(written(), vec![]);
    }

    #[test]
    fn a_drag_writes_the_address_once_at_its_end() {
        let owner = Owner::new();
        owner.set();
        let store = store_at("");
        written();
        for m in ["2025-06", "2025-07", "2025-08"] {
            store.go(Write::Later, |s| s.month = Some(month(m)));
        }
        assert_eq!(
            store.month.get(),
            Some(month("2025-08")),
            "the view follows the drag"
        );
        assert_eq!(written(), vec![], "no address write during the drag");
        store.commit();
        assert_eq!(
            written(),
            vec![("?month=2025-08".to_string(), Write::Replace)]
        );
        store.go(Write::Push, |s| s.zoom = Some(4));
        assert_eq!(
            written(),
            vec![("?month=2025-08&zoom=4".to_string(), Write::Push)]
        );
    }

    #[test]
    fn back_restores_the_state_without_writing_the_address() {
        let owner = Owner::new();
        owner.set();
        let store = store_at("?month=2025-08");
        written();
        store.restore(
            ViewState {
                month: Some(month("2025-09")),
                ..ViewState::default()
            },
            Vec::new(),
        );
        assert_eq!(store.month.get(), Some(month("2025-09")));
        assert_eq!(written(), vec![]);
    }

    #[test]
    fn newer_data_moves_a_latest_view_and_keeps_a_pinned_month() {
        let owner = Owner::new();
        owner.set();
        // The README's example of a newsroom's update, an April 2026 row,
        // with two more destinations: a month a visitor lands on names three.
        let rows = [
            "mag-chn-usa-2026-04,magnet_exports,CHN,USA,2026-04,512,t,Headline of the report,Reuters,2026-05-20,https://example.org/report,\"512 tons to the United States\"",
            "mag-chn-jpn-2026-04,magnet_exports,CHN,JPN,2026-04,301,t,Headline of the report,Reuters,2026-05-20,https://example.org/report,\"301 tons to Japan\"",
            "mag-chn-kor-2026-04,magnet_exports,CHN,KOR,2026-04,97,t,Headline of the report,Reuters,2026-05-20,https://example.org/report,\"97 tons to South Korea\"",
        ]
        .join("\n");
        let newer = || {
            let text = format!(
                "{}\n{rows}\n",
                crate::core::data::dataset::FACTS_CSV.trim_end()
            );
            Dataset::parse(
                &text,
                crate::core::data::dataset::ARTICLE_CLAIMS_CSV,
                crate::core::data::events::EVENTS_CSV,
            )
            .unwrap()
        };

        let latest = store_at("?zoom=2");
        assert_eq!(latest.month.get(), Some(month("2025-12")));
        let watches = all_watches(&latest);
        changed(&watches);
        latest.replace_data(newer());
        assert_eq!(latest.month.get(), Some(month("2026-04")));
        assert_eq!(latest.zoom.get(), 2, "the view keeps its zoom");
        let woke = changed(&watches);
        assert!(
            woke.contains(&"model") && woke.contains(&"months"),
            "{woke:?}"
        );
        assert!(
            !woke.contains(&"zoom") && !woke.contains(&"series"),
            "{woke:?}"
        );

        let pinned = store_at("?month=2025-08");
        pinned.replace_data(newer());
        assert_eq!(pinned.month.get(), Some(month("2025-08")));
    }
}
