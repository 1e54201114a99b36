//! `ffi` operations: Reading an evaluation, choosing, the Set-Cookie headers.

use super::*;

/// A getter on an evaluation handle, checked against its shadow.
macro_rules! eval_getter {
    ($fn_name:ident, $f:ident, $t:ty, $closed:expr, $model:expr) => {
        pub(super) fn $fn_name(input: &mut Input, h: &mut Handles) {
            let (e, shadow) = pick(&h.evals, input.u8());
            let null_out = null_sel(input);
            let mut out = Slot::new(null_out);
            // SAFETY: NULL or a live handle; the slot is ours.
            let s = unsafe { ffi!($f(e, out.ptr::<$t>())) };
            let model: Result<u64, Error> = shadow.as_ref().map_or(Ok(0), $model);
            getter::<$t>(
                stringify!($f),
                s,
                &out,
                &[(e.is_null(), S::NullArgument), (null_out, S::NullArgument)],
                model,
                $closed,
            );
        }
    };
}

eval_getter!(
    op_eval_gpc_applied,
    cookieprefs_evaluation_gpc_applied,
    bool,
    0,
    |e: &Evaluation| Ok(e.gpc_applied().into())
);
eval_getter!(
    op_eval_needs_banner,
    cookieprefs_evaluation_needs_banner,
    bool,
    0,
    |e: &Evaluation| Ok(e.needs_banner().into())
);
eval_getter!(
    op_eval_banner_reason,
    cookieprefs_evaluation_banner_reason,
    cookieprefs_banner_reason,
    cookieprefs_banner_reason::None as u64,
    |e: &Evaluation| Ok(reason_code(e.banner_reason()))
);

/// A getter taking a category id.
fn eval_by_id(input: &mut Input, h: &mut Handles, allowed: bool) {
    let (e, shadow) = pick(&h.evals, input.u8());
    let id = input.u8();
    let null_out = null_sel(input);
    let mut out = Slot::new(null_out);
    // SAFETY: NULL or a live handle; the slot is ours.
    let s = unsafe {
        if allowed {
            ffi!(cookieprefs_evaluation_allowed(e, id, out.ptr::<bool>()))
        } else {
            ffi!(cookieprefs_evaluation_state(
                e,
                id,
                out.ptr::<cookieprefs_state>()
            ))
        }
    };
    let model = Category::new(id).map(|c| {
        shadow.as_ref().map_or(0, |ev| {
            if allowed {
                u64::from(ev.allowed(c))
            } else {
                state_code(ev.state(c))
            }
        })
    });
    let abi = &[(e.is_null(), S::NullArgument), (null_out, S::NullArgument)];
    if allowed {
        getter::<bool>("evaluation_allowed", s, &out, abi, model, 0);
    } else {
        getter::<cookieprefs_state>(
            "evaluation_state",
            s,
            &out,
            abi,
            model,
            cookieprefs_state::NotAsked as u64,
        );
    }
}

pub(super) fn op_eval_state(input: &mut Input, h: &mut Handles) {
    eval_by_id(input, h, false);
}

pub(super) fn op_eval_allowed(input: &mut Input, h: &mut Handles) {
    eval_by_id(input, h, true);
}

eval_getter!(
    op_eval_copies,
    cookieprefs_evaluation_copies,
    u32,
    0,
    |e: &Evaluation| Ok(e.copies().into())
);

pub(super) fn op_eval_ignored_status(input: &mut Input, h: &mut Handles) {
    let (e, shadow) = pick(&h.evals, input.u8());
    let null_out = null_sel(input);
    let mut out = Slot::new(null_out);
    // SAFETY: NULL or a live handle; the slot is ours.
    let s = unsafe {
        ffi!(cookieprefs_evaluation_ignored_status(
            e,
            out.ptr::<cookieprefs_status>()
        ))
    };
    let abi = problems(&[(e.is_null(), S::NullArgument), (null_out, S::NullArgument)]);
    expect("evaluation_ignored_status", s, &abi, Ok(()));
    if s == S::Ok {
        let raw = out.get::<cookieprefs_status>();
        match shadow.unwrap().ignored_error() {
            None => assert_eq!(raw, S::Ok as u64),
            Some(err) => {
                assert!(err.is_value_error(), "a value error");
                assert_eq!(raw_status_name(raw), err.kind());
            }
        }
    } else {
        // Its fail-closed value is the call's own status.
        out.closed::<cookieprefs_status>("evaluation_ignored_status", s, s as u64);
    }
}

