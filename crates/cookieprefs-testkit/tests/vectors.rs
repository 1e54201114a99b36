//! The shared test vectors in `tests/vectors/`: the freshness check (the
//! generator, `cookieprefs_testkit::vectors`, in check mode) and the Rust run
//! of every case, read from the checked-in files as every other language
//! reads them.
//!
//! Regenerate after an intended change with
//! `cargo run -p cookieprefs-testkit --bin gen-vectors`.

use cookieprefs::{decode, find_cookie, Date, Policy, Preferences};
use cookieprefs_testkit::vectors::{self, decode::invalid_cases, decode::valid_cases};
use serde_json::{json, Value};

fn date(s: &str) -> Date {
    s.parse().unwrap()
}

#[test]
fn vectors_are_fresh() {
    let problems = vectors::check(&vectors::dir());
    assert!(
        problems.is_empty(),
        "{problems:?}: run cargo run -p cookieprefs-testkit --bin gen-vectors"
    );
}

#[test]
fn vector_counts() {
    assert!(valid_cases().len() >= 40);
    assert!(invalid_cases().len() >= 40);
    let kinds: std::collections::BTreeSet<_> = invalid_cases().iter().map(|c| c.error).collect();
    for k in cookieprefs::Error::DECODE_KINDS {
        assert!(kinds.contains(k), "no invalid vector for {k}");
    }
}

fn load(file: &str) -> Value {
    serde_json::from_str(&std::fs::read_to_string(vectors::dir().join(file)).unwrap()).unwrap()
}

#[test]
fn run_decode_vectors() {
    let doc = load("decode.json");
    let valid = doc["valid"].as_array().unwrap();
    for case in valid {
        let value = case["value"].as_str().unwrap();
        let prefs = decode(value).unwrap_or_else(|e| panic!("{}: {e}", case["name"]));
        assert_eq!(
            serde_json::to_value(prefs).unwrap(),
            case["fields"],
            "{}",
            case["name"]
        );
        let from_fields: Preferences = serde_json::from_value(case["fields"].clone()).unwrap();
        assert_eq!(from_fields.encode(), value, "{}", case["name"]);
    }
    for case in doc["invalid"].as_array().unwrap() {
        let err = decode(case["value"].as_str().unwrap()).unwrap_err();
        assert_eq!(err.kind(), case["error"].as_str().unwrap(), "{}", case["name"]);
    }
}

#[test]
fn run_evaluate_vectors() {
    let doc = load("evaluate.json");
    for case in doc["cases"].as_array().unwrap() {
        let name = &case["name"];
        let from_json =
            Policy::from_json(&doc["policies"][case["policy"].as_str().unwrap()].to_string()).unwrap();
        // The same answers from the policy's compact form (FORMAT.md §14).
        for policy in [compact(&from_json), from_json] {
            let ev = policy.evaluate(
                case["value"].as_str(),
                date(case["today"].as_str().unwrap()),
                case["gpc"].as_bool().unwrap(),
            );
            let exp = &case["expected"];
            assert_eq!(json!(ev.needs_banner()), exp["needs_banner"], "{name}");
            assert_eq!(
                json!(ev.banner_reason().map(|r| r.as_str())),
                exp["banner_reason"],
                "{name}"
            );
            assert_eq!(json!(ev.error().map(|e| e.kind())), exp["error"], "{name}");
            for (cname, state) in exp["categories"].as_object().unwrap() {
                let c = policy.category(cname).unwrap();
                assert_eq!(ev.state(c).as_str(), state.as_str().unwrap(), "{name} {cname}");
            }
            assert_eq!(
                serde_json::to_value(ev.consent_mode()).unwrap(),
                exp["consent_mode"],
                "{name}"
            );
        }
    }
}

/// A policy read back from its compact form, which must write itself as
/// the original does.
fn compact(policy: &Policy) -> Policy {
    let text = policy.to_compact();
    let back = Policy::from_compact(&text).unwrap_or_else(|e| panic!("{text}: {e}"));
    assert_eq!(back.to_compact(), text);
    back
}

#[test]
fn run_cookie_header_vectors() {
    let doc = load("cookie_header.json");
    for case in doc["cases"].as_array().unwrap() {
        let header = case["header"].as_str().unwrap();
        let got = find_cookie(header.as_bytes(), case["cookie_name"].as_str().unwrap()).map(|r| &header[r]);
        assert_eq!(got, case["value"].as_str(), "{}", case["name"]);
    }
}

