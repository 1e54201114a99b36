//! The cookie policy page ("Charte cookies") rendered from a policy, in the
//! layout of the portals' own pages: what a cookie is, the categories with
//! their descriptions, one table of cookies per category (provider, service,
//! cookie, purpose, retention), how to change one's choice.

use core::fmt::Write;

use crate::{Category, Policy, PolicyTexts, Retention};

/// How [`Policy::page`] writes the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PageFormat {
    /// Markdown (CommonMark with pipe tables): a `#` title, then `##` sections.
    Markdown,
    /// An HTML fragment to embed under a page's own `<h1>`: sections from
    /// `<h2>`, no title, every text escaped.
    Html,
    /// A whole HTML document (`<!doctype html>`, `lang`, UTF-8, viewport,
    /// no external resource) with the title as its `<h1>`.
    HtmlDocument,
}

impl PageFormat {
    /// Every format, in declaration order.
    pub const ALL: [PageFormat; 3] = [PageFormat::Markdown, PageFormat::Html, PageFormat::HtmlDocument];

    /// `"markdown"`, `"html"` or `"html_document"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            PageFormat::Markdown => "markdown",
            PageFormat::Html => "html",
            PageFormat::HtmlDocument => "html_document",
        }
    }
}

impl core::str::FromStr for PageFormat {
    type Err = crate::Error;

    /// A format by name, ASCII case-insensitive, `-` read as `_`
    /// (`html-document` is `html_document`).
    ///
    /// ```
    /// use cookieprefs::PageFormat;
    /// assert_eq!("HTML-document".parse::<PageFormat>()?, PageFormat::HtmlDocument);
    /// assert_eq!("pdf".parse::<PageFormat>().unwrap_err().to_string(),
    ///            "unknown page format \"pdf\"; expected markdown, html or html_document");
    /// # Ok::<(), cookieprefs::Error>(())
    /// ```
    fn from_str(s: &str) -> Result<PageFormat, crate::Error> {
        let same = |name: &str| {
            name.len() == s.len()
                && name
                    .bytes()
                    .zip(s.bytes())
                    .all(|(n, c)| n == if c == b'-' { b'_' } else { c.to_ascii_lowercase() })
        };
        PageFormat::ALL
            .into_iter()
            .find(|f| same(f.as_str()))
            .ok_or_else(|| crate::Error::UnknownName {
                what: "page format",
                name: crate::language::shorten(s),
            })
    }
}

