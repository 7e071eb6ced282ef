//! The flow map: the pre-projected basemap, one tapered arc per sourced
//! flow, faint traces where a destination has no figure, and the tooltip.

use leptos::prelude::*;

use crate::t;

use super::panels::FlowTooltip;
use super::zoom_controls;
use crate::core::basemap::{parse_basemap, Basemap};
use crate::core::map_model::{project, shape_group, MapModel, Symbol};
use crate::core::units::decimal;
use crate::core::zoom;
use crate::core::{country, country::EU27};

#[derive(Clone, Debug)]
pub struct BasemapError(pub String);

impl std::fmt::Display for BasemapError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for BasemapError {}

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

pub fn load_basemap() -> LocalResource<Result<Basemap, BasemapError>> {
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
fn shape_class(code: &str) -> &'static str {
    let story = country::lookup(shape_group(code)).is_some_and(|c| c.in_story);
    match (shape_group(code) == EU27, story, is_selectable(code)) {
        (true, _, _) => "land eu story selectable",
        (false, true, _) => "land story selectable",
        (false, false, true) => "land selectable",
        (false, false, false) => "land",
    }
}

/// Countries whose shape opens a panel: those the dataset says something about.
fn is_selectable(code: &str) -> bool {
    country::lookup(code).is_some() || country::is_eu_member(code)
}

