//! The declaration: classification, the declared cookies, texts, the page.

use cookieprefs::PageFormat;

use super::*;

/// A small portal: French first, statistics relabelled, a necessary
/// cookie, a statistics pattern with a domain, a longer pattern of another
/// category, a third-party cookie.
pub(super) const PORTAL: &str = r#"{
    "revision": 1,
    "languages": ["fr", "en"],
    "categories": [
        {"id": 1, "name": "statistics", "label": {"fr": "Mesure d'audience"}},
        {"id": 2, "name": "first_party"},
        {"id": 3, "name": "third_party"}
    ],
    "cookies": [
        {"name": "sessionid", "category": "necessary", "provider": "Opendatasoft",
         "purpose": {"fr": "Se souvenir de l'utilisateur", "en": "Remember the user"}, "retention": 14},
        {"name": "_pk_id.*", "category": "statistics", "provider": "Matomo",
         "retention": 393, "domain": ".example.org"},
        {"name": "_pk_id.9.*", "category": "first_party", "path": "/portal"},
        {"name": "embed_visitor", "category": "third_party", "retention": "session"}
    ]
}"#;

/// `f(buf, cap, written)` into a buffer of `cap` bytes: the status and the
/// text (checked NUL-terminated on OK, empty on failure).
pub(super) fn text_call(cap: usize, f: impl FnOnce(*mut u8, usize, *mut usize) -> S) -> (S, String, usize) {
    let mut buf = vec![0xA5u8; cap + 8];
    let mut n = 0xA5A5usize;
    let s = f(buf.as_mut_ptr(), cap, &mut n);
    if s == S::Ok {
        assert_eq!(buf[n], 0, "NUL-terminated");
        assert!(buf[n + 1..].iter().all(|&b| b == 0xA5), "nothing past the NUL");
        return (s, String::from_utf8(buf[..n].to_vec()).unwrap(), n);
    }
    let from = usize::from(cap > 0);
    if cap > 0 {
        assert_eq!(buf[0], 0, "an empty string on {s:?}");
    }
    assert!(buf[from..].iter().all(|&b| b == 0xA5), "buffer written on {s:?}");
    (s, String::new(), n)
}

fn classify(p: *const cookieprefs_policy, name: &[u8]) -> (S, u8, u32) {
    let (mut c, mut i) = (7u8, 7u32);
    // SAFETY: valid handle (or NULL), slice and out-pointers.
    let s = unsafe { cookieprefs_policy_classify(p, name.as_ptr(), name.len(), &mut c, &mut i) };
    (s, c, i)
}

fn cookie_text(p: *const cookieprefs_policy, lang: &CStr, index: u32, field: u32) -> (S, String) {
    let (s, t, _) = text_call(512, |b, cap, n| {
        // SAFETY: valid handle, string and buffer.
        unsafe { cookieprefs_policy_cookie_text(p, lang.as_ptr(), index, field, b, cap, n) }
    });
    (s, t)
}

