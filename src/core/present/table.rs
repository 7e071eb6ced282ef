//! A small document model for the analysis panels: tables of text, figures
//! and links. The core fills them; one view component renders them all,
//! which keeps the wasm small (every distinct Leptos view costs code).

use crate::core::data::dataset::{AlsoReported, Fact};

#[derive(Clone, Debug, PartialEq)]
pub enum Span {
    Text(String),
    Strong(String),
    /// A sourced figure: its text links to the source, the hint quotes it.
    Link {
        text: String,
        href: String,
        hint: String,
        /// Other pages' figures for the same key, shown beside it, and why
        /// this one is used.
        also: Vec<AlsoReported>,
        preference: String,
        /// A D-grade figure that no other page confirms.
        low_confidence: bool,
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
    /// The characters it shows, with its other reports: how much room it takes.
    pub fn shown_chars(&self) -> usize {
        match self {
            Span::Text(text) | Span::Strong(text) | Span::Badge { text, .. } => {
                text.chars().count()
            }
            Span::Link {
                text,
                also,
                preference,
                ..
            } => {
                text.chars().count()
                    + preference.chars().count()
                    + also.iter().map(|a| a.text().chars().count()).sum::<usize>()
            }
            Span::Bar { .. } => 0,
        }
    }

    pub fn text(text: impl Into<String>) -> Span {
        Span::Text(text.into())
    }

    /// A fact's value, linked to the page that states it.
    pub fn fact(fact: &Fact) -> Span {
        Span::fact_as(fact, fact.unit.format(fact.value))
    }

    /// A fact's value linked to its page, without the other pages'
    /// figures: for naming the figure used from the row of one that is not.
    pub fn fact_alone(fact: &Fact) -> Span {
        let mut span = Span::fact(fact);
        if let Span::Link {
            also, preference, ..
        } = &mut span
        {
            also.clear();
            preference.clear();
        }
        span
    }

    /// A translated message as a cell, each `{slot}` replaced by the spans
    /// given for it: `Span::message(t!(…), &[("figure", vec![Span::fact(f)])])`.
    pub fn message(message: String, slots: &[(&str, Vec<Span>)]) -> Cell {
        use crate::core::text::i18n::{pieces, Piece};
        let mut cell = Vec::new();
        for piece in pieces(&message) {
            match piece {
                Piece::Text(text) => cell.push(Span::text(text)),
                // `{figure:으로}`: the Korean particle after the figure's text.
                Piece::Slot(slot) => match slot.split_once(':') {
                    Some((name, particle)) => {
                        let said: String = slots
                            .iter()
                            .filter(|(n, _)| *n == name)
                            .flat_map(|(_, spans)| spans.iter().map(Span::plain))
                            .collect();
                        cell.push(Span::text(crate::core::text::korean::particle(
                            &said, particle,
                        )));
                    }
                    None => match slots.iter().find(|(n, _)| *n == slot) {
                        Some((_, spans)) => cell.extend(spans.iter().cloned()),
                        None => cell.push(Span::text(format!("{{{slot}}}"))),
                    },
                },
            }
        }
        cell
    }

    /// What the span reads as text.
    pub fn plain(&self) -> &str {
        match self {
            Span::Text(t) | Span::Strong(t) => t,
            Span::Link { text, .. } | Span::Badge { text, .. } => text,
            Span::Bar { .. } => "",
        }
    }

    pub fn fact_as(fact: &Fact, text: String) -> Span {
        Span::Link {
            text,
            href: fact.source.url.clone(),
            hint: fact.source_hint(),
            also: fact.also_reported().to_vec(),
            preference: fact.preference_text(),
            low_confidence: fact.is_unconfirmed_low_grade(),
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
    /// What the table is, in ASCII for its file name (`compare-eu27-usa`):
    /// a caption in Hangul or Cyrillic would leave nothing to name it by.
    pub slug: String,
    pub caption: String,
    pub head: Vec<String>,
    pub rows: Vec<Row>,
    /// A sentence under the table: what is left out and why.
    pub note: Option<String>,
}

impl Table {
    /// The table as CSV, as it reads on screen, with a last column of the
    /// source addresses of the row's figures and the table's note as a
    /// final row, so that a downloaded table still credits and qualifies.
    pub fn to_csv(&self) -> String {
        let mut header: Vec<&str> = self.head.iter().map(String::as_str).collect();
        let sources_column = crate::t!(sources_column: "sources");
        header.push(&sources_column);
        let rows = self.rows.iter().map(|row| {
            let mut fields: Vec<String> = row.cells.iter().map(cell_text).collect();
            fields.resize(self.head.len(), String::new());
            let sources: Vec<&str> = row
                .cells
                .iter()
                .flatten()
                .filter_map(|span| match span {
                    Span::Link { href, .. } => Some(href.as_str()),
                    _ => None,
                })
                .collect();
            fields.push(sources.join(" "));
            fields
        });
        let mut all: Vec<Vec<String>> = rows.collect();
        if let Some(note) = &self.note {
            all.push(vec![crate::t!(csv_note: "Note: {note}", note = note)]);
        }
        crate::core::data::csv_text::write(
            std::iter::once(header)
                .chain(all.iter().map(|r| r.iter().map(String::as_str).collect())),
        )
    }

    /// The same table, its note saying so when a figure it shows or sums
    /// is contested (another page gives another value for its key): a
    /// comparison computed from such a figure must say it is.
    pub fn noting_contested<'a>(mut self, summed: impl IntoIterator<Item = &'a Fact>) -> Table {
        let shown = self
            .rows
            .iter()
            .flat_map(|r| r.cells.iter().flatten())
            .any(|span| matches!(span, Span::Link { also, .. } if !also.is_empty()));
        if shown || summed.into_iter().any(|f| !f.also_reported().is_empty()) {
            let sentence = crate::t!(computed_contested_figures_another_page: "Computed from contested figures: another page gives a different value for some of them (shown beside each, marked “also reported”). The figure used is chosen by grade, then the primary or wire source, then the earlier publication; the other is never counted.");
            self.note = Some(match self.note.take() {
                Some(note) => format!("{note} {sentence}"),
                None => sentence,
            });
        }
        self
    }

    /// The download's name: `rare-earth-flows-<slug>.csv`.
    pub fn file_name(&self) -> String {
        format!("rare-earth-flows-{}.csv", self.slug)
    }
}

/// `compare EU27 EU27-DEU+1` → `compare-eu27-eu27-deu-1`: ASCII words
/// joined by hyphens, for file names.
pub fn file_slug(text: &str) -> String {
    let words: Vec<String> = text
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect();
    words.join("-")
}

/// A cell's words as they read: bars are drawn, not read.
fn cell_text(cell: &Cell) -> String {
    cell.iter()
        .map(Span::plain)
        .collect::<String>()
        .trim()
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::data::dataset::Dataset;

    #[test]
    fn a_fact_span_links_its_source_and_quotes_it() {
        let dataset = Dataset::embedded_with_excerpts();
        let fact = dataset.fact("mag-chn-usa-2025-08").unwrap();
        let Span::Link {
            text, href, hint, ..
        } = Span::fact(fact)
        else {
            panic!("not a link")
        };
        assert_eq!(text, "590 t");
        assert!(href.contains("newszop"));
        assert!(hint.starts_with("Reuters") && hint.contains("590 tons"));
    }

    #[test]
    fn a_message_puts_spans_in_its_slots_and_a_particle_after_a_slot() {
        let dataset = Dataset::embedded().unwrap();
        let fact = dataset.fact("mag-chn-usa-2025-08").unwrap();
        // "590 t" ends in a Latin letter read 티: a vowel, so 로.
        let cell = Span::message(
            "{figure}{figure:으로} 수정".into(),
            &[("figure", vec![Span::fact(fact)])],
        );
        assert!(matches!(&cell[0], Span::Link { href, .. } if *href == fact.source.url));
        assert_eq!(cell_text(&cell), "590 t로 수정");
    }

    #[test]
    fn a_table_downloads_as_it_reads_with_its_sources_and_note() {
        let dataset = Dataset::embedded().unwrap();
        let fact = dataset.fact("mag-chn-usa-2025-08").unwrap();
        let table = Table {
            slug: "stages".into(),
            caption: "China's share, by stage (IEA)".into(),
            head: vec!["Country".into(), "Tonnes".into(), "Share".into()],
            rows: vec![Row::new(vec![
                vec![Span::text("United States")],
                vec![Span::fact(fact)],
                vec![Span::Bar { percent: 40.0 }, Span::text(" 9.6%")],
            ])],
            note: Some("The rest, not itemised, is left out.".into()),
        };
        let rows: Vec<Vec<String>> = crate::core::data::csv_text::records(&table.to_csv())
            .map(|(_, r)| r)
            .collect();
        assert_eq!(rows[0], ["Country", "Tonnes", "Share", "sources"]);
        assert_eq!(rows[1][..3], ["United States", "590 t", "9.6%"]);
        assert_eq!(rows[1][3], fact.source.url);
        assert_eq!(rows[2], ["Note: The rest, not itemised, is left out."]);
        assert_eq!(table.file_name(), "rare-earth-flows-stages.csv");
    }
}
