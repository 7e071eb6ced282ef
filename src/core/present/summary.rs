//! One plain sentence per view, generated from the data: what a screen
//! reader announces and what a hurried reader takes away.

use crate::core::analysis::series::{ChangeKind, MonthFlows, SeriesView};
use crate::core::data::country::{self, EU27};
use crate::core::data::period::Month;
use crate::core::data::units::{month_long, one_decimal, Unit};

fn product(view: &SeriesView) -> String {
    match view.series() {
        crate::core::analysis::series::Series::Magnets => {
            crate::t!(rare_earth_magnets: "rare-earth magnets")
        }
        crate::core::analysis::series::Series::RareEarths => {
            crate::t!(series_rare_earths_in_sentence: "rare earths (17 elements)")
        }
        crate::core::analysis::series::Series::RareEarthProducts => {
            crate::t!(rare_earth_products: "rare-earth products")
        }
    }
}

fn share(part: f64, total: f64) -> String {
    format!("{}%", one_decimal(part / total * 100.0))
}

/// "10.2% more than in July 2025", "4.7% less than in July 2025".
pub fn more_or_less(percent: f64, base: Month) -> String {
    let (percent_text, month) = (one_decimal(percent.abs()), month_long(base));
    if percent >= 0.0 {
        crate::t!(more_than:
            "{percent}% more than in {month}",
            percent = percent_text,
            month = month
        )
    } else {
        crate::t!(less_than:
            "{percent}% less than in {month}",
            percent = percent_text,
            month = month
        )
    }
}

/// Why the map opened on the month it shows, when a reader did not ask for
/// one and later months have totals: "The latest month with figures by
/// destination; the totals run to March 2026." `None` when the map shows
/// the series' last month, or a month the reader chose.
pub fn landing_note(view: &SeriesView, asked: Option<Month>) -> Option<String> {
    if asked.is_some() {
        return None;
    }
    let landing = view.landing_month()?;
    let (_, last) = view.month_span()?;
    let has_destinations = !view.month_flows(landing).flows.is_empty();
    (landing < last && has_destinations).then(|| {
        crate::t!(landing_note:
            "The latest month with figures by destination; the totals run to {month}.",
            month = month_long(last)
        )
    })
}

/// The longest of `months`' headlines, by characters: the view reserves its
/// room, so that a month whose headline takes another line moves nothing
/// below it (the slider above all) while the reader scrubs.
pub fn longest_headline(view: &SeriesView, months: impl IntoIterator<Item = Month>) -> String {
    months
        .into_iter()
        .map(|month| headline(view, &view.month_flows(month)))
        .max_by_key(|line| line.chars().count())
        .unwrap_or_default()
}

/// The month in one line, for the top of the view and of a downloaded
/// picture: the total and its change when there are both. It states only
/// what the total says; the destinations are the summary's to tell, since
/// part of every month is not itemised.
pub fn headline(view: &SeriesView, flows: &MonthFlows) -> String {
    let month = flows.label();
    let product = product(view);
    let Some(total) = flows.total else {
        return if flows.flows.is_empty() {
            crate::t!(headline_no_figure:
                "No figure for China's exports of {product} in {month}",
                product = product, month = month
            )
        } else {
            crate::t!(headline_destinations_only:
                "China's exports of {product} in {month}: figures by destination only",
                product = product, month = month
            )
        };
    };
    let tonnes = Unit::Tonnes.format(total.value);
    let change = match flows.combined {
        Some(_) => None,
        None => view.change(None, flows.month, ChangeKind::MonthOnMonth),
    };
    match change {
        Some(c) if c.percent >= 0.0 => crate::t!(headline_rose:
            "China's exports of {product} rose {percent}% in {month}, to {tonnes}",
            product = product, percent = one_decimal(c.percent), month = month, tonnes = tonnes
        ),
        Some(c) => crate::t!(headline_fell:
            "China's exports of {product} fell {percent}% in {month}, to {tonnes}",
            product = product, percent = one_decimal(c.percent.abs()), month = month, tonnes = tonnes
        ),
        None => crate::t!(headline_total:
            "China exported {tonnes} of {product} in {month}",
            tonnes = tonnes, product = product, month = month
        ),
    }
}

