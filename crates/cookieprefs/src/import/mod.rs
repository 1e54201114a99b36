//! Importing the consent another tool already stored (`docs/FORMAT.md`
//! §13): one file per source, the rules they share here.
//!
//! A source file turns the tool's cookie into a [`Reading`]: its items
//! (category, service or group names, each granted, denied or undecided),
//! TCF purposes, decision dates and consent id, or an [`ImportSkip`] when
//! the tool itself would not count it as an answer. This file maps the
//! items through the policy's mapping, merges them per category, dates the
//! result and builds the canonical value.

// Without `json` only the mapping (part of every policy) is built.
#![cfg_attr(not(feature = "json-text"), allow(dead_code))]

#[cfg(feature = "json-text")]
use crate::cookie_header::find_cookie;
#[cfg(feature = "json-text")]
use crate::{Category, Date, Method, Policy};
use crate::{ConsentId, Preferences};

#[cfg(feature = "json-text")]
mod cookiebot;
#[cfg(feature = "json-text")]
mod django_cookie_consent;
#[cfg(feature = "json-text")]
mod govuk;
#[cfg(feature = "json-text")]
mod govuk_design_system;
#[cfg(feature = "json-text")]
mod gpp;
#[cfg(feature = "json-text")]
mod klaro;
pub(crate) mod mapping;
#[cfg(feature = "json-text")]
mod onetrust;
pub(crate) mod services;
mod skip;
mod source;
#[cfg(feature = "json-text")]
mod tarteaucitron;
#[cfg(feature = "json-text")]
mod tcf;
#[cfg(feature = "json-text")]
mod text;
#[cfg(feature = "json-text")]
mod trustcommander;
#[cfg(feature = "json-text")]
mod vanilla_cookieconsent;

pub use mapping::{ImportTable, MAX_IMPORT_ENTRIES, MAX_IMPORT_ITEM_LEN, MAX_TCF_PURPOSE};
pub use skip::ImportSkip;
pub use source::{ImportSource, SourceCookie};

#[cfg(feature = "json-text")]
use mapping::Target;

/// The longest foreign cookie value looked at, in bytes (browsers keep at
/// most 4096 bytes of name and value); a longer one is
/// [`ImportSkip::TooLong`] before any other work.
pub const MAX_IMPORT_VALUE_LEN: usize = 4096;

/// At most this many unmapped items are reported.
#[cfg(feature = "json-text")]
const MAX_REPORTED: usize = 64;

/// What one item of a source recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Answer {
    Granted,
    /// Listed without a decision (`wait`, `null`).
    Undecided,
    Denied,
}

/// What a source's cookie says, before the mapping.
#[derive(Debug, Default)]
pub(crate) struct Reading {
    /// Items as written, with what each recorded.
    pub(crate) items: Vec<(String, Answer)>,
    /// The answer of every item of the site's table that the source does
    /// not list (TrustCommander lists only some categories).
    pub(crate) unlisted: Option<Answer>,
    /// TCF purposes consent (bit `p - 1` for purpose `p`).
    pub(crate) tcf: Option<u32>,
    /// The decision times found, as Unix days.
    pub(crate) days: Vec<i64>,
    /// The source's consent id, when it is a UUID.
    pub(crate) consent_id: Option<ConsentId>,
}

/// What a JSON member records: `true` granted, `false` denied, anything
/// else (`null`, a string) undecided.
#[cfg(feature = "json-text")]
pub(crate) fn json_answer(node: &crate::json_tree::Node) -> Answer {
    match node {
        crate::json_tree::Node::Bool(true) => Answer::Granted,
        crate::json_tree::Node::Bool(false) => Answer::Denied,
        _ => Answer::Undecided,
    }
}

/// Options of [`import`] and [`import_header`].
///
/// ```
/// let opts = cookieprefs::ImportOptions::new().drop_consent_id(true).companion(b"true");
/// assert!(opts.drops_consent_id());
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct ImportOptions<'a> {
    drop_consent_id: bool,
    companion: Option<&'a [u8]>,
}

