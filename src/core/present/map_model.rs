//! Everything the map and its side panel show for one series and month, as
//! plain owned values: labels already formatted, arcs already drawn, each
//! figure with its source. Components only render this.

use crate::core::analysis::claims::Status;
use crate::core::analysis::concentration::concentration;
use crate::core::analysis::series::{Change, ChangeKind, Flow, Series, SeriesView, EXPORTER};
use crate::core::analysis::structure::{by_country, Measure};
use crate::core::data::country::{self, EU27};
use crate::core::data::dataset::Dataset;
use crate::core::data::period::Month;
use crate::core::data::units::{format_change, group_thousands, month_long, one_decimal, Unit};
use crate::core::geo::geometry::{coordinates, Arc, WidthScale};
use crate::core::geo::labels::{place, text_width, Rect};
use crate::core::geo::projection::Miller;
use crate::core::present::figures::{Figure, SourceRef};
use crate::core::present::summary::{headline, more_or_less, summary};

/// Widest ribbon, in map units, for the largest flow of the series.
pub const MAX_FLOW_WIDTH: f64 = 18.0;

/// A change computed from two figures, or the reason there is none, plus
/// what sources state, so a reader sees both when they differ.
#[derive(Clone, Debug, PartialEq)]
pub struct ChangeModel {
    pub kind_label: String,
    /// "−4.7%", or `None` when a figure is missing.
    pub computed: Option<String>,
    /// "590 t in August 2025 against 619 t in July 2025", or "No figure for July 2025".
    pub basis: String,
    pub base_source: Option<SourceRef>,
    pub stated: Vec<StatedModel>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct StatedModel {
    pub label: String,
    pub publisher: String,
    /// Matches, differs, or cannot be checked against the computed change.
    pub agreement: Status,
    pub source: SourceRef,
}

#[derive(Clone, Debug, PartialEq)]
pub struct FlowModel {
    pub partner: String,
    pub partner_name: String,
    pub month_label: String,
    /// What a screen reader hears when the flow gets focus: "China to South
    /// Korea, September 2025: 854 tonnes, no August 2025 figure".
    pub announcement: String,
    pub figure: Figure,
    pub width: f64,
    pub ribbon: String,
    /// The arc's centre line: a wide, invisible touch target along it.
    pub centre_line: String,
    /// Point near the middle of the arc, for the tooltip.
    pub anchor: (f64, f64),
    /// "Part of the EU flow" when the figure is inside another one.
    pub part_of: Option<String>,
    pub changes: Vec<ChangeModel>,
    /// Where the arc's tonnes are written.
    pub label: FlowLabel,
}

/// An arc's tonnes on the map, clear of the cities' names and of the
/// other arcs' tonnes.
#[derive(Clone, Debug, PartialEq)]
pub struct FlowLabel {
    /// The text's centre and baseline.
    pub x: f64,
    pub y: f64,
    /// A line from the arc to a label set away from it.
    pub leader: Option<String>,
}

/// Font size of an arc's tonnes, in map units (style/main.css, `.flow-label`).
pub const FLOW_LABEL_SIZE: f64 = 11.0;

/// Places the tonnes of each drawn arc, the largest first so that it gets
/// the spot nearest its arc.
fn flow_labels(
    drawn: &[(&Flow, Arc)],
    places: &[PlaceLabel],
    projection: &Miller,
) -> Vec<FlowLabel> {
    let frame = Rect {
        left: 0.0,
        top: 0.0,
        right: projection.width,
        bottom: projection.height,
    };
    let mut taken: Vec<Rect> = places.iter().flat_map(PlaceLabel::rects).collect();
    let mut order: Vec<usize> = (0..drawn.len()).collect();
    crate::core::data::order::sort_by(&mut order, |a, b| {
        drawn[*b].0.fact.value.total_cmp(&drawn[*a].0.fact.value)
    });
    let mut labels = vec![None; drawn.len()];
    for i in order {
        let (flow, arc) = &drawn[i];
        let anchor = arc.point(0.5);
        let text = flow.fact.unit.format(flow.fact.value);
        let placed = place(
            anchor,
            text_width(&text, FLOW_LABEL_SIZE, true),
            FLOW_LABEL_SIZE,
            &taken,
            &frame,
        );
        taken.push(placed.rect);
        let leader = placed.leader.then(|| {
            // The label's nearest point; max/min, not f64::clamp (see zoom.rs).
            let r = placed.rect;
            let end = (
                anchor.0.max(r.left).min(r.right),
                anchor.1.max(r.top).min(r.bottom),
            );
            format!("M{}L{}", coordinates(anchor), coordinates(end))
        });
        labels[i] = Some(FlowLabel {
            x: placed.x,
            y: placed.y,
            leader,
        });
    }
    labels.into_iter().flatten().collect()
}

#[derive(Clone, Debug, PartialEq)]
pub struct MissingFlowModel {
    pub partner: String,
    pub partner_name: String,
    pub trace: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct PlaceLabel {
    pub code: String,
    pub name: String,
    pub x: f64,
    pub y: f64,
    pub in_story: bool,
    /// The name is set larger and bold: the place has a figure this month
    /// (China, the exporter, always), so a reader finds the month's
    /// destinations among the other names.
    pub with_figure: bool,
    /// Where the name sits around its dot, chosen so that names clear each
    /// other and the other dots (`place_names`).
    pub side: NameSide,
}

/// A name's place around its city's dot.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum NameSide {
    AboveRight,
    BelowRight,
    AboveLeft,
    BelowLeft,
}

impl NameSide {
    /// Story names above their city, the others below (Berlin's label then
    /// clears Brussels', Tokyo's clears Seoul's), then the other corners.
    fn preferred(in_story: bool) -> [NameSide; 4] {
        use NameSide::*;
        if in_story {
            [AboveRight, BelowRight, AboveLeft, BelowLeft]
        } else {
            [BelowRight, AboveRight, BelowLeft, AboveLeft]
        }
    }

