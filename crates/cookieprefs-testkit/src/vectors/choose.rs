//! `choose.json`: what the banner asks and what each answer saves
//! (`docs/FORMAT.md` §6, "Saving a choice"): for a policy and a stored
//! value on a day, with or without the GPC signal, the **asked** and
//! **GPC-refused** categories, and the value saved by `choose` (one list of
//! granted categories), accept-all, reject-all, accept-asked and
//! reject-asked; then choices that are refused, with their error kinds.
//! Every expected list, state and date is written here by hand; [`document`]
//! asserts the code agrees and writes the encoded values the code gives.

use std::collections::BTreeMap;

use cookieprefs::{Category, Evaluation, Method, Policy, Preferences, PreferencesBuilder};
use serde_json::{json, Value};

use super::date;

/// The day of every case.
const TODAY: &str = "2026-11-24";

/// The policies the cases refer to by name (policy JSON, `docs/FORMAT.md` §7).
pub fn policies() -> Value {
    json!({
        // The three standard categories; GPC refuses third_party.
        "standard-r3": {"revision": 3},
        // Revision 4 adds maps (id 16), a GPC category like third_party.
        "maps-r4": {
            "revision": 4,
            "categories": [
                {"id": 1, "name": "statistics"},
                {"id": 2, "name": "first_party"},
                {"id": 3, "name": "third_party"},
                {"id": 16, "name": "maps", "since_revision": 4}
            ],
            "gpc_categories": ["third_party", "maps"]
        },
        // Grants count for 30 days, refusals for 395.
        "short-grants": {
            "revision": 3,
            "max_age_days": {"granted": 30, "denied": 395}
        },
        // Only statistics is offered; no GPC category.
        "statistics-only": {
            "revision": 1,
            "categories": [{"id": 1, "name": "statistics"}],
            "gpc_categories": []
        }
    })
}

/// One evaluation and every answer saved from it. A saved value is written
/// as its categories: `+name` granted, `-name` denied (standard names, ids
/// for the others, as in the value's JSON form); any category not written
/// is not stored.
pub struct ChooseCase {
    /// The case name.
    pub name: &'static str,
    /// The policy's name in [`policies`].
    pub policy: &'static str,
    /// The stored value, if there is a cookie.
    pub value: Option<String>,
    /// The `Sec-GPC: 1` signal.
    pub gpc: bool,
    /// The method every answer of the case is saved with.
    pub method: Method,
    /// `Evaluation::needs_banner`.
    pub needs_banner: bool,
    /// `Evaluation::asked`, by site name, in the policy's order.
    pub asked: &'static [&'static str],
    /// `Evaluation::gpc_refused`, by site name, in the policy's order.
    pub gpc_refused: &'static [&'static str],
    /// The `created` date of every saved value (`updated` is the day).
    pub created: &'static str,
    /// The categories granted to `Evaluation::choose`, by site name.
    pub granted: &'static [&'static str],
    /// What `choose(granted)` saves.
    pub choose: &'static str,
    /// What `accept_all` saves.
    pub accept_all: &'static str,
    /// What `reject_all` saves.
    pub reject_all: &'static str,
    /// What `accept_asked` saves.
    pub accept_asked: &'static str,
    /// What `reject_asked` saves.
    pub reject_asked: &'static str,
}

/// A choice the core refuses: `choose(granted)` fails with `error`.
pub struct ErrorCase {
    /// The case name.
    pub name: &'static str,
    /// The policy's name in [`policies`].
    pub policy: &'static str,
    /// The categories granted, by name (a standard name or a site name).
    pub granted: &'static [&'static str],
    /// The error kind.
    pub error: &'static str,
}

fn value(b: PreferencesBuilder) -> Option<String> {
    Some(b.build().expect("a valid case value").encode())
}

