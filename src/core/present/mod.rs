//! Plain, owned models of what the view shows, labels already formatted:
//! components render these and compute nothing.

pub mod chart;
pub mod export;
pub mod figures;
pub mod korea;
pub mod map_model;
pub mod panels;
pub mod profile;
pub mod summary;
pub mod table;
pub mod ties;
pub mod timeline;
