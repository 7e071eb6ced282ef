//! The analysis panels under the map, one open at a time, chosen by tabs
//! whose state lives in the address like everything else.

mod compare;
mod doc;

pub use doc::DocTable;

use leptos::prelude::*;

use crate::core::analysis::compare::Pair;
use crate::core::analysis::series::Series;
use crate::core::analysis::structure::Measure;
use crate::core::data::period::Month;
use crate::core::present::panels::{capacity_table, claims_table, facts_table, structure_tables};
use crate::core::state::url_state::{Layer, Panel};
use crate::t;
use crate::view::state::{Data, Store, Write};
use compare::ComparePanel;

#[component]
pub fn Analysis(
    panel: Memo<Option<Panel>>,
    data: RwSignal<Data>,
    series: Memo<Series>,
    month: Memo<Option<Month>>,
    pair: Memo<Option<Pair>>,
    layer: Memo<Option<Layer>>,
) -> impl IntoView {
    let store = expect_context::<Store>();
    let tabs = Panel::ALL
        .into_iter()
        .map(|choice| {
            view! {
                <button
                    type="button"
                    data-testid=format!("open-{}", choice.slug())
                    aria-pressed=move || (panel.get() == Some(choice)).to_string()
                    on:click=move |_| {
                        let open = panel.get_untracked() != Some(choice);
                        store.go(Write::Push, |s| s.panel = open.then_some(choice));
                    }
                >
                    {choice.label()}
                </button>
            }
        })
        .collect_view();
    // Re-rendered only when another panel opens; each panel's content reads
    // its own fields.
    let body = move || {
        let (test_id, title, content) = match panel.get()? {
            Panel::Compare => (
                "compare",
                t!(compare_two_flows: "Compare two flows"),
                view! { <ComparePanel data=data series=series month=month pair=pair/> }.into_any(),
            ),
            Panel::Claims => (
                "claims-check",
                t!(check_article: "Check the article"),
                (move || data.with(|d| view! { <DocTable table=claims_table(&d.0)/> })).into_any(),
            ),
            Panel::Structure => (
                "structure",
                t!(the_supply_chain_title: "The supply chain"),
                view! { <LayerButtons layer=layer/> {move || data.with(|d| structure_tables(&d.0).into_iter().map(|t| view! { <DocTable table=t/> }).collect_view())} }
                    .into_any(),
            ),
            Panel::Capacity => {
                let table = move || {
                    let month = month.get()?;
                    Some(data.with(|d| capacity_table(&d.0, month)))
                };
                (
                    "capacity",
                    t!(capacity_outside_china_against_flows: "Capacity outside China against flows"),
                    (move || table().map(|t| view! { <DocTable table=t/> })).into_any(),
                )
            }
            Panel::Facts => (
                "facts",
                t!(all_facts_data: "All facts in the data"),
                (move || data.with(|d| view! { <DocTable table=facts_table(&d.0)/> })).into_any(),
            ),
        };
        Some(view! {
            <section class="panel analysis" data-testid=test_id aria-label=title.clone()>
                <h2>{title.clone()}</h2>
                {content}
            </section>
        })
    };
    view! {
        <section class="analysis-area" aria-label=t!(analysis: "Analysis")>
            <div class="tabs" role="group" aria-label=t!(analysis_panels: "Analysis panels")>{tabs}</div>
            {body}
        </section>
    }
}

/// The proportional-symbol layer of the supply-chain panel.
#[component]
fn LayerButtons(layer: Memo<Option<Layer>>) -> impl IntoView {
    let store = expect_context::<Store>();
    let button = move |choice: Option<Layer>, label: String| {
        view! {
            <button type="button" data-testid="layer" data-layer=choice.map_or("none", Layer::slug)
                aria-pressed=move || (layer.get() == choice).to_string()
                on:click=move |_| store.go(Write::Push, |s| s.layer = choice)>
                {label}
            </button>
        }
    };
    view! {
        <div class="presets" role="group" aria-label=t!(map_layer: "Map layer")>
            {t!(map_layer_label: "Map layer:")} {button(None, t!(none: "None"))} {button(Some(Layer::Symbols(Measure::MineProduction)), t!(mine_production: "Mine production"))}
            {button(Some(Layer::Symbols(Measure::Reserves)), t!(reserves: "Reserves"))}
            {button(Some(Layer::Ties), t!(mongolia_korea_ties: "Mongolia–Korea ties"))}
        </div>
    }
}
