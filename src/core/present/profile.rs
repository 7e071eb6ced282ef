//! What the dataset says about one country: production, reserves, shares,
//! capacity and dependence, each fact with its own source.

use crate::core::analysis::series::{Series, SeriesView, EXPORTER};
use crate::core::data::country;
use crate::core::data::dataset::{Dataset, Fact};
use crate::core::data::period::Month;
use crate::core::present::figures::Figure;
use crate::core::present::map_model::MapModel;
use crate::core::text::labels::metric_label;

/// The facts about `code` (ISO alpha-3 or `EU27`), in a stable reading order:
/// by metric, then newest period first. Monthly export figures are left out;
/// the map and the flow list show those.
pub fn country_facts<'a>(dataset: &'a Dataset, code: &str) -> Vec<&'a Fact> {
    let is_flow = |f: &Fact| Series::ALL.iter().any(|s| f.metric.starts_with(s.metric()));
    // Shares name the country as partner: an importer's dependence on China,
    // or a destination's share of China's exports (the EU's 32% of May 2025,
    // the only EU figure for that month).
    let about = |f: &Fact| {
        country::country_of(&f.subject) == Some(code)
            || f.subject == code
            || ((f.metric.contains("import_share") || f.metric == "magnet_export_share")
                && f.partner.as_deref() == Some(code))
    };
    let mut labelled: Vec<(String, &Fact)> = dataset
        .figures()
        .filter(|f| about(f) && !is_flow(f))
        .map(|f| (metric_label(&f.metric), f))
        .collect();
    // Ids are unique, so the order is total and the same on every run.
    crate::core::data::order::sort_by(&mut labelled, |(la, a), (lb, b)| {
        (la, &b.period_text, &a.id).cmp(&(lb, &a.period_text, &b.id))
    });
    labelled.into_iter().map(|(_, fact)| fact).collect()
}

#[derive(Clone, Debug, PartialEq)]
pub struct FactModel {
    pub metric_label: String,
    pub subject: String,
    /// The other country of a share ("China" in Korea's imports from
    /// China); empty when the fact names none.
    pub partner: String,
    pub period: String,
    pub figure: Figure,
}

#[derive(Clone, Debug, PartialEq)]
pub struct CountryModel {
    pub code: String,
    pub name: String,
    /// "France is in the EU: its imports are inside the EU flow."
    pub note: Option<String>,
    /// The map's flows this month that start or end here.
    pub flows: Vec<(String, Figure)>,
}

pub fn country_model(code: &str, map: &MapModel) -> CountryModel {
    let name = country::display_name(code).to_string();
    let flows = map
        .flows
        .iter()
        .filter(|f| code == EXPORTER || f.partner == code)
        .map(|f| {
            (
                crate::t!(china_arrow_country: "China → {country}", country = f.partner_name),
                f.figure.clone(),
            )
        })
        .collect();
    let note = (country::is_eu_member(code) && code != "DEU" || code == "DEU" && map.flows.iter().all(|f| f.partner != "DEU"))
        .then(|| crate::t!(eu_member_imports_counted_eu: "{name} is an EU member: its imports are counted in the EU flow where sources give one.", name = name));
    CountryModel {
        code: code.to_string(),
        name,
        note,
        flows,
    }
}

/// Metrics that answer "what does this country weigh in the story?", in the
/// order a reader asks: how much it depends on China, what it holds and
/// mines, what it refines and makes, what it stores. A country's panel leads
/// with the first of these it has (one fact each); every other fact waits
/// behind "all facts".
const KEY_METRICS: &[&str] = &[
    "magnet_import_share",
    "import_share",
    "net_import_reliance",
    "reserves",
    "mine_production",
    "refining_share",
    "mining_share",
    "magnet_production_share",
    "capacity",
    "capacity_planned",
    "stockpile_days_neodymium",
    "import_concentration",
    "magnet_export_share",
    "crma_benchmark_processing",
    "resources",
    "ree_occurrences",
    "mine_production_molybdenum",
];

/// A panel leads with at least this many facts where the country has them,
/// and at most [`MOST_KEY_FACTS`].
const FEWEST_KEY_FACTS: usize = 3;
const MOST_KEY_FACTS: usize = 5;

/// One bar of a country's chart: a month of the series, or a period the
/// source published as one figure, drawn as one bar.
#[derive(Clone, Debug, PartialEq)]
pub struct HistoryBar {
    pub month: Month,
    /// "Dec 2025", or the combined period's months.
    pub label: String,
    /// `None`: no figure for this country that month, drawn hollow.
    pub figure: Option<Figure>,
    /// The figure's height against the country's largest, 0 to 1.
    pub height: f64,
}

