//! The JSON forms of values, policies and evaluations (`docs/FORMAT.md` §7).
//!
//! Writing: one function per form builds its document tree
//! (`json_tree::Node`, keys in the form's order); `to_json` writes the tree
//! with the crate's own writer (`json_text`, feature `json-text`) and serde's
//! `Serialize` hands the same tree to any serializer (feature `serde`), so
//! both say the same thing. Reading: `from_json` (the crate's own reader)
//! and `Deserialize` both hand the document to `json_read.rs`, where the
//! shape and the rules are checked in order.
//!
//! Small types serialize as strings (`"2026-11-24"`, `"granted"`,
//! `"statistics"`, UUIDs); [`Preferences`], [`Policy`] and [`Evaluation`] as
//! objects.

#[cfg(feature = "serde")]
use serde::de::Error as _;
#[cfg(feature = "serde")]
use serde::{Deserialize, Deserializer, Serialize, Serializer};

#[cfg(feature = "serde")]
use crate::json_read;
use crate::json_tree::Node;
#[cfg(feature = "serde")]
use crate::json_tree::{self as tree, Path};
#[cfg(feature = "serde")]
use crate::BannerReason;
use crate::{
    Category, Error, Evaluation, ImportTable, Policy, Preferences, Retention, SameSite, Text, MAX_TCF_PURPOSE,
};
#[cfg(feature = "serde")]
use crate::{ConsentId, ConsentMode, ConsentType, Date, Method, State};

// --- Document trees of the forms ----------------------------------------

/// A string node.
fn string(s: impl Into<String>) -> Node {
    Node::Str(s.into())
}

/// An object node, keys in the order given.
fn object<'k>(pairs: impl IntoIterator<Item = (&'k str, Node)>) -> Node {
    Node::Object(pairs.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())
}

/// A node, or null.
fn or_null<T>(value: Option<T>, node: impl FnOnce(T) -> Node) -> Node {
    value.map_or(Node::Null, node)
}

/// A text: a string when one text serves every language, else an object
/// from language to text in the policy's language order.
fn text(t: &Text) -> Node {
    match t.same_text() {
        Some(same) if t.by_language().next().is_none() => string(same),
        _ => object(t.by_language().map(|(l, v)| (l, string(v)))),
    }
}

/// A number of days, or `"session"`.
fn retention(r: Retention) -> Node {
    match r {
        Retention::Session => string("session"),
        Retention::Days(d) => Node::Int(d.into()),
    }
}

/// `lax`, `strict` or `none`: the one spelling of the JSON form.
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

/// The JSON form of [`Preferences`]: decided categories by id.
pub(crate) fn preferences_node(p: &Preferences) -> Node {
    object([
        ("version", Node::Int(p.version().into())),
        ("revision", Node::Int(p.revision.into())),
        ("created", string(p.created.to_string())),
        ("updated", string(p.updated.to_string())),
        ("method", string(p.method.as_str())),
        ("consent_id", or_null(p.consent_id, |id| string(id.to_string()))),
        (
            "categories",
            Node::Object(
                p.decided()
                    .map(|(c, st)| (c.to_string(), string(st.as_str())))
                    .collect(),
            ),
        ),
    ])
}

