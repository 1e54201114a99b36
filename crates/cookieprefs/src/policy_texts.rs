//! What a visitor reads, in one of the policy's languages: the labels and
//! descriptions of categories and the texts of declared cookies, each with
//! the fallback of `docs/FORMAT.md` §12 ("Texts").

use crate::cookie_inventory::{DeclaredCookie, Undeclared};
use crate::default_texts::{self, Key};
use crate::language::{negotiate, Text};
use crate::{Category, Policy};

/// The texts a policy gives a category: label and description (either may
/// be absent).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct CategoryTexts {
    pub(crate) label: Text,
    pub(crate) description: Text,
}

/// A policy's texts in one of its languages; from [`Policy::texts`].
///
/// Every lookup follows the same fallback: the site's text in this
/// language, the library's, the site's text in the policy's default
/// language, the library's, the library's English text; then a category's
/// name for a label and an empty text for anything else. The library has
/// French and English texts for the four standard categories and for its
/// own cookie.
///
/// ```
/// # #[cfg(feature = "json-text")] {
/// use cookieprefs::{Category, Policy};
/// let policy = Policy::from_json(r#"{
///     "languages": ["fr", "en"],
///     "categories": [{"id": 1, "name": "statistics", "label": {"fr": "Mesure d'audience"}}]
/// }"#)?;
/// let fr = policy.texts("fr-FR");
/// assert_eq!(fr.language(), "fr");
/// assert_eq!(fr.label(Category::STATISTICS), "Mesure d'audience");
/// assert_eq!(policy.texts("en").label(Category::STATISTICS), "Statistics cookies");
/// assert_eq!(policy.texts("de").language(), "fr");
/// # }
/// # Ok::<(), cookieprefs::Error>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub struct PolicyTexts<'p> {
    policy: &'p Policy,
    language: usize,
}

impl<'p> PolicyTexts<'p> {
    /// The policy language these texts are in (one of
    /// [`Policy::languages`]).
    pub fn language(&self) -> &'p str {
        &self.policy.inner.languages[self.language]
    }

    /// A category's label (`necessary` included).
    pub fn label(&self, category: Category) -> &'p str {
        let given = self.policy.category_texts(category).map(|t| &t.label);
        self.lookup(given, Some(Key::Label(category)))
            .or_else(|| self.policy.name_of(category))
            .or(category.standard_name())
            .unwrap_or_default()
    }

    /// A category's description; empty when neither the site nor the
    /// library has one.
    pub fn description(&self, category: Category) -> &'p str {
        let given = self.policy.category_texts(category).map(|t| &t.description);
        self.lookup(given, Some(Key::Description(category))).unwrap_or("")
    }

    /// Who sets a declared cookie.
    pub fn provider(&self, cookie: &'p DeclaredCookie) -> &'p str {
        self.cookie_text(cookie, &cookie.provider, Key::ConsentProvider)
    }

    /// The service a declared cookie belongs to, and where it runs.
    pub fn service(&self, cookie: &'p DeclaredCookie) -> &'p str {
        self.cookie_text(cookie, &cookie.service, Key::ConsentService)
    }

    /// Why a declared cookie is set.
    pub fn purpose(&self, cookie: &'p DeclaredCookie) -> &'p str {
        self.cookie_text(cookie, &cookie.purpose, Key::ConsentPurpose)
    }

    fn cookie_text(&self, cookie: &'p DeclaredCookie, text: &'p Text, key: Key) -> &'p str {
        let own = cookie.name == self.policy.inner.cookie.name;
        self.lookup(Some(text), own.then_some(key)).unwrap_or("")
    }

    /// The fallback chain over the site's text and the library's.
    fn lookup(&self, given: Option<&'p Text>, key: Option<Key>) -> Option<&'p str> {
        let languages = &self.policy.inner.languages;
        let site = |l: &str| given.and_then(|t| t.get(l));
        let library = |l: &str| key.and_then(|k| default_texts::get(k, l));
        let here = &languages[self.language];
        let default = &languages[0];
        site(here)
            .or_else(|| library(here))
            .or_else(|| site(default))
            .or_else(|| library(default))
            .or_else(|| library("en"))
    }
}

impl Policy {
    /// The languages of the policy's texts, lowercase; the first is the
    /// default (`["en", "fr"]` unless the policy says otherwise).
    pub fn languages(&self) -> &[String] {
        &self.inner.languages
    }

    /// The policy's texts in the language that best answers `requested`
    /// (a tag such as `fr`, `fr-CA` or Django's `fr_CA`): the same tag, else
    /// its primary subtag, else a listed tag with the same primary subtag,
    /// else the default language.
    pub fn texts(&self, requested: &str) -> PolicyTexts<'_> {
        PolicyTexts {
            policy: self,
            language: negotiate(&self.inner.languages, requested),
        }
    }

    /// The label a site gave a category, as given (see [`Policy::texts`] for
    /// what a visitor reads).
    pub fn label_text(&self, category: Category) -> Option<&Text> {
        self.category_texts(category)
            .map(|t| &t.label)
            .filter(|t| !t.is_empty())
    }

    /// The description a site gave a category, as given.
    pub fn description_text(&self, category: Category) -> Option<&Text> {
        self.category_texts(category)
            .map(|t| &t.description)
            .filter(|t| !t.is_empty())
    }

    pub(crate) fn category_texts(&self, category: Category) -> Option<&CategoryTexts> {
        self.inner
            .texts
            .iter()
            .find(|(c, _)| *c == category)
            .map(|(_, t)| t)
    }

    /// The declared cookies, in the order declared; the consent cookie
    /// comes first, as the library declares it, unless the site declares it.
    pub fn cookies(&self) -> &[DeclaredCookie] {
        &self.inner.inventory.cookies
    }

    /// The declaration a cookie name falls under (`docs/FORMAT.md` §12): an
    /// exact declaration, else the declared pattern with the longest
    /// prefix; names are compared byte for byte (case-sensitive). `None`:
    /// the cookie is undeclared. Never allocates.
    ///
    /// ```
    /// # #[cfg(feature = "json-text")] {
    /// # use cookieprefs::{Category, Policy};
    /// let policy = Policy::from_json(r#"{"cookies": [
    ///     {"name": "_pk_id.*", "category": "statistics"},
    ///     {"name": "sessionid", "category": "necessary"}]}"#)?;
    /// assert_eq!(policy.classify("_pk_id.1.a2f3").map(|c| c.category()), Some(Category::STATISTICS));
    /// assert_eq!(policy.classify("cookies_preferences").map(|c| c.category()), Some(Category::NECESSARY));
    /// assert!(policy.classify("SessionId").is_none());
    /// # }
    /// # Ok::<(), cookieprefs::Error>(())
    /// ```
    pub fn classify(&self, name: impl AsRef<[u8]>) -> Option<&DeclaredCookie> {
        self.inner.inventory.classify(name.as_ref())
    }

    /// What the policy does with undeclared cookies.
    pub fn undeclared(&self) -> Undeclared {
        self.inner.undeclared
    }
}
