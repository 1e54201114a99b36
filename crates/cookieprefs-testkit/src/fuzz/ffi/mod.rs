//! The check of the `ffi` target: the C ABI (`crates/cookieprefs-ffi`,
//! `include/cookieprefs.h`) driven from Rust exactly as C would call it, with
//! arbitrary bytes, NULL pointers, lengths above `PTRDIFF_MAX`, buffer sizes,
//! enum values, `gpc` ints and sequences of calls on live handles. Every
//! exported function of the header has an operation here; a test
//! (`tests/ffi_coverage.rs`) replays `fuzz/regressions/ffi/` with
//! [`coverage`] and fails if one is never called.
//!
//! Properties, for every call:
//! - no undefined behaviour (the target runs under AddressSanitizer; the
//!   harness only passes what the contract allows: live handles or NULL,
//!   buffers of the size it claims, or a dangling pointer with a length
//!   above `PTRDIFF_MAX`, which must give `LENGTH_TOO_LARGE` unread);
//! - the status is documented (derived from `cookieprefs_status_str` and
//!   `Error::KINDS`), never `PANIC`, and the one the Rust API gives for the
//!   same input (each handle has a Rust shadow: the policy, the evaluation);
//! - out-parameters are pre-filled with garbage; on success they hold the
//!   Rust answer, on any failure their fail-closed value (`NOT_ASKED`,
//!   `false`, NULL, 0, `COOKIEPREFS_NO_CATEGORY`, `NONE`, `BANNER`, an empty
//!   string, the call's own status or detail);
//! - text: NUL-terminated, nothing written past it; `BUFFER_TOO_SMALL` gives
//!   an empty string and the capacity needed;
//! - the edge calls (`cookieprefs_policy_header_allowed` / `_needs_banner`)
//!   agree with `cookieprefs_policy_evaluate_header` +
//!   `cookieprefs_evaluation_allowed` / `_needs_banner`, and give `false` on
//!   error; any nonzero `gpc` behaves as 1;
//! - an `_ex` function returns the status of the plain one, and its detail
//!   carries the core's `Display` text of the same error;
//! - a refused setter leaves the handle as it was.
//!
//! Input: a sequence of calls, each `op, n, n bytes of arguments` (the
//! arguments of one call are read from its own `n` bytes, zeros past them),
//! so a seed is easy to write by hand (`fuzz/seeds.py`).

use std::collections::BTreeSet;
use std::ffi::CStr;
use std::ptr::{null, null_mut};

use cookieprefs::{
    BannerReason, Category, ConsentType, Date, Error, Evaluation, Method, Policy, Preferences, State,
};
use cookieprefs_ffi::*;

use super::Input;

mod harness;

use harness::*;

/// Calls per input, at most.
const MAX_CALLS: usize = 96;

/// `ffi`: a sequence of calls, chosen and fed by the input.
pub fn check(data: &[u8]) {
    let mut input = Input::new(data);
    let mut h = Handles::default();
    for _ in 0..MAX_CALLS {
        if input.is_empty() {
            break;
        }
        let op = input.u8();
        let n = usize::from(input.u8());
        let mut args = Input::new(input.bytes(n));
        let f = OPS[usize::from(op) % OPS.len()];
        f(&mut args, &mut h);
    }
}

/// The exported functions the driver calls when it runs `inputs` (each
/// through [`check`]).
pub fn coverage<'a>(inputs: impl IntoIterator<Item = &'a [u8]>) -> BTreeSet<&'static str> {
    start_coverage();
    for data in inputs {
        check(data);
    }
    take_coverage()
}

/// The number of operations (`op % OPS_LEN` picks one).
pub const OPS_LEN: usize = OPS.len();

type Op = fn(&mut Input, &mut Handles);

