//! Component tests: the real Leptos components mounted in headless Chromium
//! by wasm-bindgen-test. Run by `.ci/test` with
//! `cargo test --target wasm32-unknown-unknown --test browser`.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use rare_earth_flows::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Resolves when the browser calls back what `schedule` registered.
async fn called_back(schedule: fn(&web_sys::Window, &js_sys::Function)) {
    let called =
        js_sys::Promise::new(&mut |resolve, _| schedule(&web_sys::window().unwrap(), &resolve));
    wasm_bindgen_futures::JsFuture::from(called).await.unwrap();
}

/// One browser task: what the page queued before it has run.
async fn next_task() {
    called_back(|window, resolve| {
        window.set_timeout_with_callback(resolve).unwrap();
    })
    .await;
}

/// The next animation frame's callbacks.
async fn next_frame() {
    called_back(|window, resolve| {
        window.request_animation_frame(resolve).unwrap();
    })
    .await;
}

/// Lets the reactive graph run what a change scheduled (Leptos' `tick`),
/// then the browser task that carries effects queued from event handlers.
/// No fixed sleep: it ends as soon as the work is done.
async fn tick() {
    leptos::task::tick().await;
    next_task().await;
}

/// Waits until `selector` matches in `root`: the app draws at mount, but
/// the country shapes arrive by fetch, which no executor tick covers.
async fn until(root: &Element, selector: &str) {
    for _ in 0..500 {
        tick().await;
        if root.query_selector(selector).unwrap().is_some() {
            return;
        }
    }
    panic!("{selector} never appeared");
}

/// Mounts the whole app in a fresh container, with `query` as the address.
async fn mount_app(query: &str) -> (Element, leptos::mount::UnmountHandle<impl Mountable>) {
    let window = web_sys::window().unwrap();
    let path = window.location().pathname().unwrap();
    window
        .history()
        .unwrap()
        .replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(&format!("{path}{query}")),
        )
        .unwrap();
    let container: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&container).unwrap();
    let handle = leptos::mount::mount_to(container.clone(), App);
    // The test runner serves no shapes, so the map ends "error", not
    // "ready"; either way the flows are drawn.
    until(
        &container,
        "[data-testid=flow-map]:not([data-state=loading])",
    )
    .await;
    (container.into(), handle)
}

fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().unchecked_into())
        .collect()
}

fn one(root: &Element, selector: &str) -> Element {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no element matches {selector}"))
}

/// Fires a bubbling `kind` event ("input", "change") at `target`, as a
/// reader's gesture would.
fn fire(target: &Element, kind: &str) {
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    target
        .dispatch_event(&web_sys::Event::new_with_event_init_dict(kind, &init).unwrap())
        .unwrap();
}

fn flows(root: &Element) -> Vec<(String, String)> {
    let mut drawn: Vec<_> = all(root, "[data-testid=flow]")
        .iter()
        .map(|f| {
            (
                f.get_attribute("data-to").unwrap(),
                f.get_attribute("data-tonnes").unwrap(),
            )
        })
        .collect();
    drawn.sort();
    drawn
}

#[wasm_bindgen_test]
async fn opens_on_the_latest_month_with_three_destinations() {
    let (root, _handle) = mount_app("").await;
    let map = one(&root, "[data-testid=flow-map]");
    // facts.csv: March 2026 names the United States alone; December 2025
    // is the latest month naming three or more destinations.
    assert_eq!(map.get_attribute("data-month").as_deref(), Some("2025-12"));
    let expected = [
        ("DEU", "1106"),
        ("JPN", "280"),
        ("KOR", "815"),
        ("USA", "564"),
        ("VNM", "509"),
    ]
    .map(|(to, tonnes)| (to.to_string(), tonnes.to_string()));
    assert_eq!(flows(&root), expected);
    root.remove();
}

#[wasm_bindgen_test]
async fn a_deep_link_draws_august_2025_with_germany_inside_the_eu() {
    let (root, _handle) = mount_app("?month=2025-08").await;
    assert_eq!(
        flows(&root),
        [
            ("DEU".into(), "1346".into()),
            ("EU27".into(), "2582".into()),
            ("USA".into(), "590".into())
        ]
    );
    assert_eq!(
        one(&root, "[data-testid=not-itemised]")
            .text_content()
            .unwrap(),
        "2,974 t"
    );
    let germany = one(&root, "[data-testid=flow][data-to=DEU]");
    assert!(
        germany.class_list().contains("part"),
        "Germany is drawn as part of the EU flow"
    );
    let missing: Vec<_> = all(&root, "[data-testid=flow-missing]")
        .iter()
        .filter_map(|m| m.get_attribute("data-to"))
        .collect();
    assert!(
        missing.contains(&"KOR".to_string()),
        "Korea has no August figure: {missing:?}"
    );
    root.remove();
}