/// The normalised JSON form of [`Policy`] (FORMAT.md §7): every field spelled out.
pub(crate) fn policy_node(policy: &Policy) -> Node {
    let i = &*policy.inner;
    let name_text = |c: Category| policy.name_of(c).map_or_else(|| c.to_string(), str::to_owned);
    let name = |c: Category| string(name_text(c));
    let texts = |c: Category| {
        [
            ("label", or_null(policy.label_text(c), text)),
            ("description", or_null(policy.description_text(c), text)),
        ]
    };
    let mut fields = vec![
        ("revision", Node::Int(i.revision.into())),
        (
            "categories",
            Node::Array(
                i.categories
                    .iter()
                    .map(|c| {
                        let [label, description] = texts(c.category);
                        object([
                            ("id", Node::Int(c.category.id().into())),
                            ("name", string(&*c.name)),
                            ("since_revision", Node::Int(c.since_revision.into())),
                            label,
                            description,
                        ])
                    })
                    .collect(),
            ),
        ),
        (
            "max_age_days",
            object([
                ("granted", Node::Int(i.max_age_granted.into())),
                ("denied", Node::Int(i.max_age_denied.into())),
            ]),
        ),
        (
            "gpc_categories",
            Node::Array(policy.gpc_categories().map(name).collect()),
        ),
        (
            "cookie",
            object([
                ("name", string(&*i.cookie.name)),
                ("domain", or_null(i.cookie.domain.as_deref(), string)),
                ("path", string(&*i.cookie.path)),
                ("secure", Node::Bool(i.cookie.secure)),
                ("http_only", Node::Bool(i.cookie.http_only)),
                ("same_site", string(same_site_json(i.cookie.same_site))),
            ]),
        ),
        // A type left at a default category the policy does not offer is
        // always denied; written out it would not load back (an explicit
        // mapping must name an offered category), left out it keeps that default.
        (
            "consent_mode",
            object(
                policy
                    .consent_mode_mapping()
                    .filter(|(_, c)| *c == Category::NECESSARY || policy.offers(*c))
                    .map(|(t, c)| (t.as_str(), name(c))),
            ),
        ),
        ("languages", Node::Array(i.languages.iter().map(string).collect())),
        ("necessary", object(texts(Category::NECESSARY))),
        (
            "cookies",
            Node::Array(
                policy
                    .cookies()
                    .iter()
                    .filter(|c| !c.is_implicit())
                    .map(|c| {
                        let given = |t: &Text| if t.is_empty() { Node::Null } else { text(t) };
                        object([
                            ("name", string(c.name())),
                            ("category", name(c.category())),
                            ("provider", given(c.provider_text())),
                            ("service", given(c.service_text())),
                            ("purpose", given(c.purpose_text())),
                            ("retention", or_null(c.retention_period(), retention)),
                            ("domain", or_null(c.domain_attribute(), string)),
                            ("path", string(c.path_attribute())),
                        ])
                    })
                    .collect(),
            ),
        ),
        ("undeclared", string(i.undeclared.as_str())),
    ];
    // The import settings (FORMAT.md §13): written when given.
    if i.import.given {
        let im = &i.import;
        let table = |t: ImportTable| {
            object(
                im.tables[t as usize]
                    .iter()
                    .map(|e| (e.key.as_str(), or_null(e.target, name))),
            )
        };
        let systems = or_null(im.systems.as_ref(), |systems| {
            object(systems.iter().map(|(src, c)| {
                (
                    src.as_str(),
                    object([
                        ("cookie", string(c.name())),
                        ("domain", or_null(c.domain_attribute(), string)),
                        ("path", string(c.path_attribute())),
                    ]),
                )
            }))
        });
        let tcf = Node::Object(
            im.tcf
                .iter()
                .map(|(c, mask)| {
                    let purposes = (1..=MAX_TCF_PURPOSE)
                        .filter(|p| mask & 1 << (p - 1) != 0)
                        .map(|p| Node::Int(p.into()))
                        .collect();
                    (name_text(*c), Node::Array(purposes))
                })
                .collect(),
        );
        fields.push((
            "import",
            object([
                ("systems", systems),
                ("categories", table(ImportTable::Categories)),
                ("services", table(ImportTable::Services)),
                ("onetrust", table(ImportTable::Onetrust)),
                ("trustcommander", table(ImportTable::Trustcommander)),
                ("tcf", tcf),
                ("keep_consent_id", Node::Bool(im.keep_consent_id)),
            ]),
        ));
    }
    object(fields)
}

/// `{"kind", "message"}` of an error.
fn error_node(e: &Error) -> Node {
    object([("kind", string(e.kind())), ("message", string(e.to_string()))])
}

/// The JSON form of an [`Evaluation`]: `{"needs_banner", "banner_reason",
/// "error": {"kind","message"}|null, "categories": {name: state} (policy
/// order), "gpc_applied", "consent_mode", "stored", "today", "copies",
/// "ignored_error": {"kind","message"}|null}`.
pub(crate) fn evaluation_node(ev: &Evaluation) -> Node {
    object([
        ("needs_banner", Node::Bool(ev.needs_banner())),
        (
            "banner_reason",
            or_null(ev.banner_reason(), |r| string(r.as_str())),
        ),
        ("error", or_null(ev.error(), error_node)),
        (
            "categories",
            object(ev.categories().map(|(_, n, st)| (n, string(st.as_str())))),
        ),
        ("gpc_applied", Node::Bool(ev.gpc_applied())),
        (
            "consent_mode",
            object(ev.consent_mode().iter().map(|(t, v)| (t.as_str(), string(v)))),
        ),
        ("stored", or_null(ev.stored(), preferences_node)),
        ("today", string(ev.today().to_string())),
        ("copies", Node::Int(ev.copies().into())),
        ("ignored_error", or_null(ev.ignored_error(), error_node)),
    ])
}

