//! Languages of a policy's texts: tags, the texts themselves ([`Text`]) and
//! choosing which of the policy's languages answers a request
//! (`docs/FORMAT.md` §12, "Texts").

use crate::quote::Quoted;

/// Most languages a policy may list.
pub const MAX_LANGUAGES: usize = 16;
/// Longest text, in bytes.
pub const MAX_TEXT_LEN: usize = 4096;

/// A text given in one or several languages: the `label`, `description`,
/// `provider`, `service` and `purpose` of a declaration.
///
/// Either one text for every language ([`Text::same`], a JSON string) or a
/// text per language ([`Text::with`], a JSON object from language tag to
/// text). Which text a visitor reads, and what replaces a missing one, is
/// decided by [`PolicyTexts`](crate::PolicyTexts).
///
/// ```
/// use cookieprefs::Text;
/// let t = Text::new().with("fr", "Mesure d'audience").with("en", "Audience measurement");
/// assert_eq!(t.get("en"), Some("Audience measurement"));
/// assert_eq!(t.get("de"), None);
/// assert_eq!(Text::same("Matomo").get("fr"), Some("Matomo"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Text {
    /// One text for every language.
    same: Option<String>,
    /// Language tag (lowercase once checked) → text, in the order given.
    by_language: Vec<(String, String)>,
}

impl Text {
    /// No text.
    pub fn new() -> Text {
        Text::default()
    }

    /// One text for every language (a product or company name, say).
    pub fn same(text: impl Into<String>) -> Text {
        Text {
            same: Some(text.into()),
            by_language: Vec::new(),
        }
    }

    /// Adds (or replaces) the text for one language tag.
    #[must_use]
    pub fn with(mut self, language: impl Into<String>, text: impl Into<String>) -> Text {
        let language = language.into();
        let text = text.into();
        match self
            .by_language
            .iter_mut()
            .find(|(l, _)| l.eq_ignore_ascii_case(&language))
        {
            Some(slot) => slot.1 = text,
            None => self.by_language.push((language, text)),
        }
        self
    }

    /// Whether no text is given.
    pub fn is_empty(&self) -> bool {
        self.same.is_none() && self.by_language.is_empty()
    }

    /// The text given for `language` (ASCII case-insensitive), or the text
    /// given for every language.
    pub fn get(&self, language: &str) -> Option<&str> {
        self.by_language
            .iter()
            .find(|(l, _)| l.eq_ignore_ascii_case(language))
            .map(|(_, t)| t.as_str())
            .or(self.same.as_deref())
    }

    /// The one text given for every language, if that is how it was given.
    pub fn same_text(&self) -> Option<&str> {
        self.same.as_deref()
    }

    /// The texts given per language, in the order given.
    pub fn by_language(&self) -> impl Iterator<Item = (&str, &str)> {
        self.by_language.iter().map(|(l, t)| (l.as_str(), t.as_str()))
    }

    /// Checks the text against the policy's languages (lowercased tags) and
    /// lowercases its keys; `what` names the field in the message.
    pub(crate) fn check(
        &mut self,
        languages: &[String],
        what: &dyn core::fmt::Display,
    ) -> Result<(), String> {
        let texts = self.same.iter().chain(self.by_language.iter().map(|(_, t)| t));
        for t in texts {
            if t.is_empty() || t.len() > MAX_TEXT_LEN {
                return Err(format!(
                    "{what}: a text must be 1-{MAX_TEXT_LEN} bytes, found {} bytes",
                    t.len()
                ));
            }
            if t.chars().any(|c| c.is_control() && c != '\n') {
                return Err(format!(
                    "{what}: a text may hold no control character but a line break"
                ));
            }
        }
        for (l, _) in &mut self.by_language {
            let lower = l.to_ascii_lowercase();
            if !languages.contains(&lower) {
                return Err(format!(
                    "{what}: language {} is not one of the policy's languages [{}]",
                    Quoted(&shorten(l)),
                    languages.join(", ")
                ));
            }
            *l = lower;
        }
        Ok(())
    }
}

/// Whether `tag` is a language tag as a policy lists them: a primary subtag
/// of 2–3 ASCII letters, then subtags of 1–8 letters or digits, each after
/// `-`; at most 35 bytes (`fr`, `en`, `pt-br`, `zh-hant`, `es-419`).
pub(crate) fn is_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let primary = parts.next().unwrap_or("");
    tag.len() <= 35
        && (2..=3).contains(&primary.len())
        && primary.bytes().all(|b| b.is_ascii_alphabetic())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// The policy's languages, checked (rule 7 of FORMAT.md §6) and lowercased.
