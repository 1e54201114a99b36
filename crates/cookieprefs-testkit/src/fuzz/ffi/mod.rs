//! The check of the `ffi` target: the C ABI (`crates/cookieprefs-ffi`,
//! `include/cookieprefs.h`) driven from Rust exactly as C would call it, with
//! arbitrary bytes, NULL pointers, buffer sizes, enum values and sequences of
//! calls on live handles.
//!
//! Properties, for every call: no undefined behaviour (the target runs under
//! AddressSanitizer; the harness itself only passes pointers the contract
//! allows: live handles or NULL, buffers of the size it claims); the status
//! is a documented code and never `PANIC`; out-parameters are written only on
//! success; a `BUFFER_TOO_SMALL` leaves the buffer untouched and reports the
//! capacity needed; text output is NUL-terminated and no longer than claimed;
//! the statuses agree with the Rust API (`cookieprefs_status_str` names the
//! same error kind as `Error::kind`).
//!
//! The driver (one arm per kind of call) is here; the statuses, buffers and
//! handles it uses are in `harness.rs`.

use std::ffi::{c_char, CStr, CString};
use std::ptr::{null, null_mut};

use cookieprefs_ffi::*;

use super::Input;

mod harness;

use harness::*;

/// `ffi`: up to 24 calls, chosen and fed by the input.
pub fn check(data: &[u8]) {
    let mut input = Input::new(data);
    let mut h = Handles::default();
    for _ in 0..24 {
        if input.is_empty() {
            break;
        }
        call(&mut input, &mut h);
    }
}

