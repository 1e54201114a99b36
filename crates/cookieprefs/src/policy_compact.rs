//! The compact form of a policy (`docs/FORMAT.md` §14): what evaluating,
//! choosing, enforcing and Consent Mode need, on one line, written by the
//! core from a checked policy and read back without re-running the checks.
//!
//! It exists for the browser: a page's WebAssembly module built without the
//! policy checks and their messages (`bindings/js`, the `page` build) is
//! handed the policy the server already checked. Reading it checks its
//! structure, everything that ends up in a header (cookie names, domains,
//! paths), and that GPC and the declared cookies name offered categories.
//! The site's texts, the cookies' texts and retention, and the import
//! settings are not in it.

use crate::quote::Quoted;
use std::sync::Arc;

use crate::cookie_header::check_cookie;
use crate::cookie_inventory::{check_name, DeclaredCookie, Inventory, Undeclared};
use crate::policy::{PolicyCategory, PolicyInner, MAX_AGE_CEILING_DAYS};
use crate::{Category, CookieAttributes, Error, Policy, SameSite, MAX_REVISION};

/// The first field of the compact form: its name and version.
pub const COMPACT_POLICY_TAG: &str = "cookieprefs-policy/1";

impl Policy {
    /// The compact form of this policy (`docs/FORMAT.md` §14): one line of
    /// fields separated by single spaces, for a page that evaluates the
    /// visitor's cookie itself. [`Policy::from_compact`] reads it back.
    ///
    /// ```
    /// use cookieprefs::Policy;
    /// let policy = Policy::default();
    /// let compact = policy.to_compact();
    /// assert!(compact.starts_with("cookieprefs-policy/1 0 183 183 8 "));
    /// assert_eq!(Policy::from_compact(&compact)?.to_compact(), compact);
    /// # Ok::<(), cookieprefs::Error>(())
    /// ```
    pub fn to_compact(&self) -> String {
        let p = &self.inner;
        let c = &p.cookie;
        let same_site = match c.same_site {
            SameSite::Lax => 0,
            SameSite::Strict => 1,
            SameSite::None => 2,
        };
        let mut fields: Vec<String> = vec![COMPACT_POLICY_TAG.to_owned()];
        fields.extend([p.revision, p.max_age_granted, p.max_age_denied].map(|n| n.to_string()));
        fields.push(p.gpc.to_string());
        fields.extend(p.consent_mode.map(|c| c.id().to_string()));
        fields.extend([
            c.name.clone(),
            c.domain.clone().unwrap_or_default(),
            c.path.clone(),
        ]);
        fields.push((u8::from(c.secure) | u8::from(c.http_only) << 1 | same_site << 2).to_string());
        fields.push(u8::from(p.undeclared == Undeclared::Block).to_string());
        fields.push(p.languages.len().to_string());
        fields.extend(p.languages.iter().cloned());
        fields.push(p.categories.len().to_string());
        for c in &p.categories {
            fields.extend([
                c.category.id().to_string(),
                c.name.clone(),
                c.since_revision.to_string(),
            ]);
        }
        fields.push(p.inventory.cookies.len().to_string());
        for c in &p.inventory.cookies {
            fields.extend([
                c.name.clone(),
                c.category.id().to_string(),
                c.domain.clone().unwrap_or_default(),
                c.path.clone(),
                u8::from(c.implicit).to_string(),
            ]);
        }
        fields.join(" ")
    }

