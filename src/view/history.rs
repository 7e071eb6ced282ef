//! The browser address bar as the store of view state.

use wasm_bindgen::JsValue;

use crate::core::url_state::{to_query, ViewState};

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum HistoryMode {
    /// A new entry: Back returns to the view before.
    Push,
    /// Same entry, new address: scrubbing the timeline does not flood Back.
    Replace,
}

pub fn current_query() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

pub fn write(state: &ViewState, mode: HistoryMode) {
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
    let _ = match mode {
        HistoryMode::Push => history.push_state_with_url(&JsValue::NULL, "", Some(&url)),
        HistoryMode::Replace => history.replace_state_with_url(&JsValue::NULL, "", Some(&url)),
    };
}