fn call(input: &mut Input, h: &mut Handles) {
    let op = input.u8();
    // SAFETY (whole function): every pointer passed is NULL, a live handle
    // from `h`, or points into a local of the size passed with it.
    unsafe {
        match op % 24 {
            0 => {
                let v = Bytes::read(input);
                let mut out = null_mut();
                let s = check_status(
                    "decode",
                    cookieprefs_preferences_decode(v.ptr(), v.len(), &mut out),
                );
                match v.visible() {
                    None => assert_eq!(s, S::NullArgument),
                    Some(b) => same_kind("decode", s, cookieprefs::decode(b).map(|_| ())),
                }
                assert_eq!(s == S::Ok, !out.is_null(), "decode: out written iff OK");
                if s == S::Ok {
                    keep(&mut h.prefs, out, cookieprefs_preferences_free);
                }
            }
            1 => {
                let v = Bytes::read(input);
                let id = input.u8();
                let mut raw: u32 = 0xDEAD;
                let s = check_status(
                    "value_category_state",
                    cookieprefs_value_category_state(v.ptr(), v.len(), id, (&mut raw as *mut u32).cast()),
                );
                if s == S::Ok {
                    let p = cookieprefs::decode(v.visible().unwrap()).unwrap();
                    let c = cookieprefs::Category::new(id).unwrap();
                    assert_eq!(raw, p.state(c) as u32);
                } else {
                    assert_eq!(raw, 0xDEAD, "value_category_state: out written on {s:?}");
                    if id > 63 {
                        assert_eq!(s, S::InvalidCategory);
                    } else if let Some(b) = v.visible() {
                        same_kind("value_category_state", s, cookieprefs::decode(b).map(|_| ()));
                    }
                }
            }
            2 => {
                let header = Bytes::read(input);
                let name_bytes: Vec<u8> = match input.u8() % 4 {
                    0 => b"cookies_preferences".to_vec(),
                    1 => b"a".to_vec(),
                    _ => {
                        let n = usize::from(input.u8() % 24);
                        input.bytes(n).to_vec()
                    }
                };
                let name = CString::new(name_bytes.into_iter().filter(|&b| b != 0).collect::<Vec<u8>>())
                    .expect("NULs removed");
                let name_ptr: *const c_char = if input.u8() == 255 { null() } else { name.as_ptr() };
                let (mut off, mut len) = (usize::MAX, usize::MAX);
                let s = check_status(
                    "cookie_find",
                    cookieprefs_cookie_find(header.ptr(), header.len(), name_ptr, &mut off, &mut len),
                );
                let want = match (header.visible(), name_ptr.is_null(), name.to_str()) {
                    (None, _, _) | (_, true, _) => Err(S::NullArgument),
                    (Some(_), false, Err(_)) => Err(S::InvalidUtf8),
                    (Some(hd), false, Ok(n)) => cookieprefs::find_cookie(hd, n).ok_or(S::NotFound),
                };
                match want {
                    Ok(r) => assert_eq!((s, off, len), (S::Ok, r.start, r.end - r.start)),
                    Err(e) => assert_eq!((s, off, len), (e, usize::MAX, usize::MAX)),
                }
            }
            3 => {
                let mut out = null_mut();
                let today = input.u16();
                let s = check_status("preferences_new", cookieprefs_preferences_new(today, &mut out));
                assert_eq!(s, S::Ok);
                keep(&mut h.prefs, out, cookieprefs_preferences_free);
            }
            4 => {
                // Getters on a value handle (or NULL).
                let p = pick(&h.prefs, input.u8());
                let which = input.u8() % 8;
                let mut raw: u64 = 0xDEAD_BEEF_DEAD_BEEF;
                let out: *mut u64 = &mut raw;
                let (s, width) = match which {
                    0 => (cookieprefs_preferences_state(p, input.u8(), out.cast()), 4),
                    1 => (cookieprefs_preferences_revision(p, out.cast()), 2),
                    2 => (cookieprefs_preferences_created_days(p, out.cast()), 2),
                    3 => (cookieprefs_preferences_updated_days(p, out.cast()), 2),
                    4 => (cookieprefs_preferences_method(p, out.cast()), 4),
                    5 => (cookieprefs_preferences_slot_count(p, out.cast()), 1),
                    6 => (cookieprefs_preferences_encoded_len(p, out.cast()), 8),
                    _ => {
                        let mut id = [FILL; 16];
                        let mut has: u8 = 0x55;
                        let s = cookieprefs_preferences_consent_id(
                            p,
                            id.as_mut_ptr(),
                            (&mut has as *mut u8).cast(),
                        );
                        if s == S::Ok {
                            assert!(has <= 1);
                            if has == 0 {
                                assert!(id.iter().all(|&b| b == FILL));
                            }
                        } else {
                            assert_eq!(has, 0x55);
                        }
                        (s, 0)
                    }
                };
                check_status("preferences getter", s);
                if p.is_null() {
                    assert_eq!(s, S::NullArgument);
                }
                if width > 0 {
                    let mask = if width == 8 {
                        u64::MAX
                    } else {
                        (1u64 << (8 * width)) - 1
                    };
                    if s == S::Ok {
                        let v = u64::from_le_bytes(raw.to_le_bytes()) & mask;
                        match which {
                            0 | 4 => assert!(v <= 3),
                            5 => assert!(v <= 63),
                            6 => assert!((11..=53).contains(&v)),
                            _ => {}
                        }
                    } else {
                        assert_eq!(raw, 0xDEAD_BEEF_DEAD_BEEF, "getter wrote on {s:?}");
                    }
                }
            }
            5 => {
                // Setters: a refused change leaves the handle as it was.
                let p = pick(&h.prefs, input.u8());
                let before = encoded(p);
                let id16 = input.bytes(16).to_vec();
                let s = match input.u8() % 5 {
                    0 => cookieprefs_preferences_set_state(p, input.u8() % 70, u32::from(input.u8() % 5)),
                    1 => cookieprefs_preferences_set_revision(p, u32::from(input.u16()) % 5000),
                    2 => cookieprefs_preferences_set_dates(p, input.u16(), input.u16()),
                    3 => cookieprefs_preferences_set_method(p, u32::from(input.u8() % 6)),
                    _ => {
                        let id = if id16.len() == 16 { id16.as_ptr() } else { null() };
                        cookieprefs_preferences_set_consent_id(p, id)
                    }
                };
                check_status("preferences setter", s);
                if p.is_null() {
                    assert_eq!(s, S::NullArgument);
                } else if s != S::Ok {
                    assert_eq!(encoded(p), before, "a refused change altered the value");
                }
                if let Some(e) = encoded(p) {
                    assert!(cookieprefs::decode(&e).is_ok(), "a handle holds an invalid value");
                }
            }
            6 => {
                let p = pick(&h.prefs, input.u8());
                let mut buf = Buf::read(input);
                let mut written = usize::MAX;
                let want = encoded(p);
                let s = check_status(
                    "preferences_encode",
                    cookieprefs_preferences_encode(p, buf.ptr(), buf.cap, &mut written),
                );
                check_text("preferences_encode", s, &buf, written, want.as_deref());
            }
            7 => {
                let mut out = null_mut();
                let s = if input.bool() {
                    cookieprefs_policy_default(&mut out)
                } else {
                    let j = Bytes::read(input);
                    let mut json = j.data.clone();
                    if input.bool() {
                        json = preset_json(input.u8()).into_bytes();
                    }
                    let ptr = if j.null { null() } else { json.as_ptr() };
                    let s = cookieprefs_policy_from_json(ptr, json.len(), &mut out);
                    if !j.null || json.is_empty() {
                        match std::str::from_utf8(&json) {
                            Err(_) => assert_eq!(s, S::InvalidUtf8),
                            Ok(t) => same_kind(
                                "policy_from_json",
                                s,
                                cookieprefs::Policy::from_json(t).map(|_| ()),
                            ),
                        }
                    } else {
                        assert_eq!(s, S::NullArgument);
                    }
                    s
                };
                check_status("policy", s);
                assert_eq!(s == S::Ok, !out.is_null());
                if s == S::Ok {
                    keep(&mut h.policies, out, cookieprefs_policy_free);
                }
            }
            8 => {
                let p = pick(&h.policies, input.u8());
                let mut rev: u32 = 0xDEAD_BEEF;
                let s = check_status(
                    "policy_revision",
                    cookieprefs_policy_revision(p, (&mut rev as *mut u32).cast()),
                );
                assert_eq!(s == S::Ok, !p.is_null());
                if s != S::Ok {
                    assert_eq!(rev, 0xDEAD_BEEF);
                }
            }
            9 | 10 => {
                let p = pick(&h.policies, input.u8());
                let v = Bytes::read(input);
                let today = input.u16();
                // Any nonzero int is the signal (not only 1).
                let gpc = std::ffi::c_int::from(input.u8()) << (input.u8() % 12);
                let mut out = null_mut();
                let s = if op % 24 == 9 {
                    cookieprefs_policy_evaluate_header(p, v.ptr(), v.len(), today, gpc, &mut out)
                } else {
                    cookieprefs_policy_evaluate_value(p, v.ptr(), v.len(), today, gpc, &mut out)
                };
                check_status("evaluate", s);
                let ok = !p.is_null() && v.visible().is_some();
                assert_eq!(s == S::Ok, ok, "evaluate: {s:?}");
                assert_eq!(s == S::Ok, !out.is_null());
                if s == S::Ok {
                    keep(&mut h.evals, out, cookieprefs_evaluation_free);
                }
            }
            11 => {
                // Getters on an evaluation handle (or NULL).
                let e = pick(&h.evals, input.u8());
                let mut raw: u32 = 0xDEAD_BEEF;
                let out: *mut u32 = &mut raw;
                let which = input.u8() % 5;
                let s = match which {
                    0 => cookieprefs_evaluation_state(e, input.u8(), out.cast()),
                    1 => cookieprefs_evaluation_needs_banner(e, out.cast()),
                    2 => cookieprefs_evaluation_banner_reason(e, out.cast()),
                    3 => cookieprefs_evaluation_value_status(e, out.cast()),
                    _ => cookieprefs_evaluation_consent_mode(e, u32::from(input.u8() % 9), out.cast()),
                };
                check_status("evaluation getter", s);
                if e.is_null() {
                    assert_eq!(s, S::NullArgument);
                }
                if s == S::Ok {
                    match which {
                        0 => assert!(raw <= 2),
                        1 | 4 => assert!(raw & 0xff <= 1),
                        2 => assert!(raw <= 5),
                        _ => assert!(documented(status_from(raw)), "value status {raw}"),
                    }
                } else {
                    assert_eq!(raw, 0xDEAD_BEEF, "evaluation getter wrote on {s:?}");
                }
            }
            12 => {
                let e = pick(&h.evals, input.u8());
                let mut out = null_mut();
                let s = check_status("evaluation_stored", cookieprefs_evaluation_stored(e, &mut out));
                assert_eq!(s == S::Ok, !out.is_null());
                if s == S::Ok {
                    keep(&mut h.prefs, out, cookieprefs_preferences_free);
                }
            }
            13 => {
                let e = pick(&h.evals, input.u8());
                let ids = Bytes::read(input);
                let ids: Vec<u8> = ids.data.iter().map(|b| b % 66).take(8).collect();
                let ptr = if input.u8() == 255 { null() } else { ids.as_ptr() };
                let mut out = null_mut();
                let s = check_status(
                    "evaluation_choose",
                    cookieprefs_evaluation_choose(e, ptr, ids.len(), u32::from(input.u8() % 6), &mut out),
                );
                assert_eq!(s == S::Ok, !out.is_null());
                if s == S::Ok {
                    keep(&mut h.prefs, out, cookieprefs_preferences_free);
                }
            }
            14..=17 => {
                let mut buf = Buf::read(input);
                let mut written = usize::MAX;
                let (name, s) = match op % 24 {
                    14 => {
                        let e = pick(&h.evals, input.u8());
                        (
                            "consent_mode_json",
                            cookieprefs_evaluation_consent_mode_json(e, buf.ptr(), buf.cap, &mut written),
                        )
                    }
                    15 => {
                        let e = pick(&h.evals, input.u8());
                        (
                            "evaluation_set_cookie_header",
                            cookieprefs_evaluation_set_cookie_header(e, buf.ptr(), buf.cap, &mut written),
                        )
                    }
                    16 => {
                        let p = pick(&h.policies, input.u8());
                        let v = pick(&h.prefs, input.u8());
                        let today = input.u16();
                        (
                            "policy_set_cookie_header",
                            cookieprefs_policy_set_cookie_header(
                                p,
                                v,
                                today,
                                buf.ptr(),
                                buf.cap,
                                &mut written,
                            ),
                        )
                    }
                    _ => {
                        let p = pick(&h.policies, input.u8());
                        (
                            "policy_delete_cookie_header",
                            cookieprefs_policy_delete_cookie_header(p, buf.ptr(), buf.cap, &mut written),
                        )
                    }
                };
                check_status(name, s);
                check_text(name, s, &buf, written, None);
            }
            18 => {
                // Free a handle (the harness forgets it) or NULL.
                let sel = input.u8();
                match sel % 3 {
                    0 if sel < 240 && !h.prefs.is_empty() => {
                        let i = usize::from(sel) % h.prefs.len();
                        cookieprefs_preferences_free(h.prefs.remove(i));
                    }
                    1 if sel < 240 && !h.policies.is_empty() => {
                        let i = usize::from(sel) % h.policies.len();
                        cookieprefs_policy_free(h.policies.remove(i));
                    }
                    2 if sel < 240 && !h.evals.is_empty() => {
                        let i = usize::from(sel) % h.evals.len();
                        cookieprefs_evaluation_free(h.evals.remove(i));
                    }
                    0 => cookieprefs_preferences_free(null_mut()),
                    1 => cookieprefs_policy_free(null_mut()),
                    _ => cookieprefs_evaluation_free(null_mut()),
                }
            }
            19 => {
                let code = i32::from_le_bytes([input.u8(), input.u8(), input.u8(), input.u8()]);
                let name = name_of(code);
                assert!(!name.is_empty());
                assert!(!CStr::from_ptr(cookieprefs_version()).to_bytes().is_empty());
            }
            20 => {
                let (y, m, d) = (
                    i32::from(input.u16() % 300) + 1950,
                    u32::from(input.u8() % 14),
                    u32::from(input.u8() % 33),
                );
                let mut out: u16 = 0xBEEF;
                let s = check_status("date_from_ymd", cookieprefs_date_from_ymd(y, m, d, &mut out));
                let want = cookieprefs::Date::from_ymd(i64::from(y), m, d);
                match want {
                    Ok(date) => assert_eq!((s, out), (S::Ok, date.days_since_epoch())),
                    Err(e) => {
                        assert_eq!(name_of(s as i32), e.kind());
                        assert_eq!(out, 0xBEEF);
                    }
                }
            }
            _ => {
                // NULL out-parameters: refused before any work.
                let v = Bytes::read(input);
                let s = match op % 3 {
                    0 => cookieprefs_preferences_decode(v.ptr(), v.len(), null_mut()),
                    1 => cookieprefs_value_category_state(v.ptr(), v.len(), 1, null_mut()),
                    _ => cookieprefs_policy_evaluate_value(
                        pick(&h.policies, 0),
                        v.ptr(),
                        v.len(),
                        0,
                        0,
                        null_mut(),
                    ),
                };
                assert_eq!(check_status("null out", s), S::NullArgument);
            }
        }
    }
}
