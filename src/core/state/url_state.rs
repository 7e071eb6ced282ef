//! The view state and its query string, both ways. Defaults are omitted, so
//! the plain address shows the default view and every link stays short. A
//! parameter that cannot be used falls back to its default and yields a
//! notice for the visitor; parsing never fails.

use std::fmt;

use crate::core::analysis::compare::Pair;
use crate::core::analysis::series::Series;
use crate::core::analysis::structure::Measure;
use crate::core::data::country::CountryCode;
use crate::core::data::period::{Month, Period};
use crate::core::state::migrations;

/// What the map draws over the flows: proportional symbols of a measure, or
/// the Mongolia–Korea partnership's ties.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Layer {
    Symbols(Measure),
    Ties,
}

impl Layer {
    pub fn slug(self) -> &'static str {
        match self {
            Layer::Symbols(measure) => measure.slug(),
            Layer::Ties => "ties",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Layer> {
        match slug {
            "ties" => Some(Layer::Ties),
            _ => Measure::from_slug(slug).map(Layer::Symbols),
        }
    }
}

/// Whose customs records the arcs: China's exports (the default), or
/// Korea's imports by origin (`reporter=KOR`).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Reporter {
    Korea,
}

impl Reporter {
    pub fn slug(self) -> &'static str {
        match self {
            Reporter::Korea => "KOR",
        }
    }
}

/// A colour theme chosen by the reader; without one the system's applies.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Theme {
    Light,
    Dark,
}

impl Theme {
    pub fn slug(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    fn from_slug(slug: &str) -> Option<Theme> {
        [Theme::Light, Theme::Dark]
            .into_iter()
            .find(|t| t.slug() == slug)
    }
}

/// Parts of the page an embed may leave out (`hide=headline,timeline`):
/// the article around the frame may carry its own headline, or have no
/// room for the timeline.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub struct Hidden {
    pub headline: bool,
    pub timeline: bool,
}

impl Hidden {
    /// `headline,timeline`, in that order; empty when nothing is hidden.
    pub fn slug(self) -> String {
        [(self.headline, "headline"), (self.timeline, "timeline")]
            .into_iter()
            .filter(|(hidden, _)| *hidden)
            .map(|(_, name)| name)
            .collect::<Vec<_>>()
            .join(",")
    }

    /// Every part named must be one that can be hidden.
    fn parse(text: &str) -> Option<Hidden> {
        let mut hidden = Hidden::default();
        for part in text.split(',') {
            match part {
                "headline" => hidden.headline = true,
                "timeline" => hidden.timeline = true,
                _ => return None,
            }
        }
        Some(hidden)
    }
}

/// The analysis panel open under the map.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Panel {
    Compare,
    Claims,
    Structure,
    Capacity,
    /// Every fact in the file, in use or not.
    Facts,
}

