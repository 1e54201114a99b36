//! Building a [`Policy`]: [`PolicyBuilder`], the one owner of the policy
//! rules, checked in the fixed order of `docs/FORMAT.md` §6 ("Checking a
//! policy") so that every implementation reports the same error.

use crate::quote::Quoted;
use std::sync::Arc;

use crate::cookie_header::check_cookie;
use crate::cookie_inventory::{DeclaredCookie, Undeclared};
use crate::import::mapping::RawImport;
use crate::policy::{PolicyInner, DEFAULT_CONSENT_MODE};
use crate::policy_declaration::{RawCookie, RawDeclaration};
use crate::policy_texts::CategoryTexts;
use crate::{
    Category, ConsentType, CookieAttributes, Error, ImportSource, ImportTable, Policy, PolicyCategory,
    SourceCookie, Text, DEFAULT_MAX_AGE_DAYS, MAX_AGE_CEILING_DAYS, MAX_REVISION,
};

/// A reference to a category, as written in a policy or a request:
/// resolved against the policy's categories when the policy is built.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum CategoryRef {
    /// Already a category (the Rust API).
    Category(Category),
    /// A site name, a standard name or a canonical decimal id.
    Name(String),
    /// A JSON integer, saturated to `i64`.
    #[cfg_attr(not(any(feature = "serde", feature = "json-text")), allow(dead_code))]
    // used by the JSON readers
    Id(i64),
}

impl CategoryRef {
    /// The category meant, which must be offered (`necessary` only where
    /// `allow_necessary`).
    pub(crate) fn resolve(
        &self,
        categories: &[PolicyCategory],
        offered: u64,
        allow_necessary: bool,
    ) -> Result<Category, Error> {
        let category = match self {
            CategoryRef::Category(c) => *c,
            CategoryRef::Id(id) => Category::try_from(*id)?,
            CategoryRef::Name(name) => match categories.iter().find(|c| c.name == *name) {
                Some(c) => c.category,
                None => name.parse::<Category>()?,
            },
        };
        let ok = if category == Category::NECESSARY {
            allow_necessary
        } else {
            offered & category.bit() != 0
        };
        if ok {
            Ok(category)
        } else {
            Err(Error::CategoryNotOffered {
                name: self.to_string(),
            })
        }
    }
}

impl core::fmt::Display for CategoryRef {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            CategoryRef::Category(c) => write!(f, "{c}"),
            CategoryRef::Name(n) => f.write_str(&n.chars().take(64).collect::<String>()),
            CategoryRef::Id(id) => write!(f, "{id}"),
        }
    }
}

/// One category as given to the builder, checked in [`PolicyBuilder::build`].
#[derive(Debug, Clone)]
struct RawCategory {
    id: i64,
    name: String,
    since_revision: i64,
    texts: CategoryTexts,
}

/// Builds a [`Policy`]; every rule is checked in [`PolicyBuilder::build`],
/// in the order `docs/FORMAT.md` §6 gives, so the first broken rule decides
/// the error.
///
/// ```
/// use cookieprefs::{Category, ConsentType, Policy};
/// let policy = Policy::builder()
///     .revision(3)
///     .standard_categories()
///     .category(Category::new(16)?, "youtube", 3)
///     .gpc_categories(&[Category::THIRD_PARTY, Category::new(16)?])
///     .consent_mode(ConsentType::AdPersonalization, Category::new(16)?)
///     .build()?;
/// assert_eq!(policy.categories().len(), 4);
///
/// let err = Policy::builder().standard_categories().category(Category::STATISTICS, "statistics", 0).build();
/// assert_eq!(err.unwrap_err().to_string(), "invalid policy: categories: category 1 is offered twice");
/// # Ok::<(), cookieprefs::Error>(())
/// ```
#[derive(Debug, Clone)]
#[must_use = "a builder does nothing until .build() is called"]
pub struct PolicyBuilder {
    revision: i64,
    categories: Vec<RawCategory>,
    max_age_granted: i64,
    max_age_denied: i64,
    /// `None`: the default, `third_party` if the policy offers it.
    gpc: Option<Vec<CategoryRef>>,
    cookie: CookieAttributes,
    /// The mapping a type keeps when it is not set explicitly.
    consent_mode_base: [Category; 7],
    /// Explicit mappings, which must name an offered category or `necessary`.
    consent_mode: [Option<CategoryRef>; 7],
    /// Languages, cookies, `undeclared`; texts of `necessary` and of
    /// categories never offered to the builder (refused at build).
    declaration: RawDeclaration,
    /// The import settings (rule 10).
    import: RawImport,
}

