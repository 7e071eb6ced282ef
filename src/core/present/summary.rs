//! One plain sentence per view, generated from the data: what a screen
//! reader announces and what a hurried reader takes away.

use crate::core::analysis::series::{ChangeKind, MonthFlows, SeriesView};
use crate::core::data::country::{self, EU27};
use crate::core::data::period::Month;
use crate::core::data::units::{decimal, month_long, Unit};

fn product(view: &SeriesView) -> String {
    match view.series() {
        crate::core::analysis::series::Series::Magnets => crate::t!("rare-earth magnets"),
        crate::core::analysis::series::Series::RareEarths => crate::t!("rare earths (17 elements)"),
        crate::core::analysis::series::Series::RareEarthProducts => {
            crate::t!("rare-earth products")
        }
    }
}

fn share(part: f64, total: f64) -> String {
    format!("{}%", decimal(part / total * 100.0, 1))
}

/// "10.2% more than in July 2025", "4.7% less than in July 2025".
pub fn more_or_less(percent: f64, base: Month) -> String {
    let (percent_text, month) = (decimal(percent.abs(), 1), month_long(base));
    if percent >= 0.0 {
        crate::t!(
            "{percent}% more than in {month}",
            percent = percent_text,
            month = month
        )
    } else {
        crate::t!(
            "{percent}% less than in {month}",
            percent = percent_text,
            month = month
        )
    }
}

pub fn summary(view: &SeriesView, flows: &MonthFlows) -> String {
    let month = flows.label();
    if !flows.has_any_data() {
        return crate::t!(
            "No source gives China's exports of {product} for {month}.",
            product = product(view),
            month = month
        );
    }
    let mut sentence = match flows.total {
        Some(total) => {
            let change = if flows.combined.is_some() {
                crate::t!(
                    "; customs publishes these months only together, so no month-on-month change"
                )
            } else {
                match view.change(None, flows.month, ChangeKind::MonthOnMonth) {
                    Some(c) => crate::t!(
                        ", {change}",
                        change = more_or_less(c.percent, flows.month.previous())
                    ),
                    None => crate::t!(
                        "; {month} has no figure to compare with",
                        month = month_long(flows.month.previous())
                    ),
                }
            };
            crate::t!(
                "In {month} China exported {tonnes} of {product}{change}",
                month = month,
                tonnes = Unit::Tonnes.format(total.value),
                product = product(view),
                change = change
            )
        }
        None => crate::t!(
            "For {month} no source gives China's total exports of {product}",
            month = month,
            product = product(view)
        ),
    };
    let parts: Vec<String> = flows
        .flows
        .iter()
        .filter(|f| f.part_of.is_none())
        .map(|f| {
            let mut notes = Vec::new();
            if let Some(total) = flows.total {
                notes.push(share(f.fact.value, total.value));
            }
            if let Some(germany) = flows.flow("DEU").filter(|_| f.partner == EU27) {
                notes.push(crate::t!(
                    "Germany {tonnes} of it",
                    tonnes = Unit::Tonnes.format(germany.fact.value)
                ));
            }
            let name = country::display_name(f.partner);
            let figure = Unit::Tonnes.format(f.fact.value);
            if notes.is_empty() {
                format!("{name} {figure}")
            } else {
                format!("{name} {figure} ({})", notes.join(", "))
            }
        })
        .collect();
    if !parts.is_empty() {
        sentence += &crate::t!("; by destination: {parts}", parts = parts.join(", "));
    }
    if let (Some(rest), Some(total)) = (flows.not_itemised(), flows.total) {
        if !flows.flows.is_empty() {
            sentence += &crate::t!(
                "; {tonnes} ({share}) not itemised",
                tonnes = Unit::Tonnes.format(rest),
                share = share(rest, total.value)
            );
        }
    }
    sentence + &crate::t!(".")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::analysis::series::Series;
    use crate::core::data::dataset::Dataset;
    use crate::core::data::period::Month;

    fn sentence(series: Series, month: &str) -> String {
        let dataset = Dataset::embedded().unwrap();
        let view = SeriesView::new(&dataset, series);
        summary(&view, &view.month_flows(Month::parse(month).unwrap()))
    }

    #[test]
    fn august_2025_reads_like_the_article_but_from_the_data() {
        assert_eq!(
            sentence(Series::Magnets, "2025-08"),
            "In August 2025 China exported 6,146 t of rare-earth magnets, 10.2% more than in July 2025; \
             by destination: European Union 2,582 t (42%, Germany 1,346 t of it), United States 590 t (9.6%); \
             2,974 t (48.4%) not itemised."
        );
    }

    #[test]
    fn falls_changes_and_gaps_are_said_plainly() {
        assert!(sentence(Series::Magnets, "2025-09").contains("6.1% less than in August 2025"));
        assert!(sentence(Series::Magnets, "2025-03")
            .contains("February 2025 has no figure to compare with"));
        // 2,626 t (YTN, grade B, over SMM's 2,627 t) against 5,324 t.
        assert!(sentence(Series::Magnets, "2025-04").contains("50.7% less than in March 2025"));
        assert_eq!(
            sentence(Series::Magnets, "2024-06"),
            "No source gives China's exports of rare-earth magnets for June 2024."
        );
        assert_eq!(
            sentence(Series::Magnets, "2026-02"),
            "In January–February 2026 (published together) China exported 10,763 t of rare-earth magnets; \
             customs publishes these months only together, so no month-on-month change; \
             by destination: United States 994 t (9.2%); 9,769 t (90.8%) not itemised."
        );
        assert_eq!(sentence(Series::RareEarths, "2025-08"), "In August 2025 China exported 5,792 t of rare earths (17 elements), 3.4% less than in July 2025.");
    }
}

/// Readers without JavaScript get the latest month in `index.html`'s
/// `<noscript>`; it is written by hand, so this keeps it true to the data.
#[cfg(test)]
mod noscript {
    use crate::core::analysis::series::{Series, SeriesView};
    use crate::core::data::dataset::Dataset;

    #[test]
    fn the_noscript_summary_is_the_latest_month_with_its_sources() {
        let page = include_str!("../../../index.html");
        let noscript = page
            .split("<noscript>")
            .nth(1)
            .and_then(|rest| rest.split("</noscript>").next())
            .expect("index.html has a noscript block");
        let dataset = Dataset::embedded().unwrap();
        // It counts the facts of the file it links to.
        assert!(
            noscript.contains(&format!("All {} sourced facts", dataset.facts.len())),
            "noscript should count {} facts",
            dataset.facts.len()
        );
        let view = SeriesView::new(&dataset, Series::Magnets);
        let latest = view.latest_month_with_destinations().unwrap();
        let flows = view.month_flows(latest);
        let sentence = super::summary(&view, &flows);
        assert!(
            noscript.contains(&sentence),
            "noscript should say: {sentence}"
        );
        for fact in flows
            .total
            .into_iter()
            .chain(flows.flows.iter().map(|f| f.fact))
        {
            assert!(
                noscript.contains(&fact.source.url),
                "{} is not linked",
                fact.id
            );
        }
        assert!(noscript.contains(r#"href="data/facts.csv""#));
    }
}
