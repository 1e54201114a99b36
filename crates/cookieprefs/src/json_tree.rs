//! Reading the JSON forms strictly: a document tree that keeps key order and
//! repeated keys, and typed accessors whose errors name the key path
//! (`$.categories[1].name`) rather than a position in text the caller may
//! never have written (`docs/FORMAT.md` §7, "Reading the JSON forms").

use crate::quote::Quoted;
use core::fmt::{self, Write as _};

#[cfg(feature = "serde")]
use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
#[cfg(feature = "serde")]
use serde::{Serialize, Serializer};

use crate::Error;

/// A JSON value as written: objects keep their keys in document order,
/// repeated ones included, so that the shape check can report them.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Node {
    Null,
    Bool(bool),
    /// A number written without fraction or exponent within
    /// `i64::MIN..=u64::MAX`, not `-0` (`docs/FORMAT.md` §7).
    Int(i128),
    /// Any other number (read only: no writer makes one).
    Float,
    Str(String),
    Array(Vec<Node>),
    Object(Vec<(String, Node)>),
}

impl Node {
    /// What the node is, for messages: "a string", "an integer", ...
    pub(crate) fn describe(&self) -> &'static str {
        match self {
            Node::Null => "null",
            Node::Bool(_) => "a boolean",
            Node::Int(_) => "an integer",
            Node::Float => "a number with a fraction or exponent",
            Node::Str(_) => "a string",
            Node::Array(_) => "an array",
            Node::Object(_) => "an object",
        }
    }
}

#[cfg(feature = "serde")]
impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Node, D::Error> {
        d.deserialize_any(NodeVisitor)
    }
}

#[cfg(feature = "serde")]
struct NodeVisitor;

