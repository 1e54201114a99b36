//! `State`, `Method` and `Category`: Python enums over the core's, with the
//! core's codes, ids and names.

use cookieprefs as core;
use pyo3::prelude::*;

/// The state of a category.
#[pyclass(eq, eq_int, frozen, hash, from_py_object, module = "cookieprefs")]
#[allow(non_camel_case_types, clippy::upper_case_acronyms)] // Python spells enum members in capitals
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub enum State {
    /// Never asked, or the answer no longer counts.
    NOT_ASKED = core::State::NotAsked as isize,
    /// Refused.
    DENIED = core::State::Denied as isize,
    /// Accepted.
    GRANTED = core::State::Granted as isize,
}

impl State {
    pub(crate) fn of(s: core::State) -> State {
        match s {
            core::State::NotAsked => State::NOT_ASKED,
            core::State::Denied => State::DENIED,
            core::State::Granted => State::GRANTED,
        }
    }

    pub(crate) fn core(self) -> core::State {
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
#[pyclass(eq, eq_int, frozen, hash, from_py_object, module = "cookieprefs")]
#[allow(non_camel_case_types, clippy::upper_case_acronyms)] // Python spells enum members in capitals
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub enum Method {
    /// The cookie banner.
    BANNER = core::Method::Banner as isize,
    /// The preferences page.
    PREFERENCES_PAGE = core::Method::PreferencesPage as isize,
    /// A browser signal such as GPC.
    BROWSER_SIGNAL = core::Method::BrowserSignal as isize,
    /// Imported from another tool.
    IMPORTED = core::Method::Imported as isize,
}

#[pymethods]
impl Method {
    /// `"banner"`, `"preferences_page"`, `"browser_signal"` or `"imported"`.
    fn __str__(&self) -> &'static str {
        self.core().as_str()
    }
}

impl Method {
    pub(crate) fn of(m: core::Method) -> Method {
        match m {
            core::Method::Banner => Method::BANNER,
            core::Method::PreferencesPage => Method::PREFERENCES_PAGE,
            core::Method::BrowserSignal => Method::BROWSER_SIGNAL,
            core::Method::Imported => Method::IMPORTED,
        }
    }

    pub(crate) fn core(self) -> core::Method {
        match self {
            Method::BANNER => core::Method::Banner,
            Method::PREFERENCES_PAGE => core::Method::PreferencesPage,
            Method::BROWSER_SIGNAL => core::Method::BrowserSignal,
            Method::IMPORTED => core::Method::Imported,
        }
    }
}

/// The standard categories (`core::Category::STANDARD`). Site-defined
/// categories are ints 16-63, or their names in the site's `Policy`.
#[pyclass(eq, eq_int, frozen, hash, from_py_object, module = "cookieprefs")]
#[allow(non_camel_case_types, clippy::upper_case_acronyms)] // Python spells enum members in capitals
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub enum Category {
    /// Session, language, CSRF, the choice cookie itself: no consent needed.
    NECESSARY = core::Category::NECESSARY.id() as isize,
    /// Audience measurement.
    STATISTICS = core::Category::STATISTICS.id() as isize,
    /// Set by the site itself beyond necessity.
    FIRST_PARTY = core::Category::FIRST_PARTY.id() as isize,
    /// Set by or for another site (ad networks, embeds).
    THIRD_PARTY = core::Category::THIRD_PARTY.id() as isize,
}

impl Category {
    pub(crate) fn core(self) -> core::Category {
        match self {
            Category::NECESSARY => core::Category::NECESSARY,
            Category::STATISTICS => core::Category::STATISTICS,
            Category::FIRST_PARTY => core::Category::FIRST_PARTY,
            Category::THIRD_PARTY => core::Category::THIRD_PARTY,
        }
    }
}

#[pymethods]
impl Category {
    /// The id, so that a `Category` goes wherever an int id does.
    fn __index__(&self) -> u8 {
        self.core().id()
    }

    /// The category id.
    #[getter]
    fn id(&self) -> u8 {
        self.core().id()
    }

    /// The standard name: `"necessary"`, `"statistics"`, `"first_party"`,
    /// `"third_party"`.
    fn __str__(&self) -> String {
        self.core().to_string()
    }
}

/// `[(standard name, id)]` of `core::Category::STANDARD`, in id order.
pub(crate) fn standard_categories() -> Vec<(&'static str, u8)> {
    core::Category::STANDARD
        .iter()
        .filter_map(|c| c.standard_name().map(|n| (n, c.id())))
        .collect()
}
