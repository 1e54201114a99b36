//! The `evaluate` check: an arbitrary valid policy applied to an arbitrary
//! value, date and GPC signal keeps every evaluation rule.

use cookieprefs::{
    decode, BannerReason, Category, CookieAttributes, Date, Error, Method, Policy, SameSite, State,
    MAX_REVISION,
};

use super::roundtrip::build_preferences;
use super::{category, Input};

/// Policies that the fuzzer reaches with one byte (mode byte odd).
fn preset_policy(i: u8) -> Policy {
    let youtube = category(16);
    let b = match i % 6 {
        0 => Policy::builder().standard_categories(),
        1 => Policy::builder().revision(3).standard_categories(),
        2 => Policy::builder()
            .revision(7)
            .category(Category::STATISTICS, "statistics", 0)
            .category(Category::FIRST_PARTY, "first_party", 0)
            .category(Category::THIRD_PARTY, "third_party", 2)
            .category(youtube, "youtube", 5)
            .gpc_categories(&[Category::THIRD_PARTY, youtube])
            .max_age_days(30, 395),
        3 => Policy::builder().category(Category::STATISTICS, "statistics", 0),
        4 => Policy::builder(),
        _ => Policy::builder()
            .revision(MAX_REVISION)
            .standard_categories()
            .category(category(63), "last", 4095)
            .max_age_days(1, 1),
    };
    b.build().expect("preset policies are valid")
}

const NAMES: &[&str] = &[
    "statistics",
    "first_party",
    "third_party",
    "youtube",
    "matomo",
    "necessary",
    "",
    "Bad Name",
    "abcdefghijklmnopqrstuvwxyz0123456",
    "x_1",
    "4",
    "16",
];

/// A policy built through `PolicyBuilder` from fields read from the input;
/// `None` when the builder refused it (with an error of the right kind).
fn fuzz_policy(input: &mut Input) -> Option<Policy> {
    let mode = input.u8();
    if mode & 1 == 1 {
        return Some(preset_policy(mode >> 1));
    }
    let mut b = Policy::builder().revision(u32::from(input.u16()) % 4200);
    for _ in 0..input.u8() % 9 {
        let id = input.u8() % 66;
        let Ok(c) = Category::new(id) else {
            assert!(id > 63);
            return None; // an invalid category id never gets into a policy
        };
        let sel = input.u8() % 40;
        let name = match NAMES.get(usize::from(sel)) {
            Some(n) => (*n).to_owned(),
            None => format!("c{}", sel % 70),
        };
        b = b.category(c, &name, input.u16() % 4200);
    }
    if input.bool() {
        b = b.reconsent_all();
    }
    if input.bool() {
        b = b.max_age_days(input.u16() % 400, input.u16() % 400);
    }
    let n_gpc = input.u8() % 5;
    if n_gpc > 0 {
        let cats: Vec<Category> = (1..n_gpc).map(|_| category(input.u8() % 20)).collect();
        b = b.gpc_categories(&cats);
    }
    for _ in 0..input.u8() % 4 {
        let t = cookieprefs::ConsentType::ALL[usize::from(input.u8() % 7)];
        b = b.consent_mode(t, category(input.u8() % 20));
    }
    b = match input.u8() % 8 {
        0 => b.cookie(CookieAttributes {
            name: "cp".into(),
            domain: Some("example.org".into()),
            ..CookieAttributes::default()
        }),
        1 => b.cookie(CookieAttributes {
            name: "bad name".into(),
            ..CookieAttributes::default()
        }),
        2 => b.cookie(CookieAttributes {
            same_site: SameSite::None,
            secure: input.bool(),
            http_only: true,
            ..CookieAttributes::default()
        }),
        3 => b.cookie(CookieAttributes {
            path: "no-slash".into(),
            ..CookieAttributes::default()
        }),
        _ => b,
    };
    match b.build() {
        Ok(p) => Some(p),
        Err(e) => {
            assert!(
                matches!(
                    e.kind(),
                    "invalid_policy" | "revision_out_of_range" | "category_not_offered"
                ),
                "policy builder error {e:?}"
            );
            None
        }
    }
}

