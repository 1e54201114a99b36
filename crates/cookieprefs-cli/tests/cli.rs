//! Runs the `cookieprefs` binary as a user would.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn run(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_cookieprefs"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    if let Some(s) = stdin {
        input.write_all(s.as_bytes()).unwrap();
    }
    drop(input);
    child.wait_with_output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

const TYPICAL: &[&str] = &[
    "encode",
    "--statistics",
    "granted",
    "--first-party",
    "denied",
    "--third-party",
    "denied",
    "--revision",
    "3",
    "--today",
    "2026-11-24",
];

#[test]
fn typical_value_is_12_characters_and_round_trips() {
    let out = run(TYPICAL, None);
    assert!(out.status.success(), "{}", stderr(&out));
    let value = stdout(&out).trim().to_owned();
    assert_eq!(value, "BAADCdcJ1w5Q");
    assert!(value.len() <= 12);

    let out = run(&["decode", &value], None);
    assert_eq!(out.status.code(), Some(0));
    let table = stdout(&out);
    for line in [
        "revision     3",
        "created      2026-11-24",
        "statistics   granted",
        "first_party  denied",
        "third_party  denied",
    ] {
        assert!(table.contains(line), "{line:?} missing from\n{table}");
    }

    let out = run(&["decode", "--json", &value], None);
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(json["revision"], 3);
    assert_eq!(json["categories"]["statistics"], "granted");

    // stdin
    let out = run(&["decode", "--json"], Some("BAADCdcJ1w5Q\n"));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[test]
fn encode_every_field() {
    let out = run(
        &[
            "encode",
            "--category",
            "16=granted",
            "--category",
            "third_party=denied",
            "--revision",
            "4095",
            "--created",
            "2020-01-01",
            "--today",
            "2199-06-06",
            "--method",
            "imported",
            "--consent-id",
            "67e55044-10b1-426f-9247-bb680e5fe0c8",
        ],
        None,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let value = stdout(&out).trim().to_owned();
    let p = cookieprefs::decode(&value).unwrap();
    assert_eq!(p.revision(), 4095);
    assert_eq!(p.created(), cookieprefs::Date::EPOCH);
    assert_eq!(p.updated(), cookieprefs::Date::MAX);
    assert_eq!(p.method(), cookieprefs::Method::Imported);
    assert_eq!(
        p.consent_id().unwrap().to_string(),
        "67e55044-10b1-426f-9247-bb680e5fe0c8"
    );
    assert_eq!(
        p.state(cookieprefs::Category::new(16).unwrap()),
        cookieprefs::State::Granted
    );
    assert_eq!(
        p.state(cookieprefs::Category::THIRD_PARTY),
        cookieprefs::State::Denied
    );
}

#[test]
fn encode_set_cookie_header() {
    let mut args = TYPICAL.to_vec();
    args.push("--set-cookie");
    let out = run(&args, None);
    assert_eq!(
        stdout(&out).trim(),
        "cookies_preferences=BAADCdcJ1w5Q; Max-Age=15811200; Path=/; SameSite=Lax; Secure"
    );
}

#[test]
fn invalid_values_exit_1_with_the_reason() {
    for (value, needle) in [
        ("BAADCdcJ1w5Q=", "invalid character '=' (0x3d) at offset 12: only A-Z a-z 0-9 - _ are allowed; values have no = padding: remove it"),
        ("CAADCdcJ1w5Q", "unsupported format version 2"),
        ("BAADCdcJ1w5", "truncated value"),
        ("BAADCdcJ1w5R", "non-zero padding"),
    ] {
        let out = run(&["decode", value], None);
        assert_eq!(out.status.code(), Some(1), "{value}");
        assert!(stderr(&out).contains(needle), "{value}: {}", stderr(&out));
        assert!(stdout(&out).is_empty());
    }
    let out = run(&["decode"], Some(""));
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("empty value"));
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &["frobnicate"][..],
        &["encode", "--statistics", "maybe"],
        &["encode", "--revision", "5000"],
        &["encode", "--today", "2019-12-31"],
        &["encode", "--category", "64=granted"],
        &["encode", "--category", "0=granted"],
        &["inspect", "a=b", "--policy", "/nonexistent/policy.json"],
    ] {
        let out = run(args, None);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(!stderr(&out).is_empty());
    }
}

