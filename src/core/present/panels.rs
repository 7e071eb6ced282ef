//! The analysis panels as tables: claims check, supply-chain structure,
//! capacity against flows, A against B and the trend of a flow. Every
//! figure is a link to its source; every gap is said in words.

use crate::core::analysis::capacity::{
    against_imports, market_imports, plants, Status as PlantStatus,
};
use crate::core::analysis::claims::{check_claims, Status};
use crate::core::analysis::compare::{CompareRow, Reading, Side};
use crate::core::analysis::series::{ChangeKind, SeriesView};
use crate::core::analysis::structure::{by_country, china_stages, mongolia_reserves, Measure};
use crate::core::analysis::trend::{rolling_twelve, year_to_date};
use crate::core::data::country;
use crate::core::data::dataset::{Dataset, Fact, Standing};
use crate::core::data::period::Month;
use crate::core::data::units::{decimal, format_change, month_short, one_decimal, Unit};
use crate::core::present::table::file_slug;
use crate::core::present::table::{Cell, Row, Span, Table};
use crate::core::text::labels::metric_label;
use crate::core::text::names::place_name;

fn text(value: impl Into<String>) -> Cell {
    vec![Span::text(value)]
}

fn or_undated(period: &str) -> String {
    if period.is_empty() {
        crate::t!(year_not_stated: "year not stated")
    } else {
        period.to_string()
    }
}

pub fn claims_table(dataset: &Dataset) -> Table {
    let rows = check_claims(dataset)
        .into_iter()
        .map(|check| {
            let badge = match check.status {
                Status::Matches => crate::t!(matches: "✓ Matches"),
                Status::Differs => crate::t!(differs: "≠ Differs"),
                Status::Unchecked => crate::t!(cannot_checked: "? Cannot be checked"),
            };
            let mut evidence = Vec::new();
            for (i, e) in check.evidence.iter().enumerate() {
                if i > 0 {
                    evidence.push(Span::text("; "));
                }
                evidence.push(Span::Strong(format!("{}: ", e.label)));
                evidence.push(Span::text(format!("{} ", e.text)));
                for (j, fact) in e.facts.iter().enumerate() {
                    // A computation cites the month and its base month.
                    let label = if j == 0 {
                        crate::t!(source_lower: "source")
                    } else {
                        crate::t!(base_source: "base source")
                    };
                    evidence.push(Span::fact_as(fact, label));
                    evidence.push(Span::text(" "));
                }
            }
            if evidence.is_empty() {
                evidence.push(Span::text(crate::t!(nothing_data_check_against:
                    "Nothing in the data to check it against."
                )));
            }
            Row {
                cells: vec![
                    vec![Span::Badge {
                        class: check.status.slug(),
                        text: badge,
                    }],
                    vec![Span::Strong(check.what.clone())],
                    vec![Span::fact_as(check.claim, check.stated.clone())],
                    evidence,
                ],
                test_id: Some("claim"),
                status: Some(check.status.slug()),
                key: Some(check.claim.id.clone()),
            }
        })
        .collect();
    Table {
        slug: "claims".into(),
        caption: crate::t!(articles_numbers_against_data: "The article's numbers against the data"),
        head: vec![crate::t!(status: "Status"), crate::t!(claim: "Claim"), crate::t!(article_says: "The article says"), crate::t!(data_says: "The data says")],
        rows,
        note: Some(crate::t!(changes_computed_monthly_figures_compared: "Changes are computed from the monthly figures and compared at the precision the article printed.")),
    }
    .noting_contested([])
}

fn fact_rows<'a>(
    facts: impl Iterator<Item = &'a Fact>,
    label: impl Fn(&Fact) -> String,
    share_bar: bool,
) -> Vec<Row> {
    facts
        .map(|f| Row {
            cells: vec![
                text(label(f)),
                text(or_undated(&f.period_text)),
                if share_bar {
                    vec![Span::Bar { percent: f.value }, Span::fact(f)]
                } else {
                    vec![Span::fact(f)]
                },
                text(f.citation()),
            ],
            key: Some(f.id.clone()),
            ..Row::default()
        })
        .collect()
}