/// One operation per exported function (an `_ex` function with its plain one).
const OPS: &[Op] = &[
    op_decode,
    op_new,
    op_prefs_free,
    op_prefs_state,
    op_prefs_revision,
    op_prefs_created,
    op_prefs_updated,
    op_prefs_method,
    op_prefs_slot_count,
    op_prefs_consent_id,
    op_set_state,
    op_set_revision,
    op_set_dates,
    op_set_method,
    op_set_consent_id,
    op_encoded_len,
    op_encode,
    op_header_allowed,
    op_header_needs_banner,
    op_value_category_state,
    op_cookie_find,
    op_header_category_state,
    op_policy_default,
    op_policy_from_json,
    op_policy_free,
    op_policy_revision,
    op_policy_category_id,
    op_evaluate_header,
    op_evaluate_value,
    op_evaluation_free,
    op_eval_state,
    op_eval_allowed,
    op_eval_gpc_applied,
    op_eval_needs_banner,
    op_eval_banner_reason,
    op_eval_value_status,
    op_eval_value_error,
    op_eval_consent_mode,
    op_eval_consent_mode_json,
    op_eval_stored,
    op_eval_choose,
    op_eval_set_cookie_header,
    op_policy_set_cookie_header,
    op_policy_delete_cookie_header,
    op_error_message,
    op_version,
    op_status_str,
    op_today,
    op_date_from_ymd,
    op_date_to_ymd,
    op_eval_copies,
    op_eval_ignored_status,
];

/// A `gpc` int: 0, 1 or any other int (negative, huge).
fn gpc(input: &mut Input) -> i32 {
    match input.u8() % 4 {
        0 => 0,
        1 => 1,
        _ => i32::from_le_bytes([input.u8(), input.u8(), input.u8(), input.u8()]),
    }
}

fn null_sel(input: &mut Input) -> bool {
    input.u8() % 16 == 15
}

fn state_code(s: State) -> u64 {
    s as u64
}

fn reason_code(r: Option<BannerReason>) -> u64 {
    match r {
        None => cookieprefs_banner_reason::None as u64,
        Some(BannerReason::NoChoice) => cookieprefs_banner_reason::NoChoice as u64,
        Some(BannerReason::InvalidValue) => cookieprefs_banner_reason::InvalidValue as u64,
        Some(BannerReason::Expired) => cookieprefs_banner_reason::Expired as u64,
        Some(BannerReason::PolicyUpdated) => cookieprefs_banner_reason::PolicyUpdated as u64,
        Some(BannerReason::NewCategory) => cookieprefs_banner_reason::NewCategory as u64,
    }
}

/// Checks a getter: the status, then the answer or the fail-closed value.
fn getter<T>(call: &str, s: S, out: &Slot, abi: &[(bool, S)], model: Result<u64, Error>, closed: u64) {
    let abi = problems(abi);
    expect(call, s, &abi, model.as_ref().map(|_| ()));
    if s == S::Ok {
        assert_eq!(out.get::<T>(), model.unwrap(), "{call}: answer");
    } else {
        out.closed::<T>(call, s, closed);
    }
}

// ------------------------------------------------------------------ values

