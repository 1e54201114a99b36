//! The cookie inventory of a policy: the cookies a site declares, by exact
//! name or name prefix, and which declaration a cookie name falls under
//! (`docs/FORMAT.md` §12, "Classifying a cookie").

use crate::language::{shorten, Text};
use crate::quote::Quoted;
use crate::sort::sort_by;
use crate::Category;

/// Longest declared name or pattern, in bytes.
pub const MAX_COOKIE_NAME_LEN: usize = 128;
/// Longest retention a declaration may state, in days: browsers cap a
/// cookie's lifetime at 400 days (RFC 6265bis).
pub const MAX_RETENTION_DAYS: u16 = 400;
/// Most cookies a policy may declare.
pub const MAX_DECLARED_COOKIES: usize = 1024;

/// How long a declared cookie is kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Retention {
    /// Until the browser session ends (no `Max-Age`/`Expires`).
    Session,
    /// This many days (1–400).
    Days(u16),
}

/// What a policy does with a cookie it does not declare.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Undeclared {
    /// Undeclared cookies may be set (the default: enforcement only
    /// concerns what the site declared).
    #[default]
    Allow,
    /// Undeclared cookies are refused, like a category that is not granted.
    Block,
}

impl Undeclared {
    /// `"allow"` or `"block"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Undeclared::Allow => "allow",
            Undeclared::Block => "block",
        }
    }
}

impl core::str::FromStr for Undeclared {
    type Err = crate::Error;

    /// `allow` or `block`, ASCII case-insensitive.
    fn from_str(s: &str) -> Result<Undeclared, crate::Error> {
        if s.eq_ignore_ascii_case("allow") {
            Ok(Undeclared::Allow)
        } else if s.eq_ignore_ascii_case("block") {
            Ok(Undeclared::Block)
        } else {
            Err(crate::Error::UnknownName {
                what: "undeclared setting",
                name: shorten(s),
            })
        }
    }
}

/// One cookie of the site's declaration: its name (exact, or a prefix
/// pattern ending in `*`), its category and what the cookie policy page says
/// of it.
///
/// ```
/// use cookieprefs::{Category, DeclaredCookie, Retention, Text};
/// let ga = DeclaredCookie::new("_ga*", Category::STATISTICS)
///     .provider(Text::same("Google"))
///     .purpose(Text::new().with("en", "Tells visitors apart").with("fr", "Distingue les visiteurs"))
///     .retention(Retention::Days(395))
///     .domain(".example.org");
/// assert!(ga.is_pattern());
/// assert!(ga.matches(b"_ga_X1Y2"));
/// assert!(!ga.matches(b"_GA"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeclaredCookie {
    pub(crate) name: String,
    pub(crate) category: Category,
    pub(crate) provider: Text,
    pub(crate) service: Text,
    pub(crate) purpose: Text,
    pub(crate) retention: Option<Retention>,
    pub(crate) domain: Option<String>,
    pub(crate) path: String,
    /// The library's own declaration of the consent cookie, added when the
    /// site does not declare it (never written to the JSON form).
    pub(crate) implicit: bool,
}

impl DeclaredCookie {
    /// A declaration with no texts, no retention, no domain and path `/`.
    pub fn new(name: impl Into<String>, category: Category) -> DeclaredCookie {
        DeclaredCookie {
            name: name.into(),
            category,
            provider: Text::new(),
            service: Text::new(),
            purpose: Text::new(),
            retention: None,
            domain: None,
            path: "/".to_owned(),
            implicit: false,
        }
    }

    /// Who sets the cookie (the seeds' "Nom du prestataire").
    #[must_use]
    pub fn provider(mut self, text: Text) -> DeclaredCookie {
        self.provider = text;
        self
    }

    /// The service and where it runs (the seeds' "Service et emplacement").
    #[must_use]
    pub fn service(mut self, text: Text) -> DeclaredCookie {
        self.service = text;
        self
    }

    /// Why the cookie is set (the seeds' "Finalités").
    #[must_use]
    pub fn purpose(mut self, text: Text) -> DeclaredCookie {
        self.purpose = text;
        self
    }

    /// How long the cookie is kept.
    #[must_use]
    pub fn retention(mut self, retention: Retention) -> DeclaredCookie {
        self.retention = Some(retention);
        self
    }

    /// The `Domain` the cookie is set with (needed to delete it).
    #[must_use]
    pub fn domain(mut self, domain: impl Into<String>) -> DeclaredCookie {
        self.domain = Some(domain.into());
        self
    }

    /// The `Path` the cookie is set with (default `/`; needed to delete it).
    #[must_use]
    pub fn path(mut self, path: impl Into<String>) -> DeclaredCookie {
        self.path = path.into();
        self
    }

    /// The name as declared: exact (`sessionid`) or a pattern (`_ga*`).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Whether the name is a prefix pattern (ends in `*`).
    pub fn is_pattern(&self) -> bool {
        self.name.ends_with('*')
    }

    /// The category the cookie belongs to (`necessary` included).
    pub fn category(&self) -> Category {
        self.category
    }

    /// The provider as given (see [`PolicyTexts`](crate::PolicyTexts) for
    /// the text a visitor reads).
    pub fn provider_text(&self) -> &Text {
        &self.provider
    }

