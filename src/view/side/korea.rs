//! Korea's record beside the map: every period Korea Customs Service
//! reports, by origin, each figure linked; the period shown on the map is
//! pressed. And the partnership's ties as a dated list.

use leptos::prelude::*;

use crate::core::data::period::Period;
use crate::core::present::korea::KoreaPeriod;
use crate::core::present::ties::Tie;
use crate::core::state::url_state::Reporter;
use crate::t;
use crate::view::message::with_slots;
use crate::view::side::source::FigureLink;
use crate::view::state::{Store, Write};

#[component]
pub fn KoreaPanel(periods: Memo<Vec<KoreaPeriod>>, shown: Memo<Option<String>>) -> impl IntoView {
    let store = expect_context::<Store>();
    view! {
        <section class="panel korea-panel" data-testid="korea-panel" hidden=move || shown.with(Option::is_none)
            aria-labelledby="korea-heading">
            <h2 id="korea-heading">{t!(korea_imports_as_reported: "Korea's rare-earth imports, as Korea reports them")}</h2>
            <p class="note">{t!(korea_customs_service_figures_through: "Korea Customs Service figures, through the press that carried its releases: tonnes by origin where a release gives them, shares where it gives only shares (thin arcs). China's customs is the reporter of every other arc; the two records are never added together.")}</p>
            <div class="table-scroll">
            <table class="korea-periods">
                <thead><tr><th scope="col">{t!(period: "Period")}</th><th scope="col">{t!(total: "Total")}</th><th scope="col">{t!(origin: "By origin")}</th></tr></thead>
                <tbody>
                    <For each=move || periods.get() key=|p| p.slug.clone() let:period>
                        {
                            let slug = period.slug.clone();
                            let pressed = {
                                let slug = slug.clone();
                                move || shown.with(|s| s.as_deref() == Some(slug.as_str())).to_string()
                            };
                            let target = Period::parse(&slug).ok();
                            view! {
                                <tr data-testid="korea-period" data-period=slug.clone()>
                                    <th scope="row">
                                        <button type="button" aria-pressed=pressed
                                            on:click=move |_| { let target = target.clone(); store.go(Write::Push, |s| s.period = target) }>
                                            {period.label.clone()}
                                        </button>
                                    </th>
                                    <td>{period.total.clone().map(|t| view! { <FigureLink figure=t/> })}</td>
                                    <td>
                                        <ul class="origins">
                                        {period.origins.iter().map(|o| view! {
                                            <li data-origin=o.code.clone()>
                                                {format!("{}: ", o.name)}
                                                {o.tonnes.clone().map(|t| view! { <FigureLink figure=t/> })}
                                                {(o.tonnes.is_some() && o.share.is_some()).then_some(", ")}
                                                {o.share.clone().map(|s| view! { <FigureLink figure=s/> })}
                                                {o.china_side.clone().map(|c| view! {
                                                    " · " {with_slots(t!(china_reports: "China reports {figure}"), |_| view! { <FigureLink figure=c.clone()/> }.into_any())}
                                                })}
                                                {o.gap.clone().map(|g| format!(" · {}", t!(gap: "gap {gap}", gap = g)))}
                                            </li>
                                        }).collect_view()}
                                        </ul>
                                    </td>
                                </tr>
                            }
                        }
                    </For>
                </tbody>
            </table>
            </div>
            <p class="note">{t!(chinas_customs_gives_no_rare: "China's customs gives no rare-earth export figure to Korea for these periods, so the two sides of the record cannot be set against each other; its magnet figures for Korea (2025) are a different product.")}</p>
            <button type="button" data-testid="reporter-china" on:click=move |_| store.go(Write::Push, |s| { s.reporter = None; s.period = None; })>
                {t!(back_chinas_exports: "Back to China's exports")}
            </button>
        </section>
    }
}

/// A button that opens Korea's record on the map.
#[component]
pub fn ShowKoreaRecord() -> impl IntoView {
    let store = expect_context::<Store>();
    view! {
        <button type="button" data-testid="reporter-korea" on:click=move |_| store.go(Write::Push, |s| s.reporter = Some(Reporter::Korea))>
            {t!(show_koreas_own_import_record: "Show Korea's own import record on the map")}
        </button>
    }
}

/// The ties, dated and linked, as a list a screen reader can walk.
#[component]
pub fn TiesList(ties: Vec<Tie>) -> impl IntoView {
    view! {
        <ol class="ties-list" data-testid="ties-list">
            {ties.into_iter().map(|tie| view! {
                <li data-fact=tie.fact_id.clone()>
                    {format!("{} — {}: ", tie.date, tie.label)}
                    <FigureLink figure=tie.figure/>
                </li>
            }).collect_view()}
        </ol>
    }
}

