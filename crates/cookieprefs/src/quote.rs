//! How messages quote what they were given: `"…"`, with what a reader could
//! not see or tell apart escaped.
//!
//! The same text as `str`'s `Debug` for everything a site or a visitor
//! normally sends: `"` and `\` escaped, `\t` `\r` `\n` `\0`, and the other
//! control characters (C0, DEL, C1) and the default-ignorable characters
//! (zero-width spaces and joiners, bidirectional controls, variation
//! selectors, tags, the soft hyphen…) and line and paragraph separators as
//! `\u{…}`. Letters of any script, accents included, are shown as they are.
//! Unlike `Debug`, it needs none of Unicode's printable and
//! grapheme-extension tables, which are a good part of the WebAssembly
//! module (docs/PERFORMANCE.md, "WebAssembly"): a combining mark or an
//! unassigned code point is shown as is.

use core::fmt::{self, Display, Write};

/// A text shown quoted in a message (`format!("name {}", Quoted(name))`).
pub(crate) struct Quoted<'a>(pub(crate) &'a str);

/// Default_Ignorable_Code_Point ranges (Unicode 16), and U+2028 and U+2029.
const HIDDEN: &[(u32, u32)] = &[
    (0x00AD, 0x00AD),
    (0x034F, 0x034F),
    (0x061C, 0x061C),
    (0x115F, 0x1160),
    (0x17B4, 0x17B5),
    (0x180B, 0x180F),
    (0x200B, 0x200F),
    (0x2028, 0x202E),
    (0x2060, 0x206F),
    (0x3164, 0x3164),
    (0xFE00, 0xFE0F),
    (0xFEFF, 0xFEFF),
    (0xFFA0, 0xFFA0),
    (0xFFF0, 0xFFF8),
    (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A),
    (0xE0000, 0xE0FFF),
];

fn hidden(c: char) -> bool {
    let c = u32::from(c);
    HIDDEN.iter().any(|&(lo, hi)| (lo..=hi).contains(&c))
}

impl Display for Quoted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_char('"')?;
        for c in self.0.chars() {
            match c {
                '"' => f.write_str("\\\"")?,
                '\\' => f.write_str("\\\\")?,
                '\t' => f.write_str("\\t")?,
                '\r' => f.write_str("\\r")?,
                '\n' => f.write_str("\\n")?,
                '\0' => f.write_str("\\0")?,
                c if c.is_control() || hidden(c) => write!(f, "\\u{{{:x}}}", u32::from(c))?,
                c => f.write_char(c)?,
            }
        }
        f.write_char('"')
    }
}

#[cfg(test)]
mod tests {
    use super::Quoted;

    #[test]
    fn quotes_as_debug_does_for_what_sites_send() {
        for s in [
            "",
            "statistics",
            "café",
            "Cookies nécessaires",
            "a\"b\\c",
            "tab\there\r\n",
            "\0\u{1}\u{7f}\u{85}\u{9f}",
            "zero\u{200b}width\u{200d}joiner",
            "bidi\u{202e}\u{2066}",
            "soft\u{ad}hyphen\u{feff}",
            "line\u{2028}para\u{2029}",
            "tag\u{e0041}",
            "日本語 русский العربية",
            "emoji 🍪",
        ] {
            assert_eq!(Quoted(s).to_string(), format!("{s:?}"), "{s:?}");
        }
    }

    #[test]
    fn shows_marks_and_unassigned_as_they_are() {
        // Where it differs from Debug, on purpose: no Unicode tables.
        assert_eq!(Quoted("e\u{301}").to_string(), "\"e\u{301}\"");
        assert_eq!(Quoted("\u{378}").to_string(), "\"\u{378}\"");
    }
}
