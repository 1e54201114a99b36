//! The shared test vectors in `tests/vectors/`: their generator, a freshness
//! check, and the Rust run of every case.
//!
//! Regenerate after an intended change with
//! `COOKIEPREFS_BLESS=1 cargo test -p cookieprefs --test vectors`.

use std::path::PathBuf;

use cookieprefs::{decode, find_cookie, Category, ConsentId, Date, Method, Policy, Preferences, State};
use serde_json::{json, Value};

fn vectors_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/vectors")
}

fn date(s: &str) -> Date {
    s.parse().unwrap()
}

/// An independent bit writer (not the crate's) to spell out values field by
/// field, including invalid ones.
#[derive(Clone)]
struct Raw {
    bits: Vec<bool>,
}

impl Raw {
    fn new() -> Raw {
        Raw { bits: Vec::new() }
    }
    fn put(mut self, width: u32, v: u128) -> Raw {
        for i in (0..width).rev() {
            self.bits.push((v >> i) & 1 == 1);
        }
        self
    }
    /// version, has_id, method, reserved, revision, created, updated, slot count.
    #[allow(clippy::too_many_arguments)]
    fn header(
        version: u8,
        has_id: bool,
        method: u8,
        reserved: u8,
        rev: u16,
        created: u16,
        updated: u16,
        n: u8,
    ) -> Raw {
        Raw::new()
            .put(6, version.into())
            .put(1, has_id.into())
            .put(2, method.into())
            .put(3, reserved.into())
            .put(12, rev.into())
            .put(16, created.into())
            .put(16, updated.into())
            .put(6, n.into())
    }
    fn slots(mut self, codes: &[u8]) -> Raw {
        for &c in codes {
            self = self.put(2, c.into());
        }
        self
    }
    /// Pads with `pad` (as many low bits as needed) and writes base64url.
    fn finish_with_pad(&self, pad: u8) -> String {
        let mut bits = self.bits.clone();
        let missing = (6 - bits.len() % 6) % 6;
        for i in (0..missing).rev() {
            bits.push((pad >> i) & 1 == 1);
        }
        const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        bits.chunks(6)
            .map(|c| A[c.iter().fold(0usize, |acc, &b| acc * 2 + usize::from(b))] as char)
            .collect()
    }
    fn finish(&self) -> String {
        self.finish_with_pad(0)
    }
}

/// Slot codes of a Preferences value, spelled out from its states.
fn slot_codes(p: &Preferences) -> Vec<u8> {
    let n = p.slot_count();
    (1..=n)
        .map(|id| match p.state(Category::new(id).unwrap()) {
            State::NotAsked => 0,
            State::Denied => 1,
            State::Granted => 2,
        })
        .collect()
}

fn raw_of(p: &Preferences) -> String {
    let mut r = Raw::header(
        1,
        p.consent_id().is_some(),
        p.method() as u8,
        0,
        p.revision(),
        p.created().days_since_epoch(),
        p.updated().days_since_epoch(),
        p.slot_count(),
    )
    .slots(&slot_codes(p));
    if let Some(id) = p.consent_id() {
        r = r.put(128, id.as_u128());
    }
    r.finish()
}

