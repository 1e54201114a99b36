//! A fixed workload for counting instructions per operation with callgrind
//! (see docs/PERFORMANCE.md): `instructions <decode|encode_into|encode|evaluate> <iterations>`.

use std::hint::black_box;

use cookieprefs::{decode, Date, Policy};

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
        _ => panic!("unknown operation {op}"),
    };
    for _ in 0..n {
        sink += op_fn();
    }
    println!("{op} x{n}: {sink}");
}
