//! The share and embed dialog: a link to this view, an iframe snippet with
//! its resize script, the embed's month policy, and a live preview.

use leptos::html::Dialog;
use leptos::prelude::*;

use crate::t;
use wasm_bindgen_futures::JsFuture;

use crate::core::data::period::Month;
use crate::core::state::action::Action;
use crate::core::state::share::{
    embed_address, embed_snippet, frame_title, link, noscript_picture, script_snippet, EmbedCode,
    EmbedOptions,
};
use crate::core::state::url_state::Theme;
use crate::core::text::i18n::{self, Lang};
use crate::view::state::Store;

/// The explorer's own address without query or fragment.
fn page_address() -> String {
    web_sys::window()
        .and_then(|w| {
            let location = w.location();
            Some(format!(
                "{}{}",
                location.origin().ok()?,
                location.pathname().ok()?
            ))
        })
        .unwrap_or_default()
}

/// Copies through the Clipboard API, which exists only in secure contexts
/// (https or localhost): on a plain-http host the reader copies by hand.
async fn copy(text: String) -> bool {
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else {
        return false;
    };
    let has_clipboard = js_sys::Reflect::get(&navigator, &"clipboard".into())
        .is_ok_and(|c| !c.is_undefined() && !c.is_null());
    if !has_clipboard {
        return false;
    }
    JsFuture::from(navigator.clipboard().write_text(&text))
        .await
        .is_ok()
}

