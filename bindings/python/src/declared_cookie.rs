//! `DeclaredCookie`: one cookie of a policy's declaration, with its texts in
//! one of the policy's languages. Every value is the core's: the category's
//! name on the policy, the texts after the core's fallback, the retention as
//! the cookie policy page writes it.

use cookieprefs as core;
use pyo3::prelude::*;
use pyo3::types::PyString;

/// How long a declared cookie is kept: days, the browser session, or not
/// stated.
#[derive(Clone, Copy, PartialEq, Eq, Hash, IntoPyObject)]
enum Retention {
    /// A number of days (an `int`).
    Days(u16),
    /// `"session"`.
    Session(&'static str),
}

/// One cookie the policy declares: its name (exact, or a prefix pattern
/// ending in `*`), its category and what the cookie policy page says of it,
/// in one language. Immutable; from `Policy.cookies()`.
#[pyclass(frozen, eq, hash, module = "cookieprefs")]
#[derive(PartialEq, Eq, Hash)]
pub struct DeclaredCookie {
    /// The name as declared: exact (`"sessionid"`) or a pattern (`"_ga*"`).
    #[pyo3(get)]
    name: String,
    /// Whether `name` is a prefix pattern (ends in `*`).
    #[pyo3(get)]
    is_pattern: bool,
    /// The category's name on the policy (`"necessary"` included).
    #[pyo3(get)]
    category: String,
    /// Who sets the cookie, in the language asked for (core fallback).
    #[pyo3(get)]
    provider: String,
    /// The service the cookie belongs to and where it runs.
    #[pyo3(get)]
    service: String,
    /// Why the cookie is set.
    #[pyo3(get)]
    purpose: String,
    retention: Option<Retention>,
    /// The retention as the cookie policy page writes it (`"14 jours"`,
    /// `"Browser session"`, `"Not stated"`).
    #[pyo3(get)]
    retention_text: String,
    /// The `Domain` the cookie is set with, or None.
    #[pyo3(get)]
    domain: Option<String>,
    /// The `Path` the cookie is set with.
    #[pyo3(get)]
    path: String,
    /// Whether this is the library's own declaration of the consent cookie,
    /// present because the site did not declare it.
    #[pyo3(get)]
    implicit: bool,
}

impl DeclaredCookie {
    /// A declaration of `policy`, with its texts from `texts`.
    pub(crate) fn new(
        policy: &core::Policy,
        texts: &core::PolicyTexts<'_>,
        d: &core::DeclaredCookie,
    ) -> DeclaredCookie {
        let category = d.category();
        DeclaredCookie {
            name: d.name().to_owned(),
            is_pattern: d.is_pattern(),
            // A declaration's category is always one the policy offers (or
            // `necessary`), so it has a name there.
            category: policy
                .name_of(category)
                .map_or_else(|| category.to_string(), str::to_owned),
            provider: texts.provider(d).to_owned(),
            service: texts.service(d).to_owned(),
            purpose: texts.purpose(d).to_owned(),
            retention: d.retention_period().map(|r| match r {
                core::Retention::Days(n) => Retention::Days(n),
                core::Retention::Session => Retention::Session("session"),
            }),
            retention_text: texts.retention(d.retention_period()),
            domain: d.domain_attribute().map(str::to_owned),
            path: d.path_attribute().to_owned(),
            implicit: d.is_implicit(),
        }
    }
}

#[pymethods]
impl DeclaredCookie {
    /// How long the cookie is kept: a number of days, `"session"`, or None
    /// when the declaration does not say.
    #[getter]
    fn retention(&self) -> Option<Retention> {
        self.retention
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let repr = |s: &str| -> PyResult<String> { Ok(PyString::new(py, s).repr()?.to_str()?.to_owned()) };
        let retention = match self.retention {
            None => "None".to_owned(),
            Some(Retention::Days(n)) => n.to_string(),
            Some(Retention::Session(s)) => repr(s)?,
        };
        Ok(format!(
            "DeclaredCookie(name={}, category={}, provider={}, retention={retention})",
            repr(&self.name)?,
            repr(&self.category)?,
            repr(&self.provider)?,
        ))
    }
}
