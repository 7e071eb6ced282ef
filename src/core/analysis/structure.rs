//! The structure of the supply chain: China's share at each stage, mine
//! production and reserves by country (USGS MCS 2025, with the 2024
//! edition's figures shown as revisions), and Mongolia's conflicting
//! reserve figures.

use crate::core::data::country;
use crate::core::data::dataset::{Dataset, Fact};

/// A stage of the chain and the facts giving China's share of it.
pub struct Stage<'a> {
    pub name: String,
    pub reported: Vec<&'a Fact>,
    /// Projections, labelled as such on screen.
    pub projected: Vec<&'a Fact>,
}

pub fn china_stages(dataset: &Dataset) -> Vec<Stage<'_>> {
    let of = |metric: &str| -> Vec<&Fact> {
        let mut facts: Vec<&Fact> = dataset
            .figures()
            .filter(|f| f.metric == metric && f.subject == "CHN")
            .collect();
        crate::core::data::order::sort_by(&mut facts, |a, b| {
            a.period_text
                .cmp(&b.period_text)
                .then_with(|| a.id.cmp(&b.id))
        });
        facts
    };
    vec![
        Stage {
            name: crate::t!(mining: "Mining"),
            reported: of("mining_share"),
            projected: of("mining_share_projected"),
        },
        Stage {
            name: crate::t!(refining_separation: "Refining and separation"),
            reported: of("refining_share"),
            projected: of("refining_share_projected"),
        },
        Stage {
            name: crate::t!(magnet_making: "Magnet making"),
            reported: of("magnet_production_share"),
            projected: Vec::new(),
        },
    ]
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Measure {
    MineProduction,
    Reserves,
}

impl Measure {
    pub fn metric(self) -> &'static str {
        match self {
            Measure::MineProduction => "mine_production",
            Measure::Reserves => "reserves",
        }
    }

    pub fn slug(self) -> &'static str {
        match self {
            Measure::MineProduction => "production",
            Measure::Reserves => "reserves",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Measure> {
        [Measure::MineProduction, Measure::Reserves]
            .into_iter()
            .find(|m| m.slug() == slug)
    }

    pub fn label(self) -> String {
        match self {
            Measure::MineProduction => {
                crate::t!(mine_production_2024_t_reo: "Mine production, 2024 (t REO)")
            }
            Measure::Reserves => crate::t!(reserves_t_reo: "Reserves (t REO)"),
        }
    }
}

/// One country's figure in the latest edition, with what the previous
/// edition said.
pub struct CountryFigure<'a> {
    pub code: &'a str,
    pub current: &'a Fact,
    pub earlier: Vec<Earlier<'a>>,
}

/// A figure of the previous edition, and the latest edition's figure for the
/// same year where that one revised it.
pub struct Earlier<'a> {
    pub fact: &'a Fact,
    pub revised_to: Option<&'a Fact>,
}

const CURRENT_EDITION: &str = "-mcs2025";
const EARLIER_EDITION: &str = "-mcs2024";

/// Countries by their MCS 2025 figure for 2024, largest first. The world
/// total and the "other countries" row are left to the caption.
pub fn by_country(dataset: &Dataset, measure: Measure) -> Vec<CountryFigure<'_>> {
    let edition = |suffix: &'static str| {
        dataset
            .facts
            .iter()
            .filter(move |f| f.metric == measure.metric() && f.id.ends_with(suffix))
    };
    let mut figures: Vec<CountryFigure> = edition(CURRENT_EDITION)
        .filter(|f| f.period_text == "2024" && country::lookup(&f.subject).is_some())
        .map(|current| {
            let earlier = edition(EARLIER_EDITION)
                .filter(|earlier| earlier.subject == current.subject)
                .map(|fact| Earlier {
                    fact,
                    revised_to: edition(CURRENT_EDITION).find(|f| {
                        f.subject == fact.subject
                            && f.period_text == fact.period_text
                            && f.value != fact.value
                    }),
                })
                .collect();
            CountryFigure {
                code: &current.subject,
                current,
                earlier,
            }
        })
        .collect();
    crate::core::data::order::sort_by(&mut figures, |a, b| {
        b.current
            .value
            .total_cmp(&a.current.value)
            .then_with(|| a.code.cmp(b.code))
    });
    figures
}

