//! `Evaluation`: a policy applied to a request's cookie, and the visitor's
//! answer made from it.

use crate::conversions::{policy_category, to_date, value_bytes};
use crate::enums::{Method, State};
use crate::errors::py_err;
use crate::policy::Policy;
use crate::preferences::Preferences;
use cookieprefs as core;
use pyo3::exceptions::PyDeprecationWarning;
use pyo3::prelude::*;
use pyo3::types::PyDict;

/// The result of applying a policy to a request's cookie. Immutable.
#[pyclass(frozen, module = "cookieprefs")]
pub struct Evaluation {
    pub(crate) inner: core::Evaluation,
}

impl Evaluation {
    fn resolve(&self, py: Python<'_>, c: &Bound<'_, PyAny>) -> PyResult<core::Category> {
        policy_category(py, self.inner.policy(), c)
    }

    fn banner_reason_str(&self) -> Option<&'static str> {
        self.inner.banner_reason().map(core::BannerReason::as_str)
    }

    /// Offered categories by their site names on the policy.
    fn names(&self, categories: &[core::Category]) -> Vec<String> {
        let policy = self.inner.policy();
        categories
            .iter()
            .map(|c| policy.name_of(*c).map_or_else(|| c.to_string(), str::to_owned))
            .collect()
    }
}

#[pymethods]
impl Evaluation {
    /// Whether the banner must be shown.
    #[getter]
    fn needs_banner(&self) -> bool {
        self.inner.needs_banner()
    }

