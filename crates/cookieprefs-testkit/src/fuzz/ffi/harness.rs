//! The `ffi` check's harness: the statuses a call may return, out-parameter
//! slots pre-filled with garbage, caller buffers and byte strings (sometimes
//! NULL, sometimes of a length above `PTRDIFF_MAX`), the live handles with
//! their Rust shadows, and the coverage set.

use std::cell::RefCell;
use std::collections::BTreeSet;
use std::ffi::{c_char, CStr};
use std::ptr::{null, null_mut, NonNull};

use cookieprefs::{Error, Evaluation, Policy, Preferences};
use cookieprefs_ffi::*;

use crate::fuzz::Input;

pub(super) type S = cookieprefs_status;

thread_local! {
    /// The exported functions called since [`start_coverage`] (None: not recording).
    static COVERAGE: RefCell<Option<BTreeSet<&'static str>>> = const { RefCell::new(None) };
}

/// Records that the driver called `name` (when a coverage run is on).
pub(super) fn note(name: &'static str) {
    COVERAGE.with(|c| {
        if let Some(set) = c.borrow_mut().as_mut() {
            set.insert(name);
        }
    });
}

pub(super) fn start_coverage() {
    COVERAGE.with(|c| *c.borrow_mut() = Some(BTreeSet::new()));
}

pub(super) fn take_coverage() -> BTreeSet<&'static str> {
    COVERAGE.with(|c| c.borrow_mut().take().unwrap_or_default())
}

/// Calls an exported function, recording its name in the coverage set.
macro_rules! ffi {
    ($f:ident ( $($a:expr),* $(,)? )) => {{
        $crate::fuzz::ffi::harness::note(stringify!($f));
        $f($($a),*)
    }};
}
pub(super) use ffi;

pub(super) fn name_of(code: i32) -> String {
    // SAFETY: cookieprefs_status_str returns a static NUL-terminated string.
    unsafe { CStr::from_ptr(cookieprefs_status_str(code)) }
        .to_str()
        .expect("status names are UTF-8")
        .to_owned()
}

/// The name `cookieprefs_status_str` gives a code it does not know.
pub(super) fn unknown_name() -> String {
    name_of(-1)
}

/// Whether a raw code is a documented status a call may return: a core
/// error kind (`1..=Error::KINDS.len()`, named as the core names it), `OK`,
/// or a condition of the ABI that `cookieprefs_status_str` names (100 and
/// up); never `PANIC` (a caught bug) nor `OTHER` (a kind this build of the
/// core does not have).
pub(super) fn documented_code(code: i64) -> bool {
    let kinds = Error::KINDS.len() as i64;
    let Ok(c) = i32::try_from(code) else {
        return false;
    };
    match code {
        0 => true,
        1.. if code <= kinds => name_of(c) == Error::KINDS[code as usize - 1],
        100.. => c != S::Panic as i32 && c != S::Other as i32 && name_of(c) != unknown_name(),
        _ => false,
    }
}

pub(super) fn check_status(call: &str, s: S) -> S {
    assert!(
        documented_code(s as i64),
        "{call}: undocumented or panic status {s:?}"
    );
    s
}

/// Checks `s` against what the call must give: one of `abi` (the statuses
/// the arguments cause; any of them, the order of checks is not part of the
/// contract) when there are some, else the core's result.
pub(super) fn expect(call: &str, s: S, abi: &[S], core: Result<(), &Error>) {
    check_status(call, s);
    if !abi.is_empty() {
        let core_too = core.is_err_and(|e| name_of(s as i32) == e.kind());
        assert!(
            abi.contains(&s) || core_too,
            "{call}: {s:?}, expected one of {abi:?} or {core:?}"
        );
        return;
    }
    match core {
        Ok(()) => assert_eq!(s, S::Ok, "{call}"),
        Err(e) => assert_eq!(name_of(s as i32), e.kind(), "{call}: {s:?} vs {e:?}"),
    }
}

/// The statuses a list of argument problems gives.
pub(super) fn problems(list: &[(bool, S)]) -> Vec<S> {
    list.iter().filter(|(bad, _)| *bad).map(|&(_, s)| s).collect()
}

// ---------------------------------------------------------------- out slots

