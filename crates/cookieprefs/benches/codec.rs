//! Criterion benchmarks of the hot paths, with peers measured in the same
//! run: today's common practice (a JSON consent cookie parsed with
//! serde_json), and hand-written codecs of the same fields (`peers.rs`: on
//! the base64 crate, and with a lookup table) and the usual `split(';')`
//! header scan. Compare ratios within one run, not medians across runs.
//!
//! Run: `cargo bench -p cookieprefs --bench codec`

use std::hint::black_box;

use cookieprefs_peers as peers;

use cookieprefs::{decode, find_cookie, Category, Date, Policy, Preferences};
use criterion::{criterion_group, criterion_main, Criterion};

const VALUE: &str = "BAADCdcJ1w5Q";
const HEADER: &[u8] = br#"sessionid=3k2j4h5k2j3h4k5j; csrftoken=Zm9vYmFyYmF6cXV4; cc_cookie={"categories":["necessary"],"revision":0}; cookies_preferences=BAADCdcJ1w5Q; _ga=GA1.1.123.456"#;
/// A realistic 160-byte `Cookie:` header of a Django site with analytics,
/// the consent cookie last.
const REALISTIC_HEADER: &[u8] = b"sessionid=x8kq2m4n7p1r5t; csrftoken=Zm9vYmFyYmF6cXV4; django_language=fr; _ga=GA1.1.1234.17324; _pk_id.1.1fff=0123456789a.1732; cookies_preferences=BAADCdcJ1w5Q";
/// A typical JSON banner cookie of today (the kind that needs percent-encoding).
const JSON_PEER: &str = r#"{"categories":["necessary","analytics"],"level":["necessary","analytics"],"revision":3,"data":null,"rfc_cookie":false,"consent_date":"2026-11-24T10:11:12.345Z","consent_uuid":"67e55044-10b1-426f-9247-bb680e5fe0c8","last_consent_update":"2026-11-24T10:11:12.345Z"}"#;

#[derive(serde::Deserialize)]
#[allow(dead_code)]
struct JsonPeer<'a> {
    categories: Vec<&'a str>,
    level: Vec<&'a str>,
    revision: u32,
    consent_date: &'a str,
    consent_uuid: &'a str,
    last_consent_update: &'a str,
}

fn benches(c: &mut Criterion) {
    let prefs = decode(VALUE).unwrap();
    let policy = Policy::builder()
        .revision(3)
        .standard_categories()
        .build()
        .unwrap();
    let today = Date::from_ymd(2026, 11, 24).unwrap();

    c.bench_function("decode", |b| b.iter(|| decode(black_box(VALUE))));
    c.bench_function("decode+state", |b| {
        b.iter(|| decode(black_box(VALUE)).map(|p| p.state(Category::STATISTICS)))
    });
    c.bench_function("encode_to_string", |b| b.iter(|| black_box(&prefs).encode()));
    c.bench_function("encode_into_buffer", |b| {
        let mut buf = [0u8; 64];
        b.iter(|| black_box(&prefs).encode_into(black_box(&mut buf)))
    });
    c.bench_function("evaluate", |b| {
        b.iter(|| {
            policy
                .evaluate(black_box(Some(VALUE)), today, false)
                .needs_banner()
        })
    });
    c.bench_function("evaluate_header", |b| {
        b.iter(|| {
            policy
                .evaluate_header(black_box(Some(HEADER)), today, false)
                .needs_banner()
        })
    });
    c.bench_function("find_cookie", |b| {
        b.iter(|| find_cookie(black_box(HEADER), "cookies_preferences"))
    });
    c.bench_function("find_cookie/realistic_160", |b| {
        b.iter(|| find_cookie(black_box(REALISTIC_HEADER), "cookies_preferences"))
    });
    c.bench_function("evaluate_header/realistic_160", |b| {
        b.iter(|| {
            policy
                .evaluate_header(black_box(Some(REALISTIC_HEADER)), today, false)
                .needs_banner()
        })
    });
    c.bench_function("build+encode", |b| {
        b.iter(|| {
            Preferences::builder(today)
                .revision(3)
                .grant(Category::STATISTICS)
                .deny(Category::FIRST_PARTY)
                .deny(Category::THIRD_PARTY)
                .build()
                .map(|p| p.encode())
        })
    });
    peer_benches(c);
    c.bench_function("peer/serde_json_decode_banner_cookie", |b| {
        b.iter(|| serde_json::from_str::<JsonPeer>(black_box(JSON_PEER)).map(|p| p.revision))
    });
}

fn peer_benches(c: &mut Criterion) {
    let mut buf = [0u8; 16];
    let n = peers::b64_encode(&peers::RECORD, &mut buf).unwrap();
    let record: Vec<u8> = buf[..n].to_vec();
    assert_eq!(peers::lut_encode(&peers::RECORD, &mut buf), Some(n));
    assert_eq!(&buf[..n], &record[..]);
    assert_eq!(peers::b64_decode(&record), Some(peers::RECORD));
    assert_eq!(peers::lut_decode(&record), Some(peers::RECORD));
    for h in [HEADER, REALISTIC_HEADER] {
        assert_eq!(
            peers::split_find(h, "cookies_preferences"),
            find_cookie(h, "cookies_preferences").map(|r| &h[r])
        );
    }

    c.bench_function("peer/base64_decode_7_bytes", |b| {
        b.iter(|| peers::b64_decode(black_box(&record)))
    });
    c.bench_function("peer/lut_decode_7_bytes", |b| {
        b.iter(|| peers::lut_decode(black_box(&record)))
    });
    c.bench_function("peer/base64_encode_7_bytes", |b| {
        b.iter(|| peers::b64_encode(black_box(&peers::RECORD), black_box(&mut buf)))
    });
    c.bench_function("peer/lut_encode_7_bytes", |b| {
        b.iter(|| peers::lut_encode(black_box(&peers::RECORD), black_box(&mut buf)))
    });
    c.bench_function("peer/split_find_cookie", |b| {
        b.iter(|| peers::split_find(black_box(HEADER), "cookies_preferences"))
    });
    c.bench_function("peer/split_find_cookie/realistic_160", |b| {
        b.iter(|| peers::split_find(black_box(REALISTIC_HEADER), "cookies_preferences"))
    });
}

criterion_group!(codec, benches);
criterion_main!(codec);
