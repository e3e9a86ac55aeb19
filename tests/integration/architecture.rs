//! The layers of `src/`, written down once and enforced: a module may use the modules of its own
//! layer and of the layers below it, never one above, and the modules never import each other in a
//! loop. ARCHITECTURE.md explains each layer; this test keeps it true.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Top to bottom. A module not listed here fails the test: place a new module on purpose.
const LAYERS: &[&[&str]] = &[
    &["main"],
    &["cmd"],
    // What users typed, resolved into settings: only `cmd` (and `main`, to parse) reads them.
    &["config", "cli"],
    &["auth", "format", "run", "watch", "update"],
    &["api", "oidc", "session", "secrets", "github", "cloud"],
    &["http"],
    // Leaves: they import nothing of ours but other leaves.
    &[
        "error",
        "messages",
        "units",
        "env",
        "glob",
        "names",
        "private_file",
    ],
];

/// Modules that only the named modules may import, whatever their layer.
const PRIVATE_TO: &[(&str, &[&str])] = &[("cli", &["main", "cmd", "config"]), ("config", &["cmd"])];

/// Only `config` reads the process environment; everything below it is handed values.
const READS_THE_ENVIRONMENT: &[&str] = &["config"];

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The top-level module a file belongs to: `src/http/retry.rs` → `http`, `src/main.rs` → `main`.
fn module_of(file: &Path) -> String {
    let relative = file.strip_prefix(src()).unwrap();
    let first = relative.components().next().unwrap().as_os_str();
    first.to_string_lossy().trim_end_matches(".rs").to_string()
}

/// The code of a file without comments and string literals, so that prose that mentions
/// `crate::x` is not an import.
fn code_only(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'/') => {
                for c in chars.by_ref() {
                    if c == '\n' {
                        out.push('\n');
                        break;
                    }
                }
            }
            '"' => {
                let mut escaped = false;
                for c in chars.by_ref() {
                    match c {
                        _ if escaped => escaped = false,
                        '\\' => escaped = true,
                        '"' => break,
                        _ => {}
                    }
                }
                out.push_str("\"\"");
            }
            // A char literal such as '"' would open a string above; lifetimes ('a) are left alone.
            '\'' if chars.clone().nth(1) == Some('\'') => {
                chars.next();
                chars.next();
                out.push_str("' '");
            }
            _ => out.push(c),
        }
    }
    out
}

fn identifier_at(text: &str) -> Option<&str> {
    let end = text
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(text.len());
    (end > 0).then(|| &text[..end])
}

/// Every module of ours a file names through `crate::`: `use crate::a::b`, `use crate::{a, b}`
/// and paths in code such as `crate::a::f()`.
fn crate_modules_named(code: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for (at, _) in code.match_indices("crate::") {
        if code[..at].ends_with('$') {
            continue; // `$crate` inside a macro: not a path of ours.
        }
        let rest = &code[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            // Top-level names of the group, at brace depth 0.
            let mut depth = 0;
            let mut start = 0;
            for (i, c) in group.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => {
                        found.extend(identifier_at(group[start..i].trim()).map(String::from));
                        break;
                    }
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        found.extend(identifier_at(group[start..i].trim()).map(String::from));
                        start = i + 1;
                    }
                    _ => {}
                }
            }
        } else if let Some(name) = identifier_at(rest) {
            found.insert(name.to_string());
        }
    }
    found.remove("self");
    found
}

/// module → module it imports → the files that do.
type Graph = BTreeMap<String, BTreeMap<String, BTreeSet<String>>>;

fn import_graph() -> Graph {
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    assert!(
        files.len() > 20,
        "found only {} files under src/",
        files.len()
    );
    let mut graph = Graph::new();
    for file in files {
        let from = module_of(&file);
        let code = code_only(&std::fs::read_to_string(&file).unwrap());
        let shown = file.strip_prefix(src().parent().unwrap()).unwrap();
        let edges = graph.entry(from.clone()).or_default();
        for to in crate_modules_named(&code) {
            if to != from {
                edges
                    .entry(to)
                    .or_default()
                    .insert(shown.display().to_string());
            }
        }
    }
    graph
}

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|layer| layer.contains(&module))
}

