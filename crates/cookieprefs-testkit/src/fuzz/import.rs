//! The `import` check: hostile foreign cookie values and `Cookie:` headers
//! through the importers (`docs/FORMAT.md` §13) never panic, and whatever
//! they import is a canonical value that keeps every import rule.
//!
//! Layout: a selector byte (`% 12`: an [`ImportSource`] of
//! `ImportSource::ALL`, or 11 for a whole header), a preset policy byte,
//! today (u16 LE, days since 2020-01-01), a flags byte (bit 0: drop the
//! consent id; bit 1: the value is followed, after the first `0x00`, by
//! the companion cookie's value), then the value (or header).

use std::sync::OnceLock;

use cookieprefs::{
    decode, import, import_header, Category, Date, ImportOptions, ImportSkip, ImportSource, ImportTable,
    Imported, Method, Policy, SourceCookie, MAX_IMPORT_VALUE_LEN,
};

use super::{category, Input};

/// The preset policies: the default, one with site mappings and source
/// cookies, statistics only, and one with short max ages and no consent id.
fn policies() -> &'static [Policy; 4] {
    static P: OnceLock<[Policy; 4]> = OnceLock::new();
    P.get_or_init(|| {
        let youtube = category(16);
        [
            Ok(Policy::default()),
            Policy::builder()
                .revision(9)
                .standard_categories()
                .category(youtube, "youtube", 0)
                .import_item(ImportTable::Services, "youtube", Some(youtube))
                .import_item(ImportTable::Categories, "marketing", None)
                .import_item(ImportTable::Trustcommander, "1", Some(Category::STATISTICS))
                .import_item(ImportTable::Trustcommander, "2", Some(Category::THIRD_PARTY))
                .import_item(ImportTable::Onetrust, "C0005", Some(youtube))
                .import_tcf(youtube, &[1, 10])
                .import_source(
                    ImportSource::Tarteaucitron,
                    SourceCookie::new("prefcookies").domain(".example.org"),
                )
                .import_source(
                    ImportSource::Onetrust,
                    SourceCookie::default_for(ImportSource::Onetrust),
                )
                .import_source(ImportSource::Gpp, SourceCookie::default_for(ImportSource::Gpp))
                .import_source(
                    ImportSource::VanillaCookieconsent,
                    SourceCookie::new("cookies_preferences"),
                )
                .build(),
            Policy::builder()
                .revision(2)
                .category(Category::STATISTICS, "statistics", 0)
                .build(),
            Policy::builder()
                .standard_categories()
                .max_age_days(1, 30)
                .import_consent_id(false)
                .build(),
        ]
        .map(|p| p.expect("preset policies are valid"))
    })
}

/// `import`: see the module documentation.
pub fn check(data: &[u8]) {
    let mut input = Input::new(data);
    let selector = input.u8() % 12;
    let policy = &policies()[usize::from(input.u8() % 4)];
    let today = Date::from_days_since_epoch(input.u16());
    let flags = input.u8();
    let rest = input.rest();
    let (value, companion) = match (flags & 2 != 0, rest.iter().position(|&b| b == 0)) {
        (true, Some(i)) => (&rest[..i], Some(&rest[i + 1..])),
        _ => (rest, None),
    };
    let mut options = ImportOptions::new().drop_consent_id(flags & 1 != 0);
    if let Some(c) = companion {
        options = options.companion(c);
    }
    let (result, source) = if selector == 11 {
        let r = import_header(value, policy, today, &options);
        let again = import_header(value, policy, today, &options);
        assert_eq!(r, again, "deterministic");
        (r, None)
    } else {
        let source = ImportSource::ALL[usize::from(selector)];
        let r = import(source, value, policy, today, &options);
        assert_eq!(r, import(source, value, policy, today, &options), "deterministic");
        (r, Some(source))
    };
    match result {
        Ok(imported) => check_imported(&imported, source, value, policy, today, &options),
        Err(skip) => check_skip(&skip, value, selector == 11),
    }
}

fn check_imported(
    imported: &Imported,
    source: Option<ImportSource>,
    value: &[u8],
    policy: &Policy,
    today: Date,
    options: &ImportOptions<'_>,
) {
    let p = imported.preferences();
    // Canonical: the value decodes to itself.
    assert_eq!(decode(p.encode()), Ok(*p), "{p}");
    assert_eq!(p.method(), Method::Imported);
    assert_eq!(p.revision(), policy.revision());
    assert!(p.created() <= p.updated());
    assert!(
        i64::from(p.updated().days_since(today)) <= 1,
        "dated after tomorrow"
    );
    // Only offered categories, and at least one answer that still counts.
    assert!(p.slot_count() > 0);
    for (c, _) in p.decided() {
        assert!(policy.offers(c), "{c} is not offered");
    }
    let (granted, denied) = policy.max_age_days();
    let age = today.days_since(p.updated()).max(0);
    if p.granted_mask() != 0 {
        assert!(age < i32::from(granted));
    }
    if p.denied_mask() != 0 {
        assert!(age < i32::from(denied));
    }
    if options.drops_consent_id() || policy.to_json().contains("\"keep_consent_id\": false") {
        assert_eq!(p.consent_id(), None);
    }
    if let Some(s) = source {
        assert_eq!(imported.source(), s);
    }
    assert!(imported.unmapped().len() <= 64);
    assert!(imported.unmapped().iter().all(|u| u.chars().count() <= 64));
    // The value counts under the policy: no error, no date or revision in the future.
    let ev = policy.evaluate(Some(&p.encode()), today, false);
    assert_eq!(ev.error(), None);
    // The cookies to delete: the source's, first.
    let cookies = imported.source_cookies();
    assert!(!cookies.is_empty());
    if source.is_none() {
        let name = cookies[0].name();
        assert!(
            cookieprefs::find_cookie(value, name).is_some(),
            "{name} is in the header"
        );
    }
    for h in imported.deletion_headers() {
        assert!(h.contains("Max-Age=0"));
    }
}

fn check_skip(skip: &ImportSkip, value: &[u8], header: bool) {
    assert!(ImportSkip::KINDS.contains(&skip.kind()));
    assert!(!skip.to_string().is_empty());
    if !header && value.len() > MAX_IMPORT_VALUE_LEN + 2 {
        assert_eq!(skip.kind(), "too_long");
    }
    if let ImportSkip::NothingMapped { unmapped } = skip {
        assert!(unmapped.len() <= 64);
    }
}
