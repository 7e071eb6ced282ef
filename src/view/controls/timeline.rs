//! The month slider with play, step and the story's policy events.

use std::time::Duration;

use leptos::prelude::*;

use crate::{t, tn};

use crate::core::data::events::policy_events;
use crate::core::data::period::Month;
use crate::core::data::units::decimal;
use crate::core::present::timeline::{play_start, timeline_position, TimelineMonth};
use crate::view::state::{Data, Store, Write};

/// Time each month stays on screen while playing.
const PLAY_STEP: Duration = Duration::from_millis(1200);

#[component]
pub fn Timeline(
    months: Memo<Vec<TimelineMonth>>,
    month: Memo<Option<Month>>,
    data: RwSignal<Data>,
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
    // Numbered marks on the track, and the same numbers on the linked list
    // below: the marks show when, the list says what and links the source.
    // They change only with the data (the list) or the series (the marks).
    let events = Memo::new(move |_| {
        data.with(|d| {
            policy_events(&d.0)
                .iter()
                .map(|e| {
                    (
                        e.month,
                        e.label(),
                        e.fact.source.url.clone(),
                        e.fact.source_hint(),
                        e.fact.id.clone(),
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    let marks = move || {
        events.with(|events| {
            months.with(|all| {
                events
                    .iter()
                    .enumerate()
                    .filter_map(|(i, (month, ..))| {
                        let left = decimal(timeline_position(all, *month)?, 2);
                        Some(view! { <span class="event-mark" style:left=format!("{left}%")>{(i + 1).to_string()}</span> })
                    })
                    .collect_view()
            })
        })
    };
    let list = move || {
        events
            .get()
            .into_iter()
            .enumerate()
            .map(|(i, (_, label, url, hint, fact))| {
                view! {
                    <li class="event" data-testid="event" data-fact=fact>
                        <span class="event-number" aria-hidden="true">{(i + 1).to_string()}</span>
                        <a href=url target="_blank" rel="noopener" title=hint>{label}</a>
                    </li>
                }
            })
            .collect_view()
    };

    view! {
        <div class="timeline" role="group" aria-label=t!(timeline: "Timeline")>
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
            </div>
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
            <ol class="month-ticks" aria-hidden="true">
                // Rebuilt only when the series changes.
                {move || months.get().into_iter().map(|tick| view! {
                    <li
                        class="tick"
                        class:no-data={!tick.has_total && tick.destinations == 0}
                        class:has-destinations={tick.destinations > 0}
                        class:combined=tick.combined.is_some()
                        title={
                            let month = tick.combined.clone().unwrap_or_else(|| tick.label.clone());
                            match (tick.has_total, tick.destinations) {
                                (true, 0) => t!(tick_total_only: "{month}: total only", month = month),
                                (false, 0) => t!(tick_no_figure: "{month}: no figure", month = month),
                                (true, n) => tn!(tick_total_and_destinations: n;
                                    one: "{month}: total and {count} destination",
                                    other: "{month}: total and {count} destinations",
                                    month = month),
                                (false, n) => tn!(tick_destinations_no_total: n;
                                    one: "{month}: no total, {count} destination",
                                    other: "{month}: no total, {count} destinations",
                                    month = month),
                            }
                        }
                    ></li>
                }).collect_view()}
            </ol>
            <div class="event-track" aria-hidden="true">{marks}</div>
            <ol class="events" aria-label=t!(policy_events: "Policy events")>{list}</ol>
        </div>
    }
}
