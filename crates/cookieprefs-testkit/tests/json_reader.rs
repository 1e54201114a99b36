//! The crate's JSON reader against serde_json
//! (`cookieprefs_testkit::fuzz::json::syntax_agrees`, also run by the `json`
//! fuzz target) on texts near JSON: every policy of the shared vectors with
//! each byte deleted, each JSON-significant character inserted or
//! substituted at each position, and every prefix; plus proptest noise.

use cookieprefs_testkit::fuzz::json::syntax_agrees;
use cookieprefs_testkit::vectors;
use proptest::prelude::*;

/// Every policy text of `policy.json` (the `json` of each case).
fn policy_texts() -> Vec<String> {
    let path = vectors::dir().join("policy.json");
    let doc: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let mut texts = Vec::new();
    for case in doc["valid"]
        .as_array()
        .unwrap()
        .iter()
        .chain(doc["invalid"].as_array().unwrap())
    {
        texts.push(match &case["json"] {
            serde_json::Value::String(s) => s.clone(),
            other => other.to_string(),
        });
        if let Some(n) = case.get("normalized") {
            texts.push(serde_json::to_string_pretty(n).unwrap());
        }
    }
    texts
}

const NOISE: &[&str] = &[
    "{", "}", "[", "]", ":", ",", "\"", "\\", " ", "\n", "\u{1}", "0", "-", ".", "e", "+", "t", "n", "\\u",
    "\\ud800", "é", "😀",
];

#[test]
fn mutated_policies_are_json_for_both_or_neither() {
    let mut n = 0;
    for text in policy_texts() {
        // At most about 30 positions per text keeps the test fast.
        let step = (text.len() / 30).max(1);
        let cuts: Vec<usize> = (0..=text.len())
            .filter(|i| text.is_char_boundary(*i))
            .step_by(step)
            .collect();
        for &i in &cuts {
            syntax_agrees(&text[..i]);
            let next = text[i..].chars().next().map_or(0, char::len_utf8);
            syntax_agrees(&format!("{}{}", &text[..i], &text[i + next..]));
            for noise in NOISE {
                syntax_agrees(&format!("{}{noise}{}", &text[..i], &text[i..]));
                syntax_agrees(&format!("{}{noise}{}", &text[..i], &text[i + next..]));
                n += 2;
            }
        }
    }
    assert!(n > 50_000, "{n} texts");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]

    #[test]
    fn noise_is_json_for_both_or_neither(text in "[ \\t\\n\\r{}\\[\\]:,\"\\\\/0-9a-fA-F.eE+\\-truslnu\u{1}é]{0,32}") {
        syntax_agrees(&text);
    }
}
