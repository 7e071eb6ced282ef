//! Words: the message catalogues and the labels of metrics.

pub mod i18n;
pub mod korean;
pub mod labels;
pub mod names;
