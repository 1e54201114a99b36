//! Answering the banner (`docs/FORMAT.md` §6, "Saving a choice"): which
//! offered categories a form asks, which the Global Privacy Control signal
//! refused, and what "accept" and "reject" save when only the asked
//! categories are answered (targeted re-consent).
//!
//! Every rule here is stated on an [`Evaluation`], so each surface (the
//! Django banner, the browser client, the C ABI's callers) asks and saves
//! the same way.

use crate::{Category, Evaluation, Method, Preferences, State};

impl Evaluation {
    /// The offered categories with no stored answer that counts (rules 1–3),
    /// whatever the GPC signal made of them.
    fn asked_mask(&self) -> u64 {
        self.policy()
            .categories()
            .iter()
            .filter(|c| self.state(c.category) == State::NotAsked)
            .fold(self.gpc_denied, |m, c| m | c.category.bit())
    }

    /// The standing grants: offered categories granted by a stored answer
    /// that still counts (GPC never grants, so none of them is asked).
    fn standing_grants(&self) -> u64 {
        self.policy()
            .categories()
            .iter()
            .filter(|c| self.state(c.category) == State::Granted)
            .fold(0, |m, c| m | c.category.bit())
    }

    /// The policy's categories in `mask`, in the policy's order.
    fn in_policy_order(&self, mask: u64) -> Vec<Category> {
        self.policy()
            .categories()
            .iter()
            .map(|c| c.category)
            .filter(|c| mask & c.bit() != 0)
            .collect()
    }

    /// The categories the banner **asks**: the offered categories that need
    /// an answer because no stored answer for them counts after rules 1–3
    /// (no cookie, an invalid value, an expired answer, an answer older than
    /// the category's `since_revision`, a category never answered), in the
    /// policy's order. The GPC signal is left out: a category it denied is
    /// still asked (and [`Evaluation::gpc_refused`]). The other offered
    /// categories hold **standing** answers.
    ///
    /// Empty exactly when every offered category has a standing answer; the
    /// banner is needed while it holds a category GPC did not refuse.
    ///
    /// ```
    /// use cookieprefs::{Category, Date, Policy, Preferences};
    /// let today = Date::from_ymd(2026, 11, 24)?;
    /// let maps = Category::new(16)?;
    /// // Revision 4 adds "maps"; the visitor answered the others under revision 3.
    /// let policy = Policy::builder().revision(4).standard_categories().category(maps, "maps", 4).build()?;
    /// let stored = Preferences::builder(today)
    ///     .revision(3)
    ///     .grant(Category::STATISTICS)
    ///     .deny(Category::FIRST_PARTY)
    ///     .deny(Category::THIRD_PARTY)
    ///     .build()?;
    /// let ev = policy.evaluate(Some(&stored.encode()), today, false);
    /// assert_eq!(ev.asked(), [maps]);
    ///
    /// // No cookie: every offered category is asked, those GPC refused too.
    /// let ev = policy.evaluate(None, today, true);
    /// assert_eq!(ev.asked().len(), 4);
    /// assert_eq!(ev.gpc_refused(), [Category::THIRD_PARTY]);
    /// # Ok::<(), cookieprefs::Error>(())
    /// ```
    pub fn asked(&self) -> Vec<Category> {
        self.in_policy_order(self.asked_mask())
    }

    /// The asked categories that the GPC signal made `denied` (rule 4): the
    /// policy's GPC categories with no stored answer that counts, when the
    /// request sent the signal. Empty exactly when
    /// [`Evaluation::gpc_applied`] is false. "Accept" never grants them
    /// ([`Evaluation::accept_asked`]); the visitor grants one by choosing
    /// it ([`Evaluation::choose`]).
    ///
    /// ```
    /// use cookieprefs::{Category, Date, Policy};
    /// let today = Date::from_ymd(2026, 11, 24)?;
    /// let policy = Policy::builder().revision(3).standard_categories().build()?;
    /// assert_eq!(policy.evaluate(None, today, true).gpc_refused(), [Category::THIRD_PARTY]);
    /// assert!(policy.evaluate(None, today, false).gpc_refused().is_empty());
    /// // A stored answer that counts wins over the signal: nothing refused by it.
    /// assert!(policy.evaluate(Some("BAADCdcJ1w6g"), today, true).gpc_refused().is_empty());
    /// # Ok::<(), cookieprefs::Error>(())
    /// ```
    pub fn gpc_refused(&self) -> Vec<Category> {
        self.in_policy_order(self.gpc_denied)
    }

