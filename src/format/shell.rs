//! `export NAME='value'` lines for `eval` in sh, dash, bash and zsh. Inside single quotes every
//! byte is literal; a `'` ends the quote, so it is written as `'\''` (close, escaped quote, reopen).

use crate::secrets::SecretSet;

pub fn render(secrets: &SecretSet) -> String {
    let mut out = String::with_capacity(secrets.text_size("export ='\n".len() + 1));
    for (key, value) in secrets.iter() {
        out.push_str("export ");
        out.push_str(key);
        out.push('=');
        quote_into(&mut out, value);
        out.push('\n');
    }
    out
}

pub fn quote(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    quote_into(&mut out, value);
    out
}

fn quote_into(out: &mut String, value: &str) {
    out.push('\'');
    let mut parts = value.split('\'');
    out.push_str(parts.next().unwrap_or_default());
    for part in parts {
        out.push_str(r"'\''");
        out.push_str(part);
    }
    out.push('\'');
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Reads back `export NAME='...'` lines the way a POSIX shell tokenises them.
    fn parse(text: &str) -> Vec<(String, String)> {
        let mut out = Vec::new();
        let mut rest = text;
        while let Some(line) = rest.strip_prefix("export ") {
            let (name, after) = line.split_once('=').expect("NAME=");
            let mut value = String::new();
            let mut chars = after.char_indices();
            let end = loop {
                match chars.next() {
                    Some((_, '\'')) => {
                        for (_, c) in chars.by_ref() {
                            if c == '\'' {
                                break;
                            }
                            value.push(c);
                        }
                    }
                    Some((_, '\\')) => value.push(chars.next().expect("escaped char").1),
                    Some((i, '\n')) => break i + 1,
                    Some((_, c)) => panic!("unquoted {c:?} in {after:?}"),
                    None => break after.len(),
                }
            };
            out.push((name.to_string(), value));
            rest = &after[end..];
        }
        assert!(rest.is_empty(), "trailing text: {rest:?}");
        out
    }

    #[test]
    fn quotes_are_closed_escaped_and_reopened() {
        assert_eq!(quote("it's"), r"'it'\''s'");
        assert_eq!(quote(""), "''");
    }

    proptest! {
        #[test]
        fn every_value_comes_back(values in proptest::collection::btree_map("[A-Za-z_][A-Za-z0-9_]{0,12}", "\\PC*|[\\x01-\\x7f]*", 0..8)) {
            let secrets: SecretSet = values.clone().into_iter().collect();
            let back = parse(&render(&secrets));
            prop_assert_eq!(back, values.into_iter().collect::<Vec<_>>());
        }
    }
}
