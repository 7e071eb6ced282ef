//! Fetches the served data file after start-up and hands the core's
//! decision to the app. The app never waits for it: the embedded data is
//! drawn first, and a missing file or a network failure changes nothing.

use gloo_net::http::Request;
use web_sys::RequestCache;

use crate::core::dataset::Dataset;
use crate::core::update::{
    consider, content_range_total, tail_matches, tail_range, Decision, DATA_FILE,
};

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
