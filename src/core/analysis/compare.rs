//! A against B over time: two monthly quantities of one series, side by
//! side, with their difference, ratio and shares of China's total. Only
//! months where both have figures are compared; a missing month stays
//! missing and is never bridged.

use crate::core::analysis::series::{Series, SeriesView};
use crate::core::data::basis::{comparable, Basis, NotComparable};
use crate::core::data::country::{self, EU27};
use crate::core::data::dataset::{Dataset, Fact};
use crate::core::data::period::Month;

/// What one side measures, before any lag.
#[derive(Clone, Debug, PartialEq)]
pub enum Measure {
    /// China's total exports of the series.
    Total,
    /// Exports to one destination (ISO alpha-3 or `EU27`).
    Destination(String),
    /// The EU27 figure minus Germany's, where a source gives both.
    RestOfEu,
}

/// One side of a comparison: a measure, optionally a year earlier.
#[derive(Clone, Debug, PartialEq)]
pub struct Side {
    pub measure: Measure,
    /// Months back: 0, or 12 for "the same month a year earlier".
    pub lag: i32,
    /// Another basis than the series' own, as `powder-alloy:JPN` asks: a
    /// side that can only be refused, so the reader learns why.
    pub basis: Option<Basis>,
}

impl Side {
    pub fn destination(code: &str) -> Side {
        Side {
            measure: Measure::Destination(code.to_string()),
            lag: 0,
            basis: None,
        }
    }

    /// Reads `total`, `EU27-DEU`, a destination code, each optionally
    /// followed by `@12` for a year earlier and preceded by a basis
    /// (`powder-alloy:JPN`).
    pub fn parse(text: &str) -> Option<Side> {
        let (basis, text) = match text.split_once(':') {
            Some((slug, rest)) => (Some(Basis::from_slug(slug)?), rest),
            None => (None, text),
        };
        let (body, lag) = match text.split_once('@') {
            Some((body, "12")) => (body, 12),
            Some(_) => return None,
            None => (text, 0),
        };
        let measure = match body {
            "total" => Measure::Total,
            "EU27-DEU" => Measure::RestOfEu,
            code if country::lookup(code).is_some() && code != "CHN" => {
                Measure::Destination(code.to_string())
            }
            _ => return None,
        };
        Some(Side {
            measure,
            lag,
            basis,
        })
    }

    /// The series key a single-figure side reads (`Some(None)` for the
    /// total), or `None` for a computed side.
    pub fn partner(&self) -> Option<Option<&str>> {
        match &self.measure {
            Measure::Total => Some(None),
            Measure::Destination(code) => Some(Some(code)),
            Measure::RestOfEu => None,
        }
    }

    pub fn slug(&self) -> String {
        let body = match &self.measure {
            Measure::Total => "total".to_string(),
            Measure::Destination(code) => code.clone(),
            Measure::RestOfEu => "EU27-DEU".to_string(),
        };
        let body = match self.basis {
            Some(basis) => format!("{}:{body}", basis.slug()),
            None => body,
        };
        if self.lag == 0 {
            body
        } else {
            format!("{body}@{}", self.lag)
        }
    }

    /// What a tonne of this side counts, within `series`.
    pub fn basis_in(&self, series: Series) -> Basis {
        self.basis.unwrap_or(series.basis())
    }

    pub fn label(&self) -> String {
        let name = match &self.measure {
            Measure::Total => crate::t!(chinas_total: "China's total"),
            Measure::Destination(code) => country::display_name(code),
            Measure::RestOfEu => crate::t!(eu_without_germany: "EU without Germany"),
        };
        let name = if self.lag == 0 {
            name
        } else {
            crate::t!(year_earlier: "{name}, a year earlier", name = name)
        };
        match self.basis {
            Some(basis) => {
                crate::t!(name_with_basis: "{name} ({basis})", name = name, basis = basis.label())
            }
            None => name,
        }
    }

    /// The sourced value for `month` (shifted by the lag), with the facts it
    /// is computed from.
    pub fn reading<'a>(&self, view: &SeriesView<'a>, month: Month) -> Option<Reading<'a>> {
        let month = month.plus_months(-self.lag);
        match &self.measure {
            Measure::Total => view.figure(None, month).map(Reading::of),
            Measure::Destination(code) => view.figure(Some(code), month).map(Reading::of),
            Measure::RestOfEu => {
                let (eu, germany) = (
                    view.figure(Some(EU27), month)?,
                    view.figure(Some("DEU"), month)?,
                );
                Some(Reading {
                    value: eu.value - germany.value,
                    facts: vec![eu, germany],
                })
            }
        }
    }

    /// China's total in the month this side reads, for its share.
    fn total<'a>(&self, view: &SeriesView<'a>, month: Month) -> Option<&'a Fact> {
        view.figure(None, month.plus_months(-self.lag))
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Reading<'a> {
    pub value: f64,
    pub facts: Vec<&'a Fact>,
}