pub fn structure_tables(dataset: &Dataset) -> Vec<Table> {
    let mut stages = Vec::new();
    for stage in china_stages(dataset) {
        stages.extend(fact_rows(
            stage.reported.iter().copied(),
            |_| stage.name.clone(),
            true,
        ));
        stages.extend(fact_rows(
            stage.projected.iter().copied(),
            |_| crate::t!(projection: "{stage} (projection)", stage = stage.name),
            true,
        ));
    }
    let mut tables = vec![Table {
        slug: "stages".into(),
        caption: crate::t!(chinas_share_world_output_each: "China's share of world output at each stage"),
        head: vec![
            crate::t!(stage: "Stage"),
            crate::t!(year: "Year"),
            crate::t!(chinas_share: "China's share"),
            crate::t!(source: "Source"),
        ],
        rows: stages,
        note: Some(
            crate::t!(projections_labelled_such_sources_differ: "Projections are labelled as such; sources differ on years and on what counts as refining."),
        ),
    }];
    for measure in [Measure::MineProduction, Measure::Reserves] {
        let figures = by_country(dataset, measure);
        let largest = figures.first().map_or(1.0, |c| c.current.value.max(1.0));
        let rows = figures
            .into_iter()
            .map(|c| {
                let mut earlier = Vec::new();
                for e in &c.earlier {
                    if !earlier.is_empty() {
                        earlier.push(Span::text(" "));
                    }
                    let figure = [("figure", vec![Span::fact(e.fact)])];
                    earlier.extend(match e.revised_to {
                        Some(r) => Span::message(
                            crate::t!(mcs_earlier_revised:
                                "MCS 2024: {figure} for {period}, revised to {revised}.",
                                period = e.fact.period_text,
                                revised = r.unit.format(r.value)
                            ),
                            &figure,
                        ),
                        None => Span::message(
                            crate::t!(mcs_earlier: "MCS 2024: {figure} for {period}.", period = e.fact.period_text),
                            &figure,
                        ),
                    });
                }
                Row {
                    cells: vec![
                        text(country::display_name(c.code)),
                        vec![
                            Span::Bar {
                                percent: c.current.value / largest * 100.0,
                            },
                            Span::fact(c.current),
                        ],
                        earlier,
                    ],
                    key: Some(c.code.to_string()),
                    ..Row::default()
                }
            })
            .collect();
        tables.push(Table {
            slug: format!("usgs-{}", measure.slug()),
            caption: crate::t!(usgs_mineral_commodity_summaries_2025:
                "{measure} — USGS Mineral Commodity Summaries 2025",
                measure = measure.label()
            ),
            head: vec![
                crate::t!(country: "Country"),
                crate::t!(figure: "Figure"),
                crate::t!(earlier_edition: "Earlier edition"),
            ],
            rows,
            note: None,
        });
    }
    tables.push(Table {
        slug: "mongolia-reserves".into(),
        caption: crate::t!(mongolias_rare_earth_reserves_figures: "Mongolia's rare-earth reserves: the figures conflict"),
        head: vec![crate::t!(scope: "Scope"), crate::t!(year: "Year"), crate::t!(figure: "Figure"), crate::t!(source: "Source")],
        rows: fact_rows(mongolia_reserves(dataset).into_iter(), |f| format!("{} — {}", place_name(&f.subject), metric_label(&f.metric)), false),
        note: Some(crate::t!(sources_differ_order_magnitude_use: "Sources differ by an order of magnitude and use different categories (national, JORC, claimed); none is preferred.")),
    });
    tables
}