pub(crate) fn check_languages(given: &[String]) -> Result<Vec<String>, String> {
    if given.is_empty() || given.len() > MAX_LANGUAGES {
        return Err(format!(
            "languages: list 1-{MAX_LANGUAGES} languages, found {}",
            given.len()
        ));
    }
    let mut out: Vec<String> = Vec::with_capacity(given.len());
    for tag in given {
        if !is_tag(tag) {
            return Err(format!(
                "languages: {} is not a language tag (2-3 letters, then -subtags: \"fr\", \"pt-br\")",
                Quoted(&shorten(tag))
            ));
        }
        let lower = tag.to_ascii_lowercase();
        if out.contains(&lower) {
            return Err(format!("languages: {} is listed twice", Quoted(&lower)));
        }
        out.push(lower);
    }
    Ok(out)
}

/// Which of `languages` (lowercase, the first the default) answers a
/// request for `requested`: the same tag (ASCII case-insensitive, `_` read
/// as `-`), else a listed tag equal to the request's primary subtag, else a
/// listed tag with the same primary subtag, else the default. Gives an index.
pub(crate) fn negotiate(languages: &[String], requested: &str) -> usize {
    let same = |a: &str, b: &str| {
        a.len() == b.len()
            && a.bytes().zip(b.bytes()).all(|(x, y)| {
                x.to_ascii_lowercase() == (if y == b'_' { b'-' } else { y.to_ascii_lowercase() })
            })
    };
    let primary = |t: &str| -> usize { t.find(['-', '_']).unwrap_or(t.len()) };
    let req_primary = &requested[..primary(requested)];
    languages
        .iter()
        .position(|l| same(l, requested))
        .or_else(|| languages.iter().position(|l| same(l, req_primary)))
        .or_else(|| {
            languages
                .iter()
                .position(|l| !req_primary.is_empty() && same(&l[..primary(l)], req_primary))
        })
        .unwrap_or(0)
}

/// At most 64 characters of what the visitor or site wrote, for a message.
pub(crate) fn shorten(s: &str) -> String {
    s.chars().take(64).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn langs(l: &[&str]) -> Vec<String> {
        l.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn tags() {
        for ok in ["fr", "en", "pt-br", "zh-Hant", "es-419", "gsw"] {
            assert!(is_tag(ok), "{ok}");
        }
        for bad in [
            "",
            "f",
            "fran",
            "fr_",
            "fr-",
            "fr--ca",
            "fr-toolongsub",
            "1a",
            "fr ca",
        ] {
            assert!(!is_tag(bad), "{bad}");
        }
    }

    #[test]
    fn negotiation() {
        let l = langs(&["fr", "en", "pt-br"]);
        assert_eq!(negotiate(&l, "en"), 1);
        assert_eq!(negotiate(&l, "EN-gb"), 1);
        assert_eq!(negotiate(&l, "fr_CA"), 0);
        assert_eq!(negotiate(&l, "pt"), 2);
        assert_eq!(negotiate(&l, "pt-BR"), 2);
        assert_eq!(negotiate(&l, "de"), 0);
        assert_eq!(negotiate(&l, ""), 0);
        assert_eq!(negotiate(&l, "-"), 0);
    }

    #[test]
    fn languages_are_checked() {
        assert_eq!(check_languages(&langs(&["FR", "en"])).unwrap(), ["fr", "en"]);
        assert!(check_languages(&langs(&[])).is_err());
        assert!(check_languages(&langs(&["fr", "FR"]))
            .unwrap_err()
            .contains("twice"));
        assert!(check_languages(&langs(&["french"]))
            .unwrap_err()
            .contains("not a language tag"));
    }

    #[test]
    fn texts_are_checked() {
        let l = langs(&["fr", "en"]);
        let mut t = Text::new().with("FR", "Bonjour");
        t.check(&l, &"label").unwrap();
        assert_eq!(t.by_language().next(), Some(("fr", "Bonjour")));
        let mut t = Text::new().with("de", "Hallo");
        assert_eq!(
            t.check(&l, &"label").unwrap_err(),
            "label: language \"de\" is not one of the policy's languages [fr, en]"
        );
        assert!(Text::same("").check(&l, &"x").is_err());
        assert!(Text::same("a\u{7}").check(&l, &"x").is_err());
    }
}
