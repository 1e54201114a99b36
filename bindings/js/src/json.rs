//! The JSON text this crate hands to JavaScript (which `JSON.parse`s it):
//! a small writer, so that the module carries no serializer. The core's
//! forms (preferences, evaluation, policy) come from the core's own
//! `to_json` and are embedded as they are.

/// A JSON object written member by member, keys in the order given.
pub(crate) struct Object(String);

impl Object {
    pub(crate) fn new() -> Object {
        Object(String::from("{"))
    }

    /// A member whose value is JSON text already.
    pub(crate) fn raw(mut self, key: &str, json: &str) -> Object {
        if self.0.len() > 1 {
            self.0.push(',');
        }
        push_string(&mut self.0, key);
        self.0.push(':');
        self.0.push_str(json);
        self
    }

    /// A string member.
    pub(crate) fn string(self, key: &str, value: &str) -> Object {
        self.raw(key, &string(value))
    }

    /// A string member, or null.
    pub(crate) fn string_or_null(self, key: &str, value: Option<&str>) -> Object {
        match value {
            Some(v) => self.string(key, v),
            None => self.raw(key, "null"),
        }
    }

    /// A number member.
    pub(crate) fn number(self, key: &str, value: u64) -> Object {
        self.raw(key, &value.to_string())
    }

    pub(crate) fn finish(mut self) -> String {
        self.0.push('}');
        self.0
    }
}

/// A JSON array of JSON texts.
pub(crate) fn array(items: impl IntoIterator<Item = String>) -> String {
    let mut out = String::from("[");
    for (i, item) in items.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&item);
    }
    out.push(']');
    out
}

/// A JSON string.
pub(crate) fn string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    push_string(&mut out, s);
    out
}

/// `s` in quotes, `"`, `\` and the control characters escaped.
fn push_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if u32::from(c) < 0x20 => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                let b = u32::from(c) as usize;
                out.push_str("\\u00");
                out.push(char::from(HEX[b >> 4]));
                out.push(char::from(HEX[b & 0xf]));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_what_json_requires() {
        assert_eq!(string("a\"b\\c\nd\u{1}é"), r#""a\"b\\c\nd\u0001é""#);
        let o = Object::new()
            .string("s", "x")
            .number("n", 3)
            .string_or_null("z", None)
            .raw("a", &array([string("p"), "1".into()]))
            .finish();
        assert_eq!(o, r#"{"s":"x","n":3,"z":null,"a":["p",1]}"#);
        assert_eq!(array(Vec::new()), "[]");
    }
}