pub(super) fn op_eval_value_status(input: &mut Input, h: &mut Handles) {
    let (e, shadow) = pick(&h.evals, input.u8());
    let null_out = null_sel(input);
    let mut out = Slot::new(null_out);
    // SAFETY: NULL or a live handle; the slot is ours.
    let s = unsafe {
        ffi!(cookieprefs_evaluation_value_status(
            e,
            out.ptr::<cookieprefs_status>()
        ))
    };
    let abi = problems(&[(e.is_null(), S::NullArgument), (null_out, S::NullArgument)]);
    expect("evaluation_value_status", s, &abi, Ok(()));
    if s == S::Ok {
        let raw = out.get::<cookieprefs_status>();
        let name = raw_status_name(raw);
        match shadow.unwrap().error() {
            None => assert_eq!(raw, S::Ok as u64),
            Some(err) => {
                assert!(err.is_value_error(), "a value error");
                assert_eq!(name, err.kind());
            }
        }
    } else {
        // Its fail-closed value is the call's own status.
        out.closed::<cookieprefs_status>("evaluation_value_status", s, s as u64);
    }
}

pub(super) fn op_eval_value_error(input: &mut Input, h: &mut Handles) {
    let (e, shadow) = pick(&h.evals, input.u8());
    let null_out = input.u8() % 16 == 15;
    let mut err = garbage_error();
    let ptr = if null_out {
        null_mut()
    } else {
        &mut err as *mut cookieprefs_error
    };
    // SAFETY: NULL or a live handle; `err` is ours.
    let s = unsafe { ffi!(cookieprefs_evaluation_value_error(e, ptr)) };
    let abi = problems(&[(e.is_null(), S::NullArgument), (null_out, S::NullArgument)]);
    expect("evaluation_value_error", s, &abi, Ok(()));
    if null_out {
        return;
    }
    if s == S::Ok {
        let shadow = shadow.unwrap();
        let core = shadow.error();
        let st = if core.is_some() { err.status } else { S::Ok };
        check_detail("evaluation_value_error", st, &err, core);
        if let Some(c) = core {
            assert_eq!(name_of(err.status as i32), c.kind());
        }
    } else {
        // Its fail-closed value is the detail of the call's own failure.
        check_detail("evaluation_value_error", s, &err, None);
    }
    h.last_err = Some(err);
}

pub(super) fn op_eval_consent_mode(input: &mut Input, h: &mut Handles) {
    let (e, shadow) = pick(&h.evals, input.u8());
    let t = match input.u8() % 4 {
        0 => u32::from_le_bytes([input.u8(), input.u8(), input.u8(), input.u8()]),
        _ => u32::from(input.u8() % 9),
    };
    let null_out = null_sel(input);
    let mut out = Slot::new(null_out);
    // SAFETY: NULL or a live handle; the slot is ours.
    let s = unsafe { ffi!(cookieprefs_evaluation_consent_mode(e, t, out.ptr::<bool>())) };
    let model = match usize::try_from(t).ok().and_then(|i| ConsentType::ALL.get(i)) {
        Some(&ct) => Ok(shadow
            .as_ref()
            .map_or(0, |ev| u64::from(ev.consent_mode().is_granted(ct)))),
        None => Err(Error::UnknownName {
            what: "consent type",
            name: t.to_string(),
        }),
    };
    getter::<bool>(
        "evaluation_consent_mode",
        s,
        &out,
        &[(e.is_null(), S::NullArgument), (null_out, S::NullArgument)],
        model,
        0,
    );
}

