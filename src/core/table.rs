//! A small document model for the analysis panels: tables of text, figures
//! and links. The core fills them; one view component renders them all,
//! which keeps the wasm small (every distinct Leptos view costs code).

use super::dataset::Fact;

#[derive(Clone, Debug, PartialEq)]
pub enum Span {
    Text(String),
    Strong(String),
    /// A sourced figure: its text links to the source, the hint quotes it.
    Link {
        text: String,
        href: String,
        hint: String,
    },
    /// A status word with a symbol, so colour is never the only cue.
    Badge {
        class: &'static str,
        text: String,
    },
    /// A horizontal bar, `percent` of the column wide: the table doubles as
    /// a bar chart, and the figure beside it carries the meaning.
    Bar {
        percent: f64,
    },
}

impl Span {
    pub fn text(text: impl Into<String>) -> Span {
        Span::Text(text.into())
    }

    /// A fact's value, linked to the page that states it.
    pub fn fact(fact: &Fact) -> Span {
        Span::fact_as(fact, fact.unit.format(fact.value))
    }

    pub fn fact_as(fact: &Fact, text: String) -> Span {
        Span::Link {
            text,
            href: fact.source.url.clone(),
            hint: fact.source_hint(),
        }
    }
}

pub type Cell = Vec<Span>;

#[derive(Clone, Debug, PartialEq, Default)]
pub struct Row {
    pub cells: Vec<Cell>,
    /// `data-testid` of the row, for tests and outside tools.
    pub test_id: Option<&'static str>,
    /// `data-status` of the row (claims: matches, differs, unchecked).
    pub status: Option<&'static str>,
    /// `data-key` of the row: a month, a claim id, a fact id.
    pub key: Option<String>,
}

impl Row {
    pub fn new(cells: Vec<Cell>) -> Row {
        Row {
            cells,
            ..Row::default()
        }
    }
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct Table {
    pub caption: String,
    pub head: Vec<String>,
    pub rows: Vec<Row>,
    /// A sentence under the table: what is left out and why.
    pub note: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::dataset::Dataset;

    #[test]
    fn a_fact_span_links_its_source_and_quotes_it() {
        let dataset = Dataset::embedded().unwrap();
        let fact = dataset.fact("mag-chn-usa-2025-08").unwrap();
        let Span::Link { text, href, hint } = Span::fact(fact) else {
            panic!("not a link")
        };
        assert_eq!(text, "590 t");
        assert!(href.contains("newszop"));
        assert!(hint.starts_with("Reuters") && hint.contains("590 tons"));
    }
}