/// What the dataset says about a country whatever the month: its flows in
/// the series month by month, and its facts, the leading few first.
#[derive(Clone, Debug, PartialEq)]
pub struct CountryProfile {
    /// Every month of the series; empty when no month names the country.
    pub history: Vec<HistoryBar>,
    pub key_facts: Vec<FactModel>,
    pub more_facts: Vec<FactModel>,
}

impl CountryProfile {
    /// The newest bar with a figure.
    pub fn latest(&self) -> Option<&HistoryBar> {
        self.history.iter().rev().find(|b| b.figure.is_some())
    }

    /// The closest months before and after `month` that have a figure:
    /// what a reader is offered when the month shown has none.
    pub fn nearest(&self, month: Month) -> (Option<&HistoryBar>, Option<&HistoryBar>) {
        let with_figure = || self.history.iter().filter(|b| b.figure.is_some());
        (
            with_figure().rfind(|b| b.month < month),
            with_figure().find(|b| b.month > month),
        )
    }
}

pub fn country_profile(view: &SeriesView, code: &str) -> CountryProfile {
    let facts = country_facts(view.dataset(), code);
    // In the order of the question each answers, not the list's.
    let key = key_facts(&facts);
    let is_key = |fact: &&Fact| key.iter().any(|k| k.id == fact.id);
    CountryProfile {
        history: history(view, code),
        key_facts: key.iter().map(|fact| fact_model(fact, code)).collect(),
        more_facts: facts
            .iter()
            .filter(|fact| !is_key(fact))
            .map(|fact| fact_model(fact, code))
            .collect(),
    }
}

/// The leading facts: the best-sourced, newest fact of each key metric, a
/// share of imports from China before one from elsewhere, D-grade figures
/// that nothing confirms left out; topped up from the rest to three.
fn key_facts<'a>(facts: &[&'a Fact]) -> Vec<&'a Fact> {
    let rank = |f: &Fact| {
        (
            f.partner.as_deref().is_some_and(|p| p != EXPORTER),
            std::cmp::Reverse(f.period_text.clone()),
            f.source.provenance.grade.is_none(),
            f.source.provenance.grade,
            f.id.clone(),
        )
    };
    let mut chosen: Vec<&Fact> = Vec::new();
    for metric in KEY_METRICS {
        if chosen.len() == MOST_KEY_FACTS {
            break;
        }
        let best = facts
            .iter()
            .copied()
            .filter(|f| f.metric == *metric && !f.is_unconfirmed_low_grade())
            .min_by_key(|f| rank(f));
        chosen.extend(best);
    }
    for fact in facts {
        if chosen.len() >= FEWEST_KEY_FACTS {
            break;
        }
        if !chosen.iter().any(|c| c.id == fact.id) && !fact.is_unconfirmed_low_grade() {
            chosen.push(fact);
        }
    }
    chosen
}

fn fact_model(fact: &Fact, code: &str) -> FactModel {
    FactModel {
        metric_label: metric_label(&fact.metric),
        subject: if fact.subject == code {
            String::new()
        } else {
            crate::core::text::names::place_name(&fact.subject)
        },
        // Only a country: other partners are free text of the source's
        // (a plant's buyer, a grant's donor), read in its excerpt.
        partner: match fact.partner.as_deref() {
            Some(partner) if partner != code && country::lookup(partner).is_some() => {
                country::display_name(partner).to_string()
            }
            _ => String::new(),
        },
        // Without a reference period a fact holds as of its source's date.
        period: match (fact.period_text.is_empty(), fact.source.date.is_empty()) {
            (false, _) => fact.period_text.clone(),
            (true, false) => crate::t!(as_of: "as of {date}", date = fact.source.date),
            (true, true) => crate::t!(undated: "undated"),
        },
        figure: Figure::of(fact),
    }
}

