//! Resource guarantees on hostile input (`docs/SECURITY.md`): decoding and
//! cookie lookup never allocate, and evaluating a request allocates the same
//! small amount whatever the size of the header or value it is given.
//!
//! A counting global allocator counts the allocations made by the current
//! thread only, so that tests running in parallel do not disturb each other.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use cookieprefs::{decode, find_cookie, Category, Date, Policy, Preferences};

struct Counting;

thread_local! {
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
    static BYTES: Cell<usize> = const { Cell::new(0) };
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let _ = ALLOCATIONS.try_with(|c| c.set(c.get() + 1));
        let _ = BYTES.try_with(|c| c.set(c.get() + layout.size()));
        // SAFETY: forwarding the caller's layout to the system allocator.
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` was allocated by `System` with this layout.
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let _ = ALLOCATIONS.try_with(|c| c.set(c.get() + 1));
        let _ = BYTES.try_with(|c| c.set(c.get() + new_size));
        // SAFETY: `ptr` was allocated by `System` with this layout.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// (allocations, bytes) made by the current thread while running `f`.
fn counted<T>(f: impl FnOnce() -> T) -> (usize, usize, T) {
    let (a0, b0) = (ALLOCATIONS.with(Cell::get), BYTES.with(Cell::get));
    let out = f();
    let (a1, b1) = (ALLOCATIONS.with(Cell::get), BYTES.with(Cell::get));
    (a1 - a0, b1 - b0, out)
}

fn hostile_values() -> Vec<Vec<u8>> {
    let valid = Preferences::builder(Date::from_days_since_epoch(2519))
        .grant(Category::STATISTICS)
        .deny(Category::new(63).unwrap())
        .consent_id(Some(cookieprefs::ConsentId::from_u128(u128::MAX)))
        .build()
        .unwrap()
        .encode()
        .into_bytes();
    let mut v = vec![
        Vec::new(),
        b"B".to_vec(),
        b"BAADCdcJ1w5Q".to_vec(),
        b"BAADCdcJ1w5Q=".to_vec(),
        b"B\xff\xfe".to_vec(),
        b"BAADCdcJ1w5R".to_vec(),
        valid.clone(),
        valid[..valid.len() - 1].to_vec(),
        vec![b'A'; 64],
        vec![b'A'; 65],
        vec![b'_'; 1 << 20],
        vec![0xff; 1 << 20],
    ];
    let mut long = valid;
    long.resize(1 << 16, b'A');
    v.push(long);
    v
}

#[test]
fn decode_never_allocates() {
    for value in hostile_values() {
        let (n, _, result) = counted(|| decode(&value));
        assert_eq!(n, 0, "decode allocated on {} bytes: {result:?}", value.len());
    }
}

#[test]
fn find_cookie_never_allocates() {
    let mut header = Vec::new();
    for i in 0..50_000 {
        header.extend_from_slice(format!("c{i}=\"{{\\\"k\\\":[{i}]}}\"; ").as_bytes());
    }
    header.extend_from_slice(b"junk; =; ;;\t\xff; cookies_preferences = \"BAADCdcJ1w5Q\" ");
    let (n, _, r) = counted(|| find_cookie(&header, "cookies_preferences"));
    assert_eq!(n, 0);
    assert_eq!(&header[r.unwrap()], b"BAADCdcJ1w5Q");
    let (n, _, r) = counted(|| find_cookie(&header, "absent"));
    assert_eq!((n, r), (0, None));
}

#[test]
fn evaluation_cost_does_not_grow_with_the_input() {
    let policy = Policy::default();
    let today = Date::from_days_since_epoch(2519);
    let small = b"cookies_preferences=BAAACdcJ1wY".to_vec();
    let mut big = b"a=".to_vec();
    big.resize(1 << 20, b'x');
    big.extend_from_slice(b"; cookies_preferences=BAAACdcJ1wY");
    let (_, small_bytes, ev_small) = counted(|| policy.evaluate_header(Some(&small), today, true));
    let (_, big_bytes, ev_big) = counted(|| policy.evaluate_header(Some(&big), today, true));
    assert_eq!(ev_small, ev_big);
    assert_eq!(small_bytes, big_bytes, "allocation grew with the header");

    // A huge invalid value: refused before any work, nothing kept of it.
    let mut huge = b"cookies_preferences=".to_vec();
    huge.resize(1 << 20, b'B');
    let (_, bytes, ev) = counted(|| policy.evaluate_header(Some(&huge), today, true));
    assert_eq!(ev.error().map(|e| e.kind()), Some("too_long"));
    assert!(bytes <= small_bytes + 256, "{bytes} bytes for a 1 MiB value");
    assert!(!ev.allowed(Category::STATISTICS));
}

/// Enforcement at the edge allocates nothing: classification, the
/// response filter, and the cookies to clear with their deletion headers
/// written into a fixed buffer.
#[cfg(feature = "json-text")]
#[test]
fn enforcement_never_allocates() {
    use core::fmt::Write;
    struct Fixed {
        buf: [u8; 256],
        len: usize,
    }
    impl Write for Fixed {
        fn write_str(&mut self, s: &str) -> core::fmt::Result {
            let end = self.len + s.len();
            self.buf
                .get_mut(self.len..end)
                .ok_or(core::fmt::Error)?
                .copy_from_slice(s.as_bytes());
            self.len = end;
            Ok(())
        }
    }
    let policy = Policy::from_json(
        r#"{"cookies": [{"name": "_pk_id.*", "category": "statistics", "domain": ".example.org"},
                        {"name": "sessionid", "category": "necessary"}], "undeclared": "block"}"#,
    )
    .unwrap();
    let today = Date::from_days_since_epoch(2519);
    let mut header = b"cookies_preferences=BAAACdcJ1wI; sessionid=x".to_vec();
    for i in 0..2_000 {
        header.extend_from_slice(format!("; _pk_id.{}=v; other{i}=1", i % 7).as_bytes());
    }
    let ev = policy.evaluate_header(Some(&header), today, false);
    let mut out = Fixed {
        buf: [0; 256],
        len: 0,
    };
    let (n, _, cleared) = counted(|| {
        let mut cleared = 0;
        assert!(!ev.cookie_allowed(b"_pk_id.1.abc"));
        assert!(ev.cookie_allowed("sessionid"));
        assert!(!ev.set_cookie_allowed(b"_pk_id.1=1; Max-Age=100; Expires=Wed, 24 Nov 2027 00:00:00 GMT"));
        assert!(ev.set_cookie_allowed(b"_pk_id.1=; Max-Age=0"));
        for c in ev.cookies_to_clear(&header) {
            out.len = 0;
            c.write_deletion_header(&mut out).unwrap();
            cleared += 1;
        }
        cleared
    });
    assert_eq!(n, 0, "enforcement allocated");
    assert_eq!(
        cleared,
        7 + 2_000,
        "7 distinct _pk_id names and 2000 undeclared ones"
    );
}