/// The links read the whole view state, so they are built only while the
/// dialog is open: a closed dialog wakes on no change of the view.
#[component]
pub fn ShareDialog(month: Memo<Option<Month>>) -> impl IntoView {
    let store = expect_context::<Store>();
    let dialog = NodeRef::<Dialog>::new();
    let open = RwSignal::new(false);
    let options = RwSignal::new(EmbedOptions::default());
    let desktop_preview = RwSignal::new(false);
    let status = RwSignal::new(String::new());
    let page = StoredValue::new(page_address());

    let share_link = move || {
        if open.get() {
            link(&page.get_value(), &store.snapshot())
        } else {
            String::new()
        }
    };
    // "The month shown" pins it, even when the address itself follows the
    // latest data.
    let embed = move || {
        let mut shown = store.snapshot();
        shown.month = month.get();
        options.with(|options| embed_address(&page.get_value(), &shown, options))
    };
    // The picture and its words are in the editor's language.
    let script_embed = move || {
        let picture =
            options.with(|o| noscript_picture(&store.snapshot(), month.get(), o, i18n::lang()));
        let alt = match &picture {
            Some(p) if p.summary_fits => store
                .side_model
                .with(|m| m.as_ref().map(|m| m.summary.clone()).unwrap_or_default()),
            _ => frame_title(),
        };
        script_snippet(
            &page.get_value(),
            &embed(),
            picture.as_ref().map(|p| p.path.as_str()),
            &alt,
        )
    };
    let snippet = move || {
        if !open.get() {
            return String::new();
        }
        match options.with(|o| o.code) {
            EmbedCode::Frame => embed_snippet(&embed()),
            EmbedCode::Script => script_embed(),
        }
    };
    let snippet_label = move || match options.with(|o| o.code) {
        EmbedCode::Frame => {
            t!(embed_code_iframe_resize_script: "Embed code (iframe and resize script)")
        }
        EmbedCode::Script => {
            t!(embed_code_script_picture: "Embed code (script, with a picture for readers without JavaScript)")
        }
    };

    let show = move |_| {
        status.set(String::new());
        // An embed made in Korean is Korean, unless the editor says otherwise.
        let shown = store.snapshot().lang;
        options.update(|o| o.lang = shown);
        open.set(true);
        if let Some(d) = dialog.get() {
            let _ = d.show_modal();
        }
    };
    let on_click = move |ev: leptos::ev::MouseEvent| {
        let (text, done) = match crate::view::browser::action_of(&ev) {
            Some(Action::CopyLink) => (share_link(), t!(link_copied: "Link copied.")),
            Some(Action::CopySnippet) => (snippet(), t!(embed_code_copied: "Embed code copied.")),
            // The summary under the map describes the picture in words, in
            // the reader's language: what a screen reader should hear.
            Some(Action::CopyAltText) => (
                store
                    .side_model
                    .with_untracked(|m| m.as_ref().map(|m| m.summary.clone()).unwrap_or_default()),
                t!(alt_text_copied: "Alt text copied: the map's summary in words."),
            ),
            Some(Action::CloseShare) => {
                if let Some(d) = dialog.get() {
                    d.close();
                }
                return;
            }
            _ => return,
        };
        leptos::task::spawn_local(async move {
            status.set(if copy(text).await {
                done.to_string()
            } else {
                t!(copying_blocked_here_select_text: "Copying is blocked here: select the text and copy it yourself.")
            });
        });
    };

    view! {
        <button type="button" data-testid="share" aria-haspopup="dialog" on:click=show>{t!(share_embed: "Share or embed")}</button>
        <dialog node_ref=dialog class="share-dialog" aria-labelledby="share-title" data-testid="share-dialog"
            on:close=move |_| open.set(false) on:click=on_click>
            <h2 id="share-title">{t!(share_embed_view: "Share or embed this view")}</h2>
            <label class="field">
                {t!(link_view: "Link to this view")}
                <input type="text" readonly data-testid="share-link" prop:value=share_link/>
            </label>
            <button type="button" data-testid="copy-link" data-action=Action::CopyLink.slug()>{t!(copy_link: "Copy link")}</button>
            <label class="field">
                {t!(embedded_map_shows: "The embedded map shows")}" "
                <select data-testid="embed-month" on:change=move |ev| options.update(|o| o.follow_latest = event_target_value(&ev) == "latest")>
                    <option value="fixed">{t!(month_shown_now_always: "the month shown now, always")}</option>
                    <option value="latest">{t!(latest_month_data_updated: "the latest month, as the data is updated")}</option>
                </select>
            </label>
            // The article decides the frame's look: light unless asked.
            <label class="field">
                {t!(embed_theme: "Colours")}" "
                <select data-testid="embed-theme" on:change=move |ev| options.update(|o| o.theme = match event_target_value(&ev).as_str() {
                    "dark" => Some(Theme::Dark),
                    "reader" => None,
                    _ => Some(Theme::Light),
                })>
                    <option value="light">{t!(embed_theme_light: "light, for a light page")}</option>
                    <option value="dark">{t!(embed_theme_dark: "dark, for a dark page")}</option>
                    <option value="reader">{t!(embed_theme_reader: "the reader's setting (light or dark)")}</option>
                </select>
            </label>
            <label class="field">
                {t!(embed_language: "Language")}" "
                <select data-testid="embed-lang" prop:value=move || options.with(|o| o.lang.map_or("", Lang::slug))
                    on:change=move |ev| options.update(|o| o.lang = Lang::from_slug(&event_target_value(&ev)))>
                    <option value="">{t!(embed_lang_reader: "the reader's browser language")}</option>
                    {Lang::ALL.map(|lang| view! { <option value=lang.slug() lang=lang.slug()>{lang.native_name()}</option> }).collect_view()}
                </select>
            </label>
            <label class="check">
                <input type="checkbox" data-testid="embed-headline" checked on:change=move |ev| options.update(|o| o.hidden.headline = !event_target_checked(&ev))/>
                " "{t!(embed_show_headline: "Show the headline (leave it out when the article has its own)")}
            </label>
            <label class="check">
                <input type="checkbox" data-testid="embed-timeline" checked on:change=move |ev| options.update(|o| o.hidden.timeline = !event_target_checked(&ev))/>
                " "{t!(embed_show_timeline: "Show the timeline")}
            </label>
            <label class="field">
                {t!(embed_code_kind: "Code")}" "
                <select data-testid="embed-code" on:change=move |ev| options.update(|o| o.code = EmbedCode::from_slug(&event_target_value(&ev)).unwrap_or_default())>
                    <option value=EmbedCode::Frame.slug()>{t!(embed_code_frame: "an iframe, for pages that allow no outside script")}</option>
                    <option value=EmbedCode::Script.slug()>{t!(embed_code_script: "one line of script, with a picture for readers without JavaScript")}</option>
                </select>
            </label>
            <label class="field">
                {snippet_label}
                <textarea readonly rows="6" data-testid="share-snippet" prop:value=snippet></textarea>
            </label>
            <button type="button" data-testid="copy-snippet" data-action=Action::CopySnippet.slug()>{t!(copy_embed_code: "Copy embed code")}</button>
            " "
            <button type="button" data-testid="copy-alt-text" data-action=Action::CopyAltText.slug()>{t!(copy_alt_text: "Copy alt text")}</button>
            <p class="copy-status" role="status" data-testid="copy-status">{move || status.get()}</p>
            <label class="field">
                {t!(preview: "Preview at")}" "
                <select data-testid="preview-width" on:change=move |ev| desktop_preview.set(event_target_value(&ev) == "desktop")>
                    <option value="phone">{t!(phone_width_360_px: "phone width (360 px)")}</option>
                    <option value="desktop">{t!(desktop_width_960_px_shown: "desktop width (960 px, shown at half size)")}</option>
                </select>
            </label>
            // Loaded only while the dialog is open: it is a second copy of the app.
            {move || open.get().then(|| view! {
                <div class=if desktop_preview.get() { "preview desktop" } else { "preview" } data-testid="share-preview">
                    <iframe src=embed() title=t!(preview_embedded_map: "Preview of the embedded map")></iframe>
                </div>
            })}
            <button type="button" class="close" data-testid="share-close" data-action=Action::CloseShare.slug()>{t!(close: "Close")}</button>
        </dialog>
    }
}
