//! Python values to and from core values: dates, consent ids, category and
//! state arguments, `str`/`bytes` inputs. Every rule (the date range, the
//! category ids and names, the state names) is the core's.

use crate::enums::{Category, State};
use crate::errors::py_err;
use cookieprefs as core;
use pyo3::exceptions::PyTypeError;
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBool, PyBytes, PyDict, PyInt, PyString};
use std::borrow::Cow;

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
///
/// A `bool` is not an id (Python's `True` is an `int`, but `[true]` posted as
/// JSON is not "statistics"). An `int` of any size reaches the core's
/// `TryFrom<i64>`: one beyond `i64` is saturated, so the core refuses it as
/// out of range like any other.
pub(crate) fn category(py: Python<'_>, c: &Bound<'_, PyAny>) -> PyResult<core::Category> {
    if let Ok(c) = c.extract::<Category>() {
        return Ok(c.core());
    }
    if c.is_instance_of::<PyBool>() {
        return Err(PyTypeError::new_err(
            "a bool is not a category: use a Category, an int id (0-63) or a standard name",
        ));
    }
    if let Ok(int) = c.cast::<PyInt>() {
        let id = match int.extract::<i64>() {
            Ok(id) => id,
            // Only an int beyond i64 fails to convert: saturate towards its sign.
            Err(_) if int.lt(0)? => i64::MIN,
            Err(_) => i64::MAX,
        };
        return core::Category::try_from(id).map_err(|e| py_err(py, &e));
    }
    if let Ok(id) = c.extract::<i64>() {
        // Other integers (`__index__`, e.g. numpy's).
        return core::Category::try_from(id).map_err(|e| py_err(py, &e));
    }
    if let Ok(name) = c.cast::<PyString>() {
        return text(name).parse().map_err(|e| py_err(py, &e));
    }
    Err(PyTypeError::new_err(
        "a category is a Category, an int id (0-63) or a standard name",
    ))
}

/// The text of a name given by a caller (a category or state name). A `str`
/// that is not valid Unicode (lone surrogates, e.g. from JSON's `"\ud800"`)
/// cannot be any name: it is read with U+FFFD in their place, so the core
/// refuses it as an unknown name instead of Python raising
/// `UnicodeEncodeError`.
pub(crate) fn text<'a>(s: &'a Bound<'_, PyString>) -> Cow<'a, str> {
    match s.to_str() {
        Ok(t) => Cow::Borrowed(t),
        Err(_) => s.to_string_lossy(),
    }
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
        if let Some(found) = policy.category(&text(name)) {
            return Ok(found);
        }
    }
    category(py, c)
}

/// A category reference resolved by the core's [`core::Policy::resolve`]
/// (a site name, a standard name or a decimal id of a category the policy
/// offers, or `necessary`); a `Category` or an `int` is checked by the core
/// like a name (see [`category`]) and then resolved by its standard name or
/// id, so a category the policy does not offer is an error.
pub(crate) fn offered_category(
    py: Python<'_>,
    policy: &core::Policy,
    c: &Bound<'_, PyAny>,
) -> PyResult<core::Category> {
    let resolved = match c.cast::<PyString>() {
        Ok(name) => policy.resolve(&text(name)),
        Err(_) => policy.resolve(&category(py, c)?.to_string()),
    };
    resolved.map_err(|e| py_err(py, &e))
}

/// A policy's texts in the language that best answers `lang` (a tag such
/// as `fr`, `fr-CA` or Django's `fr_CA`; the core negotiates), or in the
/// policy's default language for None.
pub(crate) fn texts<'p>(
    policy: &'p core::Policy,
    lang: Option<&Bound<'_, PyString>>,
) -> core::PolicyTexts<'p> {
    match lang {
        Some(lang) => policy.texts(&text(lang)),
        None => policy.texts(policy.languages().first().map_or("", String::as_str)),
    }
}

/// A cookie policy page format by name: `"markdown"`, `"html"` (a fragment
/// to embed) or `"html_document"` (a whole page), read by the core.
pub(crate) struct PageFormat(pub(crate) core::PageFormat);

