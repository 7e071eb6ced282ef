//! Choosing and loading the language. English is built in; Korean and
//! Mongolian catalogues are fetched next to `index.html` only for readers
//! who need them, before the explorer renders, so no sentence is ever half
//! translated. Switching reloads the page at the new address: every memo
//! then computes in the new language, and Back returns to the old one.

use gloo_net::http::Request;

use crate::core::state::url_state;
use crate::core::text::i18n::{self, Catalogue, Lang};

/// The `lang` of the address, else the browser's preference.
pub fn chosen() -> Lang {
    let query = super::history::current_query();
    let (state, _) = url_state::parse(&query, |_| None);
    state.lang.unwrap_or_else(|| {
        let languages = web_sys::window()
            .map(|w| w.navigator().languages())
            .map(|list| {
                list.iter()
                    .filter_map(|v| v.as_string())
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default();
        Lang::from_preferences(languages.iter().map(String::as_str))
    })
}

/// Fetches and activates `lang`'s catalogue; English (or a catalogue that
/// cannot be read, with a console message) needs nothing.
pub async fn activate(lang: Lang) {
    let Some(file) = lang.catalogue_file() else {
        i18n::activate(Lang::En, Catalogue::default());
        mark_page();
        return;
    };
    let text = match Request::get(file).send().await {
        Ok(response) if response.ok() => response.text().await.ok(),
        _ => None,
    };
    match text.map(|t| Catalogue::parse(&t)) {
        Some(Ok(catalogue)) => i18n::activate(lang, catalogue),
        _ => {
            web_sys::console::warn_1(&format!("{file} could not be read; showing English").into());
            i18n::activate(Lang::En, Catalogue::default());
        }
    }
    mark_page();
}

/// `<html lang>` names the language the page is in, for screen readers.
pub fn mark_page() {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("lang", i18n::lang().slug());
    }
}