    /// The service as given.
    pub fn service_text(&self) -> &Text {
        &self.service
    }

    /// The purpose as given.
    pub fn purpose_text(&self) -> &Text {
        &self.purpose
    }

    /// How long the cookie is kept, if declared.
    pub fn retention_period(&self) -> Option<Retention> {
        self.retention
    }

    /// The declared `Domain`, if any.
    pub fn domain_attribute(&self) -> Option<&str> {
        self.domain.as_deref()
    }

    /// The declared `Path`.
    pub fn path_attribute(&self) -> &str {
        &self.path
    }

    /// Whether this is the library's own declaration of the consent cookie,
    /// present because the site did not declare it.
    pub fn is_implicit(&self) -> bool {
        self.implicit
    }

    /// Whether a cookie name falls under this declaration: the same bytes
    /// for an exact name, the same leading bytes for a pattern (`_ga*`
    /// matches `_ga`, `_ga_X1`; never `_GA`).
    pub fn matches(&self, name: &[u8]) -> bool {
        match self.name.strip_suffix('*') {
            Some(prefix) => name.starts_with(prefix.as_bytes()),
            None => name == self.name.as_bytes(),
        }
    }
}

/// An RFC 6265 token byte.
pub(crate) fn is_token_byte(b: u8) -> bool {
    b.is_ascii_graphic() && !b"()<>@,;:\\\"/[]?={}".contains(&b)
}

/// Rule 9a: a token of 1–128 bytes with no `*`, or such a token followed by
/// one `*`.
pub(crate) fn check_name(name: &str) -> Result<(), String> {
    let stem = name.strip_suffix('*').unwrap_or(name);
    if stem.is_empty()
        || name.len() > MAX_COOKIE_NAME_LEN
        || !stem.bytes().all(|b| is_token_byte(b) && b != b'*')
    {
        return Err(format!(
            "cookie name {} must be a cookie name (RFC 6265 token, 1-{MAX_COOKIE_NAME_LEN} bytes) \
             or a prefix followed by one * (\"_ga*\")",
            Quoted(&shorten(name))
        ));
    }
    Ok(())
}

/// The declarations a cookie name falls under, most specific first: the
/// exact declaration, then patterns from the longest prefix down.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Inventory {
    pub(crate) cookies: Vec<DeclaredCookie>,
    /// Indices of exact names, sorted by name.
    exact: Vec<usize>,
    /// Indices of patterns, longest prefix first.
    patterns: Vec<usize>,
}

impl Inventory {
    pub(crate) fn new(cookies: Vec<DeclaredCookie>) -> Inventory {
        let mut exact: Vec<usize> = (0..cookies.len()).filter(|&i| !cookies[i].is_pattern()).collect();
        sort_by(&mut exact, |&a, &b| cookies[a].name.cmp(&cookies[b].name));
        let mut patterns: Vec<usize> = (0..cookies.len()).filter(|&i| cookies[i].is_pattern()).collect();
        sort_by(&mut patterns, |&a, &b| {
            cookies[b]
                .name
                .len()
                .cmp(&cookies[a].name.len())
                .then_with(|| cookies[a].name.cmp(&cookies[b].name))
        });
        Inventory {
            cookies,
            exact,
            patterns,
        }
    }

    /// The declaration `name` falls under: an exact declaration, else the
    /// pattern with the longest prefix. Never allocates.
    pub(crate) fn classify(&self, name: &[u8]) -> Option<&DeclaredCookie> {
        if let Ok(i) = self
            .exact
            .binary_search_by(|&i| self.cookies[i].name.as_bytes().cmp(name))
        {
            return Some(&self.cookies[self.exact[i]]);
        }
        self.patterns
            .iter()
            .map(|&i| &self.cookies[i])
            .find(|c| c.matches(name))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_match_wins() {
        let inv = Inventory::new(vec![
            DeclaredCookie::new("_ga*", Category::STATISTICS),
            DeclaredCookie::new("_gat*", Category::THIRD_PARTY),
            DeclaredCookie::new("_ga", Category::FIRST_PARTY),
            DeclaredCookie::new("sessionid", Category::NECESSARY),
        ]);
        let cat = |n: &[u8]| inv.classify(n).map(|c| c.category.id());
        assert_eq!(cat(b"_ga"), Some(2));
        assert_eq!(cat(b"_ga_123"), Some(1));
        assert_eq!(cat(b"_gat_UA-1"), Some(3));
        assert_eq!(cat(b"_gat"), Some(3));
        assert_eq!(cat(b"_g"), None);
        assert_eq!(cat(b"sessionid"), Some(0));
        assert_eq!(cat(b"SESSIONID"), None);
        assert_eq!(cat(b""), None);
    }

    #[test]
    fn names() {
        for ok in ["a", "_pk_id.*", "_ga*", "x!#$%&'+-.^_`|~", "sessionid"] {
            assert!(check_name(ok).is_ok(), "{ok}");
        }
        for bad in ["", "*", "a**", "*a", "a b", "a;b", "a=b", "é", "a*b*"] {
            assert!(check_name(bad).is_err(), "{bad}");
        }
    }
}
