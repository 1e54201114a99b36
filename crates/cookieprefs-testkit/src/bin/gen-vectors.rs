//! Writes the shared test vectors (`tests/vectors/*.json`) from the
//! generator in `cookieprefs_testkit::vectors`, or checks them.
//!
//! ```text
//! gen-vectors [--check] [DIR]     (DIR defaults to the repository's tests/vectors)
//! ```
//!
//! `--check` writes nothing and exits 1 on any difference.

use std::path::PathBuf;
use std::process::ExitCode;

use cookieprefs_testkit::vectors;

fn main() -> ExitCode {
    let mut check = false;
    let mut dir = None;
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--check" => check = true,
            "-h" | "--help" => {
                println!(
                    "usage: gen-vectors [--check] [DIR]  (default DIR: {})",
                    vectors::dir().display()
                );
                return ExitCode::SUCCESS;
            }
            _ if arg.starts_with('-') || dir.is_some() => {
                eprintln!("gen-vectors: unexpected argument {arg:?} (usage: gen-vectors [--check] [DIR])");
                return ExitCode::from(2);
            }
            _ => dir = Some(PathBuf::from(arg)),
        }
    }
    let dir = dir.unwrap_or_else(vectors::dir);
    if check {
        let problems = vectors::check(&dir);
        for p in &problems {
            eprintln!("gen-vectors: {p}");
        }
        if !problems.is_empty() {
            eprintln!("gen-vectors: regenerate with `cargo run -p cookieprefs-testkit --bin gen-vectors` (it does not delete files)");
            return ExitCode::FAILURE;
        }
        println!(
            "gen-vectors: {} files in {} are fresh",
            vectors::FILES.len(),
            dir.display()
        );
        return ExitCode::SUCCESS;
    }
    match vectors::write(&dir) {
        Ok(changed) => {
            for name in &changed {
                println!("gen-vectors: wrote {}", dir.join(name).display());
            }
            if changed.is_empty() {
                println!(
                    "gen-vectors: {} files in {} already fresh",
                    vectors::FILES.len(),
                    dir.display()
                );
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("gen-vectors: {}: {e}", dir.display());
            ExitCode::FAILURE
        }
    }
}
