//! The dataset and the vocabulary it is written in.

pub mod basis;
pub mod country;
pub mod csv_text;
pub mod dataset;
pub mod events;
pub mod excerpts;
pub mod order;
pub mod period;
pub mod sources;
pub mod units;
pub mod update;
