//! Applying a [`Policy`] to a stored value: [`Policy::evaluate`] and the
//! [`Evaluation`] it returns.

use core::fmt;

use crate::{
    decode, find_cookies, Category, ConsentMode, ConsentType, Date, Error, Method, Policy, Preferences, State,
};

/// Days of clock skew allowed before a stored date counts as "in the future".
pub const CLOCK_SKEW_DAYS: u16 = 1;

/// Why the banner must be shown (the first that applies, in this order).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BannerReason {
    /// No cookie: the visitor was never asked.
    NoChoice,
    /// The cookie is not a valid value (see [`Evaluation::error`]).
    InvalidValue,
    /// Stored answers are older than the policy's max age.
    Expired,
    /// Stored answers were given under an older revision than a category's `since_revision`.
    PolicyUpdated,
    /// A category the policy offers was never answered (added since).
    NewCategory,
}

impl BannerReason {
    /// `"no_choice"`, `"invalid_value"`, `"expired"`, `"policy_updated"` or `"new_category"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            BannerReason::NoChoice => "no_choice",
            BannerReason::InvalidValue => "invalid_value",
            BannerReason::Expired => "expired",
            BannerReason::PolicyUpdated => "policy_updated",
            BannerReason::NewCategory => "new_category",
        }
    }
}

impl fmt::Display for BannerReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The result of applying a [`Policy`] to a request's cookie: the effective
/// state of every category, whether the banner must be shown and why, the
/// decoding error if any (fail closed), and the Consent Mode state.
///
/// ```
/// use cookieprefs::{Category, Date, Policy, State, BannerReason};
/// let policy = Policy::builder().revision(3).standard_categories().build()?;
/// let today = Date::from_ymd(2026, 11, 24)?;
///
/// let ev = policy.evaluate(Some("BAADCdcJ1w5Q"), today, false);
/// assert!(!ev.needs_banner());
/// assert!(ev.allowed(Category::STATISTICS));
/// assert!(!ev.allowed(Category::THIRD_PARTY));
///
/// let ev = policy.evaluate(Some("garbage!"), today, false);
/// assert_eq!(ev.banner_reason(), Some(BannerReason::InvalidValue));
/// assert_eq!(ev.error().unwrap().kind(), "invalid_character");
/// assert_eq!(ev.state(Category::STATISTICS), State::NotAsked);
/// # Ok::<(), cookieprefs::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evaluation {
    policy: Policy,
    granted: u64,
    denied: u64,
    reason: Option<BannerReason>,
    error: Option<Error>,
    stored: Option<Preferences>,
    /// The offered categories rule 4 denied (GPC with no answer that counts).
    pub(crate) gpc_denied: u64,
    consent_mode: ConsentMode,
    today: Date,
    /// Copies of the cookie in the request (0 or 1 unless a header held more).
    copies: u32,
    /// The first invalid copy's error when a valid copy was used instead.
    ignored_error: Option<Error>,
    /// Several valid copies that do not all hold the same value.
    copies_differ: bool,
}

/// What one stored value still answers after rules 2 and 3 (age, targeted
/// re-consent), for the categories the policy offers.
#[derive(Debug, Clone, Copy)]
struct Answers {
    granted: u64,
    denied: u64,
    expired: bool,
    outdated: bool,
}

impl Answers {
    /// Several copies (FORMAT.md §8): a grant counts only where every copy
    /// grants; a refusal in any copy wins.
    fn merge(self, other: Answers) -> Answers {
        let denied = self.denied | other.denied;
        Answers {
            granted: self.granted & other.granted & !denied,
            denied,
            expired: self.expired | other.expired,
            outdated: self.outdated | other.outdated,
        }
    }
}

/// What rule 1 made of the request's cookie, before rules 2–7.
struct Read {
    /// The value used: the first valid copy.
    stored: Option<Preferences>,
    /// The merged answers of every valid copy.
    answers: Option<Answers>,
    /// The first copy's error when no copy is valid.
    error: Option<Error>,
    copies: u32,
    ignored_error: Option<Error>,
    copies_differ: bool,
}

impl Read {
    const NONE: Read = Read {
        stored: None,
        answers: None,
        error: None,
        copies: 0,
        ignored_error: None,
        copies_differ: false,
    };
}

