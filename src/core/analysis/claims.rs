//! The seed article's numeric claims, each set against the dataset: the
//! figure a source gives, or the change computed from the data, compared at
//! the precision the article printed.

use crate::core::analysis::series::{agrees_at_precision, Change, ChangeKind, Series, SeriesView};
use crate::core::data::dataset::{Dataset, Fact};
use crate::core::data::units::{format_change, month_long, month_short};
use crate::core::data::{country, period::Month};
use crate::core::text::labels::metric_label;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    Matches,
    Differs,
    /// The data holds nothing to check the claim against.
    Unchecked,
}

impl Status {
    /// How a stated figure stands against the data, in words.
    pub fn verdict(self) -> String {
        match self {
            Status::Matches => crate::t!(matches_data: "matches the data"),
            Status::Differs => crate::t!(differs_data: "differs from the data"),
            Status::Unchecked => crate::t!(cannot_checked_data: "cannot be checked from the data"),
        }
    }

    /// Agreement of a stated figure with a computed one, where one exists.
    pub fn of_agreement(agrees: Option<bool>) -> Status {
        match agrees {
            Some(true) => Status::Matches,
            Some(false) => Status::Differs,
            None => Status::Unchecked,
        }
    }

    /// The one verdict on a stated change, wherever it is shown (the claims
    /// check, the tooltips, the totals): against the change computed from
    /// the data at the precision the source printed, or "cannot be
    /// checked" when the data cannot give that change. Another page that
    /// states the same number is evidence beside it, not a check.
    pub fn of_change(computed: Option<f64>, stated: &Fact) -> Status {
        Status::of_agreement(computed.map(|c| agrees_at_precision(c, stated)))
    }

    pub fn slug(self) -> &'static str {
        match self {
            Status::Matches => "matches",
            Status::Differs => "differs",
            Status::Unchecked => "unchecked",
        }
    }
}

/// What the data says, for one claim: a sourced figure or a computation.
#[derive(Clone, Debug, PartialEq)]
pub struct Evidence<'a> {
    pub label: String,
    pub text: String,
    pub facts: Vec<&'a Fact>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ClaimCheck<'a> {
    pub claim: &'a Fact,
    pub what: String,
    pub stated: String,
    pub status: Status,
    pub evidence: Vec<Evidence<'a>>,
}

fn change_kind(metric: &str) -> Option<(Series, ChangeKind)> {
    let (base, kind) = if let Some(base) = metric.strip_suffix("_mom") {
        (base, ChangeKind::MonthOnMonth)
    } else {
        (metric.strip_suffix("_yoy")?, ChangeKind::YearOnYear)
    };
    Series::ALL
        .into_iter()
        .find(|s| s.metric() == base)
        .map(|s| (s, kind))
}

fn whose(fact: &Fact) -> String {
    match fact.partner.as_deref() {
        Some(code) => crate::t!(chinas_magnet_exports:
            "China's magnet exports to {country}",
            country = country::display_name(code)
        ),
        None => crate::t!(chinas_magnet_exports_in_sentence: "China's magnet exports"),
    }
}

fn describe(claim: &Fact) -> String {
    let month = claim.period.as_month().map(month_short).unwrap_or_default();
    match change_kind(&claim.metric) {
        Some((_, ChangeKind::MonthOnMonth)) => {
            crate::t!(change_month_before:
                "{what}, {month}, change on the month before",
                what = whose(claim),
                month = month
            )
        }
        Some((_, ChangeKind::YearOnYear)) => {
            crate::t!(change_year_earlier:
                "{what}, {month}, change on a year earlier",
                what = whose(claim),
                month = month
            )
        }
        None if claim.metric == "magnet_exports" => format!("{}, {month}", whose(claim)),
        None => {
            let subject = crate::core::text::names::place_name(&claim.subject);
            format!("{} — {subject}", metric_label(&claim.metric))
        }
    }
}

/// What a change rests on, or why the data cannot give it: the one reason
/// that the tooltips and the claims check both print.
pub fn change_basis(
    view: &SeriesView,
    partner: Option<&str>,
    month: Month,
    kind: ChangeKind,
    change: Option<&Change>,
) -> String {
    let base_month = month.plus_months(-kind.months_back());
    if let Some(c) = change {
        return crate::t!(current_against_base:
            "{current} in {month} against {base} in {base_month}",
            current = c.current.unit.format(c.current.value),
            month = month_long(month),
            base = c.base.unit.format(c.base.value),
            base_month = month_long(base_month)
        );
    }
    if let Some(combined) = view.combined(month).or_else(|| view.combined(base_month)) {
        return crate::t!(published_only_together:
            "{months} is published as one figure: no single month to compare",
            months = crate::core::data::units::months_long(combined.first, combined.last)
        );
    }
    let missing = if view.figure(partner, month).is_none() {
        month
    } else {
        base_month
    };
    crate::t!(no_figure_data:
        "No figure for {month} in the data",
        month = month_long(missing)
    )
}

