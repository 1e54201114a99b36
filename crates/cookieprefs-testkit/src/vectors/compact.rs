//! `compact.json`: the compact policy form (`docs/FORMAT.md` §14). Valid
//! cases give a policy's JSON form and the line it must write, field for
//! field, written here by hand; invalid cases give a line and the field (counted from 1)
//! whose error the reader must report. [`document`] asserts the code agrees.

use cookieprefs::Policy;
use serde_json::{json, Value};

/// A policy and its compact form.
pub struct Valid {
    /// The case name.
    pub name: &'static str,
    /// The policy JSON form (`docs/FORMAT.md` §7).
    pub policy: &'static str,
    /// The line `Policy::to_compact` writes, which reads back to itself.
    pub compact: &'static str,
}

/// A line that is not a compact form.
pub struct Invalid {
    /// The case name.
    pub name: &'static str,
    /// The line.
    pub compact: String,
    /// The field the error names (`compact form, field N: …`).
    pub field: u32,
}

const DEFAULT: &str = "cookieprefs-policy/1 0 183 183 8 3 3 3 1 2 2 0 cookies_preferences  / 1 0 2 en fr \
                       3 1 statistics 0 2 first_party 0 3 third_party 0 1 cookies_preferences 0  / 1";

/// The valid cases, in file order.
pub fn valid() -> Vec<Valid> {
    vec![
        Valid {
            name: "default",
            policy: "{}",
            compact: DEFAULT,
        },
        Valid {
            name: "no-optional-category",
            policy: r#"{"categories": []}"#,
            compact: "cookieprefs-policy/1 0 183 183 0 3 3 3 1 2 2 0 cookies_preferences  / 1 0 2 en fr 0 \
                      1 cookies_preferences 0  / 1",
        },
        Valid {
            name: "declared",
            policy: r#"{"revision": 4, "languages": ["fr", "en"],
 "categories": [{"id": 1, "name": "statistics"}, {"id": 16, "name": "youtube", "since_revision": 2}],
 "max_age_days": {"granted": 183, "denied": 30},
 "gpc_categories": ["youtube"],
 "cookie": {"name": "prefs", "domain": ".example.org", "same_site": "strict"},
 "consent_mode": {"ad_storage": "youtube", "analytics_storage": "statistics"},
 "undeclared": "block",
 "cookies": [{"name": "_pk_id.*", "category": "statistics", "path": "/stats"},
             {"name": "yt", "category": "youtube", "domain": ".example.org"},
             {"name": "sessionid", "category": "necessary"}]}"#,
            compact: "cookieprefs-policy/1 4 183 30 65536 16 3 3 1 2 2 0 prefs .example.org / 5 1 2 fr en \
                      2 1 statistics 0 16 youtube 2 4 prefs 0 .example.org / 1 _pk_id.* 1  /stats 0 \
                      yt 16 .example.org / 0 sessionid 0  / 0",
        },
        Valid {
            name: "host-prefix-httponly-samesite-none",
            policy: r#"{"cookie": {"name": "__Host-consent", "same_site": "none", "http_only": true},
 "cookies": [{"name": "__Host-consent", "category": "necessary"}]}"#,
            compact: "cookieprefs-policy/1 0 183 183 8 3 3 3 1 2 2 0 __Host-consent  / 11 0 2 en fr \
                      3 1 statistics 0 2 first_party 0 3 third_party 0 1 __Host-consent 0  / 0",
        },
    ]
}

/// The invalid cases, in file order: each an edit of the default form.
pub fn invalid() -> Vec<Invalid> {
    let edit = |from: &str, to: &str| {
        assert!(DEFAULT.contains(from), "{from}");
        DEFAULT.replacen(from, to, 1)
    };
    let case = |name, compact, field| Invalid { name, compact, field };
    vec![
        case("empty", String::new(), 1),
        case("other-version", edit("policy/1", "policy/2"), 1),
        case("revision-out-of-range", edit("/1 0 183", "/1 4096 183"), 2),
        case("leading-zero", edit("/1 0 183", "/1 00 183"), 2),
        case("sign", edit("/1 0 183", "/1 +0 183"), 2),
        case("validity-zero", edit(" 183 183 ", " 0 183 "), 3),
        case("validity-over-ceiling", edit(" 183 183 ", " 183 396 "), 4),
        case("gpc-not-offered", edit(" 183 8 ", " 183 9 "), 5),
        case("gpc-over-u64", edit(" 183 8 ", " 183 18446744073709551616 "), 5),
        case("consent-mode-reserved-id", edit(" 8 3 3 3 ", " 8 4 3 3 "), 6),
        case(
            "cookie-name-not-token",
            edit(" cookies_preferences  / 1 0", " cookies;preferences  / 1 0"),
            13,
        ),
        case(
            "cookie-path-without-slash",
            edit(" cookies_preferences  / 1 0", " cookies_preferences  p 1 0"),
            13,
        ),
        case("cookie-flags-over-11", edit("  / 1 0 2", "  / 12 0 2"), 16),
        case("samesite-none-not-secure", edit("  / 1 0 2", "  / 8 0 2"), 13),
        case("undeclared-over-1", edit("  / 1 0 2", "  / 1 2 2"), 17),
        case("no-language", edit(" 0 2 en fr 3 ", " 0 0 3 "), 18),
        case(
            "category-necessary",
            edit(" 3 1 statistics", " 3 0 statistics"),
            22,
        ),
        case(
            "categories-out-of-order",
            edit(" 2 first_party", " 1 first_party"),
            25,
        ),
        case("since-after-revision", edit("statistics 0 ", "statistics 1 "), 24),
        case(
            "cookie-category-not-offered",
            edit("cookies_preferences 0  / 1", "cookies_preferences 16  / 1"),
            33,
        ),
        case("cookie-empty-name", edit(" 1 cookies_preferences 0", " 1  0"), 32),
        case("implicit-flag-over-1", edit("0  / 1", "0  / 2"), 36),
        case("missing-field", DEFAULT[..DEFAULT.len() - 2].to_owned(), 36),
        case("trailing-field", format!("{DEFAULT} 1"), 37),
    ]
}

/// The file's document: `{"valid": [{name, policy, compact}], "invalid":
/// [{name, compact, error, field}]}`.
pub fn document() -> Value {
    let valid: Vec<Value> = valid()
        .into_iter()
        .map(|c| {
            let policy = Policy::from_json(c.policy).unwrap_or_else(|e| panic!("{}: {e}", c.name));
            assert_eq!(policy.to_compact(), c.compact, "{}", c.name);
            let back = Policy::from_compact(c.compact).unwrap_or_else(|e| panic!("{}: {e}", c.name));
            assert_eq!(back.to_compact(), c.compact, "{}", c.name);
            let doc: Value = serde_json::from_str(c.policy).unwrap();
            json!({"name": c.name, "policy": doc, "compact": c.compact})
        })
        .collect();
    let invalid: Vec<Value> = invalid()
        .into_iter()
        .map(|c| {
            let e = Policy::from_compact(&c.compact).expect_err(c.name);
            assert_eq!(e.kind(), "invalid_policy", "{}", c.name);
            let want = format!("compact form, field {}: ", c.field);
            assert!(e.to_string().contains(&want), "{}: {e}", c.name);
            json!({"name": c.name, "compact": c.compact, "error": "invalid_policy", "field": c.field})
        })
        .collect();
    json!({"valid": valid, "invalid": invalid})
}
