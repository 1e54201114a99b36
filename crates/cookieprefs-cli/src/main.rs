//! `cookieprefs`: decode, encode and inspect `cookies_preferences` values;
//! check a policy, render its cookie policy page, audit a site's cookies.
//!
//! Exit status: 0 success, 1 an invalid cookie value or policy, or an audit
//! that found a problem (the message on stderr says what is wrong and
//! where), 2 a usage error (bad flags, unreadable file, a policy file
//! `inspect` or `audit` cannot load).

use std::io::{IsTerminal, Read};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod audit;
mod import_cmd;
mod policy_cmd;
use cookieprefs::{Category, ConsentId, Date, Evaluation, Method, Policy, Preferences, State};

#[derive(Parser)]
#[command(
    name = "cookieprefs",
    version,
    about = "Decode, encode and inspect cookies_preferences consent cookies"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Decode a value and show its fields.
    Decode {
        /// The value (e.g. BAADCdcJ1w5Q); read from stdin when absent.
        value: Option<String>,
        /// Print the JSON form instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Encode a value from its fields and print it.
    Encode {
        /// State of statistics: granted, denied or not_asked.
        #[arg(long, value_name = "STATE")]
        statistics: Option<State>,
        /// State of first_party.
        #[arg(long, value_name = "STATE")]
        first_party: Option<State>,
        /// State of third_party.
        #[arg(long, value_name = "STATE")]
        third_party: Option<State>,
        /// State of any category by id or standard name, e.g. 16=granted (repeatable).
        #[arg(long = "category", value_name = "ID=STATE", value_parser = parse_category_state)]
        categories: Vec<(Category, State)>,
        /// Policy revision the choice is made under (0-4095).
        #[arg(long, default_value_t = 0, value_parser = parse_revision)]
        revision: u32,
        /// Day of the choice (YYYY-MM-DD, UTC); default today. Sets created and updated.
        #[arg(long, value_name = "DATE")]
        today: Option<Date>,
        /// Day of the first choice, if earlier than --today.
        #[arg(long, value_name = "DATE")]
        created: Option<Date>,
        /// How the choice was made: banner, preferences_page, browser_signal, imported.
        #[arg(long, default_value = "banner")]
        method: Method,
        /// Consent id (a UUID) linking to a server-side consent record.
        #[arg(long, value_name = "UUID")]
        consent_id: Option<ConsentId>,
        /// Print the whole Set-Cookie header value under the default policy.
        #[arg(long)]
        set_cookie: bool,
    },
    /// Evaluate a whole Cookie: header under a policy, as a server would.
    Inspect {
        /// The Cookie header (with or without "Cookie:"); read from stdin when
        /// absent. Read as bytes: other cookies may hold anything.
        header: Option<std::ffi::OsString>,
        /// Policy JSON file (docs/FORMAT.md §7); default policy when absent.
        #[arg(long, value_name = "FILE")]
        policy: Option<std::path::PathBuf>,
        #[command(flatten)]
        request: Request,
        /// Print the JSON form instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Check a policy file, render its cookie policy page, or write its
    /// compact form.
    Policy {
        #[command(subcommand)]
        action: PolicyAction,
    },
    /// Check the Set-Cookie headers of a site's responses against its policy.
    ///
    /// Reads Set-Cookie header values on stdin, one per line ("Set-Cookie:"
    /// optional), or a HAR file (detected by its leading "{"). Reports each
    /// cookie the policy does not declare and each cookie set without the
    /// consent the --cookie header carries (none: a first visit). Exit
    /// status: 0 nothing found, 1 at least one finding, 2 usage error.
    Audit {
        /// Policy JSON file (docs/FORMAT.md §7 and §12).
        #[arg(long, value_name = "FILE")]
        policy: std::path::PathBuf,
        /// The request's Cookie header, holding the visitor's consent cookie.
        #[arg(long, value_name = "HEADER")]
        cookie: Option<std::ffi::OsString>,
        #[command(flatten)]
        request: Request,
        /// Print one JSON object per Set-Cookie header instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Import another consent tool's cookie as a value (docs/FORMAT.md §13).
    ///
    /// Prints the value (exit 0), or says why nothing is imported (exit 1).
    Import(import_cmd::ImportArgs),
}

/// The day and the GPC signal of the request being judged.
#[derive(clap::Args)]
struct Request {
    /// Evaluate as of this day (YYYY-MM-DD, UTC); default today.
    #[arg(long, value_name = "DATE")]
    today: Option<Date>,
    /// The request carried Sec-GPC: 1.
    #[arg(long)]
    gpc: bool,
}

#[derive(Subcommand)]
enum PolicyAction {
    /// Validate a policy file: exit 0 when valid (warnings printed), 1 when
    /// a rule is broken (the first, as docs/FORMAT.md §6 orders them).
    Check {
        /// Policy JSON file.
        file: std::path::PathBuf,
        /// Exit 1 on any warning too (texts missing in a language, a
        /// declared cookie without provider, service, purpose or retention).
        #[arg(long)]
        strict: bool,
    },
    /// Print the cookie policy page ("Charte cookies") of a policy file.
    Page {
        /// Policy JSON file.
        file: std::path::PathBuf,
        /// Language (e.g. fr, en, fr-CA); default: the policy's first.
        #[arg(long, value_name = "LANG")]
        lang: Option<String>,
        /// Output format: markdown, html (a fragment to embed under a
        /// page's own <h1>) or html-document (a whole page).
        #[arg(long, default_value = "markdown", value_parser = parse_page_format)]
        format: cookieprefs::PageFormat,
    },
    /// Print the compact form of a policy file (docs/FORMAT.md §14): what
    /// the browser module's page build reads (`Policy.fromCompact`).
    Compact {
        /// Policy JSON file.
        file: std::path::PathBuf,
    },
}

/// A page format by the core's names (`html-document` or `html_document`).
fn parse_page_format(s: &str) -> Result<cookieprefs::PageFormat, String> {
    s.parse().map_err(|e: cookieprefs::Error| e.to_string())
}

fn parse_category_state(s: &str) -> Result<(Category, State), String> {
    let (c, st) = s.split_once('=').ok_or("expected ID=STATE, e.g. 16=granted")?;
    Ok((
        c.parse().map_err(|e| format!("{e}"))?,
        st.parse().map_err(|e| format!("{e}"))?,
    ))
}

/// A revision as the builder takes it; a number beyond `u32` gets the
/// core's range message rather than clap's `0..=4294967295`.
fn parse_revision(s: &str) -> Result<u32, String> {
    let n: i64 = match s.parse() {
        Ok(n) => n,
        Err(_) if !s.is_empty() && s.trim_start_matches('-').bytes().all(|b| b.is_ascii_digit()) => {
            if s.starts_with('-') {
                i64::MIN
            } else {
                i64::MAX
            }
        }
        Err(_) => return Err(format!("{s:?} is not a whole number")),
    };
    u32::try_from(n).map_err(|_| cookieprefs::Error::RevisionOutOfRange { revision: n }.to_string())
}

/// A failure and the exit status it gives.
pub(crate) struct Failure {
    code: u8,
    message: String,
}

pub(crate) fn usage(message: impl Into<String>) -> Failure {
    Failure {
        code: 2,
        message: message.into(),
    }
}

pub(crate) fn invalid(message: impl Into<String>) -> Failure {
    Failure {
        code: 1,
        message: message.into(),
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli.command) {
        Ok(()) => ExitCode::SUCCESS,
        Err(f) => {
            eprintln!("cookieprefs: {}", f.message);
            ExitCode::from(f.code)
        }
    }
}

/// Reads stdin as bytes, without the final line break.
fn read_stdin_bytes(what: &str) -> Result<Vec<u8>, Failure> {
    if std::io::stdin().is_terminal() {
        return Err(usage(format!(
            "no {what} given: pass it as an argument or on stdin"
        )));
    }
    let mut b = Vec::new();
    std::io::stdin()
        .read_to_end(&mut b)
        .map_err(|e| usage(format!("cannot read {what} from stdin: {e}")))?;
    while matches!(b.last(), Some(b'\n' | b'\r')) {
        b.pop();
    }
    Ok(b)
}

fn read_stdin(what: &str) -> Result<String, Failure> {
    let mut s = String::new();
    if std::io::stdin().is_terminal() {
        return Err(usage(format!(
            "no {what} given: pass it as an argument or on stdin"
        )));
    }
    std::io::stdin()
        .read_to_string(&mut s)
        .map_err(|e| usage(format!("cannot read {what} from stdin: {e}")))?;
    Ok(s.trim_end_matches(['\n', '\r']).to_owned())
}

fn run(command: Command) -> Result<(), Failure> {
    match command {
        Command::Decode { value, json } => {
            let value = match value {
                Some(v) => v,
                None => read_stdin("value")?,
            };
            let prefs =
                cookieprefs::decode(&value).map_err(|e| invalid(format!("invalid value {value:?}: {e}")))?;
            if json {
                println!("{}", prefs.to_json());
            } else {
                print!("{}", table_of_preferences(&prefs));
            }
            Ok(())
        }
        Command::Encode {
            statistics,
            first_party,
            third_party,
            categories,
            revision,
            today,
            created,
            method,
            consent_id,
            set_cookie,
        } => {
            let today = today.unwrap_or_else(Date::today);
            let mut b = Preferences::builder(created.unwrap_or(today))
                .updated(today)
                .revision(revision)
                .method(method)
                .consent_id(consent_id);
            let standard = [
                (Category::STATISTICS, statistics),
                (Category::FIRST_PARTY, first_party),
                (Category::THIRD_PARTY, third_party),
            ];
            for (c, st) in standard
                .into_iter()
                .filter_map(|(c, st)| st.map(|st| (c, st)))
                .chain(categories)
            {
                b = b.set(c, st);
            }
            let prefs = b.build().map_err(|e| usage(e.to_string()))?;
            if set_cookie {
                println!("{}", Policy::default().set_cookie_header(&prefs, today));
            } else {
                println!("{prefs}");
            }
            Ok(())
        }
        Command::Inspect {
            header,
            policy,
            request: Request { today, gpc },
            json,
        } => {
            let header = match header {
                Some(h) => h.into_encoded_bytes(),
                None => read_stdin_bytes("Cookie header")?,
            };
            let header = strip_header_name(&header);
            let policy = match policy {
                None => Policy::default(),
                Some(path) => {
                    let text = std::fs::read_to_string(&path)
                        .map_err(|e| usage(format!("cannot read policy {}: {e}", path.display())))?;
                    Policy::from_json(&text).map_err(|e| usage(format!("policy {}: {e}", path.display())))?
                }
            };
            let ev = policy.evaluate_header(Some(header), today.unwrap_or_else(Date::today), gpc);
            if json {
                println!("{}", ev.to_json());
            } else {
                print!("{}", table_of_evaluation(&ev));
            }
            match ev.error() {
                Some(e) => Err(invalid(format!(
                    "the {} cookie is invalid: {e}",
                    policy.cookie().name
                ))),
                None => Ok(()),
            }
        }
        Command::Policy {
            action: PolicyAction::Check { file, strict },
        } => policy_cmd::check(&file, strict),
        Command::Policy {
            action: PolicyAction::Page { file, lang, format },
        } => policy_cmd::page(&file, lang.as_deref(), format),
        Command::Policy {
            action: PolicyAction::Compact { file },
        } => policy_cmd::compact(&file),
        Command::Import(args) => import_cmd::run(args),
        Command::Audit {
            policy,
            cookie,
            request: Request { today, gpc },
            json,
        } => {
            let policy = policy_cmd::load(&policy).map_err(|f| usage(f.message))?;
            let input = read_stdin("Set-Cookie headers or a HAR file")?;
            let lines = audit::set_cookie_lines(&input)?;
            let cookie = cookie.map(std::ffi::OsString::into_encoded_bytes);
            let header = cookie.as_deref().map(strip_header_name);
            let report = audit::audit(&policy, header, today.unwrap_or_else(Date::today), gpc, &lines);
            let mut found = 0;
            let mut rows = Vec::new();
            for (name, category, findings) in &report {
                found += findings.len();
                let verdict: Vec<&str> = findings
                    .iter()
                    .map(|f| match f {
                        audit::Finding::Undeclared => "undeclared",
                        audit::Finding::WithoutConsent => "set without consent",
                    })
                    .collect();
                if json {
                    println!(
                        "{}",
                        serde_json::json!({"cookie": name, "category": category, "findings": verdict})
                    );
                } else {
                    let verdict = if verdict.is_empty() {
                        "ok".to_owned()
                    } else {
                        verdict.join(", ")
                    };
                    rows.push((name.clone(), format!("{category:<12}  {verdict}")));
                }
            }
            if !json {
                print!("{}", table(&rows));
            }
            if found > 0 {
                return Err(invalid(format!(
                    "{found} problems in {} Set-Cookie headers",
                    report.len()
                )));
            }
            Ok(())
        }
    }
}

/// Accepts `Cookie: a=b`, `cookie:a=b` or just `a=b`.
fn strip_header_name(h: &[u8]) -> &[u8] {
    let trim = |b: &[u8]| -> usize { b.iter().take_while(|c| c.is_ascii_whitespace()).count() };
    let t = &h[trim(h)..];
    match t.get(..7) {
        Some(p) if p.eq_ignore_ascii_case(b"cookie:") => &t[7 + trim(&t[7..])..],
        _ => t,
    }
}

fn table_of_preferences(p: &Preferences) -> String {
    let mut rows = vec![
        (
            "value".to_owned(),
            format!("{p} ({} characters)", p.encoded_len()),
        ),
        ("version".to_owned(), p.version().to_string()),
        ("revision".to_owned(), p.revision().to_string()),
        ("created".to_owned(), p.created().to_string()),
        ("updated".to_owned(), p.updated().to_string()),
        ("method".to_owned(), p.method().to_string()),
        (
            "consent id".to_owned(),
            p.consent_id().map_or_else(|| "-".to_owned(), |id| id.to_string()),
        ),
        ("necessary".to_owned(), "granted (implicit)".to_owned()),
    ];
    let mut shown = 0u64;
    for c in [Category::STATISTICS, Category::FIRST_PARTY, Category::THIRD_PARTY] {
        rows.push((c.to_string(), p.state(c).to_string()));
        shown |= 1 << c.id();
    }
    for (c, st) in p.decided().filter(|(c, _)| shown & (1 << c.id()) == 0) {
        rows.push((format!("category {}", c.id()), st.to_string()));
    }
    table(&rows)
}

fn table_of_evaluation(ev: &Evaluation) -> String {
    let mut rows = vec![(
        "banner".to_owned(),
        match ev.banner_reason() {
            Some(r) => format!("show ({r})"),
            None => "hide".to_owned(),
        },
    )];
    if let Some(e) = ev.error() {
        rows.push(("error".to_owned(), format!("{} ({e})", e.kind())));
    }
    if ev.copies() > 1 {
        rows.push((
            "copies".to_owned(),
            format!(
                "{} (a grant counts only if every valid copy grants it)",
                ev.copies()
            ),
        ));
    }
    if let Some(e) = ev.ignored_error() {
        rows.push(("ignored copy".to_owned(), format!("{} ({e})", e.kind())));
    }
    match ev.stored() {
        Some(p) => rows.push((
            "stored".to_owned(),
            format!(
                "{p} (revision {}, updated {}, {})",
                p.revision(),
                p.updated(),
                p.method()
            ),
        )),
        None => rows.push(("stored".to_owned(), "-".to_owned())),
    }
    rows.push((
        "gpc applied".to_owned(),
        if ev.gpc_applied() { "yes" } else { "no" }.to_owned(),
    ));
    for (_, name, st) in ev.categories() {
        rows.push((name.to_owned(), st.to_string()));
    }
    for (t, v) in ev.consent_mode().iter() {
        rows.push((t.to_string(), v.to_owned()));
    }
    table(&rows)
}

fn table(rows: &[(String, String)]) -> String {
    let w = rows.iter().map(|(k, _)| k.len()).max().unwrap_or(0);
    rows.iter().map(|(k, v)| format!("{k:<w$}  {v}\n")).collect()
}
