//! The fake server's own picomatch, independent of the product's `src/glob.rs`: the regexes real
//! picomatch 4.0.4 compiles for each pattern (default options and `{ bash: true }`), recorded in
//! tests/fixtures/glob/picomatch-regex.json by `regex.js` there, run by a tiny backtracking
//! regex engine. A pattern that is not in the table makes the fake panic: record it first.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde_json::Value;

/// picomatch's options as Infisical calls it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Options {
    /// `picomatch.isMatch(value, pattern)`: 2024-10 and 2025-06 servers.
    Default,
    /// `picomatch.isMatch(value, pattern, { bash: true })`: 2026 servers.
    Bash,
}

/// `picomatch.isMatch(value, pattern, options)`.
pub fn is_match(value: &str, pattern: &str, options: Options) -> bool {
    if value == pattern {
        return true;
    }
    if value.is_empty() {
        return false;
    }
    let Some((default, bash)) = table().get(pattern) else {
        // Without glob characters (or `./`), picomatch's regex is the escaped text.
        let plain = !pattern.starts_with("./") && !pattern.chars().any(|c| "*?[{(!\\".contains(c));
        assert!(
            plain,
            "picomatch regex of {pattern:?} not recorded: run tests/fixtures/glob/regex.js"
        );
        return false;
    };
    let source = match options {
        Options::Default => default,
        Options::Bash => bash,
    };
    Regex::parse(source).is_match(value)
}

fn table() -> &'static HashMap<String, (String, String)> {
    static TABLE: OnceLock<HashMap<String, (String, String)>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let raw: HashMap<String, Value> = serde_json::from_str(include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/glob/picomatch-regex.json"
        )))
        .expect("picomatch-regex.json");
        raw.into_iter()
            .map(|(pattern, v)| {
                let text = |k: &str| v[k].as_str().unwrap_or_default().to_string();
                (pattern, (text("default"), text("bash")))
            })
            .collect()
    })
}

/// The JavaScript regex subset picomatch emits: `^ $ . (?: ) ( ) (?! ) (?= ) | [..] [^..]`,
/// `\x` escapes and the quantifiers `* + ?` (greedy or lazy: same verdict here).
#[derive(Debug)]
pub enum Regex {
    Char(char),
    Dot,
    Class {
        negated: bool,
        ranges: Vec<(char, char)>,
    },
    Start,
    End,
    Look {
        negated: bool,
        inner: Box<Regex>,
    },
    Alt(Vec<Regex>),
    Seq(Vec<Regex>),
    Repeat {
        inner: Box<Regex>,
        min: usize,
        max: Option<usize>,
    },
}

impl Regex {
    pub fn parse(source: &str) -> Regex {
        let chars: Vec<char> = source.chars().collect();
        let mut at = 0;
        let regex = parse_alt(&chars, &mut at);
        assert_eq!(at, chars.len(), "unparsed regex tail in {source}");
        regex
    }

    /// `regex.test(value)` for a regex anchored with `^` (all of picomatch's are).
    pub fn is_match(&self, value: &str) -> bool {
        let chars: Vec<char> = value.chars().collect();
        (0..=chars.len()).any(|start| matches(self, &chars, start, &mut |_| true))
    }
}

fn parse_alt(c: &[char], at: &mut usize) -> Regex {
    let mut alternatives = vec![parse_seq(c, at)];
    while c.get(*at) == Some(&'|') {
        *at += 1;
        alternatives.push(parse_seq(c, at));
    }
    if alternatives.len() == 1 {
        alternatives.pop().unwrap()
    } else {
        Regex::Alt(alternatives)
    }
}

