//! `policy.json`: policies in their JSON form. Valid ones with the
//! normalised form the code writes (`docs/FORMAT.md` §7); invalid ones with
//! the error kind and the FORMAT.md rule that decides it (`json.N`: §7
//! "Reading a JSON form"; `policy.N`: §6 "Checking a policy"). Every
//! expected kind is written here by hand; [`document`] asserts the code
//! agrees and that the normalised form loads back to the same policy.

use cookieprefs::Policy;
use serde_json::{json, Value};

/// A policy that loads.
pub struct Valid {
    /// The case name.
    pub name: &'static str,
    /// The policy's JSON text.
    pub json: &'static str,
}

/// A policy that is refused.
pub struct Invalid {
    /// The case name.
    pub name: &'static str,
    /// The policy's JSON text.
    pub json: &'static str,
    /// The FORMAT.md rule that decides the error: `json.N` or `policy.N`.
    pub rule: &'static str,
    /// The error kind.
    pub kind: &'static str,
}

/// The valid policies, in file order.
pub const VALID: &[Valid] = &[
    Valid {
        name: "empty object: every default",
        json: "{}",
    },
    Valid {
        name: "revision only",
        json: r#"{"revision": 3}"#,
    },
    Valid {
        name: "revision 0 written out",
        json: r#"{"revision": 0}"#,
    },
    Valid {
        name: "revision at the maximum",
        json: r#"{"revision": 4095}"#,
    },
    Valid {
        name: "the FORMAT.md example",
        json: r#"{"revision": 3, "categories": [{"id": 1, "name": "statistics"}, {"id": 2, "name": "first_party"}, {"id": 3, "name": "third_party", "since_revision": 3}, {"id": 16, "name": "youtube"}], "max_age_days": {"granted": 183, "denied": 183}, "gpc_categories": ["third_party", "youtube"], "cookie": {"name": "cookies_preferences", "domain": null, "path": "/", "secure": true, "http_only": false, "same_site": "lax"}, "consent_mode": {"ad_personalization": "youtube"}}"#,
    },
    Valid {
        name: "no categories at all",
        json: r#"{"categories": []}"#,
    },
    Valid {
        name: "statistics only: GPC default is empty",
        json: r#"{"categories": [{"id": 1, "name": "statistics"}]}"#,
    },
    Valid {
        name: "categories given out of id order are sorted",
        json: r#"{"categories": [{"id": 17, "name": "matomo"}, {"id": 3, "name": "third_party"}, {"id": 1, "name": "statistics"}]}"#,
    },
    Valid {
        name: "site category at id 16",
        json: r#"{"categories": [{"id": 16, "name": "youtube"}]}"#,
    },
    Valid {
        name: "site category at id 63",
        json: r#"{"categories": [{"id": 63, "name": "last_one"}]}"#,
    },
    Valid {
        name: "name of 32 characters",
        json: r#"{"categories": [{"id": 20, "name": "abcdefghijklmnopqrstuvwxyz_01234"}]}"#,
    },
    Valid {
        name: "name with digits after the first letter",
        json: r#"{"categories": [{"id": 23, "name": "a23"}]}"#,
    },
    Valid {
        name: "since_revision equal to the revision",
        json: r#"{"revision": 7, "categories": [{"id": 1, "name": "statistics", "since_revision": 7}]}"#,
    },
    Valid {
        name: "partial max_age_days: denied only",
        json: r#"{"max_age_days": {"denied": 90}}"#,
    },
    Valid {
        name: "partial max_age_days: granted only",
        json: r#"{"max_age_days": {"granted": 395}}"#,
    },
    Valid {
        name: "max ages at their bounds",
        json: r#"{"max_age_days": {"granted": 1, "denied": 395}}"#,
    },
    Valid {
        name: "empty max_age_days keeps both defaults",
        json: r#"{"max_age_days": {}}"#,
    },
    Valid {
        name: "no GPC categories",
        json: r#"{"gpc_categories": []}"#,
    },
    Valid {
        name: "GPC categories by name, standard name, decimal id and integer",
        json: r#"{"categories": [{"id": 1, "name": "statistics"}, {"id": 3, "name": "third_party"}, {"id": 16, "name": "youtube"}, {"id": 17, "name": "matomo"}], "gpc_categories": ["youtube", "third_party", "17", 1]}"#,
    },
    Valid {
        name: "a repeated GPC reference counts once",
        json: r#"{"gpc_categories": ["third_party", "3", 3]}"#,
    },
    Valid {
        name: "same_site in capitals is read",
        json: r#"{"cookie": {"same_site": "STRICT"}}"#,
    },
    Valid {
        name: "same_site none with secure",
        json: r#"{"cookie": {"same_site": "None", "secure": true}}"#,
    },
    Valid {
        name: "every cookie attribute",
        json: r#"{"cookie": {"name": "__Host-prefs", "domain": null, "path": "/", "secure": true, "http_only": true, "same_site": "strict"}}"#,
    },
    Valid {
        name: "cookie domain and path",
        json: r#"{"cookie": {"domain": "data.example.org", "path": "/portal"}}"#,
    },
    Valid {
        name: "insecure cookie for plain-HTTP development",
        json: r#"{"cookie": {"secure": false}}"#,
    },
    Valid {
        name: "Consent Mode type mapped to necessary",
        json: r#"{"consent_mode": {"functionality_storage": "necessary"}}"#,
    },
    Valid {
        name: "Consent Mode mapped by integer and decimal id",
        json: r#"{"consent_mode": {"ad_storage": 1, "analytics_storage": "0"}}"#,
    },
    Valid {
        name: "Consent Mode types whose default category is not offered are omitted when written",
        json: r#"{"categories": [{"id": 1, "name": "statistics"}]}"#,
    },
    Valid {
        name: "Consent Mode to a site category",
        json: r#"{"categories": [{"id": 3, "name": "third_party"}, {"id": 40, "name": "ads_partner"}], "consent_mode": {"ad_user_data": "ads_partner", "ad_storage": "40"}}"#,
    },
    Valid {
        name: "the seeds' portal: four standard categories, French site",
        json: r#"{"revision": 2, "categories": [{"id": 1, "name": "statistics", "since_revision": 1}, {"id": 2, "name": "first_party"}, {"id": 3, "name": "third_party", "since_revision": 2}], "max_age_days": {"granted": 183, "denied": 183}, "cookie": {"name": "cookies_preferences"}}"#,
    },
    Valid {
        name: "whitespace and key order do not matter",
        json: "{\n  \"cookie\": {\"path\": \"/\"},\n  \"revision\": 1\n}\n",
    },
];

