//! The secret model: what a listing means once imports and folders are merged, as the official
//! clients merge them. Pure: no I/O.

use std::collections::BTreeMap;

use crate::api::{RawSecret, SecretsResponse};

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
