//! How the visitor made the choice: [`Method`], two bits of the value.

use core::fmt;
use core::str::FromStr;

use crate::Error;

/// How the visitor made the choice (2 bits in the value).
///
/// ```
/// use cookieprefs::Method;
/// assert_eq!("preferences_page".parse::<Method>()?, Method::PreferencesPage);
/// # Ok::<(), cookieprefs::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
#[repr(u8)]
pub enum Method {
    /// The cookie banner (code 0).
    #[default]
    Banner = 0,
    /// The site's cookie preferences page (code 1).
    PreferencesPage = 1,
    /// A browser signal such as Global Privacy Control, confirmed by the visitor (code 2).
    BrowserSignal = 2,
    /// Imported from another consent tool (code 3).
    Imported = 3,
}

impl Method {
    /// `"banner"`, `"preferences_page"`, `"browser_signal"` or `"imported"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Method::Banner => "banner",
            Method::PreferencesPage => "preferences_page",
            Method::BrowserSignal => "browser_signal",
            Method::Imported => "imported",
        }
    }

    /// The method of a 2-bit code.
    pub const fn from_code(code: u8) -> Method {
        match code & 3 {
            0 => Method::Banner,
            1 => Method::PreferencesPage,
            2 => Method::BrowserSignal,
            _ => Method::Imported,
        }
    }
}

impl Method {
    /// The four methods, in code order.
    pub const ALL: [Method; 4] = [
        Method::Banner,
        Method::PreferencesPage,
        Method::BrowserSignal,
        Method::Imported,
    ];
}

impl TryFrom<u8> for Method {
    type Error = Error;

    /// The method of a code `0..=3` (a binding's integer); any other code is
    /// [`Error::UnknownName`].
    ///
    /// ```
    /// use cookieprefs::Method;
    /// assert_eq!(Method::try_from(3)?, Method::Imported);
    /// assert_eq!(Method::try_from(4).unwrap_err().kind(), "unknown_name");
    /// # Ok::<(), cookieprefs::Error>(())
    /// ```
    fn try_from(code: u8) -> Result<Method, Error> {
        Method::ALL
            .get(usize::from(code))
            .copied()
            .ok_or_else(|| Error::UnknownName {
                what: "method",
                name: code.to_string(),
            })
    }
}

impl fmt::Display for Method {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Method {
    type Err = Error;
    fn from_str(s: &str) -> Result<Method, Error> {
        match s {
            "banner" => Ok(Method::Banner),
            "preferences_page" => Ok(Method::PreferencesPage),
            "browser_signal" => Ok(Method::BrowserSignal),
            "imported" => Ok(Method::Imported),
            _ => Err(Error::UnknownName {
                what: "method",
                name: s.chars().take(64).collect(),
            }),
        }
    }
}
