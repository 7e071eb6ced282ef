//! Downloads built in the browser: the view as CSV, the dataset, and the
//! map as SVG and PNG with its title, legend, month, sources and data date
//! drawn in. The CSV and the captions come from the core; this file only
//! touches the DOM.

use leptos::prelude::*;

use crate::t;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Blob, BlobPropertyBag, Document, HtmlAnchorElement, Url};

use crate::core::analysis::series::{Series, SeriesView};
use crate::core::data::dataset::Dataset;
use crate::core::data::period::Month;
use crate::core::data::update::DATA_FILE;
use crate::core::geo::projection::Miller;
use crate::core::present::export::{caption, file_stem, standalone_svg, view_csv};
use crate::core::present::map_model::map_model;
use crate::core::state::action::{Action, Download};
use crate::view::publish::data_update::Excerpts;
use crate::view::state::{Data, Store};

const SVG: &str = "image/svg+xml;charset=utf-8";

fn document() -> Option<Document> {
    web_sys::window()?.document()
}

/// Hands the file at `href` to the browser as a download called `name`.
fn save(name: &str, href: &str) -> Option<()> {
    let link: HtmlAnchorElement = document()?.create_element("a").ok()?.dyn_into().ok()?;
    link.set_href(href);
    link.set_download(name);
    link.click();
    Some(())
}

/// An object URL for `text`, freed after `linger`: long enough for any
/// browser to have started reading it (some read after the click returns).
fn text_url(text: &str, mime: &str, linger: std::time::Duration) -> Option<String> {
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let blob = Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    let url = Url::create_object_url_with_blob(&blob).ok()?;
    let freed = url.clone();
    set_timeout(move || drop(Url::revoke_object_url(&freed)), linger);
    Some(url)
}

pub fn save_text(name: &str, mime: &str, text: &str) -> Option<()> {
    save(
        name,
        &text_url(text, mime, std::time::Duration::from_secs(60))?,
    )
}

/// The map as it is on screen, framed with its caption: standalone SVG
/// markup and its size in CSS pixels.
fn map_svg(
    dataset: &Dataset,
    view: &SeriesView,
    month: Month,
    title: &str,
) -> Option<(String, f64, f64)> {
    let on_screen: web_sys::SvgsvgElement = document()?
        .query_selector("[data-testid=flow-map] > svg")
        .ok()??
        .dyn_into()
        .ok()?;
    // The file shows what the screen shows: the frame and zoom of the map.
    let shown = on_screen.view_box().base_val()?;
    let window = (
        f64::from(shown.x()),
        f64::from(shown.y()),
        f64::from(shown.width()),
        f64::from(shown.height()),
    );
    let markup = web_sys::XmlSerializer::new()
        .ok()?
        .serialize_to_string(&on_screen)
        .ok()?;
    let caption = caption(dataset, view, month).titled(title);
    let key = map_model(view, month, &Miller::basemap()).legend;
    let (svg, frame) = standalone_svg(&markup, &caption, window, &key)?;
    Some((svg, frame.width, frame.height))
}

/// Draws the SVG on a canvas at twice its size and encodes it with the
/// browser's own PNG encoder.
async fn png_address(markup: &str, width: f64, height: f64) -> Option<String> {
    let url = text_url(markup, SVG, std::time::Duration::from_secs(10))?;
    let image = web_sys::HtmlImageElement::new().ok()?;
    image.set_src(&url);
    wasm_bindgen_futures::JsFuture::from(image.decode())
        .await
        .ok()?;
    let canvas: web_sys::HtmlCanvasElement =
        document()?.create_element("canvas").ok()?.dyn_into().ok()?;
    let scale = 2.0;
    canvas.set_width((width * scale).ceil() as u32);
    canvas.set_height((height * scale).ceil() as u32);
    let context: web_sys::CanvasRenderingContext2d =
        canvas.get_context("2d").ok()??.dyn_into().ok()?;
    context
        .draw_image_with_html_image_element_and_dw_and_dh(
            &image,
            0.0,
            0.0,
            width * scale,
            height * scale,
        )
        .ok()?;
    canvas.to_data_url_with_type("image/png").ok()
}