/// Garbage an out-parameter holds before each call.
pub(super) const GARBAGE: u64 = 0xA5A5_A5A5_A5A5_A5A5;

/// An out-parameter slot of 8 bytes pre-filled with garbage; the library
/// writes a `T` at its start. Read back as the raw integer of `T`'s size
/// (never as a `bool` or an enum, which garbage would make invalid).
pub(super) struct Slot {
    mem: u64,
    null: bool,
}

impl Slot {
    /// A slot; NULL when `null`.
    pub(super) fn new(null: bool) -> Slot {
        Slot { mem: GARBAGE, null }
    }
    pub(super) fn ptr<T>(&mut self) -> *mut T {
        assert!(size_of::<T>() <= 8);
        if self.null {
            null_mut()
        } else {
            (&mut self.mem as *mut u64).cast()
        }
    }
    /// The first `size_of::<T>()` bytes as an unsigned integer.
    pub(super) fn get<T>(&self) -> u64 {
        let b = self.mem.to_ne_bytes();
        match size_of::<T>() {
            1 => u64::from(b[0]),
            2 => u64::from(u16::from_ne_bytes([b[0], b[1]])),
            4 => u64::from(u32::from_ne_bytes([b[0], b[1], b[2], b[3]])),
            8 => self.mem,
            n => unreachable!("slot of {n} bytes"),
        }
    }
    /// The handle a call wrote into the slot, read as a pointer so that it
    /// keeps its provenance (an integer round trip would lose it, which Miri
    /// with strict provenance refuses).
    pub(super) fn handle<T>(&self) -> *mut T {
        // SAFETY: the slot is 8 aligned, initialized bytes; a pointer-sized
        // read of them is a valid `*mut T` (possibly garbage, never
        // dereferenced unless the call that wrote it succeeded).
        unsafe { (&self.mem as *const u64).cast::<*mut T>().read() }
    }
    /// After a failed call: holds `closed` (its fail-closed value), or is
    /// untouched when NULL was passed.
    pub(super) fn closed<T>(&self, call: &str, s: S, closed: u64) {
        if self.null {
            assert_eq!(self.mem, GARBAGE);
        } else {
            assert_eq!(
                self.get::<T>(),
                closed,
                "{call}: out-parameter after {s:?} is not fail-closed"
            );
        }
    }
    /// The slot must have been written (not garbage) on success.
    pub(super) fn is_null(&self) -> bool {
        self.null
    }
}

// ------------------------------------------------------------------ bytes

/// Bytes the harness passes as `(ptr, len)`: sometimes NULL, sometimes NULL
/// with a non-zero length (`NULL_ARGUMENT`, not a read), sometimes a
/// dangling non-NULL pointer with a length above `PTRDIFF_MAX`
/// (`LENGTH_TOO_LARGE`, and a read would crash).
pub(super) struct Bytes {
    pub(super) data: Vec<u8>,
    pub(super) null: bool,
    pub(super) huge: Option<usize>,
}

impl Bytes {
    pub(super) fn read(input: &mut Input) -> Bytes {
        let sel = input.u8();
        let data = input.bytes(usize::from(input_len(sel))).to_vec();
        Bytes {
            data,
            null: sel % 16 == 15,
            // isize::MAX + 1 up to usize::MAX: every length no object can have.
            huge: (sel % 32 == 14)
                .then(|| usize::MAX - usize::from(sel) * 0x0101_0101 % (isize::MAX as usize)),
        }
    }
    pub(super) fn of(data: &[u8]) -> Bytes {
        Bytes {
            data: data.to_vec(),
            null: false,
            huge: None,
        }
    }
    pub(super) fn ptr(&self) -> *const u8 {
        if self.huge.is_some() {
            NonNull::<u8>::dangling().as_ptr()
        } else if self.null {
            null()
        } else {
            self.data.as_ptr()
        }
    }
    pub(super) fn len(&self) -> usize {
        self.huge.unwrap_or(self.data.len())
    }
    /// What the library sees: `Err` for the status the bytes themselves
    /// cause, `Ok(None)` for NULL with length 0, else the bytes.
    pub(super) fn view(&self) -> Result<Option<&[u8]>, S> {
        if let Some(n) = self.huge {
            assert!(n > isize::MAX as usize);
            Err(S::LengthTooLarge)
        } else if self.null && !self.data.is_empty() {
            Err(S::NullArgument)
        } else if self.null {
            Ok(None)
        } else {
            Ok(Some(&self.data))
        }
    }
    /// As [`Bytes::view`], NULL with length 0 being empty bytes.
    pub(super) fn slice(&self) -> Result<&[u8], S> {
        self.view().map(|v| v.unwrap_or(&[]))
    }
    /// The status the bytes cause, if any (for [`problems`]).
    pub(super) fn problem(&self) -> (bool, S) {
        match self.view() {
            Err(s) => (true, s),
            Ok(_) => (false, S::Ok),
        }
    }
}

