//! `ffi` operations: Policies and the evaluations they make.

use super::*;

pub(super) fn op_policy_default(input: &mut Input, h: &mut Handles) {
    let null_out = null_sel(input);
    let mut out = Slot::new(null_out);
    // SAFETY: the slot is ours.
    let s = unsafe { ffi!(cookieprefs_policy_default(out.ptr())) };
    expect(
        "policy_default",
        s,
        &problems(&[(null_out, S::NullArgument)]),
        Ok(()),
    );
    if s == S::Ok {
        keep(
            &mut h.policies,
            out.handle::<cookieprefs_policy>(),
            Policy::default(),
            cookieprefs_policy_free,
        );
    } else {
        out.closed::<usize>("policy_default", s, 0);
    }
}

pub(super) fn op_policy_from_json(input: &mut Input, h: &mut Handles) {
    let mut j = Bytes::read(input);
    if input.u8() % 2 == 0 {
        j.data = preset_json(input.u8()).into_bytes();
    }
    let (null_out, with_err) = (null_sel(input), input.bool());
    let (mut out, mut out_ex) = (Slot::new(null_out), Slot::new(null_out));
    let mut err = garbage_error();
    let err_ptr = if with_err {
        &mut err as *mut cookieprefs_error
    } else {
        null_mut()
    };
    // SAFETY: `j` as its ptr/len say; the slots are ours.
    let (s, s_ex) = unsafe {
        (
            ffi!(cookieprefs_policy_from_json(j.ptr(), j.len(), out.ptr())),
            ffi!(cookieprefs_policy_from_json_ex(
                j.ptr(),
                j.len(),
                out_ex.ptr(),
                err_ptr
            )),
        )
    };
    let text = j.slice().ok().map(std::str::from_utf8);
    let model = match &text {
        Some(Ok(t)) => Some(Policy::from_json(t)),
        _ => None,
    };
    let abi = problems(&[
        j.problem(),
        (null_out, S::NullArgument),
        (matches!(text, Some(Err(_))), S::InvalidUtf8),
    ]);
    expect(
        "policy_from_json",
        s,
        &abi,
        model.as_ref().map_or(Ok(()), |m| m.as_ref().map(|_| ())),
    );
    assert_eq!(s, s_ex, "policy_from_json_ex: not the status of policy_from_json");
    if with_err {
        let core = model
            .as_ref()
            .and_then(|m| m.as_ref().err())
            .filter(|_| abi.is_empty());
        check_detail("policy_from_json_ex", s_ex, &err, core);
        h.last_err = Some(err);
    }
    if s == S::Ok {
        let policy = model.unwrap().unwrap();
        keep(
            &mut h.policies,
            out.handle::<cookieprefs_policy>(),
            policy,
            cookieprefs_policy_free,
        );
        // SAFETY: a new handle, freed once.
        unsafe { cookieprefs_policy_free(out_ex.handle::<cookieprefs_policy>()) };
    } else {
        out.closed::<usize>("policy_from_json", s, 0);
        out_ex.closed::<usize>("policy_from_json_ex", s, 0);
    }
}

pub(super) fn op_policy_free(input: &mut Input, h: &mut Handles) {
    let sel = input.u8();
    if sel % 8 != 7 && !h.policies.is_empty() {
        let i = usize::from(sel) % h.policies.len();
        // SAFETY: a live handle, forgotten as it is freed.
        unsafe { ffi!(cookieprefs_policy_free(h.policies.remove(i).0)) };
    } else {
        // SAFETY: NULL does nothing.
        unsafe { ffi!(cookieprefs_policy_free(null_mut())) };
    }
}

pub(super) fn op_policy_revision(input: &mut Input, h: &mut Handles) {
    let (p, policy) = pick(&h.policies, input.u8());
    let null_out = null_sel(input);
    let mut out = Slot::new(null_out);
    // SAFETY: NULL or a live handle; the slot is ours.
    let s = unsafe { ffi!(cookieprefs_policy_revision(p, out.ptr::<u16>())) };
    let model = Ok(policy.map_or(0, |p| u64::from(p.revision())));
    getter::<u16>(
        "policy_revision",
        s,
        &out,
        &[(p.is_null(), S::NullArgument), (null_out, S::NullArgument)],
        model,
        0,
    );
}

