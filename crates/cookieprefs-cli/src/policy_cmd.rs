//! `cookieprefs policy check` and `cookieprefs policy page`: a policy file
//! validated with the problems a reviewer should see, and the cookie policy
//! page rendered from it.

use cookieprefs::{Category, PageFormat, Policy};

use crate::{invalid, usage, Failure};

/// Reads and checks a policy file: a usage failure when it cannot be read,
/// an invalid one (exit 1) when a rule is broken.
pub fn load(path: &std::path::Path) -> Result<Policy, Failure> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| usage(format!("cannot read policy {}: {e}", path.display())))?;
    Policy::from_json(&text).map_err(|e| invalid(format!("policy {}: {} ({})", path.display(), e, e.kind())))
}

/// What a valid policy still leaves out: texts missing in one of its
/// languages (a visitor reads another language's), declared cookies
/// without provider, purpose or retention.
pub fn warnings(policy: &Policy) -> Vec<String> {
    let mut out = Vec::new();
    let languages = policy.languages();
    let categories =
        std::iter::once(Category::NECESSARY).chain(policy.categories().iter().map(|c| c.category));
    for c in categories {
        let name = policy.name_of(c).unwrap_or_default();
        for (what, text) in [
            ("label", policy.label_text(c)),
            ("description", policy.description_text(c)),
        ] {
            let library = c.standard_name().is_some();
            match text {
                None if !library => out.push(format!("category {name:?} has no {what}")),
                Some(t) if t.same_text().is_none() => {
                    for l in languages {
                        if t.get(l).is_none()
                            && !(library && matches!(l.split('-').next(), Some("fr" | "en")))
                        {
                            out.push(format!("category {name:?} has no {what} in {l:?}"));
                        }
                    }
                }
                _ => {}
            }
        }
    }
    for d in policy.cookies().iter().filter(|d| !d.is_implicit()) {
        let own = d.name() == policy.cookie().name;
        for (what, text) in [
            ("provider", d.provider_text()),
            ("service", d.service_text()),
            ("purpose", d.purpose_text()),
        ] {
            if text.is_empty() {
                if !own {
                    out.push(format!("cookie {:?} has no {what}", d.name()));
                }
            } else if text.same_text().is_none() {
                for l in languages.iter().filter(|l| text.get(l).is_none()) {
                    out.push(format!("cookie {:?} has no {what} in {l:?}", d.name()));
                }
            }
        }
        if d.retention_period().is_none() {
            out.push(format!("cookie {:?} has no retention", d.name()));
        }
    }
    out
}

/// `policy check`: exit 0 when valid (warnings printed), 1 when invalid or,
/// with `strict`, when there is any warning.
pub fn check(path: &std::path::Path, strict: bool) -> Result<(), Failure> {
    let policy = load(path)?;
    let declared = policy.cookies().iter().filter(|d| !d.is_implicit()).count();
    println!(
        "{}: valid — revision {}, {} optional categories, languages {}, {} cookies declared{}, undeclared cookies {}",
        path.display(),
        policy.revision(),
        policy.categories().len(),
        policy.languages().join(", "),
        declared,
        if declared == policy.cookies().len() {
            ""
        } else {
            " (and the consent cookie, declared by the library)"
        },
        match policy.undeclared() {
            cookieprefs::Undeclared::Allow => "allowed",
            cookieprefs::Undeclared::Block => "blocked",
        }
    );
    let warnings = warnings(&policy);
    for w in &warnings {
        println!("warning: {w}");
    }
    if strict && !warnings.is_empty() {
        return Err(invalid(format!("{} warnings (--strict)", warnings.len())));
    }
    Ok(())
}

/// `policy page`: the page on stdout.
pub fn page(path: &std::path::Path, lang: Option<&str>, format: PageFormat) -> Result<(), Failure> {
    let policy = load(path)?;
    let lang = lang.unwrap_or_else(|| policy.languages()[0].as_str()).to_owned();
    print!("{}", policy.page(&lang, format));
    Ok(())
}

/// `policy compact`: the compact form on stdout, one line.
pub fn compact(path: &std::path::Path) -> Result<(), Failure> {
    println!("{}", load(path)?.to_compact());
    Ok(())
}
