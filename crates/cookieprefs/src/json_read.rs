//! Reading the JSON forms of [`Policy`] and [`Preferences`]
//! (`docs/FORMAT.md` §7): first the shape (types, unknown and missing keys,
//! named by key path), then the rules, which [`PolicyBuilder::build`] and
//! [`PreferencesBuilder::build`](crate::PreferencesBuilder::build) own.

use crate::json_tree::{self as tree, Node, Path};
use crate::policy_builder::CategoryRef;
use crate::policy_declaration::{RawCookie, RawRetention};
use crate::policy_texts::CategoryTexts;
use crate::{
    Category, ConsentId, ConsentType, CookieAttributes, Date, DeclaredCookie, Error, ImportSource,
    ImportTable, Method, Policy, PolicyBuilder, Preferences, SourceCookie, State, Text, Undeclared,
    FORMAT_VERSION,
};

const POLICY_KEYS: &[&str] = &[
    "revision",
    "categories",
    "max_age_days",
    "gpc_categories",
    "cookie",
    "consent_mode",
    "languages",
    "necessary",
    "cookies",
    "undeclared",
    "import",
];
const IMPORT_KEYS: &[&str] = &[
    "systems",
    "categories",
    "services",
    "onetrust",
    "trustcommander",
    "tcf",
    "keep_consent_id",
];
const SYSTEM_KEYS: &[&str] = &["cookie", "domain", "path"];
const CATEGORY_KEYS: &[&str] = &["id", "name", "since_revision", "label", "description"];
const TEXTS_KEYS: &[&str] = &["label", "description"];
const DECLARED_KEYS: &[&str] = &[
    "name",
    "category",
    "provider",
    "service",
    "purpose",
    "retention",
    "domain",
    "path",
];
const MAX_AGE_KEYS: &[&str] = &["granted", "denied"];
const COOKIE_KEYS: &[&str] = &["name", "domain", "path", "secure", "http_only", "same_site"];
const PREFERENCES_KEYS: &[&str] = &[
    "version",
    "revision",
    "created",
    "updated",
    "method",
    "consent_id",
    "categories",
];

/// A policy from its JSON document: duplicate keys, then the shape (each
/// object's first unknown key, then its members in document order, then its
/// first missing required key), then the rules in the builder's order.
pub(crate) fn policy(root: &Node) -> Result<Policy, Error> {
    tree::check_no_duplicate_keys(root, &Path::Root)?;
    let path = Path::Root;
    let mut b = PolicyBuilder::new();
    let mut categories_given = false;
    for (key, value) in tree::object(root, &path, POLICY_KEYS)? {
        let at = path.key(key);
        match key.as_str() {
            "revision" => b = b.revision(tree::saturate(tree::int(value, &at)?)),
            "categories" => {
                categories_given = true;
                for (i, item) in tree::array(value, &at)?.iter().enumerate() {
                    let at = at.index(i);
                    let pairs = tree::object(item, &at, CATEGORY_KEYS)?;
                    let mut since = 0;
                    let mut texts = CategoryTexts::default();
                    for (k, v) in pairs {
                        match k.as_str() {
                            "id" => {
                                tree::int(v, &at.key(k))?;
                            }
                            "name" => {
                                tree::string(v, &at.key(k))?;
                            }
                            "label" => texts.label = text(v, &at.key(k))?,
                            "description" => texts.description = text(v, &at.key(k))?,
                            _ => since = tree::saturate(tree::int(v, &at.key(k))?),
                        }
                    }
                    let id = tree::int(tree::required(pairs, &at, "id")?, &at)?;
                    let name = tree::string(tree::required(pairs, &at, "name")?, &at)?;
                    b = b.category_raw(tree::saturate(id), name.to_owned(), since);
                    if let Ok(c) = Category::try_from(tree::saturate(id)) {
                        if c != Category::NECESSARY {
                            *b.texts_of(c) = texts;
                        }
                    }
                }
            }
            "max_age_days" => {
                let (mut granted, mut denied) = (None, None);
                for (k, v) in tree::object(value, &at, MAX_AGE_KEYS)? {
                    let days = Some(tree::saturate(tree::int(v, &at.key(k))?));
                    if k == "granted" {
                        granted = days;
                    } else {
                        denied = days;
                    }
                }
                b = b.max_age_raw(granted, denied);
            }
            "gpc_categories" => {
                let refs = tree::array(value, &at)?
                    .iter()
                    .enumerate()
                    .map(|(i, r)| category_ref(r, &at.index(i)))
                    .collect::<Result<Vec<_>, _>>()?;
                b = b.gpc_refs(refs);
            }
            "cookie" => b = b.cookie(cookie(value, &at)?),
            "languages" => {
                let mut tags = Vec::new();
                for (i, tag) in tree::array(value, &at)?.iter().enumerate() {
                    tags.push(tree::string(tag, &at.index(i))?);
                }
                b = b.languages(&tags);
            }
            "necessary" => {
                let texts = b.texts_of(Category::NECESSARY);
                for (k, v) in tree::object(value, &at, TEXTS_KEYS)? {
                    let t = text(v, &at.key(k))?;
                    if k == "label" {
                        texts.label = t;
                    } else {
                        texts.description = t;
                    }
                }
            }
            "cookies" => {
                for (i, item) in tree::array(value, &at)?.iter().enumerate() {
                    b = b.declare_raw(declared_cookie(item, &at.index(i))?);
                }
            }
            "undeclared" => b = b.undeclared(tree::string(value, &at)?.parse::<Undeclared>()?),
            "import" => b = import_settings(b, value, &at)?,
            _ => {
                let Node::Object(pairs) = value else {
                    return Err(at.expected("an object", value));
                };
                for (k, v) in pairs {
                    let t: ConsentType = k.parse()?;
                    b = b.consent_mode_ref(t, category_ref(v, &at.key(k))?);
                }
            }
        }
    }
    if !categories_given {
        b = b.standard_categories();
    }
    b.build()
}

