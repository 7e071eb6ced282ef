//! The marks drawn over the basemap, each list keyed by country: a month
//! step updates the attributes of the arcs whose figure changed, adds or
//! removes only the arcs that appear or vanish, and leaves the rest (and
//! the keyboard focus on them) alone.

use leptos::prelude::*;

use crate::core::data::units::decimal;
use crate::core::present::map_model::{FlowModel, MapModel, PlaceLabel};
use crate::t;
use crate::view::keyed::{held, partners, FLOWS, MISSING, PLACES};

/// Tapered arcs, one per destination with a figure. Focus, hover and Enter
/// are handled by the map for the whole group.
#[component]
pub fn FlowArcs(model: Memo<Option<MapModel>>, active: RwSignal<Option<String>>) -> impl IntoView {
    view! {
        <g class="flows">
            <For each=partners(model) key=String::clone let:partner>
                {
                    let item = FLOWS.item(model, partner.clone());
                    let absent = move || item.with(Option::is_none);
                    let flow = held(item);
                    let read = move |get: fn(&FlowModel) -> String| move || flow.with(|f| f.as_ref().map(get));
                    let is_active = {
                        let partner = partner.clone();
                        move || active.with(|a| a.as_deref() == Some(partner.as_str()))
                    };
                    view! {
                        <path
                            class="flow"
                            class:part=move || flow.with(|f| f.as_ref().is_some_and(|f| f.part_of.is_some()))
                            class:active=is_active
                            hidden=absent
                            d=read(|f| f.ribbon.clone())
                            // An arc is a "flow" only while it has a figure.
                            data-testid=move || (!absent()).then_some("flow")
                            data-reporter="CHN"
                            data-from="CHN"
                            data-to=partner.clone()
                            data-tonnes=read(|f| decimal(f.figure.value, 3))
                            tabindex="0"
                            role="button"
                            aria-label=read(|f| f.announcement.clone())
                        />
                    }
                }
            </For>
        </g>
    }
}

/// Wide, invisible centre lines make even a 46 t arc a 24 px target for a
/// finger (a tap is a click). An arc's centre line depends only on where it
/// ends, so each is drawn once.
#[component]
pub fn TouchBands(
    model: Memo<Option<MapModel>>,
    active: RwSignal<Option<String>>,
) -> impl IntoView {
    let on_tap = move |ev: leptos::ev::MouseEvent| {
        if let Some(code) = event_target::<web_sys::Element>(&ev).get_attribute("data-to") {
            active.set(Some(code));
        }
    };
    view! {
        <g class="flow-hits" aria-hidden="true" on:click=on_tap>
            <For each=partners(model) key=String::clone let:partner>
                {
                    // A destination's centre line is the same with or without
                    // a figure: drawn once, shown while there is an arc.
                    let line = FLOWS
                        .now(model, &partner)
                        .map(|f| f.centre_line)
                        .or_else(|| MISSING.now(model, &partner).map(|m| m.trace));
                    let flow = FLOWS.item(model, partner.clone());
                    view! { <path class="flow-hit" d=line data-to=partner hidden=move || flow.with(Option::is_none)/> }
                }
            </For>
        </g>
    }
}

/// Faint dashed traces to destinations that have no figure this month.
#[component]
pub fn MissingTraces(model: Memo<Option<MapModel>>) -> impl IntoView {
    let month_label = Memo::new(move |_| model.with(|m| m.as_ref().map(|m| m.month_label.clone())));
    view! {
        <g class="missing-flows">
            <For each=partners(model) key=String::clone let:partner>
                {
                    let line = MISSING
                        .now(model, &partner)
                        .map(|m| m.trace)
                        .or_else(|| FLOWS.now(model, &partner).map(|f| f.centre_line));
                    let trace = MISSING.item(model, partner.clone());
                    let present = move || trace.with(Option::is_some);
                    // The month named while the trace is shown; a hidden
                    // trace's title is left as it was.
                    let shown_month = Memo::new(move |last: Option<&Option<String>>| {
                        if present() { month_label.get() } else { last.cloned().flatten() }
                    });
                    let name = crate::core::data::country::display_name(&partner);
                    view! {
                        <path class="flow-missing" d=line hidden=move || !present()
                            data-testid=move || present().then_some("flow-missing") data-to=partner>
                            <title>{move || t!(no_figure_for_country_in_month: "No figure for {country} in {month}", country = name.clone(), month = shown_month.get().unwrap_or_default())}</title>
                        </path>
                    }
                }
            </For>
        </g>
    }
}

/// City dots and names of the story's countries and of this month's
/// destinations. A place never moves; its name moves to another side of
/// the dot when a neighbour's name needs that side, so each place is drawn
/// once per side.
#[component]
pub fn Places(model: Memo<Option<MapModel>>) -> impl IntoView {
    let keys = move || {
        model.with(|m| {
            m.as_ref()
                .map(|m| {
                    m.places
                        .iter()
                        .map(|p| (p.code.clone(), p.side))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    view! {
        <g class="places" aria-hidden="true">
            <For each=keys key=|(code, side)| (code.clone(), *side as u8) let:key>
                {
                    let place = PLACES.now(model, &key.0);
                    place.map(place_mark)
                }
            </For>
        </g>
    }
}

/// A city dot and its name, where `PlaceLabel::text_at` puts it.
pub fn place_mark(p: PlaceLabel) -> impl IntoView {
    let (x, y) = p.text_at();
    view! {
        <g class="place" class:figure=p.with_figure>
            <circle cx=decimal(p.x, 1) cy=decimal(p.y, 1) r="2.5"/>
            <text x=decimal(x, 1) y=decimal(y, 1) text-anchor=p.side.ends_at_anchor().then_some("end")>{p.name}</text>
        </g>
    }
}

/// Each arc's tonnes, placed by the core clear of the cities' names and of
/// each other, with a leader line when set away from the arc. Screen
/// readers hear the tonnes from the arc itself.
#[component]
pub fn FlowLabels(model: Memo<Option<MapModel>>) -> impl IntoView {
    view! {
        <g class="flow-labels" aria-hidden="true">
            <For each=partners(model) key=String::clone let:partner>
                {
                    let item = FLOWS.item(model, partner.clone());
                    let absent = move || item.with(Option::is_none);
                    let flow = held(item);
                    let read = move |get: fn(&FlowModel) -> String| move || flow.with(|f| f.as_ref().map(get));
                    let leader = move || flow.with(|f| f.as_ref().and_then(|f| f.label.leader.clone()));
                    view! {
                        <g class="flow-label" hidden=absent data-testid=move || (!absent()).then_some("flow-label") data-to=partner>
                            <path class="leader" d=leader hidden=move || leader().is_none()/>
                            <text
                                x=read(|f| decimal(f.label.x, 1))
                                y=read(|f| decimal(f.label.y, 1))
                                text-anchor="middle"
                            >
                                {read(|f| f.figure.label.clone())}
                            </text>
                        </g>
                    }
                }
            </For>
        </g>
    }
}
