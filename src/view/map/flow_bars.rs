//! On a phone, the month's destinations as a sorted bar list under the map,
//! which then serves as a locator: at 358 px wide the map's names and
//! tonnes would be 5 to 6 px tall (issue 10). Each bar's figure links to
//! its source, like every figure on screen.

use leptos::prelude::*;

use crate::core::data::country::display_name;
use crate::core::data::units::decimal;
use crate::core::present::map_model::{bar_length, FlowModel, MapModel};
use crate::t;
use crate::view::keyed::{held, FLOWS};
use crate::view::side::source::LiveFigureLink;

#[component]
pub fn FlowBars(model: Memo<Option<MapModel>>) -> impl IntoView {
    let month = move || {
        model.with(|m| {
            m.as_ref()
                .map(|m| m.month_label.clone())
                .unwrap_or_default()
        })
    };
    let scale = Memo::new(move |_| model.with(|m| m.as_ref().map_or(0.0, |m| m.bar_scale)));
    let rest = move || {
        model.with(|m| {
            m.as_ref()
                .and_then(|m| m.not_itemised.clone())
                .unwrap_or_default()
        })
    };
    let missing = move || {
        model.with(|m| {
            m.as_ref()
                .map(|m| {
                    m.missing
                        .iter()
                        .map(|x| x.partner_name.clone())
                        .collect::<Vec<_>>()
                        .join(", ")
                })
                .unwrap_or_default()
        })
    };
    view! {
        <figure class="flow-bars" data-testid="flow-bars" hidden=move || model.with(|m| m.as_ref().is_none_or(|m| m.flows.is_empty()))>
            <figcaption>{move || t!(flow_bars_caption: "Tonnes by destination, {month}", month = month())}</figcaption>
            <ol>
                // In the table's order, keyed like its rows: bars are moved
                // and hidden, never re-created, at a month step.
                <For each=move || model.with(|m| m.as_ref().map(MapModel::table_order).unwrap_or_default()) key=String::clone let:partner>
                    <FlowBar partner=partner.clone() flow=FLOWS.item(model, partner) scale=scale/>
                </For>
            </ol>
            <p class="flow-bars-rest" hidden=move || rest().is_empty()>{t!(other_not_itemised: "Other / not itemised")}": "{rest}</p>
            <p class="flow-bars-rest" hidden=move || missing().is_empty()>{move || t!(no_figure_this_month_for: "No figure this month for: {names}.", names = missing())}</p>
        </figure>
    }
}

#[component]
fn FlowBar(partner: String, flow: Memo<Option<FlowModel>>, scale: Memo<f64>) -> impl IntoView {
    let absent = move || flow.with(Option::is_none);
    let flow = held(flow);
    let within = move || flow.with(|f| f.as_ref().is_some_and(|f| f.part_of.is_some()));
    let figure = Signal::derive(move || flow.with(|f| f.as_ref().map(|f| f.figure.clone())));
    let length = move || {
        let tonnes = flow.with(|f| f.as_ref().map_or(0.0, |f| f.figure.value));
        format!("{}%", decimal(bar_length(tonnes, scale.get()) * 100.0, 1))
    };
    view! {
        <li class="flow-bar" class:part=within hidden=absent data-testid="flow-bar" data-to=partner.clone()>
            <span class="flow-bar-name">
                {display_name(&partner)}
                {move || within().then(|| view! { <span class="of">" "{t!(within_eu: "(within EU)")}</span> })}
            </span>
            <span class="flow-bar-figure"><LiveFigureLink figure=figure/></span>
            <span class="flow-bar-track" aria-hidden="true"><span class="flow-bar-fill" style:width=length></span></span>
        </li>
    }
}
