//! `cookieprefs import`: another consent tool's cookie as a cookieprefs
//! value (docs/FORMAT.md §13), from one cookie value (`--from SYSTEM`) or a
//! whole `Cookie:` header (`--header`).
//!
//! Exit status: 0 and the value on stdout (the items nothing maps on
//! stderr); 1 and the reason nothing is imported on stderr; 2 a usage error.

use std::ffi::OsString;
use std::path::PathBuf;

use clap::Args;
use cookieprefs::{import, import_header, Date, ImportOptions, ImportSource, Imported, Policy};

use crate::{invalid, usage, Failure};

/// The arguments of `cookieprefs import`.
#[derive(Args)]
#[command(group = clap::ArgGroup::new("input").required(true).args(["from", "header"]))]
pub struct ImportArgs {
    /// The tool whose cookie VALUE is: vanilla-cookieconsent, tarteaucitron,
    /// klaro, django-cookie-consent, govuk, govuk-design-system, cookiebot,
    /// onetrust, tcf, gpp or trustcommander.
    #[arg(long, value_name = "SYSTEM")]
    from: Option<ImportSource>,
    /// A whole Cookie header (with or without "Cookie:"), searched for
    /// every known tool's cookies; read as bytes.
    #[arg(long, value_name = "HEADER", conflicts_with_all = ["value", "companion"])]
    header: Option<OsString>,
    /// The cookie's value; read from stdin when absent.
    value: Option<OsString>,
    /// The tool's second cookie: OneTrust's OptanonAlertBoxClosed, GOV.UK's
    /// cookies_preferences_set.
    #[arg(long, value_name = "VALUE", requires = "from")]
    companion: Option<OsString>,
    /// Policy JSON file (docs/FORMAT.md §7, its "import" mapping §13);
    /// default policy when absent.
    #[arg(long, value_name = "FILE")]
    policy: Option<PathBuf>,
    /// The policy's current revision (0-4095), written into the value.
    #[arg(long, value_name = "N")]
    revision: Option<u16>,
    /// Import as of this day (YYYY-MM-DD, UTC); default today.
    #[arg(long, value_name = "DATE")]
    today: Option<Date>,
    /// Never keep the tool's consent id.
    #[arg(long)]
    drop_id: bool,
    /// Print a JSON object (value, source, preferences, unmapped,
    /// deletion_headers) instead of the value alone.
    #[arg(long)]
    json: bool,
}

/// Runs `cookieprefs import`.
pub fn run(args: ImportArgs) -> Result<(), Failure> {
    let mut policy = match &args.policy {
        Some(path) => crate::policy_cmd::load(path).map_err(|f| usage(f.message))?,
        None => Policy::default(),
    };
    if let Some(revision) = args.revision {
        policy = policy
            .to_builder()
            .revision(revision)
            .build()
            .map_err(|e| usage(format!("--revision {revision}: {e}")))?;
    }
    let today = args.today.unwrap_or_else(Date::today);
    let companion = args.companion.map(OsString::into_encoded_bytes);
    let mut options = ImportOptions::new().drop_consent_id(args.drop_id);
    if let Some(c) = &companion {
        options = options.companion(c);
    }
    let result = match (args.from, args.header) {
        (Some(source), _) => {
            let value = match args.value {
                Some(v) => v.into_encoded_bytes(),
                None => crate::read_stdin_bytes("cookie value")?,
            };
            import(source, &value, &policy, today, &options)
        }
        (None, Some(header)) => {
            let header = header.into_encoded_bytes();
            import_header(crate::strip_header_name(&header), &policy, today, &options)
        }
        (None, None) => return Err(usage("give --from SYSTEM VALUE or --header HEADER")),
    };
    match result {
        Ok(imported) => {
            print_imported(&imported, args.json);
            Ok(())
        }
        Err(skip) => Err(invalid(format!("nothing imported: {skip} ({})", skip.kind()))),
    }
}

fn print_imported(imported: &Imported, json: bool) {
    let p = imported.preferences();
    if json {
        println!(
            "{}",
            serde_json::json!({
                "value": p.encode(),
                "source": imported.source().as_str(),
                "preferences": serde_json::from_str::<serde_json::Value>(&p.to_json()).unwrap_or_default(),
                "unmapped": imported.unmapped(),
                "deletion_headers": imported.deletion_headers(),
            })
        );
        return;
    }
    println!("{p}");
    if !imported.unmapped().is_empty() {
        eprintln!(
            "cookieprefs: not imported (no mapping): {}",
            imported.unmapped().join(", ")
        );
    }
}