/// The invalid policies, in file order.
pub const INVALID: &[Invalid] = &[
    // §7 reading: syntax, duplicates, shape.
    Invalid {
        name: "not JSON",
        json: "{",
        rule: "json.1",
        kind: "invalid_json",
    },
    Invalid {
        name: "empty text",
        json: "",
        rule: "json.1",
        kind: "invalid_json",
    },
    Invalid {
        name: "trailing comma",
        json: r#"{"revision": 1,}"#,
        rule: "json.1",
        kind: "invalid_json",
    },
    Invalid {
        name: "trailing text",
        json: r#"{} {}"#,
        rule: "json.1",
        kind: "invalid_json",
    },
    Invalid {
        name: "duplicate top-level key",
        json: r#"{"revision": 1, "revision": 2}"#,
        rule: "json.2",
        kind: "invalid_json",
    },
    Invalid {
        name: "duplicate key inside a category",
        json: r#"{"categories": [{"id": 16, "id": 17, "name": "x"}]}"#,
        rule: "json.2",
        kind: "invalid_json",
    },
    Invalid {
        name: "a duplicate key is found before a type error",
        json: r#"{"revision": "x", "cookie": {"path": "/", "path": "/a"}}"#,
        rule: "json.2",
        kind: "invalid_json",
    },
    Invalid {
        name: "top level is an array",
        json: "[]",
        rule: "json.3",
        kind: "invalid_json",
    },
    Invalid {
        name: "unknown top-level field",
        json: r#"{"revison": 3}"#,
        rule: "json.3",
        kind: "invalid_json",
    },
    Invalid {
        name: "revision as a string",
        json: r#"{"revision": "3"}"#,
        rule: "json.3",
        kind: "invalid_json",
    },
    Invalid {
        name: "revision with a fraction",
        json: r#"{"revision": 3.0}"#,
        rule: "json.3",
        kind: "invalid_json",
    },
    Invalid {
        name: "revision with an exponent",
        json: r#"{"revision": 1e2}"#,
        rule: "json.3",
        kind: "invalid_json",
    },
    Invalid {
        name: "negative zero is not an integer",
        json: r#"{"revision": -0}"#,
        rule: "json.3",
        kind: "invalid_json",
    },
    Invalid {
        name: "revision null",
        json: r#"{"revision": null}"#,
        rule: "json.3",
        kind: "invalid_json",
    },
    Invalid {
        name: "categories not an array",
        json: r#"{"categories": {}}"#,
        rule: "json.3",
        kind: "invalid_json",
    },
    Invalid {
        name: "category without a name",
        json: r#"{"categories": [{"id": 16}]}"#,
        rule: "json.3",
        kind: "invalid_json",
    },
    Invalid {
        name: "category without an id",
        json: r#"{"categories": [{"name": "x"}]}"#,
        rule: "json.3",
        kind: "invalid_json",
    },
    Invalid {
        name: "category name not a string",
        json: r#"{"categories": [{"id": 16, "name": 16}]}"#,
        rule: "json.3",
        kind: "invalid_json",
    },
    Invalid {
        name: "unknown field in a category",
        json: r#"{"categories": [{"id": 16, "name": "x", "label": "X"}]}"#,
        rule: "json.3",
        kind: "invalid_json",
    },
    Invalid {
        name: "max_age_days as a number",
        json: r#"{"max_age_days": 183}"#,
        rule: "json.3",
        kind: "invalid_json",
    },
    Invalid {
        name: "unknown max_age_days field",
        json: r#"{"max_age_days": {"all": 30}}"#,
        rule: "json.3",
        kind: "invalid_json",
    },
    Invalid {
        name: "GPC reference true",
        json: r#"{"gpc_categories": [true]}"#,
        rule: "json.3",
        kind: "invalid_json",
    },
    Invalid {
        name: "GPC reference 3.0",
        json: r#"{"gpc_categories": [3.0]}"#,
        rule: "json.3",
        kind: "invalid_json",
    },
    Invalid {
        name: "secure as a string",
        json: r#"{"cookie": {"secure": "yes"}}"#,
        rule: "json.3",
        kind: "invalid_json",
    },
    Invalid {
        name: "domain as a number",
        json: r#"{"cookie": {"domain": 1}}"#,
        rule: "json.3",
        kind: "invalid_json",
    },
    Invalid {
        name: "consent_mode as an array",
        json: r#"{"consent_mode": []}"#,
        rule: "json.3",
        kind: "invalid_json",
    },
    Invalid {
        name: "shape is checked before rules: a type error after a range error",
        json: r#"{"revision": 5000, "cookie": {"secure": 1}}"#,
        rule: "json.3",
        kind: "invalid_json",
    },
    Invalid {
        name: "unknown Consent Mode type",
        json: r#"{"consent_mode": {"ads_storage": "third_party"}}"#,
        rule: "json.3",
        kind: "unknown_name",
    },
    Invalid {
        name: "bad same_site",
        json: r#"{"cookie": {"same_site": "relaxed"}}"#,
        rule: "json.3",
        kind: "unknown_name",
    },
    // §6 checking a policy.
    Invalid {
        name: "negative revision",
        json: r#"{"revision": -1}"#,
        rule: "policy.1",
        kind: "revision_out_of_range",
    },
    Invalid {
        name: "revision 4096",
        json: r#"{"revision": 4096}"#,
        rule: "policy.1",
        kind: "revision_out_of_range",
    },
    Invalid {
        name: "revision beyond 64 bits is no integer",
        json: r#"{"revision": 99999999999999999999}"#,
        rule: "json.3",
        kind: "invalid_json",
    },
    Invalid {
        name: "the revision is checked before the categories",
        json: r#"{"revision": 9999, "categories": [{"id": 0, "name": "necessary"}]}"#,
        rule: "policy.1",
        kind: "revision_out_of_range",
    },
    Invalid {
        name: "category id 64",
        json: r#"{"categories": [{"id": 64, "name": "x"}]}"#,
        rule: "policy.2a",
        kind: "invalid_category",
    },
    Invalid {
        name: "negative category id",
        json: r#"{"categories": [{"id": -1, "name": "x"}]}"#,
        rule: "policy.2a",
        kind: "invalid_category",
    },
    Invalid {
        name: "necessary offered",
        json: r#"{"categories": [{"id": 0, "name": "necessary"}]}"#,
        rule: "policy.2b",
        kind: "invalid_policy",
    },
    Invalid {
        name: "reserved id 4",
        json: r#"{"categories": [{"id": 4, "name": "functional"}]}"#,
        rule: "policy.2c",
        kind: "invalid_policy",
    },
    Invalid {
        name: "reserved id 15",
        json: r#"{"categories": [{"id": 15, "name": "x"}]}"#,
        rule: "policy.2c",
        kind: "invalid_policy",
    },
    Invalid {
        name: "empty name",
        json: r#"{"categories": [{"id": 16, "name": ""}]}"#,
        rule: "policy.2d",
        kind: "invalid_policy",
    },
    Invalid {
        name: "name of 33 characters",
        json: r#"{"categories": [{"id": 16, "name": "abcdefghijklmnopqrstuvwxyz_012345"}]}"#,
        rule: "policy.2d",
        kind: "invalid_policy",
    },
    Invalid {
        name: "capital letters in a name",
        json: r#"{"categories": [{"id": 16, "name": "YouTube"}]}"#,
        rule: "policy.2d",
        kind: "invalid_policy",
    },
    Invalid {
        name: "hyphen in a name",
        json: r#"{"categories": [{"id": 16, "name": "you-tube"}]}"#,
        rule: "policy.2d",
        kind: "invalid_policy",
    },
    Invalid {
        name: "a category named with the decimal id of another",
        json: r#"{"categories": [{"id": 23, "name": "x"}, {"id": 39, "name": "23"}]}"#,
        rule: "policy.2d",
        kind: "invalid_policy",
    },
    Invalid {
        name: "name starting with a digit",
        json: r#"{"categories": [{"id": 16, "name": "9gag"}]}"#,
        rule: "policy.2d",
        kind: "invalid_policy",
    },
    Invalid {
        name: "name starting with _",
        json: r#"{"categories": [{"id": 16, "name": "_ga"}]}"#,
        rule: "policy.2d",
        kind: "invalid_policy",
    },
    Invalid {
        name: "standard id with a site name",
        json: r#"{"categories": [{"id": 2, "name": "internes"}]}"#,
        rule: "policy.2e",
        kind: "invalid_policy",
    },
    Invalid {
        name: "standard name on a site id",
        json: r#"{"categories": [{"id": 16, "name": "statistics"}]}"#,
        rule: "policy.2e",
        kind: "invalid_policy",
    },
    Invalid {
        name: "necessary as a site name",
        json: r#"{"categories": [{"id": 16, "name": "necessary"}]}"#,
        rule: "policy.2e",
        kind: "invalid_policy",
    },
    Invalid {
        name: "duplicate id: the last no longer wins",
        json: r#"{"categories": [{"id": 16, "name": "youtube"}, {"id": 16, "name": "vimeo"}]}"#,
        rule: "policy.2f",
        kind: "invalid_policy",
    },
    Invalid {
        name: "duplicate name",
        json: r#"{"categories": [{"id": 16, "name": "video"}, {"id": 17, "name": "video"}]}"#,
        rule: "policy.2g",
        kind: "invalid_policy",
    },
    Invalid {
        name: "since_revision above the revision",
        json: r#"{"revision": 2, "categories": [{"id": 1, "name": "statistics", "since_revision": 3}]}"#,
        rule: "policy.2h",
        kind: "invalid_policy",
    },
    Invalid {
        name: "negative since_revision",
        json: r#"{"categories": [{"id": 1, "name": "statistics", "since_revision": -1}]}"#,
        rule: "policy.2h",
        kind: "invalid_policy",
    },
    Invalid {
        name: "categories are checked in the order given",
        json: r#"{"categories": [{"id": 16, "name": "Bad"}, {"id": 99, "name": "x"}]}"#,
        rule: "policy.2d",
        kind: "invalid_policy",
    },
    Invalid {
        name: "max age 0",
        json: r#"{"max_age_days": {"granted": 0}}"#,
        rule: "policy.3",
        kind: "invalid_policy",
    },
    Invalid {
        name: "max age 396 for refusals",
        json: r#"{"max_age_days": {"denied": 396}}"#,
        rule: "policy.3",
        kind: "invalid_policy",
    },
    Invalid {
        name: "partial max age out of range names its own field",
        json: r#"{"max_age_days": {"denied": 70000}}"#,
        rule: "policy.3",
        kind: "invalid_policy",
    },
    Invalid {
        name: "negative max age",
        json: r#"{"max_age_days": {"granted": -5}}"#,
        rule: "policy.3",
        kind: "invalid_policy",
    },
    Invalid {
        name: "GPC reference to a standard category the policy does not offer",
        json: r#"{"categories": [{"id": 1, "name": "statistics"}], "gpc_categories": ["third_party"]}"#,
        rule: "policy.4",
        kind: "category_not_offered",
    },
    Invalid {
        name: "GPC reference necessary",
        json: r#"{"gpc_categories": ["necessary"]}"#,
        rule: "policy.4",
        kind: "category_not_offered",
    },
    Invalid {
        name: "GPC reference \"64\"",
        json: r#"{"gpc_categories": ["64"]}"#,
        rule: "policy.4",
        kind: "invalid_category",
    },
    Invalid {
        name: "GPC reference 64",
        json: r#"{"gpc_categories": [64]}"#,
        rule: "policy.4",
        kind: "invalid_category",
    },
    Invalid {
        name: "GPC reference \"007\"",
        json: r#"{"gpc_categories": ["007"]}"#,
        rule: "policy.4",
        kind: "unknown_category",
    },
    Invalid {
        name: "GPC reference third-party",
        json: r#"{"gpc_categories": ["third-party"]}"#,
        rule: "policy.4",
        kind: "unknown_category",
    },
    Invalid {
        name: "GPC reference to an undefined site name",
        json: r#"{"gpc_categories": ["youtube"]}"#,
        rule: "policy.4",
        kind: "unknown_category",
    },
    Invalid {
        name: "Consent Mode to a category not offered",
        json: r#"{"categories": [{"id": 1, "name": "statistics"}], "consent_mode": {"ad_storage": "third_party"}}"#,
        rule: "policy.5",
        kind: "category_not_offered",
    },
    Invalid {
        name: "Consent Mode to an unknown name",
        json: r#"{"consent_mode": {"ad_storage": "ads"}}"#,
        rule: "policy.5",
        kind: "unknown_category",
    },
    Invalid {
        name: "Consent Mode types are checked in rule 7's order, not the document's",
        json: r#"{"consent_mode": {"security_storage": 99, "ad_storage": "nope"}}"#,
        rule: "policy.5",
        kind: "unknown_category",
    },
    Invalid {
        name: "cookie name with a space",
        json: r#"{"cookie": {"name": "my prefs"}}"#,
        rule: "policy.6",
        kind: "invalid_policy",
    },
    Invalid {
        name: "empty cookie name",
        json: r#"{"cookie": {"name": ""}}"#,
        rule: "policy.6",
        kind: "invalid_policy",
    },
    Invalid {
        name: "cookie path without /",
        json: r#"{"cookie": {"path": "portal"}}"#,
        rule: "policy.6",
        kind: "invalid_policy",
    },
    Invalid {
        name: "cookie domain with ;",
        json: r#"{"cookie": {"domain": "a.org; Secure"}}"#,
        rule: "policy.6",
        kind: "invalid_policy",
    },
    Invalid {
        name: "SameSite=None without Secure",
        json: r#"{"cookie": {"same_site": "none", "secure": false}}"#,
        rule: "policy.6",
        kind: "invalid_policy",
    },
    Invalid {
        name: "GPC is checked before the cookie",
        json: r#"{"gpc_categories": ["nope"], "cookie": {"name": ""}}"#,
        rule: "policy.4",
        kind: "unknown_category",
    },
];

/// The file's document: `{"valid": [{name, json, normalized}], "invalid":
/// [{name, json, rule, error}]}`.
pub fn document() -> Value {
    let valid: Vec<Value> = VALID
        .iter()
        .map(|c| {
            let policy = Policy::from_json(c.json).unwrap_or_else(|e| panic!("{}: {e}", c.name));
            let normalized = serde_json::to_value(&policy).expect("a policy serializes");
            let again =
                Policy::from_json(&normalized.to_string()).unwrap_or_else(|e| panic!("{}: {e}", c.name));
            assert_eq!(again, policy, "{}: the normalised form loads back", c.name);
            json!({"name": c.name, "json": c.json, "normalized": normalized})
        })
        .collect();
    let invalid: Vec<Value> = INVALID
        .iter()
        .map(|c| {
            let err = Policy::from_json(c.json).expect_err(c.name);
            assert_eq!(err.kind(), c.kind, "{}: {err}", c.name);
            json!({"name": c.name, "json": c.json, "rule": c.rule, "error": c.kind})
        })
        .collect();
    json!({"valid": valid, "invalid": invalid})
}