#[test]
fn classification_is_the_cores() {
    let p = policy(PORTAL);
    let core = Policy::from_json(PORTAL).unwrap();
    for name in [
        &b"sessionid"[..],
        b"_pk_id.1.abcd",
        b"_pk_id.",
        b"_pk_id.9.x",
        b"_pk_id.9.",
        b"embed_visitor",
        b"cookies_preferences",
        b"SESSIONID",
        b"_pk_id",
        b"",
        b"_pk_id.\xff",
        b"other",
    ] {
        let (s, c, i) = classify(p, name);
        match core.classify(name) {
            Some(d) => {
                assert_eq!(s, S::Ok, "{name:?}");
                assert_eq!(c, d.category().id());
                assert_eq!(core.cookies()[i as usize].name(), d.name());
            }
            None => {
                assert_eq!(s, S::NotFound, "{name:?}: undeclared");
                assert_eq!((c, i), (COOKIEPREFS_NO_CATEGORY, COOKIEPREFS_NO_COOKIE));
            }
        }
    }
    // Longest match wins; the library declares its own cookie first.
    assert_eq!(classify(p, b"_pk_id.9.x"), (S::Ok, 2, 3));
    assert_eq!(classify(p, b"_pk_id.1.abcd"), (S::Ok, 1, 2));
    assert_eq!(classify(p, b"cookies_preferences"), (S::Ok, 0, 0));
    // Bytes, not text: a name that is not UTF-8 is classified like any other.
    assert_eq!(classify(p, b"_pk_id.\xff").0, S::Ok);

    // NULL and lengths: fail closed.
    let nc = (COOKIEPREFS_NO_CATEGORY, COOKIEPREFS_NO_COOKIE);
    assert_eq!(classify(null(), b"sessionid"), (S::NullArgument, nc.0, nc.1));
    let (mut c, mut i) = (7u8, 7u32);
    // SAFETY: NULLs and lengths the call refuses before reading.
    unsafe {
        assert_eq!(
            cookieprefs_policy_classify(p, null(), 3, &mut c, &mut i),
            S::NullArgument
        );
        assert_eq!((c, i), nc);
        let n = b"sessionid";
        assert_eq!(
            cookieprefs_policy_classify(p, n.as_ptr(), usize::MAX, &mut c, &mut i),
            S::LengthTooLarge
        );
        assert_eq!((c, i), nc);
        assert_eq!(
            cookieprefs_policy_classify(p, n.as_ptr(), n.len(), null_mut(), &mut i),
            S::NullArgument
        );
        assert_eq!(i, COOKIEPREFS_NO_COOKIE);
        assert_eq!(
            cookieprefs_policy_classify(p, n.as_ptr(), n.len(), &mut c, null_mut()),
            S::NullArgument
        );
        assert_eq!(c, COOKIEPREFS_NO_CATEGORY);
        assert_eq!(
            cookieprefs_policy_classify(p, null(), 0, &mut c, &mut i),
            S::NotFound
        );
        cookieprefs_policy_free(p);
    }
}