impl<'a> ImportOptions<'a> {
    /// No option: keep a UUID consent id (unless the policy says not to),
    /// no companion cookie.
    pub fn new() -> ImportOptions<'a> {
        ImportOptions::default()
    }

    /// Never keep the source's consent id.
    #[must_use]
    pub fn drop_consent_id(mut self, drop: bool) -> ImportOptions<'a> {
        self.drop_consent_id = drop;
        self
    }

    /// For [`import`]: the value of the source's companion cookie
    /// ([`ImportSource::companion_cookie_name`]), which [`import_header`]
    /// finds in the header itself.
    #[must_use]
    pub fn companion(mut self, value: &'a [u8]) -> ImportOptions<'a> {
        self.companion = Some(value);
        self
    }

    /// Whether the consent id is dropped.
    pub fn drops_consent_id(&self) -> bool {
        self.drop_consent_id
    }
}

/// A foreign cookie imported as a cookieprefs value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported {
    preferences: Preferences,
    source: ImportSource,
    unmapped: Vec<String>,
    cookies: Vec<SourceCookie>,
}

impl Imported {
    /// The imported value: method `imported`, the policy's revision.
    pub fn preferences(&self) -> &Preferences {
        &self.preferences
    }

    /// The tool it came from.
    pub fn source(&self) -> ImportSource {
        self.source
    }

    /// The source's items no mapping covers (or mapped to a category the
    /// policy does not offer), as written, at most 64: they were not
    /// imported, and their categories stay `not_asked`.
    pub fn unmapped(&self) -> &[String] {
        &self.unmapped
    }

    /// The tool's cookies, which a site that switched tools deletes once
    /// the imported value is written: its consent cookie and its companion.
    pub fn source_cookies(&self) -> &[SourceCookie] {
        &self.cookies
    }

    /// The `Set-Cookie` header values that delete [`Imported::source_cookies`].
    pub fn deletion_headers(&self) -> Vec<String> {
        self.cookies.iter().map(SourceCookie::deletion_header).collect()
    }
}

#[cfg(feature = "json-text")]
#[cfg_attr(docsrs, doc(cfg(feature = "json-text")))]
/// Imports one foreign consent cookie's value (`docs/FORMAT.md` §13): the
/// value of `source`'s cookie (one pair of surrounding quotes is removed)
/// becomes a canonical value with method `imported`, the policy's
/// revision, the source's decision days and, from a UUID source, its
/// consent id; or the reason nothing is imported.
///
/// ```
/// use cookieprefs::{import, Category, Date, ImportOptions, ImportSource, Policy, State};
/// let today = Date::from_ymd(2026, 11, 24)?;
/// let policy = Policy::builder().revision(3).standard_categories().build()?;
/// let got = import(ImportSource::Tarteaucitron, "!gtag=true!youtube=false!facebook=wait",
///                  &policy, today, &ImportOptions::new()).unwrap();
/// let p = got.preferences();
/// assert_eq!(p.state(Category::STATISTICS), State::Granted);
/// assert_eq!(p.state(Category::THIRD_PARTY), State::Denied);
/// assert_eq!(p.revision(), 3);
/// assert_eq!(p.to_string(), "BYADCdcJ1w4Q");
///
/// let skip = import(ImportSource::Tarteaucitron, "!gtag=wait", &policy, today, &ImportOptions::new());
/// assert_eq!(skip.unwrap_err().kind(), "not_answered");
/// # Ok::<(), cookieprefs::Error>(())
/// ```
///
/// # Errors
/// An [`ImportSkip`] says why nothing is imported.
pub fn import(
    source: ImportSource,
    value: impl AsRef<[u8]>,
    policy: &Policy,
    today: Date,
    options: &ImportOptions<'_>,
) -> Result<Imported, ImportSkip> {
    let value = text::strip_quotes(value.as_ref());
    let companion = options.companion.map(text::strip_quotes);
    import_value(source, value, companion, policy, today, options)
}

