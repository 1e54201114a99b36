//! `evaluate.json`: named policies, and cases applying one of them to a
//! value on a day, with or without GPC.

use cookieprefs::{Category, Date, Evaluation, Policy, Preferences, PreferencesBuilder};
use serde_json::{json, Value};

use super::date;

/// The policies the cases refer to by name (policy JSON, `docs/FORMAT.md` §7).
pub fn policies() -> Value {
    json!({
        "default": {"revision": 0},
        "standard-r3": {"revision": 3},
        "reconsent-third-party-r4": {
            "revision": 4,
            "categories": [
                {"id": 1, "name": "statistics"},
                {"id": 2, "name": "first_party"},
                {"id": 3, "name": "third_party", "since_revision": 4}
            ]
        },
        "everything-r5": {
            "revision": 5,
            "categories": [
                {"id": 1, "name": "statistics", "since_revision": 5},
                {"id": 2, "name": "first_party", "since_revision": 5},
                {"id": 3, "name": "third_party", "since_revision": 5}
            ]
        },
        "youtube-r3": {
            "revision": 3,
            "categories": [
                {"id": 1, "name": "statistics"},
                {"id": 2, "name": "first_party"},
                {"id": 3, "name": "third_party"},
                {"id": 16, "name": "youtube", "since_revision": 3}
            ],
            "gpc_categories": ["third_party", "youtube"],
            "consent_mode": {"ad_personalization": "youtube"}
        },
        "short-refusals": {
            "revision": 3,
            "max_age_days": {"granted": 395, "denied": 30}
        },
        "statistics-only": {
            "revision": 1,
            "categories": [{"id": 1, "name": "statistics"}],
            "gpc_categories": [],
            "cookie": {"name": "consent", "domain": "example.org", "http_only": true}
        }
    })
}

/// What an evaluation case must give (the generator checks it, then writes
/// it with the states and Consent Mode the evaluation gives).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Expect {
    /// `Evaluation::needs_banner`.
    pub needs_banner: bool,
    /// `Evaluation::banner_reason` (`None` when no banner is needed).
    pub reason: Option<&'static str>,
    /// The error kind of a rejected value.
    pub error: Option<&'static str>,
}

impl Expect {
    /// Every offered category decided: no banner.
    pub const NO_BANNER: Expect = Expect {
        needs_banner: false,
        reason: None,
        error: None,
    };

    /// A banner for `reason`, the value (if any) accepted.
    pub const fn banner(reason: &'static str) -> Expect {
        Expect {
            needs_banner: true,
            reason: Some(reason),
            error: None,
        }
    }

    /// The value is rejected with error kind `error`: a banner, reason
    /// `invalid_value`.
    pub const fn rejected(error: &'static str) -> Expect {
        Expect {
            needs_banner: true,
            reason: Some("invalid_value"),
            error: Some(error),
        }
    }
}

/// One evaluation: `policy` (a key of [`policies`]) applied to `value`
/// (`None`: no cookie) on `today` with the GPC signal `gpc`.
pub struct EvalCase {
    /// The case name.
    pub name: &'static str,
    /// The policy's name in [`policies`].
    pub policy: &'static str,
    /// The cookie value, if there is a cookie.
    pub value: Option<String>,
    /// `YYYY-MM-DD`.
    pub today: &'static str,
    /// The GPC signal.
    pub gpc: bool,
    /// What the evaluation gives.
    pub expect: Expect,
}

