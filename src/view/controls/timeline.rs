//! The month slider with play, step and the story's policy events.

use std::time::Duration;

use leptos::prelude::*;

use crate::{t, tn};

use crate::core::data::events::policy_events;
use crate::core::data::period::Month;
use crate::core::data::units::decimal;
use crate::core::present::timeline::{
    play_start, timeline_bars, timeline_column, TimelineBar, TimelineMonth,
};
use crate::view::state::{Data, Store, Write};

/// Time each month stays on screen while playing.
const PLAY_STEP: Duration = Duration::from_millis(1200);

#[component]
pub fn Timeline(
    months: Memo<Vec<TimelineMonth>>,
    month: Memo<Option<Month>>,
    events: Memo<Vec<EventRow>>,
) -> impl IntoView {
    let store = expect_context::<Store>();
    let index = Memo::new(move |_| {
        let current = month.get()?;
        months.with(|all| all.iter().position(|m| m.month == current))
    });
    let last_index = move || months.with(|all| all.len().saturating_sub(1));
    let go_to = move |i: usize, how: Write| {
        if let Some(target) = months.with_untracked(|all| all.get(i).map(|m| m.month)) {
            store.go(how, |s| s.month = Some(target));
        }
    };
    let step = move |delta: isize, how: Write| {
        let current = index.get_untracked().unwrap_or(0) as isize;
        let target = (current + delta).clamp(0, last_index() as isize) as usize;
        go_to(target, how);
    };

    let playing = RwSignal::new(false);
    let timer = StoredValue::new(None::<IntervalHandle>);
    let stop = move || {
        playing.set(false);
        if let Some(handle) = timer.get_value() {
            handle.clear();
        }
        timer.set_value(None);
    };
    let play = move || {
        let start = months.with_untracked(|all| play_start(all, index.get_untracked()));
        if let Some(start) = start.filter(|start| index.get_untracked() != Some(*start)) {
            go_to(start, Write::Replace);
        }
        playing.set(true);
        let handle = set_interval_with_handle(
            move || {
                if index.get_untracked().is_some_and(|i| i >= last_index()) {
                    stop();
                } else {
                    step(1, Write::Replace);
                }
            },
            PLAY_STEP,
        );
        timer.set_value(handle.ok());
    };
    on_cleanup(stop);

    let current_label = move || {
        index
            .get()
            .and_then(|i| months.with(|all| all.get(i).map(|m| m.label.clone())))
            .unwrap_or_default()
    };
    // While playing, a month without a breakdown says so beside the
    // controls: the map then has no arcs, and a reader should not wonder
    // whether it broke. A series that never has destinations says it once,
    // in its own notice, not at every step.
    let any_destinations =
        Memo::new(move |_| months.with(|all| all.iter().any(|m| m.destinations > 0)));
    let play_note = move || {
        if !playing.get() || !any_destinations.get() {
            return None;
        }
        let i = index.get()?;
        months.with(|all| {
            let shown = all.get(i)?;
            let month = shown.combined.clone().unwrap_or_else(|| shown.label.clone());
            match (shown.total.is_some(), shown.destinations) {
                (_, n) if n > 0 => None,
                (true, _) => Some(t!(play_no_breakdown: "{month}: total only, no destination figures", month = month)),
                (false, _) => Some(t!(play_no_figure: "{month}: no figure published", month = month)),
            }
        })
    };

    let bars = Memo::new(move |_| months.with(|all| timeline_bars(all)));
    // The bar that holds the month shown: a step re-styles the bar it
    // leaves and the one it enters, no other.
    let shown_bar = Memo::new(move |_| {
        let i = index.get()?;
        bars.with(|all| all.iter().find(|bar| bar.covers(i)).map(|bar| bar.column))
    });
    let shown = Selector::new(move || shown_bar.get());

    // Numbered marks on the chart, and the same numbers on the linked list
    // below: the marks show when, the list says what and links the source.
    // They change only with the data (the list) or the series (the marks).
    // Events of one month share its column, stacked: October 2025 has two.
    let marks = move || {
        events.with(|events| {
            months.with(|all| {
                let mut columns: Vec<(usize, Vec<usize>)> = Vec::new();
                for (number, event) in events.iter().enumerate() {
                    let Some(column) = timeline_column(all, event.month) else { continue };
                    match columns.iter_mut().find(|(c, _)| *c == column) {
                        Some((_, numbers)) => numbers.push(number + 1),
                        None => columns.push((column, vec![number + 1])),
                    }
                }
                columns
                    .into_iter()
                    .map(|(column, numbers)| view! {
                        <span class="event-marks" style:grid-column=(column + 1).to_string()>
                            {numbers.into_iter().map(|n| view! { <span class="event-mark">{n.to_string()}</span> }).collect_view()}
                        </span>
                    })
                    .collect_view()
            })
        })
    };
    // Years under the slider, at each January (and at the start when the
    // first January is far enough away not to crowd it).
    let years = move || {
        months.with(|all| {
            let first_january = all.iter().position(|m| m.month.number() == 1);
            all.iter()
                .enumerate()
                .filter(|(i, m)| m.month.number() == 1 || (*i == 0 && first_january.is_none_or(|j| j >= 4)))
                .map(|(i, m)| view! { <span class="year" style:grid-column=(i + 1).to_string()>{m.month.year().to_string()}</span> })
                .collect_view()
        })
    };
    view! {
        <div class="timeline" role="group" aria-label=t!(timeline: "Timeline")
            style:--months=move || months.with(|all| all.len().max(1)).to_string()>
            <div class="timeline-controls">
                <button type="button" data-testid="step-back" aria-label=t!(previous_month: "Previous month")
                    on:click=move |_| { stop(); step(-1, Write::Push) }>"◀"</button>
                <button type="button" data-testid="play" aria-pressed=move || playing.get().to_string()
                    on:click=move |_| if playing.get_untracked() { stop() } else { play() }>
                    {move || if playing.get() { t!(pause: "❚❚ Pause") } else { t!(play: "▶ Play") }}
                </button>
                <button type="button" data-testid="step-forward" aria-label=t!(next_month: "Next month")
                    on:click=move |_| { stop(); step(1, Write::Push) }>"▶"</button>
                <output class="month-label" data-testid="month-label" for="timeline">{current_label}</output>
                <span class="play-note" data-testid="play-note" role="status">{play_note}</span>
            </div>
            <div class="timeline-chart">
                <div class="event-track" aria-hidden="true">{marks}</div>
                <ol class="timeline-bars" data-testid="timeline-bars" aria-label=t!(monthly_totals: "Monthly totals")>
                    <For each=move || bars.get() key=|bar| (bar.month, bar.span, bar.total.map(|(v, _)| v.to_bits()), bar.height.to_bits(), bar.destinations, bar.label.clone()) let:bar>
                        {
                            let column = bar.column;
                            let shown = shown.clone();
                            let text = bar_text(&bar);
                            let title = text.clone();
                            let height = format!("{}%", decimal(bar.height * 100.0, 1));
                            view! {
                                <li
                                    data-testid="timeline-bar"
                                    data-month=bar.month.to_string()
                                    data-state=if bar.total.is_some() { "figure" } else { "missing" }
                                    class="timeline-bar"
                                    class:combined={bar.span > 1}
                                    class:destinations={bar.destinations > 0}
                                    class:shown=move || shown.selected(&Some(column))
                                    style:grid-column=format!("{} / span {}", column + 1, bar.span)
                                    title=title
                                    // A bar is a stop of the slider for a pointer; the
                                    // slider itself is the keyboard's way.
                                    on:click=move |_| { stop(); go_to(column, Write::Push) }
                                >
                                    <span class="bar-fill" style:height=height aria-hidden="true"></span>
                                    <span class="visually-hidden">{text}</span>
                                </li>
                            }
                        }
                    </For>
                </ol>
                <label for="timeline" class="visually-hidden">{t!(month: "Month")}</label>
                <input
                    id="timeline"
                    type="range"
                    data-testid="timeline"
                    min="0"
                    max=move || last_index().to_string()
                    step="1"
                    prop:value=move || index.get().unwrap_or(0).to_string()
                    aria-valuetext=current_label
                    // Dragging changes the view at once and the address once,
                    // when the gesture ends (the `change` event).
                    on:input=move |ev| {
                        stop();
                        if let Ok(i) = event_target_value(&ev).parse::<usize>() {
                            go_to(i, Write::Later);
                        }
                    }
                    on:change=move |_| store.commit()
                />
                <div class="years" aria-hidden="true">{years}</div>
            </div>
            <ul class="timeline-key" data-testid="timeline-key" aria-label=t!(timeline_key: "Key to the timeline")>
                <li><span class="swatch total" aria-hidden="true"></span>{t!(key_bar_total: "Monthly total")}</li>
                <li><span class="swatch arcs" aria-hidden="true"></span>{t!(key_bar_arcs: "Destinations on the map")}</li>
                <li><span class="swatch missing" aria-hidden="true"></span>{t!(key_bar_missing: "No figure published")}</li>
                <li><span class="swatch combined" aria-hidden="true"></span>{t!(key_bar_combined: "Two months published as one figure")}</li>
                <li><span class="event-mark" aria-hidden="true">"1"</span>{t!(key_bar_events: "Events, listed below")}</li>
            </ul>
        </div>
    }
}

