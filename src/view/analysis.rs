//! The analysis panels under the map, one open at a time, chosen by tabs
//! whose state lives in the address like everything else.

use leptos::prelude::*;

use crate::t;

use super::compare_panel::ComparePanel;
use super::doc::DocTable;
use super::history::HistoryMode;
use super::Navigator;
use crate::core::dataset::Dataset;
use crate::core::panels::{capacity_table, claims_table, structure_tables};
use crate::core::period::Month;
use crate::core::series::Series;
use crate::core::structure::Measure;
use crate::core::url_state::{Panel, ViewState};

#[component]
pub fn Analysis(
    dataset: &'static Dataset,
    state: RwSignal<ViewState>,
    series: Signal<Series>,
    month: Memo<Option<Month>>,
    on_month: Callback<(Month, HistoryMode)>,
) -> impl IntoView {
    let navigator = expect_context::<Navigator>();
    let panel = move || state.with(|s| s.panel);
    let tabs = Panel::ALL
        .into_iter()
        .map(|choice| {
            view! {
                <button
                    type="button"
                    data-testid=format!("open-{}", choice.slug())
                    aria-pressed=move || (panel() == Some(choice)).to_string()
                    on:click=move |_| {
                        let open = state.with_untracked(|s| s.panel) != Some(choice);
                        navigator.go(HistoryMode::Push, |s| s.panel = open.then_some(choice));
                    }
                >
                    {choice.label()}
                </button>
            }
        })
        .collect_view();
    let on_pair = Callback::new(move |pair: String| {
        navigator.go(HistoryMode::Push, |s| {
            s.panel = Some(Panel::Compare);
            s.compare = Some(pair);
        })
    });
    let on_layer = Callback::new(move |layer| navigator.go(HistoryMode::Push, |s| s.layer = layer));
    let layer = Signal::derive(move || state.with(|s| s.layer));
    let layer_button = move |choice: Option<Measure>, label: String| {
        view! {
            <button type="button" data-testid="layer" data-layer=choice.map_or("none", Measure::slug)
                aria-pressed=move || (layer.get() == choice).to_string() on:click=move |_| on_layer.run(choice)>
                {label}
            </button>
        }
    };
    let body = move || {
        let panel = panel()?;
        let (test_id, title, content) = match panel {
            Panel::Compare => {
                let pair = Signal::derive(move || state.with(|s| s.compare.clone()));
                let content = view! { <ComparePanel dataset=dataset series=series month=month pair=pair on_pair=on_pair on_month=on_month/> };
                ("compare", t!("Compare two flows"), content.into_any())
            }
            Panel::Claims => (
                "claims-check",
                t!("Check the article"),
                view! { <DocTable table=claims_table(dataset)/> }.into_any(),
            ),
            Panel::Structure => {
                let tables = structure_tables(dataset)
                    .into_iter()
                    .map(|t| view! { <DocTable table=t/> })
                    .collect_view();
                let buttons = view! {
                    <div class="presets" role="group" aria-label=t!("Map layer")>
                        {t!("Map layer: ")} {layer_button(None, t!("None"))} {layer_button(Some(Measure::MineProduction), t!("Mine production"))}
                        {layer_button(Some(Measure::Reserves), t!("Reserves"))}
                    </div>
                };
                (
                    "structure",
                    t!("The supply chain"),
                    view! { {buttons} {tables} }.into_any(),
                )
            }
            Panel::Capacity => {
                let table = move || {
                    month
                        .get()
                        .map(|m| view! { <DocTable table=capacity_table(dataset, m)/> })
                };
                (
                    "capacity",
                    t!("Capacity outside China against flows"),
                    table.into_any(),
                )
            }
        };
        Some(view! {
            <section class="panel analysis" data-testid=test_id aria-label=title>
                <h2>{title.clone()}</h2>
                {content}
            </section>
        })
    };
    view! {
        <section class="analysis-area" aria-label=t!("Analysis")>
            <div class="tabs" role="group" aria-label=t!("Analysis panels")>{tabs}</div>
            {body}
        </section>
    }
}