#[test]
fn declared_cookies_one_by_one() {
    let p = policy(PORTAL);
    let core = Policy::from_json(PORTAL).unwrap();
    let mut count = 0u32;
    let mut c = 7u8;
    // SAFETY: valid handle and out-pointers, or NULLs the calls refuse.
    unsafe {
        assert_eq!(cookieprefs_policy_cookie_count(p, &mut count), S::Ok);
        assert_eq!(count as usize, core.cookies().len());
        assert_eq!(count, 5, "the consent cookie and the four the site declares");
        for (i, d) in core.cookies().iter().enumerate() {
            assert_eq!(cookieprefs_policy_cookie_category(p, i as u32, &mut c), S::Ok);
            assert_eq!(c, d.category().id());
        }
        assert_eq!(cookieprefs_policy_cookie_category(p, count, &mut c), S::NotFound);
        assert_eq!(c, COOKIEPREFS_NO_CATEGORY);
        assert_eq!(
            cookieprefs_policy_cookie_category(p, COOKIEPREFS_NO_COOKIE, &mut c),
            S::NotFound
        );
        assert_eq!(
            cookieprefs_policy_cookie_category(null(), 0, &mut c),
            S::NullArgument
        );
        assert_eq!(c, COOKIEPREFS_NO_CATEGORY);
        assert_eq!(
            cookieprefs_policy_cookie_category(p, 0, null_mut()),
            S::NullArgument
        );
        assert_eq!(
            cookieprefs_policy_cookie_count(null(), &mut count),
            S::NullArgument
        );
        assert_eq!(count, 0);
        assert_eq!(cookieprefs_policy_cookie_count(p, null_mut()), S::NullArgument);
    }

    use cookieprefs_cookie_field as F;
    let field = |f: F| f as u32;
    assert_eq!(
        cookie_text(p, c"fr", 1, field(F::Name)),
        (S::Ok, "sessionid".into())
    );
    assert_eq!(
        cookie_text(p, c"fr", 2, field(F::Name)),
        (S::Ok, "_pk_id.*".into())
    );
    assert_eq!(
        cookie_text(p, c"fr", 1, field(F::Provider)),
        (S::Ok, "Opendatasoft".into())
    );
    assert_eq!(
        cookie_text(p, c"en-GB", 1, field(F::Purpose)),
        (S::Ok, "Remember the user".into())
    );
    assert_eq!(
        cookie_text(p, c"de", 1, field(F::Purpose)),
        (S::Ok, "Se souvenir de l'utilisateur".into()),
        "the default language"
    );
    assert_eq!(
        cookie_text(p, c"fr", 1, field(F::Retention)),
        (S::Ok, "14 jours".into())
    );
    assert_eq!(
        cookie_text(p, c"en", 2, field(F::Retention)),
        (S::Ok, "393 days".into())
    );
    assert_eq!(
        cookie_text(p, c"en", 4, field(F::Retention)),
        (S::Ok, "Browser session".into())
    );
    assert_eq!(
        cookie_text(p, c"en", 3, field(F::Retention)),
        (S::Ok, "Not stated".into())
    );
    assert_eq!(
        cookie_text(p, c"en", 2, field(F::Domain)),
        (S::Ok, ".example.org".into())
    );
    assert_eq!(cookie_text(p, c"en", 1, field(F::Domain)), (S::Ok, String::new()));
    assert_eq!(
        cookie_text(p, c"en", 3, field(F::Path)),
        (S::Ok, "/portal".into())
    );
    assert_eq!(
        cookie_text(p, c"en", 3, field(F::Service)),
        (S::Ok, String::new())
    );
    // The library's own texts for its cookie.
    let texts = core.texts("fr");
    assert_eq!(
        cookie_text(p, c"fr", 0, field(F::Purpose)),
        (S::Ok, texts.purpose(&core.cookies()[0]).into())
    );
    assert!(!texts.purpose(&core.cookies()[0]).is_empty());

    // Every field of every cookie in every language is the core's.
    for (i, d) in core.cookies().iter().enumerate() {
        for lang in [c"fr", c"en", c"", c"xx"] {
            let t = core.texts(lang.to_str().unwrap());
            let want = [
                d.name().to_owned(),
                t.provider(d).to_owned(),
                t.service(d).to_owned(),
                t.purpose(d).to_owned(),
                t.retention(d.retention_period()),
                d.domain_attribute().unwrap_or("").to_owned(),
                d.path_attribute().to_owned(),
            ];
            for (f, w) in want.iter().enumerate() {
                assert_eq!(cookie_text(p, lang, i as u32, f as u32), (S::Ok, w.clone()));
            }
        }
    }

    // Errors: a bad index, a bad field, bad language text, NULLs, short buffers.
    assert_eq!(cookie_text(p, c"fr", 5, 0), (S::NotFound, String::new()));
    assert_eq!(cookie_text(p, c"fr", 0, 7), (S::UnknownName, String::new()));
    assert_eq!(
        cookie_text(p, c"fr", 0, u32::MAX),
        (S::UnknownName, String::new())
    );
    let bad = c"f\xff";
    assert_eq!(cookie_text(p, bad, 0, 0), (S::InvalidUtf8, String::new()));
    assert_eq!(cookie_text(null(), c"fr", 0, 0), (S::NullArgument, String::new()));
    let (s, _, n) = text_call(0, |_, cap, n| {
        // SAFETY: valid handle and string; a NULL buffer of capacity 0.
        unsafe { cookieprefs_policy_cookie_text(p, c"fr".as_ptr(), 1, 0, null_mut(), cap, n) }
    });
    assert_eq!((s, n), (S::BufferTooSmall, "sessionid".len() + 1));
    let (s, t, n) = text_call(9, |b, cap, n| {
        // SAFETY: valid handle, string and buffer.
        unsafe { cookieprefs_policy_cookie_text(p, c"fr".as_ptr(), 1, 0, b, cap, n) }
    });
    assert_eq!((s, t.as_str(), n), (S::BufferTooSmall, "", 10));
    let (s, _, _) = text_call(64, |b, cap, _| {
        // SAFETY: valid handle, string and buffer; NULL `written`.
        unsafe { cookieprefs_policy_cookie_text(p, c"fr".as_ptr(), 1, 0, b, cap, null_mut()) }
    });
    assert_eq!(s, S::NullArgument);
    let (s, _, _) = text_call(64, |b, cap, n| {
        // SAFETY: valid handle and buffer; a NULL language.
        unsafe { cookieprefs_policy_cookie_text(p, null(), 1, 0, b, cap, n) }
    });
    assert_eq!(s, S::NullArgument);
    // SAFETY: a live handle.
    unsafe { cookieprefs_policy_free(p) };
}