/// The cases, in file order.
pub fn cases() -> Vec<ChooseCase> {
    let cat = |id| Category::new(id).unwrap();
    let r3 = |d: &str| Preferences::builder(date(d)).revision(3);
    vec![
        ChooseCase {
            name: "no-cookie",
            policy: "standard-r3",
            value: None,
            gpc: false,
            method: Method::Banner,
            needs_banner: true,
            asked: &["statistics", "first_party", "third_party"],
            gpc_refused: &[],
            created: TODAY,
            granted: &["statistics"],
            choose: "+statistics -first_party -third_party",
            accept_all: "+statistics +first_party +third_party",
            reject_all: "-statistics -first_party -third_party",
            accept_asked: "+statistics +first_party +third_party",
            reject_asked: "-statistics -first_party -third_party",
        },
        ChooseCase {
            name: "no-cookie-gpc",
            policy: "standard-r3",
            value: None,
            gpc: true,
            method: Method::Banner,
            needs_banner: true,
            asked: &["statistics", "first_party", "third_party"],
            gpc_refused: &["third_party"],
            created: TODAY,
            granted: &["statistics", "third_party"],
            choose: "+statistics -first_party +third_party",
            accept_all: "+statistics +first_party -third_party",
            reject_all: "-statistics -first_party -third_party",
            // "Accept" never grants what GPC refused; ticking it does (choose).
            accept_asked: "+statistics +first_party -third_party",
            reject_asked: "-statistics -first_party -third_party",
        },
        ChooseCase {
            name: "invalid-value-gpc",
            policy: "standard-r3",
            value: Some("garbage!".into()),
            gpc: true,
            method: Method::Banner,
            needs_banner: true,
            asked: &["statistics", "first_party", "third_party"],
            gpc_refused: &["third_party"],
            created: TODAY,
            granted: &[],
            choose: "-statistics -first_party -third_party",
            accept_all: "+statistics +first_party -third_party",
            reject_all: "-statistics -first_party -third_party",
            accept_asked: "+statistics +first_party -third_party",
            reject_asked: "-statistics -first_party -third_party",
        },
        ChooseCase {
            name: "reconsent-new-category",
            policy: "maps-r4",
            value: value(
                r3("2026-10-01")
                    .created(date("2026-06-01"))
                    .grant(cat(1))
                    .deny(cat(2))
                    .grant(cat(3)),
            ),
            gpc: false,
            method: Method::Banner,
            needs_banner: true,
            asked: &["maps"],
            gpc_refused: &[],
            created: "2026-06-01",
            granted: &["maps"],
            // choose is the whole answer: what is not granted is refused.
            choose: "-statistics -first_party -third_party +16",
            accept_all: "+statistics +first_party +third_party +16",
            reject_all: "-statistics -first_party -third_party -16",
            // Only maps is answered; the standing grants and refusal stay.
            accept_asked: "+statistics -first_party +third_party +16",
            reject_asked: "+statistics -first_party +third_party -16",
        },
        ChooseCase {
            name: "reconsent-new-category-gpc",
            policy: "maps-r4",
            value: value(
                r3("2026-10-01")
                    .created(date("2026-06-01"))
                    .grant(cat(1))
                    .deny(cat(2))
                    .grant(cat(3)),
            ),
            gpc: true,
            method: Method::Banner,
            // GPC answers maps for now: nothing needs an answer, but maps
            // is still the question a form asks.
            needs_banner: false,
            asked: &["maps"],
            gpc_refused: &["maps"],
            created: "2026-06-01",
            granted: &["statistics", "third_party", "maps"],
            choose: "+statistics -first_party +third_party +16",
            accept_all: "+statistics +first_party +third_party -16",
            reject_all: "-statistics -first_party -third_party -16",
            // The stored third_party grant wins over the signal; maps stays refused.
            accept_asked: "+statistics -first_party +third_party -16",
            reject_asked: "+statistics -first_party +third_party -16",
        },
        ChooseCase {
            name: "expired-grant",
            policy: "short-grants",
            value: value(r3("2026-10-01").grant(cat(1)).deny(cat(2)).deny(cat(3))),
            gpc: false,
            method: Method::PreferencesPage,
            needs_banner: true,
            // 54 days: the grant no longer counts, the refusals still do.
            asked: &["statistics"],
            gpc_refused: &[],
            created: "2026-10-01",
            granted: &["first_party"],
            choose: "-statistics +first_party -third_party",
            accept_all: "+statistics +first_party +third_party",
            reject_all: "-statistics -first_party -third_party",
            accept_asked: "+statistics -first_party -third_party",
            reject_asked: "-statistics -first_party -third_party",
        },
        ChooseCase {
            name: "expired-grants-gpc",
            policy: "short-grants",
            value: value(r3("2026-10-01").grant(cat(1)).deny(cat(2)).grant(cat(3))),
            gpc: true,
            method: Method::Banner,
            needs_banner: true,
            // The expired third_party grant is asked again, and GPC refuses it.
            asked: &["statistics", "third_party"],
            gpc_refused: &["third_party"],
            created: "2026-10-01",
            granted: &["statistics", "first_party", "third_party"],
            choose: "+statistics +first_party +third_party",
            accept_all: "+statistics +first_party -third_party",
            reject_all: "-statistics -first_party -third_party",
            accept_asked: "+statistics -first_party -third_party",
            reject_asked: "-statistics -first_party -third_party",
        },
        ChooseCase {
            name: "gpc-with-stored-answers",
            policy: "standard-r3",
            // third_party never answered: GPC refuses it, no banner.
            value: value(r3(TODAY).grant(cat(1)).deny(cat(2))),
            gpc: true,
            method: Method::Banner,
            needs_banner: false,
            asked: &["third_party"],
            gpc_refused: &["third_party"],
            created: TODAY,
            granted: &["statistics"],
            choose: "+statistics -first_party -third_party",
            accept_all: "+statistics +first_party -third_party",
            reject_all: "-statistics -first_party -third_party",
            accept_asked: "+statistics -first_party -third_party",
            reject_asked: "+statistics -first_party -third_party",
        },
        ChooseCase {
            name: "gpc-stored-grant-wins",
            policy: "standard-r3",
            value: value(r3("2026-11-20").grant(cat(1)).grant(cat(2)).grant(cat(3))),
            gpc: true,
            method: Method::PreferencesPage,
            needs_banner: false,
            asked: &[],
            gpc_refused: &[],
            created: "2026-11-20",
            granted: &["first_party"],
            choose: "-statistics +first_party -third_party",
            accept_all: "+statistics +first_party +third_party",
            reject_all: "-statistics -first_party -third_party",
            // Nothing asked: every answer stands (re-dated).
            accept_asked: "+statistics +first_party +third_party",
            reject_asked: "+statistics +first_party +third_party",
        },
        ChooseCase {
            name: "non-offered-refusal-kept",
            policy: "statistics-only",
            // first_party refused, third_party and 40 granted, 41 refused:
            // none offered; statistics never answered.
            value: value(
                Preferences::builder(date("2026-11-01"))
                    .revision(1)
                    .deny(cat(2))
                    .grant(cat(3))
                    .grant(cat(40))
                    .deny(cat(41)),
            ),
            gpc: false,
            method: Method::Banner,
            needs_banner: true,
            asked: &["statistics"],
            gpc_refused: &[],
            created: "2026-11-01",
            granted: &["statistics"],
            // Refusals of non-offered categories are kept, grants dropped.
            choose: "+statistics -first_party -41",
            accept_all: "+statistics -first_party -41",
            reject_all: "-statistics -first_party -41",
            accept_asked: "+statistics -first_party -41",
            reject_asked: "-statistics -first_party -41",
        },
        ChooseCase {
            name: "dated-tomorrow",
            policy: "standard-r3",
            // Within the clock skew: accepted; third_party never answered.
            value: value(r3("2026-11-25").grant(cat(1)).deny(cat(2))),
            gpc: false,
            method: Method::Banner,
            needs_banner: true,
            asked: &["third_party"],
            gpc_refused: &[],
            // `created` is clamped to the day of the new choice.
            created: TODAY,
            granted: &["statistics", "first_party"],
            choose: "+statistics +first_party -third_party",
            accept_all: "+statistics +first_party +third_party",
            reject_all: "-statistics -first_party -third_party",
            accept_asked: "+statistics -first_party +third_party",
            reject_asked: "+statistics -first_party -third_party",
        },
    ]
}