/// The country's figure in each month of the series (China's: the
/// totals), a period published as one figure drawn as one bar. A month
/// without a figure stays in the list as a hollow bar, never as zero.
fn history(view: &SeriesView, code: &str) -> Vec<HistoryBar> {
    let partner = (code != EXPORTER).then_some(code);
    let Some((first, last)) = view.month_span() else {
        return Vec::new();
    };
    let mut bars: Vec<HistoryBar> = Vec::new();
    for month in Month::range(first, last) {
        let (fact, label) = match view.combined(month) {
            Some(combined) if combined.first != month => continue,
            Some(combined) => (
                combined
                    .facts
                    .iter()
                    .copied()
                    .find(|f| f.partner.as_deref() == partner),
                crate::core::data::units::months_long(combined.first, combined.last),
            ),
            None => (
                view.figure(partner, month),
                crate::core::data::units::month_short(month),
            ),
        };
        bars.push(HistoryBar {
            month,
            label,
            figure: fact.map(Figure::of),
            height: 0.0,
        });
    }
    let largest = bars
        .iter()
        .filter_map(|b| b.figure.as_ref().map(|f| f.value))
        .fold(0.0, f64::max);
    if largest <= 0.0 {
        return Vec::new();
    }
    for bar in &mut bars {
        bar.height = bar.figure.as_ref().map_or(0.0, |f| f.value / largest);
    }
    bars
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::geo::projection::Miller;
    use crate::core::present::map_model::map_model;

    #[test]
    fn the_us_panel_shows_its_flow_this_month_and_its_own_facts() {
        let dataset = Dataset::embedded().unwrap();
        let map = map_model(
            &SeriesView::new(&dataset, Series::Magnets),
            Month::parse("2025-08").unwrap(),
            &Miller::basemap(),
        );
        let usa = country_model("USA", &map);
        assert_eq!(usa.flows.len(), 1);
        assert_eq!(usa.flows[0].1.label, "590 t");
        let profile = country_profile(&SeriesView::new(&dataset, Series::Magnets), "USA");
        let facts = || profile.key_facts.iter().chain(&profile.more_facts);
        assert!(facts()
            .any(|f| f.metric_label.contains("reserves") || f.metric_label.contains("Reserves")));
        assert!(facts().all(|f| !f.figure.source.url.is_empty()));
        let china = country_model("CHN", &map);
        assert_eq!(
            china.flows.len(),
            3,
            "China's panel lists every flow of the month"
        );
        let france = country_model("FRA", &map);
        assert!(france.note.unwrap().contains("EU"));
    }

    fn magnets(dataset: &Dataset, code: &str) -> CountryProfile {
        country_profile(&SeriesView::new(dataset, Series::Magnets), code)
    }

    #[test]
    fn korea_leads_with_its_dependence_on_china_and_keeps_every_other_fact_behind() {
        let dataset = Dataset::embedded().unwrap();
        let korea = magnets(&dataset, "KOR");
        assert!((FEWEST_KEY_FACTS..=MOST_KEY_FACTS).contains(&korea.key_facts.len()));
        let first = &korea.key_facts[0];
        assert_eq!(first.partner, "China");
        assert_eq!(
            (first.period.as_str(), first.figure.label.as_str()),
            ("2024", "89.9%")
        );
        let mut labels: Vec<&str> = korea
            .key_facts
            .iter()
            .map(|f| f.metric_label.as_str())
            .collect();
        labels.dedup();
        assert_eq!(labels.len(), korea.key_facts.len(), "one fact per question");
        // Nothing is lost or shown twice: the two lists are the country's facts.
        let mut shown: Vec<&str> = korea
            .key_facts
            .iter()
            .chain(&korea.more_facts)
            .map(|f| f.figure.source.fact_id.as_str())
            .collect();
        let mut all: Vec<&str> = country_facts(&dataset, "KOR")
            .iter()
            .map(|f| f.id.as_str())
            .collect();
        crate::core::data::order::sort_by(&mut shown, |a, b| a.cmp(b));
        crate::core::data::order::sort_by(&mut all, |a, b| a.cmp(b));
        assert_eq!(shown, all);
        // Mongolia's lead answers what it holds.
        let mongolia = magnets(&dataset, "MNG");
        assert!(mongolia
            .key_facts
            .iter()
            .any(|f| f.figure.source.fact_id.starts_with("res-")));
        assert!(mongolia
            .key_facts
            .iter()
            .all(|f| !f.figure.source.low_confidence));
    }

    #[test]
    fn a_countrys_chart_has_every_month_of_the_series_and_a_missing_month_stays_missing() {
        let dataset = Dataset::embedded().unwrap();
        let view = SeriesView::new(&dataset, Series::Magnets);
        let korea = magnets(&dataset, "KOR");
        let (first, last) = view.month_span().unwrap();
        assert_eq!(korea.history.first().unwrap().month, first);
        assert_eq!(korea.history.last().unwrap().month, last);
        // January and February 2026 are one published figure: one bar.
        let months: Vec<Month> = korea.history.iter().map(|b| b.month).collect();
        assert!(months.contains(&month("2026-01")) && !months.contains(&month("2026-02")));
        assert!(months.windows(2).all(|w| w[0] < w[1]));
        for bar in korea
            .history
            .iter()
            .filter(|b| view.combined(b.month).is_none())
        {
            let stated = dataset.figures().find(|f| {
                f.metric == "magnet_exports"
                    && f.partner.as_deref() == Some("KOR")
                    && f.period.as_month() == Some(bar.month)
            });
            assert_eq!(
                bar.figure.as_ref().map(|f| f.value),
                stated.map(|f| f.value),
                "{}",
                bar.label
            );
            assert_eq!(bar.figure.is_none(), bar.height == 0.0);
        }
        let latest = korea.latest().unwrap();
        assert_eq!(
            (latest.month, latest.figure.as_ref().unwrap().label.as_str()),
            (month("2025-12"), "815 t")
        );
        // France's exports are inside the EU figure: no chart of its own.
        assert!(magnets(&dataset, "FRA").history.is_empty());
        // China's chart is its totals.
        let china = magnets(&dataset, "CHN");
        let august = china
            .history
            .iter()
            .find(|b| b.month == month("2025-08"))
            .unwrap();
        assert_eq!(august.figure.as_ref().unwrap().label, "6,146 t");
    }

    #[test]
    fn a_month_without_a_figure_offers_the_closest_months_that_have_one() {
        let dataset = Dataset::embedded().unwrap();
        for code in ["KOR", "USA", "EU27", "DEU", "JPN"] {
            let profile = magnets(&dataset, code);
            for bar in profile.history.iter().filter(|b| b.figure.is_none()) {
                let (before, after) = profile.nearest(bar.month);
                assert!(before.is_some() || after.is_some(), "{code} {}", bar.label);
                let lo = before.map_or(bar.month, |b| b.month);
                let hi = after.map_or(bar.month, |b| b.month);
                assert!(lo <= bar.month && bar.month <= hi);
                // Nothing closer has a figure.
                assert!(
                    profile
                        .history
                        .iter()
                        .filter(|b| b.figure.is_some())
                        .all(|b| b.month <= lo || b.month >= hi),
                    "{code} {}",
                    bar.label
                );
            }
        }
    }

    fn month(text: &str) -> Month {
        Month::parse(text).unwrap()
    }

    #[test]
    fn mongolia_has_reserves_deposits_and_molybdenum() {
        let dataset = Dataset::embedded().unwrap();
        let facts = country_facts(&dataset, "MNG");
        assert!(facts.iter().any(|f| f.metric == "reserves"));
        assert!(facts
            .iter()
            .any(|f| f.metric == "mine_production_molybdenum"));
        assert!(
            facts.iter().any(|f| f.subject.contains("Khalzan")),
            "deposit-level rows belong to Mongolia"
        );
    }

    #[test]
    fn china_profile_keeps_shares_and_leaves_monthly_exports_to_the_map() {
        let dataset = Dataset::embedded().unwrap();
        let facts = country_facts(&dataset, "CHN");
        assert!(facts
            .iter()
            .any(|f| f.metric == "refining_share" && f.value == 92.0));
        assert!(facts.iter().all(
            |f| !f.metric.starts_with("magnet_exports") && !f.metric.starts_with("re_exports")
        ));
        // Korea's dependence on China is a fact about China's reach too.
        assert!(facts
            .iter()
            .any(|f| f.subject == "KOR" && f.metric.contains("import_share")));
    }

    #[test]
    fn estonia_gets_the_narva_plant_and_korea_its_planned_capacity() {
        let dataset = Dataset::embedded().unwrap();
        assert!(country_facts(&dataset, "EST")
            .iter()
            .any(|f| f.id == "cap-mag-neo-narva-ph1"));
        assert!(country_facts(&dataset, "KOR")
            .iter()
            .any(|f| f.metric == "capacity_planned"));
    }

    #[test]
    fn the_eu_panel_keeps_its_may_2025_share_of_chinas_magnet_exports() {
        let dataset = Dataset::embedded().unwrap();
        let eu = country_facts(&dataset, "EU27");
        let share = eu
            .iter()
            .find(|f| f.metric == "magnet_export_share" && f.period_text == "2025-05")
            .unwrap();
        assert_eq!(share.value, 32.0);
        assert!(
            eu.iter().all(|f| f.metric != "magnet_exports"),
            "monthly tonnes stay on the map"
        );
    }

    #[test]
    fn metric_labels_read_as_words() {
        assert_eq!(
            metric_label("capacity_planned"),
            "Magnet capacity (planned)"
        );
        assert_eq!(
            metric_label("stockpile_days_neodymium"),
            "Neodymium stockpile"
        );
        assert_eq!(metric_label(""), "");
    }
}