    /// The banner's "Accept": every [asked](Evaluation::asked) category
    /// granted except those [GPC refused](Evaluation::gpc_refused), which stay
    /// denied; every standing answer kept as it is (a standing refusal stays
    /// refused, a standing grant stays granted). Then the rules of
    /// [`Evaluation::choose`] ("Saving a choice": refusals of categories the
    /// policy does not offer kept, `created` and the consent id kept,
    /// `updated` today, the policy's revision, `method`).
    ///
    /// With nothing standing and no GPC signal this is
    /// [`Evaluation::accept_all`].
    ///
    /// ```
    /// use cookieprefs::{Category, Date, Method, Policy, Preferences, State};
    /// let today = Date::from_ymd(2026, 11, 24)?;
    /// let policy = Policy::builder().revision(3).standard_categories().build()?;
    /// // Statistics refused, first_party and third_party never answered; GPC.
    /// let stored = Preferences::builder(today).revision(3).deny(Category::STATISTICS).build()?;
    /// let ev = policy.evaluate(Some(&stored.encode()), today, true);
    /// let prefs = ev.accept_asked(Method::Banner);
    /// assert_eq!(prefs.state(Category::STATISTICS), State::Denied); // standing
    /// assert_eq!(prefs.state(Category::FIRST_PARTY), State::Granted); // asked
    /// assert_eq!(prefs.state(Category::THIRD_PARTY), State::Denied); // refused by GPC
    /// # Ok::<(), cookieprefs::Error>(())
    /// ```
    pub fn accept_asked(&self, method: Method) -> Preferences {
        let grant = self.asked_mask() & !self.gpc_denied;
        self.choose_mask(self.standing_grants() | grant, method)
    }

    /// The banner's "Reject": every [asked](Evaluation::asked) category
    /// denied, every standing answer kept as it is (a grant that still
    /// counts is never revoked by answering another question), then the
    /// rules of [`Evaluation::choose`].
    ///
    /// With nothing standing this is [`Evaluation::reject_all`].
    ///
    /// ```
    /// use cookieprefs::{Category, Date, Method, Policy, Preferences, State};
    /// let today = Date::from_ymd(2026, 11, 24)?;
    /// let policy = Policy::builder().revision(3).standard_categories().build()?;
    /// // Statistics granted, the others never answered.
    /// let stored = Preferences::builder(today).revision(3).grant(Category::STATISTICS).build()?;
    /// let ev = policy.evaluate(Some(&stored.encode()), today, false);
    /// let prefs = ev.reject_asked(Method::Banner);
    /// assert_eq!(prefs.state(Category::STATISTICS), State::Granted); // standing
    /// assert_eq!(prefs.state(Category::FIRST_PARTY), State::Denied);
    /// assert_eq!(prefs.state(Category::THIRD_PARTY), State::Denied);
    /// # Ok::<(), cookieprefs::Error>(())
    /// ```
    pub fn reject_asked(&self, method: Method) -> Preferences {
        self.choose_mask(self.standing_grants(), method)
    }
}

#[cfg(test)]
mod tests {
    use crate::{Category, Date, Method, Policy, Preferences, State};

    fn day(s: &str) -> Date {
        s.parse().unwrap()
    }