/// A loop, spelled out: `a (src/a.rs) → b (src/b/mod.rs) → a`, or None.
fn find_cycle(graph: &Graph) -> Option<String> {
    fn visit(
        node: &str,
        graph: &Graph,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<String> {
        if let Some(start) = path.iter().position(|n| n == node) {
            let mut spelled = Vec::new();
            for pair in path[start..]
                .iter()
                .chain([&node.to_string()])
                .collect::<Vec<_>>()
                .windows(2)
            {
                let files = &graph[pair[0].as_str()][pair[1].as_str()];
                spelled.push(format!("{} ({})", pair[0], files.iter().next().unwrap()));
            }
            spelled.push(node.to_string());
            return Some(spelled.join(" → "));
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_string());
        for next in graph.get(node).into_iter().flat_map(|edges| edges.keys()) {
            if let Some(cycle) = visit(next, graph, path, done) {
                return Some(cycle);
            }
        }
        path.pop();
        done.insert(node.to_string());
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|start| visit(start, graph, &mut Vec::new(), &mut done))
}

#[test]
fn every_module_has_a_layer() {
    let unplaced: Vec<String> = import_graph()
        .keys()
        .filter(|m| layer_of(m).is_none())
        .cloned()
        .collect();
    assert!(
        unplaced.is_empty(),
        "modules with no layer in tests/integration/architecture.rs: {unplaced:?}; add each to LAYERS (and to ARCHITECTURE.md)"
    );
}

#[test]
fn no_module_imports_a_higher_layer() {
    let graph = import_graph();
    let mut upward = Vec::new();
    for (from, edges) in &graph {
        for (to, files) in edges {
            let (Some(a), Some(b)) = (layer_of(from), layer_of(to)) else {
                continue; // every_module_has_a_layer reports it.
            };
            if b < a {
                upward.push(format!("{from} → {to} ({})", join(files)));
            }
            if let Some((_, allowed)) = PRIVATE_TO.iter().find(|(m, _)| m == to)
                && !allowed.contains(&from.as_str())
            {
                upward.push(format!(
                    "{from} → {to}, which only {allowed:?} may use ({})",
                    join(files)
                ));
            }
        }
    }
    assert!(
        upward.is_empty(),
        "imports against the layers:\n{}",
        upward.join("\n")
    );
}

#[test]
fn the_modules_import_each_other_in_no_loop() {
    if let Some(cycle) = find_cycle(&import_graph()) {
        panic!("an import loop: {cycle}");
    }
}

#[test]
fn only_config_reads_the_process_environment() {
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    let readers: Vec<String> = files
        .iter()
        .filter(|f| !READS_THE_ENVIRONMENT.contains(&module_of(f).as_str()))
        .filter(|f| {
            let code = code_only(&std::fs::read_to_string(f).unwrap());
            ["env::var(", "env::var_os(", "env::vars(", "env::vars_os("]
                .iter()
                .any(|call| code.contains(call))
        })
        .map(|f| f.display().to_string())
        .collect();
    assert!(
        readers.is_empty(),
        "read the process environment outside config: {readers:?}"
    );
}

/// The checks above would pass on a parser that finds nothing: prove it finds what it must.
#[test]
fn the_import_parser_sees_every_form() {
    let code = code_only(
        "use crate::a::B;\nuse crate::{b, c::{D, E}, self};\nfn f() { crate::d::g(); }\n\
         // crate::commented::out\nconst S: &str = \"crate::quoted\";\nmacro_rules! m { () => { $crate::x } }",
    );
    let found: Vec<String> = crate_modules_named(&code).into_iter().collect();
    assert_eq!(found, ["a", "b", "c", "d"]);

    let mut graph = Graph::new();
    let edge = |graph: &mut Graph, a: &str, b: &str| {
        graph
            .entry(a.into())
            .or_default()
            .entry(b.into())
            .or_default()
            .insert(format!("src/{a}.rs"));
    };
    edge(&mut graph, "x", "y");
    edge(&mut graph, "y", "z");
    assert_eq!(find_cycle(&graph), None);
    edge(&mut graph, "z", "x");
    assert_eq!(
        find_cycle(&graph).as_deref(),
        Some("x (src/x.rs) → y (src/y.rs) → z (src/z.rs) → x")
    );
    assert!(import_graph()["cmd"].contains_key("config"));
}

fn join(files: &BTreeSet<String>) -> String {
    files.iter().cloned().collect::<Vec<_>>().join(", ")
}
