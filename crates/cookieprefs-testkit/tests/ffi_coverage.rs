//! The `ffi` fuzz driver calls every function of the C ABI: the names are
//! parsed from `include/cookieprefs.h`, and the set the driver called is
//! filled at run time by a deterministic replay of `fuzz/regressions/ffi/`
//! (which holds `every-function`, written by `fuzz/seeds.py`).
#![cfg(feature = "ffi")]

use std::collections::BTreeSet;

use cookieprefs_testkit::{fuzz::ffi, repo_root};

/// Every function the header declares (`name(` outside comments).
fn header_functions() -> BTreeSet<String> {
    let header = std::fs::read_to_string(repo_root().join("include/cookieprefs.h")).unwrap();
    let mut names = BTreeSet::new();
    for line in header.lines() {
        let code = line.split("//").next().unwrap();
        if code.trim_start().starts_with('*')
            || code.trim_start().starts_with("/*")
            || code.contains("#define")
        {
            continue;
        }
        let mut rest = code;
        while let Some(i) = rest.find("cookieprefs_") {
            let tail = &rest[i..];
            let end = tail
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .unwrap_or(tail.len());
            if tail[end..].starts_with('(') {
                names.insert(tail[..end].to_owned());
            }
            rest = &tail[end..];
        }
    }
    names
}

fn regressions() -> Vec<Vec<u8>> {
    let dir = repo_root().join("fuzz/regressions/ffi");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files.iter().map(|f| std::fs::read(f).unwrap()).collect()
}

#[test]
fn the_header_parser_finds_the_functions() {
    let names = header_functions();
    assert!(names.len() >= 50, "{names:?}");
    for f in [
        "cookieprefs_version",
        "cookieprefs_policy_header_allowed",
        "cookieprefs_error_message",
    ] {
        assert!(names.contains(f), "{f}");
    }
    assert!(!names.contains("cookieprefs_status"), "a type is not a function");
}

#[test]
fn the_ffi_driver_calls_every_exported_function() {
    let inputs = regressions();
    let called: BTreeSet<String> = ffi::coverage(inputs.iter().map(Vec::as_slice))
        .into_iter()
        .map(str::to_owned)
        .collect();
    let declared = header_functions();
    let missing: Vec<_> = declared.difference(&called).collect();
    assert!(
        missing.is_empty(),
        "the ffi fuzz driver never calls {missing:?} when replaying fuzz/regressions/ffi/ \
         (give each an operation in src/fuzz/ffi/mod.rs and a call in fuzz/seeds.py's every-function)"
    );
    let unknown: Vec<_> = called.difference(&declared).collect();
    assert!(
        unknown.is_empty(),
        "the driver calls {unknown:?}, which the header does not declare"
    );
    eprintln!("ffi driver: {} of {} functions", called.len(), declared.len());
}
