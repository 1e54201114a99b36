//! Replays every input under `fuzz/regressions/<target>/` through the same
//! check the fuzz target runs (`fuzz/src/checks.rs`, included here), so each
//! crash the fuzzer ever found stays fixed in a plain `cargo test`; plus a
//! readable test for each core bug the fuzzer found.
//!
//! To add a regression: minimize the crash (`cargo +nightly fuzz tmin
//! <target> <artifact>` in `fuzz/`) and copy the result to
//! `fuzz/regressions/<target>/<short-name>`.

#[path = "reference/mod.rs"]
mod reference;

#[path = "../../../fuzz/src/checks.rs"]
mod checks;

use std::path::PathBuf;

use cookieprefs::{Category, Date, Method, Policy, Preferences, State};

fn regressions_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/regressions")
}

/// Runs `check` on every file of `fuzz/regressions/<target>/`; returns how many.
fn replay(target: &str) -> usize {
    let check = checks::TARGETS
        .iter()
        .find(|t| t.name == target)
        .expect("a target of checks::TARGETS")
        .check;
    let dir = regressions_dir().join(target);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return 0;
    };
    let mut files: Vec<PathBuf> = entries.map(|e| e.unwrap().path()).collect();
    files.sort();
    for f in &files {
        let data = std::fs::read(f).unwrap();
        let result = std::panic::catch_unwind(|| check(&data));
        assert!(result.is_ok(), "fuzz regression {} fails", f.display());
    }
    files.len()
}

#[test]
fn regressions_decode() {
    replay("decode");
}

#[test]
fn regressions_roundtrip() {
    replay("roundtrip");
}

#[test]
fn regressions_evaluate() {
    assert!(replay("evaluate") >= 1);
}

#[test]
fn regressions_cookie_header() {
    replay("cookie_header");
}

#[test]
fn regressions_differential() {
    replay("differential");
}

#[test]
fn regressions_json() {
    assert!(replay("json") >= 1);
}

#[test]
fn every_regression_dir_is_a_known_target() {
    let Ok(entries) = std::fs::read_dir(regressions_dir()) else {
        return;
    };
    for e in entries {
        let name = e.unwrap().file_name().into_string().unwrap();
        assert!(
            name == "ffi" || checks::TARGETS.iter().any(|t| t.name == name),
            "fuzz/regressions/{name} is not a fuzz target"
        );
    }
}

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
#[cfg(feature = "json")]
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
