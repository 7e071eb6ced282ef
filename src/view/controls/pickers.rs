//! Series, country, theme and language.

use leptos::prelude::*;

use crate::core::analysis::series::Series;
use crate::core::data::country::{self, CountryCode};
use crate::core::state::url_state::{self, Theme};
use crate::core::text::i18n::{self, Lang};
use crate::t;
use crate::view::browser::theme;
use crate::view::state::{Store, Write};

#[component]
pub fn SeriesPicker(series: Memo<Series>) -> impl IntoView {
    let store = expect_context::<Store>();
    let on_change = move |ev| {
        let picked = Series::from_slug(&event_target_value(&ev)).unwrap_or_default();
        // A month of one series may not exist in another: follow the latest.
        store.go(Write::Push, |s| {
            s.series = picked;
            s.month = None;
        });
    };
    view! {
        <label class="series-picker">
            {t!(series: "Series")}" "
            <select data-testid="series" on:change=on_change prop:value=move || series.get().slug()>
                {Series::ALL.map(|s| view! { <option value=s.slug()>{s.label()}</option> }).collect_view()}
            </select>
        </label>
    }
}

/// The keyboard path to a country panel; the map's shapes are the mouse path.
#[component]
pub fn CountryPicker(selected: Memo<Option<CountryCode>>) -> impl IntoView {
    let store = expect_context::<Store>();
    let mut choices: Vec<_> = country::COUNTRIES
        .iter()
        .map(|c| (c.code, country::display_name(c.code)))
        .collect();
    crate::core::data::order::sort_by(&mut choices, |(_, a), (_, b)| a.cmp(b));
    view! {
        <label class="country-picker">
            {t!(country_label: "Country")}" "
            <select
                data-testid="country-select"
                prop:value=move || selected.get().map_or("", CountryCode::as_str)
                on:change=move |ev| {
                    let code = CountryCode::parse(&event_target_value(&ev));
                    store.go(Write::Push, |s| s.country = code);
                }
            >
                <option value="">{t!(none_option: "— none —")}</option>
                {choices.into_iter().map(|(code, name)| view! { <option value=code>{name}</option> }).collect_view()}
            </select>
        </label>
    }
}

/// Light or dark, kept in the address; without a choice the system's
/// preference applies, and follows it when the system switches.
#[component]
pub fn ThemeToggle(theme: Memo<Option<Theme>>) -> impl IntoView {
    let store = expect_context::<Store>();
    let system_dark = theme::system_prefers_dark();
    let dark = move || {
        theme
            .get()
            .map_or_else(|| system_dark.get(), |t| t == Theme::Dark)
    };
    Effect::new(move |_| theme::mark_page(dark()));
    view! {
        <button
            type="button"
            data-testid="theme"
            aria-pressed=move || dark().to_string()
            on:click=move |_| {
                let next = if untrack(dark) { Theme::Light } else { Theme::Dark };
                store.go(Write::Push, |s| s.theme = Some(next));
            }
        >
            {t!(dark_theme: "Dark theme")}
        </button>
    }
}

/// The visible switcher; a choice reloads the page in that language, so
/// every memo computes in it from the start, and Back returns to the old one.
#[component]
pub fn LanguagePicker() -> impl IntoView {
    let store = expect_context::<Store>();
    let on_change = move |ev| {
        let Some(lang) = Lang::from_slug(&event_target_value(&ev)) else {
            return;
        };
        let mut next = store.snapshot_untracked();
        next.lang = Some(lang);
        let query = url_state::to_query(&next);
        if let Some(window) = web_sys::window() {
            let path = window.location().pathname().unwrap_or_default();
            let _ = window.location().assign(&format!("{path}{query}"));
        }
    };
    view! {
        <label class="language-picker">
            {t!(language: "Language")}" "
            <select data-testid="lang" on:change=on_change prop:value=i18n::lang().slug()>
                {Lang::ALL.map(|l| view! { <option value=l.slug() lang=l.slug()>{l.native_name()}</option> }).collect_view()}
            </select>
        </label>
    }
}
