//! Zooming by hand: the + and − buttons, and the finger distance a pinch is
//! measured with. The levels and thresholds are in `core::zoom`.

use leptos::prelude::*;

use crate::t;

use crate::core::zoom;

/// The distance between two fingers, or `None` for any other touch.
pub fn finger_distance(ev: &leptos::ev::TouchEvent) -> Option<f64> {
    let touches = ev.touches();
    if touches.length() != 2 {
        return None;
    }
    let (a, b) = (touches.get(0)?, touches.get(1)?);
    let (dx, dy) = (
        f64::from(a.client_x() - b.client_x()),
        f64::from(a.client_y() - b.client_y()),
    );
    Some((dx * dx + dy * dy).sqrt())
}

/// Buttons for the same zoom levels as a pinch; each step is a history entry.
#[component]
pub fn ZoomControls() -> impl IntoView {
    let navigator = expect_context::<super::Navigator>();
    let on_click = move |ev: leptos::ev::MouseEvent| {
        let Some(action) = event_target::<web_sys::Element>(&ev)
            .closest("button")
            .ok()
            .flatten()
            .and_then(|b| b.get_attribute("data-testid"))
        else {
            return;
        };
        navigator.go(super::history::HistoryMode::Push, |s| {
            let current = s.zoom.unwrap_or(1);
            s.zoom = Some(zoom::step(current, action == "zoom-in")).filter(|z| *z > 1);
        });
    };
    // Past either end a press does nothing: three levels need no more.
    view! {
        <div class="zoom-controls" role="group" aria-label=t!("Zoom the map") on:click=on_click>
            <button type="button" data-testid="zoom-in" aria-label=t!("Zoom in")>"+"</button>
            <button type="button" data-testid="zoom-out" aria-label=t!("Zoom out")>"−"</button>
        </div>
    }
}