pub(super) fn input_len(sel: u8) -> u8 {
    // Mostly around the lengths a value has, sometimes up to 120.
    match sel % 4 {
        0 => 11 + sel / 4 % 4,
        1 => sel / 4 % 60,
        _ => sel / 2 % 121,
    }
}

// ------------------------------------------------------------------ buffers

/// A caller buffer of `cap` bytes, with guard bytes after it, and the
/// `*written` slot (pre-filled with garbage, sometimes NULL).
pub(super) struct Buf {
    pub(super) mem: Vec<u8>,
    pub(super) cap: usize,
    pub(super) null: bool,
    pub(super) written: Slot,
}

pub(super) const FILL: u8 = 0xA5;

impl Buf {
    pub(super) fn read(input: &mut Input) -> Buf {
        let sel = input.u8();
        let cap = match sel % 4 {
            0 => 0,
            1 => usize::from(sel / 4) % 20,
            2 => 60 + usize::from(sel / 4) % 80,
            _ => 600,
        };
        Buf {
            mem: vec![FILL; cap + 16],
            cap,
            null: sel == 255 || sel == 0x80,
            written: Slot::new(sel == 0xFE),
        }
    }
    pub(super) fn ptr(&mut self) -> *mut u8 {
        if self.null {
            null_mut()
        } else {
            self.mem.as_mut_ptr()
        }
    }
    pub(super) fn written(&mut self) -> *mut usize {
        self.written.ptr()
    }
}

/// Checks a call that writes text into a caller buffer: on success the text
/// (`want`), NUL-terminated, nothing past it; on `BUFFER_TOO_SMALL` an empty
/// string (cap > 0) and the capacity needed in `*written`; on any other
/// failure an empty string (cap > 0) and `*written` 0.
pub(super) fn check_text(call: &str, s: S, buf: &Buf, want: Option<&[u8]>) {
    let written = buf.written.get::<usize>() as usize;
    let rest_untouched = |from: usize| buf.mem[from..].iter().all(|&b| b == FILL);
    match s {
        S::Ok => {
            let n = written;
            assert!(n < buf.cap, "{call}: {n} bytes + NUL in a buffer of {}", buf.cap);
            assert_eq!(buf.mem[n], 0, "{call}: not NUL-terminated");
            assert!(!buf.mem[..n].contains(&0), "{call}: NUL inside the text");
            assert!(rest_untouched(n + 1), "{call}: wrote past the text");
            if let Some(w) = want {
                assert_eq!(&buf.mem[..n], w, "{call}");
            }
        }
        _ => {
            if buf.cap > 0 && !buf.null {
                assert_eq!(buf.mem[0], 0, "{call}: no empty string in the buffer on {s:?}");
                assert!(
                    rest_untouched(1),
                    "{call}: buffer written past the empty string on {s:?}"
                );
            } else {
                assert!(rest_untouched(0), "{call}: buffer written on {s:?}");
            }
            if s == S::BufferTooSmall {
                assert!(!buf.written.is_null());
                assert!(written > buf.cap, "{call}: needed {written}, cap {}", buf.cap);
                if let Some(w) = want {
                    assert_eq!(written, w.len() + 1, "{call}: capacity needed");
                }
            } else {
                buf.written.closed::<usize>(call, s, 0);
            }
        }
    }
}

