//! Media queries as signals that follow the browser while the page is open:
//! the system theme, and whether the viewport is a phone's.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;

/// Below this width the map is a locator and the month's destinations are
/// a bar list under it (issue 10): the same width as the style sheet's.
pub const PHONE: &str = "(max-width: 479.98px)";

/// Whether `query` matches, updated whenever that changes.
pub fn matches(query: &str) -> ReadSignal<bool> {
    let list = web_sys::window().and_then(|w| w.match_media(query).ok().flatten());
    let (now, set) = signal(list.as_ref().is_some_and(|q| q.matches()));
    if let Some(list) = list {
        let listener = Closure::<dyn FnMut(web_sys::MediaQueryListEvent)>::new(
            move |event: web_sys::MediaQueryListEvent| set.set(event.matches()),
        );
        let _ = list.add_event_listener_with_callback("change", listener.as_ref().unchecked_ref());
        // The listener lives as long as the page, like the query list.
        listener.forget();
    }
    now
}
