//! Flow arcs on the projected map: curved ribbons whose width at the start
//! is proportional to tonnes and which taper into an arrowhead at the
//! destination, so that direction reads without colour.

use std::fmt::Write;

use crate::core::data::units::decimal;

pub type Point = (f64, f64);

/// Tonnes to stroke width, fixed for a whole series so that widths compare
/// across months.
#[derive(Copy, Clone, Debug, PartialEq)]
pub struct WidthScale {
    pub max_tonnes: f64,
    pub max_width: f64,
}

impl WidthScale {
    pub fn width(&self, tonnes: f64) -> f64 {
        if self.max_tonnes <= 0.0 {
            0.0
        } else {
            tonnes.max(0.0) / self.max_tonnes * self.max_width
        }
    }

    /// Round legend values (1, 2, 5 × 10ⁿ) below the largest flow, for a
    /// legend of three widths; they are keys to the scale, not data.
    pub fn legend_values(&self) -> Vec<f64> {
        if self.max_tonnes <= 0.0 {
            return Vec::new();
        }
        let mut steps = Vec::new();
        let mut magnitude = 10f64.powf(self.max_tonnes.log10().floor());
        while steps.len() < 3 && magnitude >= 1.0 {
            for factor in [5.0, 2.0, 1.0] {
                let value = factor * magnitude;
                if value <= self.max_tonnes && steps.len() < 3 {
                    steps.push(value);
                }
            }
            magnitude /= 10.0;
        }
        steps.reverse();
        steps
    }
}

/// The quadratic curve of a flow, bowed to the north-side of its chord so
/// that arcs from one exporter fan out instead of overlapping.
#[derive(Copy, Clone, Debug, PartialEq)]
pub struct Arc {
    pub from: Point,
    pub control: Point,
    pub to: Point,
}

impl Arc {
    pub fn between(from: Point, to: Point) -> Option<Arc> {
        Arc::bowed(from, to, 0.22)
    }

    /// A curve whose control point sits `bow` chord lengths off the chord's
    /// middle: positive to the north side, negative to the south.
    pub fn bowed(from: Point, to: Point, bow: f64) -> Option<Arc> {
        let (dx, dy) = (to.0 - from.0, to.1 - from.1);
        let length = dx.hypot(dy);
        if length < 1e-6 {
            return None;
        }
        let (mut nx, mut ny) = (dy / length, -dx / length);
        if ny > 0.0 {
            (nx, ny) = (-nx, -ny);
        }
        let bow = length * bow;
        let control = (
            (from.0 + to.0) / 2.0 + nx * bow,
            (from.1 + to.1) / 2.0 + ny * bow,
        );
        Some(Arc { from, control, to })
    }

    pub fn point(&self, t: f64) -> Point {
        let u = 1.0 - t;
        (
            u * u * self.from.0 + 2.0 * u * t * self.control.0 + t * t * self.to.0,
            u * u * self.from.1 + 2.0 * u * t * self.control.1 + t * t * self.to.1,
        )
    }

    fn unit_normal(&self, t: f64) -> Point {
        let dx = 2.0 * (1.0 - t) * (self.control.0 - self.from.0)
            + 2.0 * t * (self.to.0 - self.control.0);
        let dy = 2.0 * (1.0 - t) * (self.control.1 - self.from.1)
            + 2.0 * t * (self.to.1 - self.control.1);
        let length = dx.hypot(dy).max(1e-9);
        (-dy / length, dx / length)
    }

    /// The centre line alone, for a faint "no data" trace.
    pub fn centre_line(&self) -> String {
        let [a, c, b] = [self.from, self.control, self.to];
        format!("M{}Q{} {}", coordinates(a), coordinates(c), coordinates(b))
    }

    /// A closed ribbon `width` wide at the start, narrowing to 40% before an
    /// arrowhead whose tip is exactly at the destination.
    pub fn tapered_ribbon(&self, width: f64) -> String {
        const STEPS: usize = 16;
        let head_length = (width * 1.4).clamp(5.0, 16.0);
        let chord = (self.to.0 - self.from.0).hypot(self.to.1 - self.from.1);
        let body_end = (1.0 - head_length / chord.max(head_length * 2.0)).max(0.5);
        let half = |t: f64| width / 2.0 * (1.0 - 0.6 * t / body_end);
        let side = |t: f64, sign: f64| {
            let (x, y) = self.point(t);
            let (nx, ny) = self.unit_normal(t);
            (x + sign * nx * half(t), y + sign * ny * half(t))
        };
        let ts: Vec<f64> = (0..=STEPS)
            .map(|i| body_end * i as f64 / STEPS as f64)
            .collect();
        let head_half = (half(body_end) * 2.2).max(2.5);
        let (bx, by) = self.point(body_end);
        let (nx, ny) = self.unit_normal(body_end);

        let mut path = String::new();
        for (i, t) in ts.iter().enumerate() {
            let (x, y) = side(*t, 1.0);
            let _ = write!(
                path,
                "{}{}",
                if i == 0 { "M" } else { "L" },
                coordinates((x, y))
            );
        }
        let _ = write!(
            path,
            "L{}",
            coordinates((bx + nx * head_half, by + ny * head_half))
        );
        let _ = write!(path, "L{}", coordinates(self.to));
        let _ = write!(
            path,
            "L{}",
            coordinates((bx - nx * head_half, by - ny * head_half))
        );
        for t in ts.iter().rev() {
            let (x, y) = side(*t, -1.0);
            let _ = write!(path, "L{}", coordinates((x, y)));
        }
        path.push('Z');
        path
    }
}

