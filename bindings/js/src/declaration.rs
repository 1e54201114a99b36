//! The cookie declaration (`docs/FORMAT.md` §12): what a visitor reads in
//! one of the policy's languages, and which declaration a cookie name falls
//! under. Not in the `page` build: the compact form has no texts (the
//! server gives the page its own).

use crate::json;
use crate::policy::Policy;
use cookieprefs as core;
use wasm_bindgen::prelude::*;

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
        let categories =
            std::iter::once(core::Category::NECESSARY).chain(p.categories().iter().map(|c| c.category));
        json::Object::new()
            .string("language", t.language())
            .raw(
                "categories",
                &json::array(categories.map(|c| {
                    json::Object::new()
                        .number("id", c.id().into())
                        .string("name", category_name(p, c))
                        .string("label", t.label(c))
                        .string("description", t.description(c))
                        .finish()
                })),
            )
            .raw(
                "cookies",
                &json::array(p.cookies().iter().map(|d| {
                    let retention = match d.retention_period() {
                        None => "null".to_owned(),
                        Some(core::Retention::Days(n)) => n.to_string(),
                        Some(core::Retention::Session) => json::string("session"),
                    };
                    json::Object::new()
                        .string("name", d.name())
                        .string("category", category_name(p, d.category()))
                        .string("provider", t.provider(d))
                        .string("service", t.service(d))
                        .string("purpose", t.purpose(d))
                        .raw("retention", &retention)
                        .string_or_null("domain", d.domain_attribute())
                        .string("path", d.path_attribute())
                        .finish()
                })),
            )
            .finish()
    }

    /// The declaration a cookie name falls under, as JSON `{"name": the
    /// declared name or pattern, "category": its category's name}`, or
    /// `undefined` for an undeclared cookie.
    pub fn classify(&self, name: &str) -> Option<String> {
        let p = &self.inner;
        p.classify(name).map(|d| {
            json::Object::new()
                .string("name", d.name())
                .string("category", category_name(p, d.category()))
                .finish()
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
