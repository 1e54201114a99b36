//! The crate's optimized decoder against the bit-by-bit reference decoder
//! (`cookieprefs_testkit::reference`, written from the spec, sharing no
//! code): on every input they give the same value, or the same error kind at
//! the same place. The `differential` fuzz target runs the same check
//! (`cookieprefs_testkit::fuzz::differential`) on what libFuzzer finds; here
//! it runs on the shared vectors, on every short input, on bit flips of valid
//! values and on proptest-generated and mutated inputs.

use cookieprefs::{Category, ConsentId, Date, Method, Preferences, State};
use cookieprefs_testkit::fuzz::differential::check as differential;
use cookieprefs_testkit::{reference, vectors};
use proptest::prelude::*;

const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

fn vectors() -> serde_json::Value {
    let path = vectors::dir().join("decode.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// The reference decoder itself agrees with the shared vectors, so that it
/// is a trustworthy second opinion.
#[test]
fn reference_agrees_with_the_vectors() {
    let v = vectors();
    for case in v["valid"].as_array().unwrap() {
        let value = case["value"].as_str().unwrap();
        let r = reference::decode(value.as_bytes())
            .unwrap_or_else(|e| panic!("{}: reference refuses it: {e:?}", case["name"]));
        let f = &case["fields"];
        assert_eq!(u64::from(r.revision), f["revision"].as_u64().unwrap());
        let day = |s: &serde_json::Value| s.as_str().unwrap().parse::<Date>().unwrap().days_since_epoch();
        assert_eq!(r.created, day(&f["created"]));
        assert_eq!(r.updated, day(&f["updated"]));
        assert_eq!(
            Method::from_code(r.method).as_str(),
            f["method"].as_str().unwrap()
        );
        assert_eq!(
            r.consent_id,
            f["consent_id"]
                .as_str()
                .map(|s| s.parse::<ConsentId>().unwrap().as_u128())
        );
        let cats = f["categories"].as_object().unwrap();
        for id in 1..64u8 {
            let name = Category::new(id).unwrap().to_string();
            let want = cats.get(&name).map_or("not_asked", |s| s.as_str().unwrap());
            let got = State::from_code(r.states[usize::from(id)]).unwrap();
            assert_eq!(got.as_str(), want, "{}: category {id}", case["name"]);
        }
        differential(value.as_bytes());
    }
    for case in v["invalid"].as_array().unwrap() {
        let value = case["value"].as_str().unwrap();
        let r = reference::decode(value.as_bytes()).expect_err(value);
        assert_eq!(r.kind, case["error"].as_str().unwrap(), "{}", case["name"]);
        differential(value.as_bytes());
    }
}

/// Every string of up to two characters, every byte at every position of a
/// valid value, and every single-bit flip of every valid vector.
#[test]
#[cfg_attr(miri, ignore)]
fn short_inputs_and_bit_flips() {
    differential(b"");
    for a in 0..=255u8 {
        differential(&[a]);
        for &b in ALPHABET {
            differential(&[a, b]);
            differential(&[b, a]);
        }
    }
    let v = vectors();
    for case in v["valid"].as_array().unwrap() {
        let value = case["value"].as_str().unwrap().as_bytes();
        for i in 0..value.len() {
            let sextet = ALPHABET.iter().position(|&c| c == value[i]).unwrap();
            for bit in 0..6 {
                let mut m = value.to_vec();
                m[i] = ALPHABET[sextet ^ (1 << bit)];
                differential(&m);
            }
            for b in 0..=255u8 {
                let mut m = value.to_vec();
                m[i] = b;
                differential(&m);
            }
            differential(&value[..i]);
        }
        for &c in ALPHABET {
            let mut m = value.to_vec();
            m.push(c);
            differential(&m);
        }
    }
}

fn any_preferences() -> impl Strategy<Value = Preferences> {
    (
        proptest::collection::vec(0u8..3, 0..64),
        0u32..=4095,
        any::<u16>(),
        any::<u16>(),
        0u8..4,
        proptest::option::of(any::<u128>()),
    )
        .prop_map(|(states, revision, a, b, method, id)| {
            let mut builder = Preferences::builder(Date::from_days_since_epoch(a.min(b)))
                .updated(Date::from_days_since_epoch(a.max(b)))
                .revision(revision)
                .method(Method::from_code(method))
                .consent_id(id.map(ConsentId::from_u128));
            for (i, s) in states.into_iter().enumerate().take(63) {
                builder = builder.set(Category::new(i as u8 + 1).unwrap(), State::from_code(s).unwrap());
            }
            builder.build().unwrap()
        })
}

/// One edit of an encoded value: replace, insert or delete a byte, flip a
/// bit of one character's sextet, or cut the value short.
#[derive(Debug, Clone)]
enum Edit {
    Replace(usize, u8),
    Insert(usize, u8),
    Delete(usize),
    FlipBit(usize, u8),
    Truncate(usize),
}

fn any_edit() -> impl Strategy<Value = Edit> {
    let byte = prop_oneof![4 => proptest::sample::select(ALPHABET), 1 => any::<u8>()];
    prop_oneof![
        (any::<usize>(), byte.clone()).prop_map(|(i, b)| Edit::Replace(i, b)),
        (any::<usize>(), byte).prop_map(|(i, b)| Edit::Insert(i, b)),
        any::<usize>().prop_map(Edit::Delete),
        (any::<usize>(), 0u8..6).prop_map(|(i, k)| Edit::FlipBit(i, k)),
        any::<usize>().prop_map(Edit::Truncate),
    ]
}

fn apply(mut s: Vec<u8>, edit: &Edit) -> Vec<u8> {
    let n = s.len();
    match *edit {
        Edit::Replace(i, b) => s[i % n] = b,
        Edit::Insert(i, b) => s.insert(i % (n + 1), b),
        Edit::Delete(i) => {
            s.remove(i % n);
        }
        Edit::FlipBit(i, k) => {
            let i = i % n;
            let sextet = ALPHABET.iter().position(|&c| c == s[i]).unwrap_or(0);
            s[i] = ALPHABET[sextet ^ (1 << k)];
        }
        Edit::Truncate(i) => s.truncate(i % n),
    }
    s
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(if cfg!(miri) { 4 } else { 4000 }))]

    #[test]
    fn agree_on_any_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..80)) {
        differential(&bytes);
    }

    #[test]
    fn agree_on_near_valid_strings(s in "B[A-Za-z0-9_-]{0,60}") {
        differential(s.as_bytes());
    }

    #[test]
    fn agree_on_valid_values(p in any_preferences()) {
        let s = p.encode();
        prop_assert!(reference::decode(s.as_bytes()).is_ok());
        differential(s.as_bytes());
    }

    #[test]
    fn agree_on_mutated_values(p in any_preferences(), edits in proptest::collection::vec(any_edit(), 1..4)) {
        let mut s = p.encode().into_bytes();
        for e in &edits {
            if s.is_empty() {
                break;
            }
            s = apply(s, e);
        }
        differential(&s);
    }
}
