//! A against B: presets, two pickers, a bar chart with gaps, and the table.

use leptos::prelude::*;

use crate::t;

use super::doc::DocTable;
use crate::core::analysis::compare::{compare, side_choices, Pair, Side, PRESETS};
use crate::core::analysis::series::{Series, SeriesView};
use crate::core::data::events::policy_events;
use crate::core::data::period::Month;
use crate::core::data::units::{decimal, month_long, Unit};
use crate::core::present::chart::{bar_chart, Chart, HEIGHT, WIDTH};
use crate::core::present::panels::{compare_table, trend_table};
use crate::core::present::table::Table;
use crate::view::state::{Data, Store, Write};

/// What the chart and its table show for one pair: recomputed when the pair,
/// the series or the data change, never for a month step.
#[derive(Clone, PartialEq)]
struct Comparison {
    pair: Pair,
    chart: Chart,
    table: Table,
    /// Policy events on the chart's time axis: x and label.
    events: Vec<(f64, String)>,
    /// Why the pair is not compared, when its sides count different things.
    refused: Option<String>,
}

#[component]
pub fn ComparePanel(
    data: RwSignal<Data>,
    series: Memo<Series>,
    month: Memo<Option<Month>>,
    pair: Memo<Option<Pair>>,
) -> impl IntoView {
    let store = expect_context::<Store>();
    let shown = Memo::new(move |_| pair.get().unwrap_or_default());
    let choose = move |picked: Pair| {
        store.go(Write::Push, |s| {
            s.panel = Some(crate::core::state::url_state::Panel::Compare);
            s.compare = Some(picked);
        })
    };
    let presets = PRESETS
        .iter()
        .map(|preset| {
            view! {
                <button
                    type="button"
                    data-testid=format!("preset-{}", preset.slug)
                    aria-pressed=move || (shown.with(Pair::slug) == preset.slug).to_string()
                    on:click=move |_| {
                        if let Some(picked) = Pair::parse(preset.slug) {
                            choose(picked);
                        }
                    }
                >
                    {crate::core::text::i18n::tr(&format!("preset.{}", preset.slug), preset.label)}
                </button>
            }
        })
        .collect_view();
    let choices = move || data.with(|d| side_choices(&d.0, series.get()));
    let picker = move |index: usize| {
        let options = move || {
            let side = shown.with(|p| if index == 0 { p.a.clone() } else { p.b.clone() });
            let chosen = side.slug();
            let mut offered = choices();
            // A side from the address that the series does not name (a
            // year-earlier remainder, a country without figures) is still
            // what the picker shows, never another side.
            if !offered.iter().any(|s| s.slug() == chosen) {
                offered.insert(0, side);
            }
            offered
                .into_iter()
                .map(|side| view! { <option value=side.slug() selected=side.slug() == chosen>{side.label()}</option> })
                .collect_view()
        };
        view! {
            <label>
                {if index == 0 { "A " } else { "B " }}
                <select
                    data-testid=if index == 0 { "compare-a" } else { "compare-b" }
                    on:change=move |ev| {
                        if let Some(picked) = Side::parse(&event_target_value(&ev)) {
                            choose(shown.get_untracked().with_side(index, picked));
                        }
                    }
                >
                    {options}
                </select>
            </label>
        }
    };

    let comparison = Memo::new(move |_| {
        let pair = shown.get();
        data.with(|d| {
            let (rows, refused) = match compare(&d.0, series.get(), &pair.a, &pair.b) {
                Ok(rows) => (rows, None),
                Err(refused) => (Vec::new(), Some(refused.text())),
            };
            let chart = bar_chart(&rows);
            let table = compare_table(&rows, &pair.a, &pair.b);
            let events = policy_events(&d.0)
                .into_iter()
                .filter_map(|e| Some((chart.x_of(e.month)?, e.label())))
                .collect();
            Comparison {
                pair,
                chart,
                table,
                events,
                refused,
            }
        })
    });
    let refused = Memo::new(move |_| comparison.with(|c| c.refused.clone()));
    let trend = move || {
        if refused.with(Option::is_some) {
            return None;
        }
        let month = month.get()?;
        let side = shown.with(|p| p.a.clone());
        let index = store.index;
        data.with(|d| index.with(|i| trend_table(&SeriesView::indexed(&d.0, i), &side, month)))
    };
    // The selected month is one line over the chart; moving it redraws nothing else.
    let selected_line = move || {
        let x = comparison.with(|c| month.get().and_then(|m| c.chart.x_of(m)))?;
        let baseline = comparison.with(|c| c.chart.baseline);
        Some(
            view! { <line class="selected-month" x1=decimal(x, 1) x2=decimal(x, 1) y1="8" y2=decimal(baseline, 1)/> },
        )
    };
    let chart = move || comparison.with(chart_marks);
    let key = move || {
        comparison.with(|c| {
            view! {
                <span class="key key-a" aria-hidden="true"></span> {c.pair.a.label()} " "
                <span class="key key-b" aria-hidden="true"></span> {c.pair.b.label()} " "
                <span class="key key-gap" aria-hidden="true"></span> {t!(no_figure_never_zero: "no figure (never zero)")}
            }
        })
    };
    let chart_label = move || {
        comparison.with(|c| {
            t!(monthly_tonnes:
                "Monthly tonnes, {a} and {b}",
                a = c.pair.a.label(),
                b = c.pair.b.label()
            )
        })
    };
    let on_pick = move |ev: &leptos::ev::Event| {
        if let Some(picked) = month_of(ev) {
            store.go(Write::Push, |s| s.month = Some(picked));
        }
    };

    view! {
        <div class="presets" role="group" aria-label=t!(comparisons_one_click_away: "Comparisons one click away")>{presets}</div>
        <div class="pickers">{picker(0)} {picker(1)}</div>
        {move || refused.get().map(|why| view! { <p class="basis-refusal" role="note" data-testid="basis-refusal">{why}</p> })}
        <div class="comparison" hidden=move || refused.with(Option::is_some)>
        <p class="chart-key">{key}</p>
        <svg class="chart" viewBox=format!("0 0 {} {}", decimal(WIDTH, 0), decimal(HEIGHT, 0)) role="group" aria-label=chart_label
            on:click=move |ev| on_pick(&ev)
            on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                if ev.key() == "Enter" || ev.key() == " " {
                    ev.prevent_default();
                    on_pick(&ev);
                }
            }>
            <defs>
                <pattern id="hatch" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                    <rect width="4" height="4" class="hatch-bg"/>
                    <line x1="0" y1="0" x2="0" y2="4" class="hatch-line"/>
                </pattern>
            </defs>
            {selected_line}
            {chart}
        </svg>
        {move || comparison.with(|c| view! { <DocTable table=c.table.clone()/> })}
        </div>
        {move || trend().map(|t| view! { <div data-testid="trend"><DocTable table=t/></div> })}
    }
}

