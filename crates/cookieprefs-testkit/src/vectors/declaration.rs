//! `declaration.json`: the cookie declaration (`docs/FORMAT.md` §12) —
//! which declaration a cookie name falls under, the texts a visitor reads
//! in a requested language, and enforcement: which cookies an evaluation
//! allows, which `Set-Cookie` headers a response keeps, and the deletion
//! headers for the cookies of a request it does not allow.
//!
//! Every expected category, decision and deletion header, and the texts
//! listed in `expect`, are written here by hand; [`document`] asserts the
//! code agrees. The file also holds every label, description and cookie
//! text of each texts case as the code gives them, for the other languages
//! to compare their bindings with.

use cookieprefs::{Category, Date, Policy, Preferences};
use serde_json::{json, Map, Value};

/// The example portal of `examples/policies/`.
const PORTAL: &str = include_str!("../../../../examples/policies/opendatasoft-portal.json");

/// Nested patterns, a site category, a renamed consent cookie, undeclared
/// cookies blocked, three languages.
const NESTED: &str = r#"{
  "revision": 2,
  "languages": ["en", "fr", "pt-br"],
  "categories": [
    {"id": 1, "name": "statistics", "label": {"en": "Audience measurement"}},
    {"id": 2, "name": "first_party"},
    {"id": 3, "name": "third_party"},
    {"id": 16, "name": "youtube", "label": {"en": "YouTube videos", "fr": "Vidéos YouTube"},
     "description": "Videos from youtube.com."}
  ],
  "necessary": {"label": {"fr": "Indispensables"}},
  "cookie": {"name": "consent"},
  "cookies": [
    {"name": "_ga*", "category": "statistics", "provider": "Google", "domain": ".example.org", "retention": 395},
    {"name": "_gat*", "category": "third_party", "provider": "Google",
     "purpose": {"en": "Throttle requests", "fr": "Limiter les requêtes"}},
    {"name": "_ga", "category": "first_party"},
    {"name": "__Host-sid", "category": "necessary", "retention": "session"},
    {"name": "__Secure-pref*", "category": "first_party", "path": "/app"},
    {"name": "VISITOR_INFO1_LIVE", "category": "youtube", "domain": ".youtube.com"},
    {"name": "prefs_a*", "category": 1}
  ],
  "undeclared": "block"
}"#;

/// Every default.
const DEFAULT: &str = "{}";

const POLICIES: [(&str, &str); 3] = [("portal", PORTAL), ("nested", NESTED), ("default", DEFAULT)];

const TODAY: &str = "2026-11-24";

