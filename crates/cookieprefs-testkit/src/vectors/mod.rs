//! The generator of the shared test vectors in `tests/vectors/`: one module
//! per vector file, each with a named case struct, a `cases()` list and a
//! `document()` that checks every case against the crate and returns the
//! file's JSON.
//!
//! ```sh
//! cargo run -p cookieprefs-testkit --bin gen-vectors            # write tests/vectors/*.json
//! cargo run -p cookieprefs-testkit --bin gen-vectors -- --check # fail on any difference
//! ```
//!
//! The testkit's `tests/vectors.rs` runs the check in a plain `cargo test`.
//! To add a vector file: a module here with its case struct and
//! `document()`, and a line in [`FILES`].

use std::path::{Path, PathBuf};

use cookieprefs::Date;

pub mod choose;
pub mod compact;
pub mod cookie_header;
pub mod declaration;
pub mod decode;
pub mod duplicates;
pub mod evaluate;
pub mod import;
pub mod policy;
mod raw;

/// A generated vector file.
pub struct VectorFile {
    /// The file name under `tests/vectors/`.
    pub name: &'static str,
    /// Builds (and checks) its JSON document.
    pub document: fn() -> serde_json::Value,
}

/// Every generated file, in the order they are written.
pub const FILES: &[VectorFile] = &[
    VectorFile {
        name: "decode.json",
        document: decode::document,
    },
    VectorFile {
        name: "evaluate.json",
        document: evaluate::document,
    },
    VectorFile {
        name: "cookie_header.json",
        document: cookie_header::document,
    },
    VectorFile {
        name: "policy.json",
        document: policy::document,
    },
    VectorFile {
        name: "duplicates.json",
        document: duplicates::document,
    },
    VectorFile {
        name: "declaration.json",
        document: declaration::document,
    },
    VectorFile {
        name: "import.json",
        document: import::document,
    },
    VectorFile {
        name: "choose.json",
        document: choose::document,
    },
    VectorFile {
        name: "compact.json",
        document: compact::document,
    },
];

/// `tests/vectors/` of this repository.
pub fn dir() -> PathBuf {
    crate::repo_root().join("tests/vectors")
}

/// Every file's name and text, as it must be checked in (pretty JSON and a
/// final newline).
pub fn generate() -> Vec<(&'static str, String)> {
    FILES
        .iter()
        .map(|f| {
            let text = serde_json::to_string_pretty(&(f.document)()).expect("JSON values serialize");
            (f.name, text + "\n")
        })
        .collect()
}

/// Writes every file into `dir`; returns the names of those that changed.
pub fn write(dir: &Path) -> std::io::Result<Vec<&'static str>> {
    let mut changed = Vec::new();
    for (name, text) in generate() {
        let path = dir.join(name);
        if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
            std::fs::write(&path, &text)?;
            changed.push(name);
        }
    }
    Ok(changed)
}

/// The differences between `dir` and what the generator produces: files that
/// are missing or differ, and `.json` files the generator does not write.
pub fn check(dir: &Path) -> Vec<String> {
    let mut problems = Vec::new();
    for (name, text) in generate() {
        match std::fs::read_to_string(dir.join(name)) {
            Ok(on_disk) if on_disk == text => {}
            Ok(_) => problems.push(format!("{name} is stale")),
            Err(e) => problems.push(format!("{name}: {e}")),
        }
    }
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            if name.ends_with(".json") && !FILES.iter().any(|f| f.name == name) {
                problems.push(format!("{name} is not generated"));
            }
        }
    }
    problems.sort();
    problems
}

/// A `YYYY-MM-DD` date of the cases.
fn date(s: &str) -> Date {
    s.parse().unwrap_or_else(|e| panic!("{s}: {e}"))
}