impl Panel {
    pub const ALL: [Panel; 5] = [
        Panel::Compare,
        Panel::Claims,
        Panel::Structure,
        Panel::Capacity,
        Panel::Facts,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            Panel::Compare => "compare",
            Panel::Claims => "claims",
            Panel::Structure => "structure",
            Panel::Capacity => "capacity",
            Panel::Facts => "facts",
        }
    }

    pub fn label(self) -> String {
        match self {
            Panel::Compare => crate::t!(compare: "Compare"),
            Panel::Claims => crate::t!(check_article: "Check the article"),
            Panel::Structure => crate::t!(supply_chain: "Supply chain"),
            Panel::Capacity => crate::t!(capacity_vs_flows: "Capacity vs flows"),
            Panel::Facts => crate::t!(all_facts: "All facts"),
        }
    }

    fn from_slug(slug: &str) -> Option<Panel> {
        Panel::ALL.into_iter().find(|p| p.slug() == slug)
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct ViewState {
    pub series: Series,
    /// `None` follows the latest month with destination data.
    pub month: Option<Month>,
    /// Country whose panel is open.
    pub country: Option<CountryCode>,
    pub panel: Option<Panel>,
    /// The compared pair; implies the compare panel.
    pub compare: Option<Pair>,
    /// Proportional symbols of mine production or reserves, or the ties.
    pub layer: Option<Layer>,
    /// `None` is China's customs; `Some(Korea)` draws Korea's imports.
    pub reporter: Option<Reporter>,
    /// The Korea view's period (`2012`, `2012-05`); `None` is its default.
    pub period: Option<Period>,
    pub theme: Option<Theme>,
    /// Chromeless rendering for an iframe: title, map, timeline, credit.
    pub embed: bool,
    /// Parts left out of the page, for an embed.
    pub hidden: Hidden,
    /// Map magnification, one of `zoom::LEVELS`; `None` is the whole map.
    pub zoom: Option<u32>,
    /// The reader's language; `None` follows the browser's preference.
    pub lang: Option<crate::core::text::i18n::Lang>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct QueryNotice {
    pub parameter: String,
    pub value: String,
    pub problem: Problem,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    UnknownParameter,
    UnknownSeries,
    MalformedMonth,
    /// The month parses but lies outside the months the series covers.
    MonthOutOfRange {
        first: Month,
        last: Month,
    },
    UnknownCountry,
    UnknownPanel,
    /// `shown`: the compare panel opens on EU vs US instead; otherwise
    /// another panel is open and the pair is simply not used.
    UnknownComparison {
        shown: bool,
    },
    UnknownLayer,
    UnknownTheme,
    UnknownHiddenPart,
    BadEmbed,
    BadZoom,
    UnknownLanguage,
    UnknownReporter,
    MalformedPeriod,
    /// A period Korea reports nothing for.
    PeriodWithoutData,
}

impl fmt::Display for QueryNotice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // An address can carry thousands of characters; the notice echoes
        // enough to recognise them.
        let (p, v) = (&shortened(&self.parameter), &shortened(&self.value));
        let text = match &self.problem {
            Problem::UnknownParameter => {
                crate::t!(ignored_unknown_setting: "Ignored the unknown setting “{p}”.", p = p)
            }
            Problem::UnknownSeries => {
                crate::t!(not_series_here_showing_magnets: "“{v}” is not a series here; showing magnets.", v = v)
            }
            Problem::MalformedMonth => crate::t!(not_month_use_yyyy_mm:
                "“{v}” is not a month (use YYYY-MM); showing the latest month.",
                v = v
            ),
            Problem::MonthOutOfRange { first, last } => crate::t!(series_has_no_months_outside:
                "This series has no months outside {first} to {last}; showing the latest month instead of {v}.",
                first = first,
                last = last,
                v = v
            ),
            Problem::UnknownPanel => {
                crate::t!(not_panel_none_open: "“{v}” is not a panel; none is open.", v = v)
            }
            Problem::UnknownComparison { shown: true } => {
                crate::t!(cannot_compare_showing_eu_vs: "Cannot compare “{v}”; showing EU vs US.", v = v)
            }
            Problem::UnknownComparison { shown: false } => {
                crate::t!(cannot_compare_no_comparison_shown: "Cannot compare “{v}”; no comparison is shown.", v = v)
            }
            Problem::UnknownLayer => {
                crate::t!(not_map_layer_none_shown: "“{v}” is not a map layer; none is shown.", v = v)
            }
            Problem::BadEmbed => crate::t!(not_embed_setting_use_embed:
                "“{v}” is not an embed setting (use embed=1); showing the full explorer.",
                v = v
            ),
            Problem::UnknownTheme => crate::t!(not_theme_light_dark_following:
                "“{v}” is not a theme (light or dark); following the system.",
                v = v
            ),
            Problem::UnknownHiddenPart => crate::t!(not_part_to_hide:
                "“{v}” names no part that can be hidden (headline, timeline); showing everything.",
                v = v
            ),
            Problem::BadZoom => crate::t!(bad_zoom:
                "“{v}” is not a zoom level (2 or 4); showing the whole map.",
                v = v
            ),
            Problem::UnknownLanguage => crate::t!(not_language_here_en_ko:
                "“{v}” is not a language here (en, ko or mn); following the browser.",
                v = v
            ),
            Problem::UnknownReporter => crate::t!(not_reporter_here_only_kor:
                "“{v}” is not a reporter here (only KOR); showing China's exports.",
                v = v
            ),
            Problem::MalformedPeriod => crate::t!(not_period_use_yyyy_yyyy:
                "“{v}” is not a period (use YYYY or YYYY-MM); showing Korea's latest year.",
                v = v
            ),
            Problem::PeriodWithoutData => crate::t!(korea_reports_no_rare_earth:
                "Korea reports no rare-earth imports for “{v}”; showing its latest year.",
                v = v
            ),
            Problem::UnknownCountry => crate::t!(not_country_dataset_no_country:
                "“{v}” is not a country in this dataset; no country is selected.",
                v = v
            ),
        };
        f.write_str(&text)
    }
}

