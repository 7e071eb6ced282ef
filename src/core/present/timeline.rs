//! The months of the timeline, and the bar chart of their totals that the
//! slider runs along.

use crate::core::analysis::series::{Series, SeriesView};
use crate::core::data::dataset::Dataset;
use crate::core::data::period::Month;
use crate::core::data::units::{month_short, Unit};

/// One month of the timeline: whether anything is known then.
#[derive(Clone, Debug, PartialEq)]
pub struct TimelineMonth {
    pub month: Month,
    pub label: String,
    /// The series' total as sourced, for the month or its combined period.
    pub total: Option<(f64, Unit)>,
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
                total: flows.total.map(|fact| (fact.value, fact.unit)),
                destinations: flows.flows.len(),
                combined: flows.combined.map(|(_, _, label)| label),
            }
        })
        .collect()
}

/// The column of `month` on the timeline: its index among the months.
pub fn timeline_column(months: &[TimelineMonth], month: Month) -> Option<usize> {
    months.iter().position(|t| t.month == month)
}

/// One bar of the timeline chart: a month, or a period whose months were
/// published as one figure (drawn once, across its months, so the figure
/// is neither split into invented monthly parts nor counted twice).
#[derive(Clone, Debug, PartialEq)]
pub struct TimelineBar {
    /// The first month the bar covers.
    pub month: Month,
    /// Index of that month on the timeline (a stop of the slider).
    pub column: usize,
    /// How many months the bar covers: 1, or 2 for January–February.
    pub span: usize,
    /// The figure as sourced; `None` draws a hollow bar, never a 0.
    pub total: Option<(f64, Unit)>,
    /// The figure over the tallest of the series, 0 to 1.
    pub height: f64,
    /// Destinations with a figure in the bar's months: the map's arcs.
    pub destinations: usize,
    /// "Aug 2025", or the combined period's label.
    pub label: String,
}

impl TimelineBar {
    pub fn covers(&self, column: usize) -> bool {
        (self.column..self.column + self.span).contains(&column)
    }
}

/// The bars of the timeline chart, one per month or combined period.
/// Heights compare figures of one unit only: a figure in another unit than
/// the series' first one (none in the data so far) draws no height rather
/// than a misleading one.
pub fn timeline_bars(months: &[TimelineMonth]) -> Vec<TimelineBar> {
    let unit = months.iter().find_map(|m| m.total.map(|(_, unit)| unit));
    let comparable = |total: Option<(f64, Unit)>| total.filter(|(_, u)| Some(*u) == unit);
    let tallest = months
        .iter()
        .filter_map(|m| comparable(m.total).map(|(value, _)| value))
        .fold(0.0, f64::max);
    let mut bars: Vec<TimelineBar> = Vec::new();
    for (column, month) in months.iter().enumerate() {
        if let Some(last) = bars.last_mut() {
            if month.combined.is_some() && months[last.column].combined == month.combined {
                last.span += 1;
                last.destinations = last.destinations.max(month.destinations);
                continue;
            }
        }
        let height = match comparable(month.total) {
            Some((value, _)) if tallest > 0.0 => value / tallest,
            _ => 0.0,
        };
        bars.push(TimelineBar {
            month: month.month,
            column,
            span: 1,
            total: month.total,
            height,
            destinations: month.destinations,
            label: month
                .combined
                .clone()
                .unwrap_or_else(|| month.label.clone()),
        });
    }
    bars
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
        assert!(june.total.is_none() && june.destinations == 0);
        assert_eq!(
            timeline_column(&months, Month::parse("2024-02").unwrap()),
            Some(0)
        );
        assert_eq!(
            timeline_column(&months, Month::parse("2026-03").unwrap()),
            Some(25)
        );
        assert_eq!(
            timeline_column(&months, Month::parse("2023-01").unwrap()),
            None
        );
        let sept = months.iter().find(|m| m.label == "Sep 2025").unwrap();
        assert_eq!(sept.total, Some((5774.0, Unit::Tonnes)));
        assert_eq!(sept.destinations, 5);
    }

    fn bars_of(series: Series) -> (Vec<TimelineMonth>, Vec<TimelineBar>) {
        let months = timeline_months(&Dataset::embedded().unwrap(), series);
        let bars = timeline_bars(&months);
        (months, bars)
    }

    #[test]
    fn the_bars_cover_every_month_once_in_order() {
        for series in Series::ALL {
            let (months, bars) = bars_of(series);
            let covered: Vec<usize> = bars
                .iter()
                .flat_map(|bar| bar.column..bar.column + bar.span)
                .collect();
            assert_eq!(covered, (0..months.len()).collect::<Vec<_>>(), "{series:?}");
            for bar in &bars {
                assert_eq!(bar.month, months[bar.column].month);
            }
        }
    }

    #[test]
    fn january_and_february_2026_are_one_bar_with_their_one_figure() {
        // facts.csv: GACC published 10,763 t of magnet exports for January
        // and February 2026 together; no figure exists for either alone.
        let (_, bars) = bars_of(Series::Magnets);
        let january = Month::parse("2026-01").unwrap();
        let combined: Vec<_> = bars.iter().filter(|b| b.span > 1).collect();
        assert_eq!(combined.len(), 1);
        let bar = combined[0];
        assert_eq!((bar.month, bar.span), (january, 2));
        assert_eq!(bar.total, Some((10763.0, Unit::Tonnes)));
        assert!(bar.covers(bar.column) && bar.covers(bar.column + 1));
        assert!(!bar.covers(bar.column + 2));
        assert_eq!(bar.label, "January–February 2026 (published together)");
        assert!(
            bars.iter().all(|b| b.span > 1 || b.total != bar.total),
            "the figure is drawn once"
        );
    }

    #[test]
    fn a_month_without_a_figure_is_a_hollow_bar_not_a_zero() {
        let (months, bars) = bars_of(Series::Magnets);
        // The magnet months without a published total in facts.csv.
        let missing: Vec<String> = bars
            .iter()
            .filter(|b| b.total.is_none())
            .map(|b| b.label.clone())
            .collect();
        assert_eq!(
            missing,
            ["Mar 2024", "Apr 2024", "May 2024", "Jun 2024", "Nov 2024", "Dec 2024", "Feb 2025"]
        );
        assert!(bars
            .iter()
            .filter(|b| b.total.is_none())
            .all(|b| b.height == 0.0));
        // May 2024 has no total but a US figure: the map draws an arc.
        let may = bars.iter().find(|b| b.label == "May 2024").unwrap();
        assert_eq!(may.destinations, 1);
        assert_eq!(months[may.column].total, None);
        // Heights are the figures over the tallest one (the two-month figure).
        let august = bars.iter().find(|b| b.label == "Aug 2025").unwrap();
        assert!((august.height - 6146.0 / 10763.0).abs() < 1e-12);
        let tallest = bars.iter().map(|b| b.height).fold(0.0, f64::max);
        assert_eq!(tallest, 1.0);
    }

    #[test]
    fn a_series_without_destinations_still_draws_its_totals() {
        let (_, bars) = bars_of(Series::RareEarths);
        assert!(bars.iter().all(|b| b.destinations == 0));
        let drawn = bars.iter().filter(|b| b.total.is_some()).count();
        assert!(drawn >= 20, "{drawn} rare-earth months with a total");
        // Mar 2023 is the first month of GACC's 17-element series in facts.csv.
        assert_eq!(bars[0].label, "Mar 2023");
        assert_eq!(bars[0].total, Some((4446.0, Unit::Tonnes)));
    }
}
