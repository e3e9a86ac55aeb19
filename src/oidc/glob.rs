//! Infisical's OIDC policy matching (docs/infisical-api.md §4.3): exact equality, or
//! `picomatch.isMatch(value, pattern)` with default options. The parts of
//! picomatch that matter for subjects, audiences and claims:
//! - `*` and `?` never match `/`;
//! - `**` crosses `/` only when it is a whole path segment (`a/**`,
//!   `a/**/b`, `**/b`); glued to other text (`repo:o/r:**`) it is a plain
//!   `*` ("non-exclusive double-stars are single stars" in picomatch's tests);
//! - `{a,b}` alternation (nestable), `[a-z]`/`[!a]` classes, `\` escapes;
//! - wildcards do not match a leading `.` of a segment (`dot: false`);
//! - an empty segment is only matched by an empty pattern segment.
//!
//! Not modelled: extglobs `@(..)`, `!` negation, `{1..3}` ranges.

/// Infisical's rule: exact string equality, else a picomatch glob match.
pub fn policy_match(value: &str, pattern: &str) -> bool {
    value == pattern || is_match(value, pattern)
}

/// picomatch-style glob match of the whole `value`.
pub fn is_match(value: &str, pattern: &str) -> bool {
    if value.is_empty() {
        return false;
    }
    let values: Vec<&str> = value.split('/').collect();
    expand_braces(pattern).iter().any(|alternative| {
        let segments: Vec<Segment> = alternative.split('/').map(Segment::parse).collect();
        match_segments(&segments, &values)
    })
}

/// Expands the first top-level `{a,b,..}` group, recursively, so every
/// alternative can be matched on its own. Braces without a comma are text.
fn expand_braces(pattern: &str) -> Vec<String> {
    let chars: Vec<char> = pattern.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        match chars[i] {
            '\\' => i += 1,
            '{' => {
                if let Some((close, commas)) = find_group(&chars, i) {
                    let prefix: String = chars[..i].iter().collect();
                    let suffix: String = chars[close + 1..].iter().collect();
                    let mut bounds = vec![i];
                    bounds.extend(commas);
                    bounds.push(close);
                    return bounds
                        .windows(2)
                        .flat_map(|w| {
                            let alt: String = chars[w[0] + 1..w[1]].iter().collect();
                            expand_braces(&format!("{prefix}{alt}{suffix}"))
                        })
                        .collect();
                }
            }
            _ => {}
        }
        i += 1;
    }
    vec![pattern.to_string()]
}

/// For the `{` at `open`: index of its `}` and of its top-level commas, if it
/// is a real alternation group (closed, with at least one comma).
fn find_group(chars: &[char], open: usize) -> Option<(usize, Vec<usize>)> {
    let (mut depth, mut commas, mut i) = (0usize, Vec::new(), open);
    while i < chars.len() {
        match chars[i] {
            '\\' => i += 1,
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    return (!commas.is_empty()).then_some((i, commas));
                }
            }
            ',' if depth == 1 => commas.push(i),
            _ => {}
        }
        i += 1;
    }
    None
}

fn match_segments(patterns: &[Segment], values: &[&str]) -> bool {
    match patterns.split_first() {
        None => values.is_empty(),
        Some((Segment::Globstar, rest)) => {
            // Zero segments, or eat one (never a dot-segment) and stay.
            match_segments(rest, values)
                || values.split_first().is_some_and(|(first, others)| {
                    !first.starts_with('.') && match_segments(patterns, others)
                })
        }
        Some((Segment::Tokens(tokens), rest)) => {
            values.split_first().is_some_and(|(first, others)| {
                match_tokens(tokens, first) && match_segments(rest, others)
            })
        }
    }
}

enum Segment {
    /// `**` as the whole segment.
    Globstar,
    Tokens(Vec<Token>),
}

enum Token {
    Literal(char),
    /// `*` (and a `**` that is not a whole segment).
    Star,
    /// `?`
    AnyChar,
    Class {
        negated: bool,
        ranges: Vec<(char, char)>,
    },
}

impl Segment {
    fn parse(text: &str) -> Segment {
        if text == "**" {
            return Segment::Globstar;
        }
        let chars: Vec<char> = text.chars().collect();
        let mut tokens = Vec::new();
        let mut i = 0;
        while i < chars.len() {
            let token = match chars[i] {
                '\\' if i + 1 < chars.len() => {
                    i += 1;
                    Token::Literal(chars[i])
                }
                // Consecutive stars collapse into one.
                '*' if matches!(tokens.last(), Some(Token::Star)) => {
                    i += 1;
                    continue;
                }
                '*' => Token::Star,
                '?' => Token::AnyChar,
                '[' => match parse_class(&chars[i..]) {
                    Some((token, len)) => {
                        i += len;
                        tokens.push(token);
                        continue;
                    }
                    None => Token::Literal('['),
                },
                c => Token::Literal(c),
            };
            tokens.push(token);
            i += 1;
        }
        Segment::Tokens(tokens)
    }
}

/// Parses `[...]` at the start of `chars`: the token and its length.
fn parse_class(chars: &[char]) -> Option<(Token, usize)> {
    let negated = matches!(chars.get(1), Some('!' | '^'));
    let start = if negated { 2 } else { 1 };
    // A `]` right after the opening is a literal member.
    let close = start + 1 + chars.get(start + 1..)?.iter().position(|&c| c == ']')?;
    let body = &chars[start..close];
    let mut ranges = Vec::new();
    let mut j = 0;
    while j < body.len() {
        if j + 2 < body.len() && body[j + 1] == '-' {
            ranges.push((body[j], body[j + 2]));
            j += 3;
        } else {
            ranges.push((body[j], body[j]));
            j += 1;
        }
    }
    Some((Token::Class { negated, ranges }, close + 1))
}

/// Backtracking match of one segment. Wildcards never take a leading `.`.
fn match_tokens(tokens: &[Token], segment: &str) -> bool {
    let chars: Vec<char> = segment.chars().collect();
    if chars.is_empty() {
        return tokens.is_empty();
    }
    match_from(tokens, &chars, 0)
}

fn match_from(tokens: &[Token], chars: &[char], pos: usize) -> bool {
    let Some((token, rest)) = tokens.split_first() else {
        return pos == chars.len();
    };
    let wildcard_allowed = |at: usize| !(at == 0 && chars.first() == Some(&'.'));
    match token {
        Token::Literal(c) => chars.get(pos) == Some(c) && match_from(rest, chars, pos + 1),
        Token::AnyChar => {
            pos < chars.len() && wildcard_allowed(pos) && match_from(rest, chars, pos + 1)
        }
        Token::Class { negated, ranges } => chars.get(pos).is_some_and(|&c| {
            let inside = ranges.iter().any(|&(lo, hi)| lo <= c && c <= hi);
            inside != *negated && wildcard_allowed(pos) && match_from(rest, chars, pos + 1)
        }),
        Token::Star => {
            let max_end = if wildcard_allowed(pos) {
                chars.len()
            } else {
                pos
            };
            (pos..=max_end).any(|end| match_from(rest, chars, end))
        }
    }
}