#[cfg(feature = "serde")]
impl<'de> Visitor<'de> for NodeVisitor {
    type Value = Node;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_unit<E: de::Error>(self) -> Result<Node, E> {
        Ok(Node::Null)
    }
    fn visit_none<E: de::Error>(self) -> Result<Node, E> {
        Ok(Node::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Node, D::Error> {
        Node::deserialize(d)
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Node, E> {
        Ok(Node::Bool(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Node, E> {
        Ok(Node::Int(i128::from(v)))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Node, E> {
        Ok(Node::Int(i128::from(v)))
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Node, E> {
        Ok(Node::Float)
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Node, E> {
        Ok(Node::Str(v.to_owned()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Node, E> {
        Ok(Node::Str(v))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node, A::Error> {
        let mut items = Vec::new();
        while let Some(n) = seq.next_element()? {
            items.push(n);
        }
        Ok(Node::Array(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node, A::Error> {
        let mut pairs = Vec::new();
        while let Some((k, v)) = map.next_entry::<String, Node>()? {
            pairs.push((k, v));
        }
        Ok(Node::Object(pairs))
    }
}

#[cfg(feature = "serde")]
impl Serialize for Node {
    /// The tree as written, to any serializer (a `Float` is never written:
    /// no form makes one).
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Node::Null | Node::Float => s.serialize_unit(),
            Node::Bool(b) => s.serialize_bool(*b),
            Node::Int(i) => match u64::try_from(*i) {
                Ok(u) => s.serialize_u64(u),
                Err(_) => s.serialize_i64(saturate(*i)),
            },
            Node::Str(v) => s.serialize_str(v),
            Node::Array(items) => s.collect_seq(items),
            Node::Object(pairs) => s.collect_map(pairs.iter().map(|(k, v)| (k, v))),
        }
    }
}

/// A key path from the document root: `$`, `$.categories[1].name`, `$["odd key"]`.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Path<'a> {
    Root,
    Key(&'a Path<'a>, &'a str),
    Index(&'a Path<'a>, usize),
}

impl Path<'_> {
    pub(crate) fn key<'a>(&'a self, k: &'a str) -> Path<'a> {
        Path::Key(self, k)
    }
    pub(crate) fn index(&self, i: usize) -> Path<'_> {
        Path::Index(self, i)
    }
    /// [`Error::InvalidJson`] at this path.
    pub(crate) fn error(&self, reason: impl Into<String>) -> Error {
        Error::InvalidJson {
            path: self.to_string(),
            reason: reason.into(),
        }
    }
    /// "expected X, found Y" at this path.
    pub(crate) fn expected(&self, what: &str, found: &Node) -> Error {
        self.error(format!("expected {what}, found {}", found.describe()))
    }
}

impl fmt::Display for Path<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Path::Root => f.write_char('$'),
            Path::Key(p, k) => {
                let plain = k.len() <= 64
                    && k.bytes()
                        .next()
                        .is_some_and(|b| b.is_ascii_alphabetic() || b == b'_')
                    && k.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_');
                if plain {
                    write!(f, "{p}.{k}")
                } else {
                    let short: String = k.chars().take(64).collect();
                    write!(f, "{p}[{}]", Quoted(&short))
                }
            }
            Path::Index(p, i) => write!(f, "{p}[{i}]"),
        }
    }
}

/// The first repeated key anywhere in the document, in document order.
pub(crate) fn check_no_duplicate_keys(node: &Node, path: &Path<'_>) -> Result<(), Error> {
    match node {
        Node::Object(pairs) => {
            for (i, (k, v)) in pairs.iter().enumerate() {
                if pairs[..i].iter().any(|(other, _)| other == k) {
                    return Err(path.key(k).error("duplicate key"));
                }
                check_no_duplicate_keys(v, &path.key(k))?;
            }
            Ok(())
        }
        Node::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                check_no_duplicate_keys(v, &path.index(i))?;
            }
            Ok(())
        }
        _ => Ok(()),
    }
}

/// The members of an object whose keys must come from `allowed`: the first
/// unknown key (document order) is an error naming the allowed ones.
pub(crate) fn object<'n>(
    node: &'n Node,
    path: &Path<'_>,
    allowed: &[&str],
) -> Result<&'n [(String, Node)], Error> {
    let Node::Object(pairs) = node else {
        return Err(path.expected("an object", node));
    };
    if let Some((k, _)) = pairs.iter().find(|(k, _)| !allowed.contains(&k.as_str())) {
        return Err(path
            .key(k)
            .error(format!("unknown field, expected one of: {}", allowed.join(", "))));
    }
    Ok(pairs)
}

/// The value of `key` in an object's members, if present.
pub(crate) fn member<'n>(pairs: &'n [(String, Node)], key: &str) -> Option<&'n Node> {
    pairs.iter().find(|(k, _)| k == key).map(|(_, v)| v)
}

/// The value of a required `key`.
pub(crate) fn required<'n>(
    pairs: &'n [(String, Node)],
    path: &Path<'_>,
    key: &str,
) -> Result<&'n Node, Error> {
    member(pairs, key).ok_or_else(|| path.error(format!("missing field {}", Quoted(key))))
}

/// An integer.
pub(crate) fn int(node: &Node, path: &Path<'_>) -> Result<i128, Error> {
    match node {
        Node::Int(i) => Ok(*i),
        _ => Err(path.expected("an integer", node)),
    }
}

/// A string.
pub(crate) fn string<'n>(node: &'n Node, path: &Path<'_>) -> Result<&'n str, Error> {
    match node {
        Node::Str(s) => Ok(s),
        _ => Err(path.expected("a string", node)),
    }
}

/// A boolean.
pub(crate) fn boolean(node: &Node, path: &Path<'_>) -> Result<bool, Error> {
    match node {
        Node::Bool(b) => Ok(*b),
        _ => Err(path.expected("true or false", node)),
    }
}

/// An array.
pub(crate) fn array<'n>(node: &'n Node, path: &Path<'_>) -> Result<&'n [Node], Error> {
    match node {
        Node::Array(items) => Ok(items),
        _ => Err(path.expected("an array", node)),
    }
}

/// Saturates a JSON integer into an `i64` (errors carry `i64`s).
pub(crate) fn saturate(i: i128) -> i64 {
    i64::try_from(i).unwrap_or(if i < 0 { i64::MIN } else { i64::MAX })
}

#[cfg(all(test, feature = "json-text"))]
mod tests {
    use super::*;
    use crate::json_text::parse;

    #[test]
    fn paths_read_like_code() {
        let root = Path::Root;
        let cats = root.key("categories");
        let one = cats.index(1);
        assert_eq!(one.key("name").to_string(), "$.categories[1].name");
        assert_eq!(root.key("a b").to_string(), "$[\"a b\"]");
    }

    #[test]
    fn syntax_errors_name_line_and_column() {
        let e = parse("{\n  \"revision\": ,\n}").unwrap_err();
        assert_eq!(e.kind(), "invalid_json");
        assert!(e.to_string().starts_with("line 2 column 15: "), "{e}");
    }

    #[test]
    fn duplicates_are_found_in_document_order() {
        let n = parse(r#"{"a": {"b": 1, "b": 2}, "a": 3}"#).unwrap();
        let e = check_no_duplicate_keys(&n, &Path::Root).unwrap_err();
        assert_eq!(e.to_string(), "$.a.b: duplicate key");
    }

    #[test]
    fn numbers_keep_integer_or_not() {
        assert_eq!(parse("3").unwrap(), Node::Int(3));
        assert_eq!(parse("-3").unwrap(), Node::Int(-3));
        assert_eq!(parse("3.0").unwrap(), Node::Float);
        assert_eq!(parse("1e3").unwrap(), Node::Float);
        assert_eq!(parse("18446744073709551615").unwrap(), Node::Int(u64::MAX.into()));
        assert_eq!(parse("18446744073709551616").unwrap(), Node::Float);
    }
}
