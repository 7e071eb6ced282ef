//! The country shapes: fetched once per page, drawn once, and highlighted
//! through a `Selector`, so choosing a country touches only the shapes
//! whose highlight changes.

use leptos::prelude::*;

use crate::core::data::country::{self, CountryCode, EU27};
use crate::core::geo::basemap::{parse_basemap, Basemap};
use crate::core::present::map_model::shape_group;
use crate::core::text::i18n::country_name;
use crate::view::state::{Store, Write};

#[derive(Clone, Debug)]
pub struct BasemapError(pub String);

impl std::fmt::Display for BasemapError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for BasemapError {}

pub type BasemapResource = LocalResource<Result<Basemap, BasemapError>>;

/// Fetched next to `index.html`, with a relative URL, so the app works under
/// any sub-path of a static host.
pub const BASEMAP_URL: &str = "geo/countries.tsv";

/// The browser's own message. gloo-net's full Display would also pull in
/// serde_json's error texts, which this request can never produce.
fn network_error(error: gloo_net::Error) -> BasemapError {
    let reason = match error {
        gloo_net::Error::JsError(js) => js.message,
        _ => "the response could not be read".to_string(),
    };
    BasemapError(format!("{BASEMAP_URL}: {reason}"))
}

/// Requested once: the resource reads no signal, so nothing re-fetches it.
pub fn load_basemap() -> BasemapResource {
    LocalResource::new(|| async {
        let response = gloo_net::http::Request::get(BASEMAP_URL)
            .send()
            .await
            .map_err(network_error)?;
        if !response.ok() {
            return Err(BasemapError(format!(
                "{BASEMAP_URL}: HTTP {}",
                response.status()
            )));
        }
        let text = response.text().await.map_err(network_error)?;
        parse_basemap(&text).map_err(|e| BasemapError(format!("{BASEMAP_URL}: {e}")))
    })
}

/// The fixed classes of a country's shape: one string, one attribute.
fn shape_class(code: &str, selectable: bool) -> &'static str {
    let story = country::lookup(shape_group(code)).is_some_and(|c| c.in_story);
    match (shape_group(code) == EU27, story, selectable) {
        (true, _, _) => "land eu story selectable",
        (false, true, _) => "land story selectable",
        (false, false, true) => "land selectable",
        (false, false, false) => "land",
    }
}

/// Whether the shape `code` lights up when `selected` is chosen: its own
/// country, or any member when the EU is.
fn lights_up(code: &&'static str, selected: &&'static str) -> bool {
    code == selected || (*selected == EU27 && country::is_eu_member(code))
}

#[component]
pub fn Shapes(basemap: BasemapResource, selected: Memo<Option<CountryCode>>) -> impl IntoView {
    let store = expect_context::<Store>();
    let highlight = Selector::new_with_fn(
        move || selected.get().map_or("", CountryCode::as_str),
        lights_up,
    );
    let shapes = move || {
        basemap.get().and_then(Result::ok).map(|b| {
            let outline = view! { <path class="sphere" d=b.outline/> };
            let countries = b
                .countries
                .into_iter()
                .map(|shape| {
                    let code = CountryCode::parse(&shape.id);
                    let lit = {
                        let highlight = highlight.clone();
                        move || code.is_some_and(|c| highlight.selected(&c.as_str()))
                    };
                    view! {
                        <path
                            d=shape.d
                            class=shape_class(&shape.id, code.is_some())
                            class:selected=lit
                            data-country=shape.id
                        >
                            <title>{country_name(&shape.id, &shape.name)}</title>
                        </path>
                    }
                })
                .collect_view();
            view! { {outline} {countries} }
        })
    };
    // One handler for every shape: a click names its country by the shape's code.
    let on_click = move |ev: leptos::ev::MouseEvent| {
        let target = event_target::<web_sys::Element>(&ev);
        if let Some(code) = target
            .get_attribute("data-country")
            .and_then(|id| CountryCode::parse(&id))
        {
            store.go(Write::Push, |s| s.country = Some(code));
        }
    };
    view! { <g class="basemap" on:click=on_click>{shapes}</g> }
}
