//! Zooming by hand: the + and − buttons, and the finger distance a pinch is
//! measured with. The levels and thresholds are in `core::geo::zoom`.

use leptos::prelude::*;

use crate::core::geo::zoom;
use crate::core::state::action::Action;
use crate::t;
use crate::view::state::{Store, Write};

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
    let store = expect_context::<Store>();
    let on_click = move |ev: leptos::ev::MouseEvent| {
        let zoom_in = match crate::view::browser::action_of(&ev) {
            Some(Action::ZoomIn) => true,
            Some(Action::ZoomOut) => false,
            _ => return,
        };
        store.go(Write::Push, |s| s.zoom = zoom::stepped(s.zoom, zoom_in));
    };
    // Past either end a press does nothing: three levels need no more.
    view! {
        <div class="zoom-controls" role="group" aria-label=t!(zoom_map: "Zoom the map") on:click=on_click>
            <button type="button" data-testid="zoom-in" data-action=Action::ZoomIn.slug() aria-label=t!(zoom: "Zoom in")>"+"</button>
            <button type="button" data-testid="zoom-out" data-action=Action::ZoomOut.slug() aria-label=t!(zoom_out: "Zoom out")>"−"</button>
        </div>
    }
}