impl PolicyBuilder {
    pub(crate) fn new() -> PolicyBuilder {
        PolicyBuilder {
            revision: 0,
            categories: Vec::new(),
            max_age_granted: i64::from(DEFAULT_MAX_AGE_DAYS),
            max_age_denied: i64::from(DEFAULT_MAX_AGE_DAYS),
            gpc: None,
            cookie: CookieAttributes::default(),
            consent_mode_base: DEFAULT_CONSENT_MODE,
            consent_mode: Default::default(),
            declaration: RawDeclaration::default(),
            import: RawImport::default(),
        }
    }

    pub(crate) fn from_policy(policy: &Policy) -> PolicyBuilder {
        let i = &policy.inner;
        PolicyBuilder {
            revision: i64::from(i.revision),
            categories: i
                .categories
                .iter()
                .map(|c| RawCategory {
                    id: i64::from(c.category.id()),
                    name: c.name.clone(),
                    since_revision: i64::from(c.since_revision),
                    texts: policy.category_texts(c.category).cloned().unwrap_or_default(),
                })
                .collect(),
            max_age_granted: i64::from(i.max_age_granted),
            max_age_denied: i64::from(i.max_age_denied),
            gpc: Some(policy.gpc_categories().map(CategoryRef::Category).collect()),
            cookie: i.cookie.clone(),
            consent_mode_base: i.consent_mode,
            consent_mode: Default::default(),
            declaration: RawDeclaration {
                languages: Some(i.languages.clone()),
                texts: policy
                    .category_texts(Category::NECESSARY)
                    .map(|t| vec![(Category::NECESSARY, t.clone())])
                    .unwrap_or_default(),
                cookies: policy
                    .cookies()
                    .iter()
                    .filter(|c| !c.is_implicit())
                    .map(|c| RawCookie::from_checked(c.clone()))
                    .collect(),
                undeclared: i.undeclared,
            },
            import: RawImport::from_settings(&i.import),
        }
    }

    /// Sets the current policy revision (`0..=4095`; anything else is an
    /// error at [`PolicyBuilder::build`] carrying the number given).
    pub fn revision(mut self, revision: impl Into<i64>) -> PolicyBuilder {
        self.revision = revision.into();
        self
    }

    /// Offers `statistics`, `first_party` and `third_party`, each since revision 0.
    pub fn standard_categories(self) -> PolicyBuilder {
        self.category(Category::STATISTICS, "statistics", 0)
            .category(Category::FIRST_PARTY, "first_party", 0)
            .category(Category::THIRD_PARTY, "third_party", 0)
    }

    /// Offers a category under a name; answers given before `since_revision`
    /// no longer count. Ids 1–3 carry their standard names, ids 16–63 a
    /// site name (`[a-z][a-z0-9_]*`, at most 32 bytes); offering an id twice
    /// is an error at [`PolicyBuilder::build`].
    pub fn category(self, category: Category, name: &str, since_revision: u16) -> PolicyBuilder {
        self.category_raw(
            i64::from(category.id()),
            name.to_owned(),
            i64::from(since_revision),
        )
    }

    pub(crate) fn category_raw(mut self, id: i64, name: String, since_revision: i64) -> PolicyBuilder {
        self.categories.push(RawCategory {
            id,
            name,
            since_revision,
            texts: CategoryTexts::default(),
        });
        self
    }

    /// The languages of the policy's texts (tags such as `fr`, `en`,
    /// `pt-br`; 1–16, the first is the default; default `["en", "fr"]`).
    pub fn languages(mut self, languages: &[&str]) -> PolicyBuilder {
        self.declaration.languages = Some(languages.iter().map(|l| (*l).to_owned()).collect());
        self
    }

    /// A category's label (`necessary` included), replacing the library's
    /// text in the languages it gives. The category must be offered (by an
    /// earlier call) or be `necessary`.
    pub fn label(mut self, category: Category, text: Text) -> PolicyBuilder {
        self.texts_of(category).label = text;
        self
    }

    /// A category's description, as [`PolicyBuilder::label`].
    pub fn description(mut self, category: Category, text: Text) -> PolicyBuilder {
        self.texts_of(category).description = text;
        self
    }

