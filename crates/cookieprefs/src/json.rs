//! The JSON forms of values, policies and evaluations (`docs/FORMAT.md` §7).
//!
//! Writing: one function per form writes it, keys in the form's order, with
//! the crate's own writer (`json_text::Writer`); `to_json` returns that text
//! (feature `json-text`), and serde's `Serialize` (feature `serde`) reads it
//! back into a document tree and hands the tree to the serializer, so both
//! say the same thing. Reading: `from_json` (the crate's own reader) and
//! `Deserialize` both hand the document to `json_read.rs`, where the shape
//! and the rules are checked in order.
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
use crate::json_text::{self, Writer};
#[cfg(feature = "serde")]
use crate::json_tree::{self as tree, Node, Path};
use crate::{
    BannerReason, Category, Error, Evaluation, ImportTable, Policy, Preferences, Retention, SameSite, Text,
    MAX_TCF_PURPOSE,
};
#[cfg(feature = "serde")]
use crate::{ConsentId, ConsentMode, ConsentType, Date, Method, State};

// --- Writing the forms -------------------------------------------------

/// A text: a string when one text serves every language, else an object
/// from language to text in the policy's language order.
fn text(w: &mut Writer, t: &Text) {
    match t.same_text() {
        Some(same) if t.by_language().next().is_none() => w.string(same),
        _ => {
            w.open('{');
            for (language, v) in t.by_language() {
                w.key(language);
                w.string(v);
            }
            w.close('}');
        }
    }
}

/// A text, or null.
fn text_or_null(w: &mut Writer, t: Option<&Text>) {
    match t {
        Some(t) => text(w, t),
        None => w.null(),
    }
}

