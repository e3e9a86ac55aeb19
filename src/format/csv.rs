//! RFC 4180 CSV: a `key,value` header, CRLF line ends, a field quoted when it holds a comma,
//! a quote, a line break or surrounding spaces, with `"` doubled inside quotes.

use crate::secrets::SecretSet;

pub fn render(secrets: &SecretSet) -> String {
    let mut out = String::from("key,value\r\n");
    for (key, value) in secrets.iter() {
        out.push_str(&field(key));
        out.push(',');
        out.push_str(&field(value));
        out.push_str("\r\n");
    }
    out
}

fn field(text: &str) -> String {
    let needs_quotes = text.contains([',', '"', '\r', '\n'])
        || text.starts_with(char::is_whitespace)
        || text.ends_with(char::is_whitespace);
    if needs_quotes {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// A strict RFC 4180 reader.
    fn parse(text: &str) -> Vec<Vec<String>> {
        let (mut records, mut record, mut field) = (Vec::new(), Vec::new(), String::new());
        let mut chars = text.chars().peekable();
        let mut quoted = false;
        while let Some(c) = chars.next() {
            if quoted {
                match c {
                    '"' if chars.peek() == Some(&'"') => {
                        chars.next();
                        field.push('"');
                    }
                    '"' => quoted = false,
                    c => field.push(c),
                }
                continue;
            }
            match c {
                '"' => quoted = true,
                ',' => record.push(std::mem::take(&mut field)),
                '\r' => {
                    assert_eq!(chars.next(), Some('\n'), "records end with CRLF");
                    record.push(std::mem::take(&mut field));
                    records.push(std::mem::take(&mut record));
                }
                c => field.push(c),
            }
        }
        assert!(
            field.is_empty() && record.is_empty(),
            "the last record ends with CRLF"
        );
        records
    }

    proptest! {
        #[test]
        fn every_key_and_value_comes_back(values in proptest::collection::btree_map("\\PC{0,12}", "\\PC*|[\\x00-\\x7f]*", 0..8)) {
            let secrets: SecretSet = values.clone().into_iter().collect();
            let records = parse(&render(&secrets));
            prop_assert_eq!(&records[0], &vec!["key".to_string(), "value".to_string()]);
            let back: Vec<(String, String)> = records[1..].iter().map(|r| (r[0].clone(), r[1].clone())).collect();
            prop_assert_eq!(back, values.into_iter().collect::<Vec<_>>());
        }
    }
}