/// `compact.json` (FORMAT.md §14), read from the file as every other
/// language reads it.
#[test]
fn run_compact_vectors() {
    let doc = load("compact.json");
    for case in doc["valid"].as_array().unwrap() {
        let name = &case["name"];
        let want = case["compact"].as_str().unwrap();
        let policy = Policy::from_json(&case["policy"].to_string()).unwrap();
        assert_eq!(policy.to_compact(), want, "{name}");
        assert_eq!(Policy::from_compact(want).unwrap().to_compact(), want, "{name}");
    }
    for case in doc["invalid"].as_array().unwrap() {
        let err = Policy::from_compact(case["compact"].as_str().unwrap()).unwrap_err();
        assert_eq!(err.kind(), case["error"].as_str().unwrap(), "{}", case["name"]);
        let field = format!("compact form, field {}: ", case["field"]);
        assert!(err.to_string().contains(&field), "{}: {err}", case["name"]);
    }
}

#[test]
fn run_policy_vectors() {
    let doc = load("policy.json");
    let valid = doc["valid"].as_array().unwrap();
    let invalid = doc["invalid"].as_array().unwrap();
    assert!(valid.len() >= 30 && invalid.len() >= 40);
    for case in valid {
        let name = &case["name"];
        let policy =
            Policy::from_json(case["json"].as_str().unwrap()).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(
            serde_json::to_value(&policy).unwrap(),
            case["normalized"],
            "{name}"
        );
        let again = Policy::from_json(&case["normalized"].to_string()).unwrap();
        assert_eq!(again, policy, "{name}");
        compact(&policy);
    }
    for case in invalid {
        let err = Policy::from_json(case["json"].as_str().unwrap()).unwrap_err();
        assert_eq!(
            err.kind(),
            case["error"].as_str().unwrap(),
            "{}: {err}",
            case["name"]
        );
    }
}

/// The rows of a FORMAT.md table whose first column is a rule number:
/// `(number, error kind column)`.
fn rule_rows(section: &str) -> Vec<(String, String)> {
    section
        .lines()
        .filter_map(|l| {
            let cells: Vec<&str> = l.split('|').map(str::trim).collect();
            // | # | check | error kind |
            (cells.len() == 5 && !cells[1].is_empty() && cells[1].chars().next()?.is_ascii_digit())
                .then(|| (cells[1].to_owned(), cells[3].to_owned()))
        })
        .collect()
}

/// Every invalid policy vector names a rule of FORMAT.md, and the kind the
/// code returns is listed in that rule's row: the spec, the code and the
/// vectors agree on which rule decides each error.
#[test]
fn policy_vector_kinds_are_the_spec_tables() {
    let spec = std::fs::read_to_string(cookieprefs_testkit::repo_root().join("docs/FORMAT.md")).unwrap();
    let section = |start: &str, end: &str| {
        let a = spec
            .find(start)
            .unwrap_or_else(|| panic!("FORMAT.md has no {start:?}"));
        let b = a + spec[a..].find(end).unwrap();
        spec[a..b].to_owned()
    };
    let checking = rule_rows(&section("**Checking a policy.**", "**Category references**"));
    let reading = rule_rows(&section("**Reading a JSON form.**", "**Preferences**"));
    assert!(
        checking.len() >= 14 && reading.len() == 4,
        "{checking:?} {reading:?}"
    );
    let doc = load("policy.json");
    for case in doc["invalid"].as_array().unwrap() {
        let rule = case["rule"].as_str().unwrap();
        let (table, number) = match rule.split_once('.') {
            Some(("json", n)) => (&reading, n),
            Some(("policy", n)) => (&checking, n),
            _ => panic!("{}: bad rule {rule}", case["name"]),
        };
        let row = table
            .iter()
            .find(|(n, _)| n == number)
            .unwrap_or_else(|| panic!("{}: FORMAT.md has no rule {rule}", case["name"]));
        let kind = Policy::from_json(case["json"].as_str().unwrap())
            .unwrap_err()
            .kind();
        assert!(
            row.1.contains(&format!("`{kind}`")),
            "{}: kind {kind} is not in FORMAT.md's row {rule}: {}",
            case["name"],
            row.1
        );
    }
}

