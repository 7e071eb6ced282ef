//! Fetches the served data file after start-up and hands the core's
//! decision to the app. The app never waits for it: the embedded data is
//! drawn first, and a missing file or a network failure changes nothing.

use gloo_net::http::Request;
use leptos::prelude::*;

use crate::t;
use web_sys::RequestCache;

use crate::core::dataset::Dataset;
use crate::core::update::{
    consider, content_range_total, tail_matches, tail_range, Decision, DATA_FILE,
};

/// One dataset per load (two when the served file is newer), so leaking it
/// gives every memo a plain `&'static` to read.
pub fn keep(dataset: Dataset) -> &'static Dataset {
    Box::leak(Box::new(dataset))
}

/// Runs the check once and says what came of it. A newer file replaces the
/// data at once if the reader has not started using the page (the usual
/// case: the check takes a fraction of a second); otherwise it waits for a
/// click, so that nobody loses their place, their focus or an open dialog.
#[component]
pub fn DataCheck(dataset: RwSignal<&'static Dataset>) -> impl IntoView {
    let refused = RwSignal::new(None::<String>);
    let waiting = RwSignal::new(None::<&'static Dataset>);
    let touched = StoredValue::new(false);
    let keys = window_event_listener(leptos::ev::keydown, move |_| touched.set_value(true));
    let pointer = window_event_listener(leptos::ev::pointerdown, move |_| touched.set_value(true));
    on_cleanup(move || {
        keys.remove();
        pointer.remove();
    });
    leptos::task::spawn_local(async move {
        let in_use = dataset.get_untracked();
        match check_served_data(in_use).await {
            Some(Decision::Replace(updated)) if touched.get_value() => waiting.set(Some(keep(updated))),
            Some(Decision::Replace(updated)) => dataset.set(keep(updated)),
            Some(Decision::Invalid(error)) => refused.set(Some(t!(
                "The data file {file} was not used: {error}. The map shows the data built into the app (as of {date}).",
                file = DATA_FILE,
                error = error,
                date = in_use.latest_source_date().unwrap_or_default()
            ))),
            // An older file is kept aside as silently as a missing one: the
            // credit line's "data as of" date shows which data is in use.
            _ => {}
        }
    });
    view! {
        {move || refused.get().map(|text| view! {
            <p class="notice data-notice" role="status" data-testid="data-notice">
                {text}
                <button type="button" class="dismiss" aria-label=t!("Dismiss notice") on:click=move |_| refused.set(None)>"×"</button>
            </p>
        })}
        {move || waiting.get().map(|newer| view! {
            <p class="notice data-notice" role="status" data-testid="data-update">
                {t!("Newer data is available (as of {date}). ", date = newer.latest_source_date().unwrap_or_default())}
                <button type="button" data-testid="data-update-apply" on:click=move |_| {
                    waiting.set(None);
                    dataset.set(newer);
                }>{t!("Show it")}</button>
            </p>
        })}
    }
}

/// Asks for the file's tail first, and for the whole file only when the
/// tail shows it differs from the data in use.
pub async fn check_served_data(current: &Dataset) -> Option<Decision> {
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
            if tail_matches(total, &tail, &current.facts_csv) {
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
