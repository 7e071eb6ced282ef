//! Policy events of the story, marked on the timeline. Each is a fact of the
//! dataset, so its date and its link come from the source, not from here.

use crate::core::data::dataset::{Dataset, Fact};
use crate::core::data::period::Month;
use crate::core::data::units::month_short;

/// Fact ids of the events and what each one means for the story.
pub(crate) const EVENTS: [(&str, &str); 3] = [
    (
        "ctrl-2025-04-count",
        "China puts seven rare earths and their magnets under export licences",
    ),
    (
        "inv-dod-mp-2025",
        "The Pentagon becomes MP Materials' largest shareholder",
    ),
    (
        "ctrl-2025-10-count",
        "China adds five more elements to its controls (later suspended)",
    ),
];

#[derive(Debug)]
pub struct PolicyEvent<'a> {
    pub month: Month,
    pub title: &'static str,
    pub fact: &'a Fact,
}

impl PolicyEvent<'_> {
    /// "Apr 2025: China puts seven rare earths …", as the timeline and the
    /// chart label it.
    pub fn label(&self) -> String {
        format!(
            "{}: {}",
            month_short(self.month),
            crate::core::text::i18n::tr(self.title)
        )
    }
}

pub fn policy_events(dataset: &Dataset) -> Vec<PolicyEvent<'_>> {
    let mut events: Vec<PolicyEvent> = EVENTS
        .iter()
        .filter_map(|(id, title)| {
            let fact = dataset.fact(id)?;
            Some(PolicyEvent {
                month: fact.period.first_month()?,
                title,
                fact,
            })
        })
        .collect();
    crate::core::data::order::sort_by_key(&mut events, |e| e.month);
    events
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_three_events_of_the_story_are_dated_by_their_sources() {
        let dataset = Dataset::embedded().unwrap();
        let events = policy_events(&dataset);
        let months: Vec<String> = events.iter().map(|e| e.month.to_string()).collect();
        assert_eq!(months, ["2025-04", "2025-07", "2025-10"]);
        assert!(events
            .iter()
            .all(|e| e.fact.source.url.starts_with("https://")));
        assert!(events[0].label().starts_with("Apr 2025: China puts seven"));
    }
}