/// Reads a query string (with or without the leading `?`). `span_of` gives
/// the months each series covers, to reject months that could only be empty.
pub fn parse(
    query: &str,
    span_of: impl Fn(Series) -> Option<(Month, Month)>,
) -> (ViewState, Vec<QueryNotice>) {
    let mut state = ViewState::default();
    let mut notices = Vec::new();
    let mut month_text = None;
    // The notice of an unreadable pair, settled once the panel is known.
    let mut bad_compare = None;
    let pairs = query
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|pair| {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            (percent_decode(key), percent_decode(value))
        })
        .collect();
    for (key, value) in migrations::migrate(pairs, migrations::MIGRATIONS) {
        let notice = |problem| QueryNotice {
            parameter: key.clone(),
            value: value.clone(),
            problem,
        };
        match key.as_str() {
            "series" => match Series::from_slug(&value) {
                Some(series) => state.series = series,
                None => notices.push(notice(Problem::UnknownSeries)),
            },
            "month" => month_text = Some(value),
            "country" => match CountryCode::parse(&value) {
                Some(code) => state.country = Some(code),
                None => notices.push(notice(Problem::UnknownCountry)),
            },
            "panel" => match Panel::from_slug(&value) {
                Some(panel) => state.panel = Some(panel),
                None => notices.push(notice(Problem::UnknownPanel)),
            },
            "compare" => match Pair::parse(&value) {
                Some(pair) => state.compare = Some(pair),
                None => {
                    bad_compare = Some(notices.len());
                    notices.push(notice(Problem::UnknownComparison { shown: true }));
                }
            },
            "reporter" => match value.to_ascii_uppercase().as_str() {
                "KOR" => state.reporter = Some(Reporter::Korea),
                _ => notices.push(notice(Problem::UnknownReporter)),
            },
            "period" => match Period::parse(&value) {
                Ok(period @ (Period::Year(_) | Period::Month(_) | Period::Span(..))) => {
                    state.period = Some(period)
                }
                _ => notices.push(notice(Problem::MalformedPeriod)),
            },
            "layer" => match Layer::from_slug(&value) {
                Some(layer) => state.layer = Some(layer),
                None => notices.push(notice(Problem::UnknownLayer)),
            },
            "embed" => match value.as_str() {
                "1" => state.embed = true,
                _ => notices.push(notice(Problem::BadEmbed)),
            },
            "zoom" => match value.parse::<u32>() {
                Ok(level) if level > 1 && crate::core::geo::zoom::is_level(level) => {
                    state.zoom = Some(level)
                }
                _ => notices.push(notice(Problem::BadZoom)),
            },
            "lang" => match crate::core::text::i18n::Lang::from_slug(&value) {
                Some(lang) => state.lang = Some(lang),
                None => notices.push(notice(Problem::UnknownLanguage)),
            },
            "hide" => match Hidden::parse(&value) {
                Some(hidden) => state.hidden = hidden,
                None => notices.push(notice(Problem::UnknownHiddenPart)),
            },
            "theme" => match Theme::from_slug(&value) {
                Some(theme) => state.theme = Some(theme),
                None => notices.push(notice(Problem::UnknownTheme)),
            },
            // pym.js adds these to a child's address; the embed reads them.
            key if crate::core::state::share::PYM_PARAMETERS.contains(&key) => {}
            _ => notices.push(notice(Problem::UnknownParameter)),
        }
    }
    if state.compare.is_some() && state.panel.is_none() {
        state.panel = Some(Panel::Compare);
    }
    // An unreadable pair opens the compare panel on its default, as its
    // notice says, unless the address opens another panel.
    if let (Some(index), None) = (bad_compare, &state.compare) {
        if state.panel.is_none() {
            state.panel = Some(Panel::Compare);
        }
        notices[index].problem = Problem::UnknownComparison {
            shown: state.panel == Some(Panel::Compare),
        };
    }
    // The month is checked last: its valid range depends on the series.
    if let Some(value) = month_text {
        let problem = match (Month::parse(&value), span_of(state.series)) {
            (None, _) => Some(Problem::MalformedMonth),
            (Some(month), Some((first, last))) if month < first || month > last => {
                Some(Problem::MonthOutOfRange { first, last })
            }
            (Some(month), _) => {
                state.month = Some(month);
                None
            }
        };
        if let Some(problem) = problem {
            notices.push(QueryNotice {
                parameter: "month".into(),
                value,
                problem,
            });
        }
    }
    (state, notices)
}

