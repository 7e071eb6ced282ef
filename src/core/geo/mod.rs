//! Geometry: the Miller cylindrical projection, the shipped basemap, flow arcs,
//! label placement and zoom windows.

pub mod basemap;
mod basemap_frame;
pub mod frame;
pub mod geometry;
pub mod labels;
pub mod projection;
pub mod zoom;
