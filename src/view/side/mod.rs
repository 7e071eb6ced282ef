//! Beside and over the map: the month's totals, the selected country, the
//! tooltip of a flow, the notices, and the source links every figure uses.

pub mod korea;
pub mod notices;
pub mod panels;
pub mod source;
pub mod tooltip;
