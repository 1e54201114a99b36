//! The import mapping (`docs/FORMAT.md` §13, "The mapping"): which
//! category a foreign tool's item stands for. The library's default tables,
//! a site's overrides from its policy (`import` in the JSON form, rule 10
//! of §6), and the lookup that combines them.

use crate::cookie_header::check_cookie;
use crate::import::services::SERVICES;
use crate::import::{ImportSource, SourceCookie};
use crate::policy_builder::CategoryRef;
use crate::quote::Quoted;
use crate::sort::{sort_by, sort_by_key};
use crate::{Category, CookieAttributes, Error, PolicyCategory, SameSite};

/// The most entries one table of a policy's import settings may hold.
pub const MAX_IMPORT_ENTRIES: usize = 256;
/// The longest item name an import table may hold, in bytes.
pub const MAX_IMPORT_ITEM_LEN: usize = 64;
/// The highest TCF purpose number a mapping may name (the TC string's
/// purposes field has 24 bits).
pub const MAX_TCF_PURPOSE: u8 = 24;

/// The tables of item names a policy may extend or override, each for the
/// items of some of the sources (`docs/FORMAT.md` §13).
///
/// ```
/// use cookieprefs::{ImportSource, ImportTable};
/// assert_eq!(ImportTable::of(ImportSource::Klaro), Some(ImportTable::Services));
/// assert_eq!(ImportTable::of(ImportSource::Tcf), None); // purposes: PolicyBuilder::import_tcf
/// assert_eq!(ImportTable::Onetrust.as_str(), "onetrust");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ImportTable {
    /// Category names: vanilla-cookieconsent, django-cookie-consent,
    /// GOV.UK, the GOV.UK Design System, Cookiebot.
    Categories = 0,
    /// Service names: tarteaucitron, klaro.
    Services = 1,
    /// OneTrust group ids (`C0002`, ...).
    Onetrust = 2,
    /// TrustCommander category ids (no default: only the site's).
    Trustcommander = 3,
}

impl ImportTable {
    /// The four tables, in the order the policy rules check them.
    pub const ALL: [ImportTable; 4] = [
        ImportTable::Categories,
        ImportTable::Services,
        ImportTable::Onetrust,
        ImportTable::Trustcommander,
    ];

    /// `categories`, `services`, `onetrust` or `trustcommander`: the key in
    /// the policy's `import` object.
    pub const fn as_str(self) -> &'static str {
        match self {
            ImportTable::Categories => "categories",
            ImportTable::Services => "services",
            ImportTable::Onetrust => "onetrust",
            ImportTable::Trustcommander => "trustcommander",
        }
    }

    /// The table a source's items are looked up in (`None` for the TCF
    /// and GPP strings, whose items are purposes).
    pub const fn of(source: ImportSource) -> Option<ImportTable> {
        match source {
            ImportSource::VanillaCookieconsent
            | ImportSource::DjangoCookieConsent
            | ImportSource::Govuk
            | ImportSource::GovukDesignSystem
            | ImportSource::Cookiebot => Some(ImportTable::Categories),
            ImportSource::Tarteaucitron | ImportSource::Klaro => Some(ImportTable::Services),
            ImportSource::Onetrust => Some(ImportTable::Onetrust),
            ImportSource::Trustcommander => Some(ImportTable::Trustcommander),
            ImportSource::Tcf | ImportSource::Gpp => None,
        }
    }
}

/// An item name as compared: ASCII letters lowercased, and `-`, `_`, `.`
/// and spaces removed (`Google-Analytics` = `google_analytics` =
/// `googleanalytics`).
pub(crate) fn normalise(item: &str) -> String {
    item.chars()
        .filter(|c| !matches!(c, '-' | '_' | '.' | ' '))
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// Normalises without allocating into `buf`; `None` when the item is
/// longer than the buffer (no table key is: they are at most 64 bytes).
pub(crate) fn normalise_into<'b>(item: &[u8], buf: &'b mut [u8; MAX_IMPORT_ITEM_LEN]) -> Option<&'b [u8]> {
    let mut n = 0;
    for &b in item {
        if matches!(b, b'-' | b'_' | b'.' | b' ') {
            continue;
        }
        *buf.get_mut(n)? = b.to_ascii_lowercase();
        n += 1;
    }
    Some(&buf[..n])
}