fn valid_cases() -> Vec<(&'static str, Preferences)> {
    let today = date("2026-11-24");
    let b = || Preferences::builder(today).revision(3);
    let cat = |id| Category::new(id).unwrap();
    let id: ConsentId = "67e55044-10b1-426f-9247-bb680e5fe0c8".parse().unwrap();
    let all = |st: State| {
        let mut x = Preferences::builder(today).revision(7);
        for i in 1..=63 {
            x = x.set(cat(i), st);
        }
        x
    };
    let cases: Vec<(&'static str, cookieprefs::PreferencesBuilder)> = vec![
        ("nothing-decided-epoch", Preferences::builder(Date::EPOCH)),
        ("nothing-decided-today", b()),
        ("standard-r3", b().grant(cat(1)).deny(cat(2)).deny(cat(3))),
        ("all-granted-r3", b().grant(cat(1)).grant(cat(2)).grant(cat(3))),
        ("all-denied-r3", b().deny(cat(1)).deny(cat(2)).deny(cat(3))),
        ("statistics-only-granted", b().grant(cat(1))),
        ("statistics-only-denied", b().deny(cat(1))),
        ("first-party-only-denied", b().deny(cat(2))),
        ("third-party-only-granted", b().grant(cat(3))),
        (
            "stats-denied-fp-granted-tp-denied",
            b().deny(cat(1)).grant(cat(2)).deny(cat(3)),
        ),
        (
            "stats-granted-fp-notasked-tp-granted",
            b().grant(cat(1)).grant(cat(3)),
        ),
        (
            "stats-denied-tp-granted",
            b().deny(cat(1)).deny(cat(2)).grant(cat(3)),
        ),
        (
            "revision-0",
            b().revision(0).grant(cat(1)).grant(cat(2)).grant(cat(3)),
        ),
        ("revision-1", b().revision(1).deny(cat(3))),
        ("revision-2048", b().revision(2048).grant(cat(1))),
        (
            "revision-max-4095",
            b().revision(4095).grant(cat(1)).deny(cat(2)).deny(cat(3)),
        ),
        ("dates-epoch", Preferences::builder(Date::EPOCH).grant(cat(1))),
        ("dates-max", Preferences::builder(Date::MAX).deny(cat(1))),
        (
            "created-epoch-updated-max",
            b().created(Date::EPOCH).updated(Date::MAX).grant(cat(2)),
        ),
        (
            "created-before-updated",
            b().created(date("2026-05-01")).updated(today).grant(cat(1)),
        ),
        ("leap-day", Preferences::builder(date("2024-02-29")).grant(cat(3))),
        (
            "end-of-year",
            Preferences::builder(date("2025-12-31")).deny(cat(3)),
        ),
        ("method-banner", b().method(Method::Banner).grant(cat(1))),
        (
            "method-preferences-page",
            b().method(Method::PreferencesPage).grant(cat(1)),
        ),
        (
            "method-browser-signal",
            b().method(Method::BrowserSignal).deny(cat(3)),
        ),
        ("method-imported", b().method(Method::Imported).grant(cat(2))),
        ("consent-id-nothing-decided", b().consent_id(Some(id))),
        (
            "consent-id-standard",
            b().consent_id(Some(id)).grant(cat(1)).deny(cat(2)).deny(cat(3)),
        ),
        (
            "consent-id-nil",
            b().consent_id(Some(ConsentId::from_u128(0))).grant(cat(1)),
        ),
        (
            "consent-id-all-ones",
            b().consent_id(Some(ConsentId::from_u128(u128::MAX))).deny(cat(1)),
        ),
        ("reserved-id-4-granted", b().grant(cat(4))),
        ("reserved-id-15-denied", b().grant(cat(1)).deny(cat(15))),
        (
            "custom-16-granted",
            b().grant(cat(1)).deny(cat(2)).deny(cat(3)).grant(cat(16)),
        ),
        ("custom-16-denied-only", b().deny(cat(16))),
        ("custom-63-granted", b().grant(cat(63))),
        ("custom-63-denied", b().deny(cat(63))),
        (
            "custom-16-to-20-mixed",
            b().grant(cat(16)).deny(cat(17)).grant(cat(19)).deny(cat(20)),
        ),
        ("all-63-granted", all(State::Granted)),
        ("all-63-denied", all(State::Denied)),
        (
            "all-63-granted-consent-id-longest",
            all(State::Granted).consent_id(Some(id)),
        ),
        ("slots-2-length-11", b().deny(cat(2))),
        ("slots-5-length-12", b().grant(cat(5))),
        ("slots-6-length-13", b().grant(cat(6))),
        ("slots-8-length-13", b().deny(cat(8))),
        ("slots-9-length-14", b().deny(cat(9))),
    ];
    cases
        .into_iter()
        .map(|(name, builder)| (name, builder.build().unwrap()))
        .collect()
}

