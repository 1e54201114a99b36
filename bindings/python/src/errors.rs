//! Core errors as Python exceptions.
//!
//! One class per [`core::Error`] kind, made when the module is imported:
//! `cookieprefs.Error(ValueError)` at the root, `cookieprefs.DecodeError(Error)`
//! for the kinds the core calls value errors ([`core::Error::is_value_error`]),
//! and one subclass per kind with the kind in `.kind` and the core's message.

use cookieprefs as core;
use core::{Date, Error as E};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::sync::GILOnceCell;
use pyo3::types::{PyDict, PyTuple, PyType};

/// Makes an error of one kind (its fields do not matter).
type Sample = fn() -> E;

/// Every kind of the core: the Python class name and an error of that kind.
///
/// The class name is the only thing written here: the kind, whether the
/// class derives from `DecodeError` and the message all come from the core
/// (the sample is asked `kind()` and `is_value_error()`). The test suite
/// checks that every name of [`core::Error::KINDS`] has a class.
const CLASSES: &[(&str, Sample)] = &[
    ("EmptyError", || E::Empty),
    ("TooLongError", || E::TooLong { len: 0, max: 0 }),
    ("InvalidCharacterError", || E::InvalidCharacter {
        offset: 0,
        byte: 0,
    }),
    ("UnsupportedVersionError", || E::UnsupportedVersion { version: 0 }),
    ("TruncatedError", || E::Truncated { len: 0, expected: 0 }),
    ("TrailingDataError", || E::TrailingData { len: 0, expected: 0 }),
    ("ReservedBitsError", || E::ReservedBits { bits: 0 }),
    ("NonZeroPaddingError", || E::NonZeroPadding { offset: 0 }),
    ("InvalidStateError", || E::InvalidState { category: 0 }),
    ("NonMinimalSlotsError", || E::NonMinimalSlots { count: 0 }),
    ("DatesOutOfOrderError", || E::DatesOutOfOrder {
        created: Date::EPOCH,
        updated: Date::EPOCH,
    }),
    ("DateInFutureError", || E::DateInFuture {
        date: Date::EPOCH,
        today: Date::EPOCH,
    }),
    ("BufferTooSmallError", || E::BufferTooSmall { needed: 0, len: 0 }),
    ("InvalidCategoryError", || E::InvalidCategory { id: 0 }),
    ("UnknownCategoryError", || E::UnknownCategory {
        name: String::new(),
    }),
    ("NecessaryNotStoredError", || E::NecessaryNotStored),
    ("RevisionOutOfRangeError", || E::RevisionOutOfRange {
        revision: 0,
    }),
    ("DateOutOfRangeError", || E::DateOutOfRange {
        year: 0,
        month: 0,
        day: 0,
    }),
    ("InvalidDateError", || E::InvalidDate { text: String::new() }),
    ("InvalidConsentIdError", || E::InvalidConsentId {
        text: String::new(),
    }),
    ("UnknownNameError", || E::UnknownName {
        what: "",
        name: String::new(),
    }),
    ("InvalidPolicyError", || E::InvalidPolicy {
        reason: String::new(),
    }),
    ("CategoryNotOfferedError", || E::CategoryNotOffered {
        name: String::new(),
    }),
    ("InvalidJsonError", || E::InvalidJson {
        path: String::new(),
        reason: String::new(),
    }),
];

/// The exception classes, made once.
struct Classes {
    /// `cookieprefs.Error`.
    error: Py<PyType>,
    /// `cookieprefs.DecodeError`.
    decode_error: Py<PyType>,
    /// `(kind, class)` in the order of [`CLASSES`].
    by_kind: Vec<(&'static str, Py<PyType>)>,
}

static EXCEPTIONS: GILOnceCell<Classes> = GILOnceCell::new();

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
        .downcast_into::<PyType>()?)
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
        let by_kind = CLASSES
            .iter()
            .map(|(name, sample)| {
                let sample = sample();
                let base = if sample.is_value_error() {
                    &decode_error
                } else {
                    &error
                };
                let doc = format!("The core's `{}` error.", sample.kind());
                Ok((
                    sample.kind(),
                    new_class(py, name, base, sample.kind(), &doc)?.unbind(),
                ))
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
    let value_kinds: Vec<&str> = CLASSES
        .iter()
        .map(|(_, sample)| sample())
        .filter(core::Error::is_value_error)
        .map(|e| e.kind())
        .collect();
    m.add("VALUE_ERROR_KINDS", value_kinds)?;
    let by_kind = PyDict::new(py);
    for ((name, _), (kind, class)) in CLASSES.iter().zip(&c.by_kind) {
        m.add(*name, class.bind(py))?;
        by_kind.set_item(*kind, class.bind(py))?;
    }
    m.add("ERROR_CLASSES", by_kind)?;
    Ok(())
}
