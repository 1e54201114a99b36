//! The texts the library ships, in French and English: the labels and
//! descriptions of the four standard categories and the declaration of its
//! own cookie. A site's policy overrides any of them (`docs/FORMAT.md` §12).
//!
//! They say what the portals' cookie policies say of each category, in the
//! library's own words: necessary cookies keep the site working and need no
//! consent; statistics cookies measure visits; first-party cookies are set
//! by the site itself beyond what it needs, and may collect personal data;
//! third-party cookies are set by or for another site that learns what the
//! visitor read here.

use crate::Category;

/// Languages the library has texts in.
pub(crate) const LANGUAGES: [&str; 2] = ["fr", "en"];

/// Which shipped text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Key {
    /// A standard category's label (id 0–3).
    Label(Category),
    /// A standard category's description (id 0–3).
    Description(Category),
    /// Who sets the consent cookie.
    ConsentProvider,
    /// What the consent cookie serves.
    ConsentService,
    /// Why the consent cookie is set.
    ConsentPurpose,
}

/// The shipped text for `key` in `language` (a lowercase policy tag; its
/// primary subtag is what counts), if the library has one.
pub(crate) fn get(key: Key, language: &str) -> Option<&'static str> {
    let primary = language.split('-').next().unwrap_or("");
    let i = LANGUAGES.iter().position(|l| *l == primary)?;
    let pair: [&'static str; 2] = match key {
        Key::Label(c) => match c.id() {
            0 => ["Cookies nécessaires", "Necessary cookies"],
            1 => ["Cookies statistiques", "Statistics cookies"],
            2 => ["Cookies internes (first-party)", "First-party cookies"],
            3 => ["Cookies tiers (third-party)", "Third-party cookies"],
            _ => return None,
        },
        Key::Description(c) => match c.id() {
            0 => [
                "Déposés par ce site, ils gardent d'une page à l'autre ce dont son \
                 fonctionnement a besoin : votre connexion, votre langue, la protection des \
                 formulaires, votre choix sur les cookies. Ils ne demandent pas votre \
                 consentement et ne peuvent pas être refusés.",
                "Set by this site, they keep what it needs to work from one page to the \
                 next: your login, your language, the protection of its forms, your cookie \
                 choice. They need no consent and cannot be refused.",
            ],
            1 => [
                "Ils mesurent la fréquentation du site et la façon dont il est utilisé \
                 (pages vues, parcours) afin de l'améliorer. Ils ne sont déposés qu'avec \
                 votre accord.",
                "They measure how many people visit the site and how it is used (pages \
                 viewed, paths taken) so that it can be improved. They are set only with \
                 your consent.",
            ],
            2 => [
                "Déposés par ce site en plus des cookies nécessaires, ils peuvent servir à \
                 collecter des données personnelles, à suivre votre navigation sur le site \
                 ou à personnaliser des contenus et des publicités. Ils ne sont déposés \
                 qu'avec votre accord.",
                "Set by this site on top of the necessary cookies, they may collect personal \
                 data, follow your browsing on the site or personalise content and \
                 advertising. They are set only with your consent.",
            ],
            3 => [
                "Déposés par (ou pour) un autre site, comme une régie publicitaire, un \
                 réseau social ou un lecteur vidéo intégré, ils permettent à ce site de \
                 savoir quelles pages vous avez consultées ici et de recueillir des \
                 informations sur vous. Ils ne sont déposés qu'avec votre accord.",
                "Set by (or for) another site, such as an advertising network, a social \
                 network or an embedded video player, they let that site know which pages \
                 you read here and collect information about you. They are set only with \
                 your consent.",
            ],
            _ => return None,
        },
        Key::ConsentProvider => ["Ce site", "This site"],
        Key::ConsentService => [
            "Choix concernant vos préférences sur les cookies",
            "Your cookie preferences",
        ],
        Key::ConsentPurpose => [
            "Retient les choix que vous avez faits sur les cookies de ce site, pour ne \
             pas vous les redemander à chaque page.",
            "Remembers the choices you made about this site's cookies, so that you are \
             not asked again on every page.",
        ],
    };
    Some(pair[i])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_standard_text_in_both_languages() {
        for id in 0..=3 {
            let c = Category::new(id).unwrap();
            for l in ["fr", "en", "fr-ca"] {
                assert!(get(Key::Label(c), l).is_some_and(|t| !t.is_empty()));
                assert!(get(Key::Description(c), l).is_some_and(|t| t.len() > 80));
            }
        }
        assert_eq!(get(Key::Label(Category::new(16).unwrap()), "fr"), None);
        assert_eq!(get(Key::ConsentProvider, "de"), None);
    }
}