/// The statuses a text call's buffer arguments cause, given the text it
/// would write (`None`: the call fails before writing).
pub(super) fn text_problems(buf: &Buf, want: Option<&[u8]>) -> Vec<S> {
    let mut v = Vec::new();
    if buf.written.is_null() {
        v.push(S::NullArgument);
    }
    if let Some(w) = want {
        if buf.cap < w.len() + 1 {
            v.push(S::BufferTooSmall);
        } else if buf.null {
            v.push(S::NullArgument);
        }
    }
    v
}

// ------------------------------------------------------------------ handles

/// Live handles, each with the Rust value it must behave as; the harness
/// only ever passes these or NULL.
#[derive(Default)]
pub(super) struct Handles {
    pub(super) prefs: Vec<*mut cookieprefs_preferences>,
    pub(super) policies: Vec<(*mut cookieprefs_policy, Policy)>,
    pub(super) evals: Vec<(*mut cookieprefs_evaluation, Evaluation)>,
    /// The last `cookieprefs_error` an `_ex` call wrote.
    pub(super) last_err: Option<cookieprefs_error>,
}

pub(super) const MAX_HANDLES: usize = 4;

/// A handle (and its shadow) or NULL.
pub(super) fn pick<T, V: Clone>(v: &[(*mut T, V)], sel: u8) -> (*mut T, Option<V>) {
    if v.is_empty() || sel % 8 == 7 {
        (null_mut(), None)
    } else {
        let (p, s) = &v[usize::from(sel) % v.len()];
        (*p, Some(s.clone()))
    }
}

pub(super) fn pick_prefs(v: &[*mut cookieprefs_preferences], sel: u8) -> *mut cookieprefs_preferences {
    if v.is_empty() || sel % 8 == 7 {
        null_mut()
    } else {
        v[usize::from(sel) % v.len()]
    }
}

pub(super) fn keep<T, V>(v: &mut Vec<(*mut T, V)>, p: *mut T, shadow: V, free: unsafe extern "C" fn(*mut T)) {
    assert!(!p.is_null());
    if v.len() >= MAX_HANDLES {
        // SAFETY: a live handle of this kind, removed from the list as it is freed.
        unsafe { free(v.remove(0).0) };
    }
    v.push((p, shadow));
}

pub(super) fn keep_prefs(v: &mut Vec<*mut cookieprefs_preferences>, p: *mut cookieprefs_preferences) {
    assert!(!p.is_null());
    if v.len() >= MAX_HANDLES {
        // SAFETY: a live handle, removed from the list as it is freed.
        unsafe { cookieprefs_preferences_free(v.remove(0)) };
    }
    v.push(p);
}

impl Drop for Handles {
    fn drop(&mut self) {
        // SAFETY: each is a live handle, freed once.
        unsafe {
            self.prefs.drain(..).for_each(|p| cookieprefs_preferences_free(p));
            self.policies.drain(..).for_each(|p| cookieprefs_policy_free(p.0));
            self.evals
                .drain(..)
                .for_each(|p| cookieprefs_evaluation_free(p.0));
        }
    }
}

/// The value a live handle holds, through the C ABI (`None` for NULL).
pub(super) fn value_of(p: *const cookieprefs_preferences) -> Option<Preferences> {
    if p.is_null() {
        return None;
    }
    let mut buf = [0u8; COOKIEPREFS_MAX_ENCODED_LEN + 1];
    let mut n = 0;
    // SAFETY: a live handle and a buffer of the size passed.
    let s = unsafe { cookieprefs_preferences_encode(p, buf.as_mut_ptr(), buf.len(), &mut n) };
    assert_eq!(s, S::Ok);
    let v = cookieprefs::decode(&buf[..n]).expect("a handle holds a valid value");
    Some(v)
}

/// A new handle holding `v` (through the C ABI).
pub(super) fn handle_of(v: &Preferences) -> *mut cookieprefs_preferences {
    let e = v.encode();
    let mut out = null_mut();
    // SAFETY: `e` is `e.len()` readable bytes; `out` is ours.
    let s = unsafe { cookieprefs_preferences_decode(e.as_ptr(), e.len(), &mut out) };
    assert_eq!(s, S::Ok);
    out
}

// ------------------------------------------------------------ error detail

