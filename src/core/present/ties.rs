//! The Mongolia–Korea partnership as the data records it: agreements, the
//! Ulaanbaatar centre, investment, training and contracts. A tie is a
//! relationship with a date and a source, not a tonnage, so it is drawn as
//! a thin double line with a dot at each end, never as a flow ribbon and
//! never with a width.

use crate::core::data::country;
use crate::core::data::dataset::{Dataset, Fact};
use crate::core::data::units::Unit;
use crate::core::geo::geometry::Arc;
use crate::core::geo::projection::Miller;
use crate::core::present::figures::Figure;
use crate::core::present::map_model::project;
use crate::core::text::labels::metric_label;

const ENDS: [&str; 2] = ["MNG", "KOR"];

/// Tonnage and shares are flows or country facts; everything else that
/// links a Mongolian and a Korean party is a tie.
fn is_tie(fact: &Fact) -> bool {
    let ends = (
        country::country_of(&fact.subject),
        fact.partner.as_deref().and_then(country::country_of),
    );
    let linked =
        matches!(ends, (Some(a), Some(b)) if a != b && ENDS.contains(&a) && ENDS.contains(&b));
    linked
        && !matches!(
            fact.unit,
            Unit::Tonnes | Unit::TonnesPerYear | Unit::Percent
        )
}

#[derive(Clone, Debug, PartialEq)]
pub struct Tie {
    pub fact_id: String,
    pub from: &'static str,
    pub to: &'static str,
    /// "Mou signed: Erdenes Mongol LLC (MNG) – KOMIR (KOR)".
    pub label: String,
    /// The period as sourced ("2025-12-12", "2025"); "undated" if none.
    pub date: String,
    /// The value with its source ("took place", "US$17 million", "500").
    pub figure: Figure,
    /// A curve between the two capitals, bowed more for each further tie
    /// so that every tie can be pointed at on its own.
    pub path: String,
}

pub fn ties(dataset: &Dataset, projection: &Miller) -> Vec<Tie> {
    let (Some(ulaanbaatar), Some(seoul)) = (project(projection, "MNG"), project(projection, "KOR"))
    else {
        return Vec::new();
    };
    let mut facts: Vec<&Fact> = dataset.figures().filter(|f| is_tie(f)).collect();
    crate::core::data::order::sort_by(&mut facts, |a, b| {
        (&a.period_text, &a.id).cmp(&(&b.period_text, &b.id))
    });
    facts
        .into_iter()
        .enumerate()
        .map(|(i, fact)| {
            let from = country::country_of(&fact.subject).unwrap_or("MNG");
            let to = if from == "MNG" { "KOR" } else { "MNG" };
            let (a, b) = if from == "MNG" {
                (ulaanbaatar, seoul)
            } else {
                (seoul, ulaanbaatar)
            };
            // Alternate sides of the chord, further out each pair.
            let bow = (0.12 + 0.1 * (i / 2) as f64) * if i % 2 == 0 { 1.0 } else { -1.0 };
            let path = Arc::bowed(a, b, bow)
                .map(|arc| arc.centre_line())
                .unwrap_or_default();
            let partner = fact.partner.clone().unwrap_or_default();
            Tie {
                fact_id: fact.id.clone(),
                from,
                to,
                label: tie_label(fact, &partner),
                date: if fact.period_text.is_empty() {
                    crate::t!(undated: "undated")
                } else {
                    fact.period_text.clone()
                },
                figure: Figure::of(fact),
                path,
            }
        })
        .collect()
}