/// The page's own sentences, in French and English (English for any other
/// language).
struct Words {
    title: &'static str,
    intro: &'static str,
    what_heading: &'static str,
    what: &'static str,
    kinds_heading: &'static str,
    cookies_heading: &'static str,
    columns: [&'static str; 5],
    none_declared: &'static str,
    pattern_note: &'static str,
    change_heading: &'static str,
    change: &'static str,
    kept: &'static str,
    gpc: &'static str,
    session: &'static str,
    day: &'static str,
    days: &'static str,
    not_stated: &'static str,
}

const FR: Words = Words {
    title: "Charte cookies",
    intro: "Cette page explique ce que sont les cookies, lesquels ce site dépose et \
            pourquoi, et comment modifier votre choix à tout moment.",
    what_heading: "Qu'est-ce qu'un cookie ?",
    what: "Un cookie est une petite information, repérée par un nom, qu'un site web \
           confie à votre navigateur. Le navigateur la garde un certain temps et la \
           renvoie au site à chacune de vos visites. Les cookies servent à beaucoup de \
           choses : garder votre connexion ou votre langue d'une page à l'autre, mesurer \
           la fréquentation, ou suivre votre navigation à des fins statistiques ou \
           publicitaires.",
    kinds_heading: "Les catégories de cookies",
    cookies_heading: "Les cookies de ce site",
    columns: [
        "Nom du prestataire",
        "Service et emplacement",
        "Nom du cookie",
        "Finalités",
        "Durée de conservation",
    ],
    none_declared: "Aucun cookie de cette catégorie n'est déposé.",
    pattern_note: "Un nom terminé par * désigne tous les cookies dont le nom commence ainsi.",
    change_heading: "Modifier votre choix",
    change: "Vous pouvez accepter ou refuser chaque catégorie, sauf les cookies \
             nécessaires, et changer d'avis à tout moment avec le lien « Gérer les \
             cookies » présent en bas de chaque page. Retirer votre accord efface les \
             cookies de la catégorie concernée.",
    kept: "Votre choix est conservé dans le cookie {cookie} : {granted} pour un \
           accord, {denied} pour un refus. La question vous est ensuite posée de \
           nouveau, comme lorsque nous ajoutons une catégorie.",
    gpc: "Si votre navigateur envoie le signal Global Privacy Control, ces catégories \
          sont refusées tant que vous n'en avez pas décidé autrement : {list}.",
    session: "Durée de la session",
    day: "jour",
    days: "jours",
    not_stated: "Non précisée",
};

const EN: Words = Words {
    title: "Cookie policy",
    intro: "This page explains what cookies are, which ones this site sets and why, \
            and how to change your choice at any time.",
    what_heading: "What is a cookie?",
    what: "A cookie is a small piece of information, identified by a name, that a \
           website hands to your browser. The browser keeps it for a while and sends \
           it back to the site on each of your visits. Cookies serve many ends: \
           keeping you logged in or your language from one page to the next, counting \
           visits, or following your browsing for statistics or advertising.",
    kinds_heading: "Kinds of cookies",
    cookies_heading: "The cookies of this site",
    columns: [
        "Provider",
        "Service and location",
        "Cookie name",
        "Purpose",
        "Retention",
    ],
    none_declared: "No cookie of this kind is set.",
    pattern_note: "A name ending in * stands for every cookie whose name starts that way.",
    change_heading: "Changing your choice",
    change: "You can accept or refuse each kind of cookie, except the necessary ones, \
             and change your mind at any time with the \u{201c}Manage cookies\u{201d} link at \
             the bottom of every page. Withdrawing your consent deletes the cookies of \
             that kind.",
    kept: "Your choice is kept in the cookie {cookie}: {granted} for a consent, \
           {denied} for a refusal. You are then asked again, as you are when we add a \
           kind of cookie.",
    gpc: "If your browser sends the Global Privacy Control signal, these kinds are \
          refused until you decide otherwise: {list}.",
    session: "Browser session",
    day: "day",
    days: "days",
    not_stated: "Not stated",
};

impl<'p> PolicyTexts<'p> {
    /// The page title in this language (`Charte cookies`, `Cookie policy`).
    pub fn page_title(&self) -> &'static str {
        words(self.language()).title
    }

    /// A retention as the page writes it (`13 jours`, `Browser session`).
    pub fn retention(&self, retention: Option<Retention>) -> String {
        let w = words(self.language());
        match retention {
            None => w.not_stated.to_owned(),
            Some(Retention::Session) => w.session.to_owned(),
            Some(Retention::Days(1)) => format!("1 {}", w.day),
            Some(Retention::Days(n)) => format!("{n} {}", w.days),
        }
    }
}

fn words(language: &str) -> &'static Words {
    if language.split('-').next() == Some("fr") {
        &FR
    } else {
        &EN
    }
}

