//! `ffi` operations: The calls for edge code: no handle (the header and value fast paths, the rule-complete edge calls, the cookie lookup).

use super::*;

/// A `Cookie:` header: arbitrary bytes, or a header with a valid value
/// (from a value handle) under the policy's cookie name.
pub(super) fn header(input: &mut Input, h: &Handles, policy: Option<&Policy>) -> Bytes {
    let b = Bytes::read(input);
    if input.u8() % 3 != 0 {
        return b;
    }
    let name = policy
        .map_or(cookieprefs::DEFAULT_COOKIE_NAME, |p| p.cookie().name.as_str())
        .to_owned();
    let v = pick_prefs(&h.prefs, input.u8());
    let value = value_of(v).map_or_else(|| String::from_utf8_lossy(&b.data).into_owned(), |v| v.encode());
    Bytes::of(format!("a=b; {name}={value}; c=d").as_bytes())
}

/// The edge call (`allowed` or `needs_banner`), checked against a full
/// evaluation through the C ABI and against the core, with `gpc` as given
/// and as 1.
fn edge(input: &mut Input, h: &mut Handles, banner: bool) {
    let (p, policy) = pick(&h.policies, input.u8());
    let hd = header(input, h, policy.as_ref());
    let today = input.u16();
    let g = gpc(input);
    let id: u32 = match input.u8() % 4 {
        0 => u32::from(input.u8()),
        1 => u32::from(input.u8() % 64),
        _ => u32::from(input.u8() % 4),
    };
    let null_out = null_sel(input);
    let call_edge = |gpc: i32, out: &mut Slot| -> S {
        // SAFETY: NULL or a live policy; `hd` as its ptr/len say; the slot is ours.
        unsafe {
            if banner {
                ffi!(cookieprefs_policy_header_needs_banner(
                    p,
                    hd.ptr(),
                    hd.len(),
                    today,
                    gpc,
                    out.ptr::<bool>()
                ))
            } else {
                ffi!(cookieprefs_policy_header_allowed(
                    p,
                    hd.ptr(),
                    hd.len(),
                    today,
                    gpc,
                    id,
                    out.ptr::<bool>()
                ))
            }
        }
    };
    let call = if banner {
        "policy_header_needs_banner"
    } else {
        "policy_header_allowed"
    };
    let mut out = Slot::new(null_out);
    let s = call_edge(g, &mut out);
    let mut abi = problems(&[
        (p.is_null(), S::NullArgument),
        hd.problem(),
        (null_out, S::NullArgument),
    ]);
    let bad_id = !banner && id > u32::from(COOKIEPREFS_MAX_CATEGORY_ID);
    if bad_id {
        abi.push(S::InvalidCategory);
    }
    // Documented errors only: NULL_ARGUMENT, LENGTH_TOO_LARGE, INVALID_CATEGORY.
    expect(call, s, &abi, Ok(()));
    if hd.huge.is_some() && abi == [S::LengthTooLarge] {
        assert_eq!(s, S::LengthTooLarge, "{call}: a huge length");
    }
    // The same call with gpc 1 (or 0) instead of g.
    let mut out1 = Slot::new(null_out);
    let s1 = call_edge(i32::from(g != 0), &mut out1);
    assert_eq!(
        (s1, out1.get::<bool>()),
        (s, out.get::<bool>()),
        "{call}: gpc {g} is not gpc {}",
        g != 0
    );
    if s != S::Ok {
        out.closed::<bool>(call, s, 0);
        return;
    }
    let answer = out.get::<bool>();
    // The core.
    let ev = policy.as_ref().unwrap().evaluate_header(
        hd.view().unwrap(),
        Date::from_days_since_epoch(today),
        g != 0,
    );
    let want = if banner {
        ev.needs_banner()
    } else {
        ev.allowed(Category::new(id as u8).unwrap())
    };
    assert_eq!(answer, u64::from(want), "{call}: not the core's answer");
    // The C ABI's evaluation.
    let mut eo = Slot::new(false);
    // SAFETY: a live policy; `hd` as its ptr/len say; the slot is ours.
    let se = unsafe {
        ffi!(cookieprefs_policy_evaluate_header(
            p,
            hd.ptr(),
            hd.len(),
            today,
            g,
            eo.ptr()
        ))
    };
    assert_eq!(se, S::Ok);
    let e = eo.handle::<cookieprefs_evaluation>();
    let mut o = Slot::new(false);
    // SAFETY: a live evaluation, freed once; the slot is ours.
    let so = unsafe {
        let so = if banner {
            ffi!(cookieprefs_evaluation_needs_banner(e, o.ptr::<bool>()))
        } else {
            ffi!(cookieprefs_evaluation_allowed(e, id as u8, o.ptr::<bool>()))
        };
        cookieprefs_evaluation_free(e);
        so
    };
    assert_eq!(
        (so, o.get::<bool>()),
        (S::Ok, answer),
        "{call}: not the evaluation's answer"
    );
}

pub(super) fn op_header_allowed(input: &mut Input, h: &mut Handles) {
    edge(input, h, false);
}

