//! The site's declaration (`docs/FORMAT.md` §12) read from C: which
//! declared cookie a name falls under, the declared cookies one by one, the
//! texts a visitor reads in a language, and the cookie policy page. Every
//! answer is the core's (`Policy::classify`, `Policy::cookies`,
//! `Policy::texts`, `Policy::page`); this module only marshals.

use std::ffi::c_char;

use cookieprefs::{DeclaredCookie, Policy, MAX_DECLARED_COOKIES};

use crate::boundary::{bytes, c_str, guard, handle, need, put, read, Fail, OutText, OutWith, Outcome};
use crate::enums::{
    category_text_of, cookie_field_of, cookieprefs_category_text, cookieprefs_cookie_field, page_format_of,
};
use crate::format::COOKIEPREFS_NO_CATEGORY;
use crate::policy::cookieprefs_policy;
use crate::status::cookieprefs_status;

/// The declaration index `cookieprefs_policy_classify` leaves in `*index`
/// for an undeclared cookie or on any failure: no declaration has it (a
/// policy declares at most 1025 cookies), so every call given it fails
/// with `NOT_FOUND`.
pub const COOKIEPREFS_NO_COOKIE: u32 = 0xFFFF_FFFF;

// Indices are u32 in C: every declaration (the site's and the library's
// own consent cookie) has one below COOKIEPREFS_NO_COOKIE.
const _: () = assert!(MAX_DECLARED_COOKIES + 1 < COOKIEPREFS_NO_COOKIE as usize);

/// The declaration at `index`; `NOT_FOUND` past the last.
fn declared(policy: &Policy, index: u32) -> Outcome<&DeclaredCookie> {
    usize::try_from(index)
        .ok()
        .and_then(|i| policy.cookies().get(i))
        .ok_or(Fail::Abi(cookieprefs_status::NotFound))
}

/// Which declared cookie a cookie name (`len` bytes, as a `Cookie:` or
/// `Set-Cookie` header carries it) falls under (`docs/FORMAT.md` §12): an
/// exact declaration, else the declared pattern with the longest prefix;
/// names are compared byte for byte (case-sensitive). On `OK`, `*category`
/// is its category id (0 for `necessary`) and `*index` its index among the
/// declared cookies (see `cookieprefs_policy_cookie_text`). `NOT_FOUND`
/// when the cookie is undeclared; then, as on any failure, `*category` is
/// `COOKIEPREFS_NO_CATEGORY` and `*index` `COOKIEPREFS_NO_COOKIE`. Whether
/// an undeclared cookie may be set is the policy's `undeclared` setting:
/// ask `cookieprefs_evaluation_cookie_allowed`. No allocation.
///
/// # Safety
/// `policy` must be a live handle; `name` must point to `len` readable
/// bytes (or be NULL with `len` 0); `category` and `index` must be valid
/// for writes.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn cookieprefs_policy_classify(
    policy: *const cookieprefs_policy,
    name: *const u8,
    len: usize,
    category: *mut u8,
    index: *mut u32,
) -> cookieprefs_status {
    // SAFETY: the pointers are as this function's contract says.
    unsafe {
        guard(
            &[
                &OutWith(category, COOKIEPREFS_NO_CATEGORY),
                &OutWith(index, COOKIEPREFS_NO_COOKIE),
            ],
            || {
                need(category)?;
                need(index)?;
                let p = &handle(policy)?.inner;
                let found = p
                    .classify(bytes(name, len)?)
                    .ok_or(Fail::Abi(cookieprefs_status::NotFound))?;
                let i = p
                    .cookies()
                    .iter()
                    .position(|c| std::ptr::eq(c, found))
                    .ok_or(Fail::Abi(cookieprefs_status::Panic))?;
                put(category, found.category().id())?;
                put(index, i as u32)
            },
        )
    }
}

/// How many cookies the policy declares, the library's declaration of the
/// consent cookie included (it comes first unless the site declares it):
/// the indices of `cookieprefs_policy_cookie_category` and
/// `cookieprefs_policy_cookie_text` run from 0 to this, excluded.
///
/// # Safety
/// `policy` must be a live handle and `count` valid for a write.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn cookieprefs_policy_cookie_count(
    policy: *const cookieprefs_policy,
    count: *mut u32,
) -> cookieprefs_status {
    // SAFETY: the pointers are as this function's contract says.
    unsafe { read(policy, count, |p| Ok(p.inner.cookies().len() as u32)) }
}

/// The category id of the declared cookie at `index` (0 for `necessary`).
/// `NOT_FOUND` when `index` is not below `cookieprefs_policy_cookie_count`;
/// on any failure `*category` is `COOKIEPREFS_NO_CATEGORY`.
///
/// # Safety
/// `policy` must be a live handle and `category` valid for a write.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn cookieprefs_policy_cookie_category(
    policy: *const cookieprefs_policy,
    index: u32,
    category: *mut u8,
) -> cookieprefs_status {
    // SAFETY: the pointers are as this function's contract says.
    unsafe {
        guard(&[&OutWith(category, COOKIEPREFS_NO_CATEGORY)], || {
            need(category)?;
            let c = declared(&handle(policy)?.inner, index)?;
            put(category, c.category().id())
        })
    }
}