/// The refused choices, in file order.
pub fn error_cases() -> Vec<ErrorCase> {
    vec![
        ErrorCase {
            name: "necessary-is-never-stored",
            policy: "standard-r3",
            granted: &["statistics", "necessary"],
            error: "necessary_not_stored",
        },
        ErrorCase {
            name: "standard-category-not-offered",
            policy: "statistics-only",
            granted: &["statistics", "third_party"],
            error: "category_not_offered",
        },
        ErrorCase {
            name: "site-id-not-offered",
            policy: "maps-r4",
            granted: &["17"],
            error: "category_not_offered",
        },
    ]
}

/// `+name -name ...` as the categories of a value's JSON form.
fn states(written: &str) -> Value {
    let mut m = BTreeMap::new();
    for item in written.split_whitespace() {
        let (state, name) = match item.split_at(1) {
            ("+", n) => ("granted", n),
            ("-", n) => ("denied", n),
            _ => panic!("bad state {item:?}"),
        };
        assert!(m.insert(name.to_owned(), state).is_none(), "{name} twice");
    }
    json!(m)
}

fn names(policy: &Policy, categories: &[Category]) -> Vec<String> {
    categories
        .iter()
        .map(|c| policy.name_of(*c).expect("an offered category").to_owned())
        .collect()
}

