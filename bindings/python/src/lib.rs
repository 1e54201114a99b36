//! `cookieprefs._native`: the Python binding of the cookieprefs core.
//!
//! A thin layer: every rule lives in the Rust core. Dates cross as
//! `datetime.date`, consent ids as `uuid.UUID`, errors as the exception
//! classes of `cookieprefs._errors` (one per `Error::kind()`).

use cookieprefs as core;
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::sync::GILOnceCell;
use pyo3::types::{PyBytes, PyDict, PyString};

/// Proleptic ordinal (`date.toordinal()`) of 2020-01-01, day 0 of the format.
const EPOCH_ORDINAL: i64 = 737_425;

static ERRORS: GILOnceCell<Py<PyModule>> = GILOnceCell::new();
static DATE: GILOnceCell<PyObject> = GILOnceCell::new();
static UUID: GILOnceCell<PyObject> = GILOnceCell::new();

/// The Python exception for a core error: `cookieprefs._errors.<Kind>Error(message)`.
fn py_err(py: Python<'_>, e: &core::Error) -> PyErr {
    let class_name: String = e
        .kind()
        .split('_')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map_or(String::new(), |f| f.to_ascii_uppercase().to_string() + c.as_str())
        })
        .chain(std::iter::once("Error".to_owned()))
        .collect();
    let made = ERRORS
        .get_or_try_init(py, || py.import("cookieprefs._errors").map(Bound::unbind))
        .and_then(|m| m.bind(py).getattr(class_name.as_str()))
        .and_then(|cls| cls.call1((e.to_string(),)));
    match made {
        Ok(exc) => PyErr::from_value(exc),
        Err(err) => err,
    }
}

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

fn to_date(py: Python<'_>, d: core::Date) -> PyResult<PyObject> {
    Ok(date_class(py)?
        .call_method1("fromordinal", (EPOCH_ORDINAL + i64::from(d.days_since_epoch()),))?
        .unbind())
}

/// A `datetime.date` (or `datetime.datetime`) as a format date; `None` → today (UTC).
fn from_date(py: Python<'_>, d: Option<&Bound<'_, PyAny>>) -> PyResult<core::Date> {
    let Some(d) = d.filter(|d| !d.is_none()) else {
        return Ok(core::Date::today());
    };
    if !d.is_instance(date_class(py)?)? {
        return Err(PyTypeError::new_err("expected a datetime.date"));
    }
    let ordinal: i64 = d.call_method0("toordinal")?.extract()?;
    let (y, m, dd): (i64, u32, u32) = (
        d.getattr("year")?.extract()?,
        d.getattr("month")?.extract()?,
        d.getattr("day")?.extract()?,
    );
    core::Date::from_unix_days(ordinal - EPOCH_ORDINAL + 18_262).map_err(|_| {
        py_err(
            py,
            &core::Error::DateOutOfRange {
                year: y,
                month: m,
                day: dd,
            },
        )
    })
}

/// A category given as an `int` id or a standard name.
fn category(py: Python<'_>, c: &Bound<'_, PyAny>) -> PyResult<core::Category> {
    if let Ok(id) = c.extract::<i64>() {
        let id = u8::try_from(id).map_err(|_| py_err(py, &core::Error::InvalidCategory { id }))?;
        return core::Category::new(id).map_err(|e| py_err(py, &e));
    }
    if let Ok(name) = c.downcast::<PyString>() {
        return name.to_str()?.parse().map_err(|e| py_err(py, &e));
    }
    Err(PyTypeError::new_err(
        "a category is an int id (0-63) or a standard name",
    ))
}

/// The bytes of a `str` or `bytes` value, zero-copy.
fn value_bytes<'a>(v: &'a Bound<'_, PyAny>) -> PyResult<&'a [u8]> {
    if let Ok(s) = v.downcast::<PyString>() {
        return Ok(s.to_str()?.as_bytes());
    }
    if let Ok(b) = v.downcast::<PyBytes>() {
        return Ok(b.as_bytes());
    }
    Err(PyTypeError::new_err("expected str or bytes"))
}

