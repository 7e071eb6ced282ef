//! Zooming the map: a few fixed levels, each a window of the basemap's box
//! centred as near a focus point as the box allows. Short arcs (China to
//! Korea and Japan) and their labels need it on phones.

use super::frame::Frame;

/// The zoom levels offered, as magnifications of the whole map.
pub const LEVELS: [u32; 3] = [1, 2, 4];

pub fn is_level(zoom: u32) -> bool {
    LEVELS.contains(&zoom)
}

/// The next level in or out, staying at the ends.
pub fn step(zoom: u32, zoom_in: bool) -> u32 {
    let index = LEVELS.iter().position(|&l| l == zoom).unwrap_or(0);
    let next = if zoom_in {
        (index + 1).min(LEVELS.len() - 1)
    } else {
        index.saturating_sub(1)
    };
    LEVELS[next]
}

/// The address's zoom after one step: `None` is the whole map, which the
/// address leaves out.
pub fn stepped(zoom: Option<u32>, zoom_in: bool) -> Option<u32> {
    Some(step(zoom.unwrap_or(1), zoom_in)).filter(|z| *z > 1)
}

/// The visible window `(x, y, width, height)` of `frame` at `zoom`, centred
/// on `focus` but never showing anything outside the frame.
pub fn window(frame: Frame, zoom: u32, focus: (f64, f64)) -> (f64, f64, f64, f64) {
    let k = f64::from(zoom.max(1));
    let (w, h) = (frame.width / k, frame.height / k);
    // max/min, not f64::clamp: clamp's panic message formats floats, which
    // would link the float formatter (about 15 KB of gzip in the wasm).
    let x = (focus.0 - w / 2.0)
        .min(frame.x + frame.width - w)
        .max(frame.x);
    let y = (focus.1 - h / 2.0)
        .min(frame.y + frame.height - h)
        .max(frame.y);
    (x, y, w, h)
}

/// Where a map point falls in the visible window, in percent of its width
/// and height (for placing HTML over the SVG).
pub fn relative(point: (f64, f64), window: (f64, f64, f64, f64)) -> (f64, f64) {
    let (x, y, w, h) = window;
    ((point.0 - x) / w * 100.0, (point.1 - y) / h * 100.0)
}

/// How much labels shrink in map units as the map grows: by the square root
/// of the zoom, so on screen they grow half as fast as the distances between
/// them, and crowded labels come apart as the reader zooms in.
pub fn label_scale(zoom: u32) -> f64 {
    1.0 / f64::from(zoom.max(1)).sqrt()
}

/// A pinch's change of finger distance as a zoom step, once it is clear.
pub fn pinch(start_distance: f64, distance: f64) -> Option<bool> {
    if start_distance <= 0.0 {
        return None;
    }
    let ratio = distance / start_distance;
    if ratio > 1.4 {
        Some(true)
    } else if ratio < 1.0 / 1.4 {
        Some(false)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_stop_at_the_ends() {
        let cases = [
            (1, true, 2),
            (2, true, 4),
            (4, true, 4),
            (4, false, 2),
            (2, false, 1),
            (1, false, 1),
            (3, true, 2),
        ];
        for (zoom, zoom_in, expected) in cases {
            assert_eq!(step(zoom, zoom_in), expected, "{zoom} {zoom_in}");
        }
        // The address writes no zoom for the whole map.
        assert_eq!(stepped(None, true), Some(2));
        assert_eq!(stepped(Some(2), false), None);
        assert_eq!(stepped(None, false), None);
        assert_eq!(stepped(Some(4), true), Some(4));
    }

    fn map(width: f64, height: f64) -> Frame {
        Frame {
            x: 0.0,
            y: 0.0,
            width,
            height,
        }
    }

    #[test]
    fn the_window_stays_inside_a_cropped_frame() {
        let band = Frame {
            x: 0.0,
            y: 100.0,
            width: 1000.0,
            height: 300.0,
        };
        // At zoom 1 the window is the frame, wherever the focus.
        assert_eq!(window(band, 1, (500.0, 20.0)), (0.0, 100.0, 1000.0, 300.0));
        // Zoomed on a point near its top, it stops at the frame's top edge.
        assert_eq!(
            window(band, 2, (500.0, 110.0)),
            (250.0, 100.0, 500.0, 150.0)
        );
        assert_eq!(
            window(band, 2, (500.0, 399.0)),
            (250.0, 250.0, 500.0, 150.0)
        );
    }

    #[test]
    fn the_window_centres_on_the_focus_inside_the_map() {
        // Centred where there is room.
        assert_eq!(
            window(map(1000.0, 400.0), 2, (500.0, 200.0)),
            (250.0, 100.0, 500.0, 200.0)
        );
        // Pushed back inside at the edges.
        assert_eq!(
            window(map(1000.0, 400.0), 4, (10.0, 390.0)),
            (0.0, 300.0, 250.0, 100.0)
        );
        assert_eq!(
            window(map(1000.0, 400.0), 2, (990.0, 5.0)),
            (500.0, 0.0, 500.0, 200.0)
        );
        // Level 1 is the whole map whatever the focus.
        assert_eq!(
            window(map(1000.0, 400.0), 1, (0.0, 0.0)),
            (0.0, 0.0, 1000.0, 400.0)
        );
    }

    #[test]
    fn points_are_placed_relative_to_the_window() {
        assert_eq!(
            relative((500.0, 200.0), (0.0, 0.0, 1000.0, 400.0)),
            (50.0, 50.0)
        );
        assert_eq!(
            relative((500.0, 200.0), (250.0, 100.0, 500.0, 200.0)),
            (50.0, 50.0)
        );
        assert_eq!(
            relative((300.0, 100.0), (250.0, 100.0, 500.0, 200.0)),
            (10.0, 0.0)
        );
    }

    #[test]
    fn labels_grow_on_screen_more_slowly_than_the_map() {
        for zoom in LEVELS {
            let on_screen = label_scale(zoom) * f64::from(zoom);
            assert!(on_screen >= 1.0 && on_screen <= f64::from(zoom), "{zoom}");
        }
        assert_eq!(label_scale(4), 0.5);
    }

    #[test]
    fn a_pinch_counts_once_it_is_clear() {
        assert_eq!(pinch(100.0, 150.0), Some(true));
        assert_eq!(pinch(100.0, 60.0), Some(false));
        assert_eq!(pinch(100.0, 110.0), None);
        assert_eq!(pinch(0.0, 50.0), None);
    }
}
