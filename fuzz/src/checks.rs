//! The checks behind the fuzz targets, one function per target, each taking
//! the raw fuzz input and panicking when a property fails.
//!
//! This file is shared: the fuzz targets call it (through `fuzz/src/lib.rs`),
//! and `crates/cookieprefs/tests/fuzz_regressions.rs` includes it with
//! `#[path]` to replay every file under `fuzz/regressions/<target>/` in a
//! plain `cargo test`. It therefore depends on nothing but `cookieprefs` and
//! std, and expects the includer to declare the reference decoder as
//! `crate::reference` (`crates/cookieprefs/tests/reference/mod.rs`).
//!
//! Structured inputs are read with [`Input`], a tiny stand-in for
//! `arbitrary::Unstructured` (the core crate's tests cannot depend on
//! `arbitrary`): it never fails, and reads zeros once the bytes run out, so
//! every byte string is a valid input and the same bytes always mean the same
//! input, in the fuzzer and in `cargo test`.

#![allow(dead_code)]

use cookieprefs::{
    decode, find_cookie, BannerReason, Category, ConsentId, CookieAttributes, Date, Error, Method, Policy,
    Preferences, SameSite, State, MAX_REVISION,
};

use crate::reference;

/// A fuzz target whose check lives here.
pub struct Target {
    /// The cargo-fuzz target name (and `fuzz/regressions/<name>/`).
    pub name: &'static str,
    /// The check.
    pub check: fn(&[u8]),
    /// The `-max_len` the scripts give libFuzzer.
    pub max_len: usize,
}

/// The targets whose check lives here. (`ffi` lives in `fuzz/src/ffi.rs`:
/// the core crate's tests cannot link the C ABI crate.)
pub const TARGETS: &[Target] = &[
    Target {
        name: "decode",
        check: decode_target,
        max_len: 96,
    },
    Target {
        name: "roundtrip",
        check: roundtrip,
        max_len: 256,
    },
    Target {
        name: "evaluate",
        check: evaluate,
        max_len: 256,
    },
    Target {
        name: "cookie_header",
        check: cookie_header,
        max_len: 1024,
    },
    Target {
        name: "differential",
        check: differential,
        max_len: 96,
    },
    Target {
        name: "json",
        check: json,
        max_len: 4096,
    },
];

// ---------------------------------------------------------------------------
// Input: a never-failing reader of structured fields.

/// Reads fields from the front of the fuzz input; zeros once it is used up.
pub struct Input<'a> {
    data: &'a [u8],
}

impl<'a> Input<'a> {
    /// A reader over `data`.
    pub fn new(data: &'a [u8]) -> Input<'a> {
        Input { data }
    }

    /// The next byte, 0 past the end.
    pub fn u8(&mut self) -> u8 {
        match self.data.split_first() {
            Some((&b, rest)) => {
                self.data = rest;
                b
            }
            None => 0,
        }
    }

    /// The next two bytes, little-endian.
    pub fn u16(&mut self) -> u16 {
        u16::from_le_bytes([self.u8(), self.u8()])
    }

    /// The next 16 bytes, little-endian.
    pub fn u128(&mut self) -> u128 {
        let mut b = [0u8; 16];
        for x in &mut b {
            *x = self.u8();
        }
        u128::from_le_bytes(b)
    }

    /// The low bit of the next byte.
    pub fn bool(&mut self) -> bool {
        self.u8() & 1 == 1
    }

    /// The next `n` bytes (fewer at the end).
    pub fn bytes(&mut self, n: usize) -> &'a [u8] {
        let (head, rest) = self.data.split_at(n.min(self.data.len()));
        self.data = rest;
        head
    }

    /// Whether every byte has been read.
    pub fn is_empty(&self) -> bool {
        self.data.is_empty()
    }

    /// Everything left.
    pub fn rest(&mut self) -> &'a [u8] {
        core::mem::take(&mut self.data)
    }
}

fn category(id: u8) -> Category {
    Category::new(id % 64).expect("ids below 64 are valid")
}

// ---------------------------------------------------------------------------
// decode: any bytes decode to a value or an error, never a panic.