fn source_line(fact: &Fact) -> String {
    format!("{} ({})", fact.unit.format(fact.value), fact.source.cited())
}

fn check_change<'a>(
    dataset: &'a Dataset,
    claim: &'a Fact,
    series: Series,
    kind: ChangeKind,
    month: Month,
) -> ClaimCheck<'a> {
    let view = SeriesView::new(dataset, series);
    let partner = claim.partner.as_deref();
    let change = view.change(partner, month, kind);
    let status = Status::of_change(change.as_ref().map(|c| c.percent), claim);
    let basis = change_basis(&view, partner, month, kind, change.as_ref());
    let mut evidence = vec![Evidence {
        label: crate::t!(computed_data: "Computed from the data"),
        text: match &change {
            Some(c) => format!("{}: {basis}", format_change(c.percent)),
            None => basis,
        },
        facts: change.iter().flat_map(|c| [c.current, c.base]).collect(),
    }];
    // Other pages that state a change for the same month: shown beside the
    // computation, never taken for it.
    for stated in view
        .stated_changes(partner, month, kind)
        .into_iter()
        .filter(|s| s.fact.id != claim.id)
    {
        if dataset.claims.iter().any(|c| c.id == stated.fact.id) {
            continue;
        }
        evidence.push(Evidence {
            label: crate::t!(stated:
                "Stated by {publisher}",
                publisher = stated.fact.source.cited()
            ),
            text: stated.fact.stated_change(),
            facts: vec![stated.fact],
        });
    }
    ClaimCheck {
        claim,
        what: describe(claim),
        stated: claim.stated_change(),
        status,
        evidence,
    }
}

fn check_figure<'a>(dataset: &'a Dataset, claim: &'a Fact) -> ClaimCheck<'a> {
    let candidates: Vec<&Fact> = dataset
        .figures()
        .filter(|f| {
            f.metric == claim.metric
                && f.subject == claim.subject
                && f.partner == claim.partner
                && (claim.period_text.is_empty() || f.period_text == claim.period_text)
        })
        .collect();
    let equal = |f: &&Fact| agrees_at_precision(f.value, claim);
    let status = match (candidates.is_empty(), candidates.iter().any(equal)) {
        (true, _) => Status::Unchecked,
        (false, true) => Status::Matches,
        (false, false) => Status::Differs,
    };
    let mut ordered = candidates;
    crate::core::data::order::sort_by_key(&mut ordered, |f| !equal(f));
    let evidence = ordered
        .into_iter()
        .map(|f| Evidence {
            label: if f.period_text.is_empty() {
                crate::t!(data_undated: "In the data (undated)")
            } else {
                crate::t!(in_the_data_for_period: "In the data ({period})", period = f.period_text)
            },
            text: source_line(f),
            facts: vec![f],
        })
        .collect();
    ClaimCheck {
        claim,
        what: describe(claim),
        stated: claim.unit.format(claim.value),
        status,
        evidence,
    }
}

