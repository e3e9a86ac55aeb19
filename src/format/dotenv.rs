//! `KEY=value` lines for the dotenv readers people use: python-dotenv, Node's `dotenv` package,
//! dotenvy, `node --env-file`, direnv's `dotenv`, and shells running `set -a; . ./app.env`.
//! They disagree on quoting, so each value gets the form that the most of them read back exactly,
//! from a model of each reader that the reader tests check against the real programs:
//!
//! | form        | written as                                  | who misreads (M) or rejects (R) it                  |
//! |-------------|---------------------------------------------|------------------------------------------------------|
//! | bare        | `KEY=value`, only `A-Za-z0-9_-./:@%+,^`     | nobody                                               |
//! | single      | `KEY='value'`, no `'` in the value          | python `${` `\\` CR (M), final `\` (R); Node CR (M); dotenvy final `\` (R); direnv CR LF (R) |
//! | double      | `KEY="v"`, `\\ \" \$ \` \n \r` escapes      | python `$` `` ` `` (M), final `\` (R); Node `\` `"` `$` `` ` ``; `--env-file` also CR (M); dotenvy `` ` `` CR (R); direnv `$` and a `\n`/`\r` in the text (M); shells a line break (M) |
//!
//! Two rules come before "most readers": no shell ever runs anything (in double quotes every `$`
//! and backtick is escaped, and single quotes are never used for a value holding `'`), and a form
//! that makes a reader reject the entry (python-dotenv and dotenvy then lose other entries, direnv
//! the whole file) is used only when every form does, and then a warning says so by key and reader.

use super::Rendered;
use crate::secrets::SecretSet;

/// A reader of dotenv files whose behaviour the writer models.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reader {
    PythonDotenv,
    NodeDotenv,
    Dotenvy,
    NodeEnvFile,
    Direnv,
    /// sh/dash, bash, zsh and busybox ash running `set -a; . ./app.env`: they agree on every form.
    Shell,
}

impl Reader {
    pub const ALL: [Reader; 6] = [
        Reader::PythonDotenv,
        Reader::NodeDotenv,
        Reader::Dotenvy,
        Reader::NodeEnvFile,
        Reader::Direnv,
        Reader::Shell,
    ];

    /// The name the warnings use (the reader tests look for it).
    pub fn name(self) -> &'static str {
        match self {
            Reader::PythonDotenv => "python-dotenv",
            Reader::NodeDotenv => "Node's dotenv",
            Reader::Dotenvy => "dotenvy",
            Reader::NodeEnvFile => "node --env-file",
            Reader::Direnv => "direnv",
            Reader::Shell => "shells sourcing it (sh, bash, zsh, ash)",
        }
    }
}

/// What one reader makes of one written value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reading {
    Exact,
    /// Reads a different value; the other entries are unaffected.
    Misread,
    /// Fails on the entry and loses others: python-dotenv the lines after it up to the next quote,
    /// dotenvy the rest of the file, direnv all of it.
    Rejected,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    Single,
    Double,
}

/// A value as written, and what each reader in [`Reader::ALL`] reads from it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Encoded {
    pub text: String,
    pub readings: [Reading; 6],
}

impl Encoded {
    /// Fewer readers failing first (they lose other entries), then more reading it exactly.
    fn score(&self) -> (std::cmp::Reverse<usize>, usize) {
        let count = |reading| self.readings.iter().filter(|r| **r == reading).count();
        (
            std::cmp::Reverse(count(Reading::Rejected)),
            count(Reading::Exact),
        )
    }
}