    pub(crate) fn texts_of(&mut self, category: Category) -> &mut CategoryTexts {
        let id = i64::from(category.id());
        if category != Category::NECESSARY {
            if let Some(i) = self.categories.iter().rposition(|c| c.id == id) {
                return &mut self.categories[i].texts;
            }
        }
        let texts = &mut self.declaration.texts;
        let i = match texts.iter().position(|(c, _)| *c == category) {
            Some(i) => i,
            None => {
                texts.push((category, CategoryTexts::default()));
                texts.len() - 1
            }
        };
        &mut texts[i].1
    }

    /// Declares a cookie: its name (exact, or a prefix ending in `*`), its
    /// category, which must be offered or be `necessary`, and its texts.
    pub fn declare(mut self, cookie: DeclaredCookie) -> PolicyBuilder {
        self.declaration.cookies.push(RawCookie::from_checked(cookie));
        self
    }

    #[cfg_attr(not(any(feature = "serde", feature = "json-text")), allow(dead_code))] // used by the JSON readers
    pub(crate) fn declare_raw(mut self, cookie: RawCookie) -> PolicyBuilder {
        self.declaration.cookies.push(cookie);
        self
    }

    /// What happens to cookies the policy does not declare (default:
    /// [`Undeclared::Allow`]).
    pub fn undeclared(mut self, undeclared: Undeclared) -> PolicyBuilder {
        self.declaration.undeclared = undeclared;
        self
    }

    /// Asks everyone again: raises every category's `since_revision` to the
    /// current revision (call after [`PolicyBuilder::revision`]).
    pub fn reconsent_all(mut self) -> PolicyBuilder {
        for c in &mut self.categories {
            c.since_revision = c.since_revision.max(self.revision);
        }
        self
    }

    /// Validity in days of grants and of refusals (each `1..=395`).
    pub fn max_age_days(self, granted: u16, denied: u16) -> PolicyBuilder {
        self.max_age_granted_days(granted).max_age_denied_days(denied)
    }

    /// Validity in days of grants (`1..=395`, default 183).
    pub fn max_age_granted_days(mut self, days: u16) -> PolicyBuilder {
        self.max_age_granted = i64::from(days);
        self
    }

    /// Validity in days of refusals (`1..=395`, default 183).
    pub fn max_age_denied_days(mut self, days: u16) -> PolicyBuilder {
        self.max_age_denied = i64::from(days);
        self
    }

    #[cfg_attr(not(any(feature = "serde", feature = "json-text")), allow(dead_code))] // used by the JSON readers
    pub(crate) fn max_age_raw(mut self, granted: Option<i64>, denied: Option<i64>) -> PolicyBuilder {
        if let Some(g) = granted {
            self.max_age_granted = g;
        }
        if let Some(d) = denied {
            self.max_age_denied = d;
        }
        self
    }

    /// The categories Global Privacy Control refuses (default: `third_party`
    /// when the policy offers it, else none); each must be offered.
    pub fn gpc_categories(self, categories: &[Category]) -> PolicyBuilder {
        self.gpc_refs(categories.iter().copied().map(CategoryRef::Category).collect())
    }

    pub(crate) fn gpc_refs(mut self, refs: Vec<CategoryRef>) -> PolicyBuilder {
        self.gpc = Some(refs);
        self
    }

    /// The cookie's name and attributes.
    pub fn cookie(mut self, cookie: CookieAttributes) -> PolicyBuilder {
        self.cookie = cookie;
        self
    }

    /// Makes a Consent Mode type follow a category, which must be offered
    /// (or be `necessary`: always granted). A type left at its default whose
    /// category the policy does not offer is always denied.
    pub fn consent_mode(self, t: ConsentType, category: Category) -> PolicyBuilder {
        self.consent_mode_ref(t, CategoryRef::Category(category))
    }

    pub(crate) fn consent_mode_ref(mut self, t: ConsentType, r: CategoryRef) -> PolicyBuilder {
        self.consent_mode[t as usize] = Some(r);
        self
    }

