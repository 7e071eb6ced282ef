//! Files a reader takes away: the current view as CSV, and the words that a
//! downloaded picture of the map carries so that it still credits its sources.

use crate::core::analysis::series::{ChangeKind, SeriesView};
use crate::core::data::country;
use crate::core::data::dataset::{Dataset, Fact};
use crate::core::data::period::Month;
use crate::core::data::units::{decimal, month_long};
use crate::core::present::map_model::LegendEntry;

/// The columns of the view CSV, in order.
pub const VIEW_COLUMNS: [&str; 15] = [
    "series",
    "month",
    "from",
    "to",
    "destination",
    "tonnes",
    "kind",
    "change_on_month_pct",
    "change_on_year_pct",
    "note",
    "fact_id",
    "source_publisher",
    "source_date",
    "source_url",
    "excerpt",
];

/// What a row of the view CSV is.
const SOURCED: &str = "sourced";
const COMPUTED: &str = "computed";
const MISSING: &str = "missing";

/// The map's month as CSV, one row per thing the map and its table show:
/// China's total, each destination's flow, the computed remainder and each
/// destination without a figure (its tonnes left empty, never 0). Sourced
/// rows carry their source; changes are computed from the data, empty where
/// a month is missing.
pub fn view_csv(view: &SeriesView, month: Month) -> String {
    let flows = view.month_flows(month);
    let series = view.series().slug();
    let month_text = month.to_string();
    let mut rows: Vec<[String; 15]> = Vec::new();
    let change = |partner: Option<&str>, kind| {
        view.change(partner, month, kind)
            .map(|c| decimal(c.percent, 1))
            .unwrap_or_default()
    };
    let sourced = |to: &str, name: &str, fact: &Fact, note: String| -> [String; 15] {
        let partner = (!to.is_empty()).then_some(to);
        [
            series.to_string(),
            month_text.clone(),
            "CHN".into(),
            to.to_string(),
            name.to_string(),
            decimal(fact.value, fact.decimals),
            SOURCED.into(),
            change(partner, ChangeKind::MonthOnMonth),
            change(partner, ChangeKind::YearOnYear),
            note,
            fact.id.clone(),
            fact.source.publisher.clone(),
            fact.source.date.clone(),
            fact.source.url.clone(),
            fact.excerpt.clone().unwrap_or_default(),
        ]
    };
    if let Some(total) = flows.total {
        rows.push(sourced(
            "",
            &crate::t!(all_destinations: "All destinations"),
            total,
            String::new(),
        ));
    }
    // The rows in the order of the table beside the map.
    for flow in flows.in_reading_order() {
        let note = flow
            .part_of
            .map(|whole| {
                crate::t!(inside_figure_counted_once:
                    "inside the {whole} figure; counted once",
                    whole = country::display_name(whole)
                )
            })
            .unwrap_or_default();
        rows.push(sourced(
            flow.partner,
            &country::display_name(flow.partner),
            flow.fact,
            note,
        ));
    }
    if let Some(rest) = flows.not_itemised() {
        rows.push(other_row(
            series,
            &month_text,
            [
                "".into(),
                crate::t!(other_not_itemised: "Other / not itemised"),
                decimal(rest, 3),
                COMPUTED.into(),
                crate::t!(total_minus_destinations_above: "the total minus the destinations above, the EU counted once"),
            ],
        ));
    }
    for partner in &flows.missing {
        rows.push(other_row(
            series,
            &month_text,
            [
                partner.to_string(),
                country::display_name(partner),
                String::new(),
                MISSING.into(),
                crate::t!(no_figure_in_data: "no figure for {month} in the data", month = month_long(month)),
            ],
        ));
    }
    write_csv(&VIEW_COLUMNS, &rows)
}

