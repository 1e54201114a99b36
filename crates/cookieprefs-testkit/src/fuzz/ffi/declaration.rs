//! `ffi` operations: The declaration (classification, the declared cookies,
//! texts, the page) and enforcement (cookies allowed, `Set-Cookie` headers
//! kept, the cookies to clear one at a time), each checked against the
//! core: `Policy::classify`, `Policy::cookies`, `Policy::texts`,
//! `Policy::page`, `Evaluation::cookie_allowed`, `set_cookie_allowed` and
//! `deletion_headers`.

use cookieprefs::{DeclaredCookie, PageFormat};

use super::*;

/// Cookie names around the declaration presets (`preset_json` 5 and 6):
/// exact names, names under a pattern and under the longer one, the
/// consent cookie, `__Host-`/`__Secure-` names, undeclared and odd ones.
const NAMES: [&str; 14] = [
    "sessionid",
    "_pk_id.1.ab",
    "_pk_id.9.x",
    "_pk_id.",
    "_pk_id",
    "embed_visitor",
    "cookies_preferences",
    "cp",
    "__Host-x",
    "__Secure-y",
    "other",
    "SESSIONID",
    " _pk_id.1.ab ",
    "",
];

/// A cookie name: one of [`NAMES`], or bytes (sometimes NULL or huge).
fn name(input: &mut Input) -> Bytes {
    match input.u8() % 4 {
        0 => Bytes::read(input),
        _ => Bytes::of(NAMES[usize::from(input.u8()) % NAMES.len()].as_bytes()),
    }
}

/// A `Cookie:` header of up to six pairs with names from [`NAMES`] (with
/// and without `=`, odd separators, repeats), or bytes.
fn cookie_header(input: &mut Input) -> Bytes {
    if input.u8() % 4 == 0 {
        return Bytes::read(input);
    }
    let mut h = Vec::new();
    for i in 0..input.u8() % 7 {
        if i > 0 {
            h.extend_from_slice([&b"; "[..], b";", b" ; ", b";\t"][usize::from(input.u8() % 4)]);
        }
        let sel = input.u8();
        h.extend_from_slice(NAMES[usize::from(sel) % NAMES.len()].as_bytes());
        if sel < 0xE0 {
            h.push(b'=');
            let n = usize::from(input.u8() % 6);
            h.extend_from_slice(input.bytes(n));
        }
    }
    Bytes::of(&h)
}

/// A `Set-Cookie` header: a name of [`NAMES`] with attributes that delete
/// it or not, or bytes.
fn set_cookie_line(input: &mut Input) -> Bytes {
    if input.u8() % 4 == 0 {
        return Bytes::read(input);
    }
    const ATTRS: [&str; 8] = [
        "; Max-Age=0",
        "; Max-Age=-1",
        "; Max-Age=33955200",
        "; Max-Age=x",
        "; Expires=Thu, 01 Jan 1970 00:00:00 GMT",
        "; Expires=Wed, 24 Nov 2027 10:00:00 GMT",
        "; Path=/; Secure",
        "; expires=garbage",
    ];
    let mut l = String::new();
    if input.bool() {
        l.push_str("Set-Cookie: ");
    }
    l.push_str(NAMES[usize::from(input.u8()) % NAMES.len()]);
    l.push_str("=v");
    for _ in 0..input.u8() % 3 {
        l.push_str(ATTRS[usize::from(input.u8()) % ATTRS.len()]);
    }
    Bytes::of(l.as_bytes())
}

/// A language tag (NUL-terminated), sometimes not UTF-8, sometimes NULL.
fn language(input: &mut Input) -> (std::ffi::CString, bool) {
    let tag = match input.u8() % 4 {
        0 => {
            let n = usize::from(input.u8() % 8);
            c_string(input.bytes(n))
        }
        _ => c_string(
            ["fr", "en", "en-GB", "fr_CA", "de", "", "EN", "f\u{e9}"][usize::from(input.u8() % 8)].as_bytes(),
        ),
    };
    (tag, null_sel(input))
}

/// The statuses a language argument causes, and the tag when it has none.
fn language_problems(tag: &std::ffi::CStr, null: bool) -> (Vec<S>, Option<&str>) {
    match (null, tag.to_str()) {
        (true, _) => (vec![S::NullArgument], None),
        (false, Err(_)) => (vec![S::InvalidUtf8], None),
        (false, Ok(t)) => (Vec::new(), Some(t)),
    }
}

