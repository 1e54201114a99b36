//! `Policy`: a site's consent policy, built from the core's policy JSON form.

use crate::conversions::{
    self, from_date, offered_category, opt_value_bytes, text, value_bytes, Input, PageFormat,
};
use crate::declared_cookie::DeclaredCookie;
use crate::errors::py_err;
use crate::evaluation::Evaluation;
use crate::preferences::Preferences;
use cookieprefs as core;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString};

/// A site's consent policy. Immutable; build it once.
#[pyclass(frozen, module = "cookieprefs")]
pub struct Policy {
    pub(crate) inner: core::Policy,
}

/// A policy from a mapping of the JSON form's keys: the mapping is written
/// as JSON and read by the core, which checks every field and names the key
/// path of a wrong one. Nothing is added: a key left out is the core's default.
fn from_mapping(py: Python<'_>, d: &Bound<'_, PyAny>) -> PyResult<Policy> {
    let kwargs = PyDict::new(py);
    kwargs.set_item("allow_nan", false)?;
    let json = py
        .import("json")?
        .call_method("dumps", (d,), Some(&kwargs))?
        .cast_into::<PyString>()?;
    Policy::from_json(py, json.to_str()?)
}

#[pymethods]
impl Policy {
    /// The default policy, or one from the keys of the policy JSON form
    /// (`revision`, `categories`, `max_age_days`, `gpc_categories`, `cookie`,
    /// `consent_mode`, and the declaration: `languages`, `necessary`,
    /// `cookies`, `undeclared`).
    #[new]
    #[pyo3(signature = (**kwargs))]
    fn new(py: Python<'_>, kwargs: Option<&Bound<'_, PyDict>>) -> PyResult<Policy> {
        match kwargs {
            None => Ok(Policy {
                inner: core::Policy::default(),
            }),
            Some(k) => from_mapping(py, k.as_any()),
        }
    }

    /// A policy from its JSON form.
    #[staticmethod]
    fn from_json(py: Python<'_>, json: &str) -> PyResult<Policy> {
        core::Policy::from_json(json)
            .map(|inner| Policy { inner })
            .map_err(|e| py_err(py, &e))
    }

    /// A policy from a dict of its JSON form.
    #[staticmethod]
    fn from_dict(py: Python<'_>, d: &Bound<'_, PyDict>) -> PyResult<Policy> {
        from_mapping(py, d.as_any())
    }

    /// The JSON form, every field spelled out.
    fn to_json(&self) -> String {
        self.inner.to_json()
    }

    /// The compact form (FORMAT.md §14): what a page's WebAssembly module
    /// needs to evaluate, choose and enforce, without the texts.
    fn to_compact(&self) -> String {
        self.inner.to_compact()
    }

    /// A policy from its compact form (texts and import settings are not in it).
    #[staticmethod]
    fn from_compact(py: Python<'_>, compact: &str) -> PyResult<Policy> {
        core::Policy::from_compact(compact)
            .map(|inner| Policy { inner })
            .map_err(|e| py_err(py, &e))
    }

    /// The current revision.
    #[getter]
    fn revision(&self) -> u16 {
        self.inner.revision()
    }

    /// The cookie's name.
    #[getter]
    fn cookie_name(&self) -> String {
        self.inner.cookie().name.clone()
    }

    /// The offered categories as (id, name, since_revision), in id order.
    #[getter]
    fn categories(&self) -> Vec<(u8, String, u16)> {
        self.inner
            .categories()
            .iter()
            .map(|c| (c.category.id(), c.name.clone(), c.since_revision))
            .collect()
    }

    /// The ids of the categories the Global Privacy Control signal refuses.
    #[getter]
    fn gpc_categories(&self) -> Vec<u32> {
        // u32, not u8: pyo3 makes a Vec<u8> a bytes object.
        self.inner.gpc_categories().map(|c| u32::from(c.id())).collect()
    }

    /// The id of a category name (site names, standard names, ids), or None.
    fn category(&self, name: &Bound<'_, PyString>) -> Option<u8> {
        self.inner.category(&text(name)).map(core::Category::id)
    }

    /// Applies the policy to a cookie value (str, bytes, or None for no cookie).
    #[pyo3(signature = (value, today=None, gpc=false))]
    fn evaluate(
        &self,
        py: Python<'_>,
        value: Option<&Bound<'_, PyAny>>,
        today: Option<&Bound<'_, PyAny>>,
        gpc: bool,
    ) -> PyResult<Evaluation> {
        let today = from_date(py, today)?;
        let value = opt_value_bytes(value)?;
        let inner = self
            .inner
            .evaluate_bytes(value.as_ref().map(Input::bytes), today, gpc);
        Ok(Evaluation { inner })
    }

    /// Applies the policy to the policy's cookie in a whole `Cookie:` header.
    #[pyo3(signature = (header, today=None, gpc=false))]
    fn evaluate_header(
        &self,
        py: Python<'_>,
        header: Option<&Bound<'_, PyAny>>,
        today: Option<&Bound<'_, PyAny>>,
        gpc: bool,
    ) -> PyResult<Evaluation> {
        let today = from_date(py, today)?;
        let header = opt_value_bytes(header)?;
        let inner = self
            .inner
            .evaluate_header(header.as_ref().map(Input::bytes), today, gpc);
        Ok(Evaluation { inner })
    }

