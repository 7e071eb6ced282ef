//! Monthly export series and what the map shows for one month: the flows,
//! the total, the remainder no destination covers, and changes over time.
//! A missing month is `None` all the way through; nothing is ever filled in.

use crate::core::data::basis::Basis;
use crate::core::data::country::{self, EU27};
use crate::core::data::dataset::{Dataset, Fact};
use crate::core::data::period::Month;

/// China's export series that the map can show. They measure different
/// products and are never summed or mixed.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Default)]
pub enum Series {
    /// Rare-earth permanent magnets (HS 85051110), GACC.
    #[default]
    Magnets,
    /// GACC's "rare earths (group of 17 elements)" headline series.
    RareEarths,
    /// Bloomberg's calculated "rare-earth products" category.
    RareEarthProducts,
}

pub const EXPORTER: &str = "CHN";

/// A visitor lands on a month that shows where the magnets go: the newest
/// month with one or two itemised destinations (March 2026 has the United
/// States alone) opens on a single arc and "not itemised" for the rest.
pub const LANDING_DESTINATIONS: usize = 3;

impl Series {
    pub const ALL: [Series; 3] = [
        Series::Magnets,
        Series::RareEarths,
        Series::RareEarthProducts,
    ];

    pub fn metric(self) -> &'static str {
        match self {
            Series::Magnets => "magnet_exports",
            Series::RareEarths => "re_exports",
            Series::RareEarthProducts => "re_products_exports",
        }
    }

    /// What a tonne of the series counts.
    pub fn basis(self) -> Basis {
        Basis::of(self.metric())
    }

    /// The name used in the URL.
    pub fn slug(self) -> &'static str {
        match self {
            Series::Magnets => "magnets",
            Series::RareEarths => "rare-earths",
            Series::RareEarthProducts => "re-products",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Series> {
        Series::ALL.into_iter().find(|s| s.slug() == slug)
    }

    pub fn label(self) -> String {
        match self {
            Series::Magnets => {
                crate::t!(rare_earth_permanent_magnets: "Rare-earth permanent magnets")
            }
            Series::RareEarths => crate::t!(rare_earths_17_elements: "Rare earths (17 elements)"),
            Series::RareEarthProducts => {
                crate::t!(rare_earth_products_bloomberg: "Rare-earth products (Bloomberg)")
            }
        }
    }
}

/// The series' monthly figures in file order, each with its place in the
/// dataset's fact list.
fn monthly_facts(dataset: &Dataset, series: Series) -> impl Iterator<Item = (usize, &Fact)> {
    dataset.facts.iter().enumerate().filter(move |(_, f)| {
        f.is_in_use()
            && f.metric == series.metric()
            && f.subject == EXPORTER
            && f.period.as_month().is_some()
    })
}

/// A change between two sourced figures of the same series and destination.
#[derive(Debug, PartialEq)]
pub struct Change<'a> {
    pub percent: f64,
    pub current: &'a Fact,
    pub base: &'a Fact,
}

/// Whether `computed`, rounded as the source rounds, equals the stated value:
/// "+21%" agrees with a computed 20.7%, "−4.8%" does not with −4.68%.
pub fn agrees_at_precision(computed: f64, stated: &Fact) -> bool {
    let scale = 10f64.powi(stated.decimals as i32);
    ((computed * scale).round() - (stated.value * scale).round()).abs() < 0.5
}

/// A change that a source states in words, set beside the computed one.
#[derive(Debug, PartialEq)]
pub struct StatedChange<'a> {
    pub percent: f64,
    pub fact: &'a Fact,
    /// The stated figure equals the computed one at the stated precision.
    pub agrees_with_data: Option<bool>,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum ChangeKind {
    MonthOnMonth,
    YearOnYear,
}

impl ChangeKind {
    pub fn months_back(self) -> i32 {
        match self {
            ChangeKind::MonthOnMonth => 1,
            ChangeKind::YearOnYear => 12,
        }
    }

