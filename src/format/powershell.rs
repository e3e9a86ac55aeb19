//! `$env:NAME = '…'` lines for PowerShell (Windows PowerShell 5.1 and PowerShell 7), to dot-source
//! as a `.ps1` file or pipe into `Invoke-Expression`. Inside single quotes nothing is special but
//! the quote itself, which is doubled; the output is plain ASCII, so no code page can change it.

use std::fmt::Write;

use crate::secrets::SecretSet;

/// PowerShell's single quotes: `'` and the typographic U+2018, U+2019, U+201A, U+201B all open and
/// close a single-quoted string, and any two in a row stand for the second one
/// (PowerShell/PowerShell `engine/parser/CharTraits.cs` `IsSingleQuote`, `tokenizer.cs`
/// `ScanStringLiteral`).
const SINGLE_QUOTES: [char; 5] = ['\'', '\u{2018}', '\u{2019}', '\u{201a}', '\u{201b}'];

pub fn render(secrets: &SecretSet) -> String {
    let mut out = String::with_capacity(secrets.text_size("$env: = ''\n".len() + 1));
    for (key, value) in secrets.iter() {
        // Names are `[A-Za-z_][A-Za-z0-9_]*` (checked before rendering), which the tokenizer's
        // `ScanVariable` takes bare after `$env:`; no `${env:…}` is needed.
        out.push_str("$env:");
        out.push_str(key);
        out.push_str(" = ");
        expression_into(&mut out, value);
        out.push('\n');
    }
    out
}

/// `'value'` when the value is printable ASCII, else `-join ('run', [char]0x00E9, 'run')`.
///
/// Windows PowerShell 5.1 reads a `.ps1` file without a byte-order mark in the ANSI code page,
/// and a native command's output reaches `Invoke-Expression` decoded with the console's code
/// page. Either would turn UTF-8 into other characters, and some of them are quotes: `ё` is the
/// bytes D1 91, and 0x91 is U+2018 in Windows-1252, which would end the string and run the rest
/// of the value as code. So every character outside printable ASCII (line breaks too, so each
/// variable stays on one line) is written as its UTF-16 code unit. A unary `-join` over a flat
/// list keeps a long value one shallow expression, where a chain of `+` would nest deeply.
fn expression_into(out: &mut String, value: &str) {
    if value.chars().all(|c| c == ' ' || c.is_ascii_graphic()) {
        quote_into(out, value);
        return;
    }
    out.push_str("-join (");
    let mut first = true;
    let mut separator = |out: &mut String| {
        if !std::mem::take(&mut first) {
            out.push_str(", ");
        }
    };
    let mut run_start = 0;
    for (i, c) in value.char_indices() {
        if c == ' ' || c.is_ascii_graphic() {
            continue;
        }
        if run_start < i {
            separator(out);
            quote_into(out, &value[run_start..i]);
        }
        let mut units = [0u16; 2];
        for unit in c.encode_utf16(&mut units) {
            separator(out);
            let _ = write!(out, "[char]0x{unit:04X}");
        }
        run_start = i + c.len_utf8();
    }
    if run_start < value.len() {
        separator(out);
        quote_into(out, &value[run_start..]);
    }
    out.push(')');
}

/// A single-quoted string: every single quote, of any of the five kinds, doubled.
fn quote_into(out: &mut String, text: &str) {
    out.push('\'');
    for c in text.chars() {
        if SINGLE_QUOTES.contains(&c) {
            out.push(c);
        }
        out.push(c);
    }
    out.push('\'');
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn quote(text: &str) -> String {
        let mut out = String::new();
        quote_into(&mut out, text);
        out
    }

    fn expression(value: &str) -> String {
        let mut out = String::new();
        expression_into(&mut out, value);
        out
    }

    /// `ScanStringLiteral`: after the opening quote, a quote followed by another quote (of any of
    /// the five kinds) appends the second; a quote followed by anything else ends the string.
    fn scan_string(text: &str) -> (String, &str) {
        let mut chars = text.char_indices();
        let (_, open) = chars.next().expect("a quote");
        assert!(SINGLE_QUOTES.contains(&open), "{text:?}");
        let mut value = String::new();
        while let Some((i, c)) = chars.next() {
            if SINGLE_QUOTES.contains(&c) {
                let rest = &text[i + c.len_utf8()..];
                match rest.chars().next() {
                    Some(next) if SINGLE_QUOTES.contains(&next) => {
                        chars.next();
                        value.push(next);
                    }
                    _ => return (value, rest),
                }
            } else {
                value.push(c);
            }
        }
        panic!("unterminated string in {text:?}");
    }

    /// Reads `$env:NAME = <expression>` lines as PowerShell's grammar allows them here.
    fn parse(text: &str) -> Vec<(String, String)> {
        assert!(text.is_ascii(), "not ASCII");
        let mut out = Vec::new();
        for line in text.lines() {
            let line = line.strip_prefix("$env:").expect("$env:");
            let (name, expr) = line.split_once(" = ").expect(" = ");
            let value = if let Some(mut list) = expr.strip_prefix("-join (") {
                let mut value = String::new();
                let mut units = Vec::new();
                loop {
                    if let Some(hex) = list.strip_prefix("[char]0x") {
                        units.push(u16::from_str_radix(&hex[..4], 16).unwrap());
                        list = &hex[4..];
                    } else {
                        value.push_str(&String::from_utf16(&units).unwrap());
                        units.clear();
                        let (run, rest) = scan_string(list);
                        value.push_str(&run);
                        list = rest;
                    }
                    if let Some(rest) = list.strip_prefix(", ") {
                        list = rest;
                    } else {
                        assert_eq!(list, ")");
                        break;
                    }
                }
                value.push_str(&String::from_utf16(&units).unwrap());
                value
            } else {
                let (value, rest) = scan_string(expr);
                assert!(rest.is_empty(), "trailing {rest:?}");
                value
            };
            out.push((name.to_string(), value));
        }
        out
    }

    #[test]
    fn every_kind_of_single_quote_is_doubled() {
        assert_eq!(quote("it's"), "'it''s'");
        assert_eq!(
            quote("\u{2018}\u{2019}\u{201a}\u{201b}"),
            "'\u{2018}\u{2018}\u{2019}\u{2019}\u{201a}\u{201a}\u{201b}\u{201b}'"
        );
        assert_eq!(scan_string(&quote("a\u{2019}'b")).0, "a\u{2019}'b");
    }

    #[test]
    fn anything_outside_printable_ascii_is_a_char_code() {
        assert_eq!(expression(""), "''");
        assert_eq!(expression("it's $HOME `x`"), "'it''s $HOME `x`'");
        assert_eq!(
            expression("a\r\nb\u{2019}"),
            "-join ('a', [char]0x000D, [char]0x000A, 'b', [char]0x2019)"
        );
        assert_eq!(expression("🚀"), "-join ([char]0xD83D, [char]0xDE80)");
    }

    proptest! {
        #[test]
        fn every_value_comes_back(values in proptest::collection::btree_map("[A-Za-z_][A-Za-z0-9_]{0,12}", "\\PC*|[\\x01-\\x7f]*|['\\u{2018}-\\u{201b}ё\\r\\n]*", 0..8)) {
            let secrets: SecretSet = values.clone().into_iter().collect();
            let back = parse(&render(&secrets));
            prop_assert_eq!(back, values.into_iter().collect::<Vec<_>>());
        }
    }
}