impl PageFormat {
    /// The default of `Policy.page`.
    pub(crate) const HTML: PageFormat = PageFormat(core::PageFormat::Html);
}

impl FromPyObject<'_, '_> for PageFormat {
    type Error = PyErr;

    fn extract(obj: Borrowed<'_, '_, PyAny>) -> PyResult<PageFormat> {
        let Ok(name) = obj.cast::<PyString>() else {
            return Err(PyTypeError::new_err(
                "a page format is one of 'markdown', 'html', 'html_document'",
            ));
        };
        text(&name)
            .parse()
            .map(PageFormat)
            .map_err(|e| py_err(obj.py(), &e))
    }
}

/// A state given as a `State` or its name.
pub(crate) fn state(py: Python<'_>, s: &Bound<'_, PyAny>) -> PyResult<core::State> {
    if let Ok(st) = s.extract::<State>() {
        return Ok(st.core());
    }
    if let Ok(name) = s.cast::<PyString>() {
        return text(name).parse().map_err(|e| py_err(py, &e));
    }
    Err(PyTypeError::new_err(
        "a state is a State or one of 'granted', 'denied', 'not_asked'",
    ))
}

/// The bytes of a `str` or `bytes` input (a cookie value or a `Cookie:`
/// header), for the core, which reads bytes.
///
/// `bytes` and an ASCII `str` are read in place. Any other `str` is read as
/// its UTF-8 form (which CPython makes once and keeps with the string; the
/// stable ABI offers no other view of its text). A `str` that has no UTF-8
/// form, because it holds lone surrogates (what `surrogateescape` makes of
/// undecodable bytes, e.g. a CGI script's headers), is encoded with
/// `surrogatepass`: never an exception, and since a surrogate is never part of
/// a valid value or cookie name, the core fails closed on it.
pub(crate) enum Input<'a, 'py> {
    /// Read in place (`bytes`, or a `str`'s UTF-8 form).
    Borrowed(&'a [u8]),
    /// A `str` with lone surrogates, encoded with `surrogatepass`.
    Encoded(Bound<'py, PyBytes>),
}

impl Input<'_, '_> {
    /// The bytes the core reads.
    pub(crate) fn bytes(&self) -> &[u8] {
        match self {
            Input::Borrowed(b) => b,
            Input::Encoded(b) => b.as_bytes(),
        }
    }
}

/// The bytes of a `str` or `bytes` value (see [`Input`]).
pub(crate) fn value_bytes<'a, 'py>(v: &'a Bound<'py, PyAny>) -> PyResult<Input<'a, 'py>> {
    if let Ok(s) = v.cast::<PyString>() {
        if let Ok(t) = s.to_str() {
            return Ok(Input::Borrowed(t.as_bytes()));
        }
        let encoded = s.call_method1(intern!(v.py(), "encode"), ("utf-8", "surrogatepass"))?;
        return Ok(Input::Encoded(encoded.cast_into::<PyBytes>()?));
    }
    if let Ok(b) = v.cast::<PyBytes>() {
        return Ok(Input::Borrowed(b.as_bytes()));
    }
    Err(PyTypeError::new_err("expected str or bytes"))
}

/// The bytes of an optional `str` or `bytes` value (None stays None).
pub(crate) fn opt_value_bytes<'a, 'py>(v: Option<&'a Bound<'py, PyAny>>) -> PyResult<Option<Input<'a, 'py>>> {
    v.filter(|v| !v.is_none()).map(value_bytes).transpose()
}

/// The number of code points in `bytes[..end]`, for bytes made by
/// [`value_bytes`] from a `str` (UTF-8, or UTF-8 with `surrogatepass`: one
/// lead byte per code point), without copying.
pub(crate) fn code_points(bytes: &[u8], end: usize) -> usize {
    bytes[..end]
        .iter()
        .filter(|&&b| !(0x80..0xC0).contains(&b))
        .count()
}
