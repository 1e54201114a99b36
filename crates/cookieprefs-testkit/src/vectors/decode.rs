//! `decode.json`: valid values with their fields, invalid values with the
//! error kind decoding gives.

use cookieprefs::{decode, Category, ConsentId, Date, Error, Method, Preferences, PreferencesBuilder, State};
use serde_json::{json, Value};

use super::date;
use super::raw::{raw_of, Raw};

/// A value that decodes: the generator encodes `value` and checks the result
/// against the independent bit writer.
pub struct ValidCase {
    /// The case name.
    pub name: &'static str,
    /// The value.
    pub value: Preferences,
}

impl ValidCase {
    fn new(name: &'static str, builder: PreferencesBuilder) -> ValidCase {
        ValidCase {
            name,
            value: builder.build().unwrap_or_else(|e| panic!("{name}: {e}")),
        }
    }
}

/// A string that does not decode, and the error kind it gives.
pub struct InvalidCase {
    /// The case name.
    pub name: &'static str,
    /// The string.
    pub value: String,
    /// The expected `Error::kind`.
    pub error: &'static str,
}

/// The valid cases, in file order.
pub fn valid_cases() -> Vec<ValidCase> {
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
    vec![
        ValidCase::new("nothing-decided-epoch", Preferences::builder(Date::EPOCH)),
        ValidCase::new("nothing-decided-today", b()),
        ValidCase::new("standard-r3", b().grant(cat(1)).deny(cat(2)).deny(cat(3))),
        ValidCase::new("all-granted-r3", b().grant(cat(1)).grant(cat(2)).grant(cat(3))),
        ValidCase::new("all-denied-r3", b().deny(cat(1)).deny(cat(2)).deny(cat(3))),
        ValidCase::new("statistics-only-granted", b().grant(cat(1))),
        ValidCase::new("statistics-only-denied", b().deny(cat(1))),
        ValidCase::new("first-party-only-denied", b().deny(cat(2))),
        ValidCase::new("third-party-only-granted", b().grant(cat(3))),
        ValidCase::new(
            "stats-denied-fp-granted-tp-denied",
            b().deny(cat(1)).grant(cat(2)).deny(cat(3)),
        ),
        ValidCase::new(
            "stats-granted-fp-notasked-tp-granted",
            b().grant(cat(1)).grant(cat(3)),
        ),
        ValidCase::new(
            "stats-denied-tp-granted",
            b().deny(cat(1)).deny(cat(2)).grant(cat(3)),
        ),
        ValidCase::new(
            "revision-0",
            b().revision(0).grant(cat(1)).grant(cat(2)).grant(cat(3)),
        ),
        ValidCase::new("revision-1", b().revision(1).deny(cat(3))),
        ValidCase::new("revision-2048", b().revision(2048).grant(cat(1))),
        ValidCase::new(
            "revision-max-4095",
            b().revision(4095).grant(cat(1)).deny(cat(2)).deny(cat(3)),
        ),
        ValidCase::new("dates-epoch", Preferences::builder(Date::EPOCH).grant(cat(1))),
        ValidCase::new("dates-max", Preferences::builder(Date::MAX).deny(cat(1))),
        ValidCase::new(
            "created-epoch-updated-max",
            b().created(Date::EPOCH).updated(Date::MAX).grant(cat(2)),
        ),
        ValidCase::new(
            "created-before-updated",
            b().created(date("2026-05-01")).updated(today).grant(cat(1)),
        ),
        ValidCase::new("leap-day", Preferences::builder(date("2024-02-29")).grant(cat(3))),
        ValidCase::new(
            "end-of-year",
            Preferences::builder(date("2025-12-31")).deny(cat(3)),
        ),
        ValidCase::new("method-banner", b().method(Method::Banner).grant(cat(1))),
        ValidCase::new(
            "method-preferences-page",
            b().method(Method::PreferencesPage).grant(cat(1)),
        ),
        ValidCase::new(
            "method-browser-signal",
            b().method(Method::BrowserSignal).deny(cat(3)),
        ),
        ValidCase::new("method-imported", b().method(Method::Imported).grant(cat(2))),
        ValidCase::new("consent-id-nothing-decided", b().consent_id(Some(id))),
        ValidCase::new(
            "consent-id-standard",
            b().consent_id(Some(id)).grant(cat(1)).deny(cat(2)).deny(cat(3)),
        ),
        ValidCase::new(
            "consent-id-nil",
            b().consent_id(Some(ConsentId::from_u128(0))).grant(cat(1)),
        ),
        ValidCase::new(
            "consent-id-all-ones",
            b().consent_id(Some(ConsentId::from_u128(u128::MAX))).deny(cat(1)),
        ),
        ValidCase::new("reserved-id-4-granted", b().grant(cat(4))),
        ValidCase::new("reserved-id-15-denied", b().grant(cat(1)).deny(cat(15))),
        ValidCase::new(
            "custom-16-granted",
            b().grant(cat(1)).deny(cat(2)).deny(cat(3)).grant(cat(16)),
        ),
        ValidCase::new("custom-16-denied-only", b().deny(cat(16))),
        ValidCase::new("custom-63-granted", b().grant(cat(63))),
        ValidCase::new("custom-63-denied", b().deny(cat(63))),
        ValidCase::new(
            "custom-16-to-20-mixed",
            b().grant(cat(16)).deny(cat(17)).grant(cat(19)).deny(cat(20)),
        ),
        ValidCase::new("all-63-granted", all(State::Granted)),
        ValidCase::new("all-63-denied", all(State::Denied)),
        ValidCase::new(
            "all-63-granted-consent-id-longest",
            all(State::Granted).consent_id(Some(id)),
        ),
        ValidCase::new("slots-2-length-11", b().deny(cat(2))),
        ValidCase::new("slots-5-length-12", b().grant(cat(5))),
        ValidCase::new("slots-6-length-13", b().grant(cat(6))),
        ValidCase::new("slots-8-length-13", b().deny(cat(8))),
        ValidCase::new("slots-9-length-14", b().deny(cat(9))),
    ]
}

