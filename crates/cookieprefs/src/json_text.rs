//! JSON text (RFC 8259): the crate's own strict reader, into the document
//! tree of `json_tree`, and its writer, out of it. No dependency: the
//! WebAssembly build reads and writes policies with this code alone.
//!
//! The reader accepts exactly RFC 8259 JSON — no comments, trailing commas,
//! byte order mark, single quotes, `NaN`, leading zeros or unpaired
//! surrogates — nested at most [`MAX_DEPTH`] arrays and objects deep, and
//! is linear in its input. A syntax error is [`Error::InvalidJson`] at
//! `line L column C` (1-based, columns counted in characters): the
//! character where the text stops being JSON, or just past the end for a
//! text that ends too early.
//!
//! The writer writes what `serde_json` writes for the same tree, compact or
//! pretty (two-space indent): `"`, `\` and the control characters escaped
//! (`\b`, `\f`, `\n`, `\r`, `\t`, else `\u00xx`), everything else as is.

use crate::json_tree::Node;
use crate::Error;

/// The deepest nesting of arrays and objects the reader accepts; a deeper
/// document is [`Error::InvalidJson`] (the reader recurses once per level).
pub(crate) const MAX_DEPTH: usize = 128;

/// Parses JSON text into a [`Node`].
pub(crate) fn parse(text: &str) -> Result<Node, Error> {
    let mut p = Reader {
        text,
        bytes: text.as_bytes(),
        at: 0,
    };
    let node = p.value(0)?;
    p.space();
    if p.at < p.bytes.len() {
        return Err(p.fail("trailing characters after the value"));
    }
    Ok(node)
}

struct Reader<'t> {
    text: &'t str,
    bytes: &'t [u8],
    at: usize,
}

