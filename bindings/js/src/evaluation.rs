//! `Evaluation`: a policy applied to the visitor's cookie, the visitor's new
//! answer made from it, and enforcement (`docs/FORMAT.md` §6, §12).

use crate::args;
use crate::failure::Failure;
use crate::json;
use cookieprefs as core;
use wasm_bindgen::prelude::*;

/// The result of applying a policy to the visitor's cookie (immutable).
#[wasm_bindgen]
pub struct Evaluation {
    pub(crate) inner: core::Evaluation,
}

impl Evaluation {
    /// A saved answer as JSON `{"value", "cookie", "preferences"}`: the
    /// value, the `Set-Cookie` header value that stores it (also a
    /// `document.cookie` assignment), and its JSON form.
    fn choice(&self, prefs: &core::Preferences) -> String {
        json::Object::new()
            .string("value", &prefs.encode())
            .string("cookie", &self.inner.set_cookie_header_for(prefs))
            .raw("preferences", &prefs.to_json())
            .finish()
    }

    fn category(&self, reference: &str) -> Result<core::Category, Failure> {
        args::category(Some(self.inner.policy()), reference)
    }

    /// Categories as a JSON array of their site names, in the given order.
    fn names(&self, categories: &[core::Category]) -> String {
        let policy = self.inner.policy();
        json::array(
            categories
                .iter()
                .filter_map(|c| policy.name_of(*c))
                .map(json::string),
        )
    }
}

#[wasm_bindgen]
impl Evaluation {
    /// The evaluation's JSON form (`docs/FORMAT.md` §7, "Evaluation") with
    /// the stored value and what the banner asks: `{"evaluation",
    /// "stored_value", "asked", "gpc_refused"}`: the encoded value behind
    /// the form's `stored` (or null), and JSON arrays of site names (the
    /// offered categories with no answer that counts, GPC left out; those
    /// of them GPC refused). One call, so that the glue holds one function
    /// for all of it.
    pub fn json(&self) -> String {
        let stored = self.inner.stored().map(core::Preferences::encode);
        json::Object::new()
            .raw("evaluation", &self.inner.to_json())
            .string_or_null("stored_value", stored.as_deref())
            .raw("asked", &self.names(&self.inner.asked()))
            .raw("gpc_refused", &self.names(&self.inner.gpc_refused()))
            .finish()
    }

    /// The effective state (`granted`, `denied`, `not_asked`) of a category
    /// reference.
    pub fn state(&self, category: &str) -> Result<String, Failure> {
        Ok(self.inner.state(self.category(category)?).as_str().to_owned())
    }

    /// Whether cookies of a category may be set.
    pub fn allowed(&self, category: &str) -> Result<bool, Failure> {
        Ok(self.inner.allowed(self.category(category)?))
    }

    /// The answer to save, as JSON `{"value", "cookie", "preferences"}`
    /// (the value, the `Set-Cookie` header value that stores it, also a
    /// `document.cookie` assignment, and its JSON form). `how`: `choose`
    /// (exactly the `granted` category references granted now),
    /// `accept_all`, `reject_all`, `accept_asked` (the banner's "Accept": the
    /// asked categories granted but the GPC-refused ones, standing answers
    /// kept) or `reject_asked` (the banner's "Reject"); `granted` is read for
    /// `choose` only. One entry point for the five, so that the glue holds
    /// one function.
    pub fn answer(&self, how: &str, granted: Vec<String>, method: &str) -> Result<String, Failure> {
        let method = args::method(method)?;
        let ev = &self.inner;
        let prefs = match how {
            "choose" => {
                let categories = granted
                    .iter()
                    .map(|c| self.category(c))
                    .collect::<Result<Vec<_>, _>>()?;
                ev.choose(&categories, method)?
            }
            "accept_all" => ev.accept_all(method),
            "reject_all" => ev.reject_all(method),
            "accept_asked" => ev.accept_asked(method),
            "reject_asked" => ev.reject_asked(method),
            _ => {
                return Err(core::Error::UnknownName {
                    what: "answer",
                    name: how.to_owned(),
                }
                .into())
            }
        };
        Ok(self.choice(&prefs))
    }

    /// The header value that refreshes the stored value, or `undefined`.
    #[cfg(not(feature = "page"))] // refreshing the cookie: the server's job
    #[wasm_bindgen(js_name = setCookieHeader)]
    pub fn set_cookie_header(&self) -> Option<String> {
        self.inner.set_cookie_header()
    }

    /// Whether a cookie of this name may be set (`docs/FORMAT.md` §12).
    #[wasm_bindgen(js_name = cookieAllowed)]
    pub fn cookie_allowed(&self, name: &str) -> bool {
        self.inner.cookie_allowed(name)
    }

    /// Whether a response may keep this `Set-Cookie` header value.
    #[cfg(not(feature = "page"))] // a response filter: the server's job
    #[wasm_bindgen(js_name = setCookieAllowed)]
    pub fn set_cookie_allowed(&self, line: &str) -> bool {
        self.inner.set_cookie_allowed(line)
    }

    /// The header values (also `document.cookie` assignments) that delete the
    /// cookies of a `Cookie:` header this evaluation does not allow, as a
    /// JSON array of strings.
    #[wasm_bindgen(js_name = cookiesToClear)]
    pub fn cookies_to_clear(&self, header: &str) -> String {
        json::array(
            self.inner
                .deletion_headers(header.as_bytes())
                .iter()
                .map(|h| json::string(h)),
        )
    }
}

// The unit tests build the full API (the `page` build is tested from
// JavaScript: bindings/js/tests/page-build.test.mjs).
#[cfg(all(test, not(feature = "page")))]
mod tests {
    use crate::Policy;

    #[test]
    fn choices_carry_the_cookie_the_server_writes() {
        let p = Policy::new();
        let ev = p.evaluate(None, "2026-11-24", false).unwrap();
        let choice: serde_json::Value =
            serde_json::from_str(&ev.answer("reject_all", vec![], "banner").unwrap()).unwrap();
        assert_eq!(choice["value"], "BAAACdcJ1w1Q");
        assert_eq!(
            choice["cookie"],
            "cookies_preferences=BAAACdcJ1w1Q; Max-Age=15811200; Path=/; SameSite=Lax; Secure"
        );
        assert_eq!(choice["preferences"]["categories"]["statistics"], "denied");
        let choose = |granted: &[&str], method| {
            let granted = granted.iter().map(|s| s.to_string()).collect();
            ev.answer("choose", granted, method).unwrap_err().kind()
        };
        assert_eq!(choose(&["necessary"], "banner"), "necessary_not_stored");
        assert_eq!(choose(&["youtube"], "banner"), "unknown_category");
        assert_eq!(choose(&[], "email"), "unknown_name");
        assert_eq!(
            ev.answer("maybe", vec![], "banner").unwrap_err().kind(),
            "unknown_name"
        );
        assert_eq!(ev.cookies_to_clear("a=1"), "[]");
    }

    #[test]
    fn json_carries_what_the_banner_asks() {
        let ev = Policy::new().evaluate(None, "2026-11-24", true).unwrap();
        let j: serde_json::Value = serde_json::from_str(&ev.json()).unwrap();
        assert_eq!(j["evaluation"]["needs_banner"], true);
        assert_eq!(j["stored_value"], serde_json::Value::Null);
        assert_eq!(
            j["asked"],
            serde_json::json!(["statistics", "first_party", "third_party"])
        );
        assert_eq!(j["gpc_refused"], serde_json::json!(["third_party"]));
    }
}