/// The state of a category.
#[pyclass(eq, eq_int, frozen, hash, module = "cookieprefs")]
#[allow(non_camel_case_types)] // Python spells enum members in capitals
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub enum State {
    /// Never asked, or the answer no longer counts.
    NOT_ASKED = 0,
    /// Refused.
    DENIED = 1,
    /// Accepted.
    GRANTED = 2,
}

impl State {
    fn of(s: core::State) -> State {
        match s {
            core::State::NotAsked => State::NOT_ASKED,
            core::State::Denied => State::DENIED,
            core::State::Granted => State::GRANTED,
        }
    }
    fn core(self) -> core::State {
        match self {
            State::NOT_ASKED => core::State::NotAsked,
            State::DENIED => core::State::Denied,
            State::GRANTED => core::State::Granted,
        }
    }
}

#[pymethods]
impl State {
    /// `"not_asked"`, `"denied"` or `"granted"`.
    fn __str__(&self) -> &'static str {
        self.core().as_str()
    }
}

/// How the choice was made.
#[pyclass(eq, eq_int, frozen, hash, module = "cookieprefs")]
#[allow(non_camel_case_types)] // Python spells enum members in capitals
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub enum Method {
    /// The cookie banner.
    BANNER = 0,
    /// The preferences page.
    PREFERENCES_PAGE = 1,
    /// A browser signal such as GPC.
    BROWSER_SIGNAL = 2,
    /// Imported from another tool.
    IMPORTED = 3,
}

#[pymethods]
impl Method {
    /// `"banner"`, `"preferences_page"`, `"browser_signal"` or `"imported"`.
    fn __str__(&self) -> &'static str {
        self.core().as_str()
    }
}

impl Method {
    fn of(m: core::Method) -> Method {
        match m {
            core::Method::Banner => Method::BANNER,
            core::Method::PreferencesPage => Method::PREFERENCES_PAGE,
            core::Method::BrowserSignal => Method::BROWSER_SIGNAL,
            core::Method::Imported => Method::IMPORTED,
        }
    }
    fn core(self) -> core::Method {
        core::Method::from_code(self as u8)
    }
}

/// A state given as a `State` or its name.
fn state_arg(py: Python<'_>, s: &Bound<'_, PyAny>) -> PyResult<core::State> {
    if let Ok(st) = s.extract::<State>() {
        return Ok(st.core());
    }
    if let Ok(name) = s.downcast::<PyString>() {
        return name.to_str()?.parse().map_err(|e| py_err(py, &e));
    }
    Err(PyTypeError::new_err(
        "a state is a State or one of 'granted', 'denied', 'not_asked'",
    ))
}

/// A visitor's cookie choices: one `cookies_preferences` value. Immutable.
#[pyclass(frozen, module = "cookieprefs")]
#[derive(Clone)]
pub struct Preferences {
    inner: core::Preferences,
}

