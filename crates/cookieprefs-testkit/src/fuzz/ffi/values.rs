//! `ffi` operations: Value handles: decode, build, read, change, encode, free.

use super::*;

pub(super) fn op_decode(input: &mut Input, h: &mut Handles) {
    let v = Bytes::read(input);
    let (null_out, with_err) = (null_sel(input), input.bool());
    let (mut out, mut out_ex) = (Slot::new(null_out), Slot::new(null_out));
    let mut err = garbage_error();
    let err_ptr = if with_err {
        &mut err as *mut cookieprefs_error
    } else {
        null_mut()
    };
    // SAFETY: `v` as its ptr/len say; the slots are ours.
    let (s, s_ex) = unsafe {
        (
            ffi!(cookieprefs_preferences_decode(v.ptr(), v.len(), out.ptr())),
            ffi!(cookieprefs_preferences_decode_ex(
                v.ptr(),
                v.len(),
                out_ex.ptr(),
                err_ptr
            )),
        )
    };
    let model = v.slice().ok().map(cookieprefs::decode);
    let abi = problems(&[v.problem(), (null_out, S::NullArgument)]);
    expect(
        "decode",
        s,
        &abi,
        model.as_ref().map_or(Ok(()), |m| m.as_ref().map(|_| ())),
    );
    assert_eq!(s, s_ex, "decode_ex: not the status of decode");
    if with_err {
        let core = model
            .as_ref()
            .and_then(|m| m.as_ref().err())
            .filter(|_| abi.is_empty());
        check_detail("decode_ex", s_ex, &err, core);
        h.last_err = Some(err);
    }
    for (slot, name) in [(&out, "decode"), (&out_ex, "decode_ex")] {
        if s == S::Ok {
            let p = slot.handle::<cookieprefs_preferences>();
            assert_eq!(value_of(p).as_ref(), model.as_ref().and_then(|m| m.as_ref().ok()));
            if name == "decode" {
                keep_prefs(&mut h.prefs, p);
            } else {
                // SAFETY: a new handle, freed once.
                unsafe { cookieprefs_preferences_free(p) };
            }
        } else {
            slot.closed::<usize>(name, s, 0);
        }
    }
}

pub(super) fn op_new(input: &mut Input, h: &mut Handles) {
    let today = input.u16();
    let null_out = null_sel(input);
    let mut out = Slot::new(null_out);
    // SAFETY: the slot is ours.
    let s = unsafe { ffi!(cookieprefs_preferences_new(today, out.ptr())) };
    let model = Preferences::builder(Date::from_days_since_epoch(today)).build();
    expect(
        "preferences_new",
        s,
        &problems(&[(null_out, S::NullArgument)]),
        model.as_ref().map(|_| ()),
    );
    if s == S::Ok {
        let p = out.handle::<cookieprefs_preferences>();
        assert_eq!(value_of(p), model.ok());
        keep_prefs(&mut h.prefs, p);
    } else {
        out.closed::<usize>("preferences_new", s, 0);
    }
}

pub(super) fn op_prefs_free(input: &mut Input, h: &mut Handles) {
    let sel = input.u8();
    if sel % 8 != 7 && !h.prefs.is_empty() {
        let i = usize::from(sel) % h.prefs.len();
        // SAFETY: a live handle, forgotten as it is freed.
        unsafe { ffi!(cookieprefs_preferences_free(h.prefs.remove(i))) };
    } else {
        // SAFETY: NULL does nothing.
        unsafe { ffi!(cookieprefs_preferences_free(null_mut())) };
    }
}

/// A getter on a value handle, checked against the value the handle holds.
macro_rules! prefs_getter {
    ($fn_name:ident, $f:ident, $t:ty, $closed:expr, $model:expr) => {
        pub(super) fn $fn_name(input: &mut Input, h: &mut Handles) {
            let p = pick_prefs(&h.prefs, input.u8());
            let null_out = null_sel(input);
            let mut out = Slot::new(null_out);
            // SAFETY: NULL or a live handle; the slot is ours.
            let s = unsafe { ffi!($f(p, out.ptr::<$t>())) };
            let model: Result<u64, Error> = value_of(p).map_or(Ok(0), $model);
            getter::<$t>(
                stringify!($f),
                s,
                &out,
                &[(p.is_null(), S::NullArgument), (null_out, S::NullArgument)],
                model,
                $closed,
            );
        }
    };
}

prefs_getter!(op_prefs_revision, cookieprefs_preferences_revision, u16, 0, |v| {
    Ok(v.revision().into())
});
prefs_getter!(
    op_prefs_created,
    cookieprefs_preferences_created_days,
    u16,
    0,
    |v| Ok(v.created().days_since_epoch().into())
);
prefs_getter!(
    op_prefs_updated,
    cookieprefs_preferences_updated_days,
    u16,
    0,
    |v| Ok(v.updated().days_since_epoch().into())
);
prefs_getter!(
    op_prefs_method,
    cookieprefs_preferences_method,
    cookieprefs_method,
    cookieprefs_method::Banner as u64,
    |v| Ok(v.method() as u64)
);
prefs_getter!(
    op_prefs_slot_count,
    cookieprefs_preferences_slot_count,
    u8,
    0,
    |v| Ok(v.slot_count().into())
);
prefs_getter!(
    op_encoded_len,
    cookieprefs_preferences_encoded_len,
    usize,
    0,
    |v| Ok(v.encode().len() as u64)
);