fn resolve(policy: &Policy, names: &[&str]) -> Vec<Category> {
    names
        .iter()
        .map(|n| {
            // A name on the policy, or (for the error cases) a standard name
            // or an id the policy does not offer.
            policy
                .resolve(n)
                .or_else(|_| n.parse::<Category>())
                .unwrap_or_else(|e| panic!("{n}: {e}"))
        })
        .collect()
}

fn policy(name: &str) -> Policy {
    Policy::from_json(&policies()[name].to_string()).unwrap()
}

/// Checks one saved value against its hand-written states and dates; its
/// JSON entry.
fn saved(case: &ChooseCase, what: &str, prefs: &Preferences, written: &str, revision: u16) -> Value {
    let form = serde_json::to_value(prefs).unwrap();
    let ctx = format!("{} {what}", case.name);
    assert_eq!(form["categories"], states(written), "{ctx}");
    assert_eq!(prefs.created(), date(case.created), "{ctx}");
    assert_eq!(prefs.updated(), date(TODAY), "{ctx}");
    assert_eq!(prefs.revision(), revision, "{ctx}");
    assert_eq!(prefs.method(), case.method, "{ctx}");
    json!({"value": prefs.encode(), "categories": form["categories"]})
}

fn evaluate(case: &ChooseCase, policy: &Policy) -> Evaluation {
    policy.evaluate(case.value.as_deref(), date(TODAY), case.gpc)
}

/// The document: the day, the policies, the cases and the refused choices.
pub fn document() -> Value {
    let cases: Vec<Value> = cases()
        .iter()
        .map(|case| {
            let p = policy(case.policy);
            let ev = evaluate(case, &p);
            let revision = p.revision();
            assert_eq!(ev.needs_banner(), case.needs_banner, "{}", case.name);
            assert_eq!(names(&p, &ev.asked()), case.asked, "{} asked", case.name);
            assert_eq!(
                names(&p, &ev.gpc_refused()),
                case.gpc_refused,
                "{} gpc_refused",
                case.name
            );
            let m = case.method;
            let chosen = ev
                .choose(&resolve(&p, case.granted), m)
                .unwrap_or_else(|e| panic!("{}: {e}", case.name));
            json!({
                "name": case.name, "policy": case.policy, "value": case.value, "today": TODAY,
                "gpc": case.gpc, "method": m.as_str(),
                "expected": {
                    "needs_banner": case.needs_banner,
                    "asked": case.asked,
                    "gpc_refused": case.gpc_refused,
                    "created": case.created,
                    "choose": {
                        "granted": case.granted,
                        "saved": saved(case, "choose", &chosen, case.choose, revision),
                    },
                    "accept_all": saved(case, "accept_all", &ev.accept_all(m), case.accept_all, revision),
                    "reject_all": saved(case, "reject_all", &ev.reject_all(m), case.reject_all, revision),
                    "accept_asked": saved(case, "accept_asked", &ev.accept_asked(m), case.accept_asked, revision),
                    "reject_asked": saved(case, "reject_asked", &ev.reject_asked(m), case.reject_asked, revision),
                }
            })
        })
        .collect();
    let errors: Vec<Value> = error_cases()
        .iter()
        .map(|case| {
            let p = policy(case.policy);
            let ev = p.evaluate(None, date(TODAY), false);
            let err = ev
                .choose(&resolve(&p, case.granted), Method::Banner)
                .expect_err(case.name);
            assert_eq!(err.kind(), case.error, "{}", case.name);
            json!({"name": case.name, "policy": case.policy, "granted": case.granted, "error": case.error})
        })
        .collect();
    json!({"today": TODAY, "policies": policies(), "cases": cases, "errors": errors})
}

#[cfg(test)]
mod tests {
    /// The notation of saved states.
    #[test]
    fn states_read_the_notation() {
        assert_eq!(
            super::states("+statistics -16"),
            serde_json::json!({"statistics": "granted", "16": "denied"})
        );
    }
}
