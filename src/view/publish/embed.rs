//! Embedding in another site's iframe: the page reports its height to the
//! parent, so a publisher's snippet can size the frame without scrollbars.
//!
//! The message, documented in the README, is a plain object:
//! `{ type: "rare-earth-flows:height", height: <CSS pixels> }`, posted to any
//! origin (a height reveals nothing), on load and whenever the page's height
//! changes. The same height goes out in the dialects newsroom pages already
//! listen for (`core::state::share::EmbedDialect`): AMP's `embed-size`, and
//! pym.js's `height` when pym loaded the frame (`childId` in the address).

use wasm_bindgen::prelude::*;

use crate::core::state::share::{amp_embed_size, pym_child_id, pym_height};

pub const HEIGHT_MESSAGE: &str = "rare-earth-flows:height";

fn post_height(pym_child: Option<&str>) {
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
    // AMP's amp-iframe resizes on this object (it asks for a height; the
    // AMP page may refuse when the frame is in view, as AMP does).
    let amp = js_sys::Object::new();
    for (key, value) in amp_embed_size() {
        let _ = js_sys::Reflect::set(&amp, &key.into(), &value.into());
    }
    let _ = js_sys::Reflect::set(&amp, &"height".into(), &height.into());
    let _ = parent.post_message(&amp, "*");
    if let Some(id) = pym_child {
        let _ = parent.post_message(&pym_height(id, height as u32).into(), "*");
    }
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
    // pym.js names the frame once, in the address it loads; the view's own
    // address writes drop pym's parameters, so the id is read here, at start.
    let pym_child = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .and_then(|query| pym_child_id(&query));
    let callback = Closure::<dyn FnMut()>::new(move || post_height(pym_child.as_deref()));
    if let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
        observer.observe(&root);
    }
    // The observer lives as long as the page.
    callback.forget();
}