/// An index among the declared cookies: mostly small, sometimes any `u32`.
fn index(input: &mut Input) -> u32 {
    match input.u8() % 4 {
        0 => u32::from_le_bytes([input.u8(), input.u8(), input.u8(), input.u8()]),
        _ => u32::from(input.u8() % 8),
    }
}

/// An enum code: mostly below `n`, sometimes any `u32`.
fn code(input: &mut Input, n: u8) -> u32 {
    match input.u8() % 4 {
        0 => u32::from_le_bytes([input.u8(), input.u8(), input.u8(), input.u8()]),
        _ => u32::from(input.u8() % (n + 1)),
    }
}

/// Checks a text call: `abi` are the statuses the arguments other than the
/// buffer cause, `core` the core's error for them; when there are neither,
/// `want` is the text.
fn text_result(call: &str, s: S, buf: &Buf, abi: Vec<S>, core: Option<&Error>, want: Option<&[u8]>) {
    let want = if abi.is_empty() && core.is_none() {
        want
    } else {
        None
    };
    let mut all = abi;
    all.extend(text_problems(buf, want));
    expect(call, s, &all, core.map_or(Ok(()), Err));
    check_text(call, s, buf, want);
}

/// The index of a declaration in its policy.
fn index_of(policy: &Policy, d: &DeclaredCookie) -> u32 {
    policy
        .cookies()
        .iter()
        .position(|c| std::ptr::eq(c, d))
        .expect("a declaration of the policy") as u32
}

pub(super) fn op_policy_classify(input: &mut Input, h: &mut Handles) {
    let (p, policy) = pick(&h.policies, input.u8());
    let n = name(input);
    let (null_c, null_i) = (null_sel(input), null_sel(input));
    let (mut c, mut i) = (Slot::new(null_c), Slot::new(null_i));
    // SAFETY: NULL or a live handle; `n` as its ptr/len say; the slots are ours.
    let s = unsafe {
        ffi!(cookieprefs_policy_classify(
            p,
            n.ptr(),
            n.len(),
            c.ptr::<u8>(),
            i.ptr::<u32>()
        ))
    };
    let found = match (&policy, n.slice()) {
        (Some(pol), Ok(b)) => pol.classify(b).map(|d| (d.category().id(), index_of(pol, d))),
        _ => None,
    };
    let abi = problems(&[
        (p.is_null(), S::NullArgument),
        n.problem(),
        (null_c, S::NullArgument),
        (null_i, S::NullArgument),
        (found.is_none(), S::NotFound),
    ]);
    expect("policy_classify", s, &abi, Ok(()));
    if s == S::Ok {
        let (cat, idx) = found.unwrap();
        assert_eq!(c.get::<u8>(), u64::from(cat), "policy_classify: category");
        assert_eq!(i.get::<u32>(), u64::from(idx), "policy_classify: index");
    } else {
        c.closed::<u8>("policy_classify", s, u64::from(COOKIEPREFS_NO_CATEGORY));
        i.closed::<u32>("policy_classify", s, u64::from(COOKIEPREFS_NO_COOKIE));
    }
}

pub(super) fn op_policy_cookie_count(input: &mut Input, h: &mut Handles) {
    let (p, policy) = pick(&h.policies, input.u8());
    let null_out = null_sel(input);
    let mut out = Slot::new(null_out);
    // SAFETY: NULL or a live handle; the slot is ours.
    let s = unsafe { ffi!(cookieprefs_policy_cookie_count(p, out.ptr::<u32>())) };
    getter::<u32>(
        "policy_cookie_count",
        s,
        &out,
        &[(p.is_null(), S::NullArgument), (null_out, S::NullArgument)],
        Ok(policy.map_or(0, |p| p.cookies().len() as u64)),
        0,
    );
}

pub(super) fn op_policy_cookie_category(input: &mut Input, h: &mut Handles) {
    let (p, policy) = pick(&h.policies, input.u8());
    let idx = index(input);
    let null_out = null_sel(input);
    let mut out = Slot::new(null_out);
    // SAFETY: NULL or a live handle; the slot is ours.
    let s = unsafe { ffi!(cookieprefs_policy_cookie_category(p, idx, out.ptr::<u8>())) };
    let found = policy
        .as_ref()
        .and_then(|pol| pol.cookies().get(idx as usize))
        .map(|d| d.category().id());
    getter::<u8>(
        "policy_cookie_category",
        s,
        &out,
        &[
            (p.is_null(), S::NullArgument),
            (null_out, S::NullArgument),
            (found.is_none(), S::NotFound),
        ],
        Ok(found.map_or(0, u64::from)),
        u64::from(COOKIEPREFS_NO_CATEGORY),
    );
}