fn op_decode(input: &mut Input, h: &mut Handles) {
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

fn op_new(input: &mut Input, h: &mut Handles) {
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

fn op_prefs_free(input: &mut Input, h: &mut Handles) {
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
        fn $fn_name(input: &mut Input, h: &mut Handles) {
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

fn op_prefs_state(input: &mut Input, h: &mut Handles) {
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

fn op_prefs_consent_id(input: &mut Input, h: &mut Handles) {
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

fn method_of(code: u32) -> Result<Method, Error> {
    match u8::try_from(code) {
        Ok(c) => Method::try_from(c),
        Err(_) => Err(code_error("method", code, str::parse::<Method>)),
    }
}

fn op_set_state(input: &mut Input, h: &mut Handles) {
    let id = input.u8() % 70;
    let state = u32::from(input.u8() % 5) | if input.u8() == 255 { 1 << 31 } else { 0 };
    // SAFETY (both): NULL or a live handle; `e` NULL or ours.
    let plain = |p| unsafe { ffi!(cookieprefs_preferences_set_state(p, id, state)) };
    let ex = |p, e| unsafe { ffi!(cookieprefs_preferences_set_state_ex(p, id, state, e)) };
    setter("preferences_set_state", input, h, plain, Some(&ex), |v| {
        v.to_builder().set(Category::new(id)?, state_of(state)?).build()
    });
}

fn op_set_revision(input: &mut Input, h: &mut Handles) {
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

fn op_set_dates(input: &mut Input, h: &mut Handles) {
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

fn op_set_method(input: &mut Input, h: &mut Handles) {
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

fn op_set_consent_id(input: &mut Input, h: &mut Handles) {
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

fn op_encode(input: &mut Input, h: &mut Handles) {
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

// ----------------------------------------------------------------- edge calls

/// A `Cookie:` header: arbitrary bytes, or a header with a valid value
/// (from a value handle) under the policy's cookie name.
fn header(input: &mut Input, h: &Handles, policy: Option<&Policy>) -> Bytes {
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

fn op_header_allowed(input: &mut Input, h: &mut Handles) {
    edge(input, h, false);
}

fn op_header_needs_banner(input: &mut Input, h: &mut Handles) {
    edge(input, h, true);
}

fn op_value_category_state(input: &mut Input, h: &mut Handles) {
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

fn op_cookie_find(input: &mut Input, h: &mut Handles) {
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

fn op_header_category_state(input: &mut Input, h: &mut Handles) {
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
    let found = match (hd.slice(), utf8) {
        (Ok(b), Some(n)) => cookieprefs::find_cookie(b, n).map(|r| &b[r]),
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
        Some(v) => cookieprefs::decode(v).map(|p| state_code(p.state(c))),
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

// ------------------------------------------------------------------ policies

fn op_policy_default(input: &mut Input, h: &mut Handles) {
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

fn op_policy_from_json(input: &mut Input, h: &mut Handles) {
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

fn op_policy_free(input: &mut Input, h: &mut Handles) {
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

fn op_policy_revision(input: &mut Input, h: &mut Handles) {
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

fn op_policy_category_id(input: &mut Input, h: &mut Handles) {
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

fn op_evaluate_header(input: &mut Input, h: &mut Handles) {
    evaluate(input, h, true);
}

fn op_evaluate_value(input: &mut Input, h: &mut Handles) {
    evaluate(input, h, false);
}

fn op_evaluation_free(input: &mut Input, h: &mut Handles) {
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

// --------------------------------------------------------------- evaluations

/// A getter on an evaluation handle, checked against its shadow.
macro_rules! eval_getter {
    ($fn_name:ident, $f:ident, $t:ty, $closed:expr, $model:expr) => {
        fn $fn_name(input: &mut Input, h: &mut Handles) {
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

fn op_eval_state(input: &mut Input, h: &mut Handles) {
    eval_by_id(input, h, false);
}

fn op_eval_allowed(input: &mut Input, h: &mut Handles) {
    eval_by_id(input, h, true);
}

eval_getter!(
    op_eval_copies,
    cookieprefs_evaluation_copies,
    u32,
    0,
    |e: &Evaluation| Ok(e.copies().into())
);

fn op_eval_ignored_status(input: &mut Input, h: &mut Handles) {
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

fn op_eval_value_status(input: &mut Input, h: &mut Handles) {
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

fn op_eval_value_error(input: &mut Input, h: &mut Handles) {
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

fn op_eval_consent_mode(input: &mut Input, h: &mut Handles) {
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

fn op_eval_consent_mode_json(input: &mut Input, h: &mut Handles) {
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

fn op_eval_set_cookie_header(input: &mut Input, h: &mut Handles) {
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

fn op_policy_set_cookie_header(input: &mut Input, h: &mut Handles) {
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

fn op_policy_delete_cookie_header(input: &mut Input, h: &mut Handles) {
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

fn op_eval_stored(input: &mut Input, h: &mut Handles) {
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

fn op_eval_choose(input: &mut Input, h: &mut Handles) {
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

// ------------------------------------------------------------------ helpers

fn op_error_message(input: &mut Input, h: &mut Handles) {
    let mut err = match (input.u8() % 3, h.last_err) {
        (0, Some(e)) => e,
        _ => {
            // Any bytes in the message (the call reads only the message).
            let mut e = garbage_error();
            let n = usize::from(input.u8()) * 2;
            for (d, &b) in e.message.iter_mut().zip(input.bytes(n)) {
                *d = b as std::ffi::c_char;
            }
            if n < COOKIEPREFS_ERROR_MESSAGE_CAP {
                e.message[n] = 0;
            }
            e
        }
    };
    let null_err = null_sel(input);
    let mut buf = Buf::read(input);
    let want: Vec<u8> = err
        .message
        .iter()
        .map(|&c| c as u8)
        .take_while(|&b| b != 0)
        .collect();
    let ptr = if null_err {
        null()
    } else {
        &mut err as *const cookieprefs_error
    };
    // SAFETY: `err` is ours (or NULL); the buffer is `cap` bytes (or NULL).
    let s = unsafe {
        ffi!(cookieprefs_error_message(
            ptr,
            buf.ptr().cast(),
            buf.cap,
            buf.written()
        ))
    };
    let (want, mut abi) = if null_err {
        (None, text_problems(&buf, None))
    } else {
        (Some(want), Vec::new())
    };
    if null_err {
        abi.push(S::NullArgument);
    } else {
        abi = text_problems(&buf, want.as_deref());
    }
    expect("error_message", s, &abi, Ok(()));
    check_text("error_message", s, &buf, want.as_deref());
}

fn op_version(_: &mut Input, _: &mut Handles) {
    // SAFETY: a static NUL-terminated string.
    let v = unsafe { CStr::from_ptr(ffi!(cookieprefs_version())) };
    let v = v.to_str().expect("UTF-8");
    let want = format!("{COOKIEPREFS_VERSION_MAJOR}.{COOKIEPREFS_VERSION_MINOR}.{COOKIEPREFS_VERSION_PATCH}");
    assert!(v.starts_with(&want), "version {v}, header {want}");
}

fn op_status_str(input: &mut Input, _: &mut Handles) {
    let code = match input.u8() % 4 {
        0 => i32::from_le_bytes([input.u8(), input.u8(), input.u8(), input.u8()]),
        1 => i32::from(input.u8()),
        _ => i32::from(input.u8() % 32),
    };
    // SAFETY: a static NUL-terminated string.
    let name = unsafe { CStr::from_ptr(ffi!(cookieprefs_status_str(code))) }
        .to_str()
        .expect("UTF-8")
        .to_owned();
    assert!(!name.is_empty());
    let kinds = Error::KINDS.len() as i32;
    if (1..=kinds).contains(&code) {
        assert_eq!(name, Error::KINDS[code as usize - 1], "status {code}");
    } else if !(0..=kinds).contains(&code) && !(100..=199).contains(&code) {
        assert_eq!(name, unknown_name(), "status {code}");
    }
}

fn op_today(_: &mut Input, _: &mut Handles) {
    let before = Date::today().days_since_epoch();
    let t = ffi!(cookieprefs_today());
    let after = Date::today().days_since_epoch();
    assert!(
        (before..=after).contains(&t),
        "today {t}, Rust {before}..={after}"
    );
}

fn op_date_from_ymd(input: &mut Input, _: &mut Handles) {
    let (y, m, d) = match input.u8() % 4 {
        0 => (
            i32::from_le_bytes([input.u8(), input.u8(), input.u8(), input.u8()]),
            u32::from_le_bytes([input.u8(), input.u8(), input.u8(), input.u8()]),
            u32::from(input.u8()),
        ),
        _ => (
            i32::from(input.u16() % 300) + 1950,
            u32::from(input.u8() % 14),
            u32::from(input.u8() % 33),
        ),
    };
    let null_out = null_sel(input);
    let mut out = Slot::new(null_out);
    // SAFETY: the slot is ours.
    let s = unsafe { ffi!(cookieprefs_date_from_ymd(y, m, d, out.ptr::<u16>())) };
    let model = Date::from_ymd(i64::from(y), m, d).map(|d| u64::from(d.days_since_epoch()));
    getter::<u16>("date_from_ymd", s, &out, &[(null_out, S::NullArgument)], model, 0);
}

fn op_date_to_ymd(input: &mut Input, _: &mut Handles) {
    let days = input.u16();
    let nulls = input.u8();
    let mut outs = [
        Slot::new(nulls % 16 == 15),
        Slot::new(nulls % 16 == 14),
        Slot::new(nulls % 16 == 13),
    ];
    let [y, m, d] = &mut outs;
    // SAFETY: the slots are ours.
    let s = unsafe {
        ffi!(cookieprefs_date_to_ymd(
            days,
            y.ptr::<i32>(),
            m.ptr::<u32>(),
            d.ptr::<u32>()
        ))
    };
    let any_null = outs.iter().any(Slot::is_null);
    expect(
        "date_to_ymd",
        s,
        &problems(&[(any_null, S::NullArgument)]),
        Ok(()),
    );
    if s == S::Ok {
        let (yy, mm, dd) = Date::from_days_since_epoch(days).ymd();
        assert_eq!(
            (
                outs[0].get::<i32>() as i64,
                outs[1].get::<u32>(),
                outs[2].get::<u32>()
            ),
            (yy, u64::from(mm), u64::from(dd))
        );
    } else {
        for o in &outs {
            o.closed::<u32>("date_to_ymd", s, 0);
        }
    }
}
