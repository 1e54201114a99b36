//! Enforcement: cookies allowed, `Set-Cookie` headers kept, cookies to clear.

use super::declaration::{text_call, PORTAL};
use super::*;

/// Revision 1, 2026-11-24: statistics, first_party and third_party denied.
const REFUSED: &str = "BAABCdcJ1w1Q";
/// The same with statistics granted.
const STATISTICS: &str = "BAABCdcJ1w5Q";

fn evaluate(p: *const cookieprefs_policy, header: &[u8]) -> *mut cookieprefs_evaluation {
    let mut ev = null_mut();
    // SAFETY: valid handle, slice and out-pointer.
    let s = unsafe { cookieprefs_policy_evaluate_header(p, header.as_ptr(), header.len(), DAY, 0, &mut ev) };
    assert_eq!(s, S::Ok);
    ev
}

fn core_evaluation(json: &str, header: &[u8]) -> cookieprefs::Evaluation {
    Policy::from_json(json)
        .unwrap()
        .evaluate_header(Some(header), Date::from_days_since_epoch(DAY), false)
}

fn allowed(ev: *const cookieprefs_evaluation, name: &[u8]) -> (S, bool) {
    let mut b = true;
    // SAFETY: valid handle (or NULL), slice and out-pointer.
    let s = unsafe { cookieprefs_evaluation_cookie_allowed(ev, name.as_ptr(), name.len(), &mut b) };
    (s, b)
}

fn keep(ev: *const cookieprefs_evaluation, line: &[u8]) -> (S, bool) {
    let mut b = true;
    // SAFETY: valid handle (or NULL), slice and out-pointer.
    let s = unsafe { cookieprefs_evaluation_set_cookie_allowed(ev, line.as_ptr(), line.len(), &mut b) };
    (s, b)
}

/// Every deletion header the iterator gives for `header`, with a buffer of
/// `cap` bytes (grown on `BUFFER_TOO_SMALL`, which must not move the cursor).
fn clear_all(ev: *const cookieprefs_evaluation, header: &[u8], cap: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut cursor = 0usize;
    let mut cap = cap;
    loop {
        let before = cursor;
        let (s, text, n) = text_call(cap, |b, cap, n| {
            // SAFETY: valid handle, slice, cursor and buffer.
            unsafe {
                cookieprefs_evaluation_next_cookie_to_clear(
                    ev,
                    header.as_ptr(),
                    header.len(),
                    &mut cursor,
                    b,
                    cap,
                    n,
                )
            }
        });
        match s {
            S::Ok => {
                assert!(
                    cursor > before && cursor <= header.len(),
                    "the cursor moves forward"
                );
                out.push(text);
            }
            S::BufferTooSmall => {
                assert_eq!(cursor, before, "a short buffer does not move the cursor");
                assert!(n > cap);
                cap = n;
            }
            S::NotFound => {
                assert_eq!((cursor, n), (before, 0));
                return out;
            }
            s => panic!("{s:?}"),
        }
    }
}

