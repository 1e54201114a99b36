//! The cookie declaration part of a policy, as given to the builder, and
//! its rules (7–9 of `docs/FORMAT.md` §6): languages, category texts, the
//! cookie inventory.

use crate::cookie_header::check_cookie;
use crate::cookie_inventory::{
    check_name, DeclaredCookie, Inventory, Retention, Undeclared, MAX_DECLARED_COOKIES, MAX_RETENTION_DAYS,
};
use crate::language::{check_languages, shorten, Text};
use crate::policy_builder::CategoryRef;
use crate::policy_texts::CategoryTexts;
use crate::quote::Quoted;
use crate::{Category, CookieAttributes, Error, PolicyCategory};

/// A declared cookie as given: its category still a reference, its
/// retention still unchecked.
#[derive(Debug, Clone)]
pub(crate) struct RawCookie {
    /// Every field but the category and the retention.
    pub(crate) cookie: DeclaredCookie,
    pub(crate) category: CategoryRef,
    pub(crate) retention: Option<RawRetention>,
}

impl RawCookie {
    /// A declaration from the Rust API, to be checked like any other.
    pub(crate) fn from_checked(cookie: DeclaredCookie) -> RawCookie {
        RawCookie {
            category: CategoryRef::Category(cookie.category),
            retention: cookie.retention.map(|r| match r {
                Retention::Session => RawRetention::Text("session".to_owned()),
                Retention::Days(d) => RawRetention::Days(i64::from(d)),
            }),
            cookie,
        }
    }
}

/// A retention as given.
#[derive(Debug, Clone)]
pub(crate) enum RawRetention {
    Days(i64),
    Text(String),
}

/// The declaration as given to the builder.
#[derive(Debug, Clone, Default)]
pub(crate) struct RawDeclaration {
    pub(crate) languages: Option<Vec<String>>,
    /// Texts by category id in the order they are checked: `necessary`,
    /// then the offered categories in the order given, then texts of
    /// categories the builder was never given (refused).
    pub(crate) texts: Vec<(Category, CategoryTexts)>,
    pub(crate) cookies: Vec<RawCookie>,
    pub(crate) undeclared: Undeclared,
}

/// The declaration, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Declaration {
    pub(crate) languages: Vec<String>,
    pub(crate) texts: Vec<(Category, CategoryTexts)>,
    pub(crate) inventory: Inventory,
    pub(crate) undeclared: Undeclared,
}

/// The languages of a policy that does not list any.
pub(crate) const DEFAULT_LANGUAGES: [&str; 2] = ["en", "fr"];

fn invalid(reason: String) -> Error {
    Error::InvalidPolicy { reason }
}

impl RawDeclaration {
    /// Rules 7 (languages), 8 (category texts) and 9 (cookies), in order.
    pub(crate) fn check(
        self,
        categories: &[PolicyCategory],
        offered: u64,
        consent_cookie: &CookieAttributes,
        max_age_days: u16,
    ) -> Result<Declaration, Error> {
        let languages = match &self.languages {
            Some(given) => check_languages(given).map_err(invalid)?,
            None => DEFAULT_LANGUAGES.map(str::to_owned).to_vec(),
        };
        let mut texts = Vec::with_capacity(self.texts.len());
        for (category, mut t) in self.texts {
            let name = CategoryRef::Category(category).resolve(categories, offered, true)?;
            let what = format!("category {}", Quoted(&label_name(categories, name)));
            t.label
                .check(&languages, &format_args!("{what} label"))
                .map_err(invalid)?;
            t.description
                .check(&languages, &format_args!("{what} description"))
                .map_err(invalid)?;
            sort_languages(&mut t.label, &languages);
            sort_languages(&mut t.description, &languages);
            if !t.label.is_empty() || !t.description.is_empty() {
                texts.push((category, t));
            }
        }
        if self.cookies.len() > MAX_DECLARED_COOKIES {
            return Err(invalid(format!(
                "cookies: at most {MAX_DECLARED_COOKIES} cookies may be declared, found {}",
                self.cookies.len()
            )));
        }
        let mut cookies: Vec<DeclaredCookie> = Vec::with_capacity(self.cookies.len() + 1);
        for (i, raw) in self.cookies.into_iter().enumerate() {
            let c = check_cookie_entry(i, raw, &cookies, categories, offered, consent_cookie, &languages)?;
            cookies.push(c);
        }
        if !cookies.iter().any(|c| c.name == consent_cookie.name) {
            let mut own = DeclaredCookie::new(consent_cookie.name.clone(), Category::NECESSARY)
                .retention(Retention::Days(max_age_days))
                .path(consent_cookie.path.clone());
            own.domain.clone_from(&consent_cookie.domain);
            own.implicit = true;
            cookies.insert(0, own);
        }
        Ok(Declaration {
            languages,
            texts,
            inventory: Inventory::new(cookies),
            undeclared: self.undeclared,
        })
    }
}

