//! `secrets export --template FILE`: config files rendered from secrets with a deliberately tiny
//! language, so a typo is an error with a line number rather than a silently empty value.
//!
//! ```text
//! DATABASE_URL={{ DATABASE_URL }}
//! api_key: {{ API_KEY | json }}
//! {{ range }}export {{ .Key }}={{ .Value | shell }}
//! {{ end }}
//! ```
//! Filters: `json` (a JSON string), `shell` (POSIX single-quoted), `base64`; they chain left to
//! right. `{{ range }}…{{ end }}` repeats its body for every secret, sorted by key.

use base64::Engine;

use super::shell;
use crate::error::Failure;
use crate::secrets::SecretSet;

enum Node<'t> {
    Text(&'t str),
    /// A key or `.Key` / `.Value`, with filters, and the line it is on.
    Value {
        name: &'t str,
        filters: Vec<&'t str>,
        line: usize,
    },
    Range(Vec<Node<'t>>),
}

pub fn render(template: &str, secrets: &SecretSet) -> Result<String, Failure> {
    let nodes = parse(template)?;
    let mut out = String::with_capacity(template.len());
    emit(&nodes, secrets, None, &mut out)?;
    Ok(out)
}

fn error(line: usize, message: String) -> Failure {
    Failure::usage(format!("template line {line}: {message}"))
        .hint("write {{ KEY }}, {{ KEY | json }}, {{ KEY | shell }}, {{ KEY | base64 }}, or {{ range }}{{ .Key }}={{ .Value }}{{ end }}")
}

const FILTERS: &[&str] = &["json", "shell", "base64"];

fn parse(template: &str) -> Result<Vec<Node<'_>>, Failure> {
    let mut document = Vec::new();
    // Open `range` bodies, innermost last, with the line each was opened on.
    let mut open: Vec<(Vec<Node>, usize)> = Vec::new();
    fn body<'a, 't>(
        document: &'a mut Vec<Node<'t>>,
        open: &'a mut [(Vec<Node<'t>>, usize)],
    ) -> &'a mut Vec<Node<'t>> {
        open.last_mut().map_or(document, |(nodes, _)| nodes)
    }
    let mut rest = template;
    let mut offset = 0;
    let line_at = |offset: usize| template[..offset].matches('\n').count() + 1;
    while let Some(start) = rest.find("{{") {
        if start > 0 {
            body(&mut document, &mut open).push(Node::Text(&rest[..start]));
        }
        let line = line_at(offset + start);
        let after = &rest[start + 2..];
        let close = after
            .find("}}")
            .ok_or_else(|| error(line, "`{{` is never closed with `}}`".into()))?;
        let inner = after[..close].trim();
        let mut parts = inner.split('|').map(str::trim);
        let name = parts.next().unwrap_or_default();
        let filters: Vec<&str> = parts.collect();
        // Checked here, not while rendering: a mistake inside a `range` must fail even when
        // there are no secrets to loop over.
        if let Some(other) = filters.iter().find(|f| !FILTERS.contains(f)) {
            return Err(error(line, format!("unknown filter `{other}`")));
        }
        match name {
            "range" if filters.is_empty() && !open.is_empty() => {
                return Err(error(line, "`{{ range }}` cannot be nested".into()));
            }
            "range" if filters.is_empty() => open.push((Vec::new(), line)),
            "end" if filters.is_empty() => {
                let Some((nodes, _)) = open.pop() else {
                    return Err(error(line, "`{{ end }}` without `{{ range }}`".into()));
                };
                body(&mut document, &mut open).push(Node::Range(nodes));
            }
            "" => return Err(error(line, "empty `{{ }}`".into())),
            _ => body(&mut document, &mut open).push(Node::Value {
                name,
                filters,
                line,
            }),
        }
        let consumed = start + 2 + close + 2;
        rest = &rest[consumed..];
        offset += consumed;
    }
    if !rest.is_empty() {
        body(&mut document, &mut open).push(Node::Text(rest));
    }
    if let Some((_, line)) = open.pop() {
        return Err(error(
            line,
            "`{{ range }}` is never closed with `{{ end }}`".into(),
        ));
    }
    Ok(document)
}