/// A number of days, or `"session"`.
fn retention(w: &mut Writer, r: Retention) {
    match r {
        Retention::Session => w.string("session"),
        Retention::Days(d) => w.int(d.into()),
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
fn write_preferences(w: &mut Writer, p: &Preferences) {
    w.open('{');
    w.key("version");
    w.int(p.version().into());
    w.key("revision");
    w.int(p.revision.into());
    w.key("created");
    w.string(&p.created.to_string());
    w.key("updated");
    w.string(&p.updated.to_string());
    w.key("method");
    w.string(p.method.as_str());
    w.key("consent_id");
    w.string_or_null(p.consent_id.map(|id| id.to_string()).as_deref());
    w.key("categories");
    w.open('{');
    for (c, state) in p.decided() {
        w.key(&c.to_string());
        w.string(state.as_str());
    }
    w.close('}');
    w.close('}');
}

/// The normalised JSON form of [`Policy`] (FORMAT.md §7): every field spelled out.
fn write_policy(w: &mut Writer, policy: &Policy) {
    let i = &*policy.inner;
    let name = |c: Category| policy.name_of(c).map_or_else(|| c.to_string(), str::to_owned);
    let texts = |w: &mut Writer, c: Category| {
        w.key("label");
        text_or_null(w, policy.label_text(c));
        w.key("description");
        text_or_null(w, policy.description_text(c));
    };
    w.open('{');
    w.key("revision");
    w.int(i.revision.into());
    w.key("categories");
    w.open('[');
    for c in &i.categories {
        w.item();
        w.open('{');
        w.key("id");
        w.int(c.category.id().into());
        w.key("name");
        w.string(&c.name);
        w.key("since_revision");
        w.int(c.since_revision.into());
        texts(w, c.category);
        w.close('}');
    }
    w.close(']');
    w.key("max_age_days");
    w.open('{');
    w.key("granted");
    w.int(i.max_age_granted.into());
    w.key("denied");
    w.int(i.max_age_denied.into());
    w.close('}');
    w.key("gpc_categories");
    w.open('[');
    for c in policy.gpc_categories() {
        w.item();
        w.string(&name(c));
    }
    w.close(']');
    w.key("cookie");
    w.open('{');
    w.key("name");
    w.string(&i.cookie.name);
    w.key("domain");
    w.string_or_null(i.cookie.domain.as_deref());
    w.key("path");
    w.string(&i.cookie.path);
    w.key("secure");
    w.bool(i.cookie.secure);
    w.key("http_only");
    w.bool(i.cookie.http_only);
    w.key("same_site");
    w.string(same_site_json(i.cookie.same_site));
    w.close('}');
    // A type left at a default category the policy does not offer is
    // always denied; written out it would not load back (an explicit
    // mapping must name an offered category), left out it keeps that default.
    w.key("consent_mode");
    w.open('{');
    for (t, c) in policy.consent_mode_mapping() {
        if c == Category::NECESSARY || policy.offers(c) {
            w.key(t.as_str());
            w.string(&name(c));
        }
    }
    w.close('}');
    w.key("languages");
    w.open('[');
    for language in &i.languages {
        w.item();
        w.string(language);
    }
    w.close(']');
    w.key("necessary");
    w.open('{');
    texts(w, Category::NECESSARY);
    w.close('}');
    w.key("cookies");
    w.open('[');
    for c in policy.cookies().iter().filter(|c| !c.is_implicit()) {
        w.item();
        w.open('{');
        w.key("name");
        w.string(c.name());
        w.key("category");
        w.string(&name(c.category()));
        for (key, t) in [
            ("provider", c.provider_text()),
            ("service", c.service_text()),
            ("purpose", c.purpose_text()),
        ] {
            w.key(key);
            text_or_null(w, (!t.is_empty()).then_some(t));
        }
        w.key("retention");
        match c.retention_period() {
            Some(r) => retention(w, r),
            None => w.null(),
        }
        w.key("domain");
        w.string_or_null(c.domain_attribute());
        w.key("path");
        w.string(c.path_attribute());
        w.close('}');
    }
    w.close(']');
    w.key("undeclared");
    w.string(i.undeclared.as_str());
    // The import settings (FORMAT.md §13): written when given.
    if i.import.given {
        let im = &i.import;
        w.key("import");
        w.open('{');
        w.key("systems");
        match &im.systems {
            None => w.null(),
            Some(systems) => {
                w.open('{');
                for (source, c) in systems {
                    w.key(source.as_str());
                    w.open('{');
                    w.key("cookie");
                    w.string(c.name());
                    w.key("domain");
                    w.string_or_null(c.domain_attribute());
                    w.key("path");
                    w.string(c.path_attribute());
                    w.close('}');
                }
                w.close('}');
            }
        }
        for table in [
            ImportTable::Categories,
            ImportTable::Services,
            ImportTable::Onetrust,
            ImportTable::Trustcommander,
        ] {
            w.key(table.as_str());
            w.open('{');
            for e in &im.tables[table as usize] {
                w.key(&e.key);
                w.string_or_null(e.target.map(name).as_deref());
            }
            w.close('}');
        }
        w.key("tcf");
        w.open('{');
        for (c, mask) in &im.tcf {
            w.key(&name(*c));
            w.open('[');
            for p in (1..=MAX_TCF_PURPOSE).filter(|p| mask & 1 << (p - 1) != 0) {
                w.item();
                w.int(p.into());
            }
            w.close(']');
        }
        w.close('}');
        w.key("keep_consent_id");
        w.bool(im.keep_consent_id);
        w.close('}');
    }
    w.close('}');
}

/// `{"kind", "message"}` of an error, or null.
fn error_or_null(w: &mut Writer, e: Option<&Error>) {
    match e {
        Some(e) => {
            w.open('{');
            w.key("kind");
            w.string(e.kind());
            w.key("message");
            w.string(&e.to_string());
            w.close('}');
        }
        None => w.null(),
    }
}

/// The JSON form of an [`Evaluation`]: `{"needs_banner", "banner_reason",
/// "error": {"kind","message"}|null, "categories": {name: state} (policy
/// order), "gpc_applied", "consent_mode", "stored", "today", "copies",
/// "ignored_error": {"kind","message"}|null}`.
fn write_evaluation(w: &mut Writer, ev: &Evaluation) {
    w.open('{');
    w.key("needs_banner");
    w.bool(ev.needs_banner());
    w.key("banner_reason");
    w.string_or_null(ev.banner_reason().map(BannerReason::as_str));
    w.key("error");
    error_or_null(w, ev.error());
    w.key("categories");
    w.open('{');
    for (_, name, state) in ev.categories() {
        w.key(name);
        w.string(state.as_str());
    }
    w.close('}');
    w.key("gpc_applied");
    w.bool(ev.gpc_applied());
    w.key("consent_mode");
    w.open('{');
    for (t, v) in ev.consent_mode().iter() {
        w.key(t.as_str());
        w.string(v);
    }
    w.close('}');
    w.key("stored");
    match ev.stored() {
        Some(p) => write_preferences(w, p),
        None => w.null(),
    }
    w.key("today");
    w.string(&ev.today().to_string());
    w.key("copies");
    w.int(ev.copies().into());
    w.key("ignored_error");
    error_or_null(w, ev.ignored_error());
    w.close('}');
}

/// A form as JSON text.
fn written(pretty: bool, form: impl FnOnce(&mut Writer)) -> String {
    let mut w = Writer::new(pretty);
    form(&mut w);
    w.finish()
}

/// The serde form of a written form: the same document, read back into a
/// tree (lossless: the reader reads what the writer writes).
#[cfg(feature = "serde")]
fn serialized<S: Serializer>(s: S, text: &str) -> Result<S::Ok, S::Error> {
    json_text::parse(text)
        .map_err(serde::ser::Error::custom)?
        .serialize(s)
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
        crate::json_read::policy(&json_text::parse(json)?)
    }

    /// The policy's JSON form, every field spelled out except Consent Mode
    /// types left at a default category the policy does not offer (always
    /// denied); the output loads back with [`Policy::from_json`].
    pub fn to_json(&self) -> String {
        written(true, |w| write_policy(w, self))
    }
}

#[cfg(feature = "json-text")]
impl Evaluation {
    /// The evaluation's JSON form (`docs/FORMAT.md` §7, "Evaluation"), compact.
    pub fn to_json(&self) -> String {
        written(false, |w| write_evaluation(w, self))
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
        written(false, |w| write_preferences(w, self))
    }

    /// Reads the JSON form back; every rule is checked.
    ///
    /// # Errors
    /// [`Error::InvalidJson`] for text that is not JSON or JSON of the wrong
    /// shape (the message says where); a broken rule gives its own error.
    pub fn from_json(json: &str) -> Result<Preferences, Error> {
        crate::json_read::preferences(&json_text::parse(json)?)
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
        serialized(s, &written(false, |w| text(w, self)))
    }
}

#[cfg(feature = "serde")]
impl Serialize for Retention {
    /// A number of days, or `"session"`.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        serialized(s, &written(false, |w| retention(w, *self)))
    }
}

#[cfg(feature = "serde")]
impl Serialize for Preferences {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        serialized(s, &written(false, |w| write_preferences(w, self)))
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
        serialized(s, &written(false, |w| write_policy(w, self)))
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
        serialized(s, &written(false, |w| write_evaluation(w, self)))
    }
}