/// A row with no source of its own: `[to, destination, tonnes, kind, note]`.
fn other_row(
    series: &str,
    month: &str,
    [to, name, tonnes, kind, note]: [String; 5],
) -> [String; 15] {
    [
        series.into(),
        month.into(),
        "CHN".into(),
        to,
        name,
        tonnes,
        kind,
        String::new(),
        String::new(),
        note,
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
    ]
}

fn write_csv<const N: usize>(header: &[&str; N], rows: &[[String; N]]) -> String {
    let body = rows
        .iter()
        .map(|row| row.iter().map(String::as_str).collect());
    crate::core::data::csv_text::write(std::iter::once(header.to_vec()).chain(body))
}

/// The words drawn into a downloaded map.
#[derive(Clone, Debug, PartialEq)]
pub struct Caption {
    pub title: String,
    pub subtitle: String,
    pub legend: String,
    pub sources: String,
    pub credit: String,
}

impl Caption {
    /// The caption with an editor's own headline, or its own when `title`
    /// is blank: the figures, sources and credit stay the data's.
    pub fn titled(self, title: &str) -> Caption {
        match title.trim() {
            "" => self,
            title => Caption {
                title: title.to_string(),
                ..self
            },
        }
    }
}

pub fn caption(dataset: &Dataset, view: &SeriesView, month: Month) -> Caption {
    let flows = view.month_flows(month);
    let mut publishers: Vec<String> = Vec::new();
    for fact in flows
        .total
        .into_iter()
        .chain(flows.flows.iter().map(|f| f.fact))
    {
        let cited = format!("{}, {}", fact.source.cited(), fact.source_date());
        if !publishers.contains(&cited) {
            publishers.push(cited);
        }
    }
    let subtitle = match flows.total {
        Some(t) => crate::t!(month_with_total:
            "{month}; total {total}",
            month = month_long(month),
            total = crate::core::data::units::Unit::Tonnes.format(t.value)
        ),
        None => month_long(month),
    };
    Caption {
        // The view's own headline: a picture says what the page says.
        title: crate::core::present::summary::headline(view, &flows),
        subtitle: crate::t!(series_and_month:
            "China's exports: {series}; {month}",
            series = view.series().label(),
            month = subtitle
        ),
        // The lighter inner band is named where one is drawn: Germany's
        // part of the EU's figure, counted once, inside it.
        legend: match flows.flows.iter().find(|f| f.part_of.is_some()) {
            Some(part) => crate::t!(arc_width_part_of_eu:
                "Arc width is proportional to tonnes; the lighter band inside the EU arc is {member}'s part of the EU figure, counted once; a dashed line is a destination with no figure that month.",
                member = crate::core::data::country::display_name(part.partner)
            ),
            None => {
                crate::t!(arc_width_proportional_tonnes_dashed: "Arc width is proportional to tonnes; a dashed line is a destination with no figure that month.")
            }
        },
        sources: if publishers.is_empty() {
            crate::t!(no_sourced_figure_month: "No sourced figure for this month.")
        } else {
            crate::t!(sources: "Sources: {sources}", sources = publishers.join("; "))
        },
        credit: crate::t!(data_rare_earth_flows_shapes:
            "Data as of {date}. Rare-Earth Flows; shapes: Natural Earth.",
            date = dataset.latest_source_date().unwrap_or("—")
        ),
    }
}

/// File names say what and when: `rare-earth-flows-magnets-2025-08`.
pub fn file_stem(view: &SeriesView, month: Month) -> String {
    format!("rare-earth-flows-{}-{month}", view.series().slug())
}

/// A caption line placed in the exported SVG's coordinates.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    pub text: String,
    pub y: f64,
    pub class: &'static str,
}

/// The exported picture: the map's own box plus a band above for the title
/// and one below for legend, sources and credit.
#[derive(Clone, Debug, PartialEq)]
pub struct Frame {
    pub view_box: String,
    pub width: f64,
    pub height: f64,
    pub lines: Vec<Line>,
    /// Top of the width key's row, right under the map, if there is a key.
    pub key_y: Option<f64>,
}