#[component]
pub fn FlowMap(
    model: Memo<Option<MapModel>>,
    basemap: LocalResource<Result<Basemap, BasemapError>>,
    /// Proportional symbols of the structure layer, empty when it is off.
    symbols: Memo<Vec<Symbol>>,
    #[prop(into)] selected: Signal<Option<String>>,
    on_country: Callback<Option<String>>,
    /// Magnification, one of `zoom::LEVELS`.
    zoom: Signal<u32>,
) -> impl IntoView {
    let projection = crate::core::projection::EqualEarth::basemap();
    // Zoom centres on the selected country, else on China, where flows start.
    let window = Memo::new(move |_| {
        let focus = selected
            .get()
            .and_then(|code| project(&projection, &code))
            .or_else(|| project(&projection, "CHN"))
            .unwrap_or((projection.width / 2.0, projection.height / 2.0));
        zoom::window(projection.width, projection.height, zoom.get(), focus)
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
    let active = RwSignal::new(None::<String>);
    // A flow that vanished with a month change closes its tooltip.
    Effect::new(move |_| {
        let still_there = model.with(|m| {
            let code = active.get_untracked();
            m.as_ref().is_some_and(|m| {
                code.as_ref()
                    .is_none_or(|c| m.flows.iter().any(|f| &f.partner == c))
            })
        });
        if !still_there {
            active.set(None);
        }
    });

    let state = move || match (model.with(Option::is_some), basemap.get()) {
        (true, Some(Ok(_))) => "ready",
        (_, Some(Err(_))) => "error",
        _ => "loading",
    };
    let month = move || model.with(|m| m.as_ref().map(|m| m.month.to_string()).unwrap_or_default());
    let shapes = move || {
        basemap.get().and_then(Result::ok).map(|b| {
            b.countries
                .into_iter()
                .map(|shape| {
                    let group = shape_group(&shape.id).to_string();
                    let selectable = is_selectable(&shape.id);
                    let code = shape.id.clone();
                    let is_selected = {
                        let (code, group) = (code.clone(), group.clone());
                        move || {
                            selected.with(|s| {
                                s.as_deref()
                                    .is_some_and(|s| s == code || (s == EU27 && group == EU27))
                            })
                        }
                    };
                    view! {
                        <path
                            d=shape.d
                            class=shape_class(&shape.id)
                            class:selected=is_selected
                            data-country=shape.id
                            on:click=move |_| {
                                if selectable {
                                    on_country.run(Some(code.clone()));
                                }
                            }
                        >
                            <title>{crate::core::i18n::tr(&shape.name)}</title>
                        </path>
                    }
                })
                .collect_view()
        })
    };
    let outline = move || {
        basemap
            .get()
            .and_then(Result::ok)
            .map(|b| view! { <path class="sphere" d=b.outline/> })
    };

    let flows = move || {
        model.get().map(|m| {
            m.flows
                .into_iter()
                .map(|flow| {
                    let code = flow.partner.clone();
                    let (focus_code, enter_code, select_code) =
                        (code.clone(), code.clone(), code.clone());
                    view! {
                        <path
                            class="flow"
                            class:part=flow.part_of.is_some()
                            class:active=move || active.get().as_deref() == Some(code.as_str())
                            d=flow.ribbon
                            data-testid="flow"
                            data-from="CHN"
                            data-to=flow.partner.clone()
                            data-tonnes=decimal(flow.figure.value, 3)
                            tabindex="0"
                            role="button"
                            aria-label=flow.announcement
                            on:mouseenter=move |_| active.set(Some(enter_code.clone()))
                            on:focus=move |_| active.set(Some(focus_code.clone()))
                            on:keydown=move |ev| {
                                if ev.key() == "Enter" || ev.key() == " " {
                                    ev.prevent_default();
                                    on_country.run(Some(select_code.clone()));
                                }
                            }
                        />
                    }
                })
                .collect_view()
        })
    };
    // Wide, invisible centre lines make even a 46 t arc a 24 px target for
    // a finger (a tap is a click); one delegated handler serves them all.
    let hits = move || {
        model.get().map(|m| {
            m.flows
                .into_iter()
                .map(|flow| view! { <path class="flow-hit" d=flow.centre_line data-to=flow.partner/> })
                .collect_view()
        })
    };
    let on_hit = move |ev: leptos::ev::MouseEvent| {
        if let Some(code) = event_target::<web_sys::Element>(&ev).get_attribute("data-to") {
            active.set(Some(code));
        }
    };
    let missing = move || {
        model.get().map(|m| {
            m.missing
                .into_iter()
                .map(|trace| {
                    view! {
                        <path class="flow-missing" d=trace.trace data-testid="flow-missing" data-to=trace.partner.clone()>
                            <title>{t!("No figure for {country} in {month}", country = trace.partner_name, month = m.month_label)}</title>
                        </path>
                    }
                })
                .collect_view()
        })
    };
    let places = move || {
        model.get().map(|m| {
            m.places
                .into_iter()
                .map(|p| {
                    // Story names sit above their city, the others below, so
                    // Berlin's label clears Brussels' and Tokyo's clears Seoul's.
                    let label_y = if p.in_story { p.y - 4.0 } else { p.y + 11.0 };
                    view! {
                        <g class="place" class:story=p.in_story>
                            <circle cx=decimal(p.x, 1) cy=decimal(p.y, 1) r="2.5"/>
                            <text x=decimal(p.x + 4.0, 1) y=decimal(label_y, 1)>{p.name}</text>
                        </g>
                    }
                })
                .collect_view()
        })
    };
    let empty_note = move || {
        model.with(|m| m.as_ref().filter(|m| !m.has_data).map(|m| m.month_label.clone())).map(|label| {
            view! { <p class="empty-month" data-testid="empty-month">{t!("No data for {label}: no source gives a figure for this month.", label = label)}</p> }
        })
    };
    let tooltip_flow = Signal::derive(move || {
        let code = active.get()?;
        model.with(|m| {
            m.as_ref()?
                .flows
                .iter()
                .find(|f| f.partner == code)
                .cloned()
        })
    });
    let close = Callback::new(move |()| active.set(None));
    let navigator = expect_context::<super::Navigator>();
    let pinch_start = StoredValue::new(None::<f64>);
    let on_pinch = move |ev: &leptos::ev::TouchEvent| {
        let (Some(start), Some(now)) =
            (pinch_start.get_value(), zoom_controls::finger_distance(ev))
        else {
            return;
        };
        ev.prevent_default();
        if let Some(zoom_in) = zoom::pinch(start, now) {
            // One step per clear pinch; the next step measures from here.
            pinch_start.set_value(Some(now));
            navigator.go(super::history::HistoryMode::Replace, |s| {
                s.zoom = Some(zoom::step(s.zoom.unwrap_or(1), zoom_in)).filter(|z| *z > 1);
            });
        }
    };

    view! {
        <div
            class="flow-map"
            data-testid="flow-map"
            data-state=state
            data-month=month
            on:keydown=move |ev| match ev.key().as_str() {
                "Escape" => active.set(None),
                "ArrowRight" | "ArrowDown" => focus_neighbour(&ev, true),
                "ArrowLeft" | "ArrowUp" => focus_neighbour(&ev, false),
                _ => {}
            }
        >
            // A group, not an image: it holds focusable flows.
            <svg viewBox=view_box style=move || format!("--label:{}", decimal(zoom::label_scale(zoom.get()), 3)) role="group" aria-labelledby="map-title map-desc" preserveAspectRatio="xMidYMid meet"
                on:touchstart=move |ev| pinch_start.set_value(zoom_controls::finger_distance(&ev))
                on:touchmove=move |ev| on_pinch(&ev)>
                <title id="map-title">{move || model.with(|m| m.as_ref().map(|m| t!("China's exports, {month}", month = m.month_label)))}</title>
                <desc id="map-desc">{t!("Arcs run from China to each destination; width is proportional to tonnes. Dashed lines mark destinations without a figure this month.")}</desc>
                <g class="basemap">{outline} {shapes}</g>
                <g class="layer-symbols" data-testid="layer-symbols">
                    {move || symbols.get().into_iter().map(|s| view! {
                        <circle class="symbol" data-country=s.code cx=decimal(s.x, 1) cy=decimal(s.y, 1) r=decimal(s.radius, 1)>
                            <title>{s.title}</title>
                        </circle>
                    }).collect_view()}
                </g>
                <g class="missing-flows">{missing}</g>
                <g class="flow-hits" aria-hidden="true" on:click=on_hit>{hits}</g>
                <g class="flows">{flows}</g>
                <g class="places" aria-hidden="true">{places}</g>
            </svg>
            {empty_note}
            <p class="visually-hidden" aria-live="polite" data-testid="announcer">
                {move || tooltip_flow.get().map(|f| f.announcement)}
            </p>
            <zoom_controls::ZoomControls/>
            <FlowTooltip flow=tooltip_flow on_close=close window=window/>
            <Legend model=model/>
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
    let next = if forward {
        current
            .next_element_sibling()
            .or_else(|| parent.and_then(|p| p.first_element_child()))
    } else {
        current
            .previous_element_sibling()
            .or_else(|| parent.and_then(|p| p.last_element_child()))
    };
    if let Some(target) = next.and_then(|e| e.dyn_into::<web_sys::SvgElement>().ok()) {
        event.prevent_default();
        let _ = target.focus();
    }
}

#[component]
fn Legend(model: Memo<Option<MapModel>>) -> impl IntoView {
    let entries = move || model.with(|m| m.as_ref().map(|m| m.legend.clone()).unwrap_or_default());
    view! {
        <figure class="legend" data-testid="legend">
            <figcaption>{t!("Width: tonnes, one scale for every month")}</figcaption>
            <ul>
                {move || entries().into_iter().map(|entry| view! {
                    <li>
                        <svg width="60" height="22" aria-hidden="true">
                            <rect x="0" y=decimal(11.0 - entry.width / 2.0, 1) width="60" height=decimal(entry.width.max(0.5), 2) class="legend-bar"/>
                        </svg>
                        {entry.label.clone()}
                    </li>
                }).collect_view()}
                <li>
                    <svg width="60" height="22" aria-hidden="true">
                        <line x1="0" y1="11" x2="60" y2="11" class="legend-missing"/>
                    </svg>
                    {t!("no figure this month")}
                </li>
            </ul>
        </figure>
    }
}
