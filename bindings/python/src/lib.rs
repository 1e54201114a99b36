//! `cookieprefs._native`: the Python binding of the cookieprefs core.
//!
//! A thin layer: every rule and every name lives in the Rust core. One file
//! per concept: `errors` (exception classes), `conversions` (dates, UUIDs,
//! category and state arguments, str/bytes, page formats), `enums` (State,
//! Method, Category), `preferences`, `policy`, `evaluation`,
//! `declared_cookie`, `import`. This file only builds the module.

mod conversions;
mod declared_cookie;
mod enums;
mod errors;
mod evaluation;
mod r#import;
mod policy;
mod preferences;

use cookieprefs as core;
use pyo3::exceptions::PyImportError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;

/// The `sys` module of the interpreter that first imported the module.
static OWNER: PyOnceLock<Py<PyModule>> = PyOnceLock::new();

/// Refuses a second interpreter in the process (a sub-interpreter, as
/// mod_wsgi makes per application group by default): the module's statics
/// (exception classes, `datetime.date`, `uuid.UUID`) hold the first
/// interpreter's objects. pyo3 0.23 refused this itself; since its
/// multi-phase initialization it no longer does, so the module says it.
fn check_interpreter(py: Python<'_>) -> PyResult<()> {
    let sys = py.import("sys")?;
    if OWNER.get_or_init(py, || sys.clone().unbind()).is(&sys) {
        return Ok(());
    }
    Err(PyImportError::new_err(
        "cookieprefs._native is already loaded by another Python interpreter in this process and \
         cannot be used from sub-interpreters (under mod_wsgi, set WSGIApplicationGroup %{GLOBAL})",
    ))
}

/// The native module (pyo3's `add` keeps its `__all__`).
#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    check_interpreter(m.py())?;
    errors::register(m)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("FORMAT_VERSION", core::FORMAT_VERSION)?;
    m.add("MAX_ENCODED_LEN", core::MAX_ENCODED_LEN)?;
    m.add("MAX_REVISION", core::MAX_REVISION)?;
    m.add("MAX_CATEGORY_ID", core::Category::MAX_ID)?;
    m.add("DEFAULT_COOKIE_NAME", core::DEFAULT_COOKIE_NAME)?;
    m.add("STANDARD_CATEGORIES", enums::standard_categories())?;
    m.add_class::<enums::State>()?;
    m.add_class::<enums::Method>()?;
    m.add_class::<enums::Category>()?;
    m.add_class::<preferences::Preferences>()?;
    m.add_class::<policy::Policy>()?;
    m.add_class::<evaluation::Evaluation>()?;
    m.add_class::<declared_cookie::DeclaredCookie>()?;
    m.add_function(wrap_pyfunction!(preferences::decode, m)?)?;
    m.add_function(wrap_pyfunction!(preferences::encode, m)?)?;
    m.add_function(wrap_pyfunction!(preferences::find_cookie, m)?)?;
    r#import::register(m)?;
    Ok(())
}