#[pymethods]
impl Preferences {
    /// Builds a value; every rule is checked (see the exceptions).
    #[new]
    #[pyo3(signature = (*, categories=None, revision=0, created=None, updated=None, method=Method::BANNER, consent_id=None))]
    fn new(
        py: Python<'_>,
        categories: Option<&Bound<'_, PyDict>>,
        revision: i64,
        created: Option<&Bound<'_, PyAny>>,
        updated: Option<&Bound<'_, PyAny>>,
        method: Method,
        consent_id: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Preferences> {
        let updated = from_date(py, updated)?;
        let created = match created.filter(|c| !c.is_none()) {
            Some(c) => from_date(py, Some(c))?,
            None => updated,
        };
        let id = match consent_id.filter(|c| !c.is_none()) {
            None => None,
            Some(c) => {
                if !c.is_instance(uuid_class(py)?)? {
                    return Err(PyTypeError::new_err("consent_id must be a uuid.UUID"));
                }
                let b: [u8; 16] = c.getattr("bytes")?.extract()?;
                Some(core::ConsentId::from_bytes(b))
            }
        };
        let revision = u32::try_from(revision).unwrap_or(u32::MAX);
        let mut b = core::Preferences::builder(created)
            .updated(updated)
            .revision(revision)
            .method(method.core())
            .consent_id(id);
        if let Some(cats) = categories {
            for (k, v) in cats.iter() {
                b = b.set(category(py, &k)?, state_arg(py, &v)?);
            }
        }
        let inner = b.build().map_err(|e| py_err(py, &e))?;
        Ok(Preferences { inner })
    }

    /// The stored state of a category (an int id or a standard name).
    fn state(&self, py: Python<'_>, category: &Bound<'_, PyAny>) -> PyResult<State> {
        Ok(State::of(self.inner.state(self::category(py, category)?)))
    }

    /// The format version (1).
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
    fn created(&self, py: Python<'_>) -> PyResult<PyObject> {
        to_date(py, self.inner.created())
    }

    /// The day of the last change.
    #[getter]
    fn updated(&self, py: Python<'_>) -> PyResult<PyObject> {
        to_date(py, self.inner.updated())
    }

    /// How the choice was made.
    #[getter]
    fn method(&self) -> Method {
        Method::of(self.inner.method())
    }

    /// The consent id, or None.
    #[getter]
    fn consent_id(&self, py: Python<'_>) -> PyResult<Option<PyObject>> {
        self.inner
            .consent_id()
            .map(|id| {
                let kwargs = PyDict::new(py);
                kwargs.set_item("bytes", PyBytes::new(py, &id.to_bytes()))?;
                Ok(uuid_class(py)?.call((), Some(&kwargs))?.unbind())
            })
            .transpose()
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
fn decode(py: Python<'_>, value: &Bound<'_, PyAny>) -> PyResult<Preferences> {
    let bytes = value_bytes(value)?;
    core::decode(bytes)
        .map(|inner| Preferences { inner })
        .map_err(|e| py_err(py, &e))
}

/// Encodes a value.
#[pyfunction]
fn encode<'py>(py: Python<'py>, prefs: &Preferences) -> Bound<'py, PyString> {
    encoded(py, &prefs.inner)
}

/// The encoded value as a Python str, built from a stack buffer (no Rust heap).
fn encoded<'py>(py: Python<'py>, p: &core::Preferences) -> Bound<'py, PyString> {
    let mut buf = [0u8; core::MAX_ENCODED_LEN];
    let n = p.encode_into(&mut buf).unwrap_or(0);
    // The encoder writes only base64url ASCII.
    PyString::new(py, std::str::from_utf8(&buf[..n]).unwrap_or(""))
}

/// The position `(start, end)` of the first cookie named `name` in a
/// `Cookie:` header, or None.
#[pyfunction]
fn find_cookie(header: &Bound<'_, PyAny>, name: &str) -> PyResult<Option<(usize, usize)>> {
    Ok(core::find_cookie(value_bytes(header)?, name).map(|r| (r.start, r.end)))
}

/// A site's consent policy. Immutable; build it once.
#[pyclass(frozen, module = "cookieprefs")]
pub struct Policy {
    inner: core::Policy,
}

