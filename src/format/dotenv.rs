//! `KEY=value` lines that the common dotenv readers (python-dotenv, Node's dotenv, dotenvy) read
//! back unchanged. The readers disagree on quoting, so each value gets the plainest form that all
//! of them read the same way:
//!
//! | value                                   | written as        | why                                        |
//! |-----------------------------------------|-------------------|--------------------------------------------|
//! | empty                                   | `KEY=`            |                                            |
//! | only `A-Za-z0-9_-./:@%+,~^`             | `KEY=value`       | nothing to misread                         |
//! | no `'`, CR, `\\`, final `\`               | `KEY='value'`     | single quotes: literal in all three        |
//! | anything else                           | `KEY="va\"lue"`   | double quotes with `\\ \" \n \r` escapes   |
//!
//! python-dotenv expands `${NAME}` in every form, with no escape. In double quotes Node's dotenv
//! only decodes `\n` and `\r`, and `$` starts interpolation in
//! dotenvy (`$NAME`, `${NAME}`; every `$` is escaped as `\$`) and python-dotenv (`${NAME}`, no
//! escape exists).
//! dotenvy knows no `\r`. Values that no form carries through all three readers are written for
//! the majority and reported by name, so users can switch to `--format json`.

use super::Rendered;
use crate::secrets::SecretSet;

pub fn render(secrets: &SecretSet) -> Rendered {
    let mut out = Rendered::default();
    let mut ambiguous = Vec::new();
    for (key, value) in secrets.iter() {
        let (encoded, exact_everywhere) = encode(value);
        if !exact_everywhere {
            ambiguous.push(key);
        }
        out.text.push_str(key);
        out.text.push('=');
        out.text.push_str(&encoded);
        out.text.push('\n');
    }
    if !ambiguous.is_empty() {
        out.warnings.push(format!(
            "dotenv readers disagree on how to read back the value of {}: python-dotenv, Node's dotenv \
             and dotenvy may not all get it unchanged; use --format json for an exact copy",
            ambiguous.join(", ")
        ));
    }
    out
}

/// The encoded value, and whether all three readers decode it to exactly `value`.
pub fn encode(value: &str) -> (String, bool) {
    if value.chars().all(is_bare_safe) {
        return (value.to_string(), true);
    }
    // python-dotenv expands `${NAME}` whatever the quoting, and has no escape for it.
    let no_python_expansion = !value.contains("${");
    // In single quotes Node's dotenv and dotenvy take every byte literally; python-dotenv decodes
    // only `\\` and `\'`, so a lone backslash is safe there but a doubled or final one is not.
    if !value.contains(['\'', '\r']) && !value.contains("\\\\") && !value.ends_with('\\') {
        return (format!("'{value}'"), no_python_expansion);
    }
    let mut out = String::with_capacity(value.len() + 2);
    out.push('"');
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '$' => out.push_str("\\$"),
            c => out.push(c),
        }
    }
    out.push('"');
    // Node keeps `\\` and `\"` as written; `\$` is dotenvy's escape, which python-dotenv keeps;
    // dotenvy has no `\r` (and a raw CR is lost by Node and by python reading a file).
    let exact = !value.contains(['\\', '"', '\r', '$']);
    (out, exact)
}