    fn metric_suffix(self) -> &'static str {
        match self {
            ChangeKind::MonthOnMonth => "_mom",
            ChangeKind::YearOnYear => "_yoy",
        }
    }
}

/// One series of the dataset, indexed once: its monthly figures in file
/// order (the first of two figures for one key wins, as everywhere) and its
/// destinations, so that a month's lookups read a few dozen facts instead
/// of scanning the whole dataset each time.
pub struct SeriesView<'a> {
    dataset: &'a Dataset,
    series: Series,
    figures: Vec<&'a Fact>,
    destinations: Vec<&'a str>,
    combined: Vec<Combined<'a>>,
}

/// Months that the source publishes only together (customs gives January
/// and February 2026 as one figure): one figure spanning its months, never
/// split into two, never dropped, never compared with a single month.
#[derive(Debug, PartialEq)]
pub struct Combined<'a> {
    pub first: Month,
    pub last: Month,
    pub facts: Vec<&'a Fact>,
}

impl Combined<'_> {
    pub fn contains(&self, month: Month) -> bool {
        (self.first..=self.last).contains(&month)
    }

    /// "January–February 2026".
    pub fn label(&self) -> String {
        crate::t!(published_together:
            "{months} (published together)",
            months = crate::core::data::units::months_long(self.first, self.last)
        )
    }
}

/// Where one series' facts sit in the dataset's fact list: found once per
/// dataset and series (the view's store keeps it in a memo), so that a month
/// step reads the series' few dozen facts instead of filtering all of them
/// again. It owns positions rather than references, so a memo can hold it
/// beside the dataset it indexes.
#[derive(Clone, Debug, PartialEq)]
pub struct SeriesIndex {
    series: Series,
    figures: Vec<usize>,
    /// For each destination, in the series' order, a figure that names it.
    destinations: Vec<usize>,
    combined: Vec<(Month, Month, Vec<usize>)>,
}

impl SeriesIndex {
    pub fn new(dataset: &Dataset, series: Series) -> SeriesIndex {
        let figures: Vec<(usize, &Fact)> = monthly_facts(dataset, series).collect();
        let mut destinations: Vec<(usize, &str)> = figures
            .iter()
            .filter_map(|(at, f)| Some((*at, f.partner.as_deref()?)))
            .collect();
        crate::core::data::order::sort_by_key(&mut destinations, |(_, code)| {
            (!country::lookup(code).is_some_and(|c| c.in_story), *code)
        });
        destinations.dedup_by_key(|(_, code)| *code);
        let monthly: Vec<&Fact> = figures.iter().map(|(_, f)| *f).collect();
        SeriesIndex {
            series,
            combined: combined_periods(dataset, series, &monthly),
            figures: figures.into_iter().map(|(at, _)| at).collect(),
            destinations: destinations.into_iter().map(|(at, _)| at).collect(),
        }
    }
}

impl<'a> SeriesView<'a> {
    pub fn new(dataset: &'a Dataset, series: Series) -> SeriesView<'a> {
        SeriesView::indexed(dataset, &SeriesIndex::new(dataset, series))
    }

    /// The series read through an index made from this same dataset (the
    /// store's memos guarantee it; a position past the end is skipped, not
    /// a panic).
    pub fn indexed(dataset: &'a Dataset, index: &SeriesIndex) -> SeriesView<'a> {
        let facts = |positions: &[usize]| -> Vec<&'a Fact> {
            positions
                .iter()
                .filter_map(|at| dataset.facts.get(*at))
                .collect()
        };
        SeriesView {
            dataset,
            series: index.series,
            figures: facts(&index.figures),
            destinations: facts(&index.destinations)
                .into_iter()
                .filter_map(|f| f.partner.as_deref())
                .collect(),
            combined: index
                .combined
                .iter()
                .map(|(first, last, at)| Combined {
                    first: *first,
                    last: *last,
                    facts: facts(at),
                })
                .collect(),
        }
    }

    /// The combined period that `month` belongs to, if any.
    pub fn combined(&self, month: Month) -> Option<&Combined<'a>> {
        self.combined.iter().find(|c| c.contains(month))
    }

