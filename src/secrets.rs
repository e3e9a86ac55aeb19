//! The secret model: what a listing means once imports and folders are merged, as the official
//! clients merge them. Pure: no I/O.

use std::collections::{BTreeMap, HashMap};
use std::rc::Rc;

use crate::api::{RawSecret, SecretsResponse};
use crate::error::{Failure, Kind};
use crate::oidc::glob;

/// Where a secret's value came from: a folder of the environment asked for, or an import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Provenance {
    /// Shared: a listing has a handful of folders and 100k secrets.
    pub environment: Rc<str>,
    pub path: Rc<str>,
    pub imported: bool,
}

impl std::fmt::Display for Provenance {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let kind = if self.imported { "import" } else { "folder" };
        write!(f, "{kind} {}:{}", self.environment, self.path)
    }
}

/// One secret: its value, where it came from, and the same-named ones it won over.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Secret {
    pub value: String,
    pub from: Provenance,
    pub shadows: Vec<Provenance>,
}

/// Secrets by name, sorted by key (byte order) so every output is stable.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct SecretSet(BTreeMap<String, Secret>);

/// The merge result, plus what the user should hear about.
#[derive(Debug, Default)]
pub struct Merged {
    pub secrets: SecretSet,
    /// Keys whose value the identity may not read; left out rather than exported as a placeholder.
    pub hidden: Vec<String>,
}

impl SecretSet {
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0.iter().map(|(k, s)| (k.as_str(), s.value.as_str()))
    }

    pub fn entries(&self) -> impl Iterator<Item = (&str, &Secret)> {
        self.0.iter().map(|(k, s)| (k.as_str(), s))
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn get(&self, key: &str) -> Option<&str> {
        self.0.get(key).map(|s| s.value.as_str())
    }

    pub fn remove(&mut self, key: &str) -> Option<String> {
        self.0.remove(key).map(|s| s.value)
    }

    /// Sets `key` from `from`; an existing value is replaced and remembered as shadowed.
    fn put(&mut self, key: String, value: String, from: Provenance) {
        match self.0.get_mut(&key) {
            Some(existing) => {
                let old = std::mem::replace(&mut existing.from, from);
                existing.shadows.push(old);
                existing.value = value;
            }
            None => {
                self.0.insert(
                    key,
                    Secret {
                        value,
                        from,
                        shadows: Vec::new(),
                    },
                );
            }
        }
    }

    /// Sets `key` only if absent; otherwise `from` is what the existing one shadows.
    fn put_if_absent(&mut self, key: String, value: String, from: Provenance) {
        match self.0.get_mut(&key) {
            Some(existing) => existing.shadows.push(from),
            None => self.put(key, value, from),
        }
    }

    /// Lays `later` over this set: its secrets win, as with several `--path`s.
    pub fn overlay(&mut self, later: SecretSet) {
        if self.0.is_empty() {
            // The common case (one --path): no second insertion of every key.
            self.0 = later.0;
            return;
        }
        for (key, secret) in later.0 {
            let Secret {
                value,
                from,
                shadows,
            } = secret;
            self.put(key.clone(), value, from);
            if let Some(entry) = self.0.get_mut(&key) {
                entry.shadows.extend(shadows);
            }
        }
    }

    /// Keeps the secrets `keep` accepts.
    pub fn retain(&mut self, mut keep: impl FnMut(&str) -> bool) {
        self.0.retain(|k, _| keep(k));
    }

    /// Renames every key with `rename`; a later key that lands on an earlier name wins.
    pub fn rename(self, rename: impl Fn(&str) -> String) -> SecretSet {
        SecretSet(self.0.into_iter().map(|(k, s)| (rename(&k), s)).collect())
    }
}

impl FromIterator<(String, String)> for SecretSet {
    fn from_iter<T: IntoIterator<Item = (String, String)>>(iter: T) -> Self {
        let from = Provenance {
            environment: "".into(),
            path: "/".into(),
            imported: false,
        };
        let mut set = SecretSet::default();
        for (k, v) in iter {
            set.put(k, v, from.clone());
        }
        set
    }
}