/// `decode`: any bytes give a value or a value error, and what each says is
/// consistent with the input.
pub fn decode_target(data: &[u8]) {
    match decode(data) {
        Ok(p) => {
            assert!((11..=53).contains(&data.len()), "accepted length {}", data.len());
            assert_eq!(p.encoded_len(), data.len());
            assert!(p.updated() >= p.created());
            assert!(p.revision() <= MAX_REVISION);
            assert_eq!(p.granted_mask() & p.denied_mask(), 0);
            assert_eq!(p.granted_mask() & 1, 0, "necessary stored");
            assert_eq!(p.state(Category::NECESSARY), State::Granted);
        }
        Err(e) => {
            assert!(e.is_value_error(), "{e:?} is not a value error");
            assert!(
                !matches!(e, Error::DateInFuture { .. }),
                "decode looked at the clock"
            );
            match e {
                Error::Empty => assert!(data.is_empty()),
                Error::TooLong { len, max } => {
                    assert_eq!(len, data.len());
                    assert!(len > max);
                }
                Error::InvalidCharacter { offset, byte, .. } => {
                    assert_eq!(data[offset], byte);
                    assert!(data[..offset]
                        .iter()
                        .all(|b| b.is_ascii_alphanumeric() || *b == b'-' || *b == b'_'));
                }
                Error::Truncated { len, expected } => assert!(len == data.len() && len < expected),
                Error::TrailingData { len, expected } => assert!(len == data.len() && len > expected),
                Error::NonZeroPadding { offset } => assert_eq!(offset + 1, data.len()),
                Error::InvalidState { category } | Error::NonMinimalSlots { count: category } => {
                    assert!((1..=63).contains(&category))
                }
                _ => {}
            }
            // Messages are built without panicking.
            let _ = e.to_string();
        }
    }
    if let Ok(s) = core::str::from_utf8(data) {
        assert_eq!(s.parse::<Preferences>(), decode(data));
    }
}

// ---------------------------------------------------------------------------
// roundtrip: accepted strings re-encode to themselves; built values decode back.

/// `roundtrip`: (a) if the input decodes, it re-encodes to itself byte for
/// byte; (b) a `Preferences` built from fields read from the input either is
/// refused for the right reason or encodes and decodes back to itself.
pub fn roundtrip(data: &[u8]) {
    if let Ok(p) = decode(data) {
        assert_eq!(
            p.encode().as_bytes(),
            data,
            "decode then encode changed the value"
        );
        assert_eq!(p.to_string().as_bytes(), data);
    }
    structured_roundtrip(&mut Input::new(data));
}

/// What a structured value is built from, with a plain model of the result.
struct Built {
    result: Result<Preferences, Error>,
    states: [State; 64],
    revision: u32,
    created: Date,
    updated: Date,
    method: Method,
    consent_id: Option<ConsentId>,
}

fn build_preferences(input: &mut Input) -> Built {
    let revision = u32::from(input.u16()) % 4400;
    let created = Date::from_days_since_epoch(input.u16());
    let updated = Date::from_days_since_epoch(input.u16());
    let method = Method::from_code(input.u8());
    let consent_id = input.bool().then(|| ConsentId::from_u128(input.u128()));
    let mut states = [State::NotAsked; 64];
    let mut necessary_set = false;
    let mut b = Preferences::builder(created)
        .updated(updated)
        .revision(revision)
        .method(method)
        .consent_id(consent_id);
    for _ in 0..input.u8() % 80 {
        let c = category(input.u8());
        let st = match input.u8() % 3 {
            0 => State::NotAsked,
            1 => State::Denied,
            _ => State::Granted,
        };
        if c == Category::NECESSARY {
            necessary_set = true;
        } else {
            states[c.id() as usize] = st;
        }
        b = match st {
            State::Granted if input.bool() => b.grant(c),
            State::Denied if input.bool() => b.deny(c),
            _ => b.set(c, st),
        };
    }
    let result = b.build();
    let want_err = if necessary_set {
        Some("necessary_not_stored")
    } else if revision > u32::from(MAX_REVISION) {
        Some("revision_out_of_range")
    } else if updated < created {
        Some("dates_out_of_order")
    } else {
        None
    };
    assert_eq!(result.as_ref().err().map(Error::kind), want_err, "{result:?}");
    Built {
        result,
        states,
        revision,
        created,
        updated,
        method,
        consent_id,
    }
}