pub(super) fn op_header_needs_banner(input: &mut Input, h: &mut Handles) {
    edge(input, h, true);
}

pub(super) fn op_value_category_state(input: &mut Input, h: &mut Handles) {
    let v = if input.bool() {
        Bytes::read(input)
    } else {
        let p = pick_prefs(&h.prefs, input.u8());
        Bytes::of(value_of(p).map(|v| v.encode()).unwrap_or_default().as_bytes())
    };
    let id = input.u8();
    let null_out = null_sel(input);
    let mut out = Slot::new(null_out);
    // SAFETY: `v` as its ptr/len say; the slot is ours.
    let s = unsafe {
        ffi!(cookieprefs_value_category_state(
            v.ptr(),
            v.len(),
            id,
            out.ptr::<cookieprefs_state>()
        ))
    };
    let model = Category::new(id).and_then(|c| match v.slice() {
        Ok(b) => cookieprefs::decode(b).map(|p| state_code(p.state(c))),
        Err(_) => Ok(0),
    });
    getter::<cookieprefs_state>(
        "value_category_state",
        s,
        &out,
        &[v.problem(), (null_out, S::NullArgument)],
        model,
        cookieprefs_state::NotAsked as u64,
    );
}

/// A cookie name: the default, `a`, or bytes (NULs dropped); sometimes NULL.
fn cookie_name(input: &mut Input) -> (std::ffi::CString, bool) {
    let name = match input.u8() % 4 {
        0 => c_string(cookieprefs::DEFAULT_COOKIE_NAME.as_bytes()),
        1 => c_string(b"a"),
        _ => {
            let n = usize::from(input.u8() % 24);
            c_string(input.bytes(n))
        }
    };
    (name, null_sel(input))
}

pub(super) fn op_cookie_find(input: &mut Input, h: &mut Handles) {
    let hd = header(input, h, None);
    let (name, null_name) = cookie_name(input);
    let (null_off, null_len) = (null_sel(input), null_sel(input));
    let (mut off, mut len) = (Slot::new(null_off), Slot::new(null_len));
    // SAFETY: `hd` as its ptr/len say; `name` NUL-terminated or NULL; the slots are ours.
    let s = unsafe {
        ffi!(cookieprefs_cookie_find(
            hd.ptr(),
            hd.len(),
            maybe_null(&name, null_name),
            off.ptr(),
            len.ptr()
        ))
    };
    let utf8 = name.to_str().ok();
    let abi = problems(&[
        hd.problem(),
        (null_name, S::NullArgument),
        (null_off, S::NullArgument),
        (null_len, S::NullArgument),
        (!null_name && utf8.is_none(), S::InvalidUtf8),
    ]);
    let found = match (hd.slice(), utf8) {
        (Ok(b), Some(n)) => cookieprefs::find_cookie(b, n),
        _ => None,
    };
    if abi.is_empty() {
        assert_eq!(s == S::Ok, found.is_some(), "cookie_find: {s:?}");
    }
    check_status("cookie_find", s);
    if s == S::Ok {
        let r = found.expect("found");
        assert_eq!(
            (off.get::<usize>(), len.get::<usize>()),
            (r.start as u64, (r.end - r.start) as u64)
        );
    } else {
        if abi.is_empty() {
            assert_eq!(s, S::NotFound);
        } else {
            assert!(abi.contains(&s), "cookie_find: {s:?} not in {abi:?}");
        }
        off.closed::<usize>("cookie_find", s, 0);
        len.closed::<usize>("cookie_find", s, 0);
    }
}

pub(super) fn op_header_category_state(input: &mut Input, h: &mut Handles) {
    let hd = header(input, h, None);
    let (name, null_name) = cookie_name(input);
    let id = input.u8();
    let null_out = null_sel(input);
    let mut out = Slot::new(null_out);
    // SAFETY: `hd` as its ptr/len say; `name` NUL-terminated or NULL; the slot is ours.
    let s = unsafe {
        ffi!(cookieprefs_header_category_state(
            hd.ptr(),
            hd.len(),
            maybe_null(&name, null_name),
            id,
            out.ptr::<cookieprefs_state>()
        ))
    };
    let utf8 = name.to_str().ok();
    // Every copy of the cookie, merged as FORMAT.md §8 says (the core's
    // `header_stored_state`, itself checked by the cookie_header target).
    let found = match (hd.slice(), utf8) {
        (Ok(b), Some(n)) => cookieprefs::find_cookie(b, n).map(|_| (b, n)),
        _ => None,
    };
    let abi = &[
        hd.problem(),
        (null_name, S::NullArgument),
        (null_out, S::NullArgument),
        (!null_name && utf8.is_none(), S::InvalidUtf8),
        (found.is_none(), S::NotFound),
    ];
    let model = Category::new(id).and_then(|c| match found {
        Some((b, n)) => cookieprefs::header_stored_state(b, n, c)
            .unwrap_or(Ok(State::NotAsked))
            .map(state_code),
        None => Ok(0),
    });
    getter::<cookieprefs_state>(
        "header_category_state",
        s,
        &out,
        abi,
        model,
        cookieprefs_state::NotAsked as u64,
    );
}