#[test]
fn inspect_a_real_header() {
    let header =
        r#"Cookie: csrftoken=abc; cc_cookie={"categories":["necessary"]}; cookies_preferences=BAADCdcJ1w5Q"#;
    // Under the default policy (revision 0) a revision-3 value fails closed.
    let out = run(&["inspect", header, "--today", "2026-11-24", "--json"], None);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("value saved under policy revision 3, after the current revision 0"),
        "{}",
        stderr(&out)
    );
    let dir = std::env::temp_dir().join(format!("cookieprefs-cli-real-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let policy = dir.join("policy.json");
    std::fs::write(&policy, r#"{"revision": 3}"#).unwrap();
    let p = policy.to_str().unwrap();
    let out = run(
        &[
            "inspect",
            header,
            "--policy",
            p,
            "--today",
            "2026-11-24",
            "--json",
        ],
        None,
    );
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(json["needs_banner"], false);
    assert_eq!(json["categories"]["statistics"], "granted");
    assert_eq!(json["consent_mode"]["analytics_storage"], "granted");
    assert_eq!(json["consent_mode"]["ad_storage"], "denied");

    // from stdin, no cookie, with GPC
    let out = run(
        &["inspect", "--today", "2026-11-24", "--gpc"],
        Some("sessionid=1\n"),
    );
    assert_eq!(out.status.code(), Some(0));
    let table = stdout(&out);
    assert!(
        table.contains("banner                   show (no_choice)"),
        "{table}"
    );
    assert!(table.contains("third_party              denied"), "{table}");
    assert!(table.contains("gpc applied              yes"), "{table}");
}

#[test]
fn inspect_with_policy_file_and_bad_cookie() {
    let dir = std::env::temp_dir().join(format!("cookieprefs-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let policy = dir.join("policy.json");
    std::fs::write(
        &policy,
        r#"{"revision": 4, "categories": [{"id": 1, "name": "statistics"}, {"id": 3, "name": "third_party", "since_revision": 4}], "cookie": {"name": "consent"}}"#,
    )
    .unwrap();
    let p = policy.to_str().unwrap();

    let out = run(
        &[
            "inspect",
            "consent=BAADCdcJ1w5Q",
            "--policy",
            p,
            "--today",
            "2026-11-24",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(0));
    let table = stdout(&out);
    assert!(table.contains("show (policy_updated)"), "{table}");
    assert!(table.contains("statistics               granted"), "{table}");
    assert!(table.contains("third_party              not_asked"), "{table}");

    let out = run(
        &[
            "inspect",
            "consent=%7B%7D",
            "--policy",
            p,
            "--today",
            "2026-11-24",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).contains("show (invalid_value)"));
    assert!(stderr(&out).contains("the consent cookie is invalid: invalid character '%' (0x25) at offset 0"));

    std::fs::write(
        &policy,
        r#"{"revision": 1, "max_age_days": {"granted": 400, "denied": 10}}"#,
    )
    .unwrap();
    let out = run(&["inspect", "a=b", "--policy", p], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("max_age_days.granted is 400 days, it must be 1..=395"),
        "{}",
        stderr(&out)
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Usage errors say the real rule and what would have been accepted.
#[test]
fn usage_errors_name_the_rule_and_the_choices() {
    let cases: &[(&[&str], &str)] = &[
        (
            &["--revision", "99999999999"],
            "revision 99999999999 out of range 0..=4095",
        ),
        (&["--revision", "5000"], "revision 5000 out of range 0..=4095"),
        (
            &["--statistics", "yes"],
            "unknown state \"yes\"; expected not_asked, denied or granted",
        ),
        (
            &["--category", "third-party=granted"],
            "unknown category \"third-party\"; did you mean \"third_party\"?",
        ),
        (
            &["--category", "statistiques=granted"],
            "unknown category \"statistiques\"; did you mean \"statistics\"?",
        ),
        (
            &["--method", "web"],
            "unknown method \"web\"; expected banner, preferences_page, browser_signal or imported",
        ),
    ];
    for (args, message) in cases {
        let mut all = vec!["encode", "--today", "2026-11-24"];
        all.extend_from_slice(args);
        let out = run(&all, None);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(stderr(&out).contains(message), "{args:?}: {}", stderr(&out));
    }
}

/// A policy file's mistakes are named by key path, not by text position.
#[test]
fn policy_file_errors_name_the_key_path() {
    let dir = std::env::temp_dir().join(format!("cookieprefs-cli-path-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let policy = dir.join("policy.json");
    std::fs::write(
        &policy,
        r#"{"categories": [{"id": 1, "name": "statistics"}, {"id": 16, "name": 7}]}"#,
    )
    .unwrap();
    let out = run(&["inspect", "a=b", "--policy", policy.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("$.categories[1].name: expected a string, found an integer"),
        "{}",
        stderr(&out)
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A header is bytes: a non-UTF-8 byte in another cookie is no usage error,
/// whether the header comes as an argument or on stdin.
#[test]
fn inspect_reads_headers_as_bytes() {
    use std::os::unix::ffi::OsStrExt;
    let header: &[u8] = b"Cookie: legacy=caf\xe9; cookies_preferences=BAAACdcJ1w5Q";
    let arg = std::ffi::OsStr::from_bytes(header);
    let out = Command::new(env!("CARGO_BIN_EXE_cookieprefs"))
        .arg("inspect")
        .arg(arg)
        .args(["--today", "2026-11-24", "--json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(json["categories"]["statistics"], "granted");

    let mut child = Command::new(env!("CARGO_BIN_EXE_cookieprefs"))
        .args(["inspect", "--today", "2026-11-24", "--json"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(header).unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(json["categories"]["third_party"], "denied");
}

/// Several copies of the cookie: a planted grant-all never beats the
/// visitor's own refusal, and the table says how many copies there were.
#[test]
fn inspect_reads_every_copy() {
    let dir = std::env::temp_dir().join(format!("cookieprefs-cli-dup-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let policy = dir.join("policy.json");
    std::fs::write(&policy, r#"{"revision": 1}"#).unwrap();
    let p = policy.to_str().unwrap();
    let header = "cookies_preferences=BAABCdcJ1w6g; cookies_preferences=BAABCdcJ1w1Q";
    let out = run(
        &[
            "inspect",
            header,
            "--policy",
            p,
            "--today",
            "2026-11-24",
            "--json",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(json["copies"], 2);
    assert_eq!(json["categories"]["statistics"], "denied");
    let out = run(&["inspect", header, "--policy", p, "--today", "2026-11-24"], None);
    std::fs::remove_dir_all(&dir).unwrap();
    assert!(
        stdout(&out)
            .contains("copies                   2 (a grant counts only if every valid copy grants it)"),
        "{}",
        stdout(&out)
    );
}

fn repo(path: &str) -> String {
    format!("{}/../../{path}", env!("CARGO_MANIFEST_DIR"))
}

const PORTAL: &str = "examples/policies/opendatasoft-portal.json";

/// The seed portal's table of necessary cookies (provider, service, cookie,
/// purpose; `tests/fixtures/seed-necessary-cookies.tsv`, copied from the
/// portal's own page) is what `policy page --lang fr` writes from the
/// example policy.
#[test]
fn policy_page_reproduces_the_seed_table() {
    let o = run(
        &[
            "policy",
            "page",
            &repo(PORTAL),
            "--lang",
            "fr",
            "--format",
            "markdown",
        ],
        None,
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let page = stdout(&o);
    let section = page
        .split("### Cookies nécessaires")
        .nth(1)
        .and_then(|s| s.split("\n### ").next())
        .expect("a table of necessary cookies");
    let rows: Vec<Vec<String>> = section
        .lines()
        .filter(|l| l.starts_with("| ") && !l.starts_with("| Nom du prestataire"))
        .map(|l| {
            l.trim_matches('|')
                .split(" | ")
                .map(|c| c.trim().trim_matches('`').to_owned())
                .collect()
        })
        .collect();
    let seed = std::fs::read_to_string(repo("tests/fixtures/seed-necessary-cookies.tsv")).unwrap();
    let want: Vec<Vec<String>> = seed
        .lines()
        .map(|l| l.split('\t').map(str::to_owned).collect())
        .collect();
    assert_eq!(want.len(), 4);
    assert_eq!(rows.len(), want.len(), "{section}");
    for (got, want) in rows.iter().zip(&want) {
        assert_eq!(&got[..4], &want[..], "provider, service, cookie name, purpose");
        assert!(!got[4].is_empty(), "a retention");
    }
    assert!(page.starts_with("# Charte cookies\n"));
    let en = stdout(&run(&["policy", "page", &repo(PORTAL), "--lang", "en"], None));
    assert!(en.contains("| Opendatasoft | Authentication (front and back office) | `sessionid` |"));
    let html = stdout(&run(
        &["policy", "page", &repo(PORTAL), "--format", "html-document"],
        None,
    ));
    assert!(html.starts_with("<!doctype html>\n<html lang=\"fr\">"));
    assert!(html.contains("<td><code>csrftoken</code></td>"));
}

#[test]
fn policy_compact_is_the_cores() {
    let o = run(&["policy", "compact", &repo(PORTAL)], None);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let line = stdout(&o);
    let policy = cookieprefs::Policy::from_json(&std::fs::read_to_string(repo(PORTAL)).unwrap()).unwrap();
    assert_eq!(line, format!("{}\n", policy.to_compact()));
    assert!(line.starts_with("cookieprefs-policy/1 1 "), "{line}");
    assert!(line.contains(" sessionid 0 "), "{line}");
    let o = run(&["policy", "compact", "no-such-file.json"], None);
    assert_ne!(o.status.code(), Some(0));
}

#[test]
fn policy_check_exit_statuses() {
    let o = run(&["policy", "check", &repo(PORTAL)], None);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o)
        .contains("valid — revision 1, 3 optional categories, languages fr, en, 7 cookies declared"));
    assert!(!stdout(&o).contains("warning"), "{}", stdout(&o));

    let dir = std::env::temp_dir().join(format!("cookieprefs-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let write = |name: &str, text: &str| {
        let p = dir.join(name);
        std::fs::write(&p, text).unwrap();
        p.to_string_lossy().into_owned()
    };
    let bad = write(
        "bad.json",
        r#"{"categories": [{"id": 1, "name": "statistics"}], "cookies": [{"name": "_ga*", "category": "third_party"}]}"#,
    );
    let o = run(&["policy", "check", &bad], None);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("category \"third_party\" is not offered by the policy (category_not_offered)"),
        "{}",
        stderr(&o)
    );

    let sparse = write(
        "sparse.json",
        r#"{"languages": ["fr", "en"], "categories": [{"id": 16, "name": "videos", "label": {"fr": "Vidéos"}}], "cookies": [{"name": "yt", "category": "videos"}]}"#,
    );
    let o = run(&["policy", "check", &sparse], None);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    for w in [
        "warning: category \"videos\" has no label in \"en\"",
        "warning: category \"videos\" has no description",
        "warning: cookie \"yt\" has no purpose",
        "warning: cookie \"yt\" has no retention",
    ] {
        assert!(out.contains(w), "{w}: {out}");
    }
    let o = run(&["policy", "check", "--strict", &sparse], None);
    assert_eq!(o.status.code(), Some(1));

    let o = run(
        &["policy", "check", &dir.join("missing.json").to_string_lossy()],
        None,
    );
    assert_eq!(o.status.code(), Some(2));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn audit_finds_undeclared_cookies_and_cookies_set_without_consent() {
    let lines = "Set-Cookie: sessionid=abc; HttpOnly; Path=/\n\
                 _pk_id.1.ab12=GA1; Max-Age=34214400; Path=/\n\
                 _pk_ses.1.ab12=; Max-Age=0; Path=/\n\
                 tracker=1; Path=/\n";
    // First visit: no consent at all.
    let o = run(
        &["audit", "--policy", &repo(PORTAL), "--today", "2026-11-24"],
        Some(lines),
    );
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("sessionid       necessary     ok"), "{out}");
    assert!(
        out.contains("_pk_id.1.ab12   statistics    set without consent"),
        "{out}"
    );
    assert!(
        out.contains("_pk_ses.1.ab12  statistics    ok"),
        "a deletion is fine: {out}"
    );
    assert!(out.contains("tracker         undeclared    undeclared"), "{out}");
    assert!(stderr(&o).contains("2 problems in 4 Set-Cookie headers"));

    // Statistics granted (revision 1, 2026-11-24), only declared cookies: clean.
    let value = stdout(&run(
        &[
            "encode",
            "--statistics",
            "granted",
            "--revision",
            "1",
            "--today",
            "2026-11-24",
        ],
        None,
    ));
    let cookie = format!("Cookie: cookies_preferences={}", value.trim());
    let clean = "sessionid=abc; Path=/\n_pk_id.1.ab12=GA1; Max-Age=34214400; Path=/\n";
    let o = run(
        &[
            "audit",
            "--policy",
            &repo(PORTAL),
            "--cookie",
            &cookie,
            "--today",
            "2026-11-24",
            "--json",
        ],
        Some(clean),
    );
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    let first: serde_json::Value = serde_json::from_str(stdout(&o).lines().nth(1).unwrap()).unwrap();
    assert_eq!(
        first,
        serde_json::json!({"cookie": "_pk_id.1.ab12", "category": "statistics", "findings": []})
    );

    // A HAR file: the Set-Cookie headers of its responses.
    let har = serde_json::json!({"log": {"entries": [
        {"request": {}, "response": {"headers": [
            {"name": "content-type", "value": "text/html"},
            {"name": "set-cookie", "value": "_pk_id.1.ff=1; Max-Age=100\nsessionid=x"}]}},
        {"request": {}, "response": {"headers": [{"name": "Set-Cookie", "value": "other=1"}]}}
    ]}});
    let o = run(
        &["audit", "--policy", &repo(PORTAL), "--json"],
        Some(&har.to_string()),
    );
    assert_eq!(o.status.code(), Some(1));
    let names: Vec<String> = stdout(&o)
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["cookie"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect();
    assert_eq!(names, ["_pk_id.1.ff", "sessionid", "other"]);
    let o = run(&["audit", "--policy", &repo(PORTAL)], Some("{\"log\": 3}"));
    assert_eq!(o.status.code(), Some(2));
}