fn policy(name: &str) -> Policy {
    let (_, json) = POLICIES.iter().find(|(n, _)| *n == name).expect("a known policy");
    Policy::from_json(json).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// (policy, cookie name, category name or undeclared, the declaration's name).
const CLASSIFY: &[(&str, &str, Option<&str>, Option<&str>)] = &[
    ("portal", "sessionid", Some("necessary"), Some("sessionid")),
    (
        "portal",
        "cookies_preferences",
        Some("necessary"),
        Some("cookies_preferences"),
    ),
    ("portal", "_pk_id.1.a1b2", Some("statistics"), Some("_pk_id.*")),
    ("portal", "_pk_id.", Some("statistics"), Some("_pk_id.*")),
    ("portal", "_pk_id", None, None),
    ("portal", "_PK_ID.1.a1b2", None, None),
    ("portal", "_pk_ses.1.a1b2", Some("statistics"), Some("_pk_ses.*")),
    (
        "portal",
        "embed_visitor",
        Some("third_party"),
        Some("embed_visitor"),
    ),
    ("portal", "sessionid ", None, None),
    ("portal", "", None, None),
    ("nested", "_ga", Some("first_party"), Some("_ga")),
    ("nested", "_ga_X1Y2", Some("statistics"), Some("_ga*")),
    ("nested", "_gat", Some("third_party"), Some("_gat*")),
    ("nested", "_gat_UA-1", Some("third_party"), Some("_gat*")),
    ("nested", "_g", None, None),
    ("nested", "consent", Some("necessary"), Some("consent")),
    ("nested", "cookies_preferences", None, None),
    ("nested", "__Host-sid", Some("necessary"), Some("__Host-sid")),
    ("nested", "__host-sid", None, None),
    (
        "nested",
        "VISITOR_INFO1_LIVE",
        Some("youtube"),
        Some("VISITOR_INFO1_LIVE"),
    ),
    ("nested", "prefs_a1", Some("statistics"), Some("prefs_a*")),
    (
        "default",
        "cookies_preferences",
        Some("necessary"),
        Some("cookies_preferences"),
    ),
    ("default", "_ga", None, None),
];

/// A texts case: the policy, the requested language, the language it
/// resolves to and texts checked by hand (`label:CATEGORY`,
/// `provider:COOKIE`, `service:COOKIE`, `purpose:COOKIE`).
struct TextsCase {
    policy: &'static str,
    language: &'static str,
    resolved: &'static str,
    expect: &'static [(&'static str, &'static str)],
}

const TEXTS: &[TextsCase] = &[
    TextsCase {
        policy: "portal",
        language: "fr",
        resolved: "fr",
        expect: &[
            ("label:necessary", "Cookies nécessaires"),
            ("label:statistics", "Cookies statistiques"),
            ("label:first_party", "Cookies internes (first-party)"),
            ("label:third_party", "Cookies tiers (third-party)"),
            ("provider:sessionid", "Opendatasoft"),
            (
                "service:django_language",
                "Sélection de la langue (front et back office)",
            ),
            ("purpose:csrftoken", "Récupérer des données via des appels API"),
            ("provider:embed_visitor", "Lecteur vidéo tiers"),
        ],
    },
    TextsCase {
        policy: "portal",
        language: "en-GB",
        resolved: "en",
        expect: &[
            ("label:necessary", "Necessary cookies"),
            ("label:statistics", "Statistics cookies"),
            ("label:first_party", "First-party cookies"),
            ("label:third_party", "Third-party cookies"),
            ("service:sessionid", "Authentication (front and back office)"),
            ("provider:sessionid", "Opendatasoft"),
        ],
    },
    TextsCase {
        policy: "portal",
        language: "fr_CA",
        resolved: "fr",
        expect: &[("label:statistics", "Cookies statistiques")],
    },
    TextsCase {
        policy: "portal",
        language: "de",
        resolved: "fr",
        expect: &[(
            "purpose:sessionid",
            "Se souvenir de l'utilisateur d'une page à une autre.",
        )],
    },
    TextsCase {
        policy: "nested",
        language: "fr",
        resolved: "fr",
        expect: &[
            ("label:necessary", "Indispensables"),
            ("label:statistics", "Cookies statistiques"),
            ("label:youtube", "Vidéos YouTube"),
            ("purpose:_gat*", "Limiter les requêtes"),
            ("provider:consent", "Ce site"),
            (
                "service:consent",
                "Choix concernant vos préférences sur les cookies",
            ),
            ("provider:_ga", ""),
        ],
    },
    TextsCase {
        policy: "nested",
        language: "pt-BR",
        resolved: "pt-br",
        expect: &[
            ("label:necessary", "Necessary cookies"),
            ("label:statistics", "Audience measurement"),
            ("label:youtube", "YouTube videos"),
            ("label:first_party", "First-party cookies"),
            ("purpose:_gat*", "Throttle requests"),
            ("provider:consent", "This site"),
        ],
    },
    TextsCase {
        policy: "nested",
        language: "pt",
        resolved: "pt-br",
        expect: &[("label:third_party", "Third-party cookies")],
    },
    TextsCase {
        policy: "default",
        language: "",
        resolved: "en",
        expect: &[
            ("label:necessary", "Necessary cookies"),
            ("provider:cookies_preferences", "This site"),
        ],
    },
];

/// An enforcement case: a request, and what the evaluation of its
/// `Cookie:` header allows.
struct EnforceCase {
    name: &'static str,
    policy: &'static str,
    header: Option<String>,
    gpc: bool,
    allowed: &'static [(&'static str, bool)],
    set_cookie: &'static [(&'static str, bool)],
    clear: &'static [&'static str],
}

const EPOCH: &str = "Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT";

