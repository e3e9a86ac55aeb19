//! Infisical's OIDC policy matching, for both rules its servers have used: exact equality, or
//! `picomatch.isMatch(value, pattern)` with default options (servers of 2024-10 and 2025-06,
//! picomatch 3) or with `{ bash: true }` (2026 servers, picomatch 4). Also the CLI's own
//! `--only`/`--exclude` key filters, which use the default rule.
//!
//! A pattern is compiled the way picomatch compiles it to a regular expression (the regexes it
//! prints were the spec, see tests/fixtures/glob/), then matched by a small backtracking
//! matcher. What the two rules share and where they part:
//! - `?` is one character except `/`; `[a-z]`, `[^a]` (never `/`), `[[:alpha:]]` classes;
//!   `[!a]` is the class `!`/`a`, not a negation; `{a,b}` alternation and `{1..3}` ranges;
//!   a leading `!` negates; `\` escapes; wildcards do not start a segment with `.`.
//! - `**` as a whole path segment crosses `/` under both rules (not into `.` segments).
//! - `*` stops at `/` by default; with `bash` it crosses `/`. A `**` glued to text is a `*`.
//!
//! Not modelled: extglobs `@(..)`, `*(..)`, `+(..)`, `?(..)`, `!(..)` and bare `(`, `)`, `|`
//! groups: [`Unsupported`] rather than a guess.
//!
//! A leaf module: it uses nothing else of the crate.

/// Which picomatch options the server calls `isMatch` with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rule {
    /// Default options: Infisical servers of 2024-10 and 2025-06 (self-hosted, mid-2025 and before).
    Picomatch,
    /// `{ bash: true }`: Infisical of 2026 (Infisical Cloud today).
    PicomatchBash,
}

impl Rule {
    pub const BOTH: [Rule; 2] = [Rule::Picomatch, Rule::PicomatchBash];
}

/// The pattern uses syntax this module does not model; the reason names it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unsupported(pub &'static str);

/// Infisical's rule: exact string equality, else a picomatch glob match.
pub fn policy_match(value: &str, pattern: &str, rule: Rule) -> Result<bool, Unsupported> {
    if value == pattern {
        return Ok(true);
    }
    is_match(value, pattern, rule)
}

/// `picomatch.isMatch(value, pattern, options)`.
pub fn is_match(value: &str, pattern: &str, rule: Rule) -> Result<bool, Unsupported> {
    Ok(compile(pattern, rule)?.matches(value, pattern))
}

/// [`policy_match`] of one pattern against many values, compiled once (`--only` and `--exclude`
/// over a listing of 100k keys). A pattern we cannot model matches only itself, as
/// `policy_match(..).unwrap_or(false)` would.
pub fn matcher(pattern: &str, rule: Rule) -> impl Fn(&str) -> bool + '_ {
    let program = compile(pattern, rule).ok();
    move |value| value == pattern || program.as_ref().is_some_and(|p| p.matches(value, pattern))
}

impl Program {
    fn matches(&self, value: &str, pattern: &str) -> bool {
        // picomatch's own test: the input equal to the glob matches.
        if value == pattern && !value.is_empty() {
            return true;
        }
        if value.is_empty() {
            return false;
        }
        let chars: Vec<char> = value.chars().collect();
        let matched = match &self.atoms {
            None => false,
            Some(atoms) => run(&[atoms.as_slice()], &chars, 0),
        };
        matched != self.negated
    }
}

/// One step of the compiled regex.
#[derive(Clone, Debug)]
enum Atom {
    Lit(char),
    /// `(?!\.)`
    NotDot,
    /// `(?=.)`
    NonEmpty,
    /// `[^/]`, or `[^./]` at the start of a segment.
    Any {
        dot: bool,
    },
    Class(Class),
    /// `[^/]*?`, or `.*?` when it crosses `/`.
    Star {
        slash: bool,
    },
    /// `(?:(?!(?:^|\/)\.).)*?`: any text that does not start a segment with `.`.
    Globstar,
    /// `\/?` at the end.
    OptSlash,
    /// `^`
    Start,
    /// `$`
    End,
    Alt(Vec<Vec<Atom>>),
}

