//! The system's light or dark preference, as a signal that follows the
//! operating system while the page is open.

use leptos::prelude::*;

/// Whether the system prefers dark, updated on every system switch.
pub fn system_prefers_dark() -> ReadSignal<bool> {
    super::media::matches("(prefers-color-scheme: dark)")
}

/// Writes the resolved theme on the page's root, for the style sheet.
pub fn mark_page(dark: bool) {
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("data-theme", if dark { "dark" } else { "light" });
    }
}