pub fn render(secrets: &SecretSet) -> Rendered {
    let mut out = Rendered::default();
    let mut misread: Vec<Vec<&str>> = vec![Vec::new(); Reader::ALL.len()];
    let mut rejected: Vec<Vec<&str>> = vec![Vec::new(); Reader::ALL.len()];
    for (key, value) in secrets.iter() {
        let encoded = encode(value);
        for (i, reading) in encoded.readings.iter().enumerate() {
            match reading {
                Reading::Exact => {}
                Reading::Misread => misread[i].push(key),
                Reading::Rejected => rejected[i].push(key),
            }
        }
        out.text.push_str(key);
        out.text.push('=');
        out.text.push_str(&encoded.text);
        out.text.push('\n');
    }
    let per_reader = |keys: &[Vec<&str>], what: &str| -> Vec<String> {
        Reader::ALL
            .iter()
            .zip(keys)
            .filter(|(_, keys)| !keys.is_empty())
            .map(|(reader, keys)| format!("{} {what} {}", reader.name(), keys.join(", ")))
            .collect()
    };
    let rejections = per_reader(&rejected, "rejects");
    if !rejections.is_empty() {
        // Loud and separate: here a reader loses entries other than the ones named.
        out.warnings.push(format!(
            "no dotenv quoting suits every reader for some values, and some readers fail on them: {}; \
             python-dotenv then loses the lines that follow, dotenvy the entries after it, direnv the whole file; \
             use --format json, or leave these keys out",
            rejections.join("; ")
        ));
    }
    let misreadings = per_reader(&misread, "gets wrong");
    if !misreadings.is_empty() {
        out.warnings.push(format!(
            "dotenv readers disagree on how to read back some values: {}; \
             use --format json for an exact copy",
            misreadings.join("; ")
        ));
    }
    out
}

/// The form that the fewest readers reject, then that the most read back exactly; on a tie, the
/// plainest.
pub fn encode(value: &str) -> Encoded {
    // Every reader reads a bare value exactly, and it is the plainest form: nothing beats it, so
    // the common case skips writing and scoring the quoted forms.
    if is_bare(value) {
        return Encoded {
            text: value.to_string(),
            readings: [Reading::Exact; Reader::ALL.len()],
        };
    }
    let mut forms = Vec::with_capacity(2);
    // Inside single quotes a shell takes every byte literally; a `'` would end the quoting and
    // let the rest run as code.
    if !value.contains('\'') {
        forms.push(Form::Single);
    }
    forms.push(Form::Double);
    let mut best: Option<Encoded> = None;
    for form in forms {
        let candidate = Encoded {
            text: write(form, value),
            readings: Reader::ALL.map(|reader| reading(reader, form, value)),
        };
        if best.as_ref().is_none_or(|b| candidate.score() > b.score()) {
            best = Some(candidate);
        }
    }
    best.expect("double quotes are always a candidate")
}

fn write(form: Form, value: &str) -> String {
    match form {
        Form::Single => format!("'{value}'"),
        Form::Double => {
            let mut out = String::with_capacity(value.len() + 2);
            out.push('"');
            for c in value.chars() {
                match c {
                    // What a shell treats as special in double quotes, so sourcing the file never
                    // expands or runs anything; line breaks as escapes so direnv (one entry per
                    // line) reads the value.
                    '\\' | '"' | '$' | '`' => {
                        out.push('\\');
                        out.push(c);
                    }
                    '\n' => out.push_str("\\n"),
                    '\r' => out.push_str("\\r"),
                    c => out.push(c),
                }
            }
            out.push('"');
            out
        }
    }
}