    pub fn series(&self) -> Series {
        self.series
    }

    pub fn dataset(&self) -> &'a Dataset {
        self.dataset
    }

    pub fn figure(&self, partner: Option<&str>, month: Month) -> Option<&'a Fact> {
        self.figures
            .iter()
            .find(|f| f.partner.as_deref() == partner && f.period.as_month() == Some(month))
            .copied()
    }

    /// The change against the previous month or the same month a year
    /// earlier, only when both figures exist.
    pub fn change(
        &self,
        partner: Option<&str>,
        month: Month,
        kind: ChangeKind,
    ) -> Option<Change<'a>> {
        let base_month = month.plus_months(-kind.months_back());
        if self.combined(month).is_some() || self.combined(base_month).is_some() {
            return None;
        }
        let current = self.figure(partner, month)?;
        let base = self.figure(partner, base_month)?;
        (base.value != 0.0).then(|| Change {
            percent: (current.value / base.value - 1.0) * 100.0,
            current,
            base,
        })
    }

    /// What sources say the change was, from the facts and the seed
    /// article's claims, each compared with the computed change.
    pub fn stated_changes(
        &self,
        partner: Option<&str>,
        month: Month,
        kind: ChangeKind,
    ) -> Vec<StatedChange<'a>> {
        let computed = self.change(partner, month, kind).map(|c| c.percent);
        self.stated_changes_against(partner, month, kind, computed)
    }

    /// The same, against a change the caller has already computed.
    pub fn stated_changes_against(
        &self,
        partner: Option<&str>,
        month: Month,
        kind: ChangeKind,
        computed: Option<f64>,
    ) -> Vec<StatedChange<'a>> {
        let metric = format!("{}{}", self.series.metric(), kind.metric_suffix());
        self.dataset
            .figures()
            .chain(&self.dataset.claims)
            .filter(|f| {
                f.metric == metric
                    && f.subject == EXPORTER
                    && f.partner.as_deref() == partner
                    && f.period.as_month() == Some(month)
            })
            .map(|fact| StatedChange {
                percent: fact.value,
                fact,
                agrees_with_data: computed.map(|c| agrees_at_precision(c, fact)),
            })
            .collect()
    }

    /// First and last month with any monthly figure, total or by destination.
    pub fn month_span(&self) -> Option<(Month, Month)> {
        let months = self.figures.iter().filter_map(|f| f.period.as_month());
        months.fold(None, |span, m| {
            Some(span.map_or((m, m), |(a, b): (Month, Month)| (a.min(m), b.max(m))))
        })
    }

    /// The latest month with at least `count` destination figures.
    pub fn latest_month_with_destinations(&self, count: usize) -> Option<Month> {
        self.figures
            .iter()
            .filter(|f| f.partner.is_some())
            .filter_map(|f| f.period.as_month())
            .filter(|month| {
                let mut partners: Vec<&str> = Vec::new();
                for f in &self.figures {
                    let Some(partner) = f.partner.as_deref() else {
                        continue;
                    };
                    if f.period.as_month() == Some(*month) && !partners.contains(&partner) {
                        partners.push(partner);
                    }
                }
                partners.len() >= count
            })
            .max()
    }

    /// The month a visitor lands on: the latest with at least
    /// [`LANDING_DESTINATIONS`] destination figures, else the latest with
    /// any, or, for a series whose sources give only totals (GACC's 17
    /// elements, Bloomberg's products), the latest with a total. `None`
    /// only for a series with no monthly figure at all.
    pub fn landing_month(&self) -> Option<Month> {
        self.latest_month_with_destinations(LANDING_DESTINATIONS)
            .or_else(|| self.latest_month_with_destinations(1))
            .or_else(|| self.month_span().map(|(_, last)| last))
    }

    /// Every destination the series names in any month, story countries first.
    pub fn destinations(&self) -> Vec<&'a str> {
        self.destinations.clone()
    }

    /// The largest single destination figure across all months: the fixed
    /// top of the width scale, so widths compare from month to month.
    pub fn largest_flow(&self) -> Option<f64> {
        self.figures
            .iter()
            .filter(|f| f.partner.is_some())
            .map(|f| f.value)
            .reduce(f64::max)
    }

    pub fn month_flows(&self, month: Month) -> MonthFlows<'a> {
        if let Some(combined) = self.combined(month) {
            return self.combined_flows(month, combined);
        }
        let total = self.figure(None, month);
        let mut flows = Vec::new();
        let mut missing = Vec::new();
        let eu_reported = self.figure(Some(EU27), month).is_some();
        for &partner in &self.destinations {
            match self.figure(Some(partner), month) {
                Some(fact) => {
                    let part_of = (eu_reported && country::is_eu_member(partner)).then_some(EU27);
                    flows.push(Flow {
                        partner,
                        fact,
                        part_of,
                    });
                }
                None => missing.push(partner),
            }
        }
        MonthFlows {
            month,
            total,
            flows,
            missing,
            combined: None,
        }
    }

    fn combined_flows(&self, month: Month, combined: &Combined<'a>) -> MonthFlows<'a> {
        let of = |partner: Option<&str>| {
            combined
                .facts
                .iter()
                .copied()
                .find(|f| f.partner.as_deref() == partner)
        };
        let mut flows = Vec::new();
        let mut missing = Vec::new();
        for &partner in &self.destinations {
            match of(Some(partner)) {
                Some(fact) => flows.push(Flow {
                    partner,
                    fact,
                    part_of: None,
                }),
                None => missing.push(partner),
            }
        }
        MonthFlows {
            month,
            total: of(None),
            flows,
            missing,
            combined: Some((combined.first, combined.last, combined.label())),
        }
    }
}

