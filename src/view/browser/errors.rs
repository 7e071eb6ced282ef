//! Failures end as readable text in the page, never as a blank page.

use wasm_bindgen::JsCast;

/// Logs a panic to the console with its Rust message, and writes the message
/// into the page, since after a panic the app itself can no longer render.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        let message = info.to_string();
        web_sys::console::error_1(&message.as_str().into());
        show_fatal(&message);
    }));
}

fn show_fatal(message: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let (Ok(panel), Some(body)) = (document.create_element("div"), document.body()) else {
        return;
    };
    panel.set_class_name("fatal");
    let _ = panel.set_attribute("role", "alert");
    let _ = panel.set_attribute("data-testid", "fatal-error");
    panel.set_text_content(Some(&crate::t!(something_went_wrong_explorer_stopped:
        "Something went wrong and the explorer stopped: {message}. Reload the page to try again; the data file is at data/facts.csv.",
        message = message
    )));
    if let Ok(first) = body
        .first_child()
        .ok_or(())
        .and_then(|n| n.dyn_into::<web_sys::Node>().map_err(|_| ()))
    {
        let _ = body.insert_before(&panel, Some(&first));
    } else {
        let _ = body.append_child(&panel);
    }
}
