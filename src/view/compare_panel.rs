//! A against B: presets, two pickers, a bar chart with gaps, and the table.

use leptos::prelude::*;

use crate::t;

use super::doc::DocTable;
use super::history::HistoryMode;
use crate::core::chart::{bar_chart, HEIGHT, WIDTH};
use crate::core::compare::{compare, pair_slug, parse_pair, side_choices, Side, PRESETS};
use crate::core::dataset::Dataset;
use crate::core::events::policy_events;
use crate::core::panels::{compare_table, trend_table};
use crate::core::period::Month;
use crate::core::series::{Series, SeriesView};
use crate::core::units::{decimal, month_long, Unit};

pub const DEFAULT_PAIR: &str = "eu-us";

#[component]
pub fn ComparePanel(
    dataset: &'static Dataset,
    series: Signal<Series>,
    month: Memo<Option<Month>>,
    #[prop(into)] pair: Signal<Option<String>>,
    on_pair: Callback<String>,
    on_month: Callback<(Month, HistoryMode)>,
) -> impl IntoView {
    let sides = Signal::derive(move || {
        pair.get()
            .and_then(|p| parse_pair(&p))
            .or_else(|| parse_pair(DEFAULT_PAIR))
            .expect("the default pair parses")
    });
    let current_slug = move || sides.with(|(a, b)| pair_slug(a, b));
    let presets = PRESETS
        .iter()
        .map(|preset| {
            view! {
                <button
                    type="button"
                    data-testid=format!("preset-{}", preset.slug)
                    aria-pressed=move || (current_slug() == preset.slug).to_string()
                    on:click=move |_| on_pair.run(preset.slug.to_string())
                >
                    {crate::core::i18n::tr(preset.label)}
                </button>
            }
        })
        .collect_view();
    let picker = move |index: usize| {
        let options = move || {
            let chosen = sides.with(|(a, b)| if index == 0 { a.slug() } else { b.slug() });
            side_choices(dataset, series.get())
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
                        let Some(picked) = Side::parse(&event_target_value(&ev)) else { return };
                        let (a, b) = sides.get_untracked();
                        let (a, b) = if index == 0 { (picked, b) } else { (a, picked) };
                        on_pair.run(pair_slug(&a, &b));
                    }
                >
                    {options}
                </select>
            </label>
        }
    };

    let body = move || {
        let (a, b) = sides.get();
        let rows = compare(dataset, series.get(), &a, &b);
        let chart = bar_chart(&rows);
        let selected = month.get();
        let bars = chart
            .bars
            .iter()
            .map(|bar| {
                let label = if bar.side == 0 { a.label() } else { b.label() };
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
                            aria-label=t!("{label}, {month}: {figure} ({source}). Show this month on the map.", label = label, month = month_long(bar.month), figure = Unit::Tonnes.format(value), source = bar.source)
                        >
                            <title>{t!("{label}, {month}: {figure} — source: {source}", label = label, month = month_long(bar.month), figure = Unit::Tonnes.format(value), source = bar.source)}</title>
                        </rect>
                    }
                    .into_any(),
                    _ => view! {
                        <rect class="bar-gap" data-testid="gap" data-month=bar.month.to_string()
                            x=decimal(bar.x, 1) y=decimal(chart.baseline - 8.0, 1) width=decimal(bar.width, 1) height="8">
                            <title>{t!("{label}, {month}: no figure", label = label, month = month_long(bar.month))}</title>
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
        let events = policy_events(dataset)
            .into_iter()
            .filter_map(|e| {
                let x = decimal(chart.x_of(e.month)?, 1);
                Some(view! {
                    <line class="event-line" x1=x.clone() x2=x y1="8" y2=decimal(chart.baseline, 1)>
                        <title>{e.label()}</title>
                    </line>
                })
            })
            .collect_view();
        let selected_line = selected.and_then(|m| chart.x_of(m)).map(|x| {
            view! { <line class="selected-month" x1=decimal(x, 1) x2=decimal(x, 1) y1="8" y2=decimal(chart.baseline, 1)/> }
        });
        let table = compare_table(&rows, &a, &b);
        let trend =
            selected.and_then(|m| trend_table(&SeriesView::new(dataset, series.get()), &a, m));
        view! {
            <p class="chart-key">
                <span class="key key-a" aria-hidden="true"></span> {a.label()} " "
                <span class="key key-b" aria-hidden="true"></span> {b.label()} " "
                <span class="key key-gap" aria-hidden="true"></span> {t!("no figure (never zero)")}
            </p>
            <svg class="chart" viewBox=format!("0 0 {} {}", decimal(WIDTH, 0), decimal(HEIGHT, 0)) role="group" aria-label=t!("Monthly tonnes, {a} and {b}", a = a.label(), b = b.label())
                on:click=move |ev| show_month(&ev, on_month) on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                    if ev.key() == "Enter" || ev.key() == " " {
                        ev.prevent_default();
                        show_month(&ev, on_month);
                    }
                }>
                <defs>
                    <pattern id="hatch" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                        <rect width="4" height="4" class="hatch-bg"/>
                        <line x1="0" y1="0" x2="0" y2="4" class="hatch-line"/>
                    </pattern>
                </defs>
                {y_ticks}
                {events}
                {selected_line}
                {bars}
                {x_ticks}
            </svg>
            <DocTable table=table/>
            {trend.map(|t| view! { <div data-testid="trend"><DocTable table=t/></div> })}
        }
    };

    view! {
        <div class="presets" role="group" aria-label=t!("Comparisons one click away")>{presets}</div>
        <div class="pickers">{picker(0)} {picker(1)}</div>
        {body}
    }
}

/// A click, tap, Enter or Space on a bar or its column moves the map to
/// that month: one handler for the whole chart.
fn show_month(ev: &leptos::ev::Event, on_month: Callback<(Month, HistoryMode)>) {
    let target = event_target::<web_sys::Element>(ev);
    if let Some(month) = target
        .get_attribute("data-month")
        .and_then(|m| Month::parse(&m))
    {
        on_month.run((month, HistoryMode::Push));
    }
}
