//! Side panels: the month's totals and the selected country. Each renders a
//! model from the core and nothing more.

use leptos::prelude::*;

use crate::t;
use crate::view::message::with_slots;

use super::source::{FigureLink, LiveFigureLink, SourceLine};
use super::tooltip::Changes;
use crate::core::present::figures::Figure;
use crate::core::present::map_model::{ChangeModel, FlowModel, MapModel};
use crate::core::present::profile::CountryModel;
use crate::view::keyed::{held, FLOWS};
use crate::view::state::{Store, Write};

/// What the totals panel shows of the month's model. One memo between the
/// panel and the model: its many texts wake when this changes, and the
/// model keeps one reader instead of a dozen.
#[derive(Clone, Default, PartialEq)]
struct Totals {
    month: String,
    series: String,
    total: Option<Figure>,
    changes: Vec<ChangeModel>,
    not_itemised: String,
    shares: String,
    missing: String,
}

impl Totals {
    fn of(m: &MapModel) -> Totals {
        Totals {
            month: m.month_label.clone(),
            series: m.series.label(),
            total: m.total.clone(),
            changes: m.total_changes.clone(),
            not_itemised: m.not_itemised.clone().unwrap_or_default(),
            shares: m.concentration.clone().unwrap_or_default(),
            missing: m
                .missing
                .iter()
                .map(|x| x.partner_name.clone())
                .collect::<Vec<_>>()
                .join(", "),
        }
    }
}

#[component]
pub fn TotalsPanel(model: Memo<Option<MapModel>>) -> impl IntoView {
    let totals = Memo::new(move |_| model.with(|m| m.as_ref().map(Totals::of)));
    let read = move |get: fn(&Totals) -> String| {
        move || totals.with(|t| t.as_ref().map(get).unwrap_or_default())
    };
    let month = read(|t| t.month.clone());
    let has_total = move || totals.with(|t| t.as_ref().is_some_and(|t| t.total.is_some()));
    let total = Signal::derive(move || totals.with(|t| t.as_ref().and_then(|t| t.total.clone())));
    let changes = Signal::derive(move || {
        totals.with(|t| t.as_ref().map(|t| t.changes.clone()).unwrap_or_default())
    });
    let rest = read(|t| t.not_itemised.clone());
    let shares = read(|t| t.shares.clone());
    let missing_names = read(|t| t.missing.clone());
    // Every part is drawn once and updated in place; a part with nothing to
    // say this month is hidden, not removed.
    view! {
        <Show when=move || totals.with(Option::is_some)>
            <section class="panel totals" aria-labelledby="totals-title">
                <h2 id="totals-title">{move || t!(chinas_exports_in_month: "China's exports, {month}", month = month())}</h2>
                <p class="series-name">{read(|t| t.series.clone())}</p>
                <p class="total" class:missing=move || !has_total() data-testid="total">
                    <span hidden=move || !has_total()>{with_slots(t!(total_figure: "Total: {total}"), |_| view! { <LiveFigureLink figure=total/> }.into_any())}</span>
                    <span hidden=has_total>{t!(total_no_figure_month: "Total: no figure for this month")}</span>
                </p>
                <dl>
                    <Changes changes=changes/>
                </dl>
                <table class="destinations" data-testid="data-table">
                    <caption>{move || t!(map_table_tonnes_destination: "The map as a table: tonnes by destination, {month}", month = month())}</caption>
                    <thead><tr><th scope="col">{t!(destination: "Destination")}</th><th scope="col">{t!(tonnes: "Tonnes")}</th></tr></thead>
                    <tbody>
                        // Keyed by the series' destinations, as the arcs are
                        // (see view/keyed.rs): rows are hidden, not disposed,
                        // and moved into the month's order by tonnes.
                        <For each=move || model.with(|m| m.as_ref().map(MapModel::table_order).unwrap_or_default()) key=String::clone let:partner>
                            <DestinationRow partner=partner.clone() flow=FLOWS.item(model, partner)/>
                        </For>
                        <tr class="rest" hidden=move || rest().is_empty()>
                            <th scope="row">{t!(other_not_itemised: "Other / not itemised")}</th>
                            <td data-testid="not-itemised" title=t!(computed_total_minus_destinations_above: "Computed: the total minus the destinations above, the EU counted once")>{rest}</td>
                        </tr>
                    </tbody>
                </table>
                <p class="concentration" data-testid="concentration" hidden=move || shares().is_empty()>{shares}</p>
                <p class="no-data-list" hidden=move || missing_names().is_empty()>{move || t!(no_figure_this_month_for: "No figure this month for: {names}.", names = missing_names())}</p>
            </section>
        </Show>
    }
}

