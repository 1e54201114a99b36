//! The cookie declaration (`docs/FORMAT.md` §12): what a visitor reads in
//! one of the policy's languages, and which declaration a cookie name falls
//! under.

use crate::policy::Policy;
use cookieprefs as core;
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// A category as a visitor reads it.
#[derive(Serialize)]
struct CategoryText<'p> {
    id: u8,
    name: &'p str,
    label: &'p str,
    description: &'p str,
}

/// A declared cookie as a visitor reads it.
#[derive(Serialize)]
struct CookieText<'p> {
    name: &'p str,
    category: &'p str,
    provider: &'p str,
    service: &'p str,
    purpose: &'p str,
    /// Days, `"session"`, or null when not declared.
    retention: Option<Retention>,
    domain: Option<&'p str>,
    path: &'p str,
}

#[derive(Serialize)]
#[serde(untagged)]
enum Retention {
    Days(u16),
    Session(&'static str),
}

/// The texts of a policy in one language.
#[derive(Serialize)]
struct Texts<'p> {
    language: &'p str,
    categories: Vec<CategoryText<'p>>,
    cookies: Vec<CookieText<'p>>,
}

/// The declaration a cookie name falls under.
#[derive(Serialize)]
struct Classified<'p> {
    name: &'p str,
    category: &'p str,
}

fn category_name(policy: &core::Policy, c: core::Category) -> &str {
    policy.name_of(c).unwrap_or_default()
}

#[wasm_bindgen]
impl Policy {
    /// The policy's texts in the language that best answers `requested`
    /// (`fr`, `fr-CA`, `fr_CA`), as JSON: `{"language", "categories": [{"id",
    /// "name", "label", "description"}] (necessary first, then the offered
    /// categories), "cookies": [{"name", "category", "provider", "service",
    /// "purpose", "retention", "domain", "path"}] (the consent cookie
    /// included, in declaration order)}`.
    pub fn texts(&self, requested: &str) -> String {
        let p = &self.inner;
        let t = p.texts(requested);
        let mut categories = vec![core::Category::NECESSARY];
        categories.extend(p.categories().iter().map(|c| c.category));
        serde_json::to_string(&Texts {
            language: t.language(),
            categories: categories
                .into_iter()
                .map(|c| CategoryText {
                    id: c.id(),
                    name: category_name(p, c),
                    label: t.label(c),
                    description: t.description(c),
                })
                .collect(),
            cookies: p
                .cookies()
                .iter()
                .map(|d| CookieText {
                    name: d.name(),
                    category: category_name(p, d.category()),
                    provider: t.provider(d),
                    service: t.service(d),
                    purpose: t.purpose(d),
                    retention: d.retention_period().map(|r| match r {
                        core::Retention::Days(n) => Retention::Days(n),
                        core::Retention::Session => Retention::Session("session"),
                    }),
                    domain: d.domain_attribute(),
                    path: d.path_attribute(),
                })
                .collect(),
        })
        .unwrap_or_default()
    }

    /// The declaration a cookie name falls under, as JSON `{"name": the
    /// declared name or pattern, "category": its category's name}`, or
    /// `undefined` for an undeclared cookie.
    pub fn classify(&self, name: &str) -> Option<String> {
        let p = &self.inner;
        p.classify(name).map(|d| {
            serde_json::to_string(&Classified {
                name: d.name(),
                category: category_name(p, d.category()),
            })
            .unwrap_or_default()
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::Policy;

    #[test]
    fn texts_and_classification() {
        let p = Policy::from_json(r#"{"languages": ["fr", "en"], "cookies": [{"name": "_pk_id.*", "category": "statistics", "retention": 393}]}"#).unwrap();
        let t: serde_json::Value = serde_json::from_str(&p.texts("fr-CA")).unwrap();
        assert_eq!(t["language"], "fr");
        assert_eq!(t["categories"][1]["label"], "Cookies statistiques");
        assert_eq!(t["cookies"][0]["name"], "cookies_preferences");
        assert_eq!(t["cookies"][1]["retention"], 393);
        assert_eq!(
            p.classify("_pk_id.1.ab").as_deref(),
            Some(r#"{"name":"_pk_id.*","category":"statistics"}"#)
        );
        assert_eq!(p.classify("other"), None);
    }
}