impl Reader<'_> {
    /// [`Error::InvalidJson`] at the current position.
    fn fail(&self, reason: &str) -> Error {
        let before = self.text.get(..self.at).unwrap_or(self.text);
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
        let column = before[line_start..].chars().count() + 1;
        Error::InvalidJson {
            path: format!("line {line} column {column}"),
            reason: reason.to_owned(),
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    /// Skips the four whitespace characters of RFC 8259.
    fn space(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.at += 1;
        }
    }

    /// At the end of the text, the error that says so for `what` (`an
    /// object`, `an array`); otherwise the error `reason`.
    fn fail_in(&self, what: &str, reason: &str) -> Error {
        if self.at < self.bytes.len() {
            self.fail(reason)
        } else {
            self.fail(&format!("unexpected end of text in {what}"))
        }
    }

    /// Consumes `b` if it is next.
    fn eat(&mut self, b: u8) -> bool {
        let found = self.peek() == Some(b);
        self.at += usize::from(found);
        found
    }

    /// A value, after optional whitespace; `depth` arrays and objects enclose it.
    fn value(&mut self, depth: usize) -> Result<Node, Error> {
        self.space();
        let Some(b) = self.peek() else {
            return Err(self.fail("unexpected end of text, expected a value"));
        };
        match b {
            b'{' | b'[' => {
                if depth == MAX_DEPTH {
                    return Err(self.fail("arrays and objects nested more than 128 deep"));
                }
                self.at += 1;
                if b == b'{' {
                    self.object(depth + 1)
                } else {
                    self.array(depth + 1)
                }
            }
            b'"' => {
                self.at += 1;
                self.string().map(Node::Str)
            }
            b'-' | b'0'..=b'9' => self.number(),
            b't' => self.word("true", Node::Bool(true)),
            b'f' => self.word("false", Node::Bool(false)),
            b'n' => self.word("null", Node::Null),
            _ => Err(self.fail("expected a value")),
        }
    }

    /// `true`, `false` or `null`.
    fn word(&mut self, word: &str, node: Node) -> Result<Node, Error> {
        if !self.bytes[self.at..].starts_with(word.as_bytes()) {
            return Err(self.fail("expected a value"));
        }
        self.at += word.len();
        Ok(node)
    }

    /// The members of an object, after its `{`.
    fn object(&mut self, depth: usize) -> Result<Node, Error> {
        let mut pairs = Vec::new();
        self.space();
        if self.eat(b'}') {
            return Ok(Node::Object(pairs));
        }
        loop {
            self.space();
            if !self.eat(b'"') {
                return Err(if self.peek() == Some(b'}') {
                    self.fail("trailing comma in an object")
                } else {
                    self.fail_in("an object", "expected a key (a string)")
                });
            }
            let key = self.string()?;
            self.space();
            if !self.eat(b':') {
                return Err(self.fail_in("an object", "expected `:` after the key"));
            }
            let value = self.value(depth)?;
            pairs.push((key, value));
            self.space();
            if !self.eat(b',') {
                if self.eat(b'}') {
                    return Ok(Node::Object(pairs));
                }
                return Err(self.fail_in("an object", "expected `,` or `}` in an object"));
            }
        }
    }

    /// The items of an array, after its `[`.
    fn array(&mut self, depth: usize) -> Result<Node, Error> {
        let mut items = Vec::new();
        self.space();
        if self.eat(b']') {
            return Ok(Node::Array(items));
        }
        loop {
            self.space();
            if self.peek() == Some(b']') {
                return Err(self.fail("trailing comma in an array"));
            }
            items.push(self.value(depth)?);
            self.space();
            if !self.eat(b',') {
                if self.eat(b']') {
                    return Ok(Node::Array(items));
                }
                return Err(self.fail_in("an array", "expected `,` or `]` in an array"));
            }
        }
    }

    /// A string's contents, after its opening quote.
    fn string(&mut self) -> Result<String, Error> {
        let mut out = String::new();
        let mut run = self.at;
        loop {
            match self.peek() {
                None => return Err(self.fail_in("a string", "")),
                Some(b'"') => {
                    out.push_str(&self.text[run..self.at]);
                    self.at += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    out.push_str(&self.text[run..self.at]);
                    self.at += 1;
                    out.push(self.escape()?);
                    run = self.at;
                }
                Some(0..=0x1f) => return Err(self.fail("control character in a string (escape it)")),
                // Any other byte: the text is UTF-8, and a run is cut only at
                // ASCII bytes, so every run is whole characters.
                Some(_) => self.at += 1,
            }
        }
    }

    /// The character of an escape, after its `\`.
    fn escape(&mut self) -> Result<char, Error> {
        let c = match self.peek() {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => {
                // Errors about the code point are at the escape's `\`.
                let escape = self.at - 1;
                let unpaired = |p: &mut Self| {
                    p.at = escape;
                    p.fail("unpaired surrogate in a \\u escape")
                };
                self.at += 1;
                let unit = self.hex4()?;
                let code = match unit {
                    0xd800..=0xdbff => {
                        // A high surrogate: an escaped low one must follow.
                        if !self.bytes[self.at..].starts_with(b"\\u") {
                            return Err(unpaired(self));
                        }
                        self.at += 2;
                        let low = self.hex4()?;
                        if !(0xdc00..=0xdfff).contains(&low) {
                            return Err(unpaired(self));
                        }
                        0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00)
                    }
                    0xdc00..=0xdfff => return Err(unpaired(self)),
                    _ => unit,
                };
                // Never the replacement: every code left is a scalar value.
                return Ok(char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER));
            }
            _ => return Err(self.fail_in("a string", "invalid escape")),
        };
        self.at += 1;
        Ok(c)
    }

    /// Four hex digits of a `\u` escape.
    fn hex4(&mut self) -> Result<u32, Error> {
        let mut v = 0;
        for _ in 0..4 {
            let d = match self.peek() {
                Some(b @ b'0'..=b'9') => b - b'0',
                Some(b @ b'a'..=b'f') => b - b'a' + 10,
                Some(b @ b'A'..=b'F') => b - b'A' + 10,
                _ => return Err(self.fail_in("a string", "expected four hex digits after \\u")),
            };
            v = v << 4 | u32::from(d);
            self.at += 1;
        }
        Ok(v)
    }

    /// Consumes digits; false if there were none.
    fn digits(&mut self) -> bool {
        let start = self.at;
        while let Some(b'0'..=b'9') = self.peek() {
            self.at += 1;
        }
        self.at > start
    }

    /// A number: an integer (no fraction or exponent, within
    /// `i64::MIN..=u64::MAX`, not `-0`) or any other number.
    fn number(&mut self) -> Result<Node, Error> {
        let negative = self.eat(b'-');
        let int_start = self.at;
        if self.eat(b'0') {
            if let Some(b'0'..=b'9') = self.peek() {
                return Err(self.fail("invalid number (leading zero)"));
            }
        } else if !self.digits() {
            return Err(self.fail("invalid number"));
        }
        let int_end = self.at;
        let mut integer = true;
        if self.eat(b'.') {
            integer = false;
            if !self.digits() {
                return Err(self.fail("invalid number (digits must follow `.`)"));
            }
        }
        if self.eat(b'e') || self.eat(b'E') {
            integer = false;
            let _ = self.eat(b'+') || self.eat(b'-');
            if !self.digits() {
                return Err(self.fail("invalid number (digits must follow the exponent)"));
            }
        }
        if !integer {
            return Ok(Node::Float);
        }
        let magnitude = self.bytes[int_start..int_end]
            .iter()
            .try_fold(0u64, |v, &d| v.checked_mul(10)?.checked_add(u64::from(d - b'0')));
        Ok(match magnitude {
            Some(m) if !negative => Node::Int(i128::from(m)),
            Some(m) if m != 0 && m <= 1 << 63 => Node::Int(-i128::from(m)),
            _ => Node::Float,
        })
    }
}

