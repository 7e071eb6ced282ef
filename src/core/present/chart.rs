//! Geometry of the comparison chart: grouped monthly bars on one linear
//! scale, a marked gap where a side has no figure, round axis ticks and
//! the policy events. Pure numbers; the view only draws them.

use crate::core::analysis::compare::CompareRow;
use crate::core::data::period::Month;
use crate::core::data::units::{month_short, Unit};

pub const WIDTH: f64 = 720.0;
pub const HEIGHT: f64 = 260.0;
const LEFT: f64 = 64.0;
const RIGHT: f64 = 8.0;
const TOP: f64 = 12.0;
const BOTTOM: f64 = 36.0;

#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    pub month: Month,
    /// 0 for A, 1 for B.
    pub side: usize,
    pub x: f64,
    pub width: f64,
    /// Top of the bar; `None` draws a "no figure" gap mark at the baseline.
    pub y: Option<f64>,
    pub value: Option<f64>,
    /// The publishers the value comes from, for the bar's hover and focus text.
    pub source: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    pub position: f64,
    pub label: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Chart {
    pub bars: Vec<Bar>,
    pub y_ticks: Vec<Tick>,
    pub x_ticks: Vec<Tick>,
    /// x of each month's band centre, for events and clicks.
    pub months: Vec<(Month, f64)>,
    pub baseline: f64,
    pub plot_left: f64,
    pub plot_right: f64,
}

/// Round steps (1, 2, 5 × 10ⁿ) from zero to at least `max`, about five.
pub fn nice_ticks(max: f64) -> Vec<f64> {
    if max <= 0.0 {
        return vec![0.0];
    }
    let rough = max / 5.0;
    let magnitude = 10f64.powi(rough.log10().floor() as i32);
    let step = [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|f| f * magnitude)
        .find(|s| *s >= rough)
        .unwrap_or(magnitude * 10.0);
    let count = (max / step).ceil() as usize;
    (0..=count).map(|i| i as f64 * step).collect()
}

impl Chart {
    /// The x of a month's band centre, for event lines and the selected month.
    pub fn x_of(&self, month: Month) -> Option<f64> {
        self.months
            .iter()
            .find(|(m, _)| *m == month)
            .map(|(_, x)| *x)
    }
}

pub fn bar_chart(rows: &[CompareRow]) -> Chart {
    let values = rows
        .iter()
        .flat_map(|r| [r.a.as_ref(), r.b.as_ref()])
        .flatten()
        .map(|r| r.value);
    let ticks = nice_ticks(values.fold(0.0, f64::max));
    let top_value = ticks.last().copied().unwrap_or(1.0).max(1.0);
    let baseline = HEIGHT - BOTTOM;
    let scale_y = |v: f64| baseline - v.max(0.0) / top_value * (baseline - TOP);
    let band = (WIDTH - LEFT - RIGHT) / rows.len().max(1) as f64;
    let bar_width = band * 0.38;

    let mut bars = Vec::new();
    let mut months = Vec::new();
    for (i, row) in rows.iter().enumerate() {
        let band_left = LEFT + i as f64 * band;
        months.push((row.month, band_left + band / 2.0));
        for (side, reading) in [&row.a, &row.b].into_iter().enumerate() {
            let value = reading.as_ref().map(|r| r.value);
            let x = band_left + band * 0.1 + side as f64 * (bar_width + band * 0.04);
            bars.push(Bar {
                month: row.month,
                side,
                x,
                width: bar_width,
                y: value.map(scale_y),
                value,
                source: reading.as_ref().map_or_else(String::new, |r| {
                    r.facts
                        .iter()
                        .map(|f| f.source.cited())
                        .collect::<Vec<_>>()
                        .join(" and ")
                }),
            });
        }
    }
    // About six evenly spaced month labels, so none overlap.
    let every = rows.len().div_ceil(6).max(1);
    let x_ticks = months
        .iter()
        .step_by(every)
        .map(|(m, x)| Tick {
            position: *x,
            label: month_short(*m),
        })
        .collect();
    Chart {
        bars,
        y_ticks: ticks
            .into_iter()
            .map(|v| Tick {
                position: scale_y(v),
                label: Unit::Tonnes.format(v),
            })
            .collect(),
        x_ticks,
        months,
        baseline,
        plot_left: LEFT,
        plot_right: WIDTH - RIGHT,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::analysis::compare::{compare, Pair};
    use crate::core::analysis::series::Series;
    use crate::core::data::dataset::Dataset;

    #[test]
    fn ticks_are_round_and_cover_the_largest_value() {
        assert_eq!(nice_ticks(2582.0), [0.0, 1000.0, 2000.0, 3000.0]);
        assert_eq!(nice_ticks(6357.0), [0.0, 2000.0, 4000.0, 6000.0, 8000.0]);
        assert_eq!(nice_ticks(46.0), [0.0, 10.0, 20.0, 30.0, 40.0, 50.0]);
        assert_eq!(nice_ticks(0.0), [0.0]);
    }

    #[test]
    fn missing_months_are_gaps_and_heights_are_proportional() {
        let dataset = Dataset::embedded().unwrap();
        let Pair { a, b } = Pair::parse("eu-us").unwrap();
        let rows = compare(&dataset, Series::Magnets, &a, &b).unwrap();
        let chart = bar_chart(&rows);
        assert_eq!(chart.bars.len(), rows.len() * 2);
        let bar = |m: &str, side: usize| {
            chart
                .bars
                .iter()
                .find(|b| b.month.to_string() == m && b.side == side)
                .unwrap()
        };
        assert_eq!(
            bar("2025-09", 0).y,
            None,
            "no EU figure for September 2025: a gap"
        );
        assert_eq!(bar("2025-09", 1).value, Some(420.5));
        assert!(
            bar("2025-09", 1)
                .source
                .starts_with("South China Morning Post via UNN"),
            "{}",
            bar("2025-09", 1).source
        );
        let height = |b: &Bar| chart.baseline - b.y.unwrap();
        let (eu, us) = (bar("2025-08", 0), bar("2025-08", 1));
        assert!((height(eu) / height(us) - 2582.0 / 590.0).abs() < 1e-9);
        assert!(chart
            .bars
            .iter()
            .all(|b| b.x >= chart.plot_left && b.x + b.width <= chart.plot_right));
        assert_eq!(
            chart.x_of(Month::parse("2024-02").unwrap()),
            Some(chart.months[0].1)
        );
        assert_eq!(chart.x_of(Month::parse("2030-01").unwrap()), None);
        assert!(chart.x_ticks.len() <= 7 && chart.x_ticks[0].label == "Feb 2024");
        let spacing = chart
            .x_ticks
            .windows(2)
            .map(|w| w[1].position - w[0].position)
            .fold(f64::MAX, f64::min);
        assert!(
            spacing > 80.0,
            "labels about 60 px wide never overlap: {spacing}"
        );
    }
}
