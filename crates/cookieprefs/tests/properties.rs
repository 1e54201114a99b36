//! Property tests: the codec is a bijection between `Preferences` and the
//! accepted strings, decoding never panics, and evaluation keeps its invariants.

use cookieprefs::{decode, Category, ConsentId, Date, Method, Policy, Preferences, State};
use proptest::prelude::*;

fn any_state() -> impl Strategy<Value = State> {
    prop_oneof![Just(State::NotAsked), Just(State::Denied), Just(State::Granted)]
}

fn any_method() -> impl Strategy<Value = Method> {
    (0u8..4).prop_map(Method::from_code)
}

prop_compose! {
    fn any_preferences()(
        states in proptest::collection::vec(any_state(), 63),
        revision in 0u32..=4095,
        a in any::<u16>(),
        b in any::<u16>(),
        method in any_method(),
        id in proptest::option::of(any::<u128>()),
    ) -> Preferences {
        let (created, updated) = (a.min(b), a.max(b));
        let mut builder = Preferences::builder(Date::from_days_since_epoch(created))
            .updated(Date::from_days_since_epoch(updated))
            .revision(revision)
            .method(method)
            .consent_id(id.map(ConsentId::from_u128));
        for (i, st) in states.into_iter().enumerate() {
            builder = builder.set(Category::new(i as u8 + 1).unwrap(), st);
        }
        builder.build().unwrap()
    }
}

/// Strings over the base64url alphabet that start with the v1 version
/// character, so that most of them get past the first checks.
fn near_valid() -> impl Strategy<Value = String> {
    "B[A-Za-z0-9_-]{10,53}"
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(if cfg!(miri) { 8 } else { 2000 }))]

    #[test]
    fn encode_then_decode_is_identity(p in any_preferences()) {
        let s = p.encode();
        prop_assert_eq!(s.len(), p.encoded_len());
        prop_assert_eq!(decode(&s).unwrap(), p);
        prop_assert_eq!(s.parse::<Preferences>().unwrap(), p);
        prop_assert_eq!(p.to_string(), s);
    }

    #[test]
    fn encode_into_matches_encode(p in any_preferences(), len in 0usize..64) {
        let mut buf = [b'#'; 64];
        match p.encode_into(&mut buf[..len]) {
            Ok(n) => {
                let want = p.encode();
                prop_assert_eq!(&buf[..n], want.as_bytes());
            }
            Err(e) => {
                prop_assert_eq!(e.kind(), "buffer_too_small");
                prop_assert!(len < p.encoded_len());
                prop_assert!(buf.iter().all(|&b| b == b'#'), "buffer written on error");
            }
        }
    }

    #[test]
    fn decode_then_encode_is_identity(s in near_valid()) {
        if let Ok(p) = decode(&s) {
            prop_assert_eq!(p.encode(), s);
        }
    }

    #[test]
    fn decode_then_encode_is_identity_on_mutations(p in any_preferences(), pos in any::<usize>(), c in "[A-Za-z0-9_-]") {
        let mut s = p.encode().into_bytes();
        let i = pos % s.len();
        s[i] = c.as_bytes()[0];
        let s = String::from_utf8(s).unwrap();
        match decode(&s) {
            Ok(q) => prop_assert_eq!(q.encode(), s),
            Err(e) => prop_assert!(e.is_value_error()),
        }
    }

    #[test]
    fn decode_never_panics_on_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
        let _ = decode(&bytes);
    }

    #[cfg(feature = "serde")]
    #[test]
    fn json_form_round_trips(p in any_preferences()) {
        let j = serde_json::to_string(&p).unwrap();
        let back: Preferences = serde_json::from_str(&j).unwrap();
        prop_assert_eq!(back, p);
    }

    #[test]
    fn evaluation_invariants(
        p in any_preferences(),
        junk in proptest::option::of("[ -~]{0,70}"),
        today in any::<u16>(),
        gpc in any::<bool>(),
        revision in 0u32..=4095,
        max_granted in 1u16..=395,
        max_denied in 1u16..=395,
    ) {
        let policy = Policy::builder()
            .revision(revision)
            .standard_categories()
            .category(Category::new(16).unwrap(), "youtube", 0)
            .max_age_days(max_granted, max_denied)
            .build()
            .unwrap();
        let today = Date::from_days_since_epoch(today);
        let value = junk.unwrap_or_else(|| p.encode());
        let ev = policy.evaluate(Some(&value), today, gpc);
        prop_assert!(ev.allowed(Category::NECESSARY));
        let any_not_asked = policy.categories().iter().any(|c| ev.state(c.category) == State::NotAsked);
        prop_assert_eq!(ev.needs_banner(), any_not_asked);
        if ev.error().is_some() {
            prop_assert!(ev.stored().is_none());
            for c in policy.categories() {
                prop_assert!(!ev.allowed(c.category));
            }
        }
        if let Some(s) = ev.stored() {
            let age = today.days_since(s.updated());
            if age >= i32::from(max_granted) {
                for c in policy.categories() {
                    prop_assert!(!ev.allowed(c.category));
                }
            }
            for c in policy.categories() {
                if ev.allowed(c.category) {
                    prop_assert_eq!(s.state(c.category), State::Granted);
                }
            }
        }
    }
}
