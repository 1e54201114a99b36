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
    /// The evaluation's JSON form (`docs/FORMAT.md` §7, "Evaluation").
    pub fn json(&self) -> String {
        self.inner.to_json()
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

    /// The answer to save when the visitor grants exactly `granted` (category
    /// references) now, as JSON `{"value", "cookie", "preferences"}`.
    pub fn choose(&self, granted: Vec<String>, method: &str) -> Result<String, Failure> {
        let categories = granted
            .iter()
            .map(|c| self.category(c))
            .collect::<Result<Vec<_>, _>>()?;
        let prefs = self.inner.choose(&categories, args::method(method)?)?;
        Ok(self.choice(&prefs))
    }

    /// "Accept all", as [`Evaluation::choose`].
    #[wasm_bindgen(js_name = acceptAll)]
    pub fn accept_all(&self, method: &str) -> Result<String, Failure> {
        Ok(self.choice(&self.inner.accept_all(args::method(method)?)))
    }

    /// "Reject all", as [`Evaluation::choose`].
    #[wasm_bindgen(js_name = rejectAll)]
    pub fn reject_all(&self, method: &str) -> Result<String, Failure> {
        Ok(self.choice(&self.inner.reject_all(args::method(method)?)))
    }

    /// The offered categories the banner asks about (no stored answer that
    /// counts, GPC left out), as a JSON array of site names.
    pub fn asked(&self) -> String {
        self.names(&self.inner.asked())
    }

    /// The asked categories the GPC signal refused, as a JSON array of site
    /// names.
    #[wasm_bindgen(js_name = gpcRefused)]
    pub fn gpc_refused(&self) -> String {
        self.names(&self.inner.gpc_refused())
    }

    /// The banner's "Accept": the asked categories granted but the
    /// GPC-refused ones, standing answers kept.
    #[wasm_bindgen(js_name = acceptAsked)]
    pub fn accept_asked(&self, method: &str) -> Result<String, Failure> {
        Ok(self.choice(&self.inner.accept_asked(args::method(method)?)))
    }

    /// The banner's "Reject": the asked categories refused, standing
    /// answers kept.
    #[wasm_bindgen(js_name = rejectAsked)]
    pub fn reject_asked(&self, method: &str) -> Result<String, Failure> {
        Ok(self.choice(&self.inner.reject_asked(args::method(method)?)))
    }

    /// The header value that refreshes the stored value, or `undefined`.
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

#[cfg(test)]
mod tests {
    use crate::Policy;

    #[test]
    fn choices_carry_the_cookie_the_server_writes() {
        let p = Policy::new();
        let ev = p.evaluate(None, "2026-11-24", false).unwrap();
        let choice: serde_json::Value = serde_json::from_str(&ev.reject_all("banner").unwrap()).unwrap();
        assert_eq!(choice["value"], "BAAACdcJ1w1Q");
        assert_eq!(
            choice["cookie"],
            "cookies_preferences=BAAACdcJ1w1Q; Max-Age=15811200; Path=/; SameSite=Lax; Secure"
        );
        assert_eq!(choice["preferences"]["categories"]["statistics"], "denied");
        assert_eq!(
            ev.choose(vec!["necessary".into()], "banner").unwrap_err().kind(),
            "necessary_not_stored"
        );
        assert_eq!(
            ev.choose(vec!["youtube".into()], "banner").unwrap_err().kind(),
            "unknown_category"
        );
        assert_eq!(ev.choose(vec![], "email").unwrap_err().kind(), "unknown_name");
        assert_eq!(ev.cookies_to_clear("a=1"), "[]");
    }
}
