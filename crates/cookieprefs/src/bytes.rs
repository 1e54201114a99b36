//! Byte searches in `Cookie:` and `Set-Cookie` headers: memchr's vectorised
//! searches natively; plain loops on WebAssembly, where memchr has no SIMD
//! to use (`wasm32-unknown-unknown` is built without `simd128`) and its
//! generic code costs kilobytes of the module's download
//! (`docs/PERFORMANCE.md`, "WebAssembly") for no speed. Both give the same
//! answers: the native tests compare them.

/// The position of the first `byte` in `haystack`.
#[inline]
pub(crate) fn find_byte(byte: u8, haystack: &[u8]) -> Option<usize> {
    #[cfg(not(target_arch = "wasm32"))]
    return memchr::memchr(byte, haystack);
    #[cfg(target_arch = "wasm32")]
    return find_byte_plain(byte, haystack);
}

/// Whether `needle` may occur in `haystack`: exactly whether it does
/// natively (a vectorised substring search); always `true` on WebAssembly,
/// where callers then do the exact work they would do after a match.
#[inline]
pub(crate) fn may_contain(haystack: &[u8], needle: &[u8]) -> bool {
    #[cfg(not(target_arch = "wasm32"))]
    return memchr::memmem::find(haystack, needle).is_some();
    #[cfg(target_arch = "wasm32")]
    {
        let _ = (haystack, needle);
        true
    }
}

/// [`find_byte`] on WebAssembly.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))] // compared with memchr in the tests
fn find_byte_plain(byte: u8, haystack: &[u8]) -> Option<usize> {
    haystack.iter().position(|&b| b == byte)
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
        #[test]
        fn the_plain_search_is_memchrs(haystack in proptest::collection::vec(b';'..=b'>', 0..100), byte in b';'..=b'>') {
            prop_assert_eq!(find_byte_plain(byte, &haystack), memchr::memchr(byte, &haystack));
            prop_assert_eq!(find_byte(byte, &haystack), memchr::memchr(byte, &haystack));
        }
    }
}