    /// Reads the compact form written by [`Policy::to_compact`].
    ///
    /// The policy's rules were checked when it was built; this checks the
    /// form's structure, the ranges of its numbers, the cookie names,
    /// domains and paths (they end up in headers), and that GPC and the
    /// declared cookies name offered categories. The result has no site
    /// texts, no cookie texts or retention and no import settings (the
    /// library's own texts stand in).
    ///
    /// # Errors
    /// [`Error::InvalidPolicy`], saying at which field the form went wrong.
    pub fn from_compact(text: &str) -> Result<Policy, Error> {
        let mut r = Reader {
            fields: text.split(' '),
            at: 0,
        };
        if r.text()? != COMPACT_POLICY_TAG {
            return Err(r.fail("it must start with \"cookieprefs-policy/1\""));
        }
        let revision = r.number(MAX_REVISION.into())? as u16;
        let mut max_age = [0u16; 2];
        for days in &mut max_age {
            *days = r.number(MAX_AGE_CEILING_DAYS.into())? as u16;
            if *days == 0 {
                return Err(r.fail("a validity of 0 days"));
            }
        }
        let gpc = r.number(u64::MAX)?;
        let gpc_field = r.at;
        let mut consent_mode = [Category::NECESSARY; 7];
        for slot in &mut consent_mode {
            *slot = r.category()?;
        }
        let name = r.text()?.to_owned();
        let cookie_field = r.at;
        let domain = r.optional()?;
        let path = r.text()?.to_owned();
        let flags = r.number(0b1011)?;
        let cookie = CookieAttributes {
            name,
            domain,
            path,
            secure: flags & 1 != 0,
            http_only: flags & 2 != 0,
            same_site: match flags >> 2 {
                0 => SameSite::Lax,
                1 => SameSite::Strict,
                _ => SameSite::None,
            },
        };
        check_cookie(&cookie).map_err(|e| r.fail_at(cookie_field, &e))?;
        let undeclared = match r.number(1)? {
            0 => Undeclared::Allow,
            _ => Undeclared::Block,
        };
        let mut languages = Vec::new();
        for _ in 0..r.number(crate::MAX_LANGUAGES as u64)? {
            languages.push(r.text()?.to_owned());
        }
        if languages.is_empty() {
            return Err(r.fail("no language"));
        }
        let mut categories: Vec<PolicyCategory> = Vec::new();
        let mut offered = 0u64;
        for _ in 0..r.number(Category::MAX_ID.into())? {
            let category = r.category()?;
            if category.bit() <= offered || category == Category::NECESSARY {
                return Err(r.fail("the categories must be optional and in increasing id order"));
            }
            offered |= category.bit();
            categories.push(PolicyCategory {
                category,
                name: r.text()?.to_owned(),
                since_revision: r.number(revision.into())? as u16,
            });
        }
        if gpc & !offered != 0 {
            return Err(r.fail_at(gpc_field, "GPC refuses a category not offered"));
        }
        let mut cookies = Vec::new();
        for _ in 0..r.number(crate::MAX_DECLARED_COOKIES as u64 + 1)? {
            let name = r.text()?;
            let name_field = r.at;
            check_name(name).map_err(|e| r.fail(&e))?;
            let category = r.category()?;
            if category != Category::NECESSARY && offered & category.bit() == 0 {
                return Err(r.fail("a cookie's category is not offered"));
            }
            let mut c = DeclaredCookie::new(name, category);
            c.domain = r.optional()?;
            c.path = r.text()?.to_owned();
            c.implicit = r.number(1)? == 1;
            let attributes = CookieAttributes {
                domain: c.domain.clone(),
                path: c.path.clone(),
                ..CookieAttributes::default()
            };
            check_cookie(&attributes).map_err(|e| r.fail_at(name_field, &e))?;
            cookies.push(c);
        }
        if r.fields.next().is_some() {
            return Err(r.fail_at(r.at + 1, "more fields than the form has"));
        }
        Ok(Policy {
            inner: Arc::new(PolicyInner {
                revision,
                categories,
                offered,
                max_age_granted: max_age[0],
                max_age_denied: max_age[1],
                gpc,
                cookie,
                consent_mode,
                languages,
                texts: Vec::new(),
                inventory: Inventory::new(cookies),
                undeclared,
                import: Default::default(),
            }),
        })
    }
}

/// Reads the fields of the compact form; `at` counts them from 1.
struct Reader<'a> {
    fields: core::str::Split<'a, char>,
    at: usize,
}

impl<'a> Reader<'a> {
    /// An error at the field just read.
    fn fail(&self, what: &str) -> Error {
        self.fail_at(self.at, what)
    }

    /// An error at an earlier field (the first of a group checked
    /// together: a cookie's name, domain, path and flags).
    fn fail_at(&self, field: usize, what: &str) -> Error {
        Error::InvalidPolicy {
            reason: format!("compact form, field {field}: {what}"),
        }
    }