impl<'a> Reading<'a> {
    fn of(fact: &'a Fact) -> Reading<'a> {
        Reading {
            value: fact.value,
            facts: vec![fact],
        }
    }
}

/// A named pair, one click away.
pub struct Preset {
    pub slug: &'static str,
    pub label: &'static str,
    pub a: &'static str,
    pub b: &'static str,
}

pub const PRESETS: [Preset; 4] = [
    Preset {
        slug: "eu-us",
        label: "EU vs US",
        a: "EU27",
        b: "USA",
    },
    Preset {
        slug: "kor-jpn",
        label: "Korea vs Japan",
        a: "KOR",
        b: "JPN",
    },
    Preset {
        slug: "deu-rest-eu",
        label: "Germany vs the rest of the EU",
        a: "DEU",
        b: "EU27-DEU",
    },
    Preset {
        slug: "year-earlier",
        label: "This month vs a year earlier",
        a: "total",
        b: "total@12",
    },
];

/// The sides a reader can pick for a series: the total, the total a year
/// earlier, each destination the series names, and the EU without Germany.
pub fn side_choices(dataset: &Dataset, series: Series) -> Vec<Side> {
    let mut sides = vec![
        Side {
            measure: Measure::Total,
            lag: 0,
            basis: None,
        },
        Side {
            measure: Measure::Total,
            lag: 12,
            basis: None,
        },
    ];
    sides.extend(
        SeriesView::new(dataset, series)
            .destinations()
            .into_iter()
            .map(Side::destination),
    );
    sides.push(Side {
        measure: Measure::RestOfEu,
        lag: 0,
        basis: None,
    });
    // The wider powder-and-alloy scope, where a page gives it: offered so
    // that a reader who has seen it learns why it is not set against magnets.
    if series == Series::Magnets {
        let mut wider: Vec<&str> = Vec::new();
        for fact in dataset.figures() {
            if let (Basis::MagnetsPowderAlloy, Some(code)) =
                (Basis::of(&fact.metric), fact.partner.as_deref())
            {
                if !wider.contains(&code) {
                    wider.push(code);
                }
            }
        }
        sides.extend(wider.into_iter().map(|code| Side {
            basis: Some(Basis::MagnetsPowderAlloy),
            ..Side::destination(code)
        }));
    }
    sides
}

/// Two sides compared, A against B: what `compare=` holds once read.
#[derive(Clone, Debug, PartialEq)]
pub struct Pair {
    pub a: Side,
    pub b: Side,
}

impl Pair {
    /// Reads `compare=` values: a preset slug, or `A,B` sides.
    pub fn parse(text: &str) -> Option<Pair> {
        let (a, b) = match PRESETS.iter().find(|p| p.slug == text) {
            Some(preset) => (preset.a, preset.b),
            None => text.split_once(',')?,
        };
        Some(Pair {
            a: Side::parse(a)?,
            b: Side::parse(b)?,
        })
    }

    /// The `compare=` value: the preset's slug when it is one.
    pub fn slug(&self) -> String {
        let (a, b) = (self.a.slug(), self.b.slug());
        PRESETS
            .iter()
            .find(|p| p.a == a && p.b == b)
            .map_or_else(|| format!("{a},{b}"), |p| p.slug.to_string())
    }

    /// Whether the two sides may be set against each other in `series`.
    pub fn comparable(&self, series: Series) -> Result<(), NotComparable> {
        sides_comparable(&self.a, &self.b, series)
    }

