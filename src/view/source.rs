//! A figure is a link to its source: one click from any number to the page
//! that states it, with the verbatim excerpt on hover.

use leptos::prelude::*;

use crate::t;

use crate::core::map_model::{Figure, SourceRef};

#[component]
pub fn FigureLink(figure: Figure) -> impl IntoView {
    view! {
        <a class="figure" href=figure.source.url target="_blank" rel="noopener" title=figure.source.hint data-fact=figure.source.fact_id>
            {figure.label}
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