/// What the Korea and Mongolia panels open with: Korea's own record, the
/// ties, and Mongolia's deposits with its disputed national figure drawn as
/// a range.
#[component]
pub fn PartnershipLead(code: Memo<Option<String>>) -> impl IntoView {
    let store = expect_context::<Store>();
    let ties = Memo::new(move |_| match code.get().as_deref() {
        Some("KOR" | "MNG") => store.data.with(|d| {
            crate::core::present::ties::ties(&d.0, &crate::core::geo::projection::Miller::basemap())
        }),
        _ => Vec::new(),
    });
    let deposits = Memo::new(move |_| {
        (code.get().as_deref() == Some("MNG")).then(|| {
            store
                .data
                .with(|d| crate::core::present::ties::deposits(&d.0))
        })
    });
    view! {
        <div class="lead" data-testid="partnership-lead" hidden=move || ties.with(Vec::is_empty)>
            {move || (code.get().as_deref() == Some("KOR")).then(|| view! { <ShowKoreaRecord/> })}
            <h3>{t!(mongolia_korea_ties: "Mongolia–Korea ties")}</h3>
            {move || view! { <TiesList ties=ties.get()/> }}
            <button type="button" data-testid="show-ties"
                on:click=move |_| store.go(Write::Push, |s| s.layer = Some(crate::core::state::url_state::Layer::Ties))>
                {t!(draw_ties_map: "Draw the ties on the map")}
            </button>
            {move || deposits.get().map(|d| view! { <DepositsChart deposits=d/> })}
        </div>
    }
}

#[component]
fn DepositsChart(deposits: crate::core::present::ties::Deposits) -> impl IntoView {
    use crate::core::data::units::decimal;
    use crate::core::present::ties::MAX_DEPOSIT_RADIUS;
    let step = MAX_DEPOSIT_RADIUS * 2.0 + 8.0;
    let width = step * deposits.deposits.len().max(1) as f64;
    let height = MAX_DEPOSIT_RADIUS * 2.0 + 4.0;
    view! {
        <h3>{t!(mongolias_rare_earth_deposits: "Mongolia's rare-earth deposits")}</h3>
        <p class="note">{t!(circle_area_proportional_each_deposits: "Circle area is proportional to each deposit's reserves as the source states them (national categories, not JORC). The data gives no coordinates, so they are not placed on the map.")}</p>
        <svg class="deposits" viewBox=format!("0 0 {} {}", decimal(width, 1), decimal(height, 1)) role="img" aria-label=t!(mongolias_rare_earth_deposits: "Mongolia's rare-earth deposits")>
            {deposits.deposits.iter().enumerate().map(|(i, (name, figure, r))| view! {
                <circle class="deposit" data-testid="deposit" data-value=decimal(figure.value, 3)
                    cx=decimal(step * (i as f64 + 0.5), 1) cy=decimal(MAX_DEPOSIT_RADIUS + 2.0, 1) r=decimal(*r, 2)>
                    <title>{format!("{name}: {}", figure.label)}</title>
                </circle>
            }).collect_view()}
        </svg>
        <ul class="deposit-list">
            {deposits.deposits.into_iter().map(|(name, figure, _)| view! { <li>{format!("{name}: ")} <FigureLink figure=figure/></li> }).collect_view()}
        </ul>
        {deposits.range.map(|(low, high)| {
            // A band from the lowest reported to the highest claimed figure,
            // on an axis from zero: the dispute is the band's length.
            let x = |v: f64| decimal(v / high.value * 280.0 + 10.0, 1);
            view! {
                <h3>{t!(mongolias_national_reserves_disputed: "Mongolia's national reserves: disputed")}</h3>
                <svg class="reserve-range" viewBox="0 0 300 30" role="img" data-testid="reserve-range"
                    data-low=decimal(low.value, 3) data-high=decimal(high.value, 3)
                    aria-label=t!(reported_claimed: "from {low} reported to {high} claimed", low = low.label.clone(), high = high.label.clone())>
                    <line class="axis" x1="10" x2="290" y1="22" y2="22"/>
                    <rect class="range" x=x(low.value) y="8" width=decimal((high.value - low.value) / high.value * 280.0, 1) height="10"/>
                </svg>
                <p>{with_slots(t!(reported_and_claimed: "Reported: {low}; claimed: {high}"), |slot| {
                    let figure = if slot == "low" { low.clone() } else { high.clone() };
                    view! { <FigureLink figure=figure/> }.into_any()
                })}</p>
            }
        })}
    }
}