/// The default category-name table (normalised names).
const DEFAULT_CATEGORIES: &[(&str, Category)] = &[
    ("analytics", Category::STATISTICS),
    ("statistics", Category::STATISTICS),
    ("performance", Category::STATISTICS),
    ("usage", Category::STATISTICS),
    ("measurement", Category::STATISTICS),
    ("functionality", Category::FIRST_PARTY),
    ("functional", Category::FIRST_PARTY),
    ("preferences", Category::FIRST_PARTY),
    ("settings", Category::FIRST_PARTY),
    ("personalization", Category::FIRST_PARTY),
    ("marketing", Category::THIRD_PARTY),
    ("advertisement", Category::THIRD_PARTY),
    ("advertising", Category::THIRD_PARTY),
    ("ads", Category::THIRD_PARTY),
    ("targeting", Category::THIRD_PARTY),
    ("social", Category::THIRD_PARTY),
    ("campaigns", Category::THIRD_PARTY),
    ("necessary", Category::NECESSARY),
    ("essential", Category::NECESSARY),
    ("strictlynecessary", Category::NECESSARY),
];

/// The default OneTrust group table (normalised ids).
const DEFAULT_ONETRUST: &[(&str, Category)] = &[
    ("c0001", Category::NECESSARY),
    ("c0002", Category::STATISTICS),
    ("c0003", Category::FIRST_PARTY),
    ("c0004", Category::THIRD_PARTY),
    ("c0005", Category::THIRD_PARTY),
];

/// The default TCF purpose sets: a category is granted only when every
/// purpose of its set is.
const DEFAULT_TCF: &[(Category, u32)] = &[
    (Category::STATISTICS, purposes(&[1, 8])),
    (Category::FIRST_PARTY, purposes(&[1, 5, 6])),
    (Category::THIRD_PARTY, purposes(&[1, 2, 3, 4, 7])),
];

/// The mask of purpose numbers (bit `p - 1` for purpose `p`).
const fn purposes(list: &[u8]) -> u32 {
    let mut mask = 0;
    let mut i = 0;
    while i < list.len() {
        mask |= 1 << (list[i] - 1);
        i += 1;
    }
    mask
}

/// What an item stands for under a policy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Target {
    /// An offered category.
    Category(Category),
    /// `necessary`: never stored, never reported.
    Dropped,
    /// No mapping (or one to a category the policy does not offer):
    /// reported.
    Unmapped,
}

/// One entry of a site's table, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Entry {
    /// As given.
    pub(crate) key: String,
    /// [`normalise`]d.
    pub(crate) norm: String,
    /// `None`: the site unmaps the item.
    pub(crate) target: Option<Category>,
}

/// A policy's import settings, checked (rule 10 of §6).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ImportSettings {
    /// Whether the policy gave any (the JSON form writes them only then).
    pub(crate) given: bool,
    /// `None`: every source, at its default cookie.
    pub(crate) systems: Option<Vec<(ImportSource, SourceCookie)>>,
    pub(crate) tables: [Vec<Entry>; 4],
    /// The site's purpose sets (replacing the default set of their category).
    pub(crate) tcf: Vec<(Category, u32)>,
    pub(crate) keep_consent_id: bool,
}

impl Default for ImportSettings {
    fn default() -> ImportSettings {
        ImportSettings {
            given: false,
            systems: None,
            tables: Default::default(),
            tcf: Vec::new(),
            keep_consent_id: true,
        }
    }
}

impl ImportSettings {
    /// What `item` of `table` stands for, for a policy offering `offered`.
    pub(crate) fn lookup(&self, table: ImportTable, item: &[u8], offered: u64) -> Target {
        let mut buf = [0u8; MAX_IMPORT_ITEM_LEN];
        let Some(norm) = normalise_into(item, &mut buf) else {
            return Target::Unmapped;
        };
        let resolve = |c: Category| {
            if c == Category::NECESSARY {
                Target::Dropped
            } else if offered & c.bit() != 0 {
                Target::Category(c)
            } else {
                Target::Unmapped
            }
        };
        if let Some(e) = self.tables[table as usize]
            .iter()
            .find(|e| e.norm.as_bytes() == norm)
        {
            return e.target.map_or(Target::Unmapped, resolve);
        }
        let defaults: &[(&str, Category)] = match table {
            ImportTable::Categories => DEFAULT_CATEGORIES,
            ImportTable::Onetrust => DEFAULT_ONETRUST,
            ImportTable::Services => {
                return SERVICES
                    .binary_search_by(|(k, _)| k.as_bytes().cmp(norm))
                    .map_or(Target::Unmapped, |i| resolve(SERVICES[i].1));
            }
            ImportTable::Trustcommander => &[],
        };
        defaults
            .iter()
            .find(|(k, _)| k.as_bytes() == norm)
            .map_or(Target::Unmapped, |(_, c)| resolve(*c))
    }