fn label_name(categories: &[PolicyCategory], c: Category) -> String {
    categories
        .iter()
        .find(|p| p.category == c)
        .map_or_else(|| c.to_string(), |p| p.name.clone())
}

/// Texts written in the policy's language order, so that equal policies
/// compare equal whatever order their texts were given in.
fn sort_languages(text: &mut Text, languages: &[String]) {
    let mut pairs: Vec<(String, String)> = text
        .by_language()
        .map(|(l, t)| (l.to_owned(), t.to_owned()))
        .collect();
    crate::sort::sort_by_key(&mut pairs, |(l, _)| languages.iter().position(|x| x == l));
    let mut sorted = match text.same_text() {
        Some(s) => Text::same(s),
        None => Text::new(),
    };
    for (l, t) in pairs {
        sorted = sorted.with(l, t);
    }
    *text = sorted;
}

/// Rules 9a–9g for one declared cookie, given the ones before it.
fn check_cookie_entry(
    i: usize,
    raw: RawCookie,
    before: &[DeclaredCookie],
    categories: &[PolicyCategory],
    offered: u64,
    consent_cookie: &CookieAttributes,
    languages: &[String],
) -> Result<DeclaredCookie, Error> {
    let mut c = raw.cookie;
    let at = format!("cookies[{i}] {}", Quoted(&shorten(&c.name)));
    check_name(&c.name).map_err(|e| invalid(format!("cookies[{i}]: {e}")))?;
    c.category = raw.category.resolve(categories, offered, true)?;
    if c.name == consent_cookie.name && c.category != Category::NECESSARY {
        return Err(invalid(format!(
            "{at}: the consent cookie must be declared necessary: it only records the visitor's choice"
        )));
    }
    if let Some(other) = before.iter().position(|b| b.name == c.name) {
        return Err(invalid(format!(
            "{at}: declared twice (cookies[{other}] has the same name); a name or pattern may be declared once"
        )));
    }
    for (field, text) in [
        ("provider", &mut c.provider),
        ("service", &mut c.service),
        ("purpose", &mut c.purpose),
    ] {
        text.check(languages, &format_args!("{at} {field}"))
            .map_err(invalid)?;
        sort_languages(text, languages);
    }
    c.retention = match raw.retention {
        None => None,
        Some(RawRetention::Text(s)) if s == "session" => Some(Retention::Session),
        Some(RawRetention::Days(d)) if (1..=i64::from(MAX_RETENTION_DAYS)).contains(&d) => {
            Some(Retention::Days(d as u16))
        }
        Some(other) => {
            let shown = match other {
                RawRetention::Days(d) => d.to_string(),
                RawRetention::Text(s) => Quoted(&shorten(&s)).to_string(),
            };
            return Err(invalid(format!(
                "{at}: retention {shown} must be a number of days 1-{MAX_RETENTION_DAYS} or \"session\""
            )));
        }
    };
    // The domain and path follow the consent cookie's rules (rule 6).
    let attrs = CookieAttributes {
        name: "x".to_owned(),
        domain: c.domain.clone(),
        path: c.path.clone(),
        ..CookieAttributes::default()
    };
    check_cookie(&attrs).map_err(|e| invalid(format!("{at}: {e}")))?;
    Ok(c)
}