/// The cases, in file order.
pub fn cases() -> Vec<EvalCase> {
    let today = date("2026-11-24");
    let cat = |id| Category::new(id).unwrap();
    let at = |d: &str| Preferences::builder(date(d)).revision(3);
    let enc = |b: PreferencesBuilder| Some(b.build().unwrap().encode());
    let standard = enc(at("2026-11-24").grant(cat(1)).deny(cat(2)).deny(cat(3)));
    let all_granted = enc(at("2026-11-24").grant(cat(1)).grant(cat(2)).grant(cat(3)));
    let all_denied = enc(at("2026-11-24").deny(cat(1)).deny(cat(2)).deny(cat(3)));
    let days_ago = |n: u16| Date::from_days_since_epoch(today.days_since_epoch() - n).to_string();
    let aged = |n: u16| {
        enc(Preferences::builder(date(&days_ago(n)))
            .revision(3)
            .grant(cat(1))
            .deny(cat(2))
            .deny(cat(3)))
    };
    let future = |n: u16| {
        let d = Date::from_days_since_epoch(today.days_since_epoch() + n);
        enc(Preferences::builder(d).revision(3).grant(cat(1)))
    };
    let t = "2026-11-24";
    vec![
        EvalCase {
            name: "no-cookie",
            policy: "standard-r3",
            value: None,
            today: t,
            gpc: false,
            expect: Expect::banner("no_choice"),
        },
        EvalCase {
            name: "no-cookie-gpc",
            policy: "standard-r3",
            value: None,
            today: t,
            gpc: true,
            expect: Expect::banner("no_choice"),
        },
        EvalCase {
            name: "standard",
            policy: "standard-r3",
            value: standard.clone(),
            today: t,
            gpc: false,
            expect: Expect::NO_BANNER,
        },
        EvalCase {
            name: "all-granted",
            policy: "standard-r3",
            value: all_granted.clone(),
            today: t,
            gpc: false,
            expect: Expect::NO_BANNER,
        },
        EvalCase {
            name: "all-denied",
            policy: "standard-r3",
            value: all_denied.clone(),
            today: t,
            gpc: false,
            expect: Expect::NO_BANNER,
        },
        EvalCase {
            name: "all-granted-gpc-stored-wins",
            policy: "standard-r3",
            value: all_granted.clone(),
            today: t,
            gpc: true,
            expect: Expect::NO_BANNER,
        },
        EvalCase {
            name: "garbage",
            policy: "standard-r3",
            value: Some("{\"statistics\":true}".into()),
            today: t,
            gpc: false,
            expect: Expect::rejected("invalid_character"),
        },
        EvalCase {
            name: "garbage-gpc",
            policy: "standard-r3",
            value: Some("%%%".into()),
            today: t,
            gpc: true,
            expect: Expect::rejected("invalid_character"),
        },
        EvalCase {
            name: "empty-value",
            policy: "standard-r3",
            value: Some(String::new()),
            today: t,
            gpc: false,
            expect: Expect::rejected("empty"),
        },
        EvalCase {
            name: "unsupported-version",
            policy: "standard-r3",
            value: Some("CAADCdcJ1w5Q".into()),
            today: t,
            gpc: false,
            expect: Expect::rejected("unsupported_version"),
        },
        EvalCase {
            name: "non-canonical",
            policy: "standard-r3",
            value: Some(format!("{}A", standard.clone().unwrap())),
            today: t,
            gpc: false,
            expect: Expect::rejected("trailing_data"),
        },
        EvalCase {
            name: "future-two-days",
            policy: "standard-r3",
            value: future(2),
            today: t,
            gpc: false,
            expect: Expect::rejected("date_in_future"),
        },
        EvalCase {
            name: "revision-4095-grant-all-planted",
            policy: "standard-r3",
            value: enc(Preferences::builder(today)
                .revision(4095)
                .grant(cat(1))
                .grant(cat(2))
                .grant(cat(3))),
            today: t,
            gpc: true,
            expect: Expect::rejected("revision_in_future"),
        },
        EvalCase {
            name: "one-day-skew-ok",
            policy: "standard-r3",
            value: enc(Preferences::builder(date("2026-11-25"))
                .revision(3)
                .grant(cat(1))
                .deny(cat(2))
                .deny(cat(3))),
            today: t,
            gpc: false,
            expect: Expect::NO_BANNER,
        },
        EvalCase {
            name: "age-182-days-valid",
            policy: "standard-r3",
            value: aged(182),
            today: t,
            gpc: false,
            expect: Expect::NO_BANNER,
        },
        EvalCase {
            name: "age-183-days-expired",
            policy: "standard-r3",
            value: aged(183),
            today: t,
            gpc: false,
            expect: Expect::banner("expired"),
        },
        EvalCase {
            name: "age-400-days-expired-gpc",
            policy: "standard-r3",
            value: aged(400),
            today: t,
            gpc: true,
            expect: Expect::banner("expired"),
        },
        EvalCase {
            name: "partial-new-category",
            policy: "standard-r3",
            value: enc(at(t).grant(cat(1))),
            today: t,
            gpc: false,
            expect: Expect::banner("new_category"),
        },
        EvalCase {
            name: "partial-gpc-covers-third-party",
            policy: "standard-r3",
            value: enc(at(t).grant(cat(1)).deny(cat(2))),
            today: t,
            gpc: true,
            expect: Expect::NO_BANNER,
        },
        EvalCase {
            name: "reconsent-third-party-old-revision",
            policy: "reconsent-third-party-r4",
            value: all_granted.clone(),
            today: t,
            gpc: false,
            expect: Expect::banner("policy_updated"),
        },
        EvalCase {
            name: "reconsent-third-party-old-revision-gpc",
            policy: "reconsent-third-party-r4",
            value: all_granted.clone(),
            today: t,
            gpc: true,
            expect: Expect::NO_BANNER,
        },
        EvalCase {
            name: "reconsent-third-party-new-revision",
            policy: "reconsent-third-party-r4",
            value: enc(at(t).revision(4).grant(cat(1)).grant(cat(2)).grant(cat(3))),
            today: t,
            gpc: false,
            expect: Expect::NO_BANNER,
        },
        EvalCase {
            name: "reconsent-everything",
            policy: "everything-r5",
            value: all_denied.clone(),
            today: t,
            gpc: false,
            expect: Expect::banner("policy_updated"),
        },
        EvalCase {
            name: "stored-revision-newer-than-policy",
            policy: "standard-r3",
            value: enc(at(t).revision(9).grant(cat(1)).grant(cat(2)).deny(cat(3))),
            today: t,
            gpc: false,
            expect: Expect::rejected("revision_in_future"),
        },
        EvalCase {
            name: "youtube-never-asked",
            policy: "youtube-r3",
            value: standard.clone(),
            today: t,
            gpc: false,
            expect: Expect::banner("new_category"),
        },
        EvalCase {
            name: "youtube-never-asked-gpc",
            policy: "youtube-r3",
            value: standard.clone(),
            today: t,
            gpc: true,
            expect: Expect::NO_BANNER,
        },
        EvalCase {
            name: "youtube-granted",
            policy: "youtube-r3",
            value: enc(at(t).grant(cat(1)).grant(cat(2)).grant(cat(3)).grant(cat(16))),
            today: t,
            gpc: false,
            expect: Expect::NO_BANNER,
        },
        EvalCase {
            name: "youtube-granted-gpc-stored-wins",
            policy: "youtube-r3",
            value: enc(at(t).grant(cat(1)).grant(cat(2)).grant(cat(3)).grant(cat(16))),
            today: t,
            gpc: true,
            expect: Expect::NO_BANNER,
        },
        EvalCase {
            name: "youtube-answer-under-old-revision",
            policy: "youtube-r3",
            value: enc(at(t)
                .revision(2)
                .grant(cat(1))
                .grant(cat(2))
                .grant(cat(3))
                .grant(cat(16))),
            today: t,
            gpc: false,
            expect: Expect::banner("policy_updated"),
        },
        EvalCase {
            name: "no-cookie-youtube-gpc",
            policy: "youtube-r3",
            value: None,
            today: t,
            gpc: true,
            expect: Expect::banner("no_choice"),
        },
        EvalCase {
            name: "unknown-categories-ignored",
            policy: "standard-r3",
            value: enc(at(t).grant(cat(1)).grant(cat(2)).grant(cat(3)).grant(cat(40))),
            today: t,
            gpc: false,
            expect: Expect::NO_BANNER,
        },
        EvalCase {
            name: "short-refusals-denial-expired",
            policy: "short-refusals",
            value: enc(Preferences::builder(date(&days_ago(30)))
                .revision(3)
                .grant(cat(1))
                .deny(cat(2))
                .deny(cat(3))),
            today: t,
            gpc: false,
            expect: Expect::banner("expired"),
        },
        EvalCase {
            name: "short-refusals-denial-valid",
            policy: "short-refusals",
            value: enc(Preferences::builder(date(&days_ago(29)))
                .revision(3)
                .grant(cat(1))
                .deny(cat(2))
                .deny(cat(3))),
            today: t,
            gpc: false,
            expect: Expect::NO_BANNER,
        },
        EvalCase {
            name: "short-refusals-grants-last",
            policy: "short-refusals",
            value: enc(Preferences::builder(date(&days_ago(394)))
                .revision(3)
                .grant(cat(1))
                .grant(cat(2))
                .grant(cat(3))),
            today: t,
            gpc: false,
            expect: Expect::NO_BANNER,
        },
        EvalCase {
            name: "short-refusals-grants-expire",
            policy: "short-refusals",
            value: enc(Preferences::builder(date(&days_ago(395)))
                .revision(3)
                .grant(cat(1))
                .grant(cat(2))
                .grant(cat(3))),
            today: t,
            gpc: false,
            expect: Expect::banner("expired"),
        },
        EvalCase {
            name: "statistics-only-granted",
            policy: "statistics-only",
            value: enc(Preferences::builder(today).revision(1).grant(cat(1))),
            today: t,
            gpc: false,
            expect: Expect::NO_BANNER,
        },
        EvalCase {
            name: "statistics-only-gpc-does-nothing",
            policy: "statistics-only",
            value: None,
            today: t,
            gpc: true,
            expect: Expect::banner("no_choice"),
        },
        EvalCase {
            name: "default-policy-standard",
            policy: "default",
            value: enc(Preferences::builder(today)
                .grant(cat(1))
                .deny(cat(2))
                .deny(cat(3))),
            today: t,
            gpc: false,
            expect: Expect::NO_BANNER,
        },
        EvalCase {
            name: "default-policy-revision-3-value",
            policy: "default",
            value: standard.clone(),
            today: t,
            gpc: false,
            expect: Expect::rejected("revision_in_future"),
        },
        EvalCase {
            name: "epoch-today",
            policy: "default",
            value: None,
            today: "2020-01-01",
            gpc: false,
            expect: Expect::banner("no_choice"),
        },
    ]
}

