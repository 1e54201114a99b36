//! Importing another consent tool's cookie (`docs/FORMAT.md` §13):
//! `import_cookie`, `import_header`, and their two results, `Imported` and
//! `ImportSkip` (falsy: nothing imported, and why). Every rule is the core's.

use crate::conversions::{from_date, opt_value_bytes, value_bytes, Input};
use crate::errors::py_err;
use crate::policy::Policy;
use crate::preferences::Preferences;
use cookieprefs as core;
use pyo3::prelude::*;
use pyo3::types::PyString;

/// A foreign cookie imported as a value. Truthy.
#[pyclass(frozen, module = "cookieprefs")]
pub struct Imported {
    inner: core::Imported,
}

#[pymethods]
impl Imported {
    /// The imported value (method ``imported``, the policy's revision).
    #[getter]
    fn preferences(&self) -> Preferences {
        Preferences {
            inner: *self.inner.preferences(),
        }
    }

    /// The tool it came from (``"onetrust"``, ...).
    #[getter]
    fn source(&self) -> &'static str {
        self.inner.source().as_str()
    }

    /// The tool's items no mapping covers: not imported, reported.
    #[getter]
    fn unmapped(&self) -> Vec<String> {
        self.inner.unmapped().to_vec()
    }

    /// The tool's cookies to delete, as (name, domain or None, path).
    #[getter]
    fn source_cookies(&self) -> Vec<(String, Option<String>, String)> {
        self.inner
            .source_cookies()
            .iter()
            .map(|c| {
                (
                    c.name().to_owned(),
                    c.domain_attribute().map(str::to_owned),
                    c.path_attribute().to_owned(),
                )
            })
            .collect()
    }

    /// The ``Set-Cookie`` header values that delete the tool's cookies.
    #[getter]
    fn deletion_headers(&self) -> Vec<String> {
        self.inner.deletion_headers()
    }

    fn __bool__(&self) -> bool {
        true
    }

    fn __repr__(&self) -> String {
        format!(
            "<Imported {} from {} unmapped={:?}>",
            self.inner.preferences(),
            self.inner.source(),
            self.inner.unmapped()
        )
    }
}

/// Nothing imported, and why (``kind``: ``not_found``, ``not_answered``,
/// ...). Falsy.
#[pyclass(frozen, module = "cookieprefs")]
pub struct ImportSkip {
    inner: core::ImportSkip,
}

#[pymethods]
impl ImportSkip {
    /// The reason's stable name.
    #[getter]
    fn kind(&self) -> &'static str {
        self.inner.kind()
    }

    /// The reason, for people.
    #[getter]
    fn message(&self) -> String {
        self.inner.to_string()
    }

    /// For ``nothing_mapped``: the items no mapping covers.
    #[getter]
    fn unmapped(&self) -> Vec<String> {
        match &self.inner {
            core::ImportSkip::NothingMapped { unmapped } => unmapped.clone(),
            _ => Vec::new(),
        }
    }

    fn __bool__(&self) -> bool {
        false
    }

    fn __repr__(&self) -> String {
        format!("<ImportSkip {}: {}>", self.inner.kind(), self.inner)
    }
}

fn result(py: Python<'_>, r: Result<core::Imported, core::ImportSkip>) -> PyResult<Py<PyAny>> {
    Ok(match r {
        Ok(inner) => Py::new(py, Imported { inner })?.into_any(),
        Err(inner) => Py::new(py, ImportSkip { inner })?.into_any(),
    })
}

/// Imports one cookie of another consent tool: ``source`` names the tool
/// (``"onetrust"``, ...), ``value`` is its cookie's value (str or bytes),
/// ``companion`` the value of its second cookie (OneTrust's
/// ``OptanonAlertBoxClosed``, GOV.UK's ``cookies_preferences_set``).
/// Returns an ``Imported``, or an ``ImportSkip`` saying why nothing is.
#[pyfunction]
#[pyo3(signature = (source, value, policy, today=None, *, companion=None, drop_id=false))]
pub fn import_cookie(
    py: Python<'_>,
    source: &Bound<'_, PyString>,
    value: &Bound<'_, PyAny>,
    policy: &Policy,
    today: Option<&Bound<'_, PyAny>>,
    companion: Option<&Bound<'_, PyAny>>,
    drop_id: bool,
) -> PyResult<Py<PyAny>> {
    let source: core::ImportSource = source.to_str()?.parse().map_err(|e| py_err(py, &e))?;
    let today = from_date(py, today)?;
    let value = value_bytes(value)?;
    let companion = opt_value_bytes(companion)?;
    let mut options = core::ImportOptions::new().drop_consent_id(drop_id);
    if let Some(c) = &companion {
        options = options.companion(c.bytes());
    }
    result(
        py,
        core::import(source, value.bytes(), &policy.inner, today, &options),
    )
}

/// Finds a known tool's consent cookie in a whole ``Cookie:`` header (str,
/// bytes, or None) and imports it; an ``Imported`` or an ``ImportSkip``.
#[pyfunction]
#[pyo3(signature = (header, policy, today=None, *, drop_id=false))]
pub fn import_header(
    py: Python<'_>,
    header: Option<&Bound<'_, PyAny>>,
    policy: &Policy,
    today: Option<&Bound<'_, PyAny>>,
    drop_id: bool,
) -> PyResult<Py<PyAny>> {
    let today = from_date(py, today)?;
    let header = opt_value_bytes(header)?;
    let options = core::ImportOptions::new().drop_consent_id(drop_id);
    let bytes = header.as_ref().map_or(&b""[..], Input::bytes);
    result(py, core::import_header(bytes, &policy.inner, today, &options))
}

/// The names of the sources, and of the reasons to skip.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add(
        "IMPORT_SOURCES",
        core::ImportSource::ALL.map(core::ImportSource::as_str).to_vec(),
    )?;
    m.add("IMPORT_SKIP_KINDS", core::ImportSkip::KINDS.to_vec())?;
    m.add_class::<Imported>()?;
    m.add_class::<ImportSkip>()?;
    m.add_function(wrap_pyfunction!(import_cookie, m)?)?;
    m.add_function(wrap_pyfunction!(import_header, m)?)?;
    Ok(())
}
