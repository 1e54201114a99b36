//! A stable sort that is small in code: binary insertion.
//!
//! The crate sorts short lists, once per policy (at most 64 categories,
//! 1,024 declared cookies, 256 items per import table, 16 languages).
//! The standard library's stable sort costs several kilobytes of code at
//! each call site, which the WebAssembly module pays for in its download
//! (`docs/PERFORMANCE.md`, "WebAssembly"); this one is a few hundred bytes.
//! Both are stable, so both give the one order the comparison defines: the
//! result is the same as `slice::sort_by`'s. Comparisons: O(n log n);
//! moves: O(n²) in the worst case, half a million swaps of small elements
//! for the largest list.

use core::cmp::Ordering;

/// Sorts `v` stably by `compare`.
pub(crate) fn sort_by<T>(v: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    for i in 1..v.len() {
        let (sorted, rest) = v.split_at(i);
        // After every element not greater than it: equal ones keep their order.
        let at = sorted.partition_point(|x| compare(x, &rest[0]) != Ordering::Greater);
        for j in (at..i).rev() {
            v.swap(j, j + 1);
        }
    }
}

/// Sorts `v` stably by a key.
pub(crate) fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        // Under Miri (isolated: no file system) few cases, and no file of
        // failures to persist.
        #![proptest_config(ProptestConfig {
            cases: if cfg!(miri) { 4 } else { 256 },
            failure_persistence: None,
            ..ProptestConfig::default()
        })]
        /// The same order as the standard library's stable sort, equal
        /// keys included.
        #[test]
        fn sorts_as_the_standard_library_does(v in proptest::collection::vec((0u8..8, any::<u16>()), 0..200)) {
            let mut ours = v.clone();
            sort_by_key(&mut ours, |(k, _)| *k);
            let mut std = v;
            std.sort_by_key(|(k, _)| *k);
            prop_assert_eq!(ours, std);
        }
    }

    #[test]
    #[cfg_attr(
        miri,
        ignore = "half a million moves: minutes under Miri; sorting is safe code"
    )]
    fn the_largest_list_sorts_quickly() {
        let mut v: Vec<usize> = (0..crate::MAX_DECLARED_COOKIES).rev().collect();
        sort_by(&mut v, |a, b| a.cmp(b));
        assert!(v.windows(2).all(|w| w[0] < w[1]));
    }
}