#[test]
fn run_duplicates_vectors() {
    let doc = load("duplicates.json");
    let from_json = Policy::from_json(&doc["policy"].to_string()).unwrap();
    let today = date(doc["today"].as_str().unwrap());
    let cases = doc["cases"].as_array().unwrap();
    assert!(cases.len() >= 10);
    // The same answers from the policy's compact form (FORMAT.md §14).
    for policy in [compact(&from_json), from_json] {
        for case in cases {
            let name = &case["name"];
            let header = case["header"].as_str().unwrap().as_bytes();
            let ev = policy.evaluate_header(Some(header), today, case["gpc"].as_bool().unwrap());
            let exp = &case["expected"];
            assert_eq!(json!(ev.copies()), exp["copies"], "{name}");
            assert_eq!(json!(ev.needs_banner()), exp["needs_banner"], "{name}");
            assert_eq!(
                json!(ev.banner_reason().map(|r| r.as_str())),
                exp["banner_reason"],
                "{name}"
            );
            assert_eq!(json!(ev.error().map(|e| e.kind())), exp["error"], "{name}");
            assert_eq!(
                json!(ev.ignored_error().map(|e| e.kind())),
                exp["ignored_error"],
                "{name}"
            );
            for (cname, state) in exp["categories"].as_object().unwrap() {
                let c = policy.resolve(cname).unwrap();
                assert_eq!(ev.state(c).as_str(), state.as_str().unwrap(), "{name} {cname}");
                // The stored-state lookup follows the same rule for the stored
                // answers (no policy rule there: compare only where none applies).
                if exp["error"].is_null()
                    && exp["banner_reason"] != "expired"
                    && !case["gpc"].as_bool().unwrap()
                {
                    let stored = cookieprefs::header_stored_state(header, "cookies_preferences", c)
                        .unwrap()
                        .unwrap();
                    assert_eq!(
                        stored.as_str(),
                        state.as_str().unwrap(),
                        "{name} {cname} (stored)"
                    );
                }
            }
        }
    }
}

/// `declaration.json`, read from the file: classification, texts and
/// enforcement, as every other language runs them.
#[test]
fn run_declaration_vectors() {
    let doc = load("declaration.json");
    let policy =
        |name: &Value| Policy::from_json(&doc["policies"][name.as_str().unwrap()].to_string()).unwrap();
    let classify = doc["classify"].as_array().unwrap();
    assert!(classify.len() >= 20);
    for case in classify {
        let p = policy(&case["policy"]);
        let got = p.classify(case["name"].as_str().unwrap());
        let category = got.map(|d| p.name_of(d.category()).unwrap());
        assert_eq!(json!(category), case["category"], "{case}");
        assert_eq!(json!(got.map(|d| d.name())), case["declared_as"], "{case}");
    }
    for case in doc["texts"].as_array().unwrap() {
        let p = policy(&case["policy"]);
        let t = p.texts(case["language"].as_str().unwrap());
        assert_eq!(t.language(), case["resolved"], "{case}");
        for (name, label) in case["labels"].as_object().unwrap() {
            let c = p.resolve(name).unwrap();
            assert_eq!(t.label(c), label, "{name}");
            assert_eq!(t.description(c), case["descriptions"][name], "{name}");
        }
        let cookies = case["cookies"].as_array().unwrap();
        assert_eq!(cookies.len(), p.cookies().len());
        for (d, want) in p.cookies().iter().zip(cookies) {
            assert_eq!(d.name(), want["name"]);
            assert_eq!(t.provider(d), want["provider"]);
            assert_eq!(t.service(d), want["service"]);
            assert_eq!(t.purpose(d), want["purpose"]);
        }
    }
    for case in doc["enforce"].as_array().unwrap() {
        let from_json = policy(&case["policy"]);
        for p in [compact(&from_json), from_json] {
            let header = case["header"].as_str();
            let today = date(case["today"].as_str().unwrap());
            let ev = p.evaluate_header(header.map(str::as_bytes), today, case["gpc"].as_bool().unwrap());
            for (name, allowed) in case["allowed"].as_object().unwrap() {
                assert_eq!(
                    json!(ev.cookie_allowed(name)),
                    *allowed,
                    "{}: {name}",
                    case["name"]
                );
            }
            for sc in case["set_cookie"].as_array().unwrap() {
                let keep = ev.set_cookie_allowed(sc["line"].as_str().unwrap());
                assert_eq!(json!(keep), sc["keep"], "{}: {sc}", case["name"]);
            }
            let clear = ev.deletion_headers(header.unwrap_or("").as_bytes());
            assert_eq!(json!(clear), case["clear"], "{}", case["name"]);
        }
    }
}

