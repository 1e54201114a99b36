//! `import.json`: foreign consent cookies and what importing them gives
//! (`docs/FORMAT.md` §13): for every source, valid imports, each skip rule
//! and hostile values, one value at a time or found in a whole `Cookie:`
//! header. Every expected state, date, consent id, unmapped item and skip
//! reason is written here by hand; [`document`] asserts the code agrees,
//! and writes the resulting value, its JSON form and the deletion headers
//! for the other languages to compare with.
//!
//! The TC and GPP strings are built by the small encoders at the end of
//! this file (the IAB layouts, written from their specifications).

use cookieprefs::{import, import_header, Date, ImportOptions, ImportSource, Policy, Preferences};
use serde_json::{json, Value};

/// The policies, by name.
const POLICIES: &[(&str, &str)] = &[
    ("default", "{}"),
    (
        "site",
        r#"{
  "revision": 4,
  "categories": [
    {"id": 1, "name": "statistics"}, {"id": 2, "name": "first_party"},
    {"id": 3, "name": "third_party"}, {"id": 16, "name": "youtube"}
  ],
  "import": {
    "systems": {
      "vanilla-cookieconsent": {"cookie": "cookies_preferences"},
      "tarteaucitron": {"cookie": "prefcookies", "domain": ".example.org"},
      "onetrust": {"domain": ".example.org", "path": "/"},
      "gpp": {},
      "trustcommander": {}
    },
    "categories": {"marketing": null, "ads": "third_party"},
    "services": {"youtube": "youtube", "vimeo": null},
    "onetrust": {"C0005": "youtube"},
    "trustcommander": {"1": "statistics", "2": "first_party", "3": "third_party"},
    "tcf": {"youtube": [1, 10]},
    "keep_consent_id": true
  }
}"#,
    ),
    (
        "statistics_only",
        r#"{"revision": 2, "categories": [{"id": 1, "name": "statistics"}]}"#,
    ),
    (
        "short",
        r#"{"max_age_days": {"granted": 30, "denied": 90}, "import": {"keep_consent_id": false}}"#,
    ),
];

/// The day of every case.
const TODAY: &str = "2026-11-24";
/// A UUID consent id.
const UUID: &str = "67e55044-10b1-426f-9247-bb680e5fe0c8";

/// What importing gives.
pub enum Expect {
    /// A value: `(category, state)` pairs of the decided categories, the
    /// created and updated days, the consent id, the unmapped items.
    Value {
        /// The decided categories (site names) and their states.
        states: &'static [(&'static str, &'static str)],
        /// The created day.
        created: &'static str,
        /// The updated day.
        updated: &'static str,
        /// The consent id kept.
        consent_id: Option<&'static str>,
        /// The items reported as unmapped.
        unmapped: &'static [&'static str],
    },
    /// Nothing imported, for this reason ([`cookieprefs::ImportSkip::kind`]).
    Skip(&'static str),
}

/// One case: a value of a source, or a whole header.
pub struct Case {
    /// The case name.
    pub name: &'static str,
    /// The policy's name in `POLICIES`.
    pub policy: &'static str,
    /// The source (`None`: `header` is a whole `Cookie:` header).
    pub source: Option<&'static str>,
    /// The cookie value, or the header.
    pub value: String,
    /// The companion cookie's value ([`ImportSource::companion_cookie_name`]).
    pub companion: Option<&'static str>,
    /// Drop the consent id.
    pub drop_id: bool,
    /// The source a header case imports from.
    pub imported_from: Option<&'static str>,
    /// What importing gives.
    pub expect: Expect,
}

fn value(
    states: &'static [(&'static str, &'static str)],
    created: &'static str,
    updated: &'static str,
) -> Expect {
    Expect::Value {
        states,
        created,
        updated,
        consent_id: None,
        unmapped: &[],
    }
}

/// The same expectation with a consent id.
fn with_id(e: Expect, id: &'static str) -> Expect {
    match e {
        Expect::Value {
            states,
            created,
            updated,
            unmapped,
            ..
        } => Expect::Value {
            states,
            created,
            updated,
            consent_id: Some(id),
            unmapped,
        },
        skip => skip,
    }
}

/// The same expectation with unmapped items.
fn with_unmapped(e: Expect, items: &'static [&'static str]) -> Expect {
    match e {
        Expect::Value {
            states,
            created,
            updated,
            consent_id,
            ..
        } => Expect::Value {
            states,
            created,
            updated,
            consent_id,
            unmapped: items,
        },
        skip => skip,
    }
}

