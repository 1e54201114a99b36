//! Python values to and from core values: dates, consent ids, category and
//! state arguments, `str`/`bytes` inputs. Every rule (the date range, the
//! category ids and names, the state names) is the core's.

use crate::enums::{Category, State};
use crate::errors::py_err;
use cookieprefs as core;
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBytes, PyDict, PyString};

static DATE: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
static UUID: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

fn date_class(py: Python<'_>) -> PyResult<&Bound<'_, PyAny>> {
    DATE.get_or_try_init(py, || {
        Ok::<_, PyErr>(py.import("datetime")?.getattr("date")?.unbind())
    })
    .map(|c| c.bind(py))
}

fn uuid_class(py: Python<'_>) -> PyResult<&Bound<'_, PyAny>> {
    UUID.get_or_try_init(py, || {
        Ok::<_, PyErr>(py.import("uuid")?.getattr("UUID")?.unbind())
    })
    .map(|c| c.bind(py))
}

/// A core date as a `datetime.date`.
pub(crate) fn to_date(py: Python<'_>, d: core::Date) -> PyResult<Py<PyAny>> {
    let (year, month, day) = d.ymd();
    Ok(date_class(py)?.call1((year, month, day))?.unbind())
}

/// A `datetime.date` (or `datetime.datetime`) as a core date, through
/// [`core::Date::from_ymd`]; `None` → today (UTC).
pub(crate) fn from_date(py: Python<'_>, d: Option<&Bound<'_, PyAny>>) -> PyResult<core::Date> {
    let Some(d) = d.filter(|d| !d.is_none()) else {
        return Ok(core::Date::today());
    };
    if !d.is_instance(date_class(py)?)? {
        return Err(PyTypeError::new_err("expected a datetime.date"));
    }
    core::Date::from_ymd(
        d.getattr("year")?.extract()?,
        d.getattr("month")?.extract()?,
        d.getattr("day")?.extract()?,
    )
    .map_err(|e| py_err(py, &e))
}

/// A consent id as a `uuid.UUID`.
pub(crate) fn to_uuid(py: Python<'_>, id: core::ConsentId) -> PyResult<Py<PyAny>> {
    let kwargs = PyDict::new(py);
    kwargs.set_item("bytes", PyBytes::new(py, &id.to_bytes()))?;
    Ok(uuid_class(py)?.call((), Some(&kwargs))?.unbind())
}

/// A `uuid.UUID` (or None) as a consent id.
pub(crate) fn from_uuid(py: Python<'_>, id: Option<&Bound<'_, PyAny>>) -> PyResult<Option<core::ConsentId>> {
    let Some(id) = id.filter(|c| !c.is_none()) else {
        return Ok(None);
    };
    if !id.is_instance(uuid_class(py)?)? {
        return Err(PyTypeError::new_err("consent_id must be a uuid.UUID"));
    }
    let b: [u8; 16] = id.getattr("bytes")?.extract()?;
    Ok(Some(core::ConsentId::from_bytes(b)))
}

/// A category given as a `Category`, an `int` id or a standard name (the
/// core's `FromStr`: standard names and decimal ids).
pub(crate) fn category(py: Python<'_>, c: &Bound<'_, PyAny>) -> PyResult<core::Category> {
    if let Ok(c) = c.extract::<Category>() {
        return Ok(c.core());
    }
    if let Ok(id) = c.extract::<i64>() {
        return core::Category::try_from(id).map_err(|e| py_err(py, &e));
    }
    if let Ok(name) = c.cast::<PyString>() {
        return name.to_str()?.parse().map_err(|e| py_err(py, &e));
    }
    Err(PyTypeError::new_err(
        "a category is a Category, an int id (0-63) or a standard name",
    ))
}

/// A category by id or by any name `policy` knows; a name it does not know
/// goes to the core's parser (a standard name the policy does not offer is
/// still that category: the core then says it is not offered).
pub(crate) fn policy_category(
    py: Python<'_>,
    policy: &core::Policy,
    c: &Bound<'_, PyAny>,
) -> PyResult<core::Category> {
    if let Ok(name) = c.cast::<PyString>() {
        if let Some(found) = policy.category(name.to_str()?) {
            return Ok(found);
        }
    }
    category(py, c)
}

/// A state given as a `State` or its name.
pub(crate) fn state(py: Python<'_>, s: &Bound<'_, PyAny>) -> PyResult<core::State> {
    if let Ok(st) = s.extract::<State>() {
        return Ok(st.core());
    }
    if let Ok(name) = s.cast::<PyString>() {
        return name.to_str()?.parse().map_err(|e| py_err(py, &e));
    }
    Err(PyTypeError::new_err(
        "a state is a State or one of 'granted', 'denied', 'not_asked'",
    ))
}

/// The bytes of a `str` or `bytes` value, zero-copy.
pub(crate) fn value_bytes<'a>(v: &'a Bound<'_, PyAny>) -> PyResult<&'a [u8]> {
    if let Ok(s) = v.cast::<PyString>() {
        return Ok(s.to_str()?.as_bytes());
    }
    if let Ok(b) = v.cast::<PyBytes>() {
        return Ok(b.as_bytes());
    }
    Err(PyTypeError::new_err("expected str or bytes"))
}

/// The bytes of an optional `str` or `bytes` value (None stays None).
pub(crate) fn opt_value_bytes<'a>(v: Option<&'a Bound<'_, PyAny>>) -> PyResult<Option<&'a [u8]>> {
    v.filter(|v| !v.is_none()).map(value_bytes).transpose()
}