/// Grid, event lines, bars and gaps of one comparison.
fn chart_marks(c: &Comparison) -> impl IntoView {
    let chart = &c.chart;
    let bars = chart
        .bars
        .iter()
        .map(|bar| {
            let label = if bar.side == 0 { c.pair.a.label() } else { c.pair.b.label() };
            match (bar.y, bar.value) {
                (Some(y), Some(value)) => view! {
                    // The whole column answers a click or a tap, however short the bar.
                    <rect class="bar-hit" data-month=bar.month.to_string() aria-hidden="true"
                        x=decimal(bar.x, 1) y="8" width=decimal(bar.width, 1) height=decimal(chart.baseline - 8.0, 1)/>
                    <rect
                        class=if bar.side == 0 { "bar bar-a" } else { "bar bar-b" }
                        data-testid="bar"
                        data-month=bar.month.to_string()
                        data-value=decimal(value, 3)
                        x=decimal(bar.x, 1) y=decimal(y, 1) width=decimal(bar.width, 1) height=decimal(chart.baseline - y, 1)
                        tabindex="0"
                        role="button"
                        aria-label=t!(show_month_map: "{label}, {month}: {figure} ({source}). Show this month on the map.", label = label, month = month_long(bar.month), figure = Unit::Tonnes.format(value), source = bar.source)
                    >
                        <title>{t!(label_month_figure_source: "{label}, {month}: {figure} — source: {source}", label = label, month = month_long(bar.month), figure = Unit::Tonnes.format(value), source = bar.source)}</title>
                    </rect>
                }
                .into_any(),
                _ => view! {
                    <rect class="bar-gap" data-testid="gap" data-month=bar.month.to_string()
                        x=decimal(bar.x, 1) y=decimal(chart.baseline - 8.0, 1) width=decimal(bar.width, 1) height="8">
                        <title>{t!(label_month_no_figure: "{label}, {month}: no figure", label = label, month = month_long(bar.month))}</title>
                    </rect>
                }
                .into_any(),
            }
        })
        .collect_view();
    let y_ticks = chart
        .y_ticks
        .iter()
        .map(|t| view! {
            <line class="grid" x1=decimal(chart.plot_left, 1) x2=decimal(chart.plot_right, 1) y1=decimal(t.position, 1) y2=decimal(t.position, 1)/>
            <text class="tick-label" x=decimal(chart.plot_left - 4.0, 1) y=decimal(t.position + 4.0, 1) text-anchor="end">{t.label.clone()}</text>
        })
        .collect_view();
    let x_ticks = chart
        .x_ticks
        .iter()
        .map(|t| view! { <text class="tick-label" x=decimal(t.position, 1) y=decimal(chart.baseline + 16.0, 1) text-anchor="middle">{t.label.clone()}</text> })
        .collect_view();
    let events = c
        .events
        .iter()
        .map(|(x, label)| {
            let x = decimal(*x, 1);
            view! {
                <line class="event-line" x1=x.clone() x2=x y1="8" y2=decimal(chart.baseline, 1)>
                    <title>{label.clone()}</title>
                </line>
            }
        })
        .collect_view();
    view! { {y_ticks} {events} {bars} {x_ticks} }
}

/// The month a bar or its column names.
fn month_of(ev: &leptos::ev::Event) -> Option<Month> {
    event_target::<web_sys::Element>(ev)
        .get_attribute("data-month")
        .and_then(|m| Month::parse(&m))
}