/// The query string for a state, `""` for the default view.
pub fn to_query(state: &ViewState) -> String {
    let mut pairs = Vec::new();
    if state.series != Series::default() {
        pairs.push(format!("series={}", state.series.slug()));
    }
    if let Some(month) = state.month {
        pairs.push(format!("month={month}"));
    }
    if let Some(code) = &state.country {
        pairs.push(format!("country={code}"));
    }
    // A pair implies the compare panel, so `panel=compare` is left out then.
    if let Some(panel) = state
        .panel
        .filter(|p| *p != Panel::Compare || state.compare.is_none())
    {
        pairs.push(format!("panel={}", panel.slug()));
    }
    if let Some(pair) = &state.compare {
        pairs.push(format!("compare={}", pair.slug()));
    }
    if let Some(layer) = state.layer {
        pairs.push(format!("layer={}", layer.slug()));
    }
    if let Some(reporter) = state.reporter {
        pairs.push(format!("reporter={}", reporter.slug()));
    }
    if let Some(period) = &state.period {
        pairs.push(format!("period={}", period_slug(period)));
    }
    if let Some(zoom) = state.zoom {
        pairs.push(format!("zoom={zoom}"));
    }
    if let Some(theme) = state.theme {
        pairs.push(format!("theme={}", theme.slug()));
    }
    if let Some(lang) = state.lang {
        pairs.push(format!("lang={}", lang.slug()));
    }
    if state.embed {
        pairs.push("embed=1".to_string());
    }
    if state.hidden != Hidden::default() {
        pairs.push(format!("hide={}", state.hidden.slug()));
    }
    if pairs.is_empty() {
        String::new()
    } else {
        format!("?{}", pairs.join("&"))
    }
}

/// A period as the address writes it (`2012`, `2012-05`, `2010-01/2010-09`).
fn period_slug(period: &Period) -> String {
    match period {
        Period::Year(y) => y.to_string(),
        Period::Month(m) => m.to_string(),
        Period::Span(a, b) => format!("{}/{}", period_slug(a), period_slug(b)),
        Period::Half { year, half } => format!("{year}-H{half}"),
        Period::Quarter { year, quarter } => format!("{year}-Q{quarter}"),
        Period::Day { month, day } => format!("{month}-{day:02}"),
        Period::Undated => String::new(),
    }
}

/// Drops a Korea-view period that Korea reports nothing for, with a
/// notice, so the view opens on a drawn map and says why.
pub fn check_period(state: &mut ViewState, notices: &mut Vec<QueryNotice>, known: &[Period]) {
    if let Some(period) = &state.period {
        if !known.contains(period) {
            notices.push(QueryNotice {
                parameter: "period".into(),
                value: period_slug(period),
                problem: Problem::PeriodWithoutData,
            });
            state.period = None;
        }
    }
}

/// At most 40 characters, then "…".
fn shortened(text: &str) -> String {
    match text.char_indices().nth(40) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_string(),
    }
}

