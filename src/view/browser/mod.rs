//! What the view needs from the browser and nothing else: the address bar,
//! the frame clock, the language catalogue, media queries (the system
//! theme, a phone's width), the take-over of the build-time first paint,
//! and the last-resort error text.

pub mod errors;
pub mod first_paint;
pub mod frames;
pub mod history;
pub mod language;
pub mod media;
pub mod theme;

use crate::core::state::action::Action;

/// The action of the button an event came from, read from its `data-action`.
pub fn action_of(ev: &web_sys::Event) -> Option<Action> {
    let target = leptos::prelude::event_target::<web_sys::Element>(ev);
    let button = target.closest("[data-action]").ok().flatten()?;
    Action::parse(&button.get_attribute("data-action")?)
}
