//! `cookie_header.json`: `Cookie:` headers and the value a lookup finds.

use cookieprefs::find_cookie;
use serde_json::{json, Value};

/// Looking up `cookie_name` in `header` gives `value` (`None`: not found).
pub struct HeaderCase {
    /// The case name.
    pub name: &'static str,
    /// The `Cookie:` header.
    pub header: &'static str,
    /// The cookie looked up.
    pub cookie_name: &'static str,
    /// What the lookup gives.
    pub value: Option<&'static str>,
}

/// The cases, in file order.
pub fn cases() -> Vec<HeaderCase> {
    let n = "cookies_preferences";
    vec![
        HeaderCase {
            name: "only-cookie",
            header: "cookies_preferences=BAADCdcJ1w5Q",
            cookie_name: n,
            value: Some("BAADCdcJ1w5Q"),
        },
        HeaderCase {
            name: "among-others",
            header: "sessionid=abc; cookies_preferences=BAADCdcJ1w5Q; csrftoken=x",
            cookie_name: n,
            value: Some("BAADCdcJ1w5Q"),
        },
        HeaderCase {
            name: "no-space",
            header: "a=1;cookies_preferences=BAADCdcJ1w5Q;b=2",
            cookie_name: n,
            value: Some("BAADCdcJ1w5Q"),
        },
        HeaderCase {
            name: "spaces-and-tabs",
            header: "a=1 ;\t cookies_preferences = BAADCdcJ1w5Q \t; b=2",
            cookie_name: n,
            value: Some("BAADCdcJ1w5Q"),
        },
        HeaderCase {
            name: "quoted",
            header: "cookies_preferences=\"BAADCdcJ1w5Q\"",
            cookie_name: n,
            value: Some("BAADCdcJ1w5Q"),
        },
        HeaderCase {
            name: "missing",
            header: "sessionid=abc; csrftoken=x",
            cookie_name: n,
            value: None,
        },
        HeaderCase {
            name: "empty-header",
            header: "",
            cookie_name: n,
            value: None,
        },
        HeaderCase {
            name: "name-prefix-not-matched",
            header: "xcookies_preferences=1; cookies_preferences=2",
            cookie_name: n,
            value: Some("2"),
        },
        HeaderCase {
            name: "name-suffix-not-matched",
            header: "cookies_preferences_old=1",
            cookie_name: n,
            value: None,
        },
        HeaderCase {
            name: "case-sensitive",
            header: "Cookies_Preferences=1",
            cookie_name: n,
            value: None,
        },
        HeaderCase {
            name: "first-wins",
            header: "cookies_preferences=first; cookies_preferences=second",
            cookie_name: n,
            value: Some("first"),
        },
        HeaderCase {
            name: "raw-json-neighbour",
            header: "cc={\"a\":1,\"b\":[1,2]}; cookies_preferences=BAADCdcJ1w5Q",
            cookie_name: n,
            value: Some("BAADCdcJ1w5Q"),
        },
        HeaderCase {
            name: "json-with-semicolons-neighbour",
            header: "cc={\"a\":1;\"b\":2}; cookies_preferences=BAADCdcJ1w5Q",
            cookie_name: n,
            value: Some("BAADCdcJ1w5Q"),
        },
        HeaderCase {
            name: "json-neighbour-mentions-name",
            header: "cc={\"k\":\"cookies_preferences=EVIL\"}; cookies_preferences=GOOD",
            cookie_name: n,
            value: Some("GOOD"),
        },
        HeaderCase {
            name: "pair-without-equals",
            header: "junk; cookies_preferences=BAADCdcJ1w5Q",
            cookie_name: n,
            value: Some("BAADCdcJ1w5Q"),
        },
        HeaderCase {
            name: "empty-value",
            header: "cookies_preferences=; a=1",
            cookie_name: n,
            value: Some(""),
        },
        HeaderCase {
            name: "lone-quote-kept",
            header: "cookies_preferences=\"",
            cookie_name: n,
            value: Some("\""),
        },
        HeaderCase {
            name: "value-with-equals",
            header: "cookies_preferences=a=b",
            cookie_name: n,
            value: Some("a=b"),
        },
        HeaderCase {
            name: "trailing-semicolons",
            header: "cookies_preferences=BAADCdcJ1w5Q;;;",
            cookie_name: n,
            value: Some("BAADCdcJ1w5Q"),
        },
        HeaderCase {
            name: "other-name",
            header: "consent=BAADCdcJ1w5Q; cookies_preferences=X",
            cookie_name: "consent",
            value: Some("BAADCdcJ1w5Q"),
        },
    ]
}

/// The document: each case checked against the crate's `find_cookie`.
pub fn document() -> Value {
    let cases: Vec<Value> = cases()
        .into_iter()
        .map(
            |HeaderCase {
                 name,
                 header,
                 cookie_name,
                 value,
             }| {
                let got = find_cookie(header.as_bytes(), cookie_name).map(|r| &header[r]);
                assert_eq!(got, value, "{name}");
                json!({"name": name, "header": header, "cookie_name": cookie_name, "value": value})
            },
        )
        .collect();
    json!({"cases": cases})
}
