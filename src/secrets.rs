//! The secret model: what a listing means once imports and folders are merged, as the official
//! clients merge them. Pure: no I/O.

use std::collections::BTreeMap;

use crate::api::{RawSecret, SecretsResponse};
use crate::error::Failure;

/// Secrets by name, sorted by key (byte order) so every output is stable.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct SecretSet(BTreeMap<String, String>);

/// The merge result, plus what the user should hear about.
#[derive(Debug, Default)]
pub struct Merged {
    pub secrets: SecretSet,
    /// Keys whose value the identity may not read; left out rather than exported as a placeholder.
    pub hidden: Vec<String>,
}

impl SecretSet {
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    #[cfg(test)]
    pub fn get(&self, key: &str) -> Option<&str> {
        self.0.get(key).map(String::as_str)
    }

    pub fn remove(&mut self, key: &str) -> Option<String> {
        self.0.remove(key)
    }
}

impl FromIterator<(String, String)> for SecretSet {
    fn from_iter<T: IntoIterator<Item = (String, String)>>(iter: T) -> Self {
        SecretSet(iter.into_iter().collect())
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
pub fn merge(response: SecretsResponse) -> Merged {
    let mut merged = Merged::default();
    let mut take = |secret: RawSecret, map: &mut BTreeMap<String, String>, overwrite: bool| {
        if secret.secret_value_hidden == Some(true) {
            if !merged.hidden.contains(&secret.secret_key) {
                merged.hidden.push(secret.secret_key);
            }
            return;
        }
        if overwrite || !map.contains_key(&secret.secret_key) {
            map.insert(secret.secret_key, secret.secret_value);
        }
    };
    let mut map = BTreeMap::new();
    for secret in response.secrets {
        take(secret, &mut map, true);
    }
    for import in response.imports.into_iter().rev() {
        for secret in import.secrets {
            take(secret, &mut map, false);
        }
    }
    merged.hidden.retain(|k| !map.contains_key(k));
    merged.secrets = SecretSet(map);
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
            secret_value_hidden: Some(false),
        }
    }

    fn import(secrets: Vec<RawSecret>) -> ImportedFolder {
        ImportedFolder { secrets }
    }

    #[test]
    fn own_secrets_win_then_the_later_import() {
        let merged = merge(SecretsResponse {
            secrets: vec![raw("API_KEY", "own")],
            imports: vec![
                import(vec![
                    raw("API_KEY", "first"),
                    raw("LOG", "first"),
                    raw("ONLY1", "1"),
                ]),
                import(vec![raw("API_KEY", "second"), raw("LOG", "second")]),
            ],
        });
        let s = merged.secrets;
        assert_eq!(s.get("API_KEY"), Some("own"));
        assert_eq!(s.get("LOG"), Some("second"));
        assert_eq!(s.get("ONLY1"), Some("1"));
        assert_eq!(s.len(), 3);
    }

    #[test]
    fn the_last_occurrence_wins_within_a_recursive_listing() {
        let merged = merge(SecretsResponse {
            secrets: vec![raw("K", "root"), raw("K", "nested")],
            imports: vec![],
        });
        assert_eq!(merged.secrets.get("K"), Some("nested"));
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
        let merged = merge(SecretsResponse {
            secrets: vec![hidden, raw("SHOWN", "v")],
            imports: vec![],
        });
        assert_eq!(merged.secrets.get("HIDDEN"), None);
        assert_eq!(merged.hidden, vec!["HIDDEN".to_string()]);
    }
}