pub fn check_claims(dataset: &Dataset) -> Vec<ClaimCheck<'_>> {
    dataset
        .claims
        .iter()
        .map(
            |claim| match (change_kind(&claim.metric), claim.period.as_month()) {
                (Some((series, kind)), Some(month)) => {
                    check_change(dataset, claim, series, kind, month)
                }
                _ => check_figure(dataset, claim),
            },
        )
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn checks() -> Vec<(String, Status, String)> {
        let dataset = Box::leak(Box::new(Dataset::embedded().unwrap()));
        check_claims(dataset)
            .into_iter()
            .map(|c| (c.claim.id.clone(), c.status, c.stated))
            .collect()
    }

    fn status_of(id: &str) -> Status {
        checks().into_iter().find(|(i, ..)| i == id).unwrap().1
    }

    #[test]
    fn every_claim_of_the_article_is_checked() {
        let all = checks();
        assert_eq!(all.len(), 12);
        let cases = [
            ("art-mag-chn-2025-08", Status::Matches),
            ("art-mag-chn-mom-2025-08", Status::Matches),
            ("art-mag-chn-yoy-2025-08", Status::Matches),
            ("art-mag-chn-eu27-2025-08", Status::Matches),
            ("art-mag-chn-eu27-mom-2025-08", Status::Matches),
            ("art-mag-chn-usa-2025-08", Status::Matches),
            ("art-mag-chn-usa-mom-2025-08", Status::Differs),
            // Reuters states −11.8%, but without August 2024 the data cannot
            // give the change: the tooltip and this check say the same.
            ("art-mag-chn-usa-yoy-2025-08", Status::Unchecked),
            ("art-minshare-chn", Status::Matches),
            ("art-refshare-chn", Status::Matches),
            ("art-cap-neo-narva", Status::Matches),
            ("art-inv-dod-mp", Status::Matches),
        ];
        for (id, expected) in cases {
            assert_eq!(status_of(id), expected, "{id}");
        }
    }

    #[test]
    fn the_us_month_on_month_claim_shows_both_numbers() {
        let dataset = Dataset::embedded().unwrap();
        let checks = check_claims(&dataset);
        let us = checks
            .iter()
            .find(|c| c.claim.id == "art-mag-chn-usa-mom-2025-08")
            .unwrap();
        assert_eq!(us.stated, "\u{2212}4.8%");
        assert!(us.evidence[0]
            .text
            .starts_with("\u{2212}4.7%: 590 t in August 2025 against 619 t in July 2025"));
        assert!(us
            .evidence
            .iter()
            .any(|e| e.label.contains("Reuters") && e.text == "\u{2212}4.7%"));
    }

    #[test]
    fn the_us_year_on_year_claim_cannot_be_checked_and_says_why_as_the_tooltip_does() {
        let dataset = Dataset::embedded().unwrap();
        let checks = check_claims(&dataset);
        let yoy = checks
            .iter()
            .find(|c| c.claim.id == "art-mag-chn-usa-yoy-2025-08")
            .unwrap();
        assert_eq!(yoy.status, Status::Unchecked);
        assert_eq!(
            yoy.evidence[0].text,
            "No figure for August 2024 in the data"
        );
        assert!(yoy.evidence[0].facts.is_empty());
        assert!(
            yoy.evidence[1].label.contains("Reuters"),
            "the stated figure beside it"
        );
        // The map's tooltip for the same flow gives the same verdict and reason.
        let model = crate::core::present::map_model::map_model(
            &SeriesView::new(&dataset, Series::Magnets),
            Month::parse("2025-08").unwrap(),
            &crate::core::geo::projection::Miller::basemap(),
        );
        let us = model.flows.iter().find(|f| f.partner == "USA").unwrap();
        let tooltip = &us.changes[1];
        assert_eq!(tooltip.basis, yoy.evidence[0].text);
        assert!(tooltip.stated.iter().all(|s| s.agreement == yoy.status));
    }

    #[test]
    fn every_claimed_change_gets_the_tooltips_verdict() {
        let dataset = Dataset::embedded().unwrap();
        for check in check_claims(&dataset) {
            let (Some((series, kind)), Some(month)) = (
                change_kind(&check.claim.metric),
                check.claim.period.as_month(),
            ) else {
                continue;
            };
            let view = SeriesView::new(&dataset, series);
            let partner = check.claim.partner.as_deref();
            let model = crate::core::present::map_model::map_model(
                &view,
                month,
                &crate::core::geo::projection::Miller::basemap(),
            );
            let changes = match partner {
                Some(p) => &model.flows.iter().find(|f| f.partner == p).unwrap().changes,
                None => &model.total_changes,
            };
            // The model lists the change on the month before, then on a year earlier.
            let shown = &changes[usize::from(kind == ChangeKind::YearOnYear)];
            let computed = view.change(partner, month, kind).map(|c| c.percent);
            assert_eq!(
                check.status,
                Status::of_change(computed, check.claim),
                "{}",
                check.claim.id
            );
            assert!(
                check.evidence[0].text.ends_with(&shown.basis),
                "{}",
                check.claim.id
            );
        }
    }

    #[test]
    fn an_undated_share_lists_every_figure_the_data_has() {
        let dataset = Dataset::embedded().unwrap();
        let checks = check_claims(&dataset);
        let mining = checks
            .iter()
            .find(|c| c.claim.id == "art-minshare-chn")
            .unwrap();
        let values: Vec<f64> = mining.evidence.iter().map(|e| e.facts[0].value).collect();
        assert_eq!(values[0], 61.0, "the matching figure first");
        assert!(values.contains(&62.0) && values.contains(&69.0));
    }
}
