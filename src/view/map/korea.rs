//! The marks of Korea's record and of the partnership: arcs into Seoul as
//! Korea Customs Service reports its imports, and the Mongolia–Korea ties.
//! Each mark names its source on hover; the linked list beside the map
//! (Korea's periods, the ties) is the one click to the page.

use leptos::prelude::*;

use crate::core::data::units::decimal;
use crate::core::geo::geometry::Point;

/// Ulaanbaatar and Seoul on the map, where every tie ends.
pub type TieEnds = Option<(Point, Point)>;
use crate::core::present::korea::{FlowKind, KoreaMap};
use crate::core::present::ties::Tie;

/// Arcs into Seoul, keyed by origin; a share-only arc is a thin outline.
#[component]
pub fn KoreaArcs(korea: Memo<Option<KoreaMap>>) -> impl IntoView {
    let flows = move || korea.with(|k| k.as_ref().map(|k| k.flows.clone()).unwrap_or_default());
    view! {
        <g class="korea-flows" hidden=move || korea.with(Option::is_none)>
            <For each=flows key=|f| (f.origin.clone(), f.figure.source.fact_id.clone()) let:flow>
                    <path
                        class="flow korea"
                        class:share=flow.kind == FlowKind::Share
                        d=flow.ribbon.clone()
                        data-testid="flow"
                        data-reporter="KOR"
                        data-from=flow.origin.clone()
                        data-to="KOR"
                        data-kind=flow.kind.slug()
                        data-value=decimal(flow.figure.value, 3)
                        data-fact=flow.figure.source.fact_id.clone()
                        data-conflict=(!flow.figure.source.also.is_empty()).then_some("true")
                    >
                        <title>{format!("{} — {}", flow.announcement, flow.figure.source.hint)}</title>
                    </path>
            </For>
            <g class="places" aria-hidden="true">
                <For each=move || korea.with(|k| k.as_ref().map(|k| k.places.clone()).unwrap_or_default()) key=|p| p.code.clone() let:place>
                    {super::marks::place_mark(place)}
                </For>
            </g>
        </g>
    }
}

/// The partnership's ties between Ulaanbaatar and Seoul, each on its own
/// curve, with a dot at each capital.
#[component]
pub fn TieLines(ties: Memo<Vec<Tie>>, ends: Memo<TieEnds>) -> impl IntoView {
    view! {
        <g class="ties" data-testid="ties" hidden=move || ties.with(Vec::is_empty)>
            <For each=move || ties.get() key=|t| t.fact_id.clone() let:tie>
                    <path class="tie" d=tie.path.clone() data-testid="tie" data-from=tie.from data-to=tie.to data-fact=tie.fact_id.clone()>
                        <title>{format!("{}, {}: {} — {}", tie.label, tie.date, tie.figure.label, tie.figure.source.hint)}</title>
                    </path>
            </For>
            {move || ends.get().map(|(a, b)| view! {
                <circle class="tie-end" cx=decimal(a.0, 1) cy=decimal(a.1, 1) r="3"/>
                <circle class="tie-end" cx=decimal(b.0, 1) cy=decimal(b.1, 1) r="3"/>
            })}
        </g>
    }
}