/// Height of the width key's row: room for the widest arc's sample.
const KEY_ROW: f64 = 28.0;
/// Width given to each entry of the key: a sample bar and its label.
const KEY_ENTRY: f64 = 120.0;
const KEY_BAR: f64 = 40.0;

const HEADER: f64 = 64.0;
const LINE_GAP: f64 = 16.0;
/// Average advance of the 12 px caption font, to wrap before the edge.
const CHAR_WIDTH: f64 = 6.6;
pub const MARGIN: f64 = 12.0;

pub fn frame(caption: &Caption, map_width: f64, map_height: f64, has_key: bool) -> Frame {
    let mut lines = vec![
        Line {
            text: caption.title.clone(),
            y: -HEADER + 26.0,
            class: "cap cap-title",
        },
        Line {
            text: caption.subtitle.clone(),
            y: -HEADER + 48.0,
            class: "cap",
        },
    ];
    let max_chars = ((map_width - 2.0 * MARGIN) / CHAR_WIDTH).max(20.0) as usize;
    let key_y = has_key.then_some(map_height + 6.0);
    let mut y = map_height + 6.0 + if has_key { KEY_ROW } else { 0.0 };
    for (text, class) in [
        (&caption.legend, "cap cap-small"),
        (&caption.sources, "cap cap-small"),
        (&caption.credit, "cap cap-small"),
    ] {
        for part in wrap(text, max_chars) {
            y += LINE_GAP;
            lines.push(Line {
                text: part,
                y,
                class,
            });
        }
    }
    let bottom = y + 10.0;
    Frame {
        view_box: format!(
            "0 {} {} {}",
            decimal(-HEADER, 0),
            decimal(map_width, 1),
            decimal(bottom + HEADER, 1)
        ),
        width: map_width,
        height: bottom + HEADER,
        lines,
        key_y,
    }
}

/// Greedy word wrap; a word longer than a line gets a line of its own.
pub fn wrap(text: &str, max_chars: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in text.split_whitespace() {
        let fits = current.chars().count() + 1 + word.chars().count() <= max_chars;
        if !current.is_empty() && !fits {
            lines.push(std::mem::take(&mut current));
        }
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(word);
    }
    if !current.is_empty() {
        lines.push(current);
    }
    lines
}

/// The light theme's map colours, inlined because a saved SVG has no
/// stylesheet. Keep in step with `style/main.css`.
const EXPORT_STYLE: &str = "text{font-family:system-ui,-apple-system,'Segoe UI','Noto Sans','Noto Sans KR','Noto Sans CJK KR',sans-serif}\
.sphere{fill:#eef3f7}.land{fill:#d9dee3;stroke:#fff;stroke-width:.4}.land.story{fill:#b9c2cb}.land.eu{fill:#a9cbe6}\
.flow{fill:#d55e00;fill-opacity:.85;stroke:#7a2f00;stroke-width:.8}.flow.part{fill:#f0a35e}\
.flow-missing{fill:none;stroke:#5f6b76;stroke-width:1;stroke-dasharray:2 4}.flow-hit{display:none}\
.place circle{fill:#1b1f24}.place text{font-size:11px;fill:#4a5560;paint-order:stroke;stroke:#fff;stroke-width:3px}\
.place.figure text{font-weight:700;font-size:13px;fill:#1b1f24}\
.flow-label text{font-size:11px;font-weight:700;fill:#1b1f24;paint-order:stroke;stroke:#fff;stroke-width:3px}.flow-label .leader{fill:none;stroke:#4a5560;stroke-width:.75}\
.symbol{fill:#009e73;fill-opacity:.35;stroke:#005f45}\
.cap{font-size:14px;fill:#1b1f24}.cap-title{font-size:20px;font-weight:700}.cap-small{font-size:12px;fill:#4a5560}";