pub(super) fn op_prefs_state(input: &mut Input, h: &mut Handles) {
    let p = pick_prefs(&h.prefs, input.u8());
    let id = input.u8();
    let null_out = null_sel(input);
    let mut out = Slot::new(null_out);
    // SAFETY: NULL or a live handle; the slot is ours.
    let s = unsafe {
        ffi!(cookieprefs_preferences_state(
            p,
            id,
            out.ptr::<cookieprefs_state>()
        ))
    };
    let model = Category::new(id).map(|c| value_of(p).map_or(0, |v| state_code(v.state(c))));
    getter::<cookieprefs_state>(
        "preferences_state",
        s,
        &out,
        &[(p.is_null(), S::NullArgument), (null_out, S::NullArgument)],
        model,
        cookieprefs_state::NotAsked as u64,
    );
}

pub(super) fn op_prefs_consent_id(input: &mut Input, h: &mut Handles) {
    let p = pick_prefs(&h.prefs, input.u8());
    let (null_id, null_has) = (null_sel(input), null_sel(input));
    let mut id = [FILL; 16 + 8];
    let mut has = Slot::new(null_has);
    let id_ptr = if null_id { null_mut() } else { id.as_mut_ptr() };
    // SAFETY: NULL or a live handle; 16 writable bytes or NULL; the slot is ours.
    let s = unsafe { ffi!(cookieprefs_preferences_consent_id(p, id_ptr, has.ptr::<bool>())) };
    let model = value_of(p).and_then(|v| v.consent_id());
    let abi = problems(&[
        (p.is_null(), S::NullArgument),
        (null_id, S::NullArgument),
        (null_has, S::NullArgument),
    ]);
    expect("preferences_consent_id", s, &abi, Ok(()));
    assert!(
        id[16..].iter().all(|&b| b == FILL),
        "consent_id: wrote past 16 bytes"
    );
    if s == S::Ok {
        assert_eq!(has.get::<bool>(), u64::from(model.is_some()));
        assert_eq!(id[..16], model.map_or([0; 16], |m| m.to_bytes()));
    } else {
        has.closed::<bool>("preferences_consent_id", s, 0);
        if !null_id {
            assert_eq!(id[..16], [0; 16], "consent_id: bytes not zeroed on {s:?}");
        }
    }
}

/// A setter and its `_ex`, on two copies of the same value: same status,
/// the detail is the core's error, a refused change changes nothing and an
/// accepted one is the core builder's result.
fn setter(
    call: &str,
    input: &mut Input,
    h: &mut Handles,
    plain: impl Fn(*mut cookieprefs_preferences) -> S,
    ex: Option<&dyn Fn(*mut cookieprefs_preferences, *mut cookieprefs_error) -> S>,
    model: impl Fn(Preferences) -> Result<Preferences, Error>,
) {
    let p = pick_prefs(&h.prefs, input.u8());
    let with_err = input.bool();
    let before = value_of(p);
    let want = before.map(&model);
    let s = plain(p);
    let abi = problems(&[(p.is_null(), S::NullArgument)]);
    expect(
        call,
        s,
        &abi,
        want.as_ref().map_or(Ok(()), |w| w.as_ref().map(|_| ())),
    );
    let after = value_of(p);
    match (&want, s) {
        (Some(Ok(w)), S::Ok) => assert_eq!(after.as_ref(), Some(w), "{call}: not the builder's value"),
        _ => assert_eq!(after, before, "{call}: a refused change altered the value"),
    }
    let Some(ex) = ex else { return };
    // The `_ex` function on a copy of the value before.
    let copy = before.as_ref().map_or(null_mut(), handle_of);
    let mut err = garbage_error();
    let err_ptr = if with_err {
        &mut err as *mut cookieprefs_error
    } else {
        null_mut()
    };
    let s_ex = ex(copy, err_ptr);
    assert_eq!(s_ex, s, "{call}_ex: not the status of {call}");
    assert_eq!(value_of(copy), after, "{call}_ex: not the value of {call}");
    if with_err {
        let core = want.as_ref().and_then(|w| w.as_ref().err());
        check_detail(call, s_ex, &err, core);
        h.last_err = Some(err);
    }
    // SAFETY: NULL or the copy, freed once.
    unsafe { cookieprefs_preferences_free(copy) };
}

/// An enum code from C as the core's error text for it (`UnknownName`).
fn code_error<T>(what: &str, code: u32, parse: impl Fn(&str) -> Result<T, Error>) -> Error {
    let e = parse(&code.to_string())
        .err()
        .unwrap_or_else(|| panic!("{what} {code} parsed"));
    assert_eq!(e.kind(), "unknown_name");
    e
}

