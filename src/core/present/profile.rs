//! What the dataset says about one country: production, reserves, shares,
//! capacity and dependence, each fact with its own source.

use crate::core::analysis::series::{Series, EXPORTER};
use crate::core::data::country;
use crate::core::data::dataset::{Dataset, Fact};
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
    pub facts: Vec<FactModel>,
}

pub fn country_model(dataset: &Dataset, code: &str, map: &MapModel) -> CountryModel {
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
    let facts = country_facts(dataset, code)
        .into_iter()
        .map(|fact| FactModel {
            metric_label: metric_label(&fact.metric),
            subject: if fact.subject == code {
                String::new()
            } else {
                crate::core::text::names::place_name(&fact.subject)
            },
            // Without a reference period a fact holds as of its source's date.
            period: match (fact.period_text.is_empty(), fact.source.date.is_empty()) {
                (false, _) => fact.period_text.clone(),
                (true, false) => crate::t!(as_of: "as of {date}", date = fact.source.date),
                (true, true) => crate::t!(undated: "undated"),
            },
            figure: Figure::of(fact),
        })
        .collect();
    CountryModel {
        code: code.to_string(),
        name,
        note,
        flows,
        facts,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::analysis::series::SeriesView;
    use crate::core::data::period::Month;
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
        let usa = country_model(&dataset, "USA", &map);
        assert_eq!(usa.flows.len(), 1);
        assert_eq!(usa.flows[0].1.label, "590 t");
        assert!(usa
            .facts
            .iter()
            .any(|f| f.metric_label.contains("reserves") || f.metric_label.contains("Reserves")));
        assert!(usa.facts.iter().all(|f| !f.figure.source.url.is_empty()));
        let china = country_model(&dataset, "CHN", &map);
        assert_eq!(
            china.flows.len(),
            3,
            "China's panel lists every flow of the month"
        );
        let france = country_model(&dataset, "FRA", &map);
        assert!(france.note.unwrap().contains("EU"));
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