    /// Why the banner must be shown (`"no_choice"`, `"invalid_value"`,
    /// `"expired"`, `"policy_updated"`, `"new_category"`), or None.
    #[getter]
    fn banner_reason(&self) -> Option<&'static str> {
        self.banner_reason_str()
    }

    /// Deprecated alias of `banner_reason`.
    #[getter]
    fn reason(&self, py: Python<'_>) -> PyResult<Option<&'static str>> {
        PyErr::warn(
            py,
            &py.get_type::<PyDeprecationWarning>(),
            c"Evaluation.reason is deprecated: use Evaluation.banner_reason",
            1,
        )?;
        Ok(self.banner_reason_str())
    }

    /// The exception for a rejected cookie value, or None.
    #[getter]
    fn error(&self, py: Python<'_>) -> Option<Py<PyAny>> {
        self.inner
            .error()
            .map(|e| py_err(py, e).into_value(py).into_any())
    }

    /// How many copies of the cookie the request held (FORMAT.md §8).
    #[getter]
    fn copies(&self) -> u32 {
        self.inner.copies()
    }

    /// The exception of the first invalid copy of the cookie ignored because
    /// a valid copy was used, or None.
    #[getter]
    fn ignored_error(&self, py: Python<'_>) -> Option<Py<PyAny>> {
        self.inner
            .ignored_error()
            .map(|e| py_err(py, e).into_value(py).into_any())
    }

    /// Whether GPC denied at least one category.
    #[getter]
    fn gpc_applied(&self) -> bool {
        self.inner.gpc_applied()
    }

    /// The day the evaluation was made for.
    #[getter]
    fn today(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        to_date(py, self.inner.today())
    }

    /// The policy the evaluation applied.
    #[getter]
    fn policy(&self) -> Policy {
        Policy {
            inner: self.inner.policy().clone(),
        }
    }

    /// The effective state of a category (`Category`, int id, standard or site name).
    fn state(&self, py: Python<'_>, category: &Bound<'_, PyAny>) -> PyResult<State> {
        Ok(State::of(self.inner.state(self.resolve(py, category)?)))
    }

    /// Whether cookies of a category may be set.
    fn allowed(&self, py: Python<'_>, category: &Bound<'_, PyAny>) -> PyResult<bool> {
        Ok(self.inner.allowed(self.resolve(py, category)?))
    }

    /// Every category (necessary, then the offered ones, by site name) →
    /// its effective State.
    #[getter]
    fn categories<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        for (_, name, s) in self.inner.categories() {
            d.set_item(name, State::of(s))?;
        }
        Ok(d)
    }

    /// The Google Consent Mode v2 state: {type: "granted" | "denied"}, in
    /// the core's order of types.
    fn consent_mode<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        for (t, v) in self.inner.consent_mode().iter() {
            d.set_item(t.as_str(), v)?;
        }
        Ok(d)
    }

    /// The Consent Mode state as the core writes it: the JSON object that
    /// `gtag('consent', 'update', …)` takes.
    fn consent_mode_json(&self) -> String {
        self.inner.consent_mode().to_json()
    }

    /// The stored value, when the cookie held a valid one.
    #[getter]
    fn stored(&self) -> Option<Preferences> {
        self.inner.stored().copied().map(Preferences::from)
    }

    /// The `Set-Cookie` header that refreshes the stored value, or None.
    fn set_cookie_header(&self) -> Option<String> {
        self.inner.set_cookie_header()
    }

    /// The `Set-Cookie` header that stores `prefs`, under this evaluation's
    /// policy and day.
    fn set_cookie_header_for(&self, prefs: &Preferences) -> String {
        self.inner.set_cookie_header_for(&prefs.inner)
    }

    /// The value to store when the visitor answers now: `granted` categories
    /// (ids or names) granted, every other offered category denied.
    #[pyo3(signature = (granted=Vec::new(), method=Method::BANNER))]
    fn choose(
        &self,
        py: Python<'_>,
        granted: Vec<Bound<'_, PyAny>>,
        method: Method,
    ) -> PyResult<Preferences> {
        let cats = granted
            .iter()
            .map(|c| self.resolve(py, c))
            .collect::<PyResult<Vec<_>>>()?;
        self.inner
            .choose(&cats, method.core())
            .map(Preferences::from)
            .map_err(|e| py_err(py, &e))
    }

    /// "Accept all": every offered category granted but those the GPC signal
    /// refused (`gpc_refused`; only `choose` with them grants them).
    #[pyo3(signature = (method=Method::BANNER))]
    fn accept_all(&self, method: Method) -> Preferences {
        self.inner.accept_all(method.core()).into()
    }

    /// "Reject all": every offered category denied.
    #[pyo3(signature = (method=Method::BANNER))]
    fn reject_all(&self, method: Method) -> Preferences {
        self.inner.reject_all(method.core()).into()
    }

    /// The offered categories the banner asks (site names, in the policy's
    /// order): no stored answer for them counts, whatever the GPC signal
    /// made of them (docs/FORMAT.md §6, "Answering the banner"). The other
    /// offered categories hold standing answers.
    #[getter]
    fn asked(&self) -> Vec<String> {
        self.names(&self.inner.asked())
    }

    /// The asked categories the GPC signal refused (site names, in the
    /// policy's order); `accept_asked` keeps them refused.
    #[getter]
    fn gpc_refused(&self) -> Vec<String> {
        self.names(&self.inner.gpc_refused())
    }

    /// The banner's "Accept": every asked category granted except those GPC
    /// refused, every standing answer kept.
    #[pyo3(signature = (method=Method::BANNER))]
    fn accept_asked(&self, method: Method) -> Preferences {
        self.inner.accept_asked(method.core()).into()
    }

    /// The banner's "Reject": every asked category denied, every standing
    /// answer kept (a grant that still counts is never revoked).
    #[pyo3(signature = (method=Method::BANNER))]
    fn reject_asked(&self, method: Method) -> Preferences {
        self.inner.reject_asked(method.core()).into()
    }

    /// Whether a cookie of this name (str or bytes) may be set: the
    /// consent cookie and `necessary` cookies always; a declared cookie
    /// when its category is granted; an undeclared one when the policy's
    /// `undeclared` setting is `"allow"`.
    fn cookie_allowed(&self, name: &Bound<'_, PyAny>) -> PyResult<bool> {
        Ok(self.inner.cookie_allowed(value_bytes(name)?.bytes()))
    }

    /// Whether a response may keep a `Set-Cookie` header (its value, with
    /// or without the `Set-Cookie:` name; str or bytes): a header that
    /// deletes its cookie is always kept, any other when `cookie_allowed`
    /// allows its cookie's name.
    fn set_cookie_allowed(&self, set_cookie_header_value: &Bound<'_, PyAny>) -> PyResult<bool> {
        Ok(self
            .inner
            .set_cookie_allowed(value_bytes(set_cookie_header_value)?.bytes()))
    }

    /// The `Set-Cookie` header values that delete the cookies of a
    /// request's `Cookie:` header (str or bytes) that this evaluation does
    /// not allow — what a withdrawal must clear — once per name, in header
    /// order, with the declared `Domain` and `Path`.
    fn cookies_to_clear(&self, cookie_header: &Bound<'_, PyAny>) -> PyResult<Vec<String>> {
        Ok(self.inner.deletion_headers(value_bytes(cookie_header)?.bytes()))
    }

    /// The JSON form (docs/FORMAT.md §7).
    fn to_json(&self) -> String {
        self.inner.to_json()
    }

    fn __repr__(&self) -> String {
        let reason = self
            .banner_reason_str()
            .map_or_else(|| "None".to_owned(), |r| format!("{r:?}"));
        let banner = if self.inner.needs_banner() {
            "True"
        } else {
            "False"
        };
        format!("Evaluation(needs_banner={banner}, banner_reason={reason})")
    }
}