fn state_of(code: u32) -> Result<State, Error> {
    u8::try_from(code)
        .ok()
        .and_then(State::from_code)
        .ok_or_else(|| code_error("state", code, str::parse::<State>))
}

pub(super) fn method_of(code: u32) -> Result<Method, Error> {
    match u8::try_from(code) {
        Ok(c) => Method::try_from(c),
        Err(_) => Err(code_error("method", code, str::parse::<Method>)),
    }
}

pub(super) fn op_set_state(input: &mut Input, h: &mut Handles) {
    let id = input.u8() % 70;
    let state = u32::from(input.u8() % 5) | if input.u8() == 255 { 1 << 31 } else { 0 };
    // SAFETY (both): NULL or a live handle; `e` NULL or ours.
    let plain = |p| unsafe { ffi!(cookieprefs_preferences_set_state(p, id, state)) };
    let ex = |p, e| unsafe { ffi!(cookieprefs_preferences_set_state_ex(p, id, state, e)) };
    setter("preferences_set_state", input, h, plain, Some(&ex), |v| {
        v.to_builder().set(Category::new(id)?, state_of(state)?).build()
    });
}

pub(super) fn op_set_revision(input: &mut Input, h: &mut Handles) {
    let rev = match input.u8() % 4 {
        0 => u32::from(input.u16()) % 5000,
        1 => u32::from(input.u16()) % 4096,
        _ => u32::from_le_bytes([input.u8(), input.u8(), input.u8(), input.u8()]),
    };
    // SAFETY (both): NULL or a live handle; `e` NULL or ours.
    let plain = |p| unsafe { ffi!(cookieprefs_preferences_set_revision(p, rev)) };
    let ex = |p, e| unsafe { ffi!(cookieprefs_preferences_set_revision_ex(p, rev, e)) };
    setter("preferences_set_revision", input, h, plain, Some(&ex), |v| {
        v.to_builder().revision(rev).build()
    });
}

pub(super) fn op_set_dates(input: &mut Input, h: &mut Handles) {
    let (c, u) = (input.u16(), input.u16());
    // SAFETY (both): NULL or a live handle; `e` NULL or ours.
    let plain = |p| unsafe { ffi!(cookieprefs_preferences_set_dates(p, c, u)) };
    let ex = |p, e| unsafe { ffi!(cookieprefs_preferences_set_dates_ex(p, c, u, e)) };
    setter("preferences_set_dates", input, h, plain, Some(&ex), |v| {
        v.to_builder()
            .created(Date::from_days_since_epoch(c))
            .updated(Date::from_days_since_epoch(u))
            .build()
    });
}

pub(super) fn op_set_method(input: &mut Input, h: &mut Handles) {
    let m = match input.u8() % 4 {
        0 => u32::from(input.u8() % 6),
        1 => u32::from(input.u8()),
        _ => u32::from_le_bytes([input.u8(), input.u8(), input.u8(), input.u8()]),
    };
    // SAFETY (both): NULL or a live handle; `e` NULL or ours.
    let plain = |p| unsafe { ffi!(cookieprefs_preferences_set_method(p, m)) };
    let ex = |p, e| unsafe { ffi!(cookieprefs_preferences_set_method_ex(p, m, e)) };
    setter("preferences_set_method", input, h, plain, Some(&ex), |v| {
        v.to_builder().method(method_of(m)?).build()
    });
}

pub(super) fn op_set_consent_id(input: &mut Input, h: &mut Handles) {
    let id: Option<[u8; 16]> = (input.u8() % 4 != 3).then(|| input.u128().to_le_bytes());
    let ptr = id.as_ref().map_or(null(), |b| b.as_ptr());
    // SAFETY: NULL or a live handle; `ptr` NULL or 16 bytes.
    let plain = |p| unsafe { ffi!(cookieprefs_preferences_set_consent_id(p, ptr)) };
    setter("preferences_set_consent_id", input, h, plain, None, |v| {
        v.to_builder()
            .consent_id(id.map(cookieprefs::ConsentId::from_bytes))
            .build()
    });
}

pub(super) fn op_encode(input: &mut Input, h: &mut Handles) {
    let p = pick_prefs(&h.prefs, input.u8());
    let mut buf = Buf::read(input);
    let want = value_of(p).map(|v| v.encode().into_bytes());
    // SAFETY: NULL or a live handle; the buffer is `cap` bytes (or NULL).
    let s = unsafe {
        ffi!(cookieprefs_preferences_encode(
            p,
            buf.ptr(),
            buf.cap,
            buf.written()
        ))
    };
    let mut abi = text_problems(&buf, want.as_deref());
    if p.is_null() {
        abi.push(S::NullArgument);
    }
    expect("preferences_encode", s, &abi, Ok(()));
    check_text("preferences_encode", s, &buf, want.as_deref());
}
