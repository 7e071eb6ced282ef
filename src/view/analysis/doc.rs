//! Renders the core's tables. Every analysis panel goes through this one
//! component, so each panel costs data, not code.

use leptos::prelude::*;

use crate::t;

use crate::core::present::table::{Span, Table};

fn span(span: Span) -> AnyView {
    match span {
        Span::Text(text) => text.into_any(),
        Span::Strong(text) => view! { <strong>{text}</strong> }.into_any(),
        Span::Link {
            text,
            href,
            hint,
            also,
            preference,
            low_confidence,
        } => {
            let contested = !also.is_empty();
            view! {
                <a class="figure" href=href target="_blank" rel="noopener" title=hint data-conflict=contested.then_some("true")>{text}</a>
                {low_confidence.then(crate::view::side::source::low_confidence_mark)}
                {contested.then(|| crate::view::side::source::also_reported(also, preference))}
            }.into_any()
        }
        Span::Badge { class, text } => {
            view! { <span class=format!("status status-{class}")>{text}</span> }.into_any()
        }
        Span::Bar { percent } => {
            // 100% is 8rem in every table, so bars compare within a column.
            // Set through the CSSOM (`style:`), which a strict CSP allows,
            // not as a style attribute, which it refuses.
            let width = format!(
                "{}rem",
                crate::core::data::units::decimal(percent.clamp(0.0, 100.0) * 0.08, 2)
            );
            view! { <span class="cell-bar" aria-hidden="true" style:width=width></span> }.into_any()
        }
    }
}

/// Characters beyond which a cell reads as a sentence rather than a value.
const LONG_CELL: usize = 60;

#[component]
pub fn DocTable(table: Table) -> impl IntoView {
    // Built on a click only: most tables are never downloaded.
    let kept = StoredValue::new(table.clone());
    let download = move |_| {
        kept.with_value(|t| {
            crate::view::publish::downloads::save_text(
                &t.file_name(),
                "text/csv;charset=utf-8",
                &t.to_csv(),
            )
        });
    };
    // Each cell carries its column's name: on a phone the rows become cards
    // that read "label: value" (style sheet, below 600 px).
    let labels = table.head.clone();
    let head = table
        .head
        .into_iter()
        .map(|h| view! { <th scope="col">{h}</th> })
        .collect_view();
    let rows = table
        .rows
        .into_iter()
        .map(|row| {
            let cells = row
                .cells
                .into_iter()
                .enumerate()
                .map(|(i, cell)| {
                    // A sentence-long cell puts its label above it on a phone,
                    // so its text has the card's whole width.
                    let long = cell.iter().map(Span::shown_chars).sum::<usize>() > LONG_CELL;
                    let content = cell.into_iter().map(span).collect_view();
                    let label = labels.get(i).cloned();
                    // The first cell names the row, for screen readers.
                    if i == 0 { view! { <th scope="row" data-label=label class:long=long>{content}</th> }.into_any() } else { view! { <td data-label=label class:long=long>{content}</td> }.into_any() }
                })
                .collect_view();
            view! { <tr data-testid=row.test_id data-status=row.status data-key=row.key>{cells}</tr> }
        })
        .collect_view();
    view! {
        <div class="table-wrap">
            <table class="doc-table">
                <caption>{table.caption}</caption>
                <thead><tr>{head}</tr></thead>
                <tbody>{rows}</tbody>
            </table>
            {table.note.map(|note| view! { <p class="table-note">{note}</p> })}
            <button type="button" class="table-csv" data-testid="table-csv" on:click=download>{t!(download_table_csv: "Download this table (CSV)")}</button>
        </div>
    }
}