/// The `import` object (`docs/FORMAT.md` §13): every field optional.
fn import_settings(mut b: PolicyBuilder, node: &Node, path: &Path<'_>) -> Result<PolicyBuilder, Error> {
    let pairs = tree::object(node, path, IMPORT_KEYS)?;
    b = b.import_given(false);
    for (key, value) in pairs {
        let at = path.key(key);
        match key.as_str() {
            "systems" => {
                let systems = match value {
                    Node::Null => continue,
                    Node::Object(systems) => systems,
                    other => return Err(at.expected("an object or null", other)),
                };
                b = b.import_given(true);
                for (name, entry) in systems {
                    let at = at.key(name);
                    let source: ImportSource = name.parse()?;
                    let mut c = SourceCookie::default_for(source);
                    for (k, v) in tree::object(entry, &at, SYSTEM_KEYS)? {
                        let at = at.key(k);
                        match k.as_str() {
                            "cookie" => c.name = tree::string(v, &at)?.to_owned(),
                            "domain" => {
                                c.domain = match v {
                                    Node::Null => None,
                                    v => Some(
                                        tree::string(v, &at)
                                            .map_err(|_| at.expected("a string or null", v))?
                                            .to_owned(),
                                    ),
                                }
                            }
                            _ => c.path = tree::string(v, &at)?.to_owned(),
                        }
                    }
                    b = b.import_source(source, c);
                }
            }
            "tcf" => {
                let Node::Object(entries) = value else {
                    return Err(at.expected("an object", value));
                };
                for (category, list) in entries {
                    let at = at.key(category);
                    let mut purposes = Vec::new();
                    for (i, p) in tree::array(list, &at)?.iter().enumerate() {
                        purposes.push(tree::saturate(tree::int(p, &at.index(i))?));
                    }
                    b = b.import_tcf_ref(CategoryRef::Name(category.clone()), purposes);
                }
            }
            "keep_consent_id" => b = b.import_consent_id(tree::boolean(value, &at)?),
            table => {
                let table = ImportTable::ALL
                    .into_iter()
                    .find(|t| t.as_str() == table)
                    .unwrap_or(ImportTable::Categories);
                let Node::Object(entries) = value else {
                    return Err(at.expected("an object", value));
                };
                for (item, target) in entries {
                    let r = match target {
                        Node::Null => None,
                        other => Some(category_ref(other, &at.key(item))?),
                    };
                    b = b.import_item_ref(table, item.clone(), r);
                }
            }
        }
    }
    Ok(b)
}

/// A category reference: a string (site name, standard name or canonical
/// decimal id) or an integer id. Which category it means is decided when
/// the policy is built.
fn category_ref(node: &Node, path: &Path<'_>) -> Result<CategoryRef, Error> {
    match node {
        Node::Str(s) => Ok(CategoryRef::Name(s.clone())),
        Node::Int(i) => Ok(CategoryRef::Id(tree::saturate(*i))),
        other => Err(path.expected("a category name or id", other)),
    }
}

/// A text: a string (every language), an object from language tag to
/// string, or null (none).
fn text(node: &Node, path: &Path<'_>) -> Result<Text, Error> {
    match node {
        Node::Null => Ok(Text::new()),
        Node::Str(s) => Ok(Text::same(s.clone())),
        Node::Object(pairs) => {
            let mut t = Text::new();
            for (lang, v) in pairs {
                t = t.with(lang.clone(), tree::string(v, &path.key(lang))?);
            }
            Ok(t)
        }
        other => Err(path.expected("a text (a string, or an object from language to string)", other)),
    }
}

