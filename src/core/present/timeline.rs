//! The months of the timeline and where a month sits along it.

use crate::core::analysis::series::{Series, SeriesView};
use crate::core::data::dataset::Dataset;
use crate::core::data::period::Month;
use crate::core::data::units::month_short;

/// One month of the timeline: whether anything is known then.
#[derive(Clone, Debug, PartialEq)]
pub struct TimelineMonth {
    pub month: Month,
    pub label: String,
    pub has_total: bool,
    pub destinations: usize,
    /// "January–February 2026 (published together)" for a month whose
    /// figure spans several months.
    pub combined: Option<String>,
}

pub fn timeline_months(dataset: &Dataset, series: Series) -> Vec<TimelineMonth> {
    let view = SeriesView::new(dataset, series);
    let Some((first, last)) = view.month_span() else {
        return Vec::new();
    };
    Month::range(first, last)
        .map(|month| {
            let flows = view.month_flows(month);
            TimelineMonth {
                month,
                label: month_short(month),
                has_total: flows.total.is_some(),
                destinations: flows.flows.len(),
                combined: flows.combined.map(|(_, _, label)| label),
            }
        })
        .collect()
}

/// Where `month` sits along the timeline, in percent of its length.
pub fn timeline_position(months: &[TimelineMonth], month: Month) -> Option<f64> {
    let index = months.iter().position(|t| t.month == month)?;
    Some(index as f64 / months.len().saturating_sub(1).max(1) as f64 * 100.0)
}

/// Where Play begins, given the month shown (its index): from the end, or
/// from before any destination has a figure, it begins at the first month
/// that draws an arc, so a reader does not sit through empty months
/// (fifteen of them before May 2025 in the magnets series). Elsewhere it
/// goes on from the month shown. `None` for an empty timeline.
pub fn play_start(months: &[TimelineMonth], shown: Option<usize>) -> Option<usize> {
    let last = months.len().checked_sub(1)?;
    let first_drawn = months.iter().position(|m| m.destinations > 0).unwrap_or(0);
    Some(match shown {
        Some(i) if i < last && i >= first_drawn => i,
        _ => first_drawn,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn play_begins_at_the_first_month_with_an_arc_unless_the_reader_is_past_it() {
        let dataset = Dataset::embedded().unwrap();
        let months = timeline_months(&dataset, Series::Magnets);
        let at = |month: &str| {
            months
                .iter()
                .position(|m| m.month == Month::parse(month).unwrap())
        };
        // facts.csv: the first monthly magnet figure by destination is the
        // United States in May 2024; the series begins with February 2024.
        let first_arc = at("2024-05");
        assert_eq!(
            play_start(&months, at("2026-03")),
            first_arc,
            "from the end"
        );
        assert_eq!(
            play_start(&months, at("2024-02")),
            first_arc,
            "from before any arc"
        );
        assert_eq!(play_start(&months, None), first_arc);
        assert_eq!(
            play_start(&months, at("2025-08")),
            at("2025-08"),
            "from the month shown"
        );
        assert_eq!(play_start(&[], Some(0)), None);
    }

    #[test]
    fn the_timeline_covers_every_month_including_empty_ones() {
        let dataset = Dataset::embedded().unwrap();
        let months = timeline_months(&dataset, Series::Magnets);
        assert_eq!(months.len(), 26);
        let june = months.iter().find(|m| m.label == "Jun 2024").unwrap();
        assert!(!june.has_total && june.destinations == 0);
        assert_eq!(
            timeline_position(&months, Month::parse("2024-02").unwrap()),
            Some(0.0)
        );
        assert_eq!(
            timeline_position(&months, Month::parse("2026-03").unwrap()),
            Some(100.0)
        );
        assert_eq!(
            timeline_position(&months, Month::parse("2023-01").unwrap()),
            None
        );
        let sept = months.iter().find(|m| m.label == "Sep 2025").unwrap();
        assert_eq!((sept.has_total, sept.destinations), (true, 5));
    }
}
