//! A fixed workload for counting instructions per operation with callgrind
//! (see docs/PERFORMANCE.md and scripts/count-instructions.sh):
//! `instructions <operation> <iterations>`, where the operation is one of
//! `decode`, `encode_into`, `encode`, `evaluate`, `find_cookie`,
//! `evaluate_header`, or a hand-written peer from `cookieprefs-peers`:
//! `peer_base64_decode`, `peer_lut_decode`, `peer_base64_encode`,
//! `peer_lut_encode`, `peer_split_find_cookie`.

use std::hint::black_box;

use cookieprefs::{decode, find_cookie, Date, Policy};

use cookieprefs_peers as peers;

/// The realistic 160-byte header of `benches/codec.rs`.
const HEADER: &[u8] = b"sessionid=x8kq2m4n7p1r5t; csrftoken=Zm9vYmFyYmF6cXV4; django_language=fr; _ga=GA1.1.1234.17324; _pk_id.1.1fff=0123456789a.1732; cookies_preferences=BAADCdcJ1w5Q";

fn main() {
    let mut args = std::env::args().skip(1);
    let op = args.next().unwrap_or_else(|| "decode".into());
    let n: u64 = args.next().and_then(|s| s.parse().ok()).unwrap_or(1_000_000);
    let value = black_box("BAADCdcJ1w5Q");
    let prefs = decode(value).expect("valid value");
    let policy = Policy::builder()
        .revision(3)
        .standard_categories()
        .build()
        .expect("valid policy");
    let today = Date::from_days_since_epoch(2519);
    let mut buf = [0u8; 64];
    let mut peer_buf = [0u8; 16];
    let record_len = peers::b64_encode(&peers::RECORD, &mut peer_buf).expect("peer encodes");
    let record = peer_buf[..record_len].to_vec();
    let mut sink = 0usize;
    // Dispatch once, outside the loop, so only the operation is counted.
    let mut op_fn: Box<dyn FnMut() -> usize> = match op.as_str() {
        "decode" => Box::new(|| decode(black_box(value)).map_or(0, |p| p.revision() as usize)),
        "encode_into" => Box::new(|| black_box(&prefs).encode_into(&mut buf).unwrap_or(0)),
        "encode" => Box::new(|| black_box(&prefs).encode().len()),
        "evaluate" => Box::new(|| {
            usize::from(
                policy
                    .evaluate(black_box(Some(value)), today, false)
                    .needs_banner(),
            )
        }),
        "find_cookie" => {
            Box::new(|| find_cookie(black_box(HEADER), "cookies_preferences").map_or(0, |r| r.start))
        }
        "evaluate_header" => Box::new(|| {
            usize::from(
                policy
                    .evaluate_header(black_box(Some(HEADER)), today, false)
                    .needs_banner(),
            )
        }),
        "peer_base64_decode" => {
            Box::new(|| peers::b64_decode(black_box(&record)).map_or(0, |r| r.revision as usize))
        }
        "peer_lut_decode" => {
            Box::new(|| peers::lut_decode(black_box(&record)).map_or(0, |r| r.revision as usize))
        }
        "peer_base64_encode" => {
            Box::new(|| peers::b64_encode(black_box(&peers::RECORD), &mut peer_buf).unwrap_or(0))
        }
        "peer_lut_encode" => {
            Box::new(|| peers::lut_encode(black_box(&peers::RECORD), &mut peer_buf).unwrap_or(0))
        }
        "peer_split_find_cookie" => {
            Box::new(|| peers::split_find(black_box(HEADER), "cookies_preferences").map_or(0, <[u8]>::len))
        }
        _ => panic!("unknown operation {op}"),
    };
    for _ in 0..n {
        sink += op_fn();
    }
    println!("{op} x{n}: {sink}");
}