#[wasm_bindgen_test]
async fn moving_the_slider_changes_the_month_and_replaces_the_address() {
    let (root, _handle) = mount_app("?month=2025-08").await;
    let history_length = web_sys::window()
        .unwrap()
        .history()
        .unwrap()
        .length()
        .unwrap();
    let slider: HtmlInputElement = one(&root, "[data-testid=timeline]").unchecked_into();
    // Sep 2025 is 19 months after Feb 2024, the first month of the series.
    slider.set_value("19");
    fire(&slider, "input");
    tick().await;
    assert_eq!(
        one(&root, "[data-testid=flow-map]")
            .get_attribute("data-month")
            .as_deref(),
        Some("2025-09")
    );
    assert!(flows(&root).contains(&("KOR".into(), "854".into())));
    // The drag is not over: the address waits for its end.
    let search = || web_sys::window().unwrap().location().search().unwrap();
    assert_eq!(search(), "?month=2025-08");
    fire(&slider, "change");
    assert_eq!(search(), "?month=2025-09");
    assert_eq!(
        web_sys::window()
            .unwrap()
            .history()
            .unwrap()
            .length()
            .unwrap(),
        history_length,
        "scrubbing pushes no entry"
    );
    root.remove();
}

#[wasm_bindgen_test]
async fn focusing_a_flow_shows_both_changes_and_the_source() {
    let (root, _handle) = mount_app("?month=2025-08").await;
    let us: HtmlElement = one(&root, "[data-testid=flow][data-to=USA]").unchecked_into();
    us.focus().unwrap();
    until(&root, "[data-testid=flow-tooltip]").await;
    let tooltip = one(&root, "[data-testid=flow-tooltip]")
        .text_content()
        .unwrap();
    assert!(tooltip.contains("590 t"), "{tooltip}");
    assert!(
        tooltip.contains("\u{2212}4.7%") && tooltip.contains("\u{2212}4.8%"),
        "computed and the article's figure: {tooltip}"
    );
    assert!(tooltip.contains("Reuters"), "{tooltip}");
    let link = one(&root, "[data-testid=flow-tooltip] a.figure");
    assert!(link.get_attribute("href").unwrap().starts_with("https://"));
    root.remove();
}

#[wasm_bindgen_test]
async fn a_month_without_data_says_so() {
    // June 2024: no magnet figure of any kind (SOURCES.md §7.6).
    let (root, _handle) = mount_app("?month=2024-06").await;
    assert!(flows(&root).is_empty());
    assert!(one(&root, "[data-testid=empty-month]")
        .text_content()
        .unwrap()
        .contains("No data for June 2024"));
    root.remove();
}

#[wasm_bindgen_test]
async fn a_bad_parameter_falls_back_with_a_notice() {
    let (root, _handle) = mount_app("?month=2031-02&country=ATLANTIS").await;
    assert_eq!(
        one(&root, "[data-testid=flow-map]")
            .get_attribute("data-month")
            .as_deref(),
        Some("2025-12"),
        "the default month: the latest naming three or more destinations"
    );
    let notices: Vec<String> = all(&root, "[data-testid=notice]")
        .iter()
        .filter_map(|n| n.text_content())
        .collect();
    assert!(notices.iter().any(|n| n.contains("2031-02")), "{notices:?}");
    assert!(
        notices.iter().any(|n| n.contains("ATLANTIS")),
        "{notices:?}"
    );
    root.remove();
}

#[wasm_bindgen_test]
async fn choosing_a_country_opens_its_panel_with_sourced_facts() {
    let (root, _handle) = mount_app("?month=2025-08&country=MNG").await;
    let panel = one(&root, "[data-testid=country-panel]");
    assert!(panel.text_content().unwrap().contains("Mongolia"));
    assert!(
        !all(&panel, "a.figure").is_empty(),
        "every fact links to its source"
    );
    root.remove();
}

#[wasm_bindgen_test]
async fn the_claims_panel_opens_from_its_parameter_with_a_row_per_claim() {
    let (root, _handle) = mount_app("?panel=claims").await;
    let claims = all(&root, "[data-testid=claim]");
    assert_eq!(claims.len(), 12);
    let differing: Vec<_> = claims
        .iter()
        .filter(|c| c.get_attribute("data-status").as_deref() == Some("differs"))
        .collect();
    assert_eq!(differing.len(), 1);
    assert!(differing[0]
        .text_content()
        .unwrap()
        .contains("\u{2212}4.8%"));
    root.remove();
}