/// What a tie is, in words: the kinds the file holds have their own
/// sentence; any other names its metric.
fn tie_label(fact: &Fact, partner: &str) -> String {
    // A bare code reads as the country's name; a company keeps its own.
    let name = crate::core::text::names::place_name;
    let (a, b) = (name(&fact.subject), name(partner));
    match fact.metric.as_str() {
        "mou_signed" => {
            crate::t!(memorandum_understanding: "Memorandum of understanding: {a} and {b}", a = a, b = b)
        }
        "facility_opening" => crate::t!(opening: "Opening of the {a}, with {b}", a = a, b = b),
        "supply_contract_value" => {
            crate::t!(supply_contract: "Supply contract: {a} to {b}", a = a, b = b)
        }
        "training_commitment" => crate::t!(training_commits_train_people:
            "Training: {a} commits to train people from {b}",
            a = a,
            b = b
        ),
        "investment" => crate::t!(grant: "Grant: {b} for the {a}", a = a, b = b),
        "korean_companies_present" => {
            crate::t!(korean_companies_present: "Korean companies present in {b}", b = b)
        }
        "investment_cumulative_min" => crate::t!(investment_s_resources_least:
            "Investment from {a} in {b}'s resources, at least",
            a = a,
            b = b
        ),
        _ => crate::t!(what_subject_partner:
            "{what}: {subject} – {partner}",
            what = metric_label(&fact.metric),
            subject = a,
            partner = b
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_partnership_is_drawn_from_the_data_each_tie_with_its_fact() {
        let dataset = Dataset::embedded().unwrap();
        let ties = ties(&dataset, &Miller::basemap());
        let ids: Vec<&str> = ties.iter().map(|t| t.fact_id.as_str()).collect();
        for expected in [
            "event-kor-mng-raremetals-centre-open",
            "mou-mng-erdenes-komir-2025",
            "mou-mng-erdenes-samsungcnt-2025",
            "deal-mng-kor-samsung-silver",
            "training-mng-kor-engineers",
            "oda-kor-mng-raremetals-centre",
        ] {
            assert!(ids.contains(&expected), "{expected} missing from {ids:?}");
        }
        // No tonnage or share among them, and no two drawn on one curve.
        assert!(ties
            .iter()
            .all(|t| !t.figure.label.ends_with(" t") && !t.figure.label.ends_with('%')));
        for (i, a) in ties.iter().enumerate() {
            assert!(
                ties[i + 1..].iter().all(|b| b.path != a.path),
                "{} shares a curve",
                a.fact_id
            );
        }
        let centre = ties
            .iter()
            .find(|t| t.fact_id == "event-kor-mng-raremetals-centre-open")
            .unwrap();
        assert_eq!(
            (centre.from, centre.to, centre.date.as_str()),
            ("MNG", "KOR", "2025-12-12")
        );
        // Each tie reads as what it is, the names as the file gives them.
        let label = |id: &str| ties.iter().find(|t| t.fact_id == id).unwrap().label.clone();
        assert_eq!(
            label("mou-mng-erdenes-komir-2025"),
            "Memorandum of understanding: Erdenes Mongol LLC (MNG) and KOMIR (KOR)"
        );
        assert_eq!(
            label("training-mng-kor-engineers"),
            "Training: South Korea commits to train people from Mongolia"
        );
        assert!(ties.iter().all(|t| !t.label.contains('_')));
    }
}

/// Mongolia's rare-earth deposits as the data states them, and its national
/// figure, which sources dispute: 3.1 Mt reported by the national office,
/// 31 Mt claimed in 2010. A disputed figure is a range, never a point.
#[derive(Clone, Debug, PartialEq)]
pub struct Deposits {
    /// Name, figure, and circle radius (area proportional to reserves).
    pub deposits: Vec<(String, Figure, f64)>,
    /// The lowest reported and the highest claimed national figure.
    pub range: Option<(Figure, Figure)>,
}

/// Largest deposit circle, in the chart's units.
pub const MAX_DEPOSIT_RADIUS: f64 = 28.0;

pub fn deposits(dataset: &Dataset) -> Deposits {
    let in_mongolia = |f: &&Fact| country::country_of(&f.subject) == Some("MNG");
    let found: Vec<&Fact> = dataset
        .figures()
        .filter(|f| f.metric == "reserves_deposit")
        .filter(in_mongolia)
        .collect();
    let largest = found
        .iter()
        .map(|f| f.value)
        .reduce(f64::max)
        .unwrap_or(1.0);
    let deposits = found
        .iter()
        .map(|f| {
            // "MNG (Khalzan Buregtei deposit)", in the reader's letters.
            let name = crate::core::text::names::place_name(&f.subject);
            (
                name,
                Figure::of(f),
                (f.value / largest).sqrt() * MAX_DEPOSIT_RADIUS,
            )
        })
        .collect();
    let national = |metric: &str| {
        dataset
            .figures()
            .filter(|f| f.metric == metric && f.subject == "MNG" && f.unit == Unit::Tonnes)
            .collect::<Vec<_>>()
    };
    let low = national("reserves")
        .into_iter()
        .min_by(|a, b| a.value.total_cmp(&b.value));
    let high = national("reserves_claimed")
        .into_iter()
        .max_by(|a, b| a.value.total_cmp(&b.value));
    Deposits {
        deposits,
        range: low
            .zip(high)
            .filter(|(l, h)| h.value > l.value)
            .map(|(l, h)| (Figure::of(l), Figure::of(h))),
    }
}

#[cfg(test)]
mod deposit_tests {
    use super::*;

    #[test]
    fn mongolias_national_figure_is_a_range_and_deposits_scale_by_area() {
        let dataset = Dataset::embedded().unwrap();
        let d = deposits(&dataset);
        let (low, high) = d.range.clone().unwrap();
        // SOURCES.md §3: 3.1 Mt (national office) against 31 Mt claimed.
        assert_eq!((low.value, high.value), (3_100_000.0, 31_000_000.0));
        let names: Vec<&str> = d.deposits.iter().map(|(n, ..)| n.as_str()).collect();
        assert_eq!(names.len(), 4, "{names:?}");
        assert!(
            names.contains(&"Mongolia (Khalzan Buregtei deposit)")
                && names.contains(&"Mongolia (Lugiin Gol deposit)")
        );
        let radius = |name: &str| {
            d.deposits
                .iter()
                .find(|(n, ..)| n.contains(name))
                .unwrap()
                .2
        };
        // Area ∝ reserves: Khotgor 1,213.7 kt, Lugiin Gol 14.5 kt.
        let ratio = (radius("Khotgor") / radius("Lugiin Gol")).powi(2);
        assert!((ratio - 1_213_700.0 / 14_500.0).abs() < 1e-6, "{ratio}");
    }
}
