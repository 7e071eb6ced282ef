//! The flow map: the pre-projected basemap, one tapered arc per sourced
//! flow, faint traces where a destination has no figure, and the tooltip.

mod basemap;
mod flow_bars;
mod korea;
mod legend;
mod marks;
mod zoom_controls;

use leptos::prelude::*;

use crate::core::data::country::CountryCode;
use crate::core::data::units::decimal;
use crate::core::geo::frame::Frame;
use crate::core::geo::projection::Miller;
use crate::core::geo::zoom;
use crate::core::present::korea::KoreaMap;
use crate::core::present::map_model::{project, FlowModel, MapModel, Symbol};
use crate::core::present::ties::Tie;
use crate::t;
use crate::view::side::tooltip::FlowTooltip;
use crate::view::state::{Store, Write};

pub use basemap::{load_basemap, BasemapError, BasemapResource};
pub use flow_bars::FlowBars;

#[component]
pub fn FlowMap(
    model: Memo<Option<MapModel>>,
    basemap: BasemapResource,
    /// Proportional symbols of the structure layer, empty when it is off.
    symbols: Memo<Vec<Symbol>>,
    selected: Memo<Option<CountryCode>>,
    /// Magnification, one of `zoom::LEVELS`.
    zoom: Memo<u32>,
    /// Korea's own record, drawn instead of China's when Korea reports.
    korea: Memo<Option<KoreaMap>>,
    /// The Mongolia–Korea ties, empty unless that layer is on.
    ties: Memo<Vec<Tie>>,
) -> impl IntoView {
    let store = expect_context::<Store>();
    let projection = Miller::basemap();
    let selected_point = Memo::new(move |_| {
        selected
            .get()
            .and_then(|code| project(&projection, code.as_str()))
    });
    // The flows' band, unless the selected country or a producer of the
    // structure layer (Australia, South Africa) lies south of it.
    let frame = Memo::new(move |_| {
        let point = selected_point.get();
        symbols.with(|s| {
            Frame::showing(
                &projection,
                point.into_iter().chain(s.iter().map(|s| (s.x, s.y))),
            )
        })
    });
    // Zoom centres on the selected country, else on China, where flows start.
    let window = Memo::new(move |_| {
        let frame = frame.get();
        let focus = selected_point
            .get()
            .or_else(|| project(&projection, "CHN"))
            .unwrap_or(frame.centre());
        zoom::window(frame, zoom.get(), focus)
    });
    let view_box = move || {
        let (x, y, w, h) = window.get();
        format!(
            "{} {} {} {}",
            decimal(x, 1),
            decimal(y, 1),
            decimal(w, 1),
            decimal(h, 1)
        )
    };
    // The flow under the pointer or focus; its tooltip follows it from month
    // to month and closes when it has no figure.
    let active = RwSignal::new(None::<String>);
    let tooltip_flow: Memo<Option<FlowModel>> = Memo::new(move |_| {
        let code = active.get()?;
        model.with(|m| {
            m.as_ref()?
                .flows
                .iter()
                .find(|f| f.partner == code)
                .cloned()
        })
    });

    let state = move || match (model.with(Option::is_some), basemap.get()) {
        (true, Some(Ok(_))) => "ready",
        (_, Some(Err(_))) => "error",
        _ => "loading",
    };
    let month = move || model.with(|m| m.as_ref().map(|m| m.month.to_string()).unwrap_or_default());
    let title = move || match korea.with(|k| k.as_ref().map(|k| k.label.clone())) {
        Some(period) => Some(t!(korea_imports_period_as_reported:
            "Korea's rare-earth imports, {period}, as Korea reports them",
            period = period
        )),
        None => model.with(|m| {
            m.as_ref().map(
                |m| t!(chinas_exports_in_month: "China's exports, {month}", month = m.month_label),
            )
        }),
    };
    let korea_shown = move || korea.with(Option::is_some);
    let tie_ends = Memo::new(move |_| {
        if ties.with(Vec::is_empty) {
            return None;
        }
        let projection = Miller::basemap();
        Some((project(&projection, "MNG")?, project(&projection, "KOR")?))
    });
    let empty_note = move || {
        model.with(|m| {
            let m = m.as_ref()?;
            if !m.has_data {
                let label = m.month_label.clone();
                Some(view! { <p class="empty-month" data-testid="empty-month">{t!(no_data_no_source_gives: "No data for {label}: no source gives a figure for this month.", label = label)}</p> }.into_any())
            } else {
                None
            }
        })
    };
    // A series of totals only: an empty map must not look broken. Said of
    // the series, so in every month of it, with a figure or without: a line
    // that came and went with the month would move the slider below.
    let totals_only =
        Memo::new(move |_| model.with(|m| m.as_ref().is_some_and(|m| m.partners.is_empty())));
    let totals_only_note = move || {
        totals_only.get().then(|| view! { <p class="totals-only" data-testid="totals-only">{t!(no_source_names_series_destinations: "No source names this series' destinations: the map has no arcs, and the total is China's whole export.")}</p> }.into_any())
    };
    // Focus, hover and Enter on any arc, one handler each for the group.
    let flow_code = |ev: &web_sys::Event| {
        let target = event_target::<web_sys::Element>(ev);
        // China's arcs have a tooltip; Korea's arcs are links to their source.
        (target.get_attribute("data-testid").as_deref() == Some("flow")
            && target.get_attribute("data-reporter").as_deref() == Some("CHN"))
        .then(|| target.get_attribute("data-to"))
        .flatten()
    };
    let on_point = move |ev: &web_sys::Event| {
        if let Some(code) = flow_code(ev) {
            active.set(Some(code));
        }
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| match ev.key().as_str() {
        "Escape" => active.set(None),
        "ArrowRight" | "ArrowDown" => focus_neighbour(&ev, true),
        "ArrowLeft" | "ArrowUp" => focus_neighbour(&ev, false),
        "Enter" | " " => {
            if let Some(code) = flow_code(&ev).and_then(|c| CountryCode::parse(&c)) {
                ev.prevent_default();
                store.go(Write::Push, |s| s.country = Some(code));
            }
        }
        _ => {}
    };
    let pinch_start = StoredValue::new(None::<f64>);
    let on_pinch = move |ev: leptos::ev::TouchEvent| {
        let (Some(start), Some(now)) =
            (pinch_start.get_value(), zoom_controls::finger_distance(&ev))
        else {
            return;
        };
        ev.prevent_default();
        if let Some(zoom_in) = zoom::pinch(start, now) {
            // One step per clear pinch; the next step measures from here.
            pinch_start.set_value(Some(now));
            store.go(Write::Replace, |s| s.zoom = zoom::stepped(s.zoom, zoom_in));
        }
    };

    view! {
        <div
            class="flow-map"
            data-testid="flow-map"
            data-state=state
            data-month=month
            data-reporter=move || if korea_shown() { "KOR" } else { "CHN" }
            on:keydown=on_key
            on:focusin=move |ev| on_point(&ev)
            on:mouseover=move |ev| on_point(&ev)
        >
            // A group, not an image: it holds focusable flows.
            <svg viewBox=view_box style:--label=move || decimal(zoom::label_scale(zoom.get()), 3) role="group" aria-labelledby="map-title map-desc" preserveAspectRatio="xMidYMid meet"
                on:touchstart=move |ev| pinch_start.set_value(zoom_controls::finger_distance(&ev))
                on:touchmove=on_pinch>
                <title id="map-title">{title}</title>
                <desc id="map-desc">{t!(arcs_run_china_each_destination: "Arcs run from China to each destination; width is proportional to tonnes. Dashed lines mark destinations without a figure this month.")}</desc>
                <basemap::Shapes basemap=basemap selected=selected/>
                <g class="layer-symbols" data-testid="layer-symbols">
                    // Rebuilt only when the layer changes.
                    {move || symbols.get().into_iter().map(|s| view! {
                        <circle class="symbol" data-country=s.code cx=decimal(s.x, 1) cy=decimal(s.y, 1) r=decimal(s.radius, 1)>
                            <title>{s.title}</title>
                        </circle>
                    }).collect_view()}
                </g>
                <g class="china-record" hidden=korea_shown>
                    <marks::MissingTraces model=model/>
                    <marks::TouchBands model=model active=active/>
                    <marks::FlowArcs model=model active=active/>
                </g>
                <korea::KoreaArcs korea=korea/>
                <korea::TieLines ties=ties ends=tie_ends/>
                <g hidden=korea_shown>
                    <marks::Places model=model/>
                    <marks::FlowLabels model=model/>
                </g>
            </svg>
            {move || (!korea_shown()).then(empty_note)}
            {move || (!korea_shown()).then(totals_only_note)}
            <p class="visually-hidden" aria-live="polite" data-testid="announcer">
                {move || tooltip_flow.with(|f| f.as_ref().map(|f| f.announcement.clone()))}
            </p>
            <zoom_controls::ZoomControls/>
            <FlowTooltip flow=tooltip_flow on_close=Callback::new(move |()| active.set(None)) window=window/>
            <legend::Legend model=model hidden=Signal::derive(korea_shown)/>
        </div>
    }
}

/// Arrow keys move focus along the flows, in drawing order, wrapping round.
fn focus_neighbour(event: &leptos::ev::KeyboardEvent, forward: bool) {
    use wasm_bindgen::JsCast;
    let Some(current) = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return;
    };
    if current.get_attribute("data-testid").as_deref() != Some("flow") {
        return;
    }
    let parent = current.parent_element();
    let step = |from: &web_sys::Element| {
        if forward {
            from.next_element_sibling()
                .or_else(|| parent.as_ref().and_then(|p| p.first_element_child()))
        } else {
            from.previous_element_sibling()
                .or_else(|| parent.as_ref().and_then(|p| p.last_element_child()))
        }
    };
    // Arcs without a figure this month are hidden in place: skip them.
    let mut next = step(&current);
    while let Some(candidate) = next.clone() {
        if candidate == current || !candidate.has_attribute("hidden") {
            break;
        }
        next = step(&candidate);
    }
    if let Some(target) = next.and_then(|e| e.dyn_into::<web_sys::SvgElement>().ok()) {
        event.prevent_default();
        let _ = target.focus();
    }
}
