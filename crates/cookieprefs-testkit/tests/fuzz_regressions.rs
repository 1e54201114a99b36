//! Replays every input under `fuzz/regressions/<target>/` through the same
//! check the fuzz target runs (`cookieprefs_testkit::fuzz::<target>`), so
//! each crash the fuzzer ever found stays fixed in a plain `cargo test`
//! (`ffi` with the testkit's default `ffi` feature). The readable tests of
//! the core bugs the fuzzer found are in the core crate
//! (`crates/cookieprefs/tests/fuzz_findings.rs`).
//!
//! To add a regression: minimize the crash (`cargo +nightly fuzz tmin
//! <target> <artifact>` in `fuzz/`) and copy the result to
//! `fuzz/regressions/<target>/<short-name>`.

use std::path::PathBuf;

use cookieprefs_testkit::fuzz;

fn regressions_dir() -> PathBuf {
    cookieprefs_testkit::repo_root().join("fuzz/regressions")
}

/// Runs the target's check on every file of `fuzz/regressions/<target>/`;
/// returns how many.
fn replay(target: &str) -> usize {
    let check = fuzz::target(target).expect("a target of fuzz::TARGETS").check;
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
fn regressions_import() {
    replay("import");
}

#[cfg(feature = "ffi")]
#[test]
fn regressions_ffi() {
    assert!(replay("ffi") >= 2);
}

#[test]
fn every_regression_dir_is_a_known_target() {
    let Ok(entries) = std::fs::read_dir(regressions_dir()) else {
        return;
    };
    for e in entries {
        let name = e.unwrap().file_name().into_string().unwrap();
        assert!(
            fuzz::target(&name).is_some() || (name == "ffi" && !cfg!(feature = "ffi")),
            "fuzz/regressions/{name} is not a fuzz target"
        );
    }
}

/// Every cargo-fuzz target in `fuzz/fuzz_targets/` has its check here, and
/// the other way round.
#[test]
fn every_fuzz_target_has_a_check() {
    let dir = cookieprefs_testkit::repo_root().join("fuzz/fuzz_targets");
    let mut on_disk: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter_map(|n| n.strip_suffix(".rs").map(str::to_owned))
        .collect();
    on_disk.sort();
    let mut known: Vec<String> = fuzz::TARGETS.iter().map(|t| t.name.to_owned()).collect();
    if !cfg!(feature = "ffi") {
        known.push("ffi".to_owned());
    }
    known.sort();
    assert_eq!(on_disk, known);
}