/// Which secrets a command hands on, under which names, and which must be there.
#[derive(Debug, Clone, Default)]
pub struct Selection {
    /// Keep only keys matching one of these (exact or glob).
    pub only: Vec<String>,
    /// Drop keys matching one of these.
    pub exclude: Vec<String>,
    /// Removed from the start of keys that have it (after `only` / `exclude`).
    pub strip_prefix: Option<String>,
    /// Added to the start of every key (after `strip_prefix`).
    pub prefix: Option<String>,
    /// Final names that must be present and non-empty.
    pub require: Vec<String>,
    /// Every selected secret must be non-empty.
    pub require_all_nonempty: bool,
}

impl Selection {
    pub fn apply(&self, mut set: SecretSet) -> SecretSet {
        let matches =
            |key: &str, patterns: &[String]| patterns.iter().any(|p| glob::policy_match(key, p));
        if !self.only.is_empty() {
            set.retain(|k| matches(k, &self.only));
        }
        set.retain(|k| !matches(k, &self.exclude));
        if self.strip_prefix.is_none() && self.prefix.is_none() {
            return set;
        }
        set.rename(|key| {
            let stripped = self
                .strip_prefix
                .as_deref()
                .and_then(|p| key.strip_prefix(p))
                .unwrap_or(key);
            format!("{}{stripped}", self.prefix.as_deref().unwrap_or_default())
        })
    }

    /// Fails, naming every offending key at once, before anything is run or written.
    pub fn check_required(&self, set: &SecretSet, place: &str) -> Result<(), Failure> {
        let missing: Vec<&str> = self
            .require
            .iter()
            .map(String::as_str)
            .filter(|k| set.get(k).is_none())
            .collect();
        let empty: Vec<&str> = set
            .iter()
            .filter(|(k, v)| {
                v.is_empty() && (self.require_all_nonempty || self.require.iter().any(|r| r == k))
            })
            .map(|(k, _)| k)
            .collect();
        if missing.is_empty() && empty.is_empty() {
            return Ok(());
        }
        let mut problems = Vec::new();
        if !missing.is_empty() {
            problems.push(format!("missing {}", missing.join(", ")));
        }
        if !empty.is_empty() {
            problems.push(format!("empty {}", empty.join(", ")));
        }
        Err(Failure::new(
            Kind::Access,
            format!(
                "required secrets not usable in {place}: {}",
                problems.join("; ")
            ),
        )
        .hint(
            "add them in Infisical, check --env / --path / --only, or let this identity read them",
        ))
    }
}

/// A name every shell and the GitHub runner accept as a variable: `[A-Za-z_][A-Za-z0-9_]*`.
pub fn is_env_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// Names later steps or shells would run as code or search as paths: a secret must not set them
/// by accident (`BASH_ENV` runs a file in every later bash step, `LD_PRELOAD` loads a library).
pub fn is_hazardous_name(name: &str) -> bool {
    const EXACT: &[&str] = &["NODE_OPTIONS", "BASH_ENV", "ENV", "PATH"];
    const PREFIXES: &[&str] = &["LD_", "DYLD_", "GITHUB_", "RUNNER_", "ACTIONS_"];
    let upper = name.to_ascii_uppercase();
    EXACT.contains(&upper.as_str()) || PREFIXES.iter().any(|p| upper.starts_with(p))
}