    /// The text ends at its anchor (SVG `text-anchor="end"`).
    pub fn ends_at_anchor(self) -> bool {
        matches!(self, NameSide::AboveLeft | NameSide::BelowLeft)
    }
}

impl PlaceLabel {
    /// Where the name's anchor and baseline are.
    pub fn text_at(&self) -> (f64, f64) {
        let above = matches!(self.side, NameSide::AboveRight | NameSide::AboveLeft);
        let baseline = if above {
            self.y - 4.0
        } else {
            self.y + self.size()
        };
        let x = if self.side.ends_at_anchor() {
            self.x - 4.0
        } else {
            self.x + 4.0
        };
        (x, baseline)
    }

    /// Font size in map units, as style/main.css sets it (`.place text`).
    pub fn size(&self) -> f64 {
        if self.with_figure {
            13.0
        } else {
            11.0
        }
    }

    fn name_rect(&self) -> Rect {
        let (x, baseline) = self.text_at();
        let width = text_width(&self.name, self.size(), self.with_figure);
        let left = if self.side.ends_at_anchor() {
            x - width
        } else {
            x
        };
        Rect::of_text(left, baseline, width, self.size())
    }

    fn dot_rect(&self) -> Rect {
        Rect {
            left: self.x - 3.0,
            top: self.y - 3.0,
            right: self.x + 3.0,
            bottom: self.y + 3.0,
        }
    }

    /// The boxes the name and the dot take, which other labels keep clear of.
    pub fn rects(&self) -> [Rect; 2] {
        [self.name_rect(), self.dot_rect()]
    }