impl Policy {
    /// Applies the policy to a cookie value (`None`: no cookie), on day
    /// `today`, with or without a Global Privacy Control signal.
    ///
    /// The rules, in order (`docs/FORMAT.md` §6):
    /// 1. no value → every optional category not asked; an undecodable value
    ///    or a date after `today + 1` → likewise, with the error kept;
    /// 2. an answer is dropped (not asked) once `today - updated` reaches the
    ///    max age for its kind (grants, refusals);
    /// 3. an answer given under a revision below the category's
    ///    `since_revision` is dropped;
    /// 4. with `gpc`, each GPC category still not asked is denied;
    /// 5. the banner is needed while any offered category is not asked.
    pub fn evaluate(&self, value: Option<&str>, today: Date, gpc: bool) -> Evaluation {
        self.evaluate_bytes(value.map(str::as_bytes), today, gpc)
    }

    /// [`Policy::evaluate`] for a value given as bytes.
    pub fn evaluate_bytes(&self, value: Option<&[u8]>, today: Date, gpc: bool) -> Evaluation {
        let mut read = Read::NONE;
        if let Some(v) = value {
            self.read_copy(&mut read, v, today);
        }
        self.apply(read, today, gpc)
    }

    /// [`Policy::evaluate`] on the policy's cookie in a whole `Cookie:`
    /// request header (`None`: no header). When the header holds the cookie
    /// several times (a sibling subdomain's `Domain` cookie, an old path,
    /// another tool's cookie of the same name), every copy is read
    /// (`docs/FORMAT.md` §8): invalid copies are ignored while a valid one
    /// exists ([`Evaluation::ignored_error`] reports the first), and a
    /// category is granted only if every valid copy grants it.
    ///
    /// ```
    /// # use cookieprefs::{Category, Date, Policy};
    /// let ev = Policy::default().evaluate_header(Some(b"a=1; b=2"), Date::today(), true);
    /// assert!(ev.needs_banner());
    /// assert!(ev.gpc_applied());
    ///
    /// // A grant-all copy planted before the visitor's own refuse-all.
    /// let policy = Policy::builder().revision(1).standard_categories().build()?;
    /// let header = b"cookies_preferences=BAABCdcJ1w6g; cookies_preferences=BAABCdcJ1w1Q";
    /// let ev = policy.evaluate_header(Some(header), Date::from_ymd(2026, 11, 24)?, false);
    /// assert!(!ev.allowed(Category::STATISTICS));
    /// assert_eq!(ev.copies(), 2);
    /// # Ok::<(), cookieprefs::Error>(())
    /// ```
    pub fn evaluate_header(&self, header: Option<&[u8]>, today: Date, gpc: bool) -> Evaluation {
        let mut read = Read::NONE;
        if let Some(h) = header {
            for r in find_cookies(h, &self.inner.cookie.name) {
                self.read_copy(&mut read, &h[r], today);
            }
        }
        self.apply(read, today, gpc)
    }

    /// [`Policy::evaluate`] on an already decoded value.
    pub fn evaluate_preferences(&self, prefs: &Preferences, today: Date, gpc: bool) -> Evaluation {
        let mut read = Read::NONE;
        self.add_copy(&mut read, self.check_stored(*prefs, today), today);
        self.apply(read, today, gpc)
    }

    /// Rule 1 for one copy of the cookie.
    fn read_copy(&self, read: &mut Read, value: &[u8], today: Date) {
        self.add_copy(
            read,
            decode(value).and_then(|p| self.check_stored(p, today)),
            today,
        );
    }

    fn add_copy(&self, read: &mut Read, copy: Result<Preferences, Error>, today: Date) {
        read.copies = read.copies.saturating_add(1);
        match copy {
            Ok(p) => {
                let a = self.answers(&p, today);
                read.answers = Some(read.answers.map_or(a, |m| m.merge(a)));
                match read.stored {
                    Some(first) => read.copies_differ |= first != p,
                    None => {
                        read.stored = Some(p);
                        // Invalid copies seen so far are ignored: a valid one exists.
                        read.ignored_error = read.error.take();
                    }
                }
            }
            Err(e) => {
                let slot = if read.stored.is_some() {
                    &mut read.ignored_error
                } else {
                    &mut read.error
                };
                if slot.is_none() {
                    *slot = Some(e);
                }
            }
        }
    }