fn escape_xml(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// A standalone SVG file from the on-screen map's markup (as the browser
/// serialises it): the map's shapes and arcs unchanged, cropped to `window`
/// (the part of the map on screen, in map units), framed by the caption and
/// the width `key`, with its own styles and a white ground. `None` if `map`
/// is not an `<svg>` element.
pub fn standalone_svg(
    map: &str,
    caption: &Caption,
    window: (f64, f64, f64, f64),
    key: &[LegendEntry],
) -> Option<(String, Frame)> {
    let start = map.find("<svg")?;
    let open_end = start + map[start..].find('>')? + 1;
    let close = map.rfind("</svg>")?;
    let inner = map.get(open_end..close)?;
    let (x, y, map_width, map_height) = window;
    let framed = frame(caption, map_width, map_height, !key.is_empty());
    let (width, height) = (decimal(framed.width, 1), decimal(framed.height, 1));
    let top = framed.view_box.split(' ').nth(1).unwrap_or("0");
    let mut out = format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="{}" width="{width}" height="{height}"><style>{EXPORT_STYLE}</style><rect x="0" y="{top}" width="{width}" height="{height}" fill="#ffffff"/>"##,
        framed.view_box
    );
    // A nested <svg> crops the map to its window, as the screen does.
    out.push_str(&format!(
        r#"<svg x="0" y="0" width="{}" height="{}" viewBox="{} {} {} {}">"#,
        decimal(map_width, 1),
        decimal(map_height, 1),
        decimal(x, 1),
        decimal(y, 1),
        decimal(map_width, 1),
        decimal(map_height, 1)
    ));
    out.push_str(inner);
    out.push_str("</svg>");
    if let Some(key_y) = framed.key_y {
        for (i, entry) in key.iter().enumerate() {
            let left = MARGIN + i as f64 * KEY_ENTRY;
            out.push_str(&format!(
                r#"<g data-testid="export-key"><rect class="flow" x="{}" y="{}" width="{}" height="{}"/><text x="{}" y="{}" class="cap cap-small">{}</text></g>"#,
                decimal(left, 1),
                decimal(key_y + KEY_ROW / 2.0 - entry.width / 2.0, 1),
                decimal(KEY_BAR, 0),
                decimal(entry.width.max(0.5), 2),
                decimal(left + KEY_BAR + 6.0, 1),
                decimal(key_y + KEY_ROW / 2.0 + 4.0, 1),
                escape_xml(&entry.label)
            ));
        }
    }
    for line in &framed.lines {
        out.push_str(&format!(
            r#"<text x="{}" y="{}" class="{}">{}</text>"#,
            decimal(MARGIN, 0),
            decimal(line.y, 1),
            line.class,
            escape_xml(&line.text)
        ));
    }
    out.push_str("</svg>");
    Some((out, framed))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::analysis::series::Series;

    fn august() -> Month {
        Month::new(2025, 8).unwrap()
    }

    fn parse(text: &str) -> Vec<Vec<String>> {
        crate::core::data::csv_text::records(text)
            .skip(1)
            .map(|(_, r)| r)
            .collect()
    }

    #[test]
    fn the_view_csv_has_one_row_per_thing_the_map_shows() {
        // The download waits for the excerpts (`view::publish::downloads`).
        let dataset = Dataset::embedded_with_excerpts();
        let view = SeriesView::new(&dataset, Series::Magnets);
        let text = view_csv(&view, august());
        let rows = parse(&text);
        // From facts.csv for August 2025: the total, the US, Germany and the
        // EU, the computed remainder, and the four destinations the series
        // names in other months (India, Japan, Korea, Vietnam) as missing.
        let mut kinds: Vec<(&str, &str)> = rows
            .iter()
            .map(|r| (r[3].as_str(), r[6].as_str()))
            .collect();
        kinds.sort_unstable();
        assert_eq!(
            kinds,
            [
                ("", "computed"),
                ("", "sourced"),
                ("DEU", "sourced"),
                ("EU27", "sourced"),
                ("IND", "missing"),
                ("JPN", "missing"),
                ("KOR", "missing"),
                ("USA", "sourced"),
                ("VNM", "missing"),
            ]
        );
        assert!(text.starts_with("series,month,from,to,destination,tonnes,kind"));
        // In the table's order: the EU's 2,582 t, Germany's 1,346 t inside
        // it, then the US's 590 t; the remainder and the gaps after.
        let sourced: Vec<&str> = rows
            .iter()
            .filter(|r| r[6] == "sourced" && !r[3].is_empty())
            .map(|r| r[3].as_str())
            .collect();
        assert_eq!(sourced, ["EU27", "DEU", "USA"]);
        let usa = rows.iter().find(|r| &r[3] == "USA").unwrap();
        assert_eq!(&usa[5], "590");
        assert_eq!(&usa[6], "sourced");
        assert_eq!(&usa[7], "-4.7", "computed from 590 and 619");
        assert_eq!(&usa[8], "", "no US figure for August 2024");
        assert!(usa[13].starts_with("https://"));
        assert!(
            usa[14].contains("590 tons"),
            "the excerpt travels with the figure"
        );
        let total = rows.iter().find(|r| &r[4] == "All destinations").unwrap();
        assert_eq!(&total[5], "6146");
        assert_eq!(&total[7], "10.2");
    }

    #[test]
    fn a_missing_destination_is_empty_never_zero() {
        let dataset = Dataset::embedded().unwrap();
        let view = SeriesView::new(&dataset, Series::Magnets);
        let march = Month::new(2026, 3).unwrap();
        let rows = parse(&view_csv(&view, march));
        let missing: Vec<_> = rows.iter().filter(|r| &r[6] == "missing").collect();
        assert!(!missing.is_empty());
        for row in missing {
            assert_eq!(&row[5], "", "{:?}", row);
            assert!(row[9].contains("March 2026"));
        }
    }

    #[test]
    fn the_caption_names_month_sources_and_data_date() {
        let dataset = Dataset::embedded().unwrap();
        let view = SeriesView::new(&dataset, Series::Magnets);
        let caption = caption(&dataset, &view, august());
        // The article's August: 6,146 t, 10.2% more than July's 5,577 t.
        assert_eq!(
            caption.title,
            "China's exports of rare-earth magnets rose 10.2% in August 2025, to 6,146 t"
        );
        assert_eq!(
            caption.subtitle,
            "China's exports: Rare-earth permanent magnets; August 2025; total 6,146 t"
        );
        assert!(caption.sources.contains("Reuters"));
        assert!(caption.credit.contains("2026-04-20"));
        // facts.csv: August's EU figure (2,582 t) holds Germany's 1,346 t.
        assert!(
            caption.legend.contains("Germany's part of the EU figure"),
            "{}",
            caption.legend
        );
        let edited = caption
            .clone()
            .titled("  Europe takes most of China's magnets ");
        assert_eq!(edited.title, "Europe takes most of China's magnets");
        assert_eq!(
            (&edited.sources, &edited.subtitle),
            (&caption.sources, &caption.subtitle)
        );
        assert_eq!(
            caption.clone().titled("   ").title,
            caption.title,
            "blank keeps the data's"
        );
        // December 2025 names Germany but no EU figure: no inner band to explain.
        let december = caption_for_month(&dataset, Month::parse("2025-12").unwrap());
        assert!(
            !december.legend.contains("lighter band"),
            "{}",
            december.legend
        );
        let empty = caption_for_month(&dataset, Month::new(2024, 6).unwrap());
        assert_eq!(empty.sources, "No sourced figure for this month.");
    }

    #[test]
    fn wrapping_keeps_every_word_within_the_width() {
        let text = "Sources: Reuters (2025-09-20); MadeMagnet (2025-09-23); Mining.com / Reuters (via Bitget mirror) (2026-04-20)";
        let lines = wrap(text, 30);
        assert_eq!(lines.join(" "), text);
        assert!(lines.iter().all(|l| l.chars().count() <= 30), "{lines:?}");
        assert_eq!(wrap("", 30), Vec::<String>::new());
        assert_eq!(
            wrap("averyveryverylongword x", 5),
            vec!["averyveryverylongword", "x"]
        );
    }

    #[test]
    fn the_frame_puts_the_title_above_and_the_credit_below_the_map() {
        let dataset = Dataset::embedded().unwrap();
        let caption = caption_for_month(&dataset, august());
        let frame = frame(&caption, 300.0, 200.0, false);
        let (title, credit) = (&frame.lines[0], frame.lines.last().unwrap());
        assert_eq!(title.text, caption.title);
        assert!(title.y < 0.0, "the title sits in the band above the map");
        // The credit may wrap; its last line ends the caption's credit, and
        // the data date is on one of the lines under the map.
        assert!(caption.credit.ends_with(&credit.text), "{}", credit.text);
        let under_map: String = frame
            .lines
            .iter()
            .filter(|l| l.y > 200.0)
            .map(|l| l.text.as_str())
            .collect();
        assert!(under_map.contains("2026-04-20"), "{under_map}");
        assert!(credit.y > 200.0 && credit.y < frame.height - HEADER);
        let box_parts: Vec<&str> = frame.view_box.split(' ').collect();
        assert_eq!(box_parts[..3], ["0", "-64", "300"]);
    }

    #[test]
    fn a_saved_svg_keeps_the_arcs_and_carries_its_caption() {
        let dataset = Dataset::embedded().unwrap();
        let mut caption = caption_for_month(&dataset, august());
        caption.sources = "Sources: A & B <C>".into();
        let map = r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 200" role="group"><path class="flow" data-testid="flow" d="M0 0"/><path class="flow" data-testid="flow" d="M1 1"/></svg>"#;
        let key = [
            LegendEntry {
                label: "500 t".into(),
                width: 4.0,
            },
            LegendEntry {
                label: "2,000 t".into(),
                width: 16.0,
            },
        ];
        let (svg, frame) = standalone_svg(map, &caption, (0.0, 50.0, 300.0, 200.0), &key).unwrap();
        // The map is cropped to the window shown on screen.
        assert!(svg.contains(r#"viewBox="0 50 300 200""#), "{svg}");
        // The width key: one sample per entry, its label beside it, under the map.
        assert_eq!(svg.matches(r#"data-testid="export-key""#).count(), 2);
        assert!(svg.contains(r#"height="16">"#) || svg.contains(r#"height="16"/>"#));
        assert!(svg.contains(">2,000 t</text>"));
        assert!(frame.key_y.is_some_and(|y| y > 200.0));
        assert_eq!(svg.matches(r#"data-testid="flow""#).count(), 2);
        assert!(
            svg.starts_with("<svg") && svg.matches("<svg").count() == 2,
            "the root and the map's crop"
        );
        assert!(svg.ends_with("</svg>"));
        assert!(svg.contains(&format!(r#"viewBox="{}""#, frame.view_box)));
        assert!(svg.contains(
            ">China's exports of rare-earth magnets rose 10.2% in August 2025, to 6,146 t</text>"
        ));
        assert!(
            svg.contains("Sources: A &amp; B &lt;C&gt;"),
            "text is escaped"
        );
        assert!(svg.contains("2026-04-20"), "the data date is drawn in");
        assert!(svg.contains("<style>"), "styles travel with the file");
        assert_eq!(
            standalone_svg("<div></div>", &caption, (0.0, 0.0, 1.0, 1.0), &key),
            None
        );
    }

    fn caption_for_month(dataset: &Dataset, month: Month) -> Caption {
        caption(dataset, &SeriesView::new(dataset, Series::Magnets), month)
    }
}