pub(super) fn op_policy_language(input: &mut Input, h: &mut Handles) {
    let (p, policy) = pick(&h.policies, input.u8());
    let (tag, null_tag) = language(input);
    let mut buf = Buf::read(input);
    // SAFETY: NULL or a live handle; `tag` NUL-terminated or NULL; the buffer is `cap` bytes (or NULL).
    let s = unsafe {
        ffi!(cookieprefs_policy_language(
            p,
            maybe_null(&tag, null_tag),
            buf.ptr(),
            buf.cap,
            buf.written()
        ))
    };
    let (mut abi, t) = language_problems(&tag, null_tag);
    abi.extend(problems(&[(p.is_null(), S::NullArgument)]));
    let want = policy
        .as_ref()
        .zip(t)
        .map(|(pol, t)| pol.texts(t).language().as_bytes().to_vec());
    text_result("policy_language", s, &buf, abi, None, want.as_deref());
}

pub(super) fn op_policy_category_text(input: &mut Input, h: &mut Handles) {
    let (p, policy) = pick(&h.policies, input.u8());
    let (tag, null_tag) = language(input);
    let id = match input.u8() % 4 {
        0 => input.u8(),
        _ => [0, 1, 2, 3, 16, 63][usize::from(input.u8() % 6)],
    };
    let which = code(input, 1);
    let mut buf = Buf::read(input);
    // SAFETY: NULL or a live handle; `tag` NUL-terminated or NULL; the buffer is `cap` bytes (or NULL).
    let s = unsafe {
        ffi!(cookieprefs_policy_category_text(
            p,
            maybe_null(&tag, null_tag),
            id,
            which,
            buf.ptr(),
            buf.cap,
            buf.written()
        ))
    };
    let (mut abi, t) = language_problems(&tag, null_tag);
    abi.extend(problems(&[
        (p.is_null(), S::NullArgument),
        (Category::new(id).is_err(), S::InvalidCategory),
        (which > 1, S::UnknownName),
    ]));
    // `necessary` or an offered category: the core's rule for a name.
    let resolved = policy.as_ref().map(|pol| pol.resolve(&id.to_string()));
    let core = resolved.as_ref().and_then(|r| r.as_ref().err());
    let want = match (&policy, t, resolved.as_ref().and_then(|r| r.as_ref().ok())) {
        (Some(pol), Some(t), Some(&c)) => {
            let texts = pol.texts(t);
            Some(
                if which == 0 {
                    texts.label(c)
                } else {
                    texts.description(c)
                }
                .as_bytes()
                .to_vec(),
            )
        }
        _ => None,
    };
    text_result("policy_category_text", s, &buf, abi, core, want.as_deref());
}

pub(super) fn op_policy_cookie_text(input: &mut Input, h: &mut Handles) {
    let (p, policy) = pick(&h.policies, input.u8());
    let (tag, null_tag) = language(input);
    let idx = index(input);
    let field = code(input, 6);
    let mut buf = Buf::read(input);
    // SAFETY: NULL or a live handle; `tag` NUL-terminated or NULL; the buffer is `cap` bytes (or NULL).
    let s = unsafe {
        ffi!(cookieprefs_policy_cookie_text(
            p,
            maybe_null(&tag, null_tag),
            idx,
            field,
            buf.ptr(),
            buf.cap,
            buf.written()
        ))
    };
    let (mut abi, t) = language_problems(&tag, null_tag);
    let declared = policy.as_ref().and_then(|pol| pol.cookies().get(idx as usize));
    abi.extend(problems(&[
        (p.is_null(), S::NullArgument),
        (policy.is_some() && declared.is_none(), S::NotFound),
        (field > 6, S::UnknownName),
    ]));
    let want = match (&policy, t, declared) {
        (Some(pol), Some(t), Some(d)) if field <= 6 => {
            let texts = pol.texts(t);
            Some(match field {
                0 => d.name().to_owned(),
                1 => texts.provider(d).to_owned(),
                2 => texts.service(d).to_owned(),
                3 => texts.purpose(d).to_owned(),
                4 => texts.retention(d.retention_period()),
                5 => d.domain_attribute().unwrap_or("").to_owned(),
                _ => d.path_attribute().to_owned(),
            })
        }
        _ => None,
    };
    text_result(
        "policy_cookie_text",
        s,
        &buf,
        abi,
        None,
        want.as_ref().map(String::as_bytes),
    );
}