    /// Maps an item of a foreign tool's cookie (a category, service, OneTrust
    /// group or TrustCommander category name) to a category, replacing the
    /// library's default for it (`docs/FORMAT.md` §13); `None` leaves the
    /// item unmapped. The category must be offered, or be `necessary`
    /// (never stored). Items compare ignoring ASCII case, `-`, `_`, `.` and
    /// spaces.
    ///
    /// ```
    /// use cookieprefs::{Category, ImportTable, Policy};
    /// let policy = Policy::builder()
    ///     .standard_categories()
    ///     .category(Category::new(16)?, "youtube", 0)
    ///     .import_item(ImportTable::Services, "youtube", Some(Category::new(16)?))
    ///     .import_item(ImportTable::Trustcommander, "2", Some(Category::STATISTICS))
    ///     .build()?;
    /// # Ok::<(), cookieprefs::Error>(())
    /// ```
    pub fn import_item(self, table: ImportTable, item: &str, category: Option<Category>) -> PolicyBuilder {
        self.import_item_ref(table, item.to_owned(), category.map(CategoryRef::Category))
    }

    pub(crate) fn import_item_ref(
        mut self,
        table: ImportTable,
        item: String,
        category: Option<CategoryRef>,
    ) -> PolicyBuilder {
        self.import.given = true;
        self.import.tables[table as usize].push((item, category));
        self
    }

    /// The TCF purposes (1–24) whose consent an imported TC or GPP string
    /// must hold for `category` to be granted, replacing the library's
    /// default set for it.
    pub fn import_tcf(self, category: Category, purposes: &[u8]) -> PolicyBuilder {
        self.import_tcf_ref(
            CategoryRef::Category(category),
            purposes.iter().map(|p| i64::from(*p)).collect(),
        )
    }

    pub(crate) fn import_tcf_ref(mut self, category: CategoryRef, purposes: Vec<i64>) -> PolicyBuilder {
        self.import.given = true;
        self.import.tcf.push((category, purposes));
        self
    }

    /// Where a foreign tool keeps its cookie on this site. Once a source is
    /// given, [`import_header`](crate::import_header) looks for the sources
    /// given only.
    pub fn import_source(mut self, source: ImportSource, cookie: SourceCookie) -> PolicyBuilder {
        self.import.given = true;
        self.import
            .systems
            .get_or_insert_with(Vec::new)
            .push((source, cookie));
        self
    }

    /// Marks the import settings as given (an `import` object in the JSON
    /// form, even an empty one); with `no_sources`, `systems` was given
    /// empty: no source is looked for.
    #[cfg_attr(not(any(feature = "serde", feature = "json-text")), allow(dead_code))] // used by the JSON readers
    pub(crate) fn import_given(mut self, no_sources: bool) -> PolicyBuilder {
        self.import.given = true;
        if no_sources {
            self.import.systems.get_or_insert_with(Vec::new);
        }
        self
    }

    /// Whether an imported value keeps the source's consent id when it is
    /// a UUID (default `true`).
    pub fn import_consent_id(mut self, keep: bool) -> PolicyBuilder {
        self.import.given = true;
        self.import.keep_consent_id = keep;
        self
    }

