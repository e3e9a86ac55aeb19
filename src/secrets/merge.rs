//! An Infisical listing (own secrets plus imported folders) merged into one `SecretSet` by the
//! precedence rule the official clients use (docs/infisical-api.md §6.5).

use std::collections::HashMap;
use std::rc::Rc;

use super::{Provenance, Secret, SecretSet, collate};
use crate::api::{RawSecret, SecretsResponse};

/// The merge result, plus what the user should hear about.
#[derive(Debug, Default)]
pub struct Merged {
    pub secrets: SecretSet,
    /// Keys whose value the identity may not read; left out rather than exported as a placeholder.
    pub hidden: Vec<String>,
}

/// Own secrets win over imports; among imports the later one wins; within a listing (recursive
/// folders) the last occurrence wins. The same rule as the official CLI and GitHub Action.
/// `environment` and `path` name the folder asked for (items of older servers carry no path).
pub fn merge(response: SecretsResponse, environment: &str, path: &str) -> Merged {
    let mut hidden_keys: Vec<String> = Vec::new();
    let mut visible = |secret: &RawSecret| {
        let is_hidden = secret.secret_value_hidden == Some(true);
        if is_hidden && !hidden_keys.contains(&secret.secret_key) {
            hidden_keys.push(secret.secret_key.clone());
        }
        !is_hidden
    };
    let environment: Rc<str> = environment.into();
    let asked: Rc<str> = path.into();
    let mut folders: HashMap<String, Rc<str>> = HashMap::new();

    // Every candidate in the order the rule weighs them: own secrets as listed, then imports from
    // the last to the first. One stable sort then brings each key's candidates together, which
    // costs far less than a map update per candidate when there are 100k of them.
    let imported: usize = response.imports.iter().map(|i| i.secrets.len()).sum();
    let mut candidates: Vec<Candidate> = Vec::with_capacity(response.secrets.len() + imported);
    for secret in response.secrets {
        if !visible(&secret) {
            continue;
        }
        let path = match secret.secret_path {
            Some(p) if *p != *asked => folders
                .entry(p)
                .or_insert_with_key(|p| p.as_str().into())
                .clone(),
            _ => asked.clone(),
        };
        candidates.push(Candidate {
            key: secret.secret_key,
            value: secret.secret_value,
            from: Provenance {
                environment: environment.clone(),
                path,
                imported: false,
            },
        });
    }
    for import in response.imports.into_iter().rev() {
        let source = Provenance {
            environment: import.environment.into(),
            path: import.secret_path.into(),
            imported: true,
        };
        for secret in import.secrets {
            if visible(&secret) {
                candidates.push(Candidate {
                    key: secret.secret_key,
                    value: secret.secret_value,
                    from: source.clone(),
                });
            }
        }
    }
    let secrets = collate(
        candidates,
        |c| &c.key,
        |c| c.into_entry(Vec::new()),
        |mut same| {
            // The last own one if any (later folders of a recursive listing win), else the first
            // import weighed, i.e. the last import listed. The others are what it shadows.
            let winner = same.iter().rposition(|c| !c.from.imported).unwrap_or(0);
            let chosen = same.remove(winner);
            chosen.into_entry(same.into_iter().map(|c| c.from).collect())
        },
    );
    hidden_keys.retain(|k| secrets.get(k).is_none());
    Merged {
        secrets,
        hidden: hidden_keys,
    }
}

/// One secret a listing offers for a key, before the precedence rule picks among them.
struct Candidate {
    key: String,
    value: String,
    from: Provenance,
}

impl Candidate {
    fn into_entry(self, shadows: Vec<Provenance>) -> (String, Secret) {
        let secret = Secret {
            value: self.value,
            from: self.from,
            shadows,
        };
        (self.key, secret)
    }
}