pub(super) fn op_policy_page(input: &mut Input, h: &mut Handles) {
    let (p, policy) = pick(&h.policies, input.u8());
    let (tag, null_tag) = language(input);
    let format = code(input, 2);
    let (mut abi, t) = language_problems(&tag, null_tag);
    let formats = [PageFormat::Markdown, PageFormat::Html, PageFormat::HtmlDocument];
    let f = formats.get(format as usize).copied();
    abi.extend(problems(&[
        (p.is_null(), S::NullArgument),
        (f.is_none(), S::UnknownName),
    ]));
    let want = match (&policy, t, f) {
        (Some(pol), Some(t), Some(f)) => Some(pol.page(t, f).into_bytes()),
        _ => None,
    };
    // A page is long: a buffer that fits it, or one of the usual sizes.
    let mut buf = match (&want, input.u8() % 3) {
        (Some(w), 0) => Buf {
            mem: vec![FILL; w.len() + 1 + 16],
            cap: w.len() + 1,
            null: false,
            written: Slot::new(false),
        },
        _ => Buf::read(input),
    };
    // SAFETY: NULL or a live handle; `tag` NUL-terminated or NULL; the buffer is `cap` bytes (or NULL).
    let s = unsafe {
        ffi!(cookieprefs_policy_page(
            p,
            maybe_null(&tag, null_tag),
            format,
            buf.ptr(),
            buf.cap,
            buf.written()
        ))
    };
    text_result("policy_page", s, &buf, abi, None, want.as_deref());
}

/// `cookie_allowed` (a name) or `set_cookie_allowed` (a header line).
fn enforce(input: &mut Input, h: &mut Handles, line: bool) {
    let (e, shadow) = pick(&h.evals, input.u8());
    let b = if line { set_cookie_line(input) } else { name(input) };
    let null_out = null_sel(input);
    let mut out = Slot::new(null_out);
    // SAFETY: NULL or a live handle; `b` as its ptr/len say; the slot is ours.
    let s = unsafe {
        if line {
            ffi!(cookieprefs_evaluation_set_cookie_allowed(
                e,
                b.ptr(),
                b.len(),
                out.ptr::<bool>()
            ))
        } else {
            ffi!(cookieprefs_evaluation_cookie_allowed(
                e,
                b.ptr(),
                b.len(),
                out.ptr::<bool>()
            ))
        }
    };
    let model = match (&shadow, b.slice()) {
        (Some(ev), Ok(bytes)) if line => ev.set_cookie_allowed(bytes),
        (Some(ev), Ok(bytes)) => ev.cookie_allowed(bytes),
        _ => false,
    };
    let call = if line {
        "evaluation_set_cookie_allowed"
    } else {
        "evaluation_cookie_allowed"
    };
    getter::<bool>(
        call,
        s,
        &out,
        &[
            (e.is_null(), S::NullArgument),
            b.problem(),
            (null_out, S::NullArgument),
        ],
        Ok(u64::from(model)),
        0,
    );
}

pub(super) fn op_eval_cookie_allowed(input: &mut Input, h: &mut Handles) {
    enforce(input, h, false);
}

pub(super) fn op_eval_set_cookie_allowed(input: &mut Input, h: &mut Handles) {
    enforce(input, h, true);
}

/// One call of `cookieprefs_evaluation_next_cookie_to_clear`.
///
/// # Safety
/// `e` NULL or a live handle; `hd` as its ptr/len say.
unsafe fn next_to_clear(
    e: *const cookieprefs_evaluation,
    hd: &Bytes,
    cursor: *mut usize,
    buf: &mut Buf,
) -> S {
    // SAFETY: by the contract; the buffer is `cap` bytes (or NULL).
    unsafe {
        ffi!(cookieprefs_evaluation_next_cookie_to_clear(
            e,
            hd.ptr(),
            hd.len(),
            cursor,
            buf.ptr(),
            buf.cap,
            buf.written()
        ))
    }
}

