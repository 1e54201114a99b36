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
    op_policy_classify,
    op_policy_cookie_count,
    op_policy_cookie_category,
    op_policy_language,
    op_policy_category_text,
    op_policy_cookie_text,
    op_policy_page,
    op_eval_cookie_allowed,
    op_eval_set_cookie_allowed,
    op_eval_next_cookie_to_clear,
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

mod declaration;
mod edge;
mod evaluations;
mod helpers;
mod policies;
mod values;

use declaration::*;
use edge::*;
use evaluations::*;
use helpers::*;
use policies::*;
use values::*;