    /// Targeted re-consent: only the re-asked category is answered; the
    /// standing grant and refusal stay, the stored `created` stays.
    #[test]
    fn reconsent_answers_only_the_asked_category() {
        let policy = Policy::from_json(
            r#"{"revision": 4, "categories": [{"id": 1, "name": "statistics"},
                {"id": 2, "name": "first_party"}, {"id": 3, "name": "third_party", "since_revision": 4}]}"#,
        )
        .unwrap();
        let created = day("2026-06-01");
        let stored = Preferences::builder(day("2026-11-01"))
            .created(created)
            .revision(3)
            .grant(Category::STATISTICS)
            .deny(Category::FIRST_PARTY)
            .grant(Category::THIRD_PARTY)
            .build()
            .unwrap();
        let today = day("2026-11-24");
        let ev = policy.evaluate_preferences(&stored, today, false);
        assert_eq!(ev.asked(), [Category::THIRD_PARTY]);
        assert!(ev.gpc_refused().is_empty());
        let states = |p: &Preferences| {
            [Category::STATISTICS, Category::FIRST_PARTY, Category::THIRD_PARTY].map(|c| p.state(c))
        };
        let accepted = ev.accept_asked(Method::Banner);
        assert_eq!(states(&accepted), [State::Granted, State::Denied, State::Granted]);
        let rejected = ev.reject_asked(Method::Banner);
        assert_eq!(states(&rejected), [State::Granted, State::Denied, State::Denied]);
        for p in [accepted, rejected] {
            assert_eq!((p.created(), p.updated(), p.revision()), (created, today, 4));
        }
        // With GPC the re-asked third_party is refused by the signal.
        let ev = policy.evaluate_preferences(&stored, today, true);
        assert_eq!(ev.asked(), [Category::THIRD_PARTY]);
        assert_eq!(ev.gpc_refused(), [Category::THIRD_PARTY]);
        assert!(!ev.needs_banner());
        assert_eq!(
            states(&ev.accept_asked(Method::Banner)),
            [State::Granted, State::Denied, State::Denied]
        );
    }

    /// Nothing standing, no signal: accept-asked and reject-asked are accept-all
    /// and reject-all.
    #[test]
    fn without_standing_answers_they_are_accept_all_and_reject_all() {
        let policy = Policy::builder()
            .revision(3)
            .standard_categories()
            .build()
            .unwrap();
        let today = day("2026-11-24");
        for value in [None, Some("garbage"), Some("BAADCdcJ1w6g")] {
            let ev = policy.evaluate(value, today, false);
            if ev.needs_banner() {
                assert_eq!(ev.asked().len(), 3, "{value:?}");
                assert_eq!(ev.accept_asked(Method::Banner), ev.accept_all(Method::Banner));
                assert_eq!(ev.reject_asked(Method::Banner), ev.reject_all(Method::Banner));
            } else {
                // Nothing asked: both keep the standing answers, re-dated.
                assert!(ev.asked().is_empty());
                assert_eq!(ev.accept_asked(Method::Banner), ev.reject_asked(Method::Banner));
                assert_eq!(
                    ev.accept_asked(Method::Banner).granted_mask(),
                    ev.stored().unwrap().granted_mask()
                );
            }
        }
    }

    /// An expired grant is asked again; GPC refuses it when it is a GPC
    /// category, and "accept" then keeps it refused.
    #[test]
    fn an_expired_grant_is_asked_and_gpc_refuses_it() {
        let policy = Policy::builder()
            .revision(3)
            .standard_categories()
            .build()
            .unwrap();
        let stored = Preferences::builder(day("2026-01-01"))
            .revision(3)
            .grant(Category::STATISTICS)
            .grant(Category::FIRST_PARTY)
            .grant(Category::THIRD_PARTY)
            .build()
            .unwrap();
        let ev = policy.evaluate_preferences(&stored, day("2026-11-24"), true);
        assert_eq!(ev.asked().len(), 3);
        assert_eq!(ev.gpc_refused(), [Category::THIRD_PARTY]);
        let p = ev.accept_asked(Method::Banner);
        assert_eq!(p.state(Category::STATISTICS), State::Granted);
        assert_eq!(p.state(Category::THIRD_PARTY), State::Denied);
        // The visitor ticking it grants it.
        let p = ev.choose(&[Category::THIRD_PARTY], Method::Banner).unwrap();
        assert_eq!(p.state(Category::THIRD_PARTY), State::Granted);
    }
}