fn case(name: &'static str, source: &'static str, value: impl Into<String>, expect: Expect) -> Case {
    Case {
        name,
        policy: "default",
        source: Some(source),
        value: value.into(),
        companion: None,
        drop_id: false,
        imported_from: None,
        expect,
    }
}

fn header(name: &'static str, header: impl Into<String>, from: Option<&'static str>, expect: Expect) -> Case {
    Case {
        name,
        policy: "default",
        source: None,
        value: header.into(),
        companion: None,
        drop_id: false,
        imported_from: from,
        expect,
    }
}

impl Case {
    fn policy(mut self, p: &'static str) -> Case {
        self.policy = p;
        self
    }
    fn companion(mut self, c: &'static str) -> Case {
        self.companion = Some(c);
        self
    }
    fn drop_id(mut self) -> Case {
        self.drop_id = true;
        self
    }
}

/// `encodeURIComponent`.
fn uri(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.!~*'()".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

const STATS: (&str, &str) = ("statistics", "granted");
const STATS_DENIED: (&str, &str) = ("statistics", "denied");
const FIRST: (&str, &str) = ("first_party", "granted");
const FIRST_DENIED: (&str, &str) = ("first_party", "denied");
const THIRD: (&str, &str) = ("third_party", "granted");
const THIRD_DENIED: (&str, &str) = ("third_party", "denied");

/// The cases, in file order.
pub fn cases() -> Vec<Case> {
    let t = TODAY;
    let v3 = |cats: &str, services: &str, first: &str, last: &str, id: &str| {
        uri(&format!(
            r#"{{"categories":[{cats}],"revision":0,"data":null,"consentTimestamp":"{first}","consentId":"{id}","services":{{{services}}},"languageCode":"en","lastConsentTimestamp":"{last}","expirationTime":1795000000000}}"#
        ))
    };
    let v3_typical = v3(
        r#""necessary","analytics""#,
        r#""necessary":[],"analytics":["ga"],"marketing":[]"#,
        "2026-10-01T10:00:00.000Z",
        "2026-11-01T22:30:00.000Z",
        UUID,
    );
    let v2_29 = format!(
        r#"{{"categories":["necessary","analytics","targeting"],"level":["necessary","analytics","targeting"],"revision":0,"data":null,"rfc_cookie":false,"consent_date":"2026-09-30T23:30:00-01:00","consent_uuid":"{UUID}","last_consent_update":"2026-10-15T08:00:00.000Z"}}"#
    );
    let tc_all = tc_string(
        days_ds(2026, 10, 1),
        days_ds(2026, 11, 20),
        &[1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
    );
    let tc_stats = tc_string(days_ds(2026, 11, 20), days_ds(2026, 11, 20), &[1, 8]);
    let tc_odd = tc_string(days_ds(2026, 11, 20), days_ds(2026, 11, 20), &[1, 9, 10]);
    let onetrust = |extra: &str| {
        format!(
            "isGpcEnabled=1&datestamp=Tue+Nov+24+2026+00%3A30%3A00+GMT%2B0100+(Central+European+Standard+Time)\
             &version=202409.1.0&browserGpcFlag=1&isIABGlobal=false&hosts=&consentId={UUID}\
             &landingPath=NotLandingPage&geolocation=FR%3BIDF{extra}"
        )
    };
    let groups = "&groups=C0001%3A1%2CC0002%3A1%2CC0003%3A0%2CC0004%3A0%2CC0005%3A1";
    vec![
        // vanilla-cookieconsent
        case(
            "vanilla v3: accepted, refused (a key of services) and not asked",
            "vanilla-cookieconsent",
            v3_typical.clone(),
            with_id(value(&[STATS, THIRD_DENIED], "2026-10-01", "2026-11-01"), UUID),
        ),
        case(
            "vanilla v3, the consent id dropped",
            "vanilla-cookieconsent",
            v3_typical.clone(),
            value(&[STATS, THIRD_DENIED], "2026-10-01", "2026-11-01"),
        )
        .drop_id(),
        case(
            "vanilla v3 under a policy that keeps no consent id",
            "vanilla-cookieconsent",
            v3_typical.clone(),
            value(&[STATS, THIRD_DENIED], "2026-10-01", "2026-11-01"),
        )
        .policy("short"),
        case(
            "vanilla v3 quoted",
            "vanilla-cookieconsent",
            format!("\"{v3_typical}\""),
            with_id(value(&[STATS, THIRD_DENIED], "2026-10-01", "2026-11-01"), UUID),
        ),
        case(
            "vanilla v3: an unknown category is reported",
            "vanilla-cookieconsent",
            v3(
                r#""necessary","analytics","newsletter""#,
                r#""necessary":[],"analytics":[],"newsletter":[]"#,
                "2026-11-20T10:00:00.000Z",
                "2026-11-20T10:00:00.000Z",
                UUID,
            ),
            with_unmapped(
                with_id(value(&[STATS], "2026-11-20", "2026-11-20"), UUID),
                &["newsletter"],
            ),
        ),
        case(
            "vanilla v3: a consent id that is not a UUID is not kept",
            "vanilla-cookieconsent",
            v3(
                r#""analytics""#,
                r#""analytics":[]"#,
                "2026-11-20T10:00:00.000Z",
                "2026-11-20T10:00:00.000Z",
                "abc",
            ),
            value(&[STATS], "2026-11-20", "2026-11-20"),
        ),
        case(
            "vanilla v2.9 raw JSON: grants only, dates in UTC",
            "vanilla-cookieconsent",
            v2_29.clone(),
            with_id(value(&[STATS, THIRD], "2026-10-01", "2026-10-15"), UUID),
        ),
        case(
            "vanilla v2 (old): only necessary accepted, nothing to import",
            "vanilla-cookieconsent",
            uri(r#"{"level":["necessary"],"revision":0,"data":null,"rfc_cookie":true}"#),
            Expect::Skip("nothing_mapped"),
        ),
        case(
            "vanilla: a date before 2020",
            "vanilla-cookieconsent",
            v3(r#""analytics""#, r#""analytics":[]"#, "2019-12-31T23:59:59Z", "2019-12-31T23:59:59Z", UUID),
            Expect::Skip("date_out_of_range"),
        ),
        case(
            "vanilla: a date after tomorrow",
            "vanilla-cookieconsent",
            v3(r#""analytics""#, r#""analytics":[]"#, "2026-11-20T00:00:00Z", "2026-11-26T00:00:00Z", UUID),
            Expect::Skip("date_out_of_range"),
        ),
        case(
            "vanilla: tomorrow is still accepted (clock skew)",
            "vanilla-cookieconsent",
            v3(r#""analytics""#, r#""analytics":[]"#, "2026-11-25T00:00:00Z", "2026-11-25T00:00:00Z", UUID),
            with_id(value(&[STATS], "2026-11-25", "2026-11-25"), UUID),
        ),
        case(
            "vanilla: past the policy's max age",
            "vanilla-cookieconsent",
            v3(r#""analytics""#, r#""analytics":[]"#, "2026-01-01T00:00:00Z", "2026-01-02T00:00:00Z", UUID),
            Expect::Skip("expired"),
        ),
        case(
            "vanilla: grants expired, refusals still count",
            "vanilla-cookieconsent",
            v3(
                r#""analytics""#,
                r#""analytics":[],"marketing":[]"#,
                "2026-10-01T00:00:00Z",
                "2026-10-01T00:00:00Z",
                UUID,
            ),
            value(&[THIRD_DENIED], "2026-10-01", "2026-10-01"),
        )
        .policy("short"),
        case(
            "vanilla: an unparseable date",
            "vanilla-cookieconsent",
            v3(r#""analytics""#, r#""analytics":[]"#, "yesterday", "2026-11-20T00:00:00Z", UUID),
            Expect::Skip("malformed"),
        ),
        case(
            "vanilla: a repeated JSON key",
            "vanilla-cookieconsent",
            r#"{"categories":["analytics"],"categories":["marketing"]}"#,
            Expect::Skip("malformed"),
        ),
        case(
            "vanilla: categories not a list",
            "vanilla-cookieconsent",
            r#"{"categories":"analytics"}"#,
            Expect::Skip("malformed"),
        ),
        case(
            "vanilla: percent-encoded bytes that are not UTF-8",
            "vanilla-cookieconsent",
            "%7B%22level%22%3A%5B%22%FF%22%5D%7D",
            Expect::Skip("malformed"),
        ),
        case(
            "vanilla: JSON nested too deeply",
            "vanilla-cookieconsent",
            format!("{}{}", "[".repeat(500), "]".repeat(500)),
            Expect::Skip("malformed"),
        ),
        case("an empty value", "vanilla-cookieconsent", "", Expect::Skip("not_found")),
        case(
            "a value over 4096 bytes",
            "vanilla-cookieconsent",
            format!("{{\"level\":[\"analytics\"],\"data\":\"{}\"}}", "x".repeat(4096)),
            Expect::Skip("too_long"),
        ),
        // tarteaucitron
        case(
            "tarteaucitron: true, false and wait; a refusal wins; an unknown service is reported",
            "tarteaucitron",
            "!gtag=true!youtube=false!facebook=wait!myshop=true",
            with_unmapped(value(&[STATS, THIRD_DENIED], t, t), &["myshop"]),
        ),
        case(
            "tarteaucitron: a waiting service leaves its category not asked",
            "tarteaucitron",
            "!youtube=wait!matomo=true",
            value(&[STATS], t, t),
        ),
        case(
            "tarteaucitron: every service waits",
            "tarteaucitron",
            "!gtag=wait!youtube=wait",
            Expect::Skip("not_answered"),
        ),
        case("tarteaucitron: no service", "tarteaucitron", "!", Expect::Skip("not_answered")),
        case(
            "tarteaucitron: a state that is not true, false or wait",
            "tarteaucitron",
            "!gtag=yes",
            Expect::Skip("malformed"),
        ),
        case(
            "tarteaucitron under a policy offering statistics only: third-party services are reported",
            "tarteaucitron",
            "!gtag=true!youtube=true",
            with_unmapped(value(&[STATS], t, t), &["youtube"]),
        )
        .policy("statistics_only"),
        // klaro
        case(
            "klaro: URL-encoded JSON",
            "klaro",
            uri(r#"{"google-analytics":true,"youtube":false,"matomo":true}"#),
            value(&[STATS, THIRD_DENIED], t, t),
        ),
        case(
            "klaro: raw JSON, a null is undecided",
            "klaro",
            r#"{"googleFonts":null,"Matomo":false}"#,
            value(&[STATS_DENIED], t, t),
        ),
        case(
            "klaro: only services the mapping does not know",
            "klaro",
            r#"{"my-widget":true}"#,
            Expect::Skip("nothing_mapped"),
        ),
        case(
            "klaro: a JavaScript object, not JSON",
            "klaro",
            "{matomo:true}",
            Expect::Skip("malformed"),
        ),
        case("klaro: a JSON array", "klaro", "[true]", Expect::Skip("malformed")),
        // django-cookie-consent
        case(
            "django-cookie-consent: Django-quoted, -1 refuses, a version accepts",
            "django-cookie-consent",
            "\"analytics=2023-07-05T12:34:56.789012+00:00|marketing=-1|social=2024-01-01T00:00:00+00:00\"",
            value(&[STATS, THIRD_DENIED], t, t),
        ),
        case(
            "django-cookie-consent: an empty value is undecided",
            "django-cookie-consent",
            "functional=|analytics=-1",
            value(&[STATS_DENIED], t, t),
        ),
        case(
            "django-cookie-consent: no group=value pair",
            "django-cookie-consent",
            "garbage",
            Expect::Skip("not_answered"),
        ),
        // GOV.UK
        case(
            "govuk: an answer, with cookies_preferences_set",
            "govuk",
            r#"{"essential":true,"settings":false,"usage":true,"campaigns":false}"#,
            value(&[STATS, FIRST_DENIED, THIRD_DENIED], t, t),
        )
        .companion("true"),
        case(
            "govuk: the all-false default without cookies_preferences_set",
            "govuk",
            r#"{"essential":true,"settings":false,"usage":false,"campaigns":false}"#,
            Expect::Skip("not_answered"),
        ),
        case(
            "govuk: all refused, with cookies_preferences_set",
            "govuk",
            r#"{"essential":true,"settings":false,"usage":false,"campaigns":false}"#,
            value(&[STATS_DENIED, FIRST_DENIED, THIRD_DENIED], t, t),
        )
        .companion("true"),
        case(
            "govuk: URL-encoded JSON inside a JSON string",
            "govuk",
            uri(r#""{\"essential\":true,\"usage\":true,\"campaigns\":true}""#),
            value(&[STATS, THIRD], t, t),
        ),
        // GOV.UK Design System
        case(
            "govuk-design-system: current version",
            "govuk-design-system",
            r#"{"analytics":true,"version":1}"#,
            value(&[STATS], t, t),
        ),
        case(
            "govuk-design-system: an older version",
            "govuk-design-system",
            r#"{"analytics":true,"version":0}"#,
            Expect::Skip("outdated_version"),
        ),
        case(
            "govuk-design-system: no version",
            "govuk-design-system",
            r#"{"analytics":true}"#,
            Expect::Skip("outdated_version"),
        ),
        case(
            "govuk-design-system: analytics not set",
            "govuk-design-system",
            r#"{"analytics":null,"version":1}"#,
            Expect::Skip("nothing_mapped"),
        ),
        // Cookiebot
        case(
            "cookiebot: explicit consent, dated by utc",
            "cookiebot",
            "{stamp:%27Uq2fNsAC3wMr0gpJ6Kt9DS0ZKkBVyx6M%2F0eGyw4oVAJ0s8gk2vx1FQ%3D%3D%27%2Cnecessary:true%2Cpreferences:false%2Cstatistics:true%2Cmarketing:false%2Cmethod:%27explicit%27%2Cver:2%2Cutc:1795000000000%2Cregion:%27fr%27}",
            value(&[STATS, FIRST_DENIED, THIRD_DENIED], "2026-11-18", "2026-11-18"),
        ),
        case("cookiebot: a bare -1", "cookiebot", "-1", Expect::Skip("implied_consent")),
        case(
            "cookiebot: stamp -1",
            "cookiebot",
            "{stamp:%27-1%27%2Cnecessary:true%2Cpreferences:true%2Cstatistics:true%2Cmarketing:true%2Cmethod:%27explicit%27%2Cver:1}",
            Expect::Skip("implied_consent"),
        ),
        case(
            "cookiebot: method implied",
            "cookiebot",
            "{stamp:%27abc%27%2Cnecessary:true%2Cpreferences:true%2Cstatistics:true%2Cmarketing:true%2Cmethod:%27implied%27%2Cver:1}",
            Expect::Skip("implied_consent"),
        ),
        case(
            "cookiebot: an unterminated object",
            "cookiebot",
            "{stamp:%27abc%27%2Cnecessary:true",
            Expect::Skip("malformed"),
        ),
        // OneTrust
        case(
            "onetrust: groups, the banner closed; GPC flags are not imported",
            "onetrust",
            onetrust(&format!("&interactionCount=1{groups}&AwaitingReconsent=false")),
            with_id(
                value(&[STATS, FIRST_DENIED, THIRD_DENIED], "2026-11-20", "2026-11-20"),
                UUID,
            ),
        )
        .companion("2026-11-20T09:15:00.000Z"),
        case(
            "onetrust: interactionCount 0 and no OptanonAlertBoxClosed",
            "onetrust",
            onetrust(&format!("&interactionCount=0{groups}")),
            Expect::Skip("not_answered"),
        ),
        case(
            "onetrust: no interactionCount and no OptanonAlertBoxClosed",
            "onetrust",
            onetrust(groups),
            Expect::Skip("not_answered"),
        ),
        case(
            "onetrust: awaiting reconsent",
            "onetrust",
            onetrust(&format!("&interactionCount=3{groups}&AwaitingReconsent=true")),
            Expect::Skip("awaiting_reconsent"),
        )
        .companion("2026-11-20T09:15:00.000Z"),
        case(
            "onetrust: no OptanonAlertBoxClosed, dated by the datestamp in UTC",
            "onetrust",
            onetrust(&format!("&interactionCount=2{groups}")),
            with_id(
                value(&[STATS, FIRST_DENIED, THIRD_DENIED], "2026-11-23", "2026-11-23"),
                UUID,
            ),
        ),
        case(
            "onetrust: an IAB stack is reported",
            "onetrust",
            onetrust("&interactionCount=1&groups=C0002%3A1%2CSTACK42%3A1"),
            with_unmapped(with_id(value(&[STATS], "2026-11-23", "2026-11-23"), UUID), &["STACK42"]),
        ),
        case(
            "onetrust: a site's group mapping",
            "onetrust",
            onetrust(&format!("&interactionCount=1{groups}")),
            with_id(
                value(
                    &[STATS, FIRST_DENIED, THIRD_DENIED, ("youtube", "granted")],
                    "2026-11-20",
                    "2026-11-20",
                ),
                UUID,
            ),
        )
        .policy("site")
        .companion("2026-11-20T09:15:00Z"),
        case(
            "onetrust: a group that is not GROUP:0 or GROUP:1",
            "onetrust",
            onetrust("&interactionCount=1&groups=C0002%3Ax"),
            Expect::Skip("malformed"),
        ),
        // IAB TCF v2
        case(
            "tcf: every purpose consented",
            "tcf",
            tc_all.clone(),
            with_unmapped(
                value(&[STATS, FIRST, THIRD], "2026-10-01", "2026-11-20"),
                &["purpose 9", "purpose 10"],
            ),
        ),
        case(
            "tcf: purposes 1 and 8 only",
            "tcf",
            tc_stats.clone(),
            value(&[STATS, FIRST_DENIED, THIRD_DENIED], "2026-11-20", "2026-11-20"),
        ),
        case(
            "tcf: purposes no set covers are reported",
            "tcf",
            tc_odd.clone(),
            with_unmapped(
                value(&[STATS_DENIED, FIRST_DENIED, THIRD_DENIED], "2026-11-20", "2026-11-20"),
                &["purpose 9", "purpose 10"],
            ),
        ),
        case(
            "tcf: a site's purpose set, with vendor segments after a dot",
            "tcf",
            format!("{tc_odd}.IFoEUQQgAIQwgIwQABAEAAAAOIAACAIAAAAQAIAgEAACEAAAAAgAQBAAAAAAAGBAAgAA"),
            with_unmapped(
                value(
                    &[STATS_DENIED, FIRST_DENIED, THIRD_DENIED, ("youtube", "granted")],
                    "2026-11-20",
                    "2026-11-20",
                ),
                &["purpose 9"],
            ),
        )
        .policy("site"),
        case(
            "tcf: version 1",
            "tcf",
            tc_version(1, &tc_all),
            Expect::Skip("malformed"),
        ),
        case("tcf: truncated before the purposes", "tcf", tc_all[..25].to_owned(), Expect::Skip("malformed")),
        case("tcf: not base64url", "tcf", format!("{}==", &tc_all), Expect::Skip("malformed")),
        // GPP
        case(
            "gpp: an EU TCF v2 section",
            "gpp",
            format!("{}~{tc_stats}", gpp_header(&[2])),
            value(&[STATS, FIRST_DENIED, THIRD_DENIED], "2026-11-20", "2026-11-20"),
        ),
        case(
            "gpp: the EU TCF section after section 1",
            "gpp",
            format!("{}~BOEFEAyOEFEAyAHABDENAI4AAAB9vABAASA~{tc_all}~BVQqAAAAAgA", gpp_header(&[1, 2, 7])),
            with_unmapped(
                value(&[STATS, FIRST, THIRD], "2026-10-01", "2026-11-20"),
                &["purpose 9", "purpose 10"],
            ),
        ),
        case(
            "gpp: US sections only",
            "gpp",
            format!("{}~BVQqAAAAAgA~BVQVAAAAAgA", gpp_header(&[7, 8])),
            Expect::Skip("no_tcf_section"),
        ),
        case(
            "gpp: a header that is not type 3",
            "gpp",
            format!("{}~{tc_all}", &tc_all[..6]),
            Expect::Skip("malformed"),
        ),
        case(
            "gpp: the EU TCF section missing",
            "gpp",
            gpp_header(&[2]),
            Expect::Skip("malformed"),
        ),
        // TrustCommander
        case(
            "trustcommander: no category without the site's table",
            "trustcommander",
            "0@032|7|4@1%2C3@@1794000000000,1794000000000,1825536000000@",
            Expect::Skip("nothing_mapped"),
        ),
        case(
            "trustcommander: opt-in to 1 and 3, 2 refused",
            "trustcommander",
            "0@032|7|4@1%2C3@@1794000000000,1793000000000,1825536000000@",
            value(&[STATS, FIRST_DENIED, THIRD], "2026-10-26", "2026-11-06"),
        )
        .policy("site"),
        case(
            "trustcommander: opted out",
            "trustcommander",
            "1@032|7|4@@4@1794000000000@1794000000000",
            value(&[STATS_DENIED, FIRST_DENIED, THIRD_DENIED], "2026-11-06", "2026-11-06"),
        )
        .policy("site"),
        case(
            "trustcommander: ALL opted out",
            "trustcommander",
            "1@012|26|4221@ALL@4@1794000000000,1794000000000,1825536000000",
            value(&[STATS_DENIED, FIRST_DENIED, THIRD_DENIED], "2026-11-06", "2026-11-06"),
        )
        .policy("site"),
        case(
            "trustcommander: a status that is not 0 or 1",
            "trustcommander",
            "2@032|7|4@1@@1794000000000",
            Expect::Skip("malformed"),
        )
        .policy("site"),
        // Whole headers
        header(
            "header: no known cookie",
            "sessionid=abc; csrftoken=x",
            None,
            Expect::Skip("not_found"),
        ),
        header(
            "header: GOV.UK with its companion, among other cookies' junk",
            r#"a={"x":1;"y":[2]}; cookies_policy={"essential":true,"settings":true,"usage":false,"campaigns":false}; cookies_preferences_set=true; b="q""#,
            Some("govuk"),
            value(&[STATS_DENIED, FIRST, THIRD_DENIED], t, t),
        ),
        header(
            "header: a broken cc_cookie does not stop tarteaucitron",
            "cc_cookie={broken; tarteaucitron=!gtag=true!youtube=false",
            Some("tarteaucitron"),
            value(&[STATS, THIRD_DENIED], t, t),
        ),
        header(
            "header: only a broken cookie",
            "cc_cookie={broken",
            None,
            Expect::Skip("malformed"),
        ),
        header(
            "header: OneTrust with OptanonAlertBoxClosed",
            format!(
                "OptanonAlertBoxClosed=2026-11-20T09:15:00.000Z; OptanonConsent={}",
                onetrust(&format!("&interactionCount=1{groups}"))
            ),
            Some("onetrust"),
            with_id(
                value(&[STATS, FIRST_DENIED, THIRD_DENIED], "2026-11-20", "2026-11-20"),
                UUID,
            ),
        ),
        header(
            "header: the site's tarteaucitron cookie name and domain",
            "tarteaucitron=!gtag=false; prefcookies=!youtube=true!vimeo=true!gtag=false",
            Some("tarteaucitron"),
            with_unmapped(
                value(&[STATS_DENIED, ("youtube", "granted")], t, t),
                &["vimeo"],
            ),
        )
        .policy("site"),
        header(
            "header: an old cookies_preferences that is vanilla-cookieconsent's",
            format!("cookies_preferences={v2_29}"),
            Some("vanilla-cookieconsent"),
            with_id(value(&[STATS, THIRD], "2026-10-01", "2026-10-15"), UUID),
        )
        .policy("site"),
        header(
            "header: a source the site does not enable is not looked for",
            "klaro={\"matomo\":true}",
            None,
            Expect::Skip("not_found"),
        )
        .policy("site"),
        header(
            "header: GPP before TrustCommander",
            format!(
                "TC_PRIVACY=0@032|7|4@1@@1794000000000; __gpp={}~{tc_stats}",
                gpp_header(&[2])
            ),
            Some("gpp"),
            value(
                &[STATS, FIRST_DENIED, THIRD_DENIED, ("youtube", "denied")],
                "2026-11-20",
                "2026-11-20",
            ),
        )
        .policy("site"),
    ]
}

/// The document: each case checked against the crate.
pub fn document() -> Value {
    let today: Date = TODAY.parse().expect("a date");
    let mut policies = serde_json::Map::new();
    for (name, text) in POLICIES {
        let v: Value = serde_json::from_str(text).expect("policy JSON");
        policies.insert((*name).to_owned(), v);
    }
    let cases: Vec<Value> = cases()
        .into_iter()
        .map(|c| {
            let (_, text) = POLICIES
                .iter()
                .find(|(n, _)| *n == c.policy)
                .expect("a known policy");
            let policy = Policy::from_json(text).unwrap_or_else(|e| panic!("{}: {e}", c.policy));
            let mut options = ImportOptions::new().drop_consent_id(c.drop_id);
            if let Some(comp) = c.companion {
                options = options.companion(comp.as_bytes());
            }
            let got = match c.source {
                Some(s) => import(
                    s.parse::<ImportSource>().expect("a source"),
                    &c.value,
                    &policy,
                    today,
                    &options,
                ),
                None => import_header(c.value.as_bytes(), &policy, today, &options),
            };
            let expected = match (&c.expect, got) {
                (Expect::Skip(kind), Err(skip)) => {
                    assert_eq!(skip.kind(), *kind, "{}: {skip}", c.name);
                    json!({"skip": kind})
                }
                (Expect::Skip(kind), Ok(i)) => {
                    panic!("{}: expected {kind}, imported {}", c.name, i.preferences())
                }
                (Expect::Value { .. }, Err(skip)) => panic!("{}: expected a value, got {skip}", c.name),
                (
                    Expect::Value {
                        states,
                        created,
                        updated,
                        consent_id,
                        unmapped,
                    },
                    Ok(imported),
                ) => {
                    let mut b = Preferences::builder(created.parse().expect("a date"))
                        .updated(updated.parse().expect("a date"))
                        .revision(policy.revision())
                        .method(cookieprefs::Method::Imported)
                        .consent_id(consent_id.map(|id| id.parse().expect("a UUID")));
                    for (name, state) in *states {
                        b = b.set(
                            policy.resolve(name).expect("an offered category"),
                            state.parse().expect("a state"),
                        );
                    }
                    let want = b.build().expect("a valid expected value");
                    assert_eq!(imported.preferences(), &want, "{}", c.name);
                    assert_eq!(imported.unmapped(), *unmapped, "{}", c.name);
                    let source = imported.source().as_str();
                    if let Some(from) = c.imported_from {
                        assert_eq!(source, from, "{}", c.name);
                    }
                    json!({
                        "value": want.encode(),
                        "source": source,
                        "preferences": serde_json::to_value(want).expect("serializes"),
                        "unmapped": unmapped,
                        "deletion_headers": imported.deletion_headers(),
                    })
                }
            };
            json!({
                "name": c.name,
                "policy": c.policy,
                "source": c.source,
                "value": if c.source.is_some() { Value::from(c.value.clone()) } else { Value::Null },
                "header": if c.source.is_none() { Value::from(c.value.clone()) } else { Value::Null },
                "companion": c.companion,
                "drop_id": c.drop_id,
                "expected": expected,
            })
        })
        .collect();
    json!({"today": TODAY, "policies": policies, "cases": cases})
}

// --- Encoders of the IAB strings the cases use ---------------------------

/// Deciseconds since 1970 at noon UTC of a day.
fn days_ds(y: i64, m: u32, d: u32) -> u64 {
    let day = Date::from_ymd(y, m, d).expect("a date").unix_days();
    u64::try_from(day * 864_000 + 432_000).expect("after 1970")
}

/// Bits written most significant first, read out as base64url.
#[derive(Default)]
struct BitWriter(Vec<bool>);

impl BitWriter {
    fn int(&mut self, v: u64, width: usize) {
        for i in (0..width).rev() {
            self.0.push(v >> i & 1 == 1);
        }
    }
    fn fibonacci(&mut self, v: u64) {
        let mut fibs = vec![1u64, 2];
        while fibs[fibs.len() - 1] <= v {
            let n = fibs[fibs.len() - 1] + fibs[fibs.len() - 2];
            fibs.push(n);
        }
        let mut bits = vec![false; fibs.len()];
        let mut rest = v;
        for i in (0..fibs.len()).rev() {
            if fibs[i] <= rest {
                bits[i] = true;
                rest -= fibs[i];
            }
        }
        let last = bits.iter().rposition(|b| *b).expect("v >= 1");
        self.0.extend(&bits[..=last]);
        self.0.push(true);
    }
    fn text(&self) -> String {
        const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        self.0
            .chunks(6)
            .map(|c| {
                let v = c
                    .iter()
                    .enumerate()
                    .fold(0usize, |v, (i, b)| v | usize::from(*b) << (5 - i));
                char::from(A[v])
            })
            .collect()
    }
}

/// A TC string core segment (version 2, no vendors) consenting `purposes`.
fn tc_string(created_ds: u64, updated_ds: u64, purposes: &[u8]) -> String {
    let mut w = BitWriter::default();
    w.int(2, 6);
    w.int(created_ds, 36);
    w.int(updated_ds, 36);
    w.int(300, 12); // CmpId
    w.int(2, 12); // CmpVersion
    w.int(1, 6); // ConsentScreen
    w.int((u64::from(b'F' - b'A') << 6) | u64::from(b'R' - b'A'), 12); // "FR"
    w.int(80, 12); // VendorListVersion
    w.int(5, 6); // TcfPolicyVersion (TCF 2.2)
    w.int(0, 1);
    w.int(0, 1);
    w.int(0, 12); // SpecialFeatureOptIns
    let field = purposes.iter().fold(0u64, |f, p| f | 1 << (24 - p));
    w.int(field, 24);
    w.int(field, 24); // PurposesLITransparency
    w.int(0, 1);
    w.int((u64::from(b'F' - b'A') << 6) | u64::from(b'R' - b'A'), 12); // PublisherCC
    w.int(0, 16); // MaxVendorId (consents)
    w.int(0, 1);
    w.int(0, 16); // MaxVendorId (legitimate interests)
    w.int(0, 1);
    w.int(0, 12); // NumPubRestrictions
    w.text()
}

/// The TC string with another version number in its first 6 bits.
fn tc_version(version: u8, tc: &str) -> String {
    const A: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    format!("{}{}", &A[usize::from(version)..=usize::from(version)], &tc[1..])
}

/// A GPP header (type 3, version 1) listing `ids` (increasing).
fn gpp_header(ids: &[u64]) -> String {
    let mut w = BitWriter::default();
    w.int(3, 6);
    w.int(1, 6);
    w.int(ids.len() as u64, 12);
    let mut offset = 0;
    for &id in ids {
        w.int(0, 1);
        w.fibonacci(id - offset);
        offset = id;
    }
    w.text()
}
