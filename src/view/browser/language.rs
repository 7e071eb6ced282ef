//! Choosing and loading the language. English is built in; Korean and
//! Mongolian catalogues are fetched next to `index.html` only for readers
//! who need them, before the explorer renders, so no sentence is ever half
//! translated. A catalogue that has not arrived within a few seconds is not
//! waited for: the explorer renders in English and says so in both
//! languages, and a late catalogue is not applied (that would mix them). Switching reloads the page at the new address: every memo
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

/// Fetches `lang`'s catalogue, without activating it: the caller decides
/// whether it came in time. `None` for a catalogue that cannot be read
/// (with a console message for the host).
pub async fn fetch(lang: Lang) -> Option<Catalogue> {
    let file = lang.catalogue_file()?;
    let text = match Request::get(file).send().await {
        Ok(response) if response.ok() => response.text().await.ok(),
        _ => None,
    };
    let catalogue = text.and_then(|t| Catalogue::parse(&t).ok());
    if catalogue.is_none() {
        web_sys::console::warn_1(&format!("{file} could not be read; showing English").into());
    }
    catalogue
}

/// Makes `lang` the page's language with `catalogue`, or English without.
pub fn apply(lang: Lang, catalogue: Option<Catalogue>) {
    match catalogue {
        Some(catalogue) => i18n::activate(lang, catalogue),
        None => i18n::activate(Lang::En, Catalogue::default()),
    }
    mark_page();
}

/// Said when Korean or Mongolian was asked for and English is shown. It
/// cannot come from the catalogue that did not arrive, so it is written
/// here, in both languages.
pub fn fallback_note(lang: Lang) -> &'static str {
    match lang {
        Lang::Ko => "한국어 번역을 불러오지 못해 영어로 표시합니다. The Korean translation did not arrive; showing English.",
        Lang::Mn => "Монгол орчуулгыг ачаалж чадсангүй, англиар харуулж байна. The Mongolian translation did not arrive; showing English.",
        Lang::En => "",
    }
}

/// `<html lang>` names the language the page is in, for screen readers,
/// and the tab's title is in it too.
pub fn mark_page() {
    let document = web_sys::window().and_then(|w| w.document());
    if let Some(document) = &document {
        document.set_title(&crate::t!(page_title: "Rare-Earth Flows — China's rare-earth magnet exports, month by month"));
    }
    if let Some(root) = document.and_then(|d| d.document_element()) {
        let _ = root.set_attribute("lang", i18n::lang().slug());
    }
}