/// JSON text written as it goes, compact or pretty (two-space indent), in
/// `serde_json`'s formats. Members and items are announced with
/// [`Writer::key`] and [`Writer::item`], then written.
pub(crate) struct Writer {
    out: String,
    pretty: bool,
    level: usize,
    /// No member or item yet in the innermost object or array.
    empty: bool,
}

impl Writer {
    pub(crate) fn new(pretty: bool) -> Writer {
        Writer {
            out: String::with_capacity(256),
            pretty,
            level: 0,
            empty: true,
        }
    }

    pub(crate) fn finish(self) -> String {
        self.out
    }

    /// Opens an object (`{`) or an array (`[`).
    pub(crate) fn open(&mut self, bracket: char) {
        self.out.push(bracket);
        self.level += 1;
        self.empty = true;
    }

    /// Closes the innermost object (`}`) or array (`]`).
    pub(crate) fn close(&mut self, bracket: char) {
        self.level -= 1;
        if self.pretty && !self.empty {
            self.newline();
        }
        self.out.push(bracket);
        self.empty = false;
    }

    /// Starts the next item of an array.
    pub(crate) fn item(&mut self) {
        if !self.empty {
            self.out.push(',');
        }
        self.empty = false;
        if self.pretty {
            self.newline();
        }
    }

    /// Starts the next member of an object: its key.
    pub(crate) fn key(&mut self, key: &str) {
        self.item();
        self.string(key);
        self.out.push_str(if self.pretty { ": " } else { ":" });
    }

    fn newline(&mut self) {
        self.out.push('\n');
        for _ in 0..self.level {
            self.out.push_str("  ");
        }
    }

    /// `null`, `true`, `false` or a number as text.
    pub(crate) fn raw(&mut self, text: &str) {
        self.out.push_str(text);
    }

    pub(crate) fn null(&mut self) {
        self.raw("null");
    }

    pub(crate) fn bool(&mut self, b: bool) {
        self.raw(if b { "true" } else { "false" });
    }

    /// An integer (within `i64::MIN..=u64::MAX`).
    pub(crate) fn int(&mut self, i: i128) {
        if i < 0 {
            self.out.push('-');
        }
        let mut m = u64::try_from(i.unsigned_abs()).unwrap_or(u64::MAX);
        let mut digits = [0u8; 20];
        let mut at = digits.len();
        loop {
            at -= 1;
            // The remainder is a digit.
            digits[at] = b'0' + (m % 10) as u8;
            m /= 10;
            if m == 0 {
                break;
            }
        }
        self.out.extend(digits[at..].iter().map(|&d| char::from(d)));
    }

    /// A string in quotes, escaped as `serde_json` escapes it: `"`, `\` and
    /// the control characters (`\b`, `\f`, `\n`, `\r`, `\t`, else `\u00xx`).
    pub(crate) fn string(&mut self, s: &str) {
        let out = &mut self.out;
        out.push('"');
        let mut run = 0;
        for (i, b) in s.bytes().enumerate() {
            let escape = match b {
                b'"' => "\\\"",
                b'\\' => "\\\\",
                0x08 => "\\b",
                0x0c => "\\f",
                b'\n' => "\\n",
                b'\r' => "\\r",
                b'\t' => "\\t",
                0..=0x1f => "",
                _ => continue,
            };
            out.push_str(&s[run..i]);
            run = i + 1;
            if escape.is_empty() {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.push_str("\\u00");
                out.push(char::from(HEX[usize::from(b >> 4)]));
                out.push(char::from(HEX[usize::from(b & 0xf)]));
            } else {
                out.push_str(escape);
            }
        }
        out.push_str(&s[run..]);
        out.push('"');
    }

    /// A string, or `null`.
    pub(crate) fn string_or_null(&mut self, s: Option<&str>) {
        match s {
            Some(s) => self.string(s),
            None => self.null(),
        }
    }

