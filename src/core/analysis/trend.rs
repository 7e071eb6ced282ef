//! Cumulative views of a flow: year to date and the rolling 12-month total.
//! A sourced year-to-date row is preferred to a sum; a sum is given only
//! when every month it needs has a figure, and otherwise names the gaps.

use crate::core::analysis::series::{SeriesView, EXPORTER};
use crate::core::data::dataset::Fact;
use crate::core::data::period::{Month, Period};

/// A total over several months, or the months that prevent it.
#[derive(Clone, Debug, PartialEq)]
pub struct Sum<'a> {
    pub value: Option<f64>,
    pub facts: Vec<&'a Fact>,
    pub missing: Vec<Month>,
}

fn sum_over<'a>(
    view: &SeriesView<'a>,
    partner: Option<&str>,
    first: Month,
    last: Month,
) -> Sum<'a> {
    let mut facts = Vec::new();
    let mut missing = Vec::new();
    for month in Month::range(first, last) {
        match view.figure(partner, month) {
            Some(fact) => facts.push(fact),
            None => missing.push(month),
        }
    }
    let value = missing
        .is_empty()
        .then(|| facts.iter().map(|f| f.value).sum());
    Sum {
        value,
        facts,
        missing,
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct YearToDate<'a> {
    /// A source's own cumulative figure for January to this month.
    pub sourced: Option<&'a Fact>,
    /// The sum of the monthly figures, only when none is missing.
    pub summed: Sum<'a>,
}

/// Whether a cumulative period runs from January of `month`'s year to `month`.
fn covers_year_to(period: &Period, month: Month) -> bool {
    let january = Month::new(month.year(), 1);
    match period {
        Period::Span(from, to) => from.as_month() == january && to.as_month() == Some(month),
        Period::Half { year, half: 1 } => *year == month.year() && month.number() == 6,
        Period::Quarter { year, quarter: 1 } => *year == month.year() && month.number() == 3,
        _ => false,
    }
}

pub fn year_to_date<'a>(
    view: &SeriesView<'a>,
    partner: Option<&str>,
    month: Month,
) -> YearToDate<'a> {
    let metric = format!("{}_ytd", view.series().metric());
    let sourced = view.dataset().figures().find(|f| {
        f.metric == metric
            && f.subject == EXPORTER
            && f.partner.as_deref() == partner
            && covers_year_to(&f.period, month)
    });
    let january = Month::new(month.year(), 1).unwrap_or(month);
    YearToDate {
        sourced,
        summed: sum_over(view, partner, january, month),
    }
}

/// The 12 months ending with `month`, only when all 12 have figures.
pub fn rolling_twelve<'a>(view: &SeriesView<'a>, partner: Option<&str>, month: Month) -> Sum<'a> {
    sum_over(view, partner, month.plus_months(-11), month)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::analysis::series::Series;
    use crate::core::data::dataset::Dataset;

    fn month(text: &str) -> Month {
        Month::parse(text).unwrap()
    }

    #[test]
    fn sourced_year_to_date_rows_are_found_whatever_their_period_form() {
        let dataset = Dataset::embedded().unwrap();
        let view = SeriesView::new(&dataset, Series::Magnets);
        let cases = [
            ("2025-07", Some(27897.0)),
            ("2025-06", Some(22319.0)),
            ("2026-03", Some(16001.0)),
            ("2025-08", None),
        ];
        for (m, expected) in cases {
            assert_eq!(
                year_to_date(&view, None, month(m)).sourced.map(|f| f.value),
                expected,
                "{m}"
            );
        }
        assert_eq!(
            year_to_date(&view, Some("EU27"), month("2025-06"))
                .sourced
                .map(|f| f.value),
            Some(8360.0)
        );
    }

    #[test]
    fn sums_are_refused_while_any_month_is_missing_and_name_the_gaps() {
        let dataset = Dataset::embedded().unwrap();
        let view = SeriesView::new(&dataset, Series::Magnets);
        let ytd = year_to_date(&view, None, month("2025-08"));
        assert_eq!(ytd.summed.value, None);
        // March 2025 (5,324 t) arrived with the December 2026 additions;
        // February 2025 is still missing (SOURCES.md §7.6).
        assert_eq!(ytd.summed.missing, [month("2025-02")]);
        let rolling = rolling_twelve(&view, None, month("2025-12"));
        assert_eq!(rolling.value, None);
        assert_eq!(rolling.missing, [month("2025-02")]);
        assert_eq!(rolling.facts.len(), 11);
    }

    #[test]
    fn a_complete_window_is_summed_from_its_records() {
        let dataset = Dataset::embedded().unwrap();
        let view = SeriesView::new(&dataset, Series::Magnets);
        // Jan 2025 alone is complete as a year to date.
        let january = year_to_date(&view, None, month("2025-01"));
        assert_eq!(january.summed.value, Some(6357.0));
        assert_eq!(january.summed.facts[0].id, "mag-chn-2025-01");
    }
}
