//! Where the map's words go. Each label is a box estimated from its text,
//! tried at a few positions around its point, nearest first, and set at the
//! first that overlaps no box already taken (the cities' names and dots,
//! the labels placed before it) and stays inside the frame. Past the first
//! ring of positions a leader line ties the label to its point.
//!
//! The boxes are estimates, not font metrics (the core knows no fonts): a
//! little generous, and checked against the rendered text by an end-to-end
//! test that measures every label on the page.

/// A box in map units, y down.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    pub left: f64,
    pub top: f64,
    pub right: f64,
    pub bottom: f64,
}

impl Rect {
    pub fn overlaps(&self, other: &Rect) -> bool {
        self.left < other.right
            && other.left < self.right
            && self.top < other.bottom
            && other.top < self.bottom
    }

    pub fn inside(&self, frame: &Rect) -> bool {
        self.left >= frame.left
            && self.right <= frame.right
            && self.top >= frame.top
            && self.bottom <= frame.bottom
    }

    /// A box of `width` × `size` whose text sits on `baseline`.
    pub fn of_text(left: f64, baseline: f64, width: f64, size: f64) -> Rect {
        Rect {
            left,
            top: baseline - ABOVE * size,
            right: left + width,
            bottom: baseline + BELOW * size,
        }
    }
}

/// How far a line's box reaches above and below the baseline, in ems: the
/// browser's box of a text (its font's ascent and descent, about 1.36 em in
/// the Noto and DejaVu sans the pages are set in, measured at 11 and 13 px),
/// not only its glyphs, since that box is what a reader sees collide.
const ABOVE: f64 = 1.06;
const BELOW: f64 = 0.3;

/// The width of `text` set at `size`, slightly generous: digits, Latin and
/// Cyrillic letters average about 0.6 em in the map's sans-serif, Hangul
/// and Chinese characters 1 em; bold adds a tenth.
pub fn text_width(text: &str, size: f64, bold: bool) -> f64 {
    let ems: f64 = text
        .chars()
        .map(|c| if (c as u32) >= 0x1100 { 1.0 } else { 0.6 })
        .sum();
    ems * size * if bold { 1.1 } else { 1.0 }
}

/// A label set in place: its text is centred on `x` with its baseline on
/// `y`; `leader` is set when it sits away from its point.
#[derive(Clone, Debug, PartialEq)]
pub struct Placed {
    pub x: f64,
    pub y: f64,
    pub rect: Rect,
    pub leader: bool,
}

/// Directions tried around a point, in order: above, below, right, left,
/// then the diagonals.
const DIRECTIONS: [(f64, f64); 8] = [
    (0.0, -1.0),
    (0.0, 1.0),
    (1.0, 0.0),
    (-1.0, 0.0),
    (1.0, -1.0),
    (-1.0, -1.0),
    (1.0, 1.0),
    (-1.0, 1.0),
];

/// Rings of positions, each a line height further out.
const RINGS: usize = 5;

/// Places a label of `width` × `size` near `point`, clear of `taken` and
/// inside `frame`. When every position collides, the first one is used, so
/// a label is never dropped; the tests hold the shipped data to no overlap.
pub fn place(point: (f64, f64), width: f64, size: f64, taken: &[Rect], frame: &Rect) -> Placed {
    let at = |ring: usize, (dx, dy): (f64, f64)| {
        let gap = 0.3 * size + ring as f64 * size;
        let centre_x = point.0 + dx * (gap + width / 2.0);
        let height = (ABOVE + BELOW) * size;
        let centre_y = point.1 + dy * (gap + height / 2.0);
        let rect = Rect {
            left: centre_x - width / 2.0,
            top: centre_y - height / 2.0,
            right: centre_x + width / 2.0,
            bottom: centre_y + height / 2.0,
        };
        Placed {
            x: centre_x,
            y: rect.top + ABOVE * size,
            rect,
            leader: ring > 0,
        }
    };
    (0..RINGS)
        .flat_map(|ring| DIRECTIONS.map(|d| (ring, d)))
        .map(|(ring, d)| at(ring, d))
        .find(|p| p.rect.inside(frame) && !taken.iter().any(|t| t.overlaps(&p.rect)))
        .unwrap_or_else(|| at(0, DIRECTIONS[0]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rect(left: f64, top: f64, right: f64, bottom: f64) -> Rect {
        Rect {
            left,
            top,
            right,
            bottom,
        }
    }

    const FRAME: Rect = Rect {
        left: 0.0,
        top: 0.0,
        right: 100.0,
        bottom: 100.0,
    };

    #[test]
    fn a_free_label_sits_centred_just_above_its_point_without_a_leader() {
        let p = place((50.0, 50.0), 20.0, 10.0, &[], &FRAME);
        assert_eq!((p.rect.left + p.rect.right) / 2.0, 50.0, "centred");
        assert!(p.rect.bottom < 50.0 && p.rect.bottom > 45.0, "{p:?}");
        assert!(
            p.rect.top < p.y && p.y < p.rect.bottom,
            "the baseline is inside the box"
        );
        assert!(!p.leader);
    }

    #[test]
    fn a_label_moves_below_when_above_is_taken_and_out_when_all_near_spots_are() {
        let above = rect(0.0, 30.0, 100.0, 48.0);
        let p = place((50.0, 50.0), 20.0, 10.0, &[above], &FRAME);
        assert!(p.rect.top > 50.0 && !p.leader, "{p:?}");
        // A wall of boxes around the point leaves only the second ring.
        let near = rect(20.0, 30.0, 80.0, 70.0);
        let p = place((50.0, 50.0), 20.0, 10.0, &[near], &FRAME);
        assert!(!p.rect.overlaps(&near) && p.leader, "{p:?}");
    }

    #[test]
    fn a_label_near_the_edge_stays_inside_the_frame() {
        let p = place((50.0, 2.0), 20.0, 10.0, &[], &FRAME);
        assert!(p.rect.inside(&FRAME) && p.rect.top > 2.0, "{p:?}");
    }

    #[test]
    fn hangul_takes_more_room_than_as_many_digits_and_bold_more_than_plain() {
        assert!(text_width("대한민국", 10.0, false) > text_width("1234", 10.0, false));
        assert!(text_width("Korea", 10.0, true) > text_width("Korea", 10.0, false));
    }
}