/// Year-to-date rows of the series that cover two or more months from
/// January, none of which has a monthly figure: the only figure for those
/// months, so the months are shown as that one combined figure.
fn combined_periods(
    dataset: &Dataset,
    series: Series,
    monthly: &[&Fact],
) -> Vec<(Month, Month, Vec<usize>)> {
    let metric = format!("{}_ytd", series.metric());
    let mut combined: Vec<(Month, Month, Vec<usize>)> = Vec::new();
    for (at, fact) in dataset
        .facts
        .iter()
        .enumerate()
        .filter(|(_, f)| f.is_in_use() && f.metric == metric && f.subject == EXPORTER)
    {
        let crate::core::data::period::Period::Span(from, to) = &fact.period else {
            continue;
        };
        let (Some(first), Some(last)) = (from.as_month(), to.as_month()) else {
            continue;
        };
        let covered = |f: &&Fact| {
            f.period
                .as_month()
                .is_some_and(|m| (first..=last).contains(&m))
        };
        if first.number() != 1 || first.months_until(last) < 1 || monthly.iter().any(covered) {
            continue;
        }
        match combined
            .iter_mut()
            .find(|(f, l, _)| (*f, *l) == (first, last))
        {
            Some((_, _, facts)) => facts.push(at),
            None => combined.push((first, last, vec![at])),
        }
    }
    combined
}

/// One destination's sourced figure in a month.
#[derive(Debug, PartialEq)]
pub struct Flow<'a> {
    pub partner: &'a str,
    pub fact: &'a Fact,
    /// Set when the figure is already inside another reported flow, as
    /// Germany is inside the EU27 figure. Such a flow is never summed again.
    pub part_of: Option<&'static str>,
}