/// Checks, before anything is written, that every secret can become an environment variable.
/// Lists every offending name at once, never a value.
pub fn check_env_names(secrets: &SecretSet, allowed: &[String]) -> Result<(), Failure> {
    let invalid: Vec<&str> = secrets
        .iter()
        .map(|(k, _)| k)
        .filter(|k| !is_env_name(k))
        .collect();
    if !invalid.is_empty() {
        return Err(Failure::usage(format!(
            "cannot export {}: an environment variable name is letters, digits and `_`, not starting with a digit",
            invalid.join(", ")
        ))
        .hint("rename the secrets in Infisical, or use --format json, yaml or csv, which take any name"));
    }
    let hazardous: Vec<&str> = secrets
        .iter()
        .map(|(k, _)| k)
        .filter(|k| is_hazardous_name(k) && !allowed.iter().any(|a| a == k))
        .collect();
    if !hazardous.is_empty() {
        return Err(Failure::usage(format!(
            "refusing to export {}: shells or later workflow steps would treat it as code or a search path",
            hazardous.join(", ")
        ))
        .hint(format!(
            "if this is intended, pass --allow-name {}",
            hazardous[0]
        )));
    }
    let with_nul: Vec<&str> = secrets
        .iter()
        .filter(|(_, v)| v.contains('\0'))
        .map(|(k, _)| k)
        .collect();
    if !with_nul.is_empty() {
        return Err(Failure::usage(format!(
            "the value of {} contains a NUL byte, which no environment variable can hold",
            with_nul.join(", ")
        ))
        .hint("use --format json for an exact copy"));
    }
    Ok(())
}