/// One entry of `cookies`: `name` and `category` required.
fn declared_cookie(node: &Node, path: &Path<'_>) -> Result<RawCookie, Error> {
    let pairs = tree::object(node, path, DECLARED_KEYS)?;
    let mut c = DeclaredCookie::new(String::new(), Category::NECESSARY);
    let mut category = None;
    let mut retention = None;
    for (k, v) in pairs {
        let at = path.key(k);
        match k.as_str() {
            "name" => c.name = tree::string(v, &at)?.to_owned(),
            "category" => category = Some(category_ref(v, &at)?),
            "provider" => c.provider = text(v, &at)?,
            "service" => c.service = text(v, &at)?,
            "purpose" => c.purpose = text(v, &at)?,
            "retention" => {
                retention = match v {
                    Node::Null => None,
                    Node::Int(d) => Some(RawRetention::Days(tree::saturate(*d))),
                    Node::Str(s) => Some(RawRetention::Text(s.clone())),
                    other => return Err(at.expected("a number of days or \"session\"", other)),
                }
            }
            "domain" => c.domain = optional_string(v, &at)?,
            _ => c.path = tree::string(v, &at)?.to_owned(),
        }
    }
    tree::required(pairs, path, "name")?;
    tree::required(pairs, path, "category")?;
    Ok(RawCookie {
        cookie: c,
        category: category.unwrap_or(CategoryRef::Category(Category::NECESSARY)),
        retention,
    })
}

/// A string or null.
fn optional_string(node: &Node, path: &Path<'_>) -> Result<Option<String>, Error> {
    match node {
        Node::Null => Ok(None),
        Node::Str(s) => Ok(Some(s.clone())),
        other => Err(path.expected("a string or null", other)),
    }
}

/// The `cookie` object: every field optional, defaults from
/// [`CookieAttributes::default`].
fn cookie(node: &Node, path: &Path<'_>) -> Result<CookieAttributes, Error> {
    let mut c = CookieAttributes::default();
    for (k, v) in tree::object(node, path, COOKIE_KEYS)? {
        let at = path.key(k);
        match k.as_str() {
            "name" => c.name = tree::string(v, &at)?.to_owned(),
            "domain" => c.domain = optional_string(v, &at)?,
            "path" => c.path = tree::string(v, &at)?.to_owned(),
            "secure" => c.secure = tree::boolean(v, &at)?,
            "http_only" => c.http_only = tree::boolean(v, &at)?,
            _ => c.same_site = crate::json::same_site_from_json(tree::string(v, &at)?)?,
        }
    }
    Ok(c)
}

/// A value from its JSON form: duplicate keys, the shape, then the rules in
/// the order of FORMAT.md §7 (version, dates, method, consent id, categories
/// in document order, then the builder's revision range and date order).
pub(crate) fn preferences(root: &Node) -> Result<Preferences, Error> {
    tree::check_no_duplicate_keys(root, &Path::Root)?;
    let path = Path::Root;
    let pairs = tree::object(root, &path, PREFERENCES_KEYS)?;
    // Shape: each member's JSON type, in document order.
    for (k, v) in pairs {
        let at = path.key(k);
        match k.as_str() {
            "version" | "revision" => {
                tree::int(v, &at)?;
            }
            "created" | "updated" | "method" => {
                tree::string(v, &at)?;
            }
            "consent_id" => {
                if !matches!(v, Node::Null | Node::Str(_)) {
                    return Err(at.expected("a UUID string or null", v));
                }
            }
            _ => {
                let Node::Object(cats) = v else {
                    return Err(at.expected("an object", v));
                };
                for (name, state) in cats {
                    tree::string(state, &at.key(name))?;
                }
            }
        }
    }
    for key in ["version", "revision", "created", "updated", "categories"] {
        tree::required(pairs, &path, key)?;
    }
    let int = |key| tree::int(tree::required(pairs, &path, key)?, &path.key(key));
    let text = |key| tree::string(tree::required(pairs, &path, key)?, &path.key(key));
    // Rules.
    let version = int("version")?;
    if version != i128::from(FORMAT_VERSION) {
        return Err(Error::UnsupportedVersion {
            version: u8::try_from(version).unwrap_or(u8::MAX),
            hint: crate::InputHint::None,
        });
    }
    let mut b = Preferences::builder(text("created")?.parse::<Date>()?)
        .revision(tree::saturate(int("revision")?))
        .updated(text("updated")?.parse::<Date>()?);
    if let Some(Node::Str(m)) = tree::member(pairs, "method") {
        b = b.method(m.parse::<Method>()?);
    }
    if let Some(Node::Str(id)) = tree::member(pairs, "consent_id") {
        b = b.consent_id(Some(id.parse::<ConsentId>()?));
    }
    if let Some(Node::Object(cats)) = tree::member(pairs, "categories") {
        let at = path.key("categories");
        let mut seen = 0u64;
        for (name, state) in cats {
            let c: Category = name.parse()?;
            if c == Category::NECESSARY {
                return Err(Error::NecessaryNotStored);
            }
            let bit = 1u64 << c.id();
            if seen & bit != 0 {
                return Err(at.key(name).error(format!("category {} given twice", c.id())));
            }
            seen |= bit;
            let state = tree::string(state, &at.key(name))?;
            b = b.set(c, state.parse::<State>()?);
        }
    }
    b.build()
}
