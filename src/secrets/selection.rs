//! Which secrets a command hands on, under which names, and which must be there: `--only`,
//! `--exclude`, the prefixes and `--require…`, applied after the merge.

use super::SecretSet;
use crate::error::{Failure, Kind};
use crate::glob::{self, Rule};

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
        // Each pattern compiled once, not once per key.
        fn compiled(patterns: &[String]) -> Vec<impl Fn(&str) -> bool + '_> {
            patterns
                .iter()
                .map(|p| glob::matcher(p, Rule::Picomatch))
                .collect()
        }
        let only = compiled(&self.only);
        let exclude = compiled(&self.exclude);
        if !only.is_empty() {
            set.retain(|k| only.iter().any(|m| m(k)));
        }
        set.retain(|k| !exclude.iter().any(|m| m(k)));
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