/// A call writing text from an evaluation or a policy, checked against the
/// core's text (`Err`: the status the core side gives instead).
fn text_call(call: &str, s: S, buf: &Buf, handle_null: bool, want: Result<Option<Vec<u8>>, S>) {
    let mut abi = match &want {
        Ok(w) => text_problems(buf, w.as_deref()),
        Err(st) => {
            let mut v = text_problems(buf, None);
            v.push(*st);
            v
        }
    };
    if handle_null {
        abi.push(S::NullArgument);
    }
    expect(call, s, &abi, Ok(()));
    check_text(call, s, buf, want.ok().flatten().as_deref());
}

pub(super) fn op_eval_consent_mode_json(input: &mut Input, h: &mut Handles) {
    let (e, shadow) = pick(&h.evals, input.u8());
    let mut buf = Buf::read(input);
    // SAFETY: NULL or a live handle; the buffer is `cap` bytes (or NULL).
    let s = unsafe {
        ffi!(cookieprefs_evaluation_consent_mode_json(
            e,
            buf.ptr(),
            buf.cap,
            buf.written()
        ))
    };
    let want = shadow.map(|ev| ev.consent_mode().to_json().into_bytes());
    text_call("evaluation_consent_mode_json", s, &buf, e.is_null(), Ok(want));
}

pub(super) fn op_eval_set_cookie_header(input: &mut Input, h: &mut Handles) {
    let (e, shadow) = pick(&h.evals, input.u8());
    let mut buf = Buf::read(input);
    // SAFETY: NULL or a live handle; the buffer is `cap` bytes (or NULL).
    let s = unsafe {
        ffi!(cookieprefs_evaluation_set_cookie_header(
            e,
            buf.ptr(),
            buf.cap,
            buf.written()
        ))
    };
    let want = match shadow {
        None => Ok(None),
        Some(ev) => ev
            .set_cookie_header()
            .map(|t| Some(t.into_bytes()))
            .ok_or(S::NotFound),
    };
    text_call("evaluation_set_cookie_header", s, &buf, e.is_null(), want);
}

pub(super) fn op_policy_set_cookie_header(input: &mut Input, h: &mut Handles) {
    let (p, policy) = pick(&h.policies, input.u8());
    let v = pick_prefs(&h.prefs, input.u8());
    let today = input.u16();
    let mut buf = Buf::read(input);
    // SAFETY: NULL or live handles; the buffer is `cap` bytes (or NULL).
    let s = unsafe {
        ffi!(cookieprefs_policy_set_cookie_header(
            p,
            v,
            today,
            buf.ptr(),
            buf.cap,
            buf.written()
        ))
    };
    let want = match (policy, value_of(v)) {
        (Some(pol), Some(val)) => Some(
            pol.set_cookie_header(&val, Date::from_days_since_epoch(today))
                .into_bytes(),
        ),
        _ => None,
    };
    text_call(
        "policy_set_cookie_header",
        s,
        &buf,
        p.is_null() || v.is_null(),
        Ok(want),
    );
}

pub(super) fn op_policy_delete_cookie_header(input: &mut Input, h: &mut Handles) {
    let (p, policy) = pick(&h.policies, input.u8());
    let mut buf = Buf::read(input);
    // SAFETY: NULL or a live handle; the buffer is `cap` bytes (or NULL).
    let s = unsafe {
        ffi!(cookieprefs_policy_delete_cookie_header(
            p,
            buf.ptr(),
            buf.cap,
            buf.written()
        ))
    };
    let want = policy.map(|pol| pol.delete_cookie_header().into_bytes());
    text_call("policy_delete_cookie_header", s, &buf, p.is_null(), Ok(want));
}