pub(super) fn op_policy_category_id(input: &mut Input, h: &mut Handles) {
    let (p, policy) = pick(&h.policies, input.u8());
    let name = match input.u8() % 4 {
        0 => c_string(
            [
                "necessary",
                "statistics",
                "first_party",
                "third_party",
                "youtube",
                "16",
            ][usize::from(input.u8() % 6)]
            .as_bytes(),
        ),
        _ => {
            let n = usize::from(input.u8() % 24);
            c_string(input.bytes(n))
        }
    };
    let (null_name, null_out) = (null_sel(input), null_sel(input));
    let mut out = Slot::new(null_out);
    // SAFETY: NULL or a live handle; `name` NUL-terminated or NULL; the slot is ours.
    let s = unsafe {
        ffi!(cookieprefs_policy_category_id(
            p,
            maybe_null(&name, null_name),
            out.ptr::<u8>()
        ))
    };
    let utf8 = name.to_str().ok();
    let found = match (&policy, utf8) {
        (Some(pol), Some(n)) => pol.category(n),
        _ => None,
    };
    let abi = &[
        (p.is_null(), S::NullArgument),
        (null_name, S::NullArgument),
        (null_out, S::NullArgument),
        (!null_name && utf8.is_none(), S::InvalidUtf8),
        (found.is_none(), S::UnknownCategory),
    ];
    getter::<u8>(
        "policy_category_id",
        s,
        &out,
        abi,
        Ok(found.map_or(0, |c| u64::from(c.id()))),
        u64::from(COOKIEPREFS_NO_CATEGORY),
    );
}

fn evaluate(input: &mut Input, h: &mut Handles, header_call: bool) {
    let (p, policy) = pick(&h.policies, input.u8());
    let v = if header_call {
        header(input, h, policy.as_ref())
    } else if input.u8() % 3 == 0 {
        Bytes::of(
            value_of(pick_prefs(&h.prefs, input.u8()))
                .map(|v| v.encode())
                .unwrap_or_default()
                .as_bytes(),
        )
    } else {
        Bytes::read(input)
    };
    let today = input.u16();
    let g = gpc(input);
    let null_out = null_sel(input);
    let mut out = Slot::new(null_out);
    // SAFETY: NULL or a live handle; `v` as its ptr/len say; the slot is ours.
    let s = unsafe {
        if header_call {
            ffi!(cookieprefs_policy_evaluate_header(
                p,
                v.ptr(),
                v.len(),
                today,
                g,
                out.ptr()
            ))
        } else {
            ffi!(cookieprefs_policy_evaluate_value(
                p,
                v.ptr(),
                v.len(),
                today,
                g,
                out.ptr()
            ))
        }
    };
    let call = if header_call {
        "evaluate_header"
    } else {
        "evaluate_value"
    };
    // Only ABI conditions: an invalid cookie is not an error of this call.
    let abi = problems(&[
        (p.is_null(), S::NullArgument),
        v.problem(),
        (null_out, S::NullArgument),
    ]);
    expect(call, s, &abi, Ok(()));
    if s != S::Ok {
        out.closed::<usize>(call, s, 0);
        return;
    }
    let policy = policy.unwrap();
    let today = Date::from_days_since_epoch(today);
    let view = v.view().unwrap();
    // Any nonzero int is the signal.
    let shadow = if header_call {
        policy.evaluate_header(view, today, g != 0)
    } else {
        policy.evaluate_bytes(view, today, g != 0)
    };
    keep(
        &mut h.evals,
        out.handle::<cookieprefs_evaluation>(),
        shadow,
        cookieprefs_evaluation_free,
    );
}

pub(super) fn op_evaluate_header(input: &mut Input, h: &mut Handles) {
    evaluate(input, h, true);
}

pub(super) fn op_evaluate_value(input: &mut Input, h: &mut Handles) {
    evaluate(input, h, false);
}

pub(super) fn op_evaluation_free(input: &mut Input, h: &mut Handles) {
    let sel = input.u8();
    if sel % 8 != 7 && !h.evals.is_empty() {
        let i = usize::from(sel) % h.evals.len();
        // SAFETY: a live handle, forgotten as it is freed.
        unsafe { ffi!(cookieprefs_evaluation_free(h.evals.remove(i).0)) };
    } else {
        // SAFETY: NULL does nothing.
        unsafe { ffi!(cookieprefs_evaluation_free(null_mut())) };
    }
}