impl Policy {
    /// The cookie policy page in the language that best answers `language`
    /// (see [`Policy::texts`]), from this policy's declaration: the
    /// categories it offers (and `necessary`), each with its description
    /// and its cookies.
    ///
    /// ```
    /// # #[cfg(feature = "json-text")] {
    /// use cookieprefs::{PageFormat, Policy};
    /// let policy = Policy::from_json(r#"{"languages": ["fr", "en"], "cookies": [
    ///     {"name": "sessionid", "category": "necessary", "provider": "Opendatasoft",
    ///      "service": {"fr": "Authentification"}, "purpose": {"fr": "Se souvenir de l'utilisateur"},
    ///      "retention": 14}]}"#)?;
    /// let page = policy.page("fr", PageFormat::Markdown);
    /// assert!(page.starts_with("# Charte cookies\n"));
    /// assert!(page.contains("| Opendatasoft | Authentification | `sessionid` | Se souvenir de l'utilisateur | 14 jours |"));
    /// # }
    /// # Ok::<(), cookieprefs::Error>(())
    /// ```
    pub fn page(&self, language: &str, format: PageFormat) -> String {
        let t = self.texts(language);
        let w = words(t.language());
        let mut out = Page {
            out: String::with_capacity(4096),
            format,
        };
        out.start(t.language(), w.title);
        out.paragraph(w.intro);
        out.heading(w.what_heading, 0);
        out.paragraph(w.what);
        let categories: Vec<Category> = core::iter::once(Category::NECESSARY)
            .chain(self.categories().iter().map(|c| c.category))
            .collect();
        out.heading(w.kinds_heading, 0);
        out.definitions(categories.iter().map(|&c| (t.label(c), t.description(c))));
        out.heading(w.cookies_heading, 0);
        for &c in &categories {
            out.heading(t.label(c), 1);
            let rows: Vec<[String; 5]> = self
                .cookies()
                .iter()
                .filter(|d| d.category() == c)
                .map(|d| {
                    [
                        t.provider(d).to_owned(),
                        t.service(d).to_owned(),
                        d.name().to_owned(),
                        t.purpose(d).to_owned(),
                        t.retention(d.retention_period()),
                    ]
                })
                .collect();
            if rows.is_empty() {
                out.paragraph(w.none_declared);
            } else {
                out.table(t.label(c), &w.columns, &rows);
            }
        }
        if self.cookies().iter().any(|d| d.is_pattern()) {
            out.paragraph(w.pattern_note);
        }
        out.heading(w.change_heading, 0);
        out.paragraph(w.change);
        let (granted, denied) = self.max_age_days();
        let retention = |d: u16| t.retention(Some(Retention::Days(d)));
        out.paragraph(
            &w.kept
                .replace("{cookie}", &self.cookie().name)
                .replace("{granted}", &retention(granted))
                .replace("{denied}", &retention(denied)),
        );
        let gpc: Vec<&str> = self.gpc_categories().map(|c| t.label(c)).collect();
        if !gpc.is_empty() {
            out.paragraph(&w.gpc.replace("{list}", &gpc.join(", ")));
        }
        out.end();
        out.out
    }
}

/// The writer of one page.
struct Page {
    out: String,
    format: PageFormat,
}

impl Page {
    fn start(&mut self, language: &str, title: &str) {
        match self.format {
            PageFormat::Markdown => {
                let _ = writeln!(self.out, "# {}", md(title));
            }
            PageFormat::Html => {
                let _ = writeln!(
                    self.out,
                    "<section class=\"cookieprefs-policy\" lang=\"{}\">",
                    html(language)
                );
            }
            PageFormat::HtmlDocument => {
                let _ = writeln!(
                    self.out,
                    "<!doctype html>\n<html lang=\"{l}\">\n<head>\n<meta charset=\"utf-8\">\n\
                     <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
                     <title>{t}</title>\n</head>\n<body>\n<main class=\"cookieprefs-policy\">\n<h1>{t}</h1>",
                    l = html(language),
                    t = html(title)
                );
            }
        }
    }

    fn end(&mut self) {
        match self.format {
            PageFormat::Markdown => {}
            PageFormat::Html => self.out.push_str("</section>\n"),
            PageFormat::HtmlDocument => self.out.push_str("</main>\n</body>\n</html>\n"),
        }
    }

    /// A section heading (`depth` 0) or a sub-heading (1).
    fn heading(&mut self, text: &str, depth: usize) {
        if self.format == PageFormat::Markdown {
            let _ = write!(self.out, "\n{} {}\n", "#".repeat(2 + depth), md(text));
        } else {
            let level = 2 + depth;
            let _ = writeln!(self.out, "<h{level}>{}</h{level}>", html(text));
        }
    }

    fn paragraph(&mut self, text: &str) {
        if self.format == PageFormat::Markdown {
            let _ = write!(self.out, "\n{}\n", md(text));
        } else {
            let _ = writeln!(self.out, "<p>{}</p>", html(text));
        }
    }

