//! Miller's cylindrical projection (Miller, 1942), with the same parameters
//! as the pre-projected basemap, so that anchors projected here land on the
//! shapes drawn there. Forward and inverse are both tested.
//!
//! Cylindrical because the map is cut in the mid-Atlantic: Europe sits at
//! its left end, where a pseudo-cylindrical projection such as Equal Earth
//! slants the meridians and draws the EU as sheared shards. Miller keeps
//! every meridian upright, and a crop to the flows' band of latitudes fills
//! its rectangle. It exaggerates areas towards the poles, which a flow map
//! (widths carry the tonnes, not areas) can afford.

use serde::Deserialize;

/// Parameters and checkpoints as written by the geometry build; only the
/// tests read it, the app uses the generated constants.
#[cfg(test)]
const PROJECTION_JSON: &str = include_str!("../../../public/geo/projection.json");

#[derive(Clone, Copy, Debug, Deserialize, PartialEq)]
pub struct Miller {
    /// Longitude, in degrees, at the centre of the map.
    pub central_meridian: f64,
    pub scale: f64,
    /// Screen position, in SVG units, of the centre meridian at the equator.
    pub translate: [f64; 2],
    /// Size of the map in SVG units, the basemap's viewBox.
    pub width: f64,
    pub height: f64,
}

impl Miller {
    /// The projection of the shipped basemap, generated with it.
    pub fn basemap() -> Miller {
        use super::basemap_frame as frame;
        Miller {
            central_meridian: frame::CENTRAL_MERIDIAN,
            scale: frame::SCALE,
            translate: frame::TRANSLATE,
            width: frame::WIDTH,
            height: frame::HEIGHT,
        }
    }

    /// Longitude and latitude in degrees to SVG x (right) and y (down).
    pub fn project(&self, lon: f64, lat: f64) -> (f64, f64) {
        let lambda = wrap_degrees(lon - self.central_meridian).to_radians();
        let phi = lat.to_radians();
        let y = 1.25 * (std::f64::consts::FRAC_PI_4 + 0.4 * phi).tan().ln();
        (
            self.translate[0] + self.scale * lambda,
            self.translate[1] - self.scale * y,
        )
    }

    /// SVG coordinates back to longitude and latitude. `None` off the globe.
    pub fn invert(&self, x: f64, y: f64) -> Option<(f64, f64)> {
        let lambda = (x - self.translate[0]) / self.scale;
        let py = (self.translate[1] - y) / self.scale;
        if lambda.abs() > std::f64::consts::PI + 1e-9 {
            return None;
        }
        let phi = 2.5 * (0.8 * py).exp().atan() - 0.625 * std::f64::consts::PI;
        Some((
            wrap_degrees(lambda.to_degrees() + self.central_meridian),
            phi.to_degrees(),
        ))
    }
}

/// An angle in degrees folded into [-180, 180).
fn wrap_degrees(degrees: f64) -> f64 {
    (degrees + 180.0).rem_euclid(360.0) - 180.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Deserialize)]
    struct Checkpoint {
        lon: f64,
        lat: f64,
        x: f64,
        y: f64,
    }

    #[derive(Deserialize)]
    struct Asset {
        #[serde(flatten)]
        projection: Miller,
        checkpoints: Vec<Checkpoint>,
    }

    fn basemap() -> Asset {
        serde_json::from_str(PROJECTION_JSON).unwrap()
    }

    #[test]
    fn reproduces_the_points_that_d3_geo_projected_for_the_basemap() {
        let asset = basemap();
        assert!(asset.checkpoints.len() >= 5);
        for c in asset.checkpoints {
            let (x, y) = asset.projection.project(c.lon, c.lat);
            assert!(
                (x - c.x).abs() < 0.06 && (y - c.y).abs() < 0.06,
                "({}, {}) -> ({x}, {y}) not ({}, {})",
                c.lon,
                c.lat,
                c.x,
                c.y
            );
        }
    }

    #[test]
    fn the_generated_constants_equal_the_projection_file() {
        assert_eq!(Miller::basemap(), basemap().projection);
    }

    #[test]
    fn invert_undoes_project_across_the_globe() {
        let projection = basemap().projection;
        for lon in (-175..=175).step_by(25) {
            for lat in (-85..=85).step_by(17) {
                let (x, y) = projection.project(f64::from(lon), f64::from(lat));
                let (lon2, lat2) = projection.invert(x, y).unwrap();
                assert!(
                    (lon2 - f64::from(lon)).abs() < 1e-6 && (lat2 - f64::from(lat)).abs() < 1e-6,
                    "{lon},{lat} -> {lon2},{lat2}"
                );
            }
        }
    }

    #[test]
    fn the_map_puts_europe_left_asia_centre_and_america_right_across_the_pacific() {
        let projection = Miller::basemap();
        let x = |lon: f64| projection.project(lon, 40.0).0;
        let (brussels, beijing, washington) = (x(4.35), x(116.4), x(-77.0));
        assert!(brussels < beijing && beijing < washington);
        // San Francisco sits between Beijing and Washington: the Pacific is crossed.
        assert!(beijing < x(-122.4) && x(-122.4) < washington);
        assert!(projection.invert(-5000.0, 0.0).is_none());
    }

    #[test]
    fn meridians_stay_upright_so_europe_is_not_sheared() {
        // At the left end of the map, where Europe is, a meridian runs
        // straight down: Brussels' longitude has one x from 35 to 70 N.
        let projection = basemap().projection;
        let xs = [35.0, 50.0, 70.0].map(|lat| projection.project(4.35, lat).0);
        assert!(xs.iter().all(|x| (x - xs[0]).abs() < 1e-9), "{xs:?}");
        // A degree of latitude grows northwards, as on the globe's shapes,
        // but far less than on Mercator (which doubles it by 60 N).
        let step = |lat: f64| projection.project(0.0, lat).1 - projection.project(0.0, lat + 1.0).1;
        let ratio = step(60.0) / step(0.0);
        assert!(ratio > 1.4 && ratio < 1.9, "{ratio}");
    }
}