    /// A node, as written.
    #[cfg(test)]
    fn node(&mut self, node: &Node) {
        match node {
            Node::Null | Node::Float => self.null(),
            Node::Bool(b) => self.bool(*b),
            Node::Int(i) => self.int(*i),
            Node::Str(s) => self.string(s),
            Node::Array(items) => {
                self.open('[');
                for item in items {
                    self.item();
                    self.node(item);
                }
                self.close(']');
            }
            Node::Object(pairs) => {
                self.open('{');
                for (k, v) in pairs {
                    self.key(k);
                    self.node(v);
                }
                self.close('}');
            }
        }
    }
}

/// A node as JSON text (the tests compare the writer with serde_json's).
#[cfg(test)]
fn write(node: &Node, pretty: bool) -> String {
    let mut w = Writer::new(pretty);
    w.node(node);
    w.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde_json::Value;

    /// The tree serde_json reads, in the reader's terms.
    fn node_of(v: &Value) -> Node {
        match v {
            Value::Null => Node::Null,
            Value::Bool(b) => Node::Bool(*b),
            Value::Number(n) => n
                .as_i64()
                .map(i128::from)
                .or_else(|| n.as_u64().map(i128::from))
                .map_or(Node::Float, Node::Int),
            Value::String(s) => Node::Str(s.clone()),
            Value::Array(items) => Node::Array(items.iter().map(node_of).collect()),
            Value::Object(pairs) => {
                Node::Object(pairs.iter().map(|(k, v)| (k.clone(), node_of(v))).collect())
            }
        }
    }

    fn error(text: &str) -> String {
        parse(text).unwrap_err().to_string()
    }

    #[test]
    fn reads_rfc_8259_exactly() {
        for ok in [
            "0",
            "-1",
            " \t\r\n{} \t\r\n",
            r#"{"": {}, "a": [1, -0.5e+3, true, false, null, "x"]}"#,
            r#""\"\\\/\b\f\n\r\t\u00e9\uD83D\ude00\u0000""#,
            "\"\u{7f}é😀\"",
            "1E-2",
            "[[]]",
        ] {
            let ours = parse(ok).unwrap_or_else(|e| panic!("{ok}: {e}"));
            let theirs: Value = serde_json::from_str(ok).unwrap();
            assert_eq!(ours, node_of(&theirs), "{ok}");
        }
        for bad in [
            "",
            " ",
            "{",
            "[",
            "]",
            "[1,]",
            "{\"a\":1,}",
            "{,}",
            "[,1]",
            "{1:2}",
            "{'a':1}",
            "'a'",
            "01",
            "-01",
            "00",
            "-",
            "+1",
            "1.",
            ".5",
            "1e",
            "1e+",
            "0x10",
            "NaN",
            "Infinity",
            "tru",
            "True",
            "nul",
            "\u{feff}1",
            "\u{c}1",
            "\u{a0}1",
            "// c\n1",
            "/* c */1",
            "1 2",
            "[1]]",
            "\"a",
            "\"\\",
            "\"\\x\"",
            "\"\\u12\"",
            "\"\\uZZZZ\"",
            "\"\t\"",
            "\"\\ud83d\"",
            "\"\\ude00\"",
            "\"\\ud83d\\u0041\"",
            "\"\\ud83dx\"",
            "{\"a\"}",
            "{\"a\" 1}",
            "[1 2]",
        ] {
            assert!(parse(bad).is_err(), "{bad:?} read");
            assert!(serde_json::from_str::<Value>(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn integers_are_the_formats() {
        assert_eq!(parse("18446744073709551615").unwrap(), Node::Int(u64::MAX.into()));
        assert_eq!(parse("18446744073709551616").unwrap(), Node::Float);
        assert_eq!(parse("-9223372036854775808").unwrap(), Node::Int(i64::MIN.into()));
        assert_eq!(parse("-9223372036854775809").unwrap(), Node::Float);
        assert_eq!(parse("-0").unwrap(), Node::Float);
        assert_eq!(parse("0").unwrap(), Node::Int(0));
        assert_eq!(parse("99999999999999999999999999999").unwrap(), Node::Float);
        // Out of f64's range is still a number (serde_json refuses it).
        assert_eq!(parse("1e400").unwrap(), Node::Float);
    }

    #[test]
    fn errors_say_where_and_what() {
        assert_eq!(error("{nope"), "line 1 column 2: expected a key (a string)");
        assert_eq!(error("{\n  \"a\": ,\n}"), "line 2 column 8: expected a value");
        assert_eq!(
            error(""),
            "line 1 column 1: unexpected end of text, expected a value"
        );
        assert_eq!(
            error("{\"a\": 1"),
            "line 1 column 8: unexpected end of text in an object"
        );
        assert_eq!(error("[1"), "line 1 column 3: unexpected end of text in an array");
        assert_eq!(error("\"é\\q\""), "line 1 column 4: invalid escape");
        assert_eq!(
            error("[\"a\nb\"]"),
            "line 1 column 4: control character in a string (escape it)"
        );
        assert_eq!(
            error("[\"\\udc00\"]"),
            "line 1 column 3: unpaired surrogate in a \\u escape"
        );
        assert_eq!(error("[1,]"), "line 1 column 4: trailing comma in an array");
        assert_eq!(
            error("{} x"),
            "line 1 column 4: trailing characters after the value"
        );
        assert_eq!(error("01"), "line 1 column 2: invalid number (leading zero)");
    }

    #[test]
    fn nesting_is_capped() {
        let deep = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
        assert!(parse(&deep(MAX_DEPTH)).is_ok());
        assert_eq!(
            error(&deep(MAX_DEPTH + 1)),
            "line 1 column 129: arrays and objects nested more than 128 deep"
        );
        // Far deeper input is refused at the cap, not by the stack.
        assert!(parse(&"{\"a\":[".repeat(100_000)).is_err());
    }

    /// Any JSON value: what serde_json reads and writes.
    fn any_value() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(Value::from),
            any::<u64>().prop_map(Value::from),
            any::<f64>()
                .prop_filter("finite", |f| f.is_finite())
                .prop_map(Value::from),
            any::<String>().prop_map(Value::String),
            "[\\x00-\\x20\"\\\\/é😀\u{7f}\u{2028}]{0,8}".prop_map(Value::String),
        ];
        leaf.prop_recursive(4, 48, 6, |inner| {
            prop_oneof![
                proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
                proptest::collection::btree_map("[a-z\"\\\\é\\x00-\\x1f]{0,4}", inner, 0..6)
                    .prop_map(|m| Value::Object(m.into_iter().collect())),
            ]
        })
    }

    /// A text with every character of every string escaped as `\uXXXX`
    /// (surrogate pairs beyond the BMP) and whitespace around every token.
    fn escaped(v: &Value) -> String {
        match v {
            Value::String(s) => {
                let mut out = String::from(" \"");
                for unit in s.encode_utf16() {
                    out.push_str(&format!("\\u{unit:04X}"));
                }
                out + "\"\n"
            }
            Value::Array(items) => format!(
                "[\t{}\r]",
                items.iter().map(escaped).collect::<Vec<_>>().join(",")
            ),
            Value::Object(pairs) => format!(
                "{{ {} }}",
                pairs
                    .iter()
                    .map(|(k, v)| format!("{} : {}", escaped(&Value::String(k.clone())), escaped(v)))
                    .collect::<Vec<_>>()
                    .join(" , ")
            ),
            other => format!(" {other} "),
        }
    }

    proptest! {
        // Under Miri (isolated: no file system) few cases, and no file of
        // failures to persist.
        #![proptest_config(ProptestConfig {
            cases: if cfg!(miri) { 4 } else { 1000 },
            failure_persistence: None,
            ..ProptestConfig::default()
        })]

        /// The reader reads what serde_json writes as serde_json does,
        /// whatever the escapes and whitespace.
        #[test]
        fn reads_what_serde_json_reads(v in any_value()) {
            let want = node_of(&v);
            for text in [serde_json::to_string(&v).unwrap(), serde_json::to_string_pretty(&v).unwrap(), escaped(&v)] {
                let theirs: Value = serde_json::from_str(&text).unwrap();
                prop_assert_eq!(node_of(&theirs), want.clone());
                prop_assert_eq!(parse(&text).unwrap(), want.clone(), "{}", text);
            }
        }

        /// The writer writes what serde_json writes, compact and pretty.
        #[test]
        fn writes_what_serde_json_writes(v in any_value()) {
            let node = node_of(&v);
            if !format!("{node:?}").contains("Float") {
                prop_assert_eq!(write(&node, false), serde_json::to_string(&v).unwrap());
                prop_assert_eq!(write(&node, true), serde_json::to_string_pretty(&v).unwrap());
            }
        }

        /// Text and JSON-like noise: the reader accepts exactly what serde_json
        /// accepts (no number here is out of f64's range, no nesting reaches
        /// serde_json's limit).
        #[test]
        fn accepts_what_serde_json_accepts(text in "[ \t\n\r{}\\[\\]:,\"\\\\/0-9a-fA-F.eE+\\-truslnu\u{1}é]{0,24}") {
            prop_assert_eq!(parse(&text).is_ok(), serde_json::from_str::<Value>(&text).is_ok(), "{:?}", text);
        }
    }
}
