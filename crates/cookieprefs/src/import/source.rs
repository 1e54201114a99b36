//! [`ImportSource`]: the consent tools whose cookies can be imported, and
//! [`SourceCookie`]: where a site's copy of the tool keeps its cookie.

use core::fmt;
use core::str::FromStr;

use crate::Error;

/// A consent tool whose stored answer [`import`](crate::import) reads
/// (`docs/FORMAT.md` §13).
///
/// ```
/// use cookieprefs::ImportSource;
/// let s: ImportSource = "onetrust".parse()?;
/// assert_eq!(s.cookie_name(), "OptanonConsent");
/// assert_eq!(s.companion_cookie_name(), Some("OptanonAlertBoxClosed"));
/// # Ok::<(), cookieprefs::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ImportSource {
    /// vanilla-cookieconsent (orestbida), `cc_cookie`, v2 and v3 layouts.
    VanillaCookieconsent,
    /// tarteaucitron.js, `tarteaucitron`.
    Tarteaucitron,
    /// klaro, `klaro`.
    Klaro,
    /// django-cookie-consent, `cookie_consent`.
    DjangoCookieConsent,
    /// GOV.UK, `cookies_policy` (with `cookies_preferences_set`).
    Govuk,
    /// The GOV.UK Design System site, `design_system_cookies_policy`.
    GovukDesignSystem,
    /// Cookiebot, `CookieConsent`.
    Cookiebot,
    /// OneTrust, `OptanonConsent` (with `OptanonAlertBoxClosed`).
    Onetrust,
    /// An IAB TCF v2 TC string, `euconsent-v2`.
    Tcf,
    /// An IAB GPP string, `__gpp` (its EU TCF v2 section).
    Gpp,
    /// Commanders Act TrustCommander, `TC_PRIVACY`.
    Trustcommander,
}

impl ImportSource {
    /// Every source, in the order [`import_header`](crate::import_header)
    /// tries them.
    pub const ALL: [ImportSource; 11] = [
        ImportSource::VanillaCookieconsent,
        ImportSource::Tarteaucitron,
        ImportSource::Klaro,
        ImportSource::DjangoCookieConsent,
        ImportSource::Govuk,
        ImportSource::GovukDesignSystem,
        ImportSource::Cookiebot,
        ImportSource::Onetrust,
        ImportSource::Tcf,
        ImportSource::Gpp,
        ImportSource::Trustcommander,
    ];

    /// The source's name: `vanilla-cookieconsent`, `tarteaucitron`,
    /// `klaro`, `django-cookie-consent`, `govuk`, `govuk-design-system`,
    /// `cookiebot`, `onetrust`, `tcf`, `gpp` or `trustcommander`.
    pub const fn as_str(self) -> &'static str {
        match self {
            ImportSource::VanillaCookieconsent => "vanilla-cookieconsent",
            ImportSource::Tarteaucitron => "tarteaucitron",
            ImportSource::Klaro => "klaro",
            ImportSource::DjangoCookieConsent => "django-cookie-consent",
            ImportSource::Govuk => "govuk",
            ImportSource::GovukDesignSystem => "govuk-design-system",
            ImportSource::Cookiebot => "cookiebot",
            ImportSource::Onetrust => "onetrust",
            ImportSource::Tcf => "tcf",
            ImportSource::Gpp => "gpp",
            ImportSource::Trustcommander => "trustcommander",
        }
    }

    /// The name of the tool's consent cookie when the site kept the
    /// tool's default (a policy may name another: [`SourceCookie`]).
    pub const fn cookie_name(self) -> &'static str {
        match self {
            ImportSource::VanillaCookieconsent => "cc_cookie",
            ImportSource::Tarteaucitron => "tarteaucitron",
            ImportSource::Klaro => "klaro",
            ImportSource::DjangoCookieConsent => "cookie_consent",
            ImportSource::Govuk => "cookies_policy",
            ImportSource::GovukDesignSystem => "design_system_cookies_policy",
            ImportSource::Cookiebot => "CookieConsent",
            ImportSource::Onetrust => "OptanonConsent",
            ImportSource::Tcf => "euconsent-v2",
            ImportSource::Gpp => "__gpp",
            ImportSource::Trustcommander => "TC_PRIVACY",
        }
    }

    /// The tool's second cookie, read with the first: OneTrust's
    /// `OptanonAlertBoxClosed` (the day the banner was closed) and GOV.UK's
    /// `cookies_preferences_set` (whether the visitor answered).
    pub const fn companion_cookie_name(self) -> Option<&'static str> {
        match self {
            ImportSource::Onetrust => Some("OptanonAlertBoxClosed"),
            ImportSource::Govuk => Some("cookies_preferences_set"),
            _ => None,
        }
    }
}

impl fmt::Display for ImportSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for ImportSource {
    type Err = Error;

    /// One of the names of [`ImportSource::as_str`]; anything else is
    /// [`Error::UnknownName`].
    fn from_str(s: &str) -> Result<ImportSource, Error> {
        ImportSource::ALL
            .into_iter()
            .find(|src| src.as_str() == s)
            .ok_or_else(|| Error::UnknownName {
                what: "import source",
                name: s.chars().take(64).collect(),
            })
    }
}

/// Where a site's copy of a consent tool keeps its cookie: its name (the
/// tool's default unless the site changed it), and the `Domain` and `Path`
/// it was set with, which deleting it needs.
///
/// ```
/// use cookieprefs::{ImportSource, SourceCookie};
/// let c = SourceCookie::new("cc_cookie").domain(".example.org");
/// assert_eq!(c.deletion_header(),
///     "cc_cookie=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/; Domain=.example.org");
/// assert_eq!(SourceCookie::default_for(ImportSource::Klaro).name(), "klaro");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct SourceCookie {
    pub(crate) name: String,
    pub(crate) domain: Option<String>,
    pub(crate) path: String,
}

impl SourceCookie {
    /// A cookie of this name, host-only, `Path=/`.
    pub fn new(name: impl Into<String>) -> SourceCookie {
        SourceCookie {
            name: name.into(),
            domain: None,
            path: "/".to_owned(),
        }
    }

    /// The tool's default cookie.
    pub fn default_for(source: ImportSource) -> SourceCookie {
        SourceCookie::new(source.cookie_name())
    }

    /// Sets the `Domain` the cookie was set with.
    #[must_use]
    pub fn domain(mut self, domain: impl Into<String>) -> SourceCookie {
        self.domain = Some(domain.into());
        self
    }

    /// Sets the `Path` the cookie was set with (default `/`).
    #[must_use]
    pub fn path(mut self, path: impl Into<String>) -> SourceCookie {
        self.path = path.into();
        self
    }

    /// The cookie's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Its `Domain`, if it was set with one.
    pub fn domain_attribute(&self) -> Option<&str> {
        self.domain.as_deref()
    }

    /// Its `Path`.
    pub fn path_attribute(&self) -> &str {
        &self.path
    }

    /// The same cookie under another name (a tool's companion cookie lives
    /// beside its main one).
    pub(crate) fn renamed(&self, name: &str) -> SourceCookie {
        SourceCookie {
            name: name.to_owned(),
            domain: self.domain.clone(),
            path: self.path.clone(),
        }
    }

    /// The `Set-Cookie` header value that deletes the cookie: empty value,
    /// `Max-Age=0`, an `Expires` in 1970, its `Path` and its `Domain`.
    pub fn deletion_header(&self) -> String {
        let mut s = format!(
            "{}=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path={}",
            self.name, self.path
        );
        if let Some(d) = &self.domain {
            s.push_str("; Domain=");
            s.push_str(d);
        }
        s
    }
}