/// `evaluate`: applying any valid policy to any value on any day, with or
/// without GPC, never panics and keeps every rule of the spec: necessary is
/// always granted; an answer past its max age or under a revision older than
/// its category's `since_revision` is `not_asked`; an undecodable value counts
/// as no value (nothing granted, every category `not_asked` unless GPC denied
/// it); GPC denies only what is still `not_asked`; the banner is needed iff
/// some offered category is `not_asked`; Consent Mode follows the mapping.
pub fn check(data: &[u8]) {
    let mut input = Input::new(data);
    let Some(policy) = fuzz_policy(&mut input) else {
        return;
    };
    let today = Date::from_days_since_epoch(input.u16());
    let gpc = input.bool();
    let encoded;
    let value: Option<&[u8]> = match input.u8() % 4 {
        0 => None,
        1 => match build_preferences(&mut input).result {
            Ok(p) => {
                encoded = p.encode();
                Some(encoded.as_bytes())
            }
            Err(_) => None,
        },
        _ => Some(input.rest()),
    };
    let ev = policy.evaluate_bytes(value, today, gpc);

    // The same answer through every entry point.
    if let Some(s) = value.and_then(|v| core::str::from_utf8(v).ok()) {
        assert_eq!(policy.evaluate(Some(s), today, gpc), ev);
    }
    if value.is_none() {
        assert_eq!(policy.evaluate(None, today, gpc), ev);
    }
    if let Some(v) = value.filter(|v| {
        v.iter()
            .all(|b| b.is_ascii_alphanumeric() || *b == b'-' || *b == b'_')
    }) {
        let mut header = b"other={\"a\":1;\"b\":[2]}; ".to_vec();
        header.extend_from_slice(policy.cookie().name.as_bytes());
        header.push(b'=');
        header.extend_from_slice(v);
        assert_eq!(policy.evaluate_header(Some(&header), today, gpc), ev);
    }

    // What the value is, decoded independently of the evaluation.
    let decoded = value.map(decode);
    let stored = match decoded {
        Some(Ok(p)) if p.updated().days_since(today) <= 1 && p.revision() <= policy.revision() => Some(p),
        _ => None,
    };
    match (&decoded, ev.error()) {
        (None, e) => assert_eq!(e, None),
        (Some(Ok(p)), e) if stored.is_none() => {
            let want = if p.updated().days_since(today) > 1 {
                "date_in_future"
            } else {
                "revision_in_future"
            };
            assert_eq!(e.map(Error::kind), Some(want), "{p:?} on {today}")
        }
        (Some(Ok(_)), e) => assert_eq!(e, None),
        (Some(Err(want)), e) => assert_eq!(e, Some(want)),
    }
    assert_eq!(ev.stored(), stored.as_ref());
    if let Some(p) = &stored {
        assert_eq!(policy.evaluate_preferences(p, today, gpc), ev);
    }

    // Necessary is always granted.
    assert!(ev.allowed(Category::NECESSARY));
    assert_eq!(ev.state(Category::NECESSARY), State::Granted);

    // The rules, category by category.
    let (max_granted, max_denied) = policy.max_age_days();
    let age = stored.map(|p| today.days_since(p.updated()));
    let gpc_cats: Vec<Category> = policy.gpc_categories().collect();
    let mut any_not_asked = false;
    let mut gpc_newly = false;
    for pc in policy.categories() {
        let c = pc.category;
        let mut want = match stored {
            Some(p) => match p.state(c) {
                State::Granted if age.unwrap() >= i32::from(max_granted) => State::NotAsked,
                State::Denied if age.unwrap() >= i32::from(max_denied) => State::NotAsked,
                _ if p.revision() < pc.since_revision => State::NotAsked,
                s => s,
            },
            None => State::NotAsked,
        };
        if gpc && want == State::NotAsked && gpc_cats.contains(&c) {
            want = State::Denied;
            gpc_newly = true;
        }
        let got = ev.state(c);
        assert_eq!(got, want, "category {} ({})", c.id(), pc.name);
        any_not_asked |= got == State::NotAsked;

        // The invariants the brief spells out, stated on their own.
        if age.is_some_and(|a| a >= i32::from(max_granted)) {
            assert!(!ev.allowed(c), "grant past max age");
        }
        if ev.error().is_some() {
            assert!(!ev.allowed(c), "grant from an invalid value");
            let gpc_denied = gpc && gpc_cats.contains(&c);
            assert_eq!(
                got,
                if gpc_denied {
                    State::Denied
                } else {
                    State::NotAsked
                }
            );
        }
        if got == State::Granted {
            let p = stored.expect("a grant needs a stored value");
            assert_eq!(p.state(c), State::Granted);
            assert!(p.revision() >= pc.since_revision);
        }
        assert_eq!(ev.allowed_by_name(&pc.name), Some(got == State::Granted));
    }
    // Categories the policy does not offer are never granted nor denied.
    for id in 1..64 {
        let c = category(id);
        if !policy.offers(c) {
            assert_eq!(ev.state(c), State::NotAsked, "category {id} not offered");
        }
    }
    assert_eq!(ev.needs_banner(), any_not_asked);
    assert_eq!(ev.banner_reason().is_some(), any_not_asked);
    match ev.banner_reason() {
        Some(BannerReason::InvalidValue) => assert!(ev.error().is_some()),
        Some(BannerReason::NoChoice) => assert!(value.is_none()),
        Some(_) => assert!(stored.is_some()),
        None => {}
    }
    if ev.error().is_some() {
        assert_eq!(ev.banner_reason().is_some(), any_not_asked);
        if any_not_asked {
            assert_eq!(ev.banner_reason(), Some(BannerReason::InvalidValue));
        }
    }
    assert_eq!(ev.gpc_applied(), gpc_newly, "gpc_applied");

    // Consent Mode follows the mapping.
    let mode = ev.consent_mode();
    for (t, c) in policy.consent_mode_mapping() {
        assert_eq!(mode.is_granted(t), ev.allowed(c), "{}", t.as_str());
    }
    let _ = ev.to_json();

    // Set-Cookie refresh only for a stored value that needs no banner.
    let refresh = ev.set_cookie_header();
    assert_eq!(refresh.is_some(), stored.is_some() && !any_not_asked);
    if let (Some(h), Some(p)) = (&refresh, &stored) {
        let prefix = format!("{}={}; Max-Age=", policy.cookie().name, p.encode());
        assert!(h.starts_with(&prefix), "{h}");
        assert!(!h[prefix.len()..].starts_with('-'), "negative Max-Age: {h}");
    }

    // The visitor answers now: the new value needs no banner and says exactly that.
    let offered: Vec<Category> = policy.categories().iter().map(|c| c.category).collect();
    let pick = input.u128();
    let chosen: Vec<Category> = offered
        .iter()
        .copied()
        .filter(|c| pick & (1 << c.id()) != 0)
        .collect();
    let method = Method::from_code(input.u8());
    let new = ev
        .choose(&chosen, method)
        .unwrap_or_else(|e| panic!("choose failed: {e:?} (stored {stored:?}, today {today})"));
    assert_eq!(new.updated(), today);
    assert_eq!(new.revision(), policy.revision());
    assert_eq!(new.method(), method);
    for id in 1..64 {
        let c = category(id);
        let want = if chosen.contains(&c) {
            State::Granted
        } else if policy.offers(c) {
            State::Denied
        } else {
            // Not offered: a stored refusal stays, a stored grant is dropped.
            match stored.map(|p| p.state(c)) {
                Some(State::Denied) => State::Denied,
                _ => State::NotAsked,
            }
        };
        assert_eq!(new.state(c), want, "chosen category {id}");
    }
    let again = policy.evaluate(Some(&new.encode()), today, false);
    assert!(!again.needs_banner(), "banner right after answering: {again:?}");
    for c in &offered {
        assert_eq!(again.allowed(*c), chosen.contains(c));
    }
    if !offered.is_empty() {
        assert!(again.set_cookie_header().is_some());
    }
}

#[cfg(test)]
mod tests {
    /// Every preset the fuzzer reaches with one byte is a valid policy.
    #[test]
    fn presets_are_valid() {
        for i in 0..6 {
            let _ = super::preset_policy(i);
        }
    }
}
