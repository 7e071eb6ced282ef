//! Korea's side of the record: its rare-earth imports as Korea Customs
//! Service reports them (through the press that carried its releases),
//! by origin, in tonnes where the release gives tonnes and as shares where
//! it gives only shares. Korea is the reporter here; China's customs is the
//! reporter of every other arc. The two are never added together.

use crate::core::data::country;
use crate::core::data::dataset::{Dataset, Fact};
use crate::core::data::period::Period;
use crate::core::data::units::{month_long, Unit};
use crate::core::geo::geometry::{Arc, WidthScale};
use crate::core::geo::projection::Miller;
use crate::core::present::figures::Figure;
use crate::core::present::map_model::{project, PlaceLabel};

pub const REPORTER: &str = "KOR";
const IMPORTS: &str = "re_imports";
const SHARE: &str = "import_share";
/// Korea's arcs are thinner than China's: a different product scale.
const MAX_WIDTH: f64 = 12.0;
/// A share-only arc has no tonnes to scale by: one thin, fixed width.
const SHARE_WIDTH: f64 = 1.6;

fn is_korea_import(f: &Fact) -> bool {
    f.subject == REPORTER
        && ((f.metric == IMPORTS && f.unit == Unit::Tonnes) || f.metric == SHARE)
        && f.period != Period::Undated
}

/// One origin in one period: tonnes, share, or both, and what China's
/// customs says it exported to Korea in the same period, if anything.
#[derive(Clone, Debug, PartialEq)]
pub struct Origin {
    pub code: String,
    pub name: String,
    pub tonnes: Option<Figure>,
    pub share: Option<Figure>,
    /// China's reported rare-earth exports to Korea in the same period.
    pub china_side: Option<Figure>,
    /// Korea's tonnes minus China's, where both exist.
    pub gap: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct KoreaPeriod {
    pub period: Period,
    /// As written in the address (`2012`, `2012-05`).
    pub slug: String,
    pub label: String,
    pub total: Option<Figure>,
    pub origins: Vec<Origin>,
}

/// "2012", "May 2012", "January–September 2010".
fn period_label(period: &Period, text: &str) -> String {
    match period {
        Period::Month(m) => month_long(*m),
        Period::Span(..) => match (period.first_month(), period.last_month()) {
            (Some(a), Some(b)) => crate::core::data::units::months_long(a, b),
            _ => text.to_string(),
        },
        _ => text.to_string(),
    }
}

/// Every period Korea reports, oldest first.
pub fn korea_periods(dataset: &Dataset) -> Vec<KoreaPeriod> {
    let facts: Vec<&Fact> = dataset.figures().filter(|f| is_korea_import(f)).collect();
    let mut periods: Vec<KoreaPeriod> = Vec::new();
    for fact in &facts {
        if periods.iter().any(|p| p.period == fact.period) {
            continue;
        }
        let same = |f: &&&Fact| f.period == fact.period;
        let total = facts
            .iter()
            .filter(same)
            .find(|f| f.metric == IMPORTS && f.partner.is_none())
            .map(|f| Figure::of(f));
        // Origins in file order, each once (tonnes and share rows repeat them).
        let mut codes: Vec<&str> = Vec::new();
        for code in facts
            .iter()
            .filter(same)
            .filter_map(|f| f.partner.as_deref())
        {
            if !codes.contains(&code) {
                codes.push(code);
            }
        }
        let origins = codes
            .into_iter()
            .map(|code| {
                let of = |metric: &str| {
                    facts
                        .iter()
                        .filter(same)
                        .find(|f| f.metric == metric && f.partner.as_deref() == Some(code))
                        .copied()
                };
                let tonnes = of(IMPORTS);
                let china = (code == "CHN")
                    .then(|| {
                        dataset.figures().find(|f| {
                            f.metric == "re_exports"
                                && f.subject == "CHN"
                                && f.partner.as_deref() == Some(REPORTER)
                                && f.period == fact.period
                        })
                    })
                    .flatten();
                Origin {
                    code: code.to_string(),
                    name: country::display_name(code),
                    gap: tonnes
                        .zip(china)
                        .map(|(k, c)| Unit::Tonnes.format(k.value - c.value)),
                    tonnes: tonnes.map(Figure::of),
                    share: of(SHARE).map(Figure::of),
                    china_side: china.map(Figure::of),
                }
            })
            .collect();
        periods.push(KoreaPeriod {
            slug: fact.period_text.clone(),
            label: period_label(&fact.period, &fact.period_text),
            period: fact.period.clone(),
            total,
            origins,
        });
    }
    // Oldest first; a year before the months inside it.
    crate::core::data::order::sort_by_key(&mut periods, |p| {
        (
            p.period.first_month(),
            std::cmp::Reverse(p.period.last_month()),
        )
    });
    periods
}

/// Where the Korea view opens: the latest period with tonnes by origin
/// (the year 2012 rather than one of its months).
pub fn default_period(periods: &[KoreaPeriod]) -> Option<&KoreaPeriod> {
    periods
        .iter()
        .filter(|p| p.origins.iter().any(|o| o.tonnes.is_some()))
        .max_by_key(|p| {
            (
                p.period.last_month(),
                std::cmp::Reverse(p.period.first_month()),
            )
        })
}

/// What an arc of Korea's record measures.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum FlowKind {
    Tonnes,
    /// Only a share of Korea's imports is given: a thin outline, no width.
    Share,
}

