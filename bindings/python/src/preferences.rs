//! `Preferences` (one cookie value), `decode`, `encode`, `find_cookie`.

use crate::conversions::{self, from_date, from_uuid, to_date, to_uuid, value_bytes};
use crate::enums::{Method, State};
use crate::errors::py_err;
use cookieprefs as core;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString};

/// A visitor's cookie choices: one `cookies_preferences` value. Immutable.
#[pyclass(frozen, module = "cookieprefs")]
#[derive(Clone)]
pub struct Preferences {
    pub(crate) inner: core::Preferences,
}

impl From<core::Preferences> for Preferences {
    fn from(inner: core::Preferences) -> Preferences {
        Preferences { inner }
    }
}

#[pymethods]
impl Preferences {
    /// Builds a value with the core's builder; every rule is checked (see
    /// the exceptions). What is not given keeps the builder's default.
    #[new]
    #[pyo3(signature = (*, categories=None, revision=None, created=None, updated=None, method=None, consent_id=None))]
    fn new(
        py: Python<'_>,
        categories: Option<&Bound<'_, PyDict>>,
        revision: Option<i64>,
        created: Option<&Bound<'_, PyAny>>,
        updated: Option<&Bound<'_, PyAny>>,
        method: Option<Method>,
        consent_id: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Preferences> {
        let updated = from_date(py, updated)?;
        let created = match created.filter(|c| !c.is_none()) {
            Some(c) => from_date(py, Some(c))?,
            None => updated,
        };
        let mut b = core::Preferences::builder(created)
            .updated(updated)
            .consent_id(from_uuid(py, consent_id)?);
        if let Some(revision) = revision {
            // The builder takes a u32 and checks the range; a negative
            // revision becomes one it refuses.
            b = b.revision(u32::try_from(revision).unwrap_or(u32::MAX));
        }
        if let Some(method) = method {
            b = b.method(method.core());
        }
        if let Some(cats) = categories {
            for (k, v) in cats.iter() {
                b = b.set(conversions::category(py, &k)?, conversions::state(py, &v)?);
            }
        }
        b.build().map(Preferences::from).map_err(|e| py_err(py, &e))
    }

    /// The stored state of a category (a `Category`, an int id or a standard name).
    fn state(&self, py: Python<'_>, category: &Bound<'_, PyAny>) -> PyResult<State> {
        Ok(State::of(self.inner.state(conversions::category(py, category)?)))
    }

    /// The format version.
    #[getter]
    fn version(&self) -> u8 {
        self.inner.version()
    }

    /// The policy revision the choice was made under.
    #[getter]
    fn revision(&self) -> u16 {
        self.inner.revision()
    }

    /// The day of the first choice.
    #[getter]
    fn created(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        to_date(py, self.inner.created())
    }

    /// The day of the last change.
    #[getter]
    fn updated(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        to_date(py, self.inner.updated())
    }

    /// How the choice was made.
    #[getter]
    fn method(&self) -> Method {
        Method::of(self.inner.method())
    }

    /// The consent id, or None.
    #[getter]
    fn consent_id(&self, py: Python<'_>) -> PyResult<Option<Py<PyAny>>> {
        self.inner.consent_id().map(|id| to_uuid(py, id)).transpose()
    }

    /// The decided categories in id order: {standard name or id as str: State}.
    #[getter]
    fn categories<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        for (c, s) in self.inner.decided() {
            d.set_item(c.to_string(), State::of(s))?;
        }
        Ok(d)
    }

    /// The encoded value.
    fn encode<'py>(&self, py: Python<'py>) -> Bound<'py, PyString> {
        encoded(py, &self.inner)
    }

    /// The JSON form (docs/FORMAT.md §7) as a dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py.import("json")?.call_method1("loads", (self.inner.to_json(),))
    }

    fn __str__(&self) -> String {
        self.inner.encode()
    }

    fn __repr__(&self) -> String {
        format!("Preferences({:?})", self.inner.encode())
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .extract::<PyRef<'_, Preferences>>()
            .is_ok_and(|o| o.inner == self.inner)
    }

    fn __hash__(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        self.inner.hash(&mut h);
        h.finish()
    }
}

/// Decodes a value (str or bytes); raises a `DecodeError` subclass if invalid.
#[pyfunction]
pub(crate) fn decode(py: Python<'_>, value: &Bound<'_, PyAny>) -> PyResult<Preferences> {
    core::decode(value_bytes(value)?.bytes())
        .map(Preferences::from)
        .map_err(|e| py_err(py, &e))
}

/// Encodes a value.
#[pyfunction]
pub(crate) fn encode<'py>(py: Python<'py>, prefs: &Preferences) -> Bound<'py, PyString> {
    encoded(py, &prefs.inner)
}

/// The encoded value as a Python str, built from a stack buffer (no Rust heap).
fn encoded<'py>(py: Python<'py>, p: &core::Preferences) -> Bound<'py, PyString> {
    let mut buf = [0u8; core::MAX_ENCODED_LEN];
    let n = p.encode_into(&mut buf).unwrap_or(0);
    // The encoder writes only base64url ASCII.
    PyString::new(py, std::str::from_utf8(&buf[..n]).unwrap_or(""))
}

/// The position `(start, end)` of the value of the first cookie named `name`
/// in a `Cookie:` header (quotes stripped), or None: `header[start:end]` is
/// the value. The offsets are in the header's own units: bytes for `bytes`,
/// code points for `str`.
#[pyfunction]
pub(crate) fn find_cookie(header: &Bound<'_, PyAny>, name: &str) -> PyResult<Option<(usize, usize)>> {
    let input = value_bytes(header)?;
    let bytes = input.bytes();
    let Some(r) = core::find_cookie(bytes, name) else {
        return Ok(None);
    };
    if !header.is_instance_of::<PyString>() {
        return Ok(Some((r.start, r.end)));
    }
    // The core's offsets are in the UTF-8 form; count code points up to them
    // (no copy). They sit next to `=`, `;`, `"` or an end: on code point
    // boundaries.
    let start = conversions::code_points(bytes, r.start);
    Ok(Some((
        start,
        start + conversions::code_points(&bytes[r.start..], r.end - r.start),
    )))
}
