//! The pure core: data, periods, countries, units, comparisons, projection,
//! geometry and view state. Nothing here touches the DOM or Leptos, so all
//! of it is tested with plain `cargo test`.

pub mod basemap;
mod basemap_projection;
pub mod capacity;
pub mod chart;
pub mod claims;
pub mod compare;
pub mod concentration;
pub mod country;
pub mod csv_text;
pub mod dataset;
pub mod events;
pub mod export;
pub mod geometry;
pub mod i18n;
pub mod map_model;
pub mod order;
pub mod panels;
pub mod period;
pub mod profile;
pub mod projection;
pub mod series;
pub mod share;
pub mod structure;
pub mod summary;
pub mod table;
pub mod trend;
pub mod units;
pub mod update;
pub mod url_state;
pub mod zoom;