fn invalid_cases() -> Vec<(&'static str, String, &'static str)> {
    let std_value = raw_of(&valid_cases()[2].1); // standard-r3
    let h = |n| Raw::header(1, false, 0, 0, 3, 2519, 2519, n);
    let a = |n: usize| "A".repeat(n);
    let mut v: Vec<(&'static str, String, &'static str)> = vec![
        ("empty", String::new(), "empty"),
        ("too-long-65", format!("B{}", a(64)), "too_long"),
        ("too-long-1000", a(1000), "too_long"),
        ("too-long-beats-bad-character", format!("{}=", a(64)), "too_long"),
        ("padding-equals", format!("{std_value}="), "invalid_character"),
        (
            "standard-base64-plus",
            format!("B+{}", &std_value[2..]),
            "invalid_character",
        ),
        (
            "standard-base64-slash",
            format!("{}/", &std_value[..11]),
            "invalid_character",
        ),
        (
            "space-inside",
            format!("BA {}", &std_value[3..]),
            "invalid_character",
        ),
        ("dot", format!("{}.", &std_value[..11]), "invalid_character"),
        (
            "non-ascii",
            format!("B\u{e9}{}", &std_value[2..]),
            "invalid_character",
        ),
        (
            "nul-byte",
            format!("B\u{0}{}", &std_value[2..]),
            "invalid_character",
        ),
        ("percent-encoded", format!("{std_value}%3D"), "invalid_character"),
        ("quoted", format!("\"{std_value}\""), "invalid_character"),
        ("newline", format!("{std_value}\n"), "invalid_character"),
        (
            "bad-first-character",
            format!("*{}", &std_value[1..]),
            "invalid_character",
        ),
        ("json", r#"{"statistics":true}"#.to_owned(), "invalid_character"),
        (
            "version-0",
            Raw::header(0, false, 0, 0, 3, 2519, 2519, 0).finish(),
            "unsupported_version",
        ),
        (
            "version-2",
            format!("C{}", &std_value[1..]),
            "unsupported_version",
        ),
        (
            "version-63",
            format!("_{}", &std_value[1..]),
            "unsupported_version",
        ),
        ("version-0-single-char", "A".to_owned(), "unsupported_version"),
        ("version-2-truncated", "CA".to_owned(), "unsupported_version"),
        ("truncated-1-char", "B".to_owned(), "truncated"),
        ("truncated-10-chars", std_value[..10].to_owned(), "truncated"),
        ("truncated-last-char", std_value[..11].to_owned(), "truncated"),
        (
            "truncated-consent-id",
            Raw::header(1, true, 0, 0, 3, 2519, 2519, 3)
                .slots(&[2, 1, 1])
                .finish(),
            "truncated",
        ),
        (
            "truncated-consent-id-half",
            Raw::header(1, true, 0, 0, 3, 2519, 2519, 3)
                .slots(&[2, 1, 1])
                .put(64, 7)
                .finish(),
            "truncated",
        ),
        ("truncated-slots", h(10).slots(&[2, 1, 1]).finish(), "truncated"),
        (
            "reserved-bit-9",
            Raw::header(1, false, 0, 0b100, 3, 2519, 2519, 0).finish(),
            "reserved_bits",
        ),
        (
            "reserved-bit-10",
            Raw::header(1, false, 0, 0b010, 3, 2519, 2519, 0).finish(),
            "reserved_bits",
        ),
        (
            "reserved-bit-11",
            Raw::header(1, false, 0, 0b001, 3, 2519, 2519, 0).finish(),
            "reserved_bits",
        ),
        (
            "reserved-beats-trailing",
            format!(
                "{}AAA",
                Raw::header(1, false, 0, 0b111, 3, 2519, 2519, 0).finish()
            ),
            "reserved_bits",
        ),
        ("trailing-one-char", format!("{std_value}A"), "trailing_data"),
        ("trailing-four-chars", format!("{std_value}AAAA"), "trailing_data"),
        (
            "trailing-up-to-cap",
            format!("{std_value}{}", a(64 - 12)),
            "trailing_data",
        ),
        (
            "trailing-doubled-value",
            format!("{std_value}{std_value}"),
            "trailing_data",
        ),
        (
            "non-zero-padding-standard",
            h(3).slots(&[2, 1, 1]).finish_with_pad(0b0001),
            "non_zero_padding",
        ),
        (
            "non-zero-padding-high-bit",
            h(3).slots(&[2, 1, 1]).finish_with_pad(0b1000),
            "non_zero_padding",
        ),
        (
            "non-zero-padding-no-slots",
            h(0).finish_with_pad(0b11),
            "non_zero_padding",
        ),
        (
            "padding-beats-invalid-state",
            h(1).slots(&[3]).finish_with_pad(1),
            "non_zero_padding",
        ),
        ("invalid-state-slot-1", h(1).slots(&[3]).finish(), "invalid_state"),
        (
            "invalid-state-slot-3",
            h(3).slots(&[2, 1, 3]).finish(),
            "invalid_state",
        ),
        (
            "invalid-state-slot-63",
            h(63).slots(&[[1u8; 62].as_slice(), &[3]].concat()).finish(),
            "invalid_state",
        ),
        (
            "invalid-state-beats-non-minimal",
            h(2).slots(&[3, 0]).finish(),
            "invalid_state",
        ),
        (
            "non-minimal-1-slot",
            h(1).slots(&[0]).finish(),
            "non_minimal_slots",
        ),
        (
            "non-minimal-3-slots",
            h(3).slots(&[2, 1, 0]).finish(),
            "non_minimal_slots",
        ),
        (
            "non-minimal-63-slots",
            h(63).slots(&[[2u8; 62].as_slice(), &[0]].concat()).finish(),
            "non_minimal_slots",
        ),
        (
            "dates-out-of-order-by-one",
            Raw::header(1, false, 0, 0, 3, 2519, 2518, 1).slots(&[2]).finish(),
            "dates_out_of_order",
        ),
        (
            "dates-out-of-order-extremes",
            Raw::header(1, false, 0, 0, 3, u16::MAX, 0, 0).finish(),
            "dates_out_of_order",
        ),
        (
            "non-minimal-beats-dates",
            Raw::header(1, false, 0, 0, 3, 10, 9, 1).slots(&[0]).finish(),
            "non_minimal_slots",
        ),
    ];
    v.sort_by_key(|(_, _, kind)| cookieprefs::Error::KINDS.iter().position(|k| k == kind));
    v
}

fn policies() -> Value {
    json!({
        "default": {"revision": 0},
        "standard-r3": {"revision": 3},
        "reconsent-third-party-r4": {
            "revision": 4,
            "categories": [
                {"id": 1, "name": "statistics"},
                {"id": 2, "name": "first_party"},
                {"id": 3, "name": "third_party", "since_revision": 4}
            ]
        },
        "everything-r5": {
            "revision": 5,
            "categories": [
                {"id": 1, "name": "statistics", "since_revision": 5},
                {"id": 2, "name": "first_party", "since_revision": 5},
                {"id": 3, "name": "third_party", "since_revision": 5}
            ]
        },
        "youtube-r3": {
            "revision": 3,
            "categories": [
                {"id": 1, "name": "statistics"},
                {"id": 2, "name": "first_party"},
                {"id": 3, "name": "third_party"},
                {"id": 16, "name": "youtube", "since_revision": 3}
            ],
            "gpc_categories": ["third_party", "youtube"],
            "consent_mode": {"ad_personalization": "youtube"}
        },
        "short-refusals": {
            "revision": 3,
            "max_age_days": {"granted": 395, "denied": 30}
        },
        "statistics-only": {
            "revision": 1,
            "categories": [{"id": 1, "name": "statistics"}],
            "gpc_categories": [],
            "cookie": {"name": "consent", "domain": "example.org", "http_only": true}
        }
    })
}

/// (name, policy, value, today, gpc, needs_banner, reason, error kind)
type EvalCase = (
    &'static str,
    &'static str,
    Option<String>,
    &'static str,
    bool,
    bool,
    Option<&'static str>,
    Option<&'static str>,
);

fn evaluation_cases() -> Vec<EvalCase> {
    let today = date("2026-11-24");
    let cat = |id| Category::new(id).unwrap();
    let at = |d: &str| Preferences::builder(date(d)).revision(3);
    let enc = |b: cookieprefs::PreferencesBuilder| Some(b.build().unwrap().encode());
    let standard = enc(at("2026-11-24").grant(cat(1)).deny(cat(2)).deny(cat(3)));
    let all_granted = enc(at("2026-11-24").grant(cat(1)).grant(cat(2)).grant(cat(3)));
    let all_denied = enc(at("2026-11-24").deny(cat(1)).deny(cat(2)).deny(cat(3)));
    let days_ago = |n: u16| Date::from_days_since_epoch(today.days_since_epoch() - n).to_string();
    let aged = |n: u16| {
        enc(Preferences::builder(date(&days_ago(n)))
            .revision(3)
            .grant(cat(1))
            .deny(cat(2))
            .deny(cat(3)))
    };
    let future = |n: u16| {
        let d = Date::from_days_since_epoch(today.days_since_epoch() + n);
        enc(Preferences::builder(d).revision(3).grant(cat(1)))
    };
    let t = "2026-11-24";
    vec![
        (
            "no-cookie",
            "standard-r3",
            None,
            t,
            false,
            true,
            Some("no_choice"),
            None,
        ),
        (
            "no-cookie-gpc",
            "standard-r3",
            None,
            t,
            true,
            true,
            Some("no_choice"),
            None,
        ),
        (
            "standard",
            "standard-r3",
            standard.clone(),
            t,
            false,
            false,
            None,
            None,
        ),
        (
            "all-granted",
            "standard-r3",
            all_granted.clone(),
            t,
            false,
            false,
            None,
            None,
        ),
        (
            "all-denied",
            "standard-r3",
            all_denied.clone(),
            t,
            false,
            false,
            None,
            None,
        ),
        (
            "all-granted-gpc-stored-wins",
            "standard-r3",
            all_granted.clone(),
            t,
            true,
            false,
            None,
            None,
        ),
        (
            "garbage",
            "standard-r3",
            Some("{\"statistics\":true}".into()),
            t,
            false,
            true,
            Some("invalid_value"),
            Some("invalid_character"),
        ),
        (
            "garbage-gpc",
            "standard-r3",
            Some("%%%".into()),
            t,
            true,
            true,
            Some("invalid_value"),
            Some("invalid_character"),
        ),
        (
            "empty-value",
            "standard-r3",
            Some(String::new()),
            t,
            false,
            true,
            Some("invalid_value"),
            Some("empty"),
        ),
        (
            "unsupported-version",
            "standard-r3",
            Some("CAADCdcJ1w5Q".into()),
            t,
            false,
            true,
            Some("invalid_value"),
            Some("unsupported_version"),
        ),
        (
            "non-canonical",
            "standard-r3",
            Some(format!("{}A", standard.clone().unwrap())),
            t,
            false,
            true,
            Some("invalid_value"),
            Some("trailing_data"),
        ),
        (
            "future-two-days",
            "standard-r3",
            future(2),
            t,
            false,
            true,
            Some("invalid_value"),
            Some("date_in_future"),
        ),
        (
            "one-day-skew-ok",
            "standard-r3",
            enc(Preferences::builder(date("2026-11-25"))
                .revision(3)
                .grant(cat(1))
                .deny(cat(2))
                .deny(cat(3))),
            t,
            false,
            false,
            None,
            None,
        ),
        (
            "age-182-days-valid",
            "standard-r3",
            aged(182),
            t,
            false,
            false,
            None,
            None,
        ),
        (
            "age-183-days-expired",
            "standard-r3",
            aged(183),
            t,
            false,
            true,
            Some("expired"),
            None,
        ),
        (
            "age-400-days-expired-gpc",
            "standard-r3",
            aged(400),
            t,
            true,
            true,
            Some("expired"),
            None,
        ),
        (
            "partial-new-category",
            "standard-r3",
            enc(at(t).grant(cat(1))),
            t,
            false,
            true,
            Some("new_category"),
            None,
        ),
        (
            "partial-gpc-covers-third-party",
            "standard-r3",
            enc(at(t).grant(cat(1)).deny(cat(2))),
            t,
            true,
            false,
            None,
            None,
        ),
        (
            "reconsent-third-party-old-revision",
            "reconsent-third-party-r4",
            all_granted.clone(),
            t,
            false,
            true,
            Some("policy_updated"),
            None,
        ),
        (
            "reconsent-third-party-old-revision-gpc",
            "reconsent-third-party-r4",
            all_granted.clone(),
            t,
            true,
            false,
            None,
            None,
        ),
        (
            "reconsent-third-party-new-revision",
            "reconsent-third-party-r4",
            enc(at(t).revision(4).grant(cat(1)).grant(cat(2)).grant(cat(3))),
            t,
            false,
            false,
            None,
            None,
        ),
        (
            "reconsent-everything",
            "everything-r5",
            all_denied.clone(),
            t,
            false,
            true,
            Some("policy_updated"),
            None,
        ),
        (
            "stored-revision-newer-than-policy",
            "standard-r3",
            enc(at(t).revision(9).grant(cat(1)).grant(cat(2)).deny(cat(3))),
            t,
            false,
            false,
            None,
            None,
        ),
        (
            "youtube-never-asked",
            "youtube-r3",
            standard.clone(),
            t,
            false,
            true,
            Some("new_category"),
            None,
        ),
        (
            "youtube-never-asked-gpc",
            "youtube-r3",
            standard.clone(),
            t,
            true,
            false,
            None,
            None,
        ),
        (
            "youtube-granted",
            "youtube-r3",
            enc(at(t).grant(cat(1)).grant(cat(2)).grant(cat(3)).grant(cat(16))),
            t,
            false,
            false,
            None,
            None,
        ),
        (
            "youtube-granted-gpc-stored-wins",
            "youtube-r3",
            enc(at(t).grant(cat(1)).grant(cat(2)).grant(cat(3)).grant(cat(16))),
            t,
            true,
            false,
            None,
            None,
        ),
        (
            "youtube-answer-under-old-revision",
            "youtube-r3",
            enc(at(t)
                .revision(2)
                .grant(cat(1))
                .grant(cat(2))
                .grant(cat(3))
                .grant(cat(16))),
            t,
            false,
            true,
            Some("policy_updated"),
            None,
        ),
        (
            "no-cookie-youtube-gpc",
            "youtube-r3",
            None,
            t,
            true,
            true,
            Some("no_choice"),
            None,
        ),
        (
            "unknown-categories-ignored",
            "standard-r3",
            enc(at(t).grant(cat(1)).grant(cat(2)).grant(cat(3)).grant(cat(40))),
            t,
            false,
            false,
            None,
            None,
        ),
        (
            "short-refusals-denial-expired",
            "short-refusals",
            enc(Preferences::builder(date(&days_ago(30)))
                .revision(3)
                .grant(cat(1))
                .deny(cat(2))
                .deny(cat(3))),
            t,
            false,
            true,
            Some("expired"),
            None,
        ),
        (
            "short-refusals-denial-valid",
            "short-refusals",
            enc(Preferences::builder(date(&days_ago(29)))
                .revision(3)
                .grant(cat(1))
                .deny(cat(2))
                .deny(cat(3))),
            t,
            false,
            false,
            None,
            None,
        ),
        (
            "short-refusals-grants-last",
            "short-refusals",
            enc(Preferences::builder(date(&days_ago(394)))
                .revision(3)
                .grant(cat(1))
                .grant(cat(2))
                .grant(cat(3))),
            t,
            false,
            false,
            None,
            None,
        ),
        (
            "short-refusals-grants-expire",
            "short-refusals",
            enc(Preferences::builder(date(&days_ago(395)))
                .revision(3)
                .grant(cat(1))
                .grant(cat(2))
                .grant(cat(3))),
            t,
            false,
            true,
            Some("expired"),
            None,
        ),
        (
            "statistics-only-granted",
            "statistics-only",
            enc(Preferences::builder(today).revision(1).grant(cat(1))),
            t,
            false,
            false,
            None,
            None,
        ),
        (
            "statistics-only-gpc-does-nothing",
            "statistics-only",
            None,
            t,
            true,
            true,
            Some("no_choice"),
            None,
        ),
        (
            "default-policy-standard",
            "default",
            standard.clone(),
            t,
            false,
            false,
            None,
            None,
        ),
        (
            "epoch-today",
            "default",
            None,
            "2020-01-01",
            false,
            true,
            Some("no_choice"),
            None,
        ),
    ]
}

fn cookie_header_cases() -> Vec<(&'static str, &'static str, &'static str, Option<&'static str>)> {
    let n = "cookies_preferences";
    vec![
        (
            "only-cookie",
            "cookies_preferences=BAADCdcJ1w5Q",
            n,
            Some("BAADCdcJ1w5Q"),
        ),
        (
            "among-others",
            "sessionid=abc; cookies_preferences=BAADCdcJ1w5Q; csrftoken=x",
            n,
            Some("BAADCdcJ1w5Q"),
        ),
        (
            "no-space",
            "a=1;cookies_preferences=BAADCdcJ1w5Q;b=2",
            n,
            Some("BAADCdcJ1w5Q"),
        ),
        (
            "spaces-and-tabs",
            "a=1 ;\t cookies_preferences = BAADCdcJ1w5Q \t; b=2",
            n,
            Some("BAADCdcJ1w5Q"),
        ),
        (
            "quoted",
            "cookies_preferences=\"BAADCdcJ1w5Q\"",
            n,
            Some("BAADCdcJ1w5Q"),
        ),
        ("missing", "sessionid=abc; csrftoken=x", n, None),
        ("empty-header", "", n, None),
        (
            "name-prefix-not-matched",
            "xcookies_preferences=1; cookies_preferences=2",
            n,
            Some("2"),
        ),
        ("name-suffix-not-matched", "cookies_preferences_old=1", n, None),
        ("case-sensitive", "Cookies_Preferences=1", n, None),
        (
            "first-wins",
            "cookies_preferences=first; cookies_preferences=second",
            n,
            Some("first"),
        ),
        (
            "raw-json-neighbour",
            "cc={\"a\":1,\"b\":[1,2]}; cookies_preferences=BAADCdcJ1w5Q",
            n,
            Some("BAADCdcJ1w5Q"),
        ),
        (
            "json-with-semicolons-neighbour",
            "cc={\"a\":1;\"b\":2}; cookies_preferences=BAADCdcJ1w5Q",
            n,
            Some("BAADCdcJ1w5Q"),
        ),
        (
            "json-neighbour-mentions-name",
            "cc={\"k\":\"cookies_preferences=EVIL\"}; cookies_preferences=GOOD",
            n,
            Some("GOOD"),
        ),
        (
            "pair-without-equals",
            "junk; cookies_preferences=BAADCdcJ1w5Q",
            n,
            Some("BAADCdcJ1w5Q"),
        ),
        ("empty-value", "cookies_preferences=; a=1", n, Some("")),
        ("lone-quote-kept", "cookies_preferences=\"", n, Some("\"")),
        ("value-with-equals", "cookies_preferences=a=b", n, Some("a=b")),
        (
            "trailing-semicolons",
            "cookies_preferences=BAADCdcJ1w5Q;;;",
            n,
            Some("BAADCdcJ1w5Q"),
        ),
        (
            "other-name",
            "consent=BAADCdcJ1w5Q; cookies_preferences=X",
            "consent",
            Some("BAADCdcJ1w5Q"),
        ),
    ]
}

fn state_map(policy: &Policy, ev: &cookieprefs::Evaluation) -> Value {
    let mut m = serde_json::Map::new();
    m.insert("necessary".into(), json!("granted"));
    for c in policy.categories() {
        m.insert(c.name.clone(), json!(ev.state(c.category).as_str()));
    }
    Value::Object(m)
}

fn generate() -> Vec<(&'static str, String)> {
    // decode.json
    let valid: Vec<Value> = valid_cases()
        .iter()
        .map(|(name, p)| {
            let value = p.encode();
            assert_eq!(
                value,
                raw_of(p),
                "{name}: encoder disagrees with the spelled-out bits"
            );
            json!({"name": name, "value": value, "fields": serde_json::to_value(p).unwrap()})
        })
        .collect();
    let invalid: Vec<Value> = invalid_cases()
        .iter()
        .map(|(name, value, kind)| {
            let got = decode(value).expect_err(name).kind();
            assert_eq!(got, *kind, "{name}: {value:?}");
            json!({"name": name, "value": value, "error": kind})
        })
        .collect();
    let decode_doc = json!({"format_version": 1, "valid": valid, "invalid": invalid});

    // evaluate.json
    let pols = policies();
    let cases: Vec<Value> = evaluation_cases()
        .into_iter()
        .map(|(name, pol, value, today, gpc, banner, reason, error)| {
            let policy = Policy::from_json(&pols[pol].to_string()).unwrap();
            let ev = policy.evaluate(value.as_deref(), date(today), gpc);
            assert_eq!(ev.needs_banner(), banner, "{name}");
            assert_eq!(ev.banner_reason().map(|r| r.as_str()), reason, "{name}");
            assert_eq!(ev.error().map(|e| e.kind()), error, "{name}");
            json!({
                "name": name, "policy": pol, "value": value, "today": today, "gpc": gpc,
                "expected": {
                    "needs_banner": banner, "reason": reason, "error": error,
                    "categories": state_map(&policy, &ev),
                    "consent_mode": serde_json::to_value(ev.consent_mode()).unwrap(),
                }
            })
        })
        .collect();
    let evaluate_doc = json!({"policies": pols, "cases": cases});

    // cookie_header.json
    let cases: Vec<Value> = cookie_header_cases()
        .into_iter()
        .map(|(name, header, cookie, want)| {
            let got = find_cookie(header.as_bytes(), cookie).map(|r| &header[r]);
            assert_eq!(got, want, "{name}");
            json!({"name": name, "header": header, "cookie_name": cookie, "value": want})
        })
        .collect();
    let header_doc = json!({"cases": cases});

    [
        ("decode.json", decode_doc),
        ("evaluate.json", evaluate_doc),
        ("cookie_header.json", header_doc),
    ]
    .into_iter()
    .map(|(f, v)| (f, serde_json::to_string_pretty(&v).unwrap() + "\n"))
    .collect()
}

#[test]
fn vectors_are_fresh() {
    let bless = std::env::var_os("COOKIEPREFS_BLESS").is_some();
    let mut stale = Vec::new();
    for (file, text) in generate() {
        let path = vectors_dir().join(file);
        if bless {
            std::fs::write(&path, &text).unwrap();
        } else if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
            stale.push(file);
        }
    }
    assert!(
        stale.is_empty(),
        "stale vectors {stale:?}: run COOKIEPREFS_BLESS=1 cargo test -p cookieprefs --test vectors"
    );
}

