//! Rare-Earth Flows: an explorer of China's rare-earth magnet exports and the
//! sourced facts around them. `core` is pure and host-tested; `view` is the
//! thin Leptos layer that renders what `core` derives.

pub mod core;
pub mod view;

pub use view::App;

/// Entry point of the browser app.
pub fn start() {
    view::browser::errors::install_panic_hook();
    // Beside the build-time first paint, which the app takes over once drawn.
    leptos::mount::mount_to(view::browser::first_paint::mount_point(), App).forget();
}