// --- Text ----------------------------------------------------------------

#[cfg(feature = "json-text")]
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
        crate::json_read::policy(&crate::json_text::parse(json)?)
    }

    /// The policy's JSON form, every field spelled out except Consent Mode
    /// types left at a default category the policy does not offer (always
    /// denied); the output loads back with [`Policy::from_json`].
    pub fn to_json(&self) -> String {
        crate::json_text::write(&policy_node(self), true)
    }
}

#[cfg(feature = "json-text")]
impl Evaluation {
    /// The evaluation's JSON form (`docs/FORMAT.md` §7, "Evaluation"), compact.
    pub fn to_json(&self) -> String {
        crate::json_text::write(&evaluation_node(self), false)
    }
}

#[cfg(feature = "json-text")]
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
        crate::json_text::write(&preferences_node(self), false)
    }

    /// Reads the JSON form back; every rule is checked.
    ///
    /// # Errors
    /// [`Error::InvalidJson`] for text that is not JSON or JSON of the wrong
    /// shape (the message says where); a broken rule gives its own error.
    pub fn from_json(json: &str) -> Result<Preferences, Error> {
        crate::json_read::preferences(&crate::json_text::parse(json)?)
    }
}

// --- serde ----------------------------------------------------------------

#[cfg(feature = "serde")]
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
#[cfg(feature = "serde")]
string_serde!(Date, State, Method, ConsentId, ConsentType);

#[cfg(feature = "serde")]
impl Serialize for Category {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(feature = "serde")]
impl<'de> Deserialize<'de> for Category {
    /// A category reference without a policy (FORMAT.md §7): a standard
    /// name, a canonical decimal id as a string, or an integer id.
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Category, D::Error> {
        let node = Node::deserialize(d)?;
        category_without_policy(&node, &Path::Root).map_err(D::Error::custom)
    }
}

/// A category reference read where no policy names categories.
#[cfg(feature = "serde")]
fn category_without_policy(node: &Node, path: &Path<'_>) -> Result<Category, Error> {
    match node {
        Node::Int(i) => Category::try_from(tree::saturate(*i)),
        Node::Str(s) => s.parse(),
        other => Err(path.expected("a category name or id", other)),
    }
}

#[cfg(feature = "serde")]
impl Serialize for BannerReason {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

#[cfg(feature = "serde")]
impl Serialize for SameSite {
    /// Lowercase, the one spelling of the JSON form: `"lax"`, `"strict"`, `"none"`.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(same_site_json(*self))
    }
}

#[cfg(feature = "serde")]
impl Serialize for ConsentMode {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.iter().map(|(t, v)| (t.as_str(), v)))
    }
}

#[cfg(feature = "serde")]
impl Serialize for Text {
    /// A string when one text serves every language, else an object from
    /// language to text in the policy's language order.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        text(self).serialize(s)
    }
}

#[cfg(feature = "serde")]
impl Serialize for Retention {
    /// A number of days, or `"session"`.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        retention(*self).serialize(s)
    }
}

#[cfg(feature = "serde")]
impl Serialize for Preferences {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        preferences_node(self).serialize(s)
    }
}

#[cfg(feature = "serde")]
impl<'de> Deserialize<'de> for Preferences {
    /// Every rule is checked, as by [`Preferences::from_json`].
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Preferences, D::Error> {
        json_read::preferences(&Node::deserialize(d)?).map_err(D::Error::custom)
    }
}

#[cfg(feature = "serde")]
impl Serialize for Policy {
    /// The normalised form (FORMAT.md §7), as [`Policy::to_json`] writes it.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        policy_node(self).serialize(s)
    }
}

#[cfg(feature = "serde")]
impl<'de> Deserialize<'de> for Policy {
    /// Every rule is checked, in the same order as by [`Policy::from_json`].
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Policy, D::Error> {
        json_read::policy(&Node::deserialize(d)?).map_err(D::Error::custom)
    }
}

#[cfg(feature = "serde")]
impl Serialize for Evaluation {
    /// `{"needs_banner", "banner_reason", "error": {"kind","message"}|null,
    /// "categories": {name: state}, "gpc_applied", "consent_mode", "stored", "today",
    /// "copies", "ignored_error": {"kind","message"}|null}`.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        evaluation_node(self).serialize(s)
    }
}
