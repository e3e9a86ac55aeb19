//! Secret values that break naive writers: quotes, `$`, backslashes, comments, line breaks,
//! unicode, and values crafted to inject variables into `$GITHUB_ENV`.

pub const AWKWARD: &[(&str, &str)] = &[
    ("EMPTY", ""),
    ("PLAIN", "plain-value_1.2:3@host/path"),
    ("SPACES", "  padded with spaces  "),
    ("SINGLE_QUOTE", "it's"),
    ("DOUBLE_QUOTE", "say \"hi\""),
    ("BOTH_QUOTES", "both ' and \""),
    ("DOLLAR", "$HOME and ${HOME} and $"),
    ("PLAIN_DOLLAR", "$HOME and $ and 5$"),
    ("DOLLAR_AND_QUOTE", "it's $HOME"),
    ("BACKSLASH", "back\\slash \\n not a newline"),
    ("TRAILING_BACKSLASH", "ends with\\"),
    ("HASH", "# not a comment"),
    ("INNER_HASH", "a #hash"),
    ("EQUALS", "=leading=equals"),
    ("NEWLINES", "line1\nline2\n"),
    ("CRLF", "crlf\r\nline"),
    ("TAB", "tab\there"),
    ("UNICODE", "héllo wörld ✓ 日本語 🚀"),
    ("BACKTICK", "`backtick` $(echo no) ; echo no"),
    (
        "PEM",
        "-----BEGIN PRIVATE KEY-----\nMIIBVQIBADANBgkqhkiG9w0BAQEFAA\n-----END PRIVATE KEY-----",
    ),
    ("JSON", "{\"key\":\"value\",\"list\":[1,2,3]}"),
    // Text that looks like the runner's own command escapes, across lines.
    ("PERCENT_LINES", "100%25 sure\n%0A is not a newline"),
    (
        "TRICKY",
        "p@ss\"word'with$dollar and $HOME and \\back\\\\slash `tick` #hash =eq;semi|pipe&amp %percent% \\n(not-a-newline)",
    ),
];

/// Values that try to smuggle variables into `$GITHUB_ENV`.
pub const HOSTILE: &[(&str, &str)] = &[
    ("INJECT_LINE", "x\nBASH_ENV=/tmp/evil"),
    (
        "INJECT_DELIMITER",
        "x\nghadelimiter_00000000-0000-0000-0000-000000000000\nLD_PRELOAD=/tmp/evil.so",
    ),
    ("INJECT_HEREDOC", "x\nEVIL<<EOF\n/tmp/evil\nEOF"),
    ("INJECT_EOF", "EOF\nNODE_OPTIONS=--require /tmp/evil.js"),
];

/// Values a shell would run if they reached it unquoted or in double quotes: sourcing a dotenv
/// file (`set -a; . ./app.env`) must never create `CANARY` in the working directory.
pub const SHELL_CODE: &[(&str, &str)] = &[
    ("CODE_SUBST", "$(touch CANARY)"),
    ("CODE_TICK", "`touch CANARY`"),
    ("CODE_QUOTE_SUBST", "it's $(touch CANARY)"),
    ("CODE_QUOTE_TICK", "it's `touch CANARY`"),
    ("CODE_DQ_TICK", "say \"`touch CANARY`\""),
    ("CODE_LINES", "a\n$(touch CANARY)\n`touch CANARY`"),
    ("CODE_QUOTE_LINES", "it's\n$(touch CANARY)"),
    ("CODE_ARITH", "$((1+1)) ${x:-$(touch CANARY)}"),
    ("CODE_BACKSLASH", "\\$(touch CANARY) \\`touch CANARY\\`"),
    ("TILDE", "~/x"),
    ("TILDE_AFTER_COLON", "a:~/b"),
    ("BARE_PUNCTUATION", "a-b_c.d/e:f@g%h+i,j^k"),
];
