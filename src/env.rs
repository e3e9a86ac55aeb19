//! How a module below `config` reads an environment variable: it is handed a function, so only
//! `config` touches the process environment and tests can hand in their own.

/// Reads an environment variable (an empty value counts as unset).
pub type Env<'a> = &'a dyn Fn(&str) -> Option<String>;

/// Whether this is a GitHub Actions job (or a runner that says it is, such as act).
pub fn in_github_actions(env: Env) -> bool {
    env("GITHUB_ACTIONS").as_deref() == Some("true")
}
