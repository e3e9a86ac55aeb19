//! A YAML mapping, one `KEY: "value"` per line. Values are always double-quoted with escapes, so
//! no value is ever read as a number, a boolean, null or a block; keys are plain only when they
//! are identifiers that YAML 1.1 readers (PyYAML) would not turn into booleans or null.

use crate::secrets::SecretSet;

pub fn render(secrets: &SecretSet) -> String {
    if secrets.is_empty() {
        return "{}\n".to_string();
    }
    let mut out = String::with_capacity(secrets.text_size(5));
    for (key, value) in secrets.iter() {
        if is_plain_key(key) {
            out.push_str(key);
        } else {
            out.push_str(&quote(key));
        }
        out.push_str(": ");
        out.push_str(&quote(value));
        out.push('\n');
    }
    out
}

fn is_plain_key(key: &str) -> bool {
    const SPECIAL: &[&str] = &["y", "yes", "n", "no", "true", "false", "on", "off", "null"];
    let mut chars = key.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
        && !SPECIAL.contains(&key.to_ascii_lowercase().as_str())
}

/// A double-quoted scalar. Anything YAML would fold, or that readers reject as non-printable
/// (C0/C1 controls, DEL, line/paragraph separators, BOM, U+FFFE/U+FFFF), is escaped.
fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if needs_escape(c) => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn needs_escape(c: char) -> bool {
    matches!(c as u32, 0..=0x1F | 0x7F..=0x9F | 0x2028 | 0x2029 | 0xFEFF | 0xFFFE | 0xFFFF)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Every escape we emit is a JSON escape too, so each quoted scalar decodes as a JSON string.
    fn parse(text: &str) -> Vec<(String, String)> {
        text.lines()
            .map(|line| {
                let (key, rest) = if line.starts_with('"') {
                    let mut stream = serde_json::Deserializer::from_str(line).into_iter::<String>();
                    let key = stream.next().unwrap().unwrap();
                    (key, &line[stream.byte_offset()..])
                } else {
                    let (k, _) = line.split_once(':').unwrap();
                    (k.to_string(), &line[k.len()..])
                };
                let value: String = serde_json::from_str(rest.strip_prefix(": ").unwrap()).unwrap();
                (key, value)
            })
            .collect()
    }

    proptest! {
        #[test]
        fn every_key_and_value_comes_back(values in proptest::collection::btree_map("\\PC{1,12}|[A-Za-z_]{1,8}", "\\PC*|[\\x00-\\x7f]*|[\\u{80}-\\u{a0}\\u{2028}\\u{feff}\\u{fffe}]*", 1..8)) {
            let secrets: SecretSet = values.clone().into_iter().collect();
            prop_assert_eq!(parse(&render(&secrets)), values.into_iter().collect::<Vec<_>>());
        }
    }

    #[test]
    fn nothing_is_left_for_yaml_to_reinterpret() {
        let secrets: SecretSet = [
            ("ON".to_string(), "true".to_string()),
            ("N".to_string(), "0123".to_string()),
            ("PLAIN_KEY".to_string(), "null".to_string()),
            ("with space".to_string(), "a\nb\u{2028}\u{85}".to_string()),
        ]
        .into_iter()
        .collect();
        assert_eq!(
            render(&secrets),
            "\"N\": \"0123\"\n\"ON\": \"true\"\nPLAIN_KEY: \"null\"\n\"with space\": \"a\\nb\\u2028\\u0085\"\n"
        );
        assert_eq!(render(&SecretSet::default()), "{}\n");
    }

    #[test]
    fn json_string_escapes_read_the_same() {
        // Every escape we emit is also a JSON escape, so a JSON parser is a fair oracle per line.
        let value = "q\" b\\ \u{1} \u{7f} \u{9f} \u{feff} 日本 🚀";
        let quoted = quote(value);
        let back: String = serde_json::from_str(&quoted).unwrap();
        assert_eq!(back, value);
    }
}