#[derive(Clone, Debug)]
struct Class {
    negated: bool,
    ranges: Vec<(char, char)>,
}

impl Class {
    fn contains(&self, c: char) -> bool {
        if self.negated {
            c != '/' && !self.ranges.iter().any(|&(lo, hi)| lo <= c && c <= hi)
        } else {
            self.ranges.iter().any(|&(lo, hi)| lo <= c && c <= hi)
        }
    }
}

struct Program {
    /// `None` = matches nothing (an unclosed `{`).
    atoms: Option<Vec<Atom>>,
    negated: bool,
}

fn compile(pattern: &str, rule: Rule) -> Result<Program, Unsupported> {
    if pattern.is_empty() {
        // picomatch throws; the server answers 500. Nothing matches.
        return Ok(Program {
            atoms: None,
            negated: false,
        });
    }
    let mut body = pattern.strip_prefix("./").unwrap_or(pattern);
    let mut negated = false;
    while body.starts_with('!') && !body.starts_with("!(") {
        negated = !negated;
        body = &body[1..];
    }
    let chars: Vec<char> = body.chars().collect();
    if has_extglob(&chars) {
        return Err(Unsupported("extglobs such as @(a|b) and bare ( ) groups"));
    }
    let p2 = !body.starts_with('*') && !chars.iter().any(|c| "/()[]{}\"".contains(*c));
    if p2 {
        return Ok(Program {
            atoms: Some(compile_plain(&chars, rule)),
            negated,
        });
    }
    if chars.contains(&'|') {
        return Err(Unsupported("`|` outside an extglob"));
    }
    let fast = is_fastpath(body);
    let mut compiler = Compiler {
        rule,
        fast,
        last_was_globstar: false,
    };
    let atoms = match compiler.sequence(&chars, 0, false) {
        Ok(mut atoms) => {
            let ends_open = matches!(chars.last(), Some('*' | ']'));
            if ends_open && !compiler.last_was_globstar {
                atoms.push(Atom::OptSlash);
            }
            Some(atoms)
        }
        Err(Never) => None,
    };
    Ok(Program { atoms, negated })
}

fn has_extglob(chars: &[char]) -> bool {
    let mut i = 0;
    while i < chars.len() {
        match chars[i] {
            '\\' => i += 1,
            '(' | ')' => return true,
            _ => {}
        }
        i += 1;
    }
    false
}

/// picomatch's fast paths for a few whole patterns (`*`, `**`, `*/*`, `**/*.yml`…).
fn is_fastpath(body: &str) -> bool {
    const FAST: [&str; 8] = ["*", ".*", "*.*", "*/*", "**", "**/*", "**/*.*", "**/.*"];
    if FAST.contains(&body) {
        return true;
    }
    // `/^(.*?)\.(\w+)$/`: the earliest `.` followed only by word characters.
    let word =
        |ext: &str| !ext.is_empty() && ext.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    body.char_indices()
        .find(|&(i, c)| c == '.' && word(&body[i + 1..]))
        .is_some_and(|(i, _)| is_fastpath(&body[..i]))
}

/// Patterns without `/`, brackets or braces that do not start with `*` (`repo:*`, `a*`):
/// picomatch replaces the wildcards directly. With `bash`, `*` there is the globstar text.
fn compile_plain(chars: &[char], rule: Rule) -> Vec<Atom> {
    let mut atoms = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        match chars[i] {
            '\\' if i + 1 < chars.len() => {
                i += 1;
                atoms.push(Atom::Lit(chars[i]));
            }
            '*' => {
                while chars.get(i + 1) == Some(&'*') {
                    i += 1;
                }
                atoms.push(match rule {
                    Rule::Picomatch => Atom::Star { slash: false },
                    Rule::PicomatchBash => Atom::Globstar,
                });
            }
            '?' => atoms.push(Atom::Any { dot: i > 0 }),
            c => atoms.push(Atom::Lit(c)),
        }
        i += 1;
    }
    atoms
}

