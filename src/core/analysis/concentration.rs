//! How concentrated China's exports are on a few destinations, from the
//! itemised destinations only: exports that no source breaks down by
//! destination are left out, so the index is a partial one.

use crate::core::analysis::series::MonthFlows;

#[derive(Clone, Debug, PartialEq)]
pub struct Concentration {
    /// Destinations (the EU counted once) with their share of China's
    /// total, in percent, largest first.
    pub shares: Vec<(String, f64)>,
    /// Herfindahl–Hirschman index over those shares (0–10,000), only when
    /// at least [`INDEX_DESTINATIONS`] destinations are itemised: over one
    /// or two it says more about the gaps in the sources than about China's
    /// customers (an index of 60 over the United States alone).
    pub hhi: Option<f64>,
    /// Share of the total that no destination covers, in percent.
    pub not_itemised_share: f64,
}

/// Destinations a month must itemise (the EU counted once) for an index.
pub const INDEX_DESTINATIONS: usize = 3;

/// `None` when the month has no total or no destination figure.
pub fn concentration(flows: &MonthFlows) -> Option<Concentration> {
    let total = flows.total?.value;
    if total <= 0.0 || flows.flows.is_empty() {
        return None;
    }
    let mut shares: Vec<(String, f64)> = flows
        .flows
        .iter()
        .filter(|f| f.part_of.is_none())
        .map(|f| (f.partner.to_string(), f.fact.value / total * 100.0))
        .collect();
    crate::core::data::order::sort_by(&mut shares, |a, b| {
        b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0))
    });
    let hhi = (shares.len() >= INDEX_DESTINATIONS).then(|| shares.iter().map(|(_, s)| s * s).sum());
    let not_itemised_share = flows.not_itemised().unwrap_or(0.0) / total * 100.0;
    Some(Concentration {
        shares,
        hhi,
        not_itemised_share,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::analysis::series::{Series, SeriesView};
    use crate::core::data::dataset::Dataset;
    use crate::core::data::period::Month;

    #[test]
    fn august_2025_counts_the_eu_once_and_with_two_destinations_gives_no_index() {
        let dataset = Dataset::embedded().unwrap();
        let flows = SeriesView::new(&dataset, Series::Magnets)
            .month_flows(Month::parse("2025-08").unwrap());
        let c = concentration(&flows).unwrap();
        let codes: Vec<&str> = c.shares.iter().map(|(code, _)| code.as_str()).collect();
        assert_eq!(codes, ["EU27", "USA"], "Germany is inside the EU's share");
        assert_eq!(c.hhi, None, "two destinations are too few for an index");
        assert!((c.not_itemised_share - (6146.0 - 2582.0 - 590.0) / 6146.0 * 100.0).abs() < 1e-9);
    }

    #[test]
    fn december_2025_has_five_destinations_and_their_index() {
        let dataset = Dataset::embedded().unwrap();
        let flows = SeriesView::new(&dataset, Series::Magnets)
            .month_flows(Month::parse("2025-12").unwrap());
        let c = concentration(&flows).unwrap();
        // facts.csv, December 2025: total 5,952 t; Germany 1,106, Korea 815,
        // the United States 564, Vietnam 509, Japan 280 (no EU figure).
        let tonnes = [1106.0, 815.0, 564.0, 509.0, 280.0];
        let codes: Vec<&str> = c.shares.iter().map(|(code, _)| code.as_str()).collect();
        assert_eq!(codes, ["DEU", "KOR", "USA", "VNM", "JPN"], "largest first");
        let hhi: f64 = tonnes
            .iter()
            .map(|t| (t / 5952.0 * 100.0_f64).powi(2))
            .sum();
        assert!((c.hhi.unwrap() - hhi).abs() < 1e-9);
    }

    #[test]
    fn months_without_a_total_or_destinations_have_no_index() {
        let dataset = Dataset::embedded().unwrap();
        let view = SeriesView::new(&dataset, Series::Magnets);
        // February 2025 has a US figure but no total; August 2024 a total
        // but no destination (SOURCES.md §5, §7.1).
        for m in ["2025-02", "2024-08"] {
            assert!(
                concentration(&view.month_flows(Month::parse(m).unwrap())).is_none(),
                "{m}"
            );
        }
    }
}
