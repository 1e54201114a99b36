//! The JSON forms of values, policies and evaluations (`docs/FORMAT.md` §7):
//! how they are written (serde `Serialize`), and the entry points that read
//! them (`from_json`, `Deserialize`), which hand the document to
//! `json_read.rs`, where the shape and the rules are checked in order.
//!
//! Small types serialize as strings (`"2026-11-24"`, `"granted"`,
//! `"statistics"`, UUIDs); [`Preferences`], [`Policy`] and [`Evaluation`] as
//! objects.

use std::collections::BTreeMap;

use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::json_read;
use crate::json_tree::{self as tree, Node, Path};
use crate::{
    BannerReason, Category, ConsentId, ConsentMode, ConsentType, Date, Error, Evaluation, ImportTable,
    Method, Policy, Preferences, Retention, SameSite, State, Text, MAX_TCF_PURPOSE,
};

macro_rules! string_serde {
    ($($t:ty),*) => {$(
        impl Serialize for $t {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_str(self)
            }
        }
        impl<'de> Deserialize<'de> for $t {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
                s.parse().map_err(D::Error::custom)
            }
        }
    )*};
}
string_serde!(Date, State, Method, ConsentId, ConsentType);

impl Serialize for Category {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Category {
    /// A category reference without a policy (FORMAT.md §7): a standard
    /// name, a canonical decimal id as a string, or an integer id.
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Category, D::Error> {
        let node = Node::deserialize(d)?;
        category_without_policy(&node, &Path::Root).map_err(D::Error::custom)
    }
}

/// A category reference read where no policy names categories.
fn category_without_policy(node: &Node, path: &Path<'_>) -> Result<Category, Error> {
    match node {
        Node::Int(i) => Category::try_from(tree::saturate(*i)),
        Node::Str(s) => s.parse(),
        other => Err(path.expected("a category name or id", other)),
    }
}

impl Serialize for BannerReason {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl Serialize for SameSite {
    /// Lowercase, the one spelling of the JSON form: `"lax"`, `"strict"`, `"none"`.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(same_site_json(*self))
    }
}

fn same_site_json(v: SameSite) -> &'static str {
    match v {
        SameSite::Lax => "lax",
        SameSite::Strict => "strict",
        SameSite::None => "none",
    }
}

/// `lax`, `strict` or `none` in any ASCII case.
pub(crate) fn same_site_from_json(s: &str) -> Result<SameSite, Error> {
    [SameSite::Lax, SameSite::Strict, SameSite::None]
        .into_iter()
        .find(|v| same_site_json(*v).eq_ignore_ascii_case(s))
        .ok_or_else(|| Error::UnknownName {
            what: "same_site value",
            name: s.chars().take(64).collect(),
        })
}

impl Serialize for ConsentMode {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.iter().map(|(t, v)| (t.as_str(), v)))
    }
}

/// The JSON form of [`Preferences`].
#[derive(Serialize)]
struct PreferencesJson {
    version: u8,
    revision: u32,
    created: Date,
    updated: Date,
    method: Method,
    consent_id: Option<ConsentId>,
    categories: BTreeMap<Category, State>,
}

impl Serialize for Preferences {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        PreferencesJson {
            version: self.version(),
            revision: u32::from(self.revision),
            created: self.created,
            updated: self.updated,
            method: self.method,
            consent_id: self.consent_id,
            categories: self.decided().collect(),
        }
        .serialize(s)
    }
}

impl<'de> Deserialize<'de> for Preferences {
    /// Every rule is checked, as by [`Preferences::from_json`].
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Preferences, D::Error> {
        json_read::preferences(&Node::deserialize(d)?).map_err(D::Error::custom)
    }
}

/// The JSON form of one offered category (output; reading is in `json_read`).
#[derive(Serialize)]
struct CategoryJson<'a> {
    id: u8,
    name: &'a str,
    since_revision: u16,
    label: Option<&'a Text>,
    description: Option<&'a Text>,
}

/// The `necessary` object: its texts.
#[derive(Serialize)]
struct TextsJson<'a> {
    label: Option<&'a Text>,
    description: Option<&'a Text>,
}

impl Serialize for Text {
    /// A string when one text serves every language, else an object from
    /// language to text in the policy's language order.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.same_text() {
            Some(t) if self.by_language().next().is_none() => s.serialize_str(t),
            _ => s.collect_map(self.by_language()),
        }
    }
}

impl Serialize for Retention {
    /// A number of days, or `"session"`.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Retention::Session => s.serialize_str("session"),
            Retention::Days(d) => s.serialize_u16(*d),
        }
    }
}

/// The JSON form of one declared cookie.
#[derive(Serialize)]
struct DeclaredJson<'a> {
    name: &'a str,
    category: String,
    provider: Option<&'a Text>,
    service: Option<&'a Text>,
    purpose: Option<&'a Text>,
    retention: Option<Retention>,
    domain: Option<&'a str>,
    path: &'a str,
}