pub fn capacity_table(dataset: &Dataset, until: Month) -> Table {
    // The monthly figures each comparison averages, to say if one is contested.
    let mut averaged: Vec<&Fact> = Vec::new();
    let rows = plants(dataset)
        .into_iter()
        .map(|plant| {
            let imports = market_imports(dataset, plant.market, until);
            let market = country::display_name(plant.market);
            let comparison = match against_imports(&plant, &imports) {
                Err(refused) => refused.text(),
                Ok(Some((share, months))) => {
                    averaged.extend(imports.months.iter().copied());
                    let used: Vec<String> = imports.months.iter().filter_map(|f| f.period.as_month()).map(month_short).collect();
                    crate::tn!(chinas_average_monthly_exports_months: used.len();
                        one: "{share}% of China's average monthly exports to {market} ({count} month with data: {months}); a year of output equals {equal} months of them",
                        other: "{share}% of China's average monthly exports to {market} ({count} months with data: {months}); a year of output equals {equal} months of them",
                        share = one_decimal(share),
                        market = market,
                        months = used.join(", "),
                        equal = decimal(months, 1)
                    )
                }
                Ok(None) => crate::t!(no_monthly_figure_chinas_exports: "No monthly figure for China's exports to {market} up to {month}", market = market, month = month_short(until)),
            };
            let status = match plant.status {
                PlantStatus::Operating => "operating",
                PlantStatus::Planned => "planned",
            };
            Row {
                cells: vec![
                    text(place_name(&plant.fact.subject)),
                    text(country::display_name(plant.location)),
                    vec![Span::Badge { class: status, text: if status == "planned" { crate::t!(planned: "Planned") } else { crate::t!(operating: "Operating") } }],
                    vec![Span::fact(plant.fact)],
                    text(comparison),
                ],
                test_id: Some("plant"),
                status: Some(status),
                key: Some(plant.fact.id.clone()),
            }
        })
        .collect();
    Table {
        slug: "capacity".into(),
        caption: crate::t!(capacity_outside_china_against_chinas: "Capacity outside China against China's magnet exports to the same market"),
        head: vec![crate::t!(plant: "Plant"), crate::t!(where: "Where"), crate::t!(status: "Status"), crate::t!(capacity: "Capacity"), crate::t!(against_chinas_exports: "Against China's exports")],
        rows,
        note: Some(crate::t!(twelfth_yearly_capacity_against_average: "A twelfth of the yearly capacity against the average of the latest monthly figures (up to 12) through the month shown. Planned capacity is not output yet. Oxide, separation and alloy plants are listed but not compared: their tonnes are not magnets.")),
    }
    .noting_contested(averaged.iter().copied())
}

/// Every fact of the file, in use or not, grouped by place and topic: the
/// one table where a figure with no place of its own on the map is found,
/// and where a figure that is not used says which one is.
pub fn facts_table(dataset: &Dataset) -> Table {
    let mut facts: Vec<(String, &Fact)> = dataset
        .facts
        .iter()
        .map(|f| {
            (
                format!("{}\u{0}{}\u{0}{}", f.subject, f.metric, f.period_text),
                f,
            )
        })
        .collect();
    crate::core::data::order::sort_by(&mut facts, |a, b| a.0.cmp(&b.0));
    let rows = facts
        .into_iter()
        .map(|(_, f)| {
            let place = match &f.partner {
                Some(partner) => format!("{} → {}", place_name(&f.subject), place_name(partner)),
                None => place_name(&f.subject),
            };
            let (status, standing) = match &f.standing {
                Standing::Sole => ("sole", Cell::new()),
                Standing::Preferred { reason, .. } => ("preferred", text(reason.text())),
                Standing::Alternative { preferred } => {
                    let cell = match dataset.fact(preferred) {
                        Some(used) => Span::message(
                            crate::t!(not_used_figure_used:
                                "Not used; the figure used is {figure} ({citation}).",
                                citation = used.citation()
                            ),
                            &[("figure", vec![Span::fact_alone(used)])],
                        ),
                        None => text(crate::t!(not_used: "Not used.")),
                    };
                    ("alternative", cell)
                }
            };
            Row {
                cells: vec![
                    text(metric_label(&f.metric)),
                    text(place),
                    text(or_undated(&f.period_text)),
                    vec![Span::fact(f)],
                    standing,
                    text(f.citation()),
                ],
                test_id: Some("fact-row"),
                status: Some(status),
                key: Some(f.id.clone()),
            }
        })
        .collect();
    Table {
        slug: "facts".into(),
        caption: crate::t!(every_fact_data_place_topic: "Every fact in the data, by place and topic"),
        head: vec![
            crate::t!(figure: "Figure"),
            crate::t!(place: "Place"),
            crate::t!(period: "Period"),
            crate::t!(value: "Value"),
            crate::t!(standing: "Standing"),
            crate::t!(source: "Source"),
        ],
        rows,
        note: Some(
            crate::t!(where_two_pages_disagree_both: "Where two pages disagree, both rows are here: the one not used names the one that is, and it is never counted."),
        ),
    }
}

