//! GitHub's file-command format for `$GITHUB_ENV` and `$GITHUB_OUTPUT`: `NAME<<DELIM`, the value,
//! `DELIM`. The runner takes the value verbatim up to the first line equal to DELIM, so every
//! value gets a fresh random delimiter that is checked not to occur in it (a fixed one allowed
//! injecting variables, CVE-2022-35954).

use crate::secrets::SecretSet;

pub fn render(secrets: &SecretSet, delimiter: &mut dyn FnMut() -> String) -> String {
    // NAME<<DELIM\nvalue\nDELIM\n with the toolkit's 45-byte delimiters.
    let mut out = String::with_capacity(secrets.text_size(2 * 45 + 5));
    for (key, value) in secrets.iter() {
        let delim = loop {
            let candidate = delimiter();
            if !value.contains(&candidate) && !key.contains(&candidate) {
                break candidate;
            }
        };
        out.push_str(key);
        out.push_str("<<");
        out.push_str(&delim);
        out.push('\n');
        out.push_str(value);
        out.push('\n');
        out.push_str(&delim);
        out.push('\n');
    }
    out
}

#[cfg(test)]
#[path = "../../tests/support/runner.rs"]
mod runner;

#[cfg(test)]
mod tests {
    use super::runner::runner_reads;
    use super::*;
    use proptest::prelude::*;

    fn counter() -> impl FnMut() -> String {
        let mut n = 0;
        move || {
            n += 1;
            format!("ghadelimiter_{n}")
        }
    }

    #[test]
    fn a_value_containing_the_next_delimiter_gets_another() {
        let secrets: SecretSet = [(
            "K".to_string(),
            "x\nghadelimiter_1\nBASH_ENV=/tmp/x".to_string(),
        )]
        .into_iter()
        .collect();
        let text = render(&secrets, &mut counter());
        assert!(text.starts_with("K<<ghadelimiter_2\n"));
        assert_eq!(
            runner_reads(&text).unwrap(),
            vec![(
                "K".to_string(),
                "x\nghadelimiter_1\nBASH_ENV=/tmp/x".to_string()
            )]
        );
    }

    proptest! {
        #[test]
        fn the_runner_reads_every_value_back_and_nothing_else(
            values in proptest::collection::btree_map("[A-Za-z_][A-Za-z0-9_]{0,12}", "\\PC*|[\\x00-\\x7f]*|(\\n|ghadelimiter_1|ghadelimiter_2|=|<<|\\r)*", 0..8)
        ) {
            let secrets: SecretSet = values.clone().into_iter().collect();
            let back = runner_reads(&render(&secrets, &mut counter())).unwrap();
            prop_assert_eq!(back, values.into_iter().collect::<Vec<_>>());
        }
    }
}