pub fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(byte)) => {
                out.push(byte);
                i += 3;
            }
            (b'+', _) => {
                out.push(b' ');
                i += 1;
            }
            (byte, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8(out).unwrap_or_else(|_| text.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn month(text: &str) -> Month {
        Month::parse(text).unwrap()
    }

    fn span(series: Series) -> Option<(Month, Month)> {
        match series {
            Series::Magnets => Some((month("2024-02"), month("2026-03"))),
            _ => Some((month("2024-04"), month("2025-12"))),
        }
    }

    fn state(series: Series, m: Option<&str>, country: Option<&str>) -> ViewState {
        ViewState {
            series,
            month: m.map(month),
            country: country.and_then(CountryCode::parse),
            ..ViewState::default()
        }
    }

    #[test]
    fn the_korea_view_and_the_ties_layer_read_back_from_the_address() {
        let span = |_| None;
        let (state, notices) = parse("reporter=kor&period=2012&layer=ties", span);
        assert!(notices.is_empty(), "{notices:?}");
        assert_eq!(state.reporter, Some(Reporter::Korea));
        assert_eq!(state.period, Some(Period::Year(2012)));
        assert_eq!(state.layer, Some(Layer::Ties));
        assert_eq!(to_query(&state), "?layer=ties&reporter=KOR&period=2012");
        for (bad, problem) in [
            ("reporter=JPN", Problem::UnknownReporter),
            ("period=twelve", Problem::MalformedPeriod),
        ] {
            let (state, notices) = parse(bad, span);
            assert_eq!(state, ViewState::default(), "{bad}");
            assert_eq!(notices[0].problem, problem, "{bad}");
        }
        let (mut state, mut notices) = parse("reporter=KOR&period=1999", span);
        check_period(&mut state, &mut notices, &[Period::Year(2012)]);
        assert_eq!(
            (state.period, notices[0].problem.clone()),
            (None, Problem::PeriodWithoutData)
        );
    }

    #[test]
    fn valid_queries_round_trip_and_defaults_are_omitted() {
        let cases = [
            ("", state(Series::Magnets, None, None)),
            (
                "?month=2025-08",
                state(Series::Magnets, Some("2025-08"), None),
            ),
            (
                "?series=rare-earths&month=2025-06",
                state(Series::RareEarths, Some("2025-06"), None),
            ),
            (
                "?month=2025-08&country=KOR",
                state(Series::Magnets, Some("2025-08"), Some("KOR")),
            ),
            ("?country=EU27", state(Series::Magnets, None, Some("EU27"))),
        ];
        for (query, expected) in cases {
            let (parsed, notices) = parse(query, span);
            assert_eq!(parsed, expected, "{query}");
            assert!(notices.is_empty(), "{query}: {notices:?}");
            assert_eq!(to_query(&parsed), query);
        }
    }

    #[test]
    fn zoom_levels_round_trip_and_bad_ones_fall_back_with_a_notice() {
        for (query, zoom) in [("?zoom=2", Some(2)), ("?month=2025-08&zoom=4", Some(4))] {
            let (parsed, notices) = parse(query, span);
            assert!(notices.is_empty(), "{query}: {notices:?}");
            assert_eq!(parsed.zoom, zoom);
            assert_eq!(to_query(&parsed), query);
        }
        for bad in ["?zoom=1", "?zoom=3", "?zoom=big", "?zoom="] {
            let (parsed, notices) = parse(bad, span);
            assert_eq!(parsed.zoom, None, "{bad}");
            assert_eq!(notices.len(), 1, "{bad}");
            assert!(notices[0].to_string().contains("not a zoom level"));
        }
    }

    #[test]
    fn parameter_order_and_case_of_country_codes_do_not_matter() {
        let (parsed, notices) = parse("country=kor&month=2025-09", span);
        assert_eq!(parsed, state(Series::Magnets, Some("2025-09"), Some("KOR")));
        assert!(notices.is_empty());
    }

    #[test]
    fn bad_parameters_fall_back_to_defaults_with_a_notice() {
        let cases: [(&str, ViewState, &str, &str); 6] = [
            (
                "?month=2025-13",
                state(Series::Magnets, None, None),
                "month",
                "not a month",
            ),
            (
                "?month=banana",
                state(Series::Magnets, None, None),
                "month",
                "YYYY-MM",
            ),
            (
                "?month=2031-01",
                state(Series::Magnets, None, None),
                "month",
                "2024-02 to 2026-03",
            ),
            (
                "?series=gold&month=2025-08",
                state(Series::Magnets, Some("2025-08"), None),
                "series",
                "gold",
            ),
            (
                "?country=ATL&month=2025-08",
                state(Series::Magnets, Some("2025-08"), None),
                "country",
                "ATL",
            ),
            (
                "?scale=3",
                state(Series::Magnets, None, None),
                "scale",
                "unknown setting",
            ),
        ];
        for (query, expected, parameter, message) in cases {
            let (parsed, notices) = parse(query, span);
            assert_eq!(parsed, expected, "{query}");
            assert_eq!(notices.len(), 1, "{query}");
            assert_eq!(notices[0].parameter, parameter);
            assert!(
                notices[0].to_string().contains(message),
                "{query}: {}",
                notices[0]
            );
        }
    }

    #[test]
    fn a_month_is_judged_against_the_series_it_comes_with() {
        // 2026-03 exists for magnets but not for the rare-earth series.
        assert_eq!(
            parse("?month=2026-03", span).0.month,
            Some(month("2026-03"))
        );
        let (parsed, notices) = parse("?month=2026-03&series=rare-earths", span);
        assert_eq!(parsed.month, None);
        assert!(matches!(
            notices[0].problem,
            Problem::MonthOutOfRange { .. }
        ));
    }

    #[test]
    fn encoded_values_are_decoded_before_checking() {
        assert_eq!(
            parse("?month=2025%2D08", span).0.month,
            Some(month("2025-08"))
        );
        let (_, notices) = parse("?series=gold%20bars", span);
        assert_eq!(notices[0].value, "gold bars");
        assert_eq!(percent_decode("%zz%4"), "%zz%4");
    }

    #[test]
    fn panels_pairs_and_layers_round_trip() {
        let cases = [
            ("?compare=eu-us", Some(Panel::Compare), Some("eu-us"), None),
            ("?panel=compare", Some(Panel::Compare), None, None),
            (
                "?compare=USA,KOR@12",
                Some(Panel::Compare),
                Some("USA,KOR@12"),
                None,
            ),
            ("?panel=claims", Some(Panel::Claims), None, None),
            (
                "?panel=claims&compare=kor-jpn",
                Some(Panel::Claims),
                Some("kor-jpn"),
                None,
            ),
            (
                "?panel=structure&layer=reserves",
                Some(Panel::Structure),
                None,
                Some(Layer::Symbols(Measure::Reserves)),
            ),
            (
                "?layer=production",
                None,
                None,
                Some(Layer::Symbols(Measure::MineProduction)),
            ),
        ];
        for (query, panel, pair, layer) in cases {
            let (parsed, notices) = parse(query, span);
            assert!(notices.is_empty(), "{query}: {notices:?}");
            assert_eq!(
                (
                    parsed.panel,
                    parsed.compare.as_ref().map(Pair::slug).as_deref(),
                    parsed.layer
                ),
                (panel, pair, layer),
                "{query}"
            );
            assert_eq!(to_query(&parsed), query);
        }
        // A preset spelt out as a pair is written as its preset.
        assert_eq!(
            to_query(&parse("?compare=EU27,USA", span).0),
            "?compare=eu-us"
        );
    }

    #[test]
    fn unknown_panels_pairs_and_layers_are_noticed() {
        for query in ["?panel=maps", "?layer=gdp", "?theme=sepia"] {
            let (parsed, notices) = parse(query, span);
            assert_eq!(notices.len(), 1, "{query}");
            assert_eq!(
                (parsed.panel, parsed.compare, parsed.layer),
                (None, None, None),
                "{query}"
            );
        }
    }

    #[test]
    fn an_unreadable_pair_shows_what_its_notice_says() {
        // Issue 13: the notice said "showing EU vs US" while no panel opened.
        for query in [
            "?compare=EU27",
            "?compare=CHN,USA",
            "?compare=USA@999",
            "?compare=,",
            "?compare=",
            "?panel=compare&compare=gold",
        ] {
            let (parsed, notices) = parse(query, span);
            assert_eq!(notices.len(), 1, "{query}");
            assert!(
                notices[0].to_string().ends_with("showing EU vs US."),
                "{query}"
            );
            // The panel opens on its default pair: EU vs US.
            assert_eq!(
                (parsed.panel, parsed.compare.clone()),
                (Some(Panel::Compare), None),
                "{query}"
            );
            assert_eq!(
                parsed.compare.unwrap_or_default(),
                Pair::parse("eu-us").unwrap()
            );
        }
        // With another panel asked for, that panel opens and the notice says
        // no comparison is shown.
        let (parsed, notices) = parse("?panel=claims&compare=USA@999", span);
        assert_eq!(parsed.panel, Some(Panel::Claims));
        assert!(notices[0].to_string().ends_with("no comparison is shown."));
    }

    #[test]
    fn any_address_parses_to_a_valid_state_with_short_notices_and_round_trips() {
        use crate::core::seeded::Seeded;
        const KEYS: [&str; 16] = [
            "series", "month", "country", "panel", "compare", "layer", "zoom", "theme", "lang",
            "embed", "reporter", "period", "", "x", "%", "month%3D",
        ];
        // Fragments of good and bad values, glued at random.
        const PIECES: [&str; 32] = [
            "magnets",
            "rare-earths",
            "2025-08",
            "2026-13",
            "KOR",
            "kor",
            "EU27",
            "EU27-DEU",
            "@12",
            "@999",
            ",",
            "total",
            "powder-alloy:",
            "oxide:",
            ":",
            "compare",
            "facts",
            "ties",
            "reserves",
            "2",
            "4",
            "dark",
            "ko",
            "mn",
            "1",
            "%",
            "%2C",
            "%E2%80%9C",
            "&",
            "=",
            "몽골",
            "A",
        ];
        let mut random = Seeded::new(13);
        let (mut noticed, mut changed) = (0, 0);
        for case in 0..3000 {
            let mut query = String::from("?");
            for _ in 0..random.below(6) {
                let mut value = String::new();
                // Half the values are one piece, so that many are valid.
                let pieces = if random.below(2) == 0 {
                    1
                } else {
                    random.below(5)
                };
                for _ in 0..pieces {
                    value.push_str(random.pick::<&str>(&PIECES[..]));
                }
                if random.below(20) == 0 {
                    value.push_str(&"Z".repeat(random.below(3000)));
                }
                query.push_str(&format!("{}={value}&", *random.pick(&KEYS[..])));
            }
            let (state, notices) = parse(&query, span);
            noticed += usize::from(!notices.is_empty());
            changed += usize::from(state != ViewState::default());
            for notice in &notices {
                let text = notice.to_string();
                assert!(text.chars().count() <= 200, "case {case} {query}: {text}");
            }
            // What the address writes back reads as the same state, silently.
            let written = to_query(&state);
            let (again, notices_again) = parse(&written, span);
            assert_eq!(again, state, "case {case}: {query} -> {written}");
            assert!(
                notices_again.is_empty(),
                "case {case}: {written} {notices_again:?}"
            );
            assert_eq!(to_query(&again), written, "case {case}");
        }
        // The generator reaches both kinds of address.
        assert!(
            noticed > 1000 && changed > 400,
            "{noticed} noticed, {changed} changed"
        );
    }

    #[test]
    fn a_long_value_is_echoed_short() {
        let long = "A".repeat(5000);
        for parameter in [
            "series", "month", "country", "panel", "compare", "layer", &long,
        ] {
            let (_, notices) = parse(&format!("?{parameter}={long}"), span);
            let text = notices[0].to_string();
            assert!(
                text.chars().count() < 160,
                "{parameter}: {} chars",
                text.chars().count()
            );
            assert!(
                text.contains(&format!("{}…", "A".repeat(40))),
                "{parameter}"
            );
        }
        // Short values are echoed whole; a multi-byte cut is on a character.
        let (_, notices) = parse(&format!("?series={}", "몽".repeat(50)), span);
        assert!(notices[0]
            .to_string()
            .contains(&format!("{}…", "몽".repeat(40))));
        let (_, notices) = parse("?series=gold", span);
        assert!(notices[0].to_string().contains("“gold”"));
    }

    #[test]
    fn the_theme_round_trips_and_defaults_to_the_system() {
        assert_eq!(parse("", span).0.theme, None);
        for (query, theme) in [("?theme=dark", Theme::Dark), ("?theme=light", Theme::Light)] {
            let (parsed, notices) = parse(query, span);
            assert!(notices.is_empty());
            assert_eq!(parsed.theme, Some(theme));
            assert_eq!(to_query(&parsed), query);
        }
    }

    #[test]
    fn embed_mode_round_trips_and_the_full_view_link_drops_it() {
        let (parsed, notices) = parse("?month=2025-08&embed=1", span);
        assert!(notices.is_empty() && parsed.embed);
        assert_eq!(to_query(&parsed), "?month=2025-08&embed=1");
        let full = ViewState {
            embed: false,
            ..parsed
        };
        assert_eq!(to_query(&full), "?month=2025-08");
        let (bad, notices) = parse("?embed=yes", span);
        assert!(!bad.embed && notices.len() == 1);
    }
}
