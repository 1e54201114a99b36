//! `Policy`: a site's consent policy, read from its JSON form by the core.

use crate::args;
use crate::evaluation::Evaluation;
use crate::failure::Failure;
use cookieprefs as core;
use wasm_bindgen::prelude::*;

/// A site's consent policy (immutable).
#[wasm_bindgen]
pub struct Policy {
    pub(crate) inner: core::Policy,
}

#[wasm_bindgen]
impl Policy {
    /// The default policy (not in the `page` build: it is built, and so
    /// checked, by the core's policy builder).
    #[cfg(not(feature = "page"))]
    #[wasm_bindgen(constructor)]
    #[allow(clippy::new_without_default)] // wasm-bindgen exports the constructor, not Default
    pub fn new() -> Policy {
        Policy {
            inner: core::Policy::default(),
        }
    }

    /// A policy from its JSON form (`docs/FORMAT.md` §7); every rule is
    /// checked (not in the `page` build).
    #[cfg(not(feature = "page"))]
    #[wasm_bindgen(js_name = fromJson)]
    pub fn from_json(json: &str) -> Result<Policy, Failure> {
        Ok(Policy {
            inner: core::Policy::from_json(json)?,
        })
    }

    /// The normalised JSON form, every field spelled out (not in the `page`
    /// build).
    #[cfg(not(feature = "page"))]
    #[wasm_bindgen(js_name = toJson)]
    pub fn to_json(&self) -> String {
        self.inner.to_json()
    }

    /// A policy from its compact form (`docs/FORMAT.md` §14), written by the
    /// server from a policy it checked.
    #[wasm_bindgen(js_name = fromCompact)]
    pub fn from_compact(compact: &str) -> Result<Policy, Failure> {
        Ok(Policy {
            inner: core::Policy::from_compact(compact)?,
        })
    }

    /// The compact form (`docs/FORMAT.md` §14), for the `page` build.
    #[cfg(not(feature = "page"))]
    #[wasm_bindgen(js_name = toCompact)]
    pub fn to_compact(&self) -> String {
        self.inner.to_compact()
    }

    /// The id of a category reference the policy resolves (site name,
    /// standard name, decimal id of an offered category, `necessary`), or
    /// `undefined`.
    pub fn category(&self, reference: &str) -> Option<u8> {
        self.inner.category(reference).map(core::Category::id)
    }

    /// Applies the policy to the cookie in a whole `Cookie:` header
    /// (`document.cookie`; `undefined`: none), on `today` (`YYYY-MM-DD`),
    /// with or without the GPC signal. Every copy of the cookie is read
    /// (`docs/FORMAT.md` §8).
    pub fn evaluate(&self, header: Option<String>, today: &str, gpc: bool) -> Result<Evaluation, Failure> {
        let today = args::day(today)?;
        Ok(Evaluation {
            inner: self
                .inner
                .evaluate_header(header.as_deref().map(str::as_bytes), today, gpc),
        })
    }

    /// Applies the policy to one cookie value (`undefined`: no cookie).
    #[wasm_bindgen(js_name = evaluateValue)]
    pub fn evaluate_value(
        &self,
        value: Option<String>,
        today: &str,
        gpc: bool,
    ) -> Result<Evaluation, Failure> {
        let today = args::day(today)?;
        Ok(Evaluation {
            inner: self.inner.evaluate(value.as_deref(), today, gpc),
        })
    }

    /// The `Set-Cookie` header value (also a `document.cookie` assignment)
    /// that stores a value on `today`.
    #[cfg(not(feature = "page"))] // a choice carries its cookie
    #[wasm_bindgen(js_name = setCookieHeader)]
    pub fn set_cookie_header(&self, value: &str, today: &str) -> Result<String, Failure> {
        let prefs = core::decode(value)?;
        Ok(self.inner.set_cookie_header(&prefs, args::day(today)?))
    }

    /// The `Set-Cookie` header value that deletes the consent cookie.
    #[wasm_bindgen(js_name = deleteCookieHeader)]
    pub fn delete_cookie_header(&self) -> String {
        self.inner.delete_cookie_header()
    }
}

// The unit tests build the full API (the `page` build is tested from
// JavaScript: bindings/js/tests/page-build.test.mjs).
#[cfg(all(test, not(feature = "page")))]
mod tests {
    use super::*;

    #[test]
    fn evaluates_a_header_and_a_value() {
        let p = Policy::from_json(r#"{"revision": 3}"#).unwrap();
        let ev = p
            .evaluate(
                Some("a=1; cookies_preferences=BAADCdcJ1w5Q".into()),
                "2026-11-24",
                false,
            )
            .unwrap();
        assert!(ev.allowed("statistics").unwrap());
        let ev = p.evaluate_value(None, "2026-11-24", true).unwrap();
        assert!(!ev.allowed("third_party").unwrap());
        assert_eq!(
            p.evaluate(None, "24/11/2026", false).err().unwrap().kind(),
            "invalid_date"
        );
        assert_eq!(Policy::from_json("{").err().unwrap().kind(), "invalid_json");
        assert_eq!(
            p.set_cookie_header("BAADCdcJ1w5Q", "2026-11-24").unwrap(),
            "cookies_preferences=BAADCdcJ1w5Q; Max-Age=15811200; Path=/; SameSite=Lax; Secure"
        );
        assert_eq!(p.category("1"), Some(1));
    }

    #[test]
    fn reads_back_its_compact_form() {
        let p = Policy::from_json(r#"{"revision": 3}"#).unwrap();
        let back = Policy::from_compact(&p.to_compact()).unwrap();
        assert_eq!(back.to_compact(), p.to_compact());
        assert_eq!(Policy::from_compact("x").err().unwrap().kind(), "invalid_policy");
    }
}