#[test]
fn cookies_allowed_and_set_cookie_headers_kept() {
    let p = policy(PORTAL);
    for (value, statistics) in [(REFUSED, false), (STATISTICS, true)] {
        let header = format!("sessionid=x; cookies_preferences={value}");
        let ev = evaluate(p, header.as_bytes());
        let core = core_evaluation(PORTAL, header.as_bytes());
        assert_eq!(allowed(ev, b"_pk_id.1.abcd"), (S::Ok, statistics));
        assert_eq!(allowed(ev, b"sessionid"), (S::Ok, true));
        assert_eq!(allowed(ev, b"cookies_preferences"), (S::Ok, true));
        assert_eq!(allowed(ev, b"embed_visitor"), (S::Ok, false));
        assert_eq!(allowed(ev, b"undeclared"), (S::Ok, true), "undeclared: allow");
        for name in [&b"_pk_id.9.z"[..], b"", b"_pk_id.\xff", b"SESSIONID", b"a b"] {
            assert_eq!(allowed(ev, name), (S::Ok, core.cookie_allowed(name)), "{name:?}");
        }
        let stat = b"_pk_id.1.abcd=GA1.2.3; Max-Age=33955200; Path=/";
        assert_eq!(keep(ev, stat), (S::Ok, statistics));
        assert_eq!(
            keep(ev, b"Set-Cookie: _pk_id.1.abcd=; Max-Age=0"),
            (S::Ok, true),
            "a deletion"
        );
        for line in [
            &b"sessionid=abc; HttpOnly"[..],
            b"embed_visitor=1; Expires=Thu, 01 Jan 1970 00:00:00 GMT",
            b"embed_visitor=1; Expires=Wed, 24 Nov 2027 00:00:00 GMT",
            b"nameless",
            b"",
            b"\xff\xfe=\x00",
        ] {
            assert_eq!(keep(ev, line), (S::Ok, core.set_cookie_allowed(line)), "{line:?}");
        }
        // SAFETY: a live handle.
        unsafe { cookieprefs_evaluation_free(ev) };
    }

    // undeclared: block.
    let block = PORTAL.replacen('{', r#"{"undeclared": "block","#, 1);
    let pb = policy(&block);
    let ev = evaluate(pb, b"");
    assert_eq!(allowed(ev, b"undeclared"), (S::Ok, false));
    assert_eq!(keep(ev, b"undeclared=1"), (S::Ok, false));
    assert_eq!(allowed(ev, b"sessionid"), (S::Ok, true));

    // Fail closed: NULLs and huge lengths give false.
    assert_eq!(allowed(null(), b"sessionid"), (S::NullArgument, false));
    assert_eq!(keep(null(), b"sessionid=1"), (S::NullArgument, false));
    let mut b = true;
    // SAFETY: NULLs and lengths the calls refuse before reading.
    unsafe {
        assert_eq!(
            cookieprefs_evaluation_cookie_allowed(ev, null(), 4, &mut b),
            S::NullArgument
        );
        assert!(!b);
        b = true;
        assert_eq!(
            cookieprefs_evaluation_set_cookie_allowed(ev, b"a=1".as_ptr(), usize::MAX, &mut b),
            S::LengthTooLarge
        );
        assert!(!b);
        assert_eq!(
            cookieprefs_evaluation_cookie_allowed(ev, b"a".as_ptr(), 1, null_mut()),
            S::NullArgument
        );
        assert_eq!(
            cookieprefs_evaluation_set_cookie_allowed(ev, b"a=1".as_ptr(), 3, null_mut()),
            S::NullArgument
        );
        // NULL with length 0: the empty name, and the empty line.
        assert_eq!(
            cookieprefs_evaluation_cookie_allowed(ev, null(), 0, &mut b),
            S::Ok
        );
        assert_eq!(
            cookieprefs_evaluation_set_cookie_allowed(ev, null(), 0, &mut b),
            S::Ok
        );
        cookieprefs_evaluation_free(ev);
        cookieprefs_policy_free(pb);
        cookieprefs_policy_free(p);
    }
}

#[test]
fn cookies_to_clear_one_at_a_time() {
    let p = policy(PORTAL);
    let header = format!(
        "sessionid=x; _pk_id.1.abcd=1; cookies_preferences={REFUSED}; embed_visitor=2; _pk_id.1.abcd=3; _pk_id.9.q=4"
    );
    let ev = evaluate(p, header.as_bytes());
    assert_eq!(
        clear_all(ev, header.as_bytes(), 512),
        [
            "_pk_id.1.abcd=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/; Domain=.example.org",
            "embed_visitor=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/",
            "_pk_id.9.q=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/portal",
        ]
    );
    // A buffer of 0, then grown to the size asked: the same headers.
    assert_eq!(
        clear_all(ev, header.as_bytes(), 0),
        clear_all(ev, header.as_bytes(), 512)
    );

    let mut cursor = 0usize;
    let mut n = 7usize;
    let mut buf = [0xA5u8; 128];
    let h = header.as_bytes();
    // SAFETY: valid or NULL pointers, and lengths the call refuses unread.
    unsafe {
        let next = |ev, hp: *const u8, len, cursor: *mut usize, buf: *mut u8, cap, n: *mut usize| {
            cookieprefs_evaluation_next_cookie_to_clear(ev, hp, len, cursor, buf, cap, n)
        };
        // No header, an empty one, a cursor at or past the end: nothing.
        assert_eq!(
            next(ev, null(), 0, &mut cursor, buf.as_mut_ptr(), 128, &mut n),
            S::NotFound
        );
        assert_eq!((cursor, buf[0], n), (0, 0, 0));
        cursor = h.len();
        assert_eq!(
            next(
                ev,
                h.as_ptr(),
                h.len(),
                &mut cursor,
                buf.as_mut_ptr(),
                128,
                &mut n
            ),
            S::NotFound
        );
        cursor = usize::MAX;
        assert_eq!(
            next(
                ev,
                h.as_ptr(),
                h.len(),
                &mut cursor,
                buf.as_mut_ptr(),
                128,
                &mut n
            ),
            S::NotFound
        );
        assert_eq!(cursor, usize::MAX, "unchanged on failure");
        // NULLs and a huge length: the buffer is emptied, the cursor kept.
        cursor = 0;
        buf[0] = b'x';
        assert_eq!(
            next(
                null(),
                h.as_ptr(),
                h.len(),
                &mut cursor,
                buf.as_mut_ptr(),
                128,
                &mut n
            ),
            S::NullArgument
        );
        assert_eq!((cursor, buf[0], n), (0, 0, 0));
        assert_eq!(
            next(ev, null(), 5, &mut cursor, buf.as_mut_ptr(), 128, &mut n),
            S::NullArgument
        );
        assert_eq!(
            next(
                ev,
                h.as_ptr(),
                usize::MAX,
                &mut cursor,
                buf.as_mut_ptr(),
                128,
                &mut n
            ),
            S::LengthTooLarge
        );
        assert_eq!(
            next(ev, h.as_ptr(), h.len(), null_mut(), buf.as_mut_ptr(), 128, &mut n),
            S::NullArgument
        );
        assert_eq!(buf[0], 0);
        assert_eq!(
            next(
                ev,
                h.as_ptr(),
                h.len(),
                &mut cursor,
                buf.as_mut_ptr(),
                128,
                null_mut()
            ),
            S::NullArgument
        );
        assert_eq!(
            next(ev, h.as_ptr(), h.len(), &mut cursor, null_mut(), 128, &mut n),
            S::NullArgument
        );
        assert_eq!(cursor, 0);
        // A short buffer: the size needed, an empty string, the cursor kept.
        assert_eq!(
            next(ev, h.as_ptr(), h.len(), &mut cursor, buf.as_mut_ptr(), 10, &mut n),
            S::BufferTooSmall
        );
        let first =
            "_pk_id.1.abcd=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/; Domain=.example.org";
        assert_eq!((cursor, buf[0], n), (0, 0, first.len() + 1));
        assert!(
            buf[1..].iter().all(|&b| b == 0xA5),
            "nothing written past the empty string"
        );
        // Exactly the size needed.
        assert_eq!(
            next(
                ev,
                h.as_ptr(),
                h.len(),
                &mut cursor,
                buf.as_mut_ptr(),
                first.len() + 1,
                &mut n
            ),
            S::Ok
        );
        assert_eq!((n, &buf[..n], buf[n]), (first.len(), first.as_bytes(), 0));
        assert_eq!(
            cursor,
            "sessionid=x; _pk_id.1.abcd=1;".len(),
            "past the pair and its ;"
        );
        cookieprefs_evaluation_free(ev);
    }

    // With statistics granted, the statistics cookie stays (the first-party
    // and third-party ones go).
    let granted = header.replace(REFUSED, STATISTICS);
    let ev = evaluate(p, granted.as_bytes());
    assert_eq!(
        clear_all(ev, granted.as_bytes(), 512),
        [
            "embed_visitor=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/",
            "_pk_id.9.q=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/portal",
        ]
    );
    // SAFETY: live handles.
    unsafe {
        cookieprefs_evaluation_free(ev);
        cookieprefs_policy_free(p);
    }
}

/// The iterator gives exactly the core's deletion headers, in order, for
/// every header made of up to four pieces of a set chosen for the ways
/// pairs are split, trimmed, repeated and skipped.
#[test]
#[cfg_attr(
    miri,
    ignore = "6,000 evaluations; the ffi fuzz regressions run the iterator under Miri"
)]
fn cookies_to_clear_are_the_cores() {
    let block = PORTAL.replacen('{', r#"{"undeclared": "block","#, 1);
    let pieces: [&[u8]; 14] = [
        b"_pk_id.1.a=1",
        b" _pk_id.1.a =2",
        b"_pk_id.1.ab=3",
        b"_pk_id.1=4",
        b"\t_pk_id.9.x\t=\t",
        b"embed_visitor",
        b"embed_visitor=\"a;b\"",
        b"=x",
        b"sessionid=y",
        b"__Host-x=1",
        b"__Secure-y=",
        b"a b=1",
        b"\xff=\xfe",
        b"",
    ];
    for json in [PORTAL, block.as_str()] {
        let p = policy(json);
        let mut count = 0;
        let mut header = Vec::new();
        for a in 0..pieces.len() {
            for b in 0..pieces.len() {
                for c in [0, 1, 4, 5, 6, 7, 9, 13] {
                    for sep in [&b";"[..], b"; "] {
                        header.clear();
                        for (i, &k) in [a, b, c].iter().enumerate() {
                            if i > 0 {
                                header.extend_from_slice(sep);
                            }
                            header.extend_from_slice(pieces[k]);
                        }
                        let ev = evaluate(p, &header);
                        let want = core_evaluation(json, &header).deletion_headers(&header);
                        assert_eq!(
                            clear_all(ev, &header, 256),
                            want,
                            "{:?}",
                            String::from_utf8_lossy(&header)
                        );
                        count += want.len();
                        // SAFETY: a live handle.
                        unsafe { cookieprefs_evaluation_free(ev) };
                    }
                }
            }
        }
        assert!(count > 1000, "the headers do hold cookies to clear");
        // SAFETY: a live handle.
        unsafe { cookieprefs_policy_free(p) };
    }
}
