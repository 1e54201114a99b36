//! Core errors as Python exceptions.
//!
//! One class per [`core::Error`] kind, made when the module is imported:
//! `cookieprefs.Error(ValueError)` at the root, `cookieprefs.DecodeError(Error)`
//! for the kinds the core calls value errors ([`core::Error::VALUE_KINDS`]),
//! and one subclass per kind with the kind in `.kind` and the core's message.

use cookieprefs as core;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyTuple, PyType};

/// The Python class name of each kind, in the order of [`core::Error::KINDS`]
/// (the array's length is that table's, so a new core kind does not compile
/// until it has a class here).
///
/// The class name is the only thing written here: the kind, whether the
/// class derives from `DecodeError` ([`core::Error::VALUE_KINDS`]) and the
/// message all come from the core. A test checks each name is the kind in
/// CamelCase plus `Error`.
const CLASS_NAMES: [&str; core::Error::KINDS.len()] = [
    "EmptyError",
    "TooLongError",
    "InvalidCharacterError",
    "UnsupportedVersionError",
    "TruncatedError",
    "TrailingDataError",
    "ReservedBitsError",
    "NonZeroPaddingError",
    "InvalidStateError",
    "NonMinimalSlotsError",
    "DatesOutOfOrderError",
    "DateInFutureError",
    "BufferTooSmallError",
    "InvalidCategoryError",
    "UnknownCategoryError",
    "NecessaryNotStoredError",
    "RevisionOutOfRangeError",
    "DateOutOfRangeError",
    "InvalidDateError",
    "InvalidConsentIdError",
    "UnknownNameError",
    "InvalidPolicyError",
    "CategoryNotOfferedError",
    "InvalidJsonError",
    "RevisionInFutureError",
];

/// `(kind, class name)` for every kind of the core.
fn kinds() -> impl Iterator<Item = (&'static str, &'static str)> {
    core::Error::KINDS.iter().copied().zip(CLASS_NAMES)
}

/// The exception classes, made once.
struct Classes {
    /// `cookieprefs.Error`.
    error: Py<PyType>,
    /// `cookieprefs.DecodeError`.
    decode_error: Py<PyType>,
    /// `(kind, class)` in the order of [`core::Error::KINDS`].
    by_kind: Vec<(&'static str, Py<PyType>)>,
}

static EXCEPTIONS: PyOnceLock<Classes> = PyOnceLock::new();

/// `type(name, (base,), {...})` in module `cookieprefs`.
fn new_class<'py>(
    py: Python<'py>,
    name: &str,
    base: &Bound<'py, PyType>,
    kind: &str,
    doc: &str,
) -> PyResult<Bound<'py, PyType>> {
    let ns = PyDict::new(py);
    ns.set_item("__module__", "cookieprefs")?;
    ns.set_item("__doc__", doc)?;
    ns.set_item("kind", kind)?;
    let bases = PyTuple::new(py, [base])?;
    Ok(py
        .get_type::<PyType>()
        .call1((name, bases, ns))?
        .cast_into::<PyType>()?)
}

fn classes(py: Python<'_>) -> PyResult<&Classes> {
    EXCEPTIONS.get_or_try_init(py, || {
        let error = new_class(
            py,
            "Error",
            &py.get_type::<PyValueError>(),
            "error",
            "Base class of every cookieprefs error; `kind` names the core's error kind.",
        )?;
        let decode_error = new_class(
            py,
            "DecodeError",
            &error,
            "error",
            "A cookie value that is not a valid, canonical value (a value error of the core).",
        )?;
        let by_kind = kinds()
            .map(|(kind, name)| {
                let base = if core::Error::VALUE_KINDS.contains(&kind) {
                    &decode_error
                } else {
                    &error
                };
                let doc = format!("The core's `{kind}` error.");
                Ok((kind, new_class(py, name, base, kind, &doc)?.unbind()))
            })
            .collect::<PyResult<Vec<_>>>()?;
        Ok(Classes {
            error: error.unbind(),
            decode_error: decode_error.unbind(),
            by_kind,
        })
    })
}

/// The Python exception for a core error: the class of its kind, called with
/// the core's message.
pub(crate) fn py_err(py: Python<'_>, e: &core::Error) -> PyErr {
    let made = classes(py).and_then(|c| {
        let class = c
            .by_kind
            .iter()
            .find(|(k, _)| *k == e.kind())
            .map_or(&c.error, |(_, class)| class);
        class.bind(py).call1((e.to_string(),))
    });
    match made {
        Ok(exc) => PyErr::from_value(exc),
        Err(err) => err,
    }
}

/// Adds `Error`, `DecodeError`, one class per kind, `ERROR_KINDS`,
/// `VALUE_ERROR_KINDS` and `ERROR_CLASSES` (kind → class) to the module.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    let c = classes(py)?;
    m.add("Error", c.error.bind(py))?;
    m.add("DecodeError", c.decode_error.bind(py))?;
    m.add("ERROR_KINDS", core::Error::KINDS.to_vec())?;
    m.add("VALUE_ERROR_KINDS", core::Error::VALUE_KINDS.to_vec())?;
    let by_kind = PyDict::new(py);
    for ((_, name), (kind, class)) in kinds().zip(&c.by_kind) {
        m.add(name, class.bind(py))?;
        by_kind.set_item(*kind, class.bind(py))?;
    }
    m.add("ERROR_CLASSES", by_kind)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    /// Each class name is its kind in CamelCase plus `Error`.
    #[test]
    fn class_names_follow_the_kinds() {
        for (kind, name) in super::kinds() {
            let camel: String = kind.split('_').map(|w| w[..1].to_uppercase() + &w[1..]).collect();
            assert_eq!(name, format!("{camel}Error"), "{kind}");
        }
    }
}
