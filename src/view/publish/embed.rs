//! Embedding in another site's iframe: the page reports its height to the
//! parent, so a publisher's snippet can size the frame without scrollbars.
//!
//! The message, documented in the README, is a plain object:
//! `{ type: "rare-earth-flows:height", height: <CSS pixels> }`, posted to any
//! origin (a height reveals nothing), on load and whenever the page's height
//! changes.

use wasm_bindgen::prelude::*;

pub const HEIGHT_MESSAGE: &str = "rare-earth-flows:height";

fn post_height() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(root) = window.document().and_then(|d| d.document_element()) else {
        return;
    };
    let Ok(Some(parent)) = window.parent() else {
        return;
    };
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &"type".into(), &HEIGHT_MESSAGE.into());
    // The root's own box, not scrollHeight: scrollHeight never falls below
    // the frame's current height, so a frame could grow but never shrink.
    let height = root.get_bounding_client_rect().height().ceil();
    let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
    let _ = parent.post_message(&message, "*");
}

/// Starts reporting, once per page however often the explorer re-renders;
/// a ResizeObserver on the root element covers load, window resizes and
/// content changes alike.
pub fn report_height() {
    static STARTED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);
    if STARTED.swap(true, std::sync::atomic::Ordering::Relaxed) {
        return;
    }
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    else {
        return;
    };
    let callback = Closure::<dyn FnMut()>::new(post_height);
    if let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
        observer.observe(&root);
    }
    // The observer lives as long as the page.
    callback.forget();
}