/// An unclosed `{`: picomatch compiles the pattern to `$^`.
struct Never;

struct Compiler {
    rule: Rule,
    fast: bool,
    /// The pattern ended in a whole-segment `**` after `/` (no trailing `\/?` then).
    last_was_globstar: bool,
}

impl Compiler {
    fn bash(&self) -> bool {
        self.rule == Rule::PicomatchBash
    }

    /// Compiles `chars`; `origin` says whether `chars` starts the pattern, `in_brace` whether
    /// it is one alternative of a `{..}` group.
    fn sequence(
        &mut self,
        chars: &[char],
        origin: usize,
        in_brace: bool,
    ) -> Result<Vec<Atom>, Never> {
        let mut atoms: Vec<Atom> = Vec::new();
        let mut seg_start = !in_brace;
        let mut i = 0;
        while i < chars.len() {
            self.last_was_globstar = false;
            let c = chars[i];
            match c {
                '\\' if i + 1 < chars.len() => {
                    i += 1;
                    atoms.push(Atom::Lit(chars[i]));
                    seg_start = false;
                }
                '/' => {
                    atoms.push(Atom::Lit('/'));
                    seg_start = true;
                }
                '?' => {
                    atoms.push(Atom::Any { dot: !seg_start });
                    seg_start = false;
                }
                '[' => {
                    match parse_class(&chars[i..]) {
                        Some((class, literal, len)) => {
                            match literal {
                                Some(text) => atoms.push(Atom::Alt(vec![
                                    text.chars().map(Atom::Lit).collect(),
                                    vec![Atom::Class(class)],
                                ])),
                                None => atoms.push(Atom::Class(class)),
                            }
                            i += len;
                            seg_start = false;
                            continue;
                        }
                        None => atoms.push(Atom::Lit('[')),
                    }
                    seg_start = false;
                }
                '{' => {
                    let Some(close) = closing_brace(chars, i) else {
                        return Err(Never);
                    };
                    let inner = &chars[i + 1..close];
                    let parts = split_top_level(inner);
                    if parts.len() > 1 {
                        let mut alternatives = Vec::new();
                        for part in parts {
                            alternatives.push(self.sequence(part, origin + i + 1, true)?);
                        }
                        atoms.push(Atom::Alt(alternatives));
                        i = close + 1;
                        seg_start = false;
                        continue;
                    }
                    if let Some(range) = brace_range(inner) {
                        atoms.push(range);
                        i = close + 1;
                        seg_start = false;
                        continue;
                    }
                    if inner.windows(2).any(|w| w == ['.', '.']) {
                        // `{01..03}`: not a range picomatch understands; the text without braces.
                        atoms.extend(inner.iter().map(|&c| Atom::Lit(c)));
                        i = close + 1;
                        seg_start = false;
                        continue;
                    }
                    atoms.push(Atom::Lit('{'));
                    seg_start = false;
                }
                '*' => {
                    let mut n = 1;
                    while chars.get(i + n) == Some(&'*') {
                        n += 1;
                    }
                    let next = chars.get(i + n);
                    let whole = n == 2
                        && seg_start
                        && matches!(next, None | Some('/'))
                        && !(in_brace && self.bash());
                    if whole {
                        let skip_slash = self.globstar(&mut atoms, origin + i, next.is_some());
                        i += n + usize::from(skip_slash);
                        seg_start = true;
                        continue;
                    }
                    if seg_start {
                        atoms.push(Atom::NotDot);
                        let keep_nonempty = !self.bash() || self.fast;
                        let glued = n == 2 || (n >= 3 && origin + i > 0);
                        if keep_nonempty && !glued {
                            atoms.push(Atom::NonEmpty);
                        }
                    }
                    atoms.push(Atom::Star { slash: self.bash() });
                    i += n;
                    seg_start = false;
                    continue;
                }
                c => {
                    atoms.push(Atom::Lit(c));
                    seg_start = false;
                }
            }
            i += 1;
        }
        Ok(atoms)
    }