/// A `cookieprefs_error` full of garbage, for `_ex` calls to overwrite.
pub(super) fn garbage_error() -> cookieprefs_error {
    cookieprefs_error {
        status: S::Panic,
        offset: 0x5A5A,
        a: 0x5A5A,
        b: 0x5A5A,
        c: 0x5A5A,
        message: [0x5A; COOKIEPREFS_ERROR_MESSAGE_CAP],
    }
}

pub(super) fn message(e: &cookieprefs_error) -> String {
    let bytes: Vec<u8> = e
        .message
        .iter()
        .map(|&c| c as u8)
        .take_while(|&b| b != 0)
        .collect();
    assert!(
        bytes.len() < COOKIEPREFS_ERROR_MESSAGE_CAP,
        "message not NUL-terminated"
    );
    String::from_utf8(bytes).expect("messages are UTF-8")
}

/// Checks the detail an `_ex` call (or `value_error`) wrote for status `s`:
/// OK with nothing in it; a core error with the core's `Display` text (cut
/// to the cap at a UTF-8 boundary); an ABI condition with a short fixed text.
pub(super) fn check_detail(call: &str, s: S, e: &cookieprefs_error, core: Option<&Error>) {
    assert_eq!(e.status, s, "{call}: detail status");
    let m = message(e);
    if s == S::Ok {
        assert_eq!(
            (e.offset, e.a, e.b, e.c, m.as_str()),
            (-1, 0, 0, 0, ""),
            "{call}: detail of OK"
        );
        return;
    }
    match core {
        Some(err) => {
            assert_eq!(name_of(s as i32), err.kind(), "{call}");
            let full = err.to_string();
            let mut end = full.len().min(COOKIEPREFS_ERROR_MESSAGE_CAP - 1);
            while !full.is_char_boundary(end) {
                end -= 1;
            }
            assert_eq!(m, full[..end], "{call}: message is not the core's Display");
        }
        None => assert!(!m.is_empty(), "{call}: no message for {s:?}"),
    }
}

/// A status read back from memory as a raw code.
pub(super) fn raw_status_name(raw: u64) -> String {
    assert!(documented_code(raw as i64), "status {raw} is not documented");
    name_of(raw as i32)
}

pub(super) fn c_string(bytes: &[u8]) -> std::ffi::CString {
    std::ffi::CString::new(bytes.iter().copied().filter(|&b| b != 0).collect::<Vec<u8>>())
        .expect("NULs removed")
}

pub(super) fn maybe_null(s: &std::ffi::CStr, is_null: bool) -> *const c_char {
    if is_null {
        null()
    } else {
        s.as_ptr()
    }
}

const DECLARATION: &str = r#"{"revision":1,"languages":["fr","en"],"categories":[{"id":1,"name":"statistics","label":{"fr":"Mesure d'audience","en":"Audience"}},{"id":2,"name":"first_party"},{"id":3,"name":"third_party","description":{"en":"Embeds & <videos>"}}],"cookies":[{"name":"sessionid","category":"necessary","provider":"ODS","purpose":{"fr":"Session","en":"Session"},"retention":14},{"name":"_pk_id.*","category":"statistics","provider":"Matomo","domain":".example.org","retention":393},{"name":"_pk_id.9.*","category":"first_party","path":"/portal","retention":"session"},{"name":"embed_visitor","category":"third_party","service":{"en":"Video | embeds"}}]}"#;

pub(super) fn preset_json(i: u8) -> String {
    match i % 7 {
        0 => r#"{"revision":0}"#.into(),
        1 => r#"{"revision":3,"categories":[{"id":1,"name":"statistics"},{"id":3,"name":"third_party","since_revision":3},{"id":16,"name":"youtube"}],"gpc_categories":["third_party","youtube"]}"#.into(),
        2 => r#"{"revision":1,"categories":[],"cookie":{"name":"cp","domain":null,"path":"/","secure":true,"http_only":false,"same_site":"Strict"}}"#.into(),
        3 => r#"{"revision":2,"max_age_days":{"granted":30,"denied":395}}"#.into(),
        4 => r#"{"revision":1,"categories":[{"id":16,"name":"Bad"}]}"#.into(),
        // A declaration: texts in two languages, exact names, nested
        // patterns, a domain and a path, the consent cookie left to the library.
        5 => DECLARATION.into(),
        _ => DECLARATION.replacen('{', r#"{"undeclared":"block","#, 1),
    }
}
