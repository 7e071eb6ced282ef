//! What is computed from the data: series, comparisons, trends, capacity,
//! structure, concentration and the check of the seed article's claims.

pub mod capacity;
pub mod claims;
pub mod compare;
pub mod concentration;
pub mod series;
pub mod structure;
pub mod trend;
