//! The width key: one scale per series, so it changes only with the series.

use leptos::prelude::*;

use crate::core::data::units::decimal;
use crate::core::present::map_model::{LegendEntry, MapModel};
use crate::t;

#[component]
pub fn Legend(
    model: Memo<Option<MapModel>>,
    /// China's width scale says nothing about Korea's arcs: hidden there.
    #[prop(into)]
    hidden: Signal<bool>,
) -> impl IntoView {
    let entries: Memo<Vec<LegendEntry>> = Memo::new(move |_| {
        model.with(|m| m.as_ref().map(|m| m.legend.clone()).unwrap_or_default())
    });
    view! {
        <figure class="legend" data-testid="legend" hidden=move || hidden.get()>
            <figcaption>{t!(width_tonnes_one_scale_every: "Width: tonnes, one scale for every month")}</figcaption>
            <ul>
                // Rebuilt only when the series (and so the scale) changes.
                {move || entries.get().into_iter().map(|entry| view! {
                    <li>
                        <svg width="60" height="22" aria-hidden="true">
                            <rect x="0" y=decimal(11.0 - entry.width / 2.0, 1) width="60" height=decimal(entry.width.max(0.5), 2) class="legend-bar"/>
                        </svg>
                        {entry.label}
                    </li>
                }).collect_view()}
                // Keyed in every month, like the widths: the legend belongs
                // to the series and does not change at a month step.
                <li data-testid="legend-part">
                    <svg width="60" height="22" aria-hidden="true">
                        <rect x="0" y="7" width="60" height="8" class="legend-bar part"/>
                    </svg>
                    {t!(member_inside_eu_figure: "lighter: part of the EU's figure")}
                </li>
                <li>
                    <svg width="60" height="22" aria-hidden="true">
                        <line x1="0" y1="11" x2="60" y2="11" class="legend-missing"/>
                    </svg>
                    {t!(no_figure_month: "no figure this month")}
                </li>
            </ul>
        </figure>
    }
}
