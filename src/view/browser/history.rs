//! The browser address bar as the store of view state.

use wasm_bindgen::JsValue;

use crate::core::state::url_state::{to_query, ViewState};
use crate::view::state::Write;

pub fn current_query() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// The store's address writer: one `pushState` or `replaceState`, and none
/// when the address already says it.
pub fn write(state: &ViewState, how: Write) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let query = to_query(state);
    if query == current_query() {
        return;
    }
    // An empty query must name the path, or the old query would stay.
    let url = if query.is_empty() {
        window.location().pathname().unwrap_or_default()
    } else {
        query
    };
    let Ok(history) = window.history() else {
        return;
    };
    let _ = match how {
        Write::Push => history.push_state_with_url(&JsValue::NULL, "", Some(&url)),
        Write::Replace => history.replace_state_with_url(&JsValue::NULL, "", Some(&url)),
        Write::Later => Ok(()),
    };
}
