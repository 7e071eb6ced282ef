//! Sorting for the app's short lists (a few hundred items at most). Each
//! standard sort, instantiated for an element type and comparator, costs
//! about 2 KB of wasm; this stable insertion sort costs a few hundred bytes,
//! and at these sizes its quadratic time is far below a millisecond.

use std::cmp::Ordering;

pub fn sort_by<T>(items: &mut [T], compare: impl Fn(&T, &T) -> Ordering) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && compare(&items[j - 1], &items[j]) == Ordering::Greater {
            items.swap(j - 1, j);
            j -= 1;
        }
    }
}

pub fn sort_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_the_standard_stable_sort() {
        let cases: [Vec<(u8, char)>; 4] = [
            vec![],
            vec![(1, 'a')],
            vec![(3, 'a'), (1, 'b'), (2, 'c'), (1, 'd'), (3, 'e'), (0, 'f')],
            (0..50)
                .map(|i| ((i * 37 % 11) as u8, char::from(b'a' + (i % 26) as u8)))
                .collect(),
        ];
        for case in cases {
            let mut ours = case.clone();
            let mut standard = case.clone();
            sort_by_key(&mut ours, |p| p.0);
            standard.sort_by_key(|p| p.0);
            assert_eq!(ours, standard, "equal keys keep their order");
        }
    }
}
