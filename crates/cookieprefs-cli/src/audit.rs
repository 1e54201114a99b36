//! `cookieprefs audit`: the `Set-Cookie` headers of a site's responses
//! (one per line, or a HAR file) checked against its declaration and the
//! consent a `Cookie:` header carries.

use cookieprefs::{Date, Policy};
use serde_json::Value;

use crate::{usage, Failure};

/// One finding about one `Set-Cookie` header.
#[derive(Debug, PartialEq, Eq)]
pub enum Finding {
    /// The cookie is in no declaration of the policy.
    Undeclared,
    /// The cookie is declared in a category the consent does not grant (or
    /// is undeclared and the policy blocks undeclared cookies).
    WithoutConsent,
}

/// The `Set-Cookie` header values of the input: a HAR document (its
/// responses' `Set-Cookie` headers, in entry order) when it starts with
/// `{`, else one header per non-empty line.
pub fn set_cookie_lines(input: &str) -> Result<Vec<String>, Failure> {
    if !input.trim_start().starts_with('{') {
        return Ok(input
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
            .collect());
    }
    let har: Value =
        serde_json::from_str(input).map_err(|e| usage(format!("the HAR input is not JSON: {e}")))?;
    let entries = har["log"]["entries"]
        .as_array()
        .ok_or_else(|| usage("the HAR input has no log.entries array"))?;
    let mut out = Vec::new();
    for entry in entries {
        let headers = entry["response"]["headers"]
            .as_array()
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        for h in headers {
            let is_set_cookie = h["name"]
                .as_str()
                .is_some_and(|n| n.eq_ignore_ascii_case("set-cookie"));
            if let (true, Some(v)) = (is_set_cookie, h["value"].as_str()) {
                // Some exporters join several headers with line breaks.
                out.extend(v.lines().filter(|l| !l.trim().is_empty()).map(str::to_owned));
            }
        }
    }
    Ok(out)
}

/// Each header's cookie name and findings.
pub fn audit(
    policy: &Policy,
    cookie_header: Option<&[u8]>,
    today: Date,
    gpc: bool,
    lines: &[String],
) -> Vec<(String, String, Vec<Finding>)> {
    let ev = policy.evaluate_header(cookie_header, today, gpc);
    lines
        .iter()
        .map(|line| {
            let name = String::from_utf8_lossy(cookieprefs::set_cookie_name(line.as_bytes())).into_owned();
            let mut findings = Vec::new();
            let category = match policy.classify(&name) {
                Some(d) => policy.name_of(d.category()).unwrap_or_default().to_owned(),
                None => {
                    findings.push(Finding::Undeclared);
                    "undeclared".to_owned()
                }
            };
            if !ev.set_cookie_allowed(line) {
                findings.push(Finding::WithoutConsent);
            }
            (name, category, findings)
        })
        .collect()
}
