//! How a module below `config` reads an environment variable: it is handed a function, so only
//! `config` touches the process environment and tests can hand in their own.

/// Reads an environment variable (an empty value counts as unset).
pub type Env<'a> = &'a dyn Fn(&str) -> Option<String>;
