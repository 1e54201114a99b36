//! Proof that the edge calls allocate nothing: a counting global allocator,
//! and `cookieprefs_policy_header_allowed` / `_header_needs_banner` called on
//! valid, expired, outdated, future-dated, invalid, garbage and 8 KB headers
//! (and with failing arguments) must not move the count.
//!
//! The count is per thread, so the test harness's own threads cannot disturb
//! it.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::ptr::{null, null_mut};

// The library target of this package is named `cookieprefs` (the C ABI).
use cookieprefs::{
    cookieprefs_evaluation, cookieprefs_evaluation_cookie_allowed, cookieprefs_evaluation_free,
    cookieprefs_evaluation_next_cookie_to_clear, cookieprefs_evaluation_set_cookie_allowed,
    cookieprefs_policy, cookieprefs_policy_classify, cookieprefs_policy_evaluate_header,
    cookieprefs_policy_free, cookieprefs_policy_from_json, cookieprefs_policy_header_allowed,
    cookieprefs_policy_header_needs_banner, cookieprefs_status,
};

struct Counting;

thread_local! {
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

fn count() {
    // `try_with`: the thread may be tearing down its locals.
    let _ = ALLOCATIONS.try_with(|n| n.set(n.get() + 1));
}

// SAFETY: every call is forwarded to the system allocator unchanged.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        count();
        // SAFETY: forwarded with the caller's guarantees.
        unsafe { System.alloc(layout) }
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        count();
        // SAFETY: forwarded with the caller's guarantees.
        unsafe { System.alloc_zeroed(layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        count();
        // SAFETY: forwarded with the caller's guarantees.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: forwarded with the caller's guarantees.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn allocations() -> usize {
    ALLOCATIONS.with(Cell::get)
}

const DAY: u16 = 2519; // 2026-11-24, the day BAADCdcJ1w5Q was written

#[test]
#[cfg_attr(miri, ignore = "counts the allocations of native code paths")]
fn edge_calls_allocate_nothing() {
    let json = r#"{"revision": 3, "categories": [{"id": 1, "name": "statistics"},
        {"id": 2, "name": "first_party", "since_revision": 3}, {"id": 3, "name": "third_party"},
        {"id": 16, "name": "youtube"}], "gpc_categories": ["third_party", "youtube"]}"#;
    let mut policy: *mut cookieprefs_policy = null_mut();
    // SAFETY: a valid slice and out-pointer.
    let s = unsafe { cookieprefs_policy_from_json(json.as_ptr(), json.len(), &mut policy) };
    assert_eq!(s, cookieprefs_status::Ok);

    // Built before counting: an 8 KB header of other cookies, with the value
    // last, and one whose value is 8 KB of garbage.
    let mut big = Vec::with_capacity(9000);
    while big.len() < 8 * 1024 {
        big.extend_from_slice(b"tracking_id_000=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa; ");
    }
    let mut big_valid = big.clone();
    big_valid.extend_from_slice(b"cookies_preferences=BAADCdcJ1w5Q");
    let mut big_garbage = b"cookies_preferences=".to_vec();
    big_garbage.resize(8 * 1024, b'!');
    let headers: Vec<(&str, &[u8])> = vec![
        ("valid", b"sessionid=x; cookies_preferences=BAADCdcJ1w5Q"),
        ("truncated", b"cookies_preferences=BAADCdcJ1w5"),
        ("invalid character", b"cookies_preferences=%7B%7D"),
        (
            "too long",
            b"cookies_preferences=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        ),
        ("empty value", b"cookies_preferences="),
        ("quoted", b"cookies_preferences=\"BAADCdcJ1w5Q\""),
        ("no cookie", b"a=1; b=2"),
        ("garbage", b"\xff\xfe;;;===;\x00\x01 cookies_preferences"),
        ("8 KB, value last", &big_valid),
        ("8 KB, garbage value", &big_garbage),
        ("8 KB, no cookie", &big),
    ];
    // Today, expired (183 days), future-dated (two days before it was written).
    let days = [DAY, DAY + 183, DAY + 400, DAY - 2];

    let before = allocations();
    let mut answers = 0usize;
    for (_, h) in &headers {
        for today in days {
            for gpc in [0, 1] {
                for id in [0u32, 1, 2, 3, 16, 40, 64, 1000] {
                    let mut allowed = true;
                    // SAFETY: live handle, valid slice and out-pointer.
                    let _ = unsafe {
                        cookieprefs_policy_header_allowed(
                            policy,
                            h.as_ptr(),
                            h.len(),
                            today,
                            gpc,
                            id,
                            &mut allowed,
                        )
                    };
                    answers += usize::from(allowed);
                }
                let mut banner = false;
                // SAFETY: as above.
                let _ = unsafe {
                    cookieprefs_policy_header_needs_banner(
                        policy,
                        h.as_ptr(),
                        h.len(),
                        today,
                        gpc,
                        &mut banner,
                    )
                };
                answers += usize::from(banner);
            }
        }
    }
    // Failing arguments: NULL policy, NULL header with a length, huge length, NULL out.
    let mut b = true;
    let h = headers[0].1;
    // SAFETY: NULLs and lengths the calls refuse before any read.
    unsafe {
        let _ = cookieprefs_policy_header_allowed(null(), h.as_ptr(), h.len(), DAY, 0, 1, &mut b);
        let _ = cookieprefs_policy_header_allowed(policy, null(), 5, DAY, 0, 1, &mut b);
        let _ = cookieprefs_policy_header_allowed(policy, h.as_ptr(), usize::MAX, DAY, 0, 1, &mut b);
        let _ = cookieprefs_policy_header_allowed(policy, h.as_ptr(), h.len(), DAY, 0, 1, null_mut());
        let _ = cookieprefs_policy_header_allowed(policy, null(), 0, DAY, 1, 3, &mut b);
        let _ = cookieprefs_policy_header_needs_banner(null(), h.as_ptr(), h.len(), DAY, 0, &mut b);
    }
    let after = allocations();

    assert_eq!(after - before, 0, "allocations on the edge path");
    // The calls did run and did answer (some true, some false).
    assert!(answers > 0 && answers < headers.len() * days.len() * 2 * 9);

    // The counter does count: the same thread allocating is seen.
    let v = std::hint::black_box(vec![1u8; 16]);
    assert!(allocations() > after, "the counting allocator counts");
    drop(v);
    // SAFETY: a live handle.
    unsafe { cookieprefs_policy_free(policy) };
}

/// The enforcement calls an edge makes per cookie on an evaluation it
/// already has (classify, cookie allowed, `Set-Cookie` kept, the deletion
/// headers one at a time) allocate nothing either.
#[test]
#[cfg_attr(miri, ignore = "counts the allocations of native code paths")]
fn enforcement_calls_allocate_nothing() {
    let json = r#"{"revision": 1, "undeclared": "block", "cookies": [
        {"name": "sessionid", "category": "necessary"},
        {"name": "_pk_id.*", "category": "statistics", "domain": ".example.org"},
        {"name": "_pk_id.9.*", "category": "first_party", "path": "/portal"},
        {"name": "embed", "category": "third_party"}]}"#;
    let mut policy: *mut cookieprefs_policy = null_mut();
    // SAFETY: a valid slice and out-pointer.
    let s = unsafe { cookieprefs_policy_from_json(json.as_ptr(), json.len(), &mut policy) };
    assert_eq!(s, cookieprefs_status::Ok);
    // Statistics, first_party and third_party refused at revision 1.
    let header = b"sessionid=x; _pk_id.1.ab=1; cookies_preferences=BAABCdcJ1w1Q; embed=2; \
                   _pk_id.1.ab=3; __Host-t=1; other=4; _pk_id.9.q=5";
    let mut big = Vec::with_capacity(9000);
    let mut i = 0;
    while big.len() < 8 * 1024 {
        big.extend_from_slice(format!("tracker_{i:04}=aaaaaaaaaaaaaaaaaaaa; ").as_bytes());
        i += 1;
    }
    let mut ev: *mut cookieprefs_evaluation = null_mut();
    // SAFETY: a live handle, a valid slice and out-pointer.
    let s =
        unsafe { cookieprefs_policy_evaluate_header(policy, header.as_ptr(), header.len(), DAY, 0, &mut ev) };
    assert_eq!(s, cookieprefs_status::Ok);
    let names: [&[u8]; 7] = [
        b"sessionid",
        b"_pk_id.1.ab",
        b"_pk_id.9.q",
        b"embed",
        b"other",
        b"",
        b"\xff",
    ];
    let lines: [&[u8]; 4] = [
        b"_pk_id.1.ab=GA1; Max-Age=33955200; Path=/",
        b"Set-Cookie: _pk_id.1.ab=; Max-Age=0",
        b"embed=1; Expires=Thu, 01 Jan 1970 00:00:00 GMT",
        b"sessionid=abc; HttpOnly; Secure",
    ];
    let mut buf = [0u8; 256];

    let before = allocations();
    let mut answers = 0usize;
    // SAFETY: live handles, valid slices, buffers and out-pointers (or
    // NULLs and lengths the calls refuse before reading).
    unsafe {
        for name in names {
            let (mut c, mut idx, mut b) = (0u8, 0u32, false);
            let _ = cookieprefs_policy_classify(policy, name.as_ptr(), name.len(), &mut c, &mut idx);
            let _ = cookieprefs_evaluation_cookie_allowed(ev, name.as_ptr(), name.len(), &mut b);
            answers += usize::from(b) + usize::from(c);
        }
        for line in lines {
            let mut b = false;
            let _ = cookieprefs_evaluation_set_cookie_allowed(ev, line.as_ptr(), line.len(), &mut b);
            answers += usize::from(b);
        }
        for (h, cap) in [(&header[..], buf.len()), (&header[..], 8), (&big[..], buf.len())] {
            let (mut cursor, mut n) = (0usize, 0usize);
            for _ in 0..1000 {
                let s = cookieprefs_evaluation_next_cookie_to_clear(
                    ev,
                    h.as_ptr(),
                    h.len(),
                    &mut cursor,
                    buf.as_mut_ptr(),
                    cap,
                    &mut n,
                );
                if s != cookieprefs_status::Ok {
                    break;
                }
                answers += 1;
            }
        }
        let mut b = true;
        let _ = cookieprefs_evaluation_cookie_allowed(null(), b"a".as_ptr(), 1, &mut b);
        let _ = cookieprefs_evaluation_set_cookie_allowed(ev, null(), 3, &mut b);
        let mut cursor = 0usize;
        let _ = cookieprefs_evaluation_next_cookie_to_clear(
            ev,
            header.as_ptr(),
            usize::MAX,
            &mut cursor,
            buf.as_mut_ptr(),
            256,
            null_mut(),
        );
    }
    let after = allocations();
    assert_eq!(after - before, 0, "allocations on the enforcement path");
    // 4 to clear in `header`, 0 with a short buffer, and every tracker of `big`.
    assert!(answers > i + 4, "{answers}");
    // SAFETY: live handles.
    unsafe {
        cookieprefs_evaluation_free(ev);
        cookieprefs_policy_free(policy);
    }
}