fn enforce_cases() -> Vec<EnforceCase> {
    let today: Date = TODAY.parse().unwrap();
    let c = |id| Category::new(id).unwrap();
    let value = |rev: u16, states: [Option<bool>; 3]| {
        let mut b = Preferences::builder(today).revision(rev);
        for (i, s) in states.iter().enumerate() {
            b = match s {
                Some(true) => b.grant(c(i as u8 + 1)),
                Some(false) => b.deny(c(i as u8 + 1)),
                None => b,
            };
        }
        b.build().unwrap().encode()
    };
    let refused = value(1, [Some(false), Some(false), Some(false)]);
    let stats = value(1, [Some(true), Some(false), Some(false)]);
    let nested_refused = value(2, [Some(false), Some(false), Some(false)]);
    let nested_all = {
        let b = Preferences::builder(today)
            .revision(2)
            .grant(c(1))
            .grant(c(2))
            .grant(c(3))
            .grant(c(16));
        b.build().unwrap().encode()
    };
    let portal_request = |v: &str| {
        format!(
            "sessionid=s1; cookies_preferences={v}; _pk_id.1.ab12=x; _pk_ses.1.ab12=1; csrftoken=t; embed_visitor=e; other=1"
        )
    };
    vec![
        EnforceCase {
            name: "portal: statistics refused",
            policy: "portal",
            header: Some(portal_request(&refused)),
            gpc: false,
            allowed: &[
                ("sessionid", true),
                ("cookies_preferences", true),
                ("_pk_id.1.ab12", false),
                ("embed_visitor", false),
                ("other", true),
            ],
            set_cookie: &[
                ("_pk_id.1.ab12=GA1; Max-Age=34214400; Path=/", false),
                ("_pk_id.1.ab12=; Max-Age=0; Path=/", true),
                ("sessionid=abc; HttpOnly; Path=/", true),
                ("Set-Cookie: _pk_ses.1.ab12=1; Expires=Thu, 01 Jan 1970 00:00:00 GMT", true),
                ("_pk_ses.1.ab12=1; Expires=Wed, 25 Nov 2026 00:00:00 GMT", false),
                ("_pk_ses.1.ab12=1; Max-Age=-1; Expires=Wed, 25 Nov 2027 00:00:00 GMT", true),
                ("_pk_ses.1.ab12=1; Max-Age=60; Expires=Thu, 01 Jan 1970 00:00:00 GMT", false),
                (" _pk_id.9 = 1", false),
                ("nameless", true),
                ("tracker=1", true),
            ],
            clear: &[
                "_pk_id.1.ab12=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/",
                "_pk_ses.1.ab12=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/",
                "embed_visitor=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/",
            ],
        },
        EnforceCase {
            name: "portal: statistics granted",
            policy: "portal",
            header: Some(portal_request(&stats)),
            gpc: false,
            allowed: &[("_pk_id.1.ab12", true), ("_pk_ses.2", true), ("embed_visitor", false)],
            set_cookie: &[("_pk_id.1.ab12=GA1; Max-Age=34214400; Path=/", true)],
            clear: &["embed_visitor=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/"],
        },
        EnforceCase {
            name: "portal: no cookie at all",
            policy: "portal",
            header: None,
            gpc: false,
            allowed: &[("_pk_id.1.ab12", false), ("sessionid", true), ("csrftoken", true)],
            set_cookie: &[("_pk_id.1.ab12=GA1; Path=/", false), ("csrftoken=t; Max-Age=31449600", true)],
            clear: &[],
        },
        EnforceCase {
            name: "portal: no choice yet, a statistics cookie sent twice is cleared once",
            policy: "portal",
            header: Some("_pk_id.1.x=1; sessionid=s; _pk_id.1.x=2".to_owned()),
            gpc: false,
            allowed: &[("_pk_id.1.x", false)],
            set_cookie: &[],
            clear: &["_pk_id.1.x=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/"],
        },
        EnforceCase {
            name: "nested: everything refused, undeclared blocked",
            policy: "nested",
            header: Some(format!(
                "consent={nested_refused}; tracker=1; _ga=GA1; _ga_XYZ=1; __Host-sid=1; __Secure-pref1=1; bad name=1; ;; noeq; VISITOR_INFO1_LIVE=v"
            )),
            gpc: false,
            allowed: &[
                ("consent", true),
                ("__Host-sid", true),
                ("tracker", false),
                ("_ga", false),
                ("", false),
            ],
            set_cookie: &[
                ("tracker=1", false),
                ("tracker=; Max-Age=0", true),
                ("nameless", false),
                ("__Host-sid=2; Path=/; Secure", true),
            ],
            clear: &[
                "tracker=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/",
                "_ga=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/",
                "_ga_XYZ=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/; Domain=.example.org",
                "__Secure-pref1=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/app; Secure",
                "VISITOR_INFO1_LIVE=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/; Domain=.youtube.com",
            ],
        },
        EnforceCase {
            name: "nested: everything granted, undeclared still blocked",
            policy: "nested",
            header: Some(format!("consent={nested_all}; tracker=1; _ga=1; __Host-other=1")),
            gpc: false,
            allowed: &[("_ga", true), ("_gat_1", true), ("VISITOR_INFO1_LIVE", true), ("tracker", false)],
            set_cookie: &[("tracker=1; Max-Age=10", false), ("_ga_1=1; Max-Age=10", true)],
            clear: &[
                "tracker=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/",
                "__Host-other=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/; Secure",
            ],
        },
        EnforceCase {
            name: "nested: GPC with no cookie refuses third_party",
            policy: "nested",
            header: None,
            gpc: true,
            allowed: &[("_gat", false), ("consent", true)],
            set_cookie: &[("_gat=1", false)],
            clear: &[],
        },
        EnforceCase {
            name: "default: nothing declared but the consent cookie",
            policy: "default",
            header: Some("cookies_preferences=garbage; _ga=1".to_owned()),
            gpc: false,
            allowed: &[("_ga", true), ("cookies_preferences", true)],
            set_cookie: &[("_ga=1; Max-Age=100", true)],
            clear: &[],
        },
    ]
}