impl FlowKind {
    pub fn slug(self) -> &'static str {
        match self {
            FlowKind::Tonnes => "tonnes",
            FlowKind::Share => "share",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct KoreaFlow {
    pub origin: String,
    pub kind: FlowKind,
    pub figure: Figure,
    pub ribbon: String,
    pub announcement: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct KoreaMap {
    pub slug: String,
    pub label: String,
    pub flows: Vec<KoreaFlow>,
    /// Korea and the origins drawn, labelled in place of China's
    /// destinations.
    pub places: Vec<PlaceLabel>,
    pub summary: String,
}

/// The map of one period (the default one for `None`), from the periods
/// `korea_periods` read once; the width scale spans all of them.
pub fn korea_map(
    periods: &[KoreaPeriod],
    period: Option<&Period>,
    projection: &Miller,
) -> Option<KoreaMap> {
    let chosen = match period {
        Some(p) => periods.iter().find(|k| &k.period == p)?,
        None => default_period(periods)?,
    };
    let largest = periods
        .iter()
        .flat_map(|p| {
            p.origins
                .iter()
                .filter_map(|o| o.tonnes.as_ref().map(|t| t.value))
        })
        .reduce(f64::max)
        .unwrap_or(0.0);
    let scale = WidthScale {
        max_tonnes: largest,
        max_width: MAX_WIDTH,
    };
    let seoul = project(projection, REPORTER)?;
    let flows: Vec<KoreaFlow> = chosen
        .origins
        .iter()
        .filter_map(|o| {
            let arc = Arc::between(project(projection, &o.code)?, seoul)?;
            let (kind, figure, width, said) = match (&o.tonnes, &o.share) {
                (Some(t), _) => (
                    FlowKind::Tonnes,
                    t.clone(),
                    scale.width(t.value).max(SHARE_WIDTH),
                    t.label.clone(),
                ),
                (None, Some(s)) => (
                    FlowKind::Share,
                    s.clone(),
                    SHARE_WIDTH,
                    crate::t!(koreas_rare_earth_imports: "{share} of Korea's rare-earth imports", share = s.label),
                ),
                (None, None) => return None,
            };
            let announcement = crate::t!(south_korea_korea_reports:
                "{origin} to South Korea, {period}, as Korea reports it: {figure}",
                origin = o.name,
                period = chosen.label,
                figure = said
            );
            Some(KoreaFlow {
                origin: o.code.clone(),
                kind,
                figure,
                ribbon: arc.tapered_ribbon(width),
                announcement,
            })
        })
        .collect();
    let parts: Vec<String> = chosen
        .origins
        .iter()
        .map(|o| {
            let figures: Vec<&str> = [o.tonnes.as_ref(), o.share.as_ref()]
                .into_iter()
                .flatten()
                .map(|f| f.label.as_str())
                .collect();
            format!("{} {}", o.name, figures.join(", "))
        })
        .collect();
    let summary = crate::t!(koreas_rare_earth_imports_korea:
        "Korea's rare-earth imports in {period}, as Korea Customs Service reports them: {total}; by origin: {parts}.",
        period = chosen.label,
        total = chosen.total.as_ref().map_or_else(|| crate::t!(no_total_given: "no total given"), |t| t.label.clone()),
        parts = parts.join("; ")
    );
    let places = country::COUNTRIES
        .iter()
        .filter(|c| c.code == REPORTER || flows.iter().any(|f| f.origin == c.code))
        .map(|c| PlaceLabel::of(c, projection))
        .collect();
    Some(KoreaMap {
        slug: chosen.slug.clone(),
        label: chosen.label.clone(),
        flows,
        places,
        summary,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn korea_reports_2012_in_tonnes_from_china_and_in_shares_from_japan_and_france() {
        let dataset = Dataset::embedded().unwrap();
        let periods = korea_periods(&dataset);
        let year = periods.iter().find(|p| p.slug == "2012").unwrap();
        // Korea Customs Service, 2013-01-17: 2,262 t, 1,220 t from China,
        // shares 53.9% China, 27.0% Japan, 14.9% France.
        assert_eq!(year.total.as_ref().map(|t| t.value), Some(2262.0));
        let origin = |code: &str| year.origins.iter().find(|o| o.code == code).unwrap();
        assert_eq!(origin("CHN").tonnes.as_ref().map(|t| t.value), Some(1220.0));
        assert_eq!(origin("CHN").share.as_ref().map(|s| s.value), Some(53.9));
        assert!(origin("JPN").tonnes.is_none());
        assert_eq!(origin("FRA").share.as_ref().map(|s| s.value), Some(14.9));
        // China's customs gives no rare-earth export to Korea for 2012.
        assert!(origin("CHN").china_side.is_none() && origin("CHN").gap.is_none());
        let map = korea_map(&periods, None, &Miller::basemap()).unwrap();
        assert_eq!(map.slug, "2012", "the latest year with tonnes by origin");
        // Labelled: Korea and the three origins, not China's destinations.
        let mut labelled: Vec<&str> = map.places.iter().map(|p| p.code.as_str()).collect();
        labelled.sort_unstable();
        assert_eq!(labelled, ["CHN", "FRA", "JPN", "KOR"]);
        let kinds: Vec<(&str, FlowKind)> = map
            .flows
            .iter()
            .map(|f| (f.origin.as_str(), f.kind))
            .collect();
        assert_eq!(
            kinds,
            [
                ("CHN", FlowKind::Tonnes),
                ("JPN", FlowKind::Share),
                ("FRA", FlowKind::Share)
            ]
        );
    }

    #[test]
    fn the_2024_share_shows_its_conflicting_figure() {
        let dataset = Dataset::embedded().unwrap();
        let periods = korea_periods(&dataset);
        let year = periods.iter().find(|p| p.slug == "2024").unwrap();
        let china = &year.origins[0];
        let share = china.share.as_ref().unwrap();
        let values: Vec<f64> = std::iter::once(share.value)
            .chain(share.source.also.iter().map(|a| a.value))
            .collect();
        assert_eq!(values.len(), 2);
        assert!(
            values.contains(&79.8) && values.contains(&47.5),
            "{values:?}"
        );
        // Years before 2012 come first; every period is Korea-reported.
        assert_eq!(periods[0].slug, "2005");
    }

    #[test]
    fn where_both_customs_report_the_same_period_the_gap_is_shown() {
        let extra = "x-chn-kor,re_exports,CHN,KOR,2012,1000,t,T,Reuters (via Kitco),2013-01-20,https://e.org/x,q\n";
        let dataset = Dataset::parse(
            &format!("{}{extra}", crate::core::data::dataset::FACTS_CSV),
            crate::core::data::dataset::ARTICLE_CLAIMS_CSV,
            crate::core::data::events::EVENTS_CSV,
        )
        .unwrap();
        let periods = korea_periods(&dataset);
        let china = periods
            .iter()
            .find(|p| p.slug == "2012")
            .unwrap()
            .origins
            .iter()
            .find(|o| o.code == "CHN")
            .unwrap()
            .clone();
        assert_eq!(china.china_side.map(|f| f.value), Some(1000.0));
        assert_eq!(china.gap.as_deref(), Some("220 t"));
    }
}