/// A destination's row; it stays in place while its figure changes, and is
/// hidden in a month without one.
#[component]
fn DestinationRow(partner: String, flow: Memo<Option<FlowModel>>) -> impl IntoView {
    let absent = move || flow.with(Option::is_none);
    let flow = held(flow);
    let within = move || flow.with(|f| f.as_ref().is_some_and(|f| f.part_of.is_some()));
    let name = crate::core::data::country::display_name(&partner);
    let figure = Signal::derive(move || flow.with(|f| f.as_ref().map(|f| f.figure.clone())));
    view! {
        <tr class:part=within hidden=absent>
            <th scope="row">{name} {move || within().then(|| view! { <span class="of">" "{t!(within_eu: "(within EU)")}</span> })}</th>
            <td><LiveFigureLink figure=figure/></td>
        </tr>
    }
}

#[component]
pub fn CountryPanel(country: Memo<Option<CountryModel>>) -> impl IntoView {
    let store = expect_context::<Store>();
    // The month's flows change with the month; the rest only with the country.
    let name = move || country.with(|c| c.as_ref().map(|c| c.name.clone()));
    let note =
        move || country.with(|c| c.as_ref().and_then(|c| c.note.clone()).unwrap_or_default());
    let month_flows =
        move || country.with(|c| c.as_ref().map(|c| c.flows.clone()).unwrap_or_default());
    // A memo: the list is long and changes only with the country.
    let facts = Memo::new(move |_| {
        country.with(|c| c.as_ref().map(|c| c.facts.clone()).unwrap_or_default())
    });
    let code = Memo::new(move |_| country.with(|c| c.as_ref().map(|c| c.code.clone())));
    view! {
        <Show when=move || country.with(Option::is_some)>
            <section class="panel country" data-testid="country-panel" aria-labelledby="country-title">
                <button type="button" class="dismiss" aria-label=t!(close_country_panel: "Close country panel") on:click=move |_| store.go(Write::Push, |s| s.country = None)>"×"</button>
                <h2 id="country-title">{name}</h2>
                <p class="note" hidden=move || note().is_empty()>{note}</p>
                <super::korea::PartnershipLead code=code/>
                <h3>{t!(flows_month: "Flows this month")}</h3>
                {move || {
                    let flows = month_flows();
                    if flows.is_empty() {
                        view! { <p>{t!(no_flow_figure_month: "No flow with a figure this month.")}</p> }.into_any()
                    } else {
                        view! { <ul>{flows.into_iter().map(|(label, figure)| view! { <li>{label} ": " <FigureLink figure=figure/></li> }).collect_view()}</ul> }.into_any()
                    }
                }}
                <h3>{t!(facts_dataset: "Facts in the dataset")}</h3>
                {move || facts.with(|facts| if facts.is_empty() {
                    view! { <p>{t!(dataset_has_no_other_facts: "The dataset has no other facts about this country.")}</p> }.into_any()
                } else {
                    view! {
                        <ul class="facts">
                            {facts.iter().map(|f| view! {
                                <li class="fact">
                                    <span class="metric">{f.metric_label.clone()}</span>
                                    {(!f.subject.is_empty()).then(|| format!(" — {}", f.subject))}
                                    {format!(" ({}): ", f.period)}
                                    <FigureLink figure=f.figure.clone()/>
                                    <details><summary>{t!(source_excerpt: "Source and excerpt")}</summary><SourceLine source=f.figure.source.clone()/></details>
                                </li>
                            }).collect_view()}
                        </ul>
                    }.into_any()
                })}
            </section>
        </Show>
    }
}
