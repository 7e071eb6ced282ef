//! What part of the basemap the map shows: the band where the flows are,
//! or the whole basemap when something to show lies outside that band.

use super::projection::Miller;

/// Latitudes of the flows' band: every flow of the data runs between
/// Washington (39 N), Berlin (52 N) and Kuala Lumpur (3 N); north of 75 N and
/// south of 10 S there is nothing but empty ocean and ice for them.
pub const FLOWS_NORTH: f64 = 75.0;
pub const FLOWS_SOUTH: f64 = -10.0;

/// A rectangle of the basemap, in its SVG units.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Frame {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
}

impl Frame {
    /// The whole basemap, 78 N to 56 S.
    pub fn whole(projection: &Miller) -> Frame {
        Frame {
            x: 0.0,
            y: 0.0,
            width: projection.width,
            height: projection.height,
        }
    }

    /// The flows' band, across the full width: the cylindrical projection
    /// makes it a rectangle with no empty corners.
    pub fn flows(projection: &Miller) -> Frame {
        let top = projection
            .project(projection.central_meridian, FLOWS_NORTH)
            .1;
        let bottom = projection
            .project(projection.central_meridian, FLOWS_SOUTH)
            .1;
        Frame {
            x: 0.0,
            y: top.round(),
            width: projection.width,
            height: (bottom - top).round(),
        }
    }

    /// The flows' band, unless one of `points` (a selected country, a
    /// producing country of the structure layer) lies outside it.
    pub fn showing(projection: &Miller, mut points: impl Iterator<Item = (f64, f64)>) -> Frame {
        let band = Frame::flows(projection);
        if points.any(|p| !band.contains(p)) {
            Frame::whole(projection)
        } else {
            band
        }
    }

    pub fn contains(&self, (x, y): (f64, f64)) -> bool {
        x >= self.x && x <= self.x + self.width && y >= self.y && y <= self.y + self.height
    }

    pub fn centre(&self) -> (f64, f64) {
        (self.x + self.width / 2.0, self.y + self.height / 2.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::data::country::COUNTRIES;

    #[test]
    fn the_band_holds_every_flow_anchor_and_drops_the_empty_south() {
        let projection = Miller::basemap();
        let band = Frame::flows(&projection);
        let whole = Frame::whole(&projection);
        for code in [
            "CHN", "MNG", "KOR", "EU27", "USA", "DEU", "JPN", "IND", "VNM", "MYS",
        ] {
            let place = COUNTRIES.iter().find(|c| c.code == code).unwrap();
            let point = projection.project(place.anchor.0, place.anchor.1);
            assert!(band.contains(point), "{code} at {point:?} outside {band:?}");
        }
        // Canberra and Pretoria are south of it: the whole map is needed there.
        for (lon, lat) in [(149.13, -35.28), (28.19, -25.75)] {
            let point = projection.project(lon, lat);
            assert!(!band.contains(point) && whole.contains(point));
        }
        // The band is at most two thirds of the basemap's height, all of its width.
        assert!(band.height < whole.height * 0.67, "{band:?}");
        assert_eq!(band.width, whole.width);
        assert!(band.y > 0.0 && band.y + band.height < whole.height);
    }

    #[test]
    fn a_point_outside_the_band_shows_the_whole_map() {
        let projection = Miller::basemap();
        let seoul = projection.project(126.98, 37.57);
        let canberra = projection.project(149.13, -35.28);
        assert_eq!(
            Frame::showing(&projection, [seoul].into_iter()),
            Frame::flows(&projection)
        );
        assert_eq!(
            Frame::showing(&projection, [seoul, canberra].into_iter()),
            Frame::whole(&projection)
        );
        assert_eq!(
            Frame::showing(&projection, std::iter::empty()),
            Frame::flows(&projection)
        );
    }
}