    /// A whole-segment `**` at absolute position `at`; `followed` = a `/` comes next. Returns
    /// whether that `/` was consumed.
    fn globstar(&mut self, atoms: &mut Vec<Atom>, at: usize, followed: bool) -> bool {
        let not_dot = |atoms: &mut Vec<Atom>| {
            if !self.bash() {
                atoms.push(Atom::NotDot);
            }
        };
        if at == 0 {
            if followed {
                // `**/c` → `(?:^|\/|GS\/)c`; the fast path `**/*` → `(?:(?!\.)GS\/)?`.
                if self.fast {
                    atoms.push(Atom::Alt(vec![
                        vec![Atom::NotDot, Atom::Globstar, Atom::Lit('/')],
                        vec![],
                    ]));
                } else {
                    atoms.push(Atom::Alt(vec![
                        vec![Atom::Start],
                        vec![Atom::Lit('/')],
                        vec![Atom::Globstar, Atom::Lit('/')],
                    ]));
                }
                return true;
            }
            atoms.extend([Atom::NotDot, Atom::Globstar]);
            return false;
        }
        // After `/`: drop that `/` into the group, unless a star precedes it (`x*/**`).
        let before_slash = atoms.len().checked_sub(2).map(|k| &atoms[k]);
        if matches!(before_slash, Some(Atom::Star { .. })) {
            not_dot(atoms);
            atoms.push(Atom::Globstar);
            self.last_was_globstar = true;
            return false;
        }
        atoms.pop();
        let mut crossing = vec![Atom::Lit('/')];
        not_dot(&mut crossing);
        crossing.push(Atom::Globstar);
        if followed {
            crossing.push(Atom::Lit('/'));
            atoms.push(Atom::Alt(vec![
                crossing,
                vec![Atom::Lit('/')],
                vec![Atom::End],
            ]));
            true
        } else {
            atoms.push(Atom::Alt(vec![crossing, vec![Atom::End]]));
            self.last_was_globstar = true;
            false
        }
    }
}