#[pymethods]
impl Policy {
    /// The default policy, or one from the keys of the policy JSON form
    /// (`revision`, `categories`, `max_age_days`, `gpc_categories`, `cookie`,
    /// `consent_mode`).
    #[new]
    #[pyo3(signature = (**kwargs))]
    fn new(py: Python<'_>, kwargs: Option<&Bound<'_, PyDict>>) -> PyResult<Policy> {
        match kwargs {
            None => Ok(Policy {
                inner: core::Policy::default(),
            }),
            Some(k) => {
                if !k.contains("revision")? {
                    k.set_item("revision", 0)?;
                }
                let json: String = py.import("json")?.call_method1("dumps", (k,))?.extract()?;
                Self::from_json(py, &json)
            }
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
        let json: String = py.import("json")?.call_method1("dumps", (d,))?.extract()?;
        Self::from_json(py, &json)
    }

    /// The JSON form, every field spelled out.
    fn to_json(&self) -> String {
        self.inner.to_json()
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

    /// The id of a category name (site names, standard names, ids), or None.
    fn category(&self, name: &str) -> Option<u8> {
        self.inner.category(name).map(core::Category::id)
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
        let v = value.filter(|v| !v.is_none()).map(value_bytes).transpose()?;
        Ok(Evaluation {
            inner: self.inner.evaluate_bytes(v, today, gpc),
        })
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
        let h = header.filter(|v| !v.is_none()).map(value_bytes).transpose()?;
        Ok(Evaluation {
            inner: self.inner.evaluate_header(h, today, gpc),
        })
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
}

/// The result of applying a policy to a request's cookie. Immutable.
#[pyclass(frozen, module = "cookieprefs")]
pub struct Evaluation {
    inner: core::Evaluation,
}

#[pymethods]
impl Evaluation {
    /// Whether the banner must be shown.
    #[getter]
    fn needs_banner(&self) -> bool {
        self.inner.needs_banner()
    }

    /// Why (`"no_choice"`, `"invalid_value"`, `"expired"`, `"policy_updated"`,
    /// `"new_category"`), or None.
    #[getter]
    fn reason(&self) -> Option<&'static str> {
        self.inner.banner_reason().map(core::BannerReason::as_str)
    }

    /// The exception for a rejected cookie value, or None.
    #[getter]
    fn error(&self, py: Python<'_>) -> Option<PyObject> {
        self.inner
            .error()
            .map(|e| py_err(py, e).into_value(py).into_any())
    }

    /// Whether GPC denied at least one category.
    #[getter]
    fn gpc_applied(&self) -> bool {
        self.inner.gpc_applied()
    }

    /// The effective state of a category (int id, standard or site name).
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
    /// the order ad_storage, ad_user_data, ad_personalization,
    /// analytics_storage, functionality_storage, personalization_storage,
    /// security_storage.
    fn consent_mode<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        for (t, v) in self.inner.consent_mode().iter() {
            d.set_item(t.as_str(), v)?;
        }
        Ok(d)
    }

    /// The stored value, when the cookie held a valid one.
    #[getter]
    fn stored(&self) -> Option<Preferences> {
        self.inner.stored().map(|p| Preferences { inner: *p })
    }

    /// The `Set-Cookie` header that refreshes the stored value, or None.
    fn set_cookie_header(&self) -> Option<String> {
        self.inner.set_cookie_header()
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
            .map(|inner| Preferences { inner })
            .map_err(|e| py_err(py, &e))
    }

    /// The JSON form (docs/FORMAT.md §7).
    fn to_json(&self) -> String {
        self.inner.to_json()
    }

    fn __repr__(&self) -> String {
        let reason = self
            .inner
            .banner_reason()
            .map_or_else(|| "None".to_owned(), |r| format!("{:?}", r.as_str()));
        let banner = if self.inner.needs_banner() {
            "True"
        } else {
            "False"
        };
        format!("Evaluation(needs_banner={banner}, reason={reason})")
    }
}

impl Evaluation {
    /// A category by id or by any name the policy knows.
    fn resolve(&self, py: Python<'_>, c: &Bound<'_, PyAny>) -> PyResult<core::Category> {
        if let Ok(name) = c.downcast::<PyString>() {
            let name = name.to_str()?;
            return self.inner.policy().category(name).ok_or_else(|| {
                py_err(
                    py,
                    &core::Error::UnknownCategory {
                        name: name.chars().take(64).collect(),
                    },
                )
            });
        }
        category(py, c)
    }
}

/// The native module.
#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("FORMAT_VERSION", core::FORMAT_VERSION)?;
    m.add("ERROR_KINDS", core::Error::KINDS.to_vec())?;
    m.add_class::<State>()?;
    m.add_class::<Method>()?;
    m.add_class::<Preferences>()?;
    m.add_class::<Policy>()?;
    m.add_class::<Evaluation>()?;
    m.add_function(wrap_pyfunction!(decode, m)?)?;
    m.add_function(wrap_pyfunction!(encode, m)?)?;
    m.add_function(wrap_pyfunction!(find_cookie, m)?)?;
    Ok(())
}