/// "x y" to a tenth of a map unit, finer than a screen pixel at any size.
pub fn coordinates((x, y): Point) -> String {
    format!("{} {}", decimal(x, 1), decimal(y, 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn numbers(path: &str) -> Vec<f64> {
        path.split(|c: char| c.is_ascii_alphabetic() || c == ' ')
            .filter(|s| !s.is_empty())
            .map(|s| s.parse().unwrap())
            .collect()
    }

    fn points(path: &str) -> Vec<Point> {
        numbers(path).chunks(2).map(|p| (p[0], p[1])).collect()
    }

    #[test]
    fn width_is_proportional_to_tonnes_on_one_fixed_scale() {
        let scale = WidthScale {
            max_tonnes: 2582.0,
            max_width: 18.0,
        };
        assert_eq!(scale.width(2582.0), 18.0);
        assert!((scale.width(1291.0) - 9.0).abs() < 1e-9);
        assert!((scale.width(590.0) / scale.width(295.0) - 2.0).abs() < 1e-9);
        assert_eq!(scale.width(-3.0), 0.0);
        assert_eq!(
            WidthScale {
                max_tonnes: 0.0,
                max_width: 18.0
            }
            .width(5.0),
            0.0
        );
    }

    #[test]
    fn legend_values_are_round_and_never_above_the_largest_flow() {
        let cases = [
            (2582.0, vec![1000.0, 2000.0, 500.0]),
            (7338.0, vec![2000.0, 5000.0, 1000.0]),
            (46.0, vec![10.0, 20.0, 5.0]),
        ];
        for (max, mut expected) in cases {
            let mut values = WidthScale {
                max_tonnes: max,
                max_width: 18.0,
            }
            .legend_values();
            values.sort_by(f64::total_cmp);
            expected.sort_by(f64::total_cmp);
            assert_eq!(values, expected, "{max}");
        }
        assert!(WidthScale {
            max_tonnes: 0.0,
            max_width: 1.0
        }
        .legend_values()
        .is_empty());
    }

    #[test]
    fn arcs_bow_northwards_whichever_way_they_run() {
        for (from, to) in [
            ((100.0, 100.0), (400.0, 120.0)),
            ((400.0, 120.0), (100.0, 100.0)),
            ((417.0, 102.0), (442.0, 110.0)),
        ] {
            let arc = Arc::between(from, to).unwrap();
            let chord_mid_y = (from.1 + to.1) / 2.0;
            assert!(arc.point(0.5).1 < chord_mid_y, "{from:?}->{to:?}");
            assert_eq!(arc.point(0.0), from);
            assert_eq!(arc.point(1.0), to);
        }
        assert!(Arc::between((5.0, 5.0), (5.0, 5.0)).is_none());
    }

    #[test]
    fn the_ribbon_starts_at_full_width_and_ends_in_a_tip_at_the_destination() {
        let arc = Arc::between((400.0, 100.0), (830.0, 105.0)).unwrap();
        let path = arc.tapered_ribbon(10.0);
        assert!(path.starts_with('M') && path.ends_with('Z'));
        let pts = points(&path);
        let (first, last) = (pts[0], pts[pts.len() - 1]);
        let start_width = (first.0 - last.0).hypot(first.1 - last.1);
        assert!(
            (start_width - 10.0).abs() < 0.2,
            "start width {start_width}"
        );
        assert!(pts.contains(&(830.0, 105.0)), "tip is the destination");
        assert!(pts.iter().all(|(x, y)| x.is_finite() && y.is_finite()));
    }

    #[test]
    fn a_hairline_flow_still_gets_a_visible_arrowhead() {
        let arc = Arc::between((400.0, 100.0), (420.0, 110.0)).unwrap();
        let pts = points(&arc.tapered_ribbon(0.2));
        let widest = pts.iter().map(|p| p.0).fold(f64::MIN, f64::max)
            - pts.iter().map(|p| p.0).fold(f64::MAX, f64::min);
        assert!(widest > 4.0);
    }
}