/// What `reader` reads from `value` written in `form`, as measured with python-dotenv 1.x, dotenv
/// 16 (npm), dotenvy 0.15, Node 20's `--env-file`, direnv 2.32, dash, bash, zsh and busybox ash.
fn reading(reader: Reader, form: Form, value: &str) -> Reading {
    use Reading::{Exact, Misread, Rejected};
    let has = |chars: &[char]| value.contains(chars);
    let line_break = has(&['\n', '\r']);
    let misread_if = |wrong: bool| if wrong { Misread } else { Exact };
    match (form, reader) {
        // python-dotenv expands `${NAME}` in every form with no escape, decodes `\\` even in single
        // quotes, and reads the file in text mode, which turns CR into LF.
        // python-dotenv and dotenvy take a final `\'` or `\"` as an escaped quote and run on into
        // the next lines.
        (Form::Single | Form::Double, Reader::PythonDotenv) if value.ends_with('\\') => Rejected,
        (Form::Single, Reader::PythonDotenv) => {
            misread_if(value.contains("${") || value.contains("\\\\") || has(&['\r']))
        }
        (Form::Single, Reader::NodeDotenv | Reader::NodeEnvFile) => misread_if(has(&['\r'])),
        // dotenvy pairs backslashes in single quotes: only an odd run at the end escapes the quote.
        (Form::Single, Reader::Dotenvy) if ends_in_odd_backslashes(value) => Rejected,
        // direnv 2.32 knows no multi-line values: `invalid line`, and nothing is loaded.
        (Form::Single, Reader::Direnv) if line_break => Rejected,
        (Form::Single, _) => Exact,
        // python-dotenv and Node's dotenv keep escapes they do not know (`\$`, `` \` ``; Node's
        // dotenv and `--env-file` know only `\n`, and `--env-file` not even `\r`).
        (Form::Double, Reader::PythonDotenv) => misread_if(has(&['$', '`'])),
        (Form::Double, Reader::NodeDotenv) => misread_if(has(&['\\', '"', '$', '`'])),
        (Form::Double, Reader::NodeEnvFile) => misread_if(has(&['\\', '"', '$', '`', '\r'])),
        // dotenvy fails on an escape it does not know: `` \` `` and `\r`.
        (Form::Double, Reader::Dotenvy) if has(&['`', '\r']) => Rejected,
        (Form::Double, Reader::Dotenvy) => Exact,
        // direnv expands `$NAME` even after `\`, and turns the `\n` in `\\n` into a line break.
        (Form::Double, Reader::Direnv) => {
            misread_if(has(&['$']) || value.contains("\\n") || value.contains("\\r"))
        }
        (Form::Double, Reader::Shell) => misread_if(line_break),
    }
}

fn ends_in_odd_backslashes(value: &str) -> bool {
    value.bytes().rev().take_while(|&b| b == b'\\').count() % 2 == 1
}

/// Whether `value` is written as it is, without quotes (every other form adds them).
pub fn is_bare(value: &str) -> bool {
    value.bytes().all(is_bare_safe)
}