    fn definitions<'a>(&mut self, items: impl Iterator<Item = (&'a str, &'a str)>) {
        if self.format == PageFormat::Markdown {
            self.out.push('\n');
            for (term, text) in items {
                let _ = writeln!(self.out, "- **{}** : {}", md(term), md(text));
            }
        } else {
            self.out.push_str("<dl>\n");
            for (term, text) in items {
                let _ = writeln!(self.out, "<dt>{}</dt>\n<dd>{}</dd>", html(term), html(text));
            }
            self.out.push_str("</dl>\n");
        }
    }

    /// A table whose third column holds cookie names.
    fn table(&mut self, caption: &str, columns: &[&str; 5], rows: &[[String; 5]]) {
        if self.format == PageFormat::Markdown {
            self.out.push('\n');
            let _ = writeln!(self.out, "| {} |", columns.map(md_cell).join(" | "));
            let _ = writeln!(self.out, "|{}", "---|".repeat(columns.len()));
            for row in rows {
                let cells: Vec<String> = row
                    .iter()
                    .enumerate()
                    .map(|(i, c)| if i == 2 { code_span(c) } else { md_cell(c) })
                    .collect();
                let _ = writeln!(self.out, "| {} |", cells.join(" | "));
            }
        } else {
            let _ = writeln!(
                self.out,
                "<table>\n<caption>{}</caption>\n<thead>\n<tr>",
                html(caption)
            );
            for c in columns {
                let _ = writeln!(self.out, "<th scope=\"col\">{}</th>", html(c));
            }
            self.out.push_str("</tr>\n</thead>\n<tbody>\n");
            for row in rows {
                self.out.push_str("<tr>");
                for (i, c) in row.iter().enumerate() {
                    if i == 2 {
                        let _ = write!(self.out, "<td><code>{}</code></td>", html(c));
                    } else {
                        let _ = write!(self.out, "<td>{}</td>", html(c));
                    }
                }
                self.out.push_str("</tr>\n");
            }
            self.out.push_str("</tbody>\n</table>\n");
        }
    }
}

/// Text for HTML: `& < > " '` escaped.
pub(crate) fn html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Text for a Markdown paragraph: one line, and no HTML the site did not
/// mean (`<` and `&` escaped).
fn md(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('\n', " ")
}

/// Text for a Markdown table cell: also `|` escaped.
fn md_cell(s: &str) -> String {
    md(s).replace('|', "\\|")
}

/// A cookie name as a code span (a name may hold a backtick).
fn code_span(name: &str) -> String {
    let name = name.replace('|', "\\|");
    if name.contains('`') {
        format!("`` {name} ``")
    } else {
        format!("`{name}`")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_format_has_every_table_row() {
        let policy = Policy::builder().standard_categories().build().unwrap();
        for f in [PageFormat::Markdown, PageFormat::Html, PageFormat::HtmlDocument] {
            let page = policy.page("en", f);
            assert!(page.contains("cookies_preferences"), "{f:?}");
            assert!(page.contains("No cookie of this kind is set."), "{f:?}");
        }
        let doc = policy.page("fr", PageFormat::HtmlDocument);
        assert!(doc.starts_with("<!doctype html>\n<html lang=\"fr\">"));
        assert!(doc.contains("<h1>Charte cookies</h1>"));
        assert!(!policy.page("fr", PageFormat::Html).contains("<h1>"));
    }

    #[cfg(feature = "json-text")]
    #[test]
    fn site_texts_are_escaped() {
        let policy = Policy::from_json(
            r#"{"cookies": [{"name": "a`b", "category": "necessary", "purpose": "x | <script>&"}]}"#,
        )
        .unwrap();
        let md = policy.page("en", PageFormat::Markdown);
        assert!(md.contains("| `` a`b `` | x \\| &lt;script>&amp; |"), "{md}");
        let h = policy.page("en", PageFormat::Html);
        assert!(h.contains("<td>x | &lt;script&gt;&amp;</td>"), "{h}");
    }
}
