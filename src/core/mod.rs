//! The pure core: nothing here touches the DOM or Leptos, so all of it is
//! tested with plain `cargo test`. Each folder is a layer and imports only
//! from the layers listed before it (text is used by every layer for `t!`):
//!
//! - `text`: the message catalogues and metric labels;
//! - `data`: facts, periods, countries, units, CSV and served-file updates;
//! - `analysis`: series and the comparisons computed from them;
//! - `geo`: the projection, the basemap, arcs and zoom windows;
//! - `state`: the view state and its address, and share links;
//! - `present`: the models the view renders (map, panels, timeline, chart, export).

pub mod analysis;
pub mod data;
pub mod geo;
pub mod present;
#[cfg(test)]
pub mod seeded;
pub mod state;
pub mod text;
