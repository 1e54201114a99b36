//! Enforcing a choice (`docs/FORMAT.md` §12) from C: whether a cookie may
//! be set, whether a response keeps a `Set-Cookie` header, and the
//! deletion headers for the cookies of a request the evaluation does not
//! allow, one at a time into a caller buffer. Every answer is the core's
//! (`Evaluation::cookie_allowed`, `set_cookie_allowed`, `cookies_to_clear`);
//! nothing here allocates.

use cookieprefs::{CookieToClear, Evaluation};

use crate::boundary::{bytes, guard, handle, need, put, Fail, OutText};
use crate::evaluation::cookieprefs_evaluation;
use crate::status::cookieprefs_status;

/// May a cookie of this name (`len` bytes) be set? The consent cookie and
/// `necessary` cookies always; a declared cookie when its category is
/// granted; an undeclared one when the policy's `undeclared` setting is
/// `allow` (the default). On any failure `*allowed` is false. No allocation.
///
/// # Safety
/// `ev` must be a live handle; `name` must point to `len` readable bytes
/// (or be NULL with `len` 0); `allowed` must be valid for a write.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn cookieprefs_evaluation_cookie_allowed(
    ev: *const cookieprefs_evaluation,
    name: *const u8,
    len: usize,
    allowed: *mut bool,
) -> cookieprefs_status {
    // SAFETY: the pointers are as this function's contract says.
    unsafe {
        guard(&[&allowed], || {
            need(allowed)?;
            let e = handle(ev)?;
            put(allowed, e.inner.cookie_allowed(bytes(name, len)?))
        })
    }
}

/// May a response keep this `Set-Cookie` header (`len` bytes: its value,
/// with or without the `Set-Cookie:` name)? A header that deletes its
/// cookie (`Max-Age` of 0 or less, or no `Max-Age` and an `Expires` before
/// the evaluation's day) is always kept; any other is kept when
/// `cookieprefs_evaluation_cookie_allowed` allows its cookie. On any
/// failure `*keep` is false: drop the header. No allocation.
///
/// # Safety
/// `ev` must be a live handle; `line` must point to `len` readable bytes
/// (or be NULL with `len` 0); `keep` must be valid for a write.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn cookieprefs_evaluation_set_cookie_allowed(
    ev: *const cookieprefs_evaluation,
    line: *const u8,
    len: usize,
    keep: *mut bool,
) -> cookieprefs_status {
    // SAFETY: the pointers are as this function's contract says.
    unsafe {
        guard(&[&keep], || {
            need(keep)?;
            let e = handle(ev)?;
            put(keep, e.inner.set_cookie_allowed(bytes(line, len)?))
        })
    }
}

/// The next cookie to clear from `from` on, and the position after it:
/// the core's iterator, resumed (it looks back at the whole header, so a
/// name cleared before `from` is not given again).
fn next_to_clear<'e, 'h>(
    ev: &'e Evaluation,
    header: &'h [u8],
    from: usize,
) -> Option<(CookieToClear<'e, 'h>, usize)> {
    let mut cookies = ev.cookies_to_clear_from(header, from);
    let cookie = cookies.next()?;
    Some((cookie, cookies.position()))
}

/// The next cookie to clear from a request's `Cookie:` header (`len`
/// bytes; NULL with `len` 0: no header): a cookie the evaluation does not
/// allow (`cookieprefs_evaluation_cookie_allowed`), once per name, in
/// header order: what a withdrawal must delete. Writes the `Set-Cookie`
/// header value that deletes it into `buf` (empty value, `Max-Age=0`, an
/// `Expires` in 1970, the declared `Path` and `Domain`, `Secure` for
/// `__Secure-` and `__Host-` names), and moves `*cursor` past it.
///
/// Start with `*cursor` 0 and call until the status is not `OK`, passing
/// the same header each time:
///
/// ```c
/// size_t cursor = 0, n;
/// char del[512];
/// while (cookieprefs_evaluation_next_cookie_to_clear(ev, hdr, hdr_len, &cursor, (uint8_t *)del,
///                                                     sizeof del, &n) == COOKIEPREFS_STATUS_OK) {
///     /* send "Set-Cookie: " del */
/// }
/// /* NOT_FOUND: every cookie to clear was given. */
/// ```
///
/// `NOT_FOUND` when no cookie is left. `*cursor` changes only on `OK`: on
/// `BUFFER_TOO_SMALL` (`*written` holds the capacity needed) a call with a
/// larger buffer gives the same cookie; on any failure `buf` holds an
/// empty string. Pass only 0 or a cursor this call wrote for the same
/// header; one at or past the header's end gives `NOT_FOUND`. No
/// allocation.
///
/// # Safety
/// `ev` must be a live handle; `header` must point to `len` readable bytes
/// (or be NULL with `len` 0); `cursor` must be valid for a read and a
/// write, `buf` for `cap` bytes of writes and `written` for a write.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn cookieprefs_evaluation_next_cookie_to_clear(
    ev: *const cookieprefs_evaluation,
    header: *const u8,
    len: usize,
    cursor: *mut usize,
    buf: *mut u8,
    cap: usize,
    written: *mut usize,
) -> cookieprefs_status {
    // SAFETY: the pointers are as this function's contract says.
    unsafe {
        let text = OutText::new(buf, cap, written);
        // `*cursor` is not an answer: it keeps its value on failure.
        guard(&[&text], || {
            need(cursor)?;
            need(written)?;
            let e = &handle(ev)?.inner;
            let h = bytes(header, len)?;
            let (cookie, next) =
                next_to_clear(e, h, cursor.read()).ok_or(Fail::Abi(cookieprefs_status::NotFound))?;
            text.write_with(|w| cookie.write_deletion_header(w))?;
            put(cursor, next)
        })
    }
}
