//! Every case of `tests/vectors/import.json` through the `cookieprefs import`
//! binary, as a user runs it: the value and its details (`--json`) on exit
//! 0, or exit 1 and the reason's kind on stderr.

use std::process::Command;

use serde_json::Value;

fn vectors() -> Value {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/vectors/import.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn import_vectors_through_the_binary() {
    let doc = vectors();
    let dir = std::env::temp_dir().join(format!("cookieprefs-cli-import-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for (name, policy) in doc["policies"].as_object().unwrap() {
        std::fs::write(dir.join(format!("{name}.json")), policy.to_string()).unwrap();
    }
    let cases = doc["cases"].as_array().unwrap();
    assert!(cases.len() >= 60);
    for case in cases {
        let name = case["name"].as_str().unwrap();
        let policy = dir.join(format!("{}.json", case["policy"].as_str().unwrap()));
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_cookieprefs"));
        cmd.arg("import")
            .arg("--json")
            .arg("--policy")
            .arg(&policy)
            .arg("--today")
            .arg(doc["today"].as_str().unwrap());
        if case["drop_id"].as_bool().unwrap() {
            cmd.arg("--drop-id");
        }
        match case["source"].as_str() {
            Some(source) => {
                cmd.arg("--from").arg(source);
                if let Some(c) = case["companion"].as_str() {
                    cmd.arg(format!("--companion={c}"));
                }
                cmd.arg("--").arg(case["value"].as_str().unwrap());
            }
            None => {
                cmd.arg(format!("--header=Cookie: {}", case["header"].as_str().unwrap()));
            }
        }
        let out = cmd.output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        let exp = &case["expected"];
        match exp["skip"].as_str() {
            Some(kind) => {
                assert_eq!(out.status.code(), Some(1), "{name}: {stderr}");
                assert!(stderr.contains(&format!("({kind})")), "{name}: {stderr}");
                assert!(out.stdout.is_empty(), "{name}");
            }
            None => {
                assert!(out.status.success(), "{name}: {stderr}");
                let got: Value = serde_json::from_slice(&out.stdout).unwrap();
                for key in ["value", "source", "preferences", "unmapped", "deletion_headers"] {
                    assert_eq!(got[key], exp[key], "{name}: {key}");
                }
            }
        }
    }
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn import_prints_the_value_alone_and_reports_unmapped_items() {
    let out = Command::new(env!("CARGO_BIN_EXE_cookieprefs"))
        .args([
            "import",
            "--from",
            "tarteaucitron",
            "--revision",
            "3",
            "--today",
            "2026-11-24",
            "!gtag=true!youtube=false!myshop=true",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "BYADCdcJ1w4Q\n");
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "cookieprefs: not imported (no mapping): myshop\n"
    );
}

#[test]
fn import_needs_a_source_or_a_header() {
    let out = Command::new(env!("CARGO_BIN_EXE_cookieprefs"))
        .args(["import", "x"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = Command::new(env!("CARGO_BIN_EXE_cookieprefs"))
        .args(["import", "--from", "matomo", "x"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown import source"));
}