fn is_bare_safe(c: char) -> bool {
    c.is_ascii_alphanumeric() || "_-./:@%+,~^".contains(c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Whatever the value: when we call its form exact, dotenvy reads it back unchanged.
        #[test]
        fn exact_forms_come_back_from_dotenvy(value in "\\PC*|[\\x01-\\x7f]*|[ $'\"\\\\#=\n`{}A]*") {
            let (encoded, exact) = encode(&value);
            if exact {
                let line = format!("K={encoded}\n");
                let back: Vec<(String, String)> = dotenvy::from_read_iter(line.as_bytes())
                    .map(|item| item.unwrap())
                    .collect();
                prop_assert_eq!(back, vec![("K".to_string(), value)]);
            }
        }
    }

    /// What dotenvy reads back from our text, key by key.
    fn dotenvy_reads(text: &str) -> Vec<(String, String)> {
        dotenvy::from_read_iter(text.as_bytes())
            .map(|item| item.expect("dotenvy parses our output"))
            .collect()
    }

    pub(crate) const AWKWARD: &[&str] = &[
        "",
        "plain",
        "with space",
        "it's",
        "say \"hi\"",
        "both ' and \"",
        "$HOME and ${HOME} and $",
        "cost: 5$",
        "back\\slash \\n not a newline",
        "ends with backslash\\",
        "# not a comment",
        "a #hash",
        "=leading equals",
        "line1\nline2\n",
        "crlf\r\nline",
        "tab\there",
        "unicode héllo wörld ✓ 日本語 🚀",
        "`backtick`",
        "  padded  ",
        "p@ss\"word'with$dollar and $HOME and \\back\\\\slash `tick` #hash =eq;semi|pipe&amp %percent% \\n(not-a-newline)",
        "-----BEGIN PRIVATE KEY-----\nMIIBVQIBADANBgkqhkiG9w0BAQEFAA\n-----END PRIVATE KEY-----",
    ];

    #[test]
    fn dotenvy_reads_every_value_we_call_exact_back_unchanged() {
        let exact: Vec<&str> = AWKWARD.iter().copied().filter(|v| encode(v).1).collect();
        assert!(
            exact.len() > AWKWARD.len() / 2,
            "most awkward values are exact"
        );
        let secrets: SecretSet = exact
            .iter()
            .enumerate()
            .map(|(i, v)| (format!("K{i:02}"), v.to_string()))
            .collect();
        let rendered = render(&secrets);
        let back = dotenvy_reads(&rendered.text);
        assert_eq!(back.len(), exact.len(), "{}", rendered.text);
        for (i, (key, value)) in back.iter().enumerate() {
            assert_eq!(key, &format!("K{i:02}"));
            assert_eq!(value, exact[i], "K{i:02} from {}", rendered.text);
        }
    }

    #[test]
    fn dotenvy_reads_values_with_backslashes_quotes_and_dollars_back_unchanged() {
        // Not exact for Node's dotenv, but dotenvy (and python-dotenv, without `$`) decode them.
        for value in [
            "back\\slash \\n",
            "say \"hi\"",
            "$HOME ${X} \\$",
            "it's \"q\" \\ $X",
        ] {
            let secrets: SecretSet = [("K".to_string(), value.to_string())].into_iter().collect();
            let back = dotenvy_reads(&render(&secrets).text);
            assert_eq!(back, vec![("K".to_string(), value.to_string())]);
        }
    }

    #[test]
    fn picks_the_plainest_form() {
        assert_eq!(encode(""), (String::new(), true));
        assert_eq!(
            encode("postgres://a@b:5432/db"),
            ("postgres://a@b:5432/db".into(), true)
        );
        assert_eq!(encode("a b"), ("'a b'".into(), true));
        assert_eq!(encode("a\nb"), ("'a\nb'".into(), true));
        assert_eq!(encode("$HOME"), ("'$HOME'".into(), true));
        assert_eq!(encode("${HOME}"), ("'${HOME}'".into(), false));
        assert_eq!(encode("it's"), ("\"it's\"".into(), true));
        assert_eq!(encode("a\\b"), ("'a\\b'".into(), true));
        assert_eq!(encode("a\\\\b"), ("\"a\\\\\\\\b\"".into(), false));
        assert_eq!(encode("ends\\"), ("\"ends\\\\\"".into(), false));
        assert_eq!(encode("it's $HOME"), ("\"it's \\$HOME\"".into(), false));
        assert_eq!(encode("it's 5$"), ("\"it's 5\\$\"".into(), false));
    }

    #[test]
    fn names_the_keys_readers_may_disagree_on_but_never_their_values() {
        let secrets: SecretSet = [
            ("SAFE".to_string(), "it's fine".to_string()),
            ("RISKY".to_string(), "it's $HOME".to_string()),
        ]
        .into_iter()
        .collect();
        let rendered = render(&secrets);
        assert_eq!(rendered.warnings.len(), 1);
        assert!(rendered.warnings[0].contains("RISKY"));
        assert!(!rendered.warnings[0].contains("SAFE"));
        assert!(!rendered.warnings[0].contains("$HOME"));
    }
}