/// Builds and saves one file.
/// `title`: the editor's headline for a picture, blank for the data's own.
fn download(kind: Download, dataset: &Dataset, series: Series, month: Month, title: &str) {
    let view = SeriesView::new(dataset, series);
    let stem = file_stem(&view, month);
    const CSV: &str = "text/csv;charset=utf-8";
    match kind {
        Download::ViewCsv => {
            save_text(&format!("{stem}.csv"), CSV, &view_csv(&view, month));
        }
        Download::Dataset => match dataset.facts_file.whole() {
            Some(text) => {
                save_text("rare-earth-flows-facts.csv", CSV, text);
            }
            // The built-in copy without its excerpts is not the file; the
            // served one is, unless a refused edit replaced it.
            None => {
                save("rare-earth-flows-facts.csv", DATA_FILE);
            }
        },
        Download::MapSvg => {
            if let Some((markup, _, _)) = map_svg(dataset, &view, month, title) {
                save_text(&format!("{stem}.svg"), SVG, &markup);
            }
        }
        Download::MapPng => {
            let Some((markup, width, height)) = map_svg(dataset, &view, month, title) else {
                return;
            };
            leptos::task::spawn_local(async move {
                if let Some(address) = png_address(&markup, width, height).await {
                    save(&format!("{stem}.png"), &address);
                }
            });
        }
    }
}

#[component]
pub fn Downloads(
    data: RwSignal<Data>,
    series: Memo<Series>,
    month: Memo<Option<Month>>,
) -> impl IntoView {
    let store = expect_context::<Store>();
    let excerpts = expect_context::<Excerpts>();
    // An editor may write the picture's own headline; the page's stays the
    // data's. A draft belongs to its month: another month starts blank.
    let title = RwSignal::new(String::new());
    Effect::watch(
        move || month.get(),
        move |_, _, _| title.set(String::new()),
        false,
    );
    let headline = move || {
        store
            .model
            .with(|m| m.as_ref().map(|m| m.headline.clone()).unwrap_or_default())
    };
    // One handler for the group; each button names its file in data-action.
    let on_click = move |ev: leptos::ev::MouseEvent| {
        let Some(Action::Download(kind)) = crate::view::browser::action_of(&ev) else {
            return;
        };
        let Some(month) = month.get_untracked() else {
            return;
        };
        let title = title.get_untracked();
        let series = series.get_untracked();
        match kind {
            // The two CSV files quote their sources: they wait for the
            // excerpts (a few hundred milliseconds, once).
            Download::ViewCsv | Download::Dataset => leptos::task::spawn_local(async move {
                let dataset = excerpts.read().await;
                download(kind, &dataset, series, month, &title);
            }),
            _ => data.with_untracked(|d| download(kind, &d.0, series, month, &title)),
        }
    };
    let button = |kind: Download, test_id: &'static str, label: String| {
        view! { <button type="button" data-testid=test_id data-action=Action::Download(kind).slug()>{label}</button> }
    };
    view! {
        <div class="downloads" role="group" aria-labelledby="downloads-label" on:click=on_click>
            <span id="downloads-label" class="tools-label">{t!(download: "Download")}</span>
            {button(Download::ViewCsv, "download-csv", t!(view_csv: "This view (CSV)"))}
            {button(Download::Dataset, "download-data", t!(all_data_csv: "All data (CSV)"))}
            {button(Download::MapSvg, "download-svg", t!(map_svg: "Map (SVG)"))}
            {button(Download::MapPng, "download-png", t!(map_png: "Map (PNG)"))}
            <label class="picture-headline">
                {t!(picture_headline: "Headline on the picture")}
                <input type="text" data-testid="picture-headline" placeholder=headline
                    prop:value=move || title.get() on:input=move |ev| title.set(event_target_value(&ev))/>
            </label>
        </div>
    }
}
