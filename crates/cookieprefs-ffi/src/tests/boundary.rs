//! The boundary helpers.

use super::*;

#[test]
fn panics_become_a_status() {
    assert_eq!(guard(|| panic!("boom")), S::Panic);
}