/// The policy language that answers a requested language tag
/// (NUL-terminated: `fr`, `fr-CA`, Django's `fr_CA`, or `""`), into `buf`:
/// the same tag, else its primary subtag, else a listed tag with the same
/// primary subtag, else the policy's default language (its first). Every
/// text call below answers in this language.
///
/// # Safety
/// `policy` must be a live handle, `requested` a NUL-terminated string,
/// `buf` valid for `cap` bytes of writes and `written` valid for a write.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn cookieprefs_policy_language(
    policy: *const cookieprefs_policy,
    requested: *const c_char,
    buf: *mut u8,
    cap: usize,
    written: *mut usize,
) -> cookieprefs_status {
    // SAFETY: the pointers are as this function's contract says.
    unsafe {
        let text = OutText::new(buf, cap, written);
        guard(&[&text], || {
            let p = &handle(policy)?.inner;
            text.write(p.texts(c_str(requested)?).language().as_bytes())
        })
    }
}

/// A category's label or description (`which` is a
/// `cookieprefs_category_text`) in the language that answers `language`
/// (see `cookieprefs_policy_language`), into `buf`, with the fallback of
/// `docs/FORMAT.md` §12: the site's text, the library's (French and English
/// for the four standard categories), the same in the default language,
/// the library's English; then the category's name for a label and an
/// empty string for a description. `category_id` is `necessary` (0) or a
/// category the policy offers: `CATEGORY_NOT_OFFERED` for another,
/// `INVALID_CATEGORY` for an id above 63; `UNKNOWN_NAME` for a bad `which`.
///
/// # Safety
/// `policy` must be a live handle, `language` a NUL-terminated string,
/// `buf` valid for `cap` bytes of writes and `written` valid for a write.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn cookieprefs_policy_category_text(
    policy: *const cookieprefs_policy,
    language: *const c_char,
    category_id: u8,
    which: u32,
    buf: *mut u8,
    cap: usize,
    written: *mut usize,
) -> cookieprefs_status {
    // SAFETY: the pointers are as this function's contract says.
    unsafe {
        let text = OutText::new(buf, cap, written);
        guard(&[&text], || {
            let p = &handle(policy)?.inner;
            // The core's rule for a category a caller names: `necessary` or
            // one the policy offers (as the Python binding's `label`).
            let c = p.resolve(&category_id.to_string())?;
            let which = category_text_of(which)?;
            let texts = p.texts(c_str(language)?);
            text.write(
                match which {
                    cookieprefs_category_text::Label => texts.label(c),
                    cookieprefs_category_text::Description => texts.description(c),
                }
                .as_bytes(),
            )
        })
    }
}

/// A field (`field` is a `cookieprefs_cookie_field`) of the declared cookie
/// at `index`, into `buf`: its name or pattern, `Domain` and `Path` as
/// declared; its provider, service and purpose in the language that
/// answers `language` (with the fallback of `cookieprefs_policy_category_text`;
/// empty when no text has one); its retention as the policy page writes it
/// in that language. `NOT_FOUND` when `index` is not below
/// `cookieprefs_policy_cookie_count`, `UNKNOWN_NAME` for a bad `field`.
///
/// # Safety
/// `policy` must be a live handle, `language` a NUL-terminated string,
/// `buf` valid for `cap` bytes of writes and `written` valid for a write.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn cookieprefs_policy_cookie_text(
    policy: *const cookieprefs_policy,
    language: *const c_char,
    index: u32,
    field: u32,
    buf: *mut u8,
    cap: usize,
    written: *mut usize,
) -> cookieprefs_status {
    // SAFETY: the pointers are as this function's contract says.
    unsafe {
        let text = OutText::new(buf, cap, written);
        guard(&[&text], || {
            use cookieprefs_cookie_field as F;
            let p = &handle(policy)?.inner;
            let field = cookie_field_of(field)?;
            let texts = p.texts(c_str(language)?);
            let c = declared(p, index)?;
            match field {
                F::Name => text.write(c.name().as_bytes()),
                F::Provider => text.write(texts.provider(c).as_bytes()),
                F::Service => text.write(texts.service(c).as_bytes()),
                F::Purpose => text.write(texts.purpose(c).as_bytes()),
                F::Retention => text.write(texts.retention(c.retention_period()).as_bytes()),
                F::Domain => text.write(c.domain_attribute().unwrap_or("").as_bytes()),
                F::Path => text.write(c.path_attribute().as_bytes()),
            }
        })
    }
}

/// The cookie policy page ("Charte cookies") in the language that answers
/// `language`, rendered from the policy's declaration (`format` is a
/// `cookieprefs_page_format`), into `buf`: what a cookie is, the categories
/// with their descriptions, one table of cookies per category, how to
/// change one's choice. Size the buffer by calling with `cap` 0 (the
/// call returns `BUFFER_TOO_SMALL` with the capacity needed in `*written`);
/// each call renders the page again, so render it once and keep it.
///
/// # Safety
/// `policy` must be a live handle, `language` a NUL-terminated string,
/// `buf` valid for `cap` bytes of writes and `written` valid for a write.
#[must_use]
#[no_mangle]
pub unsafe extern "C" fn cookieprefs_policy_page(
    policy: *const cookieprefs_policy,
    language: *const c_char,
    format: u32,
    buf: *mut u8,
    cap: usize,
    written: *mut usize,
) -> cookieprefs_status {
    // SAFETY: the pointers are as this function's contract says.
    unsafe {
        let text = OutText::new(buf, cap, written);
        guard(&[&text], || {
            let p = &handle(policy)?.inner;
            let format = page_format_of(format)?;
            text.write(p.page(c_str(language)?, format).as_bytes())
        })
    }
}
