//! Capacity outside China set against China's magnet exports to the same
//! destination. Operating and planned capacity are kept apart; the
//! comparison uses monthly rates, so no annual import total is invented
//! from a few months of data. Only magnet capacity is compared: an oxide
//! separation line or an alloy plant is listed with the reason it is not.

use crate::core::analysis::series::{Series, SeriesView};
use crate::core::data::basis::{comparable, Basis, NotComparable};
use crate::core::data::country::{self, EU27};
use crate::core::data::dataset::{Dataset, Fact};
use crate::core::data::period::Month;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    Operating,
    /// Announced or targeted, not yet producing at that rate.
    Planned,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Plant<'a> {
    pub fact: &'a Fact,
    pub status: Status,
    /// Where the plant stands (not the owner's country).
    pub location: &'static str,
    /// The destination of China's exports that the plant would supply.
    pub market: &'static str,
    /// What its tonnes are: magnets, oxide, alloy.
    pub basis: Basis,
}

impl Plant<'_> {
    /// Whether its output may be set against China's magnet exports.
    pub fn against_magnets(&self) -> Result<(), NotComparable> {
        comparable(self.basis, Series::Magnets.basis())
    }
}

/// Rare-earth capacity rows, any stage (copper and the like are left out).
fn is_capacity(fact: &Fact) -> bool {
    fact.metric.starts_with("capacity") && Basis::of(&fact.metric) != Basis::Other
}

/// A `capacity` row dated after its source was published is a target.
fn status_of(fact: &Fact) -> Status {
    let source_year: Option<i32> = fact.source.date.get(..4).and_then(|y| y.parse().ok());
    let period_year = fact.period.first_month().map(Month::year);
    let future = matches!((period_year, source_year), (Some(p), Some(s)) if p > s);
    // `capacity_planned…`, `capacity_separation_planned`, `…_feed_planned`.
    if fact.metric.contains("planned") || future {
        Status::Planned
    } else {
        Status::Operating
    }
}

/// "Shin-Etsu Chemical - Vietnam plant (JPN company)" stands in Vietnam:
/// a country named in the text wins over an owner's code in brackets.
fn location_of(subject: &str) -> Option<&'static str> {
    let named = country::COUNTRIES
        .iter()
        .find(|c| subject.contains(&format!("{} plant", c.name)));
    named
        .map(|c| c.code)
        .or_else(|| country::country_of(subject))
}

pub fn plants(dataset: &Dataset) -> Vec<Plant<'_>> {
    dataset
        .figures()
        .filter(|f| is_capacity(f))
        .filter_map(|fact| {
            let location = location_of(&fact.subject)?;
            let market = if country::is_eu_member(location) {
                EU27
            } else {
                location
            };
            let market = country::lookup(market)?.code;
            Some(Plant {
                fact,
                status: status_of(fact),
                location,
                market,
                basis: Basis::of(&fact.metric),
            })
        })
        .collect()
}

/// China's recent exports to a plant's market, as monthly figures.
#[derive(Clone, Debug, PartialEq)]
pub struct MarketImports<'a> {
    /// Up to the 12 latest monthly figures at or before the chosen month.
    pub months: Vec<&'a Fact>,
}

impl MarketImports<'_> {
    pub fn monthly_average(&self) -> Option<f64> {
        (!self.months.is_empty())
            .then(|| self.months.iter().map(|f| f.value).sum::<f64>() / self.months.len() as f64)
    }
}

pub fn market_imports<'a>(dataset: &'a Dataset, market: &str, until: Month) -> MarketImports<'a> {
    let view = SeriesView::new(dataset, Series::Magnets);
    let first = view.month_span().map_or(until, |(first, _)| first);
    let mut months: Vec<&Fact> = Month::range(first, until)
        .filter_map(|m| view.figure(Some(market), m))
        .collect();
    let keep = months.len().saturating_sub(12);
    months.drain(..keep);
    MarketImports { months }
}

/// The plant's output per month as a share of the market's average monthly
/// imports from China, in percent; and how many months of those imports one
/// year of output equals. Refused for a plant that does not make magnets.
pub fn against_imports(
    plant: &Plant,
    imports: &MarketImports,
) -> Result<Option<(f64, f64)>, NotComparable> {
    plant.against_magnets()?;
    Ok(against(plant, imports))
}