fn state_map(policy: &Policy, ev: &Evaluation) -> Value {
    let mut m = serde_json::Map::new();
    m.insert("necessary".into(), json!("granted"));
    for c in policy.categories() {
        m.insert(c.name.clone(), json!(ev.state(c.category).as_str()));
    }
    Value::Object(m)
}

/// The document: the policies and, per case, what the evaluation gives.
pub fn document() -> Value {
    let pols = policies();
    let cases: Vec<Value> = cases()
        .into_iter()
        .map(
            |EvalCase {
                 name,
                 policy: pol,
                 value,
                 today,
                 gpc,
                 expect,
             }| {
                let policy = Policy::from_json(&pols[pol].to_string()).unwrap();
                let ev = policy.evaluate(value.as_deref(), date(today), gpc);
                let got = Expect {
                    needs_banner: ev.needs_banner(),
                    reason: ev.banner_reason().map(|r| r.as_str()),
                    error: ev.error().map(|e| e.kind()),
                };
                assert_eq!(got, expect, "{name}");
                let Expect {
                    needs_banner,
                    reason,
                    error,
                } = expect;
                json!({
                    "name": name, "policy": pol, "value": value, "today": today, "gpc": gpc,
                    "expected": {
                        "needs_banner": needs_banner, "banner_reason": reason, "error": error,
                        "categories": state_map(&policy, &ev),
                        "consent_mode": serde_json::to_value(ev.consent_mode()).unwrap(),
                    }
                })
            },
        )
        .collect();
    json!({"policies": pols, "cases": cases})
}