    pub fn of(place: &country::Country, projection: &Miller) -> PlaceLabel {
        let (x, y) = projection.project(place.anchor.0, place.anchor.1);
        PlaceLabel {
            code: place.code.to_string(),
            name: country::display_name(place.code),
            x,
            y,
            in_story: place.in_story,
            with_figure: place.in_story,
            side: NameSide::preferred(place.in_story)[0],
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct LegendEntry {
    pub label: String,
    pub width: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct MapModel {
    pub series: Series,
    pub month: Month,
    pub month_label: String,
    pub has_data: bool,
    pub total: Option<Figure>,
    pub total_changes: Vec<ChangeModel>,
    pub flows: Vec<FlowModel>,
    pub missing: Vec<MissingFlowModel>,
    /// Every destination the series names, in the series' order, whether or
    /// not it has a figure this month: the same for every month, so marks
    /// keyed by it are shown and hidden, never created and disposed.
    pub partners: Vec<String>,
    /// Total minus the destinations it names, counting the EU once.
    pub not_itemised: Option<String>,
    pub legend: Vec<LegendEntry>,
    /// The series' largest destination figure over all its months, in
    /// tonnes: a full bar of the phone's bar list, so that its bars, like
    /// the arcs' widths, compare from one month to the next.
    pub bar_scale: f64,
    pub places: Vec<PlaceLabel>,
    /// The month in one line, above the map and atop a downloaded picture.
    pub headline: String,
    /// The month in one sentence, for everyone and for screen readers.
    pub summary: String,
    /// "EU 42.0%, United States 9.6%; HHI 1,857 (itemised destinations only)".
    pub concentration: Option<String>,
}

impl MapModel {
    /// The length of a bar for `tonnes`, 0 to 1 of the series' scale.
    pub fn bar_length(&self, tonnes: f64) -> f64 {
        bar_length(tonnes, self.bar_scale)
    }

    /// The series' destinations in the order a table of the month reads
    /// them: by tonnes, largest first, a member state right under the EU
    /// figure it is part of, then the destinations without a figure this
    /// month in the series' order. Every destination once, so rows keyed by
    /// it are moved, never created or disposed.
    pub fn table_order(&self) -> Vec<String> {
        let mut drawn: Vec<&FlowModel> =
            self.flows.iter().filter(|f| f.part_of.is_none()).collect();
        crate::core::data::order::sort_by(&mut drawn, |a, b| {
            b.figure.value.total_cmp(&a.figure.value)
        });
        let mut order: Vec<String> = Vec::new();
        for whole in drawn {
            order.push(whole.partner.clone());
            for part in self
                .flows
                .iter()
                .filter(|f| f.part_of.is_some() && shape_group(&f.partner) == whole.partner)
            {
                order.push(part.partner.clone());
            }
        }
        for partner in &self.partners {
            if !order.contains(partner) {
                order.push(partner.clone());
            }
        }
        order
    }
}

/// The change of one kind, computed once: the tooltip, the announcement,
/// the stated-change check and the totals all read this.
fn change_model(
    view: &SeriesView,
    partner: Option<&str>,
    month: Month,
    kind: ChangeKind,
    change: Option<&Change>,
) -> ChangeModel {
    let kind_label = match kind {
        ChangeKind::MonthOnMonth => crate::t!(month_before: "On the month before"),
        ChangeKind::YearOnYear => crate::t!(change_on_a_year_earlier_title: "On a year earlier"),
    };
    let basis = crate::core::analysis::claims::change_basis(view, partner, month, kind, change);
    let stated = view
        .stated_changes_against(partner, month, kind, change.map(|c| c.percent))
        .into_iter()
        .map(|s| StatedModel {
            label: s.fact.stated_change(),
            publisher: s.fact.source.cited(),
            agreement: Status::of_change(change.map(|c| c.percent), s.fact),
            source: SourceRef::of(s.fact),
        })
        .collect();
    ChangeModel {
        kind_label,
        computed: change.map(|c| format_change(c.percent)),
        basis,
        base_source: change.map(|c| SourceRef::of(c.base)),
        stated,
    }
}

/// Where a country's flows start or end, in map units.
pub fn project(projection: &Miller, code: &str) -> Option<(f64, f64)> {
    let (lon, lat) = country::lookup(code)?.anchor;
    Some(projection.project(lon, lat))
}

fn announce(flow: &Flow, month: Month, month_on_month: Option<&Change>) -> String {
    let change = match month_on_month {
        Some(c) => more_or_less(c.percent, month.previous()),
        None => crate::t!(no_figure: "no {month} figure", month = month_long(month.previous())),
    };
    crate::t!(china_tonnes:
        "China to {country}, {month}: {tonnes} tonnes, {change}",
        country = country::display_name(flow.partner),
        month = month_long(month),
        tonnes = group_thousands(flow.fact.value),
        change = change
    )
}

/// Each name on the first side, in its preferred order, where it covers no
/// name already placed and no other city's dot; story places first, since
/// a reader looks for them. A name with no free side keeps its first one.
/// (Before, every name sat at a fixed corner: "European Union" covered
/// Berlin's dot and touched "Germany", in English and in Korean.)
pub fn place_names(mut places: Vec<PlaceLabel>) -> Vec<PlaceLabel> {
    let dots: Vec<Rect> = places.iter().map(PlaceLabel::dot_rect).collect();
    let mut order: Vec<usize> = (0..places.len()).collect();
    crate::core::data::order::sort_by(&mut order, |a, b| {
        places[*b].in_story.cmp(&places[*a].in_story)
    });
    let mut names: Vec<Rect> = Vec::new();
    for i in order {
        let sides = NameSide::preferred(places[i].in_story);
        let free = sides.into_iter().find(|&side| {
            let name = PlaceLabel {
                side,
                ..places[i].clone()
            }
            .name_rect();
            names.iter().all(|n| !n.overlaps(&name))
                && dots
                    .iter()
                    .enumerate()
                    .all(|(d, dot)| d == i || !dot.overlaps(&name))
        });
        places[i].side = free.unwrap_or(sides[0]);
        names.push(places[i].name_rect());
    }
    places
}

/// A bar's length for `tonnes` where `scale` tonnes fill it: 0 to 1, a
/// figure above the scale (a combined period's) capped at a full bar.
pub fn bar_length(tonnes: f64, scale: f64) -> f64 {
    if scale > 0.0 {
        (tonnes / scale).clamp(0.0, 1.0)
    } else {
        0.0
    }
}

pub fn map_model(view: &SeriesView, month: Month, projection: &Miller) -> MapModel {
    let series = view.series();
    let month_flows = view.month_flows(month);
    let scale = WidthScale {
        max_tonnes: view.largest_flow().unwrap_or(0.0),
        max_width: MAX_FLOW_WIDTH,
    };
    let origin = project(projection, EXPORTER);
    let arc_to = |partner: &str| Arc::between(origin?, project(projection, partner)?);
    // Both kinds of change for a destination (or the total), and the
    // month-on-month one again for the announcement, from one computation.
    let changes = |partner: Option<&str>| {
        let mom = view.change(partner, month, ChangeKind::MonthOnMonth);
        let yoy = view.change(partner, month, ChangeKind::YearOnYear);
        (
            vec![
                change_model(view, partner, month, ChangeKind::MonthOnMonth, mom.as_ref()),
                change_model(view, partner, month, ChangeKind::YearOnYear, yoy.as_ref()),
            ],
            mom,
        )
    };

    let places: Vec<PlaceLabel> = country::COUNTRIES
        .iter()
        .filter(|c| {
            c.in_story
                || month_flows.flow(c.code).is_some()
                || month_flows.missing.contains(&c.code)
        })
        .map(|c| PlaceLabel {
            with_figure: c.code == EXPORTER || month_flows.flow(c.code).is_some(),
            ..PlaceLabel::of(c, projection)
        })
        .collect();
    let places = place_names(places);
    let drawn: Vec<(&Flow, Arc)> = month_flows
        .flows
        .iter()
        .filter_map(|flow| Some((flow, arc_to(flow.partner)?)))
        .collect();
    let labels = flow_labels(&drawn, &places, projection);
    let flows = drawn
        .iter()
        .zip(labels)
        .map(|((flow, arc), label)| {
            let width = scale.width(flow.fact.value);
            let (changes, mom) = changes(Some(flow.partner));
            FlowModel {
                partner: flow.partner.to_string(),
                partner_name: country::display_name(flow.partner).to_string(),
                month_label: month_flows.label(),
                announcement: announce(flow, month, mom.as_ref()),
                figure: Figure::of(flow.fact),
                width,
                ribbon: arc.tapered_ribbon(width),
                centre_line: arc.centre_line(),
                anchor: arc.point(0.5),
                part_of: flow.part_of.map(|whole| {
                    let whole_figure = month_flows
                        .flow(whole)
                        .map(|f| f.fact.unit.format(f.fact.value))
                        .unwrap_or_default();
                    crate::t!(part_flow_counted_once_inside:
                        "Part of the {whole} flow ({figure}); counted once, inside it.",
                        whole = country::display_name(whole),
                        figure = whole_figure
                    )
                }),
                changes,
                label,
            }
        })
        .collect();
    let missing = month_flows
        .missing
        .iter()
        .filter_map(|partner| {
            Some(MissingFlowModel {
                partner: partner.to_string(),
                partner_name: country::display_name(partner).to_string(),
                trace: arc_to(partner)?.centre_line(),
            })
        })
        .collect();

    let concentration = concentration(&month_flows).map(|c| {
        let shares: Vec<String> =
            c.shares.iter().map(|(code, share)| format!("{} {}%", country::display_name(code), one_decimal(*share))).collect();
        match c.hhi {
            Some(hhi) => crate::t!(shares_total_herfindahl_hirschman_index:
                "Shares of the total: {shares}. Herfindahl–Hirschman index over these destinations: {hhi}; the {rest}% not itemised is left out.",
                shares = shares.join(", "),
                hhi = group_thousands(hhi.round()),
                rest = one_decimal(c.not_itemised_share)
            ),
            None => crate::t!(shares_total_too_few_for_an_index:
                "Shares of the total: {shares}; the {rest}% not itemised is left out. With fewer than three destinations itemised, no concentration index is given.",
                shares = shares.join(", "),
                rest = one_decimal(c.not_itemised_share)
            ),
        }
    });
    MapModel {
        headline: headline(view, &month_flows),
        summary: summary(view, &month_flows),
        concentration,
        series,
        month,
        month_label: month_flows.label(),
        has_data: month_flows.has_any_data(),
        total: month_flows.total.map(Figure::of),
        total_changes: if month_flows.total.is_some() {
            changes(None).0
        } else {
            Vec::new()
        },
        partners: view
            .destinations()
            .into_iter()
            .filter(|p| arc_to(p).is_some())
            .map(str::to_string)
            .collect(),
        bar_scale: scale.max_tonnes,
        flows,
        missing,
        not_itemised: month_flows
            .not_itemised()
            .map(|rest| Unit::Tonnes.format(rest)),
        legend: scale
            .legend_values()
            .into_iter()
            .map(|tonnes| LegendEntry {
                label: Unit::Tonnes.format(tonnes),
                width: scale.width(tonnes),
            })
            .collect(),
        places,
    }
}

/// The EU is one destination: its members' shapes are drawn as part of it.
pub fn shape_group(code: &str) -> &str {
    if country::is_eu_member(code) {
        EU27
    } else {
        code
    }
}

/// A proportional symbol of the map layer: area proportional to the value.
#[derive(Clone, Debug, PartialEq)]
pub struct Symbol {
    pub code: String,
    pub x: f64,
    pub y: f64,
    pub radius: f64,
    pub title: String,
}

/// Largest symbol radius, in map units.
pub const MAX_SYMBOL_RADIUS: f64 = 40.0;

pub fn layer_symbols(dataset: &Dataset, measure: Measure, projection: &Miller) -> Vec<Symbol> {
    let figures = by_country(dataset, measure);
    let largest = figures.first().map_or(0.0, |f| f.current.value);
    figures
        .iter()
        .filter(|f| f.current.value > 0.0 && largest > 0.0)
        .filter_map(|f| {
            let (x, y) = project(projection, f.code)?;
            Some(Symbol {
                code: f.code.to_string(),
                x,
                y,
                radius: (f.current.value / largest).sqrt() * MAX_SYMBOL_RADIUS,
                title: format!(
                    "{}: {} ({})",
                    country::display_name(f.code),
                    f.current.unit.format(f.current.value),
                    f.current.source.cited()
                ),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::geo::labels::{text_width, Rect};

    #[test]
    fn every_month_keys_its_marks_by_the_same_partners_each_drawn_or_traced() {
        let dataset = Dataset::embedded().unwrap();
        let projection = Miller::basemap();
        let models: Vec<MapModel> = Month::range(
            Month::parse("2024-02").unwrap(),
            Month::parse("2026-03").unwrap(),
        )
        .map(|m| map_model(&SeriesView::new(&dataset, Series::Magnets), m, &projection))
        .collect();
        let first = &models[0].partners;
        // The destinations of facts.csv's monthly magnet rows (SOURCES.md §7.1).
        let mut sorted = first.clone();
        sorted.sort();
        assert_eq!(
            sorted,
            ["DEU", "EU27", "IND", "JPN", "KOR", "USA", "VNM"].map(String::from)
        );
        for model in &models {
            assert_eq!(&model.partners, first, "{}", model.month);
            for partner in first {
                let drawn = model.flows.iter().any(|f| &f.partner == partner);
                let traced = model.missing.iter().any(|m| &m.partner == partner);
                assert!(
                    drawn != traced,
                    "{partner} in {}: drawn {drawn}, traced {traced}",
                    model.month
                );
            }
        }
    }

    fn august() -> MapModel {
        let dataset = Dataset::embedded().unwrap();
        map_model(
            &SeriesView::new(&dataset, Series::Magnets),
            Month::parse("2025-08").unwrap(),
            &Miller::basemap(),
        )
    }

    #[test]
    fn august_2025_draws_the_reported_destinations_with_their_tonnes() {
        let model = august();
        let mut drawn: Vec<(&str, f64)> = model
            .flows
            .iter()
            .map(|f| (f.partner.as_str(), f.figure.value))
            .collect();
        drawn.sort_by(|a, b| a.0.cmp(b.0));
        assert_eq!(drawn, [("DEU", 1346.0), (EU27, 2582.0), ("USA", 590.0)]);
        assert_eq!(model.total.as_ref().unwrap().label, "6,146 t");
        assert_eq!(model.not_itemised.as_deref(), Some("2,974 t"));
        let eu = model.flows.iter().find(|f| f.partner == EU27).unwrap();
        assert_eq!(
            eu.width, MAX_FLOW_WIDTH,
            "the EU's 2,582 t is the largest flow of the series"
        );
        assert!(model
            .flows
            .iter()
            .find(|f| f.partner == "DEU")
            .unwrap()
            .part_of
            .as_deref()
            .unwrap()
            .contains("2,582 t"));
    }

    #[test]
    fn a_focused_flow_is_announced_with_its_change_or_the_missing_month() {
        let model = august();
        let us = model.flows.iter().find(|f| f.partner == "USA").unwrap();
        assert_eq!(
            us.announcement,
            "China to United States, August 2025: 590 tonnes, 4.7% less than in July 2025"
        );
        let dataset = Dataset::embedded().unwrap();
        let september = map_model(
            &SeriesView::new(&dataset, Series::Magnets),
            Month::parse("2025-09").unwrap(),
            &Miller::basemap(),
        );
        let korea = september.flows.iter().find(|f| f.partner == "KOR").unwrap();
        assert_eq!(
            korea.announcement,
            "China to South Korea, September 2025: 854 tonnes, no August 2025 figure"
        );
    }

    #[test]
    fn the_names_set_bold_are_the_places_with_a_figure_this_month() {
        let dataset = Dataset::embedded().unwrap();
        let view = SeriesView::new(&dataset, Series::Magnets);
        for text in ["2025-08", "2025-12"] {
            let month = Month::parse(text).unwrap();
            let model = map_model(&view, month, &Miller::basemap());
            // From the data file's own figures, not the model's flows.
            let mut with_figure: Vec<&str> = dataset
                .figures()
                .filter(|f| f.metric == "magnet_exports" && f.period.as_month() == Some(month))
                .filter_map(|f| f.partner.as_deref())
                .chain([EXPORTER])
                .collect();
            with_figure.sort_unstable();
            let mut bold: Vec<&str> = model
                .places
                .iter()
                .filter(|p| p.with_figure)
                .map(|p| p.code.as_str())
                .collect();
            bold.sort_unstable();
            with_figure.retain(|code| model.places.iter().any(|p| p.code == *code));
            with_figure.dedup();
            assert_eq!(bold, with_figure, "{text}");
        }
    }

    #[test]
    fn missing_destinations_get_a_trace_not_a_zero_arc() {
        let model = august();
        let missing: Vec<&str> = model.missing.iter().map(|m| m.partner.as_str()).collect();
        assert!(missing.contains(&"KOR") && missing.contains(&"JPN"));
        assert!(model.flows.iter().all(|f| f.figure.value > 0.0));
    }

    #[test]
    fn the_us_flow_shows_the_computed_and_both_stated_changes() {
        let model = august();
        let us = model.flows.iter().find(|f| f.partner == "USA").unwrap();
        let mom = &us.changes[0];
        assert_eq!(mom.computed.as_deref(), Some("\u{2212}4.7%"));
        assert_eq!(mom.basis, "590 t in August 2025 against 619 t in July 2025");
        let stated: Vec<(&str, Status)> = mom
            .stated
            .iter()
            .map(|s| (s.label.as_str(), s.agreement))
            .collect();
        assert!(stated.contains(&("\u{2212}4.8%", Status::Differs)));
        assert!(stated.contains(&("\u{2212}4.7%", Status::Matches)));
        let yoy = &us.changes[1];
        assert_eq!(yoy.computed, None);
        assert_eq!(yoy.basis, "No figure for August 2024 in the data");
        assert_eq!(
            yoy.stated[0].agreement,
            Status::Unchecked,
            "Reuters' −11.8% cannot be checked without Aug 2024"
        );
    }

    #[test]
    fn a_month_without_data_says_so_and_draws_nothing() {
        let dataset = Dataset::embedded().unwrap();
        let model = map_model(
            &SeriesView::new(&dataset, Series::Magnets),
            Month::parse("2024-06").unwrap(),
            &Miller::basemap(),
        );
        assert!(
            !model.has_data
                && model.flows.is_empty()
                && model.total.is_none()
                && model.not_itemised.is_none()
        );
        assert!(!model.missing.is_empty());
    }

    #[test]
    fn layer_symbol_areas_are_proportional_to_the_values() {
        let dataset = Dataset::embedded().unwrap();
        let symbols = layer_symbols(&dataset, Measure::MineProduction, &Miller::basemap());
        let radius = |code: &str| symbols.iter().find(|s| s.code == code).unwrap().radius;
        assert_eq!(radius("CHN"), MAX_SYMBOL_RADIUS);
        let area_ratio = (radius("USA") / radius("CHN")).powi(2);
        assert!((area_ratio - 45000.0 / 270000.0).abs() < 1e-9);
        assert!(
            symbols.iter().all(|s| s.code != "GRL"),
            "Greenland produced 0 t: no symbol, not a dot"
        );
    }

    #[test]
    fn the_month_carries_its_summary_and_concentration() {
        let model = august();
        assert!(model
            .summary
            .starts_with("In August 2025 China exported 6,146 t"));
        let concentration = model.concentration.unwrap();
        assert!(
            concentration.contains("European Union 42.0%")
                && concentration.contains("48.4% not itemised")
                && concentration.contains("no concentration index"),
            "{concentration}"
        );
    }

    #[test]
    fn every_months_tonnes_sit_clear_of_the_names_and_of_each_other_inside_the_map() {
        let dataset = Dataset::embedded().unwrap();
        let projection = Miller::basemap();
        let view = SeriesView::new(&dataset, Series::Magnets);
        let frame = Rect {
            left: 0.0,
            top: 0.0,
            right: projection.width,
            bottom: projection.height,
        };
        let (first, last) = view.month_span().unwrap();
        let mut labelled = 0;
        for month in Month::range(first, last) {
            let model = map_model(&view, month, &projection);
            let names: Vec<Rect> = model.places.iter().flat_map(PlaceLabel::rects).collect();
            let tonnes: Vec<Rect> = model
                .flows
                .iter()
                .map(|f| {
                    let width = text_width(&f.figure.label, FLOW_LABEL_SIZE, true);
                    Rect::of_text(f.label.x - width / 2.0, f.label.y, width, FLOW_LABEL_SIZE)
                })
                .collect();
            for (i, label) in tonnes.iter().enumerate() {
                let flow = &model.flows[i];
                assert!(label.inside(&frame), "{month} {}: {label:?}", flow.partner);
                assert!(
                    !names.iter().any(|n| n.overlaps(label)),
                    "{month} {} covers a name",
                    flow.partner
                );
                assert!(
                    !tonnes[..i].iter().any(|t| t.overlaps(label)),
                    "{month} {} covers tonnes",
                    flow.partner
                );
                // A label set away from its arc is tied to it by a leader.
                let (ax, ay) = flow.anchor;
                let off = (label.left - ax)
                    .max(ax - label.right)
                    .max(label.top - ay)
                    .max(ay - label.bottom);
                assert!(
                    off < 1.5 * FLOW_LABEL_SIZE || flow.label.leader.is_some(),
                    "{month} {}",
                    flow.partner
                );
                labelled += 1;
            }
        }
        // facts.csv has 43 monthly magnet figures by destination, from May
        // 2024 to March 2026, and the US figure of January–February 2026,
        // drawn in both months: every one is labelled.
        assert_eq!(labelled, 43 + 2);
    }

    #[test]
    fn place_names_clear_each_other_and_every_other_dot_in_three_languages() {
        use crate::core::text::i18n::{activate, Catalogue, Lang};
        let dataset = Dataset::embedded().unwrap();
        let view = SeriesView::new(&dataset, Series::Magnets);
        let months = crate::core::present::timeline::timeline_months(&dataset, Series::Magnets);
        for (lang, file) in [
            (Lang::En, ""),
            (Lang::Ko, include_str!("../../../public/i18n/ko.tsv")),
            (Lang::Mn, include_str!("../../../public/i18n/mn.tsv")),
        ] {
            activate(lang, Catalogue::parse(file).unwrap());
            for month in &months {
                let model = map_model(&view, month.month, &Miller::basemap());
                for (i, a) in model.places.iter().enumerate() {
                    for (j, b) in model.places.iter().enumerate() {
                        if i == j {
                            continue;
                        }
                        let [a_name, _] = a.rects();
                        let [b_name, b_dot] = b.rects();
                        assert!(
                            !a_name.overlaps(&b_name) && !a_name.overlaps(&b_dot),
                            "{lang:?} {}: \"{}\" covers \"{}\" or its dot",
                            month.label,
                            a.name,
                            b.name
                        );
                    }
                }
            }
        }
        activate(Lang::En, Catalogue::default());
    }

    #[test]
    fn bars_share_one_scale_across_months_and_the_series_largest_figure_fills_one() {
        let dataset = Dataset::embedded().unwrap();
        let view = SeriesView::new(&dataset, Series::Magnets);
        let months = crate::core::present::timeline::timeline_months(&dataset, Series::Magnets);
        let mut full = 0;
        for month in months {
            let model = map_model(&view, month.month, &Miller::basemap());
            for flow in &model.flows {
                let length = model.bar_length(flow.figure.value);
                assert!(
                    length > 0.0 && length <= 1.0,
                    "{} {}",
                    month.label,
                    flow.partner
                );
                if length == 1.0 {
                    full += 1;
                }
                // Twice the tonnes, twice the bar, within a month and across them.
                let half = model.bar_length(flow.figure.value / 2.0);
                assert!((length - 2.0 * half).abs() < 1e-12);
            }
        }
        // One figure is the series' largest (the EU, facts.csv); a combined
        // period's figure could exceed it and is capped, never drawn longer.
        assert!(full >= 1, "the largest figure fills its bar");
        let august = map_model(&view, Month::parse("2025-08").unwrap(), &Miller::basemap());
        assert_eq!(august.bar_length(august.bar_scale * 3.0), 1.0);
        assert_eq!(august.bar_length(0.0), 0.0);
    }

    #[test]
    fn the_table_reads_by_tonnes_with_germany_under_the_eu_then_the_months_without_a_figure() {
        let dataset = Dataset::embedded().unwrap();
        let view = SeriesView::new(&dataset, Series::Magnets);
        let order = |month: &str| {
            map_model(&view, Month::parse(month).unwrap(), &Miller::basemap()).table_order()
        };
        // facts.csv, August 2025: EU 2,582 t (Germany 1,346 t of it), US 590 t.
        let august = order("2025-08");
        assert_eq!(&august[..3], ["EU27", "DEU", "USA"]);
        // December 2025: Germany 1,106, Korea 815, US 564, Vietnam 509, Japan 280.
        let december = order("2025-12");
        assert_eq!(&december[..5], ["DEU", "KOR", "USA", "VNM", "JPN"]);
        for month in [august, december] {
            let mut all = month.clone();
            all.sort();
            assert_eq!(
                all,
                ["DEU", "EU27", "IND", "JPN", "KOR", "USA", "VNM"],
                "each destination once"
            );
        }
    }

    #[test]
    fn eu_members_are_drawn_as_the_eu() {
        assert_eq!(shape_group("FRA"), EU27);
        assert_eq!(shape_group("DEU"), EU27);
        assert_eq!(shape_group("KOR"), "KOR");
    }
}