fn emit(
    nodes: &[Node],
    secrets: &SecretSet,
    current: Option<(&str, &str)>,
    out: &mut String,
) -> Result<(), Failure> {
    for node in nodes {
        match node {
            Node::Text(text) => out.push_str(text),
            Node::Range(body) => {
                if current.is_some() {
                    return Err(Failure::usage("template: `{{ range }}` cannot be nested"));
                }
                for pair in secrets.iter() {
                    emit(body, secrets, Some(pair), out)?;
                }
            }
            Node::Value {
                name,
                filters,
                line,
            } => {
                let value = match (*name, current) {
                    (".Key", Some((key, _))) => key.to_string(),
                    (".Value", Some((_, value))) => value.to_string(),
                    (".Key" | ".Value", None) => {
                        return Err(error(
                            *line,
                            format!("`{name}` is only defined inside `{{{{ range }}}}`"),
                        ));
                    }
                    (key, _) => secrets
                        .get(key)
                        .ok_or_else(|| error(*line, format!("no secret named `{key}`")))?
                        .to_string(),
                };
                let mut value = value;
                for filter in filters {
                    value = match *filter {
                        "json" => serde_json::Value::String(value).to_string(),
                        "shell" => shell::quote(&value),
                        "base64" => base64::engine::general_purpose::STANDARD.encode(value),
                        other => return Err(error(*line, format!("unknown filter `{other}`"))),
                    };
                }
                out.push_str(&value);
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn secrets() -> SecretSet {
        [("A", "it's \"x\""), ("B", "two\nlines")]
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn renders_values_filters_and_loops() {
        let text = render(
            "a={{ A }}\nj={{A|json}}\ns={{ A | shell }}\nb={{ B | base64 }}\n{{ range }}{{ .Key }}={{ .Value | json }};{{ end }}",
            &secrets(),
        )
        .unwrap();
        assert_eq!(
            text,
            "a=it's \"x\"\nj=\"it's \\\"x\\\"\"\ns='it'\\''s \"x\"'\nb=dHdvCmxpbmVz\nA=\"it's \\\"x\\\"\";B=\"two\\nlines\";"
        );
    }

    #[test]
    fn mistakes_name_their_line() {
        for (template, says) in [
            ("ok\n{{ NOPE }}", "template line 2: no secret named `NOPE`"),
            ("{{ A | yaml }}", "template line 1: unknown filter `yaml`"),
            ("\n\n{{ A", "template line 3: `{{` is never closed"),
            ("{{ end }}", "without `{{ range }}`"),
            (
                "x\n{{ range }}{{ .Key }}",
                "template line 2: `{{ range }}` is never closed",
            ),
            ("{{ .Value }}", "only defined inside"),
            ("{{ }}", "empty"),
            (
                "{{ range }}\n{{ range }}{{ end }}{{ end }}",
                "template line 2: `{{ range }}` cannot be nested",
            ),
        ] {
            let e = render(template, &secrets()).unwrap_err();
            assert!(e.message.contains(says), "{template:?}: {}", e.message);
        }
        // Found by reading, not by rendering: no secret needs to reach the mistake.
        for (template, says) in [
            (
                "{{ range }}{{ .Value | yaml }}{{ end }}",
                "unknown filter `yaml`",
            ),
            (
                "{{ range }}{{ range }}{{ end }}{{ end }}",
                "cannot be nested",
            ),
        ] {
            let e = render(template, &SecretSet::default()).unwrap_err();
            assert!(e.message.contains(says), "{template:?}: {}", e.message);
            assert!(!e.message.contains("lines"), "no value in errors");
        }
    }
}
