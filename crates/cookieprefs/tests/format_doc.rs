//! Keeps `docs/FORMAT.md` true: its worked examples and rejection table are
//! read from the file and checked against the implementation.

use cookieprefs::{decode, Category, Method, State};

fn spec() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/FORMAT.md")).unwrap()
}

#[test]
fn worked_examples_decode_as_described() {
    let spec = spec();
    for value in [
        "BAADCdcJ1w5Q",
        "BAAAAAAAAAA",
        "BoAHCbkJ10KQAAAJn5VBEELFCb5JHu2gOX-DI",
    ] {
        assert!(
            spec.contains(&format!("`{value}`")),
            "{value} is no longer in FORMAT.md"
        );
    }
    let p = decode("BAADCdcJ1w5Q").unwrap();
    assert_eq!(
        (p.revision(), p.created().days_since_epoch(), p.slot_count()),
        (3, 2519, 3)
    );
    assert_eq!(p.state(Category::STATISTICS), State::Granted);
    assert_eq!(p.state(Category::FIRST_PARTY), State::Denied);
    assert_eq!(p.state(Category::THIRD_PARTY), State::Denied);

    let p = decode("BAAAAAAAAAA").unwrap();
    assert_eq!(
        (p.revision(), p.created().days_since_epoch(), p.slot_count()),
        (0, 0, 0)
    );

    let p = decode("BoAHCbkJ10KQAAAJn5VBEELFCb5JHu2gOX-DI").unwrap();
    assert_eq!(p.revision(), 7);
    assert_eq!(p.created().to_string(), "2026-10-25");
    assert_eq!(p.created().days_since_epoch(), 2489);
    assert_eq!(p.updated().to_string(), "2026-11-24");
    assert_eq!(p.method(), Method::PreferencesPage);
    assert_eq!(p.slot_count(), 16);
    assert_eq!(p.state(Category::new(16).unwrap()), State::Granted);
    assert_eq!(p.state(Category::THIRD_PARTY), State::Denied);
    assert_eq!(
        p.consent_id().unwrap().to_string(),
        "67e55044-10b1-426f-9247-bb680e5fe0c8"
    );
}

#[test]
fn bit_diagram_of_the_typical_value_matches() {
    let spec = spec();
    let line = spec.lines().find(|l| l.starts_with("groups: ")).unwrap();
    let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let s: String = line["groups: ".len()..]
        .split_whitespace()
        .map(|g| alphabet[usize::from_str_radix(g, 2).unwrap()] as char)
        .collect();
    assert_eq!(s, "BAADCdcJ1w5Q");
}

#[test]
fn rejection_table_matches() {
    let spec = spec();
    let section = &spec[spec.find("**Rejections**").unwrap()..];
    let section = &section[..section.find("\n## ").unwrap_or(section.len())];
    let mut rows = 0;
    for line in section.lines().filter(|l| l.starts_with("| `")) {
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        let value = cells[1].trim_matches('`');
        let kind = cells[2].trim_start_matches('`').split('`').next().unwrap();
        assert_eq!(decode(value).unwrap_err().kind(), kind, "{value}");
        rows += 1;
    }
    assert_eq!(rows, 5);
}

#[test]
fn every_error_kind_is_specified() {
    let spec = spec();
    for kind in cookieprefs::Error::KINDS {
        assert!(
            spec.contains(&format!("| `{kind}` |")),
            "error kind {kind} missing from FORMAT.md §5"
        );
    }
}