fn reading_cell(reading: Option<&Reading>) -> Cell {
    match reading {
        None => text(crate::t!(no_figure_lower: "no figure")),
        Some(r) if r.facts.len() == 1 => vec![Span::fact(r.facts[0])],
        Some(r) => {
            let mut cell = vec![Span::text(format!("{} = ", Unit::Tonnes.format(r.value)))];
            for (i, fact) in r.facts.iter().enumerate() {
                cell.push(Span::text(if i == 0 { "" } else { " − " }));
                cell.push(Span::fact(fact));
            }
            cell
        }
    }
}

fn share_cell(share: Option<f64>) -> Cell {
    text(share.map_or_else(|| "—".into(), |s| format!("{}%", one_decimal(s))))
}

pub fn compare_table(rows: &[CompareRow], a: &Side, b: &Side) -> Table {
    let both = rows.iter().filter(|r| r.difference().is_some()).count();
    Table {
        slug: file_slug(&format!("compare {} {}", a.slug(), b.slug())),
        caption: crate::t!(month_month: "{a} and {b}, month by month", a = a.label(), b = b.label()),
        head: vec![crate::t!(month: "Month"), a.label(), b.label(), "A − B".into(), "A ÷ B".into(), crate::t!(share_total: "A, share of total"), crate::t!(b_share_total: "B, share of total")],
        rows: rows
            .iter()
            .filter(|r| r.a.is_some() || r.b.is_some())
            .map(|r| Row {
                cells: vec![
                    text(month_short(r.month)),
                    reading_cell(r.a.as_ref()),
                    reading_cell(r.b.as_ref()),
                    text(r.difference().map_or_else(|| "—".into(), |d| Unit::Tonnes.format(d))),
                    text(r.ratio().map_or_else(|| "—".into(), |q| format!("{}×", decimal(q, 2)))),
                    share_cell(r.a_share),
                    share_cell(r.b_share),
                ],
                test_id: Some("compare-row"),
                key: Some(r.month.to_string()),
                status: None,
            })
            .collect(),
        note: Some(crate::t!(months_have_figures_both_only: "{both} months have figures for both; only those are compared. Months with neither are left out of the table.", both = both)),
    }
    .noting_contested([])
}