fn nullable(s: Option<&str>) -> Value {
    s.map_or(Value::Null, |s| json!(s))
}

/// The file's document.
pub fn document() -> Value {
    let today: Date = TODAY.parse().unwrap();
    let policies: Map<String, Value> = POLICIES
        .iter()
        .map(|(n, j)| ((*n).to_owned(), serde_json::from_str(j).unwrap()))
        .collect();
    let classify: Vec<Value> = CLASSIFY
        .iter()
        .map(|&(p, name, category, declared_as)| {
            let pol = policy(p);
            let got = pol.classify(name);
            let got_category = got.map(|d| pol.name_of(d.category()).unwrap().to_owned());
            assert_eq!(got_category.as_deref(), category, "{p} {name:?}");
            assert_eq!(got.map(|d| d.name()), declared_as, "{p} {name:?}");
            json!({"policy": p, "name": name, "category": nullable(category), "declared_as": nullable(declared_as)})
        })
        .collect();
    let texts: Vec<Value> = TEXTS.iter().map(texts_case).collect();
    let enforce: Vec<Value> = enforce_cases()
        .iter()
        .map(|c| {
            let pol = policy(c.policy);
            let ev = pol.evaluate_header(c.header.as_deref().map(str::as_bytes), today, c.gpc);
            for &(name, allowed) in c.allowed {
                assert_eq!(ev.cookie_allowed(name), allowed, "{}: {name}", c.name);
            }
            for &(line, keep) in c.set_cookie {
                assert_eq!(ev.set_cookie_allowed(line), keep, "{}: {line}", c.name);
            }
            let clear = ev.deletion_headers(c.header.as_deref().unwrap_or("").as_bytes());
            assert_eq!(clear, c.clear, "{}", c.name);
            assert!(c.clear.iter().all(|h| h.contains(EPOCH)));
            json!({
                "name": c.name, "policy": c.policy, "header": nullable(c.header.as_deref()),
                "today": TODAY, "gpc": c.gpc,
                "allowed": c.allowed.iter().map(|(n, a)| ((*n).to_owned(), json!(a))).collect::<Map<_, _>>(),
                "set_cookie": c.set_cookie.iter().map(|(l, k)| json!({"line": l, "keep": k})).collect::<Vec<_>>(),
                "clear": c.clear,
            })
        })
        .collect();
    json!({
        "description": "The cookie declaration (docs/FORMAT.md §12): classify gives the category \
                        (null: undeclared) and the declaration a name falls under; texts gives what \
                        a visitor reads in a requested language; enforce evaluates the Cookie header \
                        (null: no header) on `today`, then checks cookie_allowed, set_cookie_allowed \
                        (keep) and the deletion headers of the cookies to clear, in order.",
        "policies": policies,
        "classify": classify,
        "texts": texts,
        "enforce": enforce,
    })
}

fn texts_case(c: &TextsCase) -> Value {
    let pol = policy(c.policy);
    let t = pol.texts(c.language);
    assert_eq!(t.language(), c.resolved, "{} {}", c.policy, c.language);
    let categories: Vec<Category> = std::iter::once(Category::NECESSARY)
        .chain(pol.categories().iter().map(|p| p.category))
        .collect();
    let name = |cat: Category| pol.name_of(cat).unwrap().to_owned();
    let labels: Map<String, Value> = categories.iter().map(|&k| (name(k), json!(t.label(k)))).collect();
    let descriptions: Map<String, Value> = categories
        .iter()
        .map(|&k| (name(k), json!(t.description(k))))
        .collect();
    let cookies: Vec<Value> = pol
        .cookies()
        .iter()
        .map(|d| {
            json!({"name": d.name(), "provider": t.provider(d), "service": t.service(d), "purpose": t.purpose(d)})
        })
        .collect();
    for &(key, want) in c.expect {
        let (field, subject) = key.split_once(':').unwrap();
        let got = if field == "label" {
            &labels[subject]
        } else {
            let cookie = cookies.iter().find(|k| k["name"] == subject).expect(key);
            &cookie[field]
        };
        assert_eq!(got, want, "{} {}: {key}", c.policy, c.language);
    }
    assert!(
        descriptions.values().all(|d| d != ""),
        "every category has a description"
    );
    json!({
        "policy": c.policy, "language": c.language, "resolved": c.resolved,
        "labels": labels, "descriptions": descriptions, "cookies": cookies,
    })
}