/// The JSON form of max ages.
#[derive(Serialize)]
struct MaxAgeJson {
    granted: u16,
    denied: u16,
}

/// The JSON form of the cookie attributes.
#[derive(Serialize)]
struct CookieJson<'a> {
    name: &'a str,
    domain: Option<&'a str>,
    path: &'a str,
    secure: bool,
    http_only: bool,
    same_site: SameSite,
}

/// A JSON object whose keys keep the order given.
struct OrderedMap<K, V>(Vec<(K, V)>);

impl<K: Serialize, V: Serialize> Serialize for OrderedMap<K, V> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.0.iter().map(|(k, v)| (k, v)))
    }
}

/// The JSON form of a source's cookie in `import.systems`.
#[derive(Serialize)]
struct SourceCookieJson<'a> {
    cookie: &'a str,
    domain: Option<&'a str>,
    path: &'a str,
}

/// The JSON form of the import settings (FORMAT.md §13): written when given.
#[derive(Serialize)]
struct ImportJson<'a> {
    systems: Option<OrderedMap<&'static str, SourceCookieJson<'a>>>,
    categories: OrderedMap<&'a str, Option<String>>,
    services: OrderedMap<&'a str, Option<String>>,
    onetrust: OrderedMap<&'a str, Option<String>>,
    trustcommander: OrderedMap<&'a str, Option<String>>,
    tcf: OrderedMap<String, Vec<u8>>,
    keep_consent_id: bool,
}

/// The normalised JSON form of [`Policy`] (FORMAT.md §7): every field spelled out.
#[derive(Serialize)]
struct PolicyJson<'a> {
    revision: u16,
    categories: Vec<CategoryJson<'a>>,
    max_age_days: MaxAgeJson,
    gpc_categories: Vec<String>,
    cookie: CookieJson<'a>,
    consent_mode: BTreeMap<ConsentType, String>,
    languages: &'a [String],
    necessary: TextsJson<'a>,
    cookies: Vec<DeclaredJson<'a>>,
    undeclared: &'static str,
    #[serde(rename = "import", skip_serializing_if = "Option::is_none")]
    import_settings: Option<ImportJson<'a>>,
}

impl Serialize for Policy {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let i = &*self.inner;
        let name = |c: Category| self.name_of(c).map_or_else(|| c.to_string(), str::to_owned);
        PolicyJson {
            revision: i.revision,
            categories: i
                .categories
                .iter()
                .map(|c| CategoryJson {
                    id: c.category.id(),
                    name: &c.name,
                    since_revision: c.since_revision,
                    label: self.label_text(c.category),
                    description: self.description_text(c.category),
                })
                .collect(),
            max_age_days: MaxAgeJson {
                granted: i.max_age_granted,
                denied: i.max_age_denied,
            },
            gpc_categories: self.gpc_categories().map(name).collect(),
            cookie: CookieJson {
                name: &i.cookie.name,
                domain: i.cookie.domain.as_deref(),
                path: &i.cookie.path,
                secure: i.cookie.secure,
                http_only: i.cookie.http_only,
                same_site: i.cookie.same_site,
            },
            // A type left at a default category the policy does not offer is
            // always denied; written out it would not load back (an explicit
            // mapping must name an offered category), left out it keeps that default.
            consent_mode: self
                .consent_mode_mapping()
                .filter(|(_, c)| *c == Category::NECESSARY || self.offers(*c))
                .map(|(t, c)| (t, name(c)))
                .collect(),
            languages: &i.languages,
            necessary: TextsJson {
                label: self.label_text(Category::NECESSARY),
                description: self.description_text(Category::NECESSARY),
            },
            cookies: self
                .cookies()
                .iter()
                .filter(|c| !c.is_implicit())
                .map(|c| {
                    fn given(t: &Text) -> Option<&Text> {
                        (!t.is_empty()).then_some(t)
                    }
                    DeclaredJson {
                        name: c.name(),
                        category: name(c.category()),
                        provider: given(c.provider_text()),
                        service: given(c.service_text()),
                        purpose: given(c.purpose_text()),
                        retention: c.retention_period(),
                        domain: c.domain_attribute(),
                        path: c.path_attribute(),
                    }
                })
                .collect(),
            undeclared: i.undeclared.as_str(),
            import_settings: i.import.given.then(|| {
                let im = &i.import;
                let table = |t: ImportTable| {
                    OrderedMap(
                        im.tables[t as usize]
                            .iter()
                            .map(|e| (e.key.as_str(), e.target.map(name)))
                            .collect(),
                    )
                };
                ImportJson {
                    systems: im.systems.as_ref().map(|systems| {
                        OrderedMap(
                            systems
                                .iter()
                                .map(|(src, c)| {
                                    (
                                        src.as_str(),
                                        SourceCookieJson {
                                            cookie: c.name(),
                                            domain: c.domain_attribute(),
                                            path: c.path_attribute(),
                                        },
                                    )
                                })
                                .collect(),
                        )
                    }),
                    categories: table(ImportTable::Categories),
                    services: table(ImportTable::Services),
                    onetrust: table(ImportTable::Onetrust),
                    trustcommander: table(ImportTable::Trustcommander),
                    tcf: OrderedMap(
                        im.tcf
                            .iter()
                            .map(|(c, mask)| {
                                (
                                    name(*c),
                                    (1..=MAX_TCF_PURPOSE)
                                        .filter(|p| mask & 1 << (p - 1) != 0)
                                        .collect(),
                                )
                            })
                            .collect(),
                    ),
                    keep_consent_id: im.keep_consent_id,
                }
            }),
        }
        .serialize(s)
    }
}