/// The first call, with the buffer and cursor pointer the input gives, is
/// checked like any text call; then, when the arguments are good, the whole
/// iteration (a short buffer first at every step, which must not move the
/// cursor, then one of the size asked) must give the core's
/// `deletion_headers`, in order, and a cursor past the end nothing.
pub(super) fn op_eval_next_cookie_to_clear(input: &mut Input, h: &mut Handles) {
    let (e, shadow) = pick(&h.evals, input.u8());
    let hd = cookie_header(input);
    let null_cursor = null_sel(input);
    let mut buf = Buf::read(input);
    let mut cursor = 0usize;
    let cursor_ptr: *mut usize = if null_cursor { null_mut() } else { &mut cursor };
    // SAFETY: NULL or a live handle; `hd` as its ptr/len say; the cursor is ours (or NULL).
    let s = unsafe { next_to_clear(e, &hd, cursor_ptr, &mut buf) };
    let want = match (&shadow, hd.slice()) {
        (Some(ev), Ok(b)) => Some(ev.deletion_headers(b)),
        _ => None,
    };
    let first = want.as_ref().and_then(|w| w.first()).map(String::as_bytes);
    let abi = problems(&[
        (e.is_null(), S::NullArgument),
        hd.problem(),
        (null_cursor, S::NullArgument),
        (want.as_ref().is_some_and(Vec::is_empty), S::NotFound),
    ]);
    text_result("evaluation_next_cookie_to_clear", s, &buf, abi, None, first);
    let len = hd.slice().map_or(0, <[u8]>::len);
    if s == S::Ok {
        assert!(
            cursor > 0 && cursor <= len,
            "next_cookie_to_clear: cursor {cursor} of {len}"
        );
    } else {
        assert_eq!(cursor, 0, "next_cookie_to_clear: the cursor moved on {s:?}");
    }
    let Some(want) = want else { return };
    let small = usize::from(input.u8() % 100);
    let (mut got, mut cursor) = (Vec::new(), 0usize);
    loop {
        let before = cursor;
        let mut short = Buf {
            mem: vec![FILL; small + 16],
            cap: small,
            null: false,
            written: Slot::new(false),
        };
        // SAFETY: a live handle; `hd` as its ptr/len say; the cursor and buffer are ours.
        let s = unsafe { next_to_clear(e, &hd, &mut cursor, &mut short) };
        let mut full = match s {
            S::NotFound => break,
            S::Ok => short,
            S::BufferTooSmall => {
                assert_eq!(
                    cursor, before,
                    "next_cookie_to_clear: a short buffer moved the cursor"
                );
                let needed = short.written.get::<usize>() as usize;
                let mut full = Buf {
                    mem: vec![FILL; needed + 16],
                    cap: needed,
                    null: false,
                    written: Slot::new(false),
                };
                // SAFETY: as above.
                let s = unsafe { next_to_clear(e, &hd, &mut cursor, &mut full) };
                assert_eq!(s, S::Ok, "next_cookie_to_clear: with the capacity it asked for");
                assert_eq!(full.written.get::<usize>() as usize, needed - 1);
                full
            }
            s => panic!("next_cookie_to_clear: {s:?} on good arguments"),
        };
        assert!(
            cursor > before && cursor <= len,
            "next_cookie_to_clear: cursor {before} -> {cursor}"
        );
        let n = full.written.get::<usize>() as usize;
        got.push(String::from_utf8(full.mem.drain(..n).collect()).expect("a deletion header is text"));
        assert!(
            got.len() <= want.len(),
            "next_cookie_to_clear: more than {want:?}"
        );
    }
    assert_eq!(got, want, "next_cookie_to_clear: not the core's deletion headers");
    // At or past the end: nothing, the cursor unchanged.
    for end in [len, len + 1 + usize::from(input.u8())] {
        let mut c = end;
        let mut buf = Buf {
            mem: vec![FILL; 64],
            cap: 48,
            null: false,
            written: Slot::new(false),
        };
        // SAFETY: as above.
        let s = unsafe { next_to_clear(e, &hd, &mut c, &mut buf) };
        assert_eq!((s, c), (S::NotFound, end), "next_cookie_to_clear: past the end");
    }
}