#[test]
fn vector_counts() {
    assert!(valid_cases().len() >= 40);
    assert!(invalid_cases().len() >= 40);
    let kinds: std::collections::BTreeSet<_> = invalid_cases().iter().map(|c| c.2).collect();
    for k in cookieprefs::Error::DECODE_KINDS {
        assert!(kinds.contains(k), "no invalid vector for {k}");
    }
}

fn load(file: &str) -> Value {
    serde_json::from_str(&std::fs::read_to_string(vectors_dir().join(file)).unwrap()).unwrap()
}

#[test]
fn run_decode_vectors() {
    let doc = load("decode.json");
    let valid = doc["valid"].as_array().unwrap();
    for case in valid {
        let value = case["value"].as_str().unwrap();
        let prefs = decode(value).unwrap_or_else(|e| panic!("{}: {e}", case["name"]));
        assert_eq!(
            serde_json::to_value(prefs).unwrap(),
            case["fields"],
            "{}",
            case["name"]
        );
        let from_fields: Preferences = serde_json::from_value(case["fields"].clone()).unwrap();
        assert_eq!(from_fields.encode(), value, "{}", case["name"]);
    }
    for case in doc["invalid"].as_array().unwrap() {
        let err = decode(case["value"].as_str().unwrap()).unwrap_err();
        assert_eq!(err.kind(), case["error"].as_str().unwrap(), "{}", case["name"]);
    }
}

