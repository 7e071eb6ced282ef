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

#[cfg(test)]
mod tests {
    use super::*;

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