fn structured_roundtrip(input: &mut Input) {
    let built = build_preferences(input);
    let Ok(p) = built.result else { return };
    // The value holds what the builder was told.
    assert_eq!(u32::from(p.revision()), built.revision);
    assert_eq!((p.created(), p.updated()), (built.created, built.updated));
    assert_eq!(p.method(), built.method);
    assert_eq!(p.consent_id(), built.consent_id);
    let mut highest = 0;
    for id in 1..64u8 {
        let c = category(id);
        assert_eq!(p.state(c), built.states[id as usize], "category {id}");
        if built.states[id as usize] != State::NotAsked {
            highest = id;
        }
    }
    assert_eq!(p.slot_count(), highest);
    assert_eq!(
        p.decided().count(),
        built.states.iter().filter(|s| **s != State::NotAsked).count()
    );

    // Encode, decode back.
    let s = p.encode();
    assert_eq!(s.len(), p.encoded_len());
    assert!((11..=53).contains(&s.len()));
    assert_eq!(decode(&s), Ok(p), "{s}");
    assert_eq!(p.to_string(), s);
    assert_eq!(p.to_builder().build(), Ok(p));
    #[cfg(feature = "json")]
    assert_eq!(Preferences::from_json(&p.to_json()), Ok(p));

    // encode_into: whole value or BufferTooSmall with the buffer untouched.
    let len = usize::from(input.u8() % 64);
    let mut buf = [b'#'; 64];
    match p.encode_into(&mut buf[..len]) {
        Ok(n) => {
            assert!(len >= s.len());
            assert_eq!(&buf[..n], s.as_bytes());
            assert!(buf[n..].iter().all(|&b| b == b'#'));
        }
        Err(Error::BufferTooSmall { needed, len: given }) => {
            assert_eq!((needed, given), (s.len(), len));
            assert!(len < s.len());
            assert!(buf.iter().all(|&b| b == b'#'), "buffer written on error");
        }
        Err(e) => panic!("encode_into: {e:?}"),
    }
}

// ---------------------------------------------------------------------------
// evaluate: arbitrary policy, value, date and GPC signal.

