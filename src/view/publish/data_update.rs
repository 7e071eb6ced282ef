//! Fetches the served data file after start-up and hands the core's
//! decision to the app. The app never waits for it: the embedded data is
//! drawn first, and a missing file or a network failure changes nothing.

use gloo_net::http::Request;
use leptos::prelude::*;

use crate::t;
use web_sys::RequestCache;

use std::sync::Arc;

use crate::core::data::dataset::Dataset;
use crate::core::data::events::EVENTS_FILE;
use crate::core::data::update::{
    consider, consider_events, content_range_total, tail_matches, tail_range, Decision, DATA_FILE,
};
use crate::view::state::Store;

/// Runs the check once and says what came of it. A newer file replaces the
/// data in place: the view keeps its month (or moves to the new latest when
/// it follows the latest), its panels, dialog, zoom and focus, and a line
/// says that the data was updated, so a changed number is never a mystery.
#[component]
pub fn DataCheck() -> impl IntoView {
    let store = expect_context::<Store>();
    let refused = RwSignal::new(None::<String>);
    let updated = RwSignal::new(None::<String>);
    leptos::task::spawn_local(async move {
        let in_use = store.dataset_untracked();
        match check_served_data(&in_use).await {
            Some(Decision::Replace(newer)) => {
                updated.set(Some(t!(map_now_shows_data_files:
                    "The map now shows the data file's newer figures (as of {date}).",
                    date = newer.latest_source_date().unwrap_or_default()
                )));
                store.replace_data(newer);
            }
            Some(Decision::Invalid(error)) => refused.set(Some(t!(data_file_was_not_used:
                "The data file {file} was not used: {error}. The map shows the data built into the app (as of {date}).",
                file = DATA_FILE,
                error = error,
                date = in_use.latest_source_date().unwrap_or_default()
            ))),
            Some(Decision::NotData) => not_data(DATA_FILE),
            // A host that ignores ranges sent the whole file: its excerpts
            // complete the built-in copy, and no number changes.
            Some(Decision::Excerpts(complete)) => store.replace_data(complete),
            // An older file is kept aside as silently as a missing one: the
            // credit line's "data as of" date shows which data is in use.
            _ => {}
        }
        // Then the events file, against the facts in use when it arrives.
        match check_served_events(store).await {
            Some(Decision::Replace(newer)) => store.replace_data(newer),
            Some(Decision::Invalid(error)) => refused.set(Some(t!(events_file_was_not_used:
                "The events file {file} was not used: {error}. The timeline shows the events built into the app.",
                file = EVENTS_FILE,
                error = error
            ))),
            Some(Decision::NotData) => not_data(EVENTS_FILE),
            _ => {}
        }
    });
    let notice = move |text: RwSignal<Option<String>>, test_id: &'static str| {
        move || {
            text.get().map(|words| view! {
            <p class="notice data-notice" role="status" data-testid=test_id>
                {words}
                <button type="button" class="dismiss" aria-label=t!(dismiss_notice: "Dismiss notice") on:click=move |_| text.set(None)>"×"</button>
            </p>
        })
        }
    };
    view! { {notice(refused, "data-notice")} {notice(updated, "data-updated")} }
}

/// For the host, not the reader: the address answered with a web page.
fn not_data(file: &str) {
    web_sys::console::warn_1(
        &format!("Rare-Earth Flows: {file} answered with an HTML page, not CSV; the built-in copy is used. Serve the file or remove the fallback for it.").into(),
    );
}

/// The events file is small: it is read whole, and revalidated like the
/// data file so that a newsroom's new event shows on the next visit. It is
/// judged against the data in use once it has arrived: the excerpts may
/// have been read in the meantime, and must not be replaced by a copy
/// without them.
async fn check_served_events(store: Store) -> Option<Decision> {
    let reply = Request::get(EVENTS_FILE)
        .cache(RequestCache::NoCache)
        .send()
        .await
        .ok()?;
    if !reply.ok() {
        return None;
    }
    let served = reply.text().await.ok()?;
    Some(consider_events(&served, &store.dataset_untracked()))
}