fn parse_seq(c: &[char], at: &mut usize) -> Regex {
    let mut items = Vec::new();
    while let Some(&ch) = c.get(*at) {
        if ch == '|' || ch == ')' {
            break;
        }
        *at += 1;
        let atom = match ch {
            '(' => {
                let look = match (c.get(*at), c.get(*at + 1)) {
                    (Some('?'), Some(':')) => Some(None),
                    (Some('?'), Some('!')) => Some(Some(true)),
                    (Some('?'), Some('=')) => Some(Some(false)),
                    _ => None,
                };
                if look.is_some() {
                    *at += 2;
                }
                let inner = parse_alt(c, at);
                assert_eq!(c.get(*at), Some(&')'), "unclosed group");
                *at += 1;
                match look.flatten() {
                    Some(negated) => Regex::Look {
                        negated,
                        inner: Box::new(inner),
                    },
                    None => inner,
                }
            }
            '[' => parse_class(c, at),
            '.' => Regex::Dot,
            '^' => Regex::Start,
            '$' => Regex::End,
            '\\' => {
                *at += 1;
                Regex::Char(c[*at - 1])
            }
            other => Regex::Char(other),
        };
        let (min, max) = match c.get(*at) {
            Some('*') => (0, None),
            Some('+') => (1, None),
            Some('?') => (0, Some(1)),
            _ => {
                items.push(atom);
                continue;
            }
        };
        *at += 1;
        if c.get(*at) == Some(&'?') {
            *at += 1;
        }
        items.push(Regex::Repeat {
            inner: Box::new(atom),
            min,
            max,
        });
    }
    Regex::Seq(items)
}

fn parse_class(c: &[char], at: &mut usize) -> Regex {
    let negated = c.get(*at) == Some(&'^');
    if negated {
        *at += 1;
    }
    let mut members = Vec::new();
    while c[*at] != ']' {
        let ch = if c[*at] == '\\' {
            *at += 1;
            c[*at]
        } else {
            c[*at]
        };
        *at += 1;
        members.push(ch);
    }
    *at += 1;
    let mut ranges = Vec::new();
    let mut i = 0;
    while i < members.len() {
        if i + 2 < members.len() && members[i + 1] == '-' {
            ranges.push((members[i], members[i + 2]));
            i += 3;
        } else {
            ranges.push((members[i], members[i]));
            i += 1;
        }
    }
    Regex::Class { negated, ranges }
}

/// Continuation-passing backtracking: does `regex` match at `at`, with `k` accepting the end?
fn matches(regex: &Regex, s: &[char], at: usize, k: &mut dyn FnMut(usize) -> bool) -> bool {
    match regex {
        Regex::Char(ch) => s.get(at) == Some(ch) && k(at + 1),
        Regex::Dot => s.get(at).is_some_and(|&ch| ch != '\n') && k(at + 1),
        Regex::Class { negated, ranges } => {
            s.get(at)
                .is_some_and(|&ch| ranges.iter().any(|&(lo, hi)| lo <= ch && ch <= hi) != *negated)
                && k(at + 1)
        }
        Regex::Start => at == 0 && k(at),
        Regex::End => at == s.len() && k(at),
        Regex::Look { negated, inner } => matches(inner, s, at, &mut |_| true) != *negated && k(at),
        Regex::Alt(alternatives) => alternatives.iter().any(|a| matches(a, s, at, k)),
        Regex::Seq(items) => sequence(items, s, at, k),
        Regex::Repeat { inner, min, max } => repeat(inner, *min, *max, 0, s, at, k),
    }
}

fn sequence(items: &[Regex], s: &[char], at: usize, k: &mut dyn FnMut(usize) -> bool) -> bool {
    match items.split_first() {
        None => k(at),
        Some((first, rest)) => matches(first, s, at, &mut |next| sequence(rest, s, next, k)),
    }
}

fn repeat(
    inner: &Regex,
    min: usize,
    max: Option<usize>,
    count: usize,
    s: &[char],
    at: usize,
    k: &mut dyn FnMut(usize) -> bool,
) -> bool {
    if count >= min && k(at) {
        return true;
    }
    if max.is_some_and(|max| count >= max) {
        return false;
    }
    // An empty iteration never helps (and would loop).
    matches(inner, s, at, &mut |next| {
        next != at && repeat(inner, min, max, count + 1, s, next, k)
    })
}