    /// Rules 2 and 3 for one valid stored value.
    fn answers(&self, s: &Preferences, today: Date) -> Answers {
        let p = &*self.inner;
        let offered = p.offered;
        let age = today.days_since(s.updated).max(0);
        let grants_live = age < i32::from(p.max_age_granted);
        let refusals_live = age < i32::from(p.max_age_denied);
        let mut a = Answers {
            granted: if grants_live { s.granted & offered } else { 0 },
            denied: if refusals_live { s.denied & offered } else { 0 },
            expired: (!grants_live && s.granted & offered != 0)
                || (!refusals_live && s.denied & offered != 0),
            outdated: false,
        };
        for c in &p.categories {
            let bit = c.category.bit();
            if (a.granted | a.denied) & bit != 0 && s.revision < c.since_revision {
                a.granted &= !bit;
                a.denied &= !bit;
                a.outdated = true;
            }
        }
        a
    }

    /// Rules 4–7 on what rule 1 read.
    fn apply(&self, read: Read, today: Date, gpc: bool) -> Evaluation {
        let p = &*self.inner;
        let offered = p.offered;
        let Answers {
            granted,
            mut denied,
            expired,
            outdated,
        } = read.answers.unwrap_or(Answers {
            granted: 0,
            denied: 0,
            expired: false,
            outdated: false,
        });
        let mut gpc_denied = 0;
        if gpc {
            gpc_denied = p.gpc & offered & !(granted | denied);
            denied |= gpc_denied;
        }
        let needs_banner = offered & !(granted | denied) != 0;
        let reason = needs_banner.then(|| {
            if read.error.is_some() {
                BannerReason::InvalidValue
            } else if read.stored.is_none() {
                BannerReason::NoChoice
            } else if expired {
                BannerReason::Expired
            } else if outdated {
                BannerReason::PolicyUpdated
            } else {
                BannerReason::NewCategory
            }
        });
        let granted = granted | Category::NECESSARY.bit();
        let mut consent_mode = ConsentMode::all_denied();
        for t in ConsentType::ALL {
            consent_mode.set(t, granted & p.consent_mode[t as usize].bit() != 0);
        }
        Evaluation {
            policy: self.clone(),
            granted,
            denied,
            reason,
            error: read.error,
            stored: read.stored,
            gpc_denied,
            consent_mode,
            today,
            copies: read.copies,
            ignored_error: read.ignored_error,
            copies_differ: read.copies_differ,
        }
    }
}

impl Policy {
    /// Rule 1's checks beyond decoding: a value dated after today (beyond the
    /// clock skew) or saved under a later policy revision than this one
    /// cannot be a choice made under this policy.
    fn check_stored(&self, p: Preferences, today: Date) -> Result<Preferences, Error> {
        // `updated >= created` holds for every Preferences, so checking `updated` covers both.
        if p.updated.days_since(today) > i32::from(CLOCK_SKEW_DAYS) {
            return Err(Error::DateInFuture {
                date: p.updated,
                today,
            });
        }
        if p.revision > self.inner.revision {
            return Err(Error::RevisionInFuture {
                revision: p.revision,
                current: self.inner.revision,
            });
        }
        Ok(p)
    }
}

impl Evaluation {
    /// The effective state of a category: `necessary` is always granted;
    /// categories the policy does not offer are not asked.
    pub fn state(&self, category: Category) -> State {
        let bit = category.bit();
        if self.granted & bit != 0 {
            State::Granted
        } else if self.denied & bit != 0 {
            State::Denied
        } else {
            State::NotAsked
        }
    }

    /// Whether cookies of this category may be set ("may I load X?").
    pub fn allowed(&self, category: Category) -> bool {
        self.state(category) == State::Granted
    }

    /// [`Evaluation::allowed`] by category name (`None` for a name the policy does not know).
    pub fn allowed_by_name(&self, name: &str) -> Option<bool> {
        self.policy.category(name).map(|c| self.allowed(c))
    }

    /// Whether the banner must be shown ("must I ask?").
    pub fn needs_banner(&self) -> bool {
        self.reason.is_some()
    }

    /// Why the banner must be shown; `None` when it need not be.
    pub fn banner_reason(&self) -> Option<BannerReason> {
        self.reason
    }

    /// The error of an invalid cookie value (the value was ignored: fail closed).
    pub fn error(&self) -> Option<&Error> {
        self.error.as_ref()
    }

    /// How many copies of the cookie the request held (0: none; more than 1
    /// only from [`Policy::evaluate_header`]).
    pub fn copies(&self) -> u32 {
        self.copies
    }