/// A policy event as the timeline shows it: a mark in its month's column
/// and a line of the list, linked to its source.
#[derive(Clone, PartialEq)]
pub struct EventRow {
    month: Month,
    label: String,
    url: String,
    hint: String,
    fact: String,
}

/// The story's policy events, in date order, read once for the timeline's
/// marks and the list. They change only with the data.
pub fn event_rows(data: RwSignal<Data>) -> Memo<Vec<EventRow>> {
    Memo::new(move |_| {
        data.with(|d| {
            policy_events(&d.0)
                .iter()
                .map(|e| EventRow {
                    month: e.month,
                    label: e.label(),
                    url: e.fact.source.url.clone(),
                    hint: e.fact.source_hint(),
                    fact: e.fact.id.clone(),
                })
                .collect::<Vec<_>>()
        })
    })
}

/// The numbered list the timeline's marks point to ("Events, listed
/// below"). It sits under the month's summary, not in the timeline: it is
/// as tall as the data makes it, and nothing between the map and the
/// month's figures should be.
#[component]
pub fn PolicyEvents(events: Memo<Vec<EventRow>>) -> impl IntoView {
    let list = move || {
        events
            .get()
            .into_iter()
            .enumerate()
            .map(|(i, EventRow { label, url, hint, fact, .. })| {
                view! {
                    <li class="event" data-testid="event" data-fact=fact>
                        <span class="event-number" aria-hidden="true">{(i + 1).to_string()}</span>
                        <a href=url target="_blank" rel="noopener" title=hint>{label}</a>
                    </li>
                }
            })
            .collect_view()
    };
    view! { <ol class="events" aria-label=t!(policy_events: "Policy events")>{list}</ol> }
}

/// What a bar says, to a pointer's title and to a screen reader alike.
fn bar_text(bar: &TimelineBar) -> String {
    let month = bar.label.clone();
    match (bar.total, bar.destinations) {
        (Some((value, unit)), 0) => t!(bar_total_only: "{month}: {figure}; no destination figures",
            month = month, figure = unit.format(value)),
        (Some((value, unit)), n) => tn!(bar_total: n;
            one: "{month}: {figure}; {count} destination on the map",
            other: "{month}: {figure}; {count} destinations on the map",
            month = month, figure = unit.format(value)),
        (None, 0) => t!(tick_no_figure: "{month}: no figure", month = month),
        (None, n) => tn!(bar_no_total: n;
            one: "{month}: no total published; {count} destination on the map",
            other: "{month}: no total published; {count} destinations on the map",
            month = month),
    }
}
