//! Policies from JSON and their errors.

use super::*;

#[test]
fn policy_errors() {
    let mut p = null_mut();
    // SAFETY: valid slices and out-pointers.
    unsafe {
        let j = br#"{"revision": 1, "max_age_days": {"granted": 400, "denied": 10}}"#;
        assert_eq!(
            cookieprefs_policy_from_json(j.as_ptr(), j.len(), &mut p),
            S::InvalidPolicy
        );
        let j = b"{not json";
        assert_eq!(
            cookieprefs_policy_from_json(j.as_ptr(), j.len(), &mut p),
            S::InvalidJson
        );
        let j = br#"{"revision": 9999}"#;
        assert_eq!(
            cookieprefs_policy_from_json(j.as_ptr(), j.len(), &mut p),
            S::RevisionOutOfRange
        );
        let j = b"{\"revision\": \xff}";
        assert_eq!(
            cookieprefs_policy_from_json(j.as_ptr(), j.len(), &mut p),
            S::InvalidUtf8
        );
        assert!(p.is_null());
        assert_eq!(cookieprefs_policy_default(&mut p), S::Ok);
        cookieprefs_policy_free(p);
        assert_eq!(cookieprefs_policy_default(null_mut()), S::NullArgument);
    }
}