    /// Checks every rule, in the order of `docs/FORMAT.md` §6, and returns
    /// the policy.
    ///
    /// # Errors
    /// The first broken rule: [`Error::RevisionOutOfRange`]; for each
    /// category in the order given, [`Error::InvalidCategory`] or
    /// [`Error::InvalidPolicy`] (necessary offered, a reserved id, a bad
    /// name, a standard name on the wrong id, an id or name offered twice,
    /// `since_revision` outside `0..=revision`); [`Error::InvalidPolicy`] for
    /// a max age outside `1..=395`; for each GPC category then each explicit
    /// Consent Mode mapping, [`Error::UnknownCategory`],
    /// [`Error::InvalidCategory`] or [`Error::CategoryNotOffered`];
    /// [`Error::InvalidPolicy`] for a bad cookie name, domain, path or
    /// `SameSite=None` without `Secure`.
    pub fn build(self) -> Result<Policy, Error> {
        let revision = u16::try_from(self.revision)
            .ok()
            .filter(|r| *r <= MAX_REVISION)
            .ok_or(Error::RevisionOutOfRange {
                revision: self.revision,
            })?;
        let mut categories: Vec<PolicyCategory> = Vec::with_capacity(self.categories.len());
        let mut offered = 0u64;
        for raw in &self.categories {
            let c = check_category(raw, &categories, revision)?;
            offered |= c.category.bit();
            categories.push(c);
        }
        crate::sort::sort_by_key(&mut categories, |c| c.category);
        let mut max_age = [0u16; 2];
        for (slot, (what, days)) in max_age
            .iter_mut()
            .zip([("granted", self.max_age_granted), ("denied", self.max_age_denied)])
        {
            *slot = u16::try_from(days)
                .ok()
                .filter(|d| (1..=MAX_AGE_CEILING_DAYS).contains(d))
                .ok_or_else(|| {
                    invalid(format!(
                        "max_age_days.{what} is {days} days, it must be 1..={MAX_AGE_CEILING_DAYS}"
                    ))
                })?;
        }
        let gpc_refs = self.gpc.unwrap_or_else(|| {
            if offered & Category::THIRD_PARTY.bit() != 0 {
                vec![CategoryRef::Category(Category::THIRD_PARTY)]
            } else {
                Vec::new()
            }
        });
        let mut gpc = 0u64;
        for r in &gpc_refs {
            gpc |= r.resolve(&categories, offered, false)?.bit();
        }
        let mut consent_mode = self.consent_mode_base;
        for t in ConsentType::ALL {
            if let Some(r) = &self.consent_mode[t as usize] {
                consent_mode[t as usize] = r.resolve(&categories, offered, true)?;
            }
        }
        check_cookie(&self.cookie).map_err(invalid)?;
        let mut declaration = self.declaration;
        // Rule 8's order: `necessary`, the categories as given, then texts
        // of categories never offered.
        let (necessary, others): (Vec<_>, Vec<_>) = core::mem::take(&mut declaration.texts)
            .into_iter()
            .partition(|(c, _)| *c == Category::NECESSARY);
        declaration.texts = necessary
            .into_iter()
            .chain(
                self.categories
                    .into_iter()
                    .filter_map(|raw| Category::try_from(raw.id).ok().map(|c| (c, raw.texts))),
            )
            .chain(others)
            .collect();
        let declaration =
            declaration.check(&categories, offered, &self.cookie, max_age[0].max(max_age[1]))?;
        let import = self.import.check(&categories, offered)?;
        Ok(Policy {
            inner: Arc::new(PolicyInner {
                revision,
                categories,
                offered,
                max_age_granted: max_age[0],
                max_age_denied: max_age[1],
                gpc,
                cookie: self.cookie,
                consent_mode,
                languages: declaration.languages,
                texts: declaration.texts,
                inventory: declaration.inventory,
                undeclared: declaration.undeclared,
                import,
            }),
        })
    }
}

fn invalid(reason: String) -> Error {
    Error::InvalidPolicy { reason }
}

/// The rules for one offered category, in their order (FORMAT.md §6), given
/// the categories accepted before it.
fn check_category(
    raw: &RawCategory,
    before: &[PolicyCategory],
    revision: u16,
) -> Result<PolicyCategory, Error> {
    let category = Category::try_from(raw.id)?;
    let id = category.id();
    let name = raw.name.as_str();
    let shown = Quoted(&name.chars().take(64).collect::<String>()).to_string();
    if category == Category::NECESSARY {
        return Err(invalid(
            "categories: necessary (id 0) is implicit and cannot be offered".into(),
        ));
    }
    if category.is_reserved() {
        return Err(invalid(format!(
            "categories: id {id} is reserved for a future standard category; a site's own categories use ids 16-63"
        )));
    }
    let well_formed = name.len() <= 32
        && name.bytes().next().is_some_and(|b| b.is_ascii_lowercase())
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
    if !well_formed {
        return Err(invalid(format!(
            "categories: name {shown} of category {id} must be 1-32 characters of a-z 0-9 _, starting with a letter"
        )));
    }
    match (category.standard_name(), name.parse::<Category>()) {
        (Some(std), _) if std != name => {
            return Err(invalid(format!(
                "categories: category {id} is standard and must be named {}, not {shown}",
                Quoted(std)
            )));
        }
        (None, Ok(other)) => {
            return Err(invalid(format!(
                "categories: name {shown} means category {} and cannot name category {id}",
                other.id()
            )));
        }
        _ => {}
    }
    if before.iter().any(|c| c.category == category) {
        return Err(invalid(format!("categories: category {id} is offered twice")));
    }
    if before.iter().any(|c| c.name == name) {
        return Err(invalid(format!("categories: name {shown} is used twice")));
    }
    let since_revision = u16::try_from(raw.since_revision)
        .ok()
        .filter(|s| *s <= revision)
        .ok_or_else(|| {
            invalid(format!(
                "categories: since_revision {} of {shown} must be 0..={revision} (the policy revision)",
                raw.since_revision
            ))
        })?;
    Ok(PolicyCategory {
        category,
        name: raw.name.clone(),
        since_revision,
    })
}