#[derive(Debug)]
pub struct MonthFlows<'a> {
    pub month: Month,
    pub total: Option<&'a Fact>,
    pub flows: Vec<Flow<'a>>,
    /// Destinations that the series names in other months but not in this one.
    pub missing: Vec<&'a str>,
    /// Set when the month is part of a combined period: its first and last
    /// month and its label. The figures are the period's, not the month's.
    pub combined: Option<(Month, Month, String)>,
}

impl<'a> MonthFlows<'a> {
    /// "August 2025", or "January–February 2026 (published together)".
    pub fn label(&self) -> String {
        match &self.combined {
            Some((_, _, label)) => label.clone(),
            None => crate::core::data::units::month_long(self.month),
        }
    }

    pub fn has_any_data(&self) -> bool {
        self.total.is_some() || !self.flows.is_empty()
    }

    /// The sum over destinations, counting a member state inside a reported
    /// EU figure once, as part of the EU.
    pub fn itemised(&self) -> f64 {
        self.flows
            .iter()
            .filter(|f| f.part_of.is_none())
            .map(|f| f.fact.value)
            .sum()
    }

    /// Exports that no named destination covers: total minus itemised. Only
    /// when the total is known.
    pub fn not_itemised(&self) -> Option<f64> {
        self.total.map(|total| total.value - self.itemised())
    }