#[cfg(feature = "json-text")]
#[cfg_attr(docsrs, doc(cfg(feature = "json-text")))]
/// Finds a known tool's consent cookie in a whole `Cookie:` request header
/// and imports it: the sources the policy enables (every one by default),
/// in the order of [`ImportSource::ALL`], each at the cookie name the
/// policy gives it, with its companion cookie; the first that imports
/// wins. The header is read with the crate's lookup ([`find_cookie`]: the
/// first cookie of each name). The header's own cookieprefs value is not
/// looked at: call this only when the request has no valid one.
///
/// ```
/// use cookieprefs::{import_header, Date, ImportOptions, ImportSource, Policy};
/// let today = Date::from_ymd(2026, 11, 24)?;
/// let header = b"sessionid=x; cookies_policy={\"essential\":true,\"settings\":false,\"usage\":true,\"campaigns\":false}; cookies_preferences_set=true";
/// let got = import_header(header, &Policy::default(), today, &ImportOptions::new()).unwrap();
/// assert_eq!(got.source(), ImportSource::Govuk);
/// assert_eq!(got.source_cookies()[1].name(), "cookies_preferences_set");
/// assert_eq!(import_header(b"a=b", &Policy::default(), today, &ImportOptions::new()).unwrap_err().kind(), "not_found");
/// # Ok::<(), cookieprefs::Error>(())
/// ```
///
/// # Errors
/// [`ImportSkip::NotFound`] when the header holds no cookie of an enabled
/// source; else the reason the first source found was not imported.
pub fn import_header(
    header: &[u8],
    policy: &Policy,
    today: Date,
    options: &ImportOptions<'_>,
) -> Result<Imported, ImportSkip> {
    let settings = &policy.inner.import;
    let mut first_skip = None;
    for source in ImportSource::ALL {
        if !settings.enabled(source) {
            continue;
        }
        let cookie = settings.source_cookie(source);
        let Some(range) = find_cookie(header, &cookie.name) else {
            continue;
        };
        let companion = source
            .companion_cookie_name()
            .and_then(|n| find_cookie(header, n))
            .map(|r| &header[r]);
        match import_value(source, &header[range], companion, policy, today, options) {
            Ok(imported) => return Ok(imported),
            Err(skip) => {
                first_skip.get_or_insert(skip);
            }
        }
    }
    Err(first_skip.unwrap_or(ImportSkip::NotFound))
}

