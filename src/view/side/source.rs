//! A figure is a link to its source: one click from any number to the page
//! that states it, with the verbatim excerpt on hover.

use leptos::prelude::*;

use crate::t;

use crate::core::data::dataset::AlsoReported;
use crate::core::present::figures::{Figure, SourceRef};
use crate::view::publish::data_update::{ExcerptState, Excerpts};

#[component]
pub fn FigureLink(figure: Figure) -> impl IntoView {
    let contested = !figure.source.also.is_empty();
    view! {
        <a class="figure" href=figure.source.url target="_blank" rel="noopener" title=figure.source.hint
            data-fact=figure.source.fact_id data-conflict=contested.then_some("true")>
            {figure.label}
        </a>
        {figure.source.low_confidence.then(low_confidence_mark)}
        {contested.then(|| also_reported(figure.source.also, figure.source.preference))}
    }
}

/// "⚑": a D-grade figure no other page confirms. A symbol with words for
/// screen readers and on hover, so colour is never the cue.
pub fn low_confidence_mark() -> impl IntoView {
    let words = t!(low_confidence_source_grade_d: "low-confidence source (grade D), not confirmed by another page");
    let hover = words.clone();
    view! { <span class="low-confidence" data-testid="low-confidence" role="img" aria-label=words title=hover>"⚑"</span> }
}

/// "(also reported: 6,356 t, YTN citing …; used: …)": the figures other
/// pages give for the same key, each a link to its page, and the rule that
/// chose the one in use.
pub fn also_reported(also: Vec<AlsoReported>, preference: String) -> impl IntoView {
    view! {
        <span class="also-reported" data-testid="also-reported">
            " ("
            {also.into_iter().enumerate().map(|(i, a)| view! {
                {(i > 0).then_some("; ")}
                <a href=a.source.url.clone() target="_blank" rel="noopener" data-fact=a.fact_id.clone()>{a.text()}</a>
            }).collect_view()}
            {(!preference.is_empty()).then(|| format!("; {preference}"))}
            ")"
        </span>
    }
}

/// A figure that changes in place from month to month: the same link
/// element, with its text and target updated. While there is no figure
/// there is no link: an `<a>` without a target is a dead end for a
/// keyboard, a screen reader and a crawler alike.
#[component]
pub fn LiveFigureLink(#[prop(into)] figure: Signal<Option<Figure>>) -> impl IntoView {
    let read = move |get: fn(&Figure) -> String| move || figure.with(|f| f.as_ref().map(get));
    let contested = move || figure.with(|f| f.as_ref().is_some_and(|f| !f.source.also.is_empty()));
    let has_figure = Memo::new(move |_| figure.with(Option::is_some));
    view! {
        <Show when=move || has_figure.get()>
            <a class="figure" href=read(|f| f.source.url.clone()) target="_blank" rel="noopener"
                title=read(|f| f.source.hint.clone()) data-fact=read(|f| f.source.fact_id.clone())
                data-conflict=move || contested().then_some("true")>
                {read(|f| f.label.clone())}
            </a>
        </Show>
        {move || figure.with(|f| f.as_ref().is_some_and(|f| f.source.low_confidence)).then(low_confidence_mark)}
        {move || figure.with(|f| f.as_ref().filter(|f| !f.source.also.is_empty()).map(|f| also_reported(f.source.also.clone(), f.source.preference.clone())))}
    }
}

/// "Reuters via Kitco, 2025-08-20 · grade B · Source ↗", with the excerpt below.
#[component]
pub fn SourceLine(source: SourceRef) -> impl IntoView {
    view! {
        <p class="source" data-testid="source">
            <span class="publisher">{source.publisher}</span>
            ", "
            {source.date}
            " · "
            <span class="grade">{source.grade}</span>
            " · "
            <a href=source.url target="_blank" rel="noopener">
                {t!(source: "Source")}
                <span class="visually-hidden">": "<cite lang=source.excerpt_lang translate="no">{source.title}</cite></span>
            </a>
        </p>
        {match source.excerpt {
            Some(excerpt) => view! { <blockquote class="excerpt" lang=source.excerpt_lang>{format!("“{excerpt}”")}</blockquote> }.into_any(),
            None => view! { <PendingExcerpt/> }.into_any(),
        }}
    }
}

/// In the excerpt's place until the excerpts are read: shown, it asks for
/// them. Once they are read, the line is drawn again with its quote.
#[component]
fn PendingExcerpt() -> impl IntoView {
    // Component tests mount a source line without the explorer around it.
    let excerpts = use_context::<Excerpts>();
    if let Some(excerpts) = excerpts {
        excerpts.ask();
    }
    let unavailable = move || excerpts.is_some_and(|e| e.state() == ExcerptState::Unavailable);
    view! {
        <p class="excerpt pending" data-testid="excerpt-pending" aria-busy=move || (!unavailable()).to_string()>
            {move || if unavailable() {
                t!(excerpt_unavailable: "The excerpt could not be read here: the source link above opens the page it quotes.")
            } else {
                t!(excerpt_loading: "Reading the source's words…")
            }}
        </p>
    }
}