/// The month's sentences: what China exported and how it changed, then by
/// destination, then what is not itemised. Each is one whole catalogue
/// message, so a translation can order its parts freely.
pub fn summary(view: &SeriesView, flows: &MonthFlows) -> String {
    let month = flows.label();
    if !flows.has_any_data() {
        return crate::t!(no_source_gives_chinas_exports:
            "No source gives China's exports of {product} for {month}.",
            product = product(view),
            month = month
        );
    }
    let mut sentences = vec![match flows.total {
        Some(total) => {
            let tonnes = Unit::Tonnes.format(total.value);
            let product = product(view);
            let previous = month_long(flows.month.previous());
            let change = match flows.combined {
                Some(_) => None,
                None => Some(view.change(None, flows.month, ChangeKind::MonthOnMonth)),
            };
            match change {
                None => crate::t!(exported_combined:
                    "In {month} China exported {tonnes} of {product}; customs publishes these months only together, so there is no month-on-month change.",
                    month = month, tonnes = tonnes, product = product
                ),
                Some(Some(c)) if c.percent >= 0.0 => crate::t!(exported_more:
                    "In {month} China exported {tonnes} of {product}, {percent}% more than in {previous}.",
                    month = month, tonnes = tonnes, product = product,
                    percent = one_decimal(c.percent.abs()), previous = previous
                ),
                Some(Some(c)) => crate::t!(exported_less:
                    "In {month} China exported {tonnes} of {product}, {percent}% less than in {previous}.",
                    month = month, tonnes = tonnes, product = product,
                    percent = one_decimal(c.percent.abs()), previous = previous
                ),
                Some(None) => crate::t!(exported_nothing_to_compare:
                    "In {month} China exported {tonnes} of {product}; {previous} has no figure to compare with.",
                    month = month, tonnes = tonnes, product = product, previous = previous
                ),
            }
        }
        None => crate::t!(no_source_gives_chinas_total:
            "For {month} no source gives China's total exports of {product}.",
            month = month,
            product = product(view)
        ),
    }];
    // Largest first, as the table and the bar list read; a member inside
    // the EU figure is said within the EU's part, never on its own.
    let parts: Vec<String> = flows
        .in_reading_order()
        .into_iter()
        .filter(|f| f.part_of.is_none())
        .map(|f| {
            let name = country::display_name(f.partner);
            let figure = Unit::Tonnes.format(f.fact.value);
            let germany = flows.flow("DEU").filter(|_| f.partner == EU27);
            match (flows.total, germany) {
                (Some(total), Some(germany)) => crate::t!(destination_share_germany:
                    "{name} {figure} ({share}, Germany {germany} of it)",
                    name = name, figure = figure, share = share(f.fact.value, total.value),
                    germany = Unit::Tonnes.format(germany.fact.value)
                ),
                (Some(total), None) => crate::t!(destination_share:
                    "{name} {figure} ({share})",
                    name = name, figure = figure, share = share(f.fact.value, total.value)
                ),
                (None, Some(germany)) => crate::t!(destination_germany:
                    "{name} {figure} (Germany {germany} of it)",
                    name = name, figure = figure, germany = Unit::Tonnes.format(germany.fact.value)
                ),
                (None, None) => {
                    crate::t!(destination_figure: "{name} {figure}", name = name, figure = figure)
                }
            }
        })
        .collect();
    if !parts.is_empty() {
        sentences
            .push(crate::t!(by_destination: "By destination: {parts}.", parts = parts.join(", ")));
    }
    if let (Some(rest), Some(total)) = (flows.not_itemised(), flows.total) {
        if !flows.flows.is_empty() {
            sentences.push(crate::t!(not_itemised:
                "{tonnes} ({share}) is not itemised by destination.",
                tonnes = Unit::Tonnes.format(rest),
                share = share(rest, total.value)
            ));
        }
    }
    sentences.join(" ")
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

    fn headline_of(month: &str) -> String {
        let dataset = Dataset::embedded().unwrap();
        let view = SeriesView::new(&dataset, Series::Magnets);
        headline(&view, &view.month_flows(Month::parse(month).unwrap()))
    }

    #[test]
    fn the_headline_states_the_total_and_its_change_or_says_what_is_missing() {
        // facts.csv: August 6,146 t against July 5,577 t; December 5,952 t
        // against November 6,150 t; March 2026 5,238 t after a January–
        // February total published as one; February 2025 a US figure and no
        // total; June 2024 nothing.
        let cases = [
            ("2025-08", "China's exports of rare-earth magnets rose 10.2% in August 2025, to 6,146 t"),
            ("2025-12", "China's exports of rare-earth magnets fell 3.2% in December 2025, to 5,952 t"),
            ("2026-03", "China exported 5,238 t of rare-earth magnets in March 2026"),
            ("2026-01", "China exported 10,763 t of rare-earth magnets in January–February 2026 (published together)"),
            ("2025-02", "China's exports of rare-earth magnets in February 2025: figures by destination only"),
            ("2024-06", "No figure for China's exports of rare-earth magnets in June 2024"),
        ];
        for (month, expected) in cases {
            assert_eq!(headline_of(month), expected, "{month}");
        }
    }

    #[test]
    fn the_room_kept_for_the_headline_is_the_longest_months() {
        let dataset = Dataset::embedded().unwrap();
        let view = SeriesView::new(&dataset, Series::Magnets);
        let (first, last) = view.month_span().unwrap();
        let months = (0..=first.months_until(last)).map(|n| first.plus_months(n));
        // Of the cases above, January–February 2026's is the longest (91
        // characters against 83 for February 2025's).
        assert_eq!(
            longest_headline(&view, months),
            "China exported 10,763 t of rare-earth magnets in January–February 2026 (published together)"
        );
        assert_eq!(longest_headline(&view, []), "");
    }

    #[test]
    fn the_default_view_says_why_it_is_not_the_last_month() {
        let dataset = Dataset::embedded().unwrap();
        let magnets = SeriesView::new(&dataset, Series::Magnets);
        // The totals run past December 2025, the last month with three or
        // more destinations (the test file's own reading of the data).
        let last_total = dataset
            .figures()
            .filter(|f| f.metric == "magnet_exports" && f.partner.is_none())
            .filter_map(|f| f.period.as_month())
            .max()
            .unwrap();
        assert_eq!(
            landing_note(&magnets, None).as_deref(),
            Some(format!(
                "The latest month with figures by destination; the totals run to {}.",
                month_long(last_total)
            ))
            .as_deref()
        );
        // A month the reader chose needs no excuse.
        assert_eq!(landing_note(&magnets, Month::parse("2025-08")), None);
        // A series without destinations opens on its last total: nothing to explain.
        let totals_only = SeriesView::new(&dataset, Series::RareEarths);
        assert_eq!(landing_note(&totals_only, None), None);
    }

    #[test]
    fn august_2025_reads_like_the_article_but_from_the_data() {
        assert_eq!(
            sentence(Series::Magnets, "2025-08"),
            "In August 2025 China exported 6,146 t of rare-earth magnets, 10.2% more than in July 2025. \
             By destination: European Union 2,582 t (42.0%, Germany 1,346 t of it), United States 590 t (9.6%). \
             2,974 t (48.4%) is not itemised by destination."
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
             customs publishes these months only together, so there is no month-on-month change. \
             By destination: United States 994 t (9.2%). 9,769 t (90.8%) is not itemised by destination."
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
    use crate::core::text::i18n::{activate, Catalogue, Lang};

    #[test]
    fn the_noscript_summary_is_the_default_month_with_its_sources() {
        let page = include_str!("../../../index.html");
        let noscript = page
            .split("<noscript>")
            .nth(1)
            .and_then(|rest| rest.split("</noscript>").next())
            .expect("index.html has a noscript block");
        let dataset = Dataset::embedded().unwrap();
        let view = SeriesView::new(&dataset, Series::Magnets);
        let latest = view.landing_month().unwrap();
        let flows = view.month_flows(latest);
        // A reader without JavaScript reads it in their own language too:
        // one section per language, each the app's own sentence.
        for (lang, catalogue) in [
            (Lang::En, ""),
            (Lang::Ko, include_str!("../../../public/i18n/ko.tsv")),
            (Lang::Mn, include_str!("../../../public/i18n/mn.tsv")),
        ] {
            activate(lang, Catalogue::parse(catalogue).unwrap());
            let sentence = super::summary(&view, &flows);
            activate(Lang::En, Catalogue::default());
            let section = noscript
                .split(&format!(r#"<section lang="{}">"#, lang.slug()))
                .nth(1)
                .and_then(|rest| rest.split("</section>").next())
                .unwrap_or_else(|| panic!("noscript has no {lang:?} section"));
            assert!(
                section.contains(&sentence),
                "the {lang:?} section should say: {sentence}"
            );
            assert!(
                section.contains(&dataset.facts.len().to_string()),
                "{lang:?} counts the facts"
            );
        }
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
