//! A figure on screen and the source it links to.

use crate::core::data::dataset::{AlsoReported, Fact};

/// Where a figure comes from: enough to cite it and to open it in one click.
#[derive(Clone, Debug, PartialEq)]
pub struct SourceRef {
    pub fact_id: String,
    pub title: String,
    /// The original publisher first, then the copy read: "Reuters via Kitco".
    pub publisher: String,
    /// "grade B".
    pub grade: String,
    /// The publication date, or "undated".
    pub date: String,
    pub url: String,
    /// `None` until the excerpts are read (see `excerpts`).
    pub excerpt: Option<String>,
    /// BCP 47 tag of the excerpt's language ("en", "ko", "ja").
    pub excerpt_lang: &'static str,
    /// Publisher, date and excerpt, for the link's hover text.
    pub hint: String,
    /// What other pages give for the same key, never counted.
    pub also: Vec<AlsoReported>,
    /// Why this figure is used rather than the others ("used: the
    /// higher-graded source"); empty when no other page disagrees.
    pub preference: String,
    /// A D-grade figure that no other page confirms.
    pub low_confidence: bool,
}

impl SourceRef {
    pub fn of(fact: &Fact) -> SourceRef {
        SourceRef {
            fact_id: fact.id.clone(),
            title: fact.source.title.clone(),
            publisher: fact.source.cited(),
            grade: fact.source.grade_label(),
            date: fact.source_date().to_string(),
            url: fact.source.url.clone(),
            excerpt: fact.excerpt.clone(),
            excerpt_lang: fact.excerpt_lang,
            hint: fact.source_hint(),
            also: fact.also_reported().to_vec(),
            preference: fact.preference_text(),
            low_confidence: fact.is_unconfirmed_low_grade(),
        }
    }
}

/// A sourced figure, formatted.
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    pub label: String,
    pub value: f64,
    pub source: SourceRef,
}

impl Figure {
    pub fn of(fact: &Fact) -> Figure {
        Figure {
            label: fact.unit.format(fact.value),
            value: fact.value,
            source: SourceRef::of(fact),
        }
    }
}
