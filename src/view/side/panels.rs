//! Side panels: the month's totals and the selected country. Each renders a
//! model from the core and nothing more.

use leptos::prelude::*;

use crate::view::message::with_slots;
use crate::{t, tn};

use super::source::{FigureLink, LiveFigureLink, SourceLine};
use super::tooltip::Changes;
use crate::core::data::period::Month;
use crate::core::data::units::{decimal, month_long};
use crate::core::present::figures::Figure;
use crate::core::present::map_model::{ChangeModel, FlowModel, MapModel};
use crate::core::present::profile::{CountryModel, CountryProfile, FactModel, HistoryBar};
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
pub fn CountryPanel(
    country: Memo<Option<CountryModel>>,
    profile: Memo<Option<CountryProfile>>,
    month: Memo<Option<Month>>,
) -> impl IntoView {
    let store = expect_context::<Store>();
    // The month's flows change with the month; the rest only with the country.
    let name = move || country.with(|c| c.as_ref().map(|c| c.name.clone()));
    let note =
        move || country.with(|c| c.as_ref().and_then(|c| c.note.clone()).unwrap_or_default());
    let month_flows =
        move || country.with(|c| c.as_ref().map(|c| c.flows.clone()).unwrap_or_default());
    let code = Memo::new(move |_| country.with(|c| c.as_ref().map(|c| c.code.clone())));
    // Plain readers of the profile, not memos of their own: the profile
    // changes only with the country, the series or the data, and then all
    // of its parts change together.
    let has_history = move || profile.with(|p| p.as_ref().is_some_and(|p| !p.history.is_empty()));
    let latest = move || profile.with(|p| p.as_ref().and_then(|p| p.latest().cloned()));
    // The months a reader is offered when the month shown has no figure.
    let nearest = move || {
        let shown = month.get()?;
        profile.with(|p| {
            let (before, after) = p.as_ref()?.nearest(shown);
            Some((before.cloned(), after.cloned()))
        })
    };
    let show = move |target: Month| store.go(Write::Push, |s| s.month = Some(target));
    let facts = move |read: fn(&CountryProfile) -> &Vec<FactModel>| {
        move || {
            profile.with(|p| {
                p.as_ref()
                    .map(|p| read(p).iter().map(fact_item).collect_view())
            })
        }
    };
    let more_count = move || profile.with(|p| p.as_ref().map_or(0, |p| p.more_facts.len()));
    let no_facts = move || {
        profile.with(|p| {
            p.as_ref()
                .is_none_or(|p| p.key_facts.is_empty() && p.more_facts.is_empty())
        })
    };
    let country_name = move || name().unwrap_or_default();
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
                        view! {
                            <p data-testid="no-flow">{move || t!(no_figure_for_country_month: "No figure for {country} in {month}.", country = country_name(), month = month.get().map(month_long).unwrap_or_default())}</p>
                        }.into_any()
                    } else {
                        view! { <ul>{flows.into_iter().map(|(label, figure)| view! { <li>{label} ": " <FigureLink figure=figure/></li> }).collect_view()}</ul> }.into_any()
                    }
                }}
                // Never a dead end: a month without a figure offers the
                // closest months that have one.
                {move || {
                    let has_flow = country.with(|c| c.as_ref().is_some_and(|c| !c.flows.is_empty()));
                    let (before, after) = nearest().unwrap_or_default();
                    (!has_flow && (before.is_some() || after.is_some())).then(|| view! {
                        <p class="nearest" data-testid="nearest-months">
                            {t!(nearest_months_figure: "Nearest months with a figure:")}
                            {[before, after].into_iter().flatten().map(|bar| {
                                let target = bar.month;
                                let figure = bar.figure.map(|f| f.label).unwrap_or_default();
                                view! {
                                    " "
                                    <button type="button" class="link" data-testid="nearest-month" data-month=target.to_string() on:click=move |_| show(target)>
                                        {format!("{} ({figure})", bar.label)}
                                    </button>
                                }
                            }).collect_view()}
                        </p>
                    })
                }}
                <Show when=has_history>
                    <h3>{t!(month_by_month: "Month by month")}</h3>
                    <CountryHistory profile=profile month=month/>
                    {move || latest().map(|bar| {
                        let target = bar.month;
                        let figure = bar.figure.map(|f| f.label).unwrap_or_default();
                        view! {
                            <p class="latest" data-testid="country-latest">
                                {t!(latest_figure: "Latest figure: {month}, {figure}", month = bar.label, figure = figure)}
                                " "
                                <button type="button" class="link" data-testid="show-latest" data-month=target.to_string()
                                    hidden=move || month.get() == Some(target) on:click=move |_| show(target)>
                                    {t!(show_on_map: "→ show on the map")}
                                </button>
                            </p>
                        }
                    })}
                </Show>
                <p hidden=has_history data-testid="no-history">
                    {move || t!(series_no_figure_for_country: "No month of this series has a figure for {country}.", country = country_name())}
                </p>
                <h3>{t!(facts_dataset: "Facts in the dataset")}</h3>
                <p hidden=move || !no_facts()>
                    {t!(dataset_has_no_other_facts: "The dataset has no other facts about this country.")}
                </p>
                <ul class="facts" data-testid="key-facts">{facts(|p| &p.key_facts)}</ul>
                <details class="all-facts" data-testid="all-facts" hidden=move || more_count() == 0>
                    <summary>{move || tn!(all_facts: more_count(); one: "{count} more fact", other: "All {count} other facts")}</summary>
                    <ul class="facts">{facts(|p| &p.more_facts)}</ul>
                </details>
            </section>
        </Show>
    }
}