    /// The TCF purpose sets in force: the site's, then the defaults of
    /// offered categories the site did not set.
    pub(crate) fn tcf_sets(&self, offered: u64) -> Vec<(Category, u32)> {
        let mut sets: Vec<(Category, u32)> = self.tcf.clone();
        for (c, mask) in DEFAULT_TCF {
            if offered & c.bit() != 0 && !sets.iter().any(|(s, _)| s == c) {
                sets.push((*c, *mask));
            }
        }
        sets
    }

    /// Whether [`import_header`](crate::import_header) looks for this source.
    pub(crate) fn enabled(&self, source: ImportSource) -> bool {
        self.systems
            .as_ref()
            .is_none_or(|s| s.iter().any(|(src, _)| *src == source))
    }

    /// The source's cookie on this site.
    pub(crate) fn source_cookie(&self, source: ImportSource) -> SourceCookie {
        self.systems
            .as_ref()
            .and_then(|s| s.iter().find(|(src, _)| *src == source))
            .map_or_else(|| SourceCookie::default_for(source), |(_, c)| c.clone())
    }
}

/// The import settings as given to the builder, checked by
/// [`RawImport::check`].
#[derive(Debug, Clone)]
pub(crate) struct RawImport {
    pub(crate) given: bool,
    pub(crate) systems: Option<Vec<(ImportSource, SourceCookie)>>,
    pub(crate) tables: [Vec<(String, Option<CategoryRef>)>; 4],
    pub(crate) tcf: Vec<(CategoryRef, Vec<i64>)>,
    pub(crate) keep_consent_id: bool,
}

impl Default for RawImport {
    fn default() -> RawImport {
        RawImport {
            given: false,
            systems: None,
            tables: Default::default(),
            tcf: Vec::new(),
            keep_consent_id: true,
        }
    }
}

fn invalid(reason: String) -> Error {
    Error::InvalidPolicy { reason }
}

fn shown(s: &str) -> String {
    s.chars().take(64).collect()
}

impl RawImport {
    /// The settings of a built policy, back as given.
    pub(crate) fn from_settings(s: &ImportSettings) -> RawImport {
        RawImport {
            given: s.given,
            systems: s.systems.clone(),
            tables: core::array::from_fn(|i| {
                s.tables[i]
                    .iter()
                    .map(|e| (e.key.clone(), e.target.map(CategoryRef::Category)))
                    .collect()
            }),
            tcf: s
                .tcf
                .iter()
                .map(|(c, mask)| {
                    let list = (1..=i64::from(MAX_TCF_PURPOSE)).filter(|p| mask & (1 << (p - 1)) != 0);
                    (CategoryRef::Category(*c), list.collect())
                })
                .collect(),
            keep_consent_id: s.keep_consent_id,
        }
    }

