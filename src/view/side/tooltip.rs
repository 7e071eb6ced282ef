//! The tooltip of a flow, and the changes it and the totals panel list.

use leptos::prelude::*;

use crate::core::data::units::decimal;
use crate::core::present::map_model::{ChangeModel, FlowModel};
use crate::t;
use crate::view::message::with_slots;
use crate::view::side::source::{FigureLink, SourceLine};

/// The changes on the month before and a year earlier (`ChangeKind`'s two
/// kinds, always in that order), each kept in place while its figures
/// change from month to month.
#[component]
pub fn Changes(#[prop(into)] changes: Signal<Vec<ChangeModel>>) -> impl IntoView {
    (0..2)
        .map(|index| view! { <Change changes=changes index=index/> })
        .collect_view()
}

#[component]
fn Change(changes: Signal<Vec<ChangeModel>>, index: usize) -> impl IntoView {
    let read = move |get: fn(&ChangeModel) -> String| {
        move || changes.with(|all| all.get(index).map(get).unwrap_or_default())
    };
    let base_url = read(|c| {
        c.base_source
            .as_ref()
            .map(|b| b.url.clone())
            .unwrap_or_default()
    });
    view! {
        <div class="change" data-testid="change" hidden=move || changes.with(|all| all.len() <= index)>
            <dt>{read(|c| c.kind_label.clone())}</dt>
            <dd>
                <strong class="computed">{read(|c| c.computed.clone().unwrap_or_else(|| t!(not_computable: "not computable")))}</strong>
                " "
                <span class="basis">
                    "(" {read(|c| c.basis.clone())}
                    <span hidden=move || base_url().is_empty()>
                        ", "
                        <a href=base_url target="_blank" rel="noopener"
                            title=read(|c| c.base_source.as_ref().map(|b| b.hint.clone()).unwrap_or_default())>{t!(base_source: "base source")}</a>
                    </span>
                    ")"
                </span>
                <ul class="stated">
                    {move || changes.with(|all| all.get(index).map(|c| c.stated.clone()).unwrap_or_default()).into_iter().map(|s| view! {
                        <li class="stated-change" data-agrees=s.agreement.slug()>
                            {with_slots(
                                t!(publisher_says: "{publisher} says {figure} — {verdict}", publisher = s.publisher, verdict = s.agreement.verdict()),
                                |_| view! { <a href=s.source.url.clone() target="_blank" rel="noopener" title=s.source.hint.clone()>{s.label.clone()}</a> }.into_any(),
                            )}
                        </li>
                    }).collect_view()}
                </ul>
            </dd>
        </div>
    }
}

#[component]
pub fn FlowTooltip(
    flow: Memo<Option<FlowModel>>,
    on_close: Callback<()>,
    /// The visible part of the map, as `zoom::window` gives it.
    window: Memo<(f64, f64, f64, f64)>,
) -> impl IntoView {
    move || {
        flow.get().map(|flow| {
            // Placed at the middle of its arc, in the visible window's proportions.
            let (x, y) = crate::core::geo::zoom::relative(flow.anchor, window.get());
            let left = decimal(x.clamp(5.0, 70.0), 1);
            let top = decimal(y.clamp(2.0, 80.0), 1);
            view! {
                <div class="tooltip" data-testid="flow-tooltip" role="dialog" aria-label=t!(china_to_country: "China to {country}", country = flow.partner_name)
                    style:left=format!("{left}%") style:top=format!("{top}%")>
                    <button type="button" class="dismiss" aria-label=t!(close: "Close") on:click=move |_| on_close.run(())>"×"</button>
                    <h2>{t!(china_arrow_country: "China → {country}", country = flow.partner_name)}</h2>
                    <p class="tooltip-month">{flow.month_label.clone()}</p>
                    <p class="tooltip-figure"><FigureLink figure=flow.figure.clone()/></p>
                    {flow.part_of.clone().map(|note| view! { <p class="part-of">{note}</p> })}
                    <dl><Changes changes=Signal::stored(flow.changes.clone())/></dl>
                    <SourceLine source=flow.figure.source.clone()/>
                </div>
            }
        })
    }
}