fn against(plant: &Plant, imports: &MarketImports) -> Option<(f64, f64)> {
    let average = imports.monthly_average().filter(|a| *a > 0.0)?;
    let per_month = plant.fact.value / 12.0;
    Some((per_month / average * 100.0, plant.fact.value / average))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plants_are_placed_where_they_stand_and_split_by_status() {
        let dataset = Dataset::embedded().unwrap();
        let plants = plants(&dataset);
        let find = |id: &str| plants.iter().find(|p| p.fact.id == id).unwrap();
        let narva = find("cap-mag-neo-narva-ph1");
        assert_eq!(
            (narva.location, narva.market, narva.status),
            ("EST", EU27, Status::Operating)
        );
        assert_eq!(find("cap-mag-neo-narva-max").status, Status::Planned);
        assert_eq!(find("cap-mag-shinetsu-vnm").location, "VNM");
        assert_eq!(
            find("cap-mag-mp-total-2028").status,
            Status::Planned,
            "a 2028 figure from 2025 is a target"
        );
        assert_eq!(find("cap-mag-noveon-kangwon-kor").market, "KOR");
        // A planned oxide line is planned too, whatever its stage.
        for id in [
            "cap-hre-lynas-malaysia",
            "cap-sep-caremag-planned",
            "cap-alloy-usar-lcm-france-planned",
        ] {
            assert_eq!(find(id).status, Status::Planned, "{id}");
        }
        assert!(plants
            .iter()
            .all(|p| p.fact.unit == crate::core::data::units::Unit::TonnesPerYear));
    }

    #[test]
    fn narva_against_the_eus_imports_uses_the_months_with_data() {
        let dataset = Dataset::embedded().unwrap();
        let imports = market_imports(&dataset, EU27, Month::parse("2026-03").unwrap());
        let months: Vec<&str> = imports
            .months
            .iter()
            .map(|f| f.period_text.as_str())
            .collect();
        // SOURCES.md §7.1: the EU27 column.
        assert_eq!(
            months,
            ["2025-06", "2025-07", "2025-08", "2025-10", "2025-11"]
        );
        let average = (1364.0 + 2140.0 + 2582.0 + 2060.3 + 2569.0) / 5.0;
        assert_eq!(imports.monthly_average(), Some(average));
        let all = plants(&dataset);
        let narva = all
            .iter()
            .find(|p| p.fact.id == "cap-mag-neo-narva-ph1")
            .unwrap();
        let (share, months_replaced) = against_imports(narva, &imports).unwrap().unwrap();
        assert!((share - 2000.0 / 12.0 / average * 100.0).abs() < 1e-9);
        assert!((months_replaced - 2000.0 / average).abs() < 1e-9);
    }

    #[test]
    fn oxide_and_alloy_plants_are_listed_but_never_set_against_magnets() {
        let dataset = Dataset::embedded().unwrap();
        let all = plants(&dataset);
        let imports = market_imports(&dataset, EU27, Month::parse("2026-03").unwrap());
        let find = |id: &str| all.iter().find(|p| p.fact.id == id).unwrap();
        // Silmet separates oxide in Estonia, whose market (the EU) has
        // monthly magnet figures: the numbers exist, the comparison is refused.
        let silmet = find("cap-sep-neo-silmet");
        assert_eq!(silmet.market, EU27);
        let refused = against_imports(silmet, &imports).unwrap_err();
        assert_eq!(
            refused.why,
            crate::core::data::basis::Refusal::OxideAgainstGoods
        );
        let lacq = find("cap-alloy-usar-lcm-france-planned");
        assert_eq!(
            against_imports(lacq, &imports).unwrap_err().why,
            crate::core::data::basis::Refusal::DifferentGoods
        );
        assert!(
            all.iter().all(|p| p.fact.id != "cap-cu-mng-ot-2028"),
            "copper capacity is not a rare-earth plant"
        );
    }

    #[test]
    fn a_market_without_figures_gives_no_comparison() {
        let dataset = Dataset::embedded().unwrap();
        let imports = market_imports(&dataset, "KOR", Month::parse("2025-08").unwrap());
        assert!(imports.months.is_empty() && imports.monthly_average().is_none());
    }
}
