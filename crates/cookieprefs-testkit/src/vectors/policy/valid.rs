//! The valid cases of `policy.json`.

use super::Valid;

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
        name: "__Secure- cookie with a domain",
        json: r#"{"cookie": {"name": "__Secure-prefs", "domain": "data.example.org"}}"#,
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
    Valid {
        name: "declaration: languages, texts and cookies",
        json: r#"{"revision": 1, "languages": ["fr", "en"], "categories": [{"id": 1, "name": "statistics", "label": {"fr": "Mesure d'audience", "en": "Audience measurement"}, "description": {"fr": "Compte les visites."}}, {"id": 3, "name": "third_party"}], "necessary": {"label": {"en": "Essential"}, "description": null}, "cookies": [{"name": "sessionid", "category": "necessary", "provider": "Opendatasoft", "service": {"fr": "Authentification"}, "purpose": {"fr": "Se souvenir de l'utilisateur", "en": "Remember the user"}, "retention": 14}, {"name": "_pk_id.*", "category": "statistics", "retention": 393, "domain": ".example.org", "path": "/"}], "undeclared": "block"}"#,
    },
    Valid {
        name: "declaration: the example portal",
        json: include_str!("../../../../../examples/policies/opendatasoft-portal.json"),
    },
    Valid {
        name: "declaration: language tags and text keys lowercased, texts in language order",
        json: r#"{"languages": ["FR", "en", "pt-BR"], "categories": [{"id": 1, "name": "statistics", "label": {"pt-br": "Estatísticas", "EN": "Stats", "fr": "Stats FR"}}]}"#,
    },
    Valid {
        name: "declaration: nested patterns and an exact name under a pattern",
        json: r#"{"cookies": [{"name": "_ga*", "category": "statistics"}, {"name": "_gat*", "category": "third_party"}, {"name": "_ga", "category": "first_party"}]}"#,
    },
    Valid {
        name: "declaration: the consent cookie declared necessary with its own texts",
        json: r#"{"cookie": {"name": "consent"}, "cookies": [{"name": "consent", "category": "necessary", "purpose": "Keeps your choice", "retention": "session"}]}"#,
    },
    Valid {
        name: "declaration: category references by id and by site name",
        json: r#"{"categories": [{"id": 1, "name": "statistics"}, {"id": 16, "name": "youtube"}], "cookies": [{"name": "a", "category": 1}, {"name": "b", "category": "16"}, {"name": "c", "category": "youtube"}, {"name": "d", "category": 0}]}"#,
    },
    Valid {
        name: "declaration: null texts, retention and domain read as absent",
        json: r#"{"cookies": [{"name": "a", "category": "necessary", "provider": null, "service": null, "purpose": null, "retention": null, "domain": null}]}"#,
    },
    Valid {
        name: "declaration: undeclared in any case, retention at the bounds",
        json: r#"{"undeclared": "BLOCK", "cookies": [{"name": "a", "category": "necessary", "retention": 1}, {"name": "b", "category": "necessary", "retention": 400}]}"#,
    },
    Valid {
        name: "import: an empty object",
        json: r#"{"import": {}}"#,
    },
    Valid {
        name: "import: every field",
        json: r#"{"revision": 4, "categories": [{"id": 1, "name": "statistics"}, {"id": 2, "name": "first_party"}, {"id": 3, "name": "third_party"}, {"id": 16, "name": "youtube"}], "import": {"systems": {"tarteaucitron": {"cookie": "prefcookies", "domain": ".example.org"}, "onetrust": {"path": "/fr"}}, "categories": {"newsletter": "necessary", "marketing": null}, "services": {"YouTube": "youtube"}, "onetrust": {"C0005": 16}, "trustcommander": {"1": "statistics", "2": "3"}, "tcf": {"youtube": [10, 1], "1": [1, 7, 8]}, "keep_consent_id": false}}"#,
    },
    Valid {
        name: "import: systems null, an empty systems object",
        json: r#"{"import": {"systems": {}, "keep_consent_id": true}}"#,
    },
];