/// Asks for the file's tail first, and for the whole file only when the
/// tail shows it differs from the data in use.
async fn check_served_data(current: &Dataset) -> Option<Decision> {
    let probe = Request::get(DATA_FILE)
        .header("Range", &tail_range())
        // Revalidate: a newsroom's edit must show on the next visit.
        .cache(RequestCache::NoCache)
        .send()
        .await
        .ok()?;
    let text = match probe.status() {
        206 => {
            let total = probe
                .headers()
                .get("content-range")
                .and_then(|header| content_range_total(&header));
            let tail = probe.binary().await.ok()?;
            if tail_matches(total, &tail, &current.facts_file) {
                return None;
            }
            let whole = Request::get(DATA_FILE)
                .cache(RequestCache::NoCache)
                .send()
                .await
                .ok()?;
            if !whole.ok() {
                return None;
            }
            whole.text().await.ok()?
        }
        // A host that ignores ranges sends the whole file at once.
        200 => probe.text().await.ok()?,
        // Absent (404) or refused: the embedded data stays, silently.
        _ => return None,
    };
    Some(consider(&text, current))
}

/// Where the excerpts left out of the built-in copy stand. They are read
/// from the served data file the first time a reader opens a source (a
/// country's facts, a flow's tooltip, the hover text of a source link) or
/// takes a file that quotes them; a reader who only looks never loads them.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ExcerptState {
    NotAsked,
    Loading,
    /// In the data in use, from the served file or a newer one.
    Read,
    /// The served file is missing, or is not the file the app was built
    /// from (a newsroom's edit the data check refused): the quotes stay
    /// out, and the source links stay one click away.
    Unavailable,
}

/// The excerpts' reader, shared by the explorer's parts through context.
#[derive(Clone, Copy)]
pub struct Excerpts {
    state: RwSignal<ExcerptState>,
    store: Store,
}

impl Excerpts {
    pub fn new(store: Store) -> Excerpts {
        Excerpts {
            state: RwSignal::new(ExcerptState::NotAsked),
            store,
        }
    }

    pub fn state(self) -> ExcerptState {
        self.state.get()
    }

    /// Whether nothing has asked for the excerpts yet.
    pub fn not_asked(self) -> bool {
        self.state.get_untracked() == ExcerptState::NotAsked
    }

    /// Starts reading the excerpts, once, if the data in use lacks them.
    pub fn ask(self) {
        if self.not_asked() {
            // Marked at once, so that a second ask in the same turn waits
            // for the same reply instead of sending another request.
            self.settle(ExcerptState::Loading);
            leptos::task::spawn_local(async move {
                self.read().await;
            });
        }
    }

    /// The data in use with its excerpts once they are read; the data as
    /// it is when they cannot be.
    pub async fn read(self) -> Arc<Dataset> {
        let quoted = |dataset: &Dataset| dataset.facts_file.whole().is_some();
        let in_use = self.store.dataset_untracked();
        if quoted(&in_use) {
            self.settle(ExcerptState::Read);
            return in_use;
        }
        if self.state.get_untracked() == ExcerptState::Unavailable {
            return in_use;
        }
        self.settle(ExcerptState::Loading);
        let served = match Request::get(DATA_FILE).send().await {
            Ok(reply) if reply.ok() => reply.text().await.ok(),
            _ => None,
        };
        // Judged against the data in use now, not before the request: the
        // data check may have brought a newer file, quotes and all.
        let in_use = self.store.dataset_untracked();
        if quoted(&in_use) {
            self.settle(ExcerptState::Read);
            return in_use;
        }
        match served.map(|text| consider(&text, &in_use)) {
            Some(Decision::Excerpts(complete)) => {
                self.store.replace_data(complete);
                self.settle(ExcerptState::Read);
                self.store.dataset_untracked()
            }
            _ => {
                self.settle(ExcerptState::Unavailable);
                in_use
            }
        }
    }

    /// Changes the state, waking its readers only when it differs.
    fn settle(self, state: ExcerptState) {
        if self.state.get_untracked() != state {
            self.state.set(state);
        }
    }
}
