//! Side panels: the month's totals, the selected country, and the tooltip
//! of a flow. Each renders a model from the core and nothing more.

use leptos::prelude::*;

use crate::t;

use super::source::{FigureLink, SourceLine};
use crate::core::map_model::{ChangeModel, FlowModel, MapModel};
use crate::core::profile::CountryModel;
use crate::core::units::decimal;

#[component]
fn Changes(changes: Vec<ChangeModel>) -> impl IntoView {
    changes
        .into_iter()
        .map(|change| {
            let computed = change.computed.clone().unwrap_or_else(|| t!("not computable"));
            view! {
                <div class="change" data-testid="change">
                    <dt>{change.kind_label}</dt>
                    <dd>
                        <strong class="computed">{computed}</strong>
                        " "
                        <span class="basis">
                            {match change.base_source.clone() {
                                Some(base) => view! {
                                    "(" {change.basis.clone()} ", "
                                    <a href=base.url target="_blank" rel="noopener" title=base.excerpt>{t!("base source")}</a> ")"
                                }.into_any(),
                                None => view! { "(" {change.basis.clone()} ")" }.into_any(),
                            }}
                        </span>
                        <ul class="stated">
                            {change.stated.into_iter().map(|s| {

                                view! {
                                    <li class="stated-change" data-agrees=s.agreement.slug()>
                                        {t!("{publisher} says ", publisher = s.publisher)}
                                        <a href=s.source.url target="_blank" rel="noopener" title=s.source.excerpt>{s.label}</a>
                                        {format!(" — {}", s.agreement.verdict())}
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    </dd>
                </div>
            }
        })
        .collect_view()
}

#[component]
pub fn FlowTooltip(
    flow: Signal<Option<FlowModel>>,
    on_close: Callback<()>,
    /// The visible part of the map, as `zoom::window` gives it.
    window: Memo<(f64, f64, f64, f64)>,
) -> impl IntoView {
    move || {
        flow.get().map(|flow| {
            // Placed at the middle of its arc, in the visible window's proportions.
            let (x, y) = crate::core::zoom::relative(flow.anchor, window.get());
            let left = decimal(x.clamp(5.0, 70.0), 1);
            let top = decimal(y.clamp(2.0, 80.0), 1);
            view! {
                <div class="tooltip" data-testid="flow-tooltip" role="dialog" aria-label=t!("China to {country}", country = flow.partner_name)
                    style=format!("left:{left}%;top:{top}%")>
                    <button type="button" class="dismiss" aria-label=t!("Close") on:click=move |_| on_close.run(())>"×"</button>
                    <h2>{t!("China → {country}", country = flow.partner_name)}</h2>
                    <p class="tooltip-month">{flow.month_label.clone()}</p>
                    <p class="tooltip-figure"><FigureLink figure=flow.figure.clone()/></p>
                    {flow.part_of.clone().map(|note| view! { <p class="part-of">{note}</p> })}
                    <dl><Changes changes=flow.changes.clone()/></dl>
                    <SourceLine source=flow.figure.source.clone()/>
                </div>
            }
        })
    }
}

#[component]
pub fn TotalsPanel(model: Memo<Option<MapModel>>) -> impl IntoView {
    move || {
        model.get().map(|m| {
            let total = match m.total.clone() {
                Some(figure) => view! { <p class="total" data-testid="total">{t!("Total: ")} <FigureLink figure=figure/></p> }.into_any(),
                None => view! { <p class="total missing" data-testid="total">{t!("Total: no figure for this month")}</p> }.into_any(),
            };
            view! {
                <section class="panel totals" aria-labelledby="totals-title">
                    <h2 id="totals-title">{t!("China's exports, {month}", month = m.month_label)}</h2>
                    <p class="series-name">{m.series.label()}</p>
                    {total}
                    <dl><Changes changes=m.total_changes.clone()/></dl>
                    <table class="destinations" data-testid="data-table">
                        <caption>{t!("The map as a table: tonnes by destination, {month}", month = m.month_label)}</caption>
                        <thead><tr><th scope="col">{t!("Destination")}</th><th scope="col">{t!("Tonnes")}</th></tr></thead>
                        <tbody>
                            {m.flows.iter().map(|f| view! {
                                <tr class:part=f.part_of.is_some()>
                                    <th scope="row">{f.partner_name.clone()} {f.part_of.as_ref().map(|_| view! { <span class="of">{t!(" (within EU)")}</span> })}</th>
                                    <td><FigureLink figure=f.figure.clone()/></td>
                                </tr>
                            }).collect_view()}
                            {m.not_itemised.clone().map(|rest| view! {
                                <tr class="rest">
                                    <th scope="row">{t!("Other / not itemised")}</th>
                                    <td data-testid="not-itemised" title=t!("Computed: the total minus the destinations above, the EU counted once")>{rest}</td>
                                </tr>
                            })}
                        </tbody>
                    </table>
                    {m.concentration.clone().map(|c| view! { <p class="concentration" data-testid="concentration">{c}</p> })}
                    {(!m.missing.is_empty()).then(|| view! {
                        <p class="no-data-list">
                            {t!("No figure this month for: ")}
                            {m.missing.iter().map(|x| x.partner_name.clone()).collect::<Vec<_>>().join(", ")}
                        </p>
                    })}
                </section>
            }
        })
    }
}

#[component]
pub fn CountryPanel(
    country: Memo<Option<CountryModel>>,
    on_country: Callback<Option<String>>,
) -> impl IntoView {
    move || {
        country.get().map(|c| {
            view! {
                <section class="panel country" data-testid="country-panel" aria-labelledby="country-title">
                    <button type="button" class="dismiss" aria-label=t!("Close country panel") on:click=move |_| on_country.run(None)>"×"</button>
                    <h2 id="country-title">{c.name.clone()}</h2>
                    {c.note.clone().map(|n| view! { <p class="note">{n}</p> })}
                    <h3>{t!("Flows this month")}</h3>
                    {if c.flows.is_empty() {
                        view! { <p>{t!("No flow with a figure this month.")}</p> }.into_any()
                    } else {
                        view! { <ul>{c.flows.iter().map(|(label, figure)| view! { <li>{label.clone()} ": " <FigureLink figure=figure.clone()/></li> }).collect_view()}</ul> }.into_any()
                    }}
                    <h3>{t!("Facts in the dataset")}</h3>
                    {if c.facts.is_empty() {
                        view! { <p>{t!("The dataset has no other facts about this country.")}</p> }.into_any()
                    } else {
                        view! {
                            <ul class="facts">
                                {c.facts.iter().map(|f| view! {
                                    <li class="fact">
                                        <span class="metric">{f.metric_label.clone()}</span>
                                        {(!f.subject.is_empty()).then(|| format!(" — {}", f.subject))}
                                        {format!(" ({}): ", f.period)}
                                        <FigureLink figure=f.figure.clone()/>
                                        <details><summary>{t!("Source and excerpt")}</summary><SourceLine source=f.figure.source.clone()/></details>
                                    </li>
                                }).collect_view()}
                            </ul>
                        }.into_any()
                    }}
                </section>
            }
        })
    }
}
