//! Events of the story, marked on the timeline. They are data
//! (`public/data/events.csv`: a fact id, the date, a title in each
//! language), read like the facts file, so a newsroom adds an event without
//! a rebuild. Each event names a fact of the dataset, so its link is that
//! fact's source, and its date must fall within that fact's period: a date
//! the fact does not support is refused, never shown.

use crate::core::data::csv_text::records;
use crate::core::data::dataset::{Dataset, Fact, LoadError};
use crate::core::data::period::{Month, Period};
use crate::core::data::units::month_short;
use crate::core::text::i18n::{lang, Lang};

/// The events compiled into the app.
pub const EVENTS_CSV: &str = include_str!("../../../public/data/events.csv");

/// Where the served events file lives, relative to `index.html`.
pub const EVENTS_FILE: &str = "data/events.csv";

const COLUMNS: [&str; 5] = ["fact", "date", "title_en", "title_ko", "title_mn"];

#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    pub fact_id: String,
    /// The day or month, as the file gives it.
    pub date: Period,
    pub month: Month,
    /// English, Korean, Mongolian.
    titles: [String; 3],
}

impl Event {
    pub fn title(&self) -> &str {
        let index = match lang() {
            Lang::En => 0,
            Lang::Ko => 1,
            Lang::Mn => 2,
        };
        // An empty translation falls back to English rather than to nothing.
        Some(&self.titles[index])
            .filter(|t| !t.is_empty())
            .unwrap_or(&self.titles[0])
    }
}

/// Reads an events file against the facts it points to.
pub fn parse_events(text: &str, facts: &[Fact]) -> Result<Vec<Event>, LoadError> {
    let mut rows = records(text);
    let fail = |line: u64, record: &str, field: &'static str, reason: String| LoadError {
        line,
        record: record.to_string(),
        field,
        reason,
    };
    let header = rows.next().map(|(_, fields)| fields).unwrap_or_default();
    if header.iter().map(String::as_str).ne(COLUMNS) {
        return Err(fail(
            1,
            "",
            "header",
            crate::t!(columns_must: "the columns must be {columns}", columns = COLUMNS.join(",")),
        ));
    }
    let mut events = Vec::new();
    for (line, fields) in rows {
        let Ok([fact_id, date, en, ko, mn]) = <[String; 5]>::try_from(fields) else {
            return Err(fail(
                line,
                "",
                "row",
                crate::t!(must_have_columns_header:
                    "must have the {count} columns of the header",
                    count = COLUMNS.len()
                ),
            ));
        };
        let Some(fact) = facts.iter().find(|f| f.id == fact_id) else {
            return Err(fail(
                line,
                &fact_id,
                "fact",
                crate::t!(no_fact_has_id: "no fact has the id `{id}`", id = fact_id),
            ));
        };
        let period = Period::parse(&date).ok();
        let month = match &period {
            Some(Period::Month(m) | Period::Day { month: m, .. }) => *m,
            _ => {
                return Err(fail(
                    line,
                    &fact_id,
                    "date",
                    crate::t!(not_day_month: "`{date}` is not a day or a month", date = date),
                ))
            }
        };
        let within = match (fact.period.first_month(), fact.period.last_month()) {
            (Some(first), Some(last)) => (first..=last).contains(&month),
            // An undated fact holds as of its source's date, which bounds
            // nothing; the title and link still come from the fact.
            _ => true,
        };
        if !within {
            return Err(fail(
                line,
                &fact_id,
                "date",
                crate::t!(outside_period_fact:
                    "`{date}` is outside the period `{period}` of its fact",
                    date = date,
                    period = fact.period_text
                ),
            ));
        }
        if en.trim().is_empty() {
            return Err(fail(
                line,
                &fact_id,
                "title_en",
                crate::t!(empty: "is empty"),
            ));
        }
        events.push(Event {
            fact_id,
            date: period.expect("matched above"),
            month,
            titles: [en, ko, mn],
        });
    }
    crate::core::data::order::sort_by_key(&mut events, |e| e.month);
    Ok(events)
}

#[derive(Debug)]
pub struct PolicyEvent<'a> {
    pub month: Month,
    pub title: &'a str,
    pub fact: &'a Fact,
}

impl PolicyEvent<'_> {
    /// "Apr 2025: China puts seven rare earths …", as the timeline and the
    /// chart label it.
    pub fn label(&self) -> String {
        format!("{}: {}", month_short(self.month), self.title)
    }
}

/// The dataset's events with the facts they cite, in date order.
pub fn policy_events(dataset: &Dataset) -> Vec<PolicyEvent<'_>> {
    dataset
        .events
        .iter()
        .filter_map(|e| {
            Some(PolicyEvent {
                month: e.month,
                title: e.title(),
                fact: dataset.fact(&e.fact_id)?,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_events_of_the_story_are_dated_within_their_facts() {
        let dataset = Dataset::embedded().unwrap();
        let events = policy_events(&dataset);
        let months: Vec<String> = events.iter().map(|e| e.month.to_string()).collect();
        // The list: controls, Pentagon–MP, Seoul forum, October
        // controls, Busan, the suspension, the Ulaanbaatar centre.
        assert_eq!(
            months,
            ["2025-04", "2025-07", "2025-09", "2025-10", "2025-10", "2025-11", "2025-12"]
        );
        assert!(events.iter().all(|e| e.fact.source.url.starts_with("http")));
        assert!(events[0].label().starts_with("Apr 2025: China puts seven"));
        let centre = events.last().unwrap();
        assert_eq!(centre.fact.id, "event-kor-mng-raremetals-centre-open");
        assert_eq!(centre.fact.period_text, "2025-12-12");
    }

    #[test]
    fn every_event_has_its_own_korean_and_mongolian_title() {
        let dataset = Dataset::embedded().unwrap();
        for event in &dataset.events {
            let [en, ko, mn] = &event.titles;
            assert!(
                ko.chars().any(|c| ('\u{AC00}'..='\u{D7AF}').contains(&c)),
                "{en}: {ko}"
            );
            assert!(
                mn.chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c)),
                "{en}: {mn}"
            );
        }
    }

    #[test]
    fn a_date_its_fact_does_not_support_or_a_missing_fact_is_refused() {
        let dataset = Dataset::embedded().unwrap();
        let header = "fact,date,title_en,title_ko,title_mn\n";
        let cases = [
            ("inv-dod-mp-2025,2025-09,Late,,\n", "date"),
            ("no-such-fact,2025-07,Ghost,,\n", "fact"),
            ("inv-dod-mp-2025,July 2025,Words,,\n", "date"),
            ("inv-dod-mp-2025,2025-07,,,\n", "title_en"),
        ];
        for (row, field) in cases {
            let error = parse_events(&format!("{header}{row}"), &dataset.facts).unwrap_err();
            assert_eq!((error.field, error.line), (field, 2), "{row}");
        }
        let fine = parse_events(
            &format!("{header}inv-dod-mp-2025,2025-07,Deal,,\n"),
            &dataset.facts,
        )
        .unwrap();
        // No Korean title: the English one, never an empty line.
        use crate::core::text::i18n::{activate, Catalogue};
        activate(Lang::Ko, Catalogue::default());
        assert_eq!(fine[0].title(), "Deal");
        activate(Lang::En, Catalogue::default());
    }
}