#[cfg(feature = "json-text")]
/// The shared rules, after the value is found and unquoted.
fn import_value(
    source: ImportSource,
    value: &[u8],
    companion: Option<&[u8]>,
    policy: &Policy,
    today: Date,
    options: &ImportOptions<'_>,
) -> Result<Imported, ImportSkip> {
    if value.is_empty() {
        return Err(ImportSkip::NotFound);
    }
    if value.len() > MAX_IMPORT_VALUE_LEN {
        return Err(ImportSkip::TooLong { len: value.len() });
    }
    let companion = companion.filter(|c| c.len() <= MAX_IMPORT_VALUE_LEN);
    let reading = match source {
        ImportSource::VanillaCookieconsent => vanilla_cookieconsent::read(value)?,
        ImportSource::Tarteaucitron => tarteaucitron::read(value)?,
        ImportSource::Klaro => klaro::read(value)?,
        ImportSource::DjangoCookieConsent => django_cookie_consent::read(value)?,
        ImportSource::Govuk => govuk::read(value, companion)?,
        ImportSource::GovukDesignSystem => govuk_design_system::read(value)?,
        ImportSource::Cookiebot => cookiebot::read(value)?,
        ImportSource::Onetrust => onetrust::read(value, companion)?,
        ImportSource::Tcf => tcf::read(value)?,
        ImportSource::Gpp => gpp::read(value)?,
        ImportSource::Trustcommander => trustcommander::read(value)?,
    };
    let settings = &policy.inner.import;
    let offered = policy.inner.offered;

    // Map and merge: per category, any refusal wins, then any undecided item.
    let mut merged: [Option<Answer>; 64] = [None; 64];
    let mut merge = |c: Category, a: Answer| {
        let slot = &mut merged[usize::from(c.id())];
        *slot = Some(slot.map_or(a, |b| b.max(a)));
    };
    let mut unmapped: Vec<String> = Vec::new();
    let mut report = |item: &str| {
        if unmapped.len() < MAX_REPORTED && !unmapped.iter().any(|u| u == item) {
            unmapped.push(item.chars().take(64).collect());
        }
    };
    if let Some(table) = ImportTable::of(source) {
        for (item, answer) in &reading.items {
            match settings.lookup(table, item.as_bytes(), offered) {
                Target::Category(c) => merge(c, *answer),
                Target::Dropped => {}
                Target::Unmapped => report(item),
            }
        }
        if let Some(answer) = reading.unlisted {
            let listed: Vec<String> = reading.items.iter().map(|(i, _)| mapping::normalise(i)).collect();
            for e in &settings.tables[table as usize] {
                if let Some(c) = e.target {
                    if c != Category::NECESSARY && offered & c.bit() != 0 && !listed.contains(&e.norm) {
                        merge(c, answer);
                    }
                }
            }
        }
    }
    if let Some(consented) = reading.tcf {
        let mut covered = 0u32;
        for (c, set) in settings.tcf_sets(offered) {
            covered |= set;
            merge(
                c,
                if consented & set == set {
                    Answer::Granted
                } else {
                    Answer::Denied
                },
            );
        }
        for p in 1..=u32::from(MAX_TCF_PURPOSE) {
            if consented & !covered & (1 << (p - 1)) != 0 {
                report(&format!("purpose {p}"));
            }
        }
    }

    // Dates: the first and last decision, or today.
    let (first, last) = match (reading.days.iter().min(), reading.days.iter().max()) {
        (Some(&f), Some(&l)) => (f, l),
        _ => (today.unix_days(), today.unix_days()),
    };
    let tomorrow = today.unix_days() + 1;
    let date = |d: i64| Date::from_unix_days(d).ok().filter(|_| d <= tomorrow);
    let (Some(created), Some(updated)) = (date(first), date(last)) else {
        return Err(ImportSkip::DateOutOfRange);
    };

    // What still counts under the policy's max ages.
    let (max_granted, max_denied) = policy.max_age_days();
    let age = i64::from(today.days_since(updated).max(0));
    let mut b = Preferences::builder(created)
        .updated(updated)
        .revision(policy.revision())
        .method(Method::Imported);
    let (mut decided, mut kept) = (false, false);
    for (id, answer) in merged.iter().enumerate() {
        let Some(c) = u8::try_from(id).ok().and_then(|id| Category::new(id).ok()) else {
            continue;
        };
        match answer {
            Some(Answer::Granted) => {
                decided = true;
                if age < i64::from(max_granted) {
                    kept = true;
                    b = b.grant(c);
                }
            }
            Some(Answer::Denied) => {
                decided = true;
                if age < i64::from(max_denied) {
                    kept = true;
                    b = b.deny(c);
                }
            }
            _ => {}
        }
    }
    if !decided {
        return Err(ImportSkip::NothingMapped { unmapped });
    }
    if !kept {
        return Err(ImportSkip::Expired);
    }
    if settings.keep_consent_id && !options.drop_consent_id {
        b = b.consent_id(reading.consent_id);
    }
    let preferences = b
        .build()
        .map_err(|_| ImportSkip::malformed("not a valid value"))?;
    let main = settings.source_cookie(source);
    let mut cookies = vec![main.clone()];
    if let Some(name) = source.companion_cookie_name() {
        cookies.push(main.renamed(name));
    }
    Ok(Imported {
        preferences,
        source,
        unmapped,
        cookies,
    })
}