#[test]
fn run_evaluate_vectors() {
    let doc = load("evaluate.json");
    for case in doc["cases"].as_array().unwrap() {
        let name = &case["name"];
        let policy =
            Policy::from_json(&doc["policies"][case["policy"].as_str().unwrap()].to_string()).unwrap();
        let ev = policy.evaluate(
            case["value"].as_str(),
            date(case["today"].as_str().unwrap()),
            case["gpc"].as_bool().unwrap(),
        );
        let exp = &case["expected"];
        assert_eq!(json!(ev.needs_banner()), exp["needs_banner"], "{name}");
        assert_eq!(
            json!(ev.banner_reason().map(|r| r.as_str())),
            exp["reason"],
            "{name}"
        );
        assert_eq!(json!(ev.error().map(|e| e.kind())), exp["error"], "{name}");
        for (cname, state) in exp["categories"].as_object().unwrap() {
            let c = policy.category(cname).unwrap();
            assert_eq!(ev.state(c).as_str(), state.as_str().unwrap(), "{name} {cname}");
        }
        assert_eq!(
            serde_json::to_value(ev.consent_mode()).unwrap(),
            exp["consent_mode"],
            "{name}"
        );
    }
}

#[test]
fn run_cookie_header_vectors() {
    let doc = load("cookie_header.json");
    for case in doc["cases"].as_array().unwrap() {
        let header = case["header"].as_str().unwrap();
        let got = find_cookie(header.as_bytes(), case["cookie_name"].as_str().unwrap()).map(|r| &header[r]);
        assert_eq!(got, case["value"].as_str(), "{}", case["name"]);
    }
}