fn closing_brace(chars: &[char], open: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut i = open;
    while i < chars.len() {
        match chars[i] {
            '\\' => i += 1,
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// The top-level comma-separated parts of a brace body.
fn split_top_level(inner: &[char]) -> Vec<&[char]> {
    let mut parts = Vec::new();
    let (mut depth, mut start, mut i) = (0usize, 0, 0);
    while i < inner.len() {
        match inner[i] {
            '\\' => i += 1,
            '{' => depth += 1,
            '}' => depth = depth.saturating_sub(1),
            ',' if depth == 0 => {
                parts.push(&inner[start..i]);
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    parts.push(&inner[start..]);
    parts
}

/// `{1..3}`, `{a..c}`: one character from the range.
fn brace_range(inner: &[char]) -> Option<Atom> {
    match inner {
        [lo, '.', '.', hi]
            if (lo.is_ascii_digit() && hi.is_ascii_digit())
                || (lo.is_ascii_alphabetic() && hi.is_ascii_alphabetic()) =>
        {
            let (lo, hi) = if lo <= hi { (*lo, *hi) } else { (*hi, *lo) };
            Some(Atom::Class(Class {
                negated: false,
                ranges: vec![(lo, hi)],
            }))
        }
        _ => None,
    }
}

/// Parses `[...]` at the start of `chars`: the class, the literal text picomatch also accepts
/// when the body has no regex-special character, and the length.
fn parse_class(chars: &[char]) -> Option<(Class, Option<String>, usize)> {
    let negated = chars.get(1) == Some(&'^');
    let start = if negated { 2 } else { 1 };
    let mut i = start;
    let mut body: Vec<char> = Vec::new();
    loop {
        let c = *chars.get(i)?;
        if c == ']' && i > start {
            break;
        }
        if c == '[' && chars.get(i + 1) == Some(&':') {
            // A POSIX class `[:alpha:]` inside the brackets: its `]` does not close them.
            let name: String = chars[i..].iter().take_while(|&&c| c != ']').collect();
            if name.ends_with(':') {
                body.extend(name.chars());
                body.push(']');
                i += name.chars().count() + 1;
                continue;
            }
        }
        if c == '\\' {
            i += 1;
            body.push(*chars.get(i)?);
        } else {
            body.push(c);
        }
        i += 1;
    }
    let len = i + 1;
    let text: String = chars[1..i].iter().collect();
    let mut ranges = Vec::new();
    let mut j = 0;
    while j < body.len() {
        if body[j] == '[' && body.get(j + 1) == Some(&':') {
            let rest: String = body[j..].iter().collect();
            if let Some((name, set)) = POSIX.iter().find(|(name, _)| rest.starts_with(name)) {
                ranges.extend_from_slice(set);
                j += name.chars().count();
                continue;
            }
        }
        if j + 2 < body.len() && body[j + 1] == '-' {
            ranges.push((body[j], body[j + 2]));
            j += 3;
        } else {
            ranges.push((body[j], body[j]));
            j += 1;
        }
    }
    let special = |c: char| "-*+?.^${}(|)[]\\".contains(c);
    let literal = (!negated && !text.chars().any(special)).then(|| format!("[{text}]"));
    Some((Class { negated, ranges }, literal, len))
}

const POSIX: &[(&str, &[(char, char)])] = &[
    ("[:alnum:]", &[('a', 'z'), ('A', 'Z'), ('0', '9')]),
    ("[:alpha:]", &[('a', 'z'), ('A', 'Z')]),
    ("[:digit:]", &[('0', '9')]),
    ("[:lower:]", &[('a', 'z')]),
    ("[:upper:]", &[('A', 'Z')]),
    ("[:space:]", &[(' ', ' '), ('\t', '\r')]),
    ("[:xdigit:]", &[('a', 'f'), ('A', 'F'), ('0', '9')]),
    (
        "[:word:]",
        &[('a', 'z'), ('A', 'Z'), ('0', '9'), ('_', '_')],
    ),
];

/// Backtracking match of the sequences on `stack` (innermost first) against `s[pos..]`.
fn run(stack: &[&[Atom]], s: &[char], pos: usize) -> bool {
    let Some((top, outer)) = stack.split_first() else {
        return pos == s.len();
    };
    let Some((atom, rest)) = top.split_first() else {
        return run(outer, s, pos);
    };
    let next = |pos: usize| {
        let mut k: Vec<&[Atom]> = Vec::with_capacity(stack.len());
        k.push(rest);
        k.extend_from_slice(outer);
        run(&k, s, pos)
    };
    match atom {
        Atom::Lit(c) => s.get(pos) == Some(c) && next(pos + 1),
        Atom::NotDot => s.get(pos) != Some(&'.') && next(pos),
        Atom::NonEmpty => pos < s.len() && next(pos),
        Atom::Any { dot } => s
            .get(pos)
            .is_some_and(|&c| c != '/' && (*dot || c != '.') && next(pos + 1)),
        Atom::Class(class) => s
            .get(pos)
            .is_some_and(|&c| class.contains(c) && next(pos + 1)),
        Atom::Star { slash } => {
            let mut end = pos;
            loop {
                if next(end) {
                    return true;
                }
                match s.get(end) {
                    Some('/') if !slash => return false,
                    Some(_) => end += 1,
                    None => return false,
                }
            }
        }
        Atom::Globstar => {
            let mut end = pos;
            loop {
                if next(end) {
                    return true;
                }
                let blocked = match s.get(end) {
                    None => true,
                    Some('.') => end == 0,
                    Some('/') => s.get(end + 1) == Some(&'.'),
                    Some(_) => false,
                };
                if blocked {
                    return false;
                }
                end += 1;
            }
        }
        Atom::OptSlash => (s.get(pos) == Some(&'/') && next(pos + 1)) || next(pos),
        Atom::Start => pos == 0 && next(pos),
        Atom::End => pos == s.len() && next(pos),
        Atom::Alt(alternatives) => alternatives.iter().any(|alt| {
            let mut k: Vec<&[Atom]> = Vec::with_capacity(stack.len() + 1);
            k.push(alt);
            k.push(rest);
            k.extend_from_slice(outer);
            run(&k, s, pos)
        }),
    }
}

/// For a `pattern` that matches `value` only under [`Rule::PicomatchBash`] (some `*` spans a `/`):
/// the same pattern with each such `*` written per path segment, which matches `value` under
/// both rules. `repo:o/r:*` for `repo:o/r:ref:refs/heads/main` gives `repo:o/r:*/*/*`. `None`
/// when the pattern has classes, braces or extglobs, or no rewrite works.
pub fn portable_rewrite(pattern: &str, value: &str) -> Option<String> {
    if pattern.chars().any(|c| "[{(!@+".contains(c)) {
        return None;
    }
    let pattern_chars: Vec<char> = pattern.chars().collect();
    let mut pieces = Vec::new();
    let mut i = 0;
    while i < pattern_chars.len() {
        match pattern_chars[i] {
            '\\' if i + 1 < pattern_chars.len() => {
                i += 1;
                pieces.push(Piece::Lit(pattern_chars[i]));
            }
            '*' => {
                while pattern_chars.get(i + 1) == Some(&'*') {
                    i += 1;
                }
                pieces.push(Piece::Star);
            }
            '?' => pieces.push(Piece::Any),
            c => pieces.push(Piece::Lit(c)),
        }
        i += 1;
    }
    let value_chars: Vec<char> = value.chars().collect();
    let mut captures = Vec::new();
    if !capture(&pieces, &value_chars, 0, &mut captures) {
        return None;
    }
    let mut out = String::new();
    let mut runs = captures.iter();
    for piece in &pieces {
        match piece {
            Piece::Lit(c) => {
                if "*?[]{}()!@+\\".contains(*c) {
                    out.push('\\');
                }
                out.push(*c);
            }
            Piece::Any => out.push('?'),
            Piece::Star => {
                let text = runs.next()?;
                let at_segment_start = out.is_empty() || out.ends_with('/');
                let rewrite = text.contains('/')
                    || (at_segment_start && (text.is_empty() || text.starts_with('.')));
                if !rewrite {
                    out.push('*');
                    continue;
                }
                let parts: Vec<String> = text
                    .split('/')
                    .enumerate()
                    .map(|(k, part)| {
                        let starts_segment = k > 0 || at_segment_start;
                        if part.is_empty() {
                            String::new()
                        } else if part.starts_with('.') && starts_segment {
                            ".*".to_string()
                        } else {
                            "*".to_string()
                        }
                    })
                    .collect();
                out.push_str(&parts.join("/"));
            }
        }
    }
    let both = Rule::BOTH
        .iter()
        .all(|&rule| policy_match(value, &out, rule) == Ok(true));
    both.then_some(out)
}

enum Piece {
    Lit(char),
    Any,
    Star,
}

/// The bash reading: each `*` run takes the shortest text that lets the rest match.
fn capture(pieces: &[Piece], s: &[char], pos: usize, out: &mut Vec<String>) -> bool {
    let Some((piece, rest)) = pieces.split_first() else {
        return pos == s.len();
    };
    match piece {
        Piece::Lit(c) => s.get(pos) == Some(c) && capture(rest, s, pos + 1, out),
        Piece::Any => s.get(pos).is_some_and(|&c| c != '/') && capture(rest, s, pos + 1, out),
        Piece::Star => (pos..=s.len()).any(|end| {
            out.push(s[pos..end].iter().collect());
            if capture(rest, s, end, out) {
                return true;
            }
            out.pop();
            false
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize)]
    struct Row {
        pattern: String,
        value: String,
        /// picomatch 4.0.4, default options.
        default: bool,
        /// picomatch 4.0.4, `{ bash: true }`.
        bash: bool,
        /// picomatch 3.0.1, default options (what the 2024-10 and 2025-06 servers run).
        default_v3: bool,
    }

    /// Patterns whose syntax is deliberately not modelled (extglobs): `is_match` must say
    /// `Unsupported` for them, never guess.
    const UNSUPPORTED: &[&str] = &[
        "@(a|b)",
        "!(a)",
        "+(a)",
        "*(a|b)",
        "?(a)",
        "?(a)b",
        "repo:octo-org/example-repo:@(ref|environment):*",
        "repo:octo-org/example-repo:@(*|*/**)",
        "repo:octo-org/example-repo:*(*/)*",
        "repo:octo-org/*(*/)*:ref:refs/heads/main",
        "repo:o/r:+(*|/)",
        "a(b)",
    ];

    #[test]
    fn agrees_with_picomatch_on_every_row_of_the_truth_table() {
        let rows: Vec<Row> =
            serde_json::from_str(include_str!("../tests/fixtures/glob/picomatch-truth.json"))
                .unwrap();
        assert!(rows.len() > 200);
        let mut wrong = Vec::new();
        for row in &rows {
            if UNSUPPORTED.contains(&row.pattern.as_str()) {
                for rule in Rule::BOTH {
                    assert!(
                        is_match(&row.value, &row.pattern, rule).is_err(),
                        "{} should be unsupported",
                        row.pattern
                    );
                }
                continue;
            }
            // The old servers run picomatch 3; it agrees with 4 on every supported row.
            assert_eq!(row.default, row.default_v3, "{}", row.pattern);
            for (rule, want) in [
                (Rule::Picomatch, row.default),
                (Rule::PicomatchBash, row.bash),
            ] {
                let got = is_match(&row.value, &row.pattern, rule);
                if got != Ok(want) {
                    wrong.push(format!(
                        "{rule:?} {:?} ~ {:?}: picomatch {want}, ours {got:?}",
                        row.pattern, row.value
                    ));
                }
            }
        }
        assert!(
            wrong.is_empty(),
            "{} rows differ:\n{}",
            wrong.len(),
            wrong.join("\n")
        );
    }

    #[test]
    fn rewrites_a_star_that_spans_slashes_per_segment() {
        let cases = [
            (
                "repo:octo-org/example-repo:*",
                "repo:octo-org/example-repo:ref:refs/heads/main",
                Some("repo:octo-org/example-repo:*/*/*"),
            ),
            (
                "repo:*",
                "repo:o/r:ref:refs/heads/main",
                Some("repo:*/*/*/*"),
            ),
            (
                "repo:octo-org/*:ref:refs/heads/main",
                "repo:octo-org/a/b:ref:refs/heads/main",
                Some("repo:octo-org/*/*:ref:refs/heads/main"),
            ),
            ("https:*", "https://github.com/o", Some("https://*/*")),
            (
                "octo-org/example-repo/**",
                "octo-org/example-repo/.github/workflows/ci.yml@refs/heads/main",
                Some("octo-org/example-repo/.*/*/*/*/*"),
            ),
            ("repo:o/r:{a,*}", "repo:o/r:a/b", None),
        ];
        for (pattern, value, want) in cases {
            let got = portable_rewrite(pattern, value);
            assert_eq!(got.as_deref(), want, "{pattern}");
        }
        // The research's verified rows: every suggestion works under both rules.
        let rows: Vec<serde_json::Value> =
            serde_json::from_str(include_str!("../tests/fixtures/glob/picomatch-truth.json"))
                .unwrap();
        for row in rows
            .iter()
            .filter(|r| r["default"] == false && r["bash"] == true)
        {
            let (p, v) = (
                row["pattern"].as_str().unwrap(),
                row["value"].as_str().unwrap(),
            );
            if let Some(out) = portable_rewrite(p, v) {
                for rule in Rule::BOTH {
                    assert_eq!(policy_match(v, &out, rule), Ok(true), "{p} -> {out} ~ {v}");
                }
            }
        }
    }

    #[test]
    fn equality_comes_first() {
        assert_eq!(policy_match("a(b)", "a(b)", Rule::Picomatch), Ok(true));
        assert_eq!(policy_match("", "", Rule::PicomatchBash), Ok(true));
        assert_eq!(policy_match("x", "", Rule::PicomatchBash), Ok(false));
    }
}
