//! The site's consent policy: what it offers and the rules it applies.

use std::sync::Arc;

use crate::cookie_header::check_cookie;
use crate::{Category, ConsentType, CookieAttributes, Error, MAX_REVISION};

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
    /// Its name on this site (`statistics`, `youtube`, ...): `[a-z0-9_]`, 1–32 bytes.
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
        PolicyBuilder {
            revision: 0,
            categories: Vec::new(),
            max_age_granted: DEFAULT_MAX_AGE_DAYS,
            max_age_denied: DEFAULT_MAX_AGE_DAYS,
            gpc: None,
            cookie: CookieAttributes::default(),
            consent_mode: DEFAULT_CONSENT_MODE,
            consent_mode_set: 0,
        }
    }

    /// A builder holding this policy's settings, to derive another.
    pub fn to_builder(&self) -> PolicyBuilder {
        let i = &self.inner;
        PolicyBuilder {
            revision: u32::from(i.revision),
            categories: i.categories.clone(),
            max_age_granted: i.max_age_granted,
            max_age_denied: i.max_age_denied,
            gpc: Some(self.gpc_categories().collect()),
            cookie: i.cookie.clone(),
            consent_mode: i.consent_mode,
            consent_mode_set: 0,
        }
    }

    /// The current policy revision.
    pub fn revision(&self) -> u16 {
        self.inner.revision
    }

    /// The optional categories offered, in id order.
    pub fn categories(&self) -> &[PolicyCategory] {
        &self.inner.categories
    }

    /// Resolves a category name: this site's names, then the standard names
    /// (`necessary` included), then a decimal id of an offered category.
    pub fn category(&self, name: &str) -> Option<Category> {
        if let Some(c) = self.inner.categories.iter().find(|c| c.name == name) {
            return Some(c.category);
        }
        let c: Category = name.parse().ok()?;
        (c == Category::NECESSARY || self.offers(c)).then_some(c)
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
const DEFAULT_CONSENT_MODE: [Category; 7] = [
    Category::THIRD_PARTY, // ad_storage
    Category::THIRD_PARTY, // ad_user_data
    Category::THIRD_PARTY, // ad_personalization
    Category::STATISTICS,  // analytics_storage
    Category::FIRST_PARTY, // functionality_storage
    Category::FIRST_PARTY, // personalization_storage
    Category::NECESSARY,   // security_storage
];

/// Builds a [`Policy`]; every rule is checked in [`PolicyBuilder::build`].
#[derive(Debug, Clone)]
#[must_use = "a builder does nothing until .build() is called"]
pub struct PolicyBuilder {
    revision: u32,
    categories: Vec<PolicyCategory>,
    max_age_granted: u16,
    max_age_denied: u16,
    /// `None`: the default, `third_party` if the policy offers it.
    gpc: Option<Vec<Category>>,
    cookie: CookieAttributes,
    consent_mode: [Category; 7],
    /// Bit `t` set: consent type `t` was mapped explicitly (and must name an offered category).
    consent_mode_set: u8,
}

impl PolicyBuilder {
    /// Sets the current policy revision (`0..=4095`).
    pub fn revision(mut self, revision: u32) -> PolicyBuilder {
        self.revision = revision;
        self
    }

    /// Offers `statistics`, `first_party` and `third_party`, each since revision 0.
    pub fn standard_categories(self) -> PolicyBuilder {
        self.category(Category::STATISTICS, "statistics", 0)
            .category(Category::FIRST_PARTY, "first_party", 0)
            .category(Category::THIRD_PARTY, "third_party", 0)
    }

    /// Offers a category under a name; answers given before `since_revision`
    /// no longer count. Offering an id again replaces it.
    pub fn category(mut self, category: Category, name: &str, since_revision: u16) -> PolicyBuilder {
        self.categories.retain(|c| c.category != category);
        self.categories.push(PolicyCategory {
            category,
            name: name.to_owned(),
            since_revision,
        });
        self
    }

    /// Asks everyone again: raises every category's `since_revision` to the
    /// current revision (call after [`PolicyBuilder::revision`]).
    pub fn reconsent_all(mut self) -> PolicyBuilder {
        let r = u16::try_from(self.revision).unwrap_or(u16::MAX);
        for c in &mut self.categories {
            c.since_revision = c.since_revision.max(r);
        }
        self
    }

    /// Validity in days of grants and of refusals (each `1..=395`).
    pub fn max_age_days(mut self, granted: u16, denied: u16) -> PolicyBuilder {
        self.max_age_granted = granted;
        self.max_age_denied = denied;
        self
    }

    /// The categories Global Privacy Control refuses (default: `third_party`
    /// when the policy offers it, else none).
    pub fn gpc_categories(mut self, categories: &[Category]) -> PolicyBuilder {
        self.gpc = Some(categories.to_vec());
        self
    }

    /// The cookie's name and attributes.
    pub fn cookie(mut self, cookie: CookieAttributes) -> PolicyBuilder {
        self.cookie = cookie;
        self
    }

    /// Makes a Consent Mode type follow a category (`necessary` = always granted).
    /// A type left at its default whose category the policy does not offer is
    /// always denied.
    pub fn consent_mode(mut self, t: ConsentType, category: Category) -> PolicyBuilder {
        self.consent_mode[t as usize] = category;
        self.consent_mode_set |= 1 << t as u8;
        self
    }

    /// Checks every rule and returns the policy.
    ///
    /// # Errors
    /// [`Error::RevisionOutOfRange`], or [`Error::InvalidPolicy`] naming the
    /// broken rule: `necessary` offered, a bad or duplicate name,
    /// `since_revision` above the revision, a max age outside `1..=395`, a
    /// GPC or Consent Mode category the policy does not offer, a bad cookie
    /// name, domain or path, `SameSite=None` without `Secure`.
    pub fn build(mut self) -> Result<Policy, Error> {
        let revision = u16::try_from(self.revision)
            .ok()
            .filter(|r| *r <= MAX_REVISION)
            .ok_or(Error::RevisionOutOfRange {
                revision: i64::from(self.revision),
            })?;
        let invalid = |reason: String| Err(Error::InvalidPolicy { reason });
        self.categories.sort_by_key(|c| c.category);
        let mut offered = 0u64;
        for c in &self.categories {
            if c.category == Category::NECESSARY {
                return invalid("necessary is implicit and cannot be offered".into());
            }
            if c.name.is_empty()
                || c.name.len() > 32
                || !c
                    .name
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
            {
                return invalid(format!(
                    "category name {:?} must be 1-32 characters of a-z 0-9 _",
                    c.name
                ));
            }
            if c.name == "necessary" {
                return invalid("the name \"necessary\" is kept for id 0".into());
            }
            if let Ok(std) = c.name.parse::<Category>() {
                if std != c.category {
                    return invalid(format!(
                        "category {} cannot be named {:?}, which means category {}",
                        c.category.id(),
                        c.name,
                        std.id()
                    ));
                }
            }
            if self.categories.iter().filter(|o| o.name == c.name).count() > 1 {
                return invalid(format!("category name {:?} is used twice", c.name));
            }
            if c.since_revision > revision {
                return invalid(format!(
                    "category {:?} has since_revision {} above the policy revision {}",
                    c.name, c.since_revision, revision
                ));
            }
            offered |= c.category.bit();
        }
        for (what, days) in [("granted", self.max_age_granted), ("denied", self.max_age_denied)] {
            if days == 0 || days > MAX_AGE_CEILING_DAYS {
                return invalid(format!(
                    "max age for {what} answers is {days} days, it must be 1..={MAX_AGE_CEILING_DAYS}"
                ));
            }
        }
        let gpc_list = self.gpc.unwrap_or_else(|| {
            vec![Category::THIRD_PARTY]
                .into_iter()
                .filter(|c| offered & c.bit() != 0)
                .collect()
        });
        let mut gpc = 0u64;
        for c in &gpc_list {
            if !offered & c.bit() != 0 {
                return invalid(format!("GPC category {} is not offered by the policy", c.id()));
            }
            gpc |= c.bit();
        }
        for t in ConsentType::ALL {
            let c = self.consent_mode[t as usize];
            let explicit = self.consent_mode_set & (1 << t as u8) != 0;
            if explicit && c != Category::NECESSARY && offered & c.bit() == 0 {
                return invalid(format!(
                    "consent mode type {} follows category {}, which the policy does not offer",
                    t.as_str(),
                    c.id()
                ));
            }
        }
        check_cookie(&self.cookie).map_err(|reason| Error::InvalidPolicy { reason })?;
        Ok(Policy {
            inner: Arc::new(PolicyInner {
                revision,
                categories: self.categories,
                offered,
                max_age_granted: self.max_age_granted,
                max_age_denied: self.max_age_denied,
                gpc,
                cookie: self.cookie,
                consent_mode: self.consent_mode,
            }),
        })
    }
}