/// Every figure for Mongolia's rare-earth reserves or resources; they do not
/// agree, and none is preferred.
pub fn mongolia_reserves(dataset: &Dataset) -> Vec<&Fact> {
    const METRICS: [&str; 4] = [
        "reserves",
        "reserves_deposit",
        "reserves_claimed",
        "resources",
    ];
    dataset
        .figures()
        .filter(|f| {
            METRICS.contains(&f.metric.as_str()) && country::country_of(&f.subject) == Some("MNG")
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn china_stages_keep_projections_apart() {
        let dataset = Dataset::embedded().unwrap();
        let stages = china_stages(&dataset);
        let mining = &stages[0];
        assert!(
            mining.reported.iter().any(|f| f.value == 61.0)
                && mining.reported.iter().any(|f| f.value == 62.0)
        );
        assert!(mining
            .projected
            .iter()
            .all(|f| f.metric.ends_with("_projected")));
        assert!(mining
            .projected
            .iter()
            .any(|f| f.period_text == "2035" && f.value == 52.0));
        assert!(stages[1].reported.iter().any(|f| f.value == 92.0));
        assert!(stages[2].reported.iter().any(|f| f.value == 94.0));
    }

    #[test]
    fn production_ranks_countries_and_shows_mcs_2024_revisions() {
        let dataset = Dataset::embedded().unwrap();
        let production = by_country(&dataset, Measure::MineProduction);
        let top: Vec<(&str, f64)> = production
            .iter()
            .take(3)
            .map(|c| (c.code, c.current.value))
            .collect();
        assert_eq!(top, [("CHN", 270000.0), ("USA", 45000.0), ("MMR", 31000.0)]);
        let china = &production[0];
        let revised: Vec<(f64, f64)> = china
            .earlier
            .iter()
            .filter_map(|e| Some((e.fact.value, e.revised_to?.value)))
            .collect();
        assert_eq!(revised, [(240000.0, 255000.0)]);
        assert!(production
            .iter()
            .all(|c| c.code != "WLD" && c.code != "OTHER"));
    }

    #[test]
    fn reserves_revisions_include_vietnams_cut() {
        let dataset = Dataset::embedded().unwrap();
        let reserves = by_country(&dataset, Measure::Reserves);
        let vietnam = reserves.iter().find(|c| c.code == "VNM").unwrap();
        assert_eq!(vietnam.current.value, 3_500_000.0);
        // MCS 2024's 22 Mt is for 2023, MCS 2025's 3.5 Mt for 2024: shown as
        // the earlier edition's figure, not as a revision of one year.
        let earlier: Vec<(f64, bool)> = vietnam
            .earlier
            .iter()
            .map(|e| (e.fact.value, e.revised_to.is_some()))
            .collect();
        assert_eq!(earlier, [(22_000_000.0, false)]);
    }

    #[test]
    fn mongolias_conflicting_reserve_figures_are_all_kept() {
        let dataset = Dataset::embedded().unwrap();
        let reserves = mongolia_reserves(&dataset);
        // Shown figures and the figures shown beside them.
        let values: Vec<f64> = reserves
            .iter()
            .flat_map(|f| std::iter::once(f.value).chain(f.also_reported().iter().map(|a| a.value)))
            .collect();
        // Khalzan Buregtei: 1,511.6 kt in one post, 1.4 Mt in the other,
        // one key: the second is beside the first, not a second row.
        let khalzan = reserves.iter().find(|f| f.value == 1_511_600.0).unwrap();
        assert_eq!(khalzan.also_reported()[0].value, 1_400_000.0);
        assert!(!reserves.iter().any(|f| f.value == 1_400_000.0));
        for expected in [
            3_100_000.0,
            31_000_000.0,
            1_511_600.0,
            1_400_000.0,
            2_200_000.0,
        ] {
            assert!(
                values.contains(&expected),
                "{expected} missing from {values:?}"
            );
        }
        assert!(
            !values.contains(&61_400_000.0),
            "copper reserves are not rare earths"
        );
    }
}