    pub fn flow(&self, partner: &str) -> Option<&Flow<'_>> {
        self.flows.iter().find(|f| f.partner == partner)
    }

    /// The flows as a table or a sentence reads them: largest first, a
    /// member right after the EU figure it is part of.
    pub fn in_reading_order(&self) -> Vec<&Flow<'a>> {
        let mut whole: Vec<&Flow<'a>> = self.flows.iter().filter(|f| f.part_of.is_none()).collect();
        crate::core::data::order::sort_by(&mut whole, |a, b| b.fact.value.total_cmp(&a.fact.value));
        let mut order = Vec::new();
        for flow in whole {
            order.push(flow);
            order.extend(
                self.flows
                    .iter()
                    .filter(|f| f.part_of == Some(flow.partner)),
            );
        }
        order
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::data::units::round_to_tenth;

    fn month(text: &str) -> Month {
        Month::parse(text).unwrap()
    }

    fn magnets(dataset: &Dataset) -> SeriesView<'_> {
        SeriesView::new(dataset, Series::Magnets)
    }

    #[test]
    fn the_article_figures_for_august_2025_come_from_the_data() {
        let dataset = Dataset::embedded().unwrap();
        let view = magnets(&dataset);
        let aug = month("2025-08");
        let china = view.figure(None, aug).unwrap();
        assert_eq!(china.value, 6146.0);
        let mom = view.change(None, aug, ChangeKind::MonthOnMonth).unwrap();
        assert_eq!(round_to_tenth(mom.percent), 10.2);
        assert_eq!(mom.base.value, 5577.0);
        let yoy = view.change(None, aug, ChangeKind::YearOnYear).unwrap();
        assert_eq!(round_to_tenth(yoy.percent), 15.4);
        assert_eq!(yoy.base.period_text, "2024-08");

        let eu = view
            .change(Some(EU27), aug, ChangeKind::MonthOnMonth)
            .unwrap();
        assert_eq!(
            (eu.current.value, round_to_tenth(eu.percent)),
            (2582.0, 20.7)
        );

        let us = view
            .change(Some("USA"), aug, ChangeKind::MonthOnMonth)
            .unwrap();
        assert_eq!(
            (us.current.value, us.base.value, round_to_tenth(us.percent)),
            (590.0, 619.0, -4.7)
        );
    }

    #[test]
    fn stated_changes_show_where_the_article_differs_from_the_data() {
        let dataset = Dataset::embedded().unwrap();
        let stated = magnets(&dataset).stated_changes(
            Some("USA"),
            month("2025-08"),
            ChangeKind::MonthOnMonth,
        );
        let by_publisher: Vec<(f64, Option<bool>)> = stated
            .iter()
            .map(|s| (s.percent, s.agrees_with_data))
            .collect();
        assert!(
            by_publisher.contains(&(-4.7, Some(true))),
            "Reuters' −4.7% agrees: {by_publisher:?}"
        );
        assert!(
            by_publisher.contains(&(-4.8, Some(false))),
            "the article's −4.8% differs: {by_publisher:?}"
        );

        let eu = magnets(&dataset).stated_changes(
            Some(EU27),
            month("2025-08"),
            ChangeKind::MonthOnMonth,
        );
        // "+21%" is a whole number: the computed 20.7% rounds to it.
        assert!(!eu.is_empty());
        assert!(eu
            .iter()
            .all(|s| s.percent == 21.0 && s.agrees_with_data == Some(true)));
    }

    #[test]
    fn january_and_february_2026_are_one_figure_never_split_or_compared() {
        let dataset = Dataset::embedded().unwrap();
        let view = magnets(&dataset);
        for m in ["2026-01", "2026-02"] {
            let flows = view.month_flows(month(m));
            // SOURCES.md §7: 10,763 t in all, the US 994 t.
            assert_eq!(flows.total.map(|f| f.value), Some(10763.0), "{m}");
            assert_eq!(flows.flow("USA").map(|f| f.fact.value), Some(994.0), "{m}");
            assert_eq!(flows.label(), "January–February 2026 (published together)");
            for kind in [ChangeKind::MonthOnMonth, ChangeKind::YearOnYear] {
                assert!(view.change(None, month(m), kind).is_none(), "{m} {kind:?}");
            }
        }
        // March 2026 is a single month: never compared with the combined figure.
        assert!(view
            .change(None, month("2026-03"), ChangeKind::MonthOnMonth)
            .is_none());
        // A year-to-date row that overlaps monthly figures is no combined period.
        assert!(view.combined(month("2025-05")).is_none());
        assert!(view.month_flows(month("2025-12")).combined.is_none());
    }

    #[test]
    fn missing_months_give_no_change_never_zero() {
        let dataset = Dataset::embedded().unwrap();
        let view = magnets(&dataset);
        let cases = [
            (None, "2025-03", ChangeKind::MonthOnMonth), // no March total
            (None, "2025-02", ChangeKind::MonthOnMonth), // no February total
            (Some("KOR"), "2025-09", ChangeKind::MonthOnMonth), // no Korea in August
            (Some("USA"), "2025-08", ChangeKind::YearOnYear), // no US figure for Aug 2024
            (None, "2025-02", ChangeKind::YearOnYear),
        ];
        for (partner, m, kind) in cases {
            assert!(
                view.change(partner, month(m), kind).is_none(),
                "{partner:?} {m} {kind:?}"
            );
        }
        assert!(view.figure(None, month("2025-02")).is_none());
    }

    #[test]
    fn germany_is_inside_the_eu_figure_and_never_counted_twice() {
        let dataset = Dataset::embedded().unwrap();
        let aug = magnets(&dataset).month_flows(month("2025-08"));
        assert_eq!(aug.flow("DEU").unwrap().part_of, Some(EU27));
        assert_eq!(aug.flow(EU27).unwrap().part_of, None);
        // EU 2,582 + US 590; Germany's 1,346 is already in the EU's figure.
        assert_eq!(aug.itemised(), 2582.0 + 590.0);
        assert_eq!(aug.not_itemised(), Some(6146.0 - 2582.0 - 590.0));

        // Without an EU figure Germany stands on its own.
        let sep = magnets(&dataset).month_flows(month("2025-09"));
        assert_eq!(sep.flow("DEU").unwrap().part_of, None);
        assert!(sep.missing.contains(&EU27));
        // Vietnam: Tradium's 457 t (grade C) over Asia City News' 456 t (D).
        assert_eq!(sep.itemised(), 1288.0 + 420.5 + 854.0 + 228.0 + 457.0);
    }

    #[test]
    fn no_month_itemises_more_than_its_total() {
        let dataset = Dataset::embedded().unwrap();
        for series in Series::ALL {
            let view = SeriesView::new(&dataset, series);
            let Some((first, last)) = view.month_span() else {
                continue;
            };
            for m in Month::range(first, last) {
                let flows = view.month_flows(m);
                if let Some(rest) = flows.not_itemised() {
                    assert!(
                        rest >= 0.0,
                        "{series:?} {m}: destinations exceed the total by {}",
                        -rest
                    );
                }
            }
        }
    }

    #[test]
    fn each_month_and_destination_has_at_most_one_figure_in_use() {
        let dataset = Dataset::embedded().unwrap();
        let mut seen = std::collections::HashSet::new();
        for fact in dataset.figures().filter(|f| f.period.as_month().is_some()) {
            let key = (
                &fact.metric,
                &fact.subject,
                &fact.partner,
                fact.period.as_month(),
            );
            assert!(seen.insert(key), "second figure for {key:?}: {}", fact.id);
        }
    }

    #[test]
    fn a_month_without_any_data_says_so() {
        let dataset = Dataset::embedded().unwrap();
        // No magnet figure of any kind for June 2024 (SOURCES.md §7.6).
        let march = magnets(&dataset).month_flows(month("2024-06"));
        assert!(!march.has_any_data());
        assert_eq!(march.not_itemised(), None);
        assert!(march.missing.contains(&"USA"));
    }

    #[test]
    fn the_map_opens_on_the_latest_month_with_three_destinations() {
        let dataset = Dataset::embedded().unwrap();
        let view = magnets(&dataset);
        // facts.csv: March 2026 names the United States alone; January and
        // February 2026 come as one total; December 2025 names Germany,
        // Japan, Korea, the United States and Vietnam.
        assert_eq!(
            view.latest_month_with_destinations(1),
            Some(month("2026-03"))
        );
        assert_eq!(
            view.latest_month_with_destinations(3),
            Some(month("2025-12"))
        );
        assert_eq!(view.landing_month(), Some(month("2025-12")));
        assert_eq!(
            view.month_span(),
            Some((month("2024-02"), month("2026-03")))
        );
        assert_eq!(view.largest_flow(), Some(2582.0));
        assert_eq!(&view.destinations()[..3], [EU27, "KOR", "USA"]);
    }

    #[test]
    fn a_series_of_totals_only_lands_on_its_latest_total_and_draws_it() {
        let dataset = Dataset::embedded().unwrap();
        // SOURCES.md: GACC's 17-element series and Bloomberg's products give
        // totals, no destination; their latest single months are Dec 2025.
        for series in [Series::RareEarths, Series::RareEarthProducts] {
            let view = SeriesView::new(&dataset, series);
            assert_eq!(view.latest_month_with_destinations(1), None);
            let landing = view.landing_month();
            assert_eq!(landing, Some(month("2025-12")), "{series:?}");
            let flows = view.month_flows(landing.unwrap());
            assert!(flows.has_any_data() && flows.flows.is_empty(), "{series:?}");
        }
    }

    #[test]
    fn series_are_kept_apart() {
        let dataset = Dataset::embedded().unwrap();
        let aug = month("2025-08");
        assert_eq!(
            SeriesView::new(&dataset, Series::RareEarths)
                .figure(None, aug)
                .unwrap()
                .value,
            5792.0
        );
        assert_eq!(
            SeriesView::new(&dataset, Series::RareEarthProducts)
                .figure(None, aug)
                .unwrap()
                .value,
            7338.0
        );
        // Year-to-date rows are not months: July 2025's total is the monthly 5,577 t, not 27,897 t.
        assert_eq!(
            magnets(&dataset)
                .figure(None, month("2025-07"))
                .unwrap()
                .value,
            5577.0
        );
        for series in Series::ALL {
            assert_eq!(Series::from_slug(series.slug()), Some(series));
        }
    }
}