    /// The error of the first invalid copy of the cookie that was ignored
    /// because a valid copy was used (`docs/FORMAT.md` §8); [`Evaluation::error`]
    /// is then `None`. Worth logging: another tool may write a cookie of the
    /// same name.
    pub fn ignored_error(&self) -> Option<&Error> {
        self.ignored_error.as_ref()
    }

    /// The stored choice, when the cookie held a valid one (even if some of
    /// its answers no longer count); of several copies, the first valid one.
    pub fn stored(&self) -> Option<&Preferences> {
        self.stored.as_ref()
    }

    /// Whether Global Privacy Control denied at least one category.
    pub fn gpc_applied(&self) -> bool {
        self.gpc_denied != 0
    }

    /// The Google Consent Mode v2 state.
    pub fn consent_mode(&self) -> ConsentMode {
        self.consent_mode
    }

    /// The policy this evaluation applied.
    pub fn policy(&self) -> &Policy {
        &self.policy
    }

    /// The day the evaluation was made for.
    pub fn today(&self) -> Date {
        self.today
    }

    /// Every category (necessary first, then those the policy offers) with its
    /// site name and effective state.
    pub fn categories(&self) -> impl Iterator<Item = (Category, &str, State)> + '_ {
        core::iter::once((Category::NECESSARY, "necessary", State::Granted)).chain(
            self.policy
                .categories()
                .iter()
                .map(|c| (c.category, c.name.as_str(), self.state(c.category))),
        )
    }

    /// The new value to store when the visitor answers now: the offered
    /// categories in `granted` are granted and every other offered category is
    /// denied; refusals of categories the policy does not offer are kept from
    /// the stored value, grants of them are dropped; `created` is kept from the stored value (clamped to
    /// today if it is dated ahead, within the clock skew), `updated` is today,
    /// the revision is the policy's.
    ///
    /// ```
    /// # use cookieprefs::{Policy, Date, Category, Method, State};
    /// let policy = Policy::default();
    /// let today = Date::from_ymd(2026, 11, 24)?;
    /// let ev = policy.evaluate(None, today, false);
    /// let prefs = ev.choose(&[Category::STATISTICS], Method::Banner)?;
    /// assert_eq!(prefs.state(Category::STATISTICS), State::Granted);
    /// assert_eq!(prefs.state(Category::THIRD_PARTY), State::Denied);
    /// # Ok::<(), cookieprefs::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::NecessaryNotStored`] if `granted` holds `necessary`;
    /// [`Error::CategoryNotOffered`] for a category the policy does not offer.
    pub fn choose(&self, granted: &[Category], method: Method) -> Result<Preferences, Error> {
        let offered = self.policy.inner.offered;
        let mut mask = 0u64;
        for c in granted {
            if *c == Category::NECESSARY {
                return Err(Error::NecessaryNotStored);
            }
            if offered & c.bit() == 0 {
                return Err(Error::CategoryNotOffered { name: c.to_string() });
            }
            mask |= c.bit();
        }
        Ok(self.choose_mask(mask, method))
    }

    /// "Accept all": [`Evaluation::choose`] with every offered category
    /// granted but those the GPC signal refused ([`Evaluation::gpc_refused`]):
    /// the visitor's browser said no, and only an explicit choice of that
    /// category (through [`Evaluation::choose`]) grants it. The banner's
    /// "Accept", which answers only what it asks, is
    /// [`Evaluation::accept_asked`].
    ///
    /// ```
    /// # use cookieprefs::{Policy, Date, Category, Method, State};
    /// let ev = Policy::default().evaluate(None, Date::from_ymd(2026, 11, 24)?, false);
    /// let prefs = ev.accept_all(Method::Banner);
    /// assert_eq!(prefs.state(Category::THIRD_PARTY), State::Granted);
    /// # Ok::<(), cookieprefs::Error>(())
    /// ```
    pub fn accept_all(&self, method: Method) -> Preferences {
        self.choose_mask(self.policy.inner.offered & !self.gpc_denied, method)
    }

    /// "Reject all": [`Evaluation::choose`] with every offered category denied
    /// (standing grants revoked). The banner's "Reject", which keeps standing
    /// answers, is [`Evaluation::reject_asked`].
    ///
    /// ```
    /// # use cookieprefs::{Policy, Date, Category, Method, State};
    /// let ev = Policy::default().evaluate(None, Date::from_ymd(2026, 11, 24)?, false);
    /// let prefs = ev.reject_all(Method::Banner);
    /// assert_eq!(prefs.state(Category::STATISTICS), State::Denied);
    /// # Ok::<(), cookieprefs::Error>(())
    /// ```
    pub fn reject_all(&self, method: Method) -> Preferences {
        self.choose_mask(0, method)
    }

    /// The rule of "saving a choice" (FORMAT.md §6) for a mask of offered
    /// categories to grant; infallible because every input is already checked.
    pub(crate) fn choose_mask(&self, mask: u64, method: Method) -> Preferences {
        let p = &*self.policy.inner;
        let offered = p.offered;
        let mut prefs = match self.stored {
            // A value dated up to a day ahead (clock skew) cannot keep a
            // `created` after the new `updated`.
            Some(s) => Preferences {
                created: s.created.min(self.today),
                ..s
            },
            None => Preferences {
                revision: 0,
                created: self.today,
                updated: self.today,
                method,
                consent_id: None,
                granted: 0,
                denied: 0,
            },
        };
        prefs.updated = self.today;
        prefs.revision = p.revision;
        prefs.method = method;
        // A stored grant of a category the policy no longer offers is dropped:
        // re-dated with this choice it would outlive what the visitor was
        // shown. Refusals of such categories are kept (they never grant).
        prefs.granted = mask & offered;
        prefs.denied = (prefs.denied & !offered) | (offered & !mask);
        prefs
    }

    /// The `Set-Cookie` header value that stores `prefs`, a value chosen on
    /// this evaluation's day under its policy (see [`Policy::set_cookie_header`]).
    ///
    /// ```
    /// # use cookieprefs::{Policy, Date, Method};
    /// let ev = Policy::default().evaluate(None, Date::from_ymd(2026, 11, 24)?, false);
    /// assert_eq!(ev.set_cookie_header_for(&ev.reject_all(Method::Banner)),
    ///     "cookies_preferences=BAAACdcJ1w1Q; Max-Age=15811200; Path=/; SameSite=Lax; Secure");
    /// # Ok::<(), cookieprefs::Error>(())
    /// ```
    pub fn set_cookie_header_for(&self, prefs: &Preferences) -> String {
        self.policy.set_cookie_header(prefs, self.today)
    }

    /// The `Set-Cookie` header value that refreshes the stored value, if there
    /// is one that still needs no banner (and, when the request held several
    /// valid copies, they all hold the same value); `None` otherwise.
    pub fn set_cookie_header(&self) -> Option<String> {
        match (&self.stored, self.reason, self.copies_differ) {
            (Some(p), None, false) => Some(self.policy.set_cookie_header(p, self.today)),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::{Category, Date, Method, Policy, Preferences, State};

    /// A grant of a category the policy no longer offers is not carried into
    /// a new choice (re-dated, it would never expire); a refusal is.
    #[test]
    fn choose_drops_stale_grants_and_keeps_stale_refusals() {
        let youtube = Category::new(16).unwrap();
        let vimeo = Category::new(17).unwrap();
        let old = Date::from_ymd(2026, 1, 10).unwrap();
        let today = Date::from_ymd(2026, 5, 1).unwrap();
        let stored = Preferences::builder(old)
            .grant(Category::STATISTICS)
            .grant(youtube)
            .deny(vimeo)
            .build()
            .unwrap();
        let policy = Policy::builder().standard_categories().build().unwrap();
        let ev = policy.evaluate_preferences(&stored, today, false);
        for prefs in [
            ev.choose(&[Category::STATISTICS], Method::Banner).unwrap(),
            ev.accept_all(Method::Banner),
            ev.reject_all(Method::PreferencesPage),
        ] {
            assert_eq!(prefs.state(youtube), State::NotAsked, "{prefs:?}");
            assert_eq!(prefs.state(vimeo), State::Denied, "{prefs:?}");
            assert_eq!(prefs.created(), old);
            assert_eq!(prefs.updated(), today);
        }
    }

    /// A value from a later policy revision is rejected, so it cannot escape
    /// a re-consent by claiming a revision the site has not reached.
    #[test]
    fn a_later_revision_fails_closed() {
        let today = Date::from_ymd(2026, 11, 24).unwrap();
        let policy = Policy::builder()
            .revision(3)
            .standard_categories()
            .build()
            .unwrap();
        let ev = policy.evaluate(Some("BA__CdcJ1w6g"), today, false);
        assert_eq!(ev.error().map(crate::Error::kind), Some("revision_in_future"));
        assert!(ev.needs_banner());
        assert!(ev.stored().is_none());
        assert!(!ev.allowed(Category::STATISTICS));
    }
}