/// Own secrets win over imports; among imports the later one wins; within a listing (recursive
/// folders) the last occurrence wins. The same rule as the official CLI and GitHub Action.
/// `environment` and `path` name the folder asked for (items of older servers carry no path).
pub fn merge(response: SecretsResponse, environment: &str, path: &str) -> Merged {
    let mut merged = Merged::default();
    let hidden = |secret: &RawSecret, merged_hidden: &mut Vec<String>| {
        let is_hidden = secret.secret_value_hidden == Some(true);
        if is_hidden && !merged_hidden.contains(&secret.secret_key) {
            merged_hidden.push(secret.secret_key.clone());
        }
        is_hidden
    };
    let environment: Rc<str> = environment.into();
    let asked: Rc<str> = path.into();
    let mut folders: HashMap<String, Rc<str>> = HashMap::new();
    for secret in response.secrets {
        if hidden(&secret, &mut merged.hidden) {
            continue;
        }
        let path = match secret.secret_path {
            Some(p) if *p != *asked => folders
                .entry(p)
                .or_insert_with_key(|p| p.as_str().into())
                .clone(),
            _ => asked.clone(),
        };
        let from = Provenance {
            environment: environment.clone(),
            path,
            imported: false,
        };
        merged
            .secrets
            .put(secret.secret_key, secret.secret_value, from);
    }
    for import in response.imports.into_iter().rev() {
        let source = Provenance {
            environment: import.environment.into(),
            path: import.secret_path.into(),
            imported: true,
        };
        for secret in import.secrets {
            if hidden(&secret, &mut merged.hidden) {
                continue;
            }
            let from = source.clone();
            merged
                .secrets
                .put_if_absent(secret.secret_key, secret.secret_value, from);
        }
    }
    let secrets = &merged.secrets;
    merged.hidden.retain(|k| secrets.get(k).is_none());
    merged
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::ImportedFolder;

    fn raw(key: &str, value: &str) -> RawSecret {
        RawSecret {
            secret_key: key.into(),
            secret_value: value.into(),
            secret_path: None,
            secret_value_hidden: Some(false),
        }
    }

    fn import(environment: &str, secrets: Vec<RawSecret>) -> ImportedFolder {
        ImportedFolder {
            environment: environment.into(),
            secret_path: "/".into(),
            secrets,
        }
    }

    #[test]
    fn own_secrets_win_then_the_later_import() {
        let merged = merge(
            SecretsResponse {
                secrets: vec![raw("API_KEY", "own")],
                imports: vec![
                    import(
                        "prod",
                        vec![
                            raw("API_KEY", "first"),
                            raw("LOG", "first"),
                            raw("ONLY1", "1"),
                        ],
                    ),
                    import(
                        "staging",
                        vec![raw("API_KEY", "second"), raw("LOG", "second")],
                    ),
                ],
            },
            "dev",
            "/",
        );
        let s = merged.secrets;
        assert_eq!(s.get("API_KEY"), Some("own"));
        assert_eq!(s.get("LOG"), Some("second"));
        assert_eq!(s.get("ONLY1"), Some("1"));
        assert_eq!(s.len(), 3);
        let (_, api_key) = s.entries().find(|(k, _)| *k == "API_KEY").unwrap();
        assert_eq!(api_key.from.to_string(), "folder dev:/");
        let shadowed: Vec<String> = api_key.shadows.iter().map(|p| p.to_string()).collect();
        assert_eq!(shadowed, ["import staging:/", "import prod:/"]);
    }

    #[test]
    fn the_last_occurrence_wins_within_a_recursive_listing() {
        let merged = merge(
            SecretsResponse {
                secrets: vec![raw("K", "root"), raw("K", "nested")],
                imports: vec![],
            },
            "dev",
            "/",
        );
        assert_eq!(merged.secrets.get("K"), Some("nested"));
    }

    #[test]
    fn selection_filters_renames_and_requires() {
        let set: SecretSet = [
            ("APP_DB", "x"),
            ("APP_KEY", ""),
            ("OTHER", "y"),
            ("APP_TMP", "z"),
        ]
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
        let selection = Selection {
            only: vec!["APP_*".into()],
            exclude: vec!["*_TMP".into()],
            strip_prefix: Some("APP_".into()),
            prefix: Some("MY_".into()),
            require: vec!["MY_DB".into(), "MY_KEY".into(), "MY_GONE".into()],
            require_all_nonempty: false,
        };
        let picked = selection.apply(set);
        let keys: Vec<&str> = picked.iter().map(|(k, _)| k).collect();
        assert_eq!(keys, ["MY_DB", "MY_KEY"]);
        let e = selection.check_required(&picked, "p/dev:/").unwrap_err();
        assert_eq!(
            e.message,
            "required secrets not usable in p/dev:/: missing MY_GONE; empty MY_KEY"
        );
        assert_eq!(e.kind, Kind::Access);
    }

    #[test]
    fn names_are_checked_before_anything_is_written() {
        let set = |k: &str, v: &str| -> SecretSet {
            [(k.to_string(), v.to_string())].into_iter().collect()
        };
        assert!(check_env_names(&set("API_KEY", "v"), &[]).is_ok());
        for bad in ["1ABC", "A-B", "A B", "A=B", "", "Ä"] {
            let e = check_env_names(&set(bad, "v"), &[]).unwrap_err();
            assert!(e.message.starts_with("cannot export"), "{bad}");
        }
        for hazard in [
            "PATH",
            "BASH_ENV",
            "ENV",
            "node_options",
            "LD_PRELOAD",
            "DYLD_INSERT_LIBRARIES",
            "GITHUB_TOKEN",
            "RUNNER_TEMP",
            "ACTIONS_RUNTIME_TOKEN",
        ] {
            let e = check_env_names(&set(hazard, "v"), &[]).unwrap_err();
            assert!(e.message.starts_with("refusing to export"), "{hazard}");
            assert!(check_env_names(&set(hazard, "v"), &[hazard.to_string()]).is_ok());
        }
        let e = check_env_names(&set("K", "a\0b"), &[]).unwrap_err();
        assert!(e.message.contains("NUL") && !e.message.contains("a\0b"));
    }

    #[test]
    fn hidden_values_are_left_out_and_reported() {
        let mut hidden = raw("HIDDEN", "<hidden-by-infisical>");
        hidden.secret_value_hidden = Some(true);
        let merged = merge(
            SecretsResponse {
                secrets: vec![hidden, raw("SHOWN", "v")],
                imports: vec![],
            },
            "dev",
            "/",
        );
        assert_eq!(merged.secrets.get("HIDDEN"), None);
        assert_eq!(merged.hidden, vec!["HIDDEN".to_string()]);
    }
}