/// One fact in plain words: what it measures, of what, when, and its
/// figure linked to its source, the excerpt a click away.
fn fact_item(f: &FactModel) -> impl IntoView {
    let about = [f.subject.as_str(), f.partner.as_str(), f.period.as_str()]
        .into_iter()
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(", ");
    view! {
        <li class="fact" data-fact=f.figure.source.fact_id.clone()>
            <span class="metric">{f.metric_label.clone()}</span>
            {format!(" ({about}): ")}
            <FigureLink figure=f.figure.clone()/>
            <details><summary>{t!(source_excerpt: "Source and excerpt")}</summary><SourceLine source=f.figure.source.clone()/></details>
        </li>
    }
}

/// The country's figure month by month: a bar per month of the series,
/// hollow where there is none, the shown month marked. A plain list, not a
/// keyed one: the bars change all together, with the country or the series.
#[component]
fn CountryHistory(
    profile: Memo<Option<CountryProfile>>,
    month: Memo<Option<Month>>,
) -> impl IntoView {
    let bars = move |read: fn(&[HistoryBar]) -> String| {
        move || profile.with(|p| p.as_ref().map(|p| read(&p.history)).unwrap_or_default())
    };
    let first = bars(|b| b.first().map(|b| b.label.clone()).unwrap_or_default());
    let last = bars(|b| b.last().map(|b| b.label.clone()).unwrap_or_default());
    let count = bars(|b| b.len().to_string());
    let bar_view = move |bar: &HistoryBar| {
        let target = bar.month;
        let text = match &bar.figure {
            Some(f) => format!("{}: {}", bar.label, f.label),
            None => t!(month_no_figure: "{month}: no figure", month = bar.label.clone()),
        };
        let title = text.clone();
        view! {
            <li data-testid="history-bar" data-month=target.to_string()
                data-state=if bar.figure.is_some() { "figure" } else { "missing" }
                class:shown=move || month.get() == Some(target) title=title>
                <span class="bar-fill" style:height=format!("{}%", decimal(bar.height * 100.0, 1)) aria-hidden="true"></span>
                <span class="visually-hidden">{text}</span>
            </li>
        }
    };
    view! {
        <figure class="history">
            <ol class="history-bars" data-testid="country-history" style:--months=count>
                {move || profile.with(|p| p.as_ref().map(|p| p.history.iter().map(bar_view).collect_view()))}
            </ol>
            <figcaption><span>{first}</span><span>{last}</span></figcaption>
        </figure>
    }
}