/// `~` is left out: shells expand it at the start of a value and after `:`.
fn is_bare_safe(b: u8) -> bool {
    b.is_ascii_alphanumeric()
        || matches!(
            b,
            b'_' | b'-' | b'.' | b'/' | b':' | b'@' | b'%' | b'+' | b',' | b'^'
        )
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn reading_of(encoded: &Encoded, reader: Reader) -> Reading {
        let i = Reader::ALL.iter().position(|r| *r == reader).unwrap();
        encoded.readings[i]
    }

    /// What a POSIX shell assigns from `text` (one of our forms), or `None` if the shell would
    /// expand or run anything: the words of the value as the shell's grammar reads them.
    fn shell_assigns(text: &str) -> Option<String> {
        if let Some(inner) = text.strip_prefix('\'').and_then(|t| t.strip_suffix('\'')) {
            return (!inner.contains('\'')).then(|| inner.to_string());
        }
        if let Some(inner) = text.strip_prefix('"').and_then(|t| t.strip_suffix('"')) {
            let mut out = String::new();
            let mut chars = inner.chars();
            while let Some(c) = chars.next() {
                match c {
                    '\\' => match chars.next()? {
                        e @ ('$' | '`' | '"' | '\\') => out.push(e),
                        '\n' => {}
                        e => {
                            out.push('\\');
                            out.push(e);
                        }
                    },
                    '$' | '`' | '"' => return None,
                    c => out.push(c),
                }
            }
            return Some(out);
        }
        is_bare(text).then(|| text.to_string())
    }

    proptest! {
        /// The model's promise for dotenvy, whatever the value: exact means exact, rejected means
        /// dotenvy fails.
        #[test]
        fn dotenvy_reads_what_the_model_says(value in "\\PC*|[\\x01-\\x7f]*|[ $'\"\\\\#=\n\r`{}A]*") {
            let encoded = encode(&value);
            let line = format!("K={}\n", encoded.text);
            let back: Result<Vec<(String, String)>, _> =
                dotenvy::from_read_iter(line.as_bytes()).collect();
            match reading_of(&encoded, Reader::Dotenvy) {
                Reading::Exact => prop_assert_eq!(back.unwrap(), vec![("K".to_string(), value)]),
                Reading::Rejected => prop_assert!(back.is_err()),
                Reading::Misread => prop_assert!(false, "the model never says dotenvy misreads"),
            }
        }

        /// A shell sourcing the file never expands or runs anything, and gets the value exactly
        /// when the model says so.
        #[test]
        fn shells_never_run_a_value(value in "\\PC*|[\\x01-\\x7f]*|[ $'\"\\\\#=\n\r`(){}~:A]*") {
            let encoded = encode(&value);
            let assigned = shell_assigns(&encoded.text);
            prop_assert!(assigned.is_some(), "a shell would expand {:?}", encoded.text);
            if reading_of(&encoded, Reader::Shell) == Reading::Exact {
                prop_assert_eq!(assigned.unwrap(), value);
            }
        }
    }

    #[test]
    fn picks_the_form_most_readers_read_exactly() {
        let text = |v: &str| encode(v).text;
        assert_eq!(text(""), "");
        assert_eq!(text("postgres://a@b:5432/db"), "postgres://a@b:5432/db");
        assert_eq!(text("~/x"), "'~/x'");
        assert_eq!(text("a b"), "'a b'");
        assert_eq!(text("$HOME"), "'$HOME'");
        assert_eq!(text("$(touch x) `touch x`"), "'$(touch x) `touch x`'");
        assert_eq!(text("a\\b"), "'a\\b'");
        // Line breaks: escaped, or direnv refuses the whole file.
        assert_eq!(text("a\nb"), "\"a\\nb\"");
        assert_eq!(text("it's"), "\"it's\"");
        assert_eq!(text("it's $(x)"), "\"it's \\$(x)\"");
        assert_eq!(text("ends\\"), "\"ends\\\\\"");
        // Only python-dotenv misreads `\\` in single quotes; Node's readers, in double.
        assert_eq!(text("a\\\\b"), "'a\\\\b'");
    }

    #[test]
    fn a_value_only_some_readers_can_take_is_named_with_those_readers() {
        // No form suits everyone: in double quotes dotenvy fails on the escaped backtick, and
        // without the escape a shell would run it.
        let encoded = encode("it's `x`");
        assert_eq!(encoded.text, "\"it's \\`x\\`\"");
        assert_eq!(reading_of(&encoded, Reader::Dotenvy), Reading::Rejected);
        let secrets: SecretSet = [
            ("SAFE".to_string(), "it's fine".to_string()),
            ("RISKY".to_string(), "it's $HOME".to_string()),
            ("TICK".to_string(), "it's `x`".to_string()),
        ]
        .into_iter()
        .collect();
        let rendered = render(&secrets);
        assert_eq!(rendered.warnings.len(), 2, "{:?}", rendered.warnings);
        assert!(rendered.warnings[0].contains("dotenvy rejects TICK;"));
        assert!(rendered.warnings[1].contains("python-dotenv gets wrong RISKY, TICK;"));
        for warning in &rendered.warnings {
            assert!(!warning.contains("SAFE"));
            assert!(!warning.contains("$HOME"));
            assert!(!warning.contains("`x`"));
        }
    }

    #[test]
    fn no_warning_when_every_reader_reads_every_value() {
        let secrets: SecretSet = [("A".to_string(), "it's fine".to_string())]
            .into_iter()
            .collect();
        assert!(render(&secrets).warnings.is_empty());
    }
}
