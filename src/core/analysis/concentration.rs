//! How concentrated China's exports are on a few destinations, from the
//! itemised destinations only: exports that no source breaks down by
//! destination are left out, so the index is a partial one.

use crate::core::analysis::series::MonthFlows;

#[derive(Clone, Debug, PartialEq)]
pub struct Concentration {
    /// Destinations (the EU counted once) with their share of China's
    /// total, in percent, largest first.
    pub shares: Vec<(String, f64)>,
    /// Herfindahl–Hirschman index over those shares (0–10,000).
    pub hhi: f64,
    /// Share of the total that no destination covers, in percent.
    pub not_itemised_share: f64,
}

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
    let hhi = shares.iter().map(|(_, s)| s * s).sum();
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
    fn august_2025_counts_the_eu_once_and_leaves_out_the_unitemised_rest() {
        let dataset = Dataset::embedded().unwrap();
        let flows = SeriesView::new(&dataset, Series::Magnets)
            .month_flows(Month::parse("2025-08").unwrap());
        let c = concentration(&flows).unwrap();
        let codes: Vec<&str> = c.shares.iter().map(|(code, _)| code.as_str()).collect();
        assert_eq!(codes, ["EU27", "USA"], "Germany is inside the EU's share");
        let (eu, us) = (2582.0 / 6146.0 * 100.0, 590.0 / 6146.0 * 100.0);
        assert!((c.hhi - (eu * eu + us * us)).abs() < 1e-9);
        assert!((c.not_itemised_share - (6146.0 - 2582.0 - 590.0) / 6146.0 * 100.0).abs() < 1e-9);
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