/// Month-on-month, year-on-year, year-to-date and rolling totals for a
/// single-figure side; `None` for a computed one.
pub fn trend_table(view: &SeriesView, side: &Side, month: Month) -> Option<Table> {
    let partner = side.partner()?;
    let month = month.plus_months(-side.lag);
    let change = |kind| match view.change(partner, month, kind) {
        Some(c) => Span::message(
            crate::t!(change_figure_against_base:
                "{change} ({current} against {base})",
                change = format_change(c.percent)
            ),
            &[
                ("current", vec![Span::fact(c.current)]),
                ("base", vec![Span::fact(c.base)]),
            ],
        ),
        None => text(crate::t!(not_computable_month_missing: "not computable: a month is missing")),
    };
    let missing = |months: &[Month]| {
        months
            .iter()
            .map(|m| month_short(*m))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let ytd = year_to_date(view, partner, month);
    let ytd_cell = match (ytd.sourced, ytd.summed.value) {
        (Some(fact), _) => Span::message(
            crate::t!(as_reported_for_period:
                "{figure} as reported for {period}",
                period = fact.period_text
            ),
            &[("figure", vec![Span::fact(fact)])],
        ),
        (None, Some(sum)) => text(crate::t!(summed_every_month:
            "{sum} summed from every month",
            sum = Unit::Tonnes.format(sum)
        )),
        (None, None) => text(crate::t!(no_reported_figure_not_summed:
            "No reported figure; not summed, missing {months}",
            months = missing(&ytd.summed.missing)
        )),
    };
    let rolling = rolling_twelve(view, partner, month);
    let rolling_cell = match rolling.value {
        Some(sum) => text(crate::tn!(monthly_records: rolling.facts.len();
            one: "{sum} from {count} monthly record",
            other: "{sum} from {count} monthly records",
            sum = Unit::Tonnes.format(sum)
        )),
        None => text(crate::t!(not_given_missing:
            "Not given, missing {months}",
            months = missing(&rolling.missing)
        )),
    };
    let row = |name: String, cell: Cell| Row::new(vec![text(name), cell]);
    Some(
        Table {
            slug: file_slug(&format!("trend {} {month}", side.slug())),
            caption: format!("{}, {}", side.label(), month_short(month)),
            head: vec![crate::t!(measure: "Measure"), crate::t!(value: "Value")],
            rows: vec![
                row(
                    crate::t!(month_on_month_title: "Month on month"),
                    change(ChangeKind::MonthOnMonth),
                ),
                row(
                    crate::t!(year_year: "Year on year"),
                    change(ChangeKind::YearOnYear),
                ),
                row(crate::t!(year_date: "Year to date"), ytd_cell),
                row(
                    crate::t!(rolling_12_months: "Rolling 12 months"),
                    rolling_cell,
                ),
            ],
            note: None,
        }
        .noting_contested(ytd.summed.facts.iter().chain(&rolling.facts).copied()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::analysis::compare::{compare, Pair};
    use crate::core::analysis::series::Series;

    fn plain(cell: &Cell) -> String {
        cell.iter()
            .map(|s| match s {
                Span::Text(t) | Span::Strong(t) => t.clone(),
                Span::Link { text, .. } => text.clone(),
                Span::Badge { text, .. } => text.clone(),
                Span::Bar { .. } => String::new(),
            })
            .collect()
    }

    #[test]
    fn the_claims_table_has_a_row_per_claim_with_its_status() {
        let dataset = Dataset::embedded().unwrap();
        let table = claims_table(&dataset);
        assert_eq!(table.rows.len(), 12);
        let us = table
            .rows
            .iter()
            .find(|r| r.key.as_deref() == Some("art-mag-chn-usa-mom-2025-08"))
            .unwrap();
        assert_eq!(us.status, Some("differs"));
        assert_eq!(plain(&us.cells[2]), "\u{2212}4.8%");
        assert!(plain(&us.cells[3])
            .contains("\u{2212}4.7%: 590 t in August 2025 against 619 t in July 2025"));
    }

    #[test]
    fn the_compare_table_shows_computed_remainders_with_their_inputs() {
        let dataset = Dataset::embedded().unwrap();
        let Pair { a, b } = Pair::parse("deu-rest-eu").unwrap();
        let table = compare_table(&compare(&dataset, Series::Magnets, &a, &b).unwrap(), &a, &b);
        let august = table
            .rows
            .iter()
            .find(|r| r.key.as_deref() == Some("2025-08"))
            .unwrap();
        assert_eq!(plain(&august.cells[2]), "1,236 t = 2,582 t − 1,346 t");
        assert_eq!(plain(&august.cells[3]), "110 t");
        let september = table
            .rows
            .iter()
            .find(|r| r.key.as_deref() == Some("2025-09"))
            .unwrap();
        assert_eq!(plain(&september.cells[2]), "no figure");
        assert_eq!(plain(&september.cells[3]), "—");
    }

    #[test]
    fn a_comparison_drawn_from_a_contested_figure_says_so() {
        let dataset = Dataset::embedded().unwrap();
        let contested = |table: &Table| {
            table
                .note
                .as_deref()
                .is_some_and(|n| n.contains("Computed from contested figures"))
        };
        // EU vs US includes June 2025, where Kyodo's 352 t for the US is
        // used over Trading Economics' 353 t (SOURCES.md §7).
        let Pair { a, b } = Pair::parse("eu-us").unwrap();
        let rows = compare(&dataset, Series::Magnets, &a, &b).unwrap();
        assert!(contested(&compare_table(&rows, &a, &b)));
        let before_june: Vec<_> = rows
            .into_iter()
            .filter(|r| r.month < Month::parse("2025-06").unwrap())
            .collect();
        assert!(!contested(&compare_table(&before_june, &a, &b)));
        // A rolling sum over June 2025's total (3,187 t used, 3,188 t also
        // reported) says so though the sum shows no figure of its own.
        let view = SeriesView::new(&dataset, Series::Magnets);
        let total = Side::parse("total").unwrap();
        let trend = trend_table(&view, &total, Month::parse("2025-07").unwrap()).unwrap();
        assert!(contested(&trend));
    }

    #[test]
    fn the_trend_of_the_total_names_its_gaps() {
        let dataset = Dataset::embedded().unwrap();
        let view = SeriesView::new(&dataset, Series::Magnets);
        let table = trend_table(
            &view,
            &Side::parse("total").unwrap(),
            Month::parse("2025-08").unwrap(),
        )
        .unwrap();
        let cells: Vec<String> = table.rows.iter().map(|r| plain(&r.cells[1])).collect();
        assert_eq!(cells[0], "+10.2% (6,146 t against 5,577 t)");
        assert!(
            cells[2].ends_with("not summed, missing Feb 2025"),
            "{}",
            cells[2]
        );
        assert_eq!(cells[3], "Not given, missing Nov 2024, Dec 2024, Feb 2025");
        assert!(trend_table(
            &view,
            &Side::parse("EU27-DEU").unwrap(),
            Month::parse("2025-08").unwrap()
        )
        .is_none());
    }

    #[test]
    fn the_facts_table_holds_every_row_of_the_file_and_names_the_figure_used() {
        let dataset = Dataset::embedded().unwrap();
        let table = facts_table(&dataset);
        // The research file's own row count (SOURCES.md: 604 facts).
        assert_eq!(table.rows.len(), 604);
        let row = |id: &str| {
            table
                .rows
                .iter()
                .find(|r| r.key.as_deref() == Some(id))
                .unwrap_or_else(|| panic!("{id}"))
        };
        // SOURCES.md §7: Jun 2025's US figure, Kyodo's 352 t over Trading
        // Economics' 353 t.
        let used = row("mag-chn-usa-2025-06-kyodo");
        assert_eq!(used.status, Some("preferred"));
        assert_eq!(plain(&used.cells[3]), "352 t");
        let other = row("mag-chn-usa-2025-06");
        assert_eq!(other.status, Some("alternative"));
        assert_eq!(plain(&other.cells[3]), "353 t");
        assert!(
            plain(&other.cells[4]).starts_with("Not used; the figure used is 352 t (Kyodo"),
            "{}",
            plain(&other.cells[4])
        );
        // The figure used is named alone, not with the figure of this row.
        assert!(matches!(&other.cells[4][1], Span::Link { also, .. } if also.is_empty()));
        // A metric with no place on the map is still a row.
        assert_eq!(plain(&row("cap-cu-mng-ot-2028").cells[3]), "500,000 t/yr");
        let statuses = |s: &str| table.rows.iter().filter(|r| r.status == Some(s)).count();
        assert_eq!(
            statuses("alternative"),
            dataset.facts.iter().filter(|f| !f.is_in_use()).count()
        );
        assert!(
            statuses("alternative") >= 26,
            "SOURCES.md: 26 keys disagree"
        );
    }

    #[test]
    fn capacity_rows_are_labelled_operating_or_planned() {
        let dataset = Dataset::embedded().unwrap();
        let table = capacity_table(&dataset, Month::parse("2026-03").unwrap());
        let narva = table
            .rows
            .iter()
            .find(|r| r.key.as_deref() == Some("cap-mag-neo-narva-ph1"))
            .unwrap();
        assert_eq!(narva.status, Some("operating"));
        assert!(plain(&narva.cells[4])
            .contains("5 months with data: Jun 2025, Jul 2025, Aug 2025, Oct 2025, Nov 2025"));
        assert!(table.rows.iter().any(|r| r.status == Some("planned")));
        let silmet = table
            .rows
            .iter()
            .find(|r| r.key.as_deref() == Some("cap-sep-neo-silmet"))
            .unwrap();
        assert!(plain(&silmet.cells[4]).starts_with(
            "Not compared: tonnes of rare-earth oxide (REO) against tonnes of magnets."
        ));
    }

    #[test]
    fn structure_tables_cover_stages_production_reserves_and_mongolia() {
        let dataset = Dataset::embedded().unwrap();
        let tables = structure_tables(&dataset);
        assert_eq!(tables.len(), 4);
        assert!(tables[0]
            .rows
            .iter()
            .any(|r| plain(&r.cells[0]).ends_with("(projection)")));
        let china = tables[1]
            .rows
            .iter()
            .find(|r| r.key.as_deref() == Some("CHN"))
            .unwrap();
        assert!(plain(&china.cells[2]).contains("240,000 t for 2023, revised to 255,000 t"));
        // Each figure is drawn as a bar too, the largest full width.
        assert_eq!(china.cells[1][0], Span::Bar { percent: 100.0 });
        let usa = tables[1]
            .rows
            .iter()
            .find(|r| r.key.as_deref() == Some("USA"))
            .unwrap();
        assert_eq!(
            usa.cells[1][0],
            Span::Bar {
                percent: 45000.0 / 270000.0 * 100.0
            }
        );
    }
}