#[wasm_bindgen_test]
async fn a_preset_button_switches_the_comparison_and_records_it() {
    let (root, _handle) = mount_app("?month=2025-09&compare=eu-us").await;
    let korea_japan: HtmlElement = one(&root, "[data-testid=preset-kor-jpn]").unchecked_into();
    korea_japan.click();
    tick().await;
    let september = one(&root, "[data-testid=compare-row][data-key='2025-09']")
        .text_content()
        .unwrap();
    assert!(
        september.contains("854 t") && september.contains("228 t") && september.contains("626 t"),
        "{september}"
    );
    assert_eq!(
        web_sys::window().unwrap().location().search().unwrap(),
        "?month=2025-09&compare=kor-jpn"
    );
    root.remove();
}

fn input_value(root: &Element, selector: &str) -> String {
    let element = one(root, selector);
    match element.dyn_ref::<HtmlInputElement>() {
        Some(input) => input.value(),
        None => element
            .unchecked_into::<web_sys::HtmlTextAreaElement>()
            .value(),
    }
}

#[wasm_bindgen_test]
async fn the_share_dialog_follows_the_view_and_the_month_policy() {
    let (root, _handle) = mount_app("?month=2025-08&country=KOR").await;
    one(&root, "[data-testid=share]")
        .unchecked_into::<HtmlElement>()
        .click();
    tick().await;
    assert!(input_value(&root, "[data-testid=share-link]").ends_with("?month=2025-08&country=KOR"));
    assert!(input_value(&root, "[data-testid=share-snippet]")
        .contains("?month=2025-08&country=KOR&theme=light&embed=1\""));
    // A step forward moves the link and the snippet with the view.
    one(&root, "[data-testid=step-forward]")
        .unchecked_into::<HtmlElement>()
        .click();
    tick().await;
    let link = input_value(&root, "[data-testid=share-link]");
    assert!(link.ends_with("?month=2025-09&country=KOR"), "{link}");
    // Following the latest data drops the month from the embed only.
    let policy: web_sys::HtmlSelectElement =
        one(&root, "[data-testid=embed-month]").unchecked_into();
    policy.set_value("latest");
    fire(&policy, "change");
    tick().await;
    let snippet = input_value(&root, "[data-testid=share-snippet]");
    assert!(
        snippet.contains("?country=KOR&theme=light&embed=1\""),
        "{snippet}"
    );
    assert!(input_value(&root, "[data-testid=share-link]").ends_with("?month=2025-09&country=KOR"));
    one(&root, "[data-testid=share-close]")
        .unchecked_into::<HtmlElement>()
        .click();
    root.remove();
}

#[wasm_bindgen_test]
async fn every_download_control_is_a_labelled_button() {
    let (root, _handle) = mount_app("?month=2025-08").await;
    for id in [
        "download-csv",
        "download-data",
        "download-svg",
        "download-png",
    ] {
        let button = one(&root, &format!("[data-testid={id}]"));
        assert_eq!(button.tag_name(), "BUTTON");
        assert!(!button.text_content().unwrap().trim().is_empty(), "{id}");
    }
    root.remove();
}

#[wasm_bindgen_test]
async fn a_deferred_value_lands_after_the_next_frame_with_only_the_newest_change() {
    use rare_earth_flows::view::browser::frames::after_paint;
    use std::sync::atomic::{AtomicU32, Ordering};
    use std::sync::Arc;

    let owner = Owner::new();
    owner.set();
    let month = RwSignal::new("2025-08");
    let source = Memo::new(move |_| month.get());
    let beside = after_paint(source);
    assert_eq!(
        beside.get_untracked(),
        "2025-08",
        "the first value is the source's own"
    );
    let updates = Arc::new(AtomicU32::new(0));
    let counted = updates.clone();
    let watcher = Memo::new(move |_| {
        beside.with(|_| ());
        counted.fetch_add(1, Ordering::Relaxed);
    });
    watcher.get_untracked();
    for _ in 0..5 {
        next_frame().await;
        next_task().await;
    }
    watcher.get_untracked();
    let before = updates.load(Ordering::Relaxed);

    // Three steps of a drag between two frames; microtasks only, so no
    // frame can fall between them.
    for step in ["2025-09", "2025-10", "2025-11"] {
        month.set(step);
        leptos::task::tick().await;
    }
    watcher.get_untracked();
    assert_eq!(
        beside.get_untracked(),
        "2025-08",
        "not before a frame has painted"
    );
    // It lands in a background task after the next painted frame, which
    // an idle page runs within a few frames.
    for _ in 0..30 {
        next_frame().await;
        next_task().await;
        if beside.get_untracked() != "2025-08" {
            break;
        }
    }
    watcher.get_untracked();
    assert_eq!(beside.get_untracked(), "2025-11");
    assert_eq!(
        updates.load(Ordering::Relaxed) - before,
        1,
        "three steps, one update beside the map"
    );
}