#[test]
fn languages_and_category_texts() {
    let p = policy(PORTAL);
    let core = Policy::from_json(PORTAL).unwrap();
    let language = |req: &CStr| {
        text_call(16, |b, cap, n| {
            // SAFETY: valid handle, string and buffer.
            unsafe { cookieprefs_policy_language(p, req.as_ptr(), b, cap, n) }
        })
        .1
    };
    assert_eq!(language(c"fr"), "fr");
    assert_eq!(language(c"en_GB"), "en");
    assert_eq!(language(c"EN"), "en");
    assert_eq!(language(c"de"), "fr");
    assert_eq!(language(c""), "fr");
    let category_text = |lang: &CStr, id: u8, which: u32| {
        let (s, t, _) = text_call(1024, |b, cap, n| {
            // SAFETY: valid handle, string and buffer.
            unsafe { cookieprefs_policy_category_text(p, lang.as_ptr(), id, which, b, cap, n) }
        });
        (s, t)
    };
    let (label, description) = (
        cookieprefs_category_text::Label as u32,
        cookieprefs_category_text::Description as u32,
    );
    assert_eq!(
        category_text(c"fr", 1, label),
        (S::Ok, "Mesure d'audience".into())
    );
    assert_eq!(
        category_text(c"en", 1, label),
        (S::Ok, "Statistics cookies".into())
    );
    for lang in [c"fr", c"en", c"pt-BR"] {
        let t = core.texts(lang.to_str().unwrap());
        for id in [0u8, 1, 2, 3] {
            let c = cookieprefs::Category::new(id).unwrap();
            assert_eq!(category_text(lang, id, label), (S::Ok, t.label(c).into()));
            assert_eq!(
                category_text(lang, id, description),
                (S::Ok, t.description(c).into())
            );
        }
    }
    // `necessary` or an offered category, as the core resolves a name.
    assert_eq!(
        category_text(c"fr", 16, label),
        (S::CategoryNotOffered, String::new())
    );
    assert_eq!(
        category_text(c"fr", 63, description),
        (S::CategoryNotOffered, String::new())
    );
    let only_stats = policy(r#"{"categories": [{"id": 1, "name": "statistics"}]}"#);
    let (s, t, _) = text_call(64, |b, cap, n| {
        // SAFETY: valid handle, string and buffer.
        unsafe { cookieprefs_policy_category_text(only_stats, c"en".as_ptr(), 3, 0, b, cap, n) }
    });
    assert_eq!((s, t.as_str()), (S::CategoryNotOffered, ""));
    // SAFETY: a live handle.
    unsafe { cookieprefs_policy_free(only_stats) };
    assert!(
        !category_text(c"fr", 0, description).1.is_empty(),
        "the library's text"
    );
    assert_eq!(
        category_text(c"fr", 64, label),
        (S::InvalidCategory, String::new())
    );
    assert_eq!(category_text(c"fr", 1, 2), (S::UnknownName, String::new()));
    let bad = c"\xc3";
    assert_eq!(category_text(bad, 1, label), (S::InvalidUtf8, String::new()));
    // SAFETY: NULLs the calls refuse.
    unsafe {
        let mut n = 7usize;
        let mut buf = [0xA5u8; 8];
        assert_eq!(
            cookieprefs_policy_category_text(null(), c"fr".as_ptr(), 1, 0, buf.as_mut_ptr(), 8, &mut n),
            S::NullArgument
        );
        assert_eq!((buf[0], n), (0, 0));
        assert_eq!(
            cookieprefs_policy_language(p, null(), buf.as_mut_ptr(), 8, &mut n),
            S::NullArgument
        );
        assert_eq!(
            cookieprefs_policy_language(p, c"en".as_ptr(), buf.as_mut_ptr(), 2, &mut n),
            S::BufferTooSmall
        );
        assert_eq!((buf[0], n), (0, 3));
        cookieprefs_policy_free(p);
    }
}

#[test]
fn the_page_is_the_cores() {
    let p = policy(PORTAL);
    let core = Policy::from_json(PORTAL).unwrap();
    for (code, format) in [
        (cookieprefs_page_format::Markdown, PageFormat::Markdown),
        (cookieprefs_page_format::Html, PageFormat::Html),
        (cookieprefs_page_format::HtmlDocument, PageFormat::HtmlDocument),
    ] {
        for lang in [c"fr", c"en"] {
            let want = core.page(lang.to_str().unwrap(), format);
            // Sized with capacity 0, then written.
            let (s, _, needed) = text_call(0, |_, cap, n| {
                // SAFETY: valid handle and string; NULL buffer of capacity 0.
                unsafe { cookieprefs_policy_page(p, lang.as_ptr(), code as u32, null_mut(), cap, n) }
            });
            assert_eq!((s, needed), (S::BufferTooSmall, want.len() + 1));
            let (s, page, n) = text_call(needed, |b, cap, n| {
                // SAFETY: valid handle, string and buffer.
                unsafe { cookieprefs_policy_page(p, lang.as_ptr(), code as u32, b, cap, n) }
            });
            assert_eq!((s, n), (S::Ok, want.len()));
            assert_eq!(page, want);
        }
    }
    let (s, _, _) = text_call(64, |b, cap, n| {
        // SAFETY: valid handle, string and buffer.
        unsafe { cookieprefs_policy_page(p, c"fr".as_ptr(), 3, b, cap, n) }
    });
    assert_eq!(s, S::UnknownName);
    let (s, _, needed) = text_call(64, |b, cap, n| {
        // SAFETY: valid handle, string and buffer: too small for a page.
        unsafe { cookieprefs_policy_page(p, c"fr".as_ptr(), 0, b, cap, n) }
    });
    assert_eq!(s, S::BufferTooSmall);
    assert!(needed > 64);
    let (s, _, _) = text_call(64, |b, cap, n| {
        // SAFETY: a NULL policy.
        unsafe { cookieprefs_policy_page(null(), c"fr".as_ptr(), 0, b, cap, n) }
    });
    assert_eq!(s, S::NullArgument);
    // SAFETY: a live handle.
    unsafe { cookieprefs_policy_free(p) };
}

#[test]
fn enum_codes_are_in_order() {
    use crate::enums::{category_text_of, cookie_field_of, page_format_of};
    for (i, f) in [
        cookieprefs_cookie_field::Name,
        cookieprefs_cookie_field::Provider,
        cookieprefs_cookie_field::Service,
        cookieprefs_cookie_field::Purpose,
        cookieprefs_cookie_field::Retention,
        cookieprefs_cookie_field::Domain,
        cookieprefs_cookie_field::Path,
    ]
    .into_iter()
    .enumerate()
    {
        assert_eq!(f as usize, i);
        assert_eq!(cookie_field_of(i as u32).unwrap(), f);
    }
    assert!(cookie_field_of(7).is_err());
    assert_eq!(
        category_text_of(1).unwrap(),
        cookieprefs_category_text::Description
    );
    assert!(category_text_of(2).is_err());
    assert_eq!(page_format_of(2).unwrap(), PageFormat::HtmlDocument);
    assert!(page_format_of(3).is_err());
}