    /// The same pair with one side replaced (0 is A, 1 is B).
    pub fn with_side(&self, index: usize, side: Side) -> Pair {
        let mut pair = self.clone();
        *(if index == 0 { &mut pair.a } else { &mut pair.b }) = side;
        pair
    }
}

impl Default for Pair {
    fn default() -> Pair {
        Pair {
            a: Side::destination(EU27),
            b: Side::destination("USA"),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct CompareRow<'a> {
    pub month: Month,
    pub a: Option<Reading<'a>>,
    pub b: Option<Reading<'a>>,
    /// Each side's share of China's total in the month it reads, in percent.
    pub a_share: Option<f64>,
    pub b_share: Option<f64>,
}

impl CompareRow<'_> {
    /// A − B, only when both are known.
    pub fn difference(&self) -> Option<f64> {
        Some(self.a.as_ref()?.value - self.b.as_ref()?.value)
    }

    /// A ÷ B, only when both are known and B is not zero.
    pub fn ratio(&self) -> Option<f64> {
        let b = self.b.as_ref()?.value;
        (b != 0.0)
            .then(|| self.a.as_ref().map(|a| a.value / b))
            .flatten()
    }
}

/// Both sides are read from the series, so each must count what it counts.
fn sides_comparable(a: &Side, b: &Side, series: Series) -> Result<(), NotComparable> {
    comparable(a.basis_in(series), b.basis_in(series))?;
    comparable(a.basis_in(series), series.basis())
}

/// Every month of the series, oldest first, each side read independently;
/// refused when the sides count different things. Both are read from the
/// series, so each must count what the series counts.
pub fn compare<'a>(
    dataset: &'a Dataset,
    series: Series,
    a: &Side,
    b: &Side,
) -> Result<Vec<CompareRow<'a>>, NotComparable> {
    sides_comparable(a, b, series)?;
    let view = SeriesView::new(dataset, series);
    let Some((first, last)) = view.month_span() else {
        return Ok(Vec::new());
    };
    let share = |side: &Side, reading: &Option<Reading>, month: Month| {
        let total = side.total(&view, month)?;
        Some(reading.as_ref()?.value / total.value * 100.0)
    };
    Ok(Month::range(first, last)
        .map(|month| {
            let (ra, rb) = (a.reading(&view, month), b.reading(&view, month));
            CompareRow {
                month,
                a_share: share(a, &ra, month),
                b_share: share(b, &rb, month),
                a: ra,
                b: rb,
            }
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows_with_both<'a>(rows: &'a [CompareRow<'a>]) -> Vec<&'a CompareRow<'a>> {
        rows.iter().filter(|r| r.difference().is_some()).collect()
    }

    fn month(text: &str) -> Month {
        Month::parse(text).unwrap()
    }

    #[test]
    fn sides_and_presets_round_trip_through_their_slugs() {
        for text in ["total", "USA", "EU27", "EU27-DEU", "total@12", "KOR@12"] {
            assert_eq!(Side::parse(text).unwrap().slug(), text);
        }
        for bad in ["CHN", "XYZ", "USA@6", "", "total@"] {
            assert_eq!(Side::parse(bad), None, "{bad}");
        }
        for preset in PRESETS {
            assert_eq!(Pair::parse(preset.slug).unwrap().slug(), preset.slug);
        }
        assert_eq!(Pair::parse("USA,KOR").unwrap().slug(), "USA,KOR");
        assert_eq!(Pair::parse("EU27,USA").unwrap().slug(), "eu-us");
        assert_eq!(Pair::parse("USA"), None);
        // The pair a panel opens on is the first preset, spelt out.
        assert_eq!(Pair::default(), Pair::parse("eu-us").unwrap());
        let swapped = Pair::default().with_side(0, Side::destination("KOR"));
        assert_eq!(swapped.slug(), "KOR,USA");
    }

    #[test]
    fn pickers_offer_every_destination_of_the_series_and_each_side_parses_back() {
        let dataset = Dataset::embedded().unwrap();
        let slugs: Vec<String> = side_choices(&dataset, Series::Magnets)
            .iter()
            .map(Side::slug)
            .collect();
        assert_eq!(&slugs[..2], ["total", "total@12"]);
        for code in ["EU27", "USA", "KOR", "JPN", "DEU", "VNM", "IND", "EU27-DEU"] {
            assert!(slugs.iter().any(|s| s == code), "{code} in {slugs:?}");
        }
        assert!(slugs.iter().all(|s| Side::parse(s).is_some()));
        // The rare-earth series names no destination.
        assert_eq!(side_choices(&dataset, Series::RareEarths).len(), 3);
    }

    #[test]
    fn the_powder_and_alloy_scope_is_offered_for_japan_and_refused_against_magnets() {
        use crate::core::data::basis::Refusal;
        let dataset = Dataset::embedded().unwrap();
        let wider: Vec<String> = side_choices(&dataset, Series::Magnets)
            .iter()
            .filter(|s| s.basis.is_some())
            .map(Side::slug)
            .collect();
        // IBNews' two rows, Jul and Oct 2025, are both for Japan.
        assert_eq!(wider, ["powder-alloy:JPN"]);
        let pair = Pair::parse("JPN,powder-alloy:JPN").unwrap();
        assert_eq!(pair.slug(), "JPN,powder-alloy:JPN");
        let refused = compare(&dataset, Series::Magnets, &pair.a, &pair.b).unwrap_err();
        assert_eq!(refused.why, Refusal::WiderScope);
        assert_eq!(pair.comparable(Series::Magnets), Err(refused));
        // Both sides on the wider scope still cannot be read from magnets.
        let both = Pair::parse("powder-alloy:JPN,powder-alloy:JPN@12").unwrap();
        assert!(compare(&dataset, Series::Magnets, &both.a, &both.b).is_err());
        // Oxide tonnes against the magnet series: refused for the oxide.
        let oxide = Pair::parse("oxide:USA,USA").unwrap();
        assert_eq!(
            oxide.comparable(Series::Magnets).unwrap_err().why,
            Refusal::OxideAgainstGoods
        );
        // Naming the series' own basis changes nothing.
        let same = Pair::parse("magnets:USA,EU27").unwrap();
        assert_eq!(
            compare(&dataset, Series::Magnets, &same.a, &same.b)
                .unwrap()
                .len(),
            compare(
                &dataset,
                Series::Magnets,
                &Side::destination("USA"),
                &same.b
            )
            .unwrap()
            .len()
        );
        assert_eq!(Side::parse("gold:USA"), None);
    }

    #[test]
    fn eu_against_us_compares_only_months_where_both_are_known() {
        let dataset = Dataset::embedded().unwrap();
        let Pair { a, b } = Pair::parse("eu-us").unwrap();
        let rows = compare(&dataset, Series::Magnets, &a, &b).unwrap();
        let both: Vec<(String, f64)> = rows_with_both(&rows)
            .iter()
            .map(|r| (r.month.to_string(), r.difference().unwrap()))
            .collect();
        assert_eq!(
            both,
            [
                // June's US figure is Kyodo's 352 t (grade B) over
                // Trading Economics' 353 t (grade C).
                ("2025-06".into(), 1364.0 - 352.0),
                ("2025-07".into(), 2140.0 - 619.0),
                ("2025-08".into(), 2582.0 - 590.0),
                ("2025-10".into(), 2060.3 - 656.0),
                ("2025-11".into(), 2569.0 - 582.0)
            ]
        );
        let september = rows.iter().find(|r| r.month == month("2025-09")).unwrap();
        assert!(september.a.is_none() && september.b.is_some() && september.ratio().is_none());
        let august = rows.iter().find(|r| r.month == month("2025-08")).unwrap();
        assert!((august.a_share.unwrap() - 2582.0 / 6146.0 * 100.0).abs() < 1e-9);
        assert!((august.ratio().unwrap() - 2582.0 / 590.0).abs() < 1e-9);
    }

    #[test]
    fn the_rest_of_the_eu_is_computed_only_where_eu_and_germany_are_both_given() {
        let dataset = Dataset::embedded().unwrap();
        let Pair { a, b } = Pair::parse("deu-rest-eu").unwrap();
        let rows = compare(&dataset, Series::Magnets, &a, &b).unwrap();
        let rest: Vec<(String, f64)> = rows
            .iter()
            .filter_map(|r| Some((r.month.to_string(), r.b.as_ref()?.value)))
            .collect();
        assert_eq!(
            rest,
            [
                ("2025-06".into(), 1364.0 - 764.0),
                ("2025-07".into(), 2140.0 - 1116.0),
                ("2025-08".into(), 2582.0 - 1346.0),
                // October's Germany is SNM News' 1,119 t (grade C) over
                // IBNews' 1,118 t (grade D).
                ("2025-10".into(), 2060.3 - 1119.0)
            ]
        );
        let july = rows.iter().find(|r| r.month == month("2025-07")).unwrap();
        assert_eq!(
            july.b.as_ref().unwrap().facts.len(),
            2,
            "the remainder cites both figures"
        );
    }

    #[test]
    fn a_year_earlier_reads_the_same_month_twelve_months_back() {
        let dataset = Dataset::embedded().unwrap();
        let Pair { a, b } = Pair::parse("year-earlier").unwrap();
        let rows = compare(&dataset, Series::Magnets, &a, &b).unwrap();
        let august = rows.iter().find(|r| r.month == month("2025-08")).unwrap();
        assert_eq!(
            (
                august.a.as_ref().unwrap().value,
                august.b.as_ref().unwrap().value
            ),
            (6146.0, 5325.0)
        );
        assert!((august.ratio().unwrap() - 6146.0 / 5325.0).abs() < 1e-12);
        assert_eq!(b.label(), "China's total, a year earlier");
        // Korea has no 2024 figures at all: nothing to compare, never zero.
        let korea = compare(
            &dataset,
            Series::Magnets,
            &Side::destination("KOR"),
            &Side::parse("KOR@12").unwrap(),
        )
        .unwrap();
        assert!(korea.iter().all(|r| r.difference().is_none()));
    }
}
