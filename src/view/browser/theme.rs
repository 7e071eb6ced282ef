//! The system's light or dark preference, as a signal that follows the
//! operating system while the page is open.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;

const DARK_QUERY: &str = "(prefers-color-scheme: dark)";

/// Whether the system prefers dark, updated on every system switch.
pub fn system_prefers_dark() -> ReadSignal<bool> {
    let query = web_sys::window().and_then(|w| w.match_media(DARK_QUERY).ok().flatten());
    let (dark, set_dark) = signal(query.as_ref().is_some_and(|q| q.matches()));
    if let Some(query) = query {
        let listener = Closure::<dyn FnMut(web_sys::MediaQueryListEvent)>::new(
            move |event: web_sys::MediaQueryListEvent| set_dark.set(event.matches()),
        );
        let _ = query.add_event_listener_with_callback("change", listener.as_ref().unchecked_ref());
        // The listener lives as long as the page, like the query list.
        listener.forget();
    }
    dark
}

/// Writes the resolved theme on the page's root, for the style sheet.
pub fn mark_page(dark: bool) {
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("data-theme", if dark { "dark" } else { "light" });
    }
}
