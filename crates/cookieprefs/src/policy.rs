//! The site's consent policy: what it offers and the rules it applies.

use std::sync::Arc;

use crate::cookie_inventory::{Inventory, Undeclared};
use crate::policy_builder::{CategoryRef, PolicyBuilder};
use crate::policy_texts::CategoryTexts;
use crate::{Category, ConsentType, CookieAttributes, Error};

/// Default validity of an answer in days (the CNIL's 6-month good practice).
pub const DEFAULT_MAX_AGE_DAYS: u16 = 183;
/// Hard ceiling on validity in days (≈ 13 months).
pub const MAX_AGE_CEILING_DAYS: u16 = 395;
/// Default cookie name.
pub const DEFAULT_COOKIE_NAME: &str = "cookies_preferences";

/// One optional category a policy offers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PolicyCategory {
    /// The category.
    pub category: Category,
    /// Its name on this site (`statistics`, `youtube`, ...): `[a-z][a-z0-9_]*`, 1–32 bytes.
    pub name: String,
    /// Answers given under an older policy revision than this no longer count.
    pub since_revision: u16,
}

#[derive(Debug, PartialEq, Eq)]
pub(crate) struct PolicyInner {
    pub(crate) revision: u16,
    pub(crate) categories: Vec<PolicyCategory>,
    pub(crate) offered: u64,
    pub(crate) max_age_granted: u16,
    pub(crate) max_age_denied: u16,
    pub(crate) gpc: u64,
    pub(crate) cookie: CookieAttributes,
    pub(crate) consent_mode: [Category; 7],
    /// The policy's languages, lowercase, the default first.
    pub(crate) languages: Vec<String>,
    /// Texts the site gave categories (`necessary` included).
    pub(crate) texts: Vec<(Category, CategoryTexts)>,
    /// The declared cookies.
    pub(crate) inventory: Inventory,
    pub(crate) undeclared: Undeclared,
    /// The import mapping and sources (`docs/FORMAT.md` §13).
    pub(crate) import: crate::import::mapping::ImportSettings,
}

/// A site's consent policy: the categories it offers, its current revision,
/// how long answers last, which categories Global Privacy Control refuses,
/// the cookie's attributes and the Consent Mode mapping.
///
/// Cheap to clone (shared); immutable once built; checked by
/// [`PolicyBuilder::build`]. Apply it to a value with
/// [`Policy::evaluate`](crate::Policy::evaluate).
///
/// ```
/// use cookieprefs::{Category, Policy};
/// let policy = Policy::builder()
///     .revision(3)
///     .standard_categories()
///     .category(Category::new(16)?, "youtube", 2)
///     .build()?;
/// assert_eq!(policy.category("youtube"), Some(Category::new(16)?));
/// assert_eq!(policy.max_age_days(), (183, 183));
/// # Ok::<(), cookieprefs::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Policy {
    pub(crate) inner: Arc<PolicyInner>,
}

impl Default for Policy {
    /// Revision 0, the three standard optional categories, 183 days, GPC
    /// refuses `third_party`, default cookie attributes and Consent Mode mapping.
    fn default() -> Policy {
        Policy::builder()
            .standard_categories()
            .build()
            .unwrap_or_else(|_| unreachable!("the default policy is valid"))
    }
}

impl Policy {
    /// A builder with no categories, revision 0 and every other default.
    pub fn builder() -> PolicyBuilder {
        PolicyBuilder::new()
    }

    /// A builder holding this policy's settings, to derive another.
    pub fn to_builder(&self) -> PolicyBuilder {
        PolicyBuilder::from_policy(self)
    }

    /// The current policy revision.
    pub fn revision(&self) -> u16 {
        self.inner.revision
    }

    /// The optional categories offered, in id order.
    pub fn categories(&self) -> &[PolicyCategory] {
        &self.inner.categories
    }

    /// Resolves a category name: this site's names, the standard names
    /// (`necessary` included) and canonical decimal ids, of categories the
    /// policy offers (or `necessary`). `None` for anything else; see
    /// [`Policy::resolve`] for the reason.
    pub fn category(&self, name: &str) -> Option<Category> {
        self.resolve(name).ok()
    }

    /// Resolves a category reference (`docs/FORMAT.md` §7, "Category
    /// references"): a site name, a standard name or a canonical decimal id
    /// of a category the policy offers, or `necessary`.
    ///
    /// ```
    /// # #[cfg(feature = "json-text")] {
    /// # use cookieprefs::{Category, Policy};
    /// let policy = Policy::from_json(r#"{"categories": [{"id": 1, "name": "statistics"}, {"id": 16, "name": "youtube"}]}"#)?;
    /// assert_eq!(policy.resolve("youtube")?, Category::new(16)?);
    /// assert_eq!(policy.resolve("1")?, Category::STATISTICS);
    /// assert_eq!(policy.resolve("third_party").unwrap_err().kind(), "category_not_offered");
    /// assert_eq!(policy.resolve("third-party").unwrap_err().to_string(),
    ///            "unknown category \"third-party\"; did you mean \"third_party\"?");
    /// assert_eq!(policy.resolve("64").unwrap_err().kind(), "invalid_category");
    /// # }
    /// # Ok::<(), cookieprefs::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::UnknownCategory`], [`Error::InvalidCategory`] (a decimal id
    /// above 63) or [`Error::CategoryNotOffered`].
    pub fn resolve(&self, name: &str) -> Result<Category, Error> {
        CategoryRef::Name(name.to_owned()).resolve(&self.inner.categories, self.inner.offered, true)
    }

    /// The site's name for a category (`necessary` for id 0), if offered.
    pub fn name_of(&self, category: Category) -> Option<&str> {
        if category == Category::NECESSARY {
            return Some("necessary");
        }
        self.inner
            .categories
            .iter()
            .find(|c| c.category == category)
            .map(|c| c.name.as_str())
    }

    /// Whether the policy offers this optional category.
    pub fn offers(&self, category: Category) -> bool {
        self.inner.offered & category.bit() != 0
    }

    /// Validity in days of grants and of refusals.
    pub fn max_age_days(&self) -> (u16, u16) {
        (self.inner.max_age_granted, self.inner.max_age_denied)
    }

    /// The categories Global Privacy Control refuses.
    pub fn gpc_categories(&self) -> impl Iterator<Item = Category> + '_ {
        self.inner
            .categories
            .iter()
            .map(|c| c.category)
            .filter(|c| self.inner.gpc & c.bit() != 0)
    }

    /// The cookie's name and attributes.
    pub fn cookie(&self) -> &CookieAttributes {
        &self.inner.cookie
    }

    /// The category each Consent Mode type follows.
    pub fn consent_mode_mapping(&self) -> impl Iterator<Item = (ConsentType, Category)> + '_ {
        ConsentType::ALL
            .into_iter()
            .map(|t| (t, self.inner.consent_mode[t as usize]))
    }
}

/// The default Consent Mode mapping, indexed by [`ConsentType`].
pub(crate) const DEFAULT_CONSENT_MODE: [Category; 7] = [
    Category::THIRD_PARTY, // ad_storage
    Category::THIRD_PARTY, // ad_user_data
    Category::THIRD_PARTY, // ad_personalization
    Category::STATISTICS,  // analytics_storage
    Category::FIRST_PARTY, // functionality_storage
    Category::FIRST_PARTY, // personalization_storage
    Category::NECESSARY,   // security_storage
];
