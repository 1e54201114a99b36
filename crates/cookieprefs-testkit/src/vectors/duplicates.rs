//! `duplicates.json`: whole `Cookie:` headers holding the policy's cookie
//! several times (a sibling subdomain's `Domain` cookie, an old path,
//! another tool's cookie of the same name) and what a server decides
//! (`docs/FORMAT.md` §8): invalid copies are ignored while a valid one
//! exists, a category is granted only if every valid copy grants it, and a
//! refusal in any valid copy wins. Every expected state is written here by
//! hand; [`document`] asserts the code agrees.

use cookieprefs::{Category, Date, Policy, Preferences, PreferencesBuilder};
use serde_json::{json, Value};

/// The policy of every case: revision 1, the three standard categories,
/// GPC refusing `third_party`.
const POLICY: &str = r#"{"revision": 1}"#;
/// The day of every case.
const TODAY: &str = "2026-11-24";

/// One header and what evaluating it gives.
pub struct HeaderCase {
    /// The case name.
    pub name: &'static str,
    /// The whole `Cookie:` header.
    pub header: String,
    /// The `Sec-GPC: 1` signal.
    pub gpc: bool,
    /// How many copies of the cookie the header holds.
    pub copies: u32,
    /// `Evaluation::banner_reason` (`None`: no banner).
    pub banner_reason: Option<&'static str>,
    /// The error kind when no copy is valid.
    pub error: Option<&'static str>,
    /// The first ignored copy's error kind when a valid copy was used.
    pub ignored_error: Option<&'static str>,
    /// The effective state of statistics, first_party, third_party.
    pub states: [&'static str; 3],
}

fn value(b: PreferencesBuilder) -> String {
    b.build().expect("a valid case value").encode()
}

/// The cases, in file order.
pub fn cases() -> Vec<HeaderCase> {
    let today: Date = TODAY.parse().unwrap();
    let cat = |id| Category::new(id).unwrap();
    let at = |d: Date| Preferences::builder(d).revision(1);
    let grant_all = value(at(today).grant(cat(1)).grant(cat(2)).grant(cat(3)));
    let refuse_all = value(at(today).deny(cat(1)).deny(cat(2)).deny(cat(3)));
    let stats_only = value(at(today).grant(cat(1)));
    let mixed = value(at(today).grant(cat(1)).deny(cat(2)).grant(cat(3)));
    let old = Date::from_days_since_epoch(today.days_since_epoch() - 200);
    let refuse_all_expired = value(at(old).deny(cat(1)).deny(cat(2)).deny(cat(3)));
    let grant_all_future_revision = value(
        Preferences::builder(today)
            .revision(2)
            .grant(cat(1))
            .grant(cat(2))
            .grant(cat(3)),
    );
    let n = "cookies_preferences";
    let h = |parts: &[&str]| {
        parts
            .iter()
            .map(|v| format!("{n}={v}"))
            .collect::<Vec<_>>()
            .join("; ")
    };
    let (g, d, x) = ("granted", "denied", "not_asked");
    vec![
        HeaderCase {
            name: "one-copy",
            header: format!("sessionid=abc; {}; csrftoken=x", h(&[&grant_all])),
            gpc: false,
            copies: 1,
            banner_reason: None,
            error: None,
            ignored_error: None,
            states: [g, g, g],
        },
        HeaderCase {
            name: "planted-grant-all-before-the-visitors-refusal",
            header: h(&[&grant_all, &refuse_all]),
            gpc: false,
            copies: 2,
            banner_reason: None,
            error: None,
            ignored_error: None,
            states: [d, d, d],
        },
        HeaderCase {
            name: "refusal-first-then-planted-grant-all",
            header: h(&[&refuse_all, &grant_all]),
            gpc: false,
            copies: 2,
            banner_reason: None,
            error: None,
            ignored_error: None,
            states: [d, d, d],
        },
        HeaderCase {
            name: "two-equal-copies",
            header: h(&[&grant_all, &grant_all]),
            gpc: false,
            copies: 2,
            banner_reason: None,
            error: None,
            ignored_error: None,
            states: [g, g, g],
        },
        HeaderCase {
            name: "quoted-and-plain-copies",
            header: format!("{n}=\"{grant_all}\"; a=1; {n}={grant_all}"),
            gpc: false,
            copies: 2,
            banner_reason: None,
            error: None,
            ignored_error: None,
            states: [g, g, g],
        },
        HeaderCase {
            name: "a-missing-answer-in-one-copy-asks-again",
            header: h(&[&grant_all, &stats_only]),
            gpc: false,
            copies: 2,
            banner_reason: Some("new_category"),
            error: None,
            ignored_error: None,
            states: [g, x, x],
        },
        HeaderCase {
            name: "a-refusal-in-one-copy-wins-category-by-category",
            header: h(&[&mixed, &grant_all]),
            gpc: false,
            copies: 2,
            banner_reason: None,
            error: None,
            ignored_error: None,
            states: [g, d, g],
        },
        HeaderCase {
            name: "an-old-tools-cookie-of-the-same-name-is-ignored",
            header: format!("{n}=%7B%22statistics%22%3Atrue%7D; {}", h(&[&mixed])),
            gpc: false,
            copies: 2,
            banner_reason: None,
            error: None,
            ignored_error: Some("invalid_character"),
            states: [g, d, g],
        },
        HeaderCase {
            name: "an-invalid-copy-after-a-valid-one-is-ignored",
            header: h(&[&mixed, "junk"]),
            gpc: false,
            copies: 2,
            banner_reason: None,
            error: None,
            ignored_error: Some("unsupported_version"),
            states: [g, d, g],
        },
        HeaderCase {
            name: "a-copy-from-a-later-revision-is-ignored",
            header: h(&[&grant_all_future_revision, &refuse_all]),
            gpc: false,
            copies: 2,
            banner_reason: None,
            error: None,
            ignored_error: Some("revision_in_future"),
            states: [d, d, d],
        },
        HeaderCase {
            name: "no-valid-copy-reports-the-first-error",
            header: h(&["BAAB=", "junk"]),
            gpc: false,
            copies: 2,
            banner_reason: Some("invalid_value"),
            error: Some("invalid_character"),
            ignored_error: None,
            states: [x, x, x],
        },
        HeaderCase {
            name: "an-expired-refusal-beside-a-grant-asks-again",
            header: h(&[&grant_all, &refuse_all_expired]),
            gpc: false,
            copies: 2,
            banner_reason: Some("expired"),
            error: None,
            ignored_error: None,
            states: [x, x, x],
        },
        HeaderCase {
            name: "gpc-answers-what-the-copies-leave-open",
            header: h(&[&grant_all, &stats_only]),
            gpc: true,
            copies: 2,
            banner_reason: Some("new_category"),
            error: None,
            ignored_error: None,
            states: [g, x, d],
        },
        HeaderCase {
            name: "lookalike-names-are-other-cookies",
            header: format!("x{n}={refuse_all}; {n}_old={refuse_all}; {}", h(&[&grant_all])),
            gpc: false,
            copies: 1,
            banner_reason: None,
            error: None,
            ignored_error: None,
            states: [g, g, g],
        },
    ]
}

/// The file's document: `{"policy", "today", "cases": [{name, header, gpc,
/// expected: {copies, banner_reason, error, ignored_error, categories}}]}`.
pub fn document() -> Value {
    let policy = Policy::from_json(POLICY).unwrap();
    let today: Date = TODAY.parse().unwrap();
    let names = ["statistics", "first_party", "third_party"];
    let cases: Vec<Value> = cases()
        .into_iter()
        .map(|c| {
            let ev = policy.evaluate_header(Some(c.header.as_bytes()), today, c.gpc);
            assert_eq!(ev.copies(), c.copies, "{}", c.name);
            assert_eq!(
                ev.banner_reason().map(|r| r.as_str()),
                c.banner_reason,
                "{}",
                c.name
            );
            assert_eq!(ev.error().map(|e| e.kind()), c.error, "{}", c.name);
            assert_eq!(
                ev.ignored_error().map(|e| e.kind()),
                c.ignored_error,
                "{}",
                c.name
            );
            let mut categories = serde_json::Map::new();
            categories.insert("necessary".into(), json!("granted"));
            for (name, want) in names.iter().zip(c.states) {
                let got = ev.state(policy.resolve(name).unwrap());
                assert_eq!(got.as_str(), want, "{}: {name}", c.name);
                categories.insert((*name).into(), json!(want));
            }
            json!({
                "name": c.name, "header": c.header, "gpc": c.gpc,
                "expected": {
                    "copies": c.copies, "needs_banner": c.banner_reason.is_some(),
                    "banner_reason": c.banner_reason, "error": c.error,
                    "ignored_error": c.ignored_error, "categories": categories,
                }
            })
        })
        .collect();
    let policy_json: Value = serde_json::from_str(POLICY).unwrap();
    json!({"policy": policy_json, "today": TODAY, "cases": cases})
}