    /// The next field, which may not be empty.
    fn text(&mut self) -> Result<&'a str, Error> {
        self.at += 1;
        match self.fields.next() {
            Some(f) if !f.is_empty() => Ok(f),
            Some(_) => Err(self.fail("empty")),
            None => Err(self.fail("missing")),
        }
    }

    /// The next field; empty for none.
    fn optional(&mut self) -> Result<Option<String>, Error> {
        self.at += 1;
        match self.fields.next() {
            Some(f) => Ok((!f.is_empty()).then(|| f.to_owned())),
            None => Err(self.fail("missing")),
        }
    }

    /// A decimal number of at most `max`, without leading zeros.
    fn number(&mut self, max: u64) -> Result<u64, Error> {
        let field = self.text()?;
        let canonical =
            field.bytes().all(|b| b.is_ascii_digit()) && (field == "0" || !field.starts_with('0'));
        let n = field.bytes().try_fold(0u64, |n, b| {
            n.checked_mul(10)?.checked_add(u64::from(b.wrapping_sub(b'0')))
        });
        match n {
            Some(n) if canonical && n <= max => Ok(n),
            _ => Err(self.fail(&format!("expected a number 0-{max}, found {}", Quoted(field)))),
        }
    }

    /// A category id: 0–3 or 16–63 (4–15 are reserved, `docs/FORMAT.md` §1).
    fn category(&mut self) -> Result<Category, Error> {
        let id = self.number(Category::MAX_ID.into())?;
        match Category::new(id as u8) {
            Ok(c) if !c.is_reserved() => Ok(c),
            _ => Err(self.fail("a category id reserved for a future standard category")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn declared() -> Policy {
        Policy::builder()
            .revision(4)
            .standard_categories()
            .category(Category::new(16).unwrap(), "youtube", 2)
            .declare(DeclaredCookie::new("_pk_id.*", Category::STATISTICS).path("/stats"))
            .declare(DeclaredCookie::new("yt", Category::new(16).unwrap()).domain(".example.org"))
            .build()
            .unwrap()
    }

    #[test]
    fn round_trips_what_evaluation_needs() {
        for p in [Policy::default(), declared()] {
            let compact = p.to_compact();
            let back = Policy::from_compact(&compact).unwrap();
            assert_eq!(back.to_compact(), compact);
            let (a, b) = (&p.inner, &back.inner);
            assert_eq!(
                (
                    a.revision,
                    &a.categories,
                    a.offered,
                    a.max_age_granted,
                    a.max_age_denied
                ),
                (
                    b.revision,
                    &b.categories,
                    b.offered,
                    b.max_age_granted,
                    b.max_age_denied
                )
            );
            assert_eq!(
                (a.gpc, &a.cookie, a.consent_mode, &a.languages),
                (b.gpc, &b.cookie, b.consent_mode, &b.languages)
            );
            let names = |p: &PolicyInner| {
                p.inventory
                    .cookies
                    .iter()
                    .map(|c| {
                        (
                            c.name.clone(),
                            c.category,
                            c.domain.clone(),
                            c.path.clone(),
                            c.implicit,
                        )
                    })
                    .collect::<Vec<_>>()
            };
            assert_eq!(names(a), names(b));
        }
        assert_eq!(
            declared().to_compact(),
            "cookieprefs-policy/1 4 183 183 8 3 3 3 1 2 2 0 cookies_preferences  / 1 0 2 en fr \
             4 1 statistics 0 2 first_party 0 3 third_party 0 16 youtube 2 \
             3 cookies_preferences 0  / 1 _pk_id.* 1  /stats 0 yt 16 .example.org / 0"
        );
    }

    #[test]
    fn rejects_what_is_not_a_compact_policy() {
        let good = declared().to_compact();
        let cases: Vec<(String, &str)> = vec![
            (String::new(), "field 1: empty"),
            (
                "cookieprefs-policy/2 4".into(),
                "field 1: it must start with \"cookieprefs-policy/1\"",
            ),
            (
                good.replacen(" 4 183", " 4 396", 1),
                "field 3: expected a number 0-395, found \"396\"",
            ),
            (
                good.replacen(" 4 183", " 04 183", 1),
                "field 2: expected a number 0-4095, found \"04\"",
            ),
            (good.replacen(" 4 183", " +4 183", 1), "found \"+4\""),
            (
                good.replacen(" 183 183", " 183 0", 1),
                "field 4: a validity of 0 days",
            ),
            (
                good.replacen(" 8 3 3 3", " 9 3 3 3", 1),
                "GPC refuses a category not offered",
            ),
            (
                good.replacen(" 8 3 3 3", " 99999999999999999999 3 3 3", 1),
                "expected a number 0-18446744073709551615",
            ),
            (
                good.replacen(" 3 3 3 1", " 3 3 64 1", 1),
                "field 8: expected a number 0-63",
            ),
            (
                good.replacen("cookies_preferences  / 1", "cookies;preferences  / 1", 1),
                "is not an RFC 6265 token",
            ),
            (
                good.replacen(" /stats ", " /s;t=x ", 1),
                "must start with / and hold no ; or spaces",
            ),
            (good.replacen(" /stats ", "  ", 1), "empty"),
            (
                good.replacen("16 youtube", "0 youtube", 1),
                "optional and in increasing id order",
            ),
            (
                good.replacen("3 third_party", "1 third_party", 1),
                "optional and in increasing id order",
            ),
            (
                good.replacen("yt 16", "yt 17", 1),
                "a cookie's category is not offered",
            ),
            (good.replacen("_pk_id.*", "_pk*id.*", 1), "must be a cookie name"),
            (good.replacen(" 2 en fr ", " 0 ", 1), "no language"),
            (format!("{good} "), "more fields than the form has"),
            (good[..good.len() - 2].to_owned(), "missing"),
        ];
        for (text, want) in cases {
            let e = Policy::from_compact(&text).unwrap_err();
            assert_eq!(e.kind(), "invalid_policy", "{text}");
            assert!(e.to_string().contains(want), "{text}\n{e}\nwant {want}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig {
            cases: if cfg!(miri) { 4 } else { 2000 },
            failure_persistence: None,
            ..Default::default()
        })]

        /// Any edit of a good form is read without panicking, and whatever
        /// is accepted writes itself back unchanged.
        #[test]
        fn never_panics(at in 0usize..400, len in 0usize..4, with in "[ -~é]{0,3}") {
            let good = declared().to_compact();
            let at = at.min(good.len());
            let end = (at + len).min(good.len());
            if good.is_char_boundary(at) && good.is_char_boundary(end) {
                let text = format!("{}{with}{}", &good[..at], &good[end..]);
                if let Ok(p) = Policy::from_compact(&text) {
                    proptest::prop_assert_eq!(Policy::from_compact(&p.to_compact()).unwrap(), p);
                }
            }
        }
    }
}