    /// Rule 10 of `docs/FORMAT.md` §6, in its order: 10a the sources'
    /// cookies; then each table, each entry's key (10b) then its category
    /// (10c); then the TCF purpose sets (10d).
    pub(crate) fn check(self, categories: &[PolicyCategory], offered: u64) -> Result<ImportSettings, Error> {
        if let Some(systems) = &self.systems {
            for (i, (source, c)) in systems.iter().enumerate() {
                if systems[..i].iter().any(|(s, _)| s == source) {
                    return Err(invalid(format!("import.systems: {source} is given twice")));
                }
                let attrs = CookieAttributes {
                    name: c.name.clone(),
                    domain: c.domain.clone(),
                    path: c.path.clone(),
                    secure: true,
                    http_only: false,
                    same_site: SameSite::Lax,
                };
                check_cookie(&attrs).map_err(|e| invalid(format!("import.systems.{source}: {e}")))?;
            }
        }
        let mut tables: [Vec<Entry>; 4] = Default::default();
        for (table, raw) in ImportTable::ALL.into_iter().zip(self.tables) {
            let what = table.as_str();
            if raw.len() > MAX_IMPORT_ENTRIES {
                return Err(invalid(format!(
                    "import.{what}: at most {MAX_IMPORT_ENTRIES} entries, found {}",
                    raw.len()
                )));
            }
            let out = &mut tables[table as usize];
            for (key, target) in raw {
                let printable = key.bytes().all(|b| b.is_ascii_graphic() || b == b' ');
                let norm = normalise(&key);
                if key.is_empty() || key.len() > MAX_IMPORT_ITEM_LEN || !printable || norm.is_empty() {
                    return Err(invalid(format!(
                        "import.{what}: item {} must be 1-{MAX_IMPORT_ITEM_LEN} printable ASCII characters, \
                         not only - _ . or spaces",
                        Quoted(&shown(&key))
                    )));
                }
                if let Some(earlier) = out.iter().find(|e| e.norm == norm) {
                    return Err(invalid(format!(
                        "import.{what}: items {} and {} are the same item (case, - _ . and spaces are ignored)",
                        Quoted(&shown(&earlier.key)),
                        Quoted(&shown(&key))
                    )));
                }
                let target = match target {
                    None => None,
                    Some(r) => Some(r.resolve(categories, offered, true)?),
                };
                out.push(Entry { key, norm, target });
            }
        }
        let mut tcf: Vec<(Category, u32)> = Vec::with_capacity(self.tcf.len());
        for (r, list) in &self.tcf {
            let c = r.resolve(categories, offered, false)?;
            if tcf.iter().any(|(d, _)| *d == c) {
                return Err(invalid(format!("import.tcf: category {r} is given twice")));
            }
            let in_range = |p: &i64| (1..=i64::from(MAX_TCF_PURPOSE)).contains(p);
            if list.is_empty() || list.len() > usize::from(MAX_TCF_PURPOSE) || !list.iter().all(in_range) {
                return Err(invalid(format!(
                    "import.tcf.{r}: expected 1-{MAX_TCF_PURPOSE} purpose numbers, each 1-{MAX_TCF_PURPOSE}"
                )));
            }
            let mask = list.iter().fold(0u32, |m, p| m | 1 << (p - 1));
            tcf.push((c, mask));
        }
        // Kept in one order whatever the order given (the JSON form's): the
        // sources in `ImportSource::ALL` order, items by key, purpose sets by id.
        let mut systems = self.systems;
        if let Some(s) = &mut systems {
            sort_by_key(s, |(src, _)| *src);
        }
        for t in &mut tables {
            sort_by(t, |a, b| a.key.cmp(&b.key));
        }
        sort_by_key(&mut tcf, |(c, _)| *c);
        Ok(ImportSettings {
            given: self.given,
            systems,
            tables,
            tcf,
            keep_consent_id: self.keep_consent_id,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_normalised() {
        assert_eq!(normalise("Strictly_Necessary"), "strictlynecessary");
        assert_eq!(normalise("google-analytics"), "googleanalytics");
        let mut buf = [0u8; MAX_IMPORT_ITEM_LEN];
        assert_eq!(normalise_into(b"C0002", &mut buf), Some(&b"c0002"[..]));
        assert_eq!(normalise_into(&[b'a'; 65], &mut buf), None);
        assert_eq!(normalise_into(&[b'-'; 200], &mut buf), Some(&b""[..]));
    }

    #[test]
    fn default_lookups() {
        let s = ImportSettings::default();
        let all = 0b1110;
        assert_eq!(
            s.lookup(ImportTable::Categories, b"Analytics", all),
            Target::Category(Category::STATISTICS)
        );
        assert_eq!(
            s.lookup(ImportTable::Categories, b"strictly_necessary", all),
            Target::Dropped
        );
        assert_eq!(
            s.lookup(ImportTable::Categories, b"marketing", 0b0010),
            Target::Unmapped
        );
        assert_eq!(
            s.lookup(ImportTable::Onetrust, b"C0004", all),
            Target::Category(Category::THIRD_PARTY)
        );
        assert_eq!(
            s.lookup(ImportTable::Services, b"google-analytics", all),
            Target::Category(Category::STATISTICS)
        );
        assert_eq!(
            s.lookup(ImportTable::Services, b"youtube", all),
            Target::Category(Category::THIRD_PARTY)
        );
        assert_eq!(s.lookup(ImportTable::Trustcommander, b"1", all), Target::Unmapped);
        assert_eq!(s.tcf_sets(0b0010), vec![(Category::STATISTICS, 0b1000_0001)]);
    }

    #[test]
    fn the_services_table_is_sorted_and_normalised() {
        for w in SERVICES.windows(2) {
            assert!(w[0].0 < w[1].0, "{} before {}", w[0].0, w[1].0);
        }
        for (k, _) in SERVICES {
            assert_eq!(normalise(k), *k);
        }
    }
}