/// Policies that the fuzzer reaches with one byte (mode byte odd).
fn preset_policy(i: u8) -> Policy {
    let youtube = category(16);
    let b = match i % 6 {
        0 => Policy::builder().standard_categories(),
        1 => Policy::builder().revision(3).standard_categories(),
        2 => Policy::builder()
            .revision(7)
            .standard_categories()
            .category(youtube, "youtube", 5)
            .category(Category::THIRD_PARTY, "third_party", 2)
            .gpc_categories(&[Category::THIRD_PARTY, youtube])
            .max_age_days(30, 395),
        3 => Policy::builder().category(Category::STATISTICS, "statistics", 0),
        4 => Policy::builder(),
        _ => Policy::builder()
            .revision(MAX_REVISION.into())
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
                matches!(e.kind(), "invalid_policy" | "revision_out_of_range"),
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
pub fn evaluate(data: &[u8]) {
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
        Some(Ok(p)) if p.updated().days_since(today) <= 1 => Some(p),
        _ => None,
    };
    match (&decoded, ev.error()) {
        (None, e) => assert_eq!(e, None),
        (Some(Ok(p)), e) if stored.is_none() => {
            assert_eq!(e.map(Error::kind), Some("date_in_future"), "{p:?} on {today}")
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
    #[cfg(feature = "json")]
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
            stored.map_or(State::NotAsked, |p| p.state(c))
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

// ---------------------------------------------------------------------------
// cookie_header: find_cookie against a straightforward reference parser.

/// The cookie name a `cookie_header` input asks for, then the header.
///
/// First byte `b`: `b % 4` = 0 → `cookies_preferences`, 1 → `a`, 2 → the
/// empty name, 3 → the next `b >> 2` bytes (lossy UTF-8).
pub fn split_cookie_input(data: &[u8]) -> (String, &[u8]) {
    let mut input = Input::new(data);
    let b = input.u8();
    let name = match b % 4 {
        0 => "cookies_preferences".to_owned(),
        1 => "a".to_owned(),
        2 => String::new(),
        _ => String::from_utf8_lossy(input.bytes(usize::from(b >> 2))).into_owned(),
    };
    (name, input.rest())
}

/// RFC 6265 §5.4 lookup written the plain way: split on `;`, skip pieces
/// without `=`, trim spaces and tabs, compare names exactly, drop one pair of
/// surrounding quotes; first match wins. Returns the value's byte range.
pub fn reference_find_cookie(header: &[u8], name: &[u8]) -> Option<(usize, usize)> {
    let is_ws = |b: u8| b == b' ' || b == b'\t';
    let mut piece_start = 0;
    for piece in header.split(|&b| b == b';') {
        let here = piece_start;
        piece_start += piece.len() + 1;
        let Some(eq) = piece.iter().position(|&b| b == b'=') else {
            continue;
        };
        let raw_name = &piece[..eq];
        let n_lead = raw_name.iter().take_while(|&&b| is_ws(b)).count();
        let n_trail = raw_name[n_lead..].iter().rev().take_while(|&&b| is_ws(b)).count();
        if &raw_name[n_lead..raw_name.len() - n_trail] != name {
            continue;
        }
        let raw_value = &piece[eq + 1..];
        let v_lead = raw_value.iter().take_while(|&&b| is_ws(b)).count();
        let v_trail = raw_value[v_lead..]
            .iter()
            .rev()
            .take_while(|&&b| is_ws(b))
            .count();
        let mut start = here + eq + 1 + v_lead;
        let mut end = here + eq + 1 + raw_value.len() - v_trail;
        if end - start >= 2 && header[start] == b'"' && header[end - 1] == b'"' {
            start += 1;
            end -= 1;
        }
        return Some((start, end));
    }
    None
}

/// `cookie_header`: `find_cookie` never panics and agrees with
/// [`reference_find_cookie`] on the exact range; `cookie_value` agrees on
/// UTF-8 headers; a policy reads the cookie the same way.
pub fn cookie_header(data: &[u8]) {
    let (name, header) = split_cookie_input(data);
    let got = find_cookie(header, &name);
    let want = reference_find_cookie(header, name.as_bytes());
    assert_eq!(got.clone().map(|r| (r.start, r.end)), want, "name {name:?}");
    if let Some(r) = &got {
        assert!(r.start <= r.end && r.end <= header.len());
    }
    if let Ok(h) = core::str::from_utf8(header) {
        let v = cookieprefs::cookie_value(h, &name);
        assert_eq!(v.map(str::as_bytes), got.clone().map(|r| &header[r]));
    }
    if name == cookieprefs::DEFAULT_COOKIE_NAME {
        let policy = Policy::default();
        let today = Date::from_days_since_epoch(2519);
        assert_eq!(
            policy.evaluate_header(Some(header), today, false),
            policy.evaluate_bytes(got.map(|r| &header[r]), today, false)
        );
    }
}

// ---------------------------------------------------------------------------
// differential: the crate's decoder against the reference decoder.

/// The number [`reference::RefError::detail`] holds for this error.
pub fn error_detail(e: &Error) -> Option<u64> {
    Some(match *e {
        Error::Empty => 0,
        Error::TooLong { len, .. } => len as u64,
        Error::InvalidCharacter { offset, .. } => offset as u64,
        Error::UnsupportedVersion { version, .. } => u64::from(version),
        Error::Truncated { expected, .. } | Error::TrailingData { expected, .. } => expected as u64,
        Error::ReservedBits { bits } => u64::from(bits),
        Error::NonZeroPadding { offset } => offset as u64,
        Error::InvalidState { category } => u64::from(category),
        Error::NonMinimalSlots { count } => u64::from(count),
        Error::DatesOutOfOrder { created, .. } => u64::from(created.days_since_epoch()),
        _ => return None,
    })
}

/// `differential`: the crate's decoder and the bit-by-bit reference decoder
/// give the same value, or the same error kind at the same place.
pub fn differential(data: &[u8]) {
    let got = decode(data);
    let want = reference::decode(data);
    match (&got, &want) {
        (Ok(p), Ok(r)) => {
            assert_eq!(p.version(), r.version);
            assert_eq!(p.method() as u8, r.method);
            assert_eq!(p.revision(), r.revision);
            assert_eq!(p.created().days_since_epoch(), r.created);
            assert_eq!(p.updated().days_since_epoch(), r.updated);
            assert_eq!(p.consent_id().map(ConsentId::as_u128), r.consent_id);
            for id in 0..64u8 {
                let want = match r.states[usize::from(id)] {
                    0 if id == 0 => State::Granted, // necessary: implicit
                    0 => State::NotAsked,
                    1 => State::Denied,
                    _ => State::Granted,
                };
                assert_eq!(p.state(category(id)), want, "category {id}");
            }
        }
        (Err(e), Err(r)) => {
            assert_eq!(e.kind(), r.kind, "input {:?}", String::from_utf8_lossy(data));
            assert_eq!(error_detail(e), Some(r.detail), "{e:?} vs {r:?}");
        }
        _ => panic!(
            "decoders disagree on {:?}: crate {got:?}, reference {want:?}",
            String::from_utf8_lossy(data)
        ),
    }
}

// ---------------------------------------------------------------------------
// json: hostile policy files and JSON values.

/// `json`: `Policy::from_json` and `Preferences::from_json` never panic on
/// any text, and what they accept survives a round trip through `to_json`.
pub fn json(data: &[u8]) {
    #[cfg(feature = "json")]
    {
        let Ok(text) = core::str::from_utf8(data) else {
            return;
        };
        if let Ok(policy) = Policy::from_json(text) {
            let again = policy.to_json();
            assert_eq!(Policy::from_json(&again).as_ref(), Ok(&policy), "{again}");
            let _ = policy.evaluate(None, Date::EPOCH, true);
        }
        if let Ok(p) = Preferences::from_json(text) {
            assert_eq!(decode(p.encode()), Ok(p));
            assert_eq!(Preferences::from_json(&p.to_json()), Ok(p));
        }
    }
    #[cfg(not(feature = "json"))]
    let _ = data;
}
