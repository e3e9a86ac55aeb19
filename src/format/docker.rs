//! `docker run --env-file`: `NAME=value` taken literally, one per line, with no quoting or
//! escaping at all. A value with a line break cannot be carried, so it is refused, never split.

use crate::error::Failure;
use crate::secrets::SecretSet;

/// docker reads the file with Go's `bufio.Scanner`, which fails on a line of 64 KiB or more.
const MAX_LINE: usize = 64 * 1024 - 1;

pub fn render(secrets: &SecretSet) -> Result<String, Failure> {
    let unfit: Vec<&str> = secrets
        .iter()
        .filter(|(_, v)| v.contains(['\n', '\r']))
        .map(|(k, _)| k)
        .collect();
    if !unfit.is_empty() {
        return Err(Failure::usage(format!(
            "docker's --env-file format cannot carry line breaks, found in the value of {}",
            unfit.join(", ")
        ))
        .hint("use --format dotenv (for `docker compose`) or --format json, or leave those secrets out"));
    }
    let too_long: Vec<&str> = secrets
        .iter()
        .filter(|(k, v)| k.len() + 1 + v.len() > MAX_LINE)
        .map(|(k, _)| k)
        .collect();
    if !too_long.is_empty() {
        return Err(Failure::usage(format!(
            "docker reads --env-file lines of at most 64 KiB; the value of {} is longer",
            too_long.join(", ")
        ))
        .hint("use --format dotenv (for `docker compose`) or --format json, or leave those secrets out"));
    }
    let mut out = String::with_capacity(secrets.text_size(2));
    for (key, value) in secrets.iter() {
        out.push_str(key);
        out.push('=');
        out.push_str(value);
        out.push('\n');
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Docker's reader (opts/envfile.go): lines split on LF (a trailing CR dropped), leading
    /// whitespace trimmed, `#` comments, then NAME=value with the value taken as is.
    fn parse(text: &str) -> Vec<(String, String)> {
        text.split('\n')
            .map(|l| l.strip_suffix('\r').unwrap_or(l))
            .map(|l| l.trim_start())
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(|l| {
                let (k, v) = l.split_once('=').expect("NAME=value");
                (k.to_string(), v.to_string())
            })
            .collect()
    }

    #[test]
    fn a_line_docker_cannot_read_is_refused() {
        let fits: SecretSet = [("K".to_string(), "v".repeat(MAX_LINE - 2))]
            .into_iter()
            .collect();
        assert!(render(&fits).is_ok());
        let long: SecretSet = [("K".to_string(), "v".repeat(MAX_LINE - 1))]
            .into_iter()
            .collect();
        let e = render(&long).unwrap_err();
        assert!(
            e.message.contains("at most 64 KiB; the value of K"),
            "{}",
            e.message
        );
    }

    #[test]
    fn a_line_break_is_refused_naming_the_key_only() {
        let secrets: SecretSet = [("PEM".to_string(), "a\nsecret".to_string())]
            .into_iter()
            .collect();
        let e = render(&secrets).unwrap_err();
        assert!(e.message.contains("PEM"));
        assert!(!e.message.contains("secret"));
    }

    proptest! {
        #[test]
        fn every_value_without_a_line_break_comes_back(values in proptest::collection::btree_map("[A-Za-z_][A-Za-z0-9_]{0,12}", "[^\\r\\n\\x00]*", 0..8)) {
            let secrets: SecretSet = values.clone().into_iter().collect();
            let back = parse(&render(&secrets).unwrap());
            prop_assert_eq!(back, values.into_iter().collect::<Vec<_>>());
        }
    }
}