impl<'de> Deserialize<'de> for Policy {
    /// Every rule is checked, in the same order as by [`Policy::from_json`].
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Policy, D::Error> {
        json_read::policy(&Node::deserialize(d)?).map_err(D::Error::custom)
    }
}

#[cfg(feature = "json")]
impl Policy {
    /// Loads a policy from its JSON form (`docs/FORMAT.md` §7); every field
    /// but `revision` is optional and unknown fields are refused.
    ///
    /// ```
    /// let policy = cookieprefs::Policy::from_json(r#"{
    ///     "revision": 3,
    ///     "categories": [
    ///         {"id": 1, "name": "statistics"},
    ///         {"id": 3, "name": "third_party", "since_revision": 3},
    ///         {"id": 16, "name": "youtube"}
    ///     ],
    ///     "gpc_categories": ["third_party", "youtube"]
    /// }"#)?;
    /// assert_eq!(policy.revision(), 3);
    /// # Ok::<(), cookieprefs::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidJson`] for text that is not JSON (at a line and
    /// column) or JSON of the wrong shape (at a key path such as
    /// `$.categories[1].name`); otherwise the first rule the policy breaks
    /// (see [`PolicyBuilder::build`](crate::PolicyBuilder::build)).
    pub fn from_json(json: &str) -> Result<Policy, Error> {
        json_read::policy(&tree::parse(json)?)
    }

    /// The policy's JSON form, every field spelled out except Consent Mode
    /// types left at a default category the policy does not offer (always
    /// denied); the output loads back with [`Policy::from_json`].
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

#[cfg(feature = "json")]
impl Evaluation {
    /// The evaluation's JSON form (see its `Serialize` impl).
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

#[cfg(feature = "json")]
impl Preferences {
    /// The value's JSON form, for people and logs.
    ///
    /// ```
    /// # use cookieprefs::decode;
    /// assert_eq!(decode("BAADCdcJ1w5Q")?.to_json(),
    ///   r#"{"version":1,"revision":3,"created":"2026-11-24","updated":"2026-11-24","method":"banner","consent_id":null,"categories":{"statistics":"granted","first_party":"denied","third_party":"denied"}}"#);
    /// # Ok::<(), cookieprefs::Error>(())
    /// ```
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Reads the JSON form back; every rule is checked.
    ///
    /// # Errors
    /// [`Error::InvalidJson`] for text that is not JSON or JSON of the wrong
    /// shape (the message says where); a broken rule gives its own error.
    pub fn from_json(json: &str) -> Result<Preferences, Error> {
        json_read::preferences(&tree::parse(json)?)
    }
}

#[derive(Serialize)]
struct ErrorJson {
    kind: &'static str,
    message: String,
}

/// Categories in policy order (a JSON object whose keys keep that order).
struct OrderedStates<'a>(Vec<(&'a str, State)>);

impl Serialize for OrderedStates<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.0.iter().map(|(k, v)| (k, v)))
    }
}

impl Serialize for Evaluation {
    /// `{"needs_banner", "banner_reason", "error": {"kind","message"}|null,
    /// "categories": {name: state}, "gpc_applied", "consent_mode", "stored", "today",
    /// "copies", "ignored_error": {"kind","message"}|null}`.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct EvaluationJson<'a> {
            needs_banner: bool,
            banner_reason: Option<BannerReason>,
            error: Option<ErrorJson>,
            categories: OrderedStates<'a>,
            gpc_applied: bool,
            consent_mode: ConsentMode,
            stored: Option<&'a Preferences>,
            today: Date,
            copies: u32,
            ignored_error: Option<ErrorJson>,
        }
        EvaluationJson {
            needs_banner: self.needs_banner(),
            banner_reason: self.banner_reason(),
            error: self.error().map(|e| ErrorJson {
                kind: e.kind(),
                message: e.to_string(),
            }),
            categories: OrderedStates(self.categories().map(|(_, n, st)| (n, st)).collect()),
            gpc_applied: self.gpc_applied(),
            consent_mode: self.consent_mode(),
            stored: self.stored(),
            today: self.today(),
            copies: self.copies(),
            ignored_error: self.ignored_error().map(|e| ErrorJson {
                kind: e.kind(),
                message: e.to_string(),
            }),
        }
        .serialize(s)
    }
}
