//! `@set "NAME=value"` lines for a batch file (`call secrets.cmd`). Inside the quotes cmd takes
//! `^ & | < > ( )` literally; `%` is written `%%`. Values cmd cannot carry exactly are refused.
//!
//! The parsing model is jeb's and dbenham's "How does the Windows Command Interpreter (CMD.EXE)
//! parse scripts?" (stackoverflow.com/a/4095133), phase by phase:
//! - phase 0 reads a line up to LF, and reads Ctrl-Z (0x1A) as LF: a line break in a value would
//!   end the command, and the next line would be a command of its own;
//! - phase 1 turns `%%` into `%` and expands `%NAME%` in a batch file (at the prompt `%%` stays
//!   `%%`, so these lines are for a file, not for pasting);
//! - phase 1.5 drops every CR;
//! - phase 2 toggles quoting at each `"`: a `"` in a value would end the quotes and expose the
//!   rest (`&`, `|`, …) as syntax, and cmd has no escape for `"` inside quotes;
//! - phase 5 expands `!NAME!` (and then eats `^`) when the caller has delayed expansion on, which
//!   a called file inherits and cannot see;
//! - cmd decodes a batch file in the console's code page (`chcp`), so only ASCII reads back the
//!   same everywhere.
//!
//! `@` keeps cmd from echoing the line, value and all, when the caller has `echo on` (the default
//! in a batch file, and so in a GitHub Actions `shell: cmd` step).

use crate::error::Failure;
use crate::names;
use crate::secrets::SecretSet;

/// Why cmd cannot carry a value, in the order the error lists them.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
enum Unfit {
    LineBreak,
    Quote,
    Bang,
    Control,
    NonAscii,
}

impl Unfit {
    fn of(c: char) -> Option<Unfit> {
        match c {
            '\r' | '\n' | '\x1a' => Some(Unfit::LineBreak),
            '"' => Some(Unfit::Quote),
            '!' => Some(Unfit::Bang),
            '\t' => None,
            c if c.is_ascii_control() => Some(Unfit::Control),
            c if !c.is_ascii() => Some(Unfit::NonAscii),
            _ => None,
        }
    }

    fn describe(self) -> &'static str {
        match self {
            Unfit::LineBreak => "a line break ends the command",
            Unfit::Quote => "a `\"` ends the quoted form",
            Unfit::Bang => "`!` is expanded under delayed expansion",
            Unfit::Control => "a control character",
            Unfit::NonAscii => "non-ASCII text is read in the console's code page",
        }
    }
}

pub fn render(secrets: &SecretSet) -> Result<String, Failure> {
    check(secrets)?;
    let mut out = String::with_capacity(secrets.text_size("@set \"=\"\r\n".len()));
    for (key, value) in secrets.iter() {
        out.push_str("@set \"");
        out.push_str(key);
        out.push('=');
        for c in value.chars() {
            if c == '%' {
                out.push('%');
            }
            out.push(c);
        }
        // CRLF, as batch files are written on Windows; phase 1.5 drops the CR anyway.
        out.push_str("\"\r\n");
    }
    Ok(out)
}

/// One error naming every key that cannot be carried, grouped by why, never a value.
fn check(secrets: &SecretSet) -> Result<(), Failure> {
    // Keys come in order (a `SecretSet` is sorted), so each group lists them sorted.
    let mut unfit: Vec<(&str, Unfit)> = Vec::new();
    for (key, value) in secrets.iter() {
        let mut whys: Vec<Unfit> = value.chars().filter_map(Unfit::of).collect();
        whys.sort();
        whys.dedup();
        unfit.extend(whys.into_iter().map(|why| (key, why)));
    }
    if unfit.is_empty() {
        return Ok(());
    }
    Err(Failure::usage(format!(
        "cmd's `set \"NAME=value\"` cannot carry the value of {}; nothing was written",
        names::grouped(&unfit, Unfit::describe)
    ))
    .hint("use --format powershell or --format json, or leave those secrets out with --exclude"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn set(pairs: &[(&str, &str)]) -> SecretSet {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    /// Phase 1 (`%%` → `%`), phase 1.5 (CR dropped), then `set "…"` up to the last quote.
    fn parse(text: &str) -> Vec<(String, String)> {
        text.split('\n')
            .filter(|l| !l.is_empty())
            .map(|line| {
                let line = line.replace("%%", "\u{0}").replace('\r', "");
                assert!(!line.contains('%'), "a lone % in {line:?}");
                let line = line.replace('\u{0}', "%");
                let inner = line.strip_prefix("@set \"").expect("@set \"");
                let inner = &inner[..inner.rfind('"').expect("closing quote")];
                assert!(!inner.contains('"'));
                let (k, v) = inner.split_once('=').expect("NAME=");
                (k.to_string(), v.to_string())
            })
            .collect()
    }

    #[test]
    fn specials_are_literal_inside_the_quotes_and_percent_is_doubled() {
        assert_eq!(
            render(&set(&[("K", "a^b&c|d<e>f(g)h %PATH% 100%")])).unwrap(),
            "@set \"K=a^b&c|d<e>f(g)h %%PATH%% 100%%\"\r\n"
        );
    }

    #[test]
    fn refusals_name_every_key_and_why_never_a_value() {
        let e = render(&set(&[
            ("PEM", "a\nsecret"),
            ("Q", "say \"secret\""),
            ("BANG", "secret!"),
            ("ZED", "x\u{1a}secret"),
            ("U", "sécret"),
            ("OK", "fine"),
        ]))
        .unwrap_err();
        assert_eq!(
            e.message,
            "cmd's `set \"NAME=value\"` cannot carry the value of PEM, ZED (a line break ends the command); Q (a `\"` ends the quoted form); BANG (`!` is expanded under delayed expansion); U (non-ASCII text is read in the console's code page); nothing was written"
        );
        assert!(!e.message.contains("secret") && !e.message.contains('\n'));
    }

    proptest! {
        #[test]
        fn every_value_it_takes_comes_back(values in proptest::collection::btree_map("[A-Za-z_][A-Za-z0-9_]{0,12}", "[ \\t#-~]*|[ %^&|<>()=']*", 0..8)) {
            let secrets: SecretSet = values.clone().into_iter().collect();
            let back = parse(&render(&secrets).unwrap());
            prop_assert_eq!(back, values.into_iter().collect::<Vec<_>>());
        }
    }
}