pub(super) fn op_eval_stored(input: &mut Input, h: &mut Handles) {
    let (e, shadow) = pick(&h.evals, input.u8());
    let null_out = null_sel(input);
    let mut out = Slot::new(null_out);
    // SAFETY: NULL or a live handle; the slot is ours.
    let s = unsafe { ffi!(cookieprefs_evaluation_stored(e, out.ptr())) };
    let stored = shadow.as_ref().and_then(|ev| ev.stored().copied());
    let abi = problems(&[
        (e.is_null(), S::NullArgument),
        (null_out, S::NullArgument),
        (shadow.is_some() && stored.is_none(), S::NotFound),
    ]);
    expect("evaluation_stored", s, &abi, Ok(()));
    if s == S::Ok {
        let p = out.handle::<cookieprefs_preferences>();
        assert_eq!(value_of(p), stored);
        keep_prefs(&mut h.prefs, p);
    } else {
        out.closed::<usize>("evaluation_stored", s, 0);
    }
}

pub(super) fn op_eval_choose(input: &mut Input, h: &mut Handles) {
    let (e, shadow) = pick(&h.evals, input.u8());
    let ids = Bytes::read(input);
    let ids = Bytes {
        data: ids.data.iter().map(|b| b % 66).take(8).collect(),
        ..ids
    };
    let method = match input.u8() % 4 {
        0 => u32::from_le_bytes([input.u8(), input.u8(), input.u8(), input.u8()]),
        _ => u32::from(input.u8() % 6),
    };
    let (null_out, with_err) = (null_sel(input), input.bool());
    let (mut out, mut out_ex) = (Slot::new(null_out), Slot::new(null_out));
    let mut err = garbage_error();
    let err_ptr = if with_err {
        &mut err as *mut cookieprefs_error
    } else {
        null_mut()
    };
    // SAFETY: NULL or a live handle; `ids` as its ptr/len say; the slots are ours.
    let (s, s_ex) = unsafe {
        (
            ffi!(cookieprefs_evaluation_choose(
                e,
                ids.ptr(),
                ids.len(),
                method,
                out.ptr()
            )),
            ffi!(cookieprefs_evaluation_choose_ex(
                e,
                ids.ptr(),
                ids.len(),
                method,
                out_ex.ptr(),
                err_ptr
            )),
        )
    };
    let model = match (&shadow, ids.slice()) {
        (Some(ev), Ok(b)) => Some(
            b.iter()
                .map(|&id| Category::new(id))
                .collect::<Result<Vec<_>, _>>()
                .and_then(|cats| ev.choose(&cats, method_of(method)?)),
        ),
        _ => None,
    };
    let abi = problems(&[
        (e.is_null(), S::NullArgument),
        ids.problem(),
        (null_out, S::NullArgument),
    ]);
    expect(
        "evaluation_choose",
        s,
        &abi,
        model.as_ref().map_or(Ok(()), |m| m.as_ref().map(|_| ())),
    );
    if ids.huge.is_some() && abi == [S::LengthTooLarge] {
        assert_eq!(s, S::LengthTooLarge);
    }
    assert_eq!(
        s, s_ex,
        "evaluation_choose_ex: not the status of evaluation_choose"
    );
    if with_err {
        let core = model
            .as_ref()
            .and_then(|m| m.as_ref().err())
            .filter(|_| abi.is_empty());
        check_detail("evaluation_choose_ex", s_ex, &err, core);
        h.last_err = Some(err);
    }
    if s == S::Ok {
        let want = model.unwrap().unwrap();
        let p = out.handle::<cookieprefs_preferences>();
        let p_ex = out_ex.handle::<cookieprefs_preferences>();
        assert_eq!(value_of(p), Some(want));
        assert_eq!(value_of(p_ex), Some(want));
        keep_prefs(&mut h.prefs, p);
        // SAFETY: a new handle, freed once.
        unsafe { cookieprefs_preferences_free(p_ex) };
    } else {
        out.closed::<usize>("evaluation_choose", s, 0);
        out_ex.closed::<usize>("evaluation_choose_ex", s, 0);
    }
}