/// The invalid cases, in file order (by error kind, then as listed).
pub fn invalid_cases() -> Vec<InvalidCase> {
    let standard = valid_cases()
        .into_iter()
        .find(|c| c.name == "standard-r3")
        .unwrap();
    let std_value = raw_of(&standard.value);
    let h = |n| Raw::header(1, false, 0, 0, 3, 2519, 2519, n);
    let a = |n: usize| "A".repeat(n);
    let mut v = vec![
        InvalidCase {
            name: "empty",
            value: String::new(),
            error: "empty",
        },
        InvalidCase {
            name: "too-long-65",
            value: format!("B{}", a(64)),
            error: "too_long",
        },
        InvalidCase {
            name: "too-long-1000",
            value: a(1000),
            error: "too_long",
        },
        InvalidCase {
            name: "too-long-beats-bad-character",
            value: format!("{}=", a(64)),
            error: "too_long",
        },
        InvalidCase {
            name: "padding-equals",
            value: format!("{std_value}="),
            error: "invalid_character",
        },
        InvalidCase {
            name: "standard-base64-plus",
            value: format!("B+{}", &std_value[2..]),
            error: "invalid_character",
        },
        InvalidCase {
            name: "standard-base64-slash",
            value: format!("{}/", &std_value[..11]),
            error: "invalid_character",
        },
        InvalidCase {
            name: "space-inside",
            value: format!("BA {}", &std_value[3..]),
            error: "invalid_character",
        },
        InvalidCase {
            name: "dot",
            value: format!("{}.", &std_value[..11]),
            error: "invalid_character",
        },
        InvalidCase {
            name: "non-ascii",
            value: format!("B\u{e9}{}", &std_value[2..]),
            error: "invalid_character",
        },
        InvalidCase {
            name: "nul-byte",
            value: format!("B\u{0}{}", &std_value[2..]),
            error: "invalid_character",
        },
        InvalidCase {
            name: "percent-encoded",
            value: format!("{std_value}%3D"),
            error: "invalid_character",
        },
        InvalidCase {
            name: "quoted",
            value: format!("\"{std_value}\""),
            error: "invalid_character",
        },
        InvalidCase {
            name: "newline",
            value: format!("{std_value}\n"),
            error: "invalid_character",
        },
        InvalidCase {
            name: "bad-first-character",
            value: format!("*{}", &std_value[1..]),
            error: "invalid_character",
        },
        InvalidCase {
            name: "json",
            value: r#"{"statistics":true}"#.to_owned(),
            error: "invalid_character",
        },
        InvalidCase {
            name: "version-0",
            value: Raw::header(0, false, 0, 0, 3, 2519, 2519, 0).finish(),
            error: "unsupported_version",
        },
        InvalidCase {
            name: "version-2",
            value: format!("C{}", &std_value[1..]),
            error: "unsupported_version",
        },
        InvalidCase {
            name: "version-63",
            value: format!("_{}", &std_value[1..]),
            error: "unsupported_version",
        },
        InvalidCase {
            name: "version-0-single-char",
            value: "A".to_owned(),
            error: "unsupported_version",
        },
        InvalidCase {
            name: "version-2-truncated",
            value: "CA".to_owned(),
            error: "unsupported_version",
        },
        InvalidCase {
            name: "truncated-1-char",
            value: "B".to_owned(),
            error: "truncated",
        },
        InvalidCase {
            name: "truncated-10-chars",
            value: std_value[..10].to_owned(),
            error: "truncated",
        },
        InvalidCase {
            name: "truncated-last-char",
            value: std_value[..11].to_owned(),
            error: "truncated",
        },
        InvalidCase {
            name: "truncated-consent-id",
            value: Raw::header(1, true, 0, 0, 3, 2519, 2519, 3)
                .slots(&[2, 1, 1])
                .finish(),
            error: "truncated",
        },
        InvalidCase {
            name: "truncated-consent-id-half",
            value: Raw::header(1, true, 0, 0, 3, 2519, 2519, 3)
                .slots(&[2, 1, 1])
                .put(64, 7)
                .finish(),
            error: "truncated",
        },
        InvalidCase {
            name: "truncated-slots",
            value: h(10).slots(&[2, 1, 1]).finish(),
            error: "truncated",
        },
        InvalidCase {
            name: "reserved-bit-9",
            value: Raw::header(1, false, 0, 0b100, 3, 2519, 2519, 0).finish(),
            error: "reserved_bits",
        },
        InvalidCase {
            name: "reserved-bit-10",
            value: Raw::header(1, false, 0, 0b010, 3, 2519, 2519, 0).finish(),
            error: "reserved_bits",
        },
        InvalidCase {
            name: "reserved-bit-11",
            value: Raw::header(1, false, 0, 0b001, 3, 2519, 2519, 0).finish(),
            error: "reserved_bits",
        },
        InvalidCase {
            name: "reserved-beats-trailing",
            value: format!(
                "{}AAA",
                Raw::header(1, false, 0, 0b111, 3, 2519, 2519, 0).finish()
            ),
            error: "reserved_bits",
        },
        InvalidCase {
            name: "trailing-one-char",
            value: format!("{std_value}A"),
            error: "trailing_data",
        },
        InvalidCase {
            name: "trailing-four-chars",
            value: format!("{std_value}AAAA"),
            error: "trailing_data",
        },
        InvalidCase {
            name: "trailing-up-to-cap",
            value: format!("{std_value}{}", a(64 - 12)),
            error: "trailing_data",
        },
        InvalidCase {
            name: "trailing-doubled-value",
            value: format!("{std_value}{std_value}"),
            error: "trailing_data",
        },
        InvalidCase {
            name: "non-zero-padding-standard",
            value: h(3).slots(&[2, 1, 1]).finish_with_pad(0b0001),
            error: "non_zero_padding",
        },
        InvalidCase {
            name: "non-zero-padding-high-bit",
            value: h(3).slots(&[2, 1, 1]).finish_with_pad(0b1000),
            error: "non_zero_padding",
        },
        InvalidCase {
            name: "non-zero-padding-no-slots",
            value: h(0).finish_with_pad(0b11),
            error: "non_zero_padding",
        },
        InvalidCase {
            name: "padding-beats-invalid-state",
            value: h(1).slots(&[3]).finish_with_pad(1),
            error: "non_zero_padding",
        },
        InvalidCase {
            name: "invalid-state-slot-1",
            value: h(1).slots(&[3]).finish(),
            error: "invalid_state",
        },
        InvalidCase {
            name: "invalid-state-slot-3",
            value: h(3).slots(&[2, 1, 3]).finish(),
            error: "invalid_state",
        },
        InvalidCase {
            name: "invalid-state-slot-63",
            value: h(63).slots(&[[1u8; 62].as_slice(), &[3]].concat()).finish(),
            error: "invalid_state",
        },
        InvalidCase {
            name: "invalid-state-beats-non-minimal",
            value: h(2).slots(&[3, 0]).finish(),
            error: "invalid_state",
        },
        InvalidCase {
            name: "non-minimal-1-slot",
            value: h(1).slots(&[0]).finish(),
            error: "non_minimal_slots",
        },
        InvalidCase {
            name: "non-minimal-3-slots",
            value: h(3).slots(&[2, 1, 0]).finish(),
            error: "non_minimal_slots",
        },
        InvalidCase {
            name: "non-minimal-63-slots",
            value: h(63).slots(&[[2u8; 62].as_slice(), &[0]].concat()).finish(),
            error: "non_minimal_slots",
        },
        InvalidCase {
            name: "dates-out-of-order-by-one",
            value: Raw::header(1, false, 0, 0, 3, 2519, 2518, 1).slots(&[2]).finish(),
            error: "dates_out_of_order",
        },
        InvalidCase {
            name: "dates-out-of-order-extremes",
            value: Raw::header(1, false, 0, 0, 3, u16::MAX, 0, 0).finish(),
            error: "dates_out_of_order",
        },
        InvalidCase {
            name: "non-minimal-beats-dates",
            value: Raw::header(1, false, 0, 0, 3, 10, 9, 1).slots(&[0]).finish(),
            error: "non_minimal_slots",
        },
    ];
    v.sort_by_key(|c| Error::KINDS.iter().position(|k| *k == c.error));
    v
}

/// The document: each valid value is encoded by the crate and by the
/// independent bit writer (they must agree), each invalid one must fail
/// with its error kind.
pub fn document() -> Value {
    let valid: Vec<Value> = valid_cases()
        .iter()
        .map(|ValidCase { name, value: p }| {
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
        .map(|InvalidCase { name, value, error }| {
            let got = decode(value).expect_err(name).kind();
            assert_eq!(got, *error, "{name}: {value:?}");
            json!({"name": name, "value": value, "error": error})
        })
        .collect();
    json!({"format_version": 1, "valid": valid, "invalid": invalid})
}