/// `import.json` (FORMAT.md §13), read from the file as every other
/// language reads it: each case imports to the value, source, unmapped
/// items and deletion headers written there, or skips for the reason
/// written there; every source and every skip reason has a case.
#[test]
fn run_import_vectors() {
    use cookieprefs::{import, import_header, ImportOptions, ImportSkip, ImportSource};
    let doc = load("import.json");
    let today = date(doc["today"].as_str().unwrap());
    let cases = doc["cases"].as_array().unwrap();
    let mut sources = std::collections::BTreeSet::new();
    let mut skips = std::collections::BTreeSet::new();
    for case in cases {
        let name = &case["name"];
        let policy =
            Policy::from_json(&doc["policies"][case["policy"].as_str().unwrap()].to_string()).unwrap();
        let companion = case["companion"].as_str().map(str::as_bytes);
        let mut options = ImportOptions::new().drop_consent_id(case["drop_id"].as_bool().unwrap());
        if let Some(c) = companion {
            options = options.companion(c);
        }
        let got = match case["source"].as_str() {
            Some(s) => {
                sources.insert(s.to_owned());
                let source: ImportSource = s.parse().unwrap();
                import(source, case["value"].as_str().unwrap(), &policy, today, &options)
            }
            None => import_header(
                case["header"].as_str().unwrap().as_bytes(),
                &policy,
                today,
                &options,
            ),
        };
        let exp = &case["expected"];
        match got {
            Ok(imported) => {
                assert_eq!(
                    imported.preferences().encode(),
                    exp["value"].as_str().unwrap(),
                    "{name}"
                );
                assert_eq!(
                    serde_json::to_value(imported.preferences()).unwrap(),
                    exp["preferences"],
                    "{name}"
                );
                assert_eq!(json!(imported.source().as_str()), exp["source"], "{name}");
                assert_eq!(json!(imported.unmapped()), exp["unmapped"], "{name}");
                assert_eq!(
                    json!(imported.deletion_headers()),
                    exp["deletion_headers"],
                    "{name}"
                );
            }
            Err(skip) => {
                assert_eq!(json!(skip.kind()), exp["skip"], "{name}: {skip}");
                skips.insert(skip.kind());
            }
        }
    }
    for s in ImportSource::ALL {
        assert!(sources.contains(s.as_str()), "no case for {s}");
    }
    for k in ImportSkip::KINDS {
        assert!(skips.contains(k), "no case skips for {k}");
    }
}

/// `choose.json` (FORMAT.md §6, "Answering the banner"), read from the file
/// as every other language reads it: the asked and GPC-refused categories,
/// the value each answer saves, and the refused choices' error kinds.
#[test]
fn run_choose_vectors() {
    use cookieprefs::{Category, Method};
    let doc = load("choose.json");
    let today = date(doc["today"].as_str().unwrap());
    let policy =
        |name: &Value| Policy::from_json(&doc["policies"][name.as_str().unwrap()].to_string()).unwrap();
    let names =
        |p: &Policy, cs: Vec<Category>| json!(cs.iter().map(|c| p.name_of(*c).unwrap()).collect::<Vec<_>>());
    let refs = |p: &Policy, v: &Value| -> Vec<Category> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|n| {
                let n = n.as_str().unwrap();
                p.resolve(n).or_else(|_| n.parse()).unwrap()
            })
            .collect()
    };
    let cases = doc["cases"].as_array().unwrap();
    assert!(cases.len() >= 10);
    for case in cases {
        let name = &case["name"];
        let from_json = policy(&case["policy"]);
        // The same answers from the policy's compact form (FORMAT.md §14).
        for p in [compact(&from_json), from_json] {
            assert_eq!(case["today"], doc["today"], "{name}");
            let ev = p.evaluate(case["value"].as_str(), today, case["gpc"].as_bool().unwrap());
            let method: Method = case["method"].as_str().unwrap().parse().unwrap();
            let exp = &case["expected"];
            assert_eq!(json!(ev.needs_banner()), exp["needs_banner"], "{name}");
            assert_eq!(names(&p, ev.asked()), exp["asked"], "{name}");
            assert_eq!(names(&p, ev.gpc_refused()), exp["gpc_refused"], "{name}");
            let chosen = ev.choose(&refs(&p, &exp["choose"]["granted"]), method).unwrap();
            for (what, prefs, want) in [
                ("choose", chosen, &exp["choose"]["saved"]),
                ("accept_all", ev.accept_all(method), &exp["accept_all"]),
                ("reject_all", ev.reject_all(method), &exp["reject_all"]),
                ("accept_asked", ev.accept_asked(method), &exp["accept_asked"]),
                ("reject_asked", ev.reject_asked(method), &exp["reject_asked"]),
            ] {
                assert_eq!(json!(prefs.encode()), want["value"], "{name} {what}");
                let form = serde_json::to_value(prefs).unwrap();
                assert_eq!(form["categories"], want["categories"], "{name} {what}");
                assert_eq!(form["created"], exp["created"], "{name} {what}");
                assert_eq!(form["updated"], doc["today"], "{name} {what}");
                assert_eq!(prefs.revision(), p.revision(), "{name} {what}");
                assert_eq!(prefs.method(), method, "{name} {what}");
            }
        }
    }
    for case in doc["errors"].as_array().unwrap() {
        let p = policy(&case["policy"]);
        let ev = p.evaluate(None, today, false);
        let err = ev
            .choose(&refs(&p, &case["granted"]), Method::Banner)
            .unwrap_err();
        assert_eq!(err.kind(), case["error"].as_str().unwrap(), "{}", case["name"]);
    }
}
