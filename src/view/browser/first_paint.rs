//! The first paint, taken over. `index.html` ships the default view as the
//! release app drew it at build time (`tests/tools/first-paint.mjs`), so a
//! reader sees the map, the headline and the month's totals before the wasm
//! has arrived. `first-paint.js` keeps that copy on screen only for the
//! address and language it shows, and marks the page `first-paint` then.
//!
//! The app mounts beside the copy, laid out over it but not painted, and
//! takes over once its map has its shapes: the copy goes and the app shows
//! in the same task, so no frame shows neither or both, and the app's boxes
//! sit where the copy's were (no layout shift).
//!
//! Nobody sees the app while it is laid out unseen, so it is built in
//! several tasks ([`build_stage`]) rather than one: input is never blocked
//! for the whole start-up at once (Lighthouse's total blocking time).

use leptos::prelude::{set_timeout, GetUntracked, ReadSignal, RwSignal, Update};
use wasm_bindgen::JsCast;

/// The id of the build-time copy in `index.html`.
const COPY: &str = "first-paint";
/// The class `first-paint.js` sets on the root while the copy is shown.
const SHOWN: &str = "first-paint";
/// How long the copy waits for the app's map at most; a slow 3G link
/// brings the wasm and the shapes in well under this.
const PATIENCE: std::time::Duration = std::time::Duration::from_secs(12);

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

fn copy_shown_in(document: &web_sys::Document) -> bool {
    document
        .document_element()
        .is_some_and(|root| root.class_list().contains(SHOWN))
        && document.get_element_by_id(COPY).is_some()
}

/// Whether the build-time copy is on screen while the app starts.
pub fn copy_shown() -> bool {
    document().is_some_and(|d| copy_shown_in(&d))
}

/// Resolves in a later task (a `setTimeout` turn), so that the browser can
/// handle input and paint before the start-up goes on.
pub async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback(&resolve);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// The stage the app's build has reached, from 0 (the task that sets up
/// the view state builds no part) to `last`: while the copy is shown, one more
/// stage a task; otherwise `last` at once, so that no part of a visible app
/// appears late.
pub fn build_stage(last: u8) -> ReadSignal<u8> {
    let stage = RwSignal::new(if copy_shown() { 0 } else { last });
    leptos::task::spawn_local(async move {
        // `try_`: an app torn down in the meantime ends the loop.
        while stage.try_get_untracked().is_some_and(|n| n < last) {
            next_task().await;
            stage.try_update(|n| *n += 1);
        }
    });
    stage.read_only()
}

/// The element the app mounts into, after the copy. While the copy is
/// shown, the app is laid out over it unseen (`#app.taking-over`); a copy
/// for another view is removed at once.
pub fn mount_point() -> web_sys::HtmlElement {
    let document = document().expect("a page has a document");
    let body = document.body().expect("a page has a body");
    let point = document
        .create_element("div")
        .expect("a div can be created")
        .unchecked_into::<web_sys::HtmlElement>();
    point.set_id("app");
    if copy_shown_in(&document) {
        point.set_class_name("taking-over");
        // A basemap request that never answers must not leave the reader
        // with a copy that cannot be clicked: the app takes over regardless.
        set_timeout(hand_over, PATIENCE);
    } else {
        hand_over();
    }
    body.append_child(&point).expect("the body takes a child");
    point
}

/// Removes the copy and shows the app; the second call finds nothing to do.
pub fn hand_over() {
    let Some(document) = document() else { return };
    if let Some(copy) = document.get_element_by_id(COPY) {
        copy.remove();
    }
    if let Some(root) = document.document_element() {
        let _ = root.class_list().remove_1(SHOWN);
    }
    if let Some(app) = document.get_element_by_id("app") {
        let _ = app.class_list().remove_1("taking-over");
    }
}
