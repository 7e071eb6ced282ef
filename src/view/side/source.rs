//! A figure is a link to its source: one click from any number to the page
//! that states it, with the verbatim excerpt on hover.

use leptos::prelude::*;

use crate::t;

use crate::core::present::figures::{Figure, SourceRef};

#[component]
pub fn FigureLink(figure: Figure) -> impl IntoView {
    view! {
        <a class="figure" href=figure.source.url target="_blank" rel="noopener" title=figure.source.hint data-fact=figure.source.fact_id>
            {figure.label}
        </a>
    }
}

/// A figure that changes in place from month to month: the same link
/// element, with its text and target updated (empty while there is none).
#[component]
pub fn LiveFigureLink(#[prop(into)] figure: Signal<Option<Figure>>) -> impl IntoView {
    let read = move |get: fn(&Figure) -> String| move || figure.with(|f| f.as_ref().map(get));
    view! {
        <a class="figure" href=read(|f| f.source.url.clone()) target="_blank" rel="noopener"
            title=read(|f| f.source.hint.clone()) data-fact=read(|f| f.source.fact_id.clone())>
            {read(|f| f.label.clone())}
        </a>
    }
}

/// "Reuters (via Kitco), 2025-08-20 · Source ↗", with the excerpt below.
#[component]
pub fn SourceLine(source: SourceRef) -> impl IntoView {
    view! {
        <p class="source" data-testid="source">
            <span class="publisher">{source.publisher}</span>
            ", "
            {source.date}
            " · "
            <a href=source.url target="_blank" rel="noopener">
                {t!("Source")}
                <span class="visually-hidden">{format!(": {}", source.title)}</span>
            </a>
        </p>
        <blockquote class="excerpt" lang=source.excerpt_lang>{format!("“{}”", source.excerpt)}</blockquote>
    }
}
