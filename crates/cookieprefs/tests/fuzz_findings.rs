//! A readable test for each core bug the fuzzer found. The minimized inputs
//! themselves are under `fuzz/regressions/<target>/`, replayed through the
//! fuzz checks by `crates/cookieprefs-testkit/tests/fuzz_regressions.rs`.

use cookieprefs::{Category, Date, Method, Policy, Preferences, State};

/// Found by the `evaluate` target: a stored value dated one day ahead (within
/// the allowed clock skew) could not be answered again: `choose` kept its
/// `created` date and set `updated` to today, before it, and failed with
/// `dates_out_of_order`.
#[test]
fn choose_after_a_value_dated_tomorrow() {
    let today = Date::from_ymd(2026, 11, 23).unwrap();
    let tomorrow = Date::from_ymd(2026, 11, 24).unwrap();
    let stored = Preferences::builder(tomorrow)
        .revision(3)
        .deny(Category::FIRST_PARTY)
        .build()
        .unwrap();
    let policy = Policy::builder()
        .revision(3)
        .standard_categories()
        .build()
        .unwrap();
    let ev = policy.evaluate(Some(&stored.encode()), today, false);
    assert!(ev.error().is_none());
    assert!(ev.needs_banner());
    let new = ev.choose(&[Category::STATISTICS], Method::Banner).unwrap();
    assert_eq!((new.created(), new.updated()), (today, today));
    assert_eq!(new.state(Category::STATISTICS), State::Granted);
    assert!(!policy.evaluate(Some(&new.encode()), today, false).needs_banner());
}

/// Found by the `json` target: `Policy::to_json` wrote the default Consent
/// Mode mapping of categories the policy does not offer (`ad_storage:
/// third_party` for a policy without `third_party`), which `Policy::from_json`
/// then refused: a policy's JSON form did not load back.
#[cfg(feature = "json-text")]
#[test]
fn policy_json_round_trips_without_third_party() {
    let policy = Policy::from_json(r#"{"categories":[],"revision":1}"#).unwrap();
    assert_eq!(Policy::from_json(&policy.to_json()).unwrap(), policy);
    let policy = Policy::builder()
        .category(Category::STATISTICS, "statistics", 0)
        .build()
        .unwrap();
    assert_eq!(Policy::from_json(&policy.to_json()).unwrap(), policy);
}