    /// The `Set-Cookie` header value that stores `prefs`.
    #[pyo3(signature = (prefs, today=None))]
    fn set_cookie_header(
        &self,
        py: Python<'_>,
        prefs: &Preferences,
        today: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<String> {
        Ok(self.inner.set_cookie_header(&prefs.inner, from_date(py, today)?))
    }

    /// The `Set-Cookie` header value that deletes the cookie.
    fn delete_cookie_header(&self) -> String {
        self.inner.delete_cookie_header()
    }

    /// The languages of the policy's texts, lowercase; the first is the
    /// default.
    #[getter]
    fn languages(&self) -> Vec<String> {
        self.inner.languages().to_vec()
    }

    /// The policy's default language (the first of `languages`).
    #[getter]
    fn default_language(&self) -> &str {
        self.inner.languages().first().map_or("", String::as_str)
    }

    /// The policy language that answers a requested one (`fr`, `fr-CA`,
    /// Django's `fr_CA`): the same tag, else its primary subtag, else a
    /// listed tag with the same primary subtag, else the default language.
    fn language_for(&self, requested: &Bound<'_, PyString>) -> &str {
        self.inner.texts(&text(requested)).language()
    }

    /// A category's label in the language that answers `lang` (None: the
    /// default language), with the core's fallback. The category is a
    /// `Category`, an int id or a name the policy resolves; one the policy
    /// does not offer raises `CategoryNotOfferedError` (`necessary` is
    /// always there).
    #[pyo3(signature = (category, lang=None))]
    fn label(
        &self,
        py: Python<'_>,
        category: &Bound<'_, PyAny>,
        lang: Option<&Bound<'_, PyString>>,
    ) -> PyResult<&str> {
        let c = offered_category(py, &self.inner, category)?;
        Ok(conversions::texts(&self.inner, lang).label(c))
    }

    /// A category's description, like `label`; empty when neither the
    /// site nor the library has one.
    #[pyo3(signature = (category, lang=None))]
    fn description(
        &self,
        py: Python<'_>,
        category: &Bound<'_, PyAny>,
        lang: Option<&Bound<'_, PyString>>,
    ) -> PyResult<&str> {
        let c = offered_category(py, &self.inner, category)?;
        Ok(conversions::texts(&self.inner, lang).description(c))
    }

    /// The declared cookies, in the order declared (the consent cookie
    /// first, as the library declares it, unless the site declares it),
    /// with their texts in the language that answers `lang`.
    #[pyo3(signature = (lang=None))]
    fn cookies(&self, lang: Option<&Bound<'_, PyString>>) -> Vec<DeclaredCookie> {
        let texts = conversions::texts(&self.inner, lang);
        self.inner
            .cookies()
            .iter()
            .map(|d| DeclaredCookie::new(&self.inner, &texts, d))
            .collect()
    }

    /// The name of the category a cookie name (str or bytes) falls under:
    /// an exact declaration, else the declared pattern with the longest
    /// prefix, compared byte for byte. None: the cookie is undeclared.
    fn classify(&self, cookie_name: &Bound<'_, PyAny>) -> PyResult<Option<String>> {
        let name = value_bytes(cookie_name)?;
        Ok(self.inner.classify(name.bytes()).map(|d| {
            let c = d.category();
            self.inner.name_of(c).map_or_else(|| c.to_string(), str::to_owned)
        }))
    }

    /// The declaration a cookie name (str or bytes) falls under, with its
    /// texts in the language that answers `lang`, or None (undeclared).
    #[pyo3(signature = (cookie_name, lang=None))]
    fn declaration(
        &self,
        cookie_name: &Bound<'_, PyAny>,
        lang: Option<&Bound<'_, PyString>>,
    ) -> PyResult<Option<DeclaredCookie>> {
        let name = value_bytes(cookie_name)?;
        Ok(self
            .inner
            .classify(name.bytes())
            .map(|d| DeclaredCookie::new(&self.inner, &conversions::texts(&self.inner, lang), d)))
    }

    /// What the policy does with cookies it does not declare: `"allow"`
    /// or `"block"`.
    #[getter]
    fn undeclared(&self) -> &'static str {
        self.inner.undeclared().as_str()
    }

    /// The cookie policy page in the language that answers `lang` (None:
    /// the default language): `"markdown"`, `"html"` (a fragment to embed
    /// under the page's own `<h1>`) or `"html_document"` (a whole page).
    #[pyo3(signature = (lang=None, format=PageFormat::HTML), text_signature = "($self, lang=None, format='html')")]
    fn page(&self, lang: Option<&Bound<'_, PyString>>, format: PageFormat) -> String {
        let language = conversions::texts(&self.inner, lang).language();
        self.inner.page(language, format.0)
    }

    /// The cookie policy page's title in the language that answers `lang`
    /// (`"Charte cookies"`, `"Cookie policy"`).
    #[pyo3(signature = (lang=None))]
    fn page_title(&self, lang: Option<&Bound<'_, PyString>>) -> &'static str {
        conversions::texts(&self.inner, lang).page_title()
    }
}
