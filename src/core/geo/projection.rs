//! The Equal Earth projection (Šavrič, Patterson and Jenny, 2018), with the
//! same parameters as the pre-projected basemap, so that anchors projected
//! here land on the shapes drawn there. Forward and inverse are both tested.

use serde::Deserialize;

const A1: f64 = 1.340264;
const A2: f64 = -0.081106;
const A3: f64 = 0.000893;
const A4: f64 = 0.003796;

fn m() -> f64 {
    3f64.sqrt() / 2.0
}

/// Parameters and checkpoints as written by the geometry build; only the
/// tests read it, the app uses the generated constants.
#[cfg(test)]
const PROJECTION_JSON: &str = include_str!("../../../public/geo/projection.json");

#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct EqualEarth {
    /// Longitude, in degrees, at the centre of the map.
    pub central_meridian: f64,
    pub scale: f64,
    /// Screen position, in SVG units, of the centre of the map.
    pub translate: [f64; 2],
    /// Size of the map in SVG units, the basemap's viewBox.
    pub width: f64,
    pub height: f64,
}

impl EqualEarth {
    /// The projection of the shipped basemap, generated with it.
    pub fn basemap() -> EqualEarth {
        use super::basemap_frame as frame;
        EqualEarth {
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
        let theta = (m() * lat.to_radians().sin()).asin();
        let t2 = theta * theta;
        let t6 = t2 * t2 * t2;
        let x =
            lambda * theta.cos() / (m() * (A1 + 3.0 * A2 * t2 + t6 * (7.0 * A3 + 9.0 * A4 * t2)));
        let y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2));
        (
            self.translate[0] + self.scale * x,
            self.translate[1] - self.scale * y,
        )
    }

    /// SVG coordinates back to longitude and latitude, by Newton's method on
    /// the parametric latitude. `None` off the globe.
    pub fn invert(&self, x: f64, y: f64) -> Option<(f64, f64)> {
        let px = (x - self.translate[0]) / self.scale;
        let py = (self.translate[1] - y) / self.scale;
        let mut theta = py;
        for _ in 0..12 {
            let t2 = theta * theta;
            let t6 = t2 * t2 * t2;
            let fy = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2)) - py;
            let fpy = A1 + 3.0 * A2 * t2 + t6 * (7.0 * A3 + 9.0 * A4 * t2);
            let delta = fy / fpy;
            theta -= delta;
            if delta.abs() < 1e-12 {
                break;
            }
        }
        let t2 = theta * theta;
        let t6 = t2 * t2 * t2;
        let lambda =
            m() * px * (A1 + 3.0 * A2 * t2 + t6 * (7.0 * A3 + 9.0 * A4 * t2)) / theta.cos();
        let sin_phi = theta.sin() / m();
        if !(-1.0..=1.0).contains(&sin_phi) || lambda.abs() > std::f64::consts::PI + 1e-9 {
            return None;
        }
        Some((
            wrap_degrees(lambda.to_degrees() + self.central_meridian),
            sin_phi.asin().to_degrees(),
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
        projection: EqualEarth,
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
        assert_eq!(EqualEarth::basemap(), basemap().projection);
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
        let projection = EqualEarth::basemap();
        let x = |lon: f64| projection.project(lon, 40.0).0;
        let (brussels, beijing, washington) = (x(4.35), x(116.4), x(-77.0));
        assert!(brussels < beijing && beijing < washington);
        // San Francisco sits between Beijing and Washington: the Pacific is crossed.
        assert!(beijing < x(-122.4) && x(-122.4) < washington);
        assert!(projection.invert(-5000.0, 0.0).is_none());
    }

    #[test]
    fn equal_areas_stay_equal() {
        // Two 10°x10° cells at the same latitude but far apart in longitude
        // have the same projected area; that is the point of Equal Earth.
        let projection = basemap().projection;
        let area = |lon: f64, lat: f64| {
            let corners = [
                (lon, lat),
                (lon + 10.0, lat),
                (lon + 10.0, lat + 10.0),
                (lon, lat + 10.0),
            ]
            .map(|(a, b)| projection.project(a, b));
            let mut twice = 0.0;
            for i in 0..4 {
                let (x1, y1) = corners[i];
                let (x2, y2) = corners[(i + 1) % 4];
                twice += x1 * y2 - x2 * y1;
            }
            twice.abs() / 2.0
        };
        let equator = area(0.0, 0.0);
        let north = area(100.0, 50.0);
        // A 10° cell at 50–60°N covers about 0.7 of one at the equator on the sphere.
        let sphere_ratio =
            ((60f64).to_radians().sin() - (50f64).to_radians().sin()) / (10f64).to_radians().sin();
        assert!(
            (north / equator - sphere_ratio).abs() < 0.02,
            "{} vs {sphere_ratio}",
            north / equator
        );
    }
}
